import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * A small seeded generator (xoshiro128**, seeded through splitmix32) so every bootstrap is
 * reproducible from the spec's seed on any machine; Math.random cannot be seeded.
 */
/** splitmix32's finalizer: a bijection of 32-bit words that spreads every input bit. */
function mix32(x: number): number {
  let z = x | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return z ^ (z >>> 16)
}

export class Random {
  private readonly state = new Int32Array(4)

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream)
  }

  /**
   * Restarts the generator at the beginning of stream `stream` of `seed`: a bootstrap resample's
   * counts come from the stream of its index, so they are the same whichever thread draws them and
   * in whatever order. Stream 0 is the stream `new Random(seed)` has always given.
   */
  reseed(seed: number, stream = 0): void {
    let s = seed >>> 0
    // A stream other than 0 moves the splitmix32 start by its own mixed value: distinct (seed,
    // stream) pairs start far apart, and xoshiro's states from them are as good as any.
    if (stream !== 0) s = (s ^ mix32(Math.imul((stream >>> 0) ^ 0x5bd1e995, 0x9e3779b9) + 0x7f4a7c15)) >>> 0
    for (let i = 0; i < 4; i++) {
      s = (s + 0x9e3779b9) | 0
      this.state[i] = mix32(s)
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

  /** Where refinePoisson is due after a pass of poisson(): weights[at[k]] from 16-bit index cell[k]. */
  private refineAt: Int32Array = new Int32Array(1024)
  private refineCell: Int32Array = new Int32Array(1024)

  /**
   * Fills `weights` with independent Poisson(1) draws from this stream: the Poisson bootstrap,
   * where each unit's weight is Poisson(1) instead of its count among n draws with replacement. Two
   * weights from each 32-bit draw, no scatter into the array: several times faster than multinomial
   * counts, and the same bootstrap as n grows (the counts are multinomial given their total, which is
   * Poisson(n)). A weight never exceeds 255: the largest value a 48-bit uniform reaches is about 20.
   * The rare draws that need more bits are noted and refined after the pass, from the same stream.
   * Drawing [start, end) with end - start odd may overwrite weights[end] (see drawWeights's blocks).
   */
  poisson(weights: Uint8Array, start = 0, end = weights.length): void {
    const st = this.state
    const table = poissonTable()
    let refines = 0
    let s0 = st[0]!
    let s1 = st[1]!
    let s2 = st[2]!
    let s3 = st[3]!
    let i = start
    for (; i < end; i += 2) {
      const x = Math.imul(s1, 5)
      const r = Math.imul((x << 7) | (x >>> 25), 9)
      const t = s1 << 9
      s2 ^= s0
      s3 ^= s1
      s1 ^= s2
      s0 ^= s3
      s2 ^= t
      s3 = (s3 << 11) | (s3 >>> 21)
      const a = table[r & 0xffff]!
      const b = table[r >>> 16]!
      weights[i] = a
      // With an odd count the last draw's high half lands at `end`: past the array (dropped), or on
      // the first weight of the next block, which drawing that block overwrites.
      weights[i + 1] = b
      if (a === REFINE || b === REFINE) refines = this.noteRefines(refines, i, r, end)
    }
    st[0] = s0
    st[1] = s1
    st[2] = s2
    st[3] = s3
    const refineAt = this.refineAt
    const refineCell = this.refineCell
    for (let k = 0; k < refines; k++) weights[refineAt[k]!] = refinePoisson(refineCell[k]!, this.next())
  }

  /** Notes the weights of draw r at i, i + 1 (before `end`) that need refining; the new count. */
  private noteRefines(refines: number, i: number, r: number, end: number): number {
    if (refines + 2 > this.refineAt.length) {
      this.refineAt = grown(this.refineAt)
      this.refineCell = grown(this.refineCell)
    }
    const table = poissonTable()
    if (table[r & 0xffff] === REFINE) {
      this.refineAt[refines] = i
      this.refineCell[refines++] = r & 0xffff
    }
    if (i + 1 < end && table[r >>> 16] === REFINE) {
      this.refineAt[refines] = i + 1
      this.refineCell[refines++] = r >>> 16
    }
    return refines
  }
}

/**
 * Poisson(1) by table lookup on 16 random bits: entry j is the value of every uniform in
 * [j / 65536, (j + 1) / 65536) when that interval lies within one step of the CDF, else REFINE
 * (the few intervals a step of the CDF crosses), where 32 more bits decide by the CDF itself.
 * The resulting draw is Poisson(1) up to the 48 bits of the uniform (an error below 2^-48).
 */
const REFINE = 255
/** No weight exceeds this: the largest k whose CDF a uniform below 1 can pass (see POISSON_CDF). */
export const MAX_WEIGHT = 18
const POISSON_CDF: Float64Array = (() => {
  const cdf: number[] = []
  let term = Math.exp(-1)
  let sum = 0
  for (let k = 0; sum < 1 && k < 40; k++) {
    sum += term
    cdf.push(Math.min(sum, 1))
    term /= k + 1
  }
  cdf[cdf.length - 1] = 1
  // Integer sums in the bootstrap's passes are bounded through MAX_WEIGHT: it must hold.
  if (cdf.length - 1 > MAX_WEIGHT) throw new Error(`Poisson(1) weights reach ${cdf.length - 1}, above MAX_WEIGHT`)
  return Float64Array.from(cdf)
})()

function poissonOf(u: number): number {
  let k = 0
  while (k < POISSON_CDF.length - 1 && u >= POISSON_CDF[k]!) k++
  return k
}

let POISSON_TABLE: Uint8Array | null = null

/** The table, built on the first draw (not on import: the spec loader and a run's start import this module). */
function poissonTable(): Uint8Array {
  return (POISSON_TABLE ??= buildPoissonTable())
}

function buildPoissonTable(): Uint8Array {
  const table = new Uint8Array(65536)
  for (let j = 0; j < 65536; j++) {
    const low = poissonOf(j / 65536)
    // The interval's last uniform is just below (j + 1) / 65536.
    const high = poissonOf((j + 1) / 65536 - 2 ** -52)
    table[j] = low === high ? low : REFINE
  }
  return table
}

/** The Poisson(1) value of the refined uniform (j + r / 2^32) / 65536. */
function refinePoisson(j: number, r: number): number {
  return poissonOf((j + r * 2.3283064365386963e-10) * 1.52587890625e-5)
}

function grown(a: Int32Array): Int32Array {
  const out = new Int32Array(a.length * 2)
  out.set(a)
  return out
}

/** The weights of resamples 0 .. resamples-1 of `seed`, drawn in turn; one array, reused. */
export function* weightsInTurn(seed: number, cells: number, resamples: number): Generator<Uint8Array> {
  const counts = new Uint8Array(cells)
  const random = new Random(seed)
  for (let b = 0; b < resamples; b++) {
    drawWeights(random, seed, b, counts)
    yield counts
  }
}

/**
 * A resample's weights over `counts.length` units (Poisson(1) each, see Random.poisson), from the
 * stream of its index (stream 0 is the seed's own, left for the jackknife), so they are the same
 * whichever thread draws them.
 */
export function drawWeights(random: Random, seed: number, b: number, counts: Uint8Array): void {
  random.reseed(seed, b + 1)
  for (let start = 0; start < counts.length; start += WEIGHT_BLOCK) random.poisson(counts, start, Math.min(start + WEIGHT_BLOCK, counts.length))
}

/**
 * Weights are drawn in blocks of this many (even), each block's rare refinements after it: the
 * bootstrap's fused pass draws a block and sums it while it is in the nearest cache.
 */
export const WEIGHT_BLOCK = 4096

/** Resamples drawn ahead of the one being evaluated. */
const SLOTS = 4
/** Longer than any one resample takes to draw: a thread that has not answered by then has failed. */
const WAIT_MS = 120_000
/** Longer than a thread takes to start on a loaded machine: one that has not started by then is given up. */
export const START_MS = 15_000

/**
 * The bootstrap's thread's file, bundled beside dist/cli.js and dist/index.js. Run from the sources
 * (tests) it does not exist there and the work is done in turn; tests pass a built one.
 */
export const AHEAD_WORKER = new URL('./bootstrap-worker.mjs', import.meta.url)

/** What the drawing thread gets: shared memory and the seed. */
export interface AheadData {
  /** One flag per slot (0 while the thread may fill it, 1 once filled), the end (1, or -1 on a failure), started (1). */
  flags: Int32Array
  counts: SharedArrayBuffer
  seed: number
  cells: number
  resamples: number
  slots: number
}

/**
 * The weights of resamples 0 .. resamples-1 of `seed` over `cells` cells, drawn on another thread
 * (the bundled file `worker`) while the caller evaluates the earlier ones: for kernels that only
 * the calling thread can evaluate. Each array is valid until the next is requested. Where the
 * thread cannot start, fails, or stops answering, the rest is drawn in turn: the weights of a
 * resample are the same whichever thread drew them.
 */
export function* weightsAhead(seed: number, cells: number, resamples: number, worker: URL = AHEAD_WORKER): Generator<Uint8Array> {
  const data: AheadData & { job: 'ahead' } = {
    job: 'ahead',
    flags: new Int32Array(new SharedArrayBuffer(4 * (SLOTS + 2))),
    counts: new SharedArrayBuffer(SLOTS * cells),
    seed,
    cells,
    resamples,
    slots: SLOTS
  }
  const { flags, counts } = data
  const thread = startThread(worker, data)
  let b = 0
  if (thread) {
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
      }
    } finally {
      void thread.terminate()
    }
  }
  // No thread, or it failed after handing out b resamples: the rest in turn.
  const random = new Random(seed)
  const own = new Uint8Array(cells)
  for (; b < resamples; b++) {
    drawWeights(random, seed, b, own)
    yield own
  }
}

/** Starts the bootstrap's thread on `data`; null when its file is missing or it cannot start. */
export function startThread(worker: URL, data: unknown): Worker | null {
  let thread: Worker | null = null
  try {
    // A missing file would only show as an 'error' event, which a thread blocked in Atomics.wait never sees.
    if (existsSync(fileURLToPath(worker))) thread = new Worker(worker, { workerData: data })
  } catch {
    return null
  }
  if (thread) {
    thread.unref()
    // A failure shows in shared memory (or as silence); its 'error' event must not end the process.
    thread.on('error', () => {})
  }
  return thread
}
