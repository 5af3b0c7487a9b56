import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContractEnv } from '../src/contract-names.js'
import { MAX_STEP_SUMMARY_BYTES, contractEnv, contractFiles, inheritableEnv, readStepSummary } from '../src/engine/contract.js'

describe('the contract', () => {
  it('withholds the action tokens and the runner file commands from steps', () => {
    const env = inheritableEnv({
      PATH: '/bin',
      HOME: '/home/x',
      GITHUB_WORKSPACE: '/w',
      GITHUB_SHA: 'abc',
      GITHUB_OUTPUT: '/o',
      GITHUB_STATE: '/s',
      GITHUB_ENV: '/e',
      GITHUB_PATH: '/p',
      GITHUB_STEP_SUMMARY: '/m',
      github_output: '/lower',
      INPUT_TOKEN: 't',
      GITHUB_TOKEN: 't',
      ACTIONS_RUNTIME_TOKEN: 't'
    })
    expect(env).toEqual({ PATH: '/bin', HOME: '/home/x', GITHUB_WORKSPACE: '/w', GITHUB_SHA: 'abc' })
  })

  it('writes RETRAIN_PARAMS_FILE and names RETRAIN_STEP_SUMMARY in the work dir', async () => {
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'contract-'))
    const params = { note: 'a "quoted" value\nwith a newline', epochs: 3, fast: true }
    const env = contractEnv({
      model: 'm',
      baselineDir: null,
      baselineVersion: null,
      baselineDigest: null,
      modelDir: '/m',
      workDir,
      params,
      data: {},
      warmStart: 'fallback',
      trainingReport: '/r'
    })
    expect(env[ContractEnv.paramsFile]).toBe(contractFiles(workDir).paramsFile)
    expect(JSON.parse(await readFile(env[ContractEnv.paramsFile]!, 'utf8'))).toEqual(params)
    expect(JSON.parse(env[ContractEnv.params]!)).toEqual(params)
    expect(env[ContractEnv.stepSummary]).toBe(path.join(workDir, '.retrain-step-summary.md'))
  })

  it('reads the steps summary sanitized and cut at its limit, or null when nothing was written', async () => {
    const workDir = await mkdtemp(path.join(os.tmpdir(), 'contract-'))
    expect(await readStepSummary(workDir)).toBeNull()
    const file = contractFiles(workDir).stepSummary
    await writeFile(file, '### Training\n\tloss\u0000 0.1\u001b[31m\n')
    expect(await readStepSummary(workDir)).toBe('### Training\n\tloss 0.1[31m\n')
    await writeFile(file, 'é'.repeat(MAX_STEP_SUMMARY_BYTES))
    const cut = (await readStepSummary(workDir))!
    expect(Buffer.byteLength(cut)).toBeLessThan(MAX_STEP_SUMMARY_BYTES + 200)
    expect(cut).not.toContain('\uFFFD')
    expect(cut).toMatch(/the steps' summary was cut at 256 KiB of 512 KiB/)
  })
})
