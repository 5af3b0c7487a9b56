/**
 * The warm-start contract: the environment every step and the evaluate command receive. These names
 * are public API, documented in the README; change them only with a major version.
 */
import { paramEnvName } from '../spec/params.js'
import type { ParamValue } from '../spec/types.js'

export const ContractEnv = {
  model: 'RETRAIN_MODEL',
  baselineDir: 'RETRAIN_BASELINE_DIR',
  baselineVersion: 'RETRAIN_BASELINE_VERSION',
  modelDir: 'RETRAIN_MODEL_DIR',
  workDir: 'RETRAIN_WORK_DIR',
  params: 'RETRAIN_PARAMS',
  data: 'RETRAIN_DATA',
  warmStart: 'RETRAIN_WARM_START',
  trainingReport: 'RETRAIN_TRAINING_REPORT',
  step: 'RETRAIN_STEP',
  evalModelDir: 'RETRAIN_EVAL_MODEL_DIR',
  evalRole: 'RETRAIN_EVAL_ROLE',
  evalVersion: 'RETRAIN_EVAL_VERSION',
  metricsFile: 'RETRAIN_METRICS_FILE',
  predictionsFile: 'RETRAIN_PREDICTIONS_FILE',
  /** This tool's CLI script, so a step can run `node "$RETRAIN_CLI" evaluate` (a built-in model's evaluation). */
  cli: 'RETRAIN_CLI',
  /** A `uses:` step's `with:` options as JSON, expressions already evaluated. */
  builtinOptions: 'RETRAIN_BUILTIN_OPTIONS'
} as const

/** `RETRAIN_DATA_<NAME>`: the input's absolute file paths, one per line. */
export function dataEnvName(name: string): string {
  return `RETRAIN_DATA_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
}

export interface ContractValues {
  model: string
  baselineDir: string | null
  baselineVersion: number | null
  modelDir: string
  workDir: string
  params: Record<string, ParamValue>
  data: Record<string, string[]>
  warmStart: string
  trainingReport: string
}

export function contractEnv(v: ContractValues): Record<string, string> {
  const env: Record<string, string> = {
    [ContractEnv.model]: v.model,
    [ContractEnv.baselineDir]: v.baselineDir ?? '',
    [ContractEnv.baselineVersion]: v.baselineVersion === null ? '' : String(v.baselineVersion),
    [ContractEnv.modelDir]: v.modelDir,
    [ContractEnv.workDir]: v.workDir,
    [ContractEnv.params]: JSON.stringify(v.params),
    [ContractEnv.data]: JSON.stringify(v.data),
    [ContractEnv.warmStart]: v.warmStart,
    [ContractEnv.trainingReport]: v.trainingReport
  }
  for (const [name, value] of Object.entries(v.params)) env[paramEnvName(name)] = String(value)
  for (const [name, files] of Object.entries(v.data)) env[dataEnvName(name)] = files.join('\n')
  return env
}

/**
 * What a step inherits from the runner: everything except what belongs to the action itself (its
 * inputs, the token, the results service credentials). Secrets reach a step only through the
 * workflow's own `env:` and the spec naming them.
 */
export function inheritableEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const owned = (name: string) =>
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
