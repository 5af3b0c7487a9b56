/**
 * The sha256 of a file computed on a worker thread reading it from the page cache, so verifying a
 * large archive costs the reading thread no second hash: it hashes every file in the archive, the
 * worker the archive as a whole, at the same time. The worker reads only as far as it is told
 * (`extend`), and waits for more until `finish`.
 */
import { Worker } from 'node:worker_threads'

/** The worker's program: fixed text (nothing from outside goes into it; the path comes as a message). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, readSync, closeSync } = require('node:fs')
const { createHash } = require('node:crypto')
const { file, available, signal } = workerData
const hash = createHash('sha256')
const buffer = Buffer.allocUnsafe(4 * 1024 * 1024)
let fd = -1
try {
  fd = openSync(file, 'r')
  let position = 0
  for (;;) {
    const seen = Atomics.load(signal, 0)
    const end = Number(Atomics.load(available, 0))
    if (position < end) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - position), position)
      if (n === 0) throw new Error('the file ended at ' + position + ' bytes, before the ' + end + ' written')
      hash.update(buffer.subarray(0, n))
      position += n
    } else if (Atomics.load(signal, 1) === 1) {
      break
    } else {
      Atomics.wait(signal, 0, seen, 1000)
    }
  }
  parentPort.postMessage({ sha256: hash.digest('hex'), size: position })
} catch (err) {
  parentPort.postMessage({ error: err.message, code: err.code, syscall: err.syscall, path: err.path })
} finally {
  if (fd !== -1) closeSync(fd)
}
`

export class FileHasher {
  private readonly worker: Worker
  private readonly available = new BigInt64Array(new SharedArrayBuffer(8))
  /** [0]: bumped at every extension, to wake the worker; [1]: 1 once the file is complete. */
  private readonly signal = new Int32Array(new SharedArrayBuffer(8))
  private readonly result: Promise<{ sha256: string; size: number }>

  constructor(file: string) {
    // No inherited options: one such as --input-type=module would make the program an ES module, without require().
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { file, available: this.available, signal: this.signal },
      resourceLimits: { maxYoungGenerationSizeMb: 4 }
    })
    this.result = new Promise((resolve, reject) => {
      this.worker.once('message', (message: { sha256?: string; size?: number; error?: string; code?: string; syscall?: string; path?: string }) => {
        if (message.sha256 !== undefined) resolve({ sha256: message.sha256, size: message.size! })
        else reject(Object.assign(new Error(message.error), { code: message.code, syscall: message.syscall, path: message.path }))
      })
      this.worker.once('error', reject)
      this.worker.once('exit', () => reject(new Error('the hashing thread stopped')))
    })
    // Awaited by finish(); a failure before then is not an unhandled rejection.
    this.result.catch(() => {})
  }

  /** The file's first `end` bytes are written and may be read. */
  extend(end: number): void {
    Atomics.store(this.available, 0, BigInt(end))
    Atomics.add(this.signal, 0, 1)
    Atomics.notify(this.signal, 0)
  }

  /** The file is complete at `end` bytes: its sha256 and the bytes the worker read. */
  async finish(end: number): Promise<{ sha256: string; size: number }> {
    this.extend(end)
    Atomics.store(this.signal, 1, 1)
    Atomics.add(this.signal, 0, 1)
    Atomics.notify(this.signal, 0)
    return await this.result
  }

  /** Stops the worker, finished or not; safe to call more than once. */
  async close(): Promise<void> {
    Atomics.store(this.signal, 1, 1)
    Atomics.notify(this.signal, 0)
    await this.worker.terminate()
  }
}
