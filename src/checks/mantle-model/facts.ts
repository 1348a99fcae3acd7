import type { CheckContext } from '../../engine/check.js'
import { goesToMantle } from '../../parse/endpoint.js'

/** What mantle-model learned of one region: the model IDs the agent's requests will name there. */
export interface MantleModelFacts extends Record<string, unknown> {
  /** The IDs to call, each served by mantle in the region (the probe sends these). */
  models: string[]
}

/**
 * The mantle model IDs a check that only uses mantle-model works on: the ones it found served,
 * or, when it could not say (its read refused, an ID not served), the IDs the agent sends to
 * mantle as named, so the probe and the quotas still speak for them.
 */
export async function mantleModels(
  ctx: Pick<CheckContext, 'config' | 'waitFor'>
): Promise<string[]> {
  const listed = await ctx.waitFor<MantleModelFacts>('mantle-model')
  const endpoint = ctx.config.endpoint?.value
  return (
    listed?.models ??
    ctx.config.models.map((m) => m.value).filter((id) => goesToMantle(id, endpoint))
  )
}
