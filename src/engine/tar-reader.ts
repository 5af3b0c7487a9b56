/**
 * A strict reader of the archives bundles hold: ustar headers, with PAX records ('path', 'linkpath')
 * for names that do not fit, as packBundle writes them. It reads the file in large pieces into one
 * buffer and hands out headers and file data as views of it, so an archive of many small files costs
 * a few reads and no per-entry streams. While it is used, the next piece is read into a second buffer
 * (on the thread pool), which becomes the read buffer when the first is used up: the reads overlap
 * the hashing of what was read before. Every byte read is passed to `onBytes` (to count them). It can
 * also compare the next header with the one expected, byte for byte, without parsing it (`matchHeader`).
 * `settle()` must be awaited before the file is closed (a read ahead may still be running).
 *
 * It refuses what it cannot read plainly: a header whose checksum is wrong, a number field that is
 * not a number, a PAX record it does not know or that does not parse, an archive that ends inside a
 * header, a PAX record or a file's data, anything but zeros after the end-of-archive marker. Which
 * entries are allowed (types, names, sizes) is the caller's decision: the reader only reports them.
 */
import type { FileHandle } from 'node:fs/promises'

/** tar's unit: every header is one block, every entry's data is padded to a whole number of blocks. */
export const TAR_BLOCK = 512
/** The most PAX data one entry may carry: a path and a link target, with room to spare. */
const MAX_PAX_BYTES = 64 * 1024

export type TarEntryType =
  | 'file'
  | 'link'
  | 'symlink'
  | 'character-device'
  | 'block-device'
  | 'directory'
  | 'fifo'
  | 'contiguous-file'
  | 'pax-global-header'
  | 'gnu-long-path'
  | 'gnu-long-link-path'
  | 'unknown'

const TYPES: Record<number, TarEntryType> = {
  0: 'file',
  0x30: 'file',
  0x31: 'link',
  0x32: 'symlink',
  0x33: 'character-device',
  0x34: 'block-device',
  0x35: 'directory',
  0x36: 'fifo',
  0x37: 'contiguous-file',
  0x67: 'pax-global-header',
  0x4c: 'gnu-long-path',
  0x4b: 'gnu-long-link-path'
}
const PAX_HEADER = 0x78

export interface TarEntry {
  name: string
  type: TarEntryType
  size: number
  mode: number
  linkname: string
}

/** The archive's bytes do not form an archive; a message without a file name, the caller adds where. */
export class TarFormatError extends Error {}

/** Room kept at the front of the read-ahead buffer for the bytes of the read buffer not used yet (a header, a small file's beginning), so that the two swap without copying the piece read. */
const CARRY = 64 * 1024

export class TarReader {
  private buffer: Buffer
  private start = 0
  private end = 0
  /** The file is read to its end and every byte read is in `buffer`. */
  private atEnd = false
  /** The read-ahead buffer: bytes [spareStart, spareEnd) were read and are not in `buffer` yet. */
  private spare: Buffer
  private spareStart = 0
  private spareEnd = 0
  /** The read into `spare` in flight, if any (it settles without throwing; its error is kept in `aheadError`). */
  private ahead: Promise<void> | null = null
  private aheadError: unknown = null
  /** A read returned no bytes: the file ends. */
  private fileEnded = false
  /** Bytes of data (and padding) the caller has not consumed of the entry last returned. */
  private pendingData = 0
  private pendingPadding = 0

  constructor(
    private readonly file: FileHandle,
    private readonly onBytes: (bytes: Buffer) => void,
    bufferSize: number
  ) {
    const size = Math.max(bufferSize, 2 * CARRY)
    this.buffer = Buffer.allocUnsafe(size)
    this.spare = Buffer.allocUnsafe(size)
  }

  /** Waits for a read still in flight (before the file is closed), ignoring its outcome. */
  async settle(): Promise<void> {
    await this.ahead
  }

