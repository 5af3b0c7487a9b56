/**
 * The data profile stored in every bundle: per column of each data input, from one streaming pass in
 * bounded memory, what drift and checks compare new data with.
 *
 * Numbers: count, missing, min, max, mean and standard deviation (Welford), and a sorted sample of
 * the values: every value while a column has at most SAMPLE_SIZE of them (then drift statistics are
 * exact), otherwise a uniform reservoir sample of SAMPLE_SIZE values drawn with a fixed seed (then
 * they compare the new data with the sample; docs/drift.md states the error). Categories: the
 * TOP_K most frequent values with their counts, everything else counted as "other".
 *
 * CSV files (a header row, read by the project's streaming CSV scanner) and JSON Lines files (.jsonl,
 * .ndjson: one object a line) are profiled; an input holding other files is not, and says so. When
 * a reference (the champion's profile of the same input) is given, the same pass also counts the new
 * numbers against the reference's sample and bins, so drift needs no second pass.
 */
import path from 'node:path'
import { CsvError } from '../csv/errors.js'
import { checkHeader } from '../csv/read.js'
import { forEachJsonLineOrLatin1, JSON_LINES } from '../csv/json-lines.js'
import { scanFile } from '../csv/scan.js'
import { InputError } from '../errors.js'
import { Random } from '../metrics/random.js'
import type { ResolvedDataInput } from './fingerprint.js'
import type { CategoryColumnProfile, ColumnProfile, DataProfile, InputProfile, NumberColumnProfile } from './profile-types.js'

export type { CategoryColumnProfile, ColumnProfile, DataProfile, InputProfile, NumberColumnProfile }

/** Values a number column keeps: all of them up to this many, else a reservoir sample this size. */
export const SAMPLE_SIZE = 2000

/**
 * The most sample values a whole profile keeps (about 3 MB of manifest): with many number columns,
 * each column's sample is thinned to its share, but never below MIN_SAMPLE values.
 */
export const PROFILE_VALUE_BUDGET = 200_000
const MIN_SAMPLE = 200

/** Evenly spaced order statistics of a sorted sample: `size` of them, the sample's shape kept. */
export function thinSorted(sample: number[], size: number): number[] {
  if (sample.length <= size) return sample
  return Array.from({ length: size }, (_, i) => sample[Math.floor(((i + 0.5) * sample.length) / size)]!)
}

/** Thins every number column's sample so the profile keeps at most PROFILE_VALUE_BUDGET values. */
function fitBudget(profile: DataProfile): void {
  const numbers = Object.values(profile.inputs).flatMap(i => Object.values(i.columns).filter(c => c.kind === 'number'))
  const kept = numbers.reduce((sum, c) => sum + c.sample.length, 0)
  if (kept <= PROFILE_VALUE_BUDGET) return
  const share = Math.max(MIN_SAMPLE, Math.floor(PROFILE_VALUE_BUDGET / numbers.length))
  for (const column of numbers) {
    if (column.sample.length <= share) continue
    column.sample = thinSorted(column.sample, share)
    column.exact = false
  }
  profile.sampleSize = Math.min(profile.sampleSize, share)
}
/** Categories kept by name; the rest are counted as "other". */
export const TOP_K = 50
/** Distinct values counted while a column is read; values first seen after that count as "other". */
export const MAX_DISTINCT = 10_000
/** Distinct numbers remembered in case the column turns out to hold text too. */
const MAX_NUMBER_VALUES = 1000
const SAMPLE_SEED = 0x5eed

/** Counts of new numbers against a reference column, gathered during the pass (see drift.ts). */
export interface NumberCounts {
  /** The reference sample's distinct values, ascending. */
  distinct: Float64Array
  /** below[i]: new values strictly between distinct[i-1] and distinct[i] (below[U]: above the last). */
  below: Float64Array
  /** equal[i]: new values equal to distinct[i]. */
  equal: Float64Array
  /** PSI bin edges; bin k holds values v with edges[k-1] <= v < edges[k]. */
  edges: Float64Array
  bins: Float64Array
}

