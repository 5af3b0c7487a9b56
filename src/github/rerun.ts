/**
 * Re-runs. GitHub's "Re-run all jobs" and "Re-run failed jobs" keep GITHUB_RUN_ID and raise
 * GITHUB_RUN_ATTEMPT: a re-run is the same run. Every registry change the action makes carries the
 * identity of the step that made it (in the history), so a re-run finds what an earlier attempt
 * committed and finishes that (follow-ups, outputs) instead of registering or promoting again.
 */
import * as core from '@actions/core'
import { createHash } from 'node:crypto'
import { ExitCode, RetrainError } from '../errors.js'
import type { EffectReport, HistoryAction, HistoryEvent, Registry, RegistrySnapshot, RunIdentity, Transition } from '../ports.js'
import type { ParamValue } from '../spec/types.js'
import { Outputs } from './constants.js'
import { SummaryRoom, addToSummary } from './job-summary.js'
import { metricsOutput } from './output-limits.js'

/**
 * The identity of this step of this workflow run, the same on every attempt: the run's id, the job
 * and the step (GITHUB_ACTION names the step within its job), and what tells apart the legs of a
 * matrix running the same step (a challenger, the params). Null outside a workflow run.
 */
export function runIdentity(env: NodeJS.ProcessEnv, parts: string[] = []): RunIdentity | null {
  const id = env.GITHUB_RUN_ID
  if (!id) return null
  const attempt = Number(env.GITHUB_RUN_ATTEMPT)
  return {
    key: [id, env.GITHUB_JOB ?? '', env.GITHUB_ACTION ?? '', ...parts].join('/'),
    attempt: Number.isSafeInteger(attempt) && attempt > 0 ? attempt : 1
  }
}

/** A short digest of a run's params, for its identity (matrix legs that differ only in params). */
export function paramsDigest(params: Record<string, ParamValue>): string {
  const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return `params-${createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 12)}`
}

/** The inputs, besides params and challenger, that say what a run or select step works on. */
const IDENTITY_INPUTS = ['spec', 'registry', 'registry-branch', 'registry-dir', 'output-dir']

/**
 * A short digest of the inputs that say what the step works on: matrix legs, or two calls of one
 * reusable workflow, that differ in their spec or registry but not in their params share the run,
 * the job and the step, and would take each other's work for an earlier attempt of their own. Only
 * inputs that are the same on every attempt: not the token (a fresh one each attempt), nor a reason
 * that may name who started the re-run.
 */
export function inputsDigest(env: NodeJS.ProcessEnv): string {
  const inputs = IDENTITY_INPUTS.map(name => [name, (env[`INPUT_${name.replaceAll(' ', '_').toUpperCase()}`] ?? '').trim()])
  return `inputs-${createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 12)}`
}

/** The registry, with every change it makes stamped with the run that made it. */
export function withRunIdentity(registry: Registry, run: RunIdentity): Registry {
  return {
    description: registry.description,
    models: () => registry.models(),
    snapshot: model => registry.snapshot(model),
    fetchBundle: (model, version, destDir) => registry.fetchBundle(model, version, destDir),
    fetchManifest: (model, version, destDir) => registry.fetchManifest(model, version, destDir),
    reserveVersion: model => registry.reserveVersion(model),
    storeBundle: (model, version, bundleDir) => registry.storeBundle(model, version, bundleDir),
    abandonVersion: (model, version) => registry.abandonVersion(model, version),
    apply: (model, transition) => registry.apply(model, 'who' in transition ? ({ ...transition, who: { ...transition.who, run } } as Transition) : transition),
    settle: (model, performers, resend) => registry.settle(model, performers, resend),
    // A prune is idempotent (what is pruned already is skipped): a re-run has nothing to recognise.
    prune: (model, policy, options) => registry.prune(model, policy, options),
    ...(registry.reservations && { reservations: (model: string) => registry.reservations!(model) })
  }
}

/** Whether this is a re-run (attempt 2 or later): only a re-run reads the registry for an earlier attempt's work. */
export function isRerun(run: RunIdentity | null): run is RunIdentity {
  return run !== null && run.attempt > 1
}

/** Whether `e` is a change an earlier attempt of this run made with one of `actions`. */
function byEarlierAttempt(e: HistoryEvent, run: RunIdentity, actions: HistoryAction[]): boolean {
  return e.run !== undefined && sameStep(e.run.key, run.key) && e.run.attempt < run.attempt && actions.includes(e.action)
}

/**
 * Whether a recorded key is this step's. An attempt made by a version of the action whose keys had no
 * digest of the inputs (a floating tag may resolve to a newer version on a re-run) is recognised by
 * the rest of the key: a key recorded with the digest never matches that way.
 */
