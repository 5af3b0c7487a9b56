/**
 * `retrain evaluate [--data NAME]`: the evaluate side of a built-in model. It scores the model under
 * evaluation (RETRAIN_EVAL_MODEL_DIR) on a data input with the model's frozen preparation, writes the
 * task's metrics to RETRAIN_METRICS_FILE and per-example predictions to RETRAIN_PREDICTIONS_FILE.
 */
import { appendFile, writeFile } from 'node:fs/promises'
import { ContractEnv } from '../contract-names.js'
import { classIndex, labelRows, parseNumber, readTable, rowOrigin } from './csv.js'
import { TrainerError } from './errors.js'
import { dataFiles, requireEnv, type CommandIO } from './io.js'
import { classificationMetrics, poissonMetrics, regressionMetrics } from './metrics.js'
import { loadModel } from './model.js'
import { featurize, missingColumns, preparedColumns } from './preparation.js'
import { hasProbabilities, predict } from './predict.js'

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

export async function evaluateBuiltin(dataName: string, io: CommandIO): Promise<void> {
  const modelDir = requireEnv(io.env, ContractEnv.evalModelDir)
  const metricsFile = requireEnv(io.env, ContractEnv.metricsFile)
  // Said before reading: the run's leakage guard checks that it is an input evaluate.data lists.
  const dataRead = io.env[ContractEnv.evalDataRead]
  if (dataRead) await appendFile(dataRead, `${dataName}\n`)
  const model = await loadModel(modelDir)
  const prep = model.preparation
  // The predictions of two models are joined by id: the column the options name wherever the
  // evaluation data has it, whether the training data had it or not, so that any two models evaluated
  // on the same data write the same ids; row numbers only for data without one.
  const idColumn = prep.idColumn ?? model.options.idColumn
  const table = await readTable(dataFiles(io.env, dataName, '--data names the evaluation input, default "eval"'), () => ({
    matrix: prep.numeric.map(c => c.column),
    numbers: [],
    // The label and the id are written back as they are; categories are matched as text.
    text: [...prep.categorical.map(c => c.column), prep.label, idColumn]
  }))
  // A column the model reads but the data lacks is an error, not silent imputation: the metrics
  // would describe another model than the one being compared.
  const lacking = missingColumns(table, [...preparedColumns(prep), prep.label])
  if (lacking.length > 0) throw new TrainerError(`the evaluation data (${dataName}) lacks column(s) the model reads: ${lacking.join(', ')}`)
  const label = table.text.get(prep.label)!
  const labelAt = (i: number) => label.values[label.codes[i]!]!
  const rows = labelRows(table, prep.label)
  if (rows.length === 0) throw new TrainerError(`the evaluation data (${dataName}) has no row with a value in ${prep.label}`)
  const n = rows.length
  const out = predict(model, featurize(prep, table, rows), n)
  const id = table.text.get(idColumn)
  const ids = Array.from(rows, i => {
    if (!id) return String(i)
    const value = id.values[id.codes[i]!]!
    if (value === '') {
      // Its row number in its place could be another example's id: the two models' rows paired wrongly.
      throw new TrainerError(
        `${rowOrigin(table, i)}: the id column ${idColumn} is empty; give every example its id (the predictions of the models compared are joined by it)`
      )
    }
    return value
  })

  let metrics: Record<string, number>
  const lines: string[] = []
  if (model.classes) {
    const classes = model.classes
    // By classIndex, as the metrics computed from predictions count classes: an evaluation file
    // writing 1.0 (or TRUE, or for a binary model of true and false, 1) holds the same class.
    const classOf = label.values.map(value => classIndex(classes, value, model.task === 'binary'))
    const truth = Int32Array.from(rows, i => classOf[label.codes[i]!]!)
    const unknown = truth.filter(t => t < 0).length
    if (unknown > 0) io.log(`${unknown} evaluation row(s) have a label the model has no class for; they count as wrong`)
    const unknownLabels = new Set(Array.from(rows, labelAt).filter((_, r) => truth[r]! < 0)).size
    const probabilities = hasProbabilities(model) ? out.probabilities : null
    metrics = classificationMetrics(truth, out.values, classes.length, probabilities, model.task === 'binary' ? out.scores : null, unknownLabels)
    const extra = model.task === 'binary' ? ['score'] : classes.map(c => `proba_${c}`)
    lines.push(['id', 'label', 'prediction', ...extra].map(csvField).join(','))
    rows.forEach((i, r) => {
      const tail = model.task === 'binary' ? [String(out.scores[r])] : classes.map((_, c) => String(out.probabilities![r * classes.length + c]))
      lines.push([ids[r]!, labelAt(i), classes[out.values[r]!]!, ...tail].map(csvField).join(','))
    })
  } else {
    const labels = Float64Array.from(rows, i => {
      const value = parseNumber(labelAt(i))
      if (value === null || value === undefined)
        throw new TrainerError(`${rowOrigin(table, i)}: ${prep.label} must be a number, got ${JSON.stringify(labelAt(i))}`)
      return value
    })
    metrics = model.task === 'poisson' ? poissonMetrics(labels, out.values) : regressionMetrics(labels, out.values)
    lines.push('id,label,prediction')
    rows.forEach((i, r) => lines.push([ids[r]!, labelAt(i), String(out.values[r])].map(csvField).join(',')))
  }
  // JSON has no NaN: an undefined metric is null, which the engine treats as "cannot compare".
  const json = Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, Number.isFinite(v) ? v : null]))
  await writeFile(metricsFile, JSON.stringify(json, null, 2) + '\n')
  const predictionsFile = io.env[ContractEnv.predictionsFile]
  if (predictionsFile) await writeFile(predictionsFile, lines.join('\n') + '\n')
  const role = io.env[ContractEnv.evalRole] || 'model'
  const version = io.env[ContractEnv.evalVersion]
  const shown = Object.entries(json).map(([k, v]) => `${k} ${v === null ? 'undefined' : Number(v.toPrecision(6))}`)
  io.log(`${role}${version ? ` (version ${version})` : ''}, builtin/${model.trainer}: ${n} examples; ${shown.join(', ')}`)
}
