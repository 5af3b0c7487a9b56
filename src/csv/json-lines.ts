/**
 * JSON Lines data (`.jsonl`, `.ndjson`): one object of column names to values a line, read as a
 * stream (no size ceiling); blank lines are skipped. A line that is not such an object is a
 * CsvError naming the file and line, as a malformed CSV row is.
 */
import { isUtf8 } from 'node:buffer'
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { CsvError } from './errors.js'

export const JSON_LINES = /\.(jsonl|ndjson)$/i

/** For a line that is not JSON: a hint when it holds NaN or Infinity, which Python's json module writes. */
export function nonFiniteHint(line: string): string {
  return /(?:^|[\s:,[])-?(?:NaN|Infinity)\s*[,}\]]/.test(line)
    ? "; NaN and Infinity are not JSON (Python's json module writes them): write null for a missing value"
    : ''
}

/**
 * The lines of a file, in order, each decoded as UTF-8 (a byte order mark is dropped). A line holding
 * a byte that is not UTF-8 (a Latin-1 é) is a CsvError naming `shown` and the line: decoded
 * leniently, two different values (café, cafè) would silently read as one. With `latin1`, such a line
 * is read as Latin-1 instead (for data only a user's own step reads).
 */
export async function* utf8Lines(file: string, shown: string, latin1 = false): AsyncGenerator<string> {
  // Read as Latin-1, one character a byte, so that a line's bytes can be checked before decoding.
  const lines = createInterface({ input: createReadStream(file, { encoding: 'latin1' }), crlfDelay: Infinity })
  let line = 0
  for await (const raw of lines) {
    line++
    // eslint-disable-next-line no-control-regex
    if (!/[^\x00-\x7f]/.test(raw)) {
      yield raw
      continue
    }
    const bytes = Buffer.from(raw, 'latin1')
    if (!isUtf8(bytes)) {
      if (latin1) {
        yield raw
        continue
      }
      throw new CsvError(`${shown}:${line}: the line holds a byte that is not UTF-8; save the file as UTF-8 (convert a Latin-1 or UTF-16 file)`)
    }
    const text = bytes.toString('utf8')
    yield line === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text
  }
}

/** Calls `record` with each line's object, in order; `shown` names the file in errors. */
export async function forEachJsonLine(file: string, shown: string, record: (value: Record<string, unknown>) => void, latin1 = false): Promise<void> {
  const lines = utf8Lines(file, shown, latin1)
  let line = 0
  try {
    for await (const text of lines) {
      line++
      if (text.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (err) {
        throw new CsvError(`${shown}:${line}: not a JSON value (${(err as Error).message}); a JSON Lines file holds one object a line${nonFiniteHint(text)}`)
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new CsvError(`${shown}:${line}: a JSON Lines record must be an object of column names to values`)
      }
      record(value as Record<string, unknown>)
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== undefined && !(err instanceof CsvError))
      throw new CsvError(`cannot read ${shown}: ${(err as Error).message}`, { cause: err })
    throw err
  }
}

/** forEachJsonLine reading a line that is not UTF-8 as Latin-1 (for data only a user's own step reads). */
export function forEachJsonLineOrLatin1(file: string, shown: string, record: (value: Record<string, unknown>) => void): Promise<void> {
  return forEachJsonLine(file, shown, record, true)
}
