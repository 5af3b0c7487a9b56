/**
 * Where the token could surface, after a gated run with every feature on (artifacts, the issue gate,
 * GITHUB_TOKEN in the job's env too): only in the runner's mask command, never in the outputs, the
 * job summary, the registry, the release, the issue, the workflow artifacts or a step's environment.
 */
import { createRequire } from 'node:module'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { startFakeArtifacts, type FakeArtifacts } from '../fakes/results-server.js'
import { AUTO, GATE, runAction, toyProject, toySpec } from './harness.js'

let github: FakeGitHub
let artifacts: FakeArtifacts

beforeAll(async () => {
  ;[github, artifacts] = await Promise.all([startFakeGitHub(), startFakeArtifacts()])
})

afterAll(async () => {
  await Promise.all([github?.close(), artifacts?.close()])
})

/** Every entry of a zip archive, uncompressed. */
async function unzip(zip: Buffer): Promise<Record<string, string>> {
  const { Parse } = createRequire(import.meta.url)('unzip-stream') as {
    Parse: () => NodeJS.WritableStream & NodeJS.ReadableStream
  }
  const entries: Record<string, string> = {}
  const pending: Promise<void>[] = []
  await new Promise<void>((resolve, reject) => {
    const parser = Parse()
    parser.on('entry', (entry: NodeJS.ReadableStream & { path: string }) => {
      const chunks: Buffer[] = []
      pending.push(
        new Promise(done => {
          entry.on('data', (c: Buffer) => chunks.push(c))
          entry.on('end', () => {
            entries[entry.path] = Buffer.concat(chunks).toString('latin1')
            done()
          })
        })
      )
    })
    parser.on('error', reject)
    parser.on('close', resolve)
    Readable.from([zip]).pipe(parser)
  })
  await Promise.all(pending)
  return entries
}

