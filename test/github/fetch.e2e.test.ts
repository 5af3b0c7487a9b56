/**
 * The action's `command: fetch` on the GitHub registry: the champion's model files, downloaded from
 * its release through the REST fake and verified against the registry's record, into output-dir;
 * `model-dir` and `candidate-version` say where and which. A release asset replaced after it was
 * stored fails the step with nothing left in output-dir.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, registryState, runAction, toyProject } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

describe('command fetch', { timeout: 120_000 }, () => {
  it("puts the champion's verified model files in output-dir and says where; an earlier version by the input version", async () => {
    const workspace = await toyProject('fetched', AUTO)
    for (let i = 0; i < 2; i++) {
      const run = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
      expect(run.code, run.log).toBe(0)
    }
    expect(registryState(github, 'fetched')!.champion).toBe(2)

    const writes = github.requests.filter(r => r.method !== 'GET').length
    const fetch = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', command: 'fetch' } })
    expect(fetch.code, fetch.log).toBe(0)
    const dir = fetch.outputs[Outputs.modelDir]!
    expect(dir).toMatch(/retrain[\\/]fetched-v2$/)
    expect(fetch.outputs[Outputs.candidateVersion]).toBe('2')
    expect(fetch.log).toMatch(
      /Fetched fetched version 2 \(the champion\) into .*fetched-v2: 2 files, \d+ bytes, digest [0-9a-f]{12}, verified against the registry/
    )
    expect(JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8'))).toMatchObject({ w: 2, generation: 2 })
    // It only reads.
    expect(github.requests.filter(r => r.method !== 'GET').length).toBe(writes)

    const into = path.join(await mkdtemp(path.join(os.tmpdir(), 'fetch-action-')), 'v{version}')
    const earlier = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', command: 'fetch', version: '1', 'output-dir': into } })
    expect(earlier.code, earlier.log).toBe(0)
    expect(earlier.outputs[Outputs.modelDir]).toBe(into.replace('{version}', '1'))
    expect(JSON.parse(await readFile(path.join(into.replace('{version}', '1'), 'model.json'), 'utf8'))).toMatchObject({ w: 1, generation: 1 })
  })

  it('fails on a release asset replaced after it was stored, leaving nothing in output-dir', async () => {
    const workspace = await toyProject('fetch-replaced', AUTO)
    const run = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
    expect(run.code, run.log).toBe(0)
    const release = [...github.releases.values()].find(r => r.tag_name === 'retrain-fetch-replaced-v1')!
    const archive = release.assets.map(id => github.assets.get(id)!).find(a => a.name === 'model.tar')!
    archive.data = Buffer.from(archive.data)
    archive.data[700]! ^= 0xff
    const into = path.join(await mkdtemp(path.join(os.tmpdir(), 'fetch-action-')), 'model')
    const fetch = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', command: 'fetch', 'output-dir': into } })
    expect(fetch.code, fetch.log).toBe(1)
    expect(fetch.log).toMatch(
      /::error::asset-digest-mismatch: asset model\.tar of fetch-replaced version 1 has sha256 [0-9a-f]{64} \(\d+ bytes\), but the registry recorded/
    )
    expect(fetch.outputs[Outputs.modelDir]).toBeUndefined()
    expect(existsSync(into)).toBe(false)
  })

  it("a fetch killed outright (kill -9) mid-download leaves files the next fetch removes; a live fetch's and another host's stay", async () => {
    const workspace = await toyProject('fetch-killed', AUTO)
    const run = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
    expect(run.code, run.log).toBe(0)
    const root = await mkdtemp(path.join(os.tmpdir(), 'fetch-killed-'))
    // The fetches' temp root, to see what they leave there too.
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'fetch-killed-tmp-'))
    const fetch = { spec: 'retrain.yml', command: 'fetch', 'output-dir': path.join(root, 'v{version}') }
    let downloading!: () => void
    const started = new Promise<void>(resolve => (downloading = resolve))
    github.faults.push({ method: 'GET', path: /\/release-assets\/\d+$/, kind: 'hang', times: 1, then: () => downloading() })
    const killed = await runAction(workspace, { github, inputs: fetch, env: { TMPDIR: tmp }, kill: { at: started } })
    expect(killed.code, killed.log).toBeNull()
    const leftBehind = async () => [...(await readdir(root)), ...(await readdir(tmp)).filter(n => n.startsWith('retrain-'))].sort()
    expect(await leftBehind()).not.toEqual([])

    // Folders of fetches still going: this process's (alive), and one of another host (cannot be checked).
    const owners = { 'v1.partial-0123abcd': { pid: process.pid, hostname: os.hostname() }, 'v1.partial-4567cdef': { pid: 1, hostname: `not-${os.hostname()}` } }
    for (const [name, owner] of Object.entries(owners)) {
      await mkdir(path.join(root, name, 'model'), { recursive: true })
      await writeFile(path.join(root, name, '.retrain-owner.json'), JSON.stringify({ ...owner, startedAt: new Date().toISOString() }))
    }
    const next = await runAction(workspace, { github, inputs: fetch, env: { TMPDIR: tmp } })
    expect(next.code, next.log).toBe(0)
    expect(next.outputs[Outputs.modelDir]).toBe(path.join(root, 'v1'))
    expect(await leftBehind()).toEqual(['v1', ...Object.keys(owners)])
  })
})
