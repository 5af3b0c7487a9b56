/**
 * A stateful fake of the part of GitHub's REST API the action uses, on 127.0.0.1. Every request body
 * it receives and every response body it sends is validated against the schemas extracted from
 * GitHub's OpenAPI description (test/fixtures/github-openapi-subset.json); a mismatch is recorded in
 * `violations`, which tests assert empty.
 *
 * It is as hostile as GitHub where GitHub is hostile:
 * - three hosts, like api.github.com, uploads.github.com and the object storage release assets are
 *   downloaded from: releases' `upload_url` points at the uploads host (the API host does not take
 *   uploads), and a binary asset download is redirected (302) to the storage host, which refuses a
 *   request that carries an Authorization header (the signed URL is the credential);
 * - faults on any route of any host: an error status or no answer instead of the work, or the work
 *   done and then the answer lost (socket destroyed) or replaced by a 5xx;
 * - repository rulesets: writes to a targeted branch get GitHub's "Repository rule violations found"
 *   answers (409 on a contents write, 422 on creating the ref);
 * - the contents API gives no content above 1 MB (403 `too_large` with the default media type, empty
 *   content and encoding "none" with the object media type); the git blobs API serves it;
 * - deployment environments answer 404 when they do not exist (GitHub's description lists only 200),
 *   and an environment may have no protection rules at all, as on a private repository whose plan
 *   offers no required reviewers.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { REPO } from '../helpers/project.js'

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv

interface OperationSchemas {
  operationId: string
  request: object | null
  responses: Record<string, object | null>
}

const SUBSET = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/github-openapi-subset.json'), 'utf8')) as {
  operations: Record<string, OperationSchemas>
}

/**
 * Statuses GitHub answers that its OpenAPI description does not list for the operation: accepted
 * by the fake's validation, with a reason.
 */
const UNDOCUMENTED_STATUSES: Record<string, number[]> = {
  // A missing environment (or one the token may not see) is "404 Not Found"; the description lists 200 only.
  'GET /repos/{owner}/{repo}/environments/{environment_name}': [404],
  // An upload to a release that was deleted meanwhile is "404 Not Found"; the description lists 201 and 422.
  'POST /repos/{owner}/{repo}/releases/{release_id}/assets': [404],
  // A label no issue ever carried does not exist: "404 Not Found"; the description lists 200 only.
  'PATCH /repos/{owner}/{repo}/labels/{name}': [404],
  // A workflow file that is not in the repository: "404 Not Found"; the description lists 200 (and 204) only.
  'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}': [404],
  'PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable': [404]
}

/** A deployment environment's protection: required reviewers and a wait timer, each optional. */
export interface EnvironmentProtection {
  /** Logins of required reviewers; an empty list is a rule with no one in it, absent is no rule. */
  reviewers?: string[]
  waitTimerMinutes?: number
}

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'

export type Host = 'api' | 'uploads' | 'storage'

/** A scope of GITHUB_TOKEN's `permissions:` that the action's writes need. */
export type TokenScope = 'contents' | 'issues' | 'pull-requests' | 'actions'

