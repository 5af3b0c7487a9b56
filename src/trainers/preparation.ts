/**
 * Data preparation that survives retraining: fitted once, on the first training data, stored in the
 * bundle, and reused frozen by every warm start, so each weight keeps meaning "this feature, scaled
 * by statistics of the first data". New categories get new features appended at the end of the
 * vector (zero weights, so the model's other predictions are unchanged by their arrival).
 */
import { cellText, hasColumn, parseNumber, rowOrigin, type Table } from './csv.js'
import { TrainerError } from './errors.js'
import type { TrainerOptions } from './options.js'
import { sharedFloat64Array } from './kernels.js'

export interface NumericColumn {
  column: string
  /** The value is mapped to (value - center) / scale; a missing value is `fill` first. */
  center: number
  scale: number
  fill: number
}

export type CategoricalColumn = { column: string; encoding: 'one-hot'; categories: string[] } | { column: string; encoding: 'hash'; buckets: number }

export type FeatureSlot =
  | { name: string; kind: 'numeric' | 'missing' | 'other'; column: string }
  | { name: string; kind: 'category'; column: string; category: string }
  | { name: string; kind: 'hash'; column: string; bucket: number }

export interface Preparation {
  label: string
  idColumn: string | null
  unknownCategories: TrainerOptions['unknownCategories']
  missingIndicators: boolean
  numeric: NumericColumn[]
  categorical: CategoricalColumn[]
  /** The feature vector's layout, in order; weights follow it. */
  features: FeatureSlot[]
}

/** The columns a preparation reads from every row. */
export function preparedColumns(prep: Preparation): string[] {
  return [...prep.numeric.map(c => c.column), ...prep.categorical.map(c => c.column)]
}

/** The columns of `columns` that `table` lacks, for messages that name them. */
export function missingColumns(table: Table, columns: string[]): string[] {
  return columns.filter(c => !hasColumn(table, c))
}

/**
 * A kept column read as numbers: row i's value is `values[i * stride + offset]`, NaN when missing;
 * `firstBad` is the first row of `rows` holding a cell that is no number, or -1.
 */
function numericView(table: Table, column: string, rows: Int32Array): { values: Float64Array; stride: number; offset: number; firstBad: number } {
  const k = table.matrixColumns.indexOf(column)
  if (k !== -1) return { values: table.matrix, stride: table.matrixColumns.length, offset: k, firstBad: -1 }
  const numbers = table.numbers.get(column)
  if (numbers) return { values: numbers, stride: 1, offset: 0, firstBad: -1 }
  const { codes, values } = table.text.get(column)!
  const parsed = values.map(parseNumber)
  const asNumbers = Float64Array.from(parsed, v => (typeof v === 'number' ? v : Number.NaN))
  const firstBad = rows.find(row => parsed[codes[row]!] === undefined)
  return { values: Float64Array.from(codes, code => asNumbers[code]!), stride: 1, offset: 0, firstBad: firstBad ?? -1 }
}

