/**
 * GitHub's "Re-run all jobs" and "Re-run failed jobs": the same GITHUB_RUN_ID, a higher
 * GITHUB_RUN_ATTEMPT. A re-run is the same run: whatever an earlier attempt committed is neither
 * registered nor promoted again, no second gate is opened, and the re-run's outputs describe what
 * is in the registry; what the earlier attempt left unfinished, the re-run finishes.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, GATE, registryState as stateOf, runAction, toyProject, toySpec, type RunOptions } from './harness.js'

let github: FakeGitHub
let artifacts: FakeArtifacts

beforeAll(async () => {
  ;[github, artifacts] = await Promise.all([startFakeGitHub(), startFakeArtifacts()])
})

afterAll(async () => {
  await Promise.all([github?.close(), artifacts?.close()])
})

afterAll(() => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
})

const registryState = (model: string) => stateOf(github, model)

let nextRunId = 880_000

/** One workflow run's step: `attempt(n)` runs its attempt n with the same run id, job and step. */
function workflowRun(workspace: string, options: RunOptions & { withArtifacts?: boolean } = {}) {
  const runId = String(++nextRunId)
  return (attempt: number, extra: RunOptions = {}) =>
    runAction(workspace, {
      github,
      ...(options.withArtifacts ? { artifacts } : {}),
      ...options,
      ...extra,
      inputs: { spec: 'retrain.yml', ...(options.withArtifacts ? {} : { artifacts: 'false' }), ...options.inputs, ...extra.inputs },
      env: { GITHUB_JOB: 'retrain', GITHUB_ACTION: '__self', ...options.env, ...extra.env, GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: String(attempt) }
    })
}

