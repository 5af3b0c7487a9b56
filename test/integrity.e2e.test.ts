/**
 * The run's commit point and the registry's integrity, through the built CLI as a user runs it:
 * a cancellation or a crash (kill -9) at every stage of a run, a full output disk, approve and
 * reject of one version at the same time, and a lock left by a killed process.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { RUN_STAGES } from '../src/engine/run.js'
import { hostIdentity } from '../src/host-identity.js'
import { invariantViolations, normalizeState } from '../src/registry/state-machine.js'
import { makeProject, readJson, retrain, toySpec } from './helpers/project.js'

function spec(mode: 'auto' | 'gate', modelBytes = 0): string {
  return toySpec({ mode, train: modelBytes ? `node train.mjs\nhead -c ${modelBytes} /dev/urandom > "$RETRAIN_MODEL_DIR/padding.bin"` : 'node train.mjs' })
}

async function registryFile(project: string): Promise<string | null> {
  return await readFile(path.join(project, 'registry', 'toy', 'registry.json'), 'utf8').catch(() => null)
}

async function state(project: string) {
  const text = await registryFile(project)
  return normalizeState('toy', text ? JSON.parse(text) : {})
}

function run(project: string, out: string, env: Record<string, string> = {}, ...args: string[]) {
  return retrain(project, ['run', '--spec', 'retrain.yml', '--registry', 'registry', '--out', out, ...args], env)
}

/** Registered state without what only reservations change. */
function decided(s: Awaited<ReturnType<typeof state>>) {
  return { champion: s.champion, versions: s.versions, history: s.history, effects: s.effects }
}

const mounts: string[] = []

afterAll(() => {
  for (const dir of mounts) spawnSync('umount', ['-l', dir])
})

describe('one commit point per run', () => {
  it.each(RUN_STAGES.filter(s => s !== 'committed'))('a cancellation at "%s" exits 130 and changes nothing, leaving no result', async stage => {
    const project = await makeProject('test/fixtures/toy', spec('auto'))
    expect((await run(project, 'out1')).code).toBe(0)
    const before = await state(project)
    const res = await run(project, 'out2', { RETRAIN_TEST_FAILPOINT: `${stage}:SIGTERM` }, '--param', 'delta=2')
    expect(res.code, res.stderr).toBe(130)
    expect(res.stderr).toMatch(/SIGTERM received/)
    const after = await state(project)
    expect(decided(after)).toEqual(decided(before))
    expect(after.reservations).toEqual([])
    expect(existsSync(path.join(project, 'out2', 'result.json'))).toBe(false)
    expect((await readdir(path.join(project, 'out2')).catch(() => [])).filter(f => f.includes('staged'))).toEqual([])
    // The reserved number's bundle is gone; only registered versions have one.
    expect(await readdir(path.join(project, 'registry', 'toy', 'versions'))).toEqual(['1'])
  })

  it('a cancellation after the commit finishes the run: the champion moved, the result says so, exit 0', async () => {
    const project = await makeProject('test/fixtures/toy', spec('auto'))
    expect((await run(project, 'out1')).code).toBe(0)
    const res = await run(project, 'out2', { RETRAIN_TEST_FAILPOINT: 'committed:SIGTERM' }, '--param', 'delta=2')
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(/Cancelled after the decision was committed \(version 2, promoted\)/)
    expect((await state(project)).champion).toBe(2)
    expect((await readJson(path.join(project, 'out2', 'result.json'))).decision).toBe('promoted')
  })

  it.each(RUN_STAGES)('a crash (kill -9) at "%s" leaves a consistent registry that the next run uses at once', async stage => {
    const project = await makeProject('test/fixtures/toy', spec('auto'))
    expect((await run(project, 'out1')).code).toBe(0)
    const before = await state(project)
    const res = await run(project, 'out2', { RETRAIN_TEST_FAILPOINT: `${stage}:SIGKILL` }, '--param', 'delta=2')
    expect(res.code).toBeNull()
    const after = await state(project)
    expect(invariantViolations(after)).toEqual([])
    if (stage === 'committed') expect(after.champion).toBe(2)
    else expect(decided(after)).toEqual(decided(before))
    // The next run: no stale lock to wait for, the killed run's reservation and bundle cleaned up.
    const next = await run(project, 'out3', {}, '--param', 'delta=3')
    expect(next.code, next.stderr).toBe(0)
    const final = await state(project)
    expect(invariantViolations(final)).toEqual([])
    expect(final.reservations).toEqual([])
    const registered = final.versions.map(v => String(v.version)).sort()
    expect((await readdir(path.join(project, 'registry', 'toy', 'versions'))).filter(n => !n.startsWith('.')).sort()).toEqual(registered)
  })
})

