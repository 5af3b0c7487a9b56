/**
 * The paired bootstrap: resample examples (or groups) with replacement, jointly for both models,
 * and collect the distribution of the improvement of each metric. A resample is a vector of integer
 * counts, so every metric kernel runs once per resample over data sorted once, never re-sorted.
 */
import type { Goal } from '../spec/types.js'
import { availableParallelism } from 'node:os'
import { fusedLayout, FusedRunner } from './fused-pass.js'
import { isMeanKernel, pairedMeans, shapeOf, type Kernel, type KernelShape } from './kernels.js'
import { AHEAD_WORKER, weightsAhead, weightsInTurn, Random, startThread } from './random.js'
import { PlanRunner, planControl, sharedPlan, type PlanControl, type ResamplePlan } from './resample-plan.js'
import { type BootstrapSettings, type IntervalMethod } from './bootstrap-settings.js'
import { bootstrapThreadsSetting } from '../thread-knobs.js'

export { DEFAULT_BOOTSTRAP, type BootstrapSettings, type IntervalMethod } from './bootstrap-settings.js'

/** What is resampled: examples, or groups of examples (all rows of a user or session together). */
export interface ResampleUnits {
  count: number
  /** The unit of each example; null when every example is its own unit. */
  unitOf: Int32Array | null
  kind: 'examples' | 'groups'
}

/** Below this many units a bootstrap says little about the improvement: confidence rules fail closed. */
export const MIN_UNITS = 30
/** More than this share of resamples where a metric is undefined for either model fails closed. */
export const MAX_DEGENERATE_SHARE = 0.01
/** Delete-a-block jackknife blocks for BCa's acceleration (one unit per block when there are fewer units). */
const JACKKNIFE_BLOCKS = 100

/** A metric of both models; `rows` restricts it to a subset of the examples (a slice). */
export interface PairedMetric {
  candidate: Kernel
  baseline: Kernel
  goal: Goal
  rows?: Uint32Array
}

export interface Improvement {
  candidate: number
  baseline: number
  absolute: number
  /** Improvement / |baseline|; NaN when the baseline is 0. */
  relative: number
}

export interface ImprovementDistribution {
  point: Improvement
  /** Sorted improvements of the resamples where both values are defined. */
  absolute: Float64Array
  relative: Float64Array
  /** Resamples where either model's value was undefined (relative: or the baseline was 0). */
  degenerate: number
  degenerateRelative: number
  resamples: number
  units: number
  unitKind: ResampleUnits['kind']
  /** BCa's acceleration from a jackknife; NaN when a jackknife value is undefined. */
  acceleration: { absolute: number; relative: number }
}

function improvementOf(goal: Goal, candidate: number, baseline: number): Improvement {
  const absolute = goal === 'maximize' ? candidate - baseline : baseline - candidate
  return { candidate, baseline, absolute, relative: baseline === 0 ? Number.NaN : absolute / Math.abs(baseline) }
}

function exampleWeights(units: ResampleUnits, counts: Uint8Array, out: Uint8Array): Uint8Array {
  if (units.unitOf === null) return counts
  const unitOf = units.unitOf
  for (let i = 0; i < out.length; i++) out[i] = counts[unitOf[i]!]!
  return out
}

function gather(weights: Uint8Array, rows: Uint32Array, out: Uint8Array): Uint8Array {
  for (let i = 0; i < rows.length; i++) out[i] = weights[rows[i]!]!
  return out
}

/** Both models' values of one metric under a weight vector, written to `out` as [candidate, baseline]. */
type PairEvaluator = (weights: Uint8Array, out: Float64Array) => void

function pairEvaluator(m: PairedMetric): PairEvaluator {
  const { candidate, baseline } = m
  if (isMeanKernel(candidate) && isMeanKernel(baseline)) return (w, out) => pairedMeans(w, candidate.values, baseline.values, out)
  return (w, out) => {
    out[0] = m.candidate(w)
    out[1] = m.baseline(w)
  }
}

/** Evaluates every metric under one weight vector, each on its rows. */
function evaluateAll(metrics: PairedMetric[], evaluators: PairEvaluator[], weights: Uint8Array, scratch: Map<Uint32Array, Uint8Array>): Improvement[] {
  const pair = new Float64Array(2)
  return metrics.map((m, k) => {
    const w = m.rows ? gather(weights, m.rows, scratch.get(m.rows)!) : weights
    evaluators[k]!(w, pair)
    return improvementOf(m.goal, pair[0]!, pair[1]!)
  })
}

