/**
 * The `retrain` command: the engine with the local shell (a directory registry, the run's output
 * folder as its artifacts, a file-based gate, a console reporter).
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import { ExitCode, InputError, RetrainError, formatProblem } from '../errors.js'
import { inheritableEnv } from '../engine/contract.js'
import { approveCandidate, promoteCandidate, rejectCandidate, renderStatus, rollback } from '../engine/registry-commands.js'
import { RUN_STAGES, runRetraining, type RunStage } from '../engine/run.js'
import { loadSpec } from '../spec/load.js'
import { modelNameProblem, parseVersionText, pathProblem, preview } from '../spec/names.js'
import { parseParamAssignments, resolveParams } from '../spec/params.js'
import type { Spec } from '../spec/types.js'
import { evaluateCommand, trainCommand } from '../trainers/commands.js'
import { compareFiles, renderComparison } from '../engine/compare-command.js'
import { TOOL_VERSION } from '../version.js'
import { ConsoleReporter } from './console-reporter.js'
import { DirectoryRegistry } from './directory-registry.js'
import { FileGate } from './file-gate.js'

export const DEFAULT_SPEC = '.github/retrain.yml'
export const DEFAULT_REGISTRY = '.retrain/registry'
export const DEFAULT_RUNS = '.retrain/runs'

const USAGE = `retrain ${TOOL_VERSION}: retrain a model, compare it with the champion, promote by rules

Usage:
  retrain run       [--spec FILE] [--param NAME=VALUE]... [--dry-run] [--out DIR] [--json]
  retrain validate  [--spec FILE]
  retrain status    [--spec FILE | --model NAME] [--json]
  retrain promote   --candidate N --expect-champion M|none [--force --reason TEXT]
  retrain approve   VERSION [--force --reason TEXT]
  retrain reject    VERSION [--reason TEXT]
  retrain rollback  [--to VERSION] [--reason TEXT]
  retrain compare   --candidate FILE --baseline FILE [--spec FILE] [--json]
                    the spec's rules on two predictions (or metrics .json) files; trains nothing
  retrain train     TRAINER        a built-in trainer, as a step runs it (uses: builtin/TRAINER)
  retrain evaluate  [--data NAME]  score a built-in model: node "$RETRAIN_CLI" evaluate in a spec

Options:
  --spec FILE        the retraining spec (default ${DEFAULT_SPEC})
  --model NAME       the model, for registry commands without a spec
  --registry DIR     the registry directory (default ${DEFAULT_REGISTRY}, or $RETRAIN_REGISTRY)
  --param NAME=VALUE override a spec param (repeatable); validated against the spec
  --out DIR          where result.json, report.md, the bundle and logs go (default ${DEFAULT_RUNS}/<model>/<time>)
  --dry-run          decide and report, change nothing
  --json             print result.json (run), the registry state (status) or the comparison (compare) on stdout
  --actor NAME       who acts, recorded in the history (default $USER)
  --keep-work-dir    keep the run's scratch directory for debugging
  --data NAME        evaluate: the data input to score (default eval)
  -h, --help         this help;  -v, --version  the version

Exit codes: 0 decision reached or command done, 2 bad spec or input, 3 step failed,
4 evaluation failed, 5 stale-baseline or conflict, 6 bundle integrity, 7 disk full, 130 cancelled,
1 internal.`

const OPTIONS = {
  spec: { type: 'string' },
  model: { type: 'string' },
  registry: { type: 'string' },
  param: { type: 'string', multiple: true },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  actor: { type: 'string' },
  candidate: { type: 'string' },
  'expect-champion': { type: 'string' },
  force: { type: 'boolean' },
  reason: { type: 'string' },
  to: { type: 'string' },
  'keep-work-dir': { type: 'boolean' },
  baseline: { type: 'string' },
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' }
} as const

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

function usageError(message: string): InputError {
  return new InputError([{ message: `${message}\nRun "retrain --help" for usage.` }], 'usage')
}

function parseVersion(value: string | undefined, flag: string, allowNone = false): number | null {
  if (value === undefined) throw usageError(`${flag} is required`)
  if (allowNone && value === 'none') return null
  const version = parseVersionText(value)
  if (version === null) throw usageError(`${flag} must be a version number${allowNone ? ' or "none"' : ''}, got ${preview(value)}`)
  return version
}

const PATH_FLAGS = ['spec', 'registry', 'out', 'baseline'] as const

/**
 * Checks every name and path the arguments carry, before anything reads or writes: a model name has
 * the spec's shape (no '/', no '..'), a path is not empty.
 */
