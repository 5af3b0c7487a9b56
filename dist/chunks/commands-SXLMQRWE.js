import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  binarySpelling,
  classKey
} from "./chunk-UUU4LAZ5.js";
import {
  trainerThreadsSetting
} from "./chunk-7FFNMB6Q.js";
import {
  errorLine
} from "./chunk-BO7MP4MN.js";
import {
  FROZEN_OPTIONS,
  TRAINERS,
  isTrainerName,
  optionKey,
  parseTrainerOptions
} from "./chunk-IM7OO3IZ.js";
import "./chunk-EU3M232E.js";
import {
  ContractEnv,
  WEIGHTS_FILE,
  dataEnvName
} from "./chunk-2RZSXHJU.js";
import {
  CsvError,
  JSON_LINES,
  checkHeader,
  parseNumber,
  scanFile
} from "./chunk-67YTMMAY.js";
import {
  ExitCode
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/trainers/errors.ts
var TrainerError = class extends Error {
  name = "TrainerError";
};

// src/trainers/evaluate-command.ts
import { appendFile, writeFile as writeFile2 } from "node:fs/promises";

// src/trainers/csv.ts
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import path from "node:path";

// src/trainers/kernels.ts
function sharedFloat64Array(length) {
  return new Float64Array(new SharedArrayBuffer(8 * length));
}
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

// src/trainers/csv.ts
var EMPTY = "the file is empty; a CSV file with a header row is expected";
function trainerError(err) {
  return err instanceof CsvError ? new TrainerError(err.message) : err;
}
async function readHeader(file) {
  let header = null;
  await scanFile(
    file,
    (scanner) => {
      header = Array.from({ length: scanner.count }, (_, c) => scanner.text(c).trim());
      checkHeader(header, file, scanner.recordLine);
      return false;
    },
    void 0,
    64 * 1024
  );
  if (header === null) throw new CsvError(`${file}: ${EMPTY}`);
  return header;
}
var Columns = class {
  constructor(width, numbers, texts) {
    this.width = width;
    this.numbers = Array.from({ length: numbers }, () => new Float64Array(0));
    this.codes = Array.from({ length: texts }, () => new Int32Array(0));
    this.vocabularies = Array.from({ length: texts }, () => /* @__PURE__ */ new Map());
    this.values = Array.from({ length: texts }, () => []);
  }
  width;
  capacity = 0;
  matrix = new Float64Array(0);
  lines = new Int32Array(0);
  numbers;
  codes;
  vocabularies;
  values;
  grow(capacity) {
    const matrix = sharedFloat64Array(capacity * this.width);
    matrix.set(this.matrix);
    this.matrix = matrix;
    const lines = new Int32Array(capacity);
    lines.set(this.lines);
    this.lines = lines;
    this.numbers = this.numbers.map((a) => {
      const out = new Float64Array(capacity);
      out.set(a);
      return out;
    });
    this.codes = this.codes.map((a) => {
      const out = new Int32Array(capacity);
      out.set(a);
      return out;
    });
    this.capacity = capacity;
  }
  code(t, cell) {
    const vocabulary = this.vocabularies[t];
    let code = vocabulary.get(cell);
    if (code === void 0) {
      code = this.values[t].length;
      vocabulary.set(cell, code);
      this.values[t].push(cell);
    }
    return code;
  }
};
async function readTable(files, plan) {
  try {
    return await readFiles(files, plan);
  } catch (err) {
    throw trainerError(err);
  }
}
async function readFiles(files, plan) {
  const jsonLines = files.find((file) => JSON_LINES.test(file));
  if (jsonLines !== void 0) {
    throw new TrainerError(
      `${path.basename(jsonLines)} is JSON Lines, but the built-in trainers read CSV files (a header row, then one row per example); convert it to CSV`
    );
  }
  const headers = [];
  for (const file of files) headers.push(await readHeader(file));
  const columns = headers.length === 0 ? [] : headers[0].filter((c) => headers.every((h) => h.includes(c)));
  const wanted = plan(columns);
  const keep = (names) => [...new Set(names)].filter((c) => columns.includes(c));
  const text = keep(wanted.text);
  const numbers = keep(wanted.numbers).filter((c) => !text.includes(c));
  const matrixColumns = keep(wanted.matrix).filter((c) => !text.includes(c) && !numbers.includes(c));
  const totalBytes = await sizes(files);
  const store = new Columns(matrixColumns.length, numbers.length, text.length);
  const notNumeric = /* @__PURE__ */ new Set();
  const sources = [];
  let rows = 0;
  let bytesBefore = 0;
  for (const [f, file] of files.entries()) {
    const header = headers[f];
    const matrixAt = Int32Array.from(matrixColumns, (c) => header.indexOf(c));
    const numberAt = Int32Array.from(numbers, (c) => header.indexOf(c));
    const textAt = Int32Array.from(text, (c) => header.indexOf(c));
    const width = header.length;
    const hash = createHash("sha256");
    let bytesRead = 0;
    let first = true;
    const firstRow = rows;
    const checkWidth = (scanner) => {
      if (scanner.count !== width) throw scanner.widthError(file, width);
    };
    const roomForRow = (scanner) => {
      if (rows === store.capacity) {
        const consumed = bytesBefore + bytesRead - (scanner.length - scanner.position);
        const expected = rows > 0 && consumed > 0 ? Math.ceil(rows * totalBytes / consumed) : 0;
        store.grow(Math.max(1024, Math.ceil(rows * 1.25), Math.ceil(expected * 1.02) + 64));
      }
    };
    const slot = new Int32Array(width).fill(-1);
    matrixAt.forEach((c, k) => slot[c] = k);
    numberAt.forEach((c, k) => slot[c] = matrixAt.length + k);
    const plainRow = new Float64Array(matrixAt.length + numberAt.length);
    const plain = textAt.length > 0 ? void 0 : (scanner) => {
      if (first || scanner.plainNumbers(slot, plainRow) < 0) return false;
      checkWidth(scanner);
      roomForRow(scanner);
      const m = store.width;
      const matrix = store.matrix;
      for (let k = 0; k < m; k++) matrix[rows * m + k] = plainRow[k];
      for (let k = 0; k < numberAt.length; k++) store.numbers[k][rows] = plainRow[m + k];
      store.lines[rows] = scanner.recordLine;
      rows++;
      return true;
    };
    await scanFile(
      file,
      (scanner) => {
        if (first) {
          first = false;
          return;
        }
        checkWidth(scanner);
        roomForRow(scanner);
        const m = store.width;
        const matrix = store.matrix;
        for (let k = 0; k < m; k++) {
          const value = scanner.number(matrixAt[k]);
          if (value === void 0) notNumeric.add(matrixColumns[k]);
          matrix[rows * m + k] = value ?? Number.NaN;
        }
        for (let k = 0; k < numberAt.length; k++) {
          const c = numberAt[k];
          const value = scanner.number(c);
          if (typeof value !== "number" && (value === void 0 || scanner.text(c).trim() !== "")) notNumeric.add(numbers[k]);
          store.numbers[k][rows] = value ?? Number.NaN;
        }
        for (let k = 0; k < textAt.length; k++) store.codes[k][rows] = store.code(k, scanner.text(textAt[k]).trim());
        store.lines[rows] = scanner.recordLine;
        rows++;
      },
      (bytes) => {
        hash.update(bytes);
        bytesRead += bytes.length;
      },
      void 0,
      plain
    );
    bytesBefore += bytesRead;
    sources.push({ file: path.basename(file), path: file, sha256: hash.digest("hex"), firstRow, rows: rows - firstRow });
  }
  const partial = [];
  for (const header of headers) {
    for (const column of header) {
      if (columns.includes(column) || partial.some((p) => p.column === column)) continue;
      partial.push({ column, lackedBy: path.basename(files[headers.findIndex((h) => !h.includes(column))]) });
    }
  }
  const table = {
    columns,
    partial,
    rows,
    files: sources,
    lines: store.lines.subarray(0, rows),
    matrix: store.matrix.subarray(0, rows * store.width),
    matrixColumns,
    numbers: new Map(numbers.map((c, k) => [c, store.numbers[k].subarray(0, rows)])),
    text: new Map(text.map((c, k) => [c, { codes: store.codes[k].subarray(0, rows), values: store.values[k] }]))
  };
  if (notNumeric.size > 0) await readAsText(table, files, headers, [...notNumeric]);
  return table;
}
async function sizes(files) {
  let total = 0;
  for (const file of files) total += (await stat(file)).size;
  return total;
}
async function readAsText(table, files, headers, columns) {
  const store = new Columns(0, 0, columns.length);
  store.grow(table.rows);
  let row = 0;
  for (const [f, file] of files.entries()) {
    const at = columns.map((c) => headers[f].indexOf(c));
    let first = true;
    await scanFile(file, (scanner) => {
      if (first) {
        first = false;
        return;
      }
      for (let k = 0; k < at.length; k++) store.codes[k][row] = store.code(k, scanner.text(at[k]).trim());
      row++;
    });
  }
  columns.forEach((c, k) => {
    table.numbers.delete(c);
    table.text.set(c, { codes: store.codes[k], values: store.values[k] });
  });
  const kept = table.matrixColumns.filter((c) => !columns.includes(c));
  if (kept.length < table.matrixColumns.length) {
    const from = kept.map((c) => table.matrixColumns.indexOf(c));
    const m = table.matrixColumns.length;
    const matrix = sharedFloat64Array(table.rows * kept.length);
    for (let i = 0; i < table.rows; i++) for (let k = 0; k < from.length; k++) matrix[i * kept.length + k] = table.matrix[i * m + from[k]];
    table.matrix = matrix;
    table.matrixColumns = kept;
  }
}
function hasColumn(table, column) {
  return table.columns.includes(column);
}
function cellText(table, column, row) {
  const text = table.text.get(column);
  if (text) return text.values[text.codes[row]];
  const numbers = table.numbers.get(column);
  const value = numbers ? numbers[row] : table.matrix[row * table.matrixColumns.length + table.matrixColumns.indexOf(column)];
  return Number.isNaN(value) ? "" : String(value);
}
function classLabel(text) {
  return classKey(text);
}
function classIndex(classes, label, binary) {
  const keys = classes.map(classKey);
  const key = classKey(label);
  const index = keys.indexOf(key);
  if (index !== -1 || !binary) return index;
  const other = binarySpelling(keys, key);
  return other === void 0 ? -1 : keys.indexOf(other);
}
function mergeBinarySpellings(labels) {
  const booleans = [...labels].some((l) => l === "true" || l === "false");
  const numbers = [...labels].some((l) => l === "1" || l === "0");
  if (!booleans || !numbers) return labels;
  return new Set([...labels].map((l) => l === "true" ? "1" : l === "false" ? "0" : l));
}
function labelRows(table, label) {
  const text = table.text.get(label);
  const numbers = table.numbers.get(label);
  const missing = text ? text.values.map((v) => parseNumber(v) === null) : [];
  const rows = new Int32Array(table.rows);
  let n = 0;
  for (let i = 0; i < table.rows; i++) {
    if (text ? !missing[text.codes[i]] : !Number.isNaN(numbers[i])) rows[n++] = i;
  }
  return rows.subarray(0, n);
}
function rowOrigin(table, row) {
  const source = [...table.files].reverse().find((f) => f.firstRow <= row);
  if (!source) return `row ${row + 1}`;
  const relative = path.relative(process.cwd(), source.path);
  const shown = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : source.path;
  return `${shown}:${table.lines[row] ?? row - source.firstRow + 2}`;
}

// src/trainers/io.ts
function requireEnv(env, name) {
  const value = env[name];
  if (!value) throw new TrainerError(`${name} is not set; run this through a retrain spec, or set it by hand (see the README's contract table)`);
  return value;
}
function dataFiles(env, name, chosenBy) {
  const variable = dataEnvName(name);
  const value = env[variable];
  if (value === void 0) {
    throw new TrainerError(`${variable} is not set: the spec declares no data input "${name}" (${chosenBy})`);
  }
  const files = value.split("\n").map((f) => f.trim()).filter((f) => f !== "");
  if (files.length === 0) throw new TrainerError(`${variable} lists no files: data input "${name}" matched nothing`);
  return files;
}

// src/trainers/metrics.ts
function regressionMetrics(labels, predicted) {
  const n = labels.length;
  let mean = 0;
  for (const y of labels) mean += y / n;
  let sse = 0;
  let sae = 0;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    sse += (predicted[i] - labels[i]) ** 2;
    sae += Math.abs(predicted[i] - labels[i]);
    sst += (labels[i] - mean) ** 2;
  }
  return { rmse: Math.sqrt(sse / n), mae: sae / n, r2: sst > 0 ? 1 - sse / sst : NaN };
}
function poissonMetrics(labels, predicted) {
  const n = labels.length;
  let mean = 0;
  for (const y of labels) mean += y / n;
  const deviance = (y, mu) => 2 * ((y > 0 ? y * Math.log(y / mu) : 0) - y + mu);
  let model = 0;
  let nul = 0;
  for (let i = 0; i < n; i++) {
    model += deviance(labels[i], predicted[i]);
    nul += deviance(labels[i], mean);
  }
  return { ...regressionMetrics(labels, predicted), mean_poisson_deviance: model / n, d2: nul > 0 ? 1 - model / nul : NaN };
}
function rocAuc(positive, scores) {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (positive[order[k]]) {
        positives++;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
}
var EPS = 1e-15;
function classificationMetrics(truth, predicted, classes, probabilities, binaryScores, unknownLabels = 0) {
  const n = truth.length;
  let correct = 0;
  const tp = new Float64Array(classes);
  const fp = new Float64Array(classes);
  const fn = new Float64Array(classes);
  let logLoss = 0;
  for (let i = 0; i < n; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (t === p) {
      correct++;
      tp[p]++;
    } else {
      fp[p]++;
      if (t >= 0) fn[t]++;
    }
    if (probabilities) logLoss -= Math.log(Math.max(EPS, t >= 0 ? probabilities[i * classes + t] : 0));
  }
  const f1 = (c) => 2 * tp[c] + fp[c] + fn[c] > 0 ? 2 * tp[c] / (2 * tp[c] + fp[c] + fn[c]) : NaN;
  const out = { accuracy: correct / n };
  if (probabilities) out.log_loss = logLoss / n;
  if (classes === 2 && binaryScores) {
    out.auc = rocAuc(
      Uint8Array.from(truth, (t) => t === 1 ? 1 : 0),
      binaryScores
    );
    out.precision = tp[1] + fp[1] > 0 ? tp[1] / (tp[1] + fp[1]) : NaN;
    out.recall = tp[1] + fn[1] > 0 ? tp[1] / (tp[1] + fn[1]) : NaN;
    out.f1 = f1(1);
  } else {
    let sum = 0;
    let present = unknownLabels;
    for (let c = 0; c < classes; c++) {
      if (Number.isNaN(f1(c))) continue;
      sum += f1(c);
      present++;
    }
    out.macro_f1 = present > 0 ? sum / present : NaN;
  }
  return out;
}

// src/trainers/model.ts
import { createHash as createHash2 } from "node:crypto";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path2 from "node:path";
var MODEL_FILE = "model.json";
var MODEL_FORMAT = "retrain/builtin-linear";
var MODEL_FORMAT_VERSION = 1;
function weightsDigest(weights, bias) {
  return createHash2("sha256").update(JSON.stringify({ weights, bias })).digest("hex");
}
function checksumOf(model) {
  return createHash2("sha256").update(JSON.stringify(model)).digest("hex");
}
function predictionWeights(model) {
  const avg = model.sgd?.averaging;
  if (!avg || avg.count === 0) return { weights: model.weights, bias: model.bias };
  return { weights: [avg.sumWeights.map((s) => s / avg.count)], bias: [avg.sumBias / avg.count] };
}
function namedWeights(model) {
  const { weights, bias } = predictionWeights(model);
  const perClass = model.task === "multiclass";
  const out = {};
  weights.forEach((row, c) => {
    const suffix = perClass ? ` [${model.classes[c]}]` : "";
    model.preparation.features.forEach((f, j) => out[`${f.name}${suffix}`] = row[j]);
    out[`(bias)${suffix}`] = bias[c];
  });
  return out;
}
async function saveModel(dir, model) {
  await mkdir(dir, { recursive: true });
  await writeFile(path2.join(dir, MODEL_FILE), JSON.stringify({ ...model, checksum: checksumOf(model) }) + "\n");
  await writeFile(path2.join(dir, WEIGHTS_FILE), JSON.stringify({ weights: namedWeights(model) }, null, 2) + "\n");
}
async function hasModel(dir) {
  return readFile(path2.join(dir, MODEL_FILE)).then(
    () => true,
    () => false
  );
}
function finiteMatrix(rows, count, width) {
  return Array.isArray(rows) && rows.length === count && rows.every((r) => Array.isArray(r) && r.length === width && r.every((v) => typeof v === "number" && Number.isFinite(v)));
}
async function loadModel(dir) {
  const file = path2.join(dir, MODEL_FILE);
  const refuse = (why) => new TrainerError(`${file} is not a usable built-in model: ${why}; it is refused rather than guessed at`);
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw refuse(err.code === "ENOENT" ? "there is no such file" : err.message);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw refuse(`it is not valid JSON (${err.message})`);
  }
  if (parsed?.format !== MODEL_FORMAT || parsed.formatVersion !== MODEL_FORMAT_VERSION) {
    throw refuse(`its format is ${JSON.stringify(parsed?.format)} v${JSON.stringify(parsed?.formatVersion)}, expected ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION}`);
  }
  const { checksum, ...model } = parsed;
  if (checksum !== checksumOf(model)) throw refuse("its checksum does not match its content (it was changed or damaged after training)");
  if (!isTrainerName(model.trainer) || TRAINERS[model.trainer].task !== model.task) throw refuse(`unknown trainer ${JSON.stringify(model.trainer)}`);
  const d = model.preparation?.features?.length ?? 0;
  const rows = model.task === "multiclass" ? model.classes?.length ?? 0 : 1;
  if (d === 0 || !finiteMatrix(model.weights, rows, d) || !finiteMatrix([model.bias], 1, rows)) {
    throw refuse(`its weights do not match its ${d} features and ${rows} weight row(s)`);
  }
  const avg = model.sgd?.averaging;
  if (avg && !finiteMatrix([avg.sumWeights], 1, d)) throw refuse("its averaged weights do not match its features");
  return model;
}

