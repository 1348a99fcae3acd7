import { unionOfActions } from '../../src/policy/merge.js'

describe('one policy for several denied reads', () => {
  it('keeps one statement per Sid (IAM refuses two), with every action and every resource', () => {
    const trust = (role: string) => ({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadTrustOfNamedRoles',
          Effect: 'Allow' as const,
          Action: 'iam:GetRole',
          Resource: `arn:aws:iam::111122223333:role/${role}`
        }
      ]
    })
    const read = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadBedrockModelState',
          Effect: 'Allow' as const,
          Action: 'bedrock:GetInferenceProfile',
          Resource: '*'
        }
      ]
    }
    const merged = unionOfActions([trust('deploy'), trust('invoker'), read])
    const sids = merged.Statement.map((s) => s.Sid)
    expect(sids).toEqual(['ReadTrustOfNamedRoles', 'ReadBedrockModelState'])
    expect(merged.Statement[0]).toMatchObject({
      Action: 'iam:GetRole',
      Resource: ['arn:aws:iam::111122223333:role/deploy', 'arn:aws:iam::111122223333:role/invoker']
    })
  })
})
