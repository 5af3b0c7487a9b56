/**
 * Damaged bundles are integrity failures (exit 6) that say which bundle, which entry and what was
 * expected against what was found: an archive cut short anywhere (inside a header, inside an entry,
 * between entries), or a tar header declaring a size the manifest does not (1 TiB), never an
 * internal error. In the engine and through the built CLI with a damaged champion.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { packBundle, unpackBundle, verifyBundle } from '../src/engine/bundle.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST, type Lineage, type Manifest } from '../src/engine/manifest.js'
import { ExitCode, IntegrityError } from '../src/errors.js'
import { makeProject, readJson, retrain, treeDigest } from './helpers/project.js'
import { toySpec } from './helpers/runner.js'

const scratch: string[] = []
afterAll(async () => {
  await Promise.all(scratch.map(dir => rm(dir, { recursive: true, force: true })))
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-damage-'))
  scratch.push(dir)
  return dir
}

const lineage: Lineage = {
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

const TIB = 2 ** 40

/** Offset of the named entry's header in a plain ustar archive (short ASCII names, no extension headers). */
function headerOffset(archive: Buffer, name: string): number {
  for (let offset = 0; offset + 512 <= archive.length;) {
    const entryName = archive.toString('utf8', offset, offset + 100).replace(/\0.*$/s, '')
    if (entryName === '') break
    if (entryName === name) return offset
    const size = parseInt(
      archive
        .toString('ascii', offset + 124, offset + 136)
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8
    )
    offset += 512 + Math.ceil(size / 512) * 512
  }
  throw new Error(`no entry ${name} in the archive`)
}

