/**
 * Workflow artifacts over loopback: a fake of GitHub's results service (the JSON Twirp API
 * @actions/artifact calls) with an in-process Azurite as the blob store, so the real
 * @actions/artifact and @azure/storage-blob code moves real bytes. Faults can be injected on Twirp
 * methods and on the blob store (through a small proxy in front of Azurite).
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
  /** A Twirp method (CreateArtifact...), or 'blob' for the blob store. */
  target: string
  /** Answer with this status, or ('hang', blob store only) never answer. */
  status: number | 'hang'
  times: number
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

export class FakeArtifacts {
  url = ''
  readonly artifacts = new Map<string, StoredArtifact>()
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
        res.writeHead(fault.status, { 'content-type': 'application/xml' })
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

  private async twirp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let text = ''
    for await (const chunk of req) text += chunk
    const send = (status: number, body: object) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const m = /^\/twirp\/github\.actions\.results\.api\.v1\.ArtifactService\/(\w+)$/.exec(req.url ?? '')
    if (req.method !== 'POST' || !m) return send(404, { code: 'bad_route', msg: req.url ?? '' })
    if (!/^Bearer .+\..+\..+/.test(req.headers.authorization ?? '')) return send(401, { code: 'unauthenticated', msg: 'no bearer token' })
    const method = m[1]!
    this.calls.push(method)
    const fault = this.takeFault(method)
    if (fault) return send(fault.status === 'hang' ? 500 : fault.status, { code: 'internal', msg: 'injected fault' })
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
