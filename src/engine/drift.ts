/**
 * Drift of new data against the champion's profile, per feature (docs/drift.md):
 *
 * - PSI for every feature: sum over bins of (new - reference) * ln(new / reference), proportions
 *   floored at PSI_FLOOR. Number bins are the reference sample's deciles (NumPy's linear quantiles,
 *   duplicates dropped; bin k holds edges[k-1] <= v < edges[k]); category bins are the reference's
 *   values plus "other".
 * - Kolmogorov-Smirnov for numbers: the two-sample statistic D between the reference sample and all
 *   the new values (scipy.stats.ks_2samp's statistic), with the p-value of the limiting Kolmogorov
 *   distribution, scipy.stats.kstwobign.sf(D * sqrt(n1 n2 / (n1 + n2))).
 * - Chi-square for categories: scipy.stats.chi2_contingency(table, correction=False) on the 2 x K
 *   table of reference and new counts over the same cells as PSI (cells empty in both dropped).
 *
 * A feature drifted when its PSI exceeds `psi`, or a p-value is below `ks-p` / `chi2-p`.
 */
import type { CategoryColumnProfile, ColumnProfile, InputPass, InputProfile, NumberColumnProfile, NumberCounts } from './profile.js'
import { binOf, psiEdges } from './profile.js'
import { formatNumber, markdownText } from './format.js'

/** Proportions below this count as this in PSI, so an empty bin gives a large but finite term. */
export const PSI_FLOOR = 1e-4

export interface DriftThresholds {
  /** A feature drifted when its PSI is above this. */
  psi: number
  /** ... or its Kolmogorov-Smirnov p-value (numbers) is below this. */
  ksP: number
  /** ... or its chi-square p-value (categories) is below this. */
  chi2P: number
}

export interface DistributionBin {
  label: string
  /** Share of the reference's present values in the bin. */
  reference: number
  /** Share of the new present values in the bin. */
  current: number
}

export interface FeatureDrift {
  column: string
  /** number or category; `missing` when the column is gone from the new data, `changed` when numbers became text. */
  kind: 'number' | 'category' | 'missing' | 'changed'
  psi: number | null
  ks: { statistic: number; pValue: number; referenceSize: number; currentSize: number } | null
  chi2: { statistic: number; dof: number; pValue: number } | null
  drifted: boolean
  /** Why it drifted, one phrase per threshold crossed. */
  reasons: string[]
  mean: { reference: number; current: number } | null
  bins: DistributionBin[]
  /** The SVG of the distribution before and after, written next to the report (drifted features of a run). */
  chart?: string
}

export interface InputDrift {
  input: string
  referenceRows: number
  currentRows: number
  /** Why the input was not compared (not profiled on either side). */
  skipped?: string
  features: FeatureDrift[]
}

export interface DriftReport {
  drifted: boolean
  championVersion: number
  thresholds: DriftThresholds
  inputs: InputDrift[]
}

/** Population stability index over paired proportions. */
export function psi(reference: number[], current: number[]): number {
  let sum = 0
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i]!, PSI_FLOOR)
    const c = Math.max(current[i]!, PSI_FLOOR)
    sum += (c - r) * Math.log(c / r)
  }
  return sum
}

/** The limiting Kolmogorov distribution's survival function, P(K > x) (scipy.special.kolmogorov). */
export function kolmogorovSf(x: number): number {
  if (!(x > 0)) return 1
  if (x < 1) {
    // Jacobi's form converges fast for small x: P(K <= x) = sqrt(2 pi) / x * sum exp(-(2k-1)^2 pi^2 / (8 x^2)).
    const w = (Math.PI * Math.PI) / (8 * x * x)
    let sum = 0
    for (let k = 1; k <= 50; k++) {
      const term = Math.exp(-(2 * k - 1) * (2 * k - 1) * w)
      sum += term
      if (term < 1e-300) break
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / x) * sum))
  }
  let sum = 0
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * x * x)
    sum += k % 2 === 1 ? term : -term
    if (term < 1e-300) break
  }
  return Math.min(1, Math.max(0, 2 * sum))
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7
]

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let a = LANCZOS[0]!
  const t = z + 7.5
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i)
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a)
}

/** The regularized upper incomplete gamma function Q(a, x): a series below a + 1, a continued fraction above. */
export function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1
  const lead = -x + a * Math.log(x) - logGamma(a)
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break
    }
    return Math.min(1, Math.max(0, 1 - sum * Math.exp(lead)))
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return Math.min(1, Math.max(0, Math.exp(lead) * h))
}

