/**
 * Option injection: where a value handed to a program as one quoted word may still change what the
 * program does, because the program reads a word that starts with `-` as an option. Several options
 * run a command or code (`git clone --upload-pack=CMD`, `tar --to-command=CMD`, `rsync -e CMD`,
 * `find -exec`, `sort --compress-program=CMD`, `sed --expression=1e CMD`), so a value in a position
 * where the program parses options is as dangerous as a value spliced into shell text.
 *
 * The rule (docs/expressions.md, "Values that look like options"):
 *
 * - A string-valued expression that is the *argument of an option that runs code*, written by the
 *   spec (`git -c ${{ }}`, `tar --to-command=${{ }}`, `rsync -e ${{ }}`), is refused when the spec is
 *   validated, as code. So is a value that *continues an option word* (`-o${{ }}`, `--${{ }}`,
 *   `-${{ }}`): its letters would be options. An option's value written as one word with `=`
 *   (`--name=${{ }}`, `-Dkey=${{ }}`) is the option's argument: data, unless the option is one that
 *   runs code.
 * - A string-valued expression that may be the *first character of a word* the program may read as
 *   an option (an operand before `--`, or the word after an option the check cannot tell takes an
 *   argument) is accepted when the spec is validated and checked when the step runs: a value that
 *   starts with `-` (or `+`/`@` for the programs that read those as instructions) is refused before
 *   the step starts, with the fix (`--` before the operands, a `./` prefix, or an enum param). Only
 *   the value's content can tell, and it is known at run time (dispatch inputs); refusing every such
 *   expression statically would refuse `git clone ${{ params.repo }} dir`, where real values are safe.
 * - A word with a literal prefix is not an option (`./${{ }}`, `data/${{ }}`, `x${{ }}`): data.
 * - Words after a literal `--` are operands: data.
 * - Programs known to take their operands as data whatever their value are not checked: `echo`,
 *   `printf`'s arguments after the format, `test`/`[` operands that cannot be an operator, `cd`,
 *   `exit`, ... So are programs the spec runs by a relative path (`./train.sh`, `scripts/prep`): how
 *   they read their arguments is the spec's own code, as for the arguments of `python train.py`.
 * - Programs whose arguments are code whatever their position (`make`, whose targets and
 *   `VAR=value` operands reach its recipes' shell text; `npx`, `deno`, `bun`, `pwsh`, `osascript`)
 *   refuse every string-valued expression in their arguments.
 *
 * Typed values (number, integer) and params the spec lists (enum, boolean) are never refused by these
 * rules: their values are validated before any step runs, and an enum's values are the spec's own.
 */
import { findExpressionEnd } from './expressions.js'

/** One word of a simple command, as written. */
export interface ShellWord {
  /** Offsets of the word in the script: [start, end). */
  start: number
  end: number
  /** The word as written, quotes included. */
  raw: string
}

/** A part of the script where a string-valued expression would be evaluated; `reason` says how. */
export interface DangerRange {
  start: number
  end: number
  reason: string
}

export const OPTION_REASONS = {
  codeOption: 'this word is the argument of an option that runs a command or code, or names a file of more options or of code',
  optionWord:
    'the value continues an option word, so its characters would be read as options; write the option and the value as two words (-o VALUE) or as --option=VALUE',
  subcommand: 'the value chooses a subcommand or its arguments, and this subcommand runs commands or sets what later commands run',
  make: 'make puts its arguments (targets and VAR=value) into the shell text of its recipes',
  runsArguments: 'this program runs its arguments as a command, a package or code',
  brace:
    'a brace expansion before the value may put an option, or a code-running option, in front of it ({-,}VALUE, {,--upload-pack=}VALUE); write the words out'
} as const

const OPTION_REASON_SET = new Set<string>(Object.values(OPTION_REASONS))

