/**
 * The run-cache against an unlucky user and a hostile disk, through the built CLI: a training step
 * is never restored from an entry made with another champion or other training data, and an entry
 * whose files are pipes or links is a miss with a warning, never a hang or a read of something else.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, statfs, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, REPO, makeProject, readJson, type CliResult } from './helpers/project.js'
import { mountTmpfs } from './helpers/runner.js'

/** The built CLI, killed if it has not ended after `limitMs` (a run that hangs is a failure, not a stuck suite). */
function retrainBounded(cwd: string, args: string[], env: Record<string, string> = {}, limitMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: limitMs, killSignal: 'SIGKILL' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

let runs = 0
async function run(cwd: string, args: string[] = [], env: Record<string, string> = {}): Promise<CliResult & { result: any; out: string }> {
  const out = `out/${++runs}`
  const res = await retrainBounded(cwd, ['run', '--spec', 'retrain.yml', '--out', out, ...args], env)
  const file = path.join(cwd, out, 'result.json')
  return { ...res, out: path.join(cwd, out), result: existsSync(file) ? await readJson(file) : null }
}

const stepCache = (result: any, id: string) => result.steps.find((s: any) => s.id === id)?.cache

async function entries(cwd: string): Promise<string[]> {
  return (await readdir(path.join(cwd, '.retrain/cache')).catch(() => [] as string[])).filter(n => !n.startsWith('.')).sort()
}

const TOY_TAIL = `evaluate:
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

describe('the run-cache and the champion', () => {
  it('a step that writes $RETRAIN_MODEL_DIR is a miss when the champion changes, though its cache names nothing of it', async () => {
    const cwd = await makeProject(
      'test/fixtures/toy',
      `model: toy
params:
  delta: { type: number, default: 1 }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
    cache:
      outputs: [$RETRAIN_MODEL_DIR]
      data: [train]
      files: [train.mjs]
${TOY_TAIL}`
    )
    const first = await run(cwd)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain('trained generation 1')
    // Version 1 is the champion now: the model restored from the first run was trained from no champion.
    const second = await run(cwd)
    expect(second.code, second.stderr).toBe(0)
    expect(stepCache(second.result, 'train').restored, 'a model trained from another champion is not restored').toBe(false)
    expect(second.stderr).toContain('trained generation 2:')
    expect(second.result.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true })
    // With the same champion (a dry run changes nothing), the step is a hit.
    const dry = await run(cwd, ['--dry-run'])
    const again = await run(cwd, ['--dry-run'])
    expect(again.code, again.stderr).toBe(0)
    expect(stepCache(dry.result, 'train').restored).toBe(false)
    expect(stepCache(again.result, 'train')).toEqual({ key: stepCache(dry.result, 'train').key, restored: true })
    expect(again.result.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true })
  })

  it('an entry holding a training report is used only with the champion it was trained from', async () => {
    // Training writes its weights to the work directory, and a later step copies them into the model
    // directory: the cached step's outputs do not show it is a training step, its report does.
    const cwd = await makeProject(
      'test/fixtures/toy',
      `model: toy
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Fit
    run: node fit.mjs
    cache:
      outputs: [$RETRAIN_WORK_DIR/weights]
      data: [train]
      files: [fit.mjs]
  - name: Package
    run: cp "$RETRAIN_WORK_DIR/weights/model.json" "$RETRAIN_MODEL_DIR/model.json"
${TOY_TAIL}`
    )
    await writeFile(
      path.join(cwd, 'fit.mjs'),
      `import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
appendFileSync('counter.txt', 'fit ran\\n')
const dir = process.env.RETRAIN_BASELINE_DIR
const parent = dir ? JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) : { w: 0, generation: 0 }
mkdirSync(path.join(process.env.RETRAIN_WORK_DIR, 'weights'), { recursive: true })
writeFileSync(path.join(process.env.RETRAIN_WORK_DIR, 'weights/model.json'), JSON.stringify({ w: parent.w + 1, generation: parent.generation + 1 }))
writeFileSync(process.env.RETRAIN_TRAINING_REPORT, JSON.stringify(dir ? { warmStart: true, from: process.env.RETRAIN_BASELINE_DIGEST } : { warmStart: false, reason: 'no champion' }))
`
    )
    const ran = async () => (await readFile(path.join(cwd, 'counter.txt'), 'utf8')).split('\n').filter(Boolean).length
    const first = await run(cwd)
    expect(first.code, first.stderr).toBe(0)
    const key = stepCache(first.result, 'fit').key
    expect(await entries(cwd)).toEqual([key])
    // Same key (the step names nothing of the champion), but version 1 is the champion now.
    const second = await run(cwd)
    expect(second.code, second.stderr).toBe(0)
    expect(stepCache(second.result, 'fit')).toEqual({ key, restored: false })
    expect(second.stderr).toMatch(
      /the cache entry retrain-fit-\w+ was not used: its outputs were trained when the champion was no champion, but this run's is bundle [0-9a-f]{12}/
    )
    expect(await ran()).toBe(2)
    expect(second.result.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true })
  })

  it('a built-in trainer is a miss when the data it trains on changes, though its cache names no data', async () => {
    const cwd = await makeProject('examples/cars-builtin')
    const spec = (await readFile(path.join(cwd, 'retrain.yml'), 'utf8')).replace(
      '      seed: ${{ params.seed }}\n',
      '      seed: ${{ params.seed }}\n    cache:\n      outputs: [$RETRAIN_MODEL_DIR]\n'
    )
    expect(spec).toContain('cache:')
    await writeFile(path.join(cwd, 'retrain.yml'), spec)
    const first = await run(cwd, ['--dry-run'])
    expect(first.code, first.stderr).toBe(0)
    const hit = await run(cwd, ['--dry-run'])
    expect(stepCache(hit.result, 'train')).toEqual({ key: stepCache(first.result, 'train').key, restored: true })
    await cp(path.join(cwd, 'data/cars-1976-1979.csv'), path.join(cwd, 'data/train.csv'))
    const changed = await run(cwd, ['--dry-run'])
    expect(changed.code, changed.stderr).toBe(0)
    expect(stepCache(changed.result, 'train').restored, 'a model trained on other data is not restored').toBe(false)
    expect(stepCache(changed.result, 'train').key).not.toBe(stepCache(first.result, 'train').key)
  })
})

describe('a hostile cache directory', { timeout: 300_000 }, () => {
  it('pipes and links in an entry are a miss with a warning, never a hang or a read elsewhere', async () => {
    const cwd = await makeProject(
      'test/fixtures/toy',
      `model: toy
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Prepare
    run: |
      echo ran >> counter.txt
      mkdir -p features
      echo "rows" > features/rows.csv
    cache:
      outputs: [features]
  - name: Train
    run: node train.mjs
