import { reset, useFakeAws, type FakeReply } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, FAKE } from '../harness/run-action.js'
import {
  callerIdentity,
  CALLER_ROLE_ARN,
  OIDC_SESSION_ENV,
  STATIC_KEY_ENV,
  STS_ERRORS
} from '../harness/scenarios.js'

const fake = useFakeAws()

/** The run's row for a check, as the summary table shows it. */
/**
 * Where the summary tells a check: under its cause's heading when it did not pass
 * (`` `identity` fail · this run ``), under "What each passing check found" when it passed
 * (`` - `identity`: Authenticated as … ``), or as skipped.
 */
function row(summary: string, checkId: string): string | undefined {
  const id = `\`${checkId}\``
  return summary
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${id} `) ||
        l.startsWith(`  - ${id}: `) ||
        l.startsWith(`- ⏭️ ${id}`) ||
        (l.startsWith('Also skipped because of this:') && l.includes(id))
    )
}

describe('identity, credentials and region through the bundled action', () => {
  it('passes with OIDC session credentials and reports who the job is', async () => {
    fake.handle({ 'sts:GetCallerIdentity': callerIdentity() })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' }
    })
    expect(run.blocked).toEqual([])
    expect(run.outputs['account-id']).toBe(FAKE.account)
    expect(run.outputs['caller-arn']).toBe(CALLER_ROLE_ARN)
    expect(run.outputs.region).toBe('us-east-1')
    expect(row(run.summary, 'identity')).toMatch(/^ {2}- `identity`: Authenticated as /)
    expect(row(run.summary, 'credentials')).toContain('temporary session key')
    expect(run.report?.identity?.arn).toBe(CALLER_ROLE_ARN)
    expect(leakedSecrets(run)).toEqual([])
    // The STS call was signed with the job's key for the configured region.
    const call = fake.requests.find((r) => r.operation === 'GetCallerIdentity')
    expect(call?.region).toBe('us-east-1')
  })

  it('fails with no credentials, says which providers were tried, and gives the CI fix', async () => {
    const run = await runAction({ endpoints: fake.env, env: { AWS_REGION: 'us-east-1' } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(row(run.summary, 'credentials')).toMatch(/^`credentials` fail · /)
    expect(row(run.summary, 'identity')).toMatch(/⏭️|skipped/)
    expect(run.summary).toContain(
      'fromEnv → fromSSO → fromIni → fromProcess → fromTokenFile → remoteProvider'
    )
    expect(run.summary).toContain('aws-actions/configure-aws-credentials')
    const error = run.annotations.find(
      (a) => a.level === 'error' && a.title?.includes('credentials')
    )
    expect(error?.message).toContain('No AWS credentials found')
    expect(fake.requests).toHaveLength(0)
  })

  it('a connection reset then InvalidClientTokenId: the key is refused (retries never hide the last real answer)', async () => {
    let calls = 0
    fake.handle({
      'sts:GetCallerIdentity': (): FakeReply => (calls++ === 0 ? reset : STS_ERRORS.invalidKey)
    })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' }
    })
    const f = run.report?.findings.find((x) => x.checkId === 'identity')
    expect(f?.error).toMatchObject({ code: 'InvalidClientTokenId', httpStatus: 403 })
    expect(f?.error?.lastError?.code).toBe('ECONNRESET')
    expect(f?.catalogId).not.toBe('network-unreachable')
    expect(f?.status).toBe('fail')
  })

  it('explains an expired token with the fix for a CI session', async () => {
    fake.handle({ 'sts:GetCallerIdentity': STS_ERRORS.expired })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' }
    })
    expect(run.exitCode).toBe(1)
    expect(row(run.summary, 'identity')).toMatch(/^`identity` fail · /)
    expect(run.summary).toContain(
      'ExpiredToken: The security token included in the request is expired'
    )
    expect(run.summary).toContain('role-duration-seconds')
    expect(run.report?.findings.find((f) => f.checkId === 'identity')?.catalogId).toBe(
      'expired-token'
    )
    expect(leakedSecrets(run)).toEqual([])
  })

  it('explains an unknown access key', async () => {
    fake.handle({ 'sts:GetCallerIdentity': STS_ERRORS.invalidKey })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...STATIC_KEY_ENV, AWS_REGION: 'eu-west-1' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.report?.findings.find((f) => f.checkId === 'identity')?.catalogId).toBe(
      'invalid-client-token'
    )
    // A long-term key in CI is a warning of its own.
    expect(run.summary).toContain('long-term IAM user key')
    expect(leakedSecrets(run)).toEqual([])
  })

  it('fails when no region is configured, with the workflow and .env fixes', async () => {
    fake.handle({ 'sts:GetCallerIdentity': callerIdentity() })
    const run = await runAction({ endpoints: fake.env, env: { ...OIDC_SESSION_ENV } })
    expect(run.exitCode).toBe(1)
    expect(row(run.summary, 'region')).toMatch(/^`region` fail · /)
    expect(run.summary).toContain('No AWS region configured')
    expect(run.summary).toContain('AWS_REGION: us-east-1')
    expect(run.report?.findings.find((f) => f.checkId === 'region')?.catalogId).toBe(
      'region-missing'
    )
  })

  it('names a malformed region and suggests the likely one', async () => {
    fake.handle({ 'sts:GetCallerIdentity': callerIdentity() })
    const run = await runAction({
      endpoints: fake.env,
      inputs: { 'aws-region': 'us_east1' },
      env: OIDC_SESSION_ENV
    })
    expect(run.exitCode).toBe(1)
    expect(run.summary).toContain('"us_east1" is not a region code')
    expect(run.summary).toContain('us-east-1')
  })

  it('warns that a static key shadows the profile', async () => {
    fake.handle({ 'sts:GetCallerIdentity': callerIdentity() })
    const run = await runAction({
      endpoints: fake.env,
      env: { ...STATIC_KEY_ENV, AWS_PROFILE: 'my-sso-profile', AWS_REGION: 'us-east-1' },
      files: {
        '.aws/config':
          '[profile my-sso-profile]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n'
      }
    })
    expect(
      run.report?.findings.some(
        (f) => f.catalogId === 'static-key-shadows-profile' && f.status === 'warn'
      )
    ).toBe(true)
    expect(run.summary).toContain('# AWS_ACCESS_KEY_ID=AKIA...')
    expect(leakedSecrets(run)).toEqual([])
  })

  it('reports an unreachable endpoint as the first real error, with the attempts made', async () => {
    const run = await runAction({
      endpoints: { ...fake.env, AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' },
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
      inputs: { 'timeout-seconds': '10' }
    })
    expect(run.exitCode).toBe(1)
    const identity = run.report?.findings.find((f) => f.checkId === 'identity')
    expect(identity?.status).toBe('unverified')
    expect(identity?.catalogId).toBe('network-unreachable')
    expect(identity?.error?.attempts).toBe(2)
    // Identity is the gate: when it cannot be verified, the run fails.
    expect(run.outputs.result).toBe('fail')
    expect(run.blocked).toEqual([])
  })
})
