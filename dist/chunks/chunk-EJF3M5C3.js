import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  checkHeader
} from "./chunk-MQFF6UJO.js";
import {
  DEFAULT_BOOTSTRAP,
  MAX_DEGENERATE_SHARE,
  MIN_UNITS,
  boundAt,
  effectiveSize,
  kernelOf,
  needsOf,
  pairedBootstrap,
  sortByScore
} from "./chunk-CAIDF5Q2.js";
import {
  CsvError,
  scanFile
} from "./chunk-A4K7MTTN.js";
import {
  EvaluationError,
  InputError
} from "./chunk-S5PBS5EG.js";

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
function parseMetrics(text, file, declared) {
  let parsed;
  try {
    parsed = JSON.parse(quoteNonFinite(text));
  } catch (err) {
    throw new EvaluationError(
      `${file}: the metrics file is not valid JSON (${err.message}); write one object of metric name to number`,
      "metrics-invalid"
    );
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new EvaluationError(`${file}: the metrics file must hold one JSON object of metric name to number`, "metrics-invalid");
  }
  const metrics = {};
  const ignored = [];
  let moreIgnored = 0;
  const judged = new Set(declared);
  for (const [key, raw] of Object.entries(parsed)) {
    const value = sentinelValue(raw);
    if (value === void 0) {
      if (judged.has(key)) {
        throw new EvaluationError(`${file}: metric "${key}" must be a number or null, got ${shortJson(raw)}`, "metrics-invalid");
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
  const size = await stat(file).then(
    (s) => s.size,
    () => null
  );
  if (size !== null && size > MAX_METRICS_FILE_BYTES) {
    throw new EvaluationError(
      `${file}: the metrics file of the ${role} is ${Math.round(size / 1024 / 1024)} MiB, over the limit of ${MAX_METRICS_FILE_BYTES / 1024 / 1024} MiB; write one JSON object of metric name to number (per-example values go in $RETRAIN_PREDICTIONS_FILE)`,
      "metrics-invalid"
    );
  }
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new EvaluationError(
      `the evaluate command wrote no metrics for the ${role} (expected a JSON object at $RETRAIN_METRICS_FILE, ${file})`,
      "metrics-missing"
    );
  }
  return parseMetrics(text, file, declared);
}

// src/metrics/predictions.ts
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

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
    if (scanner.count !== header.length)
      throw new CsvError(`${file}:${scanner.recordLine}: the row has ${scanner.count} fields but the header has ${header.length}`);
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
      throw new PredictionsError(`${file}:${lineNo}: not valid JSON (${err.message}); write one JSON object per line`);
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
  const input = createReadStream(file, { encoding: "utf8" });
  const reader = jsonLinesReader(file);
  for await (const line of createInterface({ input, crlfDelay: Infinity })) reader.add(line);
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
  if (!idColumn)
    throw new PredictionsError(`${file}: there is no id column "${columns.id}" (columns: ${[...table.columns.keys()].join(", ")}); set evaluate.predictions.id`);
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

// src/metrics/examples.ts
function classKey(cell) {
  if (typeof cell === "boolean") return String(cell);
  if (typeof cell === "number") return String(cell);
  const text = String(cell).trim();
  const n = Number(text);
  return text !== "" && Number.isFinite(n) ? String(n) : text;
}
function where(table, row) {
  return `${table.file}:${table.lines.at(row)}`;
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
  const value = typeof cell === "number" ? cell : typeof cell === "string" && cell.trim() !== "" ? Number(cell) : Number.NaN;
  if (!Number.isFinite(value)) {
    throw new PredictionsError(`${where(table, row)}: "${name}" of id "${table.ids.at(row)}" must be a finite number, got ${JSON.stringify(cell)}`);
  }
  return value;
}
var BINARY_DEFAULT = ["0", "1"];
var BINARY_ALIASES = { false: "0", true: "1" };
function classesOf(task, declared, table, cols) {
  if (task === "binary") {
    if (declared && declared.length !== 2)
      throw new PredictionsError(`evaluate.predictions.classes must name exactly two classes for a binary task: negative, then positive`);
    return (declared ?? BINARY_DEFAULT).map(classKey);
  }
  const fromColumns = [...table.columns.keys()].filter((k) => k.startsWith(cols.probabilityPrefix)).map((k) => classKey(k.slice(cols.probabilityPrefix.length)));
  if (declared) return declared.map(classKey);
  if (fromColumns.length > 0) return fromColumns;
  const seen = /* @__PURE__ */ new Set();
  for (const name of [cols.label, cols.prediction]) for (const cell of table.columns.get(name) ?? []) if (cell !== null) seen.add(classKey(cell));
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
    let key = cell === null ? "" : classKey(cell);
    if (binary && !index.has(key) && BINARY_ALIASES[key.toLowerCase()] !== void 0 && classes.join() === BINARY_DEFAULT.join())
      key = BINARY_ALIASES[key.toLowerCase()];
    const i = index.get(key);
    if (i === void 0) {
      throw new PredictionsError(
        `${where(table, row)}: "${name}" of id "${table.ids.at(row)}" is ${JSON.stringify(cell)}, not one of the classes ${classes.join(", ")}; ` + (binary ? "a binary task uses 0/1 (or true/false) unless evaluate.predictions.classes names [negative, positive]" : "declare every class in evaluate.predictions.classes")
      );
    }
    out[row] = i;
    if (typeof cell === "number") byNumber.set(cell, i);
  }
  return out;
}
function categories(table, name, what) {
  const cells = column(table, name, what);
  const index = /* @__PURE__ */ new Map();
  const names = [];
  const of = new Int32Array(cells.length);
  for (let row = 0; row < cells.length; row++) {
    const cell = cells.at(row);
    const key = cell === null ? "" : String(cell);
    let i = index.get(key);
    if (i === void 0) {
      i = names.length;
      index.set(key, i);
      names.push(key);
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
  const shared = [cols.label, ...cols.group ? [cols.group] : [], ...cols.slices];
  if (baseline) {
    for (const name of shared) {
      const mine = column(candidate, name, name === cols.label ? "label" : "group or slice");
      const theirs = column(baseline.table, name, name === cols.label ? "label" : "group or slice");
      for (let row = 0; row < n; row++) {
        const a = mine.at(row);
        const b = theirs.at(baseline.order[row]);
        if (a !== b && !(a !== null && b !== null && classKey(a) === classKey(b))) {
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
      const name = [...table.columns.keys()].find((k) => k.startsWith(cols.probabilityPrefix) && classKey(k.slice(cols.probabilityPrefix.length)) === c);
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
        throw new PredictionsError(`${where(table, rowOf(i))}: the class probabilities of id "${examples.ids.at(i)}" sum to ${sum}, not 1`);
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
  predictionColumns,
  PredictionsError,
  loadPredictions,
  readPredictions,
  compareComputed
};
