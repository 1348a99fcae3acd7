import type { ObservedError } from '../../engine/types.js'
import { isReadDenied } from '../../engine/read-denied.js'
import type { ModelId } from '../../parse/model-id.js'
import { likelyPrefixes } from '../../data/profile-prefixes.js'
import { getFoundationModel, getInferenceProfile } from '../shared/bedrock-reads.js'
import { modelLocation, setModelTo } from '../shared/env-location.js'
import type { ResolveContext } from './context.js'
import { describeDestinations, destinationsOf, modelArnsOf } from './destinations.js'
import { isNotHere } from './error-kinds.js'
import { routeFacts, type ResolveFacts } from './facts.js'
import { lifecycleLine, reportLifecycle, reportUnreadLifecycle } from './lifecycle.js'
import { predictedRoute } from './predicted.js'
import { suggestionLines, suggestProfiles } from './suggestions.js'

/**
 * A system inference profile (ID or ARN). GetInferenceProfile in the region answering is the
 * proof that the region can call it; its `models[]` are the destinations. GetFoundationModel goes
 * out at the same time, for the lifecycle (and for whether the bare ID would do instead).
 */
export async function resolveSystemProfile(
  ctx: ResolveContext,
  model: ModelId,
  region: string
): Promise<ResolveFacts | undefined> {
  const base = model.baseModelId ?? ''
  const profileId = model.profileId ?? model.input
  const identifier = model.kind === 'inference-profile-arn' ? model.input : profileId
  const [gip, gfm] = await Promise.all([
    getInferenceProfile(ctx, region, identifier),
    getFoundationModel(ctx, region, base)
  ])
  if (!gip.ok) {
    const onDemand =
      gfm.ok && ((gfm.value.inferenceTypesSupported ?? []) as string[]).includes('ON_DEMAND')
    return reportNotCallable(ctx, model, region, gip.error, onDemand)
  }
  const profile = gip.value
  const modelArns = modelArnsOf(profile)
  const destinations = destinationsOf(modelArns)
  const profileKind =
    destinations.includes('unspecified') || model.prefix === 'global' ? 'global' : 'geo'
  const observed = [
    `profile ARN: ${profile.inferenceProfileArn ?? '(not returned)'}`,
    `destination regions: ${describeDestinations(destinations)}`,
    ...modelArns.map((a) => `model ARN: ${a}`),
    gfm.ok ? lifecycleLine(gfm.value) : `lifecycle: not read (${gfm.error.code})`
  ]
  if (profileKind === 'global') {
    ctx.report('profileGlobal', { region, profile: profileId }, { observed })
  } else {
    const count = destinations.length
    ctx.report(
      'profileGeo',
      { region, profile: profileId, count, regions: count === 1 ? 'region' : 'regions' },
      { observed }
    )
  }
  if (gfm.ok) reportLifecycle(ctx, gfm.value, base)
  else await reportUnreadLifecycle(ctx, gfm.error, base)
  return {
    ...routeFacts(region, model, base),
    ...(profile.inferenceProfileArn ? { profileArn: profile.inferenceProfileArn } : {}),
    profileId: profile.inferenceProfileId ?? profileId,
    profileKind,
    modelArns,
    destinations
  }
}

/**
 * GetInferenceProfile did not answer: say why, and what the region can call instead. With no
 * answer either way (denied, throttled), the route the bundled table predicts is published, marked
 * as predicted, so invoke-permission can still simulate the ARNs the call would need.
 */
async function reportNotCallable(
  ctx: ResolveContext,
  model: ModelId,
  region: string,
  error: ObservedError,
  onDemand: boolean
): Promise<ResolveFacts | undefined> {
  const base = model.baseModelId ?? ''
  const profile = model.profileId ?? model.input
  const prefix = model.prefix ?? ''
  const fixContext = { modelId: base }
  const location = modelLocation(ctx)

  if (!(await isNotHere(ctx, error))) {
    // No answer either way (denied, throttled, …): the table is all that can be said, as a hint.
    const hint = likelyPrefixes(region, base)
    const notThis = model.prefix && !hint.includes(model.prefix) ? `, not ${model.prefix}.` : ''
    // Only a denial has a permission that would let it read the route; a throttle is just "later".
    const predicted = isReadDenied(error) ? await predictedRoute(ctx, model, region) : undefined
    ctx.report(
      'profileUnreadable',
      { region, profile },
      {
        error,
        permission: 'bedrock:GetInferenceProfile',
        observed: [
          `built-in table (a hint only): ${region} is usually served by ${hint.map((p) => `${p}.`).join(', ')} profiles${notThis}`,
          ...(predicted ? [predictedLine(predicted)] : [])
        ],
        fixContext,
        ...location
      }
    )
    return predicted
  }

  // A profile ARN copied from another account does not exist here, whatever its prefix.
  if (model.kind === 'inference-profile-arn' && model.arn?.account) {
    const identity = await ctx.waitFor('identity')
    if (identity?.accountId && identity.accountId !== model.arn.account) {
      ctx.report(
        'profileOfOtherAccount',
        { arnAccount: model.arn.account, account: identity.accountId, profile },
        { error, fixContext }
      )
      return undefined
    }
  }

  const s = await suggestProfiles(ctx, region, base)
  // ListInferenceProfiles lists the very profile here: "cannot be called from here: use it" would
  // contradict itself. The two answers disagree, so this is could-not-verify, never a fail.
  if (s.source === 'api' && s.profiles.some((p) => p.id === profile)) {
    ctx.report(
      'profileListedButNotFound',
      { profile, region, code: error.code },
      {
        error,
        observed: [
          `GetInferenceProfile ${profile} in ${region} → ${error.code}`,
          `ListInferenceProfiles in ${region} lists ${profile}`
        ],
        fixContext,
        ...location
      }
    )
    return undefined
  }
  const alternatives = suggestionLines(s, region)
  const extra = {
    error,
    observed: [
      `callable from ${region} for ${base}:`,
      ...(alternatives.length ? alternatives : ['no inference profile for this model']),
      ...(onDemand ? [`\`${base}\` (bare ID, in-region on demand)`] : [])
    ],
    fixContext,
    ...location
  }
  const data = { profile, region, prefix }
  const best = s.profiles[0]?.id
  const othersListed = s.profiles.length > 1
  if (best && s.source === 'hint') {
    const id = othersListed ? 'profileNotHereByTableOthersListed' : 'profileNotHereByTable'
    ctx.report(id, { ...data, use: best, setModel: setModelTo(ctx, best) }, extra)
  } else if (best) {
    const id = othersListed ? 'profileNotHereOthersListed' : 'profileNotHere'
    ctx.report(id, { ...data, use: best, setModel: setModelTo(ctx, best) }, extra)
  } else if (onDemand) {
    // No profile of the model here, but the model itself runs in this region.
    ctx.report('profileNotHere', { ...data, use: base, setModel: setModelTo(ctx, base) }, extra)
  } else {
    ctx.report('profileNotHereNoAlternative', { ...data, model: base }, extra)
  }
  return undefined
}

function predictedLine(p: ResolveFacts): string {
  const where = p.predicted?.complete
    ? `destinations AWS documents for ${p.profileId} from ${p.region}`
    : p.profileKind === 'global'
      ? "the global hop and the source region (a global. profile's destinations change over time)"
      : `the source region only (the table does not list ${p.profileId}'s destinations from ${p.region})`
  return `predicted for invoke-permission from the built-in table (${where}): ${describeDestinations(p.destinations) || p.region}`
}
