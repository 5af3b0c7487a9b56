/**
 * The run-cache on GitHub's services (loopback): the real @actions/cache against the results
 * service fake's CacheService with Azurite behind it. A second job, in a fresh checkout, restores a
 * cached step's outputs and does not run it; a hostile service (5xx, a lost answer after the entry
 * was created or finalized, an entry another job saved first, a damaged blob) never fails the run.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { makeProject, readJson, treeDigest } from '../helpers/project.js'
import { runAction } from './harness.js'

let service: FakeArtifacts

beforeAll(async () => {
  service = await startFakeArtifacts()
})

afterAll(async () => {
  await service?.close()
})

const SPEC = `model: cached
root: .
params:
  delta: { type: number, default: 1 }
  note: { type: string, default: "" }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Prepare
    run: |
      echo ran >> counter.txt
      mkdir -p features
      node -e "require('fs').writeFileSync('features/f.bin', require('crypto').randomBytes(50000))"
      echo "$RETRAIN_PARAM_NOTE" > "$RETRAIN_WORK_DIR/note.txt"
    cache:
      outputs: [features, $RETRAIN_WORK_DIR/note.txt]
      data: [train]
  - name: Train
    run: |
      cp "$RETRAIN_WORK_DIR/note.txt" seen-note.txt
      node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: -100
promotion:
  mode: auto
  first-model: promote
`

/** A fresh checkout, as each job gets: nothing from an earlier job is on disk. */
async function checkout(): Promise<string> {
  return await makeProject('test/fixtures/toy', SPEC)
}

async function act(workspace: string, params?: Record<string, unknown>) {
  const run = await runAction(workspace, {
    artifacts: service,
    inputs: { spec: 'retrain.yml', artifacts: 'false', ...(params && { params: JSON.stringify(params) }) },
    env: { ACTIONS_CACHE_SERVICE_V2: 'true' }
  })
  const outputs = run.outputs['result-path'] ? await readJson(run.outputs['result-path']).catch(() => null) : null
  return { ...run, result: outputs }
}

const ranSteps = async (workspace: string) => (await readFile(path.join(workspace, 'counter.txt'), 'utf8').catch(() => '')).split('\n').filter(Boolean).length
const prepare = (result: any) => result.steps.find((s: any) => s.id === 'prepare').cache

