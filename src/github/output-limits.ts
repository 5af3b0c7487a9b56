/**
 * GitHub's limits on outputs: a job's outputs total at most 1 MB, their size approximated as UTF-16
 * (two bytes a code unit), and a workflow run's at most 50 MB. The runner checks them when the job
 * ends, long after the action decided: an output too large would fail a job whose candidate is
 * promoted already. So an output that carries the user's data (metric names from the metrics file,
 * the drift report's columns) is capped here, to a size that leaves most of the job's budget to the
 * other steps of the job, and says in itself what it left out and where the whole is.
 */
import type { DriftReport, InputDrift } from '../engine/drift.js'

/** The most UTF-16 code units (characters, as GitHub counts them) an output carrying user data holds: 128 KB of the job's 1 MB. */
export const MAX_OUTPUT_CHARS = 64 * 1024

/**
 * The key of the entry that says what the metrics output left out. Metrics have numbers (or null) as
 * values, this entry a sentence, and no spec names a metric with parentheses; a metric of the metrics
 * file with this very name is one of those left out when the output is cut.
 */
export const METRICS_LEFT_OUT_KEY = '(left out)'

/**
 * The output `metrics`: the candidate's metrics as a JSON object, whole when it fits in `max`
 * characters. Otherwise the metrics the spec judges come first, then the others in their order, as
 * many as fit, and a last entry METRICS_LEFT_OUT_KEY says how many were left out and where they all are.
 */
export function metricsOutput(
  metrics: Record<string, number | null>,
  judged: string[],
  where = 'every metric is in result.json (output "result-path") and the report artifact',
  max = MAX_OUTPUT_CHARS
): string {
  const whole = JSON.stringify(metrics)
  if (whole.length <= max) return whole
  const names = Object.keys(metrics)
  const present = new Set(names)
  const order = [...new Set([...judged.filter(n => present.has(n)), ...names])].filter(n => n !== METRICS_LEFT_OUT_KEY)
  const note = (left: number) => `${left} of ${names.length} metrics left out: the output "metrics" holds at most ${max} characters; ${where}`
  // Room for the note, with its count at its longest.
  const room = max - `{,${JSON.stringify(METRICS_LEFT_OUT_KEY)}:${JSON.stringify(note(names.length))}}`.length
  const kept: string[] = []
  let used = 0
  for (const name of order) {
    const entry = `${JSON.stringify(name)}:${JSON.stringify(metrics[name] ?? null)}`
    if (used + entry.length + 1 > room) break
    kept.push(entry)
    used += entry.length + 1
  }
  return `{${[...kept, `${JSON.stringify(METRICS_LEFT_OUT_KEY)}:${JSON.stringify(note(names.length - kept.length))}`].join(',')}}`
}

/** What the output `drift` adds when it had to leave something out of the report. */
export interface DriftLeftOut {
  leftOut: string
}

/**
 * The output `drift`: the drift report as JSON, whole when it fits in `max` characters. Otherwise
 * without the distributions' bins and charts; then only the features that drifted; then no
 * features at all: each time with `leftOut` saying what is missing and where the whole report is.
 */
export function driftOutput(report: DriftReport, max = MAX_OUTPUT_CHARS): string {
  const whole = JSON.stringify(report)
  if (whole.length <= max) return whole
  const withInputs = (inputs: InputDrift[], leftOut: string): string => JSON.stringify({ ...report, inputs, leftOut } satisfies DriftReport & DriftLeftOut)
  const where = `the output "drift" holds at most ${max} characters; the step's log has the whole table, and "retrain drift --json" prints the whole report`
  const noBins = report.inputs.map(i => ({ ...i, features: i.features.map(({ chart: _chart, ...f }) => ({ ...f, bins: [] })) }))
  const withoutBins = withInputs(noBins, `every feature's bins were left out: ${where}`)
  if (withoutBins.length <= max) return withoutBins
  const all = report.inputs.reduce((n, i) => n + i.features.length, 0)
  const drifted = noBins.map(i => ({ ...i, features: i.features.filter(f => f.drifted) }))
  const kept = drifted.reduce((n, i) => n + i.features.length, 0)
  const onlyDrifted = withInputs(drifted, `${all - kept} of ${all} features that did not drift, and every feature's bins, were left out: ${where}`)
  if (onlyDrifted.length <= max) return onlyDrifted
  return withInputs(
    report.inputs.map(i => ({ ...i, features: [] })),
    `all ${all} features (${kept} drifted) were left out: ${where}`
  )
}
