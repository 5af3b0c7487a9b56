/**
 * `retrain drift`: the current data inputs against the profile in the champion's bundle, per feature
 * (drift.ts has the statistics). Reads the registry and the data; changes nothing. `retrain run`
 * uses the same comparison for `retrain-when: drift`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { InputError, IntegrityError } from '../errors.js'
import type { Registry, RegistrySnapshot } from '../ports.js'
import type { DriftSpec, ParamValue, Spec } from '../spec/types.js'
import { readManifest } from './bundle.js'
import type { Manifest } from './manifest.js'
import { compareInput, type DriftReport } from './drift.js'
import { fingerprintData, type ResolvedDataInput } from './fingerprint.js'
import type { DataProfile, InputPass } from './profile.js'
import { profileData } from './profile.js'

/**
 * The data profile in the champion's bundle: its manifest alone fetched into a scratch directory (not
 * the archive, which may be large) and checked against the digest the registry recorded. Null when
 * the bundle has no profile (made before profiles).
 */
export async function championProfile(registry: Registry, snapshot: RegistrySnapshot, scratch: string): Promise<DataProfile | null> {
  return (await championManifest(registry, snapshot, scratch)).lineage.dataProfile ?? null
}

/** The champion's manifest alone, checked against the digest the registry recorded for it. */
export async function championManifest(registry: Registry, snapshot: RegistrySnapshot, scratch: string): Promise<Manifest> {
  const version = snapshot.champion!
  const manifest = await readManifest(await registry.fetchManifest(snapshot.model, version, path.join(scratch, `champion-v${version}`)))
  const expected = snapshot.versions.find(v => v.version === version)?.digest
  if (manifest.digest !== expected) {
    throw new IntegrityError(
      `the champion's bundle (version ${version}) has digest ${manifest.digest}, but the registry recorded ${expected ?? 'none'}; its profile is not used`,
      'champion-digest-mismatch'
    )
  }
  return manifest
}

/** The drift report of the policy's inputs, from passes already made against the champion's profile. */
export function driftReport(reference: DataProfile, passes: Map<string, InputPass>, policy: DriftSpec, championVersion: number): DriftReport {
  const inputs = policy.inputs.map(name => compareInput(name, reference.inputs[name], passes.get(name)!, policy))
  return {
    // An input that could not be compared at all (not profiled on either side, or not in the
    // champion's profile) counts as drifted: data that was not compared is never "nothing drifted",
    // and a workflow that retrains when `drifted` is true retrains, as `retrain-when: drift` goes ahead.
    drifted: inputs.some(i => i.features.some(f => f.drifted) || uncompared(i)),
    championVersion,
    thresholds: { psi: policy.psi, ksP: policy.ksP, chi2P: policy.chi2P },
    inputs
  }
}

/** An input of the policy whose data could not be compared with the champion's at all. */
export function uncompared(input: { skipped?: string; features: readonly unknown[] }): boolean {
  return input.skipped !== undefined && input.features.length === 0
}

export const NO_PROFILE =
  "the champion's bundle has no data profile (it was made by a retrain-action version without profiles); the next run that stores a version records one"

/** `retrain drift`: profiles the spec's drift inputs and compares them with the champion's profile. */
export async function measureDrift(
  spec: Spec,
  registry: Registry,
  params: Record<string, ParamValue>,
  github: Record<string, unknown> = {},
  policy: DriftSpec = spec.drift
): Promise<DriftReport> {
  const snapshot = await registry.snapshot(spec.model)
  if (snapshot.champion === null) {
    throw new InputError(
      [{ message: `${spec.model} has no champion yet: there is no profile to compare the data with; run a retraining first` }],
      'no-champion'
    )
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'retrain-drift-'))
  try {
    const reference = await championProfile(registry, snapshot, scratch)
    if (reference === null) throw new InputError([{ message: NO_PROFILE }], 'no-profile')
    const all = await fingerprintData(spec.root, spec.data, { params, github })
    const data: ResolvedDataInput[] = policy.inputs.map(name => all[name]!)
    const { passes } = await profileData(spec.root, data, reference.inputs)
    return driftReport(reference, passes, policy, snapshot.champion)
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
