// Writes dist/licenses.txt: the licence of every third-party package bundled into dist/, since the
// bundles themselves carry no licence comments. Each bundle in dist/ is traced back to its entry
// point (esbuild's module comments name it, last), rebuilt without writing, and esbuild's metafile
// lists every file it took from node_modules; each package's own licence files are copied in.
// Runs at the end of `npm run build`; `node scripts/licenses.mjs` runs it alone.
import { build } from 'esbuild'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(repo, 'dist')
export const LICENSES_FILE = 'licenses.txt'

/** Licence and notice files a package ships: LICENSE, LICENCE.md, COPYING, NOTICE, LICENSE-MIT... */
const LICENSE_FILE = /^(un)?licen[cs]e|^copying|^notice/i

/** The source file a bundle was built from: esbuild writes each module's path as a comment, the entry last. */
export function entryPointOf(bundleText, bundleName) {
  const modules = [...bundleText.matchAll(/^\/\/ ((?![^\s]*node_modules\/)[^\s]+\.[cm]?[jt]s)$/gm)]
  if (modules.length === 0) {
    throw new Error(`dist/${bundleName} names no source module: build it unminified so its entry point can be found`)
  }
  return modules[modules.length - 1][1]
}

/** The package directory a bundled file belongs to, or null for the project's own sources. */
export function packageRootOf(file) {
  const normalized = file.split(path.sep).join('/')
  const at = normalized.lastIndexOf('node_modules/')
  if (at < 0) return null
  const rest = normalized.slice(at + 'node_modules/'.length).split('/')
  const nameLength = rest[0].startsWith('@') ? 2 : 1
  return normalized.slice(0, at) + 'node_modules/' + rest.slice(0, nameLength).join('/')
}

/** The files of node_modules esbuild puts into the bundle of one entry point (absolute paths). */
async function bundledFiles(entryPoint) {
  const result = await build({
    entryPoints: [path.join(repo, entryPoint)],
    absWorkingDir: repo,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent'
  })
  return Object.keys(result.metafile.inputs).map(input => path.resolve(repo, input))
}

function readPackage(root) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
  const declared = manifest.license ?? manifest.licenses
  const license = typeof declared === 'string' ? declared : Array.isArray(declared) ? declared.map(l => l.type ?? l).join(' OR ') : declared?.type
  const files = readdirSync(root)
    .filter(name => LICENSE_FILE.test(name))
    .sort()
    .map(name => ({ name, text: readFileSync(path.join(root, name), 'utf8').replace(/\r\n/g, '\n').trim() }))
  if (files.length === 0) {
    const readme = readdirSync(root).find(name => /^readme/i.test(name))
    const section = readme ? licenseSection(readFileSync(path.join(root, readme), 'utf8')) : null
    if (section) files.push({ name: `${readme} (its licence section)`, text: section })
  }
  return { name: manifest.name, version: manifest.version, license: license ?? 'not declared', files }
}

/** A README's licence section (a `# License` or underlined `License` heading up to the next heading), for packages without a licence file. */
export function licenseSection(readme) {
  const lines = readme.replace(/\r\n/g, '\n').split('\n')
  const isHeading = i => /^#{1,6}\s/.test(lines[i]) || (/^(=+|-+)\s*$/.test(lines[i + 1] ?? '') && lines[i].trim() !== '')
  const start = lines.findIndex((line, i) => isHeading(i) && /licen[cs]e/i.test(line))
  if (start < 0) return null
  const bodyStart = /^#/.test(lines[start]) ? start + 1 : start + 2
  let end = bodyStart
  while (end < lines.length && !isHeading(end)) end++
  const body = lines.slice(bodyStart, end).join('\n').trim()
  return body === '' ? null : lines.slice(start, end).join('\n').trim()
}

/** Every third-party package bundled into dist/*.js, with the bundles it is in, sorted by name and version. */
export async function bundledPackages() {
  const bundles = readdirSync(dist)
    .filter(name => name.endsWith('.js'))
    .sort()
  const packages = new Map()
  for (const bundle of bundles) {
    const entryPoint = entryPointOf(readFileSync(path.join(dist, bundle), 'utf8'), bundle)
    const roots = new Set((await bundledFiles(entryPoint)).map(packageRootOf).filter(root => root !== null))
    for (const root of roots) {
      const pkg = readPackage(root)
      const key = `${pkg.name}@${pkg.version}`
      const known = packages.get(key) ?? { ...pkg, bundles: [] }
      if (!known.bundles.includes(`dist/${bundle}`)) known.bundles.push(`dist/${bundle}`)
      packages.set(key, known)
    }
  }
  return [...packages.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'))
}

export function renderLicenses(packages) {
  const rule = '='.repeat(80)
  const sections = packages.map(pkg => {
    const texts = pkg.files.length
      ? pkg.files.map(file => `--- ${file.name} ---\n${file.text}`).join('\n\n')
      : `(the package ships no licence file; its package.json: ${pkg.license})`
    return `${rule}\n${pkg.name} ${pkg.version}\nLicense: ${pkg.license}\nBundled into: ${pkg.bundles.join(', ')}\n\n${texts}\n`
  })
  const header =
    'Third-party software bundled into the files of dist/, with the licence texts each package ships.\n' +
    `${packages.length} packages. Generated by scripts/licenses.mjs during npm run build; do not edit.\n`
  return [header, ...sections].join('\n')
}

export async function writeLicenses() {
  const packages = await bundledPackages()
  writeFileSync(path.join(dist, LICENSES_FILE), renderLicenses(packages))
  return packages
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!existsSync(dist)) throw new Error('dist/ does not exist: run npm run build')
  const packages = await writeLicenses()
  console.error(`dist/${LICENSES_FILE}: ${packages.length} bundled packages`)
}
