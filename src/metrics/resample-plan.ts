/**
 * The bootstrap's resamples as data that any thread can run: the metrics whose kernels are plain
 * arrays (weighted means, ROC AUC over a sorted order), the units, the seed. A thread claims
 * resample indexes from a shared counter, draws each resample's counts from the stream of its index
 * (Random.reseed), evaluates every metric of both models and writes the values to shared memory,
 * so the results are bit-identical whatever the number of threads and whichever thread ran what.
 *
 * Imported by the bootstrap (src/metrics/bootstrap.ts) and by its thread (bootstrap-worker.ts); it
 * imports nothing of the project but the generator and the kernels' passes.
 */
import { FusedRunner, type FusedLayout } from './fused-pass.js'
import { aucPass, pairedMeans, type KernelShape } from './kernels.js'
import { drawWeights, Random } from './random.js'

/** Both models' kernels of one metric as arrays; `rows` restricts it to a slice of the examples. */
export interface PlanMetric {
  candidate: KernelShape
  baseline: KernelShape
  rows: Uint32Array | null
}

export interface ResamplePlan {
  n: number
  /** Units resampled (examples, or groups) and each example's unit (null: every example is one). */
  units: number
  unitOf: Int32Array | null
  metrics: PlanMetric[]
  seed: number
  resamples: number
  /** The metrics over all examples, evaluated in one pass per resample (fused-pass.ts); null: none. */
  fused: FusedLayout | null
  /**
   * Whether a thread runs two resamples per pass where the layout allows (fused-pair.ts). The
   * values are the same either way; false keeps one resample per pass (tests compare the two).
   */
  pairs: boolean
}

/** What threads share while they run a plan; every array is backed by a SharedArrayBuffer. */
export interface PlanControl {
  /** [0]: the next resample index to claim; [1]: threads that failed. */
  counter: Int32Array
  /** One flag per resample: 1 once its values are written. */
  done: Int32Array
  /** Resample b, metric k: [candidate, baseline] at (b * metrics + k) * 2. */
  values: Float64Array
}

/** Runs resamples of `plan` for one thread: claims indexes from `control` until none are left. */
export class PlanRunner {
  private readonly random = new Random(0)
  private readonly counts: Uint8Array
  private readonly weights: Uint8Array
  private readonly scratch: Uint8Array[]
  private readonly pair = new Float64Array(2)
  private readonly sums = new Float64Array(3)
  private readonly fused: FusedRunner | null
  /** Two resamples per pass: the second one's weights (null: one resample per pass) and generator. */
  private readonly pairWeights: Uint8Array | null
  private readonly nibbles: Uint8Array
  private readonly second = new Random(0)
  /** Four resamples per pass (with pairWeights): the last two's weights, nibbles and generators, and the 16-bit words of all four. */
  private readonly quad: { weights: Uint8Array[]; nibbles: Uint8Array[]; words: Uint16Array; random: Random[] } | null

  constructor(private readonly plan: ResamplePlan) {
    this.pairWeights = plan.pairs && plan.fused?.pairable && !plan.unitOf ? new Uint8Array(plan.n) : null
    this.nibbles = new Uint8Array(this.pairWeights ? plan.n : 0)
    this.counts = new Uint8Array(plan.units)
    this.weights = plan.unitOf ? new Uint8Array(plan.n) : this.counts
    this.scratch = plan.metrics.map(m => (m.rows ? new Uint8Array(m.rows.length) : this.weights))
    this.fused = plan.fused ? new FusedRunner(plan.fused) : null
    this.quad =
      this.pairWeights && this.fused!.plainPacked
        ? {
            weights: [this.weights, this.pairWeights, new Uint8Array(plan.n), new Uint8Array(plan.n)],
            nibbles: [this.nibbles, new Uint8Array(plan.n)],
            words: new Uint16Array(plan.n),
            random: [this.random, this.second, new Random(0), new Random(0)]
          }
        : null
  }

  /** Evaluates resample b into `control.values` and marks it done. */
  run(b: number, control: PlanControl): void {
    const { plan, counts, weights, fused } = this
    const k0 = b * plan.metrics.length * 2
    if (fused && !plan.unitOf) {
      // Drawn block by block inside the pass: the same weights as drawWeights gives.
      this.random.reseed(plan.seed, b + 1)
      fused.run(weights, this.random, true, control.values, k0)
    } else {
      drawWeights(this.random, plan.seed, b, counts)
      if (plan.unitOf) {
        const unitOf = plan.unitOf
        for (let i = 0; i < weights.length; i++) weights[i] = counts[unitOf[i]!]!
      }
      fused?.run(weights, this.random, false, control.values, k0)
    }
    for (let k = 0; k < plan.metrics.length; k++) {
      if (plan.fused?.sources[2 * k]) continue
      const m = plan.metrics[k]!
      let w = weights
      if (m.rows) {
        w = this.scratch[k]!
        const rows = m.rows
        for (let i = 0; i < rows.length; i++) w[i] = weights[rows[i]!]!
      }
      this.evaluatePair(m, w)
      control.values[k0 + 2 * k] = this.pair[0]!
      control.values[k0 + 2 * k + 1] = this.pair[1]!
    }
    Atomics.store(control.done, b, 1)
    Atomics.notify(control.done, b)
  }