function sameStep(recorded: string, key: string): boolean {
  return recorded === key || recorded === key.replace(/\/inputs-[0-9a-f]{12}$/, '')
}

/** The newest change an earlier attempt of this run made with one of `actions` (on `version` when given). */
export function earlierChange(snapshot: RegistrySnapshot, run: RunIdentity | null, actions: HistoryAction[], version?: number): HistoryEvent | undefined {
  if (run === null) return undefined
  return snapshot.history.findLast(e => byEarlierAttempt(e, run, actions) && (version === undefined || e.version === version))
}

/** The history actions a run's commit (its register) writes first. */
export const REGISTERED: HistoryAction[] = ['registered', 'pending', 'rejected']

/** The history action each registry command writes. */
export const COMMAND_ACTION: Partial<Record<string, HistoryAction>> = {
  promote: 'promoted',
  approve: 'approved',
  reject: 'rejected',
  rollback: 'rollback'
}

/** What a re-run needs to finish an earlier attempt's run instead of training again. */
export interface EarlierRunDeps {
  model: string
  /** The metrics the spec judges: the first in the output "metrics" when it must leave some out. */
  judgedMetrics: string[]
  registry: Registry
  run: RunIdentity
  /** Completes what the earlier attempt left pending (a deploy, publishing the release). */
  settle: () => Promise<EffectReport>
  releaseUrl: (version: number) => Promise<string | null>
  /** Where the gate of a pending version is (its issue, or the promote command). */
  gateOf: (version: number, baseline: number | null) => Promise<string>
}

/**
 * A re-run of a run whose earlier attempt committed a version: nothing is trained or registered
 * again. The outputs describe that version as it is now; the follow-ups it left are completed.
 * Null when no earlier attempt of this run committed anything (then the re-run trains as usual).
 */
export async function finishEarlierRun(deps: EarlierRunDeps): Promise<{ code: number; followUps: EffectReport } | null> {
  if (!isRerun(deps.run)) return null
  const snapshot = await deps.registry.snapshot(deps.model)
  refuseSharedIdentity(snapshot, deps.run)
  const done = earlierChange(snapshot, deps.run, REGISTERED)
  const record = done && snapshot.versions.find(v => v.version === done.version)
  if (!done || !record) return null
  const version = record.version
  const what =
    `Attempt ${done.run?.attempt} of this workflow run already registered ${deps.model} version ${version} (${record.decision}); ` +
    `it is ${snapshot.champion === version ? 'the champion' : record.status} now. This re-run (attempt ${deps.run.attempt}) trains and registers nothing again; ` +
    'to retrain, start a new workflow run.'
  core.notice(what, { title: 'Re-run of a run that registered a version' })
  const followUps = await deps.settle()
  const superseded = record.decision === 'promoted' && snapshot.champion !== version
  if (superseded) core.warning(noLongerChampion(deps.model, version, snapshot.champion))
  core.setOutput(Outputs.decision, record.decision)
  // "true" only while the version is still the champion: a deploy keyed on it must not bring back a model replaced since.
  core.setOutput(Outputs.promoted, String(record.decision === 'promoted' && !superseded))
  core.setOutput(Outputs.candidateVersion, String(version))
  core.setOutput(Outputs.baselineVersion, record.baselineVersion === null ? '' : String(record.baselineVersion))
  core.setOutput(Outputs.expectChampion, record.baselineVersion === null ? 'none' : String(record.baselineVersion))
  core.setOutput(
    Outputs.metrics,
    metricsOutput(
      record.metrics,
      deps.judgedMetrics,
      "every metric is in the registry's record of the version and in the report artifact of the attempt that trained it"
    )
  )
  // The earlier attempt's result.json and report are in its own artifacts; this attempt made none.
  core.setOutput(Outputs.resultPath, '')
  core.setOutput(Outputs.reportPath, '')
  core.setOutput(Outputs.artifactIds, '')
  core.setOutput(Outputs.artifacts, '[]')
  core.setOutput(Outputs.gate, record.status === 'pending' ? await deps.gateOf(version, record.baselineVersion) : '')
  core.setOutput(Outputs.releaseUrl, (await deps.releaseUrl(version)) ?? '')
  await addToSummary(
    `> [!NOTE]\n> ${what} Its report is in the artifacts of attempt ${done.run?.attempt}.\n\n`,
    SummaryRoom.beforeFailure,
    'the log says the same'
  )
  return { code: record.decision === 'stale-baseline' ? ExitCode.conflict : ExitCode.ok, followUps }
}

