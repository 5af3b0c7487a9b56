/**
 * Data profiles and drift through the built CLI. The statistics are checked against scipy and NumPy
 * (Debian's python3-scipy, /usr/bin/python3) on the same data:
 *
 * - KS: scipy.stats.ks_2samp(reference, current).statistic, and the p-value
 *   scipy.stats.kstwobign.sf(D * sqrt(n1 n2 / (n1 + n2))) (the limiting Kolmogorov distribution);
 * - chi-square: scipy.stats.chi2_contingency(table, correction=False) on the 2 x K table of counts;
 * - PSI in NumPy: bins from np.quantile(reference, [0.1 .. 0.9]) (np.unique), counts by
 *   np.searchsorted(edges, x, side='right'), proportions floored at 1e-4.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { makeProject, readJson, retrain, toySpec, treeDigest } from './helpers/project.js'

const PYTHON = '/usr/bin/python3'

/** A seeded generator so the data is the same on every run. */
function generator(seed: number) {
  let s = seed >>> 0
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform())
  return { uniform, normal }
}

const ORIGINS = ['USA', 'Europe', 'Japan']

/** Cars-like rows: Horsepower (numbers), Cylinders (small integers, many ties), Origin (a category). */
function cars(rows: number, seed: number, shift = 0, originWeights = [0.6, 0.2, 0.2]): string {
  const g = generator(seed)
  const lines = ['Horsepower,Cylinders,Origin,y']
  for (let i = 0; i < rows; i++) {
    const hp = Math.round((100 + 30 * g.normal() + shift) * 100) / 100
    const cylinders = [4, 6, 8][Math.floor(g.uniform() * 3)]!
    const u = g.uniform()
    const origin = u < originWeights[0]! ? ORIGINS[0] : u < originWeights[0]! + originWeights[1]! ? ORIGINS[1] : ORIGINS[2]
    // A missing cell now and then: profiles count them, statistics leave them out.
    lines.push(`${i % 37 === 0 ? '' : hp},${cylinders},${origin},${(i % 5) + 1}`)
  }
  return lines.join('\n') + '\n'
}

const SCIPY = `
import json, sys, csv
import numpy as np
from scipy import stats
ref_file, cur_file = sys.argv[1], sys.argv[2]
def read(f):
    with open(f) as h:
        return list(csv.DictReader(h))
ref, cur = read(ref_file), read(cur_file)
out = {}
for col in ['Horsepower', 'Cylinders']:
    a = np.array([float(r[col]) for r in ref if r[col] != ''])
    b = np.array([float(r[col]) for r in cur if r[col] != ''])
    res = stats.ks_2samp(a, b)
    n1, n2 = len(a), len(b)
    p = stats.kstwobign.sf(res.statistic * np.sqrt(n1 * n2 / (n1 + n2)))
    edges = np.unique(np.quantile(np.sort(a), np.arange(1, 10) / 10))
    pa = np.bincount(np.searchsorted(edges, a, side='right'), minlength=len(edges) + 1) / n1
    pb = np.bincount(np.searchsorted(edges, b, side='right'), minlength=len(edges) + 1) / n2
    pa, pb = np.maximum(pa, 1e-4), np.maximum(pb, 1e-4)
    out[col] = {'ks': float(res.statistic), 'ksP': float(p), 'psi': float(np.sum((pb - pa) * np.log(pb / pa)))}
values = sorted(set(r['Origin'] for r in ref) | set(r['Origin'] for r in cur))
table = np.array([[sum(r['Origin'] == v for r in ref) for v in values], [sum(r['Origin'] == v for r in cur) for v in values]])
chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
pa, pb = np.maximum(table[0] / table[0].sum(), 1e-4), np.maximum(table[1] / table[1].sum(), 1e-4)
out['Origin'] = {'chi2': float(chi2), 'chi2P': float(p), 'dof': int(dof), 'psi': float(np.sum((pb - pa) * np.log(pb / pa)))}
print(json.dumps(out))
`

function scipy(reference: string, current: string): Record<string, Record<string, number>> {
  return JSON.parse(execFileSync(PYTHON, ['-c', SCIPY, reference, current], { encoding: 'utf8' })) as Record<string, Record<string, number>>
}

