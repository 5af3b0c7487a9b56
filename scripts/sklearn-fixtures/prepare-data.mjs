// Writes the real-data sets the built-in trainers are compared on (test/trainers/fixtures/data/),
// from the vega-datasets package, so the tests and make-fixtures.py read exactly the same rows.
// Every fourth row is test data. Rows with a missing value are dropped, so that both sides prepare
// identical matrices (missing-value handling has its own tests).
// Run: node scripts/sklearn-fixtures/prepare-data.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const source = path.join(repo, 'node_modules/vega-datasets/data')
const out = path.join(repo, 'test/trainers/fixtures/data')
mkdirSync(out, { recursive: true })

function csvLines(text) {
  const [header, ...rows] = text.trim().split('\n')
  const names = header.split(',')
  return rows.map(r => Object.fromEntries(r.split(',').map((v, j) => [names[j], v])))
}

function write(name, header, records) {
  const complete = records.filter(r => header.every(h => r[h] !== null && r[h] !== undefined && r[h] !== '' && r[h] !== '.'))
  const lines = complete.map((r, i) => [i, ...header.map(h => r[h])].join(','))
  const split = { train: lines.filter((_, i) => i % 4 !== 3), test: lines.filter((_, i) => i % 4 === 3) }
  for (const [part, rows] of Object.entries(split)) {
    writeFileSync(path.join(out, `${name}-${part}.csv`), [['id', ...header].join(','), ...rows].join('\n') + '\n')
  }
  console.log(`${name}: ${split.train.length} training rows, ${split.test.length} test rows`)
}

const cars = JSON.parse(readFileSync(path.join(source, 'cars.json'), 'utf8')).map(c => ({ ...c, Year: String(c.Year).slice(0, 4) }))
write('cars', ['Miles_per_Gallon', 'Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year', 'Origin'], cars)

const penguins = JSON.parse(readFileSync(path.join(source, 'penguins.json'), 'utf8')).map(p => ({
  species: p.Species,
  island: p.Island,
  beak_length: p['Beak Length (mm)'],
  beak_depth: p['Beak Depth (mm)'],
  flipper_length: p['Flipper Length (mm)'],
  body_mass: p['Body Mass (g)'],
  sex: p.Sex
}))
write('penguins', ['species', 'island', 'beak_length', 'beak_depth', 'flipper_length', 'body_mass', 'sex'], penguins)

// Seattle's daily weather: the sky (five classes) and whether it rained, from the day's measurements.
const weather = csvLines(readFileSync(path.join(source, 'seattle-weather.csv'), 'utf8')).map(d => ({
  ...d,
  month: `m${d.date.slice(5, 7)}`,
  rain: d.weather === 'rain' ? 'yes' : 'no'
}))
write('weather', ['month', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather', 'rain'], weather)

// Unemployed people (thousands) by industry and month, 2000-2010: counts for Poisson regression.
const unemployment = JSON.parse(readFileSync(path.join(source, 'unemployment-across-industries.json'), 'utf8')).map(u => ({
  industry: u.series.replaceAll(',', ''),
  year: `y${u.year}`,
  month: `m${String(u.month).padStart(2, '0')}`,
  count: u.count
}))
write('unemployment', ['industry', 'year', 'month', 'count'], unemployment)
