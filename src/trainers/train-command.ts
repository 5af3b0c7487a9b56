/**
 * `retrain train <trainer>`: a built-in trainer as one more user of the warm-start contract. It reads
 * the training data from RETRAIN_DATA_<NAME>, warm-starts from RETRAIN_BASELINE_DIR when the champion
 * is a compatible built-in model, and writes the whole training state to RETRAIN_MODEL_DIR.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { ContractEnv } from '../contract-names.js'
import { cellText, classIndex, classLabel, labelRows, mergeBinarySpellings, parseNumber, readTable, rowOrigin, type ReadPlan, type Table } from './csv.js'
import { TrainerError } from './errors.js'
import { minimize, poissonObjective, referenceStopRule, softmaxBlocks, softmaxObjective, type Objective } from './lbfgs.js'
import { hasModel, loadModel, MODEL_FILE, MODEL_FORMAT, MODEL_FORMAT_VERSION, saveModel, weightsDigest, type BuiltinModel, type RunRecord } from './model.js'
import { FROZEN_OPTIONS, optionKey, parseTrainerOptions, TRAINERS, type TrainerInfo, type TrainerName, type TrainerOptions } from './options.js'
import { extendCategories, featurize, fitPreparation, frozenPreparationNotes, missingColumns, preparedColumns } from './preparation.js'
import { rowUniform } from './random.js'
import { effectiveWeights, epochBuffers, meanLoss, newSgdState, sgdEpoch, type Dataset, type SgdConfig, type SgdState } from './sgd.js'
import { dataFiles, requireEnv, type CommandIO } from './io.js'
import { sharedFloat64Array } from './kernels.js'
import { objectiveThreadCounts, startObjectiveThread } from './objective-threads.js'

export function readOptions(trainer: string, env: NodeJS.ProcessEnv): { name: TrainerName; options: TrainerOptions } {
  let raw: Record<string, unknown> = {}
  const text = env[ContractEnv.builtinOptions]
  if (text) {
    try {
      raw = JSON.parse(text) as Record<string, unknown>
    } catch {
      throw new TrainerError(`${ContractEnv.builtinOptions} is not valid JSON; it holds the step's with: options as a JSON object`)
    }
  }
  const { options, problems } = parseTrainerOptions(trainer, raw)
  if (!options) {
    // Run by hand from a terminal: the options come from a spec's with:, through the environment.
    const unset = text
      ? ''
      : `\n${ContractEnv.builtinOptions} is not set: run this through a spec's uses: step, or set it to the with: options as a JSON object`
    throw new TrainerError(problems.map(p => p.message).join('\n') + unset)
  }
  return { name: trainer as TrainerName, options }
}

/** Label values sorted the way people expect: 0 < 1 < 10, false < true, No < Yes. */
function sortLabels(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
}

interface Start {
  model: BuiltinModel | null
  reason?: string
  parentVersion: string | null
}

/** Why the champion cannot be continued on this data with these options; empty when it can. */
function incompatibilities(champion: BuiltinModel, trainer: TrainerName, options: TrainerOptions, table: Table, labels: Set<string>): string[] {
  if (champion.trainer !== trainer) return [`the champion was trained by builtin/${champion.trainer}, this step is builtin/${trainer}`]
  const reasons: string[] = []
  for (const name of FROZEN_OPTIONS) {
    const key = optionKey(name)
    const before = JSON.stringify(champion.options[key])
    const now = JSON.stringify(options[key])
    if (before !== now) reasons.push(`with.${name} is ${now} but the champion was trained with ${before}`)
  }
  const lacking = missingColumns(table, preparedColumns(champion.preparation))
  if (lacking.length > 0) reasons.push(`the training data lacks column(s) the champion reads: ${lacking.join(', ')}`)
  if (champion.task === 'binary') {
    const unknown = [...labels].filter(l => classIndex(champion.classes!, l, true) === -1)
    if (unknown.length > 0) reasons.push(`label value(s) ${unknown.join(', ')} are neither of the champion's classes (${champion.classes!.join(', ')})`)
  }
  return reasons
}

