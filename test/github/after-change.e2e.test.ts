/**
 * After a change lands, whatever fails later says that it landed: through the built action against
 * the fake, GitHub answers 502 to every read of the registry state once the change is written. The
 * step fails (its follow-ups did not complete), names the decision that stands, and sets the outputs
 * that describe it; the next command completes what was left pending.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, GATE, registryState, runAction, toyProject, toySpec, type RunOptions } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterEach(() => {
  // A persistent fault belongs to its test alone.
  github.faults.length = 0
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs } })
}

/** Every read of the model's state answers 502 from the moment the next change to it is written (the `writes`th write). */
function unreadableAfterChange(model: string, writes = 1): void {
  const file = new RegExp(`/contents/${model}(/|%2F)registry\\.json$`)
  github.faults.push({ method: 'GET', path: file, kind: { status: 502 }, times: Infinity, after: { method: 'PUT', path: file, count: writes } })
}

/** The decision stands, is named, and the outputs describe it. */
function expectLanded(res: Awaited<ReturnType<typeof act>>, model: string, decided: string, outputs: Record<string, string>): void {
  expect(res.code, res.log).toBe(1)
  expect(res.log).toMatch(new RegExp(`${model} version \\d+ ${decided}, but [^\\n]*GitHub's API answered 502[^\\n]* did not complete`))
  expect(res.log).toMatch(/the next command of this action completes it/)
  expect(res.outputs).toMatchObject(outputs)
}