/** Whether a danger comes from these rules (and so does not apply to enum and boolean params). */
export function isOptionReason(reason: string): boolean {
  return OPTION_REASON_SET.has(reason)
}

/**
 * A place where an expression's value is checked when the step runs: refused if it starts with one
 * of `leads` (`word`), or if any of its whitespace-separated parts does (`tokens`: the value reaches
 * the program through word splitting, `read` or a command substitution).
 */
export interface OptionOperand {
  start: number
  end: number
  program: string
  leads: string
  tokens: boolean
}

/** A variable (or a positional parameter: `1`, `@`) whose value reaches a program where it may be an option. */
export interface OptionName {
  name: string
  program: string
  leads: string
}

export interface OptionFindings {
  danger: DangerRange[]
  operands: OptionOperand[]
  names: OptionName[]
}

/** What the check knows of a program's options. */
interface OptionTable {
  /** Options whose argument is run as code or as a command, names code, or names a file of more options. */
  code?: string[]
  /** Options that take the next word as a (data) argument. */
  args?: string[]
  /** Characters besides `-` that make an operand an instruction (`+cmd` for vim, `@file` for java). */
  leads?: string
  /** The program has subcommands (`git clone`): the first operand is one. */
  subcommands?: boolean
  /** Subcommands whose arguments set or run commands: every value in them is refused. */
  codeSubcommands?: string[]
  /** Options that run code only under one subcommand (`git clone -u CMD`, `git push -u` is a flag). */
  subcommandCode?: Record<string, string[]>
}

const VIM: OptionTable = { code: ['-c', '--cmd', '-S', '-u', '-U', '-s', '-W', '-i', '-T'], leads: '+' }
const JAVA: OptionTable = {
  code: ['-jar', '-cp', '-classpath', '--class-path', '-javaagent', '-agentlib', '-agentpath', '-p', '--module-path', '-m', '--module', '-XX'],
  leads: '@'
}
const C_COMPILER: OptionTable = { code: ['-wrapper', '-B', '-fplugin', '-specs', '--specs'], leads: '@' }
const PACKAGE_MANAGER: OptionTable = {
  code: ['-c', '--call', '--node-options', '--script-shell', '--userconfig', '--globalconfig', '--registry'],
  subcommands: true,
  codeSubcommands: ['exec', 'x', 'explore', 'dlx', 'config', 'set']
}
const PIP: OptionTable = {
  code: [
    '-r',
    '--requirement',
    '-c',
    '--constraint',
    '-i',
    '--index-url',
    '--extra-index-url',
    '-f',
    '--find-links',
    '-e',
    '--editable',
    '--config-settings',
    '--global-option',
    '--install-option',
    '--src'
  ],
  subcommands: true,
  codeSubcommands: ['config']
}
const SSH_COPY: OptionTable = { code: ['-S', '-o', '-F', '-J', '-D', '-b'] }
const CONTAINER: OptionTable = {
  code: ['--entrypoint', '-v', '--volume', '--mount', '--env-file', '-H', '--host', '--config', '--device', '--cap-add', '--security-opt'],
  subcommands: true,
  codeSubcommands: ['exec']
}

