/**
 * The retraining loop: resolve the champion, run the steps warm-started from it, evaluate both models
 * with the same command on the same data, apply the rules, store the candidate, and promote, gate or
 * reject. The registry is touched only once a decision is reached, so a failing step changes nothing.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, stat, writeFile, copyFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  CancelledError,
  DiskFullError,
  EvaluationError,
  InputError,
  IntegrityError,
  RetrainError,
  ExitCode,
  type ExitCodeValue,
  StepError,
  StaleBaselineError,
  isDiskFull
} from '../errors.js'
import type {
  ArtifactRef,
  ArtifactStore,
  EffectInput,
  EffectPerformer,
  EffectReport,
  Gate,
  Registry,
  RegistrySnapshot,
  Reporter,
  StepCacheStore
} from '../ports.js'
import { evaluateTemplate } from '../spec/expressions.js'
import { optionValueProblems } from '../spec/option-values.js'
import type { ParamValue, Spec, StepSpec } from '../spec/types.js'
import { packBundle, sha256File, unpackBundle } from './bundle.js'
import { preview as previewChanges, restoreChangedTree, snapshotTree, treeChanges, type TreeSnapshot } from './baseline-guard.js'
import { ContractEnv } from '../contract-names.js'
import { contractEnv, paramsFileText, readStepSummary } from './contract.js'
import { runDataChecks } from './data-checks.js'
import { fingerprintData, findLeaks, type ResolvedDataInput } from './fingerprint.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST, type DataFingerprint, type Lineage, type Manifest, type WarmStartRecord } from './manifest.js'
import { missingMetricWarning, readMetricsFile, type Metrics } from './metrics-file.js'
import { runProcess } from './process-runner.js'
import { makeWorkspace, type Workspace } from './workspace.js'
import { stepCacheLineage } from './step-cache-record.js'
import { renderReport } from './report.js'
import { RESULT_SCHEMA_VERSION, type RunResult, type StepRecord } from './result.js'
import { evaluateRules, pinnedVersions, planDecision } from './rules.js'
import { compareWeights, readWeights } from './weights.js'
import { writeIntervalsChart } from './chart.js'
import { judgeableMetrics, predictionsFile as predictionsFileOf, reportedMetrics } from './evaluate-predictions.js'
import type { DriftReport } from './drift.js'
import type { DataProfile } from './profile.js'
import { profileRun, skipReason, type RunProfile } from './run-profile.js'
import { championManifest } from './drift-command.js'
import { writeDriftCharts } from './drift-report.js'
import { challengerEvidence, evaluationDigest, holdForSelection, planId } from './challenger-plan.js'
import { copyRedacted, secretValues } from './redact.js'

export interface RunOptions {
  spec: Spec
  params: Record<string, ParamValue>
  registry: Registry
  gate: Gate
  reporter: Reporter
  /** Where result.json, report.md, the bundle, metrics and logs are written. */
  outputDir: string
  /** Uploads the bundle and logs before any promotion; the local shell's outputDir is already durable. */
  artifacts?: ArtifactStore
  /** The run-cache for steps that declare `cache:`; without it they always run. */
  stepCache?: StepCacheStore
  /** The environment steps inherit, already stripped of what belongs to the action. */
  baseEnv: Record<string, string>
  /** The `github` expression context (empty locally). */
  github?: Record<string, unknown>
  actor: string
  gitCommit: string | null
  toolVersion: string
  /**
   * This tool's own CLI: `uses: builtin/<trainer>` steps run `node script train <trainer>`, and every
   * step sees the script as RETRAIN_CLI (so evaluate can run `node "$RETRAIN_CLI" evaluate`). Without
   * it, `uses:` steps are refused.
   */
  cli?: { node: string; script: string }
  /** Effects a promotion must be followed by (a deploy dispatch), recorded in the same commit. */
  promotionEffects?: (version: number) => EffectInput[]
  /** Performs the shell's kinds of effects after the commit. */
  effectPerformers?: Record<string, EffectPerformer>
  /**
   * Called as the run passes each stage; tests use it to cancel or crash the run exactly there
   * (the CLI's RETRAIN_TEST_FAILPOINT).
   */
  atStage?: (stage: RunStage) => Promise<void>
  /** A silent step is said to be still running after this long (default a minute). */
  heartbeatMs?: number
  /** Forces a dry run whatever the spec's mode. */
  dryRun?: boolean
  /**
   * Trains one named challenger of the spec's plan (its params already merged into `params`): the
   * candidate is stored undecided for `select`, or rejected by its own rules. With `expectPlan`, a
   * run whose champion or evaluation data differ from that plan's is refused before any step runs.
   */
  challenger?: { name: string; expectPlan?: string }
  signal?: AbortSignal
  /** Parent of the run's scratch directory (default: the OS temp dir). */
  tempRoot?: string
  keepWorkDir?: boolean
  now?: () => Date
}

interface Champion {
  version: number
  dir: string
  manifest: Manifest
  /** Where its verified bundle is, and its unpacked directory as unpacked: restored when a step changed it. */
  stored?: { bundleDir: string; snapshot: TreeSnapshot }
}

/** The points a run passes, in order; the commit point lies between `outputs-written` and `committed`. */
export const RUN_STAGES = ['steps-done', 'verdict', 'packed', 'stored', 'outputs-written', 'committed'] as const
export type RunStage = (typeof RUN_STAGES)[number]

export interface RunOutcome {
  result: RunResult
  report: string
  exitCode: number
  artifacts: ArtifactRef[]
  /** What became of the effects the commit recorded (a deploy dispatch); null when none ran. */
  followUps?: EffectReport | null
}

function fingerprintsOf(inputs: ResolvedDataInput[]): Record<string, DataFingerprint> {
  return Object.fromEntries(inputs.map(i => [i.name, { fingerprint: i.fingerprint, files: i.files }]))
}

export { evaluationDigest }

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}

/** What every stage of one run reads: its options, workspace, data, champion and expression contexts. */
interface RunContext {
  options: RunOptions
  spec: Spec
  reporter: Reporter
  ws: Workspace
  now: () => Date
  startedAt: Date
  mode: 'auto' | 'gate' | 'dry-run'
  data: ResolvedDataInput[]
  trainingInputs: ResolvedDataInput[]
  evaluationInputs: ResolvedDataInput[]
  /** The values of the secret-looking variables the steps were given (spec env included), to mask in the kept logs. */
  stepSecrets: Map<string, Buffer>
  /** Each data file as it was fingerprinted (see dataAsFingerprinted). */
  dataFiles: Map<string, string>
  snapshot: RegistrySnapshot
  champion: Champion | null
  /** The `${{ }}` contexts; `steps` fills in as steps succeed. */
  contexts: ExpressionContexts
  /** The warm-start contract's environment, the same for every step. */
  contract: Record<string, string>
  trainingReport: string
  /** The params as training reported it used them, when they differ from the declared ones. */
  reportedParams?: Record<string, ParamValue>
  /** Steps and evaluations as they finished, for result.json. */
  records: StepRecord[]
  /** The data's profile, kept in the candidate's bundle. */
  profile: DataProfile
  /** Under `retrain-when: drift`, the data against the champion's profile. */
  drift: DriftReport | null
  /** A challenger's run: its name, the id of the plan it belongs to, and the plan's size. */
  challenger?: { name: string; plan: string; planSize: number }
}

interface ExpressionContexts extends Record<string, unknown> {
  env: Record<string, string>
  steps: Record<string, { outcome: string }>
}

/** Both models' metrics as the rules judge them. */
interface Evaluation {
  candidate: Metrics
  baseline: Metrics | null
  judged: Awaited<ReturnType<typeof judgeableMetrics>>
}

