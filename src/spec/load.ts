/**
 * Reads a retraining spec: YAML with source positions, JSON Schema validation, then the checks a
 * schema cannot express. Every problem found is reported at once, each at the file:line:col of the
 * node it is about, saying what was expected.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { isScalar } from 'yaml'
import { InputError, type InputProblem } from '../errors.js'
import { checkExpression, DATA_CONTEXTS, referencedParams, scanTemplate, skeletonOf, SPEC_CONTEXTS, UNTERMINATED_MESSAGE } from './expressions.js'
import { pathEscapeProblem } from './data-paths.js'
import { preview } from './names.js'
import { checkParamValue, paramEnvName, paramsTotalProblem } from './params.js'
import { expandChallengers } from './challengers.js'
import { schemaProblems } from './schema-errors.js'
import { parseStepCache } from './step-cache.js'
import { OPTION_CHECKS_VARIABLE, optionChecksExpression } from './option-values.js'
import { parseShell, rewriteRunScript } from './shell.js'
import { Source } from './source.js'
import { closest } from '../suggest.js'
import { dataEnvName } from '../contract-names.js'
import { computedMetricProblems } from '../metrics/spec-checks.js'
import { parseTrainerOptions } from '../trainers/options.js'
import type {
  ChangeRuleSpec,
  ColumnCheckSpec,
  DataCheckSpec,
  DriftSpec,
  DataInputSpec,
  EvaluateSpec,
  MetricSpec,
  ParamSpec,
  PredictionsSpec,
  SourceLocation,
  Spec,
  Raw,
  RawSpec,
  StepCacheSpec,
  StepSpec
} from './types.js'
import { DEFAULT_DRIFT_THRESHOLDS } from './types.js'

export interface LoadOptions {
  /** Directory relative paths are taken from when the spec sets no `root` (default: the process's). */
  cwd?: string
}

/** Reads and validates the spec file at `file` (relative to `options.cwd`). */
export async function loadSpec(file: string, options: LoadOptions = {}): Promise<Spec> {
  const cwd = options.cwd ?? process.cwd()
  const absolute = path.resolve(cwd, file)
  let bytes: Buffer
  try {
    bytes = await readFile(absolute)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(error)
    throw new InputError([{ file: displayName(absolute, cwd), message: `cannot read the spec: ${reason}` }])
  }
  return loadSpecBytes(bytes, file, options)
}

/** Validates a spec's bytes as if read from `file`: what loadSpec does once it has read the file. */
export function loadSpecBytes(bytes: Buffer, file: string, options: LoadOptions = {}): Spec {
  const cwd = options.cwd ?? process.cwd()
  const absolute = path.resolve(cwd, file)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError([invalidUtf8Problem(bytes, displayName(absolute, cwd))])
  }
  return buildSpec(text, sha256(bytes), absolute, cwd)
}

/** The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i
    i += need + 1
  }
  return -1
}

/** Where the first invalid byte is, as line:col of the text before it (col counts characters). */
function invalidUtf8Problem(bytes: Buffer, file: string): InputProblem {
  const offset = Math.max(0, firstInvalidUtf8(bytes))
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1
  let line = 1
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset))
  const col = [...before].length + 1
  const hex = [...bytes.subarray(offset, offset + 4)].map(b => b.toString(16).padStart(2, '0')).join(' ')
  return {
    file,
    line,
    col,
    message: `the spec is not valid UTF-8 text: byte ${offset} (0x${hex.split(' ')[0]}, in "${hex}") starts no valid character; save the file as UTF-8`
  }
}

