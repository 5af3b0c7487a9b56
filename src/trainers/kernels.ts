/** Small numeric kernels the trainers' inner loops share. */

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
 * out[i] = bias + w . row i of x, for the `n` rows of x (row-major, `d` wide).
 * Four rows at a time: their four sums are independent chains of additions, as `dot`'s four
 * accumulators are, and each weight is loaded once for the four.
 */
export function scoreRows(w: Float64Array, bias: number, x: Float64Array, n: number, d: number, out: Float64Array): void {
  let i = 0
  for (; i + 3 < n; i += 4) {
    const o0 = i * d
    const o1 = o0 + d
    const o2 = o1 + d
    const o3 = o2 + d
    let a = 0
    let b = 0
    let c = 0
    let e = 0
    for (let j = 0; j < d; j++) {
      const wj = w[j]!
      a += wj * x[o0 + j]!
      b += wj * x[o1 + j]!
      c += wj * x[o2 + j]!
      e += wj * x[o3 + j]!
    }
    out[i] = bias + a
    out[i + 1] = bias + b
    out[i + 2] = bias + c
    out[i + 3] = bias + e
  }
  for (; i < n; i++) out[i] = bias + dot(w, 0, x, i * d, d)
}

/**
 * grad[0 ..< d] += the sum over the `n` rows of x (row-major, `d` wide) of r[i] times row i. Four rows
 * per pass over the destination: one row at a time, every multiply-add waits on the load and store of
 * the same destination entry from the row before.
 */
export function accumulateRows(r: Float64Array, x: Float64Array, n: number, d: number, grad: Float64Array): void {
  let i = 0
  for (; i + 3 < n; i += 4) {
    const o0 = i * d
    const o1 = o0 + d
    const o2 = o1 + d
    const o3 = o2 + d
    const r0 = r[i]!
    const r1 = r[i + 1]!
    const r2 = r[i + 2]!
    const r3 = r[i + 3]!
    for (let j = 0; j < d; j++) grad[j] += r0 * x[o0 + j]! + r1 * x[o1 + j]! + (r2 * x[o2 + j]! + r3 * x[o3 + j]!)
  }
  for (; i < n; i++) axpy(r[i]!, x, i * d, grad, 0, d)
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
}
