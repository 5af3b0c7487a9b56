// The warm-start guarantees of the built-in trainers: continuing from a bundle is exact (n + k),
// the preparation stays frozen, new categories and classes get zero weights, an unmappable schema is
// refused or falls back as the spec says, and a damaged model is refused.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { TrainerError } from '../../src/trainers/errors.js'
import { MODEL_FILE, weightsDigest, type BuiltinModel } from '../../src/trainers/model.js'
import { CARS, editCsv, evaluate, removeTempDirs, train } from './helpers.js'

const gen1 = path.join(CARS, 'cars-1970-1975.csv')
const gen2 = path.join(CARS, 'cars-1976-1979.csv')
const later = path.join(CARS, 'cars-1980-1982.csv')
const regression = { label: 'Miles_per_Gallon', ignore: ['Name'] }

afterAll(removeTempDirs)

/** The cars data with a binary label: is the car American? */
function american(source: string) {
  return editCsv(source, (header, rows) => {
    const origin = header.indexOf('Origin')
    return {
      header: [...header.filter((_, j) => j !== origin), 'American'],
      rows: rows.map(r => [...r.filter((_, j) => j !== origin), r[origin] === 'USA' ? 'yes' : 'no'])
    }
  })
}

/** Everything that continues training, history aside. */
function state(m: BuiltinModel) {
  return { weights: m.weights, bias: m.bias, sgd: m.sgd, preparation: m.preparation, classes: m.classes }
}

describe('k more epochs from a bundle equal n + k epochs in one go', () => {
  const cases = [
    { trainer: 'online-gradient-descent', binary: false, with: regression },
    { trainer: 'online-gradient-descent', binary: false, with: { ...regression, averaged: true, l1: 0.001, schedule: 'constant', 'learning-rate': 0.002 } },
    { trainer: 'sgd-logistic', binary: true, with: { label: 'American', ignore: ['Name'] } },
    { trainer: 'averaged-perceptron', binary: true, with: { label: 'American', ignore: ['Name'] } },
    { trainer: 'linear-svm', binary: true, with: { label: 'American', ignore: ['Name'], l2: 0.01 } }
  ]
  for (const c of cases) {
    it(`${c.trainer} ${JSON.stringify(c.with).slice(0, 60)}`, async () => {
      const data = [c.binary ? await american(gen1) : gen1]
      const n = 3
      const k = 4
      const whole = await train({ trainer: c.trainer, data, with: { ...c.with, epochs: n + k } })
      const first = await train({ trainer: c.trainer, data, with: { ...c.with, epochs: n } })
      const continued = await train({ trainer: c.trainer, data, with: { ...c.with, epochs: k }, baselineDir: first.modelDir, warmStart: 'required' })
      const [w, f, cont] = [await whole.model(), await first.model(), await continued.model()]
      expect(state(cont)).toEqual(state(w))
      expect(cont.sgd!.t).toBe(w.sgd!.t)
      expect(cont.sgd!.epochs).toBe(n + k)
      // Not vacuous: the first n epochs alone end elsewhere.
      expect(f.weights).not.toEqual(w.weights)
      expect(cont.history.map(h => h.start)).toEqual(['cold', 'warm'])
      expect(cont.history[1]!.startedFrom).toBe(weightsDigest(f.weights, f.bias))
      expect(cont.history[1]!.stepsBefore).toBe(f.sgd!.t)
    })
  }

  it('gives a byte-identical model for the same data, options and seed, and another for another seed', async () => {
    const a = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 5 } })
    const b = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 5 } })
    const c = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 5, seed: 2 } })
    expect(await b.text()).toBe(await a.text())
    expect(await c.text()).not.toBe(await a.text())
  })
})

