/**
 * `select`: gathers the candidates of one plan, keeps those that pass every rule with confidence
 * bounds corrected for the number of challengers compared (Holm's step-down procedure, per
 * confidence rule), picks the best on the spec's primary metric (the first under `metrics:`), and
 * promotes or gates exactly that one in one compare-and-swap; every other candidate of the plan is
 * recorded as not selected, with the reason.
 *
 * Why the correction: each challenger's own run judges its bound at the rule's confidence c. Racing
 * m challengers that are no better than the champion, the chance that at least one clears its bound
 * by luck is about 1 - c^m (64% for 20 at 95%). Holm keeps that chance (the family-wise error) at
 * 1 - c: the challenger with the smallest p-value must clear the bound at 1 - (1 - c)/m, the next at
 * 1 - (1 - c)/(m - 1), and so on, stopping at the first that does not.
 */
import { ExitCode, InputError, RetrainError, StaleBaselineError } from '../errors.js'
import type { ChallengerEvidence, EffectInput, Gate, GateRef, Registry, Reporter, VersionRecord, Who } from '../ports.js'
import type { Spec } from '../spec/types.js'
import type { ChallengerPlan } from './challenger-plan.js'
import { formatNumber as fmt } from './format.js'
import { improvementOf } from './rules.js'
import { table } from './report.js'

/** How select treats bounds: corrected for the plan's size (Holm), or each at its own level (shown for comparison only). */
export type Correction = 'holm' | 'none'

/** One confidence rule of one challenger, as select judged it. */
export interface CorrectedBound {
  rule: string
  text: string
  p: number
  /** The confidence the bound was taken at after correction. */
  confidence: number
  bound: number | null
  margin: number
  pass: boolean
}

export interface SelectionRow {
  name: string
  version: number | null
  status: 'selected' | 'not-selected' | 'rejected' | 'missing' | 'refused'
  reason: string
  primary: number | null
  metrics: Record<string, number | null>
  params: Record<string, string | number | boolean>
  bounds: CorrectedBound[]
}

export interface Selection {
  plan: string
  correction: Correction
  /** The number of challengers the bounds were corrected for. */
  compared: number
  primary: { metric: string; goal: 'maximize' | 'minimize' }
  winner: SelectionRow | null
  rows: SelectionRow[]
}

/** What select needs of each planned challenger: its version record, when it ran. */
export interface SelectionInput {
  plan: string
  /** Every challenger the plan holds, in the spec's order, with the params it sets. */
  challengers: { name: string; params: Record<string, string | number | boolean> }[]
  primary: { metric: string; goal: 'maximize' | 'minimize' }
  /** The plan's versions by challenger name (the latest of each, when one ran twice). */
  records: Map<string, VersionRecord>
  /** Why a version was rejected by its own rules, by version (the history's reason). */
  rejections?: Map<number, string>
  correction?: Correction
}

function clears(bound: number | null, margin: number): boolean {
  return bound !== null && (margin >= 0 ? bound > margin : bound >= margin)
}

/**
 * The pure selection: Holm's step-down per confidence rule across the whole plan (a challenger that
 * did not run counts, with p = 1), then the best passing candidate on the primary metric (ties: the
 * lower version number).
 */
