/**
 * Compact columns of a predictions file. A million rows of ids, labels and scores as JavaScript
 * values cost about 80 bytes a row (a string and a heap number each); here the ids' bytes sit in
 * one buffer with their offsets, numbers in a Float64Array, so a row costs about the bytes it holds.
 */
import type { CsvScanner } from '../csv/scan.js'

export type Cell = string | number | boolean | null

/** One column of a table, read a cell at a time. */
export interface Column extends Iterable<Cell> {
  readonly length: number
  at(row: number): Cell
}

function* cellsOf(column: Column): Iterator<Cell> {
  for (let row = 0; row < column.length; row++) yield column.at(row)
}

/** Cells as JavaScript values (JSON Lines, and text columns). */
export class CellColumn implements Column {
  constructor(readonly cells: Cell[] = []) {}
  get length(): number {
    return this.cells.length
  }
  at(row: number): Cell {
    return this.cells[row] ?? null
  }
  push(cell: Cell): void {
    this.cells.push(cell)
  }
  [Symbol.iterator](): Iterator<Cell> {
    return this.cells[Symbol.iterator]()
  }
}

/** A column the comparison does not read: only its length is kept, every cell reads as missing. */
export class SkippedColumn implements Column {
  length = 0
  at(): Cell {
    return null
  }
  [Symbol.iterator](): Iterator<Cell> {
    return cellsOf(this)
  }
}

/** Rows per chunk of a growing column: chunks are never copied, so no column ever holds twice its size. */
const CHUNK_BITS = 16
const CHUNK = 1 << CHUNK_BITS
const CHUNK_MASK = CHUNK - 1

/**
 * A column whose cells are mostly plain numbers, in chunks: a chunk of small whole numbers (labels,
 * predicted classes) as bytes, any other as doubles (it becomes one at its first other number).
 * Cells that are not numbers (empty, text) are kept by row in a map, and marked in their chunk
 * (NaN, or SMALL_OTHER). A numeric column's cells are never NaN themselves (NA and NaN are missing
 * cells, see parseNumber).
 */
export class NumberColumn implements Column {
  private readonly chunks: (Int8Array | Float64Array)[] = []
  private readonly others = new Map<number, Cell>()
  length = 0

  /** A finite number (what the scanner reads as one). */
  pushNumber(value: number): void {
    const at = this.length & CHUNK_MASK
    if (at === 0) this.chunks.push(new Int8Array(CHUNK))
    const last = this.chunks.length - 1
    let chunk = this.chunks[last]!
    if (chunk instanceof Int8Array) {
      // -0 is not a small whole number: it would come back as 0.
      if (value === (value | 0) && value >= -127 && value <= 127 && !Object.is(value, -0)) {
        chunk[at] = value
        this.length++
        return
      }
      chunk = this.chunks[last] = widened(chunk, at)
    }
    chunk[at] = value
    this.length++
  }

  push(cell: Cell): void {
    if (typeof cell === 'number' && !Number.isNaN(cell)) {
      this.pushNumber(cell)
      return
    }
    if (cell !== null) this.others.set(this.length, cell)
    const at = this.length & CHUNK_MASK
    if (at === 0) this.chunks.push(new Int8Array(CHUNK))
    const chunk = this.chunks[this.chunks.length - 1]!
    chunk[at] = chunk instanceof Int8Array ? SMALL_OTHER : Number.NaN
    this.length++
  }

  at(row: number): Cell {
    if (row < 0 || row >= this.length) return null
    const chunk = this.chunks[row >>> CHUNK_BITS]!
    const v = chunk[row & CHUNK_MASK]!
    if (chunk instanceof Int8Array ? v === SMALL_OTHER : Number.isNaN(v)) return this.others.get(row) ?? null
    return v
  }

  /** Drops the last chunk's spare rows once the column is complete. */
  trim(): void {
    const last = this.chunks.length - 1
    if (last >= 0) this.chunks[last] = this.chunks[last]!.slice(0, this.length - last * CHUNK)
  }

  [Symbol.iterator](): Iterator<Cell> {
    return cellsOf(this)
  }
}

/** In a chunk of bytes, a cell that is not a number. */
const SMALL_OTHER = -128

/** A chunk of bytes as doubles, its first `filled` cells copied (markers as NaN). */
function widened(chunk: Int8Array, filled: number): Float64Array {
  const out = new Float64Array(CHUNK)
  for (let i = 0; i < filled; i++) out[i] = chunk[i] === SMALL_OTHER ? Number.NaN : chunk[i]!
  return out
}

/** FNV-1a over bytes, then mixed: the hash of an id. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193)
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  return (h ^ (h >>> 13)) >>> 0
}

/**
 * Ids as UTF-8 bytes in one buffer, row r's at [offsets[r], offsets[r + 1]); an empty id is a
 * missing one (null). Two files' ids compare without a string being made.
 */
export class IdColumn implements Column {
  private bytes: Buffer = Buffer.allocUnsafe(1 << 16)
  private offsets: Uint32Array = new Uint32Array(1025)
  private used = 0
  length = 0

