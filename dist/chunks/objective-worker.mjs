// src/trainers/objective-worker.ts
import { receiveMessageOnPort, workerData } from "node:worker_threads";

// src/trainers/kernels.ts
function dot(w, wOffset, x, xOffset, d) {
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let j = 0;
  for (; j + 3 < d; j += 4) {
    a += w[wOffset + j] * x[xOffset + j];
    b += w[wOffset + j + 1] * x[xOffset + j + 1];
    c += w[wOffset + j + 2] * x[xOffset + j + 2];
    e += w[wOffset + j + 3] * x[xOffset + j + 3];
  }
  for (; j < d; j++) a += w[wOffset + j] * x[xOffset + j];
  return a + b + (c + e);
}
function axpy(a, x, xOffset, y, yOffset, d) {
  let j = 0;
  for (; j + 3 < d; j += 4) {
    y[yOffset + j] += a * x[xOffset + j];
    y[yOffset + j + 1] += a * x[xOffset + j + 1];
    y[yOffset + j + 2] += a * x[xOffset + j + 2];
    y[yOffset + j + 3] += a * x[xOffset + j + 3];
  }
  for (; j < d; j++) y[yOffset + j] += a * x[xOffset + j];
}
function scoreRows(w, bias, x, from, to, d, out) {
  let i = from;
  for (; i + 7 < to; i += 8) {
    const o0 = i * d;
    const o1 = o0 + d;
    const o2 = o1 + d;
    const o3 = o2 + d;
    const o4 = o3 + d;
    const o5 = o4 + d;
    const o6 = o5 + d;
    const o7 = o6 + d;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let a6 = 0;
    let a7 = 0;
    for (let j = 0; j < d; j++) {
      const wj = w[j];
      a0 += wj * x[o0 + j];
      a1 += wj * x[o1 + j];
      a2 += wj * x[o2 + j];
      a3 += wj * x[o3 + j];
      a4 += wj * x[o4 + j];
      a5 += wj * x[o5 + j];
      a6 += wj * x[o6 + j];
      a7 += wj * x[o7 + j];
    }
    const k = i - from;
    out[k] = bias + a0;
    out[k + 1] = bias + a1;
    out[k + 2] = bias + a2;
    out[k + 3] = bias + a3;
    out[k + 4] = bias + a4;
    out[k + 5] = bias + a5;
    out[k + 6] = bias + a6;
    out[k + 7] = bias + a7;
  }
  for (; i < to; i++) out[i - from] = bias + dot(w, 0, x, i * d, d);
}
function accumulateRows(r, x, from, to, d, grad) {
  let i = from;
  for (; i + 7 < to; i += 8) {
    const o0 = i * d;
    const o1 = o0 + d;
    const o2 = o1 + d;
    const o3 = o2 + d;
    const o4 = o3 + d;
    const o5 = o4 + d;
    const o6 = o5 + d;
    const o7 = o6 + d;
    const k = i - from;
    const r0 = r[k];
    const r1 = r[k + 1];
    const r2 = r[k + 2];
    const r3 = r[k + 3];
    const r4 = r[k + 4];
    const r5 = r[k + 5];
    const r6 = r[k + 6];
    const r7 = r[k + 7];
    for (let j = 0; j < d; j++) {
      grad[j] += r0 * x[o0 + j] + r1 * x[o1 + j] + (r2 * x[o2 + j] + r3 * x[o3 + j]) + (r4 * x[o4 + j] + r5 * x[o5 + j] + (r6 * x[o6 + j] + r7 * x[o7 + j]));
    }
  }
  for (; i < to; i++) axpy(r[i - from], x, i * d, grad, 0, d);
}
var LogSum = class {
  product = 1;
  count = 0;
  total = 0;
  chunk;
  constructor(maxFactor) {
    this.chunk = Math.max(1, Math.min(64, Math.floor(600 / Math.log2(Math.max(2, maxFactor)))));
  }
  add(factor) {
    this.product *= factor;
    if (++this.count === this.chunk) {
      this.total += Math.log(this.product);
      this.product = 1;
      this.count = 0;
    }
  }
  value() {
    return this.total + Math.log(this.product);
  }
  /** Empties the sum, to start another. */
  reset() {
    this.product = 1;
    this.count = 0;
    this.total = 0;
  }
};

