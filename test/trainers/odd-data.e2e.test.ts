// The built-in trainers on odd but plausible data files, through the built CLI (`retrain train`,
// `retrain evaluate`) as a step runs them.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { retrain } from '../helpers/project.js'

/** 40 rows of one feature; the label is 1 above x = 2, written by `label(value, row)`. */
function rows(label: (value: 0 | 1, row: number) => string): string {
  const lines = ['id,x,y']
  for (let i = 0; i < 40; i++) lines.push(`${i},${i / 10},${label(i / 10 > 2 ? 1 : 0, i)}`)
  return lines.join('\n') + '\n'
}

async function trainAndEvaluate(trainer: string, train: string, evaluation: string, options: Record<string, unknown> = { label: 'y' }) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-odd-'))
  await writeFile(path.join(dir, 'train.csv'), train)
  await writeFile(path.join(dir, 'eval.csv'), evaluation)
  const modelDir = path.join(dir, 'model')
  const trained = await retrain(dir, ['train', trainer], {
    RETRAIN_DATA_TRAIN: path.join(dir, 'train.csv'),
    RETRAIN_MODEL_DIR: modelDir,
    RETRAIN_BUILTIN_OPTIONS: JSON.stringify(options)
  })
  if (trained.code !== 0) return { trained, evaluated: null, metrics: null }
  const metricsFile = path.join(dir, 'metrics.json')
  const evaluated = await retrain(dir, ['evaluate'], {
    RETRAIN_DATA_EVAL: path.join(dir, 'eval.csv'),
    RETRAIN_EVAL_MODEL_DIR: modelDir,
    RETRAIN_METRICS_FILE: metricsFile
  })
  const metrics = evaluated.code === 0 ? (JSON.parse(await readFile(metricsFile, 'utf8')) as Record<string, number | null>) : null
  return { trained, evaluated, metrics }
}

describe('class labels written as numbers', () => {
  it('an evaluation file writing 1.0 and 0.0 where the training data wrote 1 and 0 holds the same classes', async () => {
    // A writer that stores an integer column as floats (a column with a missing value, say) writes 1.0.
    const { trained, evaluated, metrics } = await trainAndEvaluate(
      'lbfgs-logistic',
      rows(v => String(v)),
      rows(v => `${v}.0`)
    )
    expect(trained.code, trained.stderr).toBe(0)
    expect(evaluated!.code, evaluated!.stderr).toBe(0)
    expect(evaluated!.stderr).not.toMatch(/no class for/)
    expect(metrics).toMatchObject({ accuracy: 1, auc: 1, f1: 1 })
  })

  it('booleans are one class whatever their case: True in the training data, TRUE in the evaluation data', async () => {
    const bool = (v: 0 | 1, upper: boolean) => (v === 1 ? 'True' : 'False')[upper ? 'toUpperCase' : 'toString']()
    const { trained, evaluated, metrics } = await trainAndEvaluate(
      'lbfgs-logistic',
      rows(v => bool(v, false)),
      rows(v => bool(v, true))
    )
    expect(trained.code, trained.stderr).toBe(0)
    expect(evaluated!.code, evaluated!.stderr).toBe(0)
    expect(metrics).toMatchObject({ accuracy: 1, auc: 1, f1: 1 })
  })

  it('training data that writes one class as 1 and as 1.0 has two classes, not three', async () => {
    const { trained, metrics } = await trainAndEvaluate(
      'lbfgs-logistic',
      rows((v, i) => (v === 1 && i % 2 === 0 ? '1.0' : String(v))),
      rows(v => String(v)),
      { label: 'y', 'positive-class': '1.00' }
    )
    expect(trained.code, trained.stderr).toBe(0)
    expect(metrics).toMatchObject({ accuracy: 1, auc: 1 })

    const multiclass = await trainAndEvaluate(
      'lbfgs-maximum-entropy',
      rows((v, i) => (v === 1 && i % 2 === 0 ? '1.0' : String(v))),
      rows(v => `${v}.0`)
    )
    expect(multiclass.trained.code, multiclass.trained.stderr).toBe(0)
    expect(multiclass.metrics).toMatchObject({ accuracy: 1, macro_f1: 1 })
  })
})

