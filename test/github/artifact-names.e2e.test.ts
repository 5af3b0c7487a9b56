/**
 * Workflow artifact names are unique per workflow run, across its attempts: a re-run (attempt 2) and
 * the jobs of one run (a matrix of dry runs, one model with a challenger beside another model) never
 * collide, and nothing is overwritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { fakeRuntimeToken, startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, runAction, toyProject } from './harness.js'

let artifacts: FakeArtifacts

beforeAll(async () => {
  artifacts = await startFakeArtifacts()
})

afterAll(async () => {
  await artifacts?.close()
})

/** A job of workflow run `runId`: the same run's jobs share its artifact names. */
function job(runId: string, jobId: string, attempt = '1') {
  return { GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: attempt, ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(`run-backend-${runId}`, `job-backend-${jobId}`) }
}

function names(run: { outputs: Record<string, string> }): string[] {
  return (JSON.parse(run.outputs[Outputs.artifacts] ?? '[]') as { name: string }[]).map(a => a.name)
}

describe('workflow artifact names', { timeout: 180_000 }, () => {
  it('two dry runs of one model in one workflow run (a matrix) both upload, under names of their own', async () => {
    const workspace = await toyProject('matrix', AUTO)
    const runs = []
    for (const [jobId, delta] of [
      ['a', 1],
      ['b', 2]
    ] as const) {
      runs.push(
        await runAction(workspace, {
          artifacts,
          env: job('9100', jobId),
          inputs: { spec: 'retrain.yml', 'dry-run': 'true', params: JSON.stringify({ delta }) }
        })
      )
    }
    for (const run of runs) expect(run.code, run.log).toBe(0)
    const all = runs.flatMap(names)
    expect(all).toHaveLength(6)
    expect(new Set(all).size).toBe(6)
    expect(names(runs[0]!)).toEqual(['matrix-dry-run-bundle-attempt1', 'matrix-dry-run-logs-attempt1', 'matrix-dry-run-report-attempt1'])
    expect(names(runs[1]!)).toEqual(['matrix-dry-run-bundle-attempt1-2', 'matrix-dry-run-logs-attempt1-2', 'matrix-dry-run-report-attempt1-2'])
    expect(runs[1]!.log).toMatch(
      /The workflow artifact name matrix-dry-run-bundle-attempt1 is taken in this workflow run \(by another job\); trying matrix-dry-run-bundle-attempt1-2/
    )
  })

  it('a re-run (attempt 2) of the same workflow run uploads under new names; the first attempt keeps its own', async () => {
    const workspace = await toyProject('rerun', AUTO)
    const first = await runAction(workspace, { artifacts, env: job('9200', 'a'), inputs: { spec: 'retrain.yml', 'dry-run': 'true' } })
    const second = await runAction(workspace, { artifacts, env: job('9200', 'a', '2'), inputs: { spec: 'retrain.yml', 'dry-run': 'true' } })
    expect(first.code, first.log).toBe(0)
    expect(second.code, second.log).toBe(0)
    expect(names(second)).toEqual(['rerun-dry-run-bundle-attempt2', 'rerun-dry-run-logs-attempt2', 'rerun-dry-run-report-attempt2'])
    expect(new Set([...names(first), ...names(second)]).size).toBe(6)
  })
})