// src/trainers/preparation.ts
function preparedColumns(prep) {
  return [...prep.numeric.map((c) => c.column), ...prep.categorical.map((c) => c.column)];
}
function missingColumns(table, columns) {
  return columns.filter((c) => !hasColumn(table, c));
}
function numericView(table, column, rows) {
  const k = table.matrixColumns.indexOf(column);
  if (k !== -1) return { values: table.matrix, stride: table.matrixColumns.length, offset: k, firstBad: -1 };
  const numbers = table.numbers.get(column);
  if (numbers) return { values: numbers, stride: 1, offset: 0, firstBad: -1 };
  const { codes, values } = table.text.get(column);
  const parsed = values.map(parseNumber);
  const asNumbers = Float64Array.from(parsed, (v) => typeof v === "number" ? v : Number.NaN);
  const firstBad = rows.find((row) => parsed[codes[row]] === void 0);
  return { values: Float64Array.from(codes, (code) => asNumbers[code]), stride: 1, offset: 0, firstBad: firstBad ?? -1 };
}
function textView(table, column) {
  const text = table.text.get(column);
  if (text) return text;
  const codes = new Int32Array(table.rows);
  const index = /* @__PURE__ */ new Map();
  const values = [];
  for (let row = 0; row < table.rows; row++) {
    const cell = cellText(table, column, row);
    let code = index.get(cell);
    if (code === void 0) {
      code = values.length;
      index.set(cell, code);
      values.push(cell);
    }
    codes[row] = code;
  }
  return { codes, values };
}
function fnv1a(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
function columnStat(values, stride, offset, rows, withSquares) {
  let count = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let r = 0; r < rows.length; r++) {
    const v = values[rows[r] * stride + offset];
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let squares = 0;
  if (withSquares && count > 0) {
    const mean = sum / count;
    for (let r = 0; r < rows.length; r++) {
      const v = values[rows[r] * stride + offset];
      if (!Number.isNaN(v)) squares += (v - mean) ** 2;
    }
  }
  return { count, sum, min, max, squares };
}
function columnStats(matrix, width, rows, withSquares) {
  const count = new Float64Array(width);
  const sum = new Float64Array(width);
  const min = new Float64Array(width).fill(Number.POSITIVE_INFINITY);
  const max = new Float64Array(width).fill(Number.NEGATIVE_INFINITY);
  const squares = new Float64Array(width);
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r] * width;
    for (let k = 0; k < width; k++) {
      const v = matrix[base + k];
      if (Number.isNaN(v)) continue;
      count[k]++;
      sum[k] += v;
      if (v < min[k]) min[k] = v;
      if (v > max[k]) max[k] = v;
    }
  }
  if (withSquares) {
    const mean = Float64Array.from(sum, (s, k) => s / count[k]);
    for (let r = 0; r < rows.length; r++) {
      const base = rows[r] * width;
      for (let k = 0; k < width; k++) {
        const v = matrix[base + k];
        if (!Number.isNaN(v)) squares[k] += (v - mean[k]) ** 2;
      }
    }
  }
  return { count, sum, min, max, squares };
}
function statsOf(stats, k) {
  return { count: stats.count[k], sum: stats.sum[k], min: stats.min[k], max: stats.max[k], squares: stats.squares[k] };
}
function noteMixedColumn(table, column, rows, view, notes) {
  let numbers = 0;
  for (let r = 0; r < rows.length; r++) if (!Number.isNaN(view.values[rows[r] * view.stride + view.offset])) numbers++;
  if (numbers === 0) return;
  notes.push(
    `column ${column} is read as categories, not numbers: ${rowOrigin(table, view.firstBad)} holds ${JSON.stringify(cellText(table, column, view.firstBad))} (${numbers} of ${rows.length} rows hold numbers); fix that cell (a missing value is empty, NA, NaN or null), or list the column under categorical to keep it so`
  );
}
function fitPreparation(table, rows, options, notes) {
  const excluded = /* @__PURE__ */ new Set([options.label, options.idColumn, ...options.ignore]);
  const columns = options.features ?? table.columns.filter((c) => !excluded.has(c));
  const absent = missingColumns(table, [...columns, ...options.categorical.filter((c) => !excluded.has(c))]);
  if (absent.length > 0) {
    const partly = table.partial.filter((p) => absent.includes(p.column)).map((p) => `; ${p.column} is not in every file (${p.lackedBy} lacks it)`);
    throw new TrainerError(
      `with.features names column(s) the training data lacks: ${absent.join(", ")} (columns: ${table.columns.join(", ")})${partly.join("")}`
    );
  }
  const prep = {
    label: options.label,
    idColumn: hasColumn(table, options.idColumn) ? options.idColumn : null,
    unknownCategories: options.unknownCategories,
    missingIndicators: options.missingIndicators,
    numeric: [],
    categorical: [],
    features: []
  };
  let matrixStats = null;
  for (const column of columns) {
    const view = options.categorical.includes(column) ? null : numericView(table, column, rows);
    if (view && view.firstBad !== -1) noteMixedColumn(table, column, rows, view, notes);
    if (view && view.firstBad === -1) {
      const k = view.values === table.matrix ? view.offset : -1;
      if (k !== -1 && matrixStats === null) matrixStats = columnStats(table.matrix, view.stride, rows, options.normalize === "standard");
      const { count, sum, min, max, squares } = k !== -1 ? statsOf(matrixStats, k) : columnStat(view.values, view.stride, view.offset, rows, options.normalize === "standard");
      if (count === 0) {
        notes.push(`column ${column} has no values in the training data; it is not used`);
        continue;
      }
      const mean = sum / count;
      let center = 0;
      let scale = 1;
      if (options.normalize === "standard") {
        const std = Math.sqrt(squares / count);
        center = mean;
        scale = std > 0 ? std : 1;
      } else if (options.normalize === "min-max") {
        center = min;
        scale = max > min ? max - min : 1;
      }
      if (![mean, center, scale].every(Number.isFinite)) {
        throw new TrainerError(
          `column ${column} holds numbers too large for the trainer's arithmetic (from ${min} to ${max}; its ${Number.isFinite(mean) ? "spread" : "sum"} overflows): rescale the column, write a sentinel such as 1e300 as a missing value, or leave the column out (with.ignore)`
        );
      }
      prep.numeric.push({ column, center, scale, fill: mean });
      prep.features.push({ name: column, kind: "numeric", column });
      if (options.missingIndicators) prep.features.push({ name: `${column} (missing)`, kind: "missing", column });
    } else if (options.categoricalEncoding === "hash") {
      prep.categorical.push({ column, encoding: "hash", buckets: options.hashBuckets });
      for (let bucket = 0; bucket < options.hashBuckets; bucket++) prep.features.push({ name: `${column}#${bucket}`, kind: "hash", column, bucket });
    } else {
      const { codes, values } = textView(table, column);
      const counts = new Int32Array(values.length);
      for (let r = 0; r < rows.length; r++) counts[codes[rows[r]]]++;
      const keep = values.filter((cell, code) => cell !== "" && counts[code] > 0 && (options.unknownCategories === "extend" || counts[code] >= options.minCategoryCount)).sort();
      prep.categorical.push({ column, encoding: "one-hot", categories: keep });
      for (const category of keep) prep.features.push({ name: `${column}=${category}`, kind: "category", column, category });
      if (options.unknownCategories === "other") prep.features.push({ name: `${column}=(other)`, kind: "other", column });
      if (keep.length > 50) notes.push(`column ${column} has ${keep.length} categories; consider categorical-encoding: hash or ignore: [${column}]`);
    }
  }
  if (prep.features.length === 0) throw new TrainerError(`no feature columns to train on (columns: ${table.columns.join(", ")}; label ${options.label})`);
  return prep;
}
function extendCategories(prep, table, rows) {
  if (prep.unknownCategories !== "extend") return [];
  const added = [];
  for (const col of prep.categorical) {
    if (col.encoding !== "one-hot") continue;
    const known = new Set(col.categories);
    const { codes, values } = textView(table, col.column);
    const seen = new Uint8Array(values.length);
    for (let r = 0; r < rows.length; r++) seen[codes[rows[r]]] = 1;
    const fresh = values.filter((cell, code) => seen[code] === 1 && cell !== "" && !known.has(cell));
    for (const category of fresh.sort()) {
      col.categories.push(category);
      const name = `${col.column}=${category}`;
      prep.features.push({ name, kind: "category", column: col.column, category });
      added.push(name);
    }
  }
  return added;
}
function frozenPreparationNotes(prep, table, rows, candidates) {
  const notes = [];
  const read = new Set(preparedColumns(prep));
  const unread = candidates.filter((c) => !read.has(c) && c !== prep.label && hasColumn(table, c));
  if (unread.length > 0) {
    notes.push(
      `column(s) ${unread.join(", ")} are not among the champion's features, whose layout a warm start keeps; they are not used (to use them, train from scratch: warm-start: fallback and a changed option such as with.features)`
    );
  }
  for (const col of prep.numeric) {
    if (!hasColumn(table, col.column)) continue;
    const view = numericView(table, col.column, rows);
    if (view.firstBad !== -1) continue;
    let values = 0;
    for (let r = 0; r < rows.length && values === 0; r++) if (!Number.isNaN(view.values[rows[r] * view.stride + view.offset])) values++;
    if (values === 0) notes.push(`column ${col.column} holds no value in the training data: every row gets the champion's fill value, ${col.fill}`);
  }
  return notes;
}
function featuresAreMatrix(prep, table) {
  const m = table.matrixColumns.length;
  return prep.categorical.length === 0 && prep.features.length === m && prep.numeric.length === m && prep.features.every((f, j) => f.kind === "numeric" && f.column === table.matrixColumns[j] && prep.numeric[j].column === f.column);
}
function featurize(prep, table, rows) {
  const d = prep.features.length;
  const n = rows.length;
  if (featuresAreMatrix(prep, table)) {
    const x2 = table.matrix;
    table.matrix = new Float64Array(0);
    table.matrixColumns = [];
    const center = Float64Array.from(prep.numeric, (c) => c.center);
    const scale = Float64Array.from(prep.numeric, (c) => c.scale);
    const fill = Float64Array.from(prep.numeric, (c) => c.fill);
    for (let r = 0; r < n; r++) {
      const from = rows[r] * d;
      const to = r * d;
      for (let j = 0; j < d; j++) {
        const v = x2[from + j];
        x2[to + j] = ((Number.isNaN(v) ? fill[j] : v) - center[j]) / scale[j];
      }
    }
    return x2.subarray(0, n * d);
  }
  const x = sharedFloat64Array(n * d);
  const slotOf = /* @__PURE__ */ new Map();
  prep.features.forEach((f, j) => {
    const key = f.kind === "category" ? `${f.column}\0=${f.category}` : f.kind === "hash" ? `${f.column}\0#${f.bucket}` : `${f.column}\0${f.kind}`;
    slotOf.set(key, j);
  });
  for (const col of prep.numeric) {
    const view = numericView(table, col.column, rows);
    if (view.firstBad !== -1) {
      const cell = cellText(table, col.column, view.firstBad);
      throw new TrainerError(`${rowOrigin(table, view.firstBad)}: column ${col.column} is numeric but holds ${JSON.stringify(cell)}`);
    }
    const at = slotOf.get(`${col.column}\0numeric`);
    const missingAt = slotOf.get(`${col.column}\0missing`);
    for (let r = 0; r < n; r++) {
      const value = view.values[rows[r] * view.stride + view.offset];
      const missing = Number.isNaN(value);
      x[r * d + at] = ((missing ? col.fill : value) - col.center) / col.scale;
      if (missingAt !== void 0 && missing) x[r * d + missingAt] = 1;
    }
  }
  for (const col of prep.categorical) {
    const { codes, values } = textView(table, col.column);
    const otherAt = slotOf.get(`${col.column}\0other`);
    const slots = Int32Array.from(values, (cell) => {
      if (cell === "") return -1;
      const at = col.encoding === "hash" ? slotOf.get(`${col.column}\0#${fnv1a(cell) % col.buckets}`) : slotOf.get(`${col.column}\0=${cell}`) ?? otherAt;
      return at ?? -1;
    });
    for (let r = 0; r < n; r++) {
      const at = slots[codes[rows[r]]];
      if (at !== -1) x[r * d + at] = 1;
    }
  }
  return x;
}

