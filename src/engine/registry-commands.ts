/**
 * What a person does with the registry between runs: promote a stored candidate, approve or reject
 * one that waits at the gate, roll back, and read the status. Both shells call these.
 */
import { InputError, StaleBaselineError, describeVersion } from '../errors.js'
import type { EffectInput, Registry, RegistrySnapshot, VersionRecord } from '../ports.js'
import { formatNumber } from './format.js'
import { table } from './report.js'

export interface Actor {
  actor: string
  reason?: string
  /** Approving or promoting a candidate the rules rejected needs force and a reason. */
  force?: boolean
}

/** Effects a promotion must be followed by (a deploy dispatch), written in the same commit. */
export type PromotionEffects = (version: number) => EffectInput[]

const noEffects: PromotionEffects = () => []

/**
 * Applies a promotion; false when its version is the champion already (checked by the state machine
 * under the compare-and-swap): what was asked holds, nothing changed and nothing needed doing.
 */
async function promoteUnlessChampion(registry: Registry, model: string, transition: Parameters<Registry['apply']>[1]): Promise<boolean> {
  try {
    await registry.apply(model, transition)
    return true
  } catch (err) {
    if (err instanceof InputError && err.reason === 'already-champion') return false
    throw err
  }
}

function findVersion(snapshot: RegistrySnapshot, version: number): VersionRecord {
  const record = snapshot.versions.find(v => v.version === version)
  if (!record) {
    const known = snapshot.versions.map(v => v.version).join(', ') || 'none'
    throw new InputError([{ message: `${snapshot.model} has no version ${version} (versions: ${known})` }], 'unknown-version')
  }
  return record
}

/**
 * Promotes `candidate` if the champion is still `expectChampion`: the command a protected job runs
 * after a person approved the environment, and the way to split training and promotion across jobs.
 */
export async function promoteCandidate(
  registry: Registry,
  model: string,
  candidate: number,
  expectChampion: number | null,
  who: Actor,
  effects: PromotionEffects = noEffects
): Promise<boolean> {
  const snapshot = await registry.snapshot(model)
  const record = findVersion(snapshot, candidate)
  // The compare-and-swap is against the champion the candidate was compared with: naming today's
  // champion instead must not promote a candidate that was never compared with it.
  // What the version is decides first (already the champion, retired): the state machine says so.
  const undecided = ['candidate', 'pending', 'rejected', 'not-selected'].includes(record.status)
  if (undecided && record.baselineVersion !== expectChampion) {
    if (snapshot.champion !== record.baselineVersion) throw new StaleBaselineError(model, record.baselineVersion, snapshot.champion)
    throw new StaleBaselineError(
      model,
      expectChampion,
      snapshot.champion,
      `${model} version ${candidate} was compared with ${describeVersion(record.baselineVersion)}, which is still the champion, not with ${describeVersion(expectChampion)}; ` +
        'nothing was promoted. Name the champion it was compared with.'
    )
  }
  return await promoteUnlessChampion(registry, model, {
    kind: 'promote',
    action: 'promoted',
    expect: { version: candidate, status: record.status },
    expectChampion,
    who: { actor: who.actor, reason: who.reason ?? `promoted by ${who.actor}, expected champion ${describeVersion(expectChampion)}` },
    forced: Boolean(who.force),
    effects: effects(candidate)
  })
}

/**
 * Approves a candidate at the gate: promoted against the champion it was compared with, or
 * stale-baseline; false when it is the champion already.
 */
export async function approveCandidate(
  registry: Registry,
  model: string,
  version: number,
  who: Actor,
  effects: PromotionEffects = noEffects
): Promise<boolean> {
  const record = findVersion(await registry.snapshot(model), version)
  return await promoteUnlessChampion(registry, model, {
    kind: 'promote',
    action: 'approved',
    expect: { version, status: record.status },
    expectChampion: record.baselineVersion,
    who: { actor: who.actor, reason: who.reason ?? `approved by ${who.actor}` },
    forced: Boolean(who.force),
    effects: effects(version)
  })
}

