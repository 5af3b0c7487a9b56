import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { InputError, formatProblem } from '../../src/errors.js'
import { isPosixShell, parseShell, rewriteRunScript } from '../../src/spec/shell.js'

const where = { file: 'spec.yml', line: 10, col: 10 }

function rewrite(run: string, startIndex?: number) {
  return rewriteRunScript(run, 'bash', where, startIndex)
}

function refusal(run: string, shell: Parameters<typeof rewriteRunScript>[1] = 'bash'): string[] {
  try {
    rewriteRunScript(run, shell, where)
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem)
    throw error
  }
  throw new Error('the script was accepted')
}

describe('rewriteRunScript replaces each expression by one environment variable', () => {
  it.each([
    ['echo ${{ params.x }}', 'echo "${RETRAIN_E1}"'],
    ['echo --x=${{ params.x }}!', 'echo --x="${RETRAIN_E1}"!'],
    ['echo "a ${{ params.x }} b"', 'echo "a ${RETRAIN_E1} b"'],
    [`echo "it's \\" \${{ params.x }}"`, `echo "it's \\" \${RETRAIN_E1}"`],
    ['echo $"${{ params.x }}"', 'echo $"${RETRAIN_E1}"'],
    ['echo "$(printf %s ${{ params.x }})"', 'echo "$(printf %s "${RETRAIN_E1}")"'],
    ['echo "$(echo "${{ params.x }}")"', 'echo "$(echo "${RETRAIN_E1}")"'],
    ['echo "`echo ${{ params.x }}`"', 'echo "`echo "${RETRAIN_E1}"`"'],
    ['cat <(echo ${{ params.x }})', 'cat <(echo "${RETRAIN_E1}")'],
    ['cat <<< ${{ params.x }}', 'cat <<< "${RETRAIN_E1}"'],
    ['x=$(case a in a) echo ${{ params.x }};; esac); echo "${{ params.y }}"', 'x=$(case a in a) echo "${RETRAIN_E1}";; esac); echo "${RETRAIN_E2}"'],
    ['echo $( (echo a) ) ${{ params.x }}', 'echo $( (echo a) ) "${RETRAIN_E1}"'],
    ['cat <<EOF\n"${{ params.x }}"\nEOF\necho ${{ params.y }}', 'cat <<EOF\n"${RETRAIN_E1}"\nEOF\necho "${RETRAIN_E2}"'],
    ['cat <<-EOF\n\t${{ params.x }}\n\tEOF\necho ${{ params.y }}', 'cat <<-EOF\n\t${RETRAIN_E1}\n\tEOF\necho "${RETRAIN_E2}"'],
    ["cat <<A; cat <<'B'\n${{ params.x }}\nA\nliteral\nB\necho ${{ params.y }}", 'cat <<A; cat <<\'B\'\n${RETRAIN_E1}\nA\nliteral\nB\necho "${RETRAIN_E2}"'],
    ["echo \"a'b\" ${{ format('{0}}}', 1) }}", 'echo "a\'b" "${RETRAIN_E1}"'],
    ['echo ${{ params.x }}${{ params.y }}', 'echo "${RETRAIN_E1}""${RETRAIN_E2}"'],
    ['[[ ${{ params.x }} == full ]] && echo ${{ params.y }}', '[[ "${RETRAIN_E1}" == full ]] && echo "${RETRAIN_E2}"'],
    ['[[ $n -eq 1 ]]; echo ${{ params.x }}', '[[ $n -eq 1 ]]; echo "${RETRAIN_E1}"'],
    ['echo a#${{ params.x }}', 'echo a#"${RETRAIN_E1}"']
  ])('%j', (run, script) => {
    expect(rewrite(run).script).toBe(script)
  })

  it('numbers the variables from startIndex and keeps each expression', () => {
    expect(rewrite('echo ${{ params.a }} "${{ format(\'{0}\', params.b) }}"', 3)).toEqual({
      script: 'echo "${RETRAIN_E3}" "${RETRAIN_E4}"',
      expressions: [
        { name: 'RETRAIN_E3', expression: 'params.a' },
        { name: 'RETRAIN_E4', expression: "format('{0}', params.b)" }
      ]
    })
  })

  it('leaves comments alone', () => {
    expect(rewrite('# uses ${{ params.x }}\necho ok')).toEqual({ script: '# uses ${{ params.x }}\necho ok', expressions: [] })
  })

  it('leaves a script without expressions untouched, whatever its quoting', () => {
    const run = "echo 'a\"b' \"c'd\" $'e\\'f' `g` $((1 + 2)) ${h:-i}"
    expect(rewrite(run)).toEqual({ script: run, expressions: [] })
  })
})

