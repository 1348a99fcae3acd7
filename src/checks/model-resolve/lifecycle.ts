import type { FoundationModelDetails } from '@aws-sdk/client-bedrock'
import type { ObservedError } from '../../engine/types.js'
import { isReadDenied } from '../../engine/read-denied.js'
import { isRetired, type ResolveContext } from './answers.js'
import type { LifecycleFacts } from './facts.js'
import { setModelTo } from '../shared/env-location.js'

function dateOnly(d: Date | undefined): string | undefined {
  return d && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined
}

const DAY_MS = 86_400_000

/**
 * AWS's lifecycle policy changed for models launched on or after 2026-09-07: "There are two Legacy
 * periods: 6 months and 45 days. Most models have a 6-month Legacy period", the model card says
 * which, and gives an "EOL no sooner than" date (AWS UG model-lifecycle,
 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html). Models launched
 * before it keep the older page's rule, "in the Legacy state for at least 6 months before the EOL
 * date" (AWS UG model-lifecycle-legacy).
 */
export const SHORT_LEGACY_POLICY_FROM = Date.UTC(2026, 8, 7)
const SHORT_LEGACY_DAYS = 45
const LEGACY_MONTHS = 6

/** Whole days from now to `when`, rounded up (a date later today is 1 day away, not 0). */
export function daysUntil(when: Date, now = Date.now()): number {
  return Math.ceil((when.getTime() - now) / DAY_MS)
}

function plural(days: number): string {
  return days === 1 ? '1 day' : `${days} days`
}

/** Whether the model falls under the policy of models launched from 2026-09-07 (shorter Legacy period). */
function underShortLegacyPolicy(details: FoundationModelDetails): boolean {
  const launched = details.modelLifecycle?.startOfLifeTime
  return !!launched && launched.getTime() >= SHORT_LEGACY_POLICY_FROM
}

/**
 * The earliest end of life a Legacy model without an end-of-life date can have: its Legacy start
 * plus the shortest Legacy period its policy allows (45 days from the 2026-09-07 policy on, else
 * 6 months).
 */
function earliestEndOfLife(details: FoundationModelDetails): Date | undefined {
  const since = details.modelLifecycle?.legacyTime
  if (!since || Number.isNaN(since.getTime())) return undefined
  if (underShortLegacyPolicy(details)) return new Date(since.getTime() + SHORT_LEGACY_DAYS * DAY_MS)
  const end = new Date(since.getTime())
  end.setUTCMonth(end.getUTCMonth() + LEGACY_MONTHS)
  return end
}

/** The lifecycle as facts (structured, for the report's observations), when AWS stated one. */
export function lifecycleFacts(details: FoundationModelDetails): { lifecycle?: LifecycleFacts } {
  const life = details.modelLifecycle
  if (!life?.status) return {}
  const legacySince = dateOnly(life.legacyTime)
  const extended = dateOnly(life.publicExtendedAccessTime)
  const endOfLife = dateOnly(life.endOfLifeTime)
  return {
    lifecycle: {
      status: life.status,
      ...(legacySince ? { legacySince } : {}),
      ...(extended ? { publicExtendedAccessFrom: extended } : {}),
      ...(endOfLife ? { endOfLife } : {})
    }
  }
}

/**
 * The lifecycle as one Observed line of a route finding: the status, and for a model launched
 * under the 2026-09-07 policy, that its Legacy notice may be only 45 days.
 */
export function lifecycleLine(details: FoundationModelDetails): string {
  const status = details.modelLifecycle?.status ?? 'not reported'
  const launched = dateOnly(details.modelLifecycle?.startOfLifeTime)
  if (!launched || !underShortLegacyPolicy(details)) return `lifecycle: ${status}`
  return `lifecycle: ${status} (launched ${launched}: AWS's lifecycle policy for models launched from 2026-09-07 on allows a Legacy period of only 45 days before end of life; the model card says which applies)`
}

/**
 * Reports a Legacy model (a warning, with its dates and the days left) or one past its end of
 * life (a failure). In public extended access, it says so: prices are higher, and Bedrock may
 * answer "Operation not allowed" to accounts that have not opted in (the catalog's
 * `account-not-enabled` names that cause first).
 */
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
  const inExtended =
    !!life.publicExtendedAccessTime && life.publicExtendedAccessTime.getTime() <= Date.now()
  const earliest = endOfLife ? undefined : earliestEndOfLife(details)
  const shortPolicy = underShortLegacyPolicy(details)
  const extra = {
    observed: [
      `modelLifecycle.status = LEGACY`,
      ...(legacySince ? [`legacy since ${legacySince}`] : []),
      ...(extended ? [`public extended access (higher prices) from ${extended}`] : []),
      ...(endOfLife ? [`end of life ${endOfLife}`] : []),
      ...(earliest
        ? [
            `end of life not announced; no sooner than ${dateOnly(earliest)} (${shortPolicy ? 'a 45-day Legacy period, the shortest the 2026-09-07 policy allows' : 'at least 6 months in Legacy'})`
          ]
        : [])
    ],
    fixContext: { modelId: model }
  }
  const setNew = setModelTo(ctx, { placeholder: 'active-model-id' })
  if (endOfLife && life.endOfLifeTime && life.endOfLifeTime.getTime() <= Date.now()) {
    ctx.report('endOfLife', { model, endOfLife }, extra)
  } else if (endOfLife && life.endOfLifeTime) {
    const days = plural(daysUntil(life.endOfLifeTime))
    if (inExtended && extended) {
      ctx.report('legacyExtendedAccess', { model, endOfLife, days, extended, setNew }, extra)
    } else {
      ctx.report('legacy', { model, endOfLife, days, setNew }, extra)
    }
  } else {
    ctx.report('legacyUndated', { model, setNew }, extra)
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
