/**
 * Turns the `${{ }}` expressions of a `run:` script into references to environment variables, so a
 * value (a param, a payload field) is handed to the shell as data and never becomes shell text.
 *
 * The replacement depends on where the expression stands, which only a lexer of the shell's quoting
 * can tell: outside quotes it becomes `"${RETRAIN_E1}"`, inside double quotes or an unquoted heredoc
 * `${RETRAIN_E1}`; both expand to exactly one word. Where no reference would expand (single quotes,
 * `$'...'`, quoted heredocs, after a backslash) or where the shell would evaluate the value as code
 * (arithmetic, `[[ ]]` number comparisons, the inside of `${...}`), the expression is refused with
 * its position. What a script does with a variable (`eval "$X"`) stays the script's business.
 *
 * Expressions are found as GitHub finds them, before any shell parsing: a span is opaque to the lexer,
 * whatever quotes it holds.
 */
import { InputError, type InputProblem } from '../errors.js'
import { findExpressionEnd, scanTemplate, UNTERMINATED_MESSAGE } from './expressions.js'
import type { ShellName, SourceLocation, StepSpec } from './types.js'

export type StepShell = StepSpec['shell']

export interface ScriptExpression {
  /** The environment variable to set to the expression's value. */
  name: string
  expression: string
}

export interface RewrittenScript {
  script: string
  /** One entry per expression, in order. */
  expressions: ScriptExpression[]
}

/** Maps an offset in the run text to its place in the spec file. */
export type Locator = (offset: number) => SourceLocation

const NAMED_SHELLS: readonly ShellName[] = ['bash', 'sh', 'python', 'node', 'pwsh']

/** Reads a `shell:` value: a known shell, or a command template such as `perl {0}`. */
export function parseShell(value: string | undefined): StepShell {
  if (value === undefined) return 'bash'
  if ((NAMED_SHELLS as readonly string[]).includes(value)) return value as ShellName
  const program = value.trim().split(/\s+/)[0] ?? ''
  const base = program.slice(program.lastIndexOf('/') + 1)
  return { template: value, posix: base === 'bash' || base === 'sh' }
}

export function isPosixShell(shell: StepShell): boolean {
  return typeof shell === 'string' ? shell === 'bash' || shell === 'sh' : shell.posix
}

function shellLabel(shell: StepShell): string {
  return typeof shell === 'string' ? shell : shell.template
}

const SINGLE_QUOTE_MESSAGE =
  'an expression inside single quotes would not be expanded; move it outside the quotes or pass it through env:'

/**
 * Rewrites `run` for `shell`. Variables are named `RETRAIN_E<n>` from `startIndex` on. `location` is
 * where the run value starts; `locate`, when given, places each expression exactly (the loader builds
 * it from the YAML node). Throws InputError listing every expression that cannot be passed safely.
 */
export function rewriteRunScript(
  run: string,
  shell: StepShell,
  location: SourceLocation,
  startIndex = 1,
  locate?: Locator
): RewrittenScript {
  const where = locate ?? defaultLocator(run, location)
  if (!isPosixShell(shell)) {
    const { spans, unterminated } = scanTemplate(run)
    const problems: InputProblem[] = spans.map((span) => ({
      ...where(span.start),
      message:
        `\${{ ${span.expression} }} in run: shell "${shellLabel(shell)}" is not a POSIX shell, so the expression ` +
        'cannot be passed safely inside the script; set it in env: (for example env: { VALUE: ${{ ... }} }) ' +
        'and read the environment variable in the script'
    }))
    if (unterminated !== undefined) problems.push({ ...where(unterminated), message: UNTERMINATED_MESSAGE })
    if (problems.length) throw new InputError(problems)
    return { script: run, expressions: [] }
  }
  const lexer = new PosixLexer(run, startIndex)
  lexer.run()
  if (lexer.problems.length) {
    throw new InputError(lexer.problems.map((p) => ({ ...where(p.offset), message: p.message })))
  }
  let script = ''
  let from = 0
  for (const r of lexer.replacements) {
    script += run.slice(from, r.start) + r.text
    from = r.end
  }
  script += run.slice(from)
  return { script, expressions: lexer.expressions }
}