function checkArguments(values: Values, command: string): void {
  const problems: string[] = []
  if (values.model !== undefined) {
    const problem = modelNameProblem(values.model)
    if (problem) problems.push(`--model ${preview(values.model)} is not a model name: ${problem}`)
  }
  for (const flag of PATH_FLAGS) {
    const value = values[flag]
    const problem = value === undefined ? null : pathProblem(value)
    if (problem) problems.push(`--${flag} ${problem}`)
  }
  // compare's --candidate is a file; the registry commands' is a version, checked where it is read.
  if (command === 'compare' && values.candidate !== undefined) {
    const problem = pathProblem(values.candidate)
    if (problem) problems.push(`--candidate ${problem}`)
  }
  if (values.registry === undefined && process.env.RETRAIN_REGISTRY !== undefined) {
    const problem = pathProblem(process.env.RETRAIN_REGISTRY)
    if (problem) problems.push(`the environment variable RETRAIN_REGISTRY ${problem}`)
  }
  if (values.data !== undefined && !DATA_NAME.test(values.data)) {
    problems.push(`--data ${preview(values.data)} is not a data input name: it starts with a letter or '_' and holds only letters, digits, '_' or '-'`)
  }
  if (problems.length) throw new InputError(problems.map(message => ({ message })), 'usage')
}

const DATA_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

async function gitCommit(cwd: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', 'HEAD'], { cwd })
    return stdout.trim() || null
  } catch {
    return null
  }
}

function registryOf(values: Values): DirectoryRegistry {
  return new DirectoryRegistry(path.resolve(values.registry ?? process.env.RETRAIN_REGISTRY ?? DEFAULT_REGISTRY), undefined, message =>
    process.stderr.write(`${message}\n`)
  )
}

/**
 * RETRAIN_TEST_FAILPOINT=<stage>:<signal>: the run sends itself the signal when it reaches the
 * stage (SIGTERM or SIGINT: a cancellation exactly there; SIGKILL: a crash there). For tests.
 */
function failpoint(controller: AbortController): ((stage: RunStage) => Promise<void>) | undefined {
  const raw = process.env.RETRAIN_TEST_FAILPOINT
  if (!raw) return undefined
  const [at, signal] = raw.split(':') as [string, NodeJS.Signals]
  if (!(RUN_STAGES as readonly string[]).includes(at) || !['SIGTERM', 'SIGINT', 'SIGKILL'].includes(signal)) {
    throw usageError(`RETRAIN_TEST_FAILPOINT must be <stage>:SIGTERM|SIGINT|SIGKILL with a stage among ${RUN_STAGES.join(', ')}; got "${raw}"`)
  }
  return async stage => {
    if (stage !== at) return
    process.kill(process.pid, signal)
    // The signal's handler runs on a later turn of the event loop: wait for it, boundedly.
    for (let i = 0; i < 200 && !controller.signal.aborted; i++) await new Promise(resolve => setTimeout(resolve, 5))
  }
}

async function modelOf(values: Values): Promise<{ model: string; spec: Spec | null }> {
  if (values.model) return { model: values.model, spec: null }
  const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
  return { model: spec.model, spec }
}

function timestamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-')
}

