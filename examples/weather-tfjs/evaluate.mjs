// Scores one model (RETRAIN_EVAL_MODEL_DIR) on the evaluation data: one row per day in
// RETRAIN_PREDICTIONS_FILE (id, label, prediction); retrain computes rmse, mae and r2 from them.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dataPaths, loadNetwork, readData, standardize, tf } from './lib.mjs'

const dir = process.env.RETRAIN_EVAL_MODEL_DIR
const state = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'))
const model = await loadNetwork(dir)
const data = readData(dataPaths('RETRAIN_DATA_EVAL'))
const predictions = tf.tidy(() => model.predict(tf.tensor2d(standardize(data.x, state.standardization))).dataSync())
const lines = data.ids.map((id, i) => `${id},${data.y[i]},${predictions[i]}`)
writeFileSync(process.env.RETRAIN_PREDICTIONS_FILE, ['id,label,prediction', ...lines].join('\n') + '\n')
console.log(`${process.env.RETRAIN_EVAL_ROLE ?? ''}: ${lines.length} predictions written`)
