import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/metrics/random.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
function mix32(x) {
  let z = x | 0;
  z = Math.imul(z ^ z >>> 16, 2246822507);
  z = Math.imul(z ^ z >>> 13, 3266489909);
  return z ^ z >>> 16;
}
var Random = class {
  state = new Int32Array(4);
  constructor(seed, stream = 0) {
    this.reseed(seed, stream);
  }
  /**
   * Restarts the generator at the beginning of stream `stream` of `seed`: a bootstrap resample's
   * counts come from the stream of its index, so they are the same whichever thread draws them and
   * in whatever order. Stream 0 is the stream `new Random(seed)` has always given.
   */
  reseed(seed, stream = 0) {
    let s = seed >>> 0;
    if (stream !== 0) s = (s ^ mix32(Math.imul(stream >>> 0 ^ 1540483477, 2654435769) + 2135587861)) >>> 0;
    for (let i = 0; i < 4; i++) {
      s = s + 2654435769 | 0;
      this.state[i] = mix32(s);
    }
    if (this.state.every((v) => v === 0)) this.state[0] = 1;
  }
  /** The generator's position, to continue its stream elsewhere (another thread). */
  saveState() {
    return this.state.slice();
  }
  restoreState(state) {
    this.state.set(state);
  }
  /** A uniform 32-bit unsigned integer. */
  next() {
    const st = this.state;
    const x = Math.imul(st[1], 5);
    const result = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
    const t = st[1] << 9;
    st[2] ^= st[0];
    st[3] ^= st[1];
    st[1] ^= st[2];
    st[0] ^= st[3];
    st[2] ^= t;
    st[3] = st[3] << 11 | st[3] >>> 21;
    return result;
  }
  /** A uniform integer in [0, n), from 53 random bits. */
  below(n) {
    const high = this.next() >>> 5;
    const low = this.next() >>> 6;
    return Math.floor((high * 67108864 + low) / 9007199254740992 * n);
  }
  /** Cells drawn but not yet counted: drawing and counting in separate loops runs faster. */
  pending = new Int32Array(65536);
  /**
   * Multinomial counts of `draws` uniform draws over `counts.length` cells: one bootstrap resample.
   * Kept in one function with the state in locals, since this is the bootstrap's inner loop.
   * Counts fit a byte: more than 255 draws of one cell out of n >= 256 has probability below
   * n / 256!, and fewer than 256 draws cannot reach it.
   */
  multinomial(counts, draws) {
    counts.fill(0);
    const st = this.state;
    const pending = this.pending;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    const n = counts.length;
    const exact = n < 2097152;
    const threshold = exact ? (4294967296 - n) % n : 0;
    let drawn = 0;
    while (drawn < draws) {
      const batch = Math.min(pending.length, draws - drawn);
      for (let i = 0; i < batch; ) {
        const x = Math.imul(s1, 5);
        const r = Math.imul(x << 7 | x >>> 25, 9) >>> 0;
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = s3 << 11 | s3 >>> 21;
        const m = r * n;
        const cell = Math.floor(m * 23283064365386963e-26);
        if (exact && m - cell * 4294967296 < threshold) continue;
        pending[i++] = cell;
      }
      for (let i = 0; i < batch; i++) counts[pending[i]]++;
      drawn += batch;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }
};
function* multinomialInTurn(seed, cells, resamples) {
  const counts = new Uint8Array(cells);
  const random = new Random(seed);
  for (let b = 0; b < resamples; b++) {
    drawCounts(random, seed, b, counts);
    yield counts;
  }
}
function drawCounts(random, seed, b, counts) {
  random.reseed(seed, b + 1);
  random.multinomial(counts, counts.length);
}
var SLOTS = 4;
var WAIT_MS = 12e4;
var START_MS = 15e3;
var AHEAD_WORKER = new URL("./bootstrap-worker.mjs", import.meta.url);
function* multinomialAhead(seed, cells, resamples, worker = AHEAD_WORKER) {
  const data = {
    job: "ahead",
    flags: new Int32Array(new SharedArrayBuffer(4 * (SLOTS + 2))),
    counts: new SharedArrayBuffer(SLOTS * cells),
    seed,
    cells,
    resamples,
    slots: SLOTS
  };
  const { flags, counts } = data;
  const thread = startThread(worker, data);
  let b = 0;
  if (thread) {
    const waitFor = (index, value, ms) => {
      while (Atomics.load(flags, index) !== value) {
        if (Atomics.load(flags, SLOTS) === -1) return false;
        if (Atomics.wait(flags, index, Atomics.load(flags, index), ms) === "timed-out") return false;
      }
      return true;
    };
    try {
      if (waitFor(SLOTS + 1, 1, START_MS)) {
        for (; b < resamples; b++) {
          const slot = b % SLOTS;
          if (!waitFor(slot, 1, WAIT_MS)) break;
          yield new Uint8Array(counts, slot * cells, cells);
          Atomics.store(flags, slot, 0);
          Atomics.notify(flags, slot);
        }
      }
    } finally {
      void thread.terminate();
    }
  }
  const random = new Random(seed);
  const own = new Uint8Array(cells);
  for (; b < resamples; b++) {
    drawCounts(random, seed, b, own);
    yield own;
  }
}
function startThread(worker, data) {
  let thread = null;
  try {
    if (existsSync(fileURLToPath(worker))) thread = new Worker(worker, { workerData: data });
  } catch {
    return null;
  }
  if (thread) {
    thread.unref();
    thread.on("error", () => {
    });
  }
  return thread;
}

export {
  Random,
  multinomialInTurn,
  drawCounts,
  AHEAD_WORKER,
  multinomialAhead,
  startThread
};
