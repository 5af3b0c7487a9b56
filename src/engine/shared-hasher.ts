/**
 * sha256 on a worker thread, of bytes in shared memory: the packer streams a large file through
 * buffers made here (`buffer()`), hands each piece to its write and to update(), and the worker hashes
 * the pieces in order while the packer hashes the archive: each thread hashes every byte once, and
 * nothing is read twice or copied. The worker counts the pieces it has hashed in shared memory; a
 * buffer may be refilled only once the worker is done with its last piece (`release`).
 */
import { Worker } from 'node:worker_threads'

/** The worker's program: fixed text (nothing from outside goes into it). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { progress } = workerData
const views = []
let hash = createHash('sha256')
let size = 0
let hashed = 0
parentPort.on('message', message => {
  try {
    if (message.buffer !== undefined) {
      views[message.index] = Buffer.from(message.buffer)
    } else if (message.digest) {
      parentPort.postMessage({ sha256: hash.digest('hex'), size })
      hash = createHash('sha256')
      size = 0
    } else {
      const { index, offset, length } = message
      hash.update(views[index].subarray(offset, offset + length))
      size += length
      Atomics.store(progress, 0, ++hashed)
      Atomics.notify(progress, 0)
    }
  } catch (err) {
    Atomics.store(progress, 1, 1)
    Atomics.notify(progress, 0)
    parentPort.postMessage({ error: String(err && err.message) })
    parentPort.close()
  }
})
`

type WaitAsync = (array: Int32Array, index: number, value: number) => { async: false; value: string } | { async: true; value: Promise<string> }
const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync

/** Whether this runtime can wait for the worker without blocking the event loop. */
export const sharedHasherAvailable = typeof waitAsync === 'function'

export class SharedHasher {
  private readonly worker: Worker
  /** [0]: pieces hashed so far; [1]: 1 once the worker failed. */
  private readonly progress = new Int32Array(new SharedArrayBuffer(8))
  private readonly buffers = new Map<ArrayBufferLike, { index: number; lastPiece: number }>()
  /** The digests asked for and not yet received, in order. */
  private readonly digests: { resolve: (result: { sha256: string; size: number }) => void; reject: (err: Error) => void }[] = []
  /** Rejects when the worker fails or stops (close() included); never resolves. */
  private readonly failure: Promise<never>
  private failed: Error | null = null
  private pieces = 0

  constructor() {
    // No inherited options: one such as --input-type=module would make the program an ES module, without require().
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { progress: this.progress },
      resourceLimits: { maxYoungGenerationSizeMb: 4 }
    })
    let reject: (err: Error) => void = () => {}
    this.failure = new Promise<never>((_, no) => {
      reject = no
    })
    // Awaited by digest() and release(); a failure before then is not an unhandled rejection.
    this.failure.catch(() => {})
    const fail = (err: Error) => {
      if (this.failed !== null) return
      this.failed = err
      reject(err)
      for (const waiting of this.digests.splice(0)) waiting.reject(err)
    }
    this.worker.on('message', (message: { sha256?: string; size?: number; error?: string }) => {
      if (message.sha256 !== undefined) this.digests.shift()?.resolve({ sha256: message.sha256, size: message.size! })
      else fail(new Error(`the thread hashing large files for the bundle failed: ${message.error}`))
    })
    this.worker.once('error', err => fail(new Error(`the thread hashing large files for the bundle failed: ${err.message}`, { cause: err })))
    this.worker.once('exit', code => fail(new Error(`the thread hashing large files for the bundle stopped (exit code ${code})`)))
  }

  /** A buffer of `size` bytes in shared memory, whose pieces the worker can hash. */
  buffer(size: number): Buffer {
    const shared = new SharedArrayBuffer(size)
    const index = this.buffers.size
    this.buffers.set(shared, { index, lastPiece: 0 })
    this.worker.postMessage({ index, buffer: shared })
    return Buffer.from(shared)
  }

  /** Hashes `bytes` (a view of a buffer from `buffer()`) after every piece before it; leave them untouched until release(). */
  update(bytes: Buffer): void {
    const owner = this.buffers.get(bytes.buffer)
    if (owner === undefined) throw new Error('SharedHasher: a piece outside the shared buffers')
    owner.lastPiece = ++this.pieces
    this.worker.postMessage({ index: owner.index, offset: bytes.byteOffset, length: bytes.length })
  }

  /** Resolves once every piece of `buffer` handed to update() is hashed: it may then be refilled. */
  async release(buffer: Buffer): Promise<void> {
    const owner = this.buffers.get(buffer.buffer)
    if (owner === undefined) return
    // Each turn either sees more pieces hashed or waits for the worker to count one (or to fail).
    for (let seen = Atomics.load(this.progress, 0); seen < owner.lastPiece; seen = Atomics.load(this.progress, 0)) {
      if (this.failed !== null) throw this.failed
      const wait = waitAsync!(this.progress, 0, seen)
      if (wait.async) await Promise.race([wait.value, this.failure])
    }
  }

  /** The sha256 and size of the pieces since the last digest (a new hash starts after them). */
  async digest(): Promise<{ sha256: string; size: number }> {
    if (this.failed !== null) throw this.failed
    const result = new Promise<{ sha256: string; size: number }>((resolve, reject) => this.digests.push({ resolve, reject }))
    this.worker.postMessage({ digest: true })
    return await result
  }

  /** Stops the worker; safe to call more than once. */
  async close(): Promise<void> {
    await this.worker.terminate()
  }
}
