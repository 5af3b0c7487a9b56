/**
 * Metric kernels over integer example weights. A kernel is prepared once per model (sorting, per-
 * example losses) and then evaluated for many weight vectors: all ones for the value itself, a
 * bootstrap resample's counts, or a jackknife's zeros. Weighting by counts is the same as repeating
 * rows, so a weighted value equals scikit-learn's with `sample_weight`. NaN means undefined.
 *
 * Sums of integer weights and of their products are exact in doubles up to 2^53, so ROC AUC (a
 * ratio of such sums) is exact, ties included, whatever the order of summation.
 */

/** A metric's value under example weights (one count per example); NaN when undefined. */
export type Kernel = (weights: Uint8Array) => number

/** scikit-learn 1.2 clips probabilities to [eps, 1 - eps] with eps the float64 machine epsilon. */
const EPS = Number.EPSILON

/** A weighted mean that exposes its per-example values, so two means can be evaluated in one pass. */
export interface MeanKernel extends Kernel {
  readonly values: Float64Array
}

export function isMeanKernel(kernel: Kernel): kernel is MeanKernel {
  return 'values' in kernel
}

/**
 * Σ w·v / Σ w: accuracy, log loss, Brier, MAE are weighted means of per-example values. Four
 * running sums instead of one break the chain of dependent additions, which bounds the speed of
 * a single sum; the result differs from a sequential sum only by rounding.
 */
export function meanKernel(values: Float64Array): MeanKernel & ShapedKernel {
  return Object.assign((w: Uint8Array) => weightedMean(w, values), { values, shape: { kind: 'mean' as const, values } })
}

/*
 * The passes below are top-level functions taking their arrays as arguments, not closures over
 * them: the engine compiles one function for every closure of a kernel, and in that code captured
 * arrays are reloaded on each iteration where arguments stay in registers (twice as fast here).
 */

function weightedMean(w: Uint8Array, v: Float64Array): number {
  const n = v.length
  const tail = n - (n % 4)
  let t0 = 0
  let t1 = 0
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  for (let i = 0; i < tail; i += 4) {
    const a = w[i]!
    const b = w[i + 1]!
    const c = w[i + 2]!
    const d = w[i + 3]!
    t0 += a + b
    t1 += c + d
    s0 += a * v[i]!
    s1 += b * v[i + 1]!
    s2 += c * v[i + 2]!
    s3 += d * v[i + 3]!
  }
  for (let i = tail; i < n; i++) {
    t0 += w[i]!
    s0 += w[i]! * v[i]!
  }
  const total = t0 + t1
  return total > 0 ? (s0 + s1 + (s2 + s3)) / total : Number.NaN
}

/**
 * Two weighted means over the same examples (a metric of both models) in one pass, reading the
 * weights and summing their total once. Each mean's sums are weightedMean's, in the same order, so
 * the values are identical to evaluating the two kernels separately. Writes [first, second] to `out`.
 */
export function pairedMeans(w: Uint8Array, x: Float64Array, y: Float64Array, out: Float64Array): void {
  const n = x.length
  const tail = n - (n % 4)
  let t0 = 0
  let t1 = 0
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let u0 = 0
  let u1 = 0
  let u2 = 0
  let u3 = 0
  for (let i = 0; i < tail; i += 4) {
    const a = w[i]!
    const b = w[i + 1]!
    const c = w[i + 2]!
    const d = w[i + 3]!
    t0 += a + b
    t1 += c + d
    s0 += a * x[i]!
    s1 += b * x[i + 1]!
    s2 += c * x[i + 2]!
    s3 += d * x[i + 3]!
    u0 += a * y[i]!
    u1 += b * y[i + 1]!
    u2 += c * y[i + 2]!
    u3 += d * y[i + 3]!
  }
  for (let i = tail; i < n; i++) {
    t0 += w[i]!
    s0 += w[i]! * x[i]!
    u0 += w[i]! * y[i]!
  }
  const total = t0 + t1
  out[0] = total > 0 ? (s0 + s1 + (s2 + s3)) / total : Number.NaN
  out[1] = total > 0 ? (u0 + u1 + (u2 + u3)) / total : Number.NaN
}

