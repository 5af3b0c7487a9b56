import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateRules, improvementOf, planDecision } from '../src/engine/rules.js'
import type { ChangeRuleSpec, MetricSpec, PromotionSpec } from '../src/spec/types.js'

const here = { file: 'spec.yml', line: 1, col: 1 }

function metric(name: string, goal: 'maximize' | 'minimize', change: Partial<ChangeRuleSpec>[] = [], bounds: { min?: number; max?: number } = {}): MetricSpec {
  return { name, goal, ...bounds, change: change.map(c => ({ against: 'champion', location: here, ...c })), location: here }
}

const auto: PromotionSpec = { mode: 'auto', firstModel: 'promote', borderline: 'reject', approvers: [] }

describe('change rules', () => {
  it('an identical candidate never passes a must-improve rule (margin 0 is strict)', () => {
    const v = evaluateRules([metric('acc', 'maximize', [{ margin: 0 }])], { acc: 0.9 }, { acc: 0.9 })
    expect(v.passed).toBe(false)
    expect(v.outcomes[0]).toMatchObject({ status: 'fail', improvement: 0, value: 0.9, baseline: 0.9, threshold: 0 })
  })

  it('minimize: improvement is baseline minus candidate', () => {
    const v = evaluateRules([metric('rmse', 'minimize', [{ margin: 0.5 }])], { rmse: 3 }, { rmse: 4 })
    expect(v.outcomes[0]).toMatchObject({ status: 'pass', improvement: 1 })
    const worse = evaluateRules([metric('rmse', 'minimize', [{ margin: 0.5 }])], { rmse: 3.6 }, { rmse: 4 })
    expect(worse.outcomes[0]!.status).toBe('fail')
  })

  it('a negative margin is non-inferiority: a regression of exactly |margin| passes, more fails', () => {
    const rule = [metric('auc', 'maximize', [{ margin: -0.25 }])]
    expect(evaluateRules(rule, { auc: 0.5 }, { auc: 0.75 }).passed).toBe(true)
    expect(evaluateRules(rule, { auc: 0.4 }, { auc: 0.75 }).passed).toBe(false)
  })

  it('relative change divides by |baseline| and fails closed on a zero baseline', () => {
    const rule = [metric('loss', 'minimize', [{ relativeMargin: 0.1 }])]
    const ok = evaluateRules(rule, { loss: -2.5 }, { loss: -2 })
    expect(ok.outcomes[0]!.improvement).toBeCloseTo(0.25)
    expect(ok.passed).toBe(true)
    const zero = evaluateRules(rule, { loss: -1 }, { loss: 0 })
    expect(zero.outcomes[0]).toMatchObject({ status: 'fail', improvement: null })
    expect(zero.outcomes[0]!.reason).toMatch(/the baseline's loss is 0, so a relative change cannot be computed/)
  })

  it.each([
    ['missing', {}, /has no metric "acc"/],
    ['null (undefined metric)', { acc: null }, /undefined/],
    ['NaN', { acc: Number.NaN }, /undefined/],
    ['Infinity', { acc: Number.POSITIVE_INFINITY }, /infinite/]
  ])('a %s candidate metric fails closed', (_label, candidate, reason) => {
    const v = evaluateRules([metric('acc', 'maximize', [{ margin: -1 }], { min: -10 })], candidate, { acc: 0.5 })
    expect(v.passed).toBe(false)
    for (const o of v.outcomes) {
      expect(o.status).toBe('fail')
      expect(o.reason).toMatch(reason)
    }
  })

  it('an undefined baseline metric fails closed too', () => {
    const v = evaluateRules([metric('acc', 'maximize', [{ margin: -1 }])], { acc: 0.5 }, { acc: null })
    expect(v.outcomes[0]).toMatchObject({ status: 'fail', value: 0.5, baseline: null })
  })
})

describe('bounds and the first model', () => {
  it('bounds apply on every run, the first included; change rules do not apply to a first model', () => {
    const spec = [metric('rmse', 'minimize', [{ margin: 0 }], { max: 5 })]
    const first = evaluateRules(spec, { rmse: 4 }, null)
    expect(first.firstModel).toBe(true)
    expect(first.outcomes.map(o => o.status)).toEqual(['pass', 'not-applicable'])
    expect(first.passed).toBe(true)
    const tooHigh = evaluateRules(spec, { rmse: 6 }, null)
    expect(tooHigh.passed).toBe(false)
    expect(tooHigh.outcomes[0]!.reason).toMatch(/above the maximum 5/)
  })

  it('the first-model policy decides a first model', () => {
    const v = evaluateRules([metric('rmse', 'minimize', [{ margin: 0 }])], { rmse: 4 }, null)
    expect(planDecision(v, { ...auto, firstModel: 'promote' }).action).toBe('promote')
    expect(planDecision(v, { ...auto, firstModel: 'gate' }).decision).toBe('pending-approval')
    expect(planDecision(v, { ...auto, firstModel: 'reject' }).decision).toBe('rejected')
  })

  it('failing rules reject in every mode; dry runs change nothing but say what would happen', () => {
    const failing = evaluateRules([metric('acc', 'maximize', [{ margin: 0 }])], { acc: 0.5 }, { acc: 0.6 })
    for (const mode of ['auto', 'gate'] as const) expect(planDecision(failing, { ...auto, mode }).action).toBe('reject')
    const dry = planDecision(failing, { ...auto, mode: 'dry-run' })
    expect(dry).toMatchObject({ action: 'none', decision: 'skipped', wouldBe: 'rejected' })
    const passing = evaluateRules([metric('acc', 'maximize', [{ margin: 0 }])], { acc: 0.7 }, { acc: 0.6 })
    expect(planDecision(passing, { ...auto, mode: 'gate' }).action).toBe('gate')
    expect(planDecision(passing, auto).action).toBe('promote')
  })
})

describe('properties', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true })

  it('passing is exactly "improvement > margin" for margins >= 0 and ">= margin" below 0', () => {
    fc.assert(
      fc.property(finite, finite, fc.double({ min: -100, max: 100, noNaN: true }), fc.constantFrom('maximize', 'minimize'), (c, b, margin, goal) => {
        const v = evaluateRules([metric('m', goal as 'maximize' | 'minimize', [{ margin }])], { m: c }, { m: b })
        const imp = improvementOf(goal as 'maximize' | 'minimize', c, b)
        // Within the subtraction's rounding of the margin, the improvement counts as equal to it (tested end to end).
        fc.pre(Math.abs(imp - margin) > 16 * Number.EPSILON * Math.max(Math.abs(c), Math.abs(b), Math.abs(imp), Math.abs(margin)))
        expect(v.outcomes[0]!.improvement).toBe(imp)
        expect(v.passed).toBe(margin >= 0 ? imp > margin : imp >= margin)
      })
    )
  })

  it('the verdict is the intersection of the rules, and a failed rule is never promoted', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite, fc.double({ min: -10, max: 10, noNaN: true })), { minLength: 1, maxLength: 6 }), rows => {
        const metrics = rows.map((_, i) => metric(`m${i}`, 'maximize', [{ margin: rows[i]![2] }]))
        const cand = Object.fromEntries(rows.map(([c], i) => [`m${i}`, c]))
        const base = Object.fromEntries(rows.map(([, b], i) => [`m${i}`, b]))
        const v = evaluateRules(metrics, cand, base)
        expect(v.passed).toBe(v.outcomes.every(o => o.status === 'pass'))
        if (!v.passed) expect(planDecision(v, auto).action).toBe('reject')
      })
    )
  })

  it('swapping candidate and baseline negates the improvement', () => {
    fc.assert(
      fc.property(finite, finite, (a, b) => {
        const spec = [metric('m', 'minimize', [{ margin: 0 }])]
        const x = evaluateRules(spec, { m: a }, { m: b }).outcomes[0]!.improvement!
        const y = evaluateRules(spec, { m: b }, { m: a }).outcomes[0]!.improvement!
        expect(x + y).toBeCloseTo(0, 6)
      })
    )
  })
})

