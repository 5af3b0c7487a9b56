/**
 * `retrain compare`: the spec's rules applied to two files, the candidate's and the baseline's
 * predictions (or metrics JSON), without training or touching a registry. For tuning rules, and for
 * teams that train elsewhere.
 */
import path from 'node:path'
import { readFile, stat } from 'node:fs/promises'
import { InputError } from '../errors.js'
import { formatNumber } from './format.js'
import { MAX_METRICS_FILE_BYTES, parseMetrics } from './metrics-file.js'
import { table } from './report.js'
import { evaluateRules, improvementOf, pinnedVersions, planDecision, type RuleOutcome, type Verdict } from './rules.js'
import type { Spec } from '../spec/types.js'
import { compareComputed, type ComputedValues, type SliceJudgement } from '../metrics/compare.js'
import { loadPredictions, predictionColumns, PredictionsError, type PredictionColumns } from '../metrics/predictions.js'
import { boundCell, evidenceSections } from './report-sections.js'

export interface CompareOutcome {
  model: string
  /** What `retrain run` would decide with these numbers (the promotion mode applied, nothing changed). */
  decision: string
  reason: string
  passed: boolean
  goals: Record<string, string>
  candidate: ComputedValues
  baseline: ComputedValues
  rules: RuleOutcome[]
  slices: SliceJudgement[]
  /** How many examples or groups the bootstrap resampled, when predictions were given. */
  units: { count: number; kind: 'examples' | 'groups' } | null
  /**
   * With predictions files: judged metrics the spec reads from the evaluate command's metrics file
   * (no `compute:`). Predictions do not hold them, so their rules fail closed here although `retrain
   * run` would judge them.
   */
  notInPredictions?: string[]
}

/** A metrics file: a small summary, read whole, up to MAX_METRICS_FILE_BYTES (see docs/metrics.md). */
async function readText(file: string, flag: string): Promise<string> {
  try {
    const { size } = await stat(file)
    if (size > MAX_METRICS_FILE_BYTES) {
      throw new InputError(
        [
          {
            message:
              `${flag} ${file}: a metrics file is one JSON object of metric name to number; this one is ${Math.round(size / 1024 / 1024)} MiB, ` +
              `over the limit of ${MAX_METRICS_FILE_BYTES / 1024 / 1024} MiB (per-example values belong in a predictions file)`
          }
        ],
        'usage'
      )
    }
    return await readFile(file, 'utf8')
  } catch (err) {
    if (err instanceof InputError) throw err
    throw new InputError([{ message: `${flag} ${file}: cannot read the file (${(err as Error).message})` }], 'usage')
  }
}

/** A predictions file, streamed whatever its size; a file that cannot be read names why. */
async function readPredictionsFile(file: string, flag: string, cols: PredictionColumns) {
  try {
    return await loadPredictions(file, cols)
  } catch (err) {
    if (err instanceof PredictionsError) throw err
    throw new InputError([{ message: `${flag} ${file}: cannot read the file (${(err as Error).message})` }], 'usage')
  }
}

function isMetricsFile(file: string): boolean {
  return path.extname(file).toLowerCase() === '.json'
}

/** The files a rule that fails closed names: the two given on the command line. */
function sourcesOf(candidateFile: string, baselineFile: string) {
  return { candidate: { metrics: candidateFile, predictions: candidateFile }, baseline: { metrics: baselineFile, predictions: baselineFile } }
}

