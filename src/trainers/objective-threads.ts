/**
 * An L-BFGS objective on two threads. The rows are split in two at a fixed place (a function of the
 * row count alone); this thread sums the second half while a persistent second thread
 * (objective-worker.ts, bundled as dist/objective-worker.mjs) sums the first, and the halves are added
 * in a fixed order. So the objective, and every model trained with it, is the same to the last bit on
 * one thread or two, on any machine. Each evaluation reads X (100,000 x 20 is 16 MB) and costs
 * milliseconds; the handoff through shared memory costs microseconds.
 *
 * No evaluation ever waits for the second thread to start or to wake: a half it has not taken by the
 * time this thread finishes its own is taken back and summed here (work stealing). A thread that
 * cannot start, fails, or does not know the data is the same as a slow one.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads'
import { BLOCK_ROWS, rangeObjective, weightRows, type ObjectiveData, type ObjectiveKind } from './objectives.js'
import { trainerThreadsSetting } from '../thread-knobs.js'

/** Writes the gradient at `params` into `grad` and returns the objective. */
export type Objective = (params: Float64Array, grad: Float64Array) => number

/** The second thread's file, bundled beside dist/cli.js and dist/index.js; missing when run from the sources. */
export const OBJECTIVE_WORKER = new URL('./objective-worker.mjs', import.meta.url)

/** Words of the control block both threads share. */
export const STATE = 0
export const JOB = 1
/** Values of control[STATE], which starts at 0 (nothing posted yet). */
export const POSTED = 1
export const RUNNING = 2
export const DONE = 3
export const FAILED = 4
export const TAKEN_BACK = 5

/** What the thread gets for each objective, on the pool's port. */
export interface RemoteDataset {
  id: number
  kind: ObjectiveKind
  /** The first half's rows only. */
  data: ObjectiveData
  half: number
  params: Float64Array
  /** The half's gradient sums, then its loss sum. */
  result: Float64Array
}

/**
 * Where the rows are split: the multiple of the objectives' block nearest half the rows. A function of
 * the row count alone, so sums are added in the same order however many threads there are.
 */
export function splitRow(n: number): number {
  return Math.min(n, Math.round(n / 2 / BLOCK_ROWS) * BLOCK_ROWS)
}

/** Multiply-adds per evaluation below which the handoff is not worth its microseconds. */
const MIN_WORK = 1 << 16
/** How long a half the second thread is summing may take before it is given up and summed here. */
const RUNNING_MS = 60_000

interface Pool {
  worker: Worker
  control: Int32Array
  port: MessagePort
  nextId: number
  broken: boolean
}
/** One second thread per process and per file, started on first use and kept (unreferenced). */
const pools = new Map<string, Pool | null>()

function poolFor(file: URL): Pool | null {
  const key = file.href
  if (pools.has(key)) return pools.get(key)!
  let pool: Pool | null = null
  try {
    // A missing file would only show as an 'error' event, which nothing here waits for.
    if (existsSync(fileURLToPath(file))) {
      const control = new Int32Array(new SharedArrayBuffer(8))
      const { port1, port2 } = new MessageChannel()
      const worker = new Worker(file, { workerData: { control, port: port2 }, transferList: [port2] })
      worker.unref()
      port1.unref()
      // A failure shows as the thread not taking work; its 'error' event must not end the process.
      worker.on('error', () => {
        pool!.broken = true
      })
      pool = { worker, control, port: port1, nextId: 0, broken: false }
    }
  } catch {
    pool = null
  }
  pools.set(key, pool)
  return pool
}

/**
 * Starts the second thread ahead of the first objective, so that it is up by the time the data is
 * read; a no-op where one thread is all there is.
 */
export function startObjectiveThread(file: URL = OBJECTIVE_WORKER): void {
  if (objectiveThreads() > 1) poolFor(file)
}

export interface SplitOptions {
  /** 1: everything on this thread; 2: the first half on the second thread where it is worth it. Default: objectiveThreads(). */
  threads?: number
  worker?: URL
  /**
   * For tests: wait (up to a minute) for the second thread to take each half instead of taking back
   * one it has not started, so that what it sums does not depend on how the machine schedules it.
   */
  waitForThread?: boolean
}

/**
 * Threads the objectives run on: RETRAIN_TRAINER_THREADS (1 or 2), or 2 where there are two
 * processors. Models are the same either way; this only changes how fast they are trained.
 */
