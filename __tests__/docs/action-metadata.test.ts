import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { readActionMetadata } from '../../scripts/docs/action-metadata.js'
import { INPUTS } from '../../src/inputs.js'

const SCHEMA = JSON.parse(readFileSync('schema/vendor/github-action.schema.json', 'utf8')) as object

describe('action.yml', () => {
  const meta = readActionMetadata()

  it('is valid against the published action-metadata JSON Schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false })
    const validate = ajv.compile(SCHEMA)
    const valid = validate(meta.raw)
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('runs the committed bundle on node24, with Marketplace branding', () => {
    expect(meta.raw.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(meta.raw.branding).toMatchObject({ icon: expect.any(String), color: expect.any(String) })
  })

  it('declares exactly the inputs the action reads, as the inputs table has them', () => {
    // main.ts reads every input through this table (actionInputs), so the two lists are one.
    expect(meta.inputs).toEqual(
      INPUTS.filter((i) => i.action).map((i) => ({
        name: i.name,
        description: i.description,
        required: false,
        ...(i.default !== undefined ? { default: i.default } : {})
      }))
    )
    expect(readFileSync('src/main.ts', 'utf8')).toMatch(/\.\.\.actionInputs\(/)
  })

  it('declares exactly the outputs the action sets', () => {
    const publish = readFileSync('src/action/publish.ts', 'utf8')
    const set = [...publish.matchAll(/core\.setOutput\('([^']+)'/g)].map((m) => m[1])
    expect([...new Set(set)].sort()).toEqual(meta.outputs.map((o) => o.name).sort())
  })

  it('describes every input and output, and keeps every input optional', () => {
    for (const entry of [...meta.inputs, ...meta.outputs]) {
      expect(entry.description.length).toBeGreaterThan(10)
    }
    expect(meta.inputs.filter((i) => i.required)).toEqual([])
  })
})
