/**
 * The example workflows, CI's workflow and action.yml pass GitHub's workflow parser and actionlint
 * (both run offline, in a subprocess: the parser needs a JSON import hook on plain Node). The example
 * workflows also use only inputs the action declares.
 */
import { execFile } from 'node:child_process'
import { readFile, readdir, writeFile, mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { REPO } from '../helpers/project.js'

const run = promisify(execFile)

async function check(files: string[]): Promise<Record<string, string[]>> {
  const { stdout } = await run(process.execPath, ['--import', './test/github/json-import-hook.mjs', 'test/github/check-workflows.mjs', ...files], { cwd: REPO })
  return JSON.parse(stdout) as Record<string, string[]>
}

const examples = async () => (await readdir(path.join(REPO, 'examples/workflows'))).filter(f => f.endsWith('.yml')).map(f => `examples/workflows/${f}`)

describe('workflow files', () => {
  it('the examples, CI and action.yml pass the workflow parser and actionlint', async () => {
    const files = [...(await examples()), '.github/workflows/ci.yml', 'action.yml']
    expect(files).toEqual(expect.arrayContaining(['examples/workflows/retrain.yml', 'examples/workflows/approve.yml', 'examples/workflows/dry-run.yml']))
    const problems = await check(files)
    expect(problems).toEqual(Object.fromEntries(files.map(f => [f, []])))
  })

  it('the checker reports a broken workflow (so a clean result means something)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'wf-'))
    const broken = path.join(dir, 'broken.yml')
    await writeFile(broken, 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    timeout-minutes: soon\n    steps:\n      - run: echo hi\n')
    const problems = await check([broken])
    expect(problems[broken]!.some(p => p.startsWith('workflow-parser:'))).toBe(true)
    expect(problems[broken]!.some(p => p.startsWith('actionlint:'))).toBe(true)
  })

  it('the examples pass the action only inputs it declares', async () => {
    const declared = Object.keys((parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as { inputs: object }).inputs)
    for (const file of await examples()) {
      const workflow = parse(await readFile(path.join(REPO, file), 'utf8')) as { jobs: Record<string, { steps: { uses?: string; with?: object }[] }> }
      for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps.filter(s => s.uses?.startsWith('retrain-action/'))) {
          for (const input of Object.keys(step.with ?? {})) expect(declared, `${file}: input ${input}`).toContain(input)
        }
      }
    }
  })
})