const TABLES: Record<string, OptionTable> = {
  git: {
    code: ['-c', '--config-env', '--exec-path', '--upload-pack', '--receive-pack', '--exec', '--extcmd', '--template', '--separate-git-dir'],
    args: ['-C', '--git-dir', '--work-tree', '--namespace'],
    subcommands: true,
    codeSubcommands: ['config', 'submodule', 'bisect', 'filter-branch', 'daemon', 'difftool', 'mergetool', 'instaweb', 'web--browse', 'credential'],
    subcommandCode: { clone: ['-u'], 'ls-remote': ['-u'], rebase: ['-x'] }
  },
  tar: {
    code: [
      '--to-command',
      '--checkpoint-action',
      '--use-compress-program',
      '-I',
      '--rsh-command',
      '--info-script',
      '--new-volume-script',
      '-F',
      '--rmt-command',
      '-T',
      '--files-from'
    ]
  },
  rsync: { code: ['-e', '--rsh', '--rsync-path', '--files-from', '--include-from', '--exclude-from', '--filter', '-f'] },
  scp: SSH_COPY,
  sftp: SSH_COPY,
  sort: { code: ['--compress-program'] },
  // Text tools whose options run nothing; the options listed take the next word (or the rest of their word) as data.
  cut: { args: ['-d', '-f', '-c', '-b', '--delimiter', '--fields', '--characters', '--bytes', '--output-delimiter'] },
  head: { args: ['-n', '-c', '--lines', '--bytes'] },
  tail: { args: ['-n', '-c', '--lines', '--bytes', '-s', '--sleep-interval', '--pid'] },
  grep: { args: ['-e', '-f', '-m', '-A', '-B', '-C', '--regexp', '--file', '--max-count', '--label'] },
  zip: { code: ['-TT', '--unzip-command'] },
  curl: { code: ['-K', '--config'] },
  wget: { code: ['-e', '--execute', '--use-askpass', '--config'] },
  less: { code: ['--lesskey-file', '--lesskey-src', '-k'], leads: '+' },
  more: { leads: '+' },
  man: { code: ['-P', '--pager', '-H', '--html', '-C', '--config-file'] },
  vim: VIM,
  vi: VIM,
  nvim: VIM,
  view: VIM,
  ex: VIM,
  rvim: VIM,
  vimdiff: VIM,
  gvim: VIM,
  emacs: { code: ['--eval', '-l', '--load', '-f', '--funcall', '--script'], leads: '+' },
  java: JAVA,
  javac: { code: ['-processorpath', '--processor-path', '-cp', '-classpath', '--class-path', '-J'], leads: '@' },
  gcc: C_COMPILER,
  'g++': C_COMPILER,
  cc: C_COMPILER,
  'c++': C_COMPILER,
  clang: C_COMPILER,
  'clang++': C_COMPILER,
  cmake: { code: ['-C', '-P', '-E'], args: ['-D', '-U', '-G', '-S', '-B', '-T', '-A', '-W'] },
  docker: CONTAINER,
  podman: CONTAINER,
  npm: PACKAGE_MANAGER,
  pnpm: PACKAGE_MANAGER,
  yarn: PACKAGE_MANAGER,
  pip: PIP,
  pip3: PIP,
  openssl: { code: ['-engine', '-config', '-provider', '-provider-path'] },
  set: { leads: '+' },
  gpg: { code: ['--exec-path', '--photo-viewer', '--options', '--load-extension'] },
  // GNU sed and gawk parse options among their operands too (`sed s/a/b/ --expression=1e CMD`).
  sed: { code: ['-e', '--expression', '-f', '--file'] },
  awk: { code: ['-f', '--file', '-e', '--source', '-i', '--include', '-l', '--load', '-E', '--exec'] }
}

/**
 * Environment variables that programs read as options or as a command to run, or that choose the
 * program or library that runs: a value assigned to one in the script (`NODE_OPTIONS=${{ }} node
 * train.js`, `export GIT_SSH_COMMAND=...`) is code, as the same option on the command line would be.
 * Search paths (PATH, PYTHONPATH, LD_LIBRARY_PATH) are left out: scripts commonly build them from
 * $PWD, which `cd` sets from its argument, and refusing that would refuse whole scripts.
 */
