/**
 * Where bash treats a word of a simple command as plain data, and where it evaluates the word: as
 * arithmetic (subscripts, `let`, `-i` variables), as a variable name (which may carry a subscript),
 * or as code (`eval`, `sh -c`, `trap`, ...). The lexer in shell.ts cuts a command into words; this
 * module classifies them, so a string-valued expression is let through only where the grammar makes
 * it data.
 *
 * The rule is an allow rule with a table of exceptions: a word is data when it is an argument of an
 * ordinary command (one bash runs as a program and hands its arguments as they are) or the value of
 * a plain assignment. Every bash builtin that interprets an argument is listed below, and so are the
 * common programs that run an argument as code (shells, interpreters, awk, sed) or as a command
 * (env, xargs, find -exec, sudo, ...). Where a command or an option cannot be classified (a command
 * name that is not a literal word, an option a wrapper does not document), the rest of the command is
 * refused: guessing would be the hole.
 *
 * Data to bash may still be an option to the program: `git clone "$v"` with v=--upload-pack=CMD runs
 * CMD. Where a program parses options, shell-options.ts refuses a value as the argument of an option
 * that runs code, and marks the places whose value is checked when the step runs (option-values.ts).
 */

import {
  checksOptions,
  hasOptionTable,
  optionWithValue,
  findArguments,
  literalWord,
  optionOperand,
  programArguments,
  runsItsArguments,
  testArguments,
  type DangerRange,
  type OptionName,
  type OptionOperand,
  type ShellWord
} from './shell-options.js'

export { literalWord, type DangerRange, type ShellWord }

export interface CommandAnalysis {
  /** Ranges where a string-valued expression is refused. */
  danger: DangerRange[]
  /**
   * Variables this command assigns, with the range their value comes from (for taint tracking);
   * `positional` when the value is a positional parameter the range does not show (`for v; do`).
   */
  assignments: { name: string; start: number; end: number; positional?: boolean }[]
  /** Variables this command fills from its input or its arguments (read, mapfile, printf -v, ...). */
  filled: string[]
  /** Whether it also fills a variable whose name is not a literal word (`read "$v"`). */
  fillsUnknown: boolean
  /** Names this command declares with an attribute that makes plain assignments evaluate (-i, -n). */
  evaluatingNames: string[]
  /** Whether a declaration gave such an attribute to a name that is not a literal word. */
  evaluatingUnknownName: boolean
  /** Files the command writes by name (`tee FILE`), as written. */
  writes: string[]
  /** Files the command runs as code (a script operand, `source FILE`, `awk -f FILE`), as written. */
  codeFiles: string[]
  /** Whether the command prints the environment or the variables (`env`, `printenv`, `set`, `declare -p`). */
  dumpsEnvironment: boolean
  /** Whether the command runs what arrives on its standard input as code (`bash`, `python -`). */
  readsStdinAsCode: boolean
  /** Whether the command reads stdin into variables (read, mapfile). */
  readsStdinIntoVariables: boolean
  /** The command's name as bash resolves it, when it is a literal word. */
  name?: string
  /** Where a value may be read as an option by the program: checked when the step runs (shell-options.ts). */
  optionOperands: OptionOperand[]
  /** Variables whose value reaches such a place. */
  optionNames: OptionName[]
  /** Whether what reaches the command's input becomes words a program may read as options (`... | xargs git clone`). */
  stdinOptions?: { program: string; leads: string }
}

export const REASONS = {
  commandName: 'an expression as the command name chooses the program to run',
  unknownTarget: 'the value is assigned to a variable whose name is not a literal word, which the script may evaluate',
  unknownCommand: 'the command name is not a literal word, so what the command does with its arguments cannot be told',
  arithmetic: 'bash evaluates this word as arithmetic, where a value such as a[$(cmd)] runs cmd',
  subscript: 'an array subscript is evaluated as arithmetic, where a value such as a[$(cmd)] runs cmd',
  variableName: 'bash takes this word as a variable name, whose subscript it evaluates as arithmetic (a[$(cmd)] runs cmd)',
  declaredEvaluating: 'this declaration gives the variable an attribute (-i, -a, -A or -n) under which bash evaluates the value',
  code: 'this word is run as code',
  commandArgument: 'this word is run as a command (or its argument) by a program that runs commands',
  scriptFile: 'this word names the file of code to run',
  unknownOption: 'this option is not one the check knows, so the rest of the command cannot be classified',
  launcherCommand:
    'this program runs a command given among its arguments, and the value may be that command or the option that names it; write an option and its value as --option=VALUE',
  stdinCode: 'this text becomes the standard input of a command that runs its input as code'
} as const

/** Words after which bash still expects a command. */
const PREFIX_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac'])

/**
 * Whether the word may expand to no word at all, so that the words after it move up into its place:
 * it holds only unquoted expansions (`$f`, `` `cmd` ``, `$(cmd)`), an `@` expansion in double quotes
 * (`"$@"`, `"${a[@]}"`), or an unquoted glob character (which vanishes under `nullglob`). A quoted
 * part or a literal character outside expansions keeps a word in place.
 */
export function mayVanish(raw: string): boolean {
  let anchored = false
  let glob = false
  let i = 0
  while (i < raw.length) {
    const c = raw[i] as string
    if (raw.startsWith('${{', i)) {
      // An expression becomes "${RETRAIN_En}": exactly one word.
      anchored = true
      const close = raw.indexOf('}}', i + 3)
      i = close < 0 ? raw.length : close + 2
    } else if (c === '\\') {
      anchored = true
      i += 2
    } else if (c === "'" || (c === '$' && raw[i + 1] === "'")) {
      anchored = true
      const open = c === '$' ? i + 1 : i
      let j = open + 1
      while (j < raw.length && raw[j] !== "'") j += c === '$' && raw[j] === '\\' ? 2 : 1
      i = j + 1
    } else if (c === '"' || (c === '$' && raw[i + 1] === '"')) {
      let j = (c === '$' ? i + 1 : i) + 1
      while (j < raw.length && raw[j] !== '"') j += raw[j] === '\\' ? 2 : 1
      if (!raw.slice(i, j).includes('@')) anchored = true
      i = j + 1
    } else if (c === '$' && (raw[i + 1] === '(' || raw[i + 1] === '{' || raw[i + 1] === '[')) {
      const open = raw[i + 1] as string
      const close = open === '(' ? ')' : open === '{' ? '}' : ']'
      let depth = 0
      let j = i + 1
      for (; j < raw.length; j++) {
        if (raw[j] === open) depth++
        else if (raw[j] === close && --depth === 0) break
      }
      i = j + 1
    } else if (c === '$' && /[A-Za-z0-9_@*#?$!-]/.test(raw[i + 1] ?? '')) {
      i += /[A-Za-z_]/.test(raw[i + 1] as string) ? (/^\$[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i)) as RegExpExecArray)[0].length : 2
    } else if (c === '`') {
      let j = i + 1
      while (j < raw.length && raw[j] !== '`') j += raw[j] === '\\' ? 2 : 1
      i = j + 1
    } else {
      if ('*?['.includes(c)) glob = true
      else anchored = true
      i++
    }
  }
  return !anchored || glob
}

