// Training step of the cars example: a linear regression of Miles_per_Gallon, trained with
// mini-batch Adam, that warm-starts from the champion through the retrain contract.
//
// model.json holds the whole training state, not only the weights, because a warm start that
// restored weights alone would lose the optimizer's moment estimates, the step counter its bias
// correction depends on, and the preprocessing that gives each weight its meaning.

import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  MODEL_FORMAT, MODEL_FORMAT_VERSION, dataPaths, fail, featurize, labelOf, loadModel, mse, mulberry32,
  numberCell, param, readCsvFiles, requireEnv, requiredColumns
} from './lib.mjs'

const LABEL = 'Miles_per_Gallon'
// Candidate inputs of a cold start; the schema then freezes to those the first data actually has.
const NUMERIC = ['Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year']
const CATEGORICAL = ['Origin']
const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }
// Each run anneals the learning rate from its base value down to this fraction of it.
const LR_FLOOR_FRACTION = 0.01

const modelName = process.env.RETRAIN_MODEL || 'cars-mpg'
const modelDir = requireEnv('RETRAIN_MODEL_DIR')
const baselineDir = process.env.RETRAIN_BASELINE_DIR ?? ''
const baselineVersion = process.env.RETRAIN_BASELINE_VERSION ?? ''
const warmStartPolicy = process.env.RETRAIN_WARM_START || 'fallback'
if (warmStartPolicy !== 'required' && warmStartPolicy !== 'fallback') {
  fail(`RETRAIN_WARM_START must be "required" or "fallback", got ${JSON.stringify(warmStartPolicy)}`)
}

const epochs = param('epochs', 200, { integer: true, min: 1, max: 100000 })
const learningRate = param('learning-rate', 0.05, { min: 1e-9, max: 10 })
const batchSize = param('batch-size', 32, { integer: true, min: 1, max: 1e6 })
const seed = param('seed', 7, { integer: true, min: 0, max: 2 ** 32 - 1 })

const data = readCsvFiles(dataPaths('train'))
if (!data.columns.includes(LABEL)) fail(`training data has no ${LABEL} column (columns: ${data.columns.join(', ')})`)

// ---------------------------------------------------------------------------------------------
// Start: warm from the champion when there is one and it fits the new data, else cold.

let model = null
let start = { kind: 'cold' }
if (baselineDir !== '') {
  const parent = loadModel(baselineDir)
  const missing = requiredColumns(parent).filter((c) => !data.columns.includes(c))
  if (missing.length === 0) {
    model = parent
    start = { kind: 'warm', baselineVersion: baselineVersion || null }
    // Confirms the warm start: training continues from exactly the champion's bundle (its digest).
    const report = process.env.RETRAIN_TRAINING_REPORT
    if (report) writeFileSync(report, JSON.stringify({ warmStart: true, from: process.env.RETRAIN_BASELINE_DIGEST, packages: { node: process.version } }, null, 2) + '\n')
  } else {
    const reason = `the champion${baselineVersion ? ` (version ${baselineVersion})` : ''} reads column(s) ${missing.join(', ')} that the new training data lacks`
    if (warmStartPolicy === 'required') fail(`warm start is required but ${reason}`)
    console.log(`cold start: ${reason}; warm-start is "fallback", so training from scratch`)
    const report = process.env.RETRAIN_TRAINING_REPORT
    if (report) writeFileSync(report, JSON.stringify({ warmStart: false, reason }, null, 2) + '\n')
    start = { kind: 'cold', reason }
  }
}

if (model === null) model = coldModel()

// The preprocessing stays frozen on warm start (each weight keeps meaning "per fitted std of the
// first data"), but a category never seen before gets its own weight, starting at zero so the
// model's predictions for known categories are unchanged by its arrival.
const added = []
for (const column of Object.keys(model.preprocessing.categorical)) {
  const known = model.preprocessing.categorical[column]
  for (const r of data.records) {
    const value = (r[column] ?? '').trim()
    if (value !== '' && !known.includes(value)) {
      known.push(value)
      model.schema.features.push({ name: `${column}=${value}`, kind: 'one-hot', column, category: value })
      model.weights.push(0)
      model.optimizer.m.weights.push(0)
      model.optimizer.v.weights.push(0)
      added.push(`${column}=${value}`)
    }
  }
}
if (start.kind === 'warm' && added.length > 0) console.log(`new categories since the champion, zero-initialized: ${added.join(', ')}`)

