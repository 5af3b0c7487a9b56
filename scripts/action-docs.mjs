// Writes the README's inputs and outputs tables from action.yml, between marker comments, so the
// two never drift apart. `node scripts/action-docs.mjs` (npm run docs) rewrites README.md;
// `--check` changes nothing and exits 1 when README.md differs; `--root DIR` works on another copy.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Marker comments around each generated table; the text between them belongs to this script. */
export const MARKERS = {
  inputs: ['<!-- action-docs:inputs -->', '<!-- /action-docs:inputs -->'],
  outputs: ['<!-- action-docs:outputs -->', '<!-- /action-docs:outputs -->']
}

/** One table cell: one line, pipes escaped, so a description never breaks the table. */
function cell(text) {
  return String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')
}

function code(text) {
  return text === '' ? '' : '`' + cell(text) + '`'
}

/** The default as a reader would write it: `${{ github.token }}` reads as `github.token`. */
function defaultText(value) {
  if (value === undefined || value === null) return ''
  const text = String(value)
  const expression = /^\$\{\{\s*(.*?)\s*\}\}$/.exec(text)
  return code(expression ? expression[1] : text)
}

/** The inputs and outputs tables, in action.yml's order. */
export function renderTables(actionYml) {
  const action = parse(actionYml)
  const inputs = Object.entries(action.inputs ?? {})
  const outputs = Object.entries(action.outputs ?? {})
  const inputRows = inputs.map(
    ([name, input]) => `| ${code(name)} | ${defaultText(input?.default)} | ${input?.required === true ? 'yes' : 'no'} | ${cell(input?.description ?? '')} |`
  )
  const outputRows = outputs.map(([name, output]) => `| ${code(name)} | ${cell(output?.description ?? '')} |`)
  return {
    inputs: ['| input | default | required | description |', '| --- | --- | --- | --- |', ...inputRows].join('\n'),
    outputs: ['| output | description |', '| --- | --- |', ...outputRows].join('\n')
  }
}

/** The README with each table replaced between its markers; throws when a marker is missing. */
export function updateReadme(readme, tables) {
  let text = readme
  for (const [name, [open, close]] of Object.entries(MARKERS)) {
    const start = text.indexOf(open)
    const end = text.indexOf(close)
    if (start < 0 || end < start) {
      throw new Error(`README.md has no ${open} ... ${close} pair: add both markers where the ${name} table belongs`)
    }
    text = text.slice(0, start + open.length) + '\n' + tables[name] + '\n' + text.slice(end)
  }
  return text
}

function main() {
  const args = process.argv.slice(2)
  const check = args.includes('--check')
  const root = args.includes('--root') ? path.resolve(args[args.indexOf('--root') + 1]) : repo
  const readmePath = path.join(root, 'README.md')
  const readme = readFileSync(readmePath, 'utf8')
  const updated = updateReadme(readme, renderTables(readFileSync(path.join(root, 'action.yml'), 'utf8')))
  if (updated === readme) return
  if (check) {
    console.error("README.md's inputs or outputs table differs from action.yml: run 'npm run docs' and commit README.md")
    process.exitCode = 1
    return
  }
  writeFileSync(readmePath, updated)
  console.error('README.md: inputs and outputs tables rewritten from action.yml')
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
