// `retrain compare` on binary predictions (accuracy, log loss and ROC AUC of two models, 1,000
// paired resamples), run through the built CLI, side by side with NumPy's best form of the same
// computation (bench/metrics-numpy.py: one global sort, bincount, multinomial or Poisson weights, weights @ the
// per-example vectors, weighted cumulative sums for AUC, 2 threads, every resample run), in
// alternating rounds; medians, peak memory of both sides, and an estimated floor for the bootstrap
// (ours is the difference between runs with all resamples and with 100, scaled), measured in every
// round right after our runs, the ratio being the median of the rounds' ratios:
//   bytes one resample must touch x resamples / measured memory bandwidth + the random draws,
//   both spread over the threads (one resample's bytes, even where a pass of ours serves two).
// Both sides' point metrics must agree to 1e-9, and their bounds must be statistically alike.
//
//   node bench/metrics.bench.mjs            (needs `npm run build` first)
//   BENCH_METRICS_N=1000000 BENCH_METRICS_RESAMPLES=1000 BENCH_ROUNDS=3 BENCH_METRICS_TIES=1
// BENCH_METRICS_TIES=1 rounds the scores to 2 decimals (heavy ties) and adds a run at 5x the rows.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

const n = Number(process.env.BENCH_METRICS_N ?? 1_000_000)
const resamples = Number(process.env.BENCH_METRICS_RESAMPLES ?? 1000)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const ties = process.env.BENCH_METRICS_TIES === '1'
if (!Number.isInteger(n) || n < 1000) throw new Error(`BENCH_METRICS_N must be an integer >= 1000, got ${process.env.BENCH_METRICS_N}`)
if (!Number.isInteger(resamples) || resamples < 100) throw new Error(`BENCH_METRICS_RESAMPLES must be an integer >= 100 (the spec's minimum)`)
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 20) throw new Error('BENCH_ROUNDS must be an integer from 1 to 20')
const PYTHON = '/usr/bin/python3'
const THREADS = Math.min(availableParallelism(), 4)
// A hung child must not hang the bench; NumPy's side takes about 20 s a round here.
const childTimeoutMs = 1_800_000

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist/cli.js')
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first')
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
const work = mkdtempSync(path.join(tmpdir(), 'metrics-bench-'))

/** Two models on the same labels, B (the candidate) a little better; a fixed stream, so every run writes the same files. */
function writePredictions(rows, round) {
  let state = 2026
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296
  const gaussian = () => Math.sqrt(-2 * Math.log(next() + 2 ** -33)) * Math.cos(2 * Math.PI * next())
  const text = x => (round ? String(Math.round(x * 100) / 100) : x.toPrecision(12))
  const files = { candidate: path.join(work, `candidate-${rows}.csv`), baseline: path.join(work, `baseline-${rows}.csv`) }
  const parts = { candidate: ['id,label,score,prediction\n'], baseline: ['id,label,score,prediction\n'] }
  for (let i = 0; i < rows; i++) {
    const y = next() < 0.3 ? 1 : 0
    const sign = y === 1 ? 1 : -1
    const b = text(1 / (1 + Math.exp(-(sign * 1.05 + gaussian()))))
    const a = text(1 / (1 + Math.exp(-(sign * 1.0 + gaussian()))))
    parts.candidate.push(`${i},${y},${b},${Number(b) >= 0.5 ? 1 : 0}\n`)
    parts.baseline.push(`${i},${y},${a},${Number(a) >= 0.5 ? 1 : 0}\n`)
  }
  for (const who of ['candidate', 'baseline']) writeFileSync(files[who], parts[who].join(''))
  return files
}

const SPEC = `model: bench
data:
  eval: eval.csv
steps:
  - name: Train
    run: "true"
evaluate:
  run: "true"
  data: eval
  predictions: { task: binary }
  bootstrap: { resamples: ${resamples}, seed: 1, interval: percentile }
metrics:
${['accuracy', 'log-loss', 'roc-auc']
  .map(m => `  ${m}:\n    goal: ${m === 'log-loss' ? 'minimize' : 'maximize'}\n    compute: ${m}\n    change:\n      - { margin: 0, confidence: 0.95 }`)
  .join('\n')}
promotion: { mode: auto, first-model: promote }
`
writeFileSync(path.join(work, 'retrain.yml'), SPEC)
// The same with the spec's fewest resamples: the difference of the two runs is the bootstrap's cost.
writeFileSync(path.join(work, 'few.yml'), SPEC.replace(`resamples: ${resamples},`, 'resamples: 100,'))
writeFileSync(path.join(work, 'eval.csv'), 'x\n1\n')

