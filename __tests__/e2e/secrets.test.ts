/**
 * No secret ever leaves the process: every scenario runs with distinctive fake secrets (keys,
 * session tokens, a GitHub OIDC token, credentials the fake hands back from AssumeRole) and every
 * text the run produces is searched for them. Whatever the run uses is registered with
 * ::add-mask:: (core.setSecret), so even a log line we did not foresee would be hidden.
 */
import { startFakeAws, type FakeAws } from '../harness/fake-aws.js'
import { FAKE, leakedSecrets, runAction, type ActionRun } from '../harness/run-action.js'
import {
  healthyAccount,
  ISSUED,
  SCENARIOS,
  startTokenEndpoint,
  type E2EScenario
} from '../harness/e2e-world.js'

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

async function run(scenario: E2EScenario): Promise<ActionRun> {
  fake.requests.splice(0)
  fake.handle({ ...healthyAccount(), ...(scenario.handlers ?? {}) })
  return runAction({
    endpoints: fake.env,
    env: { ...scenario.env, ...(scenario.oidc ? token.env : {}) },
    ...(scenario.inputs ? { inputs: scenario.inputs } : {}),
    ...(scenario.files ? { files: scenario.files } : {})
  })
}

/** Secrets the fake issued during the run, which the action then held. */
function issuedDuring(): string[] {
  const ops = new Set(fake.requests.map((r) => r.operation))
  return [
    ...(ops.has('AssumeRole')
      ? [ISSUED.assumedKeyId, ISSUED.assumedSecret, ISSUED.assumedToken]
      : []),
    ...(ops.has('AssumeRoleWithWebIdentity')
      ? [
          ISSUED.oidcToken,
          ISSUED.webIdentityKeyId,
          ISSUED.webIdentitySecret,
          ISSUED.webIdentityToken
        ]
      : [])
  ]
}

describe('secrets never reach a log, the summary, the outputs or the report', () => {
  it.each(SCENARIOS)('$name', async (scenario) => {
    const result = await run(scenario)
    expect(result.exitCode === 0 || result.exitCode === 1).toBe(true)
    expect(result.blocked).toEqual([])
    expect(leakedSecrets(result, [...(scenario.secrets ?? []), ...Object.values(ISSUED)])).toEqual(
      []
    )
    // Nor any fragment long enough to rebuild one (a secret split across a line break, a prefix).
    for (const secret of [FAKE.secretAccessKey, FAKE.sessionToken, ...Object.values(ISSUED)]) {
      expect(result.everything).not.toContain(secret.slice(0, 24))
    }
    const mustMask = [...scenario.mustMask, ...issuedDuring()]
    expect(mustMask.filter((s) => !result.masked.includes(s))).toEqual([])
    // The job's own credentials are masked before the first line of output that is not a mask.
    const lines = result.stdout.split('\n')
    const firstOther = lines.findIndex((l) => l.trim() && !l.startsWith('::add-mask::'))
    for (const secret of scenario.mustMask) {
      const at = lines.indexOf(`::add-mask::${secret}`)
      if (firstOther >= 0) expect(at).toBeLessThan(firstOther)
    }
  })

  it('the harness would notice a leak (the scan is not vacuous)', () => {
    const fakeRun = { everything: `debug: key=${FAKE.secretAccessKey}` }
    expect(leakedSecrets(fakeRun)).toEqual([FAKE.secretAccessKey])
  })
})