/** Validates spec text as if read from `file`; the digest is that of the text's UTF-8 bytes. */
export function parseSpec(text: string, file: string, options: LoadOptions = {}): Spec {
  const cwd = options.cwd ?? process.cwd()
  return buildSpec(text, sha256(Buffer.from(text, 'utf8')), path.resolve(cwd, file), cwd)
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Messages name the file as the user sees it from the working directory (and as annotations want). */
function displayName(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
}

/** The spec as the schema guarantees it, keys as written in YAML: generated from the schema. */
type RawCommand = Raw.Step | Raw.Evaluate
type RawEvaluate = Raw.Evaluate

const NO_RULE_MESSAGE = 'no rule would judge the candidate; add a bound (min/max) or a change rule'

/** YAML's kebab-case keys to the typed spec; classes compare as text. */
function predictionsOf(raw: NonNullable<RawEvaluate['predictions']>): PredictionsSpec {
  const { 'probability-prefix': prefix, classes, ...rest } = raw
  return { ...rest, ...(prefix !== undefined && { probabilityPrefix: prefix }), ...(classes !== undefined && { classes: classes.map(String) }) }
}

function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return s && /^[0-9]/.test(s) ? `step-${s}` : s
}

class SpecBuilder {
  readonly problems: InputProblem[] = []
  private readonly paramNames: string[]

  constructor(
    private readonly source: Source,
    private readonly raw: RawSpec
  ) {
    this.paramNames = Object.keys(raw.params ?? {})
  }

  private problem(location: SourceLocation, message: string): void {
    this.problems.push({ ...location, message })
  }

  /** Checks every `${{ }}` in a value that is data (env, working-directory, `with`). */
  private checkTemplate(segments: string[], value: string): void {
    const { spans, unterminated } = scanTemplate(value)
    if (spans.length === 0 && unterminated === undefined) return
    const locate = this.source.locator(segments, value)
    for (const span of spans) {
      const message = checkExpression(span.expression, SPEC_CONTEXTS, this.paramNames)
      if (message) this.problem(locate(span.start), message)
    }
    if (unterminated !== undefined) this.problem(locate(unterminated), UNTERMINATED_MESSAGE)
  }

  env(segments: string[], raw: Record<string, unknown> | undefined): Record<string, string> {
    const env: Record<string, string> = {}
    for (const [key, value] of Object.entries(raw ?? {})) {
      const node = this.source.find([...segments, key]).node
      // Numbers keep their spelling: `VERSION: 1.10` means "1.10", not "1.1".
      const spelled = isScalar(node) && node.source !== undefined ? node.source : String(value)
      const text = typeof value === 'string' ? value : spelled
      this.checkTemplate([...segments, key], text)
      env[key] = text
    }
    return env
  }

