/**
 * Run parameters: values from the command line (`--param k=v`), workflow_dispatch inputs or JSON
 * payloads, coerced to the spec's declared types and checked against its enum and range.
 */
import { InputError, type InputProblem } from '../errors.js'
import { nulPosition, preview } from './names.js'
import { closest } from '../suggest.js'
import type { ParamSpec, ParamValue, Spec } from './types.js'

/**
 * The most a single param value may hold, in UTF-8 bytes. Params reach steps as environment variables
 * (one per param, RETRAIN_PARAMS, and one per expression in a `run:` line); Linux refuses a single
 * variable over 128 KiB and all of them together over about 2 MiB (E2BIG). Documented in the README.
 */
export const MAX_PARAM_BYTES = 32 * 1024
/** The most all params together may hold, as the JSON of RETRAIN_PARAMS, in UTF-8 bytes. */
export const MAX_PARAMS_JSON_BYTES = 64 * 1024

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB (${bytes} bytes)`
}

/**
 * What no param value may hold whatever its type: a NUL byte (no environment variable can carry one)
 * or more than MAX_PARAM_BYTES. Null when the text is fine.
 */
export function paramTextProblem(text: string): string | null {
  const nul = nulPosition(text)
  if (nul !== null) {
    return `contains a NUL byte (\\0) at character ${nul}, which no environment variable or argument can carry; remove it`
  }
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > MAX_PARAM_BYTES) {
    return (
      `is ${kib(bytes)}, over the limit of ${kib(MAX_PARAM_BYTES)} for a param value (params reach steps as ` +
      'environment variables); pass large content as a file: a data input, or a path in the param'
    )
  }
  return null
}

/** Refuses params whose JSON (RETRAIN_PARAMS) would be over MAX_PARAMS_JSON_BYTES; null when fine. */
export function paramsTotalProblem(values: Record<string, unknown>): string | null {
  const bytes = Buffer.byteLength(JSON.stringify(values), 'utf8')
  if (bytes <= MAX_PARAMS_JSON_BYTES) return null
  const largest = Object.entries(values)
    .map(([name, v]) => [name, Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8')] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, b]) => `${name} ${kib(b)}`)
  return (
    `the params together are ${kib(bytes)} as JSON, over the limit of ${kib(MAX_PARAMS_JSON_BYTES)} for ` +
    `RETRAIN_PARAMS (largest: ${largest.join(', ')}); pass large content as files`
  )
}

/** Splits `name=value` arguments; the value is everything after the first `=`. */
export function parseParamAssignments(args: string[]): Record<string, string> {
  // No prototype: `--param __proto__=1` is a name like any other (an unknown param), not a prototype to set.
  const assignments: Record<string, string> = Object.create(null) as Record<string, string>
  const problems: InputProblem[] = []
  for (const arg of args) {
    const eq = arg.indexOf('=')
    const name = eq < 0 ? '' : arg.slice(0, eq).trim()
    if (eq < 0 || name === '') {
      problems.push({ message: `--param ${JSON.stringify(arg)} must be name=value (for example --param epochs=20)` })
      continue
    }
    const value = arg.slice(eq + 1)
    // The same param twice (a script appending to a command line) is ambiguous: neither value wins silently.
    if (Object.hasOwn(assignments, name) && assignments[name] !== value) {
      problems.push({ message: `--param ${preview(name)} is given twice, as ${preview(assignments[name]!)} and ${preview(value)}; give it once` })
      continue
    }
    assignments[name] = value
  }
  if (problems.length) throw new InputError(problems)
  return assignments
}

/** The environment variable a step reads a param from: `RETRAIN_PARAM_` and the name in upper case. */
export function paramEnvName(name: string): string {
  return `RETRAIN_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
}

