/**
 * The reading threads of a pack start while the model directory is still being listed (once it has
 * shown enough files), and get the paths when the listing is done. They read every file as when
 * started with the paths; and a pack that fails during the listing stops them, so nothing is left
 * running (a process packing would otherwise never end).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { FilePrefetch } from '../src/engine/file-prefetch.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const scratch: string[] = []
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true })
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-early-readers-'))
  scratch.push(dir)
  return dir
}

/** `count` small files of distinct bytes in `dir`, in the order given back. */
async function smallFiles(dir: string, count: number): Promise<{ paths: string[]; contents: Buffer[] }> {
  await mkdir(dir, { recursive: true })
  const paths: string[] = []
  const contents: Buffer[] = []
  for (let i = 0; i < count; i++) {
    const bytes = Buffer.from(`file ${i}\n`.repeat((i % 9) + 1))
    const file = path.join(dir, `f${String(i).padStart(4, '0')}`)
    await writeFile(file, bytes)
    paths.push(file)
    contents.push(bytes)
  }
  return { paths, contents }
}

describe('reading threads started before the paths are known', () => {
  it('read every file in order once given the paths, as when started with them', async () => {
    const { paths, contents } = await smallFiles(await tempDir(), 700)
    const prefetch = new FilePrefetch(null, 64 * 1024, 256 * 1024, { readers: 1, packerReads: false })
    try {
      expect(() => prefetch.take()).toThrow(/begin\(\) was not called/)
      prefetch.begin(paths)
      expect(() => prefetch.begin(paths)).toThrow(/given already/)
      for (const [i, bytes] of contents.entries()) {
        const got = await prefetch.take()
        if (got.kind !== 'small') throw new Error(`${paths[i]}: ${got.kind}`)
        expect(got.bytes.equals(bytes), paths[i]).toBe(true)
        expect(got.sha256, paths[i]).toBe(createHash('sha256').update(bytes).digest('hex'))
      }
      expect(prefetch.counts.readAhead).toBe(700)
    } finally {
      await prefetch.close()
    }
  })

  it('stop when closed without ever getting the paths', async () => {
    const prefetch = new FilePrefetch(null, 64 * 1024, 256 * 1024, { readers: 2 })
    await prefetch.close()
    expect(prefetch.counts).toEqual({ readAhead: 0, unread: 0, stolen: 0 })
  })

  it('are stopped when the listing fails after they started: the pack fails with its error and the process ends', async () => {
    const root = await tempDir()
    const model = path.join(root, 'model')
    // The top directory is listed first: its 300 files start the readers; then the name in sub/ is refused.
    await smallFiles(model, 300)
    await mkdir(path.join(model, 'sub'))
    await writeFile(path.join(model, 'sub', 'back\\slash'), 'x')
    const moduleFile = path.join(root, 'bundle.mjs')
    await build({
      entryPoints: [path.join(repo, 'src/engine/bundle.ts')],
      outfile: moduleFile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __testRequire } from 'node:module';\nconst require = __testRequire(import.meta.url);" }
    })
    // The paths go to the child as arguments, never into its program's text.
    const child = `
      const { packBundle } = await import(process.argv[1])
      const lineage = {
        model: 'm', version: null, parentVersion: null, warmStart: { source: 'cold', reason: 'first-model' },
        specDigest: 'a'.repeat(64), gitCommit: null, params: {}, trainingData: {}, evaluationData: {}, metrics: {},
        toolVersion: '0.0.0', createdAt: new Date(0).toISOString(),
        environment: { os: 'linux', arch: 'x64', runtimes: { node: '20.0.0' }, lockfiles: {}, containerImage: null }
      }
      await packBundle(process.argv[2], process.argv[3], lineage).then(
        () => console.log('PACKED'),
        err => console.log('FAILED ' + err.name + ': ' + err.message)
      )
    `
    // A reading thread left running keeps the child alive: it is then killed at the timeout, and fails here.
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', child, moduleFile, model, path.join(root, 'bundle')], {
      encoding: 'utf8',
      timeout: 60_000
    })
    expect(result.signal, result.stderr).toBeNull()
    expect(result.status, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^FAILED IntegrityError: refusing to pack .*back\\slash: its path contains a backslash/)
  }, 90_000)
})
