// The built-in trainers side by side with scikit-learn (Debian's python3-sklearn) in one run, on the
// same in-memory data: both sides load the same float64 matrix before the clock starts, and only
// fitting is timed (best of BENCH_ROUNDS). Then the warm-start benefit: how many epochs (SGD) or
// iterations (L-BFGS) a model warm-started from the champion needs on new data, against the cold
// model trained on that data alone.
import { spawnSync } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
const rows = Number(process.env.BENCH_TRAINER_ROWS ?? 100_000)
const features = 20
const epochs = 5
const python = '/usr/bin/python3'
const dir = mkdtempSync(path.join(os.tmpdir(), 'retrain-bench-trainers-'))

// The trainers are TypeScript: bundle their modules for this process, as dist/cli.js bundles them.
const bundle = path.join(dir, 'trainers.mjs')
await build({
  stdin: {
    contents: [
      "export * from './src/trainers/sgd.ts'",
      "export * from './src/trainers/lbfgs.ts'",
      "export { objectiveThreadCounts } from './src/trainers/objective-threads.ts'",
      "export { trainBuiltin } from './src/trainers/train-command.ts'"
    ].join('\n'),
    resolveDir: repo,
    loader: 'ts'
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'warning'
})
// The L-BFGS objectives' second thread, beside the bundle, where the bundle looks for it (as
// dist/objective-worker.mjs is beside dist/cli.js).
await build({
  entryPoints: [path.join(repo, 'src/trainers/objective-worker.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: path.join(dir, 'objective-worker.mjs'),
  logLevel: 'warning'
})
const t = await import(pathToFileURL(bundle).href)

/** A seeded linear problem: x ~ N(0, 1), a regression target and a binary (logistic) label. */
function syntheticData() {
  let s = 12345
  const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
  const w = Array.from({ length: features }, (_, j) => (j % 3 === 0 ? 0 : normal()))
  // In shared memory, as the trainers' CSV reader allocates it (the L-BFGS objectives' second thread
  // reads it without a copy).
  const x = new Float64Array(new SharedArrayBuffer(8 * rows * features))
  const yReg = new Float64Array(rows)
  const yBin = new Float64Array(rows)
  for (let i = 0; i < rows; i++) {
    let z = 0.5
    for (let j = 0; j < features; j++) {
      x[i * features + j] = normal()
      z += w[j] * x[i * features + j]
    }
    yReg[i] = z + 0.5 * normal()
    yBin[i] = uniform() < 1 / (1 + Math.exp(-z)) ? 1 : 0
  }
  return { x, yReg, yBin }
}

const data = syntheticData()
const binaryPlusMinus = Float64Array.from(data.yBin, y => (y === 1 ? 1 : -1))
writeFileSync(path.join(dir, 'x.f64'), Buffer.from(data.x.buffer))
writeFileSync(path.join(dir, 'y-reg.f64'), Buffer.from(data.yReg.buffer))
writeFileSync(path.join(dir, 'y-bin.f64'), Buffer.from(data.yBin.buffer))

const L2 = 1e-4
const seconds = fn => {
  const t0 = process.hrtime.bigint()
  const out = fn()
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, out }
}

function sgd(loss, y, cfg) {
  const state = t.newSgdState(features, false, 1)
  const set = { x: data.x, y, n: rows, d: features }
  const buffers = t.epochBuffers(set)
  for (let e = 0; e < epochs; e++) t.sgdEpoch({ loss, l2: L2, l1: 0, averaged: false, shuffle: true, powerT: 0.25, ...cfg }, state, set, buffers)
  return state
}
// LogisticRegression minimizes C sum(loss) + |w|^2/2, which with C = 1/(n l2) is n times our
// mean(loss) + l2 |w|^2/2: its default gtol 1e-4 is 1e-4/n on our scale.
const lbfgsTolerance = 1e-4 / rows
// It also stops on a relative decrease of the objective of at most L-BFGS-B's ftol, which scikit-learn
// 1.2 leaves at SciPy's default (2.22e-9) on its summed loss (floor 1, which is 1/n on our mean):
// where that stops first, it does. The trainers' default stop rule (referenceStopRule) is the same.
const sklearnStopRule = { relativeDecrease: 2.220446049250313e-9, decreaseFloor: 1 / rows }
function lbfgs(stopRule) {
  const params = new Float64Array(features + 1)
  const objective = t.softmaxObjective({ x: data.x, y: data.yBin, n: rows, d: features }, 2, true, L2)
  const result = t.minimize(objective, params, { memory: 10, maxIterations: 1000, tolerance: lbfgsTolerance, ...stopRule })
  return { iterations: result.iterations, loss: result.loss }
}

// One round of scikit-learn's three fits per call, so the rounds of both sides alternate and share
// whatever else the machine is doing.
const sklearnScript = `
import json, sys, time, warnings
import numpy as np
import sklearn
from sklearn.linear_model import SGDRegressor, SGDClassifier, LogisticRegression
d, n, f, epochs, l2 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
x = np.fromfile(d + '/x.f64').reshape(n, f)
y_reg = np.fromfile(d + '/y-reg.f64')
y_bin = np.fromfile(d + '/y-bin.f64')
warnings.simplefilter('ignore')
def timed(model, y):
    t0 = time.perf_counter()
    model.fit(x, y)
    return time.perf_counter() - t0, model
common = dict(max_iter=epochs, tol=None, shuffle=True, random_state=0, alpha=l2, learning_rate='invscaling', power_t=0.25)
out = {'version': sklearn.__version__}
out['sgdRegressor'] = timed(SGDRegressor(eta0=0.01, **common), y_reg)[0]
out['sgdClassifier'] = timed(SGDClassifier(loss='log_loss', eta0=0.1, **common), y_bin)[0]
secs, m = timed(LogisticRegression(C=1 / (n * l2), solver='lbfgs', max_iter=1000), y_bin)
p = m.predict_proba(x)[:, 1]
out['lbfgs'] = secs
out['lbfgsIterations'] = int(m.n_iter_[0])
out['lbfgsLoss'] = float(-np.mean(y_bin * np.log(p) + (1 - y_bin) * np.log(1 - p)) + 0.5 * l2 * np.sum(m.coef_ ** 2))
print(json.dumps(out))
`
const ours = []
const theirs = []
let sklearnProblem = null
// One untimed pass first, so that compiling the hot loops is not counted against either side.
sgd('squared', data.yReg, { schedule: 'invscaling', learningRate: 0.01 })
sgd('logistic', binaryPlusMinus, { schedule: 'invscaling', learningRate: 0.1 })
lbfgs(sklearnStopRule)
for (let r = 0; r < rounds; r++) {
  ours.push({
    sgdRegressor: seconds(() => sgd('squared', data.yReg, { schedule: 'invscaling', learningRate: 0.01 })).seconds,
    sgdClassifier: seconds(() => sgd('logistic', binaryPlusMinus, { schedule: 'invscaling', learningRate: 0.1 })).seconds,
    lbfgs: seconds(() => lbfgs(sklearnStopRule)),
    lbfgsDefault: seconds(() => lbfgs(t.referenceStopRule('softmax', rows)))
  })
  if (sklearnProblem) continue
  const py = spawnSync(python, ['-c', sklearnScript, dir, String(rows), String(features), String(epochs), String(L2)], { encoding: 'utf8' })
  if (py.status === 0) theirs.push(JSON.parse(py.stdout))
  else sklearnProblem = (py.error?.message ?? py.stderr).trim().split('\n').at(-1)
}
if (sklearnProblem) console.log(`(scikit-learn not measured: ${python} failed: ${sklearnProblem})\n`)
const best = (list, key) => Math.min(...list.map(x => (typeof x[key] === 'number' ? x[key] : x[key].seconds)))

const fmt = x => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : `${(x / 1e3).toFixed(0)} k`)
console.log(`throughput: ${rows.toLocaleString('en')} rows x ${features} features, in memory; best of ${rounds} alternating rounds\n`)
console.log('| training | built-in | scikit-learn | ratio (built-in / scikit-learn) |')
console.log('| --- | --- | --- | --- |')
for (const [key, label] of [
  ['sgdRegressor', `SGD regression, squared loss, ${epochs} epochs (SGDRegressor)`],
  ['sgdClassifier', `SGD logistic regression, ${epochs} epochs (SGDClassifier, log_loss)`]
]) {
  const mine = (rows * epochs) / best(ours, key)
  const other = theirs.length ? (rows * epochs) / best(theirs, key) : null
  console.log(`| ${label} | ${fmt(mine)} examples/s | ${other ? `${fmt(other)} examples/s` : '—'} | ${other ? `${(mine / other).toFixed(2)}x` : '—'} |`)
}
for (const [key, label] of [
  ['lbfgs', "L-BFGS logistic regression to convergence, scikit-learn's stop rule (LogisticRegression, lbfgs)"],
  ['lbfgsDefault', "the same, with the trainers' default stop rule"]
]) {
  const o = ours[0][key].out
  const mine = best(ours, key)
  const sk = theirs[0]
  const other = sk ? `${best(theirs, 'lbfgs').toFixed(3)} s, ${sk.lbfgsIterations} iterations, objective ${sk.lbfgsLoss.toFixed(11)}` : '—'
  const ratio = sk
    ? `${(best(theirs, 'lbfgs') / mine).toFixed(2)}x (per iteration ${(best(theirs, 'lbfgs') / sk.lbfgsIterations / (mine / o.iterations)).toFixed(2)}x)`
    : '—'
  console.log(`| ${label} | ${mine.toFixed(3)} s, ${o.iterations} iterations, objective ${o.loss.toFixed(11)} | ${other} | ${ratio} |`)
}
if (theirs.length && !theirs[0].version.startsWith('1.2.')) {
  console.log(`\n(scikit-learn ${theirs[0].version}: its L-BFGS stop rule may differ from 1.2's, which the comparable run assumes)`)
}
console.log('\naim: at least as fast as scikit-learn (ratio >= 1.00)')
{
  const c = t.objectiveThreadCounts
  console.log(
    `(L-BFGS: ours sums each evaluation on ${c.offered ? 2 : 1} thread(s)${c.offered ? `; the second summed ${c.summed} of ${c.offered} halves offered` : ''}; ` +
      "scikit-learn's BLAS uses as many threads as it finds free)"
  )
}

// ---------------------------------------------------------------------------------------------
// From a CSV file, end to end: `retrain train online-gradient-descent` (the built CLI: read, prepare,
// train, write the model) against NumPy's loadtxt (the fastest NumPy CSV read measured here; its
// fromstring form is no faster and holds the text) + StandardScaler + SGDRegressor on the same file,
// epochs and settings, in alternating rounds; medians of wall time and of peak RSS (/usr/bin/time).

const csvRows = Number(process.env.BENCH_CSV_ROWS ?? 1_000_000)
const csvRounds = Number(process.env.BENCH_CSV_ROUNDS ?? 3)
const csvFile = path.join(dir, 'train.csv')
{
  const fd = openSync(csvFile, 'w')
  writeSync(fd, [...Array.from({ length: features }, (_, j) => `x${j}`), 'y'].join(',') + '\n')
  let s = 12345
  const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform())
  const w = Array.from({ length: features }, (_, j) => (j % 3 === 0 ? 0 : normal()))
  for (let i = 0; i < csvRows; i += 10_000) {
    const lines = []
    for (let k = 0; k < 10_000 && i + k < csvRows; k++) {
      let z = 0.5
      const cells = []
      for (let j = 0; j < features; j++) {
        const x = normal()
        z += w[j] * x
        cells.push(x.toFixed(6))
      }
      cells.push((z + 0.5 * normal()).toFixed(6))
      lines.push(cells.join(','))
    }
    writeSync(fd, lines.join('\n') + '\n')
  }
  closeSync(fd)
}
const csvScript = `
import sys, warnings
import numpy as np
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import SGDRegressor
warnings.simplefilter('ignore')
data = np.loadtxt(sys.argv[1], delimiter=',', skiprows=1)
x = StandardScaler().fit_transform(data[:, :-1])
m = SGDRegressor(max_iter=int(sys.argv[2]), tol=None, eta0=0.01, alpha=1e-4, learning_rate='invscaling', power_t=0.25, shuffle=True, random_state=0).fit(x, data[:, -1])
print(float(np.mean((m.predict(x) - data[:, -1]) ** 2)))
`
/** Runs a command under /usr/bin/time: wall seconds and peak RSS in MB, or the failure. */
function timedRun(command, args, env) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { env, encoding: 'utf8' })
  const last = r.stderr.trim().split('\n').at(-1).split(' ')
  if (r.status !== 0) return { problem: r.stderr.trim().split('\n').at(-2) ?? `exit ${r.status}` }
  return { seconds: Number(last[0]), peakMb: Number(last[1]) / 1024 }
}
const numpyEnv = { ...process.env }
// Set on some processors for older OpenBLAS builds; they slow a current NumPy, so not for this run.
delete numpyEnv.OPENBLAS_CORETYPE
delete numpyEnv.OPENBLAS_L2_SIZE
const csvOurs = []
const csvTheirs = []
for (let r = 0; r < csvRounds; r++) {
  const modelDir = path.join(dir, `csv-model-${r}`)
  mkdirSync(modelDir)
  csvOurs.push(
    timedRun(process.execPath, [path.join(repo, 'dist/cli.js'), 'train', 'online-gradient-descent'], {
      ...process.env,
      RETRAIN_MODEL_DIR: modelDir,
      RETRAIN_DATA_TRAIN: csvFile,
      RETRAIN_BUILTIN_OPTIONS: JSON.stringify({ label: 'y', epochs })
    })
  )
  csvTheirs.push(timedRun(python, ['-c', csvScript, csvFile, String(epochs)], numpyEnv))
}
const median = list => {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2
}
const csvMb = (statSync(csvFile).size / 1e6).toFixed(0)
console.log(
  `\nfrom a CSV file: ${csvRows.toLocaleString('en')} x ${features} (${csvMb} MB), ${epochs} epochs, end to end; medians of ${csvRounds} alternating rounds\n`
)
console.log(
  '| training from CSV | built-in (`retrain train online-gradient-descent`) | NumPy loadtxt + StandardScaler + SGDRegressor | ratio (reference time / ours) |'
)
console.log('| --- | --- | --- | --- |')
const failed = [...csvOurs, ...csvTheirs].find(x => x.problem)
if (failed) console.log(`| (not measured: ${failed.problem}) | | | |`)
else {
  const [ot, tt] = [median(csvOurs.map(x => x.seconds)), median(csvTheirs.map(x => x.seconds))]
  const [om, tm] = [median(csvOurs.map(x => x.peakMb)), median(csvTheirs.map(x => x.peakMb))]
  console.log(`| wall time | ${ot.toFixed(2)} s | ${tt.toFixed(2)} s | ${(tt / ot).toFixed(2)}x |`)
  console.log(`| peak memory (RSS) | ${om.toFixed(0)} MB | ${tm.toFixed(0)} MB | ${(tm / om).toFixed(2)}x |`)
  console.log(`\n(the numeric matrix is ${((csvRows * (features + 1) * 8) / 1e6).toFixed(0)} MB; aim: ratio >= 1.00, peak under about 350 MB)`)
}
rmSync(csvFile, { force: true })