${TOY_TAIL}`
    )
    const first = await run(cwd, ['--dry-run'])
    expect(first.code, first.stderr).toBe(0)
    const key = stepCache(first.result, 'prepare').key
    const entry = path.join(cwd, '.retrain/cache', key)
    const file = path.join(entry, 'files/project/features/rows.csv')
    const ran = async () => (await readFile(path.join(cwd, 'counter.txt'), 'utf8')).split('\n').filter(Boolean).length

    // A file of the entry is a named pipe: reading it would wait for a writer forever.
    await rm(file)
    execFileSync('mkfifo', [file])
    const pipe = await run(cwd, ['--dry-run'])
    expect(pipe.code, pipe.stderr).toBe(0)
    expect(pipe.stderr).toMatch(new RegExp(`the cache entry ${key} was not used: its file project/features/rows.csv cannot be used: it is not a regular file`))
    expect(await ran()).toBe(2)

    // A link to a file outside the entry with exactly the recorded bytes: still not read.
    const outside = path.join(cwd, 'outside-rows.csv')
    await writeFile(outside, 'rows\n')
    await rm(file)
    await symlink(outside, file)
    const linked = await run(cwd, ['--dry-run'])
    expect(linked.code, linked.stderr).toBe(0)
    expect(linked.stderr).toMatch(/its file project\/features\/rows\.csv cannot be used: it is a symbolic link/)
    expect(await ran()).toBe(3)

    // entry.json itself a pipe: a miss, and the entry is replaced.
    await rm(path.join(entry, 'entry.json'))
    execFileSync('mkfifo', [path.join(entry, 'entry.json')])
    const manifest = await run(cwd, ['--dry-run'])
    expect(manifest.code, manifest.stderr).toBe(0)
    expect(manifest.stderr).toMatch(/its entry\.json cannot be read: it is not a regular file/)
    expect(await ran()).toBe(4)
    const healed = await run(cwd, ['--dry-run'])
    expect(stepCache(healed.result, 'prepare')).toEqual({ key, restored: true })
    expect(await ran()).toBe(4)

    // An entry.json listing a file twice (each time with its true size and digest) is damaged: it is
    // replaced, not kept as a miss for every later run.
    const listed = await readJson(path.join(entry, 'entry.json'))
    listed.files.push(listed.files[0])
    await writeFile(path.join(entry, 'entry.json'), JSON.stringify(listed))
    const twice = await run(cwd, ['--dry-run'])
    expect(twice.code, twice.stderr).toBe(0)
    expect(twice.stderr).toMatch(/its entry\.json lists the file project\/features\/rows\.csv twice/)
    expect(await ran()).toBe(5)
    const replaced = await run(cwd, ['--dry-run'])
    expect(stepCache(replaced.result, 'prepare')).toEqual({ key, restored: true })
    expect(await ran()).toBe(5)
  })
})

describe('a run killed while restoring', { timeout: 300_000 }, () => {
  it('leaves copies beside the outputs that the next restore removes', async () => {
    const cwd = await makeProject(
      'test/fixtures/toy',
      `model: toy
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Prepare
    run: |
      mkdir -p features
      echo "rows" > features/rows.csv
    cache:
      outputs: [features]
  - name: Train
    run: node train.mjs
