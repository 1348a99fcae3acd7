import {
  type GetFoundationModelCommandOutput,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListInferenceProfilesCommand,
  ListFoundationModelsCommand,
  GetFoundationModelAvailabilityCommand,
  GetUseCaseForModelAccessCommand,
  GetProvisionedModelThroughputCommand,
  AccessDeniedException,
  ResourceNotFoundException,
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
  profileArn,
  modelArn,
  applicationProfileArn,
  provisionedModelArn,
  SONNET_45,
  HAIKU_45,
  INVALID_IDENTIFIER,
  SESSION_ARN,
  ACCOUNT
} from './model-unit.js'

const invalid = () => new ValidationException({ message: INVALID_IDENTIFIER, $metadata: {} })
const denied = (action: string) =>
  new AccessDeniedException({
    message: `User: ${SESSION_ARN} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    $metadata: { httpStatusCode: 403 }
  })
const END_OF_LIFE =
  'This model version has reached the end of its life. Please refer to the AWS documentation for more details.'
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
  // Read only after an unknown ID, for the listed ID it was meant to be: none by default.
  bedrock.on(ListFoundationModelsCommand).resolves({ modelSummaries: [] })
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
    expect(f).toMatchObject({
      status: 'pass',
      messageId: 'profileGeo',
      title: `us-east-1 can call us.${SONNET_45} (routes to 3 regions)`
    })
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
    expect(f?.messageId).toBe('profileGlobal')
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
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'profileNotHereOthersListed',
      catalogId: 'invalid-model-identifier',
      title: `us.${SONNET_45} cannot be called from eu-west-1: did you mean eu.${SONNET_45}?`
    })
    expect(f?.observed?.[0]).toContain(INVALID_IDENTIFIER)
    expect(f?.fix).toContain('Other profiles callable from here are listed under Observed.')
    // eu. first (the region's geography), then global.; never a profile of another model.
    expect(f?.fix?.split('\n')[0]).toContain(`model-id: eu.${SONNET_45}`)
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
    expect(f?.messageId).toBe('profileNotHereByTableOthersListed')
    expect(f?.fix).toContain(`model-id: jp.${HAIKU_45}`)
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
    expect(f).toMatchObject({
      messageId: 'onDemandUnsupported',
      catalogId: 'on-demand-not-supported',
      title: `${SONNET_45} has no on-demand throughput in us-east-2: use us.${SONNET_45}`
    })
    expect(f?.fix).toContain(`model-id: us.${SONNET_45}`)
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
    expect(findingsOf(report, 'model-resolve')[0]).toMatchObject({
      status: 'pass',
      messageId: 'onDemand',
      title: `${HAIKU_45} runs on demand in eu-west-1 (in-region, no cross-region routing)`
    })
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
    expect(f?.messageId).toBe('modelNotFound')
    expect(f?.fix).toContain('--by-provider anthropic')
    expect(f?.observed?.join('\n')).toContain('did not find')
  })

  it('warns about a Legacy model with its end-of-life date, and fails one past it', async () => {
    const soon = new Date(Date.now() + 30 * 86_400_000)
    bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-1', `us.${SONNET_45}`, US))
    bedrock
      .on(GetFoundationModelCommand)
      .resolves(details(['INFERENCE_PROFILE'], { status: 'LEGACY', endOfLifeTime: soon }))
    let report = await run(['us-east-1'], [`us.${SONNET_45}`])
    let legacy = findingsOf(report, 'model-resolve').find((f) => f.messageId === 'legacy')
    expect(legacy?.status).toBe('warn')
    expect(legacy?.catalogId).toBeUndefined()
    expect(legacy?.title).toBe(
      `${SONNET_45} is Legacy: end of life ${soon.toISOString().slice(0, 10)} (30 days left)`
    )
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
    expect(legacy?.messageId).toBe('endOfLife')
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
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'profileUnreadable',
      catalogId: 'preflight-read-denied'
    })
    expect(f?.fix).toContain('`bedrock:GetInferenceProfile`')
    expect(f?.observed?.join('\n')).toContain('built-in table (a hint only): us-east-1')
    expect(findingsOf(report, 'model-access')[0]?.status).toBe('pass')
  })

  it('fails an ARN of another region before calling anything for it', async () => {
    const report = await run(
      ['eu-west-1'],
      [`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU_45}`]
    )
    const [f] = findingsOf(report, 'model-resolve')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'modelArnOfOtherRegion',
      catalogId: 'invalid-model-identifier',
      title: 'The ARN is for us-east-1, but this job calls Bedrock in eu-west-1'
    })
    expect(f?.fix).toContain(`model-id: arn:aws:bedrock:eu-west-1::foundation-model/${HAIKU_45}`)
    expect(bedrock.commandCalls(GetFoundationModelCommand)).toHaveLength(0)
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

describe('model-resolve: system profiles that cannot be called from here', () => {
  it('names the one profile the region lists, without pointing at other ones', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).resolves({
      inferenceProfileSummaries: [profile('eu-west-1', `eu.${SONNET_45}`, EU)]
    })
    const [f] = findingsOf(await run(['eu-west-1'], [`us.${SONNET_45}`]), 'model-resolve')
    expect(f).toMatchObject({ status: 'fail', messageId: 'profileNotHere' })
    expect(f?.fix).toContain(`model-id: eu.${SONNET_45}`)
    expect(f?.fix).toContain('it is callable from eu-west-1.')
    expect(f?.fix).not.toContain('Other profiles')
    expect(f?.cause).toContain('`us.` does not list eu-west-1')
  })

  it('names the bare ID when no profile of the model is listed but it runs on demand here', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).resolves(details(['ON_DEMAND', 'INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).resolves({ inferenceProfileSummaries: [] })
    const [f] = findingsOf(await run(['eu-west-1'], [`apac.${HAIKU_45}`]), 'model-resolve')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'profileNotHere',
      title: `apac.${HAIKU_45} cannot be called from eu-west-1: did you mean ${HAIKU_45}?`
    })
    expect(f?.fix).toContain(`model-id: ${HAIKU_45}`)
    expect(f?.observed).toContain('no inference profile for this model')
    expect(f?.observed).toContain(`\`${HAIKU_45}\` (bare ID, in-region on demand)`)
  })

  it('takes the one profile of the built-in table, marked as such, when listing is denied', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).rejects(denied('bedrock:ListInferenceProfiles'))
    // Only global. serves sa-east-1 by the table.
    const [f] = findingsOf(await run(['sa-east-1'], [`us.${SONNET_45}`]), 'model-resolve')
    expect(f).toMatchObject({ status: 'fail', messageId: 'profileNotHereByTable' })
    expect(f?.fix).toContain(`model-id: global.${SONNET_45}`)
    expect(f?.fix).toContain('by the built-in table it serves sa-east-1')
    expect(f?.fix).not.toContain('Other profiles')
  })

  it('does not blame the region when the table expects the prefix there and listing is denied', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).rejects(denied('bedrock:ListInferenceProfiles'))
    // us. serves us-east-1 by the table: "cannot be called from us-east-1: use us.…" would be a guess.
    const [f] = findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'model-resolve')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'profileUnlistedUnverified' })
    expect(f?.title).toContain('could not be listed (AccessDeniedException)')
    expect(f?.fix).not.toContain('BEDROCK_MODEL=')
  })

  it('a profile ID whose model Bedrock does not know, with listing denied: could not verify, no guess', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).rejects(invalid())
    bedrock.on(ListInferenceProfilesCommand).rejects(denied('bedrock:ListInferenceProfiles'))
    const id = `us.${SONNET_45.replace(/:0$/, '')}`
    const [f] = findingsOf(await run(['sa-east-1'], [id]), 'model-resolve')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'notListedUnverified' })
    expect(f?.cause).not.toContain('does not list sa-east-1')
    expect(f?.fix).not.toContain('global.')
  })

  it('says so when nothing for the model is callable from the region', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    bedrock.on(ListInferenceProfilesCommand).resolves({ inferenceProfileSummaries: [] })
    const [f] = findingsOf(await run(['sa-east-1'], [`us.${SONNET_45}`]), 'model-resolve')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'profileNotHereNoAlternative',
      catalogId: 'invalid-model-identifier',
      title: `us.${SONNET_45} cannot be called from sa-east-1`
    })
    expect(f?.fix).toContain(`No profile for \`${SONNET_45}\` is callable from sa-east-1`)
    expect(f?.fix).toContain(`\`global.${SONNET_45}\``)
  })

  it('fails a profile ARN copied from another account, naming both accounts', async () => {
    const other = '999988887777'
    bedrock.on(GetInferenceProfileCommand).rejects(invalid())
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    const arn = `arn:aws:bedrock:us-east-1:${other}:inference-profile/us.${SONNET_45}`
    const [f] = findingsOf(await run(['us-east-1'], [arn]), 'model-resolve')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'profileOfOtherAccount',
      title: `The profile ARN names account ${other}, but the job runs as account ${ACCOUNT}`
    })
    expect(f?.fix).toContain(`\`us.${SONNET_45}\``)
    expect(bedrock.commandCalls(ListInferenceProfilesCommand)).toHaveLength(0)
  })

  it('fails a profile ARN of another region without reading it', async () => {
    const [f] = findingsOf(
      await run(['eu-west-1'], [profileArn('us-east-1', `us.${SONNET_45}`)]),
      'model-resolve'
    )
    expect(f).toMatchObject({ status: 'fail', messageId: 'arnOfOtherRegion' })
    expect(f?.fix).toContain('`aws-region: us-east-1`')
    expect(f?.observed).toEqual(['model ARN region: us-east-1', 'configured region: eu-west-1'])
    expect(bedrock.commandCalls(GetInferenceProfileCommand)).toHaveLength(0)
  })
})