describe('a data input of several files that do not all have the same columns', () => {
  it('a column one file lacks is no feature, and the trainer says so, naming the file; a label one file lacks is named so', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-odd-'))
    // The newer file renamed z: without a word, the model would lose a feature.
    await writeFile(path.join(dir, 'old.csv'), 'id,x,z,y\n1,0.1,5,0\n2,0.9,3,1\n3,0.2,4,0\n4,0.8,2,1\n')
    await writeFile(path.join(dir, 'new.csv'), 'id,x,Z,y\n5,0.1,5,0\n6,0.9,3,1\n')
    const env = (options: Record<string, unknown>) => ({
      RETRAIN_DATA_TRAIN: [path.join(dir, 'old.csv'), path.join(dir, 'new.csv')].join('\n'),
      RETRAIN_MODEL_DIR: path.join(dir, 'model'),
      RETRAIN_BUILTIN_OPTIONS: JSON.stringify(options)
    })
    const trained = await retrain(dir, ['train', 'lbfgs-logistic'], env({ label: 'y' }))
    expect(trained.code, trained.stderr).toBe(0)
    // A step's log: the trainer writes it to standard output.
    expect(trained.stdout).toContain('column z is not in every file of the training data (new.csv lacks it): it is not used')
    expect(trained.stdout).toContain('column Z is not in every file of the training data (old.csv lacks it): it is not used')

    const named = await retrain(dir, ['train', 'lbfgs-logistic'], env({ label: 'y', features: ['x', 'z'] }))
    expect(named.code).toBe(2)
    expect(named.stderr).toContain('with.features names column(s) the training data lacks: z (columns: id, x, y); z is not in every file (new.csv lacks it)')

    const label = await retrain(dir, ['train', 'lbfgs-logistic'], env({ label: 'z' }))
    expect(label.code).toBe(2)
    expect(label.stderr).toContain('the label column z (with.label) is not in every file of the training data: new.csv lacks it')
  })
})

describe('numbers near the largest double', () => {
  it('a column whose spread overflows standardization is refused, naming it, instead of a model that scores NaN', async () => {
    // 1e300 as a sentinel for "unknown": the squares overflow, the scale was Infinity, stored as null.
    const data = rows(v => String(v))
      .replace('\n3,0.3,0\n', '\n3,1e300,0\n')
      .replace('\n4,0.4,0\n', '\n4,-1e300,0\n')
    const { trained } = await trainAndEvaluate('lbfgs-logistic', data, data)
    expect(trained.code).toBe(2)
    expect(trained.stderr).toContain("column x holds numbers too large for the trainer's arithmetic (from -1e+300 to 1e+300; its spread overflows)")
    // The same column min-max scaled fits in the doubles and trains.
    const minMax = await trainAndEvaluate('lbfgs-logistic', data, data, { label: 'y', normalize: 'min-max' })
    expect(minMax.trained.code, minMax.trained.stderr).toBe(0)
    expect(minMax.evaluated!.code, minMax.evaluated!.stderr).toBe(0)
    expect(minMax.metrics!.log_loss).not.toBeNull()
  })
})

