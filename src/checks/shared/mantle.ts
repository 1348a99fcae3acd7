import type { AwsAccess } from '../../aws/access.js'
import { MantleTransport } from '../../aws/mantle.js'
import { goesToMantle } from '../../parse/endpoint.js'
import type { CheckContext } from './check.js'

/** The run's one bedrock-mantle transport (imported here, so it loads with the mantle checks). */
export function mantleOf(aws: AwsAccess): MantleTransport {
  return aws.once('bedrock-mantle', () => new MantleTransport(aws.mantleOptions()))
}

/**
 * The mantle model IDs a check that only uses mantle-model works on: the ones it found served,
 * or, when it could not say (its read refused, an ID not served), the IDs the agent sends to
 * mantle as named, so the probe and the quotas still speak for them.
 */
export async function mantleModels(
  ctx: Pick<CheckContext, 'config' | 'waitFor'>
): Promise<string[]> {
  const listed = await ctx.waitFor('mantle-model')
  const endpoint = ctx.config.endpoint?.value
  return (
    listed?.models ??
    ctx.config.models.map((m) => m.value).filter((id) => goesToMantle(id, endpoint))
  )
}