describe('model-resolve: bare IDs without on-demand throughput', () => {
  const REGIONLESS = `arn:aws:bedrock:::foundation-model/${SONNET_45}`
  type Listing = 'listed' | 'denied' | 'empty'
  function listing(how: Listing) {
    const list = bedrock.on(ListInferenceProfilesCommand)
    if (how === 'denied') list.rejects(denied('bedrock:ListInferenceProfiles'))
    else
      list.resolves({
        inferenceProfileSummaries:
          how === 'listed' ? [profile('us-east-2', `us.${SONNET_45}`, US)] : []
      })
  }

  it.each<[string, Listing, string, string]>([
    [SONNET_45, 'listed', 'onDemandUnsupported', `: use us.${SONNET_45}`],
    [SONNET_45, 'denied', 'onDemandUnsupportedByTable', `: use us.${SONNET_45}`],
    [
      SONNET_45,
      'empty',
      'onDemandUnsupportedNoProfile',
      'has no on-demand throughput in us-east-2'
    ],
    [REGIONLESS, 'listed', 'regionlessArn', `: use us.${SONNET_45}`],
    [REGIONLESS, 'denied', 'regionlessArnByTable', `: use us.${SONNET_45}`],
    [REGIONLESS, 'empty', 'regionlessArnNoProfile', 'The region-less ARN cannot be invoked']
  ])('%s with profiles %s: %s', async (model, how, messageId, title) => {
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    listing(how)
    const [f] = findingsOf(await run(['us-east-2'], [model]), 'model-resolve')
    expect(f).toMatchObject({ status: 'fail', messageId, catalogId: 'on-demand-not-supported' })
    expect(f?.title.endsWith(title)).toBe(true)
    if (how === 'denied') expect(f?.fix).toContain('ListInferenceProfiles could not be read')
    if (how === 'empty')
      expect(f?.observed).toContain(
        `no inference profile for ${SONNET_45} is callable from us-east-2`
      )
    if (model === REGIONLESS) expect(f?.cause).toContain('global hop')
  })

  it('is unverified, naming bedrock:GetFoundationModel, when it may not read the model', async () => {
    bedrock.on(GetFoundationModelCommand).rejects(denied('bedrock:GetFoundationModel'))
    const [f] = findingsOf(await run(['us-east-1'], [SONNET_45]), 'model-resolve')
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'modelUnreadable',
      title: `Could not verify that ${SONNET_45} can be called on demand in us-east-1`
    })
    expect(f?.fix).toContain('`bedrock:GetFoundationModel`')
  })
})