/** The champion's directory as found: no champion, not a built-in model, or its model (or the error reading it). */
interface Champion {
  dir: string
  builtin: boolean
  model: BuiltinModel | null
  error: unknown
}

async function readChampion(io: CommandIO): Promise<Champion> {
  const dir = io.env[ContractEnv.baselineDir] ?? ''
  if (dir === '' || !(await hasModel(dir))) return { dir, builtin: false, model: null, error: null }
  try {
    return { dir, builtin: true, model: await loadModel(dir), error: null }
  } catch (err) {
    // A model.json of the user's own trainer (a JSON object with no "format" at all) is another
    // trainer's model, not a damaged built-in one.
    const foreign = await readFile(path.join(dir, MODEL_FILE), 'utf8')
      .then(text => JSON.parse(text) as unknown)
      .then(
        parsed => parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && !('format' in parsed),
        () => false
      )
    return { dir, builtin: !foreign, model: null, error: foreign ? null : err }
  }
}

async function resolveStart(io: CommandIO, trainer: TrainerName, options: TrainerOptions, table: Table, labels: Set<string>, found: Champion): Promise<Start> {
  const dir = found.dir
  const parentVersion = io.env[ContractEnv.baselineVersion] || null
  if (dir === '') return { model: null, parentVersion: null }
  const champion = `the champion${parentVersion ? ` (version ${parentVersion})` : ''}`
  let reasons: string[]
  let model: BuiltinModel | null = null
  if (!found.builtin) {
    const why = (await hasModel(dir)) ? `its ${MODEL_FILE} is another trainer's, with no "format": "${MODEL_FORMAT}"` : `its directory has no ${MODEL_FILE}`
    reasons = [`it is not a built-in model (${why})`]
  } else {
    // A damaged or edited model is refused outright, also under warm-start: fallback; only an
    // incompatible one is a reason to start from scratch.
    if (found.error !== null) throw found.error
    model = found.model!
    reasons = incompatibilities(model, trainer, options, table, labels)
  }
  if (reasons.length === 0) {
    // Confirms the warm start: training continues from exactly the champion's bundle.
    const report = io.env[ContractEnv.trainingReport]
    const from = io.env[ContractEnv.baselineDigest]
    if (report && from) await writeFile(report, JSON.stringify({ warmStart: true, from }, null, 2) + '\n')
    return { model, parentVersion }
  }
  const reason = `${champion} cannot be continued: ${reasons.join('; ')}`
  const report = io.env[ContractEnv.trainingReport]
  if (io.env[ContractEnv.warmStart] === 'required') {
    // Reported first, so the run fails as a refused warm start (warm-start-required), with this reason.
    if (report) await writeFile(report, JSON.stringify({ warmStart: false, reason }, null, 2) + '\n')
    throw new TrainerError(`warm start is required (warm-start: required) but ${reason}. Restore the options or columns, or set warm-start: fallback`)
  }
  io.log(`cold start: ${reason}; warm-start is "fallback", so training from scratch`)
  if (report) await writeFile(report, JSON.stringify({ warmStart: false, reason }, null, 2) + '\n')
  return { model: null, reason, parentVersion }
}

/**
 * The columns training keeps: labels of classes and categories as text, everything else that may be
 * a feature as numbers. The champion's columns are kept too, as its preparation reads them.
 */
function readPlan(columns: string[], options: TrainerOptions, classification: boolean, champion: BuiltinModel | null): ReadPlan {
  const excluded = new Set([options.label, options.idColumn, ...options.ignore])
  const candidates = options.features ?? columns.filter(c => !excluded.has(c))
  const text = [...options.categorical, ...(champion?.preparation.categorical.map(c => c.column) ?? [])]
  const numeric = [...candidates, ...(champion?.preparation.numeric.map(c => c.column) ?? [])]
  return {
    matrix: numeric.filter(c => c !== options.label),
    numbers: classification ? [] : [options.label],
    text: classification ? [...text, options.label] : text
  }
}

