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
import type { OptionCheck } from './option-values.js'
import { classifyCommand, literalWord, REASONS, testEvaluates, type DangerRange, type ShellWord } from './shell-commands.js'
import { isOptionReason, PROGRAM_CODE_VARIABLES, type OptionName, type OptionOperand } from './shell-options.js'
import type { ParamSpec, ShellName, SourceLocation, StepSpec } from './types.js'

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
  /**
   * Expressions whose value a program may read as an option, checked when the step runs
   * (option-values.ts); absent when there are none.
   */
  optionChecks?: OptionCheck[]
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

const SINGLE_QUOTE_MESSAGE = 'an expression inside single quotes would not be expanded; move it outside the quotes or pass it through env:'

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
  locate?: Locator,
  params?: Readonly<Record<string, ParamSpec>>
): RewrittenScript {
  const where = locate ?? defaultLocator(run, location)
  if (!isPosixShell(shell)) {
    const { spans, unterminated } = scanTemplate(run)
    const problems: InputProblem[] = spans.map(span => ({
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
  const lexer = new PosixLexer(
    run,
    startIndex,
    expression => isValidatedValue(expression, params ?? {}),
    expression => isListedValue(expression, params ?? {})
  )
  lexer.run()
  if (lexer.problems.length) {
    throw new InputError(lexer.problems.map(p => ({ ...where(p.offset), message: p.message })))
  }
  let script = ''
  let from = 0
  for (const r of lexer.replacements) {
    script += run.slice(from, r.start) + r.text
    from = r.end
  }
  script += run.slice(from)
  const optionChecks = lexer.optionChecks.map(({ offset, ...check }) => ({ ...check, ...where(offset) }))
  return { script, expressions: lexer.expressions, ...(optionChecks.length && { optionChecks }) }
}

/**
 * Without a locator: exact for a one-line value starting at `location`; a multi-line value is taken
 * for a block scalar (`run: |`) whose content starts on the next line, and the column is the one
 * within the script's line, since the block's indentation is unknown here.
 */
function defaultLocator(run: string, location: SourceLocation): Locator {
  return offset => {
    if (!run.includes('\n')) return { ...location, col: location.col + offset }
    const lines = run.slice(0, offset).split('\n')
    return { ...location, line: location.line + lines.length, col: (lines[lines.length - 1] as string).length + 1 }
  }
}

/**
 * Whether an expression's value is validated before any step runs, so that bash cannot read code in
 * it: a direct reference to a number or integer param, or to an enum param whose values hold no
 * letter or `_` (digits and `. + - : , / @ %`). A value with letters is a word bash may take as a
 * variable's name where it evaluates arithmetic, and that variable may hold text from elsewhere
 * (`printf -v "$NAME" ...; (( $NAME ))`): so booleans (`true`, `false`) and enums of words are
 * string-valued like a free-form string param, a function call or another context. They stand as
 * plain data (arguments, assignments) like any string; only evaluated positions refuse them.
 */
export function isValidatedValue(expression: string, params: Readonly<Record<string, ParamSpec>>): boolean {
  const reference = /^params\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'((?:[^']|'')*)'\s*\])$/.exec(expression.trim())
  if (!reference) return false
  const wanted = (reference[1] ?? (reference[2] as string).replace(/''/g, "'")).toLowerCase()
  // Context access in the expression language ignores case.
  const param = Object.entries(params).find(([name]) => name.toLowerCase() === wanted)?.[1]
  if (!param) return false
  if (param.type === 'number' || param.type === 'integer') return true
  return param.type !== 'boolean' && param.enum !== undefined && param.enum.length > 0 && param.enum.every(v => /^[0-9.+\-:,/@%]+$/.test(String(v)))
}

/**
 * Whether an expression's value is one the spec lists: a direct reference to a param of type number
 * or integer, or with an enum, or a boolean. A program may not be handed such a value as an option it
 * did not expect: the spec's author wrote every value it can take (shell-options.ts).
 */
export function isListedValue(expression: string, params: Readonly<Record<string, ParamSpec>>): boolean {
  const reference = /^params\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'((?:[^']|'')*)'\s*\])$/.exec(expression.trim())
  if (!reference) return false
  const wanted = (reference[1] ?? (reference[2] as string).replace(/''/g, "'")).toLowerCase()
  const param = Object.entries(params).find(([name]) => name.toLowerCase() === wanted)?.[1]
  if (!param) return false
  return param.type !== 'string' || (param.enum !== undefined && param.enum.length > 0)
}

/** Why an expression cannot stand in a region, inherited by everything nested in it. */
type Refusal = string | undefined

interface CommandState {
  /** The words of the simple command read so far (redirections left out). */
  words: ShellWord[]
  /** The word being read: where it started. */
  wordStart?: number
  /** The next word is the target of a redirection; `herestring` for `<<<`. */
  redirect?: 'file' | 'herestring'
  /** Whether the file redirection being read writes (`>`, `>>`, `&>`) or reads (`<`). */
  redirectWrites?: boolean
  /** Whether it is `>&` or `<&`, whose target bash expands a second time when it is not a number (`>& "$x"` runs $(cmd) in x). */
  redirectDuplicates?: boolean
  /** Targets of this command's redirections, as written. */
  writes: string[]
  reads: string[]
  /** Ranges of this command's here-strings. */
  herestrings: { start: number; end: number }[]
  /** Heredocs opened by this command, read at the end of the line. */
  heredocs: PendingHeredoc[]
  /** The command follows the `)` of a subshell: its redirections feed the commands inside (`(bash) <<< x`). */
  afterSubshell?: boolean
  /** Its `>(...)` process substitutions, whose commands read what it writes there. */
  outputSubstitutions?: { start: number; end: number }[]
}

interface PipelineState {
  /** The words of the pipeline's commands before the current one, as written: files they may read. */
  words?: string[]
  /** Where the pipeline's first command starts. */
  start: number
  /** Whether the current command is not the first of its pipeline. */
  piped: boolean
  heredocs: PendingHeredoc[]
}

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
      /** After `function` at a command's start: its name comes next, then the body, where a command starts. */
      functionName?: boolean
      /** Inside `[[ ]]`: where it starts, and whether it evaluates operands (-eq, -v, ...). */
      test?: { start: number; evaluates: boolean }
      command: CommandState
      pipeline: PipelineState
      /** An array literal `name=( ... )`: where its elements start. */
      arrayStart?: number
    }
  | { kind: 'double'; refuse: Refusal }
  /** The body of an unquoted heredoc: expands like double quotes, but `"` is an ordinary character. */
  | { kind: 'heredoc'; refuse: Refusal }
  | { kind: 'param'; refuse: string; start: number }
  | { kind: 'arith'; close: '))' | ']'; refuse: string; parenDepth: number; start: number }

type CodeFrame = Frame & { kind: 'code' }

interface PendingHeredoc {
  delimiter: string
  quoted: boolean
  stripTabs: boolean
  refuse: Refusal
  /** The body, once read. */
  body?: { start: number; end: number }
}

const ANSI_C_QUOTE_MESSAGE = "an expression inside $'...' would not be expanded; move it outside the quotes or pass it through env:"
const SAFE_ALTERNATIVE =
  'pass the value through env: (env: { NAME: ${{ ... }} }), use it as "$NAME" where bash takes it as data, ' +
  'and check it in the script before any other use; number, integer, boolean and enum params may stand here'
