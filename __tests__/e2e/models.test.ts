import { useFakeAws, rest } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, finding } from '../harness/run-action.js'
import { callerIdentity, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import {
  bedrockHandlers,
  HAIKU_45,
  OPUS_45,
  SEED_POLICY,
  SONNET_45,
  SONNET_46
} from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'

const fake = useFakeAws(() => ({
  'sts:GetCallerIdentity': callerIdentity(),
  ...bedrockHandlers(),
  'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } })
}))

function preflight(inputs: Record<string, string>, env: Record<string, string> = {}, files = {}) {
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, ...env },
    inputs,
    files
  })
}

describe('the models a job checks, through the bundled action', () => {
  it("checks every model Claude Code's variables name, each labelled with its variable", async () => {
    const run = await preflight(
      { 'aws-region': 'us-east-1' },
      {
        ANTHROPIC_MODEL: `us.${SONNET_46}`,
        ANTHROPIC_DEFAULT_OPUS_MODEL: `global.${OPUS_45}`,
        ANTHROPIC_DEFAULT_SONNET_MODEL: `us.${SONNET_46}`,
        ANTHROPIC_DEFAULT_HAIKU_MODEL: `us.${HAIKU_45}`,
        ANTHROPIC_SMALL_FAST_MODEL: 'haiku'
      }
    )
    // Deduplicated, in Claude Code's order; the alias `haiku` is no Bedrock ID to check.
    expect(run.report?.models).toEqual([`us.${SONNET_46}`, `global.${OPUS_45}`, `us.${HAIKU_45}`])
    for (const [variable, model] of [
      ['ANTHROPIC_MODEL', `us.${SONNET_46}`],
      ['ANTHROPIC_DEFAULT_OPUS_MODEL', `global.${OPUS_45}`],
      ['ANTHROPIC_DEFAULT_HAIKU_MODEL', `us.${HAIKU_45}`]
    ] as const) {
      expect(finding(run, 'model-id', model)?.observed).toContain(`${variable} = ${model}`)
      expect(finding(run, 'model-resolve', `us-east-1 · ${model}`)?.status).toBe('pass')
      expect(run.summary).toContain(`\n- us-east-1 · ${model}\n`)
    }
    // No model named by model-id or BEDROCK_MODEL, but Claude Code's are: no default is chosen.
    expect(fake.requests.map((r) => r.operation)).not.toContain('ListInferenceProfiles')
    expect(leakedSecrets(run)).toEqual([])
    expect(run.blocked).toEqual([])
  })

  it('points a wrong Claude Code model in the env file at its own line, with the fix', async () => {
    const run = await preflight(
      { 'aws-region': 'eu-west-1', 'env-file': '.env', 'model-id': `eu.${SONNET_45}` },
      {},
      {
        '.env': [
          'AWS_REGION=eu-west-1',
          `BEDROCK_MODEL=eu.${SONNET_45}`,
          `ANTHROPIC_DEFAULT_SONNET_MODEL=us.${SONNET_46}`
        ].join('\n')
      }
    )
    expect(run.report?.models).toEqual([`eu.${SONNET_45}`, `us.${SONNET_46}`])
    expect(finding(run, 'model-id', `us.${SONNET_46}`)?.observed).toContain(
      `.env line 3 = us.${SONNET_46}`
    )
    const f = finding(run, 'model-resolve', `eu-west-1 · us.${SONNET_46}`)
    expect(f?.status).toBe('fail')
    expect(f?.title).toContain(`cannot be called from eu-west-1: did you mean eu.${SONNET_46}?`)
    expect(f?.location).toEqual({ file: '.env', line: 3 })
    // The fix sets the variable Claude Code reads, not BEDROCK_MODEL.
    expect(f?.fix).toContain(`Set \`ANTHROPIC_DEFAULT_SONNET_MODEL=eu.${SONNET_46}\``)
    expect(f?.fix).not.toContain('BEDROCK_MODEL=')
    expect(finding(run, 'model-resolve', `eu-west-1 · eu.${SONNET_45}`)?.status).toBe('pass')
    expect(run.annotations.some((a) => a.file === '.env' && a.line === 3)).toBe(true)
  })

  it('resolves an undated model ID like a dated one, as a profile and as a bare ID', async () => {
    const run = await preflight({
      'aws-region': 'eu-west-1',
      'model-id': `eu.${SONNET_46}, ${SONNET_46}`
    })
    const profile = finding(run, 'model-resolve', `eu-west-1 · eu.${SONNET_46}`)
    expect(profile?.status).toBe('pass')
    expect(profile?.observed).toContain(
      `model ARN: arn:aws:bedrock:eu-west-1::foundation-model/${SONNET_46}`
    )
    expect(finding(run, 'model-id', `eu.${SONNET_46}`)?.observed).toContain(
      `foundation model: ${SONNET_46}`
    )
    // The bare ID has no in-region capacity here: the fix names the callable profile.
    const bare = finding(run, 'model-resolve', `eu-west-1 · ${SONNET_46}`)
    expect(bare?.status).toBe('fail')
    expect(bare?.fix).toContain(`model-id: eu.${SONNET_46}`)
    expect(finding(run, 'invoke-permission', `eu-west-1 · eu.${SONNET_46}`)).toBeDefined()
  })

  it('with no model named, checks the newest Claude Sonnet the region can call and says why', async () => {
    const run = await preflight({ 'aws-region': 'us-east-1' })
    expect(run.report?.models).toEqual([`us.${SONNET_46}`])
    const chosen = finding(run, 'model-id')
    expect(chosen?.status).toBe('pass')
    expect(chosen?.title).toBe(
      `No model named: checking us.${SONNET_46}, the newest Claude Sonnet callable from us-east-1 (ListInferenceProfiles, lifecycle ACTIVE)`
    )
    expect(run.summary).toContain(`No model named: checking us.${SONNET_46}`)
    expect(finding(run, 'model-resolve')?.status).toBe('pass')
    expect(run.outputs.result).toBe('pass')
    // One ListInferenceProfiles for the choice, shared with the checks.
    expect(fake.requests.filter((r) => r.operation === 'ListInferenceProfiles')).toHaveLength(1)
  })

  it('from Tokyo, where Sonnet 4.6 has no jp. profile, picks its global profile', async () => {
    const run = await preflight({ 'aws-region': 'ap-northeast-1' })
    expect(run.report?.models).toEqual([`global.${SONNET_46}`])
    expect(finding(run, 'model-resolve')?.status).toBe('pass')
  })

  it('falls back to the documented model, saying why, when ListInferenceProfiles is denied', async () => {
    fake.handle({
      'bedrock:ListInferenceProfiles': rest.error(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/github-actions-bedrock/GitHubActions is not authorized to perform: bedrock:ListInferenceProfiles on resource: arn:aws:bedrock:eu-west-1:111122223333:inference-profile/* because no identity-based policy allows the bedrock:ListInferenceProfiles action',
        403
      )
    })
    const run = await preflight({ 'aws-region': 'eu-west-1' })
    expect(run.report?.models).toEqual([`eu.${SONNET_46}`])
    const chosen = finding(run, 'model-id')
    expect(chosen?.status).toBe('unverified')
    expect(chosen?.error?.code).toBe('AccessDeniedException')
    expect(chosen?.title).toContain(`No model named: checking eu.${SONNET_46}`)
    expect(chosen?.title).toContain(
      'ListInferenceProfiles in eu-west-1 ended AccessDeniedException, so the newest Sonnet could not be read; the built-in fallback'
    )
    // The fallback is checked like any model: the region can call it.
    expect(finding(run, 'model-resolve')?.status).toBe('pass')
    expect(leakedSecrets(run)).toEqual([])
  })
})
