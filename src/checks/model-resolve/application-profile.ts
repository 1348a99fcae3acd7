import { splitFoundationModelArn, type ModelId } from '../../parse/model-id.js'
import { getFoundationModel, getInferenceProfile } from '../shared/bedrock-reads.js'
import type { ResolveContext } from './context.js'
import { describeDestinations, destinationsOf, modelArnsOf } from './destinations.js'
import { routeFacts, type ResolveFacts } from './facts.js'
import { lifecycleFacts, reportLifecycle, reportUnreadLifecycle } from './lifecycle.js'

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
