// Shared by train.mjs and evaluate.mjs: TensorFlow.js on its pure-JavaScript CPU backend, the data,
// and the bundle's files (the network in TensorFlow.js's own format, written without a native module).
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs'

tf.enableProdMode() // no debug checks, and no advice to install the native backend
await tf.setBackend('cpu')
export { tf }

export const FEATURES = ['day_sin', 'day_cos', 'precipitation', 'temp_min', 'wind']
export const LABEL = 'temp_max'
export const BASE_LAYERS = ['base_1', 'base_2']

/** The files of a data input: the contract gives one absolute path per line. */
export function dataPaths(variable) {
  const paths = (process.env[variable] ?? '').split('\n').filter(Boolean)
  if (paths.length === 0) throw new Error(`${variable} is empty: run this through retrain, or set it to a CSV file`)
  return paths
}

/** Rows of the CSV files (no field holds a comma): ids, feature rows, labels. */
export function readData(paths) {
  const ids = []
  const x = []
  const y = []
  for (const path of paths) {
    const [head, ...lines] = readFileSync(path, 'utf8').trim().split('\n')
    const columns = head.split(',')
    const missing = [...FEATURES, LABEL, 'id'].filter((c) => !columns.includes(c))
    if (missing.length > 0) throw new Error(`${path}: missing the columns ${missing.join(', ')}`)
    const at = (name) => columns.indexOf(name)
    for (const line of lines) {
      const cells = line.split(',')
      ids.push(cells[at('id')])
      x.push(FEATURES.map((f) => Number(cells[at(f)])))
      y.push(Number(cells[at(LABEL)]))
    }
  }
  return { ids, x, y }
}

/** The network in the bundle: model.json (topology and weight specs) and weights.bin. */
export async function saveNetwork(model, dir) {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      writeFileSync(join(dir, 'model.json'), JSON.stringify({ modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs }))
      writeFileSync(join(dir, 'weights.bin'), Buffer.from(artifacts.weightData))
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } }
    })
  )
}

export async function loadNetwork(dir) {
  const { modelTopology, weightSpecs } = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'))
  const bytes = readFileSync(join(dir, 'weights.bin'))
  const weightData = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }))
}

/** Standardizes with the statistics fitted on the first training data (kept frozen afterwards). */
export function standardize(rows, stats) {
  return rows.map((row) => row.map((v, j) => (v - stats.mean[j]) / stats.std[j]))
}

/** A small seeded generator (mulberry32) whose whole state is one integer, saved in the bundle. */
export function generator(state) {
  return {
    state,
    next() {
      this.state = (this.state + 0x6d2b79f5) >>> 0
      let t = this.state
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }
}