describe('the token', { timeout: 180_000 }, () => {
  it('is masked in the log and appears nowhere the run leaves anything', async () => {
    const workspace = await toyProject('tokenless', GATE)
    const run = await runAction(workspace, {
      github,
      artifacts,
      inputs: { spec: 'retrain.yml', gate: 'issue' },
      env: { GITHUB_TOKEN: github.token, GH_TOKEN: github.token }
    })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('pending-approval')
    const token = github.token
    expect(run.log.split('\n').filter(line => line.includes(token))).toEqual([`::add-mask::${token}`])
    for (const [name, value] of Object.entries(run.outputs)) expect(value, `output ${name}`).not.toContain(token)
    expect(run.summary.length).toBeGreaterThan(0)
    expect(run.summary).not.toContain(token)
    expect(await readFile(path.join(workspace, 'step-env.txt'), 'utf8')).not.toContain(token)

    const registry = github.file('retrain-registry', 'tokenless/registry.json')
    expect(registry).toBeDefined()
    expect(registry).not.toContain(token)
    const releases = [...github.releases.values()].filter(r => r.tag_name.includes('tokenless'))
    expect(releases.length).toBeGreaterThan(0)
    for (const r of releases) expect(JSON.stringify(r)).not.toContain(token)
    const issues = [...github.issues.values()].filter(i => i.title.includes('tokenless'))
    expect(issues).toHaveLength(1)
    for (const i of issues) expect(JSON.stringify(i)).not.toContain(token)
    for (const c of github.comments.values()) expect(JSON.stringify(c)).not.toContain(token)

    const uploaded = JSON.parse(run.outputs[Outputs.artifacts]!) as { name: string }[]
    expect(uploaded.map(a => a.name).sort()).toEqual(['tokenless-v1-bundle-attempt1', 'tokenless-v1-logs-attempt1', 'tokenless-v1-report-attempt1'])
    for (const { name } of uploaded) {
      const entries = await unzip(await artifacts.download(name))
      expect(Object.keys(entries).length, name).toBeGreaterThan(0)
      for (const [entry, text] of Object.entries(entries)) expect(text, `${name}: ${entry}`).not.toContain(token)
    }
    // The check can fail: the step's log in the logs artifact is read in full (it holds the step's output).
    const logs = await unzip(await artifacts.download('tokenless-v1-logs-attempt1'))
    expect(Object.values(logs).join('\n')).toMatch(/trained generation 1/)
  })

  it("is not the only secret kept out of the logs artifact: a step's secret-looking variable is masked there too", async () => {
    const workspace = await toyProject('hubsecret', AUTO)
    const spec = path.join(workspace, 'retrain.yml')
    // The step prints a secret it was given (the workflow's env), and plants a symlink among the logs.
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace(
        'run: env > step-env.txt && node train.mjs',
        'run: node train.mjs && echo "hub token $MODEL_HUB_TOKEN" && ln -s "$PWD/retrain.yml" "$RETRAIN_WORK_DIR/../scratch/planted.log"'
      )
    )
    const secret = 'hub-secret-value-5f1d0c'
    const run = await runAction(workspace, { github, artifacts, inputs: { spec: 'retrain.yml' }, env: { MODEL_HUB_TOKEN: secret } })
    expect(run.code, run.log).toBe(0)
    const logs = await unzip(await artifacts.download('hubsecret-v1-logs-attempt1'))
    const text = Object.values(logs).join('\n')
    // The step's line is there, its secret masked; the planted link is not followed into the artifact.
    expect(text).toContain('hub token ***')
    expect(text).not.toContain(secret)
    expect(Object.keys(logs).some(name => name.includes('planted'))).toBe(false)
    expect(text).not.toContain('model: hubsecret')
  })

  it("a secret-looking variable the spec's own env gives a step is masked in the kept logs too, as in a failed step's last lines", async () => {
    // The runner's environment has no such name: the value reaches the step through a param and the spec's env.
    const workspace = await toyProject('hubparam', AUTO)
    const spec = path.join(workspace, 'retrain.yml')
    await writeFile(
      spec,
      toySpec('hubparam', AUTO, '  hub: { type: string, default: "" }\n').replace(
        'run: env > step-env.txt && node train.mjs',
        'run: node train.mjs && echo "hub token $HUB_TOKEN"\n    env:\n      HUB_TOKEN: ${{ params.hub }}'
      )
    )
    const secret = 'hub-secret-value-3c8b44'
    const out = path.join(workspace, 'out')
    const run = await runAction(workspace, { github, artifacts, inputs: { spec: 'retrain.yml', params: JSON.stringify({ hub: secret }), 'output-dir': out } })
    expect(run.code, run.log).toBe(0)
    const logs = Object.values(await unzip(await artifacts.download('hubparam-v1-logs-attempt1'))).join('\n')
    expect(logs).toContain('hub token ***')
    expect(logs).not.toContain(secret)
    const kept = await readFile(path.join(out, 'logs', 'train.log'), 'utf8')
    expect(kept).toContain('hub token ***')
    expect(kept).not.toContain(secret)
  })

  it("a failed step's secret-looking variable it printed is masked wherever the run leaves its last lines", async () => {
    const workspace = await toyProject('hubfail', AUTO)
    const spec = path.join(workspace, 'retrain.yml')
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace('run: env > step-env.txt && node train.mjs', 'run: echo "connecting with $MODEL_HUB_TOKEN" && exit 3')
    )
    const secret = 'hub-secret-value-9a7e21'
    const run = await runAction(workspace, { github, artifacts, inputs: { spec: 'retrain.yml' }, env: { MODEL_HUB_TOKEN: secret } })
    expect(run.code, run.log).not.toBe(0)
    // The step's error quotes its last lines: masked in the outputs and the job summary.
    for (const [name, value] of Object.entries(run.outputs)) expect(value, `output ${name}`).not.toContain(secret)
    expect(run.summary).toContain('connecting with ***')
    expect(run.summary).not.toContain(secret)
    // Whatever went up as artifacts (a run that fails before its commit uploads nothing today).
    const uploaded = JSON.parse(run.outputs[Outputs.artifacts] ?? '[]') as { name: string }[]
    for (const { name } of uploaded) {
      for (const [entry, text] of Object.entries(await unzip(await artifacts.download(name)))) expect(text, `${name}: ${entry}`).not.toContain(secret)
    }
  })
})
