/**
 * merge validates untrusted reports with its own small JSON Schema check (no validator bundled):
 * it must decide as Ajv does on the schemas it is used with.
 */
import { readFileSync } from 'node:fs'
import { schemaValidator } from '../harness/schemas.js'
import { firstSchemaError, type JsonSchema } from '../../src/merge/schema-check.js'
import type { Report } from '../../src/engine/types.js'

const REPORT = JSON.parse(readFileSync('schema/report.schema.json', 'utf8')) as JsonSchema
const byAjv = schemaValidator('schema/report.schema.json')

const report: Report = {
  schemaVersion: 1,
  tool: { name: 'bedrock-preflight', version: '1.0.0' },
  startedAt: '2026-12-07T06:00:00.000Z',
  durationMs: 812,
  result: 'fail',
  regions: ['us-east-1'],
  models: ['us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
  identity: { accountId: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/r/s' },
  counts: { pass: 1, warn: 0, fail: 1, unverified: 0, skipped: 0 },
  findings: [
    { checkId: 'identity', status: 'pass', title: 'ok' },
    {
      checkId: 'invoke-permission',
      subject: 'us-east-1 · us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      status: 'fail',
      title: 'denied',
      error: { code: 'AccessDeniedException', message: 'no', attempts: 1 },
      docUrl: 'https://docs.aws.amazon.com/bedrock/',
      details: [{ title: 'Policy', body: '```json\n{}\n```' }]
    }
  ],
  observations: [
    {
      region: 'us-east-1',
      model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      destinations: ['us-east-1', 'us-west-2'],
      lifecycle: { status: 'LEGACY', endOfLife: '2027-03-01' },
      quotas: [{ code: 'L-1', name: 'tokens', value: 10, defaultValue: 20 }]
    }
  ]
}

type Mutation = [string, (r: Record<string, unknown> & Report) => void]
const MUTATIONS: Mutation[] = [
  ['nothing changed', () => undefined],
  ['a wrong schemaVersion', (r) => ((r as { schemaVersion: unknown }).schemaVersion = 2)],
  ['an unknown top-level field', (r) => (r.extra = 1)],
  ['a missing findings', (r) => delete (r as Partial<Report>).findings],
  ['a result outside the enum', (r) => ((r as { result: unknown }).result = 'great')],
  ['a negative duration', (r) => (r.durationMs = -1)],
  ['a fractional count', (r) => (r.counts.fail = 1.5)],
  ['a bad version', (r) => (r.tool.version = 'latest')],
  ['a date that is not one', (r) => (r.startedAt = 'yesterday')],
  [
    'a finding status outside the enum',
    (r) => ((r.findings[0] as { status: unknown }).status = 'ok')
  ],
  [
    'an unknown finding field',
    (r) => ((r.findings[0] as unknown as Record<string, unknown>).html = '<b>')
  ],
  ['an attempts of 0', (r) => (r.findings[1]!.error!.attempts = 0)],
  ['a region that is a number', (r) => ((r.regions as unknown[])[0] = 1)],
  [
    'an observation without model',
    (r) => delete (r.observations![0] as Partial<{ model: string }>).model
  ],
  [
    'an end of life that is not a date',
    (r) => (r.observations![0]!.lifecycle!.endOfLife = '1 March')
  ],
  [
    'a quota value that is text',
    (r) => ((r.observations![0]!.quotas![0] as { value: unknown }).value = '10')
  ],
  ['an array for an object', (r) => ((r as { identity: unknown }).identity = [])],
  ['null for the report', () => undefined]
]

describe('the report check merge uses', () => {
  it.each(MUTATIONS)('decides as Ajv does on %s', (what, mutate) => {
    const value = what === 'null for the report' ? null : structuredClone(report)
    if (value) mutate(value as Record<string, unknown> & Report)
    const ours = firstSchemaError(REPORT, value)
    expect(ours === undefined).toBe(byAjv(value) as boolean)
  })

  it('names the field it refuses', () => {
    const bad = structuredClone(report) as Report
    ;(bad.findings[1] as { status: unknown }).status = 'ok'
    expect(firstSchemaError(REPORT, bad)).toBe(
      'findings[1].status: must be one of "pass", "warn", "fail", "unverified", "skipped"'
    )
  })
})