const DRIFT = `drift: { inputs: [train], psi: 0.2, ks-p: 0.01, chi2-p: 0.01 }\n`

async function project(extra = DRIFT, train = 'node train.mjs') {
  const cwd = await makeProject('test/fixtures/toy', toySpec({ train, margin: -100 }) + extra)
  await writeFile(path.join(cwd, 'data/train.csv'), cars(800, 1))
  const first = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/first'])
  expect(first.code, first.stderr).toBe(0)
  return cwd
}

type Feature = {
  column: string
  kind: string
  psi: number
  ks: { statistic: number; pValue: number } | null
  chi2: { statistic: number; dof: number; pValue: number } | null
  drifted: boolean
}

function features(report: { inputs: { features: Feature[] }[] }): Record<string, Feature> {
  return Object.fromEntries(report.inputs[0]!.features.map(f => [f.column, f]))
}

function expectScipy(got: Record<string, Feature>, want: Record<string, Record<string, number>>) {
  for (const col of ['Horsepower', 'Cylinders']) {
    expect(got[col]!.kind).toBe('number')
    expect(Math.abs(got[col]!.ks!.statistic - want[col]!.ks!)).toBeLessThan(1e-9)
    expect(Math.abs(got[col]!.ks!.pValue - want[col]!.ksP!)).toBeLessThan(1e-9)
    expect(Math.abs(got[col]!.psi - want[col]!.psi!)).toBeLessThan(1e-9)
  }
  expect(got.Origin!.kind).toBe('category')
  expect(Math.abs(got.Origin!.chi2!.statistic - want.Origin!.chi2!)).toBeLessThan(1e-9)
  expect(Math.abs(got.Origin!.chi2!.pValue - want.Origin!.chi2P!)).toBeLessThan(1e-9)
  expect(got.Origin!.chi2!.dof).toBe(want.Origin!.dof)
  expect(Math.abs(got.Origin!.psi - want.Origin!.psi!)).toBeLessThan(1e-9)
}

