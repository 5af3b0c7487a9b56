/**
 * Reads the metrics JSON an evaluate command writes. Python's json module writes NaN, Infinity and
 * -Infinity as bare tokens; they are read as undefined or infinite values so the rules fail closed
 * on them, instead of the whole file being refused as invalid JSON.
 */
import { readFile, stat } from 'node:fs/promises'
import { EvaluationError } from '../errors.js'
import { closest } from '../suggest.js'

export type Metrics = Record<string, number | null>

const NON_FINITE = { NaN: '"\\u0000NaN"', Infinity: '"\\u0000Infinity"', '-Infinity': '"\\u0000-Infinity"' } as const

/** Replaces the bare non-finite tokens outside strings with sentinel strings JSON.parse accepts. */
function quoteNonFinite(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      out += text.slice(i, j + 1)
      i = j + 1
      continue
    }
    const token = (['-Infinity', 'Infinity', 'NaN'] as const).find(t => text.startsWith(t, i))
    if (token) {
      out += NON_FINITE[token]
      i += token.length
      continue
    }
    out += ch
    i++
  }
  return out
}

/**
 * The first key the top-level object of valid JSON `text` holds twice, with the lines of both; null
 * when none. JSON.parse keeps the last silently, so `{"accuracy": 0.9, "accuracy": 0.1}` would be
 * judged on whichever came last. Keys are compared as JSON.parse reads them (escapes decoded).
 */
export function repeatedKey(text: string): { key: string; line: number; firstLine: number } | null {
  const seen = new Map<string, number>()
  let depth = 0
  let keyNext = false
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '\n') line++
    else if (ch === '"') {
      // Valid JSON: the string ends, and holds no line break.
      let j = i + 1
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      if (depth === 1 && keyNext) {
        const key = JSON.parse(text.slice(i, j + 1)) as string
        const firstLine = seen.get(key)
        if (firstLine !== undefined) return { key, line, firstLine }
        seen.set(key, line)
        keyNext = false
      }
      i = j
    } else if (ch === '{' || ch === '[') {
      depth++
      keyNext = depth === 1
    } else if (ch === '}' || ch === ']') depth--
    else if (ch === ',' && depth === 1) keyNext = true
  }
  return null
}

function sentinelValue(v: unknown): number | null | undefined {
  if (v === '\u0000NaN') return Number.NaN
  if (v === '\u0000Infinity') return Number.POSITIVE_INFINITY
  if (v === '\u0000-Infinity') return Number.NEGATIVE_INFINITY
  if (v === null) return null
  if (typeof v === 'number') return v
  return undefined
}

/** Names of ignored entries listed one by one; the rest are counted in a last entry. */
const MAX_IGNORED_NAMES = 20
/** A metrics file larger than this is refused: it is a map of names to numbers, not data. */
export const MAX_METRICS_FILE_BYTES = 256 * 1024 * 1024

/**
 * Parses a metrics file. `declared` names the metrics the spec judges: a declared metric that is not
 * a number or null is an error naming it; other keys that are not numbers are ignored, and `ignored`
 * lists their names (the first MAX_IGNORED_NAMES, then one entry "and N more"). `where` names the
 * file in errors (default `<file>: the metrics file`).
 */
