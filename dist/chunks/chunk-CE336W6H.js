import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  binarySpelling,
  classKey
} from "./chunk-UUU4LAZ5.js";
import {
  bootstrapThreadsSetting
} from "./chunk-7FFNMB6Q.js";
import {
  DEFAULT_BOOTSTRAP,
  aucFinish,
  aucPass,
  effectiveSize,
  isMeanKernel,
  kernelOf,
  needsOf,
  pairedMeans,
  shapeOf,
  sortByScore
} from "./chunk-XZWJHWJQ.js";
import {
  closest
} from "./chunk-EU3M232E.js";
import {
  AHEAD_WORKER,
  MAX_WEIGHT,
  Random,
  WEIGHT_BLOCK,
  drawWeights,
  startThread,
  weightsAhead,
  weightsInTurn
} from "./chunk-K4KD3TBO.js";
import {
  CsvError,
  DECIMAL,
  checkHeader,
  checkSeparator,
  nonFiniteHint,
  scanFile,
  utf8Lines
} from "./chunk-67YTMMAY.js";
import {
  EvaluationError,
  InputError
} from "./chunk-OLTTSRKB.js";

// src/engine/metrics-file.ts
import { readFile, stat } from "node:fs/promises";
var NON_FINITE = { NaN: '"\\u0000NaN"', Infinity: '"\\u0000Infinity"', "-Infinity": '"\\u0000-Infinity"' };
function quoteNonFinite(text) {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const token = ["-Infinity", "Infinity", "NaN"].find((t) => text.startsWith(t, i));
    if (token) {
      out += NON_FINITE[token];
      i += token.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
function repeatedKey(text) {
  const seen = /* @__PURE__ */ new Map();
  let depth = 0;
  let keyNext = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") line++;
    else if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (depth === 1 && keyNext) {
        const key = JSON.parse(text.slice(i, j + 1));
        const firstLine = seen.get(key);
        if (firstLine !== void 0) return { key, line, firstLine };
        seen.set(key, line);
        keyNext = false;
      }
      i = j;
    } else if (ch === "{" || ch === "[") {
      depth++;
      keyNext = depth === 1;
    } else if (ch === "}" || ch === "]") depth--;
    else if (ch === "," && depth === 1) keyNext = true;
  }
  return null;
}
function sentinelValue(v) {
  if (v === "\0NaN") return Number.NaN;
  if (v === "\0Infinity") return Number.POSITIVE_INFINITY;
  if (v === "\0-Infinity") return Number.NEGATIVE_INFINITY;
  if (v === null) return null;
  if (typeof v === "number") return v;
  return void 0;
}
var MAX_IGNORED_NAMES = 20;
var MAX_METRICS_FILE_BYTES = 256 * 1024 * 1024;
function parseMetrics(text, file, declared, where2 = `${file}: the metrics file`) {
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (text.trim() === "") throw new EvaluationError(`${where2} is empty; write one JSON object of metric name to number`, "metrics-invalid");
  let parsed;
  const quoted = quoteNonFinite(text);
  try {
    parsed = JSON.parse(quoted);
  } catch (err) {
    const position = /at position (\d+)/.exec(err.message);
    const line = position ? ` at line ${quoted.slice(0, Number(position[1])).split("\n").length}` : "";
    const twice = /after JSON/.test(err.message) ? ", once (a file written twice, or appended to, holds two)" : "";
    if (text.includes("\0") || text.includes("\uFFFD")) {
      throw new EvaluationError(
        `${where2} is not UTF-8 text${text.includes("\0") ? " (it holds NUL bytes, as UTF-16 does)" : ""}; write it as UTF-8`,
        "metrics-invalid"
      );
    }
    throw new EvaluationError(
      `${where2} is not valid JSON${line} (${err.message}); write one object of metric name to number${twice}`,
      "metrics-invalid"
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    const kind = parsed === null ? "null" : Array.isArray(parsed) ? "an array" : `a ${typeof parsed}`;
    throw new EvaluationError(`${where2} must hold one JSON object of metric name to number, got ${kind}`, "metrics-invalid");
  }
  const repeated = repeatedKey(quoted);
  if (repeated !== null) {
    const key = repeated.key.length > 80 ? `${repeated.key.slice(0, 80)}...` : repeated.key;
    const lines = repeated.line === repeated.firstLine ? `twice on line ${repeated.line}` : `twice, on lines ${repeated.firstLine} and ${repeated.line}`;
    throw new EvaluationError(
      `${where2} holds the key ${JSON.stringify(key)} ${lines}: a JSON reader keeps one of the values and drops the other; write each metric once`,
      "metrics-invalid"
    );
  }
  const metrics = {};
  const ignored = [];
  let moreIgnored = 0;
  const judged = new Set(declared);
  for (const [key, raw] of Object.entries(parsed)) {
    const value = sentinelValue(raw);
    if (value === void 0) {
      if (judged.has(key)) {
        throw new EvaluationError(`${where2}: metric "${key}" must be a number or null, got ${shortJson(raw)}`, "metrics-invalid");
      }
      if (ignored.length < MAX_IGNORED_NAMES) ignored.push(key.length > 80 ? `${key.slice(0, 80)}...` : key);
      else moreIgnored++;
      continue;
    }
    Object.defineProperty(metrics, key, { value: value !== null && Number.isNaN(value) ? null : value, enumerable: true, writable: true, configurable: true });
  }
  if (moreIgnored > 0) ignored.push(`and ${moreIgnored} more`);
  return { metrics, ignored };
}
function shortJson(value) {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}... (${text.length} characters)` : text;
}
async function readMetricsFile(file, declared, role) {
  const where2 = `the metrics file the evaluate command wrote for the ${role} ($RETRAIN_METRICS_FILE)`;
  const size = await stat(file).then(
    (s) => s.size,
    () => null
  );
  if (size !== null && size > MAX_METRICS_FILE_BYTES) {
    throw new EvaluationError(
      `${where2} is ${Math.round(size / 1024 / 1024)} MiB, over the limit of ${MAX_METRICS_FILE_BYTES / 1024 / 1024} MiB; write one JSON object of metric name to number (per-example values go in $RETRAIN_PREDICTIONS_FILE)`,
      "metrics-invalid"
    );
  }
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new EvaluationError(
      `the evaluate command wrote no metrics for the ${role} (expected a JSON object of metric name to number at $RETRAIN_METRICS_FILE)`,
      "metrics-missing"
    );
  }
  return parseMetrics(text, file, declared, where2);
}
function missingMetricWarning(role, name, metrics) {
  const names = Object.keys(metrics);
  const meant = closest(name, names);
  const has = names.length ? `it has ${names.slice(0, 10).map((n) => `"${n}"`).join(", ")}${names.length > 10 ? `, and ${names.length - 10} more` : ""}` : "it has no metrics";
  return `the ${role}'s metrics file has no "${name}" (${has}${meant ? `; did you mean "${meant}"?` : ""}); rules on it fail closed`;
}

