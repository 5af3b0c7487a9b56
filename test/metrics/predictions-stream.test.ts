// Predictions files stream through the CSV scanner: a file read from disk in small pieces gives the
// same table as its text, and a file that cannot be read names the system's reason.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadPredictions, parsePredictions, predictionColumns, readPredictions } from '../../src/metrics/predictions.js'

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map(d => rm(d, { recursive: true, force: true }))))

describe('streamed predictions', () => {
  it('reads CSV and JSON Lines files as their text reads', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-pred-'))
    dirs.push(dir)
    const rows = Array.from({ length: 50_000 }, (_, i) => `id${i},${i % 2},${(i % 997) / 997},"note ""${i}"", with comma"`)
    const csvText = ['id,label,score,note', ...rows].join('\r\n') + '\r\n'
    const jsonText = rows.map((_, i) => JSON.stringify({ id: `id${i}`, label: i % 2, score: (i % 997) / 997 })).join('\n') + '\n'
    await writeFile(path.join(dir, 'p.csv'), csvText)
    await writeFile(path.join(dir, 'p.jsonl'), jsonText)
    const csv = predictionColumns({ task: 'binary' })
    const jsonl = predictionColumns({ task: 'binary', format: 'jsonl' })
    expect(await loadPredictions(path.join(dir, 'p.csv'), csv)).toEqual(parsePredictions(csvText, path.join(dir, 'p.csv'), csv))
    expect(await loadPredictions(path.join(dir, 'p.jsonl'), jsonl)).toEqual(parsePredictions(jsonText, path.join(dir, 'p.jsonl'), jsonl))
  })

  it('names the cause when a predictions file cannot be read', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-pred-'))
    dirs.push(dir)
    const csv = predictionColumns({ task: 'binary' })
    await expect(readPredictions(path.join(dir, 'none.csv'), csv, 'candidate')).rejects.toThrow('the evaluate command wrote no predictions for the candidate')
    await expect(readPredictions(dir, csv, 'candidate')).rejects.toThrow(/cannot read the predictions of the candidate .*EISDIR/)
  })
})
