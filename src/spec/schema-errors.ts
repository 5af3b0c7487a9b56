/**
 * JSON Schema validation of a spec, with the validator's errors turned into one message per problem at the
 * position of the node it is about: the key for an unknown key, else the value. The validator is
 * Ajv standalone code generated from schemas/retrain-spec.schema.json (npm run generate), so no
 * schema is compiled at start-up.
 */
import type { ErrorObject } from 'ajv/dist/2020.js'
import validateSpec from './generated/spec-validator.js'
import type { InputProblem } from '../errors.js'
import type { Source } from './source.js'
import { preview } from './names.js'
import { closest } from '../suggest.js'

function validate(value: unknown): ErrorObject[] {
  return validateSpec(value) ? [] : [...(validateSpec.errors ?? [])]
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/

function pointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** `steps[0].timeout-minutes`, `metrics["val.loss"]`; `value` tells list indexes from keys. */
function humanPath(segments: readonly string[], value: unknown): string {
  let out = ''
  let current = value
  for (const segment of segments) {
    if (Array.isArray(current)) out += `[${segment}]`
    else if (IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment
    else out += `[${preview(segment, 40)}]`
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[segment] : undefined
  }
  return out
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return preview(value)
}

const TYPE_NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty'
}

function typeNoun(type: unknown): string {
  const types = Array.isArray(type) ? type.map(String) : [String(type)]
  if (types.length === 3 && ['string', 'number', 'boolean'].every(t => types.includes(t))) {
    return 'a string, a number or true/false'
  }
  return types.map(t => TYPE_NOUNS[t] ?? t).join(' or ')
}

interface Located extends InputProblem {
  /** For dropping a "missing key" problem that an "unknown key, did you mean" problem explains. */
  instancePath: string
  suggestedKey?: string
  missingKeys?: string[]
}

class SchemaErrorExplainer {
  constructor(
    private readonly source: Source,
    private readonly value: unknown
  ) {}

  explain(errors: ErrorObject[]): Located[] {
    const combinators = errors.filter(e => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    const claimed = new Set<ErrorObject>()
    for (const c of combinators) for (const e of this.branchErrors(c, errors)) claimed.add(e)
    const out: Located[] = []
    for (const error of errors) {
      if (claimed.has(error)) continue
      if (error.keyword === 'oneOf' || error.keyword === 'anyOf') out.push(...this.combinator(error, errors))
      else if (error.keyword !== 'propertyNames') out.push(this.simple(error))
    }
    return out
  }

  private branchErrors(c: ErrorObject, errors: ErrorObject[]): ErrorObject[] {
    const prefix = `${c.schemaPath}/`
    return errors.filter(
      e => e !== c && e.schemaPath.startsWith(prefix) && (e.instancePath === c.instancePath || e.instancePath.startsWith(`${c.instancePath}/`))
    )
  }

  private where(instancePath: string): { segments: string[]; name: string } {
    const segments = pointerSegments(instancePath)
    return { segments, name: humanPath(segments, this.value) }
  }

  private combinator(c: ErrorObject, errors: ErrorObject[]): Located[] {
    const { segments, name } = this.where(c.instancePath)
    const subject = name || 'the spec'
    const branches = (c.schema as Record<string, unknown>[]) ?? []
    const location = this.source.valueAt(segments)
    const requiredOnly = branches.every(b => Array.isArray(b.required) && Object.keys(b).every(k => k === 'required' || k === 'title'))
    const keys = requiredOnly ? branches.map(b => String((b.required as string[])[0])) : []
    const passing = (c.params as { passingSchemas?: number[] | null }).passingSchemas
    if (Array.isArray(passing)) {
      const message = requiredOnly
        ? `${subject} must have only one of ${keys.map(k => `"${k}"`).join(', ')}, not several`
        : `${subject} matches more than one of: ${branches.map(b => b.title).join('; ')}`
      return [{ ...location, message, instancePath: c.instancePath }]
    }
    if (requiredOnly) {
      return [
        {
          ...location,
          message: `${subject} needs one of ${keys.map(k => `"${k}"`).join(' or ')}`,
          instancePath: c.instancePath,
          missingKeys: keys
        }
      ]
    }
    const own = this.branchErrors(c, errors)
    const byBranch = branches.map((_, i) => own.filter(e => e.schemaPath.startsWith(`${c.schemaPath}/${i}/`)))
    // A branch fits when the value has its type; if only one fits, its own errors say more than the
    // list of alternatives, unless all it says is "not this value" (const, enum).
    const atNode = (e: ErrorObject, keywords: string[]) => e.instancePath === c.instancePath && keywords.includes(e.keyword)
    const fitting = byBranch.filter(branchErrors => !branchErrors.some(e => atNode(e, ['type'])))
    const [only] = fitting
    if (fitting.length === 1 && only && !only.some(e => atNode(e, ['const', 'enum']))) return this.explain(only)
    const titles = branches.map(b => String(b.title ?? typeNoun(b.type)))
    return [
      {
        ...location,
        message: `${subject} must be ${titles.join(' or ')} (got ${describeValue(c.data)})`,
        instancePath: c.instancePath
      }
    ]
  }

  private simple(e: ErrorObject): Located {
    const { segments, name } = this.where(e.instancePath)
    const subject = name || 'the spec'
    const params = e.params as Record<string, unknown>
    const parentSchema = (e.parentSchema ?? {}) as Record<string, unknown>
    const properties = (parentSchema.properties ?? {}) as Record<string, Record<string, unknown>>
    const hint = typeof parentSchema.patternErrorMessage === 'string' ? parentSchema.patternErrorMessage : undefined
    const got = describeValue(e.data)
    const atValue = (message: string, extra?: Partial<Located>): Located => ({
      ...this.source.valueAt(segments),
      instancePath: e.instancePath,
      message,
      ...extra
    })
    const atKey = (key: string, message: string, extra?: Partial<Located>): Located => ({
      ...this.source.keyAt(segments, key),
      instancePath: e.instancePath,
      message,
      ...extra
    })
    if (e.propertyName !== undefined) {
      return atKey(e.propertyName, `invalid key ${preview(e.propertyName)} in ${subject}: ${hint ?? e.message}`)
    }
    switch (e.keyword) {
      case 'additionalProperties': {
        const key = String(params.additionalProperty)
        const allowed = Object.keys(properties)
        const near = closest(key, allowed)
        return near
          ? atKey(key, `unknown key ${preview(key)} in ${subject}; did you mean "${near}"?`, { suggestedKey: near })
          : atKey(key, `unknown key ${preview(key)} in ${subject} (expected ${allowed.map(k => `"${k}"`).join(', ')})`)
      }
      case 'required': {
        const key = String(params.missingProperty)
        const allowed = properties[key]?.enum
        const choices = Array.isArray(allowed) ? ` (one of ${allowed.join(', ')})` : ''
        return atValue(`missing required key "${key}"${choices} in ${subject}`, { missingKeys: [key] })
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]).map(String)
        const near = typeof e.data === 'string' ? closest(e.data, allowed) : undefined
        const suggestion = near ? `; did you mean "${near}"?` : ''
        return atValue(`${subject} must be one of ${allowed.join(', ')} (got ${got})${suggestion}`)
      }
      case 'const':
        return atValue(`${subject} must be ${JSON.stringify(params.allowedValue)} (got ${got})`)
      case 'type':
        return atValue(`${subject} must be ${typeNoun(params.type)} (got ${got})`)
      case 'pattern':
        return atValue(`${subject} is invalid: ${hint ?? `it must match ${params.pattern}`} (got ${got})`)
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        return atValue(`${subject} must be ${params.comparison} ${params.limit} (got ${got})`)
      case 'minItems':
      case 'minProperties':
      case 'minLength':
        return atValue(`${subject} must not be empty`)
      case 'dependentRequired': {
        const key = String(params.property)
        return atKey(key, `"${key}" in ${subject} is only allowed together with "${params.missingProperty}"`)
      }
      default:
        return atValue(`${subject} ${e.message ?? 'is invalid'}`)
    }
  }
}

function finish(problems: Located[]): InputProblem[] {
  const suggested = new Set(problems.filter(p => p.suggestedKey).map(p => `${p.instancePath}\0${p.suggestedKey}`))
  const seen = new Set<string>()
  const out: InputProblem[] = []
  for (const p of problems) {
    // "unknown key "mdoe"; did you mean "mode"?" already says what "missing key "mode"" would.
    if (p.missingKeys?.some(k => suggested.has(`${p.instancePath}\0${k}`))) continue
    const key = `${p.line}:${p.col}:${p.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ message: p.message, file: p.file, line: p.line, col: p.col })
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0))
}

/** Validates `value` (the YAML document as plain data); returns every problem found, in file order. */
export function schemaProblems(source: Source, value: unknown): InputProblem[] {
  const errors = validate(value)
  return errors.length ? finish(new SchemaErrorExplainer(source, value).explain(errors)) : []
}
