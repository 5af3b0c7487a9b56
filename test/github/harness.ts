/**
 * Runs the bundled action (dist/index.js) as the runner does: inputs as INPUT_* variables, the event
 * payload in GITHUB_EVENT_PATH, outputs and the job summary through files, GitHub's API and the
 * artifact service on loopback fakes.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { REPO, makeProject } from '../helpers/project.js'
import type { FakeGitHub } from '../fakes/github-server.js'
import { fakeRuntimeToken, type FakeArtifacts } from '../fakes/results-server.js'

export const ACTION = path.join(REPO, 'dist/index.js')

export interface ActionRun {
  code: number | null
  log: string
  outputs: Record<string, string>
  summary: string
}

/** The runner's file-command format: `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) outputs[m[1]!] = m[3]!
  return outputs
}

/** GitHub's limit on a job's outputs: 1 MB, their size approximated as UTF-16 (two bytes a code unit). */
export const JOB_OUTPUTS_LIMIT_BYTES = 1024 * 1024

/** The outputs' size as GitHub measures it against JOB_OUTPUTS_LIMIT_BYTES, were each one a job output. */
export function outputsBytes(outputs: Record<string, string>): number {
  return Object.entries(outputs).reduce((n, [name, value]) => n + 2 * (name.length + value.length), 0)
}

/** A workflow command as the runner would carry it out. */
export interface RunnerCommand {
  name: string
  value: string
}

/**
 * The workflow commands the runner would carry out from a step's log: it ends lines at a line feed
 * and at a lone carriage return, reads a line that starts with `::` (after blanks) as a command, and
 * `##[name ...]value` anywhere in a line as one in the older syntax; after `::stop-commands::TOKEN`
 * it carries out none until a line `::TOKEN::`.
 */
export function runnerCommands(log: string): RunnerCommand[] {
  const commands: RunnerCommand[] = []
  let stopped: string | null = null
  for (const raw of log.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart()
    if (stopped !== null) {
      if (line.trimEnd().toLowerCase() === `::${stopped}::`.toLowerCase()) stopped = null
      continue
    }
    let command: RunnerCommand | null = null
    const end = line.startsWith('::') ? line.indexOf('::', 2) : -1
    if (end > 2) command = { name: line.slice(2, end).split(' ')[0]!, value: line.slice(end + 2) }
    else {
      const start = raw.indexOf('##[')
      const close = start < 0 ? -1 : raw.indexOf(']', start)
      if (close > start + 3) command = { name: raw.slice(start + 3, close).split(' ')[0]!, value: raw.slice(close + 1) }
    }
    if (command === null) continue
    if (command.name === 'stop-commands') stopped = command.value
    commands.push(command)
  }
  return commands
}

export interface RunOptions {
  inputs?: Record<string, string>
  env?: Record<string, string>
  event?: { name: string; payload?: object }
  github?: FakeGitHub
  artifacts?: FakeArtifacts
  /**
   * Cancels the run as the runner does once the log matches `when`: SIGINT, SIGTERM 7.5 s later,
   * then SIGKILL 2.5 s after that. A run still there at the SIGKILL ends with code null.
   */
  cancel?: { when: RegExp } | { at: Promise<void> }
  /** Kills the run at once (SIGKILL) once the log matches `when`, or `at` resolves: a runner lost, with no chance to clean up. */
  kill?: { when: RegExp } | { at: Promise<void> }
}

let runNumber = 0

