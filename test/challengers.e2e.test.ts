/**
 * Challengers through the built CLI: plan, one run per challenger, select; and the refusals when the
 * champion moves between the plan and the selection.
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { invariantViolations, normalizeState } from '../src/registry/state-machine.js'
import { makeProject, readJson, retrain } from './helpers/project.js'

/** The toy model (weight = champion's + delta), with a ceiling on score so the best challenger on score fails its own rules. */
function challengerSpec(challengers: string, extra = ''): string {
  return `model: toy
root: .
params:
  delta: { type: number, default: 1 }
  fail: { type: boolean, default: false }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    max: 3.5
    change:
      - margin: 0
  loss:
    goal: minimize
challengers:
${challengers}
${extra}promotion:
  mode: auto
  first-model: promote
`
}

const THREE = `  small: { delta: 0.5 }
  grid: { delta: [2, 3] }`

async function plan(project: string): Promise<{ include: { challenger: string; champion: string; 'champion-digest': string; plan: string }[] }> {
  const res = await retrain(project, ['plan', '--spec', 'retrain.yml', '--json'])
  expect(res.code, res.stderr).toBe(0)
  return JSON.parse(res.stdout)
}

async function state(project: string) {
  const raw = await readJson(path.join(project, '.retrain/registry/toy/registry.json'))
  return normalizeState('toy', raw)
}

async function runChallenger(project: string, name: string, extra: string[] = []) {
  return await retrain(project, ['run', '--spec', 'retrain.yml', '--challenger', name, '--out', `out-${name}`, ...extra])
}