  private withStrings(segments: string[], value: unknown): void {
    if (typeof value === 'string') this.checkTemplate(segments, value)
    else if (Array.isArray(value)) value.forEach((item, i) => this.withStrings([...segments, String(i)], item))
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) this.withStrings([...segments, k], v)
    }
  }

  /** A built-in trainer's name and `with:` options; values holding expressions are checked at run time. */
  private builtinOptions(segments: string[], uses: string, options: Record<string, unknown> | undefined): void {
    for (const p of parseTrainerOptions(uses.slice('builtin/'.length), options, true).problems) {
      const at = this.source.valueAt(p.path === null || !options ? [...segments, 'uses'] : [...segments, 'with', ...p.path])
      this.problem(at, `steps[${segments[1]}]: ${p.message}`)
    }
    this.builtinData(segments, options?.data)
  }

  /**
   * The data input a built-in trainer reads (`with.data`, default "train"): a declared input, and not
   * one the evaluation reads, which the leakage guard (by input) would not see. An expression's
   * value is known at run time only.
   */
  private builtinData(segments: string[], value: unknown): void {
    const name = value === undefined ? 'train' : value
    if (typeof name !== 'string' || name.includes('${{')) return
    const chosen = name.trim()
    const at = this.source.valueAt(value === undefined ? [...segments, 'uses'] : [...segments, 'with', 'data'])
    const which = value === undefined ? 'with.data (default "train")' : 'with.data'
    const evaluation = this.raw.evaluate?.data
    if ((typeof evaluation === 'string' ? [evaluation] : (evaluation ?? [])).includes(chosen)) {
      this.problem(
        at,
        `steps[${segments[1]}]: ${which} names ${preview(chosen)}, which evaluate.data reads: a model trained on its evaluation data would be judged on what it memorized; train on another data input`
      )
    } else if (!Object.hasOwn(this.raw.data ?? {}, chosen)) {
      const declared = Object.keys(this.raw.data ?? {})
      const near = closest(chosen, declared)
      this.problem(
        at,
        `steps[${segments[1]}]: ${which} names ${preview(chosen)}, which is not declared under data${near ? `; did you mean ${preview(near)}?` : ''} (declared: ${declared.join(', ') || 'none'})`
      )
    }
  }

  private command(segments: string[], raw: RawCommand) {
    const shell = parseShell(raw.shell)
    let run: string | undefined
    let expressionEnv: StepSpec['expressionEnv'] = []
    if (raw.run !== undefined) {
      const runSegments = [...segments, 'run']
      const locate = this.source.locator(runSegments, raw.run)
      // Every expression is checked, also those the rewrite refuses, so one pass reports them all.
      for (const span of scanTemplate(raw.run).spans) {
        const message = checkExpression(span.expression, SPEC_CONTEXTS, this.paramNames)
        if (message) this.problem(locate(span.start), message)
      }
      try {
        const rewritten = rewriteRunScript(raw.run, shell, this.source.valueAt(runSegments), 1, locate, this.raw.params)
        run = rewritten.script
        expressionEnv = rewritten.expressions
        // Values a program may read as an option are checked when the step runs (option-values.ts).
        if (rewritten.optionChecks)
          expressionEnv = [...expressionEnv, { name: OPTION_CHECKS_VARIABLE, expression: optionChecksExpression(rewritten.optionChecks) }]
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        this.problems.push(...error.problems)
      }
    }
    if (raw['working-directory'] !== undefined) {
      this.checkTemplate([...segments, 'working-directory'], raw['working-directory'])
    }
    return {
      run,
      shell,
      expressionEnv,
      env: this.env([...segments, 'env'], raw.env),
      ...(raw['working-directory'] !== undefined && { workingDirectory: raw['working-directory'] }),
      ...(raw['timeout-minutes'] !== undefined && { timeoutMinutes: raw['timeout-minutes'] }),
      location: this.source.valueAt(segments)
    }
  }

  params(): Record<string, ParamSpec> {
    const params: Record<string, ParamSpec> = {}
    const byEnvName = new Map<string, string>()
    for (const [name, param] of Object.entries(this.raw.params ?? {})) {
      const at = (...keys: string[]) => this.source.valueAt(['params', name, ...keys])
      const subject = `params.${name}`
      const other = byEnvName.get(paramEnvName(name))
      if (other !== undefined) {
        this.problem(
          this.source.keyAt(['params'], name),
          `params ${preview(other)} and ${preview(name)} would share the environment variable ${paramEnvName(name)}; rename one`
        )
      }
      byEnvName.set(paramEnvName(name), name)
      const numeric = param.type === 'number' || param.type === 'integer'
      for (const bound of ['minimum', 'maximum'] as const) {
        if (param[bound] !== undefined && !numeric) {
          this.problem(at(bound), `${subject}.${bound} applies only to number and integer params (this one is ${param.type})`)
        }
      }
      if (numeric && param.minimum !== undefined && param.maximum !== undefined && param.minimum > param.maximum) {
        this.problem(at('minimum'), `${subject}.minimum (${param.minimum}) is greater than its maximum (${param.maximum})`)
      }
      param.enum?.forEach((value, i) => {
        const problem = checkParamValue({ type: param.type }, value)
        if (problem) this.problem(at('enum', String(i)), `${subject}.enum[${i}] ${problem} (got ${preview(value)})`)
      })
      if (param.default !== undefined) {
        const problem = checkParamValue(param, param.default)
        if (problem) this.problem(at('default'), `${subject}.default ${problem} (got ${preview(param.default)})`)
      }
      params[name] = { ...param }
    }
    const defaults = Object.fromEntries(Object.entries(params).flatMap(([n, p]) => (p.default === undefined ? [] : [[n, p.default]])))
    const total = paramsTotalProblem(defaults)
    if (total) this.problem(this.source.keyAt([], 'params'), `the defaults of ${total}`)
    return params
  }

  data(): Record<string, DataInputSpec> {
    const data: Record<string, DataInputSpec> = {}
    const byEnvName = new Map<string, string>()
    for (const [name, input] of Object.entries(this.raw.data ?? {})) {
      // Two inputs sharing RETRAIN_DATA_<NAME> would hand a step the other one's files (the evaluation data, say).
      const other = byEnvName.get(dataEnvName(name))
      if (other !== undefined) {
        this.problem(
          this.source.keyAt(['data'], name),
          `data inputs ${preview(other)} and ${preview(name)} would share the environment variable ${dataEnvName(name)}; rename one`
        )
      }
      byEnvName.set(dataEnvName(name), name)
      const listed = typeof input !== 'string' && typeof input.path !== 'string'
      const paths = typeof input === 'string' ? [input] : typeof input.path === 'string' ? [input.path] : [...input.path]
      const segments = paths.map((_, i) => (typeof input === 'string' ? ['data', name] : listed ? ['data', name, 'path', String(i)] : ['data', name, 'path']))
      paths.forEach((text, i) => this.dataPath(name, segments[i]!, text))
      data[name] = {
        paths,
        locations: segments.map(s => this.source.valueAt(s)),
        ...(typeof input !== 'string' && input.description !== undefined && { description: input.description })
      }
    }
    return data
  }

  /**
   * A data path may hold expressions on params and github, known before anything runs; the values
   * they may take (enum values, defaults) and the literal text must keep the path under root.
   */
  private dataPath(input: string, segments: string[], text: string): void {
    const { spans, unterminated } = scanTemplate(text)
    if (spans.length === 0 && unterminated === undefined) return
    const locate = this.source.locator(segments, text)
    if (unterminated !== undefined) this.problem(locate(unterminated), UNTERMINATED_MESSAGE)
    for (const span of spans) {
      let message = checkExpression(span.expression, DATA_CONTEXTS, this.paramNames)
      if (message && checkExpression(span.expression, SPEC_CONTEXTS, this.paramNames) === null) {
        message =
          `\${{ ${span.expression} }} in data input "${input}" may use only the params and github contexts: data is ` +
          'fingerprinted before any step runs, so steps, env, data, baseline and candidate do not exist yet'
      }
      if (message) {
        this.problem(locate(span.start), message)
        continue
      }
      for (const param of referencedParams(span.expression)) {
        const declared = Object.entries(this.raw.params ?? {}).find(([n]) => n.toLowerCase() === param.toLowerCase())
        if (!declared) continue
        const [paramName, spec] = declared
        const values = [
          ...(spec.enum ?? []).map((v, i) => [v, `enum value ${i}`] as const),
          ...(spec.default !== undefined ? [[spec.default, 'default'] as const] : [])
        ]
        for (const [value, what] of values) {
          const problem = typeof value === 'string' ? pathEscapeProblem(value) : null
          if (problem) {
            this.problem(
              locate(span.start),
              `data input "${input}": params.${paramName} ${what} ${preview(value)} ${problem}, which would read outside the spec's root; ` +
                'a value in a data path must name a file under root'
            )
          }
        }
      }
    }
    if (unterminated !== undefined) return
    const problem = pathEscapeProblem(skeletonOf(text, spans))
    if (problem) {
      this.problem(
        this.source.valueAt(segments),
        `data input "${input}": a path with expressions must stay under root, but its text ${problem}; write it relative to root`
      )
    }
  }

  steps(): StepSpec[] {
    const ids = new Map<string, number>()
    return this.raw.steps.map((step, index) => {
      const segments = ['steps', String(index)]
      const derivedFrom = step.id !== undefined ? undefined : step.name !== undefined ? 'name' : 'position'
      const stepId = step.id ?? ((step.name !== undefined && slug(step.name)) || `step-${index + 1}`)
      const first = ids.get(stepId)
      if (first !== undefined) {
        const where = derivedFrom === 'position' ? segments : [...segments, derivedFrom ?? 'id']
        const how = derivedFrom ? ` (derived from its ${derivedFrom}; set id: to tell them apart)` : ''
        this.problem(
          this.source.valueAt(where),
          `step id ${preview(stepId)} of steps[${index}] is already used by steps[${first}]${how}; step ids must be unique`
        )
      } else {
        ids.set(stepId, index)
      }
      if (step.with !== undefined) this.withStrings([...segments, 'with'], step.with)
      if (step.uses !== undefined) this.builtinOptions(segments, step.uses, step.with)
      const { run, ...command } = this.command(segments, step)
      return {
        id: stepId,
        name: step.name ?? stepId,
        ...(run !== undefined && { run }),
        ...(step.uses !== undefined && { uses: step.uses }),
        ...(step.with !== undefined && { with: step.with }),
        ...command,
        ...(step.cache !== undefined && { cache: this.stepCache(segments, index, step.cache) })
      }
    })
  }

  private stepCache(segments: string[], index: number, raw: Raw.StepCache): StepCacheSpec {
    const { cache, problems } = parseStepCache(raw, {
      stepIndex: index,
      dataNames: Object.keys(this.raw.data ?? {}),
      paramNames: this.paramNames,
      at: keys => this.source.valueAt([...segments, 'cache', ...keys])
    })
    this.problems.push(...problems)
    return cache
  }

  checks(data: Record<string, DataInputSpec>): Record<string, DataCheckSpec> {
    const checks: Record<string, DataCheckSpec> = {}
    const declared = Object.keys(data)
    for (const [name, raw] of Object.entries(this.raw.checks ?? {})) {
      if (!Object.hasOwn(data, name)) {
        const near = closest(name, declared)
        this.problem(
          this.source.keyAt(['checks'], name),
          `checks names ${preview(name)}, which is not declared under data${near ? `; did you mean "${near}"?` : ''}`
        )
        continue
      }
      const columns: Record<string, ColumnCheckSpec> = {}
      for (const [column, c] of Object.entries(raw.columns ?? {})) {
        if (c.min !== undefined && c.max !== undefined && c.min > c.max) {
          this.problem(
            this.source.valueAt(['checks', name, 'columns', column, 'min']),
            `checks.${name}.columns.${column}: min (${c.min}) is greater than max (${c.max})`
          )
        }
        columns[column] = {
          ...(c.type !== undefined && { type: c.type }),
          ...(c['max-missing'] !== undefined && { maxMissing: c['max-missing'] }),
          ...(c.min !== undefined && { min: c.min }),
          ...(c.max !== undefined && { max: c.max }),
          ...(c.values !== undefined && { values: c.values.map(String) }),
          ...(c['max-mean-shift'] !== undefined && { maxMeanShift: c['max-mean-shift'] })
        }
      }
      checks[name] = {
        ...(raw['min-rows'] !== undefined && { minRows: raw['min-rows'] }),
        columns,
        ...(raw['unexpected-columns'] !== undefined && { unexpectedColumns: raw['unexpected-columns'] })
      }
    }
    return checks
  }

  /** A drift policy (the spec's drift block, or retrain-when's over it): inputs named under data, defaults filled in. */
  drift(
    at: string[],
    raw: { inputs?: string[]; psi?: number; 'ks-p'?: number; 'chi2-p'?: number } | undefined,
    data: Record<string, DataInputSpec>,
    evaluation: string[],
    base?: DriftSpec
  ): DriftSpec {
    const declared = Object.keys(data)
    for (const [i, name] of (raw?.inputs ?? []).entries()) {
      if (!Object.hasOwn(data, name)) {
        const near = closest(name, declared)
        this.problem(
          this.source.valueAt([...at, 'inputs', String(i)]),
          `${at.join('.')}.inputs names ${preview(name)}, which is not declared under data${near ? `; did you mean "${near}"?` : ''}`
        )
      }
    }
    return {
      inputs: raw?.inputs ? [...raw.inputs] : (base?.inputs ?? declared.filter(name => !evaluation.includes(name))),
      psi: raw?.psi ?? base?.psi ?? DEFAULT_DRIFT_THRESHOLDS.psi,
      ksP: raw?.['ks-p'] ?? base?.ksP ?? DEFAULT_DRIFT_THRESHOLDS.ksP,
      chi2P: raw?.['chi2-p'] ?? base?.chi2P ?? DEFAULT_DRIFT_THRESHOLDS.chi2P
    }
  }

  evaluate(data: Record<string, DataInputSpec>): EvaluateSpec {
    const raw = this.raw.evaluate
    const names = typeof raw.data === 'string' ? [raw.data] : raw.data
    const declared = Object.keys(data)
    names.forEach((name, i) => {
      if (Object.hasOwn(data, name)) return
      const at = this.source.valueAt(typeof raw.data === 'string' ? ['evaluate', 'data'] : ['evaluate', 'data', String(i)])
      const near = closest(name, declared)
      const known = declared.length ? `declared: ${declared.join(', ')}` : 'the spec declares no data inputs'
      const suggestion = near ? `; did you mean "${near}"?` : ''
      this.problem(at, `evaluate.data names ${preview(name)}, which is not declared under data${suggestion} (${known})`)
    })
    const { run, ...command } = this.command(['evaluate'], raw)
    return {
      run: run ?? raw.run,
      ...command,
      data: [...names],
      ...(raw.predictions !== undefined && { predictions: predictionsOf(raw.predictions) }),
      ...(raw.bootstrap !== undefined && { bootstrap: { ...raw.bootstrap } })
    }
  }

  metrics(): MetricSpec[] {
    const metrics = Object.entries(this.raw.metrics).map(([name, metric]): MetricSpec => {
      const segments = ['metrics', name]
      if (metric.min !== undefined && metric.max !== undefined && metric.min > metric.max) {
        this.problem(this.source.valueAt([...segments, 'min']), `metrics.${name}: min (${metric.min}) is greater than max (${metric.max}); no value could pass`)
      }
      const change = (metric.change ?? []).map((rule, i): ChangeRuleSpec => ({
        ...(rule.margin !== undefined && { margin: rule.margin }),
        ...(rule['relative-margin'] !== undefined && { relativeMargin: rule['relative-margin'] }),
        ...(rule.confidence !== undefined && { confidence: rule.confidence }),
        against: rule.against ?? 'champion',
        location: this.source.valueAt([...segments, 'change', String(i)])
      }))
      return {
        name,
        goal: metric.goal,
        ...(metric.compute !== undefined && { compute: metric.compute }),
        ...(metric.min !== undefined && { min: metric.min }),
        ...(metric.max !== undefined && { max: metric.max }),
        change,
        ...(metric.slices !== undefined && {
          slices: {
            maxRegression: metric.slices['max-regression'],
            ...(metric.slices['min-size'] !== undefined && { minSize: metric.slices['min-size'] }),
            ...(metric.slices.confidence !== undefined && { confidence: metric.slices.confidence })
          }
        }),
        location: this.source.keyAt(['metrics'], name)
      }
    })
    // When in doubt, never promote: a spec whose rules cannot fail would bless any candidate.
    if (!metrics.some(m => m.min !== undefined || m.max !== undefined || m.change.length > 0 || m.slices !== undefined)) {
      this.problem(this.source.keyAt([], 'metrics'), NO_RULE_MESSAGE)
    }
    return metrics
  }
}

