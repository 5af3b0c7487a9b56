/**
 * The engine's only view of the world. The shells (the `retrain` CLI and the GitHub Action) build
 * these and hand them in; tests pass local implementations or point the GitHub ones at loopback
 * servers.
 */
export type VersionStatus = 'candidate' | 'pending' | 'promoted' | 'rejected' | 'retired'

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
}

export type HistoryAction = 'registered' | 'promoted' | 'rejected' | 'pending' | 'approved' | 'rollback'

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
}

export interface RegistrySnapshot {
  model: string
  champion: number | null
  versions: VersionRecord[]
  history: HistoryEvent[]
}

export interface Registry {
  /** A short description for logs, such as the directory or the repository. */
  readonly description: string
  models(): Promise<string[]>
  snapshot(model: string): Promise<RegistrySnapshot>
  /** Copies (or downloads) the stored bundle of a version into `destDir`; returns the bundle directory. */
  fetchBundle(model: string, version: number, destDir: string): Promise<string>
  /**
   * Reserves the next version number and stores the bundle in `bundleDir` under it, atomically: the
   * version either exists whole or not at all. `stamp` receives the reserved number and must finish the
   * bundle directory (the manifest's lineage carries the version).
   */
  addVersion(
    model: string,
    record: Omit<VersionRecord, 'version'>,
    stamp: (version: number) => Promise<string>,
    event: Omit<HistoryEvent, 'version' | 'from' | 'at'>
  ): Promise<number>
  /**
   * Moves the champion pointer to `version` if, and only if, it still points at `expectChampion`
   * (compare-and-swap; throws StaleBaselineError otherwise). One atomic write; appends `event`.
   */
  promote(model: string, version: number, expectChampion: number | null, event: Omit<HistoryEvent, 'version' | 'from' | 'at'>): Promise<void>
  /** Changes a version's status (pending, rejected) and appends `event`; the champion is untouched. */
  setStatus(model: string, version: number, status: VersionStatus, event: Omit<HistoryEvent, 'version' | 'from' | 'at'>): Promise<void>
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
}

export interface Clock {
  now(): Date
}