export async function rejectCandidate(registry: Registry, model: string, version: number, who: Actor): Promise<void> {
  const record = findVersion(await registry.snapshot(model), version)
  await registry.apply(model, {
    kind: 'reject',
    expect: { version, status: record.status },
    who: { actor: who.actor, reason: who.reason ?? `rejected by ${who.actor}` },
    effects: []
  })
}

/**
 * The champion before the current one, from the history of pointer moves. A rollback steps back
 * along the line of champions, never forward: after 1, 2, 3 and a rollback to 2, the previous
 * champion is 1, not 3 (the version just rolled away from), so rolling back twice goes back twice.
 */
export function previousChampion(snapshot: RegistrySnapshot): number | null {
  const moves = snapshot.history.filter(e => ['promoted', 'approved', 'rollback'].includes(e.action))
  const line: number[] = []
  for (const e of moves) {
    const at = e.action === 'rollback' ? line.lastIndexOf(e.version) : -1
    if (at >= 0) line.length = at + 1
    else line.push(e.version)
  }
  if (line.at(-1) === snapshot.champion) return line.length >= 2 ? line.at(-2)! : null
  // A history that does not end at the champion (it should): the move that made it champion says where from.
  return moves.findLast(e => e.version === snapshot.champion)?.from ?? null
}

/**
 * Rollback is a promotion of an earlier champion, compared-and-swapped against the current champion;
 * `changed` is false when the version named is the champion already.
 */
export async function rollback(
  registry: Registry,
  model: string,
  to: number | undefined,
  who: Actor,
  effects: PromotionEffects = noEffects
): Promise<{ version: number; changed: boolean }> {
  const snapshot = await registry.snapshot(model)
  if (snapshot.champion === null) throw new InputError([{ message: `${model} has no champion to roll back` }], 'no-champion')
  const target = to ?? previousChampion(snapshot)
  if (target === null)
    throw new InputError([{ message: `${model} had no champion before version ${snapshot.champion}; name the version to roll back to` }], 'no-previous')
  const record = findVersion(snapshot, target)
  const changed = await promoteUnlessChampion(registry, model, {
    kind: 'promote',
    action: 'rollback',
    expect: { version: target, status: record.status },
    expectChampion: snapshot.champion,
    who: { actor: who.actor, reason: who.reason ?? `rolled back from version ${snapshot.champion} by ${who.actor}` },
    forced: false,
    effects: effects(target)
  })
  return { version: target, changed }
}

/** Versions and history entries `status` shows unless asked for all. */
export const STATUS_LIMIT = 30

/**
 * The registry as Markdown: the newest `limit` versions (and the champion and pending versions,
 * however old) and the newest `limit` history entries, each saying how many older ones it leaves out.
 */
