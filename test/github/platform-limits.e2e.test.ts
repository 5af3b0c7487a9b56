/**
 * GitHub's platform limits, through the built action: the job summary's 1 MiB per step, the
 * comment body's 65,536 characters, 10 warning and 10 error annotations per step.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { makeProject } from '../helpers/project.js'
import { runAction } from './harness.js'

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
