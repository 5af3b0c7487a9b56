/**
 * The run-cache (docs/cache.md): a step that declares `cache:` has a key over everything that decides
 * what it writes (its command, the env the spec gives it, the params, the environment variables,
 * data and files it names, the tool version and platform). On a hit its outputs are restored and
 * the step does not run; on a miss it runs and its outputs are stored as one entry.
 *
 * An entry is a directory: `entry.json` (the key, and every file's path, size, mode and sha256) and
 * `files/<root>/<path>`, where root is `project`, `work` or `model`. Restoring copies every file
 * beside its destination first, checking each copy's size and sha256 against entry.json, and only
 * when all of them match replaces the outputs (one rename each): a damaged entry is a miss with a
 * warning, never a wrong or partial restore. Storing happens only after the step succeeded.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { chmod, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { glob, isDynamicPattern } from 'tinyglobby'
import { hashingTap } from './hashing-tap.js'
import { InputError } from '../errors.js'
import { ContractEnv } from '../contract-names.js'
import type { StepCacheStore } from '../ports.js'
import type { CacheOutputRoot, CacheOutputSpec, ParamValue, StepSpec } from '../spec/types.js'
import type { ResolvedDataInput } from './fingerprint.js'
import { sha256File } from './bundle.js'
import type { StepCacheRecord } from './step-cache-record.js'

/** Changes when the key's content or the entry's layout changes: older entries then simply miss. */
export const CACHE_FORMAT = 1
/** The entry directory's name, the same on every run (the Actions cache's version hashes the path). */
export const ENTRY_DIR_NAME = 'retrain-step-cache'
const ENTRY_FILE = 'entry.json'
const KEY_PATTERN = /^retrain-[A-Za-z0-9_-]{1,64}-[0-9a-f]{64}$/

/** What the run records about a cached step: its key, and whether its outputs came from the cache. */
export type { StepCacheRecord } from './step-cache-record.js'
export { stepCacheLineage } from './step-cache-record.js'

/** The three directories outputs live in, and the run's scratch root (normalized out of the key). */
export interface CacheRoots {
  project: string
  work: string
  model: string
  /** The run's temporary root: a value naming a path under it changes every run, so the key says `<run>` instead. */
  runRoot: string
}

interface EntryFile {
  /** `<root>/<posix path>`. */
  path: string
  size: number
  sha256: string
  mode: number
}

interface EntryManifest {
  format: typeof CACHE_FORMAT
  key: string
  step: string
  createdAt: string
  toolVersion: string
  /** Each declared output as `<root>/<path>`, with what it is. */
  outputs: { path: string; kind: 'file' | 'directory' }[]
  files: EntryFile[]
  /** Directories inside directory outputs, empty ones included. */
  directories: string[]
  /** The digest of the champion when the step ran ('' without one). */
  champion?: string
}

export interface StepKeyInput {
  step: StepSpec & { cache: NonNullable<StepSpec['cache']> }
  toolVersion: string
  params: Record<string, ParamValue>
  /** The step's whole environment, as it runs. */
  env: Record<string, string>
  /** The variables of `env` that belong to the step's definition (spec env, step env, expressions, trainer options). */
  definedEnv: string[]
  data: ResolvedDataInput[]
  roots: CacheRoots
}

/** The step's key: `retrain-<step id>-<sha256 of everything it covers>`. */
export async function stepCacheKey(input: StepKeyInput): Promise<string> {
  const { step, roots } = input
  const { cache } = step
  const normalize = (value: string) => value.split(roots.runRoot).join('<run>').split(roots.project).join('<root>')
  const envNames = [...new Set([...input.definedEnv, ...cache.env])].sort()
  const env = Object.fromEntries(envNames.map(name => [name, Object.hasOwn(input.env, name) ? normalize(input.env[name]!) : null]))
  const paramNames = (cache.params ?? Object.keys(input.params)).slice().sort()
  const params = Object.fromEntries(paramNames.map(name => [name, input.params[name] ?? null]))
  // A built-in trainer reads the data input its options name: the key covers it without being told.
  const dataNames = step.uses !== undefined ? [...new Set([...cache.data, builtinData(input.env)])] : cache.data
  const data = Object.fromEntries(
    dataNames
      .slice()
      .sort()
      .map(name => [name, input.data.find(d => d.name === name)?.fingerprint ?? null])
  )
  const canonical = {
    format: CACHE_FORMAT,
    tool: input.toolVersion,
    platform: `${process.platform}-${process.arch}`,
    command: {
      run: step.run ?? null,
      uses: step.uses ?? null,
      shell: step.shell,
      workingDirectory: step.workingDirectory ?? null
    },
    env,
    params,
    data,
    files: await fileDigests(roots.project, cache.files, step),
    outputs: cache.outputs.map(o => `${o.root}/${o.path}`)
  }
  const hash = createHash('sha256').update(JSON.stringify(canonical)).digest('hex')
  return `retrain-${step.id.slice(0, 64)}-${hash}`
}

