/**
 * A property test over a grammar of bash constructs: `run:` lines built from simple commands,
 * assignments, declarations, arrays, tests, arithmetic, evaluators, pipelines, lists, subshells,
 * substitutions, quoting and heredocs, with a string param (holding a canary), an integer param and
 * an enum param in random positions. Every line the rewriter accepts is run by real bash with the
 * canary values: none may ever create the canary file. Values a program would read as an option
 * (`--upload-pack=CMD` for git, `--to-command=CMD` for tar) are checked as the runner checks them
 * before a step starts: a line whose check refuses the value counts as refused.
 *
 * Lines run in batches, each in its own subshell (`( source line.sh )`) inside one bash process, so a
 * syntax error or an `exit` in one line does not stop the others. RETRAIN_FUZZ_RUNS sets the number
 * of generated lines (5,000 by default); RETRAIN_FUZZ_SEED replays a run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { checkOptionValues, OPTION_CHECKS_VARIABLE, optionChecksExpression } from '../../src/spec/option-values.js'
import { rewriteRunScript } from '../../src/spec/shell.js'
import type { ParamSpec } from '../../src/spec/types.js'

const RUNS = Math.max(1, Number(process.env.RETRAIN_FUZZ_RUNS ?? 5000))
const SEED = process.env.RETRAIN_FUZZ_SEED !== undefined ? Number(process.env.RETRAIN_FUZZ_SEED) : Date.now() % 2 ** 31
const BATCH = 250

const PARAMS: Record<string, ParamSpec> = {
  s: { type: 'string' },
  n: { type: 'integer', default: 3 },
  m: { type: 'string', enum: ['fast', 'full'], default: 'fast' }
}
const where = { file: 'spec.yml', line: 1, col: 1 }

const dir = mkdtempSync(path.join(tmpdir(), 'retrain-shell-fuzz-'))
const work = path.join(dir, 'work')
mkdirSync(work)
const canary = path.join(dir, 'CANARY')
afterAll(() => rmSync(dir, { recursive: true, force: true }))
// A local repository and archive for the programs that read a value as an option.
spawnSync('git', ['init', '-q', '--bare', 'repo.git'], { cwd: work })
writeFileSync(path.join(work, 'f'), 'f\n')
spawnSync('tar', ['-cf', 'a.tar', 'f'], { cwd: work })

/** Values of the string param: each creates the canary if bash runs it as code, in some context. */
const HOSTILE = [
  `a[$(touch ${canary})]`,
  `x[\`touch ${canary}\`]`,
  `touch ${canary}`,
  `$(touch ${canary})`,
  `;touch ${canary};`,
  `\ntouch ${canary}\n`,
  `([0]=$(touch ${canary}))`,
  `'"; touch ${canary}; #`,
  `\${IFS}touch\${IFS}${canary} *`,
  `--upload-pack=touch ${canary};:`,
  `--to-command=touch ${canary}`,
  `-va[$(touch ${canary})]`,
  `x --upload-pack=touch\\ ${canary};: repo.git`
]

// ---- The grammar ------------------------------------------------------------------------------

const expr = fc.constantFrom('${{ params.s }}', '${{ params.s }}', '${{ params.n }}', '${{ params.m }}')
const name = fc.constantFrom('x', 'y', 'n', 'arr', 'i', 'v')
const literal = fc.constantFrom('a', '1', '0', '-c', '--', 'x', 'v', '$x', '"$x"', '$1', "'lit'", '_')

