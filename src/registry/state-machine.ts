/**
 * The registry's semantics, written once for every store: version statuses, the transitions
 * between them, and the effects that must follow a committed transition.
 *
 *   (reserved) --register--> candidate | pending | rejected | promoted
 *   candidate, pending --promote/approve--> promoted      (the old champion becomes retired)
 *   rejected --promote/approve with force and a reason--> promoted
 *   candidate, pending --reject--> rejected
 *   candidates of one plan --select--> one promoted (or pending), the others not-selected
 *   not-selected --promote/approve with force and a reason--> promoted
 *   retired --rollback--> promoted
 *   rejected, not-selected, retired --prune--> the same status, its bundle marked pruned (retention)
 *
 * A prune keeps the version's record (status, metrics, lineage, history); it only marks the bundle
 * pruned and records the stored bundle's deletion as an effect in the same write. The mark comes
 * first, the deletion after: a crash in between leaves a bundle nobody points at, which the next
 * command deletes again, never a record pointing at a bundle that is gone. A pruned version never
 * becomes the champion again (registry/retention.ts says what retention never prunes).
 *
 * Each transition is a compare-and-swap on everything the decision read: the champion pointer and
 * the status of the version it acts on. A store only provides "replace the state if it is still
 * revision R" (a lock and an atomic rename locally, the blob sha on GitHub); a lost race re-reads
 * and re-applies the transition, whose preconditions are checked against what is really there.
 *
 * Effects that must follow a commit (publishing a release, deleting drafts, a deploy dispatch) are
 * written in the same commit as pending and completed by whoever runs next, idempotently (the
 * transactional outbox). A dispatch, which GitHub cannot deduplicate, is marked as sending before it
 * is sent, and a send whose answer was lost is never repeated without a person asking for it.
 */
import { randomBytes } from 'node:crypto'
import { ExitCode, InputError, RetrainError, StaleBaselineError, describeVersion } from '../errors.js'
import { PRUNE_EFFECT, pruneSelection, prunedNote, whyKept } from './retention.js'
import type {
  Effect,
  EffectInput,
  ExpectedVersion,
  HistoryAction,
  HistoryEvent,
  RegistrySnapshot,
  Transition,
  VersionRecord,
  VersionStatus,
  Who
} from '../ports.js'

/** A version number handed out but not (yet) registered: a run between its reservation and its commit. */
export interface Reservation {
  version: number
  /** Who reserved it: a host and process locally, a workflow run on GitHub. */
  owner: string
  at: string
  /**
   * When its run has certainly ended, whatever became of it: a job on a GitHub-hosted runner stops
   * after 6 hours. Absent where nothing bounds a run (a self-hosted runner, a local command).
   */
  expires?: string
}

/** A transition that was written, by its id: a writer whose answer was lost finds its own change here. */
export interface AppliedTransition {
  id: string
  result: TransitionResult
}

/**
 * What a transition returns: a version (reserve, register, promote, ...); for prune, the versions
 * this transition marked (one another prune marked first is not among them); for an effect's
 * outcome, 1 when this transition recorded it and 0 when another command had completed the effect.
 */
export type TransitionResult = number | number[] | null

export interface RegistryState extends RegistrySnapshot {
  /** The highest version number ever reserved, registered or not: numbers are never reused. */
  lastReserved: number
  reservations: Reservation[]
  effects: Effect[]
  /** The last transitions written (a bounded list), so that a retried write is recognised as done. */
  applied: AppliedTransition[]
}

/** How many applied transition ids the state remembers: far more than writers can race in one retry. */
export const APPLIED_MEMORY = 64

export function emptyState(model: string): RegistryState {
  return { model, champion: null, versions: [], history: [], lastReserved: 0, reservations: [], effects: [], applied: [] }
}

/** Fills what older state files lack, so every reader sees the same shape. */
export function normalizeState(model: string, raw: Partial<RegistryState>): RegistryState {
  const versions = raw.versions ?? []
  return {
    model,
    champion: raw.champion ?? null,
    versions,
    history: raw.history ?? [],
    lastReserved: Math.max(raw.lastReserved ?? 0, ...versions.map(v => v.version)),
    reservations: raw.reservations ?? [],
    effects: raw.effects ?? [],
    applied: raw.applied ?? []
  }
}

