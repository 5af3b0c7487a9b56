// The demo: two generations of the bundled cars example, in a temporary directory, with the
// embedded registry. Generation 1 is the first model (1970-1975 cars); generation 2 gets new data
// (1976-1979 cars), warm-starts from generation 1, and both are evaluated on the 1980-1982 cars.
// By default the model is a built-in trainer (examples/cars-builtin: no training code at all);
// `npm run demo -- cars` runs the same story with the hand-written trainer of examples/cars.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const cli = path.join(repo, 'dist/cli.js')
const work = mkdtempSync(path.join(os.tmpdir(), 'retrain-demo-'))
const example = process.argv[2] ?? 'cars-builtin'
if (!['cars-builtin', 'cars'].includes(example)) {
  console.error(`unknown example "${example}": use cars-builtin (the default, a built-in trainer) or cars (a hand-written trainer)`)
  process.exit(2)
}
const project = path.join(work, example)
cpSync(path.join(repo, 'examples', example), project, { recursive: true })

function retrain(...args) {
  const res = spawnSync(process.execPath, [cli, ...args], { cwd: project, stdio: 'inherit' })
  return res.status
}

function banner(text) {
  const line = '═'.repeat(Math.max(60, text.length + 4))
  console.log(`\n${line}\n  ${text}\n${line}`)
}

const generations = [
  { title: 'Generation 1: the first model, trained on 1970-1975 cars', data: 'cars-1970-1975.csv' },
  { title: 'Generation 2: new data (1976-1979 cars), warm start from generation 1', data: 'cars-1976-1979.csv' }
]
const results = []
try {
  for (const [i, gen] of generations.entries()) {
    banner(gen.title)
    copyFileSync(path.join(project, 'data', gen.data), path.join(project, 'data/train.csv'))
    const out = path.join(project, `.retrain/runs/generation-${i + 1}`)
    const code = retrain('run', '--spec', 'retrain.yml', '--out', out)
    if (code !== 0) {
      console.error(`\nretrain exited with ${code}; the demo stops here.`)
      process.exit(code ?? 1)
    }
    results.push(JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')))
  }
  banner('The registry after both generations: retrain status')
  retrain('status', '--spec', 'retrain.yml')
  banner('In short')
  for (const [i, r] of results.entries()) {
    const m = r.candidate.metrics
    const vs = r.baseline ? ` vs champion v${r.baseline.version} rmse ${r.baseline.metrics.rmse.toFixed(2)}` : ''
    console.log(
      `generation ${i + 1}: ${r.decision} as version ${r.candidate.version} ` +
        `(${r.candidate.warmStart.source === 'champion' ? `warm start from v${r.candidate.warmStart.parentVersion}` : 'cold start'}); ` +
        `rmse ${m.rmse.toFixed(2)}${vs} on 1980-1982 cars`
    )
  }
  console.log(`\nEverything ran in ${project} (removed now). Try it on your own spec: retrain run --spec <file>`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
