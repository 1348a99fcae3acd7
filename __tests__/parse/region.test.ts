import { parseRegion } from '../../src/parse/region.js'

describe('region codes', () => {
  it.each([
    'us-east-1',
    'eu-central-2',
    'ap-southeast-7',
    'us-gov-west-1',
    'il-central-1',
    'mx-central-1'
  ])('accepts %s', (r) => expect(parseRegion(r)).toEqual({ ok: true, region: r, known: true }))

  it('accepts a well-formed region it does not know, marked unknown', () => {
    expect(parseRegion('eu-east-9')).toEqual({ ok: true, region: 'eu-east-9', known: false })
  })

  it.each([
    ['us_east1', 'us-east-1'],
    ['US-EAST-1', 'us-east-1'],
    ['us-east1', 'us-east-1'],
    ['"eu-west-1"', 'eu-west-1']
  ])('rejects %s and suggests %s', (raw, suggestion) => {
    const r = parseRegion(raw)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.problem).toContain('is not a region code')
      expect(r.suggestion).toBe(suggestion)
    }
  })

  it('says an empty region is empty', () => {
    expect(parseRegion('  ')).toEqual({ ok: false, problem: 'the region is empty' })
  })
})
