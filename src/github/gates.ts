/**
 * Release gates on GitHub. In both, the candidate already waits in the registry as a pending
 * version stored in a draft release (workflow artifacts expire; a gate may stay open for days).
 *
 * - environment: the run outputs the candidate and the champion it was compared with; a later job
 *   behind a GitHub environment with required reviewers runs `promote` with both.
 * - issue: an issue carries the report; `/approve` or `/reject` comments, handled by the action in an
 *   `issue_comment` workflow (see issue-approval.ts), resolve it.
 */
import type { Gate, GateRef, GateRequest } from '../ports.js'
import { cutMarkdownToLength } from './job-summary.js'
import { retryPolicyOf, type GitHubClient } from '../registry/github/octokit.js'
import { NO_PLUGIN_RETRIES, createOnce } from '../registry/github/retry.js'
import { mayBeOurs } from './comment-authors.js'
import { markdownText } from '../engine/format.js'

/** The label that marks a gate issue. Applying labels needs triage access, so outsiders cannot forge one. */
export const GATE_LABEL = 'retrain-gate'
/** GitHub refuses issue and comment bodies longer than this. */
export const BODY_LIMIT = 65_536

/** What a gate issue records about itself, in a hidden comment in its body. */
export interface GateMarker {
  model: string
  version: number
  baseline: number | null
  /** Who triggered the run that opened the gate. */
  actor: string
}

const MARKER = /<!-- retrain-gate (\{[^\n]*?\}) -->/

export function gateMarker(marker: GateMarker): string {
  return `<!-- retrain-gate ${JSON.stringify(marker)} -->`
}

export function parseGateMarker(body: string | null | undefined): GateMarker | null {
  const m = MARKER.exec(body ?? '')
  if (!m) return null
  try {
    const value = JSON.parse(m[1]!) as Partial<GateMarker>
    if (typeof value.model !== 'string' || !Number.isSafeInteger(value.version)) return null
    return {
      model: value.model,
      version: value.version!,
      baseline: typeof value.baseline === 'number' ? value.baseline : null,
      actor: String(value.actor ?? '')
    }
  } catch {
    return null
  }
}

/** Cuts Markdown to GitHub's body limit after a whole line, closing a cut code block, saying where the rest is. */
export function fitBody(markdown: string, whereTheRestIs: string): string {
  return cutMarkdownToLength(markdown, BODY_LIMIT, `…cut to fit GitHub's limit; ${whereTheRestIs}\n`)
}

/** The command a protected job runs to promote this candidate. */
export function promoteCommand(candidate: number, baseline: number | null): string {
  return `promote --candidate ${candidate} --expect-champion ${baseline ?? 'none'}`
}

export class EnvironmentGate implements Gate {
  async open(request: GateRequest): Promise<GateRef> {
    return { kind: 'environment', where: promoteCommand(request.candidate, request.baseline) }
  }
}

export interface IssueGateOptions {
  owner: string
  repo: string
  actor: string
  /** Extra Markdown under the report: the metric history chart, artifact and run links. */
  appendix: (request: GateRequest) => Promise<string>
}

/** Issues searched for a gate an unanswered create may have made: the newest come first. */
const FIND_PAGES = 3

export class IssueGate implements Gate {
  /** The issues this process opened, by the URL handed out in their GateRef. */
  private readonly opened = new Map<string, number>()

  constructor(
    private readonly github: GitHubClient,
    private readonly options: IssueGateOptions
  ) {}

  async close(ref: GateRef, why: string): Promise<void> {
    const number = this.opened.get(ref.where)
    if (number === undefined) return
    const { owner, repo } = this.options
    // The reply is found by its text after a lost answer, so a retried close never doubles it.
    // The reason may quote an error, whose text the action did not choose: plain Markdown on one line.
    const body = `This gate is withdrawn: ${markdownText(why)}. Nothing waits for approval here.`
    await createOnce(`withdrawing the gate issue #${number}`, retryPolicyOf(this.github), {
      find: async () => {
        const { data } = await this.github.rest.issues.listComments({ owner, repo, issue_number: number, per_page: 100 })
        return data.find(c => c.body === body && mayBeOurs(c))
      },
      create: async () => (await this.github.rest.issues.createComment({ owner, repo, issue_number: number, body, request: NO_PLUGIN_RETRIES })).data
    })
    await this.github.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'not_planned' })
    this.opened.delete(ref.where)
  }

  async open(request: GateRequest): Promise<GateRef> {
    const { owner, repo, actor } = this.options
    const marker: GateMarker = { model: request.model, version: request.candidate, baseline: request.baseline, actor }
    const instructions =
      `**Approve or reject ${request.model} version ${request.candidate}** by commenting \`/approve\` or \`/reject\`, ` +
      `optionally followed by a reason. Only people with write access to the repository, or the spec's approvers, count. ` +
      `Approval promotes the candidate only if the champion is still ${request.baseline === null ? 'absent' : `version ${request.baseline}`}.`
    const body = fitBody(
      [gateMarker(marker), instructions, '', request.reportMarkdown, '', await this.options.appendix(request)].join('\n'),
      "the whole report is in the run's job summary and artifacts."
    )
    // Never doubled: after an unanswered create, the gate is looked for by its label and marker first.
    const issue = await createOnce(`opening the gate issue of ${request.model} version ${request.candidate}`, retryPolicyOf(this.github), {
      find: () => this.find(marker),
      create: async () => {
        const { data } = await this.github.rest.issues.create({
          owner,
          repo,
          title: `Approve ${request.model} version ${request.candidate}?`,
          body,
          labels: [GATE_LABEL],
          request: NO_PLUGIN_RETRIES
        })
        return data
      }
    })
    this.opened.set(issue.html_url, issue.number)
    return { kind: 'issue', where: issue.html_url }
  }

  /** The open gate issue for this candidate, if one was made (by an attempt whose answer was lost). */
  private async find(marker: GateMarker): Promise<{ html_url: string; number: number } | undefined> {
    for await (const { issue, marker: m } of openGateIssues(this.github, this.options, FIND_PAGES)) {
      if (m.model === marker.model && m.version === marker.version && m.baseline === marker.baseline) return issue
    }
    return undefined
  }
}

