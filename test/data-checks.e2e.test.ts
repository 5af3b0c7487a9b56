/**
 * Checks on new data through the built CLI: a failing check stops the run before any step (a step
 * that would write a file does not run), exits 2 and prints a table; nothing changes.
 */
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, retrain, toySpec, treeDigest } from './helpers/project.js'

const CHECKS = `checks:
  train:
    min-rows: 2
    columns:
      x: { type: number, max-missing: 0.25, min: 0 }
      kind: { type: category, values: [a, b] }
    unexpected-columns: error
`

const spec = (checks = CHECKS) => toySpec({ train: 'echo ran > ran.txt\nnode train.mjs' }) + checks

const run = (cwd: string, out: string) => retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', out])

describe('checks on new data before any step runs', () => {
  it('good data passes and the steps run; bad data stops the run before any step, with a table, exit 2', async () => {
    const cwd = await makeProject('test/fixtures/toy', spec())
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,kind,y\n1,a,2\n3,b,4\n,a,5\n4,b,6\n')
    // y is not listed: an error under unexpected-columns: error.
    const unexpected = await run(cwd, 'out/0')
    expect(unexpected.code).toBe(2)
    expect(unexpected.stderr).toMatch(/\| train +\| y +\| unexpected-columns \| only the listed columns \| column "y" not listed/)

    await writeFile(path.join(cwd, 'retrain.yml'), spec(CHECKS.replace('unexpected-columns: error', 'unexpected-columns: warn')))
    const good = await run(cwd, 'out/1')
    expect(good.code, good.stderr).toBe(0)
    expect(good.stderr).toMatch(/data input train: column "y" not listed under checks\.train\.columns/)
    expect(existsSync(path.join(cwd, 'ran.txt'))).toBe(true)
    await rm(path.join(cwd, 'ran.txt'))

    const registry = await treeDigest(path.join(cwd, '.retrain'))
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,kind,y\n1,a,2\n-3,c,4\n,a,5\nfoo,b,6\n,b,7\n')
    const bad = await run(cwd, 'out/2')
    expect(bad.code).toBe(2)
    expect(existsSync(path.join(cwd, 'ran.txt')), 'no step ran').toBe(false)
    expect(existsSync(path.join(cwd, 'out/2/result.json'))).toBe(false)
    expect(await treeDigest(path.join(cwd, '.retrain'))).toEqual(registry)
    expect(bad.stderr).toMatch(/4 checks on the new data failed; no step ran, nothing changed/)
    expect(bad.stderr).toMatch(/\| input +\| column +\| check +\| expected +\| found +\|/)
    expect(bad.stderr).toMatch(/\| train +\| x +\| type +\| number +\| not numbers: "foo" +\|/)
    expect(bad.stderr).toMatch(/\| train +\| x +\| min +\| ≥ 0 +\| -3 +\|/)
    expect(bad.stderr).toMatch(/\| train +\| kind +\| values +\| one of a, b +\| "c" +\|/)
    expect(bad.stderr).toMatch(/\| train +\| x +\| max-missing +\| ≤ 25% missing +\| 40% missing \(2 of 5\) +\|/)

    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y\n1,2\n')
    const short = await run(cwd, 'out/3')
    expect(short.code).toBe(2)
    expect(short.stderr).toMatch(/\| train +\| +\| min-rows +\| ≥ 2 rows +\| 1 rows +\|/)
    expect(short.stderr).toMatch(/\| train +\| kind +\| present +\| the column +\| no such column in the file/)
    expect(existsSync(path.join(cwd, 'ran.txt'))).toBe(false)
  })

  it('a check on an input the spec does not declare is refused at its key', async () => {
    const cwd = await makeProject('test/fixtures/toy', spec('checks:\n  trian: { min-rows: 1 }\n'))
    const res = await run(cwd, 'out/1')
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/retrain\.yml:\d+:\d+: checks names "trian", which is not declared under data; did you mean "train"\?/)
  })
})