describe('retrain drift', () => {
  it('profiles the data into the bundle, and compares new data with it: not drifted, then drifted, equal to scipy', async () => {
    const cwd = await project()
    const manifest = await readJson(path.join(cwd, 'out/first/bundle/manifest.json'))
    const hp = manifest.lineage.dataProfile.inputs.train.columns.Horsepower
    expect(hp).toMatchObject({ kind: 'number', count: 800, missing: 22, exact: true })
    expect(hp.sample).toHaveLength(778)
    expect(manifest.lineage.dataProfile.inputs.train.columns.Origin).toMatchObject({ kind: 'category', count: 800, missing: 0, other: 0 })
    const reference = path.join(cwd, 'reference.csv')
    await writeFile(reference, cars(800, 1))

    // New data from the same distribution (another seed): nothing drifted.
    await writeFile(path.join(cwd, 'data/train.csv'), cars(600, 2))
    const same = await retrain(cwd, ['drift', '--spec', 'retrain.yml', '--json'])
    expect(same.code, same.stderr).toBe(0)
    const sameReport = JSON.parse(same.stdout)
    expect(sameReport.drifted).toBe(false)
    expectScipy(features(sameReport), scipy(reference, path.join(cwd, 'data/train.csv')))

    // Shifted: Horsepower up by a standard deviation, Origin mostly Japan.
    await writeFile(path.join(cwd, 'data/train.csv'), cars(600, 3, 30, [0.2, 0.2, 0.6]))
    const shifted = await retrain(cwd, ['drift', '--spec', 'retrain.yml', '--json'])
    expect(shifted.code, shifted.stderr).toBe(0)
    const shiftedReport = JSON.parse(shifted.stdout)
    expect(shiftedReport.drifted).toBe(true)
    const got = features(shiftedReport)
    expect(got.Horsepower!.drifted).toBe(true)
    expect(got.Origin!.drifted).toBe(true)
    expect(got.Cylinders!.drifted).toBe(false)
    expectScipy(got, scipy(reference, path.join(cwd, 'data/train.csv')))

    // Without --json: the table, exit 0 all the same.
    const text = await retrain(cwd, ['drift', '--spec', 'retrain.yml'])
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/Drift against the champion \(version 1\): \*\*drifted\*\*/)
    expect(text.stdout).toMatch(/\| train +\| Horsepower +\| number +\| [\d.]+ +\| [\d.]+ \(p [\d.e-]+\) +\| — +\| \*\*drifted\*\*: PSI/)
  })

  it('says what is wrong without a champion, and for a column of the new data that is gone', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec() + DRIFT)
    const none = await retrain(cwd, ['drift', '--spec', 'retrain.yml'])
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/toy has no champion yet: there is no profile to compare the data with/)

    const withChampion = await project()
    await writeFile(path.join(withChampion, 'data/train.csv'), 'Horsepower,Cylinders,y\n100,4,1\n')
    const gone = await retrain(withChampion, ['drift', '--spec', 'retrain.yml', '--json'])
    expect(gone.code, gone.stderr).toBe(0)
    expect(features(JSON.parse(gone.stdout)).Origin).toMatchObject({ kind: 'missing', drifted: true })
  })

  it('retrain-when: drift skips the whole run when nothing drifted, and runs it when something did', async () => {
    const cwd = await project(DRIFT + 'retrain-when:\n  drift: { inputs: [train], psi: 0.2 }\n', 'echo ran > ran.txt\nnode train.mjs')
    await rm(path.join(cwd, 'ran.txt'))
    await writeFile(path.join(cwd, 'data/train.csv'), cars(600, 2))
    const registry = await treeDigest(path.join(cwd, '.retrain/registry'))
    const skipped = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/skip'])
    expect(skipped.code, skipped.stderr).toBe(0)
    expect(existsSync(path.join(cwd, 'ran.txt')), 'no step ran').toBe(false)
    expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(registry)
    const result = await readJson(path.join(cwd, 'out/skip/result.json'))
    expect(result.decision).toBe('skipped')
    expect(result.wouldBe).toBeNull()
    expect(result.reason).toMatch(/^retrain-when: drift: no feature of train drifted since the champion \(version 1\)/)
    expect(result.steps).toEqual([])
    expect(result.drift.drifted).toBe(false)
    const report = await readFile(path.join(cwd, 'out/skip/report.md'), 'utf8')
    expect(report).toMatch(/## toy: skipped, nothing drifted/)
    expect(report).toMatch(/\| train +\| Horsepower +\| number/)

    await writeFile(path.join(cwd, 'data/train.csv'), cars(600, 3, 30, [0.2, 0.2, 0.6]))
    const ran = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/drifted'])
    expect(ran.code, ran.stderr).toBe(0)
    expect(existsSync(path.join(cwd, 'ran.txt'))).toBe(true)
    const drifted = await readJson(path.join(cwd, 'out/drifted/result.json'))
    expect(drifted.decision).toBe('promoted')
    expect(drifted.drift.drifted).toBe(true)
    const chart = drifted.drift.inputs[0].features.find((f: Feature & { chart?: string }) => f.column === 'Horsepower').chart
    expect(chart).toBe('drift-train-Horsepower.svg')
    expect(await readFile(path.join(cwd, 'out/drifted', chart), 'utf8')).toMatch(/^<svg [^>]*>\n<title>train\.Horsepower: before/)
    expect(await readFile(path.join(cwd, 'out/drifted/report.md'), 'utf8')).toMatch(/!\[train\.Horsepower\]\(drift-train-Horsepower\.svg\)/)
  })

  it('new data the profile cannot read (a compressed CSV) is never "nothing drifted": the run goes ahead', async () => {
    const cwd = await project(DRIFT + 'retrain-when:\n  drift: { inputs: [train], psi: 0.2 }\n', 'echo ran > ran.txt\nnode train.mjs')
    await rm(path.join(cwd, 'ran.txt'))
    // The feed now writes gzip: the champion's data was read, this cannot be.
    await writeFile(path.join(cwd, 'data/train.csv.gz'), gzipSync(cars(600, 3, 30)))
    const spec = await readFile(path.join(cwd, 'retrain.yml'), 'utf8')
    await writeFile(path.join(cwd, 'retrain.yml'), spec.replace('train: data/train.csv', 'train: data/train.csv.gz'))

    const drift = await retrain(cwd, ['drift', '--spec', 'retrain.yml', '--json'])
    expect(drift.code, drift.stderr).toBe(0)
    const report = JSON.parse(drift.stdout)
    expect(report.drifted).toBe(true)
    expect(report.inputs[0].skipped).toMatch(/the new data is not read: it holds files that are neither CSV nor JSON Lines \(data\/train\.csv\.gz\)/)
    expect(features(report).Horsepower).toMatchObject({ kind: 'missing', drifted: true })

    const ran = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/gz'])
    expect(ran.code, ran.stderr).toBe(0)
    expect(existsSync(path.join(cwd, 'ran.txt')), 'the steps ran').toBe(true)
    expect((await readJson(path.join(cwd, 'out/gz/result.json'))).decision).not.toBe('skipped')
  })

  it('retrain-when: drift never skips a run on an input it cannot compare (a file that is neither CSV nor JSON Lines): it says so and goes ahead', async () => {
    const spec = toySpec({ train: 'echo ran > ran.txt\nnode train.mjs', margin: -100 }).replace('train: data/train.csv', 'train: data/train.txt')
    const cwd = await makeProject('test/fixtures/toy', spec + 'retrain-when:\n  drift: { inputs: [train] }\n')
    await writeFile(path.join(cwd, 'data/train.txt'), cars(800, 1))
    const first = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/first'])
    expect(first.code, first.stderr).toBe(0)
    await rm(path.join(cwd, 'ran.txt'))
    await writeFile(path.join(cwd, 'data/train.txt'), cars(600, 3, 30, [0.2, 0.2, 0.6]))
    const second = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/second'])
    expect(second.code, second.stderr).toBe(0)
    expect(second.stderr).toMatch(
      /retrain-when: drift: input train is not compared \(not profiled: it holds files that are neither CSV nor JSON Lines \(data\/train\.txt\)\); the run goes ahead/
    )
    expect(existsSync(path.join(cwd, 'ran.txt')), 'the steps ran').toBe(true)
    expect((await readJson(path.join(cwd, 'out/second/result.json'))).decision).toBe('promoted')
    // `retrain drift` agrees: data it could not compare is never "nothing drifted", so a workflow that
    // retrains when drifted is true retrains.
    const drift = await retrain(cwd, ['drift', '--spec', 'retrain.yml', '--json'])
    expect(drift.code, drift.stderr).toBe(0)
    const report = JSON.parse(drift.stdout)
    expect(report.drifted).toBe(true)
    expect(report.inputs).toEqual([expect.objectContaining({ input: 'train', skipped: expect.stringMatching(/neither CSV nor JSON Lines/), features: [] })])
  })

  it('checks may compare with the champion: max-mean-shift stops the run before any step', async () => {
    const checks = `checks:\n  train:\n    columns:\n      Horsepower: { type: number, max-mean-shift: 0.5 }\n`
    const cwd = await project(checks, 'echo ran > ran.txt\nnode train.mjs')
    await rm(path.join(cwd, 'ran.txt'))
    // A small move passes.
    await writeFile(path.join(cwd, 'data/train.csv'), cars(600, 2, 3))
    const small = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/small'])
    expect(small.code, small.stderr).toBe(0)
    expect(existsSync(path.join(cwd, 'ran.txt'))).toBe(true)
    await rm(path.join(cwd, 'ran.txt'))

    const registry = await treeDigest(path.join(cwd, '.retrain/registry'))
    await writeFile(path.join(cwd, 'data/train.csv'), cars(600, 3, 30))
    const moved = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out/moved'])
    expect(moved.code).toBe(2)
    expect(moved.stderr).toMatch(/1 check on the new data failed; no step ran, nothing changed/)
    expect(moved.stderr).toMatch(/\| train +\| Horsepower +\| max-mean-shift +\| mean within 0\.5 sd \([\d.]+\) of [\d.]+ +\| mean [\d.]+: moved [\d.]+ sd +\|/)
    expect(existsSync(path.join(cwd, 'ran.txt')), 'no step ran').toBe(false)
    expect(await treeDigest(path.join(cwd, '.retrain/registry'))).toEqual(registry)
  })
})