${TOY_TAIL}`
    )
    const first = await run(cwd, ['--dry-run'])
    expect(first.code, first.stderr).toBe(0)
    // What a restore killed (kill -9) between its copies and its renames leaves: a staged copy beside
    // the output, and maybe the output already removed.
    await mkdir(path.join(cwd, 'features.restore-0123456789ab/nested'), { recursive: true })
    await writeFile(path.join(cwd, 'features.restore-0123456789ab/nested/rows.csv'), 'half\n')
    await rm(path.join(cwd, 'features'), { recursive: true })
    await writeFile(path.join(cwd, 'features.restore-notes.txt'), "the user's own file\n")
    const next = await run(cwd, ['--dry-run'])
    expect(next.code, next.stderr).toBe(0)
    expect(stepCache(next.result, 'prepare').restored).toBe(true)
    expect(await readFile(path.join(cwd, 'features/rows.csv'), 'utf8')).toBe('rows\n')
    expect((await readdir(cwd)).filter(n => n.startsWith('features')).sort()).toEqual(['features', 'features.restore-notes.txt'])
  })
})

describe('what cache.files covers', { timeout: 300_000 }, () => {
  it('a file made executable is a miss; a folder, a pipe or a link to a folder is a clear error', async () => {
    const spec = (files: string) => `model: toy
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Prepare
    run: |
      echo ran >> counter.txt
      mkdir -p features
      echo "rows" > features/rows.csv
    cache:
      outputs: [features]
      files: ${files}
  - name: Train
    run: node train.mjs
