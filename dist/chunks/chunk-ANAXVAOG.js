import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  fingerprintData
} from "./chunk-HY75VF2P.js";
import {
  closest
} from "./chunk-EU3M232E.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";

// src/engine/challenger-plan.ts
import { createHash } from "node:crypto";
function evaluationDigest(inputs) {
  const hash = createHash("sha256");
  for (const input of [...inputs].sort((a, b) => a.name.localeCompare(b.name))) hash.update(`${input.name}\0${input.fingerprint}\0`);
  return hash.digest("hex");
}
function planId(spec, champion, evaluationData) {
  const text = JSON.stringify([spec.model, spec.digest, champion?.version ?? null, champion?.digest ?? null, evaluationData, spec.challengers.map((c) => c.name)]);
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
function planOf(spec, champion, evaluationData) {
  return {
    model: spec.model,
    id: planId(spec, champion, evaluationData),
    champion,
    evaluationData,
    challengers: spec.challengers.map((c) => ({ name: c.name, params: c.params }))
  };
}
function requireChallengers(spec) {
  if (spec.challengers.length === 0) {
    throw new InputError(
      [{ file: spec.file, message: `the spec names no challengers: add a "challengers:" section (see docs/challengers.md)` }],
      "no-challengers"
    );
  }
}
function findChallenger(spec, name) {
  requireChallengers(spec);
  const found = spec.challengers.find((c) => c.name === name);
  if (found) return found;
  const names = spec.challengers.map((c) => c.name);
  const near = closest(name, names);
  throw new InputError(
    [{ file: spec.file, message: `the spec has no challenger "${name}"${near ? `; did you mean "${near}"?` : ""} (it names ${names.join(", ")})` }],
    "unknown-challenger"
  );
}
async function makePlan(spec, params, registry, github = {}) {
  requireChallengers(spec);
  const evaluation = Object.fromEntries(Object.entries(spec.data).filter(([name]) => spec.evaluate.data.includes(name)));
  const inputs = Object.values(await fingerprintData(spec.root, evaluation, { params, github }));
  const snapshot = await registry.snapshot(spec.model);
  const record = snapshot.versions.find((v) => v.version === snapshot.champion);
  const champion = snapshot.champion === null ? null : { version: snapshot.champion, digest: record?.digest ?? "" };
  return planOf(spec, champion, evaluationDigest(inputs));
}
var P_STEPS = 40;
function challengerEvidence(spec, evidence, planSize) {
  const out = [];
  for (const metric of spec.metrics) {
    metric.change.forEach((rule, index) => {
      if (rule.confidence === void 0) return;
      const relative = rule.relativeMargin !== void 0;
      const margin = (relative ? rule.relativeMargin : rule.margin) ?? 0;
      const alpha = 1 - rule.confidence;
      const boundAt = (level) => {
        const found = evidence.confidence?.(metric.name, rule.against, relative, level);
        return found && found.problem === null && found.bound !== null && Number.isFinite(found.bound) ? found.bound : null;
      };
      const clears = (bound) => bound !== null && (margin >= 0 ? bound > margin : bound >= margin);
      const bounds = Array.from({ length: Math.max(1, planSize) }, (_, j) => boundAt(1 - alpha / (j + 1)));
      out.push({
        rule: `${metric.name}#${index}`,
        text: `${metric.name} (${ruleText(margin, relative, rule.confidence)})`,
        margin,
        confidence: rule.confidence,
        p: pValue(boundAt, clears),
        bounds
      });
    });
  }
  return out;
}
function ruleText(margin, relative, confidence) {
  const amount = relative ? `${Math.abs(margin) * 100}%` : String(Math.abs(margin));
  return `${margin >= 0 ? `improves by more than ${amount}` : `regresses by at most ${amount}`} at ${confidence * 100}% confidence`;
}
function pValue(boundAt, clears) {
  if (!clears(boundAt(1e-9))) return 1;
  let lo = 0;
  let hi = 1 - 1e-9;
  if (clears(boundAt(1 - lo))) return 0;
  for (let i = 0; i < P_STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (clears(boundAt(1 - mid))) hi = mid;
    else lo = mid;
  }
  return hi;
}
function holdForSelection(plan, name, id) {
  if (plan.action !== "promote" && plan.action !== "gate") return plan;
  return {
    action: "hold",
    decision: "candidate",
    reason: `${plan.reason}; stored as a candidate of plan ${id} (challenger ${name}): select picks one of the plan's candidates`
  };
}
function challengerRecord(name, plan, planSize, params, evidence) {
  return { name, plan, planSize, params, evidence };
}
function planMatrix(plan) {
  return {
    include: plan.challengers.map((c) => ({
      challenger: c.name,
      champion: plan.champion ? `v${plan.champion.version}` : "none",
      "champion-digest": plan.champion?.digest ?? "",
      plan: plan.id
    }))
  };
}
function renderPlan(plan) {
  const champion = plan.champion ? `version ${plan.champion.version} (bundle ${plan.champion.digest.slice(0, 12)})` : "none (first model)";
  const lines = [
    `Plan ${plan.id} for ${plan.model}: ${plan.challengers.length} challenger${plan.challengers.length === 1 ? "" : "s"} against champion ${champion}`
  ];
  const width = Math.max(24, ...plan.challengers.map((c) => c.name.length));
  for (const c of plan.challengers) {
    lines.push(
      `  ${c.name.padEnd(width)} ${Object.entries(c.params).map(([k, v]) => `${k}=${v}`).join(" ")}`
    );
  }
  return lines.join("\n");
}

export {
  evaluationDigest,
  planId,
  planOf,
  requireChallengers,
  findChallenger,
  makePlan,
  challengerEvidence,
  holdForSelection,
  challengerRecord,
  planMatrix,
  renderPlan
};
