/**
 * The retraining loop: resolve the champion, run the steps warm-started from it, evaluate both models
 * with the same command on the same data, apply the rules, store the candidate, and promote, gate or
 * reject. The registry is touched only once a decision is reached, so a failing step changes nothing.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, writeFile, copyFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { CancelledError, DiskFullError, EvaluationError, InputError, IntegrityError, RetrainError, ExitCode, StepError, StaleBaselineError, isDiskFull } from '../errors.js'
import type { ArtifactRef, ArtifactStore, EffectInput, EffectPerformer, EffectReport, Gate, Registry, RegistrySnapshot, Reporter } from '../ports.js'
import { evaluateTemplate } from '../spec/expressions.js'
import type { EvaluateSpec, ParamValue, Spec, StepSpec } from '../spec/types.js'
import { packBundle, sha256File, unpackBundle } from './bundle.js'
import { ContractEnv } from '../contract-names.js'
import { contractEnv, readStepSummary } from './contract.js'
import { fingerprintData, findLeaks, type ResolvedDataInput } from './fingerprint.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST, type DataFingerprint, type Lineage, type Manifest, type WarmStartRecord } from './manifest.js'
import { readMetricsFile, type Metrics } from './metrics-file.js'
import { runProcess } from './process-runner.js'
import { makeWorkspace, type Workspace } from './workspace.js'
import { renderReport } from './report.js'
import { RESULT_SCHEMA_VERSION, type RunResult, type StepRecord } from './result.js'
import { evaluateRules, planDecision } from './rules.js'
import { compareWeights, readWeights } from './weights.js'
import { writeIntervalsChart } from './chart.js'
import { judgeableMetrics, predictionsFile as predictionsFileOf, reportedMetrics } from './evaluate-predictions.js'

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
  /** Forces a dry run whatever the spec's mode. */
  dryRun?: boolean
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

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}

