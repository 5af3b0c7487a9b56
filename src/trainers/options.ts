/**
 * The built-in trainers and their `with:` options: one table that the spec loader checks a spec
 * against (so `retrain validate` finds a misspelt option) and that `retrain train` parses again at
 * run time, once `${{ }}` expressions have become values.
 */
import { closest } from '../suggest.js'

export type Task = 'regression' | 'binary' | 'multiclass' | 'poisson'
export type Core = 'sgd' | 'lbfgs'
export type SgdLoss = 'squared' | 'logistic' | 'hinge'
export type Schedule = 'constant' | 'invscaling' | 'pegasos'

export interface TrainerInfo {
  core: Core
  task: Task
  description: string
  /** SGD only: the loss and what the variant sets differently from the generic defaults. */
  loss?: SgdLoss
  defaults: Partial<TrainerOptions>
}

/** The retrainable linear learners, named after the set people know from ML.NET. */
export const TRAINERS = {
  'online-gradient-descent': {
    core: 'sgd',
    task: 'regression',
    loss: 'squared',
    description: 'linear regression by online gradient descent on squared loss',
    defaults: { schedule: 'invscaling', learningRate: 0.01 }
  },
  'sgd-logistic': {
    core: 'sgd',
    task: 'binary',
    loss: 'logistic',
    description: 'logistic regression by stochastic gradient descent (calibrated probabilities)',
    defaults: { schedule: 'invscaling', learningRate: 0.1 }
  },
  'averaged-perceptron': {
    core: 'sgd',
    task: 'binary',
    loss: 'hinge',
    description: 'averaged perceptron: hinge loss, constant step, averaged weights',
    defaults: { schedule: 'constant', learningRate: 1, l2: 0, averaged: true }
  },
  'linear-svm': {
    core: 'sgd',
    task: 'binary',
    loss: 'hinge',
    description: 'linear support vector machine with the Pegasos step schedule 1/(l2 t)',
    defaults: { schedule: 'pegasos', l2: 0.001 }
  },
  'lbfgs-logistic': {
    core: 'lbfgs',
    task: 'binary',
    description: 'binary logistic regression by L-BFGS',
    defaults: {}
  },
  'lbfgs-maximum-entropy': {
    core: 'lbfgs',
    task: 'multiclass',
    description: 'multiclass logistic regression (maximum entropy, softmax) by L-BFGS',
    defaults: {}
  },
  'lbfgs-poisson': {
    core: 'lbfgs',
    task: 'poisson',
    description: 'Poisson regression with a log link by L-BFGS, for counts',
    defaults: {}
  }
} as const satisfies Record<string, TrainerInfo>

export type TrainerName = keyof typeof TRAINERS

export function isTrainerName(name: string): name is TrainerName {
  return Object.hasOwn(TRAINERS, name)
}

export interface TrainerOptions {
  /** The data input to train on (its RETRAIN_DATA_<NAME> variable). */
  data: string
  label: string
  /** Feature columns; default: every column but the label, the id column and `ignore`. */
  features: string[] | null
  /** Columns treated as categories even when every value is a number. */
  categorical: string[]
  ignore: string[]
  idColumn: string
  normalize: 'standard' | 'min-max' | 'none'
  categoricalEncoding: 'one-hot' | 'hash'
  hashBuckets: number
  /** One-hot: a category first seen in new data gets a new zero weight (`extend`) or joins `other`. */
  unknownCategories: 'extend' | 'other'
  /** One-hot with `other`: categories seen fewer times at the first training go to `other`. */
  minCategoryCount: number
  missingIndicators: boolean
  /** Binary tasks: the label value that is the positive class (default: the larger of the two). */
  positiveClass: string | null
  seed: number
  l2: number
  l1: number
  validationFraction: number
  /** Epochs (SGD) or iterations (L-BFGS) without a better validation loss before stopping. */
  patience: number
  epochs: number
  learningRate: number
  schedule: Schedule
  powerT: number
  averaged: boolean
  shuffle: boolean
  /**
   * SGD warm starts: begin the step schedule again (big steps for new data) instead of continuing it.
   * Continuing is the default, and what makes k more epochs equal n + k in one go.
   */
  restartSchedule: boolean
  maxIterations: number
  tolerance: number
  memory: number
}

type Kind =
  | { type: 'string' }
  | { type: 'strings' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'integer' | 'number'; min: number; max: number; exclusiveMin?: boolean }
  | { type: 'boolean' }

interface OptionDef {
  key: keyof TrainerOptions
  kind: Kind
  core?: Core
  /** Only for these tasks. */
  tasks?: readonly Task[]
}