/** Rewrites an entry's size field (base-256, as tar does above 8 GiB) and the header checksum. */
function declareSize(archive: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(archive)
  const at = headerOffset(out, name)
  const field = Buffer.alloc(12)
  field[0] = 0x80
  let rest = BigInt(size)
  for (let i = 11; i >= 1; i--) {
    field[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  field.copy(out, at + 124)
  out.fill(0x20, at + 148, at + 156)
  let sum = 0
  for (let i = at; i < at + 512; i++) sum += out[i]!
  out.write(sum.toString(8).padStart(6, '0') + '\0 ', at + 148, 'ascii')
  return out
}

/** A bundle with two entries: a 9 MB file (larger than one read chunk) and a small one after it. */
async function makeBundle(): Promise<{ dir: string; manifest: Manifest; archive: Buffer }> {
  const root = await tempDir()
  const model = path.join(root, 'model')
  await mkdir(model)
  await writeFile(path.join(model, 'a-weights.bin'), Buffer.alloc(9_000_000, 1))
  await writeFile(path.join(model, 'b-state.bin'), Buffer.alloc(5000, 2))
  const dir = path.join(root, 'bundle')
  const manifest = await packBundle(model, dir, lineage)
  return { dir, manifest, archive: await readFile(path.join(dir, BUNDLE_ARCHIVE)) }
}

/** A copy of the bundle with its archive replaced, the manifest's archiveSize made to agree (so the early size check passes). */
async function damagedCopy(source: { dir: string; manifest: Manifest }, archive: Buffer, fixSize = true): Promise<string> {
  const dir = path.join(await tempDir(), 'bundle')
  await mkdir(dir)
  await writeFile(path.join(dir, BUNDLE_ARCHIVE), archive)
  const manifest = fixSize ? { ...source.manifest, archiveSize: archive.length } : source.manifest
  await writeFile(path.join(dir, BUNDLE_MANIFEST), JSON.stringify(manifest))
  return dir
}

async function failureOf(op: Promise<unknown>): Promise<IntegrityError> {
  const err = await op.then(
    () => null,
    (e: unknown) => e
  )
  expect(err, 'the damaged bundle was accepted').toBeInstanceOf(IntegrityError)
  return err as IntegrityError
}

describe('a damaged bundle in the engine', () => {
  it('cut inside an entry: names the bundle, the entry, the expected and the found size, for verify and unpack', async () => {
    const bundle = await makeBundle()
    const firstData = headerOffset(bundle.archive, 'a-weights.bin') + 512
    const secondData = headerOffset(bundle.archive, 'b-state.bin') + 512
    const cases = [
      { cut: firstData, entry: 'a-weights.bin', expected: 9_000_000 },
      { cut: firstData + 4000, entry: 'a-weights.bin', expected: 9_000_000 },
      { cut: firstData + 4_500_000, entry: 'a-weights.bin', expected: 9_000_000 },
      { cut: secondData + 3000, entry: 'b-state.bin', expected: 5000 }
    ]
    for (const { cut, entry, expected } of cases) {
      const dir = await damagedCopy(bundle, bundle.archive.subarray(0, cut))
      const archive = path.join(dir, BUNDLE_ARCHIVE)
      for (const op of ['verify', 'unpack'] as const) {
        const dest = path.join(path.dirname(dir), `unpacked-${op}`)
        const err = await failureOf(op === 'verify' ? verifyBundle(dir) : unpackBundle(dir, dest))
        expect(err.exitCode).toBe(ExitCode.integrity)
        expect(err.message).toContain(archive)
        expect(err.message).toContain(`inside entry "${entry}"`)
        expect(err.message).toContain(`holds ${expected} bytes`)
        expect(err.message).toMatch(/ends after \d+ were read/)
        expect(err.message).toMatch(/truncated/)
        if (op === 'unpack') expect(existsSync(dest)).toBe(false)
      }
    }
  })

  it('cut inside a header or between entries: an integrity failure saying how far it got', async () => {
    const bundle = await makeBundle()
    const second = headerOffset(bundle.archive, 'b-state.bin')
    for (const [cut, said] of [
      [100, /not a readable bundle archive: .*after 0 of the 2 entries the manifest lists/],
      [second + 200, /not a readable bundle archive: .*after 1 of the 2 entries the manifest lists/],
      // At a block boundary the archive reads as complete, only shorter: an entry is missing.
      [second, /lacks 1 entry the manifest lists: "b-state.bin"/]
    ] as const) {
      const dir = await damagedCopy(bundle, bundle.archive.subarray(0, cut))
      const err = await failureOf(verifyBundle(dir))
      expect(err.message).toContain(path.join(dir, BUNDLE_ARCHIVE))
      expect(err.message).toMatch(said)
    }
  })

  it('cut short with the manifest untouched: the archive size disagrees before anything is read', async () => {
    const bundle = await makeBundle()
    const dir = await damagedCopy(bundle, bundle.archive.subarray(0, 5000), false)
    const err = await failureOf(unpackBundle(dir, path.join(path.dirname(dir), 'out')))
    expect(err.message).toMatch(/is 5000 bytes, but the manifest says \d+/)
  })

  it('any cut is an integrity failure, never another error', async () => {
    const bundle = await makeBundle()
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bundle.archive.length - 1 }), async cut => {
        const dir = await damagedCopy(bundle, bundle.archive.subarray(0, cut))
        const err = await verifyBundle(dir).then(
          () => null,
          (e: unknown) => e
        )
        await rm(path.dirname(dir), { recursive: true, force: true })
        return err instanceof IntegrityError
      }),
      { numRuns: 40 }
    )
  })

  it('a header declaring 1 TiB, or a little more than the manifest, is refused before its body is read', async () => {
    const bundle = await makeBundle()
    for (const [entry, declared, listed] of [
      ['a-weights.bin', TIB, 9_000_000],
      ['b-state.bin', TIB, 5000],
      ['b-state.bin', 5000 + 512, 5000]
    ] as const) {
      const dir = await damagedCopy(bundle, declareSize(bundle.archive, entry, declared))
      for (const op of ['verify', 'unpack'] as const) {
        const err = await failureOf(op === 'verify' ? verifyBundle(dir) : unpackBundle(dir, path.join(path.dirname(dir), `out-${op}`)))
        expect(err.message).toContain(path.join(dir, BUNDLE_ARCHIVE))
        expect(err.message).toContain(`entry "${entry}": its tar header declares ${declared} bytes, the manifest says ${listed}`)
      }
    }
  })
})

