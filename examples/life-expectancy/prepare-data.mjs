// Rebuilds data/*.csv from the gapminder data set that the vega-datasets package ships
// (node_modules/vega-datasets/data/gapminder.json, or the path given as the first argument): life expectancy, fertility and population of 62
// countries every five years from 1955 to 2005. Run from this folder: node prepare-data.mjs
//
// One row per country and year: id (the row in the source), country, year, cluster (the source's
// region code, a category), fertility (children per woman), log10_pop, and the label life_expect.
// Life expectancy rose by 15 years over the period, so each generation's data has drifted.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const source = process.argv[2] ?? join(here, '..', '..', 'node_modules', 'vega-datasets', 'data', 'gapminder.json')
const rows = JSON.parse(readFileSync(source, 'utf8'))

const header = ['id', 'country', 'year', 'cluster', 'fertility', 'log10_pop', 'life_expect']
const line = (r) => [r.id, JSON.stringify(r.country), r.year, r.cluster, r.fertility, Math.log10(r.pop).toFixed(4), r.life_expect].join(',')
const table = rows.map((r, id) => ({ ...r, id }))
const between = (from, to) => table.filter((r) => r.year >= from && r.year <= to)

function write(name, selected) {
  writeFileSync(join(here, 'data', name), [header.join(','), ...selected.map(line)].join('\n') + '\n')
  console.log(`${name}: ${selected.length} rows`)
}

/** A fixed permutation (a small LCG, seed 1): the same file on every machine. */
function permute(values) {
  const out = [...values]
  let state = 1
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    const j = state % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

mkdirSync(join(here, 'data'), { recursive: true })
write('life-1955-1970.csv', between(1955, 1970))
write('life-1975-1990.csv', between(1975, 1990))
write('life-1995-2005.csv', between(1995, 2005))
// A planted regression: 1975-1990 again, as a broken join delivers it, every country's life
// expectancy attached to another row of the batch.
const batch = between(1975, 1990)
const labels = permute(batch.map((r) => r.life_expect))
write('life-1975-1990-misjoined.csv', batch.map((r, i) => ({ ...r, life_expect: labels[i] })))
copyFileSync(join(here, 'data/life-1955-1970.csv'), join(here, 'data/train.csv'))
