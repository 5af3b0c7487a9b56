/**
 * Turns the action's raw inputs into one typed settings object; all validation lives here.
 */
import * as core from '@actions/core'
import { parse as parseYaml } from 'yaml'
import { InputError } from '../errors.js'
import { parseVersionText, pathProblem, preview, refNameProblem, workflowNameProblem } from '../spec/names.js'
import { COMMANDS, GATES, Inputs, REGISTRIES, type Command, type GateKind, type RegistryKind } from './constants.js'

export interface ActionSettings {
  /** Path of the retraining spec, relative to the workspace. */
  spec: string
  command: Command
  /**
   * Param overrides: a JSON or YAML object, typically `${{ toJSON(inputs) }}`. Null when the input is
   * empty: the params then come from the event (dispatch inputs, client_payload) or the defaults.
   */
  params: Record<string, unknown> | null
  /** Ignore params the spec does not declare (workflow inputs that are not spec params). */
  ignoreUnknownParams: boolean
  /** For promote: the candidate version and the champion it must replace (null: no champion). */
  candidate?: number
  expectChampion?: number | null
  /** For approve, reject and rollback. */
  version?: number
  reason?: string
  /** For approve and promote: promote a candidate the rules rejected (needs a reason, which is recorded). */
  force: boolean
  /** The directory registry, relative to the workspace. */
  registryDir: string
  /** Decide and report, change nothing; 'auto': only on pull_request events. */
  dryRun: boolean | 'auto'
  /** Where result.json, report.md, the bundle and logs go (default: under RUNNER_TEMP). */
  outputDir?: string
  /** The token for GitHub's API (default github.token); masked in logs, never given to steps. */
  token: string
  /** Where versions and the champion pointer live: GitHub releases + a branch, or a directory. */
  registry: RegistryKind
  /** The branch holding the GitHub registry's state. */
  registryBranch: string
  /** How a gated candidate waits for a person: a protected environment job, or an issue. */
  gate: GateKind
  /**
   * With the environment gate, the environment the promote job names: checked to exist and to have
   * required reviewers (a warning otherwise).
   */
  gateEnvironment?: string
  /** Upload the bundle, logs, result.json and report as workflow artifacts. */
  artifacts: boolean
  /** Days workflow artifacts are kept (1-90); undefined: the repository's setting. */
  retentionDays?: number
  /** On the issue gate, the person whose run opened the gate cannot approve it. */
  excludeTriggeringActor: boolean
  /** A workflow (file name or id) dispatched with the model and version after each promotion. */
  dispatchWorkflow?: string
  /** The ref the dispatched workflow runs on (default: the repository's default branch ref of this run). */
  dispatchRef?: string
  /** For run: the spec's challenger to train, stored undecided for select (a matrix job's `matrix.challenger`). */
  challenger?: string
  /** For prune: counts that override the spec's retention. */
  keepRejected?: number
  keepRetired?: number
  /** For run with a challenger, and select: the plan id from command plan. */
  plan?: string
}

function versionInput(name: string, allowNone = false): number | null | undefined {
  const raw = core.getInput(name)
  if (raw === '') return undefined
  if (allowNone && raw === 'none') return null
  const version = parseVersionText(raw)
  if (version === null) {
    throw new InputError([{ message: `input "${name}" must be a version number${allowNone ? ' or "none"' : ''}, got ${preview(raw)}` }])
  }
  return version
}

/** A path input; `inside`: a directory it must not leave (the workspace). Undefined when empty. */
function pathInput(name: string, inside?: string): string | undefined {
  const raw = core.getInput(name)
  if (raw === '') return undefined
  const problem = pathProblem(raw, inside)
  if (problem) throw new InputError([{ message: `input "${name}" ${problem}` }])
  return raw
}

/** A name input checked by `problemOf` (a branch, a workflow). Undefined when empty. */
function nameInput(name: string, problemOf: (value: string) => string | null): string | undefined {
  const raw = core.getInput(name).trim()
  if (raw === '') return undefined
  const problem = problemOf(raw)
  if (problem) throw new InputError([{ message: `input "${name}" is invalid: ${problem} (got ${preview(raw)})` }])
  return raw
}

/** GitHub's limits on an environment's name: at most 255 characters, no control characters. */
function environmentNameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  return name.length <= 255 && !/[\u0000-\u001f\u007f]/.test(name) ? null : 'an environment name has at most 255 characters and no control characters'
}

function challengerNameProblem(name: string): string | null {
  return /^[a-z0-9][a-z0-9.-]{0,79}$/.test(name) ? null : "a challenger name holds only lower-case letters, digits, '.' and '-' (as command plan prints it)"
}

function planIdProblem(id: string): string | null {
  return /^[0-9a-f]{16}$/.test(id) ? null : 'a plan id is 16 hexadecimal digits, as the output "plan" of command plan gives it'
}

function choiceInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const raw = core.getInput(name).trim() || fallback
  if (!allowed.includes(raw as T)) throw new InputError([{ message: `input "${name}" must be one of ${allowed.join(', ')}, got "${raw}"` }])
  return raw as T
}

function retentionInput(): number | undefined {
  const raw = core.getInput(Inputs.retentionDays).trim()
  if (raw === '') return undefined
  const days = Number(raw)
  if (!Number.isInteger(days) || days < 1 || days > 90) {
    throw new InputError([{ message: `input "${Inputs.retentionDays}" must be a whole number of days from 1 to 90, got "${raw}"` }])
  }
  return days
}

/** A count of versions to keep (prune): a whole number of 0 or more. */
function keepInput(name: string): number | undefined {
  const raw = core.getInput(name).trim()
  if (raw === '') return undefined
  if (!/^\d{1,9}$/.test(raw)) throw new InputError([{ message: `input "${name}" must be a whole number of 0 or more, got ${preview(raw)}` }])
  return Number(raw)
}

function booleanInput(name: string, fallback = false): boolean {
  const raw = core.getInput(name).trim().toLowerCase()
  if (raw === '') return fallback
  if (raw === 'false') return false
  if (raw === 'true') return true
  throw new InputError([{ message: `input "${name}" must be true or false, got "${raw}"` }])
}

function dryRunInput(): boolean | 'auto' {
  const raw = core.getInput(Inputs.dryRun).trim().toLowerCase()
  if (raw === '' || raw === 'auto') return 'auto'
  if (raw === 'true' || raw === 'false') return raw === 'true'
  throw new InputError([{ message: `input "${Inputs.dryRun}" must be true, false or auto, got "${raw}"` }])
}

/**
 * Events where `dry-run: auto` is dry: a pull request, and a merge queue's run (`merge_group`), whose
 * commit may never land on the default branch. Only the default branch's own events retrain for real.
 */
export function dryByDefault(eventName: string): boolean {
  return eventName === 'pull_request' || eventName === 'pull_request_target' || eventName === 'merge_group'
}

/** Whether a command runs dry: the input, or with `auto` what the event implies (dryByDefault). */
export function isDry(settings: Pick<ActionSettings, 'dryRun'>, eventName: string): boolean {
  return settings.dryRun === 'auto' ? dryByDefault(eventName) : settings.dryRun
}

export function getSettings(): ActionSettings {
  const command = (core.getInput(Inputs.command) || 'run') as Command
  if (!COMMANDS.includes(command)) {
    throw new InputError([{ message: `input "command" must be one of ${COMMANDS.join(', ')}, got "${command}"` }])
  }
  const token = core.getInput(Inputs.token)
  // Masked before anything can print it.
  if (token) core.setSecret(token)
  const rawParams = core.getInput(Inputs.params)
  let params: unknown = null
  if (rawParams.trim() !== '') {
    try {
      params = parseYaml(rawParams)
    } catch (err) {
      throw new InputError([{ message: `input "params" is not valid JSON or YAML: ${(err as Error).message}` }])
    }
  }
  if (params !== null && (typeof params !== 'object' || Array.isArray(params))) {
    throw new InputError([{ message: 'input "params" must be an object of param name to value, such as ${{ toJSON(inputs) }}' }])
  }
  // The spec and the registry are the repository's: a path from an input may not leave the workspace.
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  return {
    spec: pathInput(Inputs.spec, workspace) ?? '.github/retrain.yml',
    command,
    params: params as Record<string, unknown> | null,
    ignoreUnknownParams: booleanInput(Inputs.ignoreUnknownParams),
    candidate: versionInput(Inputs.candidate) ?? undefined,
    expectChampion: versionInput(Inputs.expectChampion, true),
    version: versionInput(Inputs.version) ?? undefined,
    reason: core.getInput(Inputs.reason) || undefined,
    force: booleanInput(Inputs.force),
    registryDir: pathInput(Inputs.registryDir, workspace) ?? '.retrain/registry',
    dryRun: dryRunInput(),
    outputDir: pathInput(Inputs.outputDir),
    token,
    registry: choiceInput(Inputs.registry, REGISTRIES, 'github'),
    registryBranch: nameInput(Inputs.registryBranch, refNameProblem) ?? 'retrain-registry',
    gate: choiceInput(Inputs.gate, GATES, 'environment'),
    gateEnvironment: nameInput(Inputs.gateEnvironment, environmentNameProblem),
    artifacts: booleanInput(Inputs.artifacts, true),
    retentionDays: retentionInput(),
    excludeTriggeringActor: booleanInput(Inputs.excludeTriggeringActor),
    dispatchWorkflow: nameInput(Inputs.dispatchWorkflow, workflowNameProblem),
    dispatchRef: nameInput(Inputs.dispatchRef, refNameProblem),
    challenger: nameInput(Inputs.challenger, challengerNameProblem),
    plan: nameInput(Inputs.plan, planIdProblem),
    keepRejected: keepInput(Inputs.keepRejected),
    keepRetired: keepInput(Inputs.keepRetired)
  }
}