/** A transition found the state other than its caller saw it; nothing was changed. */
export class VersionChangedError extends RetrainError {
  constructor(model: string, expected: ExpectedVersion, actual: VersionRecord | undefined, by: HistoryEvent | undefined) {
    const now = actual ? actual.status : 'gone'
    const how = by ? ` (${by.action} by ${by.actor} at ${by.at})` : ''
    super(
      `version ${expected.version} of ${model} was ${expected.status} when this command read it, but it is ${now} now${how}; nothing was changed. ` +
        'Look at the status and decide again.',
      ExitCode.conflict,
      'version-changed'
    )
  }
}

/** The transitions a status allows; everything else is refused with the reason. */
const PROMOTABLE: Record<'promoted' | 'approved' | 'rollback', VersionStatus[]> = {
  promoted: ['candidate', 'pending', 'rejected', 'not-selected'],
  approved: ['candidate', 'pending', 'rejected', 'not-selected'],
  rollback: ['retired']
}

function refuse(message: string, reason: string): never {
  throw new InputError([{ message }], reason)
}

function checkExpected(state: RegistryState, expect: ExpectedVersion): VersionRecord {
  const record = state.versions.find(v => v.version === expect.version)
  if (!record || record.status !== expect.status) {
    throw new VersionChangedError(
      state.model,
      expect,
      record,
      state.history.findLast(e => e.version === expect.version)
    )
  }
  return record
}

function effectsFrom(inputs: EffectInput[], at: string): Effect[] {
  return inputs.map(e => ({ ...e, id: `${e.kind}-${e.version}-${randomBytes(4).toString('hex')}`, status: 'pending' as const, attempts: 0, createdAt: at }))
}

/** The state with `inputs` added as pending effects. */
export function addEffects(state: RegistryState, inputs: EffectInput[], at: string): RegistryState {
  return inputs.length ? { ...state, effects: [...state.effects, ...effectsFrom(inputs, at)] } : state
}

function event(state: RegistryState, version: number, action: HistoryAction, who: Who, at: string, forced = false): HistoryEvent {
  return {
    action,
    version,
    from: state.champion,
    actor: who.actor,
    at,
    reason: who.reason,
    ...(forced ? { forced } : {}),
    ...(who.run ? { run: who.run } : {})
  }
}

/** The champion moves to `version`; the old one is retired. */
function moveChampion(versions: VersionRecord[], from: number | null, to: number): VersionRecord[] {
  return versions.map(v =>
    v.version === to ? { ...v, status: 'promoted' as const } : v.version === from && from !== to ? { ...v, status: 'retired' as const } : v
  )
}

export interface Applied<T> {
  state: RegistryState
  result: T
}

/**
 * Applies one transition to the state read at revision R; throws (changing nothing) when a
 * precondition does not hold. Pure apart from the effect ids.
 */