describe('archive bytes the reader refuses before any hash is compared', () => {
  it('a header whose checksum does not match its bytes, extra bytes after the end marker, an unknown PAX record', async () => {
    const bundle = await makeBundle()
    const second = headerOffset(bundle.archive, 'b-state.bin')
    const flipped = Buffer.from(bundle.archive)
    flipped[second + 1] = 'x'.charCodeAt(0)
    const trailing = Buffer.concat([bundle.archive, Buffer.from('trailing')])
    // The second entry's header turned into a PAX header carrying a record bundles never hold.
    const record = '18 mtime=12345678\n'
    const pax = Buffer.from(bundle.archive)
    pax.fill(0, second, second + 1024)
    pax.write('PaxHeader', second, 'ascii')
    pax.write('0000644 \0', second + 100, 'ascii')
    pax.write(record.length.toString(8).padStart(11, '0') + ' ', second + 124, 'ascii')
    pax[second + 156] = 'x'.charCodeAt(0)
    pax.write('ustar\u000000', second + 257, 'latin1')
    pax.fill(0x20, second + 148, second + 156)
    let sum = 0
    for (let i = second; i < second + 512; i++) sum += pax[i]!
    pax.write(sum.toString(8).padStart(6, '0') + '\0 ', second + 148, 'ascii')
    pax.write(record, second + 512, 'utf8')
    for (const [archive, said] of [
      [flipped, /checksum is \d+, its bytes sum to \d+.*after 1 of the 2 entries/],
      [trailing, /data after the end-of-archive marker/],
      [pax, /a PAX record "mtime", which a bundle never holds/]
    ] as const) {
      const dir = await damagedCopy(bundle, archive)
      for (const op of ['verify', 'unpack'] as const) {
        const dest = path.join(path.dirname(dir), `unpacked-${op}`)
        const err = await failureOf(op === 'verify' ? verifyBundle(dir) : unpackBundle(dir, dest))
        expect(err.message).toContain(path.join(dir, BUNDLE_ARCHIVE))
        expect(err.message).toMatch(said)
        if (op === 'unpack') expect(existsSync(dest)).toBe(false)
      }
    }
  })
})

describe('a large archive, hashed on a worker thread', () => {
  it('gets the same digests as hashing it here, and a changed byte of padding is still caught', async () => {
    const root = await tempDir()
    const model = path.join(root, 'model')
    await mkdir(model)
    // Past the size from which the archive is hashed on a worker, with padding after the large file.
    const large = Buffer.alloc(33 * 1024 * 1024 + 100)
    for (let i = 0; i < large.length; i += 4096) large[i] = (i / 4096) % 251
    await writeFile(path.join(model, 'a-weights.bin'), large)
    await writeFile(path.join(model, 'b-state.bin'), Buffer.alloc(5000, 2))
    const dir = path.join(root, 'bundle')
    const manifest = await packBundle(model, dir, lineage)
    const archive = await readFile(path.join(dir, BUNDLE_ARCHIVE))
    expect(manifest.archiveSha256).toBe(createHash('sha256').update(archive).digest('hex'))
    expect(manifest.archiveSize).toBe(archive.length)
    expect((await verifyBundle(dir)).digest).toBe(manifest.digest)

    const padding = headerOffset(archive, 'a-weights.bin') + 512 + large.length + 10
    expect(archive[padding]).toBe(0)
    const changed = Buffer.from(archive)
    changed[padding] = 1
    const damaged = await damagedCopy({ dir, manifest }, changed)
    for (const op of ['verify', 'unpack'] as const) {
      const dest = path.join(path.dirname(damaged), `unpacked-${op}`)
      const err = await failureOf(op === 'verify' ? verifyBundle(damaged) : unpackBundle(damaged, dest))
      expect(err.message).toMatch(/model\.tar: sha256 is [0-9a-f]{64}, the manifest says/)
      if (op === 'unpack') expect(existsSync(dest)).toBe(false)
    }
  })
})

/** Each region of a plain or PAX archive as pack writes it: header blocks (with PAX records), file data, padding, the end blocks. */
function regions(archive: Buffer): { kind: 'header' | 'data' | 'padding' | 'end'; start: number; end: number }[] {
  const out: { kind: 'header' | 'data' | 'padding' | 'end'; start: number; end: number }[] = []
  let offset = 0
  while (offset + 512 <= archive.length && archive.subarray(offset, offset + 512).some(b => b !== 0)) {
    const size = parseInt(
      archive
        .toString('ascii', offset + 124, offset + 136)
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8
    )
    const type = String.fromCharCode(archive[offset + 156]!)
    const padded = Math.ceil(size / 512) * 512
    // A PAX header's records are header bytes too: they give the next entry's name.
    if (type === 'x') out.push({ kind: 'header', start: offset, end: offset + 512 + padded })
    else {
      out.push({ kind: 'header', start: offset, end: offset + 512 })
      if (size > 0) out.push({ kind: 'data', start: offset + 512, end: offset + 512 + size })
      if (padded > size) out.push({ kind: 'padding', start: offset + 512 + size, end: offset + 512 + padded })
    }
    offset += 512 + padded
  }
  out.push({ kind: 'end', start: offset, end: archive.length })
  return out
}