describe.concurrent('re-runs of a workflow run', { timeout: 180_000 }, () => {
  it('a re-run of a run that auto-promoted registers and promotes nothing again, and its outputs describe the version', async () => {
    const workspace = await toyProject('rerun-auto', AUTO)
    const run = workflowRun(workspace)
    const first = await run(1)
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.candidateVersion]).toBe('1')
    for (const attempt of [2, 3]) {
      const again = await run(attempt)
      expect(again.code, again.log).toBe(0)
      expect(again.log).toMatch(
        new RegExp(
          `Attempt 1 of this workflow run already registered rerun-auto version 1 \\(promoted\\); it is the champion now. This re-run \\(attempt ${attempt}\\)`
        )
      )
      expect(again.log).not.toContain('Train')
      expect(again.outputs).toMatchObject({
        [Outputs.decision]: 'promoted',
        [Outputs.promoted]: 'true',
        [Outputs.candidateVersion]: '1',
        [Outputs.expectChampion]: 'none',
        [Outputs.metrics]: first.outputs[Outputs.metrics],
        [Outputs.releaseUrl]: first.outputs[Outputs.releaseUrl]
      })
      expect(again.summary).toContain('trains and registers nothing again')
    }
    const state = registryState('rerun-auto')!
    expect(state.versions.map(v => [v.version, v.status])).toEqual([[1, 'promoted']])
    expect(state.history.filter(e => e.action === 'promoted')).toHaveLength(1)
    expect(state.lastReserved).toBe(1)
    // Another workflow run (a new id) trains as usual.
    const next = await workflowRun(workspace)(1)
    expect(next.code, next.log).toBe(0)
    expect(next.outputs[Outputs.candidateVersion]).toBe('2')
  })

  it('a re-run of a run that opened an issue gate opens no second issue or draft, and outputs the same gate', async () => {
    const workspace = await toyProject('rerun-gate', GATE)
    const run = workflowRun(workspace, { inputs: { gate: 'issue' } })
    const first = await run(1)
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.decision]).toBe('pending-approval')
    const issues = () => [...github.issues.values()].filter(i => i.title.startsWith('Approve rerun-gate '))
    const drafts = () => [...github.releases.values()].filter(r => r.draft && r.tag_name.startsWith('retrain-rerun-gate-'))
    expect(issues()).toHaveLength(1)
    expect(drafts()).toHaveLength(1)
    const again = await run(2)
    expect(again.code, again.log).toBe(0)
    expect(again.outputs).toMatchObject({
      [Outputs.decision]: 'pending-approval',
      [Outputs.candidateVersion]: '1',
      [Outputs.expectChampion]: 'none',
      [Outputs.gate]: first.outputs[Outputs.gate]
    })
    expect(issues()).toHaveLength(1)
    expect(issues()[0]!.state).toBe('open')
    expect(drafts()).toHaveLength(1)
    expect(registryState('rerun-gate')!.versions.map(v => [v.version, v.status])).toEqual([[1, 'pending']])
  })

  it('a run that crashed after its commit: the re-run publishes the release it left pending and outputs the version', async () => {
    const workspace = await toyProject('rerun-crash', AUTO)
    const run = workflowRun(workspace, { withArtifacts: true })
    const first = await run(1, { env: { RETRAIN_TEST_FAILPOINT: 'committed:SIGKILL' } })
    expect(first.code).not.toBe(0)
    const committed = registryState('rerun-crash')!
    expect(committed.champion).toBe(1)
    expect(committed.effects.map(e => e.kind)).toContain('publish-release')
    const again = await run(2)
    expect(again.code, again.log).toBe(0)
    expect(again.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.candidateVersion]: '1', [Outputs.artifacts]: '[]' })
    const state = registryState('rerun-crash')!
    expect(state.versions.map(v => v.version)).toEqual([1])
    expect(state.effects).toEqual([])
    expect(github.releases.get(state.releases['1']!.id)).toMatchObject({ draft: false, tag_name: 'retrain-rerun-crash-v1' })
  })

  it('a run that crashed after opening its gate but before its commit: the re-run gates its own version and closes the orphaned issue', async () => {
    const workspace = await toyProject('rerun-orphan', GATE)
    const run = workflowRun(workspace, { inputs: { gate: 'issue' } })
    const first = await run(1, { env: { RETRAIN_TEST_FAILPOINT: 'outputs-written:SIGKILL' } })
    expect(first.code).not.toBe(0)
    const issue = (version: number) => [...github.issues.values()].find(i => i.title === `Approve rerun-orphan version ${version}?`)
    expect(issue(1)!.state).toBe('open')
    const again = await run(2)
    expect(again.code, again.log).toBe(0)
    expect(again.outputs).toMatchObject({ [Outputs.decision]: 'pending-approval', [Outputs.candidateVersion]: '2' })
    expect(again.outputs[Outputs.gate]).toBe(`https://github.com/${github.owner}/${github.repo}/issues/${issue(2)!.number}`)
    expect(issue(2)!.state).toBe('open')
    // Version 1 was never registered and its number was given back: its issue can only be refused.
    expect(issue(1)).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    const replies = [...github.comments.values()].filter(c => c.issue_number === issue(1)!.number)
    expect(replies.map(c => c.body)).toEqual([
      'This gate is closed: the run that opened it ended before recording rerun-orphan version 1, and its version number was given back: nothing was registered under it. Nothing waits for approval here any more.'
    ])
    expect(registryState('rerun-orphan')!.versions.map(v => [v.version, v.status])).toEqual([[2, 'pending']])
  })

  it('a run that crashed before its commit: the re-run trains, registers one version, and its artifacts do not collide with the first attempt', async () => {
    const workspace = await toyProject('rerun-early', AUTO)
    const run = workflowRun(workspace, { withArtifacts: true })
    const first = await run(1, { env: { RETRAIN_TEST_FAILPOINT: 'stored:SIGKILL' } })
    expect(first.code).not.toBe(0)
    expect(registryState('rerun-early')?.versions ?? []).toEqual([])
    const again = await run(2)
    expect(again.code, again.log).toBe(0)
    expect(again.outputs[Outputs.decision]).toBe('promoted')
    const names = (JSON.parse(again.outputs[Outputs.artifacts]!) as { name: string }[]).map(a => a.name)
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(name).toMatch(/-attempt2$/)
    const state = registryState('rerun-early')!
    expect(state.versions.filter(v => v.status === 'promoted')).toHaveLength(1)
    expect(state.history.filter(e => e.action === 'promoted')).toHaveLength(1)
  })

  it('a re-run of the environment-gate promote job whose promotion landed says so and succeeds; the deploy it could not send is sent', async () => {
    const workspace = await toyProject('rerun-promote', GATE)
    const trained = await workflowRun(workspace)(1)
    expect(trained.code, trained.log).toBe(0)
    const promote = workflowRun(workspace, {
      inputs: {
        command: 'promote',
        candidate: trained.outputs[Outputs.candidateVersion]!,
        'expect-champion': trained.outputs[Outputs.expectChampion]!,
        'dispatch-workflow': 'deploy-rerun-promote.yml'
      }
    })
    // The first attempt promotes, but GitHub refuses the deploy dispatch: it stays pending.
    github.faults.push({
      method: 'POST',
      path: /deploy-rerun-promote\.yml\/dispatches$/,
      kind: { status: 422, message: 'Unexpected inputs provided' },
      times: 1
    })
    const first = await promote(1)
    expect(first.log).toContain('dispatch for rerun-promote version 1 failed')
    expect(registryState('rerun-promote')!.champion).toBe(1)
    const dispatched = () => github.dispatches.filter(d => d.workflow === 'deploy-rerun-promote.yml')
    expect(dispatched()).toHaveLength(0)

    const again = await promote(2)
    expect(again.code, again.log).toBe(0)
    expect(again.log).toContain('Attempt 1 of this workflow run already made this change (promoted rerun-promote version 1')
    expect(again.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
    expect(dispatched()).toEqual([{ workflow: 'deploy-rerun-promote.yml', ref: 'refs/heads/main', inputs: { model: 'rerun-promote', version: '1' } }])
    const third = await promote(3)
    expect(third.code, third.log).toBe(0)
    expect(dispatched()).toHaveLength(1)
    expect(registryState('rerun-promote')!.history.filter(e => e.action === 'promoted')).toHaveLength(1)
  })

  it('re-runs of approve, reject and rollback commands change nothing again and succeed', async () => {
    const workspace = await toyProject('rerun-commands', GATE)
    const train = async (delta: number) => expect((await workflowRun(workspace, { inputs: { params: `{"delta": ${delta}}` } })(1)).code).toBe(0)
    await train(1)
    const command = async (inputs: Record<string, string>, check: (r: Awaited<ReturnType<typeof runAction>>) => void) => {
      const run = workflowRun(workspace, { inputs })
      const before = registryState('rerun-commands')!.history.length
      const first = await run(1)
      expect(first.code, first.log).toBe(0)
      check(first)
      const after = registryState('rerun-commands')!
      expect(after.history.length).toBe(before + 1)
      const again = await run(2)
      expect(again.code, again.log).toBe(0)
      expect(again.log).toContain('Attempt 1 of this workflow run already made this change')
      check(again)
      expect(registryState('rerun-commands')).toEqual(after)
    }
    await command({ command: 'approve', version: '1' }, r =>
      expect(r.outputs).toMatchObject({ [Outputs.decision]: 'approved', [Outputs.candidateVersion]: '1' })
    )
    // Two more candidates, compared with version 1.
    await train(2)
    await train(3)
    await command({ command: 'reject', version: '2' }, r =>
      expect(r.outputs).toMatchObject({ [Outputs.decision]: 'rejected', [Outputs.candidateVersion]: '2' })
    )
    await command({ command: 'approve', version: '3' }, r =>
      expect(r.outputs).toMatchObject({ [Outputs.decision]: 'approved', [Outputs.candidateVersion]: '3' })
    )
    // A rollback without a version steps back once, however often its job is re-run.
    await command({ command: 'rollback' }, r => expect(r.outputs).toMatchObject({ [Outputs.decision]: 'rolled-back', [Outputs.candidateVersion]: '1' }))
    expect(registryState('rerun-commands')!.champion).toBe(1)
  })

  it('a re-run of the issue_comment run that approved: no second reply, the issue keeps its close reason, the run succeeds', async () => {
    const workspace = await toyProject('rerun-comment', GATE)
    expect((await workflowRun(workspace, { inputs: { gate: 'issue' } })(1)).code).toBe(0)
    const issue = [...github.issues.values()].find(i => i.title === 'Approve rerun-comment version 1?')!
    github.permissions.set('rerun-reviewer', 'write')
    const comment = github.addIssueComment(issue.number, 'rerun-reviewer', '/approve')
    const run = workflowRun(workspace, {
      inputs: { gate: 'issue' },
      event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, comment) }
    })
    const first = await run(1)
    expect(first.code, first.log).toBe(0)
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' })
    const again = await run(2)
    expect(again.code, again.log).toBe(0)
    expect(again.outputs).toMatchObject({ [Outputs.decision]: 'approved', [Outputs.promoted]: 'true' })
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' })
    const replies = [...github.comments.values()].filter(c => c.issue_number === issue.number && c.user === github.botLogin)
    expect(replies.map(c => c.body)).toEqual([expect.stringContaining('Approved by @rerun-reviewer')])
    expect(registryState('rerun-comment')!.history.filter(e => e.action === 'approved')).toHaveLength(1)
    // Once another version is approved, a further re-run says version 1 is no longer the champion, and promoted is false.
    expect((await workflowRun(workspace, { inputs: { gate: 'issue', params: '{"delta": 2}' } })(1)).code).toBe(0)
    expect((await workflowRun(workspace, { inputs: { command: 'approve', version: '2' } })(1)).code).toBe(0)
    const later = await run(3)
    expect(later.code, later.log).toBe(0)
    expect(later.outputs).toMatchObject({ [Outputs.decision]: 'approved', [Outputs.promoted]: 'false' })
    expect(later.log).toMatch(/::warning::rerun-comment version 1, .* is no longer the champion \(the champion is version 2 now\)/)
  })

  it('a re-run after a later promotion or rollback says its version is no longer the champion, and promoted is false', async () => {
    const workspace = await toyProject('rerun-stale', AUTO)
    const first = workflowRun(workspace)
    expect((await first(1)).outputs[Outputs.promoted]).toBe('true')
    expect((await workflowRun(workspace)(1)).outputs[Outputs.candidateVersion]).toBe('2')
    const again = await first(2)
    expect(again.code, again.log).toBe(0)
    expect(again.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.candidateVersion]: '1', [Outputs.promoted]: 'false' })
    expect(again.log).toMatch(
      /::warning::rerun-stale version 1, which an earlier attempt of this run made the champion, is no longer the champion \(the champion is version 2 now\)/
    )
    // A rollback (to 1), then a new champion (3): the rollback's re-run changes nothing and deploys nothing.
    const rollback = workflowRun(workspace, { inputs: { command: 'rollback' } })
    expect((await rollback(1)).outputs).toMatchObject({ [Outputs.decision]: 'rolled-back', [Outputs.candidateVersion]: '1', [Outputs.promoted]: 'true' })
    expect((await workflowRun(workspace)(1)).outputs[Outputs.candidateVersion]).toBe('3')
    const rerolled = await rollback(2)
    expect(rerolled.code, rerolled.log).toBe(0)
    expect(rerolled.outputs).toMatchObject({ [Outputs.decision]: 'rolled-back', [Outputs.candidateVersion]: '1', [Outputs.promoted]: 'false' })
    expect(rerolled.log).toMatch(/::warning::rerun-stale version 1, .* is no longer the champion \(the champion is version 3 now\)/)
    expect(registryState('rerun-stale')!.champion).toBe(3)
  })

  it("matrix legs that differ in their spec but not their params are not taken for each other's earlier attempt", async () => {
    const workspace = await toyProject('rerun-legs', AUTO)
    await writeFile(path.join(workspace, 'retrain-b.yml'), toySpec('rerun-legs', AUTO))
    // One step of one run: leg a registered in attempt 1; leg b failed before it reached the registry.
    const leg = workflowRun(workspace)
    const a = await leg(1)
    expect(a.code, a.log).toBe(0)
    expect(a.outputs[Outputs.candidateVersion]).toBe('1')
    const b = await leg(2, { inputs: { spec: 'retrain-b.yml' } })
    expect(b.code, b.log).toBe(0)
    expect(b.log).not.toContain('already registered')
    expect(b.outputs[Outputs.candidateVersion]).toBe('2')
    expect(registryState('rerun-legs')!.versions.map(v => v.version)).toEqual([1, 2])
    // An attempt recorded by a version of the action whose keys had no digest of the inputs is still recognised.
    const file = 'rerun-legs/registry.json'
    const state = JSON.parse(github.file('retrain-registry', file)!) as { history: { run?: { key: string } }[] }
    for (const e of state.history) if (e.run) e.run.key = e.run.key.replace(/\/inputs-[0-9a-f]{12}$/, '')
    github.putFile('retrain-registry', file, JSON.stringify(state))
    // Leg a's own re-run still finds its attempt, whatever input may differ between attempts (a reason naming who re-ran it).
    const againA = await leg(2, { inputs: { reason: 're-run by another person' } })
    expect(againA.code, againA.log).toBe(0)
    expect(againA.outputs[Outputs.candidateVersion]).toBe('1')
    expect(againA.log).toContain('Attempt 1 of this workflow run already registered rerun-legs version 1')
  })

  it('matrix legs that differ only in their env: a re-run cannot tell whose version is its own, so it stops and changes nothing', async () => {
    const workspace = await toyProject('rerun-env-legs', AUTO)
    // Two legs of one step of one run, the same spec, params and inputs; only an env variable differs.
    const leg = workflowRun(workspace)
    const east = await leg(1, { env: { REGION: 'east' } })
    const west = await leg(1, { env: { REGION: 'west' } })
    expect([east.code, west.code], east.log + west.log).toEqual([0, 0])
    expect([east.outputs[Outputs.candidateVersion], west.outputs[Outputs.candidateVersion]]).toEqual(['1', '2'])
    const before = github.file('retrain-registry', 'rerun-env-legs/registry.json')
    const again = await leg(2, { env: { REGION: 'west' } })
    // A failed step (the action fails with exit 1), with the reason.
    expect(again.code, again.log).toBe(1)
    expect(again.log).toContain(
      '::error::rerun-ambiguous: attempt 1 of this workflow run registered rerun-env-legs versions 1 and 2 from jobs this step cannot tell apart'
    )
    expect(again.log).toContain('Give each leg its own output-dir')
    expect(again.log).not.toContain('Train')
    expect(again.outputs[Outputs.candidateVersion] ?? '').toBe('')
    expect(github.file('retrain-registry', 'rerun-env-legs/registry.json')).toBe(before)
  })

  it('a re-run of select after a challengers matrix selects nothing again and outputs the winner', async () => {
    const workspace = await toyProject('rerun-select', AUTO)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('rerun-select', `${AUTO}challengers:\n  slow: { delta: 0.5 }\n  fast: { delta: 2 }\n`))
    expect((await workflowRun(workspace)(1)).code).toBe(0)
    const plan = await workflowRun(workspace, { inputs: { command: 'plan' } })(1)
    const id = plan.outputs[Outputs.plan]!
    // The matrix legs: one step of one run, told apart by their challenger.
    const legs = workflowRun(workspace, { inputs: { plan: id } })
    for (const challenger of ['slow', 'fast']) expect((await legs(1, { inputs: { challenger } })).code).toBe(0)
    for (const challenger of ['slow', 'fast']) {
      const again = await legs(2, { inputs: { challenger } })
      expect(again.code, again.log).toBe(0)
      expect(again.outputs[Outputs.decision]).toBe('candidate')
    }
    expect(registryState('rerun-select')!.versions).toHaveLength(3)
    const select = workflowRun(workspace, { inputs: { command: 'select', plan: id } })
    const first = await select(1)
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.decision]).toBe('promoted')
    const after = registryState('rerun-select')!
    const again = await select(2)
    expect(again.code, again.log).toBe(0)
    expect(again.outputs).toMatchObject({
      [Outputs.plan]: id,
      [Outputs.decision]: 'promoted',
      [Outputs.promoted]: 'true',
      [Outputs.candidateVersion]: first.outputs[Outputs.candidateVersion]
    })
    expect(registryState('rerun-select')).toEqual(after)
  })
})
