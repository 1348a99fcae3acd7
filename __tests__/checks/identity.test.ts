import { mockClient } from 'aws-sdk-client-mock'
import { GetCallerIdentityCommand, STSClient, ExpiredTokenException } from '@aws-sdk/client-sts'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { silentLogger, type PreflightConfig } from '../../src/config.js'
import { REGISTRY } from '../../src/checks/registry.js'

const regionCheck = REGISTRY['region']
const credentialsCheck = REGISTRY['credentials']
const identityCheck = REGISTRY['identity']

const sts = mockClient(STSClient)
const ENV_KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE'
]
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]))

function config(
  env: Record<string, string>,
  overrides: Partial<PreflightConfig> = {}
): PreflightConfig {
  return {
    regions: [{ value: 'eu-west-1', source: 'AWS_REGION' }],
    models: [],
    assumeRoleArns: [],
    invokeProbe: false,
    failOn: 'error',
    timeoutSeconds: 5,
    env,
    surface: 'github-actions',
    log: silentLogger,
    ...overrides
  }
}

const session = {
  AWS_ACCESS_KEY_ID: 'ASIAUNITTESTKEY00001',
  AWS_SECRET_ACCESS_KEY: 'unit/test/secret',
  AWS_SESSION_TOKEN: 'unit-test-token',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials'
}

beforeEach(() => {
  sts.reset()
  for (const k of ENV_KEYS) delete process.env[k]
})
afterAll(() => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
})

const checks = [regionCheck, credentialsCheck, identityCheck]

describe('identity check', () => {
  it('passes with the caller ARN and account, signing STS in the configured region', async () => {
    Object.assign(process.env, session)
    sts.on(GetCallerIdentityCommand).resolves({
      Account: '111122223333',
      Arn: 'arn:aws:sts::111122223333:assumed-role/ci/GitHubActions',
      UserId: 'AROA:GitHubActions'
    })
    const report = await runPreflight(config(session), { checks })
    expect(report.result).toBe('pass')
    expect(report.identity).toEqual({
      accountId: '111122223333',
      arn: 'arn:aws:sts::111122223333:assumed-role/ci/GitHubActions',
      userId: 'AROA:GitHubActions'
    })
    const identity = report.findings.find((f) => f.checkId === 'identity')
    expect(identity?.observed).toContain(
      'role arn:aws:iam::111122223333:role/ci, session GitHubActions'
    )
    expect(await sts.call(0).thisValue.config.region()).toBe('eu-west-1')
  })

  it('maps ExpiredToken through the catalog with the CI fix', async () => {
    Object.assign(process.env, session)
    sts.on(GetCallerIdentityCommand).rejects(
      new ExpiredTokenException({
        message: 'The security token included in the request is expired',
        $metadata: { httpStatusCode: 400 }
      })
    )
    const report = await runPreflight(config(session), { checks })
    const identity = report.findings.find((f) => f.checkId === 'identity')
    expect(identity).toMatchObject({ status: 'fail', catalogId: 'expired-token' })
    expect(identity?.fix).toContain('role-duration-seconds')
    expect(report.result).toBe('fail')
  })

  it('is skipped when no credentials exist: the credentials check explains, once', async () => {
    process.env.AWS_EC2_METADATA_DISABLED = 'true'
    process.env.AWS_CONFIG_FILE = '/nonexistent/config'
    process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials'
    const report = await runPreflight(
      config({
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: '/nonexistent/config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials'
      }),
      { checks }
    )
    expect(report.findings.find((f) => f.checkId === 'credentials')).toMatchObject({
      status: 'fail',
      catalogId: 'no-credentials'
    })
    // Identity starts alongside the credentials check (speculative); its own attempt, which fails
    // on the same missing credentials, is discarded rather than reported a second time.
    const identity = report.findings.filter((f) => f.checkId === 'identity')
    expect(identity).toHaveLength(1)
    expect(identity[0]?.status).toBe('skipped')
    expect(report.findings.filter((f) => f.catalogId === 'no-credentials')).toHaveLength(1)
  })

  it('uses us-east-1 for STS when no valid region is configured, and still reports the region problem', async () => {
    Object.assign(process.env, session)
    sts
      .on(GetCallerIdentityCommand)
      .resolves({ Account: '1', Arn: 'arn:aws:iam::111122223333:user/dev', UserId: 'AIDA' })
    const report = await runPreflight(config(session, { regions: [] }), { checks })
    expect(report.findings.find((f) => f.checkId === 'region')).toMatchObject({
      status: 'fail',
      catalogId: 'region-missing'
    })
    expect(report.findings.find((f) => f.checkId === 'identity')?.status).toBe('pass')
    expect(await sts.call(0).thisValue.config.region()).toBe('us-east-1')
  })
})
