/** Properties of the metric kernels and the bootstrap that hold for any input. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boundAt, normalCdf, normalQuantile, pairedBootstrap } from '../../src/metrics/bootstrap.js'
import { definitionOf } from '../../src/metrics/catalog.js'
import { COMPUTED_METRICS } from '../../src/metrics/computed-metrics.js'
import { fusedLayout, FusedRunner } from '../../src/metrics/fused-pass.js'
import { accuracyValues, binaryLogLossValues, meanKernel, pairedMeans, rocAucKernel, shapeOf, sortByScore, type Kernel } from '../../src/metrics/kernels.js'
import { drawWeights, weightsAhead, Random } from '../../src/metrics/random.js'
import { ourValues, type SklearnCase } from './sklearn-cases.js'

/** A binary case with few distinct scores (ties) and integer weights 0-3. */
const binaryCase = fc.integer({ min: 2, max: 30 }).chain(n =>
  fc.record({
    label: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    prediction: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    score: fc.array(
      fc.integer({ min: 0, max: 6 }).map(v => v / 6),
      { minLength: n, maxLength: n }
    ),
    weight: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n })
  })
)

const binaryMetrics = COMPUTED_METRICS.filter(m => definitionOf(m).tasks.includes('binary'))
const expectAll = Object.fromEntries(binaryMetrics.map(m => [m, 0]))

function same(a: number | null | undefined, b: number | null | undefined): boolean {
  return (a == null && b == null) || (a != null && b != null && Math.abs(a - b) <= 1e-12)
}

describe('metric kernels', () => {
  it('weighting an example by k is the same as repeating it k times', () => {
    fc.assert(
      fc.property(binaryCase, c => {
        const weighted: SklearnCase = { name: 'w', task: 'binary', classes: 2, ...c, expected: expectAll }
        const repeat = <T>(xs: T[]) => xs.flatMap((x, i) => Array<T>(c.weight[i]!).fill(x))
        if (c.weight.every(w => w === 0)) return
        const repeated: SklearnCase = {
          name: 'r',
          task: 'binary',
          classes: 2,
          label: repeat(c.label),
          prediction: repeat(c.prediction),
          score: repeat(c.score),
          expected: expectAll
        }
        const a = ourValues(weighted)
        const b = ourValues(repeated)
        for (const m of binaryMetrics) expect(same(a[m], b[m]), `${m}: ${a[m]} vs ${b[m]}`).toBe(true)
      })
    )
  })

  it('ROC AUC depends only on the order of the scores, and reversing it gives 1 - AUC', () => {
    fc.assert(
      fc.property(binaryCase, c => {
        const base: SklearnCase = { name: 'a', task: 'binary', classes: 2, label: c.label, score: c.score, expected: { 'roc-auc': 0 } }
        const auc = ourValues(base)['roc-auc'] ?? null
        const stretched = ourValues({ ...base, score: c.score.map(s => Math.exp(3 * s) - 7) })['roc-auc'] ?? null
        const reversed = ourValues({ ...base, score: c.score.map(s => -s) })['roc-auc'] ?? null
        if (auc === null) {
          expect(reversed).toBeNull()
        } else {
          expect(stretched).toBeCloseTo(auc, 12)
          expect(reversed).toBeCloseTo(1 - auc, 12)
        }
      })
    )
  })

  it('sorting by score orders the scores, negatives first among equal ones, and loses no example', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e-300, -1e-300)), fc.boolean()), {
          maxLength: 200
        }),
        rows => {
          const score = Float64Array.from(rows, r => r[0])
          const positive = Uint8Array.from(rows, r => (r[1] ? 1 : 0))
          const order = sortByScore(score, positive)
          expect([...order].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i))
          for (let i = 1; i < order.length; i++) {
            const [a, b] = [order[i - 1]!, order[i]!]
            expect(score[a]! <= score[b]!).toBe(true)
            if (score[a] === score[b]) expect(positive[a]! <= positive[b]!).toBe(true)
          }
        }
      )
    )
  })
})

