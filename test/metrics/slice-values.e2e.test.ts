// Slice values are keyed by value, as class labels are: a slice column writing 1 on some rows and
// 1.0 on others (a writer that stores an integer column as floats once a value is missing) holds one
// slice, not two halves each too small to judge. Through the built CLI, `retrain compare --json`.
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { retrain } from '../helpers/project.js'

const SPEC = `model: m
data:
  eval: eval.csv
steps:
  - name: Train
    run: "true"
evaluate:
  run: "true"
  data: eval
  predictions: { task: binary, slices: [region] }
  bootstrap: { seed: 3 }
metrics:
  accuracy:
    goal: maximize
    compute: accuracy
    slices: { max-regression: 0.05, min-size: 30 }
promotion: { mode: auto, first-model: promote }
`

/**
 * 200 examples in region 2, where both models are right, and 50 in region 1, where the baseline is
 * right and the candidate wrong on every other one; region 1 is written `first` on its first 25
 * rows and `second` on the others.
 */
function files(first: string, second: string) {
  const candidate = ['id,label,prediction,region']
  const baseline = ['id,label,prediction,region']
  for (let i = 0; i < 250; i++) {
    const label = i % 2
    const region = i < 200 ? '2' : i < 225 ? first : second
    const wrong = i >= 200 && i % 2 === 0
    candidate.push(`${i},${label},${wrong ? 1 - label : label},${region}`)
    baseline.push(`${i},${label},${label},${region}`)
  }
  return { candidate: candidate.join('\n') + '\n', baseline: baseline.join('\n') + '\n' }
}

async function compare(first: string, second: string) {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'retrain-slices-'))
  await writeFile(path.join(cwd, 'retrain.yml'), SPEC)
  await writeFile(path.join(cwd, 'eval.csv'), 'x\n1\n')
  const { candidate, baseline } = files(first, second)
  await writeFile(path.join(cwd, 'candidate.csv'), candidate)
  await writeFile(path.join(cwd, 'baseline.csv'), baseline)
  const res = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'candidate.csv', '--baseline', 'baseline.csv', '--json'])
  expect(res.code, res.stderr).toBe(0)
  return JSON.parse(res.stdout) as { decision: string; slices: { slices: { value: string; examples: number; status: string }[] }[] }
}

describe('slice values keyed by value', () => {
  it('1 and 1.0 in one file are one slice, judged as such, shown as first written', async () => {
    const reference = await compare('1', '1')
    const mixed = await compare('1', '1.0')
    const values = (outcome: typeof mixed) => outcome.slices[0]!.slices.map(s => [s.value, s.examples, s.status])
    expect(values(reference)).toEqual([
      ['2', 200, 'pass'],
      ['1', 50, 'fail']
    ])
    // Two halves of 25, under min-size, would each be reported and not judged: the regression unseen.
    expect(values(mixed)).toEqual(values(reference))
    expect(mixed.decision).toBe(reference.decision)
    // The name shown is the one first written.
    expect(values(await compare('1.0', '1'))[1]).toEqual(['1.0', 50, 'fail'])
  })

  it('booleans are one slice whatever their case', async () => {
    const outcome = await compare('True', 'true')
    expect(outcome.slices[0]!.slices.map(s => [s.value, s.examples])).toEqual([
      ['2', 200],
      ['True', 50]
    ])
  })
})