/** `NAME=`, `NAME+=`, `NAME[sub]=`: the name, and where the value starts within the raw word. */
export function assignmentParts(raw: string): { name: string; subscript: boolean; valueOffset: number } | undefined {
  const head = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=|\[)/.exec(raw)
  if (!head) return undefined
  const name = head[1] as string
  if (head[2] !== '[') return { name, subscript: false, valueOffset: head[0].length }
  // The subscript may hold quotes and brackets; the value starts after the first `]=` or `]+=`,
  // which is where bash ends it unless the subscript itself holds one. Conservative either way: the
  // whole name part, up to that point, is refused.
  const close = /\]\+?=/.exec(raw.slice(name.length))
  if (!close) return undefined
  return { name, subscript: true, valueOffset: name.length + close.index + close[0].length }
}

function basename(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1)
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'yash', 'posh', 'rbash', 'ksh93', 'busybox'])

/** Interpreters: options whose argument is code, options that take a data argument, flags. */
interface Interpreter {
  code: string[]
  /** Options whose argument names code to run (a module, a file). */
  codeName: string[]
  dataArg: string[]
  flags: string[]
}

const PYTHON: Interpreter = {
  code: ['-c'],
  codeName: ['-m'],
  dataArg: ['-W', '-X', '--check-hash-based-pycs'],
  flags: ['-b', '-bb', '-B', '-d', '-E', '-i', '-I', '-O', '-OO', '-P', '-q', '-s', '-S', '-u', '-v', '-V', '-x', '-h', '--version', '--help']
}
const INTERPRETERS: Record<string, Interpreter> = {
  python: PYTHON,
  node: {
    code: ['-e', '--eval', '-p', '--print'],
    codeName: ['-r', '--require', '--import', '--loader', '--experimental-loader'],
    dataArg: ['--title'],
    flags: [
      '-v',
      '--version',
      '-h',
      '--help',
      '--no-warnings',
      '--enable-source-maps',
      '--trace-warnings',
      '--trace-uncaught',
      '--expose-gc',
      '--no-deprecation',
      '--throw-deprecation',
      '--trace-deprecation'
    ]
  },
  perl: {
    code: ['-e', '-E'],
    codeName: ['-M', '-m', '-I', '-x'],
    dataArg: [],
    flags: ['-w', '-W', '-X', '-s', '-T', '-t', '-n', '-p', '-a', '-l', '-c', '-v', '-0', '-C', '-U', '-S', '-d']
  },
  ruby: {
    code: ['-e'],
    codeName: ['-r', '-I'],
    dataArg: [],
    flags: ['-w', '-W', '-v', '--version', '-n', '-p', '-a', '-l', '-c', '-d', '-s']
  },
  php: {
    code: ['-r', '-B', '-R', '-E'],
    // -F runs a file per input line; -c and -d can name an ini that prepends code (auto_prepend_file).
    codeName: ['-f', '-F', '-c', '-d', '-z'],
    dataArg: [],
    flags: ['-n', '-q', '-H', '-h', '-v', '-i', '-l', '-s', '-w', '-a', '-e', '--version', '--help']
  },
  lua: { code: ['-e'], codeName: ['-l'], dataArg: [], flags: ['-i', '-v', '-E', '-W'] },
  luajit: { code: ['-e'], codeName: ['-l', '-j', '-b'], dataArg: [], flags: ['-i', '-v', '-E'] },
  julia: {
    code: ['-e', '--eval', '-E', '--print'],
    codeName: ['-L', '--load', '-J', '--sysimage'],
    dataArg: ['-t', '--threads', '-p', '--procs'],
    flags: ['-q', '--quiet', '-i', '-O', '-g', '--version', '-v', '-h', '--help']
  },
  R: {
    code: ['-e'],
    codeName: ['-f', '--file'],
    dataArg: [],
    flags: [
      '--vanilla',
      '--no-save',
      '--save',
      '--no-restore',
      '--slave',
      '--no-echo',
      '-q',
      '--quiet',
      '--silent',
      '--no-environ',
      '--no-site-file',
      '--no-init-file',
      '--args'
    ]
  },
  Rscript: {
    code: ['-e'],
    codeName: [],
    dataArg: [],
    flags: ['--vanilla', '--verbose', '--default-packages', '--no-environ', '--no-site-file', '--no-init-file', '--no-restore', '--no-save']
  }
}

function interpreterOf(name: string): Interpreter | undefined {
  if (/^python[0-9.]*$/.test(name)) return PYTHON
  if (name === 'nodejs') return INTERPRETERS.node
  return Object.hasOwn(INTERPRETERS, name) ? INTERPRETERS[name] : undefined
}

/** Builtins whose every argument is code, or names of code, or that set up code to run later. */
const CODE_BUILTINS = new Set(['eval', 'source', '.', 'trap', 'fc', 'alias', 'complete', 'compgen', 'compopt', 'bind', 'enable', 'jobs', 'coproc', 'history'])