/** The rules' verdict and what it means for this run, with the candidate's lineage. */
interface Decision {
  verdict: ReturnType<typeof evaluateRules>
  plan: ReturnType<typeof planDecision>
  intervalsChart: Awaited<ReturnType<typeof writeIntervalsChart>>
  weights: Awaited<ReturnType<typeof compareModelWeights>>
  warmStart: WarmStartRecord
  lineage: Lineage
}

/** What the commit protocol settles: the version, the decision as carried out, the gate. */
interface CommitRecord {
  version: number | null
  digest: string
  decision: RunResult['decision']
  reason: string
  gate: RunResult['gate']
  error: RunResult['error']
}

export async function runRetraining(options: RunOptions): Promise<RunOutcome> {
  const { reporter } = options
  const ws = await makeWorkspace(options.tempRoot ?? os.tmpdir(), {
    keep: options.keepWorkDir,
    onCleaned: dir => reporter.info(`Removed ${dir}, left by a run that was killed`)
  })
  // Filled as steps start: a spec's own env may give a step a secret-looking variable the runner's lacks.
  const stepSecrets = new Map<string, Buffer>()
  try {
    await removeEarlierResult(options.outputDir).catch(err =>
      reporter.warn(`could not remove the earlier run's result from ${options.outputDir}: ${(err as Error).message}`)
    )
    const ctx = await prepare(options, ws, stepSecrets)
    if (ctx.drift) await writeDriftCharts(options.outputDir, ctx.drift)
    if (ctx.drift && !ctx.drift.drifted) return await skipRun(ctx, ctx.drift)
    const warmStart = await train(ctx)
    const evaluation = await evaluateBoth(ctx)
    const decision = await decide(ctx, warmStart, evaluation)
    return await commit(ctx, evaluation, decision)
  } catch (err) {
    // The steps' logs are what a person needs to see why a run failed.
    await copyLogs(ws.scratchDir, path.join(options.outputDir, 'logs'), stepSecrets.values()).catch(() => undefined)
    if (isDiskFull(err)) throw new DiskFullError((err as NodeJS.ErrnoException).path ?? options.outputDir, { cause: err })
    throw err
  } finally {
    // The steps' own summary reaches the job summary whatever the outcome, before the work dir goes.
    const summary = await readStepSummary(ws.workDir).catch(() => null)
    if (summary !== null) await reporter.stepsSummary?.(summary).catch(err => reporter.warn(`could not add the steps' summary: ${(err as Error).message}`))
    await ws.leftoversCleaned
    if (!options.keepWorkDir) await rm(ws.root, { recursive: true, force: true })
    else reporter.info(`Kept the run's scratch directory (--keep-work-dir): ${ws.root}`)
  }
}

/** The data's fingerprints, the champion (verified), the leakage guard, the contexts and the contract. */
async function prepare(options: RunOptions, ws: Workspace, stepSecrets: Map<string, Buffer>): Promise<RunContext> {
  const { spec, registry, reporter } = options
  const now = options.now ?? (() => new Date())
  const startedAt = now()
  const mode = options.dryRun ? 'dry-run' : spec.promotion.mode
  reporter.info(`Retraining ${spec.model} (spec ${path.relative(process.cwd(), spec.file) || spec.file}, registry ${registry.description}, mode ${mode})`)

  // A param or dispatch input that a step's program would read as an option stops the run before
  // anything is read or run (each step checks again as it starts, with every context known).
  const known = { params: options.params, github: options.github ?? {} }
  refuseOptionValues(spec, known)
  // Data paths may hold expressions on params and github: evaluated first, so the fingerprints list the files read.
  const data = Object.values(await fingerprintData(spec.root, spec.data, known))
  const dataFiles = await describeDataFiles(data)
  // Checks on the new data come before anything else: a failing one means nothing runs, nothing changes.
  await runDataChecks(spec, data, message => reporter.warn(message))
  const evaluationNames = new Set(spec.evaluate.data)
  const evaluationInputs = data.filter(d => evaluationNames.has(d.name))
  const trainingInputs = data.filter(d => !evaluationNames.has(d.name))

  const snapshot = await registry.snapshot(spec.model)
  // Under retrain-when: drift, the champion's manifest alone (its data profile) says whether the run
  // goes on: a skipped run never downloads the champion's bundle.
  let early: RunProfile | null = null
  let skipping: Champion | null = null
  if (spec.retrainWhen && snapshot.champion !== null) {
    const manifest = await championManifest(registry, snapshot, path.join(ws.root, 'champion-manifest'))
    early = await profileRun(spec, data, { version: snapshot.champion, manifest }, reporter)
    if (early.drift && !early.drift.drifted) skipping = { version: snapshot.champion, dir: '', manifest }
  }
  const champion = snapshot.champion === null ? null : (skipping ?? (await loadChampion(options, snapshot, ws)))
  if (champion) reporter.info(`Champion: version ${champion.version} (bundle ${champion.manifest.digest.slice(0, 12)}, ${skipping ? 'manifest ' : ''}verified)`)
  else reporter.info('No champion yet: this is the first model, trained from scratch')
  checkLeakage(spec, evaluationInputs, trainingInputs, champion)
  const challenger = options.challenger && {
    name: options.challenger.name,
    plan: planId(spec, champion && { version: champion.version, digest: champion.manifest.digest }, evaluationDigest(evaluationInputs)),
    planSize: spec.challengers.length
  }
  if (challenger && options.challenger?.expectPlan !== undefined && options.challenger.expectPlan !== challenger.plan) {
    throw new RetrainError(
      `challenger ${challenger.name} belongs to plan ${options.challenger.expectPlan}, but with the champion as it is now ` +
        `(${champion ? `version ${champion.version}` : 'none'}) and the evaluation data as it is now, the plan is ${challenger.plan}: ` +
        'the champion, the spec or the evaluation data changed since the plan; nothing ran. Plan again.',
      ExitCode.conflict,
      'plan-moved'
    )
  }
  // One pass over the data: the profile the bundle keeps, checks against the champion's, drift.
  const { profile, drift } = early ?? (await profileRun(spec, data, champion, reporter))

  const contexts: ExpressionContexts = {
    params: options.params,
    data: Object.fromEntries(data.map(d => [d.name, { paths: d.absolutePaths, fingerprint: d.fingerprint }])),
    github: options.github ?? {},
    baseline: { version: champion?.version ?? null, dir: champion?.dir ?? '' },
    candidate: { dir: ws.modelDir },
    steps: {},
    env: {}
  }
  contexts.env = Object.fromEntries(Object.entries(spec.env).map(([k, v]) => [k, evaluateTemplate(v, contexts)]))
  const trainingReport = path.join(ws.workDir, '.retrain-training-report.json')
  const contract = contractEnv({
    model: spec.model,
    baselineDir: champion?.dir ?? null,
    baselineVersion: champion?.version ?? null,
    baselineDigest: champion?.manifest.digest ?? null,
    modelDir: ws.modelDir,
    workDir: ws.workDir,
    params: options.params,
    data: Object.fromEntries(data.map(d => [d.name, d.absolutePaths])),
    warmStart: spec.warmStart,
    trainingReport
  })
  return {
    options,
    spec,
    reporter,
    ws,
    now,
    startedAt,
    mode,
    data,
    trainingInputs,
    evaluationInputs,
    stepSecrets,
    dataFiles,
    snapshot,
    champion,
    contexts,
    contract,
    trainingReport,
    records: [],
    profile,
    drift,
    ...(challenger && { challenger })
  }
}

/**
 * The option-value checks of every step and of the evaluation, on the values known when the run
 * starts; an expression on a context that does not exist yet counts as empty here (never refused).
 */
