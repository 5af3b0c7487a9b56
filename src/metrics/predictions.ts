/**
 * Reads the per-example predictions an evaluate command writes (CSV with a header row, read by the
 * project's one CSV reader in src/csv, or JSON Lines of one object per example) and pairs the candidate's file with the baseline's by example id.
 * Every problem names the file and line, and the id, so a person can find the row at once.
 */
import { nonFiniteHint, utf8Lines } from '../csv/json-lines.js'
import { checkHeader, checkSeparator, CsvError } from '../csv/read.js'
import { CsvScanner, scanFile } from '../csv/scan.js'
import { EvaluationError } from '../errors.js'
import type { PredictionsSpec } from '../spec/types.js'
import { CellColumn, IdColumn, IdIndex, LineList, NumberColumn, SkippedColumn, type Cell, type Column } from './columns.js'

export type { Cell, Column }

/** The column names a predictions spec resolves to, defaults filled in. */
export interface PredictionColumns {
  format: 'csv' | 'jsonl'
  id: string
  label: string
  prediction: string
  score: string
  probabilityPrefix: string
  group: string | null
  slices: string[]
}

export function predictionColumns(spec: PredictionsSpec | undefined): PredictionColumns {
  return {
    format: spec?.format ?? 'csv',
    id: spec?.id ?? 'id',
    label: spec?.label ?? 'label',
    prediction: spec?.prediction ?? 'prediction',
    score: spec?.score ?? 'score',
    probabilityPrefix: spec?.probabilityPrefix ?? 'proba_',
    group: spec?.group ?? null,
    slices: [...(spec?.slices ?? [])]
  }
}

/** One predictions file, column-wise; rows in file order. */
export interface PredictionTable {
  file: string
  /** The line each row starts on (1-based), for messages. */
  lines: LineList
  ids: IdColumn
  /** Every column of the file by name (the id column included); a missing value is null. */
  columns: Map<string, Column>
}

export class PredictionsError extends EvaluationError {
  constructor(message: string) {
    super(message, 'predictions-invalid')
  }
}

const emptyAsNull = (cell: string): Cell => (cell === '' ? null : cell)

const CSV_EMPTY = 'the predictions file is empty; write a header row, then one row per example'

/**
 * Builds a table from CSV records: the id column as bytes (IdColumn), the cells of
 * `numericColumns` (labels, predictions, scores) that are plain numbers as numbers in a
 * Float64Array, read straight from the bytes; other columns as text. Numbers and numeric text
 * compare the same wherever cells are read (see classKey in examples.ts).
 */
function csvTableBuilder(file: string, idName: string, numericColumns: (name: string) => boolean, textColumns: (name: string) => boolean) {
  let header: string[] | null = null
  let columns: Column[] = []
  // Each kind of column in its own list, so every call below sees one class.
  const ids: { c: number; column: IdColumn }[] = []
  const numbers: { c: number; column: NumberColumn }[] = []
  const texts: { c: number; column: CellColumn }[] = []
  const lines = new LineList()
  const record = (scanner: CsvScanner): void => {
    if (header === null) {
      header = Array.from({ length: scanner.count }, (_, c) => scanner.text(c).trim())
      checkSeparator(header, file, scanner.recordLine)
      checkHeader(header, file, scanner.recordLine)
      columns = header.map((h, c) => {
        if (h === idName) {
          const column = new IdColumn()
          ids.push({ c, column })
          return column
        }
        if (numericColumns(h)) {
          const column = new NumberColumn()
          numbers.push({ c, column })
          return column
        }
        if (!textColumns(h)) return new SkippedColumn()
        const column = new CellColumn()
        texts.push({ c, column })
        return column
      })
      return
    }
    if (scanner.count !== header.length) throw scanner.widthError(file, header.length)
    lines.push(scanner.recordLine)
    for (let k = 0; k < ids.length; k++) ids[k]!.column.pushField(scanner, ids[k]!.c)
    for (let k = 0; k < numbers.length; k++) {
      const { c, column } = numbers[k]!
      const value = scanner.number(c)
      if (typeof value === 'number') column.pushNumber(value)
      else column.push(emptyAsNull(scanner.text(c)))
    }
    for (let k = 0; k < texts.length; k++) texts[k]!.column.push(emptyAsNull(scanner.text(texts[k]!.c)))
  }
  const table = (): PredictionTable => {
    if (header === null) throw new PredictionsError(`${file}: ${CSV_EMPTY}`)
    const names: string[] = header
    lines.trim()
    for (const column of columns) if (column instanceof SkippedColumn) column.length = lines.length
    for (const { column } of ids) column.trim()
    for (const { column } of numbers) column.trim()
    const byName = new Map<string, Column>(names.map((h, c) => [h, columns[c]!]))
    return { file, lines, ids: new IdColumn(), columns: byName }
  }
  return { record, table }
}

