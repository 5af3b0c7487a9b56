/**
 * The example workflows, CI's workflow and action.yml pass GitHub's workflow parser and actionlint
 * (both run offline, in a subprocess: the parser needs a JSON import hook on plain Node). The example
 * workflows also use only inputs the action declares, through ./.github/actions/retrain, keep the token
 * out of .git/config, and use concurrency where it cannot cancel an approval.
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
    expect(files).toEqual(
      expect.arrayContaining([
        'examples/workflows/retrain.yml',
        'examples/workflows/approve.yml',
        'examples/workflows/dry-run.yml',
        'examples/workflows/deploy.yml'
      ])
    )
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

  it('the examples pass the action only inputs it declares, through the one path the README names', async () => {
    const declared = Object.keys((parse(await readFile(path.join(REPO, 'action.yml'), 'utf8')) as { inputs: object }).inputs)
    for (const file of await examples()) {
      const workflow = await load(file)
      const steps = Object.values(workflow.jobs).flatMap(job => job.steps)
      // Every action that is not one of GitHub's own is this action, as the README's convention copies it.
      for (const step of steps.filter(s => s.uses && !s.uses.startsWith('actions/'))) expect(step.uses, `${file}: uses`).toBe(ACTION_PATH)
      const ours = steps.filter(s => s.uses === ACTION_PATH)
      expect(ours.length, `${file} runs the action`).toBeGreaterThan(0)
      for (const step of ours) for (const input of Object.keys(step.with ?? {})) expect(declared, `${file}: input ${input}`).toContain(input)
    }
  })

  it('the examples keep the token out of .git/config: every checkout has persist-credentials: false', async () => {
    for (const file of await examples()) {
      const workflow = await load(file)
      for (const [name, job] of Object.entries(workflow.jobs)) {
        for (const step of job.steps.filter(s => s.uses?.startsWith('actions/checkout@'))) {
          expect(step.with?.['persist-credentials'], `${file}: job ${name}'s checkout`).toBe(false)
        }
      }
    }
    // The README's workflows too.
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8')
    const checkouts = [...readme.matchAll(/^( *)- uses: actions\/checkout@\S+\n((?:\1 {2}.*\n)*)/gm)]
    expect(checkouts.length).toBeGreaterThan(0)
    for (const [step, , rest] of checkouts) expect(rest, step).toMatch(/persist-credentials: false/)
  })

  it('the examples serialize the jobs that decide, never a job waiting for a reviewer, and one dry run per pull request', async () => {
    for (const file of await examples()) {
      const workflow = await load(file)
      const triggers = Object.keys(workflow.on)
      if (triggers.includes('pull_request')) {
        // A new push cancels the previous push's dry run: one comment, about the latest commit.
        expect(workflow.concurrency, `${file}: concurrency`).toEqual({
          group: expect.stringContaining('${{ github.event.pull_request.number }}'),
          'cancel-in-progress': true
        })
        continue
      }
      // Workflow-level concurrency would let any event of the workflow (any issue comment) queue in the
      // group and replace a pending run, and make a job waiting for its reviewer hold the group.
      expect(workflow.concurrency, `${file}: workflow-level concurrency`).toBeUndefined()
      for (const [name, job] of Object.entries(workflow.jobs)) {
        if (job.environment !== undefined) {
          expect(job.concurrency, `${file}: job ${name} waits for a reviewer and may not hold a concurrency group`).toBeUndefined()
        } else if (job.steps.some(s => s.uses === ACTION_PATH)) {
          expect(job.concurrency, `${file}: job ${name} decides and runs alone`).toMatchObject({ 'cancel-in-progress': false })
        }
      }
    }
    const retrain = await load('examples/workflows/retrain.yml')
    const approve = await load('examples/workflows/approve.yml')
    // The approval's group is its issue's, never the retraining's.
    expect(approve.jobs.decide!.concurrency!.group).toBe('retrain-approval-${{ github.event.issue.number }}')
    expect(retrain.jobs.train!.concurrency!.group).not.toBe(approve.jobs.decide!.concurrency!.group)
  })

  it("approval by issue comment and the protected promote job start deploy.yml, whose inputs are the dispatch's", async () => {
    for (const [file, job] of [
      ['examples/workflows/approve.yml', 'decide'],
      ['examples/workflows/retrain.yml', 'promote']
    ] as const) {
      const workflow = await load(file)
      const step = workflow.jobs[job]!.steps.find(s => s.uses === ACTION_PATH)!
      expect(step.with?.['dispatch-workflow'], file).toBe('deploy.yml')
      expect(workflow.jobs[job]!.permissions, file).toMatchObject({ actions: 'write' })
    }
    const deploy = (await load('examples/workflows/deploy.yml')) as unknown as { on: { workflow_dispatch: { inputs: Record<string, unknown> } } }
    expect(Object.keys(deploy.on.workflow_dispatch.inputs).sort()).toEqual(['model', 'version'])
  })
})

const ACTION_PATH = './.github/actions/retrain'

interface Workflow {
  on: Record<string, unknown>
  concurrency?: unknown
  jobs: Record<
    string,
    {
      environment?: unknown
      concurrency?: { group: string; 'cancel-in-progress'?: boolean }
      permissions?: Record<string, string>
      steps: { uses?: string; with?: Record<string, unknown> }[]
    }
  >
}

async function load(file: string): Promise<Workflow> {
  return parse(await readFile(path.join(REPO, file), 'utf8')) as Workflow
}
