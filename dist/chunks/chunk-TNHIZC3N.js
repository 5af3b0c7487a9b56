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
  /** Where refinePoisson is due after a pass of poisson(): weights[at[k]] from 16-bit index cell[k]. */
  refineAt = new Int32Array(1024);
  refineCell = new Int32Array(1024);
  /**
   * Fills `weights` with independent Poisson(1) draws from this stream: the Poisson bootstrap,
   * where each unit's weight is Poisson(1) instead of its count among n draws with replacement. Two
   * weights from each 32-bit draw, no scatter into the array: several times faster than multinomial
   * counts, and the same bootstrap as n grows (the counts are multinomial given their total, which is
   * Poisson(n)). A weight never exceeds 255: the largest value a 48-bit uniform reaches is about 20.
   * The rare draws that need more bits are noted and refined after the pass, from the same stream.
   * Drawing [start, end) with end - start odd may overwrite weights[end] (see drawWeights's blocks).
   */
  poisson(weights, start = 0, end = weights.length) {
    const st = this.state;
    const table = POISSON_TABLE;
    let refines = 0;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    let i = start;
    for (; i < end; i += 2) {
      const x = Math.imul(s1, 5);
      const r = Math.imul(x << 7 | x >>> 25, 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = s3 << 11 | s3 >>> 21;
      const a = table[r & 65535];
      const b = table[r >>> 16];
      weights[i] = a;
      weights[i + 1] = b;
      if (a === REFINE || b === REFINE) refines = this.noteRefines(refines, i, r, end);
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
    const refineAt = this.refineAt;
    const refineCell = this.refineCell;
    for (let k = 0; k < refines; k++) weights[refineAt[k]] = refinePoisson(refineCell[k], this.next());
  }
  /** Notes the weights of draw r at i, i + 1 (before `end`) that need refining; the new count. */
  noteRefines(refines, i, r, end) {
    if (refines + 2 > this.refineAt.length) {
      this.refineAt = grown(this.refineAt);
      this.refineCell = grown(this.refineCell);
    }
    if (POISSON_TABLE[r & 65535] === REFINE) {
      this.refineAt[refines] = i;
      this.refineCell[refines++] = r & 65535;
    }
    if (i + 1 < end && POISSON_TABLE[r >>> 16] === REFINE) {
      this.refineAt[refines] = i + 1;
      this.refineCell[refines++] = r >>> 16;
    }
    return refines;
  }
};
var REFINE = 255;
var POISSON_CDF = (() => {
  const cdf = [];
  let term = Math.exp(-1);
  let sum = 0;
  for (let k = 0; sum < 1 && k < 40; k++) {
    sum += term;
    cdf.push(Math.min(sum, 1));
    term /= k + 1;
  }
  cdf[cdf.length - 1] = 1;
  return Float64Array.from(cdf);
})();
function poissonOf(u) {
  let k = 0;
  while (k < POISSON_CDF.length - 1 && u >= POISSON_CDF[k]) k++;
  return k;
}
var POISSON_TABLE = (() => {
  const table = new Uint8Array(65536);
  for (let j = 0; j < 65536; j++) {
    const low = poissonOf(j / 65536);
    const high = poissonOf((j + 1) / 65536 - 2 ** -52);
    table[j] = low === high ? low : REFINE;
  }
  return table;
})();
function refinePoisson(j, r) {
  return poissonOf((j + r * 23283064365386963e-26) * 152587890625e-16);
}
function grown(a) {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}
function* weightsInTurn(seed, cells, resamples) {
  const counts = new Uint8Array(cells);
  const random = new Random(seed);
  for (let b = 0; b < resamples; b++) {
    drawWeights(random, seed, b, counts);
    yield counts;
  }
}
function drawWeights(random, seed, b, counts) {
  random.reseed(seed, b + 1);
  for (let start = 0; start < counts.length; start += WEIGHT_BLOCK) random.poisson(counts, start, Math.min(start + WEIGHT_BLOCK, counts.length));
}
var WEIGHT_BLOCK = 4096;
var SLOTS = 4;
var WAIT_MS = 12e4;
var START_MS = 15e3;
var AHEAD_WORKER = new URL("./bootstrap-worker.mjs", import.meta.url);
function* weightsAhead(seed, cells, resamples, worker = AHEAD_WORKER) {
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
    drawWeights(random, seed, b, own);
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
  weightsInTurn,
  drawWeights,
  WEIGHT_BLOCK,
  AHEAD_WORKER,
  weightsAhead,
  startThread
};