export const PROGRAM_CODE_VARIABLES = [
  'LD_PRELOAD',
  'LD_AUDIT',
  'NODE_OPTIONS',
  'PYTHONSTARTUP',
  'PERL5OPT',
  'RUBYOPT',
  'JAVA_TOOL_OPTIONS',
  '_JAVA_OPTIONS',
  'JDK_JAVA_OPTIONS',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_PROXY_COMMAND',
  'GIT_ASKPASS',
  'SSH_ASKPASS',
  'GIT_EXTERNAL_DIFF',
  'GIT_PAGER',
  'GIT_EDITOR',
  'GIT_SEQUENCE_EDITOR',
  'GIT_EXEC_PATH',
  'GIT_TEMPLATE_DIR',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'PAGER',
  'MANPAGER',
  'EDITOR',
  'VISUAL',
  'LESSOPEN',
  'LESSCLOSE',
  'TAR_OPTIONS',
  'RSYNC_RSH',
  'RSYNC_CONNECT_PROG',
  'WGETRC',
  'CURL_HOME',
  'SHELLOPTS',
  'BASHOPTS'
]

/** Programs every argument of which is code, a command or a package to run. */
const RUN_THEIR_ARGUMENTS = new Map<string, string>([
  ['make', OPTION_REASONS.make],
  ['gmake', OPTION_REASONS.make],
  ['bmake', OPTION_REASONS.make],
  ['npx', OPTION_REASONS.runsArguments],
  ['pnpx', OPTION_REASONS.runsArguments],
  ['bunx', OPTION_REASONS.runsArguments],
  ['uvx', OPTION_REASONS.runsArguments],
  ['pipx', OPTION_REASONS.runsArguments],
  ['deno', OPTION_REASONS.runsArguments],
  ['bun', OPTION_REASONS.runsArguments],
  ['pwsh', OPTION_REASONS.runsArguments],
  ['powershell', OPTION_REASONS.runsArguments],
  ['osascript', OPTION_REASONS.runsArguments],
  ['tclsh', OPTION_REASONS.runsArguments],
  ['wish', OPTION_REASONS.runsArguments],
  ['jshell', OPTION_REASONS.runsArguments],
  ['csi', OPTION_REASONS.runsArguments],
  ['dotnet', OPTION_REASONS.runsArguments]
])

/** Commands whose arguments are data whatever their value: their options do nothing a value could abuse. */
const DATA_COMMANDS = new Set([
  'echo',
  'true',
  'false',
  ':',
  'cd',
  'pushd',
  'popd',
  'exit',
  'return',
  'shift',
  'break',
  'continue',
  'basename',
  'dirname',
  'sleep',
  'type',
  'dirs'
])

/** `test`/`[` operators that take the word before them as a plain operand. */
const TEST_BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef', '=~', '-a', '-o'])

/** find primaries that take the next word as their argument. */
const FIND_ARGS = new Set([
  '-name',
  '-iname',
  '-path',
  '-ipath',
  '-wholename',
  '-iwholename',
  '-regex',
  '-iregex',
  '-lname',
  '-ilname',
  '-newer',
  '-anewer',
  '-cnewer',
  '-samefile',
  '-type',
  '-xtype',
  '-user',
  '-group',
  '-perm',
  '-size',
  '-mtime',
  '-mmin',
  '-atime',
  '-amin',
  '-ctime',
  '-cmin',
  '-maxdepth',
  '-mindepth',
  '-uid',
  '-gid',
  '-links',
  '-inum',
  '-used',
  '-fstype',
  '-regextype',
  '-context',
  '-printf'
])

/** Whether the program's arguments are checked as a program's options: not a builtin that takes data, not the spec's own program. */
export function checksOptions(nameWord: string, name: string): boolean {
  if (DATA_COMMANDS.has(name)) return false
  // `./train.sh`, `scripts/prep`: the spec's own program reads its arguments as the spec wrote it to.
  // A tool installed by a package manager (`node_modules/.bin/x`, `.venv/bin/x`) is not.
  const own =
    nameWord.includes('/') &&
    !nameWord.startsWith('/') &&
    !/(^|\/)(node_modules|\.?venv|site-packages|\.local)\//.test(nameWord) &&
    !Object.hasOwn(TABLES, name) &&
    !RUN_THEIR_ARGUMENTS.has(name)
  return !own
}

