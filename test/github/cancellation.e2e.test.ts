/**
 * Cancellation as the runner does it (SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that) at each
 * stage of a run on the GitHub registry: before the commit nothing is left (no reservation, no draft
 * release), and the run ends before the SIGKILL, saying it was cancelled.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, registryState, runAction, toyProject, toySpec, type RunOptions } from './harness.js'

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
  return runAction(workspace, { github, artifacts, ...options, inputs: { spec: 'retrain.yml', ...options.inputs } })
}

/** A project whose first run promoted version 1; later runs' steps go through `train` and `evaluate`. */
async function promotedOnce(model: string): Promise<string> {
  const workspace = await toyProject(model, AUTO)
  const first = await act(workspace)
  expect(first.code, first.log).toBe(0)
  return workspace
}

async function useSpec(workspace: string, model: string, steps: { train?: string; evaluate?: string }) {
  let spec = toySpec(model, AUTO)
  if (steps.train) spec = spec.replace('run: env > step-env.txt && node train.mjs', `run: ${steps.train}`)
  if (steps.evaluate) spec = spec.replace('run: node evaluate.mjs', `run: ${steps.evaluate}`)
  await writeFile(path.join(workspace, 'retrain.yml'), spec)
}

/** Nothing of the cancelled run is left: version 1 is still the champion and the only version, with no reservation and no other release. */
function expectNothingLeft(model: string) {
  const state = registryState(github, model)! as ReturnType<typeof registryState> & { reservations: unknown[] }
  expect(state.champion).toBe(1)
  expect(state.versions.map(v => [v.version, v.status])).toEqual([[1, 'promoted']])
  expect(state.reservations).toEqual([])
  expect([...github.releases.values()].filter(r => r.tag_name.startsWith(`retrain-${model}-`)).map(r => r.tag_name)).toEqual([`retrain-${model}-v1`])
}