/** Programs that run their operands as a command after their own options. */
interface Wrapper {
  /** Options that take an argument (data). */
  dataArg: string[]
  flags: string[]
  /** Operands before the command (timeout's duration, chroot's directory). */
  leadingOperands?: number
  /** `NAME=value` words before the command are data (env). */
  assignments?: boolean
}
const WRAPPERS: Record<string, Wrapper> = {
  env: { dataArg: ['-u', '--unset', '-C', '--chdir'], flags: ['-i', '--ignore-environment', '-0', '--null', '-'], assignments: true },
  nice: { dataArg: ['-n', '--adjustment'], flags: [] },
  nohup: { dataArg: [], flags: [] },
  timeout: { dataArg: ['-s', '--signal', '-k', '--kill-after'], flags: ['--preserve-status', '--foreground', '-v', '--verbose'], leadingOperands: 1 },
  stdbuf: { dataArg: ['-i', '-o', '-e'], flags: [] },
  setsid: { dataArg: [], flags: ['-w', '--wait', '-f', '--fork', '-c', '--ctty'] },
  time: { dataArg: ['-f', '--format', '-o', '--output'], flags: ['-p', '-a', '--append', '-v', '--verbose', '-q', '--quiet', '--portability'] },
  xargs: {
    dataArg: [
      '-I',
      '-n',
      '-L',
      '-P',
      '-d',
      '-E',
      '-s',
      '-a',
      '--max-args',
      '--max-lines',
      '--max-procs',
      '--delimiter',
      '--eof',
      '--max-chars',
      '--arg-file',
      '--replace'
    ],
    flags: ['-0', '--null', '-r', '--no-run-if-empty', '-t', '--verbose', '-x', '--exit', '-p', '--interactive', '-i', '--open-tty', '-o']
  },
  sudo: {
    dataArg: ['-u', '--user', '-g', '--group', '-C', '-D', '--chdir', '-h', '--host', '-p', '--prompt', '-U'],
    flags: ['-E', '-H', '-n', '-k', '-K', '-S', '-b', '-P', '--preserve-env', '--non-interactive']
  },
  doas: { dataArg: ['-u', '-C'], flags: ['-n', '-s'] },
  chroot: { dataArg: ['--userspec', '--groups'], flags: ['--skip-chdir'], leadingOperands: 1 },
  command: { dataArg: [], flags: ['-p'] },
  builtin: { dataArg: [], flags: [] },
  exec: { dataArg: ['-a'], flags: ['-c', '-l', '-cl', '-lc'] },
  time_keyword: { dataArg: [], flags: ['-p'] },
  nocorrect: { dataArg: [], flags: [] }
}

/**
 * Programs that run a command (or a script) given after their own options, or after a subcommand:
 * launchers and environment runners (`mpirun -np 4 python ...`, `uv run python ...`). Their options
 * are not all known, so each literal word after them that is not an option may be the command: each is
 * classified as one, and a value before any such word may itself be the command.
 */
const LAUNCHERS: Record<string, string | null> = {
  mpirun: null,
  mpiexec: null,
  srun: null,
  salloc: null,
  torchrun: null,
  deepspeed: null,
  horovodrun: null,
  'xvfb-run': null,
  'dbus-run-session': null,
  unshare: null,
  nsenter: null,
  ionice: null,
  taskset: null,
  chrt: null,
  numactl: null,
  prlimit: null,
  'systemd-run': null,
  firejail: null,
  bwrap: null,
  fakeroot: null,
  valgrind: null,
  catchsegv: null,
  uv: 'run',
  poetry: 'run',
  pipenv: 'run',
  pdm: 'run',
  hatch: 'run',
  conda: 'run',
  mamba: 'run',
  micromamba: 'run',
  pixi: 'run',
  accelerate: 'launch'
}

/** Whether the check knows what `word` as a command does with the words after it. */
function knownRunner(word: string): boolean {
  const name = basename(word)
  return (
    SHELLS.has(name) ||
    interpreterOf(name) !== undefined ||
    Object.hasOwn(WRAPPERS, name) ||
    Object.hasOwn(LAUNCHERS, name) ||
    RUNS_OPERANDS_AS_CODE.has(name) ||
    runsItsArguments(name) !== undefined ||
    hasOptionTable(name) ||
    ['awk', 'gawk', 'mawk', 'nawk', 'sed', 'gsed', 'find'].includes(name)
  )
}

/** Programs that hand their operands to a shell: everything after the name is code. */
const RUNS_OPERANDS_AS_CODE = new Set(['watch', 'ssh', 'su', 'parallel', 'script', 'flock', 'runuser', 'sg', 'unbuffer', 'strace', 'ltrace', 'gdb', 'expect'])

/** Programs that run commands read from their standard input (`!cmd`, `syscmd`, `.shell`, a crontab). */
const STDIN_CODE_PROGRAMS = new Set([
  'm4',
  'dc',
  'gdb',
  'lldb',
  'ed',
  'ex',
  'vi',
  'vim',
  'nvim',
  'emacs',
  'make',
  'gmake',
  'at',
  'batch',
  'crontab',
  'sqlite3',
  'mysql',
  'psql',
  'duckdb',
  'expect',
  'tclsh',
  'wish',
  'lua',
  'luajit',
  'julia',
  'R',
  'Rscript',
  'irb',
  'jshell',
  'osascript',
  'pwsh',
  'powershell',
  'deno',
  'bun',
  'ftp',
  'sftp',
  'telnet',
  'busybox'
])

/** File names that read standard input. */
const STDIN_PATHS = new Set(['-', '/dev/stdin', '/dev/fd/0', '/proc/self/fd/0'])

const ARITHMETIC_TEST_OPERATORS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge'])
/** The binary operators of `test`: none of them evaluates its operands. */
const TEST_BINARY_OPERATORS = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'])

/** What an option word is: `--` ends options; `-x`, `-xyz`, `--long`, `--long=value`. */
function isOption(word: string | null): boolean {
  return word !== null && word.length > 1 && (word.startsWith('-') || word.startsWith('+'))
}

class Classifier {
  readonly result: CommandAnalysis = {
    danger: [],
    assignments: [],
    filled: [],
    fillsUnknown: false,
    dumpsEnvironment: false,
    writes: [],
    codeFiles: [],
    evaluatingNames: [],
    evaluatingUnknownName: false,
    readsStdinAsCode: false,
    readsStdinIntoVariables: false,
    optionOperands: [],
    optionNames: []
  }

  /** Where the findings of shell-options.ts go: the same arrays as the result's. */
  private get findings(): { danger: DangerRange[]; operands: OptionOperand[]; names: OptionName[] } {
    return { danger: this.result.danger, operands: this.result.optionOperands, names: this.result.optionNames }
  }

  constructor(private readonly words: ShellWord[]) {}

  private literal(i: number): string | null {
    const w = this.words[i]
    return w === undefined ? null : literalWord(w.raw)
  }

  private refuse(i: number, reason: string): void {
    const w = this.words[i]
    if (w) this.result.danger.push({ start: w.start, end: w.end, reason })
  }

  /**
   * Refuses the operand at `i` for `reason`, and the words after it as long as the word before may
   * expand to nothing (`sh -c $f "$value"`: with f empty, the value is the code).
   */
  private refuseOperand(i: number, reason: string): void {
    this.refuse(i, reason)
    if (reason === REASONS.scriptFile) this.codeFile(i)
    while (i + 1 < this.words.length && mayVanish((this.words[i] as ShellWord).raw)) this.refuse(++i, reason)
  }

