/**
 * The comparison rules at their documented boundaries, through the built CLI: an evaluate command
 * that writes the metrics file each test chooses, for the candidate and for the champion.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain } from './helpers/project.js'

/** Writes m/<role>.json, as the test put it there, to $RETRAIN_METRICS_FILE: bare NaN and Infinity included. */
const EVALUATE = `import { copyFileSync } from 'node:fs'
copyFileSync(\`m/\${process.env.RETRAIN_EVAL_ROLE}.json\`, process.env.RETRAIN_METRICS_FILE)
`

function spec(metrics: string, promotion = 'mode: auto\n  first-model: promote'): string {
  return `model: crafted
root: .
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
${metrics}
promotion:
  ${promotion}
`
}

async function project(metrics: string, promotion?: string): Promise<string> {
  const cwd = await makeProject('test/fixtures/toy', spec(metrics, promotion))
  await writeFile(path.join(cwd, 'evaluate.mjs'), EVALUATE)
  return cwd
}

/** One run whose candidate's metrics file holds `candidate` (raw text) and the champion's `baseline`. */
async function run(cwd: string, out: string, candidate: string, baseline?: string) {
  await import('node:fs/promises').then(fs => fs.mkdir(path.join(cwd, 'm'), { recursive: true }))
  await writeFile(path.join(cwd, 'm/candidate.json'), candidate)
  if (baseline !== undefined) await writeFile(path.join(cwd, 'm/baseline.json'), baseline)
  const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', out])
  const result = res.code === 0 ? await readJson(path.join(cwd, out, 'result.json')) : null
  return { ...res, result }
}

type Rule = { metric: string; kind: string; status: string; reason: string; improvement: number | null }
const ruleOf = (result: { rules: Rule[] }, metric: string) => result.rules.find(r => r.metric === metric && r.kind !== 'min' && r.kind !== 'max')!

describe('comparison rules at their boundaries', () => {
  it('an improvement equal to the margin in decimals is equal to it, whatever binary rounding makes of it', async () => {
    const cwd = await project(`  up:
    goal: maximize
    change: [{ margin: 0.1 }]
  down:
    goal: minimize
    change: [{ margin: -0.1 }]
  rel:
    goal: minimize
    change: [{ relative-margin: -0.1 }]
  above:
    goal: maximize
    change: [{ margin: 0.1 }]`)
    const champion = '{"up": 1.2, "down": 1, "rel": 1, "above": 1}'
    expect((await run(cwd, 'out/1', champion)).result.decision).toBe('promoted')
    // 1.3 - 1.2 is 0.10000000000000009 in binary; 1 - 1.1 is -0.10000000000000009.
    const second = await run(cwd, 'out/2', '{"up": 1.3, "down": 1.1, "rel": 1.1, "above": 1.100001}', champion)
    expect(second.code, second.stderr).toBe(0)
    const { result } = second
    // A margin >= 0 must be exceeded: an improvement of exactly 0.1 does not exceed 0.1.
    expect(ruleOf(result, 'up')).toMatchObject({ status: 'fail', reason: 'improvement 0.1 does not exceed 0.1' })
    // A negative margin allows a regression of exactly |margin|, absolute or relative.
    expect(ruleOf(result, 'down')).toMatchObject({ status: 'pass', reason: 'improvement -0.1 >= -0.1' })
    expect(ruleOf(result, 'rel')).toMatchObject({ status: 'pass', reason: 'improvement -10% >= -10%' })
    // Just above the margin passes, and the reason shows the digits that tell the two apart.
    expect(ruleOf(result, 'above')).toMatchObject({ status: 'pass', reason: 'improvement 0.100001 > 0.1' })
    expect(result.decision).toBe('rejected')
    expect(result.reason).toBe('1 rule failed: up improves by more than 0.1')
  })
})

describe('min and max bounds', () => {
  it('hold on every run, a first model included: a value at the bound passes, just beyond fails and the reason tells the two apart', async () => {
    const cwd = await project(`  score:
    goal: maximize
    min: 0.5
  loss:
    goal: minimize
    max: 1`)
    const atBounds = await run(cwd, 'out/1', '{"score": 0.5, "loss": 1}')
    expect(atBounds.result).toMatchObject({ decision: 'promoted', firstModel: true })
    expect(atBounds.result.rules.map((r: Rule) => r.status)).toEqual(['pass', 'pass'])
    const beyond = await run(cwd, 'out/2', '{"score": 0.4999999, "loss": 1.0000001}', '{"score": 0.5, "loss": 1}')
    expect(beyond.result.decision).toBe('rejected')
    expect(beyond.result.rules.map((r: Rule) => r.reason)).toEqual([
      "0.4999999 is below the minimum 0.5 on this run's evaluation data",
      "1.0000001 is above the maximum 1 on this run's evaluation data"
    ])
  })
})

