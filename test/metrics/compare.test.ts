import { describe, expect, it } from 'vitest'
import { evaluateRules } from '../../src/engine/rules.js'
import { compareComputed } from '../../src/metrics/compare.js'
import { parsePredictions, predictionColumns } from '../../src/metrics/predictions.js'
import { Random } from '../../src/metrics/random.js'
import { parseSpec } from '../../src/spec/load.js'

function specOf(predictions: string, metrics: string) {
  return parseSpec(
    `model: m
steps: [{ run: 'true' }]
data: { eval: eval.csv }
evaluate: { run: 'true', data: eval, predictions: { ${predictions} } }
metrics:
${metrics}
promotion: { mode: auto, first-model: promote }
`,
    'spec.yml',
    { cwd: '/repo' }
  )
}

function judge(spec: ReturnType<typeof specOf>, candidateText: string, baselineText: string) {
  const cols = predictionColumns(spec.evaluate.predictions)
  const computed = compareComputed(spec, parsePredictions(candidateText, 'c', cols), parsePredictions(baselineText, 'b', cols))
  return { computed, verdict: evaluateRules(spec.metrics, computed.candidate, computed.baseline, { confidence: computed.confidence, slices: computed.slices }) }
}

describe('confidence rules fail closed when the bootstrap cannot be trusted', () => {
  it('too few examples', () => {
    const spec = specOf('task: binary', '  acc:\n    goal: maximize\n    compute: accuracy\n    change: [{ margin: -0.5, confidence: 0.9 }]')
    const rows = (flip: number) =>
      ['id,label,prediction', ...Array.from({ length: 20 }, (_, i) => `${i},${i % 2},${i < flip ? 1 - (i % 2) : i % 2}`)].join('\n')
    const { verdict } = judge(spec, rows(0), rows(5))
    expect(verdict.outcomes[0]).toMatchObject({ status: 'fail', bound: null, improvement: 0.25 })
    expect(verdict.outcomes[0]!.reason).toMatch(/only 20 examples to resample; a confidence rule needs at least 30: fails closed/)
  })

  it('more than 1% of resamples without a positive example (recall undefined)', () => {
    const spec = specOf('task: binary', '  recall:\n    goal: maximize\n    compute: recall\n    change: [{ margin: -1, confidence: 0.9 }]')
    const rows = ['id,label,prediction', ...Array.from({ length: 300 }, (_, i) => `${i},${i < 2 ? 1 : 0},${i < 1 ? 1 : 0}`)].join('\n')
    const { verdict } = judge(spec, rows, rows)
    expect(verdict.outcomes[0]).toMatchObject({ status: 'fail', bound: null, interval: { resamples: 1000 } })
    expect(verdict.outcomes[0]!.interval!.degenerate).toBeGreaterThan(10)
    expect(verdict.outcomes[0]!.reason).toMatch(/recall was undefined in \d+ of 1000 resamples \(more than 1%\)/)
  })
})

describe('multiclass predictions in JSON Lines', () => {
  it('computes one-vs-rest macro ROC AUC, log loss and macro F1, and bounds relative rules', () => {
    const spec = specOf(
      'task: multiclass, format: jsonl, probability-prefix: p_',
      '  auc:\n    goal: maximize\n    compute: roc-auc\n    change: [{ relative-margin: -0.2, confidence: 0.95 }]\n' +
        '  loss:\n    goal: minimize\n    compute: log-loss\n  f1:\n    goal: maximize\n    compute: f1-macro\n    min: 0'
    )
    const classes = ['cat', 'dog', 'fox']
    const lines = (sharpness: number) => {
      const rng = new Random(9)
      return Array.from({ length: 240 }, (_, i) => {
        const label = classes[i % 3]!
        const raw = classes.map(c => Math.exp((c === label ? sharpness : 0) + (rng.next() / 4294967296) * 2))
        const sum = raw.reduce((a, b) => a + b, 0)
        const p = raw.map(v => v / sum)
        const prediction = classes[p.indexOf(Math.max(...p))]
        return JSON.stringify({ id: `x${i}`, label, prediction, ...Object.fromEntries(classes.map((c, k) => [`p_${c}`, p[k]])) })
      }).join('\n')
    }
    const { computed, verdict } = judge(spec, lines(2), lines(1))
    expect(computed.candidate.auc!).toBeGreaterThan(computed.baseline!.auc!)
    expect(computed.candidate.loss!).toBeLessThan(computed.baseline!.loss!)
    expect(computed.candidate.f1!).toBeGreaterThan(0)
    const rule = verdict.outcomes.find(o => o.metric === 'auc')!
    expect(rule).toMatchObject({ kind: 'relative-change', status: 'pass', confidence: 0.95 })
    expect(rule.improvement).toBeCloseTo((computed.candidate.auc! - computed.baseline!.auc!) / computed.baseline!.auc!, 12)
    expect(rule.bound!).toBeLessThan(rule.improvement!)
  })
})
