/**
 * The registry on GitHub. A model's state (champion pointer, versions, history, reserved version
 * numbers) is one JSON file on a dedicated, unprotected branch (default `retrain-registry`), so
 * promotions never conflict with pushes to the default branch and branch protection does not block
 * the token. Every change is a compare-and-swap: the contents API replaces the file only if its blob
 * sha is still the one that was read, and a lost race re-reads and re-checks. The champion pointer
 * moves only if it still points at the champion the candidate was compared with (stale-baseline
 * otherwise), whatever the version numbers say, so rollbacks are safe.
 *
 * Each version's bundle is a release: created as a draft (a draft has no tag yet, which is why
 * version numbers are reserved on the branch), filled with its assets, and published with
 * `make_latest: false` when it is promoted, so "Latest" stays the project's own release. Archives
 * larger than one asset may hold are split into parts; every part's sha256 is kept in the state and
 * checked on download.
 *
 *   <branch>:<model>/registry.json
 *   release retrain-<model>-v<N>: model.tar (or model.tar.part-000, -001, ...) and manifest.json
 */
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { ExitCode, InputError, IntegrityError, RetrainError, StaleBaselineError } from '../errors.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST } from '../engine/manifest.js'
import type { HistoryEvent, Registry, RegistrySnapshot, VersionRecord, VersionStatus } from '../ports.js'
import { fetchWithTimeout, statusOf, type GitHubClient } from './octokit.js'
import { fetchFollowingToStorage, retryPolicyOf } from './octokit.js'
import { RegistryBranchProtectedError, isRuleViolation } from './protection.js'
import { NO_PLUGIN_RETRIES, createOnce, isTransient, withRetries } from './retry.js'

const STATE_FILE = 'registry.json'
const STATE_SCHEMA_VERSION = 1
/** GitHub refuses release assets of 2 GiB or more. */
const MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024 - 1
/** GitHub keeps at most this many assets per release. */
const MAX_ASSETS = 1000
/** Bounded: each lost race means another writer succeeded, so a few rounds always suffice. */
const MAX_WRITE_ATTEMPTS = 8

interface StoredAsset {
  name: string
  id: number
  size: number
  sha256: string
}

interface StoredRelease {
  id: number
  tag: string
  url: string
  draft: boolean
  /** The archive's parts in order (one part when it fits one asset), then the manifest. */
  assets: StoredAsset[]
}

interface StateFile {
  schemaVersion: number
  model: string
  champion: number | null
  /** The highest version number ever reserved, stored or not. */
  lastReserved: number
  versions: VersionRecord[]
  history: HistoryEvent[]
  releases: Record<string, StoredRelease>
}

type EventInput = Omit<HistoryEvent, 'version' | 'from' | 'at'>

export interface ReleasesRegistryOptions {
  owner: string
  repo: string
  branch: string
  /** The commit a published release's tag points at (the run's commit). */
  targetCommitish?: string
  /** Archives larger than this are uploaded as several assets. */
  partBytes?: number
  /** Retries of an asset upload or download after the first attempt, and their backoff base. */
  transferRetries?: number
  retryBaseMs?: number
  /** The deadline of one asset transfer of `bytes` bytes. */
  transferTimeoutMs?: (bytes: number) => number
  now?: () => Date
  log?: (message: string) => void
}

function emptyState(model: string): StateFile {
  return { schemaVersion: STATE_SCHEMA_VERSION, model, champion: null, lastReserved: 0, versions: [], history: [], releases: {} }
}