describe('a rule that cannot be evaluated fails closed, naming the metric and the file', () => {
  it('a first model whose judged metric is undefined is not promoted, whatever the first-model policy', async () => {
    const cwd = await project(`  score:
    goal: maximize
    change: [{ margin: 0 }]`)
    const first = await run(cwd, 'out/1', '{"score": NaN}')
    expect(first.code, first.stderr).toBe(0)
    expect(first.result).toMatchObject({ decision: 'rejected', firstModel: true })
    expect(ruleOf(first.result, 'score')).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/^the candidate's score is undefined \(NaN or null\) in its metrics file \(\$RETRAIN_METRICS_FILE\): fails closed/)
    })
    const status = JSON.parse((await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(status.champion).toBeNull()

    // A usable first model is promoted by the policy, its change rule not applicable.
    const second = await run(cwd, 'out/2', '{"score": 0.5}')
    expect(second.result).toMatchObject({ decision: 'promoted', firstModel: true })
    expect(ruleOf(second.result, 'score')).toMatchObject({ status: 'not-applicable' })
  })

  it("the candidate's missing metric and the champion's infinite one name the metrics file", async () => {
    const cwd = await project(`  score:
    goal: maximize
    change: [{ margin: -1 }]
  loss:
    goal: minimize
    change: [{ relative-margin: -0.5 }]`)
    expect((await run(cwd, 'out/1', '{"score": 1, "loss": 2}')).result.decision).toBe('promoted')
    // The champion evaluated again (the same command on the same data) reports an infinite loss.
    const second = await run(cwd, 'out/2', '{"loss": 1}', '{"score": 1, "loss": Infinity}')
    expect(second.result.decision).toBe('rejected')
    expect(ruleOf(second.result, 'score').reason).toBe('the candidate has no metric "score" in its metrics file ($RETRAIN_METRICS_FILE): fails closed')
    expect(ruleOf(second.result, 'loss').reason).toBe("the baseline's loss is infinite in its metrics file ($RETRAIN_METRICS_FILE): fails closed")
  })

  it('finite values whose improvement overflows fail closed, as an infinite metric does', async () => {
    const cwd = await project(`  big:
    goal: maximize
    change: [{ margin: 0 }]
  tiny:
    goal: maximize
    change: [{ relative-margin: 0 }]`)
    const champion = '{"big": -1.5e308, "tiny": 5e-324}'
    expect((await run(cwd, 'out/1', champion)).result.decision).toBe('promoted')
    const second = await run(cwd, 'out/2', '{"big": 1.5e308, "tiny": 1}', champion)
    expect(second.result.decision).toBe('rejected')
    expect(ruleOf(second.result, 'big')).toMatchObject({
      status: 'fail',
      improvement: null,
      reason: expect.stringMatching(/^the improvement of big .* is infinite in floating point: fails closed$/)
    })
    expect(ruleOf(second.result, 'tiny')).toMatchObject({
      status: 'fail',
      improvement: null,
      reason: expect.stringMatching(/^the improvement of tiny .* is infinite in floating point: fails closed$/)
    })
  })

  it('a relative rule on a baseline of 0 fails closed, naming the metric, whichever way the goal points', async () => {
    const cwd = await project(`  gain:
    goal: maximize
    change: [{ relative-margin: -0.5 }]
  cost:
    goal: minimize
    change: [{ relative-margin: -0.5 }]`)
    expect((await run(cwd, 'out/1', '{"gain": 0, "cost": 0}')).result.decision).toBe('promoted')
    const second = await run(cwd, 'out/2', '{"gain": 1, "cost": -1}', '{"gain": 0, "cost": 0}')
    expect(second.result.decision).toBe('rejected')
    expect(ruleOf(second.result, 'gain')).toMatchObject({
      status: 'fail',
      reason: "the baseline's gain is 0, so a relative change cannot be computed: fails closed"
    })
    expect(ruleOf(second.result, 'cost')).toMatchObject({
      status: 'fail',
      reason: "the baseline's cost is 0, so a relative change cannot be computed: fails closed"
    })
  })
})
