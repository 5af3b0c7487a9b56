/**
 * Model bundles: a model directory packed as one deterministic tar (model.tar) next to manifest.json.
 *
 * Everything streams with backpressure, so memory stays bounded whatever the model's size, and each
 * operation reads every byte once: packing hashes each file and the archive on the bytes as they pass
 * through. The archive is untrusted when read back (it may come from a release asset or an artifact),
 * so verifying and unpacking check every byte against the manifest (see verifyBundle) and refuse
 * anything that could write outside the destination.
 *
 * A bundle holds regular files and symlinks; directories are implied by the paths under them, so an
 * empty directory of the model is not kept.
 */
import crypto, { createHash, randomBytes } from 'node:crypto'
import { closeSync, constants as fsConstants, createReadStream, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs'
import { mkdir, open, readdir, readlink, realpath, rename, rm, stat, symlink, writeFile, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import type { ErrorObject } from 'ajv/dist/2020.js'
import validateManifest from '../spec/generated/manifest-validator.js'
import { DiskFullError, InputError, IntegrityError, isDiskFull, MODEL_NOT_PACKABLE } from '../errors.js'
import { FileHasher } from './file-hasher.js'
import { FilePrefetch, type PrefetchedFile } from './file-prefetch.js'
import { isPlainPath } from './plain-path.js'
import { SharedHasher, sharedHasherAvailable } from './shared-hasher.js'
import { TarReader, TAR_BLOCK, type TarEntryType } from './tar-reader.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST, MANIFEST_SCHEMA_VERSION, type Lineage, type Manifest, type ManifestFile, type ManifestLink } from './manifest.js'

/** Large reads keep syscalls and per-chunk overhead low; a few of them in flight stay far below the memory budget. */
const CHUNK_SIZE = 2 * 1024 * 1024
/** The archive is read back in pieces of this size: every small file's data is then in memory whole, hashed in one call. */
const READ_BUFFER = 4 * 1024 * 1024
/** Files up to this size are read whole; larger ones stream. */
const SMALL_FILE = 256 * 1024
/** From this many files on, they are read ahead on worker threads (which take a few milliseconds to start). */
const PREFETCH_MIN_FILES = 256
/** About this many bytes of small files are read ahead at a time (and one such batch is being packed). */
const PREFETCH_BATCH = 4 * 1024 * 1024
/**
 * On packing, a file of this size on is hashed on a worker thread (which takes a few milliseconds to
 * start) from the buffers being written (SharedHasher), beside the archive's hash, so the packer
 * hashes its bytes once, not twice. An archive of this size on that verify must hash whole (one not
 * byte for byte as pack writes it) is hashed on a worker thread reading it beside the scan (FileHasher).
 */
const PARALLEL_HASH_FROM = 32 * 1024 * 1024
/**
 * Large files stream through this many buffers of CHUNK_SIZE, reused from file to file: one being read
 * into, one being hashed, one being written; in shared memory, with a file hashed on a worker thread,
 * one more, which that thread may still be hashing.
 */
const CHUNK_BUFFERS = 3
const SHARED_CHUNK_BUFFERS = 4
/** The archive is written in blocks of this size: one write and one hash update for many small entries. */
const ARCHIVE_BLOCK = 1024 * 1024
const EXECUTABLE_MODE = 0o755
const REGULAR_MODE = 0o644
/** O_NOFOLLOW is absent on some platforms; there the walk's lstat is the only guard. */
const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0
const NON_BLOCKING = fsConstants.O_NONBLOCK ?? 0

/** For tests and measurements. */
export interface PackOptions {
  /** From this size on, a file is hashed on a worker thread (default PARALLEL_HASH_FROM; Infinity: never). */
  parallelHashFrom?: number
  /** Called (and awaited) with the worker hashing large files, once started. */
  onFileHasher?: (hasher: SharedHasher) => void | Promise<void>
}

/** A file's place on disk is not kept (`modelPath` gives it): 50,000 more long-lived strings would cost more garbage collection than remaking the few needed. */
type WalkEntry = { kind: 'file'; path: string } | { kind: 'link'; path: string; target: string }

/**
 * Where a path of the model is on disk. Names from a listing are single path segments: joined plainly,
 * without path.join's normalization (a model may hold tens of thousands of files). `prefix` is what
 * goes before a path for that where the separator is '/' (else null: path.join).
 */
function modelPath(root: string): { join: (rel: string) => string; prefix: string | null } {
  const base = root.endsWith('/') ? root : `${root}/`
  return path.sep === '/' ? { join: (rel: string) => base + rel, prefix: base } : { join: (rel: string) => path.join(root, rel), prefix: null }
}

/**
 * Packs `modelDir` into `bundleDir` (model.tar and manifest.json, replacing any previous ones) and
 * returns the manifest. The same directory content always gives the same archive bytes and digest.
 */
export async function packBundle(modelDir: string, bundleDir: string, lineage: Lineage, options: PackOptions = {}): Promise<Manifest> {
  const root = path.resolve(modelDir)
  const bundle = path.resolve(bundleDir)
  const rootReal = await modelRoot(root)
  const lineageProblems = manifestProblems(placeholderManifest(lineage))
  if (lineageProblems.length > 0) throw new Error(`packBundle: the lineage does not fit the manifest schema: ${lineageProblems.join('; ')}`)
  // The archive is written while the model directory is walked; inside it, the walk would pack the archive itself.
  if (isInside(root, bundle)) throw new InputError([{ message: `the bundle directory ${bundle} is inside the model directory ${root}; put it elsewhere` }])
  await mkdir(bundle, { recursive: true }).catch(diskFullAs(bundle))
  if (isInside(rootReal, await realpath(bundle))) {
    throw new InputError([{ message: `the bundle directory ${bundle} resolves inside the model directory ${root}; put it elsewhere` }])
  }

  // The reading threads start as soon as the walk has seen enough files, and load their program while it goes on.
  const early: { prefetch: FilePrefetch | null } = { prefetch: null }
  let entries: WalkEntry[]
  try {
    entries = await walkModel(root, rootReal, early)
  } catch (err) {
    await early.prefetch?.close()
    throw err
  }
  const archivePath = path.join(bundle, BUNDLE_ARCHIVE)
  const tmp = temporaryName(archivePath)
  try {
    const archive = await writeArchive(entries, modelPath(root), tmp, options, early.prefetch)
    const manifest: Manifest = {
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      digest: bundleDigest(archive.files, archive.links),
      archiveSha256: archive.sha256,
      archiveSize: archive.size,
      files: archive.files,
      links: archive.links,
      lineage
    }
    // A stale manifest next to the new archive would describe the wrong bytes; without one the bundle is plainly unfinished.
    await rm(path.join(bundle, BUNDLE_MANIFEST), { force: true })
    await rename(tmp, archivePath)
    // Not writeManifest: the file list was built here from checked paths and fresh hashes, and the
    // lineage was checked (as JSON) above; validating 50,000 entries again would cost a tenth of a second.
    await replaceManifest(path.join(bundle, BUNDLE_MANIFEST), manifestText(manifest))
    return manifest
  } catch (err) {
    await rm(tmp, { force: true })
    // The archive being written is the usual victim of a full disk; name the bundle's place, not a temporary name.
    throw isDiskFull(err) ? new DiskFullError(archivePath, { cause: err }) : err
  }
}

/** Reads and validates `bundleDir/manifest.json`; anything missing, malformed or unsafe is an IntegrityError. */
export async function readManifest(bundleDir: string): Promise<Manifest> {
  const file = path.join(bundleDir, BUNDLE_MANIFEST)
  let text: string
  try {
    // One synchronous call decodes the whole file (a manifest of 50,000 files is about 8 MB); the
    // streamed decoding of readFile took several times as long.
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if (errorCode(err) === 'ENOENT') throw new IntegrityError(`${file} does not exist: the bundle is incomplete or this is not a bundle directory`)
    throw new IntegrityError(`cannot read ${file}: ${errorMessage(err)}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new IntegrityError(`${file} is not valid JSON: ${errorMessage(err)}`)
  }
  if (isRecord(data) && typeof data.schemaVersion === 'number' && data.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
    throw new IntegrityError(
      `${file} has schemaVersion ${data.schemaVersion}, but this version of retrain-action reads schemaVersion ${MANIFEST_SCHEMA_VERSION}; ` +
        'use the retrain-action version that wrote the bundle, or a newer one'
    )
  }
  const problems = manifestProblems(data)
  if (problems.length > 0) throw new IntegrityError(`${file} is not a valid manifest: ${problems.join('; ')}`)
  return data as Manifest
}

/** Replaces `bundleDir/manifest.json` atomically: readers see the old or the new manifest, never a mix. */
export async function writeManifest(bundleDir: string, manifest: Manifest): Promise<void> {
  const file = path.join(bundleDir, BUNDLE_MANIFEST)
  const text = manifestText(manifest)
  // Validate what will be on disk: JSON turns NaN into null and drops undefined.
  const problems = manifestProblems(JSON.parse(text))
  if (problems.length > 0) throw new Error(`refusing to write ${file}: the manifest is invalid: ${problems.join('; ')}`)
  const digest = bundleDigest(manifest.files, manifest.links)
  if (digest !== manifest.digest) throw new Error(`refusing to write ${file}: its digest ${manifest.digest} does not match its file list (${digest})`)
  await replaceManifest(file, text)
}

function manifestText(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + '\n'
}

async function replaceManifest(file: string, text: string): Promise<void> {
  const tmp = temporaryName(file)
  try {
    await writeFile(tmp, text, { flag: 'wx' })
    await rename(tmp, file)
  } catch (err) {
    await rm(tmp, { force: true })
    throw isDiskFull(err) ? new DiskFullError(file, { cause: err }) : err
  }
}

/**
 * Reads model.tar and checks it against the manifest: every byte, every entry, the digest. An archive
 * byte for byte as pack writes it for this manifest is checked header by header and file by file (its
 * headers, padding and end blocks against what the manifest implies, its files' data against their
 * sha256), which covers every byte; any other archive is also hashed whole against archiveSha256.
 */
export async function verifyBundle(bundleDir: string): Promise<Manifest> {
  const manifest = await readManifest(bundleDir)
  await scanArchive(bundleDir, manifest, null)
  return manifest
}

/**
 * Extracts the bundle into `destDir` (absent or empty) while verifying it, in one pass. On any failure
 * `destDir` is removed with whatever was extracted, and the error is thrown.
 */
export async function unpackBundle(bundleDir: string, destDir: string): Promise<Manifest> {
  const manifest = await readManifest(bundleDir)
  const dest = path.resolve(destDir)
  await createEmptyDestination(dest).catch(diskFullAs(dest))
  try {
    await scanArchive(bundleDir, manifest, dest)
  } catch (err) {
    await rm(dest, { recursive: true, force: true })
    throw err
  }
  return manifest
}

/** Hex sha256 of a file's bytes, streamed. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK_SIZE })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * The bundle's identity: sha256 over the canonical file and link lists (see the schema's `digest`).
 * Lists are sorted by UTF-8 bytes so any language can recompute it.
 */
export function bundleDigest(files: readonly ManifestFile[], links: readonly ManifestLink[]): string {
  const canonical = {
    files: sortByPath(files).map(f => [f.path, f.size, f.sha256, f.mode]),
    links: sortByPath(links).map(l => [l.path, l.target])
  }
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex')
}

async function modelRoot(root: string): Promise<string> {
  try {
    const info = await stat(root)
    if (info.isDirectory()) return await realpath(root)
  } catch (err) {
    if (errorCode(err) !== 'ENOENT') throw err
  }
  throw new InputError([{ message: `the model directory ${root} does not exist or is not a directory` }])
}

async function walkModel(root: string, rootReal: string, early: { prefetch: FilePrefetch | null }): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = []
  let files = 0
  const directories = ['']
  // Each directory is listed synchronously: from the page cache that takes microseconds, where a
  // round trip through the thread pool can take far longer.
  const { join } = modelPath(root)
  for (let relDir = directories.pop(); relDir !== undefined; relDir = directories.pop()) {
    for (const dirent of readdirSync(relDir === '' ? root : join(relDir), { withFileTypes: true })) {
      const rel = relDir === '' ? dirent.name : `${relDir}/${dirent.name}`
      const unsafe = unsafePathReason(rel)
      if (unsafe)
        throw new IntegrityError(`refusing to pack ${join(rel)}: its path ${unsafe}, so it could not be unpacked safely; rename it`, MODEL_NOT_PACKABLE)
      // A name that is not UTF-8 (a Latin-1 byte) is listed with U+FFFD in its place, a name of no file.
      if (dirent.name.includes('\uFFFD') && lstatSync(join(rel), { throwIfNoEntry: false }) === undefined) {
        throw new IntegrityError(
          `refusing to pack ${join(rel)}: its name is not UTF-8 (shown here with U+FFFD), so it cannot be stored; rename it`,
          MODEL_NOT_PACKABLE
        )
      }
      if (dirent.isDirectory()) directories.push(rel)
      else if (dirent.isFile()) {
        entries.push({ kind: 'file', path: rel })
        if (++files === PREFETCH_MIN_FILES) early.prefetch = new FilePrefetch(null, SMALL_FILE, PREFETCH_BATCH)
      } else if (dirent.isSymbolicLink()) entries.push({ kind: 'link', path: rel, target: await insideLinkTarget(root, rootReal, rel, join(rel)) })
      else {
        throw new IntegrityError(
          `refusing to pack ${join(rel)}: it is a ${describeSpecialFile(dirent)}; a bundle holds only regular files, directories and symlinks that stay inside the model directory`,
          MODEL_NOT_PACKABLE
        )
      }
    }
  }
  return sortByPath(entries)
}

/**
 * The target to store for a symlink: relative to the link's directory and free of other links, so the
 * stored path resolves the same way lexically as on disk (unpacking checks it lexically).
 */
async function insideLinkTarget(root: string, rootReal: string, rel: string, abs: string): Promise<string> {
  const raw = await readlink(abs)
  let resolved: string
  try {
    resolved = await realpath(abs)
  } catch {
    throw new IntegrityError(`refusing to pack the symlink ${abs} -> ${raw}: its target does not exist or the links loop`, MODEL_NOT_PACKABLE)
  }
  if (!isInside(rootReal, resolved)) {
    throw new IntegrityError(
      `refusing to pack the symlink ${abs} -> ${raw}: it resolves to ${resolved}, outside the model directory ${root}; copy the target into the model directory instead`,
      MODEL_NOT_PACKABLE
    )
  }
  const target = path
    .relative(path.join(rootReal, path.dirname(rel)), resolved)
    .split(path.sep)
    .join('/')
  return target === '' ? '.' : target
}

interface ArchiveResult {
  files: ManifestFile[]
  links: ManifestLink[]
  sha256: string
  size: number
}

/**
 * Writes the entries as a new tar at `dest`, hashing each file and the archive on the way.
 *
 * Small files are read whole with a few synchronous calls each (open, stat, read to the end, close):
 * from the page cache that costs microseconds, where every asynchronous call costs a round trip
 * through the thread pool, and a model may hold tens of thousands of them. With many files, a worker
 * thread makes those calls ahead of this one (FilePrefetch). Their entries are gathered into blocks
 * of ARCHIVE_BLOCK bytes, each written while the next one fills. Large files stream in CHUNK_SIZE
 * pieces: each is hashed while the next is read and the one before it written (a file of
 * PARALLEL_HASH_FROM bytes or more on a worker thread, while this one hashes the archive). Either way
 * the event loop gets a turn at every write.
 */
async function writeArchive(
  entries: readonly WalkEntry[],
  model: ReturnType<typeof modelPath>,
  dest: string,
  options: PackOptions,
  prefetch: FilePrefetch | null
): Promise<ArchiveResult> {
  let out: FileHandle
  try {
    out = await open(dest, 'wx')
  } catch (err) {
    await prefetch?.close()
    throw err
  }
  const archive = new ArchiveWriter(out, options)
  const files: ManifestFile[] = []
  const links: ManifestLink[] = []
  try {
    if (prefetch !== null) {
      const filePaths: string[] = []
      for (const entry of entries) if (entry.kind === 'file') filePaths.push(model.prefix === null ? model.join(entry.path) : entry.path)
      prefetch.begin(filePaths, model.prefix ?? '')
    }
    for (const entry of entries) {
      if (entry.kind === 'link') {
        await archive.append(tarHeader({ name: entry.path, type: 'symlink', size: 0, mode: 0o777, linkname: entry.target }))
        links.push({ path: entry.path, target: entry.target })
      } else {
        try {
          // Most files: read ahead (or read here) whole, and added without waiting for anything.
          const next = prefetch?.take()
          const small = smallFile(model.join, entry.path, next instanceof Promise ? await next : next, archive.scratch)
          if (small === null) files.push(await addLargeFile(archive, entry.path, model.join(entry.path)))
          else {
            const mode = small.mode & 0o111 ? EXECUTABLE_MODE : REGULAR_MODE
            const header = tarHeader({ name: entry.path, type: 'file', size: small.bytes.length, mode })
            // Usually all three fit in the block being gathered: copied at once, without waiting for anything.
            if (!archive.tryAppend(header, small.bytes, paddingLength(small.bytes.length))) {
              await archive.append(header)
              await archive.append(small.bytes)
              await archive.append(tarPadding(small.bytes.length))
            }
            files.push({ path: entry.path, size: small.bytes.length, sha256: small.sha256 ?? sha256Of(small.bytes), mode })
          }
        } catch (err) {
          // Listed by the walk, gone when read (or its directory gone, or something not a directory in its place).
          const code = errorCode(err)
          if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') {
            throw new IntegrityError(
              `${model.join(entry.path)} disappeared or was replaced while it was being packed (${code}); make sure nothing writes to the model directory during packing`
            )
          }
          throw err
        }
      }
    }
    await archive.append(END_OF_ARCHIVE)
    await archive.end()
    return { files, links, sha256: archive.digest(), size: archive.size }
  } finally {
    await prefetch?.close()
    await archive.settled()
    await out.close()
    await archive.close()
  }
}

/**
 * The archive being written: small pieces gathered into one block, every byte hashed once as it goes
 * out. Large files stream through buffers of their own (chunk()), in shared memory once a file of
 * PARALLEL_HASH_FROM bytes comes, so that a worker thread hashes the file (fileHasher()) while this
 * one hashes the archive.
 */
class ArchiveWriter {
  private readonly hash = createHash('sha256')
  private block = Buffer.allocUnsafe(ARCHIVE_BLOCK)
  private spare = Buffer.allocUnsafe(ARCHIVE_BLOCK)
  private used = 0
  /** The buffers large files stream through, in turn (made at the first large file). */
  private chunks: Buffer[] = []
  /** The memory of the last piece handed to a write (a buffer is not refilled while its write runs). */
  private lastWritten: ArrayBufferLike | null = null
  /** The thread hashing large files, started at the first file of PARALLEL_HASH_FROM bytes. */
  private hasher: SharedHasher | null = null
  private readonly parallelHashFrom: number
  /** Where a small file the packer reads itself goes (one at a time: its bytes are used before the next is read). */
  readonly scratch = Buffer.allocUnsafe(SMALL_FILE + 1)
  /** The write of the last full block, running while the next one fills. */
  private writing: Promise<void> = Promise.resolve()
  size = 0

  constructor(
    private readonly file: FileHandle,
    private readonly options: PackOptions
  ) {
    this.parallelHashFrom = options.parallelHashFrom ?? PARALLEL_HASH_FROM
  }

  /**
   * The thread to hash a large file of `size` bytes on, streamed through chunk() (from
   * PARALLEL_HASH_FROM bytes on; else null: the caller hashes it).
   */
  async fileHasher(size: number): Promise<SharedHasher | null> {
    if (this.hasher === null && size >= this.parallelHashFrom && sharedHasherAvailable) {
      const hasher = new SharedHasher()
      this.hasher = hasher
      await this.options.onFileHasher?.(hasher)
      // A write still running from the buffers before keeps them alive until it ends.
      this.chunks = Array.from({ length: SHARED_CHUNK_BUFFERS }, () => hasher.buffer(CHUNK_SIZE))
    }
    return size >= this.parallelHashFrom ? this.hasher : null
  }

  /** The buffer to read a large file's piece `k` into, once its last write and hashing are done. */
  async chunk(k: number): Promise<Buffer> {
    if (this.chunks.length === 0) this.chunks = Array.from({ length: CHUNK_BUFFERS }, () => Buffer.allocUnsafe(CHUNK_SIZE))
    const buffer = this.chunks[k % this.chunks.length]!
    if (buffer.buffer === this.lastWritten) await this.writing
    await this.hasher?.release(buffer)
    return buffer
  }

  /** Stops the hashing thread, if any. */
  async close(): Promise<void> {
    await this.hasher?.close()
  }

  /** Copies a header, data and `padding` zeros into the block being gathered when they all fit; false (nothing copied) when they do not. */
  tryAppend(header: Buffer, data: Buffer, padding: number): boolean {
    const end = this.used + header.length + data.length + padding
    if (end > ARCHIVE_BLOCK) return false
    this.block.set(header, this.used)
    this.block.set(data, this.used + header.length)
    this.block.fill(0, end - padding, end)
    this.used = end
    return true
  }

  /**
   * Appends `bytes` (less than a block), taken as they are when called: a header is encoded into one
   * scratch block shared by every pack in the process, which another may reuse while this one waits.
   */
  async append(bytes: Buffer): Promise<void> {
    if (this.used + bytes.length > ARCHIVE_BLOCK) {
      const copy = Buffer.from(bytes)
      await this.flush()
      bytes = copy
    }
    this.block.set(bytes, this.used)
    this.used += bytes.length
  }

  /**
   * Appends a large piece without copying it: its write starts once the writes before it are done,
   * and runs on while the caller reads and hashes the next piece. The caller must leave `bytes`
   * untouched until its next call to this writer resolves.
   */
  async appendLarge(bytes: Buffer): Promise<void> {
    await this.flush()
    await this.writing
    this.write(bytes)
  }

  /** Hands the gathered block to a write, once the write before it is done, and swaps in the other block. */
  async flush(): Promise<void> {
    await this.writing
    if (this.used === 0) return
    this.write(this.block.subarray(0, this.used))
    ;[this.block, this.spare] = [this.spare, this.block]
    this.used = 0
  }

  /** Writes what is gathered and waits for every write: a failure of the last one is the archive's. */
  async end(): Promise<void> {
    await this.flush()
    await this.writing
  }

  /** Waits for the last write, whether it succeeds or not (before the file is closed after a failure). */
  async settled(): Promise<void> {
    await this.writing.catch(() => {})
  }

  digest(): string {
    return this.hash.digest('hex')
  }

  private write(bytes: Buffer): void {
    this.writing = handled(writeAll(this.file, bytes))
    this.lastWritten = bytes.buffer
    this.hash.update(bytes)
    this.size += bytes.length
  }
}

function changedWhilePacked(abs: string): IntegrityError {
  return new IntegrityError(`${abs} changed while it was being packed; make sure nothing writes to the model directory during packing`)
}

/** A small file's bytes: read ahead when given, else read here; null for a large file (it streams). */
function smallFile(
  join: (rel: string) => string,
  rel: string,
  prefetched: PrefetchedFile | undefined,
  scratch: Buffer
): { bytes: Buffer; mode: number; sha256?: string } | null {
  if (prefetched === undefined || prefetched.kind === 'unread') return readSmallFile(join(rel), scratch)
  if (prefetched.kind === 'changed') throw changedWhilePacked(join(rel))
  return prefetched.kind === 'small' ? prefetched : null
}

/** Adds a file larger than SMALL_FILE, streamed. */
async function addLargeFile(archive: ArchiveWriter, rel: string, abs: string): Promise<ManifestFile> {
  const changed = () => changedWhilePacked(abs)
  const file = await open(abs, fsConstants.O_RDONLY | NO_FOLLOW)
  let reading: Promise<{ bytesRead: number; buffer: Buffer }> | undefined
  try {
    const info = await file.stat()
    if (!info.isFile()) throw changed()
    const mode = info.mode & 0o111 ? EXECUTABLE_MODE : REGULAR_MODE
    await archive.append(tarHeader({ name: rel, type: 'file', size: info.size, mode }))
    const hasher = await archive.fileHasher(info.size)
    const hash = hasher === null ? createHash('sha256') : null
    let read = 0
    reading = handled(file.read(await archive.chunk(0), 0, CHUNK_SIZE, null))
    for (let k = 0; ; k++) {
      const { bytesRead, buffer } = await reading
      if (bytesRead === 0) break
      read += bytesRead
      if (read > info.size) throw changed()
      reading = handled(file.read(await archive.chunk(k + 1), 0, CHUNK_SIZE, null))
      const bytes = buffer.subarray(0, bytesRead)
      if (hash !== null) hash.update(bytes)
      else hasher!.update(bytes)
      await archive.appendLarge(bytes)
    }
    if (read !== info.size) throw changed()
    await archive.append(tarPadding(info.size))
    const sha256 = hash !== null ? hash.digest('hex') : await hashedOnThread(hasher!, info.size)
    return { path: rel, size: info.size, sha256, mode }
  } finally {
    // A read still in flight must not land in a closed file's buffer.
    await reading?.catch(() => {})
    await file.close()
  }
}

/** The digest of a file hashed on the worker thread, which must have seen all its `size` bytes. */
async function hashedOnThread(hasher: SharedHasher, size: number): Promise<string> {
  const result = await hasher.digest()
  if (result.size !== size) throw new Error(`the hashing thread hashed ${result.size} bytes of a file of ${size}`)
  return result.sha256
}

/**
 * A file of at most SMALL_FILE bytes, read whole with synchronous calls into `scratch` (the bytes are a
 * view of it); null when it is larger (it streams instead). It is read to the end, so a file that
 * grows or shrinks meanwhile is noticed.
 */
function readSmallFile(abs: string, scratch: Buffer): { bytes: Buffer; mode: number; sha256?: string } | null {
  // Non-blocking: a named pipe put in a file's place must not stall the open; fstat then refuses it.
  const fd = openSync(abs, fsConstants.O_RDONLY | NO_FOLLOW | NON_BLOCKING)
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw changedWhilePacked(abs)
    if (info.size > SMALL_FILE) return null
    // One byte more than expected: reading it means the file grew. The bytes are used before the next
    // file is read (copied into the archive block, hashed), so one buffer serves every file.
    const bytes = scratch
    let read = 0
    // A regular file reads short only at its end: one read that stops at the size (not at the byte more) is the whole file.
    for (let n = readSync(fd, bytes, 0, info.size + 1, null); n > 0; n = read === info.size ? 0 : readSync(fd, bytes, read, info.size + 1 - read, null)) {
      read += n
      if (read > info.size) throw changedWhilePacked(abs)
    }
    if (read !== info.size) throw changedWhilePacked(abs)
    return { bytes: bytes.subarray(0, read), mode: info.mode }
  } finally {
    closeSync(fd)
  }
}

// ---- tar headers ----

/** Two zero blocks end an archive. */
const END_OF_ARCHIVE = Buffer.alloc(2 * TAR_BLOCK)
const TYPE_FLAG = { file: 0x30, symlink: 0x32, 'pax-header': 0x78 } as const

interface TarHeader {
  name: string
  type: keyof typeof TYPE_FLAG
  size: number
  mode: number
  linkname?: string
}

/**
 * The header block(s) of one entry, byte for byte as the tar library's pack wrote them (the archive
 * format predates this encoder, and the same directory must keep giving the same archive digest):
 * ustar with the owner, group and time fields zero, a name split at a '/' into prefix and name when
 * longer than 100 bytes, and a PAX record ('path', 'linkpath') under a 'PaxHeader' entry when the name
 * or link target is not ASCII or does not fit.
 */
function tarHeader(header: TarHeader): Buffer {
  const plain = ustarHeader(header)
  if (plain !== null) return plain
  let records = paxRecord('path', header.name)
  if (header.linkname) records += paxRecord('linkpath', header.linkname)
  const pax = Buffer.from(records)
  const linkname = header.linkname && 'PaxHeader'
  const paxHeader = Buffer.from(ustarHeader({ name: 'PaxHeader', type: 'pax-header', size: pax.length, mode: header.mode, linkname })!)
  const entryHeader = ustarHeader({ name: 'PaxHeader', type: header.type, size: header.size, mode: header.mode, linkname })!
  return Buffer.concat([paxHeader, pax, tarPadding(pax.length), entryHeader])
}

function ustarHeader({ name, type, size, mode, linkname }: TarHeader): Buffer | null {
  // Only ASCII names: the length in characters is then the length in bytes.
  if (!isAscii(name)) return null
  let prefix = ''
  while (name.length > 100) {
    const slash = name.indexOf('/')
    if (slash === -1) return null
    prefix += prefix ? `/${name.slice(0, slash)}` : name.slice(0, slash)
    name = name.slice(slash + 1)
  }
  if (prefix.length > 155) return null
  if (linkname && Buffer.byteLength(linkname) > 100) return null
  // One block, reused: the caller copies the header out before asking for the next. The fields
  // every entry shares (owner, group, time, magic, devices) come from a template.
  const block = HEADER_SCRATCH
  block.set(HEADER_TEMPLATE)
  // The checksum counts its own field as eight spaces (the template's): the template's sum, plus the
  // bytes written here over its zeros, summed as they are written.
  let sum = TEMPLATE_SUM + putAscii(block, 0, name) + writeOctal(block, 100, mode & 0o7777, 6)
  if (size > MAX_OCTAL_SIZE) {
    // Beyond 8 GiB: base-256, big-endian, after a 0x80 marker.
    block[124] = 0x80
    sum += 0x80
    for (let i = 11, rest = size; i > 0; i--, rest = Math.floor(rest / 256)) {
      block[124 + i] = rest % 256
      sum += rest % 256
    }
  } else {
    sum += writeOctal(block, 124, size, 11)
  }
  block[156] = TYPE_FLAG[type]
  sum += TYPE_FLAG[type]
  if (linkname) {
    const written = block.write(linkname, 157)
    for (let i = 157; i < 157 + written; i++) sum += block[i]!
  }
  if (prefix) sum += putAscii(block, 345, prefix)
  writeOctal(block, 148, sum, 6)
  block[155] = 0
  return block
}

/** The largest size written in the header's 11 octal digits. */
const MAX_OCTAL_SIZE = 8 ** 11 - 1

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false
  return true
}

/** Writes an ASCII string's characters as bytes; returns their sum. */
function putAscii(block: Buffer, offset: number, text: string): number {
  let sum = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    block[offset + i] = c
    sum += c
  }
  return sum
}

/** `digits` octal digits and a space at `offset`, all sevens when the value does not fit; returns the bytes' sum. */
function writeOctal(block: Buffer, offset: number, value: number, digits: number): number {
  let sum = 0x20
  if (value >= 8 ** digits) {
    block.fill(0x37, offset, offset + digits)
    sum += 0x37 * digits
  } else if (value < 2 ** 31) {
    // Most values (modes, checksums, sizes under 2 GiB): shifts, not divisions.
    for (let i = digits - 1, rest = value; i >= 0; i--, rest >>>= 3) {
      block[offset + i] = 0x30 + (rest & 7)
      sum += 0x30 + (rest & 7)
    }
  } else {
    for (let i = digits - 1, rest = value; i >= 0; i--, rest = Math.floor(rest / 8)) {
      block[offset + i] = 0x30 + (rest % 8)
      sum += 0x30 + (rest % 8)
    }
  }
  block[offset + digits] = 0x20
  return sum
}

/** The header fields every entry shares, and spaces in the checksum field while it is summed. */
const HEADER_TEMPLATE = (() => {
  const block = Buffer.alloc(TAR_BLOCK)
  for (const offset of [108, 116, 329, 337]) block.write(octal(0, 6), offset)
  block.write(octal(0, 11), 136)
  block.fill(0x20, 148, 156)
  block.write('ustar\0' + '00', 257, 'latin1')
  return block
})()
const TEMPLATE_SUM = HEADER_TEMPLATE.reduce((sum, byte) => sum + byte, 0)

/** `digits` octal digits and a space; all sevens when the value does not fit. */
function octal(value: number, digits: number): string {
  const text = value.toString(8)
  return text.length > digits ? `${'7'.repeat(digits)} ` : `${text.padStart(digits, '0')} `
}

/** One PAX record, "LENGTH key=value\n", where LENGTH counts the whole record, its own digits included. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`
  const length = Buffer.byteLength(body)
  let digits = String(length).length
  if (length + digits >= 10 ** digits) digits++
  return `${length + digits}${body}`
}

const ZERO_BLOCK = Buffer.alloc(TAR_BLOCK)
const HEADER_SCRATCH = Buffer.alloc(TAR_BLOCK)

/** Hex sha256 of bytes in memory: the one-shot form where the runtime has it (Node 20.12+), it skips building a Hash object. */
function sha256Of(bytes: Buffer): string {
  return oneShotHash ? oneShotHash('sha256', bytes, 'hex') : createHash('sha256').update(bytes).digest('hex')
}
const oneShotHash = (crypto as { hash?: (algorithm: string, data: Buffer, encoding: 'hex') => string }).hash

/** The zeros that pad `size` bytes of data to a whole block. */
function tarPadding(size: number): Buffer {
  return ZERO_BLOCK.subarray(0, paddingLength(size))
}

function paddingLength(size: number): number {
  const over = size % TAR_BLOCK
  return over === 0 ? 0 : TAR_BLOCK - over
}

/**
 * Reads model.tar once, checking it against the manifest; with `dest`, writes each verified entry
 * under it. Symlinks are created last, after every file, so no file can be written through one.
 */
async function scanArchive(bundleDir: string, manifest: Manifest, dest: string | null): Promise<void> {
  const archive = path.join(bundleDir, BUNDLE_ARCHIVE)
  let archiveInfo
  try {
    archiveInfo = await stat(archive)
  } catch (err) {
    if (errorCode(err) === 'ENOENT') throw new IntegrityError(`${archive} does not exist: the bundle is incomplete`)
    throw err
  }
  if (archiveInfo.size !== manifest.archiveSize) {
    throw new IntegrityError(`${archive} is ${archiveInfo.size} bytes, but the manifest says ${manifest.archiveSize}: the archive was truncated or replaced`)
  }

  const madeDirs = new Set<string>()
  let archiveSize = 0
  const input = await open(archive, 'r')
  /**
   * The thread hashing the whole archive, reading the file beside this one, which hashes its files:
   * started only for an archive of PARALLEL_HASH_FROM bytes on that is not byte for byte what pack
   * writes for this manifest (below); a smaller one is hashed here at the end (`hashHere`).
   */
  let hasher = null as FileHasher | null
  let hashHere: boolean
  const reader = new TarReader(input, bytes => void (archiveSize += bytes.length), READ_BUFFER)
  /** The file entry being read, to say where a damaged archive broke off. */
  let current: { name: string; expected: number; read: number } | null = null
  let entriesRead = 0
  /** The manifest's files and links up to these indexes came in the archive in pack's order, each header exactly as pack writes it. */
  let fileIndex = 0
  let linkIndex = 0
  /** The bytes of those entries: headers, data and padding. */
  let inOrderBytes = 0
  /** What the manifest lists and the archive lacks. */
  const missing: string[] = []

  /** A file's data, hashed (and written under `dest`), checked against the manifest. */
  const checkData = async (expected: ManifestFile, at: () => string, hashed?: string): Promise<void> => {
    const output = dest === null || hashed !== undefined ? null : await createOutputFile(dest, expected.path, expected.mode, madeDirs)
    let actual: string
    if (hashed !== undefined) actual = hashed
    // A small file already in the reader's buffer is hashed here, without a promise.
    else if (output === null && reader.holds(expected.size)) actual = sha256Of(reader.whole(expected.size))
    else {
      const progress = { name: expected.path, expected: expected.size, read: 0 }
      current = progress
      actual = await consumeFile(reader, expected.size, output, n => (progress.read += n))
      current = null
    }
    if (actual !== expected.sha256) {
      throw new IntegrityError(`${at()}: sha256 is ${actual}, the manifest says ${expected.sha256}; the bundle was corrupted or tampered with`)
    }
  }

  try {
    // Pack writes the entries in the manifest's order (files and links merged by path), each header
    // encoded from its manifest entry: as long as the archive's next header is byte for byte the one
    // the next file or link of the manifest gives, that entry is the one expected (its name, size,
    // mode, type and target are the manifest's), and its data follows. No header is parsed and
    // nothing is looked up. At the first entry that is anything else, the scan goes on entry by
    // entry below, which says what is wrong (or reads an archive written in another order).
    for (;;) {
      const file = manifest.files[fileIndex]
      const link = manifest.links[linkIndex]
      if (file === undefined && link === undefined) break
      let matched: 'file' | 'link' | null = null
      if (file !== undefined) {
        const fields = { name: file.path, type: 'file', size: file.size, mode: file.mode } as const
        const header = tarHeader(fields)
        // Encoded again after a wait: the header's block is shared by every scan and pack in the process.
        const match = reader.matchHeader(header, file.size) ?? ((await reader.ensure(header.length)) && reader.matchHeader(tarHeader(fields), file.size))
        if (match) {
          matched = 'file'
          inOrderBytes += header.length + file.size + paddingLength(file.size)
        }
      }
      if (matched === null && link !== undefined) {
        const fields = { name: link.path, type: 'symlink', size: 0, mode: 0o777, linkname: link.target } as const
        const header = tarHeader(fields)
        const match = reader.matchHeader(header, 0) ?? ((await reader.ensure(header.length)) && reader.matchHeader(tarHeader(fields), 0))
        if (match) {
          matched = 'link'
          inOrderBytes += header.length
        }
      }
      if (matched === null) break
      if (matched === 'file') {
        fileIndex++
        // A small file already in the reader's buffer is hashed here, without a promise.
        if (dest === null && reader.holds(file!.size)) {
          const actual = sha256Of(reader.whole(file!.size))
          if (actual !== file!.sha256) await checkData(file!, () => `${archive}: entry ${JSON.stringify(file!.path)}`, actual)
        } else await checkData(file!, () => `${archive}: entry ${JSON.stringify(file!.path)}`)
      } else linkIndex++
      entriesRead++
    }

    // Every header and every file's data has been checked so far. When every entry of the manifest
    // came so, the padding after the last one is zeros, and the end-of-archive marker is the two
    // zero blocks pack writes (checked below: zeros to the end, and the size), the archive is byte
    // for byte the one pack writes for this manifest: hashing it whole would check nothing more, so
    // it is not hashed. Any other archive (written in another order or form, or damaged) is hashed
    // whole and its sha256 compared with the manifest's, as every archive used to be.
    const inOrder =
      fileIndex === manifest.files.length &&
      linkIndex === manifest.links.length &&
      manifest.archiveSize === inOrderBytes + END_OF_ARCHIVE.length &&
      (await reader.zeroPadding())
    if (!inOrder && manifest.archiveSize >= PARALLEL_HASH_FROM) {
      hasher = new FileHasher(archive)
      hasher.extend(manifest.archiveSize)
    }
    hashHere = !inOrder && hasher === null

    // The rest, entry by entry (after the entries above, only the end-of-archive marker, in an archive as pack writes it).
    const files = new Map(manifest.files.slice(fileIndex).map(f => [f.path, f]))
    const links = new Map(manifest.links.slice(linkIndex).map(l => [l.path, l]))
    /** The entries read so far: made at the first entry read here (usually none). */
    let seen: Set<string> | null = null
    for (let entry = await reader.next(); entry !== null; entry = reader.nextBuffered() ?? (await reader.next())) {
      seen ??= new Set([...manifest.files.slice(0, fileIndex).map(f => f.path), ...manifest.links.slice(0, linkIndex).map(l => l.path)])
      const name = entry.name
      // Built only for a message: most archives never need one, and a model may hold many entries.
      const at = () => `${archive}: entry ${JSON.stringify(name)}`
      const listedFile = files.get(name)
      // A path the manifest lists was checked with the manifest; only another one needs checking here.
      const unsafe = listedFile !== undefined || links.has(name) ? null : unsafePathReason(name)
      if (unsafe) throw new IntegrityError(`${at()}: unsafe path: it ${unsafe}; refusing the bundle`)
      if (seen.has(name)) throw new IntegrityError(`${at()} appears twice in the archive`)
      seen.add(name)

      if (entry.type === 'file') {
        const expected = listedFile
        if (!expected)
          throw new IntegrityError(`${at()} is not listed in the manifest as a file${links.has(name) ? ' (the manifest lists it as a symlink)' : ''}`)
        // Checked before any byte of the body is read: a header may declare any size (1 TiB), and only the manifest's is trusted.
        if (entry.size !== expected.size) {
          throw new IntegrityError(
            `${at()}: its tar header declares ${entry.size} bytes, the manifest says ${expected.size}; the bundle is damaged or tampered with, so it is not used`
          )
        }
        const mode = entry.mode & 0o7777
        if (mode !== expected.mode) throw new IntegrityError(`${at()}: mode is 0o${mode.toString(8)}, the manifest says 0o${expected.mode.toString(8)}`)
        await checkData(expected, at)
      } else if (entry.type === 'symlink') {
        const expected = links.get(name)
        if (!expected)
          throw new IntegrityError(`${at()} is not listed in the manifest as a symlink${files.has(name) ? ' (the manifest lists it as a file)' : ''}`)
        if (entry.linkname !== expected.target) {
          throw new IntegrityError(`${at()}: the symlink points to ${JSON.stringify(entry.linkname)}, the manifest says ${JSON.stringify(expected.target)}`)
        }
        if (entry.size) throw new IntegrityError(`${at()}: a symlink entry carries ${entry.size} bytes of data`)
      } else {
        throw new IntegrityError(`${at()} is a ${describeEntryType(entry.type)}, which a bundle never holds; refusing the bundle`)
      }
      entriesRead++
    }
    for (const p of [...files.keys(), ...links.keys()]) if (!seen?.has(p)) missing.push(p)
  } catch (err) {
    await hasher?.close()
    throw scanFailure(err, archive, current, entriesRead, manifest, dest)
  } finally {
    await reader.settle()
    await input.close()
  }
  const archiveSha256 =
    hasher !== null ? await archiveDigestOf(hasher, archive, manifest.archiveSize) : hashHere ? await sha256File(archive) : manifest.archiveSha256

  if (missing.length > 0) {
    throw new IntegrityError(`${archive} lacks ${missing.length} entr${missing.length === 1 ? 'y' : 'ies'} the manifest lists: ${preview(missing)}`)
  }
  if (archiveSize !== manifest.archiveSize) {
    throw new IntegrityError(`${archive}: read ${archiveSize} bytes, the manifest says ${manifest.archiveSize}: the archive changed while it was read`)
  }
  if (archiveSha256 !== manifest.archiveSha256) {
    throw new IntegrityError(`${archive}: sha256 is ${archiveSha256}, the manifest says ${manifest.archiveSha256}; the archive was corrupted or tampered with`)
  }
  const digest = bundleDigest(manifest.files, manifest.links)
  if (digest !== manifest.digest) {
    throw new IntegrityError(
      `${path.join(bundleDir, BUNDLE_MANIFEST)}: digest is ${manifest.digest}, but its file list hashes to ${digest}; the manifest was edited`
    )
  }

  if (dest !== null) {
    for (const link of manifest.links) {
      const abs = path.join(dest, ...link.path.split('/'))
      await ensureDirectory(path.dirname(abs), madeDirs).catch(diskFullAs(abs))
      await symlink(link.target, abs).catch(diskFullAs(abs))
    }
  }
}

/** The sha256 a hashing worker computed of the whole archive; its failure means the archive changed under it. */
async function archiveDigestOf(hasher: FileHasher, archive: string, size: number): Promise<string> {
  try {
    const result = await hasher.finish(size)
    if (result.size !== size) throw new Error(`read ${result.size} bytes`)
    return result.sha256
  } catch (err) {
    if (isSystemError(err)) throw err
    throw new IntegrityError(`${archive}: ${errorMessage(err)} while hashing it, the manifest says ${size}: the archive changed while it was read`)
  } finally {
    await hasher.close()
  }
}

/**
 * Hashes the entry's `size` bytes, writing them to `output` when given; returns the hex sha256. Data
 * already in the reader's buffer (every small file) is hashed in one call.
 */
async function consumeFile(reader: TarReader, size: number, output: FileHandle | null, onBytes: (n: number) => void): Promise<string> {
  try {
    if (output === null && (reader.holds(size) || (await reader.buffered(size)))) {
      const bytes = reader.whole(size)
      onBytes(bytes.length)
      return sha256Of(bytes)
    }
    const hash = createHash('sha256')
    await reader.data(size, async bytes => {
      onBytes(bytes.length)
      // The write runs on the thread pool while this thread hashes the same bytes.
      const written = output === null ? null : writeAll(output, bytes)
      hash.update(bytes)
      await written
    })
    return hash.digest('hex')
  } finally {
    await output?.close()
  }
}

async function writeAll(file: FileHandle, bytes: Buffer): Promise<void> {
  for (let offset = 0; offset < bytes.length;) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset)
    offset += bytesWritten
  }
}

async function createOutputFile(dest: string, rel: string, mode: number, madeDirs: Set<string>): Promise<FileHandle> {
  const abs = path.join(dest, ...rel.split('/'))
  await ensureDirectory(path.dirname(abs), madeDirs)
  // O_EXCL also fails on an existing symlink, so nothing already there is ever written through.
  const file = await open(abs, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | NO_FOLLOW, mode)
  // The process umask applies at creation; the manifest's mode is what the model expects.
  await file.chmod(mode)
  return file
}

async function ensureDirectory(dir: string, madeDirs: Set<string>): Promise<void> {
  if (madeDirs.has(dir)) return
  await mkdir(dir, { recursive: true })
  madeDirs.add(dir)
}

async function createEmptyDestination(dest: string): Promise<void> {
  let names: string[] | null = null
  try {
    names = await readdir(dest)
  } catch (err) {
    const code = errorCode(err)
    if (code === 'ENOTDIR') throw new IntegrityError(`refusing to unpack into ${dest}: it exists and is not a directory`, 'unsafe-destination')
    if (code !== 'ENOENT') throw err
  }
  if (names !== null && names.length > 0) {
    throw new IntegrityError(`refusing to unpack into ${dest}: it is not empty (${preview(names)}); unpack into a new or empty directory`, 'unsafe-destination')
  }
  await mkdir(dest, { recursive: true })
}

/**
 * What a failed scan means. Bytes that do not read as an archive (the reader's TarFormatError: a
 * truncated archive, a damaged header) mean a damaged archive: an IntegrityError saying where it
 * broke off. A full disk while unpacking is a
 * DiskFullError; other system errors (an I/O error) stay what they are.
 */
function scanFailure(
  err: unknown,
  archive: string,
  current: { name: string; expected: number; read: number } | null,
  entriesRead: number,
  manifest: Manifest,
  dest: string | null
): unknown {
  if (err instanceof IntegrityError || err instanceof DiskFullError) return err
  if (isDiskFull(err)) return new DiskFullError(dest ?? archive, { cause: err })
  if (isSystemError(err)) return err
  const total = manifest.files.length + manifest.links.length
  const why = errorMessage(err)
  if (current !== null && current.read < current.expected) {
    return new IntegrityError(
      `${archive}: the archive breaks off inside entry ${JSON.stringify(current.name)}: the manifest says it holds ${current.expected} bytes, ` +
        `but it ends after ${current.read} were read (${why}); the bundle is truncated or damaged, so it is not used`,
      'truncated-bundle'
    )
  }
  return new IntegrityError(
    `${archive} is not a readable bundle archive: ${why}, after ${entriesRead} of the ${total} entries the manifest lists; ` +
      'the bundle is truncated or damaged, so it is not used',
    'truncated-bundle'
  )
}

/** Errors from the operating system carry a syscall; stream and parser errors do not, whatever their `code`. */
function isSystemError(err: unknown): boolean {
  return isRecord(err) && typeof err.syscall === 'string'
}

/** A catch handler turning a full disk into a DiskFullError naming `where`; any other error passes through. */
function diskFullAs(where: string): (err: unknown) => never {
  return err => {
    throw isDiskFull(err) ? new DiskFullError(where, { cause: err }) : err
  }
}

// ---- manifest validation ----

/** Every problem with a would-be manifest: schema violations first, then what a schema cannot say. */
function manifestProblems(data: unknown): string[] {
  // Ajv standalone code generated from schemas/manifest.schema.json (npm run generate): nothing compiles at start-up.
  const validate = validateManifest
  // The file and link lists (a model may hold tens of thousands of files) are checked by plain loops
  // accepting exactly what the schema's file and link definitions accept, and the rest by the schema;
  // a list with any entry the loops refuse goes to the schema whole, for its messages.
  const plainLists = isRecord(data) && Array.isArray(data.files) && Array.isArray(data.links) && data.files.every(isPlainFile) && data.links.every(isPlainLink)
  if (!validate(plainLists ? { ...data, files: [], links: [] } : data)) return (validate.errors ?? []).slice(0, 10).map(describeSchemaError)
  const manifest = data as Manifest
  const problems: string[] = []
  const kinds = new Map<string, 'file' | 'symlink'>()
  const add = (kind: 'file' | 'symlink', p: string): void => {
    const unsafe = unsafePathReason(p)
    if (unsafe) problems.push(`${kind} ${JSON.stringify(p)}: the path ${unsafe}`)
    if (kinds.has(p)) problems.push(`${JSON.stringify(p)} is listed more than once`)
    kinds.set(p, kind)
  }
  for (const file of manifest.files) add('file', file.path)
  for (const link of manifest.links) add('symlink', link.path)
  // A path's ancestors are its directory's: paths in the directory of the path before (the usual
  // case, in a sorted list) have the same ones, checked already.
  let lastDirectory = ''
  for (const p of kinds.keys()) {
    const lastSlash = p.lastIndexOf('/')
    if (lastSlash === -1 || (lastSlash === lastDirectory.length && p.startsWith(lastDirectory))) continue
    lastDirectory = p.slice(0, lastSlash)
    for (let slash = p.indexOf('/'); slash !== -1; slash = p.indexOf('/', slash + 1)) {
      const ancestor = kinds.get(p.slice(0, slash))
      if (ancestor) problems.push(`${JSON.stringify(p)} lies under ${JSON.stringify(p.slice(0, slash))}, which is a ${ancestor}`)
    }
  }
  for (const link of manifest.links) {
    const bad = linkTargetProblem(link.path, link.target)
    if (bad) problems.push(`symlink ${JSON.stringify(link.path)} -> ${JSON.stringify(link.target)}: the target ${bad}`)
  }
  return problems.slice(0, 10)
}

/** The schema's patterns (schemas/manifest.schema.json, $defs relativePath, sha256 and link target), compiled as Ajv compiles them. */
export const MANIFEST_PATTERNS = {
  // The schema's patterns refuse NUL characters.
  // eslint-disable-next-line no-control-regex
  relativePath: /^(?![A-Za-z]:)(?!\/)(?![\s\S]*\/\/)(?![\s\S]*\/$)(?!(?:[\s\S]*\/)?\.\.?(?:\/|$))[^\\\u0000]+$/u,
  sha256: /^[0-9a-f]{64}$/u,
  // eslint-disable-next-line no-control-regex
  linkTarget: /^(?![A-Za-z]:)(?!\/)[^\\\u0000]+$/u
}

/** Whether the schema's `file` definition accepts `value`: exactly path, size, sha256 and mode, each as defined there. */
export function isPlainFile(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const file = value as Record<string, unknown>
  let keys = 0
  for (const key in file) {
    if (key !== 'path' && key !== 'size' && key !== 'sha256' && key !== 'mode') return false
    keys++
  }
  return (
    keys === 4 &&
    typeof file.path === 'string' &&
    (isPlainPath(file.path) || MANIFEST_PATTERNS.relativePath.test(file.path)) &&
    typeof file.size === 'number' &&
    Number.isInteger(file.size) &&
    file.size >= 0 &&
    typeof file.sha256 === 'string' &&
    MANIFEST_PATTERNS.sha256.test(file.sha256) &&
    (file.mode === 420 || file.mode === 493)
  )
}

/** Whether the schema's `link` definition accepts `value`: exactly path and target, each as defined there. */
export function isPlainLink(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const link = value as Record<string, unknown>
  let keys = 0
  for (const key in link) {
    if (key !== 'path' && key !== 'target') return false
    keys++
  }
  return (
    keys === 2 &&
    typeof link.path === 'string' &&
    MANIFEST_PATTERNS.relativePath.test(link.path) &&
    typeof link.target === 'string' &&
    MANIFEST_PATTERNS.linkTarget.test(link.target)
  )
}

function describeSchemaError(err: ErrorObject): string {
  const where = err.instancePath || '(top level)'
  if (err.keyword === 'additionalProperties') return `${where}: unknown property ${JSON.stringify(err.params.additionalProperty)}`
  if (err.keyword === 'pattern' || err.keyword === 'enum' || err.keyword === 'const') {
    const description = isRecord(err.parentSchema) && typeof err.parentSchema.description === 'string' ? ` (${err.parentSchema.description})` : ''
    return `${where}: ${JSON.stringify(err.data)} is not allowed${description}`
  }
  return `${where}: ${err.message ?? err.keyword}`
}

function placeholderManifest(lineage: Lineage): unknown {
  const zero = '0'.repeat(64)
  const manifest: Manifest = { schemaVersion: MANIFEST_SCHEMA_VERSION, digest: zero, archiveSha256: zero, archiveSize: 0, files: [], links: [], lineage }
  return JSON.parse(JSON.stringify(manifest))
}

// ---- paths ----

/** Why a relative POSIX path from a model directory or an archive is unsafe, or null when it is fine. */
function unsafePathReason(p: string): string | null {
  // Most paths: no NUL, backslash or colon, no leading slash, no empty, '.' or '..' segment.
  if (isPlainPath(p) || PLAIN_PATH.test(p)) return null
  if (p === '') return 'is empty'
  if (p.includes('\0')) return 'contains a NUL character'
  if (p.includes('\\')) return 'contains a backslash'
  if (p.startsWith('/')) return 'is absolute'
  if (/^[A-Za-z]:/.test(p)) return 'starts with a drive letter'
  for (const segment of p.split('/')) {
    if (segment === '') return 'has an empty segment (a doubled or trailing slash)'
    if (segment === '.') return "has a '.' segment"
    if (segment === '..') return "has a '..' segment"
  }
  return null
}

/** Paths unsafePathReason passes at once (for tests: isPlainPath must accept no path this refuses). */
export const PLAIN_PATH = /^(?!\.\.?(?:\/|$))(?!.*\/\.\.?(?:\/|$))(?!.*\/\/)(?!.*\/$)[^\\\0:/][^\\\0:]*$/s

/**
 * Why a link target is unsafe, or null. Only leading `..` segments are allowed, and no more than the
 * link's depth: every `..` then walks up through a real directory of the bundle (no path lies under a
 * link), so the lexical resolution is the real one and stays inside.
 */
function linkTargetProblem(linkPath: string, target: string): string | null {
  if (target === '.') return null
  if (target === '') return 'is empty'
  if (target.includes('\0')) return 'contains a NUL character'
  if (target.includes('\\')) return 'contains a backslash'
  if (target.startsWith('/') || /^[A-Za-z]:/.test(target)) return 'is absolute'
  const segments = target.split('/')
  let ups = 0
  while (ups < segments.length && segments[ups] === '..') ups++
  if (ups > linkPath.split('/').length - 1) return 'escapes the bundle'
  for (const segment of segments.slice(ups)) {
    if (segment === '' || segment === '.' || segment === '..') return "is not a normalized path (only leading '..' segments are allowed)"
  }
  return null
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))
}

