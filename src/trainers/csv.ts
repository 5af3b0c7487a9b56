/**
 * CSV input of the built-in trainers, read by the project's one CSV reader (src/csv). Files are
 * matched by column name, not position, so generations of data may order their columns differently;
 * several files of one data input are read as one table.
 *
 * The files stream through a bounded buffer and only the columns a command needs are kept: numeric
 * columns as numbers, straight into one row-major matrix (the training matrix-to-be), the others as
 * codes into a vocabulary of their distinct texts. A column planned as numeric that holds a cell
 * that is no number is read again as text, so no value is ever guessed.
 */
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { checkHeader } from '../csv/read.js'
import { CsvError } from '../csv/errors.js'
import { JSON_LINES } from '../csv/json-lines.js'
import { type CsvScanner, parseNumber, scanFile } from '../csv/scan.js'
import { binarySpelling, classKey } from '../class-key.js'
import { TrainerError } from './errors.js'
import { sharedFloat64Array } from './kernels.js'

export { parseNumber }

/** A column kept as text: row i holds `values[codes[i]]`. */
export interface TextColumn {
  codes: Int32Array
  /** The distinct cells, trimmed, in order of first appearance. */
  values: string[]
}

/** How a command wants the columns it reads; columns it names that the data lacks are left out. */
export interface ReadPlan {
  /** Numeric columns, into the row-major matrix in this order; a missing cell is NaN. */
  matrix: string[]
  /** Numeric columns of their own, where an empty cell (NaN) differs from NA: any other missing form or text makes the column text. */
  numbers: string[]
  /** Columns kept as text. */
  text: string[]
}

export interface Table {
  /** The columns every file has, in the first file's order (all of them, also those not kept). */
  columns: string[]
  /** Columns some file has and another lacks (not in `columns`), each with the first file (its base name) that lacks it. */
  partial: { column: string; lackedBy: string }[]
  rows: number
  /** Where row i came from: the file whose `firstRow` is the largest not above i (`path` as given, `file` its base name). */
  files: { file: string; path: string; sha256: string; firstRow: number; rows: number }[]
  /** The line of its file where row i begins (a quoted field may span lines), for messages. */
  lines: Int32Array
  /** rows x matrixColumns.length, row-major: the plan's matrix columns that held numbers only. */
  matrix: Float64Array
  matrixColumns: string[]
  numbers: Map<string, Float64Array>
  text: Map<string, TextColumn>
}

const EMPTY = 'the file is empty; a CSV file with a header row is expected'

function trainerError(err: unknown): unknown {
  return err instanceof CsvError ? new TrainerError(err.message) : err
}

/** The trimmed header of each file, read from its first record. */
async function readHeader(file: string): Promise<string[]> {
  let header: string[] | null = null
  await scanFile(
    file,
    scanner => {
      header = Array.from({ length: scanner.count }, (_, c) => scanner.text(c).trim())
      checkHeader(header, file, scanner.recordLine)
      return false
    },
    undefined,
    64 * 1024
  )
  if (header === null) throw new CsvError(`${file}: ${EMPTY}`)
  return header
}

/** A growing column store: every array holds `capacity` rows. */
class Columns {
  capacity = 0
  matrix: Float64Array = new Float64Array(0)
  lines = new Int32Array(0)
  numbers: Float64Array[]
  codes: Int32Array[]
  vocabularies: Map<string, number>[]
  values: string[][]

  constructor(
    readonly width: number,
    numbers: number,
    texts: number
  ) {
    this.numbers = Array.from({ length: numbers }, () => new Float64Array(0))
    this.codes = Array.from({ length: texts }, () => new Int32Array(0))
    this.vocabularies = Array.from({ length: texts }, () => new Map())
    this.values = Array.from({ length: texts }, () => [])
  }

  grow(capacity: number): void {
    const matrix = sharedFloat64Array(capacity * this.width)
    matrix.set(this.matrix)
    this.matrix = matrix
    const lines = new Int32Array(capacity)
    lines.set(this.lines)
    this.lines = lines
    this.numbers = this.numbers.map(a => {
      const out = new Float64Array(capacity)
      out.set(a)
      return out
    })
    this.codes = this.codes.map(a => {
      const out = new Int32Array(capacity)
      out.set(a)
      return out
    })
    this.capacity = capacity
  }

  code(t: number, cell: string): number {
    const vocabulary = this.vocabularies[t]!
    let code = vocabulary.get(cell)
    if (code === undefined) {
      code = this.values[t]!.length
      vocabulary.set(cell, code)
      this.values[t]!.push(cell)
    }
    return code
  }
}

/**
 * Reads the files of one data input into one table, keeping what `plan(columns)` asks for, where
 * `columns` are the columns every file has.
 */
export async function readTable(files: string[], plan: (columns: string[]) => ReadPlan): Promise<Table> {
  try {
    return await readFiles(files, plan)
  } catch (err) {
    throw trainerError(err)
  }
}