/** The data input a built-in trainer reads: its `with.data` (as evaluated into its options), else "train". */
function builtinData(env: Record<string, string>): string {
  try {
    const options = JSON.parse(env[ContractEnv.builtinOptions] ?? '{}') as { data?: unknown }
    return typeof options?.data === 'string' ? options.data.trim() : 'train'
  } catch {
    return 'train'
  }
}

/** sha256 of every file the cache's `files` match, by path relative to root; a pattern that matches nothing is an error. */
async function fileDigests(root: string, patterns: string[], step: StepSpec): Promise<Record<string, string>> {
  const found = new Set<string>()
  const missing: string[] = []
  for (const pattern of patterns) {
    const matches = isDynamicPattern(pattern)
      ? await glob(pattern, { cwd: root, absolute: true, onlyFiles: true, dot: false })
      : // Whatever is there: one that is not a file (a folder, a pipe) is refused below with its own reason.
        await lstat(path.resolve(root, pattern)).then(
          () => [path.resolve(root, pattern)],
          () => []
        )
    if (matches.length === 0) missing.push(pattern)
    for (const m of matches) found.add(m)
  }
  if (missing.length > 0) {
    throw new InputError(
      missing.map(p => ({
        ...step.cache!.location,
        message: `step "${step.id}": cache.files ${JSON.stringify(p)} matches no file under ${root}; the key covers the files the step depends on, so each must exist`
      })),
      'missing-cache-file'
    )
  }
  const out: Record<string, string> = {}
  const unfit: string[] = []
  for (const file of [...found].sort()) {
    const relative = path.relative(root, file).split(path.sep).join('/')
    // Followed through a link: a folder, a pipe or a device has no content to hash (a pipe would never end).
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) unfit.push(relative)
    else out[relative] = `${await sha256File(file)}${info.mode & 0o111 ? ' executable' : ''}`
  }
  if (unfit.length > 0) {
    throw new InputError(
      unfit.map(p => ({
        ...step.cache!.location,
        message: `step "${step.id}": cache.files matches ${JSON.stringify(p)}, which is not a regular file (a folder, a pipe, or a link to one or to nothing); name files, or a folder's files with a glob such as "${p}/**"`
      })),
      'missing-cache-file'
    )
  }
  return out
}

function rootDir(roots: CacheRoots, root: CacheOutputRoot): string {
  return roots[root]
}

function absoluteOf(roots: CacheRoots, output: Pick<CacheOutputSpec, 'root' | 'path'>): string {
  return output.path === '' ? rootDir(roots, output.root) : path.join(rootDir(roots, output.root), ...output.path.split('/'))
}

function inside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
}

/** Why `target` (existing or not) would lead outside its root through a symbolic link; null when it stays inside. */
async function escapesRoot(root: string, target: string): Promise<string | null> {
  const realRoot = await realpath(root)
  // The nearest existing ancestor decides where a path that does not exist yet would be created.
  let probe = target
  for (let i = 0; i < 4096; i++) {
    const real = await realpath(probe).catch(() => null)
    if (real !== null) return inside(realRoot, real) ? null : `it leads to ${real} through a symbolic link`
    const parent = path.dirname(probe)
    if (parent === probe) break
    probe = parent
  }
  return null
}

/**
 * Copies `from` to `to` and returns the copy's sha256 and size, hashing the bytes as written. With
 * `limit`, at most one byte more than it is read, so a source larger than expected is found out
 * without copying all of it.
 */
