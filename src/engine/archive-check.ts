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

/**
 * The expected archive, entry by entry in archive order: the name, mode, data size and sha256 of a
 * file, or the name and target of a symlink ('' as the sha256, mode 0o777, size 0), and the length of
 * the header packBundle writes for it (the checking threads write the header bytes themselves).
 */
export interface ArchiveLayout {
  names: string[]
  modes: Uint16Array
  sizes: Float64Array
  hashes: string[]
  /** A symlink's target; '' for a file. */
  targets: string[]
  headerLengths: Uint32Array
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
const { file, from, to, names, modes, sizes, hashes, targets, readSize } = workerData
// The tar header packBundle writes for an entry (bundle.ts, tarHeader): ustar with the owner, group
// and time fields zero, a name longer than 100 bytes split at a '/' into prefix and name, and a PAX
// record ('path', 'linkpath') under a 'PaxHeader' entry when the name or target is not ASCII or does
// not fit. Should this copy ever differ from the packer's, bundles fail this check and are scanned.
const TEMPLATE = Buffer.alloc(512)
for (const offset of [108, 116, 329, 337]) TEMPLATE.write('000000 ', offset)
TEMPLATE.write('00000000000 ', 136)
TEMPLATE.fill(0x20, 148, 156)
TEMPLATE.write('ustar\\0' + '00', 257, 'latin1')
let TEMPLATE_SUM = 0
for (const byte of TEMPLATE) TEMPLATE_SUM += byte
const FILE = 0x30
const SYMLINK = 0x32
const PAX = 0x78
function octal(block, offset, value, digits) {
  let sum = 0x20
  if (value >= 8 ** digits) {
    block.fill(0x37, offset, offset + digits)
    sum += 0x37 * digits
  } else {
    for (let i = digits - 1, rest = value; i >= 0; i--, rest = Math.floor(rest / 8)) {
      block[offset + i] = 0x30 + (rest % 8)
      sum += 0x30 + (rest % 8)
    }
  }
  block[offset + digits] = 0x20
  return sum
}
function ascii(block, offset, text) {
  let sum = 0
  for (let i = 0; i < text.length; i++) {
    block[offset + i] = text.charCodeAt(i)
    sum += text.charCodeAt(i)
  }
  return sum
}
function ustar(name, flag, size, mode, linkname) {
  if (Buffer.byteLength(name) !== name.length) return null
  let prefix = ''
  while (name.length > 100) {
    const slash = name.indexOf('/')
    if (slash === -1) return null
    prefix += prefix ? '/' + name.slice(0, slash) : name.slice(0, slash)
    name = name.slice(slash + 1)
  }
  if (prefix.length > 155) return null
  if (linkname && Buffer.byteLength(linkname) > 100) return null
  const block = Buffer.from(TEMPLATE)
  let sum = TEMPLATE_SUM + ascii(block, 0, name) + octal(block, 100, mode & 0o7777, 6)
  if (size.toString(8).length > 11) {
    block[124] = 0x80
    sum += 0x80
    for (let i = 11, rest = size; i > 0; i--, rest = Math.floor(rest / 256)) {
      block[124 + i] = rest % 256
      sum += rest % 256
    }
  } else {
    sum += octal(block, 124, size, 11)
  }
  block[156] = flag
  sum += flag
  if (linkname) {
    const written = block.write(linkname, 157)
    for (let i = 157; i < 157 + written; i++) sum += block[i]
  }
  if (prefix) sum += ascii(block, 345, prefix)
  octal(block, 148, sum, 6)
  block[155] = 0
  return block
}
function paxRecord(key, value) {
  const body = ' ' + key + '=' + value + '\\n'
  const length = Buffer.byteLength(body)
  let digits = String(length).length
  if (length + digits >= 10 ** digits) digits++
  return String(length + digits) + body
}
function header(name, flag, size, mode, linkname) {
  const plain = ustar(name, flag, size, mode, linkname)
  if (plain !== null) return plain
  let records = paxRecord('path', name)
  if (linkname) records += paxRecord('linkpath', linkname)
  const pax = Buffer.from(records)
  const paxLink = linkname && 'PaxHeader'
  const paxHeader = ustar('PaxHeader', PAX, pax.length, mode, paxLink)
  const entryHeader = ustar('PaxHeader', flag, size, mode, paxLink)
  return Buffer.concat([paxHeader, pax, Buffer.alloc((512 - (pax.length % 512)) % 512), entryHeader])
}
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
  for (let i = 0; i < names.length; i++) {
    const size = sizes[i]
    const link = targets[i] !== ''
    const expected = link ? header(names[i], SYMLINK, 0, 0o777, targets[i]) : header(names[i], FILE, size, modes[i])
    const length = expected.length
    if (!fill(length) || expected.compare(buffer, start, start + length, 0, length) !== 0) return i
    start += length
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
    if (!fill(1)) return names.length
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
  // Each entry's first byte in the archive.
  const starts = new Float64Array(count + 1)
  for (let i = 0; i < count; i++) starts[i + 1] = starts[i]! + layout.headerLengths[i]! + Math.ceil(layout.sizes[i]! / BLOCK) * BLOCK
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
  const parts = bounds.slice(1).map((last, k) => {
    const first = bounds[k]!
    return runPart({
      file,
      from: starts[first]!,
      to: last === count ? layout.size : starts[last]!,
      names: layout.names.slice(first, last),
      modes: layout.modes.slice(first, last),
      sizes: layout.sizes.slice(first, last),
      hashes: layout.hashes.slice(first, last),
      targets: layout.targets.slice(first, last),
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