  /**
   * The next entry's header when it can be had without waiting: the last entry's data consumed, its
   * padding and the whole header buffered, and the header an ordinary one (not a PAX header, not the
   * end-of-archive marker); else undefined, and `next()` reads it (nothing was consumed). Most entries
   * of an archive of many small files come this way, without a promise each.
   */
  nextBuffered(): TarEntry | undefined {
    if (this.pendingData > 0) return undefined
    const at = this.start + this.pendingPadding
    if (this.end - at < TAR_BLOCK) return undefined
    const header = this.buffer.subarray(at, at + TAR_BLOCK)
    if (header[156] === PAX_HEADER || isZero(header)) return undefined
    const entry = parseHeader(header)
    this.start = at + TAR_BLOCK
    this.pendingData = entry.size
    this.pendingPadding = padding(entry.size)
    return entry
  }

  /**
   * Whether the next entry's header block(s) are byte for byte `expected`, with only zeros in the
   * padding before them: if so they are consumed, and the entry's `size` bytes of data come next (as
   * after `next()`); if not, nothing is consumed. Undefined when too few bytes are buffered to tell
   * (`ensure(expected.length)` reads them). Compares without parsing: no checksum to sum, no strings.
   */
  matchHeader(expected: Buffer, size: number): boolean | undefined {
    if (this.pendingData > 0) return false
    const at = this.start + this.pendingPadding
    if (this.end - at < expected.length) return undefined
    for (let i = this.start; i < at; i++) if (this.buffer[i] !== 0) return false
    if (expected.compare(this.buffer, at, at + expected.length) !== 0) return false
    this.start = at + expected.length
    this.pendingData = size
    this.pendingPadding = padding(size)
    return true
  }

  /** Reads until the padding of the last entry and `size` bytes after it are buffered, or the file ends; false when they could not be. */
  async ensure(size: number): Promise<boolean> {
    if (this.pendingData > 0) return false
    return await this.fill(this.pendingPadding + size)
  }

  /** Whether the padding after the last entry's data (which must be consumed) is all zeros; consumes it. */
  async zeroPadding(): Promise<boolean> {
    if (this.pendingData > 0) return false
    for (let left = this.pendingPadding; left > 0;) {
      if (this.end === this.start && !(await this.fill(1))) return false
      const n = Math.min(left, this.end - this.start)
      for (let i = this.start; i < this.start + n; i++) if (this.buffer[i] !== 0) return false
      this.start += n
      left -= n
      this.pendingPadding = left
    }
    return true
  }

  /** The next entry's header, PAX records applied; null at the end-of-archive marker, or when the archive ends between entries. */
  async next(): Promise<TarEntry | null> {
    if (this.pendingData > 0) await this.data(this.pendingData, () => undefined)
    await this.skip(this.pendingPadding, 'the padding after an entry')
    this.pendingPadding = 0
    let pax: Map<string, string> | null = null
    for (;;) {
      if (!(await this.fill(TAR_BLOCK))) {
        if (this.end > this.start) throw new TarFormatError('unexpected end of data inside a header')
        if (pax !== null) throw new TarFormatError('unexpected end of data after a PAX header')
        return null
      }
      const header = this.buffer.subarray(this.start, this.start + TAR_BLOCK)
      if (isZero(header)) {
        if (pax !== null) throw new TarFormatError('the end-of-archive marker follows a PAX header')
        this.start += TAR_BLOCK
        await this.expectZerosToTheEnd()
        return null
      }
      const entry = parseHeader(header)
      this.start += TAR_BLOCK
      if (header[156] !== PAX_HEADER) {
        if (pax?.has('path')) entry.name = pax.get('path')!
        if (pax?.has('linkpath')) entry.linkname = pax.get('linkpath')!
        this.pendingData = entry.size
        this.pendingPadding = padding(entry.size)
        return entry
      }
      if (pax !== null) throw new TarFormatError('two PAX headers in a row')
      if (entry.size > MAX_PAX_BYTES) throw new TarFormatError(`a PAX header of ${entry.size} bytes (at most ${MAX_PAX_BYTES} are read)`)
      const records: Buffer[] = []
      this.pendingData = entry.size
      await this.data(entry.size, bytes => void records.push(Buffer.from(bytes)))
      await this.skip(padding(entry.size), 'the padding after a PAX header')
      pax = parsePax(Buffer.concat(records))
    }
  }