describe('the bootstrap', () => {
  const n = 300
  const random = new Random(3)
  const values = Float64Array.from({ length: n }, () => random.next() / 4294967296)
  const mean = (v: Float64Array) => (w: Uint8Array) => {
    let s = 0
    let t = 0
    for (let i = 0; i < v.length; i++) {
      s += w[i]! * v[i]!
      t += w[i]!
    }
    return s / t
  }
  const shifted = values.map(v => v + 0.01)
  const metric = { candidate: mean(shifted), baseline: mean(values), goal: 'maximize' as const }
  const units = { count: n, unitOf: null, kind: 'examples' as const }

  it('is reproducible from its seed, and another seed gives other resamples', () => {
    const a = pairedBootstrap([metric], n, units, { resamples: 200, seed: 5, interval: 'bca' })[0]!
    const b = pairedBootstrap([metric], n, units, { resamples: 200, seed: 5, interval: 'bca' })[0]!
    const c = pairedBootstrap([metric], n, units, { resamples: 200, seed: 6, interval: 'bca' })[0]!
    expect(a).toEqual(b)
    // A constant shift is the same in every resample: the pairing removes all noise.
    expect(a.absolute.every(v => Math.abs(v - 0.01) < 1e-12)).toBe(true)
    const noisy = { ...metric, candidate: mean(values.map((v, i) => (i % 2 ? v : 1 - v))) }
    const d = pairedBootstrap([noisy], n, units, { resamples: 200, seed: 5, interval: 'bca' })[0]!
    const e = pairedBootstrap([noisy], n, units, { resamples: 200, seed: 6, interval: 'bca' })[0]!
    expect(d.absolute).not.toEqual(e.absolute)
    expect(c.resamples).toBe(200)
  })

  it('resamples whole groups: every example of a group gets its group weight', () => {
    const groupOf = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 10))
    const seen: Uint8Array[] = []
    const spy = { candidate: (w: Uint8Array) => (seen.push(w.slice()), 0), baseline: () => 0, goal: 'maximize' as const }
    pairedBootstrap([spy], n, { count: 30, unitOf: groupOf, kind: 'groups' }, { resamples: 20, seed: 1, interval: 'percentile' })
    expect(seen.length).toBe(21)
    const groupWeights: number[] = []
    for (const w of seen.slice(1)) {
      for (let i = 0; i < n; i++) expect(w[i]).toBe(w[groupOf[i]! * 10])
      for (let g = 0; g < 30; g++) groupWeights.push(w[g * 10]!)
    }
    // Poisson(1) weights per group: 600 of them have mean 1 and variance 1 (within 5 standard errors).
    const mean = groupWeights.reduce((a, b) => a + b, 0) / groupWeights.length
    const variance = groupWeights.reduce((a, b) => a + (b - mean) ** 2, 0) / groupWeights.length
    expect(Math.abs(mean - 1)).toBeLessThan(5 / Math.sqrt(600))
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(3 / 600))
  })

  it('bootstrap weights are Poisson(1): frequencies of 0 .. 6 match the distribution, any length', () => {
    const random = new Random(0)
    for (const n of [1, 2, 3, 999, 200_001]) {
      const weights = new Uint8Array(n).fill(200)
      drawWeights(random, 9, n, weights)
      expect(weights.every(v => v < 30)).toBe(true)
    }
    const weights = new Uint8Array(400_001)
    const counts = new Float64Array(256)
    for (let b = 0; b < 5; b++) {
      drawWeights(random, 9, b, weights)
      for (const v of weights) counts[v]!++
    }
    const total = 5 * weights.length
    let p = Math.exp(-1)
    let chiSquare = 0
    let tail = total
    for (let k = 0; k <= 6; k++) {
      chiSquare += (counts[k]! - total * p) ** 2 / (total * p)
      tail -= counts[k]!
      p /= k + 1
    }
    // 8 cells (0 .. 6 and the rest): 7 degrees of freedom; 24.3 is the 0.1% critical value.
    const tailP = 1 - Array.from({ length: 7 }, (_, k) => Math.exp(-1) / [1, 1, 2, 6, 24, 120, 720][k]!).reduce((a, b) => a + b, 0)
    chiSquare += (tail - total * tailP) ** 2 / (total * tailP)
    expect(chiSquare).toBeLessThan(24.3)
    // Two streams of the same seed differ; the same stream repeats.
    const again = new Uint8Array(weights.length)
    drawWeights(random, 9, 4, again)
    expect(again).toEqual(weights)
    drawWeights(random, 9, 3, again)
    expect(again).not.toEqual(weights)
  })

  it('BCa equals the percentile bound when the distribution is symmetric around the estimate and unskewed', () => {
    const sorted = Float64Array.from({ length: 999 }, (_, i) => i - 499)
    expect(boundAt(sorted, 0, 0.05, 'bca', 0).value).toBe(boundAt(sorted, 0, 0.05, 'percentile', Number.NaN).value)
    // Bias: when most resamples fall below the estimate, BCa moves the bound up.
    expect(boundAt(sorted, -100, 0.05, 'bca', 0).value).toBeLessThan(boundAt(sorted, -100, 0.05, 'percentile', Number.NaN).value)
  })

  it('the normal quantile inverts the normal CDF', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), p => {
        expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6)
      })
    )
  })

  it('counts drawn ahead are those of each resample index drawn in turn', () => {
    const cells = 3001
    const random = new Random(0)
    const counts = new Uint8Array(cells)
    let resamples = 0
    for (const drawn of weightsAhead(17, cells, 9)) {
      drawWeights(random, 17, resamples, counts)
      expect(drawn).toEqual(counts)
      resamples++
    }
    expect(resamples).toBe(9)
  })

  it('paired means and rank sums cut in halves give exactly the separate, sequential values', () => {
    fc.assert(
      fc.property(binaryCase, c => {
        const weights = Uint8Array.from(c.weight)
        const first = Float64Array.from(c.score, v => v / 7)
        const second = Float64Array.from(c.label, (v, i) => v + c.prediction[i]! / 3)
        const out = new Float64Array(2)
        pairedMeans(weights, first, second, out)
        expect([...out]).toEqual([meanKernel(first)(weights), meanKernel(second)(weights)])
        const positive = Uint8Array.from(c.label)
        const score = Float64Array.from(c.score)
        let pairs = 0
        let negatives = 0
        let positives = 0
        for (const i of sortByScore(score, positive)) {
          const x = weights[i]!
          const p = positive[i]! * x
          pairs += p * negatives
          negatives += x - p
          positives += p
        }
        const tied = (s: number) => [0, 1].map(k => c.score.reduce((sum, v, i) => sum + (v === s && c.label[i] === k ? c.weight[i]! : 0), 0))
        for (const s of new Set(c.score)) pairs -= 0.5 * tied(s)[0]! * tied(s)[1]!
        const expected = positives > 0 && negatives > 0 ? pairs / (positives * negatives) : Number.NaN
        expect(rocAucKernel(positive, score)(weights)).toBe(expected)
        // Examples already in score order take the pass that reads the weights in sequence.
        const order = sortByScore(score, positive)
        const inOrder = (v: Uint8Array) => Uint8Array.from(order, i => v[i]!)
        expect(
          rocAucKernel(
            inOrder(positive),
            Float64Array.from(order, i => score[i]!)
          )(inOrder(weights))
        ).toBe(expected)
      })
    )
  })
})