async function sha256Range(file: string, start: number, size: number): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { start, end: start + size - 1 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The sha git (and the contents API's compare-and-swap) gives a file's content. */
function gitBlobSha(data: Buffer): string {
  return createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex')
}

/** Releases searched for a draft an unanswered create may have made: the newest come first. */
const FIND_PAGES = 3

interface FoundRelease {
  id: number
  html_url: string
  upload_url: string
}

interface RemoteAsset {
  id: number
  name: string
  size: number
  state?: string
  digest?: string | null
}

/** A 422 from the uploads host saying an asset of that name is already in the release. */
function assetAlreadyExists(err: unknown): boolean {
  if (statusOf(err) !== 422) return false
  const data = (err as { response?: { data?: { errors?: { code?: string }[] } } }).response?.data
  return Boolean(data?.errors?.some(e => e.code === 'already_exists')) || /already_exists/.test((err as Error).message ?? '')
}

export class ReleasesRegistry implements Registry {
  readonly description: string
  private readonly now: () => Date
  private readonly partBytes: number
  private readonly log: (message: string) => void
  private readonly transferRetries: number
  private readonly retryBaseMs: number
  private readonly transferTimeout: (bytes: number) => number

  constructor(
    private readonly github: GitHubClient,
    private readonly options: ReleasesRegistryOptions
  ) {
    this.description = `GitHub ${options.owner}/${options.repo} (branch ${options.branch}, releases)`
    this.now = options.now ?? (() => new Date())
    this.partBytes = Math.min(options.partBytes ?? MAX_ASSET_BYTES, MAX_ASSET_BYTES)
    this.log = options.log ?? (() => undefined)
    this.transferRetries = options.transferRetries ?? 4
    this.retryBaseMs = options.retryBaseMs ?? 1000
    // At least 1 MiB/s on top of a fixed two minutes.
    this.transferTimeout = options.transferTimeoutMs ?? (bytes => 120_000 + bytes / 1024)
  }

  private get repo() {
    return { owner: this.options.owner, repo: this.options.repo }
  }

  private statePath(model: string): string {
    return `${model}/${STATE_FILE}`
  }

  /**
   * The model's state and the blob sha a compare-and-swap must present (null: no file yet). The
   * contents API gives no content above 1 MB (about 650 versions), so a larger state is read through
   * the git blobs API (up to 100 MB) by the blob sha the contents API named, which is also the sha
   * the next write presents: the read and the compare-and-swap agree on one revision.
   */
  private async readState(model: string): Promise<{ state: StateFile; sha: string | null }> {
    const where = `${this.statePath(model)} on branch ${this.options.branch} of ${this.options.owner}/${this.options.repo}`
    let file: { type?: string; sha?: string; size?: number; content?: string; encoding?: string }
    try {
      // The object media type answers above 1 MB too (with the content left out); the default one refuses (403 too_large).
      const { data } = await this.github.rest.repos.getContent({
        ...this.repo,
        path: this.statePath(model),
        ref: this.options.branch,
        headers: { accept: 'application/vnd.github.object+json' }
      })
      file = data as typeof file
    } catch (err) {
      // No branch or no file yet: the model has no versions.
      if (statusOf(err) === 404) return { state: emptyState(model), sha: null }
      if (statusOf(err) !== 403 || !/too_large|blobs up to 1 MB/.test(JSON.stringify((err as { response?: { data?: unknown } }).response?.data ?? ''))) throw err
      file = await this.stateEntry(model)
    }
    if (file.type !== 'file' || !file.sha) {
      throw new RetrainError(`the registry state ${where} is not a readable file`, ExitCode.integrity, 'registry-corrupt')
    }
    let base64 = file.encoding === 'base64' && typeof file.content === 'string' ? file.content : null
    if (base64 === null || (base64 === '' && (file.size ?? 0) > 0)) {
      const { data: blob } = await this.github.rest.git.getBlob({ ...this.repo, file_sha: file.sha })
      if (blob.encoding !== 'base64') throw new RetrainError(`the registry state ${where} came in encoding ${blob.encoding}`, ExitCode.integrity, 'registry-corrupt')
      base64 = blob.content
    }
    try {
      const state = JSON.parse(Buffer.from(base64, 'base64').toString('utf8')) as StateFile
      if (state.schemaVersion !== STATE_SCHEMA_VERSION) throw new Error(`unsupported schemaVersion ${state.schemaVersion}`)
      return { state, sha: file.sha }
    } catch (err) {
      throw new RetrainError(`the registry state ${where} is unreadable: ${(err as Error).message}`, ExitCode.integrity, 'registry-corrupt')
    }
  }

  /** The state file's entry in its directory listing (type, sha, size), for when the file itself is too large to get. */
  private async stateEntry(model: string): Promise<{ type?: string; sha?: string; size?: number }> {
    const { data } = await this.github.rest.repos.getContent({ ...this.repo, path: model, ref: this.options.branch })
    const entry = Array.isArray(data) ? data.find(e => e.name === STATE_FILE) : undefined
    return entry ? { type: entry.type, sha: entry.sha, size: entry.size } : {}
  }

  /**
   * Applies `change` to the freshest state and writes it only if nobody wrote in between; a lost race
   * re-reads and re-applies, so `change` re-checks its preconditions (the champion for a promotion)
   * against what is really there.
   */
  private async update<T>(model: string, message: string, change: (state: StateFile) => { state: StateFile; result: T }): Promise<T> {
    const policy = retryPolicyOf(this.github, this.log)
    /**
     * Writes whose answer never came (or came as a 5xx), by the blob sha each leaves if it landed,
     * with their results. All are kept: a read just after a write may still show the state before it.
     */
    const unanswered = new Map<string, T>()
    let lastFailure: unknown = null
    let transient = 0
    // Bounded: each round either returns, throws, or counts a lost race (at most MAX_WRITE_ATTEMPTS)
    // or a failure with no answer (at most policy.retries + 1, then the last is thrown).
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; ) {
      const { state, sha } = await this.readState(model)
      if (sha !== null && unanswered.has(sha)) {
        this.log(`the registry state of ${model} had been written (its answer was lost)`)
        return unanswered.get(sha) as T
      }
      if (transient > policy.retries) throw lastFailure
      const { state: next, result } = change(state)
      // A fresh write id makes every write's blob unique, so a write whose answer was lost is
      // recognised by its sha, and never confused with an identical write by another run.
      const content = Buffer.from(JSON.stringify({ ...next, writeId: randomUUID() }, null, 2) + '\n')
      try {
        // Not resent by the client: after a lost answer, the next read tells whether this write landed.
        await this.github.rest.repos.createOrUpdateFileContents({
          ...this.repo,
          path: this.statePath(model),
          branch: this.options.branch,
          message,
          content: content.toString('base64'),
          ...(sha ? { sha } : {}),
          request: NO_PLUGIN_RETRIES
        })
        return result
      } catch (err) {
        const status = statusOf(err)
        if (isRuleViolation(err)) throw new RegistryBranchProtectedError(this.options.branch, `${this.options.owner}/${this.options.repo}`, 'write', err)
        if (status === 404 && (await this.ensureBranch())) {
          attempt++
          continue
        }
        if (isTransient(err)) {
          unanswered.set(gitBlobSha(content), result)
          lastFailure = err
          transient++
          const delay = policy.baseMs * Math.min(transient, policy.retries) ** 2
          this.log(`writing the registry state of ${model} failed (${(err as Error).message}); checking whether it landed${transient > policy.retries ? '' : `, retrying in ${delay} ms`}`)
          if (transient <= policy.retries) await new Promise(resolve => setTimeout(resolve, delay))
          continue
        }
        // 409: the file changed since it was read; 422: it was created since we saw none.
        if (status === 409 || (status === 422 && sha === null)) {
          this.log(`the registry state of ${model} changed while it was being written; reading it again (attempt ${attempt})`)
          attempt++
          continue
        }
        throw err
      }
    }
    throw new RetrainError(
      `the registry state of ${model} kept changing under this run (${MAX_WRITE_ATTEMPTS} attempts); nothing was changed. Run the command again.`,
      ExitCode.conflict,
      'registry-busy'
    )
  }

  /**
   * Creates the registry branch as an orphan (it carries only registry state, never code).
   * Returns false when it already existed, so the caller's 404 had another cause.
   */
  private async ensureBranch(): Promise<boolean> {
    const { data: tree } = await this.github.rest.git.createTree({
      ...this.repo,
      tree: [
        {
          path: 'README.md',
          mode: '100644',
          type: 'blob',
          content: `# Model registry\n\nChampion pointers and history written by retrain-action. Do not edit by hand.\n`
        }
      ]
    })
    const { data: commit } = await this.github.rest.git.createCommit({ ...this.repo, message: 'retrain: create the model registry', tree: tree.sha, parents: [] })
    try {
      await this.github.rest.git.createRef({ ...this.repo, ref: `refs/heads/${this.options.branch}`, sha: commit.sha })
      this.log(`created the registry branch ${this.options.branch}`)
      return true
    } catch (err) {
      if (isRuleViolation(err)) throw new RegistryBranchProtectedError(this.options.branch, `${this.options.owner}/${this.options.repo}`, 'create', err)
      // Another run created it first (or this one did, and its answer was lost): that is as good.
      if (statusOf(err) === 422 && /already exists/i.test((err as Error).message)) return true
      throw err
    }
  }

  private event(state: StateFile, version: number, input: EventInput): HistoryEvent {
    return { ...input, version, from: state.champion, at: this.now().toISOString() }
  }

  async models(): Promise<string[]> {
    let data: unknown
    try {
      ;({ data } = await this.github.rest.repos.getContent({ ...this.repo, path: '', ref: this.options.branch }))
    } catch (err) {
      if (statusOf(err) === 404) return []
      throw err
    }
    return Array.isArray(data) ? data.filter(e => e.type === 'dir').map(e => String(e.name)).sort() : []
  }

  async snapshot(model: string): Promise<RegistrySnapshot> {
    const { state } = await this.readState(model)
    return { model, champion: state.champion, versions: state.versions, history: state.history }
  }

  /** The release page of a version, for reports and gates. */
  async releaseUrl(model: string, version: number): Promise<string | null> {
    const { state } = await this.readState(model)
    return state.releases[version]?.url ?? null
  }

  async fetchBundle(model: string, version: number, destDir: string): Promise<string> {
    const { state } = await this.readState(model)
    const release = state.releases[version]
    if (!state.versions.some(v => v.version === version) || !release) {
      throw new InputError([{ message: `${model} has no stored bundle for version ${version} in ${this.description}` }], 'unknown-version')
    }
    await mkdir(destDir, { recursive: true })
    const archive = path.join(destDir, BUNDLE_ARCHIVE)
    const manifest = path.join(destDir, BUNDLE_MANIFEST)
    await writeFile(archive, '')
    await writeFile(manifest, '')
    // The archive's parts are written at their offsets, so a retried part overwrites only itself.
    let offset = 0
    for (const asset of release.assets) {
      if (asset.name === BUNDLE_MANIFEST) {
        await this.downloadAsset(model, version, asset, manifest, 0)
      } else {
        await this.downloadAsset(model, version, asset, archive, offset)
        offset += asset.size
      }
    }
    return destDir
  }

  /** Streams one asset into `file` at `offset`, hashing as it goes; memory stays bounded. */
  private async downloadAsset(model: string, version: number, asset: StoredAsset, file: string, offset: number): Promise<void> {
    await this.transfer(`downloading ${asset.name} of ${model} version ${version}`, async () => {
      const { data } = await this.github.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
        ...this.repo,
        asset_id: asset.id,
        headers: { accept: 'application/octet-stream' },
        request: { retries: 0, parseSuccessResponseBody: false, fetch: fetchFollowingToStorage(fetchWithTimeout(this.transferTimeout(asset.size))) }
      })
      const hash = createHash('sha256')
      let size = 0
      const count = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk)
          size += chunk.length
          done(null, chunk)
        }
      })
      await pipeline(Readable.fromWeb(data as unknown as WebReadableStream), count, createWriteStream(file, { flags: 'r+', start: offset }))
      const digest = hash.digest('hex')
      if (digest !== asset.sha256 || size !== asset.size) {
        throw new IntegrityError(
          `asset ${asset.name} of ${model} version ${version} has sha256 ${digest} (${size} bytes), but the registry recorded ` +
            `${asset.sha256} (${asset.size} bytes); it was changed after it was stored, so it is not used`,
          'asset-digest-mismatch'
        )
      }
    })
  }

  /**
   * Runs one streaming transfer, retrying what may pass (5xx, network errors, timeouts) with the same
   * backoff as Octokit's retry plugin, which cannot resend a stream it has consumed.
   */
  private async transfer<T>(what: string, attempt: (retry: number) => Promise<T>): Promise<T> {
    return await withRetries(what, { retries: this.transferRetries, baseMs: this.retryBaseMs, log: this.log }, attempt)
  }

  async addVersion(
    model: string,
    record: Omit<VersionRecord, 'version'>,
    stamp: (version: number) => Promise<string>,
    input: EventInput
  ): Promise<number> {
    const version = await this.update(model, `retrain: reserve a version of ${model}`, state => {
      const next = Math.max(state.lastReserved, ...state.versions.map(v => v.version)) + 1
      return { state: { ...state, lastReserved: next }, result: next }
    })
    const bundleDir = await stamp(version)
    const release = await this.storeRelease(model, version, record, bundleDir)
    try {
      await this.update(model, `retrain: store ${model} version ${version} (${record.status})`, state => ({
        state: {
          ...state,
          versions: [...state.versions, { ...record, version }],
          history: [...state.history, this.event(state, version, input)],
          releases: { ...state.releases, [version]: release }
        },
        result: undefined
      }))
    } catch (err) {
      await this.deleteRelease(release.id)
      throw err
    }
    return version
  }

  /** A draft release holding the bundle; on any failure the half-made draft is deleted. */
  private async storeRelease(model: string, version: number, record: Omit<VersionRecord, 'version'>, bundleDir: string): Promise<StoredRelease> {
    const tag = `retrain-${model}-v${version}`
    const metrics = Object.entries(record.metrics).map(([k, v]) => `${k}=${v ?? 'undefined'}`).join(', ')
    // Never doubled: after an unanswered create, the draft is looked for by its tag name first.
    const release: FoundRelease = await createOnce(`creating the draft release ${tag}`, retryPolicyOf(this.github, this.log), {
      find: () => this.findDraft(tag),
      create: async () => {
        const { data } = await this.github.rest.repos.createRelease({
          ...this.repo,
          tag_name: tag,
          name: `${model} v${version}`,
          body:
            `Model **${model}** version ${version}, stored by retrain-action (${record.decision}).\n\n` +
            `Compared with ${record.baselineVersion === null ? 'no champion' : `version ${record.baselineVersion}`}; metrics: ${metrics || 'none'}.\n` +
            `Bundle digest \`${record.digest}\`. The champion pointer is on branch \`${this.options.branch}\`.\n`,
          draft: true,
          make_latest: 'false',
          ...(this.options.targetCommitish ? { target_commitish: this.options.targetCommitish } : {}),
          request: NO_PLUGIN_RETRIES
        })
        return data
      }
    })
    try {
      const assets: StoredAsset[] = []
      const archive = path.join(bundleDir, BUNDLE_ARCHIVE)
      const size = (await stat(archive)).size
      const parts = Math.max(1, Math.ceil(size / this.partBytes))
      if (parts + 1 > MAX_ASSETS) {
        throw new RetrainError(`the bundle of ${model} (${size} bytes) needs ${parts} release assets, more than GitHub's ${MAX_ASSETS - 1}; store a smaller model`, ExitCode.badInput, 'bundle-too-large')
      }
      for (let i = 0; i < parts; i++) {
        const start = i * this.partBytes
        const name = parts === 1 ? BUNDLE_ARCHIVE : `${BUNDLE_ARCHIVE}.part-${String(i).padStart(3, '0')}`
        assets.push(await this.uploadAsset(release, name, archive, start, Math.min(this.partBytes, size - start)))
      }
      const manifest = path.join(bundleDir, BUNDLE_MANIFEST)
      assets.push(await this.uploadAsset(release, BUNDLE_MANIFEST, manifest, 0, (await stat(manifest)).size))
      this.log(`stored ${model} version ${version} as draft release ${tag} (${assets.length} assets)`)
      return { id: release.id, tag, url: release.html_url, draft: true, assets }
    } catch (err) {
      await this.deleteRelease(release.id)
      throw err
    }
  }

  /**
   * The draft release an earlier, unanswered create of `tag` made, if any. Drafts have a tag name but
   * no tag yet, so they are found in the list of releases (newest first; a draft made moments ago is
   * on the first page). Version numbers are reserved on the branch, so no other run uses this tag.
   */
  private async findDraft(tag: string): Promise<FoundRelease | undefined> {
    for (let page = 1; page <= FIND_PAGES; page++) {
      const { data } = await this.github.rest.repos.listReleases({ ...this.repo, per_page: 100, page })
      const found = data.find(r => r.tag_name === tag && r.draft)
      if (found) return found
      if (data.length < 100) return undefined
    }
    return undefined
  }

  /**
   * Streams `size` bytes of `file` from `start` as one release asset, on the uploads host the
   * release's `upload_url` names. Never doubled: when an attempt's answer was lost, or GitHub says
   * an asset of that name already exists, the existing asset is checked (size and sha256) and reused
   * if it is the same, or deleted and uploaded again if not.
   */
  private async uploadAsset(release: FoundRelease, name: string, file: string, start: number, size: number): Promise<StoredAsset> {
    const sha = await sha256Range(file, start, size)
    const upload = async () =>
      (
        await this.github.request({
          method: 'POST',
          url: release.upload_url,
          name,
          data: createReadStream(file, { start, end: start + size - 1 }),
          headers: { 'content-type': 'application/octet-stream', 'content-length': size },
          request: { retries: 0, fetch: fetchWithTimeout(this.transferTimeout(size)) }
        })
      ).data as RemoteAsset
    const uploaded = await this.transfer(`uploading ${name}`, async retry => {
      if (retry > 0) {
        const found = await this.reusableAsset(release.id, name, size, sha)
        if (found) return found
      }
      try {
        return await upload()
      } catch (err) {
        if (!assetAlreadyExists(err)) throw err
        return (await this.reusableAsset(release.id, name, size, sha)) ?? (await upload())
      }
    })
    if (uploaded.size !== size) throw new IntegrityError(`release asset ${name} was stored with ${uploaded.size} bytes instead of ${size}`, 'asset-size-mismatch')
    return { name, id: uploaded.id, size, sha256: sha }
  }

  /**
   * The asset `name` of a release if it holds exactly these bytes (same size and sha256); an asset of
   * that name that differs, or whose upload never completed, is deleted so the name is free again.
   */
  private async reusableAsset(releaseId: number, name: string, size: number, sha256: string): Promise<RemoteAsset | undefined> {
    let existing: RemoteAsset | undefined
    // Bounded: a release holds at most 1,000 assets.
    for (let page = 1; page <= MAX_ASSETS / 100 && !existing; page++) {
      const { data } = await this.github.rest.repos.listReleaseAssets({ ...this.repo, release_id: releaseId, per_page: 100, page })
      existing = data.find(a => a.name === name)
      if (data.length < 100) break
    }
    if (!existing) return undefined
    const same =
      existing.state === 'uploaded' &&
      existing.size === size &&
      (existing.digest ? existing.digest === `sha256:${sha256}` : (await this.remoteSha256(existing.id, size)) === sha256)
    if (same) {
      this.log(`release asset ${name} was already uploaded whole (its answer was lost); using it`)
      return existing
    }
    this.log(`release asset ${name} exists with other content (${existing.size} bytes, ${existing.state}); replacing it`)
    try {
      await this.github.rest.repos.deleteReleaseAsset({ ...this.repo, asset_id: existing.id })
    } catch (err) {
      // Gone already (a delete whose answer was lost): as good.
      if (statusOf(err) !== 404) throw err
    }
    return undefined
  }

  /** The sha256 of a stored asset, streamed from storage (for an asset GitHub gave no digest for). */
  private async remoteSha256(assetId: number, size: number): Promise<string> {
    const { data } = await this.github.request('GET /repos/{owner}/{repo}/releases/assets/{asset_id}', {
      ...this.repo,
      asset_id: assetId,
      headers: { accept: 'application/octet-stream' },
      request: { retries: 0, parseSuccessResponseBody: false, fetch: fetchFollowingToStorage(fetchWithTimeout(this.transferTimeout(size))) }
    })
    const hash = createHash('sha256')
    for await (const chunk of Readable.fromWeb(data as unknown as WebReadableStream)) hash.update(chunk as Buffer)
    return hash.digest('hex')
  }

  /** Best effort: a leftover draft holds no state, and the failure that led here is what to report. */
  private async deleteRelease(id: number): Promise<void> {
    try {
      await this.github.rest.repos.deleteRelease({ ...this.repo, release_id: id })
    } catch (err) {
      // Gone already (a delete whose answer was lost, retried by the client): as good.
      if (statusOf(err) === 404) return
      this.log(`could not delete draft release ${id}: ${(err as Error).message}`)
    }
  }

  async promote(model: string, version: number, expectChampion: number | null, input: EventInput): Promise<void> {
    const { state } = await this.readState(model)
    if (state.champion !== expectChampion) throw new StaleBaselineError(model, expectChampion, state.champion)
    const release = state.releases[version]
    if (!state.versions.some(v => v.version === version)) {
      throw new InputError([{ message: `${model} has no version ${version} in ${this.description}` }], 'unknown-version')
    }
    if (!release) {
      throw new InputError(
        [{ message: `${model} version ${version} has no bundle any more: its draft release was cleaned up when it was rejected or superseded by another champion; retrain to get a new candidate` }],
        'bundle-cleaned-up'
      )
    }
    // Published before the pointer moves: the pointer is the one atomic step, and a published
    // release that lost the race is a stored version like any other.
    let url = release.url
    if (release.draft) {
      // A draft's page moves when it is published and gets its tag.
      ;({ data: { html_url: url } } = await this.github.rest.repos.updateRelease({ ...this.repo, release_id: release.id, draft: false, make_latest: 'false' }))
    }
    const superseded = await this.update(model, `retrain: ${input.action} ${model} version ${version} (champion was ${expectChampion ?? 'none'})`, current => {
      if (current.champion !== expectChampion) throw new StaleBaselineError(model, expectChampion, current.champion)
      const versions = current.versions.map(v =>
        v.version === version ? { ...v, status: 'promoted' as const } : v.version === current.champion ? { ...v, status: 'retired' as const } : v
      )
      const releases: Record<string, StoredRelease> = { ...current.releases, [version]: { ...release, draft: false, url } }
      // Drafts compared with another champion can no longer be promoted (stale-baseline): their
      // bundles are cleaned up. Their records stay, so an approval still says why it cannot happen.
      const dropped = current.versions.filter(v => v.version !== version && v.baselineVersion !== version && releases[v.version]?.draft)
      for (const v of dropped) delete releases[v.version]
      const state = { ...current, champion: version, versions, releases, history: [...current.history, this.event(current, version, input)] }
      return { state, result: dropped.map(v => current.releases[v.version]!) }
    })
    for (const draft of superseded) await this.deleteRelease(draft.id)
    if (superseded.length) this.log(`cleaned up ${superseded.length} superseded draft release(s): ${superseded.map(d => d.tag).join(', ')}`)
  }

  async setStatus(model: string, version: number, status: VersionStatus, input: EventInput): Promise<void> {
    const cleanup = await this.update(model, `retrain: ${input.action} ${model} version ${version}`, state => {
      if (!state.versions.some(v => v.version === version)) {
        throw new InputError([{ message: `${model} has no version ${version}` }], 'unknown-version')
      }
      const versions = state.versions.map(v => (v.version === version ? { ...v, status } : v))
      const release = state.releases[version]
      // A person's rejection is final: the draft holding the bundle is cleaned up.
      const drop = status === 'rejected' && release?.draft ? release : null
      const releases = { ...state.releases }
      if (drop) delete releases[version]
      return { state: { ...state, versions, releases, history: [...state.history, this.event(state, version, input)] }, result: drop }
    })
    if (cleanup) await this.deleteRelease(cleanup.id)
  }
}
