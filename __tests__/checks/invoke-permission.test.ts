import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ListInferenceProfilesCommand,
  ValidationException
} from '@aws-sdk/client-bedrock'
import {
  GetRoleCommand,
  IAMServiceException,
  NoSuchEntityException,
  SimulatePrincipalPolicyCommand,
  type EvaluationResult,
  type SimulatePrincipalPolicyCommandInput
} from '@aws-sdk/client-iam'
import { resourcesToSimulate } from '../../src/checks/invoke-permission/resources.js'
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
  SESSION_ARN,
  ACCOUNT,
  INVALID_IDENTIFIER
} from './model-unit.js'

const US = ['us-east-1', 'us-east-2', 'us-west-2']

/**
 * Answers every simulation as IAM does: one result per action and listed ARN, as `evaluate`
 * decides for that ARN.
 */
function simulateAs(evaluate: (resource: string) => Partial<EvaluationResult>) {
  iam
    .on(SimulatePrincipalPolicyCommand)
    .callsFake(async (input: SimulatePrincipalPolicyCommandInput) => ({
      EvaluationResults: (input.ResourceArns ?? []).flatMap((resource) =>
        (input.ActionNames ?? []).map((a) => ({
          EvalActionName: a,
          EvalResourceName: resource,
          EvalDecision: 'allowed',
          ...evaluate(resource)
        }))
      )
    }))
}

