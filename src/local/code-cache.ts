/**
 * The CLI's code cache. Node 20 keeps no compiled code between runs of an ES module, so most of a
 * short command's time went to parsing and compiling the code it loads. The build therefore also
 * writes the whole CLI as one script, `dist/cli-script.cjs`, which this module runs through
 * `vm.Script` with V8's code cache: the first run of a command compiles the script and, once the
 * command is done (with every function it used compiled), stores V8's cached data; later runs of
 * that command hand the data back to V8 and skip most parsing and compiling.
 *
 * The cache is per user: `$RETRAIN_COMPILE_CACHE`, else `$XDG_CACHE_HOME/retrain/code-cache`, else
 * `~/.cache/retrain/code-cache`, never a folder other users can write. Its files are named by the
 * script's SHA-256, the Node version and architecture, and the command (`run`, `validate`...; other
 * arguments share one file). A file holds a checksum of its data; one whose checksum does not match,
 * or that V8 refuses (another V8 or other flags), is ignored and rewritten. Files are written to a
 * temporary name and renamed, so concurrent first runs each leave a whole file; a folder that cannot
 * be written only means no cache. `RETRAIN_NO_COMPILE_CACHE=1` turns it off (the script is then
 * compiled on each run), and `RETRAIN_DEBUG_COMPILE_CACHE=1` says on stderr what the cache did.
 *
 * Without the script beside the CLI (a copy of `cli.js` and `chunks/` alone) the CLI loads its split
 * ES module chunks instead, as before.
 */
import { createHash, randomBytes } from 'node:crypto'
import {
  accessSync,
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

/** The script the build writes beside `cli.js`. */
export const CLI_SCRIPT = 'cli-script.cjs'

/** The parameters the script's code sees; `__retrainCliUrl` stands for `import.meta.url` (the build defines it so). */
const HEAD = '(function (exports, require, module, __filename, __dirname, __retrainCliUrl) {'
const TAIL = '\n})'

/** A cache file: this header, a flag byte (1: written after a command that succeeded), SHA-256 of the data, V8's data. */
const MAGIC = Buffer.from('retrain code cache 1\n')
const HASH_BYTES = 32

/** The commands that get a cache file of their own; anything else shares `other`. */
const COMMANDS = new Set([
  'run',
  'validate',
  'plan',
  'select',
  'status',
  'promote',
  'approve',
  'reject',
  'rollback',
  'fetch',
  'prune',
  'compare',
  'drift',
  'train',
  'evaluate'
])

/** When a cache file is written, those of other builds or Node versions older than this are removed, and temporary files of an hour. */
const STALE_MS = 30 * 24 * 3600 * 1000
const STALE_TEMP_MS = 3600 * 1000
/** The other builds whose files are kept (the most recently written ones). */
const OTHER_BUILDS = 2

export type RunCli = (argv: string[]) => Promise<number>

export interface ScriptCli {
  runCli: RunCli
  /** Stores the compiled code when the cache missed (or came from a failed command and this one succeeded). */
  done(exitCode: number): void
}

/** The cache folder, or null when the cache is off or there is no place for it. */
export function codeCacheDir(env: NodeJS.ProcessEnv): string | null {
  const off = env.RETRAIN_NO_COMPILE_CACHE
  if (off !== undefined && off !== '' && off !== '0') return null
  if (env.RETRAIN_COMPILE_CACHE) return path.resolve(env.RETRAIN_COMPILE_CACHE)
  const xdg = env.XDG_CACHE_HOME
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'retrain', 'code-cache')
  let home: string
  try {
    home = os.homedir()
  } catch {
    return null
  }
  return home && path.isAbsolute(home) ? path.join(home, '.cache', 'retrain', 'code-cache') : null
}

type Found = { data: Buffer; succeeded: boolean } | 'missing' | 'damaged'

function readCache(file: string): Found {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch {
    return 'missing'
  }
  const start = MAGIC.length + 1 + HASH_BYTES
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'damaged'
  const data = bytes.subarray(start)
  const hash = createHash('sha256').update(data).digest()
  if (!hash.equals(bytes.subarray(MAGIC.length + 1, start))) return 'damaged'
  return { data, succeeded: bytes[MAGIC.length] === 1 }
}

/** Writes the file whole or not at all: a temporary name in the same folder, then a rename. */
function writeCache(file: string, key: string, produce: () => Buffer, succeeded: boolean): void {
  const dir = path.dirname(file)
  // The folder first: where it cannot be made, V8 is not asked to serialize anything.
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  accessSync(dir, constants.W_OK)
  const data = produce()
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
  try {
    writeFileSync(temp, Buffer.concat([MAGIC, Buffer.from([succeeded ? 1 : 0]), createHash('sha256').update(data).digest(), data]), { mode: 0o600 })
    renameSync(temp, file)
  } catch (err) {
    rmSync(temp, { force: true })
    throw err
  }
  pruneStale(dir, key)
}