function skewAcceleration(values: number[]): number {
  if (values.some(v => !Number.isFinite(v))) return Number.NaN
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  let squares = 0
  let cubes = 0
  for (const v of values) {
    const d = mean - v
    squares += d * d
    cubes += d * d * d
  }
  return squares > 0 ? cubes / (6 * squares ** 1.5) : 0
}

/**
 * BCa's acceleration, from a delete-a-block jackknife over units shuffled into blocks: the third
 * cumulant is additive, so blocks of units estimate the same skewness as single units at a fraction
 * of the cost on large data.
 */
function jackknifeAcceleration(
  metrics: PairedMetric[],
  evaluators: PairEvaluator[],
  n: number,
  units: ResampleUnits,
  random: Random,
  scratch: Map<Uint32Array, Uint8Array>
) {
  const blocks = Math.min(units.count, JACKKNIFE_BLOCKS)
  const blockOf = new Int32Array(units.count)
  const shuffled = Int32Array.from({ length: units.count }, (_, i) => i)
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.below(i + 1)
    const t = shuffled[i]!
    shuffled[i] = shuffled[j]!
    shuffled[j] = t
  }
  shuffled.forEach((unit, position) => (blockOf[unit] = position % blocks))
  const unitWeights = new Uint8Array(units.count)
  const weights = new Uint8Array(n)
  const absolute: number[][] = metrics.map(() => [])
  const relative: number[][] = metrics.map(() => [])
  for (let b = 0; b < blocks; b++) {
    for (let u = 0; u < units.count; u++) unitWeights[u] = blockOf[u] === b ? 0 : 1
    const values = evaluateAll(metrics, evaluators, exampleWeights(units, unitWeights, weights), scratch)
    values.forEach((v, k) => {
      absolute[k]!.push(v.absolute)
      relative[k]!.push(v.relative)
    })
  }
  return metrics.map((_, k) => ({ absolute: skewAcceleration(absolute[k]!), relative: skewAcceleration(relative[k]!) }))
}

/** From this many examples up, a second thread's start costs less than the resamples it takes on. */
const THREAD_EXAMPLES = 65536
/** Longer than any one resample takes: a thread that has not finished one by then has failed. */
const RESAMPLE_WAIT_MS = 120_000
/** The jackknife's stream of the seed; the resamples use streams 1 .. resamples (see drawWeights). */
const JACKKNIFE_STREAM = 0

/**
 * Threads the bootstrap runs on: RETRAIN_BOOTSTRAP_THREADS, or one per processor up to 4. The
 * results are the same for any number (each resample is drawn from the stream of its index).
 */
export function bootstrapThreads(raw = process.env.RETRAIN_BOOTSTRAP_THREADS): number {
  return bootstrapThreadsSetting(raw) ?? Math.max(1, Math.min(availableParallelism(), 4))
}

/** How the resamples run: on how many threads, and which file the other threads start from. */
export interface BootstrapRunOptions {
  threads?: number
  worker?: URL
  /** Two resamples per fused pass where the metrics allow (default); the results are the same either way. */
  pairs?: boolean
}

/** Every metric as arrays a thread can evaluate, or null when a kernel is not one of those. */
function planOf(metrics: PairedMetric[], n: number, units: ResampleUnits, settings: BootstrapSettings, pairs: boolean): ResamplePlan | null {
  const planned = []
  for (const m of metrics) {
    const candidate: KernelShape | null = shapeOf(m.candidate)
    const baseline: KernelShape | null = shapeOf(m.baseline)
    if (!candidate || !baseline) return null
    planned.push({ candidate, baseline, rows: m.rows ?? null })
  }
  return {
    n,
    units: units.count,
    unitOf: units.unitOf,
    metrics: planned,
    seed: settings.seed,
    resamples: settings.resamples,
    fused: fusedLayout(n, planned),
    pairs
  }
}

/**
 * Runs a plan's resamples on this thread and `threads - 1` others, which claim resample indexes
 * from a shared counter as they go. A thread that cannot start takes nothing; one that fails or
 * stops answering leaves its unfinished resamples to this thread, which runs them itself.
 */
