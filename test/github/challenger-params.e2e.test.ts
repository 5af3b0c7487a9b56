/**
 * The challenger commands take their params where run takes them: the params input, else the event
 * (workflow_dispatch inputs, repository_dispatch's client_payload). A plan made with other params
 * than its matrix jobs would name other evaluation data, and each job would be refused.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { AUTO, runAction, toyProject, toySpec } from './harness.js'

describe('challenger params from the event', () => {
  it('plan, the matrix job and select of one workflow_dispatch agree on the evaluation data its inputs name', async () => {
    const workspace = await toyProject('dispatched', AUTO)
    const spec = toySpec('dispatched', `${AUTO}challengers:\n  slow: { delta: 0.5 }\n`, '  evalset: { type: string, default: eval }\n').replace(
      'eval: data/eval.csv',
      'eval: "data/${{ params.evalset }}.csv"'
    )
    await writeFile(path.join(workspace, 'retrain.yml'), spec)
    const evalCsv = await readFile(path.join(workspace, 'data/eval.csv'), 'utf8')
    await writeFile(path.join(workspace, 'data/recent.csv'), evalCsv + evalCsv.split('\n').slice(1).join('\n'))
    const inputs = { spec: 'retrain.yml', artifacts: 'false' }
    expect((await runAction(workspace, { inputs })).code).toBe(0)

    const event = { name: 'workflow_dispatch', payload: { inputs: { evalset: 'recent' } } }
    const plan = await runAction(workspace, { inputs: { ...inputs, command: 'plan' }, event })
    expect(plan.code, plan.log).toBe(0)
    const id = plan.outputs[Outputs.plan]!
    const job = await runAction(workspace, { inputs: { ...inputs, challenger: 'slow', plan: id }, event })
    expect(job.code, job.log).toBe(0)
    expect(job.outputs[Outputs.decision]).toBe('candidate')
    const select = await runAction(workspace, { inputs: { ...inputs, command: 'select', plan: id }, event })
    expect(select.code, select.log).toBe(0)
    expect(select.outputs[Outputs.candidateVersion]).toBe(job.outputs[Outputs.candidateVersion])
  })
})
