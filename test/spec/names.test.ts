import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { modelNameProblem, parseVersionText, pathProblem, preview, refNameProblem, workflowNameProblem } from '../../src/spec/names.js'

describe('names from arguments, inputs and payloads', () => {
  it('a model name obeys the schema of the spec: no path, no dot first, at most 64 characters', () => {
    for (const ok of ['toy', 'cars-mpg', 'a.b_c-1', '9lives', 'x'.repeat(64)]) expect(modelNameProblem(ok), ok).toBeNull()
    for (const bad of ['../outside', '..', '.', 'a/b', 'a\\b', '', ' toy', 'x'.repeat(65), 'a\0b', '-x'])
      expect(modelNameProblem(bad), bad).toMatch(/a model name starts with/)
  })

  it('a version is a whole number from 1 that a registry stores exactly', () => {
    expect(parseVersionText('1')).toBe(1)
    expect(parseVersionText('9007199254740991')).toBe(9007199254740991)
    for (const bad of ['0', '01', '-1', '1e3', '1.0', '9007199254740993', '99999999999999999999', ' 1', '']) expect(parseVersionText(bad), bad).toBeNull()
  })

  it('a path is not empty, holds no NUL byte, and stays inside where it must', () => {
    const ws = path.resolve('/work/space')
    expect(pathProblem('.github/retrain.yml', ws)).toBeNull()
    expect(pathProblem(path.join(ws, 'a/b'), ws)).toBeNull()
    expect(pathProblem('../x', ws)).toMatch(/must stay inside/)
    expect(pathProblem('/etc/passwd', ws)).toMatch(/must stay inside/)
    expect(pathProblem('a/../../x', ws)).toMatch(/must stay inside/)
    expect(pathProblem('..foo', ws)).toBeNull()
    expect(pathProblem('', ws)).toBe('must not be empty')
    expect(pathProblem('a\0b')).toBe('contains a NUL byte at character 2')
  })

  it('branches, refs and workflows have the shapes git and GitHub give them', () => {
    for (const ok of ['retrain-registry', 'refs/heads/main', 'release/v1.2']) expect(refNameProblem(ok), ok).toBeNull()
    for (const bad of ['../main', 'a..b', '/x', 'x/', '-x', 'a//b', 'x.lock', '.hidden', 'a b', 'a:b', '']) expect(refNameProblem(bad), bad).not.toBeNull()
    for (const ok of ['deploy.yml', 'deploy.yaml', '12345']) expect(workflowNameProblem(ok), ok).toBeNull()
    for (const bad of ['../x', 'deploy', 'a/b.yml', '']) expect(workflowNameProblem(bad), bad).not.toBeNull()
  })

  it('a preview quotes at most 80 characters and says how long the value was', () => {
    expect(preview('abc')).toBe('"abc"')
    expect(preview('x\0y')).toBe('"x\\u0000y"')
    expect(preview('z'.repeat(1000))).toBe(`"${'z'.repeat(80)}..." (1000 characters)`)
    expect(preview({ a: 'b'.repeat(200) }).length).toBeLessThan(120)
  })
})
