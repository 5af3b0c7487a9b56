/**
 * Checks on the new data, declared under `checks:` in the spec and run before any step: a failing
 * check stops the run (exit 2) before anything runs or changes, with a table naming the input, the
 * column, the check, what was expected and what was found. Each input's files (CSV or JSON Lines)
 * are streamed together through a bounded buffer.
 */
import path from 'node:path'
import { forEachJsonLine, JSON_LINES } from '../csv/json-lines.js'
import { checkHeader, checkSeparator, CsvError } from '../csv/read.js'
import { DECIMAL, scanFile } from '../csv/scan.js'
import { ExitCode, InputError, RetrainError } from '../errors.js'
import type { DataCheckSpec, Spec } from '../spec/types.js'
import { formatNumber as fmt } from './format.js'
import type { ResolvedDataInput } from './fingerprint.js'
import type { DataProfile } from './profile.js'

export interface CheckFailure {
  input: string
  column: string
  check: string
  expected: string
  found: string
}

/** Some checks on the new data failed; nothing ran. */
export class DataCheckError extends RetrainError {
  constructor(readonly failures: CheckFailure[]) {
    super(
      `${failures.length} check${failures.length === 1 ? '' : 's'} on the new data failed; no step ran, nothing changed:\n${checkTable(failures)}`,
      ExitCode.badInput,
      'data-checks-failed'
    )
  }
}

