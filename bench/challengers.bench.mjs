// Eight challengers of one plan on four parallel workers, against the same eight in sequence, through
// the built CLI (plan, run --challenger on each, select), with a local directory registry shared by
// all workers. Each challenger's training step waits BENCH_STEP_SECONDS (default 2): it stands for
// training on a runner of its own (a matrix job, a GPU machine), so what this measures is what the
// tool adds around the work and how well concurrent challengers share one registry. Reference: the
// same eight bare steps (the sleep alone, no tool) on four workers, the floor any orchestration has.
// Aim (issue 13): eight on four workers close to 2x one challenger's time, not 8x.
//
//   node bench/challengers.bench.mjs
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist/cli.js')
const stepSeconds = Number(process.env.BENCH_STEP_SECONDS ?? 2)
const CHALLENGERS = 8
const WORKERS = 4
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null

function specText() {
  const deltas = Array.from({ length: CHALLENGERS }, (_, i) => (i + 1) / 10)
  return `model: bench
root: .
params:
  delta: { type: number, default: 1 }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: |
      sleep ${stepSeconds}
      node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: 0
challengers:
  step: { delta: [${deltas.join(', ')}] }
promotion: { mode: auto, first-model: promote }
`
}

function project() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'retrain-bench-challengers-'))
  cpSync(path.join(repo, 'test/fixtures/toy'), dir, { recursive: true })
  writeFileSync(path.join(dir, 'retrain.yml'), specText())
  return dir
}

/** Runs one command; resolves with its wall time and peak RSS (MB, when GNU time is there). */
function timed(args, cwd) {
  const command = gnuTime ? [gnuTime, '-f', '%M', ...args] : args
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint()
    const child = spawn(command[0], command.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`))
      const mb = gnuTime ? Number(stderr.trim().split('\n').at(-1)) / 1024 : NaN
      resolve({ ms, mb, stdout })
    })
  })
}

/** Runs the jobs `workers` at a time; wall time and the largest peak RSS of any job. */
async function pool(jobs, workers) {
  const t0 = process.hrtime.bigint()
  let next = 0
  let peak = 0
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]
      const { mb } = await job()
      peak = Math.max(peak, mb)
    }
  }
  await Promise.all(Array.from({ length: workers }, worker))
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, mb: peak }
}

async function challengers(workers) {
  const dir = project()
  try {
    await timed([process.execPath, cli, 'run', '--spec', 'retrain.yml', '--out', 'out/first'], dir)
    const planned = await timed([process.execPath, cli, 'plan', '--spec', 'retrain.yml', '--json'], dir)
    const matrix = JSON.parse(planned.stdout).include
    const jobs = matrix.map(
      e => () =>
        timed([process.execPath, cli, 'run', '--spec', 'retrain.yml', '--challenger', e.challenger, '--plan', e.plan, '--out', `out/${e.challenger}`], dir)
    )
    const trained = await pool(jobs, workers)
    const selected = await timed([process.execPath, cli, 'select', '--spec', 'retrain.yml', '--json'], dir)
    const winner = JSON.parse(selected.stdout).winner
    if (!winner) throw new Error('select promoted nothing')
    return { trained, selected }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function one() {
  const dir = project()
  try {
    await timed([process.execPath, cli, 'run', '--spec', 'retrain.yml', '--out', 'out/first'], dir)
    const planned = await timed([process.execPath, cli, 'plan', '--spec', 'retrain.yml', '--json'], dir)
    const e = JSON.parse(planned.stdout).include[0]
    return await timed([process.execPath, cli, 'run', '--spec', 'retrain.yml', '--challenger', e.challenger, '--plan', e.plan, '--out', 'out/one'], dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const bare = () =>
  pool(
    Array.from({ length: CHALLENGERS }, () => () => timed(['sleep', String(stepSeconds)], os.tmpdir())),
    WORKERS
  )

const single = await one()
const reference = await bare()
const sequence = await challengers(1)
const parallel = await challengers(WORKERS)

const s = ms => (ms / 1000).toFixed(2)
const x = ms => (ms / single.ms).toFixed(2)
const mb = v => (Number.isFinite(v) ? v.toFixed(0) : '')
const rows = [
  ['one challenger (run --challenger)', single.ms, single.mb],
  [`reference: ${CHALLENGERS} bare steps (sleep ${stepSeconds}) on ${WORKERS} workers`, reference.ms, reference.mb],
  [`${CHALLENGERS} challengers in sequence`, sequence.trained.ms, sequence.trained.mb],
  [`${CHALLENGERS} challengers on ${WORKERS} workers`, parallel.trained.ms, parallel.trained.mb],
  [`select of ${CHALLENGERS} (after the ${WORKERS} workers)`, parallel.selected.ms, parallel.selected.mb]
]
console.log(`${os.cpus().length} cores; each challenger's step waits ${stepSeconds} s (training on a runner of its own)\n`)
console.log('| case | wall s | x one challenger | peak RSS MB (largest process) |')
console.log('| --- | ---: | ---: | ---: |')
for (const [name, ms, peak] of rows) console.log(`| ${name} | ${s(ms)} | ${x(ms)} | ${mb(peak)} |`)
console.log(
  `\n${CHALLENGERS} challengers on ${WORKERS} workers: ${x(parallel.trained.ms)}x one challenger's time (aim: close to ${CHALLENGERS / WORKERS}x; ` +
    `the bare steps alone take ${x(reference.ms)}x), ${(sequence.trained.ms / parallel.trained.ms).toFixed(2)}x faster than the sequence (${x(sequence.trained.ms)}x).`
)
