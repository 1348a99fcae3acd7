import type { CheckRun } from '../shared/check.js'
import { foundationModelArn, type ModelId } from '../../parse/model-id.js'
import { resolveApplicationProfile, resolveSystemProfile } from './profiles.js'
import { setModelTo, setRegionTo } from '../shared/env-location.js'
import type { ResolveContext } from './answers.js'
import { resolveFoundationModel, resolveProvisioned } from './models.js'
import type { meta } from './meta.js'

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const region = ctx.subject.region ?? ''
  const model = ctx.facts('model-id')?.model
  if (!model) return // model-id passed (a dependency), so it named the model: never here
  if (model.arn?.region && model.arn.region !== region) {
    reportArnOfOtherRegion(ctx, model, region)
    return
  }
  switch (model.kind) {
    case 'system-profile':
    case 'inference-profile-arn':
      return resolveSystemProfile(ctx, model, region)
    case 'application-profile-arn':
      return resolveApplicationProfile(ctx, model, region)
    case 'provisioned-model-arn':
      return resolveProvisioned(ctx, model, region)
    default:
      return resolveFoundationModel(ctx, model, region)
  }
}

/** Bedrock rejects every ARN of another region, so nothing is worth reading for it. */
function reportArnOfOtherRegion(ctx: ResolveContext, model: ModelId, region: string): void {
  const arnRegion = model.arn?.region ?? ''
  const setArnRegion = setRegionTo(ctx, arnRegion)
  const extra = {
    observed: [`model ARN region: ${arnRegion}`, `configured region: ${region}`],
    ...(model.baseModelId ? { fixContext: { modelId: model.baseModelId } } : {})
  }
  if (model.kind === 'foundation-model-arn' && model.baseModelId) {
    const use = foundationModelArn(model.arn?.partition ?? 'aws', region, model.baseModelId)
    ctx.report(
      'modelArnOfOtherRegion',
      { arnRegion, region, setModel: setModelTo(ctx, use), setArnRegion },
      extra
    )
  } else {
    ctx.report('arnOfOtherRegion', { arnRegion, region, setArnRegion }, extra)
  }
}
