import {
  differenceOf,
  editDistance,
  MAX_EDITS,
  nearestListed
} from '../../src/checks/model-resolve/near-miss.js'

// The IDs as AWS lists them (the fake world's, __tests__/harness/fake-bedrock.ts).
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0'
const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0'
const SONNET_46 = 'anthropic.claude-sonnet-4-6'

// What us-east-1 lists (the fake world's ListInferenceProfiles; Haiku 4.5 runs on demand there).
const US_EAST_1 = [
  `us.${SONNET_45}`,
  `global.${SONNET_45}`,
  `us.${HAIKU_45}`,
  `global.${HAIKU_45}`,
  `us.${SONNET_46}`,
  `global.${SONNET_46}`,
  HAIKU_45
]
const US_ORDER = ['us', 'global']

describe('the listed ID nearest to a model ID Bedrock does not know', () => {
  it('adds the missing :0 version suffix, keeping the prefix', () => {
    const m = nearestListed(`us.anthropic.claude-sonnet-4-5-20250929-v1`, US_EAST_1, US_ORDER)
    expect(m.best).toBe(`us.${SONNET_45}`)
    expect(differenceOf(`us.anthropic.claude-sonnet-4-5-20250929-v1`, m.best!)).toBe(
      'the version suffix'
    )
  })

  it("swaps a geography prefix for the region's own before global.", () => {
    const m = nearestListed(`eu.${SONNET_45}`, US_EAST_1, US_ORDER)
    expect(m.best).toBe(`us.${SONNET_45}`)
    expect(m.near).toEqual([`us.${SONNET_45}`, `global.${SONNET_45}`])
    expect(differenceOf(`eu.${SONNET_45}`, m.best!)).toBe('the geography prefix (`us.` for `eu.`)')
  })

  it('prefers a prefix swap to a typo at the same number of edits', () => {
    // `us.` → `jp.` is one edit, and so is `…-4-6` → `…-4-5`: the swap wins.
    const listed = [`jp.${SONNET_46}`, `us.anthropic.claude-sonnet-4-5`]
    const m = nearestListed(`us.${SONNET_46}`, listed, ['jp', 'global'])
    expect(m.best).toBe(`jp.${SONNET_46}`)
  })

  it('corrects a one-letter typo in the model name', () => {
    const m = nearestListed('us.anthropic.claude-sonet-4-6', US_EAST_1, US_ORDER)
    expect(m.best).toBe(`us.${SONNET_46}`)
    expect(differenceOf('us.anthropic.claude-sonet-4-6', m.best!)).toBe('a typo in the model name')
  })

  it('names no single ID when two are equally near', () => {
    const listed = ['us.anthropic.claude-opus-4-5', 'us.anthropic.claude-opus-4-7']
    const m = nearestListed('us.anthropic.claude-opus-4-6', listed, US_ORDER)
    expect(m.best).toBeUndefined()
    expect(m.tied).toEqual(listed)
  })

  it(`names nothing more than ${MAX_EDITS} edits away`, () => {
    expect(nearestListed('us.anthropic.claude-haiku-3-9', US_EAST_1, US_ORDER)).toEqual({
      near: [],
      tied: []
    })
    // Three typos: out of reach, even though the prefix matches.
    expect(nearestListed('us.anthropic.claude-sxxxet-4-6', US_EAST_1, US_ORDER).best).toBe(
      undefined
    )
  })

  it('never offers the input itself', () => {
    expect(nearestListed(HAIKU_45, [HAIKU_45], US_ORDER).near).toEqual([])
  })

  it('counts edits as Levenshtein does, stopping past the bound', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('kitten', 'sitting', 1)).toBe(2)
    expect(editDistance('', 'ab')).toBe(2)
  })
})
