/**
 * Reads a model's small files ahead on a worker thread while packing goes on: opening, checking and
 * reading a file are system calls that cost more than hashing a small file and adding it to the
 * archive, so with the reads on another thread the two overlap. The worker reads the files in the
 * given order, in batches of a bounded size, one batch ahead of the packer; the packer gets each
 * file's bytes and mode in that order, or learns that it is large (to stream it itself) or what went
 * wrong with it (thrown when the packer reaches that file, as its own read would have thrown).
 */
import { Worker } from 'node:worker_threads'

/** The worker's program: fixed text (nothing from outside goes into it; the paths come as messages). */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads')
const { openSync, fstatSync, readSync, closeSync, constants } = require('node:fs')
const FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)
let paths = []
parentPort.on('message', message => {
  if (message.paths) paths = message.paths
  const { start, limit, budget } = message
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
})
`

const SMALL = 0
const LARGE = 1
const CHANGED = 2
const FAILED = 3

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
  private next: Promise<Batch> | null = null
  private batch: Batch | null = null
  private batchStart = 0
  private position = 0
  private offset = 0
  private requested = 0
  private failure: Error | null = null

  /**
   * Starts reading `paths` (in this order) on a worker: files of at most `limit` bytes are read
   * whole, about `budget` bytes a batch.
   */
  constructor(
    private readonly paths: readonly string[],
    private readonly limit: number,
    private readonly budget: number
  ) {
    // The worker only holds a batch and the paths: a small heap is plenty. No inherited options: one
    // such as --input-type=module would make its program an ES module, without require().
    this.worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 4 } })
    this.worker.on('error', err => (this.failure ??= err))
    this.request(0)
  }

  /** The next file's bytes (a view of the batch's memory), in the order of the paths. */
  async take(): Promise<PrefetchedFile> {
    while (this.batch === null || this.position - this.batchStart >= this.batch.kinds.length) {
      if (this.batch !== null) this.batchStart += this.batch.kinds.length
      this.batch = await this.next!
      this.offset = 0
      // The worker reads the next batch while this one is packed.
      if (this.requested < this.paths.length) this.request(this.batchStart + this.batch.kinds.length)
    }
    const index = this.position++ - this.batchStart
    const batch = this.batch
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
      case FAILED:
      default: {
        const info = batch.errors.find(e => e.index === index)
        const err = new Error(info?.message ?? 'the file could not be read') as NodeJS.ErrnoException
        if (info) Object.assign(err, { code: info.code, errno: info.errno, syscall: info.syscall, path: info.path })
        throw err
      }
    }
  }

  /** Stops the worker; safe to call more than once, and while a batch is being read. */
  async close(): Promise<void> {
    await this.worker.terminate()
  }

  private request(start: number): void {
    this.requested = start
    this.next = new Promise<Batch>((resolve, reject) => {
      const onMessage = (batch: Batch) => {
        cleanup()
        this.requested = start + batch.kinds.length
        resolve(batch)
      }
      const onEnd = (err?: unknown) => {
        cleanup()
        reject(this.failure ?? (err instanceof Error ? err : new Error('the file reading thread stopped')))
      }
      const cleanup = () => {
        this.worker.off('message', onMessage)
        this.worker.off('error', onEnd)
        this.worker.off('exit', onEnd)
      }
      this.worker.on('message', onMessage)
      this.worker.on('error', onEnd)
      this.worker.on('exit', onEnd)
    })
    // Awaited when its turn comes; a failure before then is not an unhandled rejection.
    this.next.catch(() => {})
    // The paths go over once, with the first request.
    this.worker.postMessage({ ...(start === 0 && { paths: this.paths }), start, limit: this.limit, budget: this.budget })
  }
}
