/**
 * The one implementation of the Registry port: the state machine over a store. A store keeps the
 * state (a directory, a branch on GitHub) and the bundles (version folders, releases); everything
 * that decides lives in state-machine.ts and here, once for every store.
 */
import { randomBytes } from 'node:crypto'
import { hostIdentity, processGone, sameProcessTable } from '../host-identity.js'
import { ExitCode, InputError, RetrainError } from '../errors.js'
import type {
  Effect,
  EffectInput,
  EffectPerformer,
  EffectReport,
  PruneOptions,
  PruneReport,
  Registry,
  RegistrySnapshot,
  RetentionPolicy,
  Transition,
  VersionRecord
} from '../ports.js'
import { PRUNE_EFFECT, prunedNote } from './retention.js'
import { APPLIED_MEMORY, addEffects, applyTransition, type RegistryState, type Reservation, type TransitionResult } from './state-machine.js'
import { pruneVersions } from './prune.js'

export interface StateRead {
  state: RegistryState
  /** What a compare-and-swap must present: a revision counter, a blob sha; null when nothing is stored yet. */
  revision: string | null
}

/** Where a registry keeps its state and bundles. */
export interface RegistryStore {
  readonly description: string
  models(): Promise<string[]>
  read(model: string): Promise<StateRead>
  /** Replaces the state only if it is still at `revision`; false when another writer came first. */
  compareAndSwap(model: string, revision: string | null, next: RegistryState, message: string): Promise<boolean>
  /** Stores a stamped bundle under a reserved number; returns what the version record keeps of where it is. */
  storeBundle(model: string, version: number, bundleDir: string): Promise<VersionRecord['storage']>
  fetchBundle(model: string, record: VersionRecord, destDir: string): Promise<string>
  /** The manifest alone, where the store can fetch less than the whole bundle. */
  fetchManifest?(model: string, record: VersionRecord, destDir: string): Promise<string>
  /**
   * Best effort: removes a bundle stored under a number that was never registered. With `record`
   * (a registered version whose bundle retention pruned): removes that version's stored bundle,
   * and throws when it could not, so that the deletion is tried again; gone already is done.
   */
  discardBundle(model: string, version: number, record?: VersionRecord): Promise<void>
  /** The bytes a registered version's stored bundle takes, or null when nothing is stored for it. */
  bundleBytes?(model: string, record: VersionRecord): Promise<number | null>
  /** Effects the store needs after a transition (publish the new champion's release, delete drafts). */
  followUps?(t: Transition, before: RegistryState, after: RegistryState): EffectInput[]
  /**
   * Why a version's bundle can no longer be fetched (a draft cleaned up), or null while it can: such a
   * version must not become the champion, whatever its status allows.
   */
  bundleGone?(model: string, record: VersionRecord): string | null
  /** Performs one of its own effects; may return a change to the version's record. */
  perform?(model: string, effect: Effect, record: VersionRecord | undefined): Promise<Partial<VersionRecord> | void>
  /** An error after which the write may or may not have landed, and reading again tells (a 5xx, a lost answer). */
  isTransient?(err: unknown): boolean
  /** The kinds `perform` handles. */
  readonly effectKinds?: readonly string[]
}

/** Bounded: each lost race means another writer succeeded, so a few rounds always suffice. */
const MAX_ATTEMPTS = 12

/** Writes that failed without an answer (or with a 5xx) are checked and retried this many times, as the API client does. */
const TRANSIENT_RETRIES = 4

/** Effects that cannot be deduplicated by the service: never repeated after an answer was lost. */
const UNREPEATABLE = new Set(['dispatch'])

/** An effect's performer says a refusal (nothing was done) by throwing this; anything else may have been done. */
export class EffectRefusedError extends Error {}

export function defaultOwner(): string {
  return `${hostIdentity()}:${process.pid}`
}

