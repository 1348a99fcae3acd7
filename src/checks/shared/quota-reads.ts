import type {
  GetAWSDefaultServiceQuotaCommandOutput,
  GetServiceQuotaCommandOutput,
  ListServiceQuotasCommandOutput,
  ServiceQuota
} from '@aws-sdk/client-service-quotas'
import type { AwsResult } from '../../aws/access.js'
import type { ReadContext } from '../../engine/check.js'

const SERVICE_CODE = 'bedrock'
/** Bedrock has well over a thousand quotas per region; 40 pages of 100 is far beyond that. */
const MAX_PAGES = 40

/** One quota as the check uses it: what AWS calls it, what applies, and AWS's default. */
export interface QuotaValue {
  code: string
  name: string
  value: number
  defaultValue?: number
  adjustable?: boolean
}

const isMissing = (code: string) => code === 'NoSuchResourceException'

/**
 * A quota by code, with its applied and default values (two calls, sent together). GetServiceQuota
 * answers NoSuchResourceException for a quota whose value was never applied to the account (AWS
 * CLI issue #8584): then the default is what applies.
 */
export function readQuota(
  ctx: ReadContext,
  region: string,
  code: string
): Promise<AwsResult<QuotaValue>> {
  return ctx.aws.shared(`ServiceQuota@${region}/${code}`, async () => {
    const { client, sdk } = await ctx.aws.serviceQuotas(region)
    const input = { ServiceCode: SERVICE_CODE, QuotaCode: code }
    const [applied, byDefault] = await Promise.all([
      ctx.aws.send<GetServiceQuotaCommandOutput>(
        client,
        new sdk.GetServiceQuotaCommand(input),
        ctx.signal
      ),
      ctx.aws.send<GetAWSDefaultServiceQuotaCommandOutput>(
        client,
        new sdk.GetAWSDefaultServiceQuotaCommand(input),
        ctx.signal
      )
    ])
    if (!applied.ok && !(isMissing(applied.error.code) && byDefault.ok)) return applied
    // The default is shown beside the applied value; a failed read of it is said, never hidden.
    if (!byDefault.ok && !isMissing(byDefault.error.code)) return byDefault
    const quota = applied.ok ? applied.value.Quota : undefined
    const fallback = byDefault.ok ? byDefault.value.Quota : undefined
    const value = quota?.Value ?? fallback?.Value
    const name = quota?.QuotaName ?? fallback?.QuotaName
    if (value === undefined || !name) {
      return {
        ok: false,
        error: {
          code: 'MalformedResponse',
          message: `GetServiceQuota answered without the value or name of ${code}`,
          operation: 'servicequotas:GetServiceQuota'
        }
      }
    }
    return {
      ok: true,
      value: {
        code,
        name,
        value,
        ...(fallback?.Value !== undefined ? { defaultValue: fallback.Value } : {}),
        ...((quota ?? fallback)?.Adjustable !== undefined
          ? { adjustable: (quota ?? fallback)?.Adjustable }
          : {})
      }
    }
  })
}

/** Every Bedrock quota of the region with its applied value (all pages), once per run. */
export function listQuotas(ctx: ReadContext, region: string): Promise<AwsResult<ServiceQuota[]>> {
  return ctx.aws.shared(`ListServiceQuotas@${region}`, async () => {
    const { client, sdk } = await ctx.aws.serviceQuotas(region)
    const all: ServiceQuota[] = []
    let nextToken: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      const r = await ctx.aws.send<ListServiceQuotasCommandOutput>(
        client,
        new sdk.ListServiceQuotasCommand({
          ServiceCode: SERVICE_CODE,
          MaxResults: 100,
          ...(nextToken ? { NextToken: nextToken } : {})
        }),
        ctx.signal
      )
      if (!r.ok) return r
      all.push(...(r.value.Quotas ?? []))
      nextToken = r.value.NextToken
      if (!nextToken) break
    }
    return { ok: true, value: all }
  })
}