export async function runRetraining(options: RunOptions): Promise<RunOutcome> {
  const { spec, registry, reporter } = options
  const now = options.now ?? (() => new Date())
  const startedAt = now()
  const mode = options.dryRun ? 'dry-run' : spec.promotion.mode
  const ws = await makeWorkspace(options.tempRoot ?? os.tmpdir(), {
    keep: options.keepWorkDir,
    onCleaned: dir => reporter.info(`Removed ${dir}, left by a run that was killed`)
  })
  const stepRecords: StepRecord[] = []
  try {
    reporter.info(`Retraining ${spec.model} (spec ${path.relative(process.cwd(), spec.file) || spec.file}, registry ${registry.description}, mode ${mode})`)

    const data = await fingerprintData(spec.root, spec.data)
    const evaluationNames = new Set(spec.evaluate.data)
    const evaluationInputs = Object.values(data).filter(d => evaluationNames.has(d.name))
    const trainingInputs = Object.values(data).filter(d => !evaluationNames.has(d.name))

    const snapshot = await registry.snapshot(spec.model)
    const champion = snapshot.champion === null ? null : await loadChampion(options, snapshot, ws)
    if (champion) reporter.info(`Champion: version ${champion.version} (bundle ${champion.manifest.digest.slice(0, 12)}, verified)`)
    else reporter.info('No champion yet: this is the first model, trained from scratch')

    checkLeakage(spec, evaluationInputs, trainingInputs, champion)

    const params = options.params
    const contexts = {
      params,
      data: Object.fromEntries(Object.values(data).map(d => [d.name, { paths: d.absolutePaths, fingerprint: d.fingerprint }])),
      github: options.github ?? {},
      baseline: { version: champion?.version ?? null, dir: champion?.dir ?? '' },
      candidate: { dir: ws.modelDir },
      steps: {} as Record<string, { outcome: string }>,
      env: {} as Record<string, string>
    }
    contexts.env = Object.fromEntries(Object.entries(spec.env).map(([k, v]) => [k, evaluateTemplate(v, contexts)]))
    const trainingReport = path.join(ws.workDir, '.retrain-training-report.json')
    const contract = contractEnv({
      model: spec.model,
      baselineDir: champion?.dir ?? null,
      baselineVersion: champion?.version ?? null,
      modelDir: ws.modelDir,
      workDir: ws.workDir,
      params,
      data: Object.fromEntries(Object.values(data).map(d => [d.name, d.absolutePaths])),
      warmStart: spec.warmStart,
      trainingReport
    })

    for (const step of spec.steps) {
      const record = await runStep(options, step, contexts, contract, ws)
      stepRecords.push(record)
      contexts.steps[step.id] = { outcome: 'success' }
    }

    await options.atStage?.('steps-done')
    const warmStart = await resolveWarmStart(spec, champion, trainingReport)
    const produced = await readdir(ws.modelDir)
    if (produced.length === 0) {
      throw new StepError(`the steps wrote nothing to $${ContractEnv.modelDir}: there is no candidate model to evaluate`, 'training', '')
    }

    const declared = reportedMetrics(spec)
    let candidateMetrics = await evaluateModel(options, spec.evaluate, contexts, contract, ws, 'candidate', ws.modelDir, null, declared, stepRecords)
    let baselineMetrics: Metrics | null = null
    if (champion) {
      try {
        baselineMetrics = await evaluateModel(options, spec.evaluate, contexts, contract, ws, 'baseline', champion.dir, champion.version, declared, stepRecords)
      } catch (err) {
        if (!(err instanceof RetrainError)) throw err
        throw new EvaluationError(
          `the champion (version ${champion.version}) could not be evaluated with the current evaluate command, so the candidate ` +
            `cannot be compared with it; nothing was promoted. ${err.message}`,
          'baseline-evaluation-failed'
        )
      }
    }

    // Pinned versions (`against: N`) are evaluated like the champion; metrics the action computes
    // come from every model's predictions, the same way for each, with their bootstrap evidence.
    const reportedReferences = champion ? await evaluateReferences(options, snapshot, champion, contexts, contract, ws, declared, stepRecords) : new Map<number, Metrics | string>()
    const judged = await judgeableMetrics(spec, ws.evalDir, { candidate: candidateMetrics, baseline: baselineMetrics, references: reportedReferences }, m => reporter.warn(m))
    candidateMetrics = judged.candidate
    baselineMetrics = judged.baseline
    const verdict = evaluateRules(spec.metrics, candidateMetrics, baselineMetrics, judged.evidence)
    const intervalsChart = await writeIntervalsChart(options.outputDir, spec.model, verdict.outcomes)
    const plan = planDecision(verdict, { ...spec.promotion, mode })
    reporter.info(`Verdict: ${plan.reason}`)
    await options.atStage?.('verdict')
    const weights = await compareModelWeights(champion, ws.modelDir, m => reporter.warn(m))

    const lineage: Lineage = {
      model: spec.model,
      version: null,
      parentVersion: warmStart.source === 'champion' ? (champion?.version ?? null) : null,
      warmStart,
      specDigest: spec.digest,
      gitCommit: options.gitCommit,
      params,
      trainingData: fingerprintsOf(trainingInputs),
      evaluationData: fingerprintsOf(evaluationInputs),
      metrics: candidateMetrics,
      toolVersion: options.toolVersion,
      createdAt: now().toISOString(),
      environment: await describeEnvironment(spec, options.baseEnv)
    }
    // Before the commit point: anything may still fail or be cancelled with nothing changed. The
    // version number is reserved (numbers are never reused), the bundle stored under it, and every
    // file a person reads afterwards written, so that nothing after the commit can fail for lack of space.
    throwIfCancelled(options.signal)
    let version: number | null = plan.action === 'none' ? null : await registry.reserveVersion(spec.model)
    let committed = false
    let staged: StagedOutputs | null = null
    let decision = plan.decision
    let reason = plan.reason
    let gate: RunResult['gate'] = null
    let error: RunResult['error'] = null
    const artifacts: ArtifactRef[] = []
    let manifest: Manifest | null = null
    try {
      manifest = await precommit(async () => {
        const packed = await packBundle(ws.modelDir, ws.bundleDir, { ...lineage, version })
        reporter.info(`Candidate bundle: ${packed.files.length} files, ${packed.archiveSize} bytes, digest ${packed.digest.slice(0, 12)}`)
        return packed
      })
      await options.atStage?.('packed')
      const bundleOut = path.join(options.outputDir, 'bundle')
      const storage = await precommit(async () => {
        await mkdir(bundleOut, { recursive: true })
        for (const name of [BUNDLE_ARCHIVE, BUNDLE_MANIFEST]) await copyFile(path.join(ws.bundleDir, name), path.join(bundleOut, name))
        await copyLogs(ws.scratchDir, path.join(options.outputDir, 'logs'))
        return version === null ? null : await registry.storeBundle(spec.model, version, ws.bundleDir)
      })
      await options.atStage?.('stored')
      throwIfCancelled(options.signal)
      if (plan.action === 'gate' && version !== null) {
        gate = await options.gate.open({ model: spec.model, candidate: version, baseline: champion?.version ?? null, reportMarkdown: renderReport(buildResult()) })
        reporter.info(`Release gate opened: ${gate.where}`)
      }
      // Uploaded before the commit: a failed upload fails the run with the registry untouched.
      if (options.artifacts) artifacts.push(...(await uploadArtifacts(options.artifacts, spec.model, version, ws)))
      staged = await precommit(() => stageOutputs(options.outputDir, buildResult()))
      await options.atStage?.('outputs-written')
      throwIfCancelled(options.signal)

      if (version !== null) {
        const status = plan.action === 'promote' ? 'promoted' : plan.action === 'gate' ? 'pending' : 'rejected'
        const record = { baselineVersion: champion?.version ?? null, digest: manifest!.digest, metrics: candidateMetrics, decision: plan.decision, createdAt: lineage.createdAt, storage }
        const commit = (s: typeof status, d: string, why: string) =>
          registry.apply(spec.model, {
            kind: 'register',
            version: version!,
            record: { ...record, decision: d },
            status: s,
            expectChampion: champion?.version ?? null,
            who: { actor: options.actor, reason: why },
            effects: s === 'promoted' ? (options.promotionEffects?.(version!) ?? []) : []
          })
        try {
          await commit(status, plan.decision, plan.reason)
        } catch (err) {
          if (!(err instanceof StaleBaselineError)) throw err
          // The champion moved since the comparison: the candidate is recorded as rejected, and says why.
          decision = 'rejected'
          reason = err.message
          error = { reason: err.reason, message: err.message }
          await commit('rejected', 'stale-baseline', err.message)
        }
        committed = true
        await options.atStage?.('committed')
        reporter.info(
          decision === 'promoted'
            ? `Promoted version ${version}: it is now the champion of ${spec.model}`
            : `Stored the candidate as version ${version} (${decision === 'pending-approval' ? 'pending approval' : decision})`
        )
      }
      const result = buildResult()
      const report = renderReport(result)
      await publishOutputs(staged, result, report, m => reporter.warn(m))
      staged = null

      // After the commit: a cancellation no longer undoes anything; the run finishes its record.
      if (options.signal?.aborted) reporter.warn(`Cancelled after the decision was committed (version ${version}, ${decision}); finishing its record`)
      const followUps = version !== null ? await settleEffects(options, spec.model) : null
      await reporter.report(report)
      return { result, report, exitCode: error ? ExitCode.conflict : ExitCode.ok, artifacts, followUps }
    } catch (err) {
      if (staged && !committed) await discardOutputs(staged)
      if (version !== null && !committed) {
        await registry.abandonVersion(spec.model, version).catch(e => reporter.warn(`could not give back version ${version}: ${(e as Error).message}`))
        version = null
      }
      throw err
    }

    function buildResult(): RunResult {
      return {
        schemaVersion: RESULT_SCHEMA_VERSION,
        model: spec.model,
        decision,
        wouldBe: plan.wouldBe ?? null,
        reason,
        mode,
        firstModel: verdict.firstModel,
        goals: Object.fromEntries(spec.metrics.map(m => [m.name, m.goal])),
        passed: verdict.passed,
        candidate: {
          version,
          digest: manifest!.digest,
          metrics: candidateMetrics,
          warmStart: { ...warmStart, parentVersion: lineage.parentVersion }
        },
        baseline: champion && baselineMetrics ? { version: champion.version, metrics: baselineMetrics } : null,
        rules: verdict.outcomes,
        gate,
        params,
        data: Object.fromEntries(Object.values(data).map(d => [d.name, d.fingerprint])),
        steps: stepRecords,
        startedAt: startedAt.toISOString(),
        finishedAt: now().toISOString(),
        error,
        ...(judged.references.size > 0 && {
          references: [...judged.references].map(([v, m]) => (typeof m === 'string' ? { version: v, metrics: null, problem: m } : { version: v, metrics: m, problem: null }))
        }),
        ...(judged.slices.length > 0 && { slices: judged.slices }),
        ...(intervalsChart !== null && { charts: { intervals: intervalsChart } }),
        ...(weights && { weights })
      }
    }
  } catch (err) {
    // The steps' logs are what a person needs to see why a run failed.
    await copyLogs(ws.scratchDir, path.join(options.outputDir, 'logs')).catch(() => undefined)
    if (isDiskFull(err)) throw new DiskFullError((err as NodeJS.ErrnoException).path ?? options.outputDir, { cause: err })
    throw err
  } finally {
    // The steps' own summary reaches the job summary whatever the outcome, before the work dir goes.
    const summary = await readStepSummary(ws.workDir).catch(() => null)
    if (summary !== null) await reporter.stepsSummary?.(summary).catch(err => reporter.warn(`could not add the steps' summary: ${(err as Error).message}`))
    if (!options.keepWorkDir) await rm(ws.root, { recursive: true, force: true })
  }
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
  return { version, dir: ws.baselineDir, manifest }
}

