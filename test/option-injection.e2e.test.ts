/**
 * Option injection through the built CLI and the built action: a param value that starts with `-`
 * where git or tar parse options (`git fetch --upload-pack=CMD`, `tar --to-command=CMD`) runs a
 * command even though it reaches them as one quoted word (without the check, these specs run it). The spec validates (real values are safe there); the
 * hostile value is refused before the step starts, exit 2, naming the expression at its
 * file:line:col and the fix, and no canary appears. A safe value runs. A value written as the
 * argument of an option that runs commands is refused when the spec is validated.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Outputs } from '../src/github/constants.js'
import { runAction } from './github/harness.js'
import { makeProject, readJson, retrain } from './helpers/project.js'

const STEP_RAN = 'ran.txt'
const PWNED = 'pwned.txt'

function spec(run: string): string {
  const script = run
    .split('\n')
    .map(line => `      ${line}`)
    .join('\n')
  return `model: toy
root: .
params:
  delta: { type: number, default: 1 }
  remote: { type: string, default: origin }
  member: { type: string, default: notes.txt }
data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Fetch and train
    run: |
${script}
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

const FETCH = `git -C work fetch -q \${{ params.remote }}
tar -xf data.tar \${{ params.member }}
touch ${STEP_RAN}
node train.mjs`

/** A toy project with a clone of a local bare repository and a local tar file: nothing reaches the network. */
async function project(text: string): Promise<string> {
  const cwd = await makeProject('test/fixtures/toy', text)
  const git = (...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe' })
  git('init', '-q', '--bare', 'upstream.git')
  git('clone', '-q', 'upstream.git', 'work')
  await writeFile(path.join(cwd, 'notes.txt'), 'notes\n')
  execFileSync('tar', ['-cf', 'data.tar', 'notes.txt'], { cwd })
  return cwd
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function position(text: string, needle: string): string {
  const offset = text.indexOf(needle)
  const before = text.slice(0, offset).split('\n')
  return `${before.length}:${before[before.length - 1]!.length + 1}`
}

function nothingRan(cwd: string): void {
  expect(existsSync(path.join(cwd, PWNED)), 'the hostile value ran a command').toBe(false)
  expect(existsSync(path.join(cwd, STEP_RAN)), 'the step ran').toBe(false)
  expect(existsSync(path.join(cwd, '.retrain/registry')), 'the registry was written').toBe(false)
}

describe('a param value a program would read as an option is refused before the step starts', () => {
  it('the spec validates: git fetch and tar with a param as an operand', async () => {
    const text = spec(FETCH)
    const cwd = await project(text)
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(0)
  })

  it('git fetch with remote=--upload-pack=CMD: exit 2 at the expression, the step never starts, no canary', async () => {
    const text = spec(FETCH)
    const cwd = await project(text)
    const hostile = `--upload-pack=touch ${path.join(cwd, PWNED)};:`
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', `remote=${hostile}`])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain(`retrain.yml:${position(text, '${{ params.remote }}')}: \${{ params.remote }} is "--upload-pack=touch`)
    expect(res.stderr).toContain('which starts with "-": git would read it as an option')
    expect(res.stderr).toContain('put "--" before the operands')
    nothingRan(cwd)
  })

  it('tar with member=--to-command=CMD: exit 2, tar never runs, no canary', async () => {
    const text = spec(FETCH)
    const cwd = await project(text)
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', `member=--to-command=touch ${path.join(cwd, PWNED)}`])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain(`retrain.yml:${position(text, '${{ params.member }}')}: \${{ params.member }} is "--to-command=touch`)
    expect(res.stderr).toContain('tar would read it as an option')
    nothingRan(cwd)
  })

  it('a hostile value for a later step stops the run before the first step starts', async () => {
    const text = spec(FETCH).replace('steps:\n', 'steps:\n  - name: Prepare\n    run: touch first.txt\n')
    const cwd = await project(text)
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', `remote=--upload-pack=touch ${path.join(cwd, PWNED)};:`])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain(`retrain.yml:${position(text, '${{ params.remote }}')}: \${{ params.remote }} is "--upload-pack=touch`)
    expect(existsSync(path.join(cwd, 'first.txt')), 'the first step ran').toBe(false)
    nothingRan(cwd)
  })

  it('the value reaching git through a variable is checked too', async () => {
    const text = spec(`r=\${{ params.remote }}\ngit -C work fetch -q "$r"\ntouch ${STEP_RAN}\nnode train.mjs`)
    const cwd = await project(text)
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', `remote=--upload-pack=touch ${path.join(cwd, PWNED)};:`])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain('git would read it as an option')
    nothingRan(cwd)
  })

  it('safe values run: git fetches from the local repository, tar extracts, the candidate is promoted', async () => {
    const cwd = await project(spec(FETCH))
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', 'remote=origin', '--param', 'member=notes.txt'])
    expect(res.code, res.stderr).toBe(0)
    expect(existsSync(path.join(cwd, STEP_RAN))).toBe(true)
    expect((await readJson(path.join(cwd, 'out/result.json'))).decision).toBe('promoted')
  })

  it('after "--" the same hostile value is an operand: git takes it for a repository and fails, running nothing', async () => {
    const cwd = await project(spec(`git -C work fetch -q -- \${{ params.remote }} || touch failed.txt\ntouch ${STEP_RAN}\nnode train.mjs`))
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', `remote=--upload-pack=touch ${path.join(cwd, PWNED)};:`])
    expect(res.code, res.stderr).toBe(0)
    expect(existsSync(path.join(cwd, 'failed.txt')), 'git refused the repository').toBe(true)
    expect(existsSync(path.join(cwd, PWNED)), 'the hostile value ran a command').toBe(false)
  })

  it('the argument of an option that runs commands is refused by validate, at its position', async () => {
    const text = spec(`git -C work fetch --upload-pack=\${{ params.remote }} origin\nnode train.mjs`)
    const cwd = await project(text)
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain(
      `retrain.yml:${position(text, '${{ params.remote }}')}: \${{ params.remote }}: this word is the argument of an option that runs a command`
    )
  })

  it('the action: a workflow_dispatch input --upload-pack=CMD fails the run naming the expression; nothing runs', async () => {
    const cwd = await project(spec(FETCH))
    const res = await runAction(cwd, {
      inputs: { spec: 'retrain.yml' },
      event: { name: 'workflow_dispatch', payload: { inputs: { remote: `--upload-pack=touch ${path.join(cwd, PWNED)};:` } } }
    })
    expect(res.code).toBe(1)
    expect(res.log).toMatch(/::error file=retrain\.yml,line=\d+,col=\d+::.*\$\{\{ params\.remote \}\} is "--upload-pack=touch .*git would read it as an option/)
    expect(res.outputs[Outputs.decision]).toBeUndefined()
    nothingRan(cwd)
  })
})
