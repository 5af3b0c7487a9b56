/**
 * Runs the built-in trainers in-process with the warm-start contract's environment, as a step would
 * see it, against temporary directories.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { evaluateBuiltin } from '../../src/trainers/evaluate-command.js'
import { MODEL_FILE, type BuiltinModel } from '../../src/trainers/model.js'
import { trainBuiltin } from '../../src/trainers/train-command.js'

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CARS = path.join(REPO, 'examples/cars/data')
export const FIXTURES = path.join(REPO, 'test/trainers/fixtures')

const roots: string[] = []

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-trainers-'))
  roots.push(dir)
  return dir
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(roots.splice(0).map(d => rm(d, { recursive: true, force: true })))
}

export interface TrainRun {
  trainer: string
  with: Record<string, unknown>
  data: string[]
  baselineDir?: string
  warmStart?: 'required' | 'fallback'
}

export interface Trained {
  modelDir: string
  log: string[]
  report: string
  model(): Promise<BuiltinModel>
  text(): Promise<string>
}

export async function train(run: TrainRun): Promise<Trained> {
  const root = await tempDir()
  const modelDir = path.join(root, 'model')
  await mkdir(modelDir)
  const report = path.join(root, 'training-report.json')
  const log: string[] = []
  const env = {
    RETRAIN_MODEL_DIR: modelDir,
    RETRAIN_BASELINE_DIR: run.baselineDir ?? '',
    RETRAIN_BASELINE_VERSION: run.baselineDir ? '1' : '',
    RETRAIN_DATA_TRAIN: run.data.join('\n'),
    RETRAIN_WARM_START: run.warmStart ?? 'fallback',
    RETRAIN_TRAINING_REPORT: report,
    RETRAIN_BUILTIN_OPTIONS: JSON.stringify(run.with)
  }
  await trainBuiltin(run.trainer, { env, log: line => log.push(line) })
  const text = () => readFile(path.join(modelDir, MODEL_FILE), 'utf8')
  return { modelDir, log, report, text, model: async () => JSON.parse(await text()) as BuiltinModel }
}

export async function evaluate(modelDir: string, data: string[]) {
  const root = await tempDir()
  const metricsFile = path.join(root, 'metrics.json')
  const predictionsFile = path.join(root, 'predictions.csv')
  const env = {
    RETRAIN_EVAL_MODEL_DIR: modelDir,
    RETRAIN_DATA_EVAL: data.join('\n'),
    RETRAIN_METRICS_FILE: metricsFile,
    RETRAIN_PREDICTIONS_FILE: predictionsFile
  }
  await evaluateBuiltin('eval', { env, log: () => undefined })
  return {
    metrics: JSON.parse(await readFile(metricsFile, 'utf8')) as Record<string, number | null>,
    predictions: await readFile(predictionsFile, 'utf8')
  }
}

/** A CSV file from records (values without commas or quotes, as the tests write them). */
export async function writeCsv(file: string, header: string[], rows: (string | number)[][]): Promise<string> {
  await writeFile(file, [header.join(','), ...rows.map(r => r.join(','))].join('\n') + '\n')
  return file
}

/** A copy of a CSV file (no quoted fields) with `change` applied to its header and rows. */
export async function editCsv(source: string, change: (header: string[], rows: string[][]) => { header: string[]; rows: string[][] }): Promise<string> {
  const [head, ...lines] = (await readFile(source, 'utf8')).trimEnd().split('\n')
  const edited = change(
    head!.split(','),
    lines.map(l => l.split(','))
  )
  return writeCsv(path.join(await tempDir(), path.basename(source)), edited.header, edited.rows)
}