/**
 * Evaluates each version a rule pins (`against: N`) with the same command, so a non-inferiority
 * margin is measured from a fixed reference and cannot compound over generations. A version that is
 * missing, fails verification or cannot be evaluated yields the reason its rules fail closed.
 */
async function evaluateReferences(
  options: RunOptions,
  snapshot: RegistrySnapshot,
  champion: Champion,
  contexts: Record<string, unknown> & { env: Record<string, string> },
  contract: Record<string, string>,
  ws: Workspace,
  declared: string[],
  records: StepRecord[]
): Promise<Map<number, Metrics | string>> {
  const { spec } = options
  const pinned = [...new Set(spec.metrics.flatMap(m => m.change.map(r => r.against)).filter((a): a is number => a !== 'champion'))]
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
        const { metrics } = declared.length === 0 ? { metrics: {} } : await readMetricsFile(path.join(ws.evalDir, `reference-v${version}-metrics.json`), declared, `version ${version}`)
        out.set(version, metrics)
        continue
      }
      const bundleDir = await options.registry.fetchBundle(spec.model, version, path.join(ws.root, `reference-v${version}-bundle`))
      const manifest = await unpackBundle(bundleDir, dir)
      if (manifest.digest !== record.digest) throw new IntegrityError(`its bundle has digest ${manifest.digest}, but the registry recorded ${record.digest}`)
      out.set(version, await evaluateModel(options, spec.evaluate, contexts, contract, ws, 'reference', dir, version, declared, records))
    } catch (err) {
      if (!(err instanceof RetrainError)) throw err
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

async function resolveWarmStart(spec: Spec, champion: Champion | null, reportFile: string): Promise<WarmStartRecord> {
  if (!champion) return { source: 'cold', reason: 'first-model' }
  const text = await readFile(reportFile, 'utf8').catch(() => null)
  if (text === null) return { source: 'champion' }
  let report: { warmStart?: unknown; reason?: unknown }
  try {
    report = JSON.parse(text) as typeof report
  } catch {
    throw new InputError([{ message: `$${ContractEnv.trainingReport} (${reportFile}) is not valid JSON: write {"warmStart": false, "reason": "..."}` }])
  }
  if (report.warmStart !== false) return { source: 'champion' }
  const reason = typeof report.reason === 'string' && report.reason ? report.reason : 'the training step started from scratch'
  if (spec.warmStart === 'required') {
    throw new RetrainError(
      `warm start is required (warm-start: required) but training did not start from the champion (version ${champion.version}): ${reason}`,
      ExitCode.stepFailed,
      'warm-start-required'
    )
  }
  return { source: 'cold', reason }
}

function stepEnv(
  options: RunOptions,
  contexts: Record<string, unknown> & { env: Record<string, string> },
  stepEnvRaw: Record<string, string>,
  expressionEnv: StepSpec['expressionEnv'],
  contract: Record<string, string>,
  extra: Record<string, string>
): Record<string, string> {
  const own = Object.fromEntries(Object.entries(stepEnvRaw).map(([k, v]) => [k, evaluateTemplate(v, contexts)]))
  const expressions = Object.fromEntries(expressionEnv.map(e => [e.name, evaluateTemplate(`\${{ ${e.expression} }}`, contexts)]))
  const cli: Record<string, string> = options.cli ? { [ContractEnv.cli]: options.cli.script } : {}
  return { ...options.baseEnv, ...contexts.env, ...own, ...contract, ...cli, ...extra, ...expressions }
}

/** A `uses:` step's `with:` values with every `${{ }}` evaluated, as data (never shell text). */
function evaluateWith(value: unknown, contexts: Record<string, unknown>, where: StepSpec['location']): unknown {
  if (typeof value === 'string') return evaluateTemplate(value, contexts, where)
  if (Array.isArray(value)) return value.map(v => evaluateWith(v, contexts, where))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateWith(v, contexts, where)]))
  return value
}

