/**
 * Promises of the documentation about integrity and secrecy, checked through the built CLI as a user
 * meets them (each test names the promise it checks).
 */
import { existsSync } from 'node:fs'
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeState } from '../src/registry/state-machine.js'
import { makeProject, retrain, toySpec } from './helpers/project.js'

async function state(project: string) {
  const text = await readFile(path.join(project, 'registry', 'toy', 'registry.json'), 'utf8').catch(() => null)
  return normalizeState('toy', text ? JSON.parse(text) : {})
}

function run(project: string, out: string, ...args: string[]) {
  return retrain(project, ['run', '--spec', 'retrain.yml', '--registry', 'registry', '--out', out, ...args])
}

/** The toy spec whose evaluate command also runs `extra` (a shell line) after scoring. */
function evaluatingWith(extra: string): string {
  return toySpec().replace('  run: node evaluate.mjs\n', `  run: |\n    node evaluate.mjs\n    ${extra}\n`)
}

describe('the bundle holds the model the rules judged', { timeout: 120_000 }, () => {
  it("an evaluation of the champion that rewrites the candidate's model fails the run: nothing is stored or promoted", async () => {
    // The champion's evaluation overwrites $RETRAIN_MODEL_DIR (the candidate, already scored at w=2)
    // with a model that would score -100: the bundle must not hold it under the candidate's metrics.
    const project = await makeProject(
      'test/fixtures/toy',
      evaluatingWith(`if [ "$RETRAIN_EVAL_ROLE" = baseline ]; then echo '{"w":-100,"generation":9}' > "$RETRAIN_MODEL_DIR/model.json"; fi`)
    )
    const first = await run(project, 'out1')
    expect(first.code, first.stderr).toBe(0)
    const before = await state(project)
    expect(before.champion).toBe(1)

    const second = await run(project, 'out2')
    expect(second.code, second.stderr).toBe(4)
    expect(second.stderr).toMatch(
      /the candidate's model in \$RETRAIN_MODEL_DIR changed while the champion \(version 1\) was evaluated \(model\.json \(changed\)\)/
    )
    const after = await state(project)
    expect(after.champion).toBe(1)
    expect(after.versions.map(v => v.version)).toEqual([1])
    expect(after.reservations).toEqual([])
    expect(await readdir(path.join(project, 'registry', 'toy', 'versions'))).toEqual(['1'])
    expect(existsSync(path.join(project, 'out2', 'result.json'))).toBe(false)
  })

  it('an evaluation of the candidate that writes into the model it scores fails the run before anything is stored', async () => {
    const project = await makeProject('test/fixtures/toy', evaluatingWith(`echo cached > "$RETRAIN_EVAL_MODEL_DIR/eval-cache.txt"`))
    const res = await run(project, 'out1')
    expect(res.code, res.stderr).toBe(4)
    expect(res.stderr).toMatch(/changed while the candidate was evaluated \(eval-cache\.txt \(added\)\)/)
    const after = await state(project)
    expect(after.champion).toBe(null)
    expect(after.versions).toEqual([])
  })

  it('an evaluate command that only reads the models and writes its own files promotes the model it scored', async () => {
    const project = await makeProject('test/fixtures/toy', evaluatingWith(`echo "$RETRAIN_EVAL_ROLE" >> "$RETRAIN_WORK_DIR/roles.txt"`))
    expect((await run(project, 'out1')).code).toBe(0)
    const res = await run(project, 'out2', '--param', 'delta=2')
    expect(res.code, res.stderr).toBe(0)
    const after = await state(project)
    expect(after.champion).toBe(2)
    expect(after.versions.find(v => v.version === 2)?.metrics).toMatchObject({ score: 3 })
  })
})

