/**
 * The AWS European Sovereign Cloud: region `eusc-de-east-1`, partition `aws-eusc`, endpoints under
 * `amazonaws.eu` (reference bedrock.md §00, 2026-12-07). Its region code has a four-letter area,
 * which a two-letter pattern refused as "not a region code".
 */
import { useFakeAws } from '../harness/fake-aws.js'
import { runAction } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { bedrockHandlers, documentedWorld, SONNET_46 } from '../harness/fake-bedrock.js'

const fake = useFakeAws(healthyAccount)

describe('a region of the AWS European Sovereign Cloud', () => {
  it('is a known region: checked there, with ARNs of the aws-eusc partition', async () => {
    // A world where the region offers the model in-Region (on demand).
    const world = documentedWorld()
    world.models = world.models.map((m) =>
      m.id === SONNET_46 ? { ...m, regions: { ...m.regions, 'eusc-de-east-1': ['ON_DEMAND'] } } : m
    )
    fake.handle(bedrockHandlers(world))
    const run = await runAction({
      endpoints: fake.env,
      env: OIDC_SESSION_ENV,
      inputs: { 'aws-region': 'eusc-de-east-1', 'model-id': SONNET_46 }
    })
    const region = run.report?.findings.filter((f) => f.checkId === 'region') ?? []
    expect(region.map((f) => [f.status, f.messageId])).toEqual([['pass', 'configured']])
    expect(run.summary).not.toContain('not a region code')
    const bedrock = fake.requests.filter((r) => r.service === 'bedrock')
    expect(bedrock.length).toBeGreaterThan(0)
    expect(bedrock.some((r) => r.region === 'eusc-de-east-1')).toBe(true)
    const simulated = fake.requests
      .filter((r) => r.operation === 'SimulatePrincipalPolicy')
      .flatMap((r) => Object.values(r.params))
      .filter((v) => typeof v === 'string' && v.startsWith('arn:') && v.includes(':bedrock:'))
    expect(simulated.length).toBeGreaterThan(0)
    expect(
      simulated.every((arn) => String(arn).startsWith('arn:aws-eusc:bedrock:eusc-de-east-1:'))
    ).toBe(true)
  })
})
