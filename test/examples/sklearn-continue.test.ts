/**
 * examples/sklearn-continue: load the saved model and continue training. Three generations through
 * the built CLI: the first model is promoted; the second loads the champion's joblib file and
 * continues it with partial_fit (its own step counter t_ and the script's epoch counter go on from
 * the champion's, and it starts from the champion's coefficients); a mislabeled batch is rejected.
 * Needs scikit-learn in /usr/bin/python3 (Debian's python3-sklearn; CI installs it).
 */
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyExample, missingPython, readJsonFile, removeDir, runGeneration, status, unpackVersion, type Generation } from './example.js'

const missing = missingPython(['sklearn', 'joblib', 'numpy'])
if (missing) console.warn(`skipping examples/sklearn-continue: ${missing}`)

interface Run {
  run: number
  start: 'cold' | 'warm'
  parent_version: string | null
  t_before: number | null
  t_after: number
  epochs_before: number
  examples_before: number
  epochs: number
  examples: number
  coef_before: number[]
  intercept_before: number
  loss_before: number | null
  loss_after: number
}
interface State {
  features: string[]
  t_: number
  epochs_total: number
  examples_seen: number
  coef: number[]
  intercept: number
  history: Run[]
}

describe.skipIf(missing !== null)('example sklearn-continue: load the saved model and continue training', () => {
  let cwd: string
  const gens: Generation[] = []
  const states: State[] = []

  async function generation(batch: string) {
    await copyFile(path.join(cwd, 'data', `${batch}.csv`), path.join(cwd, 'data/train.csv'))
    const gen = await runGeneration(cwd, batch)
    gens.push(gen)
    return gen
  }

  beforeAll(async () => {
    cwd = await copyExample('sklearn-continue')
    await generation('batch-1')
    await generation('batch-2')
    await generation('batch-3-mislabeled')
    for (const version of [1, 2, 3]) states.push(await readJsonFile<State>(path.join(unpackVersion(cwd, 'tumor-diagnosis', version), 'state.json')))
  }, 120_000)

  afterAll(() => removeDir(cwd))

  it('promotes the first model, trained from scratch', () => {
    const [g1] = gens
    expect(g1!.result.decision).toBe('promoted')
    expect(g1!.result.firstModel).toBe(true)
    expect(g1!.result.candidate.warmStart.source).toBe('cold')
    const s = states[0]!
    expect(s.history).toHaveLength(1)
    expect(s.history[0]!.start).toBe('cold')
    expect(s.epochs_total).toBe(5)
    expect(s.examples_seen).toBe(5 * 200)
    // scikit-learn's own step counter: one update per example, starting at 1.
    expect(s.t_).toBe(1 + 5 * 200)
    expect(g1!.result.candidate.metrics.auc).toBeGreaterThan(0.95)
  })

  it("continues the champion's training state: coefficients, t_, epochs and the shuffling stream", () => {
    const [parent, child] = states
    const run = child!.history[1]!
    expect(child!.history[0]).toEqual(parent!.history[0])
    expect(run.start).toBe('warm')
    expect(run.parent_version).toBe('1')
    expect(run.coef_before).toEqual(parent!.coef)
    expect(run.intercept_before).toBe(parent!.intercept)
    expect(run.t_before).toBe(parent!.t_)
    expect(child!.t_).toBe(parent!.t_ + 5 * 200)
    expect(run.epochs_before).toBe(parent!.epochs_total)
    expect(child!.epochs_total).toBe(parent!.epochs_total + 5)
    expect(child!.examples_seen).toBe(parent!.examples_seen + 1000)
    // Already a good model before it saw a single example of the new batch, and better after.
    expect(run.loss_before!).toBeLessThan(0.4)
    expect(run.loss_after).toBeLessThan(run.loss_before!)
    expect(gens[1]!.stderr).toContain(`warm start from version 1: t_=${parent!.t_}`)
  })

  it('promotes the continued model on metrics computed from its predictions, with confidence rules', () => {
    const g2 = gens[1]!.result
    expect(g2.decision).toBe('promoted')
    expect(g2.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 1 })
    const rules = g2.rules as { rule: string; status: string; confidence?: number; bound?: number }[]
    expect(rules.every(r => r.status === 'pass')).toBe(true)
    expect(rules.filter(r => r.confidence === 0.95)).toHaveLength(2)
    expect(g2.candidate.metrics.auc).toBeGreaterThanOrEqual(g2.baseline.metrics.auc - 0.01)
    // The coefficients are in weights.json, so the report compares them.
    expect(gens[1]!.report).toContain('### Weights')
    const weights = gens[1]!.result.weights as { feature: string; champion: number; candidate: number }[]
    expect(weights.map(w => w.feature)).toEqual(expect.arrayContaining(['(bias)', 'mean_radius', 'worst_concavity']))
    const bias = weights.find(w => w.feature === '(bias)')!
    expect(bias.champion).toBe(states[0]!.intercept)
    expect(bias.candidate).toBe(states[1]!.intercept)
  })

  it('rejects a continued model trained on a mislabeled batch, and keeps the champion', async () => {
    const g3 = gens[2]!.result
    expect(g3.decision).toBe('rejected')
    expect(g3.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 2 })
    const failed = (g3.rules as { metric: string; status: string }[]).filter(r => r.status === 'fail').map(r => r.metric)
    expect(failed).toEqual(expect.arrayContaining(['auc', 'log_loss', 'accuracy']))
    // It did continue (the regression comes from the data, not from a cold start).
    expect(states[2]!.history[2]!.t_before).toBe(states[1]!.t_)
    expect((await status(cwd)).champion).toBe(2)
  })
})
