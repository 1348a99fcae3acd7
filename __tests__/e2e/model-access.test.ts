import { useFakeAws, rest } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  FTU_MISSING,
  MARKETPLACE_DENIED,
  SEED_POLICY,
  SONNET_45
} from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'

const fake = useFakeAws(() => ({
  'sts:GetCallerIdentity': callerIdentity(),
  ...bedrockHandlers(),
  'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
}))

const MODEL = `us.${SONNET_45}`

async function preflight(probe = false): Promise<ActionRun> {
  return runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: {
      'aws-region': 'us-east-1',
      'model-id': MODEL,
      ...(probe ? { 'invoke-probe': 'true' } : {})
    }
  })
}

const findings = (run: ActionRun, checkId: string) =>
  run.report?.findings.filter((f) => f.checkId === checkId) ?? []

describe('model access and the invoke probe through the bundled action', () => {
  it('says all-positive access is necessary but not sufficient, and runs no probe unless asked', async () => {
    const run = await preflight()
    const [f] = findings(run, 'model-access')
    expect(f?.status).toBe('pass')
    expect(f?.observed?.join('\n')).toContain('necessary, not sufficient')
    expect(findings(run, 'invoke-probe')).toHaveLength(0)
    expect(fake.requests.some((r) => r.service === 'bedrock-runtime')).toBe(false)
    // Anthropic models: the use-case form is read too.
    expect(fake.requests.map((r) => r.operation)).toContain('GetUseCaseForModelAccess')
  })

  it('fails when the Anthropic use-case form was never submitted, with the form as the fix', async () => {
    fake.handle({
      'bedrock:GetUseCaseForModelAccess': rest.error('ResourceNotFoundException', FTU_MISSING, 404)
    })
    const run = await preflight()
    const [f] = findings(run, 'model-access')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('ftu-form-missing')
    expect(f?.fix).toContain('PutUseCaseForModelAccess')
    expect(run.summary).toContain('Model use case details have not been submitted')
    const annotation = run.annotations.find((a) => a.title?.includes('model-access'))
    expect(annotation?.level).toBe('error')
    expect(annotation?.message).toContain('one-time use-case form')
    expect(run.exitCode).toBe(1)
  })

  it('explains a Marketplace denial: no agreement yet (warn) and the probe refused for Marketplace permissions (fail)', async () => {
    fake.handle({
      'bedrock:GetFoundationModelAvailability': rest.ok({
        modelId: SONNET_45,
        agreementAvailability: { status: 'NOT_AVAILABLE' },
        authorizationStatus: 'AUTHORIZED',
        entitlementAvailability: 'AVAILABLE',
        regionAvailability: 'AVAILABLE'
      }),
      'bedrock-runtime:InvokeModelWithResponseStream': rest.error(
        'AccessDeniedException',
        MARKETPLACE_DENIED,
        403
      )
    })
    const run = await preflight(true)
    const [access] = findings(run, 'model-access')
    expect(access?.status).toBe('warn')
    expect(access?.messageId).toBe('agreementMissing')
    expect(access?.fix).toContain('create-foundation-model-agreement')
    const [probe] = findings(run, 'invoke-probe')
    expect(probe?.status).toBe('fail')
    expect(probe?.catalogId).toBe('marketplace-permission-missing')
    expect(probe?.fix).toContain('aws-marketplace:Subscribe')
    expect(probe?.observed?.join('\n')).toContain('a fraction of a cent')
    expect(run.summary).toContain('AWS Marketplace permissions missing for first use')
    expect(leakedSecrets(run)).toEqual([])
  })

  it('explains the probe answer "Operation not allowed" as an account-level block for AWS Support', async () => {
    fake.handle({
      'bedrock-runtime:InvokeModelWithResponseStream': rest.error(
        'ValidationException',
        'Operation not allowed',
        400
      )
    })
    const run = await preflight(true)
    const [probe] = findings(run, 'invoke-probe')
    expect(probe?.status).toBe('fail')
    expect(probe?.catalogId).toBe('account-not-enabled')
    expect(probe?.fix).toContain('AWS Support')
    expect(run.summary).toContain('ValidationException: Operation not allowed')
    expect(run.annotations.find((a) => a.title?.includes('invoke-probe'))?.level).toBe('error')
    // The probe called the configured identifier, in Claude Code's shape, with max_tokens 1.
    const call = fake.requests.find((r) => r.operation === 'InvokeModelWithResponseStream')
    expect(call?.params.modelId).toBe(MODEL)
    expect(call?.json).toMatchObject({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 1 })
  })

  it('passes the probe with one billed call and says what it cost', async () => {
    const run = await preflight(true)
    const [probe] = findings(run, 'invoke-probe')
    expect(probe?.status).toBe('pass')
    expect(probe?.title).toContain('a fraction of a cent')
    expect(run.summary).toContain('a fraction of a cent')
    expect(
      fake.requests.filter((r) => r.operation === 'InvokeModelWithResponseStream')
    ).toHaveLength(1)
  })
})
