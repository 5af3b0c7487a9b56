/**
 * The action's entry logic: one typed settings object from the inputs, the engine with the GitHub
 * shell's ports (Releases registry, workflow artifacts, environment or issue gate, job summary),
 * then outputs. Anything thrown fails the step with its message.
 */
import * as core from '@actions/core'
import { logText } from './log.js'
import { DefaultArtifactClient } from '@actions/artifact'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CancelledError, ExitCode, InputError, RetrainError, formatProblem } from '../errors.js'
import { inheritableEnv } from '../engine/contract.js'
import { execute, unfinished, type AppCommand, type AppDeps, type AppOutcome } from '../app/execute.js'
import { heartbeatMs, stageHook } from '../app/knobs.js'
import { renderStatus, type PromotionEffects } from '../engine/registry-commands.js'
import { DirectoryRegistry } from '../registry/directory-registry.js'
import type { ArtifactRef, ArtifactStore, EffectPerformer, EffectReport, Gate, Registry, StepCacheStore } from '../ports.js'
import { EffectRefusedError, GITHUB_HOSTED_RUN_LIMIT_MS, VersionRegistry } from '../registry/version-registry.js'
import { loadSpec } from '../spec/load.js'
import { resolveParams } from '../spec/params.js'
import type { Spec } from '../spec/types.js'
import { TOOL_VERSION } from '../version.js'
import { WorkflowArtifactStore, onEnterpriseServer } from './artifact-store.js'
import { Inputs, Outputs } from './constants.js'
import { eventParams, readEventPayload, withoutEmptyInputs, type EventPayload } from './events.js'
import {
  EnvironmentGate,
  IssueGate,
  checkGateEnvironment,
  environmentReviewer,
  environmentWarning,
  openGateIssues,
  promoteCommand,
  type EnvironmentReviewer
} from './gates.js'
import { closeMootGates } from './moot-gates.js'
import { historyChart } from './history-chart.js'
import { planCommand, selectCommand, selectIsDry } from './challenger-commands.js'
import { cutRequestsOnCancel } from '../registry/github/cancellation.js'
import { getSettings, isDry, type ActionSettings } from './inputs.js'
import { handleGateComment, type CommentEvent } from './issue-approval.js'
import { JobReporter } from './job-reporter.js'
import { routineAnnotation } from './annotations.js'
import { SummaryRoom, addToSummary } from './job-summary.js'
import { createGitHubClient, statusOf, type GitHubClient } from '../registry/github/octokit.js'
import { upsertDryRunComment } from './pull-request-comment.js'
import { metricsOutput } from './output-limits.js'
import { DecisionOutputs } from './decision-outputs.js'
import { ReleasesRegistry } from '../registry/github/releases-registry.js'
import { actionStepCache } from './step-cache.js'
import { checkContentsWritable, checkDispatchAllowed, checkIssuesWritable, missingPermission, permissionFix } from './permissions.js'
import {
  earlierChange,
  earlierCommandChange,
  noLongerChampion,
  finishEarlierRun,
  finishEarlierSelect,
  inputsDigest,
  isRerun,
  type EarlierRunDeps,
  paramsDigest,
  runIdentity,
  withRunIdentity
} from './rerun.js'
import type { RunIdentity } from '../ports.js'
import type { GithubContextField } from '../spec/expressions.js'

function githubContext(): Record<GithubContextField, string> {
  const env = process.env
  return {
    event_name: env.GITHUB_EVENT_NAME ?? '',
    repository: env.GITHUB_REPOSITORY ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    triggering_actor: env.GITHUB_TRIGGERING_ACTOR ?? '',
    run_id: env.GITHUB_RUN_ID ?? '',
    run_attempt: env.GITHUB_RUN_ATTEMPT ?? '',
    workflow: env.GITHUB_WORKFLOW ?? ''
  }
}

/**
 * Timing knobs read from the environment, for slow networks and for tests; the defaults follow
 * GitHub's guidance (1 s retry base, 1 s between writes).
 */
function tuning(env: NodeJS.ProcessEnv) {
  const number = (name: string, fallback: number): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < 0)
      throw new InputError([{ message: `environment variable ${name} must be a number of milliseconds >= 0, got "${raw}"` }])
    return value
  }
  return {
    retryBaseMs: number('RETRAIN_RETRY_BASE_MS', 1000),
    timeoutMs: number('RETRAIN_HTTP_TIMEOUT_MS', 120_000),
    writeIntervalMs: number('RETRAIN_WRITE_INTERVAL_MS', 1000),
    assetPartBytes: number('RETRAIN_ASSET_PART_BYTES', 0) || undefined
  }
}

function repository(): { owner: string; repo: string } {
  const [owner, repo] = (process.env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo)
    throw new InputError([
      { message: 'GITHUB_REPOSITORY is not set (owner/name): the GitHub registry and gates need it; use "registry: directory" outside GitHub' }
    ])
  return { owner, repo }
}

