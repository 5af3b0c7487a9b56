import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  WEIGHTS_FILE
} from "./chunk-2RZSXHJU.js";
import {
  driftTable
} from "./chunk-K4KD3TBO.js";
import {
  formatNumber,
  markdownText
} from "./chunk-5M42D7ZX.js";

// src/engine/weights.ts
import { readFile } from "node:fs/promises";
import path from "node:path";
var REPORT_ROWS = 15;
async function readWeights(dir, warn) {
  const file = path.join(dir, WEIGHTS_FILE);
  const text = await readFile(file, "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const weights = JSON.parse(text).weights;
    if (weights && typeof weights === "object" && Object.values(weights).every((w) => typeof w === "number")) return weights;
  } catch {
  }
  warn(`${WEIGHTS_FILE} of ${dir} is not {"weights": {"<feature>": number}}; the report shows no weight comparison`);
  return null;
}
function compareWeights(champion, candidate) {
  const features = [.../* @__PURE__ */ new Set([...Object.keys(champion), ...Object.keys(candidate)])];
  return features.map((feature) => {
    const before = Object.hasOwn(champion, feature) ? champion[feature] : null;
    const after = Object.hasOwn(candidate, feature) ? candidate[feature] : null;
    return { feature, champion: before, candidate: after, difference: (after ?? 0) - (before ?? 0) };
  }).sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.feature.localeCompare(b.feature));
}
function weightsSection(changes, table2) {
  if (!changes || changes.length === 0) return [];
  const shown = changes.slice(0, REPORT_ROWS);
  const rows = shown.map((c) => [c.feature, formatNumber(c.champion), formatNumber(c.candidate), `${c.difference > 0 ? "+" : ""}${formatNumber(c.difference)}`]);
  const more = changes.length - shown.length;
  return [
    "### Weights",
    "",
    "How training moved the model, largest changes first:",
    "",
    table2(["feature", "champion weight", "candidate weight", "difference"], rows),
    ...more > 0 ? ["", `\u2026and ${more} smaller changes (all in result.json, \`weights\`).`] : [],
    ""
  ];
}

// src/engine/report-sections.ts
function boundCell(o) {
  if (o.bound === void 0) return "\u2014";
  if (o.bound === null) return "n/a";
  const shown = o.kind === "relative-change" ? `${formatNumber(o.bound * 100)}%` : formatNumber(o.bound);
  return o.kind === "slices" ? `\u2264 ${shown} (worst slice)` : `\u2265 ${shown} (${formatNumber(o.confidence * 100)}%)`;
}
function hasBounds(rules) {
  return rules.some((o) => o.bound !== void 0);
}
var MAX_OTHER_SLICE_ROWS = 50;
function evidenceSections(r, table2) {
  const lines = [];
  if (r.charts?.intervals) {
    lines.push(
      `The improvement of each confidence rule with its interval: [${r.charts.intervals}](${r.charts.intervals}) (written next to this report). A rule passes only when the lower end clears the margin.`,
      ""
    );
  }
  for (const judgement of r.slices ?? []) {
    lines.push(`### Slices of ${judgement.metric}`, "");
    const flagged = judgement.slices.filter((s) => s.status === "fail" || s.worst);
    const others = judgement.slices.filter((s) => !(s.status === "fail" || s.worst)).slice(0, MAX_OTHER_SLICE_ROWS);
    const hidden = judgement.slices.length - flagged.length - others.length;
    const rows = [...flagged, ...others].map((s) => [
      `${s.column}=${s.value}${s.worst ? " (worst)" : ""}`,
      String(s.examples),
      String(s.effectiveSize),
      formatNumber(s.baseline),
      formatNumber(s.candidate),
      s.improvement === null ? "\u2014" : `${s.improvement > 0 ? "+" : ""}${formatNumber(s.improvement)}`,
      formatNumber(s.upper),
      s.p === null ? "\u2014" : s.p.toPrecision(3),
      s.status === "fail" ? "FAIL" : s.status === "pass" ? "pass" : "not judged",
      s.reason
    ]);
    lines.push(table2(["slice", "examples", "effective size", "baseline", "candidate", "improvement", "upper bound", "Holm p", "result", "why"], rows), "");
    if (hidden > 0) lines.push(`${hidden} more slices that did not fail are not shown; they are in result.json.`, "");
  }
  return lines;
}