describe('confidence rules, pinned versions and slice rules', () => {
  const evidence = (bound: number | null, problem: string | null = null) => ({
    confidence: () => ({
      bound,
      upper: bound === null ? null : bound + 0.1,
      method: 'bca' as const,
      resamples: 1000,
      degenerate: 0,
      units: 500,
      unit: 'examples' as const,
      problem
    })
  })

  it('judges the one-sided lower bound, not the point estimate; a margin >= 0 must be exceeded strictly', () => {
    const rule = [metric('auc', 'maximize', [{ margin: 0, confidence: 0.95 }])]
    const refused = evaluateRules(rule, { auc: 0.81 }, { auc: 0.8 }, evidence(-0.002))
    expect(refused.outcomes[0]).toMatchObject({
      status: 'fail',
      improvement: expect.closeTo(0.01, 12),
      bound: -0.002,
      confidence: 0.95,
      interval: { method: 'bca', units: 500 }
    })
    expect(refused.outcomes[0]!.reason).toMatch(/95% lower bound -0\.002 does not exceed 0, although the point estimate is 0\.01/)
    expect(evaluateRules(rule, { auc: 0.81 }, { auc: 0.8 }, evidence(0)).passed).toBe(false)
    expect(evaluateRules(rule, { auc: 0.81 }, { auc: 0.8 }, evidence(0.001)).passed).toBe(true)
    // Non-inferiority: a bound of exactly -|margin| still passes.
    const guard = [metric('auc', 'maximize', [{ margin: -0.01, confidence: 0.95 }])]
    expect(evaluateRules(guard, { auc: 0.8 }, { auc: 0.8 }, evidence(-0.01)).passed).toBe(true)
    expect(evaluateRules(guard, { auc: 0.8 }, { auc: 0.8 }, evidence(-0.0101)).passed).toBe(false)
  })

  it('says a clear regression is one, not a question of noise, when the point estimate itself fails', () => {
    const guard = [metric('auc', 'maximize', [{ margin: -0.01, confidence: 0.9 }])]
    const regressed = evaluateRules(guard, { auc: 0.52 }, { auc: 0.8 }, evidence(-0.31))
    expect(regressed.passed).toBe(false)
    expect(regressed.outcomes[0]!.reason).toMatch(/^the point estimate -0\.28 itself is below -0\.01, and the 90% lower bound is -0\.31/)
    expect(regressed.outcomes[0]!.reason).not.toMatch(/noise/)
  })

  it('fails closed without evidence, or with evidence that cannot be trusted', () => {
    const rule = [metric('auc', 'maximize', [{ margin: 0, confidence: 0.95 }])]
    expect(evaluateRules(rule, { auc: 0.9 }, { auc: 0.8 }).outcomes[0]!.reason).toMatch(
      /no per-example predictions to bound the improvement of auc: fails closed/
    )
    const degenerate = evaluateRules(rule, { auc: 0.9 }, { auc: 0.8 }, evidence(null, 'auc was undefined in 40 of 1000 resamples'))
    expect(degenerate.outcomes[0]).toMatchObject({ status: 'fail', bound: null })
    expect(degenerate.outcomes[0]!.reason).toMatch(/undefined in 40 of 1000 resamples: fails closed/)
  })

  it('compares with a pinned version when the rule says so, and fails closed when it has no values', () => {
    const rule = [metric('auc', 'maximize', [{ margin: -0.01, against: 3 }])]
    const pinned = evaluateRules(rule, { auc: 0.795 }, { auc: 0.9 }, { references: new Map([[3, { auc: 0.8 }]]) })
    expect(pinned.outcomes[0]).toMatchObject({ status: 'pass', against: 3, baseline: 0.8, rule: 'auc regresses by at most 0.01 against version 3' })
    const missing = evaluateRules(rule, { auc: 0.9 }, { auc: 0.8 }, { references: new Map([[3, 'version 3 of m is not in the registry']]) })
    expect(missing.outcomes[0]).toMatchObject({ status: 'fail', against: 3, reason: 'version 3 of m is not in the registry: fails closed' })
    expect(evaluateRules(rule, { auc: 0.9 }, { auc: 0.8 }).outcomes[0]!.reason).toMatch(/version 3 was not evaluated: fails closed/)
    expect(evaluateRules(rule, { auc: 0.9 }, null).outcomes[0]!.status).toBe('not-applicable')
  })

  it('a slice rule fails when a slice failed on evidence, and fails closed without a judgement', () => {
    const m = { ...metric('acc', 'maximize'), slices: { maxRegression: 0.02 } }
    const slice = (value: string, status: 'pass' | 'fail' | 'not-judged', improvement: number, worst = false) => ({
      metric: 'acc',
      column: 'region',
      value,
      examples: 100,
      effectiveSize: 100,
      candidate: 0.8,
      baseline: 0.8 - improvement,
      improvement,
      upper: improvement + 0.01,
      p: 0.01,
      status,
      reason: '',
      worst
    })
    const judgement = (slices: ReturnType<typeof slice>[]) => ({ slices: [{ metric: 'acc', maxRegression: 0.02, confidence: 0.95, slices }] })
    const failing = evaluateRules(
      [m],
      { acc: 0.8 },
      { acc: 0.8 },
      judgement([slice('a', 'pass', 0.01), slice('b', 'fail', -0.1, true), slice('c', 'not-judged', -0.3)])
    )
    expect(failing.outcomes[0]).toMatchObject({ kind: 'slices', status: 'fail', improvement: -0.1, threshold: -0.02 })
    expect(failing.outcomes[0]!.reason).toBe('1 slice regresses on evidence: region=b (-0.1, upper bound -0.09); 2 judged, 1 reported but not judged')
    const passing = evaluateRules([m], { acc: 0.8 }, { acc: 0.8 }, judgement([slice('a', 'pass', -0.01, true)]))
    expect(passing.outcomes[0]).toMatchObject({ status: 'pass', bound: 0 })
    expect(evaluateRules([m], { acc: 0.8 }, { acc: 0.8 }).outcomes[0]).toMatchObject({ status: 'fail' })
    expect(evaluateRules([m], { acc: 0.8 }, null).outcomes[0]).toMatchObject({ status: 'not-applicable' })
  })
})