const { line } = fc.letrec<{ word: string; simple: string; command: string; statement: string; line: string }>(tie => {
  const word = tie('word') as fc.Arbitrary<string>
  const simple = tie('simple') as fc.Arbitrary<string>
  const command = tie('command') as fc.Arbitrary<string>
  const words = fc.array(word, { minLength: 1, maxLength: 3 }).map(ws => ws.join(' '))
  return {
    word: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: expr, weight: 6 },
      { arbitrary: literal, weight: 3 },
      fc.tuple(expr, literal).map(([e, l]) => `"${l} ${e}"`),
      expr.map(e => `a${e}`),
      expr.map(e => `"${e}"`),
      simple.map(c => `"$(${c})"`),
      simple.map(c => `$(${c})`),
      simple.map(c => `\`${c}\``)
    ),
    simple: fc.oneof(
      { depthSize: 'small' },
      words.map(w => `echo ${w}`),
      words.map(w => `printf '%s\\n' ${w}`),
      words.map(w => `: ${w}`),
      fc.tuple(name, word).map(([n, w]) => `${n}=${w}`),
      fc.tuple(name, word, word).map(([n, k, w]) => `${n}[${k}]=${w}`),
      fc.tuple(name, words).map(([n, w]) => `${n}=(${w})`),
      fc.tuple(name, word, word).map(([n, k, w]) => `${n}=([${k}]=${w})`),
      fc
        .tuple(
          fc.constantFrom('declare', 'typeset', 'export', 'readonly', 'local'),
          fc.constantFrom('', '-i', '-a', '-A', '-n', '-x', '-r', '-l', '-ix'),
          name,
          word
        )
        .map(([d, o, n, w]) => `${d} ${o} ${n}=${w}`),
      fc.tuple(name, word).map(([n, w]) => `f() { local -i ${n}=${w}; }; f`),
      fc.tuple(name, word).map(([n, w]) => `${n}=${w}; f() { local -n r=$1; : "$r"; }; f "$${n}"`),
      fc.tuple(fc.constantFrom('-i', '-a', '-n', '-x'), name, word).map(([o, n, w]) => `o=${o}; declare $o ${n}=${w}`),
      words.map(w => `let ${w}`),
      fc.tuple(name, word).map(([n, w]) => `let "${n} = ${w}"`),
      word.map(w => `(( ${w} ))`),
      word.map(w => `echo $(( ${w} + 1 ))`),
      word.map(w => `for ((i = ${w}; i < 1; i++)); do :; done`),
      fc.tuple(word, fc.constantFrom('==', '!=', '-eq', '-lt', '-ge', '=~', '<'), word).map(([a, op, b]) => `[[ ${a} ${op} ${b} ]]`),
      word.map(w => `[[ -v ${w} ]]`),
      fc.tuple(word, word).map(([a, b]) => `[ ${a} = ${b} ]`),
      word.map(w => `test -v ${w}`),
      words.map(w => `unset ${w}`),
      fc.tuple(name, word).map(([n, w]) => `${n}=${w}; unset 'arr[$${n}]'`),
      fc.tuple(word, word).map(([t, w]) => `printf -v ${t} %s ${w}`),
      fc.tuple(word, word).map(([t, w]) => `read -r ${t} <<< ${w}`),
      fc.tuple(name, word).map(([n, w]) => `read -r ${n} <<< ${w}`),
      fc.tuple(name, word).map(([n, w]) => `declare -i ${n}; v=${n}; read -r "$v" <<< ${w}`),
      word.map(w => `mapfile -t ${w} < /dev/null`),
      fc.tuple(fc.constantFrom('eval', 'source', '.', 'command eval', 'builtin eval'), words).map(([e, w]) => `${e} ${w}`),
      word.map(w => `trap ${w} EXIT`),
      fc
        .tuple(fc.constantFrom('bash', 'sh', 'dash', 'exec bash', 'env sh', 'xargs sh', 'env -i sh'), word, words)
        .map(([s, w, rest]) => `${s} -c ${w} _ ${rest}`),
      fc.tuple(fc.constantFrom('bash', 'sh'), word).map(([s, w]) => `${s} ${w}`),
      fc
        .tuple(fc.constantFrom('bash -c', 'sh -c', 'sh -ec'), fc.constantFrom('$NOTHING', '"$@"', '`true`', '$(true)', "''"), word)
        .map(([s, v, w]) => `${s} ${v} ${w}`),
      word.map(w => `find . -maxdepth 0 -exec sh -c ${w} \\;`),
      words.map(w => `${w}`),
      fc.tuple(name, word).map(([n, w]) => `echo "\${${n}:${w}}"`),
      word.map(w => `echo "\${arr[${w}]}"`),
      word.map(w => `sh <<< ${w}`),
      fc.tuple(name, word).map(([n, w]) => `${n}=${w}; echo $(( ${n} ))`),
      fc.tuple(name, word).map(([n, w]) => `${n}=${w}; (( ${n} ))`),
      fc.tuple(name, word).map(([n, w]) => `${n}=${w}; eval "echo $${n}"`),
      fc
        .tuple(fc.constantFrom(['PS4=', '; set -x; :; set +x'], ['export PS4=', '; set -x; :; set +x'], ['env PS4=', ' bash -xc :']), word)
        .map(([[p, q], w]) => `${p}${w}${q}`),
      word.map(w => `mkdir -p -- ${w} && cd -- ${w} && (( \${PWD##*/} ))`),
      // Programs that read a word starting with - as an option, some of which run commands.
      fc.tuple(fc.constantFrom('', '-q ', '-- '), word).map(([o, w]) => `git ls-remote ${o}${w} repo.git`),
      fc.tuple(fc.constantFrom('', '--upload-pack=', '-c '), word).map(([o, w]) => `git ls-remote ${o}${w} repo.git`),
      fc.tuple(fc.constantFrom('', '-- ', '--to-command='), word).map(([o, w]) => `tar -xf a.tar ${o}${w}`),
      word.map(w => `printf ${w} x`),
      words.map(w => `printf '%s\\n' ${w} | xargs git ls-remote`),
      // Redirections expanded twice, bash's integer variables, history replayed by fc.
      word.map(w => `echo x >& ${w}`),
      fc.tuple(fc.constantFrom('OPTIND', 'RANDOM', 'SRANDOM'), word).map(([v, w]) => `${v}=${w}`),
      word.map(w => `history -s ${w}; fc -s 2>/dev/null`),
      word.map(w => `xargs -a <(printf '%s\\n' ${w}) -I{} sh -c 'echo {}'`)
    ),
    command: fc.oneof(
      { depthSize: 'small' },
      { arbitrary: simple, weight: 5 },
      fc.tuple(simple, fc.constantFrom(' | ', ' && ', ' || ', '; ', ' |& '), simple).map(([a, op, b]) => `${a}${op}${b}`),
      fc.tuple(simple, fc.constantFrom('bash', 'sh', 'cat', 'wc -c')).map(([a, b]) => `${a} | ${b}`),
      simple.map(c => `( ${c} )`),
      simple.map(c => `{ ${c}; }`),
      fc.tuple(simple, simple).map(([a, b]) => `if ${a}; then ${b}; fi`),
      fc.tuple(simple, word).map(([c, w]) => `g() { ${c}; }; g ${w}`),
      fc.tuple(simple, word).map(([c, w]) => `function g { ${c}; }; g ${w}`),
      fc.tuple(name, words, simple).map(([n, w, c]) => `for ${n} in ${w}; do ${c}; done`),
      // Positional parameters the text does not spell, input to a subshell or a function's body.
      fc
        .tuple(fc.constantFrom('for v; do (( v )); done', 'for v do eval "$v"; done', 'echo "${!1}"', 'declare -i n; n=${!#}'), words)
        .map(([c, w]) => `g() { ${c}; }; g ${w}`),
      fc
        .tuple(fc.constantFrom('(bash) <<< ', 'g() { sh; }; g <<< ', '( sh ) < <(printf %s ', 'coproc sh <<< '), word)
        .map(([c, w]) => `${c}${w}${c.endsWith('%s ') ? ')' : ''}${c.startsWith('coproc') ? '; wait' : ''}`),
      // A function named like a builtin; a bare name read into an integer variable.
      fc.tuple(fc.constantFrom('echo', 'printf', ':'), words).map(([b, w]) => `${b}() { eval "$1"; }; ${b} ${w}`),
      fc.tuple(name, words).map(([n, w]) => `for ${n} in ${w}; do declare -i i; read -r i <<< ${n}; done`)
    ),
    statement: fc.oneof(
      { arbitrary: command, weight: 6 },
      fc
        .tuple(fc.constantFrom('cat', 'bash', 'sh', 'read -r x; (( x ))', 'while read -r v; do let "n=v"; done'), word)
        .map(([c, w]) =>
          c.startsWith('read') || c.startsWith('while')
            ? `${c.replace('; ((', ' <<EOF; ((').replace('done', 'done <<EOF')}\n${w}\nEOF`
            : `${c} <<EOF\n${w}\nEOF`
        ),
      fc.tuple(word, fc.constantFrom('bash', 'sh', 'cat')).map(([w, c]) => `cat <<EOF | ${c}\n${w}\nEOF`),
      fc
        .tuple(
          word,
          fc.constantFrom(
            'eval "$(cat)"',
            'source /dev/stdin',
            'bash /dev/stdin',
            '{ read -r x; sh; }',
            '( x=$(cat); (( x )) )',
            'while read -r l; do sh; done',
            'xargs bash -c',
            "xargs -I{} sh -c 'echo {}'"
          )
        )
        .map(([w, c]) => `printf '%s\\n' a ${w} | ${c}`),
      word.map(w => `sh < <(printf '%s\\n' ${w})`),
      // A compound command piped into code; a process substitution that runs what it is written.
      fc.tuple(fc.constantFrom('{ X; }', '( X )', 'for i in 1; do X; done'), word).map(([c, w]) => `${c.replace('X', `printf '%s\\n' ${w}`)} | sh`),
      word.map(w => `printf '%s\\n' ${w} > >(sh); wait $!`),
      word.map(w => `exec 3<<< ${w}; sh <&3`),
      fc
        .tuple(
          word,
          fc.constantFrom(
            ['> f.sh', 'source f.sh'],
            ['| tee f.sh', 'bash ./f.sh'],
            ['> f.sh', 'sh < f.sh'],
            ['>> f.sh', '. ./f.sh'],
            // A file read back into evaluated text, made input to code, copied or named otherwise.
            ['> f.sh', 'y=$(< f.sh); (( y ))'],
            ['> f.sh', 'read -r y < f.sh; (( y ))'],
            ['> f.sh', 'exec 3< f.sh; sh <&3'],
            ['> f.sh', 'cat f.sh | sh'],
            ['> f.sh', 'cp f.sh g.sh; . ./g.sh'],
            ['> f.sh', 'source <(cat f.sh)'],
            ['| dd of=f.sh status=none', '. ./f.sh'],
            ['> f.sh', 'BASH_ENV=./f.sh bash -c :'],
            ['> f.sh', 'chmod +x f.sh; ./f.sh']
          )
        )
        .map(([w, [write, run]]) => `rm -f f.sh; printf '%s\\n' ${w} ${write}; ${run}`),
      word.map(w => `rm -f f.sh; { printf '%s\\n' ${w}; } > f.sh; . ./f.sh`),
      word.map(w => `shopt -s expand_aliases\nalias g=eval\ng ${w}`)
    ),
    line: fc.array(tie('statement') as fc.Arbitrary<string>, { minLength: 1, maxLength: 3 }).map(s => s.join('\n'))
  }
})

