// The bootstrap's drawing thread in the built bundles: dist/index.js starts dist/bootstrap-worker.mjs
// from beside itself, the split CLI dist/chunks/bootstrap-worker.mjs from beside its chunk; a bundle without it, or built for another target (es2020), reaches exactly the
// same numbers. From 65,536 examples the resamples are drawn on the thread; there are enough of them (2,000) that the thread
// starts before this thread has run them all, however slowly threads start on a loaded machine.
import { spawn } from 'node:child_process'
import { copyFile, cp, mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { CLI, REPO, retrain } from '../helpers/project.js'

const SPEC = `model: large
data:
  eval: eval.csv
steps:
  - name: Train
    run: "true"
evaluate:
  run: "true"
  data: eval
  predictions: { task: binary }
  bootstrap: { resamples: 2000, seed: 11 }
metrics:
  auc:
    goal: maximize
    compute: roc-auc
    change:
      - { margin: 0, confidence: 0.9 }
  accuracy:
    goal: maximize
    compute: accuracy
    change:
      - { margin: -0.05, confidence: 0.9 }
promotion: { mode: auto, first-model: promote }
`

/** Scores that separate the classes by `strength`, from a fixed linear congruential stream. */
function predictions(n: number, strength: number, seed: number): string {
  let state = seed
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const rows = ['id,label,score,prediction']
  for (let i = 0; i < n; i++) {
    const label = next() < 0.3 ? 1 : 0
    const score = label * strength + next() * (1 - strength)
    rows.push(`${i},${label},${score.toFixed(6)},${score > 0.5 ? 1 : 0}`)
  }
  return rows.join('\n') + '\n'
}

function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

const ARGS = ['compare', '--spec', 'retrain.yml', '--candidate', 'candidate.csv', '--baseline', 'baseline.csv', '--json']
let project: string
let root: string
let reference: { rules: unknown[] }

/** A copy of the built CLI, its chunks and their thread file in its own folder, as an installed package has them. */
async function bundleCopy(name: string, from = path.dirname(CLI)): Promise<string> {
  const dir = path.join(root, name)
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n')
  await copyFile(path.join(from, 'cli.js'), path.join(dir, 'cli.js'))
  await cp(path.join(from, 'chunks'), path.join(dir, 'chunks'), { recursive: true })
  return dir
}

/** The thread file the CLI's bootstrap starts: beside its chunks. */
const threadFile = (dir: string) => path.join(dir, 'chunks', 'bootstrap-worker.mjs')

/** Replaces the thread file with one that leaves a mark, then runs the real one. */
async function markThread(dir: string): Promise<string> {
  const mark = path.join(dir, 'thread-ran')
  await rename(threadFile(dir), path.join(dir, 'chunks', 'real-worker.mjs'))
  await writeFile(
    threadFile(dir),
    `import { writeFileSync } from 'node:fs'\nwriteFileSync(${JSON.stringify(mark)}, 'yes')\nawait import('./real-worker.mjs')\n`
  )
  return mark
}

async function compareWith(dir: string): Promise<{ rules: unknown[] }> {
  const res = await run([path.join(dir, 'cli.js'), ...ARGS], project)
  expect(res.code, res.stderr).toBe(0)
  return JSON.parse(res.stdout)
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'retrain-bundle-worker-'))
  project = path.join(root, 'project')
  await mkdir(project)
  await writeFile(path.join(project, 'retrain.yml'), SPEC)
  await writeFile(path.join(project, 'eval.csv'), 'x\n1\n')
  await writeFile(path.join(project, 'candidate.csv'), predictions(70_000, 0.3, 1))
  await writeFile(path.join(project, 'baseline.csv'), predictions(70_000, 0.25, 1))
  const res = await retrain(project, ARGS)
  expect(res.code, res.stderr).toBe(0)
  reference = JSON.parse(res.stdout)
})

describe('the bootstrap drawing thread in the built bundle', () => {
  it('is a file beside dist/index.js and beside the CLI chunks, that the CLI starts', async () => {
    expect(existsSync(path.join(REPO, 'dist/bootstrap-worker.mjs'))).toBe(true)
    expect(existsSync(path.join(REPO, 'dist/chunks/bootstrap-worker.mjs'))).toBe(true)
    const dir = await bundleCopy('marked')
    const mark = await markThread(dir)
    const outcome = await compareWith(dir)
    expect(await readFile(mark, 'utf8')).toBe('yes')
    expect(outcome.rules).toEqual(reference.rules)
    expect(reference.rules).toHaveLength(2)
  })

  it('is the file beside cli.js that the CLI run as one script (with the code cache) starts', async () => {
    const dir = await bundleCopy('script')
    await copyFile(path.join(REPO, 'dist/cli-script.cjs'), path.join(dir, 'cli-script.cjs'))
    const mark = path.join(dir, 'thread-ran')
    await writeFile(
      path.join(dir, 'bootstrap-worker.mjs'),
      `import { writeFileSync } from 'node:fs'\nwriteFileSync(${JSON.stringify(mark)}, 'yes')\nawait import('./chunks/bootstrap-worker.mjs')\n`
    )
    // The chunks' own thread file is not the one started: a mark there would not be left.
    expect((await compareWith(dir)).rules).toEqual(reference.rules)
    expect(await readFile(mark, 'utf8')).toBe('yes')
  })

  it('gives the same numbers without the thread file, drawing in turn', async () => {
    const dir = await bundleCopy('no-thread')
    await rename(threadFile(dir), path.join(dir, 'elsewhere.mjs'))
    expect((await compareWith(dir)).rules).toEqual(reference.rules)
  })

  it('builds for target es2020 and gives the same numbers, on the thread', async () => {
    const out = path.join(root, 'es2020-build')
    const build = await run(['scripts/build.mjs', '--outdir', out, '--target', 'es2020'], REPO)
    expect(build.code, build.stderr).toBe(0)
    const dir = await bundleCopy('es2020', out)
    const mark = await markThread(dir)
    expect((await compareWith(dir)).rules).toEqual(reference.rules)
    expect(existsSync(mark)).toBe(true)
    // A whole build and a 70,000-example comparison: long on a shared 2-core machine.
  }, 180_000)
})
