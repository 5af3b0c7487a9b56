/**
 * The built-in trainers' commands as the CLI runs them: progress lines on stdout (the engine prefixes
 * and logs a step's output), a problem as one message on stderr and a non-zero exit, which fails the
 * step like any user script.
 */
import { ExitCode } from '../errors.js'
import { errorLine } from '../terminal-text.js'
import { TrainerError } from './errors.js'
import { evaluateBuiltin } from './evaluate-command.js'
import type { CommandIO } from './io.js'
import { trainBuiltin } from './train-command.js'

async function guarded(work: (io: CommandIO) => Promise<void>): Promise<number> {
  try {
    await work({ env: process.env, log: line => process.stdout.write(`${line}\n`) })
    return ExitCode.ok
  } catch (err) {
    if (!(err instanceof TrainerError)) throw err
    process.stderr.write(errorLine(`error: ${err.message}`))
    return ExitCode.badInput
  }
}

/** `retrain train <trainer>`. */
export function trainCommand(trainer: string): Promise<number> {
  return guarded(io => trainBuiltin(trainer, io))
}

/** `retrain evaluate [--data NAME]`. */
export function evaluateCommand(dataInput: string): Promise<number> {
  return guarded(io => evaluateBuiltin(dataInput, io))
}