/**
 * Two versions registered by one earlier attempt under this step's identity: two jobs of the run
 * that the identity does not tell apart (matrix legs that differ only in their env, say) both
 * registered. This re-run cannot know which was its own: adopting either could report another leg's
 * model as its own (and train nothing of its own), training again could register its leg twice. So
 * it stops, and says how to tell the legs apart.
 */
function refuseSharedIdentity(snapshot: RegistrySnapshot, run: RunIdentity): void {
  const byAttempt = new Map<number, Set<number>>()
  for (const e of snapshot.history) {
    if (!byEarlierAttempt(e, run, REGISTERED)) continue
    const versions = byAttempt.get(e.run!.attempt) ?? new Set<number>()
    byAttempt.set(e.run!.attempt, versions.add(e.version))
  }
  for (const [attempt, versions] of byAttempt) {
    if (versions.size < 2) continue
    throw new RetrainError(
      `attempt ${attempt} of this workflow run registered ${snapshot.model} versions ${[...versions].sort((a, b) => a - b).join(' and ')} from jobs this step cannot tell apart ` +
        '(the same run, job, step, params, spec, registry and output-dir: matrix legs that differ only in their env, say), so this re-run cannot know which was its own. ' +
        'Nothing was trained or changed. Give each leg its own output-dir (output-dir: out-${{ matrix.NAME }}) or params; to retrain now, start a new workflow run.',
      ExitCode.conflict,
      'rerun-ambiguous'
    )
  }
}

/** What a re-run says of a version an earlier attempt made the champion, which another has replaced since. */
export function noLongerChampion(model: string, version: number, champion: number | null): string {
  return (
    `${model} version ${version}, which an earlier attempt of this run made the champion, is no longer the champion ` +
    `(${champion === null ? 'there is none now' : `the champion is version ${champion} now`}): the output "promoted" is false, so that nothing deploys it again`
  )
}

/**
 * A re-run of a registry command (promote, approve, reject, rollback) whose earlier attempt made
 * its change: said, and reported as done, rather than refused because the change is there already.
 */
export async function earlierCommandChange(
  registry: Registry,
  model: string,
  run: RunIdentity | null,
  command: string,
  version: number | undefined
): Promise<HistoryEvent | null> {
  const action = COMMAND_ACTION[command]
  if (!isRerun(run) || action === undefined) return null
  const done = earlierChange(await registry.snapshot(model), run, [action], version)
  if (!done) return null
  core.notice(
    `Attempt ${done.run?.attempt} of this workflow run already made this change (${action} ${model} version ${done.version}, by ${done.actor}); ` +
      `this re-run (attempt ${run.attempt}) changes nothing and completes what it left pending`,
    { title: 'Re-run of a command that was done' }
  )
  return done
}

/**
 * A re-run of a select whose earlier attempt selected: its outputs from the registry (the plan, the
 * winner and how it was decided), the follow-ups it left completed, nothing selected again. Null
 * when no earlier attempt of this run selected anything.
 */
export async function finishEarlierSelect(deps: Omit<EarlierRunDeps, 'releaseUrl'>): Promise<{ code: number; followUps: EffectReport } | null> {
  if (!isRerun(deps.run)) return null
  const snapshot = await deps.registry.snapshot(deps.model)
  const events = snapshot.history.filter(e => byEarlierAttempt(e, deps.run, ['promoted', 'pending', 'not-selected']))
  if (events.length === 0) return null
  const winner = events.find(e => e.action !== 'not-selected')
  const decision = winner === undefined ? 'none' : winner.action === 'promoted' ? 'promoted' : 'pending-approval'
  const plan = snapshot.versions.find(v => v.version === events[0]!.version)?.challenger?.plan ?? ''
  core.notice(
    `Attempt ${events[0]!.run?.attempt} of this workflow run already selected among the challengers of plan ${plan || '(unknown)'} ` +
      `(${winner ? `version ${winner.version}: ${decision}` : 'none was selected'}); this re-run (attempt ${deps.run.attempt}) selects nothing again`,
    { title: 'Re-run of a select that was done' }
  )
  const followUps = await deps.settle()
  const superseded = decision === 'promoted' && snapshot.champion !== winner!.version
  if (superseded) core.warning(noLongerChampion(deps.model, winner!.version, snapshot.champion))
  core.setOutput(Outputs.plan, plan)
  core.setOutput(Outputs.decision, decision)
  core.setOutput(Outputs.promoted, String(decision === 'promoted' && !superseded))
  core.setOutput(Outputs.candidateVersion, winner ? String(winner.version) : '')
  const record = winner && snapshot.versions.find(v => v.version === winner.version)
  core.setOutput(Outputs.gate, record?.status === 'pending' ? await deps.gateOf(record.version, record.baselineVersion) : '')
  return { code: ExitCode.ok, followUps }
}
