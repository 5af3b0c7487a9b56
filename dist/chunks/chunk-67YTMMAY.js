import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/csv/errors.ts
var CsvError = class extends Error {
  name = "CsvError";
};

// src/csv/json-lines.ts
import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
var JSON_LINES = /\.(jsonl|ndjson)$/i;
function nonFiniteHint(line) {
  return /(?:^|[\s:,[])-?(?:NaN|Infinity)\s*[,}\]]/.test(line) ? "; NaN and Infinity are not JSON (Python's json module writes them): write null for a missing value" : "";
}
async function* utf8Lines(file, shown, latin1 = false) {
  const lines = createInterface({ input: createReadStream(file, { encoding: "latin1" }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    if (!/[^\x00-\x7f]/.test(raw)) {
      yield raw;
      continue;
    }
    const bytes = Buffer.from(raw, "latin1");
    if (!isUtf8(bytes)) {
      if (latin1) {
        yield raw;
        continue;
      }
      throw new CsvError(`${shown}:${line}: the line holds a byte that is not UTF-8; save the file as UTF-8 (convert a Latin-1 or UTF-16 file)`);
    }
    const text = bytes.toString("utf8");
    yield line === 1 && text.startsWith("\uFEFF") ? text.slice(1) : text;
  }
}
async function forEachJsonLine(file, shown, record, latin1 = false) {
  const lines = utf8Lines(file, shown, latin1);
  let line = 0;
  try {
    for await (const text of lines) {
      line++;
      if (text.trim() === "") continue;
      let value;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw new CsvError(`${shown}:${line}: not a JSON value (${err.message}); a JSON Lines file holds one object a line${nonFiniteHint(text)}`);
      }
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        throw new CsvError(`${shown}:${line}: a JSON Lines record must be an object of column names to values`);
      }
      record(value);
    }
  } catch (err) {
    if (err.code !== void 0 && !(err instanceof CsvError))
      throw new CsvError(`cannot read ${shown}: ${err.message}`, { cause: err });
    throw err;
  }
}
function forEachJsonLineOrLatin1(file, shown, record) {
  return forEachJsonLine(file, shown, record, true);
}

