// The generated sources under src/spec/generated/ (the schemas' standalone validators and the spec's
// raw types) must be what scripts/generate.mjs makes from the committed schemas today: this re-runs
// it into a temporary directory and fails on any difference, naming the command that fixes it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO } from './helpers/project.js'

const COMMITTED = path.join(REPO, 'src/spec/generated')

describe('generated sources', () => {
  it('are up to date with the schemas (run `npm run generate` when this fails)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'retrain-generated-'))
    const res = spawnSync(process.execPath, [path.join(REPO, 'scripts/generate.mjs'), '--out', out], { cwd: REPO, encoding: 'utf8' })
    expect(res.status, res.stderr).toBe(0)
    const fresh = readdirSync(out).sort()
    expect(readdirSync(COMMITTED).sort(), 'the files in src/spec/generated').toEqual(fresh)
    expect(fresh).toEqual(['manifest-validator.d.ts', 'manifest-validator.js', 'raw-spec.ts', 'spec-validator.d.ts', 'spec-validator.js'])
    for (const file of fresh) {
      const committed = readFileSync(path.join(COMMITTED, file), 'utf8')
      expect(committed === readFileSync(path.join(out, file), 'utf8'), `src/spec/generated/${file} is stale: run npm run generate`).toBe(true)
    }
  })
})
