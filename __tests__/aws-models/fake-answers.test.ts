import {
  eventStream,
  raw,
  rest,
  startFakeAws,
  type FakeReply,
  type FakeRequest,
  type Handler,
  type Handlers
} from '../harness/fake-aws.js'
import { takeOffModel } from '../harness/off-model.js'
import { healthyAccount } from '../harness/e2e-world.js'
import {
  bedrockHandlers,
  messageStart,
  SEED_POLICY,
  SONNET_45,
  HAIKU_45
} from '../harness/fake-bedrock.js'
import {
  FULL_AWS_ACCESS,
  simulatePrincipalPolicy,
  type SimulatorPolicies
} from '../harness/fake-iam-simulator.js'
import { answerProblems, COMMON_ERRORS, MODEL_OF, parseXml } from './model-shapes.js'

// The fake AWS's answers, validated against AWS's published API models (schema/vendor/aws/):
// an answer the model does not allow fails here, whatever the tool makes of it.

function request(key: string, params: Record<string, string>, json?: unknown): FakeRequest {
  const [service, operation] = key.split(':') as [FakeRequest['service'], string]
  return {
    service,
    operation,
    method: 'POST',
    path: '/',
    params,
    ...(json !== undefined ? { json } : {}),
    headers: {},
    region: 'us-east-1',
    signed: true
  }
}

async function reply(handlers: Handlers, req: FakeRequest): Promise<FakeReply> {
  const h = handlers[`${req.service}:${req.operation}`] as Handler | FakeReply | undefined
  if (!h) throw new Error(`no handler for ${req.service}:${req.operation}`)
  return typeof h === 'function' ? h(req) : h
}

async function problems(handlers: Handlers, req: FakeRequest): Promise<string[]> {
  const r = await reply(handlers, req)
  if (r.kind !== 'response' || req.service === 'bedrock-mantle') return []
  return answerProblems(MODEL_OF[req.service], req.operation, r, COMMON_ERRORS)
}

const SIM = 'iam:SimulatePrincipalPolicy'
const simulation = (arns: string[], actions = ['bedrock:InvokeModel'], context = true) =>
  request(SIM, {
    PolicySourceArn: 'arn:aws:iam::123456789012:role/github-actions-bedrock',
    ...Object.fromEntries(actions.map((a, i) => [`ActionNames.member.${i + 1}`, a])),
    ...Object.fromEntries(arns.map((a, i) => [`ResourceArns.member.${i + 1}`, a])),
    ...(context
      ? {
          'ContextEntries.member.1.ContextKeyName': 'aws:RequestedRegion',
          'ContextEntries.member.1.ContextKeyType': 'string',
          'ContextEntries.member.1.ContextKeyValues.member.1': 'us-east-1'
        }
      : {})
  })

const PROFILE = `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${SONNET_45}`
const MODEL = `arn:aws:bedrock:us-east-1::foundation-model/${SONNET_45}`

const POLICIES: Record<string, SimulatorPolicies> = {
  seed: { identity: { seed: SEED_POLICY } },
  none: { identity: {} },
  scp: {
    identity: { seed: SEED_POLICY },
    scp: {
      FullAWSAccess: FULL_AWS_ACCESS,
      regions: {
        Statement: [
          {
            Effect: 'Deny',
            Action: 'bedrock:*',
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': ['eu-west-1'] } }
          }
        ]
      }
    }
  },
  boundary: {
    identity: { seed: SEED_POLICY },
    permissionsBoundary: { Statement: [{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }] }
  },
  explicit: {
    identity: {
      seed: SEED_POLICY,
      deny: { Statement: [{ Effect: 'Deny', Action: 'bedrock:*', Resource: MODEL }] }
    }
  },
  conditional: {
    identity: {
      vpce: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'bedrock:*',
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0123456789abcdef0' } }
          }
        ]
      }
    }
  }
}