describe('every byte of an archive as pack writes it is checked', () => {
  /** Files with padding of several lengths (the last one's before the end blocks too), an executable, a name with a prefix, a non-ASCII name (PAX), a symlink. */
  async function variedBundle(): Promise<{ dir: string; manifest: Manifest; archive: Buffer }> {
    const root = await tempDir()
    const model = path.join(root, 'model')
    await mkdir(path.join(model, 'données'), { recursive: true })
    const long = path.join(model, 'p'.repeat(90), 'q'.repeat(90))
    await mkdir(long, { recursive: true })
    await writeFile(path.join(model, 'a.txt'), Buffer.alloc(100, 7), { mode: 0o755 })
    await writeFile(path.join(model, 'données', `${'é'.repeat(60)}.bin`), Buffer.alloc(10, 3))
    await writeFile(path.join(long, 'weights.bin'), Buffer.alloc(1000, 9))
    await symlink('a.txt', path.join(model, 'latest'))
    const dir = path.join(root, 'bundle')
    const manifest = await packBundle(model, dir, lineage)
    return { dir, manifest, archive: await readFile(path.join(dir, BUNDLE_ARCHIVE)) }
  }

  it('any single changed byte of a header, a PAX record, padding or the end blocks is refused, and of the data too', async () => {
    const bundle = await variedBundle()
    const parts = regions(bundle.archive)
    // The archive holds every kind of region, PAX records included (a header region longer than a block).
    expect(new Set(parts.map(r => r.kind))).toEqual(new Set(['header', 'data', 'padding', 'end']))
    expect(parts.some(r => r.kind === 'header' && r.end - r.start > 512)).toBe(true)
    expect(parts.filter(r => r.kind === 'end').map(r => r.end - r.start)).toEqual([1024])
    const positions: number[] = []
    for (const r of parts) {
      // Every byte outside the files' data; a few bytes of each file's data (its sha256 covers it).
      if (r.kind === 'data') positions.push(r.start, Math.floor((r.start + r.end) / 2), r.end - 1)
      else for (let i = r.start; i < r.end; i++) positions.push(i)
    }
    // Each change: a bit flipped; in a header also a NUL and a space swapped (equivalent in its number fields).
    const changes: { at: number; value: number }[] = []
    for (const at of positions) {
      const original = bundle.archive[at]!
      changes.push({ at, value: original ^ 1 })
      if (parts.some(r => r.kind === 'header' && r.start <= at && at < r.end) && (original === 0 || original === 0x20))
        changes.push({ at, value: original ^ 0x20 })
    }
    // Several bundles checked at once: each verify mostly waits on file reads.
    const lanes = 8
    const dirs = await Promise.all(Array.from({ length: lanes }, () => damagedCopy(bundle, bundle.archive)))
    for (const dir of dirs) expect((await verifyBundle(dir)).digest).toBe(bundle.manifest.digest)
    const accepted: string[] = []
    let refused = 0
    await Promise.all(
      dirs.map(async (dir, lane) => {
        for (let k = lane; k < changes.length; k += lanes) {
          const { at, value } = changes[k]!
          const damaged = Buffer.from(bundle.archive)
          damaged[at] = value
          await writeFile(path.join(dir, BUNDLE_ARCHIVE), damaged)
          const err = await verifyBundle(dir).then(
            () => null,
            (e: unknown) => e
          )
          if (err instanceof IntegrityError) refused++
          else accepted.push(`byte ${at} changed from ${bundle.archive[at]} to ${value}: ${err === null ? 'accepted' : String(err)}`)
        }
      })
    )
    expect(accepted).toEqual([])
    expect(refused).toBe(changes.length)
    expect(changes.length).toBeGreaterThan(positions.length)
    // Unpacking checks the same way: a sample, each leaving nothing behind.
    const dir = dirs[0]!
    const archivePath = path.join(dir, BUNDLE_ARCHIVE)
    for (const at of positions.filter((_, i) => i % 211 === 0)) {
      const damaged = Buffer.from(bundle.archive)
      damaged[at] ^= 1
      await writeFile(archivePath, damaged)
      const dest = path.join(path.dirname(dir), `unpacked-${at}`)
      await failureOf(unpackBundle(dir, dest))
      expect(existsSync(dest)).toBe(false)
    }
  }, 120_000)

  it('an archive in another form (header fields, order, end padding) verifies by its sha256 when the manifest gives it, and fails when not', async () => {
    const bundle = await variedBundle()
    const parts = regions(bundle.archive)
    const first = parts[0]!
    // An older writer's modification time in the first header, its checksum fixed.
    const dated = Buffer.from(bundle.archive)
    dated.write('14500000000 ', first.start + 136, 'ascii')
    dated.fill(0x20, first.start + 148, first.start + 156)
    let sum = 0
    for (let i = first.start; i < first.start + 512; i++) sum += dated[i]!
    dated.write(sum.toString(8).padStart(6, '0') + '\0 ', first.start + 148, 'ascii')
    // The first entry (a.txt: a header and a block of data) and the symlink (a header) swapped.
    expect(headerOffset(bundle.archive, 'a.txt')).toBe(0)
    const link = headerOffset(bundle.archive, 'latest')
    const swapped = Buffer.concat([
      bundle.archive.subarray(link, link + 512),
      bundle.archive.subarray(1024, link),
      bundle.archive.subarray(0, 1024),
      bundle.archive.subarray(link + 512)
    ])
    // A writer that pads the archive with more zeros at the end.
    const padded = Buffer.concat([bundle.archive, Buffer.alloc(512 * 4)])
    for (const archive of [dated, swapped, padded]) {
      expect(archive.equals(bundle.archive)).toBe(false)
      const sha256 = createHash('sha256').update(archive).digest('hex')
      const good = await damagedCopy({ dir: bundle.dir, manifest: { ...bundle.manifest, archiveSha256: sha256 } }, archive)
      expect((await verifyBundle(good)).digest).toBe(bundle.manifest.digest)
      const dest = path.join(path.dirname(good), 'unpacked')
      await unpackBundle(good, dest)
      expect(await readFile(path.join(dest, 'a.txt'))).toEqual(Buffer.alloc(100, 7))
      const bad = await damagedCopy(bundle, archive)
      const err = await failureOf(verifyBundle(bad))
      expect(err.message).toMatch(/model\.tar: sha256 is [0-9a-f]{64}, the manifest says/)
    }
  })
})

