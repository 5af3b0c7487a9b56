/**
 * Typed views of predictions tables: what both models share (ids, labels, groups, slices: the
 * evaluation data, which must agree between the two files) and what each model predicted.
 */
import { classKey as textKey, binarySpelling } from '../class-key.js'
import { DECIMAL } from '../csv/scan.js'
import type { PredictionTask } from '../spec/types.js'
import { sortByScore } from './kernels.js'
import { PredictionsError, type Cell, type Column, type PredictionColumns, type PredictionTable } from './predictions.js'

/** Which outputs of a model the requested metrics read. */
export interface OutputNeeds {
  prediction: boolean
  score: boolean
  /** Scores must be probabilities in [0, 1] (log loss, Brier). */
  probability: boolean
}

/** The evaluation data as both models saw it. */
/** Example ids by index, for messages. */
export interface Ids {
  readonly length: number
  at(i: number): string | null
}

export interface Examples {
  task: PredictionTask
  n: number
  ids: Ids
  /** Binary: [negative, positive]; multiclass: the class names; regression: none. */
  classes: string[]
  /** Classification: the class index of each label. */
  labelClass: Int32Array
  /** Regression: the label values. */
  labelValue: Float64Array
  /** The `group` column as indexes into `names`, when the spec declares one. */
  groups: { names: string[]; of: Int32Array } | null
  slices: { column: string; values: string[]; of: Int32Array }[]
}

export interface ModelOutputs {
  predictedClass: Int32Array | null
  predictedValue: Float64Array | null
  /** Binary: the positive class's score. */
  score: Float64Array | null
  /** Multiclass: one column of probabilities per class, in `classes` order. */
  probabilities: Float64Array[] | null
}

/**
 * A class name or slice value as a key, as the built-in trainers key classes (class-key.ts): numbers
 * and numeric text by value, booleans (JSON's, and text in any case) as true/false.
 */
function classKey(cell: Cell): string {
  if (typeof cell === 'boolean') return String(cell)
  if (typeof cell === 'number') return String(cell)
  return textKey(String(cell))
}

function where(table: PredictionTable, row: number): string {
  return `${table.file}:${table.lines.at(row)}`
}

/** A text cell that stands for a missing value. */
const MISSING_TEXT = /^\s*(na|nan|null)?\s*$/i

/** A cell in a message: a missing one (empty, NA, NaN, null) says so. */
function shown(cell: Cell): string {
  const missing = cell === null || (typeof cell === 'string' && MISSING_TEXT.test(cell))
  if (missing) return 'a missing value (empty, NA, NaN or null)'
  // JSON reads 1e999 as Infinity, which it would write as null.
  return typeof cell === 'number' && !Number.isFinite(cell) ? `${cell} (a number beyond the doubles)` : JSON.stringify(cell)
}

function column(table: PredictionTable, name: string, what: string): Column {
  const cells = table.columns.get(name)
  if (!cells) {
    throw new PredictionsError(
      `${table.file}: there is no ${what} column "${name}" (columns: ${[...table.columns.keys()].join(', ')}); write it or name the column in evaluate.predictions`
    )
  }
  return cells
}

function numberAt(table: PredictionTable, cells: Column, row: number, name: string): number {
  const cell = cells.at(row)
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' && DECIMAL.test(cell) ? Number(cell) : Number.NaN
  if (!Number.isFinite(value)) {
    throw new PredictionsError(`${where(table, row)}: "${name}" of id "${table.ids.at(row)}" must be a finite number, got ${shown(cell)}`)
  }
  return value
}

const BINARY_DEFAULT = ['0', '1']

