/**
 * A token that may not write: GITHUB_TOKEN on a pull request from a fork, or in a job whose
 * `permissions:` (or the repository's read-only default) leave out a scope. The fake answers such a
 * write as GitHub does (403 "Resource not accessible by integration", the permission it needed in
 * X-Accepted-GitHub-Permissions). What only reads works; what writes fails naming the permission
 * and the fix, and a run fails before it trains.
 */
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, GATE, registryState, runAction, toyProject, type RunOptions } from './harness.js'

const fakes: FakeGitHub[] = []

afterAll(async () => {
  await Promise.all(fakes.map(github => github.close()))
  for (const github of fakes) expect(github.violations, github.violations.join('\n')).toEqual([])
})

/** A fake of its own: the token's scopes are the fake's, and tests run at the same time. */
async function fake(): Promise<FakeGitHub> {
  const github = await startFakeGitHub()
  fakes.push(github)
  return github
}

function act(github: FakeGitHub, workspace: string, options: RunOptions = {}) {
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs } })
}

/** What GitHub puts in the payload of a pull request from a fork. */
function forkPullRequest(github: FakeGitHub, number: number) {
  const base = `${github.owner}/${github.repo}`
  return {
    name: 'pull_request',
    payload: {
      action: 'opened',
      number,
      pull_request: {
        number,
        head: { ref: 'tune', repo: { full_name: `contributor/${github.repo}`, fork: true } },
        base: { ref: 'main', repo: { full_name: base } }
      },
      repository: { full_name: base }
    }
  }
}

const WRITES = /^(POST|PUT|PATCH|DELETE)$/

