// ROC AUC under weights, with ties of every density: scores with many ties take the group-by-group
// pass, scores with few take the pass with a correction per mixed tie; both must equal counting the
// pairs one by one, in the examples' own order and in any other.
import { describe, expect, it } from 'vitest'
import { aucShape, rocAucKernel, sortByScore } from '../../src/metrics/kernels.js'
import { Random } from '../../src/metrics/random.js'

/** Σ over (positive, negative) pairs of w+ · w- · [1 if s+ > s-, 1/2 if equal], over the weights of both classes. */
function bruteForce(positive: Uint8Array, score: Float64Array, w: Uint8Array): number {
  let pairs = 0
  let pos = 0
  let neg = 0
  for (let i = 0; i < score.length; i++) {
    if (positive[i]) pos += w[i]!
    else neg += w[i]!
  }
  for (let i = 0; i < score.length; i++) {
    if (!positive[i] || w[i] === 0) continue
    for (let j = 0; j < score.length; j++) {
      if (positive[j] || w[j] === 0) continue
      pairs += w[i]! * w[j]! * (score[i]! > score[j]! ? 1 : score[i] === score[j] ? 0.5 : 0)
    }
  }
  return pos > 0 && neg > 0 ? pairs / (pos * neg) : Number.NaN
}

function example(random: Random, n: number, distinct: number) {
  const positive = new Uint8Array(n)
  const score = new Float64Array(n)
  const w = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    positive[i] = random.below(10) < 3 ? 1 : 0
    // Positives score a little higher; `distinct` levels at most.
    score[i] = Math.min(distinct - 1, random.below(distinct) + positive[i]! * random.below(2)) / distinct
    w[i] = random.below(4)
  }
  return { positive, score, w }
}

describe('ROC AUC with ties', () => {
  for (const [name, distinct, heavy] of [
    ['rounded scores (a few levels: group by group)', 5, true],
    ['many levels (a correction per mixed tie)', 400, false]
  ] as const) {
    it(`${name} equals counting every pair`, () => {
      const random = new Random(distinct)
      for (let trial = 0; trial < 20; trial++) {
        const n = 100 + random.below(500)
        const { positive, score, w } = example(random, n, distinct)
        const shape = aucShape(positive, score)
        expect(shape.groups !== null).toBe(heavy)
        const expected = bruteForce(positive, score, w)
        expect(rocAucKernel(positive, score)(w)).toBeCloseTo(expected, 12)
        // The same examples already in score order: the pass reads the weights in sequence.
        const order = sortByScore(score, positive)
        const sorted = {
          positive: Uint8Array.from(order, i => positive[i]!),
          score: Float64Array.from(order, i => score[i]!),
          w: Uint8Array.from(order, i => w[i]!)
        }
        expect(aucShape(sorted.positive, sorted.score).order).toBeNull()
        expect(rocAucKernel(sorted.positive, sorted.score)(sorted.w)).toBeCloseTo(expected, 12)
      }
    })
  }

  it('is exactly 1/2 when every score is the same, and undefined without both classes', () => {
    const positive = Uint8Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? 1 : 0))
    const score = new Float64Array(64).fill(0.25)
    expect(rocAucKernel(positive, score)(new Uint8Array(64).fill(2))).toBe(0.5)
    expect(rocAucKernel(positive, score)(Uint8Array.from(positive))).toBeNaN()
  })
})
