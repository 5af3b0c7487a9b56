/**
 * The bundle manifest: a public interface (schemas/manifest.schema.json) that other workflow steps
 * parse. Bump MANIFEST_SCHEMA_VERSION on any incompatible change.
 */

import type { DataProfile } from './profile-types.js'

export const MANIFEST_SCHEMA_VERSION = 1
/** The archive inside a bundle directory. */
export const BUNDLE_ARCHIVE = 'model.tar'
/** The manifest inside a bundle directory. */
export const BUNDLE_MANIFEST = 'manifest.json'

export interface ManifestFile {
  /** POSIX path relative to the model directory. */
  path: string
  size: number
  /** Hex sha256 of the file's bytes. */
  sha256: string
  /** File mode bits (0o755 for executables, 0o644 otherwise). */
  mode: number
}

export interface ManifestLink {
  path: string
  /** The link's target, relative and inside the model directory. */
  target: string
}

export interface DataFingerprint {
  /** sha256 over the input's sorted (path, sha256) pairs. */
  fingerprint: string
  files: { path: string; sha256: string; size: number }[]
}

export interface Lineage {
  model: string
  /** Null in a dry run, where no version is reserved. */
  version: number | null
  /** The champion version this model was warm-started from; null for a cold start. */
  parentVersion: number | null
  warmStart: WarmStartRecord
  specDigest: string
  gitCommit: string | null
  params: Record<string, string | number | boolean>
  /** The params as the training step reported it used them, when they differ from `params`. */
  reportedParams?: Record<string, string | number | boolean>
  /** Fingerprints of the data inputs used for training, by input name. */
  trainingData: Record<string, DataFingerprint>
  /** Fingerprints of the evaluation data inputs, by input name. */
  evaluationData: Record<string, DataFingerprint>
  metrics: Record<string, number | null>
  toolVersion: string
  /** Steps with `cache:`: each one's key, and whether its outputs were restored from the cache (the step did not run). */
  stepCache?: { step: string; key: string; restored: boolean }[]
  createdAt: string
  environment: {
    os: string
    arch: string
    runtimes: Record<string, string>
    /** sha256 of each lockfile the spec names, by path. */
    lockfiles: Record<string, string>
    containerImage: string | null
  }
  /** A profile of every data input the run read: what drift and champion checks compare new data with. */
  dataProfile?: DataProfile
}

export interface WarmStartRecord {
  /** `champion` when training started from the champion's state, `cold` otherwise. */
  source: 'champion' | 'cold'
  /** Why a cold start happened: `first-model`, or the reason warm start fell back. */
  reason?: string
  /**
   * For a warm start: true when training confirmed in the training report that it started from the
   * champion's bundle (its digest); false when nothing confirmed it (the step may have ignored it).
   */
  confirmed?: boolean
  /** Versions of the packages that matter, as training reported them (numpy, scikit-learn, torch). */
  packages?: Record<string, string>
}

export interface Manifest {
  schemaVersion: typeof MANIFEST_SCHEMA_VERSION
  /** sha256 over the canonical file list (path, size, sha256, mode, and links); the bundle's identity. */
  digest: string
  /** sha256 of model.tar as stored. */
  archiveSha256: string
  archiveSize: number
  files: ManifestFile[]
  links: ManifestLink[]
  lineage: Lineage
}
