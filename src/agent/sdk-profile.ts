/**
 * The agents this preflight knows, and how an app on an Anthropic SDK's Bedrock client
 * (`AnthropicBedrock`) picks the region it calls. Such an app reads none of Claude Code's
 * settings: its model is in its code (the `model-id` input), its region and base URL come from
 * the environment, each SDK its own way:
 * - TypeScript (`@anthropic-ai/bedrock-sdk`): `awsRegion = readEnv('AWS_REGION') ?? 'us-east-1'`,
 *   `baseURL = readEnv('ANTHROPIC_BEDROCK_BASE_URL') ?? https://bedrock-runtime.${awsRegion}…`
 *   (github.com/anthropics/anthropic-sdk-typescript, packages/bedrock-sdk/src/client.ts at
 *   9499f7f): AWS_DEFAULT_REGION and the profile's region are never read.
 * - Python (`anthropic[bedrock]`): `_infer_region()` takes AWS_REGION, else boto3's session
 *   region (AWS_DEFAULT_REGION, then the profile's `region`), else "us-east-1"; `base_url` from
 *   ANTHROPIC_BEDROCK_BASE_URL; `api_key` from AWS_BEARER_TOKEN_BEDROCK
 *   (github.com/anthropics/anthropic-sdk-python, src/anthropic/lib/bedrock/_client.py at 002af39).
 */
import type { AgentSetting } from './types.js'

export const AGENT_KINDS = [
  'claude-code',
  'anthropic-sdk-python',
  'anthropic-sdk-typescript'
] as const
export type AgentKind = (typeof AGENT_KINDS)[number]

/** The region both SDKs fall back to when nothing names one ("fall back to legacy behavior"). */
const SDK_DEFAULT_REGION = 'us-east-1'

const LABEL: Record<Exclude<AgentKind, 'claude-code'>, string> = {
  'anthropic-sdk-python': 'AnthropicBedrock (Python)',
  'anthropic-sdk-typescript': 'AnthropicBedrock (TypeScript)'
}

/**
 * The region an SDK app calls, as its client resolves it: `get` looks a variable up (environment,
 * env file), `profileRegion` reads the active profile's region (only Python's boto3 does).
 */
export function sdkRegion(
  kind: Exclude<AgentKind, 'claude-code'>,
  get: (key: string) => AgentSetting | undefined,
  profileRegion: () => AgentSetting | undefined
): AgentSetting {
  const region = get('AWS_REGION')
  if (region) return region
  if (kind === 'anthropic-sdk-python') {
    const fromSession = get('AWS_DEFAULT_REGION') ?? profileRegion()
    if (fromSession)
      return { ...fromSession, source: `${fromSession.source}, boto3's session region` }
  }
  const skipped =
    kind === 'anthropic-sdk-typescript' && get('AWS_DEFAULT_REGION')
      ? '; it never reads AWS_DEFAULT_REGION'
      : ''
  return {
    value: SDK_DEFAULT_REGION,
    source: `${LABEL[kind]}'s default when AWS_REGION is unset${skipped}`
  }
}
