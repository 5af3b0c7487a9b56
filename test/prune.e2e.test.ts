/**
 * Retention through the built CLI, as a user runs it against the directory registry: which bundles
 * a policy prunes and which it never touches, a dry run that changes nothing, a pruned version
 * refused as champion with the registry byte-for-byte unchanged, a crash (kill -9) between the
 * mark and the deletion, two prunes at once, and a run that applies the spec's retention after its
 * commit.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { invariantViolations, normalizeState } from '../src/registry/state-machine.js'
import { CLI, makeProject, retrain, toySpec, treeDigest } from './helpers/project.js'

const REGISTRY = ['--registry', 'registry']

async function state(project: string) {
  return normalizeState('toy', JSON.parse(await readFile(path.join(project, 'registry', 'toy', 'registry.json'), 'utf8')))
}

async function bundles(project: string): Promise<number[]> {
  return (await readdir(path.join(project, 'registry', 'toy', 'versions')))
    .filter(n => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b)
}

async function run(project: string, delta: number, spec = 'retrain.yml'): Promise<void> {
  const res = await retrain(project, ['run', '--spec', spec, ...REGISTRY, '--param', `delta=${delta}`])
  expect(res.code, res.stderr).toBe(0)
}

/**
 * A registry of every kind of version: 1, 2 retired; 3, 5, 8 rejected; 4 retired but the baseline of
 * 6, which waits at the gate; 7 the champion.
 */
async function mixedRegistry(retention = ''): Promise<string> {
  const project = await makeProject('test/fixtures/toy', toySpec() + retention)
  await writeFile(path.join(project, 'gate.yml'), toySpec({ mode: 'gate' }) + retention)
  for (const delta of [1, 1, -1, 1, -1]) await run(project, delta)
  await run(project, 1, 'gate.yml')
  await run(project, 1)
  await run(project, -1)
  const s = await state(project)
  expect(s.versions.map(v => [v.version, v.status, v.baselineVersion])).toEqual([
    [1, 'retired', null],
    [2, 'retired', 1],
    [3, 'rejected', 2],
    [4, 'retired', 2],
    [5, 'rejected', 4],
    [6, 'pending', 4],
    [7, 'promoted', 4],
    [8, 'rejected', 7]
  ])
  return project
}

