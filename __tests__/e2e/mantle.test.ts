/**
 * The mantle endpoint through the bundled action: `endpoint` given or inferred from the agent's
 * base URL, the bedrock-mantle actions simulated from real policies (AWS's managed policy
 * AmazonBedrockMantleInferenceAccess, verbatim), and the API key's bedrock-mantle permission.
 */
import { useFakeAws } from '../harness/fake-aws.js'
import {
  FULL_AWS_ACCESS,
  simulatePrincipalPolicy,
  type PolicyDocument
} from '../harness/fake-iam-simulator.js'
import { runAction, leakedSecrets, FAKE, type ActionRun } from '../harness/run-action.js'
import { mantleHandlers, mantleWorld, MANTLE_OPUS, MANTLE_SONNET } from '../harness/fake-mantle.js'
import { mantleQuotas, quotaWorld, serviceQuotasHandlers } from '../harness/fake-service-quotas.js'
import { healthyAccount, JOB_ROLE_ARN } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV, jobSessionKey } from '../harness/scenarios.js'
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

const jobKey = () => jobSessionKey()

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
      '  - `mantle-access`: github-actions-bedrock may infer through bedrock-mantle'
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
    const key = await jobKey()
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
      { endpoint: 'both', 'model-id': `us.${SONNET_45},${MANTLE_SONNET}` }
    )
    const [f] = findings(refused, 'api-key-permission')
    expect(f).toMatchObject({ status: 'fail', messageId: 'notAllowed' })
    expect(f?.title).toContain('allows bedrock-mantle:CallWithBearerToken')
    const allowed = await preflight(
      { seed: SEED_POLICY, keys: runtimeKeysOnly, mantle: MANTLE_INFERENCE_ACCESS },
      { AWS_BEARER_TOKEN_BEDROCK: key },
      { endpoint: 'both', 'model-id': `us.${SONNET_45},${MANTLE_SONNET}` }
    )
    expect(findings(allowed, 'api-key-permission')[0]?.title).toContain(
      'bedrock:CallWithBearerToken and bedrock-mantle:CallWithBearerToken allowed'
    )
    expect(findings(allowed, 'mantle-access')[0]?.status).toBe('pass')
  })

  it("mantle via API key: an allow on bedrock-mantle's own condition key (bedrock-mantle:BearerTokenType) passes", async () => {
    // Service Authorization Reference for bedrock-mantle: CallWithBearerToken takes
    // bedrock-mantle:BearerTokenType; bedrock:bearerTokenType is bedrock:CallWithBearerToken's.
    const conditioned: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'bedrock:CallWithBearerToken', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'bedrock-mantle:CallWithBearerToken',
          Resource: '*',
          Condition: { StringEquals: { 'bedrock-mantle:BearerTokenType': 'SHORT_TERM' } }
        }
      ]
    }
    const run = await preflight(
      {
        seed: SEED_POLICY,
        keys: conditioned,
        mantle: { ...MANTLE_INFERENCE_ACCESS, Statement: [MANTLE_INFERENCE_ACCESS.Statement[0]!] }
      },
      { AWS_BEARER_TOKEN_BEDROCK: await jobKey() },
      { endpoint: 'both', 'model-id': `us.${SONNET_45},${MANTLE_SONNET}` }
    )
    const [f] = findings(run, 'api-key-permission')
    expect(f).toMatchObject({ status: 'pass', messageId: 'allowed' })
    expect(f?.observed?.join('\n')).toContain(
      'bedrock-mantle:CallWithBearerToken with bedrock-mantle:BearerTokenType=SHORT_TERM'
    )
  })

  it("mantle via API key: an SCP that denies keys on bedrock-mantle's condition key is named", async () => {
    fake.handle({
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({
        identity: { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
        scp: {
          FullAWSAccess: FULL_AWS_ACCESS,
          DenyShortTermMantleKeys: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Deny',
                Action: 'bedrock-mantle:CallWithBearerToken',
                Resource: '*',
                Condition: { StringEquals: { 'bedrock-mantle:BearerTokenType': 'SHORT_TERM' } }
              }
            ]
          }
        }
      })
    })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV, AWS_BEARER_TOKEN_BEDROCK: await jobKey() },
      inputs: { 'aws-region': 'us-east-1', endpoint: 'mantle', 'model-id': MANTLE_SONNET }
    })
    const [f] = findings(run, 'api-key-permission')
    expect(f).toMatchObject({ status: 'fail', messageId: 'scpDenies' })
    expect(f?.fix).toContain('`bedrock-mantle:BearerTokenType`')
  })

  it('both, on several regions: each region simulated on its own project ARN', async () => {
    const run = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      {
        endpoint: 'both',
        'aws-region': 'us-east-1,us-west-2,eu-west-1',
        'model-id': `us.${SONNET_45},${MANTLE_SONNET}`
      }
    )
    const list = findings(run, 'mantle-access')
    expect(list.map((f) => f.status)).toEqual(['pass', 'pass', 'pass'])
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1']) {
      expect(list.some((f) => f.title.includes(`bedrock-mantle:${region}:`))).toBe(true)
    }
  })

  it('both, naming only runtime IDs: the agent sends nothing to mantle, so mantle is not checked', async () => {
    const run = await preflight({ seed: SEED_POLICY }, {}, { endpoint: 'both' })
    for (const id of ['mantle-access', 'mantle-model', 'mantle-project', 'mantle-quota'])
      expect(findings(run, id)).toHaveLength(0)
    expect(findings(run, 'model-resolve')[0]?.status).toBe('pass')
  })

  it('refuses an endpoint it does not know, naming the input', async () => {
    const run = await preflight({ seed: SEED_POLICY }, {}, { endpoint: 'anthropic' })
    expect(run.exitCode).toBe(1)
    expect(run.stdout + run.stderr + (run.summary ?? '')).toContain(
      'endpoint must be one of runtime, mantle, both'
    )
  })
})

