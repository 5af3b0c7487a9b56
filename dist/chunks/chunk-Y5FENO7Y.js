import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/registry/retention.ts
var PRUNE_EFFECT = "delete-pruned-bundle";
var KINDS = [
  { statuses: ["rejected", "not-selected"], key: "keepRejected", name: "keep-rejected", what: "rejected or not-selected" },
  { statuses: ["retired"], key: "keepRetired", name: "keep-retired", what: "former champion" }
];
function protectedVersions(state, policy = {}) {
  const kept = /* @__PURE__ */ new Map();
  if (state.champion !== null) kept.set(state.champion, "the champion");
  for (const v of state.versions) {
    if (v.status === "promoted") kept.set(v.version, "the champion");
    if (v.status === "pending") kept.set(v.version, "pending approval");
    if (v.status === "candidate") kept.set(v.version, "a candidate not yet decided");
  }
  for (const v of state.versions) {
    if ((v.status === "pending" || v.status === "candidate") && v.baselineVersion !== null && !kept.has(v.baselineVersion)) {
      kept.set(v.baselineVersion, `the champion ${v.status} version ${v.version} was compared with`);
    }
  }
  for (const n of policy.pinned ?? []) if (!kept.has(n)) kept.set(n, `a rule of the spec compares with it (against: ${n})`);
  const newest = state.versions.reduce((a, v) => a === null || v.version > a.version ? v : a, null);
  for (const n of newest?.comparedWith ?? []) {
    if (!kept.has(n)) kept.set(n, `pinned by the rules version ${newest.version} was compared with (against: ${n})`);
  }
  return kept;
}
function pruneSelection(state, policy) {
  const kept = protectedVersions(state, policy);
  const chosen = [];
  for (const kind of KINDS) {
    const keep = policy[kind.key];
    if (keep === void 0) continue;
    const newestFirst = state.versions.filter((v) => kind.statuses.includes(v.status)).sort((a, b) => b.version - a.version);
    for (const v of newestFirst.slice(keep)) {
      if (v.pruned || kept.has(v.version)) continue;
      chosen.push({
        version: v.version,
        status: v.status,
        why: `${v.status}, older than the newest ${keep} ${kind.what} version${keep === 1 ? "" : "s"} (${kind.name}: ${keep})`
      });
    }
  }
  return chosen.sort((a, b) => a.version - b.version);
}
function whyKept(state, policy, record) {
  const kept = protectedVersions(state, policy).get(record.version);
  if (kept) return `it is ${kept}`;
  const kind = KINDS.find((k) => k.statuses.includes(record.status));
  if (!kind || policy[kind.key] === void 0) return `the policy keeps every ${record.status} version`;
  return `it is among the newest ${policy[kind.key]} ${kind.what} versions (${kind.name})`;
}
function describePolicy(policy) {
  const parts = KINDS.filter((k) => policy[k.key] !== void 0).map((k) => `${k.name}: ${policy[k.key]}`);
  return parts.length ? parts.join(", ") : "keep everything";
}
function prunedNote(mark) {
  return `its bundle was pruned on ${mark.at.slice(0, 10)} by retention (${mark.reason}, by ${mark.actor}) and cannot be restored`;
}

export {
  PRUNE_EFFECT,
  pruneSelection,
  whyKept,
  describePolicy,
  prunedNote
};