async function copyHashed(from: string, to: string, mode: number, limit?: number): Promise<{ sha256: string; size: number }> {
  const { tap, result } = hashingTap()
  const source = createReadStream(from, limit === undefined ? {} : { start: 0, end: limit })
  let readFailure: unknown = null
  source.once('error', err => (readFailure = err))
  try {
    await pipeline(source, tap, createWriteStream(to, { flags: 'wx', mode }))
  } catch (err) {
    throw err === readFailure ? new SourceReadError((err as Error).message) : err
  }
  await chmod(to, mode)
  return result()
}

/** Reading the file copied from failed (not writing the copy). */
class SourceReadError extends Error {}

/**
 * A restore that could not be done for a reason of the destination, not of the entry (a full disk,
 * a link in the way): the entry is sound and stays in the cache.
 */
export interface RestoreBlocked {
  blocked: string
}

/**
 * Why an entry's file cannot be read as one: it must be a regular file (not a link, a pipe or a
 * device, which could lead elsewhere or never end) inside the entry's own directory. Null when it is.
 */
async function notAnEntryFile(realEntry: string, file: string): Promise<string | null> {
  const info = await lstat(file).catch(() => null)
  if (!info) return 'it is missing'
  if (!info.isFile()) return `it is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}`
  const real = await realpath(file).catch(() => null)
  if (real === null || !inside(realEntry, real)) return 'it is reached through a symbolic link leading outside the entry'
  return null
}

function modeOf(statMode: number): number {
  return statMode & 0o111 ? 0o755 : 0o644
}

/**
 * Copies the step's outputs into a new entry at `entryDir`. Returns why it cannot be cached (an output
 * missing, a link, something that is not a file) instead of an entry; nothing is stored then.
 */
export async function buildEntry(
  entryDir: string,
  key: string,
  step: StepSpec & { cache: NonNullable<StepSpec['cache']> },
  roots: CacheRoots,
  toolVersion: string,
  extra: Pick<CacheOutputSpec, 'root' | 'path'>[] = [],
  champion = ''
): Promise<string | null> {
  const manifest: EntryManifest = {
    format: CACHE_FORMAT,
    key,
    step: step.id,
    createdAt: new Date().toISOString(),
    toolVersion,
    champion,
    outputs: [],
    files: [],
    directories: []
  }
  const filesDir = path.join(entryDir, 'files')
  await mkdir(filesDir, { recursive: true })
  const add = async (logical: string, absolute: string, depth: number): Promise<string | null> => {
    if (depth > 256) return `${logical} nests deeper than 256 folders`
    const info = await lstat(absolute)
    const into = path.join(filesDir, ...logical.split('/'))
    if (info.isSymbolicLink()) return `${logical} is a symbolic link; the cache keeps files and folders only`
    if (info.isFile()) {
      await mkdir(path.dirname(into), { recursive: true })
      const mode = modeOf(info.mode)
      manifest.files.push({ path: logical, mode, ...(await copyHashed(absolute, into, mode)) })
      return null
    }
    if (!info.isDirectory()) return `${logical} is neither a file nor a folder`
    await mkdir(into, { recursive: true })
    manifest.directories.push(logical)
    for (const name of (await readdir(absolute)).sort()) {
      const problem = await add(`${logical}/${name}`, path.join(absolute, name), depth + 1)
      if (problem) return problem
    }
    return null
  }
  const outputs = [...step.cache.outputs.map(o => ({ ...o, declared: true })), ...extra.map(o => ({ ...o, written: '', declared: false }))]
  for (const output of outputs) {
    const absolute = absoluteOf(roots, output)
    const logical = output.path === '' ? output.root : `${output.root}/${output.path}`
    const info = await lstat(absolute).catch(() => null)
    if (!info) {
      if (!output.declared) continue
      return `the output ${JSON.stringify(output.written)} was not written by the step`
    }
    const escape = await escapesRoot(rootDir(roots, output.root), absolute)
    if (escape) return `the output ${JSON.stringify(output.written || logical)} is outside where it belongs: ${escape}`
    if (output.declared) manifest.outputs.push({ path: logical, kind: info.isDirectory() ? 'directory' : 'file' })
    const problem = await add(logical, absolute, 0)
    if (problem) return problem
  }
  await writeFile(path.join(entryDir, ENTRY_FILE), JSON.stringify(manifest, null, 1) + '\n')
  return null
}

