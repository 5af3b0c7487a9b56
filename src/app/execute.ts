/**
 * The application core: one `execute` per command, shared by every shell. A shell parses its own
 * inputs (CLI flags, action inputs) into a command, builds the ports, calls `execute`, and renders
 * the outcome in its own words. Outcomes and errors carry no flag or input names.
 *
 * Every command that may change the registry first completes what earlier commands left pending
 * (a refused deploy dispatch, a draft to delete), then what it committed itself.
 *
 * The engine's modules are imported by the commands that use them: validating a spec loads no
 * engine, listing the registry no metrics.
 */
import { InputError } from '../errors.js'
import { checkThreadKnobs } from '../thread-knobs.js'
import type { Actor, PromotionEffects } from '../engine/registry-commands.js'
import type { RunOptions, RunOutcome } from '../engine/run.js'
import type { CompareOutcome } from '../engine/compare-command.js'
import type { DriftReport } from '../engine/drift.js'
import type { ChallengerPlan } from '../engine/challenger-plan.js'
import type { SelectOutcome } from '../engine/challenger-select.js'
import type { FetchOutcome } from '../engine/fetch-command.js'
import type { RetentionOverrides } from '../engine/prune-command.js'
import type {
  ArtifactStore,
  Effect,
  EffectPerformer,
  EffectReport,
  Gate,
  PruneReport,
  PruneStage,
  Registry,
  RegistrySnapshot,
  Reporter,
  StepCacheStore
} from '../ports.js'
import type { ParamValue, Spec } from '../spec/types.js'

/** The ports a command works through; a shell builds them. */
export interface AppDeps {
  registry: Registry
  reporter: Reporter
  /** Where a gated candidate waits (run only). */
  gate?: Gate
  /** Workflow artifacts (the action); the CLI's output directory is durable already. */
  artifacts?: ArtifactStore
  /** Effects every promotion records in its commit (a deploy dispatch). */
  promotionEffects?: PromotionEffects
  /** Performs the shell's kinds of effects. */
  effectPerformers?: Record<string, EffectPerformer>
  /** The run-cache for steps that declare `cache:` (run only). */
  stepCache?: StepCacheStore
}

/** What a run needs beyond the ports: everything RunOptions holds except them. */
export type RunSettings = Omit<RunOptions, 'registry' | 'gate' | 'reporter' | 'artifacts' | 'promotionEffects' | 'effectPerformers' | 'stepCache'>

export type AppCommand =
  | { kind: 'run'; settings: RunSettings }
  | { kind: 'validate'; spec: Spec }
  | { kind: 'status'; model: string }
  | { kind: 'promote'; model: string; candidate: number; expectChampion: number | null; who: Actor }
  | { kind: 'approve'; model: string; version: number; who: Actor }
  | { kind: 'reject'; model: string; version: number; who: Actor }
  | { kind: 'rollback'; model: string; to?: number; who: Actor }
  | { kind: 'settle'; model: string }
  | { kind: 'redeploy'; model: string }
  /** A version's model files (default: the champion's), verified, into `dest` (absent or empty; `{version}` is replaced). */
  | { kind: 'fetch'; model: string; version?: number; dest: string }
  | { kind: 'compare'; spec: Spec; candidateFile: string; baselineFile: string }
  | { kind: 'drift'; spec: Spec; params: Record<string, ParamValue>; github?: Record<string, unknown> }
  | { kind: 'plan'; spec: Spec; params: Record<string, ParamValue>; github?: Record<string, unknown> }
  | { kind: 'select'; spec: Spec; params: Record<string, ParamValue>; plan?: string; who: Actor; dryRun?: boolean; github?: Record<string, unknown> }
  | {
      kind: 'prune'
      model: string
      spec: Spec | null
      overrides: RetentionOverrides
      dryRun?: boolean
      who: Actor
      noPolicy: string
      atStage?: (stage: PruneStage) => Promise<void>
    }

