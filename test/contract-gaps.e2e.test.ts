/**
 * Gaps in the contract that users meet, each through the built CLI: a silent step says it is still
 * running; a clear regression under a confidence rule is called one.
 */
import { describe, expect, it } from 'vitest'
import { makeProject, retrain } from './helpers/project.js'

function spec(train: string): string {
  return `model: toy
root: .
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train quietly
    run: |
      ${train}
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: 0
promotion:
  mode: auto
  first-model: promote
`
}

describe('a step that prints nothing', () => {
  it('is said to be still running, with the time elapsed, in the console', async () => {
    const project = await makeProject('test/fixtures/toy', spec('sleep 1.5\n      node train.mjs'))
    const res = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out'], { RETRAIN_HEARTBEAT_SECONDS: '0.3' })
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).toMatch(/Step Train quietly: still running, \d+\.\ds elapsed, no output for \d+\.\ds/)
  })
})
