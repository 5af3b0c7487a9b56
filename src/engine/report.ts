/**
 * The Markdown report: the comparison, every rule with its numbers, and lineage. Columns are padded
 * so the same text reads well on a console and renders as tables in a job summary.
 */
import type { RunResult } from './result.js'
import type { RuleOutcome } from './rules.js'
import { formatNumber, markdownText } from './format.js'
import { weightsSection } from './weights.js'
import { boundCell, evidenceSections, hasBounds } from './report-sections.js'
import { driftSection } from './drift-report.js'

const DECISION_TITLES: Record<RunResult['decision'], string> = {
  promoted: 'promoted',
  'pending-approval': 'pending approval',
  rejected: 'rejected',
  skipped: 'dry run',
  candidate: 'candidate (select decides)'
}

function signed(n: number | null): string {
  if (n === null) return '—'
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n)
}

/** Cells wider than this are not padded to: one long cell must not widen every row of the table. */
const MAX_PAD = 60

export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows].map(r => r.map(markdownText))
  // A loop, not Math.max(...cells): a spread of a very long list exceeds the call stack.
  const widths = header.map(() => 3)
  for (const r of all) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, Math.min(MAX_PAD, r[i]?.length ?? 0))
  const line = (r: string[]) => `| ${widths.map((w, i) => (r[i] ?? '').padEnd(w)).join(' | ')} |`
  const out = [line(all[0]!), `| ${widths.map(w => '-'.repeat(w)).join(' | ')} |`]
  for (let i = 1; i < all.length; i++) out.push(line(all[i]!))
  return out.join('\n')
}

/** The comparison shows every metric the spec judges, and at most this many others. */
export const MAX_UNJUDGED_ROWS = 50

function headline(r: RunResult): string {
  const candidate = r.candidate.version === null ? 'the candidate' : `version ${r.candidate.version}`
  const champion = r.baseline ? `version ${r.baseline.version}` : 'no champion'
  switch (r.decision) {
    case 'promoted':
      return `${candidate} is the new champion (replacing ${champion})`
    case 'pending-approval':
      return `${candidate} waits for a person's approval (champion: ${champion})`
    case 'rejected':
      // Rejected because the champion moved meanwhile: the champion it was compared with is no longer current.
      if (r.error?.reason === 'stale-baseline') return `${candidate} was not promoted: the champion moved while it was trained (stale-baseline)`
      return `${candidate} was not promoted (${r.baseline ? `champion stays ${champion}` : 'there is still no champion'})`
    case 'skipped':
      return `nothing changed; the decision would be: ${r.wouldBe ?? 'unknown'}`
    case 'candidate':
      return `${candidate} is stored as challenger ${r.challenger?.name ?? ''} of plan ${r.challenger?.plan ?? ''}, compared with ${champion}; select decides`
  }
}

/** Where training started, said plainly: a confirmed warm start, an unconfirmed one, or a cold start and why. */
export function warmStartLine(warm: RunResult['candidate']['warmStart']): string {
  if (warm.source === 'cold') return `cold start (${warm.reason === 'first-model' ? 'first model: no champion' : markdownText(warm.reason ?? 'no champion')})`
  return warm.confirmed === false
    ? `unconfirmed warm start from version ${warm.parentVersion}: no step confirmed that training started from it`
    : `confirmed warm start from version ${warm.parentVersion}`
}

function comparison(r: RunResult, goals: Map<string, string>): string {
  const names = [...goals.keys()]
  const others = new Set<string>()
  for (const metrics of [r.candidate.metrics, r.baseline?.metrics ?? {}]) {
    for (const name of Object.keys(metrics)) if (!goals.has(name)) others.add(name)
  }
  let shown = 0
  for (const name of others) {
    if (shown++ >= MAX_UNJUDGED_ROWS) break
    names.push(name)
  }
  const hidden = others.size - Math.min(others.size, MAX_UNJUDGED_ROWS)
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
  const note = hidden > 0 ? `\n\n${hidden} more metrics that no rule judges are not shown; they are in result.json.` : ''
  return table(header, rows) + note
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

/** Where the params training reported differ from the declared ones: each such param, both values. */
function reportedParamsLines(r: RunResult): string[] {
  if (!r.reportedParams) return []
  const differences = Object.entries(r.reportedParams)
    .filter(([k, v]) => !Object.hasOwn(r.params, k) || String(r.params[k]) !== String(v))
    .map(([k, v]) =>
      markdownText(`${k}=${JSON.stringify(v)} (${Object.hasOwn(r.params, k) ? `declared ${JSON.stringify(r.params[k])}` : 'not a declared param'})`)
    )
  return differences.length ? [`- params as training reported it used them: ${differences.join(', ')}`] : []
}

export function renderReport(r: RunResult): string {
  const goals = new Map(Object.entries(r.goals))
  // The reason ends without a full stop: the report adds one (a reason that is a whole message may already end with one).
  // It may name what the data holds (the feature with the largest drift), so it is text.
  const reason = markdownText((r.reason.charAt(0).toUpperCase() + r.reason.slice(1)).replace(/\.$/, ''))
  if (r.decision === 'skipped' && r.wouldBe === null && r.drift) {
    return [`## ${r.model}: skipped, nothing drifted`, '', `${reason}.`, '', ...driftSection(r.drift, table)].join('\n')
  }
  const start = warmStartLine(r.candidate.warmStart)
  const lines = [`## ${r.model}: ${DECISION_TITLES[r.decision]}`, '', `**${headline(r)}.** ${reason}.`, '', `Training: ${start}.`, '']
  if (r.error) lines.push(`> ${r.error.reason}: ${markdownText(r.error.message)}`, '')
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
  if (r.drift) lines.push(...driftSection(r.drift, table))
  const warm = r.candidate.warmStart
  lines.push('### Lineage', '')
  lines.push(
    `- warm start: ${warmStartLine(warm)}`,
    ...(warm.packages
      ? [
          `- packages: ${Object.entries(warm.packages)
            .map(([k, v]) => markdownText(`${k} ${v}`))
            .join(', ')}`
        ]
      : []),
    `- candidate bundle digest: \`${r.candidate.digest}\``,
    `- params: ${
      Object.keys(r.params).length
        ? Object.entries(r.params)
            .map(([k, v]) => markdownText(`${k}=${JSON.stringify(v)}`))
            .join(', ')
        : 'none'
    }`,
    ...reportedParamsLines(r),
    `- data: ${
      Object.entries(r.data)
        .map(([k, v]) => `${k} \`${v.slice(0, 12)}\``)
        .join(', ') || 'none'
    }`,
    `- steps: ${r.steps.map(s => `${markdownText(s.name)} (${s.cache?.restored ? `restored from cache ${s.cache.key}` : `${(s.durationMs / 1000).toFixed(1)}s`})`).join(', ') || 'none'}`,
    ''
  )
  return lines.join('\n')
}