function parseCsv(text: string, file: string, columns: PredictionColumns): PredictionTable {
  const builder = csvTableBuilder(file, columns.id, numericColumnsOf(columns), textColumnsOf(columns))
  const bytes = Buffer.from(text)
  const scanner = new CsvScanner(file, 0)
  scanner.bytes = bytes
  scanner.length = bytes.length
  scanner.ended = true
  try {
    while (scanner.next() === 'record') builder.record(scanner)
  } catch (err) {
    throw err instanceof CsvError ? new PredictionsError(err.message) : err
  }
  return builder.table()
}

/** A CSV predictions file, streamed: no file is too large to read. */
async function streamCsv(file: string, columns: PredictionColumns): Promise<PredictionTable> {
  const builder = csvTableBuilder(file, columns.id, numericColumnsOf(columns), textColumnsOf(columns))
  try {
    await scanFile(file, builder.record)
  } catch (err) {
    // A file that cannot be read gives its system error, for the caller to word.
    if (err instanceof CsvError && err.cause) throw err.cause
    throw err instanceof CsvError ? new PredictionsError(err.message) : err
  }
  return builder.table()
}

/** Reads JSON Lines into columns, one line at a time: `add` each line, then take the `table`. */
function jsonLinesReader(file: string): { add: (raw: string) => void; table: () => PredictionTable } {
  const columns = new Map<string, Cell[]>()
  const rows = new LineList()
  let lineNo = 0
  let row = 0
  const add = (raw: string): void => {
    lineNo++
    const line = raw.trim()
    if (line === '') return
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (err) {
      throw new PredictionsError(
        `${file}:${lineNo}: not valid JSON (${(err as Error).message}); write one JSON object per line${nonFiniteHint(line)}${lineNo === 1 && !line.startsWith('{') && line.includes(',') ? '; the file looks like CSV: set evaluate.predictions.format: csv (the default)' : ''}`
      )
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new PredictionsError(`${file}:${lineNo}: expected one JSON object per line`)
    }
    for (const [key, cell] of Object.entries(value)) {
      if (cell !== null && typeof cell === 'object') {
        throw new PredictionsError(`${file}:${lineNo}: "${key}" holds ${Array.isArray(cell) ? 'a list' : 'an object'}; write one flat value per key`)
      }
      let list = columns.get(key)
      if (!list) {
        // A key first seen on a later line was missing (null) on the earlier ones.
        list = new Array<Cell>(row).fill(null)
        columns.set(key, list)
      }
      list[row] = cell as Cell
    }
    row++
    for (const list of columns.values()) if (list.length < row) list.push(null)
    rows.push(lineNo)
  }
  const table = (): PredictionTable => ({ file, lines: rows, ids: new IdColumn(), columns: new Map([...columns].map(([k, v]) => [k, new CellColumn(v)])) })
  return { add, table }
}

/**
 * The text columns a comparison reads (group, slices). Other columns are not kept, only named:
 * a note of 200 bytes on each of millions of rows would otherwise be held as strings.
 */
function textColumnsOf(columns: PredictionColumns): (name: string) => boolean {
  return name => name === columns.group || columns.slices.includes(name)
}

/** The columns whose plain numbers are kept as numbers: labels, predictions, scores, probabilities. */
function numericColumnsOf(columns: PredictionColumns): (name: string) => boolean {
  return name => name === columns.label || name === columns.prediction || name === columns.score || name.startsWith(columns.probabilityPrefix)
}

/**
 * Reads a predictions file as a stream, whatever its size; ids must be present and unique within it.
 * A file that cannot be read is a NodeJS error with its code (ENOENT, EACCES, ...).
 */
export async function loadPredictions(file: string, columns: PredictionColumns): Promise<PredictionTable> {
  if (columns.format === 'csv') return checkIds(await streamCsv(file, columns), columns)
  const reader = jsonLinesReader(file)
  // The stream's error (a file that cannot be opened) rejects the reading loop.
  try {
    for await (const line of utf8Lines(file, file)) reader.add(line)
  } catch (err) {
    throw err instanceof CsvError ? new PredictionsError(err.message) : err
  }
  return checkIds(reader.table(), columns)
}

