/**
 * Effects after the commit, through the built action: a deploy dispatch is recorded with the
 * promotion and sent after it. A refused dispatch is not lost (the next command sends it); a
 * dispatch whose answer was lost, or that got a 5xx after GitHub did the work, is never sent again
 * unless a person asks for it with `redeploy`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, GATE, registryState, runAction, toyProject, type RunOptions } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, {
    github,
    ...options,
    inputs: { spec: 'retrain.yml', artifacts: 'false', 'dispatch-workflow': 'deploy.yml', ...options.inputs }
  })
}

const DISPATCH = /\/actions\/workflows\/deploy\.yml\/dispatches$/
const dispatchesOf = (version: number) => github.dispatches.filter(d => d.inputs.version === String(version))

describe('effects after the commit', () => {
  it('a refused dispatch leaves the champion moved, says so, and is sent by the next command', async () => {
    const workspace = await toyProject('refused', AUTO)
    github.faults.push({ method: 'POST', path: DISPATCH, kind: { status: 422 }, times: 1 })
    const run = await act(workspace)
    expect(run.code).toBe(1)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    expect(run.log).toMatch(/refused version 1 is promoted, but dispatch of version 1 \(GitHub's API answered 422 .*\) did not complete/)
    expect(registryState(github, 'refused')).toMatchObject({ champion: 1, effects: [{ kind: 'dispatch', version: 1, status: 'failed' }] })
    expect(dispatchesOf(1).filter(d => d.inputs.model === 'refused')).toEqual([])

    // The command that only completes what is pending sends it.
    const settle = await act(workspace, { inputs: { command: 'settle' } })
    expect(settle.code, settle.log).toBe(0)
    expect(github.dispatches.filter(d => d.inputs.model === 'refused')).toEqual([
      { workflow: 'deploy.yml', ref: 'refs/heads/main', inputs: { model: 'refused', version: '1' } }
    ])
    expect(registryState(github, 'refused')!.effects).toEqual([])
  })

  it('a refused deploy is not sent once its version is no longer the champion: the new champion is deployed, the old one is not', async () => {
    const workspace = await toyProject('superseded', AUTO)
    // Refused twice: by the run that promoted version 1, and again when the next run completes it before training.
    github.faults.push({ method: 'POST', path: DISPATCH, kind: { status: 422 }, times: 2 })
    const first = await act(workspace)
    expect(first.code).toBe(1)
    expect(registryState(github, 'superseded')).toMatchObject({ champion: 1, effects: [{ kind: 'dispatch', version: 1, status: 'failed' }] })
    const second = await act(workspace)
    expect(registryState(github, 'superseded')!.champion, second.log).toBe(2)
    expect(second.log).toMatch(/The deploy of superseded version 1 \(workflow deploy\.yml\) is not sent: .* the champion is version 2 now/)
    expect(github.dispatches.filter(d => d.inputs.model === 'superseded')).toEqual([
      { workflow: 'deploy.yml', ref: 'refs/heads/main', inputs: { model: 'superseded', version: '2' } }
    ])
    expect(registryState(github, 'superseded')!.effects).toEqual([])
  })

  it.each([
    ['its answer was lost', 'drop-after' as const],
    ['a 502 came after GitHub did the work', { statusAfter: 502 }]
  ])('a dispatch whose outcome is unknown (%s) is sent once, and again only by redeploy', async (_why, kind) => {
    const model = typeof kind === 'string' ? 'lostdispatch' : 'laterfail'
    const workspace = await toyProject(model, AUTO)
    github.faults.push({ method: 'POST', path: DISPATCH, kind, times: 1 })
    const run = await act(workspace)
    expect(run.code).toBe(1)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    expect(run.log).toMatch(/"redeploy"/)
    const sent = () => github.dispatches.filter(d => d.inputs.model === model)
    expect(sent()).toHaveLength(1)
    expect(registryState(github, model)).toMatchObject({ champion: 1, effects: [{ kind: 'dispatch', status: 'unconfirmed' }] })

    // Later commands do not resend it on their own...
    const settle = await act(workspace, { inputs: { command: 'settle' } })
    expect(settle.log).toMatch(/may or may not have happened/)
    expect((await act(workspace, { inputs: { command: 'status' } })).code).toBe(0)
    expect(sent()).toHaveLength(1)
    // ...a person who checked the deploy did not start asks for it.
    const redeploy = await act(workspace, { inputs: { command: 'redeploy' } })
    expect(redeploy.code, redeploy.log).toBe(0)
    expect(sent()).toHaveLength(2)
    expect(registryState(github, model)!.effects).toEqual([])
  })

  it('promote, approve, rollback and an approval by comment fail their job when the dispatch they committed is refused; the decision stands', async () => {
    const refuseOnce = () => github.faults.push({ method: 'POST', path: DISPATCH, kind: { status: 422 }, times: 1 })
    const workspace = await toyProject('redjob', GATE)
    const issueGated = { gate: 'issue' }
    const sent = () => github.dispatches.filter(d => d.inputs.model === 'redjob').map(d => d.inputs.version)
    const expectRed = (res: Awaited<ReturnType<typeof act>>, champion: number) => {
      expect(res.code, res.log).toBe(1)
      expect(res.log).toMatch(new RegExp(`redjob version ${champion} is the champion, but dispatch of version ${champion} \\(GitHub's API answered 422`))
      expect(res.log).toMatch(/command "settle" does only that/)
      expect(registryState(github, 'redjob')).toMatchObject({ champion, effects: [{ kind: 'dispatch', version: champion, status: 'failed' }] })
    }

    expect((await act(workspace, { inputs: issueGated })).code).toBe(0)
    refuseOnce()
    expectRed(await act(workspace, { inputs: { command: 'promote', candidate: '1', 'expect-champion': 'none' } }), 1)
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)

    expect((await act(workspace, { inputs: issueGated })).code).toBe(0)
    const issue = [...github.issues.values()].find(i => i.title === 'Approve redjob version 2?')!
    github.permissions.set('maintainer', 'maintain')
    const c = github.addIssueComment(issue.number, 'maintainer', '/approve')
    refuseOnce()
    const byComment = await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    expect(byComment.outputs[Outputs.decision]).toBe('approved')
    expectRed(byComment, 2)
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)

    expect((await act(workspace, { inputs: issueGated })).code).toBe(0)
    refuseOnce()
    expectRed(await act(workspace, { inputs: { command: 'approve', version: '3' } }), 3)
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)

    refuseOnce()
    expectRed(await act(workspace, { inputs: { command: 'rollback' } }), 2)
    expect((await act(workspace, { inputs: { command: 'settle' } })).code).toBe(0)
    expect(sent()).toEqual(['1', '2', '3', '2'])
  })

  it('a promotion by a protected job records and sends its dispatch exactly once, whatever the retries', async () => {
    const workspace = await toyProject('onepromote', GATE)
    const first = await act(workspace)
    expect(first.code, first.log).toBe(0)
    github.faults.push({ method: 'POST', path: DISPATCH, kind: { statusAfter: 500 }, times: 1 })
    const promote = await act(workspace, { inputs: { command: 'approve', version: '1' } })
    expect(registryState(github, 'onepromote')!.champion).toBe(1)
    expect(promote.log).toMatch(/may or may not have happened/)
    // Red like a run's job, so that the missing deploy is noticed; the approval stands.
    expect(promote.code).toBe(1)
    expect(promote.outputs[Outputs.decision]).toBe('approved')
    expect(promote.log).toMatch(/onepromote version 1 is the champion, but dispatch of version 1 .* did not complete[\s\S]*command "redeploy"/)
    expect(github.dispatches.filter(d => d.inputs.model === 'onepromote')).toHaveLength(1)
  })
})
