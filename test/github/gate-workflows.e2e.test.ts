/**
 * The gates as the example workflows use them, through the built action against loopback GitHub:
 * - the environment gate checks the promote job's environment (input "gate-environment"): one that
 *   does not exist, or has no required reviewers, lets the promote job run at once, so the run warns
 *   loudly (an annotation and the job summary); a token that may not read it is said too;
 * - an approval by issue comment (approve.yml, with "dispatch-workflow") dispatches the deploy with
 *   the model and version deploy.yml declares as inputs.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { Outputs } from '../../src/github/constants.js'
import { REPO } from '../helpers/project.js'
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js'
import { AUTO, GATE, registryState, runAction, toyProject, type RunOptions } from './harness.js'

let github: FakeGitHub

beforeAll(async () => {
  github = await startFakeGitHub()
})

afterAll(async () => {
  await github?.close()
})

afterAll(() => {
  // Every request and response matched GitHub's OpenAPI description (a missing environment's 404 included).
  expect(github.violations, github.violations.join('\n')).toEqual([])
})

function act(workspace: string, options: RunOptions = {}) {
  return runAction(workspace, { github, ...options, inputs: { spec: 'retrain.yml', artifacts: 'false', ...options.inputs } })
}

const environmentRequests = (name: string) =>
  github.requests.filter(r => r.method === 'GET' && r.path === `/repos/${github.owner}/${github.repo}/environments/${encodeURIComponent(name)}`)

/** The runner's warning annotations in a step's log (`::warning title=...::message`). */
const warnings = (log: string) =>
  log
    .split('\n')
    .filter(line => line.startsWith('::warning'))
    .map(line => line.replace(/^::warning[^:]*::/, ''))

