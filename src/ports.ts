/**
 * The engine's only view of the world. The shells (the `retrain` CLI and the GitHub Action) build
 * these and hand them in; tests pass local implementations or point the GitHub ones at loopback
 * servers.
 */

export type VersionStatus = 'candidate' | 'pending' | 'promoted' | 'rejected' | 'retired' | 'not-selected'

/** One confidence rule's evidence of a challenger, kept so `select` can correct the bounds for the whole plan. */
export interface ChallengerEvidence {
  /** The rule: its metric and its index among the metric's change rules (`accuracy#0`). */
  rule: string
  /** The rule in words, for reports. */
  text: string
  /** The margin the bound must clear (relative for relative rules). */
  margin: number
  /** The rule's own one-sided confidence. */
  confidence: number
  /** The one-sided p-value: the smallest 1 - confidence at which the bound clears the margin (1 when it never does). */
  p: number
  /** bounds[j - 1]: the lower bound at confidence 1 - (1 - confidence) / j, for j = 1 .. the plan's size; null when not computable. */
  bounds: (number | null)[]
}

/** What a version trained as a challenger of a plan carries for `select`. */
export interface ChallengerRecord {
  name: string
  /** The plan's id: a digest of the spec, the champion and the evaluation data it was compared on. */
  plan: string
  /** How many challengers the plan holds: the family the bounds are corrected for. */
  planSize: number
  params: Record<string, string | number | boolean>
  evidence: ChallengerEvidence[]
}

export interface VersionRecord {
  version: number
  status: VersionStatus
  /** The champion this version was compared with when it was trained (null: first model). */
  baselineVersion: number | null
  /** The bundle's digest (manifest.digest). */
  digest: string
  metrics: Record<string, number | null>
  /** The decision the rules reached when the version was trained. */
  decision: string
  createdAt: string
  /**
   * A digest of the evaluation data its metrics were measured on: metrics of versions evaluated on
   * different data do not compare, and status and charts keep them apart. Absent in older states.
   */
  evaluationData?: string | null
  /** Where the store keeps the bundle (a release and its assets on GitHub); the store's own business. */
  storage?: Record<string, unknown> | null
  /**
   * The versions the spec's rules pinned (`against: N`) when this version was trained. The newest
   * version's pins are kept by retention even when the spec is not read (`retrain prune --model`).
   */
  comparedWith?: number[]
  /** Set for a version trained as a named challenger of a plan (run --challenger). */
  challenger?: ChallengerRecord
  /**
   * Set once retention pruned the version's bundle: the record (status, metrics, lineage, history)
   * stays, the stored bundle is deleted for good. Such a version can never become the champion again.
   */
  pruned?: PrunedMark
}

/** When, by whom and why a version's bundle was pruned by retention. */
export interface PrunedMark {
  at: string
  actor: string
  reason: string
}

/** How many bundles retention keeps; absent counts keep every one (registry/retention.ts). */
export interface RetentionPolicy {
  /** Bundles of the newest N rejected or not-selected versions. */
  keepRejected?: number
  /** Bundles of the newest N former champions (retired), kept as rollback targets. */
  keepRetired?: number
  /** Versions kept whatever the counts say: those the spec's rules compare with (`against: N`). */
  pinned?: number[]
}

export type HistoryAction = 'registered' | 'promoted' | 'rejected' | 'pending' | 'approved' | 'rollback' | 'not-selected' | 'pruned'

export interface HistoryEvent {
  action: HistoryAction
  version: number
  /** The champion before the event. */
  from: number | null
  actor: string
  at: string
  reason: string
  /** Set when a person approved a candidate the rules had rejected. */
  forced?: boolean
  /** The workflow run that made the change (GitHub only). */
  run?: RunIdentity
}

export interface RegistrySnapshot {
  model: string
  champion: number | null
  versions: VersionRecord[]
  history: HistoryEvent[]
  /** Work that must still follow a committed change (a deploy dispatch, publishing a release). */
  effects?: Effect[]
  /** Version numbers runs hold between their reservation and their commit (runs under way, or lost). */
  reservations?: { version: number; owner: string; at: string; expires?: string }[]
}

export type EffectStatus = 'pending' | 'sending' | 'failed' | 'unconfirmed'

/** Work that must follow a committed transition; removed from the state once done. */
export interface Effect {
  id: string
  /** What to do, such as `publish-release`, `delete-release` or `dispatch`; a store or a shell performs it. */
  kind: string
  version: number
  /** What the performer needs (a release id, a workflow and ref), as JSON. */
  data: Record<string, unknown>
  status: EffectStatus
  attempts: number
  /** The last failure, said for a person. */
  error?: string
  createdAt: string
}

export type EffectInput = Pick<Effect, 'kind' | 'version' | 'data'>

export interface Who {
  actor: string
  reason: string
  /** The workflow run (and attempt) that made the change, on GitHub; a re-run finds its own earlier work by it. */
  run?: RunIdentity
}