/** 1 where the prediction is right, else 0: accuracy is their weighted mean (exact: sums of integers). */
export function accuracyValues(label: Int32Array, predicted: Int32Array): Float64Array {
  const out = sharedFloat64(label.length)
  for (let i = 0; i < label.length; i++) out[i] = label[i] === predicted[i] ? 1 : 0
  return out
}

/** Binary log loss of the positive class's probability, exactly as scikit-learn 1.2 computes it. */
export function binaryLogLossValues(label: Int32Array, score: Float64Array): Float64Array {
  const out = sharedFloat64(label.length)
  for (let i = 0; i < label.length; i++) {
    const p = Math.min(Math.max(score[i]!, EPS), 1 - EPS)
    const q = 1 - p
    // scikit-learn renormalizes each row after clipping; (1 - p) + p is not always exactly 1.
    const sum = q + p
    out[i] = -Math.log((label[i] === 1 ? p : q) / sum)
  }
  return out
}

export function multiclassLogLossValues(label: Int32Array, probabilities: Float64Array[]): Float64Array {
  const out = sharedFloat64(label.length)
  const clip = (v: number) => Math.min(Math.max(v, EPS), 1 - EPS)
  for (let i = 0; i < label.length; i++) {
    let sum = 0
    for (const column of probabilities) sum += clip(column[i]!)
    out[i] = -Math.log(clip(probabilities[label[i]!]![i]!) / sum)
  }
  return out
}

export function brierValues(label: Int32Array, score: Float64Array): Float64Array {
  const out = sharedFloat64(label.length)
  for (let i = 0; i < label.length; i++) out[i] = (score[i]! - label[i]!) ** 2
  return out
}

/** Whether the examples already are in sortByScore's order (false with a NaN score: the sort places those). */
function isSortedByScore(score: Float64Array, positive: Uint8Array): boolean {
  for (let i = 1; i < score.length; i++) {
    if (!(score[i - 1]! < score[i]! || (score[i - 1] === score[i] && positive[i - 1]! <= positive[i]!))) return false
  }
  return true
}

/**
 * Indexes sorted by score ascending, negatives before positives among equal scores: a stable LSD
 * radix sort on the label, then on the score's bits as an order-preserving unsigned key, 16 bits
 * at a time. Linear time, so a million scores sort in tens of milliseconds.
 */
export function sortByScore(score: Float64Array, positive: Uint8Array): Uint32Array {
  const n = score.length
  // The engine puts the examples in the candidate's score order: the sort would return them as they are.
  if (isSortedByScore(score, positive)) {
    const identity = new Uint32Array(n)
    for (let i = 0; i < n; i++) identity[i] = i
    return identity
  }
  const bits = new Uint32Array(2)
  const asFloat = new Float64Array(bits.buffer)
  // The key's 16-bit digits, least significant first; the high word holds the sign and exponent.
  const digits = [new Uint16Array(n), new Uint16Array(n), new Uint16Array(n), new Uint16Array(n)]
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
  const [loWord, hiWord] = littleEndian ? [0, 1] : [1, 0]
  for (let i = 0; i < n; i++) {
    asFloat[0] = score[i] === 0 ? 0 : score[i]! // -0 and 0 are equal scores
    let hi = bits[hiWord]!
    let lo = bits[loWord]!
    // Negative numbers order backwards as unsigned bits: flip them all; positives: flip the sign.
    if (hi & 0x80000000) {
      hi = ~hi >>> 0
      lo = ~lo >>> 0
    } else {
      hi = (hi | 0x80000000) >>> 0
    }
    digits[0]![i] = lo & 0xffff
    digits[1]![i] = lo >>> 16
    digits[2]![i] = hi & 0xffff
    digits[3]![i] = hi >>> 16
  }
  let order = new Uint32Array(n)
  let next = new Uint32Array(n)
  let at = 0
  for (let i = 0; i < n; i++) if (!positive[i]) order[at++] = i
  for (let i = 0; i < n; i++) if (positive[i]) order[at++] = i
  const counts = new Uint32Array(65537)
  for (const digit of digits) {
    counts.fill(0)
    for (let i = 0; i < n; i++) counts[digit[i]! + 1]!++
    for (let d = 1; d <= 65536; d++) counts[d]! += counts[d - 1]!
    for (let i = 0; i < n; i++) {
      const index = order[i]!
      next[counts[digit[index]!]!++] = index
    }
    ;[order, next] = [next, order]
  }
  return order
}

