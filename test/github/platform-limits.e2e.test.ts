/**
 * GitHub's platform limits, through the built action: the job summary's 1 MiB per step, a job's
 * outputs' 1 MB (metrics and drift reports of thousands of entries), the
 * comment body's 65,536 characters, 10 warning and 10 error annotations per step.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { startFakeGitHub } from '../fakes/github-server.js'
import { makeProject } from '../helpers/project.js'
import { AUTO, JOB_OUTPUTS_LIMIT_BYTES, outputsBytes, runAction, toyProject, toySpec } from './harness.js'

let artifacts: FakeArtifacts

beforeAll(async () => {
  artifacts = await startFakeArtifacts()
})

afterAll(async () => {
  await artifacts?.close()
})

const MiB = 1024 * 1024

/** The toy project with metrics whose names are `nameLength` long, and a step that writes `stepSummaryBytes` to the summary. */
async function bigProject(model: string, options: { metrics: number; nameLength: number; stepSummaryBytes: number }): Promise<string> {
  const workspace = await makeProject('test/fixtures/toy')
  const names = Array.from({ length: options.metrics }, (_, i) => `m${i}_${'x'.repeat(options.nameLength)}`)
  await writeFile(
    path.join(workspace, 'evaluate-many.mjs'),
    `import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
const model = JSON.parse(readFileSync(path.join(process.env.RETRAIN_EVAL_MODEL_DIR, 'model.json'), 'utf8'))
const names = ${JSON.stringify(names)}
writeFileSync(process.env.RETRAIN_METRICS_FILE, JSON.stringify(Object.fromEntries([['score', model.w], ...names.map(n => [n, model.w])])))
`
  )
  await writeFile(
    path.join(workspace, 'summary.mjs'),
    `import { appendFileSync } from 'node:fs'
const line = '| a row of the steps\\' own table | with some text in it |\\n'
appendFileSync(process.env.RETRAIN_STEP_SUMMARY, '| step | table |\\n| --- | --- |\\n' + line.repeat(Math.ceil(${options.stepSummaryBytes} / line.length)))
`
  )
  const metrics = names.map(n => `  ${n}:\n    goal: maximize\n    change:\n      - margin: 0\n`).join('')
  await writeFile(
    path.join(workspace, 'retrain.yml'),
    `model: ${model}
root: .
params:
  delta: { type: number, default: 1 }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs && node summary.mjs
evaluate:
  run: node evaluate-many.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: 0
${metrics}promotion:
  mode: auto
  first-model: promote
`
  )
  return workspace
}