describe('a full output disk', () => {
  it('fails the run with exit 7 before the commit: the champion stays, the registry is unchanged', async () => {
    const project = await makeProject('test/fixtures/toy', spec('auto', 300_000))
    expect((await run(project, 'out1')).code).toBe(0)
    const full = path.join(project, 'full')
    await mkdir(full)
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', full])
    if (mounted.status !== 0) {
      console.warn(`skipped: cannot mount a small tmpfs here (${mounted.stderr.toString().trim()})`)
      return
    }
    mounts.push(full)
    const before = await state(project)
    const res = await run(project, 'full/out', {}, '--param', 'delta=2')
    expect(res.code, res.stderr).toBe(7)
    expect(res.stderr).toMatch(/is full/)
    const after = await state(project)
    expect(decided(after)).toEqual(decided(before))
    expect(after.reservations).toEqual([])
    expect(existsSync(path.join(full, 'out', 'result.json'))).toBe(false)
  })
})

describe('people acting on one version at the same time', () => {
  it('approve and reject of one pending version: exactly one wins, and the history says which', async () => {
    const project = await makeProject('test/fixtures/toy', spec('gate'))
    expect((await run(project, 'out1')).code).toBe(0)
    for (let round = 0; round < 4; round++) {
      const res = await run(project, `gate${round}`, {}, '--param', `delta=${round + 2}`)
      expect(res.code, res.stderr).toBe(0)
      const version = (await state(project)).lastReserved
      const [approve, reject] = await Promise.all([
        retrain(project, ['approve', String(version), '--spec', 'retrain.yml', '--registry', 'registry']),
        retrain(project, ['reject', String(version), '--spec', 'retrain.yml', '--registry', 'registry'])
      ])
      // One wins; the other is refused as a conflict (5) or, if it read after the winner wrote, as not allowed (2).
      expect(
        [approve.code, reject.code].filter(c => c === 0),
        approve.stderr + reject.stderr
      ).toHaveLength(1)
      expect([2, 5]).toContain(approve.code === 0 ? reject.code : approve.code)
      const s = await state(project)
      expect(invariantViolations(s)).toEqual([])
      const record = s.versions.find(v => v.version === version)!
      const events = s.history.filter(e => e.version === version && (e.action === 'approved' || e.action === 'rejected'))
      expect(events).toHaveLength(1)
      expect(record.status).toBe(events[0]!.action === 'approved' ? 'promoted' : 'rejected')
      // The loser says what happened instead, and changed nothing.
      const loser = approve.code === 0 ? reject : approve
      expect(loser.stderr).toMatch(
        /was pending when this command read it, but it is (promoted|rejected) now|only a pending candidate can be rejected|already promoted|only a forced approval/
      )
    }
  })
})