/**
 * ROC AUC over examples sorted by score, negatives first within a tie. `order` maps sorted
 * positions to examples (null: the examples already are in that order, and the weights are read in
 * sequence); `positive` is 1 or 0 in that order. With few ties, `runs` holds the [start, end) of
 * each tie group holding both classes; with many (fewer than one group in 8 examples, as rounded
 * scores give), `groups` holds the end of every group and the pass sums group by group.
 */
export interface AucShape {
  kind: 'auc'
  order: Uint32Array | null
  positive: Float32Array
  runs: Uint32Array
  groups: Uint32Array | null
}

/** A kernel as plain arrays, which another thread can evaluate (see resample-plan.ts). */
export type KernelShape = { kind: 'mean'; values: Float64Array } | AucShape

/** A typed array in shared memory, so the bootstrap's threads read it without a copy. */
function sharedArray<T>(make: (buffer: SharedArrayBuffer) => T, bytes: number): T {
  return make(new SharedArrayBuffer(bytes))
}
const sharedFloat64 = (n: number) => sharedArray(b => new Float64Array(b), 8 * n)

/** The [start, end) of the tie groups holding both classes (mixedOnly), or the end of every group. */
function tieRuns(order: Uint32Array, score: Float64Array, positive: Uint8Array, mixedOnly: boolean): Uint32Array {
  const runs: number[] = []
  let start = 0
  for (let i = 1; i <= order.length; i++) {
    if (i === order.length || score[order[i]!] !== score[order[start]!]) {
      if (!mixedOnly) runs.push(i)
      else if (i - start > 1 && positive[order[start]!] !== positive[order[i - 1]!]) runs.push(start, i)
      start = i
    }
  }
  return Uint32Array.from(runs)
}

/**
 * ROC AUC's pass over examples in score order: writes [correctly ranked pairs, negatives, positives]
 * to `out`, the weights read in sequence (rankSums) or through the sorted order (rankSumsThrough).
 * Each running count depends on the one before, so a single pass waits on every addition: the
 * order is cut in two halves walked side by side, then joined (each positive of the second half
 * also outranks every negative of the first). Sums of integers are exact, so this changes nothing.
 */
function rankSums(w: Uint8Array, sortedPositive: Float32Array, out: Float64Array): void {
  const n = sortedPositive.length
  const half = n >>> 1
  let pairs0 = 0
  let negatives0 = 0
  let positives0 = 0
  let pairs1 = 0
  let negatives1 = 0
  let positives1 = 0
  for (let i = 0; i < half; i++) {
    const x = w[i]!
    const p = x * sortedPositive[i]!
    pairs0 += p * negatives0
    negatives0 += x - p
    positives0 += p
    const y = w[half + i]!
    const q = y * sortedPositive[half + i]!
    pairs1 += q * negatives1
    negatives1 += y - q
    positives1 += q
  }
  for (let i = 2 * half; i < n; i++) {
    const y = w[i]!
    const q = y * sortedPositive[i]!
    pairs1 += q * negatives1
    negatives1 += y - q
    positives1 += q
  }
  out[0] = pairs0 + pairs1 + positives1 * negatives0
  out[1] = negatives0 + negatives1
  out[2] = positives0 + positives1
}

