/**
 * examples/weather-tfjs: incremental training with a small learning rate, transfer learning with
 * frozen layers, and online updates, in TensorFlow.js (pure JavaScript; the example's own dependency,
 * installed here with `npm ci` in a copy of the example: the only network use, the npm registry).
 * Four generations through the built CLI: the first model (Seattle) is promoted; the transfer to New
 * York freezes the feature layers (the weight comparison shows them unchanged) and continues Adam's
 * step count; an online update (batch size 1, one epoch) continues again; a batch in the wrong unit
 * is rejected.
 */
import { spawnSync } from 'node:child_process'
import { copyFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyExample, readJsonFile, removeDir, runGeneration, status, unpackVersion, type Generation } from './example.js'

interface State {
  standardization: { mean: number[]; std: number[] }
  optimizer: { iterations: number; moments: Record<string, { m: number[]; v: number[] }> }
  rng: number
  epochs: number
  examples: number
  history: {
    run: number
    start: string
    parentVersion: string | null
    frozen: string[]
    learningRate: number
    batchSize: number
    adamStepBefore: number
    adamStepAfter: number
    epochsBefore: number
    firstWeightsBefore: Record<string, number>
    lossBefore: number
    lossAfter: number
  }[]
}
interface WeightRow {
  feature: string
  champion: number | null
  candidate: number | null
  difference: number
}

const steps = (rows: number, batch: number, epochs: number) => epochs * Math.ceil(rows / batch)

describe('example weather-tfjs: frozen layers, a small learning rate and online updates in TensorFlow.js', () => {
  let cwd: string
  const gens: Generation[] = []
  const states: State[] = []
  const weights: Record<string, number>[] = []

  beforeAll(async () => {
    cwd = await copyExample('weather-tfjs')
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd, encoding: 'utf8', timeout: 240_000 })
    expect(install.status, `npm ci in the example failed (it needs the npm registry):\n${install.stderr}`).toBe(0)
    const generations: [string, string[]][] = [
      ['seattle-2012-2015', []],
      ['new-york-2012-2013', []],
      ['new-york-2014', ['--param', 'batch-size=1', '--param', 'epochs=1']],
      ['new-york-2014-fahrenheit', ['--param', 'batch-size=1', '--param', 'epochs=1']]
    ]
    for (const [batch, args] of generations) {
      await copyFile(path.join(cwd, 'data', `${batch}.csv`), path.join(cwd, 'data/train.csv'))
      gens.push(await runGeneration(cwd, batch, args))
    }
    for (const version of [1, 2, 3, 4]) {
      const dir = unpackVersion(cwd, 'max-temperature', version)
      states.push(await readJsonFile<State>(path.join(dir, 'state.json')))
      weights.push((await readJsonFile<{ weights: Record<string, number> }>(path.join(dir, 'weights.json'))).weights)
    }
  }, 300_000)

  afterAll(() => removeDir(cwd))

  it('promotes the first model, every layer trained from scratch', () => {
    expect(gens[0]!.result.decision).toBe('promoted')
    expect(gens[0]!.result.candidate.warmStart.source).toBe('cold')
    const s = states[0]!
    expect(s.history[0]).toMatchObject({ start: 'cold', frozen: [], learningRate: 0.01, adamStepBefore: 0 })
    expect(s.optimizer.iterations).toBe(steps(1461, 32, 30))
    expect(Object.keys(s.optimizer.moments).sort()).toEqual(['base_1/bias', 'base_1/kernel', 'base_2/bias', 'base_2/kernel', 'head/bias', 'head/kernel'])
  })

  it("transfer learning: the feature layers stay frozen, the head continues with a small learning rate and Adam's state", () => {
    const [parent, child] = states
    const run = child!.history[1]!
    expect(gens[1]!.result.decision).toBe('promoted')
    expect(gens[1]!.result.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 1 })
    expect(run).toMatchObject({
      start: 'warm',
      parentVersion: '1',
      frozen: ['base_1', 'base_2'],
      learningRate: 0.001,
      adamStepBefore: parent!.optimizer.iterations,
      epochsBefore: 30
    })
    expect(child!.optimizer.iterations).toBe(parent!.optimizer.iterations + steps(731, 32, 30))
    expect(child!.standardization).toEqual(parent!.standardization)
    // Frozen: the weights and their optimizer moments are exactly the champion's; the head moved.
    for (const [name, value] of Object.entries(weights[0]!)) {
      if (name.startsWith('base_')) expect(weights[1]![name], name).toBe(value)
    }
    expect(weights[1]!['head/kernel norm']).not.toBe(weights[0]!['head/kernel norm'])
    for (const name of ['base_1/kernel', 'base_2/bias']) expect(child!.optimizer.moments[name]).toEqual(parent!.optimizer.moments[name])
    expect(child!.optimizer.moments['head/kernel']).not.toEqual(parent!.optimizer.moments['head/kernel'])
    expect(run.lossAfter).toBeLessThan(run.lossBefore)
  })

  it('the weight comparison in the report shows the frozen layers unchanged', () => {
    const rows = gens[1]!.result.weights as WeightRow[]
    expect(rows).toHaveLength(12)
    for (const row of rows) {
      if (row.feature.startsWith('base_')) expect(row.difference, row.feature).toBe(0)
      else expect(row.feature).toMatch(/^head\//)
    }
    expect(rows.filter(r => r.difference !== 0).length).toBeGreaterThan(0)
    expect(gens[1]!.report).toContain('### Weights')
    expect(gens[1]!.report).toMatch(/\| base_1\/kernel norm +\| [-\d.]+ +\| [-\d.]+ +\| 0 +\|/)
  })

  it('an online update (batch size 1, one epoch) continues the champion and is promoted', () => {
    const [, parent, child] = states
    const run = child!.history[2]!
    expect(gens[2]!.result.decision).toBe('promoted')
    expect(run).toMatchObject({ start: 'warm', parentVersion: '2', batchSize: 1, adamStepBefore: parent!.optimizer.iterations })
    expect(child!.optimizer.iterations).toBe(parent!.optimizer.iterations + 365)
    expect(child!.epochs).toBe(61)
    expect(gens[2]!.stderr).toContain(`warm start from version 2: Adam step ${parent!.optimizer.iterations}, 60 epochs so far; frozen: base_1, base_2`)
  })

  it('rejects an update on a batch in the wrong unit, and keeps the champion', async () => {
    const g = gens[3]!.result
    expect(g.decision).toBe('rejected')
    expect(g.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 3 })
    const failed = (g.rules as { metric: string; status: string }[]).filter(r => r.status === 'fail').map(r => r.metric)
    expect(failed).toEqual(expect.arrayContaining(['rmse', 'r2']))
    expect((await status(cwd)).champion).toBe(3)
  })
})
