/**
 * Reads a model's small files ahead on worker threads while packing goes on: opening, checking and
 * reading a file are system calls that cost more than adding it to the archive, so with the reads
 * on other threads the work overlaps (with two readers, each file's sha256 is computed there too).
 * The files are split into slots of SLOT files in the given order; reader k reads slots k,
 * k + readers, ... in batches of a bounded size, and keeps going while fewer than AHEAD of its batches
 * wait to be packed. The packer gets each file's bytes and mode (and sha256) in the paths' order, or learns
 * that it is large (to stream it itself) or what went wrong with it (thrown when the packer reaches
 * that file, as its own read would have thrown).
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/** Batches read and not yet taken, at most, per reader: the memory read ahead is about readers x AHEAD budgets. */
const AHEAD = 3
/** Files a slot holds: the readers take turns slot by slot. */
const SLOT = 512

/** The worker's program: fixed text (nothing from outside goes into it; the paths come as data). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs')
const crypto = require('node:crypto')
const { paths, limit, budget, ahead, taken, reader, readers, slot, ring, hash } = workerData
const stride = budget + limit + 1
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
const sha256 = crypto.hash ? bytes => crypto.hash('sha256', bytes, 'hex') : bytes => crypto.createHash('sha256').update(bytes).digest('hex')
// taken[2 * reader] counts the batches the packer took from this reader; taken[1] asks every reader to stop.
const mine = 2 * reader
let sent = 0
for (let start = reader * slot; start < paths.length && Atomics.load(taken, 1) === 0; start += readers * slot) {
  const end = Math.min(paths.length, start + slot)
  for (let i = start; i < end; ) {
    // Flow control: wait while the packer has 'ahead' batches of this reader to take.
    while (sent - Atomics.load(taken, mine) >= ahead && Atomics.load(taken, 1) === 0) Atomics.wait(taken, mine, sent - ahead, 1000)
    if (Atomics.load(taken, 1) !== 0) break
    const kinds = []
    const modes = []
    const sizes = []
    const hashes = []
    const errors = []
    // Batches take turns in ahead + 1 places of the shared ring: the place written now is that of a
    // batch the packer has finished (it takes the next batch only when done with the one before).
    // A batch stops once it holds the budget, and its last file may add the limit.
    const place = sent % (ahead + 1)
    const buffer = Buffer.from(ring, place * stride, stride)
    let used = 0
    for (const first = i; i < end && (i === first || used < budget); i++) {
      let fd = -1
      try {
        fd = openSync(paths[i], FLAGS)
        const info = fstatSync(fd)
        if (!info.isFile()) { kinds.push(2); modes.push(0); sizes.push(0); hashes.push(''); continue }
        if (info.size > limit) { kinds.push(1); modes.push(info.mode); sizes.push(0); hashes.push(''); continue }
        let read = 0
        for (let n = readSync(fd, buffer, used, info.size + 1, null); n > 0; n = read === info.size ? 0 : readSync(fd, buffer, used + read, info.size + 1 - read, null)) {
          read += n
          if (read > info.size) break
        }
        if (read !== info.size) { kinds.push(2); modes.push(0); sizes.push(0); hashes.push(''); continue }
        kinds.push(0); modes.push(info.mode); sizes.push(read); hashes.push(hash ? sha256(buffer.subarray(used, used + read)) : '')
        used += read
      } catch (err) {
        kinds.push(3); modes.push(0); sizes.push(0); hashes.push('')
        errors.push({ index: kinds.length - 1, message: err.message, code: err.code, errno: err.errno, syscall: err.syscall, path: err.path })
      } finally {
        if (fd !== -1) closeSync(fd)
      }
    }
    parentPort.postMessage({ kinds, modes, sizes, hashes, errors, offset: place * stride, last: i === end })
    sent++
  }
}
`

const SMALL = 0
const LARGE = 1
const CHANGED = 2

export type PrefetchedFile = { kind: 'small'; bytes: Buffer; mode: number; sha256?: string } | { kind: 'large' } | { kind: 'changed' }

interface Batch {
  kinds: number[]
  modes: number[]
  sizes: number[]
  hashes: string[]
  errors: { index: number; message: string; code?: string; errno?: number; syscall?: string; path?: string }[]
  /** Where in its reader's ring the batch's bytes start. */
  offset: number
  /** The slot's last batch. */
  last: boolean
}

