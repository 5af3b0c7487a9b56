// The CLI as one CommonJS script, dist/cli-script.cjs, which dist/cli.js runs through vm.Script with
// V8's code cache (src/local/code-cache.ts). The script gets `require` and the CLI's own URL (for
// `import.meta.url`) from the function the loader wraps it in. A vm.Script has no dynamic import, so
// the Node built-ins the sources import() are required instead; any other import() fails the build.
// The last line holds the SHA-256 of the rest, which names the script's cache files.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'

/**
 * What the script leaves out: the GitHub registry's client (`--github`) brings an HTTP stack about as
 * large as the rest of the CLI, which every command would load for nothing. dist/cli.js runs a command
 * line with --github through the split ES module build instead (src/cli.ts).
 */
const LEFT_OUT = /\/github-registry\.js$/
const LEFT_OUT_PATH = 'retrain-left-out-of-the-script'

export async function buildCliScript({ outfile, target }) {
  await build({
    plugins: [{ name: 'left-out', setup: b => b.onResolve({ filter: LEFT_OUT }, () => ({ path: LEFT_OUT_PATH, external: true })) }],
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
  const text = readFileSync(outfile, 'utf8')
    .replace(/\bimport\("(node:[\w/]+)"\)/g, (_, name) => `Promise.resolve().then(() => { const m = require("${name}"); return { ...m, default: m }; })`)
    .replaceAll(`import("${LEFT_OUT_PATH}")`, 'Promise.reject(new Error("this part of the CLI runs through dist/cli.js\'s module build, not the script"))')
  const left = text.match(/(?<![\w$.])import\(/)
  if (left) throw new Error(`${outfile}: an import() the script cannot run, at offset ${left.index}; import only Node built-ins dynamically`)
  // The loader names the cache files by this hash rather than hashing the script on every start.
  const sha256 = createHash('sha256').update(text).digest('hex')
  writeFileSync(outfile, `${text}// retrain-script-sha256=${sha256}\n`)
}
