/**
 * The mantle endpoint through the bundled action: `endpoint` given or inferred from the agent's
 * base URL, the bedrock-mantle actions simulated from real policies (AWS's managed policy
 * AmazonBedrockMantleInferenceAccess, verbatim), and the API key's bedrock-mantle permission.
 */
import { getToken } from '@aws/bedrock-token-generator'
import { useFakeAws } from '../harness/fake-aws.js'
import { simulatePrincipalPolicy, type PolicyDocument } from '../harness/fake-iam-simulator.js'
import { runAction, FAKE, type ActionRun } from '../harness/run-action.js'
import { healthyAccount, JOB_ROLE_ARN } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { SEED_POLICY, SONNET_45 } from '../harness/fake-bedrock.js'

const fake = useFakeAws(healthyAccount)

/** arn:aws:iam::aws:policy/AmazonBedrockMantleInferenceAccess, v1 (AWS Managed Policy reference). */
const MANTLE_INFERENCE_ACCESS: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'BedrockMantleInference',
      Effect: 'Allow',
      Action: ['bedrock-mantle:Get*', 'bedrock-mantle:List*', 'bedrock-mantle:CreateInference'],
      Resource: 'arn:aws:bedrock-mantle:*:*:project/*'
    },
    {
      Sid: 'BedrockMantleCallWithBearerToken',
      Effect: 'Allow',
      Action: ['bedrock-mantle:CallWithBearerToken'],
      Resource: '*'
    }
  ]
}
const MANTLE_URL = 'https://bedrock-mantle.us-east-1.api.aws/anthropic'

async function preflight(
  identity: Record<string, PolicyDocument>,
  env: Record<string, string | undefined> = {},
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity }) })
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, ...env },
    inputs: { 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}`, ...inputs }
  })
}
const findings = (run: ActionRun, id: string) =>
  run.report?.findings.filter((f) => f.checkId === id) ?? []
const mantleSimulations = () =>
  fake.requests.filter(
    (r) =>
      r.operation === 'SimulatePrincipalPolicy' &&
      Object.values(r.params).includes('bedrock-mantle:CreateInference')
  )

describe('which endpoint the agent uses (bedrock-runtime or bedrock-mantle)', () => {
  it('runtime only: no mantle check, no mantle simulation, the result as before', async () => {
    const run = await preflight({ seed: SEED_POLICY })
    expect(run.exitCode).toBe(0)
    expect(findings(run, 'mantle-access')).toHaveLength(0)
    expect(mantleSimulations()).toHaveLength(0)
  })

  it('mantle allowed: inferred from ANTHROPIC_BEDROCK_BASE_URL, on the default project, and says so', async () => {
    const run = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      { ANTHROPIC_BEDROCK_BASE_URL: MANTLE_URL }
    )
    const [f] = findings(run, 'mantle-access')
    expect(f).toMatchObject({ status: 'pass', messageId: 'allowed' })
    expect(f?.title).toContain(`arn:aws:bedrock-mantle:us-east-1:${FAKE.account}:project/default`)
    expect(f?.title).toContain('endpoint mantle from ANTHROPIC_BEDROCK_BASE_URL')
    expect(run.summary).toContain(
      '| mantle-access | ✅ pass | github-actions-bedrock may infer through bedrock-mantle'
    )
    const [sim] = mantleSimulations()
    expect(sim?.params['PolicySourceArn']).toBe(JOB_ROLE_ARN)
  })

  it('mantle denied: fails with the exact actions missing and the statement that grants them', async () => {
    const run = await preflight({ seed: SEED_POLICY }, {}, { endpoint: 'mantle' })
    const [f] = findings(run, 'mantle-access')
    expect(f).toMatchObject({ status: 'fail', messageId: 'inferenceDenied' })
    expect(f?.title).toContain(
      'bedrock-mantle:CreateInference, bedrock-mantle:GetProject, bedrock-mantle:ListProjects'
    )
    const policy = JSON.parse(/```json\n([\s\S]+?)\n```/.exec(f?.fix ?? '')?.[1] ?? '{}')
    expect(policy.Statement[0]).toMatchObject({
      Effect: 'Allow',
      Action: [
        'bedrock-mantle:CreateInference',
        'bedrock-mantle:GetProject',
        'bedrock-mantle:ListProjects'
      ],
      Resource: 'arn:aws:bedrock-mantle:*:*:project/*'
    })
    expect(run.exitCode).toBe(1)
  })

  it('mantle via API key: the key needs bedrock-mantle:CallWithBearerToken, and is refused without it', async () => {
    const key = await getToken({
      credentials: {
        accessKeyId: OIDC_SESSION_ENV.AWS_ACCESS_KEY_ID,
        secretAccessKey: OIDC_SESSION_ENV.AWS_SECRET_ACCESS_KEY,
        sessionToken: OIDC_SESSION_ENV.AWS_SESSION_TOKEN
      },
      region: 'us-east-1'
    })
    const runtimeKeysOnly: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'bedrock:CallWithBearerToken', Resource: '*' }]
    }
    const refused = await preflight(
      {
        seed: SEED_POLICY,
        keys: runtimeKeysOnly,
        mantle: { ...MANTLE_INFERENCE_ACCESS, Statement: [MANTLE_INFERENCE_ACCESS.Statement[0]!] }
      },
      { AWS_BEARER_TOKEN_BEDROCK: key },
      { endpoint: 'both' }
    )
    const [f] = findings(refused, 'api-key-permission')
    expect(f).toMatchObject({ status: 'fail', messageId: 'notAllowed' })
    expect(f?.title).toContain('allows bedrock-mantle:CallWithBearerToken')
    const allowed = await preflight(
      { seed: SEED_POLICY, keys: runtimeKeysOnly, mantle: MANTLE_INFERENCE_ACCESS },
      { AWS_BEARER_TOKEN_BEDROCK: key },
      { endpoint: 'both' }
    )
    expect(findings(allowed, 'api-key-permission')[0]?.title).toContain(
      'bedrock:CallWithBearerToken and bedrock-mantle:CallWithBearerToken allowed'
    )
    expect(findings(allowed, 'mantle-access')[0]?.status).toBe('pass')
  })

  it('both, on several regions: each region simulated on its own project ARN', async () => {
    const run = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'both', 'aws-region': 'us-east-1,us-west-2,eu-west-1' }
    )
    const list = findings(run, 'mantle-access')
    expect(list.map((f) => f.status)).toEqual(['pass', 'pass', 'pass'])
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1']) {
      expect(list.some((f) => f.title.includes(`bedrock-mantle:${region}:`))).toBe(true)
    }
  })

  it('refuses an endpoint it does not know, naming the input', async () => {
    const run = await preflight({ seed: SEED_POLICY }, {}, { endpoint: 'anthropic' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout + run.stderr + (run.summary ?? '')).toContain(
      'endpoint must be one of runtime, mantle, both'
    )
  })
})
