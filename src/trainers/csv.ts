/**
 * CSV input of the built-in trainers, read by the project's one CSV reader (src/csv). Files are
 * matched by column name, not position, so generations of data may order their columns differently;
 * several files of one data input are read as one table.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { CsvError, readCsvColumns } from '../csv/read.js'
import { TrainerError } from './errors.js'

export interface Table {
  /** The columns every file has, in the first file's order. */
  columns: string[]
  /** Column name to its cells, one per row. */
  cells: Map<string, string[]>
  rows: number
  /** Where row i came from: the file whose `firstRow` is the largest not above i. */
  files: { file: string; sha256: string; firstRow: number; rows: number }[]
}

/** Reads the files of one data input into one table. */
export async function readTable(files: string[]): Promise<Table> {
  let columns: string[] | null = null
  const parsed: { file: string; sha256: string; header: string[]; columns: string[][]; rows: number }[] = []
  for (const file of files) {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      throw new TrainerError(`cannot read ${file}: ${(err as Error).message}`)
    }
    let read
    try {
      read = readCsvColumns(text, file, trim, 'the file is empty; a CSV file with a header row is expected')
    } catch (err) {
      throw err instanceof CsvError ? new TrainerError(err.message) : err
    }
    const sha256 = createHash('sha256').update(text).digest('hex')
    parsed.push({ file, sha256, header: read.header, columns: read.columns, rows: read.lines.length })
    columns = columns === null ? read.header : columns.filter(c => read.header.includes(c))
  }
  const cells = new Map<string, string[]>((columns ?? []).map(c => [c, []]))
  const sources: Table['files'] = []
  let total = 0
  for (const p of parsed) {
    for (const [column, out] of cells) {
      const own = p.columns[p.header.indexOf(column)]!
      if (parsed.length === 1) cells.set(column, own)
      else for (const cell of own) out.push(cell)
    }
    // The base name only: an absolute path would differ between machines and break reproducibility.
    sources.push({ file: path.basename(p.file), sha256: p.sha256, firstRow: total, rows: p.rows })
    total += p.rows
  }
  return { columns: columns ?? [], cells, rows: total, files: sources }
}

const trim = (cell: string): string => cell.trim()

/** "file.csv record 12": where row i of the table is, for messages (record 1 is the header). */
export function rowOrigin(table: Table, row: number): string {
  const source = [...table.files].reverse().find(f => f.firstRow <= row)
  return source ? `${source.file} record ${row - source.firstRow + 2}` : `row ${row + 1}`
}

/** A numeric cell: empty, NA or NaN is missing (null); anything else must be a finite number. */
export function parseNumber(cell: string): number | null | undefined {
  if (cell === '' || /^(na|nan|null)$/i.test(cell)) return null
  const value = Number(cell)
  return Number.isFinite(value) ? value : undefined
}
