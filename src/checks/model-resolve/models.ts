// Models named without a profile: a foundation model (ID or ARN), callable where it runs on
// demand, and a provisioned throughput, callable while in service in its own region.
import type { ObservedError } from '../../engine/types.js'
import { foundationModelArn, splitFoundationModelArn, type ModelId } from '../../parse/model-id.js'
import { partitionOf } from '../../aws/partition.js'
import { getFoundationModel, getProvisionedModel } from '../shared/bedrock-reads.js'
import { modelLocation, setModelTo, setRegionTo } from '../shared/env-location.js'
import { isNotHere, isRetired, type ResolveContext } from './answers.js'
import { reportCorrection } from './correction.js'
import { askElsewhere, elsewhereLines, reportElsewhereUnread } from './elsewhere.js'
import { routeFacts, type ResolveFacts } from './facts.js'
import { lifecycleFacts, lifecycleLine, reportLifecycle } from './lifecycle.js'
import { suggestionLines, suggestProfiles } from './profiles.js'

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

/**
 * Not known in this region: where does it exist? This region's profiles, then other regions. A
 * mistyped ID is claimed only when every region asked answered "not found"; a read that did not
 * answer (an SCP's region deny, a throttle) leaves it unverified, never a correction or a region.
 */
async function reportNotOffered(
  ctx: ResolveContext,
  model: ModelId,
  region: string,
  error: ObservedError
): Promise<void> {
  const base = model.baseModelId ?? ''
  const [s, elsewhere] = await Promise.all([
    suggestProfiles(ctx, region, base),
    askElsewhere(ctx, base, region)
  ])
  const here = s.source === 'api' ? s.profiles : []
  const observed = [
    ...(here.length ? [`callable from ${region} through:`, ...suggestionLines(s, region)] : []),
    ...elsewhereLines(base, elsewhere)
  ]
  const extra = { error, observed, fixContext: { modelId: base } }
  const data = { model: base, region }
  const offeredIn = elsewhere.offeredIn[0]
  if (here[0]) {
    ctx.report(
      'modelNotHereUseProfile',
      { ...data, use: here[0].id, setModel: setModelTo(ctx, here[0].id) },
      extra
    )
  } else if (offeredIn) {
    const setOfferedIn = setRegionTo(ctx, offeredIn)
    ctx.report('modelInOtherRegions', { ...data, offeredIn, setOfferedIn }, extra)
  } else if (elsewhere.unread.length) {
    reportElsewhereUnread(ctx, model.input, base, region, elsewhere, { error, observed })
  } else if (!(await reportCorrectionIfNear(ctx, model, region, error))) {
    ctx.report('modelNotFound', { ...data, provider: model.provider ?? 'anthropic' }, extra)
  }
}

/**
 * Known nowhere: the listed ID it was meant to be, when one is near, or could not verify when the
 * listing cannot be read. Nothing near leaves the not-found finding.
 */
async function reportCorrectionIfNear(
  ctx: ResolveContext,
  model: ModelId,
  region: string,
  error: ObservedError
): Promise<boolean> {
  // An ARN is corrected by the ARN of the same model in the region, not by a listed ID.
  if (model.kind !== 'foundation-model') return false
  return reportCorrection(
    ctx,
    model.input,
    model.baseModelId ?? '',
    region,
    { error, ...modelLocation(ctx) },
    false
  )
}

/** Statuses that end in service without anyone doing anything: a warning, not a failure. */
const CHANGING = new Set(['Creating', 'Updating'])

/**
 * A provisioned-throughput ARN: callable only while `InService`, and only in its own region. Its
 * ARN does not name the model: GetProvisionedModelThroughput does, and the facts pass it on (to
 * model-access, for one) while the throughput is in service or only changing.
 */
export async function resolveProvisioned(
  ctx: ResolveContext,
  model: ModelId,
  region: string
): Promise<ResolveFacts | undefined> {
  const r = await getProvisionedModel(ctx, region, model.input)
  if (!r.ok) {
    ctx.report(
      'provisionedUnreadable',
      { name: model.arn?.resourceId ?? model.input, region },
      { error: r.error, permission: 'bedrock:GetProvisionedModelThroughput' }
    )
    return undefined
  }
  const p = r.value
  const base = splitFoundationModelArn(p.foundationModelArn ?? '')?.modelId ?? ''
  const name = p.provisionedModelName ?? model.arn?.resourceId ?? model.input
  const extra = {
    observed: [
      `status: ${p.status ?? 'unknown'}`,
      `model units: ${p.modelUnits ?? '?'}`,
      ...(p.foundationModelArn ? [`foundation model: ${p.foundationModelArn}`] : []),
      ...(p.failureMessage ? [`failure: ${p.failureMessage}`] : [])
    ]
  }
  if (p.status === 'InService') ctx.report('provisionedInService', { name, region }, extra)
  else if (!p.status) ctx.report('provisionedStatusUnknown', { name }, extra)
  else if (CHANGING.has(p.status))
    ctx.report('provisionedChanging', { name, state: p.status }, extra)
  else ctx.report('provisionedNotInService', { name, state: p.status }, extra)
  return {
    ...routeFacts(region, model, base),
    provisionedArn: model.input,
    modelArns: [],
    destinations: [region]
  }
}
