// Data paths that hold expressions: what the loader checks, and how the engine evaluates them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fingerprintData } from '../../src/engine/fingerprint.js'
import { InputError, formatProblem } from '../../src/errors.js'
import { pathEscapeProblem } from '../../src/spec/data-paths.js'
import { parseSpec } from '../../src/spec/load.js'

function spec(params: string, train: string): string {
  return `model: m
params:
${params}
data:
  train: ${train}
  eval: data/eval.csv
steps:
  - run: node train.mjs
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  rmse: { goal: minimize, max: 8 }
promotion: { mode: auto, first-model: promote }
`
}

function problems(text: string): string[] {
  try {
    parseSpec(text, 'spec.yml', { cwd: '/repo' })
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem)
    throw error
  }
  return []
}

describe('pathEscapeProblem', () => {
  it('refuses absolute paths and ".." segments, with either separator', () => {
    for (const text of ['/etc/passwd', '\\\\server\\share', 'C:\\x', 'c:x', '..', 'a/../b', 'a\\..\\b', '../x']) {
      expect(pathEscapeProblem(text), text).not.toBeNull()
    }
    for (const text of ['2025-01', 'a/b', '..a', 'a..', '.', 'a/./b', '*', '']) expect(pathEscapeProblem(text), text).toBeNull()
  })
})

describe('the loader checks data paths with expressions', () => {
  it('accepts params (any type) and github', () => {
    expect(problems(spec('  batch: { type: string, default: a }\n  n: { type: integer, default: 1 }', '"d/${{ params.batch }}-${{ params.n }}.csv"'))).toEqual(
      []
    )
    expect(problems(spec('  n: { type: integer, default: 1 }', '"d/${{ github.ref }}/${{ github[\'run_id\'] }}.csv"'))).toEqual([])
  })

  it("refuses a field the spec's github context does not have, which would be an empty string without a word", () => {
    const p = '  n: { type: integer, default: 1 }'
    expect(problems(spec(p, '"d/${{ github.event.client_payload.batch }}.csv"'))).toEqual([
      'spec.yml:5:13: ${{ github.event.client_payload.batch }} refers to github.event, which a spec does not have; did you mean github.event_name? ' +
        '(the github context of a spec holds event_name, repository, ref, sha, actor, triggering_actor, run_id, run_attempt, workflow)'
    ])
    expect(problems(spec(p, '"d/${{ github.ref_name }}.csv"'))[0]).toMatch(/refers to github\.ref_name, which a spec does not have/)
    expect(problems(spec(p, '"d/${{ github.token }}.csv"'))[0]).toMatch(
      /^spec\.yml:5:13: \$\{\{ github\.token \}\}: the token is not given to the spec's steps, so github\.token is not available in a spec/
    )
  })

  it('refuses unknown params, other contexts and unterminated expressions at their line:col', () => {
    const p = '  batch: { type: string, default: a }'
    expect(problems(spec(p, '"d/${{ params.btch }}.csv"'))).toEqual([
      'spec.yml:5:13: ${{ params.btch }} refers to params.btch, which is not declared; did you mean params.batch? (declared params: batch)'
    ])
    expect(problems(spec(p, '"d/${{ data.eval.paths[0] }}"'))[0]).toMatch(
      /^spec\.yml:5:13: \$\{\{ data\.eval\.paths\[0\] \}\} in data input "train" may use only the params and github contexts/
    )
    expect(problems(spec(p, '"d/${{ inputs.batch }}"'))[0]).toMatch(/^spec\.yml:5:13: invalid expression .* the inputs context is not available/)
    expect(problems(spec(p, '"d/${{ params.batch"'))).toEqual(['spec.yml:5:13: unterminated expression: "${{" without a matching "}}"'])
  })

  it('refuses enum values and defaults that would leave root, and literal text outside root', () => {
    expect(problems(spec('  batch: { type: string, default: /etc/x }', '"d/${{ params.batch }}"'))).toEqual([
      `spec.yml:5:13: data input "train": params.batch default "/etc/x" is an absolute path, which would read outside the spec's root; a value in a data path must name a file under root`
    ])
    expect(problems(spec('  batch: { type: string, default: a }', '"/data/${{ params.batch }}.csv"'))[0]).toBe(
      'spec.yml:5:10: data input "train": a path with expressions must stay under root, but its text is an absolute path; write it relative to root'
    )
    // Paths without expressions are not this check's business.
    expect(problems(spec('  batch: { type: string, default: a }', '../shared/train.csv'))).toEqual([])
  })
})

describe('fingerprintData evaluates data paths', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'data-paths-'))
    await mkdir(path.join(root, 'd'))
    for (const name of ['a.csv', 'b.csv', '*.csv']) await writeFile(path.join(root, 'd', name), name)
    await mkdir(path.join(root, 'e'))
    for (const name of ['a.csv', 'a+b.csv']) await writeFile(path.join(root, 'e', name), name)
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  const input = (text: string) => ({ train: { paths: [text], locations: [{ file: 'spec.yml', line: 5, col: 10 }] } })

  // First in this file, so the glob library is not loaded yet: fingerprintData loads it only when a
  // path holds a character that could make it a glob.
  it('reads a path without expressions as one file or as a glob, as picomatch sees it', async () => {
    const files = async (text: string) => (await fingerprintData(root, input(text))).train!.files.map(f => f.path)
    expect(await files('d/a.csv')).toEqual(['d/a.csv'])
    expect(await files('e/a+b.csv')).toEqual(['e/a+b.csv'])
    expect(await files('d/?.csv')).toEqual(['d/*.csv', 'd/a.csv', 'd/b.csv'])
    expect(await files('d/[ab].csv')).toEqual(['d/a.csv', 'd/b.csv'])
    expect(await files('e/{a,a+b}.csv')).toEqual(['e/a+b.csv', 'e/a.csv'])
  })

  it('lists the files the evaluated path names', async () => {
    const out = await fingerprintData(root, input('d/${{ params.batch }}.csv'), { params: { batch: 'b' } })
    expect(out.train!.files.map(f => f.path)).toEqual(['d/b.csv'])
  })

  it('takes a value literally, in a plain path and in a glob', async () => {
    const plain = await fingerprintData(root, input('d/${{ params.batch }}.csv'), { params: { batch: '*' } })
    expect(plain.train!.files.map(f => f.path)).toEqual(['d/*.csv'])
    const glob = await fingerprintData(root, input('d/${{ params.batch }}*'), { params: { batch: '*' } })
    expect(glob.train!.files.map(f => f.path)).toEqual(['d/*.csv'])
    const all = await fingerprintData(root, input('d/${{ params.batch }}*.csv'), { params: { batch: '' } })
    expect(all.train!.files.map(f => f.path)).toEqual(['d/*.csv', 'd/a.csv', 'd/b.csv'])
  })

  it('refuses a github value that would leave root, naming the expression', async () => {
    const error = await fingerprintData(root, input('d/${{ github.event.client_payload.batch }}'), {
      github: { event: { client_payload: { batch: '../../x' } } }
    }).catch(e => e as InputError)
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).reason).toBe('data-outside-root')
    expect((error as InputError).message).toContain(
      'spec.yml:5:10: data input "train": ${{ github.event.client_payload.batch }} = "../../x" holds a ".." segment'
    )
  })
})