describe('what fails after the change lands', { timeout: 180_000 }, () => {
  it('promote, approve, reject and rollback say that their change landed, and set their outputs', async () => {
    const model = 'unread'
    const workspace = await toyProject(model, GATE)
    for (let i = 0; i < 3; i++) expect((await act(workspace)).code).toBe(0)
    expect(registryState(github, model)!.versions.map(v => v.status)).toEqual(['pending', 'pending', 'pending'])

    unreadableAfterChange(model)
    const promote = await act(workspace, { inputs: { command: 'promote', candidate: '1', 'expect-champion': 'none' } })
    expectLanded(promote, model, 'is the champion', { [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
    github.faults.length = 0
    // Pending for the next command: the champion's release, and the drafts of the versions compared with no champion.
    expect(registryState(github, model)!.champion).toBe(1)
    expect(registryState(github, model)!.effects.map(e => [e.kind, e.version, e.status])).toEqual([
      ['publish-release', 1, 'pending'],
      ['delete-release', 2, 'pending'],
      ['delete-release', 3, 'pending']
    ])
    const settle = await act(workspace, { inputs: { command: 'settle' } })
    expect(settle.code, settle.log).toBe(0)
    expect(registryState(github, model)!.effects).toEqual([])

    // Versions 2 and 3 were compared with no champion: stale now, their drafts deleted; a fresh one to decide.
    expect((await act(workspace)).code).toBe(0)
    expect((await act(workspace)).code).toBe(0)
    unreadableAfterChange(model)
    const reject = await act(workspace, { inputs: { command: 'reject', version: '4' } })
    expectLanded(reject, model, 'is rejected', { [Outputs.decision]: 'rejected', [Outputs.promoted]: 'false', [Outputs.candidateVersion]: '4' })
    github.faults.length = 0
    expect(registryState(github, model)!.versions.find(v => v.version === 4)!.status).toBe('rejected')
    // Nothing pending before the next change: the fault wakes at the change itself.
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)

    unreadableAfterChange(model)
    const approve = await act(workspace, { inputs: { command: 'approve', version: '5' } })
    expectLanded(approve, model, 'is the champion', { [Outputs.decision]: 'approved', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '5' })
    github.faults.length = 0
    expect(registryState(github, model)!.champion).toBe(5)
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)

    unreadableAfterChange(model)
    const rollback = await act(workspace, { inputs: { command: 'rollback' } })
    expectLanded(rollback, model, 'is the champion', { [Outputs.decision]: 'rolled-back', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
    github.faults.length = 0
    expect(registryState(github, model)!.champion).toBe(1)
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)
    expect(registryState(github, model)!.effects).toEqual([])
  })

  it('a run says that its decision landed, fails as for a follow-up left pending, and sets its outputs', async () => {
    const model = 'unreadrun'
    const workspace = await toyProject(model, AUTO)
    // A run writes the state twice: the reservation of its version, then its registration (the decision).
    unreadableAfterChange(model, 2)
    const run = await act(workspace)
    expectLanded(run, model, 'is promoted', { [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
    github.faults.length = 0
    expect(registryState(github, model)).toMatchObject({ champion: 1, effects: [{ kind: 'publish-release', version: 1, status: 'pending' }] })
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)
    expect(registryState(github, model)!.effects).toEqual([])
  })

  it('an approval by comment says that it landed, and sets its outputs', async () => {
    const model = 'unreadcomment'
    const workspace = await toyProject(model, GATE)
    expect((await act(workspace, { inputs: { gate: 'issue' } })).code).toBe(0)
    const issue = [...github.issues.values()].find(i => i.title === `Approve ${model} version 1?`)!
    github.permissions.set('maintainer', 'maintain')
    const c = github.addIssueComment(issue.number, 'maintainer', '/approve')
    unreadableAfterChange(model)
    const byComment = await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    expectLanded(byComment, model, 'is the champion', { [Outputs.decision]: 'approved', [Outputs.promoted]: 'true' })
    github.faults.length = 0
    expect(registryState(github, model)).toMatchObject({ champion: 1, effects: [{ kind: 'publish-release', version: 1 }] })
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)
    expect(registryState(github, model)!.effects).toEqual([])
  })

  it.each([
    ['approve', 'is the champion', 'approved', 'true'],
    ['reject', 'is rejected', 'rejected', 'false']
  ])('a gate issue that cannot be answered after /%s says that the decision landed, and sets its outputs', async (verb, decided, decision, promoted) => {
    const model = `noreply${verb}`
    const workspace = await toyProject(model, GATE)
    expect((await act(workspace, { inputs: { gate: 'issue' } })).code).toBe(0)
    const issue = [...github.issues.values()].find(i => i.title === `Approve ${model} version 1?`)!
    github.permissions.set('maintainer', 'maintain')
    const c = github.addIssueComment(issue.number, 'maintainer', `/${verb}`)
    // The reply and the close fail persistently; the registry answers.
    github.faults.push({ method: 'POST', path: new RegExp(`/issues/${issue.number}/comments$`), kind: { status: 502 }, times: Infinity })
    github.faults.push({ method: 'PATCH', path: new RegExp(`/issues/${issue.number}$`), kind: { status: 502 }, times: Infinity })
    const byComment = await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    expect(byComment.code, byComment.log).toBe(1)
    expect(byComment.log).toMatch(
      new RegExp(`${model} version 1 ${decided}, but replying on issue #${issue.number} and closing it failed \\(GitHub's API answered 502`)
    )
    expect(byComment.log).toMatch(/Re-run the job to reply and close it/)
    expect(byComment.outputs).toMatchObject({ [Outputs.decision]: decision, [Outputs.promoted]: promoted })
    expect(registryState(github, model)!.versions[0]!.status).toBe(verb === 'approve' ? 'promoted' : 'rejected')
  })

  it('a prune whose marks landed says so, and leaves their deletions pending for the next command', async () => {
    const model = 'unreadprune'
    const workspace = await toyProject(model, AUTO)
    for (const delta of [1, -1]) expect((await act(workspace, { inputs: { params: `{"delta": ${delta}}` } })).code).toBe(0)
    expect(registryState(github, model)!.versions.map(v => v.status)).toEqual(['promoted', 'rejected'])
    unreadableAfterChange(model)
    const prune = await act(workspace, { inputs: { command: 'prune', 'keep-rejected': '0', 'keep-retired': '1' } })
    expect(prune.code, prune.log).toBe(1)
    expect(prune.log).toMatch(/Pruned the bundles of unreadprune version 2/)
    expect(prune.log).toMatch(/deleting the pruned bundle of unreadprune version 2 failed \([^\n]*\); it stays marked pruned and the next command deletes it/)
    github.faults.length = 0
    const state = registryState(github, model)!
    expect(state.versions.map(v => [v.version, Boolean((v as { pruned?: unknown }).pruned)])).toEqual([
      [1, false],
      [2, true]
    ])
    expect(state.effects.map(e => [e.kind, e.version, e.status])).toEqual([['delete-pruned-bundle', 2, 'pending']])
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)
    expect(registryState(github, model)!.effects).toEqual([])
  })

  it('a re-run that finds its earlier attempt made the change says so, and sets its outputs, when the registry fails after its first read', async () => {
    const model = 'unreadrerun'
    const workspace = await toyProject(model, AUTO)
    const file = new RegExp(`/contents/${model}(/|%2F)registry\\.json$`)
    const attempt = (n: number, inputs: Record<string, string> = {}) =>
      act(workspace, { inputs, env: { GITHUB_JOB: 'retrain', GITHUB_ACTION: '__self', GITHUB_RUN_ID: '770001', GITHUB_RUN_ATTEMPT: String(n) } })
    // Attempt 1 decides, and leaves its release to publish.
    unreadableAfterChange(model, 2)
    expect((await attempt(1)).code).toBe(1)
    github.faults.length = 0
    // Attempt 2 reads what attempt 1 did; every read after that fails.
    github.faults.push({ method: 'GET', path: file, kind: { status: 502 }, times: Infinity, skip: 1 })
    const rerun = await attempt(2)
    expect(rerun.code, rerun.log).toBe(1)
    expect(rerun.log).toMatch(/Attempt 1 of this workflow run already registered unreadrerun version 1 \(promoted\)/)
    expect(rerun.log).toMatch(/completing the follow-ups of unreadrerun stopped short \(GitHub's API answered 502/)
    expect(rerun.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
    github.faults.length = 0
    expect(registryState(github, model)!.effects.map(e => e.kind)).toEqual(['publish-release'])

    // A registry command's re-run: attempt 1 rolled back, attempt 2 finds it and cannot read further.
    expect((await act(workspace, { inputs: { params: '{"delta": 1}' } })).code).toBe(0)
    const rollback = (n: number) =>
      act(workspace, {
        inputs: { command: 'rollback' },
        env: { GITHUB_JOB: 'rollback', GITHUB_ACTION: '__self', GITHUB_RUN_ID: '770002', GITHUB_RUN_ATTEMPT: String(n) }
      })
    unreadableAfterChange(model)
    expect((await rollback(1)).code).toBe(1)
    github.faults.length = 0
    github.faults.push({ method: 'GET', path: file, kind: { status: 502 }, times: Infinity, skip: 1 })
    const again = await rollback(2)
    expect(again.code, again.log).toBe(1)
    expect(again.log).toMatch(/already made this change \(rollback unreadrerun version 1/)
    expect(again.log).toMatch(/unreadrerun version 1 is the champion, but [^\n]*GitHub's API answered 502/)
    // Whether version 1 is still the champion cannot be read: nothing downstream deploys it on a guess.
    expect(again.log).toMatch(/Could not read whether unreadrerun version 1 is still the champion/)
    expect(again.outputs).toMatchObject({ [Outputs.decision]: 'rolled-back', [Outputs.promoted]: 'false', [Outputs.candidateVersion]: '1' })
    github.faults.length = 0
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)
    expect(registryState(github, model)!.champion).toBe(1)
  })

  it('a select whose selection landed names it, and sets its outputs', async () => {
    const model = 'unreadselect'
    const workspace = await toyProject(model, AUTO)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec(model, `${AUTO}challengers:\n  big: { delta: 2 }\n`))
    expect((await act(workspace)).code).toBe(0)
    const plan = await act(workspace, { inputs: { command: 'plan' } })
    expect(plan.code, plan.log).toBe(0)
    const id = plan.outputs[Outputs.plan]!
    const trained = await act(workspace, { inputs: { challenger: 'big', plan: id } })
    expect(trained.code, trained.log).toBe(0)
    unreadableAfterChange(model)
    const select = await act(workspace, { inputs: { command: 'select', plan: id } })
    expectLanded(select, model, 'is promoted', { [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '2' })
    github.faults.length = 0
    expect(registryState(github, model)!.champion).toBe(2)
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)
    expect(registryState(github, model)!.effects).toEqual([])
  })

  it('a deploy that was not sent because the registry could not be read is not taken for one that may have been', async () => {
    const model = 'unreaddeploy'
    const workspace = await toyProject(model, GATE)
    const deploy = { 'dispatch-workflow': 'deploy.yml' }
    expect((await act(workspace, { inputs: deploy })).code).toBe(0)
    // The promotion is written, then the dispatch marked as being sent; the read that checks that its
    // version is still the champion fails through the client's retries, before anything is sent.
    const file = new RegExp(`/contents/${model}(/|%2F)registry\\.json$`)
    github.faults.push({ method: 'GET', path: file, kind: { status: 502 }, times: 5, after: { method: 'PUT', path: file, count: 2 } })
    const promote = await act(workspace, { inputs: { ...deploy, command: 'promote', candidate: '1', 'expect-champion': 'none' } })
    expect(promote.code, promote.log).toBe(1)
    expect(promote.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true' })
    github.faults.length = 0
    const sent = () => github.dispatches.filter(d => d.inputs.model === model)
    expect(sent()).toEqual([])
    // Not sent, and known not to be: the next command sends it, with no person asked to check.
    expect(registryState(github, model)!.effects.find(e => e.kind === 'dispatch')).toMatchObject({ version: 1, status: 'failed' })
    expect(promote.log).not.toMatch(/may or may not have happened/)
    const settle = await act(workspace, { inputs: { ...deploy, command: 'settle' } })
    expect(settle.code, settle.log).toBe(0)
    expect(sent()).toHaveLength(1)
    expect(registryState(github, model)!.effects).toEqual([])
  })

  it('a change whose answer was lost, and that cannot be read back, is said to have perhaps landed', async () => {
    const model = 'unreadlost'
    const workspace = await toyProject(model, GATE)
    expect((await act(workspace)).code).toBe(0)
    const file = new RegExp(`/contents/${model}(/|%2F)registry\\.json$`)
    // The promotion is written, its answer is a 502; every read after it fails.
    github.faults.push({ method: 'PUT', path: file, kind: { statusAfter: 502 }, times: 1 })
    unreadableAfterChange(model)
    const promote = await act(workspace, { inputs: { command: 'promote', candidate: '1', 'expect-champion': 'none' } })
    expect(promote.code, promote.log).toBe(1)
    expect(promote.log).toMatch(/promoted unreadlost version 1 \(champion was none\) may or may not have been recorded/)
    expect(promote.log).toMatch(/Check the registry \(command "status"\) before doing it again/)
    github.faults.length = 0
    expect(registryState(github, model)!.champion).toBe(1)
    // Done again, it is found done: nothing changes twice.
    const again = await act(workspace, { inputs: { command: 'promote', candidate: '1', 'expect-champion': 'none' } })
    expect(again.code, again.log).toBe(0)
    expect(again.outputs[Outputs.decision]).toBe('already-champion')
  })

  it('a run whose registration may have landed keeps its gate issue open', async () => {
    const model = 'unreadgate'
    const workspace = await toyProject(model, GATE)
    const file = new RegExp(`/contents/${model}(/|%2F)registry\\.json$`)
    // The reservation is written; the registration after it is written but answered 502; every read after that fails.
    github.faults.push({ method: 'PUT', path: file, kind: { statusAfter: 502 }, times: 1, after: { method: 'PUT', path: file } })
    unreadableAfterChange(model, 2)
    const run = await act(workspace, { inputs: { gate: 'issue' } })
    expect(run.code, run.log).toBe(1)
    expect(run.log).toMatch(/register unreadgate version 1 \(pending\) may or may not have been recorded/)
    github.faults.length = 0
    // It did land: the version waits at its gate, whose issue must still take a decision.
    expect(registryState(github, model)!.versions.map(v => [v.version, v.status])).toEqual([[1, 'pending']])
    const issue = [...github.issues.values()].find(i => i.title === `Approve ${model} version 1?`)!
    expect(issue.state).toBe('open')
    expect(run.log).not.toMatch(/Withdrew the release gate/)
  })
})
