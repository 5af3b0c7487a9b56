/**
 * packBundle writes the tar headers itself (one block buffer, no stream per entry); the archive must
 * stay byte for byte what the tar library's pack writes for the same entries, so the same model
 * directory keeps the same archive digest across versions. Names of every shape: short, exactly 100
 * bytes, split into prefix and name, too long to split (a PAX record), not ASCII; long and non-ASCII
 * link targets; sizes around the 512-byte block; executable files; empty files.
 */
import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import tar from 'tar-stream'
import { afterAll, describe, expect, it } from 'vitest'
import { packBundle, verifyBundle } from '../src/engine/bundle.js'
import { BUNDLE_ARCHIVE, type Lineage } from '../src/engine/manifest.js'

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

const FIXED = { mtime: new Date(0), uid: 0, gid: 0, uname: '', gname: '' }

type Entry = { path: string; bytes: Buffer; mode: number } | { path: string; target: string }

/** The archive the tar library's pack writes for the entries, in the given (already sorted) order. */
async function libraryArchive(entries: Entry[]): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer)
  })()
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const done = (err?: Error | null) => (err ? reject(err) : resolve())
      if ('target' in entry) pack.entry({ name: entry.path, type: 'symlink', linkname: entry.target, mode: 0o777, ...FIXED }, done)
      else pack.entry({ name: entry.path, type: 'file', size: entry.bytes.length, mode: entry.mode, ...FIXED }, entry.bytes, done)
    })
  }
  pack.finalize()
  await collected
  return Buffer.concat(chunks)
}

const scratch: string[] = []
afterAll(async () => {
  await Promise.all(scratch.map(dir => rm(dir, { recursive: true, force: true })))
})

