// The bootstrap's thread as a bundled file. Each resample's counts come from the stream of its
// index, so the results never depend on which thread drew or evaluated what: the same bounds on one
// thread, on several, and where a thread is missing, fails mid-way or never starts.
import { readdirSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { pairedBootstrap, type PairedMetric } from '../../src/metrics/bootstrap.js'
import { accuracyValues, binaryLogLossValues, countKernel, meanKernel, rocAucKernel } from '../../src/metrics/kernels.js'
import { drawWeights, weightsAhead, Random } from '../../src/metrics/random.js'
import { REPO } from '../helpers/project.js'

let dir: string
const worker = (name: string) => pathToFileURL(path.join(dir, name))

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-worker-'))
  const common = { bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' } as const
  await build({ ...common, entryPoints: [path.join(REPO, 'src/metrics/bootstrap-worker.ts')], outfile: path.join(dir, 'bootstrap-worker.mjs') })
  // The real thread, which leaves a mark that it ran.
  await writeFile(
    path.join(dir, 'marked.mjs'),
    `import { writeFileSync } from 'node:fs'\nimport { threadId } from 'node:worker_threads'\nwriteFileSync(${JSON.stringify(path.join(dir, 'ran'))} + threadId, 'yes')\nawait import('./bootstrap-worker.mjs')\n`
  )
  // A thread that claims a resample and fails without running it.
  await writeFile(
    path.join(dir, 'fails.mjs'),
    `import { workerData } from 'node:worker_threads'
if (workerData.job === 'plan') {
  Atomics.add(workerData.control.counter, 0, 1)
  Atomics.add(workerData.control.counter, 1, 1)
} else {
  Atomics.store(workerData.flags, workerData.slots + 1, 1)
  Atomics.store(workerData.flags, workerData.slots, -1)
  Atomics.notify(workerData.flags, workerData.slots + 1)
  Atomics.notify(workerData.flags, workerData.slots)
}
`
  )
  // A thread whose file cannot even load.
  await writeFile(path.join(dir, 'broken.mjs'), 'this is not javascript(\n')
})

/** Two models on 70,000 examples (enough for the threads), with ties in the scores. */
function models(n = 70_000) {
  const random = new Random(5)
  const label = new Int32Array(n)
  const a = new Float64Array(n)
  const b = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    label[i] = random.below(10) < 3 ? 1 : 0
    a[i] = Math.round((label[i]! * 0.3 + random.below(1000) / 1400) * 50) / 50
    b[i] = Math.round((label[i]! * 0.25 + random.below(1000) / 1400) * 50) / 50
  }
  const positive = Uint8Array.from(label)
  const predicted = (s: Float64Array) => Int32Array.from(s, v => (v >= 0.5 ? 1 : 0))
  const metrics: PairedMetric[] = [
    { candidate: meanKernel(accuracyValues(label, predicted(a))), baseline: meanKernel(accuracyValues(label, predicted(b))), goal: 'maximize' },
    { candidate: meanKernel(binaryLogLossValues(label, a)), baseline: meanKernel(binaryLogLossValues(label, b)), goal: 'minimize' },
    { candidate: rocAucKernel(positive, a), baseline: rocAucKernel(positive, b), goal: 'maximize' }
  ]
  return { n, label, a, b, metrics, predicted }
}

const SETTINGS = { resamples: 60, seed: 11, interval: 'bca' as const }
const run = (m: ReturnType<typeof models>, threads: number, file = 'bootstrap-worker.mjs', metrics = m.metrics, settings = SETTINGS) =>
  pairedBootstrap(metrics, m.n, { count: m.n, unitOf: null, kind: 'examples' }, settings, { threads, worker: worker(file) })

describe('the bootstrap on several threads', () => {
  const m = models()
  let alone: ReturnType<typeof run>

  beforeAll(() => {
    alone = run(m, 1)
  })

  it('gives exactly the same distributions on 1, 2 and 3 threads', () => {
    expect(alone[0]!.absolute.length).toBe(SETTINGS.resamples)
    // The distributions are not degenerate: the resamples differ.
    expect(new Set(alone[2]!.absolute).size).toBeGreaterThan(SETTINGS.resamples / 2)
    expect(run(m, 2, 'marked.mjs')).toEqual(alone)
    expect(run(m, 3)).toEqual(alone)
    // The other thread did take resamples: with enough of them that it starts before this thread has
    // run them all (a resample takes about a millisecond here), and a few tries on a loaded machine.
    const marked = () => readdirSync(dir).some(f => f.startsWith('ran'))
    const many = { ...SETTINGS, resamples: 600 }
    const aloneMany = run(m, 1, 'bootstrap-worker.mjs', m.metrics, many)
    for (let tries = 0; tries < 3 && !marked(); tries++) expect(run(m, 2, 'marked.mjs', m.metrics, many)).toEqual(aloneMany)
    expect(marked()).toBe(true)
  })

  it('runs on this thread what a failed, missing or broken thread leaves', () => {
    expect(run(m, 2, 'fails.mjs')).toEqual(alone)
    expect(run(m, 2, 'missing.mjs')).toEqual(alone)
    expect(run(m, 2, 'broken.mjs')).toEqual(alone)
  })

  it('gives the same values when a kernel only this thread can run makes the other draw ahead', () => {
    // A count kernel has no shape: the resamples run here, their counts drawn on the other thread.
    const f1 = (s: Float64Array) => countKernel('f1', 'binary', m.label, m.predicted(s), 2)
    const mixed: PairedMetric[] = [...m.metrics, { candidate: f1(m.a), baseline: f1(m.b), goal: 'maximize' }]
    const here = run(m, 1, 'bootstrap-worker.mjs', mixed)
    expect(here.slice(0, 3)).toEqual(alone)
    expect(run(m, 2, 'bootstrap-worker.mjs', mixed)).toEqual(here)
    expect(run(m, 2, 'fails.mjs', mixed)).toEqual(here)
  })
})

describe('the bootstrap drawing thread', () => {
  it("draws each resample index's weights, as drawn in turn", () => {
    const random = new Random(0)
    const counts = new Uint8Array(3001)
    let b = 0
    for (const drawn of weightsAhead(17, 3001, 9, worker('bootstrap-worker.mjs'))) {
      drawWeights(random, 17, b++, counts)
      expect(drawn).toEqual(counts)
    }
    expect(b).toBe(9)
  })

  it('stops the thread when the caller stops early', () => {
    const random = new Random(0)
    const weights = new Uint8Array(500)
    drawWeights(random, 3, 0, weights)
    for (const drawn of weightsAhead(3, 500, 50, worker('bootstrap-worker.mjs'))) {
      expect(drawn).toEqual(weights)
      break
    }
  })
})
