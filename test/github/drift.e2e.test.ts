/**
 * Drift in the bundled action on loopback GitHub (the REST fake as the registry): command drift sets
 * `drifted` and writes the table to the job summary; a run under `retrain-when: drift` with nothing
 * drifted is skipped: no step runs and the registry on GitHub is unchanged.
 */
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, registryState, runAction, toyProject, toySpec } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  await github?.close()
})

afterAll(() => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
})

/** Numbers around 100 and a category; `shift` moves the numbers, `japan` the category's mix. */
function data(rows: number, seed: number, shift = 0, japan = 0.2): string {
  let s = seed
  const uniform = () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s / 2147483648
  }
  const lines = ['Horsepower,Origin,y']
  for (let i = 0; i < rows; i++) {
    const u = uniform()
    lines.push(`${(100 + shift + 60 * (uniform() - 0.5)).toFixed(2)},${u < japan ? 'Japan' : u < japan + 0.2 ? 'Europe' : 'USA'},${i % 3}`)
  }
  return lines.join('\n') + '\n'
}

/** Where the images of a Markdown text come from: `![alt](src)` not escaped. */
const images = (markdown: string) => [...markdown.matchAll(/(?<!\\)!\[(?:\\.|[^\]\\])*\]\(([^)\s]*)/g)].map(m => m[1])

describe('drift in the action (loopback GitHub)', { timeout: 180_000 }, () => {
  it('command drift says drifted or not; retrain-when: drift skips a run that would change nothing', async () => {
    const workspace = await toyProject('drifty', AUTO)
    const spec = toySpec('drifty', AUTO).replace('run: env > step-env.txt && node train.mjs', 'run: echo ran > ran.txt && node train.mjs')
    await writeFile(path.join(workspace, 'retrain.yml'), `${spec}retrain-when:\n  drift: { inputs: [train], psi: 0.2 }\n`)
    await writeFile(path.join(workspace, 'data/train.csv'), data(500, 1))
    const act = (command = 'run') => runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false', command } })

    const first = await act()
    expect(first.code, first.log).toBe(0)
    expect(first.outputs[Outputs.decision]).toBe('promoted')
    await rm(path.join(workspace, 'ran.txt'))

    await writeFile(path.join(workspace, 'data/train.csv'), data(400, 7))
    // The drift check and a skipped run read the champion's manifest, never its archive.
    const downloaded = (from: number) =>
      github.requests
        .slice(from)
        .map(r => /\/releases\/assets\/(\d+)$/.exec(r.path))
        .filter(m => m !== null)
        .map(m => github.assets.get(Number(m![1]))?.name)
    const sent = github.requests.length
    const calm = await act('drift')
    expect(calm.code, calm.log).toBe(0)
    expect(calm.outputs[Outputs.drifted]).toBe('false')
    expect(calm.summary).toMatch(/## drifty: no drift/)
    expect(calm.summary).toMatch(/\| train +\| Horsepower +\| number +\|/)

    const before = JSON.stringify(registryState(github, 'drifty'))
    const releases = github.releases.size
    const skipped = await act()
    expect(skipped.code, skipped.log).toBe(0)
    expect(skipped.outputs[Outputs.decision]).toBe('skipped')
    expect(skipped.outputs[Outputs.drifted]).toBe('false')
    expect(skipped.outputs[Outputs.candidateVersion]).toBe('')
    expect(existsSync(path.join(workspace, 'ran.txt')), 'no step ran').toBe(false)
    expect(JSON.stringify(registryState(github, 'drifty'))).toBe(before)
    expect(github.releases.size).toBe(releases)
    expect(skipped.summary).toMatch(/## drifty: skipped, nothing drifted/)
    expect(downloaded(sent)).toEqual(['manifest.json', 'manifest.json'])

    await writeFile(path.join(workspace, 'data/train.csv'), data(400, 9, 40, 0.7))
    const moved = await act('drift')
    expect(moved.code, moved.log).toBe(0)
    expect(moved.outputs[Outputs.drifted]).toBe('true')
    const report = JSON.parse(moved.outputs[Outputs.drift]!)
    expect(report.inputs[0].features.map((f: { column: string; drifted: boolean }) => [f.column, f.drifted])).toEqual([
      ['Horsepower', true],
      ['Origin', true],
      ['y', false]
    ])

    const drifting = github.requests.length
    const retrained = await act()
    expect(retrained.code, retrained.log).toBe(0)
    expect(retrained.outputs[Outputs.decision]).toBe('promoted')
    expect(retrained.outputs[Outputs.drifted]).toBe('true')
    expect(existsSync(path.join(workspace, 'ran.txt'))).toBe(true)
    expect(registryState(github, 'drifty')!.champion).toBe(2)
    // A run that goes on warm-starts from the whole bundle.
    expect(downloaded(drifting)).toContain('model.tar')
  })

  it("a drifted column's name from the data is text in the report: no image or link of its making", async () => {
    const workspace = await toyProject('driftname', AUTO)
    const spec = toySpec('driftname', AUTO)
    await writeFile(path.join(workspace, 'retrain.yml'), `${spec}retrain-when:\n  drift: { inputs: [train], psi: 0.2 }\n`)
    // A column whose name closes the chart's alt text and opens an image from elsewhere.
    const hostile = (csv: string) => csv.replace('Horsepower,', '"hp) ![approved](https://phish.example/approved.png",')
    await writeFile(path.join(workspace, 'data/train.csv'), hostile(data(500, 1)))
    const act = () => runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
    expect((await act()).code).toBe(0)
    // Nothing drifted: the skipped run's reason names the feature with the largest PSI.
    await writeFile(path.join(workspace, 'data/train.csv'), hostile(data(400, 7)))
    const calm = await act()
    expect(calm.code, calm.log).toBe(0)
    expect(calm.outputs[Outputs.decision]).toBe('skipped')
    expect(calm.summary).toMatch(/the largest PSI is .*phish\.example/)
    expect(images(calm.summary)).toEqual([])
    await writeFile(path.join(workspace, 'data/train.csv'), hostile(data(400, 9, 40, 0.7)))
    const moved = await act()
    expect(moved.code, moved.log).toBe(0)
    expect(moved.outputs[Outputs.drifted]).toBe('true')
    expect(moved.summary).toContain('phish.example')
    // Every image is one of the report's own charts, next to report.md.
    expect(images(moved.summary).length).toBeGreaterThan(0)
    for (const src of images(moved.summary)) expect(src).toMatch(/^drift-[\w.-]+\.svg$/)
  })
})
