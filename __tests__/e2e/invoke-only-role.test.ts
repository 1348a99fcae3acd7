/**
 * A common least-privilege CI role: bedrock:InvokeModel and InvokeModelWithResponseStream on `*`,
 * no IAM or Bedrock reads. The fake answers every read it makes with AWS's AccessDenied; the
 * report must say what could not be read, give one policy addition that lets it verify, and name
 * the probe as the alternative, and its verdict must be "could not be verified".
 */
import { useFakeAws } from '../harness/fake-aws.js'
import { runAction, finding, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { authorizedBy } from '../harness/fake-authorizer.js'
import { simulatePrincipalPolicy, type PolicyDocument } from '../harness/fake-iam-simulator.js'
import { SONNET_45 } from '../harness/fake-bedrock.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'

const INVOKE_ONLY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: '*'
    }
  ]
}

function account(identity: Record<string, PolicyDocument>) {
  return authorizedBy(identity, {
    ...healthyAccount(),
    'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity })
  })
}

const fake = useFakeAws(() => account({ 'invoke-only': INVOKE_ONLY }))

const preflight = (): Promise<ActionRun> =>
  runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` }
  })

const DENIED_READS = [
  'bedrock:GetInferenceProfile',
  'bedrock:GetFoundationModelAvailability',
  'bedrock:GetUseCaseForModelAccess',
  'iam:SimulatePrincipalPolicy',
  'servicequotas:GetServiceQuota'
]

/** The one fenced policy of the summary's first cause. */
function printedPolicy(summary: string): PolicyDocument {
  const blocks = [...summary.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => m[1] ?? '')
  expect(blocks).toHaveLength(1)
  return JSON.parse(blocks[0] as string) as PolicyDocument
}

describe('a CI role with only bedrock:InvokeModel', () => {
  it('could not be verified: the verdict names what was missing, never "can call" or "cannot call"', async () => {
    const run = await preflight()
    const headline = run.summary.split('\n')[0] ?? ''
    expect(headline).toContain('could not be verified')
    expect(headline).not.toMatch(/can call|cannot call/)
    for (const p of DENIED_READS.slice(0, 4)) expect(headline).toContain(p)
    expect(run.outputs.result).toBe('warn')
    expect(run.exitCode).toBe(0)
  })

  it('lists each read it could not make with its permission, and gives one policy and the probe', async () => {
    const run = await preflight()
    for (const id of ['model-resolve', 'model-access', 'invoke-permission', 'quota']) {
      expect(finding(run, id)?.status).toBe('unverified')
    }
    const causes = run.summary.slice(run.summary.indexOf('### What to fix'))
    // One cause for every read it could not make, whichever check made it.
    expect(causes.match(/^#### /gm)).toHaveLength(1)
    const list = causes.slice(causes.indexOf('What could not be read'))
    for (const p of DENIED_READS) expect(list).toContain(`\`${p}\``)
    expect(causes).toContain('`invoke-probe: true`')
    // "Allow X" is not repeated once per read: one policy, every read action in it.
    expect(causes).not.toMatch(/Allow `[^`]+` for the identity/)
    const policy = printedPolicy(causes)
    const actions = policy.Statement.flatMap((s) =>
      Array.isArray(s.Action) ? s.Action : [s.Action]
    )
    for (const p of DENIED_READS) expect(actions).toContain(p)
    // The same read actions as the preflight's published policy, real ARNs only.
    expect(JSON.stringify(policy)).not.toMatch(/<[A-Z_]+>/)
    // A session ARN drops its role's path: the role is named at the root and under any path.
    expect(policy.Statement.find((s) => s.Sid === 'SimulateOwnPermissions')?.Resource).toEqual([
      'arn:aws:iam::111122223333:role/github-actions-bedrock',
      'arn:aws:iam::111122223333:role/*/github-actions-bedrock'
    ])
  })

  it('verifies everything once the printed policy is added to the role', async () => {
    const first = await preflight()
    const added = printedPolicy(first.summary)
    fake.handle(account({ 'invoke-only': INVOKE_ONLY, 'preflight-reads': added }))
    const run = await preflight()
    expect(run.report?.findings.filter((f) => f.status === 'unverified')).toEqual([])
    expect(run.outputs.result).toBe('pass')
    expect(run.summary.split('\n')[0]).toContain('This job can call Claude on Amazon Bedrock')
  })
})
