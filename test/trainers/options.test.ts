// A built-in step's `with:` is checked twice: by the spec loader, at file:line:col, leaving values
// that hold expressions for later; and by `retrain train`, once expressions have become values.
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { parseSpec } from '../../src/spec/load.js'
import { parseTrainerOptions } from '../../src/trainers/options.js'

function spec(step: string): string {
  return `model: m
params:
  epochs: { type: integer, default: 5 }
data:
  train: train.csv
  eval: eval.csv
steps:
${step}
evaluate:
  run: node "$RETRAIN_CLI" evaluate
  data: eval
metrics:
  rmse: { goal: minimize, max: 10 }
promotion: { mode: auto, first-model: promote }
`
}

function problems(text: string): string[] {
  try {
    parseSpec(text, 'retrain.yml', { cwd: '/project' })
    return []
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    return err.problems.map(p => `${p.line}:${p.col} ${p.message}`)
  }
}

describe('with: options of a built-in trainer', () => {
  it('coerces the strings expressions evaluate to, and fills in the defaults', () => {
    const { options, problems } = parseTrainerOptions('online-gradient-descent', { label: 'y', epochs: '30', averaged: 'true', ignore: 'name' })
    expect(problems).toEqual([])
    expect(options).toMatchObject({ label: 'y', epochs: 30, averaged: true, ignore: ['name'], schedule: 'invscaling', data: 'train' })
    expect(parseTrainerOptions('averaged-perceptron', { label: 'y' }).options).toMatchObject({ averaged: true, schedule: 'constant', learningRate: 1 })
  })

  it('reports every bad option with what was expected', () => {
    const { options, problems } = parseTrainerOptions('linear-svm', { label: 'y', epochs: 2.5, 'learning-rate': 0, schedule: 'fast', 'max-iterations': 9 })
    expect(options).toBeNull()
    expect(problems.map(p => p.message)).toEqual([
      'with.epochs must be an integer, got 2.5',
      'with.learning-rate must be above 0 and at most 1000000, got 0',
      'with.schedule must be one of constant, invscaling, pegasos, got "fast"',
      expect.stringMatching(/^with.max-iterations is not an option of builtin\/linear-svm/)
    ])
  })

  it('refuses the label among the features', () => {
    expect(parseTrainerOptions('lbfgs-poisson', { label: 'y', features: ['x', 'y'] }).problems).toEqual([
      { path: ['features'], message: 'with.features names the label y; a model cannot learn its label from itself' }
    ])
  })

  it('needs a label, and knows its trainers', () => {
    expect(parseTrainerOptions('lbfgs-poisson', {}).problems.map(p => p.message)).toEqual(['builtin/lbfgs-poisson needs with.label: the column to predict'])
    expect(parseTrainerOptions('sgd-logistc', { label: 'y' }).problems[0]!.message).toMatch(
      /"builtin\/sgd-logistc" is not a built-in trainer; did you mean builtin\/sgd-logistic\?/
    )
  })

  it('is checked by the spec loader at the offending node, expressions left for run time', () => {
    const found = problems(
      spec(`  - name: Train
    uses: builtin/online-gradient-descent
    with:
      label: y
      epoch: 5
      learning-rate: \${{ params.epochs }}
      l2: -1`)
    )
    expect(found).toEqual([
      expect.stringMatching(/^12:14 steps\[0\]: with.epoch is not a trainer option; did you mean epochs\?/),
      '14:11 steps[0]: with.l2 must be at least 0 and at most 1000000, got -1'
    ])
    expect(problems(spec('  - uses: builtin/perceptron'))[0]).toMatch(
      /^8:11 steps\[0\]: "builtin\/perceptron" is not a built-in trainer; did you mean builtin\/averaged-perceptron\?/
    )
  })
})