describe('through bedrock-mantle itself: its models, its project, its probe', () => {
  const mantleCalls = (operation?: string) =>
    fake.requests.filter(
      (r) => r.service === 'bedrock-mantle' && (!operation || r.operation === operation)
    )

  it('mantle only: the runtime checks do not apply, and the model is read from mantle', async () => {
    const run = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'mantle', 'model-id': MANTLE_SONNET }
    )
    expect(run.exitCode).toBe(0)
    for (const id of ['model-id', 'model-resolve', 'model-access', 'invoke-permission', 'quota'])
      expect(findings(run, id)).toHaveLength(0)
    expect(findings(run, 'mantle-model')[0]).toMatchObject({ status: 'pass', messageId: 'served' })
    expect(findings(run, 'mantle-project')[0]).toMatchObject({
      status: 'pass',
      messageId: 'active'
    })
    // Signed as bedrock-mantle, in the region checked.
    const [list] = mantleCalls('ListModels')
    expect(list).toMatchObject({ signingName: 'bedrock-mantle', region: 'us-east-1' })
    expect(fake.requests.some((r) => r.service === 'bedrock-runtime')).toBe(false)
  })

  it('a runtime model ID on mantle fails with the ID mantle serves it under', async () => {
    const run = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'mantle', 'model-id': `us.${MANTLE_SONNET}` }
    )
    const [f] = findings(run, 'mantle-model')
    expect(f).toMatchObject({ status: 'fail', messageId: 'wrongForm' })
    expect(f?.fix).toContain(`model-id: ${MANTLE_SONNET}`)
    const gone = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'mantle', 'model-id': `us.${SONNET_45}` }
    )
    const [g] = findings(gone, 'mantle-model')
    expect(g).toMatchObject({ status: 'fail', messageId: 'notServed' })
    expect(g?.fix).toContain(MANTLE_SONNET)
  })

  it('project missing: fails naming the project and how to list them; an existing one passes', async () => {
    const missing = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'mantle', 'model-id': MANTLE_SONNET, 'mantle-project': 'proj_nope404' }
    )
    const [f] = findings(missing, 'mantle-project')
    expect(f).toMatchObject({ status: 'fail', messageId: 'missing' })
    expect(f?.title).toContain('proj_nope404')
    expect(f?.fix).toContain('/v1/organization/projects')
    expect(missing.exitCode).toBe(1)
    // mantle-access simulates on that project's ARN.
    expect(findings(missing, 'mantle-access')[0]?.title).toContain(':project/proj_nope404')
    const found = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'mantle', 'model-id': MANTLE_SONNET, 'mantle-project': 'proj_abc123def456' }
    )
    expect(findings(found, 'mantle-project')[0]).toMatchObject({ status: 'pass' })
    expect(found.exitCode).toBe(0)
  })

  it('refuses a project ID that is not one, naming the input', async () => {
    const run = await preflight(
      { seed: SEED_POLICY },
      {},
      { endpoint: 'mantle', 'mantle-project': 'my project' }
    )
    expect(run.exitCode).toBe(1)
    expect(run.stdout + run.stderr + (run.summary ?? '')).toContain('mantle-project must be')
  })

  it('the probe through each door: InvokeModelWithResponseStream on bedrock-runtime, Messages on bedrock-mantle', async () => {
    const run = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      {
        endpoint: 'both',
        'model-id': `us.${SONNET_45},${MANTLE_SONNET}`,
        'invoke-probe': 'true'
      }
    )
    expect(findings(run, 'invoke-probe').map((f) => f.status)).toContain('pass')
    const [probe] = findings(run, 'mantle-probe')
    expect(probe).toMatchObject({ status: 'pass', messageId: 'answered' })
    expect(probe?.title).toContain(MANTLE_SONNET)
    const [sent] = mantleCalls('CreateInference')
    expect(sent).toMatchObject({ signingName: 'bedrock-mantle', path: '/anthropic/v1/messages' })
    expect(sent?.headers['anthropic-version']).toBe('2023-06-01')
    expect(sent?.json).toMatchObject({ model: MANTLE_SONNET, max_tokens: 1 })
    // Routed as Claude Code routes with both: the runtime-form ID to the runtime only, the
    // mantle-form one to mantle only.
    expect(fake.requests.some((r) => r.operation === 'InvokeModelWithResponseStream')).toBe(true)
    for (const id of ['model-resolve', 'invoke-permission', 'quota', 'invoke-probe'])
      expect(findings(run, id).map((f) => f.subject)).toEqual([`us-east-1 · us.${SONNET_45}`])
    expect(mantleCalls('CreateInference')).toHaveLength(1)
  })

  it('the mantle probe refused by IAM: the exact action and project, explained by the catalog', async () => {
    fake.handle(mantleHandlers(mantleWorld({ policies: { identity: { seed: SEED_POLICY } } })))
    const run = await preflight(
      { seed: SEED_POLICY },
      {},
      { endpoint: 'mantle', 'model-id': MANTLE_SONNET, 'invoke-probe': 'true' }
    )
    const [probe] = findings(run, 'mantle-probe')
    expect(probe?.status).toBe('fail')
    expect(probe?.catalogId).toBe('mantle-permission-denied')
    expect(probe?.error).toMatchObject({
      httpStatus: 403,
      operation: 'bedrock-mantle:CreateInference'
    })
    expect(probe?.observed?.join('\n')).toContain(
      `bedrock-mantle:CreateInference on resource: arn:aws:bedrock-mantle:us-east-1:${FAKE.account}:project/default`
    )
    expect(run.exitCode).toBe(1)
  })

  it('mantle via an API key: sent as x-api-key, never signed, and the probe answers', async () => {
    const key = await jobKey()
    const run = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      { AWS_BEARER_TOKEN_BEDROCK: key },
      { endpoint: 'mantle', 'model-id': MANTLE_SONNET, 'invoke-probe': 'true' }
    )
    expect(findings(run, 'mantle-probe')[0]).toMatchObject({ status: 'pass' })
    const [sent] = mantleCalls('CreateInference')
    expect(sent?.headers['x-api-key']).toBe(key)
    expect(sent?.signed).toBe(false)
    expect(sent?.bearer).toBe('short-term')
    expect(leakedSecrets(run, [key])).toEqual([])
  })

  it("the agent's ANTHROPIC_BEDROCK_MANTLE_BASE_URL is where the Messages call goes", async () => {
    const base = fake.env.AWS_ENDPOINT_URL_BEDROCK_MANTLE!
    const run = await runAction({
      endpoints: { ...fake.env, AWS_ENDPOINT_URL_BEDROCK_MANTLE: '' },
      env: {
        ...OIDC_SESSION_ENV,
        CLAUDE_CODE_USE_MANTLE: '1',
        ANTHROPIC_BEDROCK_MANTLE_BASE_URL: `${base}/anthropic`,
        ANTHROPIC_MODEL: MANTLE_SONNET
      },
      inputs: { 'aws-region': 'us-east-1', 'invoke-probe': 'true' }
    })
    expect(findings(run, 'mantle-model')[0]?.title).toContain(
      'endpoint mantle from CLAUDE_CODE_USE_MANTLE'
    )
    expect(findings(run, 'mantle-probe')[0]).toMatchObject({ status: 'pass' })
    expect(findings(run, 'mantle-probe')[0]?.observed?.join('\n')).toContain(
      'from ANTHROPIC_BEDROCK_MANTLE_BASE_URL'
    )
  })

  it('no model named with endpoint mantle: the newest Claude Sonnet mantle lists is checked', async () => {
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'us-east-1', endpoint: 'mantle' }
    })
    expect(findings(run, 'mantle-model')[0]).toMatchObject({ status: 'pass', messageId: 'chosen' })
    expect(findings(run, 'mantle-model')[0]?.title).toContain(MANTLE_SONNET)
  })

  it('both on a matrix of regions: each region asks its own mantle, and says what it serves', async () => {
    const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-1', 'us-west-1']
    fake.handle(
      mantleHandlers(
        mantleWorld({
          models: { ...mantleWorld().models, 'us-west-1': [] }
        })
      )
    )
    const run = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'both', 'aws-region': regions.join(','), 'model-id': MANTLE_SONNET }
    )
    const byRegion = Object.fromEntries(
      findings(run, 'mantle-model').map((f) => [f.subject, f.status])
    )
    expect(byRegion).toEqual({
      'us-east-1': 'pass',
      'us-west-2': 'pass',
      'eu-west-1': 'pass',
      'ap-northeast-1': 'pass',
      'us-west-1': 'fail'
    })
    expect(new Set(mantleCalls('ListModels').map((r) => r.region))).toEqual(new Set(regions))
    expect(findings(run, 'mantle-project')).toHaveLength(regions.length)
  })
})