export function applyTransition(state: RegistryState, t: Transition, at: string): Applied<TransitionResult> {
  switch (t.kind) {
    case 'reserve': {
      const version = state.lastReserved + 1
      return {
        state: {
          ...state,
          lastReserved: version,
          reservations: [
            ...state.reservations,
            { version, owner: t.owner, at, ...(t.lifetimeMs !== undefined && { expires: new Date(Date.parse(at) + t.lifetimeMs).toISOString() }) }
          ]
        },
        result: version
      }
    }
    case 'release-reservation':
      if (t.owner !== undefined && !state.reservations.some(r => r.version === t.version && r.owner === t.owner)) {
        refuse(`${state.model} version ${t.version} is no longer reserved by ${t.owner}`, 'reservation-changed')
      }
      return { state: { ...state, reservations: state.reservations.filter(r => r.version !== t.version) }, result: null }
    case 'register': {
      if (state.versions.some(v => v.version === t.version)) refuse(`${state.model} version ${t.version} is registered already`, 'already-registered')
      if (t.version > state.lastReserved) refuse(`${state.model} version ${t.version} was never reserved`, 'not-reserved')
      // Its reservation was given back (its run was taken for gone, and its bundle deleted): nothing may be registered under it.
      if (!state.reservations.some(r => r.version === t.version)) {
        throw new RetrainError(
          `${state.model} version ${t.version} is no longer reserved: its reservation was released because its run was taken for gone, and its stored bundle was deleted. Nothing was registered; run again.`,
          ExitCode.conflict,
          'reservation-released'
        )
      }
      const reservations = state.reservations.filter(r => r.version !== t.version)
      const record: VersionRecord = { ...t.record, version: t.version, status: t.status === 'promoted' ? 'candidate' : t.status }
      let versions = [...state.versions, record]
      const history = [
        ...state.history,
        event(state, t.version, t.status === 'candidate' ? 'registered' : t.status === 'promoted' ? 'registered' : t.status, t.who, at)
      ]
      let champion = state.champion
      if (t.status === 'promoted') {
        if (state.champion !== t.expectChampion) throw new StaleBaselineError(state.model, t.expectChampion, state.champion)
        versions = moveChampion(versions, state.champion, t.version)
        history.push(event(state, t.version, 'promoted', t.who, at))
        champion = t.version
      }
      return { state: { ...state, champion, versions, history, reservations, effects: addEffects(state, t.effects, at).effects }, result: t.version }
    }
    case 'promote': {
      const record = checkExpected(state, t.expect)
      // What the version is decides first: approving the champion or a retired one is no stale comparison,
      // whatever champion it was once compared with.
      if (state.champion === record.version) refuse(`version ${record.version} is already the champion of ${state.model}`, 'already-champion')
      if (record.pruned)
        refuse(`${state.model} version ${record.version} cannot become the champion: ${prunedNote(record.pruned)}; nothing was changed`, 'bundle-pruned')
      if (!PROMOTABLE[t.action].includes(record.status)) {
        if (t.action === 'rollback')
          refuse(`version ${record.version} was never promoted (${record.status}); roll back only to an earlier champion`, 'never-promoted')
        refuse(`version ${record.version} was already promoted; roll back to make it the champion again`, 'already-promoted')
      }
      if (state.champion !== t.expectChampion) throw new StaleBaselineError(state.model, t.expectChampion, state.champion)
      const forced = record.status === 'rejected' || record.status === 'not-selected'
      if (forced && (!t.forced || !t.who.reason.trim())) {
        // Who refused it and why, from the history: the run's decision alone ("pending-approval") does not say.
        const refusal = state.history.findLast(e => e.version === record.version && (e.action === 'rejected' || e.action === 'not-selected'))
        const why = refusal ? ` by ${refusal.actor}${refusal.reason ? ` (${refusal.reason})` : ''}` : ''
        refuse(`version ${record.version} was ${record.status}${why}; only a forced approval with a reason can promote it`, 'rejected-candidate')
      }
      const versions = moveChampion(state.versions, state.champion, record.version)
      const history = [...state.history, event(state, record.version, t.action, t.who, at, forced)]
      return { state: { ...state, champion: record.version, versions, history, effects: addEffects(state, t.effects, at).effects }, result: record.version }
    }
    case 'reject': {
      const record = checkExpected(state, t.expect)
      if (record.status !== 'pending' && record.status !== 'candidate') {
        refuse(`version ${record.version} is ${record.status}; only a pending candidate can be rejected`, 'not-pending')
      }
      const versions = state.versions.map(v => (v.version === record.version ? { ...v, status: 'rejected' as const } : v))
      const history = [...state.history, event(state, record.version, 'rejected', t.who, at)]
      return { state: { ...state, versions, history, effects: addEffects(state, t.effects, at).effects }, result: record.version }
    }
    case 'select': {
      if (state.champion !== t.expectChampion) throw new StaleBaselineError(state.model, t.expectChampion, state.champion)
      const all = [...(t.winner ? [t.winner] : []), ...t.others]
      for (const e of all) {
        const record = checkExpected(state, e.expect)
        if (record.status !== 'candidate') refuse(`version ${record.version} is ${record.status}; only candidates can be selected`, 'not-candidate')
      }
      const others = new Map(t.others.map(o => [o.expect.version, o.reason]))
      let versions = state.versions.map(v => (others.has(v.version) ? { ...v, status: 'not-selected' as const } : v))
      const history = [...state.history, ...t.others.map(o => event(state, o.expect.version, 'not-selected', { ...t.who, reason: o.reason }, at))]
      let champion = state.champion
      if (t.winner) {
        const { version } = t.winner.expect
        history.push(event(state, version, t.winner.status, { ...t.who, reason: t.winner.reason }, at))
        if (t.winner.status === 'promoted') {
          versions = moveChampion(versions, state.champion, version)
          champion = version
        } else {
          versions = versions.map(v => (v.version === version ? { ...v, status: 'pending' as const } : v))
        }
      }
      return { state: { ...state, champion, versions, history, effects: addEffects(state, t.effects, at).effects }, result: t.winner?.expect.version ?? null }
    }
    case 'add-effects':
      return { state: addEffects(state, t.effects, at), result: null }
    case 'prune': {
      // Checked against the state written, not the one the caller planned from: a version rolled back
      // to, approved, or newly protected meanwhile is refused. One pruned already (another prune
      // came first) is skipped, so that two prunes converge.
      const selected = new Set(pruneSelection(state, t.policy).map(c => c.version))
      const marking: number[] = []
      for (const e of t.expect) {
        const record = checkExpected(state, e)
        if (record.pruned) continue
        if (!selected.has(record.version)) {
          refuse(
            `${state.model} version ${record.version} is no longer pruned by the policy: ${whyKept(state, t.policy, record)}; nothing was pruned`,
            'not-prunable'
          )
        }
        marking.push(record.version)
      }
      if (marking.length === 0) return { state, result: [] }
      const mark = { at, actor: t.who.actor, reason: t.who.reason }
      const versions = state.versions.map(v => (marking.includes(v.version) ? { ...v, pruned: mark } : v))
      const history = [...state.history, ...marking.map(v => event(state, v, 'pruned', t.who, at))]
      const effects = addEffects(
        state,
        marking.map(version => ({ kind: PRUNE_EFFECT, version, data: {} })),
        at
      ).effects
      return { state: { ...state, versions, history, effects }, result: marking }
    }
    case 'effect': {
      const effect = state.effects.find(e => e.id === t.id)
      // Completed by another command meanwhile: nothing left to record.
      if (!effect) return { state, result: 0 }
      const versions = t.patch ? state.versions.map(v => (v.version === effect.version ? { ...v, ...t.patch, version: v.version } : v)) : state.versions
      const outcome = t.outcome
      const effects =
        outcome === 'done'
          ? state.effects.filter(e => e.id !== t.id)
          : state.effects.map((e): Effect =>
              e.id === t.id
                ? {
                    ...e,
                    status: outcome === 'retry' ? 'pending' : outcome,
                    attempts: e.attempts + (outcome === 'sending' ? 1 : 0),
                    ...(t.error !== undefined ? { error: t.error } : {})
                  }
                : e
            )
      return { state: { ...state, versions, effects }, result: 1 }
    }
  }
}

