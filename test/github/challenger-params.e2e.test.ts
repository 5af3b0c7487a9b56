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

  it('select on a pull request or a merge queue is a dry run, as run is: the champion stays, the candidates stay undecided', async () => {
    const workspace = await toyProject('prselect', AUTO)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('prselect', `${AUTO}challengers:\n  fast: { delta: 2 }\n`))
    const inputs = { spec: 'retrain.yml', artifacts: 'false' }
    expect((await runAction(workspace, { inputs })).code).toBe(0)
    const plan = await runAction(workspace, { inputs: { ...inputs, command: 'plan' } })
    const id = plan.outputs[Outputs.plan]!
    const job = await runAction(workspace, { inputs: { ...inputs, challenger: 'fast', plan: id } })
    expect(job.outputs[Outputs.decision], job.log).toBe('candidate')

    const pullRequest = { name: 'pull_request', payload: { pull_request: { number: 7 } } }
    const dry = await runAction(workspace, { inputs: { ...inputs, command: 'select', plan: id }, event: pullRequest })
    expect(dry.code, dry.log).toBe(0)
    // As a dry run's decision: skipped (not 'none', which says nothing passed), and no candidate version.
    expect(dry.outputs).toMatchObject({ [Outputs.decision]: 'skipped', [Outputs.promoted]: 'false', [Outputs.candidateVersion]: '' })
    expect(dry.summary).toMatch(/dry run, nothing changed; challenger fast \(version 2\) would be selected/)
    const status = await runAction(workspace, { inputs: { ...inputs, command: 'status' } })
    expect(status.summary).toMatch(/Champion: version 1/)

    // A merge queue's run (merge_group) is dry too, for select and for run: its commit may never land.
    const mergeGroup = { name: 'merge_group', payload: { merge_group: { head_sha: 'a'.repeat(40), base_ref: 'refs/heads/main' } } }
    const queued = await runAction(workspace, { inputs: { ...inputs, command: 'select', plan: id }, event: mergeGroup })
    expect(queued.code, queued.log).toBe(0)
    expect(queued.outputs).toMatchObject({ [Outputs.decision]: 'skipped', [Outputs.promoted]: 'false' })
    const queuedRun = await runAction(workspace, { inputs, event: mergeGroup })
    expect(queuedRun.code, queuedRun.log).toBe(0)
    expect(queuedRun.outputs).toMatchObject({ [Outputs.decision]: 'skipped', [Outputs.promoted]: 'false' })
    expect((await runAction(workspace, { inputs: { ...inputs, command: 'status' } })).summary).toMatch(/Champion: version 1/)

    // The same select on the default branch promotes the challenger.
    const real = await runAction(workspace, { inputs: { ...inputs, command: 'select', plan: id } })
    expect(real.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.candidateVersion]: '2' })
  })
})
