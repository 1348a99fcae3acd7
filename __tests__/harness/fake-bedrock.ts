/**
 * A small Bedrock "world" for the fake AWS: which models each region knows, which inference
 * profiles each source region can call and where they route. Routing data comes from AWS's own
 * tables (shared/reference/bedrock.md §1.3); error texts are the real ones quoted there. The
 * handlers answer per region, from the region in the request's SigV4 scope, like AWS does.
 */
import {
  eventStream,
  rest,
  type FakeReply,
  type FakeRequest,
  type Handlers,
  type StreamMessage
} from './fake-aws.js'
import { FAKE } from './run-action.js'
import { model } from '../aws-models/model-shapes.js'

export const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0'
export const HAIKU_45 = 'anthropic.claude-haiku-4-5-20251001-v1:0'
export const SONNET_4 = 'anthropic.claude-sonnet-4-20250514-v1:0'
export const SONNET_37 = 'anthropic.claude-3-7-sonnet-20250219-v1:0'
export const OPUS_45 = 'anthropic.claude-opus-4-5-20251101-v1:0'
/** Claude models launched in 2026 have IDs without a date or version suffix (AWS model cards). */
export const SONNET_46 = 'anthropic.claude-sonnet-4-6'
/** The 5.x generation on Bedrock, undated IDs (reference bedrock.md §00, 2026-12-07). */
export const SONNET_5 = 'anthropic.claude-sonnet-5'
export const OPUS_47 = 'anthropic.claude-opus-4-7'

const E1 = 'us-east-1'
const E2 = 'us-east-2'
const W2 = 'us-west-2'
const EU = ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3']
const JP = ['ap-northeast-1', 'ap-northeast-3']

/** Real answer texts (reference §4). */
export const INVALID_IDENTIFIER = 'The provided model identifier is invalid.'
/**
 * Bedrock's refusal of a beta flag, through InvokeModelWithResponseStream with Claude Sonnet 4's
 * 1M-context flag (github.com/cline/cline/issues/5568 and RooCodeInc/Roo-Code#7085, 2025-08-14:
 * "The model returned the following errors: invalid beta flag"; the same text through
 * ConverseStream in anthropics/claude-code#26570).
 */
export const INVALID_BETA = 'The model returned the following errors: invalid beta flag'
/**
 * The beta flags Bedrock documents for Claude (AWS UG `model-parameters-anthropic-claude-messages`,
 * as BerriAI/litellm#19875 lists them); the fake refuses any other, as Bedrock does.
 */
export const BEDROCK_BETAS = [
  'computer-use-2024-10-22',
  'computer-use-2025-01-24',
  'token-efficient-tools-2025-02-19',
  'interleaved-thinking-2025-05-14',
  'output-128k-2025-02-19',
  'dev-full-thinking-2025-05-14',
  'context-1m-2025-08-07',
  'context-management-2025-06-27',
  'effort-2025-11-24',
  'tool-search-tool-2025-10-19',
  'tool-examples-2025-10-29'
]
/**
 * Models whose window is 200K tokens, with no 1M-context beta (Anthropic's model overview: the
 * 1M window is for Sonnet 4 and later Sonnets; Haiku 4.5 and Opus 4.5 have 200K): Bedrock refuses
 * `context-1m-2025-08-07` with them as it refuses an unknown flag.
 */
const NO_1M_CONTEXT = [HAIKU_45, OPUS_45]

/** Whether Bedrock takes `flag` for `modelId` (an ID, a profile ID or an ARN of one). */
export function betaAccepted(modelId: string, flag: string): boolean {
  if (!BEDROCK_BETAS.includes(flag)) return false
  return flag !== 'context-1m-2025-08-07' || !NO_1M_CONTEXT.some((m) => modelId.endsWith(m))
}
/**
 * Bedrock's refusal of a service tier (the `X-Amzn-Bedrock-Service-Tier` header, the API model's
 * ServiceTierType), or nothing when it serves it. A value outside the model's enum:
 * "service tier provided is invalid" (NousResearch/hermes-agent#34476, 2026-05-29, seen through
 * Converse; modelled the same for the header). `reserved` with no reservation, which the fake
 * world never has: "Reservation not found." (envoyproxy/ai-gateway#1749, 2026-01-09).
 */
export function tierRefusal(tier: string): string | undefined {
  if (!(model('bedrock-runtime').shapes.ServiceTierType?.enum ?? []).includes(tier))
    return 'service tier provided is invalid'
  return tier === 'reserved' ? 'Reservation not found.' : undefined
}
export const FTU_MISSING =
  'Model use case details have not been submitted for this account. Fill out the Anthropic use case details form before using the model. If you have already filled out the form, try again in 15 minutes.'