// src/engine/drift-report.ts
import { mkdir, writeFile } from "node:fs/promises";
import path2 from "node:path";
var WIDTH = 720;
var LABEL = 170;
var ROW = 22;
var TOP = 52;
function escapeXml(text) {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}
function renderDriftSvg(input, f) {
  const bins = f.bins;
  const top = Math.max(...bins.map((b) => Math.max(b.reference, b.current)), 1e-9);
  const x = (share) => share / top * (WIDTH - LABEL - 70);
  const height = TOP + bins.length * ROW + 16;
  const title = `${input}.${f.column}: before (champion's data) and after (new data)`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="18" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="8" y="36" fill="#555">${escapeXml(`grey: before, orange: after; PSI ${formatNumber(f.psi)}${f.reasons.length ? `; ${f.reasons.join("; ")}` : ""}`)}</text>`
  ];
  bins.forEach((b, i) => {
    const y = TOP + i * ROW;
    parts.push(
      `<text x="8" y="${y + 14}">${escapeXml(b.label.length > 24 ? `${b.label.slice(0, 23)}\u2026` : b.label)}</text>`,
      `<rect x="${LABEL}" y="${y + 2}" width="${x(b.reference).toFixed(1)}" height="8" fill="#8c959f"/>`,
      `<rect x="${LABEL}" y="${y + 10}" width="${x(b.current).toFixed(1)}" height="8" fill="#d1711c"/>`,
      `<text x="${(LABEL + Math.max(x(b.reference), x(b.current)) + 6).toFixed(1)}" y="${y + 14}" fill="#555">${escapeXml(
        `${formatNumber(b.reference * 100)}% \u2192 ${formatNumber(b.current * 100)}%`
      )}</text>`
    );
  });
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}
async function writeDriftCharts(dir, drift) {
  const used = /* @__PURE__ */ new Set();
  for (const input of drift.inputs) {
    for (const f of input.features) {
      if (!f.drifted || f.bins.length === 0) continue;
      const base = `drift-${input.input}-${f.column}`.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 100);
      let name = `${base}.svg`;
      for (let k = 2; used.has(name); k++) name = `${base}-${k}.svg`;
      used.add(name);
      await mkdir(dir, { recursive: true });
      await writeFile(path2.join(dir, name), renderDriftSvg(input.input, f));
      f.chart = name;
    }
  }
}
function driftSection(drift, table2) {
  const charts = drift.inputs.flatMap((i) => i.features.filter((f) => f.chart).map((f) => `![${markdownText(`${i.input}.${f.column}`)}](${f.chart})`));
  return ["### Drift", "", driftTable(drift, table2), "", ...charts.length ? [...charts, ""] : []];
}

// src/engine/report.ts
var DECISION_TITLES = {
  promoted: "promoted",
  "pending-approval": "pending approval",
  rejected: "rejected",
  skipped: "dry run",
  candidate: "candidate (select decides)"
};
function signed(n) {
  if (n === null) return "\u2014";
  return n > 0 ? `+${formatNumber(n)}` : formatNumber(n);
}
var MAX_PAD = 60;
function table(header, rows) {
  const all = [header, ...rows].map((r) => r.map(markdownText));
  const widths = header.map(() => 3);
  for (const r of all) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], Math.min(MAX_PAD, r[i]?.length ?? 0));
  const line = (r) => `| ${widths.map((w, i) => (r[i] ?? "").padEnd(w)).join(" | ")} |`;
  const out = [line(all[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`];
  for (let i = 1; i < all.length; i++) out.push(line(all[i]));
  return out.join("\n");
}
var MAX_UNJUDGED_ROWS = 50;
function headline(r) {
  const candidate = r.candidate.version === null ? "the candidate" : `version ${r.candidate.version}`;
  const champion = r.baseline ? `version ${r.baseline.version}` : "no champion";
  switch (r.decision) {
    case "promoted":
      return `${candidate} is the new champion (replacing ${champion})`;
    case "pending-approval":
      return `${candidate} waits for a person's approval (champion: ${champion})`;
    case "rejected":
      if (r.error?.reason === "stale-baseline") return `${candidate} was not promoted: the champion moved while it was trained (stale-baseline)`;
      return `${candidate} was not promoted (${r.baseline ? `champion stays ${champion}` : "there is still no champion"})`;
    case "skipped":
      return `nothing changed; the decision would be: ${r.wouldBe ?? "unknown"}`;
    case "candidate":
      return `${candidate} is stored as challenger ${r.challenger?.name ?? ""} of plan ${r.challenger?.plan ?? ""}, compared with ${champion}; select decides`;
  }
}
function warmStartLine(warm) {
  if (warm.source === "cold") return `cold start (${warm.reason === "first-model" ? "first model: no champion" : markdownText(warm.reason ?? "no champion")})`;
  return warm.confirmed === false ? `unconfirmed warm start from version ${warm.parentVersion}: no step confirmed that training started from it` : `confirmed warm start from version ${warm.parentVersion}`;
}
function comparison(r, goals) {
  const names = [...goals.keys()];
  const others = /* @__PURE__ */ new Set();
  for (const metrics of [r.candidate.metrics, r.baseline?.metrics ?? {}]) {
    for (const name of Object.keys(metrics)) if (!goals.has(name)) others.add(name);
  }
  let shown = 0;
  for (const name of others) {
    if (shown++ >= MAX_UNJUDGED_ROWS) break;
    names.push(name);
  }
  const hidden = others.size - Math.min(others.size, MAX_UNJUDGED_ROWS);
  const candidateLabel = r.candidate.version === null ? "candidate" : `candidate (v${r.candidate.version})`;
  const header = r.baseline ? ["metric", "goal", `champion (v${r.baseline.version})`, candidateLabel, "change"] : ["metric", "goal", candidateLabel];
  const rows = names.map((name) => {
    const goal = goals.get(name) ?? "\u2014";
    const value = r.candidate.metrics[name];
    if (!r.baseline) return [name, goal, formatNumber(value)];
    const base = r.baseline.metrics[name];
    let change = "\u2014";
    if (typeof value === "number" && typeof base === "number" && Number.isFinite(value) && Number.isFinite(base)) {
      const delta = value - base;
      const better = goal === "maximize" ? delta > 0 : goal === "minimize" ? delta < 0 : null;
      change = `${signed(delta)}${delta === 0 || better === null ? "" : better ? " (better)" : " (worse)"}`;
    }
    return [name, goal, formatNumber(base), formatNumber(value), change];
  });
  const note = hidden > 0 ? `

${hidden} more metrics that no rule judges are not shown; they are in result.json.` : "";
  return table(header, rows) + note;
}
function ruleRows(rules, withBounds) {
  return rules.map((o) => {
    const relative = o.kind === "relative-change";
    const improvement = o.improvement === null ? "\u2014" : relative ? `${signed(o.improvement * 100)}%` : signed(o.improvement);
    const threshold = relative ? `${formatNumber(o.threshold * 100)}%` : formatNumber(o.threshold);
    const status = o.status === "pass" ? "PASS" : o.status === "fail" ? "FAIL" : "n/a";
    const cells = [status, o.rule, formatNumber(o.value), formatNumber(o.baseline), improvement, threshold, o.reason];
    if (withBounds) cells.splice(5, 0, boundCell(o));
    return cells;
  });
}
function reportedParamsLines(r) {
  if (!r.reportedParams) return [];
  const differences = Object.entries(r.reportedParams).filter(([k, v]) => !Object.hasOwn(r.params, k) || String(r.params[k]) !== String(v)).map(
    ([k, v]) => markdownText(`${k}=${JSON.stringify(v)} (${Object.hasOwn(r.params, k) ? `declared ${JSON.stringify(r.params[k])}` : "not a declared param"})`)
  );
  return differences.length ? [`- params as training reported it used them: ${differences.join(", ")}`] : [];
}
function renderReport(r) {
  const goals = new Map(Object.entries(r.goals));
  const reason = markdownText((r.reason.charAt(0).toUpperCase() + r.reason.slice(1)).replace(/\.$/, ""));
  if (r.decision === "skipped" && r.wouldBe === null && r.drift) {
    return [`## ${r.model}: skipped, nothing drifted`, "", `${reason}.`, "", ...driftSection(r.drift, table)].join("\n");
  }
  const start = warmStartLine(r.candidate.warmStart);
  const lines = [`## ${r.model}: ${DECISION_TITLES[r.decision]}`, "", `**${headline(r)}.** ${reason}.`, "", `Training: ${start}.`, ""];
  if (r.error) lines.push(`> ${r.error.reason}: ${markdownText(r.error.message)}`, "");
  if (r.gate) lines.push(`Release gate (${r.gate.kind}): ${r.gate.where}`, "");
  lines.push("### Comparison", "", comparison(r, goals), "");
  lines.push("### Rules", "");
  lines.push(
    r.rules.length > 0 ? table(
      ["result", "rule", "candidate", "baseline", "improvement", ...hasBounds(r.rules) ? ["bound"] : [], "threshold", "why"],
      ruleRows(r.rules, hasBounds(r.rules))
    ) : "No rules are defined."
  );
  lines.push("");
  lines.push(...evidenceSections(r, table));
  lines.push(...weightsSection(r.weights, table));
  if (r.drift) lines.push(...driftSection(r.drift, table));
  const warm = r.candidate.warmStart;
  lines.push("### Lineage", "");
  lines.push(
    `- warm start: ${warmStartLine(warm)}`,
    ...warm.packages ? [
      `- packages: ${Object.entries(warm.packages).map(([k, v]) => markdownText(`${k} ${v}`)).join(", ")}`
    ] : [],
    `- candidate bundle digest: \`${r.candidate.digest}\``,
    `- params: ${Object.keys(r.params).length ? Object.entries(r.params).map(([k, v]) => markdownText(`${k}=${JSON.stringify(v)}`)).join(", ") : "none"}`,
    ...reportedParamsLines(r),
    `- data: ${Object.entries(r.data).map(([k, v]) => `${k} \`${v.slice(0, 12)}\``).join(", ") || "none"}`,
    `- steps: ${r.steps.map((s) => `${markdownText(s.name)} (${s.cache?.restored ? `restored from cache ${s.cache.key}` : `${(s.durationMs / 1e3).toFixed(1)}s`})`).join(", ") || "none"}`,
    ""
  );
  return lines.join("\n");
}

export {
  readWeights,
  compareWeights,
  boundCell,
  evidenceSections,
  writeDriftCharts,
  table,
  MAX_UNJUDGED_ROWS,
  warmStartLine,
  renderReport
};
