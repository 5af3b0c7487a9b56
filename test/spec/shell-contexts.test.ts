/**
 * Every bash context where a value could be evaluated, run through the real rewriter and real bash:
 * a string-valued expression is either refused at validation, at its position and with the safe
 * alternative, or it runs nothing and arrives byte for byte. Typed params stand anywhere a word may.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InputError, formatProblem } from '../../src/errors.js'
import { parseSpec } from '../../src/spec/load.js'
import { checkOptionValues, OPTION_CHECKS_VARIABLE, optionChecksExpression } from '../../src/spec/option-values.js'
import { rewriteRunScript } from '../../src/spec/shell.js'
import type { ParamSpec } from '../../src/spec/types.js'

const where = { file: 'spec.yml', line: 10, col: 10 }
const PARAMS: Record<string, ParamSpec> = {
  s: { type: 'string' },
  t: { type: 'string' },
  n: { type: 'integer', default: 3 },
  x: { type: 'number', default: 2.5 },
  b: { type: 'boolean', default: true },
  mode: { type: 'string', enum: ['fast', 'full'], default: 'fast' },
  // An enum whose values are not plain words is as free as a string.
  odd: { type: 'string', enum: ['a[$(id)]', 'b'], default: 'b' }
}

const dir = mkdtempSync(path.join(tmpdir(), 'retrain-shell-contexts-'))
const canary = path.join(dir, 'CANARY')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Hostile values: each would create the canary if bash ran it as code. */
const HOSTILE = [
  `a[$(touch ${canary})]`,
  `x[\`touch ${canary}\`]`,
  `$(touch ${canary})`,
  `\`touch ${canary}\``,
  `1; touch ${canary}`,
  `"; touch ${canary}; "`,
  `'; touch ${canary}; '`,
  `\ntouch ${canary}\n`,
  `\${IFS}touch\${IFS}${canary}`,
  `* ? [a] ~ {a,b} $HOME \\ `,
  `([0]=$(touch ${canary}))`,
  '-c',
  ''
]

function problemsOf(run: string): string[] {
  try {
    rewriteRunScript(run, 'bash', where, 1, undefined, PARAMS)
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem)
    throw error
  }
  return []
}

/** Where the expression at `offset` is reported, the way the locator without a YAML node places it. */
function positionOf(run: string, offset: number): string {
  if (!run.includes('\n')) return `spec.yml:${where.line}:${where.col + offset}`
  const lines = run.slice(0, offset).split('\n')
  return `spec.yml:${where.line + lines.length}:${(lines[lines.length - 1] as string).length + 1}`
}

let scriptCount = 0
/** Runs the rewritten script as the engine does (bash --noprofile --norc -eo pipefail file). */
function runBash(run: string, values: Record<string, string>, { checked = false } = {}): { status: number | null; out: Buffer; stderr: string } {
  const { script, expressions, optionChecks } = rewriteRunScript(run, 'bash', where, 1, undefined, PARAMS)
  let env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', OUT: path.join(dir, 'out'), HOME: dir }
  for (const e of expressions) {
    const name = /^params(?:\.(\w+)|\['(\w+)'\])$/.exec(e.expression)?.slice(1).find(Boolean) as string
    env[e.name] = values[name] as string
  }
  // As the runner does before a step starts: the checks travel as one more variable, a string literal.
  if (optionChecks) env[OPTION_CHECKS_VARIABLE] = optionChecksExpression(optionChecks).slice(1, -1)
  if (checked) env = checkOptionValues(env)
  writeFileSync(env.OUT as string, '')
  const file = path.join(dir, `script-${scriptCount++}.sh`)
  writeFileSync(file, script)
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { cwd: dir, env, encoding: 'utf8' })
  return { status: result.status, out: readFileSync(env.OUT as string), stderr: result.stderr }
}

