import { getToken } from '@aws/bedrock-token-generator'
import { query, useFakeAws } from '../harness/fake-aws.js'
import { FULL_AWS_ACCESS, simulatePrincipalPolicy } from '../harness/fake-iam-simulator.js'
import { runAction, leakedSecrets, type ActionRun } from '../harness/run-action.js'
import { healthyAccount, JOB_ROLE_ARN } from '../harness/e2e-world.js'
import { OIDC_SESSION_ENV, jobSessionKey } from '../harness/scenarios.js'
import { keyMadeAgo } from '../harness/key-made-ago.js'
import { SEED_POLICY, SONNET_45 } from '../harness/fake-bedrock.js'

const fake = useFakeAws(healthyAccount)

/** Throw-away signing credentials: the key below is real, made by AWS's own generator. */
const SIGNER = {
  accessKeyId: 'ASIAKEYSIGNER0000042',
  secretAccessKey: 'throwAwaySigningSecret/ForTheFakeOnly0000',
  sessionToken: 'ThrowAwaySessionTokenInsideTheKey0000000000000000'
}
const shortTermKey = (region: string) =>
  getToken({ credentials: SIGNER, region, expiresInSeconds: 3600 })
/** A long-term key's shape: ABSK + base64("BedrockAPIKey-<id>-at-<account>:<secret>"). */
const LONG_TERM_SECRET = 'bG9uZ1Rlcm1TZWNyZXRGb3JUaGVGYWtlT25seQ=='
const LONG_TERM_KEY = `ABSK${Buffer.from(`BedrockAPIKey-x7k2-at-111122223333:${LONG_TERM_SECRET}`).toString('base64')}`

/** No IAM credentials at all: what a new user with only the console's key has. */
const KEY_ONLY_ENV = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_REGION: 'us-east-1'
}

async function preflight(
  key: string,
  env: Record<string, string | undefined> = KEY_ONLY_ENV,
  inputs: Record<string, string> = {}
): Promise<ActionRun> {
  const run = await runAction({
    endpoints: fake.env,
    env: { ...env, AWS_BEARER_TOKEN_BEDROCK: key },
    inputs: { 'model-id': `us.${SONNET_45}`, ...inputs }
  })
  // Neither the key, nor the session token and signature it carries, is printed anywhere.
  const signature = key.startsWith('bedrock-api-key-')
    ? new URL(`https://${Buffer.from(key.slice(16), 'base64').toString()}`).searchParams.get(
        'X-Amz-Signature'
      )
    : null
  expect(
    leakedSecrets(run, [
      key,
      SIGNER.sessionToken,
      SIGNER.secretAccessKey,
      LONG_TERM_SECRET,
      ...(signature ? [signature] : [])
    ])
  ).toEqual([])
  return run
}
/** IAM's answer to ListServiceSpecificCredentials for a long-term key's user (one key). */
const serviceCredentials = (user: string, status: 'Active' | 'Inactive', id: string) => ({
  'iam:ListServiceSpecificCredentials': query.ok(
    'iam',
    'ListServiceSpecificCredentials',
    `<ServiceSpecificCredentials><member><UserName>${user}</UserName><Status>${status}</Status><ServiceUserName>${user}-at-111122223333</ServiceUserName><CreateDate>2026-11-01T00:00:00Z</CreateDate><ServiceSpecificCredentialId>${id}</ServiceSpecificCredentialId><ServiceName>bedrock.amazonaws.com</ServiceName></member></ServiceSpecificCredentials>`
  )
})
const finding = (run: ActionRun, checkId: string) =>
  run.report?.findings.filter((f) => f.checkId === checkId) ?? []
const bedrockCalls = () => fake.requests.filter((r) => r.service.startsWith('bedrock'))

