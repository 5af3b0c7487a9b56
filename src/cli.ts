import module from 'node:module'
import path from 'node:path'
import { codeCacheDir, loadScriptCli } from './local/code-cache.js'
import { dropOutputOnClosedPipe } from './local/console-reporter.js'
import { TOOL_VERSION } from './version.js'

const argv = process.argv.slice(2)
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  // As the shell answers it (src/local/cli.ts), without loading the shell.
  dropOutputOnClosedPipe(process.stdout)
  process.stdout.write(`${TOOL_VERSION}\n`)
} else {
  // The CLI as one script with V8's code cache (src/local/code-cache.ts); without the script beside
  // this file, the split ES module chunks.
  // The script leaves out the GitHub registry's client (scripts/cli-script.mjs): --github runs the chunks.
  const script = argv.some(a => a === '--github' || a.startsWith('--github=')) ? null : loadScriptCli(import.meta.url, argv)
  if (script) {
    const code = await script.runCli(argv)
    process.exitCode = code
    script.done(code)
  } else {
    // Node 22.1+ can keep the compiled code of the chunks between runs, in the same per-user folder.
    const withCompileCache = module as { enableCompileCache?: (cacheDir: string) => unknown }
    const dir = codeCacheDir(process.env)
    if (dir !== null) withCompileCache.enableCompileCache?.(path.join(dir, 'modules'))
    const { runCli } = await import('./local/cli.js')
    process.exitCode = await runCli(argv)
  }
}
