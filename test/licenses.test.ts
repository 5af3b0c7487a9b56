// dist/licenses.txt must carry the licence of every third-party package bundled into dist/. The
// bundles are read independently of the script that writes the file: esbuild names each bundled
// module's path in a comment, so every package directory found there must have its section.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bundleWithChunks } from './helpers/project.js'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(repo, 'dist')
const licensesPath = path.join(dist, 'licenses.txt')

/** The package directories whose modules a bundle (with its chunks) contains, from esbuild's `// path/to/module.js` comments. */
function bundledPackageRoots(bundle: string): Set<string> {
  const roots = new Set<string>()
  for (const [, file] of bundleWithChunks(bundle).matchAll(/^\/\/ (\S*node_modules\/\S+)$/gm)) {
    const at = file!.lastIndexOf('node_modules/')
    const parts = file!.slice(at + 'node_modules/'.length).split('/')
    const name = parts.slice(0, parts[0]!.startsWith('@') ? 2 : 1).join('/')
    roots.add(path.resolve(repo, file!.slice(0, at), 'node_modules', name))
  }
  return roots
}

function packageOf(root: string): { name: string; version: string; licenseTexts: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string }
  const licenseTexts = readdirSync(root)
    .filter(name => /^(un)?licen[cs]e|^copying/i.test(name))
    .map(name => readFileSync(path.join(root, name), 'utf8').replace(/\r\n/g, '\n').trim())
  return { name: manifest.name, version: manifest.version, licenseTexts }
}

describe('dist/licenses.txt', () => {
  const bundles = readdirSync(dist).filter(name => name.endsWith('.js'))

  it('exists next to the bundles (npm run build writes it)', () => {
    expect(bundles).toEqual(expect.arrayContaining(['index.js', 'cli.js']))
    expect(existsSync(licensesPath), 'dist/licenses.txt is missing: run npm run build').toBe(true)
  })

  it('holds a section with the licence texts of every package bundled into dist/, and nothing else', () => {
    const text = readFileSync(licensesPath, 'utf8')
    const expected = new Map<string, { name: string; version: string; licenseTexts: string[] }>()
    for (const bundle of bundles) {
      for (const root of bundledPackageRoots(bundle)) {
        const pkg = packageOf(root)
        expected.set(`${pkg.name} ${pkg.version}`, pkg)
      }
    }
    // the action bundles the GitHub toolkit, the CLI the spec's YAML parser: a sanity floor
    expect([...expected.keys()].some(key => key.startsWith('@actions/core '))).toBe(true)
    expect([...expected.keys()].some(key => key.startsWith('yaml '))).toBe(true)

    const sections = text.split(/^={80}\n/m).slice(1)
    const listed = sections.map(section => section.split('\n')[0])
    expect(new Set(listed)).toEqual(new Set(expected.keys()))
    expect(listed.length, 'a package is listed twice').toBe(new Set(listed).size)

    const missing: string[] = []
    for (const section of sections) {
      const pkg = expected.get(section.split('\n')[0]!)!
      expect(section.split('\n')[1]).toMatch(/^License: \S/)
      for (const licenseText of pkg.licenseTexts) {
        if (!section.includes(licenseText)) missing.push(`${pkg.name} ${pkg.version}`)
      }
    }
    expect(missing, 'licence texts missing from dist/licenses.txt').toEqual([])
  })

  it('the package ships it with the bundles', () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { files?: string[] }
    expect(manifest.files ?? []).toEqual(expect.arrayContaining(['dist/']))
  })
})
