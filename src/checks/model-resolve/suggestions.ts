import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock'
import type { ReadContext } from '../../engine/check.js'
import type { ObservedError } from '../../engine/types.js'
import { likelyPrefixes } from '../../data/profile-prefixes.js'
import { listSystemProfiles } from '../shared/bedrock-reads.js'
import { describeDestinations, destinationsOf, modelArnsOf } from './destinations.js'

export interface Suggestions {
  /** Profiles callable from the region for the model, best first. */
  profiles: { id: string; destinations: string[] }[]
  /** `api`: ListInferenceProfiles answered; `hint`: the built-in table guessed. */
  source: 'api' | 'hint'
  error?: ObservedError
}

function callsModel(profile: InferenceProfileSummary, modelId: string): boolean {
  return (profile.models ?? []).some((m) => m.modelArn?.endsWith(`foundation-model/${modelId}`))
}

/**
 * The profiles for `modelId` that `region` can call. ListInferenceProfiles is the answer; the
 * built-in prefix table only orders it (the region's geography first, `global.` last) and stands
 * in for it, marked as a hint, when the list cannot be read.
 */
export async function suggestProfiles(
  ctx: ReadContext,
  region: string,
  modelId: string
): Promise<Suggestions> {
  const rank = likelyPrefixes(region, modelId)
  const order = (id: string) => {
    const prefix = id.slice(0, id.indexOf('.'))
    const i = rank.indexOf(prefix)
    return i < 0 ? (prefix === 'global' ? 99 : 50) : i
  }
  const listed = await listSystemProfiles(ctx, region)
  if (!listed.ok) {
    return {
      profiles: rank.map((p) => ({ id: `${p}.${modelId}`, destinations: [] })),
      source: 'hint',
      error: listed.error
    }
  }
  const profiles = listed.value
    .filter((p) => p.inferenceProfileId && callsModel(p, modelId))
    .map((p) => ({
      id: p.inferenceProfileId as string,
      destinations: destinationsOf(modelArnsOf(p))
    }))
    .sort((a, b) => order(a.id) - order(b.id))
  return { profiles, source: 'api' }
}

/** The suggestions as Observed lines: one per listed profile, or the hint table's guess in one. */
export function suggestionLines(s: Suggestions, region: string): string[] {
  if (s.source === 'hint') {
    return [
      `ListInferenceProfiles could not be read (${s.error?.code ?? 'error'}); by the built-in table, ${region} is usually served by: ${s.profiles.map((p) => `\`${p.id}\``).join(', ')}`
    ]
  }
  return s.profiles.map(
    (p) =>
      `\`${p.id}\` → ${p.destinations.length ? describeDestinations(p.destinations) : 'destinations not listed'}`
  )
}