/** The PSI bins of a reference sample: its deciles (NumPy's default linear quantiles), duplicates dropped. */
export const PSI_BINS = 10

/** np.quantile's default (linear) interpolation of a sorted array, with NumPy's own lerp. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length
  const h = (n - 1) * q
  const lo = Math.floor(h)
  const t = h - lo
  const a = sorted[lo]!
  const b = sorted[Math.min(lo + 1, n - 1)]!
  const diff = b - a
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
}

export function psiEdges(sorted: ArrayLike<number>): Float64Array {
  if (sorted.length === 0) return new Float64Array(0)
  const edges: number[] = []
  for (let j = 1; j < PSI_BINS; j++) {
    const e = quantileSorted(sorted, j / PSI_BINS)
    if (edges.length === 0 || e > edges[edges.length - 1]!) edges.push(e)
  }
  return Float64Array.from(edges)
}

export function binOf(edges: Float64Array, v: number): number {
  let k = 0
  while (k < edges.length && edges[k]! <= v) k++
  return k
}

function numberCounts(reference: NumberColumnProfile): NumberCounts {
  const distinct: number[] = []
  for (const v of reference.sample) if (distinct.length === 0 || v !== distinct[distinct.length - 1]) distinct.push(v)
  return {
    distinct: Float64Array.from(distinct),
    below: new Float64Array(distinct.length + 1),
    equal: new Float64Array(distinct.length),
    edges: psiEdges(reference.sample),
    bins: new Float64Array(0)
  }
}

/**
 * 2^-600: a power of two, so scaling by it is exact but for numbers under 2^-474 (which matter nothing
 * next to numbers whose squares overflow); the largest doubles' squares then sum without overflow.
 */
const SCALE_DOWN = 2 ** -600

/** One column's running statistics. */
class ColumnStats {
  cells = 0
  missing = 0
  numbers = 0
  mean = 0
  m2 = 0
  /** The same running mean and squares of the numbers times SCALE_DOWN, for values whose squares overflow (1e300). */
  scaledMean = 0
  scaledM2 = 0
  min = Infinity
  max = -Infinity
  texts = 0
  readonly sample = new Float64Array(SAMPLE_SIZE)
  numberValues: Map<number, number> | null = new Map()
  readonly categories = new Map<string, number>()
  uncounted = 0
  counts: NumberCounts | null = null

  constructor(
    private readonly random: Random,
    reference: ColumnProfile | undefined
  ) {
    if (reference?.kind === 'number' && reference.sample.length > 0) {
      this.counts = numberCounts(reference)
      this.counts.bins = new Float64Array(this.counts.edges.length + 1)
    }
  }

  addMissing(): void {
    this.cells++
    this.missing++
  }

