import { documentedDestinations, likelyPrefixes } from '../../data/profile-prefixes.js'
import { foundationModelArn, type ModelId } from '../../parse/model-id.js'
import type { ResolveContext } from './context.js'
import { routeFacts, type ResolveFacts } from './facts.js'

/**
 * The route of a system profile predicted from the bundled table, for when GetInferenceProfile
 * may not be read: the profile ARN in the source region (its account is the caller's), and the
 * models in the destinations AWS documents for that profile and source (a `global.` profile's
 * global hop is the region-less ARN, whatever its destinations). Nothing is predicted when the
 * table says the prefix does not serve the region: the call would not get that far.
 */
export async function predictedRoute(
  ctx: ResolveContext,
  model: ModelId,
  region: string
): Promise<ResolveFacts | undefined> {
  const base = model.baseModelId
  const prefix = model.prefix
  if (!base || !prefix || !likelyPrefixes(region, base).includes(prefix)) return undefined
  const facts = routeFacts(region, model, base)
  const profileId = model.profileId ?? model.input
  let profileArn = model.kind === 'inference-profile-arn' ? model.input : undefined
  if (!profileArn) {
    const identity = await ctx.waitFor('identity')
    if (!identity?.accountId) return undefined
    profileArn = `arn:${facts.partition}:bedrock:${region}:${identity.accountId}:inference-profile/${profileId}`
  }
  const global = prefix === 'global'
  const documented = global ? undefined : documentedDestinations(prefix, region, base)
  // A geographic profile the table does not list still runs in its source region at least.
  const destinations = global ? [region, 'unspecified'] : [...(documented ?? [region])]
  const modelArns = destinations.map((d) =>
    foundationModelArn(facts.partition, d === 'unspecified' ? '' : d, base)
  )
  return {
    ...facts,
    profileArn,
    profileId,
    profileKind: global ? 'global' : 'geo',
    modelArns,
    destinations,
    predicted: {
      permission: 'bedrock:GetInferenceProfile',
      complete: documented !== undefined
    }
  }
}