describe('challengers through the CLI', () => {
  it('plans three challengers against the champion, runs each, and select promotes the best one that passes every rule', async () => {
    const project = await makeProject('test/fixtures/toy', challengerSpec(THREE))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out-first'])).code).toBe(0)

    const matrix = await plan(project)
    expect(matrix.include.map(e => e.challenger)).toEqual(['small', 'grid-delta-2', 'grid-delta-3'])
    const champion = (await state(project)).versions[0]!
    for (const e of matrix.include) expect(e).toMatchObject({ champion: 'v1', 'champion-digest': champion.digest, plan: matrix.include[0]!.plan })
    const id = matrix.include[0]!.plan

    for (const e of matrix.include) {
      const res = await runChallenger(project, e.challenger, ['--plan', id])
      expect(res.code, res.stderr).toBe(0)
      const result = await readJson(path.join(project, `out-${e.challenger}`, 'result.json'))
      expect(result.challenger).toEqual({ name: e.challenger, plan: id, planSize: 3 })
    }
    // delta 3 scores 4, above the ceiling of 3.5: its own rules reject it; the others wait for select.
    expect((await readJson(path.join(project, 'out-grid-delta-3', 'result.json'))).decision).toBe('rejected')
    expect((await readJson(path.join(project, 'out-small', 'result.json'))).decision).toBe('candidate')
    const before = await state(project)
    expect(before.champion).toBe(1)
    expect(before.versions.filter(v => v.status === 'candidate').map(v => v.challenger?.name)).toEqual(['small', 'grid-delta-2'])

    // A dry run says what it would select, as a dry run's decision (skipped), and changes nothing.
    const dry = await retrain(project, ['select', '--spec', 'retrain.yml', '--dry-run', '--json'])
    expect(dry.code, dry.stderr).toBe(0)
    expect(JSON.parse(dry.stdout)).toMatchObject({ plan: id, decision: 'skipped', winner: { name: 'grid-delta-2', version: 3 } })
    expect(dry.stderr + dry.stdout).toMatch(/Dry run, nothing changed: would select grid-delta-2 \(version 3\)/)
    expect(await state(project)).toEqual(before)

    const res = await retrain(project, ['select', '--spec', 'retrain.yml', '--json'])
    expect(res.code, res.stderr).toBe(0)
    const selection = JSON.parse(res.stdout)
    expect(selection).toMatchObject({ plan: id, decision: 'promoted', winner: { name: 'grid-delta-2', version: 3 } })
    expect(selection.challengers.map((c: { name: string; status: string }) => [c.name, c.status])).toEqual([
      ['small', 'not-selected'],
      ['grid-delta-2', 'selected'],
      ['grid-delta-3', 'rejected']
    ])
    expect(selection.challengers[0].reason).toMatch(/grid-delta-2 \(version 3\) has the better score: 3 against 1\.5/)
    expect(selection.challengers[2].reason).toMatch(/score <= 3\.5/)

    const after = await state(project)
    expect(invariantViolations(after)).toEqual([])
    expect(after.champion).toBe(3)
    expect(after.versions.filter(v => v.status === 'promoted').map(v => v.version)).toEqual([3])
    expect(after.versions.map(v => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'not-selected'],
      [3, 'promoted'],
      [4, 'rejected']
    ])
    expect(after.history.find(e => e.action === 'not-selected')).toMatchObject({ version: 2, reason: expect.stringMatching(/^not selected from plan/) })

    // The plan is spent: selecting again finds no candidate of the plan as it stands now (champion v3).
    const again = await retrain(project, ['select', '--spec', 'retrain.yml'])
    expect(again.code).toBe(5)
    expect(again.stderr).toMatch(/no challenger of plan [0-9a-f]{16} has run yet/)
  })

  it("select applies the spec's retention: the challengers not selected are pruned once decided", async () => {
    const project = await makeProject('test/fixtures/toy', challengerSpec(THREE, 'retention:\n  keep-rejected: 0\n'))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out-first'])).code).toBe(0)
    const matrix = await plan(project)
    for (const e of matrix.include) expect((await runChallenger(project, e.challenger, ['--plan', matrix.include[0]!.plan])).code).toBe(0)
    // The rejected challenger (4) is pruned after its own run; the candidates (2, 3) wait for select.
    const bundles = async () => (await readdir(path.join(project, '.retrain/registry/toy/versions'))).filter(n => /^\d+$/.test(n)).sort()
    expect(await bundles()).toEqual(['1', '2', '3'])
    const res = await retrain(project, ['select', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr + res.stdout).toMatch(/Pruned the bundles of toy version 2 \(keep-rejected: 0\)/)
    const after = await state(project)
    expect(after.versions.map(v => [v.version, v.status, v.pruned !== undefined])).toEqual([
      [1, 'retired', false],
      [2, 'not-selected', true],
      [3, 'promoted', false],
      [4, 'rejected', true]
    ])
    expect(await bundles()).toEqual(['1', '3'])
    expect(invariantViolations(after)).toEqual([])
  })

  it('refuses a challenger evaluated against another champion: the champion moved between plan and select', async () => {
    const project = await makeProject('test/fixtures/toy', challengerSpec(THREE))
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out-first'])).code).toBe(0)
    const old = (await plan(project)).include[0]!.plan
    expect((await runChallenger(project, 'small', ['--plan', old])).code).toBe(0)

    // Another run promotes a new champion meanwhile.
    expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out-other'])).code).toBe(0)
    expect((await state(project)).champion).toBe(3)

    // A challenger run of the old plan is refused before it trains.
    const late = await runChallenger(project, 'grid-delta-2', ['--plan', old])
    expect(late.code).toBe(5)
    expect(late.stderr).toMatch(/plan-moved: challenger grid-delta-2 belongs to plan [0-9a-f]{16}, but with the champion as it is now \(version 3\)/)

    // Selecting the old plan is refused, with the reason; nothing changes.
    const before = await state(project)
    const refused = await retrain(project, ['select', '--spec', 'retrain.yml', '--plan', old])
    expect(refused.code).toBe(5)
    expect(refused.stderr).toMatch(
      /the candidates of plan [0-9a-f]{16} were compared with version 1, but the champion is version 3 now; nothing was selected or changed/
    )
    expect((await state(project)).versions).toEqual(before.versions)

    // The current plan gathers only the challengers compared with version 3; the stale one is listed as refused.
    const fresh = (await plan(project)).include[0]!.plan
    expect(fresh).not.toBe(old)
    expect((await runChallenger(project, 'grid-delta-2', ['--plan', fresh])).code).toBe(0)
    const res = await retrain(project, ['select', '--spec', 'retrain.yml', '--json'])
    expect(res.code, res.stderr).toBe(0)
    const selection = JSON.parse(res.stdout)
    expect(selection.refused).toEqual([{ version: 2, name: 'small', reason: "evaluated against champion version 1, but the plan's champion is version 3" }])
    // delta 2 on top of champion 3 (w = 4): above the ceiling, rejected by its own rules; nothing passes.
    expect(selection.decision).toBe('none')
    const after = await state(project)
    expect(after.champion).toBe(3)
    expect(after.versions.find(v => v.version === 2)!.status).toBe('candidate')
    expect(invariantViolations(after)).toEqual([])
  })

  it('refuses challengers that name undeclared params, values outside the param, or the same name twice, with file:line', async () => {
    const bad = `  typo: { detla: 0.5 }
  range: { delta: [1, "x"] }
  grid: { delta: [2, 3] }
  grid-delta-2: { delta: 9 }`
    const project = await makeProject('test/fixtures/toy', challengerSpec(bad))
    const res = await retrain(project, ['validate', '--spec', 'retrain.yml'])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/retrain\.yml:24:11: challengers\.typo: "detla" is not a declared param; did you mean "delta"\?/)
    expect(res.stderr).toMatch(/retrain\.yml:25:23: challengers\.range\.delta\[1\] must be a number \(got "x"\)/)
    expect(res.stderr).toMatch(/retrain\.yml:27:3: challenger name "grid-delta-2" is given twice \(also at line 26\)/)
    const name = await makeProject('test/fixtures/toy', challengerSpec('  Big_Name: { delta: 1 }'))
    const refused = await retrain(name, ['validate', '--spec', 'retrain.yml'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/retrain\.yml:24:3: .*a challenger name is 1 to 40 lower-case letters, digits or '-'/)
  })

  it("the example spec's challengers expand to the matrix the example workflow trains", async () => {
    const project = await makeProject('examples/cars-builtin')
    const res = await retrain(project, ['plan', '--spec', 'challengers.yml', '--json'])
    expect(res.code, res.stderr).toBe(0)
    expect(JSON.parse(res.stdout).include.map((e: { challenger: string; champion: string }) => `${e.challenger} ${e.champion}`)).toEqual([
      'lr-small none',
      'lr-large none',
      'grid-epochs-50-learning-rate-0.01 none',
      'grid-epochs-50-learning-rate-0.02 none',
      'grid-epochs-200-learning-rate-0.01 none',
      'grid-epochs-200-learning-rate-0.02 none'
    ])
  })

  it('run --challenger names a challenger of the spec', async () => {
    const project = await makeProject('test/fixtures/toy', challengerSpec(THREE))
    const res = await runChallenger(project, 'smal')
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/the spec has no challenger "smal"; did you mean "small"\? \(it names small, grid-delta-2, grid-delta-3\)/)
  })
})
