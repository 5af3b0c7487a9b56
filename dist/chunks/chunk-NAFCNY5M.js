import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  PRUNE_EFFECT,
  describePolicy,
  pruneSelection,
  prunedNote,
  whyKept
} from "./chunk-Y5FENO7Y.js";
import {
  hostIdentity,
  processGone,
  sameProcessTable
} from "./chunk-3ETRHALN.js";
import {
  ExitCode,
  InputError,
  RetrainError,
  StaleBaselineError
} from "./chunk-OLTTSRKB.js";

// src/registry/state-machine.ts
import { randomBytes } from "node:crypto";
var APPLIED_MEMORY = 64;
function emptyState(model) {
  return { model, champion: null, versions: [], history: [], lastReserved: 0, reservations: [], effects: [], applied: [] };
}
function normalizeState(model, raw) {
  const versions = raw.versions ?? [];
  return {
    model,
    champion: raw.champion ?? null,
    versions,
    history: raw.history ?? [],
    lastReserved: Math.max(raw.lastReserved ?? 0, ...versions.map((v) => v.version)),
    reservations: raw.reservations ?? [],
    effects: raw.effects ?? [],
    applied: raw.applied ?? []
  };
}
var VersionChangedError = class extends RetrainError {
  constructor(model, expected, actual, by) {
    const now = actual ? actual.status : "gone";
    const how = by ? ` (${by.action} by ${by.actor} at ${by.at})` : "";
    super(
      `version ${expected.version} of ${model} was ${expected.status} when this command read it, but it is ${now} now${how}; nothing was changed. Look at the status and decide again.`,
      ExitCode.conflict,
      "version-changed"
    );
  }
};
var PROMOTABLE = {
  promoted: ["candidate", "pending", "rejected", "not-selected"],
  approved: ["candidate", "pending", "rejected", "not-selected"],
  rollback: ["retired"]
};
function refuse(message, reason) {
  throw new InputError([{ message }], reason);
}
function checkExpected(state, expect) {
  const record = state.versions.find((v) => v.version === expect.version);
  if (!record || record.status !== expect.status) {
    throw new VersionChangedError(
      state.model,
      expect,
      record,
      state.history.findLast((e) => e.version === expect.version)
    );
  }
  return record;
}
function effectsFrom(inputs, at) {
  return inputs.map((e) => ({ ...e, id: `${e.kind}-${e.version}-${randomBytes(4).toString("hex")}`, status: "pending", attempts: 0, createdAt: at }));
}
function addEffects(state, inputs, at) {
  return inputs.length ? { ...state, effects: [...state.effects, ...effectsFrom(inputs, at)] } : state;
}
function event(state, version, action, who, at, forced = false) {
  return {
    action,
    version,
    from: state.champion,
    actor: who.actor,
    at,
    reason: who.reason,
    ...forced ? { forced } : {},
    ...who.run ? { run: who.run } : {}
  };
}
function moveChampion(versions, from, to) {
  return versions.map(
    (v) => v.version === to ? { ...v, status: "promoted" } : v.version === from && from !== to ? { ...v, status: "retired" } : v
  );
}
function applyTransition(state, t, at) {
  switch (t.kind) {
    case "reserve": {
      const version = state.lastReserved + 1;
      return {
        state: {
          ...state,
          lastReserved: version,
          reservations: [
            ...state.reservations,
            { version, owner: t.owner, at, ...t.lifetimeMs !== void 0 && { expires: new Date(Date.parse(at) + t.lifetimeMs).toISOString() } }
          ]
        },
        result: version
      };
    }
    case "release-reservation":
      if (t.owner !== void 0 && !state.reservations.some((r) => r.version === t.version && r.owner === t.owner)) {
        refuse(`${state.model} version ${t.version} is no longer reserved by ${t.owner}`, "reservation-changed");
      }
      return { state: { ...state, reservations: state.reservations.filter((r) => r.version !== t.version) }, result: null };
    case "register": {
      if (state.versions.some((v) => v.version === t.version)) refuse(`${state.model} version ${t.version} is registered already`, "already-registered");
      if (t.version > state.lastReserved) refuse(`${state.model} version ${t.version} was never reserved`, "not-reserved");
      if (!state.reservations.some((r) => r.version === t.version)) {
        throw new RetrainError(
          `${state.model} version ${t.version} is no longer reserved: its reservation was released because its run was taken for gone, and its stored bundle was deleted. Nothing was registered; run again.`,
          ExitCode.conflict,
          "reservation-released"
        );
      }
      const reservations = state.reservations.filter((r) => r.version !== t.version);
      const record = { ...t.record, version: t.version, status: t.status === "promoted" ? "candidate" : t.status };
      let versions = [...state.versions, record];
      const history = [
        ...state.history,
        event(state, t.version, t.status === "candidate" ? "registered" : t.status === "promoted" ? "registered" : t.status, t.who, at)
      ];
      let champion = state.champion;
      if (t.status === "promoted") {
        if (state.champion !== t.expectChampion) throw new StaleBaselineError(state.model, t.expectChampion, state.champion);
        versions = moveChampion(versions, state.champion, t.version);
        history.push(event(state, t.version, "promoted", t.who, at));
        champion = t.version;
      }
      return { state: { ...state, champion, versions, history, reservations, effects: addEffects(state, t.effects, at).effects }, result: t.version };
    }
    case "promote": {
      const record = checkExpected(state, t.expect);
      if (state.champion === record.version) refuse(`version ${record.version} is already the champion of ${state.model}`, "already-champion");
      if (record.pruned)
        refuse(`${state.model} version ${record.version} cannot become the champion: ${prunedNote(record.pruned)}; nothing was changed`, "bundle-pruned");
      if (!PROMOTABLE[t.action].includes(record.status)) {
        if (t.action === "rollback")
          refuse(`version ${record.version} was never promoted (${record.status}); roll back only to an earlier champion`, "never-promoted");
        refuse(`version ${record.version} was already promoted; roll back to make it the champion again`, "already-promoted");
      }
      if (state.champion !== t.expectChampion) throw new StaleBaselineError(state.model, t.expectChampion, state.champion);
      const forced = record.status === "rejected" || record.status === "not-selected";
      if (forced && (!t.forced || !t.who.reason.trim())) {
        const refusal = state.history.findLast((e) => e.version === record.version && (e.action === "rejected" || e.action === "not-selected"));
        const why = refusal ? ` by ${refusal.actor}${refusal.reason ? ` (${refusal.reason})` : ""}` : "";
        refuse(`version ${record.version} was ${record.status}${why}; only a forced approval with a reason can promote it`, "rejected-candidate");
      }
      const versions = moveChampion(state.versions, state.champion, record.version);
      const history = [...state.history, event(state, record.version, t.action, t.who, at, forced)];
      return { state: { ...state, champion: record.version, versions, history, effects: addEffects(state, t.effects, at).effects }, result: record.version };
    }
    case "reject": {
      const record = checkExpected(state, t.expect);
      if (record.status !== "pending" && record.status !== "candidate") {
        refuse(`version ${record.version} is ${record.status}; only a pending candidate can be rejected`, "not-pending");
      }
      const versions = state.versions.map((v) => v.version === record.version ? { ...v, status: "rejected" } : v);
      const history = [...state.history, event(state, record.version, "rejected", t.who, at)];
      return { state: { ...state, versions, history, effects: addEffects(state, t.effects, at).effects }, result: record.version };
    }
    case "select": {
      if (state.champion !== t.expectChampion) throw new StaleBaselineError(state.model, t.expectChampion, state.champion);
      const all = [...t.winner ? [t.winner] : [], ...t.others];
      for (const e of all) {
        const record = checkExpected(state, e.expect);
        if (record.status !== "candidate") refuse(`version ${record.version} is ${record.status}; only candidates can be selected`, "not-candidate");
      }
      const others = new Map(t.others.map((o) => [o.expect.version, o.reason]));
      let versions = state.versions.map((v) => others.has(v.version) ? { ...v, status: "not-selected" } : v);
      const history = [...state.history, ...t.others.map((o) => event(state, o.expect.version, "not-selected", { ...t.who, reason: o.reason }, at))];
      let champion = state.champion;
      if (t.winner) {
        const { version } = t.winner.expect;
        history.push(event(state, version, t.winner.status, { ...t.who, reason: t.winner.reason }, at));
        if (t.winner.status === "promoted") {
          versions = moveChampion(versions, state.champion, version);
          champion = version;
        } else {
          versions = versions.map((v) => v.version === version ? { ...v, status: "pending" } : v);
        }
      }
      return { state: { ...state, champion, versions, history, effects: addEffects(state, t.effects, at).effects }, result: t.winner?.expect.version ?? null };
    }
    case "add-effects":
      return { state: addEffects(state, t.effects, at), result: null };
    case "prune": {
      const selected = new Set(pruneSelection(state, t.policy).map((c) => c.version));
      const marking = [];
      for (const e of t.expect) {
        const record = checkExpected(state, e);
        if (record.pruned) continue;
        if (!selected.has(record.version)) {
          refuse(
            `${state.model} version ${record.version} is no longer pruned by the policy: ${whyKept(state, t.policy, record)}; nothing was pruned`,
            "not-prunable"
          );
        }
        marking.push(record.version);
      }
      if (marking.length === 0) return { state, result: [] };
      const mark = { at, actor: t.who.actor, reason: t.who.reason };
      const versions = state.versions.map((v) => marking.includes(v.version) ? { ...v, pruned: mark } : v);
      const history = [...state.history, ...marking.map((v) => event(state, v, "pruned", t.who, at))];
      const effects = addEffects(
        state,
        marking.map((version) => ({ kind: PRUNE_EFFECT, version, data: {} })),
        at
      ).effects;
      return { state: { ...state, versions, history, effects }, result: marking };
    }
    case "effect": {
      const effect = state.effects.find((e) => e.id === t.id);
      if (!effect) return { state, result: 0 };
      const versions = t.patch ? state.versions.map((v) => v.version === effect.version ? { ...v, ...t.patch, version: v.version } : v) : state.versions;
      const outcome = t.outcome;
      const effects = outcome === "done" ? state.effects.filter((e) => e.id !== t.id) : state.effects.map(
        (e) => e.id === t.id ? {
          ...e,
          status: outcome === "retry" ? "pending" : outcome,
          attempts: e.attempts + (outcome === "sending" ? 1 : 0),
          ...t.error !== void 0 ? { error: t.error } : {}
        } : e
      );
      return { state: { ...state, versions, effects }, result: 1 };
    }
  }
}

