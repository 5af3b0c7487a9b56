/**
 * What the action does after the decision is committed (the report artifact, the release link, the
 * history chart): when it fails, the run says the decision stands, never that nothing was promoted,
 * and does not fail (re-running the job would train again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, GATE, registryState, runAction, toyProject } from './harness.js'

let artifacts: FakeArtifacts
let github: FakeGitHub

beforeAll(async () => {
  ;[artifacts, github] = await Promise.all([startFakeArtifacts(), startFakeGitHub()])
})

afterAll(async () => {
  await Promise.all([artifacts?.close(), github?.close()])
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

  it('registry reads that fail after the commit cost the release link and the chart, not the run', async () => {
    // A twin run counts the registry reads; the last two come after the commit (release link, chart).
    const reads = (model: string) => github.requests.filter(q => q.method === 'GET' && q.path.includes(`/contents/${model}%2Fregistry.json`)).length
    const twin = await runAction(await toyProject('twin', AUTO), { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
    expect(twin.code, twin.log).toBe(0)
    expect(twin.outputs[Outputs.releaseUrl]).toMatch(/releases\/tag\/retrain-twin-v1$/)
    const before = reads('twin') - 2

    const workspace = await toyProject('late-reads', AUTO)
    github.faults.push({ method: 'GET', path: /\/contents\/late-reads%2Fregistry\.json$/, kind: { status: 500 }, times: Infinity, skip: before })
    const run = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
    github.faults.length = 0
    expect(run.code, run.log).toBe(0)
    expect(run.log).toMatch(
      /::warning::Could not read the candidate's release link after the decision \(GitHub's API answered 500 .*\); late-reads version 1 is promoted all the same/
    )
    expect(run.log).toMatch(/::warning::Could not read the registry for the history chart after the decision .*; late-reads version 1 is promoted all the same/)
    expect(run.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.releaseUrl]: '' })
    expect(run.summary).toMatch(/version 1 is the new champion/)
    expect(registryState(github, 'late-reads')!.champion).toBe(1)
  })

  it('a promote command whose job-summary read fails after the promotion says it is done, and succeeds', async () => {
    const reads = (model: string) => github.requests.filter(q => q.method === 'GET' && q.path.includes(`/contents/${model}%2Fregistry.json`)).length
    const promote = { command: 'promote', candidate: '1', 'expect-champion': 'none', spec: 'retrain.yml', artifacts: 'false' }
    // A twin counts the promote command's registry reads; the last one is the job summary's.
    const twin = await toyProject('twin-promote', GATE)
    expect((await runAction(twin, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })).code).toBe(0)
    const start = reads('twin-promote')
    const twinPromote = await runAction(twin, { github, inputs: promote })
    expect(twinPromote.code, twinPromote.log).toBe(0)
    const before = reads('twin-promote') - start - 1

    const workspace = await toyProject('late-summary', GATE)
    expect((await runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })).code).toBe(0)
    github.faults.push({ method: 'GET', path: /\/contents\/late-summary%2Fregistry\.json$/, kind: { status: 500 }, times: Infinity, skip: before })
    const run = await runAction(workspace, { github, inputs: promote })
    github.faults.length = 0
    expect(run.code, run.log).toBe(0)
    expect(run.log).toMatch(
      /::warning::Could not read the registry for the job summary \(GitHub's API answered 500 .*\); done all the same: Promoted late-summary version 1/
    )
    expect(run.outputs).toMatchObject({ [Outputs.decision]: 'promoted', [Outputs.promoted]: 'true' })
    expect(registryState(github, 'late-summary')!.champion).toBe(1)
  })
})
