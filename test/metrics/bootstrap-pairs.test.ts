// Two resamples per fused pass (src/metrics/fused-pair.ts) must give every resample exactly the
// values it gets alone: the same bounds with pairs and without, on one thread and on two, whatever
// the number of examples (whole 32-bit words or not) and resamples (a last one left alone).
import { createHash } from 'node:crypto'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { pairedBootstrap, type PairedMetric } from '../../src/metrics/bootstrap.js'
import { fusedLayout, FusedRunner } from '../../src/metrics/fused-pass.js'
import { accuracyValues, binaryLogLossValues, brierValues, meanKernel, rocAucKernel, shapeOf } from '../../src/metrics/kernels.js'
import { drawWeights, Random } from '../../src/metrics/random.js'
import { REPO } from '../helpers/project.js'

let worker: URL

beforeAll(async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-pairs-'))
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

/**
 * Two models with distinct scores, in the candidate's order or not; `ties` rounds the candidate's
 * scores (or both models') to 2 decimals, so that its AUC sums tie groups.
 */
function models(n: number, sorted: boolean, wide = false, ties: 'none' | 'candidate' | 'both' = 'none') {
  const random = new Random(23)
  const label = new Int32Array(n)
  const a = new Float64Array(n)
  const b = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    label[i] = random.below(10) < 3 ? 1 : 0
    a[i] = (label[i]! * 0.3 + random.below(1e9) / 1.4e9) / 1.3
    b[i] = (label[i]! * 0.25 + random.below(1e9) / 1.4e9) / 1.25
    if (ties !== 'none') a[i] = Math.round(a[i]! * 100) / 100
    if (ties === 'both') b[i] = Math.round(b[i]! * 100) / 100
  }
  if (sorted) {
    const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i]! - a[j]! || label[i]! - label[j]!)
    const [l, x, y] = [label.slice(), a.slice(), b.slice()]
    order.forEach((from, to) => ((label[to] = l[from]!), (a[to] = x[from]!), (b[to] = y[from]!)))
  }
  const positive = Uint8Array.from(label)
  const predicted = (s: Float64Array, cut = 0.5) => Int32Array.from(s, v => (v >= cut ? 1 : 0))
  const metrics: PairedMetric[] = [
    { candidate: meanKernel(accuracyValues(label, predicted(a))), baseline: meanKernel(accuracyValues(label, predicted(b))), goal: 'maximize' },
    { candidate: meanKernel(binaryLogLossValues(label, a)), baseline: meanKernel(binaryLogLossValues(label, b)), goal: 'minimize' },
    { candidate: rocAucKernel(positive, a), baseline: rocAucKernel(positive, b), goal: 'maximize' }
  ]
  if (wide) {
    // Two more 0/1 means (flag bits 2 and 3) and a third distinct double mean (an odd number of them).
    const brier = meanKernel(brierValues(label, a))
    metrics.push(
      { candidate: meanKernel(accuracyValues(label, predicted(a, 0.3))), baseline: meanKernel(accuracyValues(label, predicted(b, 0.3))), goal: 'maximize' },
      { candidate: brier, baseline: brier, goal: 'minimize' }
    )
  }
  return { n, metrics }
}

const run = (m: ReturnType<typeof models>, threads: number, pairs: boolean, resamples: number) =>
  pairedBootstrap(m.metrics, m.n, { count: m.n, unitOf: null, kind: 'examples' }, { resamples, seed: 5, interval: 'bca' }, { threads, worker, pairs })

