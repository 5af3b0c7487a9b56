// Extracts, from GitHub's official OpenAPI description (package @octokit/openapi), the request and
// response body schemas of just the REST operations the action calls, into
// test/fixtures/github-openapi-subset.json. The loopback GitHub fake validates every request it
// receives and every response it sends against this subset, so the fake cannot drift from the real
// API's shapes. The 385 MB package is not a dependency: install it in a scratch directory and pass it:
//
//   mkdir /tmp/oa && cd /tmp/oa && npm init -y && npm i @octokit/openapi
//   node scripts/extract-openapi.mjs /tmp/oa/node_modules/@octokit/openapi
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Every REST operation the action's GitHub shell calls; keep in step with src/github/. */
const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['put', '/repos/{owner}/{repo}/contents/{path}'],
  ['post', '/repos/{owner}/{repo}/git/trees'],
  ['post', '/repos/{owner}/{repo}/git/commits'],
  ['post', '/repos/{owner}/{repo}/git/refs'],
  ['get', '/repos/{owner}/{repo}/git/blobs/{file_sha}'],
  ['get', '/repos/{owner}/{repo}/releases'],
  ['post', '/repos/{owner}/{repo}/releases'],
  ['patch', '/repos/{owner}/{repo}/releases/{release_id}'],
  ['delete', '/repos/{owner}/{repo}/releases/{release_id}'],
  ['get', '/repos/{owner}/{repo}/releases/{release_id}/assets'],
  ['post', '/repos/{owner}/{repo}/releases/{release_id}/assets'],
  ['get', '/repos/{owner}/{repo}/releases/assets/{asset_id}'],
  ['delete', '/repos/{owner}/{repo}/releases/assets/{asset_id}'],
  ['get', '/repos/{owner}/{repo}/issues'],
  ['post', '/repos/{owner}/{repo}/issues'],
  ['patch', '/repos/{owner}/{repo}/issues/{issue_number}'],
  ['get', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['patch', '/repos/{owner}/{repo}/issues/comments/{comment_id}'],
  ['get', '/repos/{owner}/{repo}/collaborators/{username}/permission'],
  // A run with the issue gate checks issues: write before it trains by updating the gate's label with nothing.
  ['patch', '/repos/{owner}/{repo}/labels/{name}'],
  // A run with a deploy dispatch checks actions: write before it trains by enabling its active workflow again.
  ['get', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}'],
  ['put', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable'],
  ['post', '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches'],
  // The environment gate's check that the promote job's environment exists and has required reviewers.
  ['get', '/repos/{owner}/{repo}/environments/{environment_name}'],
  // The promote job of the environment gate records who approved its environment, not only who ran the workflow.
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals']
]

/**
 * OpenAPI 3.0 to JSON Schema: `nullable: true` becomes a `null` type ajv understands; oneOf becomes anyOf.
 */
function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema)
  if (!schema || typeof schema !== 'object') return schema
  const out = {}
  for (const [key, value] of Object.entries(schema)) {
    // Examples are documentation, and they bloat the fixture.
    if (key === 'example' || key === 'examples') continue
    // GitHub's description writes oneOf for alternatives that overlap (a 409 is a "Basic Error" or a
    // "rule violation", and any error body is both), so exactly-one would reject real answers.
    out[key === 'oneOf' ? 'anyOf' : key] = toJsonSchema(value)
  }
  if (out.nullable === true) {
    delete out.nullable
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null']
      if (out.enum) out.enum = [...out.enum, null]
    } else {
      return { anyOf: [out, { type: 'null' }] }
    }
  } else {
    delete out.nullable
  }
  return out
}

function jsonSchemaOf(content) {
  const json = content?.['application/json']?.schema
  return json ? toJsonSchema(json) : null
}

const packageDir = process.argv[2]
if (!packageDir) {
  console.error('usage: node scripts/extract-openapi.mjs <path to node_modules/@octokit/openapi>')
  process.exit(2)
}
const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
const spec = JSON.parse(fs.readFileSync(path.join(packageDir, 'generated/api.github.com.deref.json'), 'utf8'))

const operations = {}
for (const [method, route] of OPERATIONS) {
  const op = spec.paths[route]?.[method]
  if (!op) throw new Error(`${method.toUpperCase()} ${route} is not in the OpenAPI description ${pkg.version}`)
  const responses = {}
  for (const [status, response] of Object.entries(op.responses)) responses[status] = jsonSchemaOf(response.content)
  operations[`${method.toUpperCase()} ${route}`] = {
    operationId: op.operationId,
    request: jsonSchemaOf(op.requestBody?.content),
    responses
  }
}

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/github-openapi-subset.json')
const subset = { source: `@octokit/openapi ${pkg.version}, api.github.com ${spec.info.version}`, operations }
fs.writeFileSync(out, JSON.stringify(subset, null, 1) + '\n')
console.log(`wrote ${Object.keys(operations).length} operations to ${path.relative(process.cwd(), out)} (${fs.statSync(out).size} bytes)`)
