import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  checkThreadKnobs
} from "./chunk-7FFNMB6Q.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";
import "./chunk-SR7XTCTO.js";

// src/app/execute.ts
function unfinished(report, describe = messageOf) {
  return [
    ...[...report?.failed ?? [], ...report?.unconfirmed ?? []].map((e) => `${e.kind} of version ${e.version} (${e.error ?? "no answer"})`),
    ...report && "interrupted" in report ? [`the follow-ups it recorded (completing them failed: ${describe(report.interrupted)})`] : []
  ];
}
function messageOf(err) {
  return err instanceof Error ? err.message : String(err);
}
function countRules(spec) {
  return spec.metrics.reduce((n, m) => n + m.change.length + (m.min !== void 0 ? 1 : 0) + (m.max !== void 0 ? 1 : 0) + (m.slices ? 1 : 0), 0);
}
async function settle(deps, model, resend) {
  return await deps.registry.settle(model, deps.effectPerformers ?? {}, resend);
}
async function settleAfterChange(deps, model, resend) {
  try {
    return await settle(deps, model, resend);
  } catch (err) {
    return { done: [], failed: [], unconfirmed: [], interrupted: err };
  }
}
async function execute(command, deps) {
  checkThreadKnobs(process.env);
  const effects = deps.promotionEffects;
  switch (command.kind) {
    case "validate":
      return { kind: "validated", spec: command.spec, rules: countRules(command.spec) };
    case "status":
      return { kind: "status", snapshot: await deps.registry.snapshot(command.model) };
    case "compare": {
      const { compareFiles } = await import("./compare-command-CUJ557WF.js");
      return { kind: "compared", comparison: await compareFiles(command.spec, command.candidateFile, command.baselineFile) };
    }
    case "drift": {
      const { measureDrift } = await import("./drift-command-JKYQ6JUZ.js");
      return { kind: "drift", report: await measureDrift(command.spec, deps.registry, command.params, command.github) };
    }
    case "run": {
      if (!deps.gate) throw new Error("a run needs a gate");
      await settle(deps, command.settings.spec.model);
      const { runRetraining } = await import("./run-OEUQE5SC.js");
      const challenger = command.settings.challenger && (await import("./challenger-plan-GRXSZGJP.js")).findChallenger(command.settings.spec, command.settings.challenger.name);
      const run = await runRetraining({
        ...command.settings,
        // A challenger's params win over the defaults and the shell's overrides.
        ...challenger && { params: { ...command.settings.params, ...challenger.params } },
        registry: deps.registry,
        gate: deps.gate,
        reporter: deps.reporter,
        ...deps.artifacts && { artifacts: deps.artifacts },
        ...effects && { promotionEffects: effects },
        ...deps.effectPerformers && { effectPerformers: deps.effectPerformers },
        ...deps.stepCache && { stepCache: deps.stepCache }
      });
      return { kind: "run", run };
    }
    case "plan": {
      const { makePlan } = await import("./challenger-plan-GRXSZGJP.js");
      return { kind: "planned", plan: await makePlan(command.spec, command.params, deps.registry, command.github) };
    }
    case "select": {
      if (!deps.gate) throw new Error("select needs a gate");
      const model = command.spec.model;
      await settle(deps, model);
      const { makePlan } = await import("./challenger-plan-GRXSZGJP.js");
      const { selectCommand } = await import("./challenger-select-OF5OKWWG.js");
      const selection = await selectCommand({
        spec: command.spec,
        current: await makePlan(command.spec, command.params, deps.registry, command.github),
        ...command.plan !== void 0 && { plan: command.plan },
        registry: deps.registry,
        gate: deps.gate,
        reporter: deps.reporter,
        who: { actor: command.who.actor, reason: command.who.reason ?? "" },
        ...command.dryRun && { dryRun: true },
        ...effects && { promotionEffects: effects }
      });
      const followUps = selection.decision === "skipped" ? await settle(deps, model) : await settleAfterChange(deps, model);
      if (selection.decision !== "skipped" && command.spec.retention) {
        const { pruneAfterRun } = await import("./prune-command-3QLL37KV.js");
        await pruneAfterRun(deps.registry, command.spec, command.who.actor, deps.reporter);
      }
      return { kind: "selected", selection, followUps };
    }
    case "promote": {
      await settle(deps, command.model);
      const { promoteCandidate } = await import("./registry-commands-3775VKL4.js");
      const changed = await promoteCandidate(deps.registry, command.model, command.candidate, command.expectChampion, command.who, effects);
      const followUps = await settleAfterChange(deps, command.model);
      return { kind: "promoted", model: command.model, version: command.candidate, how: "promoted", followUps, ...!changed && { already: true } };
    }
    case "approve": {
      await settle(deps, command.model);
      const { approveCandidate } = await import("./registry-commands-3775VKL4.js");
      const changed = await approveCandidate(deps.registry, command.model, command.version, command.who, effects);
      const followUps = await settleAfterChange(deps, command.model);
      return { kind: "promoted", model: command.model, version: command.version, how: "approved", followUps, ...!changed && { already: true } };
    }
    case "rollback": {
      await settle(deps, command.model);
      const { rollback } = await import("./registry-commands-3775VKL4.js");
      const { version, changed } = await rollback(deps.registry, command.model, command.to, command.who, effects);
      const followUps = await settleAfterChange(deps, command.model);
      return { kind: "promoted", model: command.model, version, how: "rolled-back", followUps, ...!changed && { already: true } };
    }
    case "reject": {
      await settle(deps, command.model);
      const { rejectCandidate } = await import("./registry-commands-3775VKL4.js");
      await rejectCandidate(deps.registry, command.model, command.version, command.who);
      return { kind: "rejected", model: command.model, version: command.version, followUps: await settleAfterChange(deps, command.model) };
    }
    case "fetch": {
      const { fetchVersion } = await import("./fetch-command-ZZXLALH3.js");
      return { kind: "fetched", fetched: await fetchVersion(deps.registry, command.model, command.version, command.dest) };
    }
    case "settle":
      return { kind: "settled", model: command.model, followUps: await settle(deps, command.model) };
    case "prune": {
      const { pruneCommand, retentionPolicy } = await import("./prune-command-3QLL37KV.js");
      const report = await pruneCommand(deps.registry, command.model, retentionPolicy(command.spec, command.overrides), {
        ...command.dryRun && { dryRun: true },
        who: { actor: command.who.actor, reason: command.who.reason ?? "" },
        noPolicy: command.noPolicy,
        ...command.atStage && { atStage: command.atStage }
      });
      return { kind: "pruned", report, followUps: command.dryRun ? null : await settleAfterChange(deps, command.model) };
    }
    case "redeploy": {
      const snapshot = await deps.registry.snapshot(command.model);
      const champion = snapshot.champion;
      if (champion === null) throw new InputError([{ message: `${command.model} has no champion to deploy` }], "no-champion");
      const requested = effects?.(champion) ?? [];
      if (requested.length === 0) throw new InputError([{ message: `no deploy is configured for ${command.model}: nothing to send again` }], "no-deploy");
      const waiting = (snapshot.effects ?? []).some((e) => requested.some((r) => r.kind === e.kind) && e.version === champion);
      if (!waiting) await deps.registry.apply(command.model, { kind: "add-effects", effects: requested });
      const followUps = await settleAfterChange(deps, command.model, (e) => e.version === champion && requested.some((r) => r.kind === e.kind));
      return { kind: "redeployed", model: command.model, version: champion, followUps };
    }
  }
}
export {
  execute,
  unfinished
};
