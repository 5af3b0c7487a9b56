import { createHash } from 'node:crypto'
import { Transform } from 'node:stream'

/**
 * A pass-through stream that hashes (sha256) and counts the bytes going through it, for a pipeline
 * that copies or downloads a file and must know what it wrote without reading it again.
 */
export function hashingTap(): { tap: Transform; result: () => { sha256: string; size: number } } {
  const hash = createHash('sha256')
  let size = 0
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      size += chunk.length
      done(null, chunk)
    }
  })
  return { tap, result: () => ({ sha256: hash.digest('hex'), size }) }
}
