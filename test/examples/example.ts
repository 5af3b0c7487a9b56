/**
 * Shared by the examples' tests: a copy of an example in a temporary directory, generations run
 * through the built CLI (`node dist/cli.js run`) as a user runs them, and the bundles they stored.
 */
import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect } from 'vitest'
import { REPO, retrain, type CliResult } from '../helpers/project.js'

/** Debian's interpreter: python3-sklearn and python3-torch are importable there, not necessarily elsewhere. */
export const SYSTEM_PYTHON = '/usr/bin/python3'

/** Null when every module imports in /usr/bin/python3; otherwise why not, for a skip message. */
export function missingPython(modules: string[]): string | null {
  const r = spawnSync(SYSTEM_PYTHON, ['-c', modules.map(m => `import ${m}`).join('; ')], { encoding: 'utf8' })
  if (r.error) return `${SYSTEM_PYTHON} is not available (${r.error.message})`
  if (r.status !== 0)
    return `${SYSTEM_PYTHON} cannot import ${modules.join(', ')} (install Debian's ${modules.map(m => `python3-${m === 'sklearn' ? 'sklearn' : m}`).join(', ')}): ${r.stderr.trim().split('\n').at(-1)}`
  return null
}

/** A copy of examples/<name> (without any .retrain or node_modules left in it) in a fresh temporary directory. */
export async function copyExample(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `retrain-example-${name}-`))
  await cp(path.join(REPO, 'examples', name), dir, {
    recursive: true,
    filter: source => !/(^|\/)(\.retrain|node_modules|__pycache__)(\/|$)/.test(path.relative(path.join(REPO, 'examples', name), source))
  })
  return dir
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true })
}

export interface Generation extends CliResult {
  result: any
  report: string
  out: string
}

/** One `retrain run` of the example's spec, its outputs in `out/<label>`; fails the test on a non-zero exit. */
export async function runGeneration(cwd: string, label: string, args: string[] = [], env: Record<string, string> = {}): Promise<Generation> {
  const out = path.join(cwd, 'out', label)
  const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', out, ...args], env)
  expect(res.code, `retrain run (${label}) exited ${res.code}:\n${res.stderr.slice(-4000)}`).toBe(0)
  const result = JSON.parse(await readFile(path.join(out, 'result.json'), 'utf8'))
  const report = await readFile(path.join(out, 'report.md'), 'utf8')
  return { ...res, result, report, out }
}

/** Unpacks version N's bundle from the local registry into a fresh directory and returns it. */
export function unpackVersion(cwd: string, model: string, version: number): string {
  const archive = path.join(cwd, '.retrain/registry', model, 'versions', String(version), 'model.tar')
  const dir = spawnSync('mktemp', ['-d']).stdout.toString().trim()
  const r = spawnSync('tar', ['-xf', archive, '-C', dir], { encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  return dir
}

export async function readJsonFile<T = unknown>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}

/** `retrain status --json` of the example. */
export async function status(cwd: string): Promise<{ champion: number | null; [key: string]: unknown }> {
  const res = await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])
  expect(res.code, res.stderr).toBe(0)
  return JSON.parse(res.stdout)
}
