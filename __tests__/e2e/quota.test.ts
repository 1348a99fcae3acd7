import { useFakeAws, json11, type FakeRequest, type Handler } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  HAIKU_45,
  OPUS_47,
  SONNET_45,
  SONNET_46,
  SONNET_5,
  worldWithNewerModels
} from '../harness/fake-bedrock.js'
import {
  ACCOUNT_DAILY_CODE,
  quotaWorld,
  serviceQuotasHandlers,
  type FakeQuota
} from '../harness/fake-service-quotas.js'

const fake = useFakeAws(healthyAccount)

async function preflight(inputs: Record<string, string>): Promise<ActionRun> {
  const run = await runAction({ endpoints: fake.env, env: OIDC_SESSION_ENV, inputs })
  expect(leakedSecrets(run)).toEqual([])
  return run
}
const quotaFindings = (run: ActionRun) =>
  run.report?.findings.filter((f) => f.checkId === 'quota') ?? []
/** A world where the quotas whose name matches `pattern` have this applied value. */
const withValue = (pattern: RegExp, value: number): FakeQuota[] =>
  quotaWorld().map((q) => (pattern.test(q.name) ? { ...q, value } : q))
const sqCalls = (operation: string) =>
  fake.requests.filter((r) => r.service === 'servicequotas' && r.operation === operation)

