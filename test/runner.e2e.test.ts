/**
 * Steps end when their process group ends: a descendant that calls `setsid` and keeps the output
 * pipes open no longer holds the run (nor its timeout, nor a cancellation). And the scratch
 * directories of killed runs are removed by the next run. Through the built CLI, as a user runs it.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PIPE_DRAIN_MS, runProcess } from '../src/engine/process-runner.js'
import { OWNER_MARKER } from '../src/engine/workspace.js'
import { hostIdentity } from '../src/host-identity.js'
import { makeProject, readJson, retrain, treeDigest } from './helpers/project.js'
import { alive, exitOf, killPidFile, readPid, startCli, toySpec, waitFor } from './helpers/runner.js'

/** Pid files of processes the tests start, killed whatever happens. */
const started: string[] = []
const scratch: string[] = []

afterAll(async () => {
  for (const file of started) killPidFile(file)
  await Promise.all(scratch.map(dir => rm(dir, { recursive: true, force: true })))
})

/**
 * A bash fragment that starts a child in a new session (out of the step's process group) holding
 * the step's stdout and stderr, and waits until it is there, so the step never ends before it escaped.
 */
function escapedChild(pidFile: string): string {
  return [`setsid sh -c 'echo $$ > "${pidFile}"; exec sleep 300' &`, `for i in $(seq 200); do [ -s "${pidFile}" ] && break; sleep 0.05; done`].join('\n')
}

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  scratch.push(dir)
  return dir
}

