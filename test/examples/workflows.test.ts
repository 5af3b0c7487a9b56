/**
 * The examples' workflows (examples/workflows/*.yml) hand the spec they run only params it declares:
 * each workflow_dispatch input is a param of the spec, of a matching type, with the spec's default.
 * A workflow names a spec under examples/, or `.github/retrain.yml`: the spec of the README's "Your
 * first workflow", which the general workflows (retrain.yml, approve.yml, dry-run.yml) are written
 * for. (test/github/workflows.test.ts runs the workflow parser and actionlint on the same files.)
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { REPO } from '../helpers/project.js'

interface Input {
  type?: string
  default?: unknown
  options?: unknown[]
}
interface Param {
  type: string
  default?: unknown
  enum?: unknown[]
}
interface Workflow {
  on: { workflow_dispatch?: { inputs?: Record<string, Input> } | null; [event: string]: unknown }
  jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>
}

async function exampleWorkflows(): Promise<{ file: string; workflow: Workflow; specs: string[] }[]> {
  const dir = path.join(REPO, 'examples/workflows')
  const found = []
  for (const name of (await readdir(dir)).filter(f => f.endsWith('.yml')).sort()) {
    const workflow = parse(await readFile(path.join(dir, name), 'utf8')) as Workflow
    const specs = Object.values(workflow.jobs)
      .flatMap(job => job.steps ?? [])
      // Commands that take params (a dispatch's inputs); fetch, status and the registry commands take none.
      .filter(step => PARAM_COMMANDS.includes(String(step.with?.command ?? 'run')))
      .map(step => step.with?.spec)
      .filter((spec): spec is string => typeof spec === 'string' && (spec.startsWith('examples/') || spec === README_SPEC))
    if (specs.length > 0) found.push({ file: name, workflow, specs: [...new Set(specs)] })
  }
  return found
}

const PARAM_COMMANDS = ['run', 'drift', 'plan', 'select']

/** Where the README's "Your first workflow" puts its spec; its text is the README's YAML block. */
const README_SPEC = '.github/retrain.yml'

async function specText(file: string): Promise<string> {
  if (file !== README_SPEC) return await readFile(path.join(REPO, file), 'utf8')
  const readme = await readFile(path.join(REPO, 'README.md'), 'utf8')
  const block = /```yaml\n# \.github\/retrain\.yml\n([\s\S]*?)```/.exec(readme)
  if (!block) throw new Error('README.md has no YAML block starting with "# .github/retrain.yml"')
  return block[1]!
}

const compatible: Record<string, string[]> = {
  number: ['number', 'integer'],
  string: ['string'],
  choice: ['string'],
  boolean: ['boolean']
}

describe("the examples' workflows", () => {
  it('name specs that exist, and pass only the params those specs declare', async () => {
    const workflows = await exampleWorkflows()
    // The general workflows are covered, as well as each example's own.
    expect(workflows.map(w => w.file)).toEqual(expect.arrayContaining(['retrain.yml', 'approve.yml', 'dry-run.yml', 'digits-dispatch.yml']))
    for (const { file, workflow, specs } of workflows) {
      for (const specFile of specs) {
        const spec = parse(await specText(specFile)) as { params?: Record<string, Param> }
        const params = spec.params ?? {}
        const inputs = workflow.on.workflow_dispatch?.inputs ?? {}
        for (const [name, input] of Object.entries(inputs)) {
          const param = params[name]
          expect(param, `${file}: input "${name}" is not a param of ${specFile} (it has ${Object.keys(params).join(', ')})`).toBeDefined()
          expect(compatible[input.type ?? 'string'], `${file}: input "${name}" of type ${input.type} for a ${param!.type} param`).toContain(param!.type)
          if (input.default !== undefined && param!.default !== undefined) {
            expect(input.default, `${file}: input "${name}"'s default differs from the spec's`).toEqual(param!.default)
          }
          if (input.type === 'choice') expect(input.options, `${file}: input "${name}"'s options`).toEqual(param!.enum)
        }
      }
    }
  })
})
