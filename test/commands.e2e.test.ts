/**
 * Each command takes only its own options, through the built CLI; and the action can force-approve
 * a candidate the rules rejected, as the CLI can, with the reason recorded.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain, toySpec } from './helpers/project.js'

const SPEC = toySpec()

describe('each command takes only its own options', () => {
  it.each([
    [['rollback', '--version', '1'], /retrain rollback has no option --version; did you mean --to\?/],
    [['approve', '--version', '3'], /retrain approve has no option --version \(the version is an argument: retrain approve VERSION\)/],
    [['promote', '--version', '3'], /retrain promote has no option --version; did you mean --candidate\?/],
    [['validate', '--dry-run'], /retrain validate has no option --dry-run \(--dry-run is an option of retrain run, select, prune\)/],
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
    expect(help.stdout).toMatch(/--to VERSION/)
    expect(help.stdout).not.toMatch(/--dry-run/)
  })

  it('retrain --help names every option that a command of its list takes', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const overview = await retrain(project, ['--help'])
    expect(overview.code).toBe(0)
    const commands = [...new Set([...overview.stdout.matchAll(/^ {2}retrain (\w+) /gm)].map(m => m[1]!))]
    expect(commands).toEqual(expect.arrayContaining(['status', 'fetch', 'prune']))
    for (const command of commands) {
      const help = await retrain(project, [command, '--help'])
      expect(help.code, command).toBe(0)
      for (const [, option] of help.stdout.matchAll(/^ {2}(--[a-z-]+)/gm)) expect(overview.stdout, `${command} ${option}`).toMatch(new RegExp(`${option}\\b`))
    }
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

describe('status', () => {
  it('shows the newest 30 versions and history entries, the champion and pending versions however old, and says how many it leaves out; --all shows all', async () => {
    const project = await makeProject('test/fixtures/toy', SPEC)
    const at = (v: number) => new Date(Date.UTC(2025, 0, 1) + v * 3_600_000).toISOString()
    const record = (version: number, status: string, baselineVersion: number | null) => ({
      version,
      status,
      baselineVersion,
      digest: `sha256:${String(version).padStart(64, '0')}`,
      metrics: { score: version / 100 },
      decision: status === 'pending' ? 'pending-approval' : status,
      createdAt: at(version),
      storage: null
    })
    const versions = Array.from({ length: 100 }, (_, i) =>
      i + 1 === 2 ? record(2, 'promoted', null) : i + 1 === 4 ? record(4, 'pending', 2) : record(i + 1, 'rejected', 2)
    )
    const history = versions.map(v => ({
      action: v.status === 'pending' ? 'gated' : v.status,
      version: v.version,
      from: null,
      actor: 'scheduled',
      at: v.createdAt,
      reason: `entry ${v.version}`
    }))
    const state = { schemaVersion: 1, model: 'toy', champion: 2, versions, history, lastReserved: 100, reservations: [], effects: [], applied: [] }
    await mkdir(path.join(project, '.retrain', 'registry', 'toy'), { recursive: true })
    await writeFile(path.join(project, '.retrain', 'registry', 'toy', 'registry.json'), JSON.stringify(state))

    const rows = (text: string) => text.split('\n').filter(line => /^\| \d+/.test(line))
    const status = await retrain(project, ['status', '--spec', 'retrain.yml'])
    expect(status.code, status.stderr).toBe(0)
    const shown = rows(status.stdout.split('### History')[0]!).map(line => Number(/^\| (\d+)/.exec(line)![1]))
    expect(shown).toEqual([2, 4, ...Array.from({ length: 30 }, (_, i) => 71 + i)])
    expect(status.stdout).toContain('68 older versions not shown (--all shows every one).')
    expect(status.stdout).toContain('70 older history entries not shown (--all shows every one).')
    expect(status.stdout).toContain('entry 100')
    expect(status.stdout).not.toContain('entry 70 ')

    const all = await retrain(project, ['status', '--spec', 'retrain.yml', '--all'])
    expect(all.code, all.stderr).toBe(0)
    expect(rows(all.stdout.split('### History')[0]!)).toHaveLength(100)
    expect(all.stdout).not.toContain('not shown')
    expect(all.stdout).toContain('| entry 1 ')
  })
})
