import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  AHEAD_WORKER,
  Random,
  WEIGHT_BLOCK,
  drawWeights,
  startThread,
  weightsAhead,
  weightsInTurn
} from "./chunk-TNHIZC3N.js";

// src/metrics/bootstrap.ts
import { availableParallelism } from "node:os";

// src/metrics/kernels.ts
var EPS = Number.EPSILON;
function isMeanKernel(kernel) {
  return "values" in kernel;
}
function meanKernel(values) {
  return Object.assign((w) => weightedMean(w, values), { values, shape: { kind: "mean", values } });
}
function weightedMean(w, v) {
  const n = v.length;
  const tail = n - n % 4;
  let t0 = 0;
  let t1 = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < tail; i += 4) {
    const a = w[i];
    const b = w[i + 1];
    const c = w[i + 2];
    const d = w[i + 3];
    t0 += a + b;
    t1 += c + d;
    s0 += a * v[i];
    s1 += b * v[i + 1];
    s2 += c * v[i + 2];
    s3 += d * v[i + 3];
  }
  for (let i = tail; i < n; i++) {
    t0 += w[i];
    s0 += w[i] * v[i];
  }
  const total = t0 + t1;
  return total > 0 ? (s0 + s1 + (s2 + s3)) / total : Number.NaN;
}
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
function accuracyValues(label, predicted) {
  const out = sharedFloat64(label.length);
  for (let i = 0; i < label.length; i++) out[i] = label[i] === predicted[i] ? 1 : 0;
  return out;
}
function binaryLogLossValues(label, score) {
  const out = sharedFloat64(label.length);
  for (let i = 0; i < label.length; i++) {
    const p = Math.min(Math.max(score[i], EPS), 1 - EPS);
    const q = 1 - p;
    const sum = q + p;
    out[i] = -Math.log((label[i] === 1 ? p : q) / sum);
  }
  return out;
}
function multiclassLogLossValues(label, probabilities) {
  const out = sharedFloat64(label.length);
  const clip = (v) => Math.min(Math.max(v, EPS), 1 - EPS);
  for (let i = 0; i < label.length; i++) {
    let sum = 0;
    for (const column of probabilities) sum += clip(column[i]);
    out[i] = -Math.log(clip(probabilities[label[i]][i]) / sum);
  }
  return out;
}
function brierValues(label, score) {
  const out = sharedFloat64(label.length);
  for (let i = 0; i < label.length; i++) out[i] = (score[i] - label[i]) ** 2;
  return out;
}
function isSortedByScore(score, positive) {
  for (let i = 1; i < score.length; i++) {
    if (!(score[i - 1] < score[i] || score[i - 1] === score[i] && positive[i - 1] <= positive[i])) return false;
  }
  return true;
}
function sortByScore(score, positive) {
  const n = score.length;
  if (isSortedByScore(score, positive)) {
    const identity = new Uint32Array(n);
    for (let i = 0; i < n; i++) identity[i] = i;
    return identity;
  }
  const bits = new Uint32Array(2);
  const asFloat = new Float64Array(bits.buffer);
  const digits = [new Uint16Array(n), new Uint16Array(n), new Uint16Array(n), new Uint16Array(n)];
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const [loWord, hiWord] = littleEndian ? [0, 1] : [1, 0];
  for (let i = 0; i < n; i++) {
    asFloat[0] = score[i] === 0 ? 0 : score[i];
    let hi = bits[hiWord];
    let lo = bits[loWord];
    if (hi & 2147483648) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else {
      hi = (hi | 2147483648) >>> 0;
    }
    digits[0][i] = lo & 65535;
    digits[1][i] = lo >>> 16;
    digits[2][i] = hi & 65535;
    digits[3][i] = hi >>> 16;
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  let at = 0;
  for (let i = 0; i < n; i++) if (!positive[i]) order[at++] = i;
  for (let i = 0; i < n; i++) if (positive[i]) order[at++] = i;
  const counts = new Uint32Array(65537);
  for (const digit of digits) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[digit[i] + 1]++;
    for (let d = 1; d <= 65536; d++) counts[d] += counts[d - 1];
    for (let i = 0; i < n; i++) {
      const index = order[i];
      next[counts[digit[index]]++] = index;
    }
    ;
    [order, next] = [next, order];
  }
  return order;
}
function sharedArray(make, bytes) {
  return make(new SharedArrayBuffer(bytes));
}
var sharedFloat64 = (n) => sharedArray((b) => new Float64Array(b), 8 * n);
function tieRuns(order, score, positive, mixedOnly) {
  const runs = [];
  let start = 0;
  for (let i = 1; i <= order.length; i++) {
    if (i === order.length || score[order[i]] !== score[order[start]]) {
      if (!mixedOnly) runs.push(i);
      else if (i - start > 1 && positive[order[start]] !== positive[order[i - 1]]) runs.push(start, i);
      start = i;
    }
  }
  return Uint32Array.from(runs);
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
function aucShape(positive, score) {
  const sorted = sortByScore(score, positive);
  const n = sorted.length;
  let inOrder = true;
  for (let i = 0; i < n && inOrder; i++) inOrder = sorted[i] === i;
  const sortedPositive = sharedArray((b) => new Float32Array(b), 4 * n);
  for (let i = 0; i < n; i++) sortedPositive[i] = positive[sorted[i]];
  let groups = 0;
  for (let i = 0; i < n; i++) if (i === n - 1 || score[sorted[i]] !== score[sorted[i + 1]]) groups++;
  const manyTies = groups * 8 < n;
  let order = null;
  if (!inOrder) {
    order = sharedArray((b) => new Uint32Array(b), 4 * n);
    order.set(sorted);
  }
  return {
    kind: "auc",
    order,
    positive: sortedPositive,
    runs: manyTies ? new Uint32Array(0) : tieRuns(sorted, score, positive, true),
    groups: manyTies ? tieRuns(sorted, score, positive, false) : null
  };
}
function shapeOf(kernel) {
  return "shape" in kernel ? kernel.shape : null;
}
function rocAucKernel(positive, score) {
  const shape = aucShape(positive, score);
  const sums = new Float64Array(3);
  return Object.assign((w) => aucPass(w, shape, sums), { shape });
}
function averagePrecisionKernel(positive, score) {
  const order = sortByScore(score, positive).reverse();
  const n = order.length;
  const sortedPositive = new Float32Array(n);
  const lastOfTie = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    sortedPositive[i] = positive[order[i]];
    lastOfTie[i] = i === n - 1 || score[order[i]] !== score[order[i + 1]] ? 1 : 0;
  }
  return (w) => {
    let tp = 0;
    let fp = 0;
    let previousTp = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = w[order[i]];
      const p = x * sortedPositive[i];
      tp += p;
      fp += x - p;
      if (lastOfTie[i] && tp > previousTp) {
        sum += (tp - previousTp) * (tp / (tp + fp));
        previousTp = tp;
      }
    }
    return tp > 0 ? sum / tp : Number.NaN;
  };
}
function macroKernel(parts) {
  return (w) => {
    let sum = 0;
    for (const part of parts) sum += part(w);
    return sum / parts.length;
  };
}
function oneVsRest(label, k) {
  const out = new Uint8Array(label.length);
  for (let i = 0; i < label.length; i++) out[i] = label[i] === k ? 1 : 0;
  return out;
}
function countKernel(metric, average, label, predicted, classes) {
  const n = label.length;
  const tp = new Float64Array(classes);
  const truth = new Float64Array(classes);
  const guessed = new Float64Array(classes);
  const score = (c) => {
    if (metric === "precision") return guessed[c] > 0 ? tp[c] / guessed[c] : Number.NaN;
    if (metric === "recall") return truth[c] > 0 ? tp[c] / truth[c] : Number.NaN;
    const denominator = truth[c] + guessed[c];
    return denominator > 0 ? 2 * tp[c] / denominator : Number.NaN;
  };
  return (w) => {
    tp.fill(0);
    truth.fill(0);
    guessed.fill(0);
    for (let i = 0; i < n; i++) {
      const x = w[i];
      const y = label[i];
      const p = predicted[i];
      truth[y] += x;
      guessed[p] += x;
      if (y === p) tp[y] += x;
    }
    if (average === "binary") return score(1);
    let sum = 0;
    let weight = 0;
    for (let c = 0; c < classes; c++) {
      if (truth[c] === 0 && guessed[c] === 0) continue;
      const v = score(c);
      const share = average === "macro" ? 1 : truth[c];
      if (Number.isNaN(v)) return Number.NaN;
      sum += share * v;
      weight += share;
    }
    return weight > 0 ? sum / weight : Number.NaN;
  };
}
function rmseKernel(label, predicted) {
  const squared = new Float64Array(label.length);
  for (let i = 0; i < label.length; i++) squared[i] = (label[i] - predicted[i]) ** 2;
  const mean = meanKernel(squared);
  return (w) => Math.sqrt(mean(w));
}
function absoluteErrors(label, predicted) {
  const out = sharedFloat64(label.length);
  for (let i = 0; i < label.length; i++) out[i] = Math.abs(label[i] - predicted[i]);
  return out;
}
function mapeKernel(label, predicted) {
  const ratios = new Float64Array(label.length);
  const zeros = [];
  for (let i = 0; i < label.length; i++) {
    if (label[i] === 0) zeros.push(i);
    else ratios[i] = Math.abs(label[i] - predicted[i]) / Math.abs(label[i]);
  }
  const mean = meanKernel(ratios);
  return (w) => {
    for (const i of zeros) if (w[i] > 0) return Number.NaN;
    return mean(w);
  };
}
function r2Kernel(label, predicted) {
  const n = label.length;
  return (w) => {
    let total = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const x = w[i];
      total += x;
      sum += x * label[i];
      if (x > 0) {
        if (label[i] < min) min = label[i];
        if (label[i] > max) max = label[i];
      }
    }
    if (total < 2 || min === max) return Number.NaN;
    const mean = sum / total;
    let residual = 0;
    let spread = 0;
    for (let i = 0; i < n; i++) {
      const x = w[i];
      residual += x * (label[i] - predicted[i]) ** 2;
      spread += x * (label[i] - mean) ** 2;
    }
    return 1 - residual / spread;
  };
}

