/**
 * Metrics computed from predictions, for the candidate and every model it is compared with, the
 * same way for each; the paired bootstrap behind confidence rules; per-slice judgements. The rules
 * engine turns this evidence into pass or fail (src/engine/rules.ts).
 */
import { InputError } from '../errors.js'
import type { MetricSpec, Spec } from '../spec/types.js'
import {
  boundAt,
  DEFAULT_BOOTSTRAP,
  MAX_DEGENERATE_SHARE,
  MIN_UNITS,
  pairedBootstrap,
  type BootstrapSettings,
  type ImprovementDistribution,
  type IntervalMethod,
  type PairedMetric,
  type ResampleUnits
} from './bootstrap.js'
import { effectiveSize, kernelOf, needsOf } from './catalog.js'
import type { ComputedMetric } from './computed-metrics.js'
import { localityOrder, pickExamples, pickOutputs, readExamples, readOutputs, type Examples, type ModelOutputs } from './examples.js'
import type { Kernel } from './kernels.js'
import { alignRows, predictionColumns, type PredictionTable } from './predictions.js'

export type Against = 'champion' | number
export type ComputedValues = Record<string, number | null>

/** The one-sided bound behind a confidence rule, or why it cannot be trusted. */
export interface ConfidenceEvidence {
  /** The lower bound of the improvement at the rule's confidence (relative for relative rules). */
  bound: number | null
  /** The upper bound at the same confidence, for pictures of the interval. */
  upper: number | null
  method: IntervalMethod
  resamples: number
  degenerate: number
  units: number
  unit: ResampleUnits['kind']
  /** Set when the rule must fail closed: too few units, too many degenerate resamples. */
  problem: string | null
}

export interface SliceRecord {
  metric: string
  column: string
  value: string
  examples: number
  /** The count the minimum size applies to (see `effectiveSize`). */
  effectiveSize: number
  candidate: number | null
  baseline: number | null
  improvement: number | null
  /** The upper bound of the improvement at the slice's Holm level; null when not judged. */
  upper: number | null
  /** Holm-adjusted one-sided p-value of "regresses by more than the allowed amount". */
  p: number | null
  status: 'pass' | 'fail' | 'not-judged'
  reason: string
  worst: boolean
}

export interface SliceJudgement {
  metric: string
  maxRegression: number
  confidence: number
  slices: SliceRecord[]
}

export interface ComputedComparison {
  candidate: ComputedValues
  baseline: ComputedValues | null
  /** Pinned reference versions: their values, or why they have none. */
  references: Map<number, ComputedValues | string>
  confidence: (metric: string, against: Against, relative: boolean, confidence: number) => ConfidenceEvidence | undefined
  slices: SliceJudgement[]
  units: { count: number; kind: ResampleUnits['kind'] }
}

/** Confidence of slice rules that name none. */
export const DEFAULT_SLICE_CONFIDENCE = 0.95
/** Slices smaller than this (by effective size) are reported, not judged, unless the rule says otherwise. */
export const DEFAULT_SLICE_MIN_SIZE = 30

export function bootstrapSettings(spec: Spec): BootstrapSettings {
  return { ...DEFAULT_BOOTSTRAP, ...spec.evaluate.bootstrap }
}

function computedMetrics(spec: Spec): (MetricSpec & { compute: ComputedMetric })[] {
  return spec.metrics.filter((m): m is MetricSpec & { compute: ComputedMetric } => m.compute !== undefined)
}

function toValue(v: number): number | null {
  return Number.isFinite(v) ? v : null
}

/**
 * Computes every `compute:` metric for the candidate and the models it is compared with, and the
 * bootstrap evidence the spec's confidence and slice rules need. `baseline` is null for a first model.
 */
