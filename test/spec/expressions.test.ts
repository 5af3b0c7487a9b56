import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { SPEC_CONTEXTS, checkExpression, evaluateExpression, evaluateTemplate, scanTemplate } from '../../src/spec/expressions.js'

const contexts = {
  params: { epochs: 20, lr: 0.01, full: false, name: "it's" },
  data: { eval: { paths: ['a.csv', 'b.csv'] } },
  baseline: { version: 3, metrics: { rmse: 2.5 } },
  candidate: { metrics: { rmse: 2.25 } }
}
const where = { file: 'spec.yml', line: 4, col: 7 }

describe('evaluateExpression', () => {
  it.each([
    ['params.epochs', '20'],
    ['params.lr', '0.01'],
    ['params.full', 'false'],
    ['PARAMS.Epochs', '20'],
    ["params['lr']", '0.01'],
    ['params.missing', ''],
    ['steps.train.outputs.x', ''],
    ['baseline.metrics.rmse > candidate.metrics.rmse', 'true'],
    ["format('{0}-{1}', params.epochs, baseline.version)", '20-3'],
    ["join(data.eval.paths, ',')", 'a.csv,b.csv'],
    ["contains(data.eval.paths, 'b.csv')", 'true'],
    ["startsWith(params.name, 'it')", 'true'],
    ['fromJSON(\'{"a":[1,2]}\').a[1]', '2'],
    ["case(params.full, 'all', 'some')", 'some'],
    ['toJSON(baseline.metrics)', '{\n  "rmse": 2.5\n}']
  ])('%s => %j', (expression, value) => {
    expect(evaluateExpression(expression, contexts)).toBe(value)
  })

  it('throws an InputError at the given place when evaluation fails', () => {
    expect(() => evaluateExpression("fromJSON('nope')", contexts, where)).toThrow(/^spec\.yml:4:7: could not evaluate \$\{\{ fromJSON\('nope'\) \}\}: /)
    expect(() => evaluateExpression('inputs.x', contexts, where)).toThrow(InputError)
  })
})

describe('evaluateTemplate', () => {
  it('replaces every span, respecting string literals', () => {
    expect(evaluateTemplate("e${{ params.epochs }}-${{ format('{0}{1}', '}}', params.name) }}!", contexts)).toBe("e20-}}it's!")
    expect(evaluateTemplate("${{ 'a''}}b' }}", contexts)).toBe("a'}}b")
    expect(evaluateTemplate('no expressions', contexts)).toBe('no expressions')
  })

  it('refuses an unterminated span', () => {
    expect(() => evaluateTemplate('x ${{ params.epochs', contexts, where)).toThrow('spec.yml:4:7: unterminated expression: "${{" without a matching "}}"')
  })
})

describe('scanTemplate', () => {
  it('finds spans and the start of an unterminated one', () => {
    expect(scanTemplate("a ${{ x }} ${{ 'y }}' }} ${{ z")).toEqual({
      spans: [
        { start: 2, end: 10, expression: 'x' },
        { start: 11, end: 24, expression: "'y }}'" }
      ],
      unterminated: 25
    })
  })
})

describe('checkExpression', () => {
  const params = ['epochs', 'lr']

  it('accepts expressions over the spec contexts', () => {
    for (const e of ['params.epochs', "format('{0}', github.sha)", 'steps.train.outputs.x', 'env.HOME', 'candidate.metrics.rmse']) {
      expect(checkExpression(e, SPEC_CONTEXTS, params)).toBeNull()
    }
  })

  it('refuses the inputs context, pointing to params', () => {
    expect(checkExpression('inputs.epochs', SPEC_CONTEXTS, params)).toMatch(/inputs context is not available.*params/)
  })

  it('refuses syntax errors, unknown functions and arithmetic', () => {
    expect(checkExpression('params.epochs * 2', SPEC_CONTEXTS)).toMatch(/^invalid expression/)
    expect(checkExpression("hashFiles('x')", SPEC_CONTEXTS)).toMatch(/Unrecognized function/)
    expect(checkExpression('', SPEC_CONTEXTS)).toBe('empty expression ${{ }}')
  })

  it('refuses params the spec does not declare', () => {
    expect(checkExpression("format('{0}', params.Epoch)", SPEC_CONTEXTS, params)).toMatch(
      /refers to params\.Epoch, which is not declared; did you mean params\.epochs\?/
    )
    expect(checkExpression('params.EPOCHS', SPEC_CONTEXTS, params)).toBeNull()
    expect(checkExpression('params.x', SPEC_CONTEXTS, [])).toMatch(/the spec declares no params/)
  })
})