// src/csv/scan.ts
import { isUtf8 as isUtf82 } from "node:buffer";
import { open } from "node:fs/promises";
var QUOTE = 34;
var COMMA = 44;
var LF = 10;
var CR = 13;
var CHUNK_BYTES = 1 << 20;
var POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
var DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;
function parseNumber(cell) {
  if (cell === "" || /^(na|nan|null)$/i.test(cell)) return null;
  if (!DECIMAL.test(cell)) return void 0;
  const value = Number(cell);
  return Number.isFinite(value) ? value : void 0;
}
function spanNote(spanLine, spanEnd) {
  if (spanLine === 0) return "";
  return `; a quoted field opened on line ${spanLine} runs over line breaks to line ${spanEnd}: is its closing quote missing?`;
}
var isBlank = (b) => b === 32 || b === 9 || b === 11 || b === 12;
var CsvScanner = class {
  constructor(file, capacity = CHUNK_BYTES) {
    this.file = file;
    this.bytes = Buffer.allocUnsafe(capacity);
  }
  file;
  /** Holds bytes [0, length) ; the record being read starts at `position`. */
  bytes;
  length = 0;
  position = 0;
  /** Whether `bytes` holds the end of the input. */
  ended = false;
  /** The line the next record starts on (1-based). */
  line = 1;
  /** The line the current record starts on. */
  recordLine = 0;
  /** Fields of the current record. */
  count = 0;
  /** The line a quoted field of the current record opened on when it ran over a line break; 0 if none did. */
  spanLine = 0;
  /** The line that quoted field closed on. */
  spanEnd = 0;
  /** A field that is not UTF-8 is read as Latin-1 (for data only a user's own step reads), not refused. */
  latin1 = false;
  atStart = true;
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  quoted = new Uint8Array(64);
  /**
   * Reads the next record: 'record' when one was read, 'more' when the buffer ends inside one (add
   * bytes, or set `ended`, and call again), 'end' when the input is done. Blank lines are skipped.
   */
  next() {
    for (; ; ) {
      const found = this.scan();
      if (found !== "record") return found;
      if (this.count === 1 && this.ends[0] - this.starts[0] <= 2 && this.text(0) === "") continue;
      return found;
    }
  }
  scan() {
    const b = this.bytes;
    const n = this.length;
    const ended = this.ended;
    let i = this.position;
    if (i >= n) return ended ? "end" : "more";
    if (this.atStart) {
      if (n < 3 && !ended) return "more";
      this.atStart = false;
      if (n - i >= 3 && b[i] === 239 && b[i + 1] === 187 && b[i + 2] === 191) i = this.position = i + 3;
    }
    let line = this.line;
    let count = 0;
    let spanLine = 0;
    let spanEnd = 0;
    for (; ; ) {
      const start = i;
      let quoted = 0;
      if (i < n && b[i] === QUOTE) {
        quoted = 1;
        const opened = line;
        i++;
        for (; ; ) {
          let close = b.indexOf(QUOTE, i);
          if (close >= n) close = -1;
          if (close === -1 || close + 1 >= n && !ended) {
            if (!ended) return "more";
            throw new CsvError(`${this.file}:${opened}: a quoted field is never closed (it opens on this line); end it with a double quote`);
          }
          for (let k = b.indexOf(LF, i); k !== -1 && k < close; k = b.indexOf(LF, k + 1)) line++;
          if (close + 1 < n && b[close + 1] === QUOTE) i = close + 2;
          else {
            i = close + 1;
            break;
          }
        }
        if (line > opened) {
          const after = i < n ? b[i] : COMMA;
          if (after !== COMMA && after !== LF && after !== CR && !isBlank(after)) {
            throw new CsvError(
              `${this.file}:${opened}: a quoted field is never closed: it opens on this line and runs to the quote on line ${line}, which ${JSON.stringify(String.fromCharCode(after))} follows; end the field with a double quote (a quote inside it is written twice: "")`
            );
          }
          if (spanLine === 0) {
            spanLine = opened;
            spanEnd = line;
          }
        }
      }
      while (i < n) {
        const c2 = b[i];
        if (c2 === COMMA || c2 === LF || c2 === CR) break;
        i++;
      }
      if (i >= n && !ended) return "more";
      if (count === this.starts.length) this.growFields();
      this.starts[count] = start;
      this.ends[count] = i;
      this.quoted[count] = quoted;
      count++;
      if (i >= n) break;
      const c = b[i];
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 >= n && !ended) return "more";
        i += i + 1 < n && b[i + 1] === LF ? 2 : 1;
      } else i++;
      line++;
      break;
    }
    this.count = count;
    this.spanLine = spanLine;
    this.spanEnd = spanEnd;
    this.recordLine = this.line;
    this.line = line;
    this.position = i;
    return "record";
  }
  growFields() {
    const grow = (a, make) => {
      const out = make(a.length * 2);
      out.set(a);
      return out;
    };
    this.starts = grow(this.starts, (k) => new Int32Array(k));
    this.ends = grow(this.ends, (k) => new Int32Array(k));
    this.quoted = grow(this.quoted, (k) => new Uint8Array(k));
  }
  /** Field c's bytes as written are bytes[fieldStart(c), fieldEnd(c)); quoted fields include their quotes. */
  fieldStart(c) {
    return this.starts[c];
  }
  fieldEnd(c) {
    return this.ends[c];
  }
  isQuoted(c) {
    return this.quoted[c] !== 0;
  }
  /** Field c of the current record, unquoted, as written (not trimmed). */
  text(c) {
    let raw = this.bytes.toString("utf8", this.starts[c], this.ends[c]);
    if (raw.includes("\uFFFD") && !isUtf82(this.bytes.subarray(this.starts[c], this.ends[c]))) {
      if (!this.latin1) this.notUtf8(c);
      raw = this.bytes.toString("latin1", this.starts[c], this.ends[c]);
    }
    if (this.quoted[c] === 0) return raw;
    let field = "";
    let i = 1;
    for (; ; ) {
      const close = raw.indexOf('"', i);
      field += raw.slice(i, close);
      if (raw.charCodeAt(close + 1) === QUOTE) {
        field += '"';
        i = close + 2;
      } else {
        i = close + 1;
        break;
      }
    }
    return field + raw.slice(i);
  }
  /**
   * Field c as `parseNumber` of its trimmed text reads it. Plain decimals of up to 15 significant
   * digits are computed from the bytes, exactly as `Number` would; anything else goes through it.
   */
  number(c) {
    const b = this.bytes;
    let i = this.starts[c];
    let end = this.ends[c];
    if (this.quoted[c] !== 0) return parseNumber(this.text(c).trim());
    while (i < end && isBlank(b[i])) i++;
    while (end > i && isBlank(b[end - 1])) end--;
    if (i === end) return null;
    let negative = false;
    if (b[i] === 45) {
      negative = true;
      i++;
    } else if (b[i] === 43) i++;
    let mantissa = 0;
    let significant = 0;
    let digits = 0;
    let scale = 0;
    let d;
    while (i < end && (d = b[i] - 48) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) significant++;
      digits++;
      i++;
    }
    if (i < end && b[i] === 46) {
      i++;
      while (i < end && (d = b[i] - 48) >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d;
        if (mantissa !== 0) significant++;
        digits++;
        scale--;
        i++;
      }
    }
    if (i < end && (b[i] === 101 || b[i] === 69) && digits > 0) {
      i++;
      let sign = 1;
      if (b[i] === 45) {
        sign = -1;
        i++;
      } else if (b[i] === 43) i++;
      let exponent = 0;
      let exponentDigits = 0;
      while (i < end && (d = b[i] - 48) >= 0 && d <= 9 && exponent < 1e3) {
        exponent = exponent * 10 + d;
        exponentDigits++;
        i++;
      }
      if (exponentDigits === 0) return this.slowNumber(c);
      scale += sign * exponent;
    }
    if (i !== end || digits === 0 || significant > 15 || scale < -22 || scale > 22) {
      return this.slowNumber(c);
    }
    const value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
    return negative ? -value : value;
  }
  /**
   * The next record read straight into numbers, when it is a plain one: every field it keeps
   * (`slot[c] >= 0`) a decimal as `number` computes from the bytes (an optional sign, digits, an
   * optional fraction, at most 15 significant digits, no blanks), stored at `out[slot[c]]`, and every
   * other field unquoted. Returns the record's field count, the record consumed as `next` would; or
   * -1, nothing consumed, when the record is anything else (or not whole in the buffer, or has more
   * fields than `slot`): `next` then reads it the general way. One pass over the bytes instead of a
   * pass to cut the fields and one per number.
   */
  plainNumbers(slot, out) {
    if (this.atStart) return -1;
    const b = this.bytes;
    const n = this.length;
    const width = slot.length;
    let i = this.position;
    if (i >= n || b[i] === LF || b[i] === CR) return -1;
    let count = 0;
    for (; ; ) {
      if (count === width) return -1;
      const target = slot[count];
      if (target < 0) {
        while (i < n) {
          const c2 = b[i];
          if (c2 === COMMA || c2 === LF || c2 === CR) break;
          if (c2 === QUOTE) return -1;
          i++;
        }
      } else {
        let negative = false;
        if (i < n && b[i] === 45) {
          negative = true;
          i++;
        } else if (i < n && b[i] === 43) i++;
        let mantissa = 0;
        let significant = 0;
        let digits = 0;
        let scale = 0;
        let d;
        while (i < n && (d = b[i] - 48) >= 0 && d <= 9) {
          mantissa = mantissa * 10 + d;
          if (mantissa !== 0) significant++;
          digits++;
          i++;
        }
        if (i < n && b[i] === 46) {
          i++;
          while (i < n && (d = b[i] - 48) >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d;
            if (mantissa !== 0) significant++;
            digits++;
            scale--;
            i++;
          }
        }
        if (digits === 0 || significant > 15 || scale < -22) return -1;
        const value = scale < 0 ? mantissa / POW10[-scale] : mantissa;
        out[target] = negative ? -value : value;
      }
      count++;
      if (i >= n) {
        if (!this.ended) return -1;
        break;
      }
      const c = b[i];
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === LF) {
        i++;
        break;
      }
      if (c === CR) {
        if (i + 1 >= n && !this.ended) return -1;
        i += i + 1 < n && b[i + 1] === LF ? 2 : 1;
        break;
      }
      return -1;
    }
    this.count = count;
    this.spanLine = 0;
    this.recordLine = this.line;
    this.line++;
    this.position = i;
    return count;
  }
  /**
   * The error for a record of `count` fields under a header of `width`, at `shown:line`; when a quoted
   * field of it ran over line breaks, that is said too: a quote never closed reads the next lines into
   * one field.
   */
  widthError(shown, width) {
    return new CsvError(`${shown}:${this.recordLine}: the row has ${this.count} fields but the header has ${width}${spanNote(this.spanLine, this.spanEnd)}`);
  }
  notUtf8(c) {
    const bytes = this.bytes.subarray(this.starts[c], this.ends[c]);
    let at = 0;
    while (at < bytes.length) {
      const b = bytes[at];
      const size = b < 128 ? 1 : (b & 224) === 192 ? 2 : (b & 240) === 224 ? 3 : (b & 248) === 240 ? 4 : 0;
      if (size === 0 || !isUtf82(bytes.subarray(at, at + size)) || at + size > bytes.length) break;
      at += size;
    }
    throw new CsvError(
      `${this.file}:${this.recordLine}: column ${c + 1} holds the byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase()}, which is not UTF-8; save the file as UTF-8 (convert a Latin-1 or UTF-16 file)`
    );
  }
  slowNumber(c) {
    return parseNumber(this.text(c).trim());
  }
};
async function scanFile(file, record, chunk, capacity = CHUNK_BYTES, plain) {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (err) {
    throw new CsvError(`cannot read ${file}: ${err.message}`, { cause: err });
  }
  try {
    const scanner = new CsvScanner(file, capacity);
    for (; ; ) {
      if (plain !== void 0 && plain(scanner)) continue;
      const found = scanner.next();
      if (found === "record") {
        if (record(scanner) === false) return;
        continue;
      }
      if (found === "end") return;
      let { bytes } = scanner;
      if (scanner.position > 0) {
        bytes.copy(bytes, 0, scanner.position, scanner.length);
        scanner.length -= scanner.position;
        scanner.position = 0;
      }
      if (scanner.length === bytes.length) {
        const larger = Buffer.allocUnsafe(bytes.length * 2);
        bytes.copy(larger, 0, 0, scanner.length);
        bytes = scanner.bytes = larger;
      }
      let read;
      try {
        ;
        ({ bytesRead: read } = await handle.read(bytes, scanner.length, bytes.length - scanner.length, null));
      } catch (err) {
        throw new CsvError(`cannot read ${file}: ${err.message}`, { cause: err });
      }
      if (read === 0) scanner.ended = true;
      else chunk?.(bytes.subarray(scanner.length, scanner.length + read));
      scanner.length += read;
    }
  } finally {
    await handle.close();
  }
}

