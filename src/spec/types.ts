/**
 * The typed form of a retraining spec, after YAML parsing and JSON Schema validation.
 * Everything after the loader works on these types, never on raw YAML.
 */

export type ParamType = 'string' | 'number' | 'integer' | 'boolean'
export type ParamValue = string | number | boolean

export interface ParamSpec {
  type: ParamType
  default?: ParamValue
  description?: string
  enum?: ParamValue[]
  minimum?: number
  maximum?: number
}

export interface DataInputSpec {
  /** Paths or globs, relative to the spec's root directory. */
  paths: string[]
  description?: string
}

export type ShellName = 'bash' | 'sh' | 'python' | 'node' | 'pwsh'

export interface StepSpec {
  /** Stable identifier: `id`, else the name slugged, else `step-N`. */
  id: string
  name: string
  /** The shell text; expressions already turned into environment references (see `expressionEnv`). */
  run?: string
  /** A built-in trainer (`uses: builtin/...`), for the trainers issue; the loader keeps it as given. */
  uses?: string
  with?: Record<string, unknown>
  /** Raw env of the step; values may hold `${{ }}` expressions, evaluated as data at run time. */
  env: Record<string, string>
  workingDirectory?: string
  timeoutMinutes?: number
  shell: ShellName | { template: string; posix: boolean }
  /**
   * Expressions found in `run`, in order: the engine evaluates each one and sets its value in the
   * environment variable of the same index (`RETRAIN_E1`, `RETRAIN_E2`, ...).
   */
  expressionEnv: { name: string; expression: string }[]
  /** Where the step starts in the spec file, for messages. */
  location: SourceLocation
}

export interface PredictionsSpec {
  format?: 'csv' | 'jsonl'
  id?: string
  group?: string
  slices?: string[]
}

export interface EvaluateSpec {
  run: string
  shell: StepSpec['shell']
  expressionEnv: StepSpec['expressionEnv']
  env: Record<string, string>
  workingDirectory?: string
  timeoutMinutes?: number
  /** Names of the data inputs that hold the evaluation data. */
  data: string[]
  /** Reserved for per-example predictions (metrics computed by the action). */
  predictions?: PredictionsSpec
  location: SourceLocation
}

export type Goal = 'maximize' | 'minimize'

export interface ChangeRuleSpec {
  /** Exactly one of margin / relativeMargin is set. */
  margin?: number
  relativeMargin?: number
  /** Reserved: one-sided confidence on the improvement (needs per-example predictions). */
  confidence?: number
  /** `champion` (default) or a pinned reference version. */
  against: 'champion' | number
  location: SourceLocation
}

export interface SliceRuleSpec {
  maxRegression: number
  minSize?: number
}

export interface MetricSpec {
  name: string
  goal: Goal
  /** Absolute bounds on the candidate's value, checked on every run, the first included. */
  min?: number
  max?: number
  change: ChangeRuleSpec[]
  /** Reserved for per-slice non-regression rules. */
  slices?: SliceRuleSpec
  location: SourceLocation
}

export type PromotionMode = 'auto' | 'gate' | 'dry-run'
export type FirstModelPolicy = 'promote' | 'gate' | 'reject'
export type WarmStartPolicy = 'required' | 'fallback'

export interface PromotionSpec {
  mode: PromotionMode
  firstModel: FirstModelPolicy
  approvers: string[]
}

export interface Spec {
  /** Absolute path of the spec file. */
  file: string
  /** Directory that relative paths in the spec are resolved against (the spec's `root`, else the cwd). */
  root: string
  /** sha256 of the spec file's bytes, recorded in lineage. */
  digest: string
  model: string
  description?: string
  params: Record<string, ParamSpec>
  data: Record<string, DataInputSpec>
  /** Spec-level env, applied to every step and to evaluate. */
  env: Record<string, string>
  warmStart: WarmStartPolicy
  steps: StepSpec[]
  evaluate: EvaluateSpec
  metrics: MetricSpec[]
  promotion: PromotionSpec
  /** Lockfiles whose digests go into the bundle's environment lineage. */
  lockfiles: string[]
}

export interface SourceLocation {
  file: string
  line: number
  col: number
}
