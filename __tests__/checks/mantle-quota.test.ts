import type { CheckId } from '../../src/checks/registry.js'
import { mockClient } from 'aws-sdk-client-mock'
import {
  ListServiceQuotasCommand,
  ServiceQuotasClient,
  type ServiceQuota
} from '@aws-sdk/client-service-quotas'
import { findingsOf } from './model-unit.js'
import { useMantle } from './mantle-units.js'
import { MANTLE_OPUS, MANTLE_SONNET } from '../harness/fake-mantle.js'
import { mantleQuotaMeaning } from '../../src/checks/mantle-quota/names.js'
import { quotaMeaning } from '../../src/checks/shared/quota-names.js'

const quotas = mockClient(ServiceQuotasClient)
const { run } = useMantle()
const CHECKS: CheckId[] = ['mantle-model', 'mantle-quota']
const listed = (input: number, output: number): ServiceQuota[] => [
  {
    ServiceCode: 'bedrock',
    QuotaCode: 'L-MANTLEIN',
    QuotaName: 'Bedrock Mantle input tokens per minute for Anthropic Claude Opus 4.7',
    Value: input
  },
  {
    ServiceCode: 'bedrock',
    QuotaCode: 'L-MANTLEOUT',
    QuotaName: 'Bedrock Mantle output tokens per minute for Anthropic Claude Opus 4.7',
    Value: output
  },
  {
    ServiceCode: 'bedrock',
    QuotaCode: 'L-RUNTIME',
    QuotaName: 'Cross-region model inference tokens per minute for Anthropic Claude Opus 4.7',
    Value: 0
  }
]

describe('mantle-quota check', () => {
  beforeEach(() => quotas.reset())

  it("passes with mantle's own input and output quotas, not the runtime's", async () => {
    quotas.on(ListServiceQuotasCommand).resolves({ Quotas: listed(20_000_000, 4_000_000) })
    const [f] = findingsOf(await run(CHECKS, [MANTLE_OPUS]), 'mantle-quota')
    expect(f).toMatchObject({ status: 'pass', messageId: 'ok' })
    expect(f?.title).toContain('20,000,000 input and 4,000,000 output tokens per minute')
  })

  it('fails a 0 with AWS Support as the way to raise it, and warns below one call', async () => {
    quotas.on(ListServiceQuotasCommand).resolves({ Quotas: listed(20_000_000, 0) })
    const [f] = findingsOf(await run(CHECKS, [MANTLE_OPUS]), 'mantle-quota')
    expect(f).toMatchObject({ status: 'fail', messageId: 'zero' })
    expect(f?.fix).toContain('AWS Support')
    quotas.on(ListServiceQuotasCommand).resolves({ Quotas: listed(1_000, 4_000_000) })
    const [w] = findingsOf(
      await run(CHECKS, [MANTLE_OPUS], { minTokensPerMinute: 64_000 }),
      'mantle-quota'
    )
    expect(w).toMatchObject({ status: 'warn', messageId: 'belowOneCall' })
  })

  it('never passes on half a pair: one direction listed is could-not-verify', async () => {
    quotas
      .on(ListServiceQuotasCommand)
      .resolves({ Quotas: listed(20_000_000, 4_000_000).slice(0, 1) })
    const [f] = findingsOf(await run(CHECKS, [MANTLE_OPUS]), 'mantle-quota')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'partlyListed' })
    expect(f?.title).toContain('no output tokens per minute')
  })

  it('says could-not-verify for a model AWS lists no mantle quota for, and for a denied read', async () => {
    quotas.on(ListServiceQuotasCommand).resolves({ Quotas: listed(1, 1) })
    const [f] = findingsOf(await run(CHECKS, [MANTLE_SONNET]), 'mantle-quota')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'notListed' })
    quotas.on(ListServiceQuotasCommand).rejects(
      Object.assign(
        new Error('User: x is not authorized to perform: servicequotas:ListServiceQuotas'),
        {
          name: 'AccessDeniedException',
          $metadata: { httpStatusCode: 400 }
        }
      )
    )
    const [d] = findingsOf(await run(CHECKS, [MANTLE_OPUS]), 'mantle-quota')
    expect(d).toMatchObject({ status: 'unverified' })
    expect(d?.fix).toContain('servicequotas:ListServiceQuotas')
  })

  it('reads mantle quota names, and the runtime quota check ignores them', () => {
    expect(
      mantleQuotaMeaning('Bedrock Mantle output tokens per minute for Anthropic Claude Opus 4.7')
    ).toEqual({ direction: 'output', model: 'anthropic|opus|4.7|v1' })
    expect(
      quotaMeaning('Bedrock Mantle input tokens per minute for Anthropic Claude Opus 4.7')
    ).toBeUndefined()
  })
})
