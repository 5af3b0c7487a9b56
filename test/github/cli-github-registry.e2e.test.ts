/**
 * The CLI reads the GitHub registry the action writes (`--github OWNER/REPO`): `status` shows what
 * the action's runs recorded, and `fetch` downloads a version's bundle from its release through the
 * REST fake (separate API, upload and storage hosts) and verifies it against the registry. Both only
 * read: no request of theirs writes. Without a token, or with a malformed repository, they say what
 * to give.
 */
import { createServer } from 'node:net'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { retrain } from '../helpers/project.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, runAction, toyProject } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
  await github.close()
})

function cli(cwd: string, args: string[], env: Record<string, string> = {}) {
  return retrain(cwd, args, { GITHUB_API_URL: github.url, GITHUB_TOKEN: github.token, GH_TOKEN: '', ...env })
}

describe('the CLI on the GitHub registry', { timeout: 120_000 }, () => {
  it('status and fetch read what the action recorded, and write nothing', async () => {
    const workspace = await toyProject('remote', AUTO)
    for (let i = 0; i < 2; i++) {
      const run = await runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })
      expect(run.code, run.log).toBe(0)
    }
    const writes = () => github.requests.filter(r => r.method !== 'GET').length
    const before = writes()
    const repository = `${github.owner}/${github.repo}`

    const status = await cli(workspace, ['status', '--model', 'remote', '--github', repository, '--json'])
    expect(status.code, status.stderr).toBe(0)
    const snapshot = JSON.parse(status.stdout)
    expect(snapshot.champion).toBe(2)
    expect(snapshot.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'promoted']
    ])
    const text = await cli(workspace, ['status', '--spec', 'retrain.yml', '--github', repository])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toMatch(/Champion: version 2/)

    const fetched = await cli(workspace, ['fetch', '--spec', 'retrain.yml', '--github', repository, '--out', 'deployed'])
    expect(fetched.code, fetched.stderr).toBe(0)
    expect(fetched.stdout).toMatch(
      /^Fetched remote version 2 \(the champion\) into deployed: 2 files, \d+ bytes, digest [0-9a-f]{12}, verified against the registry/
    )
    expect(JSON.parse(await readFile(path.join(workspace, 'deployed', 'model.json'), 'utf8'))).toMatchObject({ w: 2, generation: 2 })
    const earlier = await cli(workspace, ['fetch', '--model', 'remote', '--github', repository, '--version', '1', '--json'])
    expect(earlier.code, earlier.stderr).toBe(0)
    expect(JSON.parse(earlier.stdout)).toMatchObject({ version: 1, champion: false, status: 'retired', dir: path.join(workspace, 'remote-v1') })
    expect(writes()).toBe(before)

    // Another branch holds no registry: said, not an error.
    const elsewhere = await cli(workspace, ['status', '--model', 'remote', '--github', repository, '--registry-branch', 'other-registry'])
    expect(elsewhere.code, elsewhere.stderr).toBe(0)
    expect(elsewhere.stderr).toMatch(/note: remote has no versions on branch other-registry of octo-org\/models/)

    // A repository that does not exist (or that the token cannot see) is said as such, not read as an
    // empty registry: GitHub answers 404 for its state file as for a missing branch.
    for (const args of [
      ['status', '--model', 'remote'],
      ['fetch', '--model', 'remote', '--out', 'nowhere']
    ]) {
      const typo = await cli(workspace, [...args, '--github', `${github.owner}/${github.repo}-typo`])
      expect(typo.code, typo.stderr).toBe(2)
      expect(typo.stderr).toMatch(/answered 404 for the repository octo-org\/models-typo: check --github, that the repository exists/)
      expect(typo.stderr).not.toMatch(/no versions|no champion/)
    }
    expect(existsSync(path.join(workspace, 'nowhere'))).toBe(false)
    expect(writes()).toBe(before)
  })

  it('a version pruned while it is being fetched is said to be pruned, and nothing is left at the destination', async () => {
    const workspace = await toyProject('remote-pruned', AUTO)
    for (let i = 0; i < 2; i++) expect((await runAction(workspace, { github, inputs: { spec: 'retrain.yml', artifacts: 'false' } })).code).toBe(0)
    const file = 'remote-pruned/registry.json'
    // The download of version 1 finds its release gone: a prune (elsewhere) marked it and deleted it meanwhile.
    github.faults.push({
      method: 'GET',
      path: /\/releases\/assets\//,
      kind: { status: 404, message: 'Not Found' },
      times: Infinity,
      then: () => {
        const state = JSON.parse(github.file('retrain-registry', file)!) as { versions: { version: number; pruned?: unknown }[] }
        state.versions.find(v => v.version === 1)!.pruned = { at: '2026-11-30T10:00:00.000Z', actor: 'retention-bot', reason: 'keep-retired: 0' }
        github.putFile('retrain-registry', file, JSON.stringify(state))
      }
    })
    try {
      const res = await cli(workspace, ['fetch', '--model', 'remote-pruned', '--github', `${github.owner}/${github.repo}`, '--version', '1', '--out', 'got'])
      expect(res.code).toBe(2)
      expect(res.stderr).toMatch(
        /error: remote-pruned version 1: its bundle was pruned on 2026-11-30 by retention \(keep-retired: 0, by retention-bot\) and cannot be restored/
      )
    } finally {
      github.faults.length = 0
    }
    expect((await readdir(workspace)).filter(n => n.startsWith('got'))).toEqual([])
  })

  it('says what to give: a token, a repository as OWNER/REPO, one registry', async () => {
    const workspace = await toyProject('remote-usage', AUTO)
    const noToken = await cli(workspace, ['status', '--model', 'x', '--github', 'octo-org/models'], { GITHUB_TOKEN: '', GH_TOKEN: '' })
    expect(noToken.code).toBe(2)
    expect(noToken.stderr).toMatch(
      /--github reads octo-org\/models through GitHub's API: set GITHUB_TOKEN \(or GH_TOKEN\) to a token that can read its contents/
    )
    const malformed = await cli(workspace, ['status', '--model', 'x', '--github', 'https://github.com/octo-org/models'])
    expect(malformed.code).toBe(2)
    expect(malformed.stderr).toMatch(/--github "https:\/\/github\.com\/octo-org\/models" is not a repository: give it as OWNER\/REPO/)
    const both = await cli(workspace, ['fetch', '--model', 'x', '--github', 'octo-org/models', '--registry', 'r'])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--github and --registry name two registries: give one/)
    const branchAlone = await cli(workspace, ['status', '--model', 'x', '--registry-branch', 'b'])
    expect(branchAlone.code).toBe(2)
    expect(branchAlone.stderr).toMatch(/--registry-branch goes with --github OWNER\/REPO/)
    // Writing commands do not take --github: the registry changes in workflows.
    const promote = await cli(workspace, ['promote', '--model', 'x', '--github', 'octo-org/models', '--candidate', '1', '--expect-champion', 'none'])
    expect(promote.code).toBe(2)
    expect(promote.stderr).toMatch(/retrain promote has no option --github \(--github is an option of retrain status, fetch\)/)
  })

  it('an API address where nothing answers is said as such, not as an answer GitHub gave', async () => {
    const workspace = await toyProject('remote-unreachable', AUTO)
    // A port that was free a moment ago: the connection is refused.
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as { port: number }
    await new Promise<void>(resolve => closed.close(() => resolve()))
    const res = await cli(workspace, ['status', '--model', 'remote-unreachable', '--github', `${github.owner}/${github.repo}`], {
      GITHUB_API_URL: `http://127.0.0.1:${port}`
    })
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(
      new RegExp(
        `reading the registry of octo-org/models through GitHub's API \\(http://127\\.0\\.0\\.1:${port}\\) failed: .*ECONNREFUSED.*; check GITHUB_API_URL`
      )
    )
    expect(res.stderr).not.toMatch(/answered 500/)
  })

  it('says what GitHub refused and of which repository, never printing a token (a refused token, a 5xx, a rate limit, a URL with a password)', async () => {
    const workspace = await toyProject('remote-refused', AUTO)
    const repository = `${github.owner}/${github.repo}`
    const secret = 'ghp_reviewSECRET0123456789abcdefABCDEF'
    const refused = await cli(workspace, ['status', '--model', 'remote-refused', '--github', repository], { GITHUB_TOKEN: secret })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(
      /reading the registry of octo-org\/models through GitHub's API \(http:\/\/127\.0\.0\.1:\d+\) failed: it answered 401 \(Bad credentials.*\); the token in GITHUB_TOKEN \(or GH_TOKEN\) was refused/
    )
    github.faults.push({ path: /\/contents\/remote-refused/, kind: { status: 503 }, times: Infinity })
    try {
      const failing = await cli(workspace, ['fetch', '--model', 'remote-refused', '--github', repository])
      expect(failing.code).toBe(1)
      expect(failing.stderr).toMatch(
        /reading the registry of octo-org\/models through GitHub's API \(.*\) failed: it answered 503 .*; GitHub could not answer; try again later/
      )
    } finally {
      github.faults.length = 0
    }
    // A rate limit that resets in an hour: said at once, not waited for by a person at a terminal.
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    github.faults.push({
      path: /\/contents\/remote-refused/,
      kind: { status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } },
      times: Infinity
    })
    try {
      const limited = await cli(workspace, ['status', '--model', 'remote-refused', '--github', repository])
      expect(limited.code).toBe(2)
      expect(limited.stderr).toMatch(/GitHub's rate limit was reached for GET .*; not waiting \d+ s for it to reset/)
      expect(limited.stderr).toMatch(/failed: it answered 403 \(API rate limit exceeded.*\); .*or wait for a rate limit to reset/)
    } finally {
      github.faults.length = 0
    }
    const inUrl = await cli(workspace, ['status', '--model', 'remote-refused', '--github', repository], {
      GITHUB_API_URL: github.url.replace('http://', `http://x:${secret}@`)
    })
    expect(inUrl.code).toBe(2)
    expect(inUrl.stderr).toMatch(/GITHUB_API_URL must be the http\(s\) address of GitHub's API without a user or password in it/)
    for (const r of [refused, inUrl]) expect(r.stdout + r.stderr).not.toContain(secret)
  })
})
