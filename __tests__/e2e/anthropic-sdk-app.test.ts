import { useFakeAws } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, finding, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { SONNET_46 } from '../harness/fake-bedrock.js'

const fake = useFakeAws(healthyAccount)

async function preflight(
  inputs: Record<string, string>,
  env: Record<string, string>,
  files: Record<string, string> = {}
): Promise<ActionRun> {
  const run = await runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, ...env },
    inputs,
    files
  })
  expect(leakedSecrets(run)).toEqual([])
  expect(run.blocked).toEqual([])
  return run
}

describe("an app on an Anthropic SDK's Bedrock client (agent: anthropic-sdk-…), through the bundled action", () => {
  it('checks us-east-1 for a TypeScript app when only AWS_DEFAULT_REGION is set: AnthropicBedrock never reads it', async () => {
    const run = await preflight(
      { agent: 'anthropic-sdk-typescript', 'model-id': `eu.${SONNET_46}` },
      { AWS_DEFAULT_REGION: 'eu-west-1' }
    )
    expect(run.report?.regions).toEqual(['us-east-1'])
    expect(finding(run, 'region')?.observed).toContain(
      "from AnthropicBedrock (TypeScript)'s default when AWS_REGION is unset; it never reads AWS_DEFAULT_REGION"
    )
    // Its eu. profile cannot be called from the region the app really calls.
    expect(finding(run, 'model-resolve', `us-east-1 · eu.${SONNET_46}`)?.status).toBe('fail')
    expect(run.outputs.result).toBe('fail')
  })

  it("checks the Python app's boto3 session region (AWS_DEFAULT_REGION), and reads no Claude Code settings", async () => {
    const run = await preflight(
      { agent: 'anthropic-sdk-python', 'model-id': `eu.${SONNET_46}` },
      { AWS_DEFAULT_REGION: 'eu-west-1' },
      // Claude Code's file: the app never reads it.
      {
        '.claude/settings.json': JSON.stringify({
          env: { ANTHROPIC_MODEL: `us.${SONNET_46}`, AWS_REGION: 'us-east-1' }
        })
      }
    )
    expect(run.report?.regions).toEqual(['eu-west-1'])
    expect(run.report?.models).toEqual([`eu.${SONNET_46}`])
    expect(finding(run, 'region')?.observed).toContain(
      "from AWS_DEFAULT_REGION, boto3's session region"
    )
    expect(finding(run, 'model-resolve', `eu-west-1 · eu.${SONNET_46}`)?.status).toBe('pass')
    expect(finding(run, 'agent-settings')).toBeUndefined()
  })
})
