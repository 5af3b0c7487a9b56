// Data profiling and drift on BENCH_DRIFT_ROWS rows (default 1,000,000) x 20 columns (16 numbers,
// 4 categories) of CSV, against NumPy/scipy doing the same work side by side: read the reference file
// and profile it (count, missing, min, max, mean, std, category counts), then read the new file and
// compare it per feature (PSI on the reference's deciles, two-sample KS for numbers, chi-square for
// categories). Both sides include reading the CSV; NumPy reads it with np.loadtxt (its C reader).
// scipy's KS uses every reference value; ours uses the profile's sample of 2,000 (docs/drift.md), so
// ours keeps bounded memory. Each side runs in its own process; peak RSS is that process's.
// Usage: BENCH_DRIFT_ROWS=1000000 node bench/drift.bench.mjs. Aim: faster than NumPy, bounded memory.
import { spawnSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const rows = Number(process.env.BENCH_DRIFT_ROWS ?? 1_000_000)
if (!Number.isInteger(rows) || rows < 1000) throw new Error(`BENCH_DRIFT_ROWS must be an integer >= 1000, got ${process.env.BENCH_DRIFT_ROWS}`)
const PYTHON = '/usr/bin/python3'
const NUMBERS = 16
const CATEGORIES = 4
const childTimeoutMs = 900_000
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = await mkdtemp(path.join(tmpdir(), 'drift-bench-'))

/** A seeded generator: the same files every run. */
function generator(seed) {
  let s = seed >>> 0
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { uniform, normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()) }
}

async function writeData(file, seed, shift) {
  const g = generator(seed)
  const out = createWriteStream(file)
  const header = [...Array.from({ length: NUMBERS }, (_, c) => `x${c}`), ...Array.from({ length: CATEGORIES }, (_, c) => `c${c}`)]
  let chunk = header.join(',') + '\n'
  for (let r = 0; r < rows; r++) {
    const cells = []
    for (let c = 0; c < NUMBERS; c++) cells.push((10 * c + (c < 4 ? shift : 0) + (1 + c) * g.normal()).toFixed(4))
    for (let c = 0; c < CATEGORIES; c++) cells.push(`v${Math.floor(g.uniform() ** (c === 0 ? 1 + shift / 4 : 1) * (5 + 5 * c))}`)
    chunk += cells.join(',') + '\n'
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise(resolve => out.once('drain', resolve))
      chunk = ''
    }
  }
  out.end(chunk)
  await new Promise(resolve => out.on('finish', resolve))
}

const OURS = `
import { profileData } from './src/engine/profile.ts'
import { compareInput } from './src/engine/drift.ts'
const [reference, current] = process.argv.slice(2)
const input = (file) => ({ name: 'train', absolutePaths: [file], files: [], fingerprint: '' })
const t0 = performance.now()
const ref = await profileData('/', [input(reference)])
const t1 = performance.now()
const { passes } = await profileData('/', [input(current)], ref.profile.inputs)
const drift = compareInput('train', ref.profile.inputs.train, passes.get('train'), { psi: 0.2, ksP: 0.01, chi2P: 0.01 })
const t2 = performance.now()
const drifted = drift.features.filter(f => f.drifted).map(f => f.column)
console.log(JSON.stringify({ profile: (t1 - t0) / 1000, drift: (t2 - t1) / 1000, rssMB: process.resourceUsage().maxRSS / 1024, drifted }))
`

