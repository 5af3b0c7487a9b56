/**
 * What a person does with the registry between runs: promote a stored candidate, approve or reject
 * one that waits at the gate, roll back, and read the status. Both shells call these.
 */
import { InputError, describeVersion } from '../errors.js'
import type { Registry, RegistrySnapshot, VersionRecord } from '../ports.js'
import { formatNumber } from './format.js'
import { table } from './report.js'

export interface Actor {
  actor: string
  reason?: string
  /** Approving or promoting a candidate the rules rejected needs force and a reason. */
  force?: boolean
}

function findVersion(snapshot: RegistrySnapshot, version: number): VersionRecord {
  const record = snapshot.versions.find(v => v.version === version)
  if (!record) {
    const known = snapshot.versions.map(v => v.version).join(', ') || 'none'
    throw new InputError([{ message: `${snapshot.model} has no version ${version} (versions: ${known})` }], 'unknown-version')
  }
  return record
}

function checkRejected(record: VersionRecord, who: Actor, verb: string): boolean {
  if (record.status !== 'rejected') return false
  if (!who.force || !who.reason?.trim()) {
    throw new InputError(
      [{ message: `version ${record.version} was rejected by the rules (${record.decision}); to ${verb} it anyway pass --force and --reason "why"` }],
      'rejected-candidate'
    )
  }
  return true
}

/**
 * Promotes `candidate` if the champion is still `expectChampion`: the command a protected job runs
 * after a person approved the environment, and the way to split training and promotion across jobs.
 */
export async function promoteCandidate(registry: Registry, model: string, candidate: number, expectChampion: number | null, who: Actor): Promise<void> {
  const snapshot = await registry.snapshot(model)
  const record = findVersion(snapshot, candidate)
  if (snapshot.champion === candidate) throw new InputError([{ message: `version ${candidate} is already the champion of ${model}` }], 'already-champion')
  const forced = checkRejected(record, who, 'promote')
  await registry.promote(model, candidate, expectChampion, {
    action: 'promoted',
    actor: who.actor,
    reason: who.reason ?? `promoted by ${who.actor}, expected champion ${describeVersion(expectChampion)}`,
    ...(forced ? { forced } : {})
  })
}

/** Approves a candidate at the gate: promoted against the champion it was compared with, or stale-baseline. */
export async function approveCandidate(registry: Registry, model: string, version: number, who: Actor): Promise<void> {
  const snapshot = await registry.snapshot(model)
  const record = findVersion(snapshot, version)
  if (record.status === 'promoted' || record.status === 'retired') {
    throw new InputError([{ message: `version ${version} was already promoted; use rollback to make it the champion again` }], 'already-promoted')
  }
  const forced = checkRejected(record, who, 'approve')
  await registry.promote(model, version, record.baselineVersion, {
    action: 'approved',
    actor: who.actor,
    reason: who.reason ?? `approved by ${who.actor}`,
    ...(forced ? { forced } : {})
  })
}

export async function rejectCandidate(registry: Registry, model: string, version: number, who: Actor): Promise<void> {
  const snapshot = await registry.snapshot(model)
  const record = findVersion(snapshot, version)
  if (record.status !== 'pending' && record.status !== 'candidate') {
    throw new InputError([{ message: `version ${version} is ${record.status}; only a pending candidate can be rejected` }], 'not-pending')
  }
  await registry.setStatus(model, version, 'rejected', { action: 'rejected', actor: who.actor, reason: who.reason ?? `rejected by ${who.actor}` })
}

/** The champion before the current one, from the history of pointer moves. */
export function previousChampion(snapshot: RegistrySnapshot): number | null {
  const moves = snapshot.history.filter(e => ['promoted', 'approved', 'rollback'].includes(e.action))
  const last = moves.findLast(e => e.version === snapshot.champion)
  return last?.from ?? null
}

/** Rollback is a promotion of an earlier version, compared-and-swapped against the current champion. */
export async function rollback(registry: Registry, model: string, to: number | undefined, who: Actor): Promise<number> {
  const snapshot = await registry.snapshot(model)
  if (snapshot.champion === null) throw new InputError([{ message: `${model} has no champion to roll back` }], 'no-champion')
  const target = to ?? previousChampion(snapshot)
  if (target === null) throw new InputError([{ message: `${model} had no champion before version ${snapshot.champion}; name one with --to N` }], 'no-previous')
  const record = findVersion(snapshot, target)
  if (target === snapshot.champion) throw new InputError([{ message: `version ${target} is already the champion` }], 'already-champion')
  if (record.status === 'rejected' || record.status === 'pending' || record.status === 'candidate') {
    throw new InputError(
      [{ message: `version ${target} was never promoted (${record.status}); roll back only to an earlier champion, or use promote` }],
      'never-promoted'
    )
  }
  await registry.promote(model, target, snapshot.champion, {
    action: 'rollback',
    actor: who.actor,
    reason: who.reason ?? `rolled back from version ${snapshot.champion} by ${who.actor}`
  })
  return target
}

export function renderStatus(snapshot: RegistrySnapshot, metricNames: string[]): string {
  const lines = [`## ${snapshot.model}`, '', `Champion: ${describeVersion(snapshot.champion)}`, '']
  const pending = snapshot.versions.filter(v => v.status === 'pending')
  lines.push(`Pending approval: ${pending.length ? pending.map(v => `version ${v.version} (compared with ${describeVersion(v.baselineVersion)})`).join(', ') : 'none'}`, '')
  const names = metricNames.length ? metricNames : [...new Set(snapshot.versions.flatMap(v => Object.keys(v.metrics)))]
  if (snapshot.versions.length) {
    lines.push('### Versions', '')
    lines.push(
      table(
        ['version', 'status', 'baseline', ...names, 'created'],
        snapshot.versions.map(v => [
          String(v.version) + (v.version === snapshot.champion ? ' *' : ''),
          v.status,
          v.baselineVersion === null ? '—' : String(v.baselineVersion),
          ...names.map(n => formatNumber(v.metrics[n])),
          v.createdAt
        ])
      ),
      ''
    )
  }
  if (snapshot.history.length) {
    lines.push('### History', '')
    lines.push(
      table(
        ['when', 'action', 'version', 'from', 'who', 'why'],
        snapshot.history.map(e => [
          e.at,
          e.action + (e.forced ? ' (forced)' : ''),
          String(e.version),
          e.from === null ? '—' : String(e.from),
          e.actor,
          e.reason
        ])
      ),
      ''
    )
  }
  return lines.join('\n')
}