function rankSumsThrough(w: Uint8Array, order: Uint32Array, sortedPositive: Float32Array, out: Float64Array): void {
  const n = order.length
  const half = n >>> 1
  let pairs0 = 0
  let negatives0 = 0
  let positives0 = 0
  let pairs1 = 0
  let negatives1 = 0
  let positives1 = 0
  for (let i = 0; i < half; i++) {
    const x = w[order[i]!]!
    const p = x * sortedPositive[i]!
    pairs0 += p * negatives0
    negatives0 += x - p
    positives0 += p
    const y = w[order[half + i]!]!
    const q = y * sortedPositive[half + i]!
    pairs1 += q * negatives1
    negatives1 += y - q
    positives1 += q
  }
  for (let i = 2 * half; i < n; i++) {
    const y = w[order[i]!]!
    const q = y * sortedPositive[i]!
    pairs1 += q * negatives1
    negatives1 += y - q
    positives1 += q
  }
  out[0] = pairs0 + pairs1 + positives1 * negatives0
  out[1] = negatives0 + negatives1
  out[2] = positives0 + positives1
}

/**
 * ROC AUC group by group, for scores with many ties: each group's positives outrank the negatives
 * of the groups before it and half of their own group's. Linear, with a tight loop per group.
 */
function rankSumsByGroup(w: Uint8Array, order: Uint32Array | null, sortedPositive: Float32Array, groups: Uint32Array, out: Float64Array): void {
  let pairs = 0
  let below = 0
  let positives = 0
  let start = 0
  for (let g = 0; g < groups.length; g++) {
    const end = groups[g]!
    let p0 = 0
    let x0 = 0
    let p1 = 0
    let x1 = 0
    let i = start
    if (order) {
      for (; i + 1 < end; i += 2) {
        const a = w[order[i]!]!
        const b = w[order[i + 1]!]!
        x0 += a
        p0 += a * sortedPositive[i]!
        x1 += b
        p1 += b * sortedPositive[i + 1]!
      }
      if (i < end) {
        const a = w[order[i]!]!
        x0 += a
        p0 += a * sortedPositive[i]!
      }
    } else {
      for (; i + 1 < end; i += 2) {
        const a = w[i]!
        const b = w[i + 1]!
        x0 += a
        p0 += a * sortedPositive[i]!
        x1 += b
        p1 += b * sortedPositive[i + 1]!
      }
      if (i < end) {
        const a = w[i]!
        x0 += a
        p0 += a * sortedPositive[i]!
      }
    }
    const groupPositives = p0 + p1
    const groupNegatives = x0 + x1 - groupPositives
    pairs += groupPositives * (below + 0.5 * groupNegatives)
    below += groupNegatives
    positives += groupPositives
    start = end
  }
  out[0] = pairs
  out[1] = below
  out[2] = positives
}

/** ROC AUC under weights `w` from its shape; `sums` receives [pairs, negatives, positives]. NaN without both classes. */
export function aucPass(w: Uint8Array, shape: AucShape, sums: Float64Array): number {
  const { order, positive: sortedPositive } = shape
  if (shape.groups) rankSumsByGroup(w, order, sortedPositive, shape.groups, sums)
  else if (order) rankSumsThrough(w, order, sortedPositive, sums)
  else rankSums(w, sortedPositive, sums)
  return aucFinish(w, shape, sums)
}

/**
 * ROC AUC from the rank sums [pairs, negatives, positives] of a pass over the shape's order (as
 * aucPass's, or the bootstrap's fused pass): takes back half of each mixed tie group's pairs.
 */
export function aucFinish(w: Uint8Array, shape: AucShape, sums: Float64Array): number {
  const { order, positive: sortedPositive, runs } = shape
  let pairs = sums[0]!
  // Negatives come first within a tie, so each positive counted all its tied negatives: take half back.
  for (let r = 0; r < runs.length; r += 2) {
    let tiedPositives = 0
    let tiedNegatives = 0
    for (let i = runs[r]!; i < runs[r + 1]!; i++) {
      const x = order ? w[order[i]!]! : w[i]!
      tiedPositives += x * sortedPositive[i]!
      tiedNegatives += x * (1 - sortedPositive[i]!)
    }
    pairs -= 0.5 * tiedPositives * tiedNegatives
  }
  sums[0] = pairs
  const negatives = sums[1]!
  const positives = sums[2]!
  return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : Number.NaN
}

