// Data preparation details and what `retrain evaluate` writes: missing values, hashed categories,
// bad cells, and the predictions file for each kind of task.
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FIXTURES, evaluate, removeTempDirs, tempDir, train, writeCsv } from './helpers.js'

afterAll(removeTempDirs)

const penguins = (part: 'train' | 'test') => path.join(FIXTURES, 'data', `penguins-${part}.csv`)

describe('preparation', () => {
  it('imputes a missing number with the training mean and can flag it in its own feature', async () => {
    const file = await writeCsv(
      path.join(await tempDir(), 'gaps.csv'),
      ['x', 'colour', 'y'],
      [
        [1, 'red', 1],
        ['', 'blue', 2],
        [3, '', 3],
        [5, 'red', 4]
      ]
    )
    const trained = await train({ trainer: 'online-gradient-descent', data: [file], with: { label: 'y', epochs: 1, 'missing-indicators': true } })
    const m = await trained.model()
    expect(m.preparation.numeric).toEqual([{ column: 'x', center: 3, scale: Math.sqrt(8 / 3), fill: 3 }])
    expect(m.preparation.features.map(f => f.name)).toEqual(['x', 'x (missing)', 'colour=blue', 'colour=red'])
  })

  it('hashes categories into a fixed number of features, so new categories need no new weights', async () => {
    const dir = await tempDir()
    const old = await writeCsv(
      path.join(dir, 'old.csv'),
      ['city', 'y'],
      [
        ['oslo', 1],
        ['lima', 2],
        ['oslo', 1]
      ]
    )
    const fresh = await writeCsv(
      path.join(dir, 'new.csv'),
      ['city', 'y'],
      [
        ['kyiv', 3],
        ['oslo', 1]
      ]
    )
    const options = { label: 'y', epochs: 2, 'categorical-encoding': 'hash', 'hash-buckets': 8 }
    const parent = await train({ trainer: 'online-gradient-descent', data: [old], with: options })
    const child = await train({ trainer: 'online-gradient-descent', data: [fresh], with: options, baselineDir: parent.modelDir, warmStart: 'required' })
    const [p, c] = [await parent.model(), await child.model()]
    expect(p.preparation.features).toHaveLength(8)
    expect(c.preparation).toEqual(p.preparation)
    expect(c.history[1]!.addedFeatures).toEqual([])
  })

  it('names the file and record of a cell that is not a number in a numeric column', async () => {
    const dir = await tempDir()
    const good = await writeCsv(
      path.join(dir, 'good.csv'),
      ['x', 'y'],
      [
        [1, 1],
        [2, 2]
      ]
    )
    const bad = await writeCsv(
      path.join(dir, 'bad.csv'),
      ['x', 'y'],
      [
        [1, 1],
        ['lots', 2]
      ]
    )
    const trained = await train({ trainer: 'online-gradient-descent', data: [good], with: { label: 'y', epochs: 1 } })
    await expect(evaluate(trained.modelDir, [bad])).rejects.toThrow(`${bad}:3: column x is numeric but holds "lots"`)
  })
})

describe('predictions and metrics of retrain evaluate', () => {
  it('binary: the positive class’s probability as score, ids from the id column', async () => {
    const trained = await train({ trainer: 'lbfgs-logistic', data: [penguins('train')], with: { label: 'sex', 'positive-class': 'FEMALE' } })
    const { metrics, predictions } = await evaluate(trained.modelDir, [penguins('test')])
    const [header, ...rows] = predictions.trimEnd().split('\n')
    expect(header).toBe('id,label,prediction,score')
    expect(rows).toHaveLength(83)
    for (const row of rows) {
      const [id, label, predicted, score] = row.split(',')
      expect(Number(id) % 4).toBe(3)
      expect(['MALE', 'FEMALE']).toContain(label)
      expect(predicted).toBe(Number(score) >= 0.5 ? 'FEMALE' : 'MALE')
    }
    expect(Object.keys(metrics).sort()).toEqual(['accuracy', 'auc', 'f1', 'log_loss', 'precision', 'recall'])
    expect(metrics.accuracy).toBeGreaterThan(0.85)
  })

  it('hinge-loss models give a margin, not a probability, and no log loss', async () => {
    const trained = await train({ trainer: 'linear-svm', data: [penguins('train')], with: { label: 'sex' } })
    const { metrics, predictions } = await evaluate(trained.modelDir, [penguins('test')])
    expect(metrics.log_loss).toBeUndefined()
    expect(
      predictions
        .split('\n')
        .slice(1, -1)
        .some(r => Math.abs(Number(r.split(',')[3])) > 1)
    ).toBe(true)
  })

  it('multiclass: one probability column per class, summing to 1', async () => {
    const trained = await train({ trainer: 'lbfgs-maximum-entropy', data: [penguins('train')], with: { label: 'species', ignore: ['sex'] } })
    const { metrics, predictions } = await evaluate(trained.modelDir, [penguins('test')])
    const [header, ...rows] = predictions.trimEnd().split('\n')
    expect(header).toBe('id,label,prediction,proba_Adelie,proba_Chinstrap,proba_Gentoo')
    for (const row of rows) {
      const p = row.split(',').slice(3).map(Number)
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    }
    expect(Object.keys(metrics).sort()).toEqual(['accuracy', 'log_loss', 'macro_f1'])
  })

  it('writes null for a metric that is undefined on the data', async () => {
    const dir = await tempDir()
    const trainFile = await writeCsv(
      path.join(dir, 'train.csv'),
      ['x', 'y'],
      [
        [1, 1],
        [2, 2],
        [3, 3]
      ]
    )
    const constant = await writeCsv(
      path.join(dir, 'constant.csv'),
      ['x', 'y'],
      [
        [1, 5],
        [2, 5]
      ]
    )
    const trained = await train({ trainer: 'online-gradient-descent', data: [trainFile], with: { label: 'y', epochs: 1 } })
    const { metrics } = await evaluate(trained.modelDir, [constant])
    expect(metrics.r2).toBeNull()
    expect(metrics.rmse).toBeTypeOf('number')
  })
})