describe('model-resolve: a model unknown in the region', () => {
  it('names the profile the region can call it through', async () => {
    bedrock.on(GetFoundationModelCommand).rejects(invalid())
    bedrock.on(ListInferenceProfilesCommand).resolves({
      inferenceProfileSummaries: [profile('eu-west-1', `eu.${SONNET_45}`, EU)]
    })
    const [f] = findingsOf(await run(['eu-west-1'], [SONNET_45]), 'model-resolve')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'modelNotHereUseProfile',
      catalogId: 'model-not-found',
      title: `${SONNET_45} is not offered in eu-west-1: use eu.${SONNET_45}`
    })
    expect(f?.fix).toContain(`model-id: eu.${SONNET_45}`)
    expect(f?.observed).toContain('callable from eu-west-1 through:')
  })

  it('names a region where GetFoundationModel knows it', async () => {
    bedrock.on(GetFoundationModelCommand).callsFake(async (_input, getClient) => {
      if ((await getClient().config.region()) !== 'us-east-1') throw invalid()
      return details(['ON_DEMAND'])
    })
    bedrock.on(ListInferenceProfilesCommand).resolves({ inferenceProfileSummaries: [] })
    const [f] = findingsOf(await run(['sa-east-1'], [HAIKU_45]), 'model-resolve')
    expect(f).toMatchObject({ status: 'fail', messageId: 'modelInOtherRegions' })
    expect(f?.title).toBe(`${HAIKU_45} is not offered in sa-east-1`)
    expect(f?.fix).toContain('`aws-region: us-east-1`')
    expect(f?.observed).toContain(`GetFoundationModel knows ${HAIKU_45} in: us-east-1`)
  })
})

