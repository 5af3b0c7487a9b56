import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EvaluationError } from '../src/errors.js'
import { parseMetrics, readMetricsFile } from '../src/engine/metrics-file.js'
import { retrain } from './helpers/project.js'

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

  it('refuses a key given twice, naming the file, the key and both lines: JSON.parse would keep the last silently', () => {
    const twice = () => parseMetrics('{"accuracy": 0.9,\n "f1": 0.5,\n "accuracy": 0.1}', 'm.json', ['accuracy'])
    expect(twice).toThrowError(EvaluationError)
    expect(twice).toThrowError('m.json: the metrics file holds the key "accuracy" twice, on lines 1 and 3')
    // The same key written with an escape, a key not judged, and on one line.
    expect(() => parseMetrics('{"acc": 1, "acc\\u0075racy": 0.1, "accuracy": 2}', 'm.json', [])).toThrowError('holds the key "accuracy" twice on line 1')
    expect(() => parseMetrics('{"note": "a", "note": NaN}', 'm.json', [])).toThrowError('holds the key "note" twice')
    // Keys of nested objects, and text that looks like a key inside a string, are no metrics.
    const { metrics } = parseMetrics('{"per_class": {"a": 1, "a": 2}, "list": [{"x": 1}, {"x": 2}], "s": "\\"s\\": 1, ", "acc": 0.5}', 'm.json', [])
    expect(metrics).toEqual({ acc: 0.5 })
  })

  it('retrain compare on metrics files: a repeated metric is refused naming the file and the key, not judged on the last value', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'metrics-'))
    await writeFile(
      path.join(dir, 'retrain.yml'),
      'model: m\ndata:\n  eval: eval.csv\nsteps:\n  - name: Train\n    run: "true"\nevaluate:\n  run: "true"\n  data: eval\n' +
        'metrics:\n  accuracy:\n    goal: maximize\n    change:\n      - { margin: 0 }\npromotion: { mode: auto, first-model: promote }\n'
    )
    await writeFile(path.join(dir, 'candidate.json'), '{"accuracy": 0.1,\n "accuracy": 0.9}\n')
    await writeFile(path.join(dir, 'baseline.json'), '{"accuracy": 0.5}\n')
    const compared = await retrain(dir, ['compare', '--spec', 'retrain.yml', '--candidate', 'candidate.json', '--baseline', 'baseline.json'])
    expect(compared.code).toBe(4)
    expect(compared.stderr).toContain('candidate.json: the metrics file holds the key "accuracy" twice, on lines 1 and 2')
    expect(compared.stdout).not.toContain('promoted')
  })
})
