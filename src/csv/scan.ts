/**
 * The CSV parser of the project, over bytes: a file streams through one bounded buffer, so no file
 * is ever held whole (no size ceiling), and a numeric cell is read straight from its bytes, without
 * a string in between. `read.ts` gives the same parser a string-shaped interface.
 *
 * Field delimiters are bytes below 0x80, which never occur inside a UTF-8 sequence, so the bytes can
 * be split before they are decoded. Quoting follows RFC 4180 as read.ts documents it.
 */
import { isUtf8 } from 'node:buffer'
import { open } from 'node:fs/promises'
import { CsvError } from './errors.js'

const QUOTE = 34
const COMMA = 44
const LF = 10
const CR = 13

/** Bytes read at a time; a record longer than this grows the buffer to hold it. */
export const CHUNK_BYTES = 1 << 20

/** Exact powers of ten: a product or quotient of two exact doubles is correctly rounded. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`))

/**
 * A decimal number as data files write it: an optional sign, digits with an optional fraction (`5`,
 * `.5`, `5.`), an optional exponent; blanks around it. Not `Number`'s other forms (`0x10`, `0b1`,
 * `0o7`, `Infinity`), which no data writer means as a number.
 */
export const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/

/** A numeric cell: empty, NA, NaN or null is missing (null); anything else must be a finite decimal number. */
export function parseNumber(cell: string): number | null | undefined {
  if (cell === '' || /^(na|nan|null)$/i.test(cell)) return null
  if (!DECIMAL.test(cell)) return undefined
  const value = Number(cell)
  return Number.isFinite(value) ? value : undefined
}

/** The hint for a row of the wrong width whose quoted field ran over line breaks, from `spanLine` to `spanEnd`; empty if none did. */
export function spanNote(spanLine: number, spanEnd: number): string {
  if (spanLine === 0) return ''
  return `; a quoted field opened on line ${spanLine} runs over line breaks to line ${spanEnd}: is its closing quote missing?`
}

const isBlank = (b: number): boolean => b === 32 || b === 9 || b === 11 || b === 12

/**
 * The records of CSV bytes, one at a time. Fill `bytes`, call `next`; the fields of the record it
 * found are read through `text` and `number` until the following call.
 */
export class CsvScanner {
  /** Holds bytes [0, length) ; the record being read starts at `position`. */
  bytes: Buffer
  length = 0
  position = 0
  /** Whether `bytes` holds the end of the input. */
  ended = false
  /** The line the next record starts on (1-based). */
  line = 1
  /** The line the current record starts on. */
  recordLine = 0
  /** Fields of the current record. */
  count = 0
  /** The line a quoted field of the current record opened on when it ran over a line break; 0 if none did. */
  spanLine = 0
  /** The line that quoted field closed on. */
  spanEnd = 0
  /** A field that is not UTF-8 is read as Latin-1 (for data only a user's own step reads), not refused. */
  latin1 = false
  private atStart = true
  private starts = new Int32Array(64)
  private ends = new Int32Array(64)
  private quoted = new Uint8Array(64)

  constructor(
    private readonly file: string,
    capacity = CHUNK_BYTES
  ) {
    this.bytes = Buffer.allocUnsafe(capacity)
  }

  /**
   * Reads the next record: 'record' when one was read, 'more' when the buffer ends inside one (add
   * bytes, or set `ended`, and call again), 'end' when the input is done. Blank lines are skipped.
   */
  next(): 'record' | 'more' | 'end' {
    for (;;) {
      const found = this.scan()
      if (found !== 'record') return found
      if (this.count === 1 && this.ends[0]! - this.starts[0]! <= 2 && this.text(0) === '') continue
      return found
    }
  }