/** Reads and parses the predictions file an evaluate command wrote. */
export async function readPredictions(file: string, columns: PredictionColumns, whose: string): Promise<PredictionTable> {
  try {
    return await loadPredictions(file, columns)
  } catch (err) {
    if (err instanceof PredictionsError) throw err
    const code = (err as NodeJS.ErrnoException).code
    const expected = `a ${columns.format === 'csv' ? 'CSV' : 'JSON Lines'} file at $RETRAIN_PREDICTIONS_FILE, ${file}`
    if (code === 'ENOENT') throw new PredictionsError(`the evaluate command wrote no predictions for the ${whose} (expected ${expected})`)
    throw new PredictionsError(`cannot read the predictions of the ${whose} (${expected}): ${(err as Error).message}`)
  }
}

export function parsePredictions(text: string, file: string, columns: PredictionColumns): PredictionTable {
  if (columns.format === 'csv') return checkIds(parseCsv(text, file, columns), columns)
  const reader = jsonLinesReader(file)
  for (const line of text.split('\n')) reader.add(line)
  return checkIds(reader.table(), columns)
}

function checkIds(table: PredictionTable, columns: PredictionColumns): PredictionTable {
  const file = table.file
  if (table.lines.length === 0) throw new PredictionsError(`${file}: the predictions file holds no examples`)
  const idColumn = table.columns.get(columns.id)
  if (!idColumn) {
    const names = [...table.columns.keys()]
    // A header like {"id": 1, ...}: JSON Lines read as CSV.
    const jsonLines = names[0]?.startsWith('{') ? '; the file looks like JSON Lines: set evaluate.predictions.format: jsonl' : ''
    throw new PredictionsError(`${file}: there is no id column "${columns.id}" (columns: ${names.join(', ')}); set evaluate.predictions.id${jsonLines}`)
  }
  let ids: IdColumn
  if (idColumn instanceof IdColumn) ids = idColumn
  else {
    ids = new IdColumn()
    for (let row = 0; row < idColumn.length; row++) ids.push(idColumn.at(row))
    ids.trim()
  }
  for (let row = 0; row < ids.length; row++) {
    if (ids.isEmpty(row)) throw new PredictionsError(`${file}:${table.lines.at(row)}: the example has no id ("${columns.id}")`)
  }
  table.ids = ids
  if (ids.increasing()) return table
  // A hash of the ids' bytes, not a set of strings, keeps the check small on large files.
  const index = new IdIndex(ids)
  for (let row = 0; row < ids.length; row++) {
    const earlier = index.add(row)
    if (earlier !== -1) {
      throw new PredictionsError(
        `${file}:${table.lines.at(row)}: duplicate id "${ids.at(row)}" (first at line ${table.lines.at(earlier)}); each example must appear once`
      )
    }
  }
  table.ids = ids
  return table
}

/**
 * The baseline's rows in the candidate's order. Both files must hold exactly the same ids, so both
 * models are judged on the same examples; the first few differences are named.
 */
export function alignRows(candidate: PredictionTable, baseline: PredictionTable): Int32Array {
  const n = candidate.ids.length
  const order = new Int32Array(n)
  // Files written by the same evaluation usually list the examples in the same order: no lookup table then.
  let row = 0
  if (n === baseline.ids.length) while (row < n && candidate.ids.sameAs(row, baseline.ids, row)) row++
  for (let r = 0; r < row; r++) order[r] = r
  if (row === n && n === baseline.ids.length) return order
  const index = new IdIndex(baseline.ids)
  for (let r = 0; r < baseline.ids.length; r++) index.add(r)
  const matched = new Uint8Array(baseline.ids.length)
  for (let r = 0; r < row; r++) matched[r] = 1
  const problems: string[] = []
  const LIMIT = 5
  let missing = 0
  for (let r = row; r < n; r++) {
    const other = index.find(candidate.ids, r)
    if (other === -1) {
      if (++missing <= LIMIT) problems.push(`id "${candidate.ids.at(r)}" (${candidate.file}:${candidate.lines.at(r)}) is missing from ${baseline.file}`)
      order[r] = -1
    } else {
      order[r] = other
      matched[other] = 1
    }
  }
  let extra = 0
  for (let r = 0; r < matched.length; r++) {
    if (matched[r] === 1) continue
    if (++extra <= LIMIT) problems.push(`id "${baseline.ids.at(r)}" (${baseline.file}:${baseline.lines.at(r)}) is not in ${candidate.file}`)
  }
  if (problems.length > 0) {
    const more = missing + extra - problems.length
    throw new PredictionsError(
      `the candidate's and the baseline's predictions must hold the same ids: ${problems.join('; ')}${more > 0 ? `; and ${more} more` : ''}. ` +
        'Evaluate both models on the same examples'
    )
  }
  return order
}
