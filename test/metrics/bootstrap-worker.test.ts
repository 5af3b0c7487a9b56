// The bootstrap's drawing thread as a bundled file: the counts it draws are those drawn in turn,
// and where the thread is missing, fails mid-way or never starts, the rest is drawn in turn from
// the same stream, so the results never depend on which thread drew them.
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { multinomialAhead, Random } from '../../src/metrics/random.js'
import { REPO } from '../helpers/project.js'

let dir: string

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-worker-'))
  const common = { bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' } as const
  await build({ ...common, entryPoints: [path.join(REPO, 'src/metrics/bootstrap-worker.ts')], outfile: path.join(dir, 'bootstrap-worker.mjs') })
  await build({
    ...common,
    stdin: { contents: "export { Random } from './src/metrics/random.ts'", resolveDir: REPO, loader: 'ts' },
    outfile: path.join(dir, 'random.mjs')
  })
  // The real thread, which leaves a mark that it ran.
  await writeFile(
    path.join(dir, 'marked.mjs'),
    `import { writeFileSync } from 'node:fs'\nwriteFileSync(${JSON.stringify(path.join(dir, 'ran'))}, 'yes')\nawait import('./bootstrap-worker.mjs')\n`
  )
  // A thread that draws two resamples correctly, then fails.
  await writeFile(
    path.join(dir, 'fails.mjs'),
    `import { workerData } from 'node:worker_threads'
import { Random } from './random.mjs'
const { flags, counts, state, cells, slots } = workerData
Atomics.store(flags, slots + 1, 1)
Atomics.notify(flags, slots + 1)
const random = new Random(0)
random.restoreState(state)
for (let b = 0; b < 2; b++) {
  random.multinomial(new Uint8Array(counts, b * cells, cells), cells)
  Atomics.store(flags, b, 1)
  Atomics.notify(flags, b)
}
Atomics.store(flags, slots, -1)
Atomics.notify(flags, slots)
`
  )
  // A thread whose file cannot even load.
  await writeFile(path.join(dir, 'broken.mjs'), 'this is not javascript(\n')
})

/** Draws 9 resamples ahead through `worker` and checks each against the stream drawn in turn. */
function sameAsInTurn(worker: URL) {
  const cells = 3001
  const inTurn = new Random(17)
  const ahead = new Random(17)
  const counts = new Uint8Array(cells)
  let resamples = 0
  for (const drawn of multinomialAhead(ahead, cells, 9, worker)) {
    inTurn.multinomial(counts, cells)
    expect(drawn).toEqual(counts)
    resamples++
  }
  expect(resamples).toBe(9)
  expect(ahead.next()).toBe(inTurn.next())
}

describe('the bootstrap drawing thread', () => {
  it('draws on the bundled thread exactly the counts drawn in turn', () => {
    sameAsInTurn(pathToFileURL(path.join(dir, 'marked.mjs')))
    expect(existsSync(path.join(dir, 'ran'))).toBe(true)
  })

  it('goes on in turn from the same stream when the thread fails after two resamples', () => {
    sameAsInTurn(pathToFileURL(path.join(dir, 'fails.mjs')))
  })

  it('draws in turn when the thread file is missing', () => {
    sameAsInTurn(pathToFileURL(path.join(dir, 'missing.mjs')))
  })

  // Waits for the start timeout (15 s) before drawing in turn.
  it('draws in turn when the thread file cannot load', () => {
    sameAsInTurn(pathToFileURL(path.join(dir, 'broken.mjs')))
  })

  it('stops the thread when the caller stops early', () => {
    const ahead = new Random(3)
    const inTurn = new Random(3)
    const counts = new Uint8Array(500)
    for (const drawn of multinomialAhead(ahead, 500, 50, pathToFileURL(path.join(dir, 'bootstrap-worker.mjs')))) {
      inTurn.multinomial(counts, 500)
      expect(drawn).toEqual(counts)
      break
    }
  })
})
