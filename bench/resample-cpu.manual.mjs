// CPU time of one bootstrap resample on ONE thread, outside `retrain compare`: the bench's data
// (bench/metrics.bench.mjs: 1,000,000 binary predictions, scores of 12 digits, or rounded with
// BENCH_METRICS_TIES=1), accuracy, log loss and ROC AUC of both models, examples in the candidate's
// score order as `retrain compare` puts them, resamples run by the plan's runner (src/metrics/
// resample-plan.ts) as a thread of the bootstrap runs them. Several source trees side by side in
// one process, their measures interleaved (each of `resamples` fresh resamples), so that other
// work on the machine weighs on all of them alike; prints each tree's median and least CPU ms a
// resample, the median of its ratios to the first tree's measure of the same round (of the whole
// resample, and of the rest after the draws), a hash of all
// its values (equal hashes: bit-identical values), and the CPU ms of drawing a resample's weights
// alone (drawWeights), so that the rest of a resample's CPU shows apart from the draws:
//
//   node bench/resample-cpu.manual.mjs [src dir ...]   (default ./src)
//   BENCH_CPU_N, BENCH_CPU_RESAMPLES (a measure), BENCH_CPU_MEASURES, BENCH_CPU_SINGLE=1 (a resample a pass)
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const trees = (process.argv.length > 2 ? process.argv.slice(2) : [path.join(repo, 'src')]).map(d => path.resolve(d))
const n = Number(process.env.BENCH_CPU_N ?? 1_000_000)
const resamples = Number(process.env.BENCH_CPU_RESAMPLES ?? 40)
const measures = Number(process.env.BENCH_CPU_MEASURES ?? 5)
const pairs = process.env.BENCH_CPU_SINGLE !== '1'
const ties = process.env.BENCH_METRICS_TIES === '1'
if (!(Number.isInteger(n) && n >= 1000 && n <= 2 ** 30)) throw new Error('BENCH_CPU_N must be an integer from 1000 to 2^30')
if (!(measures >= 1 && measures <= 50 && resamples >= 4 && resamples <= 1000)) throw new Error('BENCH_CPU_MEASURES 1..50, BENCH_CPU_RESAMPLES 4..1000')

const dir = mkdtempSync(path.join(tmpdir(), 'resample-cpu-'))
const modules = []
for (const [t, src] of trees.entries()) {
  const file = f => JSON.stringify(path.join(src, 'metrics', f))
  const entry = `
export { fusedLayout } from ${file('fused-pass.ts')}
export { accuracyValues, binaryLogLossValues, meanKernel, rocAucKernel, shapeOf, sortByScore } from ${file('kernels.ts')}
export { drawWeights, Random } from ${file('random.ts')}
export { PlanRunner, planControl } from ${file('resample-plan.ts')}
`
  const outfile = path.join(dir, `tree-${t}.mjs`)
  await build({ stdin: { contents: entry, resolveDir: src, loader: 'ts' }, outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' })
  modules.push(await import(pathToFileURL(outfile).href))
}
const m0 = modules[0]

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
const order = m0.sortByScore(cand, Uint8Array.from(label))
const pick = (a, C) => C.from(order, i => a[i])
label = pick(label, Int32Array)
cand = pick(cand, Float64Array)
base = pick(base, Float64Array)
const positive = Uint8Array.from(label)
const predicted = s => Int32Array.from(s, v => (v >= 0.5 ? 1 : 0))

const runs = modules.map(m => {
  const shapes = [
    [m.meanKernel(m.accuracyValues(label, predicted(cand))), m.meanKernel(m.accuracyValues(label, predicted(base)))],
    [m.meanKernel(m.binaryLogLossValues(label, cand)), m.meanKernel(m.binaryLogLossValues(label, base))],
    [m.rocAucKernel(positive, cand), m.rocAucKernel(positive, base)]
  ].map(([c, b]) => ({ candidate: m.shapeOf(c), baseline: m.shapeOf(b), rows: null }))
  const plan = { n, units: n, unitOf: null, metrics: shapes, seed: 1, resamples, fused: m.fusedLayout(n, shapes), pairs }
  return { m, plan, times: [], hash: createHash('sha256'), draws: [], weights: new Uint8Array(n), random: new m.Random(0) }
})

const cpu = f => {
  const before = process.cpuUsage()
  f()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}
// Measure k runs resamples 0 .. resamples-1 of seed 1 + k in every tree (the first measure a warm-up).
for (let k = 0; k <= measures; k++) {
  for (const run of runs) {
    const control = run.m.planControl(resamples, run.plan.metrics.length)
    const ms = cpu(() => new run.m.PlanRunner({ ...run.plan, seed: 1 + k }).runAll(control))
    run.hash.update(new Uint8Array(control.values.buffer))
    const draw = cpu(() => {
      for (let b = 0; b < resamples; b++) run.m.drawWeights(run.random, 100 + k, b, run.weights)
    })
    if (k === 0) continue
    run.times.push(ms / resamples)
    run.draws.push(draw / resamples)
  }
}
const median = a => [...a].sort((x, y) => x - y)[a.length >> 1]
console.log(
  `${n} examples, ${ties ? 'scores rounded to 2 decimals' : 'scores of 12 digits'}, ${pairs ? 'pairs' : 'a resample a pass'}; CPU ms a resample, ${measures} measures of ${resamples}`
)
console.log('| tree | median | least | vs first (median of rounds) | draws alone | rest | rest vs first (median of rounds) | values hash |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
for (const [t, run] of runs.entries()) {
  const ratio = median(run.times.map((x, k) => x / runs[0].times[k]))
  const draw = median(run.draws)
  const first = runs[0]
  const restRatio = median(run.times.map((x, k) => (x - run.draws[k]) / (first.times[k] - first.draws[k])))
  console.log(
    `| ${path.relative(repo, trees[t]) || trees[t]} | ${median(run.times).toFixed(3)} | ${Math.min(...run.times).toFixed(3)} | ${ratio.toFixed(3)} | ${draw.toFixed(3)} | ${(median(run.times) - draw).toFixed(3)} | ${restRatio.toFixed(3)} | ${run.hash.digest('hex').slice(0, 16)} |`
  )
}
