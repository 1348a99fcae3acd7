import { readFileSync } from 'node:fs'
import { FACTS } from '../../src/data/facts.js'
import { desiredValue } from '../../src/checks/quota/run.js'
import { MESSAGES_API_FACT } from '../../src/data/models.js'
import { STALE_RPM_CODES_FACT } from '../../src/data/quota-hints.js'
import { modelKeyOfId, modelKeyOfName, quotaMeaning } from '../../src/checks/shared/quota-names.js'

describe('the bundled facts about AWS and Anthropic', () => {
  it.each(Object.entries(FACTS))('%s has a source page and the day it was checked', (_id, f) => {
    expect(new URL(f.source.url).protocol).toBe('https:')
    expect(f.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(Number.isNaN(Date.parse(f.source.checked))).toBe(false)
    expect(f.title.length).toBeGreaterThan(0)
  })

  it('docs/facts.md lists every one with its source and date', () => {
    const doc = readFileSync('docs/facts.md', 'utf8')
    for (const [id, f] of Object.entries(FACTS)) {
      expect(doc).toContain(`## ${id}`)
      expect(doc).toContain(f.source.url)
    }
  })
})

describe('the value a printed quota request asks for', () => {
  it.each([
    [64_000, 0, '64000'],
    [128_000, 100_000, '128000'],
    [64_000, 200_000, '300000'],
    [64_000, 4_000, '64000'],
    [1, 4_000, '5000']
  ])('needed %d, default %d → %s: plain digits, above the default', (needed, byDefault, want) => {
    const v = desiredValue(needed, byDefault)
    expect(v).toBe(want)
    expect(v).toMatch(/^\d+$/)
    expect(Number(v)).toBeGreaterThan(byDefault)
  })
})

describe('facts checked against the reference (shared/reference bedrock.md §00)', () => {
  it('bedrock-runtime has no /anthropic/v1/messages URL: its Messages API is reached through the SDKs', () => {
    const api = MESSAGES_API_FACT.value
    expect(api.runtime).toBe('https://bedrock-runtime.{region}.amazonaws.com')
    expect(api.runtimeAccess).toContain('"anthropic_version": "bedrock-2023-05-31"')
    expect(api.mantle).toBe('https://bedrock-mantle.{region}.api.aws/anthropic/v1/messages')
    expect(MESSAGES_API_FACT.source.url).toContain('inference-messages-api')
  })

  it('L-00FF3314 is Sonnet 4.6’s cross-Region requests per minute: a stale row the quota check ignores', () => {
    const name = STALE_RPM_CODES_FACT.value['L-00FF3314'] ?? ''
    expect(quotaMeaning(name)).toMatchObject({ kind: 'model', metric: 'rpm', path: 'cross-region' })
    expect(modelKeyOfName(name.slice(name.lastIndexOf(' for ') + 5))).toBe(
      modelKeyOfId('anthropic.claude-sonnet-4-6')
    )
  })
})
