// The L-BFGS objectives on two threads. The rows are split at a place fixed by their number and the
// halves added in a fixed order, so the objective and every model trained with it are the same to the
// last bit on one thread or two, and where the second thread is missing, fails, never takes work,
// or takes only some: the result never depends on which thread summed what.
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { minimize, poissonObjective, softmaxObjective, type Objective } from '../../src/trainers/lbfgs.js'
import { objectiveThreadCounts, objectiveThreads, splitRow } from '../../src/trainers/objective-threads.js'
import type { ObjectiveData } from '../../src/trainers/objectives.js'
import { REPO } from '../helpers/project.js'

let dir: string
const worker = (name: string) => pathToFileURL(path.join(dir, name))

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-objective-worker-'))
  await build({
    entryPoints: [path.join(REPO, 'src/trainers/objective-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    outfile: path.join(dir, 'objective-worker.mjs')
  })
  // A thread that starts and never takes work: every half is taken back.
  await writeFile(path.join(dir, 'asleep.mjs'), 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)\n')
  // A thread that fails as it starts.
  await writeFile(path.join(dir, 'throws.mjs'), "throw new Error('a thread that fails')\n")
  // A thread that takes every half and fails it: the state says so, and the half is summed by the caller.
  await writeFile(
    path.join(dir, 'fails-jobs.mjs'),
    `import { workerData } from 'node:worker_threads'
const { control } = workerData
for (;;) {
  const state = Atomics.load(control, 0)
  if (state !== 1) { Atomics.wait(control, 0, state); continue }
  if (Atomics.compareExchange(control, 0, 1, 2) !== 1) continue
  Atomics.store(control, 0, 4)
  Atomics.notify(control, 0)
}
`
  )
})

function dataset(n: number, d: number, label: (i: number, u: number) => number): ObjectiveData {
  let s = 11
  const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296
  const x = Float64Array.from({ length: n * d }, () => 2 * uniform() - 1)
  return { x, y: Float64Array.from({ length: n }, (_, i) => label(i, uniform())), n, d }
}

const cases = [
  // Rows that leave a partial block and a partial group of eight in both halves.
  {
    name: 'logistic',
    data: dataset(20_011, 7, (_, u) => (u < 0.4 ? 1 : 0)),
    size: 8,
    make: (data: ObjectiveData, o: object) => softmaxObjective(data, 2, true, 1e-3, o)
  },
  {
    name: 'maximum entropy, 3 classes',
    data: dataset(9_001, 5, (_, u) => Math.floor(u * 3)),
    size: 18,
    make: (data: ObjectiveData, o: object) => softmaxObjective(data, 3, false, 1e-3, o)
  },
  { name: 'Poisson', data: dataset(15_003, 6, (_, u) => Math.floor(u * 4)), size: 7, make: (data: ObjectiveData, o: object) => poissonObjective(data, 1e-3, o) }
]

/** The objective's value and gradient at a few points, and the model L-BFGS trains with it. */
function trace(f: Objective, size: number) {
  const points = [0, 0.3, -0.7].map(scale => Float64Array.from({ length: size }, (_, k) => scale * Math.sin(k + 1)))
  const values = points.map(p => {
    const grad = new Float64Array(size)
    return { value: f(p, grad), grad: Array.from(grad) }
  })
  const params = new Float64Array(size)
  const result = minimize(f, params, { memory: 10, maxIterations: 200, tolerance: 1e-10, relativeDecrease: 1e-12 })
  return { values, params: Array.from(params), result }
}

