// Packing with large files hashed on a worker thread (from the buffers the packer writes, while it
// hashes the archive) gives the same archive and manifest as hashing everything on the packer's
// thread; a failure of that thread fails the pack cleanly.
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { packBundle, verifyBundle, type PackOptions } from '../src/engine/bundle.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST, type Lineage } from '../src/engine/manifest.js'

const scratch: string[] = []

afterEach(async () => {
  await Promise.all(scratch.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-hasher-test-'))
  scratch.push(dir)
  return dir
}

const lineage: Lineage = {
  model: 'churn',
  version: null,
  parentVersion: null,
  warmStart: { source: 'cold', reason: 'first-model' },
  specDigest: 'a'.repeat(64),
  gitCommit: null,
  params: {},
  trainingData: {},
  evaluationData: {},
  metrics: { accuracy: 0.9 },
  toolVersion: '0.1.0',
  createdAt: '2026-01-02T03:04:05.000Z',
  environment: { os: 'linux', arch: 'x64', runtimes: { node: '20.0.0' }, lockfiles: {}, containerImage: null }
}

/** Bytes that differ at every position (a misplaced or repeated piece changes the hash). */
function pattern(size: number, seed: number): Buffer {
  const bytes = Buffer.allocUnsafe(size)
  let x = seed
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  return bytes
}

/**
 * Small files before and after (enough to be read ahead), a streamed file below the threshold before
 * the one that starts the worker, and more streamed files after it, above and below the threshold
 * (one of an odd size, with more pieces than the buffers they stream through).
 */
async function makeModel(root: string): Promise<void> {
  const sizes: [string, number][] = [
    ['a-first/medium.bin', 600 * 1024],
    ['b-large.bin', 5 * 1024 * 1024 + 12_345],
    ['d-after/large-2.bin', 11 * 1024 * 1024 + 1],
    ['d-after/medium-2.bin', 300 * 1024]
  ]
  for (let i = 0; i < 300; i++) sizes.push([`a-first/small/s-${String(i).padStart(3, '0')}.txt`, (i * 37) % 3000])
  for (let i = 0; i < 300; i++) sizes.push([`c-small/s-${String(i).padStart(3, '0')}.txt`, (i * 53) % 5000])
  let seed = 1
  for (const [rel, size] of sizes) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true })
    await writeFile(path.join(root, rel), pattern(size, seed++))
  }
}

async function packWith(model: string, bundle: string, options: PackOptions): Promise<{ archive: Buffer; manifest: string; hashers: number }> {
  let hashers = 0
  await packBundle(model, bundle, lineage, {
    ...options,
    onFileHasher: async hasher => {
      hashers++
      await options.onFileHasher?.(hasher)
    }
  })
  return { archive: await readFile(path.join(bundle, BUNDLE_ARCHIVE)), manifest: await readFile(path.join(bundle, BUNDLE_MANIFEST), 'utf8'), hashers }
}

describe('packing with large files hashed on a worker thread', () => {
  it('gives the same archive and manifest as hashing it on the packer thread', async () => {
    const dir = await tempDir()
    const model = path.join(dir, 'model')
    await makeModel(model)
    const inline = await packWith(model, path.join(dir, 'inline'), { parallelHashFrom: Infinity })
    expect(inline.hashers).toBe(0)
    const archiveSha256 = createHash('sha256').update(inline.archive).digest('hex')
    expect(JSON.parse(inline.manifest).archiveSha256).toBe(archiveSha256)
    // From the 5 MiB file on (the files of 600 and 300 KiB hashed here), and every streamed file.
    for (const parallelHashFrom of [4 * 1024 * 1024, 0]) {
      const parallel = await packWith(model, path.join(dir, `parallel-${parallelHashFrom}`), { parallelHashFrom })
      expect(parallel.hashers).toBe(1)
      expect(parallel.archive.equals(inline.archive)).toBe(true)
      expect(parallel.manifest).toBe(inline.manifest)
      await verifyBundle(path.join(dir, `parallel-${parallelHashFrom}`))
    }
  })

  it('fails the pack with a clear error when the hashing thread stops, and leaves the bundle there before', async () => {
    const dir = await tempDir()
    const model = path.join(dir, 'model')
    await makeModel(model)
    const bundle = path.join(dir, 'bundle')
    const before = await packWith(model, bundle, { parallelHashFrom: Infinity })
    await writeFile(path.join(model, 'b-large.bin'), pattern(6 * 1024 * 1024, 99))
    const failure = await packWith(model, bundle, { parallelHashFrom: 0, onFileHasher: hasher => hasher.close() }).then(
      () => null,
      (err: unknown) => err
    )
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toMatch(/the thread hashing large files for the bundle stopped/)
    expect((await readFile(path.join(bundle, BUNDLE_ARCHIVE))).equals(before.archive)).toBe(true)
    expect(await readFile(path.join(bundle, BUNDLE_MANIFEST), 'utf8')).toBe(before.manifest)
    expect((await readdir(bundle)).sort()).toEqual([BUNDLE_ARCHIVE, BUNDLE_MANIFEST].sort())
  })
})
