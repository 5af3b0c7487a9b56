/**
 * Workflow artifacts and the Actions cache over loopback: a fake of GitHub's results service (the
 * JSON Twirp APIs @actions/artifact and @actions/cache call: ArtifactService and CacheService v2)
 * with an in-process Azurite as the blob store, so the real @actions/artifact, @actions/cache and
 * @azure/storage-blob code moves real bytes. Faults can be injected on Twirp methods and on the blob
 * store (through a small proxy in front of Azurite).
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { createRequire } from 'node:module'
import { BlobSASPermissions, BlobServiceClient, StorageSharedKeyCredential, generateBlobSASQueryParameters } from '@azure/storage-blob'

/** Azurite's published development account. */
const ACCOUNT = 'devstoreaccount1'
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
const CONTAINER = 'actions-results'

/** @actions/artifact only JWT-decodes the token and reads the run and job ids from its `scp` claim. */
export function fakeRuntimeToken(runId = 'run-backend-1', jobId = 'job-backend-1'): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: `Actions.GenericRead:x Actions.Results:${runId}:${jobId}` })}.sig`
}

export interface StoredArtifact {
  name: string
  id: number
  size: number
  hash?: string
  blobName: string
  finalized: boolean
}

export interface ArtifactFault {
  /** A Twirp method (CreateArtifact, CreateCacheEntry...), or 'blob' for the blob store. */
  target: string
  /**
   * Answer with this status; or ('hang', blob store only) never answer; or ('lost', Twirp only) do
   * the work, then drop the connection without an answer; or ('miss', GetCacheEntryDownloadURL only)
   * say there is no such entry, as if another job had not saved it yet.
   */
  status: number | 'hang' | 'lost' | 'miss'
  times: number
  /** Let this many matching requests through first (a fault on the third upload of a run). */
  after?: number
}

/** An entry of the Actions cache: reserved by CreateCacheEntry, visible once finalized. */
export interface StoredCacheEntry {
  key: string
  version: string
  id: number
  blobName: string
  finalized: boolean
  size: number
}

interface TwirpBody {
  workflow_run_backend_id: string
  workflow_job_run_backend_id: string
  name: string
  size?: string
  hash?: string
  name_filter?: string
  id_filter?: string
}

interface CacheTwirpBody {
  key?: string
  version?: string
  restore_keys?: string[]
  size_bytes?: string
}

export class FakeArtifacts {
  url = ''
  readonly artifacts = new Map<string, StoredArtifact>()
  /** The Actions cache, by key and version. */
  readonly cacheEntries = new Map<string, StoredCacheEntry>()
  readonly faults: ArtifactFault[] = []
  readonly calls: string[] = []
  /** Requests to the blob store that were answered with an injected fault. */
  blobFaults = 0
  private nextId = 1000
  private azurite: { start(): Promise<void>; close(): Promise<void>; httpServer: http.Server } | undefined
  private server: http.Server | undefined
  private proxy: http.Server | undefined
  private readonly sockets = new Set<Socket>()
  private container: ReturnType<BlobServiceClient['getContainerClient']> | undefined
  private readonly credential = new StorageSharedKeyCredential(ACCOUNT, KEY)
  private proxyUrl = ''

  async start(): Promise<this> {
    const require = createRequire(import.meta.url)
    const BlobServer = require('azurite/dist/src/blob/BlobServer.js').default
    const BlobConfiguration = require('azurite/dist/src/blob/BlobConfiguration.js').default
    // (host, port, keepAliveTimeout, metadataDBPath, extentDBPath, persistencePathArray, enableAccessLog,
    //  accessLogWriteStream, enableDebugLog, debugLogFilePath, loose, skipApiVersionCheck, cert, key, pwd,
    //  oauth, disableProductStyleUrl, isMemoryPersistence): the SDK speaks a newer API version than Azurite.
    const config = new BlobConfiguration(
      '127.0.0.1',
      0,
      5,
      undefined,
      undefined,
      undefined,
      false,
      undefined,
      false,
      undefined,
      false,
      true,
      undefined,
      undefined,
      undefined,
      undefined,
      false,
      true
    )
    this.azurite = new BlobServer(config)
    await this.azurite!.start()
    const azurePort = (this.azurite!.httpServer.address() as AddressInfo).port
    this.proxy = this.track(http.createServer((req, res) => this.forward(req, res, azurePort)))
    await new Promise<void>(resolve => this.proxy!.listen(0, '127.0.0.1', resolve))
    this.proxyUrl = `http://127.0.0.1:${(this.proxy.address() as AddressInfo).port}/${ACCOUNT}`
    const service = new BlobServiceClient(`http://127.0.0.1:${azurePort}/${ACCOUNT}`, this.credential)
    this.container = service.getContainerClient(CONTAINER)
    await this.container.createIfNotExists()
    this.server = this.track(http.createServer((req, res) => void this.twirp(req, res)))
    await new Promise<void>(resolve => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`
    return this
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await Promise.all([this.server, this.proxy].map(s => s && new Promise<void>(resolve => s.close(() => resolve()))))
    await this.azurite?.close()
  }

  /** Overwrites part of a finalized cache entry's blob, as storage damage would. */
  async damageCacheEntry(key: string): Promise<void> {
    const entry = [...this.cacheEntries.values()].find(e => e.key === key && e.finalized)
    if (!entry) throw new Error(`no cache entry ${key}`)
    const blob = this.container!.getBlockBlobClient(entry.blobName)
    const bytes = await blob.downloadToBuffer()
    await blob.uploadData(bytes.subarray(0, Math.floor(bytes.length / 2)))
  }

  /** The bytes of a finalized artifact (the zip the client uploaded). */
  async download(name: string): Promise<Buffer> {
    const artifact = [...this.artifacts.values()].find(a => a.name === name && a.finalized)
    if (!artifact) throw new Error(`no artifact named ${name}`)
    return await this.container!.getBlockBlobClient(artifact.blobName).downloadToBuffer()
  }

  private track(server: http.Server): http.Server {
    server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    return server
  }

  private takeFault(target: string): ArtifactFault | undefined {
    const fault = this.faults.find(f => f.target === target && f.times > 0)
    if (fault?.after) {
      fault.after--
      return undefined
    }
    if (fault) fault.times--
    return fault
  }

  /** Passes blob requests through to Azurite, unless a fault is due. */
  private forward(req: http.IncomingMessage, res: http.ServerResponse, azurePort: number): void {
    if (req.method === 'PUT') {
      const fault = this.takeFault('blob')
      if (fault) {
        this.blobFaults++
        req.resume()
        // The client gives up; close() destroys the socket.
        if (fault.status === 'hang') return
        res.writeHead(typeof fault.status === 'number' ? fault.status : 500, { 'content-type': 'application/xml' })
        res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>injected fault</Message></Error>')
        return
      }
    }
    const upstream = http.request({ host: '127.0.0.1', port: azurePort, method: req.method, path: req.url, headers: req.headers }, answer => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  }

  private sas(blobName: string, permissions: string): string {
    const query = generateBlobSASQueryParameters(
      {
        containerName: CONTAINER,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 60_000),
        expiresOn: new Date(Date.now() + 3_600_000)
      },
      this.credential
    ).toString()
    return `${this.proxyUrl}/${CONTAINER}/${blobName}?${query}`
  }

  /**
   * CacheService v2 as GitHub answers it: an entry is identified by key and version, reserved once
   * (a second reservation, finalized or not, is a conflict: another job is saving it), downloadable
   * only once finalized, and looked up by exact key, then by restore-key prefix.
   */
  private async cacheMethod(method: string, b: CacheTwirpBody, miss: boolean): Promise<[number, object]> {
    const id = `${b.key ?? ''}\u0000${b.version ?? ''}`
    switch (method) {
      case 'CreateCacheEntry': {
        if (!b.key || !b.version) return [400, { code: 'invalid_argument', msg: 'key and version are required' }]
        if (this.cacheEntries.has(id)) return [409, { code: 'already_exists', msg: 'cache entry with the same key, version, and scope already exists' }]
        const blobName = `cache/${this.nextId}-${b.version}.tzst`
        this.cacheEntries.set(id, { key: b.key, version: b.version, id: this.nextId++, blobName, finalized: false, size: 0 })
        return [200, { ok: true, signed_upload_url: this.sas(blobName, 'cw') }]
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = this.cacheEntries.get(id)
        if (!entry) return [404, { code: 'not_found', msg: 'cache entry not found' }]
        if (entry.finalized) return [409, { code: 'already_exists', msg: 'cache entry is already finalized' }]
        const props = await this.container!.getBlockBlobClient(entry.blobName)
          .getProperties()
          .catch(() => null)
        if (!props || props.contentLength !== Number(b.size_bytes)) return [400, { code: 'invalid_argument', msg: 'the uploaded size does not match' }]
        Object.assign(entry, { finalized: true, size: Number(b.size_bytes) })
        return [200, { ok: true, entry_id: String(entry.id) }]
      }
      case 'GetCacheEntryDownloadURL': {
        const finalized = [...this.cacheEntries.values()].filter(e => e.finalized && e.version === b.version)
        const entry = miss
          ? undefined
          : (finalized.find(e => e.key === b.key) ?? (b.restore_keys ?? []).map(k => finalized.find(e => e.key.startsWith(k))).find(Boolean))
        if (!entry) return [200, { ok: false, signed_download_url: '', matched_key: '' }]
        return [200, { ok: true, signed_download_url: this.sas(entry.blobName, 'r'), matched_key: entry.key }]
      }
      default:
        return [404, { code: 'bad_route', msg: method }]
    }
  }

  private async twirp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let text = ''
    for await (const chunk of req) text += chunk
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const m = /^\/twirp\/github\.actions\.results\.api\.v1\.(ArtifactService|CacheService)\/(\w+)$/.exec(req.url ?? '')
    if (req.method !== 'POST' || !m) return send(404, { code: 'bad_route', msg: req.url ?? '' })
    if (!/^Bearer .+\..+\..+/.test(req.headers.authorization ?? '')) return send(401, { code: 'unauthenticated', msg: 'no bearer token' })
    const method = m[2]!
    this.calls.push(method)
    const fault = this.takeFault(method)
    if (fault && typeof fault.status === 'number') return send(fault.status, { code: 'internal', msg: 'injected fault' })
    if (fault?.status === 'hang') return send(500, { code: 'internal', msg: 'injected fault' })
    if (m[1] === 'CacheService') {
      const [status, body] = await this.cacheMethod(method, JSON.parse(text || '{}') as CacheTwirpBody, fault?.status === 'miss')
      // The work is done; the answer never arrives.
      if (fault?.status === 'lost') return void res.socket?.destroy()
      return send(status, body)
    }
    const b = JSON.parse(text || '{}') as TwirpBody
    const key = `${b.workflow_run_backend_id}/${b.name}`
    switch (method) {
      case 'CreateArtifact': {
        if (/[/\\:"<>|*?\r\n]/.test(b.name)) return send(400, { code: 'invalid_argument', msg: `invalid artifact name ${b.name}` })
        if (this.artifacts.get(key)?.finalized) return send(409, { code: 'already_exists', msg: `an artifact named ${b.name} already exists in this run` })
        const blobName = `${b.workflow_run_backend_id}/${b.name}.zip`
        this.artifacts.set(key, { name: b.name, id: 0, size: 0, blobName, finalized: false })
        return send(200, { ok: true, signed_upload_url: this.sas(blobName, 'cw') })
      }
      case 'FinalizeArtifact': {
        const a = this.artifacts.get(key)
        if (!a) return send(404, { code: 'not_found', msg: 'artifact not found' })
        Object.assign(a, { finalized: true, size: Number(b.size ?? 0), hash: b.hash, id: this.nextId++ })
        return send(200, { ok: true, artifact_id: String(a.id) })
      }
      case 'ListArtifacts': {
        const list = [...this.artifacts.values()]
          .filter(a => a.finalized && (!b.name_filter || a.name === b.name_filter) && (!b.id_filter || String(a.id) === String(b.id_filter)))
          .map(a => ({
            workflow_run_backend_id: b.workflow_run_backend_id,
            workflow_job_run_backend_id: 'job-backend-1',
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: new Date().toISOString(),
            ...(a.hash ? { digest: a.hash } : {})
          }))
        return send(200, { artifacts: list })
      }
      case 'GetSignedArtifactURL': {
        const a = this.artifacts.get(key)
        if (!a) return send(404, { code: 'not_found', msg: 'artifact not found' })
        return send(200, { signed_url: this.sas(a.blobName, 'r') })
      }
      default:
        return send(404, { code: 'bad_route', msg: method })
    }
  }
}

export async function startFakeArtifacts(): Promise<FakeArtifacts> {
  return await new FakeArtifacts().start()
}
