/**
 * The CLI's code cache (src/local/code-cache.ts), through the built CLI: the first run of a command
 * writes V8's compiled code, the next one uses it; a damaged file, or one V8 refuses, is ignored and
 * rewritten; concurrent first runs each leave a whole file; a cache folder that cannot be written,
 * or the cache turned off, changes nothing but the cache. RETRAIN_DEBUG_COMPILE_CACHE=1 makes the
 * CLI say on stderr what the cache did, which is what these tests read (never timings).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, makeProject, readJson, retrain, toySpec, type CliResult } from './helpers/project.js'

const MAGIC = Buffer.from('retrain code cache 1\n')
const DIST = path.dirname(CLI)
const SCRIPT = path.join(DIST, 'cli-script.cjs')

let root: string
let project: string
const made: string[] = []

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'retrain-code-cache-'))
  project = await makeProject('test/fixtures/toy', toySpec())
  made.push(root, project)
})
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true })
})

let folders = 0
function cacheFolder(): string {
  return path.join(root, `cache-${folders++}`)
}

function withCache(dir: string, more: Record<string, string> = {}): Record<string, string> {
  return { RETRAIN_COMPILE_CACHE: dir, RETRAIN_DEBUG_COMPILE_CACHE: '1', ...more }
}

/** What the cache said: the `code cache:` lines of stderr, without the file names. */
function said(res: CliResult): string[] {
  return res.stderr
    .split('\n')
    .filter(line => line.startsWith('code cache: '))
    .map(line =>
      line
        .slice('code cache: '.length)
        .replace(/ \/.*$/, '')
        .replace(/^not written: .*/, 'not written')
    )
}

/** Runs a copy of the CLI in `dir` on the project. */
function copyRun(dir: string, args: string[], env: Record<string, string>) {
  const res = spawnSync(process.execPath, [path.join(dir, 'cli.js'), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000
  })
  expect(res.status, res.stderr).toBe(0)
  return { code: res.status, stdout: res.stdout, stderr: res.stderr }
}

async function cacheFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).sort()
}

async function validate(dir: string, more: Record<string, string> = {}): Promise<CliResult> {
  const res = await retrain(project, ['validate', '--spec', 'retrain.yml'], withCache(dir, more))
  expect(res.code, res.stderr).toBe(0)
  expect(res.stdout).toContain('retrain.yml: valid')
  return res
}

/** Rewrites a cache file's V8 data with `change`, keeping the file's own checksum right. */
async function rewriteData(file: string, change: (data: Buffer) => void): Promise<void> {
  const bytes = await readFile(file)
  const data = Buffer.from(bytes.subarray(MAGIC.length + 1 + 32))
  change(data)
  const hash = createHash('sha256').update(data).digest()
  await writeFile(file, Buffer.concat([bytes.subarray(0, MAGIC.length + 1), hash, data]))
}

