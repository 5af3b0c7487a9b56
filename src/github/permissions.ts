/**
 * A token that may not write: GITHUB_TOKEN on a pull request from a fork (read-only whatever the
 * workflow asks), or in a job whose `permissions:` (or the repository's default) leave out what a
 * command writes. GitHub answers such a write 403 "Resource not accessible by integration" and names
 * the permission it needed in `X-Accepted-GitHub-Permissions`. Said with the permission and the fix;
 * for a run, known before it trains for minutes.
 */
import { ExitCode, RetrainError } from '../errors.js'
import { statusOf, type GitHubClient } from '../registry/github/octokit.js'
import { REGISTRY_README } from '../registry/github/releases-registry.js'
import { GATE_LABEL } from './gates.js'

type EventPayload = Record<string, unknown>

/** The permission a refused write needed (`contents: write`), or null when the 403 is not a missing permission. */
export function missingPermission(err: unknown): string | null {
  if (statusOf(err) !== 403) return null
  const e = err as { message?: string; response?: { headers?: Record<string, string | undefined> } }
  const accepted = e.response?.headers?.['x-accepted-github-permissions']
  if (accepted) {
    // "contents=write" or "issues=write; pull_requests=write": any one of them is enough.
    const names = accepted
      .split(/[;,]/)
      .map(p => p.trim().replace('=', ': ').replace('pull_requests', 'pull-requests'))
      .filter(Boolean)
    if (names.length > 0) return names.join(' or ')
  }
  return /Resource not accessible by (integration|personal access token)/i.test(e.message ?? '') ? 'a permission the token lacks' : null
}

/** Whether the event is a pull request from a fork, where GITHUB_TOKEN is read-only and secrets are empty. */
export function fromFork(eventName: string, payload: EventPayload): boolean {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_review' && eventName !== 'pull_request_review_comment') return false
  const pr = payload.pull_request as { head?: { repo?: { full_name?: string; fork?: boolean } | null } } | undefined
  const base = (payload.repository as { full_name?: string } | undefined)?.full_name
  const head = pr?.head?.repo
  return head === null || head?.fork === true || (head?.full_name !== undefined && base !== undefined && head.full_name !== base)
}

/*
 * The checks below are reads or idempotent writes, retried as any request is: with no retry, one slow
 * answer on a loaded runner (a timeout) skipped the check, and the run trained for nothing.
 */

/** What to do about a missing permission, for the event this run has. */
export function permissionFix(permission: string, eventName: string, payload: EventPayload): string {
  const grant = `add ${permission} to the job's \`permissions:\` block (see the README's permissions table)`
  if (fromFork(eventName, payload))
    return (
      `this is a pull request from a fork, where GitHub's token is read-only whatever the workflow asks: ` +
      'leave it a dry run (the default on pull_request), and retrain on push, schedule or workflow_dispatch'
    )
  if (eventName.startsWith('pull_request'))
    return `${grant}; on pull_request the token often has the repository's read-only default. Or retrain on push, schedule or workflow_dispatch`
  return grant
}

/**
 * Fails at once, before any step runs, when the token may not write the repository's contents,
 * which a run's commit to the GitHub registry needs. The check writes nothing visible: it creates
 * the git tree the registry branch starts with (git objects are content-addressed, so an existing
 * one), referenced by no branch. Any other failure is left for the run itself to meet.
 */
export async function checkContentsWritable(
  github: GitHubClient,
  repo: { owner: string; repo: string },
  eventName: string,
  payload: EventPayload
): Promise<void> {
  try {
    await github.rest.git.createTree({
      ...repo,
      tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: REGISTRY_README }]
    })
  } catch (err) {
    refuseMissing(err, repo, 'which a run that is not a dry run needs to record its version in the GitHub registry', eventName, payload)
  }
}

/** A 403 that names a missing permission, as an error that says what needed it and the fix; anything else is left for the run to meet. */
function refuseMissing(err: unknown, repo: { owner: string; repo: string }, neededFor: string, eventName: string, payload: EventPayload): void {
  const permission = missingPermission(err)
  if (permission === null) return
  throw new RetrainError(
    `the token may not write to ${repo.owner}/${repo.repo} (GitHub answered 403: it needs ${permission}), ` +
      `${neededFor}; nothing was trained or changed. To fix: ${permissionFix(permission, eventName, payload)}`,
    ExitCode.badInput,
    'missing-permission',
    { cause: err }
  )
}

/**
 * Fails before any step runs when the token may not open the issue gate (issues: write), which the
 * run would otherwise find only after training. The check changes nothing: it updates the gate's
 * label with no field at all (GitHub answers 404 while no gate issue ever carried the label).
 */
export async function checkIssuesWritable(
  github: GitHubClient,
  repo: { owner: string; repo: string },
  eventName: string,
  payload: EventPayload
): Promise<void> {
  try {
    await github.rest.issues.updateLabel({ ...repo, name: GATE_LABEL })
  } catch (err) {
    refuseMissing(err, repo, 'which the issue gate needs to open the issue a person approves on', eventName, payload)
  }
}

/**
 * Fails before any step runs when the token may not dispatch the deploy (actions: write) that a
 * promotion sends after its commit. The check changes nothing: it enables the workflow again, only
 * when GitHub just said it is active (enabling an active workflow is a no-op); a workflow it cannot
 * read, or one that is not active, is left for the dispatch itself to meet.
 */
export async function checkDispatchAllowed(
  github: GitHubClient,
  repo: { owner: string; repo: string },
  workflow: string,
  eventName: string,
  payload: EventPayload
): Promise<void> {
  const read = await github.rest.actions.getWorkflow({ ...repo, workflow_id: workflow }).catch(() => null)
  if (read?.data.state !== 'active') return
  try {
    await github.rest.actions.enableWorkflow({ ...repo, workflow_id: workflow })
  } catch (err) {
    refuseMissing(err, repo, `which a promotion needs to dispatch the workflow ${workflow} (input "dispatch-workflow")`, eventName, payload)
  }
}
