/**
 * The weight comparison of linear models: feature | champion weight | candidate weight | difference,
 * largest changes first. It reads `weights.json` (`{"weights": {"<feature>": number}}`) from both
 * model directories: the built-in trainers write it, and so may any user's trainer; a model without
 * it simply has no comparison.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { WEIGHTS_FILE } from '../contract-names.js'
import { formatNumber } from './format.js'

/** At most this many rows in the report; result.json has them all. */
const REPORT_ROWS = 15

export interface WeightChange {
  feature: string
  /** Null when the champion has no such feature (a category first seen by the candidate). */
  champion: number | null
  candidate: number | null
  /** Candidate minus champion, an absent weight counting as 0. */
  difference: number
}

/** The model's weights, or null when it has no readable weights.json (the reason goes to `warn`). */
export async function readWeights(dir: string, warn: (message: string) => void): Promise<Record<string, number> | null> {
  const file = path.join(dir, WEIGHTS_FILE)
  const text = await readFile(file, 'utf8').catch(() => null)
  if (text === null) return null
  try {
    const weights = (JSON.parse(text) as { weights?: unknown }).weights
    if (weights && typeof weights === 'object' && Object.values(weights).every(w => typeof w === 'number')) return weights as Record<string, number>
  } catch {
    // Reported below, like a file of the wrong shape.
  }
  warn(`${WEIGHTS_FILE} of ${dir} is not {"weights": {"<feature>": number}}; the report shows no weight comparison`)
  return null
}

export function compareWeights(champion: Record<string, number>, candidate: Record<string, number>): WeightChange[] {
  const features = [...new Set([...Object.keys(champion), ...Object.keys(candidate)])]
  return features
    .map(feature => {
      const before = Object.hasOwn(champion, feature) ? champion[feature]! : null
      const after = Object.hasOwn(candidate, feature) ? candidate[feature]! : null
      return { feature, champion: before, candidate: after, difference: (after ?? 0) - (before ?? 0) }
    })
    .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.feature.localeCompare(b.feature))
}

/** The report's section, or nothing when there is no comparison. */
export function weightsSection(changes: WeightChange[] | undefined, table: (header: string[], rows: string[][]) => string): string[] {
  if (!changes || changes.length === 0) return []
  const shown = changes.slice(0, REPORT_ROWS)
  const rows = shown.map(c => [c.feature, formatNumber(c.champion), formatNumber(c.candidate), `${c.difference > 0 ? '+' : ''}${formatNumber(c.difference)}`])
  const more = changes.length - shown.length
  return [
    '### Weights',
    '',
    'How training moved the model, largest changes first:',
    '',
    table(['feature', 'champion weight', 'candidate weight', 'difference'], rows),
    ...(more > 0 ? ['', `…and ${more} smaller changes (all in result.json, \`weights\`).`] : []),
    ''
  ]
}
