import { actionsOf, subjectOf } from '../../src/checks/invoke-permission/wording.js'
import type { Evaluated } from '../../src/checks/invoke-permission/decide.js'

const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0'
const PROFILE = `arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.${MODEL}`

function denied(region: string, action = 'bedrock:InvokeModel'): Evaluated {
  const resource =
    region === 'profile'
      ? { resource: PROFILE, requestedRegion: 'us-east-1', profileArn: PROFILE }
      : {
          resource: `arn:aws:bedrock:${region === 'unspecified' ? '' : region}::foundation-model/${MODEL}`,
          requestedRegion: region
        }
  return { resource, action, decision: 'implicitDeny', matched: [], missingContext: [] }
}

describe('invoke-permission titles name what was denied, on one bounded line', () => {
  it('one destination: the model in that region', () => {
    expect(subjectOf([denied('us-east-2')], 4)).toBe('the model in us-east-2')
  })

  it('several: how many of how many, and each region', () => {
    expect(subjectOf([denied('us-east-2'), denied('us-west-2')], 3)).toBe(
      '2 of 3 ARNs: the model in us-east-2, us-west-2'
    )
  })

  it('the profile and the global hop by name', () => {
    expect(subjectOf([denied('profile'), denied('unspecified')], 3)).toBe(
      '2 of 3 ARNs: the inference profile; the region-less global model'
    )
  })

  it('three regions at most, then a count', () => {
    const regions = ['eu-west-1', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1']
    const subject = subjectOf(
      regions.map((r) => denied(r)),
      6
    )
    expect(subject).toBe('5 of 6 ARNs: the model in eu-west-1, eu-west-3, eu-central-1 +2 more')
  })

  it('each denied action once, InvokeModel first', () => {
    const both = [
      denied('us-east-2', 'bedrock:InvokeModelWithResponseStream'),
      denied('us-east-2'),
      denied('us-west-2')
    ]
    expect(actionsOf(both)).toBe('bedrock:InvokeModel and InvokeModelWithResponseStream')
    expect(actionsOf([denied('us-east-2')])).toBe('bedrock:InvokeModel')
  })
})