export function selectChallenger(input: SelectionInput): Selection {
  const correction = input.correction ?? 'holm'
  const m = input.challengers.length
  const rows: SelectionRow[] = input.challengers.map(({ name, params }) => {
    const record = input.records.get(name)
    if (!record)
      return {
        name,
        version: null,
        status: 'missing',
        reason: 'no version of this challenger in the plan (its run failed or has not finished)',
        primary: null,
        metrics: {},
        params,
        bounds: []
      }
    return {
      name,
      version: record.version,
      status: record.status === 'candidate' ? 'not-selected' : record.status === 'rejected' ? 'rejected' : 'refused',
      reason:
        record.status === 'candidate'
          ? ''
          : record.status === 'rejected'
            ? `its own run rejected it: ${input.rejections?.get(record.version) ?? record.decision}`
            : `it is ${record.status}, not a candidate`,
      primary: record.metrics[input.primary.metric] ?? null,
      metrics: record.metrics,
      params,
      bounds: []
    }
  })
  const evidenceOf = (row: SelectionRow): ChallengerEvidence[] => input.records.get(row.name)?.challenger?.evidence ?? []
  const rules = new Map<string, ChallengerEvidence>()
  for (const row of rows) for (const e of evidenceOf(row)) if (!rules.has(e.rule)) rules.set(e.rule, e)
  for (const [rule, model] of rules) {
    const entries = rows.map(row => ({ row, e: evidenceOf(row).find(x => x.rule === rule) }))
    entries.sort((a, b) => (a.e?.p ?? 1) - (b.e?.p ?? 1) || a.row.name.localeCompare(b.row.name))
    let going = true
    entries.forEach(({ row, e }, rank) => {
      const j = correction === 'holm' ? m - rank : 1
      const bound = e?.bounds[j - 1] ?? null
      const pass = going && clears(bound, model.margin)
      if (!pass) going = correction === 'none'
      row.bounds.push({ rule, text: model.text, p: e?.p ?? 1, confidence: 1 - (1 - model.confidence) / j, bound, margin: model.margin, pass })
    })
  }
  const passing = rows.filter(r => r.status === 'not-selected' && r.bounds.every(b => b.pass))
  for (const row of rows.filter(r => r.status === 'not-selected' && !passing.includes(r))) {
    const failed = row.bounds.filter(b => !b.pass)
    row.reason = `${correction === 'holm' ? `Holm-corrected for ${m} challengers` : 'uncorrected'}: ${failed
      .map(b => `${b.text}: lower bound ${b.bound === null ? 'not computable' : fmt(b.bound)} at ${fmt(b.confidence * 100)}% does not clear ${fmt(b.margin)}`)
      .join('; ')}`
  }
  const better = (a: SelectionRow, b: SelectionRow) => {
    if (a.primary === null || !Number.isFinite(a.primary)) return false
    if (b.primary === null || !Number.isFinite(b.primary)) return true
    const gain = improvementOf(input.primary.goal, a.primary, b.primary)
    return gain > 0 || (gain === 0 && a.version! < b.version!)
  }
  let winner: SelectionRow | null = null
  for (const row of passing) if (row.primary !== null && Number.isFinite(row.primary) && (winner === null || better(row, winner))) winner = row
  for (const row of passing) {
    if (row === winner) {
      row.status = 'selected'
      row.reason = `passes every rule${rules.size ? ` (bounds Holm-corrected for ${m} challengers)` : ''} and has the best ${input.primary.metric}`
    } else {
      row.reason = winner
        ? `passes every rule, but ${winner.name} (version ${winner.version}) has the better ${input.primary.metric}: ${fmt(winner.primary!)} against ${row.primary === null ? 'none' : fmt(row.primary)}`
        : `its ${input.primary.metric} is undefined: fails closed`
    }
  }
  return { plan: input.plan, correction, compared: m, primary: input.primary, winner, rows }
}

export interface SelectOutcome {
  selection: Selection
  /** 'skipped' in a dry run (as a dry `run`), 'none' when nothing was selected. */
  decision: 'promoted' | 'pending-approval' | 'skipped' | 'none'
  /** Candidates of other plans, left as they are, and why they do not belong to this one. */
  refused: { version: number; name: string; reason: string }[]
  gate: GateRef | null
  report: string
}

export interface SelectOptions {
  spec: Spec
  /** The plan as things stand now (champion, evaluation data). */
  current: ChallengerPlan
  /** The plan the caller names; defaults to the current one. */
  plan?: string
  registry: Registry
  gate: Gate
  reporter: Reporter
  who: Who
  dryRun?: boolean
  promotionEffects?: (version: number) => EffectInput[]
}

function describePlanOf(record: VersionRecord): string {
  return `compared with ${record.baselineVersion === null ? 'no champion' : `version ${record.baselineVersion}`}`
}

/**
 * Why a candidate of another plan does not belong to `plan`: another champion, other evaluation
 * data, or another spec.
 */
function whyNot(record: VersionRecord, plan: ChallengerPlan): string {
  const champion = plan.champion?.version ?? null
  if (record.baselineVersion !== champion) {
    return `evaluated against ${record.baselineVersion === null ? 'no champion' : `champion version ${record.baselineVersion}`}, but the plan's champion is ${champion === null ? 'none' : `version ${champion}`}`
  }
  if ((record.evaluationData ?? null) !== plan.evaluationData) return 'evaluated on other evaluation data than the plan (its fingerprint differs)'
  return `it belongs to plan ${record.challenger?.plan} (another spec or challenger list)`
}

