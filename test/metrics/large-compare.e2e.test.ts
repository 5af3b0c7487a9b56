/**
 * From 65,536 examples the bootstrap runs its resamples on several threads; this runs that path
 * through the built CLI, where the threads' code comes from the bundle.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { retrain } from '../helpers/project.js'

const SPEC = `model: large
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

/** Scores that separate the classes by `strength`, from a fixed linear congruential stream. */
function predictions(n: number, strength: number, seed: number): string {
  let state = seed
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const rows = ['id,label,score']
  for (let i = 0; i < n; i++) {
    const label = next() < 0.3 ? 1 : 0
    rows.push(`${i},${label},${(label * strength + next() * (1 - strength)).toFixed(6)}`)
  }
  return rows.join('\n') + '\n'
}

describe('a large comparison through the built CLI', () => {
  it('runs resamples on several threads and gives the same bounds on every run, whatever the threads', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'retrain-large-'))
    await writeFile(path.join(cwd, 'retrain.yml'), SPEC)
    await writeFile(path.join(cwd, 'eval.csv'), 'x\n1\n')
    await writeFile(path.join(cwd, 'candidate.csv'), predictions(70_000, 0.3, 1))
    await writeFile(path.join(cwd, 'baseline.csv'), predictions(70_000, 0.2, 1))
    const args = ['compare', '--spec', 'retrain.yml', '--candidate', 'candidate.csv', '--baseline', 'baseline.csv', '--json']
    const first = await retrain(cwd, args)
    expect(first.code, first.stderr).toBe(0)
    const outcome = JSON.parse(first.stdout)
    const rule = outcome.rules.find((r: { kind: string }) => r.kind === 'change')
    expect(outcome.units).toMatchObject({ count: 70_000, kind: 'examples' })
    expect(rule.status).toBe('pass')
    expect(rule.bound).toBeGreaterThan(0)
    expect(rule.bound).toBeLessThan(rule.improvement)
    const again = JSON.parse((await retrain(cwd, args)).stdout)
    expect(again.rules.find((r: { kind: string }) => r.kind === 'change').bound).toBe(rule.bound)
    // Each resample is drawn from the stream of its index: one thread or three give the same bounds.
    for (const threads of ['1', '3']) {
      const other = await retrain(cwd, args, { RETRAIN_BOOTSTRAP_THREADS: threads })
      expect(other.code, other.stderr).toBe(0)
      expect(JSON.parse(other.stdout).rules).toEqual(outcome.rules)
    }
  })
})