function refuseOptionValues(spec: Spec, contexts: Record<string, unknown>): void {
  const evaluate = (expression: string): string => {
    try {
      return evaluateTemplate(`\${{ ${expression} }}`, contexts)
    } catch {
      return ''
    }
  }
  const problems = [...spec.steps, spec.evaluate].flatMap(command => optionValueProblems(command.expressionEnv ?? [], evaluate))
  if (problems.length > 0) throw new InputError(problems)
}

/** Runs the steps in order; returns where training started from. */
async function train(ctx: RunContext): Promise<WarmStartRecord> {
  for (const step of ctx.spec.steps) {
    await championAsStored(ctx, `step ${step.name}`)
    ctx.records.push(await runStep(ctx, step).catch(async (err: unknown) => Promise.reject((await refusedWarmStart(ctx, err)) ?? err)))
    ctx.contexts.steps[step.id] = { outcome: 'success' }
  }
  await ctx.options.atStage?.('steps-done')
  const warmStart = await resolveWarmStart(ctx.spec, ctx.champion, ctx.trainingReport)
  ctx.reportedParams = await readReportedParams(ctx.trainingReport, ctx.options.params)
  if ((await readdir(ctx.ws.modelDir)).length === 0) {
    throw new StepError(`the steps wrote nothing to $${ContractEnv.modelDir}: there is no candidate model to evaluate`, 'training', '')
  }
  return warmStart
}

/** The same evaluate command for the candidate, the champion and any pinned version; then computed metrics. */
async function evaluateBoth(ctx: RunContext): Promise<Evaluation> {
  const { champion, spec } = ctx
  const declared = reportedMetrics(spec)
  await dataAsFingerprinted(ctx, 'the steps ran', ExitCode.stepFailed)
  // The bundle must hold the model the rules judge: the candidate's directory as its evaluation read it.
  const trained = await snapshotTree(ctx.ws.modelDir)
  const candidate = await evaluateModel(ctx, { role: 'candidate', dir: ctx.ws.modelDir, version: null }, declared)
  await unchangedAfterEvaluation(ctx, trained, 'the candidate was evaluated')
  let baseline: Metrics | null = null
  if (champion) {
    await championAsStored(ctx, 'the champion is evaluated')
    try {
      baseline = await evaluateModel(ctx, { role: 'baseline', dir: champion.dir, version: champion.version }, declared)
    } catch (err) {
      if (!(err instanceof RetrainError) || notAnEvaluationFailure(err)) throw err
      throw new EvaluationError(
        `the champion (version ${champion.version}) could not be evaluated with the current evaluate command, so the candidate ` +
          `cannot be compared with it; nothing was promoted. ${err.message}`,
        'baseline-evaluation-failed'
      )
    }
    await unchangedAfterEvaluation(ctx, trained, `the champion (version ${champion.version}) was evaluated`)
  }
  // Pinned versions (`against: N`) are evaluated like the champion; metrics the action computes
  // come from every model's predictions, the same way for each, with their bootstrap evidence.
  const references = champion ? await evaluateReferences(ctx, champion, declared) : new Map<number, Metrics | string>()
  if (references.size > 0) {
    await unchangedAfterEvaluation(ctx, trained, 'the versions a rule compares with were evaluated')
  }
  const judged = await judgeableMetrics(
    spec,
    ctx.ws.evalDir,
    { candidate, baseline, references },
    m => ctx.reporter.warn(m),
    path.join(ctx.options.outputDir, 'metrics')
  )
  return { candidate: judged.candidate, baseline: judged.baseline, judged }
}

/** The rules' verdict, the plan it leads to, the weight comparison and the candidate's lineage. */
async function decide(ctx: RunContext, warmStart: WarmStartRecord, evaluation: Evaluation): Promise<Decision> {
  const { spec, options, champion } = ctx
  const verdict = evaluateRules(spec.metrics, evaluation.candidate, evaluation.baseline, evaluation.judged.evidence)
  const intervalsChart = await writeIntervalsChart(options.outputDir, spec.model, verdict.outcomes)
  // A challenger is not gated on its own: a borderline one is rejected, a passing one waits for select.
  const planned = planDecision(verdict, { ...spec.promotion, mode: ctx.mode, ...(ctx.challenger && { borderline: 'reject' as const }) })
  const plan = ctx.challenger ? holdForSelection(planned, ctx.challenger.name, ctx.challenger.plan) : planned
  ctx.reporter.info(`Verdict: ${plan.reason}`)
  await options.atStage?.('verdict')
  await championAsStored(ctx, 'its weights are compared')
  const weights = await compareModelWeights(champion, ctx.ws.modelDir, m => ctx.reporter.warn(m))
  const lineage: Lineage = {
    model: spec.model,
    version: null,
    parentVersion: warmStart.source === 'champion' ? (champion?.version ?? null) : null,
    warmStart,
    specDigest: spec.digest,
    gitCommit: options.gitCommit,
    params: options.params,
    ...(ctx.reportedParams && { reportedParams: ctx.reportedParams }),
    trainingData: fingerprintsOf(ctx.trainingInputs),
    evaluationData: fingerprintsOf(ctx.evaluationInputs),
    metrics: evaluation.candidate,
    toolVersion: options.toolVersion,
    ...stepCacheLineage(ctx.records),
    createdAt: ctx.now().toISOString(),
    environment: await describeEnvironment(spec, options.baseEnv),
    dataProfile: ctx.profile
  }
  return { verdict, plan, intervalsChart, weights, warmStart, lineage }
}

/**
 * The commit protocol. Before the commit point anything may still fail or be cancelled with nothing
 * changed: the version number is reserved (numbers are never reused), the bundle packed, uploaded
 * as artifacts and stored under it, the gate opened, and every file a person reads afterwards
 * written, so that nothing after the commit can fail for lack of space. The commit is one registry
 * write; after it, the run finishes its record even if cancelled.
 */