export function objectiveThreads(raw = process.env.RETRAIN_TRAINER_THREADS): number {
  return trainerThreadsSetting(raw) ?? (availableParallelism() > 1 ? 2 : 1)
}

/** What the second thread did, since the process started: for tests and the bench. */
export const objectiveThreadCounts = {
  /** Halves offered to it. */
  offered: 0,
  /** Halves it summed. */
  summed: 0,
  /** Halves it had not taken when this thread was done with its own, summed here instead. */
  takenBack: 0
}

/** `kind`'s mean objective over `data` plus (l2 / 2) |weights|^2 (biases unpenalized), on two threads where it is worth it. */
export function splitObjective(kind: ObjectiveKind, data: ObjectiveData, l2: number, options: SplitOptions = {}): Objective {
  const { n, d } = data
  const rows = weightRows(kind)
  const size = rows * (d + 1)
  const weights = rows * d
  const half = splitRow(n)
  const own = rangeObjective(kind, data)
  const first = new Float64Array(size)
  const second = new Float64Array(size)
  const threads = options.threads ?? objectiveThreads()
  const remote =
    threads > 1 && half > 0 && n * d * rows >= MIN_WORK
      ? Remote.open(kind, data, half, size, options.worker ?? OBJECTIVE_WORKER, options.waitForThread === true)
      : null
  return (p, grad) => {
    let total: number
    if (remote?.post(p)) {
      const secondTotal = own(p, half, n, second)
      total = (remote.collect(first) ?? own(p, 0, half, first)) + secondTotal
    } else {
      const firstTotal = own(p, 0, half, first)
      total = firstTotal + own(p, half, n, second)
    }
    for (let k = 0; k < size; k++) grad[k] = (first[k]! + second[k]!) / n
    let penalty = 0
    for (let k = 0; k < weights; k++) {
      penalty += p[k]! * p[k]!
      grad[k] += l2 * p[k]!
    }
    return total / n + 0.5 * l2 * penalty
  }
}

/** The first half of one objective, as the second thread sees it. */
class Remote {
  private dead = false

  private constructor(
    private readonly pool: Pool,
    private readonly id: number,
    private readonly params: Float64Array,
    private readonly result: Float64Array,
    private readonly waitForThread: boolean
  ) {}

  static open(kind: ObjectiveKind, data: ObjectiveData, half: number, size: number, file: URL, waitForThread = false): Remote | null {
    const pool = poolFor(file)
    if (!pool || pool.broken) return null
    const params = new Float64Array(new SharedArrayBuffer(8 * size))
    const result = new Float64Array(new SharedArrayBuffer(8 * (size + 1)))
    const id = ++pool.nextId
    const dataset: RemoteDataset = {
      id,
      kind,
      data: { x: shared(data.x.subarray(0, half * data.d)), y: shared(data.y.subarray(0, half)), n: half, d: data.d },
      half,
      params,
      result
    }
    pool.port.postMessage(dataset)
    return new Remote(pool, id, params, result, waitForThread)
  }

  /** Offers the first half at `p` to the second thread; false when it is not to be asked. */
  post(p: Float64Array): boolean {
    if (this.dead || this.pool.broken) return false
    const { control } = this.pool
    this.params.set(p)
    Atomics.store(control, JOB, this.id)
    Atomics.store(control, STATE, POSTED)
    Atomics.notify(control, STATE)
    objectiveThreadCounts.offered++
    return true
  }

  /** The first half's loss sum, with its gradient sums in `sums`; null when it is to be summed here. */
  collect(sums: Float64Array): number | null {
    const { control } = this.pool
    if (this.waitForThread && Atomics.load(control, STATE) === POSTED) Atomics.wait(control, STATE, POSTED, RUNNING_MS)
    // Not taken yet: taken back.
    if (Atomics.compareExchange(control, STATE, POSTED, TAKEN_BACK) === POSTED) {
      objectiveThreadCounts.takenBack++
      return null
    }
    while (Atomics.load(control, STATE) === RUNNING) {
      if (Atomics.wait(control, STATE, RUNNING, RUNNING_MS) === 'timed-out') {
        this.pool.broken = true
        return null
      }
    }
    if (Atomics.load(control, STATE) !== DONE) {
      this.dead = true
      return null
    }
    objectiveThreadCounts.summed++
    sums.set(this.result.subarray(0, sums.length))
    return this.result[sums.length]!
  }
}

/** `a` itself when it is in shared memory, else a copy there. */
function shared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a
  const copy = new Float64Array(new SharedArrayBuffer(a.byteLength))
  copy.set(a)
  return copy
}
