/**
 * The shape of the data profile a bundle's lineage keeps (schemas/manifest.schema.json, dataProfile);
 * profile.ts computes it. A leaf, so the manifest's types can name it.
 */

export interface NumberColumnProfile {
  kind: 'number'
  /** Cells, missing ones included. */
  count: number
  missing: number
  min: number
  max: number
  mean: number
  /** Sample standard deviation (n - 1 in the denominator); 0 with one value. */
  std: number
  /** Sorted: every value when `exact`, else a uniform sample of SAMPLE_SIZE values. */
  sample: number[]
  exact: boolean
}

export interface CategoryColumnProfile {
  kind: 'category'
  count: number
  missing: number
  /** Distinct values seen (at most MAX_DISTINCT are told apart). */
  distinct: number
  /** The most frequent values, most frequent first (ties by value). */
  top: { value: string; count: number }[]
  /** Present cells whose value is not in `top`. */
  other: number
}

export type ColumnProfile = NumberColumnProfile | CategoryColumnProfile

export interface InputProfile {
  /** Data rows over all files. */
  rows: number
  columns: Record<string, ColumnProfile>
  /** Set when the input was not profiled (files that are neither CSV nor JSON Lines). */
  skipped?: string
}

export interface DataProfile {
  version: 1
  sampleSize: number
  topK: number
  inputs: Record<string, InputProfile>
}