async function commit(ctx: RunContext, evaluation: Evaluation, decision: Decision): Promise<RunOutcome> {
  const { options, spec, reporter, ws, champion } = ctx
  const { plan, lineage } = decision
  const registry = options.registry
  throwIfCancelled(options.signal)
  const record: CommitRecord = { version: null, digest: '', decision: plan.decision, reason: plan.reason, gate: null, error: null }
  record.version = plan.action === 'none' ? null : await registry.reserveVersion(spec.model)
  let committed = false
  let staged: StagedOutputs | null = null
  const artifacts: ArtifactRef[] = []
  const result = () => buildResult(ctx, evaluation, decision, record)
  try {
    const manifest = await precommit(() => packBundle(ws.modelDir, ws.bundleDir, { ...lineage, version: record.version }))
    record.digest = manifest.digest
    reporter.info(
      `Candidate bundle: ${manifest.files.length} file${manifest.files.length === 1 ? '' : 's'}, ${manifest.archiveSize} bytes, digest ${manifest.digest.slice(0, 12)}`
    )
    await options.atStage?.('packed')
    // Uploaded before anything is stored: a failed upload fails the run with the registry untouched,
    // and a run that fails later (a token that expired, a registry that refuses) still leaves its
    // candidate's bundle and logs in the workflow run.
    // The logs as kept (secrets masked, nothing but the logs) are the ones uploaded.
    const logsOut = path.join(options.outputDir, 'logs')
    const logs = await precommit(() => copyLogs(ws.scratchDir, logsOut, ctx.stepSecrets.values()))
    if (options.artifacts) artifacts.push(...(await uploadArtifacts(options.artifacts, spec.model, record.version, ws, logs, logsOut, ctx.challenger?.name)))
    const bundleOut = path.join(options.outputDir, 'bundle')
    const storage = await precommit(async () => {
      await mkdir(bundleOut, { recursive: true })
      for (const name of [BUNDLE_ARCHIVE, BUNDLE_MANIFEST]) await copyFile(path.join(ws.bundleDir, name), path.join(bundleOut, name))
      return record.version === null ? null : await registry.storeBundle(spec.model, record.version, ws.bundleDir)
    })
    await options.atStage?.('stored')
    throwIfCancelled(options.signal)
    if (plan.action === 'gate' && record.version !== null) {
      record.gate = await options.gate.open({
        model: spec.model,
        candidate: record.version,
        baseline: champion?.version ?? null,
        reportMarkdown: renderReport(result())
      })
      reporter.info(`Release gate opened: ${record.gate.where}`)
    }
    staged = await precommit(() => stageOutputs(options.outputDir, result()))
    await options.atStage?.('outputs-written')
    throwIfCancelled(options.signal)

    if (record.version !== null) {
      const version = record.version
      const status = plan.action === 'promote' ? 'promoted' : plan.action === 'gate' ? 'pending' : plan.action === 'hold' ? 'candidate' : 'rejected'
      const pins = pinnedVersions(spec)
      const register = (s: typeof status, decided: string, why: string) =>
        registry.apply(spec.model, {
          kind: 'register',
          version,
          record: {
            baselineVersion: champion?.version ?? null,
            digest: manifest.digest,
            metrics: evaluation.candidate,
            evaluationData: evaluationDigest(ctx.evaluationInputs),
            ...(pins.length > 0 && { comparedWith: pins }),
            decision: decided,
            createdAt: lineage.createdAt,
            storage,
            ...(ctx.challenger && {
              challenger: {
                ...ctx.challenger,
                params: options.params,
                evidence: challengerEvidence(spec, evaluation.judged.evidence, ctx.challenger.planSize)
              }
            })
          },
          status: s,
          expectChampion: champion?.version ?? null,
          who: { actor: options.actor, reason: why },
          effects: s === 'promoted' ? (options.promotionEffects?.(version) ?? []) : []
        })
      try {
        await register(status, plan.decision, plan.reason)
      } catch (err) {
        if (!(err instanceof StaleBaselineError)) throw err
        // The champion moved since the comparison: the candidate is recorded as rejected, and says why.
        Object.assign(record, { decision: 'rejected', reason: err.message, error: { reason: err.reason, message: err.message } })
        await register('rejected', 'stale-baseline', err.message)
        await withdrawGate(ctx, record, `version ${version} was rejected because ${err.message}`)
      }
      committed = true
      await options.atStage?.('committed')
      reporter.info(
        record.decision === 'promoted'
          ? `Promoted version ${version}: it is now the champion of ${spec.model}`
          : `Stored the candidate as version ${version} (${record.decision === 'pending-approval' ? 'pending approval' : record.decision})`
      )
    }
    const final = result()
    const report = renderReport(final)
    await publishOutputs(staged, final, report, m => reporter.warn(m))
    staged = null

    // After the commit: a cancellation no longer undoes anything; the run finishes its record.
    if (options.signal?.aborted)
      reporter.warn(`Cancelled after the decision was committed (version ${record.version}, ${record.decision}); finishing its record`)
    const followUps = record.version !== null ? await settleEffects(options, spec.model) : null
    // Retention, when the spec sets it: after the commit, and only a warning if it fails (prune-command.ts says why not an effect).
    if (record.version !== null && spec.retention) {
      const { pruneAfterRun } = await import('./prune-command.js')
      await pruneAfterRun(registry, spec, options.actor, reporter)
    }
    await reporter.report(report)
    return { result: final, report, exitCode: record.error ? ExitCode.conflict : ExitCode.ok, artifacts, followUps }
  } catch (err) {
    // A registration whose answer was lost and that cannot be read back may have landed: its version may
    // wait at the gate, so the gate stays open and the version is not given back (moot gates close later).
    const perhapsCommitted = err instanceof RetrainError && err.reason === 'outcome-unknown'
    if (perhapsCommitted && !committed)
      reporter.warn(`version ${record.version} may be registered: its release gate stays open, and the next command closes it if nothing waits on it`)
    if (staged && !committed) await discardOutputs(staged)
    if (!committed && !perhapsCommitted)
      await withdrawGate(ctx, record, `the run that opened it ended before recording version ${record.version} (${(err as Error).message})`)
    if (record.version !== null && !committed && !perhapsCommitted) {
      const version = record.version
      await registry.abandonVersion(spec.model, version).catch(e => reporter.warn(`could not give back version ${version}: ${(e as Error).message}`))
    }
    throw err
  }
}

/** Withdraws the gate a commit opened for a candidate that is not pending after all; a failure to is only a warning. */
async function withdrawGate(ctx: RunContext, record: CommitRecord, why: string): Promise<void> {
  const { gate } = ctx.options
  if (!record.gate || !gate.close) return
  const ref = record.gate
  await gate.close(ref, why).then(
    () => ctx.reporter.info(`Withdrew the release gate ${ref.where}`),
    e => ctx.reporter.warn(`could not withdraw the release gate ${ref.where}: ${(e as Error).message}`)
  )
}

function buildResult(ctx: RunContext, evaluation: Evaluation, decision: Decision, record: CommitRecord): RunResult {
  const { spec, champion } = ctx
  const { verdict, plan, warmStart, lineage, intervalsChart, weights } = decision
  const { judged } = evaluation
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    model: spec.model,
    decision: record.decision,
    wouldBe: plan.wouldBe ?? null,
    reason: record.reason,
    mode: ctx.mode,
    firstModel: verdict.firstModel,
    goals: Object.fromEntries(spec.metrics.map(m => [m.name, m.goal])),
    passed: verdict.passed,
    candidate: {
      version: record.version,
      digest: record.digest,
      metrics: evaluation.candidate,
      warmStart: { ...warmStart, parentVersion: lineage.parentVersion }
    },
    baseline: champion && evaluation.baseline ? { version: champion.version, metrics: evaluation.baseline } : null,
    rules: verdict.outcomes,
    gate: record.gate,
    params: ctx.options.params,
    ...(ctx.reportedParams && { reportedParams: ctx.reportedParams }),
    data: Object.fromEntries(ctx.data.map(d => [d.name, d.fingerprint])),
    steps: ctx.records,
    startedAt: ctx.startedAt.toISOString(),
    finishedAt: ctx.now().toISOString(),
    error: record.error,
    ...(judged.references.size > 0 && {
      references: [...judged.references].map(([v, m]) =>
        typeof m === 'string' ? { version: v, metrics: null, problem: m } : { version: v, metrics: m, problem: null }
      )
    }),
    ...(judged.slices.length > 0 && { slices: judged.slices }),
    ...(intervalsChart !== null && { charts: { intervals: intervalsChart } }),
    ...(weights && { weights }),
    ...(ctx.drift && { drift: ctx.drift }),
    ...(ctx.challenger && { challenger: ctx.challenger })
  }
}

/** `retrain-when: drift` and nothing drifted: no step runs, nothing changes; the result says why. */
async function skipRun(ctx: RunContext, drift: DriftReport): Promise<RunOutcome> {
  const { options, spec } = ctx
  const result: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    model: spec.model,
    decision: 'skipped',
    wouldBe: null,
    reason: skipReason(drift),
    mode: ctx.mode,
    firstModel: false,
    goals: Object.fromEntries(spec.metrics.map(m => [m.name, m.goal])),
    passed: false,
    candidate: { version: null, digest: '', metrics: {}, warmStart: { source: 'cold', reason: 'not trained: nothing drifted', parentVersion: null } },
    baseline: null,
    rules: [],
    gate: null,
    params: options.params,
    data: Object.fromEntries(ctx.data.map(d => [d.name, d.fingerprint])),
    steps: [],
    startedAt: ctx.startedAt.toISOString(),
    finishedAt: ctx.now().toISOString(),
    error: null,
    drift
  }
  const report = renderReport(result)
  const staged = await precommit(() => stageOutputs(options.outputDir, result))
  await publishOutputs(staged, result, report, m => ctx.reporter.warn(m))
  ctx.reporter.info(`Skipped: ${result.reason}`)
  await ctx.reporter.report(report)
  return { result, report, exitCode: ExitCode.ok, artifacts: [] }
}

