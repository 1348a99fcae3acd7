import type { CheckContext } from '../shared/check.js'
import type { ObservedError } from '../../engine/types.js'

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
