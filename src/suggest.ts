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
  if (word.length >= 3 && extended.length === 1) return extended[0]
  // A longer form of a candidate ("automatic" for "auto", "gated" for "gate") plainly meant it too.
  const shortened = candidates.filter(c => c.length >= 3 && lower.startsWith(c.toLowerCase()))
  return shortened.length === 1 ? shortened[0] : undefined
}
