import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/contract-names.ts
var ContractEnv = {
  model: "RETRAIN_MODEL",
  baselineDir: "RETRAIN_BASELINE_DIR",
  baselineVersion: "RETRAIN_BASELINE_VERSION",
  /** The champion bundle's digest: training confirms a warm start by naming it in the training report. */
  baselineDigest: "RETRAIN_BASELINE_DIGEST",
  modelDir: "RETRAIN_MODEL_DIR",
  workDir: "RETRAIN_WORK_DIR",
  params: "RETRAIN_PARAMS",
  /** A JSON file of all params (the same object as RETRAIN_PARAMS), in the run's scratch. */
  paramsFile: "RETRAIN_PARAMS_FILE",
  /**
   * A Markdown file a step may append to; the action adds its content (size-limited) to the job
   * summary after the run. The runner's GITHUB_STEP_SUMMARY is not handed to steps.
   */
  stepSummary: "RETRAIN_STEP_SUMMARY",
  data: "RETRAIN_DATA",
  warmStart: "RETRAIN_WARM_START",
  trainingReport: "RETRAIN_TRAINING_REPORT",
  step: "RETRAIN_STEP",
  evalModelDir: "RETRAIN_EVAL_MODEL_DIR",
  evalRole: "RETRAIN_EVAL_ROLE",
  evalVersion: "RETRAIN_EVAL_VERSION",
  metricsFile: "RETRAIN_METRICS_FILE",
  predictionsFile: "RETRAIN_PREDICTIONS_FILE",
  /** This tool's CLI script, so a step can run `node "$RETRAIN_CLI" evaluate` (a built-in model's evaluation). */
  cli: "RETRAIN_CLI",
  /** The contract's helpers for Python (`python/`) and Node (`node/`) shipped with this tool; empty when absent. */
  helpersDir: "RETRAIN_HELPERS_DIR",
  /** A `uses:` step's `with:` options as JSON, expressions already evaluated. */
  builtinOptions: "RETRAIN_BUILTIN_OPTIONS",
  /** A file the built-in evaluation (`retrain evaluate`) appends the data input it scored on to, for the leakage guard. */
  evalDataRead: "RETRAIN_EVAL_DATA_READ"
};
function dataEnvName(name) {
  return `RETRAIN_DATA_${name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
var WEIGHTS_FILE = "weights.json";

export {
  ContractEnv,
  dataEnvName,
  WEIGHTS_FILE
};
