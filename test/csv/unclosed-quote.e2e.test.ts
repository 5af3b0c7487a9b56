// A quote that is never closed, through every reader of CSV the built CLI has: the built-in
// trainer's data, `retrain compare`'s predictions, a run's checks on new data and its data profile.
// Such a quote read the lines after it into one cell, up to the next quote in the file, and the file
// was taken as good; now each refuses it, naming the file and the line the quote opens on.
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, retrain, toySpec } from '../helpers/project.js'

/** Line 3 opens a quote that is never closed; the quoted "5" on line 5 closes it, and 5" follows. */
const SWALLOWED = 'x,y\n1,2\n2,"3\n3,4\n4,"5"\n6,7\n'
const SWALLOWED_ERROR = ':3: a quoted field is never closed: it opens on this line and runs to the quote on line 5, which "5" follows'

const COMPARE_SPEC = `model: m
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
      - { margin: 0 }
promotion: { mode: auto, first-model: promote }
`

describe('a quoted field that is never closed', () => {
  it('retrain train refuses it, naming the file and the line the quote opens on; no model is written', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-csv-'))
    const data = path.join(dir, 'train.csv')
    const env = { RETRAIN_DATA_TRAIN: data, RETRAIN_MODEL_DIR: path.join(dir, 'model'), RETRAIN_BUILTIN_OPTIONS: JSON.stringify({ label: 'y' }) }
    await writeFile(data, SWALLOWED)
    const swallowed = await retrain(dir, ['train', 'online-gradient-descent'], env)
    expect(swallowed.code).toBe(2)
    expect(swallowed.stderr).toContain(`${data}${SWALLOWED_ERROR}`)
    expect(existsSync(path.join(dir, 'model'))).toBe(false)

    // A quote on line 3 after a field that holds a line break (the record starts on line 2): its own line is named.
    await writeFile(data, 'x,note,y\n1,"two\nlines","3\n')
    const unclosed = await retrain(dir, ['train', 'online-gradient-descent'], env)
    expect(unclosed.code).toBe(2)
    expect(unclosed.stderr).toContain(`${data}:3: a quoted field is never closed (it opens on this line)`)

    // Closed at the end of a later line, the field swallows that line: the row is too short, and the error says why.
    await writeFile(data, 'x,y,z\n1,2,3\n2,"3,4\n3,4,"\n4,5,6\n')
    const short = await retrain(dir, ['train', 'online-gradient-descent'], env)
    expect(short.code).toBe(2)
    expect(short.stderr).toContain(
      `${data}:3: the row has 2 fields but the header has 3; a quoted field opened on line 3 runs over line breaks to line 4: is its closing quote missing?`
    )
  })

  it('retrain compare refuses it in a predictions file, naming the file and line', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-csv-'))
    await writeFile(path.join(dir, 'retrain.yml'), COMPARE_SPEC)
    await writeFile(path.join(dir, 'eval.csv'), 'x\n1\n')
    await writeFile(path.join(dir, 'candidate.csv'), 'id,label,score\n1,1,0.9\n2,0,"0.2\n3,1,0.8\n4,0,"0.1"\n')
    await writeFile(path.join(dir, 'baseline.csv'), 'id,label,score\n1,1,0.7\n2,0,0.3\n3,1,0.6\n4,0,0.4\n')
    const res = await retrain(dir, ['compare', '--spec', 'retrain.yml', '--candidate', 'candidate.csv', '--baseline', 'baseline.csv'])
    expect(res.code).toBe(4)
    expect(res.stderr).toContain('candidate.csv:3: a quoted field is never closed: it opens on this line and runs to the quote on line 5, which "0" follows')
  })

  it("a run's checks on new data refuse it before any step", async () => {
    const checks = 'checks:\n  train:\n    columns:\n      x: { type: number }\n'
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'echo ran > ran.txt\nnode train.mjs' }) + checks)
    await writeFile(path.join(cwd, 'data/train.csv'), SWALLOWED)
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(`train.csv${SWALLOWED_ERROR}`)
    expect(existsSync(path.join(cwd, 'ran.txt'))).toBe(false)
  })

  it("a run's data profile refuses it, before any step", async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ margin: -100 }))
    await writeFile(path.join(cwd, 'data/train.csv'), SWALLOWED)
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain(`train.csv${SWALLOWED_ERROR}`)
  })
})
