// src/metrics/bootstrap-worker.ts
import { workerData } from "node:worker_threads";

// src/metrics/random.ts
var Random = class {
  state = new Int32Array(4);
  constructor(seed) {
    let s = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      s = s + 2654435769 | 0;
      let z = s;
      z = Math.imul(z ^ z >>> 16, 2246822507);
      z = Math.imul(z ^ z >>> 13, 3266489909);
      this.state[i] = z ^ z >>> 16;
    }
    if (this.state.every((v) => v === 0)) this.state[0] = 1;
  }
  /** The generator's position, to continue its stream elsewhere (another thread). */
  saveState() {
    return this.state.slice();
  }
  restoreState(state2) {
    this.state.set(state2);
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
  multinomial(counts2, draws) {
    counts2.fill(0);
    const st = this.state;
    const pending = this.pending;
    let s0 = st[0];
    let s1 = st[1];
    let s2 = st[2];
    let s3 = st[3];
    const n = counts2.length;
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
      for (let i = 0; i < batch; i++) counts2[pending[i]]++;
      drawn += batch;
    }
    st[0] = s0;
    st[1] = s1;
    st[2] = s2;
    st[3] = s3;
  }
};
var AHEAD_WORKER = new URL("./bootstrap-worker.mjs", import.meta.url);

// src/metrics/bootstrap-worker.ts
var { flags, counts, state, cells, resamples, slots } = workerData;
var END = slots;
var STARTED = slots + 1;
Atomics.store(flags, STARTED, 1);
Atomics.notify(flags, STARTED);
try {
  const random = new Random(0);
  random.restoreState(state);
  for (let b = 0; b < resamples; b++) {
    const slot = b % slots;
    while (Atomics.load(flags, slot) !== 0) Atomics.wait(flags, slot, 1);
    random.multinomial(new Uint8Array(counts, slot * cells, cells), cells);
    Atomics.store(flags, slot, 1);
    Atomics.notify(flags, slot);
  }
  state.set(random.saveState());
  Atomics.store(flags, END, 1);
} catch {
  Atomics.store(flags, END, -1);
}
Atomics.notify(flags, END);
for (let slot = 0; slot < slots; slot++) Atomics.notify(flags, slot);
