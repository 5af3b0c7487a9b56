/**
 * Promises of the documentation about what is stored and promoted, checked through the built action
 * against the GitHub fakes: the registry branch and the releases are what a user meets.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, registryState, runAction, toyProject } from './harness.js'

let github: FakeGitHub
let artifacts: FakeArtifacts

beforeAll(async () => {
  ;[github, artifacts] = await Promise.all([startFakeGitHub(), startFakeArtifacts()])
})

afterAll(async () => {
  await Promise.all([github?.close(), artifacts?.close()])
})

/** The toy spec of `workspace` with its evaluate command followed by `extra` (a shell line). */
async function evaluateAlso(workspace: string, extra: string): Promise<void> {
  const spec = path.join(workspace, 'retrain.yml')
  await writeFile(spec, (await readFile(spec, 'utf8')).replace('  run: node evaluate.mjs\n', `  run: |\n    node evaluate.mjs\n    ${extra}\n`))
}

describe('the action stores the model the rules judged, scored on the data it fingerprinted', { timeout: 180_000 }, () => {
  it("an evaluation of the champion that rewrites the candidate's model fails the run: no release, no version, the champion stays", async () => {
    const workspace = await toyProject('judged', AUTO)
    const first = await runAction(workspace, { github, artifacts, inputs: { spec: 'retrain.yml' } })
    expect(first.code, first.log).toBe(0)
    expect(registryState(github, 'judged')!.champion).toBe(1)
    const releases = () => [...github.releases.values()].filter(r => r.tag_name.startsWith('retrain-judged-')).map(r => r.tag_name)
    expect(releases()).toEqual(['retrain-judged-v1'])

    await evaluateAlso(workspace, `if [ "$RETRAIN_EVAL_ROLE" = baseline ]; then echo '{"w":-100,"generation":9}' > "$RETRAIN_MODEL_DIR/model.json"; fi`)
    const second = await runAction(workspace, { github, artifacts, inputs: { spec: 'retrain.yml' } })
    expect(second.code, second.log).toBe(1)
    expect(second.log).toMatch(/the candidate's model in \$RETRAIN_MODEL_DIR changed while the champion \(version 1\) was evaluated/)
    expect(second.outputs[Outputs.promoted] ?? '').not.toBe('true')
    const state = registryState(github, 'judged')!
    expect(state.champion).toBe(1)
    expect(state.versions.map(v => v.version)).toEqual([1])
    expect(releases()).toEqual(['retrain-judged-v1'])
  })

  it('a training step that writes the training data over the evaluation data fails the run before anything is stored', async () => {
    const workspace = await toyProject('leaky', AUTO)
    const spec = path.join(workspace, 'retrain.yml')
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace('run: env > step-env.txt && node train.mjs', 'run: node train.mjs && cp data/train.csv data/eval.csv')
    )
    const run = await runAction(workspace, { github, artifacts, inputs: { spec: 'retrain.yml' } })
    expect(run.code, run.log).toBe(1)
    expect(run.log).toMatch(/the data changed while the steps ran \(eval: data\/eval\.csv\)/)
    expect(registryState(github, 'leaky')?.versions ?? []).toEqual([])
    expect([...github.releases.values()].filter(r => r.tag_name.startsWith('retrain-leaky-'))).toEqual([])
  })
})
