// src/metrics/bootstrap-worker.ts
import { workerData } from "node:worker_threads";

// src/metrics/kernels.ts
var EPS = Number.EPSILON;
function pairedMeans(w, x, y, out) {
  const n = x.length;
  const tail = n - n % 4;
  let t0 = 0;
  let t1 = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let u0 = 0;
  let u1 = 0;
  let u2 = 0;
  let u3 = 0;
  for (let i = 0; i < tail; i += 4) {
    const a = w[i];
    const b = w[i + 1];
    const c = w[i + 2];
    const d = w[i + 3];
    t0 += a + b;
    t1 += c + d;
    s0 += a * x[i];
    s1 += b * x[i + 1];
    s2 += c * x[i + 2];
    s3 += d * x[i + 3];
    u0 += a * y[i];
    u1 += b * y[i + 1];
    u2 += c * y[i + 2];
    u3 += d * y[i + 3];
  }
  for (let i = tail; i < n; i++) {
    t0 += w[i];
    s0 += w[i] * x[i];
    u0 += w[i] * y[i];
  }
  const total = t0 + t1;
  out[0] = total > 0 ? (s0 + s1 + (s2 + s3)) / total : Number.NaN;
  out[1] = total > 0 ? (u0 + u1 + (u2 + u3)) / total : Number.NaN;
}
function rankSums(w, sortedPositive, out) {
  const n = sortedPositive.length;
  const half = n >>> 1;
  let pairs0 = 0;
  let negatives0 = 0;
  let positives0 = 0;
  let pairs1 = 0;
  let negatives1 = 0;
  let positives1 = 0;
  for (let i = 0; i < half; i++) {
    const x = w[i];
    const p = x * sortedPositive[i];
    pairs0 += p * negatives0;
    negatives0 += x - p;
    positives0 += p;
    const y = w[half + i];
    const q = y * sortedPositive[half + i];
    pairs1 += q * negatives1;
    negatives1 += y - q;
    positives1 += q;
  }
  for (let i = 2 * half; i < n; i++) {
    const y = w[i];
    const q = y * sortedPositive[i];
    pairs1 += q * negatives1;
    negatives1 += y - q;
    positives1 += q;
  }
  out[0] = pairs0 + pairs1 + positives1 * negatives0;
  out[1] = negatives0 + negatives1;
  out[2] = positives0 + positives1;
}
function rankSumsThrough(w, order, sortedPositive, out) {
  const n = order.length;
  const half = n >>> 1;
  let pairs0 = 0;
  let negatives0 = 0;
  let positives0 = 0;
  let pairs1 = 0;
  let negatives1 = 0;
  let positives1 = 0;
  for (let i = 0; i < half; i++) {
    const x = w[order[i]];
    const p = x * sortedPositive[i];
    pairs0 += p * negatives0;
    negatives0 += x - p;
    positives0 += p;
    const y = w[order[half + i]];
    const q = y * sortedPositive[half + i];
    pairs1 += q * negatives1;
    negatives1 += y - q;
    positives1 += q;
  }
  for (let i = 2 * half; i < n; i++) {
    const y = w[order[i]];
    const q = y * sortedPositive[i];
    pairs1 += q * negatives1;
    negatives1 += y - q;
    positives1 += q;
  }
  out[0] = pairs0 + pairs1 + positives1 * negatives0;
  out[1] = negatives0 + negatives1;
  out[2] = positives0 + positives1;
}
function rankSumsByGroup(w, order, sortedPositive, groups, out) {
  let pairs = 0;
  let below = 0;
  let positives = 0;
  let start = 0;
  for (let g = 0; g < groups.length; g++) {
    const end = groups[g];
    let p0 = 0;
    let x0 = 0;
    let p1 = 0;
    let x1 = 0;
    let i = start;
    if (order) {
      for (; i + 1 < end; i += 2) {
        const a = w[order[i]];
        const b = w[order[i + 1]];
        x0 += a;
        p0 += a * sortedPositive[i];
        x1 += b;
        p1 += b * sortedPositive[i + 1];
      }
      if (i < end) {
        const a = w[order[i]];
        x0 += a;
        p0 += a * sortedPositive[i];
      }
    } else {
      for (; i + 1 < end; i += 2) {
        const a = w[i];
        const b = w[i + 1];
        x0 += a;
        p0 += a * sortedPositive[i];
        x1 += b;
        p1 += b * sortedPositive[i + 1];
      }
      if (i < end) {
        const a = w[i];
        x0 += a;
        p0 += a * sortedPositive[i];
      }
    }
    const groupPositives = p0 + p1;
    const groupNegatives = x0 + x1 - groupPositives;
    pairs += groupPositives * (below + 0.5 * groupNegatives);
    below += groupNegatives;
    positives += groupPositives;
    start = end;
  }
  out[0] = pairs;
  out[1] = below;
  out[2] = positives;
}
function aucPass(w, shape, sums) {
  const { order, positive: sortedPositive, runs } = shape;
  if (shape.groups) rankSumsByGroup(w, order, sortedPositive, shape.groups, sums);
  else if (order) rankSumsThrough(w, order, sortedPositive, sums);
  else rankSums(w, sortedPositive, sums);
  let pairs = sums[0];
  for (let r = 0; r < runs.length; r += 2) {
    let tiedPositives = 0;
    let tiedNegatives = 0;
    for (let i = runs[r]; i < runs[r + 1]; i++) {
      const x = order ? w[order[i]] : w[i];
      tiedPositives += x * sortedPositive[i];
      tiedNegatives += x * (1 - sortedPositive[i]);
    }
    pairs -= 0.5 * tiedPositives * tiedNegatives;
  }
  sums[0] = pairs;
  const negatives = sums[1];
  const positives = sums[2];
  return positives > 0 && negatives > 0 ? pairs / (positives * negatives) : Number.NaN;
}

