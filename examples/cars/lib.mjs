// What train.mjs and evaluate.mjs share: CSV reading and writing, the contract's environment,
// applying the frozen preprocessing, and prediction. Plain Node, no dependencies, so the example
// runs anywhere Node 20+ does.

import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { createHash } from 'node:crypto'

/** Written into model.json so evaluate.mjs can refuse a model it does not understand. */
export const MODEL_FORMAT = 'retrain-example/cars-linear'
export const MODEL_FORMAT_VERSION = 1

/** Report a problem the user must fix and stop; a non-zero exit is what fails the step. */
export function fail(message) {
  process.stderr.write(`error: ${message}\n`)
  process.exit(1)
}

/** A contract variable that must be present (the engine always sets these). */
export function requireEnv(name) {
  const value = process.env[name]
  if (value === undefined || value === '') fail(`${name} is not set; run this script through retrain or set it by hand (see README.md)`)
  return value
}

/** Paths of a data input: the engine passes them newline-separated, absolute. */
export function dataPaths(inputName) {
  const variable = `RETRAIN_DATA_${inputName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`
  const paths = requireEnv(variable).split(/\r?\n/).map((p) => p.trim()).filter((p) => p !== '')
  if (paths.length === 0) fail(`${variable} lists no files`)
  return paths
}

/**
 * A run parameter: RETRAIN_PARAM_<NAME> first, then the RETRAIN_PARAMS JSON object (keys normalised
 * the same way), then the default, so the script also works when run by hand with neither.
 */
export function param(name, fallback, { integer = false, min = -Infinity, max = Infinity } = {}) {
  const key = name.toUpperCase().replace(/[^A-Z0-9]/g, '_')
  let raw = process.env[`RETRAIN_PARAM_${key}`]
  if ((raw === undefined || raw === '') && process.env.RETRAIN_PARAMS) {
    let params
    try {
      params = JSON.parse(process.env.RETRAIN_PARAMS)
    } catch {
      fail('RETRAIN_PARAMS is not valid JSON')
    }
    for (const [k, v] of Object.entries(params ?? {})) {
      if (k.toUpperCase().replace(/[^A-Z0-9]/g, '_') === key) raw = String(v)
    }
  }
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    fail(`param ${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], got ${JSON.stringify(raw)}`)
  }
  return value
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): quoted fields may hold commas, quotes ("") and line breaks; car names are free text.

export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1) // a BOM is not part of the first column's name
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else field += c
      i++
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      if (c === '\r' && text[i + 1] === '\n') i++
    } else field += c
    i++
  }
  if (quoted) throw new Error('unterminated quoted field')
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  // A blank line is not a record (files often end with one).
  return rows.filter((r) => !(r.length === 1 && r[0] === ''))
}

function csvField(value) {
  if (value === null || value === undefined) return ''
  const s = String(value)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(header, records) {
  const lines = [header.map(csvField).join(',')]
  for (const r of records) lines.push(header.map((h) => csvField(r[h])).join(','))
  return lines.join('\n') + '\n'
}

/**
 * Read one or more CSV files into records keyed by column name. Files are matched by name, not
 * position, so generations of data may order their columns differently. Also returns the columns
 * every file has (what the model may rely on) and a content fingerprint per file for the history.
 */
export function readCsvFiles(paths) {
  const records = []
  let columns = null
  const files = []
  for (const path of paths) {
    let text
    try {
      text = readFileSync(path, 'utf8')
    } catch (e) {
      fail(`cannot read ${path}: ${e.message}`)
    }
    let rows
    try {
      rows = parseCsv(text)
    } catch (e) {
      fail(`${path}: ${e.message}`)
    }
    if (rows.length === 0) fail(`${path} is empty (a header row is expected)`)
    const header = rows[0].map((h) => h.trim())
    for (let n = 1; n < rows.length; n++) {
      if (rows[n].length !== header.length) fail(`${path}:${n + 1}: ${rows[n].length} fields, header has ${header.length}`)
      const record = {}
      header.forEach((h, j) => (record[h] = rows[n][j]))
      records.push(record)
    }
    columns = columns === null ? header : columns.filter((c) => header.includes(c))
    // Basename and digest only: an absolute path would differ between machines and break the
    // byte-for-byte reproducibility of model.json.
    files.push({ file: basename(path), sha256: createHash('sha256').update(text).digest('hex'), rows: rows.length - 1 })
  }
  return { records, columns, files }
}

/** A numeric cell: empty means missing (null); anything else must be a number. */
export function numberCell(record, column, where) {
  const raw = (record[column] ?? '').trim()
  if (raw === '' || raw.toLowerCase() === 'na' || raw.toLowerCase() === 'nan') return null
  const value = Number(raw)
  if (!Number.isFinite(value)) fail(`${where}: column ${column} has non-numeric value ${JSON.stringify(raw)}`)
  return value
}

// ---------------------------------------------------------------------------------------------
// The model

export function loadModel(dir) {
  const path = join(dir, 'model.json')
  let model
  try {
    model = JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    fail(`cannot load ${path}: ${e.message}`)
  }
  // Refuse rather than guess: a model from another format would give silently wrong predictions,
  // and the engine must fail closed when a model cannot be evaluated.
  if (model?.format !== MODEL_FORMAT || model?.formatVersion !== MODEL_FORMAT_VERSION) {
    fail(`${path} is not a ${MODEL_FORMAT} v${MODEL_FORMAT_VERSION} model (format ${JSON.stringify(model?.format)} v${JSON.stringify(model?.formatVersion)})`)
  }
  return model
}

/** The columns a model reads: what new data must contain for the model to be reused as is. */
export function requiredColumns(model) {
  return [...new Set(model.schema.features.map((f) => f.column))]
}

/**
 * One record to the model's feature vector with the model's frozen preprocessing: numeric
 * columns are imputed with the fitted mean then standardized; a categorical column becomes
 * one-hot over the known categories (an unknown or missing category is all zeros, the average
 * case, rather than an error).
 */
export function featurize(model, record, where) {
  return model.schema.features.map((f) => {
    if (f.kind === 'numeric') {
      const stats = model.preprocessing.numeric[f.column]
      const value = numberCell(record, f.column, where) ?? stats.fill
      return (value - stats.mean) / stats.std
    }
    return (record[f.column] ?? '').trim() === f.category ? 1 : 0
  })
}

export function labelOf(model, record, where) {
  return numberCell(record, model.schema.label, where)
}

export function predict(weights, bias, x) {
  let y = bias
  for (let j = 0; j < x.length; j++) y += weights[j] * x[j]
  return y
}

/** Mean squared error of the given parameters on featurized examples. */
export function mse(weights, bias, xs, ys) {
  let total = 0
  for (let i = 0; i < xs.length; i++) total += (predict(weights, bias, xs[i]) - ys[i]) ** 2
  return total / xs.length
}

/**
 * mulberry32: a tiny seeded PRNG whose whole state is one 32-bit integer, so it can be saved in
 * model.json and resumed exactly.
 */
export function mulberry32(state) {
  let a = state >>> 0
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0
      let t = a
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    },
    get state() {
      return a
    }
  }
}
