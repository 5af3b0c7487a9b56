/**
 * Workflow artifacts through @actions/artifact, behind the engine's ArtifactStore port. Names are
 * sanitized (the artifact service refuses / \ : " < > | * ? and line breaks) and carry the run
 * attempt, since a re-run is the same run and artifact names are unique per run. Failed uploads are
 * retried with backoff; the last failure is thrown, so the engine stops before any promotion.
 */
import type { ArtifactClient } from '@actions/artifact'
import type { ArtifactRef, ArtifactStore } from '../ports.js'

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
}

const FORBIDDEN = /["/\\:<>|*?\r\n]+/g

/** `<base>-attempt<N>`, with every character the service refuses replaced by '-'. */
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
    let delay = backoffMs
    for (let attempt = 1; ; attempt++) {
      try {
        const { id } = await this.client.uploadArtifact(full, files, rootDir, {
          ...(this.options.retentionDays ? { retentionDays: this.options.retentionDays } : {})
        })
        if (id === undefined) throw new Error('the artifact service returned no artifact id')
        log(`Uploaded artifact ${full} (id ${id})`)
        return { name: full, id: String(id), ...(this.options.runUrl ? { url: `${this.options.runUrl}/artifacts/${id}` } : {}) }
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        if (err instanceof Error && err.name === 'GHESNotSupportedError') {
          throw new Error(
            'workflow artifacts are not available on GitHub Enterprise Server: the artifact service used by @actions/artifact 2 and later ' +
              'does not support it (GITHUB_SERVER_URL is not github.com). Set "artifacts: false"; the registry still stores every bundle.',
            { cause: err }
          )
        }
        if (attempt >= attempts) {
          throw new Error(`uploading the workflow artifact ${full} failed ${attempts} times; nothing was promoted. Last error: ${message}`, { cause: err })
        }
        log(`Uploading the workflow artifact ${full} failed (attempt ${attempt} of ${attempts}): ${message}; retrying in ${delay} ms`)
        await new Promise(resolve => setTimeout(resolve, delay))
        delay *= 2
      }
    }
  }
}
