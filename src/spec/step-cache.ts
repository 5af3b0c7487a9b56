/**
 * A step's `cache:` as the loader checks it: its outputs are paths that stay inside where they belong
 * (root, $RETRAIN_WORK_DIR or $RETRAIN_MODEL_DIR), and the data and params it names exist.
 */
import { ContractEnv } from '../contract-names.js'
import { closest } from '../suggest.js'
import { pathEscapeProblem } from './data-paths.js'
import { preview } from './names.js'
import type { CacheOutputRoot, CacheOutputSpec, Raw, SourceLocation, StepCacheSpec } from './types.js'

/** The prefixes an output may start with, and the directory each stands for. */
const OUTPUT_ROOTS: [string, CacheOutputRoot][] = [
  [`$${ContractEnv.workDir}`, 'work'],
  [`$${ContractEnv.modelDir}`, 'model'],
  [`\${${ContractEnv.workDir}}`, 'work'],
  [`\${${ContractEnv.modelDir}}`, 'model']
]

/** Folders of the project a restore must never write into: the repository's and this tool's own. */
const RESERVED = ['.git', '.retrain']

/** An output as written, or why it is refused. */
export function parseCacheOutput(written: string): CacheOutputSpec | string {
  let root: CacheOutputRoot = 'project'
  let rest = written
  for (const [prefix, name] of OUTPUT_ROOTS) {
    if (written === prefix || written.startsWith(`${prefix}/`)) {
      root = name
      rest = written.slice(prefix.length).replace(/^\/+/, '')
      break
    }
  }
  if (rest.includes('\0')) return 'holds a NUL byte'
  if (root === 'project' && rest.includes('$'))
    return `names a variable; only $${ContractEnv.workDir}/ and $${ContractEnv.modelDir}/ may start an output, other paths are relative to root`
  if (/[*?[\]{}]/.test(rest)) return 'is a glob; an output names one file or directory'
  const escape = pathEscapeProblem(rest)
  if (escape)
    return `${escape}; an output stays inside ${root === 'project' ? "the spec's root" : `$${root === 'work' ? ContractEnv.workDir : ContractEnv.modelDir}`}`
  const segments = rest.split(/[\\/]+/).filter(s => s !== '' && s !== '.')
  if (root === 'project' && segments.length === 0) return "is the spec's root itself; name the files or folders the step writes"
  if (root === 'project' && RESERVED.includes(segments[0]!)) return `is under ${segments[0]}, which a restore must not write into`
  return { root, path: segments.join('/'), written }
}

/** Two outputs where one holds the other would be restored twice. */
function overlaps(a: CacheOutputSpec, b: CacheOutputSpec): boolean {
  if (a.root !== b.root) return false
  return a.path === b.path || a.path === '' || b.path === '' || a.path.startsWith(`${b.path}/`) || b.path.startsWith(`${a.path}/`)
}

export interface StepCacheContext {
  stepIndex: number
  dataNames: string[]
  paramNames: string[]
  /** Where a key's value is in the spec. */
  at: (segments: string[]) => SourceLocation
}

export function parseStepCache(raw: Raw.StepCache, ctx: StepCacheContext): { cache: StepCacheSpec; problems: (SourceLocation & { message: string })[] } {
  const problems: (SourceLocation & { message: string })[] = []
  const where = `steps[${ctx.stepIndex}].cache`
  const outputs: CacheOutputSpec[] = []
  raw.outputs.forEach((written, i) => {
    const parsed = parseCacheOutput(written)
    if (typeof parsed === 'string') {
      problems.push({ ...ctx.at(['outputs', String(i)]), message: `${where}.outputs[${i}] ${preview(written)} ${parsed}` })
      return
    }
    const other = outputs.find(o => overlaps(o, parsed))
    if (other) {
      problems.push({
        ...ctx.at(['outputs', String(i)]),
        message: `${where}.outputs[${i}] ${preview(written)} overlaps ${preview(other.written)}; list each output once`
      })
      return
    }
    outputs.push(parsed)
  })
  const known = (kind: 'data' | 'params', names: string[], declared: string[], what: string) =>
    names.forEach((name, i) => {
      if (declared.includes(name)) return
      const near = closest(name, declared)
      problems.push({
        ...ctx.at([kind, String(i)]),
        message: `${where}.${kind}[${i}] names ${preview(name)}, which is not declared under ${what}${near ? `; did you mean "${near}"?` : ''}`
      })
    })
  known('data', raw.data ?? [], ctx.dataNames, 'data')
  if (raw.params) known('params', raw.params, ctx.paramNames, 'params')
  ;(raw.files ?? []).forEach((file, i) => {
    const problem = pathEscapeProblem(file)
    if (problem) problems.push({ ...ctx.at(['files', String(i)]), message: `${where}.files[${i}] ${preview(file)} ${problem}; files are relative to root` })
  })
  return {
    cache: {
      outputs,
      data: [...new Set(raw.data ?? [])],
      files: [...new Set(raw.files ?? [])],
      env: [...new Set(raw.env ?? [])],
      ...(raw.params && { params: [...new Set(raw.params)] }),
      location: ctx.at([])
    },
    problems
  }
}
