/**
 * Hostile and broken input through the built CLI and the built action: NUL bytes and oversized
 * params on every input path, YAML bombs, bad aliases and invalid UTF-8, huge metrics files, model
 * names that are paths, and steps reaching for the action's own file commands. Each is refused before
 * anything runs (a canary file a step would create stays absent), with what and where; or, where it
 * is data, it gives a result.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Outputs } from '../src/github/constants.js'
import { runAction, runnerCommands } from './github/harness.js'
import { makeProject, readJson, retrain } from './helpers/project.js'

const CANARY = 'ran.txt'

function spec(extra: { params?: string; evaluate?: string; step?: string } = {}): string {
  return `model: toy
root: .
params:
  delta: { type: number, default: 1 }
  note: { type: string, default: "" }
${extra.params ?? ''}data:
  train: data/train.csv
  eval: data/eval.csv
steps:
  - name: Train
    run: ${extra.step ?? `touch ${CANARY} && env > step-env.txt && node train.mjs`}
evaluate:
  run: ${extra.evaluate ?? 'node evaluate.mjs'}
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

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function position(text: string, needle: string): string {
  const offset = text.indexOf(needle)
  expect(offset, `${needle} in the spec`).toBeGreaterThanOrEqual(0)
  const before = text.slice(0, offset).split('\n')
  return `${before.length}:${before[before.length - 1]!.length + 1}`
}

async function project(text = spec()): Promise<string> {
  return makeProject('test/fixtures/toy', text)
}

function nothingRan(cwd: string): void {
  expect(existsSync(path.join(cwd, CANARY)), 'a step ran').toBe(false)
  expect(existsSync(path.join(cwd, '.retrain/registry')), 'the registry was written').toBe(false)
}

describe('NUL bytes and oversized params are refused before anything runs', () => {
  it('a spec default holding a NUL byte: validate and run refuse it at its position, exit 2', async () => {
    const text = spec({ params: '  tag: { type: string, default: "a\\0b" }\n' })
    const cwd = await project(text)
    const where = `retrain.yml:${position(text, '"a\\0b"')}`
    const validate = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(validate.code, validate.stderr).toBe(2)
    expect(validate.stderr).toContain(`${where}: params.tag.default contains a NUL byte`)
    const run = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(run.code, run.stderr).toBe(2)
    expect(run.stderr).toContain(`${where}: params.tag.default contains a NUL byte`)
    expect(run.stderr).not.toMatch(/null bytes|at .*\.js:\d+/)
    nothingRan(cwd)
  })

  it('an enum value or an env value holding a NUL byte is a spec error too', async () => {
    const text = spec({ params: '  mode: { type: string, enum: [fast, "sl\\0w"], default: fast }\n' }).replace(
      'evaluate:\n',
      'env:\n  LABEL: "x\\u0000"\nevaluate:\n'
    )
    const cwd = await project(text)
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toContain(`retrain.yml:${position(text, '"sl\\0w"')}: params.mode.enum[1] contains a NUL byte`)
  })

  it('a --param over 32 KiB is refused with its name and the limit, exit 2, before any step', async () => {
    const cwd = await project()
    const big = 'x'.repeat(40 * 1024)
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', `note=${big}`])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toMatch(/param "note" from --param is 40 KiB \(40960 bytes\), over the limit of 32 KiB \(32768 bytes\)/)
    // The message shows the start of the value, not all of it.
    expect(res.stderr.length).toBeLessThan(2000)
    nothingRan(cwd)
  })

  it('a spec whose defaults together exceed the limit of RETRAIN_PARAMS is refused by validate', async () => {
    const value = 'y'.repeat(30 * 1024)
    const params = ['a', 'b', 'c'].map(n => `  ${n}: { type: string, default: "${value}" }\n`).join('')
    const text = spec({ params })
    const cwd = await project(text)
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(2)
    expect(res.stderr).toMatch(/retrain\.yml:3:1: the defaults of the params together are .* over the limit of 64 KiB/)
  })

  it('the action: a workflow_dispatch input with a NUL byte fails the step naming the input; nothing runs', async () => {
    const cwd = await project()
    const res = await runAction(cwd, {
      inputs: { spec: 'retrain.yml' },
      event: { name: 'workflow_dispatch', payload: { inputs: { delta: '2', note: 'x\u0000y' } } }
    })
    expect(res.code).toBe(1)
    expect(res.log).toMatch(/::error::param "note" from workflow_dispatch inputs contains a NUL byte \(\\0\) at character 2/)
    expect(res.outputs[Outputs.decision]).toBeUndefined()
    nothingRan(cwd)
  })

  it('the action: a repository_dispatch param of 200 KB fails naming it and the limit, not with E2BIG; nothing runs', async () => {
    const cwd = await project()
    const res = await runAction(cwd, {
      inputs: { spec: 'retrain.yml' },
      event: { name: 'repository_dispatch', payload: { action: 'retrain', client_payload: { note: 'z'.repeat(200 * 1024) } } }
    })
    expect(res.code).toBe(1)
    expect(res.log).toMatch(/::error::param "note" from repository_dispatch client_payload is 200 KiB \(204800 bytes\), over the limit of 32 KiB/)
    expect(res.log).not.toMatch(/E2BIG/)
    nothingRan(cwd)
  })

  it('the action: a repository_dispatch NUL byte, and one in the params input, are refused the same way', async () => {
    const cwd = await project()
    const dispatch = await runAction(cwd, {
      inputs: { spec: 'retrain.yml' },
      event: { name: 'repository_dispatch', payload: { client_payload: { params: { note: '\u0000' } } } }
    })
    expect(dispatch.code).toBe(1)
    expect(dispatch.log).toMatch(/::error::param "note" from repository_dispatch client_payload\.params contains a NUL byte/)
    const input = await runAction(cwd, { inputs: { spec: 'retrain.yml', params: '{"note": "a\\u0000b"}' } })
    expect(input.code).toBe(1)
    expect(input.log).toMatch(/::error::param "note" from the params input contains a NUL byte/)
    nothingRan(cwd)
  })
})

describe('YAML that would exhaust or crash the loader is a spec error at its position', () => {
  const header = 'model: toy\n'
  const cases: { name: string; text: string; at: (t: string) => string; message: RegExp }[] = [
    {
      name: 'a billion-laughs alias bomb',
      text:
        header +
        'a: &a [x, x, x, x, x, x, x, x, x]\n' +
        ['b', 'c', 'd', 'e', 'f', 'g'].map((n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]\n`).join(''),
      // The nodes before line 7 expand to about 74,000; the first *e on line 7 passes 100,000.
      at: t => position(t, '*e, *e'),
      message: /aliases expand the spec past 100000 nodes here/
    },
    { name: 'an undefined alias', text: header + 'steps: *nope\n', at: t => position(t, '*nope'), message: /alias \*nope refers to no anchor/ },
    {
      name: 'an alias inside its own anchor',
      text: header + 'steps: &s [*s]\n',
      at: t => position(t, '*s]'),
      message: /alias \*s refers to a node that contains it/
    },
    {
      name: 'nesting 100 levels deep',
      text: header + 'description: ' + '['.repeat(100) + ']'.repeat(100) + '\n',
      // The root mapping is level 1, the k-th '[' level k + 1: the 64th '[' (column 14 + 63) is too deep.
      at: () => `2:${14 + 63}`,
      message: /nests deeper than 64 levels here/
    },
    {
      name: 'nesting far past what the parser follows',
      text: header + 'description: ' + '['.repeat(50_000),
      at: () => '2:',
      message: /invalid YAML: the spec nests too deeply/
    }
  ]
  for (const c of cases) {
    it(c.name, async () => {
      const cwd = await project(c.text)
      const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
      expect(res.code, res.stderr).toBe(2)
      const first = res.stderr.split('\n')[0]!
      expect(first).toContain(`error: retrain.yml:${c.at(c.text)}`)
      expect(first).toMatch(c.message)
      expect(res.stderr).not.toMatch(/ReferenceError|RangeError|Maximum call stack|at .*\.js:\d+/)
    })
  }

  it('invalid UTF-8 is refused at the line and column of the first bad byte', async () => {
    const cwd = await project()
    const good = Buffer.from('model: toy\ndescription: "héllo ')
    await writeFile(path.join(cwd, 'retrain.yml'), Buffer.concat([good, Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]))
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(2)
    // Column in characters: `description: "héllo ` is 20 characters, so the bad byte is the 21st.
    expect(res.stderr).toMatch(/^error: retrain\.yml:2:21: the spec is not valid UTF-8 text: byte \d+ \(0xc3/)
  })

  it('the action: an alias bomb becomes an annotation on the spec at its line and column', async () => {
    const text =
      `${header}a: &a [x, x, x, x, x, x, x, x, x, x]\n` +
      ['b', 'c', 'd', 'e', 'f', 'g'].map((n, i) => `${n}: &${n} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]\n`).join('')
    const cwd = await project(text)
    const res = await runAction(cwd, { inputs: { spec: 'retrain.yml' } })
    expect(res.code).toBe(1)
    // The nodes through line 5 expand to about 12,000 and each *d on line 6 adds 11,111: one of them passes 100,000.
    const m = /::error file=retrain\.yml,line=(\d+),col=(\d+)::retrain\.yml:\1:\2: aliases expand the spec past 100000 nodes/.exec(res.log)
    expect(m, res.log).not.toBeNull()
    const lineText = text.split('\n')[Number(m![1]) - 1]!
    expect(lineText.slice(Number(m![2]) - 1, Number(m![2]) + 1)).toBe('*d')
  })
})

describe('metrics of any size give a result', () => {
  it('a metrics file with 200,000 keys: the run decides and the report stays readable', async () => {
    const cwd = await project(spec({ evaluate: 'node big-evaluate.mjs' }))
    await writeFile(
      path.join(cwd, 'big-evaluate.mjs'),
      `import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
const model = JSON.parse(readFileSync(path.join(process.env.RETRAIN_EVAL_MODEL_DIR, 'model.json'), 'utf8'))
const metrics = { score: model.w }
for (let i = 0; i < 200000; i++) metrics['extra_' + i] = i
writeFileSync(process.env.RETRAIN_METRICS_FILE, JSON.stringify(metrics))
`
    )
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(res.code, res.stderr).toBe(0)
    expect(res.stderr).not.toMatch(/call stack/)
    const result = await readJson(path.join(cwd, 'out/result.json'))
    expect(result.decision).toBe('promoted')
    expect(Object.keys(result.candidate.metrics)).toHaveLength(200_001)
    const report = await readFile(path.join(cwd, 'out/report.md'), 'utf8')
    expect(report).toContain('199950 more metrics that no rule judges are not shown; they are in result.json.')
    expect(report.length).toBeLessThan(50_000)
  })
})

describe('names, versions and paths from arguments and inputs are checked where they enter', () => {
  it('status --model ../outside is refused and reads nothing outside the registry', async () => {
    const cwd = await project()
    await mkdir(path.join(cwd, 'outside'), { recursive: true })
    await writeFile(path.join(cwd, 'outside/registry.json'), JSON.stringify({ champion: 1, versions: [], history: [], lastReserved: 1 }))
    await mkdir(path.join(cwd, 'R'))
    for (const model of ['../outside', 'a/b', '.hidden', '', 'x'.repeat(65)]) {
      const res = await retrain(cwd, ['status', '--model', model, '--registry', 'R'])
      expect(res.code, `${model}: ${res.stderr}`).toBe(2)
      expect(res.stderr).toContain(`--model ${JSON.stringify(model.slice(0, 80))}`)
      expect(res.stderr).toContain('a model name starts with a letter or digit')
      expect(res.stdout).toBe('')
    }
  })

  it('versions too large to store exactly, and empty paths, are usage errors', async () => {
    const cwd = await project()
    const promote = await retrain(cwd, ['promote', '--model', 'toy', '--candidate', '99999999999999999999', '--expect-champion', 'none'])
    expect(promote.code).toBe(2)
    expect(promote.stderr).toContain('--candidate must be a version number, got "99999999999999999999"')
    const out = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', ''])
    expect(out.code).toBe(2)
    expect(out.stderr).toContain('--out must not be empty')
    nothingRan(cwd)
  })

  it('the action: a spec or registry-dir input leaving the workspace, a bad version or branch, is refused', async () => {
    const cwd = await project()
    const cases: [Record<string, string>, RegExp][] = [
      [{ spec: '../outside.yml' }, /input "spec" must stay inside/],
      [{ spec: 'retrain.yml', 'registry-dir': '../../registry' }, /input "registry-dir" must stay inside/],
      [{ spec: 'retrain.yml', command: 'promote', candidate: '1e3', 'expect-champion': 'none' }, /input "candidate" must be a version number/],
      [{ spec: 'retrain.yml', command: 'approve', version: '12345678901234567890' }, /input "version" must be a version number/],
      [{ spec: 'retrain.yml', 'registry-branch': '../main' }, /input "registry-branch" is invalid/],
      [{ spec: 'retrain.yml', 'dispatch-workflow': '../x' }, /input "dispatch-workflow" is invalid/]
    ]
    for (const [inputs, message] of cases) {
      const res = await runAction(cwd, { inputs })
      expect(res.code, JSON.stringify(inputs)).toBe(1)
      expect(res.log).toMatch(message)
    }
    nothingRan(cwd)
  })
})

describe("the action's file commands are not handed to steps", () => {
  it('steps see no GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_PATH or GITHUB_STEP_SUMMARY; they get the params file', async () => {
    const step =
      `'for f in GITHUB_OUTPUT GITHUB_STATE GITHUB_ENV GITHUB_PATH GITHUB_STEP_SUMMARY; do eval "t=\\$$f"; if [ -n "$t" ]; then echo "decision=hijacked" >> "$t"; fi; done; ` +
      `cp "$RETRAIN_PARAMS_FILE" params-copy.json && echo "$RETRAIN_STEP_SUMMARY" > summary-path.txt && env > step-env.txt && node train.mjs'`
    const cwd = await project(spec({ step }))
    const runnerFiles = path.join(cwd, 'runner')
    await mkdir(runnerFiles)
    const files = Object.fromEntries(['GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_PATH'].map(n => [n, path.join(runnerFiles, n)]))
    for (const f of Object.values(files)) await writeFile(f, '')
    const res = await runAction(cwd, { inputs: { spec: 'retrain.yml', params: '{"delta": 2, "note": "hello"}' }, env: files })
    expect(res.code, res.log).toBe(0)
    expect(res.outputs[Outputs.decision]).toBe('promoted')
    expect(res.summary).not.toContain('hijacked')
    for (const f of Object.values(files)) expect(await readFile(f, 'utf8')).toBe('')
    const env = await readFile(path.join(cwd, 'step-env.txt'), 'utf8')
    expect(env).not.toMatch(/^GITHUB_(OUTPUT|STATE|ENV|PATH|STEP_SUMMARY)=/m)
    expect(env).toMatch(/^RETRAIN_PARAMS_FILE=.+\.retrain-params\.json$/m)
    expect(env).toMatch(/^RETRAIN_STEP_SUMMARY=.+\.retrain-step-summary\.md$/m)
    expect(await readJson(path.join(cwd, 'params-copy.json'))).toEqual({ delta: 2, note: 'hello' })
  })

  it('the CLI withholds them too (a run inside a workflow step)', async () => {
    const cwd = await project()
    const output = path.join(cwd, 'gh-output')
    await writeFile(output, '')
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'], { GITHUB_OUTPUT: output, GITHUB_ENV: output })
    expect(res.code, res.stderr).toBe(0)
    const env = await readFile(path.join(cwd, 'step-env.txt'), 'utf8')
    expect(env).not.toMatch(/^GITHUB_(OUTPUT|ENV)=/m)
    expect(env).toMatch(/^RETRAIN_PARAMS_FILE=/m)
  })

  it("the CLI inside a workflow step: a step's output is shown, never carried out as a workflow command", async () => {
    const hostile = ['::set-output name=decision::forged', 'progress 50%\r::add-mask::forged', '##[set-output name=promoted;]forged', '::stop-commands::forged']
    const cwd = await project(spec({ step: `'node train.mjs && node loud.mjs'` }))
    await writeFile(path.join(cwd, 'loud.mjs'), `process.stdout.write(${JSON.stringify(hostile.join('\n') + '\n')})\n`)
    const res = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'], { GITHUB_ACTIONS: 'true' })
    expect(res.code, res.stderr).toBe(0)
    for (const line of hostile) expect(res.stderr).toContain(line)
    const commands = runnerCommands(res.stderr)
    const tokens = commands.filter(c => c.name === 'stop-commands').map(c => c.value)
    for (const t of tokens) expect(t).toMatch(/^[0-9a-f]{32}$/)
    expect(commands.filter(c => !['stop-commands', ...tokens].includes(c.name))).toEqual([])
  })
  it('the CLI inside a workflow step: a step name from the spec and an error quoting the input are shown, never carried out', async () => {
    const forged = '##[set-output name=promoted;]forged'
    const cwd = await project(spec().replace('  - name: Train', `  - name: "Train ${forged}"`))
    const ran = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'], { GITHUB_ACTIONS: 'true' })
    expect(ran.code, ran.stderr).toBe(0)
    expect(ran.stderr).toContain(`Train ${forged}`)
    // An error that quotes the input: an unknown param named like a command.
    const bad = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out', '--param', '##[add-mask]forged=1'], { GITHUB_ACTIONS: 'true' })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('unknown param "##[add-mask]forged"')
    for (const res of [ran, bad]) {
      const commands = runnerCommands(res.stderr)
      const tokens = commands.filter(c => c.name === 'stop-commands').map(c => c.value)
      expect(tokens.length).toBeGreaterThan(0)
      expect(commands.filter(c => !['stop-commands', ...tokens].includes(c.name))).toEqual([])
    }
  })
})

describe("control characters from the data in the CLI's errors", () => {
  it('are shown as escapes: a column name with a hidden link (OSC 8) or a screen clear cannot act on the terminal; colours stay', async () => {
    const project = await makeProject('test/fixtures/toy', spec({ step: 'node -e "console.log(\'\\x1b[31mboom\\x1b[0m \\x1b[2J done\'); process.exit(3)"' }))
    const header = 'a\x1b]8;;http://example.invalid\x07b\x1b[2J,label'
    await writeFile(path.join(project, 'odd.csv'), `${header}\n1,yes\n2,no\n`)
    const env = { RETRAIN_DATA_TRAIN: path.join(project, 'odd.csv'), RETRAIN_MODEL_DIR: path.join(project, 'model'), RETRAIN_BUILTIN_OPTIONS: '{"label":"y"}' }
    const train = await retrain(project, ['train', 'lbfgs-logistic'], env)
    expect(train.code).toBe(2)
    expect(train.stderr).toContain('its columns: a\\x1b]8;;http://example.invalid\\x07b\\x1b[2J, label')
    expect(train.stderr.includes('\x07') || train.stderr.includes('\x1b')).toBe(false)

    // A failed step's last lines, quoted in the error: its colours are kept, the screen clear is not.
    const run = await retrain(project, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(run.code).not.toBe(0)
    const quoted = run.stderr.slice(run.stderr.indexOf('error: '))
    expect(quoted).toContain('\x1b[31mboom\x1b[0m \\x1b[2J done')
    expect(quoted).not.toContain('\x1b[2J')
  })
})
