/**
 * Data inputs are identified by content: each input's files are hashed, and the input's fingerprint
 * is the hash of its sorted (path, sha256) pairs, so a renamed or touched file changes nothing and an
 * edited one changes everything.
 */
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { InputError, type InputProblem } from '../errors.js'
import { dataEnvName } from '../contract-names.js'
import { describeEscape, pathEscapeProblem } from '../spec/data-paths.js'
import { evaluateExpression, referencedParams, scanTemplate, skeletonOf, type ExpressionContexts } from '../spec/expressions.js'
import type { DataInputSpec, SourceLocation } from '../spec/types.js'
import type { DataFingerprint } from './manifest.js'
import { sha256File } from './bundle.js'

export interface ResolvedDataInput extends DataFingerprint {
  name: string
  /** Absolute paths of the matched files, sorted. */
  absolutePaths: string[]
}

/**
 * The glob library is loaded only for a spec whose data paths could be globs: without any of these
 * characters picomatch (which tinyglobby asks) sees no wildcard, brace, class, extglob or negation.
 * A path's `${{ }}` counts too, so a path with expressions loads it.
 */
const GLOB_CHARACTERS = /[*?[\]{}()!+@\\]/
let globs: typeof import('tinyglobby') | undefined

/** Whether `pattern` is a glob; fingerprintData has loaded the library if any path could be one. */
function isDynamic(pattern: string): boolean {
  if (!GLOB_CHARACTERS.test(pattern)) return false
  if (globs === undefined) throw new Error(`internal error: the glob library is not loaded for ${JSON.stringify(pattern)}`)
  return globs.isDynamicPattern(pattern)
}

async function expand(root: string, pattern: string, literal = !isDynamic(pattern)): Promise<string[]> {
  if (literal) {
    const file = path.resolve(root, pattern)
    const info = await stat(file).catch(() => null)
    return info?.isFile() ? [file] : []
  }
  const matches = await globs!.glob(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: false })
  return matches.sort()
}

/** A data path as this run reads it: its expressions evaluated. */
interface DataPath {
  pattern: string
  /** One file's path, not a glob: the spec's text has no wildcard, whatever the values hold. */
  literal?: boolean
  /** How the spec wrote it, when it held expressions, for messages. */
  written?: string
}

/** Who gave a value: `params.batch` for a plain reference, else the expression and the params it reads. */
function sourceOf(expression: string): string {
  const names = referencedParams(expression)
  const plain = /^params\s*\.\s*([A-Za-z_][\w-]*)$/.exec(expression)?.[1]
  if (plain !== undefined && names.length === 1) return `params.${plain}`
  return `\${{ ${expression} }}${names.length ? ` (from ${names.map(n => `params.${n}`).join(', ')})` : ''}`
}

/**
 * Evaluates the `${{ }}` expressions of a data path (contexts params and github). A value is data,
 * never pattern text: in a glob its wildcards are escaped; and since data paths resolve under root, a
 * value that is absolute or holds a `..` segment is refused, naming where it came from.
 */
function evaluateDataPath(
  text: string,
  contexts: ExpressionContexts,
  refuse: (source: string, value: string, problem: string) => void,
  where?: SourceLocation
): DataPath | null {
  const { spans } = scanTemplate(text)
  if (spans.length === 0) return { pattern: text }
  const isGlob = isDynamic(skeletonOf(text, spans))
  let pattern = ''
  let refused = false
  const sources: string[] = []
  let from = 0
  for (const span of spans) {
    const value = evaluateExpression(span.expression, contexts, where)
    const source = sourceOf(span.expression)
    sources.push(source)
    const problem = pathEscapeProblem(value)
    if (problem) {
      refuse(source, value, problem)
      refused = true
    }
    pattern += text.slice(from, span.start) + (isGlob ? globs!.escapePath(value) : value)
    from = span.end
  }
  pattern += text.slice(from)
  if (refused) return null
  // Values that are fine alone may still join into a ".." segment.
  const problem = pathEscapeProblem(pattern)
  if (problem) {
    refuse(`the path from ${sources.join(' and ')}`, pattern, problem)
    return null
  }
  return { pattern, literal: !isGlob, written: text }
}

