import { readFileSync } from 'node:fs'
import { FACTS } from '../../src/data/facts.js'
import { desiredValue } from '../../src/checks/quota/run.js'

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