// src/trainers/objectives.ts
var BLOCK_ROWS = 512;
var LOG_CHUNK = 64;
function rangeObjective(kind, data) {
  return kind.kind === "logistic" ? logisticRange(data) : kind.kind === "multinomial" ? multinomialRange(data, kind.classes) : poissonRange(data);
}
function logisticRange(data) {
  const { x, y, d } = data;
  const r = new Float64Array(BLOCK_ROWS);
  return (p, from, to, sums) => {
    const bias = p[d];
    let total = 0;
    let logTotal = 0;
    let gradBias = 0;
    sums.fill(0);
    for (let start = from; start < to; start += BLOCK_ROWS) {
      const end = Math.min(to, start + BLOCK_ROWS);
      scoreRows(p, bias, x, start, end, d, r);
      for (let chunk = 0; chunk < end - start; chunk += LOG_CHUNK) {
        const chunkEnd = Math.min(end - start, chunk + LOG_CHUNK);
        let product = 1;
        for (let k = chunk; k < chunkEnd; k++) {
          const z = r[k];
          const abs = Math.abs(z);
          const e = Math.exp(-abs);
          const label = y[start + k];
          total += 0.5 * (z + abs) - label * z;
          const onePlus = 1 + e;
          product *= onePlus;
          const negative = +(z < 0);
          const residual = (negative * e + (1 - negative)) / onePlus - label;
          r[k] = residual;
          gradBias += residual;
        }
        logTotal += Math.log(product);
      }
      accumulateRows(r, x, start, end, d, sums);
    }
    sums[d] = gradBias;
    return total + logTotal;
  };
}
function multinomialRange(data, classes) {
  const { x, y, d } = data;
  const r = Array.from({ length: classes }, () => new Float64Array(BLOCK_ROWS));
  const logs = new LogSum(classes);
  return (p, from, to, sums) => {
    sums.fill(0);
    let total = 0;
    logs.reset();
    const w = Array.from({ length: classes }, (_, c) => p.subarray(c * d, (c + 1) * d));
    const g = Array.from({ length: classes }, (_, c) => sums.subarray(c * d, (c + 1) * d));
    for (let start = from; start < to; start += BLOCK_ROWS) {
      const end = Math.min(to, start + BLOCK_ROWS);
      for (let c = 0; c < classes; c++) scoreRows(w[c], p[classes * d + c], x, start, end, d, r[c]);
      for (let k = 0; k < end - start; k++) {
        let max = -Infinity;
        for (let c = 0; c < classes; c++) max = Math.max(max, r[c][k]);
        const label = y[start + k];
        total += max - r[label][k];
        let sum = 0;
        for (let c = 0; c < classes; c++) {
          const e = Math.exp(r[c][k] - max);
          r[c][k] = e;
          sum += e;
        }
        logs.add(sum);
        for (let c = 0; c < classes; c++) {
          const residual = r[c][k] / sum - (label === c ? 1 : 0);
          r[c][k] = residual;
          sums[classes * d + c] += residual;
        }
      }
      for (let c = 0; c < classes; c++) accumulateRows(r[c], x, start, end, d, g[c]);
    }
    return total + logs.value();
  };
}
function poissonRange(data) {
  const { x, y, d } = data;
  const r = new Float64Array(BLOCK_ROWS);
  return (p, from, to, sums) => {
    const bias = p[d];
    let total = 0;
    let gradBias = 0;
    sums.fill(0);
    for (let start = from; start < to; start += BLOCK_ROWS) {
      const end = Math.min(to, start + BLOCK_ROWS);
      scoreRows(p, bias, x, start, end, d, r);
      for (let k = 0; k < end - start; k++) {
        const z = r[k];
        const mu = Math.exp(z);
        const count = y[start + k];
        total += mu - count * z;
        r[k] = mu - count;
        gradBias += r[k];
      }
      accumulateRows(r, x, start, end, d, sums);
    }
    sums[d] = gradBias;
    return total;
  };
}

// src/trainers/objective-threads.ts
var OBJECTIVE_WORKER = new URL("./objective-worker.mjs", import.meta.url);
var STATE = 0;
var JOB = 1;
var POSTED = 1;
var RUNNING = 2;
var DONE = 3;
var FAILED = 4;
var MIN_WORK = 1 << 16;

// src/trainers/objective-worker.ts
var { control, port } = workerData;
var known = /* @__PURE__ */ new Map();
var KEEP = 4;
function lookUp(id) {
  for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
    const dataset = message.message;
    known.set(dataset.id, { dataset, sum: rangeObjective(dataset.kind, dataset.data), sums: new Float64Array(dataset.params.length) });
    if (known.size > KEEP) known.delete(known.keys().next().value);
  }
  return known.get(id);
}
for (; ; ) {
  const state = Atomics.load(control, STATE);
  if (state !== POSTED) {
    Atomics.wait(control, STATE, state);
    continue;
  }
  if (Atomics.compareExchange(control, STATE, POSTED, RUNNING) !== POSTED) continue;
  let outcome = FAILED;
  try {
    const job = lookUp(Atomics.load(control, JOB));
    if (job) {
      const { dataset, sum, sums } = job;
      const total = sum(dataset.params, 0, dataset.half, sums);
      dataset.result.set(sums);
      dataset.result[sums.length] = total;
      outcome = DONE;
    }
  } catch {
  }
  Atomics.store(control, STATE, outcome);
  Atomics.notify(control, STATE);
}