/** chi2_contingency(table, correction=False) for a 2 x K table of counts. */
export function chiSquare(reference: number[], current: number[]): { statistic: number; dof: number; pValue: number } {
  const cells = reference.map((r, i) => [r, current[i]!] as const).filter(([r, c]) => r + c > 0)
  if (cells.length < 2) return { statistic: 0, dof: 0, pValue: 1 }
  const rowR = cells.reduce((s, [r]) => s + r, 0)
  const rowC = cells.reduce((s, [, c]) => s + c, 0)
  const total = rowR + rowC
  let statistic = 0
  for (const [r, c] of cells) {
    const col = r + c
    const er = (rowR * col) / total
    const ec = (rowC * col) / total
    statistic += ((r - er) * (r - er)) / er + ((c - ec) * (c - ec)) / ec
  }
  const dof = cells.length - 1
  return { statistic, dof, pValue: upperGamma(dof / 2, statistic / 2) }
}

/** The two-sample KS statistic between a reference sample and all new values, from the pass's counts. */
export function ksFromCounts(sample: number[], counts: NumberCounts): { statistic: number; n1: number; n2: number } {
  const n1 = sample.length
  let n2 = 0
  for (const v of counts.below) n2 += v
  for (const v of counts.equal) n2 += v
  if (n1 === 0 || n2 === 0) return { statistic: 0, n1, n2 }
  let refCum = 0
  let curCum = 0
  let d = 0
  let s = 0
  const u = counts.distinct
  for (let i = 0; i < u.length; i++) {
    // New values strictly below u[i] and above u[i-1]: the reference CDF is flat there.
    curCum += counts.below[i]!
    if (counts.below[i]! > 0) d = Math.max(d, Math.abs(refCum / n1 - curCum / n2))
    while (s < n1 && sample[s] === u[i]) {
      refCum++
      s++
    }
    curCum += counts.equal[i]!
    d = Math.max(d, Math.abs(refCum / n1 - curCum / n2))
  }
  return { statistic: d, n1, n2 }
}

function numberBins(edges: Float64Array): string[] {
  const f = formatNumber
  if (edges.length === 0) return ['all']
  return Array.from({ length: edges.length + 1 }, (_, k) =>
    k === 0 ? `< ${f(edges[0])}` : k === edges.length ? `≥ ${f(edges[k - 1])}` : `${f(edges[k - 1])} – ${f(edges[k])}`
  )
}

function shares(counts: number[]): number[] {
  const total = counts.reduce((s, v) => s + v, 0)
  return counts.map(c => (total > 0 ? c / total : 0))
}

function compareNumbers(column: string, reference: NumberColumnProfile, current: NumberColumnProfile, counts: NumberCounts, t: DriftThresholds): FeatureDrift {
  const edges = psiEdges(reference.sample)
  const refBins = new Array<number>(edges.length + 1).fill(0)
  for (const v of reference.sample) refBins[binOf(edges, v)]!++
  const refShares = shares(refBins)
  const curShares = shares(Array.from(counts.bins))
  const value = psi(refShares, curShares)
  const ks = ksFromCounts(reference.sample, counts)
  const pValue = kolmogorovSf(ks.statistic * Math.sqrt((ks.n1 * ks.n2) / (ks.n1 + ks.n2)))
  const reasons: string[] = []
  if (value > t.psi) reasons.push(`PSI ${formatNumber(value)} > ${formatNumber(t.psi)}`)
  if (pValue < t.ksP) reasons.push(`KS p ${formatNumber(pValue)} < ${formatNumber(t.ksP)}`)
  const labels = numberBins(edges)
  return {
    column,
    kind: 'number',
    psi: value,
    ks: { statistic: ks.statistic, pValue, referenceSize: ks.n1, currentSize: ks.n2 },
    chi2: null,
    drifted: reasons.length > 0,
    reasons,
    mean: { reference: reference.mean, current: current.mean },
    bins: labels.map((label, k) => ({ label, reference: refShares[k]!, current: curShares[k]! }))
  }
}

