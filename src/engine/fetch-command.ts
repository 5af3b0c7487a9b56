/**
 * `fetch`: a registered version's model files, as a deploy job or a person needs them. The bundle is
 * fetched from the registry, verified byte for byte against its manifest while it is unpacked, and
 * the manifest's digest checked against the one the registry recorded for that version (a bundle
 * only proves it agrees with its own manifest). The files are unpacked beside the destination and
 * renamed into place at the end: the destination holds a whole verified model or nothing, whatever
 * fails or stops in between. A fetch killed outright leaves its folder beside the destination, with
 * an owner marker: the next fetch into the same folder removes it once that process is gone.
 */
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { InputError, IntegrityError } from '../errors.js'
import type { Registry } from '../ports.js'
import { prunedNote } from '../registry/retention.js'
import { preview } from '../spec/names.js'
import { unpackBundle } from './bundle.js'
import type { Lineage } from './manifest.js'
import { markOwner, ownerGone } from './workspace.js'

export interface FetchOutcome {
  model: string
  version: number
  /** Whether the version was the champion when it was fetched. */
  champion: boolean
  status: string
  /** Where its files are (absolute). */
  dir: string
  digest: string
  files: number
  links: number
  /** The files' bytes. */
  bytes: number
  lineage: Lineage
}

/**
 * Fetches `version` of `model` (default: the champion) into `dest`, which must be absent or empty.
 * `dest` may hold `{version}`, replaced by the version's number once it is known.
 */
export async function fetchVersion(registry: Registry, model: string, version: number | undefined, dest: string): Promise<FetchOutcome> {
  const snapshot = await registry.snapshot(model)
  const chosen = version ?? snapshot.champion
  if (chosen === null) {
    const known = snapshot.versions.length === 0 ? 'it has no versions' : `its versions: ${snapshot.versions.map(v => v.version).join(', ')}`
    throw new InputError([{ message: `${model} has no champion to fetch (${known}); name a version` }], 'no-champion')
  }
  const record = snapshot.versions.find(v => v.version === chosen)
  if (!record) {
    const known = snapshot.versions.map(v => v.version).join(', ') || 'none'
    throw new InputError([{ message: `${model} has no version ${chosen} (versions: ${known})` }], 'unknown-version')
  }
  const target = path.resolve(dest.replaceAll('{version}', String(chosen)))
  // Refused before anything is downloaded: a model of gigabytes would be fetched only to be thrown away.
  await emptyOrAbsent(target)

  // Downloaded and unpacked beside the destination (the same file system, so the final rename cannot
  // copy), in a folder that names its owner: what a fetch killed outright leaves, the next one removes.
  await mkdir(path.dirname(target), { recursive: true })
  await removeAbandonedPartials(path.dirname(target))
  const partial = `${target}${PARTIAL_INFIX}${randomBytes(4).toString('hex')}`
  await mkdir(partial)
  const unpacked = path.join(partial, 'model')
  try {
    await markOwner(partial)
    const manifest = await (async () => unpackBundle(await registry.fetchBundle(model, chosen, path.join(partial, 'bundle')), unpacked))().catch(
      async (err: unknown) => {
        // Pruned by retention while it was being fetched: said as such, not as the missing file or 404 it caused.
        const now = await registry.snapshot(model).then(
          s => s.versions.find(v => v.version === chosen),
          () => undefined
        )
        if (now?.pruned && !record.pruned) throw new InputError([{ message: `${model} version ${chosen}: ${prunedNote(now.pruned)}` }], 'bundle-pruned')
        throw err
      }
    )
    if (manifest.digest !== record.digest) {
      throw new IntegrityError(
        `${model} version ${chosen}'s bundle has digest ${manifest.digest}, but the registry recorded ${record.digest}: ` +
          'it was replaced after it was stored, so it is not used',
        'digest-mismatch'
      )
    }
    // rename(2) replaces an empty directory; one filled meanwhile makes it fail (ENOTEMPTY), leaving it as it was.
    await rename(unpacked, target).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOTEMPTY' || err.code === 'EEXIST' || err.code === 'ENOTDIR') await emptyOrAbsent(target)
      throw err
    })
    return {
      model,
      version: chosen,
      champion: snapshot.champion === chosen,
      status: record.status,
      dir: target,
      digest: manifest.digest,
      files: manifest.files.length,
      links: manifest.links.length,
      bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
      lineage: manifest.lineage
    }
  } finally {
    await rm(partial, { recursive: true, force: true })
  }
}

/** A fetch's folder beside its destination: the destination's name, this, and 8 hex digits. */
const PARTIAL_INFIX = '.partial-'
const PARTIAL_NAME = /\.partial-[0-9a-f]{8}$/

/**
 * Removes the folders of fetches killed outright (kill -9, a lost runner) in `dir`: those whose owner
 * marker names a process of this host that is gone. One of a live fetch, of another host, or without
 * a marker (a fetch of an earlier release of this tool) is left alone: removing a live fetch's files
 * would break it, a leftover only costs space. Never fails the fetch.
 */
async function removeAbandonedPartials(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[])
  for (const name of names.filter(n => PARTIAL_NAME.test(n))) {
    const partial = path.join(dir, name)
    if (await ownerGone(partial)) await rm(partial, { recursive: true, force: true }).catch(() => undefined)
  }
}

async function emptyOrAbsent(dir: string): Promise<void> {
  // The model is renamed into place, and a directory cannot replace a link (even to an empty directory,
  // even a dangling one): said now, rather than as ENOTDIR once the whole model was downloaded.
  if ((await lstat(dir).catch(() => null))?.isSymbolicLink()) {
    throw new InputError([{ message: `${dir} is a symbolic link; name a new or empty directory (the link's target, say)` }], 'unsafe-destination')
  }
  let names: string[]
  try {
    names = await readdir(dir)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return
    if (code === 'ENOTDIR') throw new InputError([{ message: `${dir} exists and is not a directory; name a new or empty directory` }], 'unsafe-destination')
    throw err
  }
  if (names.length > 0) {
    throw new InputError([{ message: `${dir} is not empty (${preview(names.slice(0, 3).join(', '))}); name a new or empty directory` }], 'unsafe-destination')
  }
}

/** The outcome for a person: one line, then where the model came from. */
export function renderFetch(outcome: FetchOutcome, shown: string): string {
  const { lineage } = outcome
  const lines = [
    `Fetched ${outcome.model} version ${outcome.version} (${outcome.champion ? 'the champion' : outcome.status}) into ${shown}: ` +
      `${outcome.files} file${outcome.files === 1 ? '' : 's'}${outcome.links ? `, ${outcome.links} link${outcome.links === 1 ? '' : 's'}` : ''}, ` +
      `${outcome.bytes} byte${outcome.bytes === 1 ? '' : 's'}, digest ${outcome.digest.slice(0, 12)}, verified against the registry`,
    `  trained ${lineage.createdAt}${lineage.gitCommit ? ` at commit ${lineage.gitCommit.slice(0, 12)}` : ''}, ` +
      (lineage.warmStart.source === 'champion'
        ? `warm-started from version ${lineage.parentVersion ?? '?'}`
        : `cold${lineage.warmStart.reason ? ` (${lineage.warmStart.reason})` : ''}`)
  ]
  return lines.join('\n')
}
