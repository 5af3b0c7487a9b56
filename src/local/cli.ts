/**
 * The `retrain` command: the engine with the local shell (a directory registry, the run's output
 * folder as its artifacts, a file-based gate, a console reporter).
 *
 * Each command loads only what it needs (`import()` where it is used): `--version` and `--help`
 * read no spec, `validate` loads no engine, metrics or trainers. The build splits the dynamically
 * imported modules into chunks, so what a command does not import is never read nor compiled.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { ExitCode, InputError, MODEL_NOT_PACKABLE, RetrainError, formatProblem } from '../errors.js'
import { inheritableEnv } from '../engine/contract.js'
import type { AppCommand, AppOutcome, RunSettings } from '../app/execute.js'
import { modelNameProblem, parseVersionText, pathProblem, preview } from '../spec/names.js'
import { parseParamAssignments, resolveParams } from '../spec/params.js'
import type { Spec } from '../spec/types.js'
import type { EffectReport, Registry } from '../ports.js'
import { TOOL_VERSION } from '../version.js'
import { ConsoleReporter, dropOutputOnClosedPipe } from './console-reporter.js'
import { closest } from '../suggest.js'
import { errorLine } from '../terminal-text.js'
import { checkThreadKnobs } from '../thread-knobs.js'
import { FileGate } from './file-gate.js'
import { gitHead } from './git-head.js'
import { checkOutDir, count, emptyRegistryNote, INTEGRITY_HINT, MODEL_NOT_PACKABLE_HINT } from './cli-hints.js'

export const DEFAULT_SPEC = '.github/retrain.yml'
export const DEFAULT_REGISTRY = '.retrain/registry'
export const DEFAULT_RUNS = '.retrain/runs'
export const DEFAULT_CACHE = '.retrain/cache'

const USAGE = `retrain ${TOOL_VERSION}: retrain a model, compare it with the champion, promote by rules

Usage:
  retrain run       [--spec FILE] [--param NAME=VALUE]... [--dry-run] [--out DIR] [--json] [--no-cache]
  retrain validate  [--spec FILE]
  retrain plan      [--spec FILE] [--json]   the spec's challengers as a job matrix, with the champion
  retrain run       --challenger NAME [--plan ID] ...   train one challenger; select decides
  retrain select    [--spec FILE] [--plan ID] [--dry-run] [--json]   promote the best challenger of a plan
  retrain status    [--spec FILE | --model NAME] [--github OWNER/REPO [--registry-branch BRANCH]] [--json] [--all]
  retrain promote   --candidate N --expect-champion M|none [--force --reason TEXT]
  retrain approve   VERSION [--force --reason TEXT]
  retrain reject    VERSION [--reason TEXT]
  retrain rollback  [--to VERSION] [--reason TEXT]
  retrain fetch     [--spec FILE | --model NAME] [--github OWNER/REPO [--registry-branch BRANCH]] [--version N] [--out DIR] [--json]
                    a version's model files (default: the champion's), verified against the registry
  retrain prune     [--spec FILE | --model NAME] [--keep-rejected N] [--keep-retired N] [--dry-run] [--json]
                    retention: delete the bundles the policy no longer keeps (for good)
  retrain compare   --candidate FILE --baseline FILE [--spec FILE] [--json]
                    the spec's rules on two predictions (or metrics .json) files; trains nothing
  retrain drift     [--spec FILE] [--param NAME=VALUE]... [--json]
                    the data against the champion's profile: PSI, KS, chi-square per feature
  retrain train     TRAINER        a built-in trainer, as a step runs it (uses: builtin/TRAINER)
  retrain evaluate  [--data NAME]  score a built-in model: node "$RETRAIN_CLI" evaluate in a spec

Options (each command takes only its own; retrain COMMAND --help lists them):
  --spec FILE        the retraining spec (default ${DEFAULT_SPEC})
  --model NAME       the model, for registry commands without a spec
  --registry DIR     the registry directory (default ${DEFAULT_REGISTRY}, or $RETRAIN_REGISTRY)
  --github OWNER/REPO
                     status, fetch: read the GitHub registry of this repository, not a directory (a token in
                     GITHUB_TOKEN or GH_TOKEN; GITHUB_API_URL for GitHub Enterprise Server)
  --registry-branch BRANCH
                     with --github, the branch that holds the registry (default retrain-registry)
  --param NAME=VALUE override a spec param (repeatable); validated against the spec
  --out DIR          where result.json, report.md, the bundle and logs go (default ${DEFAULT_RUNS}/<model>/<time>);
                     fetch: a new or empty directory for the model's files (default ./<model>-v<N>)
  --dry-run          decide and report, change nothing
  --json             print result.json (run), the registry state (status), the comparison (compare), drift, or the outcome (other commands) on stdout
  --actor NAME       who acts, recorded in the history (default $USER)
  --keep-work-dir    keep the run's scratch directory for debugging
  --all              status: every version and history entry (default: the newest 30, the champion and pending ones)
  --no-cache         run every step, even one whose outputs are in the run-cache (${DEFAULT_CACHE}, or $RETRAIN_CACHE)
  --data NAME        evaluate: the data input to score (default eval)
  --keep-rejected N  prune: keep the bundles of the newest N rejected or not-selected versions (default: the spec's retention)
  --keep-retired N   prune: keep the bundles of the newest N former champions (default: the spec's retention)
  -h, --help         this help;  -v, --version  the version (alone, before any command)

Exit codes: 0 decision reached or command done (drift: drifted or not), 2 bad spec or input, 3 step failed,
4 evaluation failed, 5 stale-baseline or conflict, 6 bundle integrity, 7 disk full, 130 cancelled,
1 internal.`

/** `arg` names the value in --help (as the overview does); `describeIn` words it for one command. */
type Option = {
  type: 'string' | 'boolean'
  multiple?: boolean
  short?: string
  arg?: string
  describe: string
  describeIn?: Record<string, { arg: string; describe: string }>
}

