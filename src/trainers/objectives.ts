/**
 * The L-BFGS trainers' objectives (softmax cross-entropy, which covers binary logistic regression and
 * multiclass maximum entropy, and Poisson deviance with a log link), as sums over a range of rows: the
 * objective of the whole data is the sum of its ranges' (objective-threads.ts splits the rows in two
 * and sums the halves in a fixed order, whichever thread computed each), divided by the rows, plus L2.
 * Imported by the objectives' thread too (objective-worker.ts), so it imports nothing but the kernels.
 */
import { accumulateRows, LogSum, scoreRows } from './kernels.js'

/** The rows an objective reads: `x` row-major (`n` x `d`), `y` the label or count of each row. */
export interface ObjectiveData {
  x: Float64Array
  y: Float64Array
  n: number
  d: number
}

/** Which objective: what its thread needs to build the same one. */
export type ObjectiveKind = { kind: 'logistic' } | { kind: 'multinomial'; classes: number } | { kind: 'poisson' }

/**
 * Sums over the rows `from ..< to`: writes the sum of the rows' gradients (weights, then biases) into
 * `sums` and returns the sum of their losses, neither divided by the rows nor penalized.
 */
export type RangeObjective = (p: Float64Array, from: number, to: number, sums: Float64Array) => number

/**
 * Weight rows of a softmax over `classes`. The binary task keeps class 0's logit at 0 (one row), which
 * is exactly binary logistic regression; the multiclass task has a row per class.
 */
export function softmaxBlocks(classes: number, binary: boolean): number {
  return binary ? 1 : classes
}

/** Weight rows of `kind`'s parameters: each is `d` weights, and one bias per row follows them all. */
export function weightRows(kind: ObjectiveKind): number {
  return kind.kind === 'multinomial' ? kind.classes : 1
}

/**
 * Rows per block of the objectives' passes: the block's rows of X (BLOCK_ROWS x d doubles, 80 KiB at
 * 20 features) stay in the core's cache from the pass that scores them to the pass that accumulates
 * the gradient, so each evaluation reads X from memory once instead of twice. A multiple of the
 * kernels' eight rows and of LOG_CHUNK, so every sum's order and result are those of whole passes
 * over the range; ranges start at multiples of it.
 */
export const BLOCK_ROWS = 512
/** Factors of at most 2 per logarithm in the logistic loss: 2^64 stays far from overflow. Divides BLOCK_ROWS. */
const LOG_CHUNK = 64

/** `kind`'s objective over ranges of `data`'s rows, with scratch space of its own (one per thread). */
export function rangeObjective(kind: ObjectiveKind, data: ObjectiveData): RangeObjective {
  return kind.kind === 'logistic' ? logisticRange(data) : kind.kind === 'multinomial' ? multinomialRange(data, kind.classes) : poissonRange(data)
}

/**
 * The binary case on its own: one exp per row and one log per many rows instead of a loop over two
 * logits. Block by block, in three passes over the block (scores, residuals in their place, then the
 * gradient as X' r): the passes over X take rows eight at a time (see `scoreRows` and
 * `accumulateRows`) and the exps get a loop of their own, which measured faster than one fused pass
 * over each row (on an idle machine, by about a fifth).
 */