export async function selectCommand(options: SelectOptions): Promise<SelectOutcome> {
  const { spec, current, registry, reporter } = options
  const snapshot = await registry.snapshot(spec.model)
  const challengers = snapshot.versions.filter(v => v.challenger !== undefined)
  const id = options.plan ?? current.id
  if (id !== current.id) {
    // The named plan is not the plan as things stand: its candidates were compared with something else.
    const theirs = challengers.filter(v => v.challenger!.plan === id)
    if (theirs.length === 0) {
      throw new InputError([{ message: `no challenger of ${spec.model} belongs to plan ${id}; the current plan is ${current.id}` }], 'unknown-plan')
    }
    const champion = current.champion?.version ?? null
    const moved = theirs.find(v => v.baselineVersion !== champion)
    const why = moved
      ? `the candidates of plan ${id} were ${describePlanOf(moved)}, but the champion is ${champion === null ? 'none' : `version ${champion}`} now`
      : (theirs[0]!.evaluationData ?? null) !== current.evaluationData
        ? `the candidates of plan ${id} were evaluated on other data than the evaluation data as it is now`
        : `the spec changed since plan ${id}`
    throw new RetrainError(
      `${why}; nothing was selected or changed. Plan again and train the challengers against the current champion.`,
      ExitCode.conflict,
      'plan-moved'
    )
  }
  const records = new Map<string, VersionRecord>()
  const refused: SelectOutcome['refused'] = []
  for (const v of challengers) {
    if (v.challenger!.plan === id) {
      const seen = records.get(v.challenger!.name)
      if (!seen || seen.version < v.version) records.set(v.challenger!.name, v)
    } else if (v.status === 'candidate') {
      refused.push({ version: v.version, name: v.challenger!.name, reason: whyNot(v, current) })
    }
  }
  for (const v of records.values()) {
    // Belt and braces: the plan's id says so, the records must agree.
    if (v.baselineVersion !== (current.champion?.version ?? null) || (v.evaluationData ?? null) !== current.evaluationData) {
      records.delete(v.challenger!.name)
      refused.push({ version: v.version, name: v.challenger!.name, reason: whyNot(v, current) })
    }
  }
  if (records.size === 0) {
    const others = refused.map(r => `version ${r.version} (${r.name}): ${r.reason}`).join('; ')
    throw new RetrainError(
      `no challenger of plan ${id} has run yet${others ? `; candidates of other plans are refused: ${others}` : ''}; nothing was selected`,
      ExitCode.conflict,
      'no-candidates'
    )
  }
  const primaryMetric = spec.metrics[0]!
  const selection = selectChallenger({
    plan: id,
    challengers: current.challengers,
    primary: { metric: primaryMetric.name, goal: primaryMetric.goal },
    records,
    rejections: new Map(snapshot.history.filter(e => e.action === 'rejected').map(e => [e.version, e.reason]))
  })
  const mode = options.dryRun ? 'dry-run' : spec.promotion.mode
  const firstModel = current.champion === null
  const winner = selection.winner
  let decision: SelectOutcome['decision'] = mode === 'dry-run' ? 'skipped' : 'none'
  if (winner && mode !== 'dry-run') {
    if (firstModel && spec.promotion.firstModel === 'reject') {
      winner.status = 'not-selected'
      winner.reason = `${winner.reason}; but this is the first model and the spec's first-model policy is "reject"`
    } else decision = mode === 'gate' || (firstModel && spec.promotion.firstModel === 'gate') ? 'pending-approval' : 'promoted'
  }
  let gate: GateRef | null = null
  const report = () => renderSelection(selection, decision, refused, current, mode)
  if (decision === 'pending-approval' && winner) {
    gate = await options.gate.open({ model: spec.model, candidate: winner.version!, baseline: current.champion?.version ?? null, reportMarkdown: report() })
    reporter.info(`Release gate opened: ${gate.where}`)
  }
  if (mode !== 'dry-run') {
    const others = selection.rows
      .filter(r => r !== winner || decision === 'none')
      .filter(r => r.version !== null && records.get(r.name)?.status === 'candidate')
      .map(r => ({ expect: { version: r.version!, status: 'candidate' as const }, reason: `not selected from plan ${id}: ${r.reason}` }))
    try {
      await registry.apply(spec.model, {
        kind: 'select',
        winner:
          winner && decision !== 'none'
            ? {
                expect: { version: winner.version!, status: 'candidate' },
                status: decision === 'promoted' ? 'promoted' : 'pending',
                reason: `selected from plan ${id}: ${winner.reason}`
              }
            : null,
        others,
        expectChampion: current.champion?.version ?? null,
        who: options.who,
        effects: decision === 'promoted' && winner ? (options.promotionEffects?.(winner.version!) ?? []) : []
      })
    } catch (err) {
      if (err instanceof StaleBaselineError) {
        throw new RetrainError(
          `the champion moved while selecting from plan ${id} (${err.message}); nothing was selected or changed. Plan again.`,
          ExitCode.conflict,
          'stale-baseline'
        )
      }
      throw err
    }
  }
  const text = report()
  await reporter.report(text)
  return { selection, decision, refused, gate, report: text }
}