const ARITHMETIC_REFUSAL = 'an expression inside arithmetic ($(( )), (( )) or $[ ]) would be evaluated as code by the shell'
const PARAMETER_REFUSAL = 'an expression inside ${...} may be evaluated as an arithmetic index or a pattern'
const ARITHMETIC_TEST_REFUSAL =
  'an expression in a [[ ]] test that compares numbers (-eq, -lt, ...) or names a variable (-v) would be evaluated as code by the shell'
const ARRAY_LITERAL_REFUSAL =
  'an expression inside an array literal name=( ... ) may be taken for a [subscript]=value element, whose subscript bash evaluates as arithmetic'
const DUPLICATION_REFUSAL = 'the target of >& or <& that is not a number is expanded a second time by bash, where $(cmd) in the value runs cmd'
const ALIAS_REFUSAL = 'the command name is an alias the script defines, which may stand for a command that runs its arguments as code'
const ESCAPED_MESSAGE = 'an expression right after a backslash would not be expanded; remove the backslash or pass the value through env:'

/** `name() {`, `function name {`: a function the script defines. */
const FUNCTION_DEFINITION = /(?:^|[\s;&|(){}])(?:function\s+([^\s;&|()<>{}'"`$=\\]+)|([^\s;&|()<>{}'"`$=\\]+)\s*\(\s*\))/g
/** Builtins whose arguments are not positional parameters, unless the script defines a function of that name. */
const PLAIN_BUILTINS = new Set(['echo', 'printf', ':', 'true', 'false'])

/** Words after which the shell still expects a command. */
const KEEPS_COMMAND_POSITION = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time'])
/** Words that close a compound command: a heredoc on them feeds commands this check does not see. */
/** Words that open a compound command: a pipe into one feeds every command inside. */
const COMPOUND_OPENERS = new Set(['{', 'while', 'until', 'if', 'for', 'case', 'select'])
const COMPOUND_CLOSERS = new Set(['done', '}', 'fi', 'esac', ')'])
/** Variables bash sets by itself from arguments, input or matches: evaluating one evaluates data. */
const IMPLICIT_DATA_VARIABLES = new Set([
  '_',
  'REPLY',
  'MAPFILE',
  'OPTARG',
  'BASH_REMATCH',
  'BASH_ARGV',
  'BASH_COMMAND',
  'BASH_EXECUTION_STRING',
  'COPROC',
  // cd and pushd set these from their argument.
  'PWD',
  'OLDPWD',
  'DIRSTACK'
])
/**
 * Variables whose value bash (or a bash it starts) runs as code or reads code from: prompts are
 * expanded like double quotes, `$(...)` included (PS4 under `set -x`), and BASH_ENV/ENV name a file
 * a non-interactive shell sources. Assigning a value to one is refused like evaluating it.
 */
const CODE_VARIABLES = [
  'PS0',
  'PS1',
  'PS2',
  'PS3',
  'PS4',
  'PROMPT_COMMAND',
  'BASH_ENV',
  'ENV',
  // The alias table and the command hash table: a value there is a command to run.
  'BASH_ALIASES',
  'BASH_CMDS',
  // Integer variables of bash's own: a value assigned to one is evaluated as arithmetic (OPTIND=a[$(cmd)]).
  'OPTIND',
  'RANDOM',
  'SRANDOM',
  'HISTCMD',
  'BASHPID',
  'SECONDS',
  // Variables programs read as options or as a command to run: what `git -c core.sshCommand=` or
  // `node --require` would be as an argument (shell-options.ts), set in the environment instead.
  ...PROGRAM_CODE_VARIABLES
]
/**
 * A file name for comparison: the literal name (`./a` is `a`), or for a name from an expansion the
 * word as written (`"$f"` matches `"$f"` only: an approximation, the check does not follow values).
 */
function fileKey(raw: string): string {
  const name = literalWord(raw)
  return name === null ? `\0${raw}` : name.replace(/^(\.\/)+/, '')
}

/**
 * Whether a file the script runs (`code`) may be one it writes (`written`), by their keys: literal
 * names are compared whole; a name built from an expansion (`. "$d/f"`, `> "$d/f"`) by its literal
 * last segment; a code file without one (`bash "$s"`) may be any file. A written file without one
 * (`> "$OUT"`) is taken for none of the literal names the script runs: the approximation fileKey notes.
 */
function sameFile(code: string, written: string): boolean {
  if (code === written) return true
  if (!code.startsWith('\0') && !written.startsWith('\0')) return false
  const last = (key: string): string | null => {
    const name = key.startsWith('\0') ? key.slice(1).replace(/["']/g, '') : key
    const tail = name.slice(name.lastIndexOf('/') + 1)
    return tail === '' || /[$`*?[\\]/.test(tail) ? null : tail
  }
  const x = last(code)
  return x === null || x === last(written)
}

/** `$(...)` (not arithmetic `$((`) or backticks: a command whose output becomes text. */
const COMMAND_SUBSTITUTION = /\$\((?!\()|`/
/** An expansion of positional parameters: `$1`, `${1}`, `$@`, `"${@:2}"`, `$*`, and by indirection `${!1}`, `${!#}`. */
const POSITIONAL = /\$(?:\{!?)?[0-9@*]|\$\{!#/
const BLANK = new Set([' ', '\t'])
const WORD_END = /[\s;&|()<>'"`\\$]/
const NAME = /[A-Za-z_][A-Za-z0-9_]*/g

class PosixLexer {
  readonly problems: { offset: number; message: string }[] = []
  readonly replacements: { start: number; end: number; text: string; expression: string; validated: boolean }[] = []
  readonly expressions: ScriptExpression[] = []
  private pending: PendingHeredoc[] = []
  private stopped = false
  /** Where a string-valued expression is refused, found once the command around it is known. */
  private readonly dangers: DangerRange[] = []
  /** Where the script evaluates text (arithmetic, subscripts, code): for taint tracking. */
  private readonly evaluated: { start: number; end: number; code?: boolean }[] = []
  /** Where a value reaches a command's standard input (heredocs, here-strings, pipes, `<( )`). */
  private readonly stdinSources: { start: number; end: number }[] = []
  private readonly assignments: { name: string; start: number; end: number; positional?: boolean }[] = []
  private readonly filled = new Set<string>()
  /** Files the script writes, with the text that reaches them; files it runs as code. */
  private readonly fileWrites: { paths: string[]; start: number; end: number; heredocs: PendingHeredoc[] }[] = []
  private readonly codeFiles: string[] = []
  /** Commands that print the environment, where the values are passed (`env`, `declare -p`). */
  private readonly dumps: { start: number; end: number }[] = []
  /** What reaches the input of a command named by a literal word: a call of a function the script defines feeds its body. */
  private readonly commandInputs: { name: string; ranges: { start: number; end: number }[]; heredocs: PendingHeredoc[] }[] = []
  /** Commands by their literal name, with the range of their arguments: an alias the script defines may stand for code. */
  private readonly commandArguments: { name: string; start: number; end: number }[] = []
  /** Names the script defines as aliases; `null` when an alias's name is not a literal word. */
  private readonly aliases = new Set<string | null>()
  /** Files copied to one another (cp, mv, ln, install, rsync operands). */
  private readonly copies: string[][] = []
  /** Files `exec <` makes the input of the rest of the script. */
  private readonly inputFiles: string[] = []
  /** Where the commands that run their input as code start. */
  private readonly stdinCodeStarts: number[] = []
  /** Commands writing to a `>(...)` process substitution, with their range. */
  private readonly outputFeeds: { sub: { start: number; end: number }; start: number; end: number; heredocs: PendingHeredoc[] }[] = []
  /** Whether any command of the script (a function body's included) runs its input as code. */
  private stdinCodeAnywhere = false
  /** Whether the script reads input into a variable whose name is not a literal word. */
  private fillsUnknown = false
  private readonly evaluatingNames = new Set<string>()
  private evaluatingUnknownName = false
  /** Arguments of `set` and of calls: they become positional parameters ($1, $@). */
  private readonly positional: { name: string; start: number; end: number }[] = []
  /** Where a program may read a value as an option, and the variables that reach such a place. */
  private readonly optionOperands: OptionOperand[] = []
  private readonly optionNames: OptionName[] = []
  /** A command whose input (or a file it reads) becomes a program's words: `xargs git clone`. */
  private optionFileReader?: { program: string; leads: string }
  /** Heredocs whose body becomes a program's words (their body is read after the command). */
  private readonly optionHeredocs: { heredoc: PendingHeredoc; program: string; leads: string; tokens: boolean }[] = []
  /** The values to check when the step runs, with the offset of their expression. */
  readonly optionChecks: (Omit<OptionCheck, 'file' | 'line' | 'col'> & { offset: number })[] = []

  constructor(
    private readonly text: string,
    private readonly startIndex: number,
    private readonly validated: (expression: string) => boolean,
    private readonly listed: (expression: string) => boolean = () => false
  ) {}

  run(): void {
    const root = this.codeFrame(null, undefined)
    const stack: Frame[] = [root]
    this.lexRange(0, this.text.length, stack)
    // Frames left open (a syntax error bash would refuse anyway) still get their commands checked.
    for (const frame of stack.reverse()) {
      if (frame.kind === 'code') this.endCommand(frame, this.text.length, true)
    }
    this.applyDangers()
  }

  private codeFrame(close: ')' | '`' | null, refuse: Refusal, start = 0): CodeFrame {
    return {
      kind: 'code',
      close,
      refuse,
      parenDepth: 0,
      caseDepth: 0,
      commandPosition: true,
      wordStart: true,
      command: { words: [], herestrings: [], heredocs: [], writes: [], reads: [] },
      pipeline: { start, piped: false, heredocs: [] }
    }
  }

  private problem(offset: number, message: string): void {
    if (this.problems.some(p => p.offset === offset)) return
    this.problems.push({ offset, message })
  }

  /**
   * Handles the expression at `i` (which holds `${{`) standing in `frame`; returns where lexing goes on.
   * `refusal` overrides the frame's own verdict (single quotes, escapes, quoted heredocs) and applies to
   * every expression; a frame's own refusal applies only to string-valued ones.
   */
  private expression(i: number, frame: Frame | null, refusal?: string): number {
    const end = findExpressionEnd(this.text, i)
    if (end < 0) {
      this.problem(i, UNTERMINATED_MESSAGE)
      this.stopped = true
      return this.text.length
    }
    const expression = this.text.slice(i + 3, end - 2).trim()
    const validated = this.validated(expression)
    if (refusal || !frame) {
      this.problem(i, `\${{ ${expression} }}: ${refusal ?? SINGLE_QUOTE_MESSAGE}`)
      return end
    }
    if (frame.refuse && !validated) {
      this.problem(i, `\${{ ${expression} }}: ${frame.refuse}; ${SAFE_ALTERNATIVE}`)
      return end
    }
    const name = `RETRAIN_E${this.startIndex + this.expressions.length}`
    this.expressions.push({ name, expression })
    // A validated value is one plain word: inside arithmetic or ${...} it needs no quotes.
    const bare = frame.kind === 'double' || frame.kind === 'heredoc' || frame.kind === 'arith' || frame.kind === 'param'
    this.replacements.push({ start: i, end, text: bare ? `\${${name}}` : `"\${${name}}"`, expression, validated })
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
        if (frame.kind === 'code') this.startWord(frame, i)
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
            this.evaluated.push({ start: frame.start, end: i + 1 })
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
            this.evaluated.push({ start: frame.start, end: i })
          } else if (c === ']' && frame.close === ']') {
            stack.pop()
            i++
            this.evaluated.push({ start: frame.start, end: i })
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
    if (c === "'") return this.singleQuoted(i + 1, to, false, SINGLE_QUOTE_MESSAGE)
    if (c === '"') {
      stack.push({ kind: 'double', refuse })
      return i + 1
    }
    if (c === '`') {
      stack.push(this.codeFrame('`', refuse, i + 1))
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
      return this.singleQuoted(i + 2, to, true, ANSI_C_QUOTE_MESSAGE)
    }
    if (next === '"' && ansiC) {
      stack.push({ kind: 'double', refuse })
      return i + 2
    }
    if (next === '(' && text[i + 2] === '(') {
      stack.push({ kind: 'arith', close: '))', refuse: ARITHMETIC_REFUSAL, parenDepth: 0, start: i })
      return i + 3
    }
    if (next === '(') {
      stack.push(this.codeFrame(')', refuse, i + 2))
      return i + 2
    }
    if (next === '[') {
      stack.push({ kind: 'arith', close: ']', refuse: ARITHMETIC_REFUSAL, parenDepth: 0, start: i })
      return i + 2
    }
    if (next === '{') {
      stack.push({ kind: 'param', refuse: PARAMETER_REFUSAL, start: i })
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
      stack.push(this.codeFrame('`', frame.refuse, i + 1))
      return i + 1
    }
    if (c === '$') return this.dollar(i, this.text.length, frame.refuse, stack, false)
    return i + 1
  }

  private startWord(frame: CodeFrame, i: number): void {
    frame.command.wordStart ??= i
  }

  /** Ends the word being read at `end`: a word of the command, or the target of a redirection. */
  private endWord(frame: CodeFrame, end: number): void {
    const command = frame.command
    const start = command.wordStart
    if (start === undefined) return
    command.wordStart = undefined
    const raw = this.text.slice(start, end)
    if (frame.test) return
    // `2>file`, `{fd}>file`: the number before a redirection operator is part of the operator.
    if ((this.text[end] === '<' || this.text[end] === '>') && /^([0-9]+|\{[A-Za-z_][A-Za-z0-9_]*\})$/.test(raw)) return
    const redirect = command.redirect
    command.redirect = undefined
    if (redirect === 'file') (command.redirectWrites ? command.writes : command.reads).push(raw)
    if (redirect === 'file' && command.redirectDuplicates) {
      this.dangers.push({ start, end, reason: DUPLICATION_REFUSAL })
      this.evaluated.push({ start, end, code: true })
    }
    // `< <(cmd)`: the output of cmd is the command's input, like a here-string.
    if (redirect === 'herestring' || (redirect === 'file' && raw.startsWith('<(') && /<\s*$/.test(this.text.slice(0, start))))
      command.herestrings.push({ start, end })
    if (redirect) return
    command.words.push({ start, end, raw })
  }

  /**
   * Ends the simple command being read, classifies its words, and ends the pipeline too unless the
   * command is followed by `|`.
   */
  private endCommand(frame: CodeFrame, at: number, endsPipeline: boolean): void {
    // A test still open when its frame ends (a syntax error, or a `]]` this lexer missed) counts as
    // one that evaluates: refusing is the safe side.
    if (frame.test && endsPipeline && (at >= this.text.length || this.text[at] === frame.close)) {
      frame.test.evaluates = true
      this.endTest(frame, at)
    }
    this.endWord(frame, at)
    const command = frame.command
    frame.command = { words: [], herestrings: [], heredocs: [], writes: [], reads: [] }
    const pipeline = frame.pipeline
    if (command.words.length || command.heredocs.length || command.herestrings.length || command.writes.length || command.reads.length) {
      const analysis = classifyCommand(command.words)
      this.dangers.push(...analysis.danger)
      this.assignments.push(...analysis.assignments)
      for (const name of analysis.filled) this.filled.add(name)
      this.fillsUnknown ||= analysis.fillsUnknown
      // Files this command writes (redirections, tee) with what it writes, and files read as code.
      const written = [...command.writes, ...analysis.writes].map(fileKey)
      if (written.length) {
        const start = pipeline.piped ? pipeline.start : (command.words[0]?.start ?? at)
        this.fileWrites.push({ paths: written, start, end: at, heredocs: [...command.heredocs, ...(pipeline.piped ? pipeline.heredocs : [])] })
      }
      this.codeFiles.push(...analysis.codeFiles.map(fileKey))
      // `BASH_ENV=./s bash -c :`: a shell started with it sources the file the variable names.
      for (const a of analysis.assignments) {
        if (a.name === 'BASH_ENV' || a.name === 'ENV') this.codeFiles.push(fileKey(this.text.slice(a.start, a.end)))
      }
      if (analysis.readsStdinAsCode) this.codeFiles.push(...command.reads.map(fileKey))
      // `cat f | bash`: a file an earlier command of the pipeline names may be the code.
      if (analysis.readsStdinAsCode && pipeline.piped) this.codeFiles.push(...(pipeline.words ?? []).map(fileKey))
      // `cp f g.sh`, `mv`, `ln`, `install`, `rsync`: a file copied to one the script runs is code too.
      if (['cp', 'mv', 'ln', 'install', 'rsync'].includes(analysis.name ?? '')) this.copies.push(command.words.slice(1).map(w => fileKey(w.raw)))
      // `cat f > g.sh`: a command writing a file may copy the files it names.
      // Only the literal names: the value of an argument is what is written, not a file read.
      if (command.writes.length) {
        const named = command.words
          .slice(1)
          .map(w => literalWord(w.raw))
          .filter((n): n is string => n !== null && !n.startsWith('-'))
        if (named.length) this.copies.push([...named, ...command.writes].map(fileKey))
      }
      // `source <(cat f)`, `bash <(cat f)`: the files the process substitution names are the code.
      for (const raw of analysis.codeFiles) {
        if (raw.startsWith('<('))
          this.codeFiles.push(
            ...raw
              .slice(2, -1)
              .split(/[\s;|&<>()]+/)
              .filter(Boolean)
              .map(fileKey)
          )
      }
      const bare = command.words.length === 1 && literalWord(command.words[0]?.raw ?? '') === 'exec'
      // `exec < f` (or `exec 3< f`, read with `<&3`): the rest of the script reads f as its input.
      if (bare) this.inputFiles.push(...command.reads.map(fileKey))
      // `exec > f`: what the rest of the script prints goes to f; `{ ...; } > f`, `done > f`, `( ... ) > f`:
      // what the compound command's body prints (its start is not kept: everything before counts).
      const closer = command.afterSubshell === true || COMPOUND_CLOSERS.has(literalWord(command.words[0]?.raw ?? '') ?? '')
      if ((bare || closer) && command.writes.length) {
        this.fileWrites.push({ paths: command.writes.map(fileKey), start: bare ? at : 0, end: bare ? this.text.length : at, heredocs: [] })
      }
      const last = command.words[command.words.length - 1]
      if (analysis.dumpsEnvironment && command.words[0] && last) this.dumps.push({ start: command.words[0].start, end: last.end })
      for (const name of analysis.evaluatingNames) this.evaluatingNames.add(name)
      this.evaluatingUnknownName ||= analysis.evaluatingUnknownName
      this.optionOperands.push(...analysis.optionOperands)
      this.optionNames.push(...analysis.optionNames)
      if (analysis.stdinOptions) {
        // `printf %s ${{ }} | xargs git clone`: what reaches the input becomes the program's words.
        const reach = { ...analysis.stdinOptions, tokens: true }
        // `xargs git clone < list.txt`, `xargs -a list.txt ...`: so may what the script wrote to a file.
        this.optionFileReader ??= analysis.stdinOptions
        for (const r of command.herestrings) this.optionOperands.push({ ...r, ...reach })
        if (pipeline.piped && command.words[0]) this.optionOperands.push({ start: pipeline.start, end: command.words[0].start, ...reach })
        for (const h of [...command.heredocs, ...(pipeline.piped ? pipeline.heredocs : [])]) this.optionHeredocs.push({ heredoc: h, ...reach })
      }
      for (const d of analysis.danger) {
        // A variable name is not evaluated itself, only its subscript is.
        if (d.reason !== REASONS.variableName && d.reason !== REASONS.subscript) {
          this.evaluated.push({ ...d, code: d.reason !== REASONS.arithmetic && d.reason !== REASONS.declaredEvaluating })
        } else if (/[$`]/.test(this.withoutExpressions(d.start, d.end))) {
          // The name itself comes from an expansion (`printf -v "$x"`): the variable's value is taken
          // as a name, whose subscript bash evaluates, so what reaches that variable is evaluated. A
          // `$x` in single quotes (`unset 'a[$x]'`) reaches the subscript as written, where bash
          // expands it: every name in the word counts.
          this.evaluated.push({ start: d.start, end: d.end })
        } else {
          const bracket = this.text.indexOf('[', d.start)
          if (bracket >= 0 && bracket < d.end) this.evaluated.push({ start: bracket, end: d.end })
        }
      }
      const first = command.words.find(w => !KEEPS_COMMAND_POSITION.has(literalWord(w.raw) ?? ''))
      const firstLiteral = first ? literalWord(first.raw) : ''
      if (analysis.name !== undefined) {
        // Arguments of `set` and of a function defined in the script become its positional parameters
        // (echo and the like are left out in applyDangers unless the script defines a function so named).
        for (const w of command.words.slice(first ? command.words.indexOf(first) + 1 : 0)) {
          this.positional.push({ name: analysis.name, ...w })
        }
      }
      // The input of a command that runs its input as code is code; a compound command's closer
      // (`done <<EOF`) feeds commands this check does not see.
      // `exec <<< x` (no command) keeps its input for the rest of the script (`sh <&3`), which this
      // check does not follow from command to command.
      const codeInput =
        analysis.readsStdinAsCode ||
        (first !== undefined && firstLiteral === null) ||
        (firstLiteral !== null && COMPOUND_CLOSERS.has(firstLiteral)) ||
        (command.afterSubshell === true && first === undefined) ||
        (firstLiteral === 'exec' && command.words.length === 1)
      this.stdinCodeAnywhere ||= analysis.readsStdinAsCode
      if (analysis.readsStdinAsCode && first) this.stdinCodeStarts.push(first.start)
      // `echo "$x" > >(sh)`, `tee >(sh) <<< "$x"`: what the command writes there is the input of its commands.
      for (const sub of command.outputSubstitutions ?? []) {
        const start = pipeline.piped ? pipeline.start : (command.words[0]?.start ?? sub.start)
        this.outputFeeds.push({ sub, start, end: at, heredocs: [...command.heredocs, ...(pipeline.piped ? pipeline.heredocs : [])] })
      }
      if (first && firstLiteral && last && last !== first) this.commandArguments.push({ name: firstLiteral, start: first.end, end: last.end })
      // `BASH_ALIASES[g]=eval`: an alias defined through its table.
      if (analysis.assignments.some(a => a.name === 'BASH_ALIASES')) this.aliases.add(null)
      if (analysis.name === 'alias' && first) {
        for (const w of command.words.slice(command.words.indexOf(first) + 1)) {
          const name = /^([^=\s]+)=/.exec(literalWord(w.raw.replace(/=.*$/s, '=')) ?? '')?.[1]
          if (w.raw.includes('=')) this.aliases.add(name ?? null)
        }
      }
      if (!codeInput && firstLiteral) {
        // `f() { bash; }; f <<< x`, `x | f`: decided once the functions are known (applyDangers).
        const ranges = [...command.herestrings, ...(pipeline.piped && first ? [{ start: pipeline.start, end: first.start }] : [])]
        const heredocs = [...command.heredocs, ...(pipeline.piped ? pipeline.heredocs : [])]
        if (ranges.length || heredocs.length) this.commandInputs.push({ name: firstLiteral, ranges, heredocs })
      }
      for (const h of command.heredocs) {
        if (codeInput) h.refuse ??= REASONS.stdinCode
        else pipeline.heredocs.push(h)
      }
      for (const r of command.herestrings) {
        if (codeInput) {
          this.dangers.push({ ...r, reason: REASONS.stdinCode })
          this.evaluated.push({ ...r, code: true })
        }
        this.stdinSources.push(r)
      }
      if (analysis.readsStdinAsCode && pipeline.piped && first) {
        this.dangers.push({ start: pipeline.start, end: first.start, reason: REASONS.stdinCode })
        this.evaluated.push({ start: pipeline.start, end: first.start, code: true })
        for (const h of pipeline.heredocs) h.refuse ??= REASONS.stdinCode
      }
      if (pipeline.piped && first) this.stdinSources.push({ start: pipeline.start, end: first.start })
      const opener = command.words[0] ? literalWord(command.words[0].raw) : null
      if (opener !== null && COMPOUND_OPENERS.has(opener)) this.pipedIntoCompound(frame, (command.words[0] as ShellWord).start)
    }
    if (endsPipeline) {
      frame.pipeline = { start: at + 1, piped: false, heredocs: [] }
    } else {
      pipeline.piped = true
      // `{ echo "$x"; } | sh`, `(echo "$x") | sh`, `done | sh`: the body's start is not kept, so
      // everything before the closer counts as what reaches the next command's input.
      const opener = literalWord(command.words[0]?.raw ?? '')
      if ((command.afterSubshell && !command.words.length) || (opener !== null && COMPOUND_CLOSERS.has(opener))) pipeline.start = 0
      pipeline.words = [...(pipeline.words ?? []), ...command.words.map(w => w.raw), ...command.reads]
    }
  }

  private code(i: number, to: number, frame: CodeFrame, stack: Frame[]): number {
    const text = this.text
    const c = text[i] as string
    const wordStart = frame.wordStart
    if (c === '\n') {
      frame.commandPosition = frame.wordStart = true
      if (frame.test) return i + 1
      this.endCommand(frame, i, true)
      return this.pending.length ? this.heredocBodies(i + 1, to) : i + 1
    }
    if (BLANK.has(c)) {
      this.endWord(frame, i)
      frame.wordStart = true
      return i + 1
    }
    if (c === '#' && wordStart) {
      const newline = text.indexOf('\n', i)
      return newline < 0 || newline > to ? to : newline
    }
    if (c === '`' && frame.close === '`') {
      this.endCommand(frame, i, true)
      stack.pop()
      return i + 1
    }
    if (c === '\\' && frame.close === '`' && (text[i + 1] === '`' || text[i + 1] === '\\' || text[i + 1] === '$')) {
      this.startWord(frame, i)
      if (this.isExpression(i + 1)) return this.expression(i + 1, null, ESCAPED_MESSAGE)
      frame.wordStart = frame.commandPosition = false
      return i + 2
    }
    if (c === '\\' && text[i + 1] === '\n') {
      // A line continuation joins two lines into one; it ends the word like a blank.
      this.endWord(frame, i)
      frame.wordStart = true
      return i + 2
    }
    if (frame.test && '&|()<>;'.includes(c) && !(c === '<' && text[i + 1] === '(')) {
      // Inside [[ ]] these are the test's own operators.
      this.endWord(frame, i)
      frame.wordStart = true
      return i + 1
    }
    if (!'()<>;&|'.includes(c)) this.startWord(frame, i)
    const opened = this.nested(i, to, frame.refuse, stack)
    if (opened !== undefined) {
      frame.wordStart = false
      frame.commandPosition = false
      return opened
    }
    if (c === '(') {
      const word = frame.command.wordStart === undefined ? '' : text.slice(frame.command.wordStart, i)
      if (/^[A-Za-z_][A-Za-z0-9_]*(\[.*\])?\+?=$/s.test(word)) {
        // `name=(...)`: an array literal, part of the assignment word.
        stack.push({ ...this.codeFrame(')', ARRAY_LITERAL_REFUSAL, i + 1), arrayStart: i + 1 })
        return i + 1
      }
      if (!frame.command.words.length && frame.command.wordStart === undefined) this.pipedIntoCompound(frame, i)
      this.endCommand(frame, i, true)
      frame.wordStart = true
      // At the start of any word, not only of a command: `for ((...))` is arithmetic too.
      if (wordStart && text[i + 1] === '(') {
        stack.push({ kind: 'arith', close: '))', refuse: ARITHMETIC_REFUSAL, parenDepth: 0, start: i })
        return i + 2
      }
      frame.parenDepth++
      frame.commandPosition = true
      return i + 1
    }
    if (c === ')') {
      this.endCommand(frame, i, true)
      frame.wordStart = frame.commandPosition = true
      if (frame.caseDepth > 0 && frame.parenDepth === 0) return i + 1
      if (frame.parenDepth > 0) {
        frame.parenDepth--
        // `( bash ) <<< x`, `(sh) < <(...)`: what follows the `)` redirects the subshell's commands.
        frame.command.afterSubshell = true
        return i + 1
      }
      if (frame.close === ')') {
        stack.pop()
        if (frame.arrayStart !== undefined) this.arraySubscripts(frame.arrayStart, i)
      }
      return i + 1
    }
    if (c === '<' || c === '>') {
      this.endWord(frame, i)
      frame.wordStart = true
      if (text[i + 1] === '(') {
        // Process substitution: a word of its own whose output (or input) is a stream.
        this.startWord(frame, i)
        this.stdinSources.push({ start: i, end: this.matchingParen(i + 1) })
        if (c === '>') (frame.command.outputSubstitutions ??= []).push({ start: i, end: this.matchingParen(i + 1) })
        stack.push(this.codeFrame(')', frame.refuse, i + 2))
        frame.commandPosition = false
        return i + 2
      }
      if (c === '<' && text[i + 1] === '<') {
        if (text[i + 2] === '<') {
          frame.command.redirect = 'herestring'
          return i + 3
        }
        return this.heredocOperator(i + 2, to, frame)
      }
      let j = i + 1
      while (j < to && '<>&|'.includes(text[j] as string) && j < i + 3) j++
      // `>&-` and `<&-` close a descriptor: no target follows.
      if (text[j] === '-' && text[j - 1] === '&') return j + 1
      frame.command.redirect = 'file'
      frame.command.redirectWrites = c === '>' || text.slice(i, j).includes('>')
      frame.command.redirectDuplicates = text.slice(i, j).includes('&')
      return j
    }
    if (c === '&' && text[i + 1] === '>') {
      this.endWord(frame, i)
      frame.wordStart = true
      frame.command.redirect = 'file'
      frame.command.redirectWrites = true
      return text[i + 2] === '>' ? i + 3 : i + 2
    }
    if (c === ';' || c === '&' || c === '|') {
      const pipe = c === '|' && text[i + 1] !== '|'
      this.endCommand(frame, i, !pipe)
      frame.wordStart = frame.commandPosition = true
      if (pipe && text[i + 1] === '&') return i + 2
      return c === text[i + 1] ? i + 2 : i + 1
    }
    if (!wordStart) return i + 1
    let end = i
    while (end < to && !WORD_END.test(text[end] as string) && !this.isExpression(end)) end++
    const word = text.slice(i, end)
    const bare = end >= to || /[\s;&|()<>]/.test(text[end] as string) || (frame.close === '`' && text[end] === '`')
    frame.wordStart = false
    if (bare && frame.test) {
      if (word === ']]') this.endTest(frame, end)
      else if (testEvaluates(word)) frame.test.evaluates = true
    }
    if (frame.commandPosition && bare && word === '[[') {
      frame.test = { start: i, evaluates: false }
      frame.commandPosition = false
    } else if (frame.commandPosition && bare && word === 'case') {
      frame.caseDepth++
      frame.commandPosition = false
    } else if (frame.commandPosition && bare && word === 'esac' && frame.caseDepth > 0) {
      frame.caseDepth--
      frame.commandPosition = false
    } else if (frame.commandPosition && bare && word === 'function') {
      // `function g { [[ ... ]]; }`: the body's first word is at a command's start again.
      frame.functionName = true
    } else if (frame.functionName) {
      frame.functionName = false
    } else {
      const assignment = /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)
      frame.commandPosition &&= assignment || (bare && KEEPS_COMMAND_POSITION.has(word))
    }
    return Math.max(end, i + 1)
  }

  /**
   * A pipe into a compound command (`x | while read l; do sh; done`, `x | ( ... )`) feeds every
   * command inside, which this check does not follow one by one: like a heredoc on `done`, its input
   * is refused as input to code.
   */
  private pipedIntoCompound(frame: CodeFrame, end: number): void {
    const pipeline = frame.pipeline
    if (!pipeline.piped) return
    this.dangers.push({ start: pipeline.start, end, reason: REASONS.stdinCode })
    this.evaluated.push({ start: pipeline.start, end, code: true })
    for (const h of pipeline.heredocs) h.refuse ??= REASONS.stdinCode
  }

  /** Offset just past the `)` that closes the `(` at `open`, counting nested parentheses (approximate). */
  private matchingParen(open: number): number {
    let depth = 0
    for (let j = open; j < this.text.length; j++) {
      if (this.text[j] === '(') depth++
      else if (this.text[j] === ')' && --depth === 0) return j + 1
    }
    return this.text.length
  }

  /**
   * `[[ a -eq b ]]` evaluates both sides as arithmetic, even quoted, and `-v` takes a variable name:
   * what was passed as a value would run as code, so string expressions in such a test are refused.
   */
  private endTest(frame: CodeFrame, end: number): void {
    const test = frame.test
    frame.test = undefined
    frame.command.wordStart = undefined
    if (!test?.evaluates) return
    this.dangers.push({ start: test.start, end, reason: ARITHMETIC_TEST_REFUSAL })
    this.evaluated.push({ start: test.start, end })
  }

  /** Reads the delimiter word after `<<` or `<<-`; the body is read at the end of the line. */
  private heredocOperator(i: number, to: number, frame: CodeFrame): number {
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
    if (delimiter !== '' || quoted) {
      const heredoc: PendingHeredoc = { delimiter, quoted, stripTabs, refuse: frame.refuse }
      this.pending.push(heredoc)
      frame.command.heredocs.push(heredoc)
    }
    return Math.min(i, to)
  }

  /** Reads the bodies of the heredocs opened on the line that ended just before `i`. */
  private heredocBodies(i: number, to: number): number {
    const heredocs = this.pending
    this.pending = []
    for (const heredoc of heredocs) {
      const bodyStart = i
      let bodyEnd = to
      heredoc.body = { start: bodyStart, end: to }
      let next = to
      while (i < to) {
        const newline = this.text.indexOf('\n', i)
        const lineEnd = newline < 0 || newline >= to ? to : newline
        const line = this.text.slice(i, lineEnd)
        if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter) {
          bodyEnd = i
          heredoc.body = { start: bodyStart, end: bodyEnd }
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
        this.stdinSources.push({ start: bodyStart, end: bodyEnd })
        // The body of a heredoc fed to code is code: what it expands is evaluated.
        if (heredoc.refuse) this.evaluated.push({ start: bodyStart, end: bodyEnd })
        this.lexRange(bodyStart, bodyEnd, [{ kind: 'heredoc', refuse: heredoc.refuse }])
      }
      i = next
      if (this.stopped) break
    }
    return Math.min(i, to)
  }

  /** The text of a range with its expressions blanked out: their own text (params.x) names no shell variable. */
  /**
   * The `[subscript]=` of each element of an array literal `name=( ... )` (text from `start` to
   * `end`): bash evaluates it as arithmetic, where a variable whose value is `a[$(cmd)]` runs cmd.
   * An element that opens a `[` without its `]=` counts as evaluated to the literal's end.
   */
  private arraySubscripts(start: number, end: number): void {
    const text = this.text
    let quote: string | null = null
    for (let i = start; i < end; i++) {
      const c = text[i] as string
      if (quote) {
        if (c === quote) quote = null
        else if (c === '\\' && quote === '"') i++
        continue
      }
      if (c === "'" || c === '"') quote = c
      else if (c === '\\') i++
      else if (c === '[' && (i === start || /\s/.test(text[i - 1] as string))) {
        let depth = 0
        let close = -1
        for (let j = i; j < end; j++) {
          if (text[j] === '[') depth++
          else if (text[j] === ']' && --depth === 0) {
            close = j
            break
          }
        }
        const assigns = close > 0 && (text[close + 1] === '=' || (text[close + 1] === '+' && text[close + 2] === '='))
        this.evaluated.push({ start: i, end: assigns ? close + 1 : end })
        if (!assigns) return
        i = close
      }
    }
  }

  private isCodeFile(key: string): boolean {
    return this.codeFiles.some(c => sameFile(c, key))
  }

  private withoutExpressions(start: number, end: number): string {
    let region = this.text.slice(start, end)
    for (const span of scanTemplate(region).spans.reverse()) {
      region = region.slice(0, span.start) + ' '.repeat(span.end - span.start) + region.slice(span.end)
    }
    return region
  }

  /**
   * Where a value reaches a program's options through a variable: `r=${{ }}; git clone "$r"`, a
   * function's `$1`, `for r in ${{ }}`, `read r <<< ${{ }}`. Returns, for an expression's offset and
   * its variable, the places it reaches; all through a variable are checked part by part.
   */
  private optionFlows(): (offset: number, variable: string) => OptionOperand[] {
    const byName = new Map<string, OptionName>()
    for (const n of this.optionNames) if (!byName.has(n.name)) byName.set(n.name, n)
    const positionalOf = () => [...byName.keys()].find(n => /^[0-9@*]$/.test(n))
    for (let round = 0; round <= this.assignments.length + this.positional.length + 1; round++) {
      const before = byName.size
      for (const a of this.assignments) {
        const reached = byName.get(a.name)
        if (!reached) continue
        if (a.positional && !byName.has('@')) byName.set('@', reached)
        for (const m of this.withoutExpressions(a.start, a.end).matchAll(/\$\{?!?([A-Za-z_][A-Za-z0-9_]*|[0-9@*])/g)) {
          if (!byName.has(m[1] as string)) byName.set(m[1] as string, reached)
        }
      }
      const positional = positionalOf()
      if (positional) {
        for (const p of this.positional) {
          for (const m of this.withoutExpressions(p.start, p.end).matchAll(/\$\{?!?([A-Za-z_][A-Za-z0-9_]*|[0-9@*])/g)) {
            if (!byName.has(m[1] as string)) byName.set(m[1] as string, byName.get(positional) as OptionName)
          }
        }
      }
      if (byName.size === before) break
    }
    const ranges: OptionOperand[] = []
    const add = (r: { start: number; end: number }, n: OptionName) => ranges.push({ ...r, program: n.program, leads: n.leads, tokens: true })
    for (const a of this.assignments) {
      const n = byName.get(a.name)
      if (n) add(a, n)
    }
    const positional = positionalOf()
    if (positional) for (const p of this.positional) add(p, byName.get(positional) as OptionName)
    // Input read into a variable that reaches an option: whatever reaches an input may be that value.
    const filled = [...this.filled].find(f => byName.has(f))
    if (filled || (this.fillsUnknown && byName.size)) {
      const n = byName.get(filled ?? '') ?? (byName.values().next().value as OptionName)
      for (const s of this.stdinSources) add(s, n)
    }
    // A command substitution or an input that reaches an option may read a file the script wrote:
    // `echo ${{ }} > f; git clone "$(cat f)"`. What the script writes to files is checked then.
    // `for f in $(cat list)`, `r=$(<f)`: a command substitution assigned to a variable that reaches an option.
    const substituted = this.assignments.find(a => byName.has(a.name) && COMMAND_SUBSTITUTION.test(this.withoutExpressions(a.start, a.end)))
    const reader =
      (filled || this.fillsUnknown ? byName.get(filled ?? '') : undefined) ??
      this.optionOperands.find(o => o.tokens) ??
      this.optionFileReader ??
      (substituted ? byName.get(substituted.name) : undefined)
    if (reader) {
      const n = { name: '', program: reader.program, leads: reader.leads }
      for (const w of this.fileWrites) {
        add(w, n)
        for (const h of w.heredocs) if (h.body) add(h.body, n)
      }
    }
    return (offset, variable) => {
      const carried = byName.get(variable)
      const found = ranges.filter(r => offset >= r.start && offset < r.end)
      return carried ? [...found, { start: offset, end: offset + 1, program: carried.program, leads: carried.leads, tokens: true }] : found
    }
  }

  /** Names read in evaluated text, and whether positional parameters are. */
  private evaluatedNames(): { names: Set<string>; positional: boolean; substitution: boolean } {
    const names = new Set<string>()
    let positional = false
    let substitution = false
    for (const r of this.evaluated) {
      let region = this.withoutExpressions(r.start, r.end)
      if (r.code) {
        // Code run by another shell (eval, sh -c): only what this shell expands there becomes code;
        // single-quoted text reaches that shell as written, where "$x" is data again.
        region = region.replace(/'[^']*'/g, ' ')
        for (const m of region.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1] as string)
      } else {
        for (const m of region.matchAll(NAME)) names.add(m[0])
      }
      if (POSITIONAL.test(region)) positional = true
      if (COMMAND_SUBSTITUTION.test(region)) substitution = true
    }
    return { names, positional, substitution }
  }

  /**
   * Refuses every string-valued expression that stands where bash would evaluate it: in a refused
   * word, or in a value that reaches a variable the script evaluates (`x=...; (( x ))`), directly or
   * through other assignments, positional parameters, or `read`.
   */
  private applyDangers(): void {
    // `alias g=eval` then `g "$x"` (aliases expand under `sh`, or with expand_aliases): the words
    // after an alias the script defines may be code, whatever the alias stands for.
    if (this.aliases.size) {
      for (const c of this.commandArguments) {
        if (!this.aliases.has(c.name) && !this.aliases.has(null)) continue
        this.dangers.push({ ...c, reason: ALIAS_REFUSAL })
        this.evaluated.push({ ...c, code: true })
      }
    }
    // A call of a function the script defines, when some command of the script runs its input as
    // code: the call's input may reach that command (`f() { bash; }; f <<< x`, `x | f`).
    const defined = new Set([...this.withoutExpressions(0, this.text.length).matchAll(FUNCTION_DEFINITION)].map(m => m[1] ?? m[2]))
    // `echo() { eval "$1"; }; echo "$x"`: a function may take the name of a builtin.
    const calls = this.positional.filter(p => !PLAIN_BUILTINS.has(p.name) || defined.has(p.name))
    this.positional.splice(0, this.positional.length, ...calls)
    // An alias may stand for a command that runs its input (`alias g=bash; g <<< x`), whatever the script runs elsewhere.
    const alias = (name: string) => this.aliases.has(name) || this.aliases.has(null)
    for (const call of this.commandInputs.filter(c => (this.stdinCodeAnywhere && defined.has(c.name)) || alias(c.name))) {
      for (const r of call.ranges) {
        this.dangers.push({ ...r, reason: REASONS.stdinCode })
        this.evaluated.push({ ...r, code: true })
      }
      for (const h of call.heredocs) {
        if (!h.body || h.quoted) continue
        this.dangers.push({ ...h.body, reason: REASONS.stdinCode })
        this.evaluated.push(h.body)
      }
    }
    for (const feed of this.outputFeeds) {
      if (!this.stdinCodeStarts.some(s => s >= feed.sub.start && s < feed.sub.end)) continue
      this.dangers.push({ start: feed.start, end: feed.end, reason: REASONS.stdinCode })
      this.evaluated.push({ start: feed.start, end: feed.end, code: true })
      for (const h of feed.heredocs) {
        if (!h.body || h.quoted) continue
        this.dangers.push({ ...h.body, reason: REASONS.stdinCode })
        this.evaluated.push(h.body)
      }
    }
    // `exec < f; bash`: a file made the script's input is code when a command runs its input.
    if (this.stdinCodeAnywhere) this.codeFiles.push(...this.inputFiles)
    // A file copied to or from a code file is one too (`cp f g.sh; . g.sh`).
    for (let round = 0; round <= this.copies.length; round++) {
      const group = this.copies.find(c => c.some(f => this.isCodeFile(f)) && c.some(f => !this.codeFiles.includes(f)))
      if (!group) break
      this.codeFiles.push(...group)
    }
    // `echo "X=$x" > cfg.sh; source cfg.sh`: what the script writes to a file it runs is code.
    const codeWrites = this.fileWrites.filter(w => w.paths.some(p => this.isCodeFile(p)))
    for (const w of codeWrites) {
      this.evaluated.push({ start: w.start, end: w.end, code: true })
      for (const h of w.heredocs) if (h.body) this.evaluated.push(h.body)
    }
    const { names, positional: positionalEvaluated, substitution } = this.evaluatedNames()
    // Whether the script evaluates the output of a command substitution, which may read its input.
    let evaluatesOutput = substitution
    let positional = positionalEvaluated
    // A variable is evaluated if the script evaluates it, or assigns it to one that is: `y=$x; (( y ))`.
    const evaluated = new Set([...names, ...this.evaluatingNames, ...CODE_VARIABLES])
    for (let round = 0; round <= this.assignments.length + 1; round++) {
      const before = evaluated.size
      const positionalBefore = positional
      for (const a of this.assignments) {
        if (!evaluated.has(a.name) && !this.evaluatingUnknownName) continue
        const value = this.withoutExpressions(a.start, a.end)
        if (COMMAND_SUBSTITUTION.test(value)) evaluatesOutput = true
        for (const m of value.matchAll(NAME)) evaluated.add(m[0])
        if (a.positional || POSITIONAL.test(value)) positional = true
      }
      // An input read into a variable the script evaluates (or into one named by a variable) is
      // evaluated, and so are the variables and positional parameters it expands:
      // `x=...; declare -i n; read n <<< $x`, `f() { read n <<< $1; (( n )); }; f "$x"`; as arithmetic,
      // a name the input holds is evaluated too (`declare -i i; read i <<< x`; grammar fuzz, seed 623597186).
      if (this.fillsUnknown || [...this.filled].some(n => evaluated.has(n))) {
        for (const source of this.stdinSources) {
          const text = this.withoutExpressions(source.start, source.end)
          for (const m of text.matchAll(NAME)) evaluated.add(m[0])
          if (POSITIONAL.test(text)) positional = true
        }
      }
      // Evaluated positional parameters evaluate what the calls pass: `f() { local -n r=$1; }; f "$x"`.
      if (positional) {
        for (const p of this.positional) for (const m of this.withoutExpressions(p.start, p.end).matchAll(NAME)) evaluated.add(m[0])
      }
      if (evaluated.size === before && positional === positionalBefore) break
    }
    const flows: DangerRange[] = []
    const within = (d: { start: number }, r: { start: number; end: number }) => d.start >= r.start && d.start < r.end
    const evaluatedAssignments = this.assignments.filter(a => evaluated.has(a.name) || this.evaluatingUnknownName)
    if (this.dumps.some(d => [...this.evaluated, ...evaluatedAssignments].some(r => within(d, r)))) {
      // `sh <<EOF` over `$(env)`: the values, passed in the environment, would be printed into code.
      flows.push({ start: 0, end: this.text.length, reason: 'the script prints the environment, where values are passed, into code' })
    }
    const implicit = [...evaluated].find(n => IMPLICIT_DATA_VARIABLES.has(n))
    if (implicit) {
      // Bash fills these from data on its own ($_ is the last argument of the previous command).
      flows.push({ start: 0, end: this.text.length, reason: `the script evaluates ${implicit}, which bash sets from the arguments or input of other commands` })
    }
    for (const a of this.assignments) {
      if (evaluated.has(a.name) || this.evaluatingUnknownName) {
        flows.push({
          ...a,
          reason: `its value is assigned to ${a.name}, which the script evaluates (arithmetic, a subscript, an integer or reference variable, or code)`
        })
      }
    }
    // The script may name a variable the expressions are passed in: `(( RETRAIN_E1 ))`.
    const carrier = [...evaluated].find(n => /^RETRAIN_E[0-9]+$/.test(n))
    if (carrier) flows.push({ start: 0, end: this.text.length, reason: `values are passed in ${carrier} and the like, which the script evaluates` })
    if (positional) {
      for (const p of this.positional) {
        flows.push({
          ...p,
          reason: `it becomes a positional parameter of ${p.name}, and the script evaluates positional parameters ($1, $@) as arithmetic or code`
        })
      }
    }
    if (positional && this.positional.some(p => COMMAND_SUBSTITUTION.test(this.withoutExpressions(p.start, p.end)))) evaluatesOutput = true
    const readsBack = evaluatesOutput || this.fillsUnknown || [...this.filled].some(n => evaluated.has(n))
    if (readsBack) {
      // `echo "$x" > f; y=$(cat f)`, `read y < f`, then `(( y ))`: what the script writes to a file may
      // come back as the output or the input it evaluates (the file a command reads is not followed).
      const reason = 'it is written to a file, and the script evaluates what it reads back from files or command output'
      for (const w of this.fileWrites) {
        flows.push({ start: w.start, end: w.end, reason })
        for (const h of w.heredocs) if (h.body) flows.push({ ...h.body, reason })
      }
    }
    if (evaluatesOutput) {
      // `x=$(cat); (( x ))` fed by a pipe or a heredoc: the command substitution reads the value.
      for (const s of this.stdinSources) {
        flows.push({ ...s, reason: 'it reaches the input of a command substitution whose output the script evaluates' })
      }
    }
    for (const w of codeWrites) {
      const reason = 'it is written to a file that the script runs as code'
      flows.push({ start: w.start, end: w.end, reason })
      for (const h of w.heredocs) if (h.body) flows.push({ ...h.body, reason })
    }
    if (this.fillsUnknown) {
      for (const s of this.stdinSources) {
        flows.push({ ...s, reason: 'it reaches an input the script reads into a variable whose name is not a literal word, which the script may evaluate' })
      }
    } else if ([...this.filled].some(n => evaluated.has(n))) {
      for (const s of this.stdinSources) {
        flows.push({ ...s, reason: 'it reaches an input the script reads into a variable (read, mapfile) that it then evaluates as arithmetic or code' })
      }
    }
    const optionFlows = this.optionFlows()
    for (const { heredoc, ...reach } of this.optionHeredocs) if (heredoc.body) this.optionOperands.push({ ...heredoc.body, ...reach })
    // A function the script defines reads its arguments as $1, $@: where those reach a program's
    // options is followed above, so a call is not a program of its own.
    const functions = new Set([...this.withoutExpressions(0, this.text.length).matchAll(FUNCTION_DEFINITION)].map(m => m[1] ?? m[2]))
    const optionOperands = this.optionOperands.filter(o => !functions.has(o.program))
    for (const [index, e] of this.replacements.entries()) {
      if (e.validated) continue
      const listed = this.listed(e.expression)
      // The option rules do not apply to values the spec lists (an enum, a boolean).
      const applies = (r: DangerRange) => e.start >= r.start && e.start < r.end && !(listed && isOptionReason(r.reason))
      const danger = this.dangers.find(r => applies(r) && !isOptionReason(r.reason)) ?? this.dangers.find(applies) ?? flows.find(applies)
      if (danger) {
        this.problem(e.start, `\${{ ${e.expression} }}: ${danger.reason}; ${SAFE_ALTERNATIVE}`)
        continue
      }
      if (listed) continue
      const name = (this.expressions[index] as ScriptExpression).name
      const checks = [...optionFlows(e.start, name), ...optionOperands.filter(o => e.start >= o.start && e.start < o.end)]
      const first = checks[0]
      if (!first) continue
      // One check per expression: tokens if any place splits the value, every leading character any place reads.
      const leads = [...new Set(checks.flatMap(c => [...c.leads]))].join('')
      this.optionChecks.push({ name, expression: e.expression, program: first.program, leads, tokens: checks.some(c => c.tokens), offset: e.start })
    }
    this.problems.sort((a, b) => a.offset - b.offset)
  }
}
