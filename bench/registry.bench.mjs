// The registry at scale: `retrain status` and one real `retrain run` (reserve, train, store the
// bundle, commit the promotion) with 10 and with 10,000 versions already in the registry, side by
// side with the ratio, for both registries: the directory registry through the built CLI, and the
// GitHub registry through the built action against the loopback REST fake (state file on the
// registry branch, bundles in releases). Peak memory is the measured process's RSS high-water mark
// (GNU time). Medians of a few interleaved rounds, next to a bare `node -e ''` start.
// Usage: node bench/run.mjs registry   (BENCH_REGISTRY_ROUNDS, BENCH_REGISTRY_VERSIONS change the size)
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist/cli.js')
const action = path.join(repo, 'dist/index.js')
const rounds = Number(process.env.BENCH_REGISTRY_ROUNDS ?? 3)
const large = Number(process.env.BENCH_REGISTRY_VERSIONS ?? 10_000)
const sizes = [10, large]
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`BENCH_REGISTRY_ROUNDS must be a positive integer, got ${process.env.BENCH_REGISTRY_ROUNDS}`)
if (!Number.isInteger(large) || large <= sizes[0])
  throw new Error(`BENCH_REGISTRY_VERSIONS must be an integer above ${sizes[0]}, got ${process.env.BENCH_REGISTRY_VERSIONS}`)
/** From bench/overhead: the CLI's own overhead on a no-op dry run stays under this. */
const OVERHEAD_AIM_MS = 300
/** A ratio above this for 1,000 times the versions means a cost far beyond reading and writing a larger state. */
const PATHOLOGICAL_RATIO = 20
/** A hung child must not hang the bench. */
const CHILD_TIMEOUT_MS = 90_000
const BRANCH = 'retrain-registry'
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true']).status === 0

const work = mkdtempSync(path.join(os.tmpdir(), 'retrain-bench-registry-'))
let github = null
let measured = 0
let actionRuns = 0

