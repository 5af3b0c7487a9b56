/**
 * The comparison semantics, in one place (DESIGN.md, "Comparison rules"). Every rule reports the
 * numbers it compared; a missing or undefined metric fails closed; nothing passes by default.
 */
import { formatNumber as fmt } from './format.js'
import type { ComputedComparison, ConfidenceEvidence, SliceJudgement } from '../metrics/compare.js'
import type { ChangeRuleSpec, Goal, MetricSpec, PromotionSpec, Spec } from '../spec/types.js'

/** The versions the spec's rules pin (`against: N`), each once, in the order the rules name them. */
export function pinnedVersions(spec: Pick<Spec, 'metrics'>): number[] {
  return [...new Set(spec.metrics.flatMap(m => m.change.map(r => r.against)).filter((a): a is number => a !== 'champion'))]
}

export type MetricValues = Record<string, number | null | undefined>

export type RuleKind = 'min' | 'max' | 'change' | 'relative-change' | 'slices'

export interface RuleOutcome {
  metric: string
  kind: RuleKind
  /** A human-readable statement of the rule, such as `rmse improves by more than 0`. */
  rule: string
  /** The candidate's value. */
  value: number | null
  /** The baseline's value (change rules only). */
  baseline: number | null
  /** Candidate minus baseline for `maximize`, baseline minus candidate for `minimize`; relative for relative rules. */
  improvement: number | null
  /** The bound or margin the value or improvement is compared with. */
  threshold: number
  status: 'pass' | 'fail' | 'not-applicable'
  reason: string
  /** Set when the rule compares with a pinned version (`against: N`) instead of the champion. */
  against?: number
  /** Confidence rules: the one-sided confidence of `bound`. */
  confidence?: number
  /**
   * Confidence rules: the improvement's one-sided lower bound, which must clear the threshold (null
   * when it cannot be computed). Slice rules: the upper bound of the worst slice's improvement.
   */
  bound?: number | null
  /** How the bound was obtained. */
  interval?: {
    method: ConfidenceEvidence['method']
    resamples: number
    degenerate: number
    units: number
    unit: ConfidenceEvidence['unit']
    /** The upper bound at the same confidence, so the interval can be drawn. */
    upper: number | null
  }
}

/** What rules beyond point estimates need: pinned versions' values, bootstrap bounds, slice judgements. */
export interface Evidence {
  /** Each pinned version's metric values, or why it could not be evaluated. */
  references?: ReadonlyMap<number, MetricValues | string>
  confidence?: ComputedComparison['confidence']
  slices?: SliceJudgement[]
  /** Where each model's values come from (default: the evaluate command's files), named when a rule fails closed. */
  sources?: { candidate: ValueSource; baseline: ValueSource }
}

export interface Verdict {
  /** True when every applicable rule passed (an intersection-union test: no correction needed). */
  passed: boolean
  firstModel: boolean
  outcomes: RuleOutcome[]
}

/** Where a model's values come from, so a reason for failing closed can name the file to look at. */
export interface ValueSource {
  /** The metrics file, such as `its metrics file ($RETRAIN_METRICS_FILE)`. */
  metrics: string
  /** The predictions file a computed metric comes from. */
  predictions: string
}

/** The evaluate command's files, as a run names them to the user. */
function runSource(): ValueSource {
  return { metrics: 'its metrics file ($RETRAIN_METRICS_FILE)', predictions: 'its predictions ($RETRAIN_PREDICTIONS_FILE)' }
}

/** Why a value cannot be judged, or null when it is a finite number. Names the metric and the file it comes from. */
function undefinedReason(value: number | null | undefined, whose: string, metric: MetricSpec, source: ValueSource): string | null {
  const name = metric.name
  const where = metric.compute !== undefined ? `computed from ${source.predictions}` : `in ${source.metrics}`
  if (value === undefined) return `${whose} has no metric "${name}" ${where}`
  if (value === null || Number.isNaN(value))
    return `${whose}'s ${name} is undefined ${metric.compute !== undefined ? `on ${source.predictions}` : `(NaN or null) ${where}`}`
  if (!Number.isFinite(value)) return `${whose}'s ${name} is ${value > 0 ? '' : '-'}infinite ${where}`
  return null
}

export function improvementOf(goal: Goal, candidate: number, baseline: number): number {
  return goal === 'maximize' ? candidate - baseline : baseline - candidate
}