// ---- Running ----------------------------------------------------------------------------------

interface Accepted {
  run: string
  script: string
  env: Record<string, string>
}

/** Runs the lines in one bash, each in its own subshell; says whether the canary appeared. */
function runBatch(lines: Accepted[], tag: string): boolean {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: work }
  const parts = ['set +e']
  lines.forEach((l, i) => {
    const file = path.join(dir, `${tag}-${i}.sh`)
    writeFileSync(file, l.script)
    Object.assign(env, l.env)
    // Each line sees only its own variables, as a step does: another line's value is not its input.
    const own = Object.keys(l.env).join('|') || 'NONE'
    const only = `for FUZZ_V in \${!RETRAIN_E@}; do case $FUZZ_V in ${own}) ;; *) unset "$FUZZ_V" ;; esac; done; unset FUZZ_V`
    parts.push(`( ${only}; source ${JSON.stringify(file)} ) </dev/null >/dev/null 2>&1`)
  })
  const batch = path.join(dir, `${tag}.sh`)
  writeFileSync(batch, `${parts.join('\n')}\n`)
  spawnSync('bash', ['--noprofile', '--norc', batch], { cwd: work, env, timeout: 120_000, stdio: 'ignore' })
  return existsSync(canary)
}

/** Rewrites a line with variable names unique in its batch; the string param gets `value`. */
function accept(run: string, startIndex: number, value: string): Accepted | undefined {
  let rewritten
  try {
    rewritten = rewriteRunScript(run, 'bash', where, startIndex, undefined, PARAMS)
  } catch (error) {
    if (error instanceof InputError) return undefined
    throw error
  }
  const values: Record<string, string> = { 'params.s': value, 'params.n': '3', 'params.m': 'fast' }
  const env = Object.fromEntries(rewritten.expressions.map(e => [e.name, values[e.expression] as string]))
  if (rewritten.optionChecks) {
    // As the runner does before the step starts: a value the program would read as an option stops it.
    try {
      checkOptionValues({ ...env, [OPTION_CHECKS_VARIABLE]: optionChecksExpression(rewritten.optionChecks).slice(1, -1) })
    } catch (error) {
      if (error instanceof InputError) return undefined
      throw error
    }
  }
  return { run, script: rewritten.script, env }
}

