// Bundles the action (dist/index.js), the CLI (dist/cli.js), the bootstrap's drawing thread
// (dist/bootstrap-worker.mjs) and the L-BFGS objectives' second thread (dist/objective-worker.mjs),
// which both bundles start from beside themselves, into self-contained ESM files. The output is committed; CI rebuilds it and fails when it differs.
//
// The CLI is split: what its commands import dynamically goes into dist/chunks/, loaded only by the
// commands that need it, so `retrain --version` or `retrain validate` does not compile the engine.
// The threads' files are written beside the chunks too, since the modules that start them are chunks.
//
//   node scripts/build.mjs [--outdir DIR] [--target TARGET]   (defaults: dist, node20)
//
// The CLI is also written as one script, dist/cli-script.cjs, that dist/cli.js runs with V8's code
// cache (scripts/cli-script.mjs, src/local/code-cache.ts).
//
// The schemas' validators and the spec's raw types are generated sources under src/ (npm run
// generate), not built here.
import { build } from 'esbuild'
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildCliScript } from './cli-script.mjs'

const { values } = parseArgs({ options: { outdir: { type: 'string', default: 'dist' }, target: { type: 'string', default: 'node20' } } })
const out = name => path.join(values.outdir, name)

const common = {
  bundle: true,
  platform: 'node',
  target: values.target,
  // Every Node that runs an ES module has top-level await, whatever language level the target names.
  supported: { 'top-level-await': true },
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // ajv and other CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __retrainCreateRequire } from 'node:module';\nconst require = __retrainCreateRequire(import.meta.url);"
  }
}

await build({ ...common, entryPoints: ['src/github/index.ts'], outfile: out('index.js') })
rmSync(out('chunks'), { recursive: true, force: true })
await build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: values.outdir, splitting: true, chunkNames: 'chunks/[name]-[hash]' })
writeFileSync(out('cli.js'), '#!/usr/bin/env node\n' + readFileSync(out('cli.js'), 'utf8'))
// The names are the ones src/metrics/random.ts and src/trainers/objective-threads.ts resolve against
// their bundle's import.meta.url.
await build({ ...common, banner: {}, entryPoints: ['src/metrics/bootstrap-worker.ts'], outfile: out('bootstrap-worker.mjs') })
await build({ ...common, banner: {}, entryPoints: ['src/trainers/objective-worker.ts'], outfile: out('objective-worker.mjs') })
copyFileSync(out('bootstrap-worker.mjs'), out('chunks/bootstrap-worker.mjs'))
copyFileSync(out('objective-worker.mjs'), out('chunks/objective-worker.mjs'))
await buildCliScript({ outfile: out('cli-script.cjs'), target: values.target })
chmodSync(out('cli.js'), 0o755)
// The licences file ships with dist/; a build elsewhere (a test's other target) leaves it alone.
if (path.resolve(values.outdir) === path.resolve('dist')) await (await import('./licenses.mjs')).writeLicenses()
