// The CLI as one CommonJS script, dist/cli-script.cjs, which dist/cli.js runs through vm.Script with
// V8's code cache (src/local/code-cache.ts). The script gets `require` and the CLI's own URL (for
// `import.meta.url`) from the function the loader wraps it in. A vm.Script has no dynamic import, so
// the Node built-ins the sources import() are required instead; any other import() fails the build.
// The last line holds the SHA-256 of the rest, which names the script's cache files.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'

export async function buildCliScript({ outfile, target }) {
  await build({
    bundle: true,
    platform: 'node',
    target,
    format: 'cjs',
    legalComments: 'none',
    logLevel: 'warning',
    entryPoints: ['src/local/cli.ts'],
    outfile,
    define: { 'import.meta.url': '__retrainCliUrl' }
  })
  const text = readFileSync(outfile, 'utf8').replace(
    /\bimport\("(node:[\w/]+)"\)/g,
    (_, name) => `Promise.resolve().then(() => { const m = require("${name}"); return { ...m, default: m }; })`
  )
  const left = text.match(/(?<![\w$.])import\(/)
  if (left) throw new Error(`${outfile}: an import() the script cannot run, at offset ${left.index}; import only Node built-ins dynamically`)
  // The loader names the cache files by this hash rather than hashing the script on every start.
  const sha256 = createHash('sha256').update(text).digest('hex')
  writeFileSync(outfile, `${text}// retrain-script-sha256=${sha256}\n`)
}
