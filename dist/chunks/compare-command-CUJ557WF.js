import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  MAX_METRICS_FILE_BYTES,
  PredictionsError,
  compareComputed,
  loadPredictions,
  parseMetrics,
  predictionColumns
} from "./chunk-CE336W6H.js";
import "./chunk-UUU4LAZ5.js";
import "./chunk-7FFNMB6Q.js";
import {
  evaluateRules,
  improvementOf,
  pinnedVersions,
  planDecision
} from "./chunk-GDHDK6BJ.js";
import "./chunk-XZWJHWJQ.js";
import "./chunk-EU3M232E.js";
import {
  boundCell,
  evidenceSections,
  table
} from "./chunk-3VDYLDWK.js";
import "./chunk-2RZSXHJU.js";
import "./chunk-K4KD3TBO.js";
import "./chunk-67YTMMAY.js";
import {
  formatNumber
} from "./chunk-5M42D7ZX.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/engine/compare-command.ts
import path from "node:path";
import { readFile, stat } from "node:fs/promises";
async function readText(file, flag) {
  try {
    const { size } = await stat(file);
    if (size > MAX_METRICS_FILE_BYTES) {
      throw new InputError(
        [
          {
            message: `${flag} ${file}: a metrics file is one JSON object of metric name to number; this one is ${Math.round(size / 1024 / 1024)} MiB, over the limit of ${MAX_METRICS_FILE_BYTES / 1024 / 1024} MiB (per-example values belong in a predictions file)`
          }
        ],
        "usage"
      );
    }
    return await readFile(file, "utf8");
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError([{ message: `${flag} ${file}: cannot read the file (${err.message})` }], "usage");
  }
}
async function readPredictionsFile(file, flag, cols) {
  try {
    return await loadPredictions(file, cols);
  } catch (err) {
    if (err instanceof PredictionsError) throw err;
    throw new InputError([{ message: `${flag} ${file}: cannot read the file (${err.message})` }], "usage");
  }
}
function isMetricsFile(file) {
  return path.extname(file).toLowerCase() === ".json";
}
function sourcesOf(candidateFile, baselineFile) {
  return { candidate: { metrics: candidateFile, predictions: candidateFile }, baseline: { metrics: baselineFile, predictions: baselineFile } };
}
async function compareFiles(spec, candidateFile, baselineFile) {
  if (isMetricsFile(candidateFile) !== isMetricsFile(baselineFile)) {
    throw new InputError([{ message: "give two predictions files or two metrics files (.json), not one of each" }], "usage");
  }
  const pinned = pinnedVersions(spec);
  const references = new Map(pinned.map((v) => [v, `retrain compare has no predictions of version ${v}`]));
  let candidate;
  let baseline;
  let verdict;
  let slices = [];
  let units = null;
  if (isMetricsFile(candidateFile)) {
    const declared = spec.metrics.map((m) => m.name);
    candidate = parseMetrics(await readText(candidateFile, "--candidate"), candidateFile, declared).metrics;
    baseline = parseMetrics(await readText(baselineFile, "--baseline"), baselineFile, declared).metrics;
    verdict = evaluateRules(spec.metrics, candidate, baseline, { references, sources: sourcesOf(candidateFile, baselineFile) });
  } else {
    const cols = predictionColumns(spec.evaluate.predictions);
    const computed = compareComputed(
      spec,
      await readPredictionsFile(candidateFile, "--candidate", cols),
      await readPredictionsFile(baselineFile, "--baseline", cols),
      new Map(references)
    );
    candidate = computed.candidate;
    baseline = computed.baseline;
    slices = computed.slices;
    units = computed.units;
    verdict = evaluateRules(spec.metrics, candidate, baseline, {
      references,
      confidence: computed.confidence,
      slices,
      sources: sourcesOf(candidateFile, baselineFile)
    });
  }
  const plan = planDecision(verdict, spec.promotion);
  return {
    model: spec.model,
    decision: plan.wouldBe ?? plan.decision,
    reason: plan.reason,
    passed: verdict.passed,
    goals: Object.fromEntries(spec.metrics.map((m) => [m.name, m.goal])),
    candidate,
    baseline,
    rules: verdict.outcomes,
    slices,
    units,
    ...!isMetricsFile(candidateFile) && {
      notInPredictions: spec.metrics.filter((m) => !m.compute && (m.change.length > 0 || m.min !== void 0 || m.max !== void 0)).map((m) => m.name)
    }
  };
}
function renderComparison(c) {
  const signed = (n) => n === null ? "\u2014" : `${n > 0 ? "+" : ""}${formatNumber(n)}`;
  const metricRows = Object.entries(c.goals).map(([name, goal]) => {
    const value = c.candidate[name] ?? null;
    const base = c.baseline[name] ?? null;
    const improvement = value !== null && base !== null ? improvementOf(goal, value, base) : null;
    return [name, goal, formatNumber(base), formatNumber(value), signed(improvement)];
  });
  const ruleRows = c.rules.map((o) => [
    o.status === "pass" ? "PASS" : o.status === "fail" ? "FAIL" : "n/a",
    o.rule,
    o.kind === "relative-change" && o.improvement !== null ? `${signed(o.improvement * 100)}%` : signed(o.improvement),
    boundCell(o),
    o.reason
  ]);
  const lines = [
    `## ${c.model}: candidate vs baseline`,
    "",
    `**Would be ${c.decision}.** ${c.reason.charAt(0).toUpperCase()}${c.reason.slice(1)}.`,
    "",
    ...c.units ? [`Computed from predictions; the bootstrap resampled ${c.units.count} ${c.units.kind}.`, ""] : [],
    ...c.notInPredictions?.length ? [
      `Not judged from predictions: ${c.notInPredictions.join(", ")} ${c.notInPredictions.length === 1 ? "is" : "are"} read from the evaluate command's metrics file (no \`compute:\` in the spec), so their rules fail closed here, where \`retrain run\` would judge them. Compare the two metrics .json files for those, or give them \`compute:\`.`,
      ""
    ] : [],
    table(["metric", "goal", "baseline", "candidate", "improvement"], metricRows),
    "",
    "### Rules",
    "",
    table(["result", "rule", "improvement", "bound", "why"], ruleRows),
    ""
  ];
  lines.push(...evidenceSections({ slices: c.slices }, table));
  return lines.join("\n");
}
export {
  compareFiles,
  renderComparison
};