function runUrl(): string | undefined {
  const { GITHUB_SERVER_URL: server = 'https://github.com', GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = process.env
  return repo && id ? `${server}/${repo}/actions/runs/${id}` : undefined
}

interface Shell {
  settings: ActionSettings
  spec: Spec
  registry: Registry
  /** The GitHub store behind the registry, for release links; null for the directory registry. */
  releases: ReleasesRegistry | null
  /** Null when no token was given (the directory registry needs none). */
  github: GitHubClient | null
  tune: ReturnType<typeof tuning>
  /** This step of this workflow run, stamped on every registry change; null outside a workflow run. */
  run: RunIdentity | null
}

function needGitHub(shell: Pick<Shell, 'github'>, what: string): GitHubClient {
  if (!shell.github) {
    // A secret given as the token is empty where secrets are withheld: pull requests from forks.
    const fork = (process.env.GITHUB_EVENT_NAME ?? '').startsWith('pull_request') ? '; a secret passed as "token" is empty on a pull request from a fork' : ''
    throw new InputError([{ message: `${what} needs GitHub's API, but the input "token" is empty; leave it at its default (github.token)${fork}` }])
  }
  return shell.github
}

/**
 * Events made with GITHUB_TOKEN start no workflows, except dispatches: a promotion starts the deploy.
 * The dispatch is an effect of the promotion, recorded in the same registry write and sent after it,
 * so a refused or lost dispatch is never lost for good (see `settle` and `redeploy`).
 */
function deployEffects(shell: Shell): PromotionEffects {
  const workflow = shell.settings.dispatchWorkflow
  if (!workflow) return () => []
  const ref = shell.settings.dispatchRef ?? process.env.GITHUB_REF ?? ''
  if (!ref) throw new InputError([{ message: 'input "dispatch-workflow" is set but no ref is known: set "dispatch-ref"' }])
  return version => [{ kind: 'dispatch', version, data: { workflow, ref, model: shell.spec.model } }]
}

/** Sends a recorded dispatch once; GitHub has no idempotency key for it, so it is never retried blindly. */
function effectPerformers(shell: Shell): Record<string, EffectPerformer> {
  return {
    dispatch: async effect => {
      const { workflow, ref, model } = effect.data as { workflow: string; ref: string; model: string }
      // A deploy left unsent (refused, then retried) whose version is no longer the champion is not
      // sent: it would deploy a model promoted over or rolled back from after the champion's own deploy.
      // Nothing is sent before this read: when it fails, the dispatch is known unsent (refused), to be sent by the next command.
      const champion = await shell.registry.snapshot(model).then(
        s => s.champion,
        (err: unknown) => {
          throw new EffectRefusedError(
            `the registry could not be read to check that version ${effect.version} is still the champion (${errorText(err)}); nothing was sent`
          )
        }
      )
      if (champion !== effect.version) {
        core.warning(
          `The deploy of ${model} version ${effect.version} (workflow ${workflow}) is not sent: it was not sent while that version was the champion, ` +
            (champion === null ? 'there is no champion now' : `the champion is version ${champion} now, whose own deploy is the one that counts`)
        )
        return
      }
      try {
        await needGitHub(shell, 'dispatch-workflow').rest.actions.createWorkflowDispatch({
          ...repository(),
          workflow_id: workflow,
          ref,
          inputs: { model, version: String(effect.version) },
          request: { retries: 0 }
        })
      } catch (err) {
        const status = statusOf(err)
        // An answer in the 4xx range says GitHub refused: nothing was dispatched, sending again is safe.
        if (status !== undefined && status >= 400 && status < 500) throw new EffectRefusedError(apiError(err) ?? (err as Error).message)
        throw err
      }
      logText(`Dispatched workflow ${workflow} on ${ref} with model ${model}, version ${effect.version}`)
    }
  }
}

/** Says what became of the follow-ups a command completed: what failed stays pending, and how to finish. */
function reportFollowUps(model: string, report: EffectReport | null | undefined): void {
  if (report && 'interrupted' in report)
    core.warning(
      `completing the follow-ups of ${model} stopped short (${errorText(report.interrupted)}); what is pending stays pending and the next command completes it`
    )
  for (const e of report?.failed ?? [])
    core.warning(`${e.kind} for ${model} version ${e.version} failed: ${e.error}; it stays pending and the next command tries again`)
  for (const e of report?.unconfirmed ?? []) {
    core.warning(
      `${e.kind} for ${model} version ${e.version} may or may not have happened (${e.error ?? 'its answer was lost'}); ` +
        'check the deploy workflow\'s runs, and run the command "redeploy" to send it again'
    )
  }
}

/**
 * A decision that stands while a follow-up it committed did not complete: the job turns red, as a
 * run's does, so that "Re-run failed jobs" and a person notice the missing deploy, and says how to finish.
 */
function failUnfinished(decided: string, report: EffectReport | null | undefined): void {
  const left = unfinished(report, errorText)
  if (left.length === 0) return
  core.setFailed(
    `${decided}, but ${left.join(', ')} did not complete. ` +
      'What did not complete stays pending in the registry: the next command of this action completes it (command "settle" does only that); ' +
      'a dispatch whose answer was lost is sent again only by command "redeploy", after checking that the deploy did not start.'
  )
}

function artifactStore(settings: ActionSettings, tune: ReturnType<typeof tuning>, signal: AbortSignal): WorkflowArtifactStore | undefined {
  if (!settings.artifacts) return undefined
  if (onEnterpriseServer(process.env.GITHUB_SERVER_URL)) {
    // Known before training: the upload would fail only after it.
    core.warning(
      `Workflow artifacts are not uploaded: this is GitHub Enterprise Server (${process.env.GITHUB_SERVER_URL}), where the artifact service of @actions/artifact 2 and later is not available. ` +
        'The registry stores every bundle; result.json and report.md are in the output directory. Set "artifacts: false" to silence this.'
    )
    return undefined
  }
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    core.warning(
      'Workflow artifacts are not uploaded: ACTIONS_RUNTIME_TOKEN or ACTIONS_RESULTS_URL is not set (not on a GitHub runner?). Set "artifacts: false" to silence this.'
    )
    return undefined
  }
  return new WorkflowArtifactStore(new DefaultArtifactClient(), {
    runAttempt: process.env.GITHUB_RUN_ATTEMPT ?? '1',
    retentionDays: settings.retentionDays,
    attempts: 3,
    backoffMs: 2 * tune.retryBaseMs,
    runUrl: runUrl(),
    log: logText,
    signal
  })
}

function makeGate(shell: Shell): Gate {
  if (shell.settings.gate === 'environment') return new EnvironmentGate()
  return new IssueGate(needGitHub(shell, 'the issue gate'), {
    ...repository(),
    actor: process.env.GITHUB_TRIGGERING_ACTOR || process.env.GITHUB_ACTOR || '',
    appendix: async request => {
      const snapshot = await shell.registry.snapshot(request.model)
      const candidate = snapshot.versions.find(v => v.version === request.candidate)
      const run = runUrl()
      return [
        historyChart(
          snapshot,
          shell.spec.metrics.map(m => m.name),
          candidate
        ),
        run ? `Run, logs and artifacts: ${run}` : ''
      ].join('\n')
    }
  })
}

/**
 * With the environment gate and "gate-environment", checks that the promote job's environment
 * exists and has required reviewers. When it does not, the promote job runs at once and the gate
 * promotes unreviewed: a warning annotation and the job summary say so loudly. Never fails the run.
 */
async function checkEnvironmentGate(shell: Shell, stage: 'run' | 'promote'): Promise<void> {
  const environment = shell.settings.gateEnvironment
  if (shell.settings.gate !== 'environment' || !environment) return
  const check = shell.github
    ? await checkGateEnvironment(shell.github, { ...repository(), environment })
    : { kind: 'unknown' as const, status: undefined, message: 'the input "token" is empty' }
  const warning = environmentWarning(check, environment, stage)
  if (warning === null) {
    logText(`Environment gate: "${environment}" has required reviewers`)
    return
  }
  core.warning(warning, { title: 'Environment gate: no reviewer may be asked' })
  await addToSummary(`> [!WARNING]\n> ${warning}\n\n`, SummaryRoom.beforeStepsSummary, 'the warning is in the log')
}