describe('model-resolve: lifecycle', () => {
  beforeEach(() => {
    bedrock.on(GetInferenceProfileCommand).resolves(profile('us-east-1', `us.${SONNET_45}`, US))
  })
  const lifecycleOf = async () =>
    findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'model-resolve')

  it('warns about a Legacy model without an end-of-life date, with the dates it has', async () => {
    bedrock.on(GetFoundationModelCommand).resolves(
      details(['INFERENCE_PROFILE'], {
        status: 'LEGACY',
        legacyTime: new Date('2026-01-15T00:00:00Z'),
        publicExtendedAccessTime: new Date('2026-07-15T00:00:00Z')
      })
    )
    const [route, legacy] = await lifecycleOf()
    expect(route?.status).toBe('pass')
    expect(legacy).toMatchObject({
      status: 'warn',
      messageId: 'legacyUndated',
      title: `${SONNET_45} is Legacy`
    })
    expect(legacy?.observed).toEqual([
      'modelLifecycle.status = LEGACY',
      'legacy since 2026-01-15',
      'public extended access (higher prices) from 2026-07-15',
      // Launched before 2026-09-07 (no launch date given): at least 6 months in Legacy.
      'end of life not announced; no sooner than 2026-07-15 (at least 6 months in Legacy)'
    ])
  })

  it('says a Legacy model in public extended access is, with the days to its end of life', async () => {
    const eol = new Date(Date.now() + 10 * 86_400_000 - 3_600_000)
    const extended = new Date(Date.now() - 20 * 86_400_000)
    bedrock.on(GetFoundationModelCommand).resolves(
      details(['INFERENCE_PROFILE'], {
        status: 'LEGACY',
        legacyTime: new Date(Date.now() - 120 * 86_400_000),
        publicExtendedAccessTime: extended,
        endOfLifeTime: eol
      })
    )
    const [route, legacy] = await lifecycleOf()
    expect(route?.status).toBe('pass')
    expect(legacy).toMatchObject({ status: 'warn', messageId: 'legacyExtendedAccess' })
    expect(legacy?.title).toBe(
      `${SONNET_45} is Legacy, in public extended access since ${extended.toISOString().slice(0, 10)}: end of life ${eol.toISOString().slice(0, 10)} (10 days left)`
    )
    expect(legacy?.cause).toContain('Operation not allowed')
  })

  it('gives a model launched from 2026-09-07 on the shorter 45-day Legacy period', async () => {
    bedrock.on(GetFoundationModelCommand).resolves(
      details(['INFERENCE_PROFILE'], {
        status: 'LEGACY',
        startOfLifeTime: new Date('2026-10-01T00:00:00Z'),
        legacyTime: new Date('2027-10-01T00:00:00Z')
      })
    )
    const [route, legacy] = await lifecycleOf()
    expect(route?.observed?.join('\n')).toContain('launched 2026-10-01')
    expect(route?.observed?.join('\n')).toContain('Legacy period of only 45 days')
    expect(legacy?.messageId).toBe('legacyUndated')
    expect(legacy?.observed).toContain(
      'end of life not announced; no sooner than 2027-11-15 (a 45-day Legacy period, the shortest the 2026-09-07 policy allows)'
    )
  })

  it('says nothing of the short policy for an active model launched before it', async () => {
    bedrock.on(GetFoundationModelCommand).resolves(
      details(['INFERENCE_PROFILE'], {
        status: 'ACTIVE',
        startOfLifeTime: new Date('2025-09-29T00:00:00Z')
      })
    )
    const findings = await lifecycleOf()
    expect(findings).toHaveLength(1)
    expect(findings[0]?.observed).toContain('lifecycle: ACTIVE')
  })

  it('fails a model GetFoundationModel calls retired, behind a profile and as a bare ID', async () => {
    const retired = () => new ValidationException({ message: END_OF_LIFE, $metadata: {} })
    bedrock.on(GetFoundationModelCommand).rejects(retired())
    const [route, f] = await lifecycleOf()
    expect(route?.status).toBe('pass')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'retired',
      catalogId: 'model-end-of-life',
      title: `${SONNET_45} can no longer be called`
    })

    resetMocks()
    bedrock.on(GetFoundationModelCommand).rejects(retired())
    const bare = findingsOf(await run(['us-east-1'], [SONNET_45]), 'model-resolve')
    expect(bare).toEqual([expect.objectContaining({ messageId: 'retired', status: 'fail' })])
  })

  it('is unverified, naming bedrock:GetFoundationModel, when it may not read the lifecycle', async () => {
    bedrock.on(GetFoundationModelCommand).rejects(denied('bedrock:GetFoundationModel'))
    const [route, f] = await lifecycleOf()
    expect(route?.observed).toContain('lifecycle: not read (AccessDeniedException)')
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'lifecycleUnreadable',
      catalogId: 'preflight-read-denied'
    })
    expect(f?.fix).toContain('`bedrock:GetFoundationModel`')
  })

  it('is unverified, never failed, when GetFoundationModel ends in another error', async () => {
    bedrock
      .on(GetFoundationModelCommand)
      .rejects(new ResourceNotFoundException({ message: 'Model not found', $metadata: {} }))
    const [route, f] = await lifecycleOf()
    expect(route?.status).toBe('pass')
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'lifecycleNotRead',
      // The catalog still names the error; its verdict (fail) does not decide.
      catalogId: 'model-not-found',
      title: `Lifecycle of ${SONNET_45} not verified: GetFoundationModel ended ResourceNotFoundException`
    })
    expect(f?.observed?.[0]).toContain('Model not found')
  })
})