  /** Whether the file operand at `i` may be standard input: `/dev/stdin`, or a word that may vanish. */
  private readsStdin(i: number): boolean {
    const w = this.words[i]
    return w !== undefined && (mayVanish(w.raw) || STDIN_PATHS.has(this.literal(i) ?? ''))
  }

  /** The word at `i` names a file of code (and so do the words after it while it may vanish). */
  private codeFile(i: number): void {
    for (; i < this.words.length; i++) {
      const w = this.words[i] as ShellWord
      this.result.codeFiles.push(w.raw)
      if (!mayVanish(w.raw)) break
    }
  }

  private refuseFrom(i: number, reason: string): void {
    // A command the check cannot classify (`env -S sh`, `sudo -s`) may read its code from the input.
    if (reason === REASONS.unknownOption || reason === REASONS.unknownCommand) this.result.readsStdinAsCode = true
    for (let k = i; k < this.words.length; k++) this.refuse(k, reason)
  }

  run(): void {
    let i = 0
    // Leading keywords and assignments: `if`, `!`, `time -p`, `VAR=value cmd`.
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit !== null && PREFIX_KEYWORDS.has(lit)) continue
      if (lit === 'time') {
        while (this.literal(i + 1) === '-p' || this.literal(i + 1) === '--') i++
        continue
      }
      const w = this.words[i] as ShellWord
      const parts = assignmentParts(w.raw)
      if (!parts) break
      this.assignment(w, parts, false)
    }
    this.command(i)
  }

  /** A word `NAME=value`: the name part is a variable name (and subscript); the value is data unless `evaluates`. */
  private assignment(w: ShellWord, parts: NonNullable<ReturnType<typeof assignmentParts>>, evaluates: boolean): void {
    const valueStart = w.start + parts.valueOffset
    this.result.danger.push({ start: w.start, end: valueStart, reason: parts.subscript ? REASONS.subscript : REASONS.variableName })
    if (evaluates) this.result.danger.push({ start: valueStart, end: w.end, reason: REASONS.declaredEvaluating })
    this.result.assignments.push({ name: parts.name, start: valueStart, end: w.end })
  }

  /** Classifies the command whose name is word `i` and its arguments. */
  private command(i: number): void {
    if (i >= this.words.length) return
    const nameWord = this.literal(i)
    if (nameWord === null) {
      this.refuse(i, REASONS.commandName)
      this.refuseFrom(i + 1, REASONS.unknownCommand)
      return
    }
    const name = basename(nameWord)
    this.result.name ??= name
    // Programs that run what reaches their input as commands (a shell escape, a schedule, SQL with .shell).
    if (STDIN_CODE_PROGRAMS.has(name)) this.result.readsStdinAsCode = true
    // `./run.sh`, `bin/train`: a command named by its path runs that file (which the script may have written).
    if (nameWord.includes('/')) this.result.codeFiles.push((this.words[i] as ShellWord).raw)
    const args = i + 1
    // The values of expressions are passed in environment variables: these print them.
    if (name === 'printenv' || (name === 'set' && args >= this.words.length) || this.words.slice(args).some(w => w.raw.includes('environ'))) {
      this.result.dumpsEnvironment = true
    }
    if (name === 'for' || name === 'select') return this.forLoop(args)
    if (name === 'function') {
      this.refuse(args, REASONS.variableName)
      // `function g { eval "$1"; }` on one line: the body's first command is in this simple command.
      let body = args + 1
      while (body < this.words.length && ['(', ')', '()'].includes(this.literal(body) ?? '')) body++
      if (this.literal(body) !== '{') return
      const inner = new Classifier(this.words.slice(body + 1))
      inner.run()
      return this.merge(inner)
    }
    if (name === 'case' || name === '[[' || name === ']]' || name === 'in') return
    if (name === 'let') return this.refuseFrom(args, REASONS.arithmetic)
    if (CODE_BUILTINS.has(name)) {
      // `source /dev/stdin`, `eval "$(cat)"`: what reaches their input may be run.
      // `coproc bash <<< x`: the command coproc runs gets the redirections.
      if (name === 'eval' || name === 'source' || name === '.' || name === 'coproc') this.result.readsStdinAsCode = true
      if (name === 'source' || name === '.') this.codeFile(args)
      return this.refuseFrom(args, REASONS.code)
    }
    // `printf %s "$x" | dd of=f`, `... | sponge f`: the input is written to the file named.
    if (name === 'dd') {
      for (const w of this.words.slice(args)) if (w.raw.startsWith('of=')) this.result.writes.push(w.raw.slice(3))
    }
    if (name === 'sponge') {
      for (let k = args; k < this.words.length; k++) if (!isOption(this.literal(k))) this.result.writes.push((this.words[k] as ShellWord).raw)
    }
    if (name === 'tee') {
      for (let k = args; k < this.words.length; k++) if (!isOption(this.literal(k))) this.result.writes.push((this.words[k] as ShellWord).raw)
      return programArguments(this.words, args, name, this.findings)
    }
    if (name === 'hash') {
      // `hash -p PATH NAME`: NAME then runs the program at PATH.
      this.options(args, { '-p': REASONS.commandName }, 'lrdt')
      return
    }
    if (['declare', 'typeset', 'local', 'export', 'readonly'].includes(name)) return this.declaration(name, args)
    if (name === 'unset') return this.namesAfterOptions(args, [], REASONS.variableName)
    if (name === 'read') return this.read(args)
    if (name === 'mapfile' || name === 'readarray') return this.mapfile(args)
    if (name === 'printf') return this.printf(args)
    if (name === 'getopts') return this.getopts(args)
    if (name === 'wait') return this.wait(args)
    if (name === 'test' || name === '[') return this.test(args)
    if (SHELLS.has(name)) return this.shell(name, args)
    const runs = runsItsArguments(name)
    if (runs) return this.refuseFrom(args, runs)
    const interpreter = interpreterOf(name)
    if (interpreter) return this.interpreter(interpreter, args)
    if (['awk', 'gawk', 'mawk', 'nawk'].includes(name)) return this.awk(args)
    if (name === 'sed' || name === 'gsed') return this.sed(args)
    if (name === 'find') return this.find(args)
    if (RUNS_OPERANDS_AS_CODE.has(name)) {
      // `ssh host <<< x`, `su user <<< x`: without a command, the shell they start reads the input.
      this.result.readsStdinAsCode = true
      return this.refuseFrom(args, REASONS.commandArgument)
    }
    if (name === 'command' && ['-v', '-V', '-pv', '-pV'].includes(this.literal(args) ?? '')) return
    if (name === 'time' || Object.hasOwn(WRAPPERS, name)) return this.wrapper(WRAPPERS[name] as Wrapper, args)
    if (Object.hasOwn(LAUNCHERS, name)) return this.launcher(name, args, LAUNCHERS[name] as string | null)
    // An ordinary command: bash hands it every argument as it is. The other builtins (echo, cd, set,
    // shift, exit, kill, ...) take their arguments as data too, numbers included: they parse them,
    // they do not evaluate them. But a program parses options among its arguments, and a value that
    // starts with `-` would be one (`git clone --upload-pack=CMD`): shell-options.ts.
    if (checksOptions(nameWord, name)) programArguments(this.words, args, name, this.findings)
  }

  private forLoop(i: number): void {
    const name = this.literal(i)
    if (name === null) return this.refuse(i, REASONS.variableName)
    const list = this.words.slice(i + 1)
    const first = list.findIndex(w => literalWord(w.raw) === 'in')
    const values = first < 0 ? [] : list.slice(first + 1)
    const last = values[values.length - 1]
    if (values.length && last) this.result.assignments.push({ name, start: (values[0] as ShellWord).start, end: last.end })
    // `for v; do`, `for v do`: the loop runs over the positional parameters, "$@".
    const w = this.words[i] as ShellWord
    if (first < 0) this.result.assignments.push({ name, start: w.start, end: w.end, positional: true })
    // `for v do eval "$v"; done` on one line: the body's first command is in this simple command.
    if (first < 0 && literalWord(list[0]?.raw ?? '') === 'do') {
      const inner = new Classifier(list.slice(1))
      inner.run()
      this.merge(inner)
    }
  }

  /** Options (of `allowed` letters, or any if empty) and then operands that are variable names. */
  private namesAfterOptions(i: number, _allowed: string[], reason: string): void {
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '--') {
        i++
        break
      }
      if (!isOption(lit)) break
    }
    this.refuseFrom(i, reason)
  }

  private declaration(builtin: string, i: number): void {
    // Letters under which a value is evaluated (or re-parsed as an array literal) rather than stored.
    const evaluating = builtin === 'export' ? '' : 'iaAn'
    const known = builtin === 'export' ? 'fnp' : builtin === 'readonly' ? 'aAfp' : 'aAfFgilnprtuxI'
    let evaluates = false
    // Words from an expansion before the first name may expand to options (`declare $opt n=...`).
    let optionsMayFollow = true
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '--') {
        i++
        optionsMayFollow = false
        break
      }
      if (lit === null && /^[-+]/.test(this.words[i]?.raw ?? '')) {
        this.refuseFrom(i, REASONS.unknownOption)
        return
      }
      if (!isOption(lit)) break
      const letters = (lit as string).slice(1)
      if ([...letters].some(l => !known.includes(l))) {
        this.refuseFrom(i, REASONS.unknownOption)
        return
      }
      if ([...letters].some(l => evaluating.includes(l))) evaluates = true
      if (letters.includes('p')) this.result.dumpsEnvironment = true
    }
    if (i >= this.words.length) this.result.dumpsEnvironment = true
    for (; i < this.words.length; i++) {
      const w = this.words[i] as ShellWord
      const parts = assignmentParts(w.raw)
      if (parts) {
        optionsMayFollow = false
        this.assignment(w, parts, evaluates)
        if (evaluates) this.result.evaluatingNames.push(parts.name)
        continue
      }
      this.refuse(i, REASONS.variableName)
      const lit = this.literal(i)
      if (lit === null && optionsMayFollow && evaluating) {
        // `declare $opt n=...` with opt=-i: the words after it get that attribute.
        evaluates = true
        this.result.evaluatingUnknownName = true
      }
      if (lit !== null) optionsMayFollow = false
      if (evaluates) {
        if (lit !== null && /^[A-Za-z_][A-Za-z0-9_]*$/.test(lit)) this.result.evaluatingNames.push(lit)
        else this.result.evaluatingUnknownName = true
      }
    }
  }

  /** Walks options: `withArg` maps an option to the reason its argument is refused (undefined: data). */
  private options(i: number, withArg: Record<string, string | undefined>, flags: string, onName?: (name: string | null) => void): number {
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '--') return i + 1
      if (lit === null) {
        if (/^[-+]/.test(this.words[i]?.raw ?? '')) {
          this.refuseFrom(i, REASONS.unknownOption)
          return this.words.length
        }
        return i
      }
      if (!isOption(lit)) return i
      // A cluster such as -rs or -ra NAME: flags first, then at most one option taking an argument.
      const letters = lit.slice(1)
      for (let k = 0; k < letters.length; k++) {
        const option = `-${letters[k]}`
        if (flags.includes(letters[k] as string)) continue
        if (!Object.hasOwn(withArg, option)) {
          this.refuseFrom(i, REASONS.unknownOption)
          return this.words.length
        }
        const reason = withArg[option]
        const attached = letters.slice(k + 1)
        if (attached) {
          if (reason) this.refuse(i, reason)
          if (onName && option === '-a') onName(attached)
        } else {
          i++
          if (reason) this.refuse(i, reason)
          const arg = this.literal(i)
          if (onName && (option === '-a' || option === '-v' || option === '-p')) onName(arg)
        }
        break
      }
    }
    return i
  }

  private fill(name: string | null): void {
    if (name === null) this.result.fillsUnknown = true
    else this.result.filled.push(name)
  }

  private read(i: number): void {
    this.result.readsStdinIntoVariables = true
    const rest = this.options(
      i,
      { '-a': REASONS.variableName, '-d': undefined, '-i': undefined, '-n': undefined, '-N': undefined, '-p': undefined, '-t': undefined, '-u': undefined },
      'ers',
      n => this.fill(n)
    )
    for (let k = rest; k < this.words.length; k++) this.fill(this.literal(k))
    this.refuseFrom(rest, REASONS.variableName)
  }

  private mapfile(i: number): void {
    this.result.readsStdinIntoVariables = true
    // `mapfile -C eval -c 1`: each line read is an argument of the callback, which may run it.
    if (this.words.slice(i).some(w => /^-[A-Za-z]*C/.test(literalWord(w.raw) ?? ''))) this.result.readsStdinAsCode = true
    const rest = this.options(
      i,
      { '-C': REASONS.code, '-c': undefined, '-d': undefined, '-n': undefined, '-O': undefined, '-s': undefined, '-u': undefined },
      't'
    )
    this.fill(rest >= this.words.length ? 'MAPFILE' : this.literal(rest))
    this.refuseFrom(rest, REASONS.variableName)
  }

  private printf(i: number): void {
    const named: string[] = []
    const rest = this.options(i, { '-v': REASONS.variableName }, '', n => {
      // A name that is not a literal word is refused below.
      if (n === null) return
      this.fill(n)
      named.push(n)
    })
    const setsVariable = this.words.slice(i, rest).some(w => /^-[A-Za-z]*v/.test(literalWord(w.raw) ?? ''))
    // The format: a value there starting with `-` would be an option (`-vNAME` assigns).
    if (this.literal(rest - 1) !== '--') optionOperand(this.words[rest], 'printf', this.findings)
    const format = this.words[rest]
    if (format && this.literal(rest) === null && (/\$\{?[@*]/.test(format.raw) || mayVanish(format.raw)) && !/^\$\{\{/.test(format.raw)) {
      // `printf "$@"`, `printf $opts ...`: the expansion may bring `-v NAME` and the format after it.
      this.refuse(rest, REASONS.variableName)
      this.refuseFrom(rest + 1, REASONS.unknownTarget)
      return
    }
    const first = this.words[rest]
    const last = this.words[this.words.length - 1]
    if (!setsVariable || !first || !last) return
    // `printf -v NAME FORMAT ARGS...`: what it formats is assigned to NAME, as `NAME=...` would be.
    if (named.length) for (const name of named) this.result.assignments.push({ name, start: first.start, end: last.end })
    else this.refuseFrom(rest, REASONS.unknownTarget)
  }

  private getopts(i: number): void {
    this.fill(this.literal(i + 1))
    this.refuse(i + 1, REASONS.variableName)
    // `getopts "$@"`: the name may be any word the expansion brings.
    if (this.literal(i) === null) this.refuseFrom(i, REASONS.variableName)
  }

  private wait(i: number): void {
    // The pid it stores is a number; a name that is not a literal word is refused as such.
    this.options(i, { '-p': REASONS.variableName }, 'fn', n => n !== null && this.fill(n))
    // `wait "$@"`: the expansion may bring -p and the name after it (the value stored is a number;
    // the name's subscript is what bash evaluates, and what the expansion holds is evaluated with it).
    for (let k = i; k < this.words.length; k++) if (this.literal(k) === null) this.refuse(k, REASONS.variableName)
  }

  /**
   * `test`/`[`: -v and -R take a variable name; with them anywhere, every operand is refused. So they
   * are when an operand from an expansion may be such an operator (`test "$op" "$x"`): anywhere but
   * in the plain forms `[ W ]` and `[ W OP W ]` with a literal binary operator.
   */
  private test(i: number): void {
    const operands = this.words.slice(i).map(w => literalWord(w.raw))
    if (this.literal(i - 1) === '[' && operands[operands.length - 1] === ']') operands.pop()
    const plain = operands.length <= 1 || (operands.length === 3 && TEST_BINARY_OPERATORS.has(operands[1] ?? ''))
    // An expression's value standing there is checked when the step runs (testArguments).
    const expansions = this.words.slice(i, i + operands.length - 1).filter(w => literalWord(w.raw) === null && !/^"?\$\{\{[^}]*\}\}"?$/.test(w.raw))
    const operatorFromExpansion = !plain && expansions.length > 0
    if (operatorFromExpansion || operands.some(o => o === '-v' || o === '-R')) this.refuseFrom(i, REASONS.variableName)
    testArguments(this.words, i, this.literal(i - 1) === '[', this.findings)
  }

  private shell(name: string, i: number): void {
    let code = false
    let stdin = false
    if (name === 'busybox') {
      // `busybox sh ...`: the applet name, then that applet's arguments.
      const applet = this.literal(i)
      if (applet === null) return this.refuseFrom(i, REASONS.unknownCommand)
      return this.command(i)
    }
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '--' || lit === '-') {
        i++
        break
      }
      if (lit === null) {
        if (/^[-+]/.test(this.words[i]?.raw ?? '')) return this.refuseFrom(i, REASONS.unknownOption)
        break
      }
      if (!isOption(lit)) break
      if (lit.startsWith('--')) {
        if (['--rcfile', '--init-file'].includes(lit)) {
          this.refuseOperand(++i, REASONS.scriptFile)
          continue
        }
        if (
          [
            '--norc',
            '--noprofile',
            '--posix',
            '--login',
            '--restricted',
            '--verbose',
            '--noediting',
            '--debugger',
            '--dump-strings',
            '--dump-po-strings',
            '--pretty-print',
            '--version',
            '--help'
          ].includes(lit)
        )
          continue
        return this.refuseFrom(i, REASONS.unknownOption)
      }
      const letters = lit.slice(1)
      if (letters.includes('c')) code = true
      if (letters.includes('s')) stdin = true
      // -o/+o and -O/+O take an option name.
      if (/[oO]/.test(letters)) i++
      if (!/^[a-zA-Z]+$/.test(letters)) return this.refuseFrom(i, REASONS.unknownOption)
    }
    if (code) {
      this.refuseOperand(i, REASONS.code)
      return
    }
    // Without a script file, or with one given by an expansion that may come to no word at all
    // (`sh $f`, `sh \`cmd\``), the shell reads its code from standard input.
    if (stdin || i >= this.words.length || this.literal(i) === null || this.readsStdin(i)) this.result.readsStdinAsCode = true
    if (stdin || i >= this.words.length) return
    // The first operand is the script to run; the rest are its arguments, data.
    this.refuseOperand(i, REASONS.scriptFile)
  }

  private interpreter(spec: Interpreter, i: number): void {
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '--') {
        i++
        break
      }
      if (lit === '-') {
        this.result.readsStdinAsCode = true
        return
      }
      if (lit === null) {
        if (/^-/.test(this.words[i]?.raw ?? '')) return this.refuseFrom(i, REASONS.unknownOption)
        break
      }
      if (!lit.startsWith('-') || lit.length < 2) break
      const [option, inline] = lit.startsWith('--') ? (lit.split('=', 2) as [string, string?]) : [lit.slice(0, 2), lit.length > 2 ? lit.slice(2) : undefined]
      if (spec.code.includes(option)) {
        if (inline === undefined) this.refuseOperand(i + 1, REASONS.code)
        else this.refuse(i, REASONS.code)
        // After code given inline, the remaining operands are the program's arguments.
        return
      }
      if (spec.codeName.includes(option)) {
        if (inline === undefined) this.refuseOperand(++i, REASONS.scriptFile)
        else this.refuse(i, REASONS.scriptFile)
        if (option === '-m') {
          // `python -m pip install ...`: the module reads the rest as its own arguments and options.
          const module = inline ?? this.literal(i)
          if (module !== null && hasOptionTable(module)) programArguments(this.words, i + 1, module, this.findings)
          return
        }
        continue
      }
      if (spec.dataArg.includes(option)) {
        if (inline === undefined) i++
        continue
      }
      if (spec.flags.includes(lit) || spec.flags.includes(option)) continue
      // `--name=value` takes no further word, and the code options are all listed above.
      if (lit.startsWith('--') && inline !== undefined) continue
      return this.refuseFrom(i, REASONS.unknownOption)
    }
    // No script file, or one given by an expansion that may come to no word at all (`sh $f`, `sh \`cmd\``):
    // the program may read its code from standard input.
    if (i >= this.words.length || this.literal(i) === null || this.readsStdin(i)) this.result.readsStdinAsCode = true
    if (i >= this.words.length) return
    this.refuseOperand(i, REASONS.scriptFile)
  }

  private awk(i: number): void {
    let program = true
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '--') {
        i++
        break
      }
      if (lit === null) {
        if (/^-/.test(this.words[i]?.raw ?? '')) return this.refuseFrom(i, REASONS.unknownOption)
        break
      }
      if (!lit.startsWith('-') || lit.length < 2) break
      const option = lit.slice(0, 2)
      const inline = lit.length > 2
      if (option === '-f' || option === '-e' || lit === '--source' || lit === '--file' || option === '-i' || option === '-l') {
        program = program && option !== '-f' && lit !== '--file'
        if (inline) this.refuse(i, REASONS.code)
        else this.refuseOperand(++i, REASONS.code)
        if (option === '-f' || lit === '--file') {
          if (inline) this.result.codeFiles.push(lit.startsWith('--') ? lit.slice(lit.indexOf('=') + 1) : lit.slice(2))
          else this.codeFile(i)
        }
        // `awk -f /dev/stdin`: the program is what reaches the input.
        if ((option === '-f' || lit === '--file') && !inline && this.readsStdin(i)) this.result.readsStdinAsCode = true
        if (option === '-e' || lit === '--source') program = false
        continue
      }
      if (option === '-F' || option === '-v') {
        if (!inline) i++
        continue
      }
      return this.refuseFrom(i, REASONS.unknownOption)
    }
    if (program) this.refuseOperand(i, REASONS.code)
    // With the program from -f or -e, the first operand may still be read as an option (not after --).
    else if (this.literal(i - 1) !== '--') optionOperand(this.words[i], 'awk', this.findings)
  }

  private sed(i: number): void {
    let script = true
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '--') {
        i++
        break
      }
      if (lit === null) {
        if (/^-/.test(this.words[i]?.raw ?? '')) return this.refuseFrom(i, REASONS.unknownOption)
        break
      }
      if (!lit.startsWith('-') || lit.length < 2) break
      if (
        /^-[nErsuz]+$/.test(lit) ||
        /^-i/.test(lit) ||
        ['--quiet', '--silent', '--regexp-extended', '--separate', '--unbuffered', '--null-data', '--posix', '--debug', '--sandbox'].includes(lit) ||
        lit.startsWith('--in-place')
      )
        continue
      if (/^-[nErsuz]*[ef]/.test(lit) || lit.startsWith('--expression') || lit.startsWith('--file')) {
        script = false
        if (/^-[nErsuz]*[ef]$/.test(lit) || lit === '--expression' || lit === '--file') {
          this.refuseOperand(++i, REASONS.code)
          if (lit.endsWith('f') || lit === '--file') {
            this.codeFile(i)
            // `sed -f - file`, `sed -f /dev/stdin`: the script is what reaches the input.
            if (this.readsStdin(i)) this.result.readsStdinAsCode = true
          }
        } else {
          this.refuse(i, REASONS.code)
          const inline = /^-[nErsuz]*f(.+)$/.exec(lit)?.[1] ?? (lit.startsWith('--file=') ? lit.slice(7) : undefined)
          if (inline !== undefined) {
            this.result.codeFiles.push(inline)
            if (STDIN_PATHS.has(inline)) this.result.readsStdinAsCode = true
          }
        }
        continue
      }
      if (lit === '-l' || lit === '--line-length') {
        i++
        continue
      }
      return this.refuseFrom(i, REASONS.unknownOption)
    }
    if (script) this.refuseOperand(i, REASONS.code)
    // GNU sed reads options among the files after its script (`--expression=1e CMD`), unless after --.
    if (this.literal(i - 1) !== '--') programArguments(this.words, script ? i + 1 : i, 'sed', this.findings)
  }

  /** `find ... -exec cmd args ;`: the words up to `;` or `+` are a command of their own. */
  private find(i: number): void {
    let from = i
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '-exec' || lit === '-execdir' || lit === '-ok' || lit === '-okdir') {
        // A value where find reads its expression could be a primary of its own (`-delete`, `-fprint FILE`).
        findArguments(this.words, from, i, this.findings)
        let end = i + 1
        while (end < this.words.length && !(this.literal(end) === ';' || this.literal(end) === '+')) end++
        const inner = new Classifier(this.words.slice(i + 1, end))
        inner.command(0)
        this.merge(inner)
        i = end
        from = end + 1
      } else if (lit === '-fprintf' || lit === '-fprint' || lit === '-fprint0' || lit === '-fls' || lit === '-delete') {
        continue
      }
    }
    findArguments(this.words, from, this.words.length, this.findings)
  }

  /** A launcher (LAUNCHERS): every literal word that is not an option may be the command it runs. */
  private launcher(name: string, i: number, subcommand: string | null): void {
    if (subcommand !== null) {
      let k = i
      while (k < this.words.length && isOption(this.literal(k))) k++
      // `uv pip install ...`, `conda install ...`: not a command runner here.
      if (name === 'uv' && this.literal(k) === 'pip') return programArguments(this.words, k + 1, 'pip', this.findings)
      if (this.literal(k) !== subcommand) return programArguments(this.words, i, name, this.findings)
      i = k + 1
    }
    let command = false
    for (let k = i; k < this.words.length; k++) {
      const lit = this.literal(k)
      if (lit === null) {
        // `--partition=${{ }}`: the value of an option written with it.
        if (!command && !optionWithValue((this.words[k] as ShellWord).raw)) return this.refuseFrom(k, REASONS.launcherCommand)
        continue
      }
      if (lit === '--' || isOption(lit)) continue
      command = true
      const inner = new Classifier(this.words.slice(k))
      inner.command(0)
      // `mpirun -np 4 ...`: an option's argument taken for a command is not a name to show.
      for (const o of inner.result.optionOperands) if (!/[A-Za-z]/.test(o.program)) o.program = name
      this.merge(inner)
      // A program the check knows is the command: the words after it are its own (`uv run python train.py --name ...`).
      if (knownRunner(lit)) break
    }
  }

  private wrapper(spec: Wrapper, i: number): void {
    const xargs = spec === WRAPPERS.xargs
    // xargs -I/-i/-J: each input item is put in place of a marker inside the command's words.
    let replaces = false
    // xargs -a FILE, --arg-file=FILE: the items come from FILE (`-a <(cmd)` included) instead of the input.
    let argFile: { index: number; inline?: string } | undefined
    for (; i < this.words.length; i++) {
      const lit = this.literal(i)
      if (lit === '--') {
        i++
        break
      }
      if (lit === null) {
        if (/^-/.test(this.words[i]?.raw ?? '')) return this.refuseFrom(i, REASONS.unknownOption)
        break
      }
      if (xargs && (/^-[iIJ]/.test(lit) || lit.startsWith('--replace'))) replaces = true
      if (spec.assignments && /^[A-Za-z_][A-Za-z0-9_]*=/.test(lit)) {
        // A literal `NAME=value` is tracked too: `env BASH_ENV=./s bash` sources s.
        const w = this.words[i] as ShellWord
        const parts = assignmentParts(w.raw)
        if (parts) this.result.assignments.push({ name: parts.name, start: w.start + parts.valueOffset, end: w.end })
        continue
      }
      if (spec.assignments && lit === '-') continue
      if (!isOption(lit)) break
      if (spec.flags.includes(lit)) continue
      const [option, inline] = lit.startsWith('--') ? (lit.split('=', 2) as [string, string?]) : [lit.slice(0, 2), lit.length > 2 ? lit.slice(2) : undefined]
      if (spec.dataArg.includes(option)) {
        if (xargs && (option === '-a' || option === '--arg-file')) argFile = inline === undefined ? { index: i + 1 } : { index: i, inline }
        if (inline === undefined) i++
        continue
      }
      // nice -5, timeout's and xargs' numeric clusters such as -n1
      if (/^-[0-9]+$/.test(lit)) continue
      return this.refuseFrom(i, REASONS.unknownOption)
    }
    // Words that are not literal before the command (env's assignments are): the command is unknown.
    if (spec.assignments) {
      for (; i < this.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(this.words[i]?.raw ?? ''); i++) {
        // `env NAME=value cmd` sets NAME for cmd: tracked like an assignment (BASH_ENV, PS4).
        const w = this.words[i] as ShellWord
        const parts = assignmentParts(w.raw)
        if (parts) this.result.assignments.push({ name: parts.name, start: w.start + parts.valueOffset, end: w.end })
      }
    }
    i += spec.leadingOperands ?? 0
    if (i >= this.words.length) {
      if (spec === WRAPPERS.env) this.result.dumpsEnvironment = true
      return
    }
    this.command(i)
    if (xargs) {
      // The items xargs reads become the command's last words, or replace its markers: its input is
      // code when such a word would be (`x | xargs bash -c`, `x | xargs -I{} sh -c 'echo {}'`).
      const inner = new Classifier([...this.words.slice(i), { start: -1, end: -1, raw: 'item' }])
      inner.command(0)
      if (inner.result.danger.some(d => d.start < 0) || (replaces && inner.result.danger.length)) {
        this.result.readsStdinAsCode = true
        // `xargs -a <(printf %s "$x") -I{} sh -c 'echo {}'`, `xargs -a list bash -c`: the file is code.
        if (argFile) {
          this.refuse(argFile.index, REASONS.stdinCode)
          this.result.codeFiles.push(argFile.inline ?? (this.words[argFile.index] as ShellWord).raw)
        }
      }
      // An item may also become an option of the command (`... | xargs git clone`).
      const items = new Classifier([...this.words.slice(i), { start: -1, end: -1, raw: '${{ item }}' }])
      items.command(0)
      const option = items.result.optionOperands.find(o => o.start < 0)
      if (option) this.result.stdinOptions = { program: option.program, leads: option.leads }
      else if (replaces && inner.result.name && checksOptions(this.words[i]?.raw ?? '', inner.result.name)) {
        this.result.stdinOptions = { program: inner.result.name, leads: '-' }
      }
    }
  }

  private merge(other: Classifier): void {
    const r = other.result
    this.result.danger.push(...r.danger)
    this.result.assignments.push(...r.assignments)
    this.result.filled.push(...r.filled)
    this.result.fillsUnknown ||= r.fillsUnknown
    this.result.dumpsEnvironment ||= r.dumpsEnvironment
    this.result.writes.push(...r.writes)
    this.result.codeFiles.push(...r.codeFiles)
    this.result.readsStdinAsCode ||= r.readsStdinAsCode
    this.result.readsStdinIntoVariables ||= r.readsStdinIntoVariables
    // `function g { declare -i n; ...`: the attributes the inner command gives make later assignments evaluate.
    this.result.evaluatingNames.push(...r.evaluatingNames)
    this.result.evaluatingUnknownName ||= r.evaluatingUnknownName
    this.result.optionOperands.push(...r.optionOperands)
    this.result.optionNames.push(...r.optionNames)
    // `... | taskset -c 0 xargs git clone`: what reaches the input becomes the inner program's words.
    this.result.stdinOptions ??= r.stdinOptions
  }
}

/** Classifies the words of one simple command (assignments and keywords included, redirections left out). */
export function classifyCommand(words: ShellWord[]): CommandAnalysis {
  const classifier = new Classifier(words)
  classifier.run()
  return classifier.result
}

/** `[[ ... ]]`: arithmetic operators evaluate both operands; -v and -R take a variable name. */
export function testEvaluates(word: string): boolean {
  return ARITHMETIC_TEST_OPERATORS.has(word) || word === '-v' || word === '-R'
}