function classesOf(task: PredictionTask, declared: string[] | undefined, table: PredictionTable, cols: PredictionColumns): string[] {
  if (task === 'binary') {
    if (declared && declared.length !== 2)
      throw new PredictionsError(`evaluate.predictions.classes must name exactly two classes for a binary task: negative, then positive`)
    return (declared ?? BINARY_DEFAULT).map(classKey)
  }
  const fromColumns = [...table.columns.keys()].filter(k => k.startsWith(cols.probabilityPrefix)).map(k => classKey(k.slice(cols.probabilityPrefix.length)))
  if (declared) return declared.map(classKey)
  if (fromColumns.length > 0) return fromColumns
  const seen = new Set<string>()
  for (const name of [cols.label, cols.prediction]) for (const cell of table.columns.get(name) ?? []) if (cell !== null) seen.add(classKey(cell))
  const numeric = [...seen].every(k => Number.isFinite(Number(k)))
  return [...seen].sort(numeric ? (a, b) => Number(a) - Number(b) : undefined)
}

function classIndexes(table: PredictionTable, cells: Column, name: string, classes: string[], binary: boolean): Int32Array {
  const index = new Map(classes.map((c, i) => [c, i]))
  // Numbers seen before, by value: a million labels need no million keys.
  const byNumber = new Map<number, number>()
  const out = new Int32Array(cells.length)
  for (let row = 0; row < cells.length; row++) {
    const cell = cells.at(row)
    if (typeof cell === 'number') {
      const known = byNumber.get(cell)
      if (known !== undefined) {
        out[row] = known
        continue
      }
    }
    let key = cell === null ? '' : classKey(cell)
    // True is 1 and false is 0 where the two classes are such a pair: a label true in one file is 1 in another.
    if (binary && !index.has(key)) key = binarySpelling(classes, key) ?? key
    const i = index.get(key)
    if (i === undefined) {
      throw new PredictionsError(
        `${where(table, row)}: "${name}" of id "${table.ids.at(row)}" is ${shown(cell)}, not one of the classes ${classes.join(', ')}; ` +
          (binary
            ? 'a binary task uses 0/1 (or true/false) unless evaluate.predictions.classes names [negative, positive]'
            : 'declare every class in evaluate.predictions.classes')
      )
    }
    out[row] = i
    if (typeof cell === 'number') byNumber.set(cell, i)
  }
  return out
}

function classesOrNull(table: PredictionTable, cells: Column, name: string, classes: string[], binary: boolean): Int32Array | null {
  try {
    return classIndexes(table, cells, name, classes, binary)
  } catch (err) {
    if (err instanceof PredictionsError) return null
    throw err
  }
}

function categories(table: PredictionTable, name: string, what: string): { names: string[]; of: Int32Array } {
  const cells = column(table, name, what)
  const index = new Map<string, number>()
  const names: string[] = []
  const of = new Int32Array(cells.length)
  for (let row = 0; row < cells.length; row++) {
    const cell = cells.at(row)
    // Examples without a group would be resampled together, as one group of their own.
    if (what === 'group' && (cell === null || (typeof cell === 'string' && MISSING_TEXT.test(cell)))) {
      throw new PredictionsError(
        `${where(table, row)}: the group ("${name}") of id "${table.ids.at(row)}" is missing; every example needs its group, or the bootstrap would resample all those without one as a single group`
      )
    }
    // A slice value is keyed as a class is: 1 and 1.0 (or True and true) are one slice, shown as first written.
    // A group is an identifier, kept as written.
    const key = cell === null ? '' : what === 'slice' ? classKey(cell) : String(cell)
    let i = index.get(key)
    if (i === undefined) {
      i = names.length
      index.set(key, i)
      names.push(cell === null ? '' : String(cell))
    }
    of[row] = i
  }
  return { names, of }
}

/**
 * The evaluation data from the candidate's file; with a baseline file (rows aligned by `order`),
 * its labels, groups and slice values must be the same for every id.
 */