/** The registry after a command: a line in the log, and its status and chart in the job summary. */
async function summarizeRegistryOf(shell: Shell, headline: string): Promise<void> {
  logText(headline)
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const snapshot = await shell.registry.snapshot(shell.spec.model)
  const metrics = shell.spec.metrics.map(m => m.name)
  const text = [headline && `**${headline}**`, renderStatus(snapshot, metrics, { rest: 'the registry branch has every one' }), historyChart(snapshot, metrics)]
    .filter(Boolean)
    .join('\n\n')
  await addToSummary(text, SummaryRoom.beforeFailure, 'the registry branch has every version')
}

/** The ports this shell gives the application core. */
function appDeps(shell: Shell, run?: { store?: ArtifactStore; gate: Gate; stepCache?: StepCacheStore }): AppDeps {
  return {
    registry: shell.registry,
    reporter: new JobReporter(),
    ...(run && { gate: run.gate }),
    ...(run?.store && { artifacts: run.store }),
    ...(run?.stepCache && { stepCache: run.stepCache }),
    promotionEffects: deployEffects(shell),
    effectPerformers: effectPerformers(shell)
  }
}

/**
 * Who let this promote job through its environment: with the environment gate, the history records
 * the reviewer who approved the job's environment (GitHub's review log of the workflow run), not
 * only who started the workflow. Null when the run has no approval (no required reviewers), or the
 * log cannot be read (it needs actions: read on private repositories): then the workflow's actor.
 */
async function promoteReviewer(shell: Shell): Promise<EnvironmentReviewer | null> {
  const runId = Number(process.env.GITHUB_RUN_ID)
  if (shell.settings.gate !== 'environment' || shell.github === null || !Number.isSafeInteger(runId) || runId <= 0) return null
  try {
    const reviewer = await environmentReviewer(shell.github, { ...repository(), runId, environment: shell.settings.gateEnvironment || undefined })
    if (reviewer) logText(`The environment "${reviewer.environment}" was approved by @${reviewer.login}: the history records the promotion as theirs`)
    return reviewer
  } catch (err) {
    logText(
      `Could not read who approved this job's environment (${apiError(err) ?? (err as Error).message}); the history records the workflow's actor. Give the job actions: read to record the reviewer.`
    )
    return null
  }
}

/** The action's inputs for a registry command, as the application core's command. */
function registryCommandOf(shell: Shell, reviewer: EnvironmentReviewer | null = null): AppCommand {
  const { settings, spec } = shell
  const model = spec.model
  const who = {
    actor: reviewer?.login ?? process.env.GITHUB_ACTOR ?? 'github-actions',
    // The input's reason and what the reviewer wrote with the approval, both kept.
    reason: reviewer ? [settings.reason, reviewer.comment].filter(Boolean).join('; ') || `approved the environment "${reviewer.environment}"` : settings.reason,
    force: settings.force
  }
  const required = (value: number | undefined, input: string): number => {
    if (value === undefined) throw new InputError([{ message: `command "${settings.command}" needs the input "${input}"` }])
    return value
  }
  switch (settings.command) {
    case 'status':
      return { kind: 'status', model }
    case 'settle':
      return { kind: 'settle', model }
    case 'redeploy':
      return { kind: 'redeploy', model }
    case 'fetch':
      return {
        kind: 'fetch',
        model,
        ...(settings.version !== undefined && { version: settings.version }),
        dest: settings.outputDir ?? path.join(process.env.RUNNER_TEMP ?? process.cwd(), 'retrain', `${model}-v{version}`)
      }
    case 'promote':
      if (settings.expectChampion === undefined) throw new InputError([{ message: 'command "promote" needs the input "expect-champion" (a version or none)' }])
      return { kind: 'promote', model, candidate: required(settings.candidate, 'candidate'), expectChampion: settings.expectChampion, who }
    case 'approve':
      return { kind: 'approve', model, version: required(settings.version, 'version'), who }
    case 'reject':
      return { kind: 'reject', model, version: required(settings.version, 'version'), who }
    case 'rollback':
      return { kind: 'rollback', model, ...(settings.version !== undefined && { to: settings.version }), who }
    case 'prune': {
      const dryRun = isDry(settings, process.env.GITHUB_EVENT_NAME ?? '')
      return {
        kind: 'prune',
        model,
        spec,
        overrides: {
          ...(settings.keepRejected !== undefined && { keepRejected: settings.keepRejected }),
          ...(settings.keepRetired !== undefined && { keepRetired: settings.keepRetired })
        },
        ...(dryRun && { dryRun: true }),
        who,
        noPolicy: `the spec ${settings.spec} has no retention: section; set retention: keep-rejected / keep-retired in it, or the inputs "keep-rejected" and "keep-retired"`
      }
    }
    default:
      throw new Error(`unexpected command ${settings.command}`)
  }
}

/** The registry after a change, as summarizeRegistryOf; a failing read is a warning that the change is done all the same. */
async function summarizeAfterChange(shell: Shell, headline: string): Promise<void> {
  try {
    await summarizeRegistryOf(shell, headline)
  } catch (err) {
    core.warning(`Could not read the registry for the job summary (${apiError(err) ?? (err as Error).message}); done all the same: ${headline}`)
  }
}

