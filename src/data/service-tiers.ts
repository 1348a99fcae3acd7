import { DocUrl } from './doc-url.js'
import { fact } from './fact.js'

/**
 * The service tiers bedrock-runtime accepts: ServiceTier's `type`, "Valid Values: priority |
 * default | flex | reserved" (Bedrock API Reference, API_runtime_ServiceTier). Claude Code (v2.1.122
 * and later) sends ANTHROPIC_BEDROCK_SERVICE_TIER as the `X-Amzn-Bedrock-Service-Tier` header of
 * each call (startdebugging.net/2026/04/claude-code-2-1-122-bedrock-service-tier, April 2026), so
 * any other value is refused by Bedrock, not by Claude Code.
 */
export const SERVICE_TIERS_FACT = fact(
  'Service tiers bedrock-runtime accepts (X-Amzn-Bedrock-Service-Tier)',
  ['priority', 'default', 'flex', 'reserved'] as readonly string[],
  DocUrl.serviceTier
)