describe("the bootstrap's fused pass", () => {
  /** Two models on n examples in the candidate's score order (as compare.ts lays them out); scores on `levels` levels. */
  function layoutCase(n: number, levels: number, random: Random) {
    const label = Int32Array.from({ length: n }, () => (random.below(10) < 3 ? 1 : 0))
    const score = () =>
      Float64Array.from(label, y => Math.round(Math.min(1, Math.max(0, 0.35 * y + random.below(1 << 20) / (1 << 20) / 1.5)) * levels) / levels)
    const a = score()
    const b = score()
    const order = sortByScore(a, Uint8Array.from(label))
    const pick = <T extends Int32Array | Float64Array>(v: T): T => v.map((_, i) => v[order[i]!]!) as T
    const [y, sa, sb] = [pick(label), pick(a), pick(b)]
    const predicted = (s: Float64Array) => Int32Array.from(s, v => (v >= 0.5 ? 1 : 0))
    const pairs: [Kernel, Kernel][] = [
      [meanKernel(accuracyValues(y, predicted(sa))), meanKernel(accuracyValues(y, predicted(sb)))],
      [meanKernel(binaryLogLossValues(y, sa)), meanKernel(binaryLogLossValues(y, sb))],
      [rocAucKernel(Uint8Array.from(y), sa), rocAucKernel(Uint8Array.from(y), sb)]
    ]
    return pairs
  }

  it.each([
    [1, 1000],
    [7, 3],
    [100, 3],
    [4097, 1_000_000],
    [9000, 2],
    [10_000, 1_000_000],
    [10_000, 20]
  ])('gives each kernel its value under any weights (n = %i, %i score levels)', (n, levels) => {
    const random = new Random(n + levels)
    const pairs = layoutCase(n, levels, random)
    const layout = fusedLayout(
      n,
      pairs.map(([c, b]) => ({ candidate: shapeOf(c)!, baseline: shapeOf(b)!, rows: null }))
    )!
    // Accuracy as bits, log loss as doubles, the candidate's AUC in the sequential pass, the
    // baseline's through its order with the label packed in; by tie groups when scores have few levels.
    if (n > 1000) {
      expect(layout.sources.map(s => s?.kind)).toEqual(['bit', 'bit', 'float', 'float', 'sequential-auc', 'packed-auc'])
      expect(layout.groups !== null).toBe(levels < n / 8)
    }
    const runner = new FusedRunner(layout)
    const out = new Float64Array(6)
    for (let t = 0; t < 4; t++) {
      const w = Uint8Array.from({ length: n }, () => (t === 0 ? 1 : random.below(5)))
      runner.run(w, random, false, out, 0)
      pairs.forEach(([c, b], k) => {
        for (const [side, kernel] of [c, b].entries()) {
          const expected = kernel(w)
          const got = out[2 * k + side]!
          if (Number.isNaN(expected)) expect(got).toBeNaN()
          else if (k === 1) expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected))
          else expect(got).toBe(expected)
        }
      })
    }
    // Drawn inside the pass: the weights drawWeights gives for the same stream.
    const drawn = new Uint8Array(n)
    const again = new Uint8Array(n)
    const stream = new Random(0)
    stream.reseed(5, 4)
    runner.run(drawn, stream, true, out, 0)
    drawWeights(new Random(0), 5, 3, again)
    expect(drawn).toEqual(again)
  })
})

describe('kernels of every metric on every task run', () => {
  it.each(COMPUTED_METRICS.map(m => [m]))('%s', metric => {
    const task = definitionOf(metric).tasks[0]!
    const c: SklearnCase =
      task === 'regression'
        ? { name: metric, task, classes: 0, label: [1, 2, 3, 4], prediction: [1.5, 2, 2.5, 4], expected: { [metric]: 0 } }
        : { name: metric, task: 'binary', classes: 2, label: [0, 1, 0, 1], prediction: [0, 1, 1, 1], score: [0.1, 0.8, 0.6, 0.7], expected: { [metric]: 0 } }
    expect(typeof ourValues(c)[metric]).toBe('number')
  })
})
