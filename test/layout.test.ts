/**
 * Imports in src/ run downwards only (shells -> app -> engine and registry -> spec, metrics,
 * trainers, ports), without cycles: the rules are in .dependency-cruiser.cjs, checked here with
 * dependency-cruiser. A back-import planted in a copy of src/ proves the check can fail.
 */
import { execFile } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO } from './helpers/project.js'

const DEPCRUISE = path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

interface Violation {
  from: string
  to: string
  rule: { name: string }
}

/** dependency-cruiser's violations for `src/` of `root`, with the repository's rules. */
async function violations(root: string): Promise<Violation[]> {
  const args = [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json']
  // Exit code 1 only says that there were violations; the JSON lists them.
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch(
    (error: { stdout?: string; code?: number }) => {
      if (error.code === 1 && error.stdout) return { stdout: error.stdout }
      throw error
    }
  )
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations
}

const describeViolations = (list: Violation[]) => list.map(v => `${v.rule.name}: ${v.from} -> ${v.to}`).join('\n')

/** A copy of src/ with the rules, for planting imports that must be refused. */
async function copyOfSrc(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-layout-'))
  copies.push(dir)
  await cp(path.join(REPO, 'src'), path.join(dir, 'src'), { recursive: true })
  for (const file of ['.dependency-cruiser.cjs', 'tsconfig.json', 'package.json']) await cp(path.join(REPO, file), path.join(dir, file))
  await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  return dir
}

/** Adds `line` after the file's first import. */
async function plant(root: string, file: string, line: string): Promise<void> {
  const target = path.join(root, file)
  const text = await readFile(target, 'utf8')
  const at = text.indexOf('\nimport ')
  expect(at, `${file} has an import to plant beside`).toBeGreaterThanOrEqual(0)
  await writeFile(target, `${text.slice(0, at + 1)}${line}\n${text.slice(at + 1)}`)
}

const copies: string[] = []
afterAll(async () => {
  await Promise.all(copies.map(dir => rm(dir, { recursive: true, force: true })))
})

describe('the layout of src/', () => {
  it('imports only run downwards and nothing imports in a circle', async () => {
    const found = await violations(REPO)
    expect(found, describeViolations(found)).toEqual([])
  })

  it('a planted back-import (metrics importing the engine), a type-only import, shell crossings and an import of the app layer are refused', async () => {
    const root = await copyOfSrc()
    // metrics/compare.ts already serves engine/rules.ts: importing the rules back is a cycle too.
    await plant(root, 'src/metrics/compare.ts', "import { evaluateRules } from '../engine/rules.js'\nexport const planted = evaluateRules")
    // Type-only imports count: a type is a dependency a reader follows too.
    await plant(root, 'src/trainers/model.ts', "import type { Spec } from '../spec/types.js'\nexport type Planted = Spec")
    await plant(root, 'src/local/file-gate.ts', "import { Outputs } from '../github/constants.js'\nexport const plantedOutputs = Outputs")
    // What both shells use lives below them: the action may not reach into the CLI's folder.
    await plant(root, 'src/github/gates.ts', "import { ConsoleReporter } from '../local/console-reporter.js'\nexport const plantedReporter = ConsoleReporter")
    // The app layer is below the shells and above the engine.
    await plant(root, 'src/engine/report.ts', "import { execute } from '../app/execute.js'\nexport const plantedExecute = execute")
    const found = describeViolations(await violations(root))
    expect(found).toMatch(/^metrics-is-a-leaf: src\/metrics\/compare\.ts -> src\/engine\/rules\.ts$/m)
    expect(found).toMatch(/^foundation-does-not-import-engine: src\/metrics\/compare\.ts -> src\/engine\/rules\.ts$/m)
    expect(found).toMatch(/^no-circular: src\/(metrics\/compare|engine\/rules)\.ts -> src\/(engine\/rules|metrics\/compare)\.ts$/m)
    expect(found).toMatch(/^trainers-is-a-leaf: src\/trainers\/model\.ts -> src\/spec\/types\.ts$/m)
    expect(found).toMatch(/^action-shell-does-not-import-cli-shell: src\/github\/gates\.ts -> src\/local\/console-reporter\.ts$/m)
    expect(found).toMatch(/^only-shells-import-app: src\/engine\/report\.ts -> src\/app\/execute\.ts$/m)
    expect(found).toMatch(/^cli-shell-does-not-import-action-shell: src\/local\/file-gate\.ts -> src\/github\/constants\.ts$/m)
  })
})
