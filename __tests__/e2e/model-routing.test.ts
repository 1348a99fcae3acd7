import { useFakeAws, rest } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, finding, FAKE, type ActionRun } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  documentedWorld,
  HAIKU_45,
  SEED_POLICY,
  SONNET_37,
  SONNET_4,
  SONNET_45
} from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'

const fake = useFakeAws(() => ({
  'sts:GetCallerIdentity': callerIdentity(),
  ...bedrockHandlers(),
  'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
}))

function annotation(run: ActionRun, checkId: string) {
  return run.annotations.find((a) => a.title?.includes(`bedrock-preflight ${checkId}`))
}

async function preflight(region: string, model: string, extra: Record<string, string> = {}) {
  return runAction({
    endpoints: fake.env,
    env: OIDC_SESSION_ENV,
    inputs: { 'aws-region': region, 'model-id': model, ...extra }
  })
}

describe('model routing through the bundled action', () => {
  it('passes the seed default (us. Sonnet 4.5 from us-east-1) and lists its destination regions', async () => {
    const run = await preflight('us-east-1', `us.${SONNET_45}`)
    expect(run.outputs.result).toBe('pass')
    expect(run.exitCode).toBe(0)
    const resolve = finding(run, 'model-resolve')
    expect(resolve?.status).toBe('pass')
    expect(resolve?.observed).toContain('destination regions: us-east-1, us-east-2, us-west-2')
    expect(finding(run, 'invoke-permission')?.status).toBe('pass')
    expect(finding(run, 'model-access')?.status).toBe('pass')
    expect(run.summary).toContain(`✅ Every check passed for us-east-1 · us.${SONNET_45}.`)
    expect(leakedSecrets(run)).toEqual([])
    expect(run.blocked).toEqual([])
    // Two round trips: no ListInferenceProfiles when GetInferenceProfile answered.
    expect(fake.requests.map((r) => r.operation)).not.toContain('ListInferenceProfiles')
  })

  it('fails a us. profile from eu-west-1 and gives the exact eu. line to use', async () => {
    const run = await preflight('eu-west-1', `us.${SONNET_45}`)
    expect(run.exitCode).toBe(1)
    const f = finding(run, 'model-resolve')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('invalid-model-identifier')
    expect(f?.title).toContain(`cannot be called from eu-west-1: did you mean eu.${SONNET_45}?`)
    expect(f?.fix).toContain(`model-id: eu.${SONNET_45}`)
    expect(f?.observed?.join('\n')).toContain(`global.${SONNET_45}`)
    expect(run.summary).toContain(`model-id: eu.${SONNET_45}`)
    expect(run.summary).toContain('The provided model identifier is invalid.')
    // The annotation names the corrected ID and where the fix is; the fix itself is in the summary.
    expect(annotation(run, 'model-resolve')?.title).toContain(`did you mean eu.${SONNET_45}?`)
    expect(annotation(run, 'model-resolve')?.message).toContain(
      'The fix is under "What to fix" in the job summary (cause 1).'
    )
    // invoke-permission cannot know the ARNs of a profile that does not exist here.
    expect(finding(run, 'invoke-permission')?.status).toBe('skipped')
    expect(leakedSecrets(run)).toEqual([])
  })

  it('fails apac. Haiku 4.5 in Tokyo and suggests jp.', async () => {
    const run = await preflight('ap-northeast-1', `apac.${HAIKU_45}`)
    const f = finding(run, 'model-resolve')
    expect(f?.status).toBe('fail')
    expect(f?.fix).toContain(`model-id: jp.${HAIKU_45}`)
    // The bare ID works in-region in Tokyo too, and is listed as an alternative.
    expect(f?.observed).toContain(`\`${HAIKU_45}\` (bare ID, in-region on demand)`)
    expect(annotation(run, 'model-resolve')?.level).toBe('error')
  })

  it('fails a bare ID of a model offered only through profiles, naming the profile', async () => {
    const run = await preflight('us-east-1', SONNET_45)
    const f = finding(run, 'model-resolve')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('on-demand-not-supported')
    expect(f?.title).toContain(`has no on-demand throughput in us-east-1: use us.${SONNET_45}`)
    expect(f?.fix).toContain(`model-id: us.${SONNET_45}`)
    expect(f?.observed).toContain('inferenceTypesSupported: (none reported)')
    expect(run.summary).toContain('offered only through cross-region inference profiles')
  })

  it('passes a bare ID where the model runs in-region', async () => {
    const run = await preflight('eu-west-1', HAIKU_45)
    expect(finding(run, 'model-resolve')?.status).toBe('pass')
    expect(finding(run, 'invoke-permission')?.status).toBe('pass')
  })

  it('fails a Legacy model past its end-of-life date with the date', async () => {
    const run = await preflight('us-east-1', `us.${SONNET_4}`)
    const eol = run.report?.findings.find(
      (f) => f.checkId === 'model-resolve' && f.catalogId === 'model-end-of-life'
    )
    expect(eol?.status).toBe('fail')
    expect(eol?.title).toContain('reached its end of life on 2026-10-14')
    expect(eol?.observed).toContain('legacy since 2026-04-14')
  })

  it('warns about a Legacy model before its end of life, with the date', async () => {
    const eol = new Date(Date.now() + 90 * 86_400_000)
    const world = documentedWorld()
    const legacy = world.models.find((m) => m.id === SONNET_37)!
    legacy.lifecycle = { status: 'LEGACY', endOfLifeTime: eol.toISOString() }
    fake.handle(bedrockHandlers(world))
    const run = await preflight('us-east-1', `us.${SONNET_37}`)
    const f = run.report?.findings.find((x) => x.messageId === 'legacy')
    expect(f?.status).toBe('warn')
    expect(f?.title).toContain(`is Legacy: end of life ${eol.toISOString().slice(0, 10)}`)
    expect(run.outputs.result).toBe('warn')
    expect(annotation(run, 'model-resolve')?.level).toBe('warning')
  })

  it('checks several models in several regions in one run, one grid cell each', async () => {
    const run = await preflight('us-east-1, eu-west-1', `us.${SONNET_45}\neu.${SONNET_45}`)
    expect(run.summary).toContain('| Region | `us.sonnet-4-5` | `eu.sonnet-4-5` |')
    expect(run.summary).toMatch(/\| `us-east-1` \| ✅ \| ❌ \d \|/)
    expect(run.summary).toMatch(/\| `eu-west-1` \| ❌ \d \| ❌ \d \|/)
    expect(finding(run, 'model-resolve', `us-east-1 · us.${SONNET_45}`)?.status).toBe('pass')
    expect(finding(run, 'model-resolve', `eu-west-1 · eu.${SONNET_45}`)?.status).toBe('pass')
    expect(finding(run, 'model-resolve', `eu-west-1 · us.${SONNET_45}`)?.status).toBe('fail')
    expect(finding(run, 'model-resolve', `us-east-1 · eu.${SONNET_45}`)?.status).toBe('fail')
    // The seed policy only grants us. profiles.
    expect(finding(run, 'invoke-permission', `eu-west-1 · eu.${SONNET_45}`)?.status).toBe('fail')
    // Each region's control plane was asked in its own region.
    const regions = new Set(
      fake.requests.filter((r) => r.operation === 'GetInferenceProfile').map((r) => r.region)
    )
    expect(regions).toEqual(new Set(['us-east-1', 'eu-west-1']))
  })

  it('names a malformed identifier and where it came from, without calling Bedrock for it', async () => {
    const run = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
      inputs: { 'model-id': `bedrock/us.${SONNET_45}` }
    })
    const f = finding(run, 'model-id')
    expect(f?.status).toBe('fail')
    expect(f?.title).toContain('LiteLLM routing prefix')
    expect(f?.fix).toContain(`model-id: us.${SONNET_45}`)
    expect(finding(run, 'model-resolve')?.status).toBe('skipped')
    expect(fake.requests.filter((r) => r.service === 'bedrock')).toHaveLength(0)
  })

  it('reports unverified, naming bedrock:GetInferenceProfile, when the read is denied, and goes on', async () => {
    fake.handle({
      'bedrock:GetInferenceProfile': rest.error(
        'AccessDeniedException',
        `User: arn:aws:sts::${FAKE.account}:assumed-role/github-actions-bedrock/GitHubActions is not authorized to perform: bedrock:GetInferenceProfile on resource: arn:aws:bedrock:eu-west-1:${FAKE.account}:inference-profile/us.${SONNET_45} because no identity-based policy allows the bedrock:GetInferenceProfile action`,
        403
      )
    })
    const run = await preflight('eu-west-1', `us.${SONNET_45}`)
    const f = finding(run, 'model-resolve')
    expect(f?.status).toBe('unverified')
    expect(f?.catalogId).toBe('preflight-read-denied')
    expect(f?.fix).toContain('bedrock:GetInferenceProfile')
    // The hint table still says what would be right, marked as a hint.
    expect(f?.observed?.join('\n')).toContain('eu.')
    // Other checks go on.
    expect(finding(run, 'model-access')?.status).toBe('pass')
    expect(run.outputs.result).toBe('warn')
    expect(annotation(run, 'model-resolve')?.message).toContain('bedrock:GetInferenceProfile')
  })
})
