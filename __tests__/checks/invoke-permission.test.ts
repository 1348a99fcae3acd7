import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand
} from '@aws-sdk/client-bedrock'
import {
  GetRoleCommand,
  NoSuchEntityException,
  SimulatePrincipalPolicyCommand,
  type SimulatePrincipalPolicyCommandInput
} from '@aws-sdk/client-iam'
import { resourcesToSimulate } from '../../src/checks/invoke-permission.js'
import {
  bedrock,
  iam,
  resetMocks,
  run,
  findingsOf,
  profile,
  profileArn,
  modelArn,
  SONNET_45,
  ROLE_ARN,
  ACCOUNT
} from './model-unit.js'

const US = ['us-east-1', 'us-east-2', 'us-west-2']

function allowAll() {
  iam
    .on(SimulatePrincipalPolicyCommand)
    .callsFake(async (input: SimulatePrincipalPolicyCommandInput) => ({
      EvaluationResults: (input.ActionNames ?? []).map((a) => ({
        EvalActionName: a,
        EvalResourceName: input.ResourceArns?.[0],
        EvalDecision: 'allowed'
      }))
    }))
}

beforeEach(() => {
  resetMocks()
  bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-2', `us.${SONNET_45}`, US))
  bedrock
    .on(GetFoundationModelCommand)
    .resolves({ modelDetails: { modelArn: 'x', modelId: SONNET_45 } })
  bedrock.on(GetFoundationModelAvailabilityCommand).resolves({})
  bedrock.on(GetUseCaseForModelAccessCommand).resolves({ formData: new Uint8Array([1]) })
})

describe('invoke-permission', () => {
  it('simulates the role of the session on the profile and every destination, with both context keys', async () => {
    allowAll()
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    expect(findingsOf(report, 'invoke-permission')[0]?.status).toBe('pass')
    const inputs = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input)
    expect(inputs.every((i) => i.PolicySourceArn === ROLE_ARN)).toBe(true)
    expect(inputs.map((i) => i.ResourceArns?.[0]).sort()).toEqual(
      [profileArn('us-east-2', `us.${SONNET_45}`), ...US.map((r) => modelArn(r, SONNET_45))].sort()
    )
    for (const i of inputs) {
      expect(i.ActionNames).toEqual([
        'bedrock:InvokeModel',
        'bedrock:InvokeModelWithResponseStream'
      ])
      const keys = Object.fromEntries(
        (i.ContextEntries ?? []).map((c) => [c.ContextKeyName, c.ContextKeyValues?.[0]])
      )
      expect(keys['bedrock:InferenceProfileArn']).toBe(profileArn('us-east-2', `us.${SONNET_45}`))
      const resource = i.ResourceArns?.[0] ?? ''
      expect(keys['aws:RequestedRegion']).toBe(
        resource.includes('inference-profile') ? 'us-east-2' : resource.split(':')[3]
      )
    }
  })

  it('adds the region-less foundation-model ARN with aws:RequestedRegion=unspecified for global profiles', () => {
    const resources = resourcesToSimulate({
      region: 'eu-west-1',
      partition: 'aws',
      invokeId: `global.${SONNET_45}`,
      kind: 'system-profile',
      baseModelId: SONNET_45,
      provider: 'anthropic',
      profileArn: profileArn('eu-west-1', `global.${SONNET_45}`),
      profileKind: 'global',
      modelArns: [modelArn('eu-west-1', SONNET_45), modelArn('', SONNET_45)],
      destinations: ['eu-west-1', 'unspecified']
    })
    expect(resources.map((r) => [r.resource, r.requestedRegion])).toEqual([
      [profileArn('eu-west-1', `global.${SONNET_45}`), 'eu-west-1'],
      [modelArn('eu-west-1', SONNET_45), 'eu-west-1'],
      [`arn:aws:bedrock:::foundation-model/${SONNET_45}`, 'unspecified']
    ])
  })

  it('attributes a permissions-boundary denial and gives the boundary statements', async () => {
    iam
      .on(SimulatePrincipalPolicyCommand)
      .callsFake(async (input: SimulatePrincipalPolicyCommandInput) => ({
        EvaluationResults: (input.ActionNames ?? []).map((a) => ({
          EvalActionName: a,
          EvalResourceName: input.ResourceArns?.[0],
          EvalDecision: input.ResourceArns?.[0]?.includes('us-west-2') ? 'implicitDeny' : 'allowed',
          PermissionsBoundaryDecisionDetail: {
            AllowedByPermissionsBoundary: !input.ResourceArns?.[0]?.includes('us-west-2')
          }
        }))
      }))
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f] = findingsOf(report, 'invoke-permission')
    expect(f?.status).toBe('fail')
    expect(f?.title).toContain('permissions boundary')
    expect(f?.fix).toContain(modelArn('us-west-2', SONNET_45))
    expect(f?.fix).not.toContain(modelArn('us-east-1', SONNET_45))
  })

  it('reports an explicit identity-policy deny with the statement that matched', async () => {
    iam
      .on(SimulatePrincipalPolicyCommand)
      .callsFake(async (input: SimulatePrincipalPolicyCommandInput) => ({
        EvaluationResults: (input.ActionNames ?? []).map((a) => ({
          EvalActionName: a,
          EvalResourceName: input.ResourceArns?.[0],
          EvalDecision: 'explicitDeny',
          MatchedStatements: [
            { SourcePolicyId: 'deny-bedrock', SourcePolicyType: 'IAM Policy' as const }
          ]
        }))
      }))
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f] = findingsOf(report, 'invoke-permission')
    expect(f?.catalogId).toBe('bedrock-explicit-deny')
    expect(f?.observed?.join('\n')).toContain('matched statement: deny-bedrock')
  })

  it('finds the real ARN of a role with a path through iam:GetRole and simulates that', async () => {
    const pathRole = `arn:aws:iam::${ACCOUNT}:role/team/ci`
    iam
      .on(SimulatePrincipalPolicyCommand, { PolicySourceArn: ROLE_ARN })
      .rejects(new NoSuchEntityException({ message: 'ci', $metadata: { httpStatusCode: 404 } }))
    iam.on(GetRoleCommand).resolves({
      Role: { Arn: pathRole, RoleName: 'ci', Path: '/team/', RoleId: 'x', CreateDate: new Date() }
    })
    iam
      .on(SimulatePrincipalPolicyCommand, { PolicySourceArn: pathRole })
      .callsFake(async (input: SimulatePrincipalPolicyCommandInput) => ({
        EvaluationResults: (input.ActionNames ?? []).map((a) => ({
          EvalActionName: a,
          EvalResourceName: input.ResourceArns?.[0],
          EvalDecision: 'allowed'
        }))
      }))
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f] = findingsOf(report, 'invoke-permission')
    expect(f?.status).toBe('pass')
    expect(f?.observed?.join('\n')).toContain(
      `the session ARN drops the role path; GetRole gave ${pathRole}`
    )
    expect(iam.commandCalls(GetRoleCommand)[0]?.args[0].input).toEqual({ RoleName: 'ci' })
  })

  it('cannot simulate a federated user and says so instead of passing', async () => {
    resetMocks(`arn:aws:sts::${ACCOUNT}:federated-user/alice`)
    bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-2', `us.${SONNET_45}`, US))
    bedrock
      .on(GetFoundationModelCommand)
      .resolves({ modelDetails: { modelArn: 'x', modelId: SONNET_45 } })
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    expect(findingsOf(report, 'invoke-permission')[0]?.status).toBe('unverified')
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(0)
  })
})