function timeoutOf(minutes: number | undefined): number | undefined {
  return minutes === undefined ? undefined : Math.round(minutes * 60_000)
}

async function execute(
  options: RunOptions,
  label: string,
  id: string,
  target: Pick<StepSpec, 'run' | 'shell' | 'workingDirectory' | 'timeoutMinutes'>,
  env: Record<string, string>,
  contexts: Record<string, unknown>,
  ws: Workspace,
  argv?: string[]
): Promise<number> {
  const { reporter } = options
  const cwd = target.workingDirectory ? path.resolve(options.spec.root, evaluateTemplate(target.workingDirectory, contexts)) : options.spec.root
  reporter.startGroup(label)
  const result = await runProcess({
    id,
    script: target.run ?? '',
    shell: target.shell,
    ...(argv && { argv }),
    cwd,
    env,
    timeoutMs: timeoutOf(target.timeoutMinutes),
    scratchDir: ws.scratchDir,
    signal: options.signal,
    onLine: (stream, line) => reporter.stepOutput(id, stream, line)
  }).finally(() => reporter.endGroup())
  if (result.cancelled) throw new CancelledError('a signal')
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

async function runStep(
  options: RunOptions,
  step: StepSpec,
  contexts: Record<string, unknown> & { env: Record<string, string> },
  contract: Record<string, string>,
  ws: Workspace
): Promise<StepRecord> {
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
    extra[ContractEnv.builtinOptions] = JSON.stringify(evaluateWith(step.with ?? {}, contexts, step.location))
  }
  const env = stepEnv(options, contexts, step.env, step.expressionEnv, contract, extra)
  const durationMs = await execute(options, `Step ${step.name}`, step.id, step, env, contexts, ws, argv)
  return { id: step.id, name: step.name, durationMs, outcome: 'success' }
}

