/**
 * The embedded registry: a directory (default `.retrain/`) with one folder per model. A model's
 * state (champion pointer, versions, history, pending effects) is one JSON file with a revision
 * counter, replaced by an atomic rename under a short inter-process lock only if its revision is
 * still the one the change was computed from. The semantics live in registry/state-machine.ts.
 *
 *   <root>/<model>/registry.json       state
 *   <root>/<model>/registry.json.lock  the lock while a change is written: {pid, host, since}
 *   <root>/<model>/versions/<N>/        model.tar + manifest.json of version N
 */
import { randomBytes } from 'node:crypto'
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { hostIdentity } from '../host-identity.js'
import path from 'node:path'
import { DiskFullError, ExitCode, InputError, RetrainError, isDiskFull } from '../errors.js'
import { BUNDLE_ARCHIVE, BUNDLE_MANIFEST } from '../engine/manifest.js'
import type { VersionRecord } from '../ports.js'
import { emptyState, normalizeState, type RegistryState } from './state-machine.js'
import { VersionRegistry, processAlive, type RegistryStore, type StateRead } from './version-registry.js'

const STATE_FILE = 'registry.json'
/** The spec schema's model name: a path segment that cannot climb out of the registry's root. */
const MODEL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const STATE_SCHEMA_VERSION = 1
/** A lock file nobody could have finished writing after this long is a leftover of a crash. */
const UNREADABLE_LOCK_MS = 5_000
/** How long to wait for a live holder (it holds the lock only while it writes one small file). */
const LOCK_WAIT_MS = 120_000
const LOCK_NOTICE_MS = 5_000

interface LockOwner {
  pid: number
  host: string
  since: string
  token: string
}

async function diskSafe<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (isDiskFull(err)) throw new DiskFullError(file, { cause: err })
    throw err
  }
}

export class DirectoryStore implements RegistryStore {
  readonly description: string

  constructor(
    readonly root: string,
    private readonly log: (message: string) => void = () => undefined
  ) {
    this.description = `directory ${root}`
  }

  private modelDir(model: string): string {
    // Names come from specs, arguments and inputs: none may leave the registry's root.
    if (!MODEL_NAME.test(model))
      throw new InputError(
        [{ message: `"${model}" is not a model name (letters, digits, ".", "_" and "-", starting with a letter or digit)` }],
        'bad-model-name'
      )
    return path.join(this.root, model)
  }

  private stateFile(model: string): string {
    return path.join(this.modelDir(model), STATE_FILE)
  }

