/**
 * The comparison semantics, in one place (DESIGN.md, "Comparison rules"). Every rule reports the
 * numbers it compared; a missing or undefined metric fails closed; nothing passes by default.
 */
import { formatNumber as fmt } from './format.js'
import type { ChangeRuleSpec, Goal, MetricSpec, PromotionSpec } from '../spec/types.js'

export type MetricValues = Record<string, number | null | undefined>

export type RuleKind = 'min' | 'max' | 'change' | 'relative-change'

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
}

export interface Verdict {
  /** True when every applicable rule passed (an intersection-union test: no correction needed). */
  passed: boolean
  firstModel: boolean
  outcomes: RuleOutcome[]
}

/** Why a value cannot be judged, or null when it is a finite number. */
function undefinedReason(value: number | null | undefined, whose: string, metric: string): string | null {
  if (value === undefined) return `${whose} has no metric "${metric}"`
  if (value === null || Number.isNaN(value)) return `${whose}'s ${metric} is undefined`
  if (!Number.isFinite(value)) return `${whose}'s ${metric} is ${value > 0 ? '' : '-'}infinite`
  return null
}

export function improvementOf(goal: Goal, candidate: number, baseline: number): number {
  return goal === 'maximize' ? candidate - baseline : baseline - candidate
}


function checkBound(metric: MetricSpec, kind: 'min' | 'max', bound: number, value: number | null | undefined): RuleOutcome {
  const rule = `${metric.name} ${kind === 'min' ? '>=' : '<='} ${fmt(bound)}`
  const base = { metric: metric.name, kind, rule, baseline: null, improvement: null, threshold: bound }
  const problem = undefinedReason(value, 'the candidate', metric.name)
  if (problem !== null || value === null || value === undefined) {
    return { ...base, value: null, status: 'fail', reason: `${problem}: fails closed` }
  }
  const ok = kind === 'min' ? value >= bound : value <= bound
  return {
    ...base,
    value,
    status: ok ? 'pass' : 'fail',
    reason: ok ? `${fmt(value)} is within the bound` : `${fmt(value)} is ${kind === 'min' ? 'below the minimum' : 'above the maximum'} ${fmt(bound)}`
  }
}

function describeChange(metric: MetricSpec, rule: ChangeRuleSpec): { kind: RuleKind; margin: number; text: string } {
  const relative = rule.relativeMargin !== undefined
  const margin = (relative ? rule.relativeMargin : rule.margin) ?? 0
  const amount = relative ? `${fmt(Math.abs(margin) * 100)}%` : fmt(Math.abs(margin))
  const text =
    margin >= 0
      ? `${metric.name} improves by more than ${amount}`
      : `${metric.name} regresses by at most ${amount}`
  return { kind: relative ? 'relative-change' : 'change', margin, text }
}

function checkChange(
  metric: MetricSpec,
  rule: ChangeRuleSpec,
  candidate: number | null | undefined,
  baseline: number | null | undefined
): RuleOutcome {
  const { kind, margin, text } = describeChange(metric, rule)
  const base = { metric: metric.name, kind, rule: text, threshold: margin }
  const problem = undefinedReason(candidate, 'the candidate', metric.name) ?? undefinedReason(baseline, 'the baseline', metric.name)
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
  if (kind === 'relative-change' && baseline === 0) {
    return {
      ...base,
      value: candidate,
      baseline,
      improvement: null,
      status: 'fail',
      reason: 'the baseline is 0, so a relative change cannot be computed: fails closed'
    }
  }
  const improvement = kind === 'relative-change' ? absolute / Math.abs(baseline) : absolute
  // A margin >= 0 must be exceeded, so an identical candidate never passes a "must improve" rule;
  // a negative margin is non-inferiority: a regression of exactly |margin| is still allowed.
  const ok = margin >= 0 ? improvement > margin : improvement >= margin
  const shown = kind === 'relative-change' ? `${fmt(improvement * 100)}%` : fmt(improvement)
  const limit = kind === 'relative-change' ? `${fmt(margin * 100)}%` : fmt(margin)
  return {
    ...base,
    value: candidate,
    baseline,
    improvement,
    status: ok ? 'pass' : 'fail',
    reason: ok
      ? `improvement ${shown} ${margin >= 0 ? '>' : '>='} ${limit}`
      : `improvement ${shown} ${margin >= 0 ? 'does not exceed' : 'is below'} ${limit}`
  }
}

/**
 * Applies every metric's rules. `baseline` is null for a first model: change rules do not apply
 * (they are reported as not-applicable) and the first-model policy decides.
 */
export function evaluateRules(metrics: MetricSpec[], candidate: MetricValues, baseline: MetricValues | null): Verdict {
  const outcomes: RuleOutcome[] = []
  for (const metric of metrics) {
    if (metric.min !== undefined) outcomes.push(checkBound(metric, 'min', metric.min, candidate[metric.name]))
    if (metric.max !== undefined) outcomes.push(checkBound(metric, 'max', metric.max, candidate[metric.name]))
    for (const rule of metric.change) {
      if (baseline === null) {
        const { kind, margin, text } = describeChange(metric, rule)
        const value = candidate[metric.name]
        outcomes.push({
          metric: metric.name,
          kind,
          rule: text,
          value: typeof value === 'number' && Number.isFinite(value) ? value : null,
          baseline: null,
          improvement: null,
          threshold: margin,
          status: 'not-applicable',
          reason: 'first model: there is no champion to compare with'
        })
      } else {
        outcomes.push(checkChange(metric, rule, candidate[metric.name], baseline[metric.name]))
      }
    }
  }
  return { passed: outcomes.every(o => o.status !== 'fail'), firstModel: baseline === null, outcomes }
}

export type Decision = 'promoted' | 'pending-approval' | 'rejected' | 'skipped'
export type Action = 'promote' | 'gate' | 'reject' | 'none'

export interface DecisionPlan {
  /** What the registry should do. */
  action: Action
  /** The decision recorded in result.json once the action succeeds. */
  decision: Decision
  /** In a dry run, what would have happened. */
  wouldBe?: Decision
  reason: string
}

/** Turns a verdict into what to do, by the promotion mode and the first-model policy. */
export function planDecision(verdict: Verdict, promotion: PromotionSpec): DecisionPlan {
  const failed = verdict.outcomes.filter(o => o.status === 'fail')
  let action: Action
  let reason: string
  if (failed.length > 0) {
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
