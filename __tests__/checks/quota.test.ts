import { mockClient } from 'aws-sdk-client-mock'
import {
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  ListServiceQuotasCommand,
  ServiceQuotasClient,
  type ServiceQuota
} from '@aws-sdk/client-service-quotas'
import { checkById } from '../../src/checks/registry.js'
import {
  longContextMeaning,
  modelKeyOfId,
  modelKeyOfName,
  quotaMeaning
} from '../../src/checks/shared/quota-names.js'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { config, findingsOf, resetMocks, SONNET_45, HAIKU_45 } from './model-unit.js'

const quotas = mockClient(ServiceQuotasClient)
const CHECKS = (
  ['region', 'credentials', 'identity', 'api-key', 'model-id', 'model-resolve', 'quota'] as const
).map(checkById)
const run = (regions: string[], models: string[], overrides = {}) =>
  runPreflight(config(regions, models, overrides), { checks: CHECKS })

const quota = (code: string, name: string, value: number, adjustable = true): ServiceQuota => ({
  ServiceCode: 'bedrock',
  QuotaCode: code,
  QuotaName: name,
  Value: value,
  Adjustable: adjustable
})

/** Answers GetServiceQuota and GetAWSDefaultServiceQuota from one table, the listing too. */
function world(table: ServiceQuota[], defaults: Record<string, number> = {}): void {
  quotas.reset()
  const byCode = (code?: string) => table.find((q) => q.QuotaCode === code)
  const missing = Object.assign(new Error(''), { name: 'NoSuchResourceException' })
  quotas.on(GetServiceQuotaCommand).callsFake((input: { QuotaCode?: string }) => {
    const q = byCode(input.QuotaCode)
    if (!q) throw missing
    return { Quota: q }
  })
  quotas.on(GetAWSDefaultServiceQuotaCommand).callsFake((input: { QuotaCode?: string }) => {
    const q = byCode(input.QuotaCode)
    if (!q) throw missing
    return { Quota: { ...q, Value: defaults[q.QuotaCode ?? ''] ?? q.Value } }
  })
  quotas.on(ListServiceQuotasCommand).resolves({ Quotas: table })
}

const SONNET = 'Anthropic Claude Sonnet 4.5 V1'
const healthy = [
  quota('L-F4DDD3EB', `Cross-region model inference tokens per minute for ${SONNET}`, 200_000),
  quota('L-4A6BFAB1', `Cross-region model inference requests per minute for ${SONNET}`, 200),
  quota(
    'L-381AD9EE',
    `Model invocation max tokens per day for ${SONNET} (doubled for cross-region calls)`,
    144_000_000,
    false
  ),
  quota('L-E3F10727', 'Cross-Model Max Tokens Per Day', 2_000_000_000, false)
]

describe('quota names', () => {
  it.each([
    ['anthropic.claude-sonnet-4-5-20250929-v1:0', 'Anthropic Claude Sonnet 4.5 V1'],
    ['anthropic.claude-3-5-sonnet-20241022-v2:0', 'Anthropic Claude 3.5 Sonnet V2'],
    ['anthropic.claude-3-haiku-20240307-v1:0', 'Anthropic Claude 3 Haiku'],
    ['anthropic.claude-opus-4-1-20250805-v1:0', 'Claude Opus 4.1'],
    ['anthropic.claude-sonnet-4-6', 'Anthropic Claude Sonnet 4.6']
  ])('matches %s to the display name %s', (id, display) => {
    expect(modelKeyOfId(id)).toBeDefined()
    expect(modelKeyOfName(display)).toBe(modelKeyOfId(id))
  })

  it('tells models of one family apart by version and variant', () => {
    expect(modelKeyOfName('Anthropic Claude Sonnet 4 V1')).not.toBe(modelKeyOfId(SONNET_45))
    expect(modelKeyOfName('Anthropic Claude 3.5 Sonnet')).not.toBe(
      modelKeyOfId('anthropic.claude-3-5-sonnet-20241022-v2:0')
    )
  })

  it.each([
    [`On-demand InvokeModel tokens per minute for ${SONNET}`, 'on-demand', 'tpm'],
    [`Cross-Region InvokeModel requests per minute for ${SONNET}`, 'cross-region', 'rpm'],
    [`Global cross-Region model inference tokens per minute for ${SONNET}`, 'global', 'tpm'],
    [
      `Model invocation max tokens per day for ${SONNET} (doubled for cross-region calls)`,
      'any',
      'tpd'
    ]
  ])('reads the path and metric of "%s"', (name, path, metric) => {
    expect(quotaMeaning(name)).toEqual({
      kind: 'model',
      path,
      metric,
      model: modelKeyOfId(SONNET_45)
    })
  })

  it('knows the account-wide daily quota and ignores unrelated ones', () => {
    expect(quotaMeaning('Cross-Model Max Tokens Per Day')).toEqual({ kind: 'account-daily' })
    expect(quotaMeaning('Batch inference job size (in GB)')).toBeUndefined()
  })

  it('reads a 1M Context Length quota as its path and model, apart from the standard quota', () => {
    const name =
      'Global cross-Region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1 1M Context Length'
    expect(quotaMeaning(name)).toBeUndefined()
    expect(longContextMeaning(name)).toEqual({
      kind: 'model',
      metric: 'tpm',
      path: 'global',
      model: 'anthropic|sonnet|4.5|v1'
    })
    expect(
      longContextMeaning(
        'Global cross-Region model inference tokens per minute for Anthropic Claude Sonnet 4.5 V1'
      )
    ).toBeUndefined()
  })
})