  private scan(): 'record' | 'more' | 'end' {
    const b = this.bytes
    const n = this.length
    const ended = this.ended
    let i = this.position
    if (i >= n) return ended ? 'end' : 'more'
    if (this.atStart) {
      if (n < 3 && !ended) return 'more'
      this.atStart = false
      if (n - i >= 3 && b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf) i = this.position = i + 3
    }
    let line = this.line
    let count = 0
    let spanLine = 0
    let spanEnd = 0
    for (;;) {
      const start = i
      let quoted = 0
      if (i < n && b[i] === QUOTE) {
        quoted = 1
        const opened = line
        i++
        for (;;) {
          let close = b.indexOf(QUOTE, i)
          if (close >= n) close = -1
          if (close === -1 || (close + 1 >= n && !ended)) {
            if (!ended) return 'more'
            throw new CsvError(`${this.file}:${opened}: a quoted field is never closed (it opens on this line); end it with a double quote`)
          }
          for (let k = b.indexOf(LF, i); k !== -1 && k < close; k = b.indexOf(LF, k + 1)) line++
          // Within the bytes read: past `length` the buffer holds stale bytes of earlier reads.
          if (close + 1 < n && b[close + 1] === QUOTE) i = close + 2
          else {
            i = close + 1
            break
          }
        }
        if (line > opened) {
          // A quote that is never closed reads the lines after it into its field, up to the next quote
          // in the file; text right after that quote shows it (a field that holds line breaks ends at
          // its closing quote). Text after a closing quote on the quote's own line is kept, as written.
          const after = i < n ? b[i]! : COMMA
          if (after !== COMMA && after !== LF && after !== CR && !isBlank(after)) {
            throw new CsvError(
              `${this.file}:${opened}: a quoted field is never closed: it opens on this line and runs to the quote on line ${line}, ` +
                `which ${JSON.stringify(String.fromCharCode(after))} follows; end the field with a double quote (a quote inside it is written twice: "")`
            )
          }
          if (spanLine === 0) {
            spanLine = opened
            spanEnd = line
          }
        }
      }
      while (i < n) {
        const c = b[i]!
        if (c === COMMA || c === LF || c === CR) break
        i++
      }
      if (i >= n && !ended) return 'more'
      if (count === this.starts.length) this.growFields()
      this.starts[count] = start
      this.ends[count] = i
      this.quoted[count] = quoted
      count++
      if (i >= n) break
      const c = b[i]!
      if (c === COMMA) {
        i++
        continue
      }
      if (c === CR) {
        if (i + 1 >= n && !ended) return 'more'
        i += i + 1 < n && b[i + 1] === LF ? 2 : 1
      } else i++
      line++
      break
    }
    this.count = count
    this.spanLine = spanLine
    this.spanEnd = spanEnd
    this.recordLine = this.line
    this.line = line
    this.position = i
    return 'record'
  }

