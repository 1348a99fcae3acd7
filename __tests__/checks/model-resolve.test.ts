import {
  type GetFoundationModelCommandOutput,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListInferenceProfilesCommand,
  GetFoundationModelAvailabilityCommand,
  GetUseCaseForModelAccessCommand,
  AccessDeniedException,
  ValidationException
} from '@aws-sdk/client-bedrock'
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam'
import {
  bedrock,
  iam,
  sts,
  resetMocks,
  run,
  findingsOf,
  profile,
  modelArn,
  SONNET_45,
  HAIKU_45,
  INVALID_IDENTIFIER,
  SESSION_ARN,
  ACCOUNT
} from './model-unit.js'

const invalid = () => new ValidationException({ message: INVALID_IDENTIFIER, $metadata: {} })
const US = ['us-east-1', 'us-east-2', 'us-west-2']
const EU = ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3']

function details(types: string[], lifecycle: Record<string, unknown> = { status: 'ACTIVE' }) {
  // The SDK's InferenceType enum lacks INFERENCE_PROFILE, which real answers carry.
  return {
    modelDetails: {
      modelArn: 'x',
      modelId: 'x',
      inferenceTypesSupported: types,
      modelLifecycle: lifecycle
    }
  } as unknown as GetFoundationModelCommandOutput
}

beforeEach(() => {
  resetMocks()
  bedrock.on(GetFoundationModelAvailabilityCommand).resolves({
    modelId: SONNET_45,
    agreementAvailability: { status: 'AVAILABLE' },
    authorizationStatus: 'AUTHORIZED',
    entitlementAvailability: 'AVAILABLE',
    regionAvailability: 'AVAILABLE'
  })
  bedrock.on(GetUseCaseForModelAccessCommand).resolves({ formData: new Uint8Array([123, 125]) })
  iam.on(SimulatePrincipalPolicyCommand).resolves({ EvaluationResults: [] })
})