describe('the borderline policy', () => {
  const evidence = (bound: number | null) => ({
    confidence: () => ({
      bound,
      upper: bound === null ? null : bound + 0.02,
      method: 'bca' as const,
      resamples: 1000,
      degenerate: 0,
      units: 200,
      unit: 'examples' as const,
      problem: null
    })
  })
  const gate: PromotionSpec = { ...auto, borderline: 'gate' }
  const rules = [metric('auc', 'maximize', [{ margin: 0, confidence: 0.95 }], { min: 0.5 })]

  it('gates a candidate whose point estimates pass but whose confidence bound does not, with the numbers', () => {
    const v = evaluateRules(rules, { auc: 0.81 }, { auc: 0.8 }, evidence(-0.004))
    expect(v.passed).toBe(false)
    const plan = planDecision(v, gate)
    expect(plan).toMatchObject({ action: 'gate', decision: 'pending-approval' })
    expect(plan.reason).toMatch(
      /^borderline: auc improves by more than 0 \(95% confidence\): point estimate 0\.01 passes, 95% lower bound -0\.004 does not clear 0/
    )
    // The default policy still rejects it; a dry run says what would happen.
    expect(planDecision(v, auto)).toMatchObject({ action: 'reject', decision: 'rejected' })
    expect(planDecision(v, { ...gate, mode: 'dry-run' })).toMatchObject({ action: 'none', wouldBe: 'pending-approval' })
  })

  it('still auto-promotes a clear pass', () => {
    const v = evaluateRules(rules, { auc: 0.81 }, { auc: 0.8 }, evidence(0.002))
    expect(planDecision(v, gate)).toMatchObject({ action: 'promote', reason: 'every rule passed' })
  })

  it('still rejects clear failures: a failing point estimate, a failing bound, or a bound that could not be computed', () => {
    const regressed = evaluateRules(rules, { auc: 0.79 }, { auc: 0.8 }, evidence(-0.03))
    expect(planDecision(regressed, gate).action).toBe('reject')
    const belowMin = evaluateRules(rules, { auc: 0.45 }, { auc: 0.44 }, evidence(-0.004))
    expect(belowMin.outcomes.map(o => o.status)).toEqual(['fail', 'fail'])
    expect(planDecision(belowMin, gate)).toMatchObject({ action: 'reject', reason: expect.stringMatching(/^2 rules failed/) })
    expect(planDecision(evaluateRules(rules, { auc: 0.81 }, { auc: 0.8 }, evidence(null)), gate).action).toBe('reject')
    expect(planDecision(evaluateRules(rules, { auc: 0.81 }, { auc: 0.8 }), gate).action).toBe('reject')
    // A plain change rule without confidence that fails is a point estimate failing.
    const plain = [metric('auc', 'maximize', [{ margin: 0, confidence: 0.95 }]), metric('rmse', 'minimize', [{ margin: 0 }])]
    const mixed = evaluateRules(plain, { auc: 0.81, rmse: 3 }, { auc: 0.8, rmse: 2 }, evidence(-0.004))
    expect(planDecision(mixed, gate).action).toBe('reject')
  })

  it('gates a relative non-inferiority rule whose bound alone falls short', () => {
    const guard = [metric('loss', 'minimize', [{ relativeMargin: -0.05, confidence: 0.9 }])]
    const v = evaluateRules(guard, { loss: 1.02 }, { loss: 1 }, evidence(-0.08))
    const plan = planDecision(v, gate)
    expect(plan.action).toBe('gate')
    expect(plan.reason).toMatch(/point estimate -2% passes, 90% lower bound -8% does not clear -5%/)
  })
})
