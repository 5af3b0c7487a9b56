/**
 * The sha256 of an archive being written, computed on a worker thread from the very buffers the
 * writer hands to its writes: nothing but the archive's first bytes, written before the worker
 * started, is read twice. The buffers live in shared memory (`buffer()`
 * makes them); each write's piece goes to the worker as (buffer, offset, length) in archive order, and
 * the worker counts the pieces it has hashed in shared memory. A buffer may be refilled only once the
 * worker has hashed its last piece (`release`) as well as written it.
 */
import { Worker } from 'node:worker_threads'

/** The worker's program: fixed text (nothing from outside goes into it). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, readSync, closeSync } = require('node:fs')
const { createHash } = require('node:crypto')
const { progress, file, prefix } = workerData
const hash = createHash('sha256')
const views = []
let hashed = 0
let size = 0
function fail(err) {
  Atomics.store(progress, 1, 1)
  Atomics.notify(progress, 0)
  parentPort.postMessage({ error: String(err && err.message) })
  parentPort.close()
}
// The archive's first bytes, written before this thread started: read back once, before any piece.
let fd = -1
try {
  if (prefix > 0) {
    fd = openSync(file, 'r')
    const buffer = Buffer.allocUnsafe(Math.min(prefix, 4 * 1024 * 1024))
    while (size < prefix) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, prefix - size), size)
      if (n === 0) throw new Error('the archive ended at ' + size + ' bytes, before the ' + prefix + ' written')
      hash.update(buffer.subarray(0, n))
      size += n
    }
  }
} catch (err) {
  fail(err)
} finally {
  if (fd !== -1) closeSync(fd)
}
parentPort.on('message', message => {
  try {
    if (message.buffer !== undefined) {
      views[message.index] = Buffer.from(message.buffer)
    } else if (message.finish) {
      parentPort.postMessage({ sha256: hash.digest('hex'), size })
      parentPort.close()
    } else {
      const pieces = message.pieces
      for (let i = 0; i < pieces.length; i += 3) {
        const view = views[pieces[i]]
        hash.update(view.subarray(pieces[i + 1], pieces[i + 1] + pieces[i + 2]))
        size += pieces[i + 2]
        hashed++
      }
      Atomics.store(progress, 0, hashed)
      Atomics.notify(progress, 0)
    }
  } catch (err) {
    fail(err)
  }
})
`

type WaitAsync = (array: Int32Array, index: number, value: number) => { async: false; value: string } | { async: true; value: Promise<string> }
const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync

/** Whether this runtime can wait for the worker without blocking the event loop. */
export const archiveHasherAvailable = typeof waitAsync === 'function'

export class ArchiveHasher {
  private readonly worker: Worker
  /** [0]: pieces hashed so far; [1]: 1 once the worker failed. */
  private readonly progress = new Int32Array(new SharedArrayBuffer(8))
  private readonly buffers = new Map<ArrayBufferLike, { index: number; lastPiece: number }>()
  private readonly result: Promise<{ sha256: string; size: number }>
  /** Rejects when the worker fails or stops before its result; never resolves otherwise. */
  private readonly failure: Promise<never>
  private pieces = 0

  /**
   * Starts hashing the archive at `file`, whose first `prefix` bytes are written already (the worker
   * reads those back; every later byte comes through update()).
   */
  constructor(file: string, prefix: number) {
    // No inherited options: one such as --input-type=module would make the program an ES module, without require().
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { progress: this.progress, file, prefix },
      resourceLimits: { maxYoungGenerationSizeMb: 4 }
    })
    let fail: (err: Error) => void = () => {}
    this.failure = new Promise<never>((_, reject) => {
      fail = reject
    })
    this.result = new Promise((resolve, reject) => {
      const failed = (err: Error) => {
        reject(err)
        fail(err)
      }
      this.worker.on('message', (message: { sha256?: string; size?: number; error?: string }) => {
        if (message.sha256 !== undefined) resolve({ sha256: message.sha256, size: message.size! })
        else failed(new Error(`the archive hashing thread failed: ${message.error}`))
      })
      this.worker.once('error', err => failed(new Error(`the archive hashing thread failed: ${err.message}`, { cause: err })))
      this.worker.once('exit', code => failed(new Error(`the archive hashing thread stopped (exit code ${code})`)))
    })
    // Awaited by finish() and release(); a failure before then is not an unhandled rejection.
    this.result.catch(() => {})
    this.failure.catch(() => {})
  }

  /** A buffer of `size` bytes in shared memory, whose pieces the worker can hash. */
  buffer(size: number): Buffer {
    const shared = new SharedArrayBuffer(size)
    const index = this.buffers.size
    this.buffers.set(shared, { index, lastPiece: 0 })
    this.worker.postMessage({ index, buffer: shared })
    return Buffer.from(shared)
  }

  /** Hashes `bytes` (a view of a buffer from `buffer()`) after every piece before it. */
  update(bytes: Buffer): void {
    const owner = this.buffers.get(bytes.buffer)
    if (owner === undefined) throw new Error('ArchiveHasher: a piece outside the shared buffers')
    owner.lastPiece = ++this.pieces
    this.worker.postMessage({ pieces: [owner.index, bytes.byteOffset, bytes.length] })
  }

  /** Resolves once every piece of `buffer` handed to update() is hashed: it may then be refilled. */
  async release(buffer: Buffer): Promise<void> {
    const owner = this.buffers.get(buffer.buffer)
    if (owner !== undefined) await this.hashed(owner.lastPiece)
  }

  /** The archive's sha256 and size once every piece is hashed. */
  async finish(): Promise<{ sha256: string; size: number }> {
    this.worker.postMessage({ finish: true })
    return await this.result
  }

  /** Stops the worker, finished or not; safe to call more than once. */
  async close(): Promise<void> {
    await this.worker.terminate()
  }

  private async hashed(piece: number): Promise<void> {
    // Each turn either sees more pieces hashed or waits for the worker to count one (or to fail).
    for (let seen = Atomics.load(this.progress, 0); seen < piece; seen = Atomics.load(this.progress, 0)) {
      if (Atomics.load(this.progress, 1) === 1) await this.failure
      const wait = waitAsync!(this.progress, 0, seen)
      if (wait.async) await Promise.race([wait.value, this.failure])
    }
  }
}
