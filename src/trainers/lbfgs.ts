/**
 * The L-BFGS core: full-batch minimization of a smooth objective (softmax cross-entropy, which covers
 * binary logistic regression and multiclass maximum entropy, or Poisson deviance with a log link)
 * plus L2, with a line search for the strong Wolfe conditions (as L-BFGS-B's). A warm start begins at the champion's weights; the
 * curvature pairs are not carried over, because they describe the previous data's objective.
 */
import { splitObjective, type Objective, type SplitOptions } from './objective-threads.js'
import type { ObjectiveData } from './objectives.js'

export type { Objective } from './objective-threads.js'
export { softmaxBlocks } from './objectives.js'

export interface LbfgsOptions {
  memory: number
  maxIterations: number
  /** Converged when the largest gradient component falls to it. */
  tolerance: number
  /**
   * Converged when an iteration lowers the objective by at most this fraction of
   * max(|f before|, |f after|, decreaseFloor): L-BFGS-B's `ftol` test. Default 64 x machine epsilon,
   * where the objective's own rounding dominates; see `referenceStopRule` for the trainers'.
   */
  relativeDecrease?: number
  /** The smallest objective the relative decrease is taken of (default 1, as in L-BFGS-B). */
  decreaseFloor?: number
  /** Called after each iteration; returning false stops (early stopping). */
  onIteration?: (iteration: number, loss: number, params: Float64Array) => boolean
}

export interface LbfgsResult {
  iterations: number
  converged: boolean
  loss: number
  stop: 'gradient' | 'relative-decrease' | 'max-iterations' | 'line-search' | 'callback'
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!
  return s
}

/**
 * The reference library's stop rule for each objective, on this module's scale, so that a trainer stops
 * where the reference does, at its objective, and not iterations later for digits nobody uses:
 * - softmax (logistic regression): L-BFGS-B's default `ftol`, 1e7 x machine epsilon, on the summed
 *   loss; on the mean loss here, the floor of 1 becomes 1/n;
 * - Poisson: 64 x machine epsilon on the mean loss, as the reference's Poisson regression sets it.
 * The gradient test is the trainer's `tolerance` on the largest gradient component.
 */
export function referenceStopRule(objective: 'softmax' | 'poisson', rows: number): Pick<LbfgsOptions, 'relativeDecrease' | 'decreaseFloor'> {
  return objective === 'softmax'
    ? { relativeDecrease: 1e7 * Number.EPSILON, decreaseFloor: 1 / rows }
    : { relativeDecrease: 64 * Number.EPSILON, decreaseFloor: 1 }
}

/** Minimizes `f` from `start` (updated in place). */
export function minimize(f: Objective, start: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = start.length
  const relativeDecrease = options.relativeDecrease ?? 64 * Number.EPSILON
  const decreaseFloor = options.decreaseFloor ?? 1
  let x: Float64Array = start
  let g: Float64Array = new Float64Array(n)
  let fx = f(x, g)
  const s: Float64Array[] = []
  const y: Float64Array[] = []
  const rho: number[] = []
  const alpha = new Float64Array(options.memory)
  const dir = new Float64Array(n)
  let xNew: Float64Array = new Float64Array(n)
  let gNew: Float64Array = new Float64Array(n)
  for (let iter = 1; iter <= options.maxIterations; iter++) {
    let gMax = 0
    for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(g[i]!))
    if (gMax <= options.tolerance) return finish(iter - 1, true, 'gradient')
    // Two-loop recursion: dir = -H g.
    for (let i = 0; i < n; i++) dir[i] = -g[i]!
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(s[k]!, dir)
      for (let i = 0; i < n; i++) dir[i] -= alpha[k]! * y[k]![i]!
    }
    if (s.length > 0) {
      const last = s.length - 1
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!)
      for (let i = 0; i < n; i++) dir[i] *= gamma
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k]! * dot(y[k]!, dir)
      for (let i = 0; i < n; i++) dir[i] += s[k]![i]! * (alpha[k]! - beta)
    }
    let slope = dot(dir, g)
    if (!(slope < 0)) {
      // Not a descent direction (stale curvature): forget it and go down the gradient.
      s.length = y.length = rho.length = 0
      for (let i = 0; i < n; i++) dir[i] = -g[i]!
      slope = dot(dir, g)
    }
    // Without curvature pairs, a first step of unit length, as L-BFGS-B takes: the Wolfe search then
    // finds the scale, where a step capped at 1 along a small gradient would creep.
    const first = s.length === 0 ? 1 / Math.sqrt(-slope) : 1
    const fNew = wolfeStep(f, x, dir, fx, slope, first, xNew, gNew)
    if (fNew === null) {
      // No step lowers the objective. Where the quasi-Newton model promised less decrease than the stop
      // rule asks for (about half the slope times the step, for a quadratic), the objective is at its
      // rounding floor: that is the relative-decrease stop one iteration early, not a failure.
      const promised = -0.5 * slope * first
      if (promised <= relativeDecrease * Math.max(Math.abs(fx), decreaseFloor)) return finish(iter - 1, true, 'relative-decrease')
      return finish(iter - 1, false, 'line-search')
    }
    const sk = new Float64Array(n)
    const yk = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      sk[i] = xNew[i]! - x[i]!
      yk[i] = gNew[i]! - g[i]!
    }
    const sy = dot(sk, yk)
    // Keep only pairs of positive curvature, so the implicit inverse Hessian stays positive definite.
    if (sy > 1e-12 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
      if (s.length === options.memory) {
        s.shift()
        y.shift()
        rho.shift()
      }
      s.push(sk)
      y.push(yk)
      rho.push(1 / sy)
    }
    const decrease = fx - fNew
    const scale = Math.max(Math.abs(fx), Math.abs(fNew), decreaseFloor)
    ;[x, xNew] = [xNew, x]
    ;[g, gNew] = [gNew, g]
    fx = fNew
    if (options.onIteration && !options.onIteration(iter, fx, x)) return finish(iter, false, 'callback')
    if (decrease <= relativeDecrease * scale) return finish(iter, true, 'relative-decrease')
  }
  return finish(options.maxIterations, false, 'max-iterations')

  // The caller's array must end up holding the solution, whichever buffer has it now.
  function finish(iterations: number, converged: boolean, stop: LbfgsResult['stop']): LbfgsResult {
    if (x !== start) start.set(x)
    return { iterations, converged, loss: fx, stop }
  }
}