  /** Evaluates resamples b and b + 1 in one pass (pairWeights set) into `control.values` and marks them done. */
  private runPair(b: number, control: PlanControl): void {
    const { plan } = this
    const at = b * plan.metrics.length * 2
    this.random.reseed(plan.seed, b + 1)
    this.second.reseed(plan.seed, b + 2)
    this.fused!.runPair(this.weights, this.pairWeights!, this.nibbles, this.random, this.second, control.values, at, at + plan.metrics.length * 2)
    for (const index of [b, b + 1]) {
      Atomics.store(control.done, index, 1)
      Atomics.notify(control.done, index)
    }
  }

  /** Evaluates resamples b .. b + 3 in one pass of four (quad set) into `control.values` and marks them done. */
  private runQuad(b: number, control: PlanControl): void {
    const { plan } = this
    const quad = this.quad!
    const stride = plan.metrics.length * 2
    for (let r = 0; r < 4; r++) quad.random[r]!.reseed(plan.seed, b + r + 1)
    this.fused!.runQuad(
      quad.weights,
      quad.nibbles,
      quad.words,
      quad.random,
      control.values,
      [0, 1, 2, 3].map(r => (b + r) * stride)
    )
    for (let index = b; index < b + 4; index++) {
      Atomics.store(control.done, index, 1)
      Atomics.notify(control.done, index)
    }
  }

  /**
   * Claims and runs resamples until every index is claimed (four at a time where a pass of four
   * gains, two where they run in pairs; at the end pairs and one alone); returns how many this thread ran.
   */
  runAll(control: PlanControl): number {
    const step = this.quad ? 4 : this.pairWeights ? 2 : 1
    let ran = 0
    for (;;) {
      const b = Atomics.add(control.counter, 0, step)
      if (b >= this.plan.resamples) return ran
      const claimed = Math.min(step, this.plan.resamples - b)
      if (claimed === 4) this.runQuad(b, control)
      else {
        let at = b
        for (; at + 1 < b + claimed; at += 2) this.runPair(at, control)
        if (at < b + claimed) this.run(at, control)
      }
      ran += claimed
    }
  }

  private evaluatePair(m: PlanMetric, w: Uint8Array): void {
    const { candidate, baseline } = m
    if (candidate.kind === 'mean' && baseline.kind === 'mean') {
      pairedMeans(w, candidate.values, baseline.values, this.pair)
      return
    }
    this.pair[0] = evaluateShape(candidate, w, this.sums)
    this.pair[1] = evaluateShape(baseline, w, this.sums)
  }
}

/** One kernel's value under weights `w`, from its shape. */
export function evaluateShape(shape: KernelShape, w: Uint8Array, sums: Float64Array): number {
  if (shape.kind === 'mean') {
    pairedMeans(w, shape.values, shape.values, sums)
    return sums[0]!
  }
  return aucPass(w, shape, sums)
}

/** A typed array's copy in shared memory, or the array itself when it already is shared. */
export function shared<T extends Float64Array | Float32Array | Uint32Array | Int32Array | Uint8Array>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a
  const Ctor = a.constructor as new (buffer: SharedArrayBuffer) => T
  const out = new Ctor(new SharedArrayBuffer(a.byteLength))
  out.set(a as never)
  return out
}

/** The plan's arrays in shared memory, so that a thread reads them without a copy. */
export function sharedPlan(plan: ResamplePlan): ResamplePlan {
  const shape = (s: KernelShape): KernelShape =>
    s.kind === 'mean' ? { kind: 'mean', values: shared(s.values) } : { ...s, order: s.order && shared(s.order), positive: shared(s.positive) }
  return {
    ...plan,
    unitOf: plan.unitOf && shared(plan.unitOf),
    metrics: plan.metrics.map(m => ({ candidate: shape(m.candidate), baseline: shape(m.baseline), rows: m.rows && shared(m.rows) }))
  }
}

export function planControl(resamples: number, metrics: number): PlanControl {
  return {
    counter: new Int32Array(new SharedArrayBuffer(8)),
    done: new Int32Array(new SharedArrayBuffer(4 * resamples)),
    values: new Float64Array(new SharedArrayBuffer(8 * resamples * metrics * 2))
  }
}