// src/metrics/columns.ts
function* cellsOf(column2) {
  for (let row = 0; row < column2.length; row++) yield column2.at(row);
}
var CellColumn = class {
  constructor(cells = []) {
    this.cells = cells;
  }
  cells;
  get length() {
    return this.cells.length;
  }
  at(row) {
    return this.cells[row] ?? null;
  }
  push(cell) {
    this.cells.push(cell);
  }
  [Symbol.iterator]() {
    return this.cells[Symbol.iterator]();
  }
};
var SkippedColumn = class {
  length = 0;
  at() {
    return null;
  }
  [Symbol.iterator]() {
    return cellsOf(this);
  }
};
var CHUNK_BITS = 16;
var CHUNK = 1 << CHUNK_BITS;
var CHUNK_MASK = CHUNK - 1;
var NumberColumn = class {
  chunks = [];
  others = /* @__PURE__ */ new Map();
  length = 0;
  /** A finite number (what the scanner reads as one). */
  pushNumber(value) {
    const at = this.length & CHUNK_MASK;
    if (at === 0) this.chunks.push(new Int8Array(CHUNK));
    const last = this.chunks.length - 1;
    let chunk = this.chunks[last];
    if (chunk instanceof Int8Array) {
      if (value === (value | 0) && value >= -127 && value <= 127 && !Object.is(value, -0)) {
        chunk[at] = value;
        this.length++;
        return;
      }
      chunk = this.chunks[last] = widened(chunk, at);
    }
    chunk[at] = value;
    this.length++;
  }
  push(cell) {
    if (typeof cell === "number" && !Number.isNaN(cell)) {
      this.pushNumber(cell);
      return;
    }
    if (cell !== null) this.others.set(this.length, cell);
    const at = this.length & CHUNK_MASK;
    if (at === 0) this.chunks.push(new Int8Array(CHUNK));
    const chunk = this.chunks[this.chunks.length - 1];
    chunk[at] = chunk instanceof Int8Array ? SMALL_OTHER : Number.NaN;
    this.length++;
  }
  at(row) {
    if (row < 0 || row >= this.length) return null;
    const chunk = this.chunks[row >>> CHUNK_BITS];
    const v = chunk[row & CHUNK_MASK];
    if (chunk instanceof Int8Array ? v === SMALL_OTHER : Number.isNaN(v)) return this.others.get(row) ?? null;
    return v;
  }
  /** Drops the last chunk's spare rows once the column is complete. */
  trim() {
    const last = this.chunks.length - 1;
    if (last >= 0) this.chunks[last] = this.chunks[last].slice(0, this.length - last * CHUNK);
  }
  [Symbol.iterator]() {
    return cellsOf(this);
  }
};
var SMALL_OTHER = -128;
function widened(chunk, filled) {
  const out = new Float64Array(CHUNK);
  for (let i = 0; i < filled; i++) out[i] = chunk[i] === SMALL_OTHER ? Number.NaN : chunk[i];
  return out;
}
function hashBytes(bytes, start, end) {
  let h = 2166136261;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 16777619);
  h = Math.imul(h ^ h >>> 16, 2246822507);
  return (h ^ h >>> 13) >>> 0;
}
var IdColumn = class {
  bytes = Buffer.allocUnsafe(1 << 16);
  offsets = new Uint32Array(1025);
  used = 0;
  length = 0;
  room(bytes) {
    if (this.used + bytes > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + bytes));
      this.bytes.copy(larger, 0, 0, this.used);
      this.bytes = larger;
    }
    if (this.length + 2 > this.offsets.length) {
      const larger = new Uint32Array(this.offsets.length * 2);
      larger.set(this.offsets);
      this.offsets = larger;
    }
  }
  /** Adds field c of the scanner's record, as written unless quoted (then unquoted). */
  pushField(scanner, c) {
    if (scanner.isQuoted(c)) {
      this.push(scanner.text(c));
      return;
    }
    const start = scanner.fieldStart(c);
    const end = scanner.fieldEnd(c);
    this.room(end - start);
    const from = scanner.bytes;
    const to = this.bytes;
    let at = this.used;
    for (let i = start; i < end; i++) to[at++] = from[i];
    this.used = at;
    this.offsets[++this.length] = this.used;
  }
  push(cell) {
    const text = cell === null ? "" : String(cell);
    const size = Buffer.byteLength(text);
    this.room(size);
    this.bytes.write(text, this.used);
    this.used += size;
    this.offsets[++this.length] = this.used;
  }
  at(row) {
    if (row < 0 || row >= this.length) return null;
    const start = this.offsets[row];
    const end = this.offsets[row + 1];
    return start === end ? null : this.bytes.toString("utf8", start, end);
  }
  isEmpty(row) {
    return this.offsets[row] === this.offsets[row + 1];
  }
  /** Whether row `row` holds the same id as row `otherRow` of `other`. */
  sameAs(row, other, otherRow) {
    const start = this.offsets[row];
    const size = this.offsets[row + 1] - start;
    const otherStart = other.offsets[otherRow];
    if (other.offsets[otherRow + 1] - otherStart !== size) return false;
    const a = this.bytes;
    const b = other.bytes;
    for (let k = 0; k < size; k++) if (a[start + k] !== b[otherStart + k]) return false;
    return true;
  }
  /**
   * Whether every id is greater than the one before, as a whole number of up to 15 digits or
   * else byte by byte: then no two are the same, with no index to build. Files written by an
   * evaluation are often in the order of their ids.
   */
  increasing() {
    const { bytes, offsets } = this;
    let previous = -1;
    let row = 0;
    for (; row < this.length; row++) {
      const start = offsets[row];
      const end = offsets[row + 1];
      if (end === start || end - start > 15) break;
      let value = 0;
      let i = start;
      for (; i < end; i++) {
        const d = bytes[i] - 48;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
      }
      if (i < end || value <= previous) break;
      previous = value;
    }
    if (row === this.length) return true;
    for (row = 1; row < this.length; row++) {
      const a = offsets[row - 1];
      const b = offsets[row];
      const end = offsets[row + 1];
      const size = Math.min(b - a, end - b);
      let k = 0;
      while (k < size && bytes[a + k] === bytes[b + k]) k++;
      if (k < size ? bytes[a + k] > bytes[b + k] : end - b <= b - a) return false;
    }
    return true;
  }
  hashAt(row) {
    return hashBytes(this.bytes, this.offsets[row], this.offsets[row + 1]);
  }
  trim() {
    this.offsets = this.offsets.slice(0, this.length + 1);
    this.bytes = Buffer.from(this.bytes.subarray(0, this.used));
  }
  [Symbol.iterator]() {
    return cellsOf(this);
  }
};
var IdIndex = class {
  constructor(ids) {
    this.ids = ids;
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }
  ids;
  slots;
  mask;
  add(row) {
    const { slots, mask, ids } = this;
    for (let at = ids.hashAt(row) & mask, probes = 0; probes <= mask; at = at + 1 & mask, probes++) {
      const held = slots[at];
      if (held === -1) {
        slots[at] = row;
        return -1;
      }
      if (ids.sameAs(held, ids, row)) return held;
    }
    throw new Error("the id index is full");
  }
  find(other, row) {
    const { slots, mask, ids } = this;
    for (let at = other.hashAt(row) & mask, probes = 0; probes <= mask; at = at + 1 & mask, probes++) {
      const held = slots[at];
      if (held === -1) return -1;
      if (ids.sameAs(held, other, row)) return held;
    }
    return -1;
  }
};
var LineList = class {
  chunks = [];
  /** The first row's line, while every row follows the one before; -1 once rows are kept. */
  first = 0;
  length = 0;
  push(line) {
    if (this.first !== -1) {
      if (this.length === 0) this.first = line;
      if (line === this.first + this.length) {
        this.length++;
        return;
      }
      const first = this.first;
      const count = this.length;
      this.first = -1;
      this.length = 0;
      for (let row = 0; row < count; row++) this.store(first + row);
    }
    this.store(line);
  }
  store(line) {
    const at = this.length & CHUNK_MASK;
    if (at === 0) this.chunks.push(new Uint32Array(CHUNK));
    this.chunks[this.chunks.length - 1][at] = line;
    this.length++;
  }
  at(row) {
    if (this.first !== -1) return this.first + row;
    return this.chunks[row >>> CHUNK_BITS][row & CHUNK_MASK];
  }
  trim() {
    const last = this.chunks.length - 1;
    if (last >= 0) this.chunks[last] = this.chunks[last].slice(0, this.length - last * CHUNK);
  }
  toArray() {
    return Array.from({ length: this.length }, (_, row) => this.at(row));
  }
};