export type AppOutcome =
  | { kind: 'run'; run: RunOutcome }
  | { kind: 'validated'; spec: Spec; rules: number }
  | { kind: 'status'; snapshot: RegistrySnapshot }
  | {
      kind: 'promoted'
      model: string
      version: number
      how: 'promoted' | 'approved' | 'rolled-back'
      followUps: EffectReport
      /** A re-run's report of an earlier attempt's change: the champion now, when it is another version. */
      supersededBy?: number | null
      /** The version was the champion already: nothing changed, and nothing needed doing. */
      already?: true
    }
  | { kind: 'rejected'; model: string; version: number; followUps: EffectReport }
  | { kind: 'settled'; model: string; followUps: EffectReport }
  | { kind: 'redeployed'; model: string; version: number; followUps: EffectReport }
  | { kind: 'compared'; comparison: CompareOutcome }
  | { kind: 'drift'; report: DriftReport }
  | { kind: 'planned'; plan: ChallengerPlan }
  | { kind: 'selected'; selection: SelectOutcome; followUps: EffectReport }
  | { kind: 'fetched'; fetched: FetchOutcome }
  | { kind: 'pruned'; report: PruneReport; followUps: EffectReport | null }

/**
 * What of the follow-ups failed, stays unconfirmed, or was never reached, each said for a person
 * (`describe` says an error in the shell's words): the decision stands, the work is not finished.
 */
