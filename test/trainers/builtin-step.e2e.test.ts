// A `uses: builtin/...` step through the built CLI, as a user runs it: the engine runs the trainer
// as the CLI's own `train` command in a child process, through the same contract as any step, and
// evaluate runs `node "$RETRAIN_CLI" evaluate`.
import { copyFile, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { REPO, makeProject, readJson, retrain } from '../helpers/project.js'

async function resultSchemaErrors(result: unknown) {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strict: false })
  const validate = ajv.compile(await readJson(path.join(REPO, 'schemas/result.schema.json')))
  validate(result)
  return validate.errors ?? []
}

describe('the cars-builtin example through `retrain run`', () => {
  it('promotes a cold first model, then a warm-started second generation that beats it', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const first = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out1', '--param', 'epochs=30'])
    expect(first.code, first.stderr).toBe(0)
    const r1 = await readJson(path.join(dir, 'out1/result.json'))
    expect(r1.decision).toBe('promoted')
    expect(r1.candidate.warmStart).toEqual({ source: 'cold', reason: 'first-model', parentVersion: null })
    expect(first.stderr).toContain('cold start, 182 examples, 9 features: 30 epochs')

    await copyFile(path.join(dir, 'data/cars-1976-1979.csv'), path.join(dir, 'data/train.csv'))
    const second = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out2', '--param', 'epochs=30'])
    expect(second.code, second.stderr).toBe(0)
    const r2 = await readJson(path.join(dir, 'out2/result.json'))
    expect(r2.decision).toBe('promoted')
    expect(r2.candidate.warmStart).toEqual({ source: 'champion', confirmed: true, parentVersion: 1 })
    // The trainer continued the champion's step counter: 30 epochs of 182 examples before.
    expect(second.stderr).toContain(`warm start: step counter t=${30 * 182}, 30 epochs so far`)
    expect(r2.candidate.metrics.rmse).toBeLessThan(r2.baseline.metrics.rmse - 2)
    expect(Object.keys(r2.candidate.metrics).sort()).toEqual(['mae', 'r2', 'rmse'])

    // The weight comparison: every feature and the bias, largest change first, in result.json and the report.
    const weights = r2.weights as { feature: string; champion: number; candidate: number; difference: number }[]
    expect(weights.map(w => w.feature).sort()).toEqual(
      ['(bias)', 'Acceleration', 'Cylinders', 'Displacement', 'Horsepower', 'Origin=Europe', 'Origin=Japan', 'Origin=USA', 'Weight_in_lbs', 'Year'].sort()
    )
    for (const w of weights) expect(w.difference).toBeCloseTo(w.candidate - w.champion, 12)
    const sizes = weights.map(w => Math.abs(w.difference))
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
    const report = await readFile(path.join(dir, 'out2/report.md'), 'utf8')
    expect(report).toContain('### Weights')
    expect(report).toMatch(new RegExp(`\\| ${weights[0]!.feature.replace(/[()]/g, '\\$&')} +\\|`))
    expect(await resultSchemaErrors(r2)).toEqual([])
    // A first model has nothing to compare its weights with.
    expect(r1.weights).toBeUndefined()
    expect(await resultSchemaErrors(r1)).toEqual([])
  })

  it('evaluates ${{ }} in with: as data and refuses a bad value at run time, naming the option', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const spec = (await readFile(path.join(dir, 'retrain.yml'), 'utf8')).replace('seed: ${{ params.seed }}', "seed: ${{ format('{0}x', params.seed) }}")
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    const run = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('with.seed must be an integer, got "7x"')
  })

  it('the built-in evaluation scoring on the training input is leakage: refused at evaluate.run, nothing recorded', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const spec = await readFile(path.join(dir, 'retrain.yml'), 'utf8')
    const leaking = spec.replace('run: node "$RETRAIN_CLI" evaluate --data eval', 'run: node "$RETRAIN_CLI" evaluate --data train')
    expect(leaking).not.toBe(spec)
    await writeFile(path.join(dir, 'retrain.yml'), leaking)
    const line = leaking.split('\n').findIndex(l => l.includes('evaluate --data train')) + 1
    const run = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', 'epochs=2'])
    expect(run.code, run.stderr).toBe(2)
    expect(run.stderr).toContain(
      `retrain.yml:${line}:3: leakage: evaluate.run scored the candidate on data input "train" (retrain evaluate --data train), which evaluate.data does not list`
    )
    expect(run.stderr).toContain('Score on --data eval, or list the input in evaluate.data (and train on another)')
    const status = await retrain(dir, ['status', '--spec', 'retrain.yml', '--json'])
    expect(JSON.parse(status.stdout)).toMatchObject({ champion: null, versions: [] })

    // Scoring on the input evaluate.data lists, as the example does, passes the guard.
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    const fine = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out2', '--param', 'epochs=2'])
    expect(fine.code, fine.stderr).toBe(0)
  })

  it('refuses a misspelt option before anything runs, at its line and column', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const spec = (await readFile(path.join(dir, 'retrain.yml'), 'utf8')).replace('      ignore: [Name]', '      ignor: [Name]')
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    const line = spec.split('\n').findIndex(l => l.includes('ignor:')) + 1
    const run = await retrain(dir, ['validate', '--spec', 'retrain.yml'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`retrain.yml:${line}:14: steps[0]: with.ignor is not a trainer option; did you mean ignore?`)
  })
})