async function loadChampion(options: RunOptions, snapshot: RegistrySnapshot, ws: Workspace): Promise<Champion> {
  const version = snapshot.champion!
  const bundleDir = await options.registry.fetchBundle(options.spec.model, version, path.join(ws.root, 'baseline-bundle'))
  const manifest = await unpackBundle(bundleDir, ws.baselineDir)
  // A bundle only proves it agrees with its own manifest; the registry's record says which bundle it must be.
  const expected = snapshot.versions.find(v => v.version === version)?.digest
  if (manifest.digest !== expected) {
    throw new IntegrityError(
      `the champion's bundle (version ${version}) has digest ${manifest.digest}, but the registry recorded ${expected ?? 'none'}; ` +
        'it was replaced after it was stored, so it is not used',
      'champion-digest-mismatch'
    )
  }
  return { version, dir: ws.baselineDir, manifest, stored: { bundleDir, snapshot: await snapshotTree(ws.baselineDir) } }
}

/** The champion's directory as stored before each step, its evaluation and comparison: a step may have written into it. */
async function championAsStored(ctx: RunContext, before: string): Promise<void> {
  const champion = ctx.champion
  if (!champion?.stored) return
  const { changes, snapshot } = await restoreChangedTree(champion.dir, champion.stored.snapshot, champion.stored.bundleDir, champion.manifest.digest)
  champion.stored.snapshot = snapshot
  if (changes.length === 0) return
  ctx.reporter.warn(
    `a step changed the champion's unpacked model in $${ContractEnv.baselineDir} (${previewChanges(changes)}); it was unpacked again from ` +
      `the champion's bundle (version ${champion.version}) before ${before}, so every step and the comparison see the champion as it is stored. Write to $${ContractEnv.modelDir} or $${ContractEnv.workDir} instead`
  )
}

/**
 * Each data file (by absolute path) and what it is now: its inode, size and change time, which any
 * write, or a file put in its place, changes (no step can set a change time back).
 */
async function describeDataFiles(data: ResolvedDataInput[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const input of data) {
    for (const file of input.absolutePaths) {
      const info = await stat(file, { bigint: true }).catch(() => null)
      out.set(file, info ? `${info.ino}:${info.size}:${info.ctimeNs}` : 'missing')
    }
  }
  return out
}

/**
 * The data were fingerprinted, checked for leakage and recorded in the lineage before any step ran;
 * the models must be trained and scored on exactly that. A step or an evaluate command that rewrites
 * a data file in place (a cleaning script, evaluation data overwritten with training data, the
 * candidate's evaluation changing what the champion is scored on) fails the run before anything is stored.
 */
async function dataAsFingerprinted(ctx: RunContext, during: string, exitCode: ExitCodeValue = ExitCode.evaluationFailed): Promise<void> {
  const now = await describeDataFiles(ctx.data)
  const changed = [...ctx.dataFiles].filter(([file, was]) => now.get(file) !== was).map(([file]) => path.relative(ctx.spec.root, file) || file)
  if (changed.length === 0) return
  const names = ctx.data.filter(d => d.absolutePaths.some(f => now.get(f) !== ctx.dataFiles.get(f))).map(d => d.name)
  throw new RetrainError(
    `the data changed while ${during} (${names.join(', ')}: ${previewChanges(changed)}): the data were fingerprinted, checked for ` +
      'leakage and recorded in the lineage before any step ran, and the models must be trained and scored on exactly that, so nothing ' +
      `was stored or promoted. Steps and evaluate commands read the data inputs and write elsewhere ($${ContractEnv.workDir}, $${ContractEnv.modelDir})`,
    exitCode,
    'data-changed'
  )
}

/**
 * The candidate's directory is shared with every evaluation ($RETRAIN_MODEL_DIR), the champion's
 * included. What its evaluation scored is what is packed and stored: a change after training (an
 * evaluate command that writes a file there, for any model) would store a model the rules did not
 * judge, or one with the champion's files mixed in, so it fails the run before anything is stored.
 */
/** After an evaluation: the data as fingerprinted and the candidate as trained, else the run fails. */
async function unchangedAfterEvaluation(ctx: RunContext, trained: TreeSnapshot, during: string): Promise<void> {
  await dataAsFingerprinted(ctx, during)
  await candidateAsEvaluated(ctx, trained, during)
}

async function candidateAsEvaluated(ctx: RunContext, trained: TreeSnapshot, during: string): Promise<void> {
  const changes = treeChanges(trained, await snapshotTree(ctx.ws.modelDir))
  if (changes.length === 0) return
  throw new EvaluationError(
    `the candidate's model in $${ContractEnv.modelDir} changed while ${during} (${previewChanges(changes)}): the bundle would not hold ` +
      `the model whose metrics the rules judge, so nothing was stored or promoted. An evaluate command reads the model in ` +
      `$${ContractEnv.evalModelDir} and writes only to $${ContractEnv.metricsFile}, $${ContractEnv.predictionsFile} or $${ContractEnv.workDir}`,
    'candidate-changed'
  )
}

/**
 * Evaluates each version a rule pins (`against: N`) with the same command, so a non-inferiority
 * margin is measured from a fixed reference and cannot compound over generations. A version that is
 * missing, fails verification or cannot be evaluated yields the reason its rules fail closed.
 */
async function evaluateReferences(ctx: RunContext, champion: Champion, declared: string[]): Promise<Map<number, Metrics | string>> {
  const { spec, options, ws, snapshot } = ctx
  const pinned = pinnedVersions(spec)
  const out = new Map<number, Metrics | string>()
  for (const version of pinned) {
    const record = snapshot.versions.find(v => v.version === version)
    if (!record) {
      out.set(version, `version ${version} of ${spec.model} is not in the registry`)
      continue
    }
    const dir = path.join(ws.root, `reference-v${version}`)
    try {
      if (version === champion.version) {
        // The champion was just evaluated: the same files serve as the pinned version's.
        for (const [from, to] of [
          [path.join(ws.evalDir, 'baseline-metrics.json'), path.join(ws.evalDir, `reference-v${version}-metrics.json`)],
          [predictionsFileOf(spec, ws.evalDir, 'baseline'), predictionsFileOf(spec, ws.evalDir, { reference: version })]
        ] as const) {
          if (existsSync(from)) await copyFile(from, to)
        }
        const { metrics } =
          declared.length === 0
            ? { metrics: {} }
            : await readMetricsFile(path.join(ws.evalDir, `reference-v${version}-metrics.json`), declared, `version ${version}`)
        out.set(version, metrics)
        continue
      }
      const bundleDir = await options.registry.fetchBundle(spec.model, version, path.join(ws.root, `reference-v${version}-bundle`))
      const manifest = await unpackBundle(bundleDir, dir)
      if (manifest.digest !== record.digest) throw new IntegrityError(`its bundle has digest ${manifest.digest}, but the registry recorded ${record.digest}`)
      out.set(version, await evaluateModel(ctx, { role: 'reference', dir, version }, declared))
    } catch (err) {
      if (!(err instanceof RetrainError) || notAnEvaluationFailure(err)) throw err
      options.reporter.warn(`version ${version}, which a rule compares with, could not be evaluated: ${err.message}`)
      out.set(version, `version ${version} could not be evaluated (${err.message})`)
    }
  }
  return out
}