function cell(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : fmt(n)
}

/** Every challenger side by side: its params, its metrics, its corrected bounds, what became of it. */
export function renderSelection(
  s: Selection,
  decision: SelectOutcome['decision'],
  refused: SelectOutcome['refused'],
  plan: ChallengerPlan,
  mode: string
): string {
  const champion = plan.champion ? `version ${plan.champion.version}` : 'no champion (first model)'
  const w = s.winner
  const head =
    w === null
      ? `no challenger of plan ${s.plan} passes every rule; the champion stays ${champion}`
      : decision === 'promoted'
        ? `challenger ${w.name} (version ${w.version}) is the new champion (replacing ${champion})`
        : decision === 'pending-approval'
          ? `challenger ${w.name} (version ${w.version}) waits for a person's approval (champion: ${champion})`
          : mode === 'dry-run'
            ? `dry run, nothing changed; challenger ${w.name} (version ${w.version}) would be selected`
            : `challenger ${w.name} (version ${w.version}) passes, but nothing was promoted (champion: ${champion})`
  const ruleNames = [...new Set(s.rows.flatMap(r => r.bounds.map(b => b.rule)))]
  const metricNames = [...new Set(s.rows.flatMap(r => Object.keys(r.metrics)))]
  const header = ['challenger', 'version', 'params', ...metricNames, ...ruleNames.map(r => `bound ${r.replace(/#\d+$/, '')} (p)`), 'outcome', 'why']
  const rows = s.rows.map(r => [
    r.name,
    r.version === null ? '—' : String(r.version),
    Object.entries(r.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
    ...metricNames.map(m => cell(r.metrics[m])),
    ...ruleNames.map(rule => {
      const b = r.bounds.find(x => x.rule === rule)
      return b ? `${cell(b.bound)} @${fmt(b.confidence * 100)}% (p=${b.p.toPrecision(2)})${b.pass ? '' : ' ✗'}` : '—'
    }),
    r.status,
    r.reason
  ])
  const lines = [`## Challengers of plan ${s.plan}: ${head}`, '']
  lines.push(
    `Compared with ${champion}. The best on the primary metric (${s.primary.metric}, ${s.primary.goal}) among the candidates that pass every rule is selected.`
  )
  if (ruleNames.length > 0) {
    lines.push(
      s.correction === 'holm'
        ? `Confidence bounds are Holm-corrected for the ${s.compared} challengers compared, so racing many challengers does not inflate false promotions: the challenger with the smallest p-value must clear its bound at 1 - (1 - c)/${s.compared}, the next at 1 - (1 - c)/${s.compared - 1}, and so on.`
        : 'Confidence bounds are not corrected for the number of challengers.'
    )
  }
  lines.push('', table(header, rows))
  if (refused.length > 0) {
    lines.push('', 'Candidates of other plans, refused and left as they are:', '')
    for (const r of refused) lines.push(`- version ${r.version} (challenger ${r.name}): ${r.reason}`)
  }
  return lines.join('\n') + '\n'
}

export function selectionJson(o: SelectOutcome): Record<string, unknown> {
  return {
    plan: o.selection.plan,
    decision: o.decision,
    winner: o.selection.winner && { name: o.selection.winner.name, version: o.selection.winner.version },
    correction: o.selection.correction,
    compared: o.selection.compared,
    primary: o.selection.primary,
    challengers: o.selection.rows,
    refused: o.refused,
    gate: o.gate
  }
}
