/**
 * The action's `command: fetch` on the GitHub registry: the champion's model files, downloaded from
 * its release through the REST fake and verified against the registry's record, into output-dir;
 * `model-dir` and `candidate-version` say where and which. A release asset replaced after it was
 * stored fails the step with nothing left in output-dir.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
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
})
