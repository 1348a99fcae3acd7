import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock'
import { DEFAULT_MODEL, type PreflightConfig, type Sourced } from '../config.js'
import { likelyPrefixes } from '../data/profile-prefixes.js'
import { FALLBACK_MODEL_FACT } from '../data/models.js'
import { claudeVersionOf, compareClaudeVersions } from '../parse/model-id.js'
import { parseRegion } from '../parse/region.js'
import type { AwsResult } from './access.js'

/** Reads the system-defined profiles callable from a region (all pages), as the checks do. */
export type ProfileLister = (region: string) => Promise<AwsResult<InferenceProfileSummary[]>>

/** A model's lifecycle status in a region (`ACTIVE`, `LEGACY`), or undefined when unread. */
export type LifecycleReader = (region: string, modelId: string) => Promise<string | undefined>

/** How many of the newest Sonnets have their lifecycle read, together, in one round trip. */
const LIFECYCLE_CANDIDATES = 3

/** The fallback's geographies (src/data/models.ts); elsewhere its `global.` profile. */
const FALLBACK_GEO_PREFIXES = new Set(FALLBACK_MODEL_FACT.value.geographies)

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
  return sonnetProfiles(profiles, region)[0]
}

/** Every Claude Sonnet profile a region lists, newest model first (see newestSonnetProfile). */
export function sonnetProfiles(
  profiles: readonly InferenceProfileSummary[],
  region: string
): string[] {
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
  return sonnets.map((s) => s.id)
}

/**
 * The model to check when the configuration names none: the newest Claude Sonnet the first valid
 * region can call (ListInferenceProfiles) that is not Legacy (the lifecycles of the newest few are
 * read together with GetFoundationModel, the same reads model-resolve then reuses), with why in
 * its source. When the listing fails (denied, throttled, no region, no answer), the documented
 * fallback, with the reason.
 */
export async function chooseDefaultModel(
  region: string | undefined,
  list: ProfileLister,
  lifecycle: LifecycleReader = async () => undefined
): Promise<Sourced<string>> {
  const fallback = (why: string): Sourced<string> => ({
    value: fallbackModel(region),
    source: `default: ${FALLBACK_MODEL_FACT.value.name} (${why}; the built-in fallback)`,
    chosen: true
  })
  if (!region) return fallback('no valid region to ask ListInferenceProfiles in')
  const listed = await list(region)
  if (!listed.ok) {
    return fallback(
      `ListInferenceProfiles in ${region} ended ${listed.error.code}, so the newest Sonnet could not be read`
    )
  }
  const candidates = sonnetProfiles(listed.value, region)
  if (candidates.length === 0)
    return fallback(`ListInferenceProfiles lists no Claude Sonnet profile in ${region}`)
  const baseOf = (id: string) => id.slice(id.indexOf('.') + 1)
  const bases = [...new Set(candidates.map(baseOf))].slice(0, LIFECYCLE_CANDIDATES)
  const status = new Map(
    await Promise.all(bases.map(async (b) => [b, await lifecycle(region, b)] as const))
  )
  // The newest one not Legacy; an unread lifecycle counts as usable (model-resolve reports it).
  const usable = candidates.find(
    (id) => bases.includes(baseOf(id)) && status.get(baseOf(id)) !== 'LEGACY'
  )
  const chosen = usable ?? candidates[0]!
  // The Legacy ones newer than the choice (the bases are newest first).
  const skipped = bases
    .slice(0, Math.max(0, bases.indexOf(baseOf(chosen))))
    .filter((b) => status.get(b) === 'LEGACY')
  const lifecycleNote = status.get(baseOf(chosen))
    ? `, lifecycle ${status.get(baseOf(chosen))}`
    : ''
  return {
    value: chosen,
    source: `default: the newest Claude Sonnet callable from ${region} (ListInferenceProfiles${lifecycleNote}${skipped.length ? `; newer but Legacy: ${skipped.join(', ')}` : ''})`,
    chosen: true
  }
}
