/**
 * JSON Lines data (`.jsonl`, `.ndjson`): one object of column names to values a line, read as a
 * stream (no size ceiling); blank lines are skipped. A line that is not such an object is a
 * CsvError naming the file and line, as a malformed CSV row is.
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { CsvError } from './errors.js'

export const JSON_LINES = /\.(jsonl|ndjson)$/i

/** Calls `record` with each line's object, in order; `shown` names the file in errors. */
export async function forEachJsonLine(file: string, shown: string, record: (value: Record<string, unknown>) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity })
  let line = 0
  try {
    for await (const text of lines) {
      line++
      if (text.trim() === '') continue
      let value: unknown
      try {
        value = JSON.parse(text)
      } catch (err) {
        throw new CsvError(`${shown}:${line}: not a JSON value (${(err as Error).message}); a JSON Lines file holds one object a line`)
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
