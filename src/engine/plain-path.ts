/**
 * A quick look at a bundle path, in one pass over its characters: true only for a path that both the
 * manifest schema's relativePath pattern and packing's own path check accept (not empty; no
 * backslash, NUL or colon; no empty, '.' or '..' segment, so no leading, doubled or trailing slash).
 * The segments are split exactly here, so a line break (which the schema pattern's `.` does not
 * cross) changes nothing. False means only "look closer": the patterns decide. A model's paths are
 * nearly all plain, and tens of thousands of them are checked on each pack and each read of a manifest.
 */
export function isPlainPath(p: string): boolean {
  const n = p.length
  if (n === 0) return false
  let start = 0
  // The end of the string closes the last segment as a slash would.
  for (let i = 0; i <= n; i++) {
    const c = i === n ? SLASH : p.charCodeAt(i)
    if (c === SLASH) {
      const length = i - start
      if (length === 0) return false
      if (length <= 2 && p.charCodeAt(start) === DOT && (length === 1 || p.charCodeAt(start + 1) === DOT)) return false
      start = i + 1
    } else if (c === BACKSLASH || c === 0 || c === COLON) {
      return false
    }
  }
  return true
}

const SLASH = 0x2f
const DOT = 0x2e
const BACKSLASH = 0x5c
const COLON = 0x3a
