/**
 * Gate issues whose candidate was decided another way (a command, another approval, a promotion that
 * made its comparison stale) are answered and closed by the next command of the action, through the
 * built action against the loopback GitHub; a gate still waiting stays open.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { GATE_LABEL, gateMarker } from '../../src/github/gates.js'
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
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', gate: 'issue', ...options.inputs } })
}

const gateIssue = (model: string, version: number) => [...github.issues.values()].find(i => i.title === `Approve ${model} version ${version}?`)!
const repliesOn = (issue: number) => [...github.comments.values()].filter(c => c.issue_number === issue && c.user === github.botLogin).map(c => c.body)

describe('gate issues nothing waits on any more', { timeout: 180_000 }, () => {
  it('are answered and closed by the next command; a gate still waiting stays open', async () => {
    const workspace = await toyProject('moot', AUTO)
    expect((await act(workspace)).code).toBe(0)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('moot', GATE))
    expect((await act(workspace)).outputs[Outputs.candidateVersion]).toBe('2')
    expect((await act(workspace, { inputs: { params: '{"delta": 3}' } })).outputs[Outputs.candidateVersion]).toBe('3')
    // Both wait on champion 1: both gates stay open after the second run.
    expect(gateIssue('moot', 2).state).toBe('open')
    expect(gateIssue('moot', 3).state).toBe('open')

    // Version 3 approved by the command, not on its issue: its gate is answered, and version 2's,
    // compared with version 1, can no longer be approved (its draft is gone).
    const approved = await act(workspace, { inputs: { command: 'approve', version: '3' } })
    expect(approved.code, approved.log).toBe(0)
    expect(registryState(github, 'moot')!.champion).toBe(3)
    expect(gateIssue('moot', 3)).toMatchObject({ state: 'closed', state_reason: 'completed' })
    expect(repliesOn(gateIssue('moot', 3).number)).toEqual([
      expect.stringMatching(/^This gate is closed: moot version 3 was approved by \S+ at \S+ \(.*\)\. Nothing waits for approval here any more\.$/)
    ])
    expect(gateIssue('moot', 2)).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    expect(repliesOn(gateIssue('moot', 2).number)).toEqual([
      expect.stringMatching(/the champion is now version 3, not version 1, the champion moot version 2 was compared with, so approving it would be refused/)
    ])

    // A new gate, rejected by the command: answered with who rejected it and why.
    expect((await act(workspace, { inputs: { params: '{"delta": 5}' } })).outputs[Outputs.candidateVersion]).toBe('4')
    expect(gateIssue('moot', 4).state).toBe('open')
    const rejected = await act(workspace, { inputs: { command: 'reject', version: '4', reason: 'eval set too small' } })
    expect(rejected.code, rejected.log).toBe(0)
    expect(gateIssue('moot', 4)).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    expect(repliesOn(gateIssue('moot', 4).number)).toEqual([expect.stringMatching(/moot version 4 was rejected by \S+ at \S+ \(eval set too small\)/)])

    // The gate of a version not registered yet (its run opens the gate just before it records the
    // candidate as pending; this command runs in between) is left alone.
    github.issues.set(900, {
      number: 900,
      id: 90000,
      title: 'Approve moot version 5?',
      body: `${gateMarker({ model: 'moot', version: 5, baseline: 3, actor: 'octo-bot' })}\nApprove or reject moot version 5`,
      labels: [GATE_LABEL],
      state: 'open',
      state_reason: null,
      user: github.botLogin,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      closed_at: null
    })

    // Answered once: another command finds nothing left to close, and the registry is as the commands left it.
    const before = registryState(github, 'moot')!
    const settle = await act(workspace, { inputs: { command: 'settle' } })
    expect(settle.code, settle.log).toBe(0)
    expect(settle.log).not.toMatch(/Closed the gate issue/)
    for (const v of [2, 3, 4]) expect(repliesOn(gateIssue('moot', v).number)).toHaveLength(1)
    expect(github.issues.get(900)!.state).toBe('open')
    expect(repliesOn(900)).toEqual([])
    expect(registryState(github, 'moot')).toEqual(before)
  })

  it('a dry run leaves the gates alone', async () => {
    const workspace = await toyProject('moot-dry', AUTO)
    expect((await act(workspace)).code).toBe(0)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('moot-dry', GATE))
    expect((await act(workspace)).outputs[Outputs.candidateVersion]).toBe('2')
    // Rejected by a step without the issue gate: its issue stays open until a command with the issue
    // gate runs, and a dry run is not one that closes it.
    const rejected = await act(workspace, { inputs: { command: 'reject', version: '2', gate: 'environment' } })
    expect(rejected.code, rejected.log).toBe(0)
    expect(gateIssue('moot-dry', 2).state).toBe('open')
    const dry = await act(workspace, { inputs: { 'dry-run': 'true' } })
    expect(dry.code, dry.log).toBe(0)
    expect(gateIssue('moot-dry', 2).state).toBe('open')
    // status only reads; the next command that writes closes it.
    expect((await act(workspace, { inputs: { command: 'status' } })).code).toBe(0)
    expect(gateIssue('moot-dry', 2).state).toBe('open')
    const real = await act(workspace, { inputs: { command: 'settle' } })
    expect(real.code, real.log).toBe(0)
    expect(gateIssue('moot-dry', 2)).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
  })
})