  /**
   * Hands the current entry's data to `onPiece` in order, in views of the read buffer that stay valid
   * until `onPiece`'s promise settles. At most `size` bytes (the rest is skipped by `next()`); throws a
   * TarFormatError when the archive ends first.
   */
  async data(size: number, onPiece: (bytes: Buffer) => void | Promise<void>): Promise<void> {
    let left = Math.min(size, this.pendingData)
    this.pendingData -= left
    while (left > 0) {
      if (this.end === this.start && !(await this.fill(1))) throw new TarFormatError('unexpected end of data')
      const n = Math.min(left, this.end - this.start)
      const piece = this.buffer.subarray(this.start, this.start + n)
      this.start += n
      left -= n
      await onPiece(piece)
    }
  }

  /** True when `size` bytes are in the buffer: the entry's data can be taken whole with `whole()`. */
  async buffered(size: number): Promise<boolean> {
    if (this.end - this.start >= size) return true
    if (size > this.buffer.length) return false
    await this.fill(size)
    return this.end - this.start >= size
  }

  /** True when `size` bytes are in the buffer already (no read needed). */
  holds(size: number): boolean {
    return this.end - this.start >= size
  }

  /** The current entry's data as one view of the buffer (after `buffered(size)` said it is there), valid until the next call. */
  whole(size: number): Buffer {
    const bytes = this.buffer.subarray(this.start, this.start + size)
    this.start += size
    this.pendingData -= size
    return bytes
  }

  private async skip(size: number, what: string): Promise<void> {
    for (let left = size; left > 0;) {
      if (this.end === this.start && !(await this.fill(1))) throw new TarFormatError(`unexpected end of data in ${what}`)
      const n = Math.min(left, this.end - this.start)
      this.start += n
      left -= n
    }
  }

  /** After the end-of-archive marker only zero blocks may follow (the second marker block, a writer's padding). */
  private async expectZerosToTheEnd(): Promise<void> {
    for (;;) {
      if (this.end === this.start && !(await this.fill(1))) return
      if (!isZero(this.buffer.subarray(this.start, this.end))) throw new TarFormatError('data after the end-of-archive marker')
      this.start = this.end
    }
  }

  /**
   * Reads until at least `min` bytes are buffered or the file ends; false when they could not be.
   * Views handed out before are no longer used when this runs (the callers' contract), so the buffer
   * they came from may become the read-ahead buffer.
   */
  private async fill(min: number): Promise<boolean> {
    if (min > this.buffer.length) throw new Error(`TarReader: ${min} bytes cannot be buffered at once (the buffer holds ${this.buffer.length})`)
    while (this.end - this.start < min && !this.atEnd) {
      if (this.spareEnd > this.spareStart) this.take(min)
      else if (this.ahead !== null) await this.ahead
      else if (this.aheadError !== null) throw this.aheadError
      else if (this.fileEnded) this.atEnd = true
      this.readAhead()
    }
    return this.end - this.start >= min
  }

  /** Moves the bytes read ahead into the read buffer: by swapping the two when the bytes not used yet fit in front of them, else by copying. */
  private take(min: number): void {
    const left = this.end - this.start
    if (left <= this.spareStart && this.spareEnd - this.spareStart + left >= Math.min(min, this.buffer.length - CARRY)) {
      this.spare.set(this.buffer.subarray(this.start, this.end), this.spareStart - left)
      const buffer = this.buffer
      this.buffer = this.spare
      this.spare = buffer
      this.start = this.spareStart - left
      this.end = this.spareEnd
    } else {
      if (this.start > 0) {
        this.buffer.copyWithin(0, this.start, this.end)
        this.end -= this.start
        this.start = 0
      }
      const n = Math.min(this.spareEnd - this.spareStart, this.buffer.length - this.end)
      this.buffer.set(this.spare.subarray(this.spareStart, this.spareStart + n), this.end)
      this.end += n
      this.spareStart += n
      if (this.spareStart < this.spareEnd) return
    }
    this.spareStart = 0
    this.spareEnd = 0
  }

  /** Starts reading the next piece into the read-ahead buffer, unless a read runs, bytes wait there or the file ended. */
  private readAhead(): void {
    if (this.ahead !== null || this.spareEnd > this.spareStart || this.fileEnded || this.aheadError !== null) return
    const spare = this.spare
    this.ahead = this.file.read(spare, CARRY, spare.length - CARRY, null).then(
      ({ bytesRead }) => {
        this.ahead = null
        if (bytesRead === 0) this.fileEnded = true
        else {
          this.onBytes(spare.subarray(CARRY, CARRY + bytesRead))
          this.spareStart = CARRY
          this.spareEnd = CARRY + bytesRead
        }
      },
      (err: unknown) => {
        this.ahead = null
        this.aheadError = err
      }
    )
  }
}