describe(`no accepted line ever runs a value (${RUNS} generated lines, seed ${SEED})`, () => {
  const lines = fc.sample(line, { numRuns: RUNS, seed: SEED })

  it('accepts some lines and refuses others, and bash runs none of the accepted values', () => {
    let accepted = 0
    for (let b = 0, batchNo = 0; b < lines.length; b += BATCH, batchNo++) {
      const value = HOSTILE[batchNo % HOSTILE.length] as string
      const batch: Accepted[] = []
      let index = 1
      for (const run of lines.slice(b, b + BATCH)) {
        const a = accept(run, index, value)
        if (!a) continue
        index += Object.keys(a.env).length
        batch.push(a)
      }
      accepted += batch.length
      if (!runBatch(batch, `batch-${batchNo}`)) continue
      // The canary appeared: find the line, one subshell at a time, to report it.
      rmSync(canary, { force: true })
      const culprit = batch.find((l, i) => {
        const single = accept(l.run, 1, value)
        // Accepted in the batch but not alone: the verdict depended on the variable names, a defect too.
        if (!single) return true
        const found = runBatch([single], `culprit-${batchNo}-${i}`)
        rmSync(canary, { force: true })
        return found
      })
      expect.fail(
        `seed ${SEED}: the accepted line ${JSON.stringify(culprit?.run)} ran the value ${JSON.stringify(value)}` +
          ` (rewritten: ${JSON.stringify(culprit?.script)})`
      )
    }
    // The grammar must exercise both sides of the rule.
    expect(accepted).toBeGreaterThan(RUNS / 20)
    expect(accepted).toBeLessThan(RUNS)
  }, 600_000)

  it('is not vacuous: refused lines, passed naively, do run the canary', () => {
    // Rewriting every expression the naive way (quoted variable, no grammar check) must let some
    // refused lines run the value: otherwise the grammar would not reach the contexts that matter.
    const naive: Accepted[] = []
    for (const run of lines.slice(0, 200)) {
      if (accept(run, 1, HOSTILE[0] as string)) continue
      let k = 0
      const env: Record<string, string> = {}
      const script = run.replace(/\$\{\{ params\.(\w+) \}\}/g, (_, p: string) => {
        const varName = `NAIVE_${naive.length}_${k++}`
        env[varName] = p === 's' ? (HOSTILE[0] as string) : p === 'n' ? '3' : 'fast'
        return `"\${${varName}}"`
      })
      naive.push({ run, script, env })
    }
    expect(naive.length).toBeGreaterThan(0)
    expect(runBatch(naive, 'naive')).toBe(true)
    rmSync(canary, { force: true })
  }, 600_000)
})
