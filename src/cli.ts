import module from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { runCli } from './local/cli.js'

// Node 22.1+ can keep the compiled code of the chunks a command loads between runs; an older Node
// has no such cache, and the call is skipped.
const withCompileCache = module as { enableCompileCache?: (cacheDir: string) => unknown }
withCompileCache.enableCompileCache?.(path.join(os.tmpdir(), 'retrain-compile-cache'))

process.exitCode = await runCli(process.argv.slice(2))