export async function runAction(workspace: string, options: RunOptions = {}): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'runner-temp-'))
  const outputFile = path.join(runnerTemp, 'output')
  const summaryFile = path.join(runnerTemp, 'summary.md')
  const eventFile = path.join(runnerTemp, 'event.json')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  await writeFile(eventFile, JSON.stringify(options.event?.payload ?? {}))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.event?.name ?? 'schedule',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octo-bot',
    GITHUB_RUN_ID: String(4000 + ++runNumber),
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: runnerTemp,
    // Short backoff and no write pacing: the fakes have no rate limit and tests stay fast.
    RETRAIN_RETRY_BASE_MS: '20',
    RETRAIN_WRITE_INTERVAL_MS: '0',
    RETRAIN_HTTP_TIMEOUT_MS: '1500'
  }
  if (options.github) {
    Object.assign(env, {
      GITHUB_API_URL: options.github.apiUrl,
      GITHUB_REPOSITORY: `${options.github.owner}/${options.github.repo}`,
      INPUT_TOKEN: options.github.token
    })
  } else {
    Object.assign(env, { INPUT_REGISTRY: 'directory', INPUT_TOKEN: '' })
  }
  // Each action run is its own workflow run for the artifact service (artifact names are unique per run).
  if (options.artifacts)
    Object.assign(env, { ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(`run-backend-${env.GITHUB_RUN_ID}`), ACTIONS_RESULTS_URL: options.artifacts.url })
  Object.assign(env, options.env ?? {})
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value
  const { code, log } = await new Promise<{ code: number | null; log: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION], { cwd: workspace, env })
    // Bounded: an action that never exits fails its test instead of hanging the suite (generous: a loaded
    // machine makes a run several times slower).
    const deadline = setTimeout(() => child.kill('SIGKILL'), 90_000)
    let out = ''
    const cancelTimers: NodeJS.Timeout[] = []
    const cancel = () => {
      if (cancelTimers.length > 0 || child.exitCode !== null) return
      child.kill('SIGINT')
      cancelTimers.push(
        setTimeout(() => child.kill('SIGTERM'), 7500),
        setTimeout(() => child.kill('SIGKILL'), 10_000)
      )
    }
    const cancelWhen = options.cancel && 'when' in options.cancel ? options.cancel.when : undefined
    if (options.cancel && 'at' in options.cancel) void options.cancel.at.then(cancel)
    const killWhen = options.kill && 'when' in options.kill ? options.kill.when : undefined
    if (options.kill && 'at' in options.kill) void options.kill.at.then(() => child.kill('SIGKILL'))
    const onOutput = (d: Buffer) => {
      out += d
      if (cancelWhen?.test(out)) cancel()
      if (killWhen?.test(out)) child.kill('SIGKILL')
    }
    child.stdout.on('data', onOutput)
    child.stderr.on('data', onOutput)
    child.on('error', reject)
    child.on('close', c => {
      clearTimeout(deadline)
      for (const timer of cancelTimers) clearTimeout(timer)
      resolve({ code: c, log: out })
    })
  })
  return { code, log, outputs: parseOutputs(await readFile(outputFile, 'utf8')), summary: await readFile(summaryFile, 'utf8') }
}

/** The toy project's spec (test/fixtures/toy): score = the weight, each run adds `delta` to the champion's. */
export function toySpec(model: string, promotion: string, extraParams = ''): string {
  return `model: ${model}
root: .
params:
  delta: { type: number, default: 1 }
  optimizer: { type: string, enum: [sgd, adam], default: sgd }
${extraParams}data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: env > step-env.txt && node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: 0
promotion:
${promotion}`
}

export const AUTO = '  mode: auto\n  first-model: promote\n'
export const GATE = '  mode: gate\n  first-model: gate\n'

/** A copy of the toy project with its spec in retrain.yml. */
export async function toyProject(model: string, promotion: string): Promise<string> {
  const workspace = await makeProject('test/fixtures/toy')
  await writeFile(path.join(workspace, 'retrain.yml'), toySpec(model, promotion))
  return workspace
}

export interface RegistryState {
  champion: number | null
  lastReserved: number
  versions: { version: number; status: string; baselineVersion: number | null; storage?: { id: number; draft: boolean } | null }[]
  history: { action: string; version: number; actor: string; reason: string; from: number | null; forced?: boolean }[]
  effects: { kind: string; version: number; status: string; error?: string }[]
  /** Derived for the tests: the release that holds each version's bundle, by version. */
  releases: Record<string, { id: number; draft: boolean }>
}

/** The model's state on the fake's registry branch, as the action wrote it. */
export function registryState(github: FakeGitHub, model: string): RegistryState | undefined {
  const text = github.file('retrain-registry', `${model}/registry.json`)
  if (text === undefined) return undefined
  const state = JSON.parse(text) as RegistryState
  return { ...state, releases: Object.fromEntries(state.versions.flatMap(v => (v.storage ? [[String(v.version), v.storage]] : []))) }
}