/** A Markdown table of failures, one row each. */
export function checkTable(failures: CheckFailure[]): string {
  const rows = [['input', 'column', 'check', 'expected', 'found'], ...failures.map(f => [f.input, f.column, f.check, f.expected, f.found])]
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map(r => r[c]!.length)))
  const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`
  return [line(rows[0]!), `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`, ...rows.slice(1).map(line)].join('\n')
}

/** Up to three examples, quoted, with how many more. */
function examples(values: Iterable<string>): string {
  const all = [...values]
  const shown = all.slice(0, 3).map(v => JSON.stringify(v))
  const more = all.length > KEPT ? `at least ${KEPT - 3}` : String(all.length - 3)
  return `${shown.join(', ')}${all.length > 3 ? ` and ${more} more` : ''}`
}

/** One cell as a check sees it: its text (trimmed), and its number (null: missing; undefined: not a number). */
interface Cell {
  text: string
  number: number | null | undefined
}

const MISSING: Cell = { text: '', number: null }

/**
 * Streams the records of one CSV or JSON Lines file through a bounded buffer. `column(name, index,
 * before)` names each column when it first appears (a CSV file's header; in JSON Lines, the record
 * that first has it, after `before` records without it); `row(cell)` gets each record's cells by
 * index (a JSON Lines record that leaves a column out has it missing).
 */
async function forEachRecord(
  file: string,
  shown: string,
  column: (name: string, index: number, before: number) => void,
  row: (cell: (c: number) => Cell) => void
): Promise<void> {
  if (!JSON_LINES.test(file)) {
    let width = -1
    await scanFile(file, scanner => {
      if (width < 0) {
        width = scanner.count
        const names = Array.from({ length: width }, (_, c) => scanner.text(c).trim())
        // A name given twice would have both columns checked as one.
        checkSeparator(names, shown, scanner.recordLine)
        checkHeader(names, shown, scanner.recordLine)
        names.forEach((name, c) => column(name, c, 0))
        return
      }
      if (scanner.count !== width) throw scanner.widthError(shown, width)
      row(c => ({ text: scanner.text(c).trim(), number: scanner.number(c) }))
    })
    if (width < 0) throw new CsvError(`${shown}: the file is empty; a CSV file starts with a header row naming its columns`)
    return
  }
  const names = new Map<string, number>()
  let records = 0
  await forEachJsonLine(file, shown, record => {
    const cells: Cell[] = []
    for (const [name, value] of Object.entries(record)) {
      let c = names.get(name)
      if (c === undefined) {
        names.set(name, (c = names.size))
        column(name, c, records)
      }
      cells[c] =
        value === null || value === ''
          ? MISSING
          : typeof value === 'number'
            ? // A number beyond the doubles (1e999 reads as Infinity) is no number, as the same CSV cell.
              { text: String(value), number: Number.isFinite(value) ? value : undefined }
            : { text: typeof value === 'string' ? value.trim() : JSON.stringify(value), number: undefined }
    }
    records++
    row(c => cells[c] ?? MISSING)
  })
}

/** The listed values that are numbers, by list (YAML reads `2.0` as 2, written back "2"). */
const numbersOf = new WeakMap<string[], Set<number>>()

/** Whether a cell is one of `values`: as written, or a number equal to a listed one (`2.0` is 2). */
function allowed(values: string[], cell: Cell): boolean {
  if (values.includes(cell.text)) return true
  if (typeof cell.number !== 'number') return false
  let numbers = numbersOf.get(values)
  if (numbers === undefined) {
    numbers = new Set(values.filter(v => DECIMAL.test(v)).map(Number))
    numbersOf.set(values, numbers)
  }
  return numbers.has(cell.number)
}

/** Distinct bad values of a column kept to count them (memory stays bounded; beyond, "at least"). */
const KEPT = 1000

interface ColumnStats {
  cells: number
  missing: number
  notNumber: Set<string>
  low: number
  high: number
  unexpected: Set<string>
}

async function checkInput(root: string, input: ResolvedDataInput, check: DataCheckSpec, warn: (message: string) => void): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = []
  const fail = (column: string, name: string, expected: string, found: string) => failures.push({ input: input.name, column, check: name, expected, found })
  // Per declared column: cells seen, missing, a few values that are not numbers or not allowed, the range.
  const stats = new Map<string, ColumnStats>(
    Object.keys(check.columns).map(c => [c, { cells: 0, missing: 0, notNumber: new Set(), low: Infinity, high: -Infinity, unexpected: new Set() }])
  )
  const absent = new Set<string>()
  const unexpected = new Set<string>()
  let rows = 0
  for (const file of input.absolutePaths) {
    const shown = path.relative(root, file) || file
    // The declared columns by their index in this file.
    const declared: [number, ColumnStats, DataCheckSpec['columns'][string]][] = []
    const seen = new Set<string>()
    try {
      await forEachRecord(
        file,
        shown,
        (name, c, before) => {
          seen.add(name)
          const s = stats.get(name)
          if (!s) return void unexpected.add(name)
          declared.push([c, s, check.columns[name]!])
          // Records before the one that first had the column have it missing.
          s.cells += before
          s.missing += before
        },
        cell => {
          rows++
          for (const [c, s, spec] of declared) {
            const value = cell(c)
            s.cells++
            if (value.number === null) {
              s.missing++
              continue
            }
            if (spec.type === 'number' || spec.min !== undefined || spec.max !== undefined) {
              if (value.number === undefined) {
                if (s.notNumber.size <= KEPT) s.notNumber.add(value.text)
              } else {
                if (value.number < s.low) s.low = value.number
                if (value.number > s.high) s.high = value.number
              }
            }
            if (spec.values && !allowed(spec.values, value) && s.unexpected.size <= KEPT) s.unexpected.add(value.text)
          }
        }
      )
    } catch (err) {
      // The scanner's own errors name the absolute path: shown relative, as the others.
      if (err instanceof CsvError) throw new InputError([{ message: `checks.${input.name}: ${err.message.replace(`${file}:`, `${shown}:`)}` }])
      throw err
    }
    for (const column of stats.keys()) if (!seen.has(column)) absent.add(column)
  }
  if (check.minRows !== undefined && rows < check.minRows) fail('', 'min-rows', `≥ ${check.minRows} rows`, `${rows} rows`)
  for (const column of absent) fail(column, 'present', 'the column', `no such column in ${input.absolutePaths.length === 1 ? 'the file' : 'some files'}`)
  if (unexpected.size > 0) {
    const message = `column${unexpected.size === 1 ? '' : 's'} ${examples(unexpected)} not listed under checks.${input.name}.columns`
    if (check.unexpectedColumns === 'error') fail([...unexpected].join(', '), 'unexpected-columns', 'only the listed columns', message)
    else if (check.unexpectedColumns === 'warn') warn(`data input ${input.name}: ${message}`)
  }
  for (const [column, s] of stats) {
    if (absent.has(column)) continue
    const spec = check.columns[column]!
    if (spec.type === 'number' && s.notNumber.size > 0) fail(column, 'type', 'number', `not numbers: ${examples(s.notNumber)}`)
    else if (s.notNumber.size > 0) {
      // A bound compares numbers: a cell that is none is not within it (a column of text would pass every bound).
      const bounds = [spec.min !== undefined && 'min', spec.max !== undefined && 'max'].filter(Boolean).join(' and ')
      fail(column, 'type', `number (${bounds} compare${bounds.includes(' and ') ? '' : 's'} numbers)`, `not numbers: ${examples(s.notNumber)}`)
    }
    if (spec.maxMissing !== undefined && s.cells > 0 && s.missing / s.cells > spec.maxMissing) {
      fail(column, 'max-missing', `≤ ${fmt(spec.maxMissing * 100)}% missing`, `${fmt((s.missing / s.cells) * 100)}% missing (${s.missing} of ${s.cells})`)
    }
    if (spec.min !== undefined && s.low < spec.min) fail(column, 'min', `≥ ${fmt(spec.min)}`, `${fmt(s.low)}`)
    if (spec.max !== undefined && s.high > spec.max) fail(column, 'max', `≤ ${fmt(spec.max)}`, `${fmt(s.high)}`)
    if (s.unexpected.size > 0) fail(column, 'values', `one of ${spec.values!.join(', ')}`, examples(s.unexpected))
  }
  return failures
}

/** Runs the spec's checks on the resolved data inputs; throws DataCheckError when any fails. */
export async function runDataChecks(spec: Spec, data: ResolvedDataInput[], warn: (message: string) => void): Promise<void> {
  const failures: CheckFailure[] = []
  for (const input of data) {
    const check = spec.checks[input.name]
    if (check) failures.push(...(await checkInput(spec.root, input, check, warn)))
  }
  if (failures.length > 0) throw new DataCheckError(failures)
}

/**
 * Checks that compare the new data's profile with the champion's (`max-mean-shift`): a column's mean
 * may move by at most k of the champion's standard deviations. Without a champion's profile there is
 * nothing to compare with, and these checks are not made (the caller says so).
 */
export function championCheckFailures(spec: Spec, current: DataProfile, champion: DataProfile): CheckFailure[] {
  const failures: CheckFailure[] = []
  for (const [input, check] of Object.entries(spec.checks)) {
    for (const [column, c] of Object.entries(check.columns)) {
      if (c.maxMeanShift === undefined) continue
      const fail = (expected: string, found: string) => failures.push({ input, column, check: 'max-mean-shift', expected, found })
      const before = champion.inputs[input]?.columns[column]
      const now = current.inputs[input]?.columns[column]
      if (before?.kind !== 'number') {
        fail(`a number column in the champion's data`, before ? 'a category column' : "no such column in the champion's profile")
        continue
      }
      if (now?.kind !== 'number') {
        // A column gone or turned to text is reported by the other checks when they are declared; say it here too.
        fail('a number column', now ? 'a category column' : 'no such column')
        continue
      }
      const shift = Math.abs(now.mean - before.mean)
      const allowed = c.maxMeanShift * before.std
      if (shift > allowed) {
        fail(
          `mean within ${fmt(c.maxMeanShift)} sd (${fmt(before.std)}) of ${fmt(before.mean)}`,
          `mean ${fmt(now.mean)}: moved ${before.std > 0 ? `${fmt(shift / before.std)} sd` : fmt(shift)}`
        )
      }
    }
  }
  return failures
}

/** Whether the spec declares any check against the champion's profile. */
export function hasChampionChecks(spec: Spec): boolean {
  return Object.values(spec.checks).some(check => Object.values(check.columns).some(c => c.maxMeanShift !== undefined))
}