export function compareComputed(
  spec: Spec,
  candidateTable: PredictionTable,
  baselineTable: PredictionTable | null,
  referenceTables: Map<number, PredictionTable | string> = new Map()
): ComputedComparison {
  const predictions = spec.evaluate.predictions
  const metrics = computedMetrics(spec)
  const cols = predictionColumns(predictions)
  const task = predictions?.task
  if (task === undefined) {
    throw new InputError([
      { file: spec.file, message: 'metrics are computed from predictions only with evaluate.predictions.task (binary, multiclass or regression)' }
    ])
  }
  const others = new Map<Against, { table: PredictionTable; order: Int32Array }>()
  if (baselineTable) others.set('champion', { table: baselineTable, order: alignRows(candidateTable, baselineTable) })
  for (const [version, table] of referenceTables) if (typeof table !== 'string') others.set(version, { table, order: alignRows(candidateTable, table) })
  let examples: Examples | null = null
  for (const other of others.values()) examples = readExamples(task, predictions?.classes, cols, candidateTable, other)
  examples ??= readExamples(task, predictions?.classes, cols, candidateTable, null)
  const needs = needsOf(metrics.map(m => m.compute))
  const outputs = new Map<Against | 'candidate', ModelOutputs>([['candidate', readOutputs(examples, cols, candidateTable, null, needs)]])
  for (const [against, other] of others) outputs.set(against, readOutputs(examples, cols, other.table, other.order, needs))
  const locality = localityOrder(examples, outputs.get('candidate')!)
  if (locality) {
    examples = pickExamples(examples, locality)
    for (const [who, o] of outputs) outputs.set(who, pickOutputs(o, locality))
  }

  // Kernels sort once when prepared: each model's is prepared once, for its value and its resamples.
  const kernels = new Map<string, Kernel>()
  const kernel = (metric: ComputedMetric, who: Against | 'candidate'): Kernel => {
    const key = `${metric}\u0000${who}`
    if (!kernels.has(key)) kernels.set(key, kernelOf(metric, examples!, outputs.get(who)!))
    return kernels.get(key)!
  }
  const ones = new Uint8Array(examples.n).fill(1)
  const valuesOf = (who: Against | 'candidate'): ComputedValues => Object.fromEntries(metrics.map(m => [m.name, toValue(kernel(m.compute, who)(ones))]))
  const references = new Map<number, ComputedValues | string>()
  for (const [version, table] of referenceTables) references.set(version, typeof table === 'string' ? table : valuesOf(version))

  const units: ResampleUnits = examples.groups
    ? { count: examples.groups.names.length, unitOf: examples.groups.of, kind: 'groups' }
    : { count: examples.n, unitOf: null, kind: 'examples' }

  // Every distribution a rule needs, drawn from the same resamples so all comparisons are paired.
  const wanted: { key: string; paired: PairedMetric }[] = []
  const keyOf = (metric: string, against: Against, slice = '') => `${metric}\u0000${against}\u0000${slice}`
  for (const m of metrics) {
    for (const rule of m.change) {
      if (rule.confidence === undefined || !outputs.has(rule.against)) continue
      const key = keyOf(m.name, rule.against)
      if (wanted.some(w => w.key === key)) continue
      wanted.push({ key, paired: { candidate: kernel(m.compute, 'candidate'), baseline: kernel(m.compute, rule.against), goal: m.goal } })
    }
  }
  const sliceRows: { metric: MetricSpec & { compute: ComputedMetric }; column: string; value: string; rows: Uint32Array; key: string }[] = []
  if (outputs.has('champion')) {
    for (const m of metrics.filter(m => m.slices)) {
      for (const slice of examples.slices) {
        const members: number[][] = slice.values.map(() => [])
        slice.of.forEach((v, row) => members[v]!.push(row))
        slice.values.forEach((value, v) => {
          const rows = Uint32Array.from(members[v]!)
          const key = keyOf(m.name, 'champion', `${slice.column}=${value}`)
          sliceRows.push({ metric: m, column: slice.column, value, rows, key })
          const sub = pickExamples(examples!, rows)
          wanted.push({
            key,
            paired: {
              candidate: kernelOf(m.compute, sub, pickOutputs(outputs.get('candidate')!, rows)),
              baseline: kernelOf(m.compute, sub, pickOutputs(outputs.get('champion')!, rows)),
              goal: m.goal,
              rows
            }
          })
        })
      }
    }
  }
  const settings = bootstrapSettings(spec)
  const distributions = new Map<string, ImprovementDistribution>()
  if (wanted.length > 0) {
    pairedBootstrap(
      wanted.map(w => w.paired),
      examples.n,
      units,
      settings
    ).forEach((d, i) => distributions.set(wanted[i]!.key, d))
  }

  const confidence = (metric: string, against: Against, relative: boolean, level: number): ConfidenceEvidence | undefined => {
    const d = distributions.get(keyOf(metric, against))
    if (!d) return undefined
    const sorted = relative ? d.relative : d.absolute
    const degenerate = relative ? d.degenerateRelative : d.degenerate
    const point = relative ? d.point.relative : d.point.absolute
    const acceleration = relative ? d.acceleration.relative : d.acceleration.absolute
    const base = { resamples: d.resamples, degenerate, units: d.units, unit: d.unitKind }
    let problem: string | null = null
    if (d.units < MIN_UNITS) problem = `only ${d.units} ${d.unitKind} to resample; a confidence rule needs at least ${MIN_UNITS}`
    else if (degenerate > MAX_DEGENERATE_SHARE * d.resamples || sorted.length === 0) {
      problem = `${metric} was undefined in ${degenerate} of ${d.resamples} resamples (more than ${MAX_DEGENERATE_SHARE * 100}%), so its interval cannot be trusted`
    }
    if (problem) return { ...base, bound: null, upper: null, method: settings.interval, problem }
    const lower = boundAt(sorted, point, 1 - level, settings.interval, acceleration)
    const upper = boundAt(sorted, point, level, settings.interval, acceleration)
    return { ...base, bound: lower.value, upper: upper.value, method: lower.method, problem: null }
  }

  const slices = metrics
    .filter(m => m.slices && outputs.has('champion'))
    .map(m =>
      judgeSlices(
        m,
        examples!,
        sliceRows.filter(s => s.metric === m),
        distributions
      )
    )

  return {
    candidate: valuesOf('candidate'),
    baseline: outputs.has('champion') ? valuesOf('champion') : null,
    references,
    confidence,
    slices,
    units: { count: units.count, kind: units.kind }
  }
}

