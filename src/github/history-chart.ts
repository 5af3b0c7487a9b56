/**
 * A Mermaid chart of each metric across the champions so far (and the candidate), for job summaries,
 * gate issues and pull-request comments, which all render Mermaid.
 */
import type { RegistrySnapshot } from '../ports.js'

/** Enough points to show a trend and stay small in a 65,536-character comment. */
const MAX_POINTS = 30
const MAX_CHARTS = 4

interface Point {
  label: string
  metrics: Record<string, number | null>
  evaluationData?: string | null
}

/** The champions in the order they took over (promotions, approvals, rollbacks). */
function championPoints(snapshot: RegistrySnapshot): Point[] {
  const moves = snapshot.history.filter(e => e.action === 'promoted' || e.action === 'approved' || e.action === 'rollback')
  return moves.flatMap(e => {
    const record = snapshot.versions.find(v => v.version === e.version)
    return record
      ? [{ label: `v${e.version}${e.action === 'rollback' ? ' (rollback)' : ''}`, metrics: record.metrics, evaluationData: record.evaluationData }]
      : []
  })
}

function quote(text: string): string {
  return `"${text.replaceAll('"', "'")}"`
}

/**
 * One `xychart-beta` line chart per metric with a value at every point; empty when there is no
 * history to show (fewer than two points).
 */
export function historyChart(
  snapshot: RegistrySnapshot,
  metricNames: string[],
  candidate?: { version: number | null; metrics: Record<string, number | null>; evaluationData?: string | null }
): string {
  const points = championPoints(snapshot)
  const last = points.at(-1)
  const candidateIsLast = candidate && candidate.version !== null && last?.label === `v${candidate.version}`
  if (candidate && !candidateIsLast) {
    points.push({
      label: candidate.version === null ? 'candidate' : `v${candidate.version} (candidate)`,
      metrics: candidate.metrics,
      evaluationData: candidate.evaluationData
    })
  }
  // Numbers measured on other evaluation data do not compare: no line is drawn across that change.
  const current = points.at(-1)?.evaluationData
  const since = current ? points.findLastIndex(p => p.evaluationData && p.evaluationData !== current) + 1 : 0
  const note =
    since > 0 ? `\n_Earlier champions (up to ${points[since - 1]!.label}) were evaluated on other data and are not drawn: their numbers do not compare._\n` : ''
  const shown = points.slice(since).slice(-MAX_POINTS)
  if (shown.length < 2) return ''
  const charts: string[] = []
  for (const name of metricNames.slice(0, MAX_CHARTS)) {
    const values = shown.map(p => p.metrics[name])
    if (!values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) continue
    charts.push(
      [
        '```mermaid',
        'xychart-beta',
        `  title ${quote(`${name} across champion versions`)}`,
        `  x-axis [${shown.map(p => quote(p.label)).join(', ')}]`,
        `  y-axis ${quote(name)}`,
        `  line [${values.join(', ')}]`,
        '```'
      ].join('\n')
    )
  }
  return charts.length ? `### Metric history\n\n${charts.join('\n\n')}\n${note}` : ''
}
