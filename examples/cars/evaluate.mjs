// Evaluate command of the cars example. retrain runs it twice, once for the candidate and once for
// the champion, on the same data, so the two sets of metrics are comparable by construction.

import { writeFileSync } from 'node:fs'
import { dataPaths, fail, featurize, labelOf, loadModel, predict, readCsvFiles, requireEnv, requiredColumns, toCsv } from './lib.mjs'

const model = loadModel(requireEnv('RETRAIN_EVAL_MODEL_DIR'))
const metricsFile = requireEnv('RETRAIN_METRICS_FILE')
const predictionsFile = process.env.RETRAIN_PREDICTIONS_FILE ?? ''
const role = process.env.RETRAIN_EVAL_ROLE || 'model'
const version = process.env.RETRAIN_EVAL_VERSION || ''

const data = readCsvFiles(dataPaths('eval'))
// A column the model reads but the data lacks is an error, not silent imputation: the metrics
// would describe a different model than the one being promoted.
const missing = requiredColumns(model).filter((c) => !data.columns.includes(c))
if (missing.length > 0) fail(`evaluation data lacks column(s) the model reads: ${missing.join(', ')}`)

const predictions = []
let unlabeled = 0
data.records.forEach((r, i) => {
  const where = `evaluation row ${i + 1}`
  const label = labelOf(model, r, where)
  if (label === null) {
    unlabeled++
    return
  }
  const id = r.id !== undefined && r.id !== '' ? r.id : String(i)
  predictions.push({ id, label, prediction: predict(model.weights, model.bias, featurize(model, r, where)) })
})

const n = predictions.length
const mean = n ? predictions.reduce((a, p) => a + p.label, 0) / n : NaN
const sse = predictions.reduce((a, p) => a + (p.prediction - p.label) ** 2, 0)
const sst = predictions.reduce((a, p) => a + (p.label - mean) ** 2, 0)
const metrics = {
  rmse: n ? Math.sqrt(sse / n) : NaN,
  mae: n ? predictions.reduce((a, p) => a + Math.abs(p.prediction - p.label), 0) / n : NaN,
  // R² is undefined when every label is the same (no variance to explain).
  r2: n && sst > 0 ? 1 - sse / sst : NaN
}
// JSON has no NaN; an undefined metric is null, which the engine treats as "cannot compare".
const json = Object.fromEntries(Object.entries(metrics).map(([k, x]) => [k, Number.isFinite(x) ? x : null]))
writeFileSync(metricsFile, JSON.stringify(json, null, 2) + '\n')
if (predictionsFile) writeFileSync(predictionsFile, toCsv(['id', 'label', 'prediction'], predictions))

const show = (x) => (x === null ? 'undefined' : x.toFixed(4))
console.log(
  `${role}${version ? ` (version ${version})` : ''}: ${n} examples${unlabeled ? ` (${unlabeled} without a label skipped)` : ''}; ` +
  `rmse ${show(json.rmse)}, mae ${show(json.mae)}, r2 ${show(json.r2)}`
)
