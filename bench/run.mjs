// Runs every benchmark (bench/*.bench.mjs) in turn; each prints its own table comparing this
// project against a reference measured side by side in the same run.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const only = process.argv.slice(2)
const benches = readdirSync(here)
  .filter(f => f.endsWith('.bench.mjs'))
  .filter(f => only.length === 0 || only.some(o => f.includes(o)))
  .sort()
let failed = 0
for (const file of benches) {
  console.log(`\n## ${file.replace('.bench.mjs', '')}\n`)
  const res = spawnSync(process.execPath, [path.join(here, file)], { stdio: 'inherit' })
  if (res.status !== 0) {
    console.error(`${file} exited with ${res.status}`)
    failed++
  }
}
process.exit(failed ? 1 : 0)