/** What a param accepts, in words: `an integer from 1 to 1000`, `one of sgd, adam`. */
export function describeParamType(param: ParamSpec): string {
  if (param.enum) return `one of ${param.enum.map(String).join(', ')}`
  switch (param.type) {
    case 'boolean':
      return 'true or false'
    case 'string':
      return 'a string'
    case 'integer':
    case 'number': {
      const noun = param.type === 'integer' ? 'an integer' : 'a number'
      const { minimum: min, maximum: max } = param
      if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`
      if (min !== undefined) return `${noun} >= ${min}`
      if (max !== undefined) return `${noun} <= ${max}`
      return noun
    }
  }
}

const TYPE_NOUNS: Record<ParamSpec['type'], string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false'
}

const INTEGER_TEXT = /^-?\d+$/
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

/** Converts one given value to the param's type; undefined when it cannot be. */
function coerce(param: ParamSpec, raw: unknown): ParamValue | undefined {
  switch (param.type) {
    case 'string':
      return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined
    case 'boolean':
      if (typeof raw === 'boolean') return raw
      if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true'
      return undefined
    case 'integer': {
      const value = typeof raw === 'string' && INTEGER_TEXT.test(raw) ? Number(raw) : raw
      return typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined
    }
    case 'number': {
      const value = typeof raw === 'string' && NUMBER_TEXT.test(raw) ? Number(raw) : raw
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined
    }
  }
}

/**
 * Checks a value already of a JavaScript type (a spec default, a coerced value) against the param's
 * type, enum and range. Returns what was expected, or null when the value is allowed.
 */
export function checkParamValue(param: ParamSpec, value: unknown): string | null {
  const expected = describeParamType(param)
  const typeOk =
    param.type === 'string'
      ? typeof value === 'string'
      : param.type === 'boolean'
        ? typeof value === 'boolean'
        : typeof value === 'number' && Number.isFinite(value) && (param.type === 'number' || Number.isSafeInteger(value))
  if (!typeOk) return `must be ${param.enum ? `${TYPE_NOUNS[param.type]}, ${expected}` : expected}`
  if (typeof value === 'string') {
    const problem = paramTextProblem(value)
    if (problem) return problem
  }
  if (param.enum && !param.enum.some(allowed => allowed === value)) return `must be ${expected}`
  if (typeof value === 'number') {
    if ((param.minimum !== undefined && value < param.minimum) || (param.maximum !== undefined && value > param.maximum)) {
      return `must be ${expected}`
    }
  }
  return null
}

function show(raw: unknown): string {
  return preview(raw)
}

/**
 * Resolves every param of the spec: the override when one is given, else the default. Overrides are
 * text (command line, dispatch inputs) or typed JSON values (payloads); null stands for "not given".
 * `source` names where the overrides came from, for messages. Throws one InputError with every problem.
 */
export function resolveParams(
  spec: Spec,
  overrides: Record<string, unknown>,
  source: string,
  options: { ignoreUnknown?: boolean; unknownHint?: string } = {}
): Record<string, ParamValue> {
  const problems: InputProblem[] = []
  const names = Object.keys(spec.params)
  if (!options.ignoreUnknown) {
    for (const name of Object.keys(overrides)) {
      if (Object.hasOwn(spec.params, name)) continue
      const near = closest(name, names)
      const declared = names.length ? `the spec declares ${names.join(', ')}` : 'the spec declares no params'
      problems.push({
        message: `unknown param ${preview(name)} from ${source}${near ? `; did you mean "${near}"?` : ''} (${declared})${options.unknownHint ? `; ${options.unknownHint}` : ''}`
      })
    }
  }
  const resolved: Record<string, ParamValue> = {}
  for (const [name, param] of Object.entries(spec.params)) {
    const raw = Object.hasOwn(overrides, name) ? overrides[name] : undefined
    if (raw === undefined || raw === null) {
      if (param.default === undefined) {
        problems.push({
          message: `param "${name}" is required: it has no default and ${source} did not give it ` + `(expected ${describeParamType(param)})`
        })
      } else {
        resolved[name] = param.default
      }
      continue
    }
    const value = coerce(param, raw)
    const problem = value === undefined ? `must be ${describeParamType(param)}` : checkParamValue(param, value)
    if (problem !== null || value === undefined) {
      problems.push({ message: `param "${name}" from ${source} ${problem} (got ${show(raw)})` })
      continue
    }
    resolved[name] = value
  }
  if (problems.length === 0) {
    const total = paramsTotalProblem(resolved)
    if (total) problems.push({ message: `${total} (from ${source} and the spec's defaults)` })
  }
  if (problems.length) throw new InputError(problems)
  return resolved
}