const xs = []
const ys = []
data.records.forEach((r, i) => {
  const where = `training row ${i + 1}`
  const y = labelOf(model, r, where)
  if (y === null) return // an unlabeled row teaches nothing
  xs.push(featurize(model, r, where))
  ys.push(y)
})
if (xs.length === 0) fail('training data has no labeled rows')

const initialWeights = [...model.weights]
const initialBias = model.bias
const lossBefore = mse(model.weights, model.bias, xs, ys)
if (start.kind === 'warm') {
  console.log(
    `warm start from version ${baselineVersion || '(unknown)'}: first weight before=${model.weights[0]} (${model.schema.features[0].name}), ` +
    `loss on new data before training=${lossBefore.toFixed(4)}, Adam step t=${model.optimizer.t}`
  )
}

// A different seed than the parent's is a deliberate reseed; the same seed continues the parent's
// random stream, so a chain of generations is reproducible from its first seed.
if (model.rng.seed !== seed || start.kind === 'cold') model.rng = { seed, state: seed >>> 0 }
const rng = mulberry32(model.rng.state)

// ---------------------------------------------------------------------------------------------
// Train: mini-batch Adam on mean squared error, cosine-annealed learning rate.

const batchesPerEpoch = Math.ceil(xs.length / batchSize)
// One cosine cycle per run, restarting at the base rate (warm restarts): new data needs steps big
// enough to move, and the annealing settles the weights before they are saved.
model.schedule = {
  kind: 'cosine-warm-restarts',
  baseLearningRate: learningRate,
  floorFraction: LR_FLOOR_FRACTION,
  cycle: (start.kind === 'warm' ? model.schedule?.cycle ?? 0 : 0) + 1,
  cycleSteps: epochs * batchesPerEpoch,
  stepInCycle: 0
}
const stepsBefore = model.progress.totalSteps
const tBefore = model.optimizer.t
const w = model.weights
const { m, v } = model.optimizer
const dims = w.length
const order = xs.map((_, i) => i)
const grad = new Array(dims)
const reportEvery = Math.max(1, Math.round(epochs / 5))

for (let epoch = 1; epoch <= epochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  for (let b = 0; b < order.length; b += batchSize) {
    const batch = order.slice(b, b + batchSize)
    grad.fill(0)
    let gradBias = 0
    for (const i of batch) {
      let err = model.bias
      for (let k = 0; k < dims; k++) err += w[k] * xs[i][k]
      err -= ys[i]
      for (let k = 0; k < dims; k++) grad[k] += (2 * err * xs[i][k]) / batch.length
      gradBias += (2 * err) / batch.length
    }
    const s = model.schedule
    const lr = learningRate * (LR_FLOOR_FRACTION + (1 - LR_FLOOR_FRACTION) * 0.5 * (1 + Math.cos((Math.PI * s.stepInCycle) / s.cycleSteps)))
    const t = ++model.optimizer.t
    const c1 = 1 - ADAM.beta1 ** t
    const c2 = 1 - ADAM.beta2 ** t
    for (let k = 0; k < dims; k++) {
      m.weights[k] = ADAM.beta1 * m.weights[k] + (1 - ADAM.beta1) * grad[k]
      v.weights[k] = ADAM.beta2 * v.weights[k] + (1 - ADAM.beta2) * grad[k] ** 2
      w[k] -= (lr * (m.weights[k] / c1)) / (Math.sqrt(v.weights[k] / c2) + ADAM.epsilon)
    }
    m.bias = ADAM.beta1 * m.bias + (1 - ADAM.beta1) * gradBias
    v.bias = ADAM.beta2 * v.bias + (1 - ADAM.beta2) * gradBias ** 2
    model.bias -= (lr * (m.bias / c1)) / (Math.sqrt(v.bias / c2) + ADAM.epsilon)
    s.stepInCycle++
    model.progress.totalSteps++
  }
  model.progress.epochsCompleted++
  if (epoch === 1 || epoch % reportEvery === 0 || epoch === epochs) {
    console.log(`epoch ${epoch}/${epochs}  loss ${mse(w, model.bias, xs, ys).toFixed(4)} (mse, mpg^2)`)
  }
}

