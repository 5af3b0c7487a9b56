/**
 * GitHub shows at most 10 error and 10 warning annotations per step; the rest are only in the log.
 * Routine messages (the engine's warnings, each problem of an invalid spec) take at most ROUTINE of
 * them, so that the ones written last, which matter most (what became of the decision's follow-ups,
 * the step's failure), still show on the run's page. Past that, a routine message is a log line.
 */
import * as core from '@actions/core'
import { logText } from './log.js'

const ROUTINE = 6
const routineCount = { warning: 0, error: 0 }

/** A routine warning or error: an annotation while the budget lasts, then a line in the log. */
export function routineAnnotation(kind: 'warning' | 'error', message: string, properties: core.AnnotationProperties = {}): void {
  const count = ++routineCount[kind]
  if (count <= ROUTINE) {
    core[kind](message, properties)
    return
  }
  if (count === ROUTINE + 1) {
    core[kind](`More ${kind}s follow in the step's log only: GitHub shows 10 ${kind} annotations per step, and the last ones are kept for the outcome`)
  }
  const where = properties.file ? `${properties.file}${properties.startLine ? `:${properties.startLine}` : ''}: ` : ''
  logText(`${kind}: ${message.startsWith(where) ? message : where + message}`)
}
