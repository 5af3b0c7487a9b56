import { createHash } from 'node:crypto'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import schema from '../../schemas/retrain-spec.schema.json' with { type: 'json' }
import { InputError, formatProblem } from '../../src/errors.js'
import { loadSpec, parseSpec } from '../../src/spec/load.js'
import type { Spec } from '../../src/spec/types.js'

const CWD = '/repo'

/** A minimal valid spec; tests replace one part of it at a time. */
const BASE = `model: cars-mpg
data:
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  rmse:
    goal: minimize
    max: 8
promotion:
  mode: auto
  first-model: promote
`

function refusal(text: string): string[] {
  try {
    parseSpec(text, 'spec.yml', { cwd: CWD })
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem)
    throw error
  }
  throw new Error('the spec was accepted')
}

describe('parseSpec refuses a bad spec with the position of each problem', () => {
  it('suggests the nearest key for a misspelt one, at the key', () => {
    const text = BASE.replace('    run: node train.mjs\n', '    run: node train.mjs\n    timout-minutes: 30\n')
    expect(refusal(text)).toEqual(['spec.yml:7:5: unknown key "timout-minutes" in steps[0]; did you mean "timeout-minutes"?'])
  })

  it('lists the allowed keys when no key is close', () => {
    expect(refusal(`${BASE}colour: blue\n`)).toEqual([
      'spec.yml:17:1: unknown key "colour" in the spec (expected "model", "description", "root", "params", "data", ' +
        '"env", "warm-start", "lockfiles", "steps", "evaluate", "metrics", "checks", "drift", "retrain-when", "challengers", "promotion", "retention")'
    ])
  })

  it('names the allowed values of an enum and what it got', () => {
    expect(refusal(BASE.replace('  mode: auto', '  mode: automatic'))).toEqual([
      'spec.yml:15:9: promotion.mode must be one of auto, gate, dry-run (got "automatic"); did you mean "auto"?'
    ])
  })

  it('names the allowed values of an enum without a suggestion when none is close', () => {
    expect(refusal(BASE.replace('  mode: auto', '  mode: always'))).toEqual(['spec.yml:15:9: promotion.mode must be one of auto, gate, dry-run (got "always")'])
  })

  it('reports a missing required key at the object that lacks it', () => {
    expect(refusal(BASE.replace('  first-model: promote\n', ''))).toEqual([
      'spec.yml:15:3: missing required key "first-model" (one of promote, gate, reject) in promotion'
    ])
    expect(refusal(BASE.replace('model: cars-mpg\n', ''))).toEqual(['spec.yml:1:1: missing required key "model" in the spec'])
  })

  it('does not also report as missing the key that a misspelling stands for', () => {
    expect(refusal(BASE.replace('  mode: auto', '  mdoe: auto'))).toEqual(['spec.yml:15:3: unknown key "mdoe" in promotion; did you mean "mode"?'])
  })

  it('reports YAML syntax errors with their position', () => {
    const problems = refusal(BASE.replace('    goal: minimize', '    goal: [minimize'))
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]).toMatch(/^spec\.yml:13:\d+: invalid YAML: /)
    expect(refusal(`${BASE}model: again\n`)).toEqual(['spec.yml:17:1: invalid YAML: Map keys must be unique'])
  })

  it('refuses duplicate step ids, given or derived from names', () => {
    const given = BASE.replace('  - name: Train\n    run: node train.mjs\n', '  - id: train\n    run: a\n  - id: train\n    run: b\n')
    expect(refusal(given)).toEqual(['spec.yml:7:9: step id "train" of steps[1] is already used by steps[0]; step ids must be unique'])
    const derived = BASE.replace('    run: node train.mjs\n', '    run: a\n  - name: train\n    run: b\n')
    expect(refusal(derived)).toEqual([
      'spec.yml:7:11: step id "train" of steps[1] is already used by steps[0] (derived from its name; ' + 'set id: to tell them apart); step ids must be unique'
    ])
  })

  it('refuses evaluate data that is not declared, suggesting the nearest input', () => {
    expect(refusal(BASE.replace('  data: eval', '  data: [eval, evl]'))).toEqual([
      'spec.yml:9:16: evaluate.data names "evl", which is not declared under data; did you mean "eval"? (declared: eval)'
    ])
  })

  it('refuses a spec in which no rule could fail', () => {
    expect(refusal(BASE.replace('    max: 8\n', ''))).toEqual(['spec.yml:10:1: no rule would judge the candidate; add a bound (min/max) or a change rule'])
  })

  it('refuses bad expressions, pointing into a block scalar', () => {
    const text = BASE.replace(
      '    run: node train.mjs\n',
      '    run: |\n      echo start\n      node train.mjs --lr ${{ inputs.lr }} --e ${{ params.epoch }}\n'
    ).replace('data:\n', 'params:\n  epochs: { type: integer, default: 3 }\ndata:\n')
    expect(refusal(text)).toEqual([
      'spec.yml:10:27: invalid expression ${{ inputs.lr }}: the inputs context is not available in a spec; ' +
        'declare a param and use params.<name> (dispatch inputs set params)',
      'spec.yml:10:48: ${{ params.epoch }} refers to params.epoch, which is not declared; did you mean params.epochs? ' + '(declared params: epochs)'
    ])
  })

  it('refuses an expression inside single quotes in run, at the expression', () => {
    const text = BASE.replace('    run: node train.mjs\n', "    run: |\n      echo ok\n      echo '${{ github.sha }}'\n")
    expect(refusal(text)).toEqual([
      'spec.yml:8:13: ${{ github.sha }}: an expression inside single quotes would not be expanded; move it outside ' + 'the quotes or pass it through env:'
    ])
  })

  it('refuses an expression in the run of a python step', () => {
    const text = BASE.replace('    run: node train.mjs\n', '    shell: python\n    run: print("${{ github.sha }}")\n')
    const problems = refusal(text)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^spec\.yml:7:17: \$\{\{ github\.sha \}\} in run: shell "python" is not a POSIX shell.*env:/)
  })

  it('checks expressions in env values and working directories', () => {
    const text = BASE.replace('    run: node train.mjs\n', '    run: node train.mjs\n    env:\n      LR: "x${{ params.lr"\n    working-directory: ${{ foo }}\n')
    expect(refusal(text)).toEqual([
      'spec.yml:8:13: unterminated expression: "${{" without a matching "}}"',
      'spec.yml:9:24: invalid expression ${{ foo }}: unknown context "foo"; expressions here may use params, ' + 'data, env, github, baseline, candidate, steps'
    ])
  })

  it('explains a change rule with neither or both margins once, not as a cascade', () => {
    const text = BASE.replace('    max: 8\n', '    change:\n      - confidence: 0.9\n      - { margin: 0, relative-margin: 0.1 }\n')
    expect(refusal(text)).toEqual([
      'spec.yml:14:9: metrics.rmse.change[0] needs one of "margin" or "relative-margin"',
      'spec.yml:15:9: metrics.rmse.change[1] must have only one of "margin", "relative-margin", not several'
    ])
  })

  it('explains a value matching none of the alternatives in one message', () => {
    const text = BASE.replace('    run: node train.mjs\n', '    run: node train.mjs\n    shell: zsh\n')
    expect(refusal(text)).toEqual([
      'spec.yml:7:12: steps[0].shell must be one of bash, sh, python, node, pwsh or a command template containing {0} (got "zsh")'
    ])
    const data = BASE.replace('  eval: data/eval.csv', '  eval: { paths: data/eval.csv }')
    expect(refusal(data)).toEqual(['spec.yml:3:11: unknown key "paths" in data.eval; did you mean "path"?'])
    const abbreviated = BASE.replace('  eval: data/eval.csv', '  eval: { path: [], descr: x }')
    expect(refusal(abbreviated)).toEqual([
      'spec.yml:3:17: data.eval.path must not be empty',
      'spec.yml:3:21: unknown key "descr" in data.eval; did you mean "description"?'
    ])
    const against = BASE.replace('    max: 8\n', '    change: [{ margin: 0, against: latest }]\n')
    expect(refusal(against)).toEqual(['spec.yml:13:36: metrics.rmse.change[0].against must be champion or a version number >= 1 (got "latest")'])
  })

  it('checks params: defaults against their own type, enum and range; bounds in order', () => {
    const text = BASE.replace(
      'data:\n',
      'params:\n' +
        '  epochs: { type: integer, default: 0, minimum: 1, maximum: 10 }\n' +
        '  lr: { type: number, minimum: 1, maximum: 0.1 }\n' +
        '  opt: { type: string, enum: [sgd, adam], default: adagrad }\n' +
        '  "1x": { type: string }\n' +
        'data:\n'
    )
    expect(refusal(text)).toEqual([
      "spec.yml:6:3: invalid key \"1x\" in params: a param name starts with a letter or '_' and holds only letters, digits, '_' or '-'"
    ])
    expect(refusal(text.replace('  "1x": { type: string }\n', ''))).toEqual([
      'spec.yml:3:37: params.epochs.default must be an integer from 1 to 10 (got 0)',
      'spec.yml:4:32: params.lr.minimum (1) is greater than its maximum (0.1)',
      'spec.yml:5:52: params.opt.default must be one of sgd, adam (got "adagrad")'
    ])
  })

  it('refuses min greater than max', () => {
    expect(refusal(BASE.replace('    max: 8\n', '    min: 9\n    max: 8\n'))).toEqual([
      'spec.yml:13:10: metrics.rmse: min (9) is greater than max (8); no value could pass'
    ])
  })

  it('reports every problem at once, in file order', () => {
    const text = BASE.replace('model: cars-mpg', 'model: cars mpg').replace('  mode: auto', '  mode: 1')
    expect(refusal(text).map(p => p.split(': ')[0])).toEqual(['spec.yml:1:8', 'spec.yml:15:9'])
  })

  it('refuses an empty file', () => {
    expect(refusal('')).toEqual(['spec.yml:1:1: the spec is empty; it needs at least model, steps, evaluate, metrics and promotion'])
  })
})

