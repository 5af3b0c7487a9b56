/**
 * Fault injection at the loopback servers: transient 5xx answers and requests left without an
 * answer are retried with backoff and the run succeeds; persistent failures fail the run with the
 * champion untouched and nothing half-stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, registryState, runAction, toyProject, type RunOptions } from './harness.js'

let github: FakeGitHub
let artifacts: FakeArtifacts

beforeAll(async () => {
  ;[github, artifacts] = await Promise.all([startFakeGitHub(), startFakeArtifacts()])
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await Promise.all([github?.close(), artifacts?.close()])
})

function act(workspace: string, options: RunOptions = {}) {
  // A short deadline so that a request left hanging is abandoned quickly.
  return runAction(workspace, {
    github,
    artifacts,
    ...options,
    inputs: { spec: 'retrain.yml', ...options.inputs },
    env: { RETRAIN_HTTP_TIMEOUT_MS: '500', ...options.env }
  })
}

// Octokit sends the path with its slash encoded.
const STATE_PATH = (model: string) => new RegExp(`/contents/${model}(/|%2F)registry\\.json$`)

// Sequential: faults are injected per route, so a test's faults must not hit another test's requests.
describe('faults at the loopback servers', () => {
  it('5xx answers and hanging requests from the API and the blob store are retried, and the run succeeds', async () => {
    const workspace = await toyProject('flaky', AUTO)
    github.faults.push(
      { method: 'GET', path: STATE_PATH('flaky'), kind: 'hang', times: 1 },
      { method: 'PUT', path: STATE_PATH('flaky'), kind: { status: 502 }, times: 2 },
      { method: 'POST', path: /\/releases$/, kind: { status: 503 }, times: 1 },
      { method: 'POST', path: /\/releases\/\d+\/assets$/, kind: { status: 500 }, times: 1 },
      { method: 'PATCH', path: /\/releases\/\d+$/, kind: 'hang', times: 1 }
    )
    artifacts.faults.push({ target: 'blob', status: 503, times: 1 })
    const run = await act(workspace)
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    expect(github.faults.map(f => f.times)).toEqual([0, 0, 0, 0, 0])
    expect(artifacts.blobFaults).toBe(1)
    expect(registryState(github, 'flaky')!.champion).toBe(1)
    const failed = github.requests.filter(r => r.status === 0 || r.status >= 500)
    expect(failed).toHaveLength(6)
  })

  it('an upload to the blob store that gets no answer is abandoned and tried again', async () => {
    const workspace = await toyProject('slow-blobs', AUTO)
    artifacts.faults.push({ target: 'blob', status: 'hang', times: 1 })
    const before = artifacts.blobFaults
    // @actions/artifact abandons a chunk after this long; the store then retries the whole upload.
    const run = await act(workspace, { env: { ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS: '500' } })
    expect(run.code, run.log).toBe(0)
    expect(artifacts.blobFaults - before).toBe(1)
    expect(run.log).toMatch(/Uploading the workflow artifact slow-blobs-v1-bundle-attempt1 failed \(attempt 1 of 3\)/)
    expect(JSON.parse(run.outputs[Outputs.artifacts]!).map((a: { name: string }) => a.name)).toContain('slow-blobs-v1-bundle-attempt1')
  })

  it('when creating the release keeps failing, the run fails and only a reserved number remains', async () => {
    const workspace = await toyProject('broken-releases', AUTO)
    github.faults.push({ method: 'POST', path: /\/releases$/, kind: { status: 500 }, times: Infinity })
    const run = await act(workspace)
    github.faults.length = 0
    expect(run.code).toBe(1)
    expect(run.log).toMatch(
      /::error::GitHub's API answered 500 to POST http:\/\/127\.0\.0\.1:\d+\/repos\/octo-org\/models\/releases: injected fault \(GitHub or the network had a problem that persisted through the retries; re-run the job\)/
    )
    const state = registryState(github, 'broken-releases')!
    expect(state).toMatchObject({ champion: null, lastReserved: 1, versions: [], releases: {} })
    // Retried with backoff: the first attempt and four retries.
    expect(github.requests.filter(r => r.method === 'POST' && /\/releases$/.test(r.path) && r.status === 500)).toHaveLength(5)
  })

  it('when the commit write keeps failing, nothing changes: the champion stays, the candidate is not registered, its draft is deleted', async () => {
    const workspace = await toyProject('broken-pointer', AUTO)
    expect((await act(workspace)).code).toBe(0)
    // Let the reservation through, then fail every write of the state: the commit among them.
    github.faults.push({ method: 'PUT', path: STATE_PATH('broken-pointer'), kind: { status: 503 }, times: Infinity, skip: 1 })
    const run = await act(workspace)
    github.faults.length = 0
    expect(run.code).toBe(1)
    const state = registryState(github, 'broken-pointer')!
    expect(state.champion).toBe(1)
    expect(state.versions.map(v => [v.version, v.status])).toEqual([[1, 'promoted']])
    expect(state.history.filter(e => e.action === 'promoted').map(e => e.version)).toEqual([1])
    expect([...github.releases.values()].filter(r => r.tag_name === 'retrain-broken-pointer-v2')).toEqual([])
  })

  it('when the artifact service keeps refusing uploads, the run fails before any promotion', async () => {
    const workspace = await toyProject('no-artifacts', AUTO)
    artifacts.faults.push({ target: 'CreateArtifact', status: 400, times: Infinity })
    const run = await act(workspace)
    artifacts.faults.length = 0
    expect(run.code).toBe(1)
    expect(run.log).toMatch(/::error::uploading the workflow artifact no-artifacts-v1-bundle-attempt1 failed 3 times; nothing was promoted/)
    const state = registryState(github, 'no-artifacts')!
    expect(state).toMatchObject({ champion: null, versions: [], history: [], reservations: [] })
    expect([...github.releases.values()].filter(r => r.tag_name.startsWith('retrain-no-artifacts-'))).toEqual([])
  })
})
