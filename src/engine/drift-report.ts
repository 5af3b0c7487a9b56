/**
 * Drift as a run's report shows it: the table, and an SVG per drifted feature with its distribution
 * before (the champion's data) and after (the new data), like the intervals chart.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { driftTable, type DriftReport, type FeatureDrift } from './drift.js'
import { formatNumber, markdownText } from './format.js'

const WIDTH = 720
const LABEL = 170
const ROW = 22
const TOP = 52

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, c => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
}

/** One feature's distribution before (the champion's data) and after (the new data): paired bars per bin. */
export function renderDriftSvg(input: string, f: FeatureDrift): string {
  const bins = f.bins
  const top = Math.max(...bins.map(b => Math.max(b.reference, b.current)), 1e-9)
  const x = (share: number) => (share / top) * (WIDTH - LABEL - 70)
  const height = TOP + bins.length * ROW + 16
  const title = `${input}.${f.column}: before (champion's data) and after (new data)`
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="18" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="8" y="36" fill="#555">${escapeXml(`grey: before, orange: after; PSI ${formatNumber(f.psi)}${f.reasons.length ? `; ${f.reasons.join('; ')}` : ''}`)}</text>`
  ]
  bins.forEach((b, i) => {
    const y = TOP + i * ROW
    parts.push(
      `<text x="8" y="${y + 14}">${escapeXml(b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label)}</text>`,
      `<rect x="${LABEL}" y="${y + 2}" width="${x(b.reference).toFixed(1)}" height="8" fill="#8c959f"/>`,
      `<rect x="${LABEL}" y="${y + 10}" width="${x(b.current).toFixed(1)}" height="8" fill="#d1711c"/>`,
      `<text x="${(LABEL + Math.max(x(b.reference), x(b.current)) + 6).toFixed(1)}" y="${y + 14}" fill="#555">${escapeXml(
        `${formatNumber(b.reference * 100)}% → ${formatNumber(b.current * 100)}%`
      )}</text>`
    )
  })
  parts.push('</svg>')
  return parts.join('\n') + '\n'
}

/** Writes one SVG per drifted feature into `dir` and records each file's name on its feature. */
export async function writeDriftCharts(dir: string, drift: DriftReport): Promise<void> {
  const used = new Set<string>()
  for (const input of drift.inputs) {
    for (const f of input.features) {
      if (!f.drifted || f.bins.length === 0) continue
      const base = `drift-${input.input}-${f.column}`.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 100)
      let name = `${base}.svg`
      for (let k = 2; used.has(name); k++) name = `${base}-${k}.svg`
      used.add(name)
      await mkdir(dir, { recursive: true })
      await writeFile(path.join(dir, name), renderDriftSvg(input.input, f))
      f.chart = name
    }
  }
}

/** The report's drift section: the table and a picture per drifted feature. */
export function driftSection(drift: DriftReport, table: (header: string[], rows: string[][]) => string): string[] {
  const charts = drift.inputs.flatMap(i => i.features.filter(f => f.chart).map(f => `![${markdownText(`${i.input}.${f.column}`)}](${f.chart})`))
  return ['### Drift', '', driftTable(drift, table), '', ...(charts.length ? [...charts, ''] : [])]
}
