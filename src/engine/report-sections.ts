/**
 * The report's parts about computed evidence: the one-sided bound of each confidence rule (a column
 * of the rules table), the picture of the intervals, and the slices table with the worst flagged.
 */
import { formatNumber } from './format.js'
import type { RunResult } from './result.js'
import type { RuleOutcome } from './rules.js'

/** The bound column's cell: the one-sided lower bound (confidence rules), the worst upper bound (slices). */
export function boundCell(o: RuleOutcome): string {
  if (o.bound === undefined) return '—'
  if (o.bound === null) return 'n/a'
  const shown = o.kind === 'relative-change' ? `${formatNumber(o.bound * 100)}%` : formatNumber(o.bound)
  return o.kind === 'slices' ? `≤ ${shown} (worst slice)` : `≥ ${shown} (${formatNumber(o.confidence! * 100)}%)`
}

export function hasBounds(rules: RuleOutcome[]): boolean {
  return rules.some(o => o.bound !== undefined)
}

/** Slices shown besides the failing and the worst ones. */
export const MAX_OTHER_SLICE_ROWS = 50

/** Markdown lines after the rules table: the chart link and the slices tables. */
export function evidenceSections(r: Pick<RunResult, 'charts' | 'slices'>, table: (header: string[], rows: string[][]) => string): string[] {
  const lines: string[] = []
  if (r.charts?.intervals) {
    lines.push(
      `The improvement of each confidence rule with its interval: [${r.charts.intervals}](${r.charts.intervals}) ` +
        '(written next to this report). A rule passes only when the lower end clears the margin.',
      ''
    )
  }
  for (const judgement of r.slices ?? []) {
    lines.push(`### Slices of ${judgement.metric}`, '')
    // Failing and worst slices always; others up to a bound, so a column with many values keeps the report readable.
    const flagged = judgement.slices.filter(s => s.status === 'fail' || s.worst)
    const others = judgement.slices.filter(s => !(s.status === 'fail' || s.worst)).slice(0, MAX_OTHER_SLICE_ROWS)
    const hidden = judgement.slices.length - flagged.length - others.length
    const rows = [...flagged, ...others].map(s => [
      `${s.column}=${s.value}${s.worst ? ' (worst)' : ''}`,
      String(s.examples),
      String(s.effectiveSize),
      formatNumber(s.baseline),
      formatNumber(s.candidate),
      s.improvement === null ? '—' : `${s.improvement > 0 ? '+' : ''}${formatNumber(s.improvement)}`,
      formatNumber(s.upper),
      s.p === null ? '—' : s.p.toPrecision(3),
      s.status === 'fail' ? 'FAIL' : s.status === 'pass' ? 'pass' : 'not judged',
      s.reason
    ])
    lines.push(table(['slice', 'examples', 'effective size', 'baseline', 'candidate', 'improvement', 'upper bound', 'Holm p', 'result', 'why'], rows), '')
    if (hidden > 0) lines.push(`${hidden} more slices that did not fail are not shown; they are in result.json.`, '')
  }
  return lines
}
