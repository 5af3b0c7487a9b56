/**
 * The report artifact (result.json and report.md) is uploaded after the decision is committed: when
 * that upload fails, the run says the decision stands, never that nothing was promoted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, runAction, toyProject } from './harness.js'

let artifacts: FakeArtifacts

beforeAll(async () => {
  artifacts = await startFakeArtifacts()
})

afterAll(async () => {
  await artifacts?.close()
})

describe('the report artifact after the commit', () => {
  it('failing to upload leaves the promotion standing and said, with the outputs set', async () => {
    const workspace = await toyProject('late-report', AUTO)
    // The bundle and the logs go through; the report's upload is refused every time.
    artifacts.faults.push({ target: 'CreateArtifact', status: 400, times: Infinity, after: 2 })
    const run = await runAction(workspace, { artifacts, inputs: { spec: 'retrain.yml' } })
    artifacts.faults.length = 0
    expect(run.code, run.log).toBe(0)
    expect(run.log).not.toMatch(/nothing was promoted/)
    expect(run.log).toMatch(
      /::warning::The report artifact late-report-v1-report was not uploaded \(.*\); late-report version 1 is promoted all the same; result\.json and report\.md are in \S+/
    )
    expect(run.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true', [Outputs.candidateVersion]: '1' })
    expect((JSON.parse(run.outputs[Outputs.artifacts]!) as { name: string }[]).map(a => a.name)).toEqual([
      'late-report-v1-bundle-attempt1',
      'late-report-v1-logs-attempt1'
    ])
    const status = await runAction(workspace, { inputs: { spec: 'retrain.yml', command: 'status' } })
    expect(status.summary).toMatch(/Champion: version 1/)
  })
})