describe("bedrock-mantle's own quotas", () => {
  it("reads mantle's input and output quotas apart from the runtime's; a 0 fails", async () => {
    const ok = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'mantle', 'model-id': `${MANTLE_OPUS},${MANTLE_SONNET}` }
    )
    const [opus, sonnet] = findings(ok, 'mantle-quota')
    expect(opus).toMatchObject({ status: 'pass', messageId: 'ok' })
    expect(opus?.title).toContain('20,000,000 input and 4,000,000 output')
    expect(sonnet).toMatchObject({ status: 'unverified', messageId: 'notListed' })
    fake.handle(
      serviceQuotasHandlers(
        [...quotaWorld(), ...mantleQuotas('Anthropic Claude Opus 4.7', 0, 0)]
          .filter((q, i, all) => all.findIndex((o) => o.name === q.name) === i || q.value === 0)
          .reverse()
      )
    )
    const zero = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      {},
      { endpoint: 'mantle', 'model-id': MANTLE_OPUS }
    )
    expect(findings(zero, 'mantle-quota')[0]).toMatchObject({ status: 'fail', messageId: 'zero' })
    expect(zero.exitCode).toBe(1)
  })
})

describe("the agent's own beta flags, through each door", () => {
  it('ANTHROPIC_BETAS with a flag Bedrock refuses fails both probes with the fix; a documented one passes', async () => {
    const inputs = {
      endpoint: 'both',
      'model-id': `us.${SONNET_45},${MANTLE_SONNET}`,
      'invoke-probe': 'true'
    }
    const refused = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      { ANTHROPIC_BETAS: 'interleaved-thinking-2025-05-14,mcp-servers-2025-12-04' },
      inputs
    )
    for (const id of ['invoke-probe', 'mantle-probe']) {
      const [f] = findings(refused, id)
      expect({ id, status: f?.status, catalogId: f?.catalogId }).toEqual({
        id,
        status: 'fail',
        catalogId: 'beta-flag-invalid'
      })
      expect(f?.fix).toContain('ANTHROPIC_BETAS')
    }
    expect(findings(refused, 'invoke-probe')[0]?.observed?.join('\n')).toContain(
      'anthropic_beta interleaved-thinking-2025-05-14 (from ANTHROPIC_BETAS), mcp-servers-2025-12-04 (from ANTHROPIC_BETAS)'
    )
    expect(findings(refused, 'mantle-probe')[0]?.observed?.join('\n')).toContain(
      "sent the agent's beta flags (from ANTHROPIC_BETAS)"
    )
    const probe = fake.requests.find((r) => r.operation === 'InvokeModelWithResponseStream')
    expect(probe?.json).toMatchObject({
      anthropic_version: 'bedrock-2023-05-31',
      anthropic_beta: ['interleaved-thinking-2025-05-14', 'mcp-servers-2025-12-04']
    })
    const accepted = await preflight(
      { seed: SEED_POLICY, mantle: MANTLE_INFERENCE_ACCESS },
      { ANTHROPIC_BETAS: 'interleaved-thinking-2025-05-14' },
      inputs
    )
    expect(findings(accepted, 'invoke-probe')[0]?.status).toBe('pass')
    expect(findings(accepted, 'mantle-probe')[0]?.status).toBe('pass')
  })
})
