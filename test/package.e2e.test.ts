// The CLI outside the repository: `npm pack`, then installing that tarball into an empty project
// gives a working `retrain`. dist/ is fully bundled, so the package must need nothing from a
// registry: the install runs with --offline, an empty cache and a registry address that refuses
// connections, so it cannot reach the network whatever happens.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
  name: string
  version: string
  dependencies?: Record<string, string>
}
const scratch = mkdtempSync(path.join(tmpdir(), 'package-test-'))
const consumer = path.join(scratch, 'consumer')
const retrainBin = path.join(consumer, 'node_modules/.bin/retrain')
let packedFiles: string[] = []

/** npm with this test's settings only: no inherited npm_* configuration, offline, a private cache. */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)))
  return spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...env,
      npm_config_cache: path.join(scratch, 'npm-cache'),
      npm_config_offline: 'true',
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false'
    }
  })
}

function retrain(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(retrainBin, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } })
}

function failure(res: SpawnSyncReturns<string>): string {
  return `exit ${res.status}${res.signal ? ` (${res.signal})` : ''}\n${res.stdout}\n${res.stderr}`
}

beforeAll(() => {
  const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], repo)
  if (pack.status !== 0) throw new Error(`npm pack failed: ${failure(pack)}`)
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[]
  packedFiles = packed!.files.map(file => file.path)
  mkdirSync(consumer)
  writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
  if (Object.keys(manifest.dependencies ?? {}).length > 0) return
  const install = npm(['install', '--ignore-scripts', path.join(scratch, packed!.filename)], consumer)
  if (install.status !== 0) throw new Error(`installing the tarball failed: ${failure(install)}`)
})

afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the packed CLI, installed outside the repository', () => {
  it('needs nothing from a registry: dist/ is bundled, so the package has no runtime dependencies', () => {
    expect(
      Object.keys(manifest.dependencies ?? {}),
      'package.json "dependencies" would be fetched on install; dist/ bundles them: move them to devDependencies'
    ).toEqual([])
  })

  it('packs the bundles, their licences, the schemas, the action and the examples, and no sources', () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'action.yml',
        'dist/cli.js',
        'dist/cli-script.cjs',
        'dist/index.js',
        'dist/licenses.txt',
        'schemas/retrain-spec.schema.json',
        'examples/cars-builtin/retrain.yml'
      ])
    )
    expect(packedFiles.filter(file => /^(src|test|bench|scripts|node_modules)\//.test(file))).toEqual([])
  })

  it('retrain --version prints the package version', () => {
    expect(existsSync(retrainBin), 'the install did not link bin/retrain').toBe(true)
    const res = retrain(['--version'], consumer)
    expect(res.status, failure(res)).toBe(0)
    expect(res.stdout.trim()).toBe(manifest.version)
  })

  it('validates and runs the shipped example, a first model and a warm-started second generation', () => {
    const project = path.join(consumer, 'cars')
    cpSync(path.join(consumer, 'node_modules', manifest.name, 'examples/cars-builtin'), project, { recursive: true })

    const validate = retrain(['validate', '--spec', 'retrain.yml'], project)
    expect(validate.status, failure(validate)).toBe(0)

    for (const [generation, data] of [
      [1, 'cars-1970-1975.csv'],
      [2, 'cars-1976-1979.csv']
    ] as const) {
      cpSync(path.join(project, 'data', data), path.join(project, 'data/train.csv'))
      const out = path.join(project, `out-${generation}`)
      const run = retrain(['run', '--spec', 'retrain.yml', '--out', out], project)
      expect(run.status, failure(run)).toBe(0)
      const result = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')) as {
        decision: string
        candidate: { version: number; warmStart: { source: string } }
      }
      expect(result.candidate.version).toBe(generation)
      expect(result.candidate.warmStart.source).toBe(generation === 1 ? 'cold' : 'champion')
    }
  })
})
