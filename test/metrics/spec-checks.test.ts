import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { parseSpec } from '../../src/spec/load.js'

function spec(evaluateExtra: string, metric: string): string {
  return `model: m
steps: [{ run: 'true' }]
data: { eval: eval.csv }
evaluate:
  run: 'true'
  data: eval
${evaluateExtra}metrics:
  score:
${metric}
promotion: { mode: auto, first-model: promote }
`
}

function problems(text: string): string[] {
  try {
    parseSpec(text, 'spec.yml', { cwd: '/repo' })
  } catch (err) {
    if (err instanceof InputError) return err.problems.map(p => `${p.line}:${p.col}: ${p.message}`)
    throw err
  }
  return []
}

describe('the loader checks computed metrics and the rules that need predictions', () => {
  it('accepts a computed metric with its task, goal, confidence, bootstrap and slices', () => {
    const text = spec(
      '  predictions: { task: binary, classes: [stay, churn], probability-prefix: p_, slices: [region] }\n  bootstrap: { resamples: 2000, seed: 9, interval: percentile }\n',
      '    goal: maximize\n    compute: roc-auc\n    change: [{ margin: 0, confidence: 0.99 }]\n    slices: { max-regression: 0.02, confidence: 0.9 }'
    )
    const parsed = parseSpec(text, 'spec.yml', { cwd: '/repo' })
    expect(parsed.evaluate.predictions).toEqual({ task: 'binary', classes: ['stay', 'churn'], probabilityPrefix: 'p_', slices: ['region'] })
    expect(parsed.evaluate.bootstrap).toEqual({ resamples: 2000, seed: 9, interval: 'percentile' })
    expect(parsed.metrics[0]).toMatchObject({ compute: 'roc-auc', slices: { maxRegression: 0.02, confidence: 0.9 } })
  })

  it.each([
    [
      'no task',
      '  predictions: { slices: [r] }\n',
      '    goal: maximize\n    compute: accuracy\n    min: 0',
      /11:14: metrics\.score is computed from predictions: declare evaluate\.predictions with a task/
    ],
    [
      'a regression metric on a binary task',
      '  predictions: { task: binary }\n',
      '    goal: minimize\n    compute: rmse\n    min: 0',
      /11:14: metrics\.score: rmse applies to regression tasks, but evaluate\.predictions\.task is binary/
    ],
    [
      'the wrong goal',
      '  predictions: { task: binary }\n',
      '    goal: maximize\n    compute: log-loss\n    min: 0',
      /10:11: metrics\.score: log-loss is better when smaller; set goal: minimize/
    ],
    [
      'confidence on a reported metric',
      '',
      '    goal: maximize\n    change: [{ margin: 0, confidence: 0.95 }]',
      /a confidence rule needs per-example predictions; add compute:/
    ],
    [
      'too few resamples for the confidence',
      '  predictions: { task: binary }\n  bootstrap: { resamples: 1000 }\n',
      '    goal: maximize\n    compute: accuracy\n    change: [{ margin: 0, confidence: 0.999 }]',
      /confidence 0\.999 needs at least 5000 bootstrap resamples \(evaluate\.bootstrap\.resamples is 1000\)/
    ],
    [
      'a slice rule without slice columns',
      '  predictions: { task: binary }\n',
      '    goal: maximize\n    compute: accuracy\n    slices: { max-regression: 0.1 }',
      /name the slice columns in evaluate\.predictions\.slices/
    ],
    ['an unknown computed metric', '  predictions: { task: binary }\n', '    goal: maximize\n    compute: auc', /metrics\.score\.compute must be one of/]
  ])('refuses %s', (_what, evaluateExtra, metric, message) => {
    expect(problems(spec(evaluateExtra, metric)).join('\n')).toMatch(message)
  })
})