const OPTION: Record<string, Option> = {
  spec: { type: 'string', arg: 'FILE', describe: `the retraining spec (default ${DEFAULT_SPEC})` },
  model: { type: 'string', arg: 'NAME', describe: 'the model, when there is no spec' },
  registry: { type: 'string', arg: 'DIR', describe: `the registry directory (default ${DEFAULT_REGISTRY}, or $RETRAIN_REGISTRY)` },
  github: {
    type: 'string',
    arg: 'OWNER/REPO',
    describe: 'read the GitHub registry of this repository, not a directory (a token in GITHUB_TOKEN or GH_TOKEN; GITHUB_API_URL for GitHub Enterprise Server)'
  },
  'registry-branch': { type: 'string', arg: 'BRANCH', describe: 'with --github, the branch that holds the registry (default retrain-registry)' },
  param: { type: 'string', multiple: true, arg: 'NAME=VALUE', describe: 'override a spec param (repeatable); validated against the spec' },
  out: {
    type: 'string',
    arg: 'DIR',
    describe: `where result.json, report.md, the bundle and logs go (default ${DEFAULT_RUNS}/<model>/<time>)`,
    describeIn: { fetch: { arg: 'DIR', describe: "where the model's files go: a new or empty directory (default ./<model>-v<N>)" } }
  },
  version: { type: 'string', arg: 'N', describe: 'the version to fetch (default: the champion)' },
  'dry-run': {
    type: 'boolean',
    describe: 'decide and report, change nothing',
    describeIn: { prune: { arg: '', describe: 'say what would be pruned and freed, change nothing' } }
  },
  json: { type: 'boolean', describe: 'print the outcome as JSON on stdout' },
  actor: { type: 'string', arg: 'NAME', describe: 'who acts, recorded in the history (default $USER)' },
  candidate: {
    type: 'string',
    arg: 'N|FILE',
    describe: 'the candidate: a version (promote) or a predictions file (compare)',
    describeIn: {
      promote: { arg: 'N', describe: 'the version to promote' },
      compare: { arg: 'FILE', describe: "the candidate's predictions (or metrics .json) file" }
    }
  },
  'expect-champion': { type: 'string', arg: 'M|none', describe: 'the champion the candidate was compared with: a version or none' },
  force: { type: 'boolean', describe: 'promote a candidate the rules rejected (needs --reason)' },
  reason: { type: 'string', arg: 'TEXT', describe: 'why, recorded in the history' },
  to: { type: 'string', arg: 'VERSION', describe: 'the earlier champion to restore (default: the previous one)' },
  'keep-work-dir': { type: 'boolean', describe: "keep the run's scratch directory for debugging" },
  all: { type: 'boolean', describe: 'every version and history entry' },
  'no-cache': { type: 'boolean', describe: `run every step, even one whose outputs are in the run-cache (${DEFAULT_CACHE}, or $RETRAIN_CACHE)` },
  baseline: { type: 'string', arg: 'FILE', describe: 'the baseline predictions (or metrics .json) file' },
  data: { type: 'string', arg: 'NAME', describe: 'the data input to score (default eval)' },
  challenger: { type: 'string', arg: 'NAME', describe: "train the spec's challenger NAME and store it for select, undecided" },
  plan: { type: 'string', arg: 'ID', describe: 'the plan id (from retrain plan): refuse when the champion or evaluation data moved since' },
  'keep-rejected': {
    type: 'string',
    arg: 'N',
    describe: "keep the bundles of the newest N rejected or not-selected versions (overrides the spec's retention)"
  },
  'keep-retired': {
    type: 'string',
    arg: 'N',
    describe: "keep the bundles of the newest N former champions, the rollback targets (overrides the spec's retention)"
  },
  help: { type: 'boolean', short: 'h', describe: 'this help' }
}

