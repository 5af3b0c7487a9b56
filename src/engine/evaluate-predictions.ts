/**
 * The evaluate stage's part for per-example predictions: where each model's file goes, reading both,
 * computing the spec's `compute:` metrics for every model the same way, and merging them with the
 * metrics the evaluate command reported itself.
 */
import path from 'node:path'
import type { Evidence } from './rules.js'
import type { Spec } from '../spec/types.js'
import { compareComputed, type ComputedComparison, type ComputedValues, type SliceJudgement } from '../metrics/compare.js'
import { predictionColumns, PredictionsError, readPredictions, type PredictionTable } from '../metrics/predictions.js'

/** Whose predictions a file holds: the candidate, the champion, or a pinned version. */
export type EvaluationRole = 'candidate' | 'baseline' | { reference: number }

function roleName(role: EvaluationRole): string {
  return typeof role === 'string' ? role : `reference-v${role.reference}`
}

function whose(role: EvaluationRole): string {
  return role === 'candidate' ? 'candidate' : role === 'baseline' ? 'champion' : `version ${role.reference}`
}

/** Where the evaluate command writes one model's predictions (its extension follows the format). */
export function predictionsFile(spec: Spec, dir: string, role: EvaluationRole): string {
  return path.join(dir, `${roleName(role)}-predictions.${predictionColumns(spec.evaluate.predictions).format}`)
}

/** True when some metric is computed by the action, so predictions are required of every model. */
export function computesMetrics(spec: Spec): boolean {
  return spec.metrics.some(m => m.compute !== undefined)
}

/** The metrics the evaluate command itself must report: those the action does not compute. */
export function reportedMetrics(spec: Spec): string[] {
  return spec.metrics.filter(m => m.compute === undefined).map(m => m.name)
}

/**
 * Reads every model's predictions and computes the spec's metrics and evidence; null when the spec
 * computes nothing. `references` maps pinned versions to their evaluation directory's role, or to
 * the reason they could not be evaluated. `keptDir`, where the run keeps a copy of each file, is the
 * place errors name.
 */
export async function computeFromPredictions(
  spec: Spec,
  dir: string,
  hasChampion: boolean,
  references: Map<number, string | null>,
  keptDir?: string
): Promise<ComputedComparison | null> {
  if (!computesMetrics(spec)) return null
  const cols = predictionColumns(spec.evaluate.predictions)
  const read = (role: EvaluationRole) => readPredictions(predictionsFile(spec, dir, role), cols, whose(role))
  try {
    const candidate = await read('candidate')
    const baseline = hasChampion ? await read('baseline') : null
    const tables = new Map<number, PredictionTable | string>()
    for (const [version, problem] of references) tables.set(version, problem ?? (await read({ reference: version })))
    return compareComputed(spec, candidate, baseline, tables)
  } catch (err) {
    // A problem at file:line names the copy kept in the run's output: `dir` is removed when the run ends.
    if (!(err instanceof PredictionsError) || keptDir === undefined) throw err
    const at = new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\${path.sep}([\\w.-]+-predictions\\.\\w+:\\d)`, 'g')
    throw new PredictionsError(err.message.replace(at, (_, file: string) => path.join(keptDir, file)))
  }
}

/**
 * The metrics a model is judged on: those its evaluate command reported plus the computed ones. A
 * computed metric wins over a reported one of the same name, which `warn` reports.
 */
function mergeMetrics(reported: ComputedValues, computed: ComputedValues | undefined, warn: (message: string) => void, role: string): ComputedValues {
  if (!computed) return reported
  for (const name of Object.keys(computed)) {
    if (name in reported) warn(`the ${role}'s metrics file reports "${name}", which the action computes from predictions; the computed value is used`)
  }
  return { ...reported, ...computed }
}

export interface JudgedMetrics {
  candidate: ComputedValues
  baseline: ComputedValues | null
  /** Each pinned version's metrics, or why it has none. */
  references: Map<number, ComputedValues | string>
  evidence: Evidence
  slices: SliceJudgement[]
}

/**
 * Everything the rules judge: each model's reported metrics merged with those computed from its
 * predictions, and the bootstrap and slice evidence. `reported.references` holds, per pinned
 * version, what its evaluate command reported or why it could not be evaluated.
 */
export async function judgeableMetrics(
  spec: Spec,
  dir: string,
  reported: { candidate: ComputedValues; baseline: ComputedValues | null; references: Map<number, ComputedValues | string> },
  warn: (message: string) => void,
  keptDir?: string
): Promise<JudgedMetrics> {
  const problems = new Map([...reported.references].map(([v, r]) => [v, typeof r === 'string' ? r : null]))
  const computed = await computeFromPredictions(spec, dir, reported.baseline !== null, problems, keptDir)
  const references = new Map<number, ComputedValues | string>()
  for (const [version, values] of reported.references) {
    const own = computed?.references.get(version)
    references.set(version, typeof values === 'string' ? values : typeof own === 'string' ? own : mergeMetrics(values, own, warn, `version ${version}`))
  }
  return {
    candidate: mergeMetrics(reported.candidate, computed?.candidate, warn, 'candidate'),
    baseline: reported.baseline && mergeMetrics(reported.baseline, computed?.baseline ?? undefined, warn, 'baseline'),
    references,
    evidence: { references, ...(computed && { confidence: computed.confidence, slices: computed.slices }) },
    slices: computed?.slices ?? []
  }
}
