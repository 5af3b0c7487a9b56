import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
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
      for (let i = 0; i < batch;) {
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
/** Longer than a thread takes to start on a loaded machine: one that has not started by then is given up. */
const START_MS = 15_000

/**
 * The drawing thread's file, bundled beside dist/cli.js and dist/index.js. Run from the sources
 * (tests) it does not exist there and the counts are drawn in turn; tests pass a built one.
 */
export const AHEAD_WORKER = new URL('./bootstrap-worker.mjs', import.meta.url)

/** What the drawing thread gets: shared memory and the stream's position. */
export interface AheadData {
  /** One flag per slot (0 while the thread may fill it, 1 once filled), the end (1, or -1 on a failure), started (1). */
  flags: Int32Array
  counts: SharedArrayBuffer
  /** The stream's position: where the thread starts, and where it ends once done. */
  state: Int32Array
  cells: number
  resamples: number
  slots: number
}

/**
 * The counts of `resamples` successive multinomial resamples of `cells` cells, drawn from `random`
 * on another thread (the bundled file `worker`) while the caller evaluates the earlier ones: drawing
 * a million counts takes about as long as evaluating three metrics on them. The thread continues
 * `random`'s stream and hands its final position back, so the counts, and what `random` draws
 * afterwards, are exactly those of calling random.multinomial in turn. Each array is valid until the
 * next is requested. Where the thread cannot start, fails, or stops answering, the rest is drawn in
 * turn from the same stream: the counts are the same whichever thread drew them.
 */
export function* multinomialAhead(random: Random, cells: number, resamples: number, worker: URL = AHEAD_WORKER): Generator<Uint8Array> {
  const start = random.saveState()
  const data: AheadData = {
    flags: new Int32Array(new SharedArrayBuffer(4 * (SLOTS + 2))),
    counts: new SharedArrayBuffer(SLOTS * cells),
    state: new Int32Array(new SharedArrayBuffer(16)),
    cells,
    resamples,
    slots: SLOTS
  }
  const { flags, counts, state } = data
  state.set(start)
  let thread: Worker | null = null
  try {
    // A missing file would only show as an 'error' event, which a thread blocked in Atomics.wait never sees.
    if (existsSync(fileURLToPath(worker))) thread = new Worker(worker, { workerData: data })
  } catch {
    thread = null
  }
  let b = 0
  if (thread) {
    thread.unref()
    // A failure shows in the flags (or as silence); its 'error' event must not end the process.
    thread.on('error', () => {})
    /** Waits until flags[index] is `value`; false when the thread failed or did not answer in time. */
    const waitFor = (index: number, value: number, ms: number): boolean => {
      while (Atomics.load(flags, index) !== value) {
        if (Atomics.load(flags, SLOTS) === -1) return false
        if (Atomics.wait(flags, index, Atomics.load(flags, index), ms) === 'timed-out') return false
      }
      return true
    }
    try {
      if (waitFor(SLOTS + 1, 1, START_MS)) {
        for (; b < resamples; b++) {
          const slot = b % SLOTS
          if (!waitFor(slot, 1, WAIT_MS)) break
          yield new Uint8Array(counts, slot * cells, cells)
          Atomics.store(flags, slot, 0)
          Atomics.notify(flags, slot)
        }
        if (b === resamples && waitFor(SLOTS, 1, WAIT_MS)) {
          random.restoreState(state)
          return
        }
      }
    } finally {
      void thread.terminate()
    }
  }
  // No thread, or it failed after handing out b resamples: replay the stream past them, then go on in turn.
  random.restoreState(start)
  const own = new Uint8Array(cells)
  for (let k = 0; k < b; k++) random.multinomial(own, cells)
  for (; b < resamples; b++) {
    random.multinomial(own, cells)
    yield own
  }
}