/** A registry command's outcome in the action's words: outputs, a log line and the job summary. */
async function renderRegistryOutcome(shell: Shell, outcome: AppOutcome): Promise<number> {
  const model = shell.spec.model
  // Past a change, the summary's registry read may fail: the change stands, and the step says so.
  const summarizeRegistry = outcome.kind === 'status' ? summarizeRegistryOf : summarizeAfterChange
  switch (outcome.kind) {
    case 'status':
      await summarizeRegistry(shell, '')
      return ExitCode.ok
    case 'promoted': {
      const outputs = new DecisionOutputs()
      // The same words as the issue gate's outputs: promoted, approved, rolled-back.
      outputs.set(Outputs.decision, outcome.already ? 'already-champion' : outcome.how)
      // Nothing moved (the version was the champion already), or a re-run's earlier change that a later one
      // replaced: nothing downstream may deploy that version again.
      outputs.set(Outputs.promoted, String(!outcome.already && outcome.supersededBy === undefined))
      outputs.set(Outputs.candidateVersion, String(outcome.version))
      reportFollowUps(model, outcome.followUps)
      if (outcome.already) logText(`${model} version ${outcome.version} is already the champion: nothing changed, nothing needed doing`)
      await summarizeRegistry(
        shell,
        outcome.already
          ? `${model} version ${outcome.version} is already the champion: nothing changed`
          : outcome.how === 'approved'
            ? `Approved ${model} version ${outcome.version}: it is the champion`
            : outcome.how === 'rolled-back'
              ? `Rolled ${model} back to version ${outcome.version}`
              : `Promoted ${model} version ${outcome.version}`
      )
      failUnfinished(`${model} version ${outcome.version} is the champion`, outcome.followUps)
      outputs.check(`${model} version ${outcome.version} is the champion`)
      return ExitCode.ok
    }
    case 'rejected': {
      const outputs = new DecisionOutputs()
      outputs.set(Outputs.decision, 'rejected')
      outputs.set(Outputs.promoted, 'false')
      outputs.set(Outputs.candidateVersion, String(outcome.version))
      reportFollowUps(model, outcome.followUps)
      await summarizeRegistry(shell, `Rejected ${model} version ${outcome.version}`)
      failUnfinished(`${model} version ${outcome.version} is rejected`, outcome.followUps)
      outputs.check(`${model} version ${outcome.version} is rejected`)
      return ExitCode.ok
    }
    case 'settled':
      reportFollowUps(model, outcome.followUps)
      await summarizeRegistry(shell, `Completed ${outcome.followUps.done.length} pending follow-up(s) of ${model}`)
      return unfinished(outcome.followUps).length ? ExitCode.conflict : ExitCode.ok
    case 'fetched': {
      const { renderFetch } = await import('../engine/fetch-command.js')
      core.setOutput(Outputs.modelDir, outcome.fetched.dir)
      core.setOutput(Outputs.candidateVersion, String(outcome.fetched.version))
      logText(renderFetch(outcome.fetched, outcome.fetched.dir))
      return ExitCode.ok
    }
    case 'redeployed':
      reportFollowUps(model, outcome.followUps)
      await summarizeRegistry(shell, `Sent the deploy of ${model} version ${outcome.version} again`)
      return unfinished(outcome.followUps).length ? ExitCode.conflict : ExitCode.ok
    case 'pruned': {
      const { pruneSummary, renderPrune } = await import('../engine/prune-command.js')
      logText(renderPrune(outcome.report))
      for (const f of outcome.report.failed)
        core.warning(`deleting the pruned bundle of ${model} version ${f.version} failed (${f.error}); it stays marked pruned and the next command deletes it`)
      if (outcome.followUps) reportFollowUps(model, outcome.followUps)
      if (outcome.report.dryRun) await addToSummary(`${pruneSummary(outcome.report)}\n`, SummaryRoom.none, 'the log lists each version')
      else await summarizeRegistry(shell, pruneSummary(outcome.report))
      return unfinished(outcome.followUps).length ? ExitCode.conflict : ExitCode.ok
    }
    default:
      throw new Error(`unexpected outcome ${outcome.kind}`)
  }
}

async function commentCommand(shell: Shell, payload: EventPayload): Promise<number> {
  const outcome = await handleGateComment(
    {
      github: needGitHub(shell, 'the issue gate'),
      ...repository(),
      registry: shell.registry,
      model: shell.spec.model,
      approvers: shell.spec.promotion.approvers,
      excludeTriggeringActor: shell.settings.excludeTriggeringActor,
      promotionEffects: deployEffects(shell),
      decidedEarlier: async version => {
        if (!isRerun(shell.run)) return null
        const done = earlierChange(await shell.registry.snapshot(shell.spec.model), shell.run, ['approved', 'rejected'], version)
        return done ? (done.action as 'approved' | 'rejected') : null
      }
    },
    payload as CommentEvent
  )
  const decided = outcome.outcome === 'approved' || outcome.outcome === 'rejected'
  // The approval or rejection committed its follow-ups (a deploy, deleting the draft): complete them.
  // Past the decision, a registry that cannot be read leaves them pending, said with the decision.
  const settled = await execute({ kind: 'settle', model: shell.spec.model }, appDeps(shell)).catch((err: unknown): AppOutcome => {
    if (!decided) throw err
    return { kind: 'settled', model: shell.spec.model, followUps: { done: [], failed: [], unconfirmed: [], interrupted: err } }
  })
  if (settled.kind === 'settled') reportFollowUps(shell.spec.model, settled.followUps)
  // A re-run of an approval whose version has been replaced since: said, and not reported as promoted (see rerun.ts).
  // When the registry cannot tell, the version is not reported as promoted either: nothing downstream deploys it on a guess.
  const champion =
    outcome.outcome === 'approved' && isRerun(shell.run)
      ? await shell.registry.snapshot(shell.spec.model).then(
          s => s.champion,
          (err: unknown) => {
            core.warning(
              `Could not read whether ${shell.spec.model} version ${outcome.gate.version} is still the champion (${errorText(err)}); ` +
                'its approval stands, but the output "promoted" is false: check the registry before deploying it'
            )
            return 'unknown' as const
          }
        )
      : undefined
  const superseded = champion !== undefined && outcome.outcome === 'approved' && champion !== outcome.gate.version
  if (superseded && champion !== 'unknown') core.warning(noLongerChampion(shell.spec.model, outcome.gate.version, champion))
  // As the approve command: a version that was the champion already moved nothing, so nothing downstream may deploy it again.
  const already = outcome.outcome === 'approved' && outcome.already === true
  const outputs = new DecisionOutputs()
  outputs.set(Outputs.decision, already ? 'already-champion' : outcome.outcome)
  outputs.set(Outputs.promoted, String(outcome.outcome === 'approved' && !superseded && !already))
  if (outcome.outcome === 'ignored') logText(`Nothing to do: ${outcome.why}`)
  else if (outcome.outcome === 'refused') {
    core.notice(`Ignored the comment of @${outcome.who}: ${outcome.why}`)
    await addToSummary(`Ignored the comment of @${outcome.who}: ${outcome.why}\n`, SummaryRoom.beforeFailure, 'the log says why')
  } else {
    await summarizeAfterChange(
      shell,
      already
        ? `${outcome.gate.model} version ${outcome.gate.version} is already the champion: nothing changed`
        : `${outcome.gate.model} version ${outcome.gate.version} ${outcome.outcome} by @${outcome.who}`
    )
  }
  // A comment that decided nothing (any comment on any issue runs this) leaves earlier follow-ups to the commands that decide.
  if (settled.kind === 'settled' && (outcome.outcome === 'approved' || outcome.outcome === 'rejected'))
    failUnfinished(
      `${outcome.gate.model} version ${outcome.gate.version} ${outcome.outcome === 'approved' ? 'is the champion' : 'is rejected'}`,
      settled.followUps
    )
  if ((outcome.outcome === 'approved' || outcome.outcome === 'rejected') && outcome.unanswered)
    core.setFailed(
      `${outcome.gate.model} version ${outcome.gate.version} ${outcome.outcome === 'approved' ? 'is the champion' : 'is rejected'}, ` +
        `but replying on issue #${outcome.unanswered.issue} and closing it failed (${errorText(outcome.unanswered.error)}). ` +
        'Re-run the job to reply and close it: a re-run makes no change an earlier attempt of the run made.'
    )
  if (outcome.outcome === 'approved' || outcome.outcome === 'rejected')
    outputs.check(`${outcome.gate.model} version ${outcome.gate.version} is ${outcome.outcome === 'approved' ? 'the champion' : 'rejected'}`)
  else outputs.check(`the comment was ${outcome.outcome}`)
  return ExitCode.ok
}