/**
 * What identifies each declared output as it is on disk: for a file its inode, change time and
 * size; for a folder the same of everything inside it. The change time (ctime) moves on every write
 * and cannot be set back by the step (copying with the old modification time still changes it).
 */
async function outputSignatures(step: StepSpec & { cache: NonNullable<StepSpec['cache']> }, roots: CacheRoots): Promise<Map<string, string>> {
  const signatures = new Map<string, string>()
  for (const output of step.cache.outputs) {
    const hash = createHash('sha256')
    const visit = async (absolute: string, rel: string, depth: number): Promise<boolean> => {
      const info = await lstat(absolute, { bigint: true }).catch(() => null)
      // A link as the output is refused when the entry is built, with its own reason.
      if (!info || (depth === 0 && info.isSymbolicLink())) return false
      hash.update(`${rel}\0${info.ino}\0${info.ctimeNs}\0${info.size}\0${info.mode}\n`)
      if (info.isDirectory() && depth < 256) {
        for (const name of (await readdir(absolute).catch(() => [] as string[])).sort()) await visit(path.join(absolute, name), `${rel}/${name}`, depth + 1)
      }
      return true
    }
    if (await visit(absoluteOf(roots, output), '', 0)) signatures.set(`${output.root}/${output.path}`, hash.digest('hex'))
  }
  return signatures
}

/**
 * A declared output that was there before the step ran and is exactly as it was after: the step did
 * not write it (say, it skips work when the file exists). Storing it under the new key would keep an
 * old output for inputs it was not made from, so such a step is not cached; the reason is returned.
 */
async function unwrittenOutput(
  step: StepSpec & { cache: NonNullable<StepSpec['cache']> },
  roots: CacheRoots,
  before: Map<string, string>
): Promise<string | null> {
  const after = await outputSignatures(step, roots)
  for (const output of step.cache.outputs) {
    const id = `${output.root}/${output.path}`
    if (before.has(id) && before.get(id) === after.get(id)) {
      return `the output ${JSON.stringify(output.written)} was not written by this run of the step (it is as it was before the step ran), so it may not come from this key's inputs`
    }
  }
  return null
}

const LOGICAL_PATH = /^(project|work|model)(\/[^/\0]+)*$/

/** entry.json, checked for shape and for the key it must be stored under; a string says what is wrong. */
async function readEntryManifest(entryDir: string, key: string): Promise<EntryManifest | string> {
  let data: EntryManifest
  try {
    const problem = await notAnEntryFile(await realpath(entryDir), path.join(entryDir, ENTRY_FILE))
    if (problem) return `its ${ENTRY_FILE} cannot be read: ${problem}`
    data = JSON.parse(await readFile(path.join(entryDir, ENTRY_FILE), 'utf8')) as EntryManifest
  } catch (err) {
    return `its ${ENTRY_FILE} cannot be read: ${(err as Error).message}`
  }
  const pathOk = (p: unknown) => typeof p === 'string' && LOGICAL_PATH.test(p) && !p.split('/').some(s => s === '..' || s === '.')
  if (
    !data ||
    data.format !== CACHE_FORMAT ||
    !Array.isArray(data.files) ||
    !Array.isArray(data.directories) ||
    !Array.isArray(data.outputs) ||
    !data.files.every(
      f => pathOk(f?.path) && Number.isSafeInteger(f.size) && /^[0-9a-f]{64}$/.test(String(f.sha256)) && (f.mode === 0o755 || f.mode === 0o644)
    ) ||
    !data.directories.every(pathOk) ||
    !data.outputs.every(o => pathOk(o?.path) && (o.kind === 'file' || o.kind === 'directory'))
  ) {
    return `its ${ENTRY_FILE} is not an entry of this tool's format ${CACHE_FORMAT}`
  }
  if (data.key !== key) return `it holds the entry of key ${String(data.key).slice(0, 80)}, not ${key}`
  // Each path once, and no file where a folder is (as a folder, or above another path).
  const files = new Set<string>()
  for (const f of data.files) {
    if (files.has(f.path)) return `its ${ENTRY_FILE} lists the file ${f.path} twice`
    files.add(f.path)
  }
  for (const p of [...data.files.map(f => f.path), ...data.directories]) {
    const segments = p.split('/')
    for (let i = 1; i < segments.length; i++) {
      const above = segments.slice(0, i).join('/')
      if (files.has(above)) return `its ${ENTRY_FILE} lists ${above} both as a file and as a folder`
    }
  }
  const clash = data.directories.find(d => files.has(d))
  if (clash !== undefined) return `its ${ENTRY_FILE} lists ${clash} both as a file and as a folder`
  return data
}