interface CommandShape {
  options: (keyof typeof OPTION)[]
  /** Names of the positional arguments it takes, in order. */
  positionals: string[]
  /** Options people reach for that mean one of this command's: `rollback --version` is `--to`. */
  meant?: Record<string, string>
}

const WHO = ['actor', 'reason'] as const
const REGISTRY = ['spec', 'model', 'registry'] as const

const COMMANDS: Record<string, CommandShape> = {
  run: {
    options: ['spec', 'registry', 'param', 'out', 'dry-run', 'json', 'actor', 'keep-work-dir', 'challenger', 'plan', 'no-cache'],
    positionals: [],
    meant: { params: 'param', output: 'out' }
  },
  validate: { options: ['spec'], positionals: [] },
  plan: { options: ['spec', 'registry', 'param', 'json'], positionals: [] },
  select: { options: ['spec', 'registry', 'param', 'plan', 'dry-run', 'json', ...WHO], positionals: [] },
  status: { options: [...REGISTRY, 'github', 'registry-branch', 'json', 'all'], positionals: [] },
  promote: {
    options: [...REGISTRY, 'candidate', 'expect-champion', 'force', ...WHO],
    positionals: [],
    meant: { version: 'candidate', expect: 'expect-champion', champion: 'expect-champion' }
  },
  approve: { options: [...REGISTRY, 'force', ...WHO], positionals: ['VERSION'], meant: { version: 'VERSION' } },
  reject: { options: [...REGISTRY, ...WHO], positionals: ['VERSION'], meant: { version: 'VERSION' } },
  rollback: { options: [...REGISTRY, 'to', ...WHO], positionals: [], meant: { version: 'to' } },
  fetch: {
    options: [...REGISTRY, 'github', 'registry-branch', 'version', 'out', 'json'],
    positionals: [],
    meant: { to: 'out', dir: 'out', into: 'out', champion: 'version' }
  },
  prune: { options: [...REGISTRY, 'keep-rejected', 'keep-retired', 'dry-run', 'json', ...WHO], positionals: [] },
  compare: { options: ['spec', 'candidate', 'baseline', 'json'], positionals: [] },
  drift: { options: ['spec', 'registry', 'param', 'json'], positionals: [], meant: { params: 'param' } },
  train: { options: [], positionals: ['TRAINER'] },
  evaluate: { options: ['data'], positionals: [] }
}

type Values = {
  spec?: string
  model?: string
  registry?: string
  github?: string
  'registry-branch'?: string
  param?: string[]
  out?: string
  'dry-run'?: boolean
  json?: boolean
  actor?: string
  candidate?: string
  'expect-champion'?: string
  force?: boolean
  reason?: string
  to?: string
  version?: string
  'keep-work-dir'?: boolean
  all?: boolean
  'no-cache'?: boolean
  baseline?: string
  data?: string
  challenger?: string
  plan?: string
  'keep-rejected'?: string
  'keep-retired'?: string
  help?: boolean
}

function usageError(message: string, command?: string): InputError {
  return new InputError([{ message: `${message}\nRun "retrain ${command ? `${command} ` : ''}--help" for usage.` }], 'usage')
}

