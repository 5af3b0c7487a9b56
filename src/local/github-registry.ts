/**
 * The GitHub registry as the CLI reads it (`--github OWNER/REPO`): the same store and state machine
 * the action writes through, reached with a token from the environment. The CLI only reads it
 * (`status`, `fetch`): what changes it (runs, gates, promotions) happens in workflows, where its
 * follow-ups (publishing releases, deploy dispatches, gate issues) are performed.
 */
import { InputError } from '../errors.js'
import { createGitHubClient } from '../registry/github/octokit.js'
import { ReleasesRegistry } from '../registry/github/releases-registry.js'
import { VersionRegistry } from '../registry/version-registry.js'
import { preview, refNameProblem } from '../spec/names.js'

export const DEFAULT_REGISTRY_BRANCH = 'retrain-registry'

/** OWNER/REPO as GitHub spells them: an account name, then a repository name. */
const REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/

export function githubRegistry(
  repository: string,
  branch: string | undefined,
  env: NodeJS.ProcessEnv,
  log: (message: string) => void
): { registry: VersionRegistry; description: string } {
  const match = REPOSITORY.exec(repository)
  if (!match || match[2] === '.' || match[2] === '..') {
    throw new InputError([{ message: `--github ${preview(repository)} is not a repository: give it as OWNER/REPO, such as octo-org/models` }], 'usage')
  }
  const problem = branch === undefined ? null : refNameProblem(branch)
  if (problem) throw new InputError([{ message: `--registry-branch ${preview(branch!)} ${problem}` }], 'usage')
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token) {
    throw new InputError(
      [{ message: `--github reads ${repository} through GitHub's API: set GITHUB_TOKEN (or GH_TOKEN) to a token that can read its contents` }],
      'usage'
    )
  }
  const client = createGitHubClient(token, {
    ...(env.GITHUB_API_URL && { baseUrl: env.GITHUB_API_URL }),
    retryBaseMs: 1000,
    retries: 3,
    timeoutMs: 120_000,
    writeIntervalMs: 1000,
    notificationIntervalMs: 3000,
    log
  })
  const [, owner, repo] = match
  const store = new ReleasesRegistry(client, { owner: owner!, repo: repo!, branch: branch ?? DEFAULT_REGISTRY_BRANCH, retryBaseMs: 1000, log })
  return { registry: new VersionRegistry(store, { log }), description: store.description }
}