/** String-valued expressions refused, with the word of the message that names the context. */
const REFUSED: [string, string][] = [
  // A word-valued param (an enum of words, a boolean) may name a variable that holds text from
  // elsewhere: in evaluated positions it is refused like a string.
  ['n=0; printf -v ${{ params.mode }} %s "x ${{ params.s }}"; arr=${{ params.mode }}; echo $(( arr ))', 'arithmetic'],
  ['fast_run() { :; }; eval "${{ params.mode }}_run"', 'code'],
  ['${{ params.b }} && printf %s yes', 'command name'],
  ['(( ${{ params.b }} ))', 'arithmetic'],
  ['let n=${{ params.s }}', 'arithmetic'],
  ['let "n = ${{ params.s }}"', 'arithmetic'],
  ['declare -i n=${{ params.s }}', 'attribute'],
  ['f() { local -i n=${{ params.s }}; }; f', 'attribute'],
  ['typeset -i n=${{ params.s }}', 'attribute'],
  ['readonly -a r=${{ params.s }}', 'attribute'],
  ['declare -a b=${{ params.s }}', 'attribute'],
  ['declare -n ref=${{ params.s }}', 'attribute'],
  ['declare -i n; n=${{ params.s }}', 'evaluates'],
  ['declare -ix n\nn=${{ params.s }}', 'evaluates'],
  ['declare -Z n=${{ params.s }}', 'option'],
  ['declare "${{ params.s }}"', 'variable name'],
  // Options from an expansion: opt=-i gives the names after it the integer attribute.
  ['opt=-i; declare $opt n=${{ params.s }}', 'attribute'],
  ['f() { local "$1" n=${{ params.s }}; }; f -i', 'attribute'],
  ['export ${{ params.s }}=1', 'variable name'],
  ['arr[${{ params.s }}]=1', 'subscript'],
  ['arr["${{ params.s }}"]=1', 'subscript'],
  ['arr=([${{ params.s }}]=1)', 'array literal'],
  ['arr=(${{ params.s }})', 'array literal'],
  ['arr+=("${{ params.s }}")', 'array literal'],
  ['unset arr[${{ params.s }}]', 'variable name'],
  ['unset -v "${{ params.s }}"', 'variable name'],
  ['printf -v "arr[${{ params.s }}]" %s x', 'variable name'],
  ['printf -v ${{ params.s }} %s x', 'variable name'],
  // A name taken from a variable: its value is a name whose subscript bash evaluates.
  ['for x in a ${{ params.s }}; do printf -v "$x" %s 1; done', 'evaluates'],
  ['x=${{ params.s }}; printf -v "$x" %s 1', 'evaluates'],
  ['x=${{ params.s }}; read -r "$x" <<< 1', 'evaluates'],
  ['x=${{ params.s }}; unset -v "${x}"', 'evaluates'],
  ['x=${{ params.s }}; getopts a "$x"', 'evaluates'],
  // A name in single quotes reaches the builtin as written, which expands $x in the subscript.
  ["x=${{ params.s }}; unset 'arr[$x]'", 'evaluates'],
  ["x=${{ params.s }}; printf -v 'arr[$x]' %s 1", 'evaluates'],
  ["declare -a arr; x=${{ params.s }}; arr['$x']=1", 'evaluates'],
  // printf -v assigns what it formats: evaluating that variable evaluates the value.
  ['printf -v x %s ${{ params.s }}\nfind . -maxdepth 0 -exec sh -c $x \\;', 'evaluates'],
  ['printf -v x %s ${{ params.s }}; (( x ))', 'evaluates'],
  ['printf -v "$n" %s ${{ params.s }}', 'not a literal word'],
  // An array literal's [subscript]= is arithmetic: a variable named there is evaluated.
  ['for v in ${{ params.s }}; do i=([v]=1); done', 'evaluates'],
  ['v=${{ params.s }}; i=(a [v+1]=b)', 'evaluates'],
  // An interpreter whose script file is an expansion may get no operand, and read its code from stdin.
  ['printf %s ${{ params.s }} | sh `true`', 'input'],
  ['printf %s ${{ params.s }} |& bash $NOTHING', 'input'],
  // A code or script operand that may expand to no word moves the words after it into its place.
  ['bash -c $NOTHING ${{ params.s }}', 'run as code'],
  ['sh -c "$@" ${{ params.s }}', 'run as code'],
  ['python3 -c $NOTHING ${{ params.s }}', 'run as code'],
  ['python3 $NOTHING ${{ params.s }}', 'file of code'],
  ['awk $NOTHING ${{ params.s }} /dev/null', 'run as code'],
  ['read -r ${{ params.s }} <<< x', 'variable name'],
  ['read -ra ${{ params.s }} <<< x', 'variable name'],
  ['mapfile -t ${{ params.s }} < /dev/null', 'variable name'],
  ['readarray "${{ params.s }}" < /dev/null', 'variable name'],
  ['mapfile -C ${{ params.s }} -c 1 a < /dev/null', 'code'],
  ['getopts ab ${{ params.s }}', 'variable name'],
  ['wait -p ${{ params.s }} -n', 'variable name'],
  ['[[ ${{ params.s }} -eq 1 ]]', 'compares numbers'],
  ['[[ 1 -lt "${{ params.s }}" && -n x ]]', 'compares numbers'],
  ['[[ -v ${{ params.s }} ]]', 'names a variable'],
  ['test -v "${{ params.s }}"', 'variable name'],
  ['[ -v ${{ params.s }} ]', 'variable name'],
  ['echo $(( ${{ params.s }} ))', 'arithmetic'],
  ['echo $[ ${{ params.s }} + 1 ]', 'arithmetic'],
  ['(( ${{ params.s }} ))', 'arithmetic'],
  ['for (( i = ${{ params.s }}; i < 1; i++ )); do :; done', 'arithmetic'],
  ['x=abc; echo ${x:${{ params.s }}}', 'inside ${...}'],
  ['echo "${arr[${{ params.s }}]}"', 'inside ${...}'],
  ['eval ${{ params.s }}', 'run as code'],
  ['eval "echo ${{ params.s }}"', 'run as code'],
  ['eval "$(printf %s ${{ params.s }})"', 'run as code'],
  ['source ${{ params.s }}', 'run as code'],
  ['. "${{ params.s }}"', 'run as code'],
  ['trap ${{ params.s }} EXIT', 'run as code'],
  ['trap -- "${{ params.s }}" EXIT', 'run as code'],
  ['bash -c ${{ params.s }}', 'run as code'],
  ['bash -ec "${{ params.s }}" name', 'run as code'],
  ['sh -c "${{ params.s }}"', 'run as code'],
  ['zsh -c ${{ params.s }}', 'run as code'],
  ['dash -c ${{ params.s }}', 'run as code'],
  ['/bin/sh -o errexit -c ${{ params.s }}', 'run as code'],
  ['bash ${{ params.s }}', 'file of code'],
  ['exec bash -c ${{ params.s }}', 'run as code'],
  ['command eval ${{ params.s }}', 'run as code'],
  ['builtin eval ${{ params.s }}', 'run as code'],
  ['xargs sh -c ${{ params.s }} < /dev/null', 'run as code'],
  ['xargs -0 -n 1 bash -c "${{ params.s }}" _ < /dev/null', 'run as code'],
  ['env sh -c ${{ params.s }}', 'run as code'],
  ['env -i A=1 bash -c ${{ params.s }}', 'run as code'],
  ['find /dev/null -exec sh -c ${{ params.s }} \\;', 'run as code'],
  ['sudo -u nobody sh -c ${{ params.s }}', 'run as code'],
  ['timeout 5 sh -c ${{ params.s }}', 'run as code'],
  ['nice -n 5 bash -c ${{ params.s }}', 'run as code'],
  ['python3 -c ${{ params.s }}', 'run as code'],
  ['perl -e ${{ params.s }}', 'run as code'],
  ['awk ${{ params.s }} /dev/null', 'run as code'],
  ['sed -e ${{ params.s }} /dev/null', 'run as code'],
  ['watch ${{ params.s }}', 'runs commands'],
  ['ssh host ${{ params.s }}', 'runs commands'],
  ['alias x=${{ params.s }}', 'run as code'],
  ['compgen -W ${{ params.s }}', 'run as code'],
  ['${{ params.s }} --version', 'command name'],
  ['"${{ params.s }}"', 'command name'],
  ['$CMD ${{ params.s }}', 'not a literal word'],
  ['env --frobnicate sh ${{ params.s }}', 'option'],
  ['bash <<EOF\necho ${{ params.s }}\nEOF', 'runs its input as code'],
  ['cat <<EOF | sh\necho ${{ params.s }}\nEOF', 'runs its input as code'],
  ['echo ${{ params.s }} | bash', 'runs its input as code'],
  ['bash <<< ${{ params.s }}', 'runs its input as code'],
  ['python3 - <<EOF\n${{ params.s }}\nEOF', 'runs its input as code'],
  ['while read -r l; do echo "$l"; done <<EOF\n${{ params.s }}\nEOF', 'runs its input as code'],
  ['x=${{ params.s }}; echo $(( x + 1 ))', 'assigned to x'],
  ['x="pre ${{ params.s }}"; y=$x; (( y ))', 'assigned to x'],
  ['for v in ${{ params.s }}; do let "w = v"; done', 'assigned to v'],
  ['read -r x <<< ${{ params.s }}; (( x ))', 'reads into a variable'],
  // Input that reaches code through eval, source, /dev/stdin, a command substitution, or a compound command.
  ['printf %s ${{ params.s }} | eval "$(cat)"', 'runs its input as code'],
  ['printf %s ${{ params.s }} | source /dev/stdin', 'runs its input as code'],
  ['bash /dev/stdin <<< ${{ params.s }}', 'runs its input as code'],
  ['printf %s ${{ params.s }} | awk -f /dev/stdin', 'runs its input as code'],
  ['f() { x=$(cat); (( x )); }; printf %s ${{ params.s }} | f', 'command substitution'],
  ['printf %s ${{ params.s }} | (( $(cat) ))', 'runs its input as code'],
  ["printf '%s\\n' a ${{ params.s }} | while read -r l; do sh; done", 'runs its input as code'],
  ["printf '%s\\n' a ${{ params.s }} | { read -r x; sh; }", 'runs its input as code'],
  ["printf '%s\\n' ${{ params.s }} | ( read -r x; (( x )) )", 'runs its input as code'],
  ['cat <<EOF | { read -r x; sh; }\na\n${{ params.s }}\nEOF', 'runs its input as code'],
  // xargs puts its input items in the command's words: as code when that word is code.
  ['printf %s ${{ params.s }} | xargs -0 bash -c', 'runs its input as code'],
  ["printf %s ${{ params.s }} | xargs -0 -I{} sh -c 'echo {}'", 'runs its input as code'],
  ['sh < <(printf %s ${{ params.s }})', 'runs its input as code'],
  // The values are passed in the environment: printing it into code runs them.
  ['echo ${{ params.s }}\nsh <<EOF\n`env`\nEOF', 'prints the environment'],
  ['echo ${{ params.s }}; env | sh', 'prints the environment'],
  ['echo ${{ params.s }}; x=$(printenv); eval "$x"', 'prints the environment'],
  ['echo ${{ params.s }}; eval "$(declare -p)"', 'prints the environment'],
  // exec without a command keeps its input for the rest of the script.
  ['exec 3<<< ${{ params.s }}; sh <&3', 'runs its input as code'],
  ['exec 3< <(printf %s ${{ params.s }}); sh <&3', 'runs its input as code'],
  ['exec 3<<EOF\n${{ params.s }}\nEOF\nsh <&3', 'runs its input as code'],
  // A file written with the value, then run as code.
  ['echo "LR=${{ params.s }}" > cfg.sh; source cfg.sh', 'written to a file'],
  ["printf '%s\\n' ${{ params.s }} > run.sh; bash ./run.sh", 'written to a file'],
  ['cat > run.sh <<EOF\necho ${{ params.s }}\nEOF\nbash run.sh', 'written to a file'],
  ["printf '%s\\n' ${{ params.s }} | tee run.sh; sh run.sh", 'written to a file'],
  ["printf '%s\\n' ${{ params.s }} > in.txt; sh < in.txt", 'written to a file'],
  ['printf \'%s\\n\' ${{ params.s }} > "$f"; . "$f"', 'written to a file'],
  ['x=${{ params.s }}; printf \'%s\\n\' "$x" >> f.sh; . ./f.sh', 'assigned to x'],
  ['x=${{ params.s }}; cat > f.sh <<EOF\n$x\nEOF\nbash f.sh', 'assigned to x'],
  // hash -p PATH NAME: NAME then runs the program at PATH.
  ['hash -p ${{ params.s }} cat', 'program to run'],
  // Input read into a variable named by another: that variable may be one the script evaluates.
  ['declare -i n; v=n; read -r "$v" <<< ${{ params.s }}', 'name is not a literal word'],
  ['declare -ai n; v=n; printf %s ${{ params.s }} | mapfile -t "$v"', 'name is not a literal word'],
  ['f() { echo $(( $1 )); }; f ${{ params.s }}', 'positional parameter'],
  ['set -- ${{ params.s }}; let "n = $1"', 'positional parameter'],
  // `function NAME {` on one line: the body's first command is classified too.
  ['function g { eval "$1"; }; g ${{ params.s }}', 'positional parameter'],
  ['function g { x=$1; (( x )); }; g ${{ params.s }}', 'positional parameter'],
  ['function g { [[ -v ${{ params.s }} ]]; }', 'names a variable'],
  // Evaluated positional parameters evaluate the variables a call passes.
  ['x=${{ params.s }}; f() { local -n r=$1; echo "$r"; }; f "$x"', 'assigned to x'],
  ['x=${{ params.s }}; f() { local -n r; r=$1; }; f "$x"', 'assigned to x'],
  ['x=${{ params.s }}; declare -n r=x', 'assigned to x'],
  // The variable an expression is passed in, named by the script.
  ['echo ${{ params.s }}; (( RETRAIN_E1 ))', 'passed in RETRAIN_E1'],
  ['echo ${{ params.s }}; (( RETRAIN_E2 ))', 'passed in RETRAIN_E2'],
  ['printf %s ${{ params.s }}; y=$RETRAIN_E1; echo $(( y ))', 'passed in RETRAIN_E1'],
  // Variables bash runs as code (prompts, PS4 under set -x) or whose file it sources (BASH_ENV).
  ['PS4=${{ params.s }}; set -x; :', 'assigned to PS4'],
  ['export BASH_ENV=${{ params.s }}; bash -c :', 'assigned to BASH_ENV'],
  ['env BASH_ENV=${{ params.s }} bash -c :', 'assigned to BASH_ENV'],
  ['x=${{ params.s }}; env PS4="+$x" bash -xc :', 'assigned to x'],
  // cd sets PWD from its argument.
  ['mkdir -p ${{ params.s }} && cd ${{ params.s }} && echo $(( ${PWD##*/} ))', 'PWD'],
  ['echo ${{ params.odd }} | sh', 'runs its input as code'],
  ['let n=${{ params.odd }}', 'arithmetic'],
  // Options that run a command or code, or name a file of more options: their argument is code.
  ['git clone --upload-pack=${{ params.s }} repo.git d', 'runs a command'],
  ['git clone -u ${{ params.s }} repo.git d', 'runs a command'],
  ['git -c ${{ params.s }} clone repo.git d', 'runs a command'],
  ['git -ccore.sshCommand=${{ params.s }} fetch', 'runs a command'],
  ['git fetch --upload-pack ${{ params.s }} origin', 'runs a command'],
  ['git push --receive-pack=${{ params.s }} origin', 'runs a command'],
  ['git rebase -x ${{ params.s }} main', 'runs a command'],
  ['tar --to-command=${{ params.s }} -xf a.tar', 'runs a command'],
  ['tar -xI ${{ params.s }} -f a.tar', 'runs a command'],
  ['tar -I${{ params.s }} -xf a.tar', 'runs a command'],
  ['tar --checkpoint=1 --checkpoint-action=exec=${{ params.s }} -cf a.tar f', 'runs a command'],
  ['tar -cf a.tar --use-compress-program ${{ params.s }} f', 'runs a command'],
  ['tar -xf a.tar -T ${{ params.s }}', 'runs a command'],
  ['tar -xf a.tar --to-command $NOTHING ${{ params.s }}', 'runs a command'],
  ['rsync -e ${{ params.s }} a host:b', 'runs a command'],
  ['rsync --rsh=${{ params.s }} a host:b', 'runs a command'],
  ['rsync --rsync-path=${{ params.s }} a host:b', 'runs a command'],
  ['sort --compress-program=${{ params.s }} f', 'runs a command'],
  ['zip -TT ${{ params.s }} a.zip f', 'runs a command'],
  ['scp -o ${{ params.s }} a host:b', 'runs a command'],
  ['scp -S ${{ params.s }} a host:b', 'runs a command'],
  ['curl -K ${{ params.s }} http://127.0.0.1/', 'runs a command'],
  ['curl --config ${{ params.s }} http://127.0.0.1/', 'runs a command'],
  ['wget -e ${{ params.s }} http://127.0.0.1/', 'runs a command'],
  ['wget --use-askpass=${{ params.s }} http://127.0.0.1/', 'runs a command'],
  ['man -P ${{ params.s }} ls', 'runs a command'],
  ['vim -c ${{ params.s }} f', 'runs a command'],
  ['vim +${{ params.s }} f', 'runs a command'],
  ['docker run --entrypoint ${{ params.s }} image', 'runs a command'],
  ['docker run -v ${{ params.s }} image', 'runs a command'],
  ['pip install -r ${{ params.s }}', 'runs a command'],
  ['pip install --index-url ${{ params.s }} numpy', 'runs a command'],
  ['python3 -m pip install -r ${{ params.s }}', 'runs a command'],
  ['npm -c ${{ params.s }} exec', 'runs a command'],
  ['java -jar ${{ params.s }}', 'runs a command'],
  ['sed s/a/b/ --expression=${{ params.s }} f', 'runs a command'],
  // A value after a literal option letter: its characters are more options.
  ['git clone --${{ params.s }} repo.git d', 'continues an option word'],
  ['tar -xf a.tar {-,}${{ params.s }}', 'brace expansion'],
  ['git clone {,--upload-pack=}${{ params.s }} d', 'brace expansion'],
  ['git clone {x,-}{1..2}${{ params.s }} d', 'brace expansion'],
  ['tar -${{ params.s }}f a.tar', 'continues an option word'],
  ['mytool -d${{ params.s }} -f1 f', 'continues an option word'],
  // An input read into an evaluated variable evaluates the variables it expands (grammar fuzz, seed 741370541).
  ['x=${{ params.s }}; declare -i n; read -r n <<< $x', 'assigned to x'],
  ['f() { declare -i n; read -r n <<< $1; }; f ${{ params.s }}', 'positional parameter'],
  ['function g { declare -i n; v=n; read -r "$v" <<< $1; }; g ${{ params.s }}', 'positional parameter'],
  // The first command of a one-line `function g {` body gives its attributes too.
  ['function g { declare -i n; n=${{ params.s }}; }; g', 'assigned to n'],
  ['cut -s${{ params.s }} f', 'continues an option word'],
  ['java -javaagent:${{ params.s }} -jar app.jar', 'runs a command'],
  ["cmd $'\\x2d'${{ params.s }}", 'continues an option word'],
  ['x=${{ params.s }}; tar --to-command="$x" -xf a.tar', 'assigned to x'],
  // Subcommands that set or run commands; a value choosing the subcommand.
  ['git config core.sshCommand ${{ params.s }}', 'subcommand'],
  ['git ${{ params.s }} status', 'subcommand'],
  ['git submodule foreach ${{ params.s }}', 'subcommand'],
  ['npm exec ${{ params.s }}', 'subcommand'],
  ['docker exec box ${{ params.s }}', 'subcommand'],
  // Programs whose arguments are code, a command, or a package to run.
  ['make train NAME=${{ params.s }}', 'recipes'],
  ['make ${{ params.s }}', 'recipes'],
  ['npx ${{ params.s }}', 'runs its arguments'],
  ['deno eval ${{ params.s }}', 'runs its arguments'],
  ['bun -e ${{ params.s }}', 'runs its arguments'],
  ['pwsh -c ${{ params.s }}', 'runs its arguments'],
  ['osascript -e ${{ params.s }}', 'runs its arguments'],
  ['tclsh ${{ params.s }}', 'runs its arguments'],
  // Interpreters that take code as an argument.
  ['php -r ${{ params.s }}', 'run as code'],
  ['lua -e ${{ params.s }}', 'run as code'],
  ['julia -e ${{ params.s }}', 'run as code'],
  ['R -e ${{ params.s }}', 'run as code'],
  ['php ${{ params.s }}', 'file of code'],
  // Launchers and environment runners run a command given among their arguments.
  ['uv run python -c ${{ params.s }}', 'run as code'],
  ['poetry run bash -c ${{ params.s }}', 'run as code'],
  ['mpirun -np 4 python -c ${{ params.s }}', 'run as code'],
  ['conda run -n env node -e ${{ params.s }}', 'run as code'],
  ['xvfb-run ${{ params.s }}', 'runs a command given among its arguments'],
  ['torchrun --nproc_per_node=2 ${{ params.s }}', 'runs a command given among its arguments'],
  ['srun --partition ${{ params.s }} python train.py', 'runs a command given among its arguments'],
  ['uv pip install -r ${{ params.s }}', 'runs a command'],
  // Variables programs read as options or as a command to run.
  ['NODE_OPTIONS=${{ params.s }} node train.js', 'assigned to NODE_OPTIONS'],
  ['export GIT_SSH_COMMAND=${{ params.s }}; git fetch', 'assigned to GIT_SSH_COMMAND'],
  ['env TAR_OPTIONS=${{ params.s }} tar -xf a.tar', 'assigned to TAR_OPTIONS'],
  ['x=${{ params.s }}; export NODE_OPTIONS="$x --max-old-space-size=4096"', 'assigned to x'],
  ['LD_PRELOAD=${{ params.s }} ./train', 'assigned to LD_PRELOAD'],
  // Redirections after a subshell's `)` feed the commands inside it.
  ['(bash) <<< ${{ params.s }}', 'runs its input as code'],
  ['x=${{ params.s }}; ( bash ) < <(printf %s "$x")', 'assigned to x'],
  ['( sh ) <<EOF\n${{ params.s }}\nEOF', 'runs its input as code'],
  // The input of a call of a function whose body runs its input as code.
  ['f() { bash; }; f <<< ${{ params.s }}', 'runs its input as code'],
  ['printf %s ${{ params.s }} | f; f() ( sh )', 'runs its input as code'],
  ['x=${{ params.s }}; function f { eval "$(cat)"; }; f <<< "$x"', 'assigned to x'],
  // Positional parameters in the forms the range does not spell: `for v; do` loops over "$@", `${!1}` and `${!#}` are indirections.
  ['f() { for v; do (( v )); done; }; f ${{ params.s }}', 'positional parameter'],
  ['f() { for v do eval "$v"; done; }; f a ${{ params.s }}', 'positional parameter'],
  ['f() { echo "${!1}"; }; f ${{ params.s }}', 'positional parameter'],
  ['f() { declare -i n; n=${!#}; }; f ${{ params.s }}', 'positional parameter'],
  // The body of `for v do ...` (no `in`, no `;`) starts in the loop's own simple command.
  ['f() { for v do eval ${{ params.s }}; done; }', 'run as code'],
  ['select v do declare -i n=${{ params.s }}; done', 'attribute'],
  // Files run as code: a command named by its path, sed's script from the input, the file BASH_ENV or ENV names.
  ['x=${{ params.s }}; printf %s "$x" > s.sh; chmod +x s.sh; ./s.sh', 'assigned to x'],
  ['printf %s ${{ params.s }} | sed -f - data.txt', 'runs its input as code'],
  ['sed -f/dev/stdin data.txt <<< ${{ params.s }}', 'runs its input as code'],
  ['echo ${{ params.s }} > s; BASH_ENV=./s bash -c :', 'written to a file that the script runs'],
  ['echo ${{ params.s }} > s; env BASH_ENV=s bash -c :', 'written to a file that the script runs'],
  ['echo ${{ params.s }} > s; export ENV=s; sh -c :', 'written to a file that the script runs'],
  // xargs -a FILE takes its items from FILE: code when its command runs them.
  ['x=${{ params.s }}; xargs -a <(printf %s "$x") -I{} sh -c "echo {}"', 'assigned to x'],
  ['echo ${{ params.s }} > items; xargs -a items bash -c', 'written to a file that the script runs'],
  // An alias the script defines may stand for eval.
  ['alias g=eval\ng ${{ params.s }}', 'alias'],
  ['shopt -s expand_aliases\nalias g="eval"\nx=${{ params.s }}; g "$x"', 'assigned to x'],
  // history -s adds a line fc runs; bash's integer variables evaluate what is assigned to them.
  ['x=${{ params.s }}; history -s "$x"; fc -s', 'assigned to x'],
  ['history -s ${{ params.s }}', 'run as code'],
  ['x=${{ params.s }}; OPTIND=$x; getopts a o', 'assigned to x'],
  ['RANDOM=${{ params.s }}', 'assigned to RANDOM'],
  ['printf -v SRANDOM %s ${{ params.s }}', 'assigned to SRANDOM'],
  // The target of `>&` that is not a number is expanded twice: `echo x >& "$v"` runs $(cmd) in v.
  ['echo x >& ${{ params.s }}', 'expanded a second time'],
  ['x=${{ params.s }}; echo x >&"${x}"', 'assigned to x'],
  // A value written to a file comes back as the output or input the script evaluates.
  ['echo ${{ params.s }} > f; y=$(< f); (( y ))', 'reads back'],
  ['echo ${{ params.s }} > f; read -r y < f; (( y ))', 'reads back'],
  ['echo ${{ params.s }} > f; while read -r y; do (( y )); done < f', 'reads back'],
  ['echo ${{ params.s }} > f; eval "$(cat f)"', 'reads back'],
  // ... or becomes code by other ways than its name: input of the script, a pipe, a copy, a process substitution.
  ['echo ${{ params.s }} > f; exec 3< f; bash <&3', 'written to a file that the script runs'],
  ['echo ${{ params.s }} > f; cat f | bash', 'written to a file that the script runs'],
  ['echo ${{ params.s }} > f; cp f g.sh; bash g.sh', 'written to a file that the script runs'],
  ['echo ${{ params.s }} > f; cat f > g.sh; . g.sh', 'written to a file that the script runs'],
  ['echo ${{ params.s }} > f; source <(cat f)', 'written to a file that the script runs'],
  ['printf %s ${{ params.s }} | dd of=f; . f', 'written to a file that the script runs'],
  // Writes a command's own range does not hold: `exec > f`, a compound command's redirection.
  ['exec > f; printf %s ${{ params.s }}; . f', 'written to a file that the script runs'],
  ['{ printf %s ${{ params.s }}; } > f; . f', 'written to a file that the script runs'],
  ['( printf %s ${{ params.s }} ) > f; . f', 'written to a file that the script runs'],
  ['for i in 1; do printf %s ${{ params.s }}; done > f; . f', 'written to a file that the script runs'],
  // A file named through an expansion matches by its literal last segment, or any file without one.
  ['d=.; printf %s ${{ params.s }} > f; . "$d/f"', 'written to a file that the script runs'],
  ['d=.; printf %s ${{ params.s }} > "$d/f"; . ./f', 'written to a file that the script runs'],
  ['printf %s ${{ params.s }} > f; s=f; bash "$s"', 'written to a file that the script runs'],
  // Input read into an evaluated variable is arithmetic: a bare name in it is evaluated (grammar fuzz, seed 623597186).
  ['for x in ${{ params.s }}; do declare -i i; v=i; read -r "$v" <<< x; done', 'assigned to x'],
  ['x=${{ params.s }}; declare -i n; read -r n <<EOF\nx\nEOF', 'assigned to x'],
  // A function may take the name of echo, printf, :, true or false: its arguments are positional parameters then.
  ['echo() { eval "$1"; }; echo ${{ params.s }}', 'positional parameter'],
  ['printf %s ${{ params.s }}; function printf { (( $2 )); }', 'positional parameter'],
  [':() { eval "$1"; }; : ${{ params.s }}', 'positional parameter'],
  // coproc's redirections go to the command it runs.
  ['x=${{ params.s }}; coproc bash <<< "$x"; wait', 'assigned to x'],
  // Commands the check cannot classify, and programs that run commands read from their input.
  ['sudo -s <<< ${{ params.s }}', 'runs its input as code'],
  ['x=${{ params.s }}; env -S sh <<< "$x"', 'assigned to x'],
  ['printf %s ${{ params.s }} | m4', 'runs its input as code'],
  ['printf %s ${{ params.s }} | sqlite3 db.sqlite', 'runs its input as code'],
  ['ed -s f.txt <<EOF\n${{ params.s }}\nEOF', 'runs its input as code'],
  ['x=${{ params.s }}; ssh host <<< "$x"', 'assigned to x'],
  // Options from a variable or positional parameters: test's -v, printf's -v, getopts' and wait's names.
  ['op=-v; x=${{ params.s }}; test $op "$x"', 'assigned to x'],
  ['f() { test "$1" "$2"; }; f -v ${{ params.s }}', 'positional parameter'],
  ['f() { printf "$@"; }; f -v n %s ${{ params.s }}; (( n ))', 'positional parameter'],
  ['f() { getopts "$@"; }; f a: ${{ params.s }}', 'positional parameter'],
  ['f() { wait "$@"; }; f -p ${{ params.s }}', 'positional parameter'],
  // The alias and command tables.
  ['BASH_ALIASES[g]=${{ params.s }}\ng', 'assigned to BASH_ALIASES'],
  ['BASH_ALIASES[g]=eval\nx=${{ params.s }}; g "$x"', 'assigned to x'],
  ['alias g=bash\ng <<< ${{ params.s }}', 'runs its input as code'],
  ['BASH_CMDS[g]=${{ params.s }}', 'assigned to BASH_CMDS'],
  // mapfile's callback gets each line read as an argument.
  ['x=${{ params.s }}; readarray -C "eval" -c 1 a <<< "$x"', 'assigned to x'],
  // A compound command piped into code, and a process substitution >(...) that runs its input.
  ['{ printf %s ${{ params.s }}; } | sh', 'runs its input as code'],
  ['x=${{ params.s }}; (printf %s "$x") | sh', 'runs its input as code'],
  ['for i in 1; do printf %s ${{ params.s }}; done | bash', 'runs its input as code'],
  ['printf %s ${{ params.s }} > >(sh)', 'runs its input as code'],
  ['x=${{ params.s }}; tee >(sh) <<< "$x"', 'assigned to x']
]

