import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { silentLogger, type PreflightConfig } from '../../src/config.js'
import { parseDotenv } from '../../src/parse/dotenv.js'
import { REGISTRY } from '../../src/checks/registry.js'

const credentials = REGISTRY['credentials']

// The check resolves credentials through the SDK's real provider chain, which reads process.env.
const KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_CREDENTIAL_EXPIRATION',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'HOME',
  'AWS_EC2_METADATA_DISABLED'
]
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))
let home: string

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bp-credentials-'))
  for (const k of KEYS) delete process.env[k]
  Object.assign(process.env, {
    // Never ask instance metadata (169.254.169.254): the network guard fails any test that does.
    AWS_EC2_METADATA_DISABLED: 'true',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials')
  })
})
afterEach(() => {
  rmSync(home, { recursive: true, force: true })
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
})

function check(env: Record<string, string>, overrides: Partial<PreflightConfig> = {}) {
  Object.assign(process.env, env)
  return runPreflight(
    {
      regions: [{ value: 'us-east-1', source: 'AWS_REGION' }],
      models: [],
      assumeRoleArns: [],
      invokeProbe: false,
      failOn: 'error',
      timeoutSeconds: 5,
      env: { ...process.env },
      surface: 'github-actions',
      log: silentLogger,
      ...overrides
    },
    { checks: [credentials] }
  )
}

const TEMPORARY = {
  AWS_ACCESS_KEY_ID: 'ASIAUNITTESTKEY00001',
  AWS_SECRET_ACCESS_KEY: 'unit/test/secret',
  AWS_SESSION_TOKEN: 'unit-test-token'
}
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString()

