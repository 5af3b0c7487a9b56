// Each built-in trainer on real data (vega-datasets), against the scikit-learn estimator that matches
// it on the same rows with the same preparation: the committed fixture comes from
// scripts/sklearn-fixtures/make-fixtures.py. Where scikit-learn is importable, the live tests also
// recompute the fixture and check `retrain evaluate`'s metrics with scikit-learn's own.
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { WEIGHTS_FILE } from '../../src/contract-names.js'
import { TRAINERS, type TrainerName } from '../../src/trainers/options.js'
import { FIXTURES, REPO, evaluate, removeTempDirs, tempDir, train } from './helpers.js'

interface Case {
  name: string
  data: string
  trainer: TrainerName
  with: Record<string, unknown>
  compare: Record<string, number>
  weights?: number
}
interface Fixture {
  sklearnVersion: string
  cases: Record<
    string,
    { metrics: Record<string, number>; reference?: { metrics: Record<string, number> }; weights?: Record<string, number>; objective?: number }
  >
}

const SCRIPT = path.join(REPO, 'scripts/sklearn-fixtures/make-fixtures.py')
const cases = (JSON.parse(readFileSync(path.join(REPO, 'scripts/sklearn-fixtures/cases.json'), 'utf8')) as { cases: Case[] }).cases
const fixture = JSON.parse(readFileSync(path.join(FIXTURES, 'sklearn.json'), 'utf8')) as Fixture
const dataFile = (name: string, part: 'train' | 'test') => path.join(FIXTURES, 'data', `${name}-${part}.csv`)

afterAll(removeTempDirs)

async function trainAndEvaluate(c: Case) {
  const trained = await train({ trainer: c.trainer, data: [dataFile(c.data, 'train')], with: c.with })
  const evaluated = await evaluate(trained.modelDir, [dataFile(c.data, 'test')])
  return { ...trained, ...evaluated }
}

describe('built-in trainers reach the quality of scikit-learn on the same data', () => {
  it('covers every trainer', () => {
    expect(new Set(cases.map(c => c.trainer))).toEqual(new Set(Object.keys(TRAINERS)))
  })

  for (const c of cases) {
    it(`${c.name}: ${Object.keys(c.compare).join(', ')} within ${Object.values(c.compare).join(', ')}`, async () => {
      const expected = fixture.cases[c.name]!
      const { metrics, modelDir, model } = await trainAndEvaluate(c)
      for (const [metric, tolerance] of Object.entries(c.compare)) {
        expect(metrics[metric], `${metric}: built-in ${metrics[metric]}, scikit-learn ${expected.metrics[metric]}`).toBeTypeOf('number')
        expect(
          Math.abs(metrics[metric]! - expected.metrics[metric]!),
          `${metric}: built-in ${metrics[metric]}, scikit-learn ${expected.metrics[metric]}`
        ).toBeLessThanOrEqual(tolerance)
      }
      // The stochastic trainers also come near the exact optimum where there is one to compare.
      for (const [metric, value] of Object.entries(expected.reference?.metrics ?? {})) {
        if (metric in c.compare) expect(Math.abs(metrics[metric]! - value)).toBeLessThanOrEqual(2 * c.compare[metric]!)
      }
      // The L-BFGS trainers minimize the very objective scikit-learn does: the weights agree.
      if (c.weights !== undefined) {
        const ours = (JSON.parse(readFileSync(path.join(modelDir, WEIGHTS_FILE), 'utf8')) as { weights: Record<string, number> }).weights
        expect(Object.keys(ours).sort()).toEqual(Object.keys(expected.weights!).sort())
        for (const [name, w] of Object.entries(expected.weights!)) expect(Math.abs(ours[name]! - w), name).toBeLessThanOrEqual(c.weights)
      }
      if (expected.objective !== undefined) expect((await model()).history[0]!.lossAfter).toBeLessThanOrEqual(expected.objective + 1e-9)
    })
  }
})

const python = '/usr/bin/python3'
const sklearn = spawnSync(python, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' })
const live = sklearn.status === 0
if (!live)
  console.warn(`skipping the live scikit-learn cross-checks: ${python} cannot import sklearn and numpy (${(sklearn.error?.message ?? sklearn.stderr).trim()})`)

describe.skipIf(!live)('live cross-checks with scikit-learn (needs /usr/bin/python3 with scikit-learn and NumPy)', () => {
  it('the committed fixture is what make-fixtures.py gives now', () => {
    const now = JSON.parse(execFileSync(python, [SCRIPT, '--stdout'], { encoding: 'utf8' })) as Fixture
    for (const [name, expected] of Object.entries(fixture.cases)) {
      // Fits go through the machine's BLAS: another build of it (pulled in by another Debian package)
      // moves the last digits. A stale fixture differs far more than this relative tolerance.
      for (const [metric, value] of Object.entries(expected.metrics)) {
        expect(Math.abs(now.cases[name]!.metrics[metric]! - value), `${name} ${metric}: ${now.cases[name]!.metrics[metric]} vs ${value}`).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(value))
        )
      }
    }
    expect(Object.keys(now.cases).sort()).toEqual(Object.keys(fixture.cases).sort())
  })

  it("retrain evaluate's metrics agree with scikit-learn's on the same predictions, for every task", async () => {
    const perTask = cases.filter((c, i) => cases.findIndex(o => TRAINERS[o.trainer].task === TRAINERS[c.trainer].task) === i)
    const ours: Record<string, number | null>[] = []
    const args: string[] = []
    for (const c of perTask) {
      const { metrics, predictions } = await trainAndEvaluate(c)
      const file = path.join(await tempDir(), 'predictions.csv')
      writeFileSync(file, predictions)
      ours.push(metrics)
      args.push(TRAINERS[c.trainer].task, file)
    }
    const theirs = JSON.parse(execFileSync(python, [SCRIPT, 'metrics', ...args], { encoding: 'utf8' })) as Record<string, number>[]
    expect(theirs).toHaveLength(4)
    theirs.forEach((metrics, k) => {
      expect(Object.keys(metrics).length).toBeGreaterThan(1)
      for (const [metric, value] of Object.entries(metrics)) expect(ours[k]![metric], `${perTask[k]!.name} ${metric}`).toBeCloseTo(value, 9)
    })
  })
})