/**
 * Which workflow step made a change: the same on every attempt of a workflow run (a re-run keeps
 * the run's id), so a re-run recognises what an earlier attempt already committed.
 */
export interface RunIdentity {
  /** The run's id, job, step and what else tells its steps apart (a challenger, the params). */
  key: string
  /** GITHUB_RUN_ATTEMPT of the attempt that made the change. */
  attempt: number
}

/** What a caller saw of a version when it decided; the transition fails if that changed since. */
export interface ExpectedVersion {
  version: number
  status: VersionStatus
}

export type Transition =
  | {
      kind: 'reserve'
      owner: string
      /** How long the reserving run can last at most (its job's time limit); absent where nothing bounds it. */
      lifetimeMs?: number
    }
  | {
      /** Gives a reserved number back (it stays used). With `owner`, only that owner's reservation: a reclaim refuses once it is gone. */
      kind: 'release-reservation'
      version: number
      owner?: string
    }
  | {
      /** The run's commit: the version appears with its decision, and a promotion moves the champion in the same write. */
      kind: 'register'
      version: number
      record: Omit<VersionRecord, 'version' | 'status'>
      status: 'candidate' | 'pending' | 'rejected' | 'promoted'
      /** For status promoted: the champion the candidate was compared with. */
      expectChampion: number | null
      who: Who
      effects: EffectInput[]
    }
  | {
      kind: 'promote'
      action: 'promoted' | 'approved' | 'rollback'
      expect: ExpectedVersion
      expectChampion: number | null
      who: Who
      /** A person's override of the rules; needs a reason. */
      forced: boolean
      effects: EffectInput[]
    }
  | { kind: 'reject'; expect: ExpectedVersion; who: Who; effects: EffectInput[] }
  | {
      /** One plan's selection: the winner promoted or gated, every other candidate of the plan not selected, in one write. */
      kind: 'select'
      winner: { expect: ExpectedVersion; status: 'promoted' | 'pending'; reason: string } | null
      others: { expect: ExpectedVersion; reason: string }[]
      /** The champion every candidate of the plan was compared with. */
      expectChampion: number | null
      who: Who
      effects: EffectInput[]
    }
  /** Effects a person asked for again (a deploy whose dispatch was lost). */
  | { kind: 'add-effects'; effects: EffectInput[] }
  | {
      /**
       * Retention: marks the bundles of `expect` as pruned (each must still be what the caller saw, and
       * still selected by `policy` in the state written), and records their deletion as effects.
       */
      kind: 'prune'
      expect: ExpectedVersion[]
      policy: RetentionPolicy
      who: Who
    }
  | { kind: 'effect'; id: string; outcome: 'done' | 'sending' | 'failed' | 'unconfirmed' | 'retry'; error?: string; patch?: Partial<VersionRecord> }

/** Performs one effect of a shell's kind; throws EffectRefusedError when nothing was done. */
export type EffectPerformer = (effect: Effect) => Promise<Partial<VersionRecord> | void>

export interface EffectReport {
  done: Effect[]
  /** Refused or failed: nothing was done; the next command tries again. */
  failed: Effect[]
  /** Perhaps done (the answer was lost): left for a person to confirm or resend. */
  unconfirmed: Effect[]
  /** Found completed by another command at the same time when this one went to record it: that command reports it. */
  completedByOthers?: Effect[]
  /**
   * Completing them stopped short with this error (after a change, the registry could not be read or
   * written): what was pending stays pending, for the next command. The change itself stands.
   */
  interrupted?: unknown
}

export type PruneStage = 'planned' | 'marked'

export interface PruneOptions {
  /** Say what would be pruned, change nothing. */
  dryRun?: boolean
  who: Who
  /**
   * Test-only: called at each point of the prune where another command may interleave: `planned`
   * (its plan made, nothing written), `marked` (its marks committed, no bundle deleted: a crash point).
   */
  atStage?: (stage: PruneStage) => Promise<void>
}

export interface PrunedBundle {
  version: number
  status: VersionStatus
  /** Why the policy prunes it (for a bundle cleaned up, when and why it was pruned). */
  why: string
  /** What its stored bundle took; null when the store could not tell. */
  bytes: number | null
}

/** What a prune did, or would do in a dry run. */
export interface PruneReport {
  model: string
  policy: RetentionPolicy
  dryRun: boolean
  /** Bundles this command pruned (or would prune): marked pruned by it, not by another prune at the same time. */
  pruned: PrunedBundle[]
  /**
   * Versions among `pruned` whose bundle another command at the same time deleted first (it found
   * them pending): that command reports the deletion and the bytes, this one does not.
   */
  deletedByOthers: number[]
  /** Bundles of versions pruned earlier whose deletion had not completed (a crash, a failure), deleted now (or would be). */
  cleanedUp: PrunedBundle[]
  /** Deletions that failed: the versions stay marked pruned, and the next command deletes their bundles. */
  failed: { version: number; error: string }[]
  /** The bytes the deleted bundles took (a dry run: would free). */
  bytesFreed: number
}

