/**
 * Data paths that hold `${{ }}` expressions (`data/batches/${{ params.batch }}.csv`): a value from a
 * param or an event names a file, so it must stay under the spec's root. The loader checks the
 * literal text, enum values and defaults; the engine checks the values a run is given.
 */
import path from 'node:path'
import { preview } from './names.js'

/**
 * Why `text` (a data path, or a value standing in one) could leave the root: it is absolute, or one of
 * its segments is `..`. Null when it stays under the root. Both separators count: a value may come
 * from anywhere.
 */
export function pathEscapeProblem(text: string): string | null {
  if (path.posix.isAbsolute(text) || path.win32.isAbsolute(text) || /^[A-Za-z]:/.test(text)) return 'is an absolute path'
  if (text.split(/[\\/]/).some(segment => segment === '..')) return 'holds a ".." segment'
  return null
}

/** The sentence a refused value gets: which value, what it would make, and what is allowed. */
export function describeEscape(input: string, source: string, value: string, problem: string, root: string): string {
  return (
    `data input "${input}": ${source} = ${preview(value)} ${problem}, which would read outside the spec's root (${root}); ` +
    'a value in a data path must name a file under root: no absolute paths, no ".." segments'
  )
}
