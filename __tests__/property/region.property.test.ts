import fc from 'fast-check'
import { parseRegion } from '../../src/parse/region.js'
import { KNOWN_REGIONS } from '../../src/data/regions.js'
import { anyText, mangled, soup } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

// The shape AWS's region codes take, the European Sovereign Cloud's `eusc-de-east-1` included
// (bedrock.md §00): the product's own REGION_SHAPE is what this property holds it to.
const REGION_SHAPE = /^[a-z]{2,4}(-[a-z]+){1,3}-\d{1,2}$/
const knownRegion = fc.constantFrom(...KNOWN_REGIONS)
const regionLike = fc.oneof(
  anyText,
  mangled(knownRegion),
  soup([
    'us',
    'eu',
    'ap',
    '-',
    '_',
    'east',
    'west',
    'gov',
    '1',
    '12',
    'EAST',
    ' ',
    '"',
    'south-east'
  ]),
  fc.stringMatching(REGION_SHAPE)
)

describe('region names, for any text a user can type', () => {
  it(
    'either accepts a region of the documented shape or names the problem',
    () => {
      fc.assert(
        fc.property(regionLike, (raw) => {
          const parsed = parseRegion(raw)
          if (parsed.ok) {
            expect(parsed.region).toBe(raw)
            expect(parsed.region).toMatch(REGION_SHAPE)
            expect(parsed.known).toBe(KNOWN_REGIONS.includes(raw))
          } else {
            expect(parsed.problem.length).toBeGreaterThan(0)
            // Names what is wrong: the empty value, or the value itself (shortened when long).
            if (raw.trim()) expect(parsed.problem).toContain(raw.slice(0, 20))
            else expect(parsed.problem).toMatch(/empty/)
            // A long value is shortened, never pasted whole into a log line.
            expect(parsed.problem.length).toBeLessThanOrEqual(120)
            if (parsed.suggestion !== undefined)
              expect(parseRegion(parsed.suggestion).ok).toBe(true)
          }
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'suggests the intended region for the usual slips (case, underscores, quotes, missing dash)',
    () => {
      const slip = fc
        .tuple(knownRegion, fc.constantFrom('upper', 'underscore', 'quoted', 'nodash', 'spaced'))
        .map(([region, how]) => {
          const value =
            how === 'upper'
              ? region.toUpperCase()
              : how === 'underscore'
                ? region.replace(/-/g, '_')
                : how === 'quoted'
                  ? `"${region}"`
                  : how === 'nodash'
                    ? region.replace(/-(\d+)$/, '$1')
                    : ` ${region} `
          return { region, value }
        })
      fc.assert(
        fc.property(slip, ({ region, value }) => {
          const parsed = parseRegion(value)
          expect(parsed.ok).toBe(false)
          if (!parsed.ok) expect(parsed.suggestion).toBe(region)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