  private growFields(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const out = make(a.length * 2)
      out.set(a)
      return out
    }
    this.starts = grow(this.starts, k => new Int32Array(k))
    this.ends = grow(this.ends, k => new Int32Array(k))
    this.quoted = grow(this.quoted, k => new Uint8Array(k))
  }

  /** Field c's bytes as written are bytes[fieldStart(c), fieldEnd(c)); quoted fields include their quotes. */
  fieldStart(c: number): number {
    return this.starts[c]!
  }

  fieldEnd(c: number): number {
    return this.ends[c]!
  }

  isQuoted(c: number): boolean {
    return this.quoted[c] !== 0
  }

  /** Field c of the current record, unquoted, as written (not trimmed). */
  text(c: number): string {
    let raw = this.bytes.toString('utf8', this.starts[c], this.ends[c])
    // A byte that is not UTF-8 (a Latin-1 é) decodes to U+FFFD: refused, or read as Latin-1 where
    // `latin1` allows it; never two different values (café, cafè) silently read as one.
    if (raw.includes('\uFFFD') && !isUtf8(this.bytes.subarray(this.starts[c], this.ends[c]))) {
      if (!this.latin1) this.notUtf8(c)
      raw = this.bytes.toString('latin1', this.starts[c], this.ends[c])
    }
    if (this.quoted[c] === 0) return raw
    let field = ''
    let i = 1
    for (;;) {
      const close = raw.indexOf('"', i)
      field += raw.slice(i, close)
      if (raw.charCodeAt(close + 1) === QUOTE) {
        field += '"'
        i = close + 2
      } else {
        i = close + 1
        break
      }
    }
    return field + raw.slice(i)
  }

  /**
   * Field c as `parseNumber` of its trimmed text reads it. Plain decimals of up to 15 significant
   * digits are computed from the bytes, exactly as `Number` would; anything else goes through it.
   */
  number(c: number): number | null | undefined {
    const b = this.bytes
    let i = this.starts[c]!
    let end = this.ends[c]!
    if (this.quoted[c] !== 0) return parseNumber(this.text(c).trim())
    while (i < end && isBlank(b[i]!)) i++
    while (end > i && isBlank(b[end - 1]!)) end--
    if (i === end) return null
    let negative = false
    if (b[i] === 45) {
      negative = true
      i++
    } else if (b[i] === 43) i++
    let mantissa = 0
    let significant = 0
    let digits = 0
    let scale = 0
    let d: number
    while (i < end && (d = b[i]! - 48) >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d
      if (mantissa !== 0) significant++
      digits++
      i++
    }
    if (i < end && b[i] === 46) {
      i++
      while (i < end && (d = b[i]! - 48) >= 0 && d <= 9) {
        mantissa = mantissa * 10 + d
        if (mantissa !== 0) significant++
        digits++
        scale--
        i++
      }
    }
    if (i < end && (b[i] === 101 || b[i] === 69) && digits > 0) {
      i++
      let sign = 1
      if (b[i] === 45) {
        sign = -1
        i++
      } else if (b[i] === 43) i++
      let exponent = 0
      let exponentDigits = 0
      while (i < end && (d = b[i]! - 48) >= 0 && d <= 9 && exponent < 1000) {
        exponent = exponent * 10 + d
        exponentDigits++
        i++
      }
      if (exponentDigits === 0) return this.slowNumber(c)
      scale += sign * exponent
    }
    if (i !== end || digits === 0 || significant > 15 || scale < -22 || scale > 22) {
      return this.slowNumber(c)
    }
    const value = scale < 0 ? mantissa / POW10[-scale]! : mantissa * POW10[scale]!
    return negative ? -value : value
  }

  /**
   * The next record read straight into numbers, when it is a plain one: every field it keeps
   * (`slot[c] >= 0`) a decimal as `number` computes from the bytes (an optional sign, digits, an
   * optional fraction, at most 15 significant digits, no blanks), stored at `out[slot[c]]`, and every
   * other field unquoted. Returns the record's field count, the record consumed as `next` would; or
   * -1, nothing consumed, when the record is anything else (or not whole in the buffer, or has more
   * fields than `slot`): `next` then reads it the general way. One pass over the bytes instead of a
   * pass to cut the fields and one per number.
   */
  plainNumbers(slot: Int32Array, out: Float64Array): number {
    if (this.atStart) return -1
    const b = this.bytes
    const n = this.length
    const width = slot.length
    let i = this.position
    // A blank line (which `next` skips) or the end: the general way.
    if (i >= n || b[i] === LF || b[i] === CR) return -1
    let count = 0
    for (;;) {
      if (count === width) return -1
      const target = slot[count]!
      if (target < 0) {
        // A field not kept: skipped up to its end, unless it is quoted (a comma may be inside).
        while (i < n) {
          const c = b[i]!
          if (c === COMMA || c === LF || c === CR) break
          if (c === QUOTE) return -1
          i++
        }
      } else {
        let negative = false
        if (i < n && b[i] === 45) {
          negative = true
          i++
        } else if (i < n && b[i] === 43) i++
        let mantissa = 0
        let significant = 0
        let digits = 0
        let scale = 0
        let d: number
        while (i < n && (d = b[i]! - 48) >= 0 && d <= 9) {
          mantissa = mantissa * 10 + d
          if (mantissa !== 0) significant++
          digits++
          i++
        }
        if (i < n && b[i] === 46) {
          i++
          while (i < n && (d = b[i]! - 48) >= 0 && d <= 9) {
            mantissa = mantissa * 10 + d
            if (mantissa !== 0) significant++
            digits++
            scale--
            i++
          }
        }
        if (digits === 0 || significant > 15 || scale < -22) return -1
        const value = scale < 0 ? mantissa / POW10[-scale]! : mantissa
        out[target] = negative ? -value : value
      }
      count++
      if (i >= n) {
        if (!this.ended) return -1
        break
      }
      const c = b[i]!
      if (c === COMMA) {
        i++
        continue
      }
      if (c === LF) {
        i++
        break
      }
      if (c === CR) {
        if (i + 1 >= n && !this.ended) return -1
        i += i + 1 < n && b[i + 1] === LF ? 2 : 1
        break
      }
      // Any other byte after a number (a blank, an exponent, text): the general way.
      return -1
    }
    this.count = count
    this.spanLine = 0
    this.recordLine = this.line
    this.line++
    this.position = i
    return count
  }

  /**
   * The error for a record of `count` fields under a header of `width`, at `shown:line`; when a quoted
   * field of it ran over line breaks, that is said too: a quote never closed reads the next lines into
   * one field.
   */
  widthError(shown: string, width: number): CsvError {
    return new CsvError(`${shown}:${this.recordLine}: the row has ${this.count} fields but the header has ${width}${spanNote(this.spanLine, this.spanEnd)}`)
  }

  private notUtf8(c: number): never {
    const bytes = this.bytes.subarray(this.starts[c], this.ends[c])
    // The first byte that starts no valid sequence.
    let at = 0
    while (at < bytes.length) {
      const b = bytes[at]!
      const size = b < 0x80 ? 1 : (b & 0xe0) === 0xc0 ? 2 : (b & 0xf0) === 0xe0 ? 3 : (b & 0xf8) === 0xf0 ? 4 : 0
      if (size === 0 || !isUtf8(bytes.subarray(at, at + size)) || at + size > bytes.length) break
      at += size
    }
    throw new CsvError(
      `${this.file}:${this.recordLine}: column ${c + 1} holds the byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase()}, which is not UTF-8; save the file as UTF-8 (convert a Latin-1 or UTF-16 file)`
    )
  }

  private slowNumber(c: number): number | null | undefined {
    return parseNumber(this.text(c).trim())
  }
}