export function unfinished(report: EffectReport | null | undefined, describe: (err: unknown) => string = messageOf): string[] {
  return [
    ...[...(report?.failed ?? []), ...(report?.unconfirmed ?? [])].map(e => `${e.kind} of version ${e.version} (${e.error ?? 'no answer'})`),
    ...(report && 'interrupted' in report ? [`the follow-ups it recorded (completing them failed: ${describe(report.interrupted)})`] : [])
  ]
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function countRules(spec: Spec): number {
  return spec.metrics.reduce((n, m) => n + m.change.length + (m.min !== undefined ? 1 : 0) + (m.max !== undefined ? 1 : 0) + (m.slices ? 1 : 0), 0)
}

async function settle(deps: AppDeps, model: string, resend?: (e: Effect) => boolean): Promise<EffectReport> {
  return await deps.registry.settle(model, deps.effectPerformers ?? {}, resend)
}

/**
 * Completes the follow-ups of a change that has landed. Failing to (the registry unreadable for a
 * while) does not undo the change: it is reported as unfinished follow-ups, which stay pending for
 * the next command, and the command still says what it decided.
 */
async function settleAfterChange(deps: AppDeps, model: string, resend?: (e: Effect) => boolean): Promise<EffectReport> {
  try {
    return await settle(deps, model, resend)
  } catch (err) {
    return { done: [], failed: [], unconfirmed: [], interrupted: err }
  }
}

export async function execute(command: AppCommand, deps: AppDeps): Promise<AppOutcome> {
  // Read only where threads start, which a command may reach after a long training, or never.
  checkThreadKnobs(process.env)
  const effects = deps.promotionEffects
  switch (command.kind) {
    case 'validate':
      return { kind: 'validated', spec: command.spec, rules: countRules(command.spec) }
    case 'status':
      return { kind: 'status', snapshot: await deps.registry.snapshot(command.model) }
    case 'compare': {
      const { compareFiles } = await import('../engine/compare-command.js')
      return { kind: 'compared', comparison: await compareFiles(command.spec, command.candidateFile, command.baselineFile) }
    }
    case 'drift': {
      const { measureDrift } = await import('../engine/drift-command.js')
      return { kind: 'drift', report: await measureDrift(command.spec, deps.registry, command.params, command.github) }
    }
    case 'run': {
      if (!deps.gate) throw new Error('a run needs a gate')
      await settle(deps, command.settings.spec.model)
      const { runRetraining } = await import('../engine/run.js')
      const challenger =
        command.settings.challenger && (await import('../engine/challenger-plan.js')).findChallenger(command.settings.spec, command.settings.challenger.name)
      const run = await runRetraining({
        ...command.settings,
        // A challenger's params win over the defaults and the shell's overrides.
        ...(challenger && { params: { ...command.settings.params, ...challenger.params } }),
        registry: deps.registry,
        gate: deps.gate,
        reporter: deps.reporter,
        ...(deps.artifacts && { artifacts: deps.artifacts }),
        ...(effects && { promotionEffects: effects }),
        ...(deps.effectPerformers && { effectPerformers: deps.effectPerformers }),
        ...(deps.stepCache && { stepCache: deps.stepCache })
      })
      return { kind: 'run', run }
    }
    case 'plan': {
      const { makePlan } = await import('../engine/challenger-plan.js')
      return { kind: 'planned', plan: await makePlan(command.spec, command.params, deps.registry, command.github) }
    }
    case 'select': {
      if (!deps.gate) throw new Error('select needs a gate')
      const model = command.spec.model
      await settle(deps, model)
      const { makePlan } = await import('../engine/challenger-plan.js')
      const { selectCommand } = await import('../engine/challenger-select.js')
      const selection = await selectCommand({
        spec: command.spec,
        current: await makePlan(command.spec, command.params, deps.registry, command.github),
        ...(command.plan !== undefined && { plan: command.plan }),
        registry: deps.registry,
        gate: deps.gate,
        reporter: deps.reporter,
        who: { actor: command.who.actor, reason: command.who.reason ?? '' },
        ...(command.dryRun && { dryRun: true }),
        ...(effects && { promotionEffects: effects })
      })
      const followUps = selection.decision === 'skipped' ? await settle(deps, model) : await settleAfterChange(deps, model)
      // The challengers not selected are now prunable: the spec's retention applies, as after a run's commit.
      if (selection.decision !== 'skipped' && command.spec.retention) {
        const { pruneAfterRun } = await import('../engine/prune-command.js')
        await pruneAfterRun(deps.registry, command.spec, command.who.actor, deps.reporter)
      }
      return { kind: 'selected', selection, followUps }
    }
    case 'promote': {
      await settle(deps, command.model)
      const { promoteCandidate } = await import('../engine/registry-commands.js')
      const changed = await promoteCandidate(deps.registry, command.model, command.candidate, command.expectChampion, command.who, effects)
      const followUps = await settleAfterChange(deps, command.model)
      return { kind: 'promoted', model: command.model, version: command.candidate, how: 'promoted', followUps, ...(!changed && { already: true }) }
    }
    case 'approve': {
      await settle(deps, command.model)
      const { approveCandidate } = await import('../engine/registry-commands.js')
      const changed = await approveCandidate(deps.registry, command.model, command.version, command.who, effects)
      const followUps = await settleAfterChange(deps, command.model)
      return { kind: 'promoted', model: command.model, version: command.version, how: 'approved', followUps, ...(!changed && { already: true }) }
    }
    case 'rollback': {
      await settle(deps, command.model)
      const { rollback } = await import('../engine/registry-commands.js')
      const { version, changed } = await rollback(deps.registry, command.model, command.to, command.who, effects)
      const followUps = await settleAfterChange(deps, command.model)
      return { kind: 'promoted', model: command.model, version, how: 'rolled-back', followUps, ...(!changed && { already: true }) }
    }
    case 'reject': {
      await settle(deps, command.model)
      const { rejectCandidate } = await import('../engine/registry-commands.js')
      await rejectCandidate(deps.registry, command.model, command.version, command.who)
      return { kind: 'rejected', model: command.model, version: command.version, followUps: await settleAfterChange(deps, command.model) }
    }
    case 'fetch': {
      const { fetchVersion } = await import('../engine/fetch-command.js')
      return { kind: 'fetched', fetched: await fetchVersion(deps.registry, command.model, command.version, command.dest) }
    }
    case 'settle':
      return { kind: 'settled', model: command.model, followUps: await settle(deps, command.model) }
    case 'prune': {
      // The prune first: it completes the deletions an earlier prune left, and says so; then the rest.
      const { pruneCommand, retentionPolicy } = await import('../engine/prune-command.js')
      const report = await pruneCommand(deps.registry, command.model, retentionPolicy(command.spec, command.overrides), {
        ...(command.dryRun && { dryRun: true }),
        who: { actor: command.who.actor, reason: command.who.reason ?? '' },
        noPolicy: command.noPolicy,
        ...(command.atStage && { atStage: command.atStage })
      })
      return { kind: 'pruned', report, followUps: command.dryRun ? null : await settleAfterChange(deps, command.model) }
    }
    case 'redeploy': {
      const snapshot = await deps.registry.snapshot(command.model)
      const champion = snapshot.champion
      if (champion === null) throw new InputError([{ message: `${command.model} has no champion to deploy` }], 'no-champion')
      const requested = effects?.(champion) ?? []
      if (requested.length === 0) throw new InputError([{ message: `no deploy is configured for ${command.model}: nothing to send again` }], 'no-deploy')
      const waiting = (snapshot.effects ?? []).some(e => requested.some(r => r.kind === e.kind) && e.version === champion)
      if (!waiting) await deps.registry.apply(command.model, { kind: 'add-effects', effects: requested })
      // A person asked for it: an unconfirmed send of the champion's deploy goes out again.
      const followUps = await settleAfterChange(deps, command.model, e => e.version === champion && requested.some(r => r.kind === e.kind))
      return { kind: 'redeployed', model: command.model, version: champion, followUps }
    }
  }
}
