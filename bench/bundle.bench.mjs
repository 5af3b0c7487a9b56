// Bundles at the speed of the disk: packBundle + verifyBundle against `tar -cf - DIR | openssl dgst
// -sha256` (and the unaccelerated `tar | sha256sum`) on the same model directory, in two shapes:
// - many small files: BENCH_BUNDLE_SMALL files of 1 KiB (default 50,000);
// - one large file and many small ones, as a model with its weights in one file and a tokenizer or
//   shards beside it: BENCH_BUNDLE_LARGE_MB MiB (default 128; the aim's shape is 900) and
//   BENCH_BUNDLE_MIXED_SMALL files (default 5,000) of BENCH_BUNDLE_MIXED_KB KiB (default 4; 25 makes
//   the whole about 1 GiB with a 900 MiB file).
// Every side runs in its own child process (its peak RSS and CPU time, user + system of every thread
// and child, are its own: on a machine shared with other jobs the CPU time moves less than the wall
// time), BENCH_BUNDLE_ROUNDS times (default 3), in turn, starting each round with the next side so
// none always runs first; the table shows medians. The directory is read once before the rounds, so every side reads it from the page cache.
//
//   node bench/bundle.bench.mjs [BUNDLE_MODULE.mjs ...]
//
// Each extra argument is another build of src/engine/bundle.ts (an ESM file), measured as one more
// side: a before/after comparison in one run.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const MiB = 1024 * 1024
const smallFiles = positiveInteger('BENCH_BUNDLE_SMALL', 50_000)
const largeMiB = positiveInteger('BENCH_BUNDLE_LARGE_MB', 128)
const mixedSmallFiles = positiveInteger('BENCH_BUNDLE_MIXED_SMALL', 5_000)
const mixedSmallKiB = positiveInteger('BENCH_BUNDLE_MIXED_KB', 4)
const rounds = positiveInteger('BENCH_BUNDLE_ROUNDS', 3)
const childTimeoutMs = 300_000
const AIM_OPENSSL = 0.5
const AIM_SHA256SUM = 1
const AIM_RSS_MB = 200

for (const tool of ['tar', 'openssl', 'sha256sum']) requireTool(tool)
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = await mkdtemp(path.join(tmpdir(), 'bundle-bench-'))

