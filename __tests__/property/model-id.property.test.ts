import fc from 'fast-check'
import { claudeVersionOf, parseModelId } from '../../src/parse/model-id.js'
import { anyText, mangled, soup } from './arbitraries.js'
import { PROPERTY_TIMEOUT_MS, runs } from './runs.js'

const version = fc.constantFrom('', '-v1:0', '-v2:0', '-20250929-v1:0', ':0', '-v1:0:200k')
const baseModel = fc
  .tuple(
    fc.constantFrom('anthropic', 'amazon', 'meta'),
    fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/),
    version
  )
  .map(([provider, model, v]) => `${provider}.${model}${v}`)
  .filter((id) => /^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*(?::\d+(?::\d+k)?)?$/.test(id))
const prefix = fc.constantFrom('us', 'eu', 'apac', 'jp', 'au', 'global', 'us-gov')
const validId = fc.oneof(
  baseModel.map((id) => ({ id, kind: 'foundation-model' })),
  fc.tuple(prefix, baseModel).map(([p, id]) => ({ id: `${p}.${id}`, kind: 'system-profile' })),
  fc.tuple(fc.constantFrom('us-east-1', 'eu-central-1', ''), baseModel).map(([r, id]) => ({
    id: `arn:aws:bedrock:${r}::foundation-model/${id}`,
    kind: 'foundation-model-arn'
  })),
  fc.tuple(fc.stringMatching(/^\d{12}$/), prefix, baseModel).map(([a, p, id]) => ({
    id: `arn:aws:bedrock:us-east-1:${a}:inference-profile/${p}.${id}`,
    kind: 'inference-profile-arn'
  })),
  fc.tuple(fc.stringMatching(/^\d{12}$/), fc.stringMatching(/^[a-z0-9]{12}$/)).map(([a, id]) => ({
    id: `arn:aws:bedrock:us-east-1:${a}:application-inference-profile/${id}`,
    kind: 'application-profile-arn'
  }))
)
const modelLike = fc.oneof(
  anyText,
  mangled(validId.map((v) => v.id)),
  soup([
    'anthropic',
    '.',
    'claude',
    '-',
    'sonnet',
    '4-5',
    '-v1:0',
    'us.',
    'global.',
    'arn:aws:bedrock:',
    ':',
    '::',
    'foundation-model/',
    'inference-profile/',
    '111122223333',
    'us-east-1',
    'bedrock/',
    '/',
    '*',
    ' ',
    '"'
  ]),
  fc.string({ minLength: 2000, maxLength: 5000 })
)

describe('model identifiers, for any text', () => {
  it(
    'either classifies the identifier or names what is wrong with it',
    () => {
      fc.assert(
        fc.property(modelLike, (raw) => {
          const parsed = parseModelId(raw)
          if (parsed.ok) {
            expect(parsed.kind).toBeTruthy()
            expect(/\s/.test(parsed.input)).toBe(false)
          } else {
            expect(parsed.problem.trim().length).toBeGreaterThan(10)
            // The input it echoes is bounded: a pasted file never floods the summary.
            expect(parsed.input.length).toBeLessThanOrEqual(2048)
          }
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'accepts every well-formed model ID, profile ID and ARN as its kind',
    () => {
      fc.assert(
        fc.property(validId, ({ id, kind }) => {
          const parsed = parseModelId(id)
          expect(parsed).toMatchObject({ ok: true, kind })
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'suggests the lower-case or unquoted form when that is the only slip',
    () => {
      fc.assert(
        fc.property(validId, fc.constantFrom('upper', 'quoted'), ({ id }, how) => {
          const input = how === 'upper' ? id.toUpperCase() : `'${id}'`
          const parsed = parseModelId(input)
          expect(parsed.ok).toBe(false)
          if (!parsed.ok) expect(parsed.suggestion).toBe(id)
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )

  it(
    'reads a Claude ID the same with or without its date suffix, and with any prefix',
    () => {
      const claude = fc.record({
        family: fc.constantFrom('sonnet', 'opus', 'haiku'),
        major: fc.integer({ min: 4, max: 9 }),
        minor: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        date: fc.option(fc.integer({ min: 20250101, max: 20291231 }).map(String), {
          nil: undefined
        }),
        prefix: fc.constantFrom('', 'us.', 'eu.', 'jp.', 'au.', 'global.', 'us-gov.')
      })
      fc.assert(
        fc.property(claude, ({ family, major, minor, date, prefix }) => {
          const name = `anthropic.claude-${family}-${major}${minor ? `-${minor}` : ''}`
          const undated = `${prefix}${name}`
          const dated = `${prefix}${name}${date ? `-${date}-v1:0` : ''}`
          for (const id of [undated, dated]) {
            expect(parseModelId(id)).toMatchObject({ ok: true })
            expect(claudeVersionOf(id)).toMatchObject({ family, major, minor: minor ?? 0 })
          }
        }),
        runs()
      )
    },
    PROPERTY_TIMEOUT_MS
  )
})
