/**
 * A run's scratch space: one `retrain-*` directory under the temp root (TMPDIR), holding the
 * champion's unpacked model, the candidate, the steps' shared work dir, scripts and logs, the bundle
 * and the evaluation files. It is removed when the run ends; a run killed with SIGKILL cannot do that,
 * so each workspace carries an owner marker (pid, host, start time) and the next run on the same temp
 * root removes the workspaces whose owner is gone.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { hostIdentity, processGone } from '../host-identity.js'
import path from 'node:path'
import { DiskFullError, isDiskFull } from '../errors.js'

export interface Workspace {
  root: string
  baselineDir: string
  modelDir: string
  workDir: string
  scratchDir: string
  bundleDir: string
  evalDir: string
  /**
   * The removal of killed runs' leftovers, which goes on while the run does (it never touches this
   * workspace); whoever removes the workspace awaits it first, so no run ends with it pending.
   */
  leftoversCleaned: Promise<void>
}

/** The owner marker in a workspace's root; its name starts with a dot so a listing of the root keeps to the run's own folders. */
export const OWNER_MARKER = '.retrain-owner.json'
const PREFIX = 'retrain-'
/**
 * A workspace's name as mkdtemp makes it: the prefix and six random letters or digits. Only names of
 * that shape are leftovers to look at, so other `retrain-*` folders under a shared temp root (projects,
 * caches, other tools' scratch) cost nothing, however many there are.
 */
const WORKSPACE_NAME = /^retrain-[A-Za-z0-9]{6}$/
/** How many leftovers are looked at together: their markers are read by the thread pool meanwhile. */
const CLEAN_CONCURRENCY = 8
/**
 * A leftover must be at least this old: a run that has just made its directory and not yet written
 * its marker is never mistaken for one, and clocks that disagree a little do no harm.
 */
export const LEFTOVER_MIN_AGE_MS = 60_000

interface OwnerMarker {
  pid: number
  hostname: string
  startedAt: string
  /** The run keeps its workspace (`--keep-work-dir`): it is never a leftover to clean. */
  keep?: boolean
}

export interface WorkspaceOptions {
  /** The run will keep the workspace for inspection; later runs must not remove it. */
  keep?: boolean
  /** Told about each leftover workspace of a killed run that was removed. */
  onCleaned?: (dir: string, owner: OwnerMarker) => void
  now?: () => Date
}

/**
 * Makes a new workspace under `tempRoot`, after removing the leftovers of killed runs there. A full
 * disk is a DiskFullError naming the path that could not be written.
 */
export async function makeWorkspace(tempRoot: string, options: WorkspaceOptions = {}): Promise<Workspace> {
  const now = options.now ?? (() => new Date())
  const leftoversCleaned = cleanLeftovers(tempRoot, now(), options.onCleaned).catch(() => undefined)
  let root: string | undefined
  let current = tempRoot
  try {
    root = await mkdtemp(path.join(tempRoot, PREFIX))
    current = path.join(root, OWNER_MARKER)
    const marker: OwnerMarker = { pid: process.pid, hostname: hostIdentity(), startedAt: now().toISOString(), ...(options.keep && { keep: true }) }
    await writeFile(current, JSON.stringify(marker) + '\n')
    const ws: Workspace = {
      root,
      baselineDir: path.join(root, 'baseline'),
      modelDir: path.join(root, 'model'),
      workDir: path.join(root, 'work'),
      scratchDir: path.join(root, 'scratch'),
      bundleDir: path.join(root, 'bundle'),
      evalDir: path.join(root, 'eval'),
      leftoversCleaned
    }
    for (const dir of [ws.modelDir, ws.workDir, ws.scratchDir, ws.bundleDir, ws.evalDir]) {
      current = dir
      await mkdir(dir, { recursive: true })
    }
    return ws
  } catch (err) {
    await leftoversCleaned
    if (root !== undefined) await rm(root, { recursive: true, force: true }).catch(() => undefined)
    if (isDiskFull(err)) throw new DiskFullError(current, { cause: err })
    throw err
  }
}

/** Removes the workspace and everything in it; a workspace already gone is fine. */
export async function removeWorkspace(ws: Pick<Workspace, 'root' | 'leftoversCleaned'>): Promise<void> {
  await ws.leftoversCleaned
  await rm(ws.root, { recursive: true, force: true })
}

/**
 * Removes the workspaces (`retrain-` and six letters or digits) under `tempRoot` whose marker names a
 * process on this host that no longer exists. Anything unclear (no marker, another host, a live or
 * unknown owner, too recent, kept on purpose) is left alone: removing a live run's workspace would
 * break it, a leftover only costs space.
 */
async function cleanLeftovers(tempRoot: string, now: Date, onCleaned: WorkspaceOptions['onCleaned']): Promise<void> {
  let names: string[]
  try {
    names = (await readdir(tempRoot)).filter(name => WORKSPACE_NAME.test(name))
  } catch {
    return
  }
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < names.length) await cleanIfLeftover(path.join(tempRoot, names[next++]!), now, onCleaned)
  }
  await Promise.all(Array.from({ length: Math.min(CLEAN_CONCURRENCY, names.length) }, worker))
}

async function cleanIfLeftover(dir: string, now: Date, onCleaned: WorkspaceOptions['onCleaned']): Promise<void> {
  const owner = await readMarker(path.join(dir, OWNER_MARKER))
  if (!owner || owner.keep || owner.pid === process.pid || !processGone(owner.hostname, owner.pid)) return
  const started = Date.parse(owner.startedAt)
  const since = Number.isFinite(started)
    ? started
    : await stat(dir).then(
        s => s.mtimeMs,
        () => now.getTime()
      )
  if (now.getTime() - since < LEFTOVER_MIN_AGE_MS) return
  try {
    await rm(dir, { recursive: true, force: true })
    onCleaned?.(dir, owner)
  } catch {
    // Another run may be removing it too, or it is not ours to remove: either way not this run's problem.
  }
}

async function readMarker(file: string): Promise<OwnerMarker | null> {
  try {
    const data = JSON.parse(await readFile(file, 'utf8')) as Partial<OwnerMarker>
    if (typeof data.pid !== 'number' || !Number.isInteger(data.pid) || data.pid <= 0) return null
    if (typeof data.hostname !== 'string' || typeof data.startedAt !== 'string') return null
    return { pid: data.pid, hostname: data.hostname, startedAt: data.startedAt, keep: data.keep === true }
  } catch {
    return null
  }
}

/** Writes the owner marker of this process into `dir`: see `ownerGone`. */
export async function markOwner(dir: string, now = new Date()): Promise<void> {
  const marker: OwnerMarker = { pid: process.pid, hostname: hostIdentity(), startedAt: now.toISOString() }
  await writeFile(path.join(dir, OWNER_MARKER), JSON.stringify(marker) + '\n')
}

/**
 * Whether the process that marked `dir` (markOwner) is certainly gone: its marker names this host
 * and a process that no longer exists. No marker, another host, or a live process: false.
 */
export async function ownerGone(dir: string): Promise<boolean> {
  const owner = await readMarker(path.join(dir, OWNER_MARKER))
  return owner !== null && !owner.keep && owner.pid !== process.pid && processGone(owner.hostname, owner.pid)
}
