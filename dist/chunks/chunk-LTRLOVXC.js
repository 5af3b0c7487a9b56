import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);
import {
  paramEnvName
} from "./chunk-XQSRBMA7.js";
import {
  ContractEnv,
  dataEnvName
} from "./chunk-2RZSXHJU.js";

// src/engine/contract.ts
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
function contractFiles(workDir) {
  return { paramsFile: path.join(workDir, ".retrain-params.json"), stepSummary: path.join(workDir, ".retrain-step-summary.md") };
}
function paramsFileText(params) {
  return JSON.stringify(params, null, 2) + "\n";
}
function contractEnv(v) {
  const files = contractFiles(v.workDir);
  writeFileSync(files.paramsFile, paramsFileText(v.params));
  const env = {
    [ContractEnv.model]: v.model,
    [ContractEnv.baselineDir]: v.baselineDir ?? "",
    [ContractEnv.baselineVersion]: v.baselineVersion === null ? "" : String(v.baselineVersion),
    [ContractEnv.baselineDigest]: v.baselineDigest ?? "",
    [ContractEnv.modelDir]: v.modelDir,
    [ContractEnv.workDir]: v.workDir,
    [ContractEnv.params]: JSON.stringify(v.params),
    [ContractEnv.paramsFile]: files.paramsFile,
    [ContractEnv.stepSummary]: files.stepSummary,
    [ContractEnv.data]: JSON.stringify(v.data),
    [ContractEnv.warmStart]: v.warmStart,
    [ContractEnv.trainingReport]: v.trainingReport
  };
  for (const [name, value] of Object.entries(v.params)) env[paramEnvName(name)] = String(value);
  for (const [name, files2] of Object.entries(v.data)) env[dataEnvName(name)] = files2.join("\n");
  return env;
}
var WITHHELD_FILE_COMMANDS = ["GITHUB_OUTPUT", "GITHUB_STATE", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STEP_SUMMARY"];
function inheritableEnv(env) {
  const owned = (name) => WITHHELD_FILE_COMMANDS.includes(name) || name.startsWith("INPUT_") || name.startsWith("ACTIONS_ID_TOKEN_REQUEST_") || name === "ACTIONS_RUNTIME_TOKEN" || name === "ACTIONS_RUNTIME_URL" || name === "ACTIONS_RESULTS_URL" || name === "ACTIONS_CACHE_URL" || name === "GITHUB_TOKEN" || name === "GH_TOKEN";
  const out = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0 && !owned(name.toUpperCase())) out[name] = value;
  }
  return out;
}
var MAX_STEP_SUMMARY_BYTES = 256 * 1024;
async function readStepSummary(workDir) {
  let bytes;
  try {
    bytes = await readFile(contractFiles(workDir).stepSummary);
  } catch {
    return null;
  }
  const cut = bytes.length > MAX_STEP_SUMMARY_BYTES;
  let text = new TextDecoder("utf-8").decode(cut ? bytes.subarray(0, MAX_STEP_SUMMARY_BYTES) : bytes);
  if (cut) text = text.replace(/\uFFFD$/, "");
  text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
  if (text.trim() === "") return null;
  return cut ? `${text}

_(the steps' summary was cut at ${MAX_STEP_SUMMARY_BYTES / 1024} KiB of ${Math.ceil(bytes.length / 1024)} KiB)_
` : text;
}

export {
  paramsFileText,
  contractEnv,
  inheritableEnv,
  readStepSummary
};