// src/trainers/predict.ts
function hasProbabilities(model) {
  return model.task === "multiclass" || model.task === "binary" && model.trainer !== "averaged-perceptron" && model.trainer !== "linear-svm";
}
function predict(model, x, n) {
  const { weights, bias } = predictionWeights(model);
  const d = model.preparation.features.length;
  const k = weights.length;
  const z = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < k; c++) {
      let s = bias[c];
      const row = weights[c];
      for (let j = 0; j < d; j++) s += row[j] * x[i * d + j];
      z[i * k + c] = s;
    }
  }
  const values = new Float64Array(n);
  const scores = new Float64Array(model.task === "binary" ? n : 0);
  let probabilities = null;
  switch (model.task) {
    case "regression":
      values.set(z);
      break;
    case "poisson":
      for (let i = 0; i < n; i++) values[i] = Math.exp(z[i]);
      break;
    case "binary": {
      const calibrated = hasProbabilities(model);
      if (calibrated) probabilities = new Float64Array(n * 2);
      for (let i = 0; i < n; i++) {
        const p = 1 / (1 + Math.exp(-z[i]));
        scores[i] = calibrated ? p : z[i];
        values[i] = z[i] >= 0 ? 1 : 0;
        if (probabilities) {
          probabilities[2 * i] = 1 - p;
          probabilities[2 * i + 1] = p;
        }
      }
      break;
    }
    case "multiclass": {
      probabilities = new Float64Array(n * k);
      for (let i = 0; i < n; i++) {
        let max = -Infinity;
        let best = 0;
        for (let c = 0; c < k; c++) {
          if (z[i * k + c] > max) {
            max = z[i * k + c];
            best = c;
          }
        }
        let sum = 0;
        for (let c = 0; c < k; c++) sum += Math.exp(z[i * k + c] - max);
        for (let c = 0; c < k; c++) probabilities[i * k + c] = Math.exp(z[i * k + c] - max) / sum;
        values[i] = best;
      }
      break;
    }
  }
  return { values, scores, probabilities };
}

