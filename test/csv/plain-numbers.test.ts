// The fast path for rows of plain numbers (CsvScanner.plainNumbers, used by the trainers' reader):
// whatever the bytes and wherever the buffer's edge falls, the records it takes read exactly as the
// general path reads them (fields, numbers bit for bit, lines), and the rest are left to that path.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { scanFile, type CsvScanner } from '../../src/csv/scan.js'

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map(d => rm(d, { recursive: true, force: true }))))

async function fileOf(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-plain-'))
  dirs.push(dir)
  const file = path.join(dir, 'f.csv')
  await writeFile(file, text)
  return file
}

type Row = [line: number, count: number, values: (number | null | undefined)[]]

/** Every record through the general path: its line, field count and the kept fields' numbers. */
async function general(file: string, slot: Int32Array, capacity: number): Promise<Row[]> {
  const rows: Row[] = []
  await scanFile(
    file,
    s => {
      const values: (number | null | undefined)[] = []
      slot.forEach((target, c) => {
        if (target >= 0 && c < s.count) values[target] = s.number(c)
      })
      rows.push([s.recordLine, s.count, values])
    },
    undefined,
    capacity
  )
  return rows
}

/** The same with the fast path tried first; counts the records it took. */
async function fast(file: string, slot: Int32Array, capacity: number): Promise<{ rows: Row[]; taken: number }> {
  const rows: Row[] = []
  let taken = 0
  const out = new Float64Array(slot.length)
  const plain = (s: CsvScanner): boolean => {
    const count = s.plainNumbers(slot, out)
    if (count < 0) return false
    taken++
    const values: number[] = []
    slot.forEach((target, c) => {
      if (target >= 0 && c < count) values[target] = out[target]!
    })
    rows.push([s.recordLine, count, values])
    return true
  }
  await scanFile(
    file,
    s => {
      const values: (number | null | undefined)[] = []
      slot.forEach((target, c) => {
        if (target >= 0 && c < s.count) values[target] = s.number(c)
      })
      rows.push([s.recordLine, s.count, values])
    },
    undefined,
    capacity,
    plain
  )
  return { rows, taken }
}

const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map(v => String(v)) },
  { weight: 4, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }).map(v => v.toFixed(6)) },
  { weight: 3, arbitrary: fc.integer({ min: -99999, max: 99999 }).map(String) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '-0',
      '+1',
      '.5',
      '1.',
      '.',
      '-',
      '1e3',
      '2E-2',
      ' 3',
      '4 ',
      'NA',
      'x',
      '"5"',
      '"a,b"',
      '0.1234567890123456',
      '12345678901234567'
    )
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9.+-]{1,25}$/) }
)
const csv = fc
  .record({
    width: fc.integer({ min: 1, max: 5 }),
    eol: fc.constantFrom('\n', '\r\n'),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 25 }),
    blank: fc.array(fc.nat(30), { maxLength: 3 }),
    end: fc.boolean()
  })
  .map(({ width, eol, rows, blank, end }) => {
    const lines = [Array.from({ length: width }, (_, k) => `c${k}`).join(','), ...rows.map(r => r.join(','))]
    for (const at of blank) lines.splice(1 + (at % lines.length), 0, '')
    return { width, text: lines.join(eol) + (end ? eol : '') }
  })

describe('plain rows of numbers read in one pass', () => {
  it('read as the general path reads them, whatever the buffer size and the fields kept', async () => {
    let taken = 0
    await fc.assert(
      fc.asyncProperty(
        csv,
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        async ({ width, text }, capacity, keep) => {
          const file = await fileOf(text)
          let next = 0
          const slot = Int32Array.from({ length: width }, (_, c) => (keep[c] ? next++ : -1))
          const expected = await general(file, slot, capacity)
          const got = await fast(file, slot, capacity)
          taken += got.taken
          expect(got.rows.length).toBe(expected.length)
          got.rows.forEach((row, r) => {
            const [line, count, values] = expected[r]!
            expect(row[0], `record ${r} line`).toBe(line)
            expect(row[1], `record ${r} fields`).toBe(count)
            // Where the fast path took a record, each kept field is the number the general path reads, bit for bit.
            values.forEach((v, k) => expect(Object.is(row[2][k], v), `record ${r} field ${k}: ${row[2][k]} against ${v}`).toBe(true))
          })
        }
      ),
      { numRuns: 400 }
    )
    // The property is about the fast path: it must have taken records, not left them all to the general one.
    expect(taken).toBeGreaterThan(100)
  })
})
