/**
 * Retention's selection and the prune transition, on the state machine itself: what a policy takes,
 * what it never takes (the champion, pending versions, candidates, their baselines, versions a rule
 * compares with), and the compare-and-swap: a version that changed or became protected since the
 * plan is refused with nothing changed, one pruned already is skipped.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { retentionPolicy } from '../../src/engine/prune-command.js'
import { InputError } from '../../src/errors.js'
import type { VersionRecord, VersionStatus } from '../../src/ports.js'
import { PRUNE_EFFECT, pruneSelection } from '../../src/registry/retention.js'
import { VersionChangedError, applyTransition, emptyState, invariantViolations, type RegistryState } from '../../src/registry/state-machine.js'
import { loadSpec } from '../../src/spec/load.js'
import { toySpec } from '../helpers/project.js'

const AT = '2026-03-04T05:06:07.000Z'
const WHO = { actor: 'ops', reason: 'retention' }

function record(version: number, status: VersionStatus, baselineVersion: number | null = null): VersionRecord {
  return { version, status, baselineVersion, digest: 'd'.repeat(64), metrics: { score: version }, decision: status, createdAt: AT, storage: null }
}

/** 1-3 retired, 4-6 rejected, 7 not-selected, 8 pending (compared with 2), 9 a candidate (compared with 3), 10 the champion. */
function state(): RegistryState {
  const versions = [
    record(1, 'retired'),
    record(2, 'retired', 1),
    record(3, 'retired', 2),
    record(4, 'rejected', 3),
    record(5, 'rejected', 3),
    record(6, 'rejected', 3),
    record(7, 'not-selected', 3),
    record(8, 'pending', 2),
    record(9, 'candidate', 3),
    record(10, 'promoted', 3)
  ]
  return { ...emptyState('m'), champion: 10, versions, lastReserved: 10 }
}

const chosen = (s: RegistryState, policy: Parameters<typeof pruneSelection>[1]) => pruneSelection(s, policy).map(c => c.version)

