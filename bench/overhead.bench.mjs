// The CLI's own overhead: wall time of `retrain run` on a no-op spec minus the time its steps took
// (from result.json), side by side with a bare `node -e ''` start. Aim: overhead under 0.3 s.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist/cli.js')
const rounds = Number(process.env.BENCH_ROUNDS ?? 10)
const dir = mkdtempSync(path.join(os.tmpdir(), 'retrain-bench-overhead-'))
mkdirSync(path.join(dir, 'data'))
writeFileSync(path.join(dir, 'data/eval.csv'), 'x\n1\n')
writeFileSync(
  path.join(dir, 'noop.yml'),
  `model: noop
root: .
data:
  eval: data/eval.csv
steps:
  - name: Nothing but a model file
    shell: sh
    run: |
      : > "$RETRAIN_MODEL_DIR/model"
evaluate:
  shell: sh
  run: |
    printf '{"m": 1}' > "$RETRAIN_METRICS_FILE"
  data: eval
metrics:
  m: { goal: maximize, min: 0 }
promotion: { mode: auto, first-model: promote }
`
)

function timed(args, cwd) {
  const t0 = process.hrtime.bigint()
  const res = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stderr}`)
  return ms
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const bare = []
const wall = []
const steps = []
try {
  for (let i = 0; i < rounds; i++) {
    bare.push(timed(['-e', ''], dir))
    const out = path.join(dir, `out-${i}`)
    wall.push(timed([cli, 'run', '--spec', 'noop.yml', '--dry-run', '--out', out], dir))
    const result = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8'))
    steps.push(result.steps.reduce((sum, s) => sum + s.durationMs, 0))
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const overhead = wall.map((w, i) => w - steps[i])
const ms = x => `${x.toFixed(0)} ms`
console.log(`median of ${rounds} rounds, run alternately\n`)
console.log('| measure | time |')
console.log('| --- | --- |')
console.log(`| bare \`node -e ''\` start (reference) | ${ms(median(bare))} |`)
console.log(`| \`retrain run\` wall time (no-op spec, dry run) | ${ms(median(wall))} |`)
console.log(`| time inside the steps (step and evaluate processes) | ${ms(median(steps))} |`)
console.log(`| CLI overhead (wall - steps) | ${ms(median(overhead))} |`)
console.log(`| overhead beyond a bare node start | ${ms(median(overhead) - median(bare))} |`)
console.log(`| overhead / bare node start (ratio) | ${(median(overhead) / median(bare)).toFixed(2)}x |`)
console.log(`\naim: overhead under 300 ms -> ${median(overhead) < 300 ? 'met' : 'NOT met'}`)
