/**
 * A run's lineage records the commit checked out in the project, as `git rev-parse HEAD` prints it
 * there; the CLI reads it from the repository's files, so every shape of repository is checked
 * against git itself: a branch (loose and packed ref), a detached HEAD, a linked worktree, a
 * project in a subfolder, a repository without commits, and no repository at all.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { retrain } from './helpers/project.js'

const scratch: string[] = []
afterAll(async () => {
  await Promise.all(scratch.map(dir => rm(dir, { recursive: true, force: true })))
})

const SPEC = `model: noop
root: .
data:
  eval: data/eval.csv
steps:
  - name: Nothing but a model file
    shell: sh
    run: |
      : > "$RETRAIN_MODEL_DIR/model"
evaluate:
  shell: sh
  run: |
    printf '{"m": 1}' > "$RETRAIN_METRICS_FILE"
  data: eval
metrics:
  m: { goal: maximize, min: 0 }
promotion: { mode: auto, first-model: promote }
`

/** git with a fixed identity and no user or system configuration, so the machine's settings play no part. */
function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=retrain test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_DIR: undefined, GIT_WORK_TREE: undefined }
  }).trim()
}

async function project(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'data'), { recursive: true })
  await writeFile(path.join(dir, 'data/eval.csv'), 'x\n1\n')
  await writeFile(path.join(dir, 'retrain.yml'), SPEC)
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-git-head-'))
  scratch.push(dir)
  return dir
}

/** The commit the run's lineage records for the project in `dir`. */
async function recordedCommit(dir: string): Promise<string | null> {
  const out = path.join(dir, '..', `${path.basename(dir)}-out`)
  scratch.push(out)
  const res = await retrain(dir, ['run', '--spec', 'retrain.yml', '--dry-run', '--out', out])
  expect(res.code, res.stderr).toBe(0)
  const manifest = JSON.parse(await readFile(path.join(out, 'bundle/manifest.json'), 'utf8')) as { lineage: { gitCommit: string | null } }
  return manifest.lineage.gitCommit
}

async function repository(): Promise<string> {
  const dir = await tempDir()
  git(dir, 'init', '-q')
  await project(dir)
  git(dir, 'add', '.')
  git(dir, 'commit', '-q', '-m', 'first')
  return dir
}

describe("the run's git commit", () => {
  it('is null outside a repository and in one without commits', async () => {
    const outside = await tempDir()
    await project(outside)
    expect(await recordedCommit(outside)).toBeNull()

    const unborn = await tempDir()
    git(unborn, 'init', '-q')
    await project(unborn)
    expect(await recordedCommit(unborn)).toBeNull()
  })

  it("is the branch's commit, from a loose ref and from packed refs, and HEAD's when detached", async () => {
    const dir = await repository()
    const head = git(dir, 'rev-parse', 'HEAD')
    expect(head).toMatch(/^[0-9a-f]{40}$/)
    expect(await recordedCommit(dir)).toBe(head)

    await writeFile(path.join(dir, 'second'), '2')
    git(dir, 'add', '.')
    git(dir, 'commit', '-q', '-m', 'second')
    git(dir, 'pack-refs', '--all')
    const packed = git(dir, 'rev-parse', 'HEAD')
    expect(packed).not.toBe(head)
    expect(await recordedCommit(dir)).toBe(packed)

    git(dir, 'checkout', '-q', '--detach', head)
    expect(await recordedCommit(dir)).toBe(head)
  })

  it("is a linked worktree's own commit, and the repository's for a project in a subfolder", async () => {
    const dir = await repository()
    const worktree = path.join(await tempDir(), 'linked')
    git(dir, 'worktree', 'add', '-q', '-b', 'other', worktree)
    await writeFile(path.join(worktree, 'other'), 'o')
    git(worktree, 'add', '.')
    git(worktree, 'commit', '-q', '-m', 'other')
    const own = git(worktree, 'rev-parse', 'HEAD')
    expect(own).not.toBe(git(dir, 'rev-parse', 'HEAD'))
    expect(await recordedCommit(worktree)).toBe(own)

    const sub = path.join(dir, 'models', 'noop')
    await project(sub)
    expect(await recordedCommit(sub)).toBe(git(dir, 'rev-parse', 'HEAD'))
  })
})