export class FilePrefetch {
  private readonly workers: Worker[] = []
  /** [2k]: batches taken from reader k; [1]: 1 when the readers are to stop. */
  private readonly taken: Int32Array
  /** Batches arrived and not yet taken, per reader. */
  private readonly arrived: Batch[][] = []
  /** Each reader's ring of AHEAD + 1 batches, shared: no memory is allocated (or collected) per batch. */
  private readonly rings: SharedArrayBuffer[] = []
  private readonly exited: boolean[] = []
  private waiting: { resolve: () => void; reject: (err: Error) => void } | null = null
  private failure: Error | null = null
  private batch: Batch | null = null
  /** The slot being packed: reader slot % readers holds it. */
  private slot = 0
  private ring: SharedArrayBuffer | null = null
  private index = 0
  private offset = 0

  /**
   * Starts reading `paths` (in this order) on `readers` workers (by default one per core beyond this
   * thread's, at most two): files of at most `limit` bytes are read whole, about `budget` bytes a
   * batch. With two readers they also hash each file; one reader leaves that to the packer, as it is
   * then the slower side.
   */
  constructor(paths: readonly string[], limit: number, budget: number, readers = Math.max(1, Math.min(2, availableParallelism() - 1))) {
    this.taken = new Int32Array(new SharedArrayBuffer(8 * Math.max(1, readers)))
    for (let reader = 0; reader < readers; reader++) {
      this.arrived.push([])
      const ring = new SharedArrayBuffer((AHEAD + 1) * (budget + limit + 1))
      this.rings.push(ring)
      // A reader only holds a few batches and the paths: a small heap is plenty. No inherited options:
      // one such as --input-type=module would make its program an ES module, without require().
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        execArgv: [],
        workerData: { paths, limit, budget, ahead: AHEAD, taken: this.taken, reader, readers, slot: SLOT, ring, hash: readers > 1 },
        resourceLimits: { maxYoungGenerationSizeMb: 4 }
      })
      worker.on('message', (batch: Batch) => {
        this.arrived[reader]!.push(batch)
        this.wake()
      })
      worker.on('error', err => this.fail(err))
      // A reader that is done exits; only the one whose batch is awaited is missed (see arrival).
      worker.on('exit', () => {
        this.exited[reader] = true
        this.wake()
      })
      this.workers.push(worker)
    }
  }

  /**
   * The next file, in the order of the paths, without waiting when it is there. Its bytes are a view of
   * shared memory, valid until the next call: a reader refills it once the packer has moved on.
   */
  take(): PrefetchedFile | Promise<PrefetchedFile> {
    return this.ready() ? this.next() : this.arrival().then(() => this.take())
  }

  /** Stops the readers; safe to call more than once, and while a batch is being read. */
  async close(): Promise<void> {
    Atomics.store(this.taken, 1, 1)
    for (let reader = 0; reader < this.workers.length; reader++) Atomics.notify(this.taken, 2 * reader)
    await Promise.all(this.workers.map(worker => worker.terminate()))
  }

  private ready(): boolean {
    if (this.batch !== null) {
      if (this.index < this.batch.kinds.length) return true
      // The slot's last batch is done: the next slot is the next reader's.
      if (this.batch.last) this.slot++
      this.batch = null
    }
    const reader = this.slot % this.workers.length
    const next = this.arrived[reader]!.shift()
    if (next === undefined) return false
    this.batch = next
    this.ring = this.rings[reader]!
    this.index = 0
    this.offset = next.offset
    Atomics.add(this.taken, 2 * reader, 1)
    Atomics.notify(this.taken, 2 * reader)
    return true
  }

  private next(): PrefetchedFile {
    const batch = this.batch!
    const index = this.index++
    switch (batch.kinds[index]) {
      case SMALL: {
        const size = batch.sizes[index]!
        const bytes = Buffer.from(this.ring!, this.offset, size)
        this.offset += size
        return { kind: 'small', bytes, mode: batch.modes[index]!, sha256: batch.hashes[index] || undefined }
      }
      case LARGE:
        return { kind: 'large' }
      case CHANGED:
        return { kind: 'changed' }
      default: {
        const info = batch.errors.find(e => e.index === index)
        const err = new Error(info?.message ?? 'the file could not be read') as NodeJS.ErrnoException
        if (info) Object.assign(err, { code: info.code, errno: info.errno, syscall: info.syscall, path: info.path })
        throw err
      }
    }
  }

  private arrival(): Promise<void> {
    if (this.exited[this.slot % this.workers.length]) this.failure ??= new Error('a file reading thread stopped')
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
