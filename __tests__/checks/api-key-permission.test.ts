import { getToken } from '@aws/bedrock-token-generator'
import {
  ListServiceSpecificCredentialsCommand,
  SimulatePrincipalPolicyCommand
} from '@aws-sdk/client-iam'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { checkById } from '../../src/checks/registry.js'
import { config, findingsOf, iam, resetMocks, ROLE_ARN, SONNET_45 } from './model-unit.js'

const CHECKS = (
  ['region', 'credentials', 'identity', 'api-key', 'api-key-permission'] as const
).map(checkById)
const run = (key: string) =>
  runPreflight(
    config(['us-east-1'], [`us.${SONNET_45}`], {
      bedrockApiKey: { value: key, source: 'AWS_BEARER_TOKEN_BEDROCK' }
    }),
    { checks: CHECKS }
  )
/** model-unit's session: the key is made with the job's own credentials. */
const jobKey = () =>
  getToken({
    credentials: {
      accessKeyId: 'ASIAUNITTESTKEY00001',
      secretAccessKey: 'unit/test/secret',
      sessionToken: 'unit-test-token'
    },
    region: 'us-east-1'
  })
const decision = (
  EvalDecision: 'allowed' | 'implicitDeny' | 'explicitDeny',
  extra: object = {}
) => ({
  EvaluationResults: [
    { EvalActionName: 'bedrock:CallWithBearerToken', EvalResourceName: '*', EvalDecision, ...extra }
  ]
})

describe('api-key-permission check', () => {
  beforeEach(() => resetMocks())

  it('simulates bedrock:CallWithBearerToken for the role that signed the key, with the token type', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(decision('allowed'))
    const [f] = findingsOf(await run(await jobKey()), 'api-key-permission')
    expect(f).toMatchObject({ status: 'pass', messageId: 'allowed' })
    const input = iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input
    expect(input?.PolicySourceArn).toBe(ROLE_ARN)
    expect(input?.ContextEntries?.[0]).toMatchObject({
      ContextKeyName: 'bedrock:bearerTokenType',
      ContextKeyValues: ['SHORT_TERM']
    })
  })

  it('says a condition it could not supply decides it, never "add this statement"', async () => {
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolves(decision('implicitDeny', { MissingContextValues: ['aws:SourceVpce'] }))
    const [f] = findingsOf(await run(await jobKey()), 'api-key-permission')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'dependsOnContext' })
    expect(f?.title).toContain('aws:SourceVpce')
  })

  it('does not simulate a key another identity signed', async () => {
    const other = await getToken({
      credentials: { accessKeyId: 'AKIAOTHERSIGNER00099', secretAccessKey: 's' },
      region: 'us-east-1'
    })
    const [f] = findingsOf(await run(other), 'api-key-permission')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'otherSigner' })
    expect(f?.title).toContain('AKIA…0099')
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(0)
  })

  it('fails a long-term key IAM no longer has, and one past its expiry', async () => {
    const key = `ABSK${Buffer.from('BedrockAPIKey-q1-at-111122223333:c2VjcmV0').toString('base64')}`
    iam.on(ListServiceSpecificCredentialsCommand).resolves({ ServiceSpecificCredentials: [] })
    expect(findingsOf(await run(key), 'api-key-permission')[0]?.messageId).toBe('noKeyOfUser')
    iam.on(ListServiceSpecificCredentialsCommand).resolves({
      ServiceSpecificCredentials: [
        {
          UserName: 'BedrockAPIKey-q1',
          Status: 'Active',
          CreateDate: new Date('2026-01-01'),
          ExpirationDate: new Date('2026-06-01'),
          ServiceSpecificCredentialId: 'ACCAQ1',
          ServiceName: 'bedrock.amazonaws.com'
        }
      ]
    })
    const [f] = findingsOf(await run(key), 'api-key-permission')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'keyExpired',
      catalogId: 'bedrock-api-key-rejected'
    })
    expect(f?.title).toContain('2026-06-01')
  })
})

describe('api-key-permission check on the mantle endpoint', () => {
  beforeEach(() => resetMocks())
  const runOn = (key: string, endpoint: 'mantle' | 'both') =>
    runPreflight(
      config(['us-east-1'], [`us.${SONNET_45}`], {
        bedrockApiKey: { value: key, source: 'AWS_BEARER_TOKEN_BEDROCK' },
        endpoint: { value: endpoint, source: 'input endpoint' }
      }),
      { checks: CHECKS }
    )

  it('simulates bedrock-mantle:CallWithBearerToken for mantle, and both actions for both', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'bedrock-mantle:CallWithBearerToken',
          EvalResourceName: '*',
          EvalDecision: 'allowed'
        }
      ]
    })
    const [f] = findingsOf(await runOn(await jobKey(), 'mantle'), 'api-key-permission')
    expect(f).toMatchObject({ status: 'pass', messageId: 'allowed' })
    expect(f?.title).toContain('bedrock-mantle:CallWithBearerToken allowed')
    const input = iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input
    expect(input?.ActionNames).toEqual(['bedrock-mantle:CallWithBearerToken'])
  })

  it('fails naming the mantle action when only the runtime one is allowed', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves({
      EvaluationResults: [
        {
          EvalActionName: 'bedrock:CallWithBearerToken',
          EvalResourceName: '*',
          EvalDecision: 'allowed'
        },
        {
          EvalActionName: 'bedrock-mantle:CallWithBearerToken',
          EvalResourceName: '*',
          EvalDecision: 'implicitDeny'
        }
      ]
    })
    const [f] = findingsOf(await runOn(await jobKey(), 'both'), 'api-key-permission')
    expect(f).toMatchObject({ status: 'fail', messageId: 'notAllowed' })
    expect(f?.title).toContain('allows bedrock-mantle:CallWithBearerToken')
    expect(f?.fix).toContain('"Action": "bedrock-mantle:CallWithBearerToken"')
    const input = iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input
    expect(input?.ActionNames).toEqual([
      'bedrock:CallWithBearerToken',
      'bedrock-mantle:CallWithBearerToken'
    ])
  })
})