/**
 * Restores the entry's outputs over the step's. Returns the number of files and bytes restored, or
 * why the entry cannot be used; in that case no output was changed.
 */
export async function restoreEntry(
  entryDir: string,
  key: string,
  step: StepSpec & { cache: NonNullable<StepSpec['cache']> },
  roots: CacheRoots,
  /** The digest of the champion this run warm-starts from ('' without one). */
  champion = ''
): Promise<{ files: number; bytes: number } | string | RestoreBlocked> {
  const manifest = await readEntryManifest(entryDir, key)
  if (typeof manifest === 'string') return manifest
  const declared = step.cache.outputs.map(o => (o.path === '' ? o.root : `${o.root}/${o.path}`))
  const recorded = manifest.outputs.map(o => o.path)
  if (declared.length !== recorded.length || declared.some(d => !recorded.includes(d))) {
    return `it holds the outputs ${recorded.join(', ') || 'none'}, not ${declared.join(', ')}`
  }
  // Besides the declared outputs, an entry may carry the training report the step wrote.
  const extras = manifest.files.map(f => f.path).filter(p => !declared.some(d => p === d || p.startsWith(`${d}/`)))
  if (extras.some(p => p !== TRAINING_REPORT_LOGICAL)) return `it holds files outside the declared outputs`
  const targets = [...manifest.outputs, ...extras.map(p => ({ path: p, kind: 'file' as const }))].map(o => {
    const [root, ...rest] = o.path.split('/') as [CacheOutputRoot, ...string[]]
    return { ...o, root, rel: rest.join('/'), absolute: absoluteOf(roots, { root, path: rest.join('/') }) }
  })
  const realEntry = await realpath(entryDir)
  const staged: { staging: string; absolute: string }[] = []
  const tag = randomBytes(6).toString('hex')
  let bytes = 0
  let holdsReport = false
  try {
    for (const target of targets) {
      const escape = await escapesRoot(rootDir(roots, target.root), target.absolute)
      if (escape) return { blocked: `its output ${target.path} would be restored outside where it belongs: ${escape}` }
      const staging = `${target.absolute}.restore-${tag}`
      await mkdir(path.dirname(staging), { recursive: true })
      await removeLeftStagings(target.absolute)
      staged.push({ staging, absolute: target.absolute })
      const under = (p: string) => p === target.path || p.startsWith(`${target.path}/`)
      if (target.kind === 'directory') {
        await mkdir(staging)
        for (const dir of manifest.directories.filter(under).sort())
          await mkdir(path.join(staging, ...dir.slice(target.path.length).split('/')), { recursive: true })
      }
      for (const file of manifest.files.filter(f => under(f.path))) {
        const to = target.kind === 'file' ? staging : path.join(staging, ...file.path.slice(target.path.length + 1).split('/'))
        if (target.kind === 'file' && file.path !== target.path) return `its output ${target.path} is recorded both as a file and as a folder`
        await mkdir(path.dirname(to), { recursive: true })
        const source = path.join(entryDir, 'files', ...file.path.split('/'))
        const unfit = await notAnEntryFile(realEntry, source)
        if (unfit) return `its file ${file.path} cannot be used: ${unfit}`
        const copied = await copyHashed(source, to, file.mode, file.size).catch((err: Error) => err)
        if (copied instanceof SourceReadError) return `its file ${file.path} cannot be read: ${copied.message}`
        if (copied instanceof Error) return { blocked: `its file ${file.path} could not be restored: ${copied.message}` }
        if (copied.size !== file.size || copied.sha256 !== file.sha256) {
          return `its file ${file.path} is damaged: ${copied.size} bytes with sha256 ${copied.sha256.slice(0, 12)}, but the entry recorded ${file.size} bytes with sha256 ${file.sha256.slice(0, 12)}`
        }
        bytes += copied.size
        if (file.path === TRAINING_REPORT_LOGICAL) holdsReport = true
      }
      if (target.kind === 'file' && !manifest.files.some(f => f.path === target.path)) return `its output ${target.path} has no file`
    }
    // A training report means a training step: what it wrote depends on the champion it started from.
    if (holdsReport && manifest.champion !== champion) {
      const then =
        typeof manifest.champion !== 'string' ? 'an unrecorded champion' : manifest.champion === '' ? 'no champion' : `bundle ${manifest.champion.slice(0, 12)}`
      const now = champion === '' ? 'this run has none' : `this run's is bundle ${champion.slice(0, 12)}`
      return `its outputs were trained when the champion was ${then}, but ${now}`
    }
    // Every copy checked: now the outputs are replaced, one rename each.
    for (const s of staged) {
      await rm(s.absolute, { recursive: true, force: true })
      await rename(s.staging, s.absolute)
    }
    staged.length = 0
    return { files: manifest.files.length, bytes }
  } finally {
    for (const s of staged) await rm(s.staging, { recursive: true, force: true }).catch(() => undefined)
  }
}

