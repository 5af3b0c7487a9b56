/**
 * Workflow artifacts through @actions/artifact, behind the engine's ArtifactStore port. Names are
 * sanitized (the artifact service refuses / \ : " < > | * ? and line breaks) and carry the run
 * attempt, since a re-run is the same run and artifact names are unique per run. Failed uploads are
 * retried with backoff; the last failure is thrown, so the engine stops before any promotion.
 */
import type { ArtifactClient } from '@actions/artifact'
import { CancelledError } from '../errors.js'
import type { ArtifactRef, ArtifactStore } from '../ports.js'
import { withRetries } from '../registry/github/retry.js'

export interface ArtifactStoreOptions {
  /** GITHUB_RUN_ATTEMPT: 1 on the first run, 2 on the first re-run... */
  runAttempt: string
  /** Days the service keeps the artifacts (1-90); undefined: the repository's setting. */
  retentionDays?: number
  /** Uploads tried in all, at least one. */
  attempts: number
  /** Pause before the second attempt; doubled after each failure. */
  backoffMs: number
  /** Links artifacts to the run's page: `<server>/<owner>/<repo>/actions/runs/<id>`. */
  runUrl?: string
  log: (message: string) => void
  /**
   * The run's cancellation: an upload in progress is abandoned 2 s later and none is retried, so that
   * the run gives back what it reserved before the runner kills it (SIGKILL 10 s after SIGINT).
   */
  signal?: AbortSignal
}

const FORBIDDEN = /["/\\:<>|*?\r\n]+/g

/** `<base>-attempt<N>`, with every character the service refuses replaced by '-'. */
/**
 * Whether GITHUB_SERVER_URL is GitHub Enterprise Server, where @actions/artifact 2 and later refuse
 * to work (the same test as theirs: not github.com, a *.ghe.com host, or localhost).
 */
export function onEnterpriseServer(serverUrl: string | undefined): boolean {
  let host: string
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase()
  } catch {
    return false
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}

export function artifactName(base: string, runAttempt: string): string {
  return `${base.replace(FORBIDDEN, '-')}-attempt${runAttempt.replace(/[^0-9]/g, '') || '1'}`
}

export class WorkflowArtifactStore implements ArtifactStore {
  constructor(
    private readonly client: ArtifactClient,
    private readonly options: ArtifactStoreOptions
  ) {}

  async upload(name: string, files: string[], rootDir: string): Promise<ArtifactRef> {
    const full = artifactName(name, this.options.runAttempt)
    const { attempts, backoffMs, log } = this.options
    const isGhes = (err: unknown) => err instanceof Error && err.name === 'GHESNotSupportedError'
    const { signal } = this.options
    try {
      const id: { name: string; id: number } = await untilCancelled(signal, () =>
        withRetries(
          `uploading the workflow artifact ${full}`,
          {
            retries: Math.max(0, attempts - 1),
            baseMs: backoffMs,
            log,
            // Every failure but GitHub Enterprise Server may pass on another try; the pause doubles.
            retryOn: err => !isGhes(err) && !signal?.aborted,
            delayMs: retry => backoffMs * 2 ** (retry - 1),
            onRetry: (err, retry, delay) =>
              log(`Uploading the workflow artifact ${full} failed (attempt ${retry} of ${attempts}): ${messageOf(err)}; retrying in ${delay} ms`)
          },
          () => this.uploadUnderFreeName(full, files, rootDir)
        )
      )
      log(`Uploaded artifact ${id.name} (id ${id.id})`)
      return { name: id.name, id: String(id.id), ...(this.options.runUrl ? { url: `${this.options.runUrl}/artifacts/${id.id}` } : {}) }
    } catch (err) {
      if (err instanceof CancelledError) {
        log(`Abandoned the upload of the workflow artifact ${full}: the run was cancelled`)
        throw err
      }
      if (isGhes(err)) {
        throw new Error(
          'workflow artifacts are not available on GitHub Enterprise Server: the artifact service used by @actions/artifact 2 and later ' +
            'does not support it (GITHUB_SERVER_URL is not github.com). Set "artifacts: false"; the registry still stores every bundle.',
          { cause: err }
        )
      }
      throw new Error(`uploading the workflow artifact ${full} failed ${attempts} times; nothing was promoted. Last error: ${messageOf(err)}`, { cause: err })
    }
  }

  /**
   * Artifact names are unique per workflow run, and other jobs of the run may use this one (a matrix
   * of dry runs of one model): a name already taken is never overwritten; `<name>-2`, `-3`... follow.
   */
  private async uploadUnderFreeName(full: string, files: string[], rootDir: string): Promise<{ name: string; id: number }> {
    for (let n = 1; ; n++) {
      const name = n === 1 ? full : `${full}-${n}`
      try {
        const { id } = await this.client.uploadArtifact(name, files, rootDir, {
          ...(this.options.retentionDays ? { retentionDays: this.options.retentionDays } : {})
        })
        if (id === undefined) throw new Error('the artifact service returned no artifact id')
        return { name, id }
      } catch (err) {
        if (!nameTaken(err) || n >= MAX_NAMES) throw err
        this.options.log(`The workflow artifact name ${name} is taken in this workflow run (by another job); trying ${full}-${n + 1}`)
      }
    }
  }
}

/**
 * The most names tried for one artifact: the jobs of one workflow run that may share a name (a matrix
 * of dry runs of one model, say) are far fewer.
 */
const MAX_NAMES = 20

/** How long an upload may still take once the run is cancelled: well within the runner's 7.5 s. */
const CANCEL_GRACE_MS = 2000

/** The artifact service's answer to a name already used in this workflow run (by another job). */
function nameTaken(err: unknown): boolean {
  return /\(409\) Conflict/.test(messageOf(err))
}

/**
 * `work`, or a CancelledError CANCEL_GRACE_MS after `signal` aborts (or after the start, when it had
 * aborted already): an upload that is nearly done finishes (the report after a cancelled run's commit),
 * one that gets no answer is left behind, and ends with the process, which exits once the run has given
 * back what it held.
 */
async function untilCancelled<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  if (!signal) return await work()
  let timer: NodeJS.Timeout | undefined
  let onAbort: () => void = () => undefined
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => {
      timer = setTimeout(() => reject(new CancelledError('a signal')), CANCEL_GRACE_MS)
    }
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([work(), cancelled])
  } finally {
    signal.removeEventListener('abort', onAbort)
    clearTimeout(timer)
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