try {
  const moduleFile = path.join(work, 'bundle.mjs')
  await build({
    entryPoints: [path.join(repo, 'src/engine/bundle.ts')],
    outfile: moduleFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    // CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" }
  })
  const modules = [
    { name: 'ours', file: moduleFile },
    ...process.argv.slice(2).map(file => ({ name: `ours [${path.basename(file)}]`, file: path.resolve(file) }))
  ]

  // Each tar entry: a 512-byte header and its data padded to 512 bytes; two zero blocks end the archive.
  const entryBytes = size => 512 + Math.ceil(size / 512) * 512
  const shapes = [
    {
      name: `${smallFiles.toLocaleString('en')} files of 1 KiB`,
      dir: path.join(work, 'small'),
      make: dir => makeSmall(dir, smallFiles),
      archiveBytes: smallFiles * entryBytes(1024) + 1024
    },
    {
      name: `one file of ${largeMiB} MiB and ${mixedSmallFiles.toLocaleString('en')} files of ${mixedSmallKiB} KiB`,
      dir: path.join(work, 'mixed'),
      make: async dir => (await makeLarge(dir, largeMiB)) + (await makeSmall(path.join(dir, 'pieces'), mixedSmallFiles, mixedSmallKiB * 1024)),
      archiveBytes: entryBytes(largeMiB * MiB) + mixedSmallFiles * entryBytes(mixedSmallKiB * 1024) + 1024
    }
  ]
  console.log(`Node ${process.version}; ${rounds} rounds, every side in turn within each round; medians (and range); peak RSS is the highest of the rounds.\n`)
  for (const shape of shapes) {
    const bytes = await shape.make(shape.dir)
    execFileSync('sync')
    spawnSync('bash', ['-c', `tar -cf - -C ${shellQuote(shape.dir)} . > /dev/null`])
    const sides = [
      { name: 'reference: `tar -cf - \\| openssl dgst -sha256`', run: () => runShell(`tar -cf - -C ${shellQuote(shape.dir)} . | openssl dgst -sha256`) },
      { name: 'reference: `tar -cf - \\| sha256sum`', run: () => runShell(`tar -cf - -C ${shellQuote(shape.dir)} . | sha256sum`) },
      ...modules.map(m => ({ name: m.name, ours: true, run: i => runOurs(m.file, shape.dir, path.join(work, `bundle-${i}`)) })),
      // Not a reference: one part of our work alone, writing as many bytes as the archive to a new
      // file in the same place, in the same turn of the rounds (so after the same pauses).
      {
        name: "part of ours alone: writing the archive's bytes to a new file (`dd`)",
        part: true,
        run: async i => {
          await mkdir(path.join(work, `bundle-${i}`), { recursive: true })
          const file = shellQuote(path.join(work, `bundle-${i}`, 'bytes'))
          return runShell(`dd if=/dev/zero of=${file} bs=1M count=${Math.ceil(shape.archiveBytes / MiB)} status=none`)
        }
      }
    ]
    const samples = sides.map(() => [])
    for (let i = 0; i < rounds; i++) {
      for (let j = 0; j < sides.length; j++) {
        // Each round starts with the next side, and every other round runs backwards: the side run
        // first after another is measured slower (identical builds differed by a third when one of
        // them always came right after the references), so no side keeps the same neighbour.
        const k = i % 2 === 0 ? (i + j) % sides.length : (i - j + sides.length * sides.length) % sides.length
        samples[k].push(await sides[k].run(i))
        await rm(path.join(work, `bundle-${i}`), { recursive: true, force: true })
      }
    }
    const seconds = k => median(samples[k].map(s => s.seconds))
    const openssl = seconds(0)
    const sha256sum = seconds(1)
    console.log(`### ${shape.name} (${(bytes / MiB).toFixed(0)} MiB)\n`)
    console.log('| side | pack s | verify s | total s (range) | CPU s | MiB/s | vs openssl | vs sha256sum | peak RSS MB |')
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const [k, side] of sides.entries()) {
      const s = samples[k]
      const total = seconds(k)
      const range = `${Math.min(...s.map(x => x.seconds)).toFixed(2)}-${Math.max(...s.map(x => x.seconds)).toFixed(2)}`
      const pack = side.ours ? median(s.map(x => x.packSeconds)).toFixed(2) : ''
      const verify = side.ours ? median(s.map(x => x.verifySeconds)).toFixed(2) : ''
      const rss = Math.max(...s.map(x => x.peakRssMB ?? NaN))
      const cpu = median(s.map(x => x.cpuSeconds ?? NaN))
      console.log(
        `| ${side.name} | ${pack} | ${verify} | ${total.toFixed(2)} (${range}) | ${Number.isFinite(cpu) ? cpu.toFixed(2) : 'n/a'} | ${(bytes / MiB / total).toFixed(0)} | ${(openssl / total).toFixed(2)}x | ${(sha256sum / total).toFixed(2)}x | ${Number.isFinite(rss) ? rss.toFixed(0) : 'n/a'} |`
      )
    }
    const ours = seconds(2)
    const oursRss = Math.max(...samples[2].map(x => x.peakRssMB))
    console.log(
      `\nAims (ours, pack + verify): >= ${AIM_OPENSSL}x openssl (${openssl / ours >= AIM_OPENSSL ? 'met' : 'MISSED'}), ` +
        `>= ${AIM_SHA256SUM}x sha256sum (${sha256sum / ours >= AIM_SHA256SUM ? 'met' : 'MISSED'}), ` +
        `peak RSS < ${AIM_RSS_MB} MB (${oursRss < AIM_RSS_MB ? 'met' : 'MISSED'})\n`
    )
    await rm(shape.dir, { recursive: true, force: true })
  }
  console.log('The references hash the archive once and write nothing; ours also hashes every file, writes the archive, and reads it back to verify.')
  console.log(
    "The `dd` row is that write alone: new file pages cost the kernel time, and on a virtual machine that hands freed memory back to its host (a balloon's free page reporting) the first such write after a pause of a few seconds can cost several times a write right after another."
  )
  if (gnuTime === null) console.log('Peak RSS of the references needs GNU time at /usr/bin/time.')
} finally {
  await rm(work, { recursive: true, force: true })
}

