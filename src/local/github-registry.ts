/**
 * The GitHub registry as the CLI reads it (`--github OWNER/REPO`): the same store and state machine
 * the action writes through, reached with a token from the environment. The CLI only reads it
 * (`status`, `fetch`): what changes it (runs, gates, promotions) happens in workflows, where its
 * follow-ups (publishing releases, deploy dispatches, gate issues) are performed.
 */
import { ExitCode, InputError, RetrainError } from '../errors.js'
import { createGitHubClient, statusOf } from '../registry/github/octokit.js'
import { ReleasesRegistry } from '../registry/github/releases-registry.js'
import { VersionRegistry, type RegistryStore, type StateRead } from '../registry/version-registry.js'
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
  // Without a trailing slash: the client would ask for //repos/..., which GitHub answers 404, read as "no registry".
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '')
  const parsed = URL.canParse(apiUrl) ? new URL(apiUrl) : null
  // Never echoed: a URL with a user and password in it may carry a token.
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) {
    throw new InputError(
      [
        {
          message:
            "GITHUB_API_URL must be the http(s) address of GitHub's API without a user or password in it (such as https://github.example.com/api/v3); give the token in GITHUB_TOKEN"
        }
      ],
      'usage'
    )
  }
  const token = env.GITHUB_TOKEN || env.GH_TOKEN
  if (!token) {
    throw new InputError(
      [{ message: `--github reads ${repository} through GitHub's API: set GITHUB_TOKEN (or GH_TOKEN) to a token that can read its contents` }],
      'usage'
    )
  }
  const client = createGitHubClient(token, {
    baseUrl: apiUrl,
    retryBaseMs: 1000,
    retries: 3,
    timeoutMs: 120_000,
    writeIntervalMs: 1000,
    notificationIntervalMs: 3000,
    log,
    // A person waits for status or fetch: not for an hour until a rate limit resets.
    maxRateLimitWaitS: 60
  })
  const [, owner, repo] = match
  const store = new ReleasesRegistry(client, { owner: owner!, repo: repo!, branch: branch ?? DEFAULT_REGISTRY_BRANCH, retryBaseMs: 1000, log })
  // No state file reads as a model without versions, and GitHub answers 404 alike for a missing
  // branch or file and for a repository that does not exist or that the token cannot see. The
  // releases list tells them apart (404 only for the repository), asked once, only when nothing was found.
  let visible: Promise<void> | null = null
  const repositoryVisible = () =>
    (visible ??= client.rest.repos.listReleases({ owner: owner!, repo: repo!, per_page: 1 }).then(
      () => undefined,
      (err: unknown) => {
        if (statusOf(err) !== 404) throw err
        throw new RetrainError(
          `GitHub (${apiUrl}) answered 404 for the repository ${owner}/${repo}: check --github, that the repository exists, and that the token in GITHUB_TOKEN (or GH_TOKEN) can read its contents`,
          ExitCode.badInput,
          'github-api'
        )
      }
    ))
  return { registry: new VersionRegistry(explained(store, `${owner}/${repo}`, apiUrl, repositoryVisible), { log }), description: store.description }
}

/**
 * The store, with GitHub's refusals and failures said with what was asked of whom: Octokit's own
 * message ("Bad credentials") says neither. The token is in no message (Octokit redacts it).
 */
function explained(store: ReleasesRegistry, repository: string, apiUrl: string, repositoryVisible: () => Promise<void>): RegistryStore {
  const explain = (err: unknown): never => {
    // Octokit gives a request that got no answer (refused, reset, timed out) the status 500 and no response.
    const noAnswer =
      ((err as { response?: unknown }).response === undefined && statusOf(err) === 500) || (err instanceof TypeError && err.message === 'fetch failed')
    const status = noAnswer ? undefined : statusOf(err)
    if (err instanceof RetrainError || (status === undefined && !noAnswer)) throw err
    const said = (err as Error).message
    const hint =
      status === 401
        ? 'the token in GITHUB_TOKEN (or GH_TOKEN) was refused: check that it is valid and not expired'
        : status === 403 || status === 404
          ? `check that the repository exists and that the token can read its contents${status === 403 ? ', or wait for a rate limit to reset' : ''}`
          : status === undefined
            ? `check GITHUB_API_URL (${apiUrl}) and the network`
            : 'GitHub could not answer; try again later'
    throw new RetrainError(
      `reading the registry of ${repository} through GitHub's API (${apiUrl}) failed: ${status === undefined ? said : `it answered ${status} (${said})`}; ${hint}`,
      status === 401 || status === 403 || status === 404 ? ExitCode.badInput : ExitCode.internal,
      'github-api',
      { cause: err }
    )
  }
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args)
        if (!(result instanceof Promise)) return result
        // A state never written: the repository itself may be what is missing.
        if (prop === 'read') return result.then(async (read: StateRead) => (read.revision === null ? (await repositoryVisible(), read) : read)).catch(explain)
        return result.catch(explain)
      }
    }
  })
}