function checkLeakage(spec: Spec, evaluation: ResolvedDataInput[], training: ResolvedDataInput[], champion: Champion | null): void {
  const evaluationPrints = fingerprintsOf(evaluation)
  const sources: [string, Record<string, DataFingerprint>][] = [['this run', fingerprintsOf(training)]]
  if (champion) sources.push([`the champion (version ${champion.version})`, champion.manifest.lineage.trainingData])
  const problems = sources.flatMap(([whose, prints]) =>
    findLeaks(evaluationPrints, prints).map(leak => ({
      file: spec.file,
      line: spec.evaluate.location.line,
      col: spec.evaluate.location.col,
      message:
        `leakage: evaluation data "${leak.evaluationInput}" (${leak.file}) is among the training data ("${leak.trainingInput}") of ${whose}; ` +
        'evaluate on data neither model was trained on'
    }))
  )
  if (problems.length > 0) throw new InputError(problems, 'leakage')
}

/**
 * The leakage guard knows the evaluation's data by the inputs evaluate.data lists; the built-in
 * evaluation (`retrain evaluate --data NAME`) can name another. Each input it scored on is one
 * evaluate.data lists, or the run stops before anything is recorded: every other input is training data.
 */
function checkBuiltinEvaluationData(ctx: RunContext, read: string, role: EvaluationTarget['role']): void {
  const { spec } = ctx
  const outside = [...new Set(read.split('\n').filter(Boolean))].filter(name => !spec.evaluate.data.includes(name))
  if (outside.length === 0) return
  throw new InputError(
    outside.map(name => ({
      file: spec.file,
      line: spec.evaluate.location.line,
      col: spec.evaluate.location.col,
      message:
        `leakage: evaluate.run scored the ${role} on data input "${name}" (retrain evaluate --data ${name}), which evaluate.data does not list: ` +
        `every input it does not list is training data, so the metrics would reward memorizing it. Score on ${spec.evaluate.data.map(d => `--data ${d}`).join(' or ')}, ` +
        'or list the input in evaluate.data (and train on another)'
    })),
    'leakage'
  )
}

interface TrainingReport {
  warmStart?: unknown
  from?: unknown
  reason?: unknown
  packages?: unknown
  params?: unknown
}

/**
 * Where training started, as the training report says. A warm start counts as confirmed only when
 * the report names the champion bundle's digest (RETRAIN_BASELINE_DIGEST): a step that ignored the
 * champion cannot pass for a warm start. `required` fails an unconfirmed one; `fallback` records it.
 */
async function resolveWarmStart(spec: Spec, champion: Champion | null, reportFile: string): Promise<WarmStartRecord> {
  const text = await readFile(reportFile, 'utf8').catch(() => null)
  let report: TrainingReport = {}
  if (text !== null) {
    try {
      report = JSON.parse(text) as TrainingReport
    } catch {
      throw new InputError([
        {
          message: `$${ContractEnv.trainingReport} (${reportFile}) is not valid JSON: write {"warmStart": true, "from": "<digest>"} or {"warmStart": false, "reason": "..."}`
        }
      ])
    }
  }
  const packages =
    report.packages && typeof report.packages === 'object' && !Array.isArray(report.packages)
      ? (Object.fromEntries(
          Object.entries(report.packages as Record<string, unknown>)
            .filter(([, v]) => typeof v === 'string')
            .slice(0, 50)
        ) as Record<string, string>)
      : undefined
  const extra = packages && Object.keys(packages).length ? { packages } : {}
  if (!champion) return { source: 'cold', reason: 'first-model', ...extra }
  if (report.warmStart === false) {
    const reason = typeof report.reason === 'string' && report.reason ? report.reason : 'the training step started from scratch'
    if (spec.warmStart === 'required') {
      throw new RetrainError(
        `warm start is required (warm-start: required) but training did not start from the champion (version ${champion.version}): ${reason}`,
        ExitCode.stepFailed,
        'warm-start-required'
      )
    }
    return { source: 'cold', reason, ...extra }
  }
  const digest = champion.manifest.digest
  const confirmed = report.warmStart === true && report.from === digest
  if (!confirmed && spec.warmStart === 'required') {
    const why =
      text === null
        ? 'no step wrote a training report'
        : report.warmStart === true
          ? `the training report names ${typeof report.from === 'string' ? `bundle ${report.from.slice(0, 12)}` : 'no bundle'}, not the champion's`
          : 'the training report does not say warmStart: true'
    throw new RetrainError(
      `warm start is required (warm-start: required) but nothing confirmed that training started from the champion (version ${champion.version}, ` +
        `bundle ${digest.slice(0, 12)}): ${why}. After loading the champion from $${ContractEnv.baselineDir}, write ` +
        `{"warmStart": true, "from": "$${ContractEnv.baselineDigest}"} to $${ContractEnv.trainingReport} (the helpers in helpers/ do it in one call; built-in trainers do it themselves)`,
      ExitCode.stepFailed,
      'warm-start-unconfirmed'
    )
  }
  return { source: 'champion', confirmed, ...extra }
}

/**
 * A step that failed after reporting a cold start (`{"warmStart": false}`), as a built-in trainer does
 * when `warm-start: required` cannot be met: the run fails as a refused warm start, with the reason.
 */
async function refusedWarmStart(ctx: RunContext, err: unknown): Promise<unknown> {
  if (!(err instanceof StepError) || err.reason !== 'step-failed' || !ctx.champion || ctx.spec.warmStart !== 'required') return null
  const report = await readFile(ctx.trainingReport, 'utf8')
    .then(text => JSON.parse(text) as TrainingReport)
    .catch(() => null)
  if (report?.warmStart !== false) return null
  return resolveWarmStart(ctx.spec, ctx.champion, ctx.trainingReport).then(
    () => null,
    (refused: unknown) => refused
  )
}

/** How many params a training report may list, and how long a reported text may be, to be recorded. */
const MAX_REPORTED_PARAMS = 100
const MAX_REPORTED_TEXT = 1024

/**
 * The params as the training report says the step used them (`"params": {...}`): recorded when any
 * differs from the declared ones (a script's own default, a value it clamped). Only plain values.
 */
async function readReportedParams(reportFile: string, declared: Record<string, ParamValue>): Promise<Record<string, ParamValue> | undefined> {
  const text = await readFile(reportFile, 'utf8').catch(() => null)
  let report: TrainingReport
  try {
    report = text === null ? {} : (JSON.parse(text) as TrainingReport)
  } catch {
    return undefined
  }
  const raw = report?.params
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined
  const reported: Record<string, ParamValue> = {}
  for (const [name, value] of Object.entries(raw as Record<string, unknown>).slice(0, MAX_REPORTED_PARAMS)) {
    if (name.length > 200) continue
    if (
      (typeof value === 'string' && value.length <= MAX_REPORTED_TEXT) ||
      typeof value === 'boolean' ||
      (typeof value === 'number' && Number.isFinite(value))
    ) {
      reported[name] = value
    }
  }
  const differs = Object.entries(reported).some(([name, value]) => !Object.hasOwn(declared, name) || String(declared[name]) !== String(value))
  return differs ? reported : undefined
}

function stepEnv(
  ctx: RunContext,
  raw: Record<string, string>,
  expressionEnv: StepSpec['expressionEnv'],
  extra: Record<string, string>
): Record<string, string> {
  const { options, contexts } = ctx
  const own = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, evaluateTemplate(v, contexts)]))
  const expressions = Object.fromEntries(expressionEnv.map(e => [e.name, evaluateTemplate(`\${{ ${e.expression} }}`, contexts)]))
  const cli: Record<string, string> = options.cli ? { [ContractEnv.cli]: options.cli.script, [ContractEnv.helpersDir]: helpersDir(options.cli.script) } : {}
  return { ...options.baseEnv, ...contexts.env, ...own, ...ctx.contract, ...cli, ...extra, ...expressions }
}

/** The helpers folder shipped beside dist/ (in the repository and in the package); '' when it is not there. */
function helpersDir(cliScript: string): string {
  const dir = path.resolve(path.dirname(cliScript), '..', 'helpers')
  return existsSync(path.join(dir, 'python', 'retrain_contract.py')) ? dir : ''
}