/**
 * The version registry: the state machine of registry/state-machine.ts over a store (a directory,
 * a branch and releases on GitHub). Every change is one compare-and-swap transition.
 */
export interface Registry {
  /** A short description for logs, such as the directory or the repository. */
  readonly description: string
  models(): Promise<string[]>
  snapshot(model: string): Promise<RegistrySnapshot>
  /** Copies (or downloads) the stored bundle of a version into `destDir`; returns the bundle directory. */
  fetchBundle(model: string, version: number, destDir: string): Promise<string>
  /**
   * Only the manifest of a version's stored bundle (its lineage and data profile), without the
   * archive; returns a directory holding manifest.json. Checked as the bundle's assets are.
   */
  fetchManifest(model: string, version: number, destDir: string): Promise<string>
  /** Hands out the next version number; nothing is visible until `register` commits it. */
  reserveVersion(model: string): Promise<number>
  /** Stores a stamped bundle under a reserved number; what it returns goes into the version's record. */
  storeBundle(model: string, version: number, bundleDir: string): Promise<VersionRecord['storage']>
  /** A run that stops before its commit gives its number back (unused) and removes its bundle. */
  abandonVersion(model: string, version: number): Promise<void>
  /** One compare-and-swap transition; throws (changing nothing) when a precondition does not hold. */
  apply(model: string, transition: Transition): Promise<number | null>
  /** Applies a retention policy: marks the bundles it prunes (one transition), then deletes them. */
  prune(model: string, policy: RetentionPolicy, options: PruneOptions): Promise<PruneReport>
  /**
   * Version numbers handed out and not registered: those a run still holds (it may yet commit), and
   * the highest ever handed out. A number at or below it, neither registered nor held, never will be.
   */
  reservations?(model: string): Promise<{ held: number[]; last: number }>
  /** Completes pending effects; `resend` names unconfirmed dispatches a person asked to send again. */
  settle(model: string, performers?: Record<string, EffectPerformer>, resend?: (effect: Effect) => boolean): Promise<EffectReport>
}

export interface ArtifactRef {
  name: string
  id: string
  url?: string
}

export interface ArtifactStore {
  /** Stores `files` (absolute paths under `rootDir`) as one named artifact. */
  upload(name: string, files: string[], rootDir: string): Promise<ArtifactRef>
}

export interface GateRequest {
  model: string
  candidate: number
  baseline: number | null
  reportMarkdown: string
}

export interface GateRef {
  kind: string
  /** Where a person acts on it: a URL, or the command to run. */
  where: string
}

export interface Gate {
  open(request: GateRequest): Promise<GateRef>
  /**
   * Withdraws a gate this process opened whose candidate was not recorded as pending (the run failed
   * or was cancelled before its commit, or the champion moved and the candidate was rejected), so no
   * one is asked to approve a version that cannot be promoted. Best effort; absent where a gate leaves
   * nothing behind.
   */
  close?(ref: GateRef, why: string): Promise<void>
}

/** Console or job-summary output; the engine never writes to stdout itself. */
export interface Reporter {
  info(message: string): void
  warn(message: string, where?: { file?: string; line?: number; col?: number }): void
  error(message: string, where?: { file?: string; line?: number; col?: number }): void
  /** A collapsible group (a step's log on GitHub); lines are printed as they come. */
  startGroup(title: string): void
  endGroup(): void
  /** One line of a step's live output. */
  stepOutput(step: string, stream: 'stdout' | 'stderr', line: string): void
  /** The final Markdown report (console rendering or job summary). */
  report(markdown: string): Promise<void>
  /** What the steps wrote to RETRAIN_STEP_SUMMARY, after the run (a failed one too); shells without a summary ignore it. */
  stepsSummary?(markdown: string): Promise<void>
}

export interface Clock {
  now(): Date
}

/**
 * Where the run-cache keeps step outputs by key (docs/cache.md): a directory locally, the Actions
 * cache on GitHub. An entry is a directory the engine builds and verifies; the store only moves it.
 */
export interface StepCacheStore {
  /** A short description for logs, such as the directory or "the GitHub Actions cache". */
  readonly description: string
  /**
   * The directory holding the entry stored under `key`, or null when there is none. `scratch` is an
   * empty directory the store may fill (a download); a local store may return its own entry instead,
   * which the caller only reads. Throws when the store cannot be read: the caller treats it as a miss.
   */
  fetch(key: string, scratch: string): Promise<string | null>
  /**
   * Stores the entry directory under `key`, whole or not at all (it may move `entryDir` away); an
   * entry already there is kept.
   * Resolves to false when the entry was not saved (the store has said why); throws on a failure.
   */
  store(key: string, entryDir: string): Promise<boolean>
  /** Removes an entry the caller found damaged, where the store can; a no-op elsewhere. */
  discard?(key: string): Promise<void>
}
