import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  closest
} from "./chunk-EU3M232E.js";
import {
  nulPosition,
  preview
} from "./chunk-KVC4UYSJ.js";
import {
  InputError
} from "./chunk-OLTTSRKB.js";

// src/spec/params.ts
var MAX_PARAM_BYTES = 32 * 1024;
var MAX_PARAMS_JSON_BYTES = 64 * 1024;
function kib(bytes) {
  return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB (${bytes} bytes)`;
}
function paramTextProblem(text) {
  const nul = nulPosition(text);
  if (nul !== null) {
    return `contains a NUL byte (\\0) at character ${nul}, which no environment variable or argument can carry; remove it`;
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_PARAM_BYTES) {
    return `is ${kib(bytes)}, over the limit of ${kib(MAX_PARAM_BYTES)} for a param value (params reach steps as environment variables); pass large content as a file: a data input, or a path in the param`;
  }
  return null;
}
function paramsTotalProblem(values) {
  const bytes = Buffer.byteLength(JSON.stringify(values), "utf8");
  if (bytes <= MAX_PARAMS_JSON_BYTES) return null;
  const largest = Object.entries(values).map(([name, v]) => [name, Buffer.byteLength(JSON.stringify(v) ?? "", "utf8")]).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, b]) => `${name} ${kib(b)}`);
  return `the params together are ${kib(bytes)} as JSON, over the limit of ${kib(MAX_PARAMS_JSON_BYTES)} for RETRAIN_PARAMS (largest: ${largest.join(", ")}); pass large content as files`;
}
function parseParamAssignments(args) {
  const assignments = /* @__PURE__ */ Object.create(null);
  const problems = [];
  for (const arg of args) {
    const eq = arg.indexOf("=");
    const name = eq < 0 ? "" : arg.slice(0, eq).trim();
    if (eq < 0 || name === "") {
      problems.push({ message: `--param ${JSON.stringify(arg)} must be name=value (for example --param epochs=20)` });
      continue;
    }
    const value = arg.slice(eq + 1);
    if (Object.hasOwn(assignments, name) && assignments[name] !== value) {
      problems.push({ message: `--param ${preview(name)} is given twice, as ${preview(assignments[name])} and ${preview(value)}; give it once` });
      continue;
    }
    assignments[name] = value;
  }
  if (problems.length) throw new InputError(problems);
  return assignments;
}
function paramEnvName(name) {
  return `RETRAIN_PARAM_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
function describeParamType(param) {
  if (param.enum) return `one of ${param.enum.map(String).join(", ")}`;
  switch (param.type) {
    case "boolean":
      return "true or false";
    case "string":
      return "a string";
    case "integer":
    case "number": {
      const noun = param.type === "integer" ? "an integer" : "a number";
      const { minimum: min, maximum: max } = param;
      if (min !== void 0 && max !== void 0) return `${noun} from ${min} to ${max}`;
      if (min !== void 0) return `${noun} >= ${min}`;
      if (max !== void 0) return `${noun} <= ${max}`;
      return noun;
    }
  }
}
var TYPE_NOUNS = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "true or false"
};
var INTEGER_TEXT = /^-?\d+$/;
var NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
function coerce(param, raw) {
  switch (param.type) {
    case "string":
      return typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" ? String(raw) : void 0;
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (typeof raw === "string" && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
      return void 0;
    case "integer": {
      const value = typeof raw === "string" && INTEGER_TEXT.test(raw) ? Number(raw) : raw;
      return typeof value === "number" && Number.isSafeInteger(value) ? value : void 0;
    }
    case "number": {
      const value = typeof raw === "string" && NUMBER_TEXT.test(raw) ? Number(raw) : raw;
      return typeof value === "number" && Number.isFinite(value) ? value : void 0;
    }
  }
}
function checkParamValue(param, value) {
  const expected = describeParamType(param);
  const typeOk = param.type === "string" ? typeof value === "string" : param.type === "boolean" ? typeof value === "boolean" : typeof value === "number" && Number.isFinite(value) && (param.type === "number" || Number.isSafeInteger(value));
  if (!typeOk) return `must be ${param.enum ? `${TYPE_NOUNS[param.type]}, ${expected}` : expected}`;
  if (typeof value === "string") {
    const problem = paramTextProblem(value);
    if (problem) return problem;
  }
  if (param.enum && !param.enum.some((allowed) => allowed === value)) return `must be ${expected}`;
  if (typeof value === "number") {
    if (param.minimum !== void 0 && value < param.minimum || param.maximum !== void 0 && value > param.maximum) {
      return `must be ${expected}`;
    }
  }
  return null;
}
function show(raw) {
  return preview(raw);
}
function resolveParams(spec, overrides, source, options = {}) {
  const problems = [];
  const names = Object.keys(spec.params);
  if (!options.ignoreUnknown) {
    for (const name of Object.keys(overrides)) {
      if (Object.hasOwn(spec.params, name)) continue;
      const near = closest(name, names);
      const declared = names.length ? `the spec declares ${names.join(", ")}` : "the spec declares no params";
      problems.push({
        message: `unknown param ${preview(name)} from ${source}${near ? `; did you mean "${near}"?` : ""} (${declared})${options.unknownHint ? `; ${options.unknownHint}` : ""}`
      });
    }
  }
  const resolved = {};
  for (const [name, param] of Object.entries(spec.params)) {
    const raw = Object.hasOwn(overrides, name) ? overrides[name] : void 0;
    if (raw === void 0 || raw === null) {
      if (param.default === void 0) {
        problems.push({
          message: `param "${name}" is required: it has no default and ${source} did not give it (expected ${describeParamType(param)})`
        });
      } else {
        resolved[name] = param.default;
      }
      continue;
    }
    const value = coerce(param, raw);
    const problem = value === void 0 ? `must be ${describeParamType(param)}` : checkParamValue(param, value);
    if (problem !== null || value === void 0) {
      problems.push({ message: `param "${name}" from ${source} ${problem} (got ${show(raw)})` });
      continue;
    }
    resolved[name] = value;
  }
  if (problems.length === 0) {
    const total = paramsTotalProblem(resolved);
    if (total) problems.push({ message: `${total} (from ${source} and the spec's defaults)` });
  }
  if (problems.length) throw new InputError(problems);
  return resolved;
}

export {
  paramsTotalProblem,
  parseParamAssignments,
  paramEnvName,
  checkParamValue,
  resolveParams
};
