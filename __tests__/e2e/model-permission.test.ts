import { useFakeAws, query } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, FAKE, type ActionRun } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  modelArn,
  profileArn,
  SEED_POLICY,
  SONNET_45
} from '../harness/fake-bedrock.js'
import {
  FULL_AWS_ACCESS,
  simulatePrincipalPolicy,
  type SimulatorPolicies
} from '../harness/fake-iam-simulator.js'

const fake = useFakeAws(() => ({ 'sts:GetCallerIdentity': callerIdentity(), ...bedrockHandlers() }))

const ROLE_ARN = `arn:aws:iam::${FAKE.account}:role/github-actions-bedrock`
const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']

async function withPolicies(region: string, model: string, policies: SimulatorPolicies) {
  fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy(policies) })
  return runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: { 'aws-region': region, 'model-id': model }
  })
}

function permission(run: ActionRun) {
  return run.report?.findings.filter((f) => f.checkId === 'invoke-permission') ?? []
}

/** The policy JSON a finding's fix carries. */
function policyIn(fix: string | undefined): {
  Statement: { Resource: string[]; Condition?: unknown }[]
} {
  const m = /```json\n([\s\S]+?)\n```/.exec(fix ?? '')
  return JSON.parse(m?.[1] ?? '{}')
}

describe('invoke permission through the bundled action (IAM simulated from real policies)', () => {
  it('recognises the seed policy as sufficient for us. profiles, simulating the role of the session', async () => {
    const run = await withPolicies('us-east-1', `us.${SONNET_45}`, {
      identity: { seed: SEED_POLICY }
    })
    const [f] = permission(run)
    expect(f?.status).toBe('pass')
    expect(f?.title).toContain('on all 4 ARNs the call needs')
    const sims = fake.requests.filter((r) => r.operation === 'SimulatePrincipalPolicy')
    expect(sims.every((r) => r.params.PolicySourceArn === ROLE_ARN)).toBe(true)
    // Every destination was simulated with its own aws:RequestedRegion and the profile ARN.
    const hops = sims.map((r) => r.params['ContextEntries.member.1.ContextKeyValues.member.1'])
    expect(new Set(hops)).toEqual(new Set(['us-east-1', 'us-east-2', 'us-west-2']))
    expect(
      sims.every(
        (r) =>
          r.params['ContextEntries.member.2.ContextKeyValues.member.1'] ===
          profileArn('us-east-1', `us.${SONNET_45}`)
      )
    ).toBe(true)
  })

  it('recognises the seed policy as insufficient for eu. profiles and prints the one missing statement', async () => {
    const run = await withPolicies('eu-west-1', `eu.${SONNET_45}`, {
      identity: { seed: SEED_POLICY }
    })
    const [f] = permission(run)
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('bedrock-invoke-denied')
    const policy = policyIn(f?.fix)
    expect(policy.Statement).toHaveLength(1)
    expect(policy.Statement[0]?.Resource).toEqual([profileArn('eu-west-1', `eu.${SONNET_45}`)])
    // The policy is printed once (under Fix), not again as a detail.
    expect(run.summary).not.toContain('Minimal policy JSON')
    expect(run.summary.split('"Version": "2012-10-17"')).toHaveLength(2)
    expect(f?.title).toBe(
      'No policy of github-actions-bedrock allows bedrock:InvokeModel and InvokeModelWithResponseStream on the inference profile'
    )
    expect(run.annotations.find((a) => a.title?.includes('invoke-permission'))?.level).toBe('error')
    expect(leakedSecrets(run)).toEqual([])
  })

  it('recognises the seed policy as insufficient for global. profiles', async () => {
    const run = await withPolicies('us-east-1', `global.${SONNET_45}`, {
      identity: { seed: SEED_POLICY }
    })
    const [f] = permission(run)
    expect(f?.status).toBe('fail')
    expect(f?.observed?.join('\n')).toContain(
      `${profileArn('us-east-1', `global.${SONNET_45}`)} → implicitDeny`
    )
  })

  it('fails when the policy misses one destination region, naming that ARN only', async () => {
    const profile = profileArn('us-east-1', `us.${SONNET_45}`)
    const run = await withPolicies('us-east-1', `us.${SONNET_45}`, {
      identity: {
        invoke: {
          Statement: [
            { Effect: 'Allow', Action: INVOKE, Resource: profile },
            {
              Effect: 'Allow',
              Action: INVOKE,
              Resource: [modelArn('us-east-1', SONNET_45), modelArn('us-east-2', SONNET_45)],
              Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profile } }
            }
          ]
        }
      }
    })
    const [f] = permission(run)
    expect(f?.status).toBe('fail')
    // The title names the one ARN denied: the model in the destination the policy left out.
    expect(f?.title).toBe(
      'No policy of github-actions-bedrock allows bedrock:InvokeModel and InvokeModelWithResponseStream on the model in us-west-2'
    )
    const policy = policyIn(f?.fix)
    expect(policy.Statement).toEqual([
      {
        Sid: 'AllowFoundationModel',
        Effect: 'Allow',
        Action: INVOKE,
        Resource: [modelArn('us-west-2', SONNET_45)],
        Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profile } }
      }
    ])
    expect(run.summary).toContain(modelArn('us-west-2', SONNET_45))
  })

  it('attributes an SCP explicit deny of a destination region and says no identity policy can fix it', async () => {
    const run = await withPolicies('us-east-1', `us.${SONNET_45}`, {
      identity: { seed: SEED_POLICY },
      scp: {
        FullAWSAccess: FULL_AWS_ACCESS,
        'deny-outside-approved-regions': {
          Statement: [
            {
              Effect: 'Deny',
              Action: 'bedrock:*',
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2'] } }
            }
          ]
        }
      }
    })
    const [f] = permission(run)
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('bedrock-scp-deny')
    expect(f?.title).toBe(
      'A service control policy denies bedrock:InvokeModel and InvokeModelWithResponseStream in us-east-2'
    )
    expect(f?.fix).toContain('No identity policy can override an SCP deny')
    expect(f?.observed?.join('\n')).toContain('denied by an SCP')
  })

  it('fails a global profile whose policy lacks the region-less foundation-model ARN', async () => {
    const profile = profileArn('us-east-1', `global.${SONNET_45}`)
    const run = await withPolicies('us-east-1', `global.${SONNET_45}`, {
      identity: {
        geo: {
          Statement: [
            { Effect: 'Allow', Action: INVOKE, Resource: profile },
            {
              Effect: 'Allow',
              Action: INVOKE,
              Resource: modelArn('us-east-1', SONNET_45),
              Condition: { StringEquals: { 'bedrock:InferenceProfileArn': profile } }
            }
          ]
        }
      }
    })
    const [f] = permission(run)
    expect(f?.status).toBe('fail')
    expect(f?.observed?.join('\n')).toContain('global hop, aws:RequestedRegion=unspecified')
    const policy = policyIn(f?.fix)
    expect(policy.Statement).toEqual([
      {
        Sid: 'AllowGlobalFoundationModel',
        Effect: 'Allow',
        Action: INVOKE,
        Resource: [`arn:aws:bedrock:::foundation-model/${SONNET_45}`],
        Condition: {
          StringEquals: {
            'aws:RequestedRegion': 'unspecified',
            'bedrock:InferenceProfileArn': profile
          }
        }
      }
    ])
  })

  it('is unverified, naming iam:SimulatePrincipalPolicy, when the simulation is denied; other checks go on', async () => {
    fake.handle({
      'iam:SimulatePrincipalPolicy': query.error(
        'AccessDenied',
        `User: arn:aws:sts::${FAKE.account}:assumed-role/github-actions-bedrock/GitHubActions is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${ROLE_ARN} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`,
        403
      )
    })
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` }
    })
    const [f] = permission(run)
    expect(f?.status).toBe('unverified')
    expect(f?.catalogId).toBe('preflight-read-denied')
    expect(f?.fix).toContain('iam:SimulatePrincipalPolicy')
    expect(run.report?.findings.find((x) => x.checkId === 'model-resolve')?.status).toBe('pass')
    expect(run.outputs.result).toBe('warn')
  })
})