const FULL = `# yaml-language-server: $schema=../schemas/retrain-spec.schema.json
model: cars-mpg
description: Miles per gallon
root: ..
params:
  epochs: { type: integer, default: 20, minimum: 1, maximum: 1000, description: passes }
  optimizer: { type: string, enum: [sgd, adam], default: adam }
  full: { type: boolean, default: false }
  lr: { type: number, default: 0.01 }
  tag: { type: string }
data:
  train: data/train.csv
  eval: { path: [data/eval-*.csv, data/extra.csv], description: held out }
env:
  VERSION: 1.10
  FLAG: true
  OPT: \${{ params.optimizer }}
warm-start: required
lockfiles: [package-lock.json]
steps:
  - name: Prepare data
    run: |
      echo "preparing \${{ params.tag }}"
      node prep.mjs --full \${{ params.full }}
  - id: train
    run: node train.mjs --epochs \${{ params.epochs }}
    shell: sh
    env: { LR: "\${{ params.lr }}" }
    working-directory: sub
    timeout-minutes: 30
  - uses: builtin/online-gradient-descent
    with: { label: mpg, epochs: 3 }
  - run: print(1)
    shell: perl {0}
evaluate:
  run: node evaluate.mjs \${{ candidate.version }}
  data: eval
  timeout-minutes: 5
  predictions: { format: csv, task: regression, id: id, group: user, slices: [origin] }
metrics:
  rmse:
    goal: minimize
    compute: rmse
    min: 0
    max: 8
    change:
      - margin: 0
      - relative-margin: -0.05
        confidence: 0.95
        against: 3
    slices: { max-regression: 0.02, min-size: 30 }
  val.r2:
    goal: maximize
promotion:
  mode: gate
  first-model: reject
  approvers: [login1]
`

