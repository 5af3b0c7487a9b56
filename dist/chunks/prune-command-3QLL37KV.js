import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  pinnedVersions
} from "./chunk-GDHDK6BJ.js";
import {
  preview
} from "./chunk-KVC4UYSJ.js";
import {
  describePolicy
} from "./chunk-Y5FENO7Y.js";
import "./chunk-5M42D7ZX.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/engine/prune-command.ts
import { existsSync, writeFileSync } from "node:fs";
function retentionPolicy(spec, overrides = {}) {
  const keepRejected = overrides.keepRejected ?? spec?.retention?.keepRejected;
  const keepRetired = overrides.keepRetired ?? spec?.retention?.keepRetired;
  if (keepRejected === void 0 && keepRetired === void 0) return null;
  const pinned = spec ? pinnedVersions(spec) : [];
  return {
    ...keepRejected !== void 0 && { keepRejected },
    ...keepRetired !== void 0 && { keepRetired },
    ...pinned.length && { pinned }
  };
}
function parseKeepCount(text, where) {
  if (!/^\d{1,9}$/.test(text.trim())) throw new InputError([{ message: `${where} must be a whole number of 0 or more, got ${preview(text)}` }], "usage");
  return Number(text.trim());
}
async function pruneCommand(registry, model, policy, options) {
  if (!policy) throw new InputError([{ message: `no retention policy for ${model}: ${options.noPolicy}` }], "no-retention");
  return await registry.prune(model, policy, {
    ...options.dryRun && { dryRun: true },
    who: options.who,
    ...options.atStage && { atStage: options.atStage }
  });
}
async function pruneAfterRun(registry, spec, actor, reporter) {
  const policy = retentionPolicy(spec);
  if (!policy) return null;
  try {
    const report = await registry.prune(spec.model, policy, { who: { actor, reason: "" } });
    if (report.pruned.length || report.cleanedUp.length) reporter.info(pruneSummary(report));
    for (const f of report.failed)
      reporter.warn(`retention: deleting the pruned bundle of version ${f.version} failed (${f.error}); it stays marked pruned and the next command deletes it`);
    return report;
  } catch (err) {
    reporter.warn(`the decision is recorded, but applying the retention policy failed: ${err.message}; retrain prune applies it again`);
    return null;
  }
}
function pruneHook(raw) {
  const match = raw === void 0 ? null : /^prune-(planned|marked):(SIGKILL|wait-for:(.+))$/.exec(raw);
  if (!match) return void 0;
  const [, at, , file] = match;
  return async (stage) => {
    if (stage !== at) return;
    if (file === void 0) {
      process.kill(process.pid, "SIGKILL");
      for (let i = 0; i < 200; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      return;
    }
    writeFileSync(`${file}.waiting`, "");
    for (let i = 0; i < 3e3 && !existsSync(file); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  };
}
function formatBytes(bytes) {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
function versionsOf(list) {
  return `version${list.length === 1 ? "" : "s"} ${list.map((p) => p.version).join(", ")}`;
}
function pruneSummary(r) {
  const verb = r.dryRun ? "Would prune" : "Pruned";
  const parts = [
    r.pruned.length ? `${verb} the bundles of ${r.model} ${versionsOf(r.pruned)}` : `${r.dryRun ? "Would prune" : "Pruned"} no bundle of ${r.model}`,
    ...r.deletedByOthers.length ? [
      `another command at the same time deleted the bundle${r.deletedByOthers.length === 1 ? "" : "s"} of ${versionsOf(r.deletedByOthers.map((version) => ({ version })))} first`
    ] : [],
    ...r.cleanedUp.length ? [`${r.dryRun ? "would delete" : "deleted"} the leftover bundles of earlier pruned ${versionsOf(r.cleanedUp)}`] : []
  ];
  return `${parts.join("; ")} (${describePolicy(r.policy)}): ${formatBytes(r.bytesFreed)} ${r.dryRun ? "would be freed" : "freed"}${r.dryRun ? "; nothing changed (dry run)" : ""}`;
}
function renderPrune(r) {
  const lines = [pruneSummary(r)];
  const byOthers = new Set(r.deletedByOthers);
  for (const p of [...r.pruned, ...r.cleanedUp])
    lines.push(
      `  version ${p.version} (${p.status}): ${p.bytes === null ? "size unknown" : formatBytes(p.bytes)}; ${p.why}` + (byOthers.has(p.version) ? "; its bundle was deleted by another command at the same time (not counted as freed here)" : "")
    );
  for (const f of r.failed)
    lines.push(`  version ${f.version}: deleting its bundle failed (${f.error}); it stays marked pruned, and the next command deletes it`);
  return lines.join("\n");
}
export {
  formatBytes,
  parseKeepCount,
  pruneAfterRun,
  pruneCommand,
  pruneHook,
  pruneSummary,
  renderPrune,
  retentionPolicy
};
