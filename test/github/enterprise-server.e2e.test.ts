/**
 * GitHub Enterprise Server: the API under a path prefix on another host (GITHUB_API_URL
 * https://ghe.example/api/v3, uploads under /api/uploads), people's links on GITHUB_SERVER_URL.
 * Every call goes to the API URL (the fake records one outside its prefix as a violation), every
 * link the action writes points at the server, never at github.com, and workflow artifacts, which
 * the artifact service does not offer there, are said to be off before anything trains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Outputs } from '../../src/github/constants.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { retrain } from '../helpers/project.js'
import { fakeRuntimeToken } from '../fakes/results-server.js'
import { AUTO, GATE, registryState, runAction, toyProject, type RunOptions } from './harness.js'

const SERVER = 'https://ghe.example'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub({ serverUrl: SERVER, apiPrefix: '/api/v3' })
})

afterAll(async () => {
  await github?.close()
})

afterAll(() => {
  expect(github.violations, github.violations.join('\n')).toEqual([])
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, {
    github,
    ...options,
    inputs: { spec: 'retrain.yml', ...options.inputs },
    env: {
      GITHUB_SERVER_URL: SERVER,
      GITHUB_GRAPHQL_URL: `${github.url}/api/graphql`,
      // A runner's artifact service variables: never used here, since the server has no such service.
      ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken('run-backend-ghes'),
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9',
      ...options.env
    }
  })
}

/** Every http(s) link in a text. */
const links = (text: string) => [...text.matchAll(/https?:\/\/[^\s)"'<>\]]+/g)].map(m => m[0])

describe.concurrent('on GitHub Enterprise Server', { timeout: 180_000 }, () => {
  it('a run stores and promotes through the API under its prefix; links point at the server; artifacts are said to be off before training', async () => {
    const workspace = await toyProject('ghes-auto', AUTO)
    const run = await act(workspace)
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('promoted')
    expect(
      run.log.split('\n').findIndex(l => l.includes('Workflow artifacts are not uploaded: this is GitHub Enterprise Server (https://ghe.example)'))
    ).toBeLessThan(run.log.split('\n').findIndex(l => l.includes('Train')))
    expect(run.log).toContain('::warning::Workflow artifacts are not uploaded: this is GitHub Enterprise Server')
    expect(run.outputs[Outputs.releaseUrl]).toBe(`${SERVER}/octo-org/models/releases/tag/retrain-ghes-auto-v1`)
    expect(run.outputs[Outputs.artifacts]).toBe('[]')
    for (const link of links(run.summary)) expect(link).toMatch(/^https:\/\/ghe\.example\//)
    expect(run.summary).not.toContain('github.com')
    expect(registryState(github, 'ghes-auto')!.champion).toBe(1)
    // A warm start downloads the champion's assets through the API (and the storage redirect).
    const second = await act(workspace)
    expect(second.code, second.log).toBe(0)
    expect(second.log).toMatch(/warm start/i)
    expect(registryState(github, 'ghes-auto')!.champion).toBe(2)
    expect(github.requests.filter(r => r.host === 'storage').length).toBeGreaterThan(0)
  })

  it('the CLI reads the registry under the prefix, GITHUB_API_URL written with or without a trailing slash', async () => {
    const workspace = await toyProject('ghes-cli', AUTO)
    expect((await act(workspace)).code).toBe(0)
    for (const url of [github.apiUrl, `${github.apiUrl}/`, `${github.apiUrl}//`]) {
      const status = await retrain(workspace, ['status', '--model', 'ghes-cli', '--github', `${github.owner}/${github.repo}`, '--json'], {
        GITHUB_API_URL: url,
        GITHUB_TOKEN: github.token,
        GH_TOKEN: ''
      })
      expect(status.code, status.stderr).toBe(0)
      expect(JSON.parse(status.stdout)).toMatchObject({ champion: 1 })
    }
  })

  it("the issue gate's issue, its replies and the outputs link to the server", async () => {
    const workspace = await toyProject('ghes-gate', GATE)
    const run = await act(workspace, { inputs: { gate: 'issue', artifacts: 'false' }, env: { GITHUB_RUN_ID: '5150' } })
    expect(run.code, run.log).toBe(0)
    const issue = [...github.issues.values()].find(i => i.title === 'Approve ghes-gate version 1?')!
    expect(run.outputs[Outputs.gate]).toBe(`${SERVER}/octo-org/models/issues/${issue.number}`)
    expect(issue.body).toContain(`Run, logs and artifacts: ${SERVER}/octo-org/models/actions/runs/5150`)
    expect(issue.body).not.toContain('github.com')
    github.permissions.set('ghes-maintainer', 'write')
    const comment = github.addIssueComment(issue.number, 'ghes-maintainer', '/approve')
    const approval = await act(workspace, {
      inputs: { artifacts: 'false' },
      event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, comment) }
    })
    expect(approval.code, approval.log).toBe(0)
    expect(approval.outputs[Outputs.decision]).toBe('approved')
    for (const c of [...github.comments.values()].filter(c => c.issue_number === issue.number)) expect(c.body).not.toContain('github.com')
    expect(approval.summary).not.toContain('github.com')
  })

  it("a pull request's dry-run comment links to the server", async () => {
    const workspace = await toyProject('ghes-pr', AUTO)
    expect((await act(workspace, { inputs: { artifacts: 'false' } })).code).toBe(0)
    github.issues.set(44, {
      number: 44,
      id: 4400,
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
    const run = await act(workspace, {
      inputs: { artifacts: 'false' },
      event: { name: 'pull_request', payload: { action: 'opened', number: 44, pull_request: { number: 44 } } },
      env: { GITHUB_RUN_ID: '5151' }
    })
    expect(run.code, run.log).toBe(0)
    const [comment] = [...github.comments.values()].filter(c => c.issue_number === 44)
    expect(comment!.body).not.toContain('github.com')
    expect(run.log).toContain(`Pull request comment: ${SERVER}/octo-org/models/issues/44#issuecomment-${comment!.id}`)
  })
})
