// Manual check that no file size is a ceiling (too slow for the test suite): writes a training CSV of
// about 600 MB into os.tmpdir() and trains on it with the built CLI, printing time and peak memory.
// Files over 512 MiB once failed with "Invalid string length". Run: npm run build && node bench/large-files.manual.mjs
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dir = mkdtempSync(path.join(os.tmpdir(), 'retrain-large-'))
const file = path.join(dir, 'train.csv')
const rows = Number(process.env.LARGE_ROWS ?? 3_100_000)
const fd = openSync(file, 'w')
writeSync(fd, [...Array.from({ length: 20 }, (_, j) => `x${j}`), 'y'].join(',') + '\n')
let s = 1
const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) * 2 - 1
for (let i = 0; i < rows; i += 10_000) {
  const lines = []
  for (let k = 0; k < 10_000 && i + k < rows; k++) {
    const x = Array.from({ length: 20 }, next)
    lines.push([...x.map(v => v.toFixed(6)), (x[0] + 0.5 * x[1]).toFixed(6)].join(','))
  }
  writeSync(fd, lines.join('\n') + '\n')
}
closeSync(fd)
const model = path.join(dir, 'model')
spawnSync('mkdir', [model])
const run = spawnSync('/usr/bin/time', ['-f', '%e s, peak %M KB', process.execPath, path.join(repo, 'dist/cli.js'), 'train', 'online-gradient-descent'], {
  env: { ...process.env, RETRAIN_MODEL_DIR: model, RETRAIN_DATA_TRAIN: file, RETRAIN_BUILTIN_OPTIONS: JSON.stringify({ label: 'y', epochs: 1 }) },
  encoding: 'utf8'
})
console.log(`training CSV of ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB, ${rows.toLocaleString('en')} rows: exit ${run.status}`)
console.log(run.stderr.trim().split('\n').slice(-2).join('\n'))
rmSync(dir, { recursive: true, force: true })
process.exit(run.status ?? 1)