/**
 * A slice fails only on evidence: its improvement is below -maxRegression in so many resamples that
 * the one-sided bootstrap p-value, Holm-corrected across the judged slices, is at most 1 - c.
 * Slices under the minimum effective size, or whose metric is undefined in too many resamples, are
 * reported, not judged.
 */
function judgeSlices(
  metric: MetricSpec & { compute: ComputedMetric },
  examples: Examples,
  slices: { column: string; value: string; rows: Uint32Array; key: string }[],
  distributions: Map<string, ImprovementDistribution>
): SliceJudgement {
  const rule = metric.slices!
  const level = rule.confidence ?? DEFAULT_SLICE_CONFIDENCE
  const minSize = rule.minSize ?? DEFAULT_SLICE_MIN_SIZE
  const alpha = 1 - level
  const records: (SliceRecord & { rawP: number })[] = slices.map(s => {
    const d = distributions.get(s.key)!
    const size = Math.min(
      effectiveSize(metric.compute, examples, s.rows),
      examples.groups ? new Set(Array.from(s.rows, r => examples.groups!.of[r])).size : Number.POSITIVE_INFINITY
    )
    const base = {
      metric: metric.name,
      column: s.column,
      value: s.value,
      examples: s.rows.length,
      effectiveSize: size,
      candidate: toValue(d.point.candidate),
      baseline: toValue(d.point.baseline),
      improvement: toValue(d.point.absolute),
      upper: null,
      p: null,
      worst: false
    }
    if (size < minSize) return { ...base, status: 'not-judged' as const, reason: `effective size ${size} is under the minimum ${minSize}`, rawP: Number.NaN }
    if (d.degenerate > MAX_DEGENERATE_SHARE * d.resamples || d.absolute.length === 0 || base.improvement === null) {
      return {
        ...base,
        status: 'not-judged' as const,
        reason: `${metric.name} is undefined on this slice or in ${d.degenerate} of ${d.resamples} resamples`,
        rawP: Number.NaN
      }
    }
    let atLeast = 0
    for (const v of d.absolute) if (v >= -rule.maxRegression) atLeast++
    return { ...base, status: 'pass' as const, reason: '', rawP: (1 + atLeast) / (d.absolute.length + 1) }
  })
  const judged = records.filter(r => r.status !== 'not-judged').sort((a, b) => a.rawP - b.rawP)
  let running = 0
  judged.forEach((r, rank) => {
    running = Math.max(running, Math.min(1, (judged.length - rank) * r.rawP))
    r.p = running
    const holmLevel = alpha / (judged.length - rank)
    const d = distributions.get(slices.find(s => s.column === r.column && s.value === r.value)!.key)!
    r.upper = boundAt(d.absolute, d.point.absolute, 1 - holmLevel, 'percentile', Number.NaN).value
    const failed = r.p <= alpha
    r.status = failed ? 'fail' : 'pass'
    r.reason = failed
      ? `regresses by more than ${rule.maxRegression}: Holm-adjusted p = ${r.p.toPrecision(3)} <= ${alpha.toPrecision(3)}`
      : `no evidence of a regression beyond ${rule.maxRegression} (Holm-adjusted p = ${r.p.toPrecision(3)})`
  })
  const pool = judged.length > 0 ? judged : records.filter(r => r.improvement !== null)
  const worst = pool.reduce<(typeof records)[number] | null>((w, r) => (w === null || r.improvement! < w.improvement! ? r : w), null)
  if (worst) worst.worst = true
  return { metric: metric.name, maxRegression: rule.maxRegression, confidence: level, slices: records.map(({ rawP: _rawP, ...r }) => r) }
}