try {
  github = await startFakeGitHub()
  const registries = [
    { name: 'directory (CLI)', fixtures: new Map() },
    { name: 'GitHub, loopback fake (action)', fixtures: new Map() }
  ]
  for (const size of sizes) {
    registries[0].fixtures.set(size, await directoryFixture(size))
    registries[1].fixtures.set(size, await githubFixture(size))
  }

  const commands = ['status', 'dry run', 'run']
  const bare = []
  const samples = new Map()
  const key = (registry, command, size) => `${registry.name}|${command}|${size}`
  const sample = (k, value) => samples.set(k, [...(samples.get(k) ?? []), value])
  for (let round = 0; round < rounds; round++) {
    bare.push(await timed(['-e', ''], { cwd: work }))
    // Alternating the order of the sizes each round spreads any drift of the machine over both.
    for (const size of round % 2 ? [...sizes].reverse() : sizes) {
      for (const registry of registries) {
        for (const command of commands) sample(key(registry, command, size), await registry.fixtures.get(size).commands[command]())
      }
    }
  }

  const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const stat = (k, field) => median(samples.get(k).map(field))
  const ms = x => `${x.toFixed(0)} ms`
  const mb = x => (x === null ? 'n/a' : `${x.toFixed(0)} MB`)
  const count = n => n.toLocaleString('en-US')
  const [small, big] = sizes
  const label = { status: '`retrain status`', 'dry run': '`retrain run --dry-run`', run: '`retrain run` (reserve, store, commit)' }

  console.log(`median of ${rounds} interleaved rounds; Node ${process.version}; ${os.cpus().length} CPUs\n`)
  console.log(
    `| registry | command | ${count(small)} versions | ${count(big)} versions | ratio ${count(big)}/${count(small)} | peak RSS, ${count(small)} | peak RSS, ${count(big)} |`
  )
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |')
  const ratios = []
  for (const registry of registries) {
    for (const command of commands) {
      const wall = size => stat(key(registry, command, size), s => s.ms)
      const rss = size => stat(key(registry, command, size), s => s.peakRssMB)
      const ratio = wall(big) / wall(small)
      ratios.push({ what: `${registry.name} ${command}`, ratio })
      console.log(
        `| ${registry.name} | ${label[command]} | ${ms(wall(small))} | ${ms(wall(big))} | ${ratio.toFixed(2)}x | ${mb(rss(small))} | ${mb(rss(big))} |`
      )
    }
  }
  console.log(`| reference: bare \`node -e ''\` start | | ${ms(median(bare.map(b => b.ms)))} | | | ${mb(median(bare.map(b => b.peakRssMB)))} | |`)
  console.log('')
  const stateSize = (registry, size) => {
    const bytes = registry.fixtures.get(size).stateBytes
    return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`
  }
  for (const registry of registries)
    console.log(`State file, ${registry.name}: ${stateSize(registry, small)} at ${count(small)} versions, ${stateSize(registry, big)} at ${count(big)}.`)
  const gh = registries[1]
  const traffic = size => {
    const s = samples.get(key(gh, 'run', size))[0]
    return `${s.requests} requests at ${count(size)} (state file: ${s.stateReads} reads, ${s.blobReads} of them through the blobs API, ${s.stateWrites} writes)`
  }
  console.log(
    `GitHub \`run\`: ${traffic(small)}; ${traffic(big)}. No pacing between writes (RETRAIN_WRITE_INTERVAL_MS=0) and no network latency: the time is the tool's and the fake's own.`
  )

  // bench/overhead's aim, with a small and a large registry: the dry run's time outside its steps.
  const overhead = (command, size) => stat(key(registries[0], command, size), s => s.ms - s.stepsMs)
  console.log(
    `\nCLI overhead (wall - steps) of \`retrain run --dry-run\`: ${ms(overhead('dry run', small))} with ${count(small)} versions, ${ms(overhead('dry run', big))} with ${count(big)}; ` +
      `of the real run (which also packs, stores and commits): ${ms(overhead('run', small))} and ${ms(overhead('run', big))}.`
  )
  const aim = size => `${overhead('dry run', size) < OVERHEAD_AIM_MS ? 'met' : 'NOT met'} with ${count(size)} versions`
  console.log(`aim (bench/overhead): dry-run overhead under ${OVERHEAD_AIM_MS} ms -> ${aim(small)}, ${aim(big)}`)
  const slow = ratios.filter(r => r.ratio > PATHOLOGICAL_RATIO)
  console.log(
    slow.length
      ? `pathological (ratio above ${PATHOLOGICAL_RATIO}x): ${slow.map(r => `${r.what} ${r.ratio.toFixed(1)}x`).join(', ')}`
      : `no command grows pathologically: every ratio is under ${PATHOLOGICAL_RATIO}x for ${count(big / small)} times the versions`
  )
  if (!gnuTime) console.log('Peak RSS needs GNU time at /usr/bin/time.')
  if (github.violations.length) throw new Error(`the action's requests broke GitHub's API description:\n${github.violations.join('\n')}`)
} finally {
  await github?.close()
  rmSync(work, { recursive: true, force: true })
}

/**
 * Runs `node ARGS` and times it; with GNU time, also its peak RSS (the largest of the process and
 * the children it waited for, which here are the toy's small step processes).
 */
async function timed(args, { cwd, env = process.env }) {
  const rssFile = path.join(work, `rss-${++measured}`)
  const [command, argv] = gnuTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args]] : [process.execPath, args]
  const started = process.hrtime.bigint()
  const { code, signal, output } = await new Promise((resolve, reject) => {
    // Asynchronous: the GitHub fake answers from this process while the child runs. In its own
    // process group, so that a timeout or an interrupt stops node under GNU time too.
    const child = spawn(command, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    const stop = () => {
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Gone already.
      }
    }
    const interrupted = () => {
      stop()
      rmSync(work, { recursive: true, force: true })
      process.exit(130)
    }
    process.once('SIGINT', interrupted)
    const deadline = setTimeout(stop, CHILD_TIMEOUT_MS)
    let output = ''
    const keep = d => (output = (output + d).slice(-4000))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(deadline)
      process.off('SIGINT', interrupted)
      resolve({ code, signal, output })
    })
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (code !== 0) throw new Error(`node ${args.join(' ')} (in ${cwd}) ended with ${signal ?? code}:\n${output}`)
  const peakRssMB = gnuTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024 : null
  return { ms, peakRssMB }
}

