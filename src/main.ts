/**
 * The action's entry logic: one typed settings object from the inputs, the engine with the GitHub
 * shell's ports, outputs and the job summary. Anything thrown fails the step with its message.
 */
import * as core from '@actions/core'
import path from 'node:path'
import { ExitCode, InputError, RetrainError, formatProblem } from './errors.js'
import { inheritableEnv } from './engine/contract.js'
import { approveCandidate, promoteCandidate, rejectCandidate, renderStatus, rollback } from './engine/registry-commands.js'
import { runRetraining } from './engine/run.js'
import { DirectoryRegistry } from './local/directory-registry.js'
import { FileGate } from './local/file-gate.js'
import { loadSpec } from './spec/load.js'
import { resolveParams } from './spec/params.js'
import { TOOL_VERSION } from './version.js'
import { Outputs } from './github/constants.js'
import { getSettings, type ActionSettings } from './github/inputs.js'
import { JobReporter } from './github/job-reporter.js'

function githubContext(): Record<string, unknown> {
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

async function execute(settings: ActionSettings): Promise<number> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const spec = await loadSpec(path.resolve(workspace, settings.spec), { cwd: workspace })
  const registry = new DirectoryRegistry(path.resolve(workspace, settings.registryDir))
  const who = { actor: process.env.GITHUB_ACTOR ?? 'github-actions', reason: settings.reason }
  const required = (value: number | undefined, input: string): number => {
    if (value === undefined) throw new InputError([{ message: `command "${settings.command}" needs the input "${input}"` }])
    return value
  }
  switch (settings.command) {
    case 'validate':
      core.info(`${settings.spec}: valid (model ${spec.model})`)
      return ExitCode.ok
    case 'status':
      await core.summary.addRaw(renderStatus(await registry.snapshot(spec.model), spec.metrics.map(m => m.name)), true).write()
      return ExitCode.ok
    case 'promote':
      if (settings.expectChampion === undefined) throw new InputError([{ message: 'command "promote" needs the input "expect-champion" (a version or none)' }])
      await promoteCandidate(registry, spec.model, required(settings.candidate, 'candidate'), settings.expectChampion, who)
      core.setOutput(Outputs.promoted, 'true')
      return ExitCode.ok
    case 'approve':
      await approveCandidate(registry, spec.model, required(settings.version, 'version'), who)
      core.setOutput(Outputs.promoted, 'true')
      return ExitCode.ok
    case 'reject':
      await rejectCandidate(registry, spec.model, required(settings.version, 'version'), who)
      return ExitCode.ok
    case 'rollback':
      await rollback(registry, spec.model, settings.version, who)
      return ExitCode.ok
    case 'run':
      break
  }
  const params = resolveParams(spec, settings.params, 'params input', { ignoreUnknown: settings.ignoreUnknownParams })
  const outputDir = path.resolve(settings.outputDir ?? path.join(process.env.RUNNER_TEMP ?? workspace, 'retrain', spec.model))
  const controller = new AbortController()
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort())
  const outcome = await runRetraining({
    spec,
    params,
    registry,
    gate: new FileGate(settings.spec),
    reporter: new JobReporter(),
    outputDir,
    baseEnv: inheritableEnv(process.env),
    github: githubContext(),
    actor: process.env.GITHUB_ACTOR ?? 'github-actions',
    gitCommit: process.env.GITHUB_SHA ?? null,
    toolVersion: TOOL_VERSION,
    dryRun: settings.dryRun,
    signal: controller.signal
  })
  const r = outcome.result
  core.setOutput(Outputs.decision, r.decision)
  core.setOutput(Outputs.promoted, String(r.decision === 'promoted'))
  core.setOutput(Outputs.candidateVersion, r.candidate.version === null ? '' : String(r.candidate.version))
  core.setOutput(Outputs.baselineVersion, r.baseline ? String(r.baseline.version) : '')
  core.setOutput(Outputs.metrics, JSON.stringify(r.candidate.metrics))
  core.setOutput(Outputs.resultPath, path.join(outputDir, 'result.json'))
  core.setOutput(Outputs.reportPath, path.join(outputDir, 'report.md'))
  core.setOutput(Outputs.gate, r.gate?.where ?? '')
  return outcome.exitCode
}

export async function run(): Promise<void> {
  try {
    const code = await execute(getSettings())
    if (code !== ExitCode.ok) core.setFailed(`retrain finished with exit code ${code}`)
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) {
        core.error(formatProblem(p), p.file ? { file: p.file, startLine: p.line, startColumn: p.col } : {})
      }
      core.setFailed(`the spec or an input is invalid (${err.problems.length} problem${err.problems.length === 1 ? '' : 's'})`)
    } else if (err instanceof RetrainError) {
      core.setFailed(`${err.reason}: ${err.message}`)
    } else {
      core.setFailed(err instanceof Error ? err.message : String(err))
    }
  }
}