describe('a valid spec', () => {
  it('becomes the typed Spec', () => {
    const file = 'specs/retrain.yml'
    const spec = parseSpec(FULL, file, { cwd: CWD })
    const at = (line: number, col: number) => ({ file, line, col })
    const expected: Spec = {
      file: '/repo/specs/retrain.yml',
      root: '/repo',
      digest: createHash('sha256').update(FULL).digest('hex'),
      model: 'cars-mpg',
      description: 'Miles per gallon',
      params: {
        epochs: { type: 'integer', default: 20, minimum: 1, maximum: 1000, description: 'passes' },
        optimizer: { type: 'string', enum: ['sgd', 'adam'], default: 'adam' },
        full: { type: 'boolean', default: false },
        lr: { type: 'number', default: 0.01 },
        tag: { type: 'string' }
      },
      data: {
        train: { paths: ['data/train.csv'], locations: [at(12, 10)] },
        eval: { paths: ['data/eval-*.csv', 'data/extra.csv'], locations: [at(13, 18), at(13, 35)], description: 'held out' }
      },
      env: { VERSION: '1.10', FLAG: 'true', OPT: '${{ params.optimizer }}' },
      warmStart: 'required',
      steps: [
        {
          id: 'prepare-data',
          name: 'Prepare data',
          run: 'echo "preparing ${RETRAIN_E1}"\nnode prep.mjs --full "${RETRAIN_E2}"\n',
          shell: 'bash',
          expressionEnv: [
            { name: 'RETRAIN_E1', expression: 'params.tag' },
            { name: 'RETRAIN_E2', expression: 'params.full' }
          ],
          env: {},
          location: at(21, 5)
        },
        {
          id: 'train',
          name: 'train',
          run: 'node train.mjs --epochs "${RETRAIN_E1}"',
          shell: 'sh',
          expressionEnv: [{ name: 'RETRAIN_E1', expression: 'params.epochs' }],
          env: { LR: '${{ params.lr }}' },
          workingDirectory: 'sub',
          timeoutMinutes: 30,
          location: at(25, 5)
        },
        {
          id: 'step-3',
          name: 'step-3',
          uses: 'builtin/online-gradient-descent',
          with: { label: 'mpg', epochs: 3 },
          shell: 'bash',
          expressionEnv: [],
          env: {},
          location: at(31, 5)
        },
        {
          id: 'step-4',
          name: 'step-4',
          run: 'print(1)',
          shell: { template: 'perl {0}', posix: false },
          expressionEnv: [],
          env: {},
          location: at(33, 5)
        }
      ],
      evaluate: {
        run: 'node evaluate.mjs "${RETRAIN_E1}"',
        shell: 'bash',
        expressionEnv: [{ name: 'RETRAIN_E1', expression: 'candidate.version' }],
        env: {},
        timeoutMinutes: 5,
        data: ['eval'],
        predictions: { format: 'csv', task: 'regression', id: 'id', group: 'user', slices: ['origin'] },
        location: at(36, 3)
      },
      metrics: [
        {
          name: 'rmse',
          goal: 'minimize',
          compute: 'rmse',
          min: 0,
          max: 8,
          change: [
            { margin: 0, against: 'champion', location: at(47, 9) },
            { relativeMargin: -0.05, confidence: 0.95, against: 3, location: at(48, 9) }
          ],
          slices: { maxRegression: 0.02, minSize: 30 },
          location: at(41, 3)
        },
        { name: 'val.r2', goal: 'maximize', change: [], location: at(52, 3) }
      ],
      promotion: { mode: 'gate', firstModel: 'reject', borderline: 'reject', approvers: ['login1'] },
      checks: {},
      drift: { inputs: ['train'], psi: 0.2, ksP: 0.01, chi2P: 0.01 },
      lockfiles: ['package-lock.json'],
      challengers: []
    }
    expect(spec).toEqual(expected)
  })

  it('takes defaults for the optional parts; root defaults to the working directory', () => {
    const spec = parseSpec(BASE, 'spec.yml', { cwd: CWD })
    expect(spec.root).toBe('/repo')
    expect(spec.warmStart).toBe('fallback')
    expect(spec.params).toEqual({})
    expect(spec.env).toEqual({})
    expect(spec.lockfiles).toEqual([])
    expect(spec.promotion.approvers).toEqual([])
    expect(spec.promotion.borderline).toBe('reject')
    expect(parseSpec(BASE.replace('first-model: promote', 'first-model: promote\n  borderline: gate'), 'spec.yml', { cwd: CWD }).promotion.borderline).toBe(
      'gate'
    )
    expect(spec.steps[0]).toMatchObject({ id: 'train', name: 'Train', shell: 'bash', run: 'node train.mjs' })
  })

  it('derives step ids that are valid identifiers', () => {
    const text = BASE.replace('  - name: Train\n', '  - name: "1. Fit the model!"\n')
    expect(parseSpec(text, 'spec.yml', { cwd: CWD }).steps[0]?.id).toBe('step-1-fit-the-model')
  })
})

