/**
 * Service Quotas as the fake AWS serves it (awsJson1_1, service code `bedrock`): GetServiceQuota,
 * GetAWSDefaultServiceQuota and ListServiceQuotas with its pagination, answering as the official
 * model defines (a `Quota` or `Quotas` of ServiceQuota shapes, `NoSuchResourceException` for a
 * code the region does not have). Quota names follow the console's ("Cross-region model inference
 * tokens per minute for Anthropic Claude Sonnet 4.5 V1"); codes of the models the preflight bundles
 * hints for are those hints, others are made up here, as a real region's unknown models would be.
 */
import { createHash } from 'node:crypto'
import { FAKE } from './run-action.js'
import { json11, type FakeReply, type Handlers } from './fake-aws.js'
import {
  HAIKU_45,
  OPUS_45,
  OPUS_47,
  SONNET_37,
  SONNET_4,
  SONNET_45,
  SONNET_46,
  SONNET_5
} from './fake-bedrock.js'
import {
  ACCOUNT_DAILY_CODE,
  LONG_CONTEXT_QUOTAS_FACT,
  QUOTA_HINTS,
  type QuotaPath
} from '../../src/data/quota-hints.js'

export interface FakeQuota {
  code: string
  name: string
  value: number
  defaultValue: number
  adjustable: boolean
}

/** The display names quota names use, per model. */
export const QUOTA_DISPLAY: Record<string, string> = {
  [SONNET_45]: 'Anthropic Claude Sonnet 4.5 V1',
  [HAIKU_45]: 'Anthropic Claude Haiku 4.5',
  [SONNET_4]: 'Anthropic Claude Sonnet 4 V1',
  [SONNET_37]: 'Anthropic Claude 3.7 Sonnet V1',
  [OPUS_45]: 'Anthropic Claude Opus 4.5',
  [SONNET_46]: 'Anthropic Claude Sonnet 4.6',
  [SONNET_5]: 'Anthropic Claude Sonnet 5',
  [OPUS_47]: 'Anthropic Claude Opus 4.7'
}

const madeUpCode = (seed: string) =>
  `L-${createHash('sha1').update(seed).digest('hex').slice(0, 8).toUpperCase()}`

export interface ModelQuotaOptions {
  /**
   * A stale requests-per-minute row on each path with this value, as old accounts may still show:
   * AWS removed RPM quotas from bedrock-runtime in 2026 and does not enforce them.
   */
  staleRpm?: number
  /** The 1M-context beta's own quotas (`… V1 1M Context Length`) with this value. */
  longContext?: number
}

/**
 * Every quota a healthy account has for a model today (AWS UG `quotas-runtime`, 2026): tokens per
 * minute on each path and tokens per day; no requests per minute.
 */
export function modelQuotas(
  modelId: string,
  display = QUOTA_DISPLAY[modelId] ?? modelId,
  options: ModelQuotaOptions = {}
): FakeQuota[] {
  const codes = QUOTA_HINTS[modelId]
  const code = (path: QuotaPath, metric: 'tpm' | 'rpm' | 'tpd') =>
    (metric === 'tpd' ? codes?.tpd : metric === 'tpm' ? codes?.tpm[path] : undefined) ??
    madeUpCode(`${modelId}/${path}/${metric}`)
  const q = (c: string, name: string, value: number, adjustable = true): FakeQuota => ({
    code: c,
    name,
    value,
    defaultValue: value,
    adjustable
  })
  const perMinute = (metric: 'tpm' | 'rpm', value: (tokens: number) => number) => {
    const what = metric === 'tpm' ? 'tokens' : 'requests'
    return [
      q(
        code('on-demand', metric),
        `On-demand InvokeModel ${what} per minute for ${display}`,
        value(200_000)
      ),
      q(
        code('cross-region', metric),
        `Cross-Region InvokeModel ${what} per minute for ${display}`,
        value(200_000)
      ),
      q(
        code('global', metric),
        `Global cross-Region model inference ${what} per minute for ${display}`,
        value(500_000)
      )
    ]
  }
  // Named as the standard quota of its path, then `V1 1M Context Length` (reference bedrock.md
  // §00): the bundled codes are hints, the first taken as the geographic path's, the second the
  // global one's; the check trusts the name AWS returns, never the code.
  const [crossCode, globalCode] = LONG_CONTEXT_QUOTAS_FACT.value[modelId] ?? []
  const model1m = `${display.replace(/ V1$/, '')} V1 1M Context Length`
  const longContext = [
    q(
      crossCode ?? madeUpCode(`${modelId}/1m/cross-region`),
      `Cross-Region InvokeModel tokens per minute for ${model1m}`,
      options.longContext ?? 0
    ),
    q(
      globalCode ?? madeUpCode(`${modelId}/1m/global`),
      `Global cross-Region model inference tokens per minute for ${model1m}`,
      options.longContext ?? 0
    )
  ]
  return [
    ...perMinute('tpm', (tokens) => tokens),
    q(
      code('cross-region', 'tpd'),
      `Model invocation max tokens per day for ${display} (doubled for cross-region calls)`,
      144_000_000,
      false
    ),
    ...(options.staleRpm !== undefined ? perMinute('rpm', () => options.staleRpm ?? 0) : []),
    ...(options.longContext !== undefined ? longContext : [])
  ]
}

