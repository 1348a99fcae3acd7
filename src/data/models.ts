import { DocUrl } from './doc-url.js'
import { fact } from './fact.js'

/**
 * Claude model families as model IDs and quota names spell them (Anthropic's model list has Fable
 * and Mythos beside Sonnet, Haiku and Opus; `instant` is Claude Instant's). A family missing here
 * makes a quota unmatched (could not verify), never a wrong verdict.
 */
export const MODEL_FAMILIES_FACT = fact<readonly string[]>(
  'Claude model families',
  ['sonnet', 'haiku', 'opus', 'fable', 'mythos', 'instant'],
  DocUrl.anthropicModels
)
export const MODEL_FAMILIES = MODEL_FAMILIES_FACT.value

/**
 * The model checked when none is named and ListInferenceProfiles cannot be read: a current one
 * (new AWS customers cannot use Legacy models; Sonnet 4.5 was retired on 2026-11-30), with the
 * geographies whose profiles AWS lists for it (`jp.` since 2026); any other region uses its
 * `global.` profile, which every commercial region can call.
 */
export const FALLBACK_MODEL_FACT = fact(
  'Fallback model (when the region’s profiles cannot be listed)',
  {
    modelId: 'anthropic.claude-sonnet-4-6',
    name: 'Claude Sonnet 4.6',
    geographies: ['us', 'eu', 'jp', 'au', 'us-gov'] as readonly string[]
  },
  DocUrl.profiles
)

/**
 * Bedrock's lifecycle rules the checks explain: a Legacy model is refused to an account that has
 * not called it recently (15 days; 30 seen for some), and to new AWS customers at all.
 */
export const LIFECYCLE_FACT = fact(
  'Lifecycle: Legacy models and who may still call them',
  {
    legacyUnusedDays: 15,
    newCustomersMayUseLegacy: false,
    /** Legacy (or past end of life) on Bedrock when checked: `facts --check` reports any other. */
    knownLegacy: [
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'anthropic.claude-sonnet-4-20250514-v1:0',
      'anthropic.claude-opus-4-20250514-v1:0',
      'anthropic.claude-opus-4-1-20250805-v1:0',
      'anthropic.claude-3-5-sonnet-20240620-v1:0',
      'anthropic.claude-3-5-sonnet-20241022-v2:0',
      'anthropic.claude-3-5-haiku-20241022-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0'
    ] as readonly string[]
  },
  DocUrl.lifecycle
)

/**
 * Where AWS documents the Anthropic Messages API on Bedrock (AWS UG `inference-messages-api`, its
 * endpoint table; reference bedrock.md §00): bedrock-mantle serves it at its own path (API key or
 * SigV4, header `anthropic-version: 2023-06-01`; recommended for new applications), while
 * bedrock-runtime has no `/anthropic/v1/messages` path: it is reached through the AWS SDKs
 * (SigV4, InvokeModel with the Anthropic body). Anthropic calls InvokeModel/Converse its legacy
 * integration.
 */
export const MESSAGES_API_FACT = fact(
  'The Anthropic Messages API on both Bedrock endpoints',
  {
    mantle: 'https://bedrock-mantle.{region}.api.aws/anthropic/v1/messages',
    mantleHeader: 'anthropic-version: 2023-06-01',
    runtime: 'https://bedrock-runtime.{region}.amazonaws.com',
    runtimeAccess: 'the AWS SDKs (SigV4), body "anthropic_version": "bedrock-2023-05-31"',
    recommendedForNewApplications: 'bedrock-mantle'
  },
  DocUrl.messagesApi
)
