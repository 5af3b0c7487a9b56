/**
 * examples/digits-dispatch: a parameterized pipeline triggered by a REST call, with a gate. The
 * bundled action runs as the runner runs it on repository_dispatch events carrying the README's
 * client_payload (directory registry); the CLI plays the reviewer (`retrain approve`) and runs the
 * next generation. First model promoted; the second continues it (Adam's step count, epochs and
 * examples go on) and waits for approval; a mislabeled batch is rejected.
 * Needs scikit-learn in /usr/bin/python3 (Debian's python3-sklearn; CI installs it).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runAction, type ActionRun } from '../github/harness.js'
import { REPO, retrain, treeDigest } from '../helpers/project.js'
import { copyExample, missingPython, readJsonFile, removeDir, runGeneration, status, unpackVersion, type Generation } from './example.js'

const missing = missingPython(['sklearn', 'joblib', 'numpy'])
if (missing) console.warn(`skipping examples/digits-dispatch: ${missing}`)

interface State {
  n_iter_: number
  t_: number
  adam_t: number
  first_weight: number
  batches: string[]
  history: {
    batch: string
    start: string
    parent_version: string | null
    n_iter_before: number
    t_before: number
    adam_t_before: number
    first_weight_before: number | null
  }[]
}

/** The README's curl call: its JSON body. */
async function readmePayload(): Promise<{ event_type: string; client_payload: { params: Record<string, unknown> } }> {
  const readme = await readFile(path.join(REPO, 'examples/digits-dispatch/README.md'), 'utf8')
  const body = /curl -X POST [^\n]* -d '([^']+)'/.exec(readme)
  expect(body, 'the README shows the curl call with its JSON body').not.toBeNull()
  return JSON.parse(body![1]!)
}

