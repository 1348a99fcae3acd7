import type { ReadContext } from '../../engine/check.js'
import type { ObservedError } from '../../engine/types.js'
import {
  LONG_CONTEXT_QUOTAS_FACT,
  type EnforcedMetric,
  type QuotaPath
} from '../../data/quota-hints.js'
import { limitsBy, METRICS } from './find.js'
import { longContextMeaning, modelKeyOfId } from '../shared/quota-names.js'
import { listQuotas, readQuota, type QuotaValue } from '../shared/quota-reads.js'

export interface FoundLongContext {
  /**
   * The 1M-context quotas of the model on this path, by metric, those listed: tokens per minute
   * and per day, as the standard ones. A requests-per-minute row is not among them: AWS no longer
   * enforces RPM on bedrock-runtime, and old accounts still list stale ones, some at 0 (reference
   * bedrock.md §00), as the standard check also leaves them.
   */
  quotas: Partial<Record<EnforcedMetric, QuotaValue>>
  error?: ObservedError
}

/** How well a quota of this name is the 1M-context `metric` quota of `model` on `path`. */
const limits = limitsBy(longContextMeaning)

/**
 * The 1M Context Length quotas a `[1m]` call of `baseModelId` draws on when it takes `path`
 * (Service Quotas lists them beside the standard ones, reference bedrock.md §00): by the bundled
 * codes first, each used only when the name AWS returns says so, then by name in the region's
 * listing (read once a run, shared with the standard quotas' search) for each metric not found.
 */
export async function findLongContextQuotas(
  ctx: ReadContext,
  region: string,
  baseModelId: string,
  path: QuotaPath
): Promise<FoundLongContext> {
  const found: FoundLongContext = { quotas: {} }
  const model = modelKeyOfId(baseModelId)
  if (!model) return found
  for (const code of LONG_CONTEXT_QUOTAS_FACT.value[baseModelId] ?? []) {
    const r = await readQuota(ctx, region, code)
    if (!r.ok && r.error.code !== 'NoSuchResourceException') return { ...found, error: r.error }
    if (!r.ok) continue
    for (const metric of METRICS)
      if (!found.quotas[metric] && limits(r.value.name, model, path, metric) === 2)
        found.quotas[metric] = r.value
  }
  const missing = METRICS.filter((m) => !found.quotas[m])
  if (missing.length === 0) return found
  const listed = await listQuotas(ctx, region)
  if (!listed.ok) return { ...found, error: listed.error }
  for (const metric of missing) {
    const q = listed.value
      .map((x) => ({ x, score: limits(x.QuotaName ?? '', model, path, metric) }))
      .filter((c) => c.score > 0)
      .sort((a, b) => b.score - a.score)[0]?.x
    if (!q?.QuotaCode) continue
    const r = await readQuota(ctx, region, q.QuotaCode)
    if (r.ok) found.quotas[metric] = r.value
    else if (r.error.code !== 'NoSuchResourceException') return { ...found, error: r.error }
    // A listed quota without a value says nothing: never read it as 0.
    else if (q.Value !== undefined)
      found.quotas[metric] = { code: q.QuotaCode, name: q.QuotaName ?? '', value: q.Value }
  }
  return found
}
