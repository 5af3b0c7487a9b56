import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  formatNumber
} from "./chunk-5M42D7ZX.js";

// src/engine/rules.ts
function pinnedVersions(spec) {
  return [...new Set(spec.metrics.flatMap((m) => m.change.map((r) => r.against)).filter((a) => a !== "champion"))];
}
function runSource() {
  return { metrics: "its metrics file ($RETRAIN_METRICS_FILE)", predictions: "its predictions ($RETRAIN_PREDICTIONS_FILE)" };
}
function undefinedReason(value, whose, metric, source) {
  const name = metric.name;
  const where = metric.compute !== void 0 ? `computed from ${source.predictions}` : `in ${source.metrics}`;
  if (value === void 0) return `${whose} has no metric "${name}" ${where}`;
  if (value === null || Number.isNaN(value))
    return `${whose}'s ${name} is undefined ${metric.compute !== void 0 ? `on ${source.predictions}` : `(NaN or null) ${where}`}`;
  if (!Number.isFinite(value)) return `${whose}'s ${name} is ${value > 0 ? "" : "-"}infinite ${where}`;
  return null;
}
function improvementOf(goal, candidate, baseline) {
  return goal === "maximize" ? candidate - baseline : baseline - candidate;
}
function checkBound(metric, kind, bound, value, source) {
  const rule = `${metric.name} ${kind === "min" ? ">=" : "<="} ${formatNumber(bound)}`;
  const base = { metric: metric.name, kind, rule, baseline: null, improvement: null, threshold: bound };
  const problem = undefinedReason(value, "the candidate", metric, source);
  if (problem !== null || value === null || value === void 0) {
    return { ...base, value: null, status: "fail", reason: `${problem}: fails closed` };
  }
  const ok = kind === "min" ? value >= bound : value <= bound;
  const [shown, limit] = showAgainst(value, bound, "exact", false);
  return {
    ...base,
    value,
    status: ok ? "pass" : "fail",
    // A bound is absolute: it holds on this run's evaluation data, whatever data earlier versions saw.
    reason: ok ? `${shown} is within the bound (on this run's evaluation data)` : `${shown} is ${kind === "min" ? "below the minimum" : "above the maximum"} ${limit} on this run's evaluation data`
  };
}
function describeChange(metric, rule) {
  const relative = rule.relativeMargin !== void 0;
  const margin = (relative ? rule.relativeMargin : rule.margin) ?? 0;
  const amount = relative ? `${formatNumber(Math.abs(margin) * 100)}%` : formatNumber(Math.abs(margin));
  const against = rule.against === "champion" ? "" : ` against version ${rule.against}`;
  const sure = rule.confidence === void 0 ? "" : ` (${formatNumber(rule.confidence * 100)}% confidence)`;
  const text = margin >= 0 ? `${metric.name} improves by more than ${amount}${against}${sure}` : `${metric.name} regresses by at most ${amount}${against}${sure}`;
  return { kind: relative ? "relative-change" : "change", margin, text };
}
function roundingSlack(improvement, margin, scale) {
  return 16 * Number.EPSILON * Math.max(Math.abs(improvement), Math.abs(margin), scale);
}
function scaleOf(kind, value, baseline) {
  if (value === null || baseline === null) return 0;
  const largest = Math.max(Math.abs(value), Math.abs(baseline));
  return kind === "relative-change" ? largest / Math.abs(baseline) : largest;
}
function clearsMargin(improvement, margin, scale) {
  const slack = roundingSlack(improvement, margin, scale);
  return margin >= 0 ? improvement > margin + slack : improvement >= margin - slack;
}
function showAgainst(n, margin, scale, relative) {
  const unit = relative ? 100 : 1;
  const text = (x, digits) => `${digits <= 5 ? formatNumber(x) : String(Number(x.toPrecision(digits)))}${relative ? "%" : ""}`;
  if (scale === "exact" ? n === margin : Math.abs(n - margin) <= roundingSlack(n, margin, scale)) return [text(margin * unit, 5), text(margin * unit, 5)];
  for (let digits = 5; digits < 17; digits++) {
    if (text(n * unit, digits) !== text(margin * unit, digits)) return [text(n * unit, digits), text(margin * unit, digits)];
  }
  return [text(n * unit, 17), text(margin * unit, 17)];
}
function checkChange(metric, rule, candidate, baseline, evidence) {
  const { kind, margin, text } = describeChange(metric, rule);
  const base = {
    metric: metric.name,
    kind,
    rule: text,
    threshold: margin,
    ...rule.against !== "champion" && { against: rule.against },
    ...rule.confidence !== void 0 && { confidence: rule.confidence, bound: null }
  };
  const whose = rule.against === "champion" ? "the baseline" : `version ${rule.against}`;
  const sources = evidence.sources ?? { candidate: runSource(), baseline: runSource() };
  const problem = undefinedReason(candidate, "the candidate", metric, sources.candidate) ?? undefinedReason(baseline, whose, metric, sources.baseline);
  if (problem !== null || candidate == null || baseline == null) {
    return {
      ...base,
      value: typeof candidate === "number" && Number.isFinite(candidate) ? candidate : null,
      baseline: typeof baseline === "number" && Number.isFinite(baseline) ? baseline : null,
      improvement: null,
      status: "fail",
      reason: `${problem}: fails closed`
    };
  }
  const absolute = improvementOf(metric.goal, candidate, baseline);
  const failClosed = (reason) => ({
    ...base,
    value: candidate,
    baseline,
    improvement: null,
    status: "fail",
    reason: `${reason}: fails closed`
  });
  if (kind === "relative-change" && baseline === 0) return failClosed(`${whose}'s ${metric.name} is 0, so a relative change cannot be computed`);
  const improvement = kind === "relative-change" ? absolute / Math.abs(baseline) : absolute;
  if (!Number.isFinite(improvement)) {
    return failClosed(
      `the improvement of ${metric.name} (${formatNumber(candidate)} against ${formatNumber(baseline)}) is ${improvement > 0 ? "" : "-"}infinite in floating point`
    );
  }
  const show = (n) => kind === "relative-change" ? `${formatNumber(n * 100)}%` : formatNumber(n);
  const numbers = { ...base, value: candidate, baseline, improvement };
  if (rule.confidence !== void 0) return checkConfidence(numbers, metric, rule, rule.confidence, evidence, show);
  const scale = scaleOf(kind, candidate, baseline);
  const ok = clearsMargin(improvement, margin, scale);
  const [shownImprovement, shownMargin] = showAgainst(improvement, margin, scale, kind === "relative-change");
  return {
    ...numbers,
    status: ok ? "pass" : "fail",
    reason: ok ? `improvement ${shownImprovement} ${margin >= 0 ? ">" : ">="} ${shownMargin}` : `improvement ${shownImprovement} ${margin >= 0 ? "does not exceed" : "is below"} ${shownMargin}`
  };
}
function checkConfidence(numbers, metric, rule, confidence, evidence, show) {
  const margin = numbers.threshold;
  const found = evidence.confidence?.(metric.name, rule.against, numbers.kind === "relative-change", confidence);
  if (!found) {
    return { ...numbers, status: "fail", reason: `no per-example predictions to bound the improvement of ${metric.name}: fails closed` };
  }
  const interval = { method: found.method, resamples: found.resamples, degenerate: found.degenerate, units: found.units, unit: found.unit, upper: found.upper };
  if (found.problem !== null || found.bound === null) {
    return { ...numbers, interval, status: "fail", reason: `${found.problem ?? "no bound"}: fails closed (point estimate ${show(numbers.improvement)})` };
  }
  const relative = numbers.kind === "relative-change";
  const scale = scaleOf(numbers.kind, numbers.value, numbers.baseline);
  const ok = clearsMargin(found.bound, margin, scale);
  const [bound, against] = showAgainst(found.bound, margin, scale, relative);
  const [estimate, estimateAgainst] = showAgainst(numbers.improvement, margin, scale, relative);
  const how = `${found.method === "bca" ? "BCa" : "percentile"}, ${found.resamples} paired resamples of ${found.units} ${found.unit}`;
  const level = `${formatNumber(confidence * 100)}% lower bound`;
  return {
    ...numbers,
    bound: found.bound,
    interval,
    status: ok ? "pass" : "fail",
    reason: ok ? `${level} ${bound} ${margin >= 0 ? ">" : ">="} ${against} (point estimate ${show(numbers.improvement)}; ${how})` : clearsMargin(numbers.improvement, margin, scale) ? `${level} ${bound} ${margin >= 0 ? "does not exceed" : "is below"} ${against}, although the point estimate is ${show(numbers.improvement)}: the gain is not distinguishable from noise (${how})` : (
      // The point estimate itself fails: a plain regression (or no gain), not a question of noise.
      `the point estimate ${estimate} itself ${margin >= 0 ? "does not exceed" : "is below"} ${estimateAgainst}, and the ${level} is ${show(found.bound)} (${how})`
    )
  };
}
function checkSlices(metric, judgement, firstModel) {
  const rule = metric.slices;
  const base = {
    metric: metric.name,
    kind: "slices",
    rule: `no slice of ${metric.name} regresses by more than ${formatNumber(rule.maxRegression)} (${formatNumber((rule.confidence ?? 0.95) * 100)}% confidence, Holm)`,
    threshold: -rule.maxRegression,
    bound: null
  };
  if (firstModel) {
    return { ...base, value: null, baseline: null, improvement: null, status: "not-applicable", reason: "first model: there is no champion to compare with" };
  }
  if (!judgement) {
    return {
      ...base,
      value: null,
      baseline: null,
      improvement: null,
      status: "fail",
      reason: `no per-example predictions to judge the slices of ${metric.name}: fails closed`
    };
  }
  const worst = judgement.slices.find((s) => s.worst);
  const numbers = {
    ...base,
    value: worst?.candidate ?? null,
    baseline: worst?.baseline ?? null,
    improvement: worst?.improvement ?? null,
    bound: worst?.upper ?? null
  };
  const failed = judgement.slices.filter((s) => s.status === "fail");
  const judged = judgement.slices.filter((s) => s.status !== "not-judged").length;
  const small = judgement.slices.length - judged;
  const counts = `${judged} judged${small > 0 ? `, ${small} reported but not judged` : ""}`;
  if (failed.length > 0) {
    const named = failed.map((s) => `${s.column}=${s.value} (${formatNumber(s.improvement)}, upper bound ${formatNumber(s.upper)})`).join(", ");
    return {
      ...numbers,
      status: "fail",
      reason: `${failed.length} slice${failed.length === 1 ? "" : "s"} regress${failed.length === 1 ? "es" : ""} on evidence: ${named}; ${counts}`
    };
  }
  const worstText = worst ? `; worst: ${worst.column}=${worst.value} (${formatNumber(worst.improvement)})` : "";
  return { ...numbers, status: "pass", reason: `no slice regresses beyond ${formatNumber(rule.maxRegression)} on evidence (${counts})${worstText}` };
}
function unjudged(metric, rule, value, status, reason) {
  const { kind, margin, text } = describeChange(metric, rule);
  return {
    metric: metric.name,
    kind,
    rule: text,
    value: typeof value === "number" && Number.isFinite(value) ? value : null,
    baseline: null,
    improvement: null,
    threshold: margin,
    status,
    reason,
    ...rule.against !== "champion" && { against: rule.against }
  };
}
function evaluateRules(metrics, candidate, baseline, evidence = {}) {
  const outcomes = [];
  const source = evidence.sources?.candidate ?? runSource();
  for (const metric of metrics) {
    if (metric.min !== void 0) outcomes.push(checkBound(metric, "min", metric.min, candidate[metric.name], source));
    if (metric.max !== void 0) outcomes.push(checkBound(metric, "max", metric.max, candidate[metric.name], source));
    for (const rule of metric.change) {
      if (baseline === null) {
        const problem = undefinedReason(candidate[metric.name], "the candidate", metric, source);
        if (problem !== null)
          outcomes.push(unjudged(metric, rule, null, "fail", `${problem}: fails closed, a first model too (a champion without it could not be compared with)`));
        else outcomes.push(unjudged(metric, rule, candidate[metric.name], "not-applicable", "first model: there is no champion to compare with"));
        continue;
      }
      const reference = rule.against === "champion" ? baseline : evidence.references?.get(rule.against);
      if (reference === void 0 || typeof reference === "string") {
        const reason = `${reference ?? `version ${rule.against} was not evaluated`}: fails closed`;
        outcomes.push(unjudged(metric, rule, candidate[metric.name], "fail", reason));
        continue;
      }
      outcomes.push(checkChange(metric, rule, candidate[metric.name], reference[metric.name], evidence));
    }
    if (metric.slices)
      outcomes.push(
        checkSlices(
          metric,
          evidence.slices?.find((j) => j.metric === metric.name),
          baseline === null
        )
      );
  }
  return { passed: outcomes.every((o) => o.status !== "fail"), firstModel: baseline === null, outcomes };
}
function isBorderline(o) {
  return o.status === "fail" && (o.kind === "change" || o.kind === "relative-change") && o.confidence !== void 0 && typeof o.bound === "number" && o.improvement !== null && clearsMargin(o.improvement, o.threshold, scaleOf(o.kind, o.value, o.baseline));
}
function describeBorderline(o) {
  const show = (n) => o.kind === "relative-change" ? `${formatNumber(n * 100)}%` : formatNumber(n);
  const level = `${formatNumber((o.confidence ?? 0) * 100)}% lower bound`;
  return `${o.rule}: point estimate ${show(o.improvement)} passes, ${level} ${show(o.bound)} does not clear ${show(o.threshold)}`;
}
function planDecision(verdict, promotion) {
  const failed = verdict.outcomes.filter((o) => o.status === "fail");
  let action;
  let reason;
  if (failed.length > 0 && promotion.borderline === "gate" && failed.every(isBorderline)) {
    action = "gate";
    reason = `borderline: ${failed.map(describeBorderline).join("; ")}; the promotion policy sends borderline cases to a person`;
  } else if (failed.length > 0) {
    action = "reject";
    reason = `${failed.length} rule${failed.length === 1 ? "" : "s"} failed: ${failed.map((o) => o.rule).join("; ")}`;
  } else if (verdict.firstModel) {
    action = promotion.firstModel === "promote" ? "promote" : promotion.firstModel === "gate" ? "gate" : "reject";
    reason = `first model: the spec's first-model policy is "${promotion.firstModel}"`;
  } else {
    action = promotion.mode === "gate" ? "gate" : "promote";
    reason = "every rule passed";
  }
  const decision = action === "promote" ? "promoted" : action === "gate" ? "pending-approval" : "rejected";
  if (promotion.mode === "dry-run") {
    return { action: "none", decision: "skipped", wouldBe: decision, reason: `dry run, nothing changed; would be ${decision}: ${reason}` };
  }
  return { action, decision, reason };
}

export {
  pinnedVersions,
  improvementOf,
  evaluateRules,
  planDecision
};