describe('the fake SimulatePrincipalPolicy answers as the IAM model allows', () => {
  it.each(Object.keys(POLICIES))('%s policies', async (name) => {
    const handlers = { [SIM]: simulatePrincipalPolicy(POLICIES[name]!) }
    for (const req of [
      simulation(
        [PROFILE, MODEL],
        ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream']
      ),
      simulation([], ['bedrock:CallWithBearerToken'], false),
      simulation(['arn:aws:iam::123456789012:role/bedrock-invoker'], ['sts:AssumeRole'], false)
    ]) {
      expect(await problems(handlers, req)).toEqual([])
    }
  })

  it('names the ARN template at the top level and the ARNs only in ResourceSpecificResults', async () => {
    const r = await reply(
      { [SIM]: simulatePrincipalPolicy(POLICIES.conditional!) },
      simulation([PROFILE, MODEL])
    )
    const body = r.kind === 'response' ? r.body : ''
    const results = parseXml(body).children[0]!.children[0]!.children.find(
      (c) => c.name === 'EvaluationResults'
    )!.children
    const top = results.map((m) => m.children.find((c) => c.name === 'EvalResourceName')?.text)
    expect(top).toEqual([
      'arn:${Partition}:bedrock:${Region}:${Account}:inference-profile/${ResourceId}',
      'arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}'
    ])
    // Missing context keys only per resource when ResourceArns are given.
    for (const m of results) {
      expect(m.children.find((c) => c.name === 'MissingContextValues')?.children).toEqual([])
    }
    expect(body).toContain(
      `<EvalResourceName>${PROFILE}</EvalResourceName><EvalResourceDecision>implicitDeny</EvalResourceDecision>`
    )
    expect(body).toContain(
      '<MissingContextValues><member>aws:SourceVpce</member></MissingContextValues>'
    )
  })
})

describe('the fake Bedrock answers as the Bedrock models allow', () => {
  const handlers = bedrockHandlers()
  const rest = (key: string, params: Record<string, string>, json?: unknown) =>
    request(key, params, json)
  it.each([
    [
      'GetInferenceProfile (found)',
      rest('bedrock:GetInferenceProfile', { inferenceProfileIdentifier: `us.${SONNET_45}` })
    ],
    [
      'GetInferenceProfile (invalid)',
      rest('bedrock:GetInferenceProfile', { inferenceProfileIdentifier: 'nope' })
    ],
    ['ListInferenceProfiles', rest('bedrock:ListInferenceProfiles', {})],
    [
      'GetFoundationModel (profile only)',
      rest('bedrock:GetFoundationModel', { modelIdentifier: SONNET_45 })
    ],
    [
      'GetFoundationModel (on demand)',
      rest('bedrock:GetFoundationModel', { modelIdentifier: HAIKU_45 })
    ],
    [
      'GetFoundationModel (invalid)',
      rest('bedrock:GetFoundationModel', { modelIdentifier: 'nope' })
    ],
    [
      'GetFoundationModelAvailability',
      rest('bedrock:GetFoundationModelAvailability', { modelId: SONNET_45 })
    ],
    ['GetUseCaseForModelAccess', rest('bedrock:GetUseCaseForModelAccess', {})],
    [
      'InvokeModelWithResponseStream (an event stream)',
      rest(
        'bedrock-runtime:InvokeModelWithResponseStream',
        { modelId: `us.${SONNET_45}` },
        { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1, messages: [] }
      )
    ],
    [
      'InvokeModelWithResponseStream (a flag Bedrock refuses)',
      rest(
        'bedrock-runtime:InvokeModelWithResponseStream',
        { modelId: `us.${SONNET_45}` },
        { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1, anthropic_beta: ['nope'] }
      )
    ]
  ])('%s', async (_name, req) => {
    expect(await problems(handlers, req)).toEqual([])
  })
})

describe('the healthy account of the end-to-end tests answers as the models allow', () => {
  const handlers = healthyAccount()
  it.each([
    ['sts:GetCallerIdentity', {}],
    [
      'sts:AssumeRole',
      { RoleArn: 'arn:aws:iam::123456789012:role/bedrock-invoker', RoleSessionName: 's' }
    ],
    [
      'sts:AssumeRoleWithWebIdentity',
      { RoleArn: 'arn:aws:iam::123456789012:role/github-actions-bedrock', RoleSessionName: 's' }
    ],
    ['iam:GetRole', { RoleName: 'bedrock-invoker' }]
  ])('%s', async (key, params) => {
    expect(await problems(handlers, request(key, params))).toEqual([])
  })

  it.each([
    ['servicequotas:ListServiceQuotas', { ServiceCode: 'bedrock' }],
    ['servicequotas:GetServiceQuota', { ServiceCode: 'bedrock', QuotaCode: 'L-NONE' }],
    ['servicequotas:GetAWSDefaultServiceQuota', { ServiceCode: 'bedrock', QuotaCode: 'L-NONE' }]
  ])('%s', async (key, json) => {
    expect(await problems(handlers, request(key, {}, json))).toEqual([])
  })
})