describe('a damaged champion through the CLI', () => {
  async function projectWithChampion() {
    const cwd = await makeProject('test/fixtures/toy')
    scratch.push(cwd)
    await writeFile(path.join(cwd, 'retrain.yml'), toySpec())
    const first = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/1'])
    expect(first.code, first.stderr).toBe(0)
    const versionDir = path.join(cwd, '.retrain/registry/toy/versions/1')
    const manifest = await readJson<Manifest>(path.join(versionDir, BUNDLE_MANIFEST))
    const archive = await readFile(path.join(versionDir, BUNDLE_ARCHIVE))
    await copyFile(path.join(versionDir, BUNDLE_ARCHIVE), path.join(cwd, 'original.tar'))
    return { cwd, versionDir, manifest, archive }
  }

  async function damage(p: Awaited<ReturnType<typeof projectWithChampion>>, archive: Buffer): Promise<void> {
    await writeFile(path.join(p.versionDir, BUNDLE_ARCHIVE), archive)
    await writeFile(path.join(p.versionDir, BUNDLE_MANIFEST), JSON.stringify({ ...p.manifest, archiveSize: archive.length }, null, 2))
  }

  it('truncated inside an entry: exit 6 naming the bundle, the entry and the sizes; nothing changes', async () => {
    const p = await projectWithChampion()
    const entry = p.manifest.files.find(f => f.path === 'optimizer-state.bin')!
    const cut = headerOffset(p.archive, entry.path) + 512 + 300
    await damage(p, p.archive.subarray(0, cut))
    const registry = path.join(p.cwd, '.retrain/registry')
    const before = await treeDigest(registry)
    const res = await retrain(p.cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'])
    expect(res.code, res.stderr).toBe(ExitCode.integrity)
    expect(res.stderr).toContain(path.join(p.versionDir, BUNDLE_ARCHIVE))
    expect(res.stderr).toContain(`inside entry "optimizer-state.bin": the manifest says it holds ${entry.size} bytes`)
    expect(res.stderr).not.toMatch(/Stream was destroyed$/m)
    expect(await treeDigest(registry)).toEqual(before)
  })

  it('truncated with the manifest untouched: exit 6', async () => {
    const p = await projectWithChampion()
    await truncate(path.join(p.versionDir, BUNDLE_ARCHIVE), 1000)
    const res = await retrain(p.cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'])
    expect(res.code, res.stderr).toBe(ExitCode.integrity)
    expect(res.stderr).toMatch(/model\.tar is 1000 bytes, but the manifest says \d+/)
  })

  // The second entry matters most: the parser reads its header while the first entry is still being written out.
  it.each(['model.json', 'optimizer-state.bin'])('a header declaring 1 TiB (%s): exit 6 naming the entry and both sizes', async name => {
    const p = await projectWithChampion()
    const entry = p.manifest.files.find(f => f.path === name)!
    await damage(p, declareSize(p.archive, entry.path, TIB))
    const res = await retrain(p.cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/2'])
    expect(res.code, res.stderr).toBe(ExitCode.integrity)
    expect(res.stderr).toContain(`entry "${name}": its tar header declares ${TIB} bytes, the manifest says ${entry.size}`)
  })
})
