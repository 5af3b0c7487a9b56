/**
 * Decisions at the release gate that the registry must refuse, through the built action against the
 * loopback GitHub: each says why to the person who asked, and leaves the champion whole.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, GATE, registryState, runAction, toyProject, toySpec, type RunOptions } from './harness.js'

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
  it('a pending version whose draft was cleaned up when the champion moved cannot be approved after a rollback', async () => {
    const workspace = await toyProject('cleaned', AUTO)
    expect((await act(workspace)).code).toBe(0)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('cleaned', GATE))
    expect((await act(workspace, { inputs: { gate: 'issue' } })).outputs[Outputs.candidateVersion]).toBe('2')
    expect((await act(workspace, { inputs: { gate: 'issue', params: '{"delta": 3}' } })).outputs[Outputs.candidateVersion]).toBe('3')
    github.permissions.set('maintainer', 'write')
    const comment = (version: number, body: string) => {
      const issue = gateIssue('cleaned', version)
      const c = github.addIssueComment(issue.number, 'maintainer', body)
      return act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    }
    // Approved by the command in a job without the issue gate, which leaves the other gate issues
    // open (a command with the issue gate would answer and close version 2's as moot).
    expect((await act(workspace, { inputs: { command: 'approve', version: '3' } })).outputs[Outputs.decision]).toBe('approved')
    // Version 2 was compared with version 1, which is no longer the champion: its draft went.
    expect(registryState(github, 'cleaned')!.releases['2']).toBeUndefined()
    const back = await act(workspace, { inputs: { command: 'rollback', version: '1' } })
    expect(back.code, back.log).toBe(0)
    const before = registryState(github, 'cleaned')!
    expect(before.champion).toBe(1)

    // Version 1 is the champion again, so version 2's comparison holds, but its bundle is gone.
    const approval = await comment(2, '/approve')
    expect(approval.code).not.toBe(0)
    expect(approval.outputs[Outputs.decision]).toBeUndefined()
    expect(approval.log).toMatch(
      /cleaned version 2 cannot become the champion: its bundle is gone \(its draft release was deleted when the champion moved away from version 1/
    )
    expect(repliesOn(gateIssue('cleaned', 2).number).at(-1)!.body).toMatch(
      /Approval by @maintainer could not be carried out: cleaned version 2 cannot become the champion/
    )
    expect(gateIssue('cleaned', 2)).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    const promote = await act(workspace, { inputs: { command: 'promote', candidate: '2', 'expect-champion': '1' } })
    expect(promote.code).not.toBe(0)
    expect(promote.log).toMatch(/its bundle is gone/)
    const after = registryState(github, 'cleaned')!
    expect({ champion: after.champion, versions: after.versions, history: after.history }).toEqual({
      champion: before.champion,
      versions: before.versions,
      history: before.history
    })
    // The champion is whole: the next run trains from it.
    const next = await act(workspace, { inputs: { gate: 'issue' } })
    expect(next.code, next.log).toBe(0)
    expect(next.outputs[Outputs.baselineVersion]).toBe('1')
  })

  it('an /approve on the gate of a version approved meanwhile by the approve command says it is already the champion and outputs promoted false', async () => {
    const workspace = await toyProject('twice', GATE)
    expect((await act(workspace, { inputs: { gate: 'issue' } })).outputs[Outputs.decision]).toBe('pending-approval')
    // Approved by the command in a job without the issue gate, which leaves the gate issue open.
    const approved = await act(workspace, { inputs: { command: 'approve', version: '1' } })
    expect(approved.outputs[Outputs.promoted], approved.log).toBe('true')
    const before = registryState(github, 'twice')!
    expect(before.champion).toBe(1)
    const issue = gateIssue('twice', 1)
    expect(issue.state).toBe('open')
    github.permissions.set('maintainer', 'write')
    const c = github.addIssueComment(issue.number, 'maintainer', '/approve')
    const again = await act(workspace, { event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, c) } })
    expect(again.code, again.log).toBe(0)
    // As the approve command says of the champion: a deploy keyed on promoted must not run again.
    expect(again.outputs[Outputs.decision]).toBe('already-champion')
    expect(again.outputs[Outputs.promoted]).toBe('false')
    expect(repliesOn(issue.number).at(-1)!.body).toMatch(/twice version 1 is already the champion: nothing changed, nothing needed doing/)
    const after = registryState(github, 'twice')!
    expect({ champion: after.champion, history: after.history }).toEqual({ champion: before.champion, history: before.history })
  })

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
    expect(approval.log).toMatch(
      /rejected-candidate: Approval by @maintainer was refused: version 1 was rejected by octo-bot \(eval set too small\); only a forced approval/
    )
    // Nothing about the run's spec or inputs was wrong, and a comment has no force input.
    expect(approval.log).not.toMatch(/the spec or an input is invalid|set the input "force"/)
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
