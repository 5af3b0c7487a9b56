/**
 * `retrain fetch`: a version's model files (default: the champion's), as a deploy job needs them,
 * through the built CLI. The files are those the run packed, verified against the registry's record;
 * a bundle replaced or damaged in the registry, or a destination that is not empty, leaves nothing
 * behind (no half-written model, no scratch).
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packBundle } from '../src/engine/bundle.js'
import { makeProject, readJson, retrain, toySpec, treeDigest } from './helpers/project.js'

const SPEC = toySpec()

/** A project whose runs registered versions 1 and 2 (2 is the champion). */
async function twoVersions(): Promise<string> {
  const project = await makeProject('test/fixtures/toy', SPEC)
  for (const delta of ['1', '2']) {
    const run = await retrain(project, ['run', '--spec', 'retrain.yml', '--param', `delta=${delta}`, '--out', `out${delta}`])
    expect(run.code, run.stderr).toBe(0)
  }
  return project
}

/** What the run packed: its bundle's archive, extracted by the system's tar. */
async function packed(project: string, out: string): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'fetch-expected-'))
  execFileSync('tar', ['-xf', path.join(project, out, 'bundle', 'model.tar'), '-C', dir])
  return await treeDigest(dir)
}

/** Nothing but `keep` was written into `dir`: no partial model beside the destination. */
async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter(name => name.includes('.partial-') || name.startsWith('toy-v'))
}

describe('retrain fetch', { timeout: 120_000 }, () => {
  it("fetches the champion's files by default, and an earlier version by --version, each the files its run packed", async () => {
    const project = await twoVersions()
    const champion = await retrain(project, ['fetch', '--spec', 'retrain.yml'])
    expect(champion.code, champion.stderr).toBe(0)
    expect(champion.stdout).toMatch(
      /^Fetched toy version 2 \(the champion\) into toy-v2: 2 files, \d+ bytes, digest [0-9a-f]{12}, verified against the registry\n/
    )
    expect(champion.stdout).toMatch(/\n {2}trained \S+, warm-started from version 1\n$/)
    expect(await treeDigest(path.join(project, 'toy-v2'))).toEqual(await packed(project, 'out2'))
    expect(JSON.parse(await readFile(path.join(project, 'toy-v2', 'model.json'), 'utf8'))).toMatchObject({ w: 3, generation: 2 })

    const earlier = await retrain(project, ['fetch', '--spec', 'retrain.yml', '--version', '1', '--out', 'deploy/{version}', '--json'])
    expect(earlier.code, earlier.stderr).toBe(0)
    const outcome = JSON.parse(earlier.stdout)
    const status = JSON.parse((await retrain(project, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(outcome).toMatchObject({ model: 'toy', version: 1, champion: false, status: 'retired', dir: path.join(project, 'deploy', '1'), files: 2, links: 0 })
    expect(outcome.digest).toBe(status.versions.find((v: { version: number }) => v.version === 1).digest)
    expect(outcome.lineage).toMatchObject({ model: 'toy', version: 1 })
    expect(await treeDigest(path.join(project, 'deploy', '1'))).toEqual(await packed(project, 'out1'))
    expect(await entries(path.join(project, 'deploy'))).toEqual([])
  })

  it('refuses a destination that is not empty before fetching anything, and leaves it as it was', async () => {
    const project = await twoVersions()
    await mkdir(path.join(project, 'served'))
    await writeFile(path.join(project, 'served', 'model.json'), 'the model in service')
    const before = await treeDigest(path.join(project, 'served'))
    const res = await retrain(project, ['fetch', '--spec', 'retrain.yml', '--out', 'served'])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/error: .*served is not empty \("model\.json"\); name a new or empty directory/)
    expect(await treeDigest(path.join(project, 'served'))).toEqual(before)
    expect(await entries(project)).toEqual([])

    // A link, to an empty directory or to nothing, is refused before anything is fetched, and left as it was.
    await mkdir(path.join(project, 'real-empty'))
    await symlink(path.join(project, 'real-empty'), path.join(project, 'linked'))
    await symlink(path.join(project, 'nowhere'), path.join(project, 'dangling'))
    for (const link of ['linked', 'dangling']) {
      const linked = await retrain(project, ['fetch', '--spec', 'retrain.yml', '--out', link])
      expect(linked.code, linked.stderr).toBe(2)
      expect(linked.stderr).toMatch(new RegExp(`error: .*${link} is a symbolic link; name a new or empty directory`))
      expect((await lstat(path.join(project, link))).isSymbolicLink()).toBe(true)
    }
    expect(await readdir(path.join(project, 'real-empty'))).toEqual([])
    expect(existsSync(path.join(project, 'nowhere'))).toBe(false)
    expect(await entries(project)).toEqual([])

    // An empty directory is filled.
    await mkdir(path.join(project, 'empty'))
    const into = await retrain(project, ['fetch', '--spec', 'retrain.yml', '--out', 'empty'])
    expect(into.code, into.stderr).toBe(0)
    expect(await treeDigest(path.join(project, 'empty'))).toEqual(await packed(project, 'out2'))
  })

  it('refuses a bundle replaced in the registry by another consistent bundle (exit 6), and one damaged, leaving no files', async () => {
    const project = await twoVersions()
    const stored = path.join(project, '.retrain', 'registry', 'toy', 'versions', '2')
    const manifest = await readJson(path.join(stored, 'manifest.json'))
    // A whole, self-consistent bundle of other files under version 2: it verifies against its own manifest, not the registry's record.
    const other = await mkdtemp(path.join(os.tmpdir(), 'fetch-other-'))
    await writeFile(path.join(other, 'model.json'), JSON.stringify({ w: 1000 }))
    await packBundle(other, stored, manifest.lineage)
    const replaced = await retrain(project, ['fetch', '--spec', 'retrain.yml'])
    expect(replaced.code).toBe(6)
    expect(replaced.stderr).toMatch(
      /toy version 2's bundle has digest [0-9a-f]{64}, but the registry recorded [0-9a-f]{64}: it was replaced after it was stored, so it is not used/
    )
    expect(existsSync(path.join(project, 'toy-v2'))).toBe(false)
    expect(await entries(project)).toEqual([])

    // Version 1's archive with one byte changed in its data.
    const archive = path.join(project, '.retrain', 'registry', 'toy', 'versions', '1', 'model.tar')
    const bytes = await readFile(archive)
    bytes[600] ^= 0xff
    await writeFile(archive, bytes)
    const damaged = await retrain(project, ['fetch', '--spec', 'retrain.yml', '--version', '1'])
    expect(damaged.code).toBe(6)
    expect(existsSync(path.join(project, 'toy-v1'))).toBe(false)
    expect(await entries(project)).toEqual([])
  })

  it('says what to name when there is no champion or no such version', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const none = await retrain(project, ['fetch', '--spec', 'retrain.yml'])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/toy has no champion to fetch \(it has no versions\); name a version/)
    const project2 = await twoVersions()
    const missing = await retrain(project2, ['fetch', '--model', 'toy', '--version', '9'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/toy has no version 9 \(versions: 1, 2\)/)
    const meant = await retrain(project2, ['fetch', '--model', 'toy', '--to', 'x'])
    expect(meant.code).toBe(2)
    expect(meant.stderr).toMatch(/retrain fetch has no option --to; did you mean --out\?/)
  })
})