function checkBound(metric: MetricSpec, kind: 'min' | 'max', bound: number, value: number | null | undefined, source: ValueSource): RuleOutcome {
  const rule = `${metric.name} ${kind === 'min' ? '>=' : '<='} ${fmt(bound)}`
  const base = { metric: metric.name, kind, rule, baseline: null, improvement: null, threshold: bound }
  const problem = undefinedReason(value, 'the candidate', metric, source)
  if (problem !== null || value === null || value === undefined) {
    return { ...base, value: null, status: 'fail', reason: `${problem}: fails closed` }
  }
  const ok = kind === 'min' ? value >= bound : value <= bound
  // The value as the metrics file has it, compared as it is: shown with the digits that tell it from the bound.
  const [shown, limit] = showAgainst(value, bound, 'exact', false)
  return {
    ...base,
    value,
    status: ok ? 'pass' : 'fail',
    // A bound is absolute: it holds on this run's evaluation data, whatever data earlier versions saw.
    reason: ok
      ? `${shown} is within the bound (on this run's evaluation data)`
      : `${shown} is ${kind === 'min' ? 'below the minimum' : 'above the maximum'} ${limit} on this run's evaluation data`
  }
}

function describeChange(metric: MetricSpec, rule: ChangeRuleSpec): { kind: RuleKind; margin: number; text: string } {
  const relative = rule.relativeMargin !== undefined
  const margin = (relative ? rule.relativeMargin : rule.margin) ?? 0
  const amount = relative ? `${fmt(Math.abs(margin) * 100)}%` : fmt(Math.abs(margin))
  const against = rule.against === 'champion' ? '' : ` against version ${rule.against}`
  const sure = rule.confidence === undefined ? '' : ` (${fmt(rule.confidence * 100)}% confidence)`
  const text =
    margin >= 0 ? `${metric.name} improves by more than ${amount}${against}${sure}` : `${metric.name} regresses by at most ${amount}${against}${sure}`
  return { kind: relative ? 'relative-change' : 'change', margin, text }
}

/**
 * The rounding error of an improvement computed from values of magnitude `scale`: binary floating
 * point makes 1.3 - 1.2 come out as 0.10000000000000009, and a rule with margin 0.1 must not pass
 * on that. An improvement within this of the margin is taken as equal to it.
 */
function roundingSlack(improvement: number, margin: number, scale: number): number {
  return 16 * Number.EPSILON * Math.max(Math.abs(improvement), Math.abs(margin), scale)
}

/** The magnitude of the values an improvement was computed from: for relative rules, relative to |baseline|. */
function scaleOf(kind: RuleKind, value: number | null, baseline: number | null): number {
  if (value === null || baseline === null) return 0
  const largest = Math.max(Math.abs(value), Math.abs(baseline))
  return kind === 'relative-change' ? largest / Math.abs(baseline) : largest
}

function clearsMargin(improvement: number, margin: number, scale: number): boolean {
  // A margin >= 0 must be exceeded, so an identical candidate never passes a "must improve" rule;
  // a negative margin is non-inferiority: a regression of exactly |margin| is still allowed. Equal
  // means equal up to the rounding of the arithmetic that produced the improvement.
  const slack = roundingSlack(improvement, margin, scale)
  return margin >= 0 ? improvement > margin + slack : improvement >= margin - slack
}

/**
 * An improvement (or bound) and its margin as a reason shows them: equal up to rounding shows as
 * equal; otherwise with as many digits as it takes to tell them apart, never "0.1 > 0.1".
 */
function showAgainst(n: number, margin: number, scale: number | 'exact', relative: boolean): [string, string] {
  const unit = relative ? 100 : 1
  const text = (x: number, digits: number) => `${digits <= 5 ? fmt(x) : String(Number(x.toPrecision(digits)))}${relative ? '%' : ''}`
  if (scale === 'exact' ? n === margin : Math.abs(n - margin) <= roundingSlack(n, margin, scale)) return [text(margin * unit, 5), text(margin * unit, 5)]
  for (let digits = 5; digits < 17; digits++) {
    if (text(n * unit, digits) !== text(margin * unit, digits)) return [text(n * unit, digits), text(margin * unit, digits)]
  }
  return [text(n * unit, 17), text(margin * unit, 17)]
}

