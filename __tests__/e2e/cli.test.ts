/**
 * The laptop face: the bundled CLI (dist/cli.js) spawned as a user runs it, against the fake AWS,
 * with a temporary HOME holding ~/.aws and ~/.insightworker/.env.
 */
import { createHash } from 'node:crypto'
import { schemaValidator } from '../harness/schemas.js'
import { runCli, type CliRunOptions } from '../harness/cli.js'
import { useFakeAws } from '../harness/fake-aws.js'
import { FAKE, leakedSecrets, runAction, type ActionRun } from '../harness/run-action.js'
import { healthyAccount } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV, STATIC_KEY_ENV } from '../harness/scenarios.js'
import { SONNET_45 } from '../harness/fake-bedrock.js'
import { SEED_TEXTS } from '../fixtures/reference-errors.js'
import { VERSION } from '../../src/version.js'
import type { Report } from '../../src/engine/types.js'

const fake = useFakeAws(() => healthyAccount())

/** The CLI as a laptop runs it: no GitHub variables, a HOME of its own. */
function cli(args: string[], options: CliRunOptions = {}): Promise<ActionRun> {
  return runCli(fake.env, args, options)
}

const validateReport = schemaValidator('schema/report.schema.json')

const SSO_CONFIG = [
  '[profile dev-sso]',
  'sso_session = corp',
  `sso_account_id = ${FAKE.account}`,
  'sso_role_name = BedrockUser',
  'region = us-east-1',
  '',
  '[sso-session corp]',
  'sso_start_url = https://example.awsapps.com/start',
  'sso_region = us-east-1',
  'sso_registration_scopes = sso:account:access',
  '',
  '[profile legacy-sso]',
  'sso_start_url = https://legacy.awsapps.com/start',
  'sso_region = us-east-1',
  `sso_account_id = ${FAKE.account}`,
  'sso_role_name = BedrockUser',
  ''
].join('\n')

const cachePath = (id: string): string =>
  `.aws/sso/cache/${createHash('sha1').update(id).digest('hex')}.json`

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/