/** False only when the process is certainly gone: same host and process table (host-identity.ts), and no such pid. */
export function processAlive(host: string, pid: number): boolean {
  return !processGone(host, pid)
}

/**
 * A reservation older than this is taken for a run that died where its process cannot be checked (another
 * host, a lost runner): longer than any job may run (GitHub's self-hosted limit is 5 days).
 */
export const RESERVATION_TTL_MS = 7 * 24 * 3600 * 1000

/**
 * How long a run of a job on a GitHub-hosted runner can hold a reservation: such a job stops after
 * 6 hours of execution; an hour more covers clocks that disagree.
 */
export const GITHUB_HOSTED_RUN_LIMIT_MS = 7 * 3600 * 1000

function formatHours(ms: number): string {
  const hours = ms / 3600_000
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} days` : `${hours} hours`
}

/**
 * Why a reservation's run is taken for gone, or null while it may still commit. On this host its
 * process is checked (a killed run's number stays used, its bundle can go); elsewhere only its age
 * tells, against `ttlMs`.
 */
function reservationGone(r: Reservation, now: number, ttlMs: number): string | null {
  const expires = r.expires === undefined ? NaN : Date.parse(r.expires)
  if (now > expires) return `its run had certainly ended by ${r.expires} (the time limit of its job)`
  const at = r.owner.lastIndexOf(':')
  const host = r.owner.slice(0, at)
  const pid = Number(r.owner.slice(at + 1))
  if (at > 0 && sameProcessTable(host) && Number.isInteger(pid) && pid > 0) return processGone(host, pid) ? 'its process is gone' : null
  return now - Date.parse(r.at) > ttlMs ? `it was made more than ${formatHours(ttlMs)} ago, on a host this one cannot check` : null
}

export class VersionRegistry implements Registry {
  readonly description: string

  private readonly now: () => Date
  private readonly owner: string
  private readonly log: (message: string) => void
  private readonly retryBaseMs: number
  private readonly reservationTtlMs: number
  private readonly runLimitMs: number | null

  constructor(
    protected readonly store: RegistryStore,
    options: {
      now?: () => Date
      owner?: string
      log?: (message: string) => void
      retryBaseMs?: number
      reservationTtlMs?: number
      /**
       * The longest this writer's run can last, if something bounds it (a job on a GitHub-hosted
       * runner: GITHUB_HOSTED_RUN_LIMIT_MS). Its reservations then say when they expire, and a run
       * that finds one expired gives it back without waiting for reservationTtlMs.
       */
      runLimitMs?: number
    } = {}
  ) {
    this.reservationTtlMs = options.reservationTtlMs ?? RESERVATION_TTL_MS
    this.runLimitMs = options.runLimitMs ?? null
    this.description = store.description
    this.now = options.now ?? (() => new Date())
    this.owner = options.owner ?? defaultOwner()
    this.log = options.log ?? (() => undefined)
    this.retryBaseMs = options.retryBaseMs ?? 1000
  }

  models(): Promise<string[]> {
    return this.store.models()
  }

  async state(model: string): Promise<RegistryState> {
    return (await this.store.read(model)).state
  }

  async snapshot(model: string): Promise<RegistrySnapshot> {
    const { champion, versions, history, effects, reservations } = await this.state(model)
    return { model, champion, versions, history, effects, ...(reservations.length > 0 && { reservations }) }
  }

  async reservations(model: string): Promise<{ held: number[]; last: number }> {
    const { reservations, lastReserved } = await this.state(model)
    return { held: reservations.map(r => r.version), last: lastReserved }
  }

  async fetchBundle(model: string, version: number, destDir: string): Promise<string> {
    return await this.store.fetchBundle(model, await this.record(model, version, 'fetched'), destDir)
  }

  async fetchManifest(model: string, version: number, destDir: string): Promise<string> {
    const record = await this.record(model, version, 'fetched')
    return this.store.fetchManifest ? await this.store.fetchManifest(model, record, destDir) : await this.store.fetchBundle(model, record, destDir)
  }

  private async record(model: string, version: number, use?: 'fetched'): Promise<VersionRecord> {
    const record = (await this.state(model)).versions.find(v => v.version === version)
    if (!record) throw new RetrainError(`${model} has no version ${version} in ${this.description}`, ExitCode.badInput, 'unknown-version')
    // Marked pruned, its bundle is gone or going: never handed out, even while the deletion is pending.
    if (use && record.pruned) throw new InputError([{ message: `${model} version ${version}: ${prunedNote(record.pruned)}` }], 'bundle-pruned')
    return record
  }

  /** The stored size of a version's bundle, or null when nothing is stored (or the store cannot tell). */
  async bundleBytes(model: string, record: VersionRecord): Promise<number | null> {
    return (await this.store.bundleBytes?.(model, record)) ?? null
  }

  /** Applies a retention policy: see registry/prune.ts. */
  async prune(model: string, policy: RetentionPolicy, options: PruneOptions): Promise<PruneReport> {
    return await pruneVersions(this, model, policy, options)
  }

  /**
   * Applies a transition by compare-and-swap: read, check and change, write if the state is still
   * what was read; a lost race re-reads and re-checks. Throws what the state machine refuses.
   */
  async apply(model: string, t: Extract<Transition, { kind: 'prune' }>): Promise<number[]>
  async apply(model: string, t: Transition): Promise<number | null>
  async apply(model: string, t: Transition): Promise<TransitionResult> {
    const id = randomBytes(8).toString('hex')
    let lastError: unknown = null
    let transient = 0
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { state, revision } = await this.store.read(model).catch((err: unknown) => {
        if (transient === 0) throw err
        // A write whose answer was lost may have landed, and nothing can tell: said so, never as a plain failure.
        throw new RetrainError(
          `${describe(t, model).replace(/^retrain: /, '')} may or may not have been recorded: the answer to writing the registry state was lost ` +
            `(${errorText(lastError)}), and reading it back to tell failed (${errorText(err)}). Check the registry (command "status") before doing it again.`,
          ExitCode.conflict,
          'outcome-unknown',
          { cause: err }
        )
      })
      // A write whose answer was lost may have landed: then it is done, and must not be applied twice.
      const landed = state.applied.find(a => a.id === id)
      if (landed) {
        this.log(`the registry state of ${model} had been written (its answer was lost)`)
        return landed.result
      }
      const at = this.now().toISOString()
      const { state: applied, result } = applyTransition(state, t, at)
      if (applied === state) return result
      if (t.kind === 'promote') this.refuseWithoutBundle(model, state, t.expect.version)
      const withFollowUps = addEffects(applied, this.store.followUps?.(t, state, applied) ?? [], at)
      const next = { ...withFollowUps, applied: [...state.applied, { id, result }].slice(-APPLIED_MEMORY) }
      try {
        if (await this.store.compareAndSwap(model, revision, next, describe(t, model))) return result
      } catch (err) {
        // After a 5xx or no answer the write may have landed: the next read tells (by the id).
        if (!this.store.isTransient?.(err) || transient >= TRANSIENT_RETRIES) throw err
        lastError = err
        transient++
        this.log(`writing the registry state of ${model} failed (${(err as Error).message}); checking whether it landed`)
        await new Promise(resolve => setTimeout(resolve, this.retryBaseMs * transient ** 2))
      }
    }
    if (lastError) throw lastError
    throw new RetrainError(
      `the registry state of ${model} kept changing under this command (${MAX_ATTEMPTS} attempts); nothing was changed. Run the command again.`,
      ExitCode.conflict,
      'registry-busy'
    )
  }

  /** A champion whose bundle is gone would fail every later run: refused, changing nothing. */
  private refuseWithoutBundle(model: string, state: RegistryState, version: number): void {
    const record = state.versions.find(v => v.version === version)
    const gone = record ? this.store.bundleGone?.(model, record) : null
    if (gone) throw new InputError([{ message: `${model} version ${version} cannot become the champion: ${gone}; nothing was changed` }], 'bundle-cleaned-up')
  }

  async reserveVersion(model: string): Promise<number> {
    const now = this.now().getTime()
    for (const r of (await this.state(model)).reservations) {
      const why = reservationGone(r, now, this.reservationTtlMs)
      if (why) await this.reclaim(model, r, why)
    }
    return (await this.apply(model, { kind: 'reserve', owner: this.owner, ...(this.runLimitMs !== null && { lifetimeMs: this.runLimitMs }) }))!
  }

  /**
   * Gives back another run's reservation: first the number (only while that owner still holds it, so a
   * run registering at this moment wins and keeps its bundle), then the bundle it may have stored.
   * That run's register is refused from then on (`reservation-released`).
   */
  private async reclaim(model: string, r: Reservation, why: string): Promise<void> {
    try {
      await this.apply(model, { kind: 'release-reservation', version: r.version, owner: r.owner })
    } catch (err) {
      if (err instanceof InputError) return
      throw err
    }
    this.log(`Released version ${r.version} of ${model}, reserved by ${r.owner} at ${r.at}: ${why}`)
    await this.store.discardBundle(model, r.version).catch(err => this.log(`could not delete the bundle of version ${r.version}: ${(err as Error).message}`))
  }

  /**
   * Stores a reserved version's bundle. When storing fails because the reservation was given back
   * meanwhile (its run was taken for gone, and what it had stored was deleted under it), the error
   * says so, as register would, rather than only how the storage answered.
   */
  async storeBundle(model: string, version: number, bundleDir: string): Promise<VersionRecord['storage']> {
    try {
      return await this.store.storeBundle(model, version, bundleDir)
    } catch (err) {
      const held = await this.state(model).then(
        s => s.reservations.some(r => r.version === version),
        () => true
      )
      if (held) throw err
      throw new RetrainError(
        `${model} version ${version} is no longer reserved: its reservation was released because its run was taken for gone, and what it had stored was deleted (storing its bundle failed: ${(err as Error).message}). Nothing was registered; run again.`,
        ExitCode.conflict,
        'reservation-released'
      )
    }
  }

  /**
   * Undoes a reservation whose run ended before its commit: the bundle goes, the number stays used.
   * A commit whose answer was lost (cut by a cancellation, say) may have landed all the same: the
   * reservation is given back first, by compare-and-swap, so that such a write cannot land after it;
   * a version registered after all keeps its bundle.
   */
  async abandonVersion(model: string, version: number): Promise<void> {
    let failed: unknown = null
    try {
      await this.apply(model, { kind: 'release-reservation', version, owner: this.owner })
    } catch (err) {
      // Refused: the version was registered after all, or its reservation released by another run
      // (taken for gone). Not written (the state cannot be written now): the bundle still goes
      // unless the version is registered, and the number stays reserved until reclaimed.
      if (!(err instanceof InputError)) failed = err
      const registered = (await this.state(model)).versions.some(v => v.version === version)
      if (registered) {
        this.log(`${model} version ${version} was registered after all (the answer to its commit was lost): it keeps its bundle`)
        return
      }
    }
    await this.store.discardBundle(model, version)
    if (failed) throw failed
  }

  /**
   * Completes the pending effects of `model`: the store's own and those `performers` know. Failed
   * effects are retried; a dispatch whose answer was lost is left unconfirmed for a person, unless
   * `resend` names it.
   */
  async settle(
    model: string,
    performers: Record<string, EffectPerformer> = {},
    resend: (e: Effect) => boolean = () => false,
    only: (e: Effect) => boolean = () => true
  ): Promise<EffectReport> {
    const report: EffectReport = { done: [], failed: [], unconfirmed: [] }
    const state = await this.state(model)
    for (const effect of state.effects) {
      if (!only(effect)) continue
      // The deletion of a pruned bundle is the registry's own, for every store.
      const pruning = effect.kind === PRUNE_EFFECT
      const own = pruning || this.store.effectKinds?.includes(effect.kind)
      const performer = own ? undefined : performers[effect.kind]
      if (!own && !performer) continue
      const unrepeatable = UNREPEATABLE.has(effect.kind)
      if (unrepeatable && (effect.status === 'sending' || effect.status === 'unconfirmed') && !resend(effect)) {
        if (effect.status === 'sending')
          await this.apply(model, {
            kind: 'effect',
            id: effect.id,
            outcome: 'unconfirmed',
            error: 'a run stopped while sending it; it may or may not have been sent'
          })
        report.unconfirmed.push({ ...effect, status: 'unconfirmed' })
        continue
      }
      if (unrepeatable) await this.apply(model, { kind: 'effect', id: effect.id, outcome: 'sending' })
      try {
        const record = state.versions.find(v => v.version === effect.version)
        const patch = pruning ? await this.deletePrunedBundle(model, record) : own ? await this.store.perform!(model, effect, record) : await performer!(effect)
        const recorded = await this.apply(model, { kind: 'effect', id: effect.id, outcome: 'done', ...(patch ? { patch } : {}) })
        // Completed by another command at the same time (gone already, as this one found it): that one reports it.
        if (recorded === 0 && !unrepeatable) report.completedByOthers = [...(report.completedByOthers ?? []), effect]
        else report.done.push(effect)
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err)
        const refused = err instanceof EffectRefusedError || !unrepeatable
        await this.apply(model, { kind: 'effect', id: effect.id, outcome: refused ? 'failed' : 'unconfirmed', error: message }).catch(() => undefined)
        ;(refused ? report.failed : report.unconfirmed).push({ ...effect, error: message })
      }
    }
    return report
  }

  /**
   * Deletes a pruned version's stored bundle (again, after a crash: gone already is done). The record
   * then no longer says where a bundle is stored; a version not marked pruned is never touched.
   */
  private async deletePrunedBundle(model: string, record: VersionRecord | undefined): Promise<Partial<VersionRecord> | void> {
    if (!record?.pruned) throw new EffectRefusedError(`version ${record?.version ?? '?'} is not marked pruned; its bundle stays`)
    await this.store.discardBundle(model, record.version, record)
    return record.storage ? { storage: null } : undefined
  }
}

/** An error in a line: with the status of an HTTP answer when it has one. */
function errorText(err: unknown): string {
  const status = (err as { status?: unknown } | null)?.status
  const message = err instanceof Error ? err.message : String(err)
  return typeof status === 'number' ? `${status}: ${message}` : message
}

function describe(t: Transition, model: string): string {
  switch (t.kind) {
    case 'reserve':
      return `retrain: reserve a version of ${model}`
    case 'release-reservation':
      return `retrain: release ${model} version ${t.version}, never registered`
    case 'register':
      return `retrain: register ${model} version ${t.version} (${t.status})`
    case 'promote':
      return `retrain: ${t.action} ${model} version ${t.expect.version} (champion was ${t.expectChampion ?? 'none'})`
    case 'reject':
      return `retrain: reject ${model} version ${t.expect.version}`
    case 'select':
      return `retrain: select ${t.winner ? `${model} version ${t.winner.expect.version} (${t.winner.status})` : `no version of ${model}`}, ${t.others.length} not selected`
    case 'add-effects':
      return `retrain: ${model}: ${t.effects.map(e => `${e.kind} of version ${e.version}`).join(', ')} requested`
    case 'effect':
      return `retrain: ${model} effect ${t.id} ${t.outcome}`
    case 'prune':
      return `retrain: prune the bundles of ${model} version${t.expect.length === 1 ? '' : 's'} ${t.expect.map(e => e.version).join(', ')} (retention)`
  }
}