describe('credentials check', () => {
  it('passes with environment credentials and never prints them', async () => {
    const report = await check(TEMPORARY)
    expect(report.findings).toEqual([
      expect.objectContaining({ messageId: 'resolved', status: 'pass' })
    ])
    expect(report.findings[0]?.title).toContain('temporary session key ASIA…')
    expect(JSON.stringify(report)).not.toMatch(
      /UNITTESTKEY00001|unit\/test\/secret|unit-test-token/
    )
  })

  it('fails with the OIDC setup step when no credentials exist in a job', async () => {
    const f = (await check({})).findings[0]
    expect(f).toMatchObject({
      messageId: 'noCredentials',
      status: 'fail',
      catalogId: 'no-credentials'
    })
    expect(f?.title).toBe('No AWS credentials found')
    expect(f?.fix).toContain('id-token: write')
  })

  it('fails an access key without its secret, pointing at its .env line', async () => {
    const envFile = {
      path: join(home, '.env'),
      displayPath: '.env',
      ...parseDotenv('AWS_REGION=us-east-1\nAWS_ACCESS_KEY_ID=AKIAUNITTESTKEY00002\n')
    }
    const report = await check({ AWS_ACCESS_KEY_ID: 'AKIAUNITTESTKEY00002' }, { envFile })
    const f = report.findings.find((x) => x.messageId === 'secretMissing')
    expect(f).toMatchObject({ status: 'fail', location: { file: '.env', line: 2 } })
    expect(f?.fix).toContain('Set both variables')
  })

  it('warns that a static key shadows the profile, citing the seed page fix', async () => {
    writeFileSync(join(home, 'config'), '[profile dev]\nregion = us-east-1\n')
    const report = await check({ ...TEMPORARY, AWS_PROFILE: 'dev' })
    const f = report.findings.find((x) => x.messageId === 'staticKeyShadowsProfile')
    expect(f).toMatchObject({ status: 'warn', catalogId: 'static-key-shadows-profile' })
    expect(f?.title).toContain('profile "dev"')
    expect(f?.fix).toContain('# AWS_ACCESS_KEY_ID=AKIA...')
  })

  it('fails a profile that no file defines: on a laptop the command to create it, in a job how to drop it', async () => {
    const laptop = (await check({ AWS_PROFILE: 'nope' }, { surface: 'cli' })).findings
    const f = laptop.find((x) => x.messageId === 'profileMissing')
    expect(f?.title).toBe('Profile "nope" is not defined')
    expect(f?.fix).toContain('aws configure sso --profile nope')
    // One cause, one finding: nothing else resolves either, and that is this profile's doing.
    expect(laptop.filter((x) => x.status === 'fail')).toEqual([f])
    const job = (await check({ AWS_PROFILE: 'nope' })).findings
    expect(job.find((x) => x.messageId === 'profileMissing')?.fix).toContain('remove `AWS_PROFILE`')
  })

  it('warns on a long-term AKIA key in CI only', async () => {
    const keys = { AWS_ACCESS_KEY_ID: 'AKIAUNITTESTKEY00003', AWS_SECRET_ACCESS_KEY: 's' }
    const ci = await check(keys)
    expect(ci.findings.map((f) => f.messageId)).toEqual(['longTermKeyInCi'])
    expect(ci.findings[0]?.fix).toContain('aws-actions/configure-aws-credentials')
    const laptop = await check(keys, { surface: 'cli' })
    expect(laptop.findings.map((f) => f.messageId)).toEqual(['resolved'])
  })

  it('fails expired credentials through the catalog', async () => {
    const f = (await check({ ...TEMPORARY, AWS_CREDENTIAL_EXPIRATION: inMinutes(-30) })).findings[0]
    expect(f).toMatchObject({ messageId: 'expired', status: 'fail', catalogId: 'expired-token' })
    expect(f?.title).toMatch(/expired (29|30|31) min( \d+ s)? ago/)
  })

  it('warns when the session ends within 10 minutes, with the fix for where it runs', async () => {
    const env = { ...TEMPORARY, AWS_CREDENTIAL_EXPIRATION: inMinutes(5) }
    const ci = (await check(env)).findings[0]
    expect(ci).toMatchObject({ messageId: 'expiringSoon', status: 'warn' })
    expect(ci?.fix).toContain('role-duration-seconds')
    const laptop = (await check(env, { surface: 'cli' })).findings[0]
    // Temporary keys in the environment never refresh: `aws sso login` would not help.
    expect(laptop?.fix).toContain('These temporary keys never refresh: replace them')
    expect(laptop?.fix).not.toContain('Refresh now: `aws sso login')
  })

  describe('an SSO profile', () => {
    beforeEach(() => {
      writeFileSync(
        join(home, 'config'),
        '[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n'
      )
    })
    const cacheFile = () => {
      const dir = join(home, '.aws', 'sso', 'cache')
      mkdirSync(dir, { recursive: true })
      return join(dir, `${createHash('sha1').update('corp').digest('hex')}.json`)
    }

    it('fails before any request when this machine never logged in', async () => {
      const f = (await check({ AWS_PROFILE: 'sso-dev' }, { surface: 'cli' })).findings[0]
      expect(f).toMatchObject({ messageId: 'ssoNotLoggedIn', status: 'fail' })
      expect(f?.fix).toContain('aws sso login --profile sso-dev')
      expect(f?.fix).toContain('Reload Window')
    })

    it('fails with "log in again" when the cached session has expired', async () => {
      writeFileSync(
        cacheFile(),
        JSON.stringify({ accessToken: 'x', expiresAt: inMinutes(-90), region: 'us-east-1' })
      )
      const f = (await check({ AWS_PROFILE: 'sso-dev' }, { surface: 'cli' })).findings[0]
      expect(f).toMatchObject({
        messageId: 'ssoSessionExpired',
        status: 'fail',
        catalogId: 'sso-session-expired'
      })
      expect(f?.title).toContain('(profile "sso-dev")')
    })
  })

  describe('a credential_process profile', () => {
    // A real credential_process: the SDK runs it and reads the JSON it prints (Version 1 format).
    const processProfile = (expiresInMinutes: number) => {
      const script = join(home, 'creds.js')
      writeFileSync(
        script,
        `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'ASIAUNITTESTKEY00009', SecretAccessKey: 'unit/test/secret', SessionToken: 'unit-test-token', Expiration: new Date(Date.now() + ${expiresInMinutes} * 60000).toISOString() }))`
      )
      writeFileSync(
        join(home, 'config'),
        `[profile proc]\ncredential_process = ${process.execPath} ${script}\nregion = us-east-1\n`
      )
    }

    it('says to renew the tool it runs when the session ends soon, not aws sso login', async () => {
      processProfile(5)
      const f = (await check({ AWS_PROFILE: 'proc' }, { surface: 'cli' })).findings[0]
      expect(f).toMatchObject({ messageId: 'expiringSoon', status: 'warn' })
      expect(f?.fix).toContain('aws configure get credential_process --profile proc')
      expect(f?.fix).not.toContain('aws sso login')
    })
  })
})