function commandUsage(name: string): string {
  const shape = COMMANDS[name]!
  const lines = [`Usage: retrain ${name}${shape.positionals.map(p => ` ${p}`).join('')}${shape.options.length ? ' [options]' : ''}`, '']
  for (const option of [...shape.options, 'help']) {
    const o = { ...OPTION[option]!, ...OPTION[option]!.describeIn?.[name] }
    lines.push(`  ${`${o.short ? `-${o.short}, ` : ''}--${option}${o.type === 'string' ? ` ${o.arg ?? 'VALUE'}` : ''}`.padEnd(28)}${o.describe}`)
  }
  return lines.join('\n')
}

/**
 * Parses one command's arguments: only its own options, at most its positionals. A wrong option
 * says which option of this command was probably meant, or which command it belongs to.
 */
function parseCommand(name: string, args: string[]): { values: Values; positionals: string[] } {
  const shape = COMMANDS[name]!
  const own = [...shape.options, 'help']
  const options = Object.fromEntries(
    own.map(o => [o, { type: OPTION[o]!.type, ...(OPTION[o]!.multiple && { multiple: true }), ...(OPTION[o]!.short && { short: OPTION[o]!.short }) }])
  )
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args, options: options as never, allowPositionals: true, strict: true })
  } catch (err) {
    const code = String((err as { code?: string }).code ?? '')
    const unknown = /Unknown option '(-{1,2})([^']+)'/.exec((err as Error).message)
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const word = unknown[2]!
      const meant = shape.meant?.[word] ?? closest(word, own)
      const elsewhere = Object.entries(COMMANDS)
        .filter(([, c]) => c.options.includes(word))
        .map(([n]) => n)
      const hint = meant
        ? /^[A-Z]+$/.test(meant)
          ? ` (the ${meant.toLowerCase()} is an argument: retrain ${name} ${meant})`
          : `; did you mean --${meant}?`
        : elsewhere.length
          ? ` (--${word} is an option of retrain ${elsewhere.join(', ')})`
          : ''
      throw usageError(`retrain ${name} has no option ${unknown[1]}${word}${hint}`, name)
    }
    if (code.startsWith('ERR_PARSE_ARGS')) throw usageError(`retrain ${name}: ${(err as Error).message}`, name)
    throw err
  }
  if (parsed.positionals.length > shape.positionals.length) {
    const extra = parsed.positionals
      .slice(shape.positionals.length)
      .map(p => preview(p))
      .join(' ')
    throw usageError(`retrain ${name} takes ${shape.positionals.length ? shape.positionals.join(' ') : 'no arguments'}; unexpected ${extra}`, name)
  }
  return { values: parsed.values as Values, positionals: parsed.positionals }
}

function parseVersion(value: string | undefined, flag: string, command: string, allowNone = false): number | null {
  if (value === undefined) throw usageError(`retrain ${command} needs ${flag}`, command)
  if (allowNone && value === 'none') return null
  const version = parseVersionText(value)
  if (version === null) throw usageError(`${flag} must be a version number${allowNone ? ' or "none"' : ''}, got ${preview(value)}`, command)
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
  if (values.plan !== undefined && !/^[0-9a-f]{16}$/.test(values.plan)) {
    problems.push(`--plan ${preview(values.plan)} is not a plan id: retrain plan prints it (16 hexadecimal digits)`)
  }
  if (command === 'run' && values.plan !== undefined && values.challenger === undefined) {
    problems.push('--plan goes with --challenger NAME: it names the plan the challenger belongs to')
  }
  if (values.data !== undefined && !DATA_NAME.test(values.data)) {
    problems.push(`--data ${preview(values.data)} is not a data input name: it starts with a letter or '_' and holds only letters, digits, '_' or '-'`)
  }
  if (problems.length)
    throw new InputError(
      problems.map(message => ({ message })),
      'usage'
    )
}

const DATA_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

async function loadSpec(file: string): Promise<Spec> {
  try {
    return await (await import('../spec/load.js')).loadSpec(file)
  } catch (err) {
    // No spec where none was named: say how to name one (a first run from a folder with retrain.yml in it).
    if (file === DEFAULT_SPEC && err instanceof InputError && err.problems.length === 1 && /no such file$/.test(err.problems[0]!.message)) {
      throw new InputError([{ ...err.problems[0]!, message: `${err.problems[0]!.message} (the default spec; name another with --spec FILE)` }])
    }
    throw err
  }
}

