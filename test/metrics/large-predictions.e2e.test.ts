/**
 * A predictions file over 512 MiB (600 MB) through the built CLI: files once read as one string
 * failed there with "Invalid string length". Minutes long and 1.2 GB of disk, so it runs only with
 * RETRAIN_LARGE_TESTS=1.
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { retrain } from '../helpers/project.js'

const SPEC = `model: large
data:
  eval: eval.csv
steps:
  - name: Train
    run: "true"
evaluate:
  run: "true"
  data: eval
  predictions: { task: binary }
metrics:
  auc:
    goal: maximize
    compute: roc-auc
    change:
      - { margin: -1 }
promotion: { mode: auto, first-model: promote }
`

/** Rows with a long note each, so few rows make a large file; scores rounded to 2 decimals (ties). */
async function writeRows(file: string, bytes: number, note: string): Promise<number> {
  const out = createWriteStream(file)
  out.write('id,label,score,note\n')
  let written = 0
  let row = 0
  while (written < bytes) {
    const lines: string[] = []
    for (let k = 0; k < 10_000; k++, row++) lines.push(`${row},${row % 3 === 0 ? 1 : 0},${((row * 7919) % 100) / 100},${note}`)
    const chunk = lines.join('\n') + '\n'
    written += chunk.length
    if (!out.write(chunk)) await new Promise<void>(resolve => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
  return row
}

const dirs: string[] = []
afterAll(() => Promise.all(dirs.map(d => rm(d, { recursive: true, force: true }))))

describe.skipIf(process.env.RETRAIN_LARGE_TESTS !== '1')('a predictions file over 512 MiB', () => {
  it('is compared like any other', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'retrain-large-predictions-'))
    dirs.push(cwd)
    await writeFile(path.join(cwd, 'retrain.yml'), SPEC)
    await writeFile(path.join(cwd, 'eval.csv'), 'x\n1\n')
    const rows = await writeRows(path.join(cwd, 'candidate.csv'), 600e6, 'n'.repeat(200))
    expect((await stat(path.join(cwd, 'candidate.csv'))).size).toBeGreaterThan(512 * 1024 * 1024)
    // The baseline holds the same ids with short rows.
    const baseline = createWriteStream(path.join(cwd, 'baseline.csv'))
    baseline.write('id,label,score\n')
    for (let row = 0; row < rows; row += 10_000) {
      const lines: string[] = []
      for (let k = row; k < Math.min(rows, row + 10_000); k++) lines.push(`${k},${k % 3 === 0 ? 1 : 0},${((k * 104729) % 100) / 100}`)
      if (!baseline.write(lines.join('\n') + '\n')) await new Promise<void>(resolve => baseline.once('drain', () => resolve()))
    }
    await new Promise<void>(resolve => baseline.end(() => resolve()))
    const res = await retrain(cwd, ['compare', '--spec', 'retrain.yml', '--candidate', 'candidate.csv', '--baseline', 'baseline.csv', '--json'])
    expect(res.code, res.stderr).toBe(0)
    const outcome = JSON.parse(res.stdout)
    expect(outcome.candidate.auc).toBeGreaterThan(0)
    expect(outcome.candidate.auc).toBeLessThan(1)
  }, 1_200_000)
})
