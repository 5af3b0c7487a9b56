/**
 * The champion's unpacked directory ($RETRAIN_BASELINE_DIR) is shared with the steps, which may write
 * into it (a script that saves a checkpoint where it loaded one, a cache of compiled code). The
 * champion must still be evaluated as it is stored: otherwise a step that changed it would change
 * the baseline the candidate is judged against. So the directory is described right after unpacking
 * (each entry's type, mode, size, inode and change time: a write to a file or its metadata changes
 * its change time, which no step can set back), and before the champion is evaluated it is compared
 * with that description; when anything changed, it is unpacked again from the verified bundle.
 */
import { lstatSync, readdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { IntegrityError } from '../errors.js'
import { unpackBundle } from './bundle.js'

/** Each entry under the directory (relative POSIX path) and a description of what it is now. */
export type TreeSnapshot = Map<string, string>

/**
 * Synchronous calls: a model of 50,000 files takes a few tenths of a second so, against about two
 * seconds with a promise per entry (the snapshot is taken before each step, while nothing else runs).
 */
export async function snapshotTree(dir: string): Promise<TreeSnapshot> {
  const out: TreeSnapshot = new Map()
  // Names are read as bytes: a step may write a name that is not UTF-8, which a string could not reach again.
  const root = Buffer.from(dir.endsWith(path.sep) ? dir : dir + path.sep)
  const walk = (rel: Buffer): void => {
    for (const entry of readdirSync(Buffer.concat([root, rel]), { withFileTypes: true, encoding: 'buffer' })) {
      const child = rel.length === 0 ? entry.name : Buffer.concat([rel, SLASH, entry.name])
      const info = lstatSync(Buffer.concat([root, child]), { bigint: true })
      out.set(entryName(child), `${info.mode}:${info.size}:${info.ino}:${info.ctimeNs}`)
      if (entry.isDirectory()) walk(child)
    }
  }
  walk(Buffer.alloc(0))
  return out
}

const SLASH = Buffer.from('/')
const UTF8 = new TextDecoder('utf-8', { fatal: true })

/** A path as text: itself when it is UTF-8, else shown with U+FFFD and told apart by its bytes. */
function entryName(bytes: Buffer): string {
  try {
    return UTF8.decode(bytes)
  } catch {
    return `${bytes.toString('utf8')} (bytes ${bytes.toString('hex')})`
  }
}

/** What differs between two snapshots, as `path (changed|added|removed)`, sorted. */
export function treeChanges(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const changes: string[] = []
  for (const [entry, was] of before) {
    const now = after.get(entry)
    if (now === undefined) changes.push(`${entry} (removed)`)
    else if (now !== was) changes.push(`${entry} (changed)`)
  }
  for (const entry of after.keys()) if (!before.has(entry)) changes.push(`${entry} (added)`)
  return changes.sort()
}

/**
 * Compares `dir` with `snapshot`; when anything changed, unpacks the bundle in `bundleDir` into it
 * again (verified, as every unpacking is) and checks it is the bundle with `digest`. Returns what had
 * changed (empty when nothing did) and the snapshot of the directory as it is now.
 */
export async function restoreChangedTree(
  dir: string,
  snapshot: TreeSnapshot,
  bundleDir: string,
  digest: string
): Promise<{ changes: string[]; snapshot: TreeSnapshot }> {
  const now = await snapshotTree(dir).catch(() => new Map() as TreeSnapshot)
  const changes = treeChanges(snapshot, now)
  if (changes.length === 0) return { changes, snapshot }
  try {
    await rm(dir, { recursive: true, force: true })
    const manifest = await unpackBundle(bundleDir, dir)
    if (manifest.digest !== digest) throw new Error(`the bundle now has digest ${manifest.digest}, not ${digest}`)
  } catch (err) {
    throw new IntegrityError(
      `a step changed the champion's unpacked model in ${dir} (${preview(changes)}), and it could not be restored from the champion's bundle: ` +
        `${(err as Error).message}; nothing was promoted`,
      'baseline-changed'
    )
  }
  return { changes, snapshot: await snapshotTree(dir) }
}

/** The first few entries of a list, and how many more. */
export function preview(items: string[], shown = 5): string {
  return items.length <= shown ? items.join(', ') : `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`
}