describe('model-resolve: application profiles and provisioned throughput', () => {
  const APP = applicationProfileArn('us-east-1', 'a1b2c3d4e5f6')
  const PT = provisionedModelArn('us-east-1', 'f6e5d4c3b2a1')

  function application(models: string[]) {
    bedrock.on(GetInferenceProfileCommand).resolves({
      inferenceProfileName: 'team-claude',
      inferenceProfileArn: APP,
      inferenceProfileId: 'a1b2c3d4e5f6',
      models: models.map((modelArn) => ({ modelArn })),
      status: 'ACTIVE',
      type: 'APPLICATION'
    })
  }
  function provisioned(status: string | undefined, extra: Record<string, unknown> = {}) {
    bedrock.on(GetProvisionedModelThroughputCommand).resolves({
      provisionedModelName: 'team-pt',
      provisionedModelArn: PT,
      modelUnits: 1,
      foundationModelArn: modelArn('us-east-1', HAIKU_45),
      ...(status ? { status } : {}),
      ...extra
    } as never)
  }

  it('reads the model and destinations of an application profile from GetInferenceProfile', async () => {
    application([modelArn('us-east-1', SONNET_45), modelArn('us-west-2', SONNET_45)])
    bedrock.on(GetFoundationModelCommand).resolves(details(['INFERENCE_PROFILE']))
    const [f] = findingsOf(await run(['us-east-1'], [APP]), 'model-resolve')
    expect(f).toMatchObject({
      status: 'pass',
      messageId: 'applicationProfile',
      title: `Application inference profile team-claude calls ${SONNET_45} (us-east-1, us-west-2)`
    })
    expect(f?.observed).toContain(`profile ARN: ${APP}`)
    expect(bedrock.commandCalls(GetFoundationModelCommand)[0]?.args[0].input).toEqual({
      modelIdentifier: SONNET_45
    })
  })

  it('passes an application profile that lists no model, saying so', async () => {
    application([])
    const [f] = findingsOf(await run(['us-east-1'], [APP]), 'model-resolve')
    expect(f).toMatchObject({ status: 'pass', messageId: 'applicationProfileUnlisted' })
    expect(f?.title).toContain('calls an unlisted model')
    expect(bedrock.commandCalls(GetFoundationModelCommand)).toHaveLength(0)
  })

  it('is unverified, naming bedrock:GetInferenceProfile, when it may not read the application profile', async () => {
    bedrock.on(GetInferenceProfileCommand).rejects(denied('bedrock:GetInferenceProfile'))
    const [f] = findingsOf(await run(['us-east-1'], [APP]), 'model-resolve')
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'applicationProfileUnreadable',
      title: 'Could not read application inference profile a1b2c3d4e5f6 in us-east-1'
    })
    expect(f?.fix).toContain('`bedrock:GetInferenceProfile`')
  })

  it.each<[string | undefined, string, string, string]>([
    ['InService', 'pass', 'provisionedInService', 'is in service in us-east-1'],
    ['Creating', 'warn', 'provisionedChanging', 'is Creating'],
    ['Updating', 'warn', 'provisionedChanging', 'is Updating'],
    ['Failed', 'fail', 'provisionedNotInService', 'is Failed'],
    [undefined, 'fail', 'provisionedStatusUnknown', 'is not in service']
  ])('reports provisioned throughput %s as %s (%s)', async (state, status, messageId, title) => {
    provisioned(state)
    const [f] = findingsOf(await run(['us-east-1'], [PT]), 'model-resolve')
    expect(f).toMatchObject({ status, messageId, title: `Provisioned throughput team-pt ${title}` })
    expect(f?.observed).toContain(`foundation model: ${modelArn('us-east-1', HAIKU_45)}`)
  })

  it('shows why provisioned throughput failed', async () => {
    provisioned('Failed', { failureMessage: 'Insufficient capacity' })
    const [f] = findingsOf(await run(['us-east-1'], [PT]), 'model-resolve')
    expect(f?.observed).toContain('failure: Insufficient capacity')
    expect(f?.fix).toContain('get-provisioned-model-throughput')
  })

  it('is unverified, naming bedrock:GetProvisionedModelThroughput, when it may not read it', async () => {
    bedrock
      .on(GetProvisionedModelThroughputCommand)
      .rejects(denied('bedrock:GetProvisionedModelThroughput'))
    const [f] = findingsOf(await run(['us-east-1'], [PT]), 'model-resolve')
    expect(f).toMatchObject({
      status: 'unverified',
      messageId: 'provisionedUnreadable',
      title: 'Could not read provisioned throughput f6e5d4c3b2a1 in us-east-1'
    })
    expect(f?.fix).toContain('`bedrock:GetProvisionedModelThroughput`')
  })
})
