/**
 * Errors a user can meet, each with the exit code the CLI and the action report for it.
 * Messages say what was wrong, where, and what to do.
 */

/** Exit codes of the `retrain` CLI; documented in the README. */
export const ExitCode = {
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
} as const

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

export class RetrainError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    /** A short machine-readable reason, such as `stale-baseline`. */
    readonly reason: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = new.target.name
  }
}

/** One problem in a spec or an input, located in its file when it comes from one. */
export interface InputProblem {
  message: string
  file?: string
  line?: number
  col?: number
}

export function formatProblem(p: InputProblem): string {
  const where = p.file ? `${p.file}${p.line ? `:${p.line}:${p.col ?? 1}` : ''}: ` : ''
  return `${where}${p.message}`
}

/** The spec, params or another input is invalid; carries every problem found, not just the first. */
export class InputError extends RetrainError {
  constructor(
    readonly problems: InputProblem[],
    reason = 'bad-input'
  ) {
    super(problems.map(formatProblem).join('\n'), ExitCode.badInput, reason)
  }
}

export class StepError extends RetrainError {
  constructor(
    message: string,
    readonly step: string,
    readonly logTail: string,
    reason: 'step-failed' | 'step-timeout' = 'step-failed'
  ) {
    super(logTail ? `${message}\n--- last lines of the step's output ---\n${logTail}` : message, ExitCode.stepFailed, reason)
  }
}

export class EvaluationError extends RetrainError {
  constructor(message: string, reason = 'evaluation-failed') {
    super(message, ExitCode.evaluationFailed, reason)
  }
}

/** The champion pointer is not what the caller expected: it moved since the comparison. */
export class StaleBaselineError extends RetrainError {
  constructor(
    readonly model: string,
    readonly expected: number | null,
    readonly actual: number | null,
    /** A more precise statement of the mismatch, where the default one would not be true. */
    message?: string
  ) {
    super(
      message ??
        `the candidate of ${model} was compared with ${describeVersion(expected)}, ` +
          `but the champion is now ${describeVersion(actual)}; nothing was promoted. ` +
          'Run the retraining again to compare with the current champion.',
      ExitCode.conflict,
      'stale-baseline'
    )
  }
}

/**
 * The reason of an IntegrityError for a model directory that cannot be packed (a link leaving it, a
 * special file, an unsafe name): what training wrote, not a damaged bundle, so nothing to repair.
 */
export const MODEL_NOT_PACKABLE = 'model-not-packable'

export class IntegrityError extends RetrainError {
  constructor(message: string, reason = 'integrity') {
    super(message, ExitCode.integrity, reason)
  }
}

/** A write failed because a disk (output, scratch or registry) is full. */
export class DiskFullError extends RetrainError {
  constructor(
    readonly path: string,
    options?: { cause?: unknown }
  ) {
    super(`the disk holding ${path} is full; free some space (or point the output or TMPDIR elsewhere) and run again`, ExitCode.diskFull, 'disk-full', options)
  }
}

/** True for the errors a full disk or an exhausted quota gives. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}

export class CancelledError extends RetrainError {
  constructor(signal: string) {
    super(`cancelled by ${signal}`, ExitCode.cancelled, 'cancelled')
  }
}

export function describeVersion(v: number | null): string {
  return v === null ? 'no champion' : `version ${v}`
}