async function registryOf(values: Values): Promise<Registry> {
  if (values.github !== undefined) {
    if (values.registry !== undefined) throw usageError('--github and --registry name two registries: give one')
    const { githubRegistry } = await import('./github-registry.js')
    return githubRegistry(values.github, values['registry-branch'], process.env, message => process.stderr.write(errorLine(message))).registry
  }
  if (values['registry-branch'] !== undefined) throw usageError('--registry-branch goes with --github OWNER/REPO')
  const { DirectoryRegistry } = await import('../registry/directory-registry.js')
  return new DirectoryRegistry(path.resolve(values.registry ?? process.env.RETRAIN_REGISTRY ?? DEFAULT_REGISTRY), undefined, message =>
    process.stderr.write(errorLine(message))
  )
}

async function modelOf(values: Values): Promise<{ model: string; spec: Spec | null }> {
  if (values.model) return { model: values.model, spec: null }
  const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
  return { model: spec.model, spec }
}

/** The local run-cache, when some step declares `cache:`: a bounded directory (docs/cache.md). */
async function stepCacheOf(spec: Spec, reporter: ConsoleReporter) {
  const bound = process.env.RETRAIN_CACHE_MAX_MB
  // A bad bound is refused by every run, not only by one whose spec caches a step.
  if (!spec.steps.some(s => s.cache) && (bound === undefined || bound === '')) return undefined
  const { DirectoryStepCache, cacheMaxBytes } = await import('../engine/directory-cache.js')
  const maxBytes = cacheMaxBytes(bound)
  if (!spec.steps.some(s => s.cache)) return undefined
  return new DirectoryStepCache(path.resolve(process.env.RETRAIN_CACHE || DEFAULT_CACHE), {
    ...(maxBytes !== undefined && { maxBytes }),
    warn: message => reporter.warn(message)
  })
}

function timestamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-')
}

