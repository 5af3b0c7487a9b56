// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into self-contained ESM files.
// The output is committed; CI rebuilds it and fails when it differs.
import { build } from 'esbuild'
import { chmodSync } from 'node:fs'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  legalComments: 'none',
  logLevel: 'warning',
  // ajv and other CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __retrainCreateRequire } from 'node:module';\nconst require = __retrainCreateRequire(import.meta.url);"
  }
}

await build({ ...common, entryPoints: ['src/github/index.ts'], outfile: 'dist/index.js' })
await build({
  ...common,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node\n' + common.banner.js }
})
chmodSync('dist/cli.js', 0o755)
await (await import('./licenses.mjs')).writeLicenses()