function sortByPath<T extends { path: string }>(items: readonly T[]): T[] {
  // UTF-16 order is UTF-8 byte order (code point order) unless a string holds a surrogate pair.
  if (!items.some(item => SURROGATE.test(item.path))) {
    let sorted = true
    for (let i = 1; i < items.length && sorted; i++) sorted = items[i - 1]!.path < items[i]!.path
    return sorted ? [...items] : [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }
  return items
    .map(item => ({ item, key: Buffer.from(item.path, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key))
    .map(({ item }) => item)
}
const SURROGATE = /[\uD800-\uDFFF]/

function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
}

// ---- small helpers ----

/**
 * The promise itself, marked as handled: it is awaited later (a write or read running while other
 * work goes on), and a failure before then must not count as an unhandled rejection.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {})
  return promise
}

function describeSpecialFile(dirent: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (dirent.isFIFO()) return 'named pipe'
  if (dirent.isSocket()) return 'socket'
  if (dirent.isCharacterDevice()) return 'character device'
  if (dirent.isBlockDevice()) return 'block device'
  return 'special file'
}

function describeEntryType(type: TarEntryType): string {
  switch (type) {
    case 'link':
      return 'hard link'
    case 'character-device':
    case 'block-device':
      return `device (${type})`
    case 'fifo':
      return 'named pipe'
    case 'directory':
      return 'directory entry'
    default:
      return type === 'unknown' ? 'entry of an unknown type' : `${type} entry`
  }
}

function preview(items: readonly string[]): string {
  const shown = items
    .slice(0, 5)
    .map(p => JSON.stringify(p))
    .join(', ')
  return items.length > 5 ? `${shown} and ${items.length - 5} more` : shown
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function errorCode(err: unknown): string | undefined {
  return isRecord(err) && typeof err.code === 'string' ? err.code : undefined
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
