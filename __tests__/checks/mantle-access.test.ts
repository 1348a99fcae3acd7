import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { checkById } from '../../src/checks/registry.js'
import type { Endpoint } from '../../src/parse/endpoint.js'
import { ACCOUNT, config, findingsOf, iam, resetMocks, ROLE_ARN, SONNET_45 } from './model-unit.js'

const CHECKS = (['region', 'credentials', 'identity', 'mantle-access'] as const).map(checkById)
const PROJECT = `arn:aws:bedrock-mantle:us-east-1:${ACCOUNT}:project/default`
const run = (endpoint?: Endpoint) =>
  runPreflight(
    // A runtime ID and a mantle one: with both endpoints, mantle is the second's.
    config(['us-east-1'], [`us.${SONNET_45}`, 'anthropic.claude-sonnet-4-6'], {
      ...(endpoint ? { endpoint: { value: endpoint, source: 'input endpoint' } } : {})
    }),
    { checks: CHECKS }
  )
const answer = (
  decisions: Record<string, 'allowed' | 'implicitDeny' | 'explicitDeny'>,
  extra = {}
) => ({
  EvaluationResults: Object.entries(decisions).map(([EvalActionName, EvalDecision]) => ({
    EvalActionName,
    EvalResourceName: PROJECT,
    EvalDecision,
    ...extra
  }))
})
const ALL = {
  'bedrock-mantle:CreateInference': 'allowed',
  'bedrock-mantle:GetProject': 'allowed',
  'bedrock-mantle:ListProjects': 'allowed'
} as const

describe('mantle-access check', () => {
  beforeEach(() => resetMocks())

  it('is not listed for the runtime endpoint (the default)', async () => {
    expect(findingsOf(await run(), 'mantle-access')).toHaveLength(0)
    expect(findingsOf(await run('runtime'), 'mantle-access')).toHaveLength(0)
    expect(iam.commandCalls(SimulatePrincipalPolicyCommand)).toHaveLength(0)
  })

  it('simulates the mantle actions on the default project for the role, and says which', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(answer(ALL))
    const [f] = findingsOf(await run('mantle'), 'mantle-access')
    expect(f).toMatchObject({ status: 'pass', messageId: 'allowed' })
    expect(f?.title).toContain('project/default')
    expect(f?.title).toContain('endpoint mantle from input endpoint')
    const input = iam.commandCalls(SimulatePrincipalPolicyCommand)[0]?.args[0].input
    expect(input).toMatchObject({
      PolicySourceArn: ROLE_ARN,
      ActionNames: [
        'bedrock-mantle:CreateInference',
        'bedrock-mantle:GetProject',
        'bedrock-mantle:ListProjects'
      ],
      ResourceArns: [PROJECT]
    })
  })

  it('fails a denied CreateInference with the exact actions missing and a statement to add', async () => {
    iam.on(SimulatePrincipalPolicyCommand).resolves(
      answer({
        ...ALL,
        'bedrock-mantle:CreateInference': 'implicitDeny',
        'bedrock-mantle:ListProjects': 'implicitDeny'
      })
    )
    const [f] = findingsOf(await run('both'), 'mantle-access')
    expect(f).toMatchObject({ status: 'fail', messageId: 'inferenceDenied' })
    expect(f?.title).toContain('bedrock-mantle:CreateInference, bedrock-mantle:ListProjects')
    expect(f?.fix).toContain('"Resource": "arn:aws:bedrock-mantle:*:*:project/*"')
    expect(f?.fix).toContain('AmazonBedrockMantleInferenceAccess')
  })

  it('only warns when just the project reads are denied', async () => {
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolves(answer({ ...ALL, 'bedrock-mantle:GetProject': 'implicitDeny' }))
    const [f] = findingsOf(await run('mantle'), 'mantle-access')
    expect(f).toMatchObject({ status: 'warn', messageId: 'readsDenied' })
  })

  it('names an SCP, and a condition it could not supply is could-not-verify', async () => {
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolves(
        answer(
          { 'bedrock-mantle:CreateInference': 'implicitDeny' },
          { OrganizationsDecisionDetail: { AllowedByOrganizations: false } }
        )
      )
    expect(findingsOf(await run('mantle'), 'mantle-access')[0]?.messageId).toBe('scpDenies')
    iam
      .on(SimulatePrincipalPolicyCommand)
      .resolves(
        answer(
          { 'bedrock-mantle:CreateInference': 'implicitDeny' },
          { MissingContextValues: ['aws:SourceVpce'] }
        )
      )
    const [f] = findingsOf(await run('mantle'), 'mantle-access')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'dependsOnContext' })
    expect(f?.title).toContain('aws:SourceVpce')
  })

  it('is could-not-verify, naming the permission, when the simulation is denied', async () => {
    const err = Object.assign(
      new Error(
        `User: arn:aws:sts::${ACCOUNT}:assumed-role/ci/GitHubActions is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${ROLE_ARN} because no identity-based policy allows the iam:SimulatePrincipalPolicy action`
      ),
      { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }
    )
    iam.on(SimulatePrincipalPolicyCommand).rejects(err)
    const [f] = findingsOf(await run('mantle'), 'mantle-access')
    expect(f?.status).toBe('unverified')
    expect(JSON.stringify(f)).toContain('iam:SimulatePrincipalPolicy')
  })
})
