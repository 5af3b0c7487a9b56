/**
 * Each shell's bundle carries its own shell and the shared core, never the other shell: the action
 * (dist/index.js) holds nothing of the CLI's folder, the CLI (dist/cli.js) nothing of the action's.
 * esbuild marks every bundled module with a comment naming its source path; a split bundle is read
 * with the chunks it loads.
 */
import { describe, expect, it } from 'vitest'
import { bundleWithChunks } from './helpers/project.js'

function modulesOf(bundle: string, options?: { loadedLater: boolean }): string[] {
  const text = bundleWithChunks(bundle, options)
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

  it('the CLI starts without the spec reader, the engine, the metrics and the trainers: each command imports what it uses', () => {
    // cli.js itself holds the loader of the script with the code cache; the shell is a chunk, for when the script is not there.
    const atStart = modulesOf('cli.js', { loadedLater: false })
    expect(atStart).toContain('src/local/code-cache.ts')
    const heavy = atStart.filter(m => /^src\/(local\/cli|engine\/run|engine\/bundle|metrics\/|trainers\/|spec\/load|github\/)/.test(m))
    expect(heavy).toEqual([])
  })

  it('the CLI as one script (dist/cli-script.cjs) holds the CLI shell and the core, nothing of the action shell', () => {
    const modules = modulesOf('cli-script.cjs')
    expect(modules).toContain('src/local/cli.ts')
    expect(modules).toContain('src/app/execute.ts')
    expect(modules.filter(m => m.startsWith('src/github/'))).toEqual([])
    expect(modules).not.toContain('src/local/code-cache.ts')
  })
})
