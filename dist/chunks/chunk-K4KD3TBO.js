import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  CsvError,
  JSON_LINES,
  checkHeader,
  forEachJsonLineOrLatin1,
  scanFile
} from "./chunk-67YTMMAY.js";
import {
  formatNumber,
  markdownText
} from "./chunk-5M42D7ZX.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";

// src/engine/profile.ts
import path from "node:path";

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
    const table = poissonTable();
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
    const table = poissonTable();
    if (table[r & 65535] === REFINE) {
      this.refineAt[refines] = i;
      this.refineCell[refines++] = r & 65535;
    }
    if (i + 1 < end && table[r >>> 16] === REFINE) {
      this.refineAt[refines] = i + 1;
      this.refineCell[refines++] = r >>> 16;
    }
    return refines;
  }
};
var REFINE = 255;
var MAX_WEIGHT = 18;
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
  if (cdf.length - 1 > MAX_WEIGHT) throw new Error(`Poisson(1) weights reach ${cdf.length - 1}, above MAX_WEIGHT`);
  return Float64Array.from(cdf);
})();
function poissonOf(u) {
  let k = 0;
  while (k < POISSON_CDF.length - 1 && u >= POISSON_CDF[k]) k++;
  return k;
}
var POISSON_TABLE = null;
function poissonTable() {
  return POISSON_TABLE ??= buildPoissonTable();
}
function buildPoissonTable() {
  const table = new Uint8Array(65536);
  for (let j = 0; j < 65536; j++) {
    const low = poissonOf(j / 65536);
    const high = poissonOf((j + 1) / 65536 - 2 ** -52);
    table[j] = low === high ? low : REFINE;
  }
  return table;
}
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