// ---------------------------------------------------------------------------------------------
// Warm-start benefit on real data with drift: the champion trained on the old data, then the new
// data trained cold (from scratch) and warm (from the champion). SGD: epochs until the warm model's
// loss on the new data reaches the cold model's final loss (one-epoch runs chained through bundles,
// which the n + k property makes equal to one long run). L-BFGS: iterations to converge.

async function runTrainer(trainer, options, files, baselineDir) {
  const modelDir = path.join(dir, `m${Math.random().toString(36).slice(2)}`)
  mkdirSync(modelDir)
  await t.trainBuiltin(trainer, {
    env: {
      RETRAIN_MODEL_DIR: modelDir,
      RETRAIN_BASELINE_DIR: baselineDir ?? '',
      RETRAIN_DATA_TRAIN: files.join('\n'),
      RETRAIN_WARM_START: 'required',
      RETRAIN_BUILTIN_OPTIONS: JSON.stringify(options)
    },
    log: () => undefined
  })
  const model = JSON.parse(readFileSync(path.join(modelDir, 'model.json'), 'utf8'))
  return { modelDir, run: model.history.at(-1) }
}

/** Splits a CSV by a predicate on its rows: old data for the champion, new data for the retrain. */
function splitCsv(file, isOld) {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n')
  const names = header.split(',')
  const write = (name, keep) => {
    const out = path.join(dir, name)
    writeFileSync(out, [header, ...lines.filter(l => keep(Object.fromEntries(l.split(',').map((v, j) => [names[j], v]))))].join('\n') + '\n')
    return out
  }
  return { old: write(`old-${path.basename(file)}`, isOld), fresh: write(`new-${path.basename(file)}`, r => !isOld(r)) }
}