// src/csv/read.ts
function checkSeparator(header, file, line) {
  const separator = header.length === 1 ? [";", "	", "|"].find((sep) => header[0].split(sep).filter((name) => name.trim() !== "").length >= 2) : void 0;
  if (separator !== void 0) {
    throw new CsvError(
      `${file}:${line}: the header is one column, ${JSON.stringify(header[0])}: fields are separated by commas, and this file seems to separate them with ${JSON.stringify(separator)}; write it with commas (and a point as the decimal mark)`
    );
  }
}
function checkHeader(header, file, line) {
  const first = /* @__PURE__ */ new Map();
  header.forEach((name, c) => {
    const earlier = first.get(name);
    if (earlier !== void 0 && name === "") {
      throw new CsvError(
        `${file}:${line}: columns ${earlier + 1} and ${c + 1} have no name in the header; give every column its own name (a comma at the end of every line makes such a column)`
      );
    }
    if (earlier !== void 0) {
      throw new CsvError(`${file}:${line}: column ${c + 1} repeats the header ${JSON.stringify(name)} of column ${earlier + 1}; give every column its own name`);
    }
    first.set(name, c);
  });
}

export {
  CsvError,
  JSON_LINES,
  nonFiniteHint,
  utf8Lines,
  forEachJsonLine,
  forEachJsonLineOrLatin1,
  DECIMAL,
  parseNumber,
  scanFile,
  checkSeparator,
  checkHeader
};
