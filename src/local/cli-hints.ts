/**
 * What the CLI adds for a person at a terminal, found by using it as a new user would: a --out that
 * is a file, a status of a model the registry does not hold, how to repair a damaged bundle.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../errors.js'
import { closest } from '../suggest.js'

function outError(message: string, command: string): InputError {
  return new InputError([{ message: `${message}\nRun "retrain ${command} --help" for usage.` }], 'usage')
}

/**
 * `--out` must be a directory or become one: a path that is a file, or lies under one, is refused
 * before anything runs (it failed after training, with exit 1).
 */
export function checkOutDir(out: string): void {
  for (let dir = path.resolve(out); ; dir = path.dirname(dir)) {
    let kind: ReturnType<typeof statSync> | undefined
    try {
      kind = statSync(dir, { throwIfNoEntry: false })
    } catch {
      kind = undefined // ENOTDIR: a file above it; the walk up finds it
    }
    if (kind) {
      if (!kind.isDirectory())
        throw outError(`--out ${out}: ${dir === path.resolve(out) ? 'is a file' : `${dir} is a file`}, not a directory for the run's outputs`, 'run')
      return
    }
    if (path.dirname(dir) === dir) return
  }
}

/**
 * Status of a model with no version: where it looked, and the models that registry does hold, so a
 * misspelt --model or a registry in another folder (it is relative to the current one) is plain.
 */
export function emptyRegistryNote(model: string, dir: string): string {
  let models: string[] = []
  try {
    models = readdirSync(dir, { withFileTypes: true })
      .filter(e => e.isDirectory() && existsSync(path.join(dir, e.name, 'registry.json')))
      .map(e => e.name)
  } catch {
    // No registry folder at all: said below.
  }
  const others = models.filter(m => m !== model)
  return (
    `No version of ${model} in the registry ${dir}` +
    (others.length
      ? ` (it holds ${others.map(m => `"${m}"`).join(', ')}${closest(model, others) ? `; did you mean "${closest(model, others)}"?` : ''})`
      : models.length
        ? ''
        : ' (no model there yet)')
  )
}

/** `1 step`, `3 steps`. */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`

/** What to do about a bundle or registry state that failed verification (README, Troubleshooting). */
export const INTEGRITY_HINT =
  'Nothing was changed. To repair a damaged bundle, copy model.tar and manifest.json back from the bundle/ folder of the run that ' +
  'stored that version (.retrain/runs/<model>/<time>/), or roll back to an earlier champion: see "A bundle failed verification (exit 6)" ' +
  "in the README's Troubleshooting."

/** What to do about a candidate that cannot be packed: the training step wrote it so, no bundle is damaged. */
export const MODEL_NOT_PACKABLE_HINT =
  'Nothing was changed: no bundle is damaged, but the candidate cannot be stored as the training steps wrote it to $RETRAIN_MODEL_DIR; ' +
  'change what they write there (copy files instead of linking to $RETRAIN_BASELINE_DIR or elsewhere).'