/** A `uses:` step's `with:` values with every `${{ }}` evaluated, as data (never shell text). */
function evaluateWith(value: unknown, contexts: Record<string, unknown>, where: StepSpec['location']): unknown {
  if (typeof value === 'string') return evaluateTemplate(value, contexts, where)
  if (Array.isArray(value)) return value.map(v => evaluateWith(v, contexts, where))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateWith(v, contexts, where)]))
  return value
}

/** How long a step may be silent before the run says it is still running. */
const HEARTBEAT_MS = 60_000

function timeoutOf(minutes: number | undefined): number | undefined {
  return minutes === undefined ? undefined : Math.round(minutes * 60_000)
}

async function execute(
  ctx: RunContext,
  label: string,
  id: string,
  target: Pick<StepSpec, 'run' | 'shell' | 'workingDirectory' | 'timeoutMinutes'>,
  env: Record<string, string>,
  argv?: string[]
): Promise<number> {
  const { reporter, options, spec } = ctx
  const cwd = target.workingDirectory ? path.resolve(spec.root, evaluateTemplate(target.workingDirectory, ctx.contexts)) : spec.root
  // RETRAIN_PARAMS_FILE is RETRAIN_PARAMS in a file: each process gets the run's params, the ones
  // lineage records, whatever an earlier step wrote into it.
  const paramsFile = ctx.contract[ContractEnv.paramsFile]!
  const params = paramsFileText(options.params)
  if ((await readFile(paramsFile, 'utf8').catch(() => null)) !== params) await writeFile(paramsFile, params)
  reporter.startGroup(label)
  // A step that prints nothing for a long time looks hung: say it is still running.
  const started = Date.now()
  let lastOutput = started
  const every = options.heartbeatMs ?? HEARTBEAT_MS
  const heartbeat = setInterval(
    () => {
      if (Date.now() - lastOutput < every) return
      reporter.info(`${label}: still running, ${seconds(Date.now() - started)} elapsed, no output for ${seconds(Date.now() - lastOutput)}`)
      lastOutput = Date.now()
    },
    Math.max(50, Math.min(every, 10_000))
  )
  heartbeat.unref()
  for (const secret of secretValues(env)) ctx.stepSecrets.set(secret.toString('base64'), secret)
  const result = await runProcess({
    id,
    script: target.run ?? '',
    shell: target.shell,
    ...(argv && { argv }),
    cwd,
    env,
    timeoutMs: timeoutOf(target.timeoutMinutes),
    scratchDir: ctx.ws.scratchDir,
    signal: options.signal,
    onLine: (stream, line) => {
      lastOutput = Date.now()
      reporter.stepOutput(id, stream, line)
    }
  }).finally(() => {
    clearInterval(heartbeat)
    reporter.endGroup()
  })
  if (result.cancelled) throw new CancelledError('a signal')
  if ((await readFile(paramsFile, 'utf8').catch(() => null)) !== params) {
    reporter.warn(
      `${label} changed RETRAIN_PARAMS_FILE; later steps get the run's params again (the ones recorded with the version): ` +
        'pass what a step computes to later steps in a file under RETRAIN_WORK_DIR'
    )
  }
  if (result.timedOut) {
    throw new StepError(`${label} timed out after ${target.timeoutMinutes} minutes and was stopped`, id, result.tail, 'step-timeout')
  }
  if (result.exitCode !== 0) {
    const how = result.exitCode === null ? `was killed by ${result.signal}` : `failed with exit code ${result.exitCode}`
    throw new StepError(`${label} ${how} after ${seconds(result.durationMs)}; nothing was promoted and the registry is unchanged`, id, result.tail)
  }
  reporter.info(`${label} finished in ${seconds(result.durationMs)}`)
  return result.durationMs
}

async function runStep(ctx: RunContext, step: StepSpec): Promise<StepRecord> {
  const { options } = ctx
  const extra: Record<string, string> = { [ContractEnv.step]: step.id }
  let argv: string[] | undefined
  if (step.uses !== undefined) {
    if (!options.cli) {
      throw new InputError(
        [{ ...step.location, message: `step "${step.id}": "uses: ${step.uses}" needs the retrain CLI, which this shell does not provide; use run:` }],
        'unsupported-step'
      )
    }
    // A built-in trainer is one more user of the contract: this tool's own CLI in a child process,
    // through the same runner, with its options as JSON in the environment.
    argv = [options.cli.node, options.cli.script, 'train', step.uses.slice('builtin/'.length)]
    const withValues = evaluateWith(step.with ?? {}, ctx.contexts, step.location) as Record<string, unknown>
    // The loader refuses a literal with.data that evaluate.data reads; an expression's value is known now.
    const reads = typeof withValues.data === 'string' ? withValues.data.trim() : 'train'
    if (ctx.spec.evaluate.data.includes(reads)) {
      const message = `step "${step.id}": with.data is "${reads}", which evaluate.data reads: a model trained on its evaluation data would be judged on what it memorized`
      throw new InputError([{ ...step.location, message }], 'leakage')
    }
    extra[ContractEnv.builtinOptions] = JSON.stringify(withValues)
  }
  const env = stepEnv(ctx, step.env, step.expressionEnv, extra)
  const run = () => execute(ctx, `Step ${step.name}`, step.id, step, env, argv)
  // The run-cache's module (and the glob library it uses) is loaded only by a run whose steps use it.
  if (step.cache && options.stepCache)
    return await (await import('./step-cache.js')).cachedStep(ctx, { ...step, cache: step.cache }, options.stepCache, env, run)
  return { id: step.id, name: step.name, durationMs: await run(), outcome: 'success' }
}

/** A model to evaluate: its role, its unpacked directory, and its version (none for the candidate). */
interface EvaluationTarget {
  role: 'candidate' | 'baseline' | 'reference'
  dir: string
  version: number | null
}

async function evaluateModel(ctx: RunContext, { role, dir: modelDir, version }: EvaluationTarget, declared: string[]): Promise<Metrics> {
  const { options, ws } = ctx
  const evaluate = ctx.spec.evaluate
  const name = role === 'reference' ? `reference-v${version}` : role
  const metricsFile = path.join(ws.evalDir, `${name}-metrics.json`)
  const predictionsFile = predictionsFileOf(ctx.spec, ws.evalDir, role === 'reference' ? { reference: version! } : role)
  const dataRead = path.join(ws.evalDir, `${name}-data-read.txt`)
  await rm(dataRead, { force: true })
  const env = stepEnv(ctx, evaluate.env, evaluate.expressionEnv, {
    [ContractEnv.evalDataRead]: dataRead,
    [ContractEnv.step]: `evaluate-${name}`,
    [ContractEnv.evalModelDir]: modelDir,
    [ContractEnv.evalRole]: role,
    [ContractEnv.evalVersion]: version === null ? '' : String(version),
    [ContractEnv.metricsFile]: metricsFile,
    [ContractEnv.predictionsFile]: predictionsFile
  })
  const label = `Evaluate the ${role}${version === null ? '' : ` (version ${version})`}`
  try {
    const durationMs = await execute(ctx, label, `evaluate-${name}`, evaluate, env)
    ctx.records.push({ id: `evaluate-${name}`, name: label, durationMs, outcome: 'success' })
  } catch (err) {
    if (err instanceof StepError) throw new EvaluationError(err.message)
    throw err
  }
  checkBuiltinEvaluationData(ctx, await readFile(dataRead, 'utf8').catch(() => ''), role)
  // When the action computes every metric, the evaluate command may write predictions only.
  const onlyPredictions = declared.length === 0 && !existsSync(metricsFile)
  const { metrics, ignored } = onlyPredictions ? { metrics: {}, ignored: [] } : await readMetricsFile(metricsFile, declared, role)
  if (ignored.length > 0) options.reporter.warn(`the ${role}'s metrics file has non-numeric entries that were ignored: ${ignored.join(', ')}`)
  for (const name of declared) {
    if (!(name in metrics)) options.reporter.warn(missingMetricWarning(role, name, metrics))
  }
  const out = path.join(options.outputDir, 'metrics')
  await mkdir(out, { recursive: true })
  if (!onlyPredictions) await copyFile(metricsFile, path.join(out, `${name}.json`))
  if (existsSync(predictionsFile)) await copyFile(predictionsFile, path.join(out, path.basename(predictionsFile)))
  return metrics
}

