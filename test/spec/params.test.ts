import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { parseSpec } from '../../src/spec/load.js'
import { paramEnvName, parseParamAssignments, resolveParams } from '../../src/spec/params.js'

const spec = parseSpec(
  `model: m
params:
  epochs: { type: integer, default: 20, minimum: 1, maximum: 1000 }
  lr: { type: number, default: 0.01, minimum: 0 }
  full: { type: boolean, default: false }
  optimizer: { type: string, enum: [sgd, adam], default: adam }
  note: { type: string, default: "" }
  batch: { type: integer, enum: [16, 32], default: 16 }
steps: [{ run: train }]
evaluate: { run: evaluate, data: eval }
data: { eval: eval.csv }
metrics: { rmse: { goal: minimize, max: 1 } }
promotion: { mode: auto, first-model: promote }
`,
  'spec.yml',
  { cwd: '/repo' }
)

const defaults = { epochs: 20, lr: 0.01, full: false, optimizer: 'adam', note: '', batch: 16 }

function problems(overrides: Record<string, unknown>, options?: { ignoreUnknown?: boolean }): string[] {
  try {
    resolveParams(spec, overrides, '--param', options)
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(p => p.message)
    throw error
  }
  throw new Error('the params were accepted')
}

describe('resolveParams', () => {
  it('takes the defaults when nothing is given', () => {
    expect(resolveParams(spec, {}, '--param')).toEqual(defaults)
  })

  it.each([
    ['epochs', '12', 12],
    ['lr', '0.5', 0.5],
    ['lr', '1e-3', 0.001],
    ['lr', '2E2', 200],
    ['lr', '.5', 0.5],
    ['lr', '3', 3],
    ['full', 'true', true],
    ['full', 'FALSE', false],
    ['full', 'True', true],
    ['optimizer', 'sgd', 'sgd'],
    ['note', '', ''],
    ['note', ' a=b "c" ', ' a=b "c" '],
    ['batch', '32', 32]
  ] as const)('coerces %s=%j to %j', (name, text, value) => {
    expect(resolveParams(spec, { [name]: text }, '--param')[name]).toBe(value)
  })

  it.each([
    ['epochs', '1.5', 'an integer from 1 to 1000'],
    ['epochs', '12abc', 'an integer from 1 to 1000'],
    ['epochs', '', 'an integer from 1 to 1000'],
    ['epochs', ' 12', 'an integer from 1 to 1000'],
    ['epochs', '1e3', 'an integer from 1 to 1000'],
    ['epochs', '0', 'an integer from 1 to 1000'],
    ['epochs', '-0', 'an integer from 1 to 1000'],
    ['epochs', '1001', 'an integer from 1 to 1000'],
    ['epochs', '99999999999999999999', 'an integer from 1 to 1000'],
    ['lr', 'NaN', 'a number >= 0'],
    ['lr', 'Infinity', 'a number >= 0'],
    ['lr', '-Infinity', 'a number >= 0'],
    ['lr', '0x10', 'a number >= 0'],
    ['lr', '1,5', 'a number >= 0'],
    ['lr', '', 'a number >= 0'],
    ['lr', '-1', 'a number >= 0'],
    ['full', 'yes', 'true or false'],
    ['full', '1', 'true or false'],
    ['full', '', 'true or false'],
    ['optimizer', 'adagrad', 'one of sgd, adam'],
    ['optimizer', 'SGD', 'one of sgd, adam'],
    ['batch', '24', 'one of 16, 32']
  ])('refuses %s=%j, saying it must be %s', (name, text, expected) => {
    expect(problems({ [name]: text })).toEqual([`param "${name}" from --param must be ${expected} (got ${JSON.stringify(text)})`])
  })

  it('accepts typed JSON values and checks them the same way', () => {
    expect(resolveParams(spec, { epochs: 7, lr: 0.2, full: true, note: 5, optimizer: null }, 'client_payload')).toEqual({
      ...defaults,
      epochs: 7,
      lr: 0.2,
      full: true,
      note: '5'
    })
    expect(problems({ epochs: 1.5, full: 'maybe', lr: [1], note: { a: 1 } }).map(p => p.replace(/ \(got .*/, ''))).toEqual([
      'param "epochs" from --param must be an integer from 1 to 1000',
      'param "lr" from --param must be a number >= 0',
      'param "full" from --param must be true or false',
      'param "note" from --param must be a string'
    ])
  })

  it('refuses unknown params, naming the closest, unless told to ignore them', () => {
    expect(problems({ epoch: '3' })).toEqual([
      'unknown param "epoch" from --param; did you mean "epochs"? (the spec declares epochs, lr, full, optimizer, note, batch)'
    ])
    expect(problems({ zzz: '3' })[0]).toBe('unknown param "zzz" from --param (the spec declares epochs, lr, full, optimizer, note, batch)')
    expect(resolveParams(spec, { zzz: '3' }, 'workflow_dispatch input', { ignoreUnknown: true })).toEqual(defaults)
  })

  it('requires a param without a default, naming the source', () => {
    const strict = { ...spec, params: { ...spec.params, dataset: { type: 'string' as const } } }
    expect(() => resolveParams(strict, {}, 'workflow_dispatch input')).toThrow(
      'param "dataset" is required: it has no default and workflow_dispatch input did not give it (expected a string)'
    )
    expect(resolveParams(strict, { dataset: 'cars' }, 'workflow_dispatch input').dataset).toBe('cars')
  })

  it('reports every problem at once', () => {
    expect(problems({ epochs: 'x', full: 'x', nope: '1' })).toHaveLength(3)
  })

  it('round-trips any integer in range from its text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), n => {
        expect(resolveParams(spec, { epochs: String(n) }, '--param').epochs).toBe(n)
      })
    )
  })

  it('round-trips any finite non-negative number from its text', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }), x => {
        expect(resolveParams(spec, { lr: String(x) }, '--param').lr).toBe(x === 0 ? 0 : x)
      })
    )
  })

  it('refuses any text that is not an integer', () => {
    fc.assert(
      fc.property(
        fc.string().filter(s => !/^-?\d+$/.test(s)),
        s => {
          expect(() => resolveParams(spec, { epochs: s }, '--param')).toThrow(InputError)
        }
      )
    )
  })
})

