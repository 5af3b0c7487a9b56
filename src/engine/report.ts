/**
 * The Markdown report: the comparison, every rule with its numbers, and lineage. Columns are padded
 * so the same text reads well on a console and renders as tables in a job summary.
 */
import type { RunResult } from './result.js'
import type { RuleOutcome } from './rules.js'
import { formatNumber } from './format.js'
import { weightsSection } from './weights.js'
import { boundCell, evidenceSections, hasBounds } from '../metrics/report-sections.js'

const DECISION_TITLES: Record<RunResult['decision'], string> = {
  promoted: 'promoted',
  'pending-approval': 'pending approval',
  rejected: 'rejected',
  skipped: 'dry run'
}

function signed(n: number | null): string {
  if (n === null) return '—'
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n)
}

export function table(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ')
  const all = [header, ...rows].map(r => r.map(escape))
  const widths = header.map((_, i) => Math.max(3, ...all.map(r => r[i]!.length)))
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(all[0]!), `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`, ...all.slice(1).map(line)].join('\n')
}

function headline(r: RunResult): string {
  const candidate = r.candidate.version === null ? 'the candidate' : `version ${r.candidate.version}`
  const champion = r.baseline ? `version ${r.baseline.version}` : 'no champion'
  switch (r.decision) {
    case 'promoted':
      return `${candidate} is the new champion (replacing ${champion})`
    case 'pending-approval':
      return `${candidate} waits for a person's approval (champion: ${champion})`
    case 'rejected':
      return `${candidate} was not promoted (champion stays ${champion})`
    case 'skipped':
      return `nothing changed; the decision would be: ${r.wouldBe ?? 'unknown'}`
  }
}

function comparison(r: RunResult, goals: Map<string, string>): string {
  const names = [...new Set([...goals.keys(), ...Object.keys(r.candidate.metrics), ...Object.keys(r.baseline?.metrics ?? {})])]
  const candidateLabel = r.candidate.version === null ? 'candidate' : `candidate (v${r.candidate.version})`
  const header = r.baseline ? ['metric', 'goal', `champion (v${r.baseline.version})`, candidateLabel, 'change'] : ['metric', 'goal', candidateLabel]
  const rows = names.map(name => {
    const goal = goals.get(name) ?? '—'
    const value = r.candidate.metrics[name]
    if (!r.baseline) return [name, goal, formatNumber(value)]
    const base = r.baseline.metrics[name]
    let change = '—'
    if (typeof value === 'number' && typeof base === 'number' && Number.isFinite(value) && Number.isFinite(base)) {
      const delta = value - base
      const better = goal === 'maximize' ? delta > 0 : goal === 'minimize' ? delta < 0 : null
      change = `${signed(delta)}${delta === 0 || better === null ? '' : better ? ' (better)' : ' (worse)'}`
    }
    return [name, goal, formatNumber(base), formatNumber(value), change]
  })
  return table(header, rows)
}

function ruleRows(rules: RuleOutcome[], withBounds: boolean): string[][] {
  return rules.map(o => {
    const relative = o.kind === 'relative-change'
    const improvement = o.improvement === null ? '—' : relative ? `${signed(o.improvement * 100)}%` : signed(o.improvement)
    const threshold = relative ? `${formatNumber(o.threshold * 100)}%` : formatNumber(o.threshold)
    const status = o.status === 'pass' ? 'PASS' : o.status === 'fail' ? 'FAIL' : 'n/a'
    const cells = [status, o.rule, formatNumber(o.value), formatNumber(o.baseline), improvement, threshold, o.reason]
    if (withBounds) cells.splice(5, 0, boundCell(o))
    return cells
  })
}

export function renderReport(r: RunResult): string {
  const goals = new Map(Object.entries(r.goals))
  const reason = r.reason.charAt(0).toUpperCase() + r.reason.slice(1)
  const lines = [`## ${r.model}: ${DECISION_TITLES[r.decision]}`, '', `**${headline(r)}.** ${reason}.`, '']
  if (r.error) lines.push(`> ${r.error.reason}: ${r.error.message}`, '')
  if (r.gate) lines.push(`Release gate (${r.gate.kind}): ${r.gate.where}`, '')
  lines.push('### Comparison', '', comparison(r, goals), '')
  lines.push('### Rules', '')
  lines.push(
    r.rules.length > 0
      ? table(
          ['result', 'rule', 'candidate', 'baseline', 'improvement', ...(hasBounds(r.rules) ? ['bound'] : []), 'threshold', 'why'],
          ruleRows(r.rules, hasBounds(r.rules))
        )
      : 'No rules are defined.'
  )
  lines.push('')
  lines.push(...evidenceSections(r, table))
  lines.push(...weightsSection(r.weights, table))
  const warm = r.candidate.warmStart
  lines.push('### Lineage', '')
  lines.push(
    `- warm start: ${warm.source === 'champion' ? `from version ${warm.parentVersion}` : `cold (${warm.reason ?? 'no champion'})`}`,
    `- candidate bundle digest: \`${r.candidate.digest}\``,
    `- params: ${Object.keys(r.params).length ? Object.entries(r.params).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ') : 'none'}`,
    `- data: ${Object.entries(r.data).map(([k, v]) => `${k} \`${v.slice(0, 12)}\``).join(', ') || 'none'}`,
    `- steps: ${r.steps.map(s => `${s.name} (${(s.durationMs / 1000).toFixed(1)}s)`).join(', ') || 'none'}`,
    ''
  )
  return lines.join('\n')
}

