import { Ajv2020 } from 'ajv/dist/2020.js'
import formatsPlugin from 'ajv-formats'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO } from './helpers/project.js'

const addFormats = ((formatsPlugin as unknown as { default?: typeof formatsPlugin }).default ?? formatsPlugin) as unknown as typeof formatsPlugin.default

// The runtime compiles these schemas without checking them against the meta-schema (for start-up
// time), so the check happens here, in strict mode.
describe('the committed JSON Schemas', () => {
  it.each(['retrain-spec.schema.json', 'manifest.schema.json', 'result.schema.json'])('%s is a valid draft 2020-12 schema', name => {
    const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', name), 'utf8'))
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allowUnionTypes: true, validateSchema: true })
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' })
    addFormats(ajv)
    expect(ajv.validateSchema(schema), ajv.errorsText(ajv.errors)).toBe(true)
    expect(() => ajv.compile(schema)).not.toThrow()
  })

  it('a schema error is caught here (control)', () => {
    const ajv = new Ajv2020({ strict: true })
    expect(ajv.validateSchema({ type: 'objekt' })).toBe(false)
  })
})
