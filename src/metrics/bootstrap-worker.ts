/**
 * The bootstrap's drawing thread, bundled as its own file (dist/bootstrap-worker.mjs) beside the
 * bundles that start it. It continues the caller's Random stream and fills shared slots with the
 * counts of successive resamples, so the counts are exactly those drawn in turn; see
 * multinomialAhead in random.ts for the protocol.
 */
import { workerData } from 'node:worker_threads'
import { Random, type AheadData } from './random.js'

const { flags, counts, state, cells, resamples, slots } = workerData as AheadData
const END = slots
const STARTED = slots + 1
Atomics.store(flags, STARTED, 1)
Atomics.notify(flags, STARTED)
try {
  const random = new Random(0)
  random.restoreState(state)
  for (let b = 0; b < resamples; b++) {
    const slot = b % slots
    while (Atomics.load(flags, slot) !== 0) Atomics.wait(flags, slot, 1)
    random.multinomial(new Uint8Array(counts, slot * cells, cells), cells)
    Atomics.store(flags, slot, 1)
    Atomics.notify(flags, slot)
  }
  state.set(random.saveState())
  Atomics.store(flags, END, 1)
} catch {
  Atomics.store(flags, END, -1)
}
Atomics.notify(flags, END)
for (let slot = 0; slot < slots; slot++) Atomics.notify(flags, slot)
