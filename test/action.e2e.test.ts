import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Outputs } from '../src/github/constants.js'
import { REPO, makeProject } from './helpers/project.js'

const ACTION = path.join(REPO, 'dist/index.js')

/** Runs the bundled action as the runner does: inputs as INPUT_* variables, outputs through files. */
async function runAction(workspace: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'runner-temp-'))
  const outputFile = path.join(runnerTemp, 'output')
  const summaryFile = path.join(runnerTemp, 'summary.md')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_ACTOR: 'octo-bot',
    GITHUB_EVENT_NAME: 'schedule',
    RUNNER_TEMP: runnerTemp,
    ...extraEnv
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION], { cwd: workspace, env })
    let out = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (out += d))
    child.on('error', reject)
    child.on('close', c => resolve({ code: c, stdout: out }))
  })
  return { code, stdout, outputs: parseOutputs(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') }
}

/** The runner's file-command format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) outputs[m[1]!] = m[3]!
  return outputs
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
    expect(first.code, first.stdout).toBe(0)
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
    expect(second.code, second.stdout).toBe(0)
    expect(second.outputs[Outputs.decision]).toBe('rejected')
    expect(second.outputs[Outputs.baselineVersion]).toBe('1')
  })

  it('an invalid param input fails the step with an annotation and changes nothing', async () => {
    const workspace = await makeProject('test/fixtures/toy')
    await writeFile(path.join(workspace, '.github-retrain.yml'), SPEC)
    const res = await runAction(workspace, { spec: '.github-retrain.yml', registry: 'directory', params: '{"delta": "lots"}' })
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(/::error::.*delta/)
    expect(existsSync(path.join(workspace, '.retrain'))).toBe(false)
  })

  it('a spec error becomes an annotation on the spec file, at its line and column', async () => {
    const workspace = await makeProject('test/fixtures/toy')
    await writeFile(path.join(workspace, '.github-retrain.yml'), SPEC.replace('  mode: auto', '  mode: automatic'))
    const res = await runAction(workspace, { spec: '.github-retrain.yml', registry: 'directory' })
    expect(res.code).toBe(1)
    const line = SPEC.split('\n').findIndex(l => l === '  mode: auto') + 1
    expect(res.stdout).toMatch(new RegExp(`::error file=\\.github-retrain\\.yml,line=${line},col=9::.*mode must be one of`))
  })
})
