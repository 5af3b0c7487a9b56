/**
 * The run-cache through the built CLI: a step whose key is unchanged is skipped (a counter file it
 * appends to outside its outputs does not grow) and its outputs come back byte for byte; any part of
 * the key changing (command, a param, a named environment variable, a data input, a declared file,
 * the tool's version) is a miss; a damaged entry is a miss with a warning, never a wrong restore.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { appendFile, cp, mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO, makeProject, readJson, retrain, treeDigest, type CliResult } from './helpers/project.js'

/** Writes outputs that differ on every run (a random nonce), so a restore is told apart from a rerun. */
const PREPARE = `import { randomBytes } from 'node:crypto'
import { appendFileSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs'
import path from 'node:path'
appendFileSync('counter.txt', 'prepare ran\\n')
const rows = readFileSync(process.env.RETRAIN_DATA_TRAIN, 'utf8').trim().split('\\n').length - 1
mkdirSync('features/nested/empty', { recursive: true })
const nonce = randomBytes(8).toString('hex')
writeFileSync('features/rows.csv', \`rows,seed,scale,nonce\\n\${rows},\${process.env.SEED ?? ''},\${process.env.SCALE},\${nonce}\\n\`)
writeFileSync('features/nested/blob.bin', randomBytes(70000))
writeFileSync('features/run.sh', '#!/bin/sh\\necho hi\\n')
chmodSync('features/run.sh', 0o755)
writeFileSync(path.join(process.env.RETRAIN_WORK_DIR, 'prepared.json'), JSON.stringify({ rows, nonce }))
if (process.env.RETRAIN_PARAM_FAIL === 'true') process.exit(9)
`

function spec({ command = 'node prepare.mjs', outputs = '[features, $RETRAIN_WORK_DIR/prepared.json]' } = {}): string {
  return `model: toy
root: .
params:
  delta: { type: number, default: 1 }
  note: { type: string, default: "" }
  fail: { type: boolean, default: false }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Prepare
    run: ${command}
    env:
      SCALE: "2"
    cache:
      outputs: ${outputs}
      data: [train]
      files: [prepare.mjs]
      env: [SEED]
      params: [note, fail]
  - name: Train
    run: |
      cp "$RETRAIN_WORK_DIR/prepared.json" seen-prepared.json
      node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: -100
promotion:
  mode: auto
  first-model: promote
`
}

async function project(text = spec()): Promise<string> {
  const cwd = await makeProject('test/fixtures/toy', text)
  await writeFile(path.join(cwd, 'prepare.mjs'), PREPARE)
  return cwd
}

let runs = 0
async function run(cwd: string, args: string[] = [], env: Record<string, string> = {}, cli?: string): Promise<CliResult & { result: any }> {
  const out = `out/${++runs}`
  const argv = ['run', '--spec', 'retrain.yml', '--out', out, ...args]
  const res = cli ? await runCli(cli, cwd, argv, env) : await retrain(cwd, argv, env)
  const file = path.join(cwd, out, 'result.json')
  return { ...res, result: existsSync(file) ? await readJson(file) : null }
}

