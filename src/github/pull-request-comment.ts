/**
 * On pull_request events the action runs as a dry run and keeps one comment on the pull request up to
 * date with what the change would do to the model: later runs edit it rather than add another.
 */
import { fitBody } from './gates.js'
import { retryPolicyOf, type GitHubClient } from '../registry/github/octokit.js'
import { NO_PLUGIN_RETRIES, createOnce } from '../registry/github/retry.js'
import { mayBeOurs } from './comment-authors.js'

export function dryRunMarker(model: string): string {
  return `<!-- retrain-dry-run ${JSON.stringify({ model })} -->`
}

/** Bounded: a pull request with more comments than this gets a fresh comment rather than a long search. */
const MAX_PAGES = 10

export async function upsertDryRunComment(
  github: GitHubClient,
  where: { owner: string; repo: string; number: number },
  model: string,
  markdown: string
): Promise<string> {
  const marker = dryRunMarker(model)
  const body = fitBody(`${marker}\n${markdown}`, "the whole report is in the run's job summary.")
  const mine = await findMarkedComment(github, where, marker)
  if (mine) {
    const { data } = await github.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: mine.id, body })
    return data.html_url
  }
  // Never doubled: after an unanswered create, the comment is looked for by its marker first.
  const made = await createOnce(`commenting on pull request #${where.number}`, retryPolicyOf(github), {
    find: () => findMarkedComment(github, where, marker),
    create: async () =>
      (await github.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.number, body, request: NO_PLUGIN_RETRIES })).data
  })
  return made.html_url
}

/** The first comment on an issue or pull request whose body holds `marker` (a hidden HTML comment), by a writer `mayBeOurs` accepts. */
export async function findMarkedComment(
  github: GitHubClient,
  where: { owner: string; repo: string; number: number },
  marker: string
): Promise<{ id: number; html_url: string } | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data: comments } = await github.rest.issues.listComments({ owner: where.owner, repo: where.repo, issue_number: where.number, per_page: 100, page })
    const found = comments.find(c => c.body?.includes(marker) && mayBeOurs(c))
    if (found) return found
    if (comments.length < 100) break
  }
  return undefined
}
