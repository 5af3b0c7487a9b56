/**
 * Fuzzing the spec loader: valid specs mutated by deleting, duplicating, renaming and retyping keys,
 * inserting unicode, huge values, alias bombs, deep nesting and invalid UTF-8. Every outcome must be
 * a valid spec or a spec error (an InputError) whose every problem names file:line:col; never another
 * exception, a stack trace or a hang. In-process against the loader for speed (10,000 mutants by
 * default, RETRAIN_FUZZ_RUNS for more), plus a sample through the built CLI's `validate`.
 *
 * Sizes are bounded (values up to 40 KB, nesting up to 1,500, bombs of 10^7 nodes) so each mutant is
 * quick; the limits the loader enforces are what keeps it so.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../src/errors.js'
import { loadSpecBytes } from '../../src/spec/load.js'
import { CLI, REPO } from '../helpers/project.js'

const RUNS = Math.max(1, Number(process.env.RETRAIN_FUZZ_RUNS) || 10_000)
const CLI_SAMPLE = Math.max(1, Math.min(RUNS, Number(process.env.RETRAIN_FUZZ_CLI_RUNS) || 50))

const PARAMS_SPEC = `model: fuzz-model
description: a spec with every kind of field
root: .
params:
  epochs: { type: integer, default: 10, minimum: 1, maximum: 100 }
  rate: { type: number, default: 0.1 }
  optimizer: { type: string, enum: [sgd, adam], default: sgd }
  note: { type: string, default: "hello" }
  verbose: { type: boolean, default: false }
data:
  train: data/train.csv
  eval:
    path: [data/eval.csv, data/more/*.csv]
    description: held out
env:
  SEED: 7
  LABEL: \${{ params.note }}
warm-start: fallback
lockfiles: [package-lock.json]
steps:
  - name: Prepare
    id: prepare
    run: echo "\${{ params.note }}" > note.txt
    env:
      EPOCHS: \${{ params.epochs }}
    working-directory: .
    timeout-minutes: 5
  - name: Train
    run: node train.mjs --epochs \${{ params.epochs }} --optimizer \${{ params.optimizer }}
    shell: bash
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    min: 0
    max: 1
    change:
      - margin: 0
      - relative-margin: -0.05
        against: champion
  loss:
    goal: minimize
promotion:
  mode: gate
  first-model: gate
  approvers: [octocat]
`

/** An example spec without its comment lines: parsing time grows with the text, and comments are not what is fuzzed. */
function example(name: string): string {
  return readFileSync(path.join(REPO, 'examples', name, 'retrain.yml'), 'utf8')
    .split('\n')
    .filter(line => !/^\s*#/.test(line))
    .join('\n')
}

const BASES = [PARAMS_SPEC, example('cars'), example('cars-builtin')]

const BOMB =
  'l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n' + Array.from({ length: 7 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]\n`).join('')

/** A YAML value of any type, some of them hostile; `indent` is the column of the key it follows. */
const yamlValue: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.oneof(
      fc.integer().map(String),
      fc.double({ noNaN: false }).map(String),
      fc.constantFrom('true', 'false', 'null', '~', '', '[]', '{}', '-1', '1e400', '.nan', '0x1F')
    )
  },
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map(s => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.integer().map(String),
          fc.string({ maxLength: 5 }).map(s => JSON.stringify(s))
        ),
        { maxLength: 4 }
      )
      .map(a => `[${a.join(', ')}]`)
  },
  {
    weight: 2,
    arbitrary: fc
      .dictionary(
        fc.string({ minLength: 1, maxLength: 6 }).map(s => JSON.stringify(s)),
        fc.integer().map(String),
        { maxKeys: 3 }
      )
      .map(
        d =>
          `{${Object.entries(d)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')}}`
      )
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }).map(n => JSON.stringify('h'.repeat(n))) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_500 }).map(n => '['.repeat(n) + ']'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1_500 }).map(n => '{a: '.repeat(n) + '1' + '}'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*nope',
      '&a [*a]',
      '*l7',
      '&x 1',
      '"a\\0b"',
      '"\\u0000"',
      '!!binary aGk=',
      '!custom x',
      '"${{ params.note }}"',
      "'${{ github.event.x }}'",
      '|\n  x'
    )
  }
)

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'dedent' | 'indent'; line: number }
  | { kind: 'retype'; line: number; value: string }
  | { kind: 'rename'; line: number; at: number; char: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'bytes'; at: number; bytes: number[] }
  | { kind: 'bomb'; line: number }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'dedent' as const, 'indent' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), line: fc.nat(), value: yamlValue }),
  fc.record({ kind: fc.constant('rename' as const), line: fc.nat(), at: fc.nat(), char: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('bomb' as const), line: fc.nat() })
)

