/**
 * Retention, the pure part: which versions' bundles a policy prunes, and which it never touches.
 * The state machine (state-machine.ts) checks a prune against this at the moment it writes; the
 * prune command (engine/prune-command.ts) uses it to plan and to explain.
 *
 * Never pruned, whatever the policy: the champion, pending versions (a gate waits on them),
 * candidates not yet decided, the champion a pending version or a candidate was compared with (its
 * baseline, which an approval expects), and the versions a rule of the spec compares with
 * (`against: N`). Reserved numbers have no version record and are never looked at.
 *
 * "Newest" is by version number: `keep-retired: 2` keeps the bundles of the two highest-numbered
 * former champions. A version whose bundle was pruned still counts among the versions of its kind.
 */
import type { PrunedMark, RegistrySnapshot, RetentionPolicy, VersionRecord, VersionStatus } from '../ports.js'

/** The effect a prune records for each bundle it marks: the stored bundle's deletion, done after the commit. */
export const PRUNE_EFFECT = 'delete-pruned-bundle'

/** The kinds of version each count applies to. */
const KINDS: { statuses: VersionStatus[]; key: 'keepRejected' | 'keepRetired'; name: string; what: string }[] = [
  { statuses: ['rejected', 'not-selected'], key: 'keepRejected', name: 'keep-rejected', what: 'rejected or not-selected' },
  { statuses: ['retired'], key: 'keepRetired', name: 'keep-retired', what: 'former champion' }
]

export interface PruneChoice {
  version: number
  status: VersionStatus
  /** Why the policy prunes it, for a person. */
  why: string
}

/** The versions retention never prunes, each with the reason, whatever the policy. */
export function protectedVersions(state: RegistrySnapshot, policy: RetentionPolicy = {}): Map<number, string> {
  const kept = new Map<number, string>()
  if (state.champion !== null) kept.set(state.champion, 'the champion')
  for (const v of state.versions) {
    if (v.status === 'promoted') kept.set(v.version, 'the champion')
    if (v.status === 'pending') kept.set(v.version, 'pending approval')
    if (v.status === 'candidate') kept.set(v.version, 'a candidate not yet decided')
  }
  for (const v of state.versions) {
    if ((v.status === 'pending' || v.status === 'candidate') && v.baselineVersion !== null && !kept.has(v.baselineVersion)) {
      kept.set(v.baselineVersion, `the champion ${v.status} version ${v.version} was compared with`)
    }
  }
  for (const n of policy.pinned ?? []) if (!kept.has(n)) kept.set(n, `a rule of the spec compares with it (against: ${n})`)
  // The pins of the spec as of the newest version, recorded with it: a prune that does not read the
  // spec keeps them too, and one whose spec dropped a pin since is told by the next version trained.
  const newest = state.versions.reduce<VersionRecord | null>((a, v) => (a === null || v.version > a.version ? v : a), null)
  for (const n of newest?.comparedWith ?? []) {
    if (!kept.has(n)) kept.set(n, `pinned by the rules version ${newest!.version} was compared with (against: ${n})`)
  }
  return kept
}

/** The versions whose bundles `policy` prunes now, oldest first; those pruned already are left out. */
export function pruneSelection(state: RegistrySnapshot, policy: RetentionPolicy): PruneChoice[] {
  const kept = protectedVersions(state, policy)
  const chosen: PruneChoice[] = []
  for (const kind of KINDS) {
    const keep = policy[kind.key]
    if (keep === undefined) continue
    const newestFirst = state.versions.filter(v => kind.statuses.includes(v.status)).sort((a, b) => b.version - a.version)
    for (const v of newestFirst.slice(keep)) {
      if (v.pruned || kept.has(v.version)) continue
      chosen.push({
        version: v.version,
        status: v.status,
        why: `${v.status}, older than the newest ${keep} ${kind.what} version${keep === 1 ? '' : 's'} (${kind.name}: ${keep})`
      })
    }
  }
  return chosen.sort((a, b) => a.version - b.version)
}

/** Why a version is not in the selection, for a refusal: protected, within the counts, or kept by default. */
export function whyKept(state: RegistrySnapshot, policy: RetentionPolicy, record: VersionRecord): string {
  const kept = protectedVersions(state, policy).get(record.version)
  if (kept) return `it is ${kept}`
  const kind = KINDS.find(k => k.statuses.includes(record.status))
  if (!kind || policy[kind.key] === undefined) return `the policy keeps every ${record.status} version`
  return `it is among the newest ${policy[kind.key]} ${kind.what} versions (${kind.name})`
}

/** The policy in words, for history entries and reports. */
export function describePolicy(policy: RetentionPolicy): string {
  const parts = KINDS.filter(k => policy[k.key] !== undefined).map(k => `${k.name}: ${policy[k.key]}`)
  return parts.length ? parts.join(', ') : 'keep everything'
}

/** The words every refusal and failed fetch of a pruned version uses. */
export function prunedNote(mark: PrunedMark): string {
  return `its bundle was pruned on ${mark.at.slice(0, 10)} by retention (${mark.reason}, by ${mark.actor}) and cannot be restored`
}