async function commandRun(values: Values): Promise<number> {
  const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
  const params = resolveParams(spec, parseParamAssignments(values.param ?? []), '--param')
  const reporter = new ConsoleReporter(process.stdout, process.stderr, !values.json)
  const outputDir = path.resolve(values.out ?? path.join(DEFAULT_RUNS, spec.model, timestamp(new Date())))
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(ExitCode.cancelled)
    reporter.warn(`${signal} received: stopping the running step`)
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const outcome = await runRetraining({
      spec,
      params,
      registry: registryOf(values),
      gate: new FileGate(values.spec ?? ''),
      reporter,
      outputDir,
      baseEnv: inheritableEnv(process.env),
      actor: values.actor ?? process.env.USER ?? 'local',
      gitCommit: await gitCommit(spec.root),
      toolVersion: TOOL_VERSION,
      cli: { node: process.execPath, script: fileURLToPath(import.meta.url) },
      dryRun: values['dry-run'],
      signal: controller.signal,
      atStage: failpoint(controller),
      keepWorkDir: values['keep-work-dir']
    })
    if (values.json) process.stdout.write(JSON.stringify(outcome.result, null, 2) + '\n')
    reporter.info(`Result: ${outcome.result.decision}. Outputs in ${path.relative(process.cwd(), outputDir) || outputDir}`)
    return outcome.exitCode
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

async function commandStatus(values: Values): Promise<number> {
  const { model, spec } = await modelOf(values)
  const snapshot = await registryOf(values).snapshot(model)
  if (values.json) process.stdout.write(JSON.stringify(snapshot, null, 2) + '\n')
  else process.stdout.write(renderStatus(snapshot, spec?.metrics.map(m => m.name) ?? []) + '\n')
  return ExitCode.ok
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  const [command, ...rest] = positionals
  if (values.version) {
    process.stdout.write(`${TOOL_VERSION}\n`)
    return ExitCode.ok
  }
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return command === undefined && !values.help ? ExitCode.badInput : ExitCode.ok
  }
  checkArguments(values, command)
  const who = { actor: values.actor ?? process.env.USER ?? 'local', reason: values.reason, force: values.force }
  const positionalVersion = () => parseVersion(rest[0], 'VERSION')!
  switch (command) {
    case 'run':
      return await commandRun(values)
    case 'validate': {
      const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
      const rules = spec.metrics.reduce((n, m) => n + m.change.length + (m.min !== undefined ? 1 : 0) + (m.max !== undefined ? 1 : 0) + (m.slices ? 1 : 0), 0)
      process.stdout.write(
        `${path.relative(process.cwd(), spec.file) || spec.file}: valid (model ${spec.model}, ${spec.steps.length} steps, ` +
          `${spec.metrics.length} metrics, ${rules} rules, mode ${spec.promotion.mode})\n`
      )
      return ExitCode.ok
    }
    case 'status':
      return await commandStatus(values)
    case 'promote': {
      const { model } = await modelOf(values)
      const candidate = parseVersion(values.candidate, '--candidate')!
      const expect = parseVersion(values['expect-champion'], '--expect-champion', true)
      await promoteCandidate(registryOf(values), model, candidate, expect, who)
      process.stdout.write(`Promoted ${model} version ${candidate}\n`)
      return ExitCode.ok
    }
    case 'approve': {
      const { model } = await modelOf(values)
      const version = positionalVersion()
      await approveCandidate(registryOf(values), model, version, who)
      process.stdout.write(`Approved and promoted ${model} version ${version}\n`)
      return ExitCode.ok
    }
    case 'reject': {
      const { model } = await modelOf(values)
      const version = positionalVersion()
      await rejectCandidate(registryOf(values), model, version, who)
      process.stdout.write(`Rejected ${model} version ${version}\n`)
      return ExitCode.ok
    }
    case 'rollback': {
      const { model } = await modelOf(values)
      const to = values.to === undefined ? undefined : parseVersion(values.to, '--to')!
      const target = await rollback(registryOf(values), model, to, who)
      process.stdout.write(`Rolled back ${model}: version ${target} is the champion\n`)
      return ExitCode.ok
    }
    case 'train':
      if (rest[0] === undefined) throw usageError('train needs the trainer, such as: retrain train online-gradient-descent')
      return await trainCommand(rest[0])
    case 'evaluate':
      return await evaluateCommand(values.data ?? 'eval')
    case 'compare': {
      if (values.candidate === undefined || values.baseline === undefined) throw usageError('compare needs --candidate FILE and --baseline FILE')
      const outcome = await compareFiles(await loadSpec(values.spec ?? DEFAULT_SPEC), values.candidate, values.baseline)
      process.stdout.write(values.json ? JSON.stringify(outcome, null, 2) + '\n' : renderComparison(outcome) + '\n')
      return ExitCode.ok
    }
    default:
      throw usageError(`unknown command "${command}"`)
  }
}

/** Runs the CLI and turns any failure into a message and an exit code; nothing thrown escapes. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    return await main(argv)
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) process.stderr.write(`error: ${formatProblem(p)}\n`)
      if (err.reason === 'rejected-candidate') process.stderr.write('To promote it anyway, pass --force and --reason "why"; the reason is recorded.\n')
      return err.exitCode
    }
    if (err instanceof RetrainError) {
      process.stderr.write(`error: ${err.message}\n`)
      return err.exitCode
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${err.message}\nRun "retrain --help" for usage.\n`)
      return ExitCode.badInput
    }
    process.stderr.write(`error: ${err instanceof Error ? (process.env.RETRAIN_DEBUG ? err.stack : err.message) : String(err)}\n`)
    return ExitCode.internal
  }
}