function checkChange(
  metric: MetricSpec,
  rule: ChangeRuleSpec,
  candidate: number | null | undefined,
  baseline: number | null | undefined,
  evidence: Evidence
): RuleOutcome {
  const { kind, margin, text } = describeChange(metric, rule)
  const base = {
    metric: metric.name,
    kind,
    rule: text,
    threshold: margin,
    ...(rule.against !== 'champion' && { against: rule.against }),
    ...(rule.confidence !== undefined && { confidence: rule.confidence, bound: null })
  }
  const whose = rule.against === 'champion' ? 'the baseline' : `version ${rule.against}`
  const sources = evidence.sources ?? { candidate: runSource(), baseline: runSource() }
  const problem = undefinedReason(candidate, 'the candidate', metric, sources.candidate) ?? undefinedReason(baseline, whose, metric, sources.baseline)
  if (problem !== null || candidate == null || baseline == null) {
    return {
      ...base,
      value: typeof candidate === 'number' && Number.isFinite(candidate) ? candidate : null,
      baseline: typeof baseline === 'number' && Number.isFinite(baseline) ? baseline : null,
      improvement: null,
      status: 'fail',
      reason: `${problem}: fails closed`
    }
  }
  const absolute = improvementOf(metric.goal, candidate, baseline)
  // A rule that cannot be computed on these two values fails closed, with its values.
  const failClosed = (reason: string): RuleOutcome => ({
    ...base,
    value: candidate,
    baseline,
    improvement: null,
    status: 'fail',
    reason: `${reason}: fails closed`
  })
  if (kind === 'relative-change' && baseline === 0) return failClosed(`${whose}'s ${metric.name} is 0, so a relative change cannot be computed`)
  const improvement = kind === 'relative-change' ? absolute / Math.abs(baseline) : absolute
  if (!Number.isFinite(improvement)) {
    // Finite values whose difference (or ratio) overflows: an infinite improvement is judged like an infinite metric.
    return failClosed(
      `the improvement of ${metric.name} (${fmt(candidate)} against ${fmt(baseline)}) is ${improvement > 0 ? '' : '-'}infinite in floating point`
    )
  }
  const show = (n: number) => (kind === 'relative-change' ? `${fmt(n * 100)}%` : fmt(n))
  const numbers = { ...base, value: candidate, baseline, improvement }
  if (rule.confidence !== undefined) return checkConfidence(numbers, metric, rule, rule.confidence, evidence, show)
  const scale = scaleOf(kind, candidate, baseline)
  const ok = clearsMargin(improvement, margin, scale)
  const [shownImprovement, shownMargin] = showAgainst(improvement, margin, scale, kind === 'relative-change')
  return {
    ...numbers,
    status: ok ? 'pass' : 'fail',
    reason: ok
      ? `improvement ${shownImprovement} ${margin >= 0 ? '>' : '>='} ${shownMargin}`
      : `improvement ${shownImprovement} ${margin >= 0 ? 'does not exceed' : 'is below'} ${shownMargin}`
  }
}

/** A confidence rule judges the improvement's one-sided lower bound, not the point estimate. */
function checkConfidence(
  numbers: Omit<RuleOutcome, 'status' | 'reason'> & { improvement: number },
  metric: MetricSpec,
  rule: ChangeRuleSpec,
  confidence: number,
  evidence: Evidence,
  show: (n: number) => string
): RuleOutcome {
  const margin = numbers.threshold
  const found = evidence.confidence?.(metric.name, rule.against, numbers.kind === 'relative-change', confidence)
  if (!found) {
    return { ...numbers, status: 'fail', reason: `no per-example predictions to bound the improvement of ${metric.name}: fails closed` }
  }
  const interval = { method: found.method, resamples: found.resamples, degenerate: found.degenerate, units: found.units, unit: found.unit, upper: found.upper }
  if (found.problem !== null || found.bound === null) {
    return { ...numbers, interval, status: 'fail', reason: `${found.problem ?? 'no bound'}: fails closed (point estimate ${show(numbers.improvement)})` }
  }
  const relative = numbers.kind === 'relative-change'
  const scale = scaleOf(numbers.kind, numbers.value, numbers.baseline)
  const ok = clearsMargin(found.bound, margin, scale)
  const [bound, against] = showAgainst(found.bound, margin, scale, relative)
  const [estimate, estimateAgainst] = showAgainst(numbers.improvement, margin, scale, relative)
  const how = `${found.method === 'bca' ? 'BCa' : 'percentile'}, ${found.resamples} paired resamples of ${found.units} ${found.unit}`
  const level = `${fmt(confidence * 100)}% lower bound`
  return {
    ...numbers,
    bound: found.bound,
    interval,
    status: ok ? 'pass' : 'fail',
    reason: ok
      ? `${level} ${bound} ${margin >= 0 ? '>' : '>='} ${against} (point estimate ${show(numbers.improvement)}; ${how})`
      : clearsMargin(numbers.improvement, margin, scale)
        ? `${level} ${bound} ${margin >= 0 ? 'does not exceed' : 'is below'} ${against}, although the point estimate is ${show(numbers.improvement)}: the gain is not distinguishable from noise (${how})`
        : // The point estimate itself fails: a plain regression (or no gain), not a question of noise.
          `the point estimate ${estimate} itself ${margin >= 0 ? 'does not exceed' : 'is below'} ${estimateAgainst}, and the ${level} is ${show(found.bound)} (${how})`
  }
}