  async models(): Promise<string[]> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => [])
    const models: string[] = []
    for (const e of entries) {
      if (e.isDirectory() && (await stat(path.join(this.root, e.name, STATE_FILE)).catch(() => null))) models.push(e.name)
    }
    return models.sort()
  }

  async read(model: string): Promise<StateRead> {
    const file = this.stateFile(model)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyState(model), revision: null }
      throw err
    }
    try {
      const raw = JSON.parse(text) as Partial<RegistryState> & { schemaVersion?: number; revision?: number }
      if (raw.schemaVersion !== STATE_SCHEMA_VERSION) throw new Error(`unsupported schemaVersion ${raw.schemaVersion}`)
      return { state: normalizeState(model, raw), revision: String(raw.revision ?? 0) }
    } catch (err) {
      throw new RetrainError(`the registry state ${file} is unreadable: ${(err as Error).message}`, ExitCode.integrity, 'registry-corrupt')
    }
  }

  async compareAndSwap(model: string, revision: string | null, next: RegistryState): Promise<boolean> {
    const file = this.stateFile(model)
    await diskSafe(file, () => mkdir(path.dirname(file), { recursive: true }))
    const release = await this.lock(model)
    try {
      const current = await this.read(model)
      if (current.revision !== revision) return false
      const body = { schemaVersion: STATE_SCHEMA_VERSION, revision: Number(revision ?? 0) + 1, ...next }
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
      await diskSafe(file, async () => {
        try {
          await writeFile(tmp, JSON.stringify(body, null, 2) + '\n')
          await rename(tmp, file)
        } catch (err) {
          await rm(tmp, { force: true })
          throw err
        }
      })
      return true
    } finally {
      await release()
    }
  }

  /**
   * Takes the model's lock: a file created exclusively with its owner inside. A lock whose owner is
   * gone (same host, no such process) is taken over at once; while a live owner holds it, the wait
   * says who and since when.
   */
  private async lock(model: string): Promise<() => Promise<void>> {
    const file = `${this.stateFile(model)}.lock`
    const mine: LockOwner = { pid: process.pid, host: hostIdentity(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') }
    const text = JSON.stringify(mine)
    const started = Date.now()
    let noticed = 0
    for (let attempt = 0; Date.now() - started < LOCK_WAIT_MS; attempt++) {
      try {
        await writeFile(file, text, { flag: 'wx' })
        return async () => {
          if ((await readFile(file, 'utf8').catch(() => '')) === text) await unlink(file).catch(() => undefined)
        }
      } catch (err) {
        if (isDiskFull(err)) throw new DiskFullError(file, { cause: err })
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      }
      const held = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : e))
      // Released just now: try again at once.
      if (held === null) continue
      // Something this tool did not write (a directory, a file it may not read): waiting cannot help.
      if (held instanceof Error) {
        throw new RetrainError(
          `the registry lock ${file} cannot be read (${held.code ?? held.message}): it is not a lock this tool wrote; move it away and run again. Nothing was changed.`,
          ExitCode.conflict,
          'registry-locked'
        )
      }
      const owner = parseOwner(held)
      const age = Date.now() - ((await stat(file).catch(() => null))?.mtimeMs ?? Date.now())
      if (owner ? !processAlive(owner.host, owner.pid) : age > UNREADABLE_LOCK_MS) {
        await this.takeOver(file, held, owner)
        continue
      }
      if (owner && Date.now() - noticed >= LOCK_NOTICE_MS) {
        noticed = Date.now()
        if (attempt > 0) this.log(`waiting for the registry lock of ${model}, held by process ${owner.pid} on ${owner.host} since ${owner.since}`)
      }
      await new Promise(resolve => setTimeout(resolve, 5 + Math.random() * 20))
    }
    const owner = parseOwner((await readFile(file, 'utf8').catch(() => '')) ?? '')
    throw new RetrainError(
      `the registry lock ${file} is held by ${owner ? `process ${owner.pid} on ${owner.host} since ${owner.since}` : 'another process'} ` +
        `and was not released for ${LOCK_WAIT_MS / 1000} s; nothing was changed. If that process is gone, remove the file and run again.`,
      ExitCode.conflict,
      'registry-locked'
    )
  }

  /** Moves a dead owner's lock aside; if what was moved turns out to be a new owner's, puts it back. */
  private async takeOver(file: string, held: string, owner: LockOwner | null): Promise<void> {
    const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
    try {
      await rename(file, aside)
    } catch {
      return
    }
    const moved = await readFile(aside, 'utf8').catch(() => '')
    if (moved !== held) await link(aside, file).catch(() => undefined)
    else this.log(`took over the registry lock ${file} from ${owner ? `process ${owner.pid}, which is gone` : 'a crashed writer'}`)
    await unlink(aside).catch(() => undefined)
  }

  private versionDir(model: string, version: number): string {
    return path.join(this.modelDir(model), 'versions', String(version))
  }

  async storeBundle(model: string, version: number, bundleDir: string): Promise<null> {
    const target = this.versionDir(model, version)
    const staging = path.join(path.dirname(target), `.staging-${version}-${process.pid}-${randomBytes(4).toString('hex')}`)
    await diskSafe(target, async () => {
      try {
        await mkdir(staging, { recursive: true })
        for (const name of [BUNDLE_ARCHIVE, BUNDLE_MANIFEST]) await copyFile(path.join(bundleDir, name), path.join(staging, name))
        // A leftover under a reserved number can only be this reservation's own earlier try.
        await rm(target, { recursive: true, force: true })
        await rename(staging, target)
      } catch (err) {
        await rm(staging, { recursive: true, force: true })
        throw err
      }
    })
    return null
  }

  async fetchBundle(model: string, record: VersionRecord): Promise<string> {
    const dir = this.versionDir(model, record.version)
    if (!existsSync(path.join(dir, BUNDLE_MANIFEST))) {
      throw new RetrainError(`${model} version ${record.version} is registered, but its bundle ${dir} is missing`, ExitCode.integrity, 'bundle-missing')
    }
    return dir
  }

  /** Never registered, or pruned: the version's folder goes (gone already is done). */
  async discardBundle(model: string, version: number): Promise<void> {
    await rm(this.versionDir(model, version), { recursive: true, force: true })
  }

  async bundleBytes(model: string, record: VersionRecord): Promise<number | null> {
    const dir = this.versionDir(model, record.version)
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => null)
    if (!entries) return null
    let bytes = 0
    for (const e of entries) if (e.isFile()) bytes += (await stat(path.join(dir, e.name)).catch(() => null))?.size ?? 0
    return bytes
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>
    return typeof value.pid === 'number' && typeof value.host === 'string' ? (value as LockOwner) : null
  } catch {
    return null
  }
}

/** The directory registry: the shared state machine over a DirectoryStore. */
export class DirectoryRegistry extends VersionRegistry {
  constructor(
    readonly root: string,
    now: () => Date = () => new Date(),
    log: (message: string) => void = () => undefined,
    owner?: string
  ) {
    super(new DirectoryStore(root, log), { now, log, owner })
  }
}