describe('retention', () => {
  it('prunes beyond the counts, newest first by number, and never the champion, pending versions, candidates or their baselines', () => {
    expect(chosen(state(), {})).toEqual([])
    expect(chosen(state(), { keepRejected: 2 })).toEqual([4, 5])
    // 2 and 3 are the baselines of the pending version and the candidate: kept whatever the count.
    expect(chosen(state(), { keepRetired: 0 })).toEqual([1])
    expect(chosen(state(), { keepRejected: 0, keepRetired: 0 })).toEqual([1, 4, 5, 6, 7])
    expect(chosen(state(), { keepRejected: 0, keepRetired: 0, pinned: [1, 5] })).toEqual([4, 6, 7])
  })

  it('keeps the versions a rule of the spec compares with', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retention-'))
    const file = path.join(dir, 'retrain.yml')
    await writeFile(
      file,
      toySpec().replace('      - margin: 0\n', '      - margin: 0\n      - margin: -1\n        against: 4\n') + 'retention:\n  keep-rejected: 0\n'
    )
    const spec = await loadSpec(file)
    const policy = retentionPolicy(spec)!
    expect(policy).toEqual({ keepRejected: 0, pinned: [4] })
    expect(chosen(state(), policy)).toEqual([5, 6, 7])
    // A count given on the command line wins over the spec's; none at all is no policy.
    expect(retentionPolicy(spec, { keepRejected: 3 })).toMatchObject({ keepRejected: 3 })
    expect(retentionPolicy(null)).toBeNull()
  })

  it("keeps the pins the newest version recorded (comparedWith), and only the newest's", () => {
    const s = state()
    s.versions[9] = { ...s.versions[9]!, comparedWith: [1, 5] }
    expect(chosen(s, { keepRejected: 0, keepRetired: 0 })).toEqual([4, 6, 7])
    expect(pruneSelection(s, { keepRetired: 0 })).toEqual([])
    // An older version's pins are the spec of its day: a later version without them lets them go.
    const older = state()
    older.versions[8] = { ...older.versions[8]!, comparedWith: [1, 5] }
    expect(chosen(older, { keepRejected: 0, keepRetired: 0 })).toEqual([1, 4, 5, 6, 7])
  })

  it('the prune transition marks, records history and the deletions, and keeps each record', () => {
    const before = state()
    const { state: after, result } = applyTransition(
      before,
      {
        kind: 'prune',
        expect: [
          { version: 1, status: 'retired' },
          { version: 4, status: 'rejected' }
        ],
        policy: { keepRejected: 0, keepRetired: 0 },
        who: WHO
      },
      AT
    )
    expect(result).toEqual([1, 4])
    expect(after.versions.filter(v => v.pruned).map(v => [v.version, v.status, v.metrics.score])).toEqual([
      [1, 'retired', 1],
      [4, 'rejected', 4]
    ])
    expect(after.versions[0]!.pruned).toEqual({ at: AT, actor: 'ops', reason: 'retention' })
    expect(after.history.map(e => [e.action, e.version])).toEqual([
      ['pruned', 1],
      ['pruned', 4]
    ])
    expect(after.effects.map(e => [e.kind, e.version, e.status])).toEqual([
      [PRUNE_EFFECT, 1, 'pending'],
      [PRUNE_EFFECT, 4, 'pending']
    ])
    expect(invariantViolations(after)).toEqual([])

    // Again (another prune that planned the same): nothing left to do, nothing written.
    const again = applyTransition(after, { kind: 'prune', expect: [{ version: 1, status: 'retired' }], policy: { keepRetired: 0 }, who: WHO }, AT)
    expect(again.state).toBe(after)
    expect(again.result).toEqual([])

    // A pruned version never becomes the champion; the state is left as it was.
    expect(() =>
      applyTransition(
        after,
        { kind: 'promote', action: 'rollback', expect: { version: 1, status: 'retired' }, expectChampion: 10, who: WHO, forced: false, effects: [] },
        AT
      )
    ).toThrow(
      /m version 1 cannot become the champion: its bundle was pruned on 2026-03-04 by retention \(retention, by ops\) and cannot be restored; nothing was changed/
    )
    expect(() =>
      applyTransition(
        after,
        { kind: 'promote', action: 'approved', expect: { version: 4, status: 'rejected' }, expectChampion: 3, who: WHO, forced: true, effects: [] },
        AT
      )
    ).toThrow(/its bundle was pruned/)
  })

  it('refuses, changing nothing, a version that changed or became protected since the plan', () => {
    const rolledBack = state()
    rolledBack.champion = 1
    rolledBack.versions = rolledBack.versions.map(v => (v.version === 1 ? { ...v, status: 'promoted' } : v.version === 10 ? { ...v, status: 'retired' } : v))
    const planned = { kind: 'prune' as const, expect: [{ version: 1, status: 'retired' as const }], policy: { keepRetired: 0 }, who: WHO }
    expect(() => applyTransition(rolledBack, planned, AT)).toThrow(VersionChangedError)

    // A candidate compared with version 1 arrived since the plan: its baseline is protected now.
    const protectedNow = state()
    protectedNow.versions.push(record(11, 'candidate', 1))
    protectedNow.lastReserved = 11
    let refusal: unknown
    try {
      applyTransition(protectedNow, planned, AT)
    } catch (err) {
      refusal = err
    }
    expect(refusal).toBeInstanceOf(InputError)
    expect((refusal as InputError).problems[0]!.message).toMatch(
      /m version 1 is no longer pruned by the policy: it is the champion candidate version 11 was compared with; nothing was pruned/
    )
  })

  it('the invariants catch a pruned champion or pending version', () => {
    const s = state()
    s.versions = s.versions.map(v => (v.version === 10 || v.version === 8 ? { ...v, pruned: { at: AT, actor: 'x', reason: 'y' } } : v))
    expect(invariantViolations(s)).toEqual(['version 8 is pending, but its bundle was pruned', 'version 10 is the champion, but its bundle was pruned'])
  })
})