/**
 * Removes the copies a restore of `output` left beside it when its run was killed before renaming
 * them (`<output>.restore-<12 hex digits>`): they would stay in the project for good otherwise.
 */
async function removeLeftStagings(output: string): Promise<void> {
  const name = path.basename(output)
  const left = (await readdir(path.dirname(output)).catch(() => [] as string[])).filter(
    n => n.startsWith(`${name}.restore-`) && /^[0-9a-f]{12}$/.test(n.slice(name.length + '.restore-'.length))
  )
  for (const n of left) await rm(path.join(path.dirname(output), n), { recursive: true, force: true })
}

/** The training report, which a cached training step wrote: kept with its outputs so the warm start is recorded. */
const TRAINING_REPORT_LOGICAL = 'work/.retrain-training-report.json'

export interface CachedStepOptions {
  store: StepCacheStore
  key: string
  step: StepSpec & { cache: NonNullable<StepSpec['cache']> }
  roots: CacheRoots
  toolVersion: string
  /** A directory of the run's scratch, for fetching and building entries. */
  scratch: string
  /** The digest of the champion the run warm-starts from ('' without one): an entry holding a training report is used only with the champion it was stored with. */
  champion?: string
  info: (message: string) => void
  warn: (message: string) => void
  /** Runs the step; resolves to its duration. */
  run: () => Promise<number>
}

/**
 * The step through the cache: restore on a hit, else run it and store what it wrote. A cache that
 * cannot be read or written costs the run nothing but a warning: the step runs, the run goes on.
 */
