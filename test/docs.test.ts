// The README's inputs and outputs tables are generated from action.yml by scripts/action-docs.mjs;
// these tests fail when someone edits one without running `npm run docs`.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const script = path.join(repo, 'scripts/action-docs.mjs')
const scratch = mkdtempSync(path.join(tmpdir(), 'docs-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

function actionDocs(...args: string[]) {
  const res = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 30_000 })
  return { code: res.status, stderr: res.stderr }
}

/** A copy of README.md and action.yml that a test may change. */
function copy(name: string): string {
  const dir = path.join(scratch, name)
  for (const file of ['README.md', 'action.yml']) cpSync(path.join(repo, file), path.join(dir, file))
  return dir
}

/** The README's text between a pair of markers. */
function between(readme: string, table: 'inputs' | 'outputs'): string {
  const start = readme.indexOf(`<!-- action-docs:${table} -->`)
  const end = readme.indexOf(`<!-- /action-docs:${table} -->`)
  expect(start, `README.md has no ${table} markers`).toBeGreaterThanOrEqual(0)
  expect(end).toBeGreaterThan(start)
  return readme.slice(start, end)
}

describe('README tables generated from action.yml', () => {
  it('README.md is what npm run docs writes', () => {
    const res = actionDocs('--check')
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
  })

  it('lists every input with its default and every output, in the order of action.yml', () => {
    const action = parse(readFileSync(path.join(repo, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string; description: string }>
      outputs: Record<string, { description: string }>
    }
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8')
    const inputRows = between(readme, 'inputs')
      .split('\n')
      .filter(line => line.startsWith('| `'))
    expect(inputRows.map(row => /^\| `([^`]+)`/.exec(row)![1])).toEqual(Object.keys(action.inputs))
    expect(inputRows.find(row => row.startsWith('| `spec` |'))).toContain('| `.github/retrain.yml` |')
    expect(inputRows.find(row => row.startsWith('| `token` |'))).toContain('| `github.token` |')
    const outputRows = between(readme, 'outputs')
      .split('\n')
      .filter(line => line.startsWith('| `'))
    expect(outputRows.map(row => /^\| `([^`]+)`/.exec(row)![1])).toEqual(Object.keys(action.outputs))
  })

  it('--check fails when action.yml changed and the README did not, and npm run docs repairs it', () => {
    const dir = copy('stale')
    const actionPath = path.join(dir, 'action.yml')
    writeFileSync(actionPath, readFileSync(actionPath, 'utf8').replace('Path of the retraining spec', 'Where the retraining spec lives'))
    const stale = actionDocs('--check', '--root', dir)
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain("run 'npm run docs'")

    expect(actionDocs('--root', dir).code).toBe(0)
    expect(between(readFileSync(path.join(dir, 'README.md'), 'utf8'), 'inputs')).toContain('Where the retraining spec lives')
    expect(actionDocs('--check', '--root', dir).code).toBe(0)
  })

  it('a hand edit between the markers is caught too', () => {
    const dir = copy('hand-edit')
    const readmePath = path.join(dir, 'README.md')
    writeFileSync(readmePath, readFileSync(readmePath, 'utf8').replace('| `decision` |', '| `decision` | (edited) |'))
    expect(actionDocs('--check', '--root', dir).code).toBe(1)
  })

  it('a README without the markers is an error that says what to add', () => {
    const dir = copy('no-markers')
    writeFileSync(path.join(dir, 'README.md'), '# nothing here\n')
    const res = actionDocs('--check', '--root', dir)
    expect(res.code).not.toBe(0)
    expect(res.stderr).toContain('<!-- action-docs:inputs -->')
  })
})

/** The README's fenced block whose first line is `# <name>`. */
function fencedFile(readme: string, name: string): string {
  const block = readme.split('```yaml\n').find(part => part.startsWith(`# ${name}\n`))
  expect(block, `README.md has no yaml block starting with "# ${name}"`).toBeDefined()
  return block!.slice(0, block!.indexOf('```'))
}

describe('the README for its reader', () => {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8')

  it('keeps the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm run demo')
    expect(readme).toMatch(/^npm test\b/m)
  })

  it("the first workflow is valid for GitHub's workflow parser and the linter", () => {
    const file = path.join(scratch, 'first-workflow.yml')
    writeFileSync(file, fencedFile(readme, '.github/workflows/retrain.yml'))
    const res = spawnSync(process.execPath, ['--import', './test/github/json-import-hook.mjs', 'test/github/check-workflows.mjs', file], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000
    })
    expect(res.status, res.stderr).toBe(0)
    expect(JSON.parse(res.stdout)).toEqual({ [file]: [] })
  })

  it("the first workflow's spec is valid, with data of the shape it names", () => {
    const project = path.join(scratch, 'first-spec')
    mkdirSync(path.join(project, '.github'), { recursive: true })
    mkdirSync(path.join(project, 'data'))
    writeFileSync(path.join(project, '.github/retrain.yml'), fencedFile(readme, '.github/retrain.yml'))
    cpSync(path.join(repo, 'examples/cars-builtin/data/cars-1970-1975.csv'), path.join(project, 'data/train.csv'))
    cpSync(path.join(repo, 'examples/cars-builtin/data/cars-1980-1982.csv'), path.join(project, 'data/holdout.csv'))
    const res = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'validate'], { cwd: project, encoding: 'utf8', timeout: 60_000 })
    expect(res.status, res.stderr).toBe(0)
  })

  it('uses: names only GitHub actions, local paths or placeholders, never an unpublished release', () => {
    const uses = [...readme.matchAll(/^\s*-?\s*uses: (\S+)/gm)].map(m => m[1]!).filter(ref => !ref.startsWith('builtin/'))
    expect(uses.length).toBeGreaterThan(0)
    expect(uses.filter(ref => !(ref.startsWith('actions/') || ref.startsWith('./') || ref.startsWith('<')))).toEqual([])
  })

  it('every relative link of the README and docs/ leads to a file that exists', () => {
    const pages = ['README.md', ...readdirSync(path.join(repo, 'docs')).map(name => `docs/${name}`)]
    expect(pages.length).toBeGreaterThan(3)
    const broken: string[] = []
    for (const page of pages) {
      const text = readFileSync(path.join(repo, page), 'utf8')
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:|^#/.test(target!)) continue
        const file = target!.split('#')[0]!
        if (!existsSync(path.resolve(repo, path.dirname(page), file))) broken.push(`${page} -> ${target}`)
      }
    }
    expect(broken).toEqual([])
  })
})
