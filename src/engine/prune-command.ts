/**
 * `retrain prune` (and the action's `command: prune`): the spec's retention policy, or the one the
 * command names, applied to the registry; and the same after a run that registered a version.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { InputError } from '../errors.js'
import type { PruneReport, PruneStage, Registry, Reporter, RetentionPolicy, Who } from '../ports.js'
import { describePolicy } from '../registry/retention.js'
import { pinnedVersions } from './rules.js'
import { preview } from '../spec/names.js'
import type { Spec } from '../spec/types.js'

/** Counts given on the command line or as action inputs; each wins over the spec's. */
export interface RetentionOverrides {
  keepRejected?: number
  keepRetired?: number
}

/**
 * The policy a prune applies: the spec's `retention:` with the overrides on top, plus the versions
 * the spec's rules compare with (never pruned). Null when nothing asks for any pruning.
 */
export function retentionPolicy(spec: Spec | null, overrides: RetentionOverrides = {}): RetentionPolicy | null {
  const keepRejected = overrides.keepRejected ?? spec?.retention?.keepRejected
  const keepRetired = overrides.keepRetired ?? spec?.retention?.keepRetired
  if (keepRejected === undefined && keepRetired === undefined) return null
  const pinned = spec ? pinnedVersions(spec) : []
  return {
    ...(keepRejected !== undefined && { keepRejected }),
    ...(keepRetired !== undefined && { keepRetired }),
    ...(pinned.length && { pinned })
  }
}

/** A count as written by a person (a flag, an input): a whole number of at least 0, or an error naming `where`. */
export function parseKeepCount(text: string, where: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw new InputError([{ message: `${where} must be a whole number of 0 or more, got ${preview(text)}` }], 'usage')
  return Number(text.trim())
}

export async function pruneCommand(
  registry: Registry,
  model: string,
  policy: RetentionPolicy | null,
  options: { dryRun?: boolean; who: Who; atStage?: (stage: PruneStage) => Promise<void>; noPolicy: string }
): Promise<PruneReport> {
  if (!policy) throw new InputError([{ message: `no retention policy for ${model}: ${options.noPolicy}` }], 'no-retention')
  return await registry.prune(model, policy, {
    ...(options.dryRun && { dryRun: true }),
    who: options.who,
    ...(options.atStage && { atStage: options.atStage })
  })
}

/**
 * After a run's commit, when the spec sets `retention:`. A plain step after the commit, not an
 * effect recorded in the commit: what to prune is decided from the registry as it is when the
 * prune writes (a later run, a rollback, an approval may change it), and the prune is its own
 * compare-and-swap transition with its own effects (the deletions), which any later command
 * completes. An effect would freeze a plan made at commit time and add a second outbox entry for
 * work that is safe to redo in full. Its failure only warns: the run's decision is made.
 */
export async function pruneAfterRun(registry: Registry, spec: Spec, actor: string, reporter: Pick<Reporter, 'info' | 'warn'>): Promise<PruneReport | null> {
  const policy = retentionPolicy(spec)
  if (!policy) return null
  try {
    const report = await registry.prune(spec.model, policy, { who: { actor, reason: '' } })
    if (report.pruned.length || report.cleanedUp.length) reporter.info(pruneSummary(report))
    for (const f of report.failed)
      reporter.warn(`retention: deleting the pruned bundle of version ${f.version} failed (${f.error}); it stays marked pruned and the next command deletes it`)
    return report
  } catch (err) {
    reporter.warn(`the decision is recorded, but applying the retention policy failed: ${(err as Error).message}; retrain prune applies it again`)
    return null
  }
}

/**
 * Test-only: RETRAIN_TEST_FAILPOINT=prune-marked:SIGKILL kills the command once its marks are
 * committed, before any bundle is deleted (the crash point between the two);
 * prune-planned:wait-for:FILE and prune-marked:wait-for:FILE hold it there until FILE exists (at most
 * a minute), having written FILE.waiting, so that a test runs another command exactly then.
 */
export function pruneHook(raw: string | undefined): ((stage: PruneStage) => Promise<void>) | undefined {
  const match = raw === undefined ? null : /^prune-(planned|marked):(SIGKILL|wait-for:(.+))$/.exec(raw)
  if (!match) return undefined
  const [, at, , file] = match
  return async stage => {
    if (stage !== at) return
    if (file === undefined) {
      process.kill(process.pid, 'SIGKILL')
      // Bounded: the signal ends the process before the loop does.
      for (let i = 0; i < 200; i++) await new Promise(resolve => setTimeout(resolve, 5))
      return
    }
    writeFileSync(`${file}.waiting`, '')
    for (let i = 0; i < 3000 && !existsSync(file); i++) await new Promise(resolve => setTimeout(resolve, 20))
  }
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`
}

function versionsOf(list: { version: number }[]): string {
  return `version${list.length === 1 ? '' : 's'} ${list.map(p => p.version).join(', ')}`
}

/** One line: what was (or would be) pruned and freed. */
export function pruneSummary(r: PruneReport): string {
  const verb = r.dryRun ? 'Would prune' : 'Pruned'
  const parts = [
    r.pruned.length ? `${verb} the bundles of ${r.model} ${versionsOf(r.pruned)}` : `${r.dryRun ? 'Would prune' : 'Pruned'} no bundle of ${r.model}`,
    ...(r.deletedByOthers.length
      ? [
          `another command at the same time deleted the bundle${r.deletedByOthers.length === 1 ? '' : 's'} of ${versionsOf(r.deletedByOthers.map(version => ({ version })))} first`
        ]
      : []),
    ...(r.cleanedUp.length ? [`${r.dryRun ? 'would delete' : 'deleted'} the leftover bundles of earlier pruned ${versionsOf(r.cleanedUp)}`] : [])
  ]
  return `${parts.join('; ')} (${describePolicy(r.policy)}): ${formatBytes(r.bytesFreed)} ${r.dryRun ? 'would be freed' : 'freed'}${r.dryRun ? '; nothing changed (dry run)' : ''}`
}

/** The report for a person: the summary, then one line a version. */
export function renderPrune(r: PruneReport): string {
  const lines = [pruneSummary(r)]
  const byOthers = new Set(r.deletedByOthers)
  for (const p of [...r.pruned, ...r.cleanedUp])
    lines.push(
      `  version ${p.version} (${p.status}): ${p.bytes === null ? 'size unknown' : formatBytes(p.bytes)}; ${p.why}` +
        (byOthers.has(p.version) ? '; its bundle was deleted by another command at the same time (not counted as freed here)' : '')
    )
  for (const f of r.failed)
    lines.push(`  version ${f.version}: deleting its bundle failed (${f.error}); it stays marked pruned, and the next command deletes it`)
  return lines.join('\n')
}