function slice(data: Dataset, rows: number[]): Dataset {
  const x = sharedFloat64Array(rows.length * data.d)
  const y = sharedFloat64Array(rows.length)
  rows.forEach((r, k) => {
    x.set(data.x.subarray(r * data.d, (r + 1) * data.d), k * data.d)
    y[k] = data.y[r]!
  })
  return { x, y, n: rows.length, d: data.d }
}

/** Tracks the validation loss for early stopping: false once `patience` passes brought no improvement. */
function earlyStopper(patience: number) {
  let best = Infinity
  let since = 0
  return (loss: number) => {
    if (loss < best - 1e-12 * Math.abs(best)) {
      best = loss
      since = 0
    } else since++
    return since < patience
  }
}

export async function trainBuiltin(trainer: string, io: CommandIO): Promise<void> {
  const { name, options } = readOptions(trainer, io.env)
  const info: TrainerInfo = TRAINERS[name]
  // Started now, the objectives' second thread is up by the time the data is read.
  if (info.core === 'lbfgs') {
    try {
      startObjectiveThread()
    } catch (err) {
      throw new TrainerError((err as Error).message)
    }
  }
  const modelDir = requireEnv(io.env, ContractEnv.modelDir)
  const classification = info.task === 'binary' || info.task === 'multiclass'
  // The champion is read first, as its preparation says which columns to keep as text; whether it is
  // a model that can be continued is decided once the data is read, as before.
  const champion = await readChampion(io)
  const table = await readTable(dataFiles(io.env, options.data, 'with.data names the training input, default "train"'), columns =>
    readPlan(columns, options, classification, champion.model)
  )
  const lacked = (column: string) => table.partial.find(p => p.column === column)?.lackedBy
  if (!table.columns.includes(options.label)) {
    if (lacked(options.label) !== undefined) {
      throw new TrainerError(`the label column ${options.label} (with.label) is not in every file of the training data: ${lacked(options.label)} lacks it`)
    }
    // One column whose name holds ';' or a tab: a file separated by something else than commas.
    const separator = table.columns.length === 1 ? [';', '\t', '|'].find(c => table.columns[0]!.includes(c)) : undefined
    const hint = separator ? ` (its header is one column holding ${JSON.stringify(separator)}: built-in trainers read comma-separated files)` : ''
    throw new TrainerError(`the training data has no column ${options.label} (with.label); its columns: ${table.columns.join(', ')}${hint}`)
  }
  const labelText = table.text.get(options.label)
  const labelNumbers = table.numbers.get(options.label)
  const rows = labelRows(table, options.label)
  if (rows.length === 0) throw new TrainerError(`the training data has no row with a value in ${options.label}`)
  if (rows.length < table.rows) io.log(`${table.rows - rows.length} row(s) without a ${options.label} are skipped`)
  let labels = new Set<string>()
  if (classification) {
    const seen = new Uint8Array(labelText!.values.length)
    for (const i of rows) seen[labelText!.codes[i]!] = 1
    labelText!.values.forEach((value, code) => seen[code] === 1 && labels.add(classLabel(value)))
    if (info.task === 'binary') labels = mergeBinarySpellings(labels)
  }
  const binary = info.task === 'binary'

  const start = await resolveStart(io, name, options, table, labels, champion)
  const notes: string[] = []
  let added = { features: [] as string[], classes: [] as string[] }
  let model: BuiltinModel
  if (start.model) {
    model = start.model
    model.options = options
    added = extendChampion(model, table, rows, labels, io)
    notes.push(...frozenPreparationNotes(model.preparation, table, rows, readPlan(table.columns, options, classification, null).matrix))
    const absent = (model.classes ?? []).filter((_, k) => ![...labels].some(l => classIndex(model.classes!, l, binary) === k))
    if (absent.length > 0 && classification) {
      notes.push(`class(es) ${absent.join(', ')} of the champion do not occur in this training data: it learns only from the other classes`)
    }
  } else model = newModel(name, options, table, rows, labels, notes)
  // A column only some files have is no feature: said, as a renamed column in one file would otherwise vanish unnoticed.
  const unused = new Set([options.label, options.idColumn, ...options.ignore])
  for (const { column, lackedBy } of table.partial) {
    if (!unused.has(column)) notes.push(`column ${column} is not in every file of the training data (${lackedBy} lacks it): it is not used`)
  }
  for (const note of notes) io.log(note)

  const d = model.preparation.features.length
  const targets = sharedFloat64Array(rows.length)
  if (classification) {
    const target = labelText!.values.map(cell => {
      const index = classIndex(model.classes!, cell, binary)
      return info.core === 'sgd' ? (index === 1 ? 1 : -1) : index
    })
    rows.forEach((i, r) => (targets[r] = target[labelText!.codes[i]!]!))
  } else {
    const parsed = labelText ? labelText.values.map(parseNumber) : null
    rows.forEach((i, r) => {
      const value = parsed ? parsed[labelText!.codes[i]!] : labelNumbers![i]!
      if (value === undefined || value === null || (info.task === 'poisson' && value < 0)) {
        const expected = info.task === 'poisson' ? 'a count (a number >= 0)' : 'a number'
        throw new TrainerError(`${rowOrigin(table, i)}: ${options.label} must be ${expected}, got ${JSON.stringify(cellText(table, options.label, i))}`)
      }
      targets[r] = value
    })
    checkLabelScale(targets, rows, table, options.label)
  }
  const all: Dataset = { x: featurize(model.preparation, table, rows), y: targets, n: rows.length, d }
  let train = all
  let validation: Dataset | null = null
  if (options.validationFraction > 0) {
    const held = Array.from(rows, (row, r) => [r, rowUniform(options.seed, row) < options.validationFraction] as const)
    validation = slice(
      all,
      held.filter(([, v]) => v).map(([r]) => r)
    )
    train = slice(
      all,
      held.filter(([, v]) => !v).map(([r]) => r)
    )
    if (validation.n === 0 || train.n === 0) {
      throw new TrainerError(
        `with.validation-fraction ${options.validationFraction} leaves ${train.n} training and ${validation.n} validation rows; both need some`
      )
    }
  }

  const startedFrom = weightsDigest(model.weights, model.bias)
  const stepsBefore = model.sgd?.t ?? 0
  const outcome = info.core === 'sgd' ? trainSgd(model, info, options, train, validation, io) : trainLbfgs(model, options, train, validation, io)
  const record: RunRecord = {
    run: model.history.length + 1,
    start: start.model ? 'warm' : 'cold',
    parentVersion: start.parentVersion,
    ...(start.reason !== undefined && { coldStartReason: start.reason }),
    data: table.files.map(f => ({ file: f.file, sha256: f.sha256, rows: f.rows })),
    examples: train.n,
    validationExamples: validation?.n ?? 0,
    addedFeatures: added.features,
    addedClasses: added.classes,
    stepsBefore,
    startedFrom,
    ...outcome
  }
  checkFiniteModel(model, outcome)
  model.history.push(record)
  await saveModel(modelDir, model)
  io.log(
    `${record.start} start, ${train.n} examples, ${d} features: ${outcome.passes} ${info.core === 'sgd' ? 'epochs' : 'iterations'}` +
      `${outcome.stoppedEarly ? ' (stopped early: no better validation loss)' : ''}; loss ${outcome.lossBefore.toFixed(6)} -> ${outcome.lossAfter.toFixed(6)}`
  )
}