describe('parseParamAssignments', () => {
  it('splits at the first =', () => {
    expect(parseParamAssignments(['epochs=3', 'query=a=b', 'empty='])).toEqual({
      epochs: '3',
      query: 'a=b',
      empty: ''
    })
  })

  it('names every argument that is not name=value', () => {
    try {
      parseParamAssignments(['epochs', 'ok=1', '=3'])
      expect.unreachable()
    } catch (error) {
      expect((error as InputError).problems.map(p => p.message)).toEqual([
        '--param "epochs" must be name=value (for example --param epochs=20)',
        '--param "=3" must be name=value (for example --param epochs=20)'
      ])
    }
  })
})

describe('paramEnvName', () => {
  it('upper-cases the name and turns other characters into _', () => {
    expect(paramEnvName('learning-rate')).toBe('RETRAIN_PARAM_LEARNING_RATE')
    expect(paramEnvName('epochs')).toBe('RETRAIN_PARAM_EPOCHS')
    expect(paramEnvName('_x9')).toBe('RETRAIN_PARAM__X9')
  })

  it('is why the loader refuses params that differ only in - and _ or case', () => {
    expect(() =>
      parseSpec(
        `model: m
params:
  a-b: { type: string, default: x }
  A_b: { type: string, default: y }
steps: [{ run: train }]
evaluate: { run: evaluate, data: eval }
data: { eval: eval.csv }
metrics: { rmse: { goal: minimize, max: 1 } }
promotion: { mode: auto, first-model: promote }
`,
        'spec.yml',
        { cwd: '/repo' }
      )
    ).toThrow('spec.yml:4:3: params "a-b" and "A_b" would share the environment variable RETRAIN_PARAM_A_B; rename one')
  })
})