// src/metrics/random.ts
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
function drawCounts(random, seed, b, counts) {
  random.reseed(seed, b + 1);
  random.multinomial(counts, counts.length);
}
var AHEAD_WORKER = new URL("./bootstrap-worker.mjs", import.meta.url);

// src/metrics/resample-plan.ts
var PlanRunner = class {
  constructor(plan) {
    this.plan = plan;
    this.counts = new Uint8Array(plan.units);
    this.weights = plan.unitOf ? new Uint8Array(plan.n) : this.counts;
    this.scratch = plan.metrics.map((m) => m.rows ? new Uint8Array(m.rows.length) : this.weights);
  }
  plan;
  random = new Random(0);
  counts;
  weights;
  scratch;
  pair = new Float64Array(2);
  sums = new Float64Array(3);
  /** Evaluates resample b into `control.values` and marks it done. */
  run(b, control) {
    const { plan, counts, weights } = this;
    drawCounts(this.random, plan.seed, b, counts);
    if (plan.unitOf) {
      const unitOf = plan.unitOf;
      for (let i = 0; i < weights.length; i++) weights[i] = counts[unitOf[i]];
    }
    const k0 = b * plan.metrics.length * 2;
    for (let k = 0; k < plan.metrics.length; k++) {
      const m = plan.metrics[k];
      let w = weights;
      if (m.rows) {
        w = this.scratch[k];
        const rows = m.rows;
        for (let i = 0; i < rows.length; i++) w[i] = weights[rows[i]];
      }
      this.evaluatePair(m, w);
      control.values[k0 + 2 * k] = this.pair[0];
      control.values[k0 + 2 * k + 1] = this.pair[1];
    }
    Atomics.store(control.done, b, 1);
    Atomics.notify(control.done, b);
  }
  /** Claims and runs resamples until every index is claimed; returns how many this thread ran. */
  runAll(control) {
    let ran = 0;
    for (; ; ) {
      const b = Atomics.add(control.counter, 0, 1);
      if (b >= this.plan.resamples) return ran;
      this.run(b, control);
      ran++;
    }
  }
  evaluatePair(m, w) {
    const { candidate, baseline } = m;
    if (candidate.kind === "mean" && baseline.kind === "mean") {
      pairedMeans(w, candidate.values, baseline.values, this.pair);
      return;
    }
    this.pair[0] = evaluateShape(candidate, w, this.sums);
    this.pair[1] = evaluateShape(baseline, w, this.sums);
  }
};
function evaluateShape(shape, w, sums) {
  if (shape.kind === "mean") {
    pairedMeans(w, shape.values, shape.values, sums);
    return sums[0];
  }
  return aucPass(w, shape, sums);
}

// src/metrics/bootstrap-worker.ts
var data = workerData;
if (data.job === "plan") {
  try {
    new PlanRunner(data.plan).runAll(data.control);
  } catch {
    Atomics.add(data.control.counter, 1, 1);
    for (let b = 0; b < data.plan.resamples; b++) Atomics.notify(data.control.done, b);
  }
} else {
  const { flags, counts, seed, cells, resamples, slots } = data;
  const END = slots;
  const STARTED = slots + 1;
  Atomics.store(flags, STARTED, 1);
  Atomics.notify(flags, STARTED);
  try {
    const random = new Random(0);
    for (let b = 0; b < resamples; b++) {
      const slot = b % slots;
      while (Atomics.load(flags, slot) !== 0) Atomics.wait(flags, slot, 1);
      drawCounts(random, seed, b, new Uint8Array(counts, slot * cells, cells));
      Atomics.store(flags, slot, 1);
      Atomics.notify(flags, slot);
    }
    Atomics.store(flags, END, 1);
  } catch {
    Atomics.store(flags, END, -1);
  }
  Atomics.notify(flags, END);
  for (let slot = 0; slot < slots; slot++) Atomics.notify(flags, slot);
}