/**
 * Without a locator: exact for a one-line value starting at `location`; a multi-line value is taken
 * for a block scalar (`run: |`) whose content starts on the next line, and the column is the one
 * within the script's line, since the block's indentation is unknown here.
 */
function defaultLocator(run: string, location: SourceLocation): Locator {
  return (offset) => {
    if (!run.includes('\n')) return { ...location, col: location.col + offset }
    const lines = run.slice(0, offset).split('\n')
    return { ...location, line: location.line + lines.length, col: (lines[lines.length - 1] as string).length + 1 }
  }
}

/** Why an expression cannot stand in a region, inherited by everything nested in it. */
type Refusal = string | undefined

type Frame =
  /** Shell code: the script itself, `$(...)`, `<(...)`, or backticks. */
  | {
      kind: 'code'
      close: ')' | '`' | null
      refuse: Refusal
      parenDepth: number
      caseDepth: number
      commandPosition: boolean
      wordStart: boolean
      /** Inside `[[ ]]`: the first replacement made there, and whether it compares numbers. */
      test?: { firstReplacement: number; arithmetic: boolean }
    }
  | { kind: 'double'; refuse: Refusal }
  /** The body of an unquoted heredoc: expands like double quotes, but `"` is an ordinary character. */
  | { kind: 'heredoc'; refuse: Refusal }
  | { kind: 'param'; refuse: string }
  | { kind: 'arith'; close: '))' | ']'; refuse: string; parenDepth: number }

interface PendingHeredoc {
  delimiter: string
  quoted: boolean
  stripTabs: boolean
  refuse: Refusal
}

const ANSI_C_QUOTE_MESSAGE =
  "an expression inside $'...' would not be expanded; move it outside the quotes or pass it through env:"
const ARITHMETIC_REFUSAL =
  'an expression inside arithmetic ($(( )), (( )) or $[ ]) would be evaluated as code by the shell; ' +
  'pass it through env: and validate it in the script, or use an integer param outside the arithmetic'
const PARAMETER_REFUSAL =
  'an expression inside ${...} may be evaluated as an arithmetic index or a pattern; ' +
  'pass it through env: and use the variable instead'
const ARITHMETIC_TEST_REFUSAL =
  'an expression in a [[ ]] test that compares numbers (-eq, -lt, ...) would be evaluated as code by the shell; ' +
  'compare with [ ] (which accepts only integers) or pass it through env: and validate it'
const ARITHMETIC_TEST_OPERATORS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge'])
const ESCAPED_MESSAGE =
  'an expression right after a backslash would not be expanded; remove the backslash or pass the value through env:'

