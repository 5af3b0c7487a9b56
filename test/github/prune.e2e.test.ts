/**
 * Retention on the GitHub registry, through the built action against the REST fake: runs apply the
 * spec's retention after their commit (a pruned version's release goes), a rollback to a pruned
 * version is refused with the state unchanged, `command: prune` with a dry run changes nothing, a
 * deletion whose answer was lost after it happened is done all the same, and a deletion GitHub keeps
 * refusing only warns: the run's decision stands and the next command deletes the release.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { invariantViolations, normalizeState } from '../../src/registry/state-machine.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, registryState, runAction, toyProject, toySpec, type RunOptions } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs } })
}

async function project(model: string, retention: string): Promise<string> {
  const workspace = await toyProject(model, AUTO)
  await writeFile(path.join(workspace, 'retrain.yml'), toySpec(model, AUTO) + retention)
  return workspace
}

async function runs(workspace: string, deltas: number[]): Promise<void> {
  for (const delta of deltas) {
    const res = await act(workspace, { inputs: { params: `{"delta": ${delta}}` } })
    expect(res.code, res.log).toBe(0)
  }
}

const releaseIds = (model: string) =>
  new Set(
    [...github.releases.values()].filter(r => r.tag_name.startsWith(`retrain-${model}-v`)).map(r => Number(r.tag_name.slice(`retrain-${model}-v`.length)))
  )

const stateText = (model: string) => github.file('retrain-registry', `${model}/registry.json`)

describe('retention on the GitHub registry', () => {
  it("runs apply the spec's retention: the releases of pruned versions go, the records stay; a rollback to one is refused", async () => {
    const model = 'keep'
    const workspace = await project(model, 'retention:\n  keep-rejected: 0\n  keep-retired: 1\n')
    await runs(workspace, [1, 1])
    expect(releaseIds(model)).toEqual(new Set([1, 2]))
    // A rejected version's draft goes at once (keep-rejected: 0).
    const rejected = await act(workspace, { inputs: { params: '{"delta": -1}' } })
    expect(rejected.code, rejected.log).toBe(0)
    expect(rejected.outputs[Outputs.decision]).toBe('rejected')
    expect(rejected.log).toMatch(/Pruned the bundles of keep version 3 \(keep-rejected: 0, keep-retired: 1\)/)
    expect(releaseIds(model)).toEqual(new Set([1, 2]))
    // A new champion retires 2; with one former champion kept, 1 goes.
    await runs(workspace, [1])
    expect(releaseIds(model)).toEqual(new Set([2, 4]))

    const state = registryState(github, model)!
    expect(invariantViolations(normalizeState(model, state as never))).toEqual([])
    expect(state.effects).toEqual([])
    expect(state.versions.map(v => [v.version, v.status, Boolean((v as { pruned?: unknown }).pruned), v.storage ? 'stored' : 'none'])).toEqual([
      [1, 'retired', true, 'none'],
      [2, 'retired', false, 'stored'],
      [3, 'rejected', true, 'none'],
      [4, 'promoted', false, 'stored']
    ])

    const before = stateText(model)
    const rollback = await act(workspace, { inputs: { command: 'rollback', version: '1' } })
    expect(rollback.code).toBe(1)
    expect(rollback.log).toMatch(/keep version 1 cannot become the champion: its bundle was pruned on \d{4}-\d\d-\d\d by retention .* nothing was changed/)
    expect(stateText(model)).toBe(before)
    // The version it keeps still rolls back.
    const ok = await act(workspace, { inputs: { command: 'rollback', version: '2' } })
    expect(ok.code, ok.log).toBe(0)
    expect(registryState(github, model)!.champion).toBe(2)
  }, 180_000)

  it('command prune: a dry run changes nothing; a deletion whose answer was lost after it happened is done', async () => {
    const model = 'prunecmd'
    const workspace = await toyProject(model, AUTO)
    await runs(workspace, [1, 1, 1])
    expect(releaseIds(model)).toEqual(new Set([1, 2, 3]))
    const before = stateText(model)
    const dry = await act(workspace, { inputs: { command: 'prune', 'keep-retired': '0', 'dry-run': 'true' } })
    expect(dry.code, dry.log).toBe(0)
    expect(dry.log).toMatch(/Would prune the bundles of prunecmd versions 1, 2 \(keep-retired: 0\): .* would be freed; nothing changed \(dry run\)/)
    expect(dry.summary).toMatch(/Would prune the bundles of prunecmd versions 1, 2/)
    expect(stateText(model)).toBe(before)
    expect(releaseIds(model)).toEqual(new Set([1, 2, 3]))

    const noPolicy = await act(workspace, { inputs: { command: 'prune' } })
    expect(noPolicy.code).toBe(1)
    expect(noPolicy.log).toMatch(/no retention policy for prunecmd: the spec retrain\.yml has no retention: section/)
    const bad = await act(workspace, { inputs: { command: 'prune', 'keep-retired': 'all' } })
    expect(bad.code).toBe(1)
    expect(bad.log).toMatch(/input "keep-retired" must be a whole number of 0 or more, got "all"/)

    const drops = () => github.requests.filter(r => r.method === 'DELETE' && /\/releases\/\d+$/.test(r.path) && r.status === -1).length
    const dropped = drops()
    github.faults.push({ method: 'DELETE', path: /\/releases\/\d+$/, kind: 'drop-after', times: 1 })
    const res = await act(workspace, { inputs: { command: 'prune', 'keep-retired': '0' } })
    expect(res.code, res.log).toBe(0)
    expect(drops()).toBe(dropped + 1)
    expect(res.log).toMatch(/Pruned the bundles of prunecmd versions 1, 2 \(keep-retired: 0\)/)
    expect(res.summary).toMatch(/Pruned the bundles of prunecmd versions 1, 2/)
    expect(releaseIds(model)).toEqual(new Set([3]))
    const state = registryState(github, model)!
    expect(state.effects).toEqual([])
    expect(state.history.filter(e => e.action === 'pruned').map(e => e.version)).toEqual([1, 2])
    expect(invariantViolations(normalizeState(model, state as never))).toEqual([])
  }, 180_000)

  it('a deletion GitHub keeps refusing after a run only warns: the decision stands, and the next command deletes the release', async () => {
    const model = 'refusedelete'
    const workspace = await project(model, 'retention:\n  keep-rejected: 0\n')
    await runs(workspace, [1])
    github.faults.push({ method: 'DELETE', path: /\/releases\/\d+$/, kind: { status: 500 }, times: 30 })
    const res = await act(workspace, { inputs: { params: '{"delta": -1}' } })
    github.faults.length = 0
    expect(res.outputs[Outputs.decision]).toBe('rejected')
    expect(res.log).toMatch(/retention: deleting the pruned bundle of version 2 failed/)
    expect(res.code, res.log).toBe(0)
    const state = registryState(github, model)!
    expect(state.versions.find(v => v.version === 2)).toMatchObject({ status: 'rejected', pruned: expect.anything() })
    expect(state.effects).toMatchObject([{ kind: 'delete-pruned-bundle', version: 2 }])
    expect(releaseIds(model)).toEqual(new Set([1, 2]))

    const settle = await act(workspace, { inputs: { command: 'settle' } })
    expect(settle.code, settle.log).toBe(0)
    expect(releaseIds(model)).toEqual(new Set([1]))
    expect(registryState(github, model)!.effects).toEqual([])
  }, 180_000)
})