/** The toy project (test/fixtures/toy): each run adds 1 to the champion's weight, so every run promotes. */
function toyProject(model) {
  const dir = path.join(work, model)
  cpSync(path.join(repo, 'test/fixtures/toy'), dir, { recursive: true })
  writeFileSync(
    path.join(dir, 'retrain.yml'),
    `model: ${model}
root: .
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: 0
promotion:
  mode: auto
  first-model: promote
`
  )
  return dir
}

/**
 * A registry state (registry/state-machine.ts) holding `count` rejected candidates, one an hour, as
 * an hourly retrain leaves them: the next version a run reserves is count + 1.
 */
function rejectedVersions(model, count) {
  const versions = []
  const history = []
  const start = Date.parse('2025-01-01T00:00:00.000Z')
  for (let version = 1; version <= count; version++) {
    const at = new Date(start + version * 3_600_000).toISOString()
    const digest = createHash('sha256').update(`${model} ${version}`).digest('hex')
    versions.push({
      baselineVersion: null,
      digest,
      metrics: { score: 0, loss: 10 },
      decision: 'rejected',
      createdAt: at,
      storage: null,
      version,
      status: 'rejected'
    })
    history.push({ action: 'rejected', version, from: null, actor: 'scheduled', at, reason: 'score did not improve by more than 0' })
  }
  return { model, champion: null, versions, history, lastReserved: count, reservations: [], effects: [], applied: [] }
}

/** Total time of the steps (training, evaluation) a run's result.json reports; checks the run promoted (or would have). */
function stepsMs(outDir) {
  const result = JSON.parse(readFileSync(path.join(outDir, 'result.json'), 'utf8'))
  if ((result.wouldBe ?? result.decision) !== 'promoted') throw new Error(`expected the run to promote, it decided ${result.decision} (${result.reason})`)
  return result.steps.reduce((sum, s) => sum + s.durationMs, 0)
}

function checkChampion(state, size) {
  if (state.champion !== size || state.versions.length !== size)
    throw new Error(`seeding ${size} versions left champion ${state.champion} and ${state.versions.length} versions`)
}

/** A command measured on a freshly reset registry; a run also reports the time its steps took. */
function measuredCommands(reset, invoke) {
  let runs = 0
  const runLike = (command, dryRun) => async () => {
    await reset()
    const out = path.join(work, `out-${++runs}`)
    const timing = await invoke(command, { dryRun, out })
    const steps = stepsMs(out)
    rmSync(out, { recursive: true, force: true })
    return { ...timing, stepsMs: steps }
  }
  return {
    status: async () => {
      await reset()
      return await invoke('status', {})
    },
    'dry run': runLike('run', true),
    run: runLike('run', false)
  }
}

/**
 * A directory registry with `size` versions: size - 1 rejected ones written as the state file, then
 * a real run stores the champion's bundle (versions/<size>) so the measured runs warm-start from it.
 * Before each command the state file is put back and any later version removed.
 */
async function directoryFixture(size) {
  const model = `dir-${size}`
  const project = toyProject(model)
  const modelDir = path.join(project, 'registry', model)
  const stateFile = path.join(modelDir, 'registry.json')
  mkdirSync(modelDir, { recursive: true })
  writeFileSync(stateFile, JSON.stringify({ schemaVersion: 1, revision: 1, ...rejectedVersions(model, size - 1) }, null, 2) + '\n')
  const base = ['--spec', 'retrain.yml', '--registry', 'registry']
  await timed([cli, 'run', ...base, '--out', path.join(work, 'out-seed')], { cwd: project })
  const seeded = readFileSync(stateFile, 'utf8')
  checkChampion(JSON.parse(seeded), size)
  const reset = () => {
    writeFileSync(stateFile, seeded)
    for (const v of readdirSync(path.join(modelDir, 'versions')))
      if (v !== String(size)) rmSync(path.join(modelDir, 'versions', v), { recursive: true, force: true })
  }
  const invoke = (command, { dryRun, out }) =>
    timed([cli, command, ...base, ...(dryRun ? ['--dry-run'] : []), ...(out ? ['--out', out] : [])], { cwd: project })
  return { stateBytes: Buffer.byteLength(seeded), commands: measuredCommands(reset, invoke) }
}