/**
 * Labels as large as this, times the square root of the rows, keep the squared errors, their sum
 * and the gradients' squares within the doubles (largest about 1.8e308), with room for a model that
 * overshoots on its way. Beyond it training overflows to a loss of Infinity and a model of no use.
 */
const LABEL_SCALE_LIMIT = 1e150

/** Refuses regression and count labels too large in size for the trainer's arithmetic, naming the largest and where it is. */
function checkLabelScale(targets: Float64Array, rows: Int32Array, table: Table, label: string): void {
  let largest = 0
  for (let r = 1; r < targets.length; r++) if (Math.abs(targets[r]!) > Math.abs(targets[largest]!)) largest = r
  const limit = LABEL_SCALE_LIMIT / Math.sqrt(targets.length)
  const value = targets[largest]!
  if (Math.abs(value) <= limit) return
  throw new TrainerError(
    `${rowOrigin(table, rows[largest]!)}: the label ${label} is ${cellText(table, label, rows[largest]!)}, too large for the trainer's arithmetic: ` +
      `over ${targets.length} rows, labels up to ${Number(limit.toPrecision(2))} in size keep the squared errors within the doubles. ` +
      'Rescale the column (in thousands or millions, say) and scale the predictions back'
  )
}

/**
 * The backstop behind the checks of the data: a model whose loss or any weight is not a finite
 * number (the arithmetic overflowed somewhere) is refused, never written as a model that scores NaN.
 */
