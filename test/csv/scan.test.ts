// The byte-level CSV scanner under the one CSV reader: records that cross the buffer's edge in every
// way read as the whole text does, and numbers read from bytes equal what Number() gives.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { forEachRecord } from '../../src/csv/read.js'
import { CsvScanner, parseNumber, scanFile } from '../../src/csv/scan.js'

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map(d => rm(d, { recursive: true, force: true }))))

async function fileOf(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-scan-'))
  dirs.push(dir)
  const file = path.join(dir, 'f.csv')
  await writeFile(file, text)
  return file
}

async function streamed(file: string, capacity: number) {
  const out: [number, string[], (number | null | undefined)[]][] = []
  await scanFile(
    file,
    s => {
      out.push([s.recordLine, Array.from({ length: s.count }, (_, c) => s.text(c)), Array.from({ length: s.count }, (_, c) => s.number(c))])
    },
    undefined,
    capacity
  )
  return out
}

function whole(text: string) {
  const out: [number, string[], (number | null | undefined)[]][] = []
  forEachRecord(text, 'f.csv', (fields, line) => out.push([line, fields, fields.map(f => parseNumber(f.trim()))]))
  return out
}

describe('the streaming CSV scanner', () => {
  const text =
    '\ufeffid,text,x\r\n1,"a ""quoted"", comma",1.5\n\n2,"two\nlines",-0\r3,plain, 7 \r\n' +
    '4,"é ü",NA\n5,x"y,1e-3\n6,,\n7,"",0x10\n8,last,12345678901234567890'
  it('reads every record the same through a buffer of any size, from 1 byte up', async () => {
    const file = await fileOf(text)
    const expected = whole(text)
    expect(expected.map(r => r[0])).toEqual([1, 2, 4, 6, 7, 8, 9, 10, 11])
    for (const capacity of [1, 2, 3, 5, 7, 16, 64, 1 << 20]) expect(await streamed(file, capacity)).toEqual(expected)
  })

  it('reads a last record without a line break, and a file of one blank line as no record', async () => {
    expect(await streamed(await fileOf('a,b\n1,2'), 4)).toEqual([
      [1, ['a', 'b'], [undefined, undefined]],
      [2, ['1', '2'], [1, 2]]
    ])
    expect(await streamed(await fileOf('\n'), 4)).toEqual([])
  })

  it('names the line of a quoted field that is never closed, and the cause of a file it cannot read', async () => {
    await expect(streamed(await fileOf('a\n"x\n\n'), 2)).rejects.toThrow('f.csv:2: a quoted field is never closed')
    await expect(streamed(path.join(os.tmpdir(), 'no-such-dir-retrain', 'f.csv'), 4)).rejects.toThrow(/cannot read .*f\.csv: ENOENT/)
  })

  it('names the line a never-closed quote opens on, through a buffer of any size: at the end of the file, or where text follows the quote that ends it', async () => {
    const cases: [string, string][] = [
      ['a,b\n1,"x\ny","z\n\n', 'f.csv:3: a quoted field is never closed (it opens on this line)'],
      ['a,b\n1,2\n3,"4\n5,6\n7,"8"\n', 'f.csv:3: a quoted field is never closed: it opens on this line and runs to the quote on line 5, which "8" follows']
    ]
    for (const [text, message] of cases) {
      expect(() => whole(text)).toThrow(message)
      const file = await fileOf(text)
      for (const capacity of [1, 2, 3, 5, 16, 1 << 20]) await expect(streamed(file, capacity)).rejects.toThrow(message)
    }
    // A field with a line break whose closing quote a comma, a blank or the line's end follows is a field, not an error;
    // text after a closing quote on the quote's own line is kept, as written.
    const good = 'a,b\n"x\ny" ,"p\nq"\n"r"s,t\n'
    expect(whole(good).map(r => r[1])).toEqual([
      ['a', 'b'],
      ['x\ny ', 'p\nq'],
      ['rs', 't']
    ])
    for (const capacity of [1, 2, 3, 5, 16]) expect(await streamed(await fileOf(good), capacity)).toEqual(whole(good))
  })

  it('reads numbers from bytes exactly as Number() reads their text', () => {
    let seed = 7
    const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296
    const cells: string[] = [
      '0',
      '-0',
      '+1',
      '.5',
      '5.',
      '.',
      '-',
      '1e',
      '1e+',
      'e5',
      '1e22',
      '1e-22',
      '1e23',
      '9007199254740993',
      '123456789012345',
      '1234567890123456'
    ]
    cells.push(' 2 ', '\t3', 'NaN', 'na', 'NULL', 'Infinity', '1_0', '0b11', '1.2.3', '--1', '00012.500', '1E5', '4.9e-324', '1e400', '1.7976931348623157e308')
    for (let k = 0; k < 20000; k++) {
      const digits = 1 + Math.floor(random() * 17)
      let cell = (random() < 0.5 ? '-' : '') + String(Math.floor(random() * 10 ** Math.min(digits, 15)))
      if (random() < 0.7) cell = cell.replace(/^(-?\d)/, '$1.')
      if (random() < 0.3) cell += `e${Math.floor(random() * 60) - 30}`
      cells.push(cell, (random() * 1000 - 500).toFixed(Math.floor(random() * 12)), String(random() * 10 ** (Math.floor(random() * 40) - 20)))
    }
    const bytes = Buffer.from(cells.join('\n') + '\n')
    const scanner = new CsvScanner('f.csv', 0)
    scanner.bytes = bytes
    scanner.length = bytes.length
    scanner.ended = true
    const seen: (number | null | undefined)[] = []
    while (scanner.next() === 'record') seen.push(scanner.number(0))
    const expected = cells.map(c => parseNumber(c.trim()))
    for (let k = 0; k < cells.length; k++) if (!Object.is(seen[k], expected[k])) expect([cells[k], seen[k]]).toEqual([cells[k], expected[k]])
    expect(seen).toHaveLength(cells.length)
  })
})

describe('the bytes past what was read', () => {
  it('are never taken for part of a record: a quoted last field without a newline, after the buffer moved', async () => {
    // The buffer's bytes past `length` are stale: here, after the last move, a quote right after the
    // closing one, which was read as an escaped quote ("a quoted field is never closed").
    const file = await fileOf('c0,c1\n\n\n\n"5"')
    for (const capacity of [1, 2, 3, 4, 8]) {
      const records: string[] = []
      await scanFile(file, s => void records.push(`${s.recordLine}:${s.text(0)}`), undefined, capacity)
      expect(records, `capacity ${capacity}`).toEqual(['1:c0', '5:5'])
    }
  })
})
