import { useFakeAws, rest } from '../harness/fake-aws.js'
import { runAction } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { bedrockHandlers, SEED_POLICY, SONNET_45 } from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'

// GetInferenceProfile answers ResourceNotFoundException (Bedrock's text for a model past its end
// of life, __tests__/fixtures/reference-errors.ts) while ListInferenceProfiles lists the very
// profile in this region: "us.X cannot be called from us-east-1: use us.X" would contradict itself.
const fake = useFakeAws(() => ({
  'sts:GetCallerIdentity': callerIdentity(),
  ...bedrockHandlers(),
  'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
}))

describe('model-resolve when Bedrock answers disagree', () => {
  it('is could-not-verify, never "cannot be called from here: use the same profile"', async () => {
    fake.handle({
      'bedrock:GetInferenceProfile': rest.error(
        'ResourceNotFoundException',
        'This model version has reached the end of its life. Please refer to the AWS documentation for more details.',
        404
      )
    })
    const profile = `us.${SONNET_45}`
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'us-east-1', 'model-id': profile }
    })
    const found = run.report?.findings.filter((f) => f.checkId === 'model-resolve') ?? []
    const [f] = found
    expect(f?.status).toBe('unverified')
    expect(f?.title).toContain('Bedrock lists it here')
    expect(found.some((x) => x.title.includes(`use ${profile}`))).toBe(false)
    expect(f?.observed?.join('\n')).toContain(`ListInferenceProfiles in us-east-1 lists ${profile}`)
  })
})
