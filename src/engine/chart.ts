/**
 * A picture of the confidence rules' intervals (an SVG written next to the report; Mermaid charts
 * have no error bars): for each rule, the improvement's point estimate, its interval at the rule's
 * confidence, the margin it must clear and zero, so a reviewer sees at a glance whether a gain is real.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { formatNumber } from './format.js'
import type { RuleOutcome } from './rules.js'

export const INTERVALS_CHART = 'intervals.svg'

const WIDTH = 720
const LABEL = 260
const ROW = 34
const TOP = 44
const RIGHT = 24

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/** The rules a chart shows: confidence rules with a bound (relative ones in percent). */
export function chartedRules(outcomes: RuleOutcome[]): RuleOutcome[] {
  return outcomes.filter(o => o.confidence !== undefined && o.improvement !== null && o.bound != null && o.interval?.upper != null)
}

export function renderIntervalsSvg(model: string, outcomes: RuleOutcome[]): string {
  const rules = chartedRules(outcomes)
  const scale = (o: RuleOutcome) => (o.kind === 'relative-change' ? 100 : 1)
  const values = rules.flatMap(o => [o.bound!, o.interval!.upper!, o.improvement!, o.threshold, 0].map(v => v * scale(o)))
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 1
  lo -= pad
  hi += pad
  const x = (v: number) => LABEL + ((v - lo) / (hi - lo)) * (WIDTH - LABEL - RIGHT)
  const height = TOP + rules.length * ROW + 30
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(`${model}: improvement of the candidate, with its interval at each rule's confidence`)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="18" font-weight="bold">${escapeXml(`${model}: improvement over the baseline (relative rules in %)`)}</text>`,
    `<text x="8" y="34" fill="#555">dot: point estimate; bar: interval; |: margin to clear; green: rule passes, red: fails</text>`,
    `<line x1="${x(0)}" y1="${TOP - 4}" x2="${x(0)}" y2="${TOP + rules.length * ROW}" stroke="#999"/>`,
    `<text x="${x(0)}" y="${height - 8}" text-anchor="middle" fill="#555">0</text>`,
    `<text x="${LABEL}" y="${height - 8}" fill="#555">${escapeXml(formatNumber(lo))}</text>`,
    `<text x="${WIDTH - RIGHT}" y="${height - 8}" text-anchor="end" fill="#555">${escapeXml(formatNumber(hi))}</text>`
  ]
  rules.forEach((o, i) => {
    const y = TOP + i * ROW + ROW / 2
    const s = scale(o)
    const color = o.status === 'pass' ? '#1a7f37' : '#cf222e'
    const label = `${o.metric}${o.against !== undefined ? ` vs v${o.against}` : ''} (${formatNumber(o.confidence! * 100)}%)`
    parts.push(
      `<text x="8" y="${y + 4}">${escapeXml(label)}</text>`,
      `<line x1="${x(o.bound! * s)}" y1="${y}" x2="${x(o.interval!.upper! * s)}" y2="${y}" stroke="${color}" stroke-width="4" stroke-linecap="round"/>`,
      `<circle cx="${x(o.improvement! * s)}" cy="${y}" r="5" fill="#ffffff" stroke="${color}" stroke-width="2"/>`,
      `<line x1="${x(o.threshold * s)}" y1="${y - 10}" x2="${x(o.threshold * s)}" y2="${y + 10}" stroke="#24292f" stroke-width="2"/>`,
      `<text x="${x(o.bound! * s)}" y="${y - 8}" text-anchor="middle" fill="#555">${escapeXml(formatNumber(o.bound! * s))}</text>`
    )
  })
  parts.push('</svg>')
  return parts.join('\n') + '\n'
}

/** Writes the chart into `dir` when some confidence rule has an interval; returns its file name. */
export async function writeIntervalsChart(dir: string, model: string, outcomes: RuleOutcome[]): Promise<string | null> {
  if (chartedRules(outcomes).length === 0) return null
  await mkdir(dir, { recursive: true })
  await writeFile(path.join(dir, INTERVALS_CHART), renderIntervalsSvg(model, outcomes))
  return INTERVALS_CHART
}
