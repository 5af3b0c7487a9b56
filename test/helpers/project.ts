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
