// The warm-start contract as users' own steps meet it, through the built CLI: what a step may do to
// the champion's unpacked directory without changing the champion the candidate is judged against.
import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain, toySpec } from './helpers/project.js'

const run = (dir: string, out: string) => retrain(dir, ['run', '--spec', 'retrain.yml', '--out', out])

describe('a step that writes into $RETRAIN_BASELINE_DIR', () => {
  // Trains as usual, then overwrites the champion's unpacked model with a far worse one (w = -100),
  // as a script that saves where it loaded would.
  const overwrite = `node train.mjs\nnode -e "require('fs').writeFileSync(process.env.RETRAIN_BASELINE_DIR + '/model.json', JSON.stringify({ w: -100, generation: 1 }))"`

  it('does not change the champion the candidate is judged against: it is evaluated as stored, with a warning', async () => {
    // The score must improve by more than 5: the candidate (w = 2) does not beat the champion (w = 1) by that.
    const dir = await makeProject('test/fixtures/toy', toySpec({ margin: 5 }))
    expect((await run(dir, 'out1')).code).toBe(0)
    await writeFile(path.join(dir, 'retrain.yml'), toySpec({ margin: 5, train: overwrite }))
    const second = await run(dir, 'out2')
    expect(second.code, second.stderr).toBe(0)
    const result = await readJson(path.join(dir, 'out2/result.json'))
    expect(result.baseline).toEqual({ version: 1, metrics: { score: 1, loss: 9 } })
    expect(result.candidate.metrics).toEqual({ score: 2, loss: 8 })
    expect(result.decision).toBe('rejected')
    expect(second.stderr).toMatch(/a step changed the champion's unpacked model in \$RETRAIN_BASELINE_DIR \(model\.json \(changed\)\); it was unpacked again/)
    const status = JSON.parse((await retrain(dir, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(status.champion).toBe(1)
  })

  it('does not change what a later step of the same run warm-starts from', async () => {
    const dir = await makeProject('test/fixtures/toy', toySpec({ margin: -100 }))
    expect((await run(dir, 'out1')).code).toBe(0)
    const spec = toySpec({ margin: -100 }).replace(
      'steps:\n',
      `steps:\n  - name: Prepare\n    run: |\n      node -e "require('fs').writeFileSync(process.env.RETRAIN_BASELINE_DIR + '/model.json', JSON.stringify({ w: -100, generation: 1 }))"\n`
    )
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    const second = await run(dir, 'out2')
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout + second.stderr).toContain('trained generation 2: w=2 (started from 1)')
    expect(second.stderr).toMatch(/model\.json \(changed\)\); it was unpacked again from the champion's bundle \(version 1\) before step Train/)
    const result = await readJson(path.join(dir, 'out2/result.json'))
    expect(result.candidate.metrics.score).toBe(2)
    expect(result.baseline.metrics.score).toBe(1)
  })

  it('leaves the next run to warm-start from the champion as stored, and a step that only reads it draws no warning', async () => {
    const dir = await makeProject('test/fixtures/toy', toySpec({ margin: -100 }))
    expect((await run(dir, 'out1')).code).toBe(0)
    await writeFile(path.join(dir, 'retrain.yml'), toySpec({ margin: -100, mode: 'dry-run', train: overwrite }))
    expect((await run(dir, 'out2')).code).toBe(0)
    await writeFile(path.join(dir, 'retrain.yml'), toySpec({ margin: -100 }))
    const third = await run(dir, 'out3')
    expect(third.code, third.stderr).toBe(0)
    expect(third.stderr).not.toMatch(/changed the champion's unpacked model/)
    expect(third.stdout + third.stderr).toContain('trained generation 2: w=2 (started from 1)')
    const result = await readJson(path.join(dir, 'out3/result.json'))
    expect(result.baseline.metrics.score).toBe(1)
    expect(result.candidate.warmStart).toEqual({ source: 'champion', confirmed: true, parentVersion: 1 })
    expect(await readFile(path.join(dir, 'out3/report.md'), 'utf8')).toMatch(/confirmed warm start from version 1/)
  })
})

describe('a step that links the candidate’s files to the champion’s', () => {
  it('is refused with what to change, not taken for a damaged bundle to repair; nothing changes', async () => {
    const dir = await makeProject('test/fixtures/toy', toySpec({ margin: -100 }))
    expect((await run(dir, 'out1')).code).toBe(0)
    const link =
      'node train.mjs\nrm "$RETRAIN_MODEL_DIR/optimizer-state.bin"\nln -s "$RETRAIN_BASELINE_DIR/optimizer-state.bin" "$RETRAIN_MODEL_DIR/optimizer-state.bin"'
    await writeFile(path.join(dir, 'retrain.yml'), toySpec({ margin: -100, train: link }))
    const second = await run(dir, 'out2')
    expect(second.code).toBe(6)
    expect(second.stderr).toMatch(
      /refusing to pack the symlink \S+\/optimizer-state\.bin -> \S+\/baseline\/optimizer-state\.bin: it resolves to .*copy the target into the model directory instead/
    )
    expect(second.stderr).toContain('Nothing was changed: no bundle is damaged, but the candidate cannot be stored as the training steps wrote it')
    expect(second.stderr).not.toContain('To repair a damaged bundle')
    const status = JSON.parse((await retrain(dir, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(status.champion).toBe(1)
    expect(status.versions.map((v: { version: number }) => v.version)).toEqual([1])
  })
})

describe('data inputs whose names share RETRAIN_DATA_<NAME>', () => {
  it('are refused before anything runs, at the second name: a step would get the other input’s files (here, evaluation data)', async () => {
    const dir = await makeProject('examples/cars-builtin')
    const spec = (await readFile(path.join(dir, 'retrain.yml'), 'utf8'))
      .replace('  train: data/train.csv\n', '  train-set: data/train.csv\n  train_set: data/cars-1980-1982.csv\n')
      .replace('label: Miles_per_Gallon', 'label: Miles_per_Gallon\n      data: train-set')
      .replace('eval: data/cars-1980-1982.csv', 'eval: data/cars-1976-1979.csv')
      .replace('  data: eval\n', '  data: [eval, train_set]\n')
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    const line = spec.split('\n').findIndex(l => l.startsWith('  train_set:')) + 1
    for (const command of [
      ['validate', '--spec', 'retrain.yml'],
      ['run', '--spec', 'retrain.yml', '--out', 'out']
    ]) {
      const res = await retrain(dir, command)
      expect(res.code, res.stderr).toBe(2)
      expect(res.stderr).toContain(`retrain.yml:${line}:3`)
      expect(res.stderr).toMatch(/data inputs "?train-set"? and "?train_set"? would share the environment variable RETRAIN_DATA_TRAIN_SET; rename one/)
    }
    expect(existsSync(path.join(dir, '.retrain/registry/cars-mpg'))).toBe(false)
  })
})

describe('a data file whose name holds a line break', () => {
  it('is refused before anything runs: RETRAIN_DATA_<NAME> holds one path a line and would hand a step other paths', async () => {
    const dir = await makeProject('examples/cars-builtin')
    await mkdir(path.join(dir, 'data/batch'))
    await copyFile(path.join(dir, 'data/train.csv'), path.join(dir, 'data/batch/a\nb.csv'))
    const spec = (await readFile(path.join(dir, 'retrain.yml'), 'utf8')).replace('train: data/train.csv', 'train: data/batch/*.csv')
    await writeFile(path.join(dir, 'retrain.yml'), spec)
    const res = await retrain(dir, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain(
      'data input "train": the file "data/batch/a\\nb.csv" has a line break in its name, which $RETRAIN_DATA_TRAIN (one path a line) cannot carry; rename the file'
    )
    expect(res.stderr).not.toContain('Step Train')
  })
})
