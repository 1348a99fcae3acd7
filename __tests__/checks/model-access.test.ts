import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetProvisionedModelThroughputCommand,
  GetUseCaseForModelAccessCommand,
  AccessDeniedException,
  ResourceNotFoundException,
  ValidationException
} from '@aws-sdk/client-bedrock'
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import {
  bedrock,
  iam,
  resetMocks,
  run,
  findingsOf,
  profile,
  modelArn,
  applicationProfileArn,
  provisionedModelArn,
  SESSION_ARN,
  SONNET_45,
  HAIKU_45
} from './model-unit.js'

const FTU =
  'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.'

type Availability = {
  agreement?: string
  authorization?: string
  entitlement?: string
  region?: string
}

const denied = (action: string) =>
  new AccessDeniedException({
    message: `User: ${SESSION_ARN} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    $metadata: { httpStatusCode: 403 }
  })

function availability(a: Availability = {}) {
  bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
    modelId: SONNET_45,
    agreementAvailability: { status: (a.agreement ?? 'AVAILABLE') as 'AVAILABLE' },
    authorizationStatus: (a.authorization ?? 'AUTHORIZED') as 'AUTHORIZED',
    entitlementAvailability: (a.entitlement ?? 'AVAILABLE') as 'AVAILABLE',
    regionAvailability: (a.region ?? 'AVAILABLE') as 'AVAILABLE'
  })
}

beforeEach(() => {
  resetMocks()
  bedrock
    .on(GetInferenceProfileCommand)
    .resolves(profile('us-east-1', `us.${SONNET_45}`, ['us-east-1', 'us-east-2', 'us-west-2']))
  bedrock.on(GetFoundationModelCommand).resolves({
    modelDetails: {
      modelArn: 'x',
      modelId: SONNET_45,
      inferenceTypesSupported: ['INFERENCE_PROFILE'] as never
    }
  })
  bedrock.on(GetUseCaseForModelAccessCommand).resolves({ formData: new Uint8Array([1]) })
  iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [] })
})

const access = async () => findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'model-access')

describe('model-access', () => {
  it('passes when every signal is positive, and says that is necessary, not sufficient', async () => {
    availability()
    const [f] = await access()
    expect(f).toMatchObject({
      status: 'pass',
      messageId: 'available',
      title: `Access to ${SONNET_45} in us-east-1: agreement available, authorized, entitled, use-case form on file`
    })
    expect(f?.observed).toContain('Anthropic use-case form: submitted')
    expect(f?.observed?.join('\n')).toContain('necessary, not sufficient')
    expect(bedrock.commandCalls(GetFoundationModelAvailabilityCommand)[0]?.args[0].input).toEqual({
      modelId: SONNET_45
    })
  })

  // States the catalog explains carry its id; the others are this check's own.
  it.each<[Availability, string, string | undefined, string]>([
    [{ agreement: 'PENDING' }, 'agreementPending', 'marketplace-subscription-pending', 'warn'],
    [{ agreement: 'ERROR' }, 'agreementFailed', 'marketplace-agreement-failed', 'fail'],
    [{ agreement: 'NOT_AVAILABLE' }, 'agreementMissing', undefined, 'warn'],
    [{ authorization: 'NOT_AUTHORIZED' }, 'notAuthorized', undefined, 'fail'],
    [{ entitlement: 'NOT_AVAILABLE' }, 'notEntitled', 'model-not-available-for-account', 'fail'],
    // The profile may still route elsewhere, so only a warning for a profile ID.
    [{ region: 'NOT_AVAILABLE' }, 'regionUnavailableViaProfile', undefined, 'warn']
  ])('maps %j to %s (%s, %s)', async (state, messageId, catalogId, status) => {
    availability(state)
    const [f] = await access()
    expect(f?.messageId).toBe(messageId)
    expect(f?.catalogId).toBe(catalogId)
    expect(f?.status).toBe(status)
    expect(f?.fix?.length).toBeGreaterThan(20)
    expect(f?.docUrl).toMatch(/^https:\/\//)
    // What did look fine is repeated: fixing this one is still not proof.
    expect(f?.observed).toContain('Anthropic use-case form: submitted')
    expect(f?.observed).toContain('entitlementAvailability: ' + (state.entitlement ?? 'AVAILABLE'))
  })

  it('never takes a value AWS added after this version, or a missing one, as access granted', async () => {
    availability({ authorization: 'CONDITIONALLY_AUTHORIZED' })
    const findings = await access()
    expect(findings.map((f) => [f.messageId, f.status])).toEqual([
      ['availabilityUnknown', 'unverified']
    ])
    expect(findings[0]?.title).toContain('authorizationStatus: CONDITIONALLY_AUTHORIZED')
  })

  it('reports every negative signal, each as its own finding', async () => {
    availability({ authorization: 'NOT_AUTHORIZED', entitlement: 'NOT_AVAILABLE' })
    const findings = await access()
    expect(findings.map((f) => [f.messageId, f.status])).toEqual([
      ['notAuthorized', 'fail'],
      ['notEntitled', 'fail']
    ])
  })

  it('fails a bare ID whose model is not available in the region (no profile to route elsewhere)', async () => {
    availability({ region: 'NOT_AVAILABLE' })
    bedrock.on(GetFoundationModelCommand).resolves({
      modelDetails: {
        modelArn: modelArn('us-east-1', HAIKU_45),
        modelId: HAIKU_45,
        inferenceTypesSupported: ['ON_DEMAND'] as never
      }
    })
    const [f] = findingsOf(await run(['us-east-1'], [HAIKU_45]), 'model-access')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'regionUnavailable',
      title: `${HAIKU_45} is not available in us-east-1`
    })
    expect(f?.fix).toContain('list-inference-profiles --region us-east-1')
  })

  it('fails when the Anthropic use-case form is missing', async () => {
    availability()
    bedrock
      .on(GetUseCaseForModelAccessCommand)
      .rejects(new ResourceNotFoundException({ message: FTU, $metadata: { httpStatusCode: 404 } }))
    const [f] = await access()
    expect(f?.catalogId).toBe('ftu-form-missing')
    expect(f?.messageId).toBe('useCaseFormMissing')
    expect(f?.status).toBe('fail')
    expect(f?.fix).toContain('never submits it for you')
    expect(f?.observed?.[0]).toContain(
      `bedrock:GetUseCaseForModelAccess → HTTP 404 ResourceNotFoundException: ${FTU}`
    )
    expect(f?.observed).toContain('agreementAvailability: AVAILABLE')
  })
})

describe('model-access: reads it may not make', () => {
  it('is unverified, naming bedrock:GetFoundationModelAvailability, when it may not read availability', async () => {
    bedrock
      .on(GetFoundationModelAvailabilityCommand)
      .rejects(denied('bedrock:GetFoundationModelAvailability'))
    const [f] = await access()
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'availabilityUnreadable',
      catalogId: 'preflight-read-denied',
      title: `Could not read the availability of ${SONNET_45} in us-east-1`
    })
    expect(f?.fix).toContain('`bedrock:GetFoundationModelAvailability`')
    // Nothing to fix, so nothing repeated.
    expect(f?.observed).not.toContain('Anthropic use-case form: submitted')
  })

  it('fails an availability read AWS rejects, with what did look fine', async () => {
    bedrock
      .on(GetFoundationModelAvailabilityCommand)
      .rejects(new ValidationException({ message: 'Malformed input', $metadata: {} }))
    const [f] = await access()
    expect(f).toMatchObject({ status: 'fail', messageId: 'availabilityUnreadable' })
    expect(f?.catalogId).toBe('validation')
    expect(f?.observed).toContain('Anthropic use-case form: submitted')
  })

  it('is unverified, naming bedrock:GetUseCaseForModelAccess, when it may not read the form', async () => {
    availability()
    bedrock.on(GetUseCaseForModelAccessCommand).rejects(denied('bedrock:GetUseCaseForModelAccess'))
    const [f] = await access()
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'useCaseUnreadable',
      title: 'Could not read whether the Anthropic use-case form was submitted'
    })
    expect(f?.fix).toContain('`bedrock:GetUseCaseForModelAccess`')
  })
})

describe('model-access: which model', () => {
  it('does not ask for a use-case form for a model of another provider', async () => {
    const nova = 'amazon.nova-pro-v1:0'
    availability()
    bedrock.on(GetFoundationModelCommand).resolves({
      modelDetails: {
        modelArn: modelArn('us-east-1', nova),
        modelId: nova,
        inferenceTypesSupported: ['ON_DEMAND'] as never
      }
    })
    const [f] = findingsOf(await run(['us-east-1'], [nova]), 'model-access')
    expect(f).toMatchObject({
      status: 'pass',
      messageId: 'availableWithoutForm',
      title: `Access to ${nova} in us-east-1: agreement available, authorized, entitled`
    })
    expect(bedrock.commandCalls(GetUseCaseForModelAccessCommand)).toHaveLength(0)
  })

  it('asks about the model model-resolve read behind an application profile', async () => {
    const app = applicationProfileArn('us-east-1', 'a1b2c3d4e5f6')
    availability()
    bedrock.on(GetInferenceProfileCommand).resolves({
      inferenceProfileName: 'team-claude',
      inferenceProfileArn: app,
      inferenceProfileId: 'a1b2c3d4e5f6',
      models: [{ modelArn: modelArn('us-east-1', SONNET_45) }],
      status: 'ACTIVE',
      type: 'APPLICATION'
    })
    const [f] = findingsOf(await run(['us-east-1'], [app]), 'model-access')
    expect(f?.status).toBe('pass')
    expect(bedrock.commandCalls(GetFoundationModelAvailabilityCommand)[0]?.args[0].input).toEqual({
      modelId: SONNET_45
    })
  })

  it('is skipped, pointing at model-resolve, when the model behind an ARN is not known', async () => {
    bedrock
      .on(GetProvisionedModelThroughputCommand)
      .rejects(denied('bedrock:GetProvisionedModelThroughput'))
    const report = await run(['us-east-1'], [provisionedModelArn('us-east-1', 'f6e5d4c3b2a1')])
    expect(findingsOf(report, 'model-resolve')[0]?.status).toBe('unverified')
    const [f] = findingsOf(report, 'model-access')
    expect(f).toMatchObject({
      status: 'skipped',
      messageId: 'modelUnknown',
      title: 'Model access: not checked, because the model behind this ARN could not be read',
      cause: 'See the model-resolve row for the cause and fix.'
    })
    expect(bedrock.commandCalls(GetFoundationModelAvailabilityCommand)).toHaveLength(0)
  })
})
