// src/metrics/bootstrap-worker.ts
import { workerData } from "node:worker_threads";

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
function drawWeights(random, seed, b, counts) {
  random.reseed(seed, b + 1);
  for (let start = 0; start < counts.length; start += WEIGHT_BLOCK) random.poisson(counts, start, Math.min(start + WEIGHT_BLOCK, counts.length));
}
var WEIGHT_BLOCK = 4096;
var AHEAD_WORKER = new URL("./bootstrap-worker.mjs", import.meta.url);

// src/metrics/fused-pair.ts
var LABEL_BIT = 4;
var SWAR_SPAN = 2048;
if (SWAR_SPAN * MAX_WEIGHT >= 2 ** 16 || (SWAR_SPAN / 2 * MAX_WEIGHT) ** 2 >= 2 ** 31) throw new Error("SWAR_SPAN does not bound the sums of a span");
function flagsPairBlock(wa, wb, flags, start, end, accA, accB) {
  for (let from = start; from < end; from += SWAR_SPAN) {
    const to = Math.min(from + SWAR_SPAN, end);
    let total = 0;
    let bit0 = 0;
    let bit1 = 0;
    let negatives = 0;
    let pairsA = 0;
    let pairsB = 0;
    for (let i = from; i < to; i++) {
      const v = wa[i] | wb[i] << 16;
      const f = flags[i];
      total += v;
      bit0 += v & -(f & 1);
      bit1 += v & -(f >> 1 & 1);
      const p = v & -(f >> LABEL_BIT & 1);
      pairsA += (p & 65535) * (negatives & 65535);
      pairsB += (p >>> 16) * (negatives >>> 16);
      negatives += v - p;
    }
    const totalA = total & 65535;
    const totalB = total >>> 16;
    const negativesA = negatives & 65535;
    const negativesB = negatives >>> 16;
    accA[0] += totalA;
    accA[1] += bit0 & 65535;
    accA[2] += bit1 & 65535;
    accA[5] += pairsA + (totalA - negativesA) * accA[6];
    accA[6] += negativesA;
    accB[0] += totalB;
    accB[1] += bit0 >>> 16;
    accB[2] += bit1 >>> 16;
    accB[5] += pairsB + (totalB - negativesB) * accB[6];
    accB[6] += negativesB;
  }
}
function nibblesBlock(wa, wb, nibbles, start, end) {
  let any = 0;
  for (let i = start; i < end; i++) {
    const x = wa[i];
    const y = wb[i];
    nibbles[i] = x | y << 4;
    any |= x | y;
  }
  return any;
}
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
var BYTES = 16843009;
var EVEN = 16711935;
var BYTE_WORDS = Math.floor(255 / MAX_WEIGHT);
function flagsPairWords(wa, wb, flags, nibbles, from, to, accA, accB) {
  let any = 0;
  const span = SWAR_SPAN >> 2;
  for (let first = from; first < to; first += span) {
    const last = Math.min(first + span, to);
    let totalA = 0;
    let totalB = 0;
    let bit0A = 0;
    let bit0B = 0;
    let bit1A = 0;
    let bit1B = 0;
    let negativesA = 0;
    let negativesB = 0;
    let pairsA = 0;
    let pairsB = 0;
    for (let chunk = first; chunk < last; chunk += BYTE_WORDS) {
      const stop = Math.min(chunk + BYTE_WORDS, last);
      let tA = 0;
      let tB = 0;
      let b0A = 0;
      let b0B = 0;
      let b1A = 0;
      let b1B = 0;
      for (let k = chunk; k < stop; k++) {
        const a = wa[k];
        const b = wb[k];
        const f = flags[k];
        nibbles[k] = a & 252645135 | (b & 252645135) << 4;
        any |= a | b;
        const m0 = Math.imul(f & BYTES, 255);
        const m1 = Math.imul(f >>> 1 & BYTES, 255);
        const label = Math.imul(f >>> LABEL_BIT & BYTES, 255);
        tA = tA + a | 0;
        tB = tB + b | 0;
        b0A = b0A + (a & m0) | 0;
        b0B = b0B + (b & m0) | 0;
        b1A = b1A + (a & m1) | 0;
        b1B = b1B + (b & m1) | 0;
        const p = a & label;
        const q = b & label;
        const na = a - p;
        const nb = b - q;
        pairsA += (p & 255) * negativesA;
        negativesA += na & 255;
        pairsA += (p >>> 8 & 255) * negativesA;
        negativesA += na >>> 8 & 255;
        pairsA += (p >>> 16 & 255) * negativesA;
        negativesA += na >>> 16 & 255;
        pairsA += (p >>> 24) * negativesA;
        negativesA += na >>> 24;
        pairsB += (q & 255) * negativesB;
        negativesB += nb & 255;
        pairsB += (q >>> 8 & 255) * negativesB;
        negativesB += nb >>> 8 & 255;
        pairsB += (q >>> 16 & 255) * negativesB;
        negativesB += nb >>> 16 & 255;
        pairsB += (q >>> 24) * negativesB;
        negativesB += nb >>> 24;
      }
      totalA += (tA & EVEN) + (tA >>> 8 & EVEN);
      totalB += (tB & EVEN) + (tB >>> 8 & EVEN);
      bit0A += (b0A & EVEN) + (b0A >>> 8 & EVEN);
      bit0B += (b0B & EVEN) + (b0B >>> 8 & EVEN);
      bit1A += (b1A & EVEN) + (b1A >>> 8 & EVEN);
      bit1B += (b1B & EVEN) + (b1B >>> 8 & EVEN);
    }
    const sumA = (totalA & 65535) + (totalA >>> 16);
    const sumB = (totalB & 65535) + (totalB >>> 16);
    accA[0] += sumA;
    accA[1] += (bit0A & 65535) + (bit0A >>> 16);
    accA[2] += (bit1A & 65535) + (bit1A >>> 16);
    accA[5] += pairsA + (sumA - negativesA) * accA[6];
    accA[6] += negativesA;
    accB[0] += sumB;
    accB[1] += (bit0B & 65535) + (bit0B >>> 16);
    accB[2] += (bit1B & 65535) + (bit1B >>> 16);
    accB[5] += pairsB + (sumB - negativesB) * accB[6];
    accB[6] += negativesB;
  }
  return any;
}
function moreBitsPairBlock(wa, wb, flags, start, end, accA, accB) {
  let a2 = 0;
  let a3 = 0;
  let b2 = 0;
  let b3 = 0;
  for (let i = start; i < end; i++) {
    const x = wa[i];
    const y = wb[i];
    const f = flags[i];
    const m2 = -(f >> 2 & 1);
    const m3 = -(f >> 3 & 1);
    a2 += x & m2;
    a3 += x & m3;
    b2 += y & m2;
    b3 += y & m3;
  }
  accA[3] += a2;
  accA[4] += a3;
  accB[3] += b2;
  accB[4] += b3;
}
function dotsPairBlock(wa, wb, x, y, start, end, sumsA, sumsB, at, words) {
  let sa0 = 0;
  let sa1 = 0;
  let ua0 = 0;
  let ua1 = 0;
  let sb0 = 0;
  let sb1 = 0;
  let ub0 = 0;
  let ub1 = 0;
  let i = start;
  if (words) {
    const va = words[0];
    const vb = words[1];
    const last = (start >> 2) + (end - start >> 2);
    for (let k = start >> 2; k < last; k++) {
      const a = va[k];
      const c = vb[k];
      const j = 4 * k;
      const a0 = a & 255;
      const a1 = a >>> 8 & 255;
      const a2 = a >>> 16 & 255;
      const a3 = a >>> 24;
      const c0 = c & 255;
      const c1 = c >>> 8 & 255;
      const c2 = c >>> 16 & 255;
      const c3 = c >>> 24;
      const x0 = x[j];
      const x1 = x[j + 1];
      const y0 = y[j];
      const y1 = y[j + 1];
      sa0 += a0 * x0;
      sa1 += a1 * x1;
      ua0 += a0 * y0;
      ua1 += a1 * y1;
      sb0 += c0 * x0;
      sb1 += c1 * x1;
      ub0 += c0 * y0;
      ub1 += c1 * y1;
      const x2 = x[j + 2];
      const x3 = x[j + 3];
      const y2 = y[j + 2];
      const y3 = y[j + 3];
      sa0 += a2 * x2;
      sa1 += a3 * x3;
      ua0 += a2 * y2;
      ua1 += a3 * y3;
      sb0 += c2 * x2;
      sb1 += c3 * x3;
      ub0 += c2 * y2;
      ub1 += c3 * y3;
    }
    i = 4 * last;
  }
  for (; i + 1 < end; i += 2) {
    const a = wa[i];
    const b = wa[i + 1];
    const c = wb[i];
    const d = wb[i + 1];
    const x0 = x[i];
    const x1 = x[i + 1];
    const y0 = y[i];
    const y1 = y[i + 1];
    sa0 += a * x0;
    sa1 += b * x1;
    ua0 += a * y0;
    ua1 += b * y1;
    sb0 += c * x0;
    sb1 += d * x1;
    ub0 += c * y0;
    ub1 += d * y1;
  }
  if (i < end) {
    sa0 += wa[i] * x[i];
    ua0 += wa[i] * y[i];
    sb0 += wb[i] * x[i];
    ub0 += wb[i] * y[i];
  }
  sumsA[at] += sa0 + sa1;
  sumsA[at + 1] += ua0 + ua1;
  sumsB[at] += sb0 + sb1;
  sumsB[at + 1] += ub0 + ub1;
}
function packedPairRankSums(nibbles, packed, outA, outB) {
  const n = packed.length;
  let pairsA = -0;
  let negativesA = -0;
  let pairsB = -0;
  let negativesB = -0;
  for (let i = 0; i < n; i++) {
    const e = packed[i];
    const v = nibbles[e & 2147483647];
    const label = e >> 31;
    const x = v & 15;
    const y = v >> 4;
    const p = x & label;
    const q = y & label;
    pairsA += p * negativesA;
    negativesA += x - p;
    pairsB += q * negativesB;
    negativesB += y - q;
  }
  outA[0] = pairsA;
  outA[1] = negativesA;
  outB[0] = pairsB;
  outB[1] = negativesB;
}
function nibblesWords(wa, wb, nibbles, from, to) {
  let any = 0;
  for (let k = from; k < to; k++) {
    const a = wa[k];
    const b = wb[k];
    nibbles[k] = a & 252645135 | (b & 252645135) << 4;
    any |= a | b;
  }
  return any;
}
function tiesPairBlock(wa, wb, flags, groups, start, end, tieA, tieB, accA, accB) {
  let g = tieA[0];
  let positivesA = tieA[1];
  let totalA = tieA[2];
  let pairsA = tieA[3];
  let belowA = tieA[4];
  let positivesB = tieB[1];
  let totalB = tieB[2];
  let pairsB = tieB[3];
  let belowB = tieB[4];
  for (let from = start; from < end; from += SWAR_SPAN) {
    const to = Math.min(from + SWAR_SPAN, end);
    let spanTotal = 0;
    let bit0 = 0;
    let bit1 = 0;
    let i = from;
    while (i < to) {
      const groupEnd = groups[g];
      const stop = groupEnd < to ? groupEnd : to;
      let p = 0;
      let t = 0;
      for (; i < stop; i++) {
        const v = wa[i] | wb[i] << 16;
        const f = flags[i];
        t += v;
        p += v & -(f >> LABEL_BIT & 1);
        bit0 += v & -(f & 1);
        bit1 += v & -(f >> 1 & 1);
      }
      spanTotal += t;
      positivesA += p & 65535;
      positivesB += p >>> 16;
      totalA += t & 65535;
      totalB += t >>> 16;
      if (i === groupEnd) {
        const negativesA = totalA - positivesA;
        pairsA += positivesA * (belowA + 0.5 * negativesA);
        belowA += negativesA;
        const negativesB = totalB - positivesB;
        pairsB += positivesB * (belowB + 0.5 * negativesB);
        belowB += negativesB;
        positivesA = 0;
        totalA = 0;
        positivesB = 0;
        totalB = 0;
        g++;
      }
    }
    accA[0] += spanTotal & 65535;
    accB[0] += spanTotal >>> 16;
    accA[1] += bit0 & 65535;
    accB[1] += bit0 >>> 16;
    accA[2] += bit1 & 65535;
    accB[2] += bit1 >>> 16;
  }
  tieA[0] = g;
  tieA[1] = positivesA;
  tieA[2] = totalA;
  tieA[3] = pairsA;
  tieA[4] = belowA;
  tieB[0] = g;
  tieB[1] = positivesB;
  tieB[2] = totalB;
  tieB[3] = pairsB;
  tieB[4] = belowB;
}
function packedGroupPairRankSums(nibbles, packed, groups, outA, outB) {
  let pairsA = -0;
  let belowA = -0;
  let positivesA = -0;
  let pairsB = -0;
  let belowB = -0;
  let positivesB = -0;
  let start = 0;
  for (let g = 0; g < groups.length; g++) {
    const end = groups[g];
    let groupPositivesA = 0;
    let groupTotalA = 0;
    let groupPositivesB = 0;
    let groupTotalB = 0;
    for (let from = start; from < end; from += SWAR_SPAN) {
      const to = Math.min(from + SWAR_SPAN, end);
      let p = 0;
      let t = 0;
      for (let i = from; i < to; i++) {
        const e = packed[i];
        const v = nibbles[e & 2147483647];
        const w = v & 15 | v >> 4 << 16;
        t += w;
        p += w & e >> 31;
      }
      groupPositivesA += p & 65535;
      groupPositivesB += p >>> 16;
      groupTotalA += t & 65535;
      groupTotalB += t >>> 16;
    }
    const negativesA = groupTotalA - groupPositivesA;
    pairsA += groupPositivesA * (belowA + 0.5 * negativesA);
    belowA += negativesA;
    positivesA += groupPositivesA;
    const negativesB = groupTotalB - groupPositivesB;
    pairsB += groupPositivesB * (belowB + 0.5 * negativesB);
    belowB += negativesB;
    positivesB += groupPositivesB;
    start = end;
  }
  outA[0] = pairsA;
  outA[1] = belowA;
  outA[2] = positivesA;
  outB[0] = pairsB;
  outB[1] = belowB;
  outB[2] = positivesB;
}

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
  const { order, positive: sortedPositive } = shape;
  if (shape.groups) rankSumsByGroup(w, order, sortedPositive, shape.groups, sums);
  else if (order) rankSumsThrough(w, order, sortedPositive, sums);
  else rankSums(w, sortedPositive, sums);
  return aucFinish(w, shape, sums);
}
function aucFinish(w, shape, sums) {
  const { order, positive: sortedPositive, runs } = shape;
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

// src/metrics/fused-quad.ts
function interleaveNibbles(low, high, quad) {
  const n = quad.length;
  let i = 0;
  if (LITTLE_ENDIAN && low.byteOffset % 4 === 0 && high.byteOffset % 4 === 0 && quad.byteOffset % 4 === 0) {
    const words = n >> 2;
    interleaveWords(
      new Uint32Array(low.buffer, low.byteOffset, words),
      new Uint32Array(high.buffer, high.byteOffset, words),
      new Uint32Array(quad.buffer, quad.byteOffset, 2 * words)
    );
    i = 4 * words;
  }
  for (; i < n; i++) quad[i] = low[i] | high[i] << 8;
}
function interleaveWords(low, high, out) {
  for (let k = 0; k < low.length; k++) {
    const a = low[k];
    const b = high[k];
    out[2 * k] = a & 255 | (b & 255) << 8 | (a & 65280) << 8 | (b & 65280) << 16;
    out[2 * k + 1] = a >>> 16 & 255 | b >>> 8 & 65280 | a >>> 8 & 16711680 | b & 4278190080;
  }
}
function packedQuadRankSums(quad, packed, out) {
  const n = packed.length;
  let pairs0 = -0;
  let negatives0 = -0;
  let pairs1 = -0;
  let negatives1 = -0;
  let pairs2 = -0;
  let negatives2 = -0;
  let pairs3 = -0;
  let negatives3 = -0;
  for (let i = 0; i < n; i++) {
    const e = packed[i];
    const v = quad[e & 2147483647];
    if (e < 0) {
      pairs0 += (v & 15) * negatives0;
      pairs1 += (v >> 4 & 15) * negatives1;
      pairs2 += (v >> 8 & 15) * negatives2;
      pairs3 += (v >> 12) * negatives3;
    } else {
      negatives0 += v & 15;
      negatives1 += v >> 4 & 15;
      negatives2 += v >> 8 & 15;
      negatives3 += v >> 12;
    }
  }
  out[0] = pairs0;
  out[1] = negatives0;
  out[2] = pairs1;
  out[3] = negatives1;
  out[4] = pairs2;
  out[5] = negatives2;
  out[6] = pairs3;
  out[7] = negatives3;
}
var warm = false;
function warmQuadPasses() {
  if (warm) return;
  warm = true;
  const low = new Uint8Array([18, 33, 19, 49]);
  const high = new Uint8Array([35, 50, 20, 65]);
  const quad = new Uint16Array(4);
  const packed = new Int32Array([0, 1 | 1 << 31, 2, 3 | 1 << 31]);
  const out = new Float64Array(8);
  for (let k = 0; k < WARM_CALLS; k++) {
    interleaveNibbles(low, high, quad);
    packedQuadRankSums(quad, packed, out);
  }
}
var WARM_CALLS = 30;

// src/metrics/fused-pass.ts
var LABEL_BIT2 = 4;
function flagsBlock(w, flags, start, end, acc) {
  const half = end - start >>> 1;
  const mid = start + half;
  let total0 = 0;
  let total1 = 0;
  let b0 = 0;
  let b1 = 0;
  let pairs0 = -0;
  let negatives0 = -0;
  let pairs1 = -0;
  let negatives1 = -0;
  for (let i = start; i < mid; i++) {
    const x = w[i];
    const f = flags[i];
    const y = w[i + half];
    const g = flags[i + half];
    total0 += x;
    total1 += y;
    b0 += (x & -(f & 1)) + (y & -(g & 1));
    b1 += (x & -(f >> 1 & 1)) + (y & -(g >> 1 & 1));
    const p = x & -(f >> LABEL_BIT2 & 1);
    pairs0 += p * negatives0;
    negatives0 += x - p;
    const q = y & -(g >> LABEL_BIT2 & 1);
    pairs1 += q * negatives1;
    negatives1 += y - q;
  }
  for (let i = start + 2 * half; i < end; i++) {
    const y = w[i];
    const g = flags[i];
    total1 += y;
    b0 += y & -(g & 1);
    b1 += y & -(g >> 1 & 1);
    const q = y & -(g >> LABEL_BIT2 & 1);
    pairs1 += q * negatives1;
    negatives1 += y - q;
  }
  const total = total0 + total1;
  acc[0] += total;
  acc[1] += b0;
  acc[2] += b1;
  acc[5] += pairs0 + pairs1 + (total1 - negatives1) * negatives0 + (total - negatives0 - negatives1) * acc[6];
  acc[6] += negatives0 + negatives1;
}
function moreBitsBlock(w, flags, start, end, acc) {
  let b2 = 0;
  let b3 = 0;
  for (let i = start; i < end; i++) {
    const x = w[i];
    const f = flags[i];
    b2 += x & -(f >> 2 & 1);
    b3 += x & -(f >> 3 & 1);
  }
  acc[3] += b2;
  acc[4] += b3;
}
function dotsBlock(w, x, y, start, end, acc, at) {
  let s0 = 0;
  let s1 = 0;
  let u0 = 0;
  let u1 = 0;
  let i = start;
  for (; i + 1 < end; i += 2) {
    const a = w[i];
    const b = w[i + 1];
    s0 += a * x[i];
    s1 += b * x[i + 1];
    u0 += a * y[i];
    u1 += b * y[i + 1];
  }
  if (i < end) {
    s0 += w[i] * x[i];
    u0 += w[i] * y[i];
  }
  acc[at] += s0 + s1;
  acc[at + 1] += u0 + u1;
}
function packedRankSums(w, packed, out) {
  const n = packed.length;
  const half = n >>> 1;
  let pairs0 = -0;
  let negatives0 = -0;
  let positives0 = -0;
  let pairs1 = -0;
  let negatives1 = -0;
  let positives1 = -0;
  for (let i = 0; i < half; i++) {
    const e = packed[i];
    const x = w[e & 2147483647];
    const p = x & e >> 31;
    pairs0 += p * negatives0;
    negatives0 += x - p;
    positives0 += p;
    const g = packed[half + i];
    const y = w[g & 2147483647];
    const q = y & g >> 31;
    pairs1 += q * negatives1;
    negatives1 += y - q;
    positives1 += q;
  }
  for (let i = 2 * half; i < n; i++) {
    const g = packed[i];
    const y = w[g & 2147483647];
    const q = y & g >> 31;
    pairs1 += q * negatives1;
    negatives1 += y - q;
    positives1 += q;
  }
  out[0] = pairs0 + pairs1 + positives1 * negatives0;
  out[1] = negatives0 + negatives1;
  out[2] = positives0 + positives1;
}
function tiesBlock(w, flags, groups, start, end, tie, acc) {
  let g = tie[0];
  let positives = tie[1];
  let total = tie[2];
  let pairs = tie[3];
  let below = tie[4];
  let blockTotal = 0;
  let b0 = 0;
  let b1 = 0;
  let i = start;
  while (i < end) {
    const groupEnd = groups[g];
    const stop = groupEnd < end ? groupEnd : end;
    let p = 0;
    let t = 0;
    for (; i < stop; i++) {
      const x = w[i];
      const f = flags[i];
      p += x & -(f >> LABEL_BIT2 & 1);
      t += x;
      b0 += x & -(f & 1);
      b1 += x & -(f >> 1 & 1);
    }
    blockTotal += t;
    positives += p;
    total += t;
    if (i === groupEnd) {
      const negatives = total - positives;
      pairs += positives * (below + 0.5 * negatives);
      below += negatives;
      positives = 0;
      total = 0;
      g++;
    }
  }
  tie[0] = g;
  tie[1] = positives;
  tie[2] = total;
  tie[3] = pairs;
  tie[4] = below;
  acc[0] += blockTotal;
  acc[1] += b0;
  acc[2] += b1;
}
function packedGroupRankSums(w, packed, groups, out) {
  let pairs = -0;
  let below = -0;
  let positives = -0;
  let start = 0;
  for (let g = 0; g < groups.length; g++) {
    const end = groups[g];
    let p0 = 0;
    let t0 = 0;
    let p1 = 0;
    let t1 = 0;
    let i = start;
    for (; i + 1 < end; i += 2) {
      const e = packed[i];
      const f = packed[i + 1];
      const a = w[e & 2147483647];
      const b = w[f & 2147483647];
      p0 += a & e >> 31;
      t0 += a;
      p1 += b & f >> 31;
      t1 += b;
    }
    if (i < end) {
      const e = packed[i];
      const a = w[e & 2147483647];
      p0 += a & e >> 31;
      t0 += a;
    }
    const groupPositives = p0 + p1;
    const groupNegatives = t0 + t1 - groupPositives;
    pairs += groupPositives * (below + 0.5 * groupNegatives);
    below += groupNegatives;
    positives += groupPositives;
    start = end;
  }
  out[0] = pairs;
  out[1] = below;
  out[2] = positives;
}
function groupAuc(sums) {
  return sums[1] > 0 && sums[2] > 0 ? sums[0] / (sums[1] * sums[2]) : Number.NaN;
}
var NIBBLE_HIGH = 4042322160;
function wordViews(flags, wa, wb, nibbles) {
  const arrays = [flags, wa, wb, nibbles];
  if (!LITTLE_ENDIAN || arrays.some((a2) => a2.byteOffset % 4 !== 0)) return null;
  const [f, a, b, x] = arrays.map((a2) => new Uint32Array(a2.buffer, a2.byteOffset, a2.length >> 2));
  return { flags: f, wa: a, wb: b, nibbles: x, pair: [a, b] };
}
var PassSums = class {
  acc = new Float64Array(8);
  tie = new Float64Array(5);
  floatSums;
  aucValues = /* @__PURE__ */ new Map();
  constructor(floats) {
    this.floatSums = new Float64Array(floats + 1);
  }
  reset() {
    this.acc.fill(0);
    this.tie.fill(0);
    this.floatSums.fill(0);
    this.aucValues.clear();
  }
};
var FusedRunner = class {
  constructor(layout) {
    this.layout = layout;
    this.acc = new Float64Array(8);
    this.floatSums = new Float64Array(layout.floats.length + 1);
    this.passSums = [0, 1, 2, 3].map(() => new PassSums(layout.floats.length));
    this.plainPacked = layout.sources.some((s) => s?.kind === "packed-auc" && !s.shape.groups);
    if (this.plainPacked) warmQuadPasses();
  }
  layout;
  acc;
  tie = new Float64Array(5);
  sums = new Float64Array(3);
  floatSums;
  aucValues = /* @__PURE__ */ new Map();
  /** The sums of the resamples of a pass of two (the first two) or four. */
  passSums;
  sumsB = new Float64Array(3);
  quadSums = new Float64Array(8);
  /**
   * Whether an other-order AUC sums its ranks example by example (no tie groups): four resamples
   * then share its random reads (runQuad); otherwise a pass of four does no less than two of two.
   */
  plainPacked;
  /**
   * Two resamples in one pass (layout.pairable): weights drawn block by block from `a` into `wa`
   * and from `b` into `wb` (length n each), the same weights as run() draws from each stream.
   * Writes resample a's values as run() does at out[atA + 2k], out[atA + 2k + 1], resample b's at
   * atB: bit-identical to running each alone (see fused-pair.ts).
   */
  runPair(wa, wb, nibbles, a, b, out, atA, atB) {
    const [sa, sb] = this.passSums;
    const any = this.pairPass(wa, wb, nibbles, a, b, sa, sb);
    if ((any & NIBBLE_HIGH) === 0) this.pairAuc(nibbles, wa, wb, sa, sb);
    this.pairValues(wa, sa, out, atA);
    this.pairValues(wb, sb, out, atB);
  }
  /**
   * Four resamples (layout.pairable): two passes of two (as runPair: w[0], w[1] from random[0],
   * random[1] with nibbles[0]; w[2], w[3] with nibbles[1]), then one pass through each other-order
   * AUC without tie groups for all four, their weights from one 16-bit word an example (`quad`,
   * length n). Resample r's values at out[at[r] + 2k], bit-identical to running each alone.
   */
  runQuad(w, nibbles, quad, random, out, at) {
    const s = this.passSums;
    const anyLow = this.pairPass(w[0], w[1], nibbles[0], random[0], random[1], s[0], s[1]);
    const anyHigh = this.pairPass(w[2], w[3], nibbles[1], random[2], random[3], s[2], s[3]);
    const fitLow = (anyLow & NIBBLE_HIGH) === 0;
    const fitHigh = (anyHigh & NIBBLE_HIGH) === 0;
    if (fitLow && fitHigh && this.plainPacked) {
      interleaveNibbles(nibbles[0], nibbles[1], quad);
      const sums = this.quadSums;
      for (const source of this.layout.sources) {
        if (source?.kind !== "packed-auc" || source.shape.groups || s[0].aucValues.has(source.shape)) continue;
        packedQuadRankSums(quad, this.layout.packed[source.index], sums);
        for (let r = 0; r < 4; r++) {
          const one = this.sums;
          one[0] = sums[2 * r];
          one[1] = sums[2 * r + 1];
          one[2] = s[r].acc[0] - one[1];
          s[r].aucValues.set(source.shape, aucFinish(w[r], source.shape, one));
        }
      }
    }
    if (fitLow) this.pairAuc(nibbles[0], w[0], w[1], s[0], s[1]);
    if (fitHigh) this.pairAuc(nibbles[1], w[2], w[3], s[2], s[3]);
    for (let r = 0; r < 4; r++) this.pairValues(w[r], s[r], out, at[r]);
  }
  /** The sequential part of a pass of two (see runPair) into sa and sb; returns the OR of all weights (see NIBBLE_HIGH). */
  pairPass(wa, wb, nibbles, a, b, sa, sb) {
    const { layout } = this;
    const acc = sa.acc;
    const accB = sb.acc;
    const floatSums = sa.floatSums;
    const floatSumsB = sb.floatSums;
    let any = 0;
    const words = wordViews(layout.flags, wa, wb, nibbles);
    const { flags, floats, n } = layout;
    const wide = layout.bits > 2;
    const groups = layout.groups;
    sa.reset();
    sb.reset();
    for (let start = 0; start < n; start += WEIGHT_BLOCK) {
      const end = Math.min(start + WEIGHT_BLOCK, n);
      a.poisson(wa, start, end);
      b.poisson(wb, start, end);
      const cut = words ? start + (end - start & ~3) : start;
      if (groups) {
        tiesPairBlock(wa, wb, flags, groups, start, end, sa.tie, sb.tie, acc, accB);
        if (cut > start) any |= nibblesWords(words.wa, words.wb, words.nibbles, start >> 2, cut >> 2);
        if (cut < end) any |= nibblesBlock(wa, wb, nibbles, cut, end);
      } else {
        if (cut > start) any |= flagsPairWords(words.wa, words.wb, words.flags, words.nibbles, start >> 2, cut >> 2, acc, accB);
        if (cut < end) {
          flagsPairBlock(wa, wb, flags, cut, end, acc, accB);
          any |= nibblesBlock(wa, wb, nibbles, cut, end);
        }
      }
      if (wide) moreBitsPairBlock(wa, wb, flags, start, end, acc, accB);
      let f = 0;
      const pair = words && words.pair;
      for (; f + 1 < floats.length; f += 2) dotsPairBlock(wa, wb, floats[f], floats[f + 1], start, end, floatSums, floatSumsB, f, pair);
      if (f < floats.length) dotsPairBlock(wa, wb, floats[f], floats[f], start, end, floatSums, floatSumsB, f, pair);
    }
    return any;
  }
  /**
   * Both resamples' rank sums through each other-order AUC not yet summed (runQuad sums some
   * first), in one pass over the nibbles (every weight of both fits one), into sa's and sb's AUC values.
   */
  pairAuc(nibbles, wa, wb, sa, sb) {
    const { layout, sums, sumsB } = this;
    for (const source of layout.sources) {
      if (source?.kind !== "packed-auc" || sa.aucValues.has(source.shape)) continue;
      const packed = layout.packed[source.index];
      if (source.shape.groups) {
        packedGroupPairRankSums(nibbles, packed, source.shape.groups, sums, sumsB);
        sa.aucValues.set(source.shape, groupAuc(sums));
        sb.aucValues.set(source.shape, groupAuc(sumsB));
        continue;
      }
      packedPairRankSums(nibbles, packed, sums, sumsB);
      sums[2] = sa.acc[0] - sums[1];
      sumsB[2] = sb.acc[0] - sumsB[1];
      sa.aucValues.set(source.shape, aucFinish(wa, source.shape, sums));
      sb.aucValues.set(source.shape, aucFinish(wb, source.shape, sumsB));
    }
  }
  /** One resample's values after a pass of two or four, as valueOf gives them after run()'s. */
  pairValues(w, pass, out, at) {
    const { layout, sums } = this;
    const { acc, tie, floatSums, aucValues } = pass;
    const total = acc[0];
    const sources = layout.sources;
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s];
      let value;
      if (source.kind === "bit") value = total > 0 ? acc[1 + source.bit] / total : Number.NaN;
      else if (source.kind === "float") value = total > 0 ? floatSums[source.index] / total : Number.NaN;
      else if (source.kind === "sequential-auc" && layout.groups) {
        const negatives = tie[4];
        const positives = total - negatives;
        value = positives > 0 && negatives > 0 ? tie[3] / (positives * negatives) : Number.NaN;
      } else if (source.kind === "sequential-auc") {
        sums[0] = acc[5];
        sums[1] = acc[6];
        sums[2] = total - acc[6];
        value = aucFinish(w, source.shape, sums);
      } else if (source.kind === "packed-auc") {
        const known = aucValues.get(source.shape);
        if (known === void 0) {
          const packed = layout.packed[source.index];
          if (source.shape.groups) {
            packedGroupRankSums(w, packed, source.shape.groups, sums);
            value = groupAuc(sums);
          } else {
            packedRankSums(w, packed, sums);
            value = aucFinish(w, source.shape, sums);
          }
          aucValues.set(source.shape, value);
        } else value = known;
      } else throw new Error("runPair: a layout that is not pairable");
      out[at + s] = value;
    }
  }
  /**
   * One resample over `w` (length n): drawn here block by block from `random` when `draw` is set
   * (the same weights as drawWeights gives, see random.ts), else read as they are. Writes metric
   * k's [candidate, baseline] to out[at + 2k], out[at + 2k + 1] for every fused source.
   */
  run(w, random, draw, out, at) {
    const { layout, acc, floatSums } = this;
    const { flags, floats, n } = layout;
    const wide = layout.bits > 2;
    const groups = layout.groups;
    acc.fill(0);
    this.tie.fill(0);
    floatSums.fill(0);
    for (let start = 0; start < n; start += WEIGHT_BLOCK) {
      const end = Math.min(start + WEIGHT_BLOCK, n);
      if (draw) random.poisson(w, start, end);
      if (groups) tiesBlock(w, flags, groups, start, end, this.tie, acc);
      else flagsBlock(w, flags, start, end, acc);
      if (wide) moreBitsBlock(w, flags, start, end, acc);
      let f = 0;
      for (; f + 1 < floats.length; f += 2) dotsBlock(w, floats[f], floats[f + 1], start, end, floatSums, f);
      if (f < floats.length) dotsBlock(w, floats[f], floats[f], start, end, floatSums, f);
    }
    const total = acc[0];
    this.aucValues.clear();
    const sources = layout.sources;
    for (let s = 0; s < sources.length; s++) {
      const source = sources[s];
      if (!source) continue;
      out[at + s] = this.valueOf(source, w, total);
    }
  }
  valueOf(source, w, total) {
    const { acc, sums } = this;
    switch (source.kind) {
      case "bit":
        return total > 0 ? acc[1 + source.bit] / total : Number.NaN;
      case "float":
        return total > 0 ? this.floatSums[source.index] / total : Number.NaN;
      case "sequential-auc":
        if (this.layout.groups) {
          const negatives = this.tie[4];
          const positives = total - negatives;
          return positives > 0 && negatives > 0 ? this.tie[3] / (positives * negatives) : Number.NaN;
        }
        sums[0] = acc[5];
        sums[1] = acc[6];
        sums[2] = total - acc[6];
        return aucFinish(w, source.shape, sums);
      case "packed-auc": {
        const known = this.aucValues.get(source.shape);
        if (known !== void 0) return known;
        const packed = this.layout.packed[source.index];
        let value;
        if (source.shape.groups) {
          packedGroupRankSums(w, packed, source.shape.groups, sums);
          value = sums[1] > 0 && sums[2] > 0 ? sums[0] / (sums[1] * sums[2]) : Number.NaN;
        } else {
          packedRankSums(w, packed, sums);
          value = aucFinish(w, source.shape, sums);
        }
        this.aucValues.set(source.shape, value);
        return value;
      }
      case "auc": {
        const known = this.aucValues.get(source.shape);
        if (known !== void 0) return known;
        const value = aucPass(w, source.shape, sums);
        this.aucValues.set(source.shape, value);
        return value;
      }
    }
  }
};