describe('Bedrock API keys through the bundled action', () => {
  it('with only a short-term key: no credentials failure, the Bedrock reads use the key, IAM checks say why they cannot verify', async () => {
    fake.bearer({ secrets: { [SIGNER.accessKeyId]: SIGNER.secretAccessKey } })
    const run = await preflight(await shortTermKey('us-east-1'))
    expect(finding(run, 'credentials').map((f) => f.messageId)).toEqual(['apiKeyOnly'])
    expect(finding(run, 'identity')[0]).toMatchObject({
      status: 'unverified',
      messageId: 'apiKeyOnly'
    })
    expect(finding(run, 'api-key').map((f) => f.messageId)).toEqual(['shortTerm', 'keyOnly'])
    expect(finding(run, 'model-resolve')[0]?.status).toBe('pass')
    expect(finding(run, 'quota')[0]).toMatchObject({
      status: 'unverified',
      messageId: 'needsCredentials'
    })
    expect(bedrockCalls().length).toBeGreaterThan(0)
    expect(bedrockCalls().every((r) => r.bearer === 'short-term')).toBe(true)
    expect(fake.requests.filter((r) => r.service === 'sts' || r.service === 'iam')).toEqual([])
    // Never a pass without the proof, never a failure for a setup that works.
    expect(run.outputs.result).toBe('warn')
    expect(run.exitCode).toBe(0)
  })

  it('with only a long-term key: names its IAM user and account', async () => {
    fake.bearer({ longTermKeys: { [LONG_TERM_KEY]: 'us-east-1' } })
    const run = await preflight(LONG_TERM_KEY)
    const [f] = finding(run, 'api-key')
    expect(f).toMatchObject({ status: 'pass', messageId: 'longTerm' })
    expect(f?.title).toContain('BedrockAPIKey-x7k2')
    expect(f?.title).toContain('111122223333')
    expect(bedrockCalls().every((r) => r.bearer === 'long-term')).toBe(true)
    expect(run.outputs.result).toBe('warn')
  })

  it('with a long-term key of an IAM user of any name (made with the CLI or Terraform): names that user', async () => {
    // CreateServiceSpecificCredential works for any IAM user; the alias is <user>-at-<account>
    // (AWS UG api-keys-how). This user's name has the characters IAM allows, and `-at-` itself.
    const key = `ABSK${Buffer.from(`ci-bot.deploy@team-at-home-at-111122223333:${LONG_TERM_SECRET}`).toString('base64')}`
    fake.bearer({ longTermKeys: { [key]: 'us-east-1' } })
    const run = await preflight(key)
    const [f] = finding(run, 'api-key')
    expect(f).toMatchObject({ status: 'pass', messageId: 'longTerm' })
    expect(f?.title).toContain('ci-bot.deploy@team-at-home')
    expect(f?.title).toContain('111122223333')
  })

  it('fails an expired key before any call, with how to make a new one', async () => {
    const key = await keyMadeAgo(2, {
      credentials: SIGNER,
      region: 'us-east-1',
      expiresInSeconds: 1
    })
    const run = await preflight(key)
    const [f] = finding(run, 'api-key')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'expired',
      catalogId: 'bedrock-api-key-rejected'
    })
    expect(f?.fix).toContain('@aws/bedrock-token-generator')
    expect(run.outputs.result).toBe('fail')
  })

  it('fails a key made for another region, naming both', async () => {
    const run = await preflight(await shortTermKey('eu-west-1'))
    const [f] = finding(run, 'api-key')
    expect(f).toMatchObject({ status: 'fail', messageId: 'otherRegion' })
    expect(f?.title).toContain('is for eu-west-1, but this job calls Bedrock in us-east-1')
  })

  it('reports a key Bedrock refuses through the catalog, as explain would', async () => {
    // The fake knows another secret for the signer: the key's signature does not hold.
    fake.bearer({ secrets: { [SIGNER.accessKeyId]: 'not-the-secret-that-signed-it' } })
    const run = await preflight(await shortTermKey('us-east-1'))
    const [f] = finding(run, 'model-resolve')
    expect(f?.catalogId).toBe('bedrock-api-key-rejected')
    expect(f?.observed?.join('\n')).toContain(
      'Authentication failed: Please make sure your API Key is valid.'
    )
    expect(run.outputs.result).not.toBe('pass')
  })

  it('fails a value that is no Bedrock API key at all', async () => {
    const run = await preflight('sk-ant-api03-notABedrockKeyAtAll000000000000')
    const [f] = finding(run, 'api-key')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'malformed',
      catalogId: 'bedrock-api-key-format'
    })
  })

  it('with a key and a role: warns that the agent calls Bedrock with the key, and says which calls use which', async () => {
    const run = await preflight(await shortTermKey('us-east-1'), OIDC_SESSION_ENV, {
      'aws-region': 'us-east-1'
    })
    const warning = finding(run, 'api-key').find((f) => f.messageId === 'keyAndCredentials')
    expect(warning?.status).toBe('warn')
    expect(warning?.title).toContain('not with arn:aws:sts::111122223333:assumed-role/')
    expect(warning?.observed?.join('\n')).toContain(
      'STS, IAM and Service Quotas calls: the IAM credentials'
    )
    // Bedrock with the key, STS and IAM signed with the role: never switched silently.
    expect(bedrockCalls().every((r) => r.bearer === 'short-term')).toBe(true)
    const signed = fake.requests.filter((r) => r.service === 'sts' || r.service === 'iam')
    expect(signed.length).toBeGreaterThan(0)
    expect(signed.every((r) => r.signed && !r.bearer)).toBe(true)
    expect(finding(run, 'identity')[0]?.title).toContain(JOB_ROLE_ARN.split('/').pop()!)
  })

  it('the invoke probe sends its one call with the key', async () => {
    const run = await preflight(await shortTermKey('us-east-1'), KEY_ONLY_ENV, {
      'invoke-probe': 'true'
    })
    expect(finding(run, 'invoke-probe')[0]?.status).toBe('pass')
    const probe = fake.requests.find((r) => r.operation === 'InvokeModelWithResponseStream')
    expect(probe?.bearer).toBe('short-term')
  })
})

