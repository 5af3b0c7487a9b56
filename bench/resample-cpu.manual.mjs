// CPU time of one bootstrap resample on ONE thread, outside `retrain compare`: the bench's data
// (bench/metrics.bench.mjs: 1,000,000 binary predictions, scores of 12 digits, or rounded with
// BENCH_METRICS_TIES=1), accuracy, log loss and ROC AUC of both models, examples in the candidate's
// score order as `retrain compare` puts them, resamples run by the plan's runner (src/metrics/
// resample-plan.ts) as a thread of the bootstrap runs them. Prints the median CPU ms a resample
// over several measures and a hash of every value, so that two source trees can be compared side
// by side (interleaved processes) and checked bit-identical:
//
//   node bench/resample-cpu.manual.mjs [src dir, default ./src] [mode: pairs|single]
//   BENCH_CPU_N, BENCH_CPU_RESAMPLES (a measure), BENCH_CPU_MEASURES
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const src = path.resolve(process.argv[2] ?? path.join(repo, 'src'))
const mode = process.argv[3] ?? 'pairs'
const n = Number(process.env.BENCH_CPU_N ?? 1_000_000)
const resamples = Number(process.env.BENCH_CPU_RESAMPLES ?? 40)
const measures = Number(process.env.BENCH_CPU_MEASURES ?? 5)
const ties = process.env.BENCH_METRICS_TIES === '1'
if (!['pairs', 'single'].includes(mode)) throw new Error(`mode must be pairs or single, got ${mode}`)
if (!(measures >= 1 && measures <= 50 && resamples >= 4 && resamples <= 1000)) throw new Error('BENCH_CPU_MEASURES 1..50, BENCH_CPU_RESAMPLES 4..1000')

const dir = mkdtempSync(path.join(tmpdir(), 'resample-cpu-'))
const entry = `
export { fusedLayout } from ${JSON.stringify(path.join(src, 'metrics/fused-pass.ts'))}
export { accuracyValues, binaryLogLossValues, meanKernel, rocAucKernel, shapeOf, sortByScore } from ${JSON.stringify(path.join(src, 'metrics/kernels.ts'))}
export { PlanRunner, planControl } from ${JSON.stringify(path.join(src, 'metrics/resample-plan.ts'))}
`
const outfile = path.join(dir, 'entry.mjs')
await build({ stdin: { contents: entry, resolveDir: src, loader: 'ts' }, outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' })
const m = await import(pathToFileURL(outfile).href)

// The bench's predictions (bench/metrics.bench.mjs's writePredictions), parsed back from their text.
let state = 2026
const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296
const gaussian = () => Math.sqrt(-2 * Math.log(next() + 2 ** -33)) * Math.cos(2 * Math.PI * next())
const text = x => Number(ties ? String(Math.round(x * 100) / 100) : x.toPrecision(12))
let label = new Int32Array(n)
let cand = new Float64Array(n)
let base = new Float64Array(n)
for (let i = 0; i < n; i++) {
  const y = next() < 0.3 ? 1 : 0
  const sign = y === 1 ? 1 : -1
  cand[i] = text(1 / (1 + Math.exp(-(sign * 1.05 + gaussian()))))
  base[i] = text(1 / (1 + Math.exp(-(sign * 1.0 + gaussian()))))
  label[i] = y
}
// The candidate's score order, as `retrain compare` puts the examples (localityOrder).
const order = m.sortByScore(cand, Uint8Array.from(label))
const pick = (a, C) => C.from(order, i => a[i])
label = pick(label, Int32Array)
cand = pick(cand, Float64Array)
base = pick(base, Float64Array)
const positive = Uint8Array.from(label)
const predicted = s => Int32Array.from(s, v => (v >= 0.5 ? 1 : 0))
const shapes = [
  [m.meanKernel(m.accuracyValues(label, predicted(cand))), m.meanKernel(m.accuracyValues(label, predicted(base)))],
  [m.meanKernel(m.binaryLogLossValues(label, cand)), m.meanKernel(m.binaryLogLossValues(label, base))],
  [m.rocAucKernel(positive, cand), m.rocAucKernel(positive, base)]
].map(([c, b]) => ({ candidate: m.shapeOf(c), baseline: m.shapeOf(b), rows: null }))

const total = resamples * (measures + 1)
const plan = { n, units: n, unitOf: null, metrics: shapes, seed: 1, resamples: total, fused: m.fusedLayout(n, shapes), pairs: mode === 'pairs' }
const control = m.planControl(total, shapes.length)
const times = []
// Each measure runs `resamples` indexes of its own (fresh weights), the first one a warm-up.
for (let k = 0; k <= measures; k++) {
  const sub = {
    counter: new Int32Array(new SharedArrayBuffer(8)),
    done: control.done.subarray(k * resamples),
    values: control.values.subarray(k * resamples * 6)
  }
  const subPlan = { ...plan, seed: 1, resamples }
  const before = process.cpuUsage()
  // Resample indexes of this measure: its own seed offset keeps the weights fresh across measures.
  new m.PlanRunner({ ...subPlan, seed: 1 + k }).runAll(sub)
  const used = process.cpuUsage(before)
  if (k > 0) times.push((used.user + used.system) / 1000 / resamples)
}
times.sort((a, b) => a - b)
const hash = createHash('sha256').update(new Uint8Array(control.values.buffer)).digest('hex').slice(0, 16)
console.log(
  JSON.stringify({
    src: path.relative(repo, src) || src,
    mode,
    n,
    ties,
    msPerResample: +times[times.length >> 1].toFixed(3),
    all: times.map(t => +t.toFixed(2)),
    hash
  })
)
