/**
 * The typed form of a retraining spec, after YAML parsing and JSON Schema validation.
 * Everything after the loader works on these types, never on raw YAML.
 *
 * The raw shape (keys as written in YAML) is generated from schemas/retrain-spec.schema.json into
 * generated/raw-spec.ts; the loaded form below is a transformation of it (camelCase keys, defaults
 * filled in, source locations), and every value set it shares with the schema is taken from there,
 * so the two cannot drift apart.
 */
import type * as Raw from './generated/raw-spec.js'

export type { Raw }
export type RawSpec = Raw.RetrainingSpec

export type ParamType = Raw.Param['type']
export type ParamValue = Raw.Scalar

export type ParamSpec = Omit<Raw.Param, 'enum'> & { enum?: ParamValue[] }

export interface DataInputSpec {
  /**
   * Paths or globs, relative to the spec's root directory. They may hold `${{ }}` expressions on the
   * params and github contexts, evaluated before the data is fingerprinted (the loader checked them).
   */
  paths: string[]
  /** Where each path is written in the spec, for messages at run time. */
  locations: SourceLocation[]
  description?: string
}

/** The shells known by name; any other `shell` is a command template. */
export type ShellName = 'bash' | 'sh' | 'python' | 'node' | 'pwsh'

export interface StepSpec {
  /** Stable identifier: `id`, else the name slugged, else `step-N`. */
  id: string
  name: string
  /** The shell text; expressions already turned into environment references (see `expressionEnv`). */
  run?: string
  /** A built-in trainer (`uses: builtin/<trainer>`), run as the CLI's `train` command; the loader checks its name and options. */
  uses?: string
  /** The trainer's options as written; string values may hold `${{ }}` expressions, evaluated as data at run time. */
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
  /** The run-cache: what the step's key covers and what a hit restores (docs/cache.md). */
  cache?: StepCacheSpec
}

/** Where a cached output lives: under the spec's root, the run's work dir, or the candidate's model dir. */
export type CacheOutputRoot = 'project' | 'work' | 'model'

export interface CacheOutputSpec {
  root: CacheOutputRoot
  /** POSIX path relative to the root; '' for the whole directory ($RETRAIN_WORK_DIR alone). */
  path: string
  /** As the spec wrote it, for messages and the key. */
  written: string
}

export interface StepCacheSpec {
  outputs: CacheOutputSpec[]
  /** Data inputs whose fingerprints are part of the key. */
  data: string[]
  /** Paths or globs under root whose content is part of the key. */
  files: string[]
  /** Environment variables whose values are part of the key. */
  env: string[]
  /** The params whose values are part of the key; undefined: all of them. */
  params?: string[]
  location: SourceLocation
}

export type PredictionTask = NonNullable<Raw.Predictions['task']>

/** Per-example predictions the evaluate command writes; column names default as documented in the README. */
export interface PredictionsSpec {
  format?: Raw.Predictions['format']
  /** What the labels are; needed by computed metrics. */
  task?: PredictionTask
  id?: string
  label?: string
  prediction?: string
  /** Binary: the positive class's score or probability. */
  score?: string
  /** Multiclass: class probabilities are the columns named this prefix plus the class. */
  probabilityPrefix?: string
  /** Binary: [negative, positive]; multiclass: every class. */
  classes?: string[]
  group?: string
  slices?: string[]
}

/** The paired bootstrap behind confidence and slice rules. */
export type BootstrapSpec = NonNullable<Raw.Evaluate['bootstrap']>

export interface EvaluateSpec {
  run: string
  shell: StepSpec['shell']
  expressionEnv: StepSpec['expressionEnv']
  env: Record<string, string>
  workingDirectory?: string
  timeoutMinutes?: number
  /** Names of the data inputs that hold the evaluation data. */
  data: string[]
  /** Per-example predictions, from which the metrics with `compute` are computed. */
  predictions?: PredictionsSpec
  bootstrap?: BootstrapSpec
  location: SourceLocation
}

