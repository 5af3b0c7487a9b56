import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  CsvError,
  CsvScanner
} from "./chunk-VEOX65IL.js";

// src/csv/read.ts
function forEachRecord(text, file, record) {
  const bytes = Buffer.from(text);
  const scanner = new CsvScanner(file, 0);
  scanner.bytes = bytes;
  scanner.length = bytes.length;
  scanner.ended = true;
  while (scanner.next() === "record") {
    const fields = new Array(scanner.count);
    for (let c = 0; c < scanner.count; c++) fields[c] = scanner.text(c);
    record(fields, scanner.recordLine);
  }
}
function checkHeader(header, file, line) {
  const first = /* @__PURE__ */ new Map();
  header.forEach((name, c) => {
    const earlier = first.get(name);
    if (earlier !== void 0) {
      throw new CsvError(`${file}:${line}: column ${c + 1} repeats the header ${JSON.stringify(name)} of column ${earlier + 1}; give every column its own name`);
    }
    first.set(name, c);
  });
}
function readCsvColumns(text, file, cell, empty = "the file is empty; a CSV file starts with a header row naming its columns") {
  const read = { header: [], lines: [], columns: [] };
  let width = -1;
  forEachRecord(text, file, (fields, line) => {
    if (width === -1) {
      read.header = fields.map((h) => h.trim());
      checkHeader(read.header, file, line);
      read.columns = read.header.map(() => []);
      width = fields.length;
      return;
    }
    if (fields.length !== width) throw new CsvError(`${file}:${line}: the row has ${fields.length} fields but the header has ${width}`);
    read.lines.push(line);
    const columns = read.columns;
    for (let c = 0; c < width; c++) columns[c].push(cell(fields[c]));
  });
  if (width === -1) throw new CsvError(`${file}: ${empty}`);
  return read;
}

export {
  checkHeader,
  readCsvColumns
};
