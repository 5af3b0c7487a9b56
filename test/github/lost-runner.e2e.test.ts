/**
 * A runner lost in the middle of a run (killed at once, no chance to clean up) leaves its version
 * number reserved on the GitHub registry. Its host is gone with it, so no later run can check its
 * process: on a GitHub-hosted runner, whose jobs stop after 6 hours, the reservation says when it
 * expires, and the first run after that gives it back; on a self-hosted runner, which nothing bounds,
 * it waits for the general limit (test/registry/reservations.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

const HOUR = 3600_000

interface StoredReservation {
  version: number
  owner: string
  at: string
  expires?: string
}

function act(workspace: string, runner: string, options: RunOptions = {}) {
  return runAction(workspace, { github, artifacts, ...options, env: { RUNNER_ENVIRONMENT: runner }, inputs: { spec: 'retrain.yml', ...options.inputs } })
}

function reservations(model: string): StoredReservation[] {
  return (registryState(github, model) as unknown as { reservations: StoredReservation[] }).reservations
}

/**
 * Moves the model's reservations `hours` into the past, as if the registry had been left alone that
 * long, and onto a host that is not this one (the lost runner's: its process cannot be checked).
 */
function age(model: string, hours: number) {
  const text = github.file('retrain-registry', `${model}/registry.json`)!
  const state = JSON.parse(text) as { reservations: StoredReservation[] }
  const back = (iso: string) => new Date(Date.parse(iso) - hours * HOUR).toISOString()
  state.reservations = state.reservations.map(r => ({
    ...r,
    owner: `lost-runner-${model}:4242`,
    at: back(r.at),
    ...(r.expires !== undefined && { expires: back(r.expires) })
  }))
  github.putFile('retrain-registry', `${model}/registry.json`, JSON.stringify(state, null, 2) + '\n')
}

/** Version 1 promoted, then a run lost while it uploads version 2's artifacts (the upload gets no answer). */
async function lostRun(model: string, runner: string): Promise<string> {
  const workspace = await toyProject(model, AUTO)
  const first = await act(workspace, runner)
  expect(first.code, first.log).toBe(0)
  artifacts.faults.push({ target: 'blob', status: 'hang', times: Infinity })
  try {
    const lost = await act(workspace, runner, { kill: { when: /Candidate bundle:/ } })
    expect(lost.code, lost.log).toBeNull()
  } finally {
    artifacts.faults.length = 0
  }
  expect(registryState(github, model)!.champion).toBe(1)
  return workspace
}

describe('a runner lost mid-run', { timeout: 180_000 }, () => {
  it('on a GitHub-hosted runner: the reservation expires with the job time limit, and the first run after that gives it back', async () => {
    const model = 'lost-hosted'
    const workspace = await lostRun(model, 'github-hosted')
    const [left] = reservations(model)
    expect(left.version).toBe(2)
    expect(Date.parse(left.expires!) - Date.parse(left.at)).toBe(7 * HOUR)
    // status shows the number held, by whom, and until when at most; it gives nothing back (it only reads).
    const status = await act(workspace, 'github-hosted', { inputs: { spec: 'retrain.yml', command: 'status' } })
    expect(status.code, status.log).toBe(0)
    expect(status.summary).toContain(
      `Reserved by runs not yet committed: version 2 (by ${left.owner} since ${left.at}; given back after ${left.expires} if its run was lost)`
    )
    expect(reservations(model)).toEqual([left])

    // Five hours on, the job could still be running: the next run leaves the number alone.
    age(model, 5)
    const early = await act(workspace, 'github-hosted')
    expect(early.code, early.log).toBe(0)
    expect(early.log).not.toMatch(/Released version 2/)
    expect(reservations(model).map(r => r.version)).toEqual([2])
    expect(registryState(github, model)!.champion).toBe(3)

    // Past its expiry: given back, with what it may have stored; later versions are untouched.
    age(model, 3)
    const later = await act(workspace, 'github-hosted')
    expect(later.code, later.log).toBe(0)
    expect(later.log).toMatch(
      /Released version 2 of lost-hosted, reserved by lost-runner-lost-hosted:4242 at \S+: its run had certainly ended by \S+ \(the time limit of its job\)/
    )
    const state = registryState(github, model)!
    expect(reservations(model)).toEqual([])
    expect(state.versions.map(v => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [3, 'retired'],
      [4, 'promoted']
    ])
    expect([...github.releases.values()].filter(r => r.tag_name === `retrain-${model}-v2`)).toEqual([])
  })

  it('on a self-hosted runner, which nothing bounds: the reservation does not expire with the hosted time limit', async () => {
    const model = 'lost-self'
    const workspace = await lostRun(model, 'self-hosted')
    const [left] = reservations(model)
    expect(left.version).toBe(2)
    expect(left.expires).toBeUndefined()

    age(model, 8)
    const next = await act(workspace, 'self-hosted')
    expect(next.code, next.log).toBe(0)
    expect(next.log).not.toMatch(/Released version 2/)
    expect(reservations(model).map(r => r.version)).toEqual([2])
    expect(registryState(github, model)!.champion).toBe(3)
  })
})