// src/metrics/predictions.ts
function predictionColumns(spec) {
  return {
    format: spec?.format ?? "csv",
    id: spec?.id ?? "id",
    label: spec?.label ?? "label",
    prediction: spec?.prediction ?? "prediction",
    score: spec?.score ?? "score",
    probabilityPrefix: spec?.probabilityPrefix ?? "proba_",
    group: spec?.group ?? null,
    slices: [...spec?.slices ?? []]
  };
}
var PredictionsError = class extends EvaluationError {
  constructor(message) {
    super(message, "predictions-invalid");
  }
};
var emptyAsNull = (cell) => cell === "" ? null : cell;
var CSV_EMPTY = "the predictions file is empty; write a header row, then one row per example";
function csvTableBuilder(file, idName, numericColumns, textColumns) {
  let header = null;
  let columns = [];
  const ids = [];
  const numbers = [];
  const texts = [];
  const lines = new LineList();
  const record = (scanner) => {
    if (header === null) {
      header = Array.from({ length: scanner.count }, (_, c) => scanner.text(c).trim());
      checkSeparator(header, file, scanner.recordLine);
      checkHeader(header, file, scanner.recordLine);
      columns = header.map((h, c) => {
        if (h === idName) {
          const column3 = new IdColumn();
          ids.push({ c, column: column3 });
          return column3;
        }
        if (numericColumns(h)) {
          const column3 = new NumberColumn();
          numbers.push({ c, column: column3 });
          return column3;
        }
        if (!textColumns(h)) return new SkippedColumn();
        const column2 = new CellColumn();
        texts.push({ c, column: column2 });
        return column2;
      });
      return;
    }
    if (scanner.count !== header.length) throw scanner.widthError(file, header.length);
    lines.push(scanner.recordLine);
    for (let k = 0; k < ids.length; k++) ids[k].column.pushField(scanner, ids[k].c);
    for (let k = 0; k < numbers.length; k++) {
      const { c, column: column2 } = numbers[k];
      const value = scanner.number(c);
      if (typeof value === "number") column2.pushNumber(value);
      else column2.push(emptyAsNull(scanner.text(c)));
    }
    for (let k = 0; k < texts.length; k++) texts[k].column.push(emptyAsNull(scanner.text(texts[k].c)));
  };
  const table = () => {
    if (header === null) throw new PredictionsError(`${file}: ${CSV_EMPTY}`);
    const names = header;
    lines.trim();
    for (const column2 of columns) if (column2 instanceof SkippedColumn) column2.length = lines.length;
    for (const { column: column2 } of ids) column2.trim();
    for (const { column: column2 } of numbers) column2.trim();
    const byName = new Map(names.map((h, c) => [h, columns[c]]));
    return { file, lines, ids: new IdColumn(), columns: byName };
  };
  return { record, table };
}
async function streamCsv(file, columns) {
  const builder = csvTableBuilder(file, columns.id, numericColumnsOf(columns), textColumnsOf(columns));
  try {
    await scanFile(file, builder.record);
  } catch (err) {
    if (err instanceof CsvError && err.cause) throw err.cause;
    throw err instanceof CsvError ? new PredictionsError(err.message) : err;
  }
  return builder.table();
}
function jsonLinesReader(file) {
  const columns = /* @__PURE__ */ new Map();
  const rows = new LineList();
  let lineNo = 0;
  let row = 0;
  const add = (raw) => {
    lineNo++;
    const line = raw.trim();
    if (line === "") return;
    let value;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new PredictionsError(
        `${file}:${lineNo}: not valid JSON (${err.message}); write one JSON object per line${nonFiniteHint(line)}${lineNo === 1 && !line.startsWith("{") && line.includes(",") ? "; the file looks like CSV: set evaluate.predictions.format: csv (the default)" : ""}`
      );
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new PredictionsError(`${file}:${lineNo}: expected one JSON object per line`);
    }
    for (const [key, cell] of Object.entries(value)) {
      if (cell !== null && typeof cell === "object") {
        throw new PredictionsError(`${file}:${lineNo}: "${key}" holds ${Array.isArray(cell) ? "a list" : "an object"}; write one flat value per key`);
      }
      let list = columns.get(key);
      if (!list) {
        list = new Array(row).fill(null);
        columns.set(key, list);
      }
      list[row] = cell;
    }
    row++;
    for (const list of columns.values()) if (list.length < row) list.push(null);
    rows.push(lineNo);
  };
  const table = () => ({ file, lines: rows, ids: new IdColumn(), columns: new Map([...columns].map(([k, v]) => [k, new CellColumn(v)])) });
  return { add, table };
}
function textColumnsOf(columns) {
  return (name) => name === columns.group || columns.slices.includes(name);
}
function numericColumnsOf(columns) {
  return (name) => name === columns.label || name === columns.prediction || name === columns.score || name.startsWith(columns.probabilityPrefix);
}
async function loadPredictions(file, columns) {
  if (columns.format === "csv") return checkIds(await streamCsv(file, columns), columns);
  const reader = jsonLinesReader(file);
  try {
    for await (const line of utf8Lines(file, file)) reader.add(line);
  } catch (err) {
    throw err instanceof CsvError ? new PredictionsError(err.message) : err;
  }
  return checkIds(reader.table(), columns);
}
async function readPredictions(file, columns, whose) {
  try {
    return await loadPredictions(file, columns);
  } catch (err) {
    if (err instanceof PredictionsError) throw err;
    const code = err.code;
    const expected = `a ${columns.format === "csv" ? "CSV" : "JSON Lines"} file at $RETRAIN_PREDICTIONS_FILE, ${file}`;
    if (code === "ENOENT") throw new PredictionsError(`the evaluate command wrote no predictions for the ${whose} (expected ${expected})`);
    throw new PredictionsError(`cannot read the predictions of the ${whose} (${expected}): ${err.message}`);
  }
}
function checkIds(table, columns) {
  const file = table.file;
  if (table.lines.length === 0) throw new PredictionsError(`${file}: the predictions file holds no examples`);
  const idColumn = table.columns.get(columns.id);
  if (!idColumn) {
    const names = [...table.columns.keys()];
    const jsonLines = names[0]?.startsWith("{") ? "; the file looks like JSON Lines: set evaluate.predictions.format: jsonl" : "";
    throw new PredictionsError(`${file}: there is no id column "${columns.id}" (columns: ${names.join(", ")}); set evaluate.predictions.id${jsonLines}`);
  }
  let ids;
  if (idColumn instanceof IdColumn) ids = idColumn;
  else {
    ids = new IdColumn();
    for (let row = 0; row < idColumn.length; row++) ids.push(idColumn.at(row));
    ids.trim();
  }
  for (let row = 0; row < ids.length; row++) {
    if (ids.isEmpty(row)) throw new PredictionsError(`${file}:${table.lines.at(row)}: the example has no id ("${columns.id}")`);
  }
  table.ids = ids;
  if (ids.increasing()) return table;
  const index = new IdIndex(ids);
  for (let row = 0; row < ids.length; row++) {
    const earlier = index.add(row);
    if (earlier !== -1) {
      throw new PredictionsError(
        `${file}:${table.lines.at(row)}: duplicate id "${ids.at(row)}" (first at line ${table.lines.at(earlier)}); each example must appear once`
      );
    }
  }
  table.ids = ids;
  return table;
}
function alignRows(candidate, baseline) {
  const n = candidate.ids.length;
  const order = new Int32Array(n);
  let row = 0;
  if (n === baseline.ids.length) while (row < n && candidate.ids.sameAs(row, baseline.ids, row)) row++;
  for (let r = 0; r < row; r++) order[r] = r;
  if (row === n && n === baseline.ids.length) return order;
  const index = new IdIndex(baseline.ids);
  for (let r = 0; r < baseline.ids.length; r++) index.add(r);
  const matched = new Uint8Array(baseline.ids.length);
  for (let r = 0; r < row; r++) matched[r] = 1;
  const problems = [];
  const LIMIT = 5;
  let missing = 0;
  for (let r = row; r < n; r++) {
    const other = index.find(candidate.ids, r);
    if (other === -1) {
      if (++missing <= LIMIT) problems.push(`id "${candidate.ids.at(r)}" (${candidate.file}:${candidate.lines.at(r)}) is missing from ${baseline.file}`);
      order[r] = -1;
    } else {
      order[r] = other;
      matched[other] = 1;
    }
  }
  let extra = 0;
  for (let r = 0; r < matched.length; r++) {
    if (matched[r] === 1) continue;
    if (++extra <= LIMIT) problems.push(`id "${baseline.ids.at(r)}" (${baseline.file}:${baseline.lines.at(r)}) is not in ${candidate.file}`);
  }
  if (problems.length > 0) {
    const more = missing + extra - problems.length;
    throw new PredictionsError(
      `the candidate's and the baseline's predictions must hold the same ids: ${problems.join("; ")}${more > 0 ? `; and ${more} more` : ""}. Evaluate both models on the same examples`
    );
  }
  return order;
}

