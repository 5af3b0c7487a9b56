import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain, treeDigest, toySpec } from './helpers/project.js'
import { alive, killPidFile, readPid, startCli, waitFor } from './helpers/runner.js'

async function run(cwd: string, out: string, ...args: string[]) {
  const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', out, ...args])
  const resultFile = path.join(cwd, out, 'result.json')
  const result = existsSync(resultFile) ? await readJson(resultFile) : null
  return { ...res, result }
}

function untar(archive: string): string {
  const dir = spawnSync('mktemp', ['-d']).stdout.toString().trim()
  const r = spawnSync('tar', ['-xf', archive, '-C', dir])
  expect(r.status).toBe(0)
  return dir
}

const registryDir = (cwd: string) => path.join(cwd, '.retrain/registry/toy')

describe('the retraining loop from the command line', () => {
  it('first model, warm-start retrain promoted, regression rejected', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec())

    const first = await run(cwd, 'out/1')
    expect(first.code, first.stderr).toBe(0)
    expect(first.result).toMatchObject({
      decision: 'promoted',
      firstModel: true,
      baseline: null,
      candidate: { version: 1, warmStart: { source: 'cold', reason: 'first-model', parentVersion: null }, metrics: { score: 1 } }
    })
    expect(first.result.rules.find((r: { kind: string }) => r.kind === 'change').status).toBe('not-applicable')
    expect(first.stdout).toMatch(/toy: promoted/)

    const second = await run(cwd, 'out/2', '--param', 'delta=2')
    expect(second.code, second.stderr).toBe(0)
    expect(second.result).toMatchObject({
      decision: 'promoted',
      firstModel: false,
      baseline: { version: 1, metrics: { score: 1 } },
      candidate: { version: 2, warmStart: { source: 'champion', confirmed: true, parentVersion: 1 }, metrics: { score: 3 } }
    })
    const manifest = await readJson(path.join(registryDir(cwd), 'versions/2/manifest.json'))
    expect(manifest.lineage).toMatchObject({ version: 2, parentVersion: 1, model: 'toy', params: { delta: 2 } })
    expect(Object.keys(manifest.lineage.trainingData)).toEqual(['train'])
    expect(Object.keys(manifest.lineage.evaluationData)).toEqual(['eval'])
    // The trainer really started from the parent's parameters: w = parent's w + delta.
    const model = await readJson(path.join(untar(path.join(registryDir(cwd), 'versions/2/model.tar')), 'model.json'))
    expect(model).toMatchObject({ w: 3, startedFrom: 1, generation: 2, parentVersion: '1' })
    expect(second.stdout).toMatch(/\| score +\| maximize \| 1 +\| 3 +\| \+2 \(better\)/)

    const worse = await run(cwd, 'out/3', '--param', 'delta=-0.5')
    expect(worse.code, worse.stderr).toBe(0)
    expect(worse.result).toMatchObject({ decision: 'rejected', passed: false, candidate: { version: 3 }, baseline: { version: 2 } })
    const rule = worse.result.rules.find((r: { metric: string; kind: string }) => r.metric === 'score' && r.kind === 'change')
    expect(rule).toMatchObject({ status: 'fail', value: 2.5, baseline: 3, improvement: -0.5, threshold: 0 })
    expect(worse.stdout).toMatch(/FAIL/)

    const status = await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])
    const snapshot = JSON.parse(status.stdout)
    expect(snapshot.champion).toBe(2)
    expect(snapshot.versions.map((v: { status: string }) => v.status)).toEqual(['retired', 'promoted', 'rejected'])
    expect(snapshot.history.map((e: { action: string }) => e.action)).toEqual(['registered', 'promoted', 'registered', 'promoted', 'rejected'])
  })

  it('gate: pending, then approved; an approval after the champion moved fails with stale-baseline', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ mode: 'gate' }))
    expect((await run(cwd, 'out/1')).result.decision).toBe('promoted')

    const gated = await run(cwd, 'out/2', '--param', 'delta=1')
    expect(gated.result).toMatchObject({ decision: 'pending-approval', candidate: { version: 2 }, gate: { kind: 'local' } })
    expect(gated.result.gate.where).toContain('retrain approve 2')
    const stale = await run(cwd, 'out/3', '--param', 'delta=2')
    expect(stale.result.decision).toBe('pending-approval')

    const approved = await retrain(cwd, ['approve', '2', '--spec', 'retrain.yml', '--actor', 'reviewer'])
    expect(approved.code, approved.stderr).toBe(0)
    const before = await treeDigest(registryDir(cwd))
    const late = await retrain(cwd, ['approve', '3', '--spec', 'retrain.yml'])
    expect(late.code).toBe(5)
    expect(late.stderr).toMatch(/stale-baseline: the candidate of toy was compared with version 1, but the champion is now version 2/)
    expect(await treeDigest(registryDir(cwd))).toEqual(before)

    // Status says version 3 waits on a stale comparison, and what to do with it.
    const shown = await retrain(cwd, ['status', '--spec', 'retrain.yml'])
    expect(shown.code, shown.stderr).toBe(0)
    expect(shown.stdout).toMatch(/Pending approval: version 3 \(compared with version 1\)/)
    expect(shown.stdout).toMatch(/Stale: version 3 was compared with another champion than version 2, so it cannot be approved as it is: reject it/)
    expect((await retrain(cwd, ['reject', '3', '--spec', 'retrain.yml', '--reason', 'stale'])).code).toBe(0)
    expect((await retrain(cwd, ['status', '--spec', 'retrain.yml'])).stdout).not.toMatch(/Stale:/)

    const snapshot = JSON.parse((await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(snapshot.champion).toBe(2)
    expect(snapshot.history.findLast((e: { action: string }) => e.action === 'approved')).toMatchObject({
      action: 'approved',
      version: 2,
      from: 1,
      actor: 'reviewer'
    })
  })

  it('force-approving a rejected candidate needs a reason, which is recorded; rollback restores the previous champion', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec())
    await run(cwd, 'out/1')
    await run(cwd, 'out/2', '--param', 'delta=1')
    expect((await run(cwd, 'out/3', '--param', 'delta=-1')).result.decision).toBe('rejected')
    const refused = await retrain(cwd, ['approve', '3', '--spec', 'retrain.yml'])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/--force and --reason/)
    const forced = await retrain(cwd, ['approve', '3', '--spec', 'retrain.yml', '--force', '--reason', 'the holdout is mislabeled'])
    expect(forced.code, forced.stderr).toBe(0)
    let snapshot = JSON.parse((await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(snapshot.champion).toBe(3)
    expect(snapshot.history.at(-1)).toMatchObject({ action: 'approved', forced: true, reason: 'the holdout is mislabeled' })

    const back = await retrain(cwd, ['rollback', '--spec', 'retrain.yml'])
    expect(back.code, back.stderr).toBe(0)
    snapshot = JSON.parse((await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(snapshot.champion).toBe(2)
    expect(snapshot.history.at(-1)).toMatchObject({ action: 'rollback', version: 2, from: 3 })
  })

  it('promote --candidate N --expect-champion M moves the pointer only from M', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ mode: 'gate', firstModel: 'gate' }))
    expect((await run(cwd, 'out/1')).result.decision).toBe('pending-approval')
    const wrong = await retrain(cwd, ['promote', '--spec', 'retrain.yml', '--candidate', '1', '--expect-champion', '3'])
    expect(wrong.code).toBe(5)
    const ok = await retrain(cwd, ['promote', '--spec', 'retrain.yml', '--candidate', '1', '--expect-champion', 'none'])
    expect(ok.code, ok.stderr).toBe(0)
    expect(JSON.parse((await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])).stdout).champion).toBe(1)
  })

  it("a failing step's very long output line is cut in the error, whole in the step's log", async () => {
    const train = `node -e "process.stdout.write('progress ' + '#'.repeat(200000) + '\\n'); console.log('out of memory'); process.exit(1)"`
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train }))
    const failed = await run(cwd, 'out/1')
    expect(failed.code).toBe(3)
    expect(failed.stderr).toMatch(/\nprogress #{1991}… \(198009 more characters of this line in the step's log\)\n/)
    expect(failed.stderr).toMatch(/out of memory/)
    // The live output shows the whole line; the error's tail holds a cut of it.
    expect(failed.stderr.slice(failed.stderr.indexOf("--- last lines of the step's output ---")).length).toBeLessThan(3_000)
    const logs = await readdir(path.join(cwd, 'out/1/logs'))
    const log = await readFile(
      path.join(
        cwd,
        'out/1/logs',
        logs.find(f => f.includes('train'))!
      ),
      'utf8'
    )
    expect(log).toContain('progress ' + '#'.repeat(200000))
  })

  it('a failing step stops the run, shows its log tail, and leaves the registry byte-for-byte unchanged', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec())
    await run(cwd, 'out/1')
    const before = await treeDigest(path.join(cwd, '.retrain/registry'))
    const failed = await run(cwd, 'out/2', '--param', 'fail=true')
    expect(failed.code).toBe(3)
    expect(failed.stderr).toMatch(/Step Train failed with exit code 7/)
    expect(failed.stderr).toMatch(/training diverged: loss is NaN/)
    expect(failed.result).toBeNull()
    expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(before)
  })

  it('a step that outlives its timeout is killed with its whole process group', async () => {
    // The step and its background child write their pids, so the test checks its own processes only.
    const train = 'sleep 300 & echo $! > child.pid; echo $$ > step.pid; exec sleep 300'
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train, stepKeys: 'timeout-minutes: 0.02' }))
    const pids = ['step.pid', 'child.pid'].map(name => path.join(cwd, name))
    try {
      // Far below the sleeps' 300 s: only the timeout can end this run within the test's time.
      const res = await run(cwd, 'out/1')
      expect(res.code, res.stderr).toBe(3)
      expect(res.stderr).toMatch(/timed out/)
      for (const file of pids) expect(alive(readPid(file)!), file).toBe(false)
    } finally {
      for (const file of pids) killPidFile(file)
    }
  })

  it('SIGTERM stops the running step and its children within the runner grace period, changing nothing', async () => {
    // Both ignore SIGTERM, so only the runner's escalation to SIGKILL ends them before their 300 s.
    const train = "trap '' TERM; sleep 300 & echo $! > child.pid; echo $$ > step.pid; exec sleep 300"
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train }))
    const pids = ['step.pid', 'child.pid'].map(name => path.join(cwd, name))
    const cli = startCli(cwd, ['run', '--spec', 'retrain.yml'])
    try {
      expect(await waitFor(() => pids.every(file => readPid(file) !== null)), cli.stderr()).toBe(true)
      cli.child.kill('SIGTERM')
      const code = await cli.closed
      expect(code, cli.stderr()).toBe(130)
      expect(cli.stderr()).toMatch(/SIGTERM received/)
      for (const file of pids) expect(alive(readPid(file)!), file).toBe(false)
      expect(existsSync(path.join(cwd, '.retrain/registry'))).toBe(false)
    } finally {
      cli.child.kill('SIGKILL')
      for (const file of pids) killPidFile(file)
    }
  })

  it('a bad spec exits 2 and names file:line:col', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec().replace('  mode: auto', '  mdoe: auto'))
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/retrain\.yml:\d+:\d+: .*mdoe.*did you mean "mode"/)
    const runRes = await retrain(cwd, ['run', '--spec', 'retrain.yml'])
    expect(runRes.code).toBe(2)
    expect(existsSync(path.join(cwd, '.retrain'))).toBe(false)
  })

  it('a longer form of an allowed value is named as the likely meaning (mode: automatic -> auto)', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec().replace('  mode: auto', '  mode: automatic'))
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/retrain\.yml:\d+:\d+: .*automatic.*did you mean "auto"/)
  })

  it('params are validated: a wrong type exits 2 naming the param and what it accepts', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec())
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--param', 'delta=lots'])
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/delta/)
    expect(existsSync(path.join(cwd, '.retrain'))).toBe(false)
  })

  it('an injected param reaches the command as one argument of data and never runs', async () => {
    const canary = path.join(await mkdtemp(path.join(os.tmpdir(), 'canary-')), 'pwned')
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'node args.mjs ${{ params.note }} && node train.mjs' }))
    await writeFile(
      path.join(cwd, 'args.mjs'),
      "import { appendFileSync } from 'node:fs'\nappendFileSync('args.jsonl', JSON.stringify(process.argv.slice(2)) + '\\n')\n"
    )
    const payloads = [`$(touch ${canary})`, `\`touch ${canary}\``, `"; touch ${canary}; echo "`, `'; touch ${canary}; echo '`, `a b\n$(touch ${canary}) *`, '*']
    for (const [i, note] of payloads.entries()) {
      const res = await run(cwd, `out/${i}`, '--param', `note=${note}`)
      expect(res.code, res.stderr).toBe(0)
    }
    expect(existsSync(canary)).toBe(false)
    const seen = (await readFile(path.join(cwd, 'args.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map(l => JSON.parse(l))
    expect(seen).toEqual(payloads.map(p => [p]))
  })

  it('a tampered champion bundle is refused and nothing is promoted', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec())
    await run(cwd, 'out/1')
    const archive = path.join(registryDir(cwd), 'versions/1/model.tar')
    const bytes = await readFile(archive)
    const at = bytes.indexOf(Buffer.from('"w":1'))
    expect(at).toBeGreaterThan(0)
    bytes[at + 4] = '9'.charCodeAt(0)
    await writeFile(archive, bytes)
    const before = await treeDigest(path.join(cwd, '.retrain/registry'))
    const res = await run(cwd, 'out/2')
    expect(res.code).toBe(6)
    expect(res.stderr).toMatch(/model\.tar|model\.json/)
    expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(before)
  })

  it('a champion bundle swapped whole for another valid bundle is refused by the registry digest', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec())
    await run(cwd, 'out/1')
    await run(cwd, 'out/2', '--param', 'delta=1')
    for (const name of ['model.tar', 'manifest.json']) {
      await writeFile(path.join(registryDir(cwd), 'versions/2', name), await readFile(path.join(registryDir(cwd), 'versions/1', name)))
    }
    const res = await run(cwd, 'out/3')
    expect(res.code).toBe(6)
    expect(res.stderr).toMatch(/the champion's bundle \(version 2\) has digest .* but the registry recorded/)
  })

  it('evaluation data found in the training data is refused as leakage', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec())
    await writeFile(path.join(cwd, 'data/eval.csv'), await readFile(path.join(cwd, 'data/train.csv')))
    const res = await run(cwd, 'out/1')
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/leakage: evaluation data "eval"/)
  })

  it('several models live side by side in one registry', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec())
    await writeFile(path.join(cwd, 'other.yml'), toySpec().replace('model: toy', 'model: toy-b'))
    expect((await run(cwd, 'out/a1')).result.candidate.version).toBe(1)
    const b1 = await retrain(cwd, ['run', '--spec', 'other.yml', '--out', 'out/b1', '--param', 'delta=5'])
    expect(b1.code, b1.stderr).toBe(0)
    expect((await run(cwd, 'out/a2')).result).toMatchObject({ candidate: { version: 2 }, baseline: { version: 1, metrics: { score: 1 } } })
    const b = JSON.parse((await retrain(cwd, ['status', '--model', 'toy-b', '--json'])).stdout)
    expect(b).toMatchObject({ model: 'toy-b', champion: 1, versions: [{ version: 1, metrics: { score: 5 } }] })
  })

  it('warm start: a cold start reported by training fails under "required" and is recorded under "fallback"', async () => {
    const coldTrain = `node train.mjs && echo '{"warmStart": false, "reason": "feature schema changed"}' > "$RETRAIN_TRAINING_REPORT"`
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: coldTrain, warmStart: 'required' }))
    expect((await run(cwd, 'out/1')).result.candidate.warmStart).toMatchObject({ source: 'cold', reason: 'first-model' })
    const before = await treeDigest(path.join(cwd, '.retrain/registry'))
    const required = await run(cwd, 'out/2')
    expect(required.code).toBe(3)
    expect(required.stderr).toMatch(/warm start is required .* feature schema changed/)
    expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(before)

    await writeFile(path.join(cwd, 'retrain.yml'), toySpec({ train: coldTrain, warmStart: 'fallback' }))
    const fallback = await run(cwd, 'out/3')
    expect(fallback.code, fallback.stderr).toBe(0)
    expect(fallback.result.candidate.warmStart).toEqual({ source: 'cold', reason: 'feature schema changed', parentVersion: null })
  })

  it('eight concurrent runs never produce two champions', async () => {
    // A barrier in the training step holds every run until all eight have read the registry, so all
    // of them compete to replace the same champion (none) instead of running one after another.
    const cwd = await makeProject('test/fixtures/toy', toySpec({ train: 'node barrier.mjs && node train.mjs' }))
    await writeFile(
      path.join(cwd, 'barrier.mjs'),
      `import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
mkdirSync('barrier', { recursive: true })
writeFileSync('barrier/' + process.pid, '')
const deadline = Date.now() + 30000
while (readdirSync('barrier').length < 8) {
  if (Date.now() > deadline) { console.error('the other runs never arrived'); process.exit(1) }
  await new Promise(resolve => setTimeout(resolve, 20))
}
`
    )
    const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => run(cwd, `out/${i}`, '--param', `delta=${i + 1}`)))
    const promoted = runs.filter(r => r.result?.decision === 'promoted')
    const outcomes = runs.map((r, i) => `run ${i}: exit ${r.code}, ${r.result?.decision}: ${r.stderr.slice(-400)}`).join('\n')
    expect(promoted, outcomes).toHaveLength(1)
    for (const r of runs.filter(r => r.result?.decision !== 'promoted')) {
      expect(r.code, r.stderr).toBe(5)
      expect(r.result.error.reason).toBe('stale-baseline')
    }
    const snapshot = JSON.parse((await retrain(cwd, ['status', '--spec', 'retrain.yml', '--json'])).stdout)
    expect(snapshot.versions).toHaveLength(8)
    expect(new Set(snapshot.versions.map((v: { version: number }) => v.version)).size).toBe(8)
    expect(snapshot.history.filter((e: { action: string }) => e.action === 'promoted')).toHaveLength(1)
    expect(snapshot.champion).toBe(promoted[0]!.result.candidate.version)
  })
})
