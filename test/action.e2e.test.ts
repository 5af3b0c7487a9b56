import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Outputs } from '../src/github/constants.js'
import { runAction as runHarness } from './github/harness.js'
import { makeProject } from './helpers/project.js'

/** Runs the bundled action with the directory registry (the harness's default), as the runner runs it. */
function runAction(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runHarness(workspace, { inputs, env })
}

const SPEC = `model: toy
root: .
params:
  delta: { type: number, default: 1 }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: env > step-env.txt && node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: 0
promotion:
  mode: auto
  first-model: promote
`

describe('the action, run as the runner runs it', () => {
  it('retrains, sets outputs and the job summary, and never hands the token to a step', async () => {
    const workspace = await makeProject('test/fixtures/toy')
    await writeFile(path.join(workspace, '.github-retrain.yml'), SPEC)
    const secret = 'ghs_secretTokenValue123'
    const first = await runAction(
      workspace,
      { spec: '.github-retrain.yml', registry: 'directory', token: secret, params: '{"delta": 2}' },
      { GITHUB_TOKEN: secret, ACTIONS_RUNTIME_TOKEN: 'runtime-' + secret, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-' + secret }
    )
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.decision]).toBe('promoted')
    expect(first.outputs[Outputs.candidateVersion]).toBe('1')
    expect(JSON.parse(first.outputs[Outputs.metrics]!)).toEqual({ score: 2, loss: 8 })
    expect(first.summary).toMatch(/## toy: promoted/)
    expect(existsSync(first.outputs[Outputs.resultPath]!)).toBe(true)

    const stepEnv = await readFile(path.join(workspace, 'step-env.txt'), 'utf8')
    expect(stepEnv).toMatch(/^RETRAIN_MODEL=toy$/m)
    expect(stepEnv).not.toContain(secret)
    expect(stepEnv).not.toMatch(/^INPUT_/m)

    const second = await runAction(workspace, { spec: '.github-retrain.yml', registry: 'directory', params: '{"delta": -1}' })
    expect(second.code, second.log).toBe(0)
    expect(second.outputs[Outputs.decision]).toBe('rejected')
    expect(second.outputs[Outputs.baselineVersion]).toBe('1')
  })

  it('an invalid param input fails the step with an annotation and changes nothing', async () => {
    const workspace = await makeProject('test/fixtures/toy')
    await writeFile(path.join(workspace, '.github-retrain.yml'), SPEC)
    const res = await runAction(workspace, { spec: '.github-retrain.yml', registry: 'directory', params: '{"delta": "lots"}' })
    expect(res.code).toBe(1)
    expect(res.log).toMatch(/::error::.*delta/)
    expect(existsSync(path.join(workspace, '.retrain'))).toBe(false)
  })

  it('a spec error becomes an annotation on the spec file, at its line and column', async () => {
    const workspace = await makeProject('test/fixtures/toy')
    await writeFile(path.join(workspace, '.github-retrain.yml'), SPEC.replace('  mode: auto', '  mode: automatic'))
    const res = await runAction(workspace, { spec: '.github-retrain.yml', registry: 'directory' })
    expect(res.code).toBe(1)
    const line = SPEC.split('\n').findIndex(l => l === '  mode: auto') + 1
    expect(res.log).toMatch(new RegExp(`::error file=\\.github-retrain\\.yml,line=${line},col=9::.*mode must be one of`))
  })
})
