/**
 * The one CSV reader of the project (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks), shared by the built-in trainers' data and the evaluate command's predictions. A leaf: it
 * imports nothing of the project, and both callers turn its CsvError into their own error.
 *
 * The first record is the header; a header naming one column twice is refused, since reading
 * columns by name would silently take one of them. Every problem names `file:line`.
 */

export class CsvError extends Error {
  override readonly name = 'CsvError'
}

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
export function forEachRecord(text: string, file: string, record: (fields: string[], line: number) => void): void {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const n = text.length
  const stop = /[,\r\n]/g
  let line = 1
  while (i < n) {
    const start = line
    const fields: string[] = []
    for (;;) {
      let field = ''
      if (text.charCodeAt(i) === 34 /* " */) {
        i++
        for (;;) {
          const close = text.indexOf('"', i)
          if (close === -1) throw new CsvError(`${file}:${start}: a quoted field is never closed; end it with a double quote`)
          const part = text.slice(i, close)
          field += part
          for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) line++
          if (text.charCodeAt(close + 1) === 34) {
            field += '"'
            i = close + 2
          } else {
            i = close + 1
            break
          }
        }
      }
      // Unquoted text (or what follows a closing quote) runs to the next delimiter.
      stop.lastIndex = i
      const found = stop.exec(text)
      const end = found ? found.index : n
      fields.push(end > i ? field + text.slice(i, end) : field)
      i = end
      if (i >= n) break
      const c = text.charCodeAt(i)
      if (c === 44 /* , */) {
        i++
        continue
      }
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1
      line++
      break
    }
    if (!(fields.length === 1 && fields[0] === '')) record(fields, start)
  }
}

/** The header's problem, if any: an empty file, or a name given to two columns. */
function checkHeader(header: string[], file: string, line: number): void {
  const first = new Map<string, number>()
  header.forEach((name, c) => {
    const earlier = first.get(name)
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
  forEachRecord(text, file, (fields, line) => {
    if (width === -1) {
      read.header = fields.map(h => h.trim())
      checkHeader(read.header, file, line)
      read.columns = read.header.map(() => [])
      width = fields.length
      return
    }
    if (fields.length !== width) throw new CsvError(`${file}:${line}: the row has ${fields.length} fields but the header has ${width}`)
    read.lines.push(line)
    const columns = read.columns
    for (let c = 0; c < width; c++) columns[c]!.push(cell(fields[c]!))
  })
  if (width === -1) throw new CsvError(`${file}: ${empty}`)
  return read
}
