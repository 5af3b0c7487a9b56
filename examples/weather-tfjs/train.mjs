// Trains the temperature network, continuing the champion when there is one.
//
// The first model (no champion) trains every layer on the source data (Seattle). A retrain loads the
// champion's network and training state from RETRAIN_BASELINE_DIR and continues it with a small
// learning rate, with the first `frozen-layers` layers frozen (transfer learning: the shared feature
// layers keep what they learned, the head adapts to the new city); with batch-size 1 and one epoch it
// is an online update, one step per new example.
//
// The bundle (RETRAIN_MODEL_DIR) holds the whole training state: the network (model.json,
// weights.bin), and state.json with the frozen standardization, Adam's step count and its moments for
// every variable (by name, so freezing layers never mixes them up), the shuffling generator's state,
// the epoch and example counters and a history of every run. weights.json summarizes each weight
// tensor for the report's weight comparison.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_LAYERS, FEATURES, dataPaths, generator, loadNetwork, readData, saveNetwork, standardize, tf } from './lib.mjs'
import { pathToFileURL } from 'node:url'
// The contract's helper, shipped with the tool (RETRAIN_HELPERS_DIR); or copy it beside your script.
const { confirmWarmStart } = await import(pathToFileURL(join(process.env.RETRAIN_HELPERS_DIR ?? '', 'node', 'retrain-contract.mjs')).href)

const param = (name, fallback) => {
  const value = process.env[`RETRAIN_PARAM_${name}`]
  return value === undefined || value === '' ? fallback : Number(value)
}
const epochs = param('EPOCHS', 30)
const learningRate = param('LEARNING_RATE', 0.001)
const firstLearningRate = param('FIRST_LEARNING_RATE', 0.01)
const batchSize = param('BATCH_SIZE', 32)
const frozenLayers = param('FROZEN_LAYERS', 2)
const seed = param('SEED', 7)

const out = process.env.RETRAIN_MODEL_DIR
const baselineDir = process.env.RETRAIN_BASELINE_DIR ?? ''
const data = readData(dataPaths('RETRAIN_DATA_TRAIN'))