  private room(bytes: number): void {
    if (this.used + bytes > this.bytes.length) {
      const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + bytes))
      this.bytes.copy(larger, 0, 0, this.used)
      this.bytes = larger
    }
    if (this.length + 2 > this.offsets.length) {
      const larger = new Uint32Array(this.offsets.length * 2)
      larger.set(this.offsets)
      this.offsets = larger
    }
  }

  /** Adds field c of the scanner's record, as written unless quoted (then unquoted). */
  pushField(scanner: CsvScanner, c: number): void {
    if (scanner.isQuoted(c)) {
      this.push(scanner.text(c))
      return
    }
    const start = scanner.fieldStart(c)
    const end = scanner.fieldEnd(c)
    this.room(end - start)
    // Ids are short: a loop beats Buffer.copy's fixed cost per call.
    const from = scanner.bytes
    const to = this.bytes
    let at = this.used
    for (let i = start; i < end; i++) to[at++] = from[i]!
    this.used = at
    this.offsets[++this.length] = this.used
  }

  push(cell: Cell): void {
    const text = cell === null ? '' : String(cell)
    const size = Buffer.byteLength(text)
    this.room(size)
    this.bytes.write(text, this.used)
    this.used += size
    this.offsets[++this.length] = this.used
  }

  at(row: number): string | null {
    if (row < 0 || row >= this.length) return null
    const start = this.offsets[row]!
    const end = this.offsets[row + 1]!
    return start === end ? null : this.bytes.toString('utf8', start, end)
  }

  isEmpty(row: number): boolean {
    return this.offsets[row] === this.offsets[row + 1]
  }

  /** Whether row `row` holds the same id as row `otherRow` of `other`. */
  sameAs(row: number, other: IdColumn, otherRow: number): boolean {
    const start = this.offsets[row]!
    const size = this.offsets[row + 1]! - start
    const otherStart = other.offsets[otherRow]!
    if (other.offsets[otherRow + 1]! - otherStart !== size) return false
    const a = this.bytes
    const b = other.bytes
    for (let k = 0; k < size; k++) if (a[start + k] !== b[otherStart + k]) return false
    return true
  }

  /**
   * Whether every id is greater than the one before, as a whole number of up to 15 digits or
   * else byte by byte: then no two are the same, with no index to build. Files written by an
   * evaluation are often in the order of their ids.
   */
  increasing(): boolean {
    const { bytes, offsets } = this
    let previous = -1
    let row = 0
    for (; row < this.length; row++) {
      const start = offsets[row]!
      const end = offsets[row + 1]!
      if (end === start || end - start > 15) break
      let value = 0
      let i = start
      for (; i < end; i++) {
        const d = bytes[i]! - 48
        if (d < 0 || d > 9) break
        value = value * 10 + d
      }
      if (i < end || value <= previous) break
      previous = value
    }
    if (row === this.length) return true
    for (row = 1; row < this.length; row++) {
      const a = offsets[row - 1]!
      const b = offsets[row]!
      const end = offsets[row + 1]!
      const size = Math.min(b - a, end - b)
      let k = 0
      while (k < size && bytes[a + k] === bytes[b + k]) k++
      // Greater: a larger byte at the first difference, or a longer id that starts with the previous one.
      if (k < size ? bytes[a + k]! > bytes[b + k]! : end - b <= b - a) return false
    }
    return true
  }

  hashAt(row: number): number {
    return hashBytes(this.bytes, this.offsets[row]!, this.offsets[row + 1]!)
  }

  trim(): void {
    this.offsets = this.offsets.slice(0, this.length + 1)
    this.bytes = Buffer.from(this.bytes.subarray(0, this.used))
  }

  [Symbol.iterator](): Iterator<Cell> {
    return cellsOf(this)
  }
}

/**
 * The rows of an IdColumn by id: open addressing over the ids' hashes, 8 bytes a row. `add`
 * returns the earlier row holding the same id, or -1; `find` the row of another column's id.
 */
export class IdIndex {
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(private readonly ids: IdColumn) {
    let size = 16
    while (size < ids.length * 2) size *= 2
    this.slots = new Int32Array(size).fill(-1)
    this.mask = size - 1
  }

  add(row: number): number {
    const { slots, mask, ids } = this
    for (let at = ids.hashAt(row) & mask, probes = 0; probes <= mask; at = (at + 1) & mask, probes++) {
      const held = slots[at]!
      if (held === -1) {
        slots[at] = row
        return -1
      }
      if (ids.sameAs(held, ids, row)) return held
    }
    throw new Error('the id index is full')
  }

  find(other: IdColumn, row: number): number {
    const { slots, mask, ids } = this
    for (let at = other.hashAt(row) & mask, probes = 0; probes <= mask; at = (at + 1) & mask, probes++) {
      const held = slots[at]!
      if (held === -1) return -1
      if (ids.sameAs(held, other, row)) return held
    }
    return -1
  }
}

/**
 * Line numbers: none kept while each row is on the line after the one before (no blank lines, no
 * line breaks inside fields), else 4 bytes a row from the first that is not.
 */
export class LineList {
  private readonly chunks: Uint32Array[] = []
  /** The first row's line, while every row follows the one before; -1 once rows are kept. */
  private first = 0
  length = 0
  push(line: number): void {
    if (this.first !== -1) {
      if (this.length === 0) this.first = line
      if (line === this.first + this.length) {
        this.length++
        return
      }
      const first = this.first
      const count = this.length
      this.first = -1
      this.length = 0
      for (let row = 0; row < count; row++) this.store(first + row)
    }
    this.store(line)
  }
  private store(line: number): void {
    const at = this.length & CHUNK_MASK
    if (at === 0) this.chunks.push(new Uint32Array(CHUNK))
    this.chunks[this.chunks.length - 1]![at] = line
    this.length++
  }
  at(row: number): number {
    if (this.first !== -1) return this.first + row
    return this.chunks[row >>> CHUNK_BITS]![row & CHUNK_MASK]!
  }
  trim(): void {
    const last = this.chunks.length - 1
    if (last >= 0) this.chunks[last] = this.chunks[last]!.slice(0, this.length - last * CHUNK)
  }
  toArray(): number[] {
    return Array.from({ length: this.length }, (_, row) => this.at(row))
  }
}
