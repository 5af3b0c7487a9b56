// Computed metrics plus a paired bootstrap on binary predictions (accuracy, log loss, ROC AUC of two
// models, 1,000 resamples), against a vectorized NumPy implementation of the same computation run
// side by side: sort once, each resample a vector of multinomial counts, AUC in one pass over the
// sorted order. Usage: BENCH_METRICS_N=1000000 BENCH_METRICS_RESAMPLES=1000 node bench/metrics.bench.mjs
// Prints a Markdown table. Aim: faster than NumPy, and under 10 s.
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const n = Number(process.env.BENCH_METRICS_N ?? 1_000_000)
const resamples = Number(process.env.BENCH_METRICS_RESAMPLES ?? 1000)
if (!Number.isInteger(n) || n < 100) throw new Error(`BENCH_METRICS_N must be an integer >= 100, got ${process.env.BENCH_METRICS_N}`)
if (!Number.isInteger(resamples) || resamples < 1)
  throw new Error(`BENCH_METRICS_RESAMPLES must be a positive integer, got ${process.env.BENCH_METRICS_RESAMPLES}`)
const AIM_SECONDS = 10
const PYTHON = '/usr/bin/python3'
// NumPy needs about 0.2 s a resample here: its bootstrap is timed over fewer resamples and scaled,
// so that `npm run bench` stays a few minutes long. Set it to the full count for an unscaled run.
const numpyResamples = Math.min(resamples, Number(process.env.BENCH_NUMPY_RESAMPLES ?? 100))
// NumPy's side does the same work, typically several times slower; a hung child must not hang the bench.
const childTimeoutMs = 600_000

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = await mkdtemp(path.join(tmpdir(), 'metrics-bench-'))