/** Waits (boundedly) until a command held at a failpoint has written `file`; fails if it ended first. */
async function reached(file: string, command: Promise<{ code: number | null; stderr: string }>): Promise<void> {
  let ended: { code: number | null; stderr: string } | null = null
  void command.then(r => (ended = r))
  for (let i = 0; i < 3000 && !existsSync(file); i++) {
    if (ended) throw new Error(`the command ended before its failpoint: ${JSON.stringify(ended)}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  expect(existsSync(file)).toBe(true)
}

const prune = (project: string, ...args: string[]) => retrain(project, ['prune', '--spec', 'retrain.yml', ...REGISTRY, ...args])

describe('retrain prune', () => {
  it('prunes what the policy no longer keeps, never the champion, a pending version or its baseline; a dry run changes nothing', async () => {
    const project = await mixedRegistry()
    const before = await treeDigest(path.join(project, 'registry'))

    const dry = await prune(project, '--keep-rejected', '1', '--keep-retired', '0', '--dry-run', '--json')
    expect(dry.code, dry.stderr).toBe(0)
    const planned = JSON.parse(dry.stdout)
    expect(planned.dryRun).toBe(true)
    expect(planned.pruned.map((p: { version: number }) => p.version)).toEqual([1, 2, 3, 5])
    expect(planned.bytesFreed).toBeGreaterThan(0)
    expect(await treeDigest(path.join(project, 'registry'))).toEqual(before)

    const res = await prune(project, '--keep-rejected', '1', '--keep-retired', '0', '--actor', 'ops')
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/^Pruned the bundles of toy versions 1, 2, 3, 5 \(keep-rejected: 1, keep-retired: 0\): [\d.]+ KiB freed/)
    expect(res.stdout).toMatch(/version 5 \(rejected\): [\d.]+ KiB; rejected, older than the newest 1 rejected/)
    expect(await bundles(project)).toEqual([4, 6, 7, 8])

    const s = await state(project)
    expect(invariantViolations(s)).toEqual([])
    expect(s.effects).toEqual([])
    // The records stay, with their status, metrics and history; they only gain the mark.
    expect(s.versions.map(v => [v.version, v.status, Boolean(v.pruned)])).toEqual([
      [1, 'retired', true],
      [2, 'retired', true],
      [3, 'rejected', true],
      [4, 'retired', false],
      [5, 'rejected', true],
      [6, 'pending', false],
      [7, 'promoted', false],
      [8, 'rejected', false]
    ])
    expect(s.versions[2]!.metrics.score).toBe(1)
    expect(s.versions[0]!.pruned).toMatchObject({ actor: 'ops', reason: 'keep-rejected: 1, keep-retired: 0' })
    expect(s.history.filter(e => e.action === 'pruned').map(e => e.version)).toEqual([1, 2, 3, 5])

    // Applied again, the same policy has nothing left to do.
    const again = await prune(project, '--keep-rejected', '1', '--keep-retired', '0', '--json')
    expect(again.code, again.stderr).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({ pruned: [], cleanedUp: [], bytesFreed: 0 })

    // Even keeping nothing: the champion, the pending version and the champion it was compared with stay.
    const none = await prune(project, '--keep-rejected', '0', '--keep-retired', '0', '--json')
    expect(JSON.parse(none.stdout).pruned.map((p: { version: number }) => p.version)).toEqual([8])
    expect(await bundles(project)).toEqual([4, 6, 7])

    const status = await retrain(project, ['status', '--spec', 'retrain.yml', ...REGISTRY])
    expect(status.stdout).toMatch(/\| 3 +\| rejected, bundle pruned \d{4}-\d\d-\d\d +\|/)
    expect(status.stdout).toMatch(/\| 4 +\| retired +\|/)
    expect(status.stdout).toMatch(/\| pruned +\| 8 +\|/)
    const json = JSON.parse((await retrain(project, ['status', '--spec', 'retrain.yml', ...REGISTRY, '--json'])).stdout)
    expect(json.versions.find((v: { version: number }) => v.version === 1).pruned.at).toMatch(/^\d{4}-/)
    expect(json.versions.find((v: { version: number }) => v.version === 4).pruned).toBeUndefined()
  }, 120_000)

  it('takes the policy from the spec, and refuses without one or with a count that is not a whole number', async () => {
    const project = await makeProject('test/fixtures/toy', toySpec())
    for (const delta of [1, -1, -1]) await run(project, delta)
    const none = await prune(project)
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/no retention policy for toy: the spec retrain\.yml has no retention: section/)
    const bad = await prune(project, '--keep-rejected=-1')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--keep-rejected must be a whole number of 0 or more, got "-1"/)
    const words = await prune(project, '--keep-retired', 'two')
    expect(words.code).toBe(2)
    expect(words.stderr).toMatch(/--keep-retired must be a whole number of 0 or more, got "two"/)

    await writeFile(path.join(project, 'retrain.yml'), toySpec() + 'retention:\n  keep-rejected: 1.5\n')
    const badSpec = await prune(project)
    expect(badSpec.code).toBe(2)
    expect(badSpec.stderr).toMatch(/retrain\.yml:\d+:\d+.*keep-rejected/)

    await writeFile(path.join(project, 'retrain.yml'), toySpec() + 'retention:\n  keep-rejected: 1\n')
    const res = await prune(project)
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/^Pruned the bundles of toy version 2 \(keep-rejected: 1\)/)
    // The flag wins over the spec.
    const flag = await prune(project, '--keep-rejected', '0', '--json')
    expect(JSON.parse(flag.stdout).pruned.map((p: { version: number }) => p.version)).toEqual([3])
    // Without a spec, the model and the counts say it all.
    const byModel = await retrain(project, ['prune', '--model', 'toy', ...REGISTRY])
    expect(byModel.code).toBe(2)
    expect(byModel.stderr).toMatch(/no spec was read \(--model\)/)
  }, 60_000)

  it('keeps a version the rules pin (against: N) when the spec is not read, from the pins the newest version recorded', async () => {
    const project = await makeProject('test/fixtures/toy', toySpec())
    // 1 promoted, 2 promoted (1 retired), 3 promoted (2 retired).
    for (const delta of [1, 1, 1]) await run(project, delta)
    const pinning = toySpec().replace('      - margin: 0\n', '      - margin: 0\n      - margin: -100\n        against: 1\n')
    expect(pinning).toContain('against: 1')
    await writeFile(path.join(project, 'pinning.yml'), pinning)
    await run(project, 1, 'pinning.yml')
    const s = await state(project)
    expect(s.versions.map(v => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'retired'],
      [3, 'retired'],
      [4, 'promoted']
    ])
    expect(s.versions.find(v => v.version === 4)!.comparedWith).toEqual([1])
    // Without the spec, version 1 is kept all the same, and said to be.
    const byModel = await retrain(project, ['prune', '--model', 'toy', ...REGISTRY, '--keep-retired', '0', '--json'])
    expect(byModel.code, byModel.stderr).toBe(0)
    expect(JSON.parse(byModel.stdout).pruned.map((p: { version: number }) => p.version)).toEqual([2, 3])
    expect(await bundles(project)).toEqual([1, 4])
    const refused = await retrain(project, ['rollback', '--model', 'toy', ...REGISTRY, '--to', '2'])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/pruned/)
    // The spec drops the pin; once a version is trained under it, version 1 is prunable.
    await run(project, 1)
    expect((await state(project)).versions.find(v => v.version === 5)!.comparedWith).toBeUndefined()
    const after = await retrain(project, ['prune', '--model', 'toy', ...REGISTRY, '--keep-retired', '0', '--json'])
    expect(after.code, after.stderr).toBe(0)
    expect(JSON.parse(after.stdout).pruned.map((p: { version: number }) => p.version)).toEqual([1, 4])
    expect(invariantViolations(await state(project))).toEqual([])
  }, 60_000)

  it('refuses to roll back to, approve or promote a pruned version, and changes nothing', async () => {
    const project = await mixedRegistry()
    expect((await prune(project, '--keep-rejected', '0', '--keep-retired', '0')).code).toBe(0)
    const before = await treeDigest(path.join(project, 'registry'))
    const attempts = [
      ['rollback', '--to', '2'],
      ['approve', '3', '--force', '--reason', 'try it'],
      ['promote', '--candidate', '5', '--expect-champion', '4', '--force', '--reason', 'try it']
    ]
    for (const args of attempts) {
      const res = await retrain(project, [...args, '--spec', 'retrain.yml', ...REGISTRY])
      expect(res.code, `${args.join(' ')}: ${res.stderr}`).toBe(2)
      expect(res.stderr).toMatch(
        /cannot become the champion: its bundle was pruned on \d{4}-\d\d-\d\d by retention \(keep-rejected: 0, keep-retired: 0, by \S+\) and cannot be restored; nothing was changed/
      )
      expect(await treeDigest(path.join(project, 'registry'))).toEqual(before)
    }
    // A version it keeps still rolls back.
    const ok = await retrain(project, ['rollback', '--to', '4', '--spec', 'retrain.yml', ...REGISTRY])
    expect(ok.code, ok.stderr).toBe(0)
  }, 120_000)

  it('a crash (kill -9) between the mark and the deletion leaves a consistent registry; the next prune deletes the leftovers', async () => {
    const project = await mixedRegistry()
    expect((await prune(project, '--keep-rejected', '1', '--keep-retired', '0')).code).toBe(0)
    // Killed once the mark of version 8 was committed, before its bundle was deleted.
    const crashed = await retrain(project, ['prune', '--spec', 'retrain.yml', ...REGISTRY, '--keep-rejected', '0', '--keep-retired', '0'], {
      RETRAIN_TEST_FAILPOINT: 'prune-marked:SIGKILL'
    })
    expect(crashed.code).toBeNull()
    const s = await state(project)
    expect(invariantViolations(s)).toEqual([])
    expect(s.versions.find(v => v.version === 8)!.pruned).toBeDefined()
    // The mark is there, the bundle is too, and its deletion waits in the state.
    expect(await bundles(project)).toEqual([4, 6, 7, 8])
    expect(s.effects.map(e => [e.kind, e.version])).toEqual([['delete-pruned-bundle', 8]])
    const status = await retrain(project, ['status', '--spec', 'retrain.yml', ...REGISTRY])
    expect(status.stdout).toMatch(/Follow-ups not yet done: delete-pruned-bundle of version 8 \(pending\)/)

    const next = await prune(project, '--keep-rejected', '0', '--keep-retired', '0', '--json')
    expect(next.code, next.stderr).toBe(0)
    const report = JSON.parse(next.stdout)
    expect(report.pruned).toEqual([])
    expect(report.cleanedUp.map((p: { version: number }) => p.version)).toEqual([8])
    expect(report.bytesFreed).toBeGreaterThan(0)
    expect(await bundles(project)).toEqual([4, 6, 7])
    const after = await state(project)
    expect(after.effects).toEqual([])
    expect(invariantViolations(after)).toEqual([])
    expect(after.history.filter(e => e.action === 'pruned' && e.version === 8)).toHaveLength(1)
  }, 120_000)

  it('two prunes at once converge: each bundle pruned once, every one deleted', async () => {
    const project = await mixedRegistry()
    const once = () =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, 'prune', '--spec', 'retrain.yml', ...REGISTRY, '--keep-rejected', '0', '--keep-retired', '0', '--json'], {
          cwd: project
        })
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', d => (stdout += d))
        child.stderr.on('data', d => (stderr += d))
        child.on('error', reject)
        child.on('close', code => resolve({ code, stdout, stderr }))
      })
    const [a, b] = await Promise.all([once(), once()])
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    const versions = [...JSON.parse(a.stdout).pruned, ...JSON.parse(b.stdout).pruned].map((p: { version: number }) => p.version).sort((x, y) => x - y)
    // Whichever came first pruned them all; the other found nothing left, or the same versions pruned already.
    expect(new Set(versions)).toEqual(new Set([1, 2, 3, 5, 8]))
    const s = await state(project)
    expect(invariantViolations(s)).toEqual([])
    expect(s.effects).toEqual([])
    expect(
      s.history
        .filter(e => e.action === 'pruned')
        .map(e => e.version)
        .sort((x, y) => x - y)
    ).toEqual([1, 2, 3, 5, 8])
    expect(await bundles(project)).toEqual([4, 6, 7])
    expect(existsSync(path.join(project, 'registry', 'toy', 'registry.json.lock'))).toBe(false)
  }, 120_000)

  it('a prune that planned before another marked reports only the versions it marked itself', async () => {
    const project = await mixedRegistry()
    const go = path.join(project, 'go')
    // Planned with every rejected and retired version, then held before its write.
    const late = retrain(project, ['prune', '--spec', 'retrain.yml', ...REGISTRY, '--keep-rejected', '0', '--keep-retired', '0', '--json'], {
      RETRAIN_TEST_FAILPOINT: `prune-planned:wait-for:${go}`
    })
    await reached(`${go}.waiting`, late)
    const first = await prune(project, '--keep-rejected', '0', '--json')
    expect(first.code, first.stderr).toBe(0)
    expect(JSON.parse(first.stdout).pruned.map((p: { version: number }) => p.version)).toEqual([3, 5, 8])
    await writeFile(go, '')
    const second = await late
    expect(second.code, second.stderr).toBe(0)
    const report = JSON.parse(second.stdout)
    // 3, 5 and 8 are the first prune's: reported by it alone, their bytes freed by it alone.
    expect(report.pruned.map((p: { version: number }) => p.version)).toEqual([1, 2])
    expect(report.cleanedUp).toEqual([])
    expect(report.deletedByOthers).toEqual([])
    expect(await bundles(project)).toEqual([4, 6, 7])
    expect(invariantViolations(await state(project))).toEqual([])
  }, 120_000)

  it("a prune whose deletions another did first reports them as that one's, and frees no byte twice", async () => {
    const project = await mixedRegistry()
    const go = path.join(project, 'go')
    const args = ['prune', '--spec', 'retrain.yml', ...REGISTRY, '--keep-rejected', '0', '--keep-retired', '0', '--json']
    // Held once its marks are committed, before it deletes a bundle.
    const marker = retrain(project, args, { RETRAIN_TEST_FAILPOINT: `prune-marked:wait-for:${go}` })
    await reached(`${go}.waiting`, marker)
    const other = await retrain(project, args)
    expect(other.code, other.stderr).toBe(0)
    const deleter = JSON.parse(other.stdout)
    expect(deleter.pruned).toEqual([])
    expect(deleter.cleanedUp.map((p: { version: number }) => p.version)).toEqual([1, 2, 3, 5, 8])
    expect(deleter.bytesFreed).toBeGreaterThan(0)
    await writeFile(go, '')
    const held = await marker
    expect(held.code, held.stderr).toBe(0)
    const report = JSON.parse(held.stdout)
    expect(report.pruned.map((p: { version: number }) => p.version)).toEqual([1, 2, 3, 5, 8])
    expect(report.deletedByOthers).toEqual([1, 2, 3, 5, 8])
    expect(report.cleanedUp).toEqual([])
    expect(report.bytesFreed).toBe(0)
    const text = await retrain(project, ['prune', '--spec', 'retrain.yml', ...REGISTRY, '--keep-rejected', '0', '--keep-retired', '0'])
    expect(text.stdout).toMatch(/^Pruned no bundle of toy \(keep-rejected: 0, keep-retired: 0\): 0 bytes freed\n/)
    expect(await bundles(project)).toEqual([4, 6, 7])
    const s = await state(project)
    expect(s.effects).toEqual([])
    expect(invariantViolations(s)).toEqual([])
  }, 120_000)

  it("a run applies the spec's retention after its commit", async () => {
    const project = await makeProject('test/fixtures/toy', toySpec() + 'retention:\n  keep-rejected: 0\n  keep-retired: 1\n')
    for (const delta of [1, 1]) await run(project, delta)
    expect(await bundles(project)).toEqual([1, 2])
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', ...REGISTRY, '--param', 'delta=1'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout + res.stderr).toMatch(/Pruned the bundles of toy version 1 \(keep-rejected: 0, keep-retired: 1\)/)
    expect(await bundles(project)).toEqual([2, 3])
    const rejected = await retrain(project, ['run', '--spec', 'retrain.yml', ...REGISTRY, '--param', 'delta=-1'])
    expect(rejected.code, rejected.stderr).toBe(0)
    // The version the run just rejected goes at once: keep-rejected is 0.
    expect(await bundles(project)).toEqual([2, 3])
    const s = await state(project)
    expect(s.versions.map(v => [v.version, v.status, Boolean(v.pruned)])).toEqual([
      [1, 'retired', true],
      [2, 'retired', false],
      [3, 'promoted', false],
      [4, 'rejected', true]
    ])
    expect(invariantViolations(s)).toEqual([])
  }, 120_000)
})

describe('a decision whose follow-up did not complete', () => {
  it('approve exits with the conflict code and says so when the pending deletion of a pruned bundle fails; the approval stands', async () => {
    const project = await makeProject('test/fixtures/toy', toySpec())
    await writeFile(path.join(project, 'gate.yml'), toySpec({ mode: 'gate' }))
    await run(project, 1)
    await run(project, -1)
    await run(project, 1, 'gate.yml')
    const crashed = await retrain(project, ['prune', '--spec', 'retrain.yml', ...REGISTRY, '--keep-rejected', '0'], {
      RETRAIN_TEST_FAILPOINT: 'prune-marked:SIGKILL'
    })
    expect(crashed.code).toBeNull()
    // The bundles' folder made unusable: the deletion the prune left fails (ENOTDIR), even for root.
    const versions = path.join(project, 'registry', 'toy', 'versions')
    await rename(versions, `${versions}.aside`)
    await writeFile(versions, '')
    const approve = await retrain(project, ['approve', '3', '--spec', 'retrain.yml', ...REGISTRY])
    expect(approve.stdout, approve.stderr).toMatch(/Approved and promoted toy version 3/)
    expect(approve.stderr).toMatch(/error: toy version 3 is the champion, but delete-pruned-bundle of version 2 \(.*\) did not complete; it stays pending/)
    expect(approve.code).toBe(5)
    const s = await state(project)
    expect(s.champion).toBe(3)
    expect(s.effects.map(e => [e.kind, e.version, e.status])).toEqual([['delete-pruned-bundle', 2, 'failed']])

    await rm(versions)
    await rename(`${versions}.aside`, versions)
    const rollback = await retrain(project, ['rollback', '--spec', 'retrain.yml', ...REGISTRY])
    expect(rollback.code, rollback.stderr).toBe(0)
    expect((await state(project)).effects).toEqual([])
  })

  it('a prune whose marks landed says so when the registry cannot be read afterwards; the next prune deletes the bundles', async () => {
    const project = await makeProject('test/fixtures/toy', toySpec())
    await run(project, 1)
    await run(project, -1)
    const go = path.join(project, 'go')
    const marking = retrain(project, ['prune', '--spec', 'retrain.yml', ...REGISTRY, '--keep-rejected', '0'], {
      RETRAIN_TEST_FAILPOINT: `prune-marked:wait-for:${go}`
    })
    await reached(`${go}.waiting`, marking)
    // Once the marks are written, the state file is unreadable (a folder in its place, even for root).
    const file = path.join(project, 'registry', 'toy', 'registry.json')
    await rename(file, `${file}.aside`)
    await mkdir(file)
    await writeFile(go, '')
    const marked = await marking
    expect(marked.stdout, marked.stderr).toMatch(/Pruned the bundles? of toy version 2/)
    expect(marked.stderr).toMatch(/error: the prune of toy is recorded, but the follow-ups it recorded \(completing them failed: [^)]*EISDIR/)
    expect(marked.code).toBe(5)
    await rm(file, { recursive: true })
    await rename(`${file}.aside`, file)
    const s = await state(project)
    expect(s.versions.map(v => [v.version, Boolean(v.pruned)])).toEqual([
      [1, false],
      [2, true]
    ])
    expect(s.effects.map(e => [e.kind, e.version, e.status])).toEqual([['delete-pruned-bundle', 2, 'pending']])
    const again = await prune(project, '--keep-rejected', '0')
    expect(again.code, again.stderr).toBe(0)
    expect(await bundles(project)).toEqual([1])
    expect((await state(project)).effects).toEqual([])
  })
})
