import { minimalInvokePolicy, INVOKE_ACTIONS } from '../../src/policy/bedrock-invoke-policy.js'
import { evaluate, type PolicyDocument } from '../harness/fake-iam-simulator.js'

const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0'
const PROFILE = `arn:aws:bedrock:us-east-1:111122223333:inference-profile/global.${MODEL}`
const REGIONAL = `arn:aws:bedrock:us-east-1::foundation-model/${MODEL}`
const GLOBAL = `arn:aws:bedrock:::foundation-model/${MODEL}`

const both = (resource: string) => INVOKE_ACTIONS.map((action) => ({ action, resource }))

describe('the minimal invoke policy', () => {
  it('follows the three-part shape AWS documents for global profiles', () => {
    const doc = minimalInvokePolicy({
      profileArn: PROFILE,
      missing: [...both(PROFILE), ...both(REGIONAL), ...both(GLOBAL)]
    })
    expect(doc.Statement.map((s) => s.Sid)).toEqual([
      'AllowInferenceProfile',
      'AllowFoundationModel',
      'AllowGlobalFoundationModel'
    ])
    expect(doc.Statement[0]?.Condition).toBeUndefined()
    expect(doc.Statement[1]?.Condition).toEqual({
      StringEquals: { 'bedrock:InferenceProfileArn': PROFILE }
    })
    expect(doc.Statement[2]?.Condition).toEqual({
      StringEquals: { 'aws:RequestedRegion': 'unspecified', 'bedrock:InferenceProfileArn': PROFILE }
    })
  })

  it('grants only the actions each resource lacks', () => {
    const doc = minimalInvokePolicy({
      profileArn: PROFILE,
      missing: [{ action: 'bedrock:InvokeModelWithResponseStream', resource: REGIONAL }]
    })
    expect(doc.Statement).toHaveLength(1)
    expect(doc.Statement[0]?.Action).toBe('bedrock:InvokeModelWithResponseStream')
  })

  it('is sufficient: with it, IAM allows every hop with the context the real call carries', () => {
    const doc = minimalInvokePolicy({
      profileArn: PROFILE,
      missing: [...both(PROFILE), ...both(REGIONAL), ...both(GLOBAL)]
    }) as unknown as PolicyDocument
    const hops: [string, string][] = [
      [PROFILE, 'us-east-1'],
      [REGIONAL, 'us-east-1'],
      [GLOBAL, 'unspecified']
    ]
    for (const [resource, region] of hops) {
      for (const action of INVOKE_ACTIONS) {
        const e = evaluate({ identity: { fix: doc } }, action, resource, {
          'aws:requestedregion': [region],
          'bedrock:inferenceprofilearn': [PROFILE]
        })
        expect(e.decision).toBe('allowed')
      }
    }
    // And the model grants do not work outside the profile.
    const direct = evaluate({ identity: { fix: doc } }, 'bedrock:InvokeModel', REGIONAL, {
      'aws:requestedregion': ['us-east-1']
    })
    expect(direct.decision).toBe('implicitDeny')
  })

  it('grants a bare in-region model without a profile condition', () => {
    const doc = minimalInvokePolicy({ missing: both(REGIONAL) })
    expect(doc.Statement).toEqual([
      {
        Sid: 'AllowFoundationModel',
        Effect: 'Allow',
        Action: [...INVOKE_ACTIONS],
        Resource: [REGIONAL]
      }
    ])
  })
})
