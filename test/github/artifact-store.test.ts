/** The ArtifactStore over @actions/artifact's ArtifactClient interface, with a scripted client. */
import type { ArtifactClient, UploadArtifactResponse } from '@actions/artifact'
import { describe, expect, it } from 'vitest'
import { WorkflowArtifactStore } from '../../src/github/artifact-store.js'

/** A client whose uploads fail with the given errors, in order, then succeed. */
function scriptedClient(failures: Error[]) {
  const calls: { name: string; retentionDays?: number }[] = []
  const client = {
    async uploadArtifact(name: string, _files: string[], _root: string, options?: { retentionDays?: number }): Promise<UploadArtifactResponse> {
      calls.push({ name, retentionDays: options?.retentionDays })
      const failure = failures.shift()
      if (failure) throw failure
      return { id: 42, size: 10, digest: 'abc' }
    }
  } as unknown as ArtifactClient
  return { client, calls }
}

const options = { runAttempt: '3', attempts: 3, backoffMs: 1, runUrl: 'https://github.com/o/r/actions/runs/9', log: () => undefined }

describe('workflow artifacts', () => {
  it('retry a failed upload and name the artifact with the run attempt and the retention asked for', async () => {
    const { client, calls } = scriptedClient([new Error('socket hang up')])
    const ref = await new WorkflowArtifactStore(client, { ...options, retentionDays: 7 }).upload('churn/eu-v2-bundle', ['/x'], '/')
    expect(ref).toEqual({ name: 'churn-eu-v2-bundle-attempt3', id: '42', url: 'https://github.com/o/r/actions/runs/9/artifacts/42' })
    expect(calls).toEqual([
      { name: 'churn-eu-v2-bundle-attempt3', retentionDays: 7 },
      { name: 'churn-eu-v2-bundle-attempt3', retentionDays: 7 }
    ])
  })

  it('give up after the last attempt with a message that says nothing was promoted', async () => {
    const { client, calls } = scriptedClient([new Error('a'), new Error('b'), new Error('service unavailable')])
    await expect(new WorkflowArtifactStore(client, options).upload('m-v1-logs', ['/x'], '/')).rejects.toThrow(
      'uploading the workflow artifact m-v1-logs-attempt3 failed 3 times; nothing was promoted. Last error: service unavailable'
    )
    expect(calls).toHaveLength(3)
  })

  it('explain GitHub Enterprise Server at once rather than retrying', async () => {
    const ghes = Object.assign(new Error('not supported on GHES'), { name: 'GHESNotSupportedError' })
    const { client, calls } = scriptedClient([ghes])
    await expect(new WorkflowArtifactStore(client, options).upload('m-v1-bundle', ['/x'], '/')).rejects.toThrow(
      /GitHub Enterprise Server.*Set "artifacts: false"/
    )
    expect(calls).toHaveLength(1)
  })
})