// src/trainers/evaluate-command.ts
function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
async function evaluateBuiltin(dataName, io) {
  const modelDir = requireEnv(io.env, ContractEnv.evalModelDir);
  const metricsFile = requireEnv(io.env, ContractEnv.metricsFile);
  const dataRead = io.env[ContractEnv.evalDataRead];
  if (dataRead) await appendFile(dataRead, `${dataName}
`);
  const model = await loadModel(modelDir);
  const prep = model.preparation;
  const idColumn = prep.idColumn ?? model.options.idColumn;
  const table = await readTable(dataFiles(io.env, dataName, '--data names the evaluation input, default "eval"'), () => ({
    matrix: prep.numeric.map((c) => c.column),
    numbers: [],
    // The label and the id are written back as they are; categories are matched as text.
    text: [...prep.categorical.map((c) => c.column), prep.label, idColumn]
  }));
  const lacking = missingColumns(table, [...preparedColumns(prep), prep.label]);
  if (lacking.length > 0) throw new TrainerError(`the evaluation data (${dataName}) lacks column(s) the model reads: ${lacking.join(", ")}`);
  const label = table.text.get(prep.label);
  const labelAt = (i) => label.values[label.codes[i]];
  const rows = labelRows(table, prep.label);
  if (rows.length === 0) throw new TrainerError(`the evaluation data (${dataName}) has no row with a value in ${prep.label}`);
  const n = rows.length;
  const out = predict(model, featurize(prep, table, rows), n);
  const id = table.text.get(idColumn);
  const ids = Array.from(rows, (i) => {
    if (!id) return String(i);
    const value = id.values[id.codes[i]];
    if (value === "") {
      throw new TrainerError(
        `${rowOrigin(table, i)}: the id column ${idColumn} is empty; give every example its id (the predictions of the models compared are joined by it)`
      );
    }
    return value;
  });
  let metrics;
  const lines = [];
  if (model.classes) {
    const classes = model.classes;
    const classOf = label.values.map((value) => classIndex(classes, value, model.task === "binary"));
    const truth = Int32Array.from(rows, (i) => classOf[label.codes[i]]);
    const unknown = truth.filter((t) => t < 0).length;
    if (unknown > 0) io.log(`${unknown} evaluation row(s) have a label the model has no class for; they count as wrong`);
    const unknownLabels = new Set(Array.from(rows, labelAt).filter((_, r) => truth[r] < 0)).size;
    const probabilities = hasProbabilities(model) ? out.probabilities : null;
    metrics = classificationMetrics(truth, out.values, classes.length, probabilities, model.task === "binary" ? out.scores : null, unknownLabels);
    const extra = model.task === "binary" ? ["score"] : classes.map((c) => `proba_${c}`);
    lines.push(["id", "label", "prediction", ...extra].map(csvField).join(","));
    rows.forEach((i, r) => {
      const tail = model.task === "binary" ? [String(out.scores[r])] : classes.map((_, c) => String(out.probabilities[r * classes.length + c]));
      lines.push([ids[r], labelAt(i), classes[out.values[r]], ...tail].map(csvField).join(","));
    });
  } else {
    const labels = Float64Array.from(rows, (i) => {
      const value = parseNumber(labelAt(i));
      if (value === null || value === void 0)
        throw new TrainerError(`${rowOrigin(table, i)}: ${prep.label} must be a number, got ${JSON.stringify(labelAt(i))}`);
      return value;
    });
    metrics = model.task === "poisson" ? poissonMetrics(labels, out.values) : regressionMetrics(labels, out.values);
    lines.push("id,label,prediction");
    rows.forEach((i, r) => lines.push([ids[r], labelAt(i), String(out.values[r])].map(csvField).join(",")));
  }
  const json = Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, Number.isFinite(v) ? v : null]));
  await writeFile2(metricsFile, JSON.stringify(json, null, 2) + "\n");
  const predictionsFile = io.env[ContractEnv.predictionsFile];
  if (predictionsFile) await writeFile2(predictionsFile, lines.join("\n") + "\n");
  const role = io.env[ContractEnv.evalRole] || "model";
  const version = io.env[ContractEnv.evalVersion];
  const shown = Object.entries(json).map(([k, v]) => `${k} ${v === null ? "undefined" : Number(v.toPrecision(6))}`);
  io.log(`${role}${version ? ` (version ${version})` : ""}, builtin/${model.trainer}: ${n} examples; ${shown.join(", ")}`);
}

// src/trainers/train-command.ts
import { readFile as readFile2, writeFile as writeFile3 } from "node:fs/promises";
import path3 from "node:path";

// src/trainers/objective-threads.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker } from "node:worker_threads";