/** A kept column as text: `codes[row]` indexes `values`. */
function textView(table: Table, column: string): { codes: Int32Array; values: string[] } {
  const text = table.text.get(column)
  if (text) return text
  // A column kept as numbers holds only numbers and empty cells; as text, the shortest form of each.
  const codes = new Int32Array(table.rows)
  const index = new Map<string, number>()
  const values: string[] = []
  for (let row = 0; row < table.rows; row++) {
    const cell = cellText(table, column, row)
    let code = index.get(cell)
    if (code === undefined) {
      code = values.length
      index.set(cell, code)
      values.push(cell)
    }
    codes[row] = code
  }
  return { codes, values }
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Count, sum, extremes and (when asked) squared deviations from the mean of one numeric column over `rows`, NaN skipped. */
interface ColumnStat {
  count: number
  sum: number
  min: number
  max: number
  squares: number
}

/** The same for every column of a row-major matrix, column k at index k. */
interface ColumnStats {
  count: Float64Array
  sum: Float64Array
  min: Float64Array
  max: Float64Array
  squares: Float64Array
}

/**
 * Sums in row order, as the statistics have always been computed (each column's own sum, added row
 * by row), so the results stay bit for bit the same.
 */
export function columnStat(values: Float64Array, stride: number, offset: number, rows: Int32Array, withSquares: boolean): ColumnStat {
  let count = 0
  let sum = 0
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  for (let r = 0; r < rows.length; r++) {
    const v = values[rows[r]! * stride + offset]!
    if (Number.isNaN(v)) continue
    count++
    sum += v
    if (v < min) min = v
    if (v > max) max = v
  }
  let squares = 0
  if (withSquares && count > 0) {
    const mean = sum / count
    for (let r = 0; r < rows.length; r++) {
      const v = values[rows[r]! * stride + offset]!
      if (!Number.isNaN(v)) squares += (v - mean) ** 2
    }
  }
  return { count, sum, min, max, squares }
}

/**
 * Every column of the matrix at once: one pass over the rows for the sums (and one more for the
 * squares), each row read whole, where a column at a time would stride through the whole matrix
 * twice per column. Each column's sums are still added in row order, so they equal columnStat's.
 */
export function columnStats(matrix: Float64Array, width: number, rows: Int32Array, withSquares: boolean): ColumnStats {
  const count = new Float64Array(width)
  const sum = new Float64Array(width)
  const min = new Float64Array(width).fill(Number.POSITIVE_INFINITY)
  const max = new Float64Array(width).fill(Number.NEGATIVE_INFINITY)
  const squares = new Float64Array(width)
  for (let r = 0; r < rows.length; r++) {
    const base = rows[r]! * width
    for (let k = 0; k < width; k++) {
      const v = matrix[base + k]!
      if (Number.isNaN(v)) continue
      count[k]++
      sum[k] += v
      if (v < min[k]!) min[k] = v
      if (v > max[k]!) max[k] = v
    }
  }
  if (withSquares) {
    const mean = Float64Array.from(sum, (s, k) => s / count[k]!)
    for (let r = 0; r < rows.length; r++) {
      const base = rows[r]! * width
      for (let k = 0; k < width; k++) {
        const v = matrix[base + k]!
        if (!Number.isNaN(v)) squares[k] += (v - mean[k]!) ** 2
      }
    }
  }
  return { count, sum, min, max, squares }
}

function statsOf(stats: ColumnStats, k: number): ColumnStat {
  return { count: stats.count[k]!, sum: stats.sum[k]!, min: stats.min[k]!, max: stats.max[k]!, squares: stats.squares[k]! }
}

/**
 * A column read as categories because some cell is not a number while others are (`1,000`, `?`, a
 * typo in a numeric feature): a note naming the first such cell, since every distinct number then
 * becomes a category of its own.
 */
function noteMixedColumn(table: Table, column: string, rows: Int32Array, view: ReturnType<typeof numericView>, notes: string[]): void {
  let numbers = 0
  for (let r = 0; r < rows.length; r++) if (!Number.isNaN(view.values[rows[r]! * view.stride + view.offset]!)) numbers++
  if (numbers === 0) return
  notes.push(
    `column ${column} is read as categories, not numbers: ${rowOrigin(table, view.firstBad)} holds ${JSON.stringify(cellText(table, column, view.firstBad))} ` +
      `(${numbers} of ${rows.length} rows hold numbers); fix that cell (a missing value is empty, NA, NaN or null), or list the column under categorical to keep it so`
  )
}

/** Fits the preparation on the training rows; `notes` collects what a person should know. */
export function fitPreparation(table: Table, rows: Int32Array, options: TrainerOptions, notes: string[]): Preparation {
  const excluded = new Set([options.label, options.idColumn, ...options.ignore])
  const columns = options.features ?? table.columns.filter(c => !excluded.has(c))
  const absent = missingColumns(table, [...columns, ...options.categorical.filter(c => !excluded.has(c))])
  if (absent.length > 0) {
    const partly = table.partial.filter(p => absent.includes(p.column)).map(p => `; ${p.column} is not in every file (${p.lackedBy} lacks it)`)
    throw new TrainerError(
      `with.features names column(s) the training data lacks: ${absent.join(', ')} (columns: ${table.columns.join(', ')})${partly.join('')}`
    )
  }
  const prep: Preparation = {
    label: options.label,
    idColumn: hasColumn(table, options.idColumn) ? options.idColumn : null,
    unknownCategories: options.unknownCategories,
    missingIndicators: options.missingIndicators,
    numeric: [],
    categorical: [],
    features: []
  }
  let matrixStats: ColumnStats | null = null
  for (const column of columns) {
    const view = options.categorical.includes(column) ? null : numericView(table, column, rows)
    if (view && view.firstBad !== -1) noteMixedColumn(table, column, rows, view, notes)
    if (view && view.firstBad === -1) {
      const k = view.values === table.matrix ? view.offset : -1
      if (k !== -1 && matrixStats === null) matrixStats = columnStats(table.matrix, view.stride, rows, options.normalize === 'standard')
      const { count, sum, min, max, squares } =
        k !== -1 ? statsOf(matrixStats!, k) : columnStat(view.values, view.stride, view.offset, rows, options.normalize === 'standard')
      if (count === 0) {
        notes.push(`column ${column} has no values in the training data; it is not used`)
        continue
      }
      const mean = sum / count
      let center = 0
      let scale = 1
      if (options.normalize === 'standard') {
        const std = Math.sqrt(squares / count)
        center = mean
        scale = std > 0 ? std : 1
      } else if (options.normalize === 'min-max') {
        center = min
        scale = max > min ? max - min : 1
      }
      if (![mean, center, scale].every(Number.isFinite)) {
        // Sums or squares past the largest double: the model would store null for them and score NaN.
        throw new TrainerError(
          `column ${column} holds numbers too large for the trainer's arithmetic (from ${min} to ${max}; its ${Number.isFinite(mean) ? 'spread' : 'sum'} overflows): ` +
            'rescale the column, write a sentinel such as 1e300 as a missing value, or leave the column out (with.ignore)'
        )
      }
      prep.numeric.push({ column, center, scale, fill: mean })
      prep.features.push({ name: column, kind: 'numeric', column })
      if (options.missingIndicators) prep.features.push({ name: `${column} (missing)`, kind: 'missing', column })
    } else if (options.categoricalEncoding === 'hash') {
      prep.categorical.push({ column, encoding: 'hash', buckets: options.hashBuckets })
      for (let bucket = 0; bucket < options.hashBuckets; bucket++) prep.features.push({ name: `${column}#${bucket}`, kind: 'hash', column, bucket })
    } else {
      const { codes, values } = textView(table, column)
      const counts = new Int32Array(values.length)
      for (let r = 0; r < rows.length; r++) counts[codes[rows[r]!]!]!++
      // Sorted, so the layout does not depend on row order.
      const keep = values
        .filter((cell, code) => cell !== '' && counts[code]! > 0 && (options.unknownCategories === 'extend' || counts[code]! >= options.minCategoryCount))
        .sort()
      prep.categorical.push({ column, encoding: 'one-hot', categories: keep })
      for (const category of keep) prep.features.push({ name: `${column}=${category}`, kind: 'category', column, category })
      if (options.unknownCategories === 'other') prep.features.push({ name: `${column}=(other)`, kind: 'other', column })
      if (keep.length > 50) notes.push(`column ${column} has ${keep.length} categories; consider categorical-encoding: hash or ignore: [${column}]`)
    }
  }
  if (prep.features.length === 0) throw new TrainerError(`no feature columns to train on (columns: ${table.columns.join(', ')}; label ${options.label})`)
  return prep
}

/**
 * One-hot columns in `extend` mode: a category the preparation has not seen gets a new feature at
 * the end of the vector. Returns the names of the features added, in order.
 */
export function extendCategories(prep: Preparation, table: Table, rows: Int32Array): string[] {
  if (prep.unknownCategories !== 'extend') return []
  const added: string[] = []
  for (const col of prep.categorical) {
    if (col.encoding !== 'one-hot') continue
    const known = new Set(col.categories)
    const { codes, values } = textView(table, col.column)
    const seen = new Uint8Array(values.length)
    for (let r = 0; r < rows.length; r++) seen[codes[rows[r]!]!] = 1
    const fresh = values.filter((cell, code) => seen[code] === 1 && cell !== '' && !known.has(cell))
    for (const category of fresh.sort()) {
      col.categories.push(category)
      const name = `${col.column}=${category}`
      prep.features.push({ name, kind: 'category', column: col.column, category })
      added.push(name)
    }
  }
  return added
}

/**
 * What a warm start's frozen preparation leaves out of this data, for notes: columns that would be
 * features here (`candidates`) but are not in the champion's layout, and the champion's numeric
 * columns that hold no value in `rows` (each row then gets the champion's fill value).
 */
export function frozenPreparationNotes(prep: Preparation, table: Table, rows: Int32Array, candidates: string[]): string[] {
  const notes: string[] = []
  const read = new Set(preparedColumns(prep))
  const unread = candidates.filter(c => !read.has(c) && c !== prep.label && hasColumn(table, c))
  if (unread.length > 0) {
    notes.push(
      `column(s) ${unread.join(', ')} are not among the champion's features, whose layout a warm start keeps; they are not used ` +
        '(to use them, train from scratch: warm-start: fallback and a changed option such as with.features)'
    )
  }
  for (const col of prep.numeric) {
    if (!hasColumn(table, col.column)) continue
    const view = numericView(table, col.column, rows)
    if (view.firstBad !== -1) continue
    let values = 0
    for (let r = 0; r < rows.length && values === 0; r++) if (!Number.isNaN(view.values[rows[r]! * view.stride + view.offset]!)) values++
    if (values === 0) notes.push(`column ${col.column} holds no value in the training data: every row gets the champion's fill value, ${col.fill}`)
  }
  return notes
}

/** Whether the features are the table's matrix columns, in order, each scaled: the matrix can become them. */
function featuresAreMatrix(prep: Preparation, table: Table): boolean {
  const m = table.matrixColumns.length
  return (
    prep.categorical.length === 0 &&
    prep.features.length === m &&
    prep.numeric.length === m &&
    prep.features.every((f, j) => f.kind === 'numeric' && f.column === table.matrixColumns[j] && prep.numeric[j]!.column === f.column)
  )
}

/**
 * Applies the frozen preparation to `rows` of `table`: a row-major matrix of rows x features. When
 * the features are the table's numeric matrix, it is transformed in place and handed over (the table
 * keeps no matrix afterwards), so the data is held once.
 */
export function featurize(prep: Preparation, table: Table, rows: Int32Array): Float64Array {
  const d = prep.features.length
  const n = rows.length
  if (featuresAreMatrix(prep, table)) {
    const x = table.matrix
    table.matrix = new Float64Array(0)
    table.matrixColumns = []
    const center = Float64Array.from(prep.numeric, c => c.center)
    const scale = Float64Array.from(prep.numeric, c => c.scale)
    const fill = Float64Array.from(prep.numeric, c => c.fill)
    // Row r is written where row rows[r] >= r was read: ascending rows never overwrite unread ones.
    for (let r = 0; r < n; r++) {
      const from = rows[r]! * d
      const to = r * d
      for (let j = 0; j < d; j++) {
        const v = x[from + j]!
        x[to + j] = ((Number.isNaN(v) ? fill[j]! : v) - center[j]!) / scale[j]!
      }
    }
    return x.subarray(0, n * d)
  }
  const x = sharedFloat64Array(n * d)
  const slotOf = new Map<string, number>()
  prep.features.forEach((f, j) => {
    const key = f.kind === 'category' ? `${f.column}\u0000=${f.category}` : f.kind === 'hash' ? `${f.column}\u0000#${f.bucket}` : `${f.column}\u0000${f.kind}`
    slotOf.set(key, j)
  })
  for (const col of prep.numeric) {
    const view = numericView(table, col.column, rows)
    if (view.firstBad !== -1) {
      const cell = cellText(table, col.column, view.firstBad)
      throw new TrainerError(`${rowOrigin(table, view.firstBad)}: column ${col.column} is numeric but holds ${JSON.stringify(cell)}`)
    }
    const at = slotOf.get(`${col.column}\u0000numeric`)!
    const missingAt = slotOf.get(`${col.column}\u0000missing`)
    for (let r = 0; r < n; r++) {
      const value = view.values[rows[r]! * view.stride + view.offset]!
      const missing = Number.isNaN(value)
      x[r * d + at] = ((missing ? col.fill : value) - col.center) / col.scale
      if (missingAt !== undefined && missing) x[r * d + missingAt] = 1
    }
  }
  for (const col of prep.categorical) {
    const { codes, values } = textView(table, col.column)
    const otherAt = slotOf.get(`${col.column}\u0000other`)
    // An unknown category (evaluation data, or `other` mode) is the other bucket, or all zeros.
    const slots = Int32Array.from(values, cell => {
      if (cell === '') return -1
      const at =
        col.encoding === 'hash' ? slotOf.get(`${col.column}\u0000#${fnv1a(cell) % col.buckets}`) : (slotOf.get(`${col.column}\u0000=${cell}`) ?? otherAt)
      return at ?? -1
    })
    for (let r = 0; r < n; r++) {
      const at = slots[codes[rows[r]!]!]!
      if (at !== -1) x[r * d + at] = 1
    }
  }
  return x
}