let model
let state
if (baselineDir && existsSync(join(baselineDir, 'state.json'))) {
  state = JSON.parse(readFileSync(join(baselineDir, 'state.json'), 'utf8'))
  if (JSON.stringify(state.features) !== JSON.stringify(FEATURES)) {
    const reason = `the champion reads the features ${state.features.join(', ')}, this script ${FEATURES.join(', ')}`
    if (process.env.RETRAIN_WARM_START === 'required') throw new Error(`warm start is required but impossible: ${reason}`)
    if (process.env.RETRAIN_TRAINING_REPORT) writeFileSync(process.env.RETRAIN_TRAINING_REPORT, JSON.stringify({ warmStart: false, reason }))
    state = undefined
  } else {
    model = await loadNetwork(baselineDir)
    confirmWarmStart({ packages: { '@tensorflow/tfjs': tf.version.tfjs } })
  }
}
const warm = state !== undefined
if (!warm) {
  const mean = FEATURES.map((_, j) => data.x.reduce((s, r) => s + r[j], 0) / data.x.length)
  const std = FEATURES.map((_, j) => Math.sqrt(data.x.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / data.x.length) || 1)
  state = { format: 1, features: FEATURES, standardization: { mean, std }, optimizer: { iterations: 0, moments: {} }, rng: seed >>> 0, epochs: 0, examples: 0, history: [] }
  const init = (n) => tf.initializers.glorotUniform({ seed: seed + n })
  model = tf.sequential({
    layers: [
      tf.layers.dense({ name: 'base_1', units: 16, activation: 'relu', inputShape: [FEATURES.length], kernelInitializer: init(1) }),
      tf.layers.dense({ name: 'base_2', units: 16, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.dense({ name: 'head', units: 1, kernelInitializer: init(3) })
    ]
  })
}

// Freeze before compiling: only the trainable variables get gradients and optimizer state.
const frozen = warm ? BASE_LAYERS.slice(0, frozenLayers) : []
for (const layer of model.layers) layer.trainable = !frozen.includes(layer.name)
const rate = warm ? learningRate : firstLearningRate
const optimizer = tf.train.adam(rate)
model.compile({ optimizer, loss: 'meanSquaredError' })

// Adam's state, restored by variable name for the variables trained in this run (zeros for one
// never trained before), in the order the optimizer sees them.
const trainable = model.trainableWeights.map((w) => w.originalName)
const moments = (kind) =>
  trainable.map((name) => {
    const saved = state.optimizer.moments[name]
    const shape = model.trainableWeights.find((w) => w.originalName === name).shape
    return { name: `${name}/${kind}`, tensor: saved ? tf.tensor(saved[kind], shape) : tf.zeros(shape) }
  })
await optimizer.setWeights([{ name: 'iter', tensor: tf.scalar(state.optimizer.iterations) }, ...moments('m'), ...moments('v')])

const { mean, std } = state.standardization
const xs = tf.tensor2d(standardize(data.x, state.standardization))
const ys = tf.tensor2d(data.y.map((v) => [v]))
const loss = () => tf.tidy(() => tf.losses.meanSquaredError(ys, model.predict(xs)).dataSync()[0])
const firstWeight = (layer) => model.getLayer(layer).getWeights()[0].dataSync()[0]
const run = {
  run: state.history.length + 1,
  start: warm ? 'warm' : 'cold',
  parentVersion: warm ? process.env.RETRAIN_BASELINE_VERSION || null : null,
  frozen,
  learningRate: rate,
  batchSize,
  epochs,
  examples: data.y.length,
  adamStepBefore: state.optimizer.iterations,
  epochsBefore: state.epochs,
  firstWeightsBefore: Object.fromEntries(model.layers.map((l) => [l.name, firstWeight(l.name)])),
  lossBefore: loss()
}
console.log(
  warm
    ? `warm start from version ${run.parentVersion}: Adam step ${state.optimizer.iterations}, ${state.epochs} epochs so far; frozen: ${frozen.join(', ') || 'none'}; learning rate ${rate}; mse on the new data before training ${run.lossBefore.toFixed(3)}`
    : `cold start: ${FEATURES.length} features, standardization fitted on ${data.y.length} rows (mean ${mean.map((m) => m.toFixed(2)).join(', ')}; std ${std.map((s) => s.toFixed(2)).join(', ')})`
)

const rng = generator(state.rng)
for (let epoch = 0; epoch < epochs; epoch++) {
  // Shuffled with the saved generator (fit's own shuffling is not seeded).
  const order = data.y.map((_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const index = tf.tensor1d(order, 'int32')
  await model.fit(xs.gather(index), ys.gather(index), { epochs: 1, batchSize, shuffle: false, verbose: 0 })
  index.dispose()
}

// Save every variable's moments: those trained now, and those of frozen layers as they were.
const weights = await optimizer.getWeights()
const iterations = weights[0].tensor.dataSync()[0]
for (const { name, tensor } of weights.slice(1)) {
  const [variable, kind] = [name.slice(0, name.lastIndexOf('/')), name.slice(name.lastIndexOf('/') + 1)]
  state.optimizer.moments[variable] = { ...state.optimizer.moments[variable], [kind]: Array.from(tensor.dataSync()) }
}
state.optimizer.iterations = iterations
state.rng = rng.state
state.epochs += epochs
state.examples += epochs * data.y.length
run.adamStepAfter = iterations
run.lossAfter = loss()
state.history.push(run)
console.log(`trained ${epochs} epochs (batch size ${batchSize}) on ${data.y.length} rows: Adam step ${iterations}, mse ${run.lossBefore.toFixed(3)} -> ${run.lossAfter.toFixed(3)}`)

await saveNetwork(model, out)
writeFileSync(join(out, 'state.json'), JSON.stringify(state))
// The weight comparison: each weight tensor's L2 norm and mean (a frozen layer's stay exactly equal).
const summary = {}
for (const w of model.weights) {
  const values = w.read().dataSync()
  summary[`${w.originalName} norm`] = Math.sqrt(values.reduce((s, v) => s + v * v, 0))
  summary[`${w.originalName} mean`] = values.reduce((s, v) => s + v, 0) / values.length
}
writeFileSync(join(out, 'weights.json'), JSON.stringify({ weights: summary }, null, 1))
