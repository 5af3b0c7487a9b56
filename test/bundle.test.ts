import { execFileSync } from 'node:child_process'
import { readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createHash, randomBytes } from 'node:crypto'
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import tar from 'tar-stream'
import { afterEach, describe, expect, it } from 'vitest'
import { bundleDigest, packBundle, readManifest, sha256File, unpackBundle, verifyBundle, writeManifest } from '../src/engine/bundle.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST, type Lineage, type Manifest, type ManifestFile, type ManifestLink } from '../src/engine/manifest.js'
import { IntegrityError } from '../src/errors.js'

const scratch: string[] = []

afterEach(async () => {
  await Promise.all(scratch.splice(0).map(dir => rm(dir, { recursive: true, force: true })))
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bundle-test-'))
  scratch.push(dir)
  return dir
}

function lineage(overrides: Partial<Lineage> = {}): Lineage {
  return {
    model: 'churn',
    version: null,
    parentVersion: null,
    warmStart: { source: 'cold', reason: 'first-model' },
    specDigest: 'a'.repeat(64),
    gitCommit: null,
    params: { lr: 0.1, epochs: 3, optimizer: 'adam', shuffle: true },
    trainingData: { train: { fingerprint: 'b'.repeat(64), files: [{ path: 'data/train.csv', sha256: 'c'.repeat(64), size: 10 }] } },
    evaluationData: {},
    metrics: { accuracy: 0.9, auc: null },
    toolVersion: '0.1.0',
    createdAt: '2026-01-02T03:04:05.000Z',
    environment: { os: 'linux', arch: 'x64', runtimes: { node: '20.0.0' }, lockfiles: {}, containerImage: null },
    ...overrides
  }
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

async function put(file: string, content: Buffer | string, mode = 0o644): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, content)
  await chmod(file, mode)
}

/** A model directory with nested files, an empty file, an executable, long and non-ASCII names and safe links. */
async function makeModel(root: string): Promise<void> {
  await put(path.join(root, 'config.json'), '{"layers": 3}\n')
  await put(path.join(root, 'weights/layer-0.bin'), Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256)))
  await put(path.join(root, 'weights/deep/nested/layer-1.bin'), 'WEIGHTS-OF-LAYER-ONE')
  await put(path.join(root, 'empty.txt'), '')
  await put(path.join(root, 'bin/predict.sh'), '#!/bin/sh\necho ok\n', 0o755)
  await put(path.join(root, 'modèle-données.txt'), 'accents\n')
  await put(path.join(root, `${'long-directory-name-'.repeat(4)}/${'x'.repeat(120)}.bin`), 'long path\n')
  await symlink('weights/layer-0.bin', path.join(root, 'latest.bin'))
  await symlink('../config.json', path.join(root, 'bin/config.json'))
}

type TreeEntry = { kind: 'file'; mode: number; bytes: Buffer } | { kind: 'link'; target: string }

