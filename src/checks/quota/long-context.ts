import type { ReadContext } from '../../engine/check.js'
import type { ObservedError } from '../../engine/types.js'
import { LONG_CONTEXT_QUOTAS_FACT, type QuotaPath } from '../../data/quota-hints.js'
import { longContextMeaning, modelKeyOfId } from '../shared/quota-names.js'
import { listQuotas, readQuota, type QuotaValue } from '../shared/quota-reads.js'

export interface FoundLongContext {
  /** The 1M-context tokens-per-minute quota of the model on this path, when one is listed. */
  quota?: QuotaValue
  error?: ObservedError
}

/** Whether a quota of this name is the 1M-context tokens-per-minute quota of `model` on `path`. */
function isFor(name: string, model: string, path: QuotaPath): boolean {
  const m = longContextMeaning(name)
  return m?.kind === 'model' && m.model === model && m.metric === 'tpm' && m.path === path
}

/**
 * The 1M Context Length quota a `[1m]` call of `baseModelId` draws on when it takes `path`
 * (Service Quotas lists it beside the standard one, reference bedrock.md §00): by the bundled
 * codes first, each used only when the name AWS returns says so, then by name in the region's
 * listing (read once a run, shared with the standard quotas' search).
 */
export async function findLongContextQuota(
  ctx: ReadContext,
  region: string,
  baseModelId: string,
  path: QuotaPath
): Promise<FoundLongContext> {
  const model = modelKeyOfId(baseModelId)
  if (!model) return {}
  for (const code of LONG_CONTEXT_QUOTAS_FACT.value[baseModelId] ?? []) {
    const r = await readQuota(ctx, region, code)
    if (r.ok && isFor(r.value.name, model, path)) return { quota: r.value }
    if (!r.ok && r.error.code !== 'NoSuchResourceException') return { error: r.error }
  }
  const listed = await listQuotas(ctx, region)
  if (!listed.ok) return { error: listed.error }
  const q = listed.value.find((x) => isFor(x.QuotaName ?? '', model, path))
  if (!q?.QuotaCode) return {}
  const r = await readQuota(ctx, region, q.QuotaCode)
  if (r.ok) return { quota: r.value }
  if (r.error.code !== 'NoSuchResourceException') return { error: r.error }
  // A listed quota without a value says nothing: never read it as 0.
  return q.Value === undefined
    ? {}
    : { quota: { code: q.QuotaCode, name: q.QuotaName ?? '', value: q.Value } }
}