describe.concurrent('gates as the example workflows use them', { timeout: 180_000 }, () => {
  it('a gate environment that does not exist: the run warns that the promote job will not wait, in an annotation and the summary', async () => {
    const workspace = await toyProject('envmissing', GATE)
    const run = await act(workspace, { inputs: { gate: 'environment', 'gate-environment': 'release-missing' } })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('pending-approval')
    // An annotation with a title (the runner's command escapes its ':').
    expect(run.log).toMatch(/^::warning title=Environment gate%3A no reviewer may be asked::/m)
    const [warning] = warnings(run.log)
    expect(warning).toContain('Environment gate: the environment "release-missing" does not exist (GitHub\'s API answered 404)')
    expect(warning).toContain('the promote job that names it will run without waiting for a reviewer')
    expect(run.summary).toContain('> [!WARNING]\n> Environment gate: the environment "release-missing" does not exist')
    expect(environmentRequests('release-missing')).toHaveLength(1)
  })

  it('a gate environment without required reviewers (only a wait timer) warns the same; one with reviewers is quiet', async () => {
    github.environments.set('release-timer', { waitTimerMinutes: 5 })
    github.environments.set('release-reviewed', { reviewers: ['maintainer'] })
    const workspace = await toyProject('envunreviewed', GATE)
    const unreviewed = await act(workspace, { inputs: { 'gate-environment': 'release-timer' } })
    expect(unreviewed.code, unreviewed.log).toBe(0)
    expect(warnings(unreviewed.log)).toEqual([
      expect.stringContaining('the environment "release-timer" has no required reviewers (its protection rules: wait_timer): the promote job')
    ])
    expect(unreviewed.summary).toContain('has no required reviewers')

    const reviewed = await act(workspace, { inputs: { 'gate-environment': 'release-reviewed', params: '{"delta": 2}' } })
    expect(reviewed.code, reviewed.log).toBe(0)
    expect(warnings(reviewed.log)).toEqual([])
    expect(reviewed.log).toContain('Environment gate: "release-reviewed" has required reviewers')
    expect(reviewed.summary).not.toContain('[!WARNING]')
  })

  it('a token that may not read the environment: the run says the check could not be done, and goes on', async () => {
    github.faults.push({ method: 'GET', path: /\/environments\/release-forbidden$/, kind: { status: 403 }, times: 1 })
    const workspace = await toyProject('envforbidden', GATE)
    const run = await act(workspace, { inputs: { 'gate-environment': 'release-forbidden' } })
    expect(run.code, run.log).toBe(0)
    expect(run.outputs[Outputs.decision]).toBe('pending-approval')
    expect(warnings(run.log)).toEqual([
      expect.stringMatching(
        /^Environment gate: could not check the environment "release-forbidden" \(GitHub's API answered 403\); the token may not read environments \(give the job "actions: read"\)\. Check its required reviewers by hand/
      )
    ])
  })

  it('the promote job in an environment without reviewers says its promotion was unreviewed', async () => {
    github.environments.set('release-open', {})
    const workspace = await toyProject('envpromote', GATE)
    const run = await act(workspace, { inputs: { 'gate-environment': 'release-open' } })
    expect(warnings(run.log)).toHaveLength(1)
    const promoted = await act(workspace, {
      inputs: { command: 'promote', candidate: run.outputs[Outputs.candidateVersion]!, 'expect-champion': 'none', 'gate-environment': 'release-open' }
    })
    expect(promoted.code, promoted.log).toBe(0)
    expect(warnings(promoted.log)).toEqual([
      expect.stringContaining('(its protection rules: none): this promote job did not wait for a reviewer, so the promotion is unreviewed')
    ])
    expect(registryState(github, 'envpromote')!.champion).toBe(1)
  })

  it("the promote job records the reviewer who approved its environment, with the approval's comment, in the history", async () => {
    github.environments.set('release-reviewers', { reviewers: ['lead'] })
    const workspace = await toyProject('envreviewer', GATE)
    const run = await act(workspace, { inputs: { 'gate-environment': 'release-reviewers' } })
    expect(run.outputs[Outputs.decision], run.log).toBe('pending-approval')
    // The run's review log as GitHub keeps it: another environment approved by someone else first.
    github.runReviews.set(9101, [
      { environment: 'staging', state: 'approved', login: 'someone-else', comment: '' },
      { environment: 'release-reviewers', state: 'approved', login: 'lead', comment: 'checked the evaluation report' }
    ])
    const promote = (runId: string, candidate: string, expectChampion: string) =>
      act(workspace, {
        env: { GITHUB_RUN_ID: runId },
        inputs: { command: 'promote', candidate, 'expect-champion': expectChampion, 'gate-environment': 'release-reviewers' }
      })
    const promoted = await promote('9101', run.outputs[Outputs.candidateVersion]!, 'none')
    expect(promoted.code, promoted.log).toBe(0)
    expect(promoted.log).toContain('The environment "release-reviewers" was approved by @lead')
    expect(registryState(github, 'envreviewer')!.history.at(-1)).toMatchObject({
      action: 'promoted',
      version: 1,
      actor: 'lead',
      reason: 'checked the evaluation report'
    })

    // A token that may not read the review log: the promotion goes on, recorded as the workflow's actor's, and says why.
    const next = await act(workspace, { inputs: { 'gate-environment': 'release-reviewers', params: '{"delta": 2}' } })
    expect(next.outputs[Outputs.decision], next.log).toBe('pending-approval')
    github.faults.push({ method: 'GET', path: /\/actions\/runs\/9102\/approvals$/, kind: { status: 403 }, times: 1 })
    const unread = await promote('9102', next.outputs[Outputs.candidateVersion]!, '1')
    expect(unread.code, unread.log).toBe(0)
    expect(unread.log).toContain('Could not read who approved this job')
    expect(registryState(github, 'envreviewer')!.history.at(-1)).toMatchObject({ action: 'promoted', version: 2, actor: 'octo-bot' })
  })

  it('no check where no gate can open (auto promotion) or in a dry run, nor with the issue gate', async () => {
    const auto = await toyProject('envauto', AUTO)
    const run = await act(auto, { inputs: { 'gate-environment': 'release-auto' } })
    expect(run.outputs[Outputs.decision], run.log).toBe('promoted')
    const gated = await toyProject('envdry', GATE)
    const dry = await act(gated, { inputs: { 'gate-environment': 'release-auto', 'dry-run': 'true' } })
    expect(dry.outputs[Outputs.decision], dry.log).toBe('skipped')
    const issue = await act(gated, { inputs: { 'gate-environment': 'release-auto', gate: 'issue' } })
    expect(issue.outputs[Outputs.decision], issue.log).toBe('pending-approval')
    expect(environmentRequests('release-auto')).toEqual([])
    expect([run, dry, issue].flatMap(r => warnings(r.log))).toEqual([])
  })

  it("approval by issue comment, with dispatch-workflow as approve.yml sets it, dispatches the deploy with deploy.yml's inputs", async () => {
    const workspace = await toyProject('commentdeploy', GATE)
    const run = await act(workspace, { inputs: { gate: 'issue' } })
    expect(run.outputs[Outputs.decision], run.log).toBe('pending-approval')
    const issue = [...github.issues.values()].find(i => i.title === 'Approve commentdeploy version 1?')!
    github.permissions.set('deploy-approver', 'write')
    const comment = github.addIssueComment(issue.number, 'deploy-approver', '/approve')
    const approve = (
      parse(await readFile(path.join(REPO, 'examples/workflows/approve.yml'), 'utf8')) as { jobs: { decide: { steps: { with?: Record<string, string> }[] } } }
    ).jobs.decide.steps.find(s => s.with?.['dispatch-workflow'])!.with!
    const approval = await act(workspace, {
      inputs: { 'dispatch-workflow': approve['dispatch-workflow']!, 'exclude-triggering-actor': 'true' },
      event: { name: 'issue_comment', payload: github.issueCommentEvent(issue.number, comment) }
    })
    expect(approval.code, approval.log).toBe(0)
    expect(approval.outputs[Outputs.decision]).toBe('approved')
    const sent = github.dispatches.filter(d => d.inputs.model === 'commentdeploy')
    expect(sent).toEqual([{ workflow: 'deploy.yml', ref: 'refs/heads/main', inputs: { model: 'commentdeploy', version: '1' } }])
    // deploy.yml declares exactly the inputs the dispatch sends.
    const deploy = parse(await readFile(path.join(REPO, 'examples/workflows/deploy.yml'), 'utf8')) as {
      on: { workflow_dispatch: { inputs: Record<string, { required?: boolean; type?: string }> } }
    }
    expect(Object.keys(deploy.on.workflow_dispatch.inputs).sort()).toEqual(Object.keys(sent[0]!.inputs).sort())
    for (const input of Object.values(deploy.on.workflow_dispatch.inputs)) expect(input).toMatchObject({ required: true, type: 'string' })
    // Nothing left pending: the dispatch was sent once and confirmed.
    expect(registryState(github, 'commentdeploy')!.effects.filter(e => e.status !== 'done')).toEqual([])
  })
})
