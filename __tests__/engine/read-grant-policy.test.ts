import { readGrantPolicy } from '../../src/engine/read-denied.js'

const policyOf = (
  callerArn: string,
  statement: 'SimulateOwnPermissions' | 'ReadBedrockModelState'
) =>
  readGrantPolicy(['iam:SimulatePrincipalPolicy'], statement, {
    surface: 'github-actions',
    callerArn
  }) ?? { Statement: [] }

describe('the statement printed for a denied read names the principal as IAM stores it', () => {
  it('an IAM Identity Center session: its role at the root and under any path (the session drops the path)', () => {
    const p = policyOf(
      'arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_BedrockDev_0123456789abcdef/jane',
      'SimulateOwnPermissions'
    )
    expect(p.Statement[0]?.Resource).toEqual([
      'arn:aws:iam::111122223333:role/AWSReservedSSO_BedrockDev_0123456789abcdef',
      'arn:aws:iam::111122223333:role/*/AWSReservedSSO_BedrockDev_0123456789abcdef'
    ])
  })

  it('a user under a path, and a GovCloud role ARN, exactly as given', () => {
    expect(
      policyOf('arn:aws:iam::111122223333:user/ci/bedrock-bot', 'SimulateOwnPermissions')
        .Statement[0]?.Resource
    ).toBe('arn:aws:iam::111122223333:user/ci/bedrock-bot')
    expect(
      policyOf('arn:aws-us-gov:iam::111122223333:role/team/ci', 'SimulateOwnPermissions')
        .Statement[0]?.Resource
    ).toBe('arn:aws-us-gov:iam::111122223333:role/team/ci')
  })

  it('the role to assume as its own ARN, path included (a name alone would grant another role)', () => {
    const policy = readGrantPolicy(['sts:AssumeRole'], 'AssumeNamedRolesResultDiscarded', {
      surface: 'github-actions',
      callerArn: 'arn:aws:sts::111122223333:assumed-role/gha/run-1',
      roleArn: 'arn:aws:iam::111122223333:role/ci/bedrock-runner'
    })
    expect(policy?.Statement[0]?.Resource).toBe('arn:aws:iam::111122223333:role/ci/bedrock-runner')
  })

  it('a statement on every resource stays `*`', () => {
    expect(
      policyOf('arn:aws:iam::111122223333:user/x', 'ReadBedrockModelState').Statement[0]?.Resource
    ).toBe('*')
  })
})
