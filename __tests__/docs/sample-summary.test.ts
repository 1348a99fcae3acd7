/**
 * The job summaries the README shows are real: each is the GITHUB_STEP_SUMMARY of a run of the
 * bundled action against the local fake AWS, committed under docs/. This test fails when the
 * product's summary changes and the committed sample does not; `npm run docs:samples` rewrites
 * them (BP_UPDATE_SAMPLES=1) and `npm run docs` folds them into the README.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { startFakeAws, type FakeAws } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV, STS_ERRORS } from '../harness/scenarios.js'
import { bedrockHandlers, SEED_POLICY, SONNET_46 } from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'
import { serviceQuotasHandlers } from '../harness/fake-service-quotas.js'

const UPDATE = process.env.BP_UPDATE_SAMPLES === '1'

let fake: FakeAws
beforeAll(async () => {
  // A healthy account's quotas, as every end-to-end test has (useFakeAws).
  fake = await startFakeAws({ handlers: serviceQuotasHandlers() })
})
afterAll(async () => fake.close())

/** What differs between two runs of the same scenario: only the elapsed time. */
function stable(summary: string): string {
  return summary.replace(/ · \d+(\.\d+)? s\n/, ' · 1.2 s\n')
}

function expectSample(path: string, run: ActionRun): void {
  expect(run.blocked).toEqual([])
  expect(leakedSecrets(run)).toEqual([])
  const sample = stable(run.summary)
  if (UPDATE || !existsSync(path)) writeFileSync(path, sample)
  const committed = readFileSync(path, 'utf8')
  if (committed !== sample) {
    const was = committed.split('\n')
    const now = sample.split('\n')
    const line = now.findIndex((l, i) => l !== was[i])
    throw new Error(
      `${path} no longer matches the summary the action writes (line ${line + 1}: ${JSON.stringify(was[line])} is now ${JSON.stringify(now[line])}). Run \`npm run docs:samples\` and commit the result.`
    )
  }
}

describe('the job summaries shown in the README come from real runs', () => {
  it('docs/sample-summary.md: an expired CI session, explained with its fix', async () => {
    fake.handle({ 'sts:GetCallerIdentity': STS_ERRORS.expired })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
      // Named, so the sample shows the expired session alone (with none, the preflight would first
      // read which Claude Sonnet is newest, and that read fails with the same expired session).
      inputs: { 'model-id': `us.${SONNET_46}` }
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('The security token included in the request is expired')
    expectSample('docs/sample-summary.md', run)
  })

  it('docs/sample-summary-model.md: the seed us. profile called from eu-west-1', async () => {
    fake.handle({
      'sts:GetCallerIdentity': callerIdentity(),
      ...bedrockHandlers(),
      'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
    })
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'eu-west-1', 'model-id': `us.${SONNET_46}` }
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain(`model-id: eu.${SONNET_46}`)
    expectSample('docs/sample-summary-model.md', run)
  })
})
