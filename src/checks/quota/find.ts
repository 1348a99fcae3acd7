import type { ServiceQuota } from '@aws-sdk/client-service-quotas'
import type { ReadContext } from '../../engine/check.js'
import type { ObservedError } from '../../engine/types.js'
import {
  ACCOUNT_DAILY_CODE,
  hintedCode,
  type EnforcedMetric,
  type QuotaMetric,
  type QuotaPath
} from '../../data/quota-hints.js'
import { modelKeyOfId, quotaMeaning, type QuotaMeaning } from '../shared/quota-names.js'
import { listQuotas, readQuota, type QuotaValue } from '../shared/quota-reads.js'

/**
 * What bedrock-runtime enforces: tokens per minute and per day. No requests-per-minute quota: AWS
 * removed them in 2026 (AWS UG `quotas-runtime`); a stale RPM row, even at 0, limits nothing.
 */
export const METRICS: readonly EnforcedMetric[] = ['tpm', 'tpd']

export interface FoundQuotas {
  byMetric: Partial<Record<EnforcedMetric, QuotaValue>>
  /** `Cross-Model Max Tokens Per Day`: by its bundled code, else by name in the region's listing. */
  accountDaily?: QuotaValue
  /** Whether the listing was read (the hints did not find everything). */
  listed: boolean
  /** The first read that failed, when one did. */
  error?: ObservedError
}

/**
 * How well a quota of this name, read by `meaning` (the standard quotas' or the 1M-context ones'),
 * limits `metric` of `model` on `path`: 2 for its own path, 1 for a per-day quota of every path,
 * 0 for none.
 */
export function limitsBy(meaning: (name: string) => QuotaMeaning | undefined) {
  return (name: string, model: string, path: QuotaPath, metric: QuotaMetric): number => {
    const m = meaning(name)
    if (m?.kind !== 'model' || m.model !== model || m.metric !== metric) return 0
    // The per-day quota is the model's on every path (doubled for cross-Region calls); a global
    // one of its own, where the region lists it, is the better match.
    if (m.path === path) return 2
    return metric === 'tpd' && m.path === 'any' ? 1 : 0
  }
}

const limits = limitsBy(quotaMeaning)

/**
 * The quotas a call of `baseModelId` draws on when it takes `path`: first by the bundled codes
 * (read together, verified by the name AWS returns), then, for what those did not find, by name in
 * the region's listing (several round trips: 100 quotas a page).
 */
export async function findQuotas(
  ctx: ReadContext,
  region: string,
  baseModelId: string,
  path: QuotaPath
): Promise<FoundQuotas> {
  const model = modelKeyOfId(baseModelId)
  const found: FoundQuotas = { byMetric: {}, listed: false }
  if (!model) return found
  // A retired or wrong code is not the account's problem: the listing finds the quota.
  const byCode = async (code: string): Promise<QuotaValue | undefined> => {
    const r = await readQuota(ctx, region, code)
    if (r.ok) return r.value
    if (r.error.code !== 'NoSuchResourceException') found.error ??= r.error
    return undefined
  }
  await Promise.all([
    ...METRICS.map(async (metric) => {
      const code = hintedCode(baseModelId, path, metric)
      const v = code ? await byCode(code) : undefined
      if (v && limits(v.name, model, path, metric) > 0) found.byMetric[metric] = v
    }),
    // The account-wide daily quota caps every model: a model's own quotas never stand for it.
    (async () => {
      const v = await byCode(ACCOUNT_DAILY_CODE)
      if (v && quotaMeaning(v.name)?.kind === 'account-daily') found.accountDaily = v
    })()
  ])
  if (found.error) return found
  const missing = METRICS.filter((m) => !found.byMetric[m])
  if (missing.length === 0 && found.accountDaily) return found
  const listed = await listQuotas(ctx, region)
  found.listed = true
  if (!listed.ok) {
    found.error = listed.error
    return found
  }
  const best = (metric: EnforcedMetric): ServiceQuota | undefined =>
    listed.value
      .map((q) => ({ q, score: limits(q.QuotaName ?? '', model, path, metric) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)[0]?.q
  const account = listed.value.find(
    (q) => quotaMeaning(q.QuotaName ?? '')?.kind === 'account-daily'
  )
  // The listing gives applied values; each match is read again for AWS's default beside it, and
  // a read that fails then is said (never covered by the listed value).
  const valued = async (q: ServiceQuota): Promise<QuotaValue | undefined> => {
    const r = await readQuota(ctx, region, q.QuotaCode ?? '')
    if (r.ok) return r.value
    if (r.error.code !== 'NoSuchResourceException') found.error ??= r.error
    // A listed quota without a value says nothing: never read it as 0.
    if (q.Value === undefined) return undefined
    return {
      code: q.QuotaCode ?? '',
      name: q.QuotaName ?? '',
      value: q.Value,
      ...(q.Adjustable !== undefined ? { adjustable: q.Adjustable } : {})
    }
  }
  await Promise.all([
    ...missing.map(async (metric) => {
      const q = best(metric)
      const v = q?.QuotaCode ? await valued(q) : undefined
      if (v) found.byMetric[metric] = v
    }),
    (async () => {
      if (found.accountDaily) return
      const v = account?.QuotaCode ? await valued(account) : undefined
      if (v) found.accountDaily = v
    })()
  ])
  return found
}
