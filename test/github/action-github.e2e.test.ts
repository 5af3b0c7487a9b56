/**
 * The bundled action against loopback GitHub: the REST fake (validated against GitHub's OpenAPI
 * description) as the registry, gates and comments, and the results service fake with Azurite as
 * the artifact store. Each test uses its own model name, so they share the fakes.
 */
import { readFile, writeFile } from 'node:fs/promises'
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
  // Every request and response the action exchanged matched GitHub's OpenAPI description.
  expect(github.violations, github.violations.join('\n')).toEqual([])
})

const registryState = (model: string) => stateOf(github, model)
const project = toyProject

/** Runs the action; only the tests about artifacts upload them, which keeps the others fast. */
function act(workspace: string, options: RunOptions & { withArtifacts?: boolean } = {}) {
  const inputs = { spec: 'retrain.yml', ...(options.withArtifacts ? {} : { artifacts: 'false' }), ...options.inputs }
  return runAction(workspace, { github, ...(options.withArtifacts ? { artifacts } : {}), ...options, inputs })
}

// Concurrent, as many at once as vitest.config.ts's maxConcurrency allows: each test has its own
// model, and the fakes serve them all. A test runs several actions one after another, which takes
// far longer than usual while another process shares the CPUs, hence its own timeout.
describe.concurrent('the action on GitHub (loopback)', { timeout: 180_000 }, () => {
  it('a scheduled run auto-promotes, publishes a release not marked latest, uploads artifacts, and never hands the token to a step', async () => {
    const workspace = await project('sched', AUTO)
    const first = await act(workspace, { withArtifacts: true, env: { GITHUB_TOKEN: github.token } })
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.decision]).toBe('promoted')
    expect(first.outputs[Outputs.candidateVersion]).toBe('1')
    expect(first.outputs[Outputs.expectChampion]).toBe('none')

    const stepEnv = await readFile(path.join(workspace, 'step-env.txt'), 'utf8')
    expect(stepEnv).toMatch(/^RETRAIN_MODEL=sched$/m)
    expect(stepEnv).not.toContain(github.token)
    expect(stepEnv).not.toMatch(/^(INPUT_|ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL|GITHUB_TOKEN)/m)
    // The only line with the token is the command that tells the runner to mask it.
    expect(first.log.split('\n').filter(line => line.includes(github.token))).toEqual([`::add-mask::${github.token}`])

    const second = await act(workspace, { withArtifacts: true, inputs: { params: '{"delta": 2}' } })
    expect(second.code, second.log).toBe(0)
    expect(second.outputs[Outputs.decision]).toBe('promoted')
    expect(second.outputs[Outputs.baselineVersion]).toBe('1')
    // Warm-started from the champion downloaded from its release: 1 + 2.
    expect(JSON.parse(second.outputs[Outputs.metrics]!)).toEqual({ score: 3, loss: 7 })

    const state = registryState('sched')!
    expect(state.champion).toBe(2)
    expect(state.versions.map(v => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'promoted']
    ])
    const release = github.releases.get(state.releases['2']!.id)!
    expect(release).toMatchObject({ tag_name: 'retrain-sched-v2', draft: false, make_latest: 'false' })
    expect(release.assets.map(id => github.assets.get(id)!.name).sort()).toEqual(['manifest.json', 'model.tar'])
    expect(second.outputs[Outputs.releaseUrl]).toContain('/releases/tag/retrain-sched-v2')

    // Bundle, logs, result and report as artifacts named by model, version and run attempt.
    const names = (JSON.parse(second.outputs[Outputs.artifacts]!) as { name: string }[]).map(a => a.name)
    expect(names).toEqual(['sched-v2-bundle-attempt1', 'sched-v2-logs-attempt1', 'sched-v2-report-attempt1'])
    expect(second.outputs[Outputs.artifactIds]!.split(',')).toHaveLength(3)
    expect((await artifacts.download('sched-v2-bundle-attempt1')).length).toBeGreaterThan(1000)

    expect(second.summary).toMatch(/## sched: promoted/)
    expect(second.summary).toContain('```mermaid\nxychart-beta')
    expect(second.summary).toContain('x-axis ["v1", "v2"]')
    expect(second.summary).toContain('sched-v2-bundle-attempt1')

    // Rollback is a promotion of the earlier champion, compared-and-swapped against the current one.
    const back = await act(workspace, { inputs: { command: 'rollback', reason: 'v2 misbehaves in production' } })
    expect(back.code, back.log).toBe(0)
    expect(registryState('sched')!.champion).toBe(1)
    expect(registryState('sched')!.history.at(-1)).toMatchObject({ action: 'rollback', version: 1, reason: 'v2 misbehaves in production' })
    expect(back.summary).toContain('x-axis ["v1", "v2", "v1 (rollback)"]')
  })

  it('a dispatch with an invalid input fails naming the input and the allowed values, and changes nothing', async () => {
    const workspace = await project('dispatch', AUTO)
    const res = await act(workspace, { event: { name: 'workflow_dispatch', payload: { inputs: { delta: '2', optimizer: 'rmsprop' } } } })
    expect(res.code).toBe(1)
    expect(res.log).toMatch(/::error::param "optimizer" from workflow_dispatch inputs must be one of sgd, adam \(got "rmsprop"\)/)
    expect(registryState('dispatch')).toBeUndefined()
    expect([...github.releases.values()].filter(r => r.tag_name.startsWith('retrain-dispatch-'))).toEqual([])

    // Dispatch inputs arrive as text and are coerced to the params' types.
    const ok = await act(workspace, { event: { name: 'workflow_dispatch', payload: { inputs: { delta: '4', optimizer: 'adam' } } } })
    expect(ok.code, ok.log).toBe(0)
    expect(JSON.parse(ok.outputs[Outputs.metrics]!)).toEqual({ score: 4, loss: 6 })
  })

  it('repository_dispatch takes params from client_payload; a schedule uses the defaults; a bundle split into parts comes back whole', async () => {
    const workspace = await project('repodispatch', AUTO)
    // Parts of 1000 bytes stand in for GitHub's 2 GiB asset limit.
    const env = { RETRAIN_ASSET_PART_BYTES: '1000' }
    const res = await act(workspace, { env, event: { name: 'repository_dispatch', payload: { action: 'retrain', client_payload: { params: { delta: 5 } } } } })
    expect(res.code, res.log).toBe(0)
    expect(JSON.parse(res.outputs[Outputs.metrics]!)).toEqual({ score: 5, loss: 5 })
    const release = github.releases.get(registryState('repodispatch')!.releases['1']!.id)!
    expect(release.assets.map(id => github.assets.get(id)!.name)).toEqual([
      'model.tar.part-000',
      'model.tar.part-001',
      'model.tar.part-002',
      'model.tar.part-003',
      'manifest.json'
    ])

    const scheduled = await act(workspace, { env, event: { name: 'schedule', payload: { schedule: '0 3 * * 1' } } })
    expect(scheduled.code, scheduled.log).toBe(0)
    expect(JSON.parse(scheduled.outputs[Outputs.metrics]!)).toEqual({ score: 6, loss: 4 })

    // A part changed after it was stored is refused before anything runs.
    const part = github.assets.get(github.releases.get(registryState('repodispatch')!.releases['2']!.id)!.assets[1]!)!
    part.data = Buffer.from(part.data.map(byte => byte ^ 0xff))
    const tampered = await act(workspace, { env })
    expect(tampered.code, tampered.log).toBe(1)
    expect(tampered.log).toMatch(
      /asset-digest-mismatch: asset model\.tar\.part-001 of repodispatch version 2 has sha256 \w+ \(1000 bytes\), but the registry recorded/
    )
    expect(registryState('repodispatch')!.versions).toHaveLength(2)
  })

  it('environment gate: the run stores the candidate as a draft; a protected promote job promotes it; of two concurrent promotions one wins', async () => {
    const workspace = await project('envgate', GATE)
    const first = await act(workspace)
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.decision]).toBe('pending-approval')
    expect(first.outputs[Outputs.gate]).toBe('promote --candidate 1 --expect-champion none')
    expect(github.releases.get(registryState('envgate')!.releases['1']!.id)!.draft).toBe(true)

    const promoted = await act(workspace, {
      inputs: {
        command: 'promote',
        candidate: first.outputs[Outputs.candidateVersion]!,
        'expect-champion': first.outputs[Outputs.expectChampion]!,
        'dispatch-workflow': 'deploy.yml'
      }
    })
    expect(promoted.code, promoted.log).toBe(0)
    // The deploy starts by dispatch, since events made with the workflow token start no runs.
    expect(github.dispatches).toContainEqual({ workflow: 'deploy.yml', ref: 'refs/heads/main', inputs: { model: 'envgate', version: '1' } })
    expect(promoted.summary).toContain('**Promoted envgate version 1**')
    expect(registryState('envgate')!.champion).toBe(1)
    expect(github.releases.get(registryState('envgate')!.releases['1']!.id)!.draft).toBe(false)

    // The protected job run again (not a re-run: a new workflow run) finds what it asked done: it
    // says so and succeeds, changing nothing and dispatching no second deploy; approve and rollback to it alike.
    const dispatched = github.dispatches.length
    const history = registryState('envgate')!.history.length
    for (const inputs of <Record<string, string>[]>[
      { command: 'promote', candidate: '1', 'expect-champion': 'none', 'dispatch-workflow': 'deploy.yml' },
      { command: 'approve', version: '1' },
      { command: 'rollback', version: '1' }
    ]) {
      const again = await act(workspace, { inputs })
      expect(again.code, again.log).toBe(0)
      expect(again.outputs[Outputs.decision]).toBe('already-champion')
      expect(again.outputs[Outputs.promoted]).toBe('false')
      expect(again.log).toMatch(/envgate version 1 is already the champion: nothing changed, nothing needed doing/)
      expect(again.log).not.toMatch(/invalid/)
    }
    expect(github.dispatches).toHaveLength(dispatched)
    expect(registryState('envgate')!.history).toHaveLength(history)

    // Two candidates compared with version 1, promoted at the same time: exactly one champion.
    const a = await act(workspace, { inputs: { params: '{"delta": 1}' } })
    const b = await act(workspace, { inputs: { params: '{"delta": 2}' } })
    expect([a.outputs[Outputs.expectChampion], b.outputs[Outputs.expectChampion]]).toEqual(['1', '1'])
    const promote = (run: typeof a) =>
      act(workspace, {
        inputs: { command: 'promote', candidate: run.outputs[Outputs.candidateVersion]!, 'expect-champion': run.outputs[Outputs.expectChampion]! }
      })
    const results = await Promise.all([promote(a), promote(b)])
    expect(results.map(r => r.code).sort()).toEqual([0, 1])
    const loser = results.find(r => r.code === 1)!
    expect(loser.log).toMatch(/stale-baseline: the candidate of envgate was compared with version 1, but the champion is now version [23]/)
    const state = registryState('envgate')!
    expect([2, 3]).toContain(state.champion)
    expect(state.history.filter(e => e.action === 'promoted').map(e => e.version)).toEqual([1, state.champion])
    // The loser was compared with a champion that is gone: its draft is cleaned up.
    const loserVersion = state.champion === 2 ? 3 : 2
    expect(state.releases[String(loserVersion)]).toBeUndefined()
    expect([...github.releases.values()].filter(r => r.tag_name === `retrain-envgate-v${loserVersion}`)).toEqual([])
  })

  it("issue gate: a maintainer's /reject rejects the candidate, deletes its draft and closes the issue", async () => {
    const workspace = await project('issuereject', GATE)
    const run = await act(workspace, { inputs: { gate: 'issue' } })
    expect(run.code, run.log).toBe(0)
    const issue = [...github.issues.values()].find(i => i.title === 'Approve issuereject version 1?')!
    const releaseId = registryState('issuereject')!.releases['1']!.id
    github.permissions.set('reviewer', 'write')
    const c = github.addIssueComment(issue.number, 'reviewer', '/reject the eval set is too small')
    const res = await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    expect(res.code, res.log).toBe(0)
    expect(res.outputs[Outputs.decision]).toBe('rejected')
    // The job summary says what the comment did, with the registry after it.
    expect(res.summary).toMatch(/\*\*issuereject version 1 rejected by @reviewer\*\*[\s\S]*Champion: no champion/)
    const state = registryState('issuereject')!
    expect(state.versions[0]!.status).toBe('rejected')
    expect(state.history.at(-1)).toMatchObject({ action: 'rejected', actor: 'reviewer', reason: 'the eval set is too small' })
    expect(github.releases.has(releaseId)).toBe(false)
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
  })

  it("issue gate: an outsider's /approve changes nothing, a maintainer's /approve promotes and closes the issue", async () => {
    const workspace = await project('issuegate', GATE)
    const run = await act(workspace, { inputs: { gate: 'issue' } })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('pending-approval')
    const issue = [...github.issues.values()].find(i => i.title === 'Approve issuegate version 1?')!
    expect(run.outputs[Outputs.gate]).toBe(`https://github.com/${github.owner}/${github.repo}/issues/${issue.number}`)
    expect(issue.labels).toEqual(['retrain-gate'])
    expect(issue.body).toContain('| metric')

    const comment = (user: string, body: string) => {
      const c = github.addIssueComment(issue.number, user, body)
      return act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    }
    github.permissions.set('passer-by', 'read')
    const outsider = await comment('passer-by', '/approve looks great')
    expect(outsider.code, outsider.log).toBe(0)
    expect(outsider.outputs[Outputs.decision]).toBe('refused')
    expect(registryState('issuegate')!.champion).toBeNull()
    expect(issue.state).toBe('open')
    const replies = [...github.comments.values()].filter(c => c.issue_number === issue.number && c.user === github.botLogin)
    expect(replies.at(-1)!.body).toMatch(/@passer-by has read permission .* Nothing changed\./)

    const chatter = await comment('passer-by', 'when will this ship?')
    expect(chatter.outputs[Outputs.decision]).toBe('ignored')

    // The person whose run opened the gate (octo-bot) may not approve it alone, even as an admin.
    github.permissions.set('octo-bot', 'admin')
    const self = github.addIssueComment(issue.number, 'octo-bot', '/approve')
    const selfApproval = await act(workspace, {
      inputs: { 'exclude-triggering-actor': 'true' },
      event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, self) }
    })
    expect(selfApproval.outputs[Outputs.decision], selfApproval.log).toBe('refused')
    expect(registryState('issuegate')!.champion).toBeNull()

    github.permissions.set('maintainer', 'maintain')
    const approval = await comment('maintainer', '/approve\nchecked the slices')
    expect(approval.code, approval.log).toBe(0)
    expect(approval.outputs[Outputs.decision]).toBe('approved')
    const state = registryState('issuegate')!
    expect(state.champion).toBe(1)
    expect(state.history.at(-1)).toMatchObject({ action: 'approved', version: 1, actor: 'maintainer' })
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' })
  })

  it('issue gate: a run cancelled after opening its gate but before its commit withdraws the issue; approving it afterwards changes nothing', async () => {
    const workspace = await project('withdrawn', GATE)
    const run = await act(workspace, { inputs: { gate: 'issue' }, env: { RETRAIN_TEST_FAILPOINT: 'outputs-written:SIGTERM' } })
    expect(run.code, run.log).not.toBe(0)
    const issue = [...github.issues.values()].find(i => i.title === 'Approve withdrawn version 1?')!
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    const replies = [...github.comments.values()].filter(c => c.issue_number === issue.number)
    expect(replies).toHaveLength(1)
    expect(replies[0]!.body).toMatch(/^This gate is withdrawn: the run that opened it ended before recording version 1 /)
    const state = registryState('withdrawn')
    expect(state?.champion ?? null).toBeNull()
    expect(state?.versions ?? []).toEqual([])

    github.permissions.set('maintainer', 'maintain')
    const c = github.addIssueComment(issue.number, 'maintainer', '/approve')
    const approval = await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    expect(approval.outputs[Outputs.decision], approval.log).not.toBe('approved')
    expect(registryState('withdrawn')?.champion ?? null).toBeNull()
  })

  it('an approval after the champion moved fails with stale-baseline and changes nothing', async () => {
    const workspace = await project('stale', AUTO)
    expect((await act(workspace)).code).toBe(0)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('stale', GATE))
    const older = await act(workspace, { inputs: { gate: 'issue' } })
    const newer = await act(workspace, { inputs: { gate: 'issue', params: '{"delta": 3}' } })
    expect([older.outputs[Outputs.candidateVersion], newer.outputs[Outputs.candidateVersion]]).toEqual(['2', '3'])
    github.permissions.set('admin-person', 'admin')
    const approve = async (version: string) => {
      const issue = [...github.issues.values()].find(i => i.title === `Approve stale version ${version}?`)!
      const c = github.addIssueComment(issue.number, 'admin-person', '/approve')
      return { issue, run: await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } }) }
    }
    // Version 3 approved by the command in a job without the issue gate: version 2's gate issue stays
    // open (a command with the issue gate would answer and close it as moot, test/github/moot-gates).
    expect((await act(workspace, { inputs: { command: 'approve', version: '3' } })).code).toBe(0)
    const { issue, run } = await approve('2')
    expect(run.code).toBe(1)
    expect(run.log).toMatch(/stale-baseline: the candidate of stale was compared with version 1, but the champion is now version 3/)
    expect(registryState('stale')!.champion).toBe(3)
    expect(registryState('stale')!.releases['2']).toBeUndefined()
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
  })

  it('a pull request runs dry and keeps one comment up to date', async () => {
    const workspace = await project('prdry', AUTO)
    expect((await act(workspace)).code).toBe(0)
    github.issues.set(77, {
      number: 77,
      id: 7700,
      title: 'Tune features',
      body: null,
      labels: [],
      state: 'open',
      state_reason: null,
      user: 'contributor',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      closed_at: null
    })
    const pr = { name: 'pull_request', payload: { action: 'synchronize', number: 77, pull_request: { number: 77 } } }
    const first = await act(workspace, { event: pr })
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.decision]).toBe('skipped')
    const second = await act(workspace, { event: pr, inputs: { params: '{"delta": -1}' } })
    expect(second.code, second.log).toBe(0)
    const comments = [...github.comments.values()].filter(c => c.issue_number === 77)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toMatch(/would be: rejected/)
    expect(registryState('prdry')!.versions).toHaveLength(1)
  })
})
