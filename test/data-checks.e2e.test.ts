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

  it('JSON Lines data is checked the same way: a record that leaves a column out has it missing, a string is not a number', async () => {
    const cwd = await makeProject('test/fixtures/toy', spec().replace('train: data/train.csv', 'train: data/train.jsonl'))
    const records = [
      { kind: 'a', y: 1 },
      { x: 1, kind: 'a', y: 2 },
      { x: '7', kind: 'b', y: 3 },
      { x: -2, kind: 'z', y: 4, note: { free: 'text' } },
      { x: null, kind: 'b', y: 5 }
    ]
    await writeFile(path.join(cwd, 'data/train.jsonl'), records.map(r => JSON.stringify(r)).join('\n') + '\n\n')
    const res = await run(cwd, 'out/1')
    expect(res.code).toBe(2)
    expect(existsSync(path.join(cwd, 'ran.txt')), 'no step ran').toBe(false)
    // x first appears in the second record: the first record has it missing, as does the last.
    expect(res.stderr).toMatch(/\| train +\| x +\| max-missing +\| ≤ 25% missing +\| 40% missing \(2 of 5\) +\|/)
    expect(res.stderr).toMatch(/\| train +\| x +\| type +\| number +\| not numbers: "7" +\|/)
    expect(res.stderr).toMatch(/\| train +\| x +\| min +\| ≥ 0 +\| -2 +\|/)
    expect(res.stderr).toMatch(/\| train +\| kind +\| values +\| one of a, b +\| "z" +\|/)
    expect(res.stderr).toMatch(/\| train +\| y, note +\| unexpected-columns \|/)

    // 1e999 is no double (JSON reads it as Infinity): not a number, as the CSV cell 1e999 is not.
    await writeFile(path.join(cwd, 'data/train.jsonl'), '{"x": 1, "kind": "a"}\n{"x": 1e999, "kind": "b"}\n')
    const huge = await run(cwd, 'out/3')
    expect(huge.code).toBe(2)
    expect(huge.stderr).toMatch(/\| train +\| x +\| type +\| number +\| not numbers: "Infinity" +\|/)

    await writeFile(path.join(cwd, 'data/train.jsonl'), '{"x": 1, "kind": "a"}\n[1, 2]\n')
    const broken = await run(cwd, 'out/2')
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/checks\.train: data\/train\.jsonl:2: a JSON Lines record must be an object of column names to values/)
  })

  it('min and max compare numbers: a column of text does not pass them, with or without type: number', async () => {
    const checks = 'checks:\n  train:\n    columns:\n      x: { min: 0, max: 1 }\n'
    const cwd = await makeProject('test/fixtures/toy', spec(checks))
    // No cell of x is a number: no bound can hold, and the run stops before any step.
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y\nabc,2\n"1,5",3\n')
    const res = await run(cwd, 'out/1')
    expect(res.code).toBe(2)
    expect(existsSync(path.join(cwd, 'ran.txt')), 'no step ran').toBe(false)
    expect(res.stderr).toMatch(/\| train +\| x +\| type +\| number \(min and max compare numbers\) +\| not numbers: "abc", "1,5" +\|/)

    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y\n0.5,2\n,3\n1,4\n')
    const ok = await run(cwd, 'out/2')
    expect(ok.code, ok.stderr).toBe(0)
  })

  it('many distinct bad values are counted up to a bound and said as "at least"', async () => {
    const cwd = await makeProject('test/fixtures/toy', spec(CHECKS.replace('unexpected-columns: error', 'unexpected-columns: warn')))
    const lines = ['x,kind,y', ...Array.from({ length: 3000 }, (_, i) => `${i},k${i},1`)]
    await writeFile(path.join(cwd, 'data/train.csv'), lines.join('\n') + '\n')
    const res = await run(cwd, 'out/1')
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/\| train +\| kind +\| values +\| one of a, b +\| "k0", "k1", "k2" and at least 997 more +\|/)
  })

  it('a check on an input the spec does not declare is refused at its key', async () => {
    const cwd = await makeProject('test/fixtures/toy', spec('checks:\n  trian: { min-rows: 1 }\n'))
    const res = await run(cwd, 'out/1')
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/retrain\.yml:\d+:\d+: checks names "trian", which is not declared under data; did you mean "train"\?/)
  })
})