/** A token that may not comment (a fork's pull request) costs the comment, not the run. */
async function commentOnPullRequest(shell: Shell, number: number, markdown: string): Promise<void> {
  try {
    const url = await upsertDryRunComment(needGitHub(shell, 'the pull-request comment'), { ...repository(), number }, shell.spec.model, markdown)
    logText(`Pull request comment: ${url}`)
  } catch (err) {
    const status = statusOf(err)
    if (status !== 403 && status !== 404) throw err
    core.warning(
      `Could not comment on pull request #${number} (${status}): give the job "pull-requests: write", or set "dry-run: true" to run dry without commenting. The report is in the job summary.`
    )
  }
}

/** The params input when given, else the event's params (dispatch inputs, client_payload), checked against the spec. */
function actionParams(spec: Spec, settings: ActionSettings, eventName: string, payload: EventPayload) {
  const options = {
    ignoreUnknown: settings.ignoreUnknownParams,
    unknownHint: 'set the input "ignore-unknown-params" to true to ignore entries that are not spec params'
  }
  // `${{ toJSON(inputs) }}` is {} on events other than workflow_dispatch: no overrides, so the event's own
  // params (repository_dispatch's client_payload) still count.
  if (settings.params && Object.keys(settings.params).length > 0) {
    // `${{ toJSON(inputs) }}` on a dispatch: an input left empty is not given, as in the event.
    const given = eventName === 'workflow_dispatch' ? withoutEmptyInputs(settings.params) : settings.params
    return resolveParams(spec, given, 'the params input', options)
  }
  const fromEvent = eventParams(eventName, payload)
  return resolveParams(spec, fromEvent.params, fromEvent.source, options)
}

/** Whether a run of the spec can open the gate: only such a run meets its environment or its issue. */
function opensGate(spec: Spec): boolean {
  return spec.promotion.mode === 'gate' || spec.promotion.firstModel === 'gate' || spec.promotion.borderline === 'gate'
}

