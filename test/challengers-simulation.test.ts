/**
 * Why select corrects for the number of challengers, by simulation: twenty challengers that are
 * only noise (each exactly as accurate as the champion in expectation) raced against the champion
 * with a 95% confidence rule. Uncorrected, some challenger clears its bound by luck in most plans;
 * with Holm's correction, a plan promotes one at most at the rate 1 - c allows.
 *
 * It runs the real path of a challenger's evidence: predictions files parsed, the paired bootstrap
 * of compareComputed, the evidence a challenger's run stores, and the pure selection.
 */
import { describe, expect, it } from 'vitest'
import { challengerEvidence } from '../src/engine/challenger-plan.js'
import { selectChallenger, type Correction } from '../src/engine/challenger-select.js'
import { compareComputed } from '../src/metrics/compare.js'
import { parsePredictions, predictionColumns } from '../src/metrics/predictions.js'
import { Random } from '../src/metrics/random.js'
import type { VersionRecord } from '../src/ports.js'
import { parseSpec } from '../src/spec/load.js'

const CHALLENGERS = 20
const PLANS = 150
const EXAMPLES = 200
const ACCURACY = 0.7

const spec = parseSpec(
  `model: m
steps: [{ run: 'true' }]
data: { eval: eval.csv }
evaluate: { run: 'true', data: eval, predictions: { task: binary }, bootstrap: { resamples: 1000, interval: percentile } }
metrics:
  accuracy:
    goal: maximize
    compute: accuracy
    change: [{ margin: 0, confidence: 0.95 }]
challengers:
  noise: { seed: [${Array.from({ length: CHALLENGERS }, (_, i) => i).join(', ')}] }
params:
  seed: { type: integer, default: 0 }
promotion: { mode: auto, first-model: promote }
`,
  'spec.yml',
  { cwd: '/repo' }
)

/** Predictions right with probability ACCURACY, independently per example. */
function predictions(labels: number[], random: Random): string {
  const rows = labels.map((label, i) => `${i},${label},${random.next() < ACCURACY * 4294967296 ? label : 1 - label}`)
  return ['id,label,prediction', ...rows].join('\n')
}

/** One plan: every challenger's evidence against the same champion on the same data, then both selections. */
function simulatePlan(random: Random): Record<Correction, boolean> {
  const cols = predictionColumns(spec.evaluate.predictions)
  const labels = Array.from({ length: EXAMPLES }, () => (random.next() < 2147483648 ? 1 : 0))
  const champion = parsePredictions(predictions(labels, random), 'champion', cols)
  const records = new Map<string, VersionRecord>()
  spec.challengers.forEach((c, i) => {
    const computed = compareComputed(spec, parsePredictions(predictions(labels, random), c.name, cols), champion)
    records.set(c.name, {
      version: i + 2,
      status: 'candidate',
      baselineVersion: 1,
      digest: '',
      metrics: computed.candidate,
      decision: 'candidate',
      createdAt: '',
      challenger: {
        name: c.name,
        plan: 'p',
        planSize: CHALLENGERS,
        params: c.params,
        evidence: challengerEvidence(spec, { confidence: computed.confidence }, CHALLENGERS)
      }
    })
  })
  const select = (correction: Correction) =>
    selectChallenger({ plan: 'p', challengers: spec.challengers, primary: { metric: 'accuracy', goal: 'maximize' }, records, correction }).winner !== null
  return { holm: select('holm'), none: select('none') }
}

describe('select with twenty noise-only challengers at 95% confidence', () => {
  it('promotes in at most 5% of plans with Holm, while uncorrected selection promotes far more often', () => {
    expect(spec.challengers).toHaveLength(CHALLENGERS)
    const random = new Random(20260613)
    const promoted = { holm: 0, none: 0 }
    for (let plan = 0; plan < PLANS; plan++) {
      const outcome = simulatePlan(random)
      if (outcome.holm) promoted.holm++
      if (outcome.none) promoted.none++
    }
    // Family-wise: at most 1 - c of the plans promote a challenger that is no better.
    expect(promoted.holm / PLANS).toBeLessThanOrEqual(0.05)
    // Each uncorrected bound may be wrong 5% of the time, so one of twenty is wrong in up to 1 - 0.95^20 = 64%
    // of the plans (fewer here: ties in accuracy make a strict "improves" bound a little conservative).
    expect(promoted.none / PLANS).toBeGreaterThan(0.2)
  }, 60_000)

  it('a challenger with a real gain is still selected under the correction', () => {
    const random = new Random(7)
    const cols = predictionColumns(spec.evaluate.predictions)
    const labels = Array.from({ length: 400 }, () => (random.next() < 2147483648 ? 1 : 0))
    const champion = parsePredictions(predictions(labels, random), 'champion', cols)
    const records = new Map<string, VersionRecord>()
    spec.challengers.forEach((c, i) => {
      // The last challenger is right on every example the champion gets right, and on a third of the others.
      const text =
        i === CHALLENGERS - 1
          ? [
              'id,label,prediction',
              ...labels.map((l, k) => `${k},${l},${Number(champion.columns.get('prediction')!.at(k)) === l || k % 3 === 0 ? l : 1 - l}`)
            ].join('\n')
          : predictions(labels, random)
      const computed = compareComputed(spec, parsePredictions(text, c.name, cols), champion)
      const evidence = challengerEvidence(spec, { confidence: computed.confidence }, CHALLENGERS)
      records.set(c.name, {
        version: i + 2,
        status: 'candidate',
        baselineVersion: 1,
        digest: '',
        metrics: computed.candidate,
        decision: '',
        createdAt: '',
        challenger: { name: c.name, plan: 'p', planSize: CHALLENGERS, params: c.params, evidence }
      })
    })
    const selection = selectChallenger({ plan: 'p', challengers: spec.challengers, primary: { metric: 'accuracy', goal: 'maximize' }, records })
    expect(selection.winner?.name).toBe(spec.challengers[CHALLENGERS - 1]!.name)
    expect(selection.winner!.bounds[0]!.confidence).toBeCloseTo(1 - 0.05 / CHALLENGERS, 10)
  })
})