/** Whether the check knows the options of `name` (for `python -m pip`). */
export function hasOptionTable(name: string): boolean {
  return Object.hasOwn(TABLES, name)
}

/** What a program does with its arguments, when every one of them is code; undefined otherwise. */
export function runsItsArguments(name: string): string | undefined {
  return RUN_THEIR_ARGUMENTS.get(name)
}

/** One piece of a word as bash reads it: literal text, an expression, a variable, or a substitution. */
interface Part {
  kind: 'literal' | 'expression' | 'variable' | 'substitution'
  /** Offsets in the raw word: [start, end). */
  start: number
  end: number
  /** Literal text (quotes removed), or the variable's name. */
  text: string
  /** Inside double quotes (or single quotes, for literal text): no word splitting. */
  quoted: boolean
}

/** Skips a balanced `open ... close` starting at `i` (which holds `open`); returns the index after `close`. */
function skipBalanced(raw: string, i: number, open: string, close: string): number {
  let depth = 0
  for (let j = i; j < raw.length; j++) {
    if (raw.startsWith('${{', j)) {
      const end = findExpressionEnd(raw, j)
      if (end < 0) return raw.length
      j = end - 1
      continue
    }
    const c = raw[j]
    if (c === '\\') j++
    else if (c === "'" && open === '(') {
      const q = raw.indexOf("'", j + 1)
      j = q < 0 ? raw.length : q
    } else if (c === open) depth++
    else if (c === close && --depth === 0) return j + 1
  }
  return raw.length
}

