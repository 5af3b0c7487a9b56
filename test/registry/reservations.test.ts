/**
 * Reservations of runs that died where their process cannot be checked (another host, a lost runner):
 * after RESERVATION_TTL_MS the next reservation gives the number back and deletes the bundle the run
 * stored; that run's register is refused from then on, so no version is ever registered without its
 * bundle. A reservation still young, or one whose run registered first, is left alone. The same
 * scenario runs against the directory registry and the GitHub registry through the REST fake.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packBundle } from '../../src/engine/bundle.js'
import type { Lineage } from '../../src/engine/manifest.js'
import { InputError, RetrainError } from '../../src/errors.js'
import { createGitHubClient } from '../../src/registry/github/octokit.js'
import { ReleasesRegistry } from '../../src/registry/github/releases-registry.js'
import { DirectoryStore } from '../../src/registry/directory-registry.js'
import type { Registry } from '../../src/ports.js'
import { GITHUB_HOSTED_RUN_LIMIT_MS, RESERVATION_TTL_MS, VersionRegistry } from '../../src/registry/version-registry.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

const T0 = Date.parse('2026-06-01T00:00:00.000Z')
const DAY = 24 * 3600 * 1000

interface Kind {
  /** A registry client acting as `owner` at time `at`. */
  make(owner: string, at: number, log?: (message: string) => void, runLimitMs?: number): VersionRegistry
  /** Whether version `version`'s bundle is still stored. */
  stored(model: string, version: number): boolean
}

async function directoryKind(): Promise<Kind> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'reservations-'))
  return {
    make: (owner, at, log, runLimitMs) => new VersionRegistry(new DirectoryStore(root, () => undefined), { owner, now: () => new Date(at), log, runLimitMs }),
    stored: (model, version) => existsSync(path.join(root, model, 'versions', String(version)))
  }
}

async function githubKind(): Promise<Kind> {
  const client = createGitHubClient(github.token, {
    baseUrl: github.url,
    retryBaseMs: 10,
    retries: 2,
    timeoutMs: 5000,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    log: () => undefined
  })
  const branch = `reservations-${Math.random().toString(36).slice(2, 8)}`
  return {
    make: (owner, at, log, runLimitMs) =>
      new VersionRegistry(new ReleasesRegistry(client, { owner: github.owner, repo: github.repo, branch, partBytes: 700, retryBaseMs: 10 }), {
        owner,
        now: () => new Date(at),
        log,
        retryBaseMs: 10,
        runLimitMs
      }),
    stored: (model, version) => [...github.releases.values()].some(r => r.tag_name === `retrain-${model}-v${version}`)
  }
}

function lineage(model: string, version: number): Lineage {
  return {
    model,
    version,
    parentVersion: null,
    warmStart: { source: 'cold', reason: 'first-model' },
    specDigest: 'c'.repeat(64),
    gitCommit: null,
    params: {},
    trainingData: {},
    evaluationData: {},
    metrics: { score: version },
    toolVersion: '0.1.0',
    createdAt: '2026-01-02T03:04:05.000Z',
    environment: { os: 'linux', arch: 'x64', runtimes: { node: '20.0.0' }, lockfiles: {}, containerImage: null }
  }
}

/** A run up to its commit: reserve, pack, store. Returns the register call it would make next. */
async function reserveAndStore(registry: Registry, model: string): Promise<{ version: number; register: () => Promise<unknown> }> {
  const version = await registry.reserveVersion(model)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'reservations-run-'))
  await mkdir(path.join(dir, 'model'))
  await writeFile(path.join(dir, 'model', 'model.json'), JSON.stringify({ version }))
  const manifest = await packBundle(path.join(dir, 'model'), path.join(dir, 'bundle'), lineage(model, version))
  const storage = await registry.storeBundle(model, version, path.join(dir, 'bundle'))
  const register = () =>
    registry.apply(model, {
      kind: 'register',
      version,
      record: {
        baselineVersion: null,
        digest: manifest.digest,
        metrics: { score: version },
        decision: 'rejected',
        createdAt: '2026-01-02T03:04:05.000Z',
        storage
      },
      status: 'rejected',
      expectChampion: null,
      who: { actor: 'run', reason: 'test' },
      effects: []
    })
  return { version, register }
}

