/**
 * Runs the built CLI as a subprocess against a temporary project (a copy of a fixture), as a user
 * would from a terminal.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CLI = path.join(REPO, 'dist/cli.js')

/**
 * The text of a bundle in dist/ and of the chunks it imports, in turn: the CLI is split into
 * dist/cli.js and dist/chunks/, loaded per command. With `loadedLater: false`, only the chunks
 * loaded at start (static imports), not those a command loads with `import()`.
 */
export function bundleWithChunks(bundle: string, { loadedLater = true } = {}): string {
  const seen = new Set<string>()
  const texts: string[] = []
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    texts.push(text)
    // esbuild's own import lines (`} from "./chunks/chunk-X.js";`, `import "./chunk-Y.js";`) and import() calls.
    const chunks = [
      ...text.matchAll(/^(?:import|.*\bfrom) "(\.\/[\w/.-]+\.js)";$/gm),
      ...(loadedLater ? text.matchAll(/\bimport\("(\.\/[\w/.-]+\.js)"\)/g) : [])
    ]
    for (const [, chunk] of chunks) visit(path.resolve(path.dirname(file), chunk!))
  }
  visit(path.join(REPO, 'dist', bundle))
  return texts.join('\n')
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

export async function makeProject(fixture: string, spec?: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-e2e-'))
  await cp(path.join(REPO, fixture), dir, { recursive: true })
  if (spec !== undefined) await writeFile(path.join(dir, 'retrain.yml'), spec)
  return dir
}

export function retrain(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

/** Every file under `dir` with its sha256, to show a directory is byte-for-byte unchanged. */
export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, e.name)
      if (e.isDirectory()) await walk(p)
      else
        out[path.relative(dir, p)] = createHash('sha256')
          .update(await readFile(p))
          .digest('hex')
    }
  }
  await walk(dir)
  return out
}

export async function readJson<T = any>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

export interface ToySpecOptions {
  mode?: 'auto' | 'gate' | 'dry-run'
  firstModel?: 'promote' | 'gate' | 'reject'
  /** The training step's script, one command a line. */
  train?: string
  /** The training step's name. */
  stepName?: string
  /** More keys of the training step, such as `timeout-minutes: 1`. */
  stepKeys?: string
  /** The score's change rule: 0 must improve; a large negative margin accepts any candidate. */
  margin?: number
  warmStart?: 'required' | 'fallback'
}

/**
 * The spec of the toy project (test/fixtures/toy), whose model is one weight: the champion's plus
 * the param "delta", so tests choose improvements and regressions.
 */
export function toySpec({
  mode = 'auto',
  firstModel = 'promote',
  train = 'node train.mjs',
  stepName = 'Train',
  stepKeys = '',
  margin = 0,
  warmStart
}: ToySpecOptions = {}): string {
  const script = train
    .split('\n')
    .map(line => `      ${line}`)
    .join('\n')
  return `# a toy model whose weight is the champion's plus "delta"
model: toy
root: .
params:
  delta: { type: number, default: 1 }
  fail: { type: boolean, default: false }
  note: { type: string, default: "" }
data:
  train: data/train.csv
  eval: data/eval.csv
${warmStart ? `warm-start: ${warmStart}\n` : ''}steps:
  - name: ${stepName}${stepKeys ? `\n    ${stepKeys}` : ''}
    run: |
${script}
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: ${margin}
  loss:
    goal: minimize
promotion:
  mode: ${mode}
  first-model: ${firstModel}
`
}