/** Runs a command, timing it; peak RSS from GNU time when present. */
function timed(command, args, env = {}) {
  const full = gnuTime ? [gnuTime, '-f', '%M', command, ...args] : [command, ...args]
  const t0 = process.hrtime.bigint()
  const res = spawnSync(full[0], full.slice(1), {
    cwd: work,
    encoding: 'utf8',
    timeout: childTimeoutMs,
    maxBuffer: 1 << 26,
    env: { ...process.env, ...env }
  })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  if (res.error || res.status !== 0)
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed: ${res.error?.message ?? res.stderr.trim().split('\n').slice(-3).join('\n')}`)
  const peakMB = gnuTime ? Number(res.stderr.trim().split('\n').at(-1)) / 1024 : Number.NaN
  return { seconds, peakMB, stdout: res.stdout }
}

function ours(files, spec = 'retrain.yml') {
  const r = timed(process.execPath, [cli, 'compare', '--spec', spec, '--candidate', files.candidate, '--baseline', files.baseline, '--json'])
  const out = JSON.parse(r.stdout)
  const rule = m => out.rules.find(x => x.metric === m)
  const names = ['accuracy', 'log-loss', 'roc-auc']
  return {
    ...r,
    candidate: names.map(m => out.candidate[m]),
    baseline: names.map(m => out.baseline[m]),
    lower: names.map(m => rule(m).bound),
    upper: names.map(m => rule(m).interval.upper)
  }
}

let numpyMissing = null
function numpy(files) {
  if (numpyMissing) return null
  try {
    const r = timed(PYTHON, [path.join(repo, 'bench/metrics-numpy.py'), files.candidate, files.baseline, String(resamples), '1', String(THREADS)])
    return { ...r, ...JSON.parse(r.stdout), peakMB: gnuTime ? r.peakMB : JSON.parse(r.stdout).peakMB }
  } catch (err) {
    numpyMissing = `${err.message.split('\n').at(-1)} (needs ${PYTHON} with python3-numpy)`
    return null
  }
}

/**
 * Memory bandwidth: each of `threads` threads reads its own Float64Array of 256 MB / threads, one
 * double per 64-byte cache line (the memory system still moves every line), so the loop's own
 * arithmetic does not bound it: a sum of every double runs no faster from memory than from L2 here,
 * and measured about 30% below the bandwidth this finds. GB/s, best of 3.
 */
async function bandwidth(threads) {
  const code = `
const { parentPort, workerData } = require('node:worker_threads')
const a = new Float64Array(workerData.bytes / 8)
for (let i = 0; i < a.length; i++) a[i] = i & 7
function sum(a) { let s0 = 0, s1 = 0, s2 = 0, s3 = 0; for (let i = 0; i + 31 < a.length; i += 32) { s0 += a[i]; s1 += a[i + 8]; s2 += a[i + 16]; s3 += a[i + 24] } return s0 + s1 + s2 + s3 }
sum(a)
parentPort.on('message', () => { sum(a); parentPort.postMessage(0) })
parentPort.postMessage('ready')`
  const bytes = 256 * 1024 * 1024
  const workers = Array.from({ length: threads }, () => new Worker(code, { eval: true, workerData: { bytes: bytes / threads } }))
  await Promise.all(workers.map(w => new Promise(resolve => w.once('message', resolve))))
  let best = 0
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now()
    await Promise.all(workers.map(w => new Promise(resolve => (w.once('message', resolve), w.postMessage(0)))))
    best = Math.max(best, bytes / 1e9 / ((performance.now() - t0) / 1000))
  }
  await Promise.all(workers.map(w => w.terminate()))
  return best
}

/** The bootstrap's generator (src/metrics/random.ts, as bundled into dist/bootstrap-worker.mjs's chunk), built once; its URL. */
async function loadDrawer() {
  const { build } = await import('esbuild')
  const file = path.join(work, 'random.mjs')
  await build({
    stdin: { contents: "export { Random, drawWeights } from './src/metrics/random.ts'", resolveDir: repo, loader: 'ts' },
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning'
  })
  return pathToFileURL(file).href
}

/**
 * One resample's Poisson(1) weights, as the bootstrap draws them, on `threads` threads at once (as the
 * bootstrap runs): each thread draws DRAW_BATCH resamples after 3 to warm up, and the time is the wall
 * time of the batch over DRAW_BATCH, median of 5. Drawing on one thread alone and dividing by the
 * threads assumed every thread a core of its own, which a machine shared with other jobs does not
 * give the bootstrap either; measured so, the draws cost the floor what they cost our runs.
 */
async function drawSeconds(file, rows, threads) {
  const code = `
const { parentPort, workerData } = require('node:worker_threads')
import(workerData.file).then(({ Random, drawWeights }) => {
  const counts = new Uint8Array(workerData.rows)
  const random = new Random(0)
  for (let b = 0; b < 3; b++) drawWeights(random, 1, b, counts)
  parentPort.on('message', batch => { for (let b = 0; b < batch; b++) drawWeights(random, 1, b, counts); parentPort.postMessage(0) })
  parentPort.postMessage('ready')
})`
  const workers = Array.from({ length: threads }, () => new Worker(code, { eval: true, workerData: { file, rows } }))
  try {
    await Promise.all(workers.map(w => new Promise(resolve => w.once('message', resolve))))
    const times = []
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now()
      await Promise.all(workers.map(w => new Promise(resolve => (w.once('message', resolve), w.postMessage(DRAW_BATCH)))))
      times.push((performance.now() - t0) / 1000 / DRAW_BATCH)
    }
    return median(times)
  } finally {
    await Promise.all(workers.map(w => w.terminate()))
  }
}
const DRAW_BATCH = 20

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const s = x => `${x.toFixed(2)} s`
const mb = x => (Number.isFinite(x) ? `${Math.round(x)} MB` : '—')

try {
  const load = loadavg()
  console.log(
    `${n.toLocaleString('en-US')} binary predictions${ties ? ' with scores rounded to 2 decimals (heavy ties)' : ''}, two models; accuracy, log loss, ROC AUC; ` +
      `${resamples.toLocaleString('en-US')} paired resamples, one-sided 95% percentile bounds; ${rounds} alternating rounds, medians; ` +
      `${availableParallelism()} CPUs, load average ${load.map(v => v.toFixed(2)).join(' ')} at the start\n`
  )
  const files = writePredictions(n, ties)
  const drawer = await loadDrawer()
  // The floor of the bootstrap: what every resample must read (its weights, each model's per-example
  // log loss as a double, the labels and whether each prediction is right, the baseline's sort order
  // as 32-bit indexes), at the machine's bandwidth, plus drawing the weights; both over the threads.
  // The bytes are one resample's, however many resamples a pass of ours handles at once. Measured in
  // every round, right after our runs, so that a round's ratio compares times taken under the same load.
  const bytesPerExample = 1 + 2 * 8 + 1 + 4
  const floorOf = async () => {
    const bw = await bandwidth(THREADS)
    const draw = await drawSeconds(drawer, n, THREADS)
    const memory = (bytesPerExample * n * resamples) / (bw * 1e9)
    const draws = (draw * resamples) / THREADS
    return { bw, draw, memory, draws, seconds: memory + draws }
  }
  const oursRuns = []
  const numpyRuns = []
  const floors = []
  for (let r = 0; r < rounds; r++) {
    const full = ours(files)
    const few = resamples > 100 ? ours(files, 'few.yml').seconds : Number.NaN
    // Per resample from the difference of the full and the 100-resample runs.
    oursRuns.push({ ...full, few, bootstrap: ((full.seconds - few) / (resamples - 100)) * resamples })
    floors.push(await floorOf())
    const np = numpy(files)
    if (np) numpyRuns.push(np)
    process.stderr.write(
      `round ${r + 1}: retrain ${s(oursRuns.at(-1).seconds)} (bootstrap ${s(oursRuns.at(-1).bootstrap)}, floor ${s(floors.at(-1).seconds)})` +
        `${np ? `, NumPy ${s(np.seconds)} (bootstrap ${s(np.bootstrap)})` : ''}; load ${loadavg()[0].toFixed(1)}\n`
    )
  }
  const bw = median(floors.map(f => f.bw))
  const draw = median(floors.map(f => f.draw))
  const floorMemory = median(floors.map(f => f.memory))
  const floorDraw = median(floors.map(f => f.draws))
  const floor = median(floors.map(f => f.seconds))
  const ratio = median(oursRuns.map((x, r) => x.bootstrap / floors[r].seconds))
  const o = { seconds: median(oursRuns.map(x => x.seconds)), peakMB: Math.max(...oursRuns.map(x => x.peakMB)) }
  o.bootstrap = median(oursRuns.map(x => x.bootstrap))
  o.before = o.seconds - o.bootstrap
  console.log('| implementation | read + sort + metrics | bootstrap | total | peak memory | vs NumPy |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  let np = null
  if (numpyRuns.length) {
    np = {
      seconds: median(numpyRuns.map(x => x.seconds)),
      bootstrap: median(numpyRuns.map(x => x.bootstrap)),
      before: median(numpyRuns.map(x => x.read + x.prepare)),
      peakMB: Math.max(...numpyRuns.map(x => x.peakMB))
    }
  }
  console.log(
    `| \`retrain compare\` (built CLI, ${THREADS} threads) | ${s(o.before)} | ${s(o.bootstrap)} | ${s(o.seconds)} | ${mb(o.peakMB)} | ${np ? `${(np.seconds / o.seconds).toFixed(2)}x faster` : '—'} |`
  )
  if (np) {
    console.log(
      `| NumPy best form (${numpyRuns[0].counts} weights, ${THREADS} threads, python3 process) | ${s(np.before)} | ${s(np.bootstrap)} | ${s(np.seconds)} | ${mb(np.peakMB)} | 1x |`
    )
  } else console.log(`\nNumPy side skipped: ${numpyMissing}`)
  console.log(
    `| floor of the bootstrap (estimate) | — | ${s(floor)} | — | — | our bootstrap is ${ratio.toFixed(2)}x the floor (median of the rounds' ratios; ${(o.bootstrap / floor).toFixed(2)}x of the medians) |`
  )
  console.log(
    `\nfloor (medians of the rounds): ${bytesPerExample} bytes an example x ${n.toLocaleString('en-US')} x ${resamples} resamples / ${bw.toFixed(1)} GB/s (${THREADS} threads reading 256 MB, a double per cache line) = ${s(floorMemory)}, ` +
      `+ drawing the weights ${(draw * 1000).toFixed(1)} ms a resample x ${resamples} / ${THREADS} threads = ${s(floorDraw)}; ` +
      `rounds: ${oursRuns.map((x, r) => `${s(x.bootstrap)} / ${s(floors[r].seconds)} = ${(x.bootstrap / floors[r].seconds).toFixed(2)}x`).join(', ')}`
  )
  if (np) {
    const last = oursRuns.at(-1)
    const numpyLast = numpyRuns.at(-1)
    const worst = Math.max(
      ...[0, 1, 2].flatMap(k => [Math.abs(last.candidate[k] - numpyLast.candidate[k]), Math.abs(last.baseline[k] - numpyLast.baseline[k])])
    )
    console.log(`point metrics agree with NumPy's to ${worst.toExponential(1)} (candidate ${last.candidate.map(v => v.toFixed(6)).join(', ')})`)
    if (worst > 1e-9) throw new Error('the point metrics differ from NumPy by more than 1e-9')
    // Each side's 5% quantile has a Monte Carlo error of about 0.067 bootstrap SDs at 1,000 resamples;
    // two independent ones differ by more than 0.4 SD (about 4 standard errors) rarely.
    const alike = [0, 1, 2].map(k => {
      const sd = (last.upper[k] - last.lower[k]) / (2 * 1.645)
      return { k, z: Math.abs(last.lower[k] - numpyLast.lower[k]) / sd, sd }
    })
    console.log(
      `lower bounds: ours ${last.lower.map(v => v.toFixed(5)).join(', ')}; NumPy ${numpyLast.lower.map(v => v.toFixed(5)).join(', ')}; ` +
        `differences in bootstrap SDs ${alike.map(a => a.z.toFixed(2)).join(', ')} (alike below 0.4)`
    )
    if (alike.some(a => a.z > 0.4 * Math.sqrt(1000 / resamples))) throw new Error('the bounds differ from NumPy more than resampling explains')
    const fast = np.seconds / o.seconds >= 2
    console.log(
      `aims (issue 14): 2x faster than NumPy: ${fast ? 'met' : 'NOT met'}; peak under 300 MB: ${o.peakMB < 300 ? 'met' : 'NOT met'}; bootstrap within 2x of the floor: ${ratio <= 2 ? 'met' : 'NOT met'}`
    )
  }
  console.log(
    `load average at the end: ${loadavg()
      .map(v => v.toFixed(2))
      .join(' ')}`
  )
  if (ties) {
    // Time and memory grow at most linearly with the rows under heavy ties.
    const bigger = writePredictions(5 * n, true)
    const big = ours(bigger)
    const small = median(oursRuns.map(x => x.seconds))
    console.log(
      `\nties, ${(5 * n).toLocaleString('en-US')} rows: ${s(big.seconds)}, ${mb(big.peakMB)} peak; ${(big.seconds / small).toFixed(2)}x the time of ${n.toLocaleString('en-US')} rows (linear: 5x)`
    )
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
