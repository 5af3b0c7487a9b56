/**
 * The fast check of a bundle's archive: packBundle writes one archive for one manifest, byte for
 * byte, so the archive a manifest describes is known but for its files' bytes (known by their
 * sha256). This check compares the archive with that expectation: every header byte for byte, every
 * file's sha256, every padding and end block zero. The archive is cut in two parts of about the same
 * size at an entry's boundary, each checked on its own worker thread, while this thread computes the
 * sha256 of the whole archive. A passing check is as strict as the reader's scan (the archive is
 * exactly what the manifest says, which the scan accepts); any difference only says "not so", and
 * the caller then scans the archive with the strict reader, for the error that says what and where.
 */
import { createHash } from 'node:crypto'
import { closeSync, openSync, readSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'

/** The expected archive: every entry's header bytes (in `headers`, one after another), data size and sha256 ('' for a link). */
export interface ArchiveLayout {
  /** A view of all of a SharedArrayBuffer: the checking threads read it where it is. */
  headers: Buffer
  headerLengths: Uint32Array
  sizes: Float64Array
  hashes: string[]
  /** The archive's size: the entries, then zeros (the end-of-archive blocks). */
  size: number
}

/** Each thread reads the archive in pieces of this size: a small file's header, data and padding are then in memory at once. */
const READ_SIZE = 1024 * 1024
const BLOCK = 512

/** A part's check: fixed text (nothing from outside goes into it; the expectation comes as data). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { openSync, readSync, closeSync } = require('node:fs')
const crypto = require('node:crypto')
const { file, from, to, headers, headerStart, headerLengths, sizes, hashes, readSize } = workerData
const expected = Buffer.from(headers)
const sha256 = crypto.hash ? bytes => crypto.hash('sha256', bytes, 'hex') : bytes => crypto.createHash('sha256').update(bytes).digest('hex')
const buffer = Buffer.allocUnsafe(readSize)
let fd = -1
let position = from
let start = 0
let end = 0
// Makes at least min bytes (at most the buffer's size) buffered from the cursor on; false when the part ends first.
function fill(min) {
  if (end - start >= min) return true
  buffer.copyWithin(0, start, end)
  end -= start
  start = 0
  while (end < min) {
    const n = readSync(fd, buffer, end, Math.min(buffer.length - end, to - position), position)
    if (n === 0) return false
    position += n
    end += n
  }
  return true
}
function zeros(from, to) {
  for (let i = from; i < to; i++) if (buffer[i] !== 0) return false
  return true
}
// The index of the first entry that differs, the number of entries when none does, -1 when the bytes after them are not zeros.
function check() {
  let h = headerStart
  for (let i = 0; i < headerLengths.length; i++) {
    const length = headerLengths[i]
    if (!fill(length) || expected.compare(buffer, start, start + length, h, h + length) !== 0) return i
    start += length
    h += length
    const size = sizes[i]
    const padding = (512 - (size % 512)) % 512
    let actual = ''
    if (size + padding <= buffer.length) {
      if (!fill(size + padding)) return i
      actual = sha256(buffer.subarray(start, start + size))
      start += size
    } else {
      const hash = crypto.createHash('sha256')
      for (let left = size; left > 0; ) {
        if (end === start && !fill(1)) return i
        const n = Math.min(left, end - start)
        hash.update(buffer.subarray(start, start + n))
        start += n
        left -= n
      }
      actual = hash.digest('hex')
      if (!fill(padding)) return i
    }
    if (!zeros(start, start + padding)) return i
    start += padding
    if (hashes[i] !== '' && actual !== hashes[i]) return i
  }
  // The rest of the part (the end-of-archive blocks, in the last one) is zeros.
  for (;;) {
    if (!zeros(start, end)) return -1
    start = end
    if (!fill(1)) return headerLengths.length
  }
}
let result
try {
  fd = openSync(file, 'r')
  result = { checked: check() }
} catch (err) {
  result = { checked: -1, error: err.message }
} finally {
  if (fd !== -1) closeSync(fd)
}
parentPort.postMessage(result)
`

/**
 * Checks `file` against `layout`; returns the archive's sha256 when it is exactly the expected
 * archive (the file's sha256s match), null when anything differs or cannot be read.
 */
export async function checkArchive(file: string, layout: ArchiveLayout): Promise<string | null> {
  const count = layout.sizes.length
  // Each entry's first byte in the archive, and in `headers`.
  const starts = new Float64Array(count + 1)
  const headerStarts = new Float64Array(count + 1)
  for (let i = 0; i < count; i++) {
    starts[i + 1] = starts[i]! + layout.headerLengths[i]! + Math.ceil(layout.sizes[i]! / BLOCK) * BLOCK
    headerStarts[i + 1] = headerStarts[i]! + layout.headerLengths[i]!
  }
  // packBundle ends the archive with exactly two zero blocks.
  if (starts[count]! + 2 * BLOCK !== layout.size) return null
  // Two parts where there are two cores: cut at the entry boundary nearest the middle of the bytes.
  let cut = count
  if (availableParallelism() >= 2 && count > 1) {
    for (let i = 1, best = Infinity; i < count; i++) {
      const larger = Math.max(starts[i]!, layout.size - starts[i]!)
      if (larger < best) {
        best = larger
        cut = i
      }
    }
  }
  const bounds = cut === count ? [0, count] : [0, cut, count]
  const shared = layout.headers.buffer
  const parts = bounds.slice(1).map((last, k) => {
    const first = bounds[k]!
    return runPart({
      file,
      from: starts[first]!,
      to: last === count ? layout.size : starts[last]!,
      headers: shared,
      headerStart: headerStarts[first]!,
      headerLengths: layout.headerLengths.slice(first, last),
      sizes: layout.sizes.slice(first, last),
      hashes: layout.hashes.slice(first, last),
      readSize: READ_SIZE
    }).then(checked => checked === last - first)
  })
  // This thread hashes the whole archive meanwhile; a failure to read it is the strict scan's to report.
  let sha256: string | null
  try {
    sha256 = hashFile(file, layout.size)
  } catch {
    sha256 = null
  }
  const ok = await Promise.all(parts)
  return ok.includes(false) ? null : sha256
}

function runPart(data: Record<string, unknown>): Promise<number> {
  return new Promise(resolve => {
    // No inherited options: one such as --input-type=module would make its program an ES module, without require().
    const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 4 } })
    worker.once('message', (result: { checked: number }) => resolve(result.checked))
    worker.once('error', () => resolve(-1))
    worker.once('exit', () => resolve(-1))
  })
}

/** The sha256 of the file's first `size` bytes, read synchronously in large pieces; null when it is shorter or longer. */
function hashFile(file: string, size: number): string | null {
  const hash = createHash('sha256')
  const buffer = Buffer.allocUnsafe(READ_SIZE)
  const fd = openSync(file, 'r')
  try {
    let position = 0
    for (let n = readSync(fd, buffer, 0, buffer.length, position); n > 0; n = readSync(fd, buffer, 0, buffer.length, position)) {
      position += n
      if (position > size) return null
      hash.update(n === buffer.length ? buffer : buffer.subarray(0, n))
    }
    return position === size ? hash.digest('hex') : null
  } finally {
    closeSync(fd)
  }
}
