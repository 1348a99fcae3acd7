/**
 * Settings of Claude Code's that change whether its calls work or what they cost, read as Claude
 * Code reads them, each with where it was set: the service tier it asks for, prompt caching
 * switched off, and authentication left to an LLM gateway.
 */
import { SERVICE_TIERS_FACT } from '../data/service-tiers.js'
import { envKeyUse } from '../env-file/keys.js'
import type { AgentLookup } from './tiers.js'
import type { AgentSwitches } from './types.js'

/** Claude Code's own test of a switch variable: `1`, `true`, `yes`, `on`, any case. */
export const isTruthy = (value: string | undefined) =>
  /^(1|true|yes|on)$/i.test((value ?? '').trim())

export function agentSwitches(get: AgentLookup): AgentSwitches {
  const out: AgentSwitches = {}
  const tier = get('ANTHROPIC_BEDROCK_SERVICE_TIER')
  if (tier?.value.trim()) {
    const value = tier.value.trim()
    out.serviceTier = { ...tier, value, accepted: SERVICE_TIERS_FACT.value.includes(value) }
  }
  const caching = get('DISABLE_PROMPT_CACHING')
  if (caching && isTruthy(caching.value)) out.promptCachingOff = caching
  const skip = get('CLAUDE_CODE_SKIP_BEDROCK_AUTH')
  const base = get('ANTHROPIC_BEDROCK_BASE_URL')
  if (skip && isTruthy(skip.value)) {
    const url = base?.value.trim()
    const host = url ? hostOf(url) : undefined
    const gateway =
      url !== undefined && envKeyUse('ANTHROPIC_BEDROCK_BASE_URL', url).use === 'endpoint-only'
    if (host && gateway) out.gatewayAuth = { skip, gateway: { host, source: base!.source } }
    // No gateway: the unsigned calls go to AWS's own host, which refuses them.
    else if (!gateway)
      out.skipWithoutGateway = { skip, ...(host ? { aws: { host, source: base!.source } } : {}) }
  }
  return out
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url.trim()).host || undefined
  } catch {
    return undefined
  }
}