describe('the job summary holds at most 1 MiB per step', { timeout: 180_000 }, () => {
  it("a report just under the limit and the steps' own summary together are cut to fit, with a note, and the decision stands", async () => {
    const workspace = await bigProject('big-summary', { metrics: 440, nameLength: 1000, stepSummaryBytes: 300 * 1024 })
    const run = await runAction(workspace, { inputs: { spec: 'retrain.yml' } })
    expect(run.code, run.log.slice(-3000)).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(MiB)
    expect(run.summary).toMatch(/^## big-summary: promoted\n/)
    // The report is cut at a line, with a note; the steps' own summary and the chart after it stay whole.
    expect(run.summary).toMatch(/\n\n_…cut here to fit GitHub's limit of 1 MiB for a step's job summary; the whole report is in report\.md/)
    expect(run.summary).toMatch(/### From the steps\n\n\| step \| table \|/)
    expect(run.summary).toMatch(/_\(the steps' summary was cut at 256 KiB of 30\d KiB\)_\n\n\n$/)
  })

  it('a report over the limit by itself is cut with a note, and what follows it still fits', async () => {
    const workspace = await bigProject('huge-report', { metrics: 700, nameLength: 1000, stepSummaryBytes: 1024 })
    const run = await runAction(workspace, { inputs: { spec: 'retrain.yml' } })
    expect(run.code, run.log.slice(-3000)).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(MiB)
    expect(run.summary).toMatch(/^## huge-report: promoted\n/)
    expect(run.summary).toContain('the whole report is in report.md')
    expect(run.summary).toMatch(/### From the steps\n\n\| step \| table \|/)
  })
})

describe("a job's outputs hold at most 1 MB", { timeout: 180_000 }, () => {
  it('thousands of metrics: the output "metrics" keeps the judged ones that fit and says how many it left out; the promotion stands', async () => {
    const workspace = await bigProject('many-metrics', { metrics: 2000, nameLength: 300, stepSummaryBytes: 1024 })
    const run = await runAction(workspace, { inputs: { spec: 'retrain.yml' } })
    expect(run.code, run.log.slice(-3000)).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    // The runner would fail the job, the candidate promoted already, with more.
    expect(outputsBytes(run.outputs)).toBeLessThanOrEqual(JOB_OUTPUTS_LIMIT_BYTES / 4)
    const metrics = JSON.parse(run.outputs[Outputs.metrics]!) as Record<string, number | string | null>
    expect(metrics.score).toBe(1)
    const kept = Object.keys(metrics).filter(k => k !== '(left out)')
    expect(kept.length).toBeGreaterThan(100)
    expect(kept.slice(0, 3)).toEqual(['score', `m0_${'x'.repeat(300)}`, `m1_${'x'.repeat(300)}`])
    expect(metrics['(left out)']).toBe(
      `${2001 - kept.length} of 2001 metrics left out: the output "metrics" holds at most 65536 characters; every metric is in result.json (output "result-path") and the report artifact`
    )
    const result = JSON.parse(await readFile(run.outputs[Outputs.resultPath]!, 'utf8'))
    expect(Object.keys(result.candidate.metrics)).toHaveLength(2001)
  })
})

describe('the output "drift" of a thousand columns', { timeout: 180_000 }, () => {
  it('leaves out what does not fit and says so; the job stays within its limit', async () => {
    const workspace = await toyProject('wide', AUTO)
    const columns = Array.from({ length: 1000 }, (_, i) => `c${i}_${'x'.repeat(300)}`)
    const rows = (shift: number) =>
      [columns.join(','), ...Array.from({ length: 40 }, (_, r) => columns.map((_, c) => ((r * 7 + c) % 23) + (c % 2 ? shift : 0)).join(','))].join('\n') + '\n'
    await writeFile(path.join(workspace, 'data/train.csv'), rows(0))
    const first = await runAction(workspace, { inputs: { spec: 'retrain.yml' } })
    expect(first.code, first.log.slice(-3000)).toBe(0)
    await writeFile(path.join(workspace, 'data/train.csv'), rows(50))
    const run = await runAction(workspace, { inputs: { spec: 'retrain.yml', command: 'drift' } })
    expect(run.code, run.log.slice(-3000)).toBe(0)
    expect(run.outputs[Outputs.drifted]).toBe('true')
    expect(outputsBytes(run.outputs)).toBeLessThanOrEqual(JOB_OUTPUTS_LIMIT_BYTES / 4)
    const drift = JSON.parse(run.outputs[Outputs.drift]!)
    expect(drift.drifted).toBe(true)
    expect(drift.leftOut).toMatch(
      /^(\d+ of 1000 features that did not drift, and every feature's bins,|all 1000 features \(\d+ drifted\)) were left out: the output "drift" holds at most 65536 characters; the step's log has the whole table/
    )
  })
})

describe('a failed step with a huge output tail', { timeout: 180_000 }, () => {
  it('says why in a job summary within the limit: the failure first, each line of its tail cut with a note', async () => {
    const workspace = await bigProject('huge-tail', { metrics: 1, nameLength: 10, stepSummaryBytes: 1024 })
    const spec = path.join(workspace, 'retrain.yml')
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace(
        'run: node train.mjs && node summary.mjs',
        `run: node -e "for (let i = 0; i < 40; i++) console.log('y'.repeat(60000)); process.exitCode = 3"`
      )
    )
    const run = await runAction(workspace, { inputs: { spec: 'retrain.yml' } })
    expect(run.code).toBe(1)
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(MiB)
    expect(run.summary).toMatch(/\*\*The retrain step failed\.\*\*\n\n```text\nstep-failed: Step Train failed with exit code 3 /)
    // 40 lines of 60,000 characters: each cut at 2,000 in the error (the whole lines are in the step's log).
    const cut = `\n${'y'.repeat(2000)}… (58000 more characters of this line in the step's log)`
    expect(run.summary.split(cut).length - 1).toBe(40)
    expect(run.summary).not.toContain('y'.repeat(2001))
  })
})

describe('a pull-request comment holds at most 65,536 characters', { timeout: 180_000 }, () => {
  it("the dry run's comment is cut at a line to fit, with a note, and stays one comment", async () => {
    const github = await startFakeGitHub()
    try {
      const workspace = await bigProject('big-comment', { metrics: 120, nameLength: 1000, stepSummaryBytes: 1024 })
      github.issues.set(31, {
        number: 31,
        id: 3100,
        title: 'More metrics',
        body: null,
        labels: [],
        state: 'open',
        state_reason: null,
        user: 'contributor',
        created_at: '2026-01-01T00:00:00Z',
        updated_at: '2026-01-01T00:00:00Z',
        closed_at: null
      })
      const pr = { name: 'pull_request', payload: { action: 'synchronize', number: 31, pull_request: { number: 31 } } }
      for (let i = 0; i < 2; i++) {
        const run = await runAction(workspace, { github, event: pr, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
        expect(run.code, run.log.slice(-3000)).toBe(0)
      }
      const comments = [...github.comments.values()].filter(c => c.issue_number === 31)
      expect(comments).toHaveLength(1)
      const body = comments[0]!.body
      expect(body.length).toBeLessThanOrEqual(65_536)
      expect(body).toMatch(/^<!-- retrain-dry-run \{"model":"big-comment"\} -->\n## big-comment: /)
      expect(body).toMatch(/\n\n…cut to fit GitHub's limit; the whole report is in the run's job summary\.\n$/)
      // Cut after a whole line: the last line before the note is a whole table row.
      const beforeNote = body.slice(0, body.lastIndexOf('\n\n…cut'))
      expect(beforeNote.split('\n').at(-1)).toMatch(/^\|.*\|$/)
      expect(github.violations, github.violations.join('\n')).toEqual([])
    } finally {
      await github.close()
    }
  })
})

/** The annotations a step's log makes, of one kind, in order. */
function annotations(log: string, kind: 'warning' | 'error'): string[] {
  return log.split('\n').filter(line => line.startsWith(`::${kind}`))
}

describe('GitHub shows 10 warning and 10 error annotations per step', { timeout: 180_000 }, () => {
  it('many routine warnings leave room for the ones that matter after the decision', async () => {
    const workspace = await makeProject('test/fixtures/toy')
    const extra = Array.from({ length: 14 }, (_, i) => `extra${i}`)
    // The champion's metrics file lacks the metrics added since: one warning each, before the decision.
    await writeFile(
      path.join(workspace, 'evaluate-more.mjs'),
      `import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
const model = JSON.parse(readFileSync(path.join(process.env.RETRAIN_EVAL_MODEL_DIR, 'model.json'), 'utf8'))
const extra = model.w > 1 ? ${JSON.stringify(extra)}.map(n => [n, 1]) : []
writeFileSync(process.env.RETRAIN_METRICS_FILE, JSON.stringify(Object.fromEntries([['score', model.w], ...extra])))
`
    )
    const spec = (metrics: string[]) => `model: many-warnings
root: .
params:
  delta: { type: number, default: 1 }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
evaluate:
  run: node evaluate-more.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: 0
${metrics.map(n => `  ${n}:\n    goal: maximize\n`).join('')}promotion:
  mode: auto
  first-model: promote
`
    await writeFile(path.join(workspace, 'retrain.yml'), spec([]))
    const first = await runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false' } })
    expect(first.code, first.log).toBe(0)
    await writeFile(path.join(workspace, 'retrain.yml'), spec(extra))
    // The bundle and the logs go up; the report after the decision does not.
    artifacts.faults.push({ target: 'CreateArtifact', status: 400, times: Infinity, after: 2 })
    try {
      const run = await runAction(workspace, { artifacts, inputs: { spec: 'retrain.yml' } })
      expect(run.code, run.log).toBe(0)
      expect(run.outputs[Outputs.decision]).toBe('promoted')
      const warnings = annotations(run.log, 'warning')
      // Every warning is in the log; the first 10 annotations show the report's loss, which came last.
      expect(run.log.match(/the baseline's metrics file has no "extra\d+"/g)).toHaveLength(14)
      expect(warnings.slice(0, 10).join('\n')).toMatch(
        /The report artifact many-warnings-v2-report(-attempt1)? was not uploaded .*many-warnings version 2 is promoted all the same/
      )
    } finally {
      artifacts.faults.length = 0
    }
  })

  it('a spec with many problems keeps the failure and the first problem among the first 10 errors', async () => {
    const workspace = await makeProject('test/fixtures/toy')
    const metrics = Array.from({ length: 15 }, (_, i) => `  m${i}:\n    goal: sideways\n`).join('')
    await writeFile(
      path.join(workspace, 'retrain.yml'),
      `model: many-problems\nroot: .\nsteps:\n  - name: Train\n    run: node train.mjs\nevaluate:\n  run: node evaluate.mjs\nmetrics:\n${metrics}promotion:\n  mode: auto\n`
    )
    const run = await runAction(workspace, { inputs: { spec: 'retrain.yml' } })
    expect(run.code).toBe(1)
    const errors = annotations(run.log, 'error')
    expect(errors.length, errors.join('\n')).toBeLessThanOrEqual(10)
    expect(errors[0]).toMatch(/^::error file=retrain\.yml,line=\d+,col=\d+::retrain\.yml:\d+:\d+: /)
    expect(errors.at(-1)).toMatch(/::error::the spec or an input is invalid \(\d+ problems\)/)
    // Every problem is still in the log and the job summary.
    for (let i = 0; i < 15; i++) expect(run.summary).toMatch(new RegExp(`m${i}\\b`))
  })
})

describe('workflow_dispatch booleans: strings in github.event.inputs, typed in inputs', { timeout: 180_000 }, () => {
  it('both forms reach the step as the same param; a string that is no boolean is refused, naming the input', async () => {
    const workspace = await toyProject('dispatched', AUTO)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('dispatched', AUTO, '  fail: { type: boolean, default: true }\n'))
    const dispatch = (inputs: object) => ({ name: 'workflow_dispatch', payload: { inputs } })
    // The event's payload holds what github.event.inputs shows: strings.
    const fromEvent = await runAction(workspace, { event: dispatch({ fail: 'false', delta: '2' }), inputs: { spec: 'retrain.yml', 'dry-run': 'true' } })
    expect(fromEvent.code, fromEvent.log).toBe(0)
    expect(await readFile(path.join(workspace, 'step-env.txt'), 'utf8')).toMatch(/^RETRAIN_PARAM_FAIL=false$/m)
    // params: ${{ toJSON(inputs) }} gives them typed.
    const typed = await runAction(workspace, {
      event: dispatch({ fail: 'true', delta: '2' }),
      inputs: { spec: 'retrain.yml', 'dry-run': 'true', params: '{"fail": false, "delta": 2}' }
    })
    expect(typed.code, typed.log).toBe(0)
    expect(await readFile(path.join(workspace, 'step-env.txt'), 'utf8')).toMatch(/^RETRAIN_PARAM_FAIL=false$/m)
    const refused = await runAction(workspace, { event: dispatch({ fail: 'yes' }), inputs: { spec: 'retrain.yml', 'dry-run': 'true' } })
    expect(refused.code).toBe(1)
    expect(refused.log).toMatch(/::error::param "fail" from workflow_dispatch inputs must be true or false \(got "yes"\)/)
  })
})