describe('labels and features too large for the arithmetic', () => {
  /** 40 rows: x from 0 to 3.9, and a label of (x + 1) times 10 to the `exponent`. */
  const regression = (exponent: number) =>
    ['id,x,y', ...Array.from({ length: 40 }, (_, i) => `${i},${i / 10},${(i / 10 + 1).toFixed(1)}e${exponent}`)].join('\n') + '\n'

  it.each(['online-gradient-descent', 'lbfgs-poisson'])(
    '%s refuses labels whose squares overflow, naming the column and the row, instead of a model of Infinity',
    async trainer => {
      const { trained } = await trainAndEvaluate(trainer, regression(200), regression(200))
      expect(trained.code).toBe(2)
      // The largest label, 4.9e200, on the last line of the file.
      expect(trained.stderr).toContain("train.csv:41: the label y is 4.9e+200, too large for the trainer's arithmetic: over 40 rows, labels up to 1.6e+149")
      // The same data in other units trains, and the model scores.
      const scaled = await trainAndEvaluate(trainer, regression(3), regression(3))
      expect(scaled.trained.code, scaled.trained.stderr).toBe(0)
      expect(Object.values(scaled.metrics!).every(v => v !== null && Number.isFinite(v))).toBe(true)
    }
  )

  it.each(['averaged-perceptron', 'linear-svm'])(
    '%s on unnormalized features of 1e200, whose margins overflow, fails and writes no model instead of one whose loss is NaN',
    async trainer => {
      const data = ['id,x,z,y', ...Array.from({ length: 40 }, (_, i) => `${i},${(i % 7) - 3}e200,${(i % 5) - 2}e200,${i % 2}`)].join('\n') + '\n'
      const { trained } = await trainAndEvaluate(trainer, data, data, { label: 'y', normalize: 'none' })
      expect(trained.code).toBe(2)
      expect(trained.stderr).toContain('training ended with a loss of NaN: the arithmetic overflowed, so no model is written')
    }
  )

  it('a training that stops on an overflowing gradient writes no model and fails, instead of the starting weights with exit 0', async () => {
    // Unnormalized features of 1e170: the gradient's square overflows, so no step could be taken.
    const data = ['id,x,y', ...Array.from({ length: 40 }, (_, i) => `${i},${(i % 2 ? 1 : -1) * i}e170,${i % 5}`)].join('\n') + '\n'
    const { trained } = await trainAndEvaluate('lbfgs-poisson', data, data, { label: 'y', normalize: 'none' })
    expect(trained.code).toBe(2)
    expect(trained.stderr).toContain('training stopped after 0 iterations on an objective or a gradient too large for the doubles')
  })
})

describe('ids of the predictions retrain evaluate writes', () => {
  /** 40 rows with ids 100..139, but the one at `empty` (0-based) without an id. */
  const withIds = (empty: number, header = 'id,x,y') =>
    [header, ...Array.from({ length: 40 }, (_, i) => `${i === empty ? '' : i + 100},${i / 10},${i / 10 > 2 ? 1 : 0}`)].join('\n') + '\n'

  async function evaluateOn(train: string, evaluation: string) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-odd-'))
    await writeFile(path.join(dir, 'train.csv'), train)
    await writeFile(path.join(dir, 'eval.csv'), evaluation)
    const trained = await retrain(dir, ['train', 'lbfgs-logistic'], {
      RETRAIN_DATA_TRAIN: path.join(dir, 'train.csv'),
      RETRAIN_MODEL_DIR: path.join(dir, 'model'),
      RETRAIN_BUILTIN_OPTIONS: JSON.stringify({ label: 'y' })
    })
    expect(trained.code, trained.stderr).toBe(0)
    const predictions = path.join(dir, 'predictions.csv')
    const evaluated = await retrain(dir, ['evaluate'], {
      RETRAIN_DATA_EVAL: path.join(dir, 'eval.csv'),
      RETRAIN_EVAL_MODEL_DIR: path.join(dir, 'model'),
      RETRAIN_METRICS_FILE: path.join(dir, 'metrics.json'),
      RETRAIN_PREDICTIONS_FILE: predictions
    })
    const ids =
      evaluated.code === 0
        ? (await readFile(predictions, 'utf8'))
            .trim()
            .split('\n')
            .slice(1)
            .map(line => line.split(',')[0])
        : null
    return { evaluated, ids }
  }

  it("an example with an empty id is refused, naming the file and line, instead of given its row number (maybe another example's id)", async () => {
    const { evaluated } = await evaluateOn(withIds(-1), withIds(7))
    expect(evaluated.code).toBe(2)
    // Row 7 is on line 9; its row number, 7, would be an id of its own in the predictions.
    expect(evaluated.stderr).toContain('eval.csv:9: the id column id is empty; give every example its id')
  })

  it('a model trained on data without an id column writes the ids of evaluation data that has one, as any other model does', async () => {
    const train = withIds(-1).replace(/^\d+,/gm, '').replace('id,x,y', 'x,y')
    const { evaluated, ids } = await evaluateOn(train, withIds(-1))
    expect(evaluated.code, evaluated.stderr).toBe(0)
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 100)))
  })
})