describe('cancellation as the runner does it', { timeout: 120_000 }, () => {
  it('during a step: the step is stopped, nothing is left, the summary says so', async () => {
    const workspace = await promotedOnce('cancel-step')
    await useSpec(workspace, 'cancel-step', { train: 'node train.mjs && echo training-is-running && sleep 60' })
    const run = await act(workspace, { cancel: { when: /training-is-running/ } })
    expect(run.code, run.log).toBe(1)
    expect(run.log).toMatch(
      /::error::cancelled: the run was cancelled by a signal before its commit; nothing was recorded, the champion and the registry are as they were/
    )
    expect(run.summary).toMatch(/The retrain step failed[\s\S]*cancelled: the run was cancelled by a signal before its commit; nothing was recorded/)
    expectNothingLeft('cancel-step')
  })

  it('during the evaluation: nothing is left', async () => {
    const workspace = await promotedOnce('cancel-eval')
    await useSpec(workspace, 'cancel-eval', { evaluate: 'echo evaluating-now && sleep 60 && node evaluate.mjs' })
    const run = await act(workspace, { cancel: { when: /evaluating-now/ } })
    expect(run.code, run.log).toBe(1)
    expect(run.log).toMatch(/::error::cancelled: /)
    expectNothingLeft('cancel-eval')
  })

  it('during the workflow artifact upload that gets no answer: the upload is abandoned, the number given back, nothing stored', async () => {
    const workspace = await promotedOnce('cancel-upload')
    artifacts.faults.push({ target: 'blob', status: 'hang', times: Infinity })
    try {
      const run = await act(workspace, {
        cancel: { when: /Candidate bundle: / },
        env: { ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS: '120000' }
      })
      expect(run.code, run.log).toBe(1)
      expect(run.log).toMatch(/::error::cancelled: /)
      expectNothingLeft('cancel-upload')
    } finally {
      artifacts.faults.length = 0
    }
  })

  it('a rate limit met while giving back is not waited out: the run ends before the kill and says what it could not give back', async () => {
    const workspace = await promotedOnce('cancel-limited')
    artifacts.faults.push({ target: 'blob', status: 'hang', times: Infinity })
    // The reservation goes through; giving it back meets a secondary rate limit of a minute.
    github.faults.push({
      method: 'PUT',
      path: /\/contents\/cancel-limited(\/|%2F)registry\.json$/,
      kind: {
        status: 403,
        headers: { 'retry-after': '60' },
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      },
      times: Infinity,
      skip: 1
    })
    try {
      const run = await act(workspace, { cancel: { when: /Candidate bundle: / } })
      expect(run.code, run.log).toBe(1)
      expect(run.log).toMatch(/GitHub's secondary rate limit was reached for PUT .*; not waiting 60 s: the run is cancelled/)
      expect(run.log).toMatch(/::warning::could not give back version 2: You have exceeded a secondary rate limit/)
      const state = registryState(github, 'cancel-limited')! as NonNullable<ReturnType<typeof registryState>> & { reservations: { version: number }[] }
      // Nothing recorded; the number waits to be reclaimed, and nothing was stored under it.
      expect(state.versions.map(v => v.version)).toEqual([1])
      expect(state.reservations.map(r => r.version)).toEqual([2])
      expect([...github.releases.values()].filter(r => r.tag_name === 'retrain-cancel-limited-v2')).toEqual([])
    } finally {
      artifacts.faults.length = 0
      github.faults.length = 0
    }
  })

  it("a 5xx met while giving back is not retried with GitHub's backoff: the run ends before the kill and says what it could not give back", async () => {
    const workspace = await promotedOnce('cancel-5xx')
    // The reservation goes through; every later write of the state fails, the commit's and the giving back's.
    github.faults.push({ method: 'PUT', path: /\/contents\/cancel-5xx(\/|%2F)registry\.json$/, kind: { status: 503 }, times: Infinity, skip: 1 })
    try {
      // GitHub's own backoff (1 s, 4 s, 9 s...), which would outlast the runner's 7.5 s.
      const run = await act(workspace, { cancel: { when: /stored cancel-5xx version 2 as draft release/ }, env: { RETRAIN_RETRY_BASE_MS: '1000' } })
      expect(run.code, run.log).toBe(1)
      expect(run.log).toMatch(/::warning::could not give back version 2: cancelled by a signal: PUT .* answered 503/)
      const state = registryState(github, 'cancel-5xx')! as NonNullable<ReturnType<typeof registryState>> & { reservations: { version: number }[] }
      expect(state.versions.map(v => v.version)).toEqual([1])
      expect(state.reservations.map(r => r.version)).toEqual([2])
      // Its draft goes all the same: the version is not registered.
      expect([...github.releases.values()].filter(r => r.tag_name === 'retrain-cancel-5xx-v2')).toEqual([])
    } finally {
      github.faults.length = 0
    }
  })

  it('after the commit: the run finishes its record (outputs, summary, the release published) and says it was cancelled', async () => {
    const workspace = await promotedOnce('cancel-after')
    // The failpoint sends SIGINT right after the commit; the runner's SIGTERM and SIGKILL would follow.
    const run = await act(workspace, { env: { RETRAIN_TEST_FAILPOINT: 'committed:SIGINT' }, inputs: { params: '{"delta": 2}' } })
    expect(run.code, run.log).toBe(0)
    expect(run.log).toMatch(/::warning::Cancelled after the decision was committed \(version 2, promoted\); finishing its record/)
    expect(run.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.candidateVersion]: '2' })
    expect(run.summary).toMatch(/^## cancel-after: promoted/)
    // The report artifact after the commit is part of the record: it still goes up.
    expect(JSON.parse(run.outputs[Outputs.artifacts]!).map((a: { name: string }) => a.name)).toContain('cancel-after-v2-report-attempt1')
    const state = registryState(github, 'cancel-after')! as NonNullable<ReturnType<typeof registryState>> & { reservations: unknown[] }
    expect(state.champion).toBe(2)
    expect(state.reservations).toEqual([])
    expect(state.effects.filter(e => e.status === 'pending')).toEqual([])
    expect([...github.releases.values()].find(r => r.tag_name === 'retrain-cancel-after-v2')?.draft).toBe(false)
  })

  it('during the registry commit that gets no answer: the write is abandoned and its outcome checked; nothing is left', async () => {
    const workspace = await promotedOnce('cancel-commit')
    let reached: () => void = () => undefined
    const atCommit = new Promise<void>(resolve => (reached = resolve))
    // The reservation goes through; the commit's write gets no answer, as with a network that died.
    github.faults.push({ method: 'PUT', path: /\/contents\/cancel-commit(\/|%2F)registry\.json$/, kind: 'hang', times: 1, skip: 1, then: () => reached() })
    try {
      // GitHub's own deadline for a request (the default's scale), not the tests' short one.
      const run = await act(workspace, { cancel: { at: atCommit }, env: { RETRAIN_HTTP_TIMEOUT_MS: '60000' } })
      expect(github.faults[0]!.times).toBe(0)
      expect(run.code, run.log).toBe(1)
      expect(run.log).toMatch(/::error::cancelled: /)
      expectNothingLeft('cancel-commit')
    } finally {
      github.faults.length = 0
    }
  })
})
