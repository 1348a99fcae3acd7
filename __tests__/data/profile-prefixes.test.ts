import {
  claudeVersion,
  documentedDestinations,
  likelyPrefixes,
  regionsServedBy
} from '../../src/data/profile-prefixes.js'

describe('the built-in prefix hints (used only when the API cannot be read)', () => {
  it.each([
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 4.5],
    ['anthropic.claude-sonnet-4-20250514-v1:0', 4],
    ['anthropic.claude-opus-4-1-20250805-v1:0', 4.1],
    ['anthropic.claude-sonnet-4-6', 4.6],
    ['anthropic.claude-3-7-sonnet-20250219-v1:0', 3.7],
    ['anthropic.claude-3-haiku-20240307-v1:0', 3],
    ['amazon.nova-lite-v1:0', undefined]
  ])('reads the Claude generation of %s as %s', (id, version) => {
    expect(claudeVersion(id)).toBe(version)
  })

  it.each([
    ['us-east-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', ['us', 'global']],
    ['ca-central-1', 'anthropic.claude-haiku-4-5-20251001-v1:0', ['us', 'ca', 'global']],
    ['eu-west-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', ['eu', 'global']],
    ['ap-northeast-1', 'anthropic.claude-haiku-4-5-20251001-v1:0', ['jp', 'global']],
    ['ap-northeast-1', 'anthropic.claude-3-7-sonnet-20250219-v1:0', ['apac', 'global']],
    ['ap-southeast-2', 'anthropic.claude-sonnet-4-6', ['au', 'global']],
    ['ap-south-1', 'anthropic.claude-sonnet-4-20250514-v1:0', ['apac', 'global']],
    ['us-gov-west-1', 'anthropic.claude-3-7-sonnet-20250219-v1:0', ['us-gov']],
    ['sa-east-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', ['global']]
  ])('suggests for %s and %s: %j', (region, model, prefixes) => {
    expect(likelyPrefixes(region, model)).toEqual(prefixes)
  })

  it('knows us. also serves ca-central-1', () => {
    expect(regionsServedBy('us')).toContain('ca-central-1')
    expect(regionsServedBy('global')).toBeUndefined()
  })

  it.each([
    [
      'us',
      'us-east-1',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      ['us-east-1', 'us-east-2', 'us-west-2']
    ],
    [
      'us',
      'ca-central-1',
      'anthropic.claude-haiku-4-5-20251001-v1:0',
      ['ca-central-1', 'us-east-1', 'us-east-2', 'us-west-2']
    ],
    [
      'eu',
      'eu-west-2',
      'anthropic.claude-opus-4-5-20251101-v1:0',
      [
        'eu-central-1',
        'eu-north-1',
        'eu-south-1',
        'eu-south-2',
        'eu-west-1',
        'eu-west-3',
        'eu-west-2'
      ]
    ],
    ['us-gov', 'us-gov-east-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', ['us-gov-west-1']],
    ['global', 'us-east-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', undefined],
    ['us', 'us-east-1', 'anthropic.claude-sonnet-4-6', undefined],
    ['us', 'eu-west-1', 'anthropic.claude-sonnet-4-5-20250929-v1:0', undefined]
  ])(
    'documents the destinations of %s. from %s for %s: %j',
    (prefix, source, model, destinations) => {
      expect(documentedDestinations(prefix, source, model)).toEqual(destinations)
    }
  )
})
