// The built-in trainers' warm start through the built CLI and action, as users meet it: a champion
// that cannot be continued is refused with its reason under `warm-start: required` (the documented
// reason, warm-start-required) and retrained from scratch, the reason recorded, under `fallback`.
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAction } from '../github/harness.js'
import { makeProject, readJson, retrain, toySpec } from '../helpers/project.js'

/** The cars-builtin example with a warm-start policy. */
async function cars(warmStart: 'required' | 'fallback'): Promise<{ dir: string; spec: string }> {
  const dir = await makeProject('examples/cars-builtin')
  const spec = (await readFile(path.join(dir, 'retrain.yml'), 'utf8')).replace('warm-start: fallback', `warm-start: ${warmStart}`)
  await writeFile(path.join(dir, 'retrain.yml'), spec)
  return { dir, spec }
}

const run = (dir: string, out: string) => retrain(dir, ['run', '--spec', 'retrain.yml', '--out', out, '--param', 'epochs=40'])
const reason = 'the champion (version 1) cannot be continued: with.ignore is ["Name","Year"] but the champion was trained with ["Name"]'

describe('a built-in trainer whose champion was trained with other options', () => {
  it('under "required", fails the run as a refused warm start (warm-start-required), naming the option; nothing changes', async () => {
    const { dir, spec } = await cars('required')
    const act = () => runAction(dir, { inputs: { spec: 'retrain.yml', artifacts: 'false', params: '{"epochs": 40}' } })
    const first = await act()
    expect(first.code, first.log).toBe(0)
    await writeFile(path.join(dir, 'retrain.yml'), spec.replace('ignore: [Name]', 'ignore: [Name, Year]'))
    const second = await act()
    expect(second.code).toBe(1)
    expect(second.summary).toContain(
      `warm-start-required: warm start is required (warm-start: required) but training did not start from the champion (version 1): ${reason}`
    )
    const status = JSON.parse((await retrain(dir, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(status.champion).toBe(1)
    expect(status.versions.map((v: { version: number }) => v.version)).toEqual([1])
  })

  it('under "fallback", trains from scratch and records why in result.json, the lineage and the report', async () => {
    const { dir, spec } = await cars('fallback')
    expect((await run(dir, 'out1')).code).toBe(0)
    await writeFile(path.join(dir, 'retrain.yml'), spec.replace('ignore: [Name]', 'ignore: [Name, Year]').replace('- margin: 0', '- margin: -1000'))
    const second = await run(dir, 'out2')
    expect(second.code, second.stderr).toBe(0)
    const result = await readJson(path.join(dir, 'out2/result.json'))
    expect(result.candidate.warmStart).toEqual({ source: 'cold', reason, parentVersion: null })
    expect(second.stderr).toContain('cold start, 182 examples, 8 features: 40 epochs')
    const manifest = await readJson(path.join(dir, `.retrain/registry/cars-mpg/versions/${result.candidate.version}/manifest.json`))
    expect(manifest.lineage.warmStart).toEqual({ source: 'cold', reason })
    expect(manifest.lineage.parentVersion).toBeNull()
    // The report is Markdown: the reason's brackets are escaped there, so they make no link.
    expect(await readFile(path.join(dir, 'out2/report.md'), 'utf8')).toContain(
      `Training: cold start (${reason.replaceAll('[', '\\[').replaceAll(']', '\\]')}).`
    )
  })
})

describe('a multiclass warm start that adds a class the evaluation data lacks', () => {
  const spec = `model: penguins
root: .
data:
  train: data/train-now.csv
  eval: data/penguins-test.csv
warm-start: required
steps:
  - name: Train
    uses: builtin/lbfgs-maximum-entropy
    with:
      label: species
evaluate:
  run: node "$RETRAIN_CLI" evaluate --data eval
  data: eval
metrics:
  macro_f1:
    goal: maximize
    change:
      - margin: -0.01
promotion:
  mode: auto
  first-model: promote
`

  it('is judged on the classes present, as scikit-learn averages macro F1: the new class does not cost it a quarter of its score', async () => {
    const dir = await makeProject('test/trainers/fixtures', spec)
    const train = path.join(dir, 'data/train-now.csv')
    const original = await readFile(path.join(dir, 'data/penguins-train.csv'), 'utf8')
    await writeFile(train, original)
    const first = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out1'])
    expect(first.code, first.stderr).toBe(0)
    // Three more rows of a fourth species, seen only in the new training data.
    const [header, ...rows] = original.trimEnd().split('\n')
    const extra = rows.slice(0, 3).map((row, i) => row.replace(/^(\d+),Adelie,/, `${9000 + i},Emperor,`))
    expect(extra.every(row => row.includes(',Emperor,'))).toBe(true)
    await writeFile(train, [header, ...rows, ...extra].join('\n') + '\n')
    const second = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out2'])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toContain('new classes since the champion, with zero-initialized weights: Emperor')
    const result = await readJson(path.join(dir, 'out2/result.json'))
    expect(result.candidate.warmStart).toEqual({ source: 'champion', confirmed: true, parentVersion: 1 })
    expect(result.candidate.metrics.macro_f1).toBeGreaterThan(result.baseline.metrics.macro_f1 - 0.01)
    expect(result.decision).toBe('promoted')
  })

  it('says which of the champion’s classes the new training data lacks', async () => {
    const dir = await makeProject('test/trainers/fixtures', spec)
    const original = await readFile(path.join(dir, 'data/penguins-train.csv'), 'utf8')
    await writeFile(path.join(dir, 'data/train-now.csv'), original)
    expect((await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out1'])).code).toBe(0)
    const kept = original.split('\n').filter(line => !line.includes(',Chinstrap,'))
    await writeFile(path.join(dir, 'data/train-now.csv'), kept.join('\n'))
    const second = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out2'])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toContain('class(es) Chinstrap of the champion do not occur in this training data: it learns only from the other classes')
  })
})

describe('what a warm start keeps frozen, said rather than done silently', () => {
  it('names a new column it does not use and a champion column that holds no value in the new data', async () => {
    const { dir } = await cars('required')
    expect((await run(dir, 'out1')).code).toBe(0)
    // The next generation's data: a new column, Color, and Horsepower left empty in every row.
    const [header, ...rows] = (await readFile(path.join(dir, 'data/cars-1976-1979.csv'), 'utf8')).trimEnd().split('\n')
    const horsepower = header!.split(',').indexOf('Horsepower')
    const edited = rows.map(row => [...row.split(',').map((cell, j) => (j === horsepower ? '' : cell)), 'red'].join(','))
    await writeFile(path.join(dir, 'data/train.csv'), [`${header},Color`, ...edited].join('\n') + '\n')
    const second = await run(dir, 'out2')
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toContain("column(s) Color are not among the champion's features, whose layout a warm start keeps; they are not used")
    expect(second.stderr).toMatch(/column Horsepower holds no value in the training data: every row gets the champion's fill value, [0-9.]+/)
    const result = await readJson(path.join(dir, 'out2/result.json'))
    expect(result.candidate.warmStart).toEqual({ source: 'champion', confirmed: true, parentVersion: 1 })
  })
})

describe('a champion trained by the user’s own script, then a built-in trainer', () => {
  const builtin = (warmStart: string) => `model: toy
root: .
data:
  train: data/train.csv
  eval: data/eval.csv
warm-start: ${warmStart}
steps:
  - name: Train
    uses: builtin/online-gradient-descent
    with:
      label: y
evaluate:
  run: node "$RETRAIN_CLI" evaluate --data eval
  data: eval
metrics:
  rmse:
    goal: minimize
    change:
      - margin: 0
promotion:
  mode: auto
  first-model: promote
`
  const why =
    'the champion (version 1) cannot be continued: it is not a built-in model (its model.json is another trainer\'s, with no "format": "retrain/builtin-linear")'

  for (const warmStart of ['required', 'fallback'] as const) {
    it(`under "${warmStart}", is not taken for a damaged built-in model: its model.json is another trainer's`, async () => {
      const dir = await makeProject('test/fixtures/toy', toySpec())
      expect((await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out1'])).code).toBe(0)
      await writeFile(path.join(dir, 'retrain.yml'), builtin(warmStart))
      const second = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out2'])
      if (warmStart === 'required') {
        expect(second.stderr).not.toContain('is not a usable built-in model')
        expect(second.code).toBe(3)
        expect(second.stderr).toContain(`but training did not start from the champion (version 1): ${why}`)
      } else {
        // Trained from scratch, as the contract says; the champion then cannot be evaluated by the
        // built-in evaluation, so the run fails closed there rather than compare with nothing.
        expect(second.stderr).toContain(`cold start: ${why}; warm-start is "fallback", so training from scratch`)
        expect(second.code).toBe(4)
        expect(second.stderr).toMatch(/the champion \(version 1\) could not be evaluated with the current evaluate command/)
      }
    })
  }
})

describe('k more epochs from a bundle through the CLI, as docs/trainers.md claims for SGD', () => {
  /** cars-builtin with a step that keeps a copy of the candidate's model.json, and rules any candidate passes. */
  async function keeping(): Promise<string> {
    const dir = await makeProject('examples/cars-builtin')
    const spec = (await readFile(path.join(dir, 'retrain.yml'), 'utf8'))
      .replace('evaluate:\n', '  - name: Keep\n    run: cp "$RETRAIN_MODEL_DIR/model.json" "kept-$RETRAIN_BASELINE_VERSION.json"\nevaluate:\n')
      .replace('      - margin: 0\n', '      - margin: -1000\n')
      .replace('max: 10', 'max: 1000')
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    return dir
  }
  const epochs = (dir: string, out: string, n: number) => retrain(dir, ['run', '--spec', 'retrain.yml', '--out', out, '--param', `epochs=${n}`])
  const kept = async (dir: string, version = '') => JSON.parse(await readFile(path.join(dir, `kept-${version}.json`), 'utf8'))

  it('3 epochs, then 4 warm-started from its bundle, equal 7 in one go; the same run twice gives the same bytes and metrics', async () => {
    const split = await keeping()
    expect((await epochs(split, 'out1', 3)).code).toBe(0)
    const warm = await epochs(split, 'out2', 4)
    expect(warm.code, warm.stderr).toBe(0)
    expect(warm.stderr).toContain(`warm start: step counter t=${3 * 182}, 3 epochs so far`)
    const whole = await keeping()
    expect((await epochs(whole, 'out1', 7)).code).toBe(0)
    const [continued, once, first] = [await kept(split, '1'), await kept(whole), await kept(split)]
    for (const part of ['weights', 'bias', 'sgd', 'preparation', 'classes'] as const) expect(continued[part]).toEqual(once[part])
    expect(first.weights).not.toEqual(once.weights)

    const again = await keeping()
    expect((await epochs(again, 'out1', 7)).code).toBe(0)
    expect(await readFile(path.join(again, 'kept-.json'), 'utf8')).toBe(await readFile(path.join(whole, 'kept-.json'), 'utf8'))
    const [a, b] = [await readJson(path.join(whole, 'out1/result.json')), await readJson(path.join(again, 'out1/result.json'))]
    expect(b.candidate.metrics).toEqual(a.candidate.metrics)
    expect(b.candidate.digest).toBe(a.candidate.digest)
  })
})

describe('a bad cell in one of several files of the same name', () => {
  it('is named by its file’s path and line, past a quoted field that spans lines', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const spec = (await readFile(path.join(dir, 'retrain.yml'), 'utf8')).replace('train: data/train.csv', 'train: data/*/train.csv')
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    const [header, ...rows] = (await readFile(path.join(dir, 'data/train.csv'), 'utf8')).trimEnd().split('\n')
    await mkdir(path.join(dir, 'data/1970'))
    await mkdir(path.join(dir, 'data/1971'))
    await writeFile(path.join(dir, 'data/1970/train.csv'), [header, ...rows.slice(0, 20)].join('\n') + '\n')
    // Line 2 holds a name over two lines; the row after it, on line 4, has no number for its label.
    const quoted = rows[20]!.replace(/^(\d+),([^,]+),/, '$1,"$2\nsecond line",')
    const bad = rows[21]!.replace(/^(\d+,[^,]+),[^,]+,/, '$1,abc,')
    await writeFile(path.join(dir, 'data/1971/train.csv'), [header, quoted, bad, ...rows.slice(22, 40)].join('\n') + '\n')
    const res = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', 'epochs=1'])
    expect(res.code).toBe(3)
    expect(res.stderr).toContain('data/1971/train.csv:4: Miles_per_Gallon must be a number, got "abc"')
  })
})

describe('the data input a built-in step trains on', () => {
  it('may not be one the evaluation reads, which the leakage guard would not see; nor an undeclared one', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const original = await readFile(path.join(dir, 'retrain.yml'), 'utf8')
    for (const [name, message] of [
      ['eval', 'with.data names "eval", which evaluate.data reads: a model trained on its evaluation data would be judged on what it memorized'],
      ['trian', 'with.data names "trian", which is not declared under data; did you mean "train"? (declared: train, eval)']
    ]) {
      const spec = original.replace('      label: Miles_per_Gallon\n', `      label: Miles_per_Gallon\n      data: ${name}\n`)
      await writeFile(path.join(dir, 'retrain.yml'), spec)
      const line = spec.split('\n').findIndex(l => l === `      data: ${name}`) + 1
      for (const command of [
        ['validate', '--spec', 'retrain.yml'],
        ['run', '--spec', 'retrain.yml', '--out', 'out']
      ]) {
        const res = await retrain(dir, command)
        expect(res.code, res.stderr).toBe(2)
        expect(res.stderr).toContain(`retrain.yml:${line}:13: steps[0]: ${message}`)
      }
    }
    expect(existsSync(path.join(dir, '.retrain/registry/cars-mpg'))).toBe(false)
  })

  it('chosen by an expression, is refused at run time when it names the evaluation input, before training', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const spec = (await readFile(path.join(dir, 'retrain.yml'), 'utf8'))
      .replace('params:\n', 'params:\n  input: { type: string, default: train }\n')
      .replace('      label: Miles_per_Gallon\n', '      label: Miles_per_Gallon\n      data: ${{ params.input }}\n')
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    const res = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', 'input=eval'])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain('step "train": with.data is "eval", which evaluate.data reads')
    expect(res.stderr).not.toContain('epoch 1')
    expect(existsSync(path.join(dir, '.retrain/registry/cars-mpg'))).toBe(false)
    const fine = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', 'epochs=5'])
    expect(fine.code, fine.stderr).toBe(0)
  })
})
