/**
 * examples/life-expectancy: a linear model retrained from its learned parameters (the built-in
 * online-gradient-descent trainer), with the weight comparison. Three generations through the built
 * CLI: the first model is promoted; the second continues the champion's weights, step counter and
 * epochs on the next period's data and is promoted; a misjoined batch is rejected.
 */
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyExample, readJsonFile, removeDir, runGeneration, status, unpackVersion, type Generation } from './example.js'

interface Model {
  weights: number[][]
  bias: number[]
  preparation: { features: { name: string }[]; numeric: { column: string; center: number; scale: number }[] }
  sgd: { t: number; epochs: number; rng: { seed: number; state: number } }
  history: {
    run: number
    start: string
    parentVersion: string | null
    stepsBefore: number
    startedFrom: string
    passes: number
    examples: number
    lossBefore: number
    lossAfter: number
  }[]
}
interface Weights {
  weights: Record<string, number>
}
interface WeightRow {
  feature: string
  champion: number | null
  candidate: number | null
  difference: number
}

describe('example life-expectancy: a linear model retrained from its learned parameters', () => {
  let cwd: string
  const gens: Generation[] = []
  const models: Model[] = []
  const weights: Weights[] = []

  beforeAll(async () => {
    cwd = await copyExample('life-expectancy')
    for (const batch of ['life-1955-1970', 'life-1975-1990', 'life-1975-1990-misjoined']) {
      await copyFile(path.join(cwd, 'data', `${batch}.csv`), path.join(cwd, 'data/train.csv'))
      gens.push(await runGeneration(cwd, batch))
    }
    for (const version of [1, 2, 3]) {
      const dir = unpackVersion(cwd, 'life-expectancy', version)
      models.push(await readJsonFile<Model>(path.join(dir, 'model.json')))
      weights.push(await readJsonFile<Weights>(path.join(dir, 'weights.json')))
    }
  }, 120_000)

  afterAll(() => removeDir(cwd))

  it('promotes the first model, trained from scratch', () => {
    const g1 = gens[0]!.result
    expect(g1.decision).toBe('promoted')
    expect(g1.candidate.warmStart.source).toBe('cold')
    const m = models[0]!
    expect(m.history).toHaveLength(1)
    expect(m.history[0]!.start).toBe('cold')
    expect(m.sgd.epochs).toBe(100)
    expect(m.sgd.t).toBe(100 * 248)
    expect(m.preparation.features.map(f => f.name).sort()).toEqual([
      'cluster=0',
      'cluster=1',
      'cluster=2',
      'cluster=3',
      'cluster=4',
      'cluster=5',
      'fertility',
      'log10_pop',
      'year'
    ])
  })

  it("continues from the champion's weights, step counter, epochs and shuffling stream, preparation frozen", () => {
    const [parent, child] = models
    const run = child!.history[1]!
    expect(child!.history[0]).toEqual(parent!.history[0])
    expect(run.start).toBe('warm')
    expect(run.parentVersion).toBe('1')
    expect(run.stepsBefore).toBe(parent!.sgd.t)
    expect(child!.sgd.t).toBe(parent!.sgd.t + 100 * 248)
    expect(child!.sgd.epochs).toBe(parent!.sgd.epochs + 100)
    expect(child!.sgd.rng.seed).toBe(parent!.sgd.rng.seed)
    expect(child!.sgd.rng.state).not.toBe(parent!.sgd.rng.state)
    expect(child!.preparation).toEqual(parent!.preparation)
    // A zero model starts at a loss of about 1900 (squared years); the champion starts far lower.
    expect(run.lossBefore).toBeLessThan(parent!.history[0]!.lossBefore / 50)
    expect(run.lossAfter).toBeLessThan(run.lossBefore)
    expect(gens[1]!.stderr).toContain(`warm start: step counter t=${parent!.sgd.t}, 100 epochs so far`)
  })

  it('promotes the retrained model on the latest years and shows how every weight moved', () => {
    const g2 = gens[1]!.result
    expect(g2.decision).toBe('promoted')
    expect(g2.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 1 })
    expect(g2.candidate.metrics.rmse).toBeLessThan(g2.baseline.metrics.rmse)
    const rows = g2.weights as WeightRow[]
    expect(rows.map(r => r.feature).sort()).toEqual([...Object.keys(weights[1]!.weights)].sort())
    for (const row of rows) {
      expect(row.champion).toBe(weights[0]!.weights[row.feature])
      expect(row.candidate).toBe(weights[1]!.weights[row.feature])
    }
    // weights.json is the model's own weights, named by the frozen preparation's features.
    const names = models[1]!.preparation.features.map(f => f.name)
    expect(Object.fromEntries(names.map((n, i) => [n, models[1]!.weights[0]![i]]))).toEqual(
      Object.fromEntries(Object.entries(weights[1]!.weights).filter(([k]) => k !== '(bias)'))
    )
    const report = gens[1]!.report
    expect(report).toContain('### Weights')
    for (const feature of ['fertility', 'log10_pop', 'year', '(bias)']) expect(report).toMatch(new RegExp(`\\| ${feature.replace(/[()]/g, '\\$&')} +\\|`))
  })

  it('rejects a retrain on a misjoined batch, and keeps the champion', async () => {
    const g3 = gens[2]!.result
    expect(g3.decision).toBe('rejected')
    expect(g3.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 2 })
    const failed = (g3.rules as { metric: string; kind: string; status: string }[]).filter(r => r.status === 'fail').map(r => r.metric)
    expect(failed).toEqual(expect.arrayContaining(['rmse', 'r2']))
    expect(models[2]!.history[2]!.stepsBefore).toBe(models[1]!.sgd.t)
    expect((await status(cwd)).champion).toBe(2)
  })
})
