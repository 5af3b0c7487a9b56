// The CLI's start-up cost: `retrain --version`, `retrain validate` and `retrain run --dry-run` on a
// no-op spec, side by side with a bare `node -e ''` start, run alternately (medians, peak RSS).
// The run's figure is its wall time minus the time its steps took (from result.json).
// Aims (issue 14): validate and --version at most 0.05 s above a bare start, a no-op run at most 0.1 s.
//
// The CLI keeps V8's compiled code in a per-user cache (src/local/code-cache.ts); here the cache is a
// folder of the bench's own. The warm-up round fills it, so the plain cases are later runs; the
// "first run" cases start each time with an empty folder (compiling, then writing the cache).
//
// Times: wall and CPU (user + system of the process and its children, from wait4 through a small
// Python helper when /usr/bin/python3 or python3 is there; CPU is what the machine's other load
// disturbs least), and peak RSS.
//
//   node bench/overhead.bench.mjs [CLI ...]   (default dist/cli.js; several CLIs are measured alternately)
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
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

// One Python process starts every measured command and reports its wall time, CPU time and peak RSS
// from wait4 (microseconds, where GNU time prints hundredths of a second).
const HELPER = `
import json, os, sys, time
for line in sys.stdin:
    job = json.loads(line)
    err = open(job['stderr'], 'wb')
    os.chdir(job['cwd'])
    t0 = time.perf_counter()
    pid = os.posix_spawn(job['argv'][0], job['argv'], dict(job['env']), file_actions=[
        (os.POSIX_SPAWN_OPEN, 0, '/dev/null', os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, '/dev/null', os.O_WRONLY, 0),
        (os.POSIX_SPAWN_DUP2, err.fileno(), 2)])
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    err.close()
    print(json.dumps({'ms': wall * 1000, 'cpuMs': (ru.ru_utime + ru.ru_stime) * 1000, 'mb': ru.ru_maxrss / 1024, 'status': os.waitstatus_to_exitcode(status)}), flush=True)
`
function startHelper() {
  for (const python of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(python, ['-c', 'import os; os.posix_spawn; os.wait4; os.waitstatus_to_exitcode'], { stdio: 'ignore' }).status !== 0) continue
    const child = spawn(python, ['-c', HELPER], { stdio: ['pipe', 'pipe', 'inherit'] })
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
    return {
      async run(argv, env, cwd, stderr) {
        child.stdin.write(`${JSON.stringify({ argv, env, cwd, stderr })}\n`)
        const { value, done } = await lines.next()
        if (done) throw new Error('the measuring helper ended')
        return JSON.parse(value)
      },
      close: () => child.stdin.end()
    }
  }
  return null
}
const helper = startHelper()

const errFile = path.join(dir, 'stderr.txt')
async function timed(args, env, cwd) {
  const fullEnv = { ...process.env, ...env }
  if (helper) {
    const res = await helper.run([process.execPath, ...args], fullEnv, cwd, errFile)
    if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${readFileSync(errFile, 'utf8')}`)
    return res
  }
  const t0 = process.hrtime.bigint()
  const res = spawnSync(process.execPath, args, { cwd, env: fullEnv, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stderr}`)
  return { ms, cpuMs: NaN, mb: NaN }
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const warmCache = path.join(dir, 'code-cache')
let firsts = 0
/** A folder that holds no cache yet: the command compiles everything and writes its cache. */
const emptyCache = () => ({ RETRAIN_COMPILE_CACHE: path.join(dir, `empty-cache-${firsts++}`) })
const runArgs = (cli, out) => [cli, 'run', '--spec', 'noop.yml', '--dry-run', '--out', path.join(dir, out)]
const stepsMs = out => JSON.parse(readFileSync(path.join(dir, out, 'result.json'), 'utf8')).steps.reduce((sum, s) => sum + s.durationMs, 0)
const cases = [
  { name: "bare `node -e ''` (reference)", args: () => ['-e', ''], env: () => ({}) },
  ...clis.flatMap((cli, c) => {
    const tag = clis.length > 1 ? ` [${path.relative(process.cwd(), cli)}]` : ''
    const warm = () => ({ RETRAIN_COMPILE_CACHE: warmCache })
    return [
      { name: `\`retrain --version\`${tag}`, args: () => [cli, '--version'], env: warm, aim: 50 },
      { name: `\`retrain validate\`${tag}`, args: () => [cli, 'validate', '--spec', 'noop.yml'], env: warm, aim: 50 },
      { name: `\`retrain validate\`, first run${tag}`, args: () => [cli, 'validate', '--spec', 'noop.yml'], env: emptyCache },
      {
        name: `\`retrain run --dry-run\`, no-op spec, minus its steps${tag}`,
        args: i => runArgs(cli, `out-${c}-${i}`),
        env: warm,
        stepsMs: i => stepsMs(`out-${c}-${i}`),
        aim: 100
      },
      {
        name: `\`retrain run --dry-run\`, first run, minus its steps${tag}`,
        args: i => runArgs(cli, `first-${c}-${i}`),
        env: emptyCache,
        stepsMs: i => stepsMs(`first-${c}-${i}`)
      }
    ]
  })
]
const samples = cases.map(() => ({ ms: [], cpuMs: [], mb: [] }))
try {
  // One warm-up round (page cache, the code cache), not counted.
  for (const [k, c] of cases.entries()) await timed(c.args(`warm-${k}`), c.env(), dir)
  for (let i = 0; i < rounds; i++) {
    for (const [k, c] of cases.entries()) {
      const { ms, cpuMs, mb } = await timed(c.args(i), c.env(), dir)
      const steps = c.stepsMs ? c.stepsMs(i) : 0
      samples[k].ms.push(ms - steps)
      // The steps' CPU is not known apart; the run's CPU includes its two `sh` processes.
      samples[k].cpuMs.push(cpuMs)
      samples[k].mb.push(mb)
    }
  }
} finally {
  helper?.close()
  rmSync(dir, { recursive: true, force: true })
}
const bare = median(samples[0].ms)
const bareCpu = median(samples[0].cpuMs)
const fmt = x => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '-')
console.log(`node ${process.version}; median of ${rounds} rounds, every case run in turn within each round; load average ${os.loadavg()[0].toFixed(1)}\n`)
console.log('| measure | time | above bare node | CPU | CPU above bare node | peak RSS |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const [k, c] of cases.entries()) {
  const ms = median(samples[k].ms)
  const cpu = median(samples[k].cpuMs)
  const mb = Math.max(...samples[k].mb)
  const above = k === 0 ? '-' : fmt(ms - bare)
  const cpuAbove = k === 0 ? '-' : fmt(cpu - bareCpu)
  console.log(`| ${c.name} | ${fmt(ms)} | ${above} | ${fmt(cpu)} | ${cpuAbove} | ${Number.isFinite(mb) ? `${mb.toFixed(0)} MB` : '-'} |`)
}
console.log('')
for (const [k, c] of cases.entries()) {
  if (c.aim === undefined) continue
  const above = median(samples[k].ms) - bare
  console.log(`aim for ${c.name}: at most ${c.aim} ms above bare node -> ${above <= c.aim ? 'met' : `NOT met (${above.toFixed(0)} ms)`}`)
}