describe('model-resolve', () => {
  it('reports a profile callable from the region with its destinations, without listing profiles', async () => {
    bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-1', `us.${SONNET_45}`, US))
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    const report = await run(['us-east-1'], [`us.${SONNET_45}`])
    const [f] = findingsOf(report, 'model-resolve')
    expect(f?.status).toBe('pass')
    expect(f?.observed).toContain('destination regions: us-east-1, us-east-2, us-west-2')
    expect(bedrock.commandCalls(ListInferenceProfilesCommand)).toHaveLength(0)
    // Shared reads: model-access and invoke-permission did not repeat them.
    expect(bedrock.commandCalls(GetInferenceProfileCommand)).toHaveLength(1)
    expect(bedrock.commandCalls(GetFoundationModelCommand)).toHaveLength(1)
  })

  it('treats the region-less model ARN of a global profile as the global hop', async () => {
    bedrock
      .on(GetInferenceProfileCommand)
      .resolves(profile('eu-west-1', `global.${SONNET_45}`, ['eu-west-1', '']))
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    const report = await run(['eu-west-1'], [`global.${SONNET_45}`])
    const [f] = findingsOf(report, 'model-resolve')
    expect(f?.title).toContain('global routing')
    expect(f?.observed).toContain('destination regions: eu-west-1, all commercial regions (global)')
  })

  it('fails a profile the region cannot call, listing the ones it can and the line to use', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).resolves({
      inferenceProfileSummaries: [
        profile('eu-west-1', `global.${SONNET_45}`, ['eu-west-1', '']),
        profile('eu-west-1', `eu.${SONNET_45}`, EU),
        profile('eu-west-1', `eu.${HAIKU_45}`, EU)
      ]
    })
    const report = await run(['eu-west-1'], [`us.${SONNET_45}`])
    const [f] = findingsOf(report, 'model-resolve')
    expect(f?.status).toBe('fail')
    // eu. first (the region's geography), then global.; never a profile of another model.
    expect(f?.fix?.split('\n')[0]).toContain(`BEDROCK_MODEL=eu.${SONNET_45}`)
    const listed = f?.observed?.join('\n') ?? ''
    expect(listed.indexOf(`\`eu.${SONNET_45}\``)).toBeGreaterThan(0)
    expect(listed.indexOf(`\`eu.${SONNET_45}\``)).toBeLessThan(
      listed.indexOf(`\`global.${SONNET_45}\``)
    )
    expect(f?.observed?.join('\n')).not.toContain(HAIKU_45)
    expect(bedrock.commandCalls(ListInferenceProfilesCommand)[0]?.args[0].input).toMatchObject({
      typeEquals: 'SYSTEM_DEFINED'
    })
  })

  it('falls back to the built-in hint table, marked as such, when profiles cannot be listed', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).rejects(
      new AccessDeniedException({
        message: `User: ${SESSION_ARN} is not authorized to perform: bedrock:ListInferenceProfiles on resource: arn:aws:bedrock:ap-northeast-1:${ACCOUNT}:inference-profile/* because no identity-based policy allows the bedrock:ListInferenceProfiles action`,
        $metadata: {}
      })
    )
    const report = await run(['ap-northeast-1'], [`apac.${HAIKU_45}`])
    const [f] = findingsOf(report, 'model-resolve')
    expect(f?.status).toBe('fail')
    expect(f?.fix).toContain(`BEDROCK_MODEL=jp.${HAIKU_45}`)
    expect(f?.fix).toContain('by the built-in table')
    expect(f?.observed?.join('\n')).toContain('ListInferenceProfiles could not be read')
  })

  it('fails a bare ID whose inference types lack ON_DEMAND, reading the field as strings', async () => {
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).resolves({
      inferenceProfileSummaries: [profile('us-east-2', `us.${SONNET_45}`, US)]
    })
    const report = await run(['us-east-2'], [SONNET_45])
    const [f] = findingsOf(report, 'model-resolve')
    expect(f?.catalogId).toBe('on-demand-not-supported')
    expect(f?.fix).toContain(`BEDROCK_MODEL=us.${SONNET_45}`)
  })

  it('passes a bare ID with ON_DEMAND as in-region, with its own region as the only destination', async () => {
    bedrock.on(GetFoundationModelCommand).resolves({
      modelDetails: {
        modelArn: modelArn('eu-west-1', HAIKU_45),
        modelId: HAIKU_45,
        inferenceTypesSupported: ['ON_DEMAND', 'INFERENCE_PROFILE'] as never
      }
    })
    const report = await run(['eu-west-1'], [HAIKU_45])
    expect(findingsOf(report, 'model-resolve')[0]?.status).toBe('pass')
    const sims = iam.commandCalls(SimulatePrincipalPolicyCommand)
    expect(sims.map((c) => c.args[0].input.ResourceArns)).toEqual([
      [modelArn('eu-west-1', HAIKU_45)]
    ])
  })

  it('fails an unknown model, saying in which regions it exists', async () => {
    bedrock.on(GetFoundationModelCommand).callsFake(async () => {
      throw invalid()
    })
    bedrock.on(ListInferenceProfilesCommand).resolves({ inferenceProfileSummaries: [] })
    const report = await run(['sa-east-1'], ['anthropic.claude-sonnet-4-5-2025-v1:0'])
    const [f] = findingsOf(report, 'model-resolve')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('model-not-found')
    expect(f?.observed?.join('\n')).toContain('did not find')
  })

  it('warns about a Legacy model with its end-of-life date, and fails one past it', async () => {
    const soon = new Date(Date.now() + 30 * 86_400_000)
    bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-1', `us.${SONNET_45}`, US))
    bedrock
      .on(GetFoundationModelCommand)
      .resolves(details(['INFERENCE_PROFILE'], { status: 'LEGACY', endOfLifeTime: soon }))
    let report = await run(['us-east-1'], [`us.${SONNET_45}`])
    let legacy = findingsOf(report, 'model-resolve').find((f) => f.catalogId === 'model-legacy')
    expect(legacy?.status).toBe('warn')
    expect(legacy?.title).toContain(soon.toISOString().slice(0, 10))
    // invoke-permission still runs: a warning does not block it.
    expect(findingsOf(report, 'invoke-permission')[0]?.status).not.toBe('skipped')

    resetMocks()
    bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-1', `us.${SONNET_45}`, US))
    bedrock.on(GetFoundationModelCommand).resolves(
      details(['INFERENCE_PROFILE'], {
        status: 'LEGACY',
        endOfLifeTime: new Date('2026-06-19T00:00:00Z')
      })
    )
    report = await run(['us-east-1'], [`us.${SONNET_45}`])
    legacy = findingsOf(report, 'model-resolve').find((f) => f.catalogId === 'model-end-of-life')
    expect(legacy?.status).toBe('fail')
    expect(legacy?.title).toContain('2026-06-19')
  })

  it('is unverified, naming bedrock:GetInferenceProfile, when it may not read the profile', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(
      new AccessDeniedException({
        message: `User: ${SESSION_ARN} is not authorized to perform: bedrock:GetInferenceProfile on resource: arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SONNET_45} because no identity-based policy allows the bedrock:GetInferenceProfile action`,
        $metadata: { httpStatusCode: 403 }
      })
    )
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    const report = await run(['us-east-1'], [`us.${SONNET_45}`])
    const [f] = findingsOf(report, 'model-resolve')
    expect(f?.status).toBe('unverified')
    expect(f?.fix).toContain('`bedrock:GetInferenceProfile`')
    expect(findingsOf(report, 'model-access')[0]?.status).toBe('pass')
  })

  it('fails an ARN of another region before calling anything for it', async () => {
    const report = await run(
      ['eu-west-1'],
      [`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_45}`]
    )
    const [f] = findingsOf(report, 'model-resolve')
    expect(f?.status).toBe('fail')
    expect(f?.fix).toContain(
      `BEDROCK_MODEL=arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU_45}`
    )
  })

  // That the Bedrock reads travel alongside GetCallerIdentity is a property of real sockets (the
  // Bedrock SDK loads once the first request is on the wire): __tests__/e2e/round-trips.test.ts.
  it('sends every Bedrock read, and simulates only after GetCallerIdentity answered', async () => {
    const order: string[] = []
    let release: () => void = () => undefined
    const gate = new Promise<void>((r) => (release = r))
    sts.on(GetCallerIdentityCommand).callsFake(async () => {
      order.push('sts:start')
      await gate
      order.push('sts:end')
      return { Account: ACCOUNT, Arn: SESSION_ARN, UserId: 'x' }
    })
    bedrock.on(GetInferenceProfileCommand).callsFake(async () => {
      order.push('GetInferenceProfile')
      return profile('us-east-1', `us.${SONNET_45}`, US)
    })
    bedrock.on(GetFoundationModelCommand).callsFake(async () => {
      order.push('GetFoundationModel')
      return details(['INFERENCE_PROFILE'])
    })
    iam.on(SimulatePrincipalPolicyCommand).callsFake(async () => {
      order.push('SimulatePrincipalPolicy')
      return { EvaluationResults: [] }
    })
    setTimeout(() => release(), 50)
    await run(['us-east-1'], [`us.${SONNET_45}`])
    const end = order.indexOf('sts:end')
    expect(order).toEqual(expect.arrayContaining(['GetInferenceProfile', 'GetFoundationModel']))
    expect(order.indexOf('SimulatePrincipalPolicy')).toBeGreaterThan(end)
  })
})