describe('the preparation survives retraining', () => {
  it('reuses the champion’s fitted statistics on new data instead of refitting them', async () => {
    const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 2 } })
    const child = await train({ trainer: 'online-gradient-descent', data: [gen2], with: { ...regression, epochs: 2 }, baselineDir: parent.modelDir })
    const refit = await train({ trainer: 'online-gradient-descent', data: [gen2], with: { ...regression, epochs: 2 } })
    const [p, c, r] = [await parent.model(), await child.model(), await refit.model()]
    expect(c.preparation).toEqual(p.preparation)
    // The new data's own statistics differ, so refitting would have changed every weight's meaning.
    expect(r.preparation.numeric.find(n => n.column === 'Weight_in_lbs')!.center).not.toBe(
      p.preparation.numeric.find(n => n.column === 'Weight_in_lbs')!.center
    )
    expect(c.history[1]!.startedFrom).toBe(weightsDigest(p.weights, p.bias))
    expect(c.history[1]!.lossBefore).toBeLessThan(r.history[0]!.lossBefore)
  })

  it('gives a category first seen in new data a new feature with a zero weight', async () => {
    const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 2 } })
    const korea = await editCsv(gen2, (header, rows) => ({ header, rows: rows.map((r, i) => (i < 5 ? [...r.slice(0, -1), 'Korea'] : r)) }))
    const child = await train({ trainer: 'online-gradient-descent', data: [korea], with: { ...regression, epochs: 1 }, baselineDir: parent.modelDir })
    const [p, c] = [await parent.model(), await child.model()]
    expect(c.preparation.features.map(f => f.name)).toEqual([...p.preparation.features.map(f => f.name), 'Origin=Korea'])
    expect(c.history[1]!.startedFrom).toBe(weightsDigest([[...p.weights[0]!, 0]], p.bias))
    expect(c.history[1]!.addedFeatures).toEqual(['Origin=Korea'])
    expect(child.log.join('\n')).toContain('Origin=Korea')
  })

  it('sends rare and new categories to an "other" feature in other mode', async () => {
    const options = { ...regression, epochs: 1, 'unknown-categories': 'other', 'min-category-count': 30 }
    const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: options })
    const p = await parent.model()
    // 1970-1975 has 25 Japanese cars, fewer than 30: they go to Origin=(other) with the unseen ones.
    expect(p.preparation.features.filter(f => f.column === 'Origin').map(f => f.name)).toEqual(['Origin=Europe', 'Origin=USA', 'Origin=(other)'])
    const korea = await editCsv(gen2, (header, rows) => ({ header, rows: rows.map((r, i) => (i < 5 ? [...r.slice(0, -1), 'Korea'] : r)) }))
    const child = await train({ trainer: 'online-gradient-descent', data: [korea], with: options, baselineDir: parent.modelDir })
    expect((await child.model()).preparation).toEqual(p.preparation)
  })

  it('adds a class first seen in new data to a multiclass model with zero weights', async () => {
    const options = { label: 'Origin', ignore: ['Name'], 'max-iterations': 20 }
    const withoutJapan = await editCsv(gen1, (header, rows) => ({ header, rows: rows.filter(r => r.at(-1) !== 'Japan') }))
    const parent = await train({ trainer: 'lbfgs-maximum-entropy', data: [withoutJapan], with: options })
    const child = await train({ trainer: 'lbfgs-maximum-entropy', data: [gen2], with: options, baselineDir: parent.modelDir, warmStart: 'required' })
    const [p, c] = [await parent.model(), await child.model()]
    expect(p.classes).toEqual(['Europe', 'USA'])
    expect(c.classes).toEqual(['Europe', 'USA', 'Japan'])
    expect(c.history[1]!.startedFrom).toBe(weightsDigest([...p.weights, p.weights[0]!.map(() => 0)], [...p.bias, 0]))
    expect(c.history[1]!.addedClasses).toEqual(['Japan'])
  })
})

describe('a champion that cannot be continued', () => {
  const noAcceleration = () =>
    editCsv(gen2, (header, rows) => {
      const drop = header.indexOf('Acceleration')
      return { header: header.filter((_, j) => j !== drop), rows: rows.map(r => r.filter((_, j) => j !== drop)) }
    })

  it('fails a required warm start, naming the missing column', async () => {
    const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 1 } })
    const run = train({
      trainer: 'online-gradient-descent',
      data: [await noAcceleration()],
      with: { ...regression, epochs: 1 },
      baselineDir: parent.modelDir,
      warmStart: 'required'
    })
    await expect(run).rejects.toThrow(TrainerError)
    await expect(run).rejects.toThrow(/warm start is required.*lacks column\(s\) the champion reads: Acceleration/)
  })

  it('falls back to a cold start and reports why', async () => {
    const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 1 } })
    const child = await train({
      trainer: 'online-gradient-descent',
      data: [await noAcceleration()],
      with: { ...regression, epochs: 1 },
      baselineDir: parent.modelDir
    })
    const report = JSON.parse(await readFile(child.report, 'utf8')) as { warmStart: boolean; reason: string }
    expect(report.warmStart).toBe(false)
    expect(report.reason).toContain('Acceleration')
    const c = await child.model()
    expect(c.history.map(h => h.start)).toEqual(['cold'])
    expect(c.preparation.features.map(f => f.column)).not.toContain('Acceleration')
  })

  it('treats a changed preparation option or another trainer as a schema change', async () => {
    const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 1 } })
    const changed = train({
      trainer: 'online-gradient-descent',
      data: [gen2],
      with: { ...regression, epochs: 1, normalize: 'min-max' },
      baselineDir: parent.modelDir,
      warmStart: 'required'
    })
    await expect(changed).rejects.toThrow(/with.normalize is "min-max" but the champion was trained with "standard"/)
    const other = await train({ trainer: 'lbfgs-poisson', data: [gen2], with: regression, baselineDir: parent.modelDir })
    expect(JSON.parse(await readFile(other.report, 'utf8')).reason).toContain('trained by builtin/online-gradient-descent')
  })

  it('refuses evaluation data that lacks a column the model reads', async () => {
    const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 1 } })
    await expect(evaluate(parent.modelDir, [await noAcceleration()])).rejects.toThrow(/lacks column\(s\) the model reads: Acceleration/)
  })
})