// src/metrics/fused-pass.ts
var LABEL_BIT = 4;
var MAX_BITS = 4;
function isIndicator(values) {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}
var sharedBytes = (n) => new Uint8Array(new SharedArrayBuffer(n));
function shared(a) {
  const out = new Uint32Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
function fusedLayout(n, metrics) {
  const flags = sharedBytes(n);
  const bitOf = /* @__PURE__ */ new Map();
  const floatOf = /* @__PURE__ */ new Map();
  const packedOf = /* @__PURE__ */ new Map();
  const floats = [];
  const packed = [];
  let sequential = null;
  let bits = 0;
  const sourceOf = (shape) => {
    if (shape.kind === "mean") {
      const values = shape.values;
      if (bitOf.has(values)) return { kind: "bit", bit: bitOf.get(values) };
      if (floatOf.has(values)) return { kind: "float", index: floatOf.get(values) };
      if (bits < MAX_BITS && isIndicator(values)) {
        const bit = bits++;
        for (let i = 0; i < n; i++) flags[i] |= values[i] << bit;
        bitOf.set(values, bit);
        return { kind: "bit", bit };
      }
      floatOf.set(values, floats.length);
      floats.push(values);
      return { kind: "float", index: floats.length - 1 };
    }
    if (shape.order === null && (sequential === null || sequential === shape)) {
      if (sequential === null) {
        sequential = shape;
        const positive = shape.positive;
        for (let i = 0; i < n; i++) flags[i] |= positive[i] << LABEL_BIT;
      }
      return { kind: "sequential-auc", shape };
    }
    if (shape.order === null || n >= 2 ** 31) return { kind: "auc", shape };
    if (!packedOf.has(shape)) {
      const order = shape.order;
      const positive = shape.positive;
      const out = new Int32Array(new SharedArrayBuffer(4 * n));
      for (let i = 0; i < n; i++) out[i] = order[i] | positive[i] << 31;
      packedOf.set(shape, packed.length);
      packed.push(out);
    }
    return { kind: "packed-auc", index: packedOf.get(shape), shape };
  };
  const sources = [];
  for (const m of metrics) {
    if (!m || m.rows) sources.push(null, null);
    else sources.push(sourceOf(m.candidate), sourceOf(m.baseline));
  }
  if (sources.every((s) => s === null)) return null;
  const groups = sequential?.groups ?? null;
  return { n, groups: groups && shared(groups), flags, bits, floats, packed, sources };
}
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
    const p = x & -(f >> LABEL_BIT & 1);
    pairs0 += p * negatives0;
    negatives0 += x - p;
    const q = y & -(g >> LABEL_BIT & 1);
    pairs1 += q * negatives1;
    negatives1 += y - q;
  }
  for (let i = start + 2 * half; i < end; i++) {
    const y = w[i];
    const g = flags[i];
    total1 += y;
    b0 += y & -(g & 1);
    b1 += y & -(g >> 1 & 1);
    const q = y & -(g >> LABEL_BIT & 1);
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
      p += x & -(f >> LABEL_BIT & 1);
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
var FusedRunner = class {
  constructor(layout) {
    this.layout = layout;
    this.acc = new Float64Array(8);
    this.floatSums = new Float64Array(layout.floats.length + 1);
  }
  layout;
  acc;
  tie = new Float64Array(5);
  sums = new Float64Array(3);
  floatSums;
  aucValues = /* @__PURE__ */ new Map();
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
    this.counts = new Uint8Array(plan.units);
    this.weights = plan.unitOf ? new Uint8Array(plan.n) : this.counts;
    this.scratch = plan.metrics.map((m) => m.rows ? new Uint8Array(m.rows.length) : this.weights);
    this.fused = plan.fused ? new FusedRunner(plan.fused) : null;
  }
  plan;
  random = new Random(0);
  counts;
  weights;
  scratch;
  pair = new Float64Array(2);
  sums = new Float64Array(3);
  fused;
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
function shared2(a) {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}
function sharedPlan(plan) {
  const shape = (s) => s.kind === "mean" ? { kind: "mean", values: shared2(s.values) } : { ...s, order: s.order && shared2(s.order), positive: shared2(s.positive) };
  return {
    ...plan,
    unitOf: plan.unitOf && shared2(plan.unitOf),
    metrics: plan.metrics.map((m) => ({ candidate: shape(m.candidate), baseline: shape(m.baseline), rows: m.rows && shared2(m.rows) }))
  };
}
function planControl(resamples, metrics) {
  return {
    counter: new Int32Array(new SharedArrayBuffer(8)),
    done: new Int32Array(new SharedArrayBuffer(4 * resamples)),
    values: new Float64Array(new SharedArrayBuffer(8 * resamples * metrics * 2))
  };
}

// src/metrics/bootstrap.ts
var DEFAULT_BOOTSTRAP = { resamples: 1e3, seed: 0, interval: "bca" };
var MIN_UNITS = 30;
var MAX_DEGENERATE_SHARE = 0.01;
var JACKKNIFE_BLOCKS = 100;
function improvementOf(goal, candidate, baseline) {
  const absolute = goal === "maximize" ? candidate - baseline : baseline - candidate;
  return { candidate, baseline, absolute, relative: baseline === 0 ? Number.NaN : absolute / Math.abs(baseline) };
}
function exampleWeights(units, counts, out) {
  if (units.unitOf === null) return counts;
  const unitOf = units.unitOf;
  for (let i = 0; i < out.length; i++) out[i] = counts[unitOf[i]];
  return out;
}
function gather(weights, rows, out) {
  for (let i = 0; i < rows.length; i++) out[i] = weights[rows[i]];
  return out;
}
function pairEvaluator(m) {
  const { candidate, baseline } = m;
  if (isMeanKernel(candidate) && isMeanKernel(baseline)) return (w, out) => pairedMeans(w, candidate.values, baseline.values, out);
  return (w, out) => {
    out[0] = m.candidate(w);
    out[1] = m.baseline(w);
  };
}
function evaluateAll(metrics, evaluators, weights, scratch) {
  const pair = new Float64Array(2);
  return metrics.map((m, k) => {
    const w = m.rows ? gather(weights, m.rows, scratch.get(m.rows)) : weights;
    evaluators[k](w, pair);
    return improvementOf(m.goal, pair[0], pair[1]);
  });
}
function skewAcceleration(values) {
  if (values.some((v) => !Number.isFinite(v))) return Number.NaN;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  let squares = 0;
  let cubes = 0;
  for (const v of values) {
    const d = mean - v;
    squares += d * d;
    cubes += d * d * d;
  }
  return squares > 0 ? cubes / (6 * squares ** 1.5) : 0;
}
function jackknifeAcceleration(metrics, evaluators, n, units, random, scratch) {
  const blocks = Math.min(units.count, JACKKNIFE_BLOCKS);
  const blockOf = new Int32Array(units.count);
  const shuffled = Int32Array.from({ length: units.count }, (_, i) => i);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    const t = shuffled[i];
    shuffled[i] = shuffled[j];
    shuffled[j] = t;
  }
  shuffled.forEach((unit, position) => blockOf[unit] = position % blocks);
  const unitWeights = new Uint8Array(units.count);
  const weights = new Uint8Array(n);
  const absolute = metrics.map(() => []);
  const relative = metrics.map(() => []);
  for (let b = 0; b < blocks; b++) {
    for (let u = 0; u < units.count; u++) unitWeights[u] = blockOf[u] === b ? 0 : 1;
    const values = evaluateAll(metrics, evaluators, exampleWeights(units, unitWeights, weights), scratch);
    values.forEach((v, k) => {
      absolute[k].push(v.absolute);
      relative[k].push(v.relative);
    });
  }
  return metrics.map((_, k) => ({ absolute: skewAcceleration(absolute[k]), relative: skewAcceleration(relative[k]) }));
}
var THREAD_EXAMPLES = 65536;
var RESAMPLE_WAIT_MS = 12e4;
var JACKKNIFE_STREAM = 0;
function bootstrapThreads(raw = process.env.RETRAIN_BOOTSTRAP_THREADS) {
  if (raw === void 0 || raw === "") return Math.max(1, Math.min(availableParallelism(), 4));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new Error(`RETRAIN_BOOTSTRAP_THREADS must be a whole number from 1 to 64, got "${raw}"`);
  return value;
}
function planOf(metrics, n, units, settings) {
  const planned = [];
  for (const m of metrics) {
    const candidate = shapeOf(m.candidate);
    const baseline = shapeOf(m.baseline);
    if (!candidate || !baseline) return null;
    planned.push({ candidate, baseline, rows: m.rows ?? null });
  }
  return { n, units: units.count, unitOf: units.unitOf, metrics: planned, seed: settings.seed, resamples: settings.resamples, fused: fusedLayout(n, planned) };
}
function runPlan(plan, threads, worker) {
  const control = planControl(plan.resamples, plan.metrics.length);
  const helpers = [];
  if (threads > 1) {
    const sharedData = sharedPlan(plan);
    for (let t = 1; t < threads; t++) {
      const thread = startThread(worker, { job: "plan", plan: sharedData, control });
      if (thread) helpers.push(thread);
    }
  }
  const runner = new PlanRunner(plan);
  try {
    runner.runAll(control);
    for (let b = 0; b < plan.resamples; b++) {
      if (Atomics.load(control.done, b) === 1) continue;
      if (Atomics.load(control.counter, 1) === 0 && Atomics.wait(control.done, b, 0, RESAMPLE_WAIT_MS) !== "timed-out") continue;
      if (Atomics.load(control.done, b) !== 1) runner.run(b, control);
    }
  } finally {
    for (const thread of helpers) void thread.terminate();
  }
  return control;
}
function pairedBootstrap(metrics, n, units, settings, options = {}) {
  const scratch = /* @__PURE__ */ new Map();
  for (const m of metrics) if (m.rows && !scratch.has(m.rows)) scratch.set(m.rows, new Uint8Array(m.rows.length));
  const ones = new Uint8Array(n).fill(1);
  const evaluators = metrics.map(pairEvaluator);
  const points = evaluateAll(metrics, evaluators, ones, scratch);
  const absolute = metrics.map(() => new Float64Array(settings.resamples));
  const relative = metrics.map(() => new Float64Array(settings.resamples));
  const threads = n >= THREAD_EXAMPLES && settings.resamples > 1 ? options.threads ?? bootstrapThreads() : 1;
  const worker = options.worker ?? AHEAD_WORKER;
  const plan = planOf(metrics, n, units, settings);
  if (plan) {
    const { values } = runPlan(plan, threads, worker);
    for (let b = 0; b < settings.resamples; b++) {
      for (let k = 0; k < metrics.length; k++) {
        const at = (b * metrics.length + k) * 2;
        const v = improvementOf(metrics[k].goal, values[at], values[at + 1]);
        absolute[k][b] = v.absolute;
        relative[k][b] = v.relative;
      }
    }
  } else {
    const weights = new Uint8Array(n);
    const counts = threads > 1 ? weightsAhead(settings.seed, units.count, settings.resamples, worker) : weightsInTurn(settings.seed, units.count, settings.resamples);
    const layout = fusedLayout(
      n,
      metrics.map((m) => {
        const candidate = shapeOf(m.candidate);
        const baseline = shapeOf(m.baseline);
        return candidate && baseline && !m.rows ? { candidate, baseline, rows: null } : null;
      })
    );
    const fused = layout && new FusedRunner(layout);
    const fusedValues = new Float64Array(2 * metrics.length);
    const noDraws = new Random(0);
    let b = 0;
    for (const drawn of counts) {
      const w = exampleWeights(units, drawn, weights);
      fused?.run(w, noDraws, false, fusedValues, 0);
      const values = metrics.map((m, k) => {
        if (layout?.sources[2 * k]) return improvementOf(m.goal, fusedValues[2 * k], fusedValues[2 * k + 1]);
        return evaluateAll([m], [evaluators[k]], w, scratch)[0];
      });
      for (let k = 0; k < metrics.length; k++) {
        absolute[k][b] = values[k].absolute;
        relative[k][b] = values[k].relative;
      }
      b++;
    }
  }
  const acceleration = settings.interval === "bca" ? jackknifeAcceleration(metrics, evaluators, n, units, new Random(settings.seed, JACKKNIFE_STREAM), scratch) : metrics.map(() => ({ absolute: Number.NaN, relative: Number.NaN }));
  return metrics.map((_, k) => {
    const finiteSorted = (values) => values.filter((v) => Number.isFinite(v)).sort();
    const abs = finiteSorted(absolute[k]);
    const rel = finiteSorted(relative[k]);
    return {
      point: points[k],
      absolute: abs,
      relative: rel,
      degenerate: settings.resamples - abs.length,
      degenerateRelative: settings.resamples - rel.length,
      resamples: settings.resamples,
      units: units.count,
      unitKind: units.kind,
      acceleration: acceleration[k]
    };
  });
}
function normalCdf(x) {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x) / Math.SQRT2;
  let erfc;
  if (z < 3) {
    let term = z;
    let sum = z;
    for (let k = 1; k < 200 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
      term *= -z * z / k;
      sum += term / (2 * k + 1);
    }
    erfc = 1 - 2 / Math.sqrt(Math.PI) * sum;
  } else {
    const tiny = 1e-300;
    let f = z;
    let c = z;
    let d = 0;
    for (let k = 1; k < 500; k++) {
      const a = k / 2;
      d = z + a * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = z + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    erfc = Math.exp(-z * z) / (Math.sqrt(Math.PI) * f);
  }
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
function normalQuantile(p) {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const t = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    x = p < low ? t : -t;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}
function quantile(sorted, level) {
  const k = Math.floor(level * (sorted.length + 1) + 1e-9);
  return sorted[Math.min(Math.max(k, 1), sorted.length) - 1];
}
function boundAt(sorted, point, level, method, acceleration) {
  if (method === "percentile" || !Number.isFinite(acceleration)) return { value: quantile(sorted, level), method: "percentile" };
  let below = 0;
  let equal = 0;
  for (const v of sorted) {
    if (v < point) below++;
    else if (v === point) equal++;
  }
  const share = Math.min(Math.max((below + equal / 2) / sorted.length, 0.5 / sorted.length), 1 - 0.5 / sorted.length);
  const z0 = normalQuantile(share);
  const z = normalQuantile(level);
  const adjusted = normalCdf(z0 + (z0 + z) / (1 - acceleration * (z0 + z)));
  return { value: quantile(sorted, adjusted), method: "bca" };
}

// src/metrics/catalog.ts
var CLASSIFICATION = ["binary", "multiclass"];
var DEFINITIONS = {
  accuracy: { goal: "maximize", tasks: CLASSIFICATION, reads: "prediction", size: "examples" },
  precision: { goal: "maximize", tasks: ["binary"], reads: "prediction", size: "positives" },
  recall: { goal: "maximize", tasks: ["binary"], reads: "prediction", size: "positives" },
  f1: { goal: "maximize", tasks: ["binary"], reads: "prediction", size: "positives" },
  "precision-macro": { goal: "maximize", tasks: CLASSIFICATION, reads: "prediction", size: "every-class" },
  "recall-macro": { goal: "maximize", tasks: CLASSIFICATION, reads: "prediction", size: "every-class" },
  "f1-macro": { goal: "maximize", tasks: CLASSIFICATION, reads: "prediction", size: "every-class" },
  "precision-weighted": { goal: "maximize", tasks: CLASSIFICATION, reads: "prediction", size: "every-class" },
  "recall-weighted": { goal: "maximize", tasks: CLASSIFICATION, reads: "prediction", size: "every-class" },
  "f1-weighted": { goal: "maximize", tasks: CLASSIFICATION, reads: "prediction", size: "every-class" },
  "roc-auc": { goal: "maximize", tasks: CLASSIFICATION, reads: "score", size: "both-classes" },
  "average-precision": { goal: "maximize", tasks: CLASSIFICATION, reads: "score", size: "both-classes" },
  "log-loss": { goal: "minimize", tasks: CLASSIFICATION, reads: "probability", size: "examples" },
  brier: { goal: "minimize", tasks: ["binary"], reads: "probability", size: "examples" },
  rmse: { goal: "minimize", tasks: ["regression"], reads: "prediction", size: "examples" },
  mae: { goal: "minimize", tasks: ["regression"], reads: "prediction", size: "examples" },
  mape: { goal: "minimize", tasks: ["regression"], reads: "prediction", size: "examples" },
  r2: { goal: "maximize", tasks: ["regression"], reads: "prediction", size: "examples" }
};
function definitionOf(metric) {
  return DEFINITIONS[metric];
}
function needsOf(metrics) {
  const reads = new Set(metrics.map((m) => DEFINITIONS[m].reads));
  return { prediction: reads.has("prediction"), score: reads.has("score") || reads.has("probability"), probability: reads.has("probability") };
}
function kernelOf(metric, examples, outputs) {
  const label = examples.labelClass;
  const classes = examples.classes.length;
  const multiclass = examples.task === "multiclass";
  switch (metric) {
    case "accuracy":
      return meanKernel(accuracyValues(label, outputs.predictedClass));
    case "precision":
    case "recall":
    case "f1":
      return countKernel(metric, "binary", label, outputs.predictedClass, classes);
    case "precision-macro":
    case "recall-macro":
    case "f1-macro":
    case "precision-weighted":
    case "recall-weighted":
    case "f1-weighted": {
      const [base, average] = metric.split("-");
      return countKernel(base, average, label, outputs.predictedClass, classes);
    }
    case "roc-auc":
    case "average-precision": {
      const kernel = metric === "roc-auc" ? rocAucKernel : averagePrecisionKernel;
      if (!multiclass) return kernel(oneVsRest(label, 1), outputs.score);
      return macroKernel(outputs.probabilities.map((column, k) => kernel(oneVsRest(label, k), column)));
    }
    case "log-loss":
      return meanKernel(multiclass ? multiclassLogLossValues(label, outputs.probabilities) : binaryLogLossValues(label, outputs.score));
    case "brier":
      return meanKernel(brierValues(label, outputs.score));
    case "rmse":
      return rmseKernel(examples.labelValue, outputs.predictedValue);
    case "mae":
      return meanKernel(absoluteErrors(examples.labelValue, outputs.predictedValue));
    case "mape":
      return mapeKernel(examples.labelValue, outputs.predictedValue);
    case "r2":
      return r2Kernel(examples.labelValue, outputs.predictedValue);
  }
}
function effectiveSize(metric, examples, rows) {
  const size = DEFINITIONS[metric].size;
  if (size === "examples" || examples.task === "regression") return rows.length;
  const counts = new Array(examples.classes.length).fill(0);
  for (let i = 0; i < rows.length; i++) counts[examples.labelClass[rows[i]]]++;
  if (size === "positives") return counts[1];
  if (size === "both-classes" && examples.task === "binary") return Math.min(counts[0], counts[1]);
  let fewest = Number.POSITIVE_INFINITY;
  for (const c of counts) if (c < fewest) fewest = c;
  return fewest;
}

export {
  sortByScore,
  DEFAULT_BOOTSTRAP,
  MIN_UNITS,
  MAX_DEGENERATE_SHARE,
  pairedBootstrap,
  boundAt,
  definitionOf,
  needsOf,
  kernelOf,
  effectiveSize
};
