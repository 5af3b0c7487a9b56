import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REPO } from '../helpers/project.js'
import { ourValues, sklearnMissing, sklearnValues, type SklearnCase } from './sklearn-cases.js'

const fixtures = JSON.parse(readFileSync(path.join(REPO, 'test/metrics/fixtures/sklearn-metrics.json'), 'utf8')) as { sklearn: string; cases: SklearnCase[] }

function expectSame(c: SklearnCase): void {
  const ours = ourValues(c)
  for (const [metric, expected] of Object.entries(c.expected!)) {
    const got = ours[metric]
    if (expected === null) expect(got, `${c.name}: ${metric} must be undefined`).toBeNull()
    else {
      expect(got, `${c.name}: ${metric}`).not.toBeNull()
      expect(Math.abs(got! - expected), `${c.name}: ${metric} = ${got}, scikit-learn ${expected}`).toBeLessThanOrEqual(1e-9)
    }
  }
}

describe(`computed metrics equal scikit-learn ${fixtures.sklearn} (committed fixtures)`, () => {
  it.each(fixtures.cases.map(c => [c.name, c] as const))('%s', (_name, c) => expectSame(c))

  it('the fixtures cover every undefined case the README documents', () => {
    const undefinedOnes = new Set(
      fixtures.cases.flatMap(c =>
        Object.entries(c.expected!)
          .filter(([, v]) => v === null)
          .map(([k]) => k)
      )
    )
    for (const metric of ['precision', 'recall', 'roc-auc', 'average-precision', 'r2', 'mape', 'precision-macro', 'recall-weighted']) {
      expect(undefinedOnes, metric).toContain(metric)
    }
  })
})

/** Random cases with few distinct values, so ties, missing classes and constant columns are common. */
function arbitraryCase(): fc.Arbitrary<SklearnCase> {
  const binary = fc.integer({ min: 1, max: 40 }).chain(n =>
    fc
      .record({
        label: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
        prediction: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
        score: fc.array(
          fc.integer({ min: 0, max: 8 }).map(v => v / 8),
          { minLength: n, maxLength: n }
        ),
        weight: fc.option(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: n, maxLength: n }), { nil: undefined })
      })
      .map(r => ({ name: 'random binary', task: 'binary' as const, classes: 2, ...r, ...(r.weight === undefined && { weight: undefined }) }))
  )
  const multiclass = fc.record({ n: fc.integer({ min: 1, max: 40 }), k: fc.integer({ min: 3, max: 4 }) }).chain(({ n, k }) =>
    fc
      .record({
        label: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
        prediction: fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: n, maxLength: n }),
        proba: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }).map(rows =>
          rows.map(row => {
            const sum = row.reduce((a, b) => a + b, 0)
            return sum === 0 ? row.map(() => 1 / k) : row.map(v => v / sum)
          })
        )
      })
      .map(r => ({ name: 'random multiclass', task: 'multiclass' as const, classes: k, ...r }))
  )
  const regression = fc.integer({ min: 1, max: 40 }).chain(n =>
    fc
      .record({
        label: fc.array(
          fc.integer({ min: -3, max: 3 }).map(v => v * 1.5),
          { minLength: n, maxLength: n }
        ),
        prediction: fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n })
      })
      .map(r => ({ name: 'random regression', task: 'regression' as const, classes: 0, ...r }))
  )
  return fc.oneof(binary, multiclass, regression).map(c => {
    const { weight, ...rest } = c as SklearnCase
    return weight === undefined ? rest : { ...rest, weight }
  })
}

const missing = sklearnMissing()

describe('live cross-check against scikit-learn on random inputs', () => {
  it.skipIf(missing !== null)(`every metric agrees to 1e-9, or both are undefined${missing ? ` (skipped: ${missing})` : ''}`, () => {
    const cases = fc.sample(arbitraryCase(), { numRuns: 300, seed: 4 })
    const checked = sklearnValues(cases)
    expect(checked).toHaveLength(300)
    for (const c of checked) expectSame(c)
  })
})
