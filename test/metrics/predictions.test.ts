import { describe, expect, it } from 'vitest'
import { readExamples, readOutputs } from '../../src/metrics/examples.js'
import { alignRows, parsePredictions, predictionColumns } from '../../src/metrics/predictions.js'

const csv = predictionColumns({ task: 'binary' })
const jsonl = predictionColumns({ task: 'binary', format: 'jsonl' })

describe('reading predictions', () => {
  it('reads CSV with quoted fields (commas, quotes, newlines), blank lines and CRLF', () => {
    const text = 'id,label,score,note\r\n"a,1",1,0.9,"said ""hi""\nthen left"\r\n\r\nb,0,0.2,\r\n'
    const table = parsePredictions(text, 'p.csv', predictionColumns({ task: 'binary', slices: ['note'] }))
    expect([...table.ids]).toEqual(['a,1', 'b'])
    expect(table.lines.toArray()).toEqual([2, 5])
    expect([...table.columns.get('note')!]).toEqual(['said "hi"\nthen left', null])
  })

  it('reads JSON Lines; a key missing on some lines is null there', () => {
    const table = parsePredictions('{"id": 1, "label": 1, "score": 0.7}\n\n{"id": 2, "label": 0, "score": 0.1, "region": "x"}\n', 'p.jsonl', jsonl)
    expect([...table.ids]).toEqual(['1', '2'])
    expect(table.lines.toArray()).toEqual([1, 3])
    expect([...table.columns.get('region')!]).toEqual([null, 'x'])
  })

  it.each([
    ['id,label\na,1\na,0\n', 'p.csv:3: duplicate id "a" (first at line 2)'],
    ['id,label\n1,1\n2,0\n3,1\n2,1\n', 'p.csv:5: duplicate id "2" (first at line 3)'],
    ['id,label\nb,1\nc,0\na,1\nc,1\n', 'p.csv:5: duplicate id "c" (first at line 3)'],
    ['id,label\nx1,1\nx1,0\n', 'p.csv:3: duplicate id "x1" (first at line 2)'],
    ['id,label\n"q ""1""",1\n"q ""1""",0\n', 'p.csv:3: duplicate id "q "1"" (first at line 2)'],
    ['id,label\na,1\n,0\n', 'p.csv:3: the example has no id ("id")'],
    ['id,label\na,1,2\n', 'p.csv:2: the row has 3 fields but the header has 2'],
    ['label\n1\n', 'p.csv: there is no id column "id" (columns: label); set evaluate.predictions.id'],
    ['id,label\n"a,1\n', 'p.csv:2: a quoted field is never closed'],
    ['', 'p.csv: the predictions file is empty']
  ])('refuses %j: %s', (text, message) => {
    expect(() => parsePredictions(text, 'p.csv', csv)).toThrow(message)
  })

  it('takes ids in increasing order (as numbers or bytes) and distinct ids in any order', () => {
    const many = Array.from({ length: 3000 }, (_, i) => i)
    for (const ids of [many, many.map(i => `id-${String(i).padStart(5, '0')}`), many.map(i => `${(i * 7919) % 3001}x`), ['01', '1', '001'], ['10', '9', '8']]) {
      const table = parsePredictions(['id,label', ...ids.map(id => `${id},1`)].join('\n'), 'p.csv', csv)
      expect([...table.ids]).toEqual(ids.map(String))
    }
  })

  it('refuses JSON Lines that are not one flat object per line, naming the line', () => {
    expect(() => parsePredictions('{"id": 1}\n[1]\n', 'p.jsonl', jsonl)).toThrow('p.jsonl:2: expected one JSON object per line')
    expect(() => parsePredictions('{"id": 1, "p": {"a": 1}}\n', 'p.jsonl', jsonl)).toThrow('p.jsonl:1: "p" holds an object')
    expect(() => parsePredictions('{"id": 1,\n', 'p.jsonl', jsonl)).toThrow(/p\.jsonl:1: not valid JSON/)
  })
})

