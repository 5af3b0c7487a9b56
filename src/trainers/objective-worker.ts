/**
 * The L-BFGS objectives' second thread, bundled as its own file (dist/objective-worker.mjs) beside the
 * bundles that start it. It sums the first half of the rows of whichever objective the control block
 * names; see objective-threads.ts for the protocol. It learns each objective's data from the port,
 * read without returning to the event loop, and keeps the last few.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads'
import { DONE, FAILED, JOB, POSTED, RUNNING, STATE, type RemoteDataset } from './objective-threads.js'
import { rangeObjective, type RangeObjective } from './objectives.js'

const { control, port } = workerData as { control: Int32Array; port: MessagePort }
/** Objectives by id, oldest first: a trainer has two at a time (training and validation). */
const known = new Map<number, { dataset: RemoteDataset; sum: RangeObjective; sums: Float64Array }>()
const KEEP = 4

function lookUp(id: number) {
  for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
    const dataset = message.message as RemoteDataset
    known.set(dataset.id, { dataset, sum: rangeObjective(dataset.kind, dataset.data), sums: new Float64Array(dataset.params.length) })
    if (known.size > KEEP) known.delete(known.keys().next().value!)
  }
  return known.get(id)
}

for (;;) {
  const state = Atomics.load(control, STATE)
  if (state !== POSTED) {
    Atomics.wait(control, STATE, state)
    continue
  }
  if (Atomics.compareExchange(control, STATE, POSTED, RUNNING) !== POSTED) continue
  let outcome = FAILED
  try {
    const job = lookUp(Atomics.load(control, JOB))
    if (job) {
      const { dataset, sum, sums } = job
      const total = sum(dataset.params, 0, dataset.half, sums)
      dataset.result.set(sums)
      dataset.result[sums.length] = total
      outcome = DONE
    }
  } catch {
    // Summed by the other thread instead.
  }
  Atomics.store(control, STATE, outcome)
  Atomics.notify(control, STATE)
}