/** Applies mutations to a spec's text; the result is bytes, since some mutations break UTF-8. */
function mutate(text: string, mutations: Mutation[]): Buffer {
  let lines = text.split('\n')
  let bytes: Buffer | null = null
  for (const m of mutations) {
    if (m.kind === 'bytes') {
      const buf: Buffer = bytes ?? Buffer.from(lines.join('\n'))
      const at = m.at % (buf.length + 1)
      bytes = Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)])
      continue
    }
    if (bytes) {
      // Later text mutations work on the (possibly invalid) bytes decoded leniently.
      lines = bytes.toString('utf8').split('\n')
      bytes = null
    }
    const i = m.kind === 'insert' ? 0 : m.line % lines.length
    const line = lines[i] ?? ''
    switch (m.kind) {
      case 'delete':
        lines.splice(i, 1)
        break
      case 'duplicate':
        lines.splice(i, 0, line)
        break
      case 'dedent':
        lines[i] = line.replace(/^ {1,2}/, '')
        break
      case 'indent':
        lines[i] = `  ${line}`
        break
      case 'retype': {
        const colon = line.indexOf(': ')
        lines[i] =
          colon >= 0 ? `${line.slice(0, colon + 2)}${m.value}` : line.replace(/^(\s*-\s*)?.*$/, (_, dash: string | undefined) => `${dash ?? ''}${m.value}`)
        break
      }
      case 'rename': {
        const at = m.at % Math.max(1, line.length)
        lines[i] = line.slice(0, at) + m.char + line.slice(at + 1)
        break
      }
      case 'insert': {
        const joined = lines.join('\n')
        const at = m.at % (joined.length + 1)
        lines = (joined.slice(0, at) + m.text + joined.slice(at)).split('\n')
        break
      }
      case 'bomb': {
        // A bomb at the top level, referenced from a key of the spec.
        lines = [...BOMB.split('\n'), ...lines]
        const j = BOMB.split('\n').length + (m.line % lines.length)
        const target = lines[j] ?? ''
        const colon = target.indexOf(': ')
        if (colon >= 0) lines[j] = `${target.slice(0, colon + 2)}*l7`
        break
      }
    }
  }
  return bytes ?? Buffer.from(lines.join('\n'))
}

type Outcome = { kind: 'valid' } | { kind: 'refused'; problems: string[] }

/** The loader's outcome; anything but a spec or a positioned spec error fails the property. */
function outcome(bytes: Buffer): Outcome {
  try {
    const spec = loadSpecBytes(bytes, 'retrain.yml', { cwd: '/repo' })
    // A valid spec is plain data a result file can hold.
    JSON.stringify(spec)
    return { kind: 'valid' }
  } catch (error) {
    if (!(error instanceof InputError)) {
      throw new Error(`the loader threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}\n${(error as Error)?.stack}`, { cause: error })
    }
    expect(error.exitCode).toBe(2)
    expect(error.problems.length).toBeGreaterThan(0)
    for (const p of error.problems) {
      expect(p.file, p.message).toBe('retrain.yml')
      expect(Number.isInteger(p.line) && p.line! >= 1, `line of: ${p.message}`).toBe(true)
      expect(Number.isInteger(p.col) && p.col! >= 1, `col of: ${p.message}`).toBe(true)
      expect(p.message.length, `a message of bounded size: ${p.message.slice(0, 300)}`).toBeLessThan(4_000)
    }
    return { kind: 'refused', problems: error.problems.map(p => `${p.line}:${p.col}: ${p.message}`) }
  }
}

