/**
 * A plan of challengers: the spec's named challengers, each to be trained on its own runner and
 * compared with the same champion on the same evaluation data. The plan's id is a digest of the
 * spec, the champion (version and bundle digest) and the evaluation data's fingerprint, so a
 * challenger run computes the same id only when it compared with what the plan promised; `select`
 * gathers the candidates of one id and refuses the others, saying why.
 */
import { createHash } from 'node:crypto'
import { InputError } from '../errors.js'
import type { ChallengerEvidence, ChallengerRecord, Registry } from '../ports.js'
import { closest } from '../suggest.js'
import type { ChallengerSpec, ParamValue, Spec } from '../spec/types.js'
import { fingerprintData, type ResolvedDataInput } from './fingerprint.js'
import type { DecisionPlan, Evidence } from './rules.js'

export interface PlannedChampion {
  version: number
  digest: string
}

export interface ChallengerPlan {
  model: string
  id: string
  champion: PlannedChampion | null
  /** The digest of the evaluation data's fingerprints (as version records carry it). */
  evaluationData: string
  challengers: { name: string; params: Record<string, ParamValue> }[]
}

/** One digest for all evaluation inputs: the versions evaluated on the same data share it. */
export function evaluationDigest(inputs: ResolvedDataInput[]): string {
  const hash = createHash('sha256')
  for (const input of [...inputs].sort((a, b) => a.name.localeCompare(b.name))) hash.update(`${input.name}\0${input.fingerprint}\0`)
  return hash.digest('hex')
}

export function planId(spec: Spec, champion: PlannedChampion | null, evaluationData: string): string {
  const text = JSON.stringify([spec.model, spec.digest, champion?.version ?? null, champion?.digest ?? null, evaluationData, spec.challengers.map(c => c.name)])
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}

export function planOf(spec: Spec, champion: PlannedChampion | null, evaluationData: string): ChallengerPlan {
  return {
    model: spec.model,
    id: planId(spec, champion, evaluationData),
    champion,
    evaluationData,
    challengers: spec.challengers.map(c => ({ name: c.name, params: c.params }))
  }
}

export function requireChallengers(spec: Spec): void {
  if (spec.challengers.length === 0) {
    throw new InputError(
      [{ file: spec.file, message: `the spec names no challengers: add a "challengers:" section (see docs/challengers.md)` }],
      'no-challengers'
    )
  }
}

/** The challenger called `name`, or an error naming the spec's challengers (and the one probably meant). */
export function findChallenger(spec: Spec, name: string): ChallengerSpec {
  requireChallengers(spec)
  const found = spec.challengers.find(c => c.name === name)
  if (found) return found
  const names = spec.challengers.map(c => c.name)
  const near = closest(name, names)
  throw new InputError(
    [{ file: spec.file, message: `the spec has no challenger "${name}"${near ? `; did you mean "${near}"?` : ''} (it names ${names.join(', ')})` }],
    'unknown-challenger'
  )
}

/** The plan as things stand: the current champion, the evaluation data as it is now. */
export async function makePlan(
  spec: Spec,
  params: Record<string, ParamValue>,
  registry: Registry,
  github: Record<string, unknown> = {}
): Promise<ChallengerPlan> {
  requireChallengers(spec)
  const evaluation = Object.fromEntries(Object.entries(spec.data).filter(([name]) => spec.evaluate.data.includes(name)))
  const inputs = Object.values(await fingerprintData(spec.root, evaluation, { params, github }))
  const snapshot = await registry.snapshot(spec.model)
  const record = snapshot.versions.find(v => v.version === snapshot.champion)
  const champion = snapshot.champion === null ? null : { version: snapshot.champion, digest: record?.digest ?? '' }
  return planOf(spec, champion, evaluationDigest(inputs))
}

/** Bisection steps for a p-value: 2^-40 is far below any resampling resolution. */
const P_STEPS = 40

/**
 * What `select` needs of each confidence rule to correct for the plan's size: the bound at every
 * Holm level the rule may be judged at, and the one-sided p-value that orders the challengers.
 */