const OPTION_DEFS: Record<string, OptionDef> = {
  data: { key: 'data', kind: { type: 'string' } },
  label: { key: 'label', kind: { type: 'string' } },
  features: { key: 'features', kind: { type: 'strings' } },
  categorical: { key: 'categorical', kind: { type: 'strings' } },
  ignore: { key: 'ignore', kind: { type: 'strings' } },
  'id-column': { key: 'idColumn', kind: { type: 'string' } },
  normalize: { key: 'normalize', kind: { type: 'enum', values: ['standard', 'min-max', 'none'] } },
  'categorical-encoding': { key: 'categoricalEncoding', kind: { type: 'enum', values: ['one-hot', 'hash'] } },
  'hash-buckets': { key: 'hashBuckets', kind: { type: 'integer', min: 1, max: 1 << 20 } },
  'unknown-categories': { key: 'unknownCategories', kind: { type: 'enum', values: ['extend', 'other'] } },
  'min-category-count': { key: 'minCategoryCount', kind: { type: 'integer', min: 1, max: 1e9 } },
  'missing-indicators': { key: 'missingIndicators', kind: { type: 'boolean' } },
  'positive-class': { key: 'positiveClass', kind: { type: 'string' }, tasks: ['binary'] },
  seed: { key: 'seed', kind: { type: 'integer', min: 0, max: 2 ** 32 - 1 } },
  l2: { key: 'l2', kind: { type: 'number', min: 0, max: 1e6 } },
  l1: { key: 'l1', kind: { type: 'number', min: 0, max: 1e6 }, core: 'sgd' },
  'validation-fraction': { key: 'validationFraction', kind: { type: 'number', min: 0, max: 0.9 } },
  patience: { key: 'patience', kind: { type: 'integer', min: 1, max: 1e6 } },
  epochs: { key: 'epochs', kind: { type: 'integer', min: 1, max: 1e6 }, core: 'sgd' },
  'learning-rate': { key: 'learningRate', kind: { type: 'number', min: 0, max: 1e6, exclusiveMin: true }, core: 'sgd' },
  schedule: { key: 'schedule', kind: { type: 'enum', values: ['constant', 'invscaling', 'pegasos'] }, core: 'sgd' },
  'power-t': { key: 'powerT', kind: { type: 'number', min: 0, max: 1 }, core: 'sgd' },
  averaged: { key: 'averaged', kind: { type: 'boolean' }, core: 'sgd' },
  shuffle: { key: 'shuffle', kind: { type: 'boolean' }, core: 'sgd' },
  'restart-schedule': { key: 'restartSchedule', kind: { type: 'boolean' }, core: 'sgd' },
  'max-iterations': { key: 'maxIterations', kind: { type: 'integer', min: 1, max: 1e6 }, core: 'lbfgs' },
  tolerance: { key: 'tolerance', kind: { type: 'number', min: 0, max: 1 }, core: 'lbfgs' },
  memory: { key: 'memory', kind: { type: 'integer', min: 1, max: 100 }, core: 'lbfgs' }
}

const GENERIC_DEFAULTS: Omit<TrainerOptions, 'label'> = {
  data: 'train',
  features: null,
  categorical: [],
  ignore: [],
  idColumn: 'id',
  normalize: 'standard',
  categoricalEncoding: 'one-hot',
  hashBuckets: 64,
  unknownCategories: 'extend',
  minCategoryCount: 1,
  missingIndicators: false,
  positiveClass: null,
  seed: 1,
  l2: 0.0001,
  l1: 0,
  validationFraction: 0,
  patience: 5,
  epochs: 20,
  learningRate: 0.01,
  schedule: 'invscaling',
  powerT: 0.25,
  averaged: false,
  shuffle: true,
  restartSchedule: false,
  maxIterations: 200,
  tolerance: 1e-7,
  memory: 10
}

/**
 * The options that shape the preparation and the label's meaning: a warm start must find them as the
 * champion had them, or the champion's weights would mean something else.
 */
export const FROZEN_OPTIONS = [
  'label',
  'features',
  'categorical',
  'ignore',
  'id-column',
  'normalize',
  'categorical-encoding',
  'hash-buckets',
  'unknown-categories',
  'min-category-count',
  'missing-indicators',
  'positive-class'
] as const

/** The options' TypeScript keys by `with:` name. */
export function optionKey(name: string): keyof TrainerOptions {
  return OPTION_DEFS[name]!.key
}

export interface OptionProblem {
  /** Path under `with`, such as ["features", "2"]; empty for `with` as a whole, null for the trainer's name. */
  path: string[] | null
  message: string
}

/** The options a trainer accepts, as spelt in `with:`. */
export function optionNames(trainer: TrainerName): string[] {
  const info: TrainerInfo = TRAINERS[trainer]
  return Object.entries(OPTION_DEFS)
    .filter(([, d]) => (d.core === undefined || d.core === info.core) && (d.tasks === undefined || d.tasks.includes(info.task)))
    .map(([name]) => name)
}