describe('the registry lock', () => {
  it('a lock left by a killed process is taken over at once, saying so', async () => {
    const project = await makeProject('test/fixtures/toy', spec('gate'))
    expect((await run(project, 'out1')).code).toBe(0)
    expect((await run(project, 'out2', {}, '--param', 'delta=2')).code).toBe(0)
    const dead = spawn(process.execPath, ['-e', ''])
    const pid = dead.pid!
    await new Promise(resolve => dead.on('close', resolve))
    await writeFile(
      path.join(project, 'registry', 'toy', 'registry.json.lock'),
      JSON.stringify({ pid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z', token: 'x' })
    )
    const res = await retrain(project, ['reject', '2', '--spec', 'retrain.yml', '--registry', 'registry'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(new RegExp(`took over the registry lock .* from process ${pid}, which is gone`))
    expect((await state(project)).versions[1]!.status).toBe('rejected')
    expect(existsSync(path.join(project, 'registry', 'toy', 'registry.json.lock'))).toBe(false)
  })

  it('a lock path this tool did not write (a directory) is named at once, not waited on, and nothing changes', async () => {
    const project = await makeProject('test/fixtures/toy', spec('gate'))
    expect((await run(project, 'out1')).code).toBe(0)
    expect((await run(project, 'out2', {}, '--param', 'delta=2')).code).toBe(0)
    const before = JSON.stringify(await state(project))
    await mkdir(path.join(project, 'registry', 'toy', 'registry.json.lock'))
    const res = await retrain(project, ['reject', '2', '--spec', 'retrain.yml', '--registry', 'registry'])
    expect(res.code).toBe(5)
    expect(res.stderr).toMatch(
      /the registry lock .*registry\.json\.lock cannot be read \(EISDIR\): it is not a lock this tool wrote; move it away and run again/
    )
    expect(JSON.stringify(await state(project))).toBe(before)
  })

  // Two containers of one host name (host networking, or `--hostname`) sharing a registry volume: a
  // holder's pid is missing from the other's process table, yet it is alive. The waiter here runs in
  // a pid namespace of its own (as a container does); it must wait, not take the lock over.
  const unshareWorks = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'true']).status === 0
  it.skipIf(!unshareWorks)('a live holder in another pid namespace of the same host name is waited for, not taken for gone', async () => {
    const project = await makeProject('test/fixtures/toy', spec('gate'))
    expect((await run(project, 'out1')).code).toBe(0)
    expect((await run(project, 'out2', {}, '--param', 'delta=2')).code).toBe(0)
    const lock = path.join(project, 'registry', 'toy', 'registry.json.lock')
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostIdentity(), since: '2026-01-01T00:00:00.000Z', token: 'held' }))
    const child = spawn(
      'unshare',
      [
        '--pid',
        '--fork',
        '--mount-proc',
        process.execPath,
        path.join(process.cwd(), 'dist/cli.js'),
        'reject',
        '2',
        '--spec',
        'retrain.yml',
        '--registry',
        'registry'
      ],
      { cwd: project }
    )
    let stderr = ''
    child.stderr.on('data', d => (stderr += d))
    const closed = new Promise<number | null>(resolve => child.on('close', resolve))
    for (let i = 0; i < 600 && !/waiting for the registry lock|took over/.test(stderr); i++) await new Promise(resolve => setTimeout(resolve, 50))
    expect(stderr).not.toMatch(/took over/)
    expect(stderr).toMatch(new RegExp(`waiting for the registry lock of toy, held by process ${process.pid} on ${os.hostname()}~`))
    expect((await state(project)).versions[1]!.status).toBe('pending')
    await rm(lock)
    expect(await closed, stderr).toBe(0)
    expect((await state(project)).versions[1]!.status).toBe('rejected')
  })

  it('a live holder is waited for, and the wait says who holds it and since when', async () => {
    const project = await makeProject('test/fixtures/toy', spec('gate'))
    expect((await run(project, 'out1')).code).toBe(0)
    expect((await run(project, 'out2', {}, '--param', 'delta=2')).code).toBe(0)
    const lock = path.join(project, 'registry', 'toy', 'registry.json.lock')
    // This test process holds the lock, then lets go once the waiting command has said who holds it.
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-01-01T00:00:00.000Z', token: 'held' }))
    const child = spawn(process.execPath, [path.join(process.cwd(), 'dist/cli.js'), 'reject', '2', '--spec', 'retrain.yml', '--registry', 'registry'], {
      cwd: project
    })
    let stderr = ''
    child.stderr.on('data', d => (stderr += d))
    const closed = new Promise<number | null>(resolve => child.on('close', resolve))
    for (let i = 0; i < 600 && !/waiting for the registry lock/.test(stderr); i++) await new Promise(resolve => setTimeout(resolve, 50))
    expect(stderr).toMatch(new RegExp(`waiting for the registry lock of toy, held by process ${process.pid} on .* since 2026-01-01T00:00:00.000Z`))
    await rm(lock)
    expect(await closed, stderr).toBe(0)
    expect((await state(project)).versions[1]!.status).toBe('rejected')
  })
})