describe('the code cache', () => {
  it('is written by the first run of a command and used by the next, with the same output', async () => {
    const dir = cacheFolder()
    const first = await validate(dir)
    expect(said(first)).toEqual(['miss', 'written'])
    const files = await cacheFiles(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^[0-9a-f]{32}-validate\.bin$/)
    const second = await validate(dir)
    expect(said(second)).toEqual(['hit'])
    expect(second.stdout).toBe(first.stdout)
    expect(await cacheFiles(dir)).toEqual(files)

    // Another command has its own file; what is not a command shares one; --version alone loads no script.
    const help = await retrain(project, ['--help'], withCache(dir))
    expect(help.code, help.stderr).toBe(0)
    expect(said(help)).toEqual(['miss', 'written'])
    expect(await cacheFiles(dir)).toEqual([...files, files[0]!.replace('validate', 'other')].sort())
    const version = await retrain(project, ['--version'], withCache(dir))
    expect(version.code, version.stderr).toBe(0)
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
    expect(said(version)).toEqual([])
    const versionMore = await retrain(project, ['--version', 'x'], withCache(dir))
    expect(versionMore.code).not.toBe(0)
    expect(versionMore.stderr).toContain('--version takes nothing after it')
    expect(said(versionMore)).toEqual(['hit'])
  })

  it('names its files by the script: the build writes its hash, and an edited script gets new files', async () => {
    const text = await readFile(SCRIPT, 'utf8')
    const last = /\/\/ retrain-script-sha256=([0-9a-f]{64})\n$/.exec(text)
    expect(last, 'the build ends the script with its hash').not.toBeNull()
    expect(createHash('sha256').update(text.slice(0, last!.index)).digest('hex')).toBe(last![1])

    const dir = path.join(root, 'edited')
    await mkdir(dir)
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n')
    for (const file of ['cli.js', 'cli-script.cjs', 'bootstrap-worker.mjs']) await copyFile(path.join(DIST, file), path.join(dir, file))
    await cp(path.join(DIST, 'chunks'), path.join(dir, 'chunks'), { recursive: true })
    const cache = cacheFolder()
    const run = () => copyRun(dir, ['validate', '--spec', 'retrain.yml'], withCache(cache))
    expect(said(run())).toEqual(['miss', 'written'])
    expect(said(run())).toEqual(['hit'])
    // The same length, another text: V8 itself would take the old data for it.
    const edited = text.replace('valid (model', 'VALID (model')
    expect(edited.length).toBe(text.length)
    await writeFile(path.join(dir, 'cli-script.cjs'), edited)
    const after = run()
    expect(after.stdout).toContain('retrain.yml: VALID (model')
    expect(said(after)).toEqual(['miss', 'written'])
    expect(await cacheFiles(cache)).toHaveLength(2)
  })

  it('keeps the files of the two other builds written last, and of none unused for 30 days', async () => {
    const dir = cacheFolder()
    await mkdir(dir, { recursive: true })
    const day = 24 * 3600
    const now = Date.now() / 1000
    // Other builds (or Node versions), written 1 to 4 days ago, and one 31 days ago; a temporary file of two hours.
    const others = [
      { build: 'a'.repeat(32), age: 1 * day },
      { build: 'b'.repeat(32), age: 2 * day },
      { build: 'c'.repeat(32), age: 3 * day },
      { build: 'd'.repeat(32), age: 4 * day },
      { build: 'e'.repeat(32), age: 31 * day }
    ]
    for (const { build, age } of others) {
      for (const command of ['run', 'validate']) {
        const file = path.join(dir, `${build}-${command}.bin`)
        await writeFile(file, 'old')
        await utimes(file, now - age, now - age)
      }
    }
    // Build b's run file was written after a's: a build counts from its newest file.
    await utimes(path.join(dir, `${'b'.repeat(32)}-run.bin`), now - day / 2, now - day / 2)
    const temp = path.join(dir, `${'a'.repeat(32)}-run.bin.1-00.tmp`)
    await writeFile(temp, 'partial')
    await utimes(temp, now - 7200, now - 7200)

    expect(said(await validate(dir))).toEqual(['miss', 'written'])
    const files = await cacheFiles(dir)
    const current = files.filter(name => !/^[a-e]{32}-/.test(name))
    expect(current).toEqual([expect.stringMatching(/^[0-9a-f]{32}-validate\.bin$/)])
    expect(files.filter(name => !current.includes(name))).toEqual(
      [`${'a'.repeat(32)}-run.bin`, `${'a'.repeat(32)}-validate.bin`, `${'b'.repeat(32)}-run.bin`, `${'b'.repeat(32)}-validate.bin`].sort()
    )
  })

  it('gives every command of the usage text a file of its own', async () => {
    const dir = cacheFolder()
    const usage = await retrain(project, ['--help'], withCache(dir))
    const commands = [...new Set([...usage.stdout.matchAll(/^ {2}retrain ([a-z]+) /gm)].map(m => m[1]!))]
    expect(commands).toEqual(expect.arrayContaining(['run', 'validate', 'status', 'compare', 'train', 'evaluate']))
    for (const command of commands) {
      const res = await retrain(project, [command, '--help'], withCache(dir))
      expect(res.code, res.stderr).toBe(0)
      const line = res.stderr.split('\n').find(l => l.startsWith('code cache: '))
      expect(line, `${command}: ${res.stderr}`).toMatch(new RegExp(`-${command}\\.bin$`))
    }
  })

  it('serves a real run and the processes it starts, which decide as without it', async () => {
    const dir = cacheFolder()
    const outs = [path.join(project, 'out-cache-1'), path.join(project, 'out-cache-2'), path.join(project, 'out-cache-3')]
    const runs: CliResult[] = []
    for (const [i, out] of outs.entries()) {
      const env: Record<string, string> = i === 2 ? { RETRAIN_NO_COMPILE_CACHE: '1' } : {}
      const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', out], withCache(dir, env))
      expect(res.code, res.stderr).toBe(0)
      runs.push(res)
    }
    expect(said(runs[0]!)).toEqual(['miss', 'written'])
    expect(said(runs[1]!)).toEqual(['hit'])
    expect(said(runs[2]!)).toEqual(['off'])
    const results = await Promise.all(outs.map(out => readJson<{ decision: unknown; candidate: { metrics: unknown } }>(path.join(out, 'result.json'))))
    expect(results[0]!.decision).toBeDefined()
    for (const result of results.slice(1)) {
      expect(result.decision).toEqual(results[0]!.decision)
      expect(result.candidate.metrics).toEqual(results[0]!.candidate.metrics)
    }
  })

  it('ignores and rewrites a damaged file', async () => {
    const dir = cacheFolder()
    await validate(dir)
    const [name] = await cacheFiles(dir)
    const file = path.join(dir, name!)
    const bytes = await readFile(file)
    bytes[bytes.length - 10]! ^= 0xff
    await writeFile(file, bytes)
    expect(said(await validate(dir))).toEqual(['damaged', 'written'])
    expect(said(await validate(dir))).toEqual(['hit'])

    await writeFile(file, 'not a cache')
    expect(said(await validate(dir))).toEqual(['damaged', 'written'])
    await writeFile(file, '')
    expect(said(await validate(dir))).toEqual(['damaged', 'written'])
    expect(said(await validate(dir))).toEqual(['hit'])
  })

  it('rewrites data that V8 refuses (another V8, other flags)', async () => {
    const dir = cacheFolder()
    await validate(dir)
    const [name] = await cacheFiles(dir)
    // V8's data starts with its magic number and its version's hash.
    await rewriteData(path.join(dir, name!), data => data.fill(0, 0, 8))
    expect(said(await validate(dir))).toEqual(['rejected', 'written'])
    expect(said(await validate(dir))).toEqual(['hit'])
  })

  it('keeps whole files when first runs write at the same time', async () => {
    const dir = cacheFolder()
    const runs = await Promise.all(Array.from({ length: 6 }, () => retrain(project, ['validate', '--spec', 'retrain.yml'], withCache(dir))))
    for (const res of runs) {
      expect(res.code, res.stderr).toBe(0)
      expect(res.stdout).toContain('retrain.yml: valid')
      // A run that starts after another one has written finds the cache.
      expect([['miss', 'written'], ['hit']]).toContainEqual(said(res))
    }
    expect(runs.filter(res => said(res)[0] === 'miss').length).toBeGreaterThan(0)
    const files = await cacheFiles(dir)
    expect(files, 'no temporary file is left').toHaveLength(1)
    expect(said(await validate(dir))).toEqual(['hit'])
  })

  it('works without the cache where its folder cannot be written', async () => {
    // A file where the folder would be: refused whoever runs the tests (root may write anywhere else).
    const blocker = path.join(root, 'a-file')
    await writeFile(blocker, 'in the way')
    const dir = path.join(blocker, 'cache')
    expect(said(await validate(dir))).toEqual(['miss', 'not written'])
    expect(said(await validate(dir))).toEqual(['miss', 'not written'])
    expect(await readFile(blocker, 'utf8')).toBe('in the way')
  })

  // Root may write into a read-only folder, so this one runs only for other users (as in CI).
  it.skipIf(process.getuid?.() === 0)('works without the cache where its folder is read-only', async () => {
    const dir = cacheFolder()
    await mkdir(dir)
    await chmod(dir, 0o500)
    try {
      expect(said(await validate(dir))).toEqual(['miss', 'not written'])
      expect(await cacheFiles(dir)).toEqual([])
    } finally {
      await chmod(dir, 0o700)
    }
  })

  it('is off with RETRAIN_NO_COMPILE_CACHE=1, and writes nothing', async () => {
    const dir = cacheFolder()
    expect(said(await validate(dir, { RETRAIN_NO_COMPILE_CACHE: '1' }))).toEqual(['off'])
    expect(existsSync(dir)).toBe(false)
  })

  it('replaces a file written after a failed command once the command succeeds', async () => {
    const dir = cacheFolder()
    await writeFile(path.join(project, 'broken.yml'), 'model: toy\nsteps: 3\n')
    const failed = await retrain(project, ['validate', '--spec', 'broken.yml'], withCache(dir))
    expect(failed.code).not.toBe(0)
    expect(failed.stderr).toContain('broken.yml')
    expect(said(failed)).toEqual(['miss', 'written'])
    expect(said(await validate(dir))).toEqual(['hit', 'written'])
    expect(said(await validate(dir))).toEqual(['hit'])
  })

  it('is not needed: without the script beside it, the CLI loads its chunks', async () => {
    const dir = path.join(root, 'chunks-only')
    await mkdir(dir)
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n')
    await copyFile(CLI, path.join(dir, 'cli.js'))
    await cp(path.join(path.dirname(CLI), 'chunks'), path.join(dir, 'chunks'), { recursive: true })
    const cache = cacheFolder()
    const copy = copyRun(dir, ['validate', '--spec', 'retrain.yml'], withCache(cache))
    expect(copy.stdout).toContain('retrain.yml: valid')
    expect(copy.stderr).not.toContain('code cache:')
    // (On Node 22.1+ the chunks' own compile cache may write under modules/; no script data is written.)
    expect((await cacheFiles(cache)).filter(name => name.endsWith('.bin'))).toEqual([])
  })
})