/** "No slice regresses by more than X": fails only on evidence (see src/metrics/compare.ts). */
function checkSlices(metric: MetricSpec, judgement: SliceJudgement | undefined, firstModel: boolean): RuleOutcome {
  const rule = metric.slices!
  const base = {
    metric: metric.name,
    kind: 'slices' as const,
    rule: `no slice of ${metric.name} regresses by more than ${fmt(rule.maxRegression)} (${fmt((rule.confidence ?? 0.95) * 100)}% confidence, Holm)`,
    threshold: -rule.maxRegression,
    bound: null
  }
  if (firstModel) {
    return { ...base, value: null, baseline: null, improvement: null, status: 'not-applicable', reason: 'first model: there is no champion to compare with' }
  }
  if (!judgement) {
    return {
      ...base,
      value: null,
      baseline: null,
      improvement: null,
      status: 'fail',
      reason: `no per-example predictions to judge the slices of ${metric.name}: fails closed`
    }
  }
  const worst = judgement.slices.find(s => s.worst)
  const numbers = {
    ...base,
    value: worst?.candidate ?? null,
    baseline: worst?.baseline ?? null,
    improvement: worst?.improvement ?? null,
    bound: worst?.upper ?? null
  }
  const failed = judgement.slices.filter(s => s.status === 'fail')
  const judged = judgement.slices.filter(s => s.status !== 'not-judged').length
  const small = judgement.slices.length - judged
  const counts = `${judged} judged${small > 0 ? `, ${small} reported but not judged` : ''}`
  if (failed.length > 0) {
    const named = failed.map(s => `${s.column}=${s.value} (${fmt(s.improvement)}, upper bound ${fmt(s.upper)})`).join(', ')
    return {
      ...numbers,
      status: 'fail',
      reason: `${failed.length} slice${failed.length === 1 ? '' : 's'} regress${failed.length === 1 ? 'es' : ''} on evidence: ${named}; ${counts}`
    }
  }
  const worstText = worst ? `; worst: ${worst.column}=${worst.value} (${fmt(worst.improvement)})` : ''
  return { ...numbers, status: 'pass', reason: `no slice regresses beyond ${fmt(rule.maxRegression)} on evidence (${counts})${worstText}` }
}

/** A change rule that could not be computed: no champion yet (not applicable) or no reference (fails). */
function unjudged(metric: MetricSpec, rule: ChangeRuleSpec, value: number | null | undefined, status: 'not-applicable' | 'fail', reason: string): RuleOutcome {
  const { kind, margin, text } = describeChange(metric, rule)
  return {
    metric: metric.name,
    kind,
    rule: text,
    value: typeof value === 'number' && Number.isFinite(value) ? value : null,
    baseline: null,
    improvement: null,
    threshold: margin,
    status,
    reason,
    ...(rule.against !== 'champion' && { against: rule.against })
  }
}

/**
 * Applies every metric's rules. `baseline` is null for a first model: change rules do not apply
 * (they are reported as not-applicable) and the first-model policy decides. `evidence` carries
 * pinned versions' values, bootstrap bounds and slice judgements, where the spec asks for them.
 */
