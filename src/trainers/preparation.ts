/**
 * Data preparation that survives retraining: fitted once, on the first training data, stored in the
 * bundle, and reused frozen by every warm start, so each weight keeps meaning "this feature, scaled
 * by statistics of the first data". New categories get new features appended at the end of the
 * vector (zero weights, so the model's other predictions are unchanged by their arrival).
 */
import { parseNumber, rowOrigin, type Table } from './csv.js'
import { TrainerError } from './errors.js'
import type { TrainerOptions } from './options.js'

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
  return columns.filter(c => !table.cells.has(c))
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Fits the preparation on the training rows; `notes` collects what a person should know. */
export function fitPreparation(table: Table, rows: number[], options: TrainerOptions, notes: string[]): Preparation {
  const excluded = new Set([options.label, options.idColumn, ...options.ignore])
  const columns = options.features ?? table.columns.filter(c => !excluded.has(c))
  const absent = missingColumns(table, [...columns, ...options.categorical.filter(c => !excluded.has(c))])
  if (absent.length > 0) {
    throw new TrainerError(`with.features names column(s) the training data lacks: ${absent.join(', ')} (columns: ${table.columns.join(', ')})`)
  }
  const prep: Preparation = {
    label: options.label,
    idColumn: table.cells.has(options.idColumn) ? options.idColumn : null,
    unknownCategories: options.unknownCategories,
    missingIndicators: options.missingIndicators,
    numeric: [],
    categorical: [],
    features: []
  }
  for (const column of columns) {
    const cells = rows.map(i => table.cells.get(column)![i]!)
    const values = cells.map(parseNumber)
    const numeric = !options.categorical.includes(column) && values.every(v => v !== undefined)
    if (numeric) {
      const present = values.filter((v): v is number => v !== null)
      if (present.length === 0) {
        notes.push(`column ${column} has no values in the training data; it is not used`)
        continue
      }
      const mean = present.reduce((a, b) => a + b, 0) / present.length
      let center = 0
      let scale = 1
      if (options.normalize === 'standard') {
        const std = Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / present.length)
        center = mean
        scale = std > 0 ? std : 1
      } else if (options.normalize === 'min-max') {
        // Loops, not Math.min(...present): a spread of a long column exceeds the call stack.
        let min = Number.POSITIVE_INFINITY
        let max = Number.NEGATIVE_INFINITY
        for (const v of present) {
          if (v < min) min = v
          if (v > max) max = v
        }
        center = min
        scale = max > min ? max - min : 1
      }
      prep.numeric.push({ column, center, scale, fill: mean })
      prep.features.push({ name: column, kind: 'numeric', column })
      if (options.missingIndicators) prep.features.push({ name: `${column} (missing)`, kind: 'missing', column })
    } else if (options.categoricalEncoding === 'hash') {
      prep.categorical.push({ column, encoding: 'hash', buckets: options.hashBuckets })
      for (let bucket = 0; bucket < options.hashBuckets; bucket++) prep.features.push({ name: `${column}#${bucket}`, kind: 'hash', column, bucket })
    } else {
      const counts = new Map<string, number>()
      for (const cell of cells) if (cell !== '') counts.set(cell, (counts.get(cell) ?? 0) + 1)
      // Sorted, so the layout does not depend on row order.
      const keep = [...counts]
        .filter(([, n]) => options.unknownCategories === 'extend' || n >= options.minCategoryCount)
        .map(([c]) => c)
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
export function extendCategories(prep: Preparation, table: Table, rows: number[]): string[] {
  if (prep.unknownCategories !== 'extend') return []
  const added: string[] = []
  for (const col of prep.categorical) {
    if (col.encoding !== 'one-hot') continue
    const known = new Set(col.categories)
    const fresh = new Set<string>()
    const cells = table.cells.get(col.column)!
    for (const i of rows) if (cells[i] !== '' && !known.has(cells[i]!)) fresh.add(cells[i]!)
    for (const category of [...fresh].sort()) {
      col.categories.push(category)
      const name = `${col.column}=${category}`
      prep.features.push({ name, kind: 'category', column: col.column, category })
      added.push(name)
    }
  }
  return added
}

/** Applies the frozen preparation to `rows` of `table`: a row-major matrix of rows x features. */
export function featurize(prep: Preparation, table: Table, rows: number[]): Float64Array {
  const d = prep.features.length
  const x = new Float64Array(rows.length * d)
  const slotOf = new Map<string, number>()
  prep.features.forEach((f, j) => {
    const key = f.kind === 'category' ? `${f.column}\u0000=${f.category}` : f.kind === 'hash' ? `${f.column}\u0000#${f.bucket}` : `${f.column}\u0000${f.kind}`
    slotOf.set(key, j)
  })
  for (const col of prep.numeric) {
    const cells = table.cells.get(col.column)!
    const at = slotOf.get(`${col.column}\u0000numeric`)!
    const missingAt = slotOf.get(`${col.column}\u0000missing`)
    rows.forEach((i, r) => {
      const value = parseNumber(cells[i]!)
      if (value === undefined) {
        throw new TrainerError(`${rowOrigin(table, i)}: column ${col.column} is numeric but holds ${JSON.stringify(cells[i])}`)
      }
      x[r * d + at] = ((value ?? col.fill) - col.center) / col.scale
      if (missingAt !== undefined && value === null) x[r * d + missingAt] = 1
    })
  }
  for (const col of prep.categorical) {
    const cells = table.cells.get(col.column)!
    const otherAt = slotOf.get(`${col.column}\u0000other`)
    rows.forEach((i, r) => {
      const cell = cells[i]!
      if (cell === '') return
      // An unknown category (evaluation data, or `other` mode) is the other bucket, or all zeros.
      const at =
        col.encoding === 'hash' ? slotOf.get(`${col.column}\u0000#${fnv1a(cell) % col.buckets}`) : (slotOf.get(`${col.column}\u0000=${cell}`) ?? otherAt)
      if (at !== undefined) x[r * d + at] = 1
    })
  }
  return x
}
