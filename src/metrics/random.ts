/**
 * A small seeded generator (xoshiro128**, seeded through splitmix32) so every bootstrap is
 * reproducible from the spec's seed on any machine; Math.random cannot be seeded.
 */
export class Random {
  private readonly state = new Int32Array(4)

  constructor(seed: number) {
    let s = seed >>> 0
    for (let i = 0; i < 4; i++) {
      s = (s + 0x9e3779b9) | 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      this.state[i] = z ^ (z >>> 16)
    }
    // An all-zero state would only ever yield zeros.
    if (this.state.every(v => v === 0)) this.state[0] = 1
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const st = this.state
    const x = Math.imul(st[1]!, 5)
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0
    const t = st[1]! << 9
    st[2]! ^= st[0]!
    st[3]! ^= st[1]!
    st[1]! ^= st[2]!
    st[0]! ^= st[3]!
    st[2]! ^= t
    st[3] = (st[3]! << 11) | (st[3]! >>> 21)
    return result
  }

  /** A uniform integer in [0, n), from 53 random bits. */
  below(n: number): number {
    const high = this.next() >>> 5
    const low = this.next() >>> 6
    return Math.floor(((high * 67108864 + low) / 9007199254740992) * n)
  }

  /** Cells drawn but not yet counted: drawing and counting in separate loops runs faster. */
  private readonly pending = new Int32Array(65536)

  /**
   * Multinomial counts of `draws` uniform draws over `counts.length` cells: one bootstrap resample.
   * Kept in one function with the state in locals, since this is the bootstrap's inner loop.
   * Counts fit a byte: more than 255 draws of one cell out of n >= 256 has probability below
   * n / 256!, and fewer than 256 draws cannot reach it.
   */
  multinomial(counts: Uint8Array, draws: number): void {
    counts.fill(0)
    const st = this.state
    const pending = this.pending
    let s0 = st[0]!
    let s1 = st[1]!
    let s2 = st[2]!
    let s3 = st[3]!
    const n = counts.length
    // Lemire's multiply-shift maps 32 random bits to [0, n); exact without rejection when
    // n * 2^32 fits a double's 53 bits (n < 2^21), else a slight bias of at most n / 2^32.
    const exact = n < 2097152
    const threshold = exact ? (4294967296 - n) % n : 0
    let drawn = 0
    while (drawn < draws) {
      const batch = Math.min(pending.length, draws - drawn)
      for (let i = 0; i < batch; ) {
        const x = Math.imul(s1, 5)
        const r = Math.imul((x << 7) | (x >>> 25), 9) >>> 0
        const t = s1 << 9
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 11) | (s3 >>> 21)
        const m = r * n
        const cell = Math.floor(m * 2.3283064365386963e-10)
        if (exact && m - cell * 4294967296 < threshold) continue
        pending[i++] = cell
      }
      for (let i = 0; i < batch; i++) counts[pending[i]!]!++
      drawn += batch
    }
    st[0] = s0
    st[1] = s1
    st[2] = s2
    st[3] = s3
  }
}
