/**
 * Each command takes only its own options, through the built CLI; and the action can force-approve
 * a candidate the rules rejected, as the CLI can, with the reason recorded.
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain, toySpec } from './helpers/project.js'

const SPEC = toySpec()

describe('each command takes only its own options', () => {
  it.each([
    [['rollback', '--version', '1'], /retrain rollback has no option --version; did you mean --to\?/],
    [['approve', '--version', '3'], /retrain approve has no option --version \(the version is an argument: retrain approve VERSION\)/],
    [['promote', '--version', '3'], /retrain promote has no option --version; did you mean --candidate\?/],
    [['validate', '--dry-run'], /retrain validate has no option --dry-run \(--dry-run is an option of retrain run, select\)/],
    [['validate', '--candidate', '5'], /retrain validate has no option --candidate \(--candidate is an option of retrain promote, compare\)/],
    [['status', '--regsitry', 'r'], /retrain status has no option --regsitry; did you mean --registry\?/],
    [['reject', '3', '4'], /retrain reject takes VERSION; unexpected "4"/],
    [['rollbak'], /unknown command "rollbak"; did you mean "rollback"\?/]
  ])('retrain %j is refused with exit 2, naming what was meant', async (args, message) => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const res = await retrain(project, args)
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toMatch(message)
    expect(res.stdout).not.toMatch(/^\d+\.\d+\.\d+/)
  })

  it('--version prints the version only before any command; each command has its own --help', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const version = await retrain(project, ['--version'])
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    const help = await retrain(project, ['rollback', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: retrain rollback \[options\]/)
    expect(help.stdout).toMatch(/--to VALUE/)
    expect(help.stdout).not.toMatch(/--dry-run/)
  })

  it('a rollback by --to restores the named earlier champion', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    for (const delta of ['1', '2'])
      expect((await retrain(project, ['run', '--spec', 'retrain.yml', '--param', `delta=${delta}`, '--out', `out${delta}`])).code).toBe(0)
    const res = await retrain(project, ['rollback', '--to', '1', '--spec', 'retrain.yml', '--reason', 'regression in production'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout).toMatch(/Rolled back toy: version 1 is the champion/)
    const status = await retrain(project, ['status', '--spec', 'retrain.yml', '--json'])
    const snapshot = JSON.parse(status.stdout)
    expect(snapshot.champion).toBe(1)
    expect(snapshot.history.at(-1)).toMatchObject({ action: 'rollback', version: 1, from: 2, reason: 'regression in production' })
    expect((await readJson(path.join(project, 'out2', 'result.json'))).decision).toBe('promoted')
  })
})