async function readFiles(files: string[], plan: (columns: string[]) => ReadPlan): Promise<Table> {
  const jsonLines = files.find(file => JSON_LINES.test(file))
  if (jsonLines !== undefined) {
    throw new TrainerError(
      `${path.basename(jsonLines)} is JSON Lines, but the built-in trainers read CSV files (a header row, then one row per example); convert it to CSV`
    )
  }
  const headers: string[][] = []
  for (const file of files) headers.push(await readHeader(file))
  const columns = headers.length === 0 ? [] : headers[0]!.filter(c => headers.every(h => h.includes(c)))
  const wanted = plan(columns)
  const keep = (names: string[]) => [...new Set(names)].filter(c => columns.includes(c))
  const text = keep(wanted.text)
  const numbers = keep(wanted.numbers).filter(c => !text.includes(c))
  const matrixColumns = keep(wanted.matrix).filter(c => !text.includes(c) && !numbers.includes(c))
  const totalBytes = await sizes(files)

  const store = new Columns(matrixColumns.length, numbers.length, text.length)
  /** Numeric columns that met a cell that is no number (or, for `numbers`, a missing cell that is not empty). */
  const notNumeric = new Set<string>()
  const sources: Table['files'] = []
  let rows = 0
  let bytesBefore = 0
  for (const [f, file] of files.entries()) {
    const header = headers[f]!
    const matrixAt = Int32Array.from(matrixColumns, c => header.indexOf(c))
    const numberAt = Int32Array.from(numbers, c => header.indexOf(c))
    const textAt = Int32Array.from(text, c => header.indexOf(c))
    const width = header.length
    const hash = createHash('sha256')
    let bytesRead = 0
    let first = true
    const firstRow = rows
    const checkWidth = (scanner: CsvScanner) => {
      if (scanner.count !== width) throw scanner.widthError(file, width)
    }
    const roomForRow = (scanner: CsvScanner) => {
      if (rows === store.capacity) {
        // From the bytes read so far, the rows all files will hold: one allocation, not a doubling.
        const consumed = bytesBefore + bytesRead - (scanner.length - scanner.position)
        const expected = rows > 0 && consumed > 0 ? Math.ceil((rows * totalBytes) / consumed) : 0
        store.grow(Math.max(1024, Math.ceil(rows * 1.25), Math.ceil(expected * 1.02) + 64))
      }
    }
    // Rows of plain numbers (no text column kept) are read in one pass over their bytes: field c goes
    // to slot[c] of `plainRow` (the matrix columns, then the number columns), the rest is skipped.
    const slot = new Int32Array(width).fill(-1)
    matrixAt.forEach((c, k) => (slot[c] = k))
    numberAt.forEach((c, k) => (slot[c] = matrixAt.length + k))
    const plainRow = new Float64Array(matrixAt.length + numberAt.length)
    const plain =
      textAt.length > 0
        ? undefined
        : (scanner: CsvScanner): boolean => {
            if (first || scanner.plainNumbers(slot, plainRow) < 0) return false
            checkWidth(scanner)
            roomForRow(scanner)
            const m = store.width
            const matrix = store.matrix
            for (let k = 0; k < m; k++) matrix[rows * m + k] = plainRow[k]!
            for (let k = 0; k < numberAt.length; k++) store.numbers[k]![rows] = plainRow[m + k]!
            store.lines[rows] = scanner.recordLine
            rows++
            return true
          }
    await scanFile(
      file,
      scanner => {
        if (first) {
          first = false
          return
        }
        checkWidth(scanner)
        roomForRow(scanner)
        const m = store.width
        const matrix = store.matrix
        for (let k = 0; k < m; k++) {
          const value = scanner.number(matrixAt[k]!)
          if (value === undefined) notNumeric.add(matrixColumns[k]!)
          matrix[rows * m + k] = value ?? Number.NaN
        }
        for (let k = 0; k < numberAt.length; k++) {
          const c = numberAt[k]!
          const value = scanner.number(c)
          if (typeof value !== 'number' && (value === undefined || scanner.text(c).trim() !== '')) notNumeric.add(numbers[k]!)
          store.numbers[k]![rows] = value ?? Number.NaN
        }
        for (let k = 0; k < textAt.length; k++) store.codes[k]![rows] = store.code(k, scanner.text(textAt[k]!).trim())
        store.lines[rows] = scanner.recordLine
        rows++
      },
      bytes => {
        hash.update(bytes)
        bytesRead += bytes.length
      },
      undefined,
      plain
    )
    bytesBefore += bytesRead
    // The base name only: an absolute path would differ between machines and break reproducibility.
    sources.push({ file: path.basename(file), path: file, sha256: hash.digest('hex'), firstRow, rows: rows - firstRow })
  }

  const partial: Table['partial'] = []
  for (const header of headers) {
    for (const column of header) {
      if (columns.includes(column) || partial.some(p => p.column === column)) continue
      partial.push({ column, lackedBy: path.basename(files[headers.findIndex(h => !h.includes(column))]!) })
    }
  }
  const table: Table = {
    columns,
    partial,
    rows,
    files: sources,
    lines: store.lines.subarray(0, rows),
    matrix: store.matrix.subarray(0, rows * store.width),
    matrixColumns,
    numbers: new Map(numbers.map((c, k) => [c, store.numbers[k]!.subarray(0, rows)])),
    text: new Map(text.map((c, k) => [c, { codes: store.codes[k]!.subarray(0, rows), values: store.values[k]! }]))
  }
  if (notNumeric.size > 0) await readAsText(table, files, headers, [...notNumeric])
  return table
}

