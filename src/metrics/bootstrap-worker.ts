/**
 * The bootstrap's thread, bundled as its own file (dist/bootstrap-worker.mjs) beside the bundles
 * that start it. Two jobs:
 * - 'plan': runs resamples of a plan (resample-plan.ts), claiming indexes from a shared counter
 *   alongside the thread that started it; the values are the same whichever thread ran a resample;
 * - 'ahead': draws the counts of successive resamples into shared slots for a caller that
 *   evaluates kernels only it can run; see weightsAhead in random.ts for the protocol.
 */
import { workerData } from 'node:worker_threads'
import { PlanRunner, type PlanControl, type ResamplePlan } from './resample-plan.js'
import { drawWeights, Random, type AheadData } from './random.js'

type Job = ({ job: 'plan' } & { plan: ResamplePlan; control: PlanControl }) | ({ job: 'ahead' } & AheadData)

const data = workerData as Job

if (data.job === 'plan') {
  try {
    new PlanRunner(data.plan).runAll(data.control)
  } catch {
    // The thread that started this one runs what is left, and any resample claimed here and not done.
    Atomics.add(data.control.counter, 1, 1)
    for (let b = 0; b < data.plan.resamples; b++) Atomics.notify(data.control.done, b)
  }
} else {
  const { flags, counts, seed, cells, resamples, slots } = data
  const END = slots
  const STARTED = slots + 1
  Atomics.store(flags, STARTED, 1)
  Atomics.notify(flags, STARTED)
  try {
    const random = new Random(0)
    for (let b = 0; b < resamples; b++) {
      const slot = b % slots
      while (Atomics.load(flags, slot) !== 0) Atomics.wait(flags, slot, 1)
      drawWeights(random, seed, b, new Uint8Array(counts, slot * cells, cells))
      Atomics.store(flags, slot, 1)
      Atomics.notify(flags, slot)
    }
    Atomics.store(flags, END, 1)
  } catch {
    Atomics.store(flags, END, -1)
  }
  Atomics.notify(flags, END)
  for (let slot = 0; slot < slots; slot++) Atomics.notify(flags, slot)
}
