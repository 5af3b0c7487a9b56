/**
 * The Octokit client the GitHub shell uses: GitHub's REST API at GITHUB_API_URL, with the retry and
 * throttling plugins. Only errors known to be transient are retried: 5xx, network errors and
 * requests that got no answer in time. 4xx answers are final, and 409 is how a compare-and-swap on
 * the registry branch reports that someone else wrote first, which the registry handles itself.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import { RequestCancelledError, cancellationSignal, cancelled } from './cancellation.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface ClientOptions {
  /** The API's root; default GITHUB_API_URL (https://api.github.com). */
  baseUrl?: string
  /** Base of the retry backoff: attempt n waits n² times this (GitHub's default is one second). */
  retryBaseMs: number
  /** Retries after the first attempt. */
  retries: number
  /** A request with no complete answer after this long is abandoned and retried. */
  timeoutMs: number
  /**
   * Pause between two writes, and between two writes that notify people (issues, comments,
   * releases). GitHub asks for about 1 s and 3 s to stay clear of its secondary rate limit.
   */
  writeIntervalMs: number
  notificationIntervalMs: number
  log: (message: string) => void
  /**
   * The longest wait for a rate limit to reset that is worth it (a person at a terminal): a longer one
   * fails the request at once, saying when. Unbounded when absent (a workflow waits).
   */
  maxRateLimitWaitS?: number
}

/** Statuses that will not change on a retry. 409 is a lost compare-and-swap: re-read, do not resend. */
const DO_NOT_RETRY = [400, 401, 403, 404, 409, 410, 422, 451]

/**
 * fetch with a deadline. A timed-out fetch must not surface as an AbortError: Octokit rethrows those
 * unwrapped and the retry plugin would not see them, so it becomes an ordinary network error.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
    const deadline = AbortSignal.timeout(Math.ceil(timeoutMs))
    // The run's cancellation cuts requests too (cancellation.ts): the runner kills the process soon after.
    const cut = cancellationSignal()
    const signal = AbortSignal.any([deadline, cut, ...(init?.signal ? [init.signal] : [])])
    const what = `${init?.method ?? 'GET'} ${String(input)}`
    let response: Response
    try {
      response = await fetch(input, { ...init, signal })
    } catch (err) {
      if (cut.aborted) throw new RequestCancelledError(`${what} was abandoned`)
      // Once cancelled there is no time for GitHub's backoff: a failure is final.
      if (cancelled()) throw new RequestCancelledError(`${what} failed (${(err as Error).message})`)
      if (deadline.aborted) throw new Error(`no answer from ${String(input)} within ${timeoutMs} ms`, { cause: err })
      throw err
    }
    if (response.status >= 500 && cancelled()) {
      await response.body?.cancel()
      throw new RequestCancelledError(`${what} answered ${response.status}`)
    }
    return response
  }
}

/**
 * fetch for downloads GitHub redirects to storage (release assets): the redirect is followed by hand,
 * and the Authorization header is not carried to another origin. Object storage behind a signed URL
 * refuses a second credential (400), and the token must not leave GitHub anyway.
 */
export function fetchFollowingToStorage(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input))
    let headers = new Headers(init?.headers)
    // Bounded: storage answers directly; a chain this long is an error.
    for (let hop = 0; hop < 5; hop++) {
      const response = await fetchImpl(url, { ...init, headers, redirect: 'manual' })
      const location = response.headers.get('location')
      if (![301, 302, 303, 307, 308].includes(response.status) || !location) return response
      await response.body?.cancel()
      const next = new URL(location, url)
      if (next.origin !== url.origin) {
        headers = new Headers(headers)
        headers.delete('authorization')
      }
      url = next
    }
    throw new Error(`too many redirects downloading ${String(input)}`)
  }
}

/** How calls retried by hand (retry.ts) are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  /** Base of the backoff: retry n waits n² times this (as Octokit's retry plugin does). */
  baseMs: number
  log: (message: string) => void
}

const policies = new WeakMap<object, RetryPolicy>()

/** How the client retries (for the calls retried by hand through retry.ts); GitHub's defaults for other clients. */
export function retryPolicyOf(github: GitHubClient, log: (message: string) => void = () => undefined): RetryPolicy {
  return policies.get(github) ?? { retries: 4, baseMs: 1000, log }
}

export function createGitHubClient(token: string, options: ClientOptions): GitHubClient {
  /** Whether to wait out a rate limit and retry: twice at most, and not once the run is cancelled. */
  const waitOut = (limit: string, retryAfter: number, request: { method: string; url: string }, retryCount: number): boolean => {
    if (cancelled()) {
      options.log(`${limit} was reached for ${request.method} ${request.url}; not waiting ${retryAfter} s: the run is cancelled`)
      return false
    }
    if (options.maxRateLimitWaitS !== undefined && retryAfter > options.maxRateLimitWaitS) {
      options.log(`${limit} was reached for ${request.method} ${request.url}; not waiting ${retryAfter} s for it to reset`)
      return false
    }
    options.log(`${limit} was reached for ${request.method} ${request.url}; retrying in ${retryAfter} s`)
    return retryCount < 2
  }
  const client = getOctokit(
    token,
    {
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
      retry: { doNotRetry: DO_NOT_RETRY, retries: options.retries, retryAfterBaseValue: options.retryBaseMs },
      throttle: {
        write: new Bottleneck.Group({ id: 'retrain-write', maxConcurrent: 1, minTime: options.writeIntervalMs }),
        notifications: new Bottleneck.Group({ id: 'retrain-notifications', maxConcurrent: 1, minTime: options.notificationIntervalMs }),
        onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) =>
          waitOut("GitHub's rate limit", retryAfter, request, retryCount),
        onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) =>
          waitOut("GitHub's secondary rate limit", retryAfter, request, retryCount)
      },
      request: { fetch: fetchWithTimeout(options.timeoutMs) }
    },
    retry,
    throttling
  )
  policies.set(client, { retries: options.retries, baseMs: options.retryBaseMs, log: options.log })
  return client
}

/** The HTTP status of an Octokit error, or undefined for anything else. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}