// src/trainers/objectives.ts
function softmaxBlocks(classes, binary) {
  return binary ? 1 : classes;
}
function weightRows(kind) {
  return kind.kind === "multinomial" ? kind.classes : 1;
}
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
var TAKEN_BACK = 5;
function splitRow(n) {
  return Math.min(n, Math.round(n / 2 / BLOCK_ROWS) * BLOCK_ROWS);
}
var MIN_WORK = 1 << 16;
var RUNNING_MS = 6e4;
var pools = /* @__PURE__ */ new Map();
function poolFor(file) {
  const key = file.href;
  if (pools.has(key)) return pools.get(key);
  let pool = null;
  try {
    if (existsSync(fileURLToPath(file))) {
      const control = new Int32Array(new SharedArrayBuffer(8));
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(file, { workerData: { control, port: port2 }, transferList: [port2] });
      worker.unref();
      port1.unref();
      worker.on("error", () => {
        pool.broken = true;
      });
      pool = { worker, control, port: port1, nextId: 0, broken: false };
    }
  } catch {
    pool = null;
  }
  pools.set(key, pool);
  return pool;
}
function startObjectiveThread(file = OBJECTIVE_WORKER) {
  if (objectiveThreads() > 1) poolFor(file);
}
function objectiveThreads(raw = process.env.RETRAIN_TRAINER_THREADS) {
  return trainerThreadsSetting(raw) ?? (availableParallelism() > 1 ? 2 : 1);
}
var objectiveThreadCounts = {
  /** Halves offered to it. */
  offered: 0,
  /** Halves it summed. */
  summed: 0,
  /** Halves it had not taken when this thread was done with its own, summed here instead. */
  takenBack: 0
};
function splitObjective(kind, data, l2, options = {}) {
  const { n, d } = data;
  const rows = weightRows(kind);
  const size = rows * (d + 1);
  const weights = rows * d;
  const half = splitRow(n);
  const own = rangeObjective(kind, data);
  const first = new Float64Array(size);
  const second = new Float64Array(size);
  const threads = options.threads ?? objectiveThreads();
  const remote = threads > 1 && half > 0 && n * d * rows >= MIN_WORK ? Remote.open(kind, data, half, size, options.worker ?? OBJECTIVE_WORKER, options.waitForThread === true) : null;
  return (p, grad) => {
    let total;
    if (remote?.post(p)) {
      const secondTotal = own(p, half, n, second);
      total = (remote.collect(first) ?? own(p, 0, half, first)) + secondTotal;
    } else {
      const firstTotal = own(p, 0, half, first);
      total = firstTotal + own(p, half, n, second);
    }
    for (let k = 0; k < size; k++) grad[k] = (first[k] + second[k]) / n;
    let penalty = 0;
    for (let k = 0; k < weights; k++) {
      penalty += p[k] * p[k];
      grad[k] += l2 * p[k];
    }
    return total / n + 0.5 * l2 * penalty;
  };
}
var Remote = class _Remote {
  constructor(pool, id, params, result, waitForThread) {
    this.pool = pool;
    this.id = id;
    this.params = params;
    this.result = result;
    this.waitForThread = waitForThread;
  }
  pool;
  id;
  params;
  result;
  waitForThread;
  dead = false;
  static open(kind, data, half, size, file, waitForThread = false) {
    const pool = poolFor(file);
    if (!pool || pool.broken) return null;
    const params = new Float64Array(new SharedArrayBuffer(8 * size));
    const result = new Float64Array(new SharedArrayBuffer(8 * (size + 1)));
    const id = ++pool.nextId;
    const dataset = {
      id,
      kind,
      data: { x: shared(data.x.subarray(0, half * data.d)), y: shared(data.y.subarray(0, half)), n: half, d: data.d },
      half,
      params,
      result
    };
    pool.port.postMessage(dataset);
    return new _Remote(pool, id, params, result, waitForThread);
  }
  /** Offers the first half at `p` to the second thread; false when it is not to be asked. */
  post(p) {
    if (this.dead || this.pool.broken) return false;
    const { control } = this.pool;
    this.params.set(p);
    Atomics.store(control, JOB, this.id);
    Atomics.store(control, STATE, POSTED);
    Atomics.notify(control, STATE);
    objectiveThreadCounts.offered++;
    return true;
  }
  /** The first half's loss sum, with its gradient sums in `sums`; null when it is to be summed here. */
  collect(sums) {
    const { control } = this.pool;
    if (this.waitForThread && Atomics.load(control, STATE) === POSTED) Atomics.wait(control, STATE, POSTED, RUNNING_MS);
    if (Atomics.compareExchange(control, STATE, POSTED, TAKEN_BACK) === POSTED) {
      objectiveThreadCounts.takenBack++;
      return null;
    }
    while (Atomics.load(control, STATE) === RUNNING) {
      if (Atomics.wait(control, STATE, RUNNING, RUNNING_MS) === "timed-out") {
        this.pool.broken = true;
        return null;
      }
    }
    if (Atomics.load(control, STATE) !== DONE) {
      this.dead = true;
      return null;
    }
    objectiveThreadCounts.summed++;
    sums.set(this.result.subarray(0, sums.length));
    return this.result[sums.length];
  }
};
function shared(a) {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = new Float64Array(new SharedArrayBuffer(a.byteLength));
  copy.set(a);
  return copy;
}

// src/trainers/lbfgs.ts
function dot2(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function referenceStopRule(objective, rows) {
  return objective === "softmax" ? { relativeDecrease: 1e7 * Number.EPSILON, decreaseFloor: 1 / rows } : { relativeDecrease: 64 * Number.EPSILON, decreaseFloor: 1 };
}
function minimize(f, start, options) {
  const n = start.length;
  const relativeDecrease = options.relativeDecrease ?? 64 * Number.EPSILON;
  const decreaseFloor = options.decreaseFloor ?? 1;
  let x = start;
  let g = new Float64Array(n);
  let fx = f(x, g);
  const s = [];
  const y = [];
  const rho = [];
  const alpha = new Float64Array(options.memory);
  const dir = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  for (let iter = 1; iter <= options.maxIterations; iter++) {
    let gMax = 0;
    for (let i = 0; i < n; i++) gMax = Math.max(gMax, Math.abs(g[i]));
    if (gMax <= options.tolerance) return finish(iter - 1, true, "gradient");
    for (let i = 0; i < n; i++) dir[i] = -g[i];
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k] * dot2(s[k], dir);
      for (let i = 0; i < n; i++) dir[i] -= alpha[k] * y[k][i];
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot2(s[last], y[last]) / dot2(y[last], y[last]);
      for (let i = 0; i < n; i++) dir[i] *= gamma;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k] * dot2(y[k], dir);
      for (let i = 0; i < n; i++) dir[i] += s[k][i] * (alpha[k] - beta);
    }
    let slope = dot2(dir, g);
    if (!(slope < 0)) {
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) dir[i] = -g[i];
      slope = dot2(dir, g);
    }
    const first = s.length === 0 ? 1 / Math.sqrt(-slope) : 1;
    const fNew = wolfeStep(f, x, dir, fx, slope, first, xNew, gNew);
    if (fNew === null) {
      const promised = -0.5 * slope * first;
      if (promised <= relativeDecrease * Math.max(Math.abs(fx), decreaseFloor)) return finish(iter - 1, true, "relative-decrease");
      return finish(iter - 1, false, "line-search");
    }
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = xNew[i] - x[i];
      yk[i] = gNew[i] - g[i];
    }
    const sy = dot2(sk, yk);
    if (sy > 1e-12 * Math.sqrt(dot2(sk, sk) * dot2(yk, yk))) {
      if (s.length === options.memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    const decrease = fx - fNew;
    const scale = Math.max(Math.abs(fx), Math.abs(fNew), decreaseFloor);
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (options.onIteration && !options.onIteration(iter, fx, x)) return finish(iter, false, "callback");
    if (decrease <= relativeDecrease * scale) return finish(iter, true, "relative-decrease");
  }
  return finish(options.maxIterations, false, "max-iterations");
  function finish(iterations, converged, stop) {
    if (x !== start) start.set(x);
    return { iterations, converged, loss: fx, stop };
  }
}
var WOLFE_DECREASE = 1e-3;
var WOLFE_CURVATURE = 0.9;
var LINE_SEARCH_EVALUATIONS = 40;
function wolfeStep(f, x, dir, f0, slope0, first, xNew, gNew) {
  const n = x.length;
  const at = (step) => {
    for (let i = 0; i < n; i++) xNew[i] = x[i] + step * dir[i];
    const value = f(xNew, gNew);
    return { step, value: Number.isFinite(value) ? value : Infinity, slope: Number.isFinite(value) ? dot2(gNew, dir) : NaN };
  };
  const sufficient = (p) => p.value <= f0 + WOLFE_DECREASE * p.step * slope0;
  const flat = (p) => Math.abs(p.slope) <= -WOLFE_CURVATURE * slope0;
  let evaluations = 0;
  let previous = { step: 0, value: f0, slope: slope0 };
  let current = at(first);
  evaluations++;
  let lo;
  let hi;
  for (; ; ) {
    if (!sufficient(current) || previous.step > 0 && current.value >= previous.value) {
      lo = previous;
      hi = current;
      break;
    }
    if (flat(current)) return current.value;
    if (current.slope >= 0) {
      lo = current;
      hi = previous;
      break;
    }
    if (evaluations >= LINE_SEARCH_EVALUATIONS) return current.value;
    const next = clamp(cubicMinimum(previous, current), current.step * 1.1, current.step * 4);
    previous = current;
    current = at(next);
    evaluations++;
  }
  while (evaluations < LINE_SEARCH_EVALUATIONS) {
    const width = hi.step - lo.step;
    const low = Math.min(lo.step, hi.step) + 0.1 * Math.abs(width);
    const high = Math.max(lo.step, hi.step) - 0.1 * Math.abs(width);
    const guess = Number.isFinite(hi.value) ? cubicMinimum(lo, hi) : NaN;
    const trial = at(Number.isFinite(guess) && guess >= low && guess <= high ? guess : lo.step + 0.5 * width);
    evaluations++;
    if (!sufficient(trial) || trial.value >= lo.value) hi = trial;
    else {
      if (flat(trial)) return trial.value;
      if (trial.slope * (hi.step - lo.step) >= 0) hi = lo;
      lo = trial;
    }
    if (Math.abs(hi.step - lo.step) <= 1e-12 * Math.max(1, lo.step)) break;
  }
  if (lo.step === 0) return null;
  return at(lo.step).value;
}
function cubicMinimum(a, b) {
  const d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.step - b.step);
  const radicand = d1 * d1 - a.slope * b.slope;
  if (!(radicand >= 0)) return NaN;
  const d2 = Math.sign(b.step - a.step) * Math.sqrt(radicand);
  return b.step - (b.step - a.step) * (b.slope + d2 - d1) / (b.slope - a.slope + 2 * d2);
}
function clamp(value, low, high) {
  return Number.isFinite(value) ? Math.min(Math.max(value, low), high) : high;
}
function softmaxObjective(data, classes, binary, l2, options) {
  return splitObjective(binary ? { kind: "logistic" } : { kind: "multinomial", classes }, data, l2, options);
}
function poissonObjective(data, l2, options) {
  return splitObjective({ kind: "poisson" }, data, l2, options);
}