function runPlan(plan: ResamplePlan, threads: number, worker: URL): PlanControl {
  const control = planControl(plan.resamples, plan.metrics.length)
  const helpers = []
  if (threads > 1) {
    const sharedData = sharedPlan(plan)
    for (let t = 1; t < threads; t++) {
      const thread = startThread(worker, { job: 'plan', plan: sharedData, control })
      if (thread) helpers.push(thread)
    }
  }
  const runner = new PlanRunner(plan)
  try {
    runner.runAll(control)
    for (let b = 0; b < plan.resamples; b++) {
      if (Atomics.load(control.done, b) === 1) continue
      // Claimed by another thread: wait for it, unless one failed, then run it here (the values are the same).
      if (Atomics.load(control.counter, 1) === 0 && Atomics.wait(control.done, b, 0, RESAMPLE_WAIT_MS) !== 'timed-out') continue
      if (Atomics.load(control.done, b) !== 1) runner.run(b, control)
    }
  } finally {
    for (const thread of helpers) void thread.terminate()
  }
  return control
}

/**
 * Runs the paired bootstrap for every metric at once: each resample's counts are drawn once and
 * shared by all metrics and both models, so the comparison is paired. Resample b's counts come from
 * the stream b + 1 of the seed, so the results are identical on any number of threads. Where every
 * kernel is plain arrays (weighted means, ROC AUC), the resamples are spread over the threads;
 * otherwise this thread evaluates them while another draws the counts ahead.
 */
export function pairedBootstrap(
  metrics: PairedMetric[],
  n: number,
  units: ResampleUnits,
  settings: BootstrapSettings,
  options: BootstrapRunOptions = {}
): ImprovementDistribution[] {
  const scratch = new Map<Uint32Array, Uint8Array>()
  for (const m of metrics) if (m.rows && !scratch.has(m.rows)) scratch.set(m.rows, new Uint8Array(m.rows.length))
  const ones = new Uint8Array(n).fill(1)
  const evaluators = metrics.map(pairEvaluator)
  const points = evaluateAll(metrics, evaluators, ones, scratch)
  const absolute = metrics.map(() => new Float64Array(settings.resamples))
  const relative = metrics.map(() => new Float64Array(settings.resamples))
  const threads = n >= THREAD_EXAMPLES && settings.resamples > 1 ? (options.threads ?? bootstrapThreads()) : 1
  const worker = options.worker ?? AHEAD_WORKER
  const plan = planOf(metrics, n, units, settings, options.pairs ?? true)
  if (plan) {
    const { values } = runPlan(plan, threads, worker)
    for (let b = 0; b < settings.resamples; b++) {
      for (let k = 0; k < metrics.length; k++) {
        const at = (b * metrics.length + k) * 2
        const v = improvementOf(metrics[k]!.goal, values[at]!, values[at + 1]!)
        absolute[k]![b] = v.absolute
        relative[k]![b] = v.relative
      }
    }
  } else {
    const weights = new Uint8Array(n)
    const counts =
      threads > 1 ? weightsAhead(settings.seed, units.count, settings.resamples, worker) : weightsInTurn(settings.seed, units.count, settings.resamples)
    // The metrics a plan would fuse are evaluated by the same pass here, so their values do not
    // depend on the other metrics asked for.
    const layout = fusedLayout(
      n,
      metrics.map(m => {
        const candidate = shapeOf(m.candidate)
        const baseline = shapeOf(m.baseline)
        return candidate && baseline && !m.rows ? { candidate, baseline, rows: null } : null
      })
    )
    const fused = layout && new FusedRunner(layout)
    const fusedValues = new Float64Array(2 * metrics.length)
    const noDraws = new Random(0)
    let b = 0
    for (const drawn of counts) {
      const w = exampleWeights(units, drawn, weights)
      fused?.run(w, noDraws, false, fusedValues, 0)
      const values = metrics.map((m, k) => {
        if (layout?.sources[2 * k]) return improvementOf(m.goal, fusedValues[2 * k]!, fusedValues[2 * k + 1]!)
        return evaluateAll([m], [evaluators[k]!], w, scratch)[0]!
      })
      for (let k = 0; k < metrics.length; k++) {
        absolute[k]![b] = values[k]!.absolute
        relative[k]![b] = values[k]!.relative
      }
      b++
    }
  }
  const acceleration =
    settings.interval === 'bca'
      ? jackknifeAcceleration(metrics, evaluators, n, units, new Random(settings.seed, JACKKNIFE_STREAM), scratch)
      : metrics.map(() => ({ absolute: Number.NaN, relative: Number.NaN }))
  return metrics.map((_, k) => {
    const finiteSorted = (values: Float64Array) => values.filter(v => Number.isFinite(v)).sort()
    const abs = finiteSorted(absolute[k]!)
    const rel = finiteSorted(relative[k]!)
    return {
      point: points[k]!,
      absolute: abs,
      relative: rel,
      degenerate: settings.resamples - abs.length,
      degenerateRelative: settings.resamples - rel.length,
      resamples: settings.resamples,
      units: units.count,
      unitKind: units.kind,
      acceleration: acceleration[k]!
    }
  })
}