describe('a damaged model is refused, not trained on', () => {
  const damages: [string, (text: string) => string][] = [
    ['a weight changed by hand', t => t.replace(/"weights":\[\[(-?[0-9.]+)/, (_, w: string) => `"weights":[[${Number(w) + 1}`)],
    ['truncated JSON', t => t.slice(0, t.length / 2)],
    ['another format', t => t.replace('"formatVersion":1', '"formatVersion":9')]
  ]
  for (const [what, damage] of damages) {
    it(`refuses ${what}, also under warm-start: fallback`, async () => {
      const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 1 } })
      const file = path.join(parent.modelDir, MODEL_FILE)
      const damaged = damage(await readFile(file, 'utf8'))
      expect(damaged).not.toBe(await readFile(file, 'utf8'))
      await writeFile(file, damaged)
      await expect(train({ trainer: 'online-gradient-descent', data: [gen2], with: regression, baselineDir: parent.modelDir })).rejects.toThrow(
        /is not a usable built-in model/
      )
      await expect(evaluate(parent.modelDir, [later])).rejects.toThrow(/is not a usable built-in model/)
    })
  }
})

describe('training controls', () => {
  it('stops early when the validation loss stops improving, deterministically', async () => {
    const options = { ...regression, epochs: 500, 'validation-fraction': 0.25, patience: 3, schedule: 'constant', 'learning-rate': 0.05 }
    const a = await train({ trainer: 'online-gradient-descent', data: [gen1], with: options })
    const b = await train({ trainer: 'online-gradient-descent', data: [gen1], with: options })
    const run = (await a.model()).history[0]!
    expect(run.stoppedEarly).toBe(true)
    expect(run.passes).toBeLessThan(500)
    expect(run.validationExamples + run.examples).toBe(182)
    expect(run.validationExamples).toBeGreaterThan(25)
    expect(await b.text()).toBe(await a.text())
  })

  it('begins the step schedule again on a warm start with restart-schedule, keeping the step counter', async () => {
    const parent = await train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, epochs: 3 } })
    const continued = await train({ trainer: 'online-gradient-descent', data: [gen2], with: { ...regression, epochs: 1 }, baselineDir: parent.modelDir })
    const restarted = await train({
      trainer: 'online-gradient-descent',
      data: [gen2],
      with: { ...regression, epochs: 1, 'restart-schedule': true },
      baselineDir: parent.modelDir
    })
    const [p, c, r] = [await parent.model(), await continued.model(), await restarted.model()]
    expect(c.sgd!.scheduleStart).toBe(0)
    expect(r.sgd!.scheduleStart).toBe(p.sgd!.t)
    expect(r.sgd!.t).toBe(c.sgd!.t)
    expect(restarted.log.join('\n')).toContain('the step schedule starts again (restart-schedule)')
    // Bigger steps move further from the champion on the new data.
    const moved = (m: BuiltinModel) => m.weights[0]!.reduce((a, w, j) => a + Math.abs(w - p.weights[0]![j]!), 0)
    expect(moved(r)).toBeGreaterThan(moved(c))
  })

  it('continues L-BFGS from the champion’s optimum in a few iterations on the same data', async () => {
    const options = { label: 'Miles_per_Gallon', ignore: ['Name'] }
    const parent = await train({ trainer: 'lbfgs-poisson', data: [gen1], with: options })
    const child = await train({ trainer: 'lbfgs-poisson', data: [gen1], with: options, baselineDir: parent.modelDir, warmStart: 'required' })
    const [p, c] = [await parent.model(), await child.model()]
    expect(p.history[0]!.passes).toBeGreaterThan(5)
    expect(c.history[1]!.passes).toBeLessThanOrEqual(2)
    expect(c.history[1]!.lossBefore).toBeCloseTo(p.history[0]!.lossAfter, 12)
    expect(c.lbfgs!.iterations).toBe(p.lbfgs!.iterations + c.history[1]!.passes)
  })

  it('stops with advice when training diverges', async () => {
    const run = train({ trainer: 'online-gradient-descent', data: [gen1], with: { ...regression, schedule: 'constant', 'learning-rate': 1000, epochs: 50 } })
    await expect(run).rejects.toThrow(/training diverged in epoch \d+; lower with.learning-rate \(now 1000\)/)
  })

  it('refuses a binary trainer on a label with more than two values, pointing at the multiclass one', async () => {
    await expect(train({ trainer: 'sgd-logistic', data: [gen1], with: { label: 'Origin', ignore: ['Name'] } })).rejects.toThrow(
      /exactly two values in Origin, found 3: Europe, Japan, USA; use builtin\/lbfgs-maximum-entropy/
    )
  })
})
