/**
 * The events a workflow meets, as the runner hands them over: each works, or fails with a message
 * naming the event and what is missing.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, GATE, registryState as stateOf, runAction, toyProject, toySpec, type RunOptions } from './harness.js'

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

const registryState = (model: string) => stateOf(github, model)

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs } })
}

const TYPED = `  flag: { type: boolean, default: false }
  epochs: { type: integer, default: 1 }
  note: { type: string, default: nightly }
`

/** The toy project with params of every type; steps record their environment in step-env.txt. */
async function typedProject(model: string): Promise<string> {
  const workspace = await toyProject(model, AUTO)
  await writeFile(path.join(workspace, 'retrain.yml'), toySpec(model, AUTO, TYPED))
  return workspace
}

async function stepParams(workspace: string): Promise<Record<string, unknown>> {
  const env = await readFile(path.join(workspace, 'step-env.txt'), 'utf8')
  return JSON.parse(/^RETRAIN_PARAMS=(.*)$/m.exec(env)![1]!) as Record<string, unknown>
}

describe.concurrent('events', { timeout: 180_000 }, () => {
  it('workflow_dispatch: booleans and numbers arrive as strings, inputs left empty take the spec defaults, in the event and through toJSON(inputs)', async () => {
    const workspace = await typedProject('ev-dispatch')
    const inputs = { delta: '2', optimizer: '', flag: 'true', epochs: '3', note: '' }
    const run = await act(workspace, { event: { name: 'workflow_dispatch', payload: { inputs, ref: 'refs/heads/main' } } })
    expect(run.code, run.log).toBe(0)
    expect(await stepParams(workspace)).toEqual({ delta: 2, optimizer: 'sgd', flag: true, epochs: 3, note: 'nightly' })
    // `params: ${{ toJSON(inputs) }}`: typed booleans and numbers, the empty inputs still "".
    const typed = await act(workspace, {
      event: { name: 'workflow_dispatch', payload: { inputs } },
      inputs: { params: JSON.stringify({ delta: 1, optimizer: '', flag: false, epochs: 2, note: '' }) }
    })
    expect(typed.code, typed.log).toBe(0)
    expect(await stepParams(workspace)).toEqual({ delta: 1, optimizer: 'sgd', flag: false, epochs: 2, note: 'nightly' })
    expect(registryState('ev-dispatch')!.versions).toHaveLength(2)
  })

  it('an event payload that is missing or unreadable: a dispatch fails naming the event and the file, and changes nothing; a schedule needs none', async () => {
    const workspace = await typedProject('ev-payload')
    const missing = await act(workspace, { event: { name: 'workflow_dispatch' }, env: { GITHUB_EVENT_PATH: '' } })
    expect(missing.code).not.toBe(0)
    expect(missing.log).toContain(
      "the workflow_dispatch event's payload is not there (GITHUB_EVENT_PATH is not set), and the action reads its inputs (the params) from it"
    )
    const dir = await mkdtemp(path.join(os.tmpdir(), 'event-'))
    const unreadable = await act(workspace, { event: { name: 'repository_dispatch' }, env: { GITHUB_EVENT_PATH: path.join(dir, 'event.json') } })
    expect(unreadable.code).not.toBe(0)
    expect(unreadable.log).toContain(
      `the repository_dispatch event's payload cannot be read from ${path.join(dir, 'event.json')} (ENOENT), and the action reads its client_payload (the params) from it`
    )
    const comment = await act(workspace, { event: { name: 'issue_comment' }, env: { GITHUB_EVENT_PATH: dir } })
    expect(comment.code).not.toBe(0)
    expect(comment.log).toContain(
      `the issue_comment event's payload cannot be read from ${dir} (EISDIR), and the action reads the comment and its issue from it`
    )
    // Not JSON: the toolkit, which parses it as it loads, would end the step with a stack trace.
    const garbled = path.join(dir, 'garbled.json')
    await writeFile(garbled, '{"inputs": {"delta": "2"')
    const invalid = await act(workspace, { event: { name: 'workflow_dispatch' }, env: { GITHUB_EVENT_PATH: garbled } })
    expect(invalid.code).not.toBe(0)
    expect(invalid.log).toMatch(
      new RegExp(`::error::the workflow_dispatch event's payload in ${garbled} is not valid JSON \\(.+\\), and the action reads its inputs`)
    )
    expect(invalid.summary).toContain('is not valid JSON')
    expect(registryState('ev-payload')).toBeUndefined()

    // An event whose payload the action does not read runs without it.
    const schedule = await act(workspace, { event: { name: 'schedule' }, env: { GITHUB_EVENT_PATH: '' } })
    expect(schedule.code, schedule.log).toBe(0)
    expect(schedule.outputs[Outputs.candidateVersion]).toBe('1')
    const push = await act(workspace, { event: { name: 'push' }, env: { GITHUB_EVENT_PATH: dir } })
    expect(push.code, push.log).toBe(0)
    expect(push.outputs[Outputs.candidateVersion]).toBe('2')
  })

  it('repository_dispatch with client_payload absent, null, or params null runs with the defaults', async () => {
    const workspace = await typedProject('ev-repo-dispatch')
    for (const payload of [{ action: 'retrain' }, { action: 'retrain', client_payload: null }, { action: 'retrain', client_payload: { params: null } }]) {
      const run = await act(workspace, { event: { name: 'repository_dispatch', payload } })
      expect(run.code, `${JSON.stringify(payload)}\n${run.log}`).toBe(0)
      expect(await stepParams(workspace)).toEqual({ delta: 1, optimizer: 'sgd', flag: false, epochs: 1, note: 'nightly' })
    }
    expect(registryState('ev-repo-dispatch')!.versions).toHaveLength(3)
  })

  it('push of a tag dispatches the deploy on the tag; merge_group runs dry; workflow_run retrains', async () => {
    const workspace = await toyProject('ev-refs', AUTO)
    const tag = await act(workspace, {
      event: { name: 'push', payload: { ref: 'refs/tags/v1.2', created: true } },
      env: { GITHUB_REF: 'refs/tags/v1.2' },
      inputs: { 'dispatch-workflow': 'deploy-ev-refs.yml' }
    })
    expect(tag.code, tag.log).toBe(0)
    expect(github.dispatches.filter(d => d.workflow === 'deploy-ev-refs.yml')).toEqual([
      { workflow: 'deploy-ev-refs.yml', ref: 'refs/tags/v1.2', inputs: { model: 'ev-refs', version: '1' } }
    ])
    const queue = await act(workspace, { event: { name: 'merge_group', payload: { action: 'checks_requested', merge_group: { head_sha: 'abc' } } } })
    expect(queue.code, queue.log).toBe(0)
    expect(queue.outputs[Outputs.decision]).toBe('skipped')
    const after = await act(workspace, { event: { name: 'workflow_run', payload: { action: 'completed', workflow_run: { conclusion: 'success' } } } })
    expect(after.code, after.log).toBe(0)
    expect(after.outputs[Outputs.candidateVersion]).toBe('2')
    expect(registryState('ev-refs')!.versions).toHaveLength(2)
  })

  it('an /approve on a pull request is ignored, even one whose body and label copy a gate issue; so is one whose author was deleted', async () => {
    const workspace = await toyProject('ev-pr-comment', GATE)
    expect((await act(workspace, { inputs: { gate: 'issue' } })).code).toBe(0)
    const gate = [...github.issues.values()].find(i => i.title === 'Approve ev-pr-comment version 1?')!
    github.issues.set(9001, { ...gate, number: 9001, id: 90010, title: 'Copy of the gate', user: 'contributor' })
    github.permissions.set('ev-maintainer', 'write')
    const comment = github.addIssueComment(9001, 'ev-maintainer', '/approve')
    const payload = github.issueCommentEvent(9001, comment)
    const onPullRequest = { ...payload, issue: { ...payload.issue, pull_request: { url: `${github.url}/repos/${github.owner}/${github.repo}/pulls/9001` } } }
    const run = await act(workspace, { event: { name: 'issue_comment', payload: onPullRequest } })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('ignored')
    expect(run.log).toContain('Nothing to do: #9001 is a pull request, not a gate issue')
    expect(registryState('ev-pr-comment')!.champion).toBeNull()

    // A comment whose author was deleted arrives with user null: no one whose permission could count.
    const orphan = github.addIssueComment(gate.number, 'ev-maintainer', '/approve')
    const event = github.issueCommentEvent(gate.number, orphan)
    const ghost = await act(workspace, { event: { name: 'issue_comment', payload: { ...event, comment: { ...event.comment, user: null }, sender: null } } })
    expect(ghost.code, ghost.log).toBe(0)
    expect(ghost.outputs[Outputs.decision]).toBe('ignored')
    expect(ghost.log).toContain(`Nothing to do: the comment on issue #${gate.number} has no author (a deleted account)`)
    expect(registryState('ev-pr-comment')!.champion).toBeNull()
    expect(gate.state).toBe('open')
  })
})
