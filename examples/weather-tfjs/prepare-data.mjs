// Rebuilds data/*.csv from the daily weather of Seattle and New York, 2012-2015, that the
// vega-datasets package ships (node_modules/vega-datasets/data/weather.csv, or the path given as the
// first argument). Run from this folder: node prepare-data.mjs
//
// One row per city and day: id (the row in the source), location, date, the day of the year as a
// point on the circle (day_sin, day_cos), precipitation (mm), temp_min (°C), wind (m/s), and the label
// temp_max (°C).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const source = process.argv[2] ?? join(here, '..', '..', 'node_modules', 'vega-datasets', 'data', 'weather.csv')
const [head, ...lines] = readFileSync(source, 'utf8').trim().split('\n')
const columns = head.split(',')
const rows = lines.map((line, id) => ({ id, ...Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])) }))

function dayOfYear(date) {
  const d = new Date(`${date}T00:00:00Z`)
  return (d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000
}

const header = ['id', 'location', 'date', 'day_sin', 'day_cos', 'precipitation', 'temp_min', 'wind', 'temp_max']
function line(r, fahrenheit = false) {
  const angle = (2 * Math.PI * dayOfYear(r.date)) / 365.25
  const max = fahrenheit ? Math.round((Number(r.temp_max) * 9) / 5 * 10 + 320) / 10 : Number(r.temp_max)
  return [r.id, `"${r.location}"`, r.date, Math.sin(angle).toFixed(6), Math.cos(angle).toFixed(6), r.precipitation, r.temp_min, r.wind, max].join(',')
}
function write(name, selected, fahrenheit = false) {
  writeFileSync(join(here, 'data', name), [header.join(','), ...selected.map((r) => line(r, fahrenheit))].join('\n') + '\n')
  console.log(`${name}: ${selected.length} rows`)
}
const pick = (location, from, to) => rows.filter((r) => r.location === location && r.date >= from && r.date <= to)

mkdirSync(join(here, 'data'), { recursive: true })
write('seattle-2012-2015.csv', pick('Seattle', '2012', '2016'))
write('new-york-2012-2013.csv', pick('New York', '2012', '2014'))
write('new-york-2014.csv', pick('New York', '2014', '2015'))
write('new-york-2015.csv', pick('New York', '2015', '2016'))
// A planted regression: New York 2014 as a feed that switched its maximum temperature to Fahrenheit.
write('new-york-2014-fahrenheit.csv', pick('New York', '2014', '2015'), true)
copyFileSync(join(here, 'data/seattle-2012-2015.csv'), join(here, 'data/train.csv'))