/**
 * Calls `record(scanner)` for each record of `file`, in order, reading it through a bounded buffer;
 * `chunk(bytes)` sees every byte of the file once (for a digest). `record` returns false to stop.
 * `plain`, when given, is tried before each record and takes it when it returns true.
 * A file that cannot be read is a CsvError naming the system's reason.
 */
export async function scanFile(
  file: string,
  record: (scanner: CsvScanner) => boolean | void,
  chunk?: (bytes: Buffer) => void,
  capacity = CHUNK_BYTES,
  plain?: (scanner: CsvScanner) => boolean
): Promise<void> {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (err) {
    throw new CsvError(`cannot read ${file}: ${(err as Error).message}`, { cause: err })
  }
  try {
    const scanner = new CsvScanner(file, capacity)
    for (;;) {
      // A caller's fast path for plain records (plainNumbers): true when it took one.
      if (plain !== undefined && plain(scanner)) continue
      const found = scanner.next()
      if (found === 'record') {
        if (record(scanner) === false) return
        continue
      }
      if (found === 'end') return
      let { bytes } = scanner
      if (scanner.position > 0) {
        bytes.copy(bytes, 0, scanner.position, scanner.length)
        scanner.length -= scanner.position
        scanner.position = 0
      }
      if (scanner.length === bytes.length) {
        const larger = Buffer.allocUnsafe(bytes.length * 2)
        bytes.copy(larger, 0, 0, scanner.length)
        bytes = scanner.bytes = larger
      }
      let read: number
      try {
        ;({ bytesRead: read } = await handle.read(bytes, scanner.length, bytes.length - scanner.length, null))
      } catch (err) {
        throw new CsvError(`cannot read ${file}: ${(err as Error).message}`, { cause: err })
      }
      if (read === 0) scanner.ended = true
      else chunk?.(bytes.subarray(scanner.length, scanner.length + read))
      scanner.length += read
    }
  } finally {
    await handle.close()
  }
}
