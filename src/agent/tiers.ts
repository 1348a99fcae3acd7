/**
 * Claude Code's model tiers, each resolved the way Claude Code resolves it
 * (code.claude.com/docs/en/model-config and /amazon-bedrock, 2026-12-07): the main model
 * (`--model`, else ANTHROPIC_MODEL, else the settings' `model`), the opus/sonnet/haiku aliases'
 * targets, the small/fast model with its own region (ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION), the
 * subagents' model and the fallback model (`--fallback-model`). Every one is a model the agent
 * calls, so each is checked as a subject of its own.
 */
import type { SourcedModel, Sourced } from '../config.js'
import type { AgentProfile, AgentSetting } from './types.js'

/** A variable's value and source, from wherever the agent reads it (settings, step, environment). */
export type AgentLookup = (key: string) => AgentSetting | undefined

/**
 * Claude Code's aliases (code.claude.com/docs/en/model-config): each stands for a model another
 * variable or Claude Code itself chooses, so none is a Bedrock ID to check.
 */
export const CLAUDE_CODE_ALIASES: ReadonlySet<string> = new Set([
  'default',
  'best',
  'fable',
  'sonnet',
  'opus',
  'haiku',
  'opusplan'
])

/** The region variable of the small/fast (Haiku-class) model's calls. */
export const SMALL_FAST_REGION = 'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION'

/** Output tokens one of Claude Code's calls asks for (its `max_tokens`). */
export const MAX_OUTPUT_TOKENS = 'CLAUDE_CODE_MAX_OUTPUT_TOKENS'

interface Tier {
  tier: string
  variable: string
}

/** The tiers named by a variable, in the order Claude Code's docs list them. */
const VARIABLE_TIERS: readonly Tier[] = [
  { tier: 'opus', variable: 'ANTHROPIC_DEFAULT_OPUS_MODEL' },
  { tier: 'sonnet', variable: 'ANTHROPIC_DEFAULT_SONNET_MODEL' },
  { tier: 'haiku', variable: 'ANTHROPIC_DEFAULT_HAIKU_MODEL' },
  { tier: 'small/fast', variable: 'ANTHROPIC_SMALL_FAST_MODEL' },
  { tier: 'subagent', variable: 'CLAUDE_CODE_SUBAGENT_MODEL' }
]

/**
 * The Bedrock ID in a Claude Code model value: its `[1m]` suffix (the 1M-token context window,
 * Claude Code's own setting) dropped, aliases left out.
 */
export function claudeCodeModel(value: string): string | undefined {
  const id = value.replace(/\[1m\]$/i, '').trim()
  return id && !CLAUDE_CODE_ALIASES.has(id.toLowerCase()) ? id : undefined
}

/** How a fix names the setting: `KEY=value`, `"KEY": "value"` in a file, `--model value`. */
function settingStyle(setting: AgentSetting, variable: string): Pick<SourcedModel, 'setting'> {
  const at = setting.source.indexOf(' in ')
  const where = at >= 0 ? setting.source.slice(at + 4) : undefined
  if (variable.startsWith('--'))
    return { setting: { name: variable, style: 'flag', ...(where ? { where } : {}) } }
  if (where && setting.location && /\.json/.test(setting.location.file)) {
    return { setting: { name: variable, style: 'json', where: setting.location.file } }
  }
  return { setting: { name: variable, style: 'env', ...(where ? { where } : {}) } }
}

/** The output budget of one call: CLAUDE_CODE_MAX_OUTPUT_TOKENS when a whole number. */
export function outputBudget(get: AgentLookup): Sourced<number> | undefined {
  const set = get(MAX_OUTPUT_TOKENS)
  const n = set ? Number(set.value.trim()) : NaN
  return set && Number.isInteger(n) && n > 0 ? { value: n, source: set.source } : undefined
}

/** Every model tier the agent calls, each labelled with its tier and where it was set. */
export function agentModels(get: AgentLookup, profile: AgentProfile | undefined): SourcedModel[] {
  const out: SourcedModel[] = []
  const push = (
    tier: string,
    variable: string,
    setting: AgentSetting | undefined,
    region?: AgentSetting
  ) => {
    const id = setting ? claudeCodeModel(setting.value) : undefined
    if (!setting || !id) return
    out.push({
      value: id,
      source: setting.source,
      tier,
      variable,
      ...settingStyle(setting, variable),
      ...(setting.location ? { location: setting.location } : {}),
      ...(/\[1m\]$/i.test(setting.value.trim()) ? { longContext: true as const } : {}),
      ...(region
        ? {
            region: {
              value: region.value.trim(),
              source: region.source,
              ...settingStyle(region, SMALL_FAST_REGION)
            }
          }
        : {})
    })
  }
  const env = get('ANTHROPIC_MODEL')
  if (profile?.cliModel) push('main', '--model', profile.cliModel)
  else if (env) push('main', 'ANTHROPIC_MODEL', env)
  else if (profile?.settingsModel) push('main', 'model', profile.settingsModel)
  const smallFastRegion = get(SMALL_FAST_REGION)
  const smallFast = get('ANTHROPIC_SMALL_FAST_MODEL')
  const smallFastId = smallFast ? claudeCodeModel(smallFast.value) : undefined
  for (const { tier, variable } of VARIABLE_TIERS) {
    // The region variable is the Haiku-class model's: the small/fast one when named, else haiku's.
    const ownRegion =
      smallFastRegion?.value.trim() && (tier === 'small/fast' || (tier === 'haiku' && !smallFastId))
        ? smallFastRegion
        : undefined
    push(tier, variable, get(variable), ownRegion)
  }
  if (profile?.fallbackModel) push('fallback', '--fallback-model', profile.fallbackModel)
  return out
}
