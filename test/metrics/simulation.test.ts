/**
 * The confidence rule's promise, checked by simulation: a candidate no better than the baseline is
 * promoted at most at the rate 1 - c allows, and a candidate with a clear gain is promoted.
 */
import { describe, expect, it } from 'vitest'
import { boundAt, pairedBootstrap, type PairedMetric } from '../../src/metrics/bootstrap.js'
import { accuracyValues, meanKernel, oneVsRest, rocAucKernel } from '../../src/metrics/kernels.js'
import { Random } from '../../src/metrics/random.js'

const CONFIDENCE = 0.95

function gaussian(random: Random): number {
  const u = (random.next() + 1) / 4294967297
  const v = random.next() / 4294967296
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** Binary labels (30% positive) and two models whose scores separate the classes by `separation`. */
function simulate(n: number, candidateSeparation: number, baselineSeparation: number, random: Random) {
  const label = new Int32Array(n)
  const candidate = new Float64Array(n)
  const baseline = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    label[i] = random.next() < 0.3 * 4294967296 ? 1 : 0
    candidate[i] = label[i]! * candidateSeparation + gaussian(random)
    baseline[i] = label[i]! * baselineSeparation + gaussian(random)
  }
  return { label, candidate, baseline }
}

function promoted(metric: PairedMetric, n: number, seed: number): boolean {
  const [d] = pairedBootstrap([metric], n, { count: n, unitOf: null, kind: 'examples' }, { resamples: 1000, seed, interval: 'bca' })
  return boundAt(d!.absolute, d!.point.absolute, 1 - CONFIDENCE, 'bca', d!.acceleration.absolute).value > 0
}

/** The largest count of promotions still consistent (at the 1% level) with a rate of at most 1 - c. */
function allowed(trials: number): number {
  const p = 1 - CONFIDENCE
  let cumulative = 0
  let term = (1 - p) ** trials
  for (let k = 0; k <= trials; k++) {
    cumulative += term
    if (cumulative >= 0.99) return k
    term *= ((trials - k) / (k + 1)) * (p / (1 - p))
  }
  return trials
}

function auc(label: Int32Array, candidate: Float64Array, baseline: Float64Array): PairedMetric {
  const positive = oneVsRest(label, 1)
  return { candidate: rocAucKernel(positive, candidate), baseline: rocAucKernel(positive, baseline), goal: 'maximize' }
}

function accuracy(label: Int32Array, candidate: Float64Array, baseline: Float64Array): PairedMetric {
  const predict = (s: Float64Array, separation: number) => Int32Array.from(s, v => (v > separation / 2 + 0.85 ? 1 : 0))
  return {
    candidate: meanKernel(accuracyValues(label, predict(candidate, 1))),
    baseline: meanKernel(accuracyValues(label, predict(baseline, 1))),
    goal: 'maximize'
  }
}

describe('paired bootstrap confidence rules, by simulation', () => {
  // Fewer trials where each costs more; the allowance grows with the trials' own noise.
  it.each([
    [200, 200, auc],
    [1000, 120, auc],
    [10000, 60, accuracy]
  ])('no real difference, n = %i: promoted at most at the rate 1 - c allows (%i trials)', (n, trials, metricOf) => {
    const random = new Random(n)
    let promotions = 0
    for (let t = 0; t < trials; t++) {
      const { label, candidate, baseline } = simulate(n, 1, 1, random)
      if (promoted(metricOf(label, candidate, baseline), n, t)) promotions++
    }
    expect(promotions).toBeLessThanOrEqual(allowed(trials))
  })

  it.each([
    [200, 1.6, 0.6],
    [1000, 1.2, 0.8],
    [10000, 1.1, 0.9]
  ])('a clear real gain, n = %i: promoted', (n, better, worse) => {
    const random = new Random(7 * n)
    let promotions = 0
    const trials = 10
    for (let t = 0; t < trials; t++) {
      const { label, candidate, baseline } = simulate(n, better, worse, random)
      if (promoted(auc(label, candidate, baseline), n, t)) promotions++
    }
    expect(promotions).toBeGreaterThanOrEqual(9)
  })
})