describe('quota check', () => {
  beforeEach(() => resetMocks())

  it('passes a us. profile with quota, reading the bundled codes only (no listing)', async () => {
    world(healthy)
    const [f] = findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'quota')
    expect(f).toMatchObject({ status: 'pass', messageId: 'within' })
    expect(f?.title).toContain('200,000 tokens per minute, 144,000,000 tokens per day')
    expect(quotas.commandCalls(ListServiceQuotasCommand)).toHaveLength(0)
  })

  it('shows an applied value below the AWS default', async () => {
    world(healthy, { 'L-F4DDD3EB': 400_000 })
    const [f] = findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'quota')
    expect(f?.observed?.join('\n')).toContain('200,000, below the AWS default 400,000')
  })

  it('fails a daily quota of 0 that is not adjustable, sending the user to AWS Support', async () => {
    world([...healthy.slice(0, 2), { ...healthy[2]!, Value: 0 }])
    const [f] = findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'quota')
    expect(f).toMatchObject({ status: 'fail', messageId: 'zeroNotAdjustable' })
    expect(f?.fix).toContain('AWS Support')
    expect(f?.fix).toContain('L-381AD9EE')
  })

  it('fails a per-minute quota of 0 with the request command for its code', async () => {
    world([{ ...healthy[0]!, Value: 0 }, ...healthy.slice(1)])
    const [f] = findingsOf(await run(['us-west-2'], [`us.${SONNET_45}`]), 'quota')
    expect(f).toMatchObject({ status: 'fail', messageId: 'zero' })
    expect(f?.fix).toContain(
      'aws service-quotas request-service-quota-increase --service-code bedrock --quota-code L-F4DDD3EB'
    )
    expect(f?.fix).toContain('--region us-west-2')
  })

  it('warns when one call with maxTokens unset would not fit the per-minute quota', async () => {
    world([{ ...healthy[0]!, Value: 20_000 }, ...healthy.slice(1)])
    const [f] = findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'quota')
    expect(f).toMatchObject({ status: 'warn', messageId: 'belowOneCall' })
    expect(f?.title).toContain('below the 64,000 tokens one call')
    const [g] = findingsOf(
      await run(['us-east-1'], [`us.${SONNET_45}`], { minTokensPerMinute: 10_000 }),
      'quota'
    )
    expect(g?.status).toBe('pass')
  })

  it('finds the quota by name when a bundled code is wrong, and reads the account-wide cap then', async () => {
    const renamed = healthy
      .filter((q) => q.QuotaName !== 'Cross-Model Max Tokens Per Day')
      .map((q, i) => ({ ...q, QuotaCode: `L-0000000${i}` }))
    world([...renamed, quota('L-ACCOUNT1', 'Cross-Model Max Tokens Per Day', 0, false)])
    const findings = findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'quota')
    expect(findings.map((f) => f.messageId)).toEqual(['accountDailyZero'])
    expect(quotas.commandCalls(ListServiceQuotasCommand)).toHaveLength(1)
  })

  it('could not verify, naming the permission, when the reads are denied', async () => {
    quotas.reset()
    const denied = Object.assign(
      new Error('User: x is not authorized to perform: servicequotas:GetServiceQuota'),
      {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 }
      }
    )
    quotas.onAnyCommand().rejects(denied)
    const [f] = findingsOf(await run(['us-east-1'], [`us.${SONNET_45}`]), 'quota')
    expect(f).toMatchObject({ status: 'unverified', catalogId: 'preflight-read-denied' })
    expect(f?.fix).toContain('servicequotas:GetServiceQuota')
  })

  it('could not verify when no quota names the model on its path', async () => {
    world(healthy)
    const [f] = findingsOf(await run(['us-east-1'], [`global.${HAIKU_45}`]), 'quota')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'noMatch' })
  })
})
