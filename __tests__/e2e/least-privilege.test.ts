/**
 * The preflight only reads. Every scenario's AWS calls are recorded by the fake and checked: reads
 * (Get*, List*, Simulate*), sts:GetCallerIdentity, the role assumptions whose credentials are
 * discarded, and bedrock-runtime InvokeModelWithResponseStream only when invoke-probe asks for it. The published
 * policy (docs/preflight-policy.json) must allow every recorded action and nothing that writes.
 */
import { readFileSync } from 'node:fs'
import { startFakeAws, type FakeAws, type FakeRequest } from '../harness/fake-aws.js'
import { runAction } from '../harness/run-action.js'
import { healthyAccount, SCENARIOS, startTokenEndpoint } from '../harness/e2e-world.js'
import { iamActionOf, UNGOVERNED } from '../harness/fake-authorizer.js'

let fake: FakeAws
let token: Awaited<ReturnType<typeof startTokenEndpoint>>
beforeAll(async () => {
  fake = await startFakeAws()
  token = await startTokenEndpoint()
})
afterAll(async () => {
  await fake.close()
  await token.close()
})

const READ = /^(Get|List|Simulate)[A-Z]/
// sts:TagSession is not a call: it lets the discarded AssumeRole carry session tags.
const DISCARDED_ASSUMPTIONS = new Set([
  'sts:AssumeRole',
  'sts:TagSession',
  'sts:AssumeRoleWithWebIdentity'
])
const callName = (r: FakeRequest) => `${r.service}:${r.operation}`

/** Every call every scenario made, by scenario; filled by the first test. */
const recorded = new Map<string, Set<string>>()

describe('least privilege: the preflight reads, and never writes', () => {
  it.each(SCENARIOS)('$name: makes read-only calls', async (scenario) => {
    fake.requests.splice(0)
    fake.handle({ ...healthyAccount(), ...(scenario.handlers ?? {}) })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...scenario.env, ...(scenario.oidc ? token.env : {}) },
      ...(scenario.inputs ? { inputs: scenario.inputs } : {}),
      ...(scenario.files ? { files: scenario.files } : {})
    })
    expect(run.exitCode === 0 || run.exitCode === 1).toBe(true)
    const calls = new Set(fake.requests.map(callName))
    recorded.set(scenario.name, calls)
    const probe = scenario.inputs?.['invoke-probe'] === 'true'
    const writes = [...calls].filter((call) => {
      const op = call.slice(call.indexOf(':') + 1)
      if (READ.test(op) || DISCARDED_ASSUMPTIONS.has(call)) return false
      if (call === 'bedrock-runtime:InvokeModelWithResponseStream') return !probe
      return true
    })
    expect(writes).toEqual([])
    // The probe is one call with max_tokens 1, never more.
    const probes = fake.requests.filter(
      (r) => callName(r) === 'bedrock-runtime:InvokeModelWithResponseStream'
    )
    expect(probes.length).toBeLessThanOrEqual(
      probe ? (scenario.inputs?.['model-id']?.split(',').length ?? 1) : 0
    )
    for (const c of probes) expect((c.json as { max_tokens?: number })?.max_tokens).toBe(1)
  })

  it('exercises the calls the preflight exists for (the recording is not empty)', () => {
    const all = new Set([...recorded.values()].flatMap((s) => [...s]))
    expect(all.has('sts:GetCallerIdentity')).toBe(true)
  })

  describe('docs/preflight-policy.json', () => {
    type Statement = {
      Effect: string
      Action: string | string[]
      NotAction?: unknown
      Resource: unknown
    }
    const policy = JSON.parse(readFileSync('docs/preflight-policy.json', 'utf8')) as {
      Version: string
      Statement: Statement[]
    }
    const allowed = policy.Statement.flatMap((s) =>
      Array.isArray(s.Action) ? s.Action : [s.Action]
    )
    const matches = (pattern: string, action: string) =>
      new RegExp(
        `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`,
        'i'
      ).test(action)

    it('is a valid IAM policy that only allows, by explicit action names', () => {
      expect(policy.Version).toBe('2012-10-17')
      for (const s of policy.Statement) {
        expect(s.Effect).toBe('Allow')
        expect(s.NotAction).toBeUndefined()
      }
      // No wildcards in actions: a wildcard would grant writes added to the service later.
      expect(allowed.filter((a) => a.includes('*'))).toEqual([])
    })

    it('allows nothing that writes', () => {
      const writes = allowed.filter((action) => {
        const op = action.slice(action.indexOf(':') + 1)
        return (
          !READ.test(op) &&
          !DISCARDED_ASSUMPTIONS.has(action) &&
          // the two probes' one call each, opt-in
          action !== 'bedrock:InvokeModelWithResponseStream' &&
          action !== 'bedrock-mantle:CreateInference'
        )
      })
      expect(writes).toEqual([])
    })

    it('allows every call the scenarios recorded', () => {
      const needed = new Set(
        [...recorded.values()]
          .flatMap((s) => [...s])
          .filter((c) => !UNGOVERNED.has(c))
          .map(iamActionOf)
      )
      const missing = [...needed].filter((action) => !allowed.some((p) => matches(p, action)))
      expect(missing).toEqual([])
    })
  })
})
