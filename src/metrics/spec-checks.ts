/**
 * What the spec loader checks about computed metrics, confidence and slice rules, beyond the
 * schema: a metric the action computes must fit the task and its goal, and rules that need
 * per-example predictions must have them. Each problem names the spec node it is about.
 */
import type { Spec } from '../spec/types.js'
import { DEFAULT_BOOTSTRAP } from './bootstrap-settings.js'
import { definitionOf } from './catalog.js'

export interface SpecCheckProblem {
  /** Path of the node in the spec, as the loader's source locator takes it. */
  segments: string[]
  message: string
}

/** Enough resamples beyond the bound that its order statistic is not the sample's extreme. */
const MIN_TAIL_RESAMPLES = 5

/**
 * A model's outputs read from the label (or id) column would be judged on the truth itself: a
 * prediction column named as the label gives accuracy 1 whatever the model did.
 */
function columnProblems(predictions: NonNullable<Spec['evaluate']['predictions']>): SpecCheckProblem[] {
  const problems: SpecCheckProblem[] = []
  const name = {
    id: predictions.id ?? 'id',
    label: predictions.label ?? 'label',
    prediction: predictions.prediction ?? 'prediction',
    score: predictions.score ?? 'score'
  }
  for (const output of ['prediction', 'score'] as const) {
    for (const given of ['label', 'id'] as const) {
      if (name[output] !== name[given]) continue
      // The key written in the spec (the other took its default).
      const key = predictions[output] !== undefined ? output : given
      problems.push({
        segments: ['evaluate', 'predictions', key],
        message: `evaluate.predictions: the ${output} column and the ${given} column are both "${name[output]}"; the model's ${output}s must be a column of their own, or it would be judged on its ${given}s`
      })
    }
  }
  return problems
}

export function computedMetricProblems(spec: Pick<Spec, 'evaluate' | 'metrics'>): SpecCheckProblem[] {
  const problems: SpecCheckProblem[] = []
  const predictions = spec.evaluate.predictions
  const resamples = spec.evaluate.bootstrap?.resamples ?? DEFAULT_BOOTSTRAP.resamples
  if (predictions?.task !== undefined) problems.push(...columnProblems(predictions))
  for (const metric of spec.metrics) {
    const at = (...keys: string[]) => ['metrics', metric.name, ...keys]
    if (metric.compute !== undefined) {
      const definition = definitionOf(metric.compute)
      if (predictions?.task === undefined) {
        problems.push({
          segments: at('compute'),
          message: `metrics.${metric.name} is computed from predictions: declare evaluate.predictions with a task (binary, multiclass or regression)`
        })
      } else if (!definition.tasks.includes(predictions.task)) {
        problems.push({
          segments: at('compute'),
          message: `metrics.${metric.name}: ${metric.compute} applies to ${definition.tasks.join(' and ')} tasks, but evaluate.predictions.task is ${predictions.task}`
        })
      }
      if (definition.goal !== metric.goal) {
        problems.push({
          segments: at('goal'),
          message: `metrics.${metric.name}: ${metric.compute} is better when ${definition.goal === 'maximize' ? 'larger' : 'smaller'}; set goal: ${definition.goal}`
        })
      }
    }
    metric.change.forEach((rule, i) => {
      if (rule.confidence === undefined) return
      const where = at('change', String(i), 'confidence')
      if (metric.compute === undefined) {
        problems.push({
          segments: where,
          message: `metrics.${metric.name}.change[${i}]: a confidence rule needs per-example predictions; add compute: to the metric (and evaluate.predictions)`
        })
      }
      const tail = (1 - rule.confidence) * (resamples + 1)
      if (tail < MIN_TAIL_RESAMPLES) {
        const needed = Math.ceil(MIN_TAIL_RESAMPLES / (1 - rule.confidence))
        problems.push({
          segments: where,
          message: `metrics.${metric.name}.change[${i}]: confidence ${rule.confidence} needs at least ${needed} bootstrap resamples (evaluate.bootstrap.resamples is ${resamples})`
        })
      }
    })
    if (metric.slices !== undefined) {
      if (metric.compute === undefined) {
        problems.push({
          segments: at('slices'),
          message: `metrics.${metric.name}.slices: a slice rule needs per-example predictions; add compute: to the metric`
        })
      } else if ((predictions?.slices ?? []).length === 0) {
        problems.push({ segments: at('slices'), message: `metrics.${metric.name}.slices: name the slice columns in evaluate.predictions.slices` })
      }
    }
  }
  return problems
}
