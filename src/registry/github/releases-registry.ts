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
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { ExitCode, InputError, IntegrityError, RetrainError, describeVersion } from '../../errors.js'
import { hashingTap } from '../../engine/hashing-tap.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST, type Manifest } from '../../engine/manifest.js'
import { markdownText } from '../../engine/format.js'
import type { Effect, EffectInput, Transition, VersionRecord } from '../../ports.js'
import { emptyState, normalizeState, type RegistryState } from '../state-machine.js'
import type { RegistryStore, StateRead } from '../version-registry.js'
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
/** Metrics a release's notes list by name; the rest are counted (the bundle's manifest has them all). */
const RELEASE_NOTES_METRICS = 50

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

/** The state file: the shared registry state, plus what older versions kept beside the versions. */
interface StateFile extends RegistryState {
  schemaVersion: number
  /** Before the bundle's place moved into each version's record (`storage`). */
  releases?: Record<string, StoredRelease>
}

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
  log?: (message: string) => void
}

function emptyFile(model: string): StateFile {
  return { schemaVersion: STATE_SCHEMA_VERSION, ...emptyState(model) }
}

/** The shared state from a state file of any version of this tool. */
function stateOf(model: string, file: StateFile): RegistryState {
  const releases = file.releases ?? {}
  const versions = file.versions.map(v => (v.storage === undefined && releases[v.version] ? { ...v, storage: { ...releases[v.version] } } : v))
  return normalizeState(model, { ...file, versions })
}

function releaseOf(record: VersionRecord | undefined): StoredRelease | null {
  const storage = record?.storage as Partial<StoredRelease> | null | undefined
  return storage && typeof storage.id === 'number' && Array.isArray(storage.assets) ? (storage as StoredRelease) : null
}

