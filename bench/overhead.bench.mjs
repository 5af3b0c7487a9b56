// The CLI's start-up cost: `retrain --version`, `retrain validate` and `retrain run --dry-run` on a
// no-op spec, side by side with a bare `node -e ''` start, run alternately (medians, peak RSS).
// The run's figure is its wall time minus the time its steps took (from result.json).
// Aims (issue 14): validate and --version at most 0.05 s above a bare start, a no-op run at most 0.1 s.
//
//   node bench/overhead.bench.mjs [CLI ...]   (default dist/cli.js; several CLIs are measured alternately)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const clis = process.argv.slice(2).length ? process.argv.slice(2).map(c => path.resolve(c)) : [path.join(repo, 'dist/cli.js')]
const rounds = Number(process.env.BENCH_ROUNDS ?? 15)
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

// GNU time reports the child's peak RSS; without it the column stays empty.
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null

function timed(args) {
  const command = gnuTime ? [gnuTime, '-f', '%M', process.execPath, ...args] : [process.execPath, ...args]
  const t0 = process.hrtime.bigint()
  const res = spawnSync(command[0], command.slice(1), { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stderr}`)
  const kib = gnuTime ? Number(res.stderr.trim().split('\n').at(-1)) : NaN
  return { ms, mb: kib / 1024 }
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const cases = [
  { name: "bare `node -e ''` (reference)", args: () => ['-e', ''] },
  ...clis.flatMap((cli, c) => {
    const tag = clis.length > 1 ? ` [${path.relative(process.cwd(), cli)}]` : ''
    return [
      { name: `\`retrain --version\`${tag}`, args: () => [cli, '--version'] },
      { name: `\`retrain validate\`${tag}`, args: () => [cli, 'validate', '--spec', 'noop.yml'] },
      {
        name: `\`retrain run --dry-run\`, no-op spec, minus its steps${tag}`,
        args: i => [cli, 'run', '--spec', 'noop.yml', '--dry-run', '--out', path.join(dir, `out-${c}-${i}`)],
        stepsMs: i => JSON.parse(readFileSync(path.join(dir, `out-${c}-${i}`, 'result.json'), 'utf8')).steps.reduce((sum, s) => sum + s.durationMs, 0)
      }
    ]
  })
]
const samples = cases.map(() => ({ ms: [], mb: [] }))
try {
  // One warm-up round (page cache, compile cache), not counted.
  for (const [k, c] of cases.entries()) timed(c.args(`warm-${k}`))
  for (let i = 0; i < rounds; i++) {
    for (const [k, c] of cases.entries()) {
      const { ms, mb } = timed(c.args(i))
      samples[k].ms.push(ms - (c.stepsMs ? c.stepsMs(i) : 0))
      samples[k].mb.push(mb)
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
const bare = median(samples[0].ms)
console.log(`node ${process.version}; median of ${rounds} rounds, every case run in turn within each round\n`)
console.log('| measure | time | above bare node | peak RSS |')
console.log('| --- | --- | --- | --- |')
for (const [k, c] of cases.entries()) {
  const ms = median(samples[k].ms)
  const mb = Math.max(...samples[k].mb)
  console.log(`| ${c.name} | ${ms.toFixed(0)} ms | ${k === 0 ? '-' : `${(ms - bare).toFixed(0)} ms`} | ${Number.isFinite(mb) ? `${mb.toFixed(0)} MB` : '-'} |`)
}
const aims = { version: 50, validate: 50, run: 100 }
console.log('')
for (const [k, c] of cases.entries()) {
  if (k === 0) continue
  const aim = c.name.includes('--version') ? aims.version : c.name.includes('validate') ? aims.validate : aims.run
  const above = median(samples[k].ms) - bare
  console.log(`aim for ${c.name}: at most ${aim} ms above bare node -> ${above <= aim ? 'met' : `NOT met (${above.toFixed(0)} ms)`}`)
}
