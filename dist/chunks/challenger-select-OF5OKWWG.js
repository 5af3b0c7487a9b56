import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  improvementOf
} from "./chunk-GDHDK6BJ.js";
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
  ExitCode,
  InputError,
  RetrainError,
  StaleBaselineError
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/engine/challenger-select.ts
function clears(bound, margin) {
  return bound !== null && (margin >= 0 ? bound > margin : bound >= margin);
}
function selectChallenger(input) {
  const correction = input.correction ?? "holm";
  const m = input.challengers.length;
  const rows = input.challengers.map(({ name, params }) => {
    const record = input.records.get(name);
    if (!record)
      return {
        name,
        version: null,
        status: "missing",
        reason: "no version of this challenger in the plan (its run failed or has not finished)",
        primary: null,
        metrics: {},
        params,
        bounds: []
      };
    return {
      name,
      version: record.version,
      status: record.status === "candidate" ? "not-selected" : record.status === "rejected" ? "rejected" : "refused",
      reason: record.status === "candidate" ? "" : record.status === "rejected" ? `its own run rejected it: ${input.rejections?.get(record.version) ?? record.decision}` : `it is ${record.status}, not a candidate`,
      primary: record.metrics[input.primary.metric] ?? null,
      metrics: record.metrics,
      params,
      bounds: []
    };
  });
  const evidenceOf = (row) => input.records.get(row.name)?.challenger?.evidence ?? [];
  const rules = /* @__PURE__ */ new Map();
  for (const row of rows) for (const e of evidenceOf(row)) if (!rules.has(e.rule)) rules.set(e.rule, e);
  for (const [rule, model] of rules) {
    const entries = rows.map((row) => ({ row, e: evidenceOf(row).find((x) => x.rule === rule) }));
    entries.sort((a, b) => (a.e?.p ?? 1) - (b.e?.p ?? 1) || a.row.name.localeCompare(b.row.name));
    let going = true;
    entries.forEach(({ row, e }, rank) => {
      const j = correction === "holm" ? m - rank : 1;
      const bound = e?.bounds[j - 1] ?? null;
      const pass = going && clears(bound, model.margin);
      if (!pass) going = correction === "none";
      row.bounds.push({ rule, text: model.text, p: e?.p ?? 1, confidence: 1 - (1 - model.confidence) / j, bound, margin: model.margin, pass });
    });
  }
  const passing = rows.filter((r) => r.status === "not-selected" && r.bounds.every((b) => b.pass));
  for (const row of rows.filter((r) => r.status === "not-selected" && !passing.includes(r))) {
    const failed = row.bounds.filter((b) => !b.pass);
    row.reason = `${correction === "holm" ? `Holm-corrected for ${m} challengers` : "uncorrected"}: ${failed.map((b) => `${b.text}: lower bound ${b.bound === null ? "not computable" : formatNumber(b.bound)} at ${formatNumber(b.confidence * 100)}% does not clear ${formatNumber(b.margin)}`).join("; ")}`;
  }
  const better = (a, b) => {
    if (a.primary === null || !Number.isFinite(a.primary)) return false;
    if (b.primary === null || !Number.isFinite(b.primary)) return true;
    const gain = improvementOf(input.primary.goal, a.primary, b.primary);
    return gain > 0 || gain === 0 && a.version < b.version;
  };
  let winner = null;
  for (const row of passing) if (row.primary !== null && Number.isFinite(row.primary) && (winner === null || better(row, winner))) winner = row;
  for (const row of passing) {
    if (row === winner) {
      row.status = "selected";
      row.reason = `passes every rule${rules.size ? ` (bounds Holm-corrected for ${m} challengers)` : ""} and has the best ${input.primary.metric}`;
    } else {
      row.reason = winner ? `passes every rule, but ${winner.name} (version ${winner.version}) has the better ${input.primary.metric}: ${formatNumber(winner.primary)} against ${row.primary === null ? "none" : formatNumber(row.primary)}` : `its ${input.primary.metric} is undefined: fails closed`;
    }
  }
  return { plan: input.plan, correction, compared: m, primary: input.primary, winner, rows };
}
function describePlanOf(record) {
  return `compared with ${record.baselineVersion === null ? "no champion" : `version ${record.baselineVersion}`}`;
}
function whyNot(record, plan) {
  const champion = plan.champion?.version ?? null;
  if (record.baselineVersion !== champion) {
    return `evaluated against ${record.baselineVersion === null ? "no champion" : `champion version ${record.baselineVersion}`}, but the plan's champion is ${champion === null ? "none" : `version ${champion}`}`;
  }
  if ((record.evaluationData ?? null) !== plan.evaluationData) return "evaluated on other evaluation data than the plan (its fingerprint differs)";
  return `it belongs to plan ${record.challenger?.plan} (another spec or challenger list)`;
}
async function selectCommand(options) {
  const { spec, current, registry, reporter } = options;
  const snapshot = await registry.snapshot(spec.model);
  const challengers = snapshot.versions.filter((v) => v.challenger !== void 0);
  const id = options.plan ?? current.id;
  if (id !== current.id) {
    const theirs = challengers.filter((v) => v.challenger.plan === id);
    if (theirs.length === 0) {
      throw new InputError([{ message: `no challenger of ${spec.model} belongs to plan ${id}; the current plan is ${current.id}` }], "unknown-plan");
    }
    const champion = current.champion?.version ?? null;
    const moved = theirs.find((v) => v.baselineVersion !== champion);
    const why = moved ? `the candidates of plan ${id} were ${describePlanOf(moved)}, but the champion is ${champion === null ? "none" : `version ${champion}`} now` : (theirs[0].evaluationData ?? null) !== current.evaluationData ? `the candidates of plan ${id} were evaluated on other data than the evaluation data as it is now` : `the spec changed since plan ${id}`;
    throw new RetrainError(
      `${why}; nothing was selected or changed. Plan again and train the challengers against the current champion.`,
      ExitCode.conflict,
      "plan-moved"
    );
  }
  const records = /* @__PURE__ */ new Map();
  const refused = [];
  for (const v of challengers) {
    if (v.challenger.plan === id) {
      const seen = records.get(v.challenger.name);
      if (!seen || seen.version < v.version) records.set(v.challenger.name, v);
    } else if (v.status === "candidate") {
      refused.push({ version: v.version, name: v.challenger.name, reason: whyNot(v, current) });
    }
  }
  for (const v of records.values()) {
    if (v.baselineVersion !== (current.champion?.version ?? null) || (v.evaluationData ?? null) !== current.evaluationData) {
      records.delete(v.challenger.name);
      refused.push({ version: v.version, name: v.challenger.name, reason: whyNot(v, current) });
    }
  }
  if (records.size === 0) {
    const others = refused.map((r) => `version ${r.version} (${r.name}): ${r.reason}`).join("; ");
    throw new RetrainError(
      `no challenger of plan ${id} has run yet${others ? `; candidates of other plans are refused: ${others}` : ""}; nothing was selected`,
      ExitCode.conflict,
      "no-candidates"
    );
  }
  const primaryMetric = spec.metrics[0];
  const selection = selectChallenger({
    plan: id,
    challengers: current.challengers,
    primary: { metric: primaryMetric.name, goal: primaryMetric.goal },
    records,
    rejections: new Map(snapshot.history.filter((e) => e.action === "rejected").map((e) => [e.version, e.reason]))
  });
  const mode = options.dryRun ? "dry-run" : spec.promotion.mode;
  const firstModel = current.champion === null;
  const winner = selection.winner;
  let decision = mode === "dry-run" ? "skipped" : "none";
  if (winner && mode !== "dry-run") {
    if (firstModel && spec.promotion.firstModel === "reject") {
      winner.status = "not-selected";
      winner.reason = `${winner.reason}; but this is the first model and the spec's first-model policy is "reject"`;
    } else decision = mode === "gate" || firstModel && spec.promotion.firstModel === "gate" ? "pending-approval" : "promoted";
  }
  let gate = null;
  const report = () => renderSelection(selection, decision, refused, current, mode);
  if (decision === "pending-approval" && winner) {
    gate = await options.gate.open({ model: spec.model, candidate: winner.version, baseline: current.champion?.version ?? null, reportMarkdown: report() });
    reporter.info(`Release gate opened: ${gate.where}`);
  }
  if (mode !== "dry-run") {
    const others = selection.rows.filter((r) => r !== winner || decision === "none").filter((r) => r.version !== null && records.get(r.name)?.status === "candidate").map((r) => ({ expect: { version: r.version, status: "candidate" }, reason: `not selected from plan ${id}: ${r.reason}` }));
    try {
      await registry.apply(spec.model, {
        kind: "select",
        winner: winner && decision !== "none" ? {
          expect: { version: winner.version, status: "candidate" },
          status: decision === "promoted" ? "promoted" : "pending",
          reason: `selected from plan ${id}: ${winner.reason}`
        } : null,
        others,
        expectChampion: current.champion?.version ?? null,
        who: options.who,
        effects: decision === "promoted" && winner ? options.promotionEffects?.(winner.version) ?? [] : []
      });
    } catch (err) {
      if (err instanceof StaleBaselineError) {
        throw new RetrainError(
          `the champion moved while selecting from plan ${id} (${err.message}); nothing was selected or changed. Plan again.`,
          ExitCode.conflict,
          "stale-baseline"
        );
      }
      throw err;
    }
  }
  const text = report();
  await reporter.report(text);
  return { selection, decision, refused, gate, report: text };
}
function cell(n) {
  return n === null || n === void 0 ? "\u2014" : formatNumber(n);
}
function renderSelection(s, decision, refused, plan, mode) {
  const champion = plan.champion ? `version ${plan.champion.version}` : "no champion (first model)";
  const w = s.winner;
  const head = w === null ? `no challenger of plan ${s.plan} passes every rule; the champion stays ${champion}` : decision === "promoted" ? `challenger ${w.name} (version ${w.version}) is the new champion (replacing ${champion})` : decision === "pending-approval" ? `challenger ${w.name} (version ${w.version}) waits for a person's approval (champion: ${champion})` : mode === "dry-run" ? `dry run, nothing changed; challenger ${w.name} (version ${w.version}) would be selected` : `challenger ${w.name} (version ${w.version}) passes, but nothing was promoted (champion: ${champion})`;
  const ruleNames = [...new Set(s.rows.flatMap((r) => r.bounds.map((b) => b.rule)))];
  const metricNames = [...new Set(s.rows.flatMap((r) => Object.keys(r.metrics)))];
  const header = ["challenger", "version", "params", ...metricNames, ...ruleNames.map((r) => `bound ${r.replace(/#\d+$/, "")} (p)`), "outcome", "why"];
  const rows = s.rows.map((r) => [
    r.name,
    r.version === null ? "\u2014" : String(r.version),
    Object.entries(r.params).map(([k, v]) => `${k}=${v}`).join(" "),
    ...metricNames.map((m) => cell(r.metrics[m])),
    ...ruleNames.map((rule) => {
      const b = r.bounds.find((x) => x.rule === rule);
      return b ? `${cell(b.bound)} @${formatNumber(b.confidence * 100)}% (p=${b.p.toPrecision(2)})${b.pass ? "" : " \u2717"}` : "\u2014";
    }),
    r.status,
    r.reason
  ]);
  const lines = [`## Challengers of plan ${s.plan}: ${head}`, ""];
  lines.push(
    `Compared with ${champion}. The best on the primary metric (${s.primary.metric}, ${s.primary.goal}) among the candidates that pass every rule is selected.`
  );
  if (ruleNames.length > 0) {
    lines.push(
      s.correction === "holm" ? `Confidence bounds are Holm-corrected for the ${s.compared} challengers compared, so racing many challengers does not inflate false promotions: the challenger with the smallest p-value must clear its bound at 1 - (1 - c)/${s.compared}, the next at 1 - (1 - c)/${s.compared - 1}, and so on.` : "Confidence bounds are not corrected for the number of challengers."
    );
  }
  lines.push("", table(header, rows));
  if (refused.length > 0) {
    lines.push("", "Candidates of other plans, refused and left as they are:", "");
    for (const r of refused) lines.push(`- version ${r.version} (challenger ${r.name}): ${r.reason}`);
  }
  return lines.join("\n") + "\n";
}
function selectionJson(o) {
  return {
    plan: o.selection.plan,
    decision: o.decision,
    winner: o.selection.winner && { name: o.selection.winner.name, version: o.selection.winner.version },
    correction: o.selection.correction,
    compared: o.selection.compared,
    primary: o.selection.primary,
    challengers: o.selection.rows,
    refused: o.refused,
    gate: o.gate
  };
}
export {
  renderSelection,
  selectChallenger,
  selectCommand,
  selectionJson
};
