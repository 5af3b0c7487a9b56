/**
 * The read-ahead of small files on one or two reader threads: every file comes back in the order of
 * the paths, with its own bytes, mode and (with two readers) sha256, across slots, batches and the
 * reuse of each reader's shared ring; large files and failures come back in their place.
 */
import { createHash } from 'node:crypto'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FilePrefetch } from '../src/engine/file-prefetch.js'

const scratch: string[] = []
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true })
})

const LIMIT = 64 * 1024
const BUDGET = 256 * 1024

async function makeFiles(count: number): Promise<{ paths: string[]; files: { bytes: Buffer | null; mode: number }[] }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'retrain-prefetch-'))
  scratch.push(root)
  const paths: string[] = []
  const files: { bytes: Buffer | null; mode: number }[] = []
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `d${i % 5}`)
    await mkdir(dir, { recursive: true })
    const abs = path.join(dir, `f${i}`)
    paths.push(abs)
    if (i % 401 === 7) {
      // Missing: its error comes back in its place.
      files.push({ bytes: null, mode: 0 })
      continue
    }
    // Mostly small, some past the limit (streamed by the packer), some large enough to split a slot into batches.
    const size = i % 89 === 0 ? LIMIT + 1 + i : i % 13 === 0 ? 60_000 : (i * 53) % 3000
    const bytes = Buffer.alloc(size, i % 251)
    if (size >= 4) bytes.writeUInt32LE(i, 0)
    await writeFile(abs, bytes)
    const mode = i % 17 === 0 ? 0o755 : 0o644
    await chmod(abs, mode)
    files.push({ bytes, mode })
  }
  return { paths, files }
}

describe('FilePrefetch', () => {
  for (const readers of [1, 2]) {
    it(`hands every file back in order with ${readers} reader${readers === 1 ? '' : 's'}`, async () => {
      // 2,100 files: five slots of 512, so with two readers each reads more than one slot.
      const { paths, files } = await makeFiles(2100)
      const prefetch = new FilePrefetch(paths, LIMIT, BUDGET, readers)
      try {
        for (const [i, file] of files.entries()) {
          if (file.bytes === null) {
            await expect(Promise.resolve().then(() => prefetch.take())).rejects.toMatchObject({ code: 'ENOENT' })
            continue
          }
          const got = await prefetch.take()
          if (file.bytes.length > LIMIT) {
            expect(got, paths[i]).toEqual({ kind: 'large' })
            continue
          }
          if (got.kind !== 'small') throw new Error(`${paths[i]}: ${got.kind}`)
          expect(got.bytes.equals(file.bytes), paths[i]).toBe(true)
          expect(got.mode & 0o777, paths[i]).toBe(file.mode)
          const own = createHash('sha256').update(file.bytes).digest('hex')
          // Two readers hash on their threads; one leaves the hash to the packer.
          expect(got.sha256, paths[i]).toBe(readers > 1 ? own : undefined)
        }
      } finally {
        await prefetch.close()
      }
    })
  }
})
