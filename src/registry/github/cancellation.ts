/**
 * Requests to GitHub within the runner's cancellation: SIGINT, SIGTERM 7.5 s later, and the process
 * tree killed 2.5 s after that. A request must not outlive it, or the run is killed before it gives
 * back what it reserved (the draft release, the version number). Once the run is cancelled, a request
 * already in flight gets IN_FLIGHT_MS more, a new one at most REQUEST_MS, and past WINDOW_MS every
 * request fails at once; a 5xx or a network error after the cancellation is final too (GitHub's
 * backoff would outlast the window). Such a failure is a CancelledError, which nothing retries; a
 * write it cut may have landed all the same, which the registry checks before it gives back.
 */
import { CancelledError } from '../../errors.js'

/** What a request in flight at the cancellation still gets: enough for a small write to finish. */
const IN_FLIGHT_MS = 2000
/** The longest a request started after the cancellation may take. */
const REQUEST_MS = 2000
/** After this long past the cancellation, requests fail at once: the rest of the 7.5 s is the margin. */
const WINDOW_MS = 6000

/** A request cut by the cancellation. Named AbortError so that Octokit hands it on as it is, unretried. */
export class RequestCancelledError extends CancelledError {
  constructor(what: string) {
    super('a signal')
    this.name = 'AbortError'
    this.message = `cancelled by a signal: ${what}`
  }
}

let isCancelled = false
const inFlight = new AbortController()
const closing = new AbortController()

/** Cuts requests to GitHub as the module comment says once `signal` aborts (the run's SIGINT or SIGTERM). */
export function cutRequestsOnCancel(signal: AbortSignal): void {
  const start = () => {
    if (isCancelled) return
    isCancelled = true
    setTimeout(() => inFlight.abort(), IN_FLIGHT_MS).unref()
    setTimeout(() => closing.abort(), WINDOW_MS).unref()
  }
  if (signal.aborted) start()
  else signal.addEventListener('abort', start, { once: true })
}

/** Whether the run was cancelled: a rate limit is then not waited out (its wait could outlast the runner's 7.5 s). */
export function cancelled(): boolean {
  return isCancelled
}

/** The signal that cuts a request starting now. */
export function cancellationSignal(): AbortSignal {
  if (!isCancelled) return inFlight.signal
  return AbortSignal.any([closing.signal, AbortSignal.timeout(REQUEST_MS)])
}
