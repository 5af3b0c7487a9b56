/**
 * Reads a model's small files ahead on worker threads while packing goes on: opening, checking and
 * reading a file are system calls that cost more than adding it to the archive, so with the reads
 * on other threads the work overlaps. Each reader also computes the sha256 of the files it reads.
 *
 * The files are split into chunks of CHUNK files in the given order. Readers and the packer share a
 * counter of the next chunk nobody has claimed: a reader claims the next one and reads it, as long
 * as it stays fewer than AHEAD chunks ahead of the packer. When the packer reaches a chunk nobody
 * has claimed (the readers are behind, or have no core to run on), it claims the chunk itself and
 * reads those files on its own thread (`unread`) instead of waiting; when it reaches the chunk a
 * reader is reading, it reads the next chunk nobody has claimed into a buffer of its own (the
 * stash) while it waits. So the work balances itself between the threads, whatever the load of the
 * machine. The packer gets each file in the paths' order: its bytes, mode and sha256 (none for a
 * file of the stash: the packer hashes it), or that it is large (to stream it itself), or what
 * went wrong with it (thrown when the packer reaches that file, as its own read would have thrown),
 * or that it was left to the packer to read.
 */
import { closeSync, fstatSync, constants as fsConstants, openSync, readSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/** Chunks read and not yet passed by the packer, at most: the memory read ahead is about AHEAD budgets. */
const AHEAD = 4
/** Files a chunk holds: small enough that the packer, reading a chunk itself, soon finds the next one ready. */
const CHUNK = 64

/** control[NEXT]: the next chunk nobody has claimed. */
const NEXT = 0
/** control[STOP]: 1 when the readers are to stop. */
const STOP = 1
/** control[PACKING]: the chunk the packer is at (the chunks before it are done with, their ring places free). */
const PACKING = 2

/** The worker's program: fixed text (nothing from outside goes into it; the paths come as data). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs')
const crypto = require('node:crypto')
const { limit, budget, ahead, control, chunk, ring } = workerData
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
const sha256 = crypto.hash ? bytes => crypto.hash('sha256', bytes, 'hex') : bytes => crypto.createHash('sha256').update(bytes).digest('hex')
// Started before the paths are known (while the packer lists the directories), a reader waits for them
// in one message, having loaded what it needs meanwhile.
sha256(Buffer.alloc(0))
if (workerData.pathText !== undefined) read(workerData.pathText, workerData.count, workerData.prefix)
else parentPort.once('message', ({ pathText, count, prefix }) => read(pathText, count, prefix))
function read(pathText, count, prefix) {
// The paths come as one string, NUL between them (no path holds a NUL): one string to receive, kept
// out of the young generation, instead of tens of thousands the collector would copy and promote.
const starts = new Int32Array(count + 1)
for (let i = 0, at = 0; i < count; i++) {
  starts[i] = at
  at = pathText.indexOf('\\0', at) + 1
}
starts[count] = pathText.length + 1
const pathAt = i => prefix + pathText.slice(starts[i], starts[i + 1] - 1)
const stride = budget + limit + 1
const chunks = Math.ceil(count / chunk)
while (Atomics.load(control, ${STOP}) === 0) {
  const c = Atomics.load(control, ${NEXT})
  if (c >= chunks) break
  // Flow control: chunk c goes to ring place c % (ahead + 1), free once the packer is past chunk c - ahead - 1.
  const packing = Atomics.load(control, ${PACKING})
  if (c > packing + ahead) { Atomics.wait(control, ${PACKING}, packing, 1000); continue }
  // Claimed by the packer (or another reader) meanwhile: try the next one.
  if (Atomics.compareExchange(control, ${NEXT}, c, c + 1) !== c) continue
  const kinds = []
  const modes = []
  const sizes = []
  const hashes = []
  const errors = []
  const buffer = Buffer.from(ring, (c % (ahead + 1)) * stride, stride)
  let used = 0
  const end = Math.min(count, (c + 1) * chunk)
  for (let i = c * chunk; i < end; i++) {
    // The chunk's place is full: its other files are left to the packer.
    if (used >= budget) { kinds.push(4); modes.push(0); sizes.push(0); hashes.push(''); continue }
    let fd = -1
    try {
      fd = openSync(pathAt(i), FLAGS)
      const info = fstatSync(fd)
      if (!info.isFile()) { kinds.push(2); modes.push(0); sizes.push(0); hashes.push(''); continue }
      if (info.size > limit) { kinds.push(1); modes.push(info.mode); sizes.push(0); hashes.push(''); continue }
      // One byte more than the size: reading it means the file grew. A regular file reads short only at its end.
      let read = 0
      for (let n = readSync(fd, buffer, used, info.size + 1, null); n > 0; n = read === info.size ? 0 : readSync(fd, buffer, used + read, info.size + 1 - read, null)) {
        read += n
        if (read > info.size) break
      }
      if (read !== info.size) { kinds.push(2); modes.push(0); sizes.push(0); hashes.push(''); continue }
      kinds.push(0); modes.push(info.mode); sizes.push(read); hashes.push(sha256(buffer.subarray(used, used + read)))
      used += read
    } catch (err) {
      kinds.push(3); modes.push(0); sizes.push(0); hashes.push('')
      errors.push({ index: kinds.length - 1, message: err.message, code: err.code, errno: err.errno, syscall: err.syscall, path: err.path })
    } finally {
      if (fd !== -1) closeSync(fd)
    }
  }
  parentPort.postMessage({ chunk: c, kinds, modes, sizes, hashes, errors, offset: (c % (ahead + 1)) * stride })
}
}
`

const SMALL = 0
const LARGE = 1
const CHANGED = 2
const FAILED = 3
const UNREAD = 4

export type PrefetchedFile =
  | { kind: 'small'; bytes: Buffer; mode: number; sha256?: string }
  | { kind: 'large' }
  | { kind: 'changed' }
  /** Not read ahead: the packer reads it itself. */
  | { kind: 'unread' }

interface Batch {
  chunk: number
  kinds: number[]
  modes: number[]
  sizes: number[]
  hashes: string[]
  errors: { index: number; message: string; code?: string; errno?: number; syscall?: string; path?: string }[]
  /** Where in the ring (or in `bytes`) the chunk's bytes start. */
  offset: number
  /** For a chunk the packer read ahead itself: the buffer holding its bytes (else they are in the ring). */
  bytes?: Buffer
}

const UNREAD_FILE: PrefetchedFile = { kind: 'unread' }

export class FilePrefetch {
  private readonly workers: Worker[] = []
  private readonly control = new Int32Array(new SharedArrayBuffer(12))
  /** Chunks arrived and not yet packed, by number. */
  private readonly arrived = new Map<number, Batch>()
  /** AHEAD + 1 places of shared memory, chunk c in place c % (AHEAD + 1): nothing is allocated (or collected) per chunk. */
  private readonly ring: SharedArrayBuffer
  private exitedReaders = 0
  private waiting: { resolve: () => void; reject: (err: Error) => void } | null = null
  private failure: Error | null = null
  /** The chunk being packed, and where its files come from: a reader's batch, or the packer itself. */
  private chunk = -1
  private source: Batch | 'self' | null = null
  private index = 0
  private offset = 0
  private position = 0
  /** A chunk the packer read ahead itself while waiting for the one a reader was reading (at most one at a time). */
  private stash: Batch | null = null
  private stashBuffer: Buffer | null = null
  /** Files read ahead (by the readers, or by the packer while it waited), and files left to the packer (for tests and measurements). */
  readonly counts = { readAhead: 0, unread: 0, stolen: 0 }

  private readonly packerReads: boolean
  private paths: readonly string[] | null = null
  /** What goes before each path to open it (begin()). */
  private prefix = ''
  private readonly limit: number
  private readonly budget: number

  /**
   * Starts reading `paths` (in this order) on `readers` workers (by default one per core beyond this
   * thread's, at most two): files of at most `limit` bytes are read whole, a chunk's files into a
   * place of `budget` bytes (plus one file). With `packerReads` false, the packer waits for every
   * chunk instead of reading one nobody has claimed (for tests).
   */
  constructor(paths: readonly string[] | null, limit: number, budget: number, options: { readers?: number; packerReads?: boolean } = {}) {
    const readers = options.readers ?? Math.max(1, Math.min(2, availableParallelism() - 1))
    this.packerReads = options.packerReads ?? true
    this.paths = paths
    this.limit = limit
    this.budget = budget
    this.ring = new SharedArrayBuffer((AHEAD + 1) * (budget + limit + 1))
    // Without the paths yet, the readers start now and wait for them (begin()).
    const pathData = paths === null ? {} : { pathText: paths.join('\0'), count: paths.length, prefix: '' }
    for (let reader = 0; reader < readers; reader++) {
      // A reader only holds a chunk's lists and the paths: a small heap is plenty. No inherited options:
      // one such as --input-type=module would make its program an ES module, without require().
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { ...pathData, limit, budget, ahead: AHEAD, control: this.control, chunk: CHUNK, ring: this.ring },
        resourceLimits: { maxYoungGenerationSizeMb: 4 }
      })
      worker.on('message', (batch: Batch) => {
        this.arrived.set(batch.chunk, batch)
        this.wake()
      })
      worker.on('error', err => this.fail(err))
      // A reader ends on its own (code 0) once every chunk is claimed, after sending the ones it read;
      // any other end (stopped by close(), or failed) may leave a chunk it claimed unread.
      worker.on('exit', code => {
        this.exitedReaders++
        if (code !== 0) this.fail(new Error(`a file reading thread stopped (exit code ${code})`))
        else this.wake()
      })
      this.workers.push(worker)
    }
  }

  /**
   * The paths to read, in this order, for readers started without them (once, before take()): they
   * started while the caller was still listing the files, and have their program loaded by now.
   */
  begin(paths: readonly string[], prefix = ''): void {
    if (this.paths !== null) throw new Error('FilePrefetch.begin: the paths were given already')
    this.paths = paths
    this.prefix = prefix
    const pathText = paths.join('\0')
    for (const worker of this.workers) worker.postMessage({ pathText, count: paths.length, prefix })
  }

  /**
   * The next file, in the order of the paths, without waiting when it is there (or left to the
   * packer). Its bytes are a view of the ring (or the stash), valid until the next call: a reader
   * refills it once the packer has moved on.
   */
  take(): PrefetchedFile | Promise<PrefetchedFile> {
    if (this.failure) return Promise.reject(this.failure)
    if (this.paths === null) throw new Error('FilePrefetch.take: begin() was not called')
    const chunk = Math.floor(this.position / CHUNK)
    if (chunk !== this.chunk) {
      // The chunks before this one are done with: their places in the ring may be refilled.
      this.chunk = chunk
      this.source = null
      Atomics.store(this.control, PACKING, chunk)
      Atomics.notify(this.control, PACKING)
    }
    if (this.source === null) {
      let batch = this.arrived.get(chunk)
      if (batch !== undefined) this.arrived.delete(chunk)
      else if (this.stash?.chunk === chunk) {
        batch = this.stash
        this.stash = null
      }
      if (batch !== undefined) {
        this.source = batch
        this.index = 0
        this.offset = batch.offset
      } else if (this.packerReads && Atomics.compareExchange(this.control, NEXT, chunk, chunk + 1) === chunk) {
        // Nobody has started this chunk: the packer reads its files itself rather than wait.
        this.source = 'self'
      } else {
        // A reader is reading this chunk: rather than wait idle, the packer reads the next chunk nobody
        // has claimed (the readers are then slower than the packer), then waits.
        if (this.packerReads && this.stash === null) this.steal()
        return this.arrival().then(() => this.take())
      }
    }
    this.position++
    if (this.source === 'self') {
      this.counts.unread++
      return UNREAD_FILE
    }
    return this.next(this.source)
  }

  /** Claims the next chunk nobody has started, if any, and reads it into the stash on this thread. */
  private steal(): void {
    const paths = this.paths!
    const next = Atomics.load(this.control, NEXT)
    if (next * CHUNK >= paths.length || Atomics.compareExchange(this.control, NEXT, next, next + 1) !== next) return
    this.stashBuffer ??= Buffer.allocUnsafe(this.budget + this.limit + 1)
    this.stash = readChunk(paths, this.prefix, next, this.limit, this.budget, this.stashBuffer)
    this.counts.stolen += this.stash.kinds.length
  }

  /** Chunks read ahead and waiting for the packer (for tests). */
  get waitingChunks(): number {
    return this.arrived.size
  }

  /** Stops the readers; safe to call more than once, and while a chunk is being read. */
  async close(): Promise<void> {
    Atomics.store(this.control, STOP, 1)
    Atomics.notify(this.control, PACKING)
    await Promise.all(this.workers.map(worker => worker.terminate()))
  }

  private next(batch: Batch): PrefetchedFile {
    const index = this.index++
    switch (batch.kinds[index]) {
      case SMALL: {
        const size = batch.sizes[index]!
        const bytes = batch.bytes ? batch.bytes.subarray(this.offset, this.offset + size) : Buffer.from(this.ring, this.offset, size)
        this.offset += size
        this.counts.readAhead++
        return { kind: 'small', bytes, mode: batch.modes[index]!, sha256: batch.hashes[index] || undefined }
      }
      case LARGE:
        return { kind: 'large' }
      case CHANGED:
        return { kind: 'changed' }
      case UNREAD:
        this.counts.unread++
        return UNREAD_FILE
      default: {
        const info = batch.errors.find(e => e.index === index)
        const err = new Error(info?.message ?? 'the file could not be read') as NodeJS.ErrnoException
        if (info) Object.assign(err, { code: info.code, errno: info.errno, syscall: info.syscall, path: info.path })
        throw err
      }
    }
  }

  private arrival(): Promise<void> {
    // Every reader has stopped and the chunk it claimed never came.
    if (this.exitedReaders === this.workers.length && !this.arrived.has(this.chunk)) this.failure ??= new Error('a file reading thread stopped')
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }))
  }

  private wake(): void {
    const waiting = this.waiting
    this.waiting = null
    waiting?.resolve()
  }

  private fail(err: Error): void {
    this.failure ??= err
    const waiting = this.waiting
    this.waiting = null
    waiting?.reject(this.failure)
  }
}

const FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0)

/**
 * Chunk `chunk` of the paths read into `buffer` on this thread, as a reader reads it (the same
 * checks, the same kinds), except that the files are not hashed here: the packer hashes them as it
 * packs them.
 */
function readChunk(paths: readonly string[], prefix: string, chunk: number, limit: number, budget: number, buffer: Buffer): Batch {
  const batch: Batch = { chunk, kinds: [], modes: [], sizes: [], hashes: [], errors: [], offset: 0, bytes: buffer }
  const put = (kind: number, mode = 0, size = 0): void => {
    batch.kinds.push(kind)
    batch.modes.push(mode)
    batch.sizes.push(size)
    batch.hashes.push('')
  }
  let used = 0
  const end = Math.min(paths.length, (chunk + 1) * CHUNK)
  for (let i = chunk * CHUNK; i < end; i++) {
    if (used >= budget) {
      put(UNREAD)
      continue
    }
    let fd = -1
    try {
      fd = openSync(prefix + paths[i]!, FLAGS)
      const info = fstatSync(fd)
      if (!info.isFile()) put(CHANGED)
      else if (info.size > limit) put(LARGE, info.mode)
      else {
        // One byte more than the size: reading it means the file grew. A regular file reads short only at its end.
        let read = 0
        for (
          let n = readSync(fd, buffer, used, info.size + 1, null);
          n > 0;
          n = read === info.size ? 0 : readSync(fd, buffer, used + read, info.size + 1 - read, null)
        ) {
          read += n
          if (read > info.size) break
        }
        if (read !== info.size) put(CHANGED)
        else {
          put(SMALL, info.mode, read)
          used += read
        }
      }
    } catch (err) {
      put(FAILED)
      const e = err as NodeJS.ErrnoException
      batch.errors.push({ index: batch.kinds.length - 1, message: e.message, code: e.code, errno: e.errno, syscall: e.syscall, path: e.path })
    } finally {
      if (fd !== -1) closeSync(fd)
    }
  }
  return batch
}
