/**
 * The quick path check (isPlainPath) answers yes only where both path patterns do: the manifest
 * schema's relativePath pattern (what reading a manifest accepts) and packing's own check (what a
 * pack lets into a bundle). Answering yes where either says no would let through a path they refuse.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MANIFEST_PATTERNS, PLAIN_PATH } from '../src/engine/bundle.js'
import { isPlainPath } from '../src/engine/plain-path.js'

/** Strings near the edges of the rules, line terminators and lone surrogates included (the patterns' `.` stops at the first). */
const pathLike = fc
  .array(fc.constantFrom('a', 'b', 'é', '😀', '\uD800', '\uDC00', '/', '.', '..', '\\', ':', 'C:', '\0', '\n', '\r', '\u2028', '\u2029', ' ', '-', ''), {
    maxLength: 8
  })
  .map(parts => parts.join(''))

describe('isPlainPath', () => {
  it('accepts only paths both patterns accept', () => {
    let accepted = 0
    fc.assert(
      fc.property(pathLike, p => {
        if (isPlainPath(p)) {
          accepted++
          expect(MANIFEST_PATTERNS.relativePath.test(p), JSON.stringify(p)).toBe(true)
          expect(PLAIN_PATH.test(p), JSON.stringify(p)).toBe(true)
        }
      }),
      { numRuns: 20_000 }
    )
    // The property is not met by refusing everything.
    expect(accepted).toBeGreaterThan(1000)
  })

  it('accepts the usual paths, and leaves the others to the patterns', () => {
    for (const p of ['model.bin', 'a/b/c.txt', 'modèle/données.bin', '😀/x', 'a\nb', '\uD800', 'a..b/.c/..d', '...', 'a.']) expect(isPlainPath(p), p).toBe(true)
    for (const p of ['', '/a', 'a/', 'a//b', '.', '..', './a', 'a/.', 'a/../b', 'a\\b', 'a\0b', 'C:/a', 'a:b', 'a\n/../b', 'a\u2028/../b']) {
      expect(isPlainPath(p), JSON.stringify(p)).toBe(false)
    }
  })

  it('refuses a .. segment after a line break, as the schema pattern does', () => {
    // The schema's lookaheads cross line breaks ([\s\S]), so a '..' segment after one is refused by all three.
    expect(MANIFEST_PATTERNS.relativePath.test('a\n/../b')).toBe(false)
    expect(PLAIN_PATH.test('a\n/../b')).toBe(false)
    expect(isPlainPath('a\n/../b')).toBe(false)
  })
})
