// The cars example's scripts, run as the engine would run them: subprocesses that see only the
// warm-start contract's environment. No engine is involved, so these tests pin the contract as a
// user's script experiences it.

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const exampleDir = fileURLToPath(new URL('../examples/cars', import.meta.url))
const dataDir = join(exampleDir, 'data')
const gen1Data = join(dataDir, 'cars-1970-1975.csv')
const gen2Data = join(dataDir, 'cars-1976-1979.csv')
const evalData = join(dataDir, 'cars-1980-1982.csv')

interface Feature {
  name: string
  kind: 'numeric' | 'one-hot'
  column: string
  category?: string
}
interface HistoryEntry {
  run: number
  start: 'cold' | 'warm'
  parentVersion?: string | null
  initialWeights: number[]
  initialBias: number
  optimizerStepBefore: number
  totalStepsBefore: number
  steps: number
  lossBefore: number
  lossAfter: number
}
interface Model {
  schema: { label: string; features: Feature[] }
  preprocessing: unknown
  weights: number[]
  bias: number
  optimizer: { t: number; m: { weights: number[]; bias: number }; v: { weights: number[]; bias: number } }
  progress: { epochsCompleted: number; totalSteps: number }
  schedule: { cycle: number; stepInCycle: number; cycleSteps: number }
  rng: { seed: number; state: number }
  history: HistoryEntry[]
}
interface Metrics {
  rmse: number | null
  mae: number | null
  r2: number | null
}

let root: string
let counter = 0

