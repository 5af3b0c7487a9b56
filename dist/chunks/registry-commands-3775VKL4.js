import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  table
} from "./chunk-3VDYLDWK.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-K4KD3TBO.js";
import "./chunk-67YTMMAY.js";
import {
  formatNumber
} from "./chunk-5M42D7ZX.js";
import {
  InputError,
  StaleBaselineError,
  describeVersion
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/engine/registry-commands.ts
var noEffects = () => [];
async function promoteUnlessChampion(registry, model, transition) {
  try {
    await registry.apply(model, transition);
    return true;
  } catch (err) {
    if (err instanceof InputError && err.reason === "already-champion") return false;
    throw err;
  }
}
function findVersion(snapshot, version) {
  const record = snapshot.versions.find((v) => v.version === version);
  if (!record) {
    const known = snapshot.versions.map((v) => v.version).join(", ") || "none";
    throw new InputError([{ message: `${snapshot.model} has no version ${version} (versions: ${known})` }], "unknown-version");
  }
  return record;
}
async function promoteCandidate(registry, model, candidate, expectChampion, who, effects = noEffects) {
  const snapshot = await registry.snapshot(model);
  const record = findVersion(snapshot, candidate);
  const undecided = ["candidate", "pending", "rejected", "not-selected"].includes(record.status);
  if (undecided && record.baselineVersion !== expectChampion) {
    if (snapshot.champion !== record.baselineVersion) throw new StaleBaselineError(model, record.baselineVersion, snapshot.champion);
    throw new StaleBaselineError(
      model,
      expectChampion,
      snapshot.champion,
      `${model} version ${candidate} was compared with ${describeVersion(record.baselineVersion)}, which is still the champion, not with ${describeVersion(expectChampion)}; nothing was promoted. Name the champion it was compared with.`
    );
  }
  return await promoteUnlessChampion(registry, model, {
    kind: "promote",
    action: "promoted",
    expect: { version: candidate, status: record.status },
    expectChampion,
    who: { actor: who.actor, reason: who.reason ?? `promoted by ${who.actor}, expected champion ${describeVersion(expectChampion)}` },
    forced: Boolean(who.force),
    effects: effects(candidate)
  });
}
async function approveCandidate(registry, model, version, who, effects = noEffects) {
  const record = findVersion(await registry.snapshot(model), version);
  return await promoteUnlessChampion(registry, model, {
    kind: "promote",
    action: "approved",
    expect: { version, status: record.status },
    expectChampion: record.baselineVersion,
    who: { actor: who.actor, reason: who.reason ?? `approved by ${who.actor}` },
    forced: Boolean(who.force),
    effects: effects(version)
  });
}
async function rejectCandidate(registry, model, version, who) {
  const record = findVersion(await registry.snapshot(model), version);
  await registry.apply(model, {
    kind: "reject",
    expect: { version, status: record.status },
    who: { actor: who.actor, reason: who.reason ?? `rejected by ${who.actor}` },
    effects: []
  });
}
function previousChampion(snapshot) {
  const moves = snapshot.history.filter((e) => ["promoted", "approved", "rollback"].includes(e.action));
  const line = [];
  for (const e of moves) {
    const at = e.action === "rollback" ? line.lastIndexOf(e.version) : -1;
    if (at >= 0) line.length = at + 1;
    else line.push(e.version);
  }
  if (line.at(-1) === snapshot.champion) return line.length >= 2 ? line.at(-2) : null;
  return moves.findLast((e) => e.version === snapshot.champion)?.from ?? null;
}
async function rollback(registry, model, to, who, effects = noEffects) {
  const snapshot = await registry.snapshot(model);
  if (snapshot.champion === null) throw new InputError([{ message: `${model} has no champion to roll back` }], "no-champion");
  const target = to ?? previousChampion(snapshot);
  if (target === null)
    throw new InputError([{ message: `${model} had no champion before version ${snapshot.champion}; name the version to roll back to` }], "no-previous");
  const record = findVersion(snapshot, target);
  const changed = await promoteUnlessChampion(registry, model, {
    kind: "promote",
    action: "rollback",
    expect: { version: target, status: record.status },
    expectChampion: snapshot.champion,
    who: { actor: who.actor, reason: who.reason ?? `rolled back from version ${snapshot.champion} by ${who.actor}` },
    forced: false,
    effects: effects(target)
  });
  return { version: target, changed };
}
var STATUS_LIMIT = 30;
function renderStatus(snapshot, metricNames, { limit = STATUS_LIMIT, rest = "--all shows every one" } = {}) {
  const lines = [`## ${snapshot.model}`, "", `Champion: ${describeVersion(snapshot.champion)}`, ""];
  const pending = snapshot.versions.filter((v) => v.status === "pending");
  lines.push(
    `Pending approval: ${pending.length ? pending.map((v) => `version ${v.version} (compared with ${describeVersion(v.baselineVersion)})`).join(", ") : "none"}`,
    ""
  );
  const stale = pending.filter((v) => v.baselineVersion !== snapshot.champion);
  if (stale.length) {
    lines.push(
      `Stale: ${stale.map((v) => `version ${v.version}`).join(", ")} ${stale.length === 1 ? "was" : "were"} compared with another champion than ${describeVersion(snapshot.champion)}, so ${stale.length === 1 ? "it" : "they"} cannot be approved as ${stale.length === 1 ? "it is" : "they are"}: reject ${stale.length === 1 ? "it" : "them"} (\`retrain reject VERSION\`, or \`command: reject\` in the action) and run again to compare with today's champion.`,
      ""
    );
  }
  const reserved = snapshot.reservations ?? [];
  if (reserved.length) {
    lines.push(
      `Reserved by runs not yet committed: ${reserved.map((r) => `version ${r.version} (by ${r.owner} since ${r.at}${r.expires ? `; given back after ${r.expires} if its run was lost` : ""})`).join(", ")}`,
      ""
    );
  }
  const effects = snapshot.effects ?? [];
  if (effects.length) {
    lines.push(`Follow-ups not yet done: ${effects.map((e) => `${e.kind} of version ${e.version} (${e.status}${e.error ? `: ${e.error}` : ""})`).join("; ")}`, "");
  }
  const names = metricNames.length ? metricNames : [...new Set(snapshot.versions.flatMap((v) => Object.keys(v.metrics)))];
  if (snapshot.versions.length) {
    const seen = [...new Set(snapshot.versions.map((v) => v.evaluationData).filter((d) => Boolean(d)))];
    const sets = seen.length > 1 ? seen : [];
    const letter = (d) => d ? String.fromCharCode(65 + sets.indexOf(d) % 26) + (sets.indexOf(d) >= 26 ? String(Math.floor(sets.indexOf(d) / 26)) : "") : "\u2014";
    const newest = snapshot.versions.length - limit;
    const shown = snapshot.versions.filter((v, i) => i >= newest || v.version === snapshot.champion || v.status === "pending");
    lines.push("### Versions", "");
    lines.push(
      table(
        ["version", "status", "baseline", ...names, ...sets.length ? ["evaluated on"] : [], "created"],
        shown.map((v) => [
          String(v.version) + (v.version === snapshot.champion ? " *" : ""),
          v.status + (v.pruned ? `, bundle pruned ${v.pruned.at.slice(0, 10)}` : ""),
          v.baselineVersion === null ? "\u2014" : String(v.baselineVersion),
          ...names.map((n) => formatNumber(v.metrics[n])),
          ...sets.length ? [letter(v.evaluationData)] : [],
          v.createdAt
        ])
      ),
      ""
    );
    if (shown.length < snapshot.versions.length) lines.push(`${snapshot.versions.length - shown.length} older versions not shown (${rest}).`, "");
    if (sets.length > 1) {
      const changes = snapshot.versions.filter(
        (v, i) => i > 0 && v.evaluationData && v.evaluationData !== snapshot.versions.slice(0, i).findLast((p) => p.evaluationData)?.evaluationData
      );
      lines.push(
        `The evaluation data changed at version${changes.length === 1 ? "" : "s"} ${changes.map((v) => v.version).join(", ")}: metrics compare only between versions evaluated on the same data (the same letter).`,
        ""
      );
    }
  }
  if (snapshot.history.length) {
    lines.push("### History", "");
    lines.push(
      table(
        ["when", "action", "version", "from", "who", "why"],
        snapshot.history.slice(Math.max(0, snapshot.history.length - limit)).map((e) => [e.at, e.action + (e.forced ? " (forced)" : ""), String(e.version), e.from === null ? "\u2014" : String(e.from), e.actor, e.reason])
      ),
      ""
    );
    const older = snapshot.history.length - limit;
    if (older > 0) lines.push(`${older} older history entries not shown (${rest}).`, "");
  }
  return lines.join("\n");
}
export {
  STATUS_LIMIT,
  approveCandidate,
  previousChampion,
  promoteCandidate,
  rejectCandidate,
  renderStatus,
  rollback
};
