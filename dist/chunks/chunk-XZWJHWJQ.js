import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/metrics/bootstrap-settings.ts
var DEFAULT_BOOTSTRAP = { resamples: 1e3, seed: 0, interval: "bca" };

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
  DEFAULT_BOOTSTRAP,
  isMeanKernel,
  pairedMeans,
  sortByScore,
  aucPass,
  aucFinish,
  shapeOf,
  definitionOf,
  needsOf,
  kernelOf,
  effectiveSize
};
