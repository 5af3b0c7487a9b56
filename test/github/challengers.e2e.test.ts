/**
 * Challengers with the bundled action against loopback GitHub and the artifact service: a plan job
 * sets the matrix, the matrix jobs train their challengers at the same time (one workflow run, so
 * artifact names must differ per challenger), and the select job promotes exactly one.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { fakeRuntimeToken, startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, registryState, runAction, toyProject, toySpec } from './harness.js'

let github: FakeGitHub
let artifacts: FakeArtifacts

beforeAll(async () => {
  ;[github, artifacts] = await Promise.all([startFakeGitHub(), startFakeArtifacts()])
})

afterAll(async () => {
  await Promise.all([github?.close(), artifacts?.close()])
})

afterAll(() => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
})

const CHALLENGERS = `challengers:
  slow: { delta: 0.5 }
  grid: { delta: [2, 3] }
`

describe('challengers on GitHub (loopback)', { timeout: 240_000 }, () => {
  it('plan, three matrix jobs at once, select: one promotion, every artifact present', async () => {
    const workspace = await toyProject('duel', AUTO)
    await writeFile(path.join(workspace, 'retrain.yml'), toySpec('duel', `${AUTO}${CHALLENGERS}`))
    const first = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
    expect(first.code, first.log).toBe(0)

    const plan = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', command: 'plan' } })
    expect(plan.code, plan.log).toBe(0)
    const matrix = JSON.parse(plan.outputs[Outputs.matrix]!) as { include: { challenger: string; champion: string; plan: string }[] }
    expect(matrix.include.map(e => [e.challenger, e.champion])).toEqual([
      ['slow', 'v1'],
      ['grid-delta-2', 'v1'],
      ['grid-delta-3', 'v1']
    ])
    const id = plan.outputs[Outputs.plan]!
    expect(matrix.include.every(e => e.plan === id)).toBe(true)

    // The matrix jobs of one workflow run: same run id and run backend, one job backend each.
    const jobs = await Promise.all(
      matrix.include.map((entry, i) =>
        runAction(workspace, {
          github,
          artifacts,
          inputs: { spec: 'retrain.yml', challenger: entry.challenger, plan: entry.plan, 'output-dir': path.join(workspace, 'out', entry.challenger) },
          env: { GITHUB_RUN_ID: '7700', ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken('run-backend-7700', `job-backend-${i}`) }
        })
      )
    )
    for (const job of jobs) {
      expect(job.code, job.log).toBe(0)
      expect(job.outputs[Outputs.decision]).toBe('candidate')
      expect(job.outputs[Outputs.promoted]).toBe('false')
    }
    const names = jobs.flatMap(j => (JSON.parse(j.outputs[Outputs.artifacts]!) as { name: string }[]).map(a => a.name))
    expect(names).toHaveLength(9)
    expect(new Set(names).size).toBe(9)
    for (const entry of matrix.include) {
      const version = jobs[matrix.include.indexOf(entry)]!.outputs[Outputs.candidateVersion]
      for (const kind of ['bundle', 'logs', 'report']) {
        const name = `duel-${entry.challenger}-v${version}-${kind}-attempt1`
        expect(names).toContain(name)
        expect((await artifacts.download(name)).length).toBeGreaterThan(100)
      }
    }
    const before = registryState(github, 'duel')!
    expect(before.champion).toBe(1)
    expect(before.versions.filter(v => v.status === 'candidate')).toHaveLength(3)

    const select = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', command: 'select', plan: id } })
    expect(select.code, select.log).toBe(0)
    expect(select.outputs[Outputs.decision]).toBe('promoted')
    const best = jobs[2]!.outputs[Outputs.candidateVersion]!
    expect(select.outputs[Outputs.candidateVersion]).toBe(best)
    expect(select.summary).toMatch(/challenger grid-delta-3 \(version \d+\) is the new champion \(replacing version 1\)/)
    expect(select.summary).toMatch(/\| slow +\| \d+ +\| delta=0\.5/)

    const after = registryState(github, 'duel')!
    expect(after.champion).toBe(Number(best))
    expect(after.versions.filter(v => v.status === 'promoted').map(v => v.version)).toEqual([Number(best)])
    expect(after.versions.filter(v => v.status === 'not-selected')).toHaveLength(2)
    // The winner's release is published; the drafts of those not selected are cleaned up.
    expect(github.releases.get(after.releases[best]!.id)).toMatchObject({ draft: false, tag_name: `retrain-duel-v${best}` })
    expect(after.effects).toEqual([])
    for (const v of after.versions.filter(v => v.status === 'not-selected')) expect(v.storage ?? null).toBeNull()
  })
})
