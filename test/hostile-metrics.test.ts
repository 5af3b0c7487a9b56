/**
 * Metrics files and report parts of any size or shape: a result or a clear error, never a crash
 * (no spread of a long list into a call, no message quoting megabytes).
 */
import { describe, expect, it } from 'vitest'
import { EvaluationError } from '../src/errors.js'
import { parseMetrics } from '../src/engine/metrics-file.js'
import { table } from '../src/engine/report.js'
import type { SliceRecord } from '../src/metrics/compare.js'
import { MAX_OTHER_SLICE_ROWS, evidenceSections } from '../src/engine/report-sections.js'

describe('metrics files of any shape', () => {
  it('200,000 keys parse, and the ignored ones are named in a bounded list', () => {
    const entries: string[] = []
    for (let i = 0; i < 200_000; i++) entries.push(`"m${i}": ${i % 2 ? i : '"text"'}`)
    const { metrics, ignored } = parseMetrics(`{${entries.join(',')}}`, 'm.json', ['m1'])
    expect(Object.keys(metrics)).toHaveLength(100_000)
    expect(ignored).toHaveLength(21)
    expect(ignored[20]).toBe('and 99980 more')
  })

  it.each([
    ['nested 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000), /one JSON object/],
    ['a bare number', '42', /one JSON object/],
    ['empty', '', /the metrics file is empty; write one JSON object/],
    [
      'a declared metric holding a huge string',
      `{"acc": "${'x'.repeat(1_000_000)}"}`,
      /metric "acc" must be a number or null, got "x{100,}\.\.\. \(1000002 characters\)/
    ]
  ])('%s is a clear error', (_label, text, message) => {
    let error: unknown
    try {
      parseMetrics(text, 'm.json', ['acc'])
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(EvaluationError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message.length).toBeLessThan(1_000)
  })

  it('__proto__ and constructor keys are plain metrics', () => {
    for (const proto of ['1', 'null']) {
      const { metrics } = parseMetrics(`{"__proto__": ${proto}, "constructor": 2, "acc": 3}`, 'm.json', ['acc'])
      expect(metrics.acc).toBe(3)
      expect(Object.getPrototypeOf(metrics)).toBe(Object.prototype)
      expect(Object.keys(metrics)).toEqual(['__proto__', 'constructor', 'acc'])
    }
  })
})

describe('report tables of any size', () => {
  it('a table of 300,000 rows renders without exceeding the call stack', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`m${i}`, String(i)])
    const text = table(['metric', 'value'], rows)
    expect(text.split('\n')).toHaveLength(300_002)
  })

  it('the slices table shows the failing and worst slices and a bounded number of others', () => {
    const slice = (i: number, status: SliceRecord['status'], worst = false): SliceRecord => ({
      metric: 'acc',
      column: 'region',
      value: `r${i}`,
      examples: 1,
      effectiveSize: 1,
      candidate: 1,
      baseline: 1,
      improvement: 0,
      upper: 0,
      p: null,
      status,
      reason: 'why',
      worst
    })
    const slices = Array.from({ length: 200_000 }, (_, i) => slice(i, i === 150_000 ? 'fail' : 'not-judged', i === 150_000))
    const lines = evidenceSections({ slices: [{ metric: 'acc', maxRegression: 0.05, confidence: 0.95, slices }] }, table)
    const text = lines.join('\n')
    expect(text).toContain('region=r150000 (worst)')
    expect(text).toContain(`${200_000 - 1 - MAX_OTHER_SLICE_ROWS} more slices that did not fail are not shown; they are in result.json.`)
    expect(text.split('\n').filter(l => l.startsWith('| region=')).length).toBe(1 + MAX_OTHER_SLICE_ROWS)
  })
})