describe('the run-cache on GitHub (loopback)', { timeout: 240_000 }, () => {
  it('a second job restores the step from the Actions cache instead of running it', async () => {
    const first = await checkout()
    const saved = await act(first)
    expect(saved.code, saved.log).toBe(0)
    expect(await ranSteps(first)).toBe(1)
    const key = prepare(saved.result).key
    expect(prepare(saved.result).restored).toBe(false)
    expect([...service.cacheEntries.values()].filter(e => e.key === key && e.finalized)).toHaveLength(1)
    expect(service.calls).toEqual(expect.arrayContaining(['GetCacheEntryDownloadURL', 'CreateCacheEntry', 'FinalizeCacheEntryUpload']))

    const second = await checkout()
    const restored = await act(second)
    expect(restored.code, restored.log).toBe(0)
    expect(await ranSteps(second), 'the step did not run in the second job').toBe(0)
    expect(prepare(restored.result)).toEqual({ key, restored: true })
    expect(restored.log).toContain(`Step Prepare: restored from cache ${key}`)
    expect(await treeDigest(path.join(second, 'features'))).toEqual(await treeDigest(path.join(first, 'features')))
    expect(await readFile(path.join(second, 'seen-note.txt'), 'utf8')).toBe('\n')
    expect(restored.summary).toContain(`Prepare (restored from cache ${key})`)
    // Nothing went through the workspace: no local cache, no leftover of the transfer.
    expect((await readdir(second)).filter(n => n === '.retrain' || n.includes('retrain-step-cache'))).toEqual(['.retrain'])
    expect(await readdir(path.join(second, '.retrain'))).not.toContain('cache')

    // A 503 on the lookup is retried; the entry is still restored.
    service.faults.push({ target: 'GetCacheEntryDownloadURL', status: 503, times: 1 })
    const third = await checkout()
    const retried = await act(third)
    expect(retried.code, retried.log).toBe(0)
    expect(prepare(retried.result).restored).toBe(true)
    expect(await ranSteps(third)).toBe(0)
    expect(retried.log).toMatch(/Attempt 1 of 5 failed with error: Failed request: \(503\)/)
    expect(service.faults.filter(f => f.times > 0)).toEqual([])
  })

  it('a hostile cache service never fails the run: the step runs and the run goes on', async () => {
    // The lookup says "no entry" though another job saved it: the step runs, and saving finds it there.
    const seed = await checkout()
    expect((await act(seed, { note: 'race' })).code).toBe(0)
    service.faults.push({ target: 'GetCacheEntryDownloadURL', status: 'miss', times: 1 })
    const raced = await checkout()
    const race = await act(raced, { note: 'race' })
    expect(race.code, race.log).toBe(0)
    expect(await ranSteps(raced)).toBe(1)
    expect(race.log).toMatch(/another job may be creating this cache/)
    expect(race.log).toMatch(/its outputs were not saved in the run-cache \(the GitHub Actions cache\)/)

    // The reservation is made but its answer is lost: the retry meets a conflict, nothing is saved,
    // the run succeeds; later jobs run the step (the reservation never completes) and succeed too.
    service.faults.push({ target: 'CreateCacheEntry', status: 'lost', times: 1 })
    const lostCreate = await checkout()
    const lost = await act(lostCreate, { note: 'lost-create' })
    expect(lost.code, lost.log).toBe(0)
    expect(await ranSteps(lostCreate)).toBe(1)
    const after = await checkout()
    const next = await act(after, { note: 'lost-create' })
    expect(next.code, next.log).toBe(0)
    expect(await ranSteps(after)).toBe(1)
    expect(prepare(next.result).restored).toBe(false)

    // The entry is finalized but that answer is lost: the run says it was not saved, yet the next job restores it.
    service.faults.push({ target: 'FinalizeCacheEntryUpload', status: 'lost', times: 1 })
    const lostFinalize = await checkout()
    const finalized = await act(lostFinalize, { note: 'lost-finalize' })
    expect(finalized.code, finalized.log).toBe(0)
    const later = await checkout()
    const hit = await act(later, { note: 'lost-finalize' })
    expect(hit.code, hit.log).toBe(0)
    expect(prepare(hit.result).restored).toBe(true)
    expect(await ranSteps(later)).toBe(0)

    // A 5xx on the reservation is retried and the entry saved.
    service.faults.push({ target: 'CreateCacheEntry', status: 502, times: 1 })
    const flaky = await checkout()
    const retried = await act(flaky, { note: 'flaky' })
    expect(retried.code, retried.log).toBe(0)
    expect(retried.log).toMatch(/outputs stored in the cache as /)

    // A damaged blob: the restore fails, the step runs, the run succeeds.
    await service.damageCacheEntry(prepare(retried.result).key)
    const damaged = await checkout()
    const broken = await act(damaged, { note: 'flaky' })
    expect(broken.code, broken.log).toBe(0)
    expect(await ranSteps(damaged)).toBe(1)
    expect(prepare(broken.result).restored).toBe(false)
    expect(await readFile(path.join(damaged, 'seen-note.txt'), 'utf8')).toBe('flaky\n')
    expect(
      service.faults.filter(f => f.times > 0),
      'every injected fault was met'
    ).toEqual([])
  })

  it('a rate limit (429) on the lookup or on the save never fails the run', async () => {
    const seed = await checkout()
    expect((await act(seed, { note: 'limited' })).code).toBe(0)
    // The lookup is rate limited: a miss, the step runs; saving finds the entry there.
    service.faults.push({ target: 'GetCacheEntryDownloadURL', status: 429, times: 1 })
    const limited = await checkout()
    const lookup = await act(limited, { note: 'limited' })
    expect(lookup.code, lookup.log).toBe(0)
    expect(await ranSteps(limited)).toBe(1)
    expect(prepare(lookup.result).restored).toBe(false)
    expect(await readFile(path.join(limited, 'seen-note.txt'), 'utf8')).toBe('limited\n')
    // The reservation is rate limited: nothing saved, the run goes on, and the next job runs the step.
    service.faults.push({ target: 'CreateCacheEntry', status: 429, times: 1 })
    const reserve = await checkout()
    const refused = await act(reserve, { note: 'limited-save' })
    expect(refused.code, refused.log).toBe(0)
    expect(refused.log).toMatch(/its outputs were not saved in the run-cache/)
    expect([...service.cacheEntries.values()].filter(e => e.key === prepare(refused.result).key)).toEqual([])
    expect(service.faults.filter(f => f.times > 0)).toEqual([])
  })

  it('without the cache service (no results service on this runner) the cache is a directory in the workspace', async () => {
    const workspace = await checkout()
    await writeFile(path.join(workspace, 'retrain.yml'), SPEC)
    const run = () =>
      runAction(workspace, { inputs: { spec: 'retrain.yml', artifacts: 'false' } }).then(async r => ({
        ...r,
        result: await readJson(r.outputs['result-path']!)
      }))
    const first = await run()
    expect(first.code, first.log).toBe(0)
    expect(first.log).toMatch(/The Actions cache service is not available on this runner: cached steps keep their outputs in .*\.retrain\/cache/)
    const second = await run()
    expect(second.code, second.log).toBe(0)
    expect(prepare(second.result).restored).toBe(true)
    expect(await ranSteps(workspace)).toBe(1)
  })
})
