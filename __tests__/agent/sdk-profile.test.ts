import { sdkRegion } from '../../src/agent/sdk-profile.js'
import type { AgentSetting } from '../../src/agent/types.js'

const lookup =
  (vars: Record<string, string>) =>
  (key: string): AgentSetting | undefined =>
    vars[key] === undefined ? undefined : { value: vars[key], source: key }
const profile = (): AgentSetting => ({
  value: 'ap-south-1',
  source: 'region of [default] in ~/.aws/config:2'
})
const none = () => undefined

describe('the region an AnthropicBedrock app calls, as its SDK picks it', () => {
  it('takes AWS_REGION first in both SDKs', () => {
    for (const kind of ['anthropic-sdk-python', 'anthropic-sdk-typescript'] as const) {
      expect(
        sdkRegion(kind, lookup({ AWS_REGION: 'eu-central-1', AWS_DEFAULT_REGION: 'x' }), profile)
          .value
      ).toBe('eu-central-1')
    }
  })

  it("Python: then boto3's session region (AWS_DEFAULT_REGION, then the profile), then us-east-1", () => {
    expect(
      sdkRegion('anthropic-sdk-python', lookup({ AWS_DEFAULT_REGION: 'eu-west-1' }), profile).value
    ).toBe('eu-west-1')
    expect(sdkRegion('anthropic-sdk-python', lookup({}), profile).source).toBe(
      "region of [default] in ~/.aws/config:2, boto3's session region"
    )
    expect(sdkRegion('anthropic-sdk-python', lookup({}), none).value).toBe('us-east-1')
  })

  it('TypeScript: us-east-1 whatever AWS_DEFAULT_REGION or the profile say', () => {
    const r = sdkRegion(
      'anthropic-sdk-typescript',
      lookup({ AWS_DEFAULT_REGION: 'eu-west-1' }),
      profile
    )
    expect(r).toEqual({
      value: 'us-east-1',
      source:
        "AnthropicBedrock (TypeScript)'s default when AWS_REGION is unset; it never reads AWS_DEFAULT_REGION"
    })
  })
})
