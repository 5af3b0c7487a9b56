/**
 * A full disk is a clear error with its own exit code (7): the step is stopped, the run's scratch
 * directory removed, the registry unchanged. The disks are small tmpfs mounts (root can mount them,
 * as in CI); where mounting is refused the tests are skipped with the reason.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { packBundle, unpackBundle } from '../src/engine/bundle.js'
import type { Lineage } from '../src/engine/manifest.js'
import { runProcess } from '../src/engine/process-runner.js'
import { makeWorkspace } from '../src/engine/workspace.js'
import { DiskFullError, ExitCode } from '../src/errors.js'
import { makeProject, retrain, treeDigest } from './helpers/project.js'
import { alive, killPidFile, mountTmpfs, readPid, toySpec, type Tmpfs } from './helpers/runner.js'

const mounts: Tmpfs[] = []
const pidFiles: string[] = []
const scratch: string[] = []

// Probed once, so every test can be skipped with the reason when this machine refuses mounts.
const probe = await mountTmpfs(64)
const refused = typeof probe === 'string' ? probe : null
if (typeof probe !== 'string') await probe.unmount()
if (refused) console.warn(`skipping the full-disk tests: ${refused}`)

afterAll(async () => {
  for (const file of pidFiles) killPidFile(file)
  for (const mount of mounts.splice(0)) await mount.unmount()
  await Promise.all(scratch.map(dir => rm(dir, { recursive: true, force: true })))
})

async function disk(sizeKiB: number): Promise<Tmpfs> {
  const mount = await mountTmpfs(sizeKiB)
  if (typeof mount === 'string') throw new Error(mount)
  mounts.push(mount)
  return mount
}

/** Unmounts now (the finally of a test), rather than at the end of the file. */
async function release(mount: Tmpfs): Promise<void> {
  mounts.splice(mounts.indexOf(mount), 1)
  await mount.unmount()
}

/**
 * Whether no live process is left in the step's group. A killed member may linger as a zombie until
 * whoever adopted it reaps it (on a loaded machine, or under a pid 1 that reaps late): a zombie runs
 * nothing, so it does not count; the wait is bounded.
 */
