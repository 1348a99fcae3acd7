import type { FoundationModelDetails } from '@aws-sdk/client-bedrock'
import type { ObservedError } from '../../engine/types.js'
import { isReadDenied } from '../../engine/read-denied.js'
import type { ResolveContext } from './context.js'
import { isRetired } from './error-kinds.js'

function dateOnly(d: Date | undefined): string | undefined {
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined
}

/** Reports a Legacy model (a warning, with its dates) or one past its end of life (a failure). */
export function reportLifecycle(
  ctx: ResolveContext,
  details: FoundationModelDetails,
  model: string
): void {
  const life = details.modelLifecycle
  if (!life || life.status !== 'LEGACY') return
  const endOfLife = dateOnly(life.endOfLifeTime)
  const legacySince = dateOnly(life.legacyTime)
  const extended = dateOnly(life.publicExtendedAccessTime)
  const extra = {
    observed: [
      `modelLifecycle.status = LEGACY`,
      ...(legacySince ? [`legacy since ${legacySince}`] : []),
      ...(extended ? [`public extended access (higher prices) from ${extended}`] : []),
      ...(endOfLife ? [`end of life ${endOfLife}`] : [])
    ],
    fixContext: { modelId: model }
  }
  if (endOfLife && life.endOfLifeTime && life.endOfLifeTime.getTime() <= Date.now()) {
    ctx.report('endOfLife', { model, endOfLife }, extra)
  } else if (endOfLife) {
    ctx.report('legacy', { model, endOfLife }, extra)
  } else {
    ctx.report('legacyUndated', { model }, extra)
  }
}

/**
 * Reports what can be said of the lifecycle when GetFoundationModel did not answer: a retired
 * model fails, anything else leaves the lifecycle unverified (the route is known from the profile,
 * so only the dates are missing).
 */
export async function reportUnreadLifecycle(
  ctx: ResolveContext,
  error: ObservedError,
  model: string
): Promise<void> {
  const fixContext = { modelId: model }
  if (await isRetired(ctx, error)) {
    ctx.report('retired', { model }, { error, fixContext })
  } else if (isReadDenied(error)) {
    ctx.report(
      'lifecycleUnreadable',
      { model },
      { error, permission: 'bedrock:GetFoundationModel', fixContext }
    )
  } else {
    const region = ctx.subject.region ?? ''
    ctx.report('lifecycleNotRead', { model, region, code: error.code }, { error, fixContext })
  }
}