/** The shape of ROC AUC for examples with these labels and scores (see AucShape). */
export function aucShape(positive: Uint8Array, score: Float64Array): AucShape {
  const sorted = sortByScore(score, positive)
  const n = sorted.length
  let inOrder = true
  for (let i = 0; i < n && inOrder; i++) inOrder = sorted[i] === i
  const sortedPositive = sharedArray(b => new Float32Array(b), 4 * n)
  for (let i = 0; i < n; i++) sortedPositive[i] = positive[sorted[i]!]!
  let groups = 0
  for (let i = 0; i < n; i++) if (i === n - 1 || score[sorted[i]!] !== score[sorted[i + 1]!]) groups++
  const manyTies = groups * 8 < n
  let order: Uint32Array | null = null
  if (!inOrder) {
    order = sharedArray(b => new Uint32Array(b), 4 * n)
    order.set(sorted)
  }
  return {
    kind: 'auc',
    order,
    positive: sortedPositive,
    runs: manyTies ? new Uint32Array(0) : tieRuns(sorted, score, positive, true),
    groups: manyTies ? tieRuns(sorted, score, positive, false) : null
  }
}

/** A kernel that also exposes its shape, so the bootstrap's threads can evaluate it. */
export interface ShapedKernel extends Kernel {
  readonly shape: KernelShape
}

export function shapeOf(kernel: Kernel): KernelShape | null {
  return 'shape' in kernel ? (kernel as ShapedKernel).shape : null
}

/**
 * Binary ROC AUC as the Mann-Whitney statistic: the weight of (positive, negative) pairs ranked
 * correctly, ties counting one half. One pass over the order sorted once (aucPass): with few ties,
 * half of each mixed tie group is taken back after it; with many, the pass sums group by group.
 * Linear whatever the ties. Labels are kept as 32-bit floats (0 or 1, exact): the loops then do
 * floating-point arithmetic only, several times faster than mixing integer and floating-point
 * operations, and read half the bytes doubles would.
 */
export function rocAucKernel(positive: Uint8Array, score: Float64Array): ShapedKernel {
  const shape = aucShape(positive, score)
  const sums = new Float64Array(3)
  return Object.assign((w: Uint8Array) => aucPass(w, shape, sums), { shape })
}

/**
 * Average precision as scikit-learn defines it: Σ (R_k - R_{k-1}) P_k over distinct score
 * thresholds, from the highest score down. Undefined without positives.
 */
export function averagePrecisionKernel(positive: Uint8Array, score: Float64Array): Kernel {
  // Highest score first, positives first among equal scores: the ascending order reversed.
  const order = sortByScore(score, positive).reverse()
  const n = order.length
  const sortedPositive = new Float32Array(n)
  const lastOfTie = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    sortedPositive[i] = positive[order[i]!]!
    lastOfTie[i] = i === n - 1 || score[order[i]!] !== score[order[i + 1]!] ? 1 : 0
  }
  return w => {
    let tp = 0
    let fp = 0
    let previousTp = 0
    let sum = 0
    for (let i = 0; i < n; i++) {
      const x = w[order[i]!]!
      const p = x * sortedPositive[i]!
      tp += p
      fp += x - p
      if (lastOfTie[i] && tp > previousTp) {
        sum += (tp - previousTp) * (tp / (tp + fp))
        previousTp = tp
      }
    }
    return tp > 0 ? sum / tp : Number.NaN
  }
}

/** The mean of several kernels (one-vs-rest macro averages); undefined when any part is. */
export function macroKernel(parts: Kernel[]): Kernel {
  return w => {
    let sum = 0
    for (const part of parts) sum += part(w)
    return sum / parts.length
  }
}

export function oneVsRest(label: Int32Array, k: number): Uint8Array {
  const out = new Uint8Array(label.length)
  for (let i = 0; i < label.length; i++) out[i] = label[i] === k ? 1 : 0
  return out
}

export type Average = 'binary' | 'macro' | 'weighted'
export type CountMetric = 'precision' | 'recall' | 'f1'

/**
 * Precision, recall and F1 from weighted confusion counts. `binary` is the positive class (index 1);
 * `macro` and `weighted` average over the classes present in the labels or predictions, as
 * scikit-learn does. Undefined where scikit-learn warns that the value is ill-defined and reports 0:
 * a class never predicted (precision), a class with no examples (recall); F1 = 2TP / (2TP + FP + FN)
 * is undefined only when the class appears in neither.
 */