/**
 * Removes temporary files of an hour, the files of other builds (or Node versions) not written for
 * STALE_MS, and those of all but the OTHER_BUILDS other builds written last: a folder holds the files
 * of a few builds at most (each upgrade, or each build of a developer's checkout, brings new ones),
 * while switching between two versions keeps both.
 */
function pruneStale(dir: string, key: string): void {
  const now = Date.now()
  const builds = new Map<string, { newest: number; files: string[] }>()
  for (const name of readdirSync(dir)) {
    const temp = name.endsWith('.tmp')
    if (name.startsWith(`${key}-`) && !temp) continue
    const file = path.join(dir, name)
    try {
      const age = now - statSync(file).mtimeMs
      if (age > (temp ? STALE_TEMP_MS : STALE_MS)) rmSync(file, { force: true })
      else if (!temp) {
        const build = name.slice(0, Math.max(0, name.indexOf('-')))
        const entry = builds.get(build) ?? { newest: -Infinity, files: [] }
        entry.newest = Math.max(entry.newest, now - age)
        entry.files.push(file)
        builds.set(build, entry)
      }
    } catch {
      // Another process removed it first.
    }
  }
  const older = [...builds.values()].sort((a, b) => b.newest - a.newest).slice(OTHER_BUILDS)
  for (const { files } of older) for (const file of files) rmSync(file, { force: true })
}

/**
 * What names the script's cache files: the SHA-256 of its text, which the build writes in its last
 * line (hashing 1.4 MB here would take a few milliseconds of every start), with the file's size and
 * modification time, so that an edited script gets new files; and the Node version and architecture.
 * A script without that line (not written by the build) is hashed here.
 */
function cacheKey(source: Buffer, stamp: string): string {
  const tail = source.subarray(Math.max(0, source.length - 100)).toString('latin1')
  const built = /\n\/\/ retrain-script-sha256=([0-9a-f]{64})\n?$/.exec(tail)?.[1]
  const content = built ?? createHash('sha256').update(source).digest('hex')
  return createHash('sha256').update(`${content}\0${stamp}\0${process.version}\0${process.arch}`).digest('hex').slice(0, 32)
}

/** The script's text and, from the same open file, its size and modification time. */
function readScript(file: string): { source: Buffer; stamp: string } | null {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return null
  }
  try {
    const stat = fstatSync(fd)
    return { source: readFileSync(fd), stamp: `${stat.size}:${stat.mtimeMs}` }
  } finally {
    closeSync(fd)
  }
}

/**
 * The CLI from `cli-script.cjs` beside `entryUrl`, compiled with the cached code when there is
 * some; null when the script is not there.
 */
export function loadScriptCli(entryUrl: string, argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ScriptCli | null {
  const scriptFile = fileURLToPath(new URL(CLI_SCRIPT, entryUrl))
  const read = readScript(scriptFile)
  if (read === null) return null
  const { source, stamp } = read
  const debug = env.RETRAIN_DEBUG_COMPILE_CACHE !== undefined && env.RETRAIN_DEBUG_COMPILE_CACHE !== '' && env.RETRAIN_DEBUG_COMPILE_CACHE !== '0'
  const say = (message: string) => {
    if (debug) process.stderr.write(`code cache: ${message}\n`)
  }
  const dir = codeCacheDir(env)
  const command = argv[0] !== undefined && COMMANDS.has(argv[0]) ? argv[0] : 'other'
  const key = dir === null ? '' : cacheKey(source, stamp)
  const file = dir === null ? null : path.join(dir, `${key}-${command}.bin`)
  const found: Found = file === null ? 'missing' : readCache(file)
  const cachedData = typeof found === 'object' ? found.data : undefined

  const script = new vm.Script(HEAD + source.toString('utf8') + TAIL, { filename: scriptFile, ...(cachedData && { cachedData }) })
  const state = file === null ? 'off' : found === 'missing' ? 'miss' : found === 'damaged' ? 'damaged' : script.cachedDataRejected ? 'rejected' : 'hit'
  say(file === null ? 'off' : `${state} ${file}`)

  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  const module = { exports: {} as { runCli?: RunCli } }
  wrapper.call(module.exports, module.exports, createRequire(scriptFile), module, scriptFile, path.dirname(scriptFile), entryUrl)
  const runCli = module.exports.runCli
  if (typeof runCli !== 'function') throw new Error(`${scriptFile} does not define the CLI: rebuild it (npm run build)`)

  return {
    runCli,
    done(exitCode) {
      if (file === null) return
      const succeeded = exitCode === 0
      const stale = state !== 'hit' || (typeof found === 'object' && !found.succeeded && succeeded)
      if (!stale) return
      try {
        writeCache(file, key, () => script.createCachedData(), succeeded)
        say(`written ${file}`)
      } catch (err) {
        // A read-only or full disk: the next run compiles again, nothing else changes.
        say(`not written: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
  }
}
