/**
 * The one CSV reader of the project (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks), shared by the built-in trainers' data and the evaluate command's predictions. A leaf: it
 * imports nothing of the project, and both callers turn its CsvError into their own error.
 *
 * A quote that is never closed is refused at the line it opens on: at the end of the input, or where
 * text follows the quote that ends a field holding line breaks (a field that swallowed the lines
 * after it); a row too short for the header names a quoted field that ran over line breaks.
 *
 * The first record is the header; a header naming one column twice is refused, since reading
 * columns by name would silently take one of them. Every problem names `file:line`.
 */
import { CsvError } from './errors.js'
import { CsvScanner } from './scan.js'

export { CsvError }

/** A file read column-wise: `columns[c][r]` is the cell of column `header[c]` in row r. */
export interface CsvColumns<T> {
  /** Column names, trimmed, in file order; unique. */
  header: string[]
  /** The line each row starts on (1-based), for messages. */
  lines: number[]
  columns: T[][]
}

/**
 * Calls `record(fields, line)` for each record of `text`, in order; `line` is the line the record
 * starts on. A blank line is no record (many writers end the file with one); a UTF-8 byte order mark
 * is skipped. The `fields` array is the callee's to keep.
 */
export function forEachRecord(text: string, file: string, record: (fields: string[], line: number, scanner: CsvScanner) => void): void {
  const bytes = Buffer.from(text)
  const scanner = new CsvScanner(file, 0)
  scanner.bytes = bytes
  scanner.length = bytes.length
  scanner.ended = true
  while (scanner.next() === 'record') {
    const fields = new Array<string>(scanner.count)
    for (let c = 0; c < scanner.count; c++) fields[c] = scanner.text(c)
    record(fields, scanner.recordLine, scanner)
  }
}

/**
 * For a reader that needs commas: a header of one column named "a;b;c" is a file written with another
 * separator (a locale's spreadsheet export). Not for data only a user's own step reads.
 */
export function checkSeparator(header: string[], file: string, line: number): void {
  const separator = header.length === 1 ? [';', '\t', '|'].find(sep => header[0]!.split(sep).filter(name => name.trim() !== '').length >= 2) : undefined
  if (separator !== undefined) {
    throw new CsvError(
      `${file}:${line}: the header is one column, ${JSON.stringify(header[0])}: fields are separated by commas, and this file seems to separate them with ${JSON.stringify(separator)}; write it with commas (and a point as the decimal mark)`
    )
  }
}

/** The header's problem, if any: a name given to two columns. */
export function checkHeader(header: string[], file: string, line: number): void {
  const first = new Map<string, number>()
  header.forEach((name, c) => {
    const earlier = first.get(name)
    if (earlier !== undefined && name === '') {
      throw new CsvError(
        `${file}:${line}: columns ${earlier + 1} and ${c + 1} have no name in the header; give every column its own name (a comma at the end of every line makes such a column)`
      )
    }
    if (earlier !== undefined) {
      throw new CsvError(`${file}:${line}: column ${c + 1} repeats the header ${JSON.stringify(name)} of column ${earlier + 1}; give every column its own name`)
    }
    first.set(name, c)
  })
}

/**
 * Reads CSV text with a header row into columns. `cell` maps each raw field to what the caller
 * stores (trimmed text, null for empty, ...). Every row must have as many fields as the header.
 * `empty` completes the message for a file without even a header (after "file: ").
 */
export function readCsvColumns<T>(
  text: string,
  file: string,
  cell: (raw: string) => T,
  empty = 'the file is empty; a CSV file starts with a header row naming its columns'
): CsvColumns<T> {
  const read: CsvColumns<T> = { header: [], lines: [], columns: [] }
  let width = -1
  forEachRecord(text, file, (fields, line, scanner) => {
    if (width === -1) {
      read.header = fields.map(h => h.trim())
      checkHeader(read.header, file, line)
      read.columns = read.header.map(() => [])
      width = fields.length
      return
    }
    if (fields.length !== width) throw scanner.widthError(file, width)
    read.lines.push(line)
    const columns = read.columns
    for (let c = 0; c < width; c++) columns[c]!.push(cell(fields[c]!))
  })
  if (width === -1) throw new CsvError(`${file}: ${empty}`)
  return read
}