describe('loadSpec', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'retrain-spec-'))
    await mkdir(path.join(dir, '.github'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('reads the file, digests its bytes and resolves root against the spec directory', async () => {
    const file = path.join(dir, '.github', 'retrain.yml')
    await writeFile(file, BASE.replace('model: cars-mpg', 'model: cars-mpg\nroot: ..'))
    const spec = await loadSpec('.github/retrain.yml', { cwd: dir })
    expect(spec.file).toBe(file)
    expect(spec.root).toBe(dir)
    expect(spec.digest).toBe(
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex')
    )
  })

  it('names the file relative to the working directory in messages', async () => {
    await writeFile(path.join(dir, '.github', 'bad.yml'), BASE.replace('  mode: auto', '  mode: automatic'))
    await expect(loadSpec('.github/bad.yml', { cwd: dir })).rejects.toThrow(
      '.github/bad.yml:15:9: promotion.mode must be one of auto, gate, dry-run (got "automatic")'
    )
  })

  it('says so when the file is missing', async () => {
    await expect(loadSpec('nope.yml', { cwd: dir })).rejects.toThrow('nope.yml: cannot read the spec: no such file')
  })
})

describe('the schema', () => {
  type SchemaNode = Record<string, unknown>
  const defs = (schema as SchemaNode).$defs as Record<string, SchemaNode>
  const deref = (node: SchemaNode): SchemaNode => (typeof node.$ref === 'string' ? (defs[node.$ref.replace('#/$defs/', '')] as SchemaNode) : node)

  function* objects(node: unknown, where: string): Generator<[string, SchemaNode]> {
    if (!node || typeof node !== 'object') return
    const n = node as SchemaNode
    if (n.properties) yield [where, n]
    for (const [k, v] of Object.entries(n)) yield* objects(v, `${where}/${k}`)
  }

  it('describes every property and allows no unknown keys, for editors as for the loader', () => {
    for (const [where, node] of objects(schema, '#')) {
      expect(node.additionalProperties, where).toBe(false)
      for (const [key, property] of Object.entries(node.properties as Record<string, SchemaNode>)) {
        const description = property.description ?? deref(property).description
        expect(typeof description, `${where}/properties/${key}`).toBe('string')
      }
    }
  })
})