let models = 0

describe.each([
  ['directory', directoryKind],
  ['GitHub releases', githubKind]
])('reservations in the %s registry', (_name, kind) => {
  it('a reservation older than the limit is given back with its bundle, and its run can no longer register', async () => {
    const k = await kind()
    const model = `lost${++models}`
    const lost = k.make('runner-gone:4242', T0)
    const late = await reserveAndStore(lost, model)
    expect(k.stored(model, late.version)).toBe(true)

    // A day later another host's run keeps the young reservation.
    const young = k.make('other-host:17', T0 + DAY)
    const second = await reserveAndStore(young, model)
    expect(second.version).toBe(late.version + 1)
    let state = await young.state(model)
    expect(state.reservations.map(r => r.version)).toEqual([late.version, second.version])
    expect(k.stored(model, late.version)).toBe(true)
    await second.register()

    // Past the limit: the next reservation gives the lost run's number back and deletes its bundle.
    const log: string[] = []
    const later = k.make('other-host:18', T0 + RESERVATION_TTL_MS + 1, m => log.push(m))
    const third = await later.reserveVersion(model)
    expect(third).toBe(second.version + 1)
    state = await later.state(model)
    expect(state.reservations.map(r => r.version)).toEqual([third])
    expect(state.lastReserved).toBe(third)
    expect(k.stored(model, late.version), 'the lost run’s bundle was deleted').toBe(false)
    expect(log.join('\n')).toMatch(
      new RegExp(
        `Released version ${late.version} of ${model}, reserved by runner-gone:4242 at .*: it was made more than 7 days ago, on a host this one cannot check`
      )
    )

    // The lost run comes back and commits: refused, nothing registered.
    const before = JSON.stringify((await later.state(model)).versions)
    const refusal = await late.register().then(
      () => null,
      (err: unknown) => err
    )
    expect(refusal).toBeInstanceOf(RetrainError)
    expect((refusal as RetrainError).reason).toBe('reservation-released')
    expect((refusal as Error).message).toMatch(new RegExp(`${model} version ${late.version} is no longer reserved`))
    expect(JSON.stringify((await later.state(model)).versions)).toBe(before)
    expect((await later.state(model)).versions.map(v => v.version)).toEqual([second.version])
  })

  it('a reservation whose run has a time limit is given back once that limit is past, long before the general one', async () => {
    const k = await kind()
    const model = `bounded${++models}`
    const HOUR = 3600_000
    const lost = k.make('hosted-runner-gone:7', T0, undefined, GITHUB_HOSTED_RUN_LIMIT_MS)
    const late = await reserveAndStore(lost, model)
    const [reservation] = (await lost.state(model)).reservations
    expect(reservation.expires).toBe(new Date(T0 + GITHUB_HOSTED_RUN_LIMIT_MS).toISOString())

    // Within the limit the run may still commit: another host's run leaves its number alone.
    const within = k.make('other-host:20', T0 + GITHUB_HOSTED_RUN_LIMIT_MS - HOUR)
    const second = await within.reserveVersion(model)
    expect((await within.state(model)).reservations.map(r => r.version)).toEqual([late.version, second])
    expect(k.stored(model, late.version)).toBe(true)

    // Past it, the number is given back with the bundle, and the lost run can no longer register.
    const log: string[] = []
    const past = k.make('other-host:21', T0 + GITHUB_HOSTED_RUN_LIMIT_MS + 1, m => log.push(m))
    const third = await past.reserveVersion(model)
    expect((await past.state(model)).reservations.map(r => r.version)).toEqual([second, third])
    expect(k.stored(model, late.version)).toBe(false)
    expect(log.join('\n')).toMatch(
      new RegExp(
        `Released version ${late.version} of ${model}, reserved by hosted-runner-gone:7 at .*: its run had certainly ended by ${new Date(T0 + GITHUB_HOSTED_RUN_LIMIT_MS).toISOString()}`
      )
    )
    const refusal = await late.register().then(
      () => null,
      (err: unknown) => err
    )
    expect((refusal as RetrainError).reason).toBe('reservation-released')
    expect((await past.state(model)).versions).toEqual([])
  })

  it('a run whose commit landed though its answer was lost keeps its bundle when it abandons the version; one that did not commit gives both back', async () => {
    const k = await kind()
    const model = `landed${++models}`
    const log: string[] = []
    const registry = k.make('runner-c:3', T0, m => log.push(m))
    const landed = await reserveAndStore(registry, model)
    // The commit landed, but the run was told it failed (its answer cut by a cancellation): it abandons the version.
    await landed.register()
    await registry.abandonVersion(model, landed.version)
    expect(k.stored(model, landed.version), 'the registered version’s bundle').toBe(true)
    expect((await registry.state(model)).versions.map(v => v.version)).toEqual([landed.version])
    expect(log.join('\n')).toContain(`${model} version ${landed.version} was registered after all (the answer to its commit was lost): it keeps its bundle`)

    const unregistered = await reserveAndStore(registry, model)
    await registry.abandonVersion(model, unregistered.version)
    expect(k.stored(model, unregistered.version)).toBe(false)
    const state = await registry.state(model)
    expect(state.reservations).toEqual([])
    expect(state.versions.map(v => v.version)).toEqual([landed.version])
  })

  it('a run whose reservation was given back while it stored its bundle is told so, with what the storage answered', async () => {
    const k = await kind()
    const model = `storing${++models}`
    const lost = k.make('runner-gone:9', T0)
    const version = await lost.reserveVersion(model)
    const missing = path.join(os.tmpdir(), `reservations-missing-${version}-${models}`)
    // While the reservation is held, a failure to store is only the storage's.
    const held = await lost.storeBundle(model, version, missing).then(
      () => null,
      (err: unknown) => err
    )
    expect(held).toBeInstanceOf(Error)
    expect((held as RetrainError).reason).not.toBe('reservation-released')
    // Past the limit another run gives the number back; the lost run's storing then fails (here: its
    // bundle is gone; on GitHub, the release it was uploading to was deleted) and says why.
    await k.make('other-host:19', T0 + RESERVATION_TTL_MS + 1).reserveVersion(model)
    const refusal = await lost.storeBundle(model, version, missing).then(
      () => null,
      (err: unknown) => err
    )
    expect(refusal).toBeInstanceOf(RetrainError)
    expect((refusal as RetrainError).reason).toBe('reservation-released')
    expect((refusal as Error).message).toMatch(new RegExp(`${model} version ${version} is no longer reserved: .*storing its bundle failed: .*ENOENT`))
    expect((await lost.state(model)).versions).toEqual([])
  })

  it('a reclaim loses to a run that registered first: only its own owner’s reservation is released', async () => {
    const k = await kind()
    const model = `race${++models}`
    const run = k.make('runner-a:1', T0)
    const { version, register } = await reserveAndStore(run, model)
    await register()
    // A reclaimer that read the state before the register: its release names the owner, and is refused.
    const refusal = await run.apply(model, { kind: 'release-reservation', version, owner: 'runner-a:1' }).then(
      () => null,
      (err: unknown) => err
    )
    expect(refusal).toBeInstanceOf(InputError)
    expect((refusal as Error).message).toMatch(`version ${version} is no longer reserved by runner-a:1`)
    expect(k.stored(model, version), 'the registered version keeps its bundle').toBe(true)
    expect((await run.state(model)).versions.map(v => v.version)).toEqual([version])
  })
})
