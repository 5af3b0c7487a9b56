/** Small numeric kernels the trainers' inner loops share. */

/**
 * A zeroed Float64Array in shared memory: the trainers' data matrices are allocated there, so the
 * L-BFGS objectives' second thread (objective-threads.ts) reads them without a copy.
 */
export function sharedFloat64Array(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * length))
}

/**
 * The dot product of `d` entries of `w` from `wOffset` and of `x` from `xOffset`. Four accumulators
 * break the chain of dependent additions, which otherwise bounds the loop by the adder's latency.
 */
export function dot(w: Float64Array, wOffset: number, x: Float64Array, xOffset: number, d: number): number {
  let a = 0
  let b = 0
  let c = 0
  let e = 0
  let j = 0
  for (; j + 3 < d; j += 4) {
    a += w[wOffset + j]! * x[xOffset + j]!
    b += w[wOffset + j + 1]! * x[xOffset + j + 1]!
    c += w[wOffset + j + 2]! * x[xOffset + j + 2]!
    e += w[wOffset + j + 3]! * x[xOffset + j + 3]!
  }
  for (; j < d; j++) a += w[wOffset + j]! * x[xOffset + j]!
  return a + b + (c + e)
}

/** y[yOffset ..] += a * x[xOffset ..] over `d` entries, unrolled like `dot`. */
export function axpy(a: number, x: Float64Array, xOffset: number, y: Float64Array, yOffset: number, d: number): void {
  let j = 0
  for (; j + 3 < d; j += 4) {
    y[yOffset + j] += a * x[xOffset + j]!
    y[yOffset + j + 1] += a * x[xOffset + j + 1]!
    y[yOffset + j + 2] += a * x[xOffset + j + 2]!
    y[yOffset + j + 3] += a * x[xOffset + j + 3]!
  }
  for (; j < d; j++) y[yOffset + j] += a * x[xOffset + j]!
}

/**
 * out[i - from] = bias + w . row i of x, for the rows `from ..< to` of x (row-major, `d` wide): `out` holds
 * the rows' scores from its start.
 * Eight rows at a time: their eight sums are independent chains of additions, as `dot`'s four
 * accumulators are, and each weight is loaded once for the eight (measured about a sixth faster than
 * four rows at a time, at 20 features).
 */
export function scoreRows(w: Float64Array, bias: number, x: Float64Array, from: number, to: number, d: number, out: Float64Array): void {
  let i = from
  for (; i + 7 < to; i += 8) {
    const o0 = i * d
    const o1 = o0 + d
    const o2 = o1 + d
    const o3 = o2 + d
    const o4 = o3 + d
    const o5 = o4 + d
    const o6 = o5 + d
    const o7 = o6 + d
    let a0 = 0
    let a1 = 0
    let a2 = 0
    let a3 = 0
    let a4 = 0
    let a5 = 0
    let a6 = 0
    let a7 = 0
    for (let j = 0; j < d; j++) {
      const wj = w[j]!
      a0 += wj * x[o0 + j]!
      a1 += wj * x[o1 + j]!
      a2 += wj * x[o2 + j]!
      a3 += wj * x[o3 + j]!
      a4 += wj * x[o4 + j]!
      a5 += wj * x[o5 + j]!
      a6 += wj * x[o6 + j]!
      a7 += wj * x[o7 + j]!
    }
    const k = i - from
    out[k] = bias + a0
    out[k + 1] = bias + a1
    out[k + 2] = bias + a2
    out[k + 3] = bias + a3
    out[k + 4] = bias + a4
    out[k + 5] = bias + a5
    out[k + 6] = bias + a6
    out[k + 7] = bias + a7
  }
  for (; i < to; i++) out[i - from] = bias + dot(w, 0, x, i * d, d)
}

/**
 * grad[0 ..< d] += the sum over the rows `from ..< to` of x (row-major, `d` wide) of r[i - from] times
 * row i (`r` holds the rows' factors from its start).
 * Eight rows per pass over the destination: one row at a time, every multiply-add waits on the load
 * and store of the same destination entry from the row before.
 */
export function accumulateRows(r: Float64Array, x: Float64Array, from: number, to: number, d: number, grad: Float64Array): void {
  let i = from
  for (; i + 7 < to; i += 8) {
    const o0 = i * d
    const o1 = o0 + d
    const o2 = o1 + d
    const o3 = o2 + d
    const o4 = o3 + d
    const o5 = o4 + d
    const o6 = o5 + d
    const o7 = o6 + d
    const k = i - from
    const r0 = r[k]!
    const r1 = r[k + 1]!
    const r2 = r[k + 2]!
    const r3 = r[k + 3]!
    const r4 = r[k + 4]!
    const r5 = r[k + 5]!
    const r6 = r[k + 6]!
    const r7 = r[k + 7]!
    for (let j = 0; j < d; j++) {
      grad[j] +=
        r0 * x[o0 + j]! + r1 * x[o1 + j]! + (r2 * x[o2 + j]! + r3 * x[o3 + j]!) + (r4 * x[o4 + j]! + r5 * x[o5 + j]! + (r6 * x[o6 + j]! + r7 * x[o7 + j]!))
    }
  }
  for (; i < to; i++) axpy(r[i - from]!, x, i * d, grad, 0, d)
}

/**
 * A sum of logarithms with one `Math.log` per many terms: the factors (each at least 1 and at most
 * `maxFactor`) are multiplied in chunks small enough never to overflow. Math.log costs several times
 * a multiplication, and the objectives need one per example.
 */
export class LogSum {
  private product = 1
  private count = 0
  private total = 0
  private readonly chunk: number

  constructor(maxFactor: number) {
    this.chunk = Math.max(1, Math.min(64, Math.floor(600 / Math.log2(Math.max(2, maxFactor)))))
  }

  add(factor: number): void {
    this.product *= factor
    if (++this.count === this.chunk) {
      this.total += Math.log(this.product)
      this.product = 1
      this.count = 0
    }
  }

  value(): number {
    return this.total + Math.log(this.product)
  }

  /** Empties the sum, to start another. */
  reset(): void {
    this.product = 1
    this.count = 0
    this.total = 0
  }
}