const allowAll = () => simulateAs(() => ({}))

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
    expect(findingsOf(report, 'invoke-permission')).toEqual([
      expect.objectContaining({
        messageId: 'allowed',
        status: 'pass',
        title:
          'ci may call InvokeModel and InvokeModelWithResponseStream on all 4 ARNs the call needs'
      })
    ])
    const inputs = iam.commandCalls(SimulatePrincipalPolicyCommand).map((c) => c.args[0].input)
    expect(inputs.every((i) => i.PolicySourceArn === ROLE_ARN)).toBe(true)
    // The profile and the source region's model share a context, so one simulation.
    expect(inputs.flatMap((i) => i.ResourceArns ?? []).sort()).toEqual(
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

  it('takes a decision IAM added after this version neither as a grant nor as a denial', async () => {
    simulateAs((resource) => ({
      EvalDecision: (resource.includes('us-west-2') ? 'conditionalAllow' : 'allowed') as 'allowed'
    }))
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f, ...others] = findingsOf(report, 'invoke-permission')
    expect(others).toHaveLength(0)
    expect(f).toMatchObject({ messageId: 'unknownDecision', status: 'unverified' })
    expect(f?.title).toContain('conditionalAllow')
  })

  it('attributes a permissions-boundary denial and gives the boundary statements', async () => {
    simulateAs((resource) => ({
      EvalDecision: resource.includes('us-west-2') ? 'implicitDeny' : 'allowed',
      PermissionsBoundaryDecisionDetail: {
        AllowedByPermissionsBoundary: !resource.includes('us-west-2')
      }
    }))
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f, ...others] = findingsOf(report, 'invoke-permission')
    expect(others).toHaveLength(0)
    expect(f).toMatchObject({
      messageId: 'boundaryDenies',
      status: 'fail',
      catalogId: 'bedrock-explicit-deny',
      title:
        'The permissions boundary of ci does not allow bedrock:InvokeModel and InvokeModelWithResponseStream on the model in us-west-2'
    })
    expect(f?.cause).toContain("The role's permissions boundary caps what its policies can grant")
    expect(f?.fix).toContain(`Add these statements to the permissions boundary of \`${ROLE_ARN}\``)
    expect(f?.fix).toContain(modelArn('us-west-2', SONNET_45))
    expect(f?.fix).not.toContain(modelArn('us-east-1', SONNET_45))
    // The statements are printed once, in the fix.
    expect(f?.details).toBeUndefined()
    expect(f?.observed).toContain('2 of the 8 actions the agent needs are denied, 6 allowed')
  })

  it('attributes an SCP denial and names every region the SCP must allow', async () => {
    simulateAs((resource) =>
      resource.includes('us-west-2')
        ? {
            EvalDecision: 'explicitDeny',
            OrganizationsDecisionDetail: { AllowedByOrganizations: false }
          }
        : {}
    )
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f, ...others] = findingsOf(report, 'invoke-permission')
    expect(others).toHaveLength(0)
    expect(f).toMatchObject({
      messageId: 'scpDenies',
      status: 'fail',
      catalogId: 'bedrock-scp-deny',
      title:
        'A service control policy denies bedrock:InvokeModel and InvokeModelWithResponseStream in us-west-2'
    })
    expect(f?.fix).toContain(
      `for \`us-west-2\`: every destination of \`us.${SONNET_45}\` must be allowed`
    )
    expect(f?.observed?.join('\n')).toContain('(denied by an SCP)')
  })

  it('gives the minimal identity policy for the ARNs no policy grants, models only through the profile', async () => {
    simulateAs((resource) =>
      resource.includes('inference-profile') ? { EvalDecision: 'implicitDeny' } : {}
    )
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f, ...others] = findingsOf(report, 'invoke-permission')
    expect(others).toHaveLength(0)
    expect(f).toMatchObject({
      messageId: 'notGrantedViaProfile',
      status: 'fail',
      catalogId: 'bedrock-invoke-denied',
      title:
        'No policy of ci allows bedrock:InvokeModel and InvokeModelWithResponseStream on the inference profile'
    })
    expect(f?.fix).toContain(
      `Add these statements to an identity policy of \`${ROLE_ARN}\`; they grant exactly the denied ARNs (models only through this profile):`
    )
    expect(f?.fix).toContain(profileArn('us-east-2', `us.${SONNET_45}`))
    // The policy is printed once, in the fix, not again as a detail.
    expect(f?.details?.map((d) => d.title)).toEqual(['Denied ARNs'])
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
    expect(f).toMatchObject({
      messageId: 'explicitDeny',
      status: 'fail',
      catalogId: 'bedrock-explicit-deny'
    })
    expect(f?.title).toBe(
      "An explicit Deny in ci's policies blocks bedrock:InvokeModel and InvokeModelWithResponseStream on 3 of 4 ARNs: the inference profile; the model in us-east-1, us-west-2"
    )
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
    expect(findingsOf(report, 'invoke-permission')).toEqual([
      expect.objectContaining({
        messageId: 'callerNotSimulable',
        status: 'unverified',
        title: 'Invoke permission not simulated for this kind of caller',
        cause: `IAM can simulate users and roles only, and the caller is arn:aws:sts::${ACCOUNT}:federated-user/alice.`
      })
    ])
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(0)
  })

  it('does not simulate the root user, and says not to run jobs as root', async () => {
    resetMocks(`arn:aws:iam::${ACCOUNT}:root`)
    bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-2', `us.${SONNET_45}`, US))
    bedrock
      .on(GetFoundationModelCommand)
      .resolves({ modelDetails: { modelArn: 'x', modelId: SONNET_45 } })
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f, ...others] = findingsOf(report, 'invoke-permission')
    expect(others).toHaveLength(0)
    expect(f).toMatchObject({ messageId: 'rootCaller', status: 'unverified' })
    expect(f?.cause).toContain('do not run jobs as root')
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(0)
  })

  it('is unverified, naming iam:SimulatePrincipalPolicy, when it may not simulate', async () => {
    iam.on(SimulatePrincipalPolicyCommand).rejects(
      new IAMServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        message: `User: ${SESSION_ARN} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${ROLE_ARN}`,
        $metadata: { httpStatusCode: 403 }
      })
    )
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    const [f, ...others] = findingsOf(report, 'invoke-permission')
    expect(others).toHaveLength(0)
    expect(f).toMatchObject({
      messageId: 'notSimulated',
      status: 'unverified',
      catalogId: 'preflight-read-denied',
      title: `Could not simulate invoke permission for ${ROLE_ARN}`
    })
    expect(f?.fix).toContain('Allow `iam:SimulatePrincipalPolicy`')
    expect(f?.observed?.join('\n')).toContain(
      `simulated principal: ${ROLE_ARN} (from the session ${SESSION_ARN}`
    )
  })

  it('is skipped by the engine, naming model-resolve, when the ARNs the call reaches are unknown', async () => {
    bedrock
      .on(GetInferenceProfileCommand)
      .rejects(new ValidationException({ message: INVALID_IDENTIFIER, $metadata: {} }))
    bedrock.on(ListInferenceProfilesCommand).resolves({ inferenceProfileSummaries: [] })
    const report = await run(['us-east-2'], [`us.${SONNET_45}`])
    expect(findingsOf(report, 'model-resolve')[0]?.status).toBe('fail')
    expect(findingsOf(report, 'invoke-permission')).toEqual([
      expect.objectContaining({
        status: 'skipped',
        title:
          'Skipped: this region cannot call the inference profile (see the model-resolve finding)',
        explainedBy: { checkId: 'model-resolve', subject: `us-east-2 · us.${SONNET_45}` }
      })
    ])
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(0)
  })
})
