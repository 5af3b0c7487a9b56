// The report's weight comparison: every feature of either model, largest change first, a feature new
// in the candidate compared with 0.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { table } from '../../src/engine/report.js'
import { WEIGHTS_FILE } from '../../src/contract-names.js'
import { compareWeights, readWeights, weightsSection } from '../../src/engine/weights.js'
import { removeTempDirs, tempDir } from './helpers.js'

afterAll(removeTempDirs)

describe('weight comparison', () => {
  it('orders by the size of the change and counts an absent weight as 0', () => {
    const changes = compareWeights({ a: 1, b: -2, gone: 0.5 }, { a: 1.1, b: 1, 'Origin=Korea': -0.3 })
    expect(changes.map(c => [c.feature, c.champion, c.candidate])).toEqual([
      ['b', -2, 1],
      ['gone', 0.5, null],
      ['Origin=Korea', null, -0.3],
      ['a', 1, 1.1]
    ])
    expect(changes.map(c => c.difference)).toEqual([3, -0.5, -0.3, expect.closeTo(0.1, 12)])
  })

  it('shows the largest changes in the report and says how many more result.json holds', () => {
    const many = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, i]))
    const lines = weightsSection(compareWeights({}, many), table).join('\n')
    expect(lines).toContain('| feature | champion weight | candidate weight | difference |')
    expect(lines.split('\n').filter(l => /^\| f\d+ /.test(l))).toHaveLength(15)
    expect(lines).toMatch(/^\| f19 +\| — +\| 19 +\| \+19 +\|$/m)
    expect(lines).toContain('…and 5 smaller changes')
    expect(weightsSection(undefined, table)).toEqual([])
  })

  it('reads weights.json, and skips a model without one or with a malformed one', async () => {
    const dir = await tempDir()
    const warnings: string[] = []
    expect(await readWeights(dir, m => warnings.push(m))).toBeNull()
    expect(warnings).toEqual([])
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, WEIGHTS_FILE), JSON.stringify({ weights: { x: 1.5 } }))
    expect(await readWeights(dir, m => warnings.push(m))).toEqual({ x: 1.5 })
    await writeFile(path.join(dir, WEIGHTS_FILE), JSON.stringify({ weights: { x: 'heavy' } }))
    expect(await readWeights(dir, m => warnings.push(m))).toBeNull()
    expect(warnings).toEqual([expect.stringContaining('is not {"weights": {"<feature>": number}}')])
  })
})
