/**
 * Reads the per-example predictions an evaluate command writes (CSV with a header row, read by the
 * project's one CSV reader in src/csv, or JSON Lines of one object per example) and pairs the candidate's file with the baseline's by example id.
 * Every problem names the file and line, and the id, so a person can find the row at once.
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { checkHeader, CsvError, readCsvColumns } from '../csv/read.js'
import { parseNumber, scanFile } from '../csv/scan.js'
import { EvaluationError } from '../errors.js'
import type { PredictionsSpec } from '../spec/types.js'

export type Cell = string | number | boolean | null

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
  lines: number[]
  ids: string[]
  /** Every column of the file by name (the id column included); a missing value is null. */
  columns: Map<string, Cell[]>
}

export class PredictionsError extends EvaluationError {
  constructor(message: string) {
    super(message, 'predictions-invalid')
  }
}

const emptyAsNull = (cell: string): Cell => (cell === '' ? null : cell)

function parseCsv(text: string, file: string, numericColumns: (name: string) => boolean): PredictionTable {
  let read
  try {
    read = readCsvColumns<Cell>(text, file, emptyAsNull, CSV_EMPTY)
  } catch (err) {
    throw err instanceof CsvError ? new PredictionsError(err.message) : err
  }
  // As streamCsv keeps them: plain numbers of the numeric columns as numbers.
  const asNumber = (cell: Cell): Cell => {
    const value = typeof cell === 'string' ? parseNumber(cell.trim()) : undefined
    return typeof value === 'number' ? value : cell
  }
  const columns = new Map<string, Cell[]>(read.header.map((h, c) => [h, numericColumns(h) ? read.columns[c]!.map(asNumber) : read.columns[c]!]))
  return { file, lines: read.lines, ids: [], columns }
}

const CSV_EMPTY = 'the predictions file is empty; write a header row, then one row per example'

/**
 * A CSV predictions file, streamed: no file is too large to read. The cells of `numericColumns`
 * (labels, predictions, scores) that are plain numbers are kept as numbers, read straight from the
 * bytes: a number is 8 bytes in a column where its text would be a string of its own, and numbers
 * and numeric text compare the same wherever cells are read (see classKey in examples.ts).
 */
async function streamCsv(file: string, numericColumns: (name: string) => boolean = () => false): Promise<PredictionTable> {
  let header: string[] | null = null
  let columns: Cell[][] = []
  let numeric: boolean[] = []
  const lines: number[] = []
  try {
    await scanFile(file, scanner => {
      if (header === null) {
        header = Array.from({ length: scanner.count }, (_, c) => scanner.text(c).trim())
        checkHeader(header, file, scanner.recordLine)
        columns = header.map(() => [])
        numeric = header.map(numericColumns)
        return
      }
      if (scanner.count !== header.length)
        throw new CsvError(`${file}:${scanner.recordLine}: the row has ${scanner.count} fields but the header has ${header.length}`)
      lines.push(scanner.recordLine)
      for (let c = 0; c < columns.length; c++) {
        const value = numeric[c] ? scanner.number(c) : undefined
        columns[c]!.push(typeof value === 'number' ? value : emptyAsNull(scanner.text(c)))
      }
    })
  } catch (err) {
    // A file that cannot be read gives its system error, for the caller to word.
    if (err instanceof CsvError && err.cause) throw err.cause
    throw err instanceof CsvError ? new PredictionsError(err.message) : err
  }
  if (header === null) throw new PredictionsError(`${file}: ${CSV_EMPTY}`)
  const names: string[] = header
  return { file, lines, ids: [], columns: new Map(names.map((h, c) => [h, columns[c]!])) }
}

/** Reads JSON Lines into columns, one line at a time: `add` each line, then take the `table`. */
function jsonLinesReader(file: string): { add: (raw: string) => void; table: () => PredictionTable } {
  const columns = new Map<string, Cell[]>()
  const rows: number[] = []
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
      throw new PredictionsError(`${file}:${lineNo}: not valid JSON (${(err as Error).message}); write one JSON object per line`)
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
  return { add, table: () => ({ file, lines: rows, ids: [], columns }) }
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
  if (columns.format === 'csv') return checkIds(await streamCsv(file, numericColumnsOf(columns)), columns)
  const input = createReadStream(file, { encoding: 'utf8' })
  const reader = jsonLinesReader(file)
  // The stream's error (a file that cannot be opened) rejects the reading loop.
  for await (const line of createInterface({ input, crlfDelay: Infinity })) reader.add(line)
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
  if (columns.format === 'csv') return checkIds(parseCsv(text, file, numericColumnsOf(columns)), columns)
  const reader = jsonLinesReader(file)
  for (const line of text.split('\n')) reader.add(line)
  return checkIds(reader.table(), columns)
}

function checkIds(table: PredictionTable, columns: PredictionColumns): PredictionTable {
  const file = table.file
  if (table.lines.length === 0) throw new PredictionsError(`${file}: the predictions file holds no examples`)
  const idColumn = table.columns.get(columns.id)
  if (!idColumn)
    throw new PredictionsError(`${file}: there is no id column "${columns.id}" (columns: ${[...table.columns.keys()].join(', ')}); set evaluate.predictions.id`)
  // A set, not a map to lines, keeps the check small on large files; a duplicate's first line is looked up then.
  const seen = new Set<string>()
  table.ids = idColumn.map((cell, row) => {
    if (cell === null || cell === '') throw new PredictionsError(`${file}:${table.lines[row]}: the example has no id ("${columns.id}")`)
    const id = String(cell)
    if (seen.has(id)) {
      const earlier = table.lines[idColumn.findIndex(c => c !== null && String(c) === id)]
      throw new PredictionsError(`${file}:${table.lines[row]}: duplicate id "${id}" (first at line ${earlier}); each example must appear once`)
    }
    seen.add(id)
    return id
  })
  return table
}

/**
 * The baseline's rows in the candidate's order. Both files must hold exactly the same ids, so both
 * models are judged on the same examples; the first few differences are named.
 */
export function alignRows(candidate: PredictionTable, baseline: PredictionTable): Int32Array {
  // Files written by the same evaluation usually list the examples in the same order: no lookup table then.
  if (candidate.ids.length === baseline.ids.length && candidate.ids.every((id, row) => id === baseline.ids[row])) {
    const order = new Int32Array(candidate.ids.length)
    for (let row = 0; row < order.length; row++) order[row] = row
    return order
  }
  const byId = new Map<string, number>()
  baseline.ids.forEach((id, row) => byId.set(id, row))
  const order = new Int32Array(candidate.ids.length)
  const problems: string[] = []
  const LIMIT = 5
  let missing = 0
  candidate.ids.forEach((id, row) => {
    const other = byId.get(id)
    if (other === undefined) {
      if (++missing <= LIMIT) problems.push(`id "${id}" (${candidate.file}:${candidate.lines[row]}) is missing from ${baseline.file}`)
      order[row] = -1
    } else {
      order[row] = other
      byId.delete(id)
    }
  })
  let extra = 0
  for (const [id, row] of byId) {
    if (++extra <= LIMIT) problems.push(`id "${id}" (${baseline.file}:${baseline.lines[row]}) is not in ${candidate.file}`)
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