export async function runCachedStep(options: CachedStepOptions): Promise<{ durationMs: number; cache: StepCacheRecord }> {
  const { store, key, step, roots, info, warn } = options
  if (!KEY_PATTERN.test(key)) throw new Error(`internal: malformed cache key ${key}`)
  const started = Date.now()
  const fetchDir = path.join(options.scratch, `fetch-${step.id}`)
  await mkdir(fetchDir, { recursive: true })
  try {
    let entry: string | null = null
    try {
      entry = await store.fetch(key, fetchDir)
    } catch (err) {
      warn(`step "${step.name}": the run-cache (${store.description}) could not be read (${(err as Error).message}); running the step`)
    }
    if (entry !== null) {
      const restored = await restoreEntry(entry, key, step, roots, options.champion).catch((err: Error): RestoreBlocked => ({
        blocked: `restoring it failed: ${err.message}`
      }))
      if (typeof restored !== 'string' && !('blocked' in restored)) {
        info(
          `Step ${step.name}: restored from cache ${key} (${restored.files} file${restored.files === 1 ? '' : 's'}, ${restored.bytes} bytes); the step did not run`
        )
        return { durationMs: Date.now() - started, cache: { key, restored: true } }
      }
      if (typeof restored === 'string') {
        warn(`step "${step.name}": the cache entry ${key} was not used: ${restored}; running the step`)
        await store.discard?.(key).catch(() => undefined)
      } else {
        // The entry is sound: it stays for a run whose disk can take it.
        warn(`step "${step.name}": the cache entry ${key} was not used: ${restored.blocked}; running the step`)
      }
    } else {
      info(`Step ${step.name}: no cache entry ${key}; running the step`)
    }
  } finally {
    await rm(fetchDir, { recursive: true, force: true }).catch(() => undefined)
  }
  const reportBefore = await sha256File(path.join(roots.work, '.retrain-training-report.json')).catch(() => null)
  const before = await outputSignatures(step, roots)
  const durationMs = await options.run()
  const reportAfter = await sha256File(path.join(roots.work, '.retrain-training-report.json')).catch(() => null)
  const extra = reportAfter !== null && reportAfter !== reportBefore ? [{ root: 'work' as const, path: '.retrain-training-report.json' }] : []
  const entryDir = path.join(options.scratch, `store-${step.id}`, ENTRY_DIR_NAME)
  try {
    await rm(path.dirname(entryDir), { recursive: true, force: true })
    await mkdir(entryDir, { recursive: true })
    const problem = (await unwrittenOutput(step, roots, before)) ?? (await buildEntry(entryDir, key, step, roots, options.toolVersion, extra, options.champion))
    if (problem) warn(`step "${step.name}": its outputs were not cached: ${problem}`)
    else {
      if (await store.store(key, entryDir)) info(`Step ${step.name}: outputs stored in the cache as ${key}`)
      else warn(`step "${step.name}": its outputs were not saved in the run-cache (${store.description}); the next run runs the step again`)
    }
  } catch (err) {
    warn(`step "${step.name}": its outputs could not be stored in the run-cache (${store.description}): ${(err as Error).message}`)
  } finally {
    await rm(path.dirname(entryDir), { recursive: true, force: true }).catch(() => undefined)
  }
  return { durationMs, cache: { key, restored: false } }
}

/** The environment variables a step's definition gives it: part of its key whatever `cache.env` says. */
export function definedEnvNames(specEnv: Record<string, string>, step: StepSpec): string[] {
  const names = [...Object.keys(specEnv), ...Object.keys(step.env), ...step.expressionEnv.map(e => e.name)]
  // A built-in trainer's options, and the champion it always starts from.
  if (step.uses !== undefined) names.push(ContractEnv.builtinOptions, ContractEnv.baselineDigest)
  // A step that writes the candidate ($RETRAIN_MODEL_DIR) is a training step: what it writes depends
  // on the champion it warm-starts from, so a new champion is a miss even when the step does not say so.
  if (step.cache?.outputs.some(o => o.root === 'model')) names.push(ContractEnv.baselineDigest)
  return names
}

/** What a cached step needs of the run: a structural view of run.ts's context. */
export interface CachedStepContext {
  options: { toolVersion: string; params: Record<string, ParamValue>; reporter: { info(m: string): void; warn(m: string): void } }
  spec: { root: string; env: Record<string, string> }
  data: ResolvedDataInput[]
  ws: { root: string; workDir: string; modelDir: string; scratchDir: string }
}

/** A step with `cache:` as the run records it: restored or run, with its key. */
export async function cachedStep(
  ctx: CachedStepContext,
  step: StepSpec & { cache: NonNullable<StepSpec['cache']> },
  store: StepCacheStore,
  env: Record<string, string>,
  run: () => Promise<number>
): Promise<StepRecordWithCache> {
  const { options, ws } = ctx
  const roots: CacheRoots = { project: ctx.spec.root, work: ws.workDir, model: ws.modelDir, runRoot: ws.root }
  const key = await stepCacheKey({
    step,
    toolVersion: options.toolVersion,
    params: options.params,
    env,
    definedEnv: definedEnvNames(ctx.spec.env, step),
    data: ctx.data,
    roots
  })
  const { durationMs, cache } = await runCachedStep({
    store,
    key,
    step,
    roots,
    toolVersion: options.toolVersion,
    scratch: path.join(ws.scratchDir, 'cache'),
    champion: env[ContractEnv.baselineDigest] ?? '',
    info: m => options.reporter.info(m),
    warn: m => options.reporter.warn(m),
    run
  })
  return { id: step.id, name: step.name, durationMs, outcome: 'success', cache }
}

interface StepRecordWithCache {
  id: string
  name: string
  durationMs: number
  outcome: 'success'
  cache: StepCacheRecord
}
