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

/**
 * Model IDs on bedrock-mantle: bare `anthropic.<model>`, with no geography prefix (`us.`,
 * `global.`) and no version suffix (`-v1:0`, a date): "Mantle uses model IDs prefixed with
 * `anthropic.` and without a version suffix, for example `anthropic.claude-haiku-4-5`" (Claude
 * Code's Amazon Bedrock docs). Inference profile IDs "will not work" there.
 */
const PREFIX = /^[a-z-]{2,8}\.(?=anthropic\.)/
const DATE_AND_VERSION = /(?:-\d{8})?(?:-v\d+(?::\d+)?)?$/

/** The mantle form of a model ID: what mantle would list for the same model. */
export function mantleForm(id: string): string {
  return id.trim().replace(PREFIX, '').replace(DATE_AND_VERSION, '')
}

/**
 * Whether the agent sends this model ID to mantle. With both endpoints Claude Code routes by the
 * ID's form: "Model IDs that match the Mantle format are routed to Mantle" (its Amazon Bedrock
 * docs), the others to bedrock-runtime; with one endpoint, every ID goes to it.
 */
export function goesToMantle(id: string, endpoint: Endpoint | undefined): boolean {
  if (endpoint === 'mantle') return true
  if (endpoint !== 'both') return false
  return /^anthropic\./.test(id) && mantleForm(id) === id
}

/**
 * Whether the agent calls mantle at all: always with `mantle`; with `both`, when a model it names
 * goes there, or when it names none (then mantle is checked with the newest Claude it lists).
 */
export function callsMantle(config: {
  endpoint?: { value: Endpoint }
  models: readonly { value: string }[]
  modelChosen?: boolean
}): boolean {
  const endpoint = config.endpoint?.value
  if (endpoint === 'mantle') return true
  if (endpoint !== 'both') return false
  return (
    config.modelChosen === true ||
    config.models.length === 0 ||
    config.models.some((m) => goesToMantle(m.value, endpoint))
  )
}
