/**
 * The GitHub registry keeps the directory registry's semantics: the same scenarios run against both,
 * the GitHub one in-process against the loopback REST fake.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packBundle, unpackBundle } from '../../src/engine/bundle.js'
import type { Lineage } from '../../src/engine/manifest.js'
import { StaleBaselineError } from '../../src/errors.js'
import { createGitHubClient } from '../../src/registry/github/octokit.js'
import { ReleasesRegistry } from '../../src/registry/github/releases-registry.js'
import { DirectoryRegistry } from '../../src/registry/directory-registry.js'
import type { Registry, VersionStatus } from '../../src/ports.js'
import { VersionRegistry } from '../../src/registry/version-registry.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

let models = 0

const registries: [string, () => Promise<Registry>][] = [
  ['directory', async () => new DirectoryRegistry(await mkdtemp(path.join(os.tmpdir(), 'registry-')))],
  [
    'GitHub releases',
    async () =>
      new VersionRegistry(
        new ReleasesRegistry(
          createGitHubClient(github.token, {
            baseUrl: github.url,
            retryBaseMs: 10,
            retries: 2,
            timeoutMs: 5000,
            writeIntervalMs: 0,
            notificationIntervalMs: 0,
            log: () => undefined
          }),
          { owner: github.owner, repo: github.repo, branch: 'retrain-registry', partBytes: 700, retryBaseMs: 10 }
        )
      )
  ]
]

function lineage(model: string, weight: number): Lineage {
  return {
    model,
    version: null,
    parentVersion: null,
    warmStart: { source: 'cold', reason: 'first-model' },
    specDigest: 'a'.repeat(64),
    gitCommit: null,
    params: {},
    trainingData: {},
    evaluationData: {},
    metrics: { score: weight },
    toolVersion: '0.1.0',
    createdAt: '2026-01-02T03:04:05.000Z',
    environment: { os: 'linux', arch: 'x64', runtimes: { node: '20.0.0' }, lockfiles: {}, containerImage: null }
  }
}

/** Packs a small model with `weight` and registers it as a new version, the way a run commits. */
async function store(
  registry: Registry,
  model: string,
  weight: number,
  status: 'candidate' | 'pending' | 'rejected' | 'promoted' = 'candidate',
  baselineVersion: number | null = null
): Promise<number> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'conformance-'))
  await mkdir(path.join(root, 'model'))
  await writeFile(path.join(root, 'model', 'model.json'), JSON.stringify({ weight, padding: 'x'.repeat(1500) }))
  const version = await registry.reserveVersion(model)
  const manifest = await packBundle(path.join(root, 'model'), path.join(root, 'bundle'), { ...lineage(model, weight), version })
  const storage = await registry.storeBundle(model, version, path.join(root, 'bundle'))
  await registry.apply(model, {
    kind: 'register',
    version,
    record: { baselineVersion, digest: manifest.digest, metrics: { score: weight }, decision: 'promoted', createdAt: '2026-01-02T03:04:05.000Z', storage },
    status,
    expectChampion: baselineVersion,
    who: { actor: 'tester', reason: 'test' },
    effects: []
  })
  return version
}

function promote(
  registry: Registry,
  model: string,
  version: number,
  expectChampion: number | null,
  reason: string,
  status: VersionStatus = 'candidate',
  action: 'promoted' | 'rollback' = 'promoted'
) {
  return registry.apply(model, {
    kind: 'promote',
    action,
    expect: { version, status },
    expectChampion,
    who: { actor: 'tester', reason },
    forced: false,
    effects: []
  })
}

describe.each(registries)('the %s registry', (_name, make) => {
  it('numbers versions from 1 and hands back the stored bundle byte for byte', async () => {
    const registry = await make()
    const model = `conf-${++models}`
    expect(await registry.snapshot(model)).toEqual({ model, champion: null, versions: [], history: [], effects: [] })
    expect(await store(registry, model, 3)).toBe(1)
    expect(await store(registry, model, 4)).toBe(2)
    const dir = await registry.fetchBundle(model, 2, await mkdtemp(path.join(os.tmpdir(), 'fetched-')))
    const out = await mkdtemp(path.join(os.tmpdir(), 'unpacked-'))
    const manifest = await unpackBundle(dir, out)
    expect(JSON.parse(await readFile(path.join(out, 'model.json'), 'utf8')).weight).toBe(4)
    expect(manifest.digest).toBe((await registry.snapshot(model)).versions[1]!.digest)
  })

  it('promotes by compare-and-swap against the expected champion, whatever the version numbers', async () => {
    const registry = await make()
    const model = `conf-${++models}`
    const v1 = await store(registry, model, 1)
    await promote(registry, model, v1, null, 'first')
    const v2 = await store(registry, model, 2, 'candidate', v1)
    await promote(registry, model, v2, v1, 'second')
    // Compared with version 1, but the champion is version 2 now.
    await expect(promote(registry, model, v1, v1, 'stale', 'retired', 'rollback')).rejects.toBeInstanceOf(StaleBaselineError)
    // A rollback to an older number is fine when the expected champion matches.
    await promote(registry, model, v1, v2, 'rollback', 'retired', 'rollback')
    const snapshot = await registry.snapshot(model)
    expect(snapshot.champion).toBe(v1)
    expect(snapshot.versions.map(v => v.status)).toEqual(['promoted', 'retired'])
    expect(snapshot.history.map(e => [e.action, e.version, e.from])).toEqual([
      ['registered', 1, null],
      ['promoted', 1, null],
      ['registered', 2, 1],
      ['promoted', 2, 1],
      ['rollback', 1, 2]
    ])
  })

  it('gives concurrent writers distinct numbers and exactly one winner', async () => {
    const registry = await make()
    const model = `conf-${++models}`
    const versions = await Promise.all([1, 2, 3].map(w => store(registry, model, w)))
    expect([...versions].sort()).toEqual([1, 2, 3])
    const outcomes = await Promise.allSettled(versions.map(v => promote(registry, model, v, null, `v${v}`)))
    expect(outcomes.filter(o => o.status === 'fulfilled')).toHaveLength(1)
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(StaleBaselineError)
    const snapshot = await registry.snapshot(model)
    expect(snapshot.history.filter(e => e.action === 'promoted')).toHaveLength(1)
    expect(snapshot.versions.filter(v => v.status === 'promoted').map(v => v.version)).toEqual([snapshot.champion])
  })

  it('changes a status without touching the champion', async () => {
    const registry = await make()
    const model = `conf-${++models}`
    const v1 = await store(registry, model, 1, 'pending')
    await registry.apply(model, { kind: 'reject', expect: { version: v1, status: 'pending' }, who: { actor: 'tester', reason: 'no' }, effects: [] })
    const snapshot = await registry.snapshot(model)
    expect(snapshot.champion).toBeNull()
    expect(snapshot.versions[0]!.status).toBe('rejected')
    expect(snapshot.history.at(-1)).toMatchObject({ action: 'rejected', version: 1, from: null })
  })
})