describe('the quota check through the bundled action', () => {
  it('passes a healthy account from the bundled codes, without listing every quota', async () => {
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'pass', messageId: 'within' })
    expect(f?.title).toContain('200,000 tokens per minute')
    expect(sqCalls('ListServiceQuotas')).toHaveLength(0)
  })

  it('fails a daily quota of 0 on a us. profile, with the AWS Support route (not adjustable)', async () => {
    fake.handle(serviceQuotasHandlers(withValue(/tokens per day for .*Sonnet 4\.5/, 0)))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'fail', messageId: 'zeroNotAdjustable' })
    expect(run.outputs.result).toBe('fail')
    expect(run.summary).toContain(
      'Model invocation max tokens per day for Anthropic Claude Sonnet 4.5 V1'
    )
    expect(run.exitCode).not.toBe(0)
  })

  it('fails cross-Region tokens per minute of 0 with a us. profile, naming the code to raise', async () => {
    fake.handle(
      serviceQuotasHandlers(
        withValue(/^Cross-Region InvokeModel tokens per minute for Anthropic Claude Sonnet 4\.5/, 0)
      )
    )
    const run = await preflight({ 'aws-region': 'us-west-2', 'model-id': `us.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'fail', messageId: 'zero' })
    expect(f?.fix).toContain('--quota-code L-F4DDD3EB')
    expect(f?.fix).toContain('--region us-west-2')
  })

  it('passes a profile whose on-demand quota is 0: that is not the path it takes', async () => {
    fake.handle(serviceQuotasHandlers(withValue(/^On-demand .*Sonnet 4\.5/, 0)))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    expect(quotaFindings(run).map((f) => f.status)).toEqual(['pass'])
  })

  it('checks a global. profile against the global cross-Region quotas', async () => {
    const run = await preflight({ 'aws-region': 'eu-west-1', 'model-id': `global.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f?.status).toBe('pass')
    expect(f?.title).toContain('Global cross-Region quotas')
    expect(f?.title).toContain('500,000 tokens per minute')
  })

  it('could not verify, naming servicequotas:GetServiceQuota, when the reads are denied', async () => {
    const denied = json11.error(
      'AccessDeniedException',
      'User: arn:aws:sts::111122223333:assumed-role/github-actions-bedrock/GitHubActions is not authorized to perform: servicequotas:GetServiceQuota'
    )
    fake.handle({
      'servicequotas:GetServiceQuota': denied,
      'servicequotas:GetAWSDefaultServiceQuota': denied,
      'servicequotas:ListServiceQuotas': denied
    })
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'unverified', catalogId: 'preflight-read-denied' })
    expect(f?.fix).toContain('servicequotas:GetServiceQuota')
    expect(run.outputs.result).toBe('warn')
  })

  it('could not verify when no quota of the region names the model (never a pass)', async () => {
    fake.handle(serviceQuotasHandlers(quotaWorld([SONNET_45])))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${HAIKU_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'unverified', messageId: 'noMatch' })
    // It looked: every page of the listing was read.
    expect(sqCalls('ListServiceQuotas').length).toBeGreaterThan(1)
  })

  it('finds the account-wide daily cap of 0 through the listing when a code is unknown', async () => {
    const world = quotaWorld().map((q) =>
      q.code === ACCOUNT_DAILY_CODE
        ? { ...q, code: 'L-0000ACC0', value: 0 }
        : /Sonnet 4\.5/.test(q.name)
          ? { ...q, code: `${q.code.slice(0, -1)}Z` }
          : q
    )
    fake.handle(serviceQuotasHandlers(world))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    expect(quotaFindings(run).map((f) => f.messageId)).toEqual(['accountDailyZero'])
  })

  it("fails an account-wide daily cap of 0 even when the model's own quotas are found by their codes", async () => {
    fake.handle(serviceQuotasHandlers(withValue(/^Cross-Model Max Tokens Per Day$/, 0)))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    const findings = quotaFindings(run)
    expect(findings.map((f) => [f.status, f.messageId])).toEqual([['fail', 'accountDailyZero']])
    expect(findings[0]?.fix).toContain(ACCOUNT_DAILY_CODE)
    expect(run.outputs.result).toBe('fail')
  })

  it('never passes while the account-wide daily quota is nowhere to be read', async () => {
    fake.handle(
      serviceQuotasHandlers(quotaWorld().filter((q) => q.name !== 'Cross-Model Max Tokens Per Day'))
    )
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'unverified', messageId: 'noMatch' })
    expect(f?.title).toContain('Cross-Model Max Tokens Per Day')
    expect(sqCalls('ListServiceQuotas').length).toBeGreaterThan(1)
  })

  it('checks every region × model, each on its own path', async () => {
    fake.handle(
      serviceQuotasHandlers((region) =>
        region === 'us-west-2' ? withValue(/Haiku 4\.5/, 0) : quotaWorld()
      )
    )
    const run = await preflight({
      'aws-region': 'us-east-1,us-west-2',
      'model-id': `us.${SONNET_45},us.${HAIKU_45}`
    })
    const byStatus = quotaFindings(run).map((f) => [f.subject, f.status])
    expect(byStatus).toEqual([
      [`us-east-1 · us.${SONNET_45}`, 'pass'],
      [`us-east-1 · us.${HAIKU_45}`, 'pass'],
      [`us-west-2 · us.${SONNET_45}`, 'pass'],
      // Tokens per minute and per day: each quota of 0 is its own finding.
      [`us-west-2 · us.${HAIKU_45}`, 'fail'],
      [`us-west-2 · us.${HAIKU_45}`, 'fail']
    ])
  })
})