try {
  const moduleFile = path.join(work, 'metrics.mjs')
  await build({
    stdin: {
      contents: [
        "export { kernelOf } from './src/metrics/catalog.ts'",
        "export { pairedBootstrap, boundAt } from './src/metrics/bootstrap.ts'",
        "export { Random } from './src/metrics/random.ts'",
        "export { localityOrder, pickExamples, pickOutputs } from './src/metrics/examples.ts'"
      ].join('\n'),
      resolveDir: repo,
      loader: 'ts'
    },
    outfile: moduleFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning'
  })
  const { kernelOf, pairedBootstrap, boundAt, Random, localityOrder, pickExamples, pickOutputs } = await import(moduleFile)

  // Two models on the same labels: B separates the classes a little better than A.
  const random = new Random(2026)
  const gaussian = () => Math.sqrt(-2 * Math.log((random.next() + 1) / 4294967297)) * Math.cos((2 * Math.PI * random.next()) / 4294967296)
  const label = new Int32Array(n)
  const scoreA = new Float64Array(n)
  const scoreB = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    label[i] = random.next() < 0.3 * 4294967296 ? 1 : 0
    const sign = label[i] === 1 ? 1 : -1
    scoreA[i] = 1 / (1 + Math.exp(-(sign * 1.0 + gaussian())))
    scoreB[i] = 1 / (1 + Math.exp(-(sign * 1.05 + gaussian())))
  }
  const predicted = s => Int32Array.from(s, v => (v >= 0.5 ? 1 : 0))
  const columns = { label, scoreA, scoreB }
  for (const [name, values] of Object.entries(columns)) await writeFile(path.join(work, `${name}.bin`), new Uint8Array(values.buffer))

  const examples = {
    task: 'binary',
    n,
    ids: Array.from({ length: n }, (_, i) => String(i)),
    classes: ['0', '1'],
    labelClass: label,
    labelValue: new Float64Array(0),
    groups: null,
    slices: []
  }
  const outputs = s => ({ predictedClass: predicted(s), predictedValue: null, score: s, probabilities: null })
  const metricNames = ['accuracy', 'log-loss', 'roc-auc']
  const goals = { accuracy: 'maximize', 'log-loss': 'minimize', 'roc-auc': 'maximize' }

  // As the engine does (src/metrics/compare.ts): examples in the candidate's score order, then kernels.
  let t = performance.now()
  const locality = localityOrder(examples, outputs(scoreB))
  const ordered = pickExamples(examples, locality)
  const candidate = pickOutputs(outputs(scoreB), locality)
  const baseline = pickOutputs(outputs(scoreA), locality)
  const paired = metricNames.map(m => ({ candidate: kernelOf(m, ordered, candidate), baseline: kernelOf(m, ordered, baseline), goal: goals[m] }))
  const ones = new Uint8Array(n).fill(1)
  const ours = Object.fromEntries(metricNames.map((m, k) => [m, [paired[k].candidate(ones), paired[k].baseline(ones)]]))
  const oursPrepare = (performance.now() - t) / 1000
  t = performance.now()
  const distributions = pairedBootstrap(paired, n, { count: n, unitOf: null, kind: 'examples' }, { resamples, seed: 1, interval: 'percentile' })
  const oursLower = distributions.map(d => boundAt(d.absolute, d.point.absolute, 0.05, 'percentile', Number.NaN).value)
  const oursBootstrap = (performance.now() - t) / 1000

  // Long work shows progress: NumPy's side takes minutes at full size.
  process.stderr.write(`retrain-action: ${(oursPrepare + oursBootstrap).toFixed(2)} s; running the NumPy side...\n`)
  const script = path.join(work, 'numpy_side.py')
  await writeFile(
    script,
    `import json, sys, time
import numpy as np
work, n, resamples = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
label = np.fromfile(f"{work}/label.bin", dtype=np.int32)
scores = {"A": np.fromfile(f"{work}/scoreA.bin"), "B": np.fromfile(f"{work}/scoreB.bin")}
eps = np.finfo(np.float64).eps
t = time.perf_counter()
prepared = {}
for name, s in scores.items():
    correct = ((s >= 0.5).astype(np.int32) == label).astype(np.float64)
    p = np.clip(s, eps, 1 - eps)
    loss = -np.log(np.where(label == 1, p, 1 - p) / ((1 - p) + p))
    order = np.lexsort((label, s))  # by score, negatives first within ties
    pos = label[order].astype(np.float64)
    ss = s[order]
    starts = np.flatnonzero(np.r_[True, ss[1:] != ss[:-1]])
    run = np.cumsum(np.r_[True, ss[1:] != ss[:-1]]) - 1
    prepared[name] = (correct, loss, order, pos, run, len(starts))
def metrics(w, prep):
    correct, loss, order, pos, run, runs = prep
    total = w.sum()
    ws = w[order].astype(np.float64)
    pw = ws * pos
    neg = ws - pw
    cum = np.cumsum(neg)
    pairs = pw @ cum - 0.5 * (np.bincount(run, weights=pw, minlength=runs) @ np.bincount(run, weights=neg, minlength=runs))
    return np.array([w @ correct / total, w @ loss / total, pairs / (pw.sum() * neg.sum())])
ones = np.ones(n)
point = {k: metrics(ones, v) for k, v in prepared.items()}
prepare = time.perf_counter() - t
t = time.perf_counter()
rng = np.random.default_rng(1)
goal = np.array([1.0, -1.0, 1.0])
diffs = np.empty((resamples, 3))
for b in range(resamples):
    w = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float64)
    diffs[b] = goal * (metrics(w, prepared["B"]) - metrics(w, prepared["A"]))
diffs.sort(axis=0)
k = max(int(np.floor(0.05 * (resamples + 1))), 1) - 1
lower = diffs[k]
json.dump({"prepare": prepare, "bootstrap": time.perf_counter() - t, "point": {k: v.tolist() for k, v in point.items()}, "lower": lower.tolist()}, sys.stdout)
`
  )
  const res = spawnSync(PYTHON, [script, work, String(n), String(numpyResamples)], { encoding: 'utf8', timeout: childTimeoutMs, maxBuffer: 1 << 24 })
  let numpy = null
  if (res.error || res.status !== 0) {
    console.log(`NumPy side skipped: ${res.error ? res.error.message : res.stderr.trim().split('\n').at(-1)} (needs ${PYTHON} with python3-numpy)\n`)
  } else {
    numpy = JSON.parse(res.stdout)
  }
  if (numpy && numpyResamples < resamples) {
    numpy.bootstrap *= resamples / numpyResamples
    console.log(
      `NumPy's bootstrap was timed over ${numpyResamples} resamples and scaled to ${resamples.toLocaleString('en-US')} (BENCH_NUMPY_RESAMPLES sets how many)\n`
    )
  }

  const fmt = s => `${s.toFixed(2)} s`
  console.log(
    `${n.toLocaleString('en-US')} binary predictions of two models; metrics: ${metricNames.join(', ')}; ${resamples.toLocaleString('en-US')} paired resamples (multinomial counts), one-sided 95% percentile bounds\n`
  )
  console.log('| implementation | sort + metrics | bootstrap | total | vs NumPy |')
  console.log('| -------------- | -------------- | --------- | ----- | -------- |')
  const oursTotal = oursPrepare + oursBootstrap
  const numpyTotal = numpy ? numpy.prepare + numpy.bootstrap : null
  console.log(
    `| retrain-action (TypeScript) | ${fmt(oursPrepare)} | ${fmt(oursBootstrap)} | ${fmt(oursTotal)} | ${numpyTotal ? `${(numpyTotal / oursTotal).toFixed(2)}x faster` : '—'} |`
  )
  if (numpy) console.log(`| NumPy (vectorized) | ${fmt(numpy.prepare)} | ${fmt(numpy.bootstrap)} | ${fmt(numpyTotal)} | 1x |`)
  console.log()
  if (numpy) {
    // The two sides compute the same metrics; their point values must agree (the resamples differ by generator).
    const worst = Math.max(...metricNames.flatMap((m, k) => [Math.abs(ours[m][0] - numpy.point.B[k]), Math.abs(ours[m][1] - numpy.point.A[k])]))
    console.log(
      `point metrics agree with NumPy's to ${worst.toExponential(1)}; lower bounds: ours ${oursLower.map(v => v.toFixed(5)).join(', ')}, NumPy (${numpyResamples} resamples) ${numpy.lower.map(v => v.toFixed(5)).join(', ')}`
    )
    if (worst > 1e-9) throw new Error('the point metrics differ from NumPy by more than 1e-9')
  }
  console.log(`aim: under ${AIM_SECONDS} s and faster than NumPy: ${oursTotal < AIM_SECONDS && (!numpyTotal || oursTotal < numpyTotal) ? 'met' : 'NOT met'}`)
} finally {
  await rm(work, { recursive: true, force: true })
}
