import { splitFoundationModelArn, type ModelId } from '../../parse/model-id.js'
import { getProvisionedModel } from '../shared/bedrock-reads.js'
import type { ResolveContext } from './context.js'
import { routeFacts, type ResolveFacts } from './facts.js'

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