async function describeEnvironment(spec: Spec, baseEnv: Record<string, string>): Promise<Lineage['environment']> {
  const lockfiles: Record<string, string> = {}
  for (const file of spec.lockfiles) {
    try {
      lockfiles[file] = await sha256File(path.resolve(spec.root, file))
    } catch {
      throw new InputError([{ file: spec.file, message: `lockfiles: "${file}" does not exist under ${spec.root}` }], 'missing-lockfile')
    }
  }
  return {
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    runtimes: { node: process.version },
    lockfiles,
    containerImage: baseEnv.RETRAIN_CONTAINER_IMAGE || null
  }
}

/** The candidate's bundle (archive and manifest) and the steps' logs, as two workflow artifacts. */
async function uploadArtifacts(
  store: ArtifactStore,
  model: string,
  version: number | null,
  ws: Workspace,
  logs: string[],
  logsDir: string,
  challenger?: string
): Promise<ArtifactRef[]> {
  // Challengers of one plan run as jobs of one workflow run: each one's names are its own.
  const base = `${model}${challenger ? `-${challenger}` : ''}-${version === null ? 'dry-run' : `v${version}`}`
  const refs = [
    await store.upload(
      `${base}-bundle`,
      [BUNDLE_ARCHIVE, BUNDLE_MANIFEST].map(f => path.join(ws.bundleDir, f)),
      ws.bundleDir
    )
  ]
  if (logs.length > 0) refs.push(await store.upload(`${base}-logs`, logs, logsDir))
  return refs
}

/** The weight comparison, when both the champion and the candidate have weights.json. */
async function compareModelWeights(champion: Champion | null, candidateDir: string, warn: (message: string) => void) {
  if (!champion) return null
  const before = await readWeights(champion.dir, warn)
  const after = before && (await readWeights(candidateDir, warn))
  return before && after ? compareWeights(before, after) : null
}

/**
 * The steps' logs into the outputs, secret-looking values masked (redact.ts): those of the runner's
 * environment, and those the steps were given (`stepSecrets`), which a spec's env may add.
 */
async function copyLogs(from: string, to: string, stepSecrets: Iterable<Buffer>): Promise<string[]> {
  await mkdir(to, { recursive: true })
  const all = new Map<string, Buffer>([...secretValues(process.env), ...stepSecrets].map(b => [b.toString('base64'), b]))
  const secrets = [...all.values()].sort((a, b) => b.length - a.length)
  const copied: string[] = []
  // Only regular files: a step can reach this directory, and a link or pipe it put there is not followed.
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!entry.name.endsWith('.log') || !entry.isFile()) continue
    if (await copyRedacted(path.join(from, entry.name), path.join(to, entry.name), secrets)) copied.push(path.join(to, entry.name))
  }
  return copied
}

/**
 * A cancellation (exit 130) or a full disk (exit 7) while the champion or a pinned version is
 * evaluated is that, not a model that cannot be evaluated (exit 4, or a rule failing closed).
 */
function notAnEvaluationFailure(err: RetrainError): boolean {
  return err instanceof CancelledError || err instanceof DiskFullError
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError('a signal')
}

/** Work before the commit point: a full disk is its own clear error, and nothing has changed yet. */
async function precommit<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (isDiskFull(err)) throw new DiskFullError((err as NodeJS.ErrnoException).path ?? 'the output directory', { cause: err })
    throw err
  }
}

interface StagedOutputs {
  outputDir: string
  files: { staged: string; final: string }[]
}

/**
 * Writes result.json and report.md beside their final names before the commit; publishing them
 * after it is a rename, which needs no space. A run that stops before its commit leaves no result.
 */
async function stageOutputs(outputDir: string, result: RunResult): Promise<StagedOutputs> {
  await mkdir(outputDir, { recursive: true })
  const files = [
    { staged: path.join(outputDir, '.result.json.staged'), final: path.join(outputDir, 'result.json'), text: JSON.stringify(result, null, 2) + '\n' },
    { staged: path.join(outputDir, '.report.md.staged'), final: path.join(outputDir, 'report.md'), text: renderReport(result) }
  ]
  try {
    for (const f of files) await writeFile(f.staged, f.text)
  } catch (err) {
    await discardOutputs({ outputDir, files })
    throw err
  }
  return { outputDir, files }
}

/**
 * An output folder used again (`--out out` on every CI run) must not keep an earlier run's decision:
 * a run that then fails would leave a result.json saying "promoted" beside its own logs. A
 * result.json of ours (and report.md, bundle/ and metrics/ beside it) is removed when the run
 * starts; a result.json that is not a run's leaves the folder alone.
 */
async function removeEarlierResult(outputDir: string): Promise<void> {
  const file = path.join(outputDir, 'result.json')
  const earlier = await readFile(file, 'utf8').then(
    text => {
      try {
        const data = JSON.parse(text) as { schemaVersion?: unknown; decision?: unknown }
        return typeof data.schemaVersion === 'number' && typeof data.decision === 'string'
      } catch {
        return false
      }
    },
    () => false
  )
  if (!earlier) return
  await rm(file, { force: true })
  // The rest of that run's outputs: a stale bundle/ or metrics/baseline.json would read as this run's.
  for (const name of ['report.md', 'bundle', 'metrics']) await rm(path.join(outputDir, name), { recursive: true, force: true })
}

/** A run that stopped before its commit leaves no result behind. */
async function discardOutputs(staged: StagedOutputs): Promise<void> {
  for (const f of staged.files) await rm(f.staged, { force: true })
}

/** Publishes the staged outputs; if the commit changed the outcome (stale baseline), rewrites them first. */
async function publishOutputs(staged: StagedOutputs, result: RunResult, report: string, warn: (message: string) => void): Promise<void> {
  const texts = [JSON.stringify(result, null, 2) + '\n', report]
  for (const [i, f] of staged.files.entries()) {
    try {
      if ((await readFile(f.staged, 'utf8')) !== texts[i]) await writeFile(f.staged, texts[i]!)
      await rename(f.staged, f.final)
    } catch (err) {
      warn(`could not write ${f.final}: ${(err as Error).message}; the decision above is recorded in the registry`)
    }
  }
}

/** Completes the effects the commit recorded; a failure says that the decision stands and how to finish. */
async function settleEffects(options: RunOptions, model: string): Promise<EffectReport> {
  try {
    const report = await options.registry.settle(model, options.effectPerformers ?? {})
    for (const e of [...report.failed, ...report.unconfirmed]) {
      options.reporter.warn(
        `the decision is recorded, but its follow-up "${e.kind}" for version ${e.version} did not complete (${e.error ?? 'unknown'}); ` +
          'it stays pending in the registry and is completed by the next command (a deploy dispatch whose answer was lost only when sent again on purpose)'
      )
    }
    return report
  } catch (err) {
    options.reporter.warn(`the decision is recorded, but completing its follow-ups failed: ${(err as Error).message}; the next command completes them`)
    // Unfinished, as a follow-up that failed: the shells say so with the decision.
    return { done: [], failed: [], unconfirmed: [], interrupted: err }
  }
}
