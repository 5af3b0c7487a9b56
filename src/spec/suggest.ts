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
  // A third of the word, within 1..3 edits: catches typos without proposing unrelated names.
  const tolerance = Math.max(1, Math.min(3, Math.floor(word.length / 3)))
  return bestDistance <= tolerance ? best : undefined
}
