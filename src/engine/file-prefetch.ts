/**
 * Reads a model's small files ahead on a worker thread while packing goes on: opening, checking and
 * reading a file are system calls that cost more than hashing a small file and adding it to the
 * archive, so with the reads on another thread the two overlap. The worker reads the files in the
 * given order, in batches of a bounded size, and keeps going while fewer than AHEAD batches wait to be
 * packed; the packer gets each file's bytes and mode in that order, or learns that it is large (to
 * stream it itself) or what went wrong with it (thrown when the packer reaches that file, as its own
 * read would have thrown).
 */
import { Worker } from 'node:worker_threads'

/** Batches read and not yet taken, at most: the memory read ahead is about this many budgets. */
const AHEAD = 3

/** The worker's program: fixed text (nothing from outside goes into it; the paths come as data). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs')
const { paths, limit, budget, ahead, taken } = workerData
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
let sent = 0
for (let start = 0; start < paths.length; ) {
  // Flow control: wait while the packer has 'ahead' batches to take (taken[0] counts those it took, taken[1] asks to stop).
  while (sent - Atomics.load(taken, 0) >= ahead && Atomics.load(taken, 1) === 0) Atomics.wait(taken, 0, sent - ahead, 1000)
  if (Atomics.load(taken, 1) !== 0) break
  const kinds = []
  const modes = []
  const sizes = []
  const errors = []
  // One buffer a batch, handed over whole: a batch stops once it holds the budget, and its last file may add the limit.
  const buffer = Buffer.allocUnsafeSlow(budget + limit + 1)
  let used = 0
  let i = start
  for (; i < paths.length && (i === start || used < budget); i++) {
    let fd = -1
    try {
      fd = openSync(paths[i], FLAGS)
      const info = fstatSync(fd)
      if (!info.isFile()) { kinds.push(2); modes.push(0); sizes.push(0); continue }
      if (info.size > limit) { kinds.push(1); modes.push(info.mode); sizes.push(0); continue }
      let read = 0
      for (let n = readSync(fd, buffer, used, info.size + 1, null); n > 0; n = read === info.size ? 0 : readSync(fd, buffer, used + read, info.size + 1 - read, null)) {
        read += n
        if (read > info.size) break
      }
      if (read !== info.size) { kinds.push(2); modes.push(0); sizes.push(0); continue }
      kinds.push(0); modes.push(info.mode); sizes.push(read)
      used += read
    } catch (err) {
      kinds.push(3); modes.push(0); sizes.push(0)
      errors.push({ index: kinds.length - 1, message: err.message, code: err.code, errno: err.errno, syscall: err.syscall, path: err.path })
    } finally {
      if (fd !== -1) closeSync(fd)
    }
  }
  const bytes = buffer.buffer
  parentPort.postMessage({ kinds, modes, sizes, errors, bytes }, [bytes])
  sent++
  start = i
}
`

const SMALL = 0
const LARGE = 1
const CHANGED = 2

export type PrefetchedFile = { kind: 'small'; bytes: Buffer; mode: number } | { kind: 'large' } | { kind: 'changed' }

interface Batch {
  kinds: number[]
  modes: number[]
  sizes: number[]
  errors: { index: number; message: string; code?: string; errno?: number; syscall?: string; path?: string }[]
  bytes: ArrayBuffer
}

export class FilePrefetch {
  private readonly worker: Worker
  /** [0]: batches taken by the packer; [1]: 1 when the worker is to stop. */
  private readonly taken = new Int32Array(new SharedArrayBuffer(8))
  private readonly arrived: Batch[] = []
  private waiting: { resolve: () => void; reject: (err: Error) => void } | null = null
  private failure: Error | null = null
  private batch: Batch | null = null
  private index = 0
  private offset = 0

  /** Starts reading `paths` (in this order) on a worker: files of at most `limit` bytes are read whole, about `budget` bytes a batch. */
  constructor(paths: readonly string[], limit: number, budget: number) {
    // The worker only holds a few batches and the paths: a small heap is plenty. No inherited options:
    // one such as --input-type=module would make its program an ES module, without require().
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { paths, limit, budget, ahead: AHEAD, taken: this.taken },
      resourceLimits: { maxYoungGenerationSizeMb: 4 }
    })
    this.worker.on('message', (batch: Batch) => {
      this.arrived.push(batch)
      this.wake()
    })
    this.worker.on('error', err => this.fail(err))
    this.worker.on('exit', () => this.fail(new Error('the file reading thread stopped')))
  }

  /** The next file (its bytes a view of the batch's memory), in the order of the paths, without waiting when it is there. */
  take(): PrefetchedFile | Promise<PrefetchedFile> {
    return this.ready() ? this.next() : this.arrival().then(() => this.take())
  }

  /** Stops the worker; safe to call more than once, and while a batch is being read. */
  async close(): Promise<void> {
    Atomics.store(this.taken, 1, 1)
    Atomics.notify(this.taken, 0)
    await this.worker.terminate()
  }

  private ready(): boolean {
    if (this.batch !== null && this.index < this.batch.kinds.length) return true
    const next = this.arrived.shift()
    if (next === undefined) return false
    this.batch = next
    this.index = 0
    this.offset = 0
    Atomics.add(this.taken, 0, 1)
    Atomics.notify(this.taken, 0)
    return true
  }

  private next(): PrefetchedFile {
    const batch = this.batch!
    const index = this.index++
    switch (batch.kinds[index]) {
      case SMALL: {
        const size = batch.sizes[index]!
        const bytes = Buffer.from(batch.bytes, this.offset, size)
        this.offset += size
        return { kind: 'small', bytes, mode: batch.modes[index]! }
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
