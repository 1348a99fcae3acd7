import { describeCaller, parseArn } from '../../src/parse/arn.js'

describe('ARNs and callers', () => {
  it('splits an ARN whose resource contains colons and slashes', () => {
    expect(
      parseArn(
        'arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0'
      )
    ).toEqual({
      partition: 'aws',
      service: 'bedrock',
      region: 'us-east-1',
      account: '111122223333',
      resource: 'inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0'
    })
    expect(
      parseArn('arn:aws:bedrock:::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0')
        ?.region
    ).toBe('')
    expect(parseArn('not an arn')).toBeUndefined()
  })

  it('maps an assumed-role session to its role ARN', () => {
    expect(
      describeCaller('arn:aws:sts::111122223333:assumed-role/github-actions/GitHubActions')
    ).toEqual({
      kind: 'assumed-role',
      account: '111122223333',
      partition: 'aws',
      roleName: 'github-actions',
      sessionName: 'GitHubActions',
      roleArn: 'arn:aws:iam::111122223333:role/github-actions'
    })
  })

  it('recognises users, root and GovCloud partitions', () => {
    expect(describeCaller('arn:aws:iam::111122223333:user/ci/deployer')).toMatchObject({
      kind: 'user',
      userName: 'deployer'
    })
    expect(describeCaller('arn:aws:iam::111122223333:root')).toMatchObject({ kind: 'root' })
    expect(describeCaller('arn:aws-us-gov:sts::111122223333:assumed-role/r/s')).toMatchObject({
      roleArn: 'arn:aws-us-gov:iam::111122223333:role/r'
    })
  })
})