async function retrain(shell: Shell, eventName: string, payload: EventPayload): Promise<number> {
  const { settings, spec, registry, tune } = shell
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const pullRequestNumber =
    (eventName === 'pull_request' || eventName === 'pull_request_target') && (payload.pull_request as { number?: number } | undefined)?.number
  // A pull request shows what the change would do, a merge queue's run what the merge would; only the
  // default branch retrains for real.
  const dryRun = isDry(settings, eventName)
  // The comment belongs to the automatic dry run; an explicit dry run stays quiet.
  const pullRequest = settings.dryRun === 'auto' ? pullRequestNumber : undefined
  const params = actionParams(spec, settings, eventName, payload)
  const outputDir = path.resolve(settings.outputDir ?? path.join(process.env.RUNNER_TEMP ?? workspace, 'retrain', spec.model))
  // Only a run that can open the gate meets the promote job's environment.
  if (!dryRun && opensGate(spec)) await checkEnvironmentGate(shell, 'run')
  const controller = new AbortController()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort())
  cutRequestsOnCancel(controller.signal)
  if (!dryRun && shell.releases && shell.github) await checkContentsWritable(shell.github, repository(), eventName, payload)
  if (!dryRun && settings.gate === 'issue' && opensGate(spec) && shell.github) await checkIssuesWritable(shell.github, repository(), eventName, payload)
  // Only a run that can promote sends the deploy; a gated candidate's is sent by the approving command.
  const promotes = spec.promotion.mode === 'auto' || (spec.promotion.mode === 'gate' && spec.promotion.firstModel === 'promote')
  if (!dryRun && promotes && settings.dispatchWorkflow && shell.github)
    await checkDispatchAllowed(shell.github, repository(), settings.dispatchWorkflow, eventName, payload)
  if (!dryRun && shell.run) {
    const earlier = await finishEarlierRun(earlierDeps(shell, shell.run))
    if (earlier) {
      reportFollowUps(spec.model, earlier.followUps)
      return unfinished(earlier.followUps).length > 0 ? ExitCode.conflict : earlier.code
    }
  }
  const store = artifactStore(settings, tune, controller.signal)
  const executed = await execute(
    {
      kind: 'run',
      settings: {
        spec,
        params,
        outputDir,
        baseEnv: inheritableEnv(process.env),
        github: githubContext(),
        actor: process.env.GITHUB_ACTOR ?? 'github-actions',
        gitCommit: process.env.GITHUB_SHA ?? null,
        toolVersion: TOOL_VERSION,
        // dist/index.js ships with dist/cli.js beside it: built-in trainers run as that CLI's `train` command.
        cli: { node: process.execPath, script: path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.js') },
        dryRun,
        ...(settings.challenger !== undefined && {
          challenger: { name: settings.challenger, ...(settings.plan !== undefined && { expectPlan: settings.plan }) }
        }),
        signal: controller.signal,
        atStage: stageHook(process.env.RETRAIN_TEST_FAILPOINT, controller.signal),
        heartbeatMs: heartbeatMs(process.env.RETRAIN_HEARTBEAT_SECONDS)
      }
    },
    appDeps(shell, { store, gate: makeGate(shell), stepCache: actionStepCache(spec, workspace) })
  )
  if (executed.kind !== 'run') throw new Error(`unexpected outcome ${executed.kind}`)
  const outcome = executed.run
  const r = outcome.result
  const outputs = new DecisionOutputs()
  outputs.set(Outputs.decision, r.decision)
  outputs.set(Outputs.promoted, String(r.decision === 'promoted'))
  outputs.set(Outputs.candidateVersion, r.candidate.version === null ? '' : String(r.candidate.version))
  outputs.set(Outputs.baselineVersion, r.baseline ? String(r.baseline.version) : '')
  outputs.set(Outputs.expectChampion, r.baseline ? String(r.baseline.version) : 'none')
  outputs.set(
    Outputs.metrics,
    metricsOutput(
      r.candidate.metrics,
      spec.metrics.map(m => m.name)
    )
  )
  outputs.set(Outputs.resultPath, path.join(outputDir, 'result.json'))
  outputs.set(Outputs.reportPath, path.join(outputDir, 'report.md'))
  outputs.set(Outputs.gate, r.gate?.where ?? '')
  if (r.drift) outputs.set(Outputs.drifted, String(r.drift.drifted))

  const artifacts: ArtifactRef[] = [...outcome.artifacts]
  if (store) {
    const files = ['result.json', 'report.md'].map(f => path.join(outputDir, f)).filter(f => existsSync(f))
    const base = `${spec.model}${settings.challenger ? `-${settings.challenger}` : ''}`
    const name = `${base}-${r.candidate.version === null ? 'dry-run' : `v${r.candidate.version}`}-report`
    try {
      artifacts.push(await store.upload(name, files, outputDir))
    } catch (err) {
      // The decision is committed by now: a lost report is said, and changes nothing.
      const cause = (err as Error).cause ?? err
      const what = r.candidate.version === null ? `the dry run of ${spec.model}` : `${spec.model} version ${r.candidate.version}`
      core.warning(
        `The report artifact ${name} was not uploaded (${cause instanceof Error ? cause.message : String(cause)}); ` +
          `${what} is ${r.decision} all the same; result.json and report.md are in ${outputDir}`
      )
    }
  }
  outputs.set(Outputs.artifactIds, artifacts.map(a => a.id).join(','))
  outputs.set(Outputs.artifacts, JSON.stringify(artifacts))
  // Past the commit, a read that fails costs its link or chart, never the run, and is said: re-running
  // the job would train again.
  const decided = r.candidate.version === null ? `the dry run of ${spec.model}` : `${spec.model} version ${r.candidate.version}`
  const bestEffort = async <T>(what: string, fallback: T, work: () => Promise<T>): Promise<T> => {
    try {
      return await work()
    } catch (err) {
      core.warning(`Could not read ${what} after the decision (${apiError(err) ?? (err as Error).message}); ${decided} is ${r.decision} all the same`)
      return fallback
    }
  }
  const release = shell.releases
  const version = r.candidate.version
  const releaseUrl = release && version !== null ? await bestEffort("the candidate's release link", null, () => release.releaseUrl(spec.model, version)) : null
  outputs.set(Outputs.releaseUrl, releaseUrl ?? '')

  const chart = await bestEffort('the registry for the history chart', '', async () => {
    const snapshot = await registry.snapshot(spec.model)
    const stored = snapshot.versions.find(v => v.version === r.candidate.version)
    return historyChart(
      snapshot,
      spec.metrics.map(m => m.name),
      { ...r.candidate, evaluationData: stored?.evaluationData }
    )
  })
  const links = [
    ...artifacts.map(a => `- artifact ${a.url ? `[${a.name}](${a.url})` : a.name} (id ${a.id})`),
    ...(releaseUrl ? [`- release: ${releaseUrl}`] : [])
  ]
  const appendix = [chart, links.length ? `### Artifacts\n\n${links.join('\n')}\n` : ''].filter(Boolean).join('\n')
  if (appendix) await addToSummary(appendix, SummaryRoom.beforeFailure, 'the output "artifacts" lists every artifact')
  if (pullRequest) await commentOnPullRequest(shell, pullRequest, `${outcome.report}\n${appendix}`)
  if (outcome.exitCode === ExitCode.ok) failUnfinished(`${spec.model} version ${r.candidate.version} is ${r.decision}`, outcome.followUps)
  outputs.check(`${decided} is ${r.decision}`)
  return outcome.exitCode
}

async function executeAction(settings: ActionSettings): Promise<number> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  if (!existsSync(path.resolve(workspace, settings.spec))) {
    const given = core.getInput(Inputs.spec) !== ''
    throw new InputError([
      {
        message:
          `input "spec": there is no file ${settings.spec} in the workspace${given ? '' : ' (the default)'}; ` +
          'set "spec" to the path of the retraining spec, relative to the repository (and check out the repository first)'
      }
    ])
  }
  const spec = await loadSpec(path.resolve(workspace, settings.spec), { cwd: workspace })
  if (settings.command === 'validate') {
    logText(`${settings.spec}: valid (model ${spec.model})`)
    return ExitCode.ok
  }
  const tune = tuning(process.env)
  const github = settings.token
    ? createGitHubClient(settings.token, {
        retryBaseMs: tune.retryBaseMs,
        retries: 4,
        timeoutMs: tune.timeoutMs,
        writeIntervalMs: tune.writeIntervalMs,
        notificationIntervalMs: 3 * tune.writeIntervalMs,
        log: logText
      })
    : null
  const releases =
    settings.registry === 'github'
      ? new ReleasesRegistry(needGitHub({ github }, 'the GitHub registry'), {
          ...repository(),
          branch: settings.registryBranch,
          targetCommitish: process.env.GITHUB_SHA || undefined,
          partBytes: tune.assetPartBytes,
          transferRetries: 4,
          retryBaseMs: tune.retryBaseMs,
          // At least 1 MiB/s on top of the per-request deadline.
          transferTimeoutMs: bytes => tune.timeoutMs + bytes / 1024,
          log: logText
        })
      : null
  const store: Registry = releases
    ? new VersionRegistry(releases, {
        log: logText,
        retryBaseMs: tune.retryBaseMs,
        // A job on a GitHub-hosted runner stops after 6 hours: a reservation it left is given back after
        // that, not after RESERVATION_TTL_MS (its host, another runner, cannot be checked).
        ...(process.env.RUNNER_ENVIRONMENT === 'github-hosted' && { runLimitMs: GITHUB_HOSTED_RUN_LIMIT_MS })
      })
    : new DirectoryRegistry(path.resolve(workspace, settings.registryDir), undefined, logText)
  const run = runIdentity(process.env, identityParts(spec, settings))
  const registry = run ? withRunIdentity(store, run) : store
  const shell: Shell = { settings, spec, registry, releases, github, tune, run }
  // The promote job itself: a promotion its environment did not hold for a reviewer is said too.
  if (settings.command === 'promote') await checkEnvironmentGate(shell, 'promote')
  // Where run takes its params: the input, else the event; a plan's matrix jobs and select then agree with it.
  const inputOrEventParams = () => actionParams(spec, settings, process.env.GITHUB_EVENT_NAME ?? '', readEventPayload(process.env))
  if (settings.command === 'drift') {
    const { driftCommand } = await import('./drift-command.js')
    return await driftCommand(spec, inputOrEventParams(), githubContext(), appDeps(shell))
  }
  if (settings.command === 'plan' || settings.command === 'select') {
    const params = inputOrEventParams()
    if (settings.command === 'plan') return await planCommand(spec, params, appDeps(shell), githubContext())
    const earlier = shell.run && !selectIsDry(settings) ? await finishEarlierSelect(earlierDeps(shell, shell.run)) : null
    if (earlier) reportFollowUps(spec.model, earlier.followUps)
    const code = earlier
      ? unfinished(earlier.followUps).length > 0
        ? ExitCode.conflict
        : earlier.code
      : await selectCommand(spec, params, settings, appDeps(shell, { gate: makeGate(shell) }), githubContext(), o => {
          reportFollowUps(spec.model, o.followUps)
          // A selection that landed is named with what it left pending.
          const winner = o.selection.selection.winner
          if (o.selection.decision !== 'skipped')
            failUnfinished(
              winner && o.selection.decision !== 'none'
                ? `${spec.model} version ${winner.version} is ${o.selection.decision}`
                : `nothing is selected from plan ${o.selection.selection.plan}`,
              o.followUps
            )
        })
    await closeMootGateIssues(shell, process.env.GITHUB_EVENT_NAME ?? '')
    return code
  }
  const eventName = process.env.GITHUB_EVENT_NAME ?? ''
  const code =
    settings.command !== 'run'
      ? await renderRegistryOutcome(
          shell,
          (await doneInEarlierAttempt(shell)) ??
            (await execute(registryCommandOf(shell, settings.command === 'promote' ? await promoteReviewer(shell) : null), appDeps(shell)))
        )
      : eventName === 'issue_comment'
        ? await commentCommand(shell, readEventPayload(process.env))
        : await retrain(shell, eventName, readEventPayload(process.env))
  await closeMootGateIssues(shell, eventName)
  return code
}