function runCli(cli: string, cwd: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

async function counter(cwd: string): Promise<number> {
  return (await readFile(path.join(cwd, 'counter.txt'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length
}

const prepareRecord = (result: any) => result.steps.find((s: any) => s.id === 'prepare')

async function entries(cwd: string): Promise<string[]> {
  return (await readdir(path.join(cwd, '.retrain/cache')).catch(() => [] as string[])).filter(n => !n.startsWith('.')).sort()
}

describe('the run-cache through the CLI', () => {
  it('a hit skips the step and restores its outputs byte for byte; every part of the key changing is a miss', async () => {
    const cwd = await project()
    const first = await run(cwd)
    expect(first.code, first.stderr).toBe(0)
    expect(await counter(cwd)).toBe(1)
    const key = prepareRecord(first.result).cache.key as string
    expect(key).toMatch(/^retrain-prepare-[0-9a-f]{64}$/)
    expect(prepareRecord(first.result).cache.restored).toBe(false)
    expect(first.stderr).toMatch(/outputs stored in the cache as retrain-prepare-/)
    expect(await entries(cwd)).toEqual([key])
    const outputs = await treeDigest(path.join(cwd, 'features'))
    const prepared = await readFile(path.join(cwd, 'seen-prepared.json'), 'utf8')
    expect(Object.keys(outputs).sort()).toEqual(['nested/blob.bin', 'rows.csv', 'run.sh'])

    // The outputs are gone (and one replaced by junk) before the rerun: the hit must bring them back.
    await rm(path.join(cwd, 'features'), { recursive: true })
    await mkdir(path.join(cwd, 'features'))
    await writeFile(path.join(cwd, 'features/stale.txt'), 'not from the cache')
    await rm(path.join(cwd, 'seen-prepared.json'))
    const hit = await run(cwd)
    expect(hit.code, hit.stderr).toBe(0)
    expect(await counter(cwd), 'the step did not run').toBe(1)
    expect(prepareRecord(hit.result).cache).toEqual({ key, restored: true })
    expect(hit.stderr).toContain(`Step Prepare: restored from cache ${key}`)
    expect(await treeDigest(path.join(cwd, 'features'))).toEqual(outputs)
    expect(existsSync(path.join(cwd, 'features/nested/empty')), 'empty folders come back too').toBe(true)
    expect((await import('node:fs')).statSync(path.join(cwd, 'features/run.sh')).mode & 0o111).not.toBe(0)
    // The restored work-dir output reached the next step, which did run.
    expect(await readFile(path.join(cwd, 'seen-prepared.json'), 'utf8')).toBe(prepared)
    const manifest = await readJson(path.join(cwd, `out/${runs}/bundle/manifest.json`))
    expect(manifest.lineage.stepCache).toEqual([{ step: 'prepare', key, restored: true }])
    expect(await readFile(path.join(cwd, `out/${runs}/report.md`), 'utf8')).toContain(`Prepare (restored from cache ${key})`)

    // A param the step does not name (delta) keeps the hit; --no-cache runs it anyway.
    const other = await run(cwd, ['--param', 'delta=2'])
    expect(prepareRecord(other.result).cache).toEqual({ key, restored: true })
    expect(await counter(cwd)).toBe(1)
    const forced = await run(cwd, ['--no-cache'])
    expect(forced.code, forced.stderr).toBe(0)
    expect(await counter(cwd)).toBe(2)
    expect(prepareRecord(forced.result).cache).toBeUndefined()

    const keys = new Set([key])
    const expectMiss = async (what: string, result: Awaited<ReturnType<typeof run>>) => {
      expect(result.code, `${what}: ${result.stderr}`).toBe(0)
      const record = prepareRecord(result.result).cache
      expect(record.restored, what).toBe(false)
      expect(keys.has(record.key), `${what} changes the key`).toBe(false)
      keys.add(record.key)
    }
    let count = await counter(cwd)
    const ran = async (what: string) => {
      expect(await counter(cwd), `${what}: the step ran`).toBe(++count)
    }
    // A param it names.
    await expectMiss('a param', await run(cwd, ['--param', 'note=other']))
    await ran('a param')
    // A named environment variable, and the same value again is a hit.
    await expectMiss('an env variable', await run(cwd, [], { SEED: '7' }))
    await ran('an env variable')
    const again = await run(cwd, [], { SEED: '7' })
    expect(prepareRecord(again.result).cache.restored).toBe(true)
    expect(await counter(cwd)).toBe(count)
    // The step's own env in the spec.
    await writeFile(path.join(cwd, 'retrain.yml'), spec().replace('SCALE: "2"', 'SCALE: "3"'))
    await expectMiss("the step's env", await run(cwd))
    await ran("the step's env")
    // The command text.
    await writeFile(path.join(cwd, 'retrain.yml'), spec({ command: 'node prepare.mjs --again' }))
    await expectMiss('the command', await run(cwd))
    await ran('the command')
    // A data input's content.
    await appendFile(path.join(cwd, 'data/train.csv'), '9,9\n')
    await expectMiss('a data input', await run(cwd))
    await ran('a data input')
    // A file it declares.
    await appendFile(path.join(cwd, 'prepare.mjs'), '// changed\n')
    await expectMiss('a declared file', await run(cwd))
    await ran('a declared file')
    // The tool's version: the same built CLI, as a release with another version would be.
    const cli = await toolWithVersion('0.1.0-cache-test')
    await expectMiss('the tool version', await run(cwd, [], {}, cli))
    await ran('the tool version')
    const sameTool = await run(cwd, [], {}, cli)
    expect(prepareRecord(sameTool.result).cache.restored).toBe(true)
    expect(sameTool.result.steps.length).toBe(4)
  })

  it('a failed step stores nothing; a damaged entry is a miss with a warning, and is replaced', async () => {
    const cwd = await project()
    const failed = await run(cwd, ['--param', 'fail=true'])
    expect(failed.code).toBe(3)
    expect(await counter(cwd)).toBe(1)
    expect(await entries(cwd), 'a failed step stores nothing').toEqual([])

    const first = await run(cwd)
    expect(first.code, first.stderr).toBe(0)
    const key = prepareRecord(first.result).cache.key
    const outputs = await treeDigest(path.join(cwd, 'features'))
    // One byte of one file changes in the stored entry: the restore must not use it.
    const stored = path.join(cwd, '.retrain/cache', key, 'files/project/features/rows.csv')
    const bytes = await readFile(stored)
    bytes[0] = bytes[0]! ^ 1
    await writeFile(stored, bytes)
    const damaged = await run(cwd)
    expect(damaged.code, damaged.stderr).toBe(0)
    expect(damaged.stderr).toMatch(new RegExp(`the cache entry ${key} was not used: its file project/features/rows.csv is damaged.*running the step`))
    expect(await counter(cwd), 'the step ran').toBe(3)
    expect(prepareRecord(damaged.result).cache).toEqual({ key, restored: false })
    const fresh = await treeDigest(path.join(cwd, 'features'))
    expect(fresh['rows.csv']).not.toBe(outputs['rows.csv'])
    // The damaged entry was replaced by the fresh outputs: the next run restores those.
    const healed = await run(cwd)
    expect(prepareRecord(healed.result).cache.restored).toBe(true)
    expect(await treeDigest(path.join(cwd, 'features'))).toEqual(fresh)

    // An entry.json that is not JSON is a miss too.
    await writeFile(path.join(cwd, '.retrain/cache', key, 'entry.json'), '{not json')
    const broken = await run(cwd)
    expect(broken.code, broken.stderr).toBe(0)
    expect(broken.stderr).toMatch(/its entry\.json cannot be read/)
    expect(await counter(cwd)).toBe(4)
  })

  it('outputs stay inside the project: ".." and absolute paths are spec errors, a link leading outside is not cached or restored', async () => {
    const outside = await project(spec({ outputs: '[../elsewhere.csv]' }))
    const refused = await run(outside)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/retrain\.yml:\d+:\d+: steps\[0\]\.cache\.outputs\[0\] "\.\.\/elsewhere\.csv" holds a "\.\." segment/)
    const absolute = await project(spec({ outputs: '[/tmp/x.csv, .retrain/registry, $RETRAIN_WORK_DIR/../x]' }))
    const refusedAll = await run(absolute)
    expect(refusedAll.code).toBe(2)
    expect(refusedAll.stderr).toMatch(/outputs\[0\] "\/tmp\/x\.csv" is an absolute path/)
    expect(refusedAll.stderr).toMatch(/outputs\[1\] "\.retrain\/registry" is under \.retrain, which a restore must not write into/)
    expect(refusedAll.stderr).toMatch(/outputs\[2\] "\$RETRAIN_WORK_DIR\/\.\.\/x" holds a "\.\." segment/)

    // "features" is a link to a folder outside the project: the outputs are not stored.
    const cwd = await project()
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'retrain-outside-'))
    await symlink(elsewhere, path.join(cwd, 'features'))
    const linked = await run(cwd)
    expect(linked.code, linked.stderr).toBe(0)
    expect(linked.stderr).toMatch(/its outputs were not cached: the output "features" is outside where it belongs: it leads to .* through a symbolic link/)
    expect(await entries(cwd)).toEqual([])
    // Stored while it was a folder, then made a link again: the restore refuses to write through it.
    await rm(path.join(cwd, 'features'))
    const stored = await run(cwd)
    expect(await entries(cwd)).toEqual([prepareRecord(stored.result).cache.key])
    await rm(path.join(cwd, 'features'), { recursive: true })
    await symlink(elsewhere, path.join(cwd, 'features'))
    const before = await counter(cwd)
    const refusedRestore = await run(cwd)
    expect(refusedRestore.stderr).toMatch(/was not used: its output project\/features would be restored outside where it belongs/)
    expect(await counter(cwd)).toBe(before + 1)
    expect(
      (await readdir(cwd)).filter(n => n.includes('.restore-')),
      'no staged copy is left behind'
    ).toEqual([])
  })

  it('an output the step left as it was (it skips work when the file exists) is not stored under the new key', async () => {
    // The step writes features/ only when it is missing: after the first run, a new key would find the old outputs.
    const cwd = await project(
      spec({
        command: `sh -c 'if test -d features; then echo "{}" > "$RETRAIN_WORK_DIR/prepared.json"; else node prepare.mjs; fi'`,
        outputs: '[features]'
      })
    )
    const first = await run(cwd)
    expect(first.code, first.stderr).toBe(0)
    const key = prepareRecord(first.result).cache.key
    expect(await entries(cwd)).toEqual([key])
    const changed = await run(cwd, ['--param', 'note=other'])
    expect(changed.code, changed.stderr).toBe(0)
    expect(await counter(cwd), 'prepare.mjs did not run the second time').toBe(1)
    expect(prepareRecord(changed.result).cache.restored).toBe(false)
    expect(changed.stderr).toMatch(/step "Prepare": its outputs were not cached: the output "features" was not written by this run of the step/)
    expect(await entries(cwd), 'the old outputs were not stored under the new key').toEqual([key])
    // A step that does rewrite them (the folder removed first) is stored again.
    await rm(path.join(cwd, 'features'), { recursive: true })
    const rewritten = await run(cwd, ['--param', 'note=third'])
    expect(rewritten.code, rewritten.stderr).toBe(0)
    expect((await entries(cwd)).length).toBe(2)
  })

  it('the cache stays under its bound: the least recently used entries go first', async () => {
    const cwd = await project()
    // Each entry holds ~70 kB; a bound of 0.1 MiB keeps one.
    const env = { RETRAIN_CACHE_MAX_MB: '0.1' }
    const a = await run(cwd, ['--param', 'note=a'], env)
    const b = await run(cwd, ['--param', 'note=b'], env)
    expect(a.code, a.stderr).toBe(0)
    expect(await entries(cwd)).toEqual([prepareRecord(b.result).cache.key])
  })
})

/** A copy of the built CLI whose version is `version`: the version is part of the bundle, as in a release. */
async function toolWithVersion(version: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-tool-'))
  await cp(path.join(REPO, 'dist'), path.join(dir, 'dist'), { recursive: true })
  const cli = path.join(dir, 'dist/cli.js')
  const pattern = /(name: "retrain-action",\s*version: ")[^"]+"/g
  // The version is in the CLI's ES modules (cli.js and its chunks) and in the script it runs (dist/cli-script.cjs).
  const esm = [cli, ...(await readdir(path.join(dir, 'dist/chunks'))).map(name => path.join(dir, 'dist/chunks', name))]
  const found = { esm: 0, script: 0 }
  for (const file of [...esm, path.join(dir, 'dist/cli-script.cjs')]) {
    const text = await readFile(file, 'utf8')
    const count = text.match(pattern)?.length ?? 0
    if (count === 0) continue
    found[file.endsWith('.cjs') ? 'script' : 'esm'] += count
    await writeFile(file, text.replace(pattern, `$1${version}"`))
  }
  expect(found, 'the package version appears once in the ES modules and once in the script').toEqual({ esm: 1, script: 1 })
  for (const args of [['--version'], ['--help']]) {
    // --version alone is answered by cli.js; anything else runs the script, whose usage names the version.
    const reported = await runCli(cli, dir, args, {})
    expect(reported.stdout).toContain(version)
  }
  return cli
}