describe('rewriteRunScript refuses what it cannot pass as one word', () => {
  it('refuses an expression in single quotes, at its position', () => {
    expect(refusal("echo 'a ${{ params.x }}'")).toEqual([
      'spec.yml:10:18: ${{ params.x }}: an expression inside single quotes would not be expanded; move it outside the quotes or pass it through env:'
    ])
  })

  it('points at the line of the expression in a multi-line script', () => {
    const problems = refusal('echo ok\necho "fine ${{ params.y }}"\n  echo \'${{ params.x }}\'')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^spec\.yml:13:9: \$\{\{ params\.x \}\}: an expression inside single quotes/)
  })

  it.each([
    ["echo $'${{ params.x }}'", "inside $'...'"],
    ["cat <<'EOF'\n${{ params.x }}\nEOF", 'quoted heredoc'],
    ['cat <<"EOF"\n${{ params.x }}\nEOF', 'quoted heredoc'],
    ['cat <<\\EOF\n${{ params.x }}\nEOF', 'quoted heredoc'],
    ['echo $(( ${{ params.x }} + 1 ))', 'arithmetic'],
    ['(( n = ${{ params.x }} ))', 'arithmetic'],
    ['echo $(( $(echo ${{ params.x }}) ))', 'arithmetic'],
    ['for ((i = 0; i < ${{ params.x }}; i++)); do :; done', 'arithmetic'],
    ['if [[ "${{ params.x }}" -lt 3 ]]; then :; fi', 'compares numbers'],
    ['[[ $(echo ${{ params.x }}) -eq 1 ]]', 'compares numbers'],
    ['echo ${X:-${{ params.x }}}', 'inside ${...}'],
    ['echo "${arr[${{ params.x }}]}"', 'inside ${...}'],
    ['echo \\${{ params.x }}', 'after a backslash'],
    ['echo "\\${{ params.x }}"', 'after a backslash']
  ])('%j', (run, reason) => {
    const problems = refusal(run)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(reason)
  })

  it('never fails otherwise, whatever the script', () => {
    const piece = fc.constantFrom(
      ...[...' \t\n\'"`\\$(){}[]<>;&|#-=EOFa'],
      '${{ params.x }}',
      '${{',
      '<<EOF\n',
      "<<'EOF'\n",
      '\nEOF\n',
      '$((',
      '[[',
      ']]',
      ' -eq ',
      'case ',
      'esac'
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), pieces => {
        try {
          const { script, expressions } = rewrite(pieces.join(''))
          for (const e of expressions) expect(script).toContain(`\${${e.name}}`)
        } catch (error) {
          expect(error).toBeInstanceOf(InputError)
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('refuses an unterminated expression', () => {
    expect(refusal("echo ${{ params.x == '}}'")).toEqual(['spec.yml:10:15: unterminated expression: "${{" without a matching "}}"'])
  })

  it('reports every refused expression, not just the first', () => {
    expect(refusal("echo '${{ a.b }}' ${{ params.ok }} '${{ c.d }}'")).toHaveLength(2)
  })

  it('refuses any expression in the run of a shell that is not POSIX', () => {
    for (const shell of ['python', 'node', 'pwsh', parseShell('perl {0}')] as const) {
      const problems = refusal('print("${{ params.x }}")', shell)
      expect(problems).toHaveLength(1)
      expect(problems[0]).toMatch(/^spec\.yml:10:17: .*is not a POSIX shell.*env:/)
    }
    expect(rewriteRunScript('print(1)', 'python', where)).toEqual({ script: 'print(1)', expressions: [] })
  })
})

describe('parseShell', () => {
  it('tells POSIX shells from others', () => {
    expect(parseShell(undefined)).toBe('bash')
    expect(parseShell('sh')).toBe('sh')
    expect(parseShell('bash -e {0}')).toEqual({ template: 'bash -e {0}', posix: true })
    expect(parseShell('/bin/sh -eu {0}')).toEqual({ template: '/bin/sh -eu {0}', posix: true })
    expect(parseShell('bashful {0}')).toEqual({ template: 'bashful {0}', posix: false })
    expect(parseShell('python3 {0}')).toEqual({ template: 'python3 {0}', posix: false })
    expect(isPosixShell('node')).toBe(false)
    expect(isPosixShell(parseShell('bash {0}'))).toBe(true)
  })
})

describe('a value never becomes shell text', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'retrain-injection-'))
  const canary = path.join(dir, 'canary')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  /**
   * Run texts and how their output encodes the value: each must show the value as exactly one
   * argument. Command substitution drops trailing newlines, hence the '.' after the value there.
   */
  const cases: { run: string; output: (v: string) => string; shells: string[] }[] = [
    { run: "printf '%s\\0' ${{ params.x }}", output: v => `${v}\0`, shells: ['bash', 'sh'] },
    { run: 'printf \'%s\\0\' "pre ${{ params.x }} post"', output: v => `pre ${v} post\0`, shells: ['bash', 'sh'] },
    { run: "printf '%s\\0' a${{ params.x }}b", output: v => `a${v}b\0`, shells: ['bash'] },
    {
      run: "printf '%s\\0' \"$(printf '%s.' ${{ params.x }})\"",
      output: v => `${v}.\0`,
      shells: ['bash', 'sh']
    },
    {
      run: "printf '%s\\0' \"`printf '%s.' ${{ params.x }}`\"",
      output: v => `${v}.\0`,
      shells: ['bash']
    },
    { run: 'cat <<EOF\n${{ params.x }}\nEOF', output: v => `${v}\n`, shells: ['bash', 'sh'] },
    {
      run: 'set -- ${{ params.x }} # ${{ params.x }} \'\nprintf \'%s\\0\' "$#" "$1"',
      output: v => `1\0${v}\0`,
      shells: ['bash']
    }
  ]

  const scripts = cases.map((c, i) => {
    const { script, expressions } = rewriteRunScript(c.run, 'bash', where)
    expect(expressions.map(e => e.name)).toEqual(['RETRAIN_E1'])
    const file = path.join(dir, `case-${i}.sh`)
    writeFileSync(file, script)
    return { ...c, file }
  })

  const payloads = [
    `$(touch ${canary})`,
    `\`touch ${canary}\``,
    `"; touch ${canary}; "`,
    `'; touch ${canary}; '`,
    `\n touch ${canary}\n`,
    `$((0))\${IFS}*`,
    '* ? [a] ~ {a,b} $HOME \\ \\n',
    'EOF\n$(touch canary)\nEOF'
  ]
  // Environment values are well-formed text without NUL: that is what a step can be given.
  const tricky = fc.string({ unit: fc.constantFrom(...[...' \t\n*?[]{}~$`\'"\\;&|()<>#!=%é😀']) })
  const value = fc
    .tuple(fc.oneof(tricky, fc.string({ unit: 'grapheme' })), fc.constantFrom('', ...payloads), fc.oneof(tricky, fc.string()))
    .map(([a, b, c]) => `${a}${b}${c}`.replace(/\0/g, ''))

  it('passes arbitrary values as exactly one argument, and runs none of them', () => {
    fc.assert(
      fc.property(value, v => {
        for (const c of scripts) {
          for (const shell of c.shells) {
            const args = shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', c.file] : ['-e', c.file]
            const result = spawnSync(shell, args, {
              cwd: dir,
              env: { PATH: process.env.PATH, RETRAIN_E1: v },
              encoding: 'utf8'
            })
            expect(result.status, `${shell} ${c.run}: ${result.stderr}`).toBe(0)
            expect(result.stdout, `${shell} ${c.run}`).toBe(c.output(v))
          }
        }
        expect(existsSync(canary)).toBe(false)
      }),
      { numRuns: 100 }
    )
  })
})
