/**
 * RETRAIN_BOOTSTRAP_THREADS and RETRAIN_TRAINER_THREADS are read where threads start, which many
 * commands never reach (a comparison of fewer than 65,536 examples, an SGD trainer) or reach only
 * after the training. A bad value is an input error (exit 2) naming the variable on every path, before
 * anything runs; and RETRAIN_CACHE_MAX_MB is checked by every run, not only one that caches a step.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAction } from './github/harness.js'
import { makeProject, retrain, toySpec } from './helpers/project.js'

const COMPARE_SPEC = `model: small
data:
  eval: eval.csv
steps:
  - name: Train
    run: "true"
evaluate:
  run: "true"
  data: eval
  predictions: { task: binary }
  bootstrap: { resamples: 100, seed: 7 }
metrics:
  auc:
    goal: maximize
    compute: roc-auc
    change:
      - { margin: 0, confidence: 0.95 }
promotion: { mode: auto, first-model: promote }
`

/** 200 examples: the same labels in both files, scores that separate them by `strength`. */
function predictions(strength: number): string {
  const rows = ['id,label,score']
  for (let i = 0; i < 200; i++) rows.push(`${i},${i % 3 === 0 ? 1 : 0},${((i % 3 === 0 ? strength : 0) + ((i * 37) % 100) / 200).toFixed(4)}`)
  return rows.join('\n') + '\n'
}

describe('thread counts from the environment', () => {
  it('retrain compare of 200 examples (one thread, the variable never read) refuses a bad RETRAIN_BOOTSTRAP_THREADS, naming it', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'retrain-knobs-'))
    await writeFile(path.join(cwd, 'retrain.yml'), COMPARE_SPEC)
    await writeFile(path.join(cwd, 'eval.csv'), 'x\n1\n')
    await writeFile(path.join(cwd, 'candidate.csv'), predictions(0.5))
    await writeFile(path.join(cwd, 'baseline.csv'), predictions(0.2))
    const args = ['compare', '--spec', 'retrain.yml', '--candidate', 'candidate.csv', '--baseline', 'baseline.csv']
    for (const bad of ['abc', '0', '65', '2.5', '0x3']) {
      const res = await retrain(cwd, args, { RETRAIN_BOOTSTRAP_THREADS: bad })
      expect(res.code, `${bad}: ${res.stderr}`).toBe(2)
      expect(res.stderr).toContain(`RETRAIN_BOOTSTRAP_THREADS must be a whole number from 1 to 64, got "${bad}"`)
    }
    for (const good of ['1', '3', '64', '']) {
      const res = await retrain(cwd, args, { RETRAIN_BOOTSTRAP_THREADS: good })
      expect(res.code, `${good}: ${res.stderr}`).toBe(0)
    }
  })

  it('retrain run refuses a bad RETRAIN_BOOTSTRAP_THREADS or RETRAIN_TRAINER_THREADS before any step, not after the training', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'touch ran.txt\nnode train.mjs' }))
    for (const env of [{ RETRAIN_BOOTSTRAP_THREADS: '0' }, { RETRAIN_TRAINER_THREADS: '3' }] as Record<string, string>[]) {
      const res = await retrain(cwd, ['run', '--spec', 'retrain.yml'], env)
      expect(res.code, res.stderr).toBe(2)
      expect(res.stderr).toContain(`${Object.keys(env)[0]} must be`)
      expect(existsSync(path.join(cwd, 'ran.txt'))).toBe(false)
    }
  })

  it('an SGD trainer, which starts no second thread, refuses a bad RETRAIN_TRAINER_THREADS as the L-BFGS ones do', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'retrain-knobs-'))
    await writeFile(path.join(cwd, 'train.csv'), 'id,x,y\n1,0.1,1\n2,0.2,2\n3,0.3,3\n')
    const res = await retrain(cwd, ['train', 'online-gradient-descent'], {
      RETRAIN_DATA_TRAIN: path.join(cwd, 'train.csv'),
      RETRAIN_MODEL_DIR: path.join(cwd, 'model'),
      RETRAIN_BUILTIN_OPTIONS: JSON.stringify({ label: 'y' }),
      RETRAIN_TRAINER_THREADS: '3'
    })
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('RETRAIN_TRAINER_THREADS must be 1 or 2, got "3"')
    expect(existsSync(path.join(cwd, 'model'))).toBe(false)
  })

  it('the action refuses a bad RETRAIN_BOOTSTRAP_THREADS before any step, naming it', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'touch ran.txt\nnode train.mjs' }))
    const res = await runAction(cwd, { inputs: { spec: 'retrain.yml' }, env: { RETRAIN_BOOTSTRAP_THREADS: 'many' } })
    expect(res.code).not.toBe(0)
    expect(res.log).toContain('RETRAIN_BOOTSTRAP_THREADS must be a whole number from 1 to 64, got "many"')
    expect(existsSync(path.join(cwd, 'ran.txt'))).toBe(false)
  })
})

describe('the run-cache bound', () => {
  it('a run whose spec caches no step still refuses a bad RETRAIN_CACHE_MAX_MB, naming it', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'touch ran.txt\nnode train.mjs' }))
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml'], { RETRAIN_CACHE_MAX_MB: 'lots' })
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain('RETRAIN_CACHE_MAX_MB must be a number of MiB >= 0, got "lots"')
    expect(existsSync(path.join(cwd, 'ran.txt'))).toBe(false)
  })
})
