/**
 * A workflow author's mistakes in the action's inputs, through the built action: each fails the step
 * with one error annotation naming the input (or the param and the input that would accept it), and
 * the registry is exactly as it was.
 */
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { AUTO, runAction, toyProject } from './harness.js'

/** Every file of the directory registry with its content: what a failed run must leave alone. */
async function registryFiles(workspace: string): Promise<Record<string, string>> {
  const root = path.join(workspace, '.retrain/registry')
  const files: Record<string, string> = {}
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name)
      files[path.relative(root, file)] = (await readFile(file)).toString('base64')
    }
  }
  return files
}

const errors = (log: string) => log.split('\n').filter(line => line.startsWith('::error'))

describe('wrong inputs', () => {
  it('fail with one annotation naming the input, and change nothing', async () => {
    const workspace = await toyProject('mistakes', AUTO)
    const base = { spec: 'retrain.yml', artifacts: 'false' }
    expect((await runAction(workspace, { inputs: base })).code).toBe(0)
    const before = await registryFiles(workspace)
    expect(Object.keys(before).length).toBeGreaterThan(0)

    const cases: [Record<string, string>, RegExp][] = [
      [{ command: 'retrain' }, /input "command" must be one of run, validate, .*got "retrain"/],
      [{ force: 'yes' }, /input "force" must be true or false, got "yes"/],
      [{ artifacts: 'no' }, /input "artifacts" must be true or false, got "no"/],
      [{ 'ignore-unknown-params': '1' }, /input "ignore-unknown-params" must be true or false, got "1"/],
      [{ params: '{"delta": ' }, /input "params" is not valid JSON or YAML/],
      [{ params: '{"delta": 2, "epochs": 3}' }, /unknown param "epochs" from the params input .*set the input "ignore-unknown-params" to true/],
      [{ params: '{"delta": "much"}' }, /delta/],
      [{ spec: 'missing.yml' }, /input "spec": there is no file missing.yml in the workspace; set "spec" to the path/],
      [{ spec: '' }, /input "spec": there is no file \.github\/retrain\.yml in the workspace \(the default\); set "spec"/]
    ]
    for (const [inputs, message] of cases) {
      const run = await runAction(workspace, { inputs: { ...base, ...inputs } })
      expect(run.code, JSON.stringify(inputs)).toBe(1)
      const [first, ...rest] = errors(run.log)
      expect(first, JSON.stringify(inputs)).toMatch(message)
      // The one problem, then the step's failure line.
      expect(rest, JSON.stringify(inputs)).toEqual(['::error::the spec or an input is invalid (1 problem)'])
      expect(run.outputs[Outputs.decision]).toBeUndefined()
      expect(await registryFiles(workspace)).toEqual(before)
    }
  })

  it('a workflow_dispatch input that is not a spec param names the input that ignores it, which then does', async () => {
    const workspace = await toyProject('dispatchinputs', AUTO)
    const event = { name: 'workflow_dispatch', payload: { inputs: { delta: '2', 'dry-run': 'false' } } }
    const refused = await runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false' }, event })
    expect(refused.code).toBe(1)
    expect(errors(refused.log)[0]).toMatch(
      /unknown param "dry-run" from workflow_dispatch inputs .*; set the input "ignore-unknown-params" to true to ignore entries that are not spec params/
    )
    const ran = await runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false', 'ignore-unknown-params': 'true' }, event })
    expect(ran.code, ran.log).toBe(0)
    expect(ran.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.metrics]: JSON.stringify({ score: 2, loss: 8 }) })
  })

  it('an input the command does not read is named in a warning, and the command runs as without it', async () => {
    const workspace = await toyProject('ignoredinputs', AUTO)
    const warnings = (log: string) => log.split('\n').filter(line => line.startsWith('::warning'))
    const run = await runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false', candidate: '3', force: 'true', plan: '0123456789abcdef' } })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    expect(warnings(run.log)).toEqual([
      '::warning::input "candidate" is ignored by command "run": only promote read it',
      '::warning::input "force" is ignored by command "run": only approve and promote read it',
      '::warning::input "plan" is ignored by command "run" without a challenger: only run with a challenger, and select read it'
    ])
    // The inputs a command reads draw no warning; GitHub gives force its default, false, every time.
    const rollback = await runAction(workspace, { inputs: { spec: 'retrain.yml', command: 'rollback', version: '1', force: 'false' } })
    expect(warnings(rollback.log)).toEqual([])
  })

  it('params: ${{ toJSON(inputs) }} on a repository_dispatch ({}, no inputs) leaves the params to client_payload', async () => {
    const workspace = await toyProject('emptyparams', AUTO)
    const event = { name: 'repository_dispatch', payload: { action: 'retrain', client_payload: { params: { delta: 3 } } } }
    const run = await runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false', params: '{}' }, event })
    expect(run.code, run.log).toBe(0)
    expect(JSON.parse(run.outputs[Outputs.metrics]!)).toEqual({ score: 3, loss: 7 })
    // Params given in the input still win over the event.
    const given = await runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false', params: '{"delta": 1}' }, event })
    expect(JSON.parse(given.outputs[Outputs.metrics]!)).toEqual({ score: 4, loss: 6 })
  })
})
