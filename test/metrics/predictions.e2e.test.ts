/**
 * The built CLI with metrics computed from predictions: confidence rules, slices, a pinned reference
 * version, the intervals chart, and `retrain compare`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeProject, readJson, REPO, retrain } from '../helpers/project.js'

function spec(rules: string, extraMetrics = ''): string {
  return `model: noisy
params:
  strength: { type: number, default: 1 }
  seed: { type: integer, default: 1 }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
  predictions: { task: binary, slices: [region] }
  bootstrap: { resamples: 1000, seed: 7 }
metrics:
  auc:
    goal: maximize
    compute: roc-auc
    change:
${rules}
  logloss:
    goal: minimize
    compute: log-loss
  latency_ms:
    goal: minimize
    max: 100
${extraMetrics}promotion: { mode: auto, first-model: promote }
`
}

const CONFIDENT = '      - { margin: 0, confidence: 0.95 }\n    slices: { max-regression: 0.05 }'
const POINT = '      - { margin: 0 }'

async function run(cwd: string, out: string, ...params: string[]) {
  const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', out, ...params.flatMap(p => ['--param', p])])
  const file = path.join(cwd, out, 'result.json')
  return { ...res, result: existsSync(file) ? await readJson(file) : null }
}

const validateResult = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  addFormats.default(ajv)
  return ajv.compile(JSON.parse(readFileSync(path.join(REPO, 'schemas/result.schema.json'), 'utf8')))
})()

function expectValidResult(result: unknown): void {
  const ok = validateResult(result)
  expect(validateResult.errors ?? [], 'result.json must match schemas/result.schema.json').toEqual([])
  expect(ok).toBe(true)
}

describe('metrics computed from predictions, end to end', () => {
  /** A first model, then a candidate with a small, noisy gain, judged under a confidence rule. */
  let cwd: string
  let first: Awaited<ReturnType<typeof run>>
  let noisy: Awaited<ReturnType<typeof run>>
  beforeAll(async () => {
    cwd = await makeProject('test/fixtures/predictions', spec(CONFIDENT))
    first = await run(cwd, 'out/1')
    noisy = await run(cwd, 'out/2', 'strength=1.08', 'seed=2')
  })

  it('a small, noisy gain: refused under a confidence rule, accepted under a point-estimate rule; the report explains why', async () => {
    expect(first.code, first.stderr).toBe(0)
    expect(first.result).toMatchObject({ decision: 'promoted', firstModel: true })
    expect(first.result.candidate.metrics).toMatchObject({ latency_ms: 12 })
    expect(first.result.candidate.metrics.auc).toBeGreaterThan(0.85)
    expectValidResult(first.result)

    expect(noisy.code, noisy.stderr).toBe(0)
    expectValidResult(noisy.result)
    expect(noisy.result.decision).toBe('rejected')
    const rule = noisy.result.rules.find((r: { kind: string }) => r.kind === 'change')
    expect(rule.improvement).toBeGreaterThan(0)
    expect(rule.bound).toBeLessThan(0)
    expect(rule).toMatchObject({ status: 'fail', confidence: 0.95, interval: { method: 'bca', resamples: 1000, units: 400, unit: 'examples', degenerate: 0 } })
    expect(rule.reason).toMatch(
      /95% lower bound -0\.0\d+ does not exceed 0, although the point estimate is 0\.0\d+: the gain is not distinguishable from noise/
    )
    // The report: every metric's value, baseline, improvement and one-sided bound, and the chart.
    expect(noisy.stdout).toMatch(/\| FAIL +\| auc improves by more than 0 \(95% confidence\) +\| 0\.9\d+ +\| 0\.9\d+ +\| \+0\.0\d+ +\| ≥ -0\.0\d+ \(95%\)/)
    expect(noisy.stdout).toContain('[intervals.svg](intervals.svg)')
    const svg = await readFile(path.join(cwd, 'out/2', noisy.result.charts.intervals), 'utf8')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain('auc (95%)')
    // Slices: four regions, judged, none regresses on evidence; the worst is flagged.
    expect(noisy.result.slices[0].slices).toHaveLength(4)
    expect(noisy.result.slices[0].slices.filter((s: { worst: boolean }) => s.worst)).toHaveLength(1)
    expect(noisy.stdout).toMatch(/### Slices of auc[\s\S]*region=\w+ \(worst\)/)
    // Both models' predictions are kept with the run's metrics.
    expect(existsSync(path.join(cwd, 'out/2/metrics/candidate-predictions.csv'))).toBe(true)
    expect(existsSync(path.join(cwd, 'out/2/metrics/baseline-predictions.csv'))).toBe(true)

    const pointProject = await makeProject('test/fixtures/predictions', spec(POINT))
    await run(pointProject, 'out/1')
    const point = await run(pointProject, 'out/2', 'strength=1.08', 'seed=2')
    expect(point.code, point.stderr).toBe(0)
    expect(point.result.decision).toBe('promoted')
    expect(point.result.rules.find((r: { kind: string }) => r.kind === 'change')).toMatchObject({ status: 'pass', improvement: rule.improvement })
    expect(point.result.charts).toBeUndefined()
    expectValidResult(point.result)
  })

  it('the same small, noisy gain under `borderline: gate` opens the gate, saying borderline with the numbers', async () => {
    const project = await makeProject(
      'test/fixtures/predictions',
      spec(CONFIDENT).replace('first-model: promote }', 'first-model: promote, borderline: gate }')
    )
    expect((await run(project, 'out/1')).result.decision).toBe('promoted')
    const borderline = await run(project, 'out/2', 'strength=1.08', 'seed=2')
    expect(borderline.code, borderline.stderr).toBe(0)
    expectValidResult(borderline.result)
    expect(borderline.result.decision).toBe('pending-approval')
    const rule = borderline.result.rules.find((r: { kind: string }) => r.kind === 'change')
    expect(rule).toMatchObject({ status: 'fail', confidence: 0.95 })
    expect(rule.improvement).toBeGreaterThan(0)
    expect(rule.bound).toBeLessThan(0)
    expect(borderline.result.reason).toMatch(
      /^borderline: auc improves by more than 0 \(95% confidence\): point estimate 0\.0\d+ passes, 95% lower bound -0\.0\d+ does not clear 0/
    )
    // A clear gain still promotes without a person.
    const strong = await run(project, 'out/3', 'strength=2', 'seed=3')
    expect(strong.result.decision).toBe('promoted')
  })

  it('a clear gain is promoted under the confidence rule; a pinned reference version is evaluated too', async () => {
    const pinned = '      - { margin: 0, confidence: 0.95 }\n      - { margin: -0.01, against: 1 }'
    const project = await makeProject('test/fixtures/predictions', spec(pinned))
    expect((await run(project, 'out/1')).result.decision).toBe('promoted')
    const strong = await run(project, 'out/2', 'strength=2', 'seed=3')
    expect(strong.code, strong.stderr).toBe(0)
    expect(strong.result.decision).toBe('promoted')
    expect(strong.result.references).toEqual([{ version: 1, metrics: expect.objectContaining({ latency_ms: 12 }), problem: null }])
    const againstV1 = strong.result.rules.find((r: { against?: number }) => r.against === 1)
    expect(againstV1).toMatchObject({ status: 'pass', baseline: strong.result.baseline.metrics.auc, rule: 'auc regresses by at most 0.01 against version 1' })
    expectValidResult(strong.result)

    // Version 1 is no longer the champion: the rule against it evaluates version 1 itself.
    const third = await run(project, 'out/3', 'strength=1.95', 'seed=4')
    expect(third.code, third.stderr).toBe(0)
    expect(third.result.baseline.version).toBe(2)
    expect(third.result.steps.map((s: { id: string }) => s.id)).toContain('evaluate-reference-v1')
    const v1 = third.result.rules.find((r: { against?: number }) => r.against === 1)
    expect(v1.baseline).toBeCloseTo(strong.result.references[0].metrics.auc, 12)
    expectValidResult(third.result)
  })

  it('retrain compare prints the metrics, intervals and verdict of two prediction files, as Markdown or JSON', async () => {
    const files = ['--candidate', 'out/2/metrics/candidate-predictions.csv', '--baseline', 'out/2/metrics/baseline-predictions.csv']
    const json = await retrain(cwd, ['compare', '--spec', 'retrain.yml', ...files, '--json'])
    expect(json.code, json.stderr).toBe(0)
    const outcome = JSON.parse(json.stdout)
    const recorded = await readJson(path.join(cwd, 'out/2/result.json'))
    const rule = outcome.rules.find((r: { kind: string }) => r.kind === 'change')
    const runRule = recorded.rules.find((r: { kind: string }) => r.kind === 'change')
    // The same files, spec and seed give the same numbers as the run.
    expect(rule).toMatchObject({ improvement: runRule.improvement, bound: runRule.bound, status: 'fail' })
    expect(outcome).toMatchObject({ decision: 'rejected', units: { count: 400, kind: 'examples' } })
    const markdown = await retrain(cwd, ['compare', '--spec', 'retrain.yml', ...files])
    expect(markdown.stdout).toMatch(/\*\*Would be rejected\.\*\*/)
    expect(markdown.stdout).toMatch(/\| auc +\| maximize \| 0\.9\d+ +\| 0\.9\d+ +\| \+0\.0\d+/)

    // Metrics files compare too, by their point estimates.
    await writeFile(path.join(cwd, 'a.json'), JSON.stringify({ auc: 0.9, logloss: 0.3, latency_ms: 10 }))
    await writeFile(path.join(cwd, 'b.json'), JSON.stringify({ auc: 0.8, logloss: 0.4, latency_ms: 10 }))
    const fromMetrics = JSON.parse((await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'a.json', '--baseline', 'b.json', '--json'])).stdout)
    expect(fromMetrics.rules.find((r: { kind: string }) => r.kind === 'change')).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/no per-example predictions/)
    })
  })

  it('files that do not hold the same ids are refused, naming the id and the line', async () => {
    const candidate = await readFile(path.join(cwd, 'out/2/metrics/candidate-predictions.csv'), 'utf8')
    const lines = candidate.trim().split('\n')
    await writeFile(path.join(cwd, 'short.csv'), [...lines.slice(0, 10), ...lines.slice(11)].join('\n') + '\n')
    const res = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'short.csv', '--baseline', 'out/2/metrics/baseline-predictions.csv'])
    expect(res.code).toBe(4)
    expect(res.stderr).toMatch(/id "ex10" \(out\/2\/metrics\/baseline-predictions\.csv:11\) is not in short\.csv/)
    await writeFile(path.join(cwd, 'dup.csv'), [...lines, lines[5]].join('\n') + '\n')
    const dup = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'dup.csv', '--baseline', 'out/2/metrics/baseline-predictions.csv'])
    expect(dup.stderr).toMatch(/dup\.csv:402: duplicate id "ex5" \(first at line 6\)/)
  })
})
