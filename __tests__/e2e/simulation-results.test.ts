import { useFakeAws, type FakeRequest } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  modelArn,
  profileArn,
  SEED_POLICY,
  SONNET_45
} from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy, type SimulatorPolicies } from '../harness/fake-iam-simulator.js'

// The fake answers SimulatePrincipalPolicy as the current IAM model says: the top-level
// EvalResourceName is the ARN template of the resource type, each ARN's decision and missing
// context keys are in ResourceSpecificResults only.

const fake = useFakeAws(() => ({ 'sts:GetCallerIdentity': callerIdentity(), ...bedrockHandlers() }))
const INVOKE = ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']
const PROFILE = `us.${SONNET_45}`

/** The raw XML answers of the fake's simulator, to show which shape the tool read. */
const answers: string[] = []

async function withPolicies(policies: SimulatorPolicies): Promise<ActionRun> {
  const simulate = simulatePrincipalPolicy(policies)
  fake.handle({
    'iam:SimulatePrincipalPolicy': (req: FakeRequest) => {
      const reply = simulate(req)
      if ('body' in reply) answers.push(reply.body)
      return reply
    }
  })
  return runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: { 'aws-region': 'us-east-1', 'model-id': PROFILE }
  })
}

const permission = (run: ActionRun) =>
  run.report?.findings.filter((f) => f.checkId === 'invoke-permission') ?? []

const policyIn = (text: string | undefined): { Statement: { Resource: string[] }[] } =>
  JSON.parse(/```json\n([\s\S]+?)\n```/.exec(text ?? '')?.[1] ?? '{}')

const conditional = (key: string, value: string): SimulatorPolicies => ({
  identity: {
    vpce: {
      Statement: [
        {
          Effect: 'Allow',
          Action: INVOKE,
          Resource: SEED_POLICY.Statement[0]!.Resource,
          Condition: { StringEquals: { [key]: value } }
        }
      ]
    }
  }
})

beforeEach(() => {
  answers.length = 0
})

describe('invoke permission read from resource-specific simulation results', () => {
  it('names the denied ARNs in the minimal policy, never the ARN template IAM puts at the top level', async () => {
    const run = await withPolicies({
      identity: {
        models: {
          Statement: [
            { Effect: 'Allow', Action: INVOKE, Resource: SEED_POLICY.Statement[0]!.Resource[0]! }
          ]
        }
      }
    })
    expect(answers.join('')).toContain(
      '<EvalResourceName>arn:${Partition}:bedrock:${Region}:${Account}:inference-profile/${ResourceId}</EvalResourceName>'
    )
    const [f] = permission(run)
    expect(f?.status).toBe('fail')
    const resources = policyIn(f?.fix).Statement.flatMap((s) => s.Resource)
    expect(resources).toEqual([profileArn('us-east-1', PROFILE)])
    expect(run.summary).not.toContain('${Partition}')
    expect(leakedSecrets(run)).toEqual([])
  })

  it('passes when every ARN is allowed, counting the ARNs from the resource-specific results', async () => {
    const run = await withPolicies({ identity: { seed: SEED_POLICY } })
    const [f] = permission(run)
    expect(f?.status).toBe('pass')
    expect(f?.title).toContain('on all 4 ARNs the call needs')
    expect(f?.observed?.join('\n')).toContain(`${modelArn('us-west-2', SONNET_45)} → allowed`)
  })

  it('reports a policy conditioned on aws:SourceVpce as could-not-verify, never as statements to add', async () => {
    const run = await withPolicies(conditional('aws:SourceVpce', 'vpce-0123456789abcdef0'))
    // IAM reports the key per resource only, as the model says for a simulation with ResourceArns.
    expect(answers.join('')).toContain(
      '<MissingContextValues><member>aws:SourceVpce</member></MissingContextValues>'
    )
    const found = permission(run)
    expect(found.map((f) => f.status)).toEqual(['unverified'])
    const [f] = found
    expect(f?.title).toContain('`aws:SourceVpce`')
    expect(f?.cause).toContain('VPC endpoint')
    expect(f?.fix).not.toMatch(/Add these statements/)
    expect(f?.fix).toContain('invoke-probe')
    expect(run.summary).not.toContain('Minimal policy JSON')
  })

  it('explains a principal-tag condition the same way', async () => {
    const run = await withPolicies(conditional('aws:PrincipalTag/team', 'ml'))
    const [f] = permission(run)
    expect(f?.status).toBe('unverified')
    expect(f?.title).toContain('`aws:PrincipalTag/team`')
    expect(f?.cause).toContain('principal tag')
  })
})