export const MARKETPLACE_DENIED =
  'Model access is denied due to IAM user or service role is not authorized to perform the required AWS Marketplace actions (aws-marketplace:ViewSubscriptions, aws-marketplace:Subscribe) to enable access to this model. Refer to the Amazon Bedrock documentation for further details. Your AWS Marketplace subscription for this model cannot be completed at this time. If you recently fixed this issue, try again after 5 minutes.'

export interface FakeModel {
  id: string
  name: string
  /** Regions whose control plane knows the model, with the inference types it reports there. */
  regions: Record<string, string[]>
  lifecycle?: { status: 'ACTIVE' | 'LEGACY'; legacyTime?: string; endOfLifeTime?: string }
}

export interface FakeProfile {
  id: string
  name: string
  /** Source region → destination regions (`''` is the region-less global model ARN). */
  sources: Record<string, string[]>
}

export interface BedrockWorld {
  models: FakeModel[]
  profiles: FakeProfile[]
}

const profileSources = (sources: string[], destinations: string[]) =>
  Object.fromEntries(sources.map((s) => [s, destinations]))
const globalSources = (sources: string[]) => Object.fromEntries(sources.map((s) => [s, [s, '']]))
const ALL_TEST_REGIONS = [E1, E2, W2, ...EU, ...JP, 'ap-southeast-2']

/** The world as AWS documents it for the models the scenarios use (≈ Dec 2025 tables). */
export function documentedWorld(): BedrockWorld {
  // InferenceType has ON_DEMAND and PROVISIONED only (Bedrock API model): a model reachable only
  // through inference profiles lists neither.
  const crisOnly = (regions: string[]) =>
    Object.fromEntries(regions.map((r) => [r, [] as string[]]))
  return {
    models: [
      { id: SONNET_45, name: 'Claude Sonnet 4.5', regions: crisOnly(ALL_TEST_REGIONS) },
      {
        id: HAIKU_45,
        name: 'Claude Haiku 4.5',
        regions: {
          ...crisOnly(ALL_TEST_REGIONS),
          // In-Region per the Haiku 4.5 model card.
          [E1]: ['ON_DEMAND'],
          'eu-west-1': ['ON_DEMAND'],
          'ap-northeast-1': ['ON_DEMAND']
        }
      },
      {
        id: SONNET_4,
        name: 'Claude Sonnet 4',
        regions: crisOnly(ALL_TEST_REGIONS),
        // AWS UG model-lifecycle: Legacy since Apr 14 2026, end of life Oct 14 2026.
        lifecycle: {
          status: 'LEGACY',
          legacyTime: '2026-04-14T00:00:00Z',
          endOfLifeTime: '2026-10-14T00:00:00Z'
        }
      },
      { id: SONNET_37, name: 'Claude 3.7 Sonnet', regions: crisOnly([E1, E2, W2]) },
      { id: OPUS_45, name: 'Claude Opus 4.5', regions: crisOnly(ALL_TEST_REGIONS) },
      // Regional availability (2026): In-Region only in eu-west-2, which the scenarios do not use.
      { id: SONNET_46, name: 'Claude Sonnet 4.6', regions: crisOnly(ALL_TEST_REGIONS) }
    ],
    profiles: [
      {
        id: `us.${SONNET_45}`,
        name: 'US Claude Sonnet 4.5',
        sources: profileSources([E1, E2, W2], [E1, E2, W2])
      },
      { id: `eu.${SONNET_45}`, name: 'EU Claude Sonnet 4.5', sources: profileSources(EU, EU) },
      { id: `jp.${SONNET_45}`, name: 'JP Claude Sonnet 4.5', sources: profileSources(JP, JP) },
      {
        id: `global.${SONNET_45}`,
        name: 'Global Claude Sonnet 4.5',
        sources: globalSources(ALL_TEST_REGIONS)
      },
      {
        id: `us.${HAIKU_45}`,
        name: 'US Claude Haiku 4.5',
        sources: profileSources([E1, E2, W2], [E1, E2, W2])
      },
      { id: `jp.${HAIKU_45}`, name: 'JP Claude Haiku 4.5', sources: profileSources(JP, JP) },
      {
        id: `global.${HAIKU_45}`,
        name: 'Global Claude Haiku 4.5',
        sources: globalSources(ALL_TEST_REGIONS)
      },
      {
        id: `global.${OPUS_45}`,
        name: 'Global Claude Opus 4.5',
        sources: globalSources(ALL_TEST_REGIONS)
      },
      {
        id: `us.${SONNET_4}`,
        name: 'US Claude Sonnet 4',
        sources: profileSources([E1, E2, W2], [E1, E2, W2])
      },
      // Sonnet 4.6: Geo in the US, the EU and Australia, Global from every commercial region
      // (AWS UG models-region-compatibility, 2026).
      {
        id: `us.${SONNET_46}`,
        name: 'US Anthropic Claude Sonnet 4.6',
        sources: profileSources([E1, E2, W2], [E1, E2, W2])
      },
      {
        id: `eu.${SONNET_46}`,
        name: 'EU Anthropic Claude Sonnet 4.6',
        sources: profileSources(EU, EU)
      },
      {
        id: `au.${SONNET_46}`,
        name: 'AU Anthropic Claude Sonnet 4.6',
        sources: profileSources(['ap-southeast-2'], ['ap-southeast-2', 'ap-southeast-4'])
      },
      {
        id: `global.${SONNET_46}`,
        name: 'Global Anthropic Claude Sonnet 4.6',
        sources: globalSources(ALL_TEST_REGIONS)
      },
      {
        id: `us.${SONNET_37}`,
        name: 'US Claude 3.7 Sonnet',
        sources: profileSources([E1, E2, W2], [E1, E2, W2])
      }
    ]
  }
}

