import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EvaluationError } from '../src/errors.js'
import { parseMetrics, readMetricsFile } from '../src/engine/metrics-file.js'

describe('metrics files', () => {
  it("reads Python's bare NaN and Infinity tokens as undefined and infinite values", () => {
    const { metrics } = parseMetrics('{"recall": NaN, "loss": Infinity, "gain": -Infinity, "acc": 0.5, "note": "NaN stays text"}', 'm.json', [])
    expect(metrics.recall).toBeNull()
    expect(metrics.loss).toBe(Number.POSITIVE_INFINITY)
    expect(metrics.gain).toBe(Number.NEGATIVE_INFINITY)
    expect(metrics.acc).toBe(0.5)
    expect(metrics).not.toHaveProperty('note')
  })

  it('keeps tokens inside strings, escaped quotes included', () => {
    const { metrics, ignored } = parseMetrics('{"a \\" NaN": 1, "b": "Infinity"}', 'm.json', [])
    expect(metrics['a " NaN']).toBe(1)
    expect(ignored).toEqual(['b'])
  })

  it.each([
    ['not JSON', '{acc: 1', /not valid JSON/],
    ['an array', '[1, 2]', /one JSON object/],
    ['a declared metric that is text', '{"acc": "high"}', /metric "acc" must be a number or null, got "high"/]
  ])('refuses %s with a message naming the file', (_label, text, message) => {
    expect(() => parseMetrics(text, '/tmp/x/metrics.json', ['acc'])).toThrowError(EvaluationError)
    expect(() => parseMetrics(text, '/tmp/x/metrics.json', ['acc'])).toThrowError(message)
    expect(() => parseMetrics(text, '/tmp/x/metrics.json', ['acc'])).toThrowError('/tmp/x/metrics.json')
  })

  it('a missing file fails closed, naming the role', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'metrics-'))
    await expect(readMetricsFile(path.join(dir, 'none.json'), [], 'baseline')).rejects.toThrowError(/wrote no metrics for the baseline/)
    await writeFile(path.join(dir, 'ok.json'), '{"acc": 1}')
    await expect(readMetricsFile(path.join(dir, 'ok.json'), ['acc'], 'candidate')).resolves.toMatchObject({ metrics: { acc: 1 } })
  })
})