export function evaluateRules(metrics: MetricSpec[], candidate: MetricValues, baseline: MetricValues | null, evidence: Evidence = {}): Verdict {
  const outcomes: RuleOutcome[] = []
  const source = evidence.sources?.candidate ?? runSource()
  for (const metric of metrics) {
    if (metric.min !== undefined) outcomes.push(checkBound(metric, 'min', metric.min, candidate[metric.name], source))
    if (metric.max !== undefined) outcomes.push(checkBound(metric, 'max', metric.max, candidate[metric.name], source))
    for (const rule of metric.change) {
      if (baseline === null) {
        // No champion to compare with, but a metric that is missing, undefined or infinite still fails
        // closed: promoted, this model would be a champion no later candidate can be compared with.
        const problem = undefinedReason(candidate[metric.name], 'the candidate', metric, source)
        if (problem !== null)
          outcomes.push(unjudged(metric, rule, null, 'fail', `${problem}: fails closed, a first model too (a champion without it could not be compared with)`))
        else outcomes.push(unjudged(metric, rule, candidate[metric.name], 'not-applicable', 'first model: there is no champion to compare with'))
        continue
      }
      const reference = rule.against === 'champion' ? baseline : evidence.references?.get(rule.against)
      if (reference === undefined || typeof reference === 'string') {
        const reason = `${reference ?? `version ${rule.against} was not evaluated`}: fails closed`
        outcomes.push(unjudged(metric, rule, candidate[metric.name], 'fail', reason))
        continue
      }
      outcomes.push(checkChange(metric, rule, candidate[metric.name], reference[metric.name], evidence))
    }
    if (metric.slices)
      outcomes.push(
        checkSlices(
          metric,
          evidence.slices?.find(j => j.metric === metric.name),
          baseline === null
        )
      )
  }
  return { passed: outcomes.every(o => o.status !== 'fail'), firstModel: baseline === null, outcomes }
}

export type Decision = 'promoted' | 'pending-approval' | 'rejected' | 'skipped' | 'candidate'
/** `hold`: stored as a candidate, undecided (a challenger of a plan, which `select` decides). */
export type Action = 'promote' | 'gate' | 'reject' | 'none' | 'hold'

export interface DecisionPlan {
  /** What the registry should do. */
  action: Action
  /** The decision recorded in result.json once the action succeeds. */
  decision: Decision
  /** In a dry run, what would have happened. */
  wouldBe?: Decision
  reason: string
}

/**
 * A failed confidence rule whose point estimate clears the margin and whose bound was computed: the
 * gain may be real but is not distinguishable from noise. Anything else that fails is a clear failure.
 */
function isBorderline(o: RuleOutcome): boolean {
  return (
    o.status === 'fail' &&
    (o.kind === 'change' || o.kind === 'relative-change') &&
    o.confidence !== undefined &&
    typeof o.bound === 'number' &&
    o.improvement !== null &&
    clearsMargin(o.improvement, o.threshold, scaleOf(o.kind, o.value, o.baseline))
  )
}

function describeBorderline(o: RuleOutcome): string {
  const show = (n: number) => (o.kind === 'relative-change' ? `${fmt(n * 100)}%` : fmt(n))
  const level = `${fmt((o.confidence ?? 0) * 100)}% lower bound`
  return `${o.rule}: point estimate ${show(o.improvement!)} passes, ${level} ${show(o.bound!)} does not clear ${show(o.threshold)}`
}

/** Turns a verdict into what to do, by the promotion mode, the first-model and the borderline policies. */
export function planDecision(verdict: Verdict, promotion: PromotionSpec): DecisionPlan {
  const failed = verdict.outcomes.filter(o => o.status === 'fail')
  let action: Action
  let reason: string
  if (failed.length > 0 && promotion.borderline === 'gate' && failed.every(isBorderline)) {
    // Every point estimate passes; only confidence bounds fall short: a person decides.
    action = 'gate'
    reason = `borderline: ${failed.map(describeBorderline).join('; ')}; the promotion policy sends borderline cases to a person`
  } else if (failed.length > 0) {
    action = 'reject'
    reason = `${failed.length} rule${failed.length === 1 ? '' : 's'} failed: ${failed.map(o => o.rule).join('; ')}`
  } else if (verdict.firstModel) {
    action = promotion.firstModel === 'promote' ? 'promote' : promotion.firstModel === 'gate' ? 'gate' : 'reject'
    reason = `first model: the spec's first-model policy is "${promotion.firstModel}"`
  } else {
    action = promotion.mode === 'gate' ? 'gate' : 'promote'
    reason = 'every rule passed'
  }
  const decision: Decision = action === 'promote' ? 'promoted' : action === 'gate' ? 'pending-approval' : 'rejected'
  if (promotion.mode === 'dry-run') {
    return { action: 'none', decision: 'skipped', wouldBe: decision, reason: `dry run, nothing changed; would be ${decision}: ${reason}` }
  }
  return { action, decision, reason }
}
