// What Bedrock's answers mean for this check, shared by its parts: the context they report
// through, the errors that say "not here" or "retired", and the regions a profile routes to.
import type { CheckContext } from '../shared/check.js'
import type { ObservedError } from '../../engine/types.js'
import { splitFoundationModelArn } from '../../parse/model-id.js'
import type { meta } from './meta.js'

/** What each part of this check reports through: its own message ids and placeholders, typed. */
export type ResolveContext = CheckContext<typeof meta.messages>

type Explains = Pick<CheckContext, 'explain'>

/**
 * The identifier does not exist from this region: Bedrock says "invalid identifier", "not found"
 * or a bare ValidationException, depending on the operation and the kind of identifier.
 */
export async function isNotHere(ctx: Explains, error: ObservedError): Promise<boolean> {
  if (error.code === 'ResourceNotFoundException') return true
  const id = (await ctx.explain(error))?.id
  return (
    id === 'invalid-model-identifier' ||
    id === 'model-not-found' ||
    (error.code === 'ValidationException' && id === 'validation')
  )
}

/** Bedrock refuses the model itself: past its end of life, or Legacy and unused by the account. */
export async function isRetired(ctx: Explains, error: ObservedError): Promise<boolean> {
  const id = (await ctx.explain(error))?.id
  return id === 'model-end-of-life' || id === 'model-legacy-unused'
}

/** The model ARNs a profile's `models[]` names, empty entries left out. */
export function modelArnsOf(profile: { models?: { modelArn?: string }[] }): string[] {
  return (profile.models ?? []).map((m) => m.modelArn ?? '').filter(Boolean)
}

/**
 * The regions those ARNs are in. A `global.` profile also names the region-less ARN
 * (`arn:aws:bedrock:::foundation-model/…`): that hop is `unspecified`, the value IAM sees in
 * `aws:RequestedRegion` for it.
 */
export function destinationsOf(modelArns: string[]): string[] {
  return [
    ...new Set(
      modelArns.map((a) => splitFoundationModelArn(a)?.region ?? '').map((r) => r || 'unspecified')
    )
  ]
}

export function describeDestinations(destinations: string[]): string {
  return destinations
    .map((d) => (d === 'unspecified' ? 'all commercial regions (global)' : d))
    .join(', ')
}