export function parseMetrics(text: string, file: string, declared: string[], where = `${file}: the metrics file`): { metrics: Metrics; ignored: string[] } {
  // A byte order mark (as some writers put before UTF-8 text) is no part of the JSON.
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  if (text.trim() === '') throw new EvaluationError(`${where} is empty; write one JSON object of metric name to number`, 'metrics-invalid')
  let parsed: unknown
  const quoted = quoteNonFinite(text)
  try {
    parsed = JSON.parse(quoted)
  } catch (err) {
    // The line of the error's position (the tokens quoted above hold no line break, so lines agree).
    const position = /at position (\d+)/.exec((err as Error).message)
    const line = position ? ` at line ${quoted.slice(0, Number(position[1])).split('\n').length}` : ''
    const twice = /after JSON/.test((err as Error).message) ? ', once (a file written twice, or appended to, holds two)' : ''
    // UTF-16 (as some shells write a redirect) holds NUL bytes; another encoding, bytes UTF-8 decodes to U+FFFD.
    if (text.includes('\u0000') || text.includes('\uFFFD')) {
      throw new EvaluationError(
        `${where} is not UTF-8 text${text.includes('\u0000') ? ' (it holds NUL bytes, as UTF-16 does)' : ''}; write it as UTF-8`,
        'metrics-invalid'
      )
    }
    throw new EvaluationError(
      `${where} is not valid JSON${line} (${(err as Error).message}); write one object of metric name to number${twice}`,
      'metrics-invalid'
    )
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    // Named by its kind, never stringified: an array may be nested 100,000 deep.
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`
    throw new EvaluationError(`${where} must hold one JSON object of metric name to number, got ${kind}`, 'metrics-invalid')
  }
  const repeated = repeatedKey(quoted)
  if (repeated !== null) {
    const key = repeated.key.length > 80 ? `${repeated.key.slice(0, 80)}...` : repeated.key
    const lines = repeated.line === repeated.firstLine ? `twice on line ${repeated.line}` : `twice, on lines ${repeated.firstLine} and ${repeated.line}`
    throw new EvaluationError(
      `${where} holds the key ${JSON.stringify(key)} ${lines}: a JSON reader keeps one of the values and drops the other; write each metric once`,
      'metrics-invalid'
    )
  }
  const metrics: Metrics = {}
  const ignored: string[] = []
  let moreIgnored = 0
  const judged = new Set(declared)
  for (const [key, raw] of Object.entries(parsed)) {
    const value = sentinelValue(raw)
    if (value === undefined) {
      if (judged.has(key)) {
        throw new EvaluationError(`${where}: metric "${key}" must be a number or null, got ${shortJson(raw)}`, 'metrics-invalid')
      }
      if (ignored.length < MAX_IGNORED_NAMES) ignored.push(key.length > 80 ? `${key.slice(0, 80)}...` : key)
      else moreIgnored++
      continue
    }
    // NaN is an undefined metric: kept as null, so rules on it fail closed.
    // defineProperty, not assignment: a metric named "__proto__" must not replace the object's prototype.
    Object.defineProperty(metrics, key, { value: value !== null && Number.isNaN(value) ? null : value, enumerable: true, writable: true, configurable: true })
  }
  if (moreIgnored > 0) ignored.push(`and ${moreIgnored} more`)
  return { metrics, ignored }
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 200 ? `${text.slice(0, 200)}... (${text.length} characters)` : text
}

/**
 * Reads the metrics file the evaluate command wrote for `role` (candidate, baseline, reference).
 * Errors name the role and $RETRAIN_METRICS_FILE, not the file's path: it lies in the run's scratch
 * directory, which is removed when the run ends.
 */
export async function readMetricsFile(file: string, declared: string[], role: string): Promise<{ metrics: Metrics; ignored: string[] }> {
  const where = `the metrics file the evaluate command wrote for the ${role} ($RETRAIN_METRICS_FILE)`
  const size = await stat(file).then(
    s => s.size,
    () => null
  )
  if (size !== null && size > MAX_METRICS_FILE_BYTES) {
    throw new EvaluationError(
      `${where} is ${Math.round(size / 1024 / 1024)} MiB, over the limit of ${MAX_METRICS_FILE_BYTES / 1024 / 1024} MiB; ` +
        'write one JSON object of metric name to number (per-example values go in $RETRAIN_PREDICTIONS_FILE)',
      'metrics-invalid'
    )
  }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new EvaluationError(
      `the evaluate command wrote no metrics for the ${role} (expected a JSON object of metric name to number at $RETRAIN_METRICS_FILE)`,
      'metrics-missing'
    )
  }
  return parseMetrics(text, file, declared, where)
}

/**
 * The warning for a judged metric the metrics file lacks, with the names it does hold and the one
 * probably meant (a rule on `acc` when the file says `accuracy`).
 */
export function missingMetricWarning(role: string, name: string, metrics: Metrics): string {
  const names = Object.keys(metrics)
  const meant = closest(name, names)
  const has = names.length
    ? `it has ${names
        .slice(0, 10)
        .map(n => `"${n}"`)
        .join(', ')}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`
    : 'it has no metrics'
  return `the ${role}'s metrics file has no "${name}" (${has}${meant ? `; did you mean "${meant}"?` : ''}); rules on it fail closed`
}
