/**
 * Gaps in the contract that users meet, each through the built CLI: a silent step says it is still
 * running; a clear regression under a confidence rule is called one.
 */
import { appendFile, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO, makeProject, retrain, toySpec } from './helpers/project.js'

function spec(train: string): string {
  return toySpec({ train, stepName: 'Train quietly' })
}

describe('a step that prints nothing', () => {
  it('is said to be still running, with the time elapsed, in the console', async () => {
    const project = await makeProject('test/fixtures/toy', spec('sleep 1.5\n      node train.mjs'))
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out'], { RETRAIN_HEARTBEAT_SECONDS: '0.3' })
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(/Step Train quietly: still running, \d+\.\ds elapsed, no output for \d+\.\ds/)
  })
})

describe('versions evaluated on different data', () => {
  it('are kept apart in the status: each evaluation set has a letter, and the change is said', async () => {
    const project = await makeProject('test/fixtures/toy', spec('node train.mjs'))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out1'])).code).toBe(0)
    await appendFile(path.join(project, 'data', 'eval.csv'), '9,9\n')
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out2'])).code).toBe(0)
    const status = await retrain(project, ['status', '--spec', 'retrain.yml'])
    expect(status.code, status.stderr).toBe(0)
    expect(status.stdout).toMatch(/\| version \| status +\| baseline \| score +\| loss +\| evaluated on \|/)
    expect(status.stdout).toMatch(/\| 1 +\| retired[^\n]*\| A +\|/)
    expect(status.stdout).toMatch(/\| 2 \* +\| promoted[^\n]*\| B +\|/)
    expect(status.stdout).toMatch(/The evaluation data changed at version 2: metrics compare only between versions evaluated on the same data/)
    const json = JSON.parse((await retrain(project, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(json.versions[0].evaluationData).toMatch(/^[0-9a-f]{64}$/)
    expect(json.versions[1].evaluationData).not.toBe(json.versions[0].evaluationData)
  })
})

describe('a warm start is confirmed, not assumed', () => {
  const withPolicy = (warmStart: 'required' | 'fallback') => toySpec({ warmStart, stepName: 'Train quietly' })

  it('a step that confirms names the champion digest: the report says confirmed', async () => {
    const project = await makeProject('test/fixtures/toy', withPolicy('required'))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out1'])).code).toBe(0)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out2'])
    expect(res.code, res.stderr).toBe(0)
    const result = JSON.parse(await readFile(path.join(project, 'out2', 'result.json'), 'utf8'))
    expect(result.candidate.warmStart).toEqual({ source: 'champion', confirmed: true, parentVersion: 1 })
    expect(await readFile(path.join(project, 'out2', 'report.md'), 'utf8')).toMatch(/Training: confirmed warm start from version 1\./)
  })

  it('under "required", a step that ignores the champion fails the run, saying how to confirm; nothing changes', async () => {
    const project = await makeProject('test/fixtures/toy', withPolicy('required'))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out1'])).code).toBe(0)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out2'], { RETRAIN_TOY_NO_CONFIRM: 'true' })
    expect(res.code).toBe(3)
    expect(res.stderr).toMatch(/nothing confirmed that training started from the champion \(version 1, bundle [0-9a-f]{12}\): no step wrote a training report/)
    expect(res.stderr).toMatch(/RETRAIN_BASELINE_DIGEST/)
    const status = JSON.parse((await retrain(project, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(status.versions.map((v: { version: number }) => v.version)).toEqual([1])
  })

  it('under "fallback", an unconfirmed warm start is recorded as one, and the headline says so', async () => {
    const project = await makeProject('test/fixtures/toy', withPolicy('fallback'))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out1'])).code).toBe(0)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out2'], { RETRAIN_TOY_NO_CONFIRM: 'true' })
    expect(res.code, res.stderr).toBe(0)
    const result = JSON.parse(await readFile(path.join(project, 'out2', 'result.json'), 'utf8'))
    expect(result.candidate.warmStart).toEqual({ source: 'champion', confirmed: false, parentVersion: 1 })
    expect(await readFile(path.join(project, 'out2', 'report.md'), 'utf8')).toMatch(/Training: unconfirmed warm start from version 1: no step confirmed/)
  })

  it('the Python helper confirms in one call and records the package versions', async () => {
    const python = '/usr/bin/python3'
    const project = await makeProject(
      'test/fixtures/toy',
      withPolicy('required').replace(
        'run: |\n      node train.mjs',
        `run: |\n      RETRAIN_TOY_NO_CONFIRM=true node train.mjs\n      PYTHONPATH=${path.join(REPO, 'helpers/python')} ${python} -c "import retrain_contract as r; r.baseline_dir() and r.confirm_warm_start()"`
      )
    )
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out1'])).code).toBe(0)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out2'])
    expect(res.code, res.stderr).toBe(0)
    const result = JSON.parse(await readFile(path.join(project, 'out2', 'result.json'), 'utf8'))
    expect(result.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, packages: { python: expect.stringMatching(/^3\./) } })
  })
})

describe('RETRAIN_PARAMS_FILE is the params, for every step', () => {
  it("a step that edits it does not change what later steps and the evaluation read; the edit is said, and the recorded params are the run's", async () => {
    const editing = toySpec({ train: `echo '{"delta": 99}' > "$RETRAIN_PARAMS_FILE"\nnode train.mjs`, stepName: 'Edit params' }).replace(
      'evaluate:\n  run: node evaluate.mjs',
      'evaluate:\n  run: cp "$RETRAIN_PARAMS_FILE" evaluate-params.json && node evaluate.mjs'
    )
    const spec = editing.replace('evaluate:', '  - name: Read params\n    run: cp "$RETRAIN_PARAMS_FILE" step-params.json\nevaluate:')
    const project = await makeProject('test/fixtures/toy', spec)
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', 'delta=2'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(/Step Edit params changed RETRAIN_PARAMS_FILE; later steps get the run's params again/)
    const expected = { delta: 2, fail: false, note: '' }
    expect(JSON.parse(await readFile(path.join(project, 'step-params.json'), 'utf8'))).toEqual(expected)
    expect(JSON.parse(await readFile(path.join(project, 'evaluate-params.json'), 'utf8'))).toEqual(expected)
    expect(JSON.parse(await readFile(path.join(project, 'out', 'result.json'), 'utf8')).params).toEqual(expected)
    expect(res.stderr).not.toMatch(/Step Read params changed/)
  })
})
