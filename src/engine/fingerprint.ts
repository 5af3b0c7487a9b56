/**
 * Data inputs are identified by content: each input's files are hashed, and the input's fingerprint
 * is the hash of its sorted (path, sha256) pairs, so a renamed or touched file changes nothing and an
 * edited one changes everything.
 */
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { glob, isDynamicPattern } from 'tinyglobby'
import { InputError, type InputProblem } from '../errors.js'
import type { DataInputSpec } from '../spec/types.js'
import type { DataFingerprint } from './manifest.js'
import { sha256File } from './bundle.js'

export interface ResolvedDataInput extends DataFingerprint {
  name: string
  /** Absolute paths of the matched files, sorted. */
  absolutePaths: string[]
}

async function expand(root: string, pattern: string): Promise<string[]> {
  if (!isDynamicPattern(pattern)) {
    const file = path.resolve(root, pattern)
    const info = await stat(file).catch(() => null)
    return info?.isFile() ? [file] : []
  }
  const matches = await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: false })
  return matches.sort()
}

export async function fingerprintData(root: string, inputs: Record<string, DataInputSpec>): Promise<Record<string, ResolvedDataInput>> {
  const problems: InputProblem[] = []
  const resolved: Record<string, ResolvedDataInput> = {}
  for (const [name, input] of Object.entries(inputs)) {
    const found = new Set<string>()
    for (const pattern of input.paths) {
      const matches = await expand(root, pattern)
      if (matches.length === 0) problems.push({ message: `data input "${name}": "${pattern}" matches no file under ${root}` })
      for (const m of matches) found.add(m)
    }
    const absolutePaths = [...found].sort()
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
