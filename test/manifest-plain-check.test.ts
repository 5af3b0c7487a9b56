/**
 * Reading a manifest checks its file and link lists with plain loops (a model may hold tens of
 * thousands of files) and the rest with the schema's validator: the loops must accept exactly what
 * the schema's `file` and `link` definitions accept, or a manifest the schema refuses could be read.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { bundleDigest, isPlainFile, isPlainLink, MANIFEST_PATTERNS } from '../src/engine/bundle.js'
import validateManifest from '../src/spec/generated/manifest-validator.js'

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, '../schemas/manifest.schema.json'), 'utf8')) as {
  $defs: { relativePath: { pattern: string }; sha256: { pattern: string }; link: { properties: { target: { pattern: string } } } }
}

const base = {
  schemaVersion: 1,
  digest: '0'.repeat(64),
  archiveSha256: '0'.repeat(64),
  archiveSize: 0,
  files: [] as unknown[],
  links: [] as unknown[],
  lineage: {
    model: 'toy',
    version: null,
    parentVersion: null,
    warmStart: { source: 'cold', reason: 'first-model' },
    specDigest: 'a'.repeat(64),
    gitCommit: null,
    params: {},
    trainingData: {},
    evaluationData: {},
    metrics: {},
    toolVersion: '0.0.0',
    createdAt: '2026-01-01T00:00:00.000Z',
    environment: { os: 'linux', arch: 'x64', runtimes: {}, lockfiles: {}, containerImage: null }
  }
}

/** Strings near the edges of the path rules: slashes, dots, backslashes, colons, NUL, line terminators, drive letters, non-ASCII. */
const pathLike = fc
  .array(fc.constantFrom('a', 'b', 'é', '😀', '/', '.', '..', '\\', ':', 'C:', '\0', '\n', '\u2028', ' ', '-', ''), { maxLength: 7 })
  .map(parts => parts.join(''))
const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}))
const hexLike = fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.stringMatching(/^[0-9a-fA-F]{63,65}$/), fc.stringMatching(/^[0-9a-f]{64}\n$/), fc.string())
const sizeLike = fc.oneof(fc.nat(), fc.integer({ min: -5, max: -1 }), fc.double(), fc.constant(2 ** 53), fc.constant(Infinity), fc.string())
const modeLike = fc.oneof(fc.constantFrom(420, 493, 0o777, 0, 420.5), fc.constant('420'))

/** Entries with each field valid or not, sometimes missing, sometimes with an extra key. */
function entries<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T): fc.Arbitrary<unknown> {
  const record = fc.record(fields, { requiredKeys: [] })
  return fc.oneof(
    fc.record(fields),
    record,
    fc.tuple(fc.record(fields), fc.constantFrom('extra', '__proto__', 'Path'), anyValue).map(([entry, key, value]) => ({ ...entry, [key]: value })),
    anyValue
  )
}

describe('the plain checks of a manifest file and link list', () => {
  it('use the schema patterns, compiled as the validator compiles them', () => {
    expect(MANIFEST_PATTERNS.relativePath.source).toBe(new RegExp(schema.$defs.relativePath.pattern, 'u').source)
    expect(MANIFEST_PATTERNS.sha256.source).toBe(new RegExp(schema.$defs.sha256.pattern, 'u').source)
    expect(MANIFEST_PATTERNS.linkTarget.source).toBe(new RegExp(schema.$defs.link.properties.target.pattern, 'u').source)
    for (const pattern of Object.values(MANIFEST_PATTERNS)) expect(pattern.flags).toBe('u')
  })

  it('accept a file entry exactly when the schema does', () => {
    expect(validateManifest(base)).toBe(true)
    const file = entries({ path: fc.oneof(pathLike, anyValue), size: sizeLike, sha256: hexLike, mode: modeLike })
    fc.assert(
      fc.property(file, entry => {
        expect(isPlainFile(entry)).toBe(validateManifest({ ...base, files: [entry] }))
      }),
      { numRuns: 3000 }
    )
    // Both answers occur: the property is not passing on one kind of entry only.
    expect(isPlainFile({ path: 'a/b.bin', size: 3, sha256: 'f'.repeat(64), mode: 420 })).toBe(true)
    expect(isPlainFile({ path: 'a//b.bin', size: 3, sha256: 'f'.repeat(64), mode: 420 })).toBe(false)
    // A line break does not hide a '..', empty or trailing segment after it from the schema's pattern.
    for (const bad of ['a\n/../b', 'a\n//b', 'a\n/', 'a\n/./b', 'a\n/..']) {
      const entry = { path: bad, size: 3, sha256: 'f'.repeat(64), mode: 420 }
      expect(validateManifest({ ...base, files: [entry] }), JSON.stringify(bad)).toBe(false)
      expect(isPlainFile(entry), JSON.stringify(bad)).toBe(false)
    }
  })

  it('accept a link entry exactly when the schema does', () => {
    const link = entries({ path: fc.oneof(pathLike, anyValue), target: fc.oneof(pathLike, anyValue) })
    fc.assert(
      fc.property(link, entry => {
        expect(isPlainLink(entry)).toBe(validateManifest({ ...base, links: [entry] }))
      }),
      { numRuns: 3000 }
    )
    expect(isPlainLink({ path: 'latest', target: '../a.txt' })).toBe(true)
    expect(isPlainLink({ path: 'latest', target: '/etc/passwd' })).toBe(false)
  })
})

describe('the bundle digest', () => {
  it("is the sha256 of the schema's canonical JSON, for lists longer than the pieces it is hashed in", () => {
    const names = ['b', 'a', 'é', '😀', 'ｚ', 'a-b', 'a/b', 'x"y\\z']
    const files = Array.from({ length: 5000 }, (_, i) => ({
      path: `${names[i % names.length]}/${(i * 7919) % 5000}`,
      size: i,
      sha256: createHash('sha256').update(String(i)).digest('hex'),
      mode: i % 3 === 0 ? 493 : 420
    }))
    const links = Array.from({ length: 2100 }, (_, i) => ({ path: `links/${names[i % names.length]}-${i}`, target: `../${names[(i + 1) % names.length]}` }))
    const byBytes = <T extends { path: string }>(items: T[]) => [...items].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)))
    const canonical = JSON.stringify({
      files: byBytes(files).map(f => [f.path, f.size, f.sha256, f.mode]),
      links: byBytes(links).map(l => [l.path, l.target])
    })
    expect(bundleDigest(files, links)).toBe(createHash('sha256').update(canonical).digest('hex'))
    for (const [f, l] of [
      [[], []],
      [files.slice(0, 1), []],
      [[], links.slice(0, 1)],
      [files.slice(0, 2048), links.slice(0, 2049)]
    ] as const) {
      const expected = JSON.stringify({
        files: byBytes([...f]).map(x => [x.path, x.size, x.sha256, x.mode]),
        links: byBytes([...l]).map(x => [x.path, x.target])
      })
      expect(bundleDigest(f, l)).toBe(createHash('sha256').update(expected).digest('hex'))
    }
  })
})
