/**
 * The action's inputs match the CLI's options: a candidate the rules rejected can be approved with
 * `force` and a `reason` (recorded), and without them the refusal names the inputs to set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, registryState, runAction, toyProject, type RunOptions } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs } })
}

describe('forced approval from the action', () => {
  it('refuses without force, naming the inputs; promotes with force and a reason, recorded as forced', async () => {
    const workspace = await toyProject('forced', AUTO)
    expect((await act(workspace)).code).toBe(0)
    const worse = await act(workspace, { inputs: { params: '{"delta": -1}' } })
    expect(worse.code, worse.log).toBe(0)
    expect(worse.outputs[Outputs.decision]).toBe('rejected')

    const plain = await act(workspace, { inputs: { command: 'approve', version: '2' } })
    expect(plain.code).toBe(1)
    expect(plain.log).toMatch(/only a forced approval with a reason can promote it/)
    expect(plain.log).toMatch(/set the input "force" to true and give a "reason"/)
    expect(plain.log).not.toMatch(/--force/)
    expect(registryState(github, 'forced')!.champion).toBe(1)

    const forced = await act(workspace, { inputs: { command: 'approve', version: '2', force: 'true', reason: 'the holdout was mislabeled' } })
    expect(forced.code, forced.log).toBe(0)
    const state = registryState(github, 'forced')!
    expect(state.champion).toBe(2)
    expect(state.history.at(-1)).toMatchObject({ action: 'approved', version: 2, forced: true, reason: 'the holdout was mislabeled' })
  })
})