/** Cuts a word into its parts, in order. Approximate where bash is stranger, never in a way that hides an expression. */
export function wordParts(raw: string): Part[] {
  const parts: Part[] = []
  let quoted = false
  let i = 0
  const literal = (start: number, end: number, text: string, inQuotes: boolean) => parts.push({ kind: 'literal', start, end, text, quoted: inQuotes })
  while (i < raw.length) {
    const c = raw[i] as string
    if (raw.startsWith('${{', i)) {
      const end = findExpressionEnd(raw, i)
      const stop = end < 0 ? raw.length : end
      parts.push({ kind: 'expression', start: i, end: stop, text: '', quoted })
      i = stop
    } else if (!quoted && (c === "'" || (c === '$' && raw[i + 1] === "'"))) {
      const open = c === '$' ? i + 1 : i
      let j = open + 1
      while (j < raw.length && raw[j] !== "'") j += c === '$' && raw[j] === '\\' ? 2 : 1
      // $'\x2d...': an escape may be any character, `-` included; taken for one.
      const text = c === '$' && raw.slice(open + 1, j).includes('\\') ? '-' : raw.slice(open + 1, j)
      if (j > open + 1) literal(open + 1, j, text, true)
      i = j + 1
    } else if (c === '"') {
      quoted = !quoted
      i++
    } else if (c === '\\') {
      const next = raw[i + 1] ?? ''
      if (next !== '\n') literal(i, i + 2, quoted && !'$`"\\'.includes(next) ? `\\${next}` : next, true)
      i += 2
    } else if (c === '$' && raw[i + 1] === '(') {
      const end = skipBalanced(raw, i + 1, '(', ')')
      parts.push({ kind: 'substitution', start: i, end, text: '', quoted })
      i = end
    } else if (c === '`') {
      let j = i + 1
      while (j < raw.length && raw[j] !== '`') j += raw[j] === '\\' ? 2 : 1
      parts.push({ kind: 'substitution', start: i, end: j + 1, text: '', quoted })
      i = j + 1
    } else if (c === '$' && raw[i + 1] === '{') {
      const end = skipBalanced(raw, i + 1, '{', '}')
      const name = /^\$\{[#!]?([A-Za-z_][A-Za-z0-9_]*|[0-9@*])/.exec(raw.slice(i))?.[1] ?? ''
      // `${x:-$(cmd)}`, `${x:-$y}`: what the braces hold may expand too.
      const inner = raw.slice(i + 2, end - 1)
      parts.push({ kind: /[$`]/.test(inner) ? 'substitution' : 'variable', start: i, end, text: name, quoted })
      i = end
    } else if (c === '$' && /[A-Za-z_]/.test(raw[i + 1] ?? '')) {
      const name = (/^[A-Za-z_][A-Za-z0-9_]*/.exec(raw.slice(i + 1)) as RegExpExecArray)[0]
      parts.push({ kind: 'variable', start: i, end: i + 1 + name.length, text: name, quoted })
      i += 1 + name.length
    } else if (c === '$' && /[0-9@*#?$!-]/.test(raw[i + 1] ?? '')) {
      parts.push({ kind: 'variable', start: i, end: i + 2, text: raw[i + 1] as string, quoted })
      i += 2
    } else {
      literal(i, i + 1, c, quoted)
      i++
    }
  }
  return parts
}

/** Whether a word may expand to no word at all: only unquoted expansions or `"$@"`, or an unquoted glob (nullglob). */
function mayBeNoWord(raw: string): boolean {
  const parts = wordParts(raw)
  if (parts.some(p => p.kind === 'literal' && !p.quoted && /[*?[]/.test(p.text))) return true
  return parts.every(p => (p.kind === 'variable' || p.kind === 'substitution') && (!p.quoted || p.text === '@' || /\[[@*]\]/.test(raw.slice(p.start, p.end))))
}

/** Whether a word is an option written with its value (`--name=${{ }}`, `-Dk=${{ }}`): a literal `-...=` first. */
export function optionWithValue(raw: string): boolean {
  const parts = wordParts(raw)
  let text = ''
  for (const p of parts) {
    if (p.kind !== 'literal') break
    text += p.text
  }
  return text.startsWith('-') && text.includes('=')
}

/** What a literal option word followed by a value means: the value is code, more option letters, or data. */
function continuation(optionText: string, table: OptionTable, subcommand: string | undefined): 'code' | 'word' | 'data' {
  const code = [...(table.code ?? []), ...(subcommand !== undefined ? (table.subcommandCode?.[subcommand] ?? []) : [])]
  if (optionText.startsWith('+')) return 'code'
  if (optionText.startsWith('--')) {
    const name = optionText.split('=')[0] as string
    if (code.includes(name)) return 'code'
    return optionText.includes('=') ? 'data' : 'word'
  }
  if (code.some(o => !o.startsWith('--') && o.length > 2 && optionText.startsWith(o))) return 'code'
  // A cluster such as -xI: a code option in it takes what follows as its argument, up to the first
  // option known to take an argument (-DNAME=...: the rest is -D's).
  for (const letter of (optionText.split('=')[0] as string).slice(1)) {
    if (code.includes(`-${letter}`)) return 'code'
    if (table.args?.includes(`-${letter}`)) return 'data'
  }
  return optionText.includes('=') ? 'data' : 'word'
}

/** Records what a non-literal word does, where the program may read it as an option. */
function word(w: ShellWord, program: string, table: OptionTable, subcommand: string | undefined, out: OptionFindings): void {
  const leads = `-${table.leads ?? ''}`
  const parts = wordParts(w.raw)
  // `{-,}${{ }}` is two words, `-VALUE` and `VALUE`: what a brace expansion puts before a value is
  // not a literal prefix. Refused, as the option words it may make are.
  const brace = braceBefore(parts)
  if (brace >= 0) {
    for (const p of parts) {
      if (p.kind === 'expression' && p.start > brace) out.danger.push({ start: w.start + p.start, end: w.start + p.end, reason: OPTION_REASONS.brace })
    }
    return
  }
  const first = parts.findIndex(p => p.kind === 'literal' && p.text.length > 0)
  // Everything before the first literal character may be the word's first character.
  const leadEnd = first < 0 ? w.raw.length : (parts[first] as Part).start
  for (const p of parts) {
    const leading = p.start < leadEnd
    if (p.kind === 'expression' && leading) out.operands.push({ start: w.start + p.start, end: w.start + p.end, program, leads, tokens: false })
    if (p.kind === 'substitution' && (leading || !p.quoted)) out.operands.push({ start: w.start + p.start, end: w.start + p.end, program, leads, tokens: true })
    if (p.kind === 'variable' && (leading || !p.quoted)) out.names.push({ name: p.text, program, leads })
  }
  if (first < 0) return
  const head = parts[first] as Part
  if (!leads.includes(head.text[0] as string)) return
  // The option written in the spec, up to the first expansion: the value continues it.
  let text = ''
  let k = first
  for (; k < parts.length && (parts[k] as Part).kind === 'literal'; k++) text += (parts[k] as Part).text
  const after = parts[k]
  if (!after) return
  const verdict = continuation(text, table, subcommand)
  if (verdict === 'data') return
  out.danger.push({ start: w.start + after.start, end: w.end, reason: verdict === 'code' ? OPTION_REASONS.codeOption : OPTION_REASONS.optionWord })
}

/**
 * The offset of an unquoted `{` that opens a brace expansion (an unquoted `,` or `..` follows it
 * before an unquoted `}`) and has an expression after it, or -1.
 */
function braceBefore(parts: Part[]): number {
  for (let i = 0; i < parts.length; i++) {
    const open = parts[i] as Part
    if (open.kind !== 'literal' || open.quoted || open.text !== '{') continue
    let list = false
    let text = ''
    for (let j = i + 1; j < parts.length; j++) {
      const p = parts[j] as Part
      if (p.kind === 'literal' && !p.quoted) {
        if (p.text === '}') {
          if (list && parts.slice(i + 1).some(q => q.kind === 'expression')) return open.start
          break
        }
        text += p.text
        if (p.text === ',' || text.endsWith('..')) list = true
      } else text += '\0'
    }
  }
  return -1
}

function isOptionWord(lit: string, leads: string): boolean {
  return lit.length > 1 && leads.includes(lit[0] as string)
}

/** Whether a literal option written in the spec takes the next word as code. */
function codeArgument(lit: string, table: OptionTable, subcommand: string | undefined): boolean {
  if (lit.includes('=')) return false
  const code = [...(table.code ?? []), ...(subcommand !== undefined ? (table.subcommandCode?.[subcommand] ?? []) : [])]
  if (code.includes(lit)) return true
  // A cluster whose last letter is a code option: `tar -xI CMD`.
  return !lit.startsWith('--') && lit.length > 2 && code.includes(`-${lit[lit.length - 1]}`)
}

/**
 * The arguments of program `name` from word `from`: options written in the spec, operands, `--`.
 * Ordinary commands parse options anywhere before `--` (GNU getopt permutes), so every word before
 * `--` counts.
 */
export function programArguments(words: ShellWord[], from: number, name: string, out: OptionFindings): void {
  const table = TABLES[name] ?? {}
  const leads = `-${table.leads ?? ''}`
  let endOfOptions = false
  let codeNext = false
  let argumentNext = false
  let subcommand: string | undefined
  for (let k = from; k < words.length; k++) {
    const w = words[k] as ShellWord
    const lit = literalWord(w.raw)
    if (codeNext) {
      // A word that may expand to nothing (`$EMPTY`) moves the next one into the option's argument.
      codeNext = lit === null && mayBeNoWord(w.raw)
      if (lit === null) out.danger.push({ start: w.start, end: w.end, reason: OPTION_REASONS.codeOption })
      continue
    }
    if (argumentNext) {
      // The argument of an option known to take one: data.
      argumentNext = false
      continue
    }
    if (!endOfOptions && lit === '--') {
      endOfOptions = true
      continue
    }
    if (lit !== null) {
      if (!endOfOptions && isOptionWord(lit, leads)) {
        if (codeArgument(lit, table, subcommand)) codeNext = true
        else if (table.args?.includes(lit)) argumentNext = true
      } else if (table.subcommands && subcommand === undefined) {
        subcommand = lit
        if (table.codeSubcommands?.includes(lit)) return refuseExpressionsFrom(words, k + 1, OPTION_REASONS.subcommand, out)
      }
      continue
    }
    if (!endOfOptions && table.subcommands && subcommand === undefined && table.codeSubcommands?.length && !/^["']?-/.test(w.raw)) {
      // A value as the subcommand chooses it: it may be one that runs commands.
      return refuseExpressionsFrom(words, k, OPTION_REASONS.subcommand, out)
    }
    if (endOfOptions) continue
    word(w, name, table, subcommand, out)
  }
}

function refuseExpressionsFrom(words: ShellWord[], from: number, reason: string, out: OptionFindings): void {
  for (let k = from; k < words.length; k++) {
    const w = words[k] as ShellWord
    out.danger.push({ start: w.start, end: w.end, reason })
  }
}

/** `find PATH... EXPRESSION`: a value standing where a primary may stand could be `-delete` or `-fprint FILE`. */
export function findArguments(words: ShellWord[], from: number, to: number, out: OptionFindings): void {
  for (let k = from; k < to; k++) {
    const w = words[k] as ShellWord
    if (literalWord(w.raw) !== null) continue
    const before = k > from ? literalWord((words[k - 1] as ShellWord).raw) : null
    if (before !== null && FIND_ARGS.has(before)) continue
    word(w, 'find', {}, undefined, out)
  }
}

/** `test`/`[`: an operand followed by a word that is not a binary operator may itself be read as an operator (`-v NAME`). */
export function testArguments(words: ShellWord[], from: number, bracket: boolean, out: OptionFindings): void {
  const end = bracket && literalWord((words[words.length - 1] as ShellWord | undefined)?.raw ?? '') === ']' ? words.length - 1 : words.length
  for (let k = from; k < end; k++) {
    const w = words[k] as ShellWord
    if (literalWord(w.raw) !== null || k + 1 >= end) continue
    const next = literalWord((words[k + 1] as ShellWord).raw)
    if (next !== null && TEST_BINARY.has(next)) continue
    word(w, 'test', {}, undefined, out)
  }
}

/** One operand the program parses options before (`printf FORMAT`, awk's first file after `-f`). */
export function optionOperand(w: ShellWord | undefined, program: string, out: OptionFindings): void {
  if (w && literalWord(w.raw) === null) word(w, program, TABLES[program] ?? {}, undefined, out)
}

/**
 * The word with quotes removed, or null when it holds an expansion (`$`, a backtick, an expression):
 * only a literal word can be classified.
 */
export function literalWord(raw: string): string | null {
  let out = ''
  let i = 0
  while (i < raw.length) {
    const c = raw[i] as string
    if (c === '$' || c === '`') return null
    if (c === '\\') {
      if (raw[i + 1] === '\n') {
        i += 2
        continue
      }
      out += raw[i + 1] ?? ''
      i += 2
    } else if (c === "'") {
      const close = raw.indexOf("'", i + 1)
      if (close < 0) return null
      out += raw.slice(i + 1, close)
      i = close + 1
    } else if (c === '"') {
      let j = i + 1
      while (j < raw.length && raw[j] !== '"') {
        if (raw[j] === '$' || raw[j] === '`') return null
        if (raw[j] === '\\' && '$`"\\\n'.includes(raw[j + 1] ?? '')) {
          out += raw[j + 1] === '\n' ? '' : raw[j + 1]
          j += 2
        } else {
          out += raw[j]
          j++
        }
      }
      if (j >= raw.length) return null
      i = j + 1
    } else {
      out += c
      i++
    }
  }
  return out
}