export function challengerEvidence(spec: Spec, evidence: Evidence, planSize: number): ChallengerEvidence[] {
  const out: ChallengerEvidence[] = []
  for (const metric of spec.metrics) {
    metric.change.forEach((rule, index) => {
      if (rule.confidence === undefined) return
      const relative = rule.relativeMargin !== undefined
      const margin = (relative ? rule.relativeMargin : rule.margin) ?? 0
      const alpha = 1 - rule.confidence
      const boundAt = (level: number): number | null => {
        const found = evidence.confidence?.(metric.name, rule.against, relative, level)
        return found && found.problem === null && found.bound !== null && Number.isFinite(found.bound) ? found.bound : null
      }
      const clears = (bound: number | null) => bound !== null && (margin >= 0 ? bound > margin : bound >= margin)
      const bounds = Array.from({ length: Math.max(1, planSize) }, (_, j) => boundAt(1 - alpha / (j + 1)))
      out.push({
        rule: `${metric.name}#${index}`,
        text: `${metric.name} (${ruleText(margin, relative, rule.confidence)})`,
        margin,
        confidence: rule.confidence,
        p: pValue(boundAt, clears),
        bounds
      })
    })
  }
  return out
}

function ruleText(margin: number, relative: boolean, confidence: number): string {
  const amount = relative ? `${Math.abs(margin) * 100}%` : String(Math.abs(margin))
  return `${margin >= 0 ? `improves by more than ${amount}` : `regresses by at most ${amount}`} at ${confidence * 100}% confidence`
}

/** The smallest a at which the lower bound at confidence 1 - a clears the margin; 1 when none does. */
function pValue(boundAt: (level: number) => number | null, clears: (bound: number | null) => boolean): number {
  if (!clears(boundAt(1e-9))) return 1
  let lo = 0
  let hi = 1 - 1e-9
  if (clears(boundAt(1 - lo))) return 0
  for (let i = 0; i < P_STEPS; i++) {
    const mid = (lo + hi) / 2
    if (clears(boundAt(1 - mid))) hi = mid
    else lo = mid
  }
  return hi
}

/**
 * A challenger's run decides only what its own rules decide: a failing rule rejects it (a borderline
 * case too: the run plans with `borderline: reject`); otherwise it is stored as a candidate and
 * `select` decides, with the bounds corrected for the whole plan.
 */
export function holdForSelection(plan: DecisionPlan, name: string, id: string): DecisionPlan {
  if (plan.action !== 'promote' && plan.action !== 'gate') return plan
  return {
    action: 'hold',
    decision: 'candidate',
    reason: `${plan.reason}; stored as a candidate of plan ${id} (challenger ${name}): select picks one of the plan's candidates`
  }
}

export function challengerRecord(
  name: string,
  plan: string,
  planSize: number,
  params: Record<string, ParamValue>,
  evidence: ChallengerEvidence[]
): ChallengerRecord {
  return { name, plan, planSize, params, evidence }
}

/** One matrix entry: what a job of `strategy.matrix` needs to train its challenger against the plan's champion. */
export interface MatrixEntry {
  challenger: string
  /** The champion it will be compared with: `v3`, or `none` for a first model. */
  champion: string
  'champion-digest': string
  plan: string
}

/** The plan as a job matrix: `strategy: { matrix: ${{ fromJSON(needs.plan.outputs.matrix) }} }`. */
export function planMatrix(plan: ChallengerPlan): { include: MatrixEntry[] } {
  return {
    include: plan.challengers.map(c => ({
      challenger: c.name,
      champion: plan.champion ? `v${plan.champion.version}` : 'none',
      'champion-digest': plan.champion?.digest ?? '',
      plan: plan.id
    }))
  }
}

/** The plan for a person: one line per challenger, with its params. */
export function renderPlan(plan: ChallengerPlan): string {
  const champion = plan.champion ? `version ${plan.champion.version} (bundle ${plan.champion.digest.slice(0, 12)})` : 'none (first model)'
  const lines = [
    `Plan ${plan.id} for ${plan.model}: ${plan.challengers.length} challenger${plan.challengers.length === 1 ? '' : 's'} against champion ${champion}`
  ]
  // Grid names are long (grid-epochs-200-learning-rate-0.01): the column is as wide as the longest.
  const width = Math.max(24, ...plan.challengers.map(c => c.name.length))
  for (const c of plan.challengers) {
    lines.push(
      `  ${c.name.padEnd(width)} ${Object.entries(c.params)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`
    )
  }
  return lines.join('\n')
}