// src/trainers/random.ts
function nextRandom(state) {
  state.value = state.value + 1831565813 >>> 0;
  let t = state.value;
  t = Math.imul(t ^ t >>> 15, t | 1);
  t ^= t + Math.imul(t ^ t >>> 7, t | 61);
  return ((t ^ t >>> 14) >>> 0) / 4294967296;
}
function shuffle(order, state) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(nextRandom(state) * (i + 1));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
}
function rowUniform(seed, row) {
  let h = (Math.imul(seed >>> 0, 2654435761) ^ Math.imul(row + 1, 2246822507)) >>> 0;
  h = Math.imul(h ^ h >>> 16, 2146121005);
  h = Math.imul(h ^ h >>> 15, 2221713035);
  return ((h ^ h >>> 16) >>> 0) / 4294967296;
}

// src/trainers/sgd.ts
function newSgdState(d, averaged, seed) {
  return {
    weights: new Float64Array(d),
    bias: 0,
    sumWeights: averaged ? new Float64Array(d) : null,
    sumBias: 0,
    count: 0,
    t: 0,
    scheduleStart: 0,
    epochs: 0,
    rng: { value: seed >>> 0 }
  };
}
function stepSize(cfg, t) {
  switch (cfg.schedule) {
    case "constant":
      return cfg.learningRate;
    case "invscaling":
      return cfg.learningRate * inversePower(t, cfg.powerT);
    case "pegasos":
      return 1 / (cfg.l2 * (t + 1 / (cfg.l2 * cfg.learningRate)));
  }
}
function inversePower(t, p) {
  if (p === 0.25) return 1 / Math.sqrt(Math.sqrt(t));
  if (p === 0.5) return 1 / Math.sqrt(t);
  return Math.exp(-p * Math.log(t));
}
function pointLoss(loss, z, y) {
  switch (loss) {
    case "squared":
      return 0.5 * (z - y) * (z - y);
    case "logistic": {
      const m = -y * z;
      return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
    }
    case "hinge":
      return Math.max(0, 1 - y * z);
  }
}
function effectiveWeights(state) {
  if (!state.sumWeights || state.count === 0) return { weights: state.weights, bias: state.bias };
  const weights = new Float64Array(state.weights.length);
  for (let j = 0; j < weights.length; j++) weights[j] = state.sumWeights[j] / state.count;
  return { weights, bias: state.sumBias / state.count };
}
function meanLoss(loss, weights, bias, data) {
  const { x, y, n, d } = data;
  let total = 0;
  for (let i = 0; i < n; i++) total += pointLoss(loss, bias + dot(weights, 0, x, i * d, d), y[i]);
  return n > 0 ? total / n : NaN;
}
var BLOCK_ROWS2 = 1024;
function epochBuffers(data) {
  const rows = Math.min(BLOCK_ROWS2, data.n);
  return { order: new Uint32Array(data.n), x: new Float64Array(rows * data.d), y: new Float64Array(rows) };
}
function gatherRows(data, order, from, to, buffers) {
  const { x: source, y: labels, d } = data;
  const { x: out, y } = buffers;
  let k = from;
  for (; k + 7 < to; k += 8) {
    const f0 = order[k] * d;
    const f1 = order[k + 1] * d;
    const f2 = order[k + 2] * d;
    const f3 = order[k + 3] * d;
    const f4 = order[k + 4] * d;
    const f5 = order[k + 5] * d;
    const f6 = order[k + 6] * d;
    const f7 = order[k + 7] * d;
    const o = (k - from) * d;
    for (let j = 0; j < d; j++) {
      out[o + j] = source[f0 + j];
      out[o + d + j] = source[f1 + j];
      out[o + 2 * d + j] = source[f2 + j];
      out[o + 3 * d + j] = source[f3 + j];
      out[o + 4 * d + j] = source[f4 + j];
      out[o + 5 * d + j] = source[f5 + j];
      out[o + 6 * d + j] = source[f6 + j];
      out[o + 7 * d + j] = source[f7 + j];
    }
  }
  for (; k < to; k++) {
    const row = order[k] * d;
    const o = (k - from) * d;
    for (let j = 0; j < d; j++) out[o + j] = source[row + j];
  }
  for (k = from; k < to; k++) y[k - from] = labels[order[k]];
}
function sgdEpoch(cfg, state, data, buffers) {
  const { n, d } = data;
  const { order } = buffers;
  for (let i = 0; i < n; i++) order[i] = i;
  if (!cfg.shuffle) {
    sgdSteps(cfg, state, data.x, data.y, n, d);
  } else {
    shuffle(order, state.rng);
    const block = buffers.y.length;
    for (let from = 0; from < n; from += block) {
      const to = Math.min(n, from + block);
      gatherRows(data, order, from, to, buffers);
      sgdSteps(cfg, state, buffers.x, buffers.y, to - from, d);
    }
  }
  state.epochs++;
}
function sgdSteps(cfg, state, x, y, rows, d) {
  const w = state.weights;
  const sum = state.sumWeights;
  const { loss, l2, l1 } = cfg;
  let b = state.bias;
  let t = state.t;
  const start = state.scheduleStart;
  for (let k = 0; k < rows; k++) {
    const off = k * d;
    const target = y[k];
    const z = b + dot(w, 0, x, off, d);
    const eta = stepSize(cfg, ++t - start);
    let g;
    if (loss === "squared") g = z - target;
    else if (loss === "logistic") g = -target / (1 + Math.exp(target * z));
    else g = target * z < 1 ? -target : 0;
    const decay = l2 > 0 ? 1 - eta * l2 : 1;
    const step = eta * g;
    if (step !== 0 || decay !== 1) {
      for (let j = 0; j < d; j++) w[j] = w[j] * decay - step * x[off + j];
      b -= step;
    }
    if (l1 > 0) {
      const cut = eta * l1;
      for (let j = 0; j < d; j++) {
        const v = w[j];
        w[j] = v > cut ? v - cut : v < -cut ? v + cut : 0;
      }
    }
    if (sum) {
      for (let j = 0; j < d; j++) sum[j] += w[j];
      state.sumBias += b;
      state.count++;
    }
  }
  state.bias = b;
  state.t = t;
}

// src/trainers/train-command.ts
function readOptions(trainer, env) {
  let raw = {};
  const text = env[ContractEnv.builtinOptions];
  if (text) {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new TrainerError(`${ContractEnv.builtinOptions} is not valid JSON; it holds the step's with: options as a JSON object`);
    }
  }
  const { options, problems } = parseTrainerOptions(trainer, raw);
  if (!options) {
    const unset = text ? "" : `
${ContractEnv.builtinOptions} is not set: run this through a spec's uses: step, or set it to the with: options as a JSON object`;
    throw new TrainerError(problems.map((p) => p.message).join("\n") + unset);
  }
  return { name: trainer, options };
}
function sortLabels(values) {
  return [...values].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}
