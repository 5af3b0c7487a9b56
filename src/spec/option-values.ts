/**
 * The run-time half of the option-injection rule (shell-options.ts): an expression standing where a
 * program may read its value as an option is accepted when the spec is validated, and its value is
 * checked just before the step starts. A value that starts with `-` there (or `+`/`@` for the
 * programs that read those as instructions) is refused, the step does not start, and the run stops
 * as bad input (exit 2) with the fix.
 *
 * The loader hands the checks to the runner through the step's own expression variables: one more
 * variable, OPTION_CHECKS_VARIABLE, whose expression is a string literal holding them (base64 of
 * JSON, so no quote or brace of the expression language appears in it). The runner reads it, checks
 * the values of the other variables, and removes it from the step's environment.
 */
import { InputError, type InputProblem, formatProblem } from '../errors.js'
import { preview } from './names.js'

export const OPTION_CHECKS_VARIABLE = 'RETRAIN_OPTION_CHECKS'

export interface OptionCheck {
  /** The environment variable the expression's value is passed in (RETRAIN_E1). */
  name: string
  expression: string
  /** The program that would read the value as an option. */
  program: string
  /** The first characters that make the value an option or an instruction to the program. */
  leads: string
  /**
   * Whether the value reaches the program through word splitting, `read` or a command substitution,
   * so any of its whitespace-separated parts may become a word of its own.
   */
  tokens: boolean
  file?: string
  line?: number
  col?: number
}

/** The expression (a string literal) that carries the checks to the runner. */
export function optionChecksExpression(checks: OptionCheck[]): string {
  return `'${Buffer.from(JSON.stringify(checks), 'utf8').toString('base64')}'`
}

/** The part of `value` that the program would read as an option, or undefined when none would be. */
export function optionLike(value: string, leads: string, tokens: boolean): string | undefined {
  if (!tokens) return value.length > 0 && leads.includes(value[0] as string) ? value : undefined
  return value.split(/[ \t\n]+/).find(part => part.length > 0 && leads.includes(part[0] as string))
}

function describeLeads(leads: string): string {
  const chars = [...leads].map(c => `"${c}"`)
  return chars.length === 1 ? (chars[0] as string) : `${chars.slice(0, -1).join(', ')} or ${chars[chars.length - 1]}`
}

/** The problem with one value, or null when the program cannot read it as an option. */
export function optionValueProblem(check: OptionCheck, value: string): InputProblem | null {
  const part = optionLike(value, check.leads, check.tokens)
  if (part === undefined) return null
  const where = check.file === undefined ? {} : { file: check.file, line: check.line, col: check.col }
  const what = check.tokens ? `holds ${preview(part, 60)}, which starts with ${describeLeads(check.leads)}` : `starts with ${describeLeads(check.leads)}`
  return {
    ...where,
    message:
      `\${{ ${check.expression} }} is ${preview(value, 60)}, which ${what}: ${check.program} would read it as an option ` +
      '(options such as --upload-pack, --to-command or -exec run commands), so the step was not started. ' +
      `If the value is meant as an operand, put "--" before the operands (${check.program} ... -- "\${{ ... }}") ` +
      'or give it a prefix that is not an option (./), or declare the param with an enum'
  }
}

/** The checks the loader wrote; none when the variable holds something else (it came from outside). */
function parseChecks(carried: string): OptionCheck[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(carried, 'base64').toString('utf8'))
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (c): c is OptionCheck => typeof c === 'object' && c !== null && typeof c.name === 'string' && typeof c.leads === 'string' && typeof c.program === 'string'
    )
  } catch {
    return []
  }
}

/**
 * The problems of one command's option values, given how to evaluate its expressions: for a check of
 * every step when the run starts, before any step runs. Expressions on contexts that do not exist yet
 * (`steps`, `candidate`) evaluate to empty text there, which is never refused; the check before each
 * step still sees their real values.
 */
export function optionValueProblems(expressionEnv: readonly { name: string; expression: string }[], evaluate: (expression: string) => string): InputProblem[] {
  const carrier = expressionEnv.find(e => e.name === OPTION_CHECKS_VARIABLE)
  if (!carrier) return []
  const problems: InputProblem[] = []
  for (const check of parseChecks(evaluate(carrier.expression))) {
    const entry = expressionEnv.find(e => e.name === check.name)
    const problem = entry && optionValueProblem(check, evaluate(entry.expression))
    if (problem && !problems.some(p => formatProblem(p) === formatProblem(problem))) problems.push(problem)
  }
  return problems
}

/**
 * Checks the values of a step's environment against the checks it carries. Returns the environment
 * without the carrier; throws InputError naming every value refused.
 */
export function checkOptionValues(env: Record<string, string>): Record<string, string> {
  const carried = env[OPTION_CHECKS_VARIABLE]
  if (carried === undefined) return env
  const { [OPTION_CHECKS_VARIABLE]: _carrier, ...rest } = env
  const checks = parseChecks(carried)
  const problems: InputProblem[] = []
  for (const check of checks) {
    const value = rest[check.name]
    if (value === undefined) continue
    const problem = optionValueProblem(check, value)
    if (problem && !problems.some(p => formatProblem(p) === formatProblem(problem))) problems.push(problem)
  }
  if (problems.length) throw new InputError(problems)
  return rest
}
