/**
 * The run-time half of the option-injection rule: the checks the loader writes into a step's
 * expression variables, and the refusal of a value a program would read as an option.
 */
import { describe, expect, it } from 'vitest'
import { InputError, formatProblem } from '../../src/errors.js'
import { parseSpec } from '../../src/spec/load.js'
import {
  checkOptionValues,
  OPTION_CHECKS_VARIABLE,
  optionChecksExpression,
  optionLike,
  optionValueProblems,
  type OptionCheck
} from '../../src/spec/option-values.js'
import { evaluateTemplate } from '../../src/spec/expressions.js'

const check: OptionCheck = { name: 'RETRAIN_E1', expression: 'params.repo', program: 'git', leads: '-', tokens: false, file: 'retrain.yml', line: 9, col: 23 }

/** The environment a step gets: the carrier evaluated the way the engine evaluates every expression variable. */
function envWith(checks: OptionCheck[], values: Record<string, string>): Record<string, string> {
  return { ...values, [OPTION_CHECKS_VARIABLE]: evaluateTemplate(`\${{ ${optionChecksExpression(checks)} }}`, {}) }
}

describe('what a program would read as an option', () => {
  it.each([
    ['--upload-pack=x', '-', false, '--upload-pack=x'],
    ['-', '-', false, '-'],
    ['repo.git', '-', false, undefined],
    [' --x', '-', false, undefined],
    ['a -b', '-', false, undefined],
    ['', '-', false, undefined],
    ['+cmd', '-+', false, '+cmd'],
    ['@args', '-@', false, '@args'],
    ['a --upload-pack=x', '-', true, '--upload-pack=x'],
    [' \t--x', '-', true, '--x'],
    ['a b\nc', '-', true, undefined]
  ])('%j (leads %j, split %j) -> %j', (value, leads, tokens, expected) => {
    expect(optionLike(value, leads, tokens)).toBe(expected)
  })
})

describe('checkOptionValues', () => {
  it('removes the carrier and passes safe values', () => {
    const env = checkOptionValues(envWith([check], { RETRAIN_E1: 'repo.git', PATH: '/bin' }))
    expect(env).toEqual({ RETRAIN_E1: 'repo.git', PATH: '/bin' })
  })

  it('refuses a value starting with -, at the expression, naming the program and the fix', () => {
    let error: unknown
    try {
      checkOptionValues(envWith([check], { RETRAIN_E1: '--upload-pack=touch /tmp/x' }))
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).exitCode).toBe(2)
    const [message] = (error as InputError).problems.map(formatProblem)
    expect(message).toBe(
      'retrain.yml:9:23: ${{ params.repo }} is "--upload-pack=touch /tmp/x", which starts with "-": git would read it as an option ' +
        '(options such as --upload-pack, --to-command or -exec run commands), so the step was not started. If the value is meant as ' +
        'an operand, put "--" before the operands (git ... -- "${{ ... }}") or give it a prefix that is not an option (./), or declare ' +
        'the param with an enum'
    )
  })

  it('a split value is refused for any part, and says which', () => {
    expect(() => checkOptionValues(envWith([{ ...check, tokens: true }], { RETRAIN_E1: 'repo.git --upload-pack=x' }))).toThrow(
      /holds "--upload-pack=x", which starts with "-"/
    )
  })

  it('an environment without the carrier is unchanged; a carrier from outside is ignored', () => {
    const env = { RETRAIN_E1: '--x' }
    expect(checkOptionValues(env)).toBe(env)
    expect(checkOptionValues({ ...env, [OPTION_CHECKS_VARIABLE]: 'not base64 json' })).toEqual(env)
  })
})

describe('the loader carries the checks of a step in its expression variables', () => {
  const spec = (run: string) => `model: m
params:
  repo: { type: string, default: upstream.git }
  target: { type: string, enum: [train, eval], default: train }
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

  it('git clone with a param operand: one check, at the expression', () => {
    const loaded = parseSpec(spec('git clone ${{ params.repo }} dir'), 'retrain.yml', { cwd: '/tmp' })
    const step = loaded.steps[0]!
    expect(step.expressionEnv.map(e => e.name)).toEqual(['RETRAIN_E1', OPTION_CHECKS_VARIABLE])
    const carrier = step.expressionEnv[1]!
    const env = { RETRAIN_E1: '--upload-pack=x', [OPTION_CHECKS_VARIABLE]: evaluateTemplate(`\${{ ${carrier.expression} }}`, {}) }
    expect(() => checkOptionValues(env)).toThrow(/^retrain\.yml:8:20: \$\{\{ params\.repo \}\} is "--upload-pack=x"/)
  })

  it('every step can be checked when the run starts, from the params alone', () => {
    const loaded = parseSpec(spec('git clone ${{ params.repo }} dir'), 'retrain.yml', { cwd: '/tmp' })
    const evaluate = (repo: string) => (expression: string) => evaluateTemplate(`\${{ ${expression} }}`, { params: { repo, target: 'train' } })
    expect(optionValueProblems(loaded.steps[0]!.expressionEnv, evaluate('./upstream.git'))).toEqual([])
    const problems = optionValueProblems(loaded.steps[0]!.expressionEnv, evaluate('--upload-pack=x')).map(formatProblem)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^retrain\.yml:8:20: \$\{\{ params\.repo \}\} is "--upload-pack=x", which starts with "-": git would read it/)
  })

  it('no carrier where nothing is checked: after --, an enum, a script argument', () => {
    for (const run of ['git clone -- ${{ params.repo }} dir', 'git clone ${{ params.target }} dir', 'node train.mjs ${{ params.repo }}']) {
      const loaded = parseSpec(spec(run), 'retrain.yml', { cwd: '/tmp' })
      expect(loaded.steps[0]!.expressionEnv.map(e => e.name)).toEqual(['RETRAIN_E1'])
    }
  })
})