/** Sufficient decrease and curvature constants of the line search: L-BFGS-B's (its `ftol` and `gtol`). */
const WOLFE_DECREASE = 1e-3
const WOLFE_CURVATURE = 0.9
/** Objective evaluations one line search may spend before it gives up. */
const LINE_SEARCH_EVALUATIONS = 40

/**
 * A step along `dir` from `x` that meets the strong Wolfe conditions: the objective falls by at least
 * WOLFE_DECREASE of what the slope promises, and the slope's magnitude shrinks to at most
 * WOLFE_CURVATURE of its start. Longer steps are tried while the slope stays steep, then the bracket is
 * narrowed by cubic interpolation (Nocedal and Wright's algorithms 3.5 and 3.6). Without the curvature
 * condition, a step cut short by backtracking gives a poor curvature pair, and the next iterations pay.
 * Leaves the accepted point and its gradient in `xNew` and `gNew` and returns its objective, or null
 * when no step lowers the objective.
 */
function wolfeStep(
  f: Objective,
  x: Float64Array,
  dir: Float64Array,
  f0: number,
  slope0: number,
  first: number,
  xNew: Float64Array,
  gNew: Float64Array
): number | null {
  const n = x.length
  const at = (step: number) => {
    for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * dir[i]!
    const value = f(xNew, gNew)
    return { step, value: Number.isFinite(value) ? value : Infinity, slope: Number.isFinite(value) ? dot(gNew, dir) : NaN }
  }
  const sufficient = (p: { step: number; value: number }) => p.value <= f0 + WOLFE_DECREASE * p.step * slope0
  const flat = (p: { slope: number }) => Math.abs(p.slope) <= -WOLFE_CURVATURE * slope0
  let evaluations = 0
  let previous = { step: 0, value: f0, slope: slope0 }
  let current = at(first)
  evaluations++
  let lo: typeof previous
  let hi: typeof previous
  for (;;) {
    if (!sufficient(current) || (previous.step > 0 && current.value >= previous.value)) {
      lo = previous
      hi = current
      break
    }
    if (flat(current)) return current.value
    if (current.slope >= 0) {
      lo = current
      hi = previous
      break
    }
    if (evaluations >= LINE_SEARCH_EVALUATIONS) return current.value
    const next = clamp(cubicMinimum(previous, current), current.step * 1.1, current.step * 4)
    previous = current
    current = at(next)
    evaluations++
  }
  // lo: the best point so far that meets sufficient decrease; the minimum lies between lo and hi.
  while (evaluations < LINE_SEARCH_EVALUATIONS) {
    const width = hi.step - lo.step
    const low = Math.min(lo.step, hi.step) + 0.1 * Math.abs(width)
    const high = Math.max(lo.step, hi.step) - 0.1 * Math.abs(width)
    const guess = Number.isFinite(hi.value) ? cubicMinimum(lo, hi) : NaN
    const trial = at(Number.isFinite(guess) && guess >= low && guess <= high ? guess : lo.step + 0.5 * width)
    evaluations++
    if (!sufficient(trial) || trial.value >= lo.value) hi = trial
    else {
      if (flat(trial)) return trial.value
      if (trial.slope * (hi.step - lo.step) >= 0) hi = lo
      lo = trial
    }
    if (Math.abs(hi.step - lo.step) <= 1e-12 * Math.max(1, lo.step)) break
  }
  if (lo.step === 0) return null
  // Out of evaluations: the best step found still lowers the objective; take it.
  return at(lo.step).value
}

/** The minimizer of the cubic through two points with their values and slopes; NaN when it has none. */
function cubicMinimum(a: { step: number; value: number; slope: number }, b: { step: number; value: number; slope: number }): number {
  const d1 = a.slope + b.slope - (3 * (a.value - b.value)) / (a.step - b.step)
  const radicand = d1 * d1 - a.slope * b.slope
  if (!(radicand >= 0)) return NaN
  const d2 = Math.sign(b.step - a.step) * Math.sqrt(radicand)
  return b.step - ((b.step - a.step) * (b.slope + d2 - d1)) / (b.slope - a.slope + 2 * d2)
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, low), high) : high
}

/**
 * Mean cross-entropy plus (l2 / 2) |W|^2 (biases unpenalized). Parameters: the weight rows (blocks x d,
 * row-major), then one bias per block; `data.y` holds class indices. The binary case is binary logistic
 * regression, with one weight row.
 */
export function softmaxObjective(data: ObjectiveData, classes: number, binary: boolean, l2: number, options?: SplitOptions): Objective {
  return splitObjective(binary ? { kind: 'logistic' } : { kind: 'multinomial', classes }, data, l2, options)
}

/** Mean Poisson negative log-likelihood with a log link (deviance / 2 up to a constant) plus (l2 / 2) |w|^2. */
export function poissonObjective(data: ObjectiveData, l2: number, options?: SplitOptions): Objective {
  return splitObjective({ kind: 'poisson' }, data, l2, options)
}
