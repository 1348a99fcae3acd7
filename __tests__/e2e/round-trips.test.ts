import { useFakeAws, type Handler, type Handlers } from '../harness/fake-aws.js'
import { runAction } from '../harness/run-action.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { healthyAccount, TARGET_ROLE_ARN } from '../harness/e2e-world.js'

/** When each request arrived at the fake and when its answer left, on one clock. */
interface Seen {
  operation: string
  arrived: number
  answered: number
}

// Long enough that loading the Bedrock and IAM code in the child (tens of milliseconds, more on a
// busy CI machine) ends well before STS answers: the test asserts order, never a duration.
const LATENCY_MS = 400

const seen: Seen[] = []

function delayed(key: string, inner: Handler | NonNullable<Handlers[string]>): Handler {
  return async (req) => {
    const arrived = performance.now()
    await new Promise((r) => setTimeout(r, LATENCY_MS))
    const reply = typeof inner === 'function' ? await inner(req) : inner
    seen.push({ operation: key, arrived, answered: performance.now() })
    return reply
  }
}

const fake = useFakeAws(() =>
  Object.fromEntries(
    Object.entries(healthyAccount()).flatMap(([key, inner]) =>
      inner ? [[key, delayed(key, inner)]] : []
    )
  )
)

describe('the call graph of the bundled action', () => {
  it('is two round trips deep: Bedrock reads and AssumeRole travel with GetCallerIdentity, IAM follows it', async () => {
    seen.splice(0)
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'us-east-1', 'assume-role-arn': TARGET_ROLE_ARN }
    })
    expect(run.outputs.result).toBe('pass')
    const identity = seen.find((s) => s.operation === 'sts:GetCallerIdentity')
    expect(identity).toBeDefined()
    const firstRound = seen.filter((s) => /^(bedrock:|sts:AssumeRole$)/.test(s.operation))
    const secondRound = seen.filter((s) => s.operation.startsWith('iam:'))
    expect(firstRound.map((s) => s.operation)).toEqual(
      expect.arrayContaining([
        'sts:AssumeRole',
        'bedrock:GetInferenceProfile',
        'bedrock:GetFoundationModel',
        'bedrock:GetFoundationModelAvailability'
      ])
    )
    // Everything of the first round arrived while GetCallerIdentity was still unanswered...
    for (const s of firstRound) expect(s.arrived).toBeLessThan(identity!.answered)
    // ...and IAM, which needs the caller's ARN, came after it, all at once.
    expect(secondRound.length).toBeGreaterThan(0)
    for (const s of secondRound) expect(s.arrived).toBeGreaterThanOrEqual(identity!.answered)
    const lastFirst = Math.max(...firstRound.map((s) => s.answered))
    for (const s of secondRound) expect(s.arrived).toBeLessThan(lastFirst + LATENCY_MS)
  })
})
