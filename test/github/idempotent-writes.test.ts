/**
 * The pieces that keep GitHub writes single: the retry helper, the ruleset classifier, and the
 * releases registry in-process against the hostile REST fake (concurrent writers whose answers are
 * lost, assets without digests, a contents API that refuses large files outright).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packBundle } from '../../src/engine/bundle.js'
import type { Lineage } from '../../src/engine/manifest.js'
import { RetrainError } from '../../src/errors.js'
import { createGitHubClient } from '../../src/registry/github/octokit.js'
import { RegistryBranchProtectedError, isRuleViolation } from '../../src/registry/github/protection.js'
import { ReleasesRegistry } from '../../src/registry/github/releases-registry.js'
import { VersionRegistry } from '../../src/registry/version-registry.js'
import { createOnce, sendOnce, withRetries } from '../../src/registry/github/retry.js'
import { fetchFollowingToStorage } from '../../src/registry/github/octokit.js'
import { CONTENTS_LIMIT, startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'

const httpError = (status: number, message: string, data: unknown = { message }) => Object.assign(new Error(message), { status, response: { data } })

describe('the retry helper', () => {
  const policy = { retries: 3, baseMs: 0, log: () => undefined }

  it('retries no answer and 5xx, up to the bound; 4xx and RetrainErrors are final', async () => {
    let calls = 0
    await expect(
      withRetries('x', policy, async () => {
        calls++
        throw httpError(502, 'bad gateway')
      })
    ).rejects.toThrow('bad gateway')
    expect(calls).toBe(4)
    for (const final of [httpError(422, 'invalid'), new RetrainError('no', 2, 'bad-input')]) {
      calls = 0
      await expect(
        withRetries('x', policy, async () => {
          calls++
          throw final
        })
      ).rejects.toBe(final)
      expect(calls).toBe(1)
    }
    calls = 0
    expect(await withRetries('x', policy, async retry => (++calls < 3 ? Promise.reject(new Error('socket hang up')) : retry))).toBe(2)
  })

  it('createOnce looks for what an unanswered attempt made before creating again', async () => {
    const made: string[] = []
    const log: string[] = []
    const result = await createOnce(
      'making a thing',
      { ...policy, log: m => log.push(m) },
      {
        create: async () => {
          made.push('thing')
          throw new Error('other side closed') // made, but the answer was lost
        },
        find: async () => made[0]
      }
    )
    expect(result).toBe('thing')
    expect(made).toEqual(['thing'])
    expect(log.at(-1)).toMatch(/making a thing: the earlier attempt had succeeded/)

    // Nothing found: created again, once per retry at most.
    let creates = 0
    expect(
      await createOnce('y', policy, {
        create: async () => (++creates < 2 ? Promise.reject(httpError(503, 'unavailable')) : 'made'),
        find: async () => undefined
      })
    ).toBe('made')
    expect(creates).toBe(2)
  })
})

describe('sending once and following redirects to storage', () => {
  it('sendOnce never resends: no answer is an unknown outcome, a 4xx is thrown', async () => {
    let sends = 0
    expect(await sendOnce(async () => void sends++)).toEqual({ outcome: 'sent' })
    const lost = await sendOnce(async () => {
      sends++
      throw new Error('other side closed')
    })
    expect(lost.outcome).toBe('unknown')
    await expect(sendOnce(async () => Promise.reject(httpError(422, 'Unexpected inputs provided')))).rejects.toThrow('Unexpected inputs')
    expect(sends).toBe(2)
  })

  it('a redirect to another origin is followed without the Authorization header, whatever fetch does', async () => {
    const seen: { url: string; authorization: string | null; redirect?: string }[] = []
    const fake: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers)
      seen.push({ url: String(input), authorization: headers.get('authorization'), redirect: init?.redirect })
      return String(input).startsWith('https://api.example.test')
        ? new Response(null, { status: 302, headers: { location: 'https://storage.example.test/a?sig=1' } })
        : new Response('bytes', { status: 200 })
    }
    const response = await fetchFollowingToStorage(fake)('https://api.example.test/repos/o/r/releases/assets/1', {
      headers: { authorization: 'token t', accept: 'application/octet-stream' }
    })
    expect(await response.text()).toBe('bytes')
    expect(seen).toEqual([
      { url: 'https://api.example.test/repos/o/r/releases/assets/1', authorization: 'token t', redirect: 'manual' },
      { url: 'https://storage.example.test/a?sig=1', authorization: null, redirect: 'manual' }
    ])
  })
})

describe('rule violations', () => {
  const docs = 'https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/about-rulesets'
  it('are told apart from a lost compare-and-swap and from a branch that exists', () => {
    const rules = [
      httpError(409, 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n', {
        message: 'Repository rule violations found',
        documentation_url: docs,
        status: '409'
      }),
      httpError(422, 'Repository rule violations found\n\nCannot create ref due to creations being restricted.\n\n'),
      httpError(422, 'Protected branch update failed for refs/heads/retrain-registry.')
    ]
    for (const err of rules) expect(isRuleViolation(err)).toBe(true)
    const others = [
      httpError(409, 'retrain-registry/m/registry.json is at 3d21ec53a331a6f037a91c368710b99387d012c1 but expected 0b7c0f7d9d07ac1bd5ad03c1b0e2e1b5e8e2e2e2'),
      httpError(409, 'm/registry.json does not match 3d21ec53a331'),
      httpError(422, 'Reference already exists'),
      httpError(500, 'Repository rule violations found')
    ]
    for (const err of others) expect(isRuleViolation(err)).toBe(false)
    const error = new RegistryBranchProtectedError('retrain-registry', 'o/r', 'write', rules[0])
    expect(error).toMatchObject({ reason: 'registry-branch-protected', exitCode: 2 })
    expect(error.message).toMatch(
      /Exclude branch `retrain-registry` from the ruleset \/ branch protection .* set the input registry-branch to an unprotected branch/
    )
  })
})

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

function registry(log: string[] = [], branch = 'retrain-registry') {
  const client = createGitHubClient(github.token, {
    baseUrl: github.url,
    retryBaseMs: 5,
    retries: 3,
    timeoutMs: 5000,
    writeIntervalMs: 0,
    notificationIntervalMs: 0,
    log: m => log.push(m)
  })
  return new VersionRegistry(
    new ReleasesRegistry(client, { owner: github.owner, repo: github.repo, branch, partBytes: 700, retryBaseMs: 5, log: m => log.push(m) })
  )
}

function lineage(model: string): Lineage {
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
    metrics: {},
    toolVersion: '0.1.0',
    createdAt: '2026-01-02T03:04:05.000Z',
    environment: { os: 'linux', arch: 'x64', runtimes: { node: '20.0.0' }, lockfiles: {}, containerImage: null }
  }
}

async function store(reg: VersionRegistry, model: string, weight: number): Promise<number> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'idempotent-'))
  await mkdir(path.join(root, 'model'))
  await writeFile(path.join(root, 'model', 'model.json'), JSON.stringify({ weight, padding: 'x'.repeat(1500) }))
  const version = await reg.reserveVersion(model)
  const manifest = await packBundle(path.join(root, 'model'), path.join(root, 'bundle'), { ...lineage(model), version })
  const storage = await reg.storeBundle(model, version, path.join(root, 'bundle'))
  await reg.apply(model, {
    kind: 'register',
    version,
    record: {
      baselineVersion: null,
      digest: manifest.digest,
      metrics: { score: weight },
      decision: 'candidate',
      createdAt: '2026-01-02T03:04:05.000Z',
      storage
    },
    status: 'candidate',
    expectChampion: null,
    who: { actor: 'tester', reason: 'test' },
    effects: []
  })
  return version
}

const STATE_PATH = (model: string) => new RegExp(`/contents/${model}(/|%2F)registry\\.json$`)

// Sequential: faults are injected per route.
describe('the releases registry against a hostile GitHub', () => {
  it('concurrent writers whose answers are lost still get distinct numbers, one release each', async () => {
    const model = 'concurrent-lost'
    await store(registry(), model, 0)
    github.faults.push({ method: 'PUT', path: STATE_PATH(model), kind: 'drop-after', times: 4 })
    const versions = await Promise.all([1, 2, 3, 4].map(w => store(registry(), model, w)))
    github.faults.length = 0
    expect([...versions].sort()).toEqual([2, 3, 4, 5])
    const snapshot = await registry().snapshot(model)
    expect(snapshot.versions.map(v => v.version).sort()).toEqual([1, 2, 3, 4, 5])
    expect(snapshot.history.filter(e => e.action === 'registered')).toHaveLength(5)
    const tags = [...github.releases.values()].filter(r => r.tag_name.startsWith(`retrain-${model}-`)).map(r => r.tag_name)
    expect(tags.sort()).toEqual([1, 2, 3, 4, 5].map(v => `retrain-${model}-v${v}`))
  })

  it('a write whose answer was lost is recognised even when the next read still shows the state before it', async () => {
    const model = 'lagging'
    const log: string[] = []
    await store(registry(), model, 0)
    // Reserving goes through; storing the version is written, its answer lost, and the next read lags.
    github.faults.push({
      method: 'PUT',
      path: STATE_PATH(model),
      kind: 'drop-after',
      times: 1,
      skip: 1,
      then: () => github.staleReads.push({ path: /^lagging\/registry\.json$/, times: 1 })
    })
    try {
      expect(await store(registry(log), model, 1)).toBe(2)
    } finally {
      github.faults.length = 0
    }
    expect(github.staleReads.map(x => x.times)).toEqual([0])
    github.staleReads.length = 0
    const snapshot = await registry().snapshot(model)
    expect(snapshot.versions.map(v => v.version)).toEqual([1, 2])
    expect(snapshot.history.map(e => [e.action, e.version])).toEqual([
      ['registered', 1],
      ['registered', 2]
    ])
  })

  it('an asset without a digest is compared by downloading it from storage (without the token)', async () => {
    const model = 'no-digests'
    const log: string[] = []
    github.assetDigests = false
    github.faults.push({ host: 'uploads', method: 'POST', path: /\/assets$/, kind: 'drop-after', times: 1 })
    const before = github.requests.length
    try {
      expect(await store(registry(log), model, 1)).toBe(1)
    } finally {
      github.assetDigests = true
      github.faults.length = 0
    }
    expect(log).toContain('release asset model.tar.part-000 was already uploaded whole (its answer was lost); using it')
    const storage = github.requests.slice(before).filter(r => r.host === 'storage')
    expect(storage.map(r => [r.status, r.authorized])).toEqual([[200, false]])
    const release = github.releases.get([...github.releases.values()].find(r => r.tag_name === `retrain-${model}-v1`)!.id)!
    expect(release.assets.map(id => github.assets.get(id)!.name).filter(n => n === 'model.tar.part-000')).toHaveLength(1)
    // And the stored bundle comes back whole.
    await registry().fetchBundle(model, 1, await mkdtemp(path.join(os.tmpdir(), 'fetched-')))
  })

  it('a state above 1 MB is found through its directory listing when the contents API refuses it outright', async () => {
    const model = 'refused-large'
    const versions = Array.from({ length: 6000 }, (_, i) => ({
      version: i + 1,
      status: 'rejected',
      baselineVersion: null,
      digest: 'd'.repeat(64),
      metrics: { score: i },
      decision: 'rejected',
      createdAt: '2026-01-01T00:00:00.000Z'
    }))
    const text = JSON.stringify({ schemaVersion: 1, model, champion: null, lastReserved: 6000, versions, history: [], releases: {} }, null, 2)
    expect(text.length).toBeGreaterThan(CONTENTS_LIMIT)
    github.putFile('retrain-registry', `${model}/registry.json`, text)
    github.objectMediaType = false
    try {
      expect((await registry().snapshot(model)).versions).toHaveLength(6000)
      expect(await store(registry(), model, 1)).toBe(6001)
    } finally {
      github.objectMediaType = true
    }
    expect((await registry().snapshot(model)).versions).toHaveLength(6001)
  })

  it('a lost answer to creating the registry branch is as good as the branch', async () => {
    const before = github.requests.length
    github.faults.push({ method: 'POST', path: /\/git\/refs$/, kind: 'drop-after', times: 1 })
    expect(await store(registry([], 'fresh-registry'), 'fresh', 1)).toBe(1)
    github.faults.length = 0
    expect(github.refs.has('heads/fresh-registry')).toBe(true)
    // Made, answer lost; sent again by the client: "Reference already exists", which is as good.
    const refs = github.requests.slice(before).filter(r => r.method === 'POST' && r.path.endsWith('/git/refs'))
    expect(refs.map(r => r.status)).toEqual([-1, 422])
  })
})