/**
 * The documented world plus two newer models, each with its `us.` and `global.` profiles
 * (reference bedrock.md §00 and §2: Opus 4.7 in `us.`/`global.`, the 5.x generation with `us.`/
 * `global.` profiles), for tests about a model the default world leaves out (the default model
 * read from the listing stays the same everywhere else).
 */
export function worldWithNewerModels(): BedrockWorld {
  const world = documentedWorld()
  const crisOnly = Object.fromEntries(ALL_TEST_REGIONS.map((r) => [r, [] as string[]]))
  for (const [id, name] of [
    [OPUS_47, 'Claude Opus 4.7'],
    [SONNET_5, 'Claude Sonnet 5']
  ] as const) {
    world.models.push({ id, name, regions: crisOnly })
    world.profiles.push(
      { id: `us.${id}`, name: `US ${name}`, sources: profileSources([E1, E2, W2], [E1, E2, W2]) },
      { id: `global.${id}`, name: `Global ${name}`, sources: globalSources(ALL_TEST_REGIONS) }
    )
  }
  return world
}

/** ARNs in the region's partition, as AWS writes them (`arn:aws-eusc:` in the Sovereign Cloud). */
const partitionOfRegion = (region: string) =>
  region.startsWith('us-gov-')
    ? 'aws-us-gov'
    : region.startsWith('cn-')
      ? 'aws-cn'
      : region.startsWith('eusc-')
        ? 'aws-eusc'
        : 'aws'
export const profileArn = (region: string, id: string) =>
  `arn:${partitionOfRegion(region)}:bedrock:${region}:${FAKE.account}:inference-profile/${id}`
export const modelArn = (region: string, id: string) =>
  `arn:${region ? partitionOfRegion(region) : 'aws'}:bedrock:${region}::foundation-model/${id}`

function summary(p: FakeProfile, region: string) {
  const base = p.id.slice(p.id.indexOf('.') + 1)
  return {
    inferenceProfileName: p.name,
    description: `Routes requests to ${p.name}.`,
    inferenceProfileArn: profileArn(region, p.id),
    inferenceProfileId: p.id,
    models: (p.sources[region] ?? []).map((d) => ({ modelArn: modelArn(d, base) })),
    status: 'ACTIVE',
    type: 'SYSTEM_DEFINED'
  }
}

/** A model as GetFoundationModel's details and ListFoundationModels' summaries both show it. */
function modelSummary(m: FakeModel, region: string) {
  return {
    modelArn: modelArn(region, m.id),
    modelId: m.id,
    modelName: m.name,
    providerName: 'Anthropic',
    inputModalities: ['TEXT', 'IMAGE'],
    outputModalities: ['TEXT'],
    responseStreamingSupported: true,
    inferenceTypesSupported: m.regions[region],
    modelLifecycle: m.lifecycle ?? { status: 'ACTIVE' }
  }
}

const invalid = (): FakeReply => rest.error('ValidationException', INVALID_IDENTIFIER, 400)