describe('quotas as AWS lists them today (token quotas only, 1M-context quotas apart)', () => {
  /** The bundled codes of a model retired: AWS answers NoSuchResourceException for each. */
  const retireCodes = (world: FakeQuota[], pattern: RegExp) =>
    world.map((q) => (pattern.test(q.name) ? { ...q, code: `${q.code.slice(0, -1)}Z` } : q))

  it('passes a listing with token quotas only, for the models people call today, from the bundled codes', async () => {
    const run = await preflight({
      'aws-region': 'us-east-1',
      'model-id': `us.${SONNET_46},global.${SONNET_46}`
    })
    expect(quotaFindings(run).map((f) => [f.status, f.messageId])).toEqual([
      ['pass', 'within'],
      ['pass', 'within']
    ])
    // Sonnet 4.6's codes are bundled: no page of the region's listing is read.
    expect(sqCalls('ListServiceQuotas')).toHaveLength(0)
  })

  it('passes a model whose per-day code is not bundled, through the listing, with no RPM quota anywhere', async () => {
    // Served in us-east-1: a profile the region cannot call would skip the quota under that cause.
    fake.handle(bedrockHandlers(worldWithNewerModels()))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${OPUS_47}` })
    expect(quotaFindings(run).map((f) => f.messageId)).toEqual(['within'])
  })

  it('does not fail a stale requests-per-minute row at 0: AWS no longer enforces it', async () => {
    fake.handle(serviceQuotasHandlers(quotaWorld(undefined, 100, { staleRpm: 0 })))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    expect(quotaFindings(run).map((f) => [f.status, f.messageId])).toEqual([['pass', 'within']])
    expect(run.summary).not.toMatch(/requests per minute/)
  })

  it('a 1M-context quota at 0 does not touch a standard call, even listed first', async () => {
    const world = retireCodes(quotaWorld(undefined, 100, { longContext: 0 }), /Sonnet 4\.5/)
    const oneM = world.filter((q) => /1M Context Length/.test(q.name))
    fake.handle(serviceQuotasHandlers([...oneM, ...world.filter((q) => !oneM.includes(q))]))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'pass', messageId: 'within' })
    expect(f?.observed?.join('\n')).not.toContain('1M Context Length')
    expect(sqCalls('ListServiceQuotas').length).toBeGreaterThan(0)
  })

  it("ends on the retry's definitive answer, not the throttle before it: a retired bundled code is looked up by name", async () => {
    // Every read of a bundled code is throttled once (Service Quotas' ThrottlingException, 400),
    // then answers NoSuchResourceException: the code is retired. Only that answer says so.
    const world = retireCodes(quotaWorld(), /Sonnet 4\.5/)
    const handlers = serviceQuotasHandlers(world)
    const seen = new Set<string>()
    const onceThrottled =
      (operation: string): Handler =>
      (req: FakeRequest) => {
        const key = `${operation} ${JSON.stringify(req.json)}`
        if (seen.has(key)) return (handlers[operation] as Handler)(req)
        seen.add(key)
        return json11.error('ThrottlingException', 'Rate exceeded')
      }
    fake.handle({
      ...handlers,
      'servicequotas:GetServiceQuota': onceThrottled('servicequotas:GetServiceQuota'),
      'servicequotas:GetAWSDefaultServiceQuota': onceThrottled(
        'servicequotas:GetAWSDefaultServiceQuota'
      )
    })
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'pass', messageId: 'within' })
    expect(sqCalls('ListServiceQuotas').length).toBeGreaterThan(0)
  })

  it('prints a quota request the AWS CLI accepts: a plain number above the default', async () => {
    fake.handle(
      serviceQuotasHandlers(
        withValue(/^Cross-Region InvokeModel tokens per minute for .*Sonnet 4\.5/, 0)
      )
    )
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_45}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'fail', messageId: 'zero' })
    // awscli parses --desired-value as a float: "64,000" is "invalid float value".
    const desired = /--desired-value (\S+)/.exec(f?.fix ?? '')?.[1]
    expect(desired).toMatch(/^\d+$/)
    // AWS: "You must provide a quota value greater than the default quota value of 200000.0".
    expect(Number(desired)).toBeGreaterThan(200_000)
  })

  it('warns a per-minute quota that fits 64K but not the 128K a newest model may reserve', async () => {
    fake.handle(
      serviceQuotasHandlers(
        withValue(/^Cross-Region InvokeModel tokens per minute for .*Sonnet 5$/, 100_000)
      )
    )
    fake.handle(bedrockHandlers(worldWithNewerModels()))
    const run = await preflight({ 'aws-region': 'us-east-1', 'model-id': `us.${SONNET_5}` })
    const [f] = quotaFindings(run)
    expect(f).toMatchObject({ status: 'warn', messageId: 'belowOneCall' })
    expect(f?.title).toContain('128,000')
    // At least what one call reserves, and above the default (200,000), or AWS refuses it.
    expect(/--desired-value (\S+)/.exec(f?.fix ?? '')?.[1]).toBe('300000')
  })
})
