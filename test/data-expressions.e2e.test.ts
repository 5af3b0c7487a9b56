/**
 * Params choose data, through the built CLI: a data path holding `${{ params.batch }}` is evaluated
 * before fingerprinting, checked by validate, kept under root, recorded in the lineage as the files
 * read, and watched by the leakage guard. Also: the params a step reports it used reach the lineage.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain, treeDigest } from './helpers/project.js'

function spec(options: { train?: string; params?: string; step?: string } = {}): string {
  return `model: toy
root: .
params:
${options.params ?? '  batch: { type: string, default: a }'}
  delta: { type: number, default: 1 }
data:
  train: ${options.train ?? '"data/batches/${{ params.batch }}.csv"'}
  eval: data/eval.csv
steps:
  - name: Train
    run: ${options.step ?? 'node train.mjs'}
evaluate:
  run: node evaluate.mjs
  data: eval
metrics:
  score:
    goal: maximize
    change:
      - margin: -1
promotion:
  mode: auto
  first-model: promote
`
}

/** The toy project with two batches, a.csv and b.csv, of different content. */
async function project(text: string): Promise<string> {
  const dir = await makeProject('test/fixtures/toy', text)
  await mkdir(path.join(dir, 'data/batches'), { recursive: true })
  await writeFile(path.join(dir, 'data/batches/a.csv'), 'x,y\n1,2\n3,4\n')
  await writeFile(path.join(dir, 'data/batches/b.csv'), 'x,y\n5,6\n7,8\n')
  return dir
}

const run = (cwd: string, out: string, ...params: string[]) =>
  retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', out, ...params.flatMap(p => ['--param', p])])

describe('a param chooses the training data', () => {
  it('two runs with different batches read, fingerprint and record different files', async () => {
    const cwd = await project(spec())
    const first = await run(cwd, 'out1', 'batch=a')
    expect(first.code, first.stderr).toBe(0)
    const second = await run(cwd, 'out2', 'batch=b')
    expect(second.code, second.stderr).toBe(0)
    const [r1, r2] = [await readJson(path.join(cwd, 'out1/result.json')), await readJson(path.join(cwd, 'out2/result.json'))]
    expect(r1.data.train).toMatch(/^[0-9a-f]{64}$/)
    expect(r2.data.train).not.toBe(r1.data.train)
    expect(r2.data.eval).toBe(r1.data.eval)
    expect(r2.params.batch).toBe('b')
    for (const [out, batch] of [
      ['out1', 'a'],
      ['out2', 'b']
    ] as const) {
      const manifest = await readJson(path.join(cwd, out, 'bundle/manifest.json'))
      const files = manifest.lineage.trainingData.train.files
      expect(files.map((f: { path: string }) => f.path)).toEqual([`data/batches/${batch}.csv`])
      expect(manifest.lineage.trainingData.train.fingerprint).toBe(out === 'out1' ? r1.data.train : r2.data.train)
    }
    // The stored version's lineage says the same.
    const stored = await readJson(path.join(cwd, '.retrain/registry/toy/versions/2/manifest.json'))
    expect(stored.lineage.trainingData.train.files[0].path).toBe('data/batches/b.csv')
  })

  it('the step reads the evaluated path from RETRAIN_DATA_TRAIN and the data context', async () => {
    const cwd = await project(spec({ step: `node train.mjs && node -e 'console.log("reads " + process.env.RETRAIN_DATA_TRAIN)'` }))
    const res = await run(cwd, 'out', 'batch=b')
    expect(res.code, res.stderr).toBe(0)
    expect(res.stdout + res.stderr).toContain(`reads ${path.join(cwd, 'data/batches/b.csv')}`)
  })

  it('a value is data, not a pattern: "*" names a file called "*", not every batch', async () => {
    const cwd = await project(spec({ train: '"data/batches/${{ params.batch }}.csv"' }))
    const res = await run(cwd, 'out', 'batch=*')
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('data input "train": "data/batches/*.csv" (from "data/batches/${{ params.batch }}.csv") matches no file')
  })

  it('a batch that does not exist is named with the path it made', async () => {
    const cwd = await project(spec())
    const res = await run(cwd, 'out', 'batch=c')
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('data input "train": "data/batches/c.csv" (from "data/batches/${{ params.batch }}.csv") matches no file under')
  })
})

describe('data expressions are checked by validate', () => {
  it('an unknown param is a spec error at its line:col, with the nearest name', async () => {
    const cwd = await project(spec({ train: '"data/batches/${{ params.bacth }}.csv"' }))
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('retrain.yml:7:24: ${{ params.bacth }} refers to params.bacth, which is not declared; did you mean params.batch?')
  })

  it('a context other than params and github is a spec error: data is read before any step runs', async () => {
    const cwd = await project(spec({ train: '"data/${{ steps.prepare.outcome }}/${{ env.SPLIT }}.csv"' }))
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('retrain.yml:7:16: ${{ steps.prepare.outcome }} in data input "train" may use only the params and github contexts')
    expect(res.stderr).toContain('retrain.yml:7:45: ${{ env.SPLIT }} in data input "train" may use only the params and github contexts')
  })

  it('an enum value or default that would leave root, or literal text outside root, is a spec error', async () => {
    const cwd = await project(
      spec({ params: '  batch: { type: string, enum: [a, ../secrets/key], default: a }', train: '{ path: ["../shared/${{ params.batch }}.csv"] }' })
    )
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('data input "train": params.batch enum value 1 "../secrets/key" holds a ".." segment')
    expect(res.stderr).toContain('retrain.yml:7:19: data input "train": a path with expressions must stay under root, but its text holds a ".." segment')
  })

  it('an enum param that names batches validates', async () => {
    const cwd = await project(spec({ params: '  batch: { type: string, enum: [a, b], default: a }' }))
    const res = await retrain(cwd, ['validate', '--spec', 'retrain.yml'])
    expect(res.code, res.stderr).toBe(0)
  })
})

