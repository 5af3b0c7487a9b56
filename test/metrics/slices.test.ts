import { describe, expect, it } from 'vitest'
import { compareComputed } from '../../src/metrics/compare.js'
import { CellColumn } from '../../src/metrics/columns.js'
import { parsePredictions, predictionColumns } from '../../src/metrics/predictions.js'
import { Random } from '../../src/metrics/random.js'
import { parseSpec } from '../../src/spec/load.js'
import { evaluateRules } from '../../src/engine/rules.js'

function specText(sliceRule: string, predictions = 'task: binary, slices: [region]'): string {
  return `model: m
steps: [{ run: 'true' }]
data: { eval: eval.csv }
evaluate: { run: 'true', data: eval, predictions: { ${predictions} }, bootstrap: { seed: 3 } }
metrics:
  acc:
    goal: maximize
    compute: accuracy
    slices: ${sliceRule}
promotion: { mode: auto, first-model: promote }
`
}

/**
 * Examples in three regions: the candidate equals the baseline in "same", is much worse in "bad",
 * and "tiny" holds too few examples to judge.
 */
function files(sizes: Record<string, number>, worseIn: string) {
  const random = new Random(11)
  const rows: string[] = []
  const base: string[] = []
  let id = 0
  for (const [region, size] of Object.entries(sizes)) {
    for (let i = 0; i < size; i++) {
      const label = random.next() < 2147483648 ? 1 : 0
      const baselineRight = random.next() < 0.85 * 4294967296
      const candidateRight = region === worseIn ? random.next() < 0.55 * 4294967296 : baselineRight
      const guess = (right: boolean) => (right ? label : 1 - label)
      rows.push(`e${id},${label},${guess(candidateRight)},${region}`)
      base.push(`e${id},${label},${guess(baselineRight)},${region}`)
      id++
    }
  }
  const header = 'id,label,prediction,region'
  const cols = predictionColumns({ task: 'binary', slices: ['region'] })
  return {
    candidate: parsePredictions([header, ...rows].join('\n'), 'c.csv', cols),
    baseline: parsePredictions([header, ...base].join('\n'), 'b.csv', cols)
  }
}

describe('slice rules', () => {
  it('fail a slice only on evidence, Holm-corrected; slices under the minimum size are reported, not judged', () => {
    const spec = parseSpec(specText('{ max-regression: 0.05, min-size: 30 }'), 'spec.yml', { cwd: '/repo' })
    const { candidate, baseline } = files({ same: 400, bad: 300, tiny: 20 }, 'bad')
    const computed = compareComputed(spec, candidate, baseline)
    const slices = computed.slices[0]!.slices
    const by = (value: string) => slices.find(s => s.value === value)!
    expect(by('same')).toMatchObject({ status: 'pass', improvement: 0, examples: 400 })
    expect(by('bad')).toMatchObject({ status: 'fail', worst: true })
    expect(by('bad').upper!).toBeLessThan(-0.05)
    expect(by('bad').p!).toBeLessThanOrEqual(0.05)
    expect(by('tiny')).toMatchObject({ status: 'not-judged', p: null, effectiveSize: 20 })
    expect(by('tiny').reason).toMatch(/effective size 20 is under the minimum 30/)
    // The rule reports the failing slice with its numbers.
    const verdict = evaluateRules(spec.metrics, computed.candidate, computed.baseline, { slices: computed.slices })
    expect(verdict.outcomes[0]).toMatchObject({ kind: 'slices', status: 'fail', improvement: by('bad').improvement })
    expect(verdict.outcomes[0]!.reason).toMatch(/1 slice regresses on evidence: region=bad/)
  })

  it('a small regression within the allowed amount passes', () => {
    const spec = parseSpec(specText('{ max-regression: 0.5 }'), 'spec.yml', { cwd: '/repo' })
    const { candidate, baseline } = files({ same: 200, bad: 200 }, 'bad')
    const computed = compareComputed(spec, candidate, baseline)
    expect(computed.slices[0]!.slices.every(s => s.status === 'pass')).toBe(true)
    const verdict = evaluateRules(spec.metrics, computed.candidate, computed.baseline, { slices: computed.slices })
    expect(verdict.outcomes[0]).toMatchObject({ status: 'pass' })
    expect(verdict.outcomes[0]!.reason).toMatch(/no slice regresses beyond 0\.5 on evidence \(2 judged\); worst: region=bad/)
  })

  it('with a group column, the bootstrap resamples groups and slices count groups towards their size', () => {
    const spec = parseSpec(specText('{ max-regression: 0.05 }', 'task: binary, group: user, slices: [region]'), 'spec.yml', { cwd: '/repo' })
    const { candidate, baseline } = files({ same: 300, bad: 300 }, 'bad')
    const withUser = (t: typeof candidate) => ({
      ...t,
      columns: new Map([...t.columns, ['user', new CellColumn(Array.from({ length: t.ids.length }, (_, i) => `u${Math.floor(i / 25)}`))]])
    })
    const computed = compareComputed(spec, withUser(candidate), withUser(baseline))
    expect(computed.units).toEqual({ count: 24, kind: 'groups' })
    for (const s of computed.slices[0]!.slices) expect(s).toMatchObject({ status: 'not-judged', effectiveSize: 12 })
  })
})
