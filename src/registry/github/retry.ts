/**
 * One retry helper for every GitHub call the shell retries by hand: streaming transfers (which
 * Octokit's retry plugin cannot resend), workflow artifact uploads, and creates that must not be
 * doubled.
 *
 * A create (a POST that makes something: a release, an issue, a comment) is not idempotent: when
 * GitHub did the work but the answer was lost, or a 5xx came after the work, sending it again makes
 * a second one. So creates go out with the plugin's retries off (`NO_PLUGIN_RETRIES`), and before a
 * create is tried again, `createOnce` looks for what the first attempt may have made (a
 * deterministic name, a marker in the body) and reuses it.
 */
import { RetrainError } from '../../errors.js'
import { statusOf, type RetryPolicy } from './octokit.js'

export interface RetryOptions extends RetryPolicy {
  /** Which failures may pass on another try; default `isTransient`. */
  retryOn?: (err: unknown) => boolean
  /** The pause before retry n (n from 1); default baseMs * n². */
  delayMs?: (retry: number) => number
  /** Says that a failure will be retried; default "<what> failed (<message>); retrying in <delay> ms". */
  onRetry?: (err: unknown, retry: number, delayMs: number) => void
}

/** Per-request option for Octokit: no automatic retry (the caller retries through this module). */
export const NO_PLUGIN_RETRIES = { retries: 0 } as const

/** No answer (network error, timeout) or a 5xx: another try may pass. 4xx answers and RetrainErrors are final. */
export function isTransient(err: unknown): boolean {
  if (err instanceof RetrainError) return false
  const status = statusOf(err)
  return status === undefined || status >= 500
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/** Runs `attempt` (given its retry number, 0 first) until it succeeds, a failure is final, or the retries run out. */
export async function withRetries<T>(what: string, options: RetryOptions, attempt: (retry: number) => Promise<T>): Promise<T> {
  const retryOn = options.retryOn ?? isTransient
  const delayOf = options.delayMs ?? (n => options.baseMs * n * n)
  for (let retry = 0; ; retry++) {
    try {
      return await attempt(retry)
    } catch (err) {
      if (!retryOn(err) || retry >= options.retries) throw err
      const delay = delayOf(retry + 1)
      if (options.onRetry) options.onRetry(err, retry + 1, delay)
      else options.log(`${what} failed (${messageOf(err)}); retrying in ${delay} ms`)
      await new Promise(resolve => setTimeout(resolve, delay))
    }
  }
}

export interface CreateOnce<T> {
  /** The create itself, sent with NO_PLUGIN_RETRIES. */
  create: () => Promise<T>
  /** What an earlier attempt of this create made, if it made anything. */
  find: () => Promise<T | undefined>
}

/**
 * A create that is never doubled by a retry: after a failure whose outcome is unknown (no answer, a
 * 5xx), `find` runs before the next try, and what it finds is used instead of creating again.
 */
export async function createOnce<T>(what: string, policy: RetryPolicy, { create, find }: CreateOnce<T>): Promise<T> {
  return await withRetries(what, policy, async retry => {
    if (retry > 0) {
      const found = await find()
      if (found !== undefined) {
        policy.log(`${what}: the earlier attempt had succeeded (its answer was lost); using what it made`)
        return found
      }
    }
    return await create()
  })
}

/**
 * A write with no idempotency key and nothing to find it by afterwards (a workflow dispatch): sent
 * once with the client's retries off, never resent. A failure with no answer, or a 5xx, leaves its
 * outcome unknown: the caller records that (the dispatch may or may not have started a run) instead
 * of sending it again blindly. A 4xx is thrown: it was refused.
 */
export async function sendOnce(send: () => Promise<unknown>): Promise<{ outcome: 'sent' } | { outcome: 'unknown'; error: unknown }> {
  try {
    await send()
    return { outcome: 'sent' }
  } catch (err) {
    if (isTransient(err)) return { outcome: 'unknown', error: err }
    throw err
  }
}