/** The command line as the app's command, with the ports the local shell provides. */
async function commandOf(name: string, values: Values, positionals: string[], signal: AbortSignal): Promise<{ command: AppCommand; spec: Spec | null }> {
  const who = { actor: values.actor ?? process.env.USER ?? 'local', reason: values.reason, force: values.force }
  switch (name) {
    case 'run': {
      const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
      const params = resolveParams(spec, parseParamAssignments(values.param ?? []), '--param')
      const { heartbeatMs, stageHook } = await import('../app/knobs.js')
      if (values.out !== undefined) checkOutDir(values.out)
      const settings: RunSettings = {
        spec,
        params,
        outputDir: path.resolve(values.out ?? path.join(DEFAULT_RUNS, spec.model, timestamp(new Date()))),
        baseEnv: inheritableEnv(process.env),
        actor: who.actor,
        gitCommit: await gitHead(spec.root),
        toolVersion: TOOL_VERSION,
        cli: { node: process.execPath, script: fileURLToPath(import.meta.url) },
        dryRun: values['dry-run'],
        ...(values.challenger !== undefined && { challenger: { name: values.challenger, ...(values.plan !== undefined && { expectPlan: values.plan }) } }),
        signal,
        atStage: stageHook(process.env.RETRAIN_TEST_FAILPOINT, signal),
        heartbeatMs: heartbeatMs(process.env.RETRAIN_HEARTBEAT_SECONDS),
        keepWorkDir: values['keep-work-dir']
      }
      return { command: { kind: 'run', settings }, spec }
    }
    case 'validate': {
      const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
      return { command: { kind: 'validate', spec }, spec }
    }
    case 'drift': {
      const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
      const params = resolveParams(spec, parseParamAssignments(values.param ?? []), '--param')
      return { command: { kind: 'drift', spec, params }, spec }
    }
    case 'plan':
    case 'select': {
      const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
      const params = resolveParams(spec, parseParamAssignments(values.param ?? []), '--param')
      if (name === 'plan') return { command: { kind: 'plan', spec, params }, spec }
      return {
        command: { kind: 'select', spec, params, ...(values.plan !== undefined && { plan: values.plan }), who, ...(values['dry-run'] && { dryRun: true }) },
        spec
      }
    }
    case 'compare': {
      if (values.candidate === undefined || values.baseline === undefined) throw usageError('retrain compare needs --candidate FILE and --baseline FILE', name)
      const spec = await loadSpec(values.spec ?? DEFAULT_SPEC)
      return { command: { kind: 'compare', spec, candidateFile: values.candidate, baselineFile: values.baseline }, spec }
    }
  }
  const { model, spec } = await modelOf(values)
  switch (name) {
    case 'status':
      return { command: { kind: 'status', model }, spec }
    case 'promote': {
      const candidate = parseVersion(values.candidate, '--candidate', name)!
      const expectChampion = parseVersion(values['expect-champion'], '--expect-champion', name, true)
      return { command: { kind: 'promote', model, candidate, expectChampion, who }, spec }
    }
    case 'approve':
      return { command: { kind: 'approve', model, version: parseVersion(positionals[0], 'VERSION', name)!, who }, spec }
    case 'reject':
      return { command: { kind: 'reject', model, version: parseVersion(positionals[0], 'VERSION', name)!, who }, spec }
    case 'rollback':
      return { command: { kind: 'rollback', model, ...(values.to !== undefined && { to: parseVersion(values.to, '--to', name)! }), who }, spec }
    case 'fetch': {
      const version = values.version === undefined ? undefined : parseVersion(values.version, '--version', name)!
      return { command: { kind: 'fetch', model, ...(version !== undefined && { version }), dest: values.out ?? `${model}-v{version}` }, spec }
    }
    case 'prune': {
      const { parseKeepCount, pruneHook } = await import('../engine/prune-command.js')
      const keep = (flag: 'keep-rejected' | 'keep-retired') => (values[flag] === undefined ? undefined : parseKeepCount(values[flag], `--${flag}`))
      const [keepRejected, keepRetired] = [keep('keep-rejected'), keep('keep-retired')]
      const atStage = pruneHook(process.env.RETRAIN_TEST_FAILPOINT)
      return {
        command: {
          kind: 'prune',
          model,
          spec,
          overrides: { ...(keepRejected !== undefined && { keepRejected }), ...(keepRetired !== undefined && { keepRetired }) },
          ...(values['dry-run'] && { dryRun: true }),
          who,
          noPolicy: `${spec ? `the spec ${path.relative(process.cwd(), spec.file) || spec.file} has no retention: section` : 'no spec was read (--model)'}; set retention: keep-rejected / keep-retired in the spec, or pass --keep-rejected N and/or --keep-retired N`,
          ...(atStage && { atStage })
        },
        spec
      }
    }
  }
  throw usageError(`unknown command "${name}"`)
}

/**
 * A decision that stands while a follow-up it committed did not complete exits with the conflict
 * code, as every command that completes follow-ups does, so that a script notices the work left.
 */
async function unfinishedFollowUps(decided: string, report: EffectReport | null | undefined): Promise<number> {
  const { unfinished } = await import('../app/execute.js')
  const left = unfinished(report)
  if (left.length === 0) return ExitCode.ok
  process.stderr.write(
    `error: ${decided}, but ${left.join(', ')} did not complete; ` + 'it stays pending in the registry and the next command that changes it completes it\n'
  )
  return ExitCode.conflict
}

