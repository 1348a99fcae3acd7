import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ResourceNotFoundException
} from '@aws-sdk/client-bedrock'
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import { bedrock, iam, resetMocks, run, findingsOf, profile, SONNET_45 } from './model-unit.js'

const FTU =
  'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.'

type Availability = {
  agreement?: string
  authorization?: string
  entitlement?: string
  region?: string
}

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
    expect(f?.status).toBe('pass')
    expect(f?.observed?.join('\n')).toContain('necessary, not sufficient')
    expect(bedrock.commandCalls(GetFoundationModelAvailabilityCommand)[0]?.args[0].input).toEqual({
      modelId: SONNET_45
    })
  })

  it.each([
    [{ agreement: 'PENDING' }, 'marketplace-subscription-pending', 'warn'],
    [{ agreement: 'ERROR' }, 'marketplace-agreement-failed', 'fail'],
    [{ agreement: 'NOT_AVAILABLE' }, 'model-agreement-missing', 'warn'],
    [{ authorization: 'NOT_AUTHORIZED' }, 'model-not-authorized', 'fail'],
    [{ entitlement: 'NOT_AVAILABLE' }, 'model-not-available-for-account', 'fail'],
    // The profile may still route elsewhere, so only a warning for a profile ID.
    [{ region: 'NOT_AVAILABLE' }, 'model-region-unavailable', 'warn']
  ])('maps %j to %s (%s)', async (state, catalogId, status) => {
    availability(state as Availability)
    const [f] = await access()
    expect(f?.catalogId).toBe(catalogId)
    expect(f?.status).toBe(status)
    expect(f?.fix?.length).toBeGreaterThan(20)
  })

  it('fails when the Anthropic use-case form is missing', async () => {
    availability()
    bedrock
      .on(GetUseCaseForModelAccessCommand)
      .rejects(new ResourceNotFoundException({ message: FTU, $metadata: { httpStatusCode: 404 } }))
    const [f] = await access()
    expect(f?.catalogId).toBe('ftu-form-missing')
    expect(f?.status).toBe('fail')
    expect(f?.fix).toContain('never submits it for you')
  })
})