describe.concurrent('a token that may not write', { timeout: 180_000 }, () => {
  it('a run on push with contents: read fails before any step runs, naming contents: write and the permissions block; nothing changes', async () => {
    const github = await fake()
    const workspace = await toyProject('ro-push', AUTO)
    expect((await act(github, workspace)).code).toBe(0)
    const before = registryState(github, 'ro-push')
    const releases = github.releases.size
    await rm(path.join(workspace, 'step-env.txt'))
    github.writableScopes = []
    const run = await act(github, workspace, { event: { name: 'push' } })
    expect(run.code).not.toBe(0)
    expect(run.log).toContain('missing-permission: the token may not write to octo-org/models (GitHub answered 403: it needs contents: write)')
    expect(run.log).toContain("nothing was trained or changed. To fix: add contents: write to the job's `permissions:` block")
    // No step ran: the toy's training step writes step-env.txt.
    expect(run.log).not.toMatch(/Train/)
    expect(existsSync(path.join(workspace, 'step-env.txt'))).toBe(false)
    expect(run.summary).toContain('missing-permission')
    expect(registryState(github, 'ro-push')).toEqual(before)
    expect(github.releases.size).toBe(releases)
  })

  it('a pull request from a fork: the default dry run works and says it could not comment; forcing a real run fails before training and says why', async () => {
    const github = await fake()
    const workspace = await toyProject('ro-fork', AUTO)
    const setup = await act(github, workspace)
    expect(setup.code, setup.log).toBe(0)
    github.issues.set(31, {
      number: 31,
      id: 3100,
      title: 'Tune features',
      body: null,
      labels: [],
      state: 'open',
      state_reason: null,
      user: 'contributor',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      closed_at: null
    })
    github.writableScopes = []
    const seen = github.requests.length
    const dry = await act(github, workspace, { event: forkPullRequest(github, 31) })
    expect(dry.code, dry.log).toBe(0)
    expect(dry.outputs[Outputs.decision]).toBe('skipped')
    expect(dry.log).toMatch(/Could not comment on pull request #31 \(403\): give the job "pull-requests: write"/)
    expect(github.requests.slice(seen).filter(r => WRITES.test(r.method) && r.status !== 403)).toEqual([])

    const forced = await act(github, workspace, { event: forkPullRequest(github, 31), inputs: { 'dry-run': 'false' } })
    expect(forced.code).not.toBe(0)
    expect(forced.log).toContain("this is a pull request from a fork, where GitHub's token is read-only whatever the workflow asks")
    expect(forced.log).not.toMatch(/Train/)
    expect(registryState(github, 'ro-fork')!.versions).toHaveLength(1)

    // A pull request from a branch of the repository, with the repository's read-only default token.
    const sameRepo = await act(github, workspace, {
      event: { name: 'pull_request', payload: { action: 'opened', number: 31, pull_request: { number: 31 } } },
      inputs: { 'dry-run': 'false' }
    })
    expect(sameRepo.code).not.toBe(0)
    expect(sameRepo.log).toContain(
      "add contents: write to the job's `permissions:` block (see the README's permissions table); on pull_request the token often has the repository's read-only default"
    )
  })

  it('status and a dry run work with a read-only token and write nothing', async () => {
    const github = await fake()
    const workspace = await toyProject('ro-read', AUTO)
    expect((await act(github, workspace)).code).toBe(0)
    github.writableScopes = []
    const writesBefore = github.requests.filter(r => WRITES.test(r.method)).length
    const status = await act(github, workspace, { inputs: { command: 'status' } })
    expect(status.code, status.log).toBe(0)
    expect(status.summary).toMatch(/Champion: version 1/)
    const dry = await act(github, workspace, { inputs: { 'dry-run': 'true' } })
    expect(dry.code, dry.log).toBe(0)
    expect(dry.outputs[Outputs.decision]).toBe('skipped')
    expect(github.requests.filter(r => WRITES.test(r.method)).length).toBe(writesBefore)
  })

  it('promote with a read-only token fails naming contents: write and the fix, and changes nothing', async () => {
    const github = await fake()
    const workspace = await toyProject('ro-promote', GATE)
    const trained = await act(github, workspace)
    expect(trained.code, trained.log).toBe(0)
    github.writableScopes = []
    const promote = await act(github, workspace, {
      inputs: { command: 'promote', candidate: trained.outputs[Outputs.candidateVersion]!, 'expect-champion': trained.outputs[Outputs.expectChampion]! }
    })
    expect(promote.code).not.toBe(0)
    expect(promote.log).toMatch(
      /answered 403 to PUT .*Resource not accessible by integration.*the token lacks contents: write: add contents: write to the job's `permissions:` block/
    )
    expect(registryState(github, 'ro-promote')!.champion).toBeNull()
  })

  it('the issue gate without issues: write fails before any step runs, naming that permission; nothing changes', async () => {
    const github = await fake()
    const workspace = await toyProject('ro-issues', GATE)
    // The check changes nothing whether or not a gate issue ever carried the label: with none, and with one.
    for (const opened of [false, true]) {
      github.writableScopes = null
      if (opened) expect((await act(github, workspace, { inputs: { gate: 'issue' } })).code).toBe(0)
      const before = registryState(github, 'ro-issues')
      const issues = JSON.stringify([...github.issues.values()])
      await rm(path.join(workspace, 'step-env.txt'), { force: true })
      github.writableScopes = ['contents']
      const writes = github.requests.length
      const run = await act(github, workspace, { inputs: { gate: 'issue' } })
      expect(run.code).not.toBe(0)
      expect(run.log).toContain('missing-permission: the token may not write to octo-org/models (GitHub answered 403: it needs issues: write)')
      expect(run.log).toContain(
        "which the issue gate needs to open the issue a person approves on; nothing was trained or changed. To fix: add issues: write to the job's `permissions:` block"
      )
      // No step ran (the toy's training step writes step-env.txt), and GitHub refused the only write it sent.
      expect(existsSync(path.join(workspace, 'step-env.txt'))).toBe(false)
      expect(github.requests.slice(writes).filter(r => WRITES.test(r.method) && r.status !== 403 && !r.path.endsWith('/git/trees'))).toEqual([])
      expect(registryState(github, 'ro-issues')).toEqual(before)
      expect(JSON.stringify([...github.issues.values()])).toBe(issues)
    }
    // With the permission, the same check passes and the gate opens.
    github.writableScopes = ['contents', 'issues']
    const allowed = await act(github, workspace, { inputs: { gate: 'issue' } })
    expect(allowed.code, allowed.log).toBe(0)
    expect(allowed.outputs[Outputs.decision]).toBe('pending-approval')
  })

  it('a run that may promote with dispatch-workflow and no actions: write fails before any step runs; a disabled workflow is never enabled', async () => {
    const github = await fake()
    const workspace = await toyProject('ro-actions', AUTO)
    const inputs = { 'dispatch-workflow': 'deploy.yml' }
    github.workflows.set('deploy.yml', 'active')
    github.writableScopes = ['contents']
    // One answer to each check lost (a slow or failing request on a loaded runner): the checks retry, as any request does.
    github.faults.push(
      { method: 'GET', path: /\/actions\/workflows\/deploy\.yml$/, kind: { status: 502 }, times: 1 },
      { method: 'PUT', path: /\/actions\/workflows\/deploy\.yml\/enable$/, kind: 'drop-after', times: 1 }
    )
    const run = await act(github, workspace, { inputs })
    expect(run.code).not.toBe(0)
    expect(run.log).toContain('missing-permission: the token may not write to octo-org/models (GitHub answered 403: it needs actions: write)')
    expect(run.log).toContain('which a promotion needs to dispatch the workflow deploy.yml (input "dispatch-workflow"); nothing was trained or changed')
    expect(existsSync(path.join(workspace, 'step-env.txt'))).toBe(false)
    expect(registryState(github, 'ro-actions')?.versions ?? []).toEqual([])

    // A workflow a person disabled is not touched: the check is skipped, and the dispatch meets it after the commit.
    github.workflows.set('deploy.yml', 'disabled_manually')
    github.writableScopes = null
    const disabled = await act(github, workspace, { inputs })
    expect(disabled.outputs[Outputs.decision], disabled.log).toBe('promoted')
    expect(github.workflows.get('deploy.yml')).toBe('disabled_manually')
    expect(github.requests.filter(r => r.path.endsWith('/enable'))).toHaveLength(1)

    // With the permission, the check enables the active workflow again (a no-op) and the run promotes and dispatches.
    github.workflows.set('deploy.yml', 'active')
    const allowed = await act(github, workspace, { inputs })
    expect(allowed.code, allowed.log).toBe(0)
    expect(github.workflows.get('deploy.yml')).toBe('active')
    expect(github.dispatches.map(d => d.inputs.version)).toEqual(['1', '2'])
  })

  it('an empty token on a pull request from a fork (a secret that is withheld) is a clear error', async () => {
    const github = await fake()
    const workspace = await toyProject('ro-secret', AUTO)
    const run = await act(github, workspace, { event: forkPullRequest(github, 32), inputs: { token: '' } })
    expect(run.code).not.toBe(0)
    expect(run.log).toContain(
      'the GitHub registry needs GitHub\'s API, but the input "token" is empty; leave it at its default (github.token); a secret passed as "token" is empty on a pull request from a fork'
    )
    expect(github.requests).toEqual([])
  })
})
