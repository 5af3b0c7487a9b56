/**
 * Applying a retention policy to a registry, for every store: plan from the state (retention.ts),
 * mark the chosen bundles pruned in one compare-and-swap transition (which also records each
 * bundle's deletion as an effect), then delete the bundles by completing those effects.
 *
 * The mark is committed before anything is deleted: a crash in between leaves bundles nobody
 * points at, and their deletions pending in the state; the next prune (or any command that
 * completes pending effects) deletes them again, idempotently. A dry run reads and changes nothing.
 */
import { InputError } from '../errors.js'
import type { Effect, EffectPerformer, EffectReport, PruneOptions, PruneReport, PrunedBundle, RetentionPolicy, Transition, VersionRecord } from '../ports.js'
import { VersionChangedError, type RegistryState } from './state-machine.js'
import { PRUNE_EFFECT, describePolicy, pruneSelection } from './retention.js'

/** What a prune needs of the registry (version-registry.ts provides it). */
export interface PruneTarget {
  state(model: string): Promise<RegistryState>
  bundleBytes(model: string, record: VersionRecord): Promise<number | null>
  apply(model: string, t: Extract<Transition, { kind: 'prune' }>): Promise<number[]>
  settle(model: string, performers: Record<string, EffectPerformer>, resend: undefined, only: (e: Effect) => boolean): Promise<EffectReport>
}

/** A planned version changed before the write (rolled back to, approved): plan again, this many times at most. */
const MAX_PLANS = 4

export async function pruneVersions(registry: PruneTarget, model: string, policy: RetentionPolicy, options: PruneOptions): Promise<PruneReport> {
  const report: PruneReport = { model, policy, dryRun: Boolean(options.dryRun), pruned: [], deletedByOthers: [], cleanedUp: [], failed: [], bytesFreed: 0 }
  for (let plan = 1; ; plan++) {
    const state = await registry.state(model)
    // Only bundles that are stored: a version whose bundle a store cleaned up already has nothing to prune.
    const chosen: PrunedBundle[] = []
    for (const c of pruneSelection(state, policy)) {
      const bytes = await registry.bundleBytes(
        model,
        state.versions.find(v => v.version === c.version)!
      )
      if (bytes !== null) chosen.push({ ...c, bytes })
    }
    if (options.dryRun) {
      report.pruned = chosen
      report.cleanedUp = await leftovers(registry, model, state.effects)
      report.bytesFreed = sum([...report.pruned, ...report.cleanedUp])
      return report
    }
    if (chosen.length === 0) break
    await options.atStage?.('planned')
    try {
      const marked = await registry.apply(model, {
        kind: 'prune',
        expect: chosen.map(c => ({ version: c.version, status: c.status })),
        policy,
        who: { actor: options.who.actor, reason: options.who.reason || describePolicy(policy) }
      })
      // Those another prune at the same time marked first are its to report.
      report.pruned = chosen.filter(c => marked.includes(c.version))
      break
    } catch (err) {
      // Refused, nothing written: some version is no longer what the plan saw. Plan again from what is there.
      if (!(err instanceof InputError || err instanceof VersionChangedError) || plan >= MAX_PLANS) throw err
    }
  }
  await options.atStage?.('marked')
  try {
    return await deleteMarked(registry, model, report)
  } catch (err) {
    // The marks landed: a registry that cannot be read now leaves their deletions pending, said as failed ones.
    if (report.pruned.length === 0) throw err
    const error = `its deletion was not reached (${err instanceof Error ? err.message : String(err)})`
    report.failed = report.pruned.map(p => ({ version: p.version, error }))
    return report
  }
}

/** Completes every pending deletion of a pruned bundle: this prune's, and any an earlier one left. */
async function deleteMarked(registry: PruneTarget, model: string, report: PruneReport): Promise<PruneReport> {
  const state = await registry.state(model)
  const mine = new Set(report.pruned.map(p => p.version))
  const earlier = await leftovers(
    registry,
    model,
    state.effects.filter(e => !mine.has(e.version))
  )
  const sizes = new Map([...report.pruned, ...earlier].map(p => [p.version, p.bytes]))
  const settled = await registry.settle(model, {}, undefined, e => e.kind === PRUNE_EFFECT)
  const done = new Set(settled.done.map(e => e.version))
  report.cleanedUp = earlier.filter(p => done.has(p.version))
  report.failed = [...settled.failed, ...settled.unconfirmed].map(e => ({ version: e.version, error: e.error ?? 'unknown' }))
  // A deletion of this prune's that another command at the same time recorded first (before this one
  // settled, or as it did) is that command's to report, with its bytes: each deletion is reported once.
  const failed = new Set(report.failed.map(f => f.version))
  report.deletedByOthers = report.pruned.map(p => p.version).filter(v => !done.has(v) && !failed.has(v))
  report.bytesFreed = [...sizes].filter(([v]) => done.has(v)).reduce((n, [, b]) => n + (b ?? 0), 0)
  return report
}

/** The bundles of versions marked pruned whose deletion is still pending in the state. */
async function leftovers(registry: PruneTarget, model: string, effects: Effect[]): Promise<PrunedBundle[]> {
  const state = await registry.state(model)
  const out: PrunedBundle[] = []
  for (const e of effects) {
    const record = state.versions.find(v => v.version === e.version)
    if (e.kind !== PRUNE_EFFECT || !record?.pruned) continue
    out.push({
      version: record.version,
      status: record.status,
      why: `pruned on ${record.pruned.at.slice(0, 10)}; its deletion had not completed`,
      bytes: await registry.bundleBytes(model, record)
    })
  }
  return out
}

function sum(bundles: PrunedBundle[]): number {
  return bundles.reduce((n, p) => n + (p.bytes ?? 0), 0)
}