/**
 * Fingerprints every data input; the expressions in its paths are evaluated first with `contexts`
 * (params and github), so the files listed are those this run reads.
 */
export async function fingerprintData(
  root: string,
  inputs: Record<string, DataInputSpec>,
  contexts: ExpressionContexts = {}
): Promise<Record<string, ResolvedDataInput>> {
  if (Object.values(inputs).some(input => input.paths.some(text => GLOB_CHARACTERS.test(text)))) globs ??= await import('tinyglobby')
  const refused: InputProblem[] = []
  const evaluated = Object.entries(inputs).map(([name, input]) => {
    const paths = input.paths.map((text, i) => {
      const where = input.locations?.[i]
      const refuse = (source: string, value: string, problem: string) => refused.push({ ...where, message: describeEscape(name, source, value, problem, root) })
      return evaluateDataPath(text, contexts, refuse, where)
    })
    return [name, paths.filter((p): p is DataPath => p !== null)] as const
  })
  if (refused.length > 0) throw new InputError(refused, 'data-outside-root')
  const problems: InputProblem[] = []
  const resolved: Record<string, ResolvedDataInput> = {}
  for (const [name, paths] of evaluated) {
    const found = new Set<string>()
    for (const { pattern, literal, written } of paths) {
      const matches = await expand(root, pattern, literal)
      if (matches.length === 0) {
        const from = written === undefined ? '' : ` (from ${JSON.stringify(written)})`
        problems.push({ message: `data input "${name}": "${pattern}"${from} matches no file under ${root}` })
      }
      for (const m of matches) found.add(m)
    }
    const absolutePaths = [...found].sort()
    // RETRAIN_DATA_<NAME> holds one path a line: a name with a line break would reach steps as other paths.
    const broken = absolutePaths.filter(file => /[\r\n]/.test(file))
    if (broken.length > 0) {
      throw new InputError(
        broken.map(file => ({
          message:
            `data input "${name}": the file ${JSON.stringify(path.relative(root, file))} has a line break in its name, which ` +
            `$${dataEnvName(name)} (one path a line) cannot carry; rename the file`
        })),
        'data-file-name'
      )
    }
    const files = []
    for (const file of absolutePaths) {
      const [sha256, info] = await Promise.all([sha256File(file), stat(file)])
      files.push({ path: path.relative(root, file).split(path.sep).join('/'), sha256, size: info.size })
    }
    const hash = createHash('sha256')
    for (const f of files) hash.update(`${f.path}\0${f.sha256}\n`)
    resolved[name] = { name, absolutePaths, files, fingerprint: hash.digest('hex') }
  }
  if (problems.length > 0) throw new InputError(problems, 'missing-data')
  return resolved
}

/** Hashes of evaluation files that also appear among training files: a leak that invalidates evaluation. */
export function findLeaks(
  evaluation: Record<string, DataFingerprint>,
  training: Record<string, DataFingerprint>
): { evaluationInput: string; trainingInput: string; file: string }[] {
  const trainingByHash = new Map<string, string>()
  for (const [name, input] of Object.entries(training)) {
    trainingByHash.set(input.fingerprint, name)
    // Empty files are alike whatever they meant; they carry no examples to leak.
    for (const f of input.files) if (f.size > 0) trainingByHash.set(f.sha256, name)
  }
  const leaks = []
  for (const [name, input] of Object.entries(evaluation)) {
    const whole = trainingByHash.get(input.fingerprint)
    if (whole !== undefined) leaks.push({ evaluationInput: name, trainingInput: whole, file: '(the whole input)' })
    for (const f of input.files) {
      const hit = f.size > 0 ? trainingByHash.get(f.sha256) : undefined
      if (hit !== undefined && whole === undefined) leaks.push({ evaluationInput: name, trainingInput: hit, file: f.path })
    }
  }
  return leaks
}
