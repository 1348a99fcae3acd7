import {
  AccessDeniedException,
  GetFoundationModelCommand,
  GetFoundationModelAvailabilityCommand,
  GetInferenceProfileCommand,
  GetUseCaseForModelAccessCommand,
  ListInferenceProfilesCommand
} from '@aws-sdk/client-bedrock'
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import {
  chooseDefaultModel,
  fallbackModel,
  newestSonnetProfile
} from '../../src/aws/default-model.js'
import {
  bedrock,
  findingsOf,
  iam,
  profile,
  resetMocks,
  run,
  SESSION_ARN,
  SONNET_45
} from '../checks/model-unit.js'

const SONNET_46 = 'anthropic.claude-sonnet-4-6'
const OPUS_47 = 'anthropic.claude-opus-4-7'
const SONNET_4 = 'anthropic.claude-sonnet-4-20250514-v1:0'
const US = ['us-east-1', 'us-east-2', 'us-west-2']
const EU = ['eu-central-1', 'eu-west-1']

/** What ListInferenceProfiles lists in a US region: geographic and global profiles of several models. */
const usProfiles = () => [
  profile('us-east-1', `global.${SONNET_46}`, ['us-east-1', '']),
  profile('us-east-1', `us.${SONNET_45}`, US),
  profile('us-east-1', `us.${SONNET_4}`, US),
  profile('us-east-1', `global.${OPUS_47}`, ['us-east-1', '']),
  profile('us-east-1', `us.${SONNET_46}`, US),
  profile('us-east-1', 'us.amazon.nova-pro-v1:0', US)
]

describe('the newest Claude Sonnet profile a region lists', () => {
  it('picks the undated Sonnet 4.6 over dated 4.5 and 4, and its geographic profile over global', () => {
    expect(newestSonnetProfile(usProfiles(), 'us-east-1')).toBe(`us.${SONNET_46}`)
  })

  it('takes the global profile when the region has no geographic one for that model', () => {
    const tokyo = [
      profile('ap-northeast-1', `jp.${SONNET_45}`, ['ap-northeast-1']),
      profile('ap-northeast-1', `global.${SONNET_46}`, ['ap-northeast-1', ''])
    ]
    expect(newestSonnetProfile(tokyo, 'ap-northeast-1')).toBe(`global.${SONNET_46}`)
  })

  it('never picks Opus, Haiku or another provider, and has nothing to pick without a Sonnet', () => {
    const none = [
      profile('us-east-1', `global.${OPUS_47}`, ['']),
      profile('us-east-1', 'us.anthropic.claude-haiku-4-5-20251001-v1:0', US)
    ]
    expect(newestSonnetProfile(none, 'us-east-1')).toBeUndefined()
  })

  it("falls back to Sonnet 4.6 with the region's geography where AWS lists one, else global", () => {
    expect(fallbackModel('us-west-2')).toBe(`us.${SONNET_46}`)
    expect(fallbackModel('eu-central-1')).toBe(`eu.${SONNET_46}`)
    expect(fallbackModel('ap-southeast-2')).toBe(`au.${SONNET_46}`)
    expect(fallbackModel('ap-northeast-1')).toBe(`jp.${SONNET_46}`)
    expect(fallbackModel('sa-east-1')).toBe(`global.${SONNET_46}`)
  })
})

describe('choosing when the newest Sonnet is Legacy', () => {
  const list = async () => ({ ok: true as const, value: usProfiles() })

  it('skips a Legacy newest model for the newest active one, and says so', async () => {
    const chosen = await chooseDefaultModel('us-east-1', list, async (_r, id) =>
      id === SONNET_46 ? 'LEGACY' : 'ACTIVE'
    )
    expect(chosen.value).toBe(`us.${SONNET_45}`)
    expect(chosen.source).toContain('lifecycle ACTIVE')
    expect(chosen.source).toContain(`newer but Legacy: ${SONNET_46}`)
  })

  it('keeps the newest when its lifecycle could not be read (model-resolve reports it)', async () => {
    const chosen = await chooseDefaultModel('us-east-1', list, async () => undefined)
    expect(chosen.value).toBe(`us.${SONNET_46}`)
  })
})

describe('a run that names no model', () => {
  beforeEach(() => {
    resetMocks()
    bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
      agreementAvailability: { status: 'AVAILABLE' },
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: 'AVAILABLE',
      regionAvailability: 'AVAILABLE'
    })
    bedrock.on(GetUseCaseForModelAccessCommand).resolves({ formData: new Uint8Array([123, 125]) })
    bedrock.on(GetFoundationModelCommand).resolves({
      modelDetails: {
        modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${SONNET_46}`,
        modelId: SONNET_46,
        modelLifecycle: { status: 'ACTIVE' }
      }
    })
    iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [] })
  })

  it('checks the newest Sonnet ListInferenceProfiles lists, and says which and why', async () => {
    bedrock
      .on(ListInferenceProfilesCommand, { typeEquals: 'SYSTEM_DEFINED' })
      .resolves({ inferenceProfileSummaries: usProfiles() })
    bedrock
      .on(GetInferenceProfileCommand, { inferenceProfileIdentifier: `us.${SONNET_46}` })
      .resolves(profile('us-east-1', `us.${SONNET_46}`, US))
    const report = await run(['us-east-1'], [])
    expect(report.models).toEqual([`us.${SONNET_46}`])
    const [chosen] = findingsOf(report, 'model-id')
    expect(chosen).toMatchObject({ status: 'pass', messageId: 'chosen' })
    expect(chosen?.title).toBe(
      `No model named: checking us.${SONNET_46}, the newest Claude Sonnet callable from us-east-1 (ListInferenceProfiles, lifecycle ACTIVE)`
    )
    expect(findingsOf(report, 'model-resolve')[0]?.status).toBe('pass')
    // Read once: model-resolve shares the answer instead of asking again.
    expect(bedrock.commandCalls(ListInferenceProfilesCommand)).toHaveLength(1)
  })

  it('falls back to the documented model, saying why, when ListInferenceProfiles is denied', async () => {
    bedrock.on(ListInferenceProfilesCommand).rejects(
      new AccessDeniedException({
        message: `User: ${SESSION_ARN} is not authorized to perform: bedrock:ListInferenceProfiles because no identity-based policy allows the bedrock:ListInferenceProfiles action`,
        $metadata: { httpStatusCode: 403 }
      })
    )
    bedrock.on(GetInferenceProfileCommand).resolves(profile('eu-west-1', `eu.${SONNET_46}`, EU))
    const report = await run(['eu-west-1'], [])
    expect(report.models).toEqual([`eu.${SONNET_46}`])
    const [chosen] = findingsOf(report, 'model-id')
    // Which Sonnet is newest could not be verified: said so, with the permission that would.
    expect(chosen).toMatchObject({ status: 'unverified', messageId: 'chosenUnverified' })
    expect(chosen?.fix).toContain('bedrock:ListInferenceProfiles')
    expect(chosen?.title).toContain(`No model named: checking eu.${SONNET_46}`)
    expect(chosen?.title).toContain(
      'ListInferenceProfiles in eu-west-1 ended AccessDeniedException'
    )
    expect(chosen?.title).toContain('the built-in fallback')
  })

  it('asks nothing before the checks when a model is named', async () => {
    bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-1', `us.${SONNET_45}`, US))
    await run(['us-east-1'], [`us.${SONNET_45}`])
    expect(bedrock.commandCalls(ListInferenceProfilesCommand)).toHaveLength(0)
  })
})
