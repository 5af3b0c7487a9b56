/**
 * The preparation's statistics of matrix columns are computed for all columns in one pass over the
 * rows; they must equal, bit for bit, the statistics of each column computed on its own (which is
 * how they were computed before, and how columns outside the matrix still are): a stored
 * preparation, and so every model trained from it, must not change with the way it was computed.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { columnStat, columnStats } from '../../src/trainers/preparation.js'

const table = fc.record({ width: fc.integer({ min: 1, max: 7 }), height: fc.integer({ min: 0, max: 60 }) }).chain(({ width, height }) =>
  fc.record({
    width: fc.constant(width),
    matrix: fc.array(fc.oneof(fc.double({ noNaN: false }), fc.constant(Number.NaN), fc.integer({ min: -5, max: 5 })), {
      minLength: width * height,
      maxLength: width * height
    }),
    // Training rows: any subset, in any order, repeats allowed (as bootstrap-like row lists are).
    rows: height === 0 ? fc.constant([]) : fc.array(fc.nat(height - 1), { maxLength: 80 })
  })
)

describe('the statistics of matrix columns', () => {
  it('are those of each column on its own, bit for bit, with and without squares', () => {
    fc.assert(
      fc.property(table, fc.boolean(), ({ width, matrix, rows }, squares) => {
        const values = Float64Array.from(matrix)
        const order = Int32Array.from(rows)
        const all = columnStats(values, width, order, squares)
        for (let k = 0; k < width; k++) {
          const one = columnStat(values, width, k, order, squares)
          expect(Object.is(all.count[k], one.count), `count of ${k}`).toBe(true)
          expect(Object.is(all.sum[k], one.sum), `sum of ${k}`).toBe(true)
          expect(Object.is(all.min[k], one.min), `min of ${k}`).toBe(true)
          expect(Object.is(all.max[k], one.max), `max of ${k}`).toBe(true)
          expect(Object.is(all.squares[k], one.squares), `squares of ${k}`).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })
})
