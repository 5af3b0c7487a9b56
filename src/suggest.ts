import { distance } from 'fastest-levenshtein'

/** The candidate nearest to `word` when it is close enough to be a likely misspelling of it. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  // Short words get fewer edits, so typos (a swap of two letters costs 2) are caught without
  // proposing unrelated names.
  const tolerance = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3
  if (bestDistance <= tolerance) return best
  // An abbreviation ("descr") is far from the full word by edits but plainly meant it.
  const lower = word.toLowerCase()
  const extended = candidates.filter(c => c.toLowerCase().startsWith(lower))
  return word.length >= 3 && extended.length === 1 ? extended[0] : undefined
}