/** A fresh directory per use, so no test sees another's files. */
function freshDir(label: string): string {
  const dir = join(root, `${++counter}-${label}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** The parent's environment minus anything of the contract, so only what a test sets is seen. */
function baseEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('RETRAIN_')))
}

interface TrainOptions {
  data: string[]
  baselineDir?: string
  baselineVersion?: string
  warmStart?: 'required' | 'fallback'
  params?: Record<string, string>
}

function train(options: TrainOptions) {
  const modelDir = freshDir('model')
  const workDir = freshDir('work')
  const report = join(workDir, 'training-report.json')
  const params = { epochs: '200', 'learning-rate': '0.05', seed: '7', ...options.params }
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    RETRAIN_MODEL: 'cars-mpg',
    RETRAIN_MODEL_DIR: modelDir,
    RETRAIN_BASELINE_DIR: options.baselineDir ?? '',
    RETRAIN_BASELINE_VERSION: options.baselineVersion ?? '',
    RETRAIN_WORK_DIR: workDir,
    RETRAIN_PARAMS: JSON.stringify(params),
    RETRAIN_DATA_TRAIN: options.data.join('\n'),
    RETRAIN_DATA_EVAL: evalData,
    RETRAIN_WARM_START: options.warmStart ?? 'fallback',
    RETRAIN_TRAINING_REPORT: report
  }
  for (const [name, value] of Object.entries(params)) {
    env[`RETRAIN_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`] = value
  }
  const run = spawnSync(process.execPath, ['train.mjs'], { cwd: exampleDir, env, encoding: 'utf8' })
  const modelFile = join(modelDir, 'model.json')
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    modelDir,
    modelFile,
    report,
    model: (): Model => JSON.parse(readFileSync(modelFile, 'utf8')) as Model
  }
}

function evaluate(modelDir: string, role: 'candidate' | 'baseline', data = evalData) {
  const out = freshDir('eval')
  const metricsFile = join(out, 'metrics.json')
  const predictionsFile = join(out, 'predictions.csv')
  const run = spawnSync(process.execPath, ['evaluate.mjs'], {
    cwd: exampleDir,
    encoding: 'utf8',
    env: {
      ...baseEnv(),
      RETRAIN_MODEL: 'cars-mpg',
      RETRAIN_MODEL_DIR: '',
      RETRAIN_BASELINE_DIR: '',
      RETRAIN_WORK_DIR: freshDir('work'),
      RETRAIN_PARAMS: '{}',
      RETRAIN_DATA_TRAIN: gen1Data,
      RETRAIN_DATA_EVAL: data,
      RETRAIN_WARM_START: 'fallback',
      RETRAIN_EVAL_MODEL_DIR: modelDir,
      RETRAIN_EVAL_ROLE: role,
      RETRAIN_EVAL_VERSION: '',
      RETRAIN_METRICS_FILE: metricsFile,
      RETRAIN_PREDICTIONS_FILE: predictionsFile
    }
  })
  expect(run.status, run.stderr).toBe(0)
  return {
    stdout: run.stdout,
    metrics: JSON.parse(readFileSync(metricsFile, 'utf8')) as Metrics,
    predictions: readFileSync(predictionsFile, 'utf8')
  }
}

/** A copy of a data file without one column (the committed CSVs have no quoted fields). */
function withoutColumn(source: string, column: string): string {
  const lines = readFileSync(source, 'utf8').trimEnd().split('\n')
  const drop = lines[0]!.split(',').indexOf(column)
  expect(drop).toBeGreaterThanOrEqual(0)
  const text =
    lines
      .map(line =>
        line
          .split(',')
          .filter((_, j) => j !== drop)
          .join(',')
      )
      .join('\n') + '\n'
  const path = join(freshDir('data'), `no-${column}.csv`)
  writeFileSync(path, text)
  return path
}

describe('cars example: warm start through the contract', () => {
  let gen1: ReturnType<typeof train>
  let gen2: ReturnType<typeof train>

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'retrain-cars-'))
    gen1 = train({ data: [gen1Data] })
    expect(gen1.status, gen1.stderr).toBe(0)
    gen2 = train({ data: [gen2Data], baselineDir: gen1.modelDir, baselineVersion: '1' })
    expect(gen2.status, gen2.stderr).toBe(0)
  })

  afterAll(() => {
    rmSync(root, { recursive: true, force: true })
  })

  it('cold-starts generation 1 and records it', () => {
    const m = gen1.model()
    expect(m.history).toHaveLength(1)
    expect(m.history[0]!.start).toBe('cold')
    expect(m.history[0]!.initialWeights.every(w => w === 0)).toBe(true)
    expect(m.schema.features.map(f => f.name)).toEqual([
      'Cylinders',
      'Displacement',
      'Horsepower',
      'Weight_in_lbs',
      'Acceleration',
      'Year',
      'Origin=Europe',
      'Origin=Japan',
      'Origin=USA'
    ])
    expect(m.optimizer.t).toBe(m.progress.totalSteps)
    expect(m.progress.epochsCompleted).toBe(200)
    expect(existsSync(gen1.report)).toBe(false)
    // A few progress lines, not one per epoch.
    expect(gen1.stdout.split('\n').filter(l => l.startsWith('epoch ')).length).toBeLessThanOrEqual(8)
  })

  it("starts generation 2 from generation 1's final weights and optimizer state", () => {
    const parent = gen1.model()
    const child = gen2.model()
    const run = child.history[1]!
    expect(child.history).toHaveLength(2)
    expect(child.history[0]).toEqual(parent.history[0])
    expect(run.start).toBe('warm')
    expect(run.parentVersion).toBe('1')
    expect(run.initialWeights).toEqual(parent.weights)
    expect(run.initialBias).toBe(parent.bias)
    expect(gen2.stdout).toContain(`warm start from version 1: first weight before=${parent.weights[0]} (Cylinders)`)
    // The warm-started run begins far better than a zero model would on the new data, and learns.
    expect(run.lossBefore).toBeLessThan(parent.history[0]!.lossBefore)
    expect(run.lossAfter).toBeLessThan(run.lossBefore)
    expect(child.weights).not.toEqual(parent.weights)
  })

  it('keeps the preprocessing frozen and the schema unchanged', () => {
    expect(gen2.model().preprocessing).toEqual(gen1.model().preprocessing)
    expect(gen2.model().schema).toEqual(gen1.model().schema)
  })

  it("continues Adam's step counter, epochs and schedule from the parent", () => {
    const parent = gen1.model()
    const child = gen2.model()
    const run = child.history[1]!
    expect(run.optimizerStepBefore).toBe(parent.optimizer.t)
    expect(run.totalStepsBefore).toBe(parent.progress.totalSteps)
    expect(child.optimizer.t).toBe(parent.optimizer.t + run.steps)
    expect(child.progress.epochsCompleted).toBe(parent.progress.epochsCompleted + 200)
    expect(child.schedule.cycle).toBe(parent.schedule.cycle + 1)
    expect(child.schedule.stepInCycle).toBe(child.schedule.cycleSteps)
    // The same seed continues the parent's random stream rather than replaying it.
    expect(child.rng.seed).toBe(parent.rng.seed)
    expect(child.rng.state).not.toBe(parent.rng.state)
  })

  it('generation 2 beats generation 1 on the latest years, with finite metrics', () => {
    const old = evaluate(gen1.modelDir, 'baseline')
    const next = evaluate(gen2.modelDir, 'candidate')
    for (const metrics of [old.metrics, next.metrics]) {
      expect(Object.keys(metrics).sort()).toEqual(['mae', 'r2', 'rmse'])
      for (const value of Object.values(metrics)) expect(Number.isFinite(value)).toBe(true)
    }
    expect(next.metrics.rmse!).toBeLessThan(old.metrics.rmse! - 2)
    expect(next.metrics.mae!).toBeLessThan(old.metrics.mae!)
    expect(next.metrics.r2!).toBeGreaterThan(0.3)
    expect(next.metrics.r2!).toBeGreaterThan(old.metrics.r2!)
    // The spec's sanity bound holds for both, so generation 1 is promotable as the first model.
    expect(old.metrics.rmse!).toBeLessThan(10)

    const lines = next.predictions.trimEnd().split('\n')
    expect(lines[0]).toBe('id,label,prediction')
    expect(lines).toHaveLength(1 + 89)
    for (const line of lines.slice(1)) {
      const [id, label, prediction] = line.split(',')
      expect(id).toMatch(/^\d+$/)
      expect(Number.isFinite(Number(label))).toBe(true)
      expect(Number.isFinite(Number(prediction))).toBe(true)
    }
  })

  it('gives a byte-identical model.json for the same data and seed', () => {
    const again1 = train({ data: [gen1Data] })
    expect(readFileSync(again1.modelFile)).toEqual(readFileSync(gen1.modelFile))
    const again2 = train({ data: [gen2Data], baselineDir: again1.modelDir, baselineVersion: '1' })
    expect(readFileSync(again2.modelFile)).toEqual(readFileSync(gen2.modelFile))
    const otherSeed = train({ data: [gen1Data], params: { seed: '8' } })
    expect(readFileSync(otherSeed.modelFile)).not.toEqual(readFileSync(gen1.modelFile))
  })

  it('fails a required warm start on an incompatible champion, naming the column', () => {
    const data = withoutColumn(gen2Data, 'Acceleration')
    const run = train({ data: [data], baselineDir: gen1.modelDir, baselineVersion: '1', warmStart: 'required' })
    expect(run.status).not.toBe(0)
    expect(run.stderr).toContain('Acceleration')
    expect(run.stderr).toContain('required')
    expect(existsSync(run.modelFile)).toBe(false)
  })

  it('falls back to a cold start on an incompatible champion and reports why', () => {
    const data = withoutColumn(gen2Data, 'Acceleration')
    const run = train({ data: [data], baselineDir: gen1.modelDir, baselineVersion: '1', warmStart: 'fallback' })
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(readFileSync(run.report, 'utf8')) as { warmStart: boolean; reason: string }
    expect(report.warmStart).toBe(false)
    expect(report.reason).toContain('Acceleration')
    const m = run.model()
    expect(m.history).toHaveLength(1)
    expect(m.history[0]!.start).toBe('cold')
    expect(m.schema.features.map(f => f.column)).not.toContain('Acceleration')
    expect(m.optimizer.t).toBe(m.progress.totalSteps)
  })

  it('gives an Origin never seen before a new zero-initialized weight', () => {
    const lines = readFileSync(gen2Data, 'utf8').trimEnd().split('\n')
    const path = join(freshDir('data'), 'new-origin.csv')
    writeFileSync(path, [...lines, ...lines.slice(1, 6).map(l => l.replace(/,[^,]*$/, ',Korea'))].join('\n') + '\n')
    const parent = gen1.model()
    const run = train({ data: [path], baselineDir: gen1.modelDir, baselineVersion: '1' })
    expect(run.status, run.stderr).toBe(0)
    const child = run.model()
    expect(child.schema.features.at(-1)).toEqual({ name: 'Origin=Korea', kind: 'one-hot', column: 'Origin', category: 'Korea' })
    expect(child.history[1]!.initialWeights).toEqual([...parent.weights, 0])
    expect(child.optimizer.m.weights).toHaveLength(parent.weights.length + 1)
    expect(child.optimizer.v.weights).toHaveLength(parent.weights.length + 1)
  })

  it('writes null, not NaN, for a metric that is undefined', () => {
    const path = join(freshDir('data'), 'constant.csv')
    const lines = readFileSync(evalData, 'utf8').trimEnd().split('\n')
    const mpg = lines[0]!.split(',').indexOf('Miles_per_Gallon')
    const constant = lines.slice(1, 11).map(l =>
      l
        .split(',')
        .map((v, j) => (j === mpg ? '30' : v))
        .join(',')
    )
    writeFileSync(path, [lines[0], ...constant].join('\n') + '\n')
    const { metrics } = evaluate(gen1.modelDir, 'candidate', path)
    expect(metrics.r2).toBeNull()
    expect(Number.isFinite(metrics.rmse)).toBe(true)
  })
})