// src/engine/profile.ts
var SAMPLE_SIZE = 2e3;
var PROFILE_VALUE_BUDGET = 2e5;
var MIN_SAMPLE = 200;
function thinSorted(sample, size) {
  if (sample.length <= size) return sample;
  return Array.from({ length: size }, (_, i) => sample[Math.floor((i + 0.5) * sample.length / size)]);
}
function fitBudget(profile) {
  const numbers = Object.values(profile.inputs).flatMap((i) => Object.values(i.columns).filter((c) => c.kind === "number"));
  const kept = numbers.reduce((sum, c) => sum + c.sample.length, 0);
  if (kept <= PROFILE_VALUE_BUDGET) return;
  const share = Math.max(MIN_SAMPLE, Math.floor(PROFILE_VALUE_BUDGET / numbers.length));
  for (const column of numbers) {
    if (column.sample.length <= share) continue;
    column.sample = thinSorted(column.sample, share);
    column.exact = false;
  }
  profile.sampleSize = Math.min(profile.sampleSize, share);
}
var TOP_K = 50;
var MAX_DISTINCT = 1e4;
var MAX_NUMBER_VALUES = 1e3;
var SAMPLE_SEED = 24301;
var PSI_BINS = 10;
function quantileSorted(sorted, q) {
  const n = sorted.length;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const t = h - lo;
  const a = sorted[lo];
  const b = sorted[Math.min(lo + 1, n - 1)];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
function psiEdges(sorted) {
  if (sorted.length === 0) return new Float64Array(0);
  const edges = [];
  for (let j = 1; j < PSI_BINS; j++) {
    const e = quantileSorted(sorted, j / PSI_BINS);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  return Float64Array.from(edges);
}
function binOf(edges, v) {
  let k = 0;
  while (k < edges.length && edges[k] <= v) k++;
  return k;
}
function numberCounts(reference) {
  const distinct = [];
  for (const v of reference.sample) if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v);
  return {
    distinct: Float64Array.from(distinct),
    below: new Float64Array(distinct.length + 1),
    equal: new Float64Array(distinct.length),
    edges: psiEdges(reference.sample),
    bins: new Float64Array(0)
  };
}
var SCALE_DOWN = 2 ** -600;
var ColumnStats = class {
  constructor(random, reference) {
    this.random = random;
    if (reference?.kind === "number" && reference.sample.length > 0) {
      this.counts = numberCounts(reference);
      this.counts.bins = new Float64Array(this.counts.edges.length + 1);
    }
  }
  random;
  cells = 0;
  missing = 0;
  numbers = 0;
  mean = 0;
  m2 = 0;
  /** The same running mean and squares of the numbers times SCALE_DOWN, for values whose squares overflow (1e300). */
  scaledMean = 0;
  scaledM2 = 0;
  min = Infinity;
  max = -Infinity;
  texts = 0;
  sample = new Float64Array(SAMPLE_SIZE);
  numberValues = /* @__PURE__ */ new Map();
  categories = /* @__PURE__ */ new Map();
  uncounted = 0;
  counts = null;
  addMissing() {
    this.cells++;
    this.missing++;
  }
  addNumber(v) {
    this.cells++;
    const seen = this.numbers++;
    const delta = v - this.mean;
    this.mean += delta / this.numbers;
    this.m2 += delta * (v - this.mean);
    const scaled = v * SCALE_DOWN;
    const scaledDelta = scaled - this.scaledMean;
    this.scaledMean += scaledDelta / this.numbers;
    this.scaledM2 += scaledDelta * (scaled - this.scaledMean);
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (seen < SAMPLE_SIZE) this.sample[seen] = v;
    else {
      const j = this.random.below(seen + 1);
      if (j < SAMPLE_SIZE) this.sample[j] = v;
    }
    const values = this.numberValues;
    if (values !== null) {
      values.set(v, (values.get(v) ?? 0) + 1);
      if (values.size > MAX_NUMBER_VALUES) this.numberValues = null;
    }
    const counts = this.counts;
    if (counts !== null) {
      const u = counts.distinct;
      let lo = 0;
      let hi = u.length;
      while (lo < hi) {
        const mid = lo + hi >>> 1;
        if (u[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      if (lo < u.length && u[lo] === v) counts.equal[lo]++;
      else counts.below[lo]++;
      counts.bins[binOf(counts.edges, v)]++;
    }
  }
  addText(value) {
    this.cells++;
    this.texts++;
    const known = this.categories.get(value);
    if (known !== void 0) this.categories.set(value, known + 1);
    else if (this.categories.size < MAX_DISTINCT) this.categories.set(value, 1);
    else this.uncounted++;
  }
  /** The column's values as categories: a column of text and numbers counts its numbers by their value. */
  categoryCounts() {
    const counts = new Map(this.categories);
    let uncounted = this.uncounted;
    if (this.numbers > 0) {
      if (this.numberValues === null) uncounted += this.numbers;
      else for (const [v, n] of this.numberValues) counts.set(String(v), (counts.get(String(v)) ?? 0) + n);
    }
    return { counts, uncounted };
  }
  /**
   * Mean and sample standard deviation. Numbers near the largest double (a sentinel such as 1e300)
   * overflow the squares: those are taken from the scaled sums, exact to rounding; a deviation beyond
   * the largest double (values spread over the whole range) is the largest double.
   */
  moments() {
    const n = this.numbers;
    let mean = this.mean;
    let std = n > 1 ? Math.sqrt(this.m2 / (n - 1)) : 0;
    if (!Number.isFinite(mean)) mean = this.scaledMean / SCALE_DOWN;
    if (!Number.isFinite(std)) std = Math.min(Math.sqrt(this.scaledM2 / (n - 1)) / SCALE_DOWN, Number.MAX_VALUE);
    return { mean, std };
  }
  finish() {
    if (this.texts === 0 && this.numbers > 0) {
      const kept = Math.min(this.numbers, SAMPLE_SIZE);
      const sample = Array.from(this.sample.subarray(0, kept)).sort((a, b) => a - b);
      return {
        kind: "number",
        count: this.cells,
        missing: this.missing,
        min: this.min,
        max: this.max,
        ...this.moments(),
        sample,
        exact: this.numbers <= SAMPLE_SIZE
      };
    }
    const { counts, uncounted } = this.categoryCounts();
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const top = ranked.slice(0, TOP_K).map(([value, count]) => ({ value, count }));
    const other = ranked.slice(TOP_K).reduce((s, [, n]) => s + n, uncounted);
    return { kind: "category", count: this.cells, missing: this.missing, distinct: counts.size, top, other };
  }
};
var CSV = /\.(csv)$/i;
var InputProfiler = class {
  constructor(reference) {
    this.reference = reference;
  }
  reference;
  random = new Random(SAMPLE_SEED);
  columns = /* @__PURE__ */ new Map();
  rows = 0;
  column(name) {
    let stats = this.columns.get(name);
    if (stats === void 0) {
      stats = new ColumnStats(this.random, this.reference?.columns[name]);
      for (let r = 0; r < this.rows; r++) stats.addMissing();
      this.columns.set(name, stats);
    }
    return stats;
  }
  async csv(file, shown) {
    let header = null;
    let width = 0;
    let absent = [];
    await scanFile(file, (scanner) => {
      scanner.latin1 = true;
      if (header === null) {
        const names = Array.from({ length: scanner.count }, (_, c) => scanner.text(c).trim());
        checkHeader(names, shown, scanner.recordLine);
        const columns2 = names.map((name) => this.column(name));
        absent = [...this.columns.values()].filter((s) => !columns2.includes(s));
        header = columns2;
        width = names.length;
        return;
      }
      if (scanner.count !== width) throw scanner.widthError(shown, width);
      const columns = header;
      for (let c = 0; c < width; c++) {
        const s = columns[c];
        const v = scanner.number(c);
        if (v === null) s.addMissing();
        else if (v === void 0) s.addText(scanner.text(c).trim());
        else s.addNumber(v);
      }
      this.rows++;
      for (const s of absent) s.addMissing();
    });
    if (header === null) throw new CsvError(`${shown}: the file is empty; a CSV file starts with a header row naming its columns`);
  }
  async jsonLines(file, shown) {
    await forEachJsonLineOrLatin1(file, shown, (record) => {
      const present2 = /* @__PURE__ */ new Set();
      for (const [name, value] of Object.entries(record)) {
        const s = this.column(name);
        present2.add(s);
        if (value === null || value === "") s.addMissing();
        else if (typeof value === "number") {
          if (Number.isFinite(value)) s.addNumber(value);
          else s.addText(String(value));
        } else if (typeof value === "string") s.addText(value);
        else s.addText(typeof value === "boolean" ? String(value) : JSON.stringify(value));
      }
      this.rows++;
      for (const [, s] of this.columns) if (!present2.has(s)) s.addMissing();
    });
  }
  finish() {
    const columns = {};
    const counts = /* @__PURE__ */ new Map();
    const categories = /* @__PURE__ */ new Map();
    for (const [name, s] of this.columns) {
      columns[name] = s.finish();
      if (s.counts !== null) counts.set(name, s.counts);
      if (this.reference?.columns[name]?.kind === "category") categories.set(name, s.categoryCounts());
    }
    return { profile: { rows: this.rows, columns }, counts, categories };
  }
};
async function profileInput(root, input, reference) {
  const other = input.absolutePaths.filter((f) => !CSV.test(f) && !JSON_LINES.test(f));
  if (other.length > 0) {
    const shown = path.relative(root, other[0]) || other[0];
    return {
      profile: { rows: 0, columns: {}, skipped: `holds files that are neither CSV nor JSON Lines (${shown})` },
      counts: /* @__PURE__ */ new Map(),
      categories: /* @__PURE__ */ new Map()
    };
  }
  const profiler = new InputProfiler(reference);
  for (const file of input.absolutePaths) {
    const shown = path.relative(root, file) || file;
    try {
      if (CSV.test(file)) await profiler.csv(file, shown);
      else await profiler.jsonLines(file, shown);
    } catch (err) {
      if (err instanceof CsvError) throw new InputError([{ message: `data input ${input.name}: ${err.message.replace(`${file}:`, `${shown}:`)}` }], "bad-data");
      throw err;
    }
  }
  return profiler.finish();
}
async function profileData(root, inputs, references = {}) {
  const profile = { version: 1, sampleSize: SAMPLE_SIZE, topK: TOP_K, inputs: {} };
  const passes = /* @__PURE__ */ new Map();
  for (const input of inputs) {
    const pass = await profileInput(root, input, references[input.name]);
    profile.inputs[input.name] = pass.profile;
    passes.set(input.name, pass);
  }
  fitBudget(profile);
  return { profile, passes };
}

// src/engine/drift.ts
var PSI_FLOOR = 1e-4;
function psi(reference, current) {
  let sum = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i], PSI_FLOOR);
    const c = Math.max(current[i], PSI_FLOOR);
    sum += (c - r) * Math.log(c / r);
  }
  return sum;
}
function kolmogorovSf(x) {
  if (!(x > 0)) return 1;
  if (x < 1) {
    const w = Math.PI * Math.PI / (8 * x * x);
    let sum2 = 0;
    for (let k = 1; k <= 50; k++) {
      const term = Math.exp(-(2 * k - 1) * (2 * k - 1) * w);
      sum2 += term;
      if (term < 1e-300) break;
    }
    return Math.min(1, Math.max(0, 1 - Math.sqrt(2 * Math.PI) / x * sum2));
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * x * x);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-300) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
function upperGamma(a, x) {
  if (x <= 0) return 1;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1e4; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.min(1, Math.max(0, 1 - sum * Math.exp(lead)));
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e4; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.min(1, Math.max(0, Math.exp(lead) * h));
}
function chiSquare(reference, current) {
  const cells = reference.map((r, i) => [r, current[i]]).filter(([r, c]) => r + c > 0);
  if (cells.length < 2) return { statistic: 0, dof: 0, pValue: 1 };
  const rowR = cells.reduce((s, [r]) => s + r, 0);
  const rowC = cells.reduce((s, [, c]) => s + c, 0);
  const total = rowR + rowC;
  let statistic = 0;
  for (const [r, c] of cells) {
    const col = r + c;
    const er = rowR * col / total;
    const ec = rowC * col / total;
    statistic += (r - er) * (r - er) / er + (c - ec) * (c - ec) / ec;
  }
  const dof = cells.length - 1;
  return { statistic, dof, pValue: upperGamma(dof / 2, statistic / 2) };
}
function ksFromCounts(sample, counts) {
  const n1 = sample.length;
  let n2 = 0;
  for (const v of counts.below) n2 += v;
  for (const v of counts.equal) n2 += v;
  if (n1 === 0 || n2 === 0) return { statistic: 0, n1, n2 };
  let refCum = 0;
  let curCum = 0;
  let d = 0;
  let s = 0;
  const u = counts.distinct;
  for (let i = 0; i < u.length; i++) {
    curCum += counts.below[i];
    if (counts.below[i] > 0) d = Math.max(d, Math.abs(refCum / n1 - curCum / n2));
    while (s < n1 && sample[s] === u[i]) {
      refCum++;
      s++;
    }
    curCum += counts.equal[i];
    d = Math.max(d, Math.abs(refCum / n1 - curCum / n2));
  }
  return { statistic: d, n1, n2 };
}
function numberBins(edges) {
  const f = formatNumber;
  if (edges.length === 0) return ["all"];
  return Array.from(
    { length: edges.length + 1 },
    (_, k) => k === 0 ? `< ${f(edges[0])}` : k === edges.length ? `\u2265 ${f(edges[k - 1])}` : `${f(edges[k - 1])} \u2013 ${f(edges[k])}`
  );
}
function shares(counts) {
  const total = counts.reduce((s, v) => s + v, 0);
  return counts.map((c) => total > 0 ? c / total : 0);
}
function compareNumbers(column, reference, current, counts, t) {
  const edges = psiEdges(reference.sample);
  const refBins = new Array(edges.length + 1).fill(0);
  for (const v of reference.sample) refBins[binOf(edges, v)]++;
  const refShares = shares(refBins);
  const curShares = shares(Array.from(counts.bins));
  const value = psi(refShares, curShares);
  const ks = ksFromCounts(reference.sample, counts);
  const pValue = kolmogorovSf(ks.statistic * Math.sqrt(ks.n1 * ks.n2 / (ks.n1 + ks.n2)));
  const reasons = [];
  if (value > t.psi) reasons.push(`PSI ${formatNumber(value)} > ${formatNumber(t.psi)}`);
  if (pValue < t.ksP) reasons.push(`KS p ${formatNumber(pValue)} < ${formatNumber(t.ksP)}`);
  const labels = numberBins(edges);
  return {
    column,
    kind: "number",
    psi: value,
    ks: { statistic: ks.statistic, pValue, referenceSize: ks.n1, currentSize: ks.n2 },
    chi2: null,
    drifted: reasons.length > 0,
    reasons,
    mean: { reference: reference.mean, current: current.mean },
    bins: labels.map((label, k) => ({ label, reference: refShares[k], current: curShares[k] }))
  };
}
function compareCategories(column, reference, current, t) {
  const seen = current.categories.get(column) ?? { counts: /* @__PURE__ */ new Map(), uncounted: 0 };
  const labels = reference.top.map((e) => e.value);
  const refCounts = reference.top.map((e) => e.count);
  const curCounts = labels.map((v) => seen.counts.get(v) ?? 0);
  const known = new Set(labels);
  let curOther = seen.uncounted;
  const added = [];
  for (const [v, n] of seen.counts) {
    if (known.has(v)) continue;
    if (reference.other === 0 && seen.uncounted === 0) added.push([v, n]);
    else curOther += n;
  }
  added.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [v, n] of added) {
    labels.push(v);
    refCounts.push(0);
    curCounts.push(n);
  }
  if (reference.other > 0 || curOther > 0) {
    labels.push("(other)");
    refCounts.push(reference.other);
    curCounts.push(curOther);
  }
  const keep = labels.map((_, i) => refCounts[i] + curCounts[i] > 0);
  const l = labels.filter((_, i) => keep[i]);
  const r = refCounts.filter((_, i) => keep[i]);
  const c = curCounts.filter((_, i) => keep[i]);
  const refShares = shares(r);
  const curShares = shares(c);
  const value = psi(refShares, curShares);
  const chi2 = chiSquare(r, c);
  const reasons = [];
  if (value > t.psi) reasons.push(`PSI ${formatNumber(value)} > ${formatNumber(t.psi)}`);
  if (chi2.pValue < t.chi2P) reasons.push(`chi-square p ${formatNumber(chi2.pValue)} < ${formatNumber(t.chi2P)}`);
  return {
    column,
    kind: "category",
    psi: value,
    ks: null,
    chi2,
    drifted: reasons.length > 0,
    reasons,
    mean: null,
    bins: l.map((label, k) => ({ label, reference: refShares[k], current: curShares[k] }))
  };
}
function unmatched(column, kind, reason) {
  return { column, kind, psi: null, ks: null, chi2: null, drifted: true, reasons: [reason], mean: null, bins: [] };
}
function present(c) {
  return c.count - c.missing;
}
function compareInput(name, reference, pass, t) {
  const current = pass.profile;
  const base = { input: name, referenceRows: reference?.rows ?? 0, currentRows: current.rows };
  if (!reference) return { ...base, skipped: "the champion's profile has no such input", features: [] };
  if (current.skipped && !reference.skipped) {
    const reason = `the new data is not read: it ${current.skipped}`;
    return { ...base, skipped: reason, features: Object.keys(reference.columns).map((column) => unmatched(column, "missing", reason)) };
  }
  if (reference.skipped || current.skipped) return { ...base, skipped: `not profiled: it ${reference.skipped ?? current.skipped}`, features: [] };
  const features = [];
  for (const [column, ref] of Object.entries(reference.columns)) {
    const cur = current.columns[column];
    if (cur === void 0) {
      features.push(unmatched(column, "missing", "the column is gone from the new data"));
      continue;
    }
    if (present(ref) > 0 && present(cur) === 0) {
      features.push(unmatched(column, "missing", current.rows === 0 ? "the new data has no rows" : "every value is missing in the new data"));
      continue;
    }
    if (ref.kind === "number") {
      if (present(ref) === 0) continue;
      const counts = pass.counts.get(column);
      if (cur.kind !== "number" || counts === void 0) features.push(unmatched(column, "changed", "numbers before, text now"));
      else features.push(compareNumbers(column, ref, cur, counts, t));
    } else if (present(ref) > 0 || present(cur) > 0) features.push(compareCategories(column, ref, pass, t));
  }
  return { ...base, features };
}
function driftTable(report, table) {
  const f = (n) => n === null || n === void 0 ? "\u2014" : formatNumber(n);
  const rows = report.inputs.flatMap(
    (i) => [...i.features].sort((a, b) => Number(b.drifted) - Number(a.drifted)).map((x) => [
      i.input,
      x.column,
      x.kind,
      f(x.psi),
      x.ks ? `${f(x.ks.statistic)} (p ${f(x.ks.pValue)})` : "\u2014",
      x.chi2 ? `${f(x.chi2.statistic)} (p ${f(x.chi2.pValue)})` : "\u2014",
      x.drifted ? `**drifted**: ${x.reasons.join("; ")}` : "no"
    ])
  );
  const skipped = report.inputs.filter((i) => i.skipped).map((i) => `- ${i.input}: ${markdownText(i.skipped)}`);
  const t = report.thresholds;
  return [
    `Drift against the champion (version ${report.championVersion}): ${report.drifted ? "**drifted**" : "nothing drifted"} (thresholds: PSI > ${f(t.psi)}, KS p < ${f(t.ksP)}, chi-square p < ${f(t.chi2P)})`,
    "",
    table(["input", "feature", "kind", "PSI", "KS D", "chi-square", "drifted"], rows),
    ...skipped.length ? ["", ...skipped] : []
  ].join("\n");
}

export {
  Random,
  MAX_WEIGHT,
  weightsInTurn,
  drawWeights,
  WEIGHT_BLOCK,
  AHEAD_WORKER,
  weightsAhead,
  startThread,
  profileData,
  PSI_FLOOR,
  psi,
  kolmogorovSf,
  logGamma,
  upperGamma,
  chiSquare,
  ksFromCounts,
  compareInput,
  driftTable
};
