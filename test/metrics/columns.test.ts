// The compact columns of predictions files give back every cell as it was pushed.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { IdColumn, IdIndex, LineList, NumberColumn, type Cell } from '../../src/metrics/columns.js'

const cell = fc.oneof(
  fc.integer({ min: -200, max: 200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom<Cell>(null, 'n/a', 'text', 0.5, -0, 127, -127, -128, 128)
)

describe('compact columns', () => {
  it('a number column gives back numbers, text and missing cells, across chunks of bytes and doubles', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 40 }), fc.integer({ min: 0, max: 70_000 }), (cells, small) => {
        const column = new NumberColumn()
        // A long run of small whole numbers first, so later cells land in a chunk of bytes and widen it.
        const all: Cell[] = [...Array.from({ length: small }, (_, i) => i % 3), ...cells]
        for (const c of all) column.push(c)
        column.trim()
        expect(column.length).toBe(all.length)
        for (let row = small; row < all.length; row++) expect(Object.is(column.at(row), all[row]) || column.at(row) === all[row]).toBe(true)
        if (small > 0) expect(column.at(small - 1)).toBe((small - 1) % 3)
      }),
      { numRuns: 60 }
    )
  })

  it('line numbers are kept only once a row does not follow the one before', () => {
    const lines = new LineList()
    for (let row = 0; row < 70_000; row++) lines.push(row + 2)
    expect(lines.at(69_999)).toBe(70_001)
    lines.push(70_010)
    lines.push(70_011)
    lines.trim()
    expect([lines.at(0), lines.at(65_536), lines.at(70_000), lines.at(70_001), lines.length]).toEqual([2, 65_538, 70_010, 70_011, 70_002])
  })

  it('ids compare and index by their bytes', () => {
    const a = new IdColumn()
    const b = new IdColumn()
    const ids = ['x', 'é', '', '10', '1', 'x1']
    for (const id of ids) a.push(id)
    for (const id of [...ids].reverse()) b.push(id)
    expect([...a]).toEqual(['x', 'é', null, '10', '1', 'x1'])
    const index = new IdIndex(b)
    for (let row = 0; row < b.length; row++) expect(index.add(row)).toBe(-1)
    for (let row = 0; row < a.length; row++) expect(index.find(a, row)).toBe(ids.length - 1 - row)
    expect(index.add(0)).toBe(0)
    expect(a.sameAs(0, b, 5)).toBe(true)
    expect(a.sameAs(4, b, 2)).toBe(false)
  })
})