export function countKernel(metric: CountMetric, average: Average, label: Int32Array, predicted: Int32Array, classes: number): Kernel {
  const n = label.length
  const tp = new Float64Array(classes)
  const truth = new Float64Array(classes)
  const guessed = new Float64Array(classes)
  const score = (c: number): number => {
    if (metric === 'precision') return guessed[c]! > 0 ? tp[c]! / guessed[c]! : Number.NaN
    if (metric === 'recall') return truth[c]! > 0 ? tp[c]! / truth[c]! : Number.NaN
    const denominator = truth[c]! + guessed[c]!
    return denominator > 0 ? (2 * tp[c]!) / denominator : Number.NaN
  }
  return w => {
    tp.fill(0)
    truth.fill(0)
    guessed.fill(0)
    for (let i = 0; i < n; i++) {
      const x = w[i]!
      const y = label[i]!
      const p = predicted[i]!
      truth[y] += x
      guessed[p] += x
      if (y === p) tp[y] += x
    }
    if (average === 'binary') return score(1)
    let sum = 0
    let weight = 0
    for (let c = 0; c < classes; c++) {
      if (truth[c] === 0 && guessed[c] === 0) continue
      const v = score(c)
      const share = average === 'macro' ? 1 : truth[c]!
      // A zero-weight class still makes scikit-learn warn (and report 0): undefined here too.
      if (Number.isNaN(v)) return Number.NaN
      sum += share * v
      weight += share
    }
    return weight > 0 ? sum / weight : Number.NaN
  }
}

export function rmseKernel(label: Float64Array, predicted: Float64Array): Kernel {
  const squared = new Float64Array(label.length)
  for (let i = 0; i < label.length; i++) squared[i] = (label[i]! - predicted[i]!) ** 2
  const mean = meanKernel(squared)
  return w => Math.sqrt(mean(w))
}

export function absoluteErrors(label: Float64Array, predicted: Float64Array): Float64Array {
  const out = sharedFloat64(label.length)
  for (let i = 0; i < label.length; i++) out[i] = Math.abs(label[i]! - predicted[i]!)
  return out
}

/**
 * Mean absolute percentage error (a fraction, as scikit-learn returns it). Undefined when a label is
 * 0: scikit-learn divides by machine epsilon instead and returns a huge finite number.
 */
export function mapeKernel(label: Float64Array, predicted: Float64Array): Kernel {
  const ratios = new Float64Array(label.length)
  const zeros: number[] = []
  for (let i = 0; i < label.length; i++) {
    if (label[i] === 0) zeros.push(i)
    else ratios[i] = Math.abs(label[i]! - predicted[i]!) / Math.abs(label[i]!)
  }
  const mean = meanKernel(ratios)
  return w => {
    for (const i of zeros) if (w[i]! > 0) return Number.NaN
    return mean(w)
  }
}

/**
 * R² = 1 - SS_res / SS_tot around the weighted mean. Undefined for constant labels (scikit-learn
 * returns 1 for a perfect prediction and 0 otherwise) and for fewer than two examples.
 */
export function r2Kernel(label: Float64Array, predicted: Float64Array): Kernel {
  const n = label.length
  return w => {
    let total = 0
    let sum = 0
    let min = Number.POSITIVE_INFINITY
    let max = Number.NEGATIVE_INFINITY
    for (let i = 0; i < n; i++) {
      const x = w[i]!
      total += x
      sum += x * label[i]!
      if (x > 0) {
        if (label[i]! < min) min = label[i]!
        if (label[i]! > max) max = label[i]!
      }
    }
    if (total < 2 || min === max) return Number.NaN
    const mean = sum / total
    let residual = 0
    let spread = 0
    for (let i = 0; i < n; i++) {
      const x = w[i]!
      residual += x * (label[i]! - predicted[i]!) ** 2
      spread += x * (label[i]! - mean) ** 2
    }
    return 1 - residual / spread
  }
}