export function readExamples(
  task: PredictionTask,
  declaredClasses: string[] | undefined,
  cols: PredictionColumns,
  candidate: PredictionTable,
  baseline: { table: PredictionTable; order: Int32Array } | null
): Examples {
  const n = candidate.ids.length
  const classes = task === 'regression' ? [] : classesOf(task, declaredClasses, candidate, cols)
  if (task === 'multiclass' && classes.length < 2)
    throw new PredictionsError(`${candidate.file}: a multiclass task needs at least two classes, found ${classes.length}`)
  const labels = column(candidate, cols.label, 'label')
  let labelClass: Int32Array = new Int32Array(0)
  let labelValue: Float64Array = new Float64Array(0)
  if (task === 'regression') {
    labelValue = new Float64Array(n)
    for (let row = 0; row < n; row++) labelValue[row] = numberAt(candidate, labels, row, cols.label)
  } else {
    labelClass = classIndexes(candidate, labels, cols.label, classes, task === 'binary')
  }
  const shared = [cols.label, ...(cols.group ? [cols.group] : []), ...cols.slices]
  if (baseline) {
    for (const name of shared) {
      const mine = column(candidate, name, name === cols.label ? 'label' : 'group or slice')
      const theirs = column(baseline.table, name, name === cols.label ? 'label' : 'group or slice')
      // Class labels agree by class: a binary label true in one file is 1 in the other. A baseline
      // label of no class differs from the candidate's, and is reported so below.
      const theirClass = name === cols.label && task !== 'regression' ? classesOrNull(baseline.table, theirs, name, classes, task === 'binary') : null
      for (let row = 0; row < n; row++) {
        const a = mine.at(row)
        const b = theirs.at(baseline.order[row]!)
        if (
          theirClass !== null ? labelClass[row] !== theirClass[baseline.order[row]!] : a !== b && !(a !== null && b !== null && classKey(a) === classKey(b))
        ) {
          throw new PredictionsError(
            `"${name}" of id "${candidate.ids.at(row)}" differs: ${JSON.stringify(a)} at ${where(candidate, row)}, ${JSON.stringify(b)} at ` +
              `${where(baseline.table, baseline.order[row]!)}; both models must be evaluated on the same data`
          )
        }
      }
    }
  }
  return {
    task,
    n,
    ids: candidate.ids,
    classes,
    labelClass,
    labelValue,
    groups: cols.group ? categories(candidate, cols.group, 'group') : null,
    slices: cols.slices.map(name => {
      const { names, of } = categories(candidate, name, 'slice')
      return { column: name, values: names, of }
    })
  }
}

/** One model's outputs, rows in the candidate's order (`order` maps them for the baseline). */
export function readOutputs(examples: Examples, cols: PredictionColumns, table: PredictionTable, order: Int32Array | null, needs: OutputNeeds): ModelOutputs {
  const n = examples.n
  const rowOf = (i: number) => (order ? order[i]! : i)
  const out: ModelOutputs = { predictedClass: null, predictedValue: null, score: null, probabilities: null }
  if (needs.prediction) {
    const cells = column(table, cols.prediction, 'prediction')
    if (examples.task === 'regression') {
      out.predictedValue = new Float64Array(n)
      for (let i = 0; i < n; i++) out.predictedValue[i] = numberAt(table, cells, rowOf(i), cols.prediction)
    } else {
      const byRow = classIndexes(table, cells, cols.prediction, examples.classes, examples.task === 'binary')
      out.predictedClass = new Int32Array(n)
      for (let i = 0; i < n; i++) out.predictedClass[i] = byRow[rowOf(i)]!
    }
  }
  if (needs.score && examples.task === 'binary') {
    const cells = column(table, cols.score, 'score')
    out.score = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      const v = numberAt(table, cells, rowOf(i), cols.score)
      if (needs.probability && (v < 0 || v > 1)) {
        throw new PredictionsError(
          `${where(table, rowOf(i))}: "${cols.score}" of id "${examples.ids.at(i)}" is ${v}; log loss and Brier score need a probability in [0, 1]`
        )
      }
      out.score[i] = v
    }
  }
  if (needs.score && examples.task === 'multiclass') {
    const probabilities = examples.classes.map(c => {
      const name = [...table.columns.keys()].find(k => k.startsWith(cols.probabilityPrefix) && classKey(k.slice(cols.probabilityPrefix.length)) === c)
      if (name === undefined)
        throw new PredictionsError(`${table.file}: there is no probability column "${cols.probabilityPrefix}${c}" for class ${c}; write one column per class`)
      const cells = table.columns.get(name)!
      const values = new Float64Array(n)
      for (let i = 0; i < n; i++) values[i] = numberAt(table, cells, rowOf(i), name)
      return values
    })
    for (let i = 0; i < n; i++) {
      let sum = 0
      for (const p of probabilities) {
        if (p[i]! < 0 || p[i]! > 1)
          throw new PredictionsError(`${where(table, rowOf(i))}: a class probability of id "${examples.ids.at(i)}" is ${p[i]}, outside [0, 1]`)
        sum += p[i]!
      }
      // The tolerance scikit-learn applies (numpy.allclose), so float32 softmax outputs pass.
      if (Math.abs(sum - 1) > 1e-8 + 1e-5) {
        // A model that knows a class the others do not: its column is not among the classes compared.
        const known = new Set(examples.classes)
        const extra = [...table.columns.keys()].filter(
          k => k.startsWith(cols.probabilityPrefix) && !known.has(classKey(k.slice(cols.probabilityPrefix.length)))
        )
        throw new PredictionsError(
          `${where(table, rowOf(i))}: the class probabilities of id "${examples.ids.at(i)}" sum to ${sum}, not 1` +
            (extra.length > 0
              ? ` over the classes ${examples.classes.join(', ')}; the file also has ${extra.join(', ')}, of no class compared: ` +
                'declare every class in evaluate.predictions.classes, and have every model write a column for each (0 for a class it does not know)'
              : '')
        )
      }
    }
    out.probabilities = probabilities
  }
  return out
}