function compareCategories(column: string, reference: CategoryColumnProfile, current: InputPass, t: DriftThresholds): FeatureDrift {
  const seen = current.categories.get(column) ?? { counts: new Map<string, number>(), uncounted: 0 }
  const labels = reference.top.map(e => e.value)
  const refCounts = reference.top.map(e => e.count)
  const curCounts = labels.map(v => seen.counts.get(v) ?? 0)
  const known = new Set(labels)
  let curOther = seen.uncounted
  const added: [string, number][] = []
  for (const [v, n] of seen.counts) {
    if (known.has(v)) continue
    // A reference that kept every value it saw: a new value gets its own cell; otherwise it is "other".
    if (reference.other === 0 && seen.uncounted === 0) added.push([v, n])
    else curOther += n
  }
  added.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  for (const [v, n] of added) {
    labels.push(v)
    refCounts.push(0)
    curCounts.push(n)
  }
  if (reference.other > 0 || curOther > 0) {
    labels.push('(other)')
    refCounts.push(reference.other)
    curCounts.push(curOther)
  }
  const keep = labels.map((_, i) => refCounts[i]! + curCounts[i]! > 0)
  const l = labels.filter((_, i) => keep[i])
  const r = refCounts.filter((_, i) => keep[i])
  const c = curCounts.filter((_, i) => keep[i])
  const refShares = shares(r)
  const curShares = shares(c)
  const value = psi(refShares, curShares)
  const chi2 = chiSquare(r, c)
  const reasons: string[] = []
  if (value > t.psi) reasons.push(`PSI ${formatNumber(value)} > ${formatNumber(t.psi)}`)
  if (chi2.pValue < t.chi2P) reasons.push(`chi-square p ${formatNumber(chi2.pValue)} < ${formatNumber(t.chi2P)}`)
  return {
    column,
    kind: 'category',
    psi: value,
    ks: null,
    chi2,
    drifted: reasons.length > 0,
    reasons,
    mean: null,
    bins: l.map((label, k) => ({ label, reference: refShares[k]!, current: curShares[k]! }))
  }
}

function unmatched(column: string, kind: 'missing' | 'changed', reason: string): FeatureDrift {
  return { column, kind, psi: null, ks: null, chi2: null, drifted: true, reasons: [reason], mean: null, bins: [] }
}

function present(c: ColumnProfile): number {
  return c.count - c.missing
}

/** Compares one input's new pass with its reference profile. */
export function compareInput(name: string, reference: InputProfile | undefined, pass: InputPass, t: DriftThresholds): InputDrift {
  const current = pass.profile
  const base = { input: name, referenceRows: reference?.rows ?? 0, currentRows: current.rows }
  if (!reference) return { ...base, skipped: "the champion's profile has no such input", features: [] }
  if (current.skipped && !reference.skipped) {
    // The champion's data was read and the new data cannot be: nothing says it did not move, so each
    // of the champion's columns is as good as gone (never "nothing drifted" on data not read).
    const reason = `the new data is not read: it ${current.skipped}`
    return { ...base, skipped: reason, features: Object.keys(reference.columns).map(column => unmatched(column, 'missing', reason)) }
  }
  if (reference.skipped || current.skipped) return { ...base, skipped: `not profiled: it ${reference.skipped ?? current.skipped}`, features: [] }
  const features: FeatureDrift[] = []
  for (const [column, ref] of Object.entries(reference.columns)) {
    const cur = current.columns[column]
    if (cur === undefined) {
      features.push(unmatched(column, 'missing', 'the column is gone from the new data'))
      continue
    }
    if (present(ref) > 0 && present(cur) === 0) {
      // As good as gone: a feed that broke writes the column empty.
      features.push(unmatched(column, 'missing', current.rows === 0 ? 'the new data has no rows' : 'every value is missing in the new data'))
      continue
    }
    if (ref.kind === 'number') {
      if (present(ref) === 0) continue
      const counts = pass.counts.get(column)
      if (cur.kind !== 'number' || counts === undefined) features.push(unmatched(column, 'changed', 'numbers before, text now'))
      else features.push(compareNumbers(column, ref, cur, counts, t))
    } else if (present(ref) > 0 || present(cur) > 0) features.push(compareCategories(column, ref, pass, t))
  }
  return { ...base, features }
}

/** The drift table in Markdown: one row per feature, drifted ones first. */
export function driftTable(report: DriftReport, table: (header: string[], rows: string[][]) => string): string {
  const f = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n))
  const rows = report.inputs.flatMap(i =>
    [...i.features]
      .sort((a, b) => Number(b.drifted) - Number(a.drifted))
      .map(x => [
        i.input,
        x.column,
        x.kind,
        f(x.psi),
        x.ks ? `${f(x.ks.statistic)} (p ${f(x.ks.pValue)})` : '—',
        x.chi2 ? `${f(x.chi2.statistic)} (p ${f(x.chi2.pValue)})` : '—',
        x.drifted ? `**drifted**: ${x.reasons.join('; ')}` : 'no'
      ])
  )
  const skipped = report.inputs.filter(i => i.skipped).map(i => `- ${i.input}: ${markdownText(i.skipped!)}`)
  const t = report.thresholds
  return [
    `Drift against the champion (version ${report.championVersion}): ${report.drifted ? '**drifted**' : 'nothing drifted'} ` +
      `(thresholds: PSI > ${f(t.psi)}, KS p < ${f(t.ksP)}, chi-square p < ${f(t.chi2P)})`,
    '',
    table(['input', 'feature', 'kind', 'PSI', 'KS D', 'chi-square', 'drifted'], rows),
    ...(skipped.length ? ['', ...skipped] : [])
  ].join('\n')
}
