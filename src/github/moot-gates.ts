/**
 * Gate issues whose question has been answered elsewhere. A candidate waiting on the issue gate can be
 * decided without a comment on its issue: `approve`, `reject` or `promote` from a workflow, another
 * candidate promoted (its comparison is then stale, and on GitHub its draft release is deleted), a
 * rollback. Its issue would stay open asking for an approval that can only be refused. After each
 * command of the action (with gate: issue), the open gate issues of the model are compared with the
 * registry, and each one nothing waits on any more gets a reply saying what happened and is closed.
 *
 * Nothing is recorded for it: the registry state says which gates are moot, so the next command
 * closes whatever this one could not (a lost answer, a cancellation), and a reply is found by its text
 * before it is written again.
 */
import { describeVersion } from '../errors.js'
import type { RegistrySnapshot, VersionRecord } from '../ports.js'
import { openGateIssues, type GateMarker } from './gates.js'
import { retryPolicyOf, type GitHubClient } from '../registry/github/octokit.js'
import { NO_PLUGIN_RETRIES, createOnce } from '../registry/github/retry.js'
import { mayBeOurs } from './comment-authors.js'

/** Open gate issues looked at, newest first: 100 a page. */
const PAGES = 3

export interface MootGateOptions {
  owner: string
  repo: string
  /**
   * Whether a pending version compared with another champion than today's can never be approved: on
   * GitHub its draft release (its bundle) is deleted when the champion moves. With a directory
   * registry a rollback can make its comparison current again, so its issue stays open.
   */
  staleIsFinal: boolean
  /** The registry's reserved version numbers (Registry.reservations); without them, an unregistered version's gate stays open. */
  reserved?: { held: number[]; last: number }
  log: (message: string) => void
}

/** Why nothing waits on the gate of `marker` any more, or null while its candidate still waits for a person. */
export function mootReason(marker: GateMarker, snapshot: RegistrySnapshot, staleIsFinal: boolean, reserved?: { held: number[]; last: number }): string | null {
  const record: VersionRecord | undefined = snapshot.versions.find(v => v.version === marker.version)
  const name = `${snapshot.model} version ${marker.version}`
  // Not registered yet: a run opens its gate just before it records the candidate as pending, so
  // another job's sweep in between must leave the issue alone (a run that fails withdraws its own).
  // Unless its number was given back: its run died without withdrawing it (a crashed attempt, whose
  // re-run trains under a new number), and nothing can register that version any more.
  if (record === undefined) {
    if (reserved === undefined || marker.version > reserved.last || reserved.held.includes(marker.version)) return null
    return `the run that opened it ended before recording ${name}, and its version number was given back: nothing was registered under it`
  }
  const last = snapshot.history.findLast(e => e.version === marker.version)
  const by = last ? ` by ${last.actor} at ${last.at}${last.reason ? ` (${last.reason})` : ''}` : ''
  switch (record.status) {
    case 'pending':
      if (record.baselineVersion === snapshot.champion || !staleIsFinal) return null
      return (
        `the champion is now ${describeVersion(snapshot.champion)}, not ${describeVersion(record.baselineVersion)}, the champion ${name} was compared with, ` +
        'so approving it would be refused (stale-baseline); run the retraining again for a candidate compared with today’s champion'
      )
    case 'promoted':
    case 'retired': {
      const how = last?.action === 'rollback' ? 'made the champion again' : last?.action === 'approved' ? 'approved' : 'promoted'
      return `${name} was ${how}${by}${record.status === 'retired' ? ', and has been replaced as the champion since' : ''}`
    }
    case 'rejected':
      return `${name} was rejected${by}`
    case 'not-selected':
      return `${name} was not selected${by}`
    case 'candidate':
      return `${name} is an undecided challenger now, not a pending one`
  }
}

/**
 * Replies to and closes the open gate issues of `snapshot.model` that nothing waits on any more; returns
 * their numbers. Failures are the caller's to report: nothing here changes the registry.
 */
export async function closeMootGates(github: GitHubClient, snapshot: RegistrySnapshot, options: MootGateOptions): Promise<number[]> {
  const { owner, repo } = options
  const closed: number[] = []
  // Collected first: closing issues while paging would shift the pages.
  const open: { issue: { number: number }; marker: GateMarker }[] = []
  for await (const found of openGateIssues(github, options, PAGES)) if (found.marker.model === snapshot.model) open.push(found)
  for (const { issue, marker } of open) {
    const why = mootReason(marker, snapshot, options.staleIsFinal, options.reserved)
    if (why === null) continue
    const body = `This gate is closed: ${why}. Nothing waits for approval here any more.`
    await createOnce(`replying on the moot gate issue #${issue.number}`, retryPolicyOf(github), {
      find: async () => {
        const { data: comments } = await github.rest.issues.listComments({ owner, repo, issue_number: issue.number, per_page: 100 })
        return comments.find(c => c.body === body && mayBeOurs(c))
      },
      create: async () => (await github.rest.issues.createComment({ owner, repo, issue_number: issue.number, body, request: NO_PLUGIN_RETRIES })).data
    })
    const status = snapshot.versions.find(v => v.version === marker.version)?.status
    await github.rest.issues.update({
      owner,
      repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: status === 'promoted' || status === 'retired' ? 'completed' : 'not_planned'
    })
    options.log(`Closed the gate issue #${issue.number}: ${why}`)
    closed.push(issue.number)
  }
  return closed
}