const NUMPY = `
import json, resource, sys, time
import numpy as np
from scipy import stats
reference, current, numbers, categories = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def read(f):
    x = np.loadtxt(f, delimiter=',', skiprows=1, usecols=range(numbers), dtype=np.float64)
    c = np.loadtxt(f, delimiter=',', skiprows=1, usecols=range(numbers, numbers + categories), dtype=str)
    return x, c
def profile(x, c):
    out = []
    for j in range(x.shape[1]):
        col = x[:, j]
        out.append((len(col), int(np.isnan(col).sum()), np.nanmin(col), np.nanmax(col), np.nanmean(col), np.nanstd(col, ddof=1)))
    cats = [np.unique(c[:, j], return_counts=True) for j in range(c.shape[1])]
    return out, cats
def psi(a, b):
    a, b = np.maximum(a, 1e-4), np.maximum(b, 1e-4)
    return float(np.sum((b - a) * np.log(b / a)))
t0 = time.perf_counter()
rx, rc = read(reference)
rprofile, rcats = profile(rx, rc)
t1 = time.perf_counter()
cx, cc = read(current)
profile(cx, cc)
drifted = []
for j in range(cx.shape[1]):
    a, b = rx[:, j], cx[:, j]
    edges = np.unique(np.quantile(a, np.arange(1, 10) / 10))
    pa = np.bincount(np.searchsorted(edges, a, side='right'), minlength=len(edges) + 1) / len(a)
    pb = np.bincount(np.searchsorted(edges, b, side='right'), minlength=len(edges) + 1) / len(b)
    ks = stats.ks_2samp(a, b, method='asymp')
    if psi(pa, pb) > 0.2 or ks.pvalue < 0.01: drifted.append('x%d' % j)
for j in range(cc.shape[1]):
    values, counts = rcats[j]
    new = dict(zip(*np.unique(cc[:, j], return_counts=True)))
    keys = sorted(set(values) | set(new))
    ref = dict(zip(values, counts))
    table = np.array([[ref.get(k, 0) for k in keys], [new.get(k, 0) for k in keys]])
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    if psi(table[0] / table[0].sum(), table[1] / table[1].sum()) > 0.2 or p < 0.01: drifted.append('c%d' % j)
t2 = time.perf_counter()
print(json.dumps({'profile': t1 - t0, 'drift': t2 - t1, 'rssMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'drifted': drifted}))
`

function child(command, args) {
  const res = spawnSync(command, args, { encoding: 'utf8', timeout: childTimeoutMs, maxBuffer: 1 << 24 })
  if (res.status !== 0) throw new Error(`${command} failed (${res.status ?? res.signal}): ${res.stderr}`)
  return JSON.parse(res.stdout.trim().split('\n').pop())
}

try {
  const reference = path.join(work, 'reference.csv')
  const current = path.join(work, 'current.csv')
  await writeData(reference, 1, 0)
  await writeData(current, 2, 0.5)
  const oursFile = path.join(work, 'ours.mjs')
  await build({
    stdin: { contents: OURS, resolveDir: repo, loader: 'ts' },
    outfile: oursFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning'
  })
  const numpyFile = path.join(work, 'numpy_side.py')
  await writeFile(numpyFile, NUMPY)
  const ours = child(process.execPath, [oursFile, reference, current])
  const numpy = child(PYTHON, [numpyFile, reference, current, String(NUMBERS), String(CATEGORIES)])
  const f = s => s.toFixed(2)
  console.log(
    `${rows.toLocaleString('en-US')} rows x ${NUMBERS + CATEGORIES} columns (${NUMBERS} numbers, ${CATEGORIES} categories), CSV; Node ${process.version}\n`
  )
  console.log('| side | profile s (read + profile the reference) | drift s (read + profile + compare the new data) | total s | vs NumPy/scipy | peak RSS MB |')
  console.log('| --- | --- | --- | --- | --- | --- |')
  const total = s => s.profile + s.drift
  console.log(
    `| retrain-action | ${f(ours.profile)} | ${f(ours.drift)} | ${f(total(ours))} | ${(total(numpy) / total(ours)).toFixed(2)}x faster | ${ours.rssMB.toFixed(0)} |`
  )
  console.log(`| NumPy ${'loadtxt'} + scipy.stats | ${f(numpy.profile)} | ${f(numpy.drift)} | ${f(total(numpy))} | 1.00x | ${numpy.rssMB.toFixed(0)} |`)
  console.log(`\nDrifted features: ours ${ours.drifted.join(', ') || 'none'}; NumPy/scipy ${numpy.drifted.join(', ') || 'none'}.`)
} finally {
  await rm(work, { recursive: true, force: true })
}