describe('the permissions behind a Bedrock API key (with IAM credentials at hand)', () => {
  const jobKey = () => jobSessionKey()
  const withRole = async (policies: Parameters<typeof simulatePrincipalPolicy>[0]) => {
    fake.handle({ 'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy(policies) })
    return preflight(await jobKey(), OIDC_SESSION_ENV, { 'aws-region': 'us-east-1' })
  }
  const ALLOW_KEYS = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow' as const,
        Action: ['bedrock:InvokeModel*', 'bedrock:CallWithBearerToken'],
        Resource: '*'
      }
    ]
  }

  it("passes when the job's role, which signed the key, may use it", async () => {
    const run = await withRole({ identity: { keys: ALLOW_KEYS } })
    const [f] = finding(run, 'api-key-permission')
    expect(f).toMatchObject({ status: 'pass', messageId: 'allowed' })
    expect(f?.title).toContain(JOB_ROLE_ARN)
  })

  it('fails when no policy allows bedrock:CallWithBearerToken, with the statement to add', async () => {
    const run = await withRole({ identity: { seed: SEED_POLICY } })
    const [f] = finding(run, 'api-key-permission')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'notAllowed',
      catalogId: 'bedrock-api-key-denied'
    })
    expect(f?.fix).toContain('"Action": "bedrock:CallWithBearerToken"')
  })

  it('names an SCP that denies API keys as the cause, not the role', async () => {
    const run = await withRole({
      identity: { keys: ALLOW_KEYS },
      scp: {
        FullAWSAccess: FULL_AWS_ACCESS,
        DenyBedrockApiKeys: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Deny', Action: 'bedrock:CallWithBearerToken', Resource: '*' }]
        }
      }
    })
    const [f] = finding(run, 'api-key-permission')
    expect(f).toMatchObject({ status: 'fail', messageId: 'scpDenies' })
    expect(f?.fix).toContain('no identity policy can override it')
  })

  it("reads a long-term key's state in IAM and simulates its own user", async () => {
    const user = 'BedrockAPIKey-x7k2'
    fake.bearer({ longTermKeys: { [LONG_TERM_KEY]: 'us-east-1' } })
    fake.handle(serviceCredentials(user, 'Inactive', 'ACCAFAKEKEYID0000001'))
    const run = await preflight(LONG_TERM_KEY, OIDC_SESSION_ENV, { 'aws-region': 'us-east-1' })
    const [f] = finding(run, 'api-key-permission')
    expect(f).toMatchObject({ status: 'fail', messageId: 'keyInactive' })
    expect(f?.fix).toContain(
      `--user-name ${user} --service-specific-credential-id ACCAFAKEKEYID0000001 --status Active`
    )
  })
})

describe('invoke permission as the agent calls Bedrock: with the key', () => {
  it("simulates the long-term key's own IAM user, not the job's role", async () => {
    const user = 'BedrockAPIKey-x7k2'
    fake.bearer({ longTermKeys: { [LONG_TERM_KEY]: 'us-east-1' } })
    fake.handle(serviceCredentials(user, 'Active', 'ACCAFAKEKEYID0000002'))
    const run = await preflight(LONG_TERM_KEY, OIDC_SESSION_ENV, { 'aws-region': 'us-east-1' })
    const simulated = fake.requests
      .filter((r) => r.operation === 'SimulatePrincipalPolicy')
      .map((r) => r.params.PolicySourceArn)
    expect(new Set(simulated)).toEqual(new Set([`arn:aws:iam::111122223333:user/${user}`]))
    const [f] = finding(run, 'invoke-permission')
    expect(f?.observed?.join('\n')).toContain('the IAM user of the long-term Bedrock API key')
  })

  it('could not verify when another identity signed the key: the role would not describe the agent', async () => {
    const run = await preflight(await shortTermKey('us-east-1'), OIDC_SESSION_ENV, {
      'aws-region': 'us-east-1'
    })
    const [f] = finding(run, 'invoke-permission')
    expect(f).toMatchObject({ status: 'unverified', messageId: 'keyPrincipalUnknown' })
    expect(f?.title).toContain('ASIA…0042')
  })
})