describe('the profile in a bundle', () => {
  it('profiles numbers near the largest double (a sentinel of 1e300), whose squares overflow: the run stores its version', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ margin: -100 }))
    // Squares of these overflow: the standard deviation was Infinity, which JSON writes as null.
    await writeFile(path.join(cwd, 'data/train.csv'), 'x,y\n1e300,1\n-1e300,2\n1e308,3\n1.7e308,4\n')
    const run = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(run.code, run.stderr).toBe(0)
    const x = (await readJson(path.join(cwd, 'out/bundle/manifest.json'))).lineage.dataProfile.inputs.train.columns.x
    expect(x).toMatchObject({ kind: 'number', min: -1e300, max: 1.7e308, mean: 6.75e307 })
    // sqrt(sum((x - mean)^2) / 3), computed exactly (fractions) and rounded.
    expect(Math.abs(x.std / 8.301606270274848e307 - 1)).toBeLessThan(1e-12)
  })

  it('profiles a JSON Lines number beyond the doubles (1e999) as no number, as the same CSV cell: the run stores its version', async () => {
    const cwd = await makeProject('test/fixtures/toy', toySpec({ margin: -100 }))
    // 1e999 is no double: JSON reads it as Infinity, which is no number (as the CSV cell 1e999 is not).
    const spec = await readFile(path.join(cwd, 'retrain.yml'), 'utf8')
    await writeFile(path.join(cwd, 'retrain.yml'), spec.replace('train: data/train.csv', 'train: data/train.jsonl'))
    await writeFile(path.join(cwd, 'data/train.jsonl'), '{"x": 1, "y": 1}\n{"x": 1e999, "y": 2}\n')
    const jsonl = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out2'])
    expect(jsonl.code, jsonl.stderr).toBe(0)
    const columns = (await readJson(path.join(cwd, 'out2/bundle/manifest.json'))).lineage.dataProfile.inputs.train.columns
    expect(columns.x).toMatchObject({ kind: 'category', distinct: 2 })
    expect(columns.y).toMatchObject({ kind: 'number', mean: 1.5 })
  })

  it('stays within its value budget with many number columns: each sample is thinned to its share, evenly over its order, and says it is not exact', async () => {
    const columns = 150
    const rows = 2000
    const random = generator(11).uniform
    const lines = [[...Array.from({ length: columns }, (_, j) => `x${j}`), 'y'].join(',')]
    for (let i = 0; i < rows; i++) lines.push([...Array.from({ length: columns }, () => (random() * 100).toFixed(3)), String(i % 2)].join(','))
    const cwd = await makeProject('test/fixtures/toy', toySpec({ margin: -100 }))
    await writeFile(path.join(cwd, 'data/train.csv'), lines.join('\n') + '\n')
    const run = await retrain(cwd, ['run', '--spec', 'retrain.yml', '--out', 'out'])
    expect(run.code, run.stderr).toBe(0)
    const profile = (await readJson(path.join(cwd, 'out/bundle/manifest.json'))).lineage.dataProfile
    const train = profile.inputs.train.columns as Record<string, { kind: string; sample: number[]; exact: boolean; min: number; max: number }>
    const numbers = Object.values(train).filter(c => c.kind === 'number')
    // 151 number columns (y too) of 2,000 values each (all kept before thinning), and the evaluation data's, is above the
    // 200,000-value budget of the whole profile: each keeps its share.
    expect(numbers).toHaveLength(columns + 1)
    const all = Object.values(profile.inputs as Record<string, { columns: Record<string, { kind: string }> }>).flatMap(i =>
      Object.values(i.columns).filter(c => c.kind === 'number')
    )
    const share = Math.floor(200_000 / all.length)
    expect(share).toBeLessThan(rows)
    expect(profile.sampleSize).toBe(share)
    for (const c of numbers) {
      expect(c.sample).toHaveLength(share)
      expect(c.exact).toBe(false)
      expect([...c.sample].sort((a, b) => a - b)).toEqual(c.sample)
    }
    // Even order statistics of all 2,500 values: the thinned sample spans the column.
    const x0 = lines
      .slice(1)
      .map(l => Number(l.split(',')[0]))
      .sort((a, b) => a - b)
    expect(train.x0!.sample[0]).toBe(x0[Math.floor((0.5 * rows) / share)])
    expect(train.x0!.sample.at(-1)).toBe(x0[Math.floor(((share - 0.5) * rows) / share)])
  })
})