async function sizes(files: string[]): Promise<number> {
  let total = 0
  for (const file of files) total += (await stat(file)).size
  return total
}

/** Reads `columns` again, as text: numeric columns that hold some cell that is no number. */
async function readAsText(table: Table, files: string[], headers: string[][], columns: string[]): Promise<void> {
  const store = new Columns(0, 0, columns.length)
  store.grow(table.rows)
  let row = 0
  for (const [f, file] of files.entries()) {
    const at = columns.map(c => headers[f]!.indexOf(c))
    let first = true
    await scanFile(file, scanner => {
      if (first) {
        first = false
        return
      }
      for (let k = 0; k < at.length; k++) store.codes[k]![row] = store.code(k, scanner.text(at[k]!).trim())
      row++
    })
  }
  columns.forEach((c, k) => {
    table.numbers.delete(c)
    table.text.set(c, { codes: store.codes[k]!, values: store.values[k]! })
  })
  const kept = table.matrixColumns.filter(c => !columns.includes(c))
  if (kept.length < table.matrixColumns.length) {
    const from = kept.map(c => table.matrixColumns.indexOf(c))
    const m = table.matrixColumns.length
    const matrix = sharedFloat64Array(table.rows * kept.length)
    for (let i = 0; i < table.rows; i++) for (let k = 0; k < from.length; k++) matrix[i * kept.length + k] = table.matrix[i * m + from[k]!]!
    table.matrix = matrix
    table.matrixColumns = kept
  }
}

/** Whether the table has `column` (in every file). */
export function hasColumn(table: Table, column: string): boolean {
  return table.columns.includes(column)
}

/** The trimmed text of a kept column's cell, for messages and outputs. */
export function cellText(table: Table, column: string, row: number): string {
  const text = table.text.get(column)
  if (text) return text.values[text.codes[row]!]!
  const numbers = table.numbers.get(column)
  const value = numbers ? numbers[row]! : table.matrix[row * table.matrixColumns.length + table.matrixColumns.indexOf(column)]!
  return Number.isNaN(value) ? '' : String(value)
}

/**
 * A class label as a key, by the rule the metrics computed from predictions key classes with
 * (class-key.ts): `1`, `1.0` and `1e0` are one class (a writer that stores an integer column as
 * floats, or one file of the data so, would otherwise make them two), and so are `True`, `TRUE` and
 * `true`.
 */
export function classLabel(text: string): string {
  return classKey(text)
}

/**
 * The index of `label` among `classes`, by classLabel; -1 when it is none of them. In a binary model
 * whose classes are 0 and 1, or false and true, true is 1 and false is 0, as in the metrics computed
 * from predictions: a model trained on true/false scores data labelled 1/0.
 */
export function classIndex(classes: string[], label: string, binary: boolean): number {
  const keys = classes.map(classKey)
  const key = classKey(label)
  const index = keys.indexOf(key)
  if (index !== -1 || !binary) return index
  const other = binarySpelling(keys, key)
  return other === undefined ? -1 : keys.indexOf(other)
}

/**
 * The labels of binary training data, as keys, with true and false read as 1 and 0 where the data
 * writes both kinds (1 and true, say): they are one class, as the metrics computed from predictions
 * count them, not two.
 */
export function mergeBinarySpellings(labels: Set<string>): Set<string> {
  const booleans = [...labels].some(l => l === 'true' || l === 'false')
  const numbers = [...labels].some(l => l === '1' || l === '0')
  if (!booleans || !numbers) return labels
  return new Set([...labels].map(l => (l === 'true' ? '1' : l === 'false' ? '0' : l)))
}

/** The rows with a label: a missing label (empty, NA, NaN, null, as in numeric cells) leaves its row out. */
export function labelRows(table: Table, label: string): Int32Array {
  const text = table.text.get(label)
  const numbers = table.numbers.get(label)
  const missing = text ? text.values.map(v => parseNumber(v) === null) : []
  const rows = new Int32Array(table.rows)
  let n = 0
  for (let i = 0; i < table.rows; i++) {
    if (text ? !missing[text.codes[i]!] : !Number.isNaN(numbers![i]!)) rows[n++] = i
  }
  return rows.subarray(0, n)
}

/** "data/2024/cars.csv:12": the file and line where row i of the table begins, for messages. */
export function rowOrigin(table: Table, row: number): string {
  const source = [...table.files].reverse().find(f => f.firstRow <= row)
  if (!source) return `row ${row + 1}`
  // Relative to where the command runs (the spec's root, for a step) when that is shorter, as a person would open it.
  const relative = path.relative(process.cwd(), source.path)
  const shown = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : source.path
  return `${shown}:${table.lines[row] ?? row - source.firstRow + 2}`
}
