/**
 * A global team's matrix against an AWS that throttles: six regions and three models through
 * `global.` profiles, every API limited to 10 requests a second per region (a token bucket per
 * operation and region, answering `Throttling` / `ThrottlingException` as AWS does). The run paces
 * and resends within timeout-seconds, so every check ends verified; speed is `npm run bench`'s
 * business (`--matrix 6x3 --rate 10`), not this test's.
 */
import { useFakeAws } from '../harness/fake-aws.js'
import { TARGET_ROLE_ARN } from '../harness/e2e-world.js'
import { matrixAccount, MATRIX_MODELS, MATRIX_REGIONS } from '../harness/matrix.js'
import { runAction } from '../harness/run-action.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { quotaWorld, serviceQuotasHandlers } from '../harness/fake-service-quotas.js'
import { QUOTA_HINTS } from '../../src/data/quota-hints.js'

const fake = useFakeAws(matrixAccount)

function matrixRun(extraInputs: Record<string, string> = {}) {
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    inputs: {
      'aws-region': MATRIX_REGIONS.join(','),
      'model-id': MATRIX_MODELS.join(','),
      'timeout-seconds': '60',
      ...extraInputs
    },
    timeoutMs: 90_000
  })
}

describe('a 6×3 matrix against an AWS that throttles at 10 requests a second', () => {
  it('ends with every check verified, and says nothing of quotas', async () => {
    fake.throttle({ rate: 10 })
    const run = await matrixRun()
    expect(run.report).toBeDefined()
    const unverified = run.report!.findings.filter((f) => f.status === 'unverified')
    expect(unverified.map((f) => `${f.checkId} ${f.subject ?? ''}: ${f.title}`)).toEqual([])
    // The fake did throttle: the pacing was needed, not idle.
    expect(fake.throttled).toBeGreaterThan(0)
    expect(run.stderr).not.toMatch(/MaxListenersExceededWarning|Warning:/)
    expect(run.summary).not.toMatch(/Service Quotas/)
  }, 120_000)

  it('sends no read whose answer it already has', async () => {
    const run = await matrixRun()
    expect(run.report?.result).not.toBe('fail')
    const count = (op: string) => fake.requests.filter((r) => r.operation === op).length
    // The Anthropic use-case form is the account's, not the model's: once per region at most.
    expect(count('GetUseCaseForModelAccess')).toBeLessThanOrEqual(MATRIX_REGIONS.length)
    // Identical simulations are sent once: no two SimulatePrincipalPolicy bodies are the same.
    const simulations = fake.requests
      .filter((r) => r.operation === 'SimulatePrincipalPolicy')
      .map((r) => JSON.stringify(r.params))
    expect(new Set(simulations).size).toBe(simulations.length)
  }, 120_000)

  it('prints no listener warning with several roles to assume', async () => {
    const roles = [1, 2, 3, 4, 5, 6].map((i) => `${TARGET_ROLE_ARN}-${i}`)
    const run = await matrixRun({ 'assume-role-arn': roles.join(',') })
    expect(run.report).toBeDefined()
    expect(run.stderr).not.toMatch(/MaxListenersExceededWarning/)
  }, 120_000)
})

describe('a throttled matrix whose bundled quota codes AWS has all retired', () => {
  it('verifies every quota: a throttle is never the real error when a retry got an answer', async () => {
    // Every bundled code answers NoSuchResourceException (retired): the quotas are found by name
    // in each region's listing. The first attempt of a read may be throttled; its retry's
    // definitive answer, not the 429, is what the read ended with.
    const retired = quotaWorld().map((q) =>
      Object.values(QUOTA_HINTS).some(
        (h) => h.tpd === q.code || Object.values(h.tpm).includes(q.code)
      )
        ? { ...q, code: `${q.code.slice(0, -1)}Z` }
        : q
    )
    fake.handle(serviceQuotasHandlers(retired))
    fake.throttle({ rate: 10 })
    const run = await matrixRun({ 'timeout-seconds': '30' })
    const quota = run.report!.findings.filter((f) => f.checkId === 'quota')
    expect(quota).toHaveLength(MATRIX_REGIONS.length * MATRIX_MODELS.length)
    expect(quota.filter((f) => f.status !== 'pass').map((f) => `${f.subject}: ${f.title}`)).toEqual(
      []
    )
    expect(fake.throttled).toBeGreaterThan(0)
  }, 120_000)
})