/** `count` files of `size` bytes in 100 directories, like a model saved as many shards or a tokenizer's pieces. */
async function makeSmall(dir, count, size = 1024) {
  const block = randomBytes(size)
  for (let d = 0; d < 100; d++) await mkdir(path.join(dir, `part-${String(d).padStart(3, '0')}`), { recursive: true })
  for (let i = 0; i < count; i += 256) {
    const batch = []
    for (let j = i; j < Math.min(count, i + 256); j++) {
      block.writeUInt32LE(j, 0)
      batch.push(writeFile(path.join(dir, `part-${String(j % 100).padStart(3, '0')}`, `piece-${j}.bin`), Buffer.from(block)))
    }
    await Promise.all(batch)
  }
  return count * size
}

/** One file of `sizeMiB`; pseudorandom content, so nothing compresses or dedupes. */
async function makeLarge(dir, sizeMiB) {
  await mkdir(dir, { recursive: true })
  const block = randomBytes(MiB)
  const file = await open(path.join(dir, 'weights.bin'), 'w')
  try {
    for (let b = 0; b < sizeMiB; b++) {
      // Per-block variation keeps every block distinct without paying for fresh random bytes.
      block.writeUInt32LE(b, (b * 4099) % (MiB - 4))
      await file.write(block)
    }
  } finally {
    await file.close()
  }
  return sizeMiB * MiB
}

function runShell(script) {
  const args = ['bash', '-o', 'pipefail', '-c', script]
  const command = gnuTime ? [gnuTime, '-f', 'PEAK_KB=%M CPU_S=%U+%S', ...args] : args
  const started = process.hrtime.bigint()
  const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: childTimeoutMs, maxBuffer: 1 << 20 })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0) throw new Error(`${script} failed (${result.signal ?? result.status}): ${result.stderr}`)
  const peak = /PEAK_KB=(\d+)/.exec(result.stderr ?? '')
  const cpu = /CPU_S=([\d.]+)\+([\d.]+)/.exec(result.stderr ?? '')
  return { seconds, peakRssMB: peak ? Number(peak[1]) / 1024 : null, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null }
}

function runOurs(moduleFile, model, bundle) {
  const child = `
    const { packBundle, verifyBundle } = await import(${JSON.stringify(moduleFile)})
    const lineage = {
      model: 'bench', version: null, parentVersion: null, warmStart: { source: 'cold', reason: 'first-model' },
      specDigest: 'bench', gitCommit: null, params: {}, trainingData: {}, evaluationData: {}, metrics: {},
      toolVersion: '0.0.0', createdAt: new Date(0).toISOString(),
      environment: { os: process.platform, arch: process.arch, runtimes: { node: process.version }, lockfiles: {}, containerImage: null }
    }
    const seconds = async fn => { const t = process.hrtime.bigint(); const value = await fn(); return [Number(process.hrtime.bigint() - t) / 1e9, value] }
    const [packSeconds, manifest] = await seconds(() => packBundle(${JSON.stringify(model)}, ${JSON.stringify(bundle)}, lineage))
    const [verifySeconds] = await seconds(() => verifyBundle(${JSON.stringify(bundle)}))
    const peakRssMB = process.resourceUsage().maxRSS / 1024
    // User and system time of every thread of the process, start-up included.
    const { user, system } = process.cpuUsage()
    console.log(JSON.stringify({ packSeconds, verifySeconds, peakRssMB, cpuSeconds: (user + system) / 1e6, digest: manifest.digest }))
  `
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8', timeout: childTimeoutMs })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0) throw new Error(`${moduleFile} failed (${result.signal ?? result.status}): ${result.stderr}`)
  // The whole child, start-up included, as the references are timed.
  return { ...JSON.parse(result.stdout.trim().split('\n').at(-1)), seconds }
}

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function positiveInteger(name, fallback) {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${process.env[name]}`)
  return value
}

function shellQuote(s) {
  return `'${s.replaceAll("'", `'\\''`)}'`
}

function requireTool(name) {
  try {
    execFileSync('bash', ['-c', `command -v ${name}`], { stdio: 'ignore' })
  } catch {
    throw new Error(`the benchmark needs ${name} on PATH`)
  }
}
