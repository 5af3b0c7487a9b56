// The run-cache: a rerun whose preprocessing step is restored from the cache, against the first run
// that computed it, side by side with the step alone outside the tool (NumPy, the reference for what
// the computation costs) and with the same run without that step (the tool's own overhead). Medians,
// and the peak RSS of the process tree.
// Aim (issue 12): the rerun with a hit costs only the tool's overhead, plus copying the outputs.
//
//   node bench/cache.bench.mjs [ROWS]   (default 300000 rows x 12 columns; BENCH_ROUNDS, default 5)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist/cli.js')
const rows = Number(process.argv[2] ?? 300_000)
const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3'
const dir = mkdtempSync(path.join(os.tmpdir(), 'retrain-bench-cache-'))

// Data: rows x 12 numeric columns, deterministic.
mkdirSync(path.join(dir, 'data'))
{
  let seed = 42
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 10 - 5
  const cols = 12
  const lines = [Array.from({ length: cols }, (_, j) => `x${j}`).join(',')]
  for (let i = 0; i < rows; i++) lines.push(Array.from({ length: cols }, () => next().toFixed(4)).join(','))
  writeFileSync(path.join(dir, 'data/train.csv'), lines.join('\n') + '\n')
  writeFileSync(path.join(dir, 'data/eval.csv'), 'x\n1\n')
}
// The step: standardize, add every pairwise product (78 features), write them as .npy.
writeFileSync(
  path.join(dir, 'features.py'),
  `import sys, numpy as np
x = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1)
z = (x - x.mean(axis=0)) / x.std(axis=0)
i, j = np.triu_indices(z.shape[1], 1)
np.save(sys.argv[2], np.hstack([z, z[:, i] * z[:, j]]).astype(np.float32))
`
)
mkdirSync(path.join(dir, 'features'), { recursive: true })
const rest = `  - name: Model
    shell: sh
    run: |
      test -s features/x.npy && : > "$RETRAIN_MODEL_DIR/model"
evaluate:
  shell: sh
  run: |
    printf '{"m": 1}' > "$RETRAIN_METRICS_FILE"
  data: eval
metrics:
  m: { goal: maximize, min: 0 }
promotion: { mode: auto, first-model: promote }
`
const head = `model: bench
root: .
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
`
writeFileSync(
  path.join(dir, 'cached.yml'),
  `${head}  - name: Features
    run: ${python} features.py "$RETRAIN_DATA_TRAIN" features/x.npy
    cache:
      outputs: [features/x.npy]
      data: [train]
      files: [features.py]
${rest}`
)
writeFileSync(path.join(dir, 'without.yml'), head + rest)

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null
function timed(command, args, env = {}) {
  const full = gnuTime ? [gnuTime, '-f', '%M', command, ...args] : [command, ...args]
  const t0 = process.hrtime.bigint()
  const res = spawnSync(full[0], full.slice(1), { cwd: dir, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (res.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed: ${res.stderr}`)
  const kib = gnuTime ? Number(res.stderr.trim().split('\n').at(-1)) : NaN
  return { ms, mb: kib / 1024 }
}
const run = (spec, cache, out) =>
  timed(process.execPath, [cli, 'run', '--spec', spec, '--dry-run', '--out', path.join(dir, 'out', out)], { RETRAIN_CACHE: cache })
const restoredOf = out => JSON.parse(readFileSync(path.join(dir, 'out', out, 'result.json'), 'utf8')).steps[0]?.cache?.restored

const cases = [
  { name: 'the step alone, outside the tool (NumPy: the reference)', run: () => timed(python, ['features.py', 'data/train.csv', 'features/x.npy']) },
  {
    name: 'first run: a miss, the step runs and its output is stored',
    run: i => {
      const r = run('cached.yml', path.join(dir, `cache-${i}`), `first-${i}`)
      if (restoredOf(`first-${i}`) !== false) throw new Error('the first run was not a miss')
      return r
    }
  },
  {
    name: 'rerun: a hit, the output is restored',
    run: i => {
      const r = run('cached.yml', path.join(dir, `cache-${i}`), `hit-${i}`)
      if (restoredOf(`hit-${i}`) !== true) throw new Error('the rerun was not a hit')
      return r
    }
  },
  { name: "the same run without the step (the tool's overhead)", run: i => run('without.yml', path.join(dir, 'unused'), `without-${i}`) }
]
const samples = cases.map(() => ({ ms: [], mb: [] }))
let outputBytes
try {
  for (const c of cases) c.run('warm')
  outputBytes = statSync(path.join(dir, 'features/x.npy')).size
  for (let i = 0; i < rounds; i++) {
    for (const [k, c] of cases.entries()) {
      const { ms, mb } = c.run(i)
      samples[k].ms.push(ms)
      samples[k].mb.push(mb)
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const first = median(samples[1].ms)
const hit = median(samples[2].ms)
const overhead = median(samples[3].ms)
console.log(
  `node ${process.version}; ${rows} rows x 12 columns in, ${(outputBytes / 2 ** 20).toFixed(1)} MiB of features out; ` +
    `median of ${rounds} rounds, every case in turn within each round\n`
)
console.log('| measure | time | vs first run | peak RSS |')
console.log('| --- | --- | --- | --- |')
for (const [k, c] of cases.entries()) {
  const ms = median(samples[k].ms)
  const mb = Math.max(...samples[k].mb)
  console.log(`| ${c.name} | ${(ms / 1000).toFixed(2)} s | ${(ms / first).toFixed(2)}x | ${Number.isFinite(mb) ? `${mb.toFixed(0)} MB` : '-'} |`)
}
console.log('')
const extra = hit - overhead
const mib = outputBytes / 2 ** 20
console.log(
  `the rerun with a hit is ${(first / hit).toFixed(1)}x faster than the first run and ${(hit / overhead).toFixed(2)}x the run without the step: ` +
    (extra > 0
      ? `${extra.toFixed(0)} ms more, for the key and restoring ${mib.toFixed(1)} MiB with its checksums (${(mib / (extra / 1000)).toFixed(0)} MiB/s)`
      : `no more than the run-to-run noise, restoring ${mib.toFixed(1)} MiB with its checksums included`)
)
