/**
 * Class labels and slice values as keys: one rule for the built-in trainers (their classes, the
 * labels of the data they evaluate) and the metrics computed from predictions (classes, slices), so
 * that a value is one class or one slice everywhere.
 */
import { DECIMAL } from './csv/scan.js'

/**
 * A value as a key: blanks around it are no part of it; a decimal number is its value (`1`, `1.0`,
 * `01` and `1e0` are the key "1"), as a writer that stores an integer column as floats writes 1.0; a
 * boolean is one key whatever its case (`True`, `TRUE` and `true` are "true"), as different tools
 * write it; any other text is itself.
 */
export function classKey(text: string): string {
  const trimmed = text.trim()
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase()
  if (!DECIMAL.test(trimmed)) return trimmed
  const value = Number(trimmed)
  return Number.isFinite(value) ? String(value) : trimmed
}

const BINARY_SPELLINGS: Record<string, string> = { true: '1', false: '0', '1': 'true', '0': 'false' }

/**
 * In a binary task whose two classes are 0 and 1, or false and true, a boolean and its number are one
 * class (true is 1, false is 0): the key of the other spelling of `key`, when `classes` (keys) are such
 * a pair and `key` is one of those values; otherwise undefined.
 */
export function binarySpelling(classes: readonly string[], key: string): string | undefined {
  if (classes.length !== 2) return undefined
  const pair = [...classes].sort().join()
  if (pair !== '0,1' && pair !== 'false,true') return undefined
  return BINARY_SPELLINGS[key]
}