describe('a value that would read outside root', () => {
  for (const value of ['../../etc/passwd', '/etc/passwd', 'x/../../../etc/passwd']) {
    it(`--param batch=${value} is refused before anything runs, naming the param; nothing changes`, async () => {
      const cwd = await project(spec())
      expect((await run(cwd, 'out1', 'batch=a')).code).toBe(0)
      const before = await treeDigest(path.join(cwd, '.retrain/registry'))
      const res = await run(cwd, 'out2', `batch=${value}`)
      expect(res.code).toBe(2)
      expect(res.stderr).toMatch(
        new RegExp(
          `retrain\\.yml:7:10: data input "train": params\\.batch = "${value.replace(/[./]/g, '\\$&')}" (holds a "\\.\\." segment|is an absolute path)`
        )
      )
      expect(res.stderr).toContain("which would read outside the spec's root")
      expect(res.stderr).not.toMatch(/Step Train/)
      expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(before)
    })
  }

  it('values that are fine alone but join into ".." are refused too', async () => {
    const cwd = await project(
      spec({
        params: '  batch: { type: string, default: a }\n  dir: { type: string, default: batches }',
        train: '"data/${{ params.dir }}.${{ params.batch }}/x.csv"'
      })
    )
    const res = await run(cwd, 'out', 'dir=', 'batch=.')
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('data input "train": the path from params.dir and params.batch = "data/../x.csv" holds a ".." segment')
  })
})

describe('the leakage guard applies to data a param chooses', () => {
  it('a param that points training at the evaluation file is refused as leakage', async () => {
    const cwd = await project(spec({ train: '"data/${{ params.batch }}.csv"' }))
    await copyFile(path.join(cwd, 'data/batches/a.csv'), path.join(cwd, 'data/a.csv'))
    expect((await run(cwd, 'out1', 'batch=a')).code).toBe(0)
    const before = await treeDigest(path.join(cwd, '.retrain/registry'))
    const res = await run(cwd, 'out2', 'batch=eval')
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/leakage: evaluation data "eval" \(\(the whole input\)\) is among the training data \("train"\) of this run/)
    expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(before)
  })
})

describe('params as the step reports it used them', () => {
  /** The toy trainer, then a script that reports `params` in the training report. */
  async function reporting(params: string): Promise<string> {
    const cwd = await project(spec({ step: 'node train.mjs && node report.mjs' }))
    const script = `import { writeFileSync } from 'node:fs'\nwriteFileSync(process.env.RETRAIN_TRAINING_REPORT, JSON.stringify({ warmStart: false, reason: 'toy', params: ${params} }))\n`
    await writeFile(path.join(cwd, 'report.mjs'), script)
    return cwd
  }

  it('are recorded in the lineage and shown in the report when they differ from the declared ones', async () => {
    const cwd = await reporting('{ batch: "a", delta: 0.5, seed: 7 }')
    const res = await run(cwd, 'out', 'batch=a')
    expect(res.code, res.stderr).toBe(0)
    const manifest = await readJson(path.join(cwd, 'out/bundle/manifest.json'))
    expect(manifest.lineage.params).toEqual({ batch: 'a', delta: 1 })
    expect(manifest.lineage.reportedParams).toEqual({ batch: 'a', delta: 0.5, seed: 7 })
    const result = await readJson(path.join(cwd, 'out/result.json'))
    expect(result.reportedParams).toEqual({ batch: 'a', delta: 0.5, seed: 7 })
    const report = await readFile(path.join(cwd, 'out/report.md'), 'utf8')
    expect(report).toContain('- params as training reported it used them: delta=0.5 (declared 1), seed=7 (not a declared param)')
    // The stored bundle verifies with its lineage, and status reads it.
    expect((await retrain(cwd, ['status', '--spec', 'retrain.yml'])).code).toBe(0)
    expect((await run(cwd, 'out2', 'batch=b')).code).toBe(0)
  })

  it('are not recorded when they agree with the declared ones', async () => {
    const cwd = await reporting('{ batch: "b", delta: 1 }')
    const res = await run(cwd, 'out', 'batch=b')
    expect(res.code, res.stderr).toBe(0)
    const manifest = await readJson(path.join(cwd, 'out/bundle/manifest.json'))
    expect(manifest.lineage).not.toHaveProperty('reportedParams')
    expect(await readJson(path.join(cwd, 'out/result.json'))).not.toHaveProperty('reportedParams')
    expect(await readFile(path.join(cwd, 'out/report.md'), 'utf8')).not.toContain('params as training reported')
  })
})