// src/metrics/resample-plan.ts
var PlanRunner = class {
  constructor(plan) {
    this.plan = plan;
    this.pairWeights = plan.pairs && plan.fused?.pairable && !plan.unitOf ? new Uint8Array(plan.n) : null;
    this.nibbles = new Uint8Array(this.pairWeights ? plan.n : 0);
    this.counts = new Uint8Array(plan.units);
    this.weights = plan.unitOf ? new Uint8Array(plan.n) : this.counts;
    this.scratch = plan.metrics.map((m) => m.rows ? new Uint8Array(m.rows.length) : this.weights);
    this.fused = plan.fused ? new FusedRunner(plan.fused) : null;
    this.quad = this.pairWeights && this.fused.plainPacked ? {
      weights: [this.weights, this.pairWeights, new Uint8Array(plan.n), new Uint8Array(plan.n)],
      nibbles: [this.nibbles, new Uint8Array(plan.n)],
      words: new Uint16Array(plan.n),
      random: [this.random, this.second, new Random(0), new Random(0)]
    } : null;
  }
  plan;
  random = new Random(0);
  counts;
  weights;
  scratch;
  pair = new Float64Array(2);
  sums = new Float64Array(3);
  fused;
  /** Two resamples per pass: the second one's weights (null: one resample per pass) and generator. */
  pairWeights;
  nibbles;
  second = new Random(0);
  /** Four resamples per pass (with pairWeights): the last two's weights, nibbles and generators, and the 16-bit words of all four. */
  quad;
  /** Evaluates resample b into `control.values` and marks it done. */
  run(b, control) {
    const { plan, counts, weights, fused } = this;
    const k0 = b * plan.metrics.length * 2;
    if (fused && !plan.unitOf) {
      this.random.reseed(plan.seed, b + 1);
      fused.run(weights, this.random, true, control.values, k0);
    } else {
      drawWeights(this.random, plan.seed, b, counts);
      if (plan.unitOf) {
        const unitOf = plan.unitOf;
        for (let i = 0; i < weights.length; i++) weights[i] = counts[unitOf[i]];
      }
      fused?.run(weights, this.random, false, control.values, k0);
    }
    for (let k = 0; k < plan.metrics.length; k++) {
      if (plan.fused?.sources[2 * k]) continue;
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
  /** Evaluates resamples b and b + 1 in one pass (pairWeights set) into `control.values` and marks them done. */
  runPair(b, control) {
    const { plan } = this;
    const at = b * plan.metrics.length * 2;
    this.random.reseed(plan.seed, b + 1);
    this.second.reseed(plan.seed, b + 2);
    this.fused.runPair(this.weights, this.pairWeights, this.nibbles, this.random, this.second, control.values, at, at + plan.metrics.length * 2);
    for (const index of [b, b + 1]) {
      Atomics.store(control.done, index, 1);
      Atomics.notify(control.done, index);
    }
  }
  /** Evaluates resamples b .. b + 3 in one pass of four (quad set) into `control.values` and marks them done. */
  runQuad(b, control) {
    const { plan } = this;
    const quad = this.quad;
    const stride = plan.metrics.length * 2;
    for (let r = 0; r < 4; r++) quad.random[r].reseed(plan.seed, b + r + 1);
    this.fused.runQuad(
      quad.weights,
      quad.nibbles,
      quad.words,
      quad.random,
      control.values,
      [0, 1, 2, 3].map((r) => (b + r) * stride)
    );
    for (let index = b; index < b + 4; index++) {
      Atomics.store(control.done, index, 1);
      Atomics.notify(control.done, index);
    }
  }
  /**
   * Claims and runs resamples until every index is claimed (four at a time where a pass of four
   * gains, two where they run in pairs; at the end pairs and one alone); returns how many this thread ran.
   */
  runAll(control) {
    const step = this.quad ? 4 : this.pairWeights ? 2 : 1;
    let ran = 0;
    for (; ; ) {
      const b = Atomics.add(control.counter, 0, step);
      if (b >= this.plan.resamples) return ran;
      const claimed = Math.min(step, this.plan.resamples - b);
      if (claimed === 4) this.runQuad(b, control);
      else {
        let at = b;
        for (; at + 1 < b + claimed; at += 2) this.runPair(at, control);
        if (at < b + claimed) this.run(at, control);
      }
      ran += claimed;
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
      drawWeights(random, seed, b, new Uint8Array(counts, slot * cells, cells));
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
