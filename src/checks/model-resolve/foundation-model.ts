import type { ObservedError } from '../../engine/types.js'
import { foundationModelArn, type ModelId } from '../../parse/model-id.js'
import { partitionOf } from '../../aws/partition.js'
import { getFoundationModel } from '../shared/bedrock-reads.js'
import { setModelTo } from '../shared/env-location.js'
import type { ResolveContext } from './context.js'
import { isNotHere, isRetired } from './error-kinds.js'
import { routeFacts, type ResolveFacts } from './facts.js'
import { lifecycleFacts, lifecycleLine, reportLifecycle } from './lifecycle.js'
import { suggestionLines, suggestProfiles } from './suggestions.js'

/** Regions asked "do you know this model?" when the configured one does not (failure path only). */
const PROBE_REGIONS = ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-northeast-1']

/**
 * A bare foundation-model ID or ARN. It is callable only where GetFoundationModel lists
 * `ON_DEMAND`; most new Claude models run only through inference profiles, so that is where a
 * failure points.
 */
export async function resolveFoundationModel(
  ctx: ResolveContext,
  model: ModelId,
  region: string
): Promise<ResolveFacts | undefined> {
  const base = model.baseModelId ?? ''
  const fixContext = { modelId: base }
  const gfm = await getFoundationModel(ctx, region, base)
  if (!gfm.ok) {
    if (await isRetired(ctx, gfm.error)) {
      ctx.report('retired', { model: base }, { error: gfm.error, fixContext })
    } else if (!(await isNotHere(ctx, gfm.error))) {
      ctx.report(
        'modelUnreadable',
        { model: base, region },
        { error: gfm.error, permission: 'bedrock:GetFoundationModel', fixContext }
      )
    } else {
      await reportNotOffered(ctx, model, region, gfm.error)
    }
    return undefined
  }
  const details = gfm.value
  const types = (details.inferenceTypesSupported ?? []) as string[]
  const observed = [
    `inferenceTypesSupported: ${types.length ? types.join(', ') : '(none reported)'}`,
    lifecycleLine(details)
  ]
  if (model.regionless || !types.includes('ON_DEMAND')) {
    await reportProfileOnly(ctx, model, region, observed)
    reportLifecycle(ctx, details, base)
    return undefined
  }
  const arn = details.modelArn ?? foundationModelArn(partitionOf(region), region, base)
  ctx.report('onDemand', { model: base, region }, { observed: [`model ARN: ${arn}`, ...observed] })
  reportLifecycle(ctx, details, base)
  return {
    ...routeFacts(region, model, base),
    modelArns: [arn],
    destinations: [region],
    ...lifecycleFacts(details)
  }
}

/**
 * The model is known here but not on demand (or the ARN is the region-less IAM resource, never
 * callable): name the profile to call instead.
 */
async function reportProfileOnly(
  ctx: ResolveContext,
  model: ModelId,
  region: string,
  observed: string[]
): Promise<void> {
  const base = model.baseModelId ?? ''
  const s = await suggestProfiles(ctx, region, base)
  const lines = suggestionLines(s, region)
  const extra = {
    observed: [
      ...observed,
      ...(lines.length
        ? [`callable from ${region}:`, ...lines]
        : [`no inference profile for ${base} is callable from ${region}`])
    ],
    fixContext: { modelId: base }
  }
  const data = { model: base, region }
  const best = s.profiles[0]?.id
  if (model.regionless) {
    if (!best) ctx.report('regionlessArnNoProfile', data, extra)
    else if (s.source === 'hint')
      ctx.report(
        'regionlessArnByTable',
        { ...data, use: best, setModel: setModelTo(ctx, best) },
        extra
      )
    else ctx.report('regionlessArn', { ...data, use: best, setModel: setModelTo(ctx, best) }, extra)
  } else if (!best) {
    ctx.report('onDemandUnsupportedNoProfile', data, extra)
  } else if (s.source === 'hint') {
    ctx.report(
      'onDemandUnsupportedByTable',
      { ...data, use: best, setModel: setModelTo(ctx, best) },
      extra
    )
  } else {
    ctx.report(
      'onDemandUnsupported',
      { ...data, use: best, setModel: setModelTo(ctx, best) },
      extra
    )
  }
}

/** Not known in this region: where does it exist? This region's profiles, then a few large regions. */
async function reportNotOffered(
  ctx: ResolveContext,
  model: ModelId,
  region: string,
  error: ObservedError
): Promise<void> {
  const base = model.baseModelId ?? ''
  const elsewhere = PROBE_REGIONS.filter((r) => r !== region)
  const [s, found] = await Promise.all([
    suggestProfiles(ctx, region, base),
    Promise.all(
      elsewhere.map(async (r) => ((await getFoundationModel(ctx, r, base)).ok ? r : undefined))
    )
  ])
  const offeredIn = found.filter((r): r is string => !!r)
  const here = s.source === 'api' ? s.profiles : []
  const extra = {
    error,
    observed: [
      ...(here.length ? [`callable from ${region} through:`, ...suggestionLines(s, region)] : []),
      offeredIn.length
        ? `GetFoundationModel knows ${base} in: ${offeredIn.join(', ')}`
        : `GetFoundationModel did not find ${base} in ${elsewhere.join(', ')} either (a typo?)`
    ],
    fixContext: { modelId: base }
  }
  const data = { model: base, region }
  if (here[0]) {
    ctx.report(
      'modelNotHereUseProfile',
      { ...data, use: here[0].id, setModel: setModelTo(ctx, here[0].id) },
      extra
    )
  } else if (offeredIn[0]) {
    ctx.report('modelInOtherRegions', { ...data, offeredIn: offeredIn[0] }, extra)
  } else {
    ctx.report('modelNotFound', { ...data, provider: model.provider ?? 'anthropic' }, extra)
  }
}