/** Handlers for the Bedrock control plane reads and a successful Converse. */
export function bedrockHandlers(world: BedrockWorld = documentedWorld()): Handlers {
  const profileFor = (req: FakeRequest) => {
    const ident = req.params.inferenceProfileIdentifier ?? ''
    const id = ident.startsWith('arn:') ? ident.slice(ident.indexOf('/') + 1) : ident
    const p = world.profiles.find((x) => x.id === id)
    const region = req.region ?? ''
    if (ident.startsWith('arn:') && !ident.startsWith(`arn:aws:bedrock:${region}:`))
      return undefined
    return p && p.sources[region] ? summary(p, region) : undefined
  }
  return {
    'bedrock:GetInferenceProfile': (req) => {
      const s = profileFor(req)
      return s ? rest.ok(s) : invalid()
    },
    'bedrock:ListInferenceProfiles': (req) =>
      rest.ok({
        inferenceProfileSummaries: world.profiles
          .filter((p) => p.sources[req.region ?? ''])
          .map((p) => summary(p, req.region ?? ''))
      }),
    'bedrock:GetFoundationModel': (req) => {
      const m = world.models.find((x) => x.id === req.params.modelIdentifier)
      const types = m?.regions[req.region ?? '']
      if (!m || !types) return invalid()
      return rest.ok({ modelDetails: modelSummary(m, req.region ?? '') })
    },
    'bedrock:ListFoundationModels': (req) =>
      rest.ok({
        modelSummaries: world.models
          .filter((m) => m.regions[req.region ?? ''])
          .map((m) => modelSummary(m, req.region ?? ''))
      }),
    'bedrock:GetFoundationModelAvailability': (req) =>
      rest.ok({
        modelId: req.params.modelId,
        agreementAvailability: { status: 'AVAILABLE' },
        authorizationStatus: 'AUTHORIZED',
        entitlementAvailability: 'AVAILABLE',
        regionAvailability: 'AVAILABLE'
      }),
    'bedrock:GetUseCaseForModelAccess': rest.ok({
      formData: Buffer.from('{"companyName":"Example"}').toString('base64')
    }),
    // Claude Code's call: the Anthropic Messages body; flags Bedrock does not take are refused
    // before the stream starts (HTTP 400), as the reports above show.
    'bedrock-runtime:InvokeModelWithResponseStream': (req) => {
      const body = req.json as { anthropic_version?: unknown; anthropic_beta?: unknown } | undefined
      if (body?.anthropic_version !== 'bedrock-2023-05-31')
        return rest.error('ValidationException', 'Invalid API version', 400)
      const betas = Array.isArray(body.anthropic_beta) ? (body.anthropic_beta as string[]) : []
      if (betas.some((b) => !betaAccepted(req.params.modelId ?? '', b)))
        return rest.error('ValidationException', INVALID_BETA, 400)
      const tier = req.headers['x-amzn-bedrock-service-tier']
      const refused = typeof tier === 'string' ? tierRefusal(tier) : undefined
      if (refused) return rest.error('ValidationException', refused, 400)
      return eventStream([messageStart(req.params.modelId ?? ''), textDelta('Hello')], {
        'x-amzn-bedrock-content-type': 'application/json',
        // The answer names the tier that served it (the API model's response header).
        ...(typeof tier === 'string' ? { 'x-amzn-bedrock-service-tier': tier } : {})
      })
    },
    'bedrock-runtime:Converse': (req) => {
      const extra = (req.json as { additionalModelRequestFields?: { anthropic_beta?: unknown } })
        ?.additionalModelRequestFields
      const betas = Array.isArray(extra?.anthropic_beta) ? (extra.anthropic_beta as string[]) : []
      if (betas.some((b) => !BEDROCK_BETAS.includes(b)))
        return rest.error('ValidationException', INVALID_BETA, 400)
      return rest.ok({
        output: { message: { role: 'assistant', content: [{ text: 'Hi' }] } },
        stopReason: 'max_tokens',
        usage: { inputTokens: 8, outputTokens: 1, totalTokens: 9 },
        metrics: { latencyMs: 120 }
      })
    }
  }
}

/**
 * Anthropic's first stream event, as Bedrock wraps it in a `chunk` (`{"bytes": base64(json)}`,
 * the API model's PayloadPart; the event per Anthropic's Messages streaming reference). Content
 * is empty: `message_start` carries none.
 */
export function messageStart(modelId: string): StreamMessage {
  const event = {
    type: 'message_start',
    message: {
      id: 'msg_bdrk_01FakeProbe',
      type: 'message',
      role: 'assistant',
      model: modelId.replace(/^(?:[a-z]{2,6}\.)?anthropic\./, ''),
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 8, output_tokens: 1 }
    }
  }
  return {
    event: 'chunk',
    payload: { bytes: Buffer.from(JSON.stringify(event)).toString('base64') }
  }
}

/** A text delta: what comes after `message_start`, which the probe must never read. */
export function textDelta(text: string): StreamMessage {
  const event = { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }
  return {
    event: 'chunk',
    payload: { bytes: Buffer.from(JSON.stringify(event)).toString('base64') }
  }
}

/** The InsightWorker seed policy (foundation-model/* plus us.anthropic.claude-* profiles). */
export const SEED_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow' as const,
      Action: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream'],
      Resource: [
        'arn:aws:bedrock:*::foundation-model/*',
        'arn:aws:bedrock:*:*:inference-profile/us.anthropic.claude-*'
      ]
    }
  ]
}