const cars = { old: path.join(repo, 'examples/cars/data/cars-1970-1975.csv'), fresh: path.join(repo, 'examples/cars/data/cars-1976-1979.csv') }
const weatherAll = path.join(dir, 'weather.csv')
{
  // Seattle's weather, 2012-2013 for the champion and 2014-2015 as new data.
  const [header, ...lines] = readFileSync(path.join(repo, 'node_modules/vega-datasets/data/seattle-weather.csv'), 'utf8').trimEnd().split('\n')
  writeFileSync(weatherAll, [`${header},rain,year`, ...lines.map(l => `${l},${l.endsWith(',rain') ? 'yes' : 'no'},${l.slice(0, 4)}`)].join('\n') + '\n')
}
const weather = splitCsv(weatherAll, r => Number(r.year) <= 2013)

const sgdCases = [
  {
    title: 'cars mpg, online-gradient-descent (1970-75 -> 1976-79)',
    trainer: 'online-gradient-descent',
    data: cars,
    options: { label: 'Miles_per_Gallon', ignore: ['Name'] },
    epochs: 100
  },
  {
    title: 'Seattle rain, sgd-logistic (2012-13 -> 2014-15)',
    trainer: 'sgd-logistic',
    data: weather,
    options: { label: 'rain', ignore: ['date', 'weather', 'year'] },
    epochs: 30
  }
]
console.log('\nwarm-start benefit on new data (loss on the new data, lower is better)\n')
console.log(
  '| model | cold: epochs, final loss | warm: loss before training | warm, schedule continued: epochs to the cold final loss | warm, restart-schedule: epochs to the cold final loss |'
)
console.log('| --- | --- | --- | --- | --- |')
for (const c of sgdCases) {
  const options = { ...c.options, epochs: c.epochs }
  const champion = await runTrainer(c.trainer, options, [c.data.old])
  const cold = await runTrainer(c.trainer, options, [c.data.fresh])
  const target = cold.run.lossAfter
  let before = null
  const epochsToTarget = async restart => {
    let previous = champion.modelDir
    for (let e = 1; e <= c.epochs; e++) {
      // The first run restarts the schedule or not; the following one-epoch runs continue it.
      const warm = await runTrainer(c.trainer, { ...c.options, epochs: 1, 'restart-schedule': restart && e === 1 }, [c.data.fresh], previous)
      before ??= warm.run.lossBefore
      previous = warm.modelDir
      if (warm.run.lossAfter <= target) return `${e} (${(100 * (1 - e / c.epochs)).toFixed(0)}% fewer)`
    }
    return `not within ${c.epochs}`
  }
  const continued = await epochsToTarget(false)
  const restarted = await epochsToTarget(true)
  console.log(`| ${c.title} | ${c.epochs}, ${target.toFixed(4)} | ${before.toFixed(4)} | ${continued} | ${restarted} |`)
}
{
  const options = { label: 'weather', ignore: ['date', 'rain', 'year'], l2: 0.001 }
  const champion = await runTrainer('lbfgs-maximum-entropy', options, [weather.old])
  const cold = await runTrainer('lbfgs-maximum-entropy', options, [weather.fresh])
  const warm = await runTrainer('lbfgs-maximum-entropy', options, [weather.fresh], champion.modelDir)
  console.log('\n| L-BFGS model | cold: iterations to converge, final loss | warm: loss before training | warm: iterations to converge, final loss |')
  console.log('| --- | --- | --- | --- |')
  console.log(
    `| Seattle weather (5 classes), lbfgs-maximum-entropy (2012-13 -> 2014-15) | ${cold.run.passes}, ${cold.run.lossAfter.toFixed(4)} | ` +
      `${warm.run.lossBefore.toFixed(4)} | ${warm.run.passes}, ${warm.run.lossAfter.toFixed(4)} |`
  )
  console.log("\n(the warm L-BFGS model keeps the champion's frozen preparation, so its optimum on the new data differs slightly from the cold one's)")
}
rmSync(dir, { recursive: true, force: true })