describe('pairing the candidate with the baseline', () => {
  // Text columns are kept when the comparison reads them (a slice here).
  const regionCsv = predictionColumns({ task: 'binary', slices: ['region'] })
  const candidate = parsePredictions('id,label,score,prediction,region\na,1,0.9,1,n\nb,0,0.2,0,s\nc,1,0.6,1,n\n', 'c.csv', regionCsv)

  it('aligns rows by id, whatever the order', () => {
    const baseline = parsePredictions('id,label,score,prediction,region\nc,1,0.5,1,n\na,1,0.8,1,n\nb,0,0.4,0,s\n', 'b.csv', regionCsv)
    const order = alignRows(candidate, baseline)
    expect([...order]).toEqual([1, 2, 0])
    const cols = predictionColumns({ task: 'binary', slices: ['region'] })
    const examples = readExamples('binary', undefined, cols, candidate, { table: baseline, order })
    const outputs = readOutputs(examples, cols, baseline, order, { prediction: true, score: true, probability: true })
    expect([...outputs.score!]).toEqual([0.8, 0.4, 0.5])
    expect(examples.slices[0]).toMatchObject({ column: 'region', values: ['n', 's'] })
  })

  it('names missing and extra ids with their file and line', () => {
    const baseline = parsePredictions('id,label,score,prediction,region\na,1,0.8,1,n\nd,0,0.4,0,s\n', 'b.csv', csv)
    expect(() => alignRows(candidate, baseline)).toThrow(
      'id "b" (c.csv:3) is missing from b.csv; id "c" (c.csv:4) is missing from b.csv; id "d" (b.csv:3) is not in c.csv'
    )
  })

  it('refuses labels or slices that differ between the two files: both models must see the same data', () => {
    const baseline = parsePredictions('id,label,score,prediction,region\na,1,0.8,1,n\nb,1,0.4,0,s\nc,1,0.6,1,n\n', 'b.csv', csv)
    const cols = predictionColumns({ task: 'binary', slices: ['region'] })
    expect(() => readExamples('binary', undefined, cols, candidate, { table: baseline, order: alignRows(candidate, baseline) })).toThrow(
      '"label" of id "b" differs: 0 at c.csv:3, 1 at b.csv:3; both models must be evaluated on the same data'
    )
  })

  it('checks values: binary classes, probabilities for log loss, multiclass rows summing to 1', () => {
    const bad = parsePredictions('id,label,score,prediction\na,yes,0.9,1\n', 'c.csv', csv)
    expect(() => readExamples('binary', undefined, csv, bad, null)).toThrow(/c\.csv:2: "label" of id "a" is "yes", not one of the classes 0, 1/)
    const named = readExamples('binary', ['no', 'yes'], csv, bad, null)
    expect([...named.labelClass]).toEqual([1])
    const outside = parsePredictions('id,label,score,prediction\na,1,1.5,1\n', 'c.csv', csv)
    const ex = readExamples('binary', undefined, csv, outside, null)
    expect(() => readOutputs(ex, csv, outside, null, { prediction: false, score: true, probability: true })).toThrow(
      /c\.csv:2: "score" of id "a" is 1\.5; log loss and Brier score need a probability/
    )
    expect(readOutputs(ex, csv, outside, null, { prediction: false, score: true, probability: false }).score![0]).toBe(1.5)
    const multi = predictionColumns({ task: 'multiclass' })
    const rows = parsePredictions('id,label,prediction,proba_a,proba_b,proba_c\nx,a,a,0.5,0.3,0.1\n', 'm.csv', multi)
    const mex = readExamples('multiclass', undefined, multi, rows, null)
    expect(mex.classes).toEqual(['a', 'b', 'c'])
    expect(() => readOutputs(mex, multi, rows, null, { prediction: true, score: true, probability: true })).toThrow(
      'm.csv:2: the class probabilities of id "x" sum to 0.9, not 1'
    )
    const notNumber = parsePredictions('id,label,score,prediction\na,1,,1\n', 'c.csv', csv)
    expect(() =>
      readOutputs(readExamples('binary', undefined, csv, notNumber, null), csv, notNumber, null, { prediction: false, score: true, probability: false })
    ).toThrow('c.csv:2: "score" of id "a" must be a finite number, got a missing value (empty, NA, NaN or null)')
  })
})
