import { createRequire as __retrainCreateRequire } from 'node:module';
const require = __retrainCreateRequire(import.meta.url);

// src/errors.ts
var ExitCode = {
  /** A decision was reached (promoted, pending approval, rejected, skipped) or a command succeeded. */
  ok: 0,
  /** An unexpected internal error. */
  internal: 1,
  /** The spec, a param, an argument or an input file is invalid. Nothing ran. */
  badInput: 2,
  /** A preprocessing or training step failed or timed out, or wrote into a data file. Nothing changed in the registry. */
  stepFailed: 3,
  /** Evaluation failed: a metrics file was missing or unreadable, the champion could not be evaluated, or an evaluation changed the candidate or the data. */
  evaluationFailed: 4,
  /** The champion moved since the candidate was compared with it (`stale-baseline`) or a registry conflict. */
  conflict: 5,
  /** A bundle failed verification (digest mismatch, unsafe path). */
  integrity: 6,
  /** A disk filled up (ENOSPC, EDQUOT): the step was stopped, its work dir removed, the registry unchanged. */
  diskFull: 7,
  /** The run was cancelled (SIGINT/SIGTERM). */
  cancelled: 130
};
var RetrainError = class extends Error {
  constructor(message, exitCode, reason, options) {
    super(message, options);
    this.exitCode = exitCode;
    this.reason = reason;
    this.name = new.target.name;
  }
  exitCode;
  reason;
};
function formatProblem(p) {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}:${p.col ?? 1}` : ""}: ` : "";
  return `${where}${p.message}`;
}
var InputError = class extends RetrainError {
  constructor(problems, reason = "bad-input") {
    super(problems.map(formatProblem).join("\n"), ExitCode.badInput, reason);
    this.problems = problems;
  }
  problems;
};
var StepError = class extends RetrainError {
  constructor(message, step, logTail, reason = "step-failed") {
    super(logTail ? `${message}
--- last lines of the step's output ---
${logTail}` : message, ExitCode.stepFailed, reason);
    this.step = step;
    this.logTail = logTail;
  }
  step;
  logTail;
};
var EvaluationError = class extends RetrainError {
  constructor(message, reason = "evaluation-failed") {
    super(message, ExitCode.evaluationFailed, reason);
  }
};
var StaleBaselineError = class extends RetrainError {
  constructor(model, expected, actual, message) {
    super(
      message ?? `the candidate of ${model} was compared with ${describeVersion(expected)}, but the champion is now ${describeVersion(actual)}; nothing was promoted. Run the retraining again to compare with the current champion.`,
      ExitCode.conflict,
      "stale-baseline"
    );
    this.model = model;
    this.expected = expected;
    this.actual = actual;
  }
  model;
  expected;
  actual;
};
var MODEL_NOT_PACKABLE = "model-not-packable";
var IntegrityError = class extends RetrainError {
  constructor(message, reason = "integrity") {
    super(message, ExitCode.integrity, reason);
  }
};
var DiskFullError = class extends RetrainError {
  constructor(path, options) {
    super(`the disk holding ${path} is full; free some space (or point the output or TMPDIR elsewhere) and run again`, ExitCode.diskFull, "disk-full", options);
    this.path = path;
  }
  path;
};
function isDiskFull(err) {
  const code = err?.code;
  return code === "ENOSPC" || code === "EDQUOT";
}
var CancelledError = class extends RetrainError {
  constructor(signal) {
    super(`cancelled by ${signal}`, ExitCode.cancelled, "cancelled");
  }
};
function describeVersion(v) {
  return v === null ? "no champion" : `version ${v}`;
}

export {
  ExitCode,
  RetrainError,
  formatProblem,
  InputError,
  StepError,
  EvaluationError,
  StaleBaselineError,
  MODEL_NOT_PACKABLE,
  IntegrityError,
  DiskFullError,
  isDiskFull,
  CancelledError,
  describeVersion
};