function checkFiniteModel(model: BuiltinModel, outcome: Outcome): void {
  const averaging = model.sgd?.averaging
  const numbers = [outcome.lossAfter, ...model.bias, ...model.weights.flat(), ...(averaging ? [averaging.sumBias, ...averaging.sumWeights] : [])]
  if (numbers.every(Number.isFinite)) return
  const what = Number.isFinite(outcome.lossAfter) ? 'weights that are not finite numbers' : `a loss of ${outcome.lossAfter}`
  throw new TrainerError(
    `training ended with ${what}: the arithmetic overflowed, so no model is written. ` +
      'Look for columns holding very large numbers (rescale them), or lower with.learning-rate'
  )
}

/** A warm start's new categories and classes: new features and weight rows, all starting at zero. */
function extendChampion(model: BuiltinModel, table: Table, rows: Int32Array, labels: Set<string>, io: CommandIO) {
  const features = extendCategories(model.preparation, table, rows)
  for (const row of model.weights) row.push(...features.map(() => 0))
  model.sgd?.averaging?.sumWeights.push(...features.map(() => 0))
  const classes: string[] = []
  if (model.task === 'multiclass') {
    for (const label of sortLabels(labels)) {
      if (classIndex(model.classes!, label, false) !== -1) continue
      model.classes!.push(label)
      model.weights.push(model.preparation.features.map(() => 0))
      model.bias.push(0)
      classes.push(label)
    }
  }
  if (features.length > 0) io.log(`new categories since the champion, with zero-initialized weights: ${features.join(', ')}`)
  if (classes.length > 0) io.log(`new classes since the champion, with zero-initialized weights: ${classes.join(', ')}`)
  return { features, classes }
}

/** A cold start: the preparation fitted on this data, the classes it holds, zero weights. */
function newModel(name: TrainerName, options: TrainerOptions, table: Table, rows: Int32Array, labels: Set<string>, notes: string[]): BuiltinModel {
  const info: TrainerInfo = TRAINERS[name]
  const preparation = fitPreparation(table, rows, options, notes)
  let classes: string[] | null = null
  if (info.task === 'binary' || info.task === 'multiclass') {
    classes = sortLabels(labels)
    if (info.task === 'binary') {
      if (classes.length !== 2) {
        throw new TrainerError(
          `builtin/${name} needs exactly two values in ${options.label}, found ${classes.length}: ${classes.slice(0, 10).join(', ')}` +
            (classes.length > 2 ? '; use builtin/lbfgs-maximum-entropy for more classes' : '')
        )
      }
      if (options.positiveClass !== null) {
        const positive = classIndex(classes, options.positiveClass, true)
        if (positive === -1) {
          throw new TrainerError(`with.positive-class is ${JSON.stringify(options.positiveClass)}, but ${options.label} holds ${classes.join(' and ')}`)
        }
        classes = [classes[1 - positive]!, classes[positive]!]
      }
    } else if (classes.length < 2) {
      throw new TrainerError(`${options.label} has a single value (${classes[0]}); a classifier needs at least two classes`)
    }
  }
  const d = preparation.features.length
  const weightRows = info.task === 'multiclass' ? classes!.length : 1
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    trainer: name,
    task: info.task,
    options,
    classes,
    preparation,
    weights: Array.from({ length: weightRows }, () => new Array<number>(d).fill(0)),
    bias: new Array<number>(weightRows).fill(0),
    sgd: null,
    lbfgs: null,
    history: []
  }
}