/** Applies the spec's rules to the two files; both are predictions, or both metrics JSON. */
export async function compareFiles(spec: Spec, candidateFile: string, baselineFile: string): Promise<CompareOutcome> {
  if (isMetricsFile(candidateFile) !== isMetricsFile(baselineFile)) {
    throw new InputError([{ message: 'give two predictions files or two metrics files (.json), not one of each' }], 'usage')
  }
  const pinned = pinnedVersions(spec)
  const references = new Map<number, string>(pinned.map(v => [v, `retrain compare has no predictions of version ${v}`]))
  let candidate: ComputedValues
  let baseline: ComputedValues
  let verdict: Verdict
  let slices: SliceJudgement[] = []
  let units: CompareOutcome['units'] = null
  if (isMetricsFile(candidateFile)) {
    const declared = spec.metrics.map(m => m.name)
    candidate = parseMetrics(await readText(candidateFile, '--candidate'), candidateFile, declared).metrics
    baseline = parseMetrics(await readText(baselineFile, '--baseline'), baselineFile, declared).metrics
    verdict = evaluateRules(spec.metrics, candidate, baseline, { references, sources: sourcesOf(candidateFile, baselineFile) })
  } else {
    const cols = predictionColumns(spec.evaluate.predictions)
    const computed = compareComputed(
      spec,
      await readPredictionsFile(candidateFile, '--candidate', cols),
      await readPredictionsFile(baselineFile, '--baseline', cols),
      new Map(references)
    )
    candidate = computed.candidate
    baseline = computed.baseline!
    slices = computed.slices
    units = computed.units
    verdict = evaluateRules(spec.metrics, candidate, baseline, {
      references,
      confidence: computed.confidence,
      slices,
      sources: sourcesOf(candidateFile, baselineFile)
    })
  }
  const plan = planDecision(verdict, spec.promotion)
  return {
    model: spec.model,
    decision: plan.wouldBe ?? plan.decision,
    reason: plan.reason,
    passed: verdict.passed,
    goals: Object.fromEntries(spec.metrics.map(m => [m.name, m.goal])),
    candidate,
    baseline,
    rules: verdict.outcomes,
    slices,
    units,
    ...(!isMetricsFile(candidateFile) && {
      notInPredictions: spec.metrics.filter(m => !m.compute && (m.change.length > 0 || m.min !== undefined || m.max !== undefined)).map(m => m.name)
    })
  }
}

export function renderComparison(c: CompareOutcome): string {
  const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${formatNumber(n)}`)
  const metricRows = Object.entries(c.goals).map(([name, goal]) => {
    const value = c.candidate[name] ?? null
    const base = c.baseline[name] ?? null
    const improvement = value !== null && base !== null ? improvementOf(goal as 'maximize' | 'minimize', value, base) : null
    return [name, goal, formatNumber(base), formatNumber(value), signed(improvement)]
  })
  const ruleRows = c.rules.map(o => [
    o.status === 'pass' ? 'PASS' : o.status === 'fail' ? 'FAIL' : 'n/a',
    o.rule,
    o.kind === 'relative-change' && o.improvement !== null ? `${signed(o.improvement * 100)}%` : signed(o.improvement),
    boundCell(o),
    o.reason
  ])
  const lines = [
    `## ${c.model}: candidate vs baseline`,
    '',
    `**Would be ${c.decision}.** ${c.reason.charAt(0).toUpperCase()}${c.reason.slice(1)}.`,
    '',
    ...(c.units ? [`Computed from predictions; the bootstrap resampled ${c.units.count} ${c.units.kind}.`, ''] : []),
    ...(c.notInPredictions?.length
      ? [
          `Not judged from predictions: ${c.notInPredictions.join(', ')} ${c.notInPredictions.length === 1 ? 'is' : 'are'} read from the evaluate command's metrics ` +
            'file (no `compute:` in the spec), so their rules fail closed here, where `retrain run` would judge them. Compare the two metrics ' +
            '.json files for those, or give them `compute:`.',
          ''
        ]
      : []),
    table(['metric', 'goal', 'baseline', 'candidate', 'improvement'], metricRows),
    '',
    '### Rules',
    '',
    table(['result', 'rule', 'improvement', 'bound', 'why'], ruleRows),
    ''
  ]
  lines.push(...evidenceSections({ slices: c.slices }, table))
  return lines.join('\n')
}