/**
 * The params and challenger that tell apart the legs of a matrix running the same step of a run
 * (see rerun.ts); a registry command's identity is its step alone.
 */
function identityParts(spec: Spec, settings: ActionSettings): string[] {
  const eventName = process.env.GITHUB_EVENT_NAME ?? ''
  if ((settings.command !== 'run' && settings.command !== 'select') || eventName === 'issue_comment') return []
  const params = actionParams(spec, settings, eventName, readEventPayload(process.env))
  return [...(settings.challenger !== undefined ? [`challenger-${settings.challenger}`] : []), paramsDigest(params), inputsDigest(process.env)]
}

/** What a re-run needs to finish what an earlier attempt of the run committed. */
function earlierDeps(shell: Shell, run: RunIdentity): EarlierRunDeps {
  const model = shell.spec.model
  return {
    model,
    judgedMetrics: shell.spec.metrics.map(m => m.name),
    registry: shell.registry,
    run,
    settle: async () => await settleEarlierChange(shell),
    // Past the earlier attempt's decision, a link that cannot be read costs the link, never the outputs.
    releaseUrl: async version => {
      try {
        return shell.releases ? await shell.releases.releaseUrl(model, version) : null
      } catch (err) {
        core.warning(`Could not read the release link of ${model} version ${version} (${errorText(err)}); its decision stands all the same`)
        return null
      }
    },
    gateOf: async (version, baseline) => {
      try {
        return await gateOf(shell, version, baseline)
      } catch (err) {
        core.warning(`Could not find the gate issue of ${model} version ${version} (${errorText(err)}); it waits at its gate all the same`)
        return ''
      }
    }
  }
}

/** Where the gate of a pending version is: the promote command, or its open gate issue ('' when none is open). */
async function gateOf(shell: Shell, version: number, baseline: number | null): Promise<string> {
  if (shell.settings.gate === 'environment') return promoteCommand(version, baseline)
  if (!shell.github) return ''
  for await (const { issue, marker } of openGateIssues(shell.github, repository(), 3))
    if (marker.model === shell.spec.model && marker.version === version) return issue.html_url
  return ''
}

/**
 * Completes what an earlier attempt's change left pending. The change stands whatever happens here:
 * a registry that cannot be read leaves the follow-ups pending, reported as unfinished.
 */
async function settleEarlierChange(shell: Shell): Promise<EffectReport> {
  try {
    const settled = await execute({ kind: 'settle', model: shell.spec.model }, appDeps(shell))
    return settled.kind === 'settled' ? settled.followUps : { done: [], failed: [], unconfirmed: [] }
  } catch (err) {
    return { done: [], failed: [], unconfirmed: [], interrupted: err }
  }
}

/** A re-run of a registry command whose earlier attempt made its change: that change, completed and reported, or null. */
async function doneInEarlierAttempt(shell: Shell): Promise<AppOutcome | null> {
  const { settings, spec } = shell
  const version = settings.command === 'promote' ? settings.candidate : settings.version
  const done = await earlierCommandChange(shell.registry, spec.model, shell.run, settings.command, version)
  if (!done) return null
  const followUps = await settleEarlierChange(shell)
  if (done.action === 'rejected') return { kind: 'rejected', model: spec.model, version: done.version, followUps }
  const how = done.action === 'approved' ? 'approved' : done.action === 'rollback' ? 'rolled-back' : 'promoted'
  let champion: number | null
  try {
    ;({ champion } = await shell.registry.snapshot(spec.model))
  } catch (err) {
    // Not known to be the champion still: not reported as promoted, so nothing downstream deploys it on a guess.
    core.warning(
      `Could not read whether ${spec.model} version ${done.version} is still the champion (${errorText(err)}); ` +
        'the change stands, but the output "promoted" is false: check the registry before deploying it'
    )
    return { kind: 'promoted', model: spec.model, version: done.version, how, followUps, supersededBy: null }
  }
  if (champion !== done.version) core.warning(noLongerChampion(spec.model, done.version, champion))
  return { kind: 'promoted', model: spec.model, version: done.version, how, followUps, ...(champion !== done.version && { supersededBy: champion }) }
}

