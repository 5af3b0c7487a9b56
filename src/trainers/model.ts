/**
 * A built-in model's bundle state: `model.json` in the model directory, the whole training state
 * (options, the frozen preparation, classes, weights and bias, and per core: SGD's step counter,
 * epoch counter, shuffling stream and averaging sums; L-BFGS's iteration count), a history of runs,
 * and a checksum over all of it, so a file changed by hand or damaged is refused rather than trained on.
 * `weights.json` beside it is the trainer-agnostic view the report compares.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { WEIGHTS_FILE } from '../contract-names.js'
import { TrainerError } from './errors.js'
import { isTrainerName, TRAINERS, type Task, type TrainerName, type TrainerOptions } from './options.js'
import type { Preparation } from './preparation.js'

export const MODEL_FILE = 'model.json'
export const MODEL_FORMAT = 'retrain/builtin-linear'
export const MODEL_FORMAT_VERSION = 1

export interface RunRecord {
  run: number
  start: 'cold' | 'warm'
  parentVersion: string | null
  coldStartReason?: string
  data: { file: string; sha256: string; rows: number }[]
  examples: number
  validationExamples: number
  addedFeatures: string[]
  addedClasses: string[]
  /** Epochs (SGD) or iterations (L-BFGS) this run, and the step counter before it (SGD). */
  passes: number
  stepsBefore: number
  lossBefore: number
  lossAfter: number
  stoppedEarly: boolean
  /**
   * Where this run began, so anyone can check a warm start continued the parent's weights:
   * `weightsDigest` of the weights and bias it started from (a digest, not a copy, so the history
   * does not grow by the model's size with every generation).
   */
  startedFrom: string
}

export interface SgdBundleState {
  t: number
  scheduleStart: number
  epochs: number
  rng: { seed: number; state: number }
  averaging: { sumWeights: number[]; sumBias: number; count: number } | null
}

export interface BuiltinModel {
  format: typeof MODEL_FORMAT
  formatVersion: typeof MODEL_FORMAT_VERSION
  trainer: TrainerName
  task: Task
  options: TrainerOptions
  /** Classification: the label values, in weight-row order; binary: [negative, positive]. */
  classes: string[] | null
  preparation: Preparation
  /** One row per class for multiclass, else one row; each row follows preparation.features. */
  weights: number[][]
  bias: number[]
  sgd: SgdBundleState | null
  lbfgs: { iterations: number; lastStop: string } | null
  history: RunRecord[]
}

/** sha256 of the weights and bias: what a run's `startedFrom` records. */
export function weightsDigest(weights: number[][], bias: number[]): string {
  return createHash('sha256').update(JSON.stringify({ weights, bias })).digest('hex')
}

function checksumOf(model: BuiltinModel): string {
  return createHash('sha256').update(JSON.stringify(model)).digest('hex')
}

/** The weights a prediction uses: averaged SGD models predict with the averages. */
export function predictionWeights(model: BuiltinModel): { weights: number[][]; bias: number[] } {
  const avg = model.sgd?.averaging
  if (!avg || avg.count === 0) return { weights: model.weights, bias: model.bias }
  return { weights: [avg.sumWeights.map(s => s / avg.count)], bias: [avg.sumBias / avg.count] }
}

/** Feature name to weight, as `weights.json` holds it; per class for multiclass models. */
export function namedWeights(model: BuiltinModel): Record<string, number> {
  const { weights, bias } = predictionWeights(model)
  const perClass = model.task === 'multiclass'
  const out: Record<string, number> = {}
  weights.forEach((row, c) => {
    const suffix = perClass ? ` [${model.classes![c]}]` : ''
    model.preparation.features.forEach((f, j) => (out[`${f.name}${suffix}`] = row[j]!))
    out[`(bias)${suffix}`] = bias[c]!
  })
  return out
}

export async function saveModel(dir: string, model: BuiltinModel): Promise<void> {
  await mkdir(dir, { recursive: true })
  // No timestamps, no absolute paths: the same inputs and seed give a byte-identical file.
  await writeFile(path.join(dir, MODEL_FILE), JSON.stringify({ ...model, checksum: checksumOf(model) }) + '\n')
  await writeFile(path.join(dir, WEIGHTS_FILE), JSON.stringify({ weights: namedWeights(model) }, null, 2) + '\n')
}

/** Whether `dir` holds a built-in model at all (a user's own trainer writes other files). */
export async function hasModel(dir: string): Promise<boolean> {
  return readFile(path.join(dir, MODEL_FILE)).then(
    () => true,
    () => false
  )
}

function finiteMatrix(rows: unknown, count: number, width: number): boolean {
  return (
    Array.isArray(rows) &&
    rows.length === count &&
    rows.every(r => Array.isArray(r) && r.length === width && r.every(v => typeof v === 'number' && Number.isFinite(v)))
  )
}

/** Loads and verifies a model: its checksum, its format, and that its shapes agree with each other. */
export async function loadModel(dir: string): Promise<BuiltinModel> {
  const file = path.join(dir, MODEL_FILE)
  const refuse = (why: string) => new TrainerError(`${file} is not a usable built-in model: ${why}; it is refused rather than guessed at`)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw refuse((err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message)
  }
  let parsed: BuiltinModel & { checksum?: unknown }
  try {
    parsed = JSON.parse(text) as typeof parsed
  } catch (err) {
    throw refuse(`it is not valid JSON (${(err as Error).message})`)
  }
  if (parsed?.format !== MODEL_FORMAT || parsed.formatVersion !== MODEL_FORMAT_VERSION) {
    throw refuse(`its format is ${JSON.stringify(parsed?.format)} v${JSON.stringify(parsed?.formatVersion)}, expected ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION}`)
  }
  const { checksum, ...model } = parsed
  if (checksum !== checksumOf(model)) throw refuse('its checksum does not match its content (it was changed or damaged after training)')
  if (!isTrainerName(model.trainer) || TRAINERS[model.trainer].task !== model.task) throw refuse(`unknown trainer ${JSON.stringify(model.trainer)}`)
  const d = model.preparation?.features?.length ?? 0
  const rows = model.task === 'multiclass' ? (model.classes?.length ?? 0) : 1
  if (d === 0 || !finiteMatrix(model.weights, rows, d) || !finiteMatrix([model.bias], 1, rows)) {
    throw refuse(`its weights do not match its ${d} features and ${rows} weight row(s)`)
  }
  const avg = model.sgd?.averaging
  if (avg && !finiteMatrix([avg.sumWeights], 1, d)) throw refuse('its averaged weights do not match its features')
  return model
}