describe('bedrock-preflight on a laptop', () => {
  it('passes with working credentials: verdict first, a table, exit 0', async () => {
    const run = await cli(['--region', 'us-east-1'], { env: { ...OIDC_SESSION_ENV } })
    expect(run.exitCode).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toContain('This machine can call Claude on Amazon Bedrock')
    expect(run.stdout).toMatch(/credentials\s+✔ pass/)
    expect(run.stdout).toMatch(/identity\s+✔ pass/)
    expect(run.stdout).not.toMatch(ANSI)
    expect(run.stdout).not.toContain('Causes and fixes')
    expect(run.blocked).toEqual([])
    expect(leakedSecrets(run)).toEqual([])
  })

  it('fails with no credentials, exit 1, and gives the laptop fix (not the CI one)', async () => {
    const run = await cli(['--region', 'us-east-1'])
    expect(run.exitCode).toBe(1)
    expect(run.stdout.split('\n')[0]).toContain('cannot call Claude on Amazon Bedrock yet')
    expect(run.stdout).toMatch(/credentials\s+✖ fail\s+No AWS credentials found/)
    expect(run.stdout).toContain('Could not load credentials from any providers')
    // Said truthfully on a machine that is not EC2: nothing was found, not "expected: EC2".
    expect(run.stdout).toContain('credential source: none found')
    expect(run.stdout).not.toContain('expected source')
    expect(run.stdout).toContain('aws sso login --profile <name>')
    expect(run.stdout).not.toContain('configure-aws-credentials')
    expect(run.stdout).not.toContain('```')
    expect(fake.requests).toHaveLength(0)
  })

  it('fails on an expired SSO session before any network call, with the login command and restart advice', async () => {
    const run = await cli(['--region', 'us-east-1'], {
      env: { AWS_PROFILE: 'dev-sso' },
      files: {
        '.aws/config': SSO_CONFIG,
        [cachePath('corp')]: JSON.stringify({
          startUrl: 'https://example.awsapps.com/start',
          region: 'us-east-1',
          accessToken: 'aoaFakeSsoAccessTokenNeverValid0123456789',
          expiresAt: '2026-01-01T08:00:00Z'
        })
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('SSO session expired at 2026-01-01T08:00:00.000Z')
    expect(run.stdout).toContain('aws sso login --profile dev-sso')
    expect(run.stdout).toContain('Reload Window')
    expect(run.stdout).toContain('Cmd+Q')
    expect(run.stdout).not.toContain('No SSO session')
    expect(fake.requests).toHaveLength(0)
    expect(run.blocked).toEqual([])
    expect(leakedSecrets(run, ['aoaFakeSsoAccessTokenNeverValid0123456789'])).toEqual([])
  })

  it('says "no SSO session on this machine" when aws sso login never ran (sso-session profile)', async () => {
    const run = await cli(['--region', 'us-east-1', '--profile', 'dev-sso'], {
      files: { '.aws/config': SSO_CONFIG }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('No SSO session on this machine for profile "dev-sso"')
    expect(run.stdout).toContain('aws sso login --profile dev-sso')
    expect(run.stdout).not.toContain('expired')
    expect(run.stdout).toContain(cachePath('corp').split('/').pop())
    expect(fake.requests).toHaveLength(0)
  })

  it('finds a legacy SSO profile’s token by its start URL', async () => {
    const run = await cli(['--region', 'us-east-1'], {
      env: { AWS_PROFILE: 'legacy-sso' },
      files: { '.aws/config': SSO_CONFIG }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('No SSO session on this machine for profile "legacy-sso"')
    expect(run.stdout).toContain(cachePath('https://legacy.awsapps.com/start').split('/').pop())
  })

  it('points at the .env line of a static key that shadows AWS_PROFILE, never printing the key', async () => {
    const run = await cli([], {
      files: {
        '.aws/config': SSO_CONFIG,
        '.insightworker/.env': [
          '# InsightWorker',
          `AWS_ACCESS_KEY_ID=${STATIC_KEY_ENV.AWS_ACCESS_KEY_ID}`,
          `AWS_SECRET_ACCESS_KEY=${STATIC_KEY_ENV.AWS_SECRET_ACCESS_KEY}`,
          'AWS_PROFILE=dev-sso',
          'AWS_REGION=us-east-1'
        ].join('\n')
      }
    })
    expect(run.stdout).toContain('.insightworker/.env:2')
    expect(run.stdout).toContain('# AWS_ACCESS_KEY_ID=AKIA...')
    expect(run.stdout).toMatch(/credentials\s+! warning/)
    expect(leakedSecrets(run)).toEqual([])
  })

  it('warns about each unreadable .env line by file:line and still runs the checks', async () => {
    const run = await cli(['--env-file', 'settings.env'], {
      env: { ...OIDC_SESSION_ENV },
      files: {
        'settings.env': [
          'AWS_REGION=us-east-1',
          'this line has no equals sign',
          `AWS_SECRET_ACCESS_KEY="sEcReTiNbRoKeNlInE/0123456789abcdefABCDEF`,
          '1BAD=value'
        ].join('\n')
      }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('settings.env:2 is ignored')
    expect(run.stdout).toContain('settings.env:3 is ignored')
    expect(run.stdout).toContain('settings.env:4 is ignored')
    expect(run.stdout).toMatch(/env-file\s+! warning/)
    expect(run.stdout).toMatch(/identity\s+✔ pass/)
    expect(leakedSecrets(run, ['sEcReTiNbRoKeNlInE/0123456789abcdefABCDEF'])).toEqual([])
  })

  it('reads region and model from the .env file and points at BEDROCK_MODEL with the wrong prefix', async () => {
    const run = await cli(['--json'], {
      env: { ...OIDC_SESSION_ENV },
      files: {
        '.insightworker/.env': ['AWS_REGION=eu-west-1', `BEDROCK_MODEL=us.${SONNET_45}`].join('\n')
      }
    })
    const report = JSON.parse(run.stdout) as Report
    expect(report.regions).toEqual(['eu-west-1'])
    expect(report.models).toEqual([`us.${SONNET_45}`])
    const resolve = report.findings.find((f) => f.checkId === 'model-resolve')
    expect(resolve?.status).toBe('fail')
    expect(resolve?.location?.line).toBe(2)
    expect(resolve?.location?.file).toMatch(/\.insightworker\/\.env$/)
  })

  it('a .env without AWS_REGION: the region finding points at the file and says what to add', async () => {
    const run = await cli(['--json'], {
      env: { ...OIDC_SESSION_ENV },
      files: { '.insightworker/.env': `BEDROCK_MODEL=us.${SONNET_45}\n` }
    })
    const report = JSON.parse(run.stdout) as Report
    expect(run.exitCode).toBe(1)
    const region = report.findings.find((f) => f.checkId === 'region')
    expect(region?.catalogId).toBe('region-missing')
    expect(region?.location?.file).toMatch(/\.insightworker\/\.env$/)
    expect(region?.observed?.[0]).toContain(
      '--region, AWS_REGION and AWS_DEFAULT_REGION are all unset'
    )
    expect(region?.fix).toContain('AWS_REGION=us-east-1')
  })

  it('--json prints only a report that matches schema/report.schema.json', async () => {
    for (const env of [{ ...OIDC_SESSION_ENV }, {}]) {
      const run = await cli(['--json', '--region', 'us-east-1'], { env })
      const report = JSON.parse(run.stdout) as unknown
      expect(validateReport(report) ? [] : validateReport.errors).toEqual([])
      expect((report as Report).schemaVersion).toBe(1)
      expect(leakedSecrets(run)).toEqual([])
    }
  })

  it('the action writes the same report, and it matches the schema too', async () => {
    const run = await runAction({
      endpoints: fake.env,
      env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' }
    })
    expect(run.report).toBeDefined()
    expect(validateReport(run.report) ? [] : validateReport.errors).toEqual([])
  })

  it('--debug lists the credential providers tried and each AWS request on stderr', async () => {
    const run = await cli(['--region', 'us-east-1', '--debug'], { env: { ...OIDC_SESSION_ENV } })
    expect(run.exitCode).toBe(0)
    expect(run.stderr).toMatch(/\[debug\] credentials: .*fromEnv/)
    expect(run.stderr).toMatch(/\[debug\] aws: sts:GetCallerIdentity \(.*\) attempt 1 → HTTP 200/)
    expect(leakedSecrets(run)).toEqual([])
  })

  it('AWS_LOG_LEVEL=DEBUG in the .env file turns debug logging on too', async () => {
    const run = await cli(['--region', 'us-east-1'], {
      env: { ...OIDC_SESSION_ENV },
      files: { '.insightworker/.env': 'AWS_SDK_LOAD_CONFIG=1\nAWS_LOG_LEVEL=DEBUG\n' }
    })
    expect(run.stderr).toContain('[debug] aws: sts:GetCallerIdentity')
  })

  it('uses colour only when asked for a non-terminal, and NO_COLOR always wins', async () => {
    const forced = await cli(['--region', 'us-east-1'], {
      env: { ...OIDC_SESSION_ENV, FORCE_COLOR: '1' }
    })
    expect(forced.stdout).toMatch(ANSI)
    const off = await cli(['--region', 'us-east-1'], {
      env: { ...OIDC_SESSION_ENV, FORCE_COLOR: '1', NO_COLOR: '1' }
    })
    expect(off.stdout).not.toMatch(ANSI)
    expect(off.stderr).not.toMatch(ANSI)
  })

  it('--fail-on warning turns a warning into exit 1', async () => {
    const files = { 'w.env': 'AWS_REGION=us-east-1\nnot a line\n' }
    const env = { ...OIDC_SESSION_ENV }
    expect((await cli(['--env-file', 'w.env'], { env, files })).exitCode).toBe(0)
    expect(
      (await cli(['--env-file', 'w.env', '--fail-on', 'warning'], { env, files })).exitCode
    ).toBe(1)
  })
})

describe('usage', () => {
  it.each([
    [['--regoin', 'us-east-1'], 'unknown option --regoin'],
    [['--fail-on', 'sometimes'], '--fail-on must be one of error, warning, never, got "sometimes"'],
    [
      ['--timeout', 'soon'],
      '--timeout must be a whole number of seconds from 1 to 600, written in digits, got "soon"'
    ],
    [['--region'], '--region needs a value'],
    [['--json=yes'], '--json does not take a value'],
    [['check'], 'unknown command "check"']
  ])('%j exits 2 and names the problem', async (args, message) => {
    const run = await cli(args)
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(fake.requests).toHaveLength(0)
  })

  it('a missing --env-file is an error that names the file', async () => {
    const run = await cli(['--env-file', 'missing.env'])
    // Node itself reads --env-file anywhere on its command line, after the script too (seen on
    // Node 20 and 24.21), and exits 9 naming the file before the CLI starts; had the CLI started,
    // it would exit 2 with its own message. Either way: a failure that names the file.
    expect([2, 9]).toContain(run.exitCode)
    expect(run.stderr).toContain('missing.env')
    expect(fake.requests).toHaveLength(0)
  })

  it('--version prints the version', async () => {
    const run = await cli(['--version'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout.trim()).toBe(`bedrock-preflight ${VERSION}`)
  })

  it('--help lists every flag and the explain command', async () => {
    const run = await cli(['--help'])
    expect(run.exitCode).toBe(0)
    for (const flag of [
      '--region',
      '--model',
      '--assume-role-arn',
      '--env-file',
      '--invoke-probe',
      '--fail-on',
      '--timeout',
      '--profile',
      '--json',
      '--debug',
      'explain'
    ]) {
      expect(run.stdout).toContain(flag)
    }
  })
})

describe('bedrock-preflight explain', () => {
  it.each(SEED_TEXTS)('explains the seed error "$text"', async ({ text, catalogId }) => {
    const run = await cli(['explain', text])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`Catalog entry: ${catalogId}`)
    expect(run.stdout).toContain('Cause: ')
    expect(run.stdout).toContain('Fix:')
    expect(run.stdout).toContain('Docs: https://')
  })

  it('reads the error from stdin', async () => {
    const run = await cli(['explain'], {
      stdin:
        'An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired\n'
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('Catalog entry: expired-token')
  })

  it('finds the first real error in a noisy log, before the retries and the loop detector', async () => {
    // The AccessDenied text is AWS's (shared/reference/bedrock.md); retries repeat it.
    const denied =
      'AccessDeniedException: User: arn:aws:sts::308535385114:assumed-role/dev/alice is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0 because no identity-based policy allows the bedrock:InvokeModel action'
    const log = [
      '2026-11-25T09:00:01Z INFO starting InsightWorker agent',
      `2026-11-25T09:00:02Z DEBUG using key ${FAKE.accessKeyId}`,
      `2026-11-25T09:00:03Z ERROR ${denied}`,
      '2026-11-25T09:00:04Z WARN retrying (attempt 2)',
      `2026-11-25T09:00:05Z ERROR ${denied}`,
      '2026-11-25T09:00:06Z ERROR loop detector: the same error 3 times, giving up'
    ].join('\n')
    const run = await cli(['explain'], { stdin: log })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('The first real error is on line 3:')
    expect(run.stdout).toContain('Catalog entry: bedrock-invoke-denied')
    expect(run.stdout).toMatch(/loop-detector lines \(6\)/)
    expect(run.stdout).toContain('Lines 5 repeat the same error.')
    expect(leakedSecrets(run)).toEqual([])
  })

  it('reads an error wrapped over two lines as one error', async () => {
    const run = await cli(['explain'], {
      stdin: 'AccessDeniedException:\n  not authorized to perform: bedrock:InvokeModel\n'
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('The first real error starts on line 1:')
    expect(run.stdout).toContain('Catalog entry: bedrock-invoke-denied')
    expect(run.stdout).not.toContain('Other known errors')
  })

  // AWS UG `api-keys-how`: ABSK + base64("BedrockAPIKey-<id>-at-<account>:<secret>"); the
  // refusal text is Bedrock's (reference bedrock.md §0).
  const longTermKey = `ABSK${Buffer.from('BedrockAPIKey-q9z1-at-111122223333:c2VjcmV0LWZvci10aGUtZXhwbGFpbi10ZXN0').toString('base64')}`
  const refused = (key: string) =>
    `2026-12-07T10:00:00Z ERROR POST /model/x/invoke (Authorization: Bearer ${key}) 403 UnrecognizedClientException: The bearer token included in the request is invalid.`

  it('never prints a Bedrock API key from the pasted line, the same key in AWS_BEARER_TOKEN_BEDROCK', async () => {
    const run = await cli(['explain'], {
      stdin: `2026-12-07T09:59:59Z INFO starting\n${refused(longTermKey)}\n`,
      env: { AWS_BEARER_TOKEN_BEDROCK: longTermKey }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain('The first real error is on line 2:')
    expect(run.stdout).not.toContain(longTermKey.slice(4, 40))
  })

  it('hides API keys and secret access keys in a pasted log the CLI never saw', async () => {
    const shortTerm = `bedrock-api-key-${Buffer.from('bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Signature=abcdef0123456789').toString('base64')}`
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'
    for (const line of [
      refused(longTermKey),
      refused(shortTerm),
      `{"Credentials": {"SecretAccessKey": "${secret}"}} ExpiredTokenException: The security token included in the request is expired`,
      `aws_secret_access_key = ${secret} ExpiredTokenException: The security token included in the request is expired`
    ]) {
      const run = await cli(['explain'], { stdin: `INFO starting\n${line}\n` })
      expect(run.stdout).toContain('The first real error is on line 2:')
      expect(run.stdout).not.toContain(longTermKey.slice(4, 40))
      expect(run.stdout).not.toContain(shortTerm.slice(16, 40))
      expect(run.stdout).not.toContain(secret)
    }
  })

  it('hides session tokens (STS JSON, credentials file, environment) in a pasted log', async () => {
    // A session token is base64 (IQoJb3JpZ2luX2Vj… decodes to "\t\norigin_ec"), with / + and =.
    const token = `IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+abc/def+ghi==`
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'
    const expired = 'ExpiredTokenException: The security token included in the request is expired'
    for (const line of [
      `{"Credentials": {"AccessKeyId": "ASIAIOSFODNN7EXAMPLE", "SecretAccessKey": "${secret}", "SessionToken": "${token}"}} ${expired}`,
      `{"Version": 1, "SessionToken": "${token}"} ${expired}`,
      `aws_session_token = ${token} ${expired}`,
      `aws_security_token=${token} ${expired}`,
      `export AWS_SESSION_TOKEN=${token} AWS_SECRET_ACCESS_KEY=${secret} ${expired}`
    ]) {
      const run = await cli(['explain'], { stdin: `INFO starting\n${line}\n` })
      expect(run.stdout).toContain('The first real error is on line 2:')
      expect(run.stdout).not.toContain(token.slice(0, 24))
      expect(run.stdout).not.toContain(secret)
    }
  })

  it('says plainly when an error is not in the catalog, exit 1', async () => {
    const run = await cli(['explain', 'Segmentation fault in the flux capacitor'])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('not in the bedrock-preflight catalog')
  })

  it('with nothing to read, is a usage error', async () => {
    const run = await cli(['explain'], { stdin: '   \n' })
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('explain was given an empty text')
  })
})