${TOY_TAIL}`
    const cwd = await makeProject('test/fixtures/toy', spec('[scripts/prep.sh, "config/**", "config/**/.*"]'))
    await mkdir(path.join(cwd, 'scripts'))
    await mkdir(path.join(cwd, 'config'))
    await writeFile(path.join(cwd, 'scripts/prep.sh'), 'echo prep\n')
    await writeFile(path.join(cwd, 'config/a.json'), '{}')
    await writeFile(path.join(cwd, 'config/.env'), 'A=1\n')
    const first = await run(cwd, ['--dry-run'])
    expect(first.code, first.stderr).toBe(0)
    const key = stepCache(first.result, 'prepare').key
    await chmod(path.join(cwd, 'scripts/prep.sh'), 0o755)
    const executable = await run(cwd, ['--dry-run'])
    expect(stepCache(executable.result, 'prepare').restored, 'a mode change is a miss').toBe(false)
    expect(stepCache(executable.result, 'prepare').key).not.toBe(key)
    // A hidden file is covered where the pattern writes the dot.
    await writeFile(path.join(cwd, 'config/.env'), 'A=2\n')
    const hidden = await run(cwd, ['--dry-run'])
    expect(stepCache(hidden.result, 'prepare').restored).toBe(false)

    for (const [what, make] of [
      ['a folder', () => mkdir(path.join(cwd, 'named'))],
      ['a link to a folder', () => symlink(path.join(cwd, 'config'), path.join(cwd, 'named'))],
      ['a pipe', async () => execFileSync('mkfifo', [path.join(cwd, 'named')])]
    ] as const) {
      await rm(path.join(cwd, 'named'), { recursive: true, force: true })
      await make()
      await writeFile(path.join(cwd, 'retrain.yml'), spec('[named]'))
      const refused = await run(cwd, ['--dry-run'])
      expect(refused.code, `${what}: ${refused.stderr}`).toBe(2)
      expect(refused.stderr, what).toMatch(
        /retrain\.yml:\d+:\d+: step "prepare": cache\.files matches "named", which is not a regular file .*a glob such as "named\/\*\*"/
      )
    }
  })
})

describe('a full disk while restoring', { timeout: 300_000 }, () => {
  it('is a miss that keeps the entry: the step runs, and the entry is used once there is room', async context => {
    const mount = await mountTmpfs(1024)
    if (typeof mount === 'string') {
      context.skip(mount)
      return
    }
    try {
      const cwd = path.join(mount.dir, 'project')
      await cp(path.join(REPO, 'test/fixtures/toy'), cwd, { recursive: true })
      await writeFile(
        path.join(cwd, 'retrain.yml'),
        `model: toy
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Prepare
    run: |
      echo ran >> counter.txt
      mkdir -p features
      head -c 300000 /dev/urandom > features/blob.bin
    cache:
      outputs: [features]
  - name: Train
    run: node train.mjs
${TOY_TAIL}`
      )
      const outside = await mkdtemp(path.join(os.tmpdir(), 'retrain-cache-outside-'))
      const env = { RETRAIN_CACHE: path.join(outside, 'cache') }
      const at = (n: string) => ['run', '--spec', 'retrain.yml', '--dry-run', '--out', path.join(outside, n)]
      const first = await retrainBounded(cwd, at('1'), env)
      expect(first.code, first.stderr).toBe(0)
      const stored = await readdir(env.RETRAIN_CACHE)
      expect(stored).toHaveLength(1)
      const blob = await readFile(path.join(cwd, 'features/blob.bin'))
      await rm(path.join(cwd, 'features'), { recursive: true })
      // Leave less room than the output needs.
      const { bavail, bsize } = await statfs(mount.dir)
      await writeFile(path.join(mount.dir, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - 100_000)))
      const full = await retrainBounded(cwd, at('2'), env)
      expect(full.stderr).toMatch(/the cache entry retrain-prepare-\w+ was not used: its file project\/features\/blob\.bin could not be restored: ENOSPC/)
      expect(full.code, 'the step ran into the full disk and failed').not.toBe(0)
      expect(await readdir(env.RETRAIN_CACHE), 'the sound entry stays').toEqual(stored)
      await rm(path.join(mount.dir, 'filler'))
      await rm(path.join(cwd, 'features'), { recursive: true, force: true })
      const room = await retrainBounded(cwd, at('3'), env)
      expect(room.code, room.stderr).toBe(0)
      expect(room.stderr).toContain(`Step Prepare: restored from cache ${stored[0]}`)
      expect(await readFile(path.join(cwd, 'features/blob.bin'))).toEqual(blob)
    } finally {
      await mount.unmount()
    }
  })
})
