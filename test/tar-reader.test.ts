/**
 * The archive reader reads ahead into a second buffer and swaps the two (or copies) when the first is
 * used up. Entries of every size straddle those boundaries here: archives written by the system's tar
 * (another writer than ours), read with the smallest buffer the reader takes, through every way of
 * taking data (whole, in pieces with pauses between them, skipped), must give back every file's
 * bytes and count every byte of the archive; a cut archive must fail as damaged, not hang or pass.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, mkdirSync, statSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { TarFormatError, TarReader } from '../src/engine/tar-reader.js'

const work = mkdtempSync(path.join(tmpdir(), 'tar-reader-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The reader's smallest buffer (it takes at least 128 KiB): the boundaries come every few entries. */
const BUFFER = 128 * 1024

/** Sizes around the block and the buffer: empty, a block and a byte either side, up to past two buffers. */
const size = fc.oneof(
  fc.constantFrom(0, 1, 511, 512, 513, 1024, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, BUFFER - 512, BUFFER, BUFFER + 1),
  fc.integer({ min: 0, max: 3 * BUFFER })
)
/** How the reader's user takes an entry's data. */
const take = fc.constantFrom('whole', 'pieces', 'skip')

let archives = 0

/** Writes the files under a fresh folder and archives them with the system's tar; returns the archive and the files by name. */
function makeArchive(sizes: number[]): { archive: string; files: Map<string, Buffer> } {
  const dir = path.join(work, `d${archives}`)
  const archive = path.join(work, `a${archives++}.tar`)
  mkdirSync(dir)
  const files = new Map<string, Buffer>()
  sizes.forEach((n, i) => {
    const name = `f${String(i).padStart(3, '0')}.bin`
    const bytes = randomBytes(n)
    writeFileSync(path.join(dir, name), bytes)
    files.set(name, bytes)
  })
  execFileSync('tar', ['--format=ustar', '-cf', archive, '-C', dir, ...files.keys()])
  rmSync(dir, { recursive: true })
  return { archive, files }
}

/** Reads every entry, taking each one's data the way `ways` says (in turn); returns the files read and the bytes counted. */
async function readAll(archive: string, ways: string[]): Promise<{ files: Map<string, Buffer | null>; counted: number }> {
  const input = await open(archive, 'r')
  let counted = 0
  const reader = new TarReader(input, bytes => void (counted += bytes.length), BUFFER)
  const files = new Map<string, Buffer | null>()
  try {
    let k = 0
    for (let entry = await reader.next(); entry !== null; entry = reader.nextBuffered() ?? (await reader.next())) {
      expect(entry.type).toBe('file')
      const way = ways[k++ % ways.length]
      if (way === 'skip') files.set(entry.name, null)
      else if (way === 'whole' && (reader.holds(entry.size) || (await reader.buffered(entry.size)))) {
        files.set(entry.name, Buffer.from(reader.whole(entry.size)))
      } else {
        const pieces: Buffer[] = []
        await reader.data(entry.size, async piece => {
          pieces.push(Buffer.from(piece))
          // A pause, as a write of the piece would take: the read ahead runs meanwhile.
          await new Promise(resolve => setImmediate(resolve))
        })
        files.set(entry.name, Buffer.concat(pieces))
      }
    }
  } finally {
    await reader.settle()
    await input.close()
  }
  return { files, counted }
}

describe('TarReader reading ahead', () => {
  it('gives back every file whole, in any size and however its data is taken', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(size, { minLength: 1, maxLength: 24 }), fc.array(take, { minLength: 1, maxLength: 5 }), async (sizes, ways) => {
        const { archive, files } = makeArchive(sizes)
        const read = await readAll(archive, ways)
        expect(read.counted).toBe(statSync(archive).size)
        expect([...read.files.keys()]).toEqual([...files.keys()])
        for (const [name, bytes] of read.files) if (bytes !== null) expect(bytes.equals(files.get(name)!), name).toBe(true)
        rmSync(archive)
      }),
      { numRuns: 40 }
    )
  })

  it('refuses an archive cut anywhere inside its entries as damaged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(size, { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), take, async (sizes, where, way) => {
        const { archive, files } = makeArchive(sizes)
        const total = [...files.values()].reduce((sum, b) => sum + 512 + Math.ceil(b.length / 512) * 512, 0)
        // Somewhere from the first header's second byte to the last entry's last byte.
        const cut = 1 + Math.floor(where * (total - 1))
        truncateSync(archive, cut)
        const outcome = await readAll(archive, [way]).then(
          () => 'read',
          (err: unknown) => err
        )
        // Cut at an entry's end, the archive reads as ending there (tar's end marker is only two zero blocks).
        const atBoundary = [...files.values()]
          .reduce<number[]>((ends, b) => [...ends, (ends.at(-1) ?? 0) + 512 + Math.ceil(b.length / 512) * 512], [])
          .includes(cut)
        if (atBoundary) expect(outcome).toBe('read')
        else expect(outcome).toBeInstanceOf(TarFormatError)
        rmSync(archive)
      }),
      { numRuns: 40 }
    )
  })

  it('reports a failing read as the read error', async () => {
    const { archive } = makeArchive([BUFFER * 3])
    const input = await open(archive, 'r')
    const reader = new TarReader(input, () => {}, BUFFER)
    const entry = await reader.next()
    expect(entry?.size).toBe(BUFFER * 3)
    await reader.settle()
    // The file closed under the reader: the next read fails, and that failure is what the caller gets.
    await input.close()
    await expect(reader.data(entry!.size, () => {})).rejects.toMatchObject({ code: 'EBADF' })
    expect(readFileSync(archive).length).toBeGreaterThan(BUFFER * 3)
  })
})
