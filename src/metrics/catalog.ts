/**
 * The metrics the action computes from per-example predictions (their names, for `compute:` in the
 * spec, are in computed-metrics.ts): the tasks they apply to, their natural goal, what they read,
 * and their kernels.
 * Undefined cases are listed in the README ("Computed metrics").
 */
import type { Goal, PredictionTask } from '../spec/types.js'
import type { ComputedMetric } from './computed-metrics.js'
import type { Examples, ModelOutputs, OutputNeeds } from './examples.js'
import {
  absoluteErrors,
  accuracyValues,
  averagePrecisionKernel,
  binaryLogLossValues,
  brierValues,
  countKernel,
  macroKernel,
  mapeKernel,
  meanKernel,
  multiclassLogLossValues,
  oneVsRest,
  r2Kernel,
  rmseKernel,
  rocAucKernel,
  type Average,
  type CountMetric,
  type Kernel
} from './kernels.js'

interface Definition {
  goal: Goal
  tasks: PredictionTask[]
  reads: 'prediction' | 'score' | 'probability'
  /** What an example must be for the metric to be judged on a slice (see `effectiveSize`). */
  size: 'examples' | 'both-classes' | 'positives' | 'every-class'
}

const CLASSIFICATION: PredictionTask[] = ['binary', 'multiclass']

const DEFINITIONS: Record<ComputedMetric, Definition> = {
  accuracy: { goal: 'maximize', tasks: CLASSIFICATION, reads: 'prediction', size: 'examples' },
  precision: { goal: 'maximize', tasks: ['binary'], reads: 'prediction', size: 'positives' },
  recall: { goal: 'maximize', tasks: ['binary'], reads: 'prediction', size: 'positives' },
  f1: { goal: 'maximize', tasks: ['binary'], reads: 'prediction', size: 'positives' },
  'precision-macro': { goal: 'maximize', tasks: CLASSIFICATION, reads: 'prediction', size: 'every-class' },
  'recall-macro': { goal: 'maximize', tasks: CLASSIFICATION, reads: 'prediction', size: 'every-class' },
  'f1-macro': { goal: 'maximize', tasks: CLASSIFICATION, reads: 'prediction', size: 'every-class' },
  'precision-weighted': { goal: 'maximize', tasks: CLASSIFICATION, reads: 'prediction', size: 'every-class' },
  'recall-weighted': { goal: 'maximize', tasks: CLASSIFICATION, reads: 'prediction', size: 'every-class' },
  'f1-weighted': { goal: 'maximize', tasks: CLASSIFICATION, reads: 'prediction', size: 'every-class' },
  'roc-auc': { goal: 'maximize', tasks: CLASSIFICATION, reads: 'score', size: 'both-classes' },
  'average-precision': { goal: 'maximize', tasks: CLASSIFICATION, reads: 'score', size: 'both-classes' },
  'log-loss': { goal: 'minimize', tasks: CLASSIFICATION, reads: 'probability', size: 'examples' },
  brier: { goal: 'minimize', tasks: ['binary'], reads: 'probability', size: 'examples' },
  rmse: { goal: 'minimize', tasks: ['regression'], reads: 'prediction', size: 'examples' },
  mae: { goal: 'minimize', tasks: ['regression'], reads: 'prediction', size: 'examples' },
  mape: { goal: 'minimize', tasks: ['regression'], reads: 'prediction', size: 'examples' },
  r2: { goal: 'maximize', tasks: ['regression'], reads: 'prediction', size: 'examples' }
}

export function definitionOf(metric: ComputedMetric): Readonly<Definition> {
  return DEFINITIONS[metric]
}

/** What the metrics read from each model's file. */
export function needsOf(metrics: ComputedMetric[]): OutputNeeds {
  const reads = new Set(metrics.map(m => DEFINITIONS[m].reads))
  return { prediction: reads.has('prediction'), score: reads.has('score') || reads.has('probability'), probability: reads.has('probability') }
}

/** Prepares the kernel of `metric` for one model's outputs. */
export function kernelOf(metric: ComputedMetric, examples: Examples, outputs: ModelOutputs): Kernel {
  const label = examples.labelClass
  const classes = examples.classes.length
  const multiclass = examples.task === 'multiclass'
  switch (metric) {
    case 'accuracy':
      return meanKernel(accuracyValues(label, outputs.predictedClass!))
    case 'precision':
    case 'recall':
    case 'f1':
      return countKernel(metric, 'binary', label, outputs.predictedClass!, classes)
    case 'precision-macro':
    case 'recall-macro':
    case 'f1-macro':
    case 'precision-weighted':
    case 'recall-weighted':
    case 'f1-weighted': {
      const [base, average] = metric.split('-') as [CountMetric, Average]
      return countKernel(base, average, label, outputs.predictedClass!, classes)
    }
    case 'roc-auc':
    case 'average-precision': {
      const kernel = metric === 'roc-auc' ? rocAucKernel : averagePrecisionKernel
      if (!multiclass) return kernel(oneVsRest(label, 1), outputs.score!)
      return macroKernel(outputs.probabilities!.map((column, k) => kernel(oneVsRest(label, k), column)))
    }
    case 'log-loss':
      return meanKernel(multiclass ? multiclassLogLossValues(label, outputs.probabilities!) : binaryLogLossValues(label, outputs.score!))
    case 'brier':
      return meanKernel(brierValues(label, outputs.score!))
    case 'rmse':
      return rmseKernel(examples.labelValue, outputs.predictedValue!)
    case 'mae':
      return meanKernel(absoluteErrors(examples.labelValue, outputs.predictedValue!))
    case 'mape':
      return mapeKernel(examples.labelValue, outputs.predictedValue!)
    case 'r2':
      return r2Kernel(examples.labelValue, outputs.predictedValue!)
  }
}

/**
 * How many examples a metric's value rests on in a subset, for the minimum size under which a slice
 * is reported, not judged: examples; the smaller class (AUC, average precision); positives
 * (binary precision, recall, F1); the rarest class (macro and weighted averages).
 */
export function effectiveSize(metric: ComputedMetric, examples: Examples, rows: ArrayLike<number>): number {
  const size = DEFINITIONS[metric].size
  if (size === 'examples' || examples.task === 'regression') return rows.length
  const counts = new Array<number>(examples.classes.length).fill(0)
  for (let i = 0; i < rows.length; i++) counts[examples.labelClass[rows[i]!]!]!++
  if (size === 'positives') return counts[1]!
  if (size === 'both-classes' && examples.task === 'binary') return Math.min(counts[0]!, counts[1]!)
  // A loop, not Math.min(...counts): a spread of a very long list exceeds the call stack.
  let fewest = Number.POSITIVE_INFINITY
  for (const c of counts) if (c < fewest) fewest = c
  return fewest
}