// src/registry/version-registry.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/registry/prune.ts
var MAX_PLANS = 4;
async function pruneVersions(registry, model, policy, options) {
  const report = { model, policy, dryRun: Boolean(options.dryRun), pruned: [], deletedByOthers: [], cleanedUp: [], failed: [], bytesFreed: 0 };
  for (let plan = 1; ; plan++) {
    const state = await registry.state(model);
    const chosen = [];
    for (const c of pruneSelection(state, policy)) {
      const bytes = await registry.bundleBytes(
        model,
        state.versions.find((v) => v.version === c.version)
      );
      if (bytes !== null) chosen.push({ ...c, bytes });
    }
    if (options.dryRun) {
      report.pruned = chosen;
      report.cleanedUp = await leftovers(registry, model, state.effects);
      report.bytesFreed = sum([...report.pruned, ...report.cleanedUp]);
      return report;
    }
    if (chosen.length === 0) break;
    await options.atStage?.("planned");
    try {
      const marked = await registry.apply(model, {
        kind: "prune",
        expect: chosen.map((c) => ({ version: c.version, status: c.status })),
        policy,
        who: { actor: options.who.actor, reason: options.who.reason || describePolicy(policy) }
      });
      report.pruned = chosen.filter((c) => marked.includes(c.version));
      break;
    } catch (err) {
      if (!(err instanceof InputError || err instanceof VersionChangedError) || plan >= MAX_PLANS) throw err;
    }
  }
  await options.atStage?.("marked");
  try {
    return await deleteMarked(registry, model, report);
  } catch (err) {
    if (report.pruned.length === 0) throw err;
    const error = `its deletion was not reached (${err instanceof Error ? err.message : String(err)})`;
    report.failed = report.pruned.map((p) => ({ version: p.version, error }));
    return report;
  }
}
async function deleteMarked(registry, model, report) {
  const state = await registry.state(model);
  const mine = new Set(report.pruned.map((p) => p.version));
  const earlier = await leftovers(
    registry,
    model,
    state.effects.filter((e) => !mine.has(e.version))
  );
  const sizes = new Map([...report.pruned, ...earlier].map((p) => [p.version, p.bytes]));
  const settled = await registry.settle(model, {}, void 0, (e) => e.kind === PRUNE_EFFECT);
  const done = new Set(settled.done.map((e) => e.version));
  report.cleanedUp = earlier.filter((p) => done.has(p.version));
  report.failed = [...settled.failed, ...settled.unconfirmed].map((e) => ({ version: e.version, error: e.error ?? "unknown" }));
  const failed = new Set(report.failed.map((f) => f.version));
  report.deletedByOthers = report.pruned.map((p) => p.version).filter((v) => !done.has(v) && !failed.has(v));
  report.bytesFreed = [...sizes].filter(([v]) => done.has(v)).reduce((n, [, b]) => n + (b ?? 0), 0);
  return report;
}
async function leftovers(registry, model, effects) {
  const state = await registry.state(model);
  const out = [];
  for (const e of effects) {
    const record = state.versions.find((v) => v.version === e.version);
    if (e.kind !== PRUNE_EFFECT || !record?.pruned) continue;
    out.push({
      version: record.version,
      status: record.status,
      why: `pruned on ${record.pruned.at.slice(0, 10)}; its deletion had not completed`,
      bytes: await registry.bundleBytes(model, record)
    });
  }
  return out;
}
function sum(bundles) {
  return bundles.reduce((n, p) => n + (p.bytes ?? 0), 0);
}

