/**
 * GitHub's limits on the token during a run: GITHUB_TOKEN expiring mid-run (every answer 401 from some
 * point), and secondary rate limits (403 or 429 with `retry-after`). The champion is never lost, and
 * the message says what happened and what to do.
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
  await Promise.all([github.close(), artifacts.close()])
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs } })
}

const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

describe('the token and rate limits', { timeout: 120_000 }, () => {
  it.each([403, 429])('a secondary rate limit (%i with retry-after) is waited out and the run succeeds', async status => {
    const model = `secondary-${status}`
    const workspace = await toyProject(model, AUTO)
    github.faults.push(
      { method: 'POST', path: /\/releases$/, kind: { status, headers: { 'retry-after': '1' }, message: SECONDARY }, times: 1 },
      {
        method: 'PUT',
        path: new RegExp(`/contents/${model}(/|%2F)registry\\.json$`),
        kind: { status, headers: { 'retry-after': '1' }, message: SECONDARY },
        times: 1,
        skip: 1
      }
    )
    try {
      const run = await act(workspace)
      expect(github.faults.map(f => f.times)).toEqual([0, 0])
      expect(run.code, run.log).toBe(0)
      expect(run.outputs[Outputs.decision]).toBe('promoted')
      expect(run.log).toMatch(/GitHub's secondary rate limit was reached for POST .*\/releases; retrying in 1 s/)
      expect(registryState(github, model)!.champion).toBe(1)
    } finally {
      github.faults.length = 0
    }
  })

  it('a token that expires mid-run fails the run saying so; the champion stays, and what the run reserved waits to be given back', async () => {
    const model = 'expiring'
    const workspace = await toyProject(model, AUTO)
    expect((await act(workspace)).code).toBe(0)
    // From the first asset upload on, every request is refused: the draft exists, the commit never comes.
    const expiry = { path: /\/releases\/\d+\/assets$/, kind: { status: 401, message: 'Bad credentials' }, times: Infinity, then: () => (expiry.path = /./) }
    github.faults.push(expiry)
    let run
    try {
      run = await act(workspace, { artifacts, inputs: { artifacts: 'true' } })
    } finally {
      github.faults.length = 0
    }
    expect(run.code).toBe(1)
    expect(run.log).toMatch(
      /::error::GitHub's API answered 401 to POST .*\/assets\?name=.*: Bad credentials \(the token is invalid or expired: GITHUB_TOKEN expires when its job ends or after 24 hours at most; nothing was recorded after this, so run the job again\)/
    )
    expect(run.log).toMatch(/::warning::could not give back version 2: Bad credentials/)
    expect(run.summary).toMatch(/The retrain step failed[\s\S]*the token is invalid or expired/)
    const state = registryState(github, model)! as NonNullable<ReturnType<typeof registryState>> & { reservations: { version: number }[] }
    expect(state.champion).toBe(1)
    expect(state.versions.map(v => v.version)).toEqual([1])
    // As for a killed job (docs/registry.md): the reservation and its draft are given back by a later run.
    expect(state.reservations.map(r => r.version)).toEqual([2])
    expect([...github.releases.values()].filter(r => r.tag_name === 'retrain-expiring-v2').map(r => r.draft)).toEqual([true])
    // The candidate is not lost: its bundle and logs went up as workflow artifacts before anything was stored.
    const uploaded = [...artifacts.artifacts.values()].filter(a => a.finalized).map(a => a.name)
    expect(uploaded).toEqual(expect.arrayContaining(['expiring-v2-bundle-attempt1', 'expiring-v2-logs-attempt1']))
  })
})
