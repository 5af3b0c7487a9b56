/**
 * Runs this project's metric kernels on the cases of scripts/sklearn-metrics/sklearn_metrics.py
 * (class indexes, scores, probabilities, optional integer weights).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { kernelOf } from '../../src/metrics/catalog.js'
import type { ComputedMetric } from '../../src/metrics/computed-metrics.js'
import type { Examples, ModelOutputs } from '../../src/metrics/examples.js'
import { REPO } from '../helpers/project.js'

export interface SklearnCase {
  name: string
  task: 'binary' | 'multiclass' | 'regression'
  classes: number
  label: number[]
  prediction?: number[]
  score?: number[]
  proba?: number[][]
  weight?: number[]
  expected?: Record<string, number | null>
}

export const SCRIPT = path.join(REPO, 'scripts/sklearn-metrics/sklearn_metrics.py')
export const PYTHON = '/usr/bin/python3'

/** Why the live cross-check cannot run here, or null when scikit-learn is importable. */
export function sklearnMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' })
  if (probe.error) return `${PYTHON} is not installed`
  if (probe.status !== 0) return `scikit-learn or NumPy is not importable from ${PYTHON} (install python3-sklearn python3-numpy)`
  return null
}

export function sklearnValues(cases: SklearnCase[]): SklearnCase[] {
  const res = spawnSync(PYTHON, [SCRIPT, 'evaluate'], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 28 })
  if (res.status !== 0) throw new Error(`${SCRIPT} failed: ${res.stderr}`)
  return (JSON.parse(res.stdout) as { cases: SklearnCase[] }).cases
}

/** Our value of every metric the case's expectations name; null where ours is undefined. */
export function ourValues(c: SklearnCase): Record<string, number | null> {
  const n = c.label.length
  const examples: Examples = {
    task: c.task,
    n,
    ids: { length: n, at: (i: number) => String(i) },
    classes: Array.from({ length: c.classes }, (_, k) => String(k)),
    labelClass: c.task === 'regression' ? new Int32Array(0) : Int32Array.from(c.label),
    labelValue: c.task === 'regression' ? Float64Array.from(c.label) : new Float64Array(0),
    groups: null,
    slices: []
  }
  const outputs: ModelOutputs = {
    predictedClass: c.task !== 'regression' && c.prediction ? Int32Array.from(c.prediction) : null,
    predictedValue: c.task === 'regression' && c.prediction ? Float64Array.from(c.prediction) : null,
    score: c.score ? Float64Array.from(c.score) : null,
    probabilities: c.proba ? Array.from({ length: c.classes }, (_, k) => Float64Array.from(c.proba!, row => row[k]!)) : null
  }
  const weights = c.weight ? Uint8Array.from(c.weight) : new Uint8Array(n).fill(1)
  const out: Record<string, number | null> = {}
  for (const metric of Object.keys(c.expected ?? {})) {
    const value = kernelOf(metric as ComputedMetric, examples, outputs)(weights)
    out[metric] = Number.isNaN(value) ? null : value
  }
  return out
}