const mutant = fc.record({ base: fc.nat({ max: BASES.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) })

describe('the spec loader under fuzzing', () => {
  it('every base spec is valid', () => {
    for (const base of BASES) expect(outcome(Buffer.from(base))).toEqual({ kind: 'valid' })
  })

  it(`${RUNS} mutants: each is a valid spec or a spec error at file:line:col, never a crash`, () => {
    const seen = { valid: 0, refused: 0 }
    fc.assert(
      fc.property(mutant, ({ base, mutations }) => {
        seen[outcome(mutate(BASES[base]!, mutations)).kind]++
      }),
      { numRuns: RUNS, seed: Number(process.env.RETRAIN_FUZZ_SEED) || undefined }
    )
    // The mutants reach both outcomes: the generator is not only producing garbage.
    expect(seen.valid).toBeGreaterThan(0)
    expect(seen.refused).toBeGreaterThan(RUNS / 4)
  }, 300_000)

  it('the hostile values on their own are refused at their position', () => {
    const cases: [string, RegExp][] = [
      ['model: x\n' + BOMB + 'steps: *l7\n', /^\d+:\d+: aliases expand the spec past/],
      ['model: x\nsteps: *nope\n', /^2:8: alias \*nope refers to no anchor/],
      ['model: x\nsteps: ' + '['.repeat(3000) + ']'.repeat(3000) + '\n', /^2:\d+: (the spec nests deeper|invalid YAML: the spec nests too deeply)/],
      ['model: "a\\0b"\n', /^1:8: model contains a NUL byte/]
    ]
    for (const [text, message] of cases) {
      const result = outcome(Buffer.from(text))
      expect(result.kind).toBe('refused')
      expect((result as { problems: string[] }).problems[0]).toMatch(message)
    }
  })

  it(`a sample of ${CLI_SAMPLE} mutants through the built CLI's validate: exit 0 or 2 with file:line:col, never 1 or a stack trace`, async () => {
    const samples = fc.sample(mutant, { numRuns: CLI_SAMPLE, seed: 20_260_101 })
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-fuzz-'))
    const validate = (i: number) =>
      new Promise<{ code: number | null; stdout: string; stderr: string; file: string }>((resolve, reject) => {
        const file = `spec-${i}.yml`
        writeFile(path.join(dir, file), mutate(BASES[samples[i]!.base]!, samples[i]!.mutations))
          .then(() => {
            const child = spawn(process.execPath, [CLI, 'validate', '--spec', file], { cwd: dir, env: { ...process.env, RETRAIN_DEBUG: '' } })
            let stdout = ''
            let stderr = ''
            const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
            child.stdout.on('data', d => (stdout += d))
            child.stderr.on('data', d => (stderr += d))
            child.on('error', reject)
            child.on('close', code => {
              clearTimeout(timer)
              resolve({ code, stdout, stderr, file })
            })
          })
          .catch(reject)
      })
    // Two at a time: the machine running the suite is shared.
    const results: Awaited<ReturnType<typeof validate>>[] = []
    for (let i = 0; i < samples.length; i += 2) results.push(...(await Promise.all([i, i + 1].filter(j => j < samples.length).map(validate))))
    for (const r of results) {
      expect([0, 2], `${r.file}: ${r.stderr}`).toContain(r.code)
      expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+|Error:/)
      if (r.code === 0) expect(r.stdout).toMatch(new RegExp(`^${r.file}: valid`))
      else for (const line of r.stderr.trimEnd().split('\n')) expect(line).toMatch(new RegExp(`^error: ${r.file.replace('.', '\\.')}:\\d+:\\d+: `))
    }
  }, 300_000)
})
