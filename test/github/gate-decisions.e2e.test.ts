/**
 * Decisions at the release gate that the registry must refuse, through the built action against the
 * loopback GitHub: each says why to the person who asked, and leaves the champion whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { GATE, registryState, runAction, toyProject, type RunOptions } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  await github?.close()
})

afterAll(() => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs } })
}

const gateIssue = (model: string, version: number) => [...github.issues.values()].find(i => i.title === `Approve ${model} version ${version}?`)!
const repliesOn = (issue: number) => [...github.comments.values()].filter(c => c.issue_number === issue && c.user === github.botLogin)

describe.concurrent('refused decisions at the gate', { timeout: 180_000 }, () => {
  it('an /approve on the gate of a version rejected meanwhile by the reject command is answered, and changes nothing', async () => {
    const workspace = await toyProject('decided', GATE)
    expect((await act(workspace, { inputs: { gate: 'issue' } })).outputs[Outputs.decision]).toBe('pending-approval')
    const rejected = await act(workspace, { inputs: { command: 'reject', version: '1', reason: 'eval set too small' } })
    expect(rejected.code, rejected.log).toBe(0)
    const issue = gateIssue('decided', 1)
    github.permissions.set('maintainer', 'write')
    const c = github.addIssueComment(issue.number, 'maintainer', '/approve')
    const approval = await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    expect(approval.code).not.toBe(0)
    expect(approval.log).toMatch(/version 1 was rejected by octo-bot \(eval set too small\); only a forced approval with a reason can promote it/)
    expect(repliesOn(issue.number).map(r => r.body.split('\n')[1])).toEqual([
      'Approval by @maintainer could not be carried out: version 1 was rejected by octo-bot (eval set too small); only a forced approval with a reason can promote it'
    ])
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    const state = registryState(github, 'decided')!
    expect(state.champion).toBeNull()
    expect(state.versions.map(v => v.status)).toEqual(['rejected'])
    expect(state.history.at(-1)).toMatchObject({ action: 'rejected', reason: 'eval set too small' })
  })
})