/** The bundled code: AWS answers it by that code, as a real account's listing shows it. */
export { ACCOUNT_DAILY_CODE }

/**
 * bedrock-mantle's quotas of a model (AWS UG `quotas-mantle`): input and output tokens per minute,
 * not adjustable in the console ("quota increase requests are not currently processed through the
 * Service Quotas console"). AWS lists them for Claude Opus 4.7 only, 20,000,000 and 4,000,000.
 */
export function mantleQuotas(display: string, input: number, output: number): FakeQuota[] {
  return (['input', 'output'] as const).map((direction) => ({
    code: madeUpCode(`mantle/${display}/${direction}`),
    name: `Bedrock Mantle ${direction} tokens per minute for ${display}`,
    value: direction === 'input' ? input : output,
    defaultValue: direction === 'input' ? input : output,
    adjustable: false
  }))
}

/**
 * A region's Bedrock quotas: each model's, the account-wide daily one, and `filler` others (Bedrock
 * has well over a thousand per region), so listing takes as many pages as it would.
 */
export function quotaWorld(
  models: string[] = Object.keys(QUOTA_DISPLAY),
  filler = 100,
  options: ModelQuotaOptions = {}
): FakeQuota[] {
  return [
    ...models.flatMap((m) => modelQuotas(m, undefined, options)),
    ...mantleQuotas('Anthropic Claude Opus 4.7', 20_000_000, 4_000_000),
    {
      code: ACCOUNT_DAILY_CODE,
      name: 'Cross-Model Max Tokens Per Day',
      value: 2_000_000_000,
      defaultValue: 2_000_000_000,
      adjustable: false
    },
    ...Array.from({ length: filler }, (_, i) => ({
      code: madeUpCode(`filler-${i}`),
      name: `Batch inference input file size (in GB) for model family ${i}`,
      value: 1,
      defaultValue: 1,
      adjustable: true
    }))
  ]
}

function shape(q: FakeQuota, region: string, value: number) {
  return {
    ServiceCode: 'bedrock',
    ServiceName: 'Amazon Bedrock',
    QuotaArn: `arn:aws:servicequotas:${region}:${FAKE.account}:bedrock/${q.code}`,
    QuotaCode: q.code,
    QuotaName: q.name,
    Value: value,
    Unit: 'None',
    Adjustable: q.adjustable,
    GlobalQuota: false
  }
}

/** A code this region has no quota for: awsJson1_1's modeled error, as boto3 users see it. */
const noSuchQuota = (): FakeReply => json11.error('NoSuchResourceException', '')

export function serviceQuotasHandlers(
  world: FakeQuota[] | ((region: string) => FakeQuota[]) = quotaWorld()
): Handlers {
  const quotas = (region: string) => (typeof world === 'function' ? world(region) : world)
  const find = (region: string, code: unknown) => quotas(region).find((q) => q.code === code)
  const input = (json: unknown) => (json ?? {}) as Record<string, unknown>
  return {
    'servicequotas:GetServiceQuota': (req) => {
      const q = find(req.region ?? '', input(req.json).QuotaCode)
      return q ? json11.ok({ Quota: shape(q, req.region ?? '', q.value) }) : noSuchQuota()
    },
    'servicequotas:GetAWSDefaultServiceQuota': (req) => {
      const q = find(req.region ?? '', input(req.json).QuotaCode)
      return q ? json11.ok({ Quota: shape(q, req.region ?? '', q.defaultValue) }) : noSuchQuota()
    },
    'servicequotas:ListServiceQuotas': (req) => {
      const args = input(req.json)
      const size = Math.min(100, Number(args.MaxResults ?? 100))
      const from = Number(args.NextToken ?? 0)
      const all = quotas(req.region ?? '')
      const page = all.slice(from, from + size).map((q) => shape(q, req.region ?? '', q.value))
      return json11.ok({
        Quotas: page,
        ...(from + size < all.length ? { NextToken: String(from + size) } : {})
      })
    }
  }
}