const MAX_YAML_ERRORS = 10

/** Parses, turning a parser that gives up (a stack overflow in a pathological file) into a spec error. */
function parseSource(text: string, file: string): Source {
  try {
    return new Source(text, file)
  } catch (error) {
    throw new InputError([
      { file, line: 1, col: 1, message: `invalid YAML: the parser gave up (${(error as Error).message}); a spec needs only a few levels of nesting` }
    ])
  }
}

/** Longest message a problem keeps: a value quoted in full could be megabytes. */
const MAX_MESSAGE = 2000

function buildSpec(text: string, digest: string, file: string, cwd: string): Spec {
  try {
    return buildSpecUnbounded(text, digest, file, cwd)
  } catch (error) {
    if (!(error instanceof InputError) || error.problems.every(p => p.message.length <= MAX_MESSAGE)) throw error
    throw new InputError(
      error.problems.map(p => (p.message.length <= MAX_MESSAGE ? p : { ...p, message: `${p.message.slice(0, MAX_MESSAGE)}... (message cut)` })),
      error.reason
    )
  }
}

function buildSpecUnbounded(text: string, digest: string, file: string, cwd: string): Spec {
  const source = parseSource(text, displayName(file, cwd))
  if (source.doc.errors.length) {
    // A deep document makes the parser record one error per level it unwinds: the first few say it.
    const all = source.doc.errors.map(e => ({
      ...source.at(e.pos[0]),
      message:
        e.code === 'RESOURCE_EXHAUSTION'
          ? 'invalid YAML: the spec nests too deeply for the parser here; a spec needs only a few levels'
          : `invalid YAML: ${e.message}`
    }))
    const unique = [...new Map(all.map(p => [`${p.line}:${p.col}:${p.message}`, p])).values()]
    const shown = unique.slice(0, MAX_YAML_ERRORS)
    const more = unique.length - shown.length
    if (more > 0) shown.push({ ...shown[shown.length - 1]!, message: `... and ${more} more YAML errors` })
    throw new InputError(shown)
  }
  const guarded = source.guardProblems()
  if (guarded.length) throw new InputError(guarded)
  let value: unknown
  try {
    // The guard bounded the aliases' expansion: the YAML library's own counter would only differ.
    value = source.doc.toJS({ maxAliasCount: -1 })
  } catch (error) {
    throw new InputError([{ ...source.at(0), message: `the spec cannot be read as data: ${(error as Error).message}` }])
  }
  if (value === null || value === undefined) {
    throw new InputError([{ ...source.at(0), message: 'the spec is empty; it needs at least model, steps, evaluate, metrics and promotion' }])
  }
  const problems = schemaProblems(source, value)
  if (problems.length) throw new InputError(problems)
  const raw = value as RawSpec
  const builder = new SpecBuilder(source, raw)
  const params = builder.params()
  const data = builder.data()
  const evaluate = builder.evaluate(data)
  const spec: Spec = {
    file,
    root: raw.root !== undefined ? path.resolve(path.dirname(file), raw.root) : path.resolve(cwd),
    digest,
    model: raw.model,
    ...(raw.description !== undefined && { description: raw.description }),
    params,
    data,
    env: builder.env(['env'], raw.env),
    warmStart: raw['warm-start'] ?? 'fallback',
    steps: builder.steps(),
    evaluate,
    metrics: builder.metrics(),
    promotion: {
      mode: raw.promotion.mode,
      firstModel: raw.promotion['first-model'],
      borderline: raw.promotion.borderline ?? 'reject',
      approvers: [...(raw.promotion.approvers ?? [])]
    },
    checks: builder.checks(data),
    drift: builder.drift(['drift'], raw.drift, data, evaluate.data),
    lockfiles: [...(raw.lockfiles ?? [])],
    challengers: []
  }
  if (raw.retention) {
    const { 'keep-rejected': keepRejected, 'keep-retired': keepRetired } = raw.retention
    spec.retention = { ...(keepRejected !== undefined && { keepRejected }), ...(keepRetired !== undefined && { keepRetired }) }
  }
  if (raw['retrain-when']) spec.retrainWhen = { drift: builder.drift(['retrain-when', 'drift'], raw['retrain-when'].drift, data, evaluate.data, spec.drift) }
  const challengers = expandChallengers(raw.challengers, params, source)
  spec.challengers = challengers.challengers
  builder.problems.push(...challengers.problems)
  for (const p of computedMetricProblems(spec)) builder.problems.push({ ...source.valueAt(p.segments), message: p.message })
  if (builder.problems.length) {
    throw new InputError([...builder.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0)))
  }
  return spec
}
