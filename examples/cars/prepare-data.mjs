// Makes the example's committed CSVs from the cars data set shipped in the vega-datasets package.
// Run from anywhere: node examples/cars/prepare-data.mjs [path/to/cars.json]
//
// The split is by model year, oldest first, because that is how data arrives in production: two
// training generations and, as evaluation data, the latest years. Fuel economy rises over the
// years, so each generation sees a real drift, and the evaluation years are the furthest out.

import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { toCsv } from './lib.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const source = process.argv[2] ?? join(here, '..', '..', 'node_modules', 'vega-datasets', 'data', 'cars.json')
const cars = JSON.parse(readFileSync(source, 'utf8'))

const header = ['id', 'Name', 'Miles_per_Gallon', 'Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration', 'Year', 'Origin']
const splits = [
  { file: 'cars-1970-1975.csv', from: 1970, to: 1975 },
  { file: 'cars-1976-1979.csv', from: 1976, to: 1979 },
  { file: 'cars-1980-1982.csv', from: 1980, to: 1982 }
]

const outDir = join(here, 'data')
mkdirSync(outDir, { recursive: true })
let dropped = 0
const rowsBySplit = splits.map(() => [])
cars.forEach((car, index) => {
  // Rows without the label cannot train or evaluate anything. Missing features stay as empty
  // cells on purpose: the trainer imputes them, which is part of what the example shows.
  if (car.Miles_per_Gallon === null || car.Miles_per_Gallon === undefined) {
    dropped++
    return
  }
  // The source stores the model year as a date that is always 1 January; the year is the signal.
  const year = Number(String(car.Year).slice(0, 4))
  const split = splits.findIndex((s) => year >= s.from && year <= s.to)
  if (split < 0) throw new Error(`car ${index} has year ${car.Year}, outside every split`)
  // The id is the row's index in the source, so it stays the same however the splits change.
  rowsBySplit[split].push({ ...car, id: index, Year: year })
})

splits.forEach((s, n) => {
  writeFileSync(join(outDir, s.file), toCsv(header, rowsBySplit[n]))
  console.log(`${s.file}: ${rowsBySplit[n].length} cars`)
})
// data/train.csv is the "current training data" slot the spec points at; it starts as the first
// generation so the example runs as committed.
copyFileSync(join(outDir, splits[0].file), join(outDir, 'train.csv'))
console.log(`train.csv: copy of ${splits[0].file}; dropped ${dropped} cars without Miles_per_Gallon`)
