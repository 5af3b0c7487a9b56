// The one CSV reader the trainers and the predictions share: quoting, line numbers, and the header
// problems it refuses, naming the file, the line and the columns.
import { describe, expect, it } from 'vitest'
import { CsvError, forEachRecord, readCsvColumns } from '../../src/csv/read.js'

const records = (text: string) => {
  const out: [number, string[]][] = []
  forEachRecord(text, 'f.csv', (fields, line) => out.push([line, fields]))
  return out
}

describe('the CSV reader', () => {
  it('reads quoted fields holding commas, quotes and line breaks, and counts lines across them', () => {
    expect(records('a,b\n"x,1","say ""hi"""\n"two\nlines",z\r\nlast,\n')).toEqual([
      [1, ['a', 'b']],
      [2, ['x,1', 'say "hi"']],
      [3, ['two\nlines', 'z']],
      [5, ['last', '']]
    ])
  })

  it('skips a byte order mark and blank lines, and reads a last record without a line break', () => {
    expect(records('\ufeffa\n\n1\r\n\r\n2')).toEqual([
      [1, ['a']],
      [3, ['1']],
      [5, ['2']]
    ])
  })

  it('keeps text after a closing quote, and a quote inside an unquoted field, as written', () => {
    expect(records('"a"b,c"d\n')).toEqual([[1, ['ab', 'c"d']]])
  })

  it('reads columns through the cell function, trimming the header', () => {
    const read = readCsvColumns(' id , label\n1,\n2,x\n', 'f.csv', cell => (cell === '' ? null : cell))
    expect(read.header).toEqual(['id', 'label'])
    expect(read.columns).toEqual([
      ['1', '2'],
      [null, 'x']
    ])
    expect(read.lines).toEqual([2, 3])
  })

  it.each([
    ['x,y,x\n1,2,3\n', 'f.csv:1: column 3 repeats the header "x" of column 1'],
    ['\n\nid, x ,x\n', 'f.csv:3: column 3 repeats the header "x" of column 2'],
    ['a,b\n1,2,3\n', 'f.csv:2: the row has 3 fields but the header has 2'],
    ['a,b\n1,"2\n3\n', 'f.csv:2: a quoted field is never closed'],
    ['a,b\n1,"2\n3,"4"\n', 'f.csv:2: a quoted field is never closed: it opens on this line and runs to the quote on line 3, which "4" follows'],
    ['a,b,c\n1,"2\n3,"\n', 'f.csv:2: the row has 2 fields but the header has 3; a quoted field opened on line 2 runs over line breaks to line 3'],
    ['', 'f.csv: the file is empty'],
    ['\n\n', 'f.csv: the file is empty']
  ])('refuses %j: %s', (text, message) => {
    expect(() => readCsvColumns(text, 'f.csv', cell => cell)).toThrow(CsvError)
    expect(() => readCsvColumns(text, 'f.csv', cell => cell)).toThrow(message)
  })
})
