/**
 * The request Claude Code (and Anthropic's SDK Bedrock clients) send to bedrock-runtime, as small
 * as it can be: InvokeModelWithResponseStream with an Anthropic Messages body.
 *
 * - Body fields (AWS UG `model-parameters-anthropic-claude-messages-request-response`, read
 *   2026-12-08): `anthropic_version` must be `bedrock-2023-05-31`; `max_tokens`, `messages`; beta
 *   flags go in the body as `anthropic_beta`, a list of strings.
 * - The Anthropic TypeScript SDK's Bedrock client (which Claude Code uses) moves the
 *   `anthropic-beta` header into that body field and sets that version
 *   (anthropics/anthropic-sdk-typescript `packages/bedrock-sdk/src/client.ts` lines 18 and
 *   196–198, commit bfa9197f, 2026-08-19).
 * - Claude Code sends `context-1m-2025-08-07` for a model named with `[1m]` (the suffix is Claude
 *   Code's; the window is the beta: github.com/OnlyTerp/UltraCode-Shim/pull/8, 2026-06; the flag
 *   as Bedrock lists it: AWS UG `model-parameters-anthropic-claude-messages`), and the flags of
 *   `ANTHROPIC_BETAS` (code.claude.com/docs/en/settings, environment variables).
 *
 * Thinking is not sent: Claude's extended thinking needs `budget_tokens` of at least 1,024 and
 * below `max_tokens`, which a one-token probe cannot carry (Anthropic, "Building with extended
 * thinking").
 */
import type { PreflightConfig, SourcedModel } from '../../config.js'

/** Claude Code's 1M-context beta flag on Bedrock (AWS UG, as above). */
export const CONTEXT_1M_BETA = 'context-1m-2025-08-07'

/** The Messages API version bedrock-runtime takes in the body. */
export const BEDROCK_ANTHROPIC_VERSION = 'bedrock-2023-05-31'

/** One beta flag the agent sends, with what makes it send it. */
export interface SentBeta {
  flag: string
  /** `ANTHROPIC_BETAS in .claude/settings.json:3`, `ANTHROPIC_MODEL in …` (its `[1m]`). */
  source: string
  /** The model setting whose `[1m]` sends it (for the 1M-context flag). */
  model?: SourcedModel
}

/** The beta flags the agent sends with `modelId`: its own list, then the 1M-context one. */
export function sentBetas(config: PreflightConfig, modelId: string): SentBeta[] {
  const out: SentBeta[] = (config.anthropicBetas?.value ?? []).map((flag) => ({
    flag,
    source: config.anthropicBetas!.source
  }))
  const long = config.models.find((m) => m.value === modelId && m.longContext)
  if (long && !out.some((b) => b.flag === CONTEXT_1M_BETA))
    out.push({ flag: CONTEXT_1M_BETA, source: `\`[1m]\` after ${long.source}`, model: long })
  return out
}

/** The body of the probe: one word in, at most one token out. */
export function probeBody(betas: readonly SentBeta[]): Record<string, unknown> {
  return {
    anthropic_version: BEDROCK_ANTHROPIC_VERSION,
    max_tokens: 1,
    messages: [{ role: 'user', content: 'Hi' }],
    ...(betas.length ? { anthropic_beta: betas.map((b) => b.flag) } : {})
  }
}