/** What every transition must leave true; checked by the tests after every step. */
export function invariantViolations(state: RegistryState): string[] {
  const problems: string[] = []
  const promoted = state.versions.filter(v => v.status === 'promoted')
  if (state.champion === null) {
    if (promoted.length) problems.push(`no champion, but versions ${promoted.map(v => v.version).join(', ')} are promoted`)
  } else {
    if (promoted.length !== 1 || promoted[0]!.version !== state.champion) {
      problems.push(`the champion is ${describeVersion(state.champion)}, but the promoted versions are [${promoted.map(v => v.version).join(', ')}]`)
    }
  }
  for (const v of state.versions) {
    if (v.pruned && (v.version === state.champion || v.status === 'promoted' || v.status === 'pending' || v.status === 'candidate'))
      problems.push(`version ${v.version} is ${v.version === state.champion ? 'the champion' : v.status}, but its bundle was pruned`)
  }
  const numbers = state.versions.map(v => v.version)
  if (new Set(numbers).size !== numbers.length) problems.push(`duplicate version numbers: ${numbers.join(', ')}`)
  if (numbers.some(n => n > state.lastReserved)) problems.push(`a version above the last reserved number ${state.lastReserved}`)
  // A rejected version reaches the champion only by a forced approval; once it was champion that way,
  // a later rollback to it restores an earlier champion like any other.
  const moves = new Set(['promoted', 'approved', 'rollback'])
  state.history.forEach((e, i) => {
    if (!moves.has(e.action) || e.forced) return
    const earlier = state.history.slice(0, i).filter(h => h.version === e.version)
    const rejectedAt = earlier.findLastIndex(h => h.action === 'rejected')
    if (rejectedAt >= 0 && !earlier.slice(rejectedAt + 1).some(h => moves.has(h.action)))
      problems.push(`version ${e.version} was rejected, then ${e.action} without force`)
  })
  return problems
}
