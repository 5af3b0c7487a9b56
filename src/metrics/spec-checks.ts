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

export function computedMetricProblems(spec: Pick<Spec, 'evaluate' | 'metrics'>): SpecCheckProblem[] {
  const problems: SpecCheckProblem[] = []
  const predictions = spec.evaluate.predictions
  const resamples = spec.evaluate.bootstrap?.resamples ?? DEFAULT_BOOTSTRAP.resamples
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