describe('the L-BFGS objectives on two threads', () => {
  for (const c of cases) {
    it(`${c.name}: the same to the last bit on one thread, on two, and with the second thread missing, asleep or failing`, () => {
      // Large enough for the second thread (n x d x rows of weights >= 2^16).
      expect(c.data.n * c.data.d * (c.size / (c.data.d + 1))).toBeGreaterThanOrEqual(1 << 16)
      const alone = trace(c.make(c.data, { threads: 1 }), c.size)
      expect(alone.result.converged).toBe(true)
      // As it runs: each half summed by the second thread or taken back, whichever the machine's
      // scheduling gives; the result is the same either way.
      const before = { ...objectiveThreadCounts }
      const two = trace(c.make(c.data, { threads: 2, worker: worker('objective-worker.mjs') }), c.size)
      expect(two).toEqual(alone)
      const offered = objectiveThreadCounts.offered - before.offered
      expect(offered).toBeGreaterThan(alone.result.iterations)
      expect(objectiveThreadCounts.summed - before.summed + objectiveThreadCounts.takenBack - before.takenBack).toBe(offered)
      // Waiting for the second thread to take every half: it sums all of them, and the result is the same.
      const waiting = { ...objectiveThreadCounts }
      expect(trace(c.make(c.data, { threads: 2, worker: worker('objective-worker.mjs'), waitForThread: true }), c.size)).toEqual(alone)
      expect(objectiveThreadCounts.takenBack).toBe(waiting.takenBack)
      expect(objectiveThreadCounts.summed - waiting.summed).toBe(objectiveThreadCounts.offered - waiting.offered)
      expect(objectiveThreadCounts.summed - waiting.summed).toBeGreaterThan(alone.result.iterations)

      const asleep = { ...objectiveThreadCounts }
      expect(trace(c.make(c.data, { threads: 2, worker: worker('asleep.mjs') }), c.size)).toEqual(alone)
      expect(objectiveThreadCounts.takenBack - asleep.takenBack).toBe(objectiveThreadCounts.offered - asleep.offered)
      expect(objectiveThreadCounts.summed).toBe(asleep.summed)

      expect(trace(c.make(c.data, { threads: 2, worker: worker('throws.mjs') }), c.size)).toEqual(alone)
      expect(trace(c.make(c.data, { threads: 2, worker: worker('fails-jobs.mjs') }), c.size)).toEqual(alone)
      expect(trace(c.make(c.data, { threads: 2, worker: worker('missing.mjs') }), c.size)).toEqual(alone)
    })
  }

  it('keeps two objectives apart on one thread (training and validation data, evaluated in turn)', () => {
    const [a, b] = [cases[0]!, cases[2]!]
    const file = { threads: 2, worker: worker('objective-worker.mjs') }
    const fa = a.make(a.data, file)
    const fb = b.make(b.data, file)
    const ga = new Float64Array(a.size)
    const gb = new Float64Array(b.size)
    const p = (size: number) => Float64Array.from({ length: size }, (_, k) => 0.1 * k)
    const expected = [a.make(a.data, { threads: 1 })(p(a.size), new Float64Array(a.size)), b.make(b.data, { threads: 1 })(p(b.size), new Float64Array(b.size))]
    for (let round = 0; round < 5; round++) expect([fa(p(a.size), ga), fb(p(b.size), gb)]).toEqual(expected)
  })

  it('splits the rows at a multiple of the block nearest half, whatever the threads', () => {
    expect(splitRow(0)).toBe(0)
    expect(splitRow(100)).toBe(0)
    expect(splitRow(100_000)).toBe(50_176)
    expect(splitRow(1_000)).toBe(512)
    expect(splitRow(513)).toBe(512)
  })

  it('takes RETRAIN_TRAINER_THREADS as 1 or 2 and refuses anything else, naming it', () => {
    expect(objectiveThreads('1')).toBe(1)
    expect(objectiveThreads('2')).toBe(2)
    expect(() => objectiveThreads('3')).toThrow(/RETRAIN_TRAINER_THREADS must be 1 or 2, got "3"/)
  })
})

describe('the built CLI', () => {
  it('trains the same lbfgs-logistic model on one thread and on two, and exits with the second thread idle', async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), 'retrain-objective-cli-'))
    const data = dataset(30_000, 6, (_, u) => (u < 0.5 ? 1 : 0))
    const lines = ['a,b,c,d,e,f,label']
    for (let i = 0; i < data.n; i++) lines.push([...data.x.subarray(i * 6, i * 6 + 6)].map(v => v.toFixed(6)).join(',') + ',' + (data.y[i] ? 'yes' : 'no'))
    await writeFile(path.join(work, 'train.csv'), lines.join('\n') + '\n')
    const models: string[] = []
    for (const threads of ['1', '2']) {
      const out = path.join(work, `model-${threads}`)
      const run = spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'train', 'lbfgs-logistic'], {
        encoding: 'utf8',
        env: {
          ...process.env,
          RETRAIN_DATA_TRAIN: path.join(work, 'train.csv'),
          RETRAIN_MODEL_DIR: out,
          RETRAIN_BUILTIN_OPTIONS: JSON.stringify({ label: 'label' }),
          RETRAIN_TRAINER_THREADS: threads
        },
        // A process that did not exit with the thread blocked waiting for work would time out here.
        timeout: 50_000
      })
      expect(run.status, run.stderr).toBe(0)
      // Whether the second thread was up in time depends on the machine's load; that it was offered halves does not.
      expect(run.stdout + run.stderr).toMatch(
        threads === '2' ? /on 2 threads, the second summed \d+ of \d+ halves/ : /stopped after \d+ iterations: [\w-]+ \(converged\)\n/
      )
      models.push(await readFile(path.join(out, 'model.json'), 'utf8'))
    }
    expect(JSON.parse(models[1]!).weights).toEqual(JSON.parse(models[0]!).weights)
    expect(models[1]).toBe(models[0])

    // A bad thread count is the step's input error (exit 2), named, before the data is read.
    const bad = spawnSync(process.execPath, [path.join(REPO, 'dist/cli.js'), 'train', 'lbfgs-logistic'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        RETRAIN_DATA_TRAIN: path.join(work, 'missing.csv'),
        RETRAIN_MODEL_DIR: path.join(work, 'model-bad'),
        RETRAIN_BUILTIN_OPTIONS: JSON.stringify({ label: 'label' }),
        RETRAIN_TRAINER_THREADS: 'all'
      },
      timeout: 50_000
    })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('RETRAIN_TRAINER_THREADS must be 1 or 2, got "all"')
  })
})