describe('a string-valued expression is refused where bash would evaluate it', () => {
  it.each(REFUSED)('%j', (run, reason) => {
    const problems = problemsOf(run)
    const offset = run.indexOf('${{ params.')
    expect(problems.length, `accepted: ${run}`).toBeGreaterThanOrEqual(1)
    expect(problems[0]).toContain(`${positionOf(run, offset)}: \${{ params.`)
    expect(problems[0]).toContain(reason)
    expect(problems[0]).toContain('pass the value through env:')
  })
})

/** Accepted lines: each writes what it received to $OUT; `expected` maps the values to those bytes. */
const ACCEPTED: { run: string; expected: (s: string) => string }[] = [
  { run: 'true & pid=$!; wait $pid; printf \'%s\\0\' ${{ params.s }} | cat > "$OUT"', expected: s => `${s}\0` },
  { run: 'a=x; [ "$a" = ${{ params.s }} ] || [ -n "$a" ] && printf \'%s\\0\' ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  // A value written next to a script run by another name, or piped into a function that runs no input.
  { run: 'printf \'%s\\0\' ${{ params.s }} > "$OUT"; bash /dev/null', expected: s => `${s}\0` },
  { run: 'f() { cat; }; printf \'%s\\0\' ${{ params.s }} | f > "$OUT"', expected: s => `${s}\0` },
  { run: 'printf \'%s\\0\' ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  { run: 'printf \'%s\\0\' "<${{ params.s }}>" >> "$OUT"', expected: s => `<${s}>\0` },
  { run: 'printf \'%s\\0\' a${{ params.s }}b >> "$OUT"', expected: s => `a${s}b\0` },
  { run: 'x=${{ params.s }}; printf \'%s\\0\' "$x" > "$OUT"', expected: s => `${s}\0` },
  { run: 'x="pre ${{ params.s }}"; y=$x; printf \'%s\\0\' "$y" > "$OUT"', expected: s => `pre ${s}\0` },
  { run: 'declare x=${{ params.s }}; printf \'%s\\0\' "$x" > "$OUT"', expected: s => `${s}\0` },
  { run: 'f() { local -r x=${{ params.s }}; printf \'%s\\0\' "$x"; }; f > "$OUT"', expected: s => `${s}\0` },
  { run: 'export X=${{ params.s }}; bash -c \'printf "%s\\0" "$X"\' > "$OUT"', expected: s => `${s}\0` },
  { run: 'X=${{ params.s }} env | grep -c ^X= > /dev/null; printf \'%s\\0\' ok > "$OUT"', expected: () => 'ok\0' },
  { run: 'readonly r=${{ params.s }}; printf \'%s\\0\' "$r" > "$OUT"', expected: s => `${s}\0` },
  { run: 'printf -v out \'%s\' ${{ params.s }}; printf \'%s\\0\' "$out" > "$OUT"', expected: s => `${s}\0` },
  { run: 'bash -c \'printf "%s\\0" "$1"\' _ ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  { run: 'env A=1 printf \'%s\\0\' ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  { run: 'command printf \'%s\\0\' ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  { run: 'timeout 30 printf \'%s\\0\' ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  { run: 'case ${{ params.s }} in *) printf \'%s\\0\' "${{ params.s }}" > "$OUT";; esac', expected: s => `${s}\0` },
  { run: 'for v in ${{ params.s }}; do printf \'%s\\0\' "$v"; done > "$OUT"', expected: s => `${s}\0` },
  { run: 'if [[ ${{ params.s }} == "${{ params.s }}" ]]; then printf \'%s\\0\' same > "$OUT"; fi', expected: () => 'same\0' },
  { run: '[ ${{ params.s }} = zz ] 2>/dev/null || printf \'%s\\0\' ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  { run: 'cat > "$OUT" <<EOF\n${{ params.s }}\nEOF', expected: s => `${s}\n` },
  { run: 'tr -d x > "$OUT" <<< ${{ params.s }}z', expected: s => `${s.replace(/x/g, '')}z\n` },
  { run: 'printf \'%s\\0\' ${{ params.s }} | cat > "$OUT"', expected: s => `${s}\0` },
  { run: 'printf \'%s\\0\' "$(printf \'%s.\' ${{ params.s }})" > "$OUT"', expected: s => `${s}.\0` },
  { run: 'cat < <(printf \'%s\\0\' ${{ params.s }}) > "$OUT"', expected: s => `${s}\0` },
  { run: 'bash /dev/null ${{ params.s }}; bash -c \'printf "%s\\0" "$1"\' _ ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  { run: 'python3 -c \'import sys; sys.stdout.write(sys.argv[1] + "\\0")\' ${{ params.s }} > "$OUT"', expected: s => `${s}\0` },
  { run: 'declare -i n=5\nx=${{ params.s }}\nprintf \'%s\\0\' "$x" > "$OUT"', expected: s => `${s}\0` }
]

describe('where a string-valued expression is accepted, bash runs none of it and gets it byte for byte', () => {
  it.each(ACCEPTED)('$run', ({ run, expected }) => {
    expect(problemsOf(run)).toEqual([])
    for (const value of HOSTILE) {
      const { status, out, stderr } = runBash(run, { s: value })
      expect(existsSync(canary), `${run} ran the value ${JSON.stringify(value)}`).toBe(false)
      expect(status, `${run} with ${JSON.stringify(value)}: ${stderr}`).toBe(0)
      expect(out.toString('utf8'), `${run} with ${JSON.stringify(value)}`).toBe(expected(value))
    }
  })
})

/**
 * Accepted when the spec is validated, checked when the step runs: a value standing where the
 * program parses options. Unchecked, the hostile value runs a command through a real program (the
 * hole is real); checked, it is refused before the script starts; the safe value runs.
 */
const OPTION_VALUES: { run: string; hostile: Record<string, string>; safe: Record<string, string> }[] = [
  { run: 'git ls-remote ${{ params.s }} repo.git > /dev/null', hostile: { s: `--upload-pack=touch ${canary};:` }, safe: { s: 'repo.git' } },
  { run: 'tar -xf a.tar ${{ params.s }}', hostile: { s: `--to-command=touch ${canary}` }, safe: { s: 'f' } },
  { run: 'printf ${{ params.s }} x > /dev/null', hostile: { s: `-va[$(touch ${canary})]` }, safe: { s: '%s' } },
  { run: '[ ${{ params.s }} ${{ params.t }} ] 2>/dev/null || true', hostile: { s: '-v', t: `a[$(touch ${canary})]` }, safe: { s: 'x', t: 'y' } },
  // Through a variable, a function's $1, a loop, read, a command substitution, xargs.
  { run: 'r=${{ params.s }}; git ls-remote "$r" repo.git > /dev/null', hostile: { s: `--upload-pack=touch ${canary};:` }, safe: { s: 'repo.git' } },
  { run: 'f() { git ls-remote "$1" repo.git > /dev/null; }; f ${{ params.s }}', hostile: { s: `--upload-pack=touch ${canary};:` }, safe: { s: 'repo.git' } },
  {
    run: 'function g { git ls-remote "$@" repo.git > /dev/null; }; g ${{ params.s }}',
    hostile: { s: `--upload-pack=touch ${canary};:` },
    safe: { s: 'repo.git' }
  },
  {
    run: 'for r in ${{ params.s }}; do git ls-remote "$r" repo.git > /dev/null; done',
    hostile: { s: `--upload-pack=touch ${canary};:` },
    safe: { s: 'repo.git' }
  },
  { run: 'read -r r <<< ${{ params.s }}; git ls-remote "$r" repo.git > /dev/null', hostile: { s: `--upload-pack=touch ${canary};:` }, safe: { s: 'repo.git' } },
  { run: 'git ls-remote "$(printf %s ${{ params.s }})" repo.git > /dev/null', hostile: { s: `--upload-pack=touch ${canary};:` }, safe: { s: 'repo.git' } },
  {
    run: 'printf %s ${{ params.s }} > f.txt; for r in $(cat f.txt); do git ls-remote "$r" repo.git > /dev/null; done',
    hostile: { s: `--upload-pack=touch${'$'}{IFS}${canary};:` },
    safe: { s: 'repo.git' }
  },
  {
    run: "printf '%s\\n' ${{ params.s }} > list.txt; xargs -a list.txt git ls-remote > /dev/null",
    hostile: { s: `--upload-pack=touch\\ ${canary};: repo.git` },
    safe: { s: 'repo.git' }
  },
  {
    run: 'printf %s ${{ params.s }} > f.txt; git ls-remote "$(cat f.txt)" repo.git > /dev/null',
    hostile: { s: `--upload-pack=touch ${canary};:` },
    safe: { s: 'repo.git' }
  },
  {
    run: "printf '%s\\n' ${{ params.s }} | xargs git ls-remote > /dev/null",
    hostile: { s: `--upload-pack=touch\\ ${canary};: repo.git` },
    safe: { s: 'repo.git' }
  },
  // The same through a launcher: its command's findings are merged, what reaches the input included.
  {
    run: "printf '%s\\n' ${{ params.s }} | nice xargs git ls-remote > /dev/null",
    hostile: { s: `--upload-pack=touch\\ ${canary};: repo.git` },
    safe: { s: 'repo.git' }
  },
  {
    run: "printf '%s\\n' ${{ params.s }} | taskset -c 0 xargs git ls-remote > /dev/null",
    hostile: { s: `--upload-pack=touch\\ ${canary};: repo.git` },
    safe: { s: 'repo.git' }
  }
]

describe('a value a program may read as an option is accepted by validate and refused when the step starts', () => {
  beforeAll(() => {
    spawnSync('git', ['init', '-q', '--bare', 'repo.git'], { cwd: dir })
    writeFileSync(path.join(dir, 'f'), 'f\n')
    spawnSync('tar', ['-cf', 'a.tar', 'f'], { cwd: dir })
  })

  it.each(OPTION_VALUES)('$run', ({ run, hostile, safe }) => {
    expect(problemsOf(run)).toEqual([])
    // Unchecked, the program reads the value as an option that runs a command.
    runBash(run, hostile)
    expect(existsSync(canary), `${run} without the check`).toBe(true)
    rmSync(canary)
    let refused: unknown
    try {
      runBash(run, hostile, { checked: true })
    } catch (error) {
      refused = error
    }
    expect(refused, `${run} was not refused`).toBeInstanceOf(InputError)
    const message = (refused as InputError).problems.map(formatProblem)[0] as string
    expect(message).toMatch(/^spec\.yml:10:\d+: \$\{\{ params\.[st] \}\} is ".*which (starts with|holds) .*would read it as an option/)
    expect(message).toContain('put "--" before the operands')
    expect(existsSync(canary), `${run} ran the value`).toBe(false)
    const { status, stderr } = runBash(run, safe, { checked: true })
    expect(status, stderr).toBe(0)
    expect(existsSync(canary)).toBe(false)
  })

  it.each([
    'git clone -q -- ${{ params.s }} d',
    'git clone -q ./${{ params.s }} d',
    'git clone -q "repos/${{ params.s }}" d',
    'git clone -q ${{ params.mode }} d',
    'git -C ${{ params.s }} status',
    'tar -xf a.tar --to-command=cat -- ${{ params.s }}',
    'python3 train.py --name ${{ params.s }}',
    './train.sh ${{ params.s }}',
    'scripts/prep --out ${{ params.s }}',
    'echo ${{ params.s }}',
    "printf '%s' ${{ params.s }}",
    'printf -- ${{ params.s }}',
    '[ ${{ params.s }} = x ]',
    '[ -n ${{ params.s }} ]',
    'find . -name ${{ params.s }}',
    'cmd --name=${{ params.s }}',
    'cmake -DNAME=${{ params.s }} ..',
    'make ${{ params.mode }}',
    'cd ${{ params.s }}',
    'r=${{ params.s }}; git clone -q -- "$r" d',
    'ls -l ${{ params.n }}',
    'sed -e s/a/b/ -- ${{ params.s }}',
    'awk -f p.awk -- ${{ params.s }}',
    'srun --partition=${{ params.s }} python train.py',
    'uv run python train.py --name ${{ params.s }}',
    'cut -d${{ params.s }} -f1 f',
    'cut -d ${{ params.s }} -f1 -- f',
    'grep -e ${{ params.s }} -- f',
    'head -n ${{ params.s }} -- f'
  ])('%j is data: no check', run => {
    expect(problemsOf(run)).toEqual([])
    expect(rewriteRunScript(run, 'bash', where, 1, undefined, PARAMS).optionChecks).toBeUndefined()
  })

  it.each([
    ['git clone ${{ params.s }} d', 'git'],
    ['git push -u ${{ params.s }} main', 'git'],
    ['tar -xf a.tar ${{ params.s }}', 'tar'],
    ['find ${{ params.s }} -name x', 'find'],
    ['find . -name x ${{ params.s }}', 'find'],
    ['sed s/a/b/ ${{ params.s }}', 'sed'],
    ['awk -f p.awk ${{ params.s }}', 'awk'],
    ['curl -o out ${{ params.s }}', 'curl'],
    ['pip install ${{ params.s }}', 'pip'],
    ['python3 -m pip install ${{ params.s }}', 'pip'],
    ['sudo git clone ${{ params.s }}', 'git'],
    ['cp ${{ params.s }} dest/', 'cp'],
    ['vim ${{ params.s }}', 'vim'],
    ['java ${{ params.s }}', 'java'],
    ['node_modules/.bin/tool ${{ params.s }}', 'tool'],
    ['.venv/bin/dvc pull ${{ params.s }}', 'dvc'],
    ['uv run train.py --name ${{ params.s }}', 'train.py'],
    ['mpirun -np 4 git clone ${{ params.s }}', 'mpirun']
  ])('%j is checked when the step runs, for %s', (run, program) => {
    expect(problemsOf(run)).toEqual([])
    const checks = rewriteRunScript(run, 'bash', where, 1, undefined, PARAMS).optionChecks
    expect(checks).toEqual([expect.objectContaining({ name: 'RETRAIN_E1', expression: 'params.s', program })])
  })
})

describe('number, integer and digit-only enum params stand anywhere a word may', () => {
  const values = { n: '3', x: '2.5', b: 'true', mode: 'fast' }
  it.each([
    ['let m=${{ params.n }}+1; printf %s "$m" > "$OUT"', '4'],
    ['declare -i m=${{ params.n }}*2; printf %s "$m" > "$OUT"', '6'],
    ['arr[${{ params.n }}]=v; printf %s "${!arr[@]}" > "$OUT"', '3'],
    ['arr=([${{ params.n }}]=v); printf %s "${arr[3]}" > "$OUT"', 'v'],
    ['printf %s $(( ${{ params.n }} * 7 )) > "$OUT"', '21'],
    ['(( ${{ params.n }} > 2 )) && printf %s big > "$OUT"', 'big'],
    ['for (( i = 0; i < ${{ params.n }}; i++ )); do printf %s "$i"; done > "$OUT"', '012'],
    ['[[ ${{ params.n }} -eq 3 ]] && printf %s three > "$OUT"', 'three'],
    ['s=abcdef; printf %s "${s:${{ params.n }}}" > "$OUT"', 'def'],
    ['bash -c "printf %s ${{ params.x }}" > "$OUT"', '2.5'],
    ['printf \'%s\' "${{ params[\'mode\'] }}" > "$OUT"', 'fast']
  ])('%j', (run, expected) => {
    expect(problemsOf(run)).toEqual([])
    const { status, out, stderr } = runBash(run, values)
    expect(status, stderr).toBe(0)
    expect(out.toString('utf8')).toBe(expected)
  })
})

describe('the loader applies the rule with the spec params types, at file:line:col', () => {
  const spec = (run: string) => `model: m
params:
  a: { type: string, default: x }
  n: { type: integer, default: 2 }
data:
  eval: data/eval.csv
steps:
  - run: ${run}
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  rmse:
    goal: minimize
    max: 8
promotion:
  mode: auto
  first-model: promote
`

  it('refuses a string param in arithmetic, at its position', () => {
    expect(() => parseSpec(spec('let "n = ${{ params.a }}"'), 'spec.yml', { cwd: dir })).toThrow(InputError)
    try {
      parseSpec(spec('let "n = ${{ params.a }}"'), 'spec.yml', { cwd: dir })
    } catch (error) {
      const problems = (error as InputError).problems.map(formatProblem)
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatch(/^spec\.yml:8:19: \$\{\{ params\.a \}\}: bash evaluates this word as arithmetic.*env:/)
    }
  })

  it('accepts an integer param there', () => {
    const loaded = parseSpec(spec('let "n = ${{ params.n }}"'), 'spec.yml', { cwd: dir })
    expect(loaded.steps[0]?.run).toBe('let "n = ${RETRAIN_E1}"')
  })
})