describe('a step whose child left its process group', () => {
  it('ends when its own process exits; the log says the escaped child was no longer waited for', async () => {
    const dir = await tempDir('retrain-runner-unit-')
    const pidFile = path.join(dir, 'escaped.pid')
    started.push(pidFile)
    const lines: string[] = []
    const result = await runProcess({
      id: 'escape',
      script: `echo before\n${escapedChild(pidFile)}\necho after`,
      shell: 'bash',
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      scratchDir: path.join(dir, 'scratch'),
      onLine: (_stream, line) => lines.push(line)
    })
    expect(result).toMatchObject({ exitCode: 0, timedOut: false, cancelled: false })
    expect(lines.slice(0, 2)).toEqual(['before', 'after'])
    const notice = /the step's process group ended; 1 descendant that left it .*still held its output and was no longer waited for/
    expect(lines.at(-1)).toMatch(notice)
    expect(await readFile(result.logFile, 'utf8')).toMatch(notice)
    // The runner stops waiting for it; it does not kill what left the group.
    const pid = readPid(pidFile)
    expect(pid).not.toBeNull()
    expect(alive(pid!)).toBe(true)
    killPidFile(pidFile)
  })

  it('a step that exited within its timeout has not timed out while its output drains', async () => {
    const dir = await tempDir('retrain-runner-unit-')
    const pidFile = path.join(dir, 'escaped.pid')
    started.push(pidFile)
    // The drain period after the exit lasts longer than the whole timeout, however late the step
    // exits within it: a timeout just below the drain period leaves the most room for a loaded machine.
    const result = await runProcess({
      id: 'quick',
      script: escapedChild(pidFile),
      shell: 'bash',
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      scratchDir: path.join(dir, 'scratch'),
      timeoutMs: PIPE_DRAIN_MS - 50,
      onLine: () => {}
    })
    expect(result).toMatchObject({ exitCode: 0, timedOut: false })
    killPidFile(pidFile)
  })

  it('through the CLI: the run finishes and is promoted while the escaped child still runs', async () => {
    const cwd = await makeProject('test/fixtures/toy')
    const pidFile = path.join(cwd, 'escaped.pid')
    started.push(pidFile)
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec({ train: `${escapedChild(pidFile)}\nnode train.mjs` }))
    const cli = startCli(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'])
    const code = await exitOf(cli)
    expect(code, cli.stderr()).toBe(0)
    expect((await readJson(path.join(cwd, 'out/1/result.json'))).decision).toBe('promoted')
    expect(cli.stdout() + cli.stderr()).toMatch(/the step's process group ended; 1 descendant that left it/)
    const logs = await readdir(path.join(cwd, 'out/1/logs'))
    const trainLog = logs.find(name => name.startsWith('train'))
    expect(trainLog, logs.join(', ')).toBeDefined()
    expect(await readFile(path.join(cwd, 'out/1/logs', trainLog!), 'utf8')).toMatch(/no longer waited for/)
    expect(alive(readPid(pidFile)!)).toBe(true)
    killPidFile(pidFile)
  })

  it('timeout-minutes fires on time although the escaped child holds the output: exit 3, registry unchanged', async () => {
    const cwd = await makeProject('test/fixtures/toy')
    const pidFile = path.join(cwd, 'escaped.pid')
    const stepPid = path.join(cwd, 'step.pid')
    started.push(pidFile, stepPid)
    await writeFile(
      path.join(cwd, 'retrain.yml'),
      toySpec({ train: `echo $$ > step.pid\n${escapedChild(pidFile)}\nsleep 300`, stepKeys: 'timeout-minutes: 0.02' })
    )
    const cli = startCli(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'])
    // Far below the escaped child's 300 s (and generous for a loaded machine): the timeout, not the child, ends the step.
    const code = await exitOf(cli, 40_000)
    expect(code, cli.stderr()).toBe(3)
    expect(cli.stderr()).toMatch(/timed out after 0\.02 minutes/)
    expect(alive(readPid(stepPid)!)).toBe(false)
    expect(existsSync(path.join(cwd, '.retrain/registry/toy/registry.json'))).toBe(false)
    killPidFile(pidFile)
  })

  it('SIGTERM to the CLI during such a step exits 130 promptly, changing nothing', async () => {
    const cwd = await makeProject('test/fixtures/toy')
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec())
    expect((await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'])).code).toBe(0)
    const before = await treeDigest(path.join(cwd, '.retrain/registry'))

    const pidFile = path.join(cwd, 'escaped.pid')
    const stepPid = path.join(cwd, 'step.pid')
    started.push(pidFile, stepPid)
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec({ train: `echo $$ > step.pid\n${escapedChild(pidFile)}\necho escaped\nsleep 300` }))
    const cli = startCli(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'])
    try {
      expect(await waitFor(() => cli.stdout().includes('escaped') || cli.stderr().includes('escaped'))).toBe(true)
      cli.child.kill('SIGTERM')
      const code = await exitOf(cli, 40_000)
      expect(code, cli.stderr()).toBe(130)
      expect(cli.stderr()).toMatch(/SIGTERM received/)
      expect(alive(readPid(stepPid)!)).toBe(false)
      expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(before)
      expect(existsSync(path.join(cwd, 'out/2/result.json'))).toBe(false)
    } finally {
      cli.child.kill('SIGKILL')
      killPidFile(pidFile)
    }
  })
})

describe('scratch directories of killed runs', () => {
  it('are removed at the next start; anything not provably abandoned is kept', async () => {
    const tmp = await tempDir('retrain-tmproot-')
    const cwd = await makeProject('test/fixtures/toy')
    const stepPid = path.join(cwd, 'step.pid')
    started.push(stepPid)
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec({ train: 'echo $$ > step.pid\nsleep 300' }))

    // A run killed with SIGKILL mid-step cannot clean up after itself.
    const killed = startCli(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/killed'], { TMPDIR: tmp })
    try {
      expect(await waitFor(() => readPid(stepPid) !== null)).toBe(true)
      killed.child.kill('SIGKILL')
      expect(await exitOf(killed, 40_000)).not.toBe('hung')
    } finally {
      killed.child.kill('SIGKILL')
      // The step's group outlives a SIGKILLed CLI (it was started detached): stop it too.
      const pid = readPid(stepPid)
      if (pid !== null) {
        try {
          process.kill(-pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
    }
    const leftovers = (await readdir(tmp)).filter(name => name.startsWith('retrain-'))
    expect(leftovers).toHaveLength(1)
    const leftover = path.join(tmp, leftovers[0]!)
    const marker = await readJson(path.join(leftover, OWNER_MARKER))
    expect(marker).toMatchObject({ pid: killed.child.pid, hostname: hostIdentity() })
    // The next run may start at once; a leftover younger than a minute is left alone, so age it.
    const aged = new Date(Date.now() - 5 * 60_000).toISOString()
    await writeFile(path.join(leftover, OWNER_MARKER), JSON.stringify({ ...marker, startedAt: aged }))

    // What must be kept: a live owner (this test), another host, no marker, a dead owner too recent,
    // and a workspace kept on purpose (--keep-work-dir) by a run that has ended. Their names have a
    // workspace's shape (the prefix and six letters or digits), so only their markers keep them; a
    // dead owner's folder of another shape is no workspace and stays too.
    const keep = {
      'retrain-live01': { pid: process.pid, hostname: os.hostname(), startedAt: aged },
      'retrain-kept01': { pid: killed.child.pid, hostname: os.hostname(), startedAt: aged, keep: true },
      'retrain-host01': { pid: killed.child.pid, hostname: `not-${os.hostname()}`, startedAt: aged },
      // The same host name, another process table (a container): its pid cannot be checked from here.
      'retrain-pidns1': { pid: killed.child.pid, hostname: `${os.hostname()}~00000000.1`, startedAt: aged },
      'retrain-new001': { pid: killed.child.pid, hostname: os.hostname(), startedAt: new Date().toISOString() },
      'retrain-e2e-project': { pid: killed.child.pid, hostname: os.hostname(), startedAt: aged }
    }
    for (const [name, owner] of Object.entries(keep)) {
      await mkdir(path.join(tmp, name))
      await writeFile(path.join(tmp, name, OWNER_MARKER), JSON.stringify(owner))
    }
    await mkdir(path.join(tmp, 'retrain-nomark'))

    await writeFile(path.join(cwd, 'retrain.yml'), toySpec())
    const next = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/next'], { TMPDIR: tmp })
    expect(next.code, next.stderr).toBe(0)
    expect(next.stdout + next.stderr).toContain(`Removed ${leftover}, left by a run that was killed`)
    expect((await readdir(tmp)).sort()).toEqual([...Object.keys(keep), 'retrain-nomark'].sort())
  })

  it('a run removes its own scratch directory when it ends, also on failure', async () => {
    const tmp = await tempDir('retrain-tmproot-')
    const cwd = await makeProject('test/fixtures/toy')
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec({ train: 'echo failing; exit 9' }))
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'], { TMPDIR: tmp })
    expect(res.code).toBe(3)
    expect(await readdir(tmp)).toEqual([])
  })
})

describe('a workspace kept with --keep-work-dir', () => {
  it('stays after the run and is not taken for a leftover by later runs', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'retrain-tmproot-'))
    scratch.push(tmp)
    const cwd = await makeProject('test/fixtures/toy')
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec())
    const kept = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1', '--keep-work-dir'], { TMPDIR: tmp })
    expect(kept.code, kept.stderr).toBe(0)
    const [dir] = await readdir(tmp)
    expect(dir).toMatch(/^retrain-/)
    // Aged as if the next run came much later.
    const marker = await readJson(path.join(tmp, dir!, OWNER_MARKER))
    expect(marker.keep).toBe(true)
    await writeFile(path.join(tmp, dir!, OWNER_MARKER), JSON.stringify({ ...marker, startedAt: new Date(Date.now() - 3_600_000).toISOString() }))
    const next = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'], { TMPDIR: tmp })
    expect(next.code, next.stderr).toBe(0)
    expect(await readdir(tmp)).toEqual([dir])
  })
})