function parseHeader(block: Buffer): TarEntry {
  // The checksum field counts as eight spaces; two loops, no test per byte.
  let sum = 8 * 0x20
  for (let i = 0; i < 148; i++) sum += block[i]!
  for (let i = 156; i < TAR_BLOCK; i++) sum += block[i]!
  const recorded = octalField(block, 148, 8, 'checksum')
  if (recorded !== sum) throw new TarFormatError(`a header's checksum is ${recorded}, its bytes sum to ${sum}: the header is damaged`)
  const type = TYPES[block[156]!] ?? 'unknown'
  let name = text(block, 0, 100)
  // ustar (POSIX) keeps a name's leading folders in the prefix field; the GNU format has no such field.
  if (isUstar(block)) {
    const prefix = text(block, 345, 155)
    if (prefix) name = `${prefix}/${name}`
  }
  return { name, type, size: sizeField(block), mode: octalField(block, 100, 8, 'mode'), linkname: text(block, 157, 100) }
}

/** The POSIX magic, "ustar" and a NUL, compared byte by byte (no string for every header). */
function isUstar(block: Buffer): boolean {
  return block[257] === 0x75 && block[258] === 0x73 && block[259] === 0x74 && block[260] === 0x61 && block[261] === 0x72 && block[262] === 0
}

function text(block: Buffer, offset: number, length: number): string {
  const nul = block.indexOf(0, offset)
  return block.toString('utf8', offset, nul === -1 || nul > offset + length ? offset + length : nul)
}

/** An octal field: digits, ended by a space or NUL, leading spaces allowed; empty is 0. */
function octalField(block: Buffer, offset: number, length: number, what: string): number {
  let i = offset
  const stop = offset + length
  while (i < stop && block[i] === 0x20) i++
  let value = 0
  for (; i < stop; i++) {
    const c = block[i]!
    if (c === 0 || c === 0x20) break
    if (c < 0x30 || c > 0x37) throw new TarFormatError(`a header's ${what} field is not an octal number`)
    value = value * 8 + (c - 0x30)
  }
  for (; i < stop; i++) if (block[i] !== 0 && block[i] !== 0x20) throw new TarFormatError(`a header's ${what} field is not an octal number`)
  return value
}

/** The size: octal, or base-256 after a 0x80 marker (beyond 8 GiB). */
function sizeField(block: Buffer): number {
  if (block[124] === 0x80) {
    let value = 0
    for (let i = 125; i < 136; i++) value = value * 256 + block[i]!
    if (!Number.isSafeInteger(value)) throw new TarFormatError("a header's size is beyond what can be read")
    return value
  }
  if (block[124]! & 0x80) throw new TarFormatError("a header's size field is negative or not a number")
  return octalField(block, 124, 12, 'size')
}

/** PAX records, "LENGTH key=value\n" each; only 'path' and 'linkpath' are known. */
function parsePax(bytes: Buffer): Map<string, string> {
  const records = new Map<string, string>()
  for (let at = 0; at < bytes.length;) {
    const space = bytes.indexOf(0x20, at)
    const length = space === -1 ? NaN : Number(bytes.toString('latin1', at, space))
    if (!Number.isSafeInteger(length) || length <= space - at + 1 || at + length > bytes.length || bytes[at + length - 1] !== 0x0a) {
      throw new TarFormatError('a PAX record does not parse')
    }
    const record = bytes.toString('utf8', space + 1, at + length - 1)
    const eq = record.indexOf('=')
    const key = eq === -1 ? record : record.slice(0, eq)
    if (eq === -1 || (key !== 'path' && key !== 'linkpath')) throw new TarFormatError(`a PAX record ${JSON.stringify(key)}, which a bundle never holds`)
    records.set(key, record.slice(eq + 1))
    at += length
  }
  return records
}

function padding(size: number): number {
  const over = size % TAR_BLOCK
  return over === 0 ? 0 : TAR_BLOCK - over
}

function isZero(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false
  return true
}
