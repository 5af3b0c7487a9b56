import { Worker } from 'node:worker_threads'

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

  /** The generator's position, to continue its stream elsewhere (another thread). */
  saveState(): Int32Array {
    return this.state.slice()
  }

  restoreState(state: Int32Array): void {
    this.state.set(state)
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

/** The counts of `resamples` successive multinomial resamples, drawn in turn; one array, reused. */
export function* multinomialInTurn(random: Random, cells: number, resamples: number): Generator<Uint8Array> {
  const counts = new Uint8Array(cells)
  for (let b = 0; b < resamples; b++) {
    random.multinomial(counts, cells)
    yield counts
  }
}

/** Resamples drawn ahead of the one being evaluated. */
const SLOTS = 4
/** Longer than any one resample takes to draw: a thread that has not answered by then has failed. */
const WAIT_MS = 120_000

/**
 * The counts of `resamples` successive multinomial resamples of `cells` cells, drawn from `random`
 * on another thread while the caller evaluates the earlier ones: drawing a million counts takes
 * about as long as evaluating three metrics on them. The thread continues `random`'s stream and
 * hands its final position back, so the counts, and what `random` draws afterwards, are exactly
 * those of calling random.multinomial in turn. Each array is valid until the next is requested.
 */
export function* multinomialAhead(random: Random, cells: number, resamples: number): Generator<Uint8Array> {
  // Per slot: 0 while the thread may fill it, 1 once filled; then one flag for the end (1) or a failure (-1).
  const flags = new Int32Array(new SharedArrayBuffer(4 * (SLOTS + 1)))
  const counts = new SharedArrayBuffer(SLOTS * cells)
  const state = new Int32Array(new SharedArrayBuffer(16))
  state.set(random.saveState())
  let worker: Worker
  try {
    worker = new Worker(
      `const { workerData } = require('node:worker_threads')
const Random = (${Random.toString()})
const { flags, counts, state, cells, resamples, slots } = workerData
try {
  const random = new Random(0)
  random.restoreState(state)
  for (let b = 0; b < resamples; b++) {
    const slot = b % slots
    while (Atomics.load(flags, slot) !== 0) Atomics.wait(flags, slot, 1)
    random.multinomial(new Uint8Array(counts, slot * cells, cells), cells)
    Atomics.store(flags, slot, 1)
    Atomics.notify(flags, slot)
  }
  state.set(random.saveState())
  Atomics.store(flags, slots, 1)
} catch {
  Atomics.store(flags, slots, -1)
}
Atomics.notify(flags, slots)
for (let slot = 0; slot < slots; slot++) Atomics.notify(flags, slot)`,
      { eval: true, workerData: { flags, counts, state, cells, resamples, slots: SLOTS } }
    )
  } catch {
    // Where threads or code evaluation are not allowed, the same counts are drawn in turn.
    yield* multinomialInTurn(random, cells, resamples)
    return
  }
  worker.unref()
  const waitFor = (index: number, value: number) => {
    while (Atomics.load(flags, index) !== value) {
      if (Atomics.load(flags, SLOTS) === -1) throw new Error('drawing bootstrap resamples failed on the worker thread')
      if (Atomics.wait(flags, index, Atomics.load(flags, index), WAIT_MS) === 'timed-out') throw new Error('drawing bootstrap resamples timed out on the worker thread')
    }
  }
  try {
    for (let b = 0; b < resamples; b++) {
      const slot = b % SLOTS
      waitFor(slot, 1)
      yield new Uint8Array(counts, slot * cells, cells)
      Atomics.store(flags, slot, 0)
      Atomics.notify(flags, slot)
    }
    waitFor(SLOTS, 1)
    random.restoreState(state)
  } finally {
    void worker.terminate()
  }
}