/** An unevaluated `${{ }}` value: the loader leaves it to the run-time check. */
function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${{')
}

function coerce(name: string, kind: Kind, value: unknown): { value?: unknown; problem?: string } {
  const got = JSON.stringify(value)
  switch (kind.type) {
    case 'string':
      if (typeof value === 'string' && value.trim() !== '') return { value: value.trim() }
      if (typeof value === 'number') return { value: String(value) }
      return { problem: `${name} must be a non-empty string, got ${got}` }
    case 'strings': {
      const list = typeof value === 'string' ? [value] : value
      if (Array.isArray(list) && list.every(v => typeof v === 'string' && v.trim() !== '')) return { value: list.map(v => (v as string).trim()) }
      return { problem: `${name} must be a column name or a list of column names, got ${got}` }
    }
    case 'enum':
      if (typeof value === 'string' && kind.values.includes(value)) return { value }
      return { problem: `${name} must be one of ${kind.values.join(', ')}, got ${got}` }
    case 'boolean':
      if (typeof value === 'boolean') return { value }
      if (value === 'true' || value === 'false') return { value: value === 'true' }
      return { problem: `${name} must be true or false, got ${got}` }
    case 'integer':
    case 'number': {
      // Expressions evaluate to strings; a string that is exactly a number is that number.
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
      const integer = kind.type === 'integer'
      if (typeof n !== 'number' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
        return { problem: `${name} must be ${integer ? 'an integer' : 'a number'}, got ${got}` }
      }
      if (n < kind.min || n > kind.max || (kind.exclusiveMin && n === kind.min)) {
        return { problem: `${name} must be ${kind.exclusiveMin ? 'above' : 'at least'} ${kind.min} and at most ${kind.max}, got ${n}` }
      }
      return { value: n }
    }
  }
}

/**
 * Checks a step's `with:` for a trainer. With `allowExpressions`, values holding `${{ }}` are
 * skipped (the loader's pass); otherwise every value is checked and the options are returned.
 */
export function parseTrainerOptions(
  trainer: string,
  raw: Record<string, unknown> | undefined,
  allowExpressions = false
): { options: TrainerOptions | null; problems: OptionProblem[] } {
  if (!isTrainerName(trainer)) {
    // A part of a name ("svm", "poisson") points at the one trainer that has it.
    const holding = Object.keys(TRAINERS).filter(t => trainer.length >= 3 && t.includes(trainer))
    const near = closest(trainer, Object.keys(TRAINERS)) ?? (holding.length === 1 ? holding[0] : undefined)
    return {
      options: null,
      problems: [
        {
          path: null,
          message:
            `"builtin/${trainer}" is not a built-in trainer${near ? `; did you mean builtin/${near}?` : ''} ` +
            `(available: ${Object.keys(TRAINERS)
              .map(t => `builtin/${t}`)
              .join(', ')})`
        }
      ]
    }
  }
  const info: TrainerInfo = TRAINERS[trainer]
  const problems: OptionProblem[] = []
  const allowed = optionNames(trainer)
  const options: Record<string, unknown> = { ...GENERIC_DEFAULTS, ...info.defaults }
  for (const [name, value] of Object.entries(raw ?? {})) {
    const def = OPTION_DEFS[name]
    if (!def || !allowed.includes(name)) {
      const near = closest(name, allowed)
      const why = def ? `is not an option of builtin/${trainer}` : 'is not a trainer option'
      problems.push({ path: [name], message: `with.${name} ${why}${near ? `; did you mean ${near}?` : ''} (options: ${allowed.join(', ')})` })
      continue
    }
    if (allowExpressions && (isExpression(value) || (Array.isArray(value) && value.some(isExpression)))) continue
    const { value: parsed, problem } = coerce(`with.${name}`, def.kind, value)
    if (problem) problems.push({ path: [name], message: problem })
    else options[def.key] = parsed
  }
  if (raw?.label === undefined) problems.push({ path: [], message: `builtin/${trainer} needs with.label: the column to predict` })
  const typed = options as unknown as TrainerOptions
  if (typed.features?.includes(typed.label) && raw?.label !== undefined) {
    problems.push({ path: ['features'], message: `with.features names the label ${typed.label}; a model cannot learn its label from itself` })
  }
  if (typed.schedule === 'pegasos' && typed.l2 === 0 && raw?.l2 !== undefined && !isExpression(raw.l2)) {
    problems.push({ path: ['l2'], message: 'the pegasos schedule steps by 1/(l2 t), so with.l2 must be above 0' })
  }
  return { options: problems.length === 0 ? typed : null, problems }
}