/** The open gate issues (label and marker; pull requests left out), newest first, at most `pages` pages of 100. */
export async function* openGateIssues(
  github: GitHubClient,
  { owner, repo }: { owner: string; repo: string },
  pages: number
): AsyncGenerator<{ issue: { html_url: string; number: number }; marker: GateMarker }> {
  for (let page = 1; page <= pages; page++) {
    const { data } = await github.rest.issues.listForRepo({
      owner,
      repo,
      labels: GATE_LABEL,
      state: 'open',
      sort: 'created',
      direction: 'desc',
      per_page: 100,
      page
    })
    for (const issue of data) {
      const marker = issue.pull_request ? null : parseGateMarker(issue.body)
      if (marker !== null) yield { issue, marker }
    }
    if (data.length < 100) return
  }
}

/**
 * What the environment gate's promote job will meet. A job that names an environment which does not
 * exist creates it, with no protection rules; and required reviewers exist only on public
 * repositories and, for private ones, on GitHub Enterprise. Either way the promote job runs at once:
 * the gate auto-promotes without anyone noticing. The REST API says which, when the token may read it.
 */
export type EnvironmentCheck =
  | { kind: 'reviewed'; reviewers: number }
  | { kind: 'missing' }
  | { kind: 'unreviewed'; rules: string[] }
  | { kind: 'unknown'; status: number | undefined; message: string }

export async function checkGateEnvironment(github: GitHubClient, where: { owner: string; repo: string; environment: string }): Promise<EnvironmentCheck> {
  try {
    const { data } = await github.rest.repos.getEnvironment({ owner: where.owner, repo: where.repo, environment_name: where.environment })
    const rules = (data.protection_rules ?? []) as { type: string; reviewers?: unknown[] }[]
    const reviewers = rules.find(rule => rule.type === 'required_reviewers')
    if (!reviewers) return { kind: 'unreviewed', rules: rules.map(rule => rule.type) }
    return { kind: 'reviewed', reviewers: reviewers.reviewers?.length ?? 0 }
  } catch (err) {
    const status = (err as { status?: unknown }).status
    if (status === 404) return { kind: 'missing' }
    return { kind: 'unknown', status: typeof status === 'number' ? status : undefined, message: (err as Error).message }
  }
}

export interface EnvironmentReviewer {
  login: string
  environment: string
  /** What the reviewer wrote with the approval ('' when nothing). */
  comment: string
}

/**
 * The reviewer whose approval let workflow run `runId` deploy to `environment` (to any environment
 * when none is named): the last approval in the run's review log, or null when there is none.
 */
export async function environmentReviewer(
  github: GitHubClient,
  where: { owner: string; repo: string; runId: number; environment?: string }
): Promise<EnvironmentReviewer | null> {
  const { data } = await github.rest.actions.getReviewsForRun({ owner: where.owner, repo: where.repo, run_id: where.runId })
  for (const review of [...data].reverse()) {
    if (review.state !== 'approved') continue
    const environment = review.environments.find(e => where.environment === undefined || e.name === where.environment)?.name
    if (environment !== undefined) return { login: review.user.login, environment, comment: (review.comment ?? '').trim() }
  }
  return null
}

/**
 * The warning for a check that found the gate open to anyone, or could not look; null when reviewed.
 * `stage`: the retraining run (the promote job is still to come) or the promote job itself.
 */
export function environmentWarning(check: EnvironmentCheck, environment: string, stage: 'run' | 'promote' = 'run'): string | null {
  const consequence =
    stage === 'run'
      ? 'the promote job that names it will run without waiting for a reviewer, so a candidate that passes the rules is promoted unreviewed'
      : 'this promote job did not wait for a reviewer, so the promotion is unreviewed'
  const fix =
    'Add required reviewers to it under Settings > Environments (creating it if needed; they are available on public repositories, ' +
    'and on private ones with GitHub Enterprise), or use "gate: issue".'
  switch (check.kind) {
    case 'reviewed':
      return null
    case 'missing':
      return (
        `Environment gate: the environment "${environment}" does not exist (GitHub's API answered 404), or this job's token may not read it ` +
        `(on a private repository, give the job "actions: read"). A job that names a missing environment creates it with no protection rules, so ` +
        `${consequence}. ${fix}`
      )
    case 'unreviewed':
      return (
        `Environment gate: the environment "${environment}" has no required reviewers ` +
        `(its protection rules: ${check.rules.length ? check.rules.join(', ') : 'none'}): ${consequence}. ${fix}`
      )
    case 'unknown':
      return (
        `Environment gate: could not check the environment "${environment}" (${check.status ? `GitHub's API answered ${check.status}` : check.message})` +
        `${check.status === 403 ? '; the token may not read environments (give the job "actions: read")' : ''}. ` +
        `Check its required reviewers by hand: without them, ${consequence}.`
      )
  }
}