async function sha256Range(file: string, start: number, size: number): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { start, end: start + size - 1 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
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

/**
 * The registry's store on GitHub: state on a branch, bundles in releases. The registry itself is
 * the shared state machine over it: `new VersionRegistry(new ReleasesRegistry(...))`.
 */
/** The one file the registry branch starts with, besides the models' state. */
export const REGISTRY_README = `# Model registry\n\nChampion pointers and history written by retrain-action. Do not edit by hand.\n`

export class ReleasesRegistry implements RegistryStore {
  readonly effectKinds = ['publish-release', 'delete-release'] as const
  /** Releases this process stored under reserved numbers, for discarding them before registration. */
  private readonly unregistered = new Map<string, number>()
  /** State files' text by blob sha: a blob never changes, so one already read or written is not fetched again. */
  private readonly stateTexts = new Map<string, string>()
  readonly description: string
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
      if (statusOf(err) === 404) return { state: emptyFile(model), sha: null }
      if (statusOf(err) !== 403 || !/too_large|blobs up to 1 MB/.test(JSON.stringify((err as { response?: { data?: unknown } }).response?.data ?? '')))
        throw err
      file = await this.stateEntry(model)
    }
    if (file.type !== 'file' || !file.sha) {
      throw new RetrainError(`the registry state ${where} is not a readable file`, ExitCode.integrity, 'registry-corrupt')
    }
    let text = this.stateTexts.get(file.sha)
    if (text === undefined) {
      let base64 = file.encoding === 'base64' && typeof file.content === 'string' ? file.content : null
      if (base64 === null || (base64 === '' && (file.size ?? 0) > 0)) {
        const { data: blob } = await this.github.rest.git.getBlob({ ...this.repo, file_sha: file.sha })
        if (blob.encoding !== 'base64')
          throw new RetrainError(`the registry state ${where} came in encoding ${blob.encoding}`, ExitCode.integrity, 'registry-corrupt')
        base64 = blob.content
      }
      text = Buffer.from(base64, 'base64').toString('utf8')
    }
    try {
      const state = JSON.parse(text) as StateFile
      if (state.schemaVersion !== STATE_SCHEMA_VERSION) throw new Error(`unsupported schemaVersion ${state.schemaVersion}`)
      this.rememberState(file.sha, text)
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
          content: REGISTRY_README
        }
      ]
    })
    const { data: commit } = await this.github.rest.git.createCommit({
      ...this.repo,
      message: 'retrain: create the model registry',
      tree: tree.sha,
      parents: []
    })
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

  async models(): Promise<string[]> {
    let data: unknown
    try {
      ;({ data } = await this.github.rest.repos.getContent({ ...this.repo, path: '', ref: this.options.branch }))
    } catch (err) {
      if (statusOf(err) === 404) return []
      throw err
    }
    return Array.isArray(data)
      ? data
          .filter(e => e.type === 'dir')
          .map(e => String(e.name))
          .sort()
      : []
  }

  async read(model: string): Promise<StateRead> {
    const { state, sha } = await this.readState(model)
    return { state: stateOf(model, state), revision: sha }
  }

  /** One write of the state file if its blob is still `revision`; false when another writer came first. */
  async compareAndSwap(model: string, revision: string | null, next: RegistryState, message: string): Promise<boolean> {
    const file: StateFile = { schemaVersion: STATE_SCHEMA_VERSION, ...next }
    const text = JSON.stringify(file, null, 2) + '\n'
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const { data: written } = await this.github.rest.repos.createOrUpdateFileContents({
          ...this.repo,
          path: this.statePath(model),
          branch: this.options.branch,
          message,
          content: Buffer.from(text).toString('base64'),
          ...(revision ? { sha: revision } : {}),
          // Not resent by the client: after a lost answer, the next read tells whether this write landed
          // (the state machine finds its transition's id there).
          request: NO_PLUGIN_RETRIES
        })
        const sha = written.content?.sha
        if (typeof sha === 'string') this.rememberState(sha, text)
        return true
      } catch (err) {
        const status = statusOf(err)
        if (isRuleViolation(err)) throw new RegistryBranchProtectedError(this.options.branch, `${this.options.owner}/${this.options.repo}`, 'write', err)
        if (status === 404 && attempt === 0 && (await this.ensureBranch())) continue
        // 409: the file changed since it was read; 422: it was created since we saw none.
        if (status === 409 || (status === 422 && revision === null)) {
          this.log(`the registry state of ${model} changed while it was being written; reading it again`)
          return false
        }
        throw err
      }
    }
    return false
  }

  /** Keeps the two newest state texts (the one read and the one written over it). */
  private rememberState(sha: string, text: string): void {
    this.stateTexts.delete(sha)
    this.stateTexts.set(sha, text)
    while (this.stateTexts.size > 2) this.stateTexts.delete(this.stateTexts.keys().next().value as string)
  }

  isTransient(err: unknown): boolean {
    return isTransient(err)
  }

  async storeBundle(model: string, version: number, bundleDir: string): Promise<VersionRecord['storage']> {
    const manifest = JSON.parse(await readFile(path.join(bundleDir, BUNDLE_MANIFEST), 'utf8')) as Manifest
    const release = await this.storeRelease(model, version, manifest, bundleDir)
    this.unregistered.set(`${model}/${version}`, release.id)
    return { ...release }
  }

  async discardBundle(model: string, version: number, record?: VersionRecord): Promise<void> {
    // A pruned version: its release (a draft, or published for a former champion) goes with its assets.
    const stored = record && releaseOf(record)
    if (stored) return await this.deleteRelease(stored.id, { strict: true })
    if (record) return
    // Another process's draft (a run that was killed) is found by its tag.
    const id = this.unregistered.get(`${model}/${version}`) ?? (await this.findDraft(`retrain-${model}-v${version}`))?.id
    if (id !== undefined) await this.deleteRelease(id)
    this.unregistered.delete(`${model}/${version}`)
  }

  /**
   * After a transition: the new champion's release is published (so its tag exists and it shows
   * as a release), a person's rejection deletes the draft holding the bundle, and drafts compared
   * with a champion that was just replaced can no longer be promoted, so they go too.
   */
  followUps(t: Transition, before: RegistryState, after: RegistryState): EffectInput[] {
    const effects: EffectInput[] = []
    const champion = after.versions.find(v => v.version === after.champion)
    const championRelease = releaseOf(champion)
    if (after.champion !== before.champion && champion && championRelease?.draft) {
      effects.push({ kind: 'publish-release', version: champion.version, data: { releaseId: championRelease.id } })
    }
    for (const v of after.versions) {
      const release = releaseOf(v)
      if (!release?.draft || v.version === after.champion) continue
      const rejectedNow = t.kind === 'reject' && t.expect.version === v.version
      const superseded =
        after.champion !== before.champion &&
        (v.status === 'pending' || v.status === 'candidate' || v.status === 'not-selected') &&
        v.baselineVersion !== after.champion
      if (rejectedNow || superseded) effects.push({ kind: 'delete-release', version: v.version, data: { releaseId: release.id } })
    }
    return effects
  }

  bundleGone(_model: string, record: VersionRecord): string | null {
    if (releaseOf(record)) return null
    const why =
      record.status === 'rejected'
        ? 'when it was rejected'
        : `when the champion moved away from ${describeVersion(record.baselineVersion)}, the champion it was compared with`
    return `its bundle is gone (its draft release was deleted ${why}); run the retraining again for a new candidate`
  }

  async perform(_model: string, effect: Effect, record: VersionRecord | undefined): Promise<Partial<VersionRecord> | void> {
    const release = releaseOf(record)
    const releaseId = Number(effect.data.releaseId)
    if (effect.kind === 'publish-release') {
      const { data } = await this.github.rest.repos.updateRelease({ ...this.repo, release_id: releaseId, draft: false, make_latest: 'false' })
      // A draft's page moves when it is published and gets its tag.
      return release ? { storage: { ...release, draft: false, url: data.html_url } } : undefined
    }
    if (effect.kind === 'delete-release') {
      // Still a draft and still this version's bundle: a rollback may have made it promotable again meanwhile.
      if (record && (record.status === 'promoted' || (record.status !== 'rejected' && record.baselineVersion === null))) return
      await this.deleteRelease(releaseId)
      return { storage: null }
    }
  }

  /** The release page of a version, for reports and gates. */
  async releaseUrl(model: string, version: number): Promise<string | null> {
    const { state } = await this.read(model)
    return releaseOf(state.versions.find(v => v.version === version))?.url ?? null
  }

  async fetchManifest(model: string, record: VersionRecord, destDir: string): Promise<string> {
    const asset = this.storedRelease(model, record).assets.find(a => a.name === BUNDLE_MANIFEST)
    if (!asset) return await this.fetchBundle(model, record, destDir)
    await mkdir(destDir, { recursive: true })
    const manifest = path.join(destDir, BUNDLE_MANIFEST)
    await writeFile(manifest, '')
    await this.downloadAsset(model, record.version, asset, manifest, 0)
    return destDir
  }

  async fetchBundle(model: string, record: VersionRecord, destDir: string): Promise<string> {
    const version = record.version
    const release = this.storedRelease(model, record)
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

  /** Releases hold bundles while they may still be needed; a cleaned-up one says so. */
  private storedRelease(model: string, record: VersionRecord): StoredRelease {
    const release = releaseOf(record)
    if (!release) {
      throw new InputError(
        [
          {
            message: `${model} version ${record.version} has no bundle any more: its draft release was cleaned up when it was rejected or superseded by another champion; retrain to get a new candidate`
          }
        ],
        'bundle-cleaned-up'
      )
    }
    return release
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
      const { tap, result } = hashingTap()
      await pipeline(Readable.fromWeb(data as unknown as WebReadableStream), tap, createWriteStream(file, { flags: 'r+', start: offset }))
      const { sha256: digest, size } = result()
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

  /** A draft release holding the bundle; on any failure the half-made draft is deleted. */
  private async storeRelease(model: string, version: number, manifest: Manifest, bundleDir: string): Promise<StoredRelease> {
    const tag = `retrain-${model}-v${version}`
    const lineage = manifest.lineage
    // The metrics file may hold any number of names, chosen by a step: the notes list a few, as text,
    // within GitHub's limit for a release body (125,000 characters); the manifest has them all.
    const entries = Object.entries(lineage.metrics)
    const metrics =
      entries
        .slice(0, RELEASE_NOTES_METRICS)
        .map(([k, v]) => markdownText(`${k}=${v ?? 'undefined'}`))
        .join(', ') + (entries.length > RELEASE_NOTES_METRICS ? ` and ${entries.length - RELEASE_NOTES_METRICS} more metrics in ${BUNDLE_MANIFEST}` : '')
    // Never doubled: after an unanswered create, the draft is looked for by its tag name first.
    const release: FoundRelease = await createOnce(`creating the draft release ${tag}`, retryPolicyOf(this.github, this.log), {
      find: () => this.findDraft(tag),
      create: async () => {
        const { data } = await this.github.rest.repos.createRelease({
          ...this.repo,
          tag_name: tag,
          name: `${model} v${version}`,
          body:
            `Model **${model}** version ${version}, stored by retrain-action.\n\n` +
            `Warm-started from ${lineage.parentVersion === null ? 'nothing (trained from scratch)' : `version ${lineage.parentVersion}`}; metrics: ${metrics || 'none'}.\n` +
            `Bundle digest \`${manifest.digest}\`. The decision and the champion pointer are on branch \`${this.options.branch}\`.\n`,
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
        throw new RetrainError(
          `the bundle of ${model} (${size} bytes) needs ${parts} release assets, more than GitHub's ${MAX_ASSETS - 1}; store a smaller model`,
          ExitCode.badInput,
          'bundle-too-large'
        )
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
    if (uploaded.size !== size)
      throw new IntegrityError(`release asset ${name} was stored with ${uploaded.size} bytes instead of ${size}`, 'asset-size-mismatch')
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

  /**
   * Best effort: a leftover draft holds no state, and the failure that led here is what to report.
   * Strict (a pruned bundle): a failure throws, so that the deletion stays pending and is tried again.
   */
  private async deleteRelease(id: number, { strict = false } = {}): Promise<void> {
    try {
      await this.github.rest.repos.deleteRelease({ ...this.repo, release_id: id })
    } catch (err) {
      // Gone already (a delete whose answer was lost, retried by the client): as good.
      if (statusOf(err) === 404) return
      if (strict) throw err
      this.log(`could not delete draft release ${id}: ${(err as Error).message}`)
    }
  }

  /** A release's assets, as the state recorded them; null when the version has no release. */
  async bundleBytes(_model: string, record: VersionRecord): Promise<number | null> {
    const release = releaseOf(record)
    return release ? release.assets.reduce((n, a) => n + a.size, 0) : null
  }
}
