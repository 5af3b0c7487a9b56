import { it } from 'vitest'
import { InputError, formatProblem } from '../../src/errors.js'
import { rewriteRunScript } from '../../src/spec/shell.js'
const PARAMS: any = { s: { type: 'string' }, t: { type: 'string' }, m: { type: 'string', enum: ['a', 'b'] }, n: { type: 'integer' } }
const where = { file: 'spec.yml', line: 10, col: 10 }
it('probe', () => {
  for (const run of (process.env.PROBE ?? '').split('\n').filter(Boolean)) {
    try {
      const r = rewriteRunScript(run, 'bash', where, 1, undefined, PARAMS)
      console.log('ACCEPT', JSON.stringify(run), JSON.stringify(r.optionChecks?.map(c => [c.name, c.program, c.leads, c.tokens, c.col])))
    } catch (e) {
      if (e instanceof InputError) console.log('REFUSE', JSON.stringify(run), e.problems.map(formatProblem).join(' | ').slice(0, 200))
      else throw e
    }
  }
})