export function renderStatus(
  snapshot: RegistrySnapshot,
  metricNames: string[],
  { limit = STATUS_LIMIT, rest = '--all shows every one' }: { limit?: number; rest?: string } = {}
): string {
  const lines = [`## ${snapshot.model}`, '', `Champion: ${describeVersion(snapshot.champion)}`, '']
  const pending = snapshot.versions.filter(v => v.status === 'pending')
  lines.push(
    `Pending approval: ${pending.length ? pending.map(v => `version ${v.version} (compared with ${describeVersion(v.baselineVersion)})`).join(', ') : 'none'}`,
    ''
  )
  // A pending version compared with another champion than today's can no longer be approved as it is
  // (its comparison is stale): say so, and what to do, rather than leave it waiting.
  const stale = pending.filter(v => v.baselineVersion !== snapshot.champion)
  if (stale.length) {
    lines.push(
      `Stale: ${stale.map(v => `version ${v.version}`).join(', ')} ${stale.length === 1 ? 'was' : 'were'} compared with another champion than ${describeVersion(snapshot.champion)}, so ` +
        `${stale.length === 1 ? 'it' : 'they'} cannot be approved as ${stale.length === 1 ? 'it is' : 'they are'}: reject ${stale.length === 1 ? 'it' : 'them'} (\`retrain reject VERSION\`, or \`command: reject\` in the action) and run again to compare with today's champion.`,
      ''
    )
  }
  const reserved = snapshot.reservations ?? []
  if (reserved.length) {
    // A number held by a run under way, or by one that was lost: it is given back when its run is known to be gone.
    lines.push(
      `Reserved by runs not yet committed: ${reserved
        .map(r => `version ${r.version} (by ${r.owner} since ${r.at}${r.expires ? `; given back after ${r.expires} if its run was lost` : ''})`)
        .join(', ')}`,
      ''
    )
  }
  const effects = snapshot.effects ?? []
  if (effects.length) {
    lines.push(`Follow-ups not yet done: ${effects.map(e => `${e.kind} of version ${e.version} (${e.status}${e.error ? `: ${e.error}` : ''})`).join('; ')}`, '')
  }
  const names = metricNames.length ? metricNames : [...new Set(snapshot.versions.flatMap(v => Object.keys(v.metrics)))]
  if (snapshot.versions.length) {
    // Each evaluation set gets a letter in the order it appeared: only metrics with the same letter compare.
    // The column shows only once the data changed: with one set, a column of "A" says nothing and explains nothing.
    const seen = [...new Set(snapshot.versions.map(v => v.evaluationData).filter((d): d is string => Boolean(d)))]
    const sets = seen.length > 1 ? seen : []
    const letter = (d: string | null | undefined) =>
      d ? String.fromCharCode(65 + (sets.indexOf(d) % 26)) + (sets.indexOf(d) >= 26 ? String(Math.floor(sets.indexOf(d) / 26)) : '') : '—'
    const newest = snapshot.versions.length - limit
    const shown = snapshot.versions.filter((v, i) => i >= newest || v.version === snapshot.champion || v.status === 'pending')
    lines.push('### Versions', '')
    lines.push(
      table(
        ['version', 'status', 'baseline', ...names, ...(sets.length ? ['evaluated on'] : []), 'created'],
        shown.map(v => [
          String(v.version) + (v.version === snapshot.champion ? ' *' : ''),
          v.status + (v.pruned ? `, bundle pruned ${v.pruned.at.slice(0, 10)}` : ''),
          v.baselineVersion === null ? '—' : String(v.baselineVersion),
          ...names.map(n => formatNumber(v.metrics[n])),
          ...(sets.length ? [letter(v.evaluationData)] : []),
          v.createdAt
        ])
      ),
      ''
    )
    if (shown.length < snapshot.versions.length) lines.push(`${snapshot.versions.length - shown.length} older versions not shown (${rest}).`, '')
    if (sets.length > 1) {
      const changes = snapshot.versions.filter(
        (v, i) => i > 0 && v.evaluationData && v.evaluationData !== snapshot.versions.slice(0, i).findLast(p => p.evaluationData)?.evaluationData
      )
      lines.push(
        `The evaluation data changed at version${changes.length === 1 ? '' : 's'} ${changes.map(v => v.version).join(', ')}: ` +
          'metrics compare only between versions evaluated on the same data (the same letter).',
        ''
      )
    }
  }
  if (snapshot.history.length) {
    lines.push('### History', '')
    lines.push(
      table(
        ['when', 'action', 'version', 'from', 'who', 'why'],
        snapshot.history
          .slice(Math.max(0, snapshot.history.length - limit))
          .map(e => [e.at, e.action + (e.forced ? ' (forced)' : ''), String(e.version), e.from === null ? '—' : String(e.from), e.actor, e.reason])
      ),
      ''
    )
    const older = snapshot.history.length - limit
    if (older > 0) lines.push(`${older} older history entries not shown (${rest}).`, '')
  }
  return lines.join('\n')
}