describe('two resamples per fused pass', () => {
  it.each([
    { n: 70_000, sorted: true, wide: false, ties: 'none' as const, resamples: 40 },
    { n: 70_003, sorted: true, wide: false, ties: 'none' as const, resamples: 41 },
    { n: 70_002, sorted: false, wide: true, ties: 'none' as const, resamples: 41 },
    { n: 70_001, sorted: true, wide: false, ties: 'both' as const, resamples: 41 },
    { n: 70_000, sorted: true, wide: true, ties: 'candidate' as const, resamples: 40 },
    { n: 70_002, sorted: false, wide: false, ties: 'both' as const, resamples: 40 }
  ])(
    'gives the values of one resample per pass: $n examples, in score order $sorted, 4 flag bits $wide, ties $ties, $resamples resamples',
    ({ n, sorted, wide, ties, resamples }) => {
      const m = models(n, sorted, wide, ties)
      // The pass can take pairs here: otherwise this test would compare single passes with themselves.
      const layout = fusedLayout(
        n,
        m.metrics.map(k => ({ candidate: shapeOf(k.candidate)!, baseline: shapeOf(k.baseline)!, rows: null }))
      )
      expect(layout?.pairable).toBe(true)
      if (wide) expect(layout!.bits).toBe(4)
      // Tie groups summed where the candidate's AUC runs through the examples in order.
      expect(layout!.groups !== null).toBe(sorted && ties !== 'none')
      const single = run(m, 1, false, resamples)
      expect(new Set(single[2]!.absolute).size).toBeGreaterThan(resamples / 2)
      expect(run(m, 1, true, resamples)).toEqual(single)
      expect(run(m, 2, true, resamples)).toEqual(single)
      expect(run(m, 2, false, resamples)).toEqual(single)
    }
  )

  it('falls back to a pass per resample for the other model’s AUC when a weight does not fit 4 bits', () => {
    // A generator whose draws put a weight of 16 or more on some examples (Poisson(1) almost never does).
    class Heavy extends Random {
      constructor(private readonly salt: number) {
        super(0)
      }
      override poisson(weights: Uint8Array, start = 0, end = weights.length): void {
        for (let i = start; i < end; i++) weights[i] = (i * 7 + this.salt) % 97 === 0 ? 16 + (i % 3) : (i + this.salt) % 4
      }
    }
    const m = models(5_001, true)
    const layout = fusedLayout(
      m.n,
      m.metrics.map(k => ({ candidate: shapeOf(k.candidate)!, baseline: shapeOf(k.baseline)!, rows: null }))
    )!
    const runner = new FusedRunner(layout)
    const alone = new Float64Array(12)
    const w = new Uint8Array(m.n)
    runner.run(w, new Heavy(1), true, alone, 0)
    runner.run(w, new Heavy(2), true, alone, 6)
    expect(Math.max(...w)).toBeGreaterThan(15)
    const paired = new Float64Array(12)
    runner.runPair(new Uint8Array(m.n), new Uint8Array(m.n), new Uint8Array(m.n), new Heavy(1), new Heavy(2), paired, 0, 6)
    expect(Array.from(paired)).toEqual(Array.from(alone))
    expect(alone[5]).not.toBe(alone[11])
  })
})

describe('the Poisson draws', () => {
  const sha = (w: Uint8Array) => createHash('sha256').update(w).digest('hex').slice(0, 16)

  it('are the weights this generator has always drawn, wherever the array lies in its buffer', () => {
    // Hashes of stream 4 of seed 9 as drawn before resamples were paired: a pass's speed-ups must not change them.
    const known: [number, string][] = [
      [1, '4bf5122f344554c5'],
      [3, '8c976f1fa59e7dba'],
      [4097, '5d92e3e4f5d7e09a'],
      [10_001, '41703f5d713ae859']
    ]
    for (const [n, hash] of known) {
      const aligned = new Uint8Array(n)
      drawWeights(new Random(0), 9, 4, aligned)
      expect(sha(aligned)).toBe(hash)
      // The same at an odd offset in the buffer (a view of 16 or 32 bits could not be made there).
      const odd = new Uint8Array(new ArrayBuffer(n + 1), 1, n)
      drawWeights(new Random(0), 9, 4, odd)
      expect(odd).toEqual(aligned)
    }
  })

  it("with an odd count, put the last draw's high half on the next weight (a block starting there overwrites it)", () => {
    const random = new Random(3)
    const whole = new Uint8Array(10)
    random.poisson(whole, 0, 10)
    const blocks = new Uint8Array(10)
    const again = new Random(3)
    again.poisson(blocks, 0, 5)
    again.poisson(blocks, 6, 10)
    // The draws after the odd block continue the stream: blocks [0, 5) and [6, 10) take 3 and 2 draws.
    expect(blocks.slice(0, 5)).toEqual(whole.slice(0, 5))
    expect(blocks[5]).toBe(whole[5])
    expect(blocks.slice(6)).toEqual(whole.slice(6))
  })
})