/** The outcome in the CLI's words: a line for a person, or JSON with --json. */
async function render(outcome: AppOutcome, command: AppCommand, values: Values, spec: Spec | null, reporter: ConsoleReporter): Promise<number> {
  const out = (text: string) => process.stdout.write(`${text}\n`)
  switch (outcome.kind) {
    case 'run': {
      const { result } = outcome.run
      if (values.json) out(JSON.stringify(result, null, 2))
      const outputDir = command.kind === 'run' ? command.settings.outputDir : '.'
      reporter.info(
        `Result: ${result.decision}${result.error ? ` (${result.error.reason})` : ''}${result.wouldBe ? ` (dry run: nothing changed; would be ${result.wouldBe})` : ''}. Outputs in ${path.relative(process.cwd(), outputDir) || outputDir}`
      )
      // A decision forced by a conflict (stale-baseline, exit 5) says so where errors are read, as other commands do.
      if (result.error) process.stderr.write(errorLine(`error: ${result.error.reason}: ${result.error.message}`))
      if (outcome.run.exitCode === ExitCode.ok && result.candidate.version !== null)
        return await unfinishedFollowUps(`${result.model} version ${result.candidate.version} is ${result.decision}`, outcome.run.followUps)
      return outcome.run.exitCode
    }
    case 'validated': {
      const s = outcome.spec
      out(
        `${path.relative(process.cwd(), s.file) || s.file}: valid (model ${s.model}, ${count(s.steps.length, 'step')}, ${count(s.metrics.length, 'metric')}, ${count(outcome.rules, 'rule')}, mode ${s.promotion.mode})`
      )
      return ExitCode.ok
    }
    case 'status': {
      const { renderStatus } = await import('../engine/registry-commands.js')
      const limit = values.all ? Infinity : undefined
      out(values.json ? JSON.stringify(outcome.snapshot, null, 2) : renderStatus(outcome.snapshot, spec?.metrics.map(m => m.name) ?? [], { limit }))
      if (outcome.snapshot.versions.length === 0 && values.github !== undefined)
        process.stderr.write(
          `note: ${outcome.snapshot.model} has no versions on branch ${values['registry-branch'] ?? 'retrain-registry'} of ${values.github}; check --github, --registry-branch and the spec's model\n`
        )
      else if (outcome.snapshot.versions.length === 0)
        process.stderr.write(
          `note: ${emptyRegistryNote(outcome.snapshot.model, path.resolve(values.registry ?? process.env.RETRAIN_REGISTRY ?? DEFAULT_REGISTRY))}\n`
        )
      return ExitCode.ok
    }
    case 'compared': {
      const { renderComparison } = await import('../engine/compare-command.js')
      out(values.json ? JSON.stringify(outcome.comparison, null, 2) : renderComparison(outcome.comparison))
      return ExitCode.ok
    }
    case 'drift': {
      const [{ driftTable }, { table }] = await Promise.all([import('../engine/drift.js'), import('../engine/report.js')])
      out(values.json ? JSON.stringify(outcome.report, null, 2) : driftTable(outcome.report, table))
      return ExitCode.ok
    }
    case 'promoted':
      out(
        outcome.already
          ? `${outcome.model} version ${outcome.version} is already the champion: nothing changed, nothing needed doing`
          : outcome.how === 'rolled-back'
            ? `Rolled back ${outcome.model}: version ${outcome.version} is the champion`
            : `${outcome.how === 'approved' ? 'Approved and promoted' : 'Promoted'} ${outcome.model} version ${outcome.version}`
      )
      return await unfinishedFollowUps(`${outcome.model} version ${outcome.version} is the champion`, outcome.followUps)
    case 'rejected':
      out(`Rejected ${outcome.model} version ${outcome.version}`)
      return await unfinishedFollowUps(`${outcome.model} version ${outcome.version} is rejected`, outcome.followUps)
    case 'planned': {
      const { planMatrix, renderPlan } = await import('../engine/challenger-plan.js')
      out(values.json ? JSON.stringify(planMatrix(outcome.plan)) : renderPlan(outcome.plan))
      return ExitCode.ok
    }
    case 'selected': {
      if (values.json) {
        const { selectionJson } = await import('../engine/challenger-select.js')
        out(JSON.stringify(selectionJson(outcome.selection), null, 2))
      }
      const w = outcome.selection.selection.winner
      reporter.info(
        outcome.selection.decision === 'skipped'
          ? `Dry run, nothing changed: ${w ? `would select ${w.name} (version ${w.version})` : 'would select nothing'} from plan ${outcome.selection.selection.plan}`
          : outcome.selection.decision === 'none'
            ? `Selected nothing from plan ${outcome.selection.selection.plan}`
            : `Selected ${w?.name} (version ${w?.version}): ${outcome.selection.decision}`
      )
      const decision = outcome.selection.decision
      return await unfinishedFollowUps(
        w ? `${w.name} (version ${w.version}) is ${decision}` : `the selection of plan ${outcome.selection.selection.plan} is ${decision}`,
        outcome.followUps
      )
    }
    case 'fetched': {
      const { renderFetch } = await import('../engine/fetch-command.js')
      out(values.json ? JSON.stringify(outcome.fetched, null, 2) : renderFetch(outcome.fetched, path.relative(process.cwd(), outcome.fetched.dir) || '.'))
      return ExitCode.ok
    }
    case 'pruned': {
      const { renderPrune } = await import('../engine/prune-command.js')
      out(values.json ? JSON.stringify(outcome.report, null, 2) : renderPrune(outcome.report))
      return await unfinishedFollowUps(`the prune of ${outcome.report.model} is recorded`, outcome.followUps)
    }
    case 'settled':
    case 'redeployed': {
      const { unfinished } = await import('../app/execute.js')
      return unfinished(outcome.followUps).length ? ExitCode.conflict : ExitCode.ok
    }
  }
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (name === '--version' || name === '-v') {
    if (args.length) throw usageError(`--version takes nothing after it`)
    process.stdout.write(`${TOOL_VERSION}\n`)
    return ExitCode.ok
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return name === undefined ? ExitCode.badInput : ExitCode.ok
  }
  if (!(name in COMMANDS)) {
    const meant = closest(name, Object.keys(COMMANDS))
    throw usageError(`unknown command "${name}"${meant ? `; did you mean "${meant}"?` : ''}`)
  }
  const { values, positionals } = parseCommand(name, args)
  if (values.help) {
    process.stdout.write(`${commandUsage(name)}\n`)
    return ExitCode.ok
  }
  checkArguments(values, name)
  // Every command, the built-in trainers' included: a bad value is refused before anything runs.
  checkThreadKnobs(process.env)
  if (name === 'train') {
    if (positionals[0] === undefined) throw usageError('retrain train needs the trainer, such as: retrain train online-gradient-descent', name)
    return await (await import('../trainers/commands.js')).trainCommand(positionals[0])
  }
  if (name === 'evaluate') return await (await import('../trainers/commands.js')).evaluateCommand(values.data ?? 'eval')

  const reporter = new ConsoleReporter(process.stdout, process.stderr, !values.json)
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      // A second signal stops at once: the running step's group is killed (SIGKILL) as the process exits.
      process.stderr.write(`${signal} received again: killing the running step and exiting\n`)
      process.exit(ExitCode.cancelled)
    }
    // Only a run stops on the first signal (its steps are long); the other commands finish what is under way, which is short
    // and leaves the registry whole either way.
    reporter.warn(
      name === 'run' ? `${signal} received: stopping the running step` : `${signal} received: finishing what is under way; send it again to stop at once`
    )
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const { command, spec } = await commandOf(name, values, positionals, controller.signal)
    const registry = command.kind === 'validate' || command.kind === 'compare' ? null : await registryOf(values)
    const { execute } = await import('../app/execute.js')
    const stepCache = command.kind === 'run' && !values['no-cache'] ? await stepCacheOf(command.settings.spec, reporter) : undefined
    const outcome = await execute(command, { registry: registry!, reporter, gate: new FileGate(values.spec ?? ''), ...(stepCache && { stepCache }) })
    return await render(outcome, command, values, spec, reporter)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/** Runs the CLI and turns any failure into a message and an exit code; nothing thrown escapes. */