describe.skipIf(missing !== null)('example digits-dispatch: a pipeline triggered by REST, with a gate', () => {
  let cwd: string
  let payload: Awaited<ReturnType<typeof readmePayload>>
  const actionRuns: ActionRun[] = []
  let approve: Awaited<ReturnType<typeof retrain>>
  let third: Generation
  const states: State[] = []

  const dispatch = (params: Record<string, unknown>) =>
    runAction(cwd, {
      inputs: { spec: 'retrain.yml', registry: 'directory' },
      event: { name: 'repository_dispatch', payload: { action: payload.event_type, client_payload: { params } } }
    })

  beforeAll(async () => {
    payload = await readmePayload()
    cwd = await copyExample('digits-dispatch')
    actionRuns.push(await dispatch({ ...payload.client_payload.params, batch: '2025-01' }))
    actionRuns.push(await dispatch(payload.client_payload.params))
    approve = await retrain(cwd, ['approve', '2', '--spec', 'retrain.yml', '--reason', 'looked at the report', '--actor', 'reviewer'])
    third = await runGeneration(cwd, '2025-04', ['--param', 'batch=2025-04'])
    for (const version of [1, 2, 3]) states.push(await readJsonFile<State>(path.join(unpackVersion(cwd, 'digits', version), 'state.json')))
  }, 150_000)

  afterAll(() => removeDir(cwd))

  it("the README's call and the workflow agree with the spec", async () => {
    const workflow = parse(await readFile(path.join(REPO, 'examples/workflows/digits-dispatch.yml'), 'utf8'))
    expect(workflow.on.repository_dispatch.types).toContain(payload.event_type)
    const spec = parse(await readFile(path.join(REPO, 'examples/digits-dispatch/retrain.yml'), 'utf8'))
    for (const name of Object.keys(payload.client_payload.params)) expect(Object.keys(spec.params)).toContain(name)
    expect(spec.promotion.mode).toBe('gate')
    expect(payload.client_payload.params.batch).toBe('2025-02')
  })

  it('a dispatch with the first batch trains and promotes the first model', () => {
    const first = actionRuns[0]!
    expect(first.code, first.log).toBe(0)
    expect(first.outputs['decision']).toBe('promoted')
    expect(first.outputs['candidate-version']).toBe('1')
    expect(states[0]!.batches).toEqual(['2025-01'])
    expect(states[0]!.history[0]!.start).toBe('cold')
    expect(states[0]!.n_iter_).toBe(30)
    expect(states[0]!.adam_t).toBe(30 * 7) // 350 images in minibatches of 50
  })

  it("a dispatch with the README's payload continues the champion and waits for a person", () => {
    const second = actionRuns[1]!
    expect(second.code, second.log).toBe(0)
    expect(second.outputs['decision']).toBe('pending-approval')
    expect(second.outputs['candidate-version']).toBe('2')
    expect(second.outputs['expect-champion']).toBe('1')
    expect(second.outputs['promoted']).toBe('false')
    const [parent, child] = states
    const run = child!.history[1]!
    expect(child!.batches).toEqual(['2025-01', '2025-02'])
    expect(run.start).toBe('warm')
    expect(run.parent_version).toBe('1')
    expect(run.n_iter_before).toBe(parent!.n_iter_)
    expect(run.t_before).toBe(parent!.t_)
    expect(run.adam_t_before).toBe(parent!.adam_t)
    expect(run.first_weight_before).toBe(parent!.first_weight)
    expect(child!.adam_t).toBe(parent!.adam_t + 210)
    expect(child!.n_iter_).toBe(60)
    expect(second.log).toContain('warm start from version 1: 30 epochs, 10500 examples, Adam step 210 so far')
  })

  it('retrain approve promotes the gated candidate', async () => {
    expect(approve.code, approve.stderr).toBe(0)
    const snapshot = await status(cwd)
    expect(snapshot.champion).toBe(2)
  })

  it('a mislabeled batch is rejected, though it continued the approved champion', async () => {
    expect(third.result.decision).toBe('rejected')
    expect(third.result.candidate.warmStart).toMatchObject({ source: 'champion', confirmed: true, parentVersion: 2 })
    const failed = (third.result.rules as { metric: string; status: string }[]).filter(r => r.status === 'fail').map(r => r.metric)
    expect(failed).toEqual(expect.arrayContaining(['accuracy', 'f1_macro', 'log_loss']))
    expect(states[2]!.history[2]!.adam_t_before).toBe(states[1]!.adam_t)
    expect((await status(cwd)).champion).toBe(2)
  })

  it('the param chooses the data: each version fingerprints and records only the batch it was trained on', async () => {
    const batches = ['2025-01', '2025-02', '2025-04']
    const prints: string[] = []
    for (const [i, batch] of batches.entries()) {
      const manifest = await readJsonFile<any>(path.join(cwd, '.retrain/registry/digits/versions', String(i + 1), 'manifest.json'))
      expect(Object.keys(manifest.lineage.trainingData)).toEqual(['train'])
      expect(manifest.lineage.trainingData.train.files.map((f: { path: string }) => f.path)).toEqual([`data/batches/${batch}.csv`])
      expect(manifest.lineage.evaluationData.eval.files.map((f: { path: string }) => f.path)).toEqual(['data/eval.csv'])
      prints.push(manifest.lineage.trainingData.train.fingerprint)
    }
    expect(new Set(prints).size).toBe(3)
    expect(third.result.data.train).toBe(prints[2])
    expect(third.result.params.batch).toBe('2025-04')
  })

  it('a batch that does not exist fails the run before training, naming the path, and changes nothing', async () => {
    const before = await treeDigest(path.join(cwd, '.retrain/registry'))
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', path.join(cwd, 'out/none'), '--param', 'batch=2025-13'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('data input "train": "data/batches/2025-13.csv" (from "data/batches/${{ params.batch }}.csv") matches no file')
    expect(res.stderr).not.toContain('training on batch')
    expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(before)
  })

  it('a batch name that would read outside the example is refused, naming the param', async () => {
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', path.join(cwd, 'out/escape'), '--param', 'batch=../../../etc/passwd'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('data input "train": params.batch = "../../../etc/passwd" holds a ".." segment')
  })
})