// src/registry/version-registry.ts
var MAX_ATTEMPTS = 12;
var TRANSIENT_RETRIES = 4;
var UNREPEATABLE = /* @__PURE__ */ new Set(["dispatch"]);
var EffectRefusedError = class extends Error {
};
function defaultOwner() {
  return `${hostIdentity()}:${process.pid}`;
}
function processAlive(host, pid) {
  return !processGone(host, pid);
}
var RESERVATION_TTL_MS = 7 * 24 * 3600 * 1e3;
var GITHUB_HOSTED_RUN_LIMIT_MS = 7 * 3600 * 1e3;
function formatHours(ms) {
  const hours = ms / 36e5;
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} days` : `${hours} hours`;
}
function reservationGone(r, now, ttlMs) {
  const expires = r.expires === void 0 ? NaN : Date.parse(r.expires);
  if (now > expires) return `its run had certainly ended by ${r.expires} (the time limit of its job)`;
  const at = r.owner.lastIndexOf(":");
  const host = r.owner.slice(0, at);
  const pid = Number(r.owner.slice(at + 1));
  if (at > 0 && sameProcessTable(host) && Number.isInteger(pid) && pid > 0) return processGone(host, pid) ? "its process is gone" : null;
  return now - Date.parse(r.at) > ttlMs ? `it was made more than ${formatHours(ttlMs)} ago, on a host this one cannot check` : null;
}
var VersionRegistry = class {
  constructor(store, options = {}) {
    this.store = store;
    this.reservationTtlMs = options.reservationTtlMs ?? RESERVATION_TTL_MS;
    this.runLimitMs = options.runLimitMs ?? null;
    this.description = store.description;
    this.now = options.now ?? (() => /* @__PURE__ */ new Date());
    this.owner = options.owner ?? defaultOwner();
    this.log = options.log ?? (() => void 0);
    this.retryBaseMs = options.retryBaseMs ?? 1e3;
  }
  store;
  description;
  now;
  owner;
  log;
  retryBaseMs;
  reservationTtlMs;
  runLimitMs;
  models() {
    return this.store.models();
  }
  async state(model) {
    return (await this.store.read(model)).state;
  }
  async snapshot(model) {
    const { champion, versions, history, effects, reservations } = await this.state(model);
    return { model, champion, versions, history, effects, ...reservations.length > 0 && { reservations } };
  }
  async reservations(model) {
    const { reservations, lastReserved } = await this.state(model);
    return { held: reservations.map((r) => r.version), last: lastReserved };
  }
  async fetchBundle(model, version, destDir) {
    return await this.store.fetchBundle(model, await this.record(model, version, "fetched"), destDir);
  }
  async fetchManifest(model, version, destDir) {
    const record = await this.record(model, version, "fetched");
    return this.store.fetchManifest ? await this.store.fetchManifest(model, record, destDir) : await this.store.fetchBundle(model, record, destDir);
  }
  async record(model, version, use) {
    const record = (await this.state(model)).versions.find((v) => v.version === version);
    if (!record) throw new RetrainError(`${model} has no version ${version} in ${this.description}`, ExitCode.badInput, "unknown-version");
    if (use && record.pruned) throw new InputError([{ message: `${model} version ${version}: ${prunedNote(record.pruned)}` }], "bundle-pruned");
    return record;
  }
  /** The stored size of a version's bundle, or null when nothing is stored (or the store cannot tell). */
  async bundleBytes(model, record) {
    return await this.store.bundleBytes?.(model, record) ?? null;
  }
  /** Applies a retention policy: see registry/prune.ts. */
  async prune(model, policy, options) {
    return await pruneVersions(this, model, policy, options);
  }
  async apply(model, t) {
    const id = randomBytes2(8).toString("hex");
    let lastError = null;
    let transient = 0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { state, revision } = await this.store.read(model).catch((err) => {
        if (transient === 0) throw err;
        throw new RetrainError(
          `${describe(t, model).replace(/^retrain: /, "")} may or may not have been recorded: the answer to writing the registry state was lost (${errorText(lastError)}), and reading it back to tell failed (${errorText(err)}). Check the registry (command "status") before doing it again.`,
          ExitCode.conflict,
          "outcome-unknown",
          { cause: err }
        );
      });
      const landed = state.applied.find((a) => a.id === id);
      if (landed) {
        this.log(`the registry state of ${model} had been written (its answer was lost)`);
        return landed.result;
      }
      const at = this.now().toISOString();
      const { state: applied, result } = applyTransition(state, t, at);
      if (applied === state) return result;
      if (t.kind === "promote") this.refuseWithoutBundle(model, state, t.expect.version);
      const withFollowUps = addEffects(applied, this.store.followUps?.(t, state, applied) ?? [], at);
      const next = { ...withFollowUps, applied: [...state.applied, { id, result }].slice(-APPLIED_MEMORY) };
      try {
        if (await this.store.compareAndSwap(model, revision, next, describe(t, model))) return result;
      } catch (err) {
        if (!this.store.isTransient?.(err) || transient >= TRANSIENT_RETRIES) throw err;
        lastError = err;
        transient++;
        this.log(`writing the registry state of ${model} failed (${err.message}); checking whether it landed`);
        await new Promise((resolve) => setTimeout(resolve, this.retryBaseMs * transient ** 2));
      }
    }
    if (lastError) throw lastError;
    throw new RetrainError(
      `the registry state of ${model} kept changing under this command (${MAX_ATTEMPTS} attempts); nothing was changed. Run the command again.`,
      ExitCode.conflict,
      "registry-busy"
    );
  }
  /** A champion whose bundle is gone would fail every later run: refused, changing nothing. */
  refuseWithoutBundle(model, state, version) {
    const record = state.versions.find((v) => v.version === version);
    const gone = record ? this.store.bundleGone?.(model, record) : null;
    if (gone) throw new InputError([{ message: `${model} version ${version} cannot become the champion: ${gone}; nothing was changed` }], "bundle-cleaned-up");
  }
  async reserveVersion(model) {
    const now = this.now().getTime();
    for (const r of (await this.state(model)).reservations) {
      const why = reservationGone(r, now, this.reservationTtlMs);
      if (why) await this.reclaim(model, r, why);
    }
    return await this.apply(model, { kind: "reserve", owner: this.owner, ...this.runLimitMs !== null && { lifetimeMs: this.runLimitMs } });
  }
  /**
   * Gives back another run's reservation: first the number (only while that owner still holds it, so a
   * run registering at this moment wins and keeps its bundle), then the bundle it may have stored.
   * That run's register is refused from then on (`reservation-released`).
   */
  async reclaim(model, r, why) {
    try {
      await this.apply(model, { kind: "release-reservation", version: r.version, owner: r.owner });
    } catch (err) {
      if (err instanceof InputError) return;
      throw err;
    }
    this.log(`Released version ${r.version} of ${model}, reserved by ${r.owner} at ${r.at}: ${why}`);
    await this.store.discardBundle(model, r.version).catch((err) => this.log(`could not delete the bundle of version ${r.version}: ${err.message}`));
  }
  /**
   * Stores a reserved version's bundle. When storing fails because the reservation was given back
   * meanwhile (its run was taken for gone, and what it had stored was deleted under it), the error
   * says so, as register would, rather than only how the storage answered.
   */
  async storeBundle(model, version, bundleDir) {
    try {
      return await this.store.storeBundle(model, version, bundleDir);
    } catch (err) {
      const held = await this.state(model).then(
        (s) => s.reservations.some((r) => r.version === version),
        () => true
      );
      if (held) throw err;
      throw new RetrainError(
        `${model} version ${version} is no longer reserved: its reservation was released because its run was taken for gone, and what it had stored was deleted (storing its bundle failed: ${err.message}). Nothing was registered; run again.`,
        ExitCode.conflict,
        "reservation-released"
      );
    }
  }
  /**
   * Undoes a reservation whose run ended before its commit: the bundle goes, the number stays used.
   * A commit whose answer was lost (cut by a cancellation, say) may have landed all the same: the
   * reservation is given back first, by compare-and-swap, so that such a write cannot land after it;
   * a version registered after all keeps its bundle.
   */
  async abandonVersion(model, version) {
    let failed = null;
    try {
      await this.apply(model, { kind: "release-reservation", version, owner: this.owner });
    } catch (err) {
      if (!(err instanceof InputError)) failed = err;
      const registered = (await this.state(model)).versions.some((v) => v.version === version);
      if (registered) {
        this.log(`${model} version ${version} was registered after all (the answer to its commit was lost): it keeps its bundle`);
        return;
      }
    }
    await this.store.discardBundle(model, version);
    if (failed) throw failed;
  }
  /**
   * Completes the pending effects of `model`: the store's own and those `performers` know. Failed
   * effects are retried; a dispatch whose answer was lost is left unconfirmed for a person, unless
   * `resend` names it.
   */
  async settle(model, performers = {}, resend = () => false, only = () => true) {
    const report = { done: [], failed: [], unconfirmed: [] };
    const state = await this.state(model);
    for (const effect of state.effects) {
      if (!only(effect)) continue;
      const pruning = effect.kind === PRUNE_EFFECT;
      const own = pruning || this.store.effectKinds?.includes(effect.kind);
      const performer = own ? void 0 : performers[effect.kind];
      if (!own && !performer) continue;
      const unrepeatable = UNREPEATABLE.has(effect.kind);
      if (unrepeatable && (effect.status === "sending" || effect.status === "unconfirmed") && !resend(effect)) {
        if (effect.status === "sending")
          await this.apply(model, {
            kind: "effect",
            id: effect.id,
            outcome: "unconfirmed",
            error: "a run stopped while sending it; it may or may not have been sent"
          });
        report.unconfirmed.push({ ...effect, status: "unconfirmed" });
        continue;
      }
      if (unrepeatable) await this.apply(model, { kind: "effect", id: effect.id, outcome: "sending" });
      try {
        const record = state.versions.find((v) => v.version === effect.version);
        const patch = pruning ? await this.deletePrunedBundle(model, record) : own ? await this.store.perform(model, effect, record) : await performer(effect);
        const recorded = await this.apply(model, { kind: "effect", id: effect.id, outcome: "done", ...patch ? { patch } : {} });
        if (recorded === 0 && !unrepeatable) report.completedByOthers = [...report.completedByOthers ?? [], effect];
        else report.done.push(effect);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const refused = err instanceof EffectRefusedError || !unrepeatable;
        await this.apply(model, { kind: "effect", id: effect.id, outcome: refused ? "failed" : "unconfirmed", error: message }).catch(() => void 0);
        (refused ? report.failed : report.unconfirmed).push({ ...effect, error: message });
      }
    }
    return report;
  }
  /**
   * Deletes a pruned version's stored bundle (again, after a crash: gone already is done). The record
   * then no longer says where a bundle is stored; a version not marked pruned is never touched.
   */
  async deletePrunedBundle(model, record) {
    if (!record?.pruned) throw new EffectRefusedError(`version ${record?.version ?? "?"} is not marked pruned; its bundle stays`);
    await this.store.discardBundle(model, record.version, record);
    return record.storage ? { storage: null } : void 0;
  }
};
function errorText(err) {
  const status = err?.status;
  const message = err instanceof Error ? err.message : String(err);
  return typeof status === "number" ? `${status}: ${message}` : message;
}
function describe(t, model) {
  switch (t.kind) {
    case "reserve":
      return `retrain: reserve a version of ${model}`;
    case "release-reservation":
      return `retrain: release ${model} version ${t.version}, never registered`;
    case "register":
      return `retrain: register ${model} version ${t.version} (${t.status})`;
    case "promote":
      return `retrain: ${t.action} ${model} version ${t.expect.version} (champion was ${t.expectChampion ?? "none"})`;
    case "reject":
      return `retrain: reject ${model} version ${t.expect.version}`;
    case "select":
      return `retrain: select ${t.winner ? `${model} version ${t.winner.expect.version} (${t.winner.status})` : `no version of ${model}`}, ${t.others.length} not selected`;
    case "add-effects":
      return `retrain: ${model}: ${t.effects.map((e) => `${e.kind} of version ${e.version}`).join(", ")} requested`;
    case "effect":
      return `retrain: ${model} effect ${t.id} ${t.outcome}`;
    case "prune":
      return `retrain: prune the bundles of ${model} version${t.expect.length === 1 ? "" : "s"} ${t.expect.map((e) => e.version).join(", ")} (retention)`;
  }
}

export {
  emptyState,
  normalizeState,
  processAlive,
  VersionRegistry
};
