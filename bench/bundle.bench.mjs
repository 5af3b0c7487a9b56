// Throughput and peak memory of packBundle + verifyBundle against `tar -c | sha256sum` on the same
// model directory. Usage: BENCH_BUNDLE_MB=1024 node bench/bundle.bench.mjs
// Each side runs in its own child process so its peak RSS is its own. Prints a Markdown table.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const MiB = 1024 * 1024
const totalMiB = Number(process.env.BENCH_BUNDLE_MB ?? 1024)
if (!Number.isInteger(totalMiB) || totalMiB < 1) throw new Error(`BENCH_BUNDLE_MB must be a positive integer, got ${process.env.BENCH_BUNDLE_MB}`)
// Generous: the slowest side should run at tens of MiB/s at worst; a hung child must not hang the bench.
const childTimeoutMs = 60_000 + totalMiB * 1_000
const AIM_RATIO = 0.5
const AIM_RSS_MB = 200

requireTool('tar')
requireTool('sha256sum')

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
    // ajv and tar-stream are CommonJS and call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);" }
  })

  const model = path.join(work, 'model')
  const fileCount = await makeModel(model, totalMiB)
  // Otherwise the kernel flushes the freshly written model during the first measurement and skews it.
  execFileSync('sync')

  const reference = runReference(model)
  const ours = runOurs(moduleFile, model, path.join(work, 'bundle'))

  const mib = totalMiB
  const refRate = mib / reference.seconds
  const oursSeconds = ours.packSeconds + ours.verifySeconds
  const oursRate = mib / oursSeconds
  const ratio = oursRate / refRate
  const rss = mb => (mb === null ? 'n/a' : mb.toFixed(0))

  console.log(`\nModel directory: ${mib} MiB in ${fileCount} files; archive ${(ours.archiveSize / MiB).toFixed(1)} MiB; Node ${process.version}\n`)
  console.log('| side | wall s | MiB/s | ratio ours/reference | peak RSS MB |')
  console.log('| --- | ---: | ---: | ---: | ---: |')
  console.log(`| reference: tar -c \\| sha256sum | ${reference.seconds.toFixed(2)} | ${refRate.toFixed(0)} | 1.00 | ${rss(reference.peakRssMB)} |`)
  console.log(`| ours: packBundle | ${ours.packSeconds.toFixed(2)} | ${(mib / ours.packSeconds).toFixed(0)} | | |`)
  console.log(`| ours: verifyBundle | ${ours.verifySeconds.toFixed(2)} | ${(mib / ours.verifySeconds).toFixed(0)} | | |`)
  console.log(`| ours: pack + verify | ${oursSeconds.toFixed(2)} | ${oursRate.toFixed(0)} | ${ratio.toFixed(2)} | ${rss(ours.peakRssMB)} |`)
  console.log(`| ours: unpackBundle (for information) | ${ours.unpackSeconds.toFixed(2)} | ${(mib / ours.unpackSeconds).toFixed(0)} | | |`)
  console.log('')
  console.log(
    `Aims: throughput ratio >= ${AIM_RATIO} (${ratio >= AIM_RATIO ? 'met' : 'MISSED'}: ${ratio.toFixed(2)}), ` +
      `peak RSS < ${AIM_RSS_MB} MB (${ours.peakRssMB < AIM_RSS_MB ? 'met' : 'MISSED'}: ${ours.peakRssMB.toFixed(0)} MB)`
  )
  console.log(
    'The reference hashes once and writes nothing; ours hashes every byte four times (file and archive, on pack and on verify) and writes the archive.'
  )
  if (reference.peakRssMB === null) console.log('Reference peak RSS needs GNU time at /usr/bin/time.')
} finally {
  await rm(work, { recursive: true, force: true })
}

/** A few files of varying size, totalling `totalMiB`; content is pseudorandom so nothing compresses or dedupes. */
async function makeModel(dir, totalMiB) {
  await mkdir(path.join(dir, 'weights'), { recursive: true })
  const sizes = []
  let left = totalMiB
  for (const share of [0.5, 0.25, 0.125, 0.0625]) {
    const size = Math.floor(totalMiB * share)
    if (size > 0) sizes.push(size)
    left -= size
  }
  sizes.push(left)
  const block = randomBytes(MiB)
  let blockIndex = 0
  for (const [i, sizeMiB] of sizes.entries()) {
    const file = await open(path.join(dir, 'weights', `shard-${i}.bin`), 'w')
    try {
      for (let b = 0; b < sizeMiB; b++) {
        // Per-block variation keeps every block distinct without paying for fresh random bytes.
        block.writeUInt32LE(blockIndex++, (blockIndex * 4099) % (MiB - 4))
        await file.write(block)
      }
    } finally {
      await file.close()
    }
  }
  await writeFile(path.join(dir, 'config.json'), JSON.stringify({ layers: 12, hidden: 768 }))
  await writeFile(path.join(dir, 'tokenizer.txt'), 'token\n'.repeat(10_000))
  return sizes.length + 2
}

function runReference(model) {
  const script = `tar -c -C ${shellQuote(model)} . | sha256sum`
  const timed = existsSync('/usr/bin/time')
  const started = process.hrtime.bigint()
  const result = timed
    ? spawnSync('/usr/bin/time', ['-f', 'PEAK_KB=%M', 'bash', '-o', 'pipefail', '-c', script], { encoding: 'utf8', timeout: childTimeoutMs })
    : spawnSync('bash', ['-o', 'pipefail', '-c', script], { encoding: 'utf8', timeout: childTimeoutMs })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (result.status !== 0) throw new Error(`reference failed (${result.signal ?? result.status}): ${result.stderr}`)
  const peak = /PEAK_KB=(\d+)/.exec(result.stderr ?? '')
  return { seconds, peakRssMB: peak ? Number(peak[1]) / 1024 : null }
}

function runOurs(moduleFile, model, bundle) {
  const child = `
    const { packBundle, verifyBundle, unpackBundle } = await import(${JSON.stringify(moduleFile)})
    const lineage = {
      model: 'bench', version: null, parentVersion: null, warmStart: { source: 'cold', reason: 'first-model' },
      specDigest: 'bench', gitCommit: null, params: {}, trainingData: {}, evaluationData: {}, metrics: {},
      toolVersion: '0.0.0', createdAt: new Date().toISOString(),
      environment: { os: process.platform, arch: process.arch, runtimes: { node: process.version }, lockfiles: {}, containerImage: null }
    }
    const seconds = async fn => { const t = process.hrtime.bigint(); const value = await fn(); return [Number(process.hrtime.bigint() - t) / 1e9, value] }
    const [packSeconds, manifest] = await seconds(() => packBundle(${JSON.stringify(model)}, ${JSON.stringify(bundle)}, lineage))
    const [verifySeconds] = await seconds(() => verifyBundle(${JSON.stringify(bundle)}))
    const [unpackSeconds] = await seconds(() => unpackBundle(${JSON.stringify(bundle)}, ${JSON.stringify(bundle + '-unpacked')}))
    const peakRssMB = process.resourceUsage().maxRSS / 1024
    console.log(JSON.stringify({ packSeconds, verifySeconds, unpackSeconds, peakRssMB, archiveSize: manifest.archiveSize }))
  `
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8', timeout: childTimeoutMs })
  if (result.status !== 0) throw new Error(`our side failed (${result.signal ?? result.status}): ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1))
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