describe('the models are trained and scored on the data the run fingerprinted', { timeout: 120_000 }, () => {
  it('a training step that overwrites the evaluation data with the training data fails the run: it is leakage the guard checked before', async () => {
    const project = await makeProject('test/fixtures/toy', toySpec({ train: 'node train.mjs\ncp data/train.csv data/eval.csv' }))
    const res = await run(project, 'out1')
    expect(res.code, res.stderr).toBe(3)
    expect(res.stderr).toMatch(/the data changed while the steps ran \(eval: data\/eval\.csv\)/)
    expect(res.stderr).toMatch(/nothing was stored or promoted/)
    const after = await state(project)
    expect(after.champion).toBe(null)
    expect(after.versions).toEqual([])
    expect(existsSync(path.join(project, 'out1', 'result.json'))).toBe(false)
  })

  it('an evaluation of the candidate that rewrites the evaluation data fails the run before the champion is scored on other data', async () => {
    const project = await makeProject('test/fixtures/toy', toySpec())
    expect((await run(project, 'out1')).code).toBe(0)
    await writeFile(path.join(project, 'retrain.yml'), evaluatingWith(`if [ "$RETRAIN_EVAL_ROLE" = candidate ]; then echo "9,9" >> "$RETRAIN_DATA_EVAL"; fi`))
    const before = await state(project)
    const res = await run(project, 'out2')
    expect(res.code, res.stderr).toBe(4)
    expect(res.stderr).toMatch(/the data changed while the candidate was evaluated \(eval: data\/eval\.csv\)/)
    expect(res.stderr).not.toMatch(/Evaluate the baseline/)
    const after = await state(project)
    expect(after.champion).toBe(1)
    expect(after.versions).toEqual(before.versions)
  })

  it('steps that read the data and write elsewhere change nothing of it: the run promotes', async () => {
    const project = await makeProject(
      'test/fixtures/toy',
      toySpec({ train: 'node train.mjs\ncat data/train.csv data/eval.csv > "$RETRAIN_WORK_DIR/both.csv"' })
    )
    const res = await run(project, 'out1')
    expect(res.code, res.stderr).toBe(0)
    expect((await state(project)).champion).toBe(1)
  })
})

describe('a pinned version is evaluated from its verified bundle', { timeout: 120_000 }, () => {
  it("a version a rule pins whose bundle was replaced by another version's fails its rule closed: nothing is promoted", async () => {
    // Never more than 0.5 below version 1, whatever the champion.
    const spec = toySpec({ margin: -100 }).replace('      - margin: -100\n', '      - margin: -100\n      - margin: -0.5\n        against: 1\n')
    expect(spec).toContain('against: 1')
    const project = await makeProject('test/fixtures/toy', spec)
    expect((await run(project, 'out1', '--param', 'delta=5')).code).toBe(0) // v1: w=5, champion
    expect((await run(project, 'out2', '--param', 'delta=0')).code).toBe(0) // v2: w=5, champion
    const third = await run(project, 'out3', '--param', 'delta=-4') // v3: w=1, rejected (4 below version 1)
    expect(third.code, third.stderr).toBe(0)
    expect(JSON.parse(await readFile(path.join(project, 'out3', 'result.json'), 'utf8')).decision).toBe('rejected')
    // Version 3's whole, self-consistent bundle put in version 1's place: version 1 would now score 1.
    const versions = path.join(project, 'registry', 'toy', 'versions')
    for (const file of ['model.tar', 'manifest.json']) await copyFile(path.join(versions, '3', file), path.join(versions, '1', file))

    // w=2 is 3 below the real version 1 (w=5), 1 above the replaced one.
    const fourth = await run(project, 'out4', '--param', 'delta=-3')
    expect(fourth.code, fourth.stderr).toBe(0)
    expect(fourth.stderr).toMatch(/version 1, which a rule compares with, could not be evaluated: .*digest/)
    const result = JSON.parse(await readFile(path.join(project, 'out4', 'result.json'), 'utf8'))
    expect(result.decision).toBe('rejected')
    expect((await state(project)).champion).toBe(2)
  })
})

describe('the token is never given to the steps, and a spec asking for it is told so', { timeout: 60_000 }, () => {
  it('github.token, github.event and any field the github context does not have are refused at their line, not read as empty', async () => {
    const asking = toySpec({ stepKeys: 'env: { GH_TOKEN: "${{ github.token }}" }' })
    const project = await makeProject('test/fixtures/toy', asking)
    const validate = await retrain(project, ['validate', '--spec', 'retrain.yml'])
    expect(validate.code, validate.stderr).toBe(2)
    expect(validate.stderr).toMatch(/retrain\.yml:13:\d+: \$\{\{ github\.token \}\}: the token is not given to the spec's steps/)
    const res = await run(project, 'out1')
    expect(res.code, res.stderr).toBe(2)
    expect((await state(project)).versions).toEqual([])

    const payload = toySpec({ train: 'node train.mjs --batch ${{ github.event.client_payload.batch }}' })
    const other = await makeProject('test/fixtures/toy', payload)
    const refused = await retrain(other, ['validate', '--spec', 'retrain.yml'])
    expect(refused.code, refused.stderr).toBe(2)
    expect(refused.stderr).toMatch(/refers to github\.event, which a spec does not have; did you mean github\.event_name\?/)

    const known = await makeProject('test/fixtures/toy', toySpec({ train: 'node train.mjs --commit ${{ github.sha }}' }))
    expect((await retrain(known, ['validate', '--spec', 'retrain.yml'])).code).toBe(0)
  })
})