/** `values` at `rows`, in that order (a plain loop: TypedArray.from with a mapping function is slow). */
function pick<T extends Int32Array | Float64Array>(values: T, rows: Uint32Array, make: (n: number) => T): T {
  const out = make(rows.length)
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]!]!
  return out
}

const ints = (n: number) => new Int32Array(n)
const floats = (n: number) => new Float64Array(n)

/** The examples at `rows`, in that order: a slice (a subset) or a reordering. */
export function pickExamples(examples: Examples, rows: Uint32Array): Examples {
  // A view through `rows`, not a copy: ids are only read for messages.
  const base = examples.ids
  const ids: Ids = { length: rows.length, at: i => base.at(rows[i]!) }
  return {
    ...examples,
    n: rows.length,
    ids,
    labelClass: examples.labelClass.length === 0 ? examples.labelClass : pick(examples.labelClass, rows, ints),
    labelValue: examples.labelValue.length === 0 ? examples.labelValue : pick(examples.labelValue, rows, floats),
    groups: examples.groups && { names: examples.groups.names, of: pick(examples.groups.of, rows, ints) },
    slices: examples.slices.map(s => ({ ...s, of: pick(s.of, rows, ints) }))
  }
}

export function pickOutputs(outputs: ModelOutputs, rows: Uint32Array): ModelOutputs {
  return {
    predictedClass: outputs.predictedClass && pick(outputs.predictedClass, rows, ints),
    predictedValue: outputs.predictedValue && pick(outputs.predictedValue, rows, floats),
    score: outputs.score && pick(outputs.score, rows, floats),
    probabilities: outputs.probabilities && outputs.probabilities.map(p => pick(p, rows, floats))
  }
}

/**
 * An order of the examples by the candidate's (first) score, or null when no metric sorts. The
 * kernels that walk a model's score order then read the weights nearly in sequence, for the
 * candidate and, its scores being similar, mostly for the baseline too: far fewer cache misses on
 * large data. Resampling is uniform over examples, so their order changes no distribution.
 */
export function localityOrder(examples: Examples, candidate: ModelOutputs): Uint32Array | null {
  const score = candidate.score ?? candidate.probabilities?.[0] ?? null
  if (!score || examples.task === 'regression') return null
  const positive = new Uint8Array(examples.n)
  const positiveClass = candidate.score ? 1 : 0
  for (let i = 0; i < examples.n; i++) positive[i] = examples.labelClass[i] === positiveClass ? 1 : 0
  return sortByScore(score, positive)
}
