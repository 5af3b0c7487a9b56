/**
 * Each shell's bundle carries its own shell and the shared core, never the other shell: the action
 * (dist/index.js) holds nothing of the CLI's folder, the CLI (dist/cli.js) nothing of the action's.
 * esbuild marks every bundled module with a comment naming its source path.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO } from './helpers/project.js'

function modulesOf(bundle: string): string[] {
  const text = readFileSync(path.join(REPO, 'dist', bundle), 'utf8')
  return [...new Set([...text.matchAll(/^\/\/ (src\/[\w/.-]+\.ts)$/gm)].map(m => m[1]!))].sort()
}

describe('the shells share the core, not each other', () => {
  it('the action bundle holds the action shell and the core, nothing of the CLI shell', () => {
    const modules = modulesOf('index.js')
    expect(modules).toContain('src/github/action.ts')
    expect(modules).toContain('src/app/execute.ts')
    expect(modules.filter(m => m.startsWith('src/local/'))).toEqual([])
  })

  it('the CLI bundle holds the CLI shell and the core, nothing of the action shell', () => {
    const modules = modulesOf('cli.js')
    expect(modules).toContain('src/local/cli.ts')
    expect(modules).toContain('src/app/execute.ts')
    expect(modules.filter(m => m.startsWith('src/github/'))).toEqual([])
  })
})