/**
 * The same on GitHub: size - 1 rejected versions written to the state file on the registry branch,
 * then a real action run makes the champion and its release. Before each command the state file is
 * put back and the model's releases made since are removed (their tags would be taken). The fake's
 * requests are counted per command.
 */
async function githubFixture(size) {
  const model = `gh-${size}`
  const project = toyProject(model)
  const statePath = `${model}/registry.json`
  github.putFile(BRANCH, statePath, JSON.stringify({ schemaVersion: 1, ...rejectedVersions(model, size - 1) }, null, 2) + '\n')
  await actionRun(project, 'run', { out: path.join(work, 'out-seed') })
  const seeded = github.file(BRANCH, statePath)
  checkChampion(JSON.parse(seeded), size)
  const releases = new Set(github.releases.keys())
  const reset = () => {
    github.putFile(BRANCH, statePath, seeded)
    for (const [id, release] of github.releases) {
      if (releases.has(id) || !release.tag_name.startsWith(`retrain-${model}-v`)) continue
      for (const asset of release.assets) github.assets.delete(asset)
      github.releases.delete(id)
    }
  }
  const invoke = async (command, options) => {
    const first = github.requests.length
    const timing = await actionRun(project, command, options)
    const requests = github.requests.slice(first)
    const state = encodeURIComponent(statePath)
    return {
      ...timing,
      stateReads: requests.filter(r => r.method === 'GET' && r.path.endsWith(state)).length,
      blobReads: requests.filter(r => r.method === 'GET' && r.path.includes('/git/blobs/')).length,
      stateWrites: requests.filter(r => r.method === 'PUT' && r.path.endsWith(state)).length,
      requests: requests.length
    }
  }
  return { stateBytes: Buffer.byteLength(seeded), commands: measuredCommands(reset, invoke) }
}

/** The built action as the runner starts it (test/github/harness.ts): inputs and context in the environment. */
async function actionRun(workspace, command, { dryRun = false, out = path.join(work, 'out-status') }) {
  const runnerTemp = mkdtempSync(path.join(work, 'runner-temp-'))
  const files = { GITHUB_OUTPUT: 'output', GITHUB_STEP_SUMMARY: 'summary.md', GITHUB_EVENT_PATH: 'event.json' }
  for (const [name, file] of Object.entries(files)) writeFileSync((files[name] = path.join(runnerTemp, file)), name === 'GITHUB_EVENT_PATH' ? '{}' : '')
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    ...files,
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'scheduled',
    GITHUB_RUN_ID: String(9000 + ++actionRuns),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: `${github.owner}/${github.repo}`,
    RUNNER_TEMP: runnerTemp,
    // The fake has no rate limit: no pacing between writes, so the time measured is the tool's.
    RETRAIN_RETRY_BASE_MS: '20',
    RETRAIN_WRITE_INTERVAL_MS: '0',
    INPUT_TOKEN: github.token,
    INPUT_SPEC: 'retrain.yml',
    INPUT_COMMAND: command,
    INPUT_ARTIFACTS: 'false',
    'INPUT_DRY-RUN': String(dryRun),
    'INPUT_OUTPUT-DIR': out
  }
  try {
    return await timed([action], { cwd: workspace, env })
  } finally {
    rmSync(runnerTemp, { recursive: true, force: true })
  }
}

/**
 * The REST fake is TypeScript: bundled here into one ESM file in the temp dir. Its OpenAPI fixture
 * is found through the test helpers' REPO, which a bundle outside the repository would compute
 * wrongly, so REPO is given; its CommonJS dependencies get a require().
 */
async function startFakeGitHub() {
  const outfile = path.join(work, 'github-server.mjs')
  await build({
    entryPoints: [path.join(repo, 'test/fakes/github-server.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" },
    plugins: [
      {
        name: 'repo-root',
        setup(b) {
          b.onResolve({ filter: /helpers\/project\.js$/ }, () => ({ path: 'project', namespace: 'repo-root' }))
          b.onLoad({ filter: /.*/, namespace: 'repo-root' }, () => ({ contents: `export const REPO = ${JSON.stringify(repo)}`, loader: 'js' }))
        }
      }
    ]
  })
  const { startFakeGitHub } = await import(outfile)
  return await startFakeGitHub()
}