async function groupGone(pid: number): Promise<boolean> {
  const liveMembers = (): number => {
    let live = 0
    for (const entry of readdirSync('/proc').filter(e => /^\d+$/.test(e))) {
      const stat = (() => {
        try {
          return readFileSync(`/proc/${entry}/stat`, 'utf8')
        } catch {
          return null
        }
      })()
      // Fields after the command name: state, ppid, pgrp, ...
      const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (fields && Number(fields[2]) === pid && fields[0] !== 'Z') live++
    }
    return live
  }
  for (let i = 0; i < 100; i++) {
    if (liveMembers() === 0) return true
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return false
}

/** A project whose model has a first version (the champion), made with the ordinary temp dir. */
async function projectWithChampion(train = 'node train.mjs'): Promise<{ cwd: string; registry: string; before: Awaited<ReturnType<typeof registryView>> }> {
  const cwd = await makeProject('test/fixtures/toy')
  await writeFile(path.join(cwd, 'retrain.yml'), toySpec({ train }))
  const first = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/first'])
  expect(first.code, first.stderr).toBe(0)
  const registry = path.join(cwd, '.retrain/registry')
  return { cwd, registry, before: await registryView(registry) }
}

/**
 * The registry as a person sees it: every stored bundle byte for byte, and the decisions in its
 * state (a run may reserve a version number and give it back; that is not a change).
 */
async function registryView(registry: string) {
  const files = await treeDigest(registry)
  delete files['toy/registry.json']
  const state = JSON.parse(await readFile(path.join(registry, 'toy/registry.json'), 'utf8'))
  return { files, champion: state.champion, versions: state.versions, history: state.history, effects: state.effects, reservations: state.reservations }
}

const lineage: Lineage = {
  model: 'toy',
  version: null,
  parentVersion: null,
  warmStart: { source: 'cold', reason: 'first-model' },
  specDigest: 'a'.repeat(64),
  gitCommit: null,
  params: {},
  trainingData: {},
  evaluationData: {},
  metrics: {},
  toolVersion: '0.0.0',
  createdAt: '2026-01-01T00:00:00.000Z',
  environment: { os: 'linux', arch: 'x64', runtimes: {}, lockfiles: {}, containerImage: null }
}

describe.skipIf(refused !== null)('a full disk', () => {
  it('TMPDIR fills while a step prints: exit 7 naming the disk, step stopped, work dir removed, registry unchanged', async () => {
    const { cwd, registry, before } = await projectWithChampion()
    const stepPid = path.join(cwd, 'step.pid')
    pidFiles.push(stepPid)
    // Prints for ever: only the runner stopping it ends the step.
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec({ train: 'echo $$ > step.pid\nyes "a line of step output that fills the scratch disk"' }))
    const tmp = await disk(512)
    try {
      const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/full'], { TMPDIR: tmp.dir })
      expect(res.code, res.stderr.slice(-2000)).toBe(ExitCode.diskFull)
      expect(res.stderr).toMatch(/the disk holding .* is full/)
      expect(res.stderr).toContain(tmp.dir)
      expect(res.stderr).not.toMatch(/Unhandled 'error' event/)
      const pid = readPid(stepPid)
      expect(pid).not.toBeNull()
      expect(alive(pid!)).toBe(false)
      expect(await groupGone(pid!)).toBe(true)
      expect(await readdir(tmp.dir)).toEqual([])
      expect(await registryView(registry)).toEqual(before)
      expect(existsSync(path.join(cwd, 'out/full/result.json'))).toBe(false)
    } finally {
      killPidFile(stepPid)
      await release(tmp)
    }
  })

  it('packing the candidate bundle into a full TMPDIR: exit 7, work dir removed, registry unchanged', async () => {
    const { cwd, registry, before } = await projectWithChampion()
    // The model fits on the disk; the bundle packed from it does not.
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec({ train: 'node train.mjs\nhead -c 600000 /dev/urandom > "$RETRAIN_MODEL_DIR/big.bin"' }))
    const tmp = await disk(1024)
    try {
      const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/full'], { TMPDIR: tmp.dir })
      expect(res.code, res.stderr.slice(-2000)).toBe(ExitCode.diskFull)
      expect(res.stderr).toMatch(/the disk holding .*model\.tar is full/)
      expect(res.stderr).toContain(tmp.dir)
      expect(await readdir(tmp.dir)).toEqual([])
      expect(await registryView(registry)).toEqual(before)
    } finally {
      await release(tmp)
    }
  })

  it('unpacking the champion into a full TMPDIR: exit 7, registry unchanged', async () => {
    const { cwd, registry, before } = await projectWithChampion('node train.mjs\nhead -c 600000 /dev/urandom > "$RETRAIN_MODEL_DIR/big.bin"')
    const tmp = await disk(256)
    try {
      const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/full'], { TMPDIR: tmp.dir })
      expect(res.code, res.stderr.slice(-2000)).toBe(ExitCode.diskFull)
      expect(res.stderr).toContain(tmp.dir)
      expect(await readdir(tmp.dir)).toEqual([])
      expect(await registryView(registry)).toEqual(before)
    } finally {
      await release(tmp)
    }
  })

  it('fetching a version onto a full disk: exit 7, nothing at or beside the destination, registry unchanged', async () => {
    const { cwd, registry, before } = await projectWithChampion('node train.mjs\nhead -c 600000 /dev/urandom > "$RETRAIN_MODEL_DIR/big.bin"')
    const target = await disk(256)
    try {
      const res = await retrain(cwd, ['fetch', '--spec', 'retrain.yml', '--out', path.join(target.dir, 'model')])
      expect(res.code, res.stderr.slice(-2000)).toBe(ExitCode.diskFull)
      expect(res.stderr).toContain(target.dir)
      expect(await readdir(target.dir)).toEqual([])
      expect(await registryView(registry)).toEqual(before)
    } finally {
      await release(target)
    }
  })

  it('in the engine: the runner, the bundle and the workspace each give DiskFullError naming the path', async () => {
    const tmp = await disk(128)
    const outside = await mkdtemp(path.join(os.tmpdir(), 'retrain-diskfull-'))
    scratch.push(outside)
    try {
      // The step's log fills the disk: the step is stopped before the error is reported.
      const pidFile = path.join(outside, 'step.pid')
      pidFiles.push(pidFile)
      const failure = await runProcess({
        id: 'printer',
        script: `echo $$ > "${pidFile}"\nyes filling`,
        shell: 'bash',
        cwd: outside,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
        scratchDir: path.join(tmp.dir, 'scratch'),
        onLine: () => {}
      }).then(
        () => null,
        (err: unknown) => err
      )
      expect(failure).toBeInstanceOf(DiskFullError)
      expect((failure as DiskFullError).path).toBe(path.join(tmp.dir, 'scratch', 'printer.log'))
      expect(alive(readPid(pidFile)!)).toBe(false)
      await rm(path.join(tmp.dir, 'scratch'), { recursive: true, force: true })

      // Packing: the archive does not fit.
      const model = path.join(outside, 'model')
      await mkdir(model)
      await writeFile(path.join(model, 'weights.bin'), Buffer.alloc(400_000, 7))
      // Hashed on this thread, and on a worker thread from the buffers being written.
      for (const parallelHashFrom of [Infinity, 0]) {
        const packed = await packBundle(model, path.join(tmp.dir, 'bundle'), lineage, { parallelHashFrom }).catch((err: unknown) => err)
        expect(packed).toBeInstanceOf(DiskFullError)
        expect((packed as DiskFullError).path).toBe(path.join(tmp.dir, 'bundle', 'model.tar'))
        expect(await readdir(path.join(tmp.dir, 'bundle'))).toEqual([])
        await rm(path.join(tmp.dir, 'bundle'), { recursive: true, force: true })
      }

      // Unpacking: the bundle is fine, the destination disk is full.
      await packBundle(model, path.join(outside, 'bundle'), lineage)
      const unpacked = await unpackBundle(path.join(outside, 'bundle'), path.join(tmp.dir, 'model')).catch((err: unknown) => err)
      expect(unpacked).toBeInstanceOf(DiskFullError)
      expect(existsSync(path.join(tmp.dir, 'model'))).toBe(false)

      // The workspace: a disk with no room left for its owner marker.
      await writeFile(path.join(tmp.dir, 'filler'), Buffer.alloc(1024 * 1024)).catch(() => undefined)
      const ws = await makeWorkspace(tmp.dir).catch((err: unknown) => err)
      expect(ws).toBeInstanceOf(DiskFullError)
      expect((await readdir(tmp.dir)).filter(name => name.startsWith('retrain-'))).toEqual([])
    } finally {
      await release(tmp)
    }
  })
})
