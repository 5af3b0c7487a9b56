// Four resamples per pass through the other model's order (src/metrics/fused-quad.ts) must give
// every resample exactly the values it gets alone, whichever of the four has a weight that does not
// fit 4 bits, whatever the number of examples (whole words or not) and of resamples (passes of four,
// then pairs and one alone at the end), on one thread and on two.
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { pairedBootstrap, type PairedMetric } from '../../src/metrics/bootstrap.js'
import { fusedLayout, FusedRunner } from '../../src/metrics/fused-pass.js'
import { interleaveNibbles, packedQuadRankSums } from '../../src/metrics/fused-quad.js'
import { packedPairRankSums } from '../../src/metrics/fused-pair.js'
import { accuracyValues, binaryLogLossValues, meanKernel, rocAucKernel, shapeOf } from '../../src/metrics/kernels.js'
import { Random } from '../../src/metrics/random.js'
import { REPO } from '../helpers/project.js'

let worker: URL

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-quads-'))
  const outfile = path.join(dir, 'bootstrap-worker.mjs')
  await build({
    entryPoints: [path.join(REPO, 'src/metrics/bootstrap-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning'
  })
  worker = pathToFileURL(outfile)
})

/** Two models with distinct scores, the examples in the candidate's score order or not. */
function models(n: number, sorted: boolean) {
  const random = new Random(31)
  const label = new Int32Array(n)
  const a = new Float64Array(n)
  const b = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    label[i] = random.below(10) < 3 ? 1 : 0
    a[i] = (label[i]! * 0.3 + random.below(1e9) / 1.4e9) / 1.3
    b[i] = (label[i]! * 0.25 + random.below(1e9) / 1.4e9) / 1.25
  }
  if (sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i]! - a[j]! || label[i]! - label[j]!)
    const [l, x, y] = [label.slice(), a.slice(), b.slice()]
    order.forEach((from, to) => ((label[to] = l[from]!), (a[to] = x[from]!), (b[to] = y[from]!)))
  }
  const positive = Uint8Array.from(label)
  const predicted = (s: Float64Array) => Int32Array.from(s, v => (v >= 0.5 ? 1 : 0))
  const metrics: PairedMetric[] = [
    { candidate: meanKernel(accuracyValues(label, predicted(a))), baseline: meanKernel(accuracyValues(label, predicted(b))), goal: 'maximize' },
    { candidate: meanKernel(binaryLogLossValues(label, a)), baseline: meanKernel(binaryLogLossValues(label, b)), goal: 'minimize' },
    { candidate: rocAucKernel(positive, a), baseline: rocAucKernel(positive, b), goal: 'maximize' }
  ]
  const layout = fusedLayout(
    n,
    metrics.map(k => ({ candidate: shapeOf(k.candidate)!, baseline: shapeOf(k.baseline)!, rows: null }))
  )!
  return { n, metrics, layout }
}

/** A generator whose draws put weights of 16 or more on some examples when `heavy` (Poisson(1) almost never does). */
class Drawn extends Random {
  constructor(
    private readonly salt: number,
    private readonly heavy: boolean
  ) {
    super(0)
  }
  override poisson(weights: Uint8Array, start = 0, end = weights.length): void {
    for (let i = start; i < end; i++)
      weights[i] = this.heavy && (i * 7 + this.salt) % 97 === 0 ? 16 + (i % 3) : (Math.imul(i ^ Math.imul(this.salt, 0x5bd1e995), 0x9e3779b1) >>> 24) % 4
  }
}

describe('four resamples per pass', () => {
  it('sums the ranks of each resample as a pass of two does', () => {
    const n = 1_001
    const random = new Random(4)
    const low = Uint8Array.from({ length: n }, () => random.below(16) | (random.below(16) << 4))
    const high = Uint8Array.from({ length: n }, () => random.below(16) | (random.below(16) << 4))
    const packed = Int32Array.from({ length: n }, (_, i) => ((i * 389) % n) | (random.below(3) === 0 ? 1 << 31 : 0))
    const quad = new Uint16Array(n)
    interleaveNibbles(low, high, quad)
    const four = new Float64Array(8)
    packedQuadRankSums(quad, packed, four)
    const pair = [new Float64Array(3), new Float64Array(3), new Float64Array(3), new Float64Array(3)]
    packedPairRankSums(low, packed, pair[0]!, pair[1]!)
    packedPairRankSums(high, packed, pair[2]!, pair[3]!)
    expect(Array.from(four)).toEqual(pair.flatMap(p => [p[0]!, p[1]!]))
    expect(four[0]).toBeGreaterThan(0)
  })

  it.each([
    { heavy: [false, false, false, false], n: 5_003, sorted: true },
    { heavy: [true, false, false, false], n: 5_001, sorted: true },
    { heavy: [false, false, false, true], n: 5_002, sorted: false },
    { heavy: [false, true, true, false], n: 5_000, sorted: true },
    { heavy: [false, false, false, false], n: 37, sorted: false }
  ])('gives each resample its values alone, weights above 15 in $heavy, $n examples, in score order $sorted', ({ heavy, n, sorted }) => {
    const m = models(n, sorted)
    expect(m.layout.pairable).toBe(true)
    const runner = new FusedRunner(m.layout)
    expect(runner.plainPacked).toBe(true)
    const stride = 2 * m.metrics.length
    const alone = new Float64Array(4 * stride)
    const w = new Uint8Array(n)
    for (let r = 0; r < 4; r++) {
      runner.run(w, new Drawn(r + 1, heavy[r]!), true, alone, r * stride)
      if (heavy[r]) expect(Math.max(...w)).toBeGreaterThan(15)
    }
    const four = new Float64Array(4 * stride)
    const weights = [0, 1, 2, 3].map(() => new Uint8Array(n))
    const random = [0, 1, 2, 3].map(r => new Drawn(r + 1, heavy[r]!))
    runner.runQuad(
      weights,
      [new Uint8Array(n), new Uint8Array(n)],
      new Uint16Array(n),
      random,
      four,
      [0, 1, 2, 3].map(r => r * stride)
    )
    expect(Array.from(four)).toEqual(Array.from(alone))
    // The baseline's AUC (metric 2, side 1) differs between the resamples: a pass that mixed them up would show.
    expect(new Set([0, 1, 2, 3].map(r => alone[r * stride + 5])).size).toBe(4)
  })

  it.each([
    { resamples: 42, n: 70_001 },
    { resamples: 43, n: 70_001 },
    { resamples: 43, n: 61 }
  ])(
    'gives the values of one resample per pass with $resamples resamples (passes of four, then two and one), $n examples, on 1 and 2 threads',
    ({ resamples, n }) => {
      const m = models(n, true)
      const run = (threads: number, pairs: boolean) =>
        pairedBootstrap(
          m.metrics,
          m.n,
          { count: m.n, unitOf: null, kind: 'examples' },
          { resamples, seed: 8, interval: 'percentile' },
          { threads, worker, pairs }
        )
      const single = run(1, false)
      expect(new Set(single[2]!.absolute).size).toBeGreaterThan(resamples / 2)
      expect(run(1, true)).toEqual(single)
      expect(run(2, true)).toEqual(single)
    }
  )
})
