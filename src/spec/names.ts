/**
 * The shapes of names and numbers that come from outside (arguments, action inputs, event payloads):
 * checked where they enter, with the same rules as the spec's own fields, so a model name given on
 * the command line obeys exactly what `model:` in a spec obeys. The patterns are read from the spec's
 * JSON Schema: one definition for the spec, the CLI and the action.
 */
import path from 'node:path'
import schema from '../../schemas/retrain-spec.schema.json' with { type: 'json' }

interface PatternField {
  pattern: string
  patternErrorMessage: string
}

const modelField = (schema as unknown as { properties: { model: PatternField } }).properties.model
const MODEL_NAME = new RegExp(modelField.pattern)

/** What is wrong with a model name (null when it is valid): letters, digits, '.', '_', '-', no path. */
export function modelNameProblem(name: string): string | null {
  return MODEL_NAME.test(name) ? null : modelField.patternErrorMessage
}

/** A value shown in a message: JSON-quoted, control characters escaped, at most `max` characters. */
export function preview(value: unknown, max = 80): string {
  let text: string
  if (typeof value === 'string') {
    text = JSON.stringify(value.length > max ? value.slice(0, max) : value)
    if (value.length > max) text = `${text.slice(0, -1)}..." (${value.length} characters)`
    return text
  }
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }
  return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text
}

/** A version number: a positive whole number a registry can store exactly. Null when `text` is not one. */
export function parseVersionText(text: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) return null
  const n = Number(text)
  return Number.isSafeInteger(n) ? n : null
}

/**
 * Where a NUL byte is in `text` (a 1-based character position), or null. No environment variable,
 * argument or file name can carry one: Node refuses it, and C programs would cut the value there.
 */
export function nulPosition(text: string): number | null {
  const i = text.indexOf('\0')
  return i < 0 ? null : i + 1
}

/**
 * What is wrong with a path given as an argument or input (null when nothing): empty, or holding a
 * NUL byte. `inside`, when given, is a directory the path must not leave (after resolving `..`).
 */
export function pathProblem(value: string, inside?: string): string | null {
  if (value.trim() === '') return 'must not be empty'
  const nul = nulPosition(value)
  if (nul !== null) return `contains a NUL byte at character ${nul}`
  if (inside !== undefined) {
    const relative = path.relative(path.resolve(inside), path.resolve(inside, value))
    if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
      return `must stay inside ${inside} (it resolves to ${path.resolve(inside, value)})`
    }
  }
  return null
}

/**
 * A git branch or ref name as `git check-ref-format` accepts it, in the subset a workflow needs:
 * letters, digits and `._/-`, no `..`, no component starting with `.` or ending with `.lock`.
 */
export function refNameProblem(ref: string): string | null {
  const ok =
    /^[A-Za-z0-9._/-]{1,255}$/.test(ref) &&
    !ref.includes('..') &&
    !ref.includes('//') &&
    !ref.startsWith('/') &&
    !ref.endsWith('/') &&
    !ref.startsWith('-') &&
    !ref.split('/').some(part => part.startsWith('.') || part.endsWith('.lock'))
  return ok ? null : "a branch or ref holds letters, digits, '.', '_', '-' and '/' between names, without '..', a leading '-' or '/', or a name ending in .lock"
}

/** A workflow to dispatch: its file name (deploy.yml) or its numeric id. */
export function workflowNameProblem(name: string): string | null {
  return /^([0-9]+|[A-Za-z0-9._-]+\.ya?ml)$/.test(name) ? null : 'a workflow is its file name (such as deploy.yml) or its numeric id'
}
