import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  preview
} from "./chunk-KVC4UYSJ.js";
import {
  InputError,
  formatProblem
} from "./chunk-OLTTSRKB.js";

// src/spec/option-values.ts
var OPTION_CHECKS_VARIABLE = "RETRAIN_OPTION_CHECKS";
function optionChecksExpression(checks) {
  return `'${Buffer.from(JSON.stringify(checks), "utf8").toString("base64")}'`;
}
function optionLike(value, leads, tokens) {
  if (!tokens) return value.length > 0 && leads.includes(value[0]) ? value : void 0;
  return value.split(/[ \t\n]+/).find((part) => part.length > 0 && leads.includes(part[0]));
}
function describeLeads(leads) {
  const chars = [...leads].map((c) => `"${c}"`);
  return chars.length === 1 ? chars[0] : `${chars.slice(0, -1).join(", ")} or ${chars[chars.length - 1]}`;
}
function optionValueProblem(check, value) {
  const part = optionLike(value, check.leads, check.tokens);
  if (part === void 0) return null;
  const where = check.file === void 0 ? {} : { file: check.file, line: check.line, col: check.col };
  const what = check.tokens ? `holds ${preview(part, 60)}, which starts with ${describeLeads(check.leads)}` : `starts with ${describeLeads(check.leads)}`;
  return {
    ...where,
    message: `\${{ ${check.expression} }} is ${preview(value, 60)}, which ${what}: ${check.program} would read it as an option (options such as --upload-pack, --to-command or -exec run commands), so the step was not started. If the value is meant as an operand, put "--" before the operands (${check.program} ... -- "\${{ ... }}") or give it a prefix that is not an option (./), or declare the param with an enum`
  };
}
function parseChecks(carried) {
  try {
    const parsed = JSON.parse(Buffer.from(carried, "base64").toString("utf8"));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (c) => typeof c === "object" && c !== null && typeof c.name === "string" && typeof c.leads === "string" && typeof c.program === "string"
    );
  } catch {
    return [];
  }
}
function optionValueProblems(expressionEnv, evaluate) {
  const carrier = expressionEnv.find((e) => e.name === OPTION_CHECKS_VARIABLE);
  if (!carrier) return [];
  const problems = [];
  for (const check of parseChecks(evaluate(carrier.expression))) {
    const entry = expressionEnv.find((e) => e.name === check.name);
    const problem = entry && optionValueProblem(check, evaluate(entry.expression));
    if (problem && !problems.some((p) => formatProblem(p) === formatProblem(problem))) problems.push(problem);
  }
  return problems;
}
function checkOptionValues(env) {
  const carried = env[OPTION_CHECKS_VARIABLE];
  if (carried === void 0) return env;
  const { [OPTION_CHECKS_VARIABLE]: _carrier, ...rest } = env;
  const checks = parseChecks(carried);
  const problems = [];
  for (const check of checks) {
    const value = rest[check.name];
    if (value === void 0) continue;
    const problem = optionValueProblem(check, value);
    if (problem && !problems.some((p) => formatProblem(p) === formatProblem(problem))) problems.push(problem);
  }
  if (problems.length) throw new InputError(problems);
  return rest;
}

export {
  OPTION_CHECKS_VARIABLE,
  optionChecksExpression,
  optionValueProblems,
  checkOptionValues
};