type Outcome = Pick<RunRecord, 'passes' | 'lossBefore' | 'lossAfter' | 'stoppedEarly'>

function trainSgd(model: BuiltinModel, info: TrainerInfo, options: TrainerOptions, train: Dataset, validation: Dataset | null, io: CommandIO): Outcome {
  const cfg: SgdConfig = {
    loss: info.loss!,
    schedule: options.schedule,
    learningRate: options.learningRate,
    powerT: options.powerT,
    l2: options.l2,
    l1: options.l1,
    averaged: options.averaged,
    shuffle: options.shuffle
  }
  if (cfg.schedule === 'pegasos' && cfg.l2 === 0) throw new TrainerError('the pegasos schedule steps by 1/(l2 t), so with.l2 must be above 0')
  const d = train.d
  let state: SgdState
  const saved = model.sgd
  if (saved) {
    state = {
      weights: Float64Array.from(model.weights[0]!),
      bias: model.bias[0]!,
      sumWeights: saved.averaging ? Float64Array.from(saved.averaging.sumWeights) : null,
      sumBias: saved.averaging?.sumBias ?? 0,
      count: saved.averaging?.count ?? 0,
      t: saved.t,
      scheduleStart: options.restartSchedule ? saved.t : saved.scheduleStart,
      epochs: saved.epochs,
      // The same seed continues the champion's stream; another seed is a deliberate reseed.
      rng: { value: saved.rng.seed === options.seed ? saved.rng.state : options.seed >>> 0 }
    }
    if (saved.rng.seed !== options.seed) io.log(`seed ${options.seed} differs from the champion's ${saved.rng.seed}: the shuffling stream restarts`)
    io.log(
      `warm start: step counter t=${state.t}, ${state.epochs} epochs so far${state.sumWeights ? `, averaging over ${state.count} steps` : ''}; ` +
        (options.restartSchedule ? 'the step schedule starts again (restart-schedule)' : `the step schedule continues at step ${state.t - state.scheduleStart}`)
    )
  } else state = newSgdState(d, cfg.averaged, options.seed)
  if (cfg.averaged && !state.sumWeights) state.sumWeights = new Float64Array(d)
  if (!cfg.averaged) state.sumWeights = null

  const current = () => effectiveWeights(state)
  const lossOf = (data: Dataset) => meanLoss(cfg.loss, current().weights, current().bias, data)
  const lossBefore = lossOf(train)
  const buffers = epochBuffers(train)
  const keepGoing = earlyStopper(options.patience)
  const every = Math.max(1, Math.round(options.epochs / 5))
  let passes = 0
  let stoppedEarly = false
  for (let e = 1; e <= options.epochs; e++) {
    sgdEpoch(cfg, state, train, buffers)
    passes++
    // A pass over the data to measure the loss costs a good part of an epoch: only when it is shown.
    if (!Number.isFinite(state.bias) || !state.weights.every(Number.isFinite)) {
      throw new TrainerError(`training diverged in epoch ${state.epochs}; lower with.learning-rate (now ${cfg.learningRate}) or normalize the features`)
    }
    const validationLoss = validation ? lossOf(validation) : null
    if (e === 1 || e % every === 0 || e === options.epochs) {
      io.log(
        `epoch ${state.epochs} (this run ${e}/${options.epochs}): loss ${lossOf(train).toFixed(6)}${validationLoss === null ? '' : `, validation ${validationLoss.toFixed(6)}`}`
      )
    }
    if (validationLoss !== null && !keepGoing(validationLoss)) {
      stoppedEarly = true
      break
    }
  }
  model.weights = [Array.from(state.weights)]
  model.bias = [state.bias]
  model.sgd = {
    t: state.t,
    scheduleStart: state.scheduleStart,
    epochs: state.epochs,
    rng: { seed: options.seed, state: state.rng.value },
    averaging: state.sumWeights ? { sumWeights: Array.from(state.sumWeights), sumBias: state.sumBias, count: state.count } : null
  }
  return { passes, lossBefore, lossAfter: lossOf(train), stoppedEarly }
}

