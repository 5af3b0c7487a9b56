/**
 * What a run learns from one pass over its data before any step: the profile its bundle will keep,
 * the checks against the champion's profile (`max-mean-shift`), and, under `retrain-when: drift`,
 * whether anything drifted since the champion was trained. run.ts only calls in.
 */
import type { Reporter } from '../ports.js'
import type { Spec } from '../spec/types.js'
import { championCheckFailures, DataCheckError, hasChampionChecks } from './data-checks.js'
import { driftReport, NO_PROFILE, uncompared } from './drift-command.js'
import type { DriftReport } from './drift.js'
import type { ResolvedDataInput } from './fingerprint.js'
import { formatNumber } from './format.js'
import type { Manifest } from './manifest.js'
import { profileData, type DataProfile } from './profile.js'

export interface RunProfile {
  profile: DataProfile
  /** The drift report under `retrain-when: drift`, when there was a champion's profile to compare with. */
  drift: DriftReport | null
}

/** Profiles the run's data (one pass), checks it against the champion's profile, and measures drift when asked. */
export async function profileRun(
  spec: Spec,
  data: ResolvedDataInput[],
  champion: { version: number; manifest: Manifest } | null,
  reporter: Reporter
): Promise<RunProfile> {
  const reference = champion?.manifest.lineage.dataProfile ?? null
  const { profile, passes } = await profileData(spec.root, data, reference?.inputs ?? {})
  if (hasChampionChecks(spec)) {
    if (reference === null)
      reporter.info(`Checks against the champion's profile (max-mean-shift) are not made: ${champion ? NO_PROFILE : 'there is no champion yet'}`)
    else {
      const failures = championCheckFailures(spec, profile, reference)
      if (failures.length > 0) throw new DataCheckError(failures)
    }
  }
  let drift: DriftReport | null = null
  if (spec.retrainWhen) {
    if (!champion) reporter.info('retrain-when: drift: there is no champion yet, so the run goes ahead')
    else if (reference === null) reporter.warn(`retrain-when: drift: ${NO_PROFILE}; the run goes ahead`)
    else {
      drift = driftReport(reference, passes, spec.retrainWhen.drift, champion.version)
      const drifted = drift.inputs.flatMap(i => i.features.filter(f => f.drifted).map(f => `${i.input}.${f.column}`))
      // An input not compared says nothing about drift: the run never skips on data it did not compare.
      const notCompared = drift.inputs.filter(uncompared)
      if (drifted.length === 0 && notCompared.length > 0) {
        reporter.warn(`retrain-when: drift: ${notCompared.map(i => `input ${i.input} is not compared (${i.skipped})`).join('; ')}; the run goes ahead`)
        drift = null
      } else reporter.info(drifted.length ? `Drift since the champion: ${drifted.join(', ')}` : 'No feature drifted since the champion was trained')
    }
  }
  return { profile, drift }
}

/** Why a run was skipped, in one sentence. */
export function skipReason(drift: DriftReport): string {
  const features = drift.inputs.flatMap(i => i.features.map(f => ({ input: i.input, f })))
  const top = features.filter(x => x.f.psi !== null).sort((a, b) => b.f.psi! - a.f.psi!)[0]
  const largest = top ? `; the largest PSI is ${formatNumber(top.f.psi)} (${top.input}.${top.f.column})` : ''
  return (
    `retrain-when: drift: no feature of ${drift.inputs.map(i => i.input).join(', ')} drifted since the champion (version ${drift.championVersion}) ` +
    `was trained (PSI ≤ ${formatNumber(drift.thresholds.psi)}, KS p ≥ ${formatNumber(drift.thresholds.ksP)}, chi-square p ≥ ${formatNumber(drift.thresholds.chi2P)})${largest}; no step ran, nothing changed`
  )
}