describe('the validator itself', () => {
  it('rejects a value the model does not define, an unknown member and a missing required one', () => {
    const bad = answerProblems('bedrock', 'GetFoundationModel', {
      status: 200,
      body: JSON.stringify({
        modelDetails: {
          modelArn: MODEL,
          modelId: SONNET_45,
          inferenceTypesSupported: ['INFERENCE_PROFILE'],
          madeUp: true
        }
      })
    })
    expect(bad.join('\n')).toContain('"INFERENCE_PROFILE" is not a InferenceType')
    expect(bad.join('\n')).toContain('has no member madeUp')
    const missing = answerProblems('iam', 'SimulatePrincipalPolicy', {
      status: 200,
      body: '<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><EvaluationResults><member><EvalActionName>a</EvalActionName></member></EvaluationResults></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>'
    })
    expect(missing.join('\n')).toContain('requires EvalDecision')
    const type = answerProblems('iam', 'SimulatePrincipalPolicy', {
      status: 200,
      body: '<SimulatePrincipalPolicyResponse><SimulatePrincipalPolicyResult><EvaluationResults><member><EvalActionName>a</EvalActionName><EvalDecision>allowed</EvalDecision><MatchedStatements><member><SourcePolicyType>IAM Policy</SourcePolicyType></member></MatchedStatements></member></EvaluationResults></SimulatePrincipalPolicyResult></SimulatePrincipalPolicyResponse>'
    })
    expect(type.join('\n')).toContain('"IAM Policy" is not a PolicySourceType')
  })
})

describe('every answer of the running fake is validated, inline answers of a test included', () => {
  it('records an answer the model does not allow, and lets a deliberate fault through', async () => {
    const fake = await startFakeAws({
      handlers: {
        'bedrock:GetFoundationModel': rest.ok({
          modelDetails: { modelArn: MODEL, modelId: SONNET_45, inferenceTypesSupported: ['X'] }
        }),
        'bedrock:GetInferenceProfile': raw(503, '')
      }
    })
    try {
      const base = fake.env.AWS_ENDPOINT_URL_BEDROCK!
      await (await fetch(`${base}/foundation-models/${SONNET_45}`)).text()
      await (await fetch(`${base}/inference-profiles/x`)).text()
      const off = takeOffModel()
      expect(off).toHaveLength(1)
      expect(off[0]).toContain('bedrock:GetFoundationModel')
      expect(off[0]).toContain('"X" is not a InferenceType')
    } finally {
      await fake.close()
    }
  })
})

describe('event streams (InvokeModelWithResponseStream) are held to the stream union of the model', () => {
  const check = (r: FakeReply) =>
    r.kind === 'response'
      ? answerProblems('bedrock-runtime', 'InvokeModelWithResponseStream', r, COMMON_ERRORS)
      : ['not a response']
  const contentType = { 'x-amzn-bedrock-content-type': 'application/json' }

  it('allows a chunk, then an exception event, with the content-type header member', () => {
    expect(
      check(
        eventStream(
          [
            messageStart(`us.${SONNET_45}`),
            {
              exception: 'modelStreamErrorException',
              payload: { message: 'Model stream error', originalStatusCode: 500 }
            }
          ],
          contentType
        )
      )
    ).toEqual([])
  })

  it.each([
    ['an event the union lacks', [{ event: 'delta', payload: { bytes: 'e30=' } }], contentType],
    [
      'an exception sent as an event',
      [{ event: 'throttlingException', payload: { message: 'x' } }],
      contentType
    ],
    [
      'a chunk with a member PayloadPart lacks',
      [{ event: 'chunk', payload: { text: 'hi' } }],
      contentType
    ],
    ['no X-Amzn-Bedrock-Content-Type header', [messageStart(SONNET_45)], {}]
  ] as const)('refuses %s', (_name, messages, headers) => {
    expect(check(eventStream(messages as never, headers))).not.toEqual([])
  })

  it('refuses a JSON document where the model has a stream', () => {
    expect(check(rest.ok({ chunk: {} }))).not.toEqual([])
  })
})