async function evaluateModel(
  options: RunOptions,
  evaluate: EvaluateSpec,
  contexts: Record<string, unknown> & { env: Record<string, string> },
  contract: Record<string, string>,
  ws: Workspace,
  role: 'candidate' | 'baseline' | 'reference',
  modelDir: string,
  version: number | null,
  declared: string[],
  records: StepRecord[]
): Promise<Metrics> {
  const name = role === 'reference' ? `reference-v${version}` : role
  const metricsFile = path.join(ws.evalDir, `${name}-metrics.json`)
  const predictionsFile = predictionsFileOf(options.spec, ws.evalDir, role === 'reference' ? { reference: version! } : role)
  const env = stepEnv(options, contexts, evaluate.env, evaluate.expressionEnv, contract, {
    [ContractEnv.step]: `evaluate-${name}`,
    [ContractEnv.evalModelDir]: modelDir,
    [ContractEnv.evalRole]: role,
    [ContractEnv.evalVersion]: version === null ? '' : String(version),
    [ContractEnv.metricsFile]: metricsFile,
    [ContractEnv.predictionsFile]: predictionsFile
  })
  const label = `Evaluate the ${role}${version === null ? '' : ` (version ${version})`}`
  try {
    const durationMs = await execute(options, label, `evaluate-${name}`, evaluate, env, contexts, ws)
    records.push({ id: `evaluate-${name}`, name: label, durationMs, outcome: 'success' })
  } catch (err) {
    if (err instanceof StepError) throw new EvaluationError(err.message)
    throw err
  }
  // When the action computes every metric, the evaluate command may write predictions only.
  const onlyPredictions = declared.length === 0 && !existsSync(metricsFile)
  const { metrics, ignored } = onlyPredictions ? { metrics: {}, ignored: [] } : await readMetricsFile(metricsFile, declared, role)
  if (ignored.length > 0) options.reporter.warn(`the ${role}'s metrics file has non-numeric entries that were ignored: ${ignored.join(', ')}`)
  for (const name of declared) {
    if (!(name in metrics)) options.reporter.warn(`the ${role}'s metrics file has no "${name}"; rules on it fail closed`)
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
async function uploadArtifacts(store: ArtifactStore, model: string, version: number | null, ws: Workspace): Promise<ArtifactRef[]> {
  const base = `${model}-${version === null ? 'dry-run' : `v${version}`}`
  const refs = [await store.upload(`${base}-bundle`, [BUNDLE_ARCHIVE, BUNDLE_MANIFEST].map(f => path.join(ws.bundleDir, f)), ws.bundleDir)]
  const logs = (await readdir(ws.scratchDir)).filter(name => name.endsWith('.log')).map(name => path.join(ws.scratchDir, name))
  if (logs.length > 0) refs.push(await store.upload(`${base}-logs`, logs, ws.scratchDir))
  return refs
}

/** The weight comparison, when both the champion and the candidate have weights.json. */
async function compareModelWeights(champion: Champion | null, candidateDir: string, warn: (message: string) => void) {
  if (!champion) return null
  const before = await readWeights(champion.dir, warn)
  const after = before && (await readWeights(candidateDir, warn))
  return before && after ? compareWeights(before, after) : null
}

async function copyLogs(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const name of await readdir(from)) {
    if (name.endsWith('.log')) await copyFile(path.join(from, name), path.join(to, name))
  }
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
async function settleEffects(options: RunOptions, model: string): Promise<EffectReport | null> {
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
    return null
  }
}
