/**
 * The warm-start contract: the environment every step and the evaluate command receive, and the
 * files behind it. Its names (public API) are in ../contract-names.ts.
 */
import { writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { ContractEnv, dataEnvName } from '../contract-names.js'
import { paramEnvName } from '../spec/params.js'
import type { ParamValue } from '../spec/types.js'

export interface ContractValues {
  model: string
  baselineDir: string | null
  baselineVersion: number | null
  baselineDigest: string | null
  modelDir: string
  workDir: string
  params: Record<string, ParamValue>
  data: Record<string, string[]>
  warmStart: string
  trainingReport: string
}

/** The contract's files, in the run's scratch (RETRAIN_WORK_DIR). */
export function contractFiles(workDir: string): { paramsFile: string; stepSummary: string } {
  return { paramsFile: path.join(workDir, '.retrain-params.json'), stepSummary: path.join(workDir, '.retrain-step-summary.md') }
}

/** RETRAIN_PARAMS_FILE's text: the run's params, as every step gets them. */
export function paramsFileText(params: Record<string, ParamValue>): string {
  return JSON.stringify(params, null, 2) + '\n'
}

/**
 * The contract's variables. Writes RETRAIN_PARAMS_FILE (the params as JSON) into the work dir, so a
 * step can read the params from a file as well as from its environment.
 */
export function contractEnv(v: ContractValues): Record<string, string> {
  const files = contractFiles(v.workDir)
  writeFileSync(files.paramsFile, paramsFileText(v.params))
  const env: Record<string, string> = {
    [ContractEnv.model]: v.model,
    [ContractEnv.baselineDir]: v.baselineDir ?? '',
    [ContractEnv.baselineVersion]: v.baselineVersion === null ? '' : String(v.baselineVersion),
    [ContractEnv.baselineDigest]: v.baselineDigest ?? '',
    [ContractEnv.modelDir]: v.modelDir,
    [ContractEnv.workDir]: v.workDir,
    [ContractEnv.params]: JSON.stringify(v.params),
    [ContractEnv.paramsFile]: files.paramsFile,
    [ContractEnv.stepSummary]: files.stepSummary,
    [ContractEnv.data]: JSON.stringify(v.data),
    [ContractEnv.warmStart]: v.warmStart,
    [ContractEnv.trainingReport]: v.trainingReport
  }
  for (const [name, value] of Object.entries(v.params)) env[paramEnvName(name)] = String(value)
  for (const [name, files] of Object.entries(v.data)) env[dataEnvName(name)] = files.join('\n')
  return env
}

/**
 * The runner's file commands: writing to one sets the action's outputs (GITHUB_OUTPUT) or state
 * (GITHUB_STATE), which later workflow steps trust, or changes the environment and PATH of every later
 * workflow step (GITHUB_ENV, GITHUB_PATH), or the job summary (GITHUB_STEP_SUMMARY). They belong to
 * the action, not to the training code it runs; a step adds to the summary through RETRAIN_STEP_SUMMARY.
 */
export const WITHHELD_FILE_COMMANDS = ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STEP_SUMMARY'] as const

/**
 * What a step inherits from the runner: everything except what belongs to the action itself (its
 * inputs, the token, the results service credentials, the runner's file commands). Secrets reach a
 * step only through the workflow's own `env:` and the spec naming them.
 */
export function inheritableEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const owned = (name: string) =>
    (WITHHELD_FILE_COMMANDS as readonly string[]).includes(name) ||
    name.startsWith('INPUT_') ||
    name.startsWith('ACTIONS_ID_TOKEN_REQUEST_') ||
    name === 'ACTIONS_RUNTIME_TOKEN' ||
    name === 'ACTIONS_RUNTIME_URL' ||
    name === 'ACTIONS_RESULTS_URL' ||
    name === 'ACTIONS_CACHE_URL' ||
    name === 'GITHUB_TOKEN' ||
    name === 'GH_TOKEN'
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !owned(name.toUpperCase())) out[name] = value
  }
  return out
}

/** At most this much of the steps' summary reaches the job summary (GitHub allows 1 MiB per action step, report included). */
export const MAX_STEP_SUMMARY_BYTES = 256 * 1024

/**
 * What the steps wrote to RETRAIN_STEP_SUMMARY, ready to append to the job summary: null when they
 * wrote nothing. NUL bytes and other control characters (but tabs and newlines) are dropped, and
 * the text is cut at MAX_STEP_SUMMARY_BYTES (at a character boundary) with a note saying so.
 * Call it before the work dir is removed.
 */
export async function readStepSummary(workDir: string): Promise<string | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(contractFiles(workDir).stepSummary)
  } catch {
    return null
  }
  const cut = bytes.length > MAX_STEP_SUMMARY_BYTES
  // A cut in the middle of a character decodes to U+FFFD, dropped below with the cut's tail.
  let text = new TextDecoder('utf-8').decode(cut ? bytes.subarray(0, MAX_STEP_SUMMARY_BYTES) : bytes)
  if (cut) text = text.replace(/\uFFFD$/, '')
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
  if (text.trim() === '') return null
  return cut ? `${text}\n\n_(the steps' summary was cut at ${MAX_STEP_SUMMARY_BYTES / 1024} KiB of ${Math.ceil(bytes.length / 1024)} KiB)_\n` : text
}