/** The scope a write needs, by its path (GitHub's `X-Accepted-GitHub-Permissions` names it). */
function scopeOfWrite(pathname: string): TokenScope {
  if (/\/actions\//.test(pathname)) return 'actions'
  if (/\/(issues|labels)(\/|$)/.test(pathname)) return 'issues'
  return 'contents'
}

export type FaultKind =
  /**
   * Answer with this status instead of doing the work; with these headers and message when given
   * (a secondary rate limit: 403 or 429, `retry-after`, "You have exceeded a secondary rate limit").
   */
  | { status: number; headers?: Record<string, string>; message?: string }
  /** Leave the request without an answer (nothing is done). */
  | 'hang'
  /** Do the work, then destroy the connection: the client never learns that it succeeded. */
  | 'drop-after'
  /** Do the work, then answer this status (a 5xx from a proxy after the backend succeeded). */
  | { statusAfter: number }
  /** An asset upload cut short: part of the bytes is kept (an asset in state "open"), the answer lost. */
  | 'cut-short'

export interface Fault {
  method?: string
  /** Matched against the request's path (without the query). */
  path?: RegExp
  /** The host the fault is on; any host when absent. */
  host?: Host
  kind: FaultKind
  /** How many matching requests fail; Infinity for a persistent fault. */
  times: number
  /** Matching requests let through before the fault starts. */
  skip?: number
  /** Called each time the fault fires (to arm another behaviour, such as a stale read, at that moment). */
  then?: () => void
  /**
   * The fault sleeps until a request matching this has been done (its work done, whatever its answer)
   * after the fault was added: reads that fail only once a change has been written.
   */
  after?: { method?: string; path?: RegExp; /** How many such requests wake it (default 1). */ count?: number }
  /** Set by the fake: how many requests matching `after` have been done, and whether that wakes the fault. */
  seen?: number
  armed?: boolean
}

export interface Release {
  id: number
  tag_name: string
  name: string | null
  body: string | null
  draft: boolean
  prerelease: boolean
  make_latest: string | undefined
  target_commitish: string
  created_at: string
  published_at: string | null
  assets: number[]
}

export interface Asset {
  id: number
  release_id: number
  name: string
  data: Buffer
  created_at: string
  /** "open" for an upload that never completed. */
  state?: 'uploaded' | 'open'
}

export interface Issue {
  number: number
  id: number
  title: string
  body: string | null
  labels: string[]
  state: 'open' | 'closed'
  state_reason: string | null
  user: string
  created_at: string
  updated_at: string
  closed_at: string | null
}

export interface Comment {
  id: number
  issue_number: number
  body: string
  user: string
  created_at: string
  updated_at: string
}

interface Commit {
  sha: string
  tree: Map<string, Buffer>
  parents: string[]
  message: string
}

/** A repository ruleset targeting some branches (rulesets usually target all branches, `~ALL`). */
export interface Ruleset {
  branches: RegExp
  /** "Restrict creations": a matching branch cannot be created. */
  restrictCreations?: boolean
  /** "Restrict updates" or "Require a pull request before merging": no direct writes. */
  restrictUpdates?: boolean
}

const RULES_DOCS = 'https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-rulesets/about-rulesets'
/** GitHub's contents API gives no content above this; the git blobs API goes to 100 MB. */
export const CONTENTS_LIMIT = 1024 * 1024
/** GitHub refuses a release body longer than this many characters (422, "body is too long"). */
export const RELEASE_BODY_LIMIT = 125_000

interface Route {
  host?: Host
  method: string
  template: string
  regex: RegExp
  handle: (req: FakeRequest) => [number, unknown] | Promise<[number, unknown]>
}

interface FakeRequest {
  method: string
  params: string[]
  query: URLSearchParams
  body: any
  raw: Buffer
  headers: http.IncomingHttpHeaders
  /** The request is an upload cut short (fault 'cut-short'). */
  cut?: boolean
}

const SHA_OF = (data: Buffer | string) => createHash('sha1').update(data).digest('hex')
const gitBlobSha = (data: Buffer) => SHA_OF(Buffer.concat([Buffer.from(`blob ${data.length}\0`), data]))

export class FakeGitHub {
  readonly owner = 'octo-org'
  readonly repo = 'models'
  readonly token = `ghs_${randomBytes(12).toString('hex')}`
  /** The login the token belongs to (github-actions[bot] on a real runner). */
  readonly botLogin = 'github-actions[bot]'
  url = ''
  /** The uploads host (uploads.github.com) and the asset storage host. */
  uploadsUrl = ''
  storageUrl = ''
  readonly violations: string[] = []
  /** Every request; status 0 is a request left hanging, -1 one whose answer was dropped after the work. */
  readonly requests: { host: Host; method: string; path: string; status: number; authorized?: boolean }[] = []
  readonly faults: Fault[] = []
  readonly rulesets: Ruleset[] = []
  /**
   * Replica lag: the next `times` contents reads of a matching file path answer from the branch's
   * state one commit before its head, as a read served just after a write sometimes does.
   */
  readonly staleReads: { path: RegExp; times: number }[] = []
  /** Assets uploaded before GitHub computed digests have `digest: null`. */
  assetDigests = true
  /** When false, the contents API refuses large files with the object media type too (403 too_large). */
  objectMediaType = true
  /**
   * What the token may write, as a job's `permissions:` block grants it; null is every scope. A
   * write outside them gets GitHub's answer to GITHUB_TOKEN (403 "Resource not accessible by
   * integration", with the permission it needed in X-Accepted-GitHub-Permissions), as on a pull
   * request from a fork, or a job with `contents: read`. GitHub's description does not list 403
   * for every operation: like a fault, the answer is not validated.
   */
  writableScopes: TokenScope[] | null = null
  readonly permissions = new Map<string, Permission>()
  readonly releases = new Map<number, Release>()
  readonly assets = new Map<number, Asset>()
  readonly issues = new Map<number, Issue>()
  readonly comments = new Map<number, Comment>()
  readonly dispatches: { workflow: string; ref: string; inputs: Record<string, unknown> }[] = []
  /** Workflows by file name and their state, for reading and enabling them (dispatches go to any name). */
  readonly workflows = new Map<string, 'active' | 'disabled_manually'>()
  /** The repository's deployment environments by name (none at first, as in a new repository). */
  readonly environments = new Map<string, EnvironmentProtection>()
  /** The reviews of each workflow run's environments (the approvals log), by run id, oldest first. */
  readonly runReviews = new Map<number, { environment: string; state: 'approved' | 'rejected'; login: string; comment: string }[]>()
  readonly refs = new Map<string, string>()
  private readonly commits = new Map<string, Commit>()
  private readonly trees = new Map<string, Map<string, Buffer>>()
  /** Every blob ever written, by git blob sha (served by the git blobs API). */
  private readonly blobs = new Map<string, Buffer>()
  /** The signature of each asset's storage URL. */
  private readonly signatures = new Map<number, string>()
  private nextId = 100
  private readonly servers: Record<Host, http.Server>
  private readonly sockets = new Set<Socket>()
  private readonly ajv = addFormats(new Ajv({ strict: false, allErrors: true }))
  private readonly validators = new Map<string, ValidateFunction>()
  private readonly routes: Route[]

  /** Where people browse (GITHUB_SERVER_URL): every html_url points there. */
  readonly serverUrl: string
  /**
   * The API's path below its host: "" as on github.com, "/api/v3" as on GitHub Enterprise Server,
   * whose uploads then live under "/api/uploads". A request outside it is a violation.
   */
  readonly apiPrefix: string

  constructor(options: { serverUrl?: string; apiPrefix?: string } = {}) {
    this.serverUrl = options.serverUrl ?? 'https://github.com'
    this.apiPrefix = options.apiPrefix ?? ''
    const root = this.commit(new Map([['README.md', Buffer.from('# models\n')]]), [], 'initial commit')
    this.refs.set('heads/main', root)
    const server = (host: Host) => {
      const s = http.createServer((req, res) => void this.serve(host, req, res))
      s.on('connection', socket => {
        this.sockets.add(socket)
        socket.on('close', () => this.sockets.delete(socket))
      })
      return s
    }
    this.servers = { api: server('api'), uploads: server('uploads'), storage: server('storage') }
    this.routes = this.buildRoutes()
  }

  async start(): Promise<this> {
    const listen = async (s: http.Server) => {
      await new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve))
      return `http://127.0.0.1:${(s.address() as AddressInfo).port}`
    }
    this.url = await listen(this.servers.api)
    this.uploadsUrl = `${await listen(this.servers.uploads)}${this.uploadsPrefix}`
    this.storageUrl = await listen(this.servers.storage)
    return this
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await Promise.all(Object.values(this.servers).map(s => new Promise<void>(resolve => s.close(() => resolve()))))
  }

  /**
   * Writes a file on a branch directly (as a push would), creating the branch as an orphan if needed:
   * for tests that start from a given state, such as a registry with 10,000 versions.
   */
  putFile(branch: string, filePath: string, content: string | Buffer): void {
    const head = this.refs.get(`heads/${branch}`)
    const tree = new Map(head ? this.commits.get(head)!.tree : [])
    tree.set(filePath, Buffer.isBuffer(content) ? content : Buffer.from(content))
    this.refs.set(`heads/${branch}`, this.commit(tree, head ? [head] : [], `test: write ${filePath}`))
  }

  /** The API's root, as GITHUB_API_URL names it. */
  get apiUrl(): string {
    return `${this.url}${this.apiPrefix}`
  }

  /** The uploads host's path prefix: none on github.com, "/api/uploads" on GitHub Enterprise Server. */
  private get uploadsPrefix(): string {
    return this.apiPrefix ? '/api/uploads' : ''
  }

  /** The content of a file on a branch, or undefined. */
  file(branch: string, filePath: string): string | undefined {
    const head = this.refs.get(`heads/${branch}`)
    return head ? this.commits.get(head)?.tree.get(filePath)?.toString('utf8') : undefined
  }

  addIssueComment(issueNumber: number, user: string, body: string): Comment {
    const now = new Date().toISOString()
    const comment = { id: this.nextId++, issue_number: issueNumber, body, user, created_at: now, updated_at: now }
    this.comments.set(comment.id, comment)
    return comment
  }

  private commit(tree: Map<string, Buffer>, parents: string[], message: string): string {
    for (const data of tree.values()) this.blobs.set(gitBlobSha(data), data)
    const sha = SHA_OF(`${message}\n${parents.join(',')}\n${randomBytes(8).toString('hex')}`)
    this.commits.set(sha, { sha, tree, parents, message })
    return sha
  }

  // ----- JSON shapes (what GitHub answers; validated against the OpenAPI subset) -----

  private api(p: string): string {
    return `${this.apiUrl}/repos/${this.owner}/${this.repo}${p}`
  }

  private html(p: string): string {
    return `${this.serverUrl}/${this.owner}/${this.repo}${p}`
  }

  userJson(login: string) {
    const id = Number.parseInt(SHA_OF(login).slice(0, 6), 16)
    const u = `${this.apiUrl}/users/${encodeURIComponent(login)}`
    return {
      login,
      id,
      node_id: `U_${id}`,
      avatar_url: `https://avatars.example.invalid/u/${id}`,
      gravatar_id: '',
      url: u,
      html_url: login.endsWith('[bot]') ? `${this.serverUrl}/apps/${login.slice(0, -'[bot]'.length)}` : `${this.serverUrl}/${login}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false
    }
  }

  private contentJson(branchPath: string, data: Buffer, withContent: boolean) {
    const sha = gitBlobSha(data)
    const self = this.api(`/contents/${branchPath}`)
    const htmlUrl = this.html(`/blob/main/${branchPath}`)
    // Above 1 MB the contents API leaves the content out (encoding "none").
    const large = data.length > CONTENTS_LIMIT
    return {
      type: 'file',
      encoding: large ? 'none' : 'base64',
      size: data.length,
      name: path.posix.basename(branchPath),
      path: branchPath,
      ...(withContent ? { content: large ? '' : data.toString('base64') } : {}),
      sha,
      url: self,
      git_url: this.api(`/git/blobs/${sha}`),
      html_url: htmlUrl,
      download_url: `${this.serverUrl}/${this.owner}/${this.repo}/raw/${branchPath}`,
      _links: { self, git: this.api(`/git/blobs/${sha}`), html: htmlUrl }
    }
  }

  private commitJson(sha: string) {
    const c = this.commits.get(sha)!
    const who = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com', date: new Date().toISOString() }
    return {
      sha,
      node_id: `C_${sha.slice(0, 10)}`,
      url: this.api(`/git/commits/${sha}`),
      html_url: this.html(`/commit/${sha}`),
      author: who,
      committer: who,
      message: c.message,
      tree: { sha: SHA_OF(`tree ${sha}`), url: this.api(`/git/trees/${SHA_OF(`tree ${sha}`)}`) },
      parents: c.parents.map(p => ({ sha: p, url: this.api(`/git/commits/${p}`), html_url: this.html(`/commit/${p}`) })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
    }
  }

  private assetJson(a: Asset) {
    return {
      url: this.api(`/releases/assets/${a.id}`),
      browser_download_url: this.html(`/releases/download/${this.releases.get(a.release_id)?.tag_name ?? 'untagged'}/${a.name}`),
      id: a.id,
      node_id: `RA_${a.id}`,
      name: a.name,
      label: null,
      state: a.state ?? 'uploaded',
      content_type: 'application/octet-stream',
      size: a.data.length,
      digest: this.assetDigests ? `sha256:${createHash('sha256').update(a.data).digest('hex')}` : null,
      download_count: 0,
      created_at: a.created_at,
      updated_at: a.created_at,
      uploader: this.userJson(this.botLogin)
    }
  }

  private releaseJson(r: Release) {
    return {
      url: this.api(`/releases/${r.id}`),
      html_url: r.draft ? this.html(`/releases/tag/untagged-${r.id}`) : this.html(`/releases/tag/${r.tag_name}`),
      assets_url: this.api(`/releases/${r.id}/assets`),
      // Uploads go to another host (uploads.github.com).
      upload_url: `${this.uploadsUrl}/repos/${this.owner}/${this.repo}/releases/${r.id}/assets{?name,label}`,
      tarball_url: r.draft ? null : this.api(`/tarball/${r.tag_name}`),
      zipball_url: r.draft ? null : this.api(`/zipball/${r.tag_name}`),
      id: r.id,
      node_id: `RE_${r.id}`,
      tag_name: r.tag_name,
      target_commitish: r.target_commitish,
      name: r.name,
      body: r.body,
      draft: r.draft,
      prerelease: r.prerelease,
      immutable: false,
      created_at: r.created_at,
      published_at: r.published_at,
      author: this.userJson(this.botLogin),
      assets: r.assets.map(id => this.assetJson(this.assets.get(id)!))
    }
  }

  private labelJson(name: string) {
    const id = Number.parseInt(SHA_OF(name).slice(0, 6), 16)
    return { id, node_id: `LA_${id}`, url: this.api(`/labels/${encodeURIComponent(name)}`), name, description: null, color: 'ededed', default: false }
  }

  private issueJson(i: Issue) {
    return {
      id: i.id,
      node_id: `I_${i.id}`,
      url: this.api(`/issues/${i.number}`),
      repository_url: this.api(''),
      labels_url: this.api(`/issues/${i.number}/labels{/name}`),
      comments_url: this.api(`/issues/${i.number}/comments`),
      events_url: this.api(`/issues/${i.number}/events`),
      html_url: this.html(`/issues/${i.number}`),
      number: i.number,
      state: i.state,
      state_reason: i.state_reason,
      title: i.title,
      body: i.body,
      user: this.userJson(i.user),
      labels: i.labels.map(l => this.labelJson(l)),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: [...this.comments.values()].filter(c => c.issue_number === i.number).length,
      closed_at: i.closed_at,
      created_at: i.created_at,
      updated_at: i.updated_at,
      author_association: 'NONE'
    }
  }

  private commentJson(c: Comment) {
    return {
      id: c.id,
      node_id: `IC_${c.id}`,
      url: this.api(`/issues/comments/${c.id}`),
      html_url: this.html(`/issues/${c.issue_number}#issuecomment-${c.id}`),
      issue_url: this.api(`/issues/${c.issue_number}`),
      body: c.body,
      user: this.userJson(c.user),
      created_at: c.created_at,
      updated_at: c.updated_at,
      // As GitHub shows a comment's author: a collaborator with write access, or someone from outside.
      author_association: ['admin', 'maintain', 'write'].includes(this.permissions.get(c.user) ?? '') ? 'COLLABORATOR' : 'NONE'
    }
  }

  /** What GitHub puts in GITHUB_EVENT_PATH for a new comment on a gate issue. */
  issueCommentEvent(issueNumber: number, comment: Comment) {
    return {
      action: 'created',
      issue: this.issueJson(this.issues.get(issueNumber)!),
      comment: this.commentJson(comment),
      repository: { full_name: `${this.owner}/${this.repo}` },
      sender: this.userJson(comment.user)
    }
  }

  private environmentJson(name: string, protection: EnvironmentProtection) {
    const id = [...this.environments.keys()].indexOf(name) + 1
    const rules: object[] = []
    if (protection.waitTimerMinutes !== undefined)
      rules.push({ id: 3000 + id, node_id: `GA_wait_${id}`, type: 'wait_timer', wait_timer: protection.waitTimerMinutes })
    if (protection.reviewers !== undefined) {
      rules.push({
        id: 4000 + id,
        node_id: `GA_reviewers_${id}`,
        type: 'required_reviewers',
        prevent_self_review: false,
        reviewers: protection.reviewers.map(login => ({ type: 'User', reviewer: this.userJson(login) }))
      })
    }
    const now = new Date().toISOString()
    return {
      id: 56780000 + id,
      node_id: `EN_${id}`,
      name,
      url: this.api(`/environments/${encodeURIComponent(name)}`),
      html_url: this.html(`/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`),
      created_at: now,
      updated_at: now,
      protection_rules: rules,
      deployment_branch_policy: null
    }
  }

  /** GitHub's answer to a release body over its limit. */
  private releaseBodyTooLong(): [number, unknown] {
    return [
      422,
      {
        message: 'Validation Failed',
        errors: [{ resource: 'Release', code: 'custom', field: 'body', message: `body is too long (maximum is ${RELEASE_BODY_LIMIT} characters)` }],
        documentation_url: 'https://docs.github.com/rest/releases/releases#create-a-release'
      }
    ]
  }

  private error(status: number, message: string): [number, unknown] {
    return [status, { message, documentation_url: 'https://docs.github.com/rest' }]
  }

  /** GitHub's answer when a ruleset forbids creating or writing `branch`, or null. */
  private ruleViolation(branch: string, what: 'create' | 'update'): [number, unknown] | null {
    const rules = this.rulesets.filter(r => r.branches.test(branch))
    if (what === 'create' && rules.some(r => r.restrictCreations)) {
      return [
        422,
        {
          message: 'Repository rule violations found\n\nCannot create ref due to creations being restricted.\n\n',
          documentation_url: RULES_DOCS,
          status: '422'
        }
      ]
    }
    if (what === 'update' && rules.some(r => r.restrictUpdates)) {
      return [
        409,
        {
          message: 'Repository rule violations found\n\nChanges must be made through a pull request.\n\nCannot update this protected ref.\n\n',
          documentation_url: RULES_DOCS,
          status: '409'
        }
      ]
    }
    return null
  }

  /** A release asset's storage URL: signed, short-lived, on another host. */
  private storageUrlOf(asset: Asset): string {
    let sig = this.signatures.get(asset.id)
    if (!sig) this.signatures.set(asset.id, (sig = randomBytes(8).toString('hex')))
    return `${this.storageUrl}/release-assets/${asset.id}?X-Amz-Signature=${sig}&X-Amz-Expires=300`
  }

  // ----- routes -----

  private buildRoutes(): Route[] {
    const r = (method: string, template: string, handle: Route['handle'], host: Host = 'api'): Route => {
      const pattern = template
        .replace('{owner}/{repo}', `${this.owner}/${this.repo}`)
        .split(/(\{[a-z_]+\})/)
        .map(part => (part === '{path}' ? '(.*)' : /^\{[a-z_]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('')
      return { host, method, template, regex: new RegExp(`^${pattern}$`), handle }
    }
    const now = () => new Date().toISOString()
    const release = (id: string) => this.releases.get(Number(id))
    const issue = (n: string) => this.issues.get(Number(n))
    return [
      r('GET', '/repos/{owner}/{repo}/contents/{path}', ({ params: [p], query, headers }) => {
        const branch = query.get('ref') ?? 'main'
        let head = this.refs.get(`heads/${branch}`)
        if (!head) return this.error(404, `No commit found for the ref ${branch}`)
        const filePath = decodeURIComponent(p!).replace(/\/$/, '')
        const lag = this.staleReads.find(x => x.times > 0 && x.path.test(filePath))
        if (lag && this.commits.get(head)!.parents[0]) {
          lag.times--
          head = this.commits.get(head)!.parents[0]!
        }
        const tree = this.commits.get(head)!.tree
        const data = tree.get(filePath)
        // Above 1 MB only the object (content left out) and raw media types answer.
        if (data && data.length > CONTENTS_LIMIT && !(this.objectMediaType && String(headers.accept ?? '').includes('object'))) {
          return [
            403,
            {
              message:
                'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
              errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }],
              documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content'
            }
          ]
        }
        if (data) return [200, this.contentJson(filePath, data, true)]
        const prefix = filePath ? `${filePath}/` : ''
        const children = new Map<string, boolean>()
        for (const key of tree.keys()) {
          if (!key.startsWith(prefix)) continue
          const rest = key.slice(prefix.length).split('/')
          children.set(rest[0]!, rest.length > 1)
        }
        if (children.size === 0) return this.error(404, 'Not Found')
        return [
          200,
          [...children].map(([name, isDir]) => {
            const childPath = prefix + name
            const base = this.contentJson(childPath, isDir ? Buffer.alloc(0) : tree.get(childPath)!, false)
            const { encoding: _encoding, ...entry } = base
            return { ...entry, type: isDir ? 'dir' : 'file', download_url: isDir ? null : base.download_url }
          })
        ]
      }),
      r('PUT', '/repos/{owner}/{repo}/contents/{path}', ({ params: [p], body }) => {
        const branch = body.branch ?? 'main'
        const head = this.refs.get(`heads/${branch}`)
        if (!head) return this.error(404, `Branch ${branch} not found`)
        const violation = this.ruleViolation(branch, 'update')
        if (violation) return violation
        const filePath = decodeURIComponent(p!)
        const tree = new Map(this.commits.get(head)!.tree)
        const existing = tree.get(filePath)
        if (existing && !body.sha) return this.error(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
        if (existing && body.sha !== gitBlobSha(existing)) return this.error(409, `${filePath} does not match ${body.sha}`)
        if (!existing && body.sha) return this.error(409, `${filePath} does not match ${body.sha}`)
        const data = Buffer.from(body.content, 'base64')
        tree.set(filePath, data)
        const sha = this.commit(tree, [head], body.message)
        this.refs.set(`heads/${branch}`, sha)
        const { content: _content, encoding: _encoding, ...content } = this.contentJson(filePath, data, false)
        return [existing ? 200 : 201, { content, commit: this.commitJson(sha) }]
      }),
      r('POST', '/repos/{owner}/{repo}/git/trees', ({ body }) => {
        const tree = new Map<string, Buffer>()
        for (const entry of body.tree) tree.set(entry.path, Buffer.from(entry.content ?? ''))
        const sha = SHA_OF(`tree ${randomBytes(8).toString('hex')}`)
        this.trees.set(sha, tree)
        return [
          201,
          {
            sha,
            url: this.api(`/git/trees/${sha}`),
            truncated: false,
            tree: [...tree].map(([p, data]) => ({
              path: p,
              mode: '100644',
              type: 'blob',
              sha: gitBlobSha(data),
              size: data.length,
              url: this.api(`/git/blobs/${gitBlobSha(data)}`)
            }))
          }
        ]
      }),
      r('POST', '/repos/{owner}/{repo}/git/commits', ({ body }) => {
        const tree = this.trees.get(body.tree)
        if (!tree) return this.error(422, 'Tree SHA does not exist')
        const sha = this.commit(tree, body.parents ?? [], body.message)
        return [201, this.commitJson(sha)]
      }),
      r('POST', '/repos/{owner}/{repo}/git/refs', ({ body }) => {
        const name = String(body.ref).replace(/^refs\//, '')
        const violation = name.startsWith('heads/') ? this.ruleViolation(name.slice('heads/'.length), 'create') : null
        if (violation) return violation
        if (this.refs.has(name)) return this.error(422, 'Reference already exists')
        if (!this.commits.has(body.sha)) return this.error(422, 'Object does not exist')
        this.refs.set(name, body.sha)
        return [
          201,
          {
            ref: body.ref,
            node_id: `REF_${name}`,
            url: this.api(`/git/refs/${name}`),
            object: { type: 'commit', sha: body.sha, url: this.api(`/git/commits/${body.sha}`) }
          }
        ]
      }),
      r('GET', '/repos/{owner}/{repo}/git/blobs/{file_sha}', ({ params: [sha] }) => {
        const data = this.blobs.get(sha!)
        if (!data) return this.error(404, 'Not Found')
        // GitHub wraps the base64 text in lines of 60 characters.
        const content = (data.toString('base64').match(/.{1,60}/g) ?? []).join('\n') + '\n'
        return [200, { sha, node_id: `B_${sha!.slice(0, 10)}`, size: data.length, url: this.api(`/git/blobs/${sha}`), content, encoding: 'base64' }]
      }),
      r('GET', '/repos/{owner}/{repo}/releases', ({ query }) => {
        const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
        const page = Number(query.get('page') ?? 1)
        // Newest first; drafts are listed for a token with push access.
        const all = [...this.releases.values()].sort((a, b) => b.id - a.id)
        return [200, all.slice((page - 1) * perPage, page * perPage).map(x => this.releaseJson(x))]
      }),
      r('POST', '/repos/{owner}/{repo}/releases', ({ body }) => {
        if ([...this.releases.values()].some(x => x.tag_name === body.tag_name && !x.draft))
          return this.error(422, 'Validation Failed: tag_name already_exists')
        if (typeof body.body === 'string' && body.body.length > RELEASE_BODY_LIMIT) return this.releaseBodyTooLong()
        const rel: Release = {
          id: this.nextId++,
          tag_name: body.tag_name,
          name: body.name ?? null,
          body: body.body ?? null,
          draft: Boolean(body.draft),
          prerelease: Boolean(body.prerelease),
          make_latest: body.make_latest,
          target_commitish: body.target_commitish ?? 'main',
          created_at: now(),
          published_at: body.draft ? null : now(),
          assets: []
        }
        this.releases.set(rel.id, rel)
        return [201, this.releaseJson(rel)]
      }),
      r('PATCH', '/repos/{owner}/{repo}/releases/{release_id}', ({ params: [id], body }) => {
        const rel = release(id!)
        if (!rel) return this.error(404, 'Not Found')
        if (typeof body.body === 'string' && body.body.length > RELEASE_BODY_LIMIT) return this.releaseBodyTooLong()
        if (body.draft === false && rel.draft) rel.published_at = now()
        Object.assign(rel, {
          ...(body.draft !== undefined ? { draft: body.draft } : {}),
          ...(body.make_latest !== undefined ? { make_latest: body.make_latest } : {}),
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.body !== undefined ? { body: body.body } : {})
        })
        return [200, this.releaseJson(rel)]
      }),
      r('DELETE', '/repos/{owner}/{repo}/releases/{release_id}', ({ params: [id] }) => {
        const rel = release(id!)
        if (!rel) return this.error(404, 'Not Found')
        for (const a of rel.assets) this.assets.delete(a)
        this.releases.delete(rel.id)
        return [204, null]
      }),
      r('GET', '/repos/{owner}/{repo}/releases/{release_id}/assets', ({ params: [id], query }) => {
        const rel = release(id!)
        if (!rel) return this.error(404, 'Not Found')
        const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
        const page = Number(query.get('page') ?? 1)
        return [200, rel.assets.slice((page - 1) * perPage, page * perPage).map(a => this.assetJson(this.assets.get(a)!))]
      }),
      r('DELETE', '/repos/{owner}/{repo}/releases/assets/{asset_id}', ({ params: [id] }) => {
        const asset = this.assets.get(Number(id))
        if (!asset) return this.error(404, 'Not Found')
        const rel = this.releases.get(asset.release_id)
        if (rel) rel.assets = rel.assets.filter(a => a !== asset.id)
        this.assets.delete(asset.id)
        return [204, null]
      }),
      r(
        'POST',
        '/repos/{owner}/{repo}/releases/{release_id}/assets',
        ({ params: [id], query, raw, headers, cut }) => {
          const rel = release(id!)
          if (!rel) return this.error(404, 'Not Found')
          const name = query.get('name')
          const invalid = (code: string, field: string) =>
            [
              422,
              {
                message: 'Validation Failed',
                documentation_url: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
                errors: [{ resource: 'ReleaseAsset', code, field }]
              }
            ] as [number, unknown]
          if (!name) return invalid('missing_field', 'name')
          if (Number(headers['content-length']) !== raw.length) return invalid('invalid', 'size')
          if (!rel.draft) return invalid('invalid', 'release') // the repository's releases are immutable once published
          if (rel.assets.some(a => this.assets.get(a)!.name === name)) return invalid('already_exists', 'name')
          const asset: Asset = cut
            ? { id: this.nextId++, release_id: rel.id, name, data: raw.subarray(0, raw.length >> 1), created_at: now(), state: 'open' }
            : { id: this.nextId++, release_id: rel.id, name, data: raw, created_at: now() }
          this.assets.set(asset.id, asset)
          rel.assets.push(asset.id)
          return [201, this.assetJson(asset)]
        },
        'uploads'
      ),
      r('GET', '/repos/{owner}/{repo}/releases/assets/{asset_id}', ({ params: [id], headers }) => {
        const asset = this.assets.get(Number(id))
        if (!asset) return this.error(404, 'Not Found')
        // GitHub redirects a binary download to short-lived storage.
        if (headers.accept === 'application/octet-stream') return [302, { location: this.storageUrlOf(asset) }]
        return [200, this.assetJson(asset)]
      }),
      r('GET', '/repos/{owner}/{repo}/issues', ({ query }) => {
        const perPage = Math.min(Number(query.get('per_page') ?? 30), 100)
        const page = Number(query.get('page') ?? 1)
        const state = query.get('state') ?? 'open'
        const labels = (query.get('labels') ?? '').split(',').filter(Boolean)
        const ascending = query.get('direction') === 'asc'
        const all = [...this.issues.values()]
          .filter(i => (state === 'all' || i.state === state) && labels.every(l => i.labels.includes(l)))
          .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number))
        return [200, all.slice((page - 1) * perPage, page * perPage).map(i => this.issueJson(i))]
      }),
      r('POST', '/repos/{owner}/{repo}/issues', ({ body }) => {
        const number = this.issues.size + 1
        const i: Issue = {
          number,
          id: this.nextId++,
          title: body.title,
          body: body.body ?? null,
          labels: (body.labels ?? []).map((l: string | { name: string }) => (typeof l === 'string' ? l : l.name)),
          state: 'open',
          state_reason: null,
          user: this.botLogin,
          created_at: now(),
          updated_at: now(),
          closed_at: null
        }
        this.issues.set(number, i)
        return [201, this.issueJson(i)]
      }),
      r('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', ({ params: [n], body }) => {
        const i = issue(n!)
        if (!i) return this.error(404, 'Not Found')
        if (body.state) {
          i.state = body.state
          i.closed_at = body.state === 'closed' ? now() : null
        }
        if (body.state_reason !== undefined) i.state_reason = body.state_reason
        if (body.body !== undefined) i.body = body.body
        i.updated_at = now()
        return [200, this.issueJson(i)]
      }),
      r('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ({ params: [n], query }) => {
        if (!issue(n!)) return this.error(404, 'Not Found')
        const perPage = Number(query.get('per_page') ?? 30)
        const page = Number(query.get('page') ?? 1)
        const all = [...this.comments.values()].filter(c => c.issue_number === Number(n))
        return [200, all.slice((page - 1) * perPage, page * perPage).map(c => this.commentJson(c))]
      }),
      r('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ({ params: [n], body }) => {
        if (!issue(n!)) return this.error(404, 'Not Found')
        return [201, this.commentJson(this.addIssueComment(Number(n), this.botLogin, body.body))]
      }),
      r('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', ({ params: [id], body }) => {
        const c = this.comments.get(Number(id))
        if (!c) return this.error(404, 'Not Found')
        c.body = body.body
        c.updated_at = now()
        return [200, this.commentJson(c)]
      }),
      r('GET', '/repos/{owner}/{repo}/collaborators/{username}/permission', ({ params: [login] }) => {
        const user = decodeURIComponent(login!)
        const permission = this.permissions.get(user) ?? 'read'
        // The REST `permission` field folds maintain into write and triage into read.
        const folded = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission
        return [
          200,
          {
            permission: folded,
            role_name: permission,
            user: {
              ...this.userJson(user),
              role_name: permission,
              permissions: { admin: permission === 'admin', maintain: false, push: folded === 'write' || folded === 'admin', triage: false, pull: true }
            }
          }
        ]
      }),
      r('PATCH', '/repos/{owner}/{repo}/labels/{name}', ({ params: [encoded], body }) => {
        // Labels live on the issues here: one exists once an issue carried it. Only a request that changes nothing is served.
        const name = decodeURIComponent(encoded!)
        if (![...this.issues.values()].some(i => i.labels.includes(name))) return this.error(404, 'Not Found')
        if (Object.keys(body ?? {}).length > 0) return this.error(500, 'the fake does not change labels')
        return [200, this.labelJson(name)]
      }),
      r('GET', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}', ({ params: [encoded] }) => {
        const file = decodeURIComponent(encoded!)
        const state = this.workflows.get(file)
        if (!state) return this.error(404, 'Not Found')
        const id = [...this.workflows.keys()].indexOf(file) + 161335
        return [
          200,
          {
            id,
            node_id: `W_${id}`,
            name: file.replace(/\.ya?ml$/, ''),
            path: `.github/workflows/${file}`,
            state,
            created_at: '2026-01-01T00:00:00.000Z',
            updated_at: '2026-01-01T00:00:00.000Z',
            url: this.api(`/actions/workflows/${id}`),
            html_url: `https://github.com/${this.owner}/${this.repo}/blob/main/.github/workflows/${file}`,
            badge_url: `https://github.com/${this.owner}/${this.repo}/workflows/${file}/badge.svg`
          }
        ]
      }),
      r('PUT', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable', ({ params: [encoded] }) => {
        const file = decodeURIComponent(encoded!)
        if (!this.workflows.has(file)) return this.error(404, 'Not Found')
        this.workflows.set(file, 'active')
        return [204, null]
      }),
      r('POST', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', ({ params: [workflow], body }) => {
        this.dispatches.push({ workflow: decodeURIComponent(workflow!), ref: body.ref, inputs: body.inputs ?? {} })
        return [204, null]
      }),
      r('GET', '/repos/{owner}/{repo}/environments/{environment_name}', ({ params: [encoded] }) => {
        const name = decodeURIComponent(encoded!)
        const protection = this.environments.get(name)
        if (!protection) return this.error(404, 'Not Found')
        return [200, this.environmentJson(name, protection)]
      }),
      r('GET', '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals', ({ params: [runId] }) => [
        200,
        (this.runReviews.get(Number(runId)) ?? []).map(review => {
          const {
            protection_rules: _rules,
            deployment_branch_policy: _policy,
            ...environment
          } = this.environmentJson(review.environment, this.environments.get(review.environment) ?? {})
          return { environments: [environment], state: review.state, user: this.userJson(review.login), comment: review.comment }
        })
      ])
    ]
  }

  private validator(key: string, schema: object): ValidateFunction {
    let v = this.validators.get(key)
    if (!v) {
      v = this.ajv.compile(schema)
      this.validators.set(key, v)
    }
    return v
  }

  private async serve(host: Host, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', this.url)
    // The API and uploads under their path prefix (GitHub Enterprise Server): routes see the path below it.
    const prefix = host === 'api' ? this.apiPrefix : host === 'uploads' ? this.uploadsPrefix : ''
    if (prefix) {
      if (!url.pathname.startsWith(`${prefix}/`)) {
        this.violations.push(`${req.method} ${url.pathname} was sent outside the ${host} host's path prefix ${prefix}`)
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ message: 'Not Found' }))
        return
      }
      url.pathname = url.pathname.slice(prefix.length)
    }
    const method = req.method ?? 'GET'
    const authorized = Boolean(req.headers.authorization)
    const fault = this.faults.find(
      f => f.times > 0 && (!f.after || f.armed) && (!f.host || f.host === host) && (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname))
    )
    let after: FaultKind | null = null
    let cut = false
    if (fault && fault.skip) fault.skip--
    else if (fault) {
      fault.times--
      fault.then?.()
      if (fault.kind === 'hang') {
        this.requests.push({ host, method, path: url.pathname, status: 0, authorized })
        return // the client gives up; close() destroys the socket
      }
      if (fault.kind === 'cut-short') {
        cut = true
        after = 'drop-after'
      } else if (fault.kind === 'drop-after' || 'statusAfter' in fault.kind) after = fault.kind
      else {
        this.requests.push({ host, method, path: url.pathname, status: fault.kind.status, authorized })
        res.writeHead(fault.kind.status, { 'content-type': 'application/json; charset=utf-8', ...fault.kind.headers })
        res.end(JSON.stringify({ message: fault.kind.message ?? 'injected fault' }))
        return
      }
    }
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      // The work is done: the faults waiting for it wake.
      if (status >= 200 && status < 300)
        for (const f of this.faults) {
          if (!f.after || (f.after.method && f.after.method !== method) || (f.after.path && !f.after.path.test(url.pathname))) continue
          f.seen = (f.seen ?? 0) + 1
          f.armed = f.seen >= (f.after.count ?? 1)
        }
      if (after === 'drop-after') {
        // The work is done; the answer is lost on the way back.
        this.requests.push({ host, method, path: url.pathname, status: -1, authorized })
        res.socket?.destroy()
        return
      }
      if (after) {
        this.requests.push({ host, method, path: url.pathname, status: after.statusAfter, authorized })
        res.writeHead(after.statusAfter, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify({ message: 'injected fault after the work was done' }))
        return
      }
      this.requests.push({ host, method, path: url.pathname, status, authorized })
      if (body === null || status === 204) {
        res.writeHead(status, headers)
        res.end()
      } else if (Buffer.isBuffer(body)) {
        res.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': String(body.length), ...headers })
        res.end(body)
      } else if (typeof body === 'string') {
        res.writeHead(status, { 'content-type': 'application/xml', ...headers })
        res.end(body)
      } else {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
        res.end(JSON.stringify(body))
      }
    }

    if (host === 'storage') {
      // Object storage behind the asset redirect: the signed URL is the credential, and a second
      // mechanism (an Authorization header carried over the redirect) is refused.
      const m = /^\/release-assets\/(\d+)$/.exec(url.pathname)
      const asset = m && method === 'GET' ? this.assets.get(Number(m[1])) : undefined
      if (!asset || url.searchParams.get('X-Amz-Signature') !== this.signatures.get(asset.id)) {
        return send(403, '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>')
      }
      if (authorized) {
        return send(
          400,
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified</Message><ArgumentName>Authorization</ArgumentName></Error>'
        )
      }
      return send(200, asset.data)
    }

    const auth = req.headers.authorization ?? ''
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) return send(401, { message: 'Bad credentials' })

    if (this.writableScopes !== null && method !== 'GET') {
      const scope = scopeOfWrite(url.pathname)
      if (!this.writableScopes.includes(scope)) {
        this.requests.push({ host, method, path: url.pathname, status: 403, authorized })
        res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'x-accepted-github-permissions': `${scope.replace('-', '_')}=write` })
        res.end(JSON.stringify({ message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' }))
        return
      }
    }
    // Another repository: GitHub answers 404 alike for one that does not exist and one the token
    // cannot see. Only for operations the fake serves, so a request outside the subset still counts.
    const other = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname)
    if (other && `${other[1]}/${other[2]}` !== `${this.owner}/${this.repo}`) {
      const own = `/repos/${this.owner}/${this.repo}${other[3] ?? ''}`
      if (this.routes.some(r => r.host === host && r.method === method && r.regex.test(own))) {
        return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' })
      }
    }
    const route = this.routes.find(r => r.host === host && r.method === method && r.regex.test(url.pathname))
    if (!route) {
      const elsewhere = this.routes.find(r => r.method === method && r.regex.test(url.pathname))
      this.violations.push(
        elsewhere
          ? `${method} ${url.pathname} was sent to the ${host} host, but GitHub serves it on the ${elsewhere.host} host`
          : `${method} ${url.pathname}: no such route in the fake (is the operation in scripts/extract-openapi.mjs?)`
      )
      return send(404, { message: 'Not Found' })
    }
    const op = SUBSET.operations[`${method} ${route.template}`]
    if (!op) {
      this.violations.push(`${method} ${route.template} is not in the OpenAPI subset`)
      return send(500, { message: 'fake misconfigured' })
    }
    const isJson = (req.headers['content-type'] ?? '').includes('json')
    let body: unknown = undefined
    if (isJson && raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        this.violations.push(`${method} ${url.pathname}: request body is not JSON`)
        return send(400, { message: 'Problems parsing JSON' })
      }
    }
    if (op.request) {
      const validate = this.validator(`${method} ${route.template} request`, op.request)
      if (!validate(body ?? {})) {
        const why = this.ajv.errorsText(validate.errors)
        this.violations.push(`${method} ${route.template} request ${JSON.stringify(body)}: ${why}`)
        return send(422, { message: `Invalid request: ${why}`, documentation_url: 'https://docs.github.com/rest' })
      }
    }
    const [status, payload] = await route.handle({
      method,
      params: route.regex.exec(url.pathname)!.slice(1),
      query: url.searchParams,
      body,
      raw,
      headers: req.headers,
      cut
    })
    if (status === 302) return send(302, null, { location: (payload as { location: string }).location })
    const schema = op.responses[String(status)]
    if (schema && payload !== null) {
      const validate = this.validator(`${method} ${route.template} ${status}`, schema)
      if (!validate(payload)) this.violations.push(`${method} ${route.template} response ${status}: ${this.ajv.errorsText(validate.errors)}`)
    } else if (!(String(status) in op.responses) && status < 500 && !UNDOCUMENTED_STATUSES[`${method} ${route.template}`]?.includes(status)) {
      this.violations.push(`${method} ${route.template} answered ${status}, which GitHub's description does not list`)
    }
    send(status, payload)
  }
}

export async function startFakeGitHub(options: { serverUrl?: string; apiPrefix?: string } = {}): Promise<FakeGitHub> {
  return await new FakeGitHub(options).start()
}
