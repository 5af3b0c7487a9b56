/**
 * The embedded registry: a directory (default `.retrain/`) with one folder per model. A model's
 * state (champion pointer, versions, history) is one JSON file replaced by an atomic rename under an
 * inter-process lock, so a promotion is one write and concurrent runs never see half a change.
 *
 *   <root>/<model>/registry.json     state: champion, versions, append-only history
 *   <root>/<model>/versions/<N>/      model.tar + manifest.json of version N
 */
import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import lockfile from 'proper-lockfile'
import { RetrainError, ExitCode, StaleBaselineError, InputError } from '../errors.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST } from '../engine/manifest.js'
import type { HistoryEvent, Registry, RegistrySnapshot, VersionRecord, VersionStatus } from '../ports.js'

const STATE_FILE = 'registry.json'
const STATE_SCHEMA_VERSION = 1

interface StateFile {
  schemaVersion: number
  model: string
  champion: number | null
  versions: VersionRecord[]
  history: HistoryEvent[]
}

type EventInput = Omit<HistoryEvent, 'version' | 'from' | 'at'>

export class DirectoryRegistry implements Registry {
  readonly description: string

  constructor(
    readonly root: string,
    private readonly now: () => Date = () => new Date()
  ) {
    this.description = `directory ${root}`
  }

  private modelDir(model: string): string {
    return path.join(this.root, model)
  }

  private async readState(model: string): Promise<StateFile> {
    const file = path.join(this.modelDir(model), STATE_FILE)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        return { schemaVersion: STATE_SCHEMA_VERSION, model, champion: null, versions: [], history: [] }
      }
      throw err
    }
    try {
      const state = JSON.parse(text) as StateFile
      if (state.schemaVersion !== STATE_SCHEMA_VERSION) throw new Error(`unsupported schemaVersion ${state.schemaVersion}`)
      return state
    } catch (err) {
      throw new RetrainError(`the registry state ${file} is unreadable: ${(err as Error).message}`, ExitCode.integrity, 'registry-corrupt')
    }
  }

  private async writeState(state: StateFile): Promise<void> {
    const file = path.join(this.modelDir(state.model), STATE_FILE)
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    await writeFile(tmp, JSON.stringify(state, null, 2) + '\n')
    await rename(tmp, file)
  }

  /** Runs `fn` on the model's state under the model's lock; the state it returns is written atomically. */
  private async withLock<T>(model: string, fn: (state: StateFile) => Promise<{ state?: StateFile; result: T }>): Promise<T> {
    const dir = this.modelDir(model)
    await mkdir(dir, { recursive: true })
    const release = await lockfile.lock(path.join(dir, STATE_FILE), {
      realpath: false,
      stale: 15_000,
      retries: { retries: 200, minTimeout: 10, maxTimeout: 250, factor: 1.5, randomize: true }
    })
    try {
      const { state, result } = await fn(await this.readState(model))
      if (state) await this.writeState(state)
      return result
    } finally {
      await release()
    }
  }

  private event(state: StateFile, version: number, input: EventInput): HistoryEvent {
    return { ...input, version, from: state.champion, at: this.now().toISOString() }
  }

  async models(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => [])
    const models: string[] = []
    for (const e of entries) {
      if (e.isDirectory() && (await stat(path.join(this.root, e.name, STATE_FILE)).catch(() => null))) models.push(e.name)
    }
    return models.sort()
  }

  async snapshot(model: string): Promise<RegistrySnapshot> {
    const { champion, versions, history } = await this.readState(model)
    return { model, champion, versions, history }
  }

  async fetchBundle(model: string, version: number): Promise<string> {
    const state = await this.readState(model)
    if (!state.versions.some(v => v.version === version)) {
      throw new InputError([{ message: `${model} has no version ${version} in ${this.description}` }], 'unknown-version')
    }
    return path.join(this.modelDir(model), 'versions', String(version))
  }

  async addVersion(
    model: string,
    record: Omit<VersionRecord, 'version'>,
    stamp: (version: number) => Promise<string>,
    input: EventInput
  ): Promise<number> {
    return await this.withLock(model, async state => {
      const versionsDir = path.join(this.modelDir(model), 'versions')
      const onDisk = (await readdir(versionsDir).catch(() => [] as string[])).map(Number).filter(Number.isInteger)
      const version = Math.max(0, ...state.versions.map(v => v.version), ...onDisk) + 1
      const source = await stamp(version)
      const staging = path.join(versionsDir, `.staging-${version}-${process.pid}`)
      await mkdir(staging, { recursive: true })
      try {
        for (const name of [BUNDLE_ARCHIVE, BUNDLE_MANIFEST]) await copyFile(path.join(source, name), path.join(staging, name))
        await rename(staging, path.join(versionsDir, String(version)))
      } catch (err) {
        await rm(staging, { recursive: true, force: true })
        throw err
      }
      const next: StateFile = {
        ...state,
        versions: [...state.versions, { ...record, version }],
        history: [...state.history, this.event(state, version, input)]
      }
      return { state: next, result: version }
    })
  }

  async promote(model: string, version: number, expectChampion: number | null, input: EventInput): Promise<void> {
    await this.withLock(model, async state => {
      if (state.champion !== expectChampion) throw new StaleBaselineError(model, expectChampion, state.champion)
      const target = state.versions.find(v => v.version === version)
      if (!target) throw new InputError([{ message: `${model} has no version ${version}` }], 'unknown-version')
      const versions = state.versions.map(v =>
        v.version === version ? { ...v, status: 'promoted' as const } : v.version === state.champion ? { ...v, status: 'retired' as const } : v
      )
      const next = { ...state, champion: version, versions, history: [...state.history, this.event(state, version, input)] }
      return { state: next, result: undefined }
    })
  }

  async setStatus(model: string, version: number, status: VersionStatus, input: EventInput): Promise<void> {
    await this.withLock(model, async state => {
      if (!state.versions.some(v => v.version === version)) {
        throw new InputError([{ message: `${model} has no version ${version}` }], 'unknown-version')
      }
      const versions = state.versions.map(v => (v.version === version ? { ...v, status } : v))
      return { state: { ...state, versions, history: [...state.history, this.event(state, version, input)] }, result: undefined }
    })
  }
}
