/**
 * The steps' logs as the run keeps them (`logs/` in the output directory, and the logs artifact on
 * GitHub), with the values of secret-looking environment variables replaced by `***`. The runner
 * masks a workflow's secrets in its live log, but the kept copy is the action's own, which anyone who
 * can download the run's artifacts can read (anyone at all, on a public repository). The engine cannot
 * know which values are secrets; it takes those of variables whose names say so (TOKEN, SECRET,
 * PASSWORD, API_KEY, ACCESS_KEY, PRIVATE_KEY, CREDENTIALS ...), as a step inherits them.
 */
import { constants as fsConstants, createWriteStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { Readable, Transform, type TransformCallback } from 'node:stream'

/** Names of variables whose values are taken for secrets. */
const SECRET_NAME = /TOKEN|SECRET|PASSW(OR)?D|PASSPHRASE|PRIVATE_?KEY|CREDENTIAL|(API|ACCESS|AUTH|SESSION)_?KEY|COOKIE/i
/** Shorter values would mask ordinary words and numbers in the logs. */
const MIN_LENGTH = 8
const MASK = Buffer.from('***')

/**
 * The values of the secret-looking variables of `env`, longest first; a value of several lines (a
 * private key) also gives each of its lines, as a step may print one line at a time.
 */
export function secretValues(env: NodeJS.ProcessEnv): Buffer[] {
  const values = new Set<string>()
  for (const [name, value] of Object.entries(env)) {
    if (!value || !SECRET_NAME.test(name)) continue
    for (const text of [value, ...value.split(/\r?\n/)]) if (text.trim().length >= MIN_LENGTH) values.add(text)
  }
  return [...values].sort((a, b) => b.length - a.length).map(v => Buffer.from(v))
}

/** `line` with each of `secrets` (longest first) replaced by `***`: for lines quoted in reports and messages. */
export function redactLine(line: string, secrets: readonly string[]): string {
  let out = line
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('***')
  return out
}

/**
 * Copies the regular file `from` to `to`, every occurrence of each of `secrets` replaced by `***`, a
 * chunk at a time; false (nothing copied) when `from` is not a regular file. A step can reach the
 * directory the logs are in: a symlink it put in a log's place is not followed (it could name any
 * file the run can read, which would then go into the artifacts), a pipe is not waited on, and a file
 * that grows meanwhile is copied up to the size it had when opened.
 */
export async function copyRedacted(from: string, to: string, secrets: readonly Buffer[]): Promise<boolean> {
  const file = await open(from, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0)).catch((err: unknown) => {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') return null
    throw err
  })
  if (file === null) return false
  try {
    const info = await file.stat()
    if (!info.isFile()) return false
    const out = createWriteStream(to)
    if (info.size === 0) await pipeline(Readable.from([]), out)
    else {
      const input = file.createReadStream({ autoClose: false, start: 0, end: info.size - 1 })
      if (secrets.length === 0) await pipeline(input, out)
      else await pipeline(input, new Redactor(secrets), out)
    }
    return true
  } finally {
    await file.close()
  }
}

/**
 * Replaces the secrets in a byte stream. The last (longest secret - 1) bytes of what has come are
 * held back until the next chunk, so a secret split between two chunks is found whole; a match that
 * starts before the bytes held back lies wholly in what has come.
 */
export class Redactor extends Transform {
  private held = Buffer.alloc(0)
  private readonly keep: number

  constructor(private readonly secrets: readonly Buffer[]) {
    super()
    this.keep = Math.max(0, ...secrets.map(s => s.length - 1))
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const data = this.held.length ? Buffer.concat([this.held, chunk]) : chunk
    const end = this.flushable(data, data.length - this.keep)
    this.held = Buffer.from(data.subarray(end))
    done()
  }

  override _flush(done: TransformCallback): void {
    this.flushable(this.held, this.held.length)
    this.held = Buffer.alloc(0)
    done()
  }

  /** Pushes `data` up to `limit` (further where a match starting before it goes on), redacted; returns where it stopped. */
  private flushable(data: Buffer, limit: number): number {
    let at = 0
    while (at < limit) {
      let first = -1
      let length = 0
      for (const secret of this.secrets) {
        const i = data.indexOf(secret, at)
        // The longest secret wins at the same place (they are sorted longest first).
        if (i !== -1 && i < limit && (first === -1 || i < first)) {
          first = i
          length = secret.length
        }
      }
      if (first === -1) break
      if (first > at) this.push(data.subarray(at, first))
      this.push(MASK)
      at = first + length
    }
    if (at < limit) {
      this.push(data.subarray(at, limit))
      at = limit
    }
    return Math.max(at, 0)
  }
}