function logisticRange(data: ObjectiveData): RangeObjective {
  const { x, y, d } = data
  const r = new Float64Array(BLOCK_ROWS)
  return (p, from, to, sums) => {
    const bias = p[d]!
    let total = 0
    let logTotal = 0
    let gradBias = 0
    sums.fill(0)
    for (let start = from; start < to; start += BLOCK_ROWS) {
      const end = Math.min(to, start + BLOCK_ROWS)
      // The block's scores, then residuals, at r[0 ..< end - start].
      scoreRows(p, bias, x, start, end, d, r)
      // log(1 + e^-|z|) summed as one log of the product of LOG_CHUNK factors, each in (1, 2], kept in
      // a local rather than an object's field, whose store and reload every row chained the rows.
      for (let chunk = 0; chunk < end - start; chunk += LOG_CHUNK) {
        const chunkEnd = Math.min(end - start, chunk + LOG_CHUNK)
        let product = 1
        for (let k = chunk; k < chunkEnd; k++) {
          const z = r[k]!
          // log(1 + e^z) - y z = max(z, 0) + log(1 + e^-|z|) - y z, and its derivative sigmoid(z) - y
          // = (z < 0 ? e^-|z| : 1) / (1 + e^-|z|) - y, without overflow for large |z|. Both choices in
          // arithmetic rather than branches, which the signs of the scores would mispredict half the time.
          const abs = Math.abs(z)
          const e = Math.exp(-abs)
          const label = y[start + k]!
          total += 0.5 * (z + abs) - label * z
          const onePlus = 1 + e
          product *= onePlus
          const negative = +(z < 0)
          const residual = (negative * e + (1 - negative)) / onePlus - label
          r[k] = residual
          gradBias += residual
        }
        logTotal += Math.log(product)
      }
      accumulateRows(r, x, start, end, d, sums)
    }
    sums[d] = gradBias
    return total + logTotal
  }
}

/** Like the binary case, with a block of scores, then residuals, per class. */
function multinomialRange(data: ObjectiveData, classes: number): RangeObjective {
  const { x, y, d } = data
  const r = Array.from({ length: classes }, () => new Float64Array(BLOCK_ROWS))
  const logs = new LogSum(classes)
  return (p, from, to, sums) => {
    sums.fill(0)
    let total = 0
    logs.reset()
    const w = Array.from({ length: classes }, (_, c) => p.subarray(c * d, (c + 1) * d))
    const g = Array.from({ length: classes }, (_, c) => sums.subarray(c * d, (c + 1) * d))
    for (let start = from; start < to; start += BLOCK_ROWS) {
      const end = Math.min(to, start + BLOCK_ROWS)
      for (let c = 0; c < classes; c++) scoreRows(w[c]!, p[classes * d + c]!, x, start, end, d, r[c]!)
      for (let k = 0; k < end - start; k++) {
        let max = -Infinity
        for (let c = 0; c < classes; c++) max = Math.max(max, r[c]![k]!)
        const label = y[start + k]!
        // -log softmax(z)[label] = log(sum exp(z - max)) + max - z[label]
        total += max - r[label]![k]!
        let sum = 0
        for (let c = 0; c < classes; c++) {
          const e = Math.exp(r[c]![k]! - max)
          r[c]![k] = e
          sum += e
        }
        logs.add(sum)
        for (let c = 0; c < classes; c++) {
          const residual = r[c]![k]! / sum - (label === c ? 1 : 0)
          r[c]![k] = residual
          sums[classes * d + c] += residual
        }
      }
      for (let c = 0; c < classes; c++) accumulateRows(r[c]!, x, start, end, d, g[c]!)
    }
    return total + logs.value()
  }
}

/** Poisson negative log-likelihood with a log link (deviance / 2 up to a constant). */
function poissonRange(data: ObjectiveData): RangeObjective {
  const { x, y, d } = data
  const r = new Float64Array(BLOCK_ROWS)
  return (p, from, to, sums) => {
    const bias = p[d]!
    let total = 0
    let gradBias = 0
    sums.fill(0)
    for (let start = from; start < to; start += BLOCK_ROWS) {
      const end = Math.min(to, start + BLOCK_ROWS)
      scoreRows(p, bias, x, start, end, d, r)
      for (let k = 0; k < end - start; k++) {
        const z = r[k]!
        const mu = Math.exp(z)
        const count = y[start + k]!
        total += mu - count * z
        r[k] = mu - count
        gradBias += r[k]!
      }
      accumulateRows(r, x, start, end, d, sums)
    }
    sums[d] = gradBias
    return total
  }
}
