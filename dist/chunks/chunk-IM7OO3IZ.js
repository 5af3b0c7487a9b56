import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  closest
} from "./chunk-EU3M232E.js";

// src/trainers/options.ts
var TRAINERS = {
  "online-gradient-descent": {
    core: "sgd",
    task: "regression",
    loss: "squared",
    description: "linear regression by online gradient descent on squared loss",
    defaults: { schedule: "invscaling", learningRate: 0.01 }
  },
  "sgd-logistic": {
    core: "sgd",
    task: "binary",
    loss: "logistic",
    description: "logistic regression by stochastic gradient descent (calibrated probabilities)",
    defaults: { schedule: "invscaling", learningRate: 0.1 }
  },
  "averaged-perceptron": {
    core: "sgd",
    task: "binary",
    loss: "hinge",
    description: "averaged perceptron: hinge loss, constant step, averaged weights",
    defaults: { schedule: "constant", learningRate: 1, l2: 0, averaged: true }
  },
  "linear-svm": {
    core: "sgd",
    task: "binary",
    loss: "hinge",
    description: "linear support vector machine with the Pegasos step schedule 1/(l2 t)",
    defaults: { schedule: "pegasos", l2: 1e-3 }
  },
  "lbfgs-logistic": {
    core: "lbfgs",
    task: "binary",
    description: "binary logistic regression by L-BFGS",
    defaults: {}
  },
  "lbfgs-maximum-entropy": {
    core: "lbfgs",
    task: "multiclass",
    description: "multiclass logistic regression (maximum entropy, softmax) by L-BFGS",
    defaults: {}
  },
  "lbfgs-poisson": {
    core: "lbfgs",
    task: "poisson",
    description: "Poisson regression with a log link by L-BFGS, for counts",
    defaults: {}
  }
};
function isTrainerName(name) {
  return Object.hasOwn(TRAINERS, name);
}
var OPTION_DEFS = {
  data: { key: "data", kind: { type: "string" } },
  label: { key: "label", kind: { type: "string" } },
  features: { key: "features", kind: { type: "strings" } },
  categorical: { key: "categorical", kind: { type: "strings" } },
  ignore: { key: "ignore", kind: { type: "strings" } },
  "id-column": { key: "idColumn", kind: { type: "string" } },
  normalize: { key: "normalize", kind: { type: "enum", values: ["standard", "min-max", "none"] } },
  "categorical-encoding": { key: "categoricalEncoding", kind: { type: "enum", values: ["one-hot", "hash"] } },
  "hash-buckets": { key: "hashBuckets", kind: { type: "integer", min: 1, max: 1 << 20 } },
  "unknown-categories": { key: "unknownCategories", kind: { type: "enum", values: ["extend", "other"] } },
  "min-category-count": { key: "minCategoryCount", kind: { type: "integer", min: 1, max: 1e9 } },
  "missing-indicators": { key: "missingIndicators", kind: { type: "boolean" } },
  "positive-class": { key: "positiveClass", kind: { type: "string" }, tasks: ["binary"] },
  seed: { key: "seed", kind: { type: "integer", min: 0, max: 2 ** 32 - 1 } },
  l2: { key: "l2", kind: { type: "number", min: 0, max: 1e6 } },
  l1: { key: "l1", kind: { type: "number", min: 0, max: 1e6 }, core: "sgd" },
  "validation-fraction": { key: "validationFraction", kind: { type: "number", min: 0, max: 0.9 } },
  patience: { key: "patience", kind: { type: "integer", min: 1, max: 1e6 } },
  epochs: { key: "epochs", kind: { type: "integer", min: 1, max: 1e6 }, core: "sgd" },
  "learning-rate": { key: "learningRate", kind: { type: "number", min: 0, max: 1e6, exclusiveMin: true }, core: "sgd" },
  schedule: { key: "schedule", kind: { type: "enum", values: ["constant", "invscaling", "pegasos"] }, core: "sgd" },
  "power-t": { key: "powerT", kind: { type: "number", min: 0, max: 1 }, core: "sgd" },
  averaged: { key: "averaged", kind: { type: "boolean" }, core: "sgd" },
  shuffle: { key: "shuffle", kind: { type: "boolean" }, core: "sgd" },
  "restart-schedule": { key: "restartSchedule", kind: { type: "boolean" }, core: "sgd" },
  "max-iterations": { key: "maxIterations", kind: { type: "integer", min: 1, max: 1e6 }, core: "lbfgs" },
  tolerance: { key: "tolerance", kind: { type: "number", min: 0, max: 1 }, core: "lbfgs" },
  memory: { key: "memory", kind: { type: "integer", min: 1, max: 100 }, core: "lbfgs" }
};
var GENERIC_DEFAULTS = {
  data: "train",
  features: null,
  categorical: [],
  ignore: [],
  idColumn: "id",
  normalize: "standard",
  categoricalEncoding: "one-hot",
  hashBuckets: 64,
  unknownCategories: "extend",
  minCategoryCount: 1,
  missingIndicators: false,
  positiveClass: null,
  seed: 1,
  l2: 1e-4,
  l1: 0,
  validationFraction: 0,
  patience: 5,
  epochs: 20,
  learningRate: 0.01,
  schedule: "invscaling",
  powerT: 0.25,
  averaged: false,
  shuffle: true,
  restartSchedule: false,
  maxIterations: 200,
  tolerance: 1e-7,
  memory: 10
};
var FROZEN_OPTIONS = [
  "label",
  "features",
  "categorical",
  "ignore",
  "id-column",
  "normalize",
  "categorical-encoding",
  "hash-buckets",
  "unknown-categories",
  "min-category-count",
  "missing-indicators",
  "positive-class"
];
function optionKey(name) {
  return OPTION_DEFS[name].key;
}
function optionNames(trainer) {
  const info = TRAINERS[trainer];
  return Object.entries(OPTION_DEFS).filter(([, d]) => (d.core === void 0 || d.core === info.core) && (d.tasks === void 0 || d.tasks.includes(info.task))).map(([name]) => name);
}
function isExpression(value) {
  return typeof value === "string" && value.includes("${{");
}
function coerce(name, kind, value) {
  const got = JSON.stringify(value);
  switch (kind.type) {
    case "string":
      if (typeof value === "string" && value.trim() !== "") return { value: value.trim() };
      if (typeof value === "number") return { value: String(value) };
      return { problem: `${name} must be a non-empty string, got ${got}` };
    case "strings": {
      const list = typeof value === "string" ? [value] : value;
      if (Array.isArray(list) && list.every((v) => typeof v === "string" && v.trim() !== "")) return { value: list.map((v) => v.trim()) };
      return { problem: `${name} must be a column name or a list of column names, got ${got}` };
    }
    case "enum":
      if (typeof value === "string" && kind.values.includes(value)) return { value };
      return { problem: `${name} must be one of ${kind.values.join(", ")}, got ${got}` };
    case "boolean":
      if (typeof value === "boolean") return { value };
      if (value === "true" || value === "false") return { value: value === "true" };
      return { problem: `${name} must be true or false, got ${got}` };
    case "integer":
    case "number": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      const integer = kind.type === "integer";
      if (typeof n !== "number" || !Number.isFinite(n) || integer && !Number.isInteger(n)) {
        return { problem: `${name} must be ${integer ? "an integer" : "a number"}, got ${got}` };
      }
      if (n < kind.min || n > kind.max || kind.exclusiveMin && n === kind.min) {
        return { problem: `${name} must be ${kind.exclusiveMin ? "above" : "at least"} ${kind.min} and at most ${kind.max}, got ${n}` };
      }
      return { value: n };
    }
  }
}
function parseTrainerOptions(trainer, raw, allowExpressions = false) {
  if (!isTrainerName(trainer)) {
    const holding = Object.keys(TRAINERS).filter((t) => trainer.length >= 3 && t.includes(trainer));
    const near = closest(trainer, Object.keys(TRAINERS)) ?? (holding.length === 1 ? holding[0] : void 0);
    return {
      options: null,
      problems: [
        {
          path: null,
          message: `"builtin/${trainer}" is not a built-in trainer${near ? `; did you mean builtin/${near}?` : ""} (available: ${Object.keys(TRAINERS).map((t) => `builtin/${t}`).join(", ")})`
        }
      ]
    };
  }
  const info = TRAINERS[trainer];
  const problems = [];
  const allowed = optionNames(trainer);
  const options = { ...GENERIC_DEFAULTS, ...info.defaults };
  for (const [name, value] of Object.entries(raw ?? {})) {
    const def = OPTION_DEFS[name];
    if (!def || !allowed.includes(name)) {
      const near = closest(name, allowed);
      const why = def ? `is not an option of builtin/${trainer}` : "is not a trainer option";
      problems.push({ path: [name], message: `with.${name} ${why}${near ? `; did you mean ${near}?` : ""} (options: ${allowed.join(", ")})` });
      continue;
    }
    if (allowExpressions && (isExpression(value) || Array.isArray(value) && value.some(isExpression))) continue;
    const { value: parsed, problem } = coerce(`with.${name}`, def.kind, value);
    if (problem) problems.push({ path: [name], message: problem });
    else options[def.key] = parsed;
  }
  if (raw?.label === void 0) problems.push({ path: [], message: `builtin/${trainer} needs with.label: the column to predict` });
  const typed = options;
  if (typed.features?.includes(typed.label) && raw?.label !== void 0) {
    problems.push({ path: ["features"], message: `with.features names the label ${typed.label}; a model cannot learn its label from itself` });
  }
  if (typed.schedule === "pegasos" && typed.l2 === 0 && raw?.l2 !== void 0 && !isExpression(raw.l2)) {
    problems.push({ path: ["l2"], message: "the pegasos schedule steps by 1/(l2 t), so with.l2 must be above 0" });
  }
  return { options: problems.length === 0 ? typed : null, problems };
}

export {
  TRAINERS,
  isTrainerName,
  FROZEN_OPTIONS,
  optionKey,
  parseTrainerOptions
};
