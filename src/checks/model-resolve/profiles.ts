// Inference profiles: which profile a region can call for the model, and where it routes (a
// system profile read or predicted from the bundled table, an application profile), and which
// profiles to suggest when the configured one does not serve the region.
import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock'
import type { ReadContext } from '../../engine/check.js'
import type { ObservedError } from '../../engine/types.js'
import { isReadDenied } from '../../engine/read-denied.js'
import { documentedDestinations, likelyPrefixes } from '../../data/profile-prefixes.js'
import { foundationModelArn, splitFoundationModelArn, type ModelId } from '../../parse/model-id.js'
import {
  getFoundationModel,
  getInferenceProfile,
  listSystemProfiles
} from '../shared/bedrock-reads.js'
import { modelLocation, setModelTo } from '../shared/env-location.js'
import {
  describeDestinations,
  destinationsOf,
  isNotHere,
  modelArnsOf,
  type ResolveContext
} from './answers.js'
import { reportCorrection } from './correction.js'
import { askElsewhere, elsewhereLines, reportElsewhereUnread } from './elsewhere.js'
import { routeFacts, type ResolveFacts } from './facts.js'
import {
  lifecycleFacts,
  lifecycleLine,
  reportLifecycle,
  reportUnreadLifecycle
} from './lifecycle.js'

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
    // Whether the model behind the profile exists here: undefined when GetFoundationModel did not say.
    const modelKnown = gfm.ok ? true : (await isNotHere(ctx, gfm.error)) ? false : undefined
    return reportNotCallable(ctx, model, region, gip.error, { onDemand, modelKnown })
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
    destinations,
    ...(gfm.ok ? lifecycleFacts(gfm.value) : {})
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
  { onDemand, modelKnown }: { onDemand: boolean; modelKnown: boolean | undefined }
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
  // Nothing here calls the model behind the ID, and Bedrock does not know that model here. Only
  // when the prefix's home region and the probe regions do not know it either is the ID mistyped
  // (a missing `:0`, a typo), and the region's listing names the ID it was meant to be; a model
  // offered elsewhere is a region problem, and a read there that did not answer settles nothing.
  const modelListed = s.source === 'api' && s.profiles.length > 0
  const elsewhere =
    !modelListed && modelKnown !== true
      ? await askElsewhere(ctx, base, region, model.prefix)
      : undefined
  const alternatives = suggestionLines(s, region)
  const observed = [
    `callable from ${region} for ${base}:`,
    ...(alternatives.length ? alternatives : ['no inference profile for this model']),
    ...(onDemand ? [`\`${base}\` (bare ID, in-region on demand)`] : []),
    ...(elsewhere ? elsewhereLines(base, elsewhere) : [])
  ]
  if (elsewhere && !elsewhere.offeredIn.length) {
    if (elsewhere.unread.length) {
      reportElsewhereUnread(ctx, profile, base, region, elsewhere, { error, observed })
      return undefined
    }
    const reported = await reportCorrection(
      ctx,
      profile,
      base,
      region,
      { error, ...location },
      modelKnown === false
    )
    if (reported) return undefined
  }
  const extra = { error, observed, fixContext, ...location }
  const data = { profile, region, prefix }
  // The table says `prefix.` serves the region, Bedrock says this profile is not here, and the list
  // that would settle it could not be read: claiming a region problem would be a guess.
  if (s.source === 'hint' && likelyPrefixes(region, base).includes(prefix)) {
    ctx.report(
      'profileUnlistedUnverified',
      { ...data, model: base, code: s.error?.code ?? 'error' },
      extra
    )
    return undefined
  }
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

/**
 * An application inference profile: its ARN does not name the model, so GetInferenceProfile is
 * the only way to learn it (model-access and invoke-permission read it from these facts).
 */
export async function resolveApplicationProfile(
  ctx: ResolveContext,
  model: ModelId,
  region: string
): Promise<ResolveFacts | undefined> {
  const gip = await getInferenceProfile(ctx, region, model.input)
  if (!gip.ok) {
    ctx.report(
      'applicationProfileUnreadable',
      { profile: model.arn?.resourceId ?? model.input, region },
      { error: gip.error, permission: 'bedrock:GetInferenceProfile' }
    )
    return undefined
  }
  const modelArns = modelArnsOf(gip.value)
  const base = splitFoundationModelArn(modelArns[0] ?? '')?.modelId ?? ''
  const destinations = destinationsOf(modelArns)
  const gfm = base ? await getFoundationModel(ctx, region, base) : undefined
  const profile = gip.value.inferenceProfileName ?? model.arn?.resourceId ?? model.input
  const extra = {
    observed: [
      `profile ARN: ${gip.value.inferenceProfileArn ?? model.input}`,
      ...modelArns.map((a) => `model ARN: ${a}`)
    ]
  }
  const data = { profile, destinations: describeDestinations(destinations) }
  if (base) ctx.report('applicationProfile', { ...data, model: base }, extra)
  else ctx.report('applicationProfileUnlisted', data, extra)
  if (gfm?.ok) reportLifecycle(ctx, gfm.value, base)
  else if (gfm) await reportUnreadLifecycle(ctx, gfm.error, base)
  return {
    ...routeFacts(region, model, base),
    profileArn: gip.value.inferenceProfileArn ?? model.input,
    profileKind: 'application',
    modelArns,
    destinations,
    ...(gfm?.ok ? lifecycleFacts(gfm.value) : {})
  }
}

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
