import {
  accountOfRootArn,
  describeCaller,
  parseArn,
  parseIamPrincipalArn,
  parseRoleArn,
  parseSessionArn
} from '../../src/parse/arn.js'

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

  it('reads a role ARN input only when IAM could hold it: path allowed, name of IAM characters', () => {
    expect(parseRoleArn('arn:aws:iam::111122223333:role/team/ci/bedrock-invoker')).toEqual({
      partition: 'aws',
      account: '111122223333',
      name: 'bedrock-invoker'
    })
    expect(parseRoleArn('arn:aws-us-gov:iam::111122223333:role/r')?.partition).toBe('aws-us-gov')
    for (const notARole of [
      'arn:aws:iam::111122223333:user/x',
      'arn:aws:iam::123:role/x',
      ' arn:aws:iam::111122223333:role/x',
      'arn:aws:iam::111122223333:role/has space',
      `arn:aws:iam::111122223333:role/${'n'.repeat(65)}`,
      'arn:aws:sts::111122223333:assumed-role/r/s',
      'role/x'
    ]) {
      expect(parseRoleArn(notARole)).toBeUndefined()
    }
  })

  it('names the user or role of an IAM ARN, the role and session of a session ARN, the account of root', () => {
    expect(parseIamPrincipalArn('arn:aws:iam::111122223333:user/ci/deployer')).toEqual({
      partition: 'aws',
      account: '111122223333',
      type: 'user',
      name: 'deployer'
    })
    expect(
      parseIamPrincipalArn('arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/R')?.name
    ).toBe('R')
    expect(parseIamPrincipalArn('arn:aws:iam::111122223333:root')).toBeUndefined()
    expect(parseSessionArn('arn:aws:sts::111122223333:assumed-role/ci/run/1')).toEqual({
      partition: 'aws',
      account: '111122223333',
      roleName: 'ci',
      sessionName: 'run/1'
    })
    expect(parseSessionArn('arn:aws:iam::111122223333:role/ci')).toBeUndefined()
    expect(accountOfRootArn('arn:aws:iam::111122223333:root')).toBe('111122223333')
    expect(accountOfRootArn('arn:aws:iam::111122223333:user/root')).toBeUndefined()
  })
})
