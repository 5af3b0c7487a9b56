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