/**
 * The standard normal CDF to about 1e-15: erf's Taylor series near zero, erfc's continued fraction
 * (evaluated by Lentz's method) in the tails. Both loops stop at convergence or a fixed bound.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN
  const z = Math.abs(x) / Math.SQRT2
  let erfc: number
  if (z < 3) {
    let term = z
    let sum = z
    for (let k = 1; k < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
      term *= (-z * z) / k
      sum += term / (2 * k + 1)
    }
    erfc = 1 - (2 / Math.sqrt(Math.PI)) * sum
  } else {
    // erfc(z) = exp(-z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))).
    const tiny = 1e-300
    let f = z
    let c = z
    let d = 0
    for (let k = 1; k < 500; k++) {
      const a = k / 2
      d = z + a * d
      d = Math.abs(d) < tiny ? tiny : d
      c = z + a / c
      c = Math.abs(c) < tiny ? tiny : c
      d = 1 / d
      const delta = c * d
      f *= delta
      if (Math.abs(delta - 1) < 1e-16) break
    }
    erfc = Math.exp(-z * z) / (Math.sqrt(Math.PI) * f)
  }
  return x >= 0 ? 1 - erfc / 2 : erfc / 2
}

/** The standard normal quantile: Acklam's rational approximation, refined by one Halley step on the CDF. */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY
  if (p >= 1) return Number.POSITIVE_INFINITY
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  let x: number
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p))
    const t = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    x = p < low ? t : -t
  } else {
    const q = p - 0.5
    const r = q * q
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  }
  const e = normalCdf(x) - p
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2)
  return x - u / (1 + (x * u) / 2)
}

/**
 * The order statistic at level `level` (the ⌊level·(B+1)⌋-th smallest), clamped to the sample. A
 * level within 1e-9 of a boundary counts as on it: it differs only by the rounding of the CDF.
 */
function quantile(sorted: Float64Array, level: number): number {
  const k = Math.floor(level * (sorted.length + 1) + 1e-9)
  return sorted[Math.min(Math.max(k, 1), sorted.length) - 1]!
}

/**
 * The bound at `level` (0.05 gives the one-sided 95% lower bound, 0.95 the upper one): the
 * percentile, or BCa's adjusted percentile (bias correction from the share of resamples below the
 * estimate, acceleration from the jackknife). BCa falls back to the percentile when its acceleration
 * is undefined; `method` says which was used.
 */
export function boundAt(
  sorted: Float64Array,
  point: number,
  level: number,
  method: IntervalMethod,
  acceleration: number
): { value: number; method: IntervalMethod } {
  if (method === 'percentile' || !Number.isFinite(acceleration)) return { value: quantile(sorted, level), method: 'percentile' }
  let below = 0
  let equal = 0
  for (const v of sorted) {
    if (v < point) below++
    else if (v === point) equal++
  }
  // Kept inside (0, 1) so a distribution wholly on one side of the estimate gives a finite correction.
  const share = Math.min(Math.max((below + equal / 2) / sorted.length, 0.5 / sorted.length), 1 - 0.5 / sorted.length)
  const z0 = normalQuantile(share)
  const z = normalQuantile(level)
  const adjusted = normalCdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)))
  return { value: quantile(sorted, adjusted), method: 'bca' }
}