  addNumber(v: number): void {
    this.cells++
    const seen = this.numbers++
    const delta = v - this.mean
    this.mean += delta / this.numbers
    this.m2 += delta * (v - this.mean)
    const scaled = v * SCALE_DOWN
    const scaledDelta = scaled - this.scaledMean
    this.scaledMean += scaledDelta / this.numbers
    this.scaledM2 += scaledDelta * (scaled - this.scaledMean)
    if (v < this.min) this.min = v
    if (v > this.max) this.max = v
    if (seen < SAMPLE_SIZE) this.sample[seen] = v
    else {
      const j = this.random.below(seen + 1)
      if (j < SAMPLE_SIZE) this.sample[j] = v
    }
    const values = this.numberValues
    if (values !== null) {
      values.set(v, (values.get(v) ?? 0) + 1)
      if (values.size > MAX_NUMBER_VALUES) this.numberValues = null
    }
    const counts = this.counts
    if (counts !== null) {
      const u = counts.distinct
      let lo = 0
      let hi = u.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (u[mid]! < v) lo = mid + 1
        else hi = mid
      }
      if (lo < u.length && u[lo] === v) counts.equal[lo]!++
      else counts.below[lo]!++
      counts.bins[binOf(counts.edges, v)]!++
    }
  }

  addText(value: string): void {
    this.cells++
    this.texts++
    const known = this.categories.get(value)
    if (known !== undefined) this.categories.set(value, known + 1)
    else if (this.categories.size < MAX_DISTINCT) this.categories.set(value, 1)
    else this.uncounted++
  }

  /** The column's values as categories: a column of text and numbers counts its numbers by their value. */
  categoryCounts(): CategoryCounts {
    const counts = new Map(this.categories)
    let uncounted = this.uncounted
    if (this.numbers > 0) {
      if (this.numberValues === null) uncounted += this.numbers
      else for (const [v, n] of this.numberValues) counts.set(String(v), (counts.get(String(v)) ?? 0) + n)
    }
    return { counts, uncounted }
  }

  /**
   * Mean and sample standard deviation. Numbers near the largest double (a sentinel such as 1e300)
   * overflow the squares: those are taken from the scaled sums, exact to rounding; a deviation beyond
   * the largest double (values spread over the whole range) is the largest double.
   */
  private moments(): { mean: number; std: number } {
    const n = this.numbers
    let mean = this.mean
    let std = n > 1 ? Math.sqrt(this.m2 / (n - 1)) : 0
    if (!Number.isFinite(mean)) mean = this.scaledMean / SCALE_DOWN
    if (!Number.isFinite(std)) std = Math.min(Math.sqrt(this.scaledM2 / (n - 1)) / SCALE_DOWN, Number.MAX_VALUE)
    return { mean, std }
  }

  finish(): ColumnProfile {
    if (this.texts === 0 && this.numbers > 0) {
      const kept = Math.min(this.numbers, SAMPLE_SIZE)
      const sample = Array.from(this.sample.subarray(0, kept)).sort((a, b) => a - b)
      return {
        kind: 'number',
        count: this.cells,
        missing: this.missing,
        min: this.min,
        max: this.max,
        ...this.moments(),
        sample,
        exact: this.numbers <= SAMPLE_SIZE
      }
    }
    const { counts, uncounted } = this.categoryCounts()
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    const top = ranked.slice(0, TOP_K).map(([value, count]) => ({ value, count }))
    const other = ranked.slice(TOP_K).reduce((s, [, n]) => s + n, uncounted)
    return { kind: 'category', count: this.cells, missing: this.missing, distinct: counts.size, top, other }
  }
}

/** Every value counted by name (at most MAX_DISTINCT of them) and how many were not. */
export interface CategoryCounts {
  counts: Map<string, number>
  uncounted: number
}

/** What one pass over an input yields: its profile and, against a reference, the counts drift needs. */
export interface InputPass {
  profile: InputProfile
  /** Number columns with a number reference: counts against the reference's sample and bins. */
  counts: Map<string, NumberCounts>
  /** Every column's values as categories (for category references). */
  categories: Map<string, CategoryCounts>
}

const CSV = /\.(csv)$/i

class InputProfiler {
  private readonly random = new Random(SAMPLE_SEED)
  readonly columns = new Map<string, ColumnStats>()
  rows = 0

  constructor(private readonly reference: InputProfile | undefined) {}

  column(name: string): ColumnStats {
    let stats = this.columns.get(name)
    if (stats === undefined) {
      stats = new ColumnStats(this.random, this.reference?.columns[name])
      // A column absent from earlier files has those rows missing.
      for (let r = 0; r < this.rows; r++) stats.addMissing()
      this.columns.set(name, stats)
    }
    return stats
  }