// src/metrics/bootstrap.ts
import { availableParallelism } from "node:os";

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
  const floats2 = [];
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
      floatOf.set(values, floats2.length);
      floats2.push(values);
      return { kind: "float", index: floats2.length - 1 };
    }
    if (shape.order === null && (sequential === null || sequential === shape)) {
      if (sequential === null) {
        sequential = shape;
        const positive = shape.positive;
        for (let i = 0; i < n; i++) flags[i] |= positive[i] << LABEL_BIT2;
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
  const pairable = sources.every((s) => s !== null && s.kind !== "auc") && n < 2 ** 31;
  return { n, groups: groups && shared(groups), flags, bits, floats: floats2, packed, sources, pairable };
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
  constructor(floats2) {
    this.floatSums = new Float64Array(floats2 + 1);
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
    const { flags, floats: floats2, n } = layout;
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
      for (; f + 1 < floats2.length; f += 2) dotsPairBlock(wa, wb, floats2[f], floats2[f + 1], start, end, floatSums, floatSumsB, f, pair);
      if (f < floats2.length) dotsPairBlock(wa, wb, floats2[f], floats2[f], start, end, floatSums, floatSumsB, f, pair);
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
    const { flags, floats: floats2, n } = layout;
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
      for (; f + 1 < floats2.length; f += 2) dotsBlock(w, floats2[f], floats2[f + 1], start, end, floatSums, f);
      if (f < floats2.length) dotsBlock(w, floats2[f], floats2[f], start, end, floatSums, f);
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
  return bootstrapThreadsSetting(raw) ?? Math.max(1, Math.min(availableParallelism(), 4));
}
function planOf(metrics, n, units, settings, pairs) {
  const planned = [];
  for (const m of metrics) {
    const candidate = shapeOf(m.candidate);
    const baseline = shapeOf(m.baseline);
    if (!candidate || !baseline) return null;
    planned.push({ candidate, baseline, rows: m.rows ?? null });
  }
  return {
    n,
    units: units.count,
    unitOf: units.unitOf,
    metrics: planned,
    seed: settings.seed,
    resamples: settings.resamples,
    fused: fusedLayout(n, planned),
    pairs
  };
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
  const plan = planOf(metrics, n, units, settings, options.pairs ?? true);
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

// src/metrics/examples.ts
function classKey2(cell) {
  if (typeof cell === "boolean") return String(cell);
  if (typeof cell === "number") return String(cell);
  return classKey(String(cell));
}
function where(table, row) {
  return `${table.file}:${table.lines.at(row)}`;
}
var MISSING_TEXT = /^\s*(na|nan|null)?\s*$/i;
function shown(cell) {
  const missing = cell === null || typeof cell === "string" && MISSING_TEXT.test(cell);
  if (missing) return "a missing value (empty, NA, NaN or null)";
  return typeof cell === "number" && !Number.isFinite(cell) ? `${cell} (a number beyond the doubles)` : JSON.stringify(cell);
}
function column(table, name, what) {
  const cells = table.columns.get(name);
  if (!cells) {
    throw new PredictionsError(
      `${table.file}: there is no ${what} column "${name}" (columns: ${[...table.columns.keys()].join(", ")}); write it or name the column in evaluate.predictions`
    );
  }
  return cells;
}
function numberAt(table, cells, row, name) {
  const cell = cells.at(row);
  const value = typeof cell === "number" ? cell : typeof cell === "string" && DECIMAL.test(cell) ? Number(cell) : Number.NaN;
  if (!Number.isFinite(value)) {
    throw new PredictionsError(`${where(table, row)}: "${name}" of id "${table.ids.at(row)}" must be a finite number, got ${shown(cell)}`);
  }
  return value;
}
var BINARY_DEFAULT = ["0", "1"];
function classesOf(task, declared, table, cols) {
  if (task === "binary") {
    if (declared && declared.length !== 2)
      throw new PredictionsError(`evaluate.predictions.classes must name exactly two classes for a binary task: negative, then positive`);
    return (declared ?? BINARY_DEFAULT).map(classKey2);
  }
  const fromColumns = [...table.columns.keys()].filter((k) => k.startsWith(cols.probabilityPrefix)).map((k) => classKey2(k.slice(cols.probabilityPrefix.length)));
  if (declared) return declared.map(classKey2);
  if (fromColumns.length > 0) return fromColumns;
  const seen = /* @__PURE__ */ new Set();
  for (const name of [cols.label, cols.prediction]) for (const cell of table.columns.get(name) ?? []) if (cell !== null) seen.add(classKey2(cell));
  const numeric = [...seen].every((k) => Number.isFinite(Number(k)));
  return [...seen].sort(numeric ? (a, b) => Number(a) - Number(b) : void 0);
}
function classIndexes(table, cells, name, classes, binary) {
  const index = new Map(classes.map((c, i) => [c, i]));
  const byNumber = /* @__PURE__ */ new Map();
  const out = new Int32Array(cells.length);
  for (let row = 0; row < cells.length; row++) {
    const cell = cells.at(row);
    if (typeof cell === "number") {
      const known = byNumber.get(cell);
      if (known !== void 0) {
        out[row] = known;
        continue;
      }
    }
    let key = cell === null ? "" : classKey2(cell);
    if (binary && !index.has(key)) key = binarySpelling(classes, key) ?? key;
    const i = index.get(key);
    if (i === void 0) {
      throw new PredictionsError(
        `${where(table, row)}: "${name}" of id "${table.ids.at(row)}" is ${shown(cell)}, not one of the classes ${classes.join(", ")}; ` + (binary ? "a binary task uses 0/1 (or true/false) unless evaluate.predictions.classes names [negative, positive]" : "declare every class in evaluate.predictions.classes")
      );
    }
    out[row] = i;
    if (typeof cell === "number") byNumber.set(cell, i);
  }
  return out;
}
function classesOrNull(table, cells, name, classes, binary) {
  try {
    return classIndexes(table, cells, name, classes, binary);
  } catch (err) {
    if (err instanceof PredictionsError) return null;
    throw err;
  }
}
function categories(table, name, what) {
  const cells = column(table, name, what);
  const index = /* @__PURE__ */ new Map();
  const names = [];
  const of = new Int32Array(cells.length);
  for (let row = 0; row < cells.length; row++) {
    const cell = cells.at(row);
    if (what === "group" && (cell === null || typeof cell === "string" && MISSING_TEXT.test(cell))) {
      throw new PredictionsError(
        `${where(table, row)}: the group ("${name}") of id "${table.ids.at(row)}" is missing; every example needs its group, or the bootstrap would resample all those without one as a single group`
      );
    }
    const key = cell === null ? "" : what === "slice" ? classKey2(cell) : String(cell);
    let i = index.get(key);
    if (i === void 0) {
      i = names.length;
      index.set(key, i);
      names.push(cell === null ? "" : String(cell));
    }
    of[row] = i;
  }
  return { names, of };
}
function readExamples(task, declaredClasses, cols, candidate, baseline) {
  const n = candidate.ids.length;
  const classes = task === "regression" ? [] : classesOf(task, declaredClasses, candidate, cols);
  if (task === "multiclass" && classes.length < 2)
    throw new PredictionsError(`${candidate.file}: a multiclass task needs at least two classes, found ${classes.length}`);
  const labels = column(candidate, cols.label, "label");
  let labelClass = new Int32Array(0);
  let labelValue = new Float64Array(0);
  if (task === "regression") {
    labelValue = new Float64Array(n);
    for (let row = 0; row < n; row++) labelValue[row] = numberAt(candidate, labels, row, cols.label);
  } else {
    labelClass = classIndexes(candidate, labels, cols.label, classes, task === "binary");
  }
  const shared3 = [cols.label, ...cols.group ? [cols.group] : [], ...cols.slices];
  if (baseline) {
    for (const name of shared3) {
      const mine = column(candidate, name, name === cols.label ? "label" : "group or slice");
      const theirs = column(baseline.table, name, name === cols.label ? "label" : "group or slice");
      const theirClass = name === cols.label && task !== "regression" ? classesOrNull(baseline.table, theirs, name, classes, task === "binary") : null;
      for (let row = 0; row < n; row++) {
        const a = mine.at(row);
        const b = theirs.at(baseline.order[row]);
        if (theirClass !== null ? labelClass[row] !== theirClass[baseline.order[row]] : a !== b && !(a !== null && b !== null && classKey2(a) === classKey2(b))) {
          throw new PredictionsError(
            `"${name}" of id "${candidate.ids.at(row)}" differs: ${JSON.stringify(a)} at ${where(candidate, row)}, ${JSON.stringify(b)} at ${where(baseline.table, baseline.order[row])}; both models must be evaluated on the same data`
          );
        }
      }
    }
  }
  return {
    task,
    n,
    ids: candidate.ids,
    classes,
    labelClass,
    labelValue,
    groups: cols.group ? categories(candidate, cols.group, "group") : null,
    slices: cols.slices.map((name) => {
      const { names, of } = categories(candidate, name, "slice");
      return { column: name, values: names, of };
    })
  };
}
function readOutputs(examples, cols, table, order, needs) {
  const n = examples.n;
  const rowOf = (i) => order ? order[i] : i;
  const out = { predictedClass: null, predictedValue: null, score: null, probabilities: null };
  if (needs.prediction) {
    const cells = column(table, cols.prediction, "prediction");
    if (examples.task === "regression") {
      out.predictedValue = new Float64Array(n);
      for (let i = 0; i < n; i++) out.predictedValue[i] = numberAt(table, cells, rowOf(i), cols.prediction);
    } else {
      const byRow = classIndexes(table, cells, cols.prediction, examples.classes, examples.task === "binary");
      out.predictedClass = new Int32Array(n);
      for (let i = 0; i < n; i++) out.predictedClass[i] = byRow[rowOf(i)];
    }
  }
  if (needs.score && examples.task === "binary") {
    const cells = column(table, cols.score, "score");
    out.score = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = numberAt(table, cells, rowOf(i), cols.score);
      if (needs.probability && (v < 0 || v > 1)) {
        throw new PredictionsError(
          `${where(table, rowOf(i))}: "${cols.score}" of id "${examples.ids.at(i)}" is ${v}; log loss and Brier score need a probability in [0, 1]`
        );
      }
      out.score[i] = v;
    }
  }
  if (needs.score && examples.task === "multiclass") {
    const probabilities = examples.classes.map((c) => {
      const name = [...table.columns.keys()].find((k) => k.startsWith(cols.probabilityPrefix) && classKey2(k.slice(cols.probabilityPrefix.length)) === c);
      if (name === void 0)
        throw new PredictionsError(`${table.file}: there is no probability column "${cols.probabilityPrefix}${c}" for class ${c}; write one column per class`);
      const cells = table.columns.get(name);
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = numberAt(table, cells, rowOf(i), name);
      return values;
    });
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (const p of probabilities) {
        if (p[i] < 0 || p[i] > 1)
          throw new PredictionsError(`${where(table, rowOf(i))}: a class probability of id "${examples.ids.at(i)}" is ${p[i]}, outside [0, 1]`);
        sum += p[i];
      }
      if (Math.abs(sum - 1) > 1e-8 + 1e-5) {
        const known = new Set(examples.classes);
        const extra = [...table.columns.keys()].filter(
          (k) => k.startsWith(cols.probabilityPrefix) && !known.has(classKey2(k.slice(cols.probabilityPrefix.length)))
        );
        throw new PredictionsError(
          `${where(table, rowOf(i))}: the class probabilities of id "${examples.ids.at(i)}" sum to ${sum}, not 1` + (extra.length > 0 ? ` over the classes ${examples.classes.join(", ")}; the file also has ${extra.join(", ")}, of no class compared: declare every class in evaluate.predictions.classes, and have every model write a column for each (0 for a class it does not know)` : "")
        );
      }
    }
    out.probabilities = probabilities;
  }
  return out;
}
function pick(values, rows, make) {
  const out = make(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}
var ints = (n) => new Int32Array(n);
var floats = (n) => new Float64Array(n);
function pickExamples(examples, rows) {
  const base = examples.ids;
  const ids = { length: rows.length, at: (i) => base.at(rows[i]) };
  return {
    ...examples,
    n: rows.length,
    ids,
    labelClass: examples.labelClass.length === 0 ? examples.labelClass : pick(examples.labelClass, rows, ints),
    labelValue: examples.labelValue.length === 0 ? examples.labelValue : pick(examples.labelValue, rows, floats),
    groups: examples.groups && { names: examples.groups.names, of: pick(examples.groups.of, rows, ints) },
    slices: examples.slices.map((s) => ({ ...s, of: pick(s.of, rows, ints) }))
  };
}
function pickOutputs(outputs, rows) {
  return {
    predictedClass: outputs.predictedClass && pick(outputs.predictedClass, rows, ints),
    predictedValue: outputs.predictedValue && pick(outputs.predictedValue, rows, floats),
    score: outputs.score && pick(outputs.score, rows, floats),
    probabilities: outputs.probabilities && outputs.probabilities.map((p) => pick(p, rows, floats))
  };
}
function localityOrder(examples, candidate) {
  const score = candidate.score ?? candidate.probabilities?.[0] ?? null;
  if (!score || examples.task === "regression") return null;
  const positive = new Uint8Array(examples.n);
  const positiveClass = candidate.score ? 1 : 0;
  for (let i = 0; i < examples.n; i++) positive[i] = examples.labelClass[i] === positiveClass ? 1 : 0;
  return sortByScore(score, positive);
}

// src/metrics/compare.ts
var DEFAULT_SLICE_CONFIDENCE = 0.95;
var DEFAULT_SLICE_MIN_SIZE = 30;
function bootstrapSettings(spec) {
  return { ...DEFAULT_BOOTSTRAP, ...spec.evaluate.bootstrap };
}
function computedMetrics(spec) {
  return spec.metrics.filter((m) => m.compute !== void 0);
}
function toValue(v) {
  return Number.isFinite(v) ? v : null;
}
function compareComputed(spec, candidateTable, baselineTable, referenceTables = /* @__PURE__ */ new Map()) {
  const predictions = spec.evaluate.predictions;
  const metrics = computedMetrics(spec);
  const cols = predictionColumns(predictions);
  const task = predictions?.task;
  if (task === void 0) {
    throw new InputError([
      { file: spec.file, message: "metrics are computed from predictions only with evaluate.predictions.task (binary, multiclass or regression)" }
    ]);
  }
  const others = /* @__PURE__ */ new Map();
  if (baselineTable) others.set("champion", { table: baselineTable, order: alignRows(candidateTable, baselineTable) });
  for (const [version, table] of referenceTables) if (typeof table !== "string") others.set(version, { table, order: alignRows(candidateTable, table) });
  let examples = null;
  for (const other of others.values()) examples = readExamples(task, predictions?.classes, cols, candidateTable, other);
  examples ??= readExamples(task, predictions?.classes, cols, candidateTable, null);
  const needs = needsOf(metrics.map((m) => m.compute));
  const outputs = /* @__PURE__ */ new Map([["candidate", readOutputs(examples, cols, candidateTable, null, needs)]]);
  for (const [against, other] of others) outputs.set(against, readOutputs(examples, cols, other.table, other.order, needs));
  const locality = localityOrder(examples, outputs.get("candidate"));
  if (locality) {
    examples = pickExamples(examples, locality);
    for (const [who, o] of outputs) outputs.set(who, pickOutputs(o, locality));
  }
  const kernels = /* @__PURE__ */ new Map();
  const kernel = (metric, who) => {
    const key = `${metric}\0${who}`;
    if (!kernels.has(key)) kernels.set(key, kernelOf(metric, examples, outputs.get(who)));
    return kernels.get(key);
  };
  const ones = new Uint8Array(examples.n).fill(1);
  const valuesOf = (who) => Object.fromEntries(metrics.map((m) => [m.name, toValue(kernel(m.compute, who)(ones))]));
  const references = /* @__PURE__ */ new Map();
  for (const [version, table] of referenceTables) references.set(version, typeof table === "string" ? table : valuesOf(version));
  const units = examples.groups ? { count: examples.groups.names.length, unitOf: examples.groups.of, kind: "groups" } : { count: examples.n, unitOf: null, kind: "examples" };
  const wanted = [];
  const keyOf = (metric, against, slice = "") => `${metric}\0${against}\0${slice}`;
  for (const m of metrics) {
    for (const rule of m.change) {
      if (rule.confidence === void 0 || !outputs.has(rule.against)) continue;
      const key = keyOf(m.name, rule.against);
      if (wanted.some((w) => w.key === key)) continue;
      wanted.push({ key, paired: { candidate: kernel(m.compute, "candidate"), baseline: kernel(m.compute, rule.against), goal: m.goal } });
    }
  }
  const sliceRows = [];
  if (outputs.has("champion")) {
    for (const m of metrics.filter((m2) => m2.slices)) {
      for (const slice of examples.slices) {
        const members = slice.values.map(() => []);
        slice.of.forEach((v, row) => members[v].push(row));
        slice.values.forEach((value, v) => {
          const rows = Uint32Array.from(members[v]);
          const key = keyOf(m.name, "champion", `${slice.column}=${value}`);
          sliceRows.push({ metric: m, column: slice.column, value, rows, key });
          const sub = pickExamples(examples, rows);
          wanted.push({
            key,
            paired: {
              candidate: kernelOf(m.compute, sub, pickOutputs(outputs.get("candidate"), rows)),
              baseline: kernelOf(m.compute, sub, pickOutputs(outputs.get("champion"), rows)),
              goal: m.goal,
              rows
            }
          });
        });
      }
    }
  }
  const settings = bootstrapSettings(spec);
  const distributions = /* @__PURE__ */ new Map();
  if (wanted.length > 0) {
    pairedBootstrap(
      wanted.map((w) => w.paired),
      examples.n,
      units,
      settings
    ).forEach((d, i) => distributions.set(wanted[i].key, d));
  }
  const confidence = (metric, against, relative, level) => {
    const d = distributions.get(keyOf(metric, against));
    if (!d) return void 0;
    const sorted = relative ? d.relative : d.absolute;
    const degenerate = relative ? d.degenerateRelative : d.degenerate;
    const point = relative ? d.point.relative : d.point.absolute;
    const acceleration = relative ? d.acceleration.relative : d.acceleration.absolute;
    const base = { resamples: d.resamples, degenerate, units: d.units, unit: d.unitKind };
    let problem = null;
    if (d.units < MIN_UNITS) problem = `only ${d.units} ${d.unitKind} to resample; a confidence rule needs at least ${MIN_UNITS}`;
    else if (degenerate > MAX_DEGENERATE_SHARE * d.resamples || sorted.length === 0) {
      problem = `${metric} was undefined in ${degenerate} of ${d.resamples} resamples (more than ${MAX_DEGENERATE_SHARE * 100}%), so its interval cannot be trusted`;
    }
    if (problem) return { ...base, bound: null, upper: null, method: settings.interval, problem };
    const lower = boundAt(sorted, point, 1 - level, settings.interval, acceleration);
    const upper = boundAt(sorted, point, level, settings.interval, acceleration);
    return { ...base, bound: lower.value, upper: upper.value, method: lower.method, problem: null };
  };
  const slices = metrics.filter((m) => m.slices && outputs.has("champion")).map(
    (m) => judgeSlices(
      m,
      examples,
      sliceRows.filter((s) => s.metric === m),
      distributions
    )
  );
  return {
    candidate: valuesOf("candidate"),
    baseline: outputs.has("champion") ? valuesOf("champion") : null,
    references,
    confidence,
    slices,
    units: { count: units.count, kind: units.kind }
  };
}
function judgeSlices(metric, examples, slices, distributions) {
  const rule = metric.slices;
  const level = rule.confidence ?? DEFAULT_SLICE_CONFIDENCE;
  const minSize = rule.minSize ?? DEFAULT_SLICE_MIN_SIZE;
  const alpha = 1 - level;
  const records = slices.map((s) => {
    const d = distributions.get(s.key);
    const size = Math.min(
      effectiveSize(metric.compute, examples, s.rows),
      examples.groups ? new Set(Array.from(s.rows, (r) => examples.groups.of[r])).size : Number.POSITIVE_INFINITY
    );
    const base = {
      metric: metric.name,
      column: s.column,
      value: s.value,
      examples: s.rows.length,
      effectiveSize: size,
      candidate: toValue(d.point.candidate),
      baseline: toValue(d.point.baseline),
      improvement: toValue(d.point.absolute),
      upper: null,
      p: null,
      worst: false
    };
    if (size < minSize) return { ...base, status: "not-judged", reason: `effective size ${size} is under the minimum ${minSize}`, rawP: Number.NaN };
    if (d.degenerate > MAX_DEGENERATE_SHARE * d.resamples || d.absolute.length === 0 || base.improvement === null) {
      return {
        ...base,
        status: "not-judged",
        reason: `${metric.name} is undefined on this slice or in ${d.degenerate} of ${d.resamples} resamples`,
        rawP: Number.NaN
      };
    }
    let atLeast = 0;
    for (const v of d.absolute) if (v >= -rule.maxRegression) atLeast++;
    return { ...base, status: "pass", reason: "", rawP: (1 + atLeast) / (d.absolute.length + 1) };
  });
  const judged = records.filter((r) => r.status !== "not-judged").sort((a, b) => a.rawP - b.rawP);
  let running = 0;
  judged.forEach((r, rank) => {
    running = Math.max(running, Math.min(1, (judged.length - rank) * r.rawP));
    r.p = running;
    const holmLevel = alpha / (judged.length - rank);
    const d = distributions.get(slices.find((s) => s.column === r.column && s.value === r.value).key);
    r.upper = boundAt(d.absolute, d.point.absolute, 1 - holmLevel, "percentile", Number.NaN).value;
    const failed = r.p <= alpha;
    r.status = failed ? "fail" : "pass";
    r.reason = failed ? `regresses by more than ${rule.maxRegression}: Holm-adjusted p = ${r.p.toPrecision(3)} <= ${alpha.toPrecision(3)}` : `no evidence of a regression beyond ${rule.maxRegression} (Holm-adjusted p = ${r.p.toPrecision(3)})`;
  });
  const pool = judged.length > 0 ? judged : records.filter((r) => r.improvement !== null);
  const worst = pool.reduce((w, r) => w === null || r.improvement < w.improvement ? r : w, null);
  if (worst) worst.worst = true;
  return { metric: metric.name, maxRegression: rule.maxRegression, confidence: level, slices: records.map(({ rawP: _rawP, ...r }) => r) };
}

export {
  MAX_METRICS_FILE_BYTES,
  parseMetrics,
  readMetricsFile,
  missingMetricWarning,
  predictionColumns,
  PredictionsError,
  loadPredictions,
  readPredictions,
  compareComputed
};