describe('the archive packBundle writes', () => {
  it('is byte for byte the tar library pack of the same entries, for names, targets and sizes of every shape', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'retrain-archive-'))
    scratch.push(root)
    const model = path.join(root, 'model')
    const pattern = (size: number, seed: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251))
    const files: { path: string; bytes: Buffer; mode: number }[] = [
      { path: 'a.txt', bytes: Buffer.from('hello'), mode: 0o644 },
      { path: 'empty', bytes: Buffer.alloc(0), mode: 0o644 },
      { path: 'run.sh', bytes: Buffer.from('#!/bin/sh\n'), mode: 0o755 },
      { path: 'x'.repeat(100), bytes: Buffer.from('a name of exactly 100 bytes'), mode: 0o644 },
      { path: `${'p'.repeat(150)}/${'q'.repeat(99)}`, bytes: Buffer.from('prefix and name'), mode: 0o644 },
      { path: `long/${'z'.repeat(120)}`, bytes: Buffer.from('too long to split'), mode: 0o644 },
      { path: `deep/${'a/'.repeat(90)}leaf`, bytes: Buffer.from('a very long path'), mode: 0o644 },
      { path: 'ünïcode/名前.txt', bytes: Buffer.from('not ASCII'), mode: 0o644 },
      ...[511, 512, 513, 1024, 300_000].map((size, i) => ({ path: `sizes/s-${size}`, bytes: pattern(size, i), mode: 0o644 }))
    ]
    for (const file of files) {
      const abs = path.join(model, ...file.path.split('/'))
      await mkdir(path.dirname(abs), { recursive: true })
      await writeFile(abs, file.bytes)
      await chmod(abs, file.mode)
    }
    const links = [
      { path: 'link-a', target: 'a.txt' },
      { path: 'sizes/link-up', target: '../a.txt' },
      { path: 'long/to-long', target: `../deep/${'a/'.repeat(90)}leaf` },
      { path: 'ünïcode/link-ü', target: '名前.txt' }
    ]
    for (const link of links) await symlink(link.target, path.join(model, ...link.path.split('/')))

    const manifest = await packBundle(model, path.join(root, 'bundle'), lineage)
    const ours = await readFile(path.join(root, 'bundle', BUNDLE_ARCHIVE))
    const byPath = new Map<string, Entry>([...files, ...links].map(e => [e.path, e]))
    const order = [...manifest.files.map(f => f.path), ...manifest.links.map(l => l.path)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    const expected = await libraryArchive(order.map(p => byPath.get(p)!))
    expect(ours.length).toBe(expected.length)
    expect(ours.equals(expected)).toBe(true)
  })

  it('is the same when many files are read ahead on other threads, large and executable ones among them', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'retrain-archive-'))
    scratch.push(root)
    const model = path.join(root, 'model')
    const files: { path: string; bytes: Buffer; mode: number }[] = []
    // 1,300 files: three slots of 512, the first and the third read by the same thread, the second by the other.
    for (let i = 0; i < 1300; i++) {
      const size = i % 97 === 0 ? 300_000 + i : (i * 37) % 2000
      files.push({ path: `shard-${i % 7}/piece-${i}.bin`, bytes: Buffer.alloc(size, i % 251), mode: i % 50 === 0 ? 0o755 : 0o644 })
    }
    for (const file of files) {
      const abs = path.join(model, ...file.path.split('/'))
      await mkdir(path.dirname(abs), { recursive: true })
      await writeFile(abs, file.bytes)
      await chmod(abs, file.mode)
    }
    const links = [{ path: 'shard-3/latest', target: 'piece-3.bin' }]
    for (const link of links) await symlink(link.target, path.join(model, ...link.path.split('/')))

    const manifest = await packBundle(model, path.join(root, 'bundle'), lineage)
    expect(manifest.files).toHaveLength(files.length)
    const ours = await readFile(path.join(root, 'bundle', BUNDLE_ARCHIVE))
    const byPath = new Map<string, Entry>([...files, ...links].map(e => [e.path, e]))
    const order = [...byPath.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    const expected = await libraryArchive(order.map(p => byPath.get(p)!))
    expect(ours.equals(expected)).toBe(true)
    // Each file's hash is its own, wherever it was computed.
    const hashes = new Map(manifest.files.map(f => [f.path, f.sha256]))
    for (const file of files) expect(hashes.get(file.path)).toBe(createHash('sha256').update(file.bytes).digest('hex'))
  })

  it('is the same when the read-ahead runs many batches ahead and the archive is hashed on a worker, and it verifies', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'retrain-archive-'))
    scratch.push(root)
    const model = path.join(root, 'model')
    // 600 files of 64 KiB: about ten read-ahead batches of 4 MiB, and an archive past 32 MiB.
    const files: { path: string; bytes: Buffer; mode: number }[] = []
    for (let i = 0; i < 600; i++) {
      const bytes = Buffer.alloc(64 * 1024 + (i % 3), i % 251)
      bytes.writeUInt32LE(i, 0)
      files.push({ path: `shard-${i % 10}/piece-${String(i).padStart(3, '0')}.bin`, bytes, mode: 0o644 })
    }
    for (const file of files) {
      const abs = path.join(model, ...file.path.split('/'))
      await mkdir(path.dirname(abs), { recursive: true })
      await writeFile(abs, file.bytes)
    }
    const bundle = path.join(root, 'bundle')
    const manifest = await packBundle(model, bundle, lineage)
    expect(manifest.archiveSize).toBeGreaterThan(32 * 1024 * 1024)
    const ours = await readFile(path.join(bundle, BUNDLE_ARCHIVE))
    const order = files.map(f => f.path).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
    const byPath = new Map(files.map(f => [f.path, f]))
    expect(ours.equals(await libraryArchive(order.map(p => byPath.get(p)!)))).toBe(true)
    expect(manifest.archiveSha256).toBe(createHash('sha256').update(ours).digest('hex'))
    expect((await verifyBundle(bundle)).digest).toBe(manifest.digest)
  })

  it("lists the entries in the order of their paths' UTF-8 bytes, whatever sorts around a slash or beyond the BMP", async () => {
    // Names that sort just before and after '/' (0x2f: '-' and '.' before it, letters after), a
    // character beyond the BMP (a surrogate pair in UTF-16, after U+FF5A in UTF-8) and one just below it.
    const segment = fc.constantFrom('a', 'b', 'a-b', 'a.b', 'ab', '😀', 'ｚ', 'a😀', 'aｚ')
    const trees = fc.uniqueArray(fc.array(segment, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12, selector: p => p.join('/') })
    let run = 0
    await fc.assert(
      fc.asyncProperty(trees, fc.boolean(), async (paths, withLink) => {
        // A path that is a directory of another cannot also be a file.
        const all = paths.map(p => p.join('/'))
        const files = all.filter(p => !all.some(other => other.startsWith(`${p}/`)))
        const model = path.join(await mkdtemp(path.join(os.tmpdir(), 'retrain-order-')), 'model')
        scratch.push(path.dirname(model))
        const entries: Entry[] = files.map((p, i) => ({ path: p, bytes: Buffer.from(`file ${i}`), mode: 0o644 }))
        for (const entry of entries) {
          const abs = path.join(model, ...entry.path.split('/'))
          await mkdir(path.dirname(abs), { recursive: true })
          await writeFile(abs, (entry as { bytes: Buffer }).bytes)
        }
        if (withLink) {
          const link = { path: `${files[0]!.split('/')[0]}-link`, target: files[0]!.split('/')[0]! }
          if (!files.includes(link.path) && !all.some(p => p.startsWith(`${link.path}/`))) {
            await symlink(link.target, path.join(model, link.path))
            entries.push(link)
          }
        }
        const bundle = path.join(path.dirname(model), `bundle-${run++}`)
        const manifest = await packBundle(model, bundle, lineage)
        const order = entries.map(e => e.path).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
        expect(manifest.files.map(f => f.path)).toEqual(order.filter(p => files.includes(p)))
        const byPath = new Map(entries.map(e => [e.path, e]))
        expect((await readFile(path.join(bundle, BUNDLE_ARCHIVE))).equals(await libraryArchive(order.map(p => byPath.get(p)!)))).toBe(true)
        expect((await verifyBundle(bundle)).digest).toBe(manifest.digest)
      }),
      { numRuns: 40 }
    )
  })
})
