/**
 * Which Bedrock inference endpoint the agent calls. AWS has two (AWS UG `inference`,
 * `inference-messages-api`): `bedrock-runtime` (Converse, InvokeModel, Chat Completions,
 * Responses) and `bedrock-mantle` (`bedrock-mantle.{region}.api.aws`: Chat Completions,
 * Responses, and Anthropic's Messages API under `/anthropic/v1/messages`). Each has its own
 * permissions, projects and quotas.
 */
export type Endpoint = 'runtime' | 'mantle' | 'both'

export const ENDPOINTS: readonly Endpoint[] = ['runtime', 'mantle', 'both']

/**
 * Variables that carry the agent's base URL: Claude Code's Bedrock override, then the Anthropic
 * SDKs' own (AWS's quickstart sets `ANTHROPIC_BASE_URL=https://bedrock-mantle.<region>.api.aws/anthropic`).
 */
export const BASE_URL_VARIABLES = ['ANTHROPIC_BEDROCK_BASE_URL', 'ANTHROPIC_BASE_URL'] as const

/**
 * The endpoint a base URL names, by its host: `bedrock-mantle.…` is mantle, `bedrock-runtime.…`
 * is the runtime (whose Messages API also sits under `/anthropic`, so the path decides nothing).
 * Any other host (a gateway, a proxy) says nothing about what stands behind it: undefined.
 */
export function endpointOfUrl(url: string): Endpoint | undefined {
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase()
  } catch {
    return undefined
  }
  if (host.startsWith('bedrock-mantle.')) return 'mantle'
  if (host.startsWith('bedrock-runtime.') || host.startsWith('bedrock-runtime-fips.')) {
    return 'runtime'
  }
  return undefined
}

/** Whether the agent calls the runtime endpoint, mantle, or both. */
export function usesRuntime(endpoint: Endpoint | undefined): boolean {
  return endpoint !== 'mantle'
}
export function usesMantle(endpoint: Endpoint | undefined): boolean {
  return endpoint === 'mantle' || endpoint === 'both'
}