const lossAfter = mse(w, model.bias, xs, ys)
model.rng.state = rng.state
model.model = modelName
model.history.push({
  run: model.history.length + 1,
  start: start.kind,
  ...(start.kind === 'warm' ? { parentVersion: start.baselineVersion } : {}),
  ...(start.reason ? { coldStartReason: start.reason } : {}),
  data: data.files,
  examples: xs.length,
  params: { epochs, learningRate, batchSize, seed },
  addedFeatures: added,
  // Where this run began, so anyone can check a warm start really continued the parent's state.
  initialWeights,
  initialBias,
  optimizerStepBefore: tBefore,
  totalStepsBefore: stepsBefore,
  steps: model.progress.totalSteps - stepsBefore,
  lossBefore,
  lossAfter
})

mkdirSync(modelDir, { recursive: true })
// No timestamps or absolute paths: the same inputs and seed must give a byte-identical file.
writeFileSync(join(modelDir, 'model.json'), JSON.stringify(model, null, 2) + '\n')
console.log(`${start.kind} start, ${xs.length} examples, ${model.progress.totalSteps - stepsBefore} steps (total ${model.progress.totalSteps}); loss ${lossBefore.toFixed(4)} -> ${lossAfter.toFixed(4)}`)

// ---------------------------------------------------------------------------------------------

/** A fresh model whose preprocessing is fitted on this (first) data and then frozen for good. */
function coldModel() {
  const numeric = {}
  const features = []
  for (const column of NUMERIC.filter((c) => data.columns.includes(c))) {
    const values = data.records.map((r, i) => numberCell(r, column, `training row ${i + 1}`)).filter((x) => x !== null)
    if (values.length === 0) continue // a column with no values carries nothing to fit
    const mean = values.reduce((a, b) => a + b, 0) / values.length
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length)
    // The mean is also the imputation value: a missing cell then contributes exactly zero.
    numeric[column] = { mean, std: std > 0 ? std : 1, fill: mean }
    features.push({ name: column, kind: 'numeric', column })
  }
  const categorical = {}
  for (const column of CATEGORICAL.filter((c) => data.columns.includes(c))) {
    // Sorted so the feature order does not depend on row order.
    const categories = [...new Set(data.records.map((r) => (r[column] ?? '').trim()).filter((x) => x !== ''))].sort()
    categorical[column] = categories
    for (const category of categories) features.push({ name: `${column}=${category}`, kind: 'one-hot', column, category })
  }
  if (features.length === 0) fail(`training data has none of the feature columns ${[...NUMERIC, ...CATEGORICAL].join(', ')}`)
  const labels = data.records.map((r, i) => numberCell(r, LABEL, `training row ${i + 1}`)).filter((x) => x !== null)
  const zeros = () => features.map(() => 0)
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    model: modelName,
    schema: { label: LABEL, features },
    preprocessing: { numeric, categorical },
    weights: zeros(),
    // Starting the bias at the label mean spares the optimizer a long walk from zero.
    bias: labels.length ? labels.reduce((a, b) => a + b, 0) / labels.length : 0,
    optimizer: { kind: 'adam', ...ADAM, t: 0, m: { weights: zeros(), bias: 0 }, v: { weights: zeros(), bias: 0 } },
    schedule: null,
    progress: { epochsCompleted: 0, totalSteps: 0 },
    rng: { seed, state: seed >>> 0 },
    history: []
  }
}
