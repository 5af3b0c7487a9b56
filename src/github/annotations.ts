/**
 * GitHub shows at most 10 error and 10 warning annotations per step; the rest are only in the log.
 * Routine messages (the engine's warnings, each problem of an invalid spec) take at most ROUTINE of
 * them, so that the ones written last, which matter most (what became of the decision's follow-ups,
 * the step's failure), still show on the run's page. Past that, a routine message is a log line.
 */
import * as core from '@actions/core'
import { logText } from './log.js'

const ROUTINE = 6
const routineCount = { warning: 0, error: 0, notice: 0 }

/** A routine warning, error or notice: an annotation while the budget lasts, then a line in the log. */
export function routineAnnotation(kind: 'warning' | 'error' | 'notice', message: string, properties: core.AnnotationProperties = {}): void {
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

/** An annotation command a step printed at the start of a line: `::warning file=F,line=N,title=T::message`. */
const STEP_ANNOTATION = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/
/** The properties an annotation command may carry, by their names in the command. */
const PROPERTIES: Record<string, keyof core.AnnotationProperties> = {
  title: 'title',
  file: 'file',
  line: 'startLine',
  endLine: 'endLine',
  col: 'startColumn',
  endColumn: 'endColumn'
}

/**
 * A line of a step's output that is an error, warning or notice command, issued again by the action
 * as its own: the step's annotations show on the run's page, as in any workflow step. The action logs
 * a step's output as text (log.ts), so nothing else a step prints is carried out; an annotation only
 * shows a message. It is parsed and written again with the properties the runner takes, each escaped
 * anew, titled with the step's name when it has no title, and counted among the routine annotations.
 * Returns whether the line was one.
 */
export function stepAnnotation(step: string, line: string): boolean {
  const m = STEP_ANNOTATION.exec(line.trimStart())
  if (!m) return false
  const properties: core.AnnotationProperties = {}
  for (const pair of (m[2] ?? '').split(',')) {
    const at = pair.indexOf('=')
    const key = PROPERTIES[pair.slice(0, at).trim()]
    if (at < 0 || !key) continue
    const value = unescapeProperty(pair.slice(at + 1))
    if (key === 'title' || key === 'file') properties[key] = value
    else if (/^\d{1,9}$/.test(value)) properties[key] = Number(value)
  }
  properties.title ??= `step ${step}`
  routineAnnotation(m[1] as 'error' | 'warning' | 'notice', unescapeData(m[3]!), properties)
  return true
}

/** The runner's escapes in a command's message: %0D, %0A and %25. */
function unescapeData(text: string): string {
  return text.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%')
}

/** The runner's escapes in a command's property: those of the message, and %3A and %2C. */
function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/gi, ':').replace(/%2C/gi, ','))
}