/**
 * With the issue gate (or on an issue comment, which only the issue gate handles), the gate issues nothing waits on any more (their version decided by another
 * command, or compared with a champion that has since been replaced) get a reply and are closed; see
 * moot-gates.ts. Never on a dry run or for `status`, and never failing the command: the next command tries again.
 */
async function closeMootGateIssues(shell: Shell, eventName: string): Promise<void> {
  const { settings } = shell
  const dry = isDry(settings, eventName)
  // `status` and `fetch` only read (a job may run them with contents: read alone).
  if ((settings.gate !== 'issue' && eventName !== 'issue_comment') || shell.github === null || settings.command === 'status' || settings.command === 'fetch')
    return
  if (dry && (settings.command === 'run' || settings.command === 'select')) return
  try {
    // The reservations before the versions: a number given back by then and not registered in the
    // later read never will be (read the other way round, one registered in between would look given back).
    const reserved = shell.registry.reservations ? await shell.registry.reservations(shell.spec.model) : undefined
    const closed = await closeMootGates(shell.github, await shell.registry.snapshot(shell.spec.model), {
      ...repository(),
      staleIsFinal: settings.registry === 'github',
      ...(reserved && { reserved }),
      log: logText
    })
    if (closed.length > 0) logText(`Closed ${closed.length} gate issue(s) nothing waits on any more: ${closed.map(n => `#${n}`).join(', ')}`)
  } catch (err) {
    core.warning(
      `Could not close the gate issues nothing waits on any more (${err instanceof Error ? err.message : String(err)}); the next command of this action tries again. The registry is unchanged by this.`
    )
  }
}

/** The event's payload for a message, or none when it cannot be read (the message must not fail). */
function eventPayloadOrNone(): EventPayload {
  try {
    return readEventPayload(process.env)
  } catch {
    return {}
  }
}

/** An error for a person: a failed GitHub API call with the request and what to do, else its message. */
function errorText(err: unknown): string {
  return apiError(err) ?? (err instanceof Error ? err.message : String(err))
}

/** A failed GitHub API call, said with the request and what to do; null for other errors. */
function apiError(err: unknown): string | null {
  const e = err as { status?: unknown; request?: { method?: string; url?: string }; message?: string }
  if (typeof e?.status !== 'number' || !e.request?.method) return null
  const hint =
    e.status === 401
      ? 'the token is invalid or expired: GITHUB_TOKEN expires when its job ends or after 24 hours at most; nothing was recorded after this, so run the job again'
      : missingPermission(err) !== null
        ? `the token lacks ${missingPermission(err)}: ${permissionFix(missingPermission(err)!, process.env.GITHUB_EVENT_NAME ?? '', eventPayloadOrNone())}`
        : e.status === 403 || e.status === 404
          ? "the token may lack a permission this feature needs: see the README's permissions table"
          : e.status >= 500
            ? 'GitHub or the network had a problem that persisted through the retries; re-run the job'
            : 'see the message'
  return `GitHub's API answered ${e.status} to ${e.request.method} ${e.request.url}: ${e.message} (${hint})`
}

/**
 * A failed step says why in the job summary too, where a person reading the run looks first (the
 * annotations only show on the run's page). The text is a code block: it may quote a step's output.
 */
async function summarizeFailure(lines: string[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const text = lines.join('\n')
  const fence = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map(m => m[0].length + 1)))
  await addToSummary(`**The retrain step failed.**\n\n${fence}text\n${text}\n${fence}\n`, SummaryRoom.none, 'the whole message is in the log')
}

/**
 * Inputs that only some commands read: one given to another command is ignored, which a workflow
 * author should hear about (a "candidate" on run promotes nothing).
 */
function warnIgnoredInputs(settings: ActionSettings): void {
  const { command } = settings
  const runsChallenger = command === 'run' && settings.challenger !== undefined
  const readBy: [input: string, given: boolean, read: boolean, readers: string][] = [
    [Inputs.candidate, settings.candidate !== undefined, command === 'promote', 'promote'],
    [Inputs.expectChampion, settings.expectChampion !== undefined, command === 'promote', 'promote'],
    [Inputs.version, settings.version !== undefined, ['approve', 'reject', 'rollback'].includes(command), 'approve, reject and rollback'],
    [Inputs.force, settings.force, ['approve', 'promote'].includes(command), 'approve and promote'],
    [Inputs.challenger, settings.challenger !== undefined, command === 'run', 'run'],
    [Inputs.plan, settings.plan !== undefined, runsChallenger || command === 'select', 'run with a challenger, and select'],
    [Inputs.keepRejected, settings.keepRejected !== undefined, command === 'prune', 'prune'],
    [Inputs.keepRetired, settings.keepRetired !== undefined, command === 'prune', 'prune']
  ]
  for (const [input, given, read, readers] of readBy) {
    if (given && !read)
      core.warning(
        `input "${input}" is ignored by command "${command}"${input === Inputs.plan && command === 'run' ? ' without a challenger' : ''}: only ${readers} read it`
      )
  }
}

export async function run(): Promise<void> {
  try {
    const settings = getSettings()
    warnIgnoredInputs(settings)
    const code = await executeAction(settings)
    if (code !== ExitCode.ok) core.setFailed(`retrain finished with exit code ${code}`)
  } catch (err) {
    let lines: string[]
    if (err instanceof InputError) {
      lines = err.problems.map(formatProblem)
      for (const p of err.problems) {
        routineAnnotation('error', formatProblem(p), p.file ? { file: p.file, startLine: p.line, startColumn: p.col } : {})
      }
      if (err.reason === 'rejected-candidate') {
        const hint = 'To promote it anyway, set the input "force" to true and give a "reason"; the reason is recorded.'
        core.error(hint)
        lines.push(hint)
      }
      core.setFailed(`the spec or an input is invalid (${err.problems.length} problem${err.problems.length === 1 ? '' : 's'})`)
    } else if (err instanceof CancelledError) {
      // Only a run catches the signal, and past its commit it finishes instead: this one recorded nothing.
      lines = [`cancelled: the run was ${err.message} before its commit; nothing was recorded, the champion and the registry are as they were`]
      core.setFailed(lines[0]!)
    } else if (err instanceof RetrainError) {
      lines = [`${err.reason}: ${err.message}`]
      core.setFailed(lines[0]!)
    } else if (apiError(err)) {
      lines = [apiError(err)!]
      core.setFailed(lines[0]!)
    } else {
      lines = [err instanceof Error ? err.message : String(err)]
      core.setFailed(lines[0]!)
    }
    await summarizeFailure(lines)
  }
}