/** Words after which the shell still expects a command. */
const KEEPS_COMMAND_POSITION = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time'])
const BLANK = new Set([' ', '\t'])
const WORD_END = /[\s;&|()<>'"`\\$]/

class PosixLexer {
  readonly problems: { offset: number; message: string }[] = []
  readonly replacements: { start: number; end: number; text: string; expression: string }[] = []
  readonly expressions: ScriptExpression[] = []
  private pending: PendingHeredoc[] = []
  private stopped = false

  constructor(
    private readonly text: string,
    private readonly startIndex: number
  ) {}

  run(): void {
    this.lexRange(0, this.text.length, [this.codeFrame(null, undefined)])
  }

  private codeFrame(close: ')' | '`' | null, refuse: Refusal): Frame {
    return {
      kind: 'code',
      close,
      refuse,
      parenDepth: 0,
      caseDepth: 0,
      commandPosition: true,
      wordStart: true
    }
  }

  private problem(offset: number, message: string): void {
    this.problems.push({ offset, message })
  }

  /**
   * Handles the expression at `i` (which holds `${{`) standing in `frame`; returns where lexing goes on.
   * `refusal` overrides the frame's own verdict (single quotes, escapes, quoted heredocs).
   */
  private expression(i: number, frame: Frame | null, refusal?: string): number {
    const end = findExpressionEnd(this.text, i)
    if (end < 0) {
      this.problem(i, UNTERMINATED_MESSAGE)
      this.stopped = true
      return this.text.length
    }
    const expression = this.text.slice(i + 3, end - 2).trim()
    const reason = refusal ?? frame?.refuse
    if (reason || !frame) {
      this.problem(i, `\${{ ${expression} }}: ${reason ?? SINGLE_QUOTE_MESSAGE}`)
      return end
    }
    const name = `RETRAIN_E${this.startIndex + this.expressions.length}`
    this.expressions.push({ name, expression })
    const quoted = frame.kind === 'double' || frame.kind === 'heredoc'
    this.replacements.push({ start: i, end, text: quoted ? `\${${name}}` : `"\${${name}}"`, expression })
    return end
  }

  private isExpression(i: number): boolean {
    return this.text.startsWith('${{', i)
  }

  /** Skips a single-quoted region starting after its opening quote; expressions in it are refused. */
  private singleQuoted(i: number, to: number, ansiC: boolean, message: string): number {
    while (i < to && !this.stopped) {
      const c = this.text[i]
      if (this.isExpression(i)) {
        i = this.expression(i, null, message)
      } else if (c === "'") {
        return i + 1
      } else if (ansiC && c === '\\') {
        i += 2
      } else {
        i++
      }
    }
    return Math.min(i, to)
  }

  private lexRange(from: number, to: number, stack: Frame[]): void {
    const text = this.text
    let i = from
    while (i < to && !this.stopped) {
      // The outermost frame has no closing character, so the stack is never empty.
      const frame = stack[stack.length - 1] as Frame
      if (this.isExpression(i)) {
        i = this.expression(i, frame)
        if (frame.kind === 'code') frame.wordStart = frame.commandPosition = false
        continue
      }
      const c = text[i]
      switch (frame.kind) {
        case 'code':
          i = this.code(i, to, frame, stack)
          break
        case 'double':
        case 'heredoc':
          i = this.doubleQuoted(i, frame, stack)
          break
        case 'param':
          if (c === '}') {
            stack.pop()
            i++
          } else {
            i = this.nested(i, to, frame.refuse, stack) ?? i + 1
          }
          break
        case 'arith':
          if (c === '(') {
            frame.parenDepth++
            i++
          } else if (c === ')' && frame.parenDepth > 0) {
            frame.parenDepth--
            i++
          } else if (c === ')' && frame.close === '))') {
            stack.pop()
            i += text[i + 1] === ')' ? 2 : 1
          } else if (c === ']' && frame.close === ']') {
            stack.pop()
            i++
          } else {
            i = this.nested(i, to, frame.refuse, stack) ?? i + 1
          }
          break
      }
    }
  }

  /**
   * Quoting and substitutions that open alike in code, `${...}` and arithmetic: quotes, `$(`, `${`,
   * backticks, escapes. Returns the next offset, or undefined when `i` opens none of them.
   */
  private nested(i: number, to: number, refuse: Refusal, stack: Frame[]): number | undefined {
    const text = this.text
    const c = text[i]
    if (c === '\\') {
      if (this.isExpression(i + 1)) return this.expression(i + 1, null, ESCAPED_MESSAGE)
      return i + 2
    }
    if (c === "'") return this.singleQuoted(i + 1, to, false, refuse ?? SINGLE_QUOTE_MESSAGE)
    if (c === '"') {
      stack.push({ kind: 'double', refuse })
      return i + 1
    }
    if (c === '`') {
      stack.push(this.codeFrame('`', refuse))
      return i + 1
    }
    if (c === '$') return this.dollar(i, to, refuse, stack, true)
    return undefined
  }

  /** `$` followed by what opens a nested region; `ansiC` says whether `$'...'` is special here. */
  private dollar(i: number, to: number, refuse: Refusal, stack: Frame[], ansiC: boolean): number {
    const text = this.text
    const next = text[i + 1]
    if (next === "'" && ansiC) {
      return this.singleQuoted(i + 2, to, true, refuse ?? ANSI_C_QUOTE_MESSAGE)
    }
    if (next === '"' && ansiC) {
      stack.push({ kind: 'double', refuse })
      return i + 2
    }
    if (next === '(' && text[i + 2] === '(') {
      stack.push({ kind: 'arith', close: '))', refuse: ARITHMETIC_REFUSAL, parenDepth: 0 })
      return i + 3
    }
    if (next === '(') {
      stack.push(this.codeFrame(')', refuse))
      return i + 2
    }
    if (next === '[') {
      stack.push({ kind: 'arith', close: ']', refuse: ARITHMETIC_REFUSAL, parenDepth: 0 })
      return i + 2
    }
    if (next === '{') {
      stack.push({ kind: 'param', refuse: PARAMETER_REFUSAL })
      return i + 2
    }
    return i + 1
  }

  private doubleQuoted(i: number, frame: Frame & { kind: 'double' | 'heredoc' }, stack: Frame[]): number {
    const text = this.text
    const c = text[i]
    if (c === '\\') {
      const next = text[i + 1]
      if (next === '$' && this.isExpression(i + 1)) return this.expression(i + 1, null, ESCAPED_MESSAGE)
      const escapes = frame.kind === 'double' ? '$`"\\\n' : '$`\\\n'
      return next !== undefined && escapes.includes(next) ? i + 2 : i + 1
    }
    if (c === '"' && frame.kind === 'double') {
      stack.pop()
      return i + 1
    }
    if (c === '`') {
      stack.push(this.codeFrame('`', frame.refuse))
      return i + 1
    }
    if (c === '$') return this.dollar(i, this.text.length, frame.refuse, stack, false)
    return i + 1
  }

  private code(i: number, to: number, frame: Frame & { kind: 'code' }, stack: Frame[]): number {
    const text = this.text
    const c = text[i] as string
    const wordStart = frame.wordStart
    if (c === '\n') {
      frame.commandPosition = frame.wordStart = true
      return this.pending.length ? this.heredocBodies(i + 1, to) : i + 1
    }
    if (BLANK.has(c)) {
      frame.wordStart = true
      return i + 1
    }
    if (c === '#' && wordStart) {
      const newline = text.indexOf('\n', i)
      return newline < 0 || newline > to ? to : newline
    }
    if (c === '`' && frame.close === '`') {
      stack.pop()
      return i + 1
    }
    if (c === '\\' && frame.close === '`' && (text[i + 1] === '`' || text[i + 1] === '\\' || text[i + 1] === '$')) {
      if (this.isExpression(i + 1)) return this.expression(i + 1, null, ESCAPED_MESSAGE)
      frame.wordStart = frame.commandPosition = false
      return i + 2
    }
    const opened = this.nested(i, to, frame.refuse, stack)
    if (opened !== undefined) {
      frame.wordStart = false
      if (!(c === '\\' && text[i + 1] === '\n')) frame.commandPosition = false
      return opened
    }
    if (c === '(') {
      frame.wordStart = true
      // At the start of any word, not only of a command: `for ((...))` is arithmetic too.
      if (wordStart && text[i + 1] === '(') {
        stack.push({ kind: 'arith', close: '))', refuse: ARITHMETIC_REFUSAL, parenDepth: 0 })
        return i + 2
      }
      frame.parenDepth++
      frame.commandPosition = true
      return i + 1
    }
    if (c === ')') {
      frame.wordStart = frame.commandPosition = true
      if (frame.caseDepth > 0 && frame.parenDepth === 0) return i + 1
      if (frame.parenDepth > 0) {
        frame.parenDepth--
        return i + 1
      }
      if (frame.close === ')') stack.pop()
      return i + 1
    }
    if (c === '<' || c === '>') {
      frame.wordStart = true
      if (text[i + 1] === '(') {
        stack.push(this.codeFrame(')', frame.refuse))
        frame.commandPosition = false
        return i + 2
      }
      if (c === '<' && text[i + 1] === '<') {
        if (text[i + 2] === '<') return i + 3
        return this.heredocOperator(i + 2, to, frame.refuse)
      }
      return i + 1
    }
    if (c === ';' || c === '&' || c === '|') {
      frame.wordStart = frame.commandPosition = true
      return i + 1
    }
    if (!wordStart) return i + 1
    let end = i
    while (end < to && !WORD_END.test(text[end] as string) && !this.isExpression(end)) end++
    const word = text.slice(i, end)
    const bare = end >= to || /[\s;&|()<>]/.test(text[end] as string)
    frame.wordStart = false
    if (bare && frame.test) {
      if (word === ']]') this.endTest(frame)
      else if (ARITHMETIC_TEST_OPERATORS.has(word)) frame.test.arithmetic = true
    }
    if (frame.commandPosition && bare && word === '[[') {
      frame.test = { firstReplacement: this.replacements.length, arithmetic: false }
      frame.commandPosition = false
    } else if (frame.commandPosition && bare && word === 'case') {
      frame.caseDepth++
      frame.commandPosition = false
    } else if (frame.commandPosition && bare && word === 'esac' && frame.caseDepth > 0) {
      frame.caseDepth--
      frame.commandPosition = false
    } else {
      const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)
      frame.commandPosition &&= assignment || (bare && KEEPS_COMMAND_POSITION.has(word))
    }
    return Math.max(end, i + 1)
  }

  /**
   * `[[ a -eq b ]]` evaluates both sides as arithmetic, even quoted: what was passed as a value would
   * run as code, so the expressions of such a test are refused rather than replaced.
   */
  private endTest(frame: Frame & { kind: 'code' }): void {
    const test = frame.test
    frame.test = undefined
    if (!test?.arithmetic) return
    for (const r of this.replacements.slice(test.firstReplacement)) {
      this.problem(r.start, `\${{ ${r.expression} }}: ${ARITHMETIC_TEST_REFUSAL}`)
    }
    this.replacements.length = test.firstReplacement
    this.expressions.length = test.firstReplacement
  }

  /** Reads the delimiter word after `<<` or `<<-`; the body is read at the end of the line. */
  private heredocOperator(i: number, to: number, refuse: Refusal): number {
    const text = this.text
    let stripTabs = false
    if (text[i] === '-') {
      stripTabs = true
      i++
    }
    while (i < to && BLANK.has(text[i] as string)) i++
    let delimiter = ''
    let quoted = false
    while (i < to && !/[\s;&|()<>]/.test(text[i] as string)) {
      const c = text[i] as string
      if (c === "'" || c === '"') {
        quoted = true
        const close = text.indexOf(c, i + 1)
        const stop = close < 0 || close >= to ? to : close
        delimiter += text.slice(i + 1, stop)
        i = stop + 1
      } else if (c === '\\') {
        quoted = true
        delimiter += text[i + 1] ?? ''
        i += 2
      } else {
        delimiter += c
        i++
      }
    }
    if (delimiter !== '' || quoted) this.pending.push({ delimiter, quoted, stripTabs, refuse })
    return Math.min(i, to)
  }

  /** Reads the bodies of the heredocs opened on the line that ended just before `i`. */
  private heredocBodies(i: number, to: number): number {
    const heredocs = this.pending
    this.pending = []
    for (const heredoc of heredocs) {
      const bodyStart = i
      let bodyEnd = to
      let next = to
      while (i < to) {
        const newline = this.text.indexOf('\n', i)
        const lineEnd = newline < 0 || newline >= to ? to : newline
        const line = this.text.slice(i, lineEnd)
        if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) {
          bodyEnd = i
          next = Math.min(lineEnd + 1, to)
          break
        }
        i = lineEnd + 1
      }
      if (heredoc.quoted) {
        const { spans, unterminated } = scanTemplate(this.text.slice(bodyStart, bodyEnd))
        if (unterminated !== undefined) this.problem(bodyStart + unterminated, UNTERMINATED_MESSAGE)
        for (const span of spans) {
          this.problem(
            bodyStart + span.start,
            `\${{ ${span.expression} }}: an expression in a quoted heredoc (<<'EOF') would not be expanded; ` +
              'use an unquoted delimiter (<<EOF) or pass the value through env:'
          )
        }
      } else {
        this.lexRange(bodyStart, bodyEnd, [{ kind: 'heredoc', refuse: heredoc.refuse }])
      }
      i = next
      if (this.stopped) break
    }
    return Math.min(i, to)
  }
}
