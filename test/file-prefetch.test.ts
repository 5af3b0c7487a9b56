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

/**
 * Takes every file and checks it against what was written; returns how many came read ahead, how
 * many were left to the packer, and how many of those read ahead the packer had read itself.
 */
async function takeAll(
  prefetch: FilePrefetch,
  paths: string[],
  files: { bytes: Buffer | null; mode: number }[]
): Promise<{ readAhead: number; unread: number; stolen: number }> {
  let readAhead = 0
  let unread = 0
  let stolen = 0
  for (const [i, file] of files.entries()) {
    if (file.bytes === null) {
      // A file the packer reads itself fails when it reads it; one read ahead fails here, in its place.
      const got = await Promise.resolve()
        .then(() => prefetch.take())
        .catch((err: unknown) => err)
      if (got instanceof Error) expect(got, paths[i]).toMatchObject({ code: 'ENOENT' })
      else {
        expect(got, paths[i]).toEqual({ kind: 'unread' })
        unread++
      }
      continue
    }
    const got = await prefetch.take()
    if (got.kind === 'unread') {
      unread++
      continue
    }
    if (file.bytes.length > LIMIT) {
      expect(got, paths[i]).toEqual({ kind: 'large' })
      continue
    }
    if (got.kind !== 'small') throw new Error(`${paths[i]}: ${got.kind}`)
    readAhead++
    expect(got.bytes.equals(file.bytes), paths[i]).toBe(true)
    expect(got.mode & 0o777, paths[i]).toBe(file.mode)
    // The readers hash what they read; a chunk the packer read ahead itself while waiting is hashed when packed.
    if (got.sha256 !== undefined) expect(got.sha256, paths[i]).toBe(createHash('sha256').update(file.bytes).digest('hex'))
    else stolen++
  }
  return { readAhead, unread, stolen }
}

describe('FilePrefetch', () => {
  for (const readers of [1, 2]) {
    it(`hands every file back in order with ${readers} reader${readers === 1 ? '' : 's'} reading every chunk`, async () => {
      // 2,100 files: 33 chunks of 64, more than the ring's places, so places are reused.
      const { paths, files } = await makeFiles(2100)
      // A place large enough for any chunk of these files: none is left to the packer.
      const prefetch = new FilePrefetch(paths, LIMIT, 1024 * 1024, { readers, packerReads: false })
      try {
        const { readAhead, unread, stolen } = await takeAll(prefetch, paths, files)
        expect(unread).toBe(0)
        expect(stolen).toBe(0)
        expect(readAhead).toBe(files.filter(f => f.bytes !== null && f.bytes.length <= LIMIT).length)
      } finally {
        await prefetch.close()
      }
    })
  }

  it('leaves the chunks nobody has started to the packer, in order, and reads the others ahead', async () => {
    const { paths, files } = await makeFiles(2100)
    const prefetch = new FilePrefetch(paths, LIMIT, BUDGET, { readers: 1 })
    try {
      // The first chunk is the packer's: the reader has not started when the first file is asked for.
      expect(prefetch.take()).toEqual({ kind: 'unread' })
      // Then the packer is slow (one chunk taking a while), and the reader gets ahead: as far as the ring allows.
      for (let i = 1; i < 64; i++) expect(prefetch.take()).toEqual({ kind: 'unread' })
      for (let wait = 0; wait < 200 && prefetch.waitingChunks < 4; wait++) await new Promise(resolve => setTimeout(resolve, 50))
      expect(prefetch.waitingChunks).toBe(4)
      const { readAhead, unread } = await takeAll(prefetch, paths.slice(64), files.slice(64))
      expect(readAhead).toBeGreaterThan(0)
      expect(prefetch.counts).toMatchObject({ readAhead, unread: unread + 64 })
    } finally {
      await prefetch.close()
    }
  })

  it('reads the next chunk nobody has claimed itself while a reader reads the one it needs, and hands those files back in their place too', async () => {
    const { paths, files } = await makeFiles(2100)
    // The packer here only compares bytes: faster than the reader, it soon waits for a chunk being
    // read, and then reads ahead itself. Whether it does in one pass depends on the threads' timing,
    // so a few passes are allowed; every pass checks every file.
    let stolen = 0
    for (let attempt = 0; attempt < 10 && stolen === 0; attempt++) {
      const prefetch = new FilePrefetch(paths, LIMIT, BUDGET, { readers: 1 })
      try {
        // Once the reader runs (it takes a few milliseconds to start; until then the packer would claim every chunk).
        for (let wait = 0; wait < 200 && prefetch.waitingChunks === 0; wait++) await new Promise(resolve => setTimeout(resolve, 10))
        stolen = (await takeAll(prefetch, paths, files)).stolen
        // Files of chunks the packer read ahead come without a sha256 (it hashes them as it packs them).
        expect(prefetch.counts.stolen >= stolen).toBe(true)
      } finally {
        await prefetch.close()
      }
    }
    expect(stolen).toBeGreaterThan(0)
  })

  it('leaves a chunk whose files outgrow its place in the ring to the packer, from the file that does not fit', async () => {
    // Files of 60,000 bytes against a place of 256 KiB: five fit (the fifth may pass the budget), the rest of each chunk is the packer's.
    const root = await mkdtemp(path.join(os.tmpdir(), 'retrain-prefetch-'))
    scratch.push(root)
    const paths: string[] = []
    const files: { bytes: Buffer; mode: number }[] = []
    for (let i = 0; i < 200; i++) {
      const bytes = Buffer.alloc(60_000, i)
      paths.push(path.join(root, `f${String(i).padStart(3, '0')}`))
      await writeFile(paths[i]!, bytes, { mode: 0o644 })
      files.push({ bytes, mode: 0o644 })
    }
    const prefetch = new FilePrefetch(paths, LIMIT, BUDGET, { readers: 1, packerReads: false })
    try {
      const kinds: string[] = []
      for (const [i, file] of files.entries()) {
        const got = await prefetch.take()
        kinds.push(got.kind)
        if (got.kind === 'small') expect(got.bytes.equals(file.bytes), paths[i]).toBe(true)
      }
      expect(kinds.slice(0, 64)).toEqual([...Array(5).fill('small'), ...Array(59).fill('unread')])
      expect(kinds.filter(k => k === 'small')).toHaveLength(5 * 4)
    } finally {
      await prefetch.close()
    }
  })
})
