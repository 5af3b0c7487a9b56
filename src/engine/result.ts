/**
 * result.json: the run's outcome, a public interface (schemas/result.schema.json) that later workflow
 * steps parse. Bump RESULT_SCHEMA_VERSION on any incompatible change.
 */
import type { DriftReport } from './drift.js'
import type { WarmStartRecord } from './manifest.js'
import type { Decision, RuleOutcome } from './rules.js'
import type { WeightChange } from './weights.js'
import type { SliceJudgement } from '../metrics/compare.js'
import type { Goal, PromotionMode } from '../spec/types.js'

export const RESULT_SCHEMA_VERSION = 1

export interface StepRecord {
  id: string
  name: string
  durationMs: number
  outcome: 'success' | 'failure' | 'skipped'
  /** For a step with `cache:`: its key, and whether its outputs were restored from the cache instead of running it. */
  cache?: { key: string; restored: boolean }
}

export interface RunResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION
  model: string
  decision: Decision
  /** In a dry run: the decision that would have been reached. */
  wouldBe: Decision | null
  reason: string
  mode: PromotionMode
  firstModel: boolean
  /** The goal of each metric the spec declares. */
  goals: Record<string, Goal>
  /** True when every applicable rule passed. */
  passed: boolean
  candidate: {
    /** Null in a dry run (no version is reserved). */
    version: number | null
    digest: string
    metrics: Record<string, number | null>
    warmStart: WarmStartRecord & { parentVersion: number | null }
  }
  baseline: { version: number; metrics: Record<string, number | null> } | null
  rules: RuleOutcome[]
  gate: { kind: string; where: string } | null
  params: Record<string, string | number | boolean>
  /** The params as the training step reported it used them; present only when they differ from `params`. */
  reportedParams?: Record<string, string | number | boolean>
  data: Record<string, string>
  steps: StepRecord[]
  startedAt: string
  finishedAt: string
  /** Set when the decision could not be carried out, such as `stale-baseline`. */
  error: { reason: string; message: string } | null
  /** Pinned versions rules compare with (`against: N`): their metrics, or why they have none. Absent when no rule pins one. */
  references?: { version: number; metrics: Record<string, number | null> | null; problem: string | null }[]
  /** Per-slice judgements of slice rules. Absent when no slice rule was judged. */
  slices?: SliceJudgement[]
  /** Files written next to result.json: `intervals` pictures the confidence rules' intervals. */
  charts?: { intervals: string }
  /** Champion and candidate weights by feature, largest change first, when both models have weights.json. */
  weights?: WeightChange[]
  /** Under `retrain-when: drift`: the data against the champion's profile, per feature. */
  drift?: DriftReport
  /** A challenger's run (run --challenger): its name, its plan and the plan's size. Absent otherwise. */
  challenger?: { name: string; plan: string; planSize: number }
}
