/**
 * The run-cache in a directory (`.retrain/cache` by default): one folder per key. An entry appears
 * by one rename of a complete copy, so a reader never sees half of one, and two runs storing the same
 * key keep the first. The cache is bounded: after each store, the entries used least recently are
 * removed until the total size is under the limit (a hit marks its entry as used).
 */
import { randomBytes } from 'node:crypto'
import { cp, lstat, mkdir, readdir, rename, rm, stat, utimes } from 'node:fs/promises'
import path from 'node:path'
import { InputError } from '../errors.js'
import type { StepCacheStore } from '../ports.js'

/** The default bound on the cache's size: 2 GiB. */
export const DEFAULT_CACHE_MAX_BYTES = 2 * 1024 ** 3
/** A temporary copy older than this belongs to a run that was killed. */
const STALE_TEMP_MS = 60 * 60_000
const KEY = /^[A-Za-z0-9_-]{1,200}$/

export interface DirectoryCacheOptions {
  maxBytes?: number
  warn?: (message: string) => void
  now?: () => Date
}

export class DirectoryStepCache implements StepCacheStore {
  readonly description: string
  private readonly maxBytes: number

  constructor(
    readonly dir: string,
    private readonly options: DirectoryCacheOptions = {}
  ) {
    this.description = dir
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES
  }

  private entry(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a cache key: ${key.slice(0, 80)}`)
    return path.join(this.dir, key)
  }

  async fetch(key: string): Promise<string | null> {
    const dir = this.entry(key)
    const info = await stat(dir).catch(() => null)
    if (!info?.isDirectory()) return null
    const now = this.now()
    // Marks the entry as used, for eviction; a failure only makes it look older.
    await utimes(dir, now, now).catch(() => undefined)
    return dir
  }

  async store(key: string, entryDir: string): Promise<boolean> {
    const final = this.entry(key)
    if ((await stat(final).catch(() => null))?.isDirectory()) return true
    await mkdir(this.dir, { recursive: true })
    const temp = path.join(this.dir, `.tmp-${key.slice(0, 80)}-${randomBytes(6).toString('hex')}`)
    try {
      // The entry is the caller's to give away: moved when it is on the same file system, else copied.
      await rename(entryDir, temp).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EXDEV') throw err
        await cp(entryDir, temp, { recursive: true, errorOnExist: true, force: false })
      })
      await rename(temp, final)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      // Another run stored the same key first: its entry stays.
      if (code !== 'EEXIST' && code !== 'ENOTEMPTY') throw err
    } finally {
      await rm(temp, { recursive: true, force: true }).catch(() => undefined)
    }
    await this.evict(key).catch(err => this.options.warn?.(`could not trim the run-cache ${this.dir}: ${(err as Error).message}`))
    return true
  }

  async discard(key: string): Promise<void> {
    const dir = this.entry(key)
    const trash = path.join(this.dir, `.trash-${randomBytes(6).toString('hex')}`)
    // Renamed away first: a run reading the key meanwhile sees either the whole entry or none.
    await rename(dir, trash).catch(() => undefined)
    await rm(trash, { recursive: true, force: true })
  }

  /** Removes the least recently used entries until the cache fits its bound; never the one just stored. */
  private async evict(keep: string): Promise<void> {
    const now = this.now().getTime()
    const entries: { key: string; size: number; used: number }[] = []
    for (const name of await readdir(this.dir)) {
      const dir = path.join(this.dir, name)
      const info = await stat(dir).catch(() => null)
      if (!info?.isDirectory()) continue
      if (name.startsWith('.')) {
        if (now - info.mtimeMs > STALE_TEMP_MS) await rm(dir, { recursive: true, force: true }).catch(() => undefined)
        continue
      }
      entries.push({ key: name, size: await entrySize(dir), used: info.mtimeMs })
    }
    let total = entries.reduce((sum, e) => sum + e.size, 0)
    for (const e of entries.sort((a, b) => a.used - b.used)) {
      if (total <= this.maxBytes) break
      if (e.key === keep) continue
      await this.discard(e.key)
      total -= e.size
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }
}

/**
 * An entry's size on disk: its files as they are, not as its entry.json says (which could be wrong, or
 * not a file at all). Links are counted as themselves and never followed.
 */
async function entrySize(dir: string, depth = 0): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const at = path.join(dir, entry.name)
    if (entry.isDirectory() && depth < 300) total += await entrySize(at, depth + 1)
    else total += (await lstat(at).catch(() => null))?.size ?? 0
  }
  return total
}

/** RETRAIN_CACHE_MAX_MB: the bound on a local run-cache's size, in MiB. */
export function cacheMaxBytes(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new InputError([{ message: `RETRAIN_CACHE_MAX_MB must be a number of MiB >= 0, got "${raw}"` }])
  return Math.floor(value * 1024 * 1024)
}
