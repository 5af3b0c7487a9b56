/**
 * CSV input of the built-in trainers (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks). Files are matched by column name, not position, so generations of data may order their
 * columns differently; several files of one data input are read as one table.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
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

export function parseCsv(text: string, file: string): string[][] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === '\n') line++
        field += c
      }
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      if (c === '\r' && text[i + 1] === '\n') i++
      line++
    } else field += c
  }
  if (quoted) throw new TrainerError(`${file}:${line}: a quoted field is never closed`)
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  // A blank line is not a record (files often end with one).
  return rows.filter(r => !(r.length === 1 && r[0] === ''))
}

/** Reads the files of one data input into one table. */
export async function readTable(files: string[]): Promise<Table> {
  let columns: string[] | null = null
  const parsed: { file: string; sha256: string; header: string[]; rows: string[][] }[] = []
  for (const file of files) {
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      throw new TrainerError(`cannot read ${file}: ${(err as Error).message}`)
    }
    const rows = parseCsv(text, file)
    if (rows.length === 0) throw new TrainerError(`${file} is empty; a CSV file with a header row is expected`)
    const header = rows[0]!.map(h => h.trim())
    rows.slice(1).forEach((r, n) => {
      if (r.length !== header.length) throw new TrainerError(`${file}: record ${n + 2} has ${r.length} fields but the header has ${header.length}`)
    })
    parsed.push({ file, sha256: createHash('sha256').update(text).digest('hex'), header, rows: rows.slice(1) })
    columns = columns === null ? header : columns.filter(c => header.includes(c))
  }
  const cells = new Map<string, string[]>((columns ?? []).map(c => [c, []]))
  const sources: Table['files'] = []
  let total = 0
  for (const p of parsed) {
    for (const column of cells.keys()) {
      const j = p.header.indexOf(column)
      const out = cells.get(column)!
      for (const r of p.rows) out.push(r[j]!.trim())
    }
    // The base name only: an absolute path would differ between machines and break reproducibility.
    sources.push({ file: path.basename(p.file), sha256: p.sha256, firstRow: total, rows: p.rows.length })
    total += p.rows.length
  }
  return { columns: columns ?? [], cells, rows: total, files: sources }
}

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
