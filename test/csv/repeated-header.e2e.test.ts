// A repeated header name through the built CLI: the built-in trainer and `retrain compare` read
// CSV with the same reader, and both refuse a header that names one column twice, naming the
// columns: the trainer with exit 2 (bad input) and nothing trained, compare with exit 4.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { retrain } from '../helpers/project.js'

const COMPARE_SPEC = `model: m
data:
  eval: eval.csv
steps:
  - name: Train
    run: "true"
evaluate:
  run: "true"
  data: eval
  predictions: { task: binary }
metrics:
  auc:
    goal: maximize
    compute: roc-auc
    change:
      - { margin: 0 }
promotion: { mode: auto, first-model: promote }
`

describe('a CSV header that names a column twice', () => {
  it('fails `retrain train` with exit 2, naming both columns, and writes no model', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-csv-'))
    const data = path.join(dir, 'train.csv')
    // Read by name, "x" would be taken from column 1 twice and column 3 lost.
    await writeFile(data, 'x,y,x\n1,2,10\n2,4,20\n3,6,30\n4,8,40\n')
    const modelDir = path.join(dir, 'model')
    const env = { RETRAIN_DATA_TRAIN: data, RETRAIN_MODEL_DIR: modelDir, RETRAIN_BUILTIN_OPTIONS: JSON.stringify({ label: 'y' }) }
    const run = await retrain(dir, ['train', 'online-gradient-descent'], env)
    expect(run.code, run.stdout + run.stderr).toBe(2)
    expect(run.stderr).toContain(`${data}:1: column 3 repeats the header "x" of column 1`)
    expect(await readdir(modelDir).catch(() => [])).toEqual([])

    // The same file with distinct names trains.
    await writeFile(data, 'x,y,z\n1,2,10\n2,4,20\n3,6,30\n4,8,40\n')
    const ok = await retrain(dir, ['train', 'online-gradient-descent'], env)
    expect(ok.code, ok.stderr).toBe(0)
  })

  // Predictions are evaluation output: a bad file is exit 4 (evaluation failed), as in `retrain run`.
  it('fails `retrain compare` with exit 4 when a predictions file repeats a header', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-csv-'))
    await writeFile(path.join(dir, 'retrain.yml'), COMPARE_SPEC)
    await writeFile(path.join(dir, 'eval.csv'), 'x\n1\n')
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${i % 2},${((i % 2) * 0.5 + (i % 7) / 14).toFixed(3)}`)
    await writeFile(path.join(dir, 'candidate.csv'), ['id,label,score', ...rows].join('\n') + '\n')
    await writeFile(path.join(dir, 'baseline.csv'), ['id,label,label', ...rows].join('\n') + '\n')
    const args = ['compare', '--spec', 'retrain.yml', '--candidate', 'candidate.csv', '--baseline', 'baseline.csv']
    const run = await retrain(dir, args)
    expect(run.code, run.stdout + run.stderr).toBe(4)
    expect(run.stderr).toContain('baseline.csv:1: column 3 repeats the header "label" of column 2')
  })
})