export async function runCli(argv: string[]): Promise<number> {
  dropOutputOnClosedPipe(process.stdout)
  // Progress goes to stderr: a reader that stops early (`retrain run 2>&1 | head`) must not stop the run.
  dropOutputOnClosedPipe(process.stderr)
  try {
    return await main(argv)
  } catch (err) {
    if (err instanceof InputError) {
      for (const p of err.problems) process.stderr.write(errorLine(`error: ${formatProblem(p)}`))
      if (err.reason === 'rejected-candidate') process.stderr.write('To promote it anyway, pass --force and --reason "why"; the reason is recorded.\n')
      return err.exitCode
    }
    if (err instanceof RetrainError) {
      process.stderr.write(errorLine(`error: ${err.exitCode === ExitCode.conflict ? `${err.reason}: ` : ''}${err.message}`))
      if (err.exitCode === ExitCode.integrity) process.stderr.write(`${err.reason === MODEL_NOT_PACKABLE ? MODEL_NOT_PACKABLE_HINT : INTEGRITY_HINT}\n`)
      return err.exitCode
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${errorLine(`error: ${err.message}`)}Run "retrain --help" for usage.\n`)
      return ExitCode.badInput
    }
    process.stderr.write(errorLine(`error: ${err instanceof Error ? ((process.env.RETRAIN_DEBUG ? err.stack : err.message) ?? '') : String(err)}`))
    return ExitCode.internal
  }
}