  async csv(file: string, shown: string): Promise<void> {
    let header: ColumnStats[] | null = null
    let width = 0
    let absent: ColumnStats[] = []
    await scanFile(file, scanner => {
      // Data only a user's own step may read: a Latin-1 file is profiled as such, not refused.
      scanner.latin1 = true
      if (header === null) {
        const names = Array.from({ length: scanner.count }, (_, c) => scanner.text(c).trim())
        checkHeader(names, shown, scanner.recordLine)
        const columns = names.map(name => this.column(name))
        absent = [...this.columns.values()].filter(s => !columns.includes(s))
        header = columns
        width = names.length
        return
      }
      if (scanner.count !== width) throw scanner.widthError(shown, width)
      const columns: ColumnStats[] = header
      for (let c = 0; c < width; c++) {
        const s = columns[c]!
        const v = scanner.number(c)
        if (v === null) s.addMissing()
        else if (v === undefined) s.addText(scanner.text(c).trim())
        else s.addNumber(v)
      }
      this.rows++
      for (const s of absent) s.addMissing()
    })
    if (header === null) throw new CsvError(`${shown}: the file is empty; a CSV file starts with a header row naming its columns`)
  }

  async jsonLines(file: string, shown: string): Promise<void> {
    // As for CSV, a Latin-1 line is profiled as such.
    await forEachJsonLineOrLatin1(file, shown, record => {
      const present = new Set<ColumnStats>()
      for (const [name, value] of Object.entries(record)) {
        const s = this.column(name)
        present.add(s)
        if (value === null || value === '') s.addMissing()
        // A number beyond the doubles (1e999 reads as Infinity) is no number, as in a CSV cell.
        else if (typeof value === 'number') {
          if (Number.isFinite(value)) s.addNumber(value)
          else s.addText(String(value))
        } else if (typeof value === 'string') s.addText(value)
        else s.addText(typeof value === 'boolean' ? String(value) : JSON.stringify(value))
      }
      this.rows++
      for (const [, s] of this.columns) if (!present.has(s)) s.addMissing()
    })
  }

  finish(): InputPass {
    const columns: Record<string, ColumnProfile> = {}
    const counts = new Map<string, NumberCounts>()
    const categories = new Map<string, CategoryCounts>()
    for (const [name, s] of this.columns) {
      columns[name] = s.finish()
      if (s.counts !== null) counts.set(name, s.counts)
      if (this.reference?.columns[name]?.kind === 'category') categories.set(name, s.categoryCounts())
    }
    return { profile: { rows: this.rows, columns }, counts, categories }
  }
}

/**
 * Profiles one data input in one pass; with `reference` (the champion's profile of the input) it
 * also counts the new numbers against the reference. A file that cannot be parsed is an InputError
 * naming file:line.
 */
export async function profileInput(root: string, input: ResolvedDataInput, reference?: InputProfile): Promise<InputPass> {
  const other = input.absolutePaths.filter(f => !CSV.test(f) && !JSON_LINES.test(f))
  if (other.length > 0) {
    const shown = path.relative(root, other[0]!) || other[0]!
    return {
      profile: { rows: 0, columns: {}, skipped: `holds files that are neither CSV nor JSON Lines (${shown})` },
      counts: new Map(),
      categories: new Map()
    }
  }
  const profiler = new InputProfiler(reference)
  for (const file of input.absolutePaths) {
    const shown = path.relative(root, file) || file
    try {
      if (CSV.test(file)) await profiler.csv(file, shown)
      else await profiler.jsonLines(file, shown)
    } catch (err) {
      // The scanner's own errors name the absolute path: shown relative, as the others.
      if (err instanceof CsvError) throw new InputError([{ message: `data input ${input.name}: ${err.message.replace(`${file}:`, `${shown}:`)}` }], 'bad-data')
      throw err
    }
  }
  return profiler.finish()
}

/** Profiles every input; returns the bundle's profile and each input's pass against `references`. */
export async function profileData(
  root: string,
  inputs: ResolvedDataInput[],
  references: Record<string, InputProfile> = {}
): Promise<{ profile: DataProfile; passes: Map<string, InputPass> }> {
  const profile: DataProfile = { version: 1, sampleSize: SAMPLE_SIZE, topK: TOP_K, inputs: {} }
  const passes = new Map<string, InputPass>()
  for (const input of inputs) {
    const pass = await profileInput(root, input, references[input.name])
    profile.inputs[input.name] = pass.profile
    passes.set(input.name, pass)
  }
  fitBudget(profile)
  return { profile, passes }
}
