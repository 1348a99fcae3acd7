import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock'
import { DEFAULT_MODEL, type PreflightConfig, type Sourced } from '../config.js'
import { likelyPrefixes } from '../data/profile-prefixes.js'
import { claudeVersionOf, compareClaudeVersions } from '../parse/model-id.js'
import { parseRegion } from '../parse/region.js'
import type { AwsResult } from './access.js'

/** Reads the system-defined profiles callable from a region (all pages), as the checks do. */
export type ProfileLister = (region: string) => Promise<AwsResult<InferenceProfileSummary[]>>

/**
 * Geographic prefixes AWS's regional-availability table (2026) lists for Claude Sonnet 4.6; any
 * other region falls back to its `global.` profile, which every commercial region can call.
 */
const FALLBACK_GEO_PREFIXES = new Set(['us', 'eu', 'au', 'us-gov'])

/** The region the default model is chosen for: the first configured one that is a region code. */
export function defaultModelRegion(config: Pick<PreflightConfig, 'regions'>): string | undefined {
  for (const r of config.regions) {
    const parsed = parseRegion(r.value)
    if (parsed.ok) return parsed.region
  }
  return undefined
}

/** The fallback's profile for a region: the region's geography where it has one, else `global.`. */
export function fallbackModel(region: string | undefined): string {
  const geo = region ? likelyPrefixes(region, DEFAULT_MODEL)[0] : 'us'
  const prefix = geo && FALLBACK_GEO_PREFIXES.has(geo) ? geo : 'global'
  return `${prefix}.${DEFAULT_MODEL}`
}

/**
 * The newest Claude Sonnet among the profiles a region lists, by the version in its ID (dated or
 * not); of that model's profiles, the region's own geography first, any other geography next,
 * `global.` last (a geographic profile keeps requests nearer, as the user would pick by hand).
 */
export function newestSonnetProfile(
  profiles: readonly InferenceProfileSummary[],
  region: string
): string | undefined {
  const rank = likelyPrefixes(region, 'anthropic.claude-sonnet-4-6')
  const order = (id: string): number => {
    const prefix = id.slice(0, id.indexOf('.'))
    if (prefix === 'global') return 1000
    const i = rank.indexOf(prefix)
    return i < 0 ? 100 : i
  }
  const sonnets = profiles.flatMap((p) => {
    const id = p.inferenceProfileId ?? ''
    const version = claudeVersionOf(id)
    // A listed profile whose ID carries no prefix is not a cross-region profile: not ours to pick.
    return version?.family === 'sonnet' && id.includes('.anthropic.') ? [{ id, version }] : []
  })
  sonnets.sort((a, b) => compareClaudeVersions(b.version, a.version) || order(a.id) - order(b.id))
  return sonnets[0]?.id
}

/**
 * The model to check when the configuration names none: the newest Claude Sonnet the first valid
 * region can call, from ListInferenceProfiles, with why in its source. When the read fails (denied,
 * throttled, no region, no answer), the documented fallback, with the reason. The lifecycle of the
 * chosen model is for model-resolve to report, like that of any named one.
 */
export async function chooseDefaultModel(
  region: string | undefined,
  list: ProfileLister
): Promise<Sourced<string>> {
  const fallback = (why: string): Sourced<string> => ({
    value: fallbackModel(region),
    source: `default: Claude Sonnet 4.6 (${why}; the built-in fallback)`,
    chosen: true
  })
  if (!region) return fallback('no valid region to ask ListInferenceProfiles in')
  const listed = await list(region)
  if (!listed.ok) {
    return fallback(
      `ListInferenceProfiles in ${region} ended ${listed.error.code}, so the newest Sonnet could not be read`
    )
  }
  const newest = newestSonnetProfile(listed.value, region)
  if (!newest) return fallback(`ListInferenceProfiles lists no Claude Sonnet profile in ${region}`)
  return {
    value: newest,
    source: `default: the newest Claude Sonnet callable from ${region} (ListInferenceProfiles)`,
    chosen: true
  }
}
