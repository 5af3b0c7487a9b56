/**
 * examples/torch-resume: restore the whole trainer, not only the weights (PyTorch). Three generations
 * through the built CLI: a new trainer is promoted; the next run resumes it (epoch counter, Adam's
 * step, the scheduler's learning rate go on) and its checkpoint is bit for bit the one a single
 * uninterrupted run of as many epochs writes; a mislabeled batch is rejected.
 * Needs PyTorch in /usr/bin/python3 (Debian's python3-torch, which .ci/run installs only when
 * RETRAIN_CI_TORCH=1: it is large); skipped otherwise.
 */
import { spawnSync } from 'node:child_process'
import { copyFile, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_PYTHON, copyExample, missingPython, readJsonFile, removeDir, runGeneration, status, unpackVersion, type Generation } from './example.js'
import { REPO } from '../helpers/project.js'

const missing = missingPython(['torch'])
if (missing) console.warn(`skipping examples/torch-resume: ${missing}`)

interface State {
  epoch: number
  adam_step: number
  lr: number
  history: {
    start: string
    parent_version: string | null
    epoch_before: number
    adam_step_before: number
    lr_before: number
    epoch_after: number
    adam_step_after: number
  }[]
}

describe.skipIf(missing !== null)('example torch-resume: restore the whole trainer', () => {
  let cwd: string
  let direct: string
  const gens: Generation[] = []
  const dirs: string[] = []
  const states: State[] = []

  beforeAll(async () => {
    cwd = await copyExample('torch-resume')
    for (const batch of ['wines', 'wines', 'wines-mislabeled']) {
      await copyFile(path.join(cwd, 'data', `${batch}.csv`), path.join(cwd, 'data/train.csv'))
      gens.push(await runGeneration(cwd, `${gens.length + 1}-${batch}`))
    }
    for (const version of [1, 2, 3]) {
      dirs.push(unpackVersion(cwd, 'wine-cultivar', version))
      states.push(await readJsonFile<State>(path.join(dirs.at(-1)!, 'state.json')))
    }
    // The same 40 epochs in one uninterrupted run of the training script.
    direct = await mkdtemp(path.join(os.tmpdir(), 'torch-direct-'))
    const run = spawnSync(SYSTEM_PYTHON, ['train.py'], {
      cwd,
      encoding: 'utf8',
      env: {
        ...process.env,
        PYTHONDONTWRITEBYTECODE: '1',
        RETRAIN_MODEL_DIR: direct,
        RETRAIN_BASELINE_DIR: '',
        RETRAIN_DATA_TRAIN: path.join(cwd, 'data/wines.csv'),
        RETRAIN_PARAM_EPOCHS: '40',
        RETRAIN_HELPERS_DIR: path.join(REPO, 'helpers')
      }
    })
    expect(run.status, run.stderr).toBe(0)
  }, 150_000)

  afterAll(async () => {
    await removeDir(cwd)
    await removeDir(direct)
  })

  it('promotes a new trainer', () => {
    expect(gens[0]!.result.decision).toBe('promoted')
    expect(states[0]!).toMatchObject({ epoch: 20, adam_step: 20 * 8 })
    expect(states[0]!.history[0]!.start).toBe('new')
  })

  it("resumes the champion's trainer: epoch, Adam's step and the scheduler's learning rate go on", () => {
    expect(gens[1]!.result.decision).toBe('promoted')
    expect(gens[1]!.result.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 1 })
    const [parent, child] = states
    expect(child!.history[1]).toMatchObject({
      start: 'resumed',
      parent_version: '1',
      epoch_before: 20,
      adam_step_before: parent!.adam_step,
      lr_before: parent!.lr,
      epoch_after: 40,
      adam_step_after: 40 * 8
    })
    expect(child!.lr).toBeCloseTo(0.01 * 0.97 ** 40, 12)
  })

  it('resuming gives bit for bit the trainer of one uninterrupted run', () => {
    const compare = (a: string, b: string) =>
      spawnSync(SYSTEM_PYTHON, ['compare-checkpoints.py', path.join(a, 'checkpoint.pt'), path.join(b, 'checkpoint.pt')], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }
      })
    const same = compare(dirs[1]!, direct)
    expect(same.status, same.stdout + same.stderr).toBe(0)
    expect(JSON.parse(same.stdout)).toEqual({
      identical: true,
      compared: ['model', 'optimizer', 'scheduler', 'generator', 'epoch', 'mean', 'std'],
      differences: []
    })
    // And the comparison does see a difference (version 1 stopped 20 epochs earlier).
    const other = compare(dirs[0]!, direct)
    expect(other.status).toBe(1)
    expect(JSON.parse(other.stdout).differences).toEqual(expect.arrayContaining(['epoch', 'generator']))
  })

  it('rejects a resumed trainer fed mislabeled wines, and keeps the champion', async () => {
    const g = gens[2]!.result
    expect(g.decision).toBe('rejected')
    expect(g.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 2 })
    expect((g.rules as { metric: string; status: string }[]).filter(r => r.status === 'fail').map(r => r.metric)).toEqual(expect.arrayContaining(['accuracy']))
    expect(states[2]!.history[2]!.adam_step_before).toBe(states[1]!.adam_step)
    expect((await status(cwd)).champion).toBe(2)
  })
})