async function readTree(root: string): Promise<Map<string, TreeEntry>> {
  const tree = new Map<string, TreeEntry>()
  async function walk(rel: string): Promise<void> {
    for (const dirent of await readdir(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${dirent.name}` : dirent.name
      const abs = path.join(root, child)
      if (dirent.isDirectory()) await walk(child)
      else if (dirent.isSymbolicLink()) tree.set(child, { kind: 'link', target: await readlink(abs) })
      else tree.set(child, { kind: 'file', mode: (await stat(abs)).mode & 0o7777, bytes: await readFile(abs) })
    }
  }
  await walk('')
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : 1)))
}

async function absent(p: string): Promise<boolean> {
  return lstat(p).then(
    () => false,
    () => true
  )
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => null,
    (err: unknown) => err
  )
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail, but it succeeded')
  return outcome
}

/** The model of makeModel, with `extra` more small files, packed. */
async function packed(extra = 0): Promise<{ root: string; model: string; bundle: string; manifest: Manifest }> {
  const root = await tempDir()
  const model = path.join(root, 'model')
  await makeModel(model)
  for (let i = 0; i < extra; i++) await put(path.join(model, 'many', `file-${i}.txt`), `file ${i}\n`.repeat(i % 7))
  const bundle = path.join(root, 'bundle')
  return { root, model, bundle, manifest: await packBundle(model, bundle, lineage()) }
}

async function editManifest(bundle: string, edit: (m: Manifest) => void): Promise<void> {
  const file = path.join(bundle, BUNDLE_MANIFEST)
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest
  edit(manifest)
  await writeFile(file, JSON.stringify(manifest, null, 2))
}

describe('packBundle and unpackBundle', () => {
  it('round-trips bytes, modes, empty files, executables and links', async () => {
    const { root, model, bundle, manifest } = await packed()
    const out = path.join(root, 'out')
    const unpacked = await unpackBundle(bundle, out)

    expect(unpacked).toEqual(manifest)
    expect(await readTree(out)).toEqual(await readTree(model))
    expect((await stat(path.join(out, 'bin/predict.sh'))).mode & 0o777).toBe(0o755)
    expect((await stat(path.join(out, 'config.json'))).mode & 0o777).toBe(0o644)
    expect(await readFile(path.join(out, 'latest.bin'))).toEqual(await readFile(path.join(model, 'weights/layer-0.bin')))
    expect(manifest.links).toEqual([
      { path: 'bin/config.json', target: '../config.json' },
      { path: 'latest.bin', target: 'weights/layer-0.bin' }
    ])
    const empty = manifest.files.find(f => f.path === 'empty.txt')
    expect(empty).toEqual({ path: 'empty.txt', size: 0, sha256: sha256(''), mode: 0o644 })
    const config = manifest.files.find(f => f.path === 'config.json')
    expect(config?.sha256).toBe(sha256('{"layers": 3}\n'))
    expect(manifest.archiveSize).toBe((await stat(path.join(bundle, BUNDLE_ARCHIVE))).size)
    expect(manifest.archiveSha256).toBe(sha256(await readFile(path.join(bundle, BUNDLE_ARCHIVE))))
    expect(manifest.digest).toBe(bundleDigest(manifest.files, manifest.links))
    expect(await readManifest(bundle)).toEqual(manifest)
  })

  it('makes the same archive and digest from the same content, whatever the mtimes, permissions and lineage', async () => {
    const { root, model, bundle, manifest } = await packed()
    const copy = path.join(root, 'copy')
    await makeModel(copy)
    await utimes(path.join(copy, 'config.json'), new Date('2001-01-01'), new Date('2001-01-01'))
    await chmod(path.join(copy, 'config.json'), 0o600)
    await chmod(path.join(copy, 'bin/predict.sh'), 0o700)

    const again = await packBundle(model, path.join(root, 'again'), lineage({ model: 'other', toolVersion: '9.9.9' }))
    const fromCopy = await packBundle(copy, path.join(root, 'from-copy'), lineage())

    expect(again.digest).toBe(manifest.digest)
    expect(fromCopy.digest).toBe(manifest.digest)
    expect(fromCopy.archiveSha256).toBe(manifest.archiveSha256)
    expect(await readFile(path.join(root, 'from-copy', BUNDLE_ARCHIVE))).toEqual(await readFile(path.join(bundle, BUNDLE_ARCHIVE)))
  })

  it('keeps the digest when the lineage is rewritten to stamp the version', async () => {
    const { bundle, manifest } = await packed()
    await writeManifest(bundle, { ...manifest, lineage: { ...manifest.lineage, version: 7, parentVersion: 6 } })

    const verified = await verifyBundle(bundle)
    expect(verified.digest).toBe(manifest.digest)
    expect(verified.lineage.version).toBe(7)
    expect((await readdir(bundle)).sort()).toEqual([BUNDLE_MANIFEST, BUNDLE_ARCHIVE].sort())
  })

  it('writes a tar that standard tar extracts to the same tree', async () => {
    const { root, model, bundle } = await packed()
    const out = path.join(root, 'by-tar')
    await mkdir(out)
    execFileSync('tar', ['-xf', path.join(bundle, BUNDLE_ARCHIVE), '-C', out])
    expect(await readTree(out)).toEqual(await readTree(model))
  })

  it('streams files larger than one read chunk', async () => {
    const root = await tempDir()
    const model = path.join(root, 'model')
    const big = randomBytes(5 * 1024 * 1024 + 123)
    await put(path.join(model, 'big.bin'), big)
    const manifest = await packBundle(model, path.join(root, 'bundle'), lineage())
    expect(manifest.files[0]?.sha256).toBe(sha256(big))
    expect(await sha256File(path.join(model, 'big.bin'))).toBe(sha256(big))
    await unpackBundle(path.join(root, 'bundle'), path.join(root, 'out'))
    expect((await readFile(path.join(root, 'out/big.bin'))).equals(big)).toBe(true)
  })

  it('stores an absolute link that points inside the model as a relative one', async () => {
    const root = await tempDir()
    const model = path.join(root, 'model')
    await put(path.join(model, 'sub/file.bin'), 'x')
    await symlink(path.join(model, 'sub/file.bin'), path.join(model, 'sub/abs-link'))
    await symlink('.', path.join(model, 'here'))
    const manifest = await packBundle(model, path.join(root, 'bundle'), lineage())
    expect(manifest.links).toEqual([
      { path: 'here', target: '.' },
      { path: 'sub/abs-link', target: 'file.bin' }
    ])
    await unpackBundle(path.join(root, 'bundle'), path.join(root, 'out'))
    expect(await readFile(path.join(root, 'out/sub/abs-link'), 'utf8')).toBe('x')
  })

  it('unpacks into an existing empty directory', async () => {
    const { root, bundle } = await packed()
    const out = path.join(root, 'empty-dest')
    await mkdir(out)
    await unpackBundle(bundle, out)
    expect(await readFile(path.join(out, 'config.json'), 'utf8')).toBe('{"layers": 3}\n')
  })
})

describe('packBundle refusals', () => {
  async function refusal(setup: (model: string, root: string) => Promise<void>): Promise<{ err: Error; bundle: string }> {
    const root = await tempDir()
    const model = path.join(root, 'model')
    await put(path.join(model, 'ok.bin'), 'ok')
    await setup(model, root)
    const bundle = path.join(root, 'bundle')
    return { err: await rejection(packBundle(model, bundle, lineage())), bundle }
  }

  it('refuses a symlink to an absolute path outside the model', async () => {
    const { err, bundle } = await refusal(model => symlink('/etc', path.join(model, 'etc')))
    expect(err).toBeInstanceOf(IntegrityError)
    expect(err.message).toMatch(/etc -> \/etc.*outside the model directory/)
    expect(await readdir(bundle)).toEqual([])
  })

  it('refuses a relative symlink that climbs out of the model', async () => {
    const { err } = await refusal(async (model, root) => {
      await put(path.join(root, 'secret.txt'), 'secret')
      await mkdir(path.join(model, 'nested'))
      await symlink('../../secret.txt', path.join(model, 'nested/leak'))
    })
    expect(err).toBeInstanceOf(IntegrityError)
    expect(err.message).toContain('nested/leak -> ../../secret.txt')
  })

  it('refuses a dangling symlink', async () => {
    const { err } = await refusal(model => symlink('missing.bin', path.join(model, 'dangling')))
    expect(err).toBeInstanceOf(IntegrityError)
    expect(err.message).toContain('does not exist')
  })

  it('refuses a named pipe', async () => {
    const { err } = await refusal(async model => {
      execFileSync('mkfifo', [path.join(model, 'pipe')])
    })
    expect(err).toBeInstanceOf(IntegrityError)
    expect(err.message).toMatch(/pipe: it is a named pipe/)
  })

  it('refuses a file name that could not be unpacked safely', async () => {
    const { err } = await refusal(model => put(path.join(model, 'back\\slash'), 'x'))
    expect(err).toBeInstanceOf(IntegrityError)
    expect(err.message).toContain('backslash')
  })

  it('refuses a bundle directory inside the model directory', async () => {
    const root = await tempDir()
    const model = path.join(root, 'model')
    await put(path.join(model, 'ok.bin'), 'ok')
    const err = await rejection(packBundle(model, path.join(model, 'bundle'), lineage()))
    expect(err.message).toContain('inside the model directory')
  })

  it('refuses a missing model directory', async () => {
    const root = await tempDir()
    const err = await rejection(packBundle(path.join(root, 'nope'), path.join(root, 'bundle'), lineage()))
    expect(err.message).toContain('does not exist')
  })

  it('refuses a lineage the schema rejects before writing anything', async () => {
    const root = await tempDir()
    const model = path.join(root, 'model')
    await put(path.join(model, 'ok.bin'), 'ok')
    const err = await rejection(packBundle(model, path.join(root, 'bundle'), lineage({ createdAt: 'yesterday' })))
    expect(err.message).toContain('/lineage/createdAt')
    expect(await absent(path.join(root, 'bundle'))).toBe(true)
  })
})

describe('files that change while they are packed', () => {
  /**
   * A model of many small files (read ahead on a worker thread, or by the packer itself), packed once;
   * then packed again into the same bundle directory while `change` runs on `target` right after the
   * walk (when the new archive's temporary file appears) and before any thread reads it: the target
   * sorts last, and the readers stay within a few chunks of the packer, which has packed at most a
   * couple of archive blocks' worth of files by then.
   */
  async function packWhileChanging(
    target: string,
    targetBytes: Buffer,
    change: (file: string) => void
  ): Promise<{ outcome: unknown; bundle: string; model: string; before: Manifest }> {
    const root = await tempDir()
    const model = path.join(root, 'model')
    const block = randomBytes(1024)
    for (let d = 0; d < 10; d++) await mkdir(path.join(model, `part-${d}`), { recursive: true })
    for (let i = 0; i < 4000; i += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, j) => writeFile(path.join(model, `part-${(i + j) % 10}`, `piece-${i + j}.bin`), block)))
    }
    await put(path.join(model, target), targetBytes)
    const bundle = path.join(root, 'bundle')
    const before = await packBundle(model, bundle, lineage())
    const packing = packBundle(model, bundle, lineage()).then(
      manifest => manifest,
      (err: unknown) => err
    )
    let changed = false
    for (let turn = 0; turn < 100_000 && !changed; turn++) {
      if (readdirSync(bundle).some(name => name.endsWith('.tmp'))) {
        change(path.join(model, target))
        changed = true
      } else {
        await new Promise(resolve => setImmediate(resolve))
      }
    }
    expect(changed, 'the archive being written never showed up').toBe(true)
    return { outcome: await packing, bundle, model, before }
  }

  /** The bundle packed before is intact: no temporary file beside it, and it verifies as it was. */
  async function expectOldBundle(bundle: string, before: Manifest): Promise<void> {
    expect((await readdir(bundle)).sort()).toEqual([BUNDLE_MANIFEST, BUNDLE_ARCHIVE].sort())
    expect((await verifyBundle(bundle)).digest).toBe(before.digest)
  }

  it('names a small file that disappears, and leaves the bundle there before', async () => {
    const { outcome, bundle, model, before } = await packWhileChanging('zz/last.bin', Buffer.from('last'), file => rmSync(file))
    expect(outcome).toBeInstanceOf(IntegrityError)
    expect((outcome as Error).message).toContain(`${path.join(model, 'zz/last.bin')} disappeared or was replaced while it was being packed`)
    await expectOldBundle(bundle, before)
  })

  it('names a large file that disappears', async () => {
    const { outcome, bundle, model, before } = await packWhileChanging('zz/weights.bin', randomBytes(3 * 1024 * 1024), file => rmSync(file))
    expect(outcome).toBeInstanceOf(IntegrityError)
    expect((outcome as Error).message).toContain(`${path.join(model, 'zz/weights.bin')} disappeared or was replaced while it was being packed`)
    await expectOldBundle(bundle, before)
  })

  it('names a file replaced by a symlink', async () => {
    const { outcome, bundle, model, before } = await packWhileChanging('zz/last.bin', Buffer.from('last'), file => {
      rmSync(file)
      symlinkSync('../part-0/piece-0.bin', file)
    })
    expect(outcome).toBeInstanceOf(IntegrityError)
    expect((outcome as Error).message).toContain(`${path.join(model, 'zz/last.bin')} disappeared or was replaced while it was being packed`)
    await expectOldBundle(bundle, before)
  })

  it('names a file replaced by a named pipe, without waiting on the pipe', async () => {
    const { outcome, bundle, model, before } = await packWhileChanging('zz/last.bin', Buffer.from('last'), file => {
      rmSync(file)
      execFileSync('mkfifo', [file])
    })
    expect(outcome).toBeInstanceOf(IntegrityError)
    expect((outcome as Error).message).toContain(`${path.join(model, 'zz/last.bin')} changed while it was being packed`)
    await expectOldBundle(bundle, before)
  })

  it('packs what a file holds when it is read: the new bytes of a file rewritten after the walk, consistent with the manifest', async () => {
    const grown = randomBytes(5000)
    const { outcome, bundle, model } = await packWhileChanging('zz/last.bin', Buffer.from('last'), file => writeFileSync(file, grown))
    if (outcome instanceof Error) throw outcome
    const manifest = outcome as Manifest
    expect(manifest.files.find(f => f.path === 'zz/last.bin')).toMatchObject({ size: 5000, sha256: sha256(grown) })
    expect((await verifyBundle(bundle)).digest).toBe(manifest.digest)
    const out = path.join(path.dirname(model), 'out')
    await unpackBundle(bundle, out)
    expect((await readFile(path.join(out, 'zz/last.bin'))).equals(grown)).toBe(true)
  })
})

// Each case runs on a small bundle and on one of 300 more files (many entries, read in several pieces).
for (const extra of [0, 300]) {
  describe(extra === 0 ? 'verification' : `verification of a bundle of ${extra} more files`, () => {
    it('accepts the bundle as packed: long and non-ASCII names, links, an executable, an empty file', async () => {
      const { bundle, manifest } = await packed(extra)
      expect(await verifyBundle(bundle)).toEqual(manifest)
      expect(manifest.files.length + manifest.links.length).toBe(9 + extra)
    })

    it('names the file whose bytes were tampered with, and both digests', async () => {
      const { bundle, manifest } = await packed(extra)
      const archive = path.join(bundle, BUNDLE_ARCHIVE)
      const bytes = await readFile(archive)
      const at = bytes.indexOf('WEIGHTS-OF-LAYER-ONE')
      expect(at).toBeGreaterThan(0)
      bytes[at + 3] ^= 0x01
      await writeFile(archive, bytes)

      const expected = manifest.files.find(f => f.path === 'weights/deep/nested/layer-1.bin')?.sha256 ?? ''
      for (const attempt of [verifyBundle(bundle), unpackBundle(bundle, path.join(bundle, '..', 'out'))]) {
        const err = await rejection(attempt)
        expect(err).toBeInstanceOf(IntegrityError)
        expect(err.message).toContain('"weights/deep/nested/layer-1.bin"')
        expect(err.message).toContain(expected)
        expect(err.message).toContain(sha256('WEIFHTS-OF-LAYER-ONE'))
      }
      expect(await absent(path.join(bundle, '..', 'out'))).toBe(true)
    })

    it('refuses a damaged tar header', async () => {
      const { bundle } = await packed(extra)
      const archive = path.join(bundle, BUNDLE_ARCHIVE)
      const bytes = await readFile(archive)
      bytes[10] ^= 0x20
      await writeFile(archive, bytes)
      const err = await rejection(verifyBundle(bundle))
      expect(err).toBeInstanceOf(IntegrityError)
      expect(err.message).toContain(archive)
    })

    it('refuses a truncated archive', async () => {
      const { bundle } = await packed(extra)
      const archive = path.join(bundle, BUNDLE_ARCHIVE)
      const bytes = await readFile(archive)
      await writeFile(archive, bytes.subarray(0, bytes.length - 1024))
      const err = await rejection(verifyBundle(bundle))
      expect(err).toBeInstanceOf(IntegrityError)
      expect(err.message).toMatch(/truncated or replaced/)
    })

    it('refuses a change in the padding after a file, which tar readers skip', async () => {
      const { bundle } = await packed(extra)
      const archive = path.join(bundle, BUNDLE_ARCHIVE)
      const bytes = await readFile(archive)
      const content = '{"layers": 3}\n'
      const padding = bytes.indexOf(content) + content.length
      expect(bytes[padding]).toBe(0)
      bytes[padding] = 0x78
      await writeFile(archive, bytes)
      const err = await rejection(verifyBundle(bundle))
      expect(err).toBeInstanceOf(IntegrityError)
      expect(err.message).toMatch(/model\.tar: sha256 is [0-9a-f]{64}, the manifest says/)
    })

    it('refuses a manifest whose file sha256 was edited', async () => {
      const { bundle } = await packed(extra)
      await editManifest(bundle, m => {
        const config = m.files.find(f => f.path === 'config.json')
        if (config) config.sha256 = 'f'.repeat(64)
      })
      const err = await rejection(verifyBundle(bundle))
      expect(err).toBeInstanceOf(IntegrityError)
      expect(err.message).toContain('"config.json"')
      expect(err.message).toContain('f'.repeat(64))
    })

    it('refuses a manifest whose digest does not match its file list', async () => {
      const { bundle } = await packed(extra)
      await editManifest(bundle, m => {
        m.digest = 'e'.repeat(64)
      })
      const err = await rejection(verifyBundle(bundle))
      expect(err).toBeInstanceOf(IntegrityError)
      expect(err.message).toMatch(/manifest\.json: digest is e{64}, but its file list hashes to/)
    })

    it('refuses a manifest that lists a file the archive lacks', async () => {
      const { bundle } = await packed(extra)
      await editManifest(bundle, m => {
        m.files.push({ path: 'ghost.bin', size: 1, sha256: 'a'.repeat(64), mode: 0o644 })
        m.digest = bundleDigest(m.files, m.links)
      })
      const err = await rejection(verifyBundle(bundle))
      expect(err).toBeInstanceOf(IntegrityError)
      expect(err.message).toContain('lacks 1 entry the manifest lists: "ghost.bin"')
    })

    it('refuses an archive entry the manifest does not list', async () => {
      const { root, bundle } = await packed(extra)
      await editManifest(bundle, m => {
        m.files = m.files.filter(f => f.path !== 'config.json')
        m.digest = bundleDigest(m.files, m.links)
      })
      const err = await rejection(unpackBundle(bundle, path.join(root, 'out')))
      expect(err).toBeInstanceOf(IntegrityError)
      expect(err.message).toContain('entry "config.json" is not listed in the manifest')
      expect(await absent(path.join(root, 'out'))).toBe(true)
    })

    it('refuses a missing, malformed or foreign manifest', async () => {
      const { bundle } = await packed(extra)
      const file = path.join(bundle, BUNDLE_MANIFEST)
      const original = await readFile(file, 'utf8')

      await writeFile(file, '{ not json')
      expect((await rejection(readManifest(bundle))).message).toContain(`${file} is not valid JSON`)

      await writeFile(file, original.replace('"schemaVersion": 1', '"schemaVersion": 2'))
      expect((await rejection(readManifest(bundle))).message).toContain('schemaVersion 2')

      await writeFile(file, original.replace('"files": [', '"extra": true, "files": ['))
      expect((await rejection(readManifest(bundle))).message).toContain('unknown property "extra"')

      await writeFile(file, original.replace('"mode": 493', '"mode": 511'))
      expect((await rejection(readManifest(bundle))).message).toMatch(/\/files\/\d+\/mode: 511 is not allowed/)

      await rm(file)
      const missing = await rejection(verifyBundle(bundle))
      expect(missing).toBeInstanceOf(IntegrityError)
      expect(missing.message).toContain(`${file} does not exist`)
    })

    it('refuses a bundle whose archive is missing', async () => {
      const { bundle } = await packed(extra)
      await rm(path.join(bundle, BUNDLE_ARCHIVE))
      const err = await rejection(verifyBundle(bundle))
      expect(err).toBeInstanceOf(IntegrityError)
      expect(err.message).toContain('model.tar does not exist')
    })

    it('refuses to write a manifest that does not match its own file list', async () => {
      const { bundle, manifest } = await packed(extra)
      const err = await rejection(writeManifest(bundle, { ...manifest, files: manifest.files.slice(1) }))
      expect(err.message).toContain('does not match its file list')
      expect(await readManifest(bundle)).toEqual(manifest)
    })
  })
}

describe('unpacking hostile archives', () => {
  interface Crafted {
    name: string
    type?: 'file' | 'symlink' | 'link' | 'character-device' | 'directory'
    linkname?: string
    body?: string
    mode?: number
  }

  async function tarOf(entries: readonly Crafted[]): Promise<Buffer> {
    const pack = tar.pack()
    const chunks: Buffer[] = []
    const collected = (async () => {
      for await (const chunk of pack) chunks.push(chunk as Buffer)
    })()
    for (const e of entries) {
      const type = e.type ?? 'file'
      const header = { name: e.name, type, linkname: e.linkname, mode: e.mode ?? 0o644, mtime: new Date(0), devmajor: 1, devminor: 3 }
      await new Promise<void>((resolve, reject) => {
        const done = (err?: Error | null) => (err ? reject(err) : resolve())
        if (type === 'file') pack.entry(header, Buffer.from(e.body ?? ''), done)
        else pack.entry(header, done)
      })
    }
    pack.finalize()
    await collected
    return Buffer.concat(chunks)
  }

  /** Writes a bundle with an honest archive hash; the manifest lists `listed` (default: every entry as it is). */
  async function craftBundle(bundle: string, entries: readonly Crafted[], listed?: { files: ManifestFile[]; links: ManifestLink[] }): Promise<void> {
    const archive = await tarOf(entries)
    const files =
      listed?.files ??
      entries
        .filter(e => (e.type ?? 'file') === 'file')
        .map(e => ({ path: e.name, size: Buffer.byteLength(e.body ?? ''), sha256: sha256(e.body ?? ''), mode: e.mode ?? 0o644 }))
    const links = listed?.links ?? entries.filter(e => e.type === 'symlink').map(e => ({ path: e.name, target: e.linkname ?? '' }))
    const manifest: Manifest = {
      schemaVersion: 1,
      digest: bundleDigest(files, links),
      archiveSha256: sha256(archive),
      archiveSize: archive.length,
      files,
      links,
      lineage: lineage()
    }
    await mkdir(bundle, { recursive: true })
    await writeFile(path.join(bundle, BUNDLE_ARCHIVE), archive)
    await writeFile(path.join(bundle, BUNDLE_MANIFEST), JSON.stringify(manifest, null, 2))
  }

  const benign: Crafted = { name: 'ok.txt', body: 'fine' }
  const benignListing = { files: [{ path: 'ok.txt', size: 4, sha256: sha256('fine'), mode: 0o644 }], links: [] }

  // Layout: <root>/sandbox/dest is the destination, so `..` from it lands in <root>/sandbox.
  type Case = { title: string; entries: (root: string) => Crafted[]; sentinel: (root: string) => string; listable: boolean }
  const cases: Case[] = [
    {
      title: 'an absolute path',
      entries: root => [{ name: path.join(root, 'sentinel/pwned'), body: 'owned' }],
      sentinel: root => path.join(root, 'sentinel/pwned'),
      listable: true
    },
    { title: '../evil', entries: () => [{ name: '../evil', body: 'owned' }], sentinel: root => path.join(root, 'sandbox/evil'), listable: true },
    { title: 'a/../../evil', entries: () => [{ name: 'a/../../evil', body: 'owned' }], sentinel: root => path.join(root, 'sandbox/evil'), listable: true },
    {
      title: 'a backslash path',
      entries: () => [{ name: '..\\evil', body: 'owned' }],
      sentinel: root => path.join(root, 'sandbox/..\\evil'),
      listable: true
    },
    {
      title: 'a NUL in a (pax) path',
      entries: () => [{ name: 'é\u0000/../../evil', body: 'owned' }],
      sentinel: root => path.join(root, 'sandbox/evil'),
      listable: true
    },
    {
      title: 'a symlink to an absolute directory, then a file through it',
      entries: root => [
        { name: 'escape', type: 'symlink', linkname: path.join(root, 'sentinel') },
        { name: 'escape/pwned', body: 'owned' }
      ],
      sentinel: root => path.join(root, 'sentinel/pwned'),
      listable: true
    },
    {
      title: 'a symlink to ../.., then a file through it',
      entries: () => [
        { name: 'up', type: 'symlink', linkname: '../..' },
        { name: 'up/pwned', body: 'owned' }
      ],
      sentinel: root => path.join(root, 'pwned'),
      listable: true
    },
    {
      title: 'a nested symlink that climbs one level too far',
      entries: () => [
        { name: 'd/up', type: 'symlink', linkname: '../..' },
        { name: 'd/up/pwned', body: 'owned' }
      ],
      sentinel: root => path.join(root, 'sandbox/pwned'),
      listable: true
    },
    {
      title: 'a hard link to an outside file, then a write through it',
      entries: root => [
        { name: 'hard', type: 'link', linkname: path.join(root, 'sentinel/keep.txt') },
        { name: 'hard', body: 'overwritten' }
      ],
      sentinel: root => path.join(root, 'sentinel/pwned'),
      listable: false
    },
    {
      title: 'a device',
      entries: () => [{ name: 'null', type: 'character-device' }],
      sentinel: root => path.join(root, 'sandbox/dest/null'),
      listable: false
    },
    {
      title: 'a directory entry',
      entries: () => [{ name: 'dir', type: 'directory', mode: 0o755 }],
      sentinel: root => path.join(root, 'sandbox/dest/dir'),
      listable: false
    }
  ]

  async function expectRefused(root: string, bundle: string, sentinel: string): Promise<Error> {
    const dest = path.join(root, 'sandbox/dest')
    const err = await rejection(unpackBundle(bundle, dest))
    expect(err).toBeInstanceOf(IntegrityError)
    expect(await absent(dest)).toBe(true)
    expect(await absent(sentinel)).toBe(true)
    expect(await readdir(path.join(root, 'sentinel'))).toEqual(['keep.txt'])
    expect(await readFile(path.join(root, 'sentinel/keep.txt'), 'utf8')).toBe('keep')
    expect((await readdir(path.join(root, 'sandbox'))).sort()).toEqual(['bundle'])
    expect((await readdir(root)).sort()).toEqual(['sandbox', 'sentinel'])
    return err
  }

  async function arena(): Promise<{ root: string; bundle: string }> {
    const root = await tempDir()
    await put(path.join(root, 'sentinel/keep.txt'), 'keep')
    return { root, bundle: path.join(root, 'sandbox/bundle') }
  }

  for (const c of cases) {
    it(`refuses ${c.title} that the manifest does not list`, async () => {
      const { root, bundle } = await arena()
      await craftBundle(bundle, [benign, ...c.entries(root)], benignListing)
      const err = await expectRefused(root, bundle, c.sentinel(root))
      expect(err.message).toContain(`${BUNDLE_ARCHIVE}: entry`)
    })

    if (c.listable) {
      it(`refuses ${c.title} even when the manifest lists it`, async () => {
        const { root, bundle } = await arena()
        await craftBundle(bundle, [benign, ...c.entries(root)])
        const err = await expectRefused(root, bundle, c.sentinel(root))
        expect(err.message).toContain(BUNDLE_MANIFEST)
      })
    }
  }

  it('refuses a symlink whose target differs from the manifest', async () => {
    const { root, bundle } = await arena()
    await craftBundle(bundle, [benign, { name: 'link', type: 'symlink', linkname: '../..' }], {
      files: benignListing.files,
      links: [{ path: 'link', target: 'ok.txt' }]
    })
    const err = await expectRefused(root, bundle, path.join(root, 'sandbox/dest/link'))
    expect(err.message).toContain('the symlink points to "../..", the manifest says "ok.txt"')
  })

  it('refuses an entry that appears twice', async () => {
    const { root, bundle } = await arena()
    await craftBundle(bundle, [benign, { name: 'ok.txt', body: 'fine' }], benignListing)
    const err = await expectRefused(root, bundle, path.join(root, 'sandbox/dest/ok.txt'))
    expect(err.message).toContain('appears twice')
  })

  it('refuses an entry whose mode differs from the manifest', async () => {
    const { root, bundle } = await arena()
    await craftBundle(bundle, [{ name: 'ok.txt', body: 'fine', mode: 0o4755 }], benignListing)
    const err = await expectRefused(root, bundle, path.join(root, 'sandbox/dest/ok.txt'))
    expect(err.message).toContain('mode is 0o4755')
  })

  it('refuses a path that lies under a listed symlink', async () => {
    const { root, bundle } = await arena()
    await craftBundle(bundle, [
      { name: 'sub/file', body: 'x' },
      { name: 'alias', type: 'symlink', linkname: 'sub' },
      { name: 'alias/file', body: 'y' }
    ])
    const err = await expectRefused(root, bundle, path.join(root, 'sandbox/dest/sub/file'))
    expect(err.message).toContain('"alias/file" lies under "alias", which is a symlink')
  })

  it('refuses a destination that is not empty and leaves it alone', async () => {
    const { root, bundle } = await packed()
    const dest = path.join(root, 'busy')
    await put(path.join(dest, 'mine.txt'), 'mine')
    const err = await rejection(unpackBundle(bundle, dest))
    expect(err).toBeInstanceOf(IntegrityError)
    expect(err.message).toContain('not empty')
    expect(await readdir(dest)).toEqual(['mine.txt'])
  })

  it('refuses a destination that is a file', async () => {
    const { root, bundle } = await packed()
    const dest = path.join(root, 'a-file')
    await put(dest, 'x')
    const err = await rejection(unpackBundle(bundle, dest))
    expect(err).toBeInstanceOf(IntegrityError)
    expect(await readFile(dest, 'utf8')).toBe('x')
  })
})

describe('properties', () => {
  const name = fc.stringMatching(/^[a-z0-9_][a-z0-9_.-]{0,7}$/)
  const fileSpec = fc.record({
    segments: fc.array(name, { minLength: 1, maxLength: 3 }),
    content: fc.uint8Array({ maxLength: 3000 }),
    executable: fc.boolean()
  })

  it('pack then unpack reproduces every byte and mode of random trees', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileSpec, { minLength: 1, maxLength: 12 }), async specs => {
        const root = await mkdtemp(path.join(tmpdir(), 'bundle-prop-'))
        try {
          const taken: string[] = []
          for (const spec of specs) {
            const rel = spec.segments.join('/')
            // A path cannot be both a file and a directory of the tree.
            if (taken.some(t => t === rel || t.startsWith(`${rel}/`) || rel.startsWith(`${t}/`))) continue
            taken.push(rel)
            await put(path.join(root, 'model', rel), Buffer.from(spec.content), spec.executable ? 0o755 : 0o644)
          }
          const manifest = await packBundle(path.join(root, 'model'), path.join(root, 'bundle'), lineage())
          expect(manifest.files.map(f => f.path).sort()).toEqual([...taken].sort())
          await unpackBundle(path.join(root, 'bundle'), path.join(root, 'out'))
          expect(await readTree(path.join(root, 'out'))).toEqual(await readTree(path.join(root, 'model')))
        } finally {
          await rm(root, { recursive: true, force: true })
        }
      }),
      { numRuns: 40 }
    )
  })
})
