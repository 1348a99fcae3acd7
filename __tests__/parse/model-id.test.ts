import fc from 'fast-check'
import {
  claudeVersionOf,
  compareClaudeVersions,
  parseModelId,
  splitFoundationModelArn
} from '../../src/parse/model-id.js'

const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0'

describe('model identifier parsing', () => {
  it.each([
    [SONNET_45, 'foundation-model', undefined],
    ['anthropic.claude-sonnet-4-6', 'foundation-model', undefined],
    ['anthropic.claude-opus-4-6-v1', 'foundation-model', undefined],
    ['anthropic.claude-3-sonnet-20240229-v1:0:28k', 'foundation-model', undefined],
    [`us.${SONNET_45}`, 'system-profile', 'us'],
    [`eu.${SONNET_45}`, 'system-profile', 'eu'],
    [`apac.${SONNET_45}`, 'system-profile', 'apac'],
    [`jp.${SONNET_45}`, 'system-profile', 'jp'],
    [`au.${SONNET_45}`, 'system-profile', 'au'],
    ['ca.amazon.nova-lite-v1:0', 'system-profile', 'ca'],
    ['us-gov.anthropic.claude-3-7-sonnet-20250219-v1:0', 'system-profile', 'us-gov'],
    ['global.anthropic.claude-opus-4-7', 'system-profile', 'global']
  ])('reads %s as a %s (prefix %s)', (input, kind, prefix) => {
    const p = parseModelId(input)
    expect(p.ok && p.kind).toBe(kind)
    if (p.ok) {
      expect(p.prefix).toBe(prefix)
      expect(p.baseModelId).toBe(prefix ? input.slice(prefix.length + 1) : input)
      expect(p.provider).toBe(p.baseModelId?.split('.')[0])
    }
  })

  it('accepts an unknown future prefix of the documented shape, marked as unknown', () => {
    const p = parseModelId(`uk.${SONNET_45}`)
    expect(p.ok && p.prefix).toBe('uk')
    expect(p.ok && p.knownPrefix).toBe(false)
  })

  it('reads regional and region-less foundation-model ARNs', () => {
    const regional = parseModelId(`arn:aws:bedrock:us-east-1::foundation-model/${SONNET_45}`)
    expect(regional).toMatchObject({
      ok: true,
      kind: 'foundation-model-arn',
      baseModelId: SONNET_45,
      regionless: false
    })
    const global = parseModelId(`arn:aws:bedrock:::foundation-model/${SONNET_45}`)
    expect(global).toMatchObject({ ok: true, kind: 'foundation-model-arn', regionless: true })
    const gov = parseModelId(`arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/${SONNET_45}`)
    expect(gov).toMatchObject({
      ok: true,
      arn: { partition: 'aws-us-gov', region: 'us-gov-west-1' }
    })
  })

  it('reads inference-profile, application-profile and provisioned-model ARNs', () => {
    expect(
      parseModelId(`arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.${SONNET_45}`)
    ).toMatchObject({
      ok: true,
      kind: 'inference-profile-arn',
      prefix: 'eu',
      profileId: `eu.${SONNET_45}`,
      baseModelId: SONNET_45,
      arn: { region: 'eu-west-1', account: '111122223333' }
    })
    expect(
      parseModelId(
        'arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6'
      )
    ).toMatchObject({ ok: true, kind: 'application-profile-arn' })
    expect(
      parseModelId('arn:aws:bedrock:us-east-1:111122223333:provisioned-model/a1b2c3d4e5f6')
    ).toMatchObject({ ok: true, kind: 'provisioned-model-arn' })
  })

  it.each([
    ['', 'empty'],
    ['"us.anthropic.claude-sonnet-4-5-20250929-v1:0"', 'wrapped in quotes'],
    [`bedrock/us.${SONNET_45}`, 'LiteLLM routing prefix'],
    ['anthropic/claude-sonnet-4-5', 'separated by `/`'],
    ['claude-sonnet-4-5-20250929', 'Anthropic API model name'],
    [`US.${SONNET_45.toUpperCase()}`, 'lower case'],
    ['anthropic', 'no provider'],
    [`a.b.${SONNET_45}`, 'too many dots'],
    [`u.${SONNET_45}`, 'not an inference-profile prefix'],
    [`arn:aws:bedrock:*::inference-profile/us.${SONNET_45}`, 'pattern for IAM policies'],
    [`arn:aws:bedrock:us-east-1::inference-profile/us.${SONNET_45}`, 'your account'],
    [`arn:aws:bedrock:us-east-1:111122223333:foundation-model/${SONNET_45}`, 'no account ID'],
    [`arn:aws:s3:us-east-1::foundation-model/${SONNET_45}`, '`s3` service'],
    ['arn:aws:bedrock:us-east-1:111122223333:provisioned-model/short', '12-character ID'],
    ['arn:aws:bedrock:us-east-1:111122223333:guardrail/abc', 'not a Bedrock model resource'],
    ['arn:aws:bedrock', 'six `:`-separated parts']
  ])('names what is wrong with %j (%s)', (input, words) => {
    const p = parseModelId(input)
    expect(p.ok).toBe(false)
    if (!p.ok) expect(p.problem).toContain(words)
  })

  it('suggests the corrected identifier for the common slips', () => {
    const quoted = parseModelId(`"us.${SONNET_45}"`)
    expect(!quoted.ok && quoted.suggestion).toBe(`us.${SONNET_45}`)
    const litellm = parseModelId(`bedrock/converse/us.${SONNET_45}`)
    expect(!litellm.ok && litellm.suggestion).toBe(`us.${SONNET_45}`)
    const upper = parseModelId(`US.${SONNET_45}`)
    expect(!upper.ok && upper.suggestion).toBe(`us.${SONNET_45}`)
  })

  it('marks well-formed ARNs of kinds it does not check as unsupported, not malformed', () => {
    const p = parseModelId('arn:aws:bedrock:us-east-1:111122223333:imported-model/a1b2c3d4e5f6')
    expect(!p.ok && p.unsupported).toBe(true)
  })

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const p = parseModelId(s)
        expect(typeof p.ok).toBe('boolean')
      })
    )
  })

  it('splits foundation-model ARNs, the region-less one with an empty region', () => {
    expect(splitFoundationModelArn(`arn:aws:bedrock:::foundation-model/${SONNET_45}`)).toEqual({
      region: '',
      modelId: SONNET_45
    })
    expect(
      splitFoundationModelArn('arn:aws:bedrock:us-east-1:1:inference-profile/x')
    ).toBeUndefined()
  })

  describe('Claude versions, dated and undated', () => {
    it.each([
      [SONNET_45, 'sonnet', 4, 5, '20250929'],
      [`us.${SONNET_45}`, 'sonnet', 4, 5, '20250929'],
      ['anthropic.claude-sonnet-4-6', 'sonnet', 4, 6, undefined],
      ['global.anthropic.claude-sonnet-4-6', 'sonnet', 4, 6, undefined],
      ['eu.anthropic.claude-opus-4-7', 'opus', 4, 7, undefined],
      ['anthropic.claude-opus-4-6-v1', 'opus', 4, 6, undefined],
      ['anthropic.claude-sonnet-4-20250514-v1:0', 'sonnet', 4, 0, '20250514'],
      ['anthropic.claude-sonnet-5', 'sonnet', 5, 0, undefined],
      ['anthropic.claude-3-7-sonnet-20250219-v1:0', 'sonnet', 3, 7, '20250219'],
      ['anthropic.claude-3-sonnet-20240229-v1:0:200k', 'sonnet', 3, 0, '20240229'],
      [`arn:aws:bedrock:us-east-1::foundation-model/${SONNET_45}`, 'sonnet', 4, 5, '20250929']
    ])('reads %s as Claude %s %i.%i (date %s)', (id, family, major, minor, date) => {
      const v = claudeVersionOf(id)
      expect(v).toMatchObject({ family, major, minor })
      expect(v?.date).toBe(date)
    })

    it.each(['amazon.nova-pro-v1:0', 'anthropic.claude-v2', 'claude-sonnet-4-6', 'nonsense'])(
      'has no Claude version for %s',
      (id) => expect(claudeVersionOf(id)).toBeUndefined()
    )

    it('orders an undated 4.6 after a dated 4.5, and 5 after both', () => {
      const ids = [
        'anthropic.claude-sonnet-5',
        'anthropic.claude-sonnet-4-6',
        SONNET_45,
        'anthropic.claude-sonnet-4-20250514-v1:0',
        'anthropic.claude-3-7-sonnet-20250219-v1:0'
      ]
      const sorted = [...ids].sort((a, b) =>
        compareClaudeVersions(claudeVersionOf(a)!, claudeVersionOf(b)!)
      )
      expect(sorted).toEqual([...ids].reverse())
    })

    it('orders a v2 revision after v1 of the same version', () => {
      const v1 = claudeVersionOf('anthropic.claude-3-5-sonnet-20240620-v1:0')!
      const v2 = claudeVersionOf('anthropic.claude-3-5-sonnet-20241022-v2:0')!
      expect(compareClaudeVersions(v2, v1)).toBeGreaterThan(0)
    })
  })
})