describe('booleans and numbers as classes, the same in the trainers and in the metrics computed from predictions', () => {
  const COMPARE = (predictions: string) => `model: m
data:
  eval: eval.csv
steps:
  - name: Train
    run: "true"
evaluate:
  run: "true"
  data: eval
  predictions: { ${predictions} }
metrics:
  accuracy:
    goal: maximize
    compute: accuracy
    change:
      - { margin: -1 }
promotion: { mode: auto, first-model: promote }
`

  /** The accuracy `retrain compare` computes from the predictions `retrain evaluate` wrote (the same file as both models). */
  async function computedAccuracy(predictionsFile: string, predictions: string): Promise<{ code: number | null; accuracy?: number; stderr: string }> {
    const dir = path.dirname(predictionsFile)
    await writeFile(path.join(dir, 'compare.yml'), COMPARE(predictions))
    const res = await retrain(dir, ['compare', '--spec', 'compare.yml', '--candidate', predictionsFile, '--baseline', predictionsFile, '--json'])
    if (res.code !== 0) return { code: res.code, stderr: res.stderr }
    return { code: 0, stderr: res.stderr, accuracy: (JSON.parse(res.stdout) as { candidate: { accuracy: number } }).candidate.accuracy }
  }

  async function trainThenEvaluate(trainer: string, train: string, evaluation: string, options: Record<string, unknown> = { label: 'y' }) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'retrain-odd-'))
    await writeFile(path.join(dir, 'train.csv'), train)
    await writeFile(path.join(dir, 'eval.csv'), evaluation)
    const trained = await retrain(dir, ['train', trainer], {
      RETRAIN_DATA_TRAIN: path.join(dir, 'train.csv'),
      RETRAIN_MODEL_DIR: path.join(dir, 'model'),
      RETRAIN_BUILTIN_OPTIONS: JSON.stringify(options)
    })
    expect(trained.code, trained.stderr).toBe(0)
    const predictions = path.join(dir, 'predictions.csv')
    const evaluated = await retrain(dir, ['evaluate'], {
      RETRAIN_DATA_EVAL: path.join(dir, 'eval.csv'),
      RETRAIN_EVAL_MODEL_DIR: path.join(dir, 'model'),
      RETRAIN_METRICS_FILE: path.join(dir, 'metrics.json'),
      RETRAIN_PREDICTIONS_FILE: predictions
    })
    expect(evaluated.code, evaluated.stderr).toBe(0)
    return { evaluated, predictions, metrics: JSON.parse(await readFile(path.join(dir, 'metrics.json'), 'utf8')) as Record<string, number | null> }
  }

  it('a binary model trained on true/false scores data labelled 1/0 as the computed metrics do: true is 1', async () => {
    const { evaluated, predictions, metrics } = await trainThenEvaluate(
      'lbfgs-logistic',
      rows(v => (v === 1 ? 'true' : 'false')),
      rows(v => String(v))
    )
    expect(evaluated.stdout).not.toMatch(/no class for/)
    expect(metrics.accuracy).toBe(1)
    expect(await computedAccuracy(predictions, 'task: binary')).toMatchObject({ code: 0, accuracy: 1 })
    // Classes declared as false and true read the label 1 as true too.
    expect(await computedAccuracy(predictions, 'task: binary, classes: [false, true]')).toMatchObject({ code: 0, accuracy: 1 })
  })

  it('binary training data writing a class as 1 on some rows and true on others holds two classes, as the metrics count them', async () => {
    const { metrics } = await trainThenEvaluate(
      'lbfgs-logistic',
      rows((v, i) => (v === 1 ? (i % 2 ? 'true' : '1') : i % 3 ? 'False' : '0')),
      rows(v => String(v)),
      { label: 'y', 'positive-class': 'TRUE' }
    )
    expect(metrics).toMatchObject({ accuracy: 1, auc: 1 })
  })

  it('a multiclass model on True/False/Maybe writes predictions the computed metrics read as the same classes', async () => {
    const labels = ['False', 'True', 'Maybe']
    const data = ['id,x,y', ...Array.from({ length: 60 }, (_, i) => `${i},${(i % 3) + (i % 7) / 20},${labels[i % 3]}`)].join('\n') + '\n'
    const { predictions, metrics } = await trainThenEvaluate('lbfgs-maximum-entropy', data, data)
    expect(metrics.accuracy).toBe(1)
    // The file writes each label as the data does (True) and each prediction as the model's class (true).
    expect(await computedAccuracy(predictions, 'task: multiclass')).toMatchObject({ code: 0, accuracy: 1 })
  })
})