function incompatibilities(champion, trainer, options, table, labels) {
  if (champion.trainer !== trainer) return [`the champion was trained by builtin/${champion.trainer}, this step is builtin/${trainer}`];
  const reasons = [];
  for (const name of FROZEN_OPTIONS) {
    const key = optionKey(name);
    const before = JSON.stringify(champion.options[key]);
    const now = JSON.stringify(options[key]);
    if (before !== now) reasons.push(`with.${name} is ${now} but the champion was trained with ${before}`);
  }
  const lacking = missingColumns(table, preparedColumns(champion.preparation));
  if (lacking.length > 0) reasons.push(`the training data lacks column(s) the champion reads: ${lacking.join(", ")}`);
  if (champion.task === "binary") {
    const unknown = [...labels].filter((l) => classIndex(champion.classes, l, true) === -1);
    if (unknown.length > 0) reasons.push(`label value(s) ${unknown.join(", ")} are neither of the champion's classes (${champion.classes.join(", ")})`);
  }
  return reasons;
}
async function readChampion(io) {
  const dir = io.env[ContractEnv.baselineDir] ?? "";
  if (dir === "" || !await hasModel(dir)) return { dir, builtin: false, model: null, error: null };
  try {
    return { dir, builtin: true, model: await loadModel(dir), error: null };
  } catch (err) {
    const foreign = await readFile2(path3.join(dir, MODEL_FILE), "utf8").then((text) => JSON.parse(text)).then(
      (parsed) => parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) && !("format" in parsed),
      () => false
    );
    return { dir, builtin: !foreign, model: null, error: foreign ? null : err };
  }
}
async function resolveStart(io, trainer, options, table, labels, found) {
  const dir = found.dir;
  const parentVersion = io.env[ContractEnv.baselineVersion] || null;
  if (dir === "") return { model: null, parentVersion: null };
  const champion = `the champion${parentVersion ? ` (version ${parentVersion})` : ""}`;
  let reasons;
  let model = null;
  if (!found.builtin) {
    const why = await hasModel(dir) ? `its ${MODEL_FILE} is another trainer's, with no "format": "${MODEL_FORMAT}"` : `its directory has no ${MODEL_FILE}`;
    reasons = [`it is not a built-in model (${why})`];
  } else {
    if (found.error !== null) throw found.error;
    model = found.model;
    reasons = incompatibilities(model, trainer, options, table, labels);
  }
  if (reasons.length === 0) {
    const report2 = io.env[ContractEnv.trainingReport];
    const from = io.env[ContractEnv.baselineDigest];
    if (report2 && from) await writeFile3(report2, JSON.stringify({ warmStart: true, from }, null, 2) + "\n");
    return { model, parentVersion };
  }
  const reason = `${champion} cannot be continued: ${reasons.join("; ")}`;
  const report = io.env[ContractEnv.trainingReport];
  if (io.env[ContractEnv.warmStart] === "required") {
    if (report) await writeFile3(report, JSON.stringify({ warmStart: false, reason }, null, 2) + "\n");
    throw new TrainerError(`warm start is required (warm-start: required) but ${reason}. Restore the options or columns, or set warm-start: fallback`);
  }
  io.log(`cold start: ${reason}; warm-start is "fallback", so training from scratch`);
  if (report) await writeFile3(report, JSON.stringify({ warmStart: false, reason }, null, 2) + "\n");
  return { model: null, reason, parentVersion };
}
function readPlan(columns, options, classification, champion) {
  const excluded = /* @__PURE__ */ new Set([options.label, options.idColumn, ...options.ignore]);
  const candidates = options.features ?? columns.filter((c) => !excluded.has(c));
  const text = [...options.categorical, ...champion?.preparation.categorical.map((c) => c.column) ?? []];
  const numeric = [...candidates, ...champion?.preparation.numeric.map((c) => c.column) ?? []];
  return {
    matrix: numeric.filter((c) => c !== options.label),
    numbers: classification ? [] : [options.label],
    text: classification ? [...text, options.label] : text
  };
}
function slice(data, rows) {
  const x = sharedFloat64Array(rows.length * data.d);
  const y = sharedFloat64Array(rows.length);
  rows.forEach((r, k) => {
    x.set(data.x.subarray(r * data.d, (r + 1) * data.d), k * data.d);
    y[k] = data.y[r];
  });
  return { x, y, n: rows.length, d: data.d };
}
function earlyStopper(patience) {
  let best = Infinity;
  let since = 0;
  return (loss) => {
    if (loss < best - 1e-12 * Math.abs(best)) {
      best = loss;
      since = 0;
    } else since++;
    return since < patience;
  };
}
async function trainBuiltin(trainer, io) {
  const { name, options } = readOptions(trainer, io.env);
  const info = TRAINERS[name];
  if (info.core === "lbfgs") {
    try {
      startObjectiveThread();
    } catch (err) {
      throw new TrainerError(err.message);
    }
  }
  const modelDir = requireEnv(io.env, ContractEnv.modelDir);
  const classification = info.task === "binary" || info.task === "multiclass";
  const champion = await readChampion(io);
  const table = await readTable(
    dataFiles(io.env, options.data, 'with.data names the training input, default "train"'),
    (columns) => readPlan(columns, options, classification, champion.model)
  );
  const lacked = (column) => table.partial.find((p) => p.column === column)?.lackedBy;
  if (!table.columns.includes(options.label)) {
    if (lacked(options.label) !== void 0) {
      throw new TrainerError(`the label column ${options.label} (with.label) is not in every file of the training data: ${lacked(options.label)} lacks it`);
    }
    const separator = table.columns.length === 1 ? [";", "	", "|"].find((c) => table.columns[0].includes(c)) : void 0;
    const hint = separator ? ` (its header is one column holding ${JSON.stringify(separator)}: built-in trainers read comma-separated files)` : "";
    throw new TrainerError(`the training data has no column ${options.label} (with.label); its columns: ${table.columns.join(", ")}${hint}`);
  }
  const labelText = table.text.get(options.label);
  const labelNumbers = table.numbers.get(options.label);
  const rows = labelRows(table, options.label);
  if (rows.length === 0) throw new TrainerError(`the training data has no row with a value in ${options.label}`);
  if (rows.length < table.rows) io.log(`${table.rows - rows.length} row(s) without a ${options.label} are skipped`);
  let labels = /* @__PURE__ */ new Set();
  if (classification) {
    const seen = new Uint8Array(labelText.values.length);
    for (const i of rows) seen[labelText.codes[i]] = 1;
    labelText.values.forEach((value, code) => seen[code] === 1 && labels.add(classLabel(value)));
    if (info.task === "binary") labels = mergeBinarySpellings(labels);
  }
  const binary = info.task === "binary";
  const start = await resolveStart(io, name, options, table, labels, champion);
  const notes = [];
  let added = { features: [], classes: [] };
  let model;
  if (start.model) {
    model = start.model;
    model.options = options;
    added = extendChampion(model, table, rows, labels, io);
    notes.push(...frozenPreparationNotes(model.preparation, table, rows, readPlan(table.columns, options, classification, null).matrix));
    const absent = (model.classes ?? []).filter((_, k) => ![...labels].some((l) => classIndex(model.classes, l, binary) === k));
    if (absent.length > 0 && classification) {
      notes.push(`class(es) ${absent.join(", ")} of the champion do not occur in this training data: it learns only from the other classes`);
    }
  } else model = newModel(name, options, table, rows, labels, notes);
  const unused = /* @__PURE__ */ new Set([options.label, options.idColumn, ...options.ignore]);
  for (const { column, lackedBy } of table.partial) {
    if (!unused.has(column)) notes.push(`column ${column} is not in every file of the training data (${lackedBy} lacks it): it is not used`);
  }
  for (const note of notes) io.log(note);
  const d = model.preparation.features.length;
  const targets = sharedFloat64Array(rows.length);
  if (classification) {
    const target = labelText.values.map((cell) => {
      const index = classIndex(model.classes, cell, binary);
      return info.core === "sgd" ? index === 1 ? 1 : -1 : index;
    });
    rows.forEach((i, r) => targets[r] = target[labelText.codes[i]]);
  } else {
    const parsed = labelText ? labelText.values.map(parseNumber) : null;
    rows.forEach((i, r) => {
      const value = parsed ? parsed[labelText.codes[i]] : labelNumbers[i];
      if (value === void 0 || value === null || info.task === "poisson" && value < 0) {
        const expected = info.task === "poisson" ? "a count (a number >= 0)" : "a number";
        throw new TrainerError(`${rowOrigin(table, i)}: ${options.label} must be ${expected}, got ${JSON.stringify(cellText(table, options.label, i))}`);
      }
      targets[r] = value;
    });
    checkLabelScale(targets, rows, table, options.label);
  }
  const all = { x: featurize(model.preparation, table, rows), y: targets, n: rows.length, d };
  let train = all;
  let validation = null;
  if (options.validationFraction > 0) {
    const held = Array.from(rows, (row, r) => [r, rowUniform(options.seed, row) < options.validationFraction]);
    validation = slice(
      all,
      held.filter(([, v]) => v).map(([r]) => r)
    );
    train = slice(
      all,
      held.filter(([, v]) => !v).map(([r]) => r)
    );
    if (validation.n === 0 || train.n === 0) {
      throw new TrainerError(
        `with.validation-fraction ${options.validationFraction} leaves ${train.n} training and ${validation.n} validation rows; both need some`
      );
    }
  }
  const startedFrom = weightsDigest(model.weights, model.bias);
  const stepsBefore = model.sgd?.t ?? 0;
  const outcome = info.core === "sgd" ? trainSgd(model, info, options, train, validation, io) : trainLbfgs(model, options, train, validation, io);
  const record = {
    run: model.history.length + 1,
    start: start.model ? "warm" : "cold",
    parentVersion: start.parentVersion,
    ...start.reason !== void 0 && { coldStartReason: start.reason },
    data: table.files.map((f) => ({ file: f.file, sha256: f.sha256, rows: f.rows })),
    examples: train.n,
    validationExamples: validation?.n ?? 0,
    addedFeatures: added.features,
    addedClasses: added.classes,
    stepsBefore,
    startedFrom,
    ...outcome
  };
  checkFiniteModel(model, outcome);
  model.history.push(record);
  await saveModel(modelDir, model);
  io.log(
    `${record.start} start, ${train.n} examples, ${d} features: ${outcome.passes} ${info.core === "sgd" ? "epochs" : "iterations"}${outcome.stoppedEarly ? " (stopped early: no better validation loss)" : ""}; loss ${outcome.lossBefore.toFixed(6)} -> ${outcome.lossAfter.toFixed(6)}`
  );
}
var LABEL_SCALE_LIMIT = 1e150;
function checkLabelScale(targets, rows, table, label) {
  let largest = 0;
  for (let r = 1; r < targets.length; r++) if (Math.abs(targets[r]) > Math.abs(targets[largest])) largest = r;
  const limit = LABEL_SCALE_LIMIT / Math.sqrt(targets.length);
  const value = targets[largest];
  if (Math.abs(value) <= limit) return;
  throw new TrainerError(
    `${rowOrigin(table, rows[largest])}: the label ${label} is ${cellText(table, label, rows[largest])}, too large for the trainer's arithmetic: over ${targets.length} rows, labels up to ${Number(limit.toPrecision(2))} in size keep the squared errors within the doubles. Rescale the column (in thousands or millions, say) and scale the predictions back`
  );
}
function checkFiniteModel(model, outcome) {
  const averaging = model.sgd?.averaging;
  const numbers = [outcome.lossAfter, ...model.bias, ...model.weights.flat(), ...averaging ? [averaging.sumBias, ...averaging.sumWeights] : []];
  if (numbers.every(Number.isFinite)) return;
  const what = Number.isFinite(outcome.lossAfter) ? "weights that are not finite numbers" : `a loss of ${outcome.lossAfter}`;
  throw new TrainerError(
    `training ended with ${what}: the arithmetic overflowed, so no model is written. Look for columns holding very large numbers (rescale them), or lower with.learning-rate`
  );
}
function extendChampion(model, table, rows, labels, io) {
  const features = extendCategories(model.preparation, table, rows);
  for (const row of model.weights) row.push(...features.map(() => 0));
  model.sgd?.averaging?.sumWeights.push(...features.map(() => 0));
  const classes = [];
  if (model.task === "multiclass") {
    for (const label of sortLabels(labels)) {
      if (classIndex(model.classes, label, false) !== -1) continue;
      model.classes.push(label);
      model.weights.push(model.preparation.features.map(() => 0));
      model.bias.push(0);
      classes.push(label);
    }
  }
  if (features.length > 0) io.log(`new categories since the champion, with zero-initialized weights: ${features.join(", ")}`);
  if (classes.length > 0) io.log(`new classes since the champion, with zero-initialized weights: ${classes.join(", ")}`);
  return { features, classes };
}
function newModel(name, options, table, rows, labels, notes) {
  const info = TRAINERS[name];
  const preparation = fitPreparation(table, rows, options, notes);
  let classes = null;
  if (info.task === "binary" || info.task === "multiclass") {
    classes = sortLabels(labels);
    if (info.task === "binary") {
      if (classes.length !== 2) {
        throw new TrainerError(
          `builtin/${name} needs exactly two values in ${options.label}, found ${classes.length}: ${classes.slice(0, 10).join(", ")}` + (classes.length > 2 ? "; use builtin/lbfgs-maximum-entropy for more classes" : "")
        );
      }
      if (options.positiveClass !== null) {
        const positive = classIndex(classes, options.positiveClass, true);
        if (positive === -1) {
          throw new TrainerError(`with.positive-class is ${JSON.stringify(options.positiveClass)}, but ${options.label} holds ${classes.join(" and ")}`);
        }
        classes = [classes[1 - positive], classes[positive]];
      }
    } else if (classes.length < 2) {
      throw new TrainerError(`${options.label} has a single value (${classes[0]}); a classifier needs at least two classes`);
    }
  }
  const d = preparation.features.length;
  const weightRows2 = info.task === "multiclass" ? classes.length : 1;
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    trainer: name,
    task: info.task,
    options,
    classes,
    preparation,
    weights: Array.from({ length: weightRows2 }, () => new Array(d).fill(0)),
    bias: new Array(weightRows2).fill(0),
    sgd: null,
    lbfgs: null,
    history: []
  };
}
function trainSgd(model, info, options, train, validation, io) {
  const cfg = {
    loss: info.loss,
    schedule: options.schedule,
    learningRate: options.learningRate,
    powerT: options.powerT,
    l2: options.l2,
    l1: options.l1,
    averaged: options.averaged,
    shuffle: options.shuffle
  };
  if (cfg.schedule === "pegasos" && cfg.l2 === 0) throw new TrainerError("the pegasos schedule steps by 1/(l2 t), so with.l2 must be above 0");
  const d = train.d;
  let state;
  const saved = model.sgd;
  if (saved) {
    state = {
      weights: Float64Array.from(model.weights[0]),
      bias: model.bias[0],
      sumWeights: saved.averaging ? Float64Array.from(saved.averaging.sumWeights) : null,
      sumBias: saved.averaging?.sumBias ?? 0,
      count: saved.averaging?.count ?? 0,
      t: saved.t,
      scheduleStart: options.restartSchedule ? saved.t : saved.scheduleStart,
      epochs: saved.epochs,
      // The same seed continues the champion's stream; another seed is a deliberate reseed.
      rng: { value: saved.rng.seed === options.seed ? saved.rng.state : options.seed >>> 0 }
    };
    if (saved.rng.seed !== options.seed) io.log(`seed ${options.seed} differs from the champion's ${saved.rng.seed}: the shuffling stream restarts`);
    io.log(
      `warm start: step counter t=${state.t}, ${state.epochs} epochs so far${state.sumWeights ? `, averaging over ${state.count} steps` : ""}; ` + (options.restartSchedule ? "the step schedule starts again (restart-schedule)" : `the step schedule continues at step ${state.t - state.scheduleStart}`)
    );
  } else state = newSgdState(d, cfg.averaged, options.seed);
  if (cfg.averaged && !state.sumWeights) state.sumWeights = new Float64Array(d);
  if (!cfg.averaged) state.sumWeights = null;
  const current = () => effectiveWeights(state);
  const lossOf = (data) => meanLoss(cfg.loss, current().weights, current().bias, data);
  const lossBefore = lossOf(train);
  const buffers = epochBuffers(train);
  const keepGoing = earlyStopper(options.patience);
  const every = Math.max(1, Math.round(options.epochs / 5));
  let passes = 0;
  let stoppedEarly = false;
  for (let e = 1; e <= options.epochs; e++) {
    sgdEpoch(cfg, state, train, buffers);
    passes++;
    if (!Number.isFinite(state.bias) || !state.weights.every(Number.isFinite)) {
      throw new TrainerError(`training diverged in epoch ${state.epochs}; lower with.learning-rate (now ${cfg.learningRate}) or normalize the features`);
    }
    const validationLoss = validation ? lossOf(validation) : null;
    if (e === 1 || e % every === 0 || e === options.epochs) {
      io.log(
        `epoch ${state.epochs} (this run ${e}/${options.epochs}): loss ${lossOf(train).toFixed(6)}${validationLoss === null ? "" : `, validation ${validationLoss.toFixed(6)}`}`
      );
    }
    if (validationLoss !== null && !keepGoing(validationLoss)) {
      stoppedEarly = true;
      break;
    }
  }
  model.weights = [Array.from(state.weights)];
  model.bias = [state.bias];
  model.sgd = {
    t: state.t,
    scheduleStart: state.scheduleStart,
    epochs: state.epochs,
    rng: { seed: options.seed, state: state.rng.value },
    averaging: state.sumWeights ? { sumWeights: Array.from(state.sumWeights), sumBias: state.sumBias, count: state.count } : null
  };
  return { passes, lossBefore, lossAfter: lossOf(train), stoppedEarly };
}
function trainLbfgs(model, options, train, validation, io) {
  const d = train.d;
  const binary = model.task === "binary";
  const blocks = model.task === "poisson" ? 1 : softmaxBlocks(model.classes.length, binary);
  const objective = (data, l2) => model.task === "poisson" ? poissonObjective(data, l2) : softmaxObjective(data, model.classes.length, binary, l2);
  const params = new Float64Array(blocks * (d + 1));
  model.weights.forEach((row, c) => params.set(row, c * d));
  params.set(model.bias, blocks * d);
  const countsBefore = { ...objectiveThreadCounts };
  const f = objective(train, options.l2);
  const scratch = new Float64Array(params.length);
  const lossBefore = f(params, scratch);
  if (model.lbfgs) io.log(`warm start: from the champion's weights after ${model.lbfgs.iterations} iterations (curvature pairs start afresh on the new data)`);
  const validationLoss = validation ? objective(validation, 0) : null;
  const keepGoing = earlyStopper(options.patience);
  const every = Math.max(1, Math.round(options.maxIterations / 5));
  const result = minimize(f, params, {
    memory: options.memory,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    ...referenceStopRule(model.task === "poisson" ? "poisson" : "softmax", train.n),
    onIteration: (iteration, loss, p) => {
      const v = validationLoss ? validationLoss(p, scratch) : null;
      if (iteration === 1 || iteration % every === 0)
        io.log(`iteration ${iteration}: loss ${loss.toFixed(6)}${v === null ? "" : `, validation ${v.toFixed(6)}`}`);
      return v === null || keepGoing(v);
    }
  });
  if (result.stop === "line-search") {
    const loss = f(params, scratch);
    if (!Number.isFinite(loss) || !Number.isFinite(scratch.reduce((sum, g) => sum + g * g, 0))) {
      throw new TrainerError(
        `training stopped after ${result.iterations} iterations on an objective or a gradient too large for the doubles: the arithmetic overflowed, so no model is written. Look for columns holding very large numbers (rescale them, or set with.normalize)`
      );
    }
  }
  model.weights = Array.from({ length: blocks }, (_, c) => Array.from(params.subarray(c * d, (c + 1) * d)));
  model.bias = Array.from(params.subarray(blocks * d));
  model.lbfgs = { iterations: (model.lbfgs?.iterations ?? 0) + result.iterations, lastStop: result.stop };
  const offered = objectiveThreadCounts.offered - countsBefore.offered;
  const threads = offered > 0 ? `; on 2 threads, the second summed ${objectiveThreadCounts.summed - countsBefore.summed} of ${offered} halves` : "";
  io.log(`L-BFGS stopped after ${result.iterations} iterations: ${result.stop}${result.converged ? " (converged)" : ""}${threads}`);
  return { passes: result.iterations, lossBefore, lossAfter: result.loss, stoppedEarly: result.stop === "callback" };
}

// src/trainers/commands.ts
async function guarded(work) {
  try {
    await work({ env: process.env, log: (line) => process.stdout.write(`${line}
`) });
    return ExitCode.ok;
  } catch (err) {
    if (!(err instanceof TrainerError)) throw err;
    process.stderr.write(errorLine(`error: ${err.message}`));
    return ExitCode.badInput;
  }
}
function trainCommand(trainer) {
  return guarded((io) => trainBuiltin(trainer, io));
}
function evaluateCommand(dataInput) {
  return guarded((io) => evaluateBuiltin(dataInput, io));
}
export {
  evaluateCommand,
  trainCommand
};
