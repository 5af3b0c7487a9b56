/**
 * The release gate from the command line: approve, reject and promote at the edges of the state
 * machine. Each gives the documented outcome and exit code, and a refusal changes nothing.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain, toySpec, treeDigest } from './helpers/project.js'

async function run(cwd: string, out: string, ...args: string[]) {
  const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', out, ...args])
  return { ...res, result: res.code === 0 ? await readJson(path.join(cwd, out, 'result.json')) : null }
}

const registryDir = (cwd: string) => path.join(cwd, '.retrain/registry/toy')
const status = async (cwd: string) => JSON.parse((await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])).stdout)

describe('the release gate from the command line', () => {
  it('promote refuses a candidate compared with another champion than the one it names, even the current one', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ mode: 'gate' }))
    expect((await run(cwd, 'out/1')).result.decision).toBe('promoted')
    expect((await run(cwd, 'out/2', '--param', 'delta=1')).result).toMatchObject({ decision: 'pending-approval', baseline: { version: 1 } })
    expect((await run(cwd, 'out/3', '--param', 'delta=5')).result).toMatchObject({ decision: 'pending-approval', baseline: { version: 1 } })
    expect((await retrain(cwd, ['approve', '3', '--spec', 'retrain.yml'])).code).toBe(0)

    // Version 2 (score 2) was compared with version 1, never with version 3 (score 6), today's champion.
    const before = await treeDigest(registryDir(cwd))
    const named = await retrain(cwd, ['promote', '--spec', 'retrain.yml', '--candidate', '2', '--expect-champion', '3'])
    expect(named.code).toBe(5)
    expect(named.stderr).toMatch(/stale-baseline: the candidate of toy was compared with version 1, but the champion is now version 3; nothing was promoted/)
    const forced = await retrain(cwd, ['promote', '--spec', 'retrain.yml', '--candidate', '2', '--expect-champion', '3', '--force', '--reason', 'ship it'])
    expect(forced.code).toBe(5)
    expect(await treeDigest(registryDir(cwd))).toEqual(before)
    expect((await status(cwd)).champion).toBe(3)

    // A wrong expectation while the champion it was compared with is still current says so.
    expect((await run(cwd, 'out/4', '--param', 'delta=1')).result).toMatchObject({ decision: 'pending-approval', baseline: { version: 3 } })
    const wrong = await retrain(cwd, ['promote', '--spec', 'retrain.yml', '--candidate', '4', '--expect-champion', '1'])
    expect(wrong.code).toBe(5)
    expect(wrong.stderr).toMatch(/toy version 4 was compared with version 3, which is still the champion, not with version 1; nothing was promoted/)
    const right = await retrain(cwd, ['promote', '--spec', 'retrain.yml', '--candidate', '4', '--expect-champion', '3'])
    expect(right.code, right.stderr).toBe(0)
    expect((await status(cwd)).champion).toBe(4)
  })

  it('approve twice, approve after a reject, approve a retired version, reject the champion: each refused with the reason, nothing changed', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ mode: 'gate' }))
    expect((await run(cwd, 'out/1')).result.decision).toBe('promoted')
    expect((await run(cwd, 'out/2')).result.decision).toBe('pending-approval')
    expect((await retrain(cwd, ['approve', '2', '--spec', 'retrain.yml'])).code).toBe(0)
    expect((await run(cwd, 'out/3', '--param', 'delta=2')).result).toMatchObject({ decision: 'pending-approval', baseline: { version: 2 } })
    expect((await retrain(cwd, ['reject', '3', '--spec', 'retrain.yml', '--reason', 'eval set too small'])).code).toBe(0)
    const before = await treeDigest(registryDir(cwd))
    const refusals: [string[], RegExp][] = [
      [['approve', '3'], /version 3 was rejected by \S+ \(eval set too small\); only a forced approval with a reason can promote it/],
      [['approve', '1'], /version 1 was already promoted; roll back to make it the champion again/],
      [['reject', '2'], /version 2 is promoted; only a pending candidate can be rejected/],
      [['reject', '3'], /version 3 is rejected; only a pending candidate can be rejected/],
      [['approve', '9'], /toy has no version 9 \(versions: 1, 2, 3\)/]
    ]
    for (const [args, message] of refusals) {
      const res = await retrain(cwd, [...args, '--spec', 'retrain.yml'])
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr).toMatch(message)
    }
    // The champion approved, promoted or rolled back to again: what was asked holds, so it succeeds and changes nothing.
    for (const args of [
      ['approve', '2'],
      ['promote', '--candidate', '2', '--expect-champion', '1'],
      ['rollback', '--to', '2']
    ]) {
      const res = await retrain(cwd, [...args, '--spec', 'retrain.yml'])
      expect(res.code, res.stderr).toBe(0)
      expect(res.stdout).toMatch(/toy version 2 is already the champion: nothing changed, nothing needed doing/)
    }
    expect(await treeDigest(registryDir(cwd))).toEqual(before)

    // A person may still force-approve the rejected version, with a reason that is recorded.
    expect((await retrain(cwd, ['approve', '3', '--spec', 'retrain.yml', '--force', '--reason', 'the eval set was fixed'])).code).toBe(0)
    expect((await status(cwd)).history.at(-1)).toMatchObject({ action: 'approved', version: 3, from: 2, forced: true, reason: 'the eval set was fixed' })
    // Rollback right after the approval restores the champion before it; the approved version is retired.
    expect((await retrain(cwd, ['rollback', '--spec', 'retrain.yml'])).code).toBe(0)
    const after = await status(cwd)
    expect(after.champion).toBe(2)
    expect(after.versions.map((v: { status: string }) => v.status)).toEqual(['retired', 'promoted', 'retired'])
  })
})