function trainLbfgs(model: BuiltinModel, options: TrainerOptions, train: Dataset, validation: Dataset | null, io: CommandIO): Outcome {
  const d = train.d
  const binary = model.task === 'binary'
  const blocks = model.task === 'poisson' ? 1 : softmaxBlocks(model.classes!.length, binary)
  const objective = (data: Dataset, l2: number): Objective =>
    model.task === 'poisson' ? poissonObjective(data, l2) : softmaxObjective(data, model.classes!.length, binary, l2)
  const params = new Float64Array(blocks * (d + 1))
  model.weights.forEach((row, c) => params.set(row, c * d))
  params.set(model.bias, blocks * d)
  const countsBefore = { ...objectiveThreadCounts }
  const f = objective(train, options.l2)
  const scratch = new Float64Array(params.length)
  const lossBefore = f(params, scratch)
  if (model.lbfgs) io.log(`warm start: from the champion's weights after ${model.lbfgs.iterations} iterations (curvature pairs start afresh on the new data)`)
  const validationLoss = validation ? objective(validation, 0) : null
  const keepGoing = earlyStopper(options.patience)
  const every = Math.max(1, Math.round(options.maxIterations / 5))
  const result = minimize(f, params, {
    memory: options.memory,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    ...referenceStopRule(model.task === 'poisson' ? 'poisson' : 'softmax', train.n),
    onIteration: (iteration, loss, p) => {
      const v = validationLoss ? validationLoss(p, scratch) : null
      if (iteration === 1 || iteration % every === 0)
        io.log(`iteration ${iteration}: loss ${loss.toFixed(6)}${v === null ? '' : `, validation ${v.toFixed(6)}`}`)
      return v === null || keepGoing(v)
    }
  })
  if (result.stop === 'line-search') {
    // A search that found no lower point may have met an objective or a gradient that overflowed, or
    // a gradient whose square does (features far from normalized): the weights are then where it
    // started, of no use.
    const loss = f(params, scratch)
    if (!Number.isFinite(loss) || !Number.isFinite(scratch.reduce((sum, g) => sum + g * g, 0))) {
      throw new TrainerError(
        `training stopped after ${result.iterations} iterations on an objective or a gradient too large for the doubles: the arithmetic overflowed, so no model is written. ` +
          'Look for columns holding very large numbers (rescale them, or set with.normalize)'
      )
    }
  }
  model.weights = Array.from({ length: blocks }, (_, c) => Array.from(params.subarray(c * d, (c + 1) * d)))
  model.bias = Array.from(params.subarray(blocks * d))
  model.lbfgs = { iterations: (model.lbfgs?.iterations ?? 0) + result.iterations, lastStop: result.stop }
  const offered = objectiveThreadCounts.offered - countsBefore.offered
  const threads = offered > 0 ? `; on 2 threads, the second summed ${objectiveThreadCounts.summed - countsBefore.summed} of ${offered} halves` : ''
  io.log(`L-BFGS stopped after ${result.iterations} iterations: ${result.stop}${result.converged ? ' (converged)' : ''}${threads}`)
  return { passes: result.iterations, lossBefore, lossAfter: result.loss, stoppedEarly: result.stop === 'callback' }
}