export type Goal = Raw.Metric['goal']
/** A metric the action computes from the predictions (src/metrics/catalog.ts defines each). */
export type ComputedMetric = NonNullable<Raw.Metric['compute']>

export interface ChangeRuleSpec {
  /** Exactly one of margin / relativeMargin is set. */
  margin?: number
  relativeMargin?: number
  /** One-sided confidence: the improvement's lower bound under a paired bootstrap must clear the margin. */
  confidence?: number
  /** `champion` (default) or a pinned reference version. */
  against: NonNullable<Raw.ChangeRule['against']>
  location: SourceLocation
}

export interface SliceRuleSpec {
  maxRegression: number
  minSize?: number
  /** Default 0.95; Holm-corrected across slices. */
  confidence?: number
}

export interface MetricSpec {
  name: string
  goal: Goal
  /** Absolute bounds on the candidate's value, checked on every run, the first included. */
  min?: number
  max?: number
  change: ChangeRuleSpec[]
  /** Computed by the action from the predictions instead of read from the metrics file. */
  compute?: ComputedMetric
  /** No slice regresses, on evidence, by more than this. */
  slices?: SliceRuleSpec
  location: SourceLocation
}

export type PromotionMode = Raw.Promotion['mode']
export type FirstModelPolicy = Raw.Promotion['first-model']
export type BorderlinePolicy = NonNullable<Raw.Promotion['borderline']>
export type WarmStartPolicy = NonNullable<RawSpec['warm-start']>

export interface PromotionSpec {
  mode: PromotionMode
  firstModel: FirstModelPolicy
  /** A run whose point estimates all pass but some confidence bound does not: reject, or gate for a person. */
  borderline: BorderlinePolicy
  approvers: string[]
}

/** Checks on one column of a data input (schemas/retrain-spec.schema.json, `checks`). */
export interface ColumnCheckSpec {
  type?: 'number' | 'category'
  maxMissing?: number
  min?: number
  max?: number
  values?: string[]
  /** Compared with the champion's profile: the mean may move by at most this many of its standard deviations. */
  maxMeanShift?: number
}

/** Drift thresholds when the spec gives none (docs/drift.md). */
export const DEFAULT_DRIFT_THRESHOLDS = { psi: 0.2, ksP: 0.01, chi2P: 0.01 } as const

/** Which data inputs drift compares with the champion's profile, and when a feature counts as drifted. */
export interface DriftSpec {
  /** Data input names; by default every input that is not evaluation data. */
  inputs: string[]
  psi: number
  ksP: number
  chi2P: number
}

/** Checks on one data input, run before any step. */
export interface DataCheckSpec {
  minRows?: number
  columns: Record<string, ColumnCheckSpec>
  unexpectedColumns?: 'error' | 'warn'
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
  /** Checks on the new data, by data input, run before any step. */
  checks: Record<string, DataCheckSpec>
  /** How `retrain drift` compares the data with the champion's profile. */
  drift: DriftSpec
  /** Set when a run retrains only if some feature drifted. */
  retrainWhen?: { drift: DriftSpec }
  /** Lockfiles whose digests go into the bundle's environment lineage. */
  lockfiles: string[]
  /** Named challengers (grids expanded), in the order written; empty when the spec names none. */
  challengers: ChallengerSpec[]
  /** How many bundles the registry keeps (`retention:`); absent: every one. */
  retention?: { keepRejected?: number; keepRetired?: number }
}

/** A named challenger of the spec (grids expanded): src/spec/challengers.ts. */
export interface ChallengerSpec {
  /** Unique, safe in artifact names and tags: lower-case letters, digits, '-' and '.'. */
  name: string
  /** The params this challenger overrides; the others keep their defaults (or the run's --param). */
  params: Record<string, ParamValue>
  location: SourceLocation
}

export interface SourceLocation {
  file: string
  line: number
  col: number
}
