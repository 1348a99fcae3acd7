import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { useFakeAws, query, type FakeRequest } from '../harness/fake-aws.js'
import { runAction, leakedSecrets, FAKE, type ActionRun } from '../harness/run-action.js'
import { CALLER_ROLE_ARN, OIDC_SESSION_ENV } from '../harness/scenarios.js'
import { healthyAccount, ISSUED, JOB_ROLE_ARN, TARGET_ROLE_ARN } from '../harness/e2e-world.js'
import { SEED_POLICY } from '../harness/fake-bedrock.js'
import { simulatePrincipalPolicy, type PolicyDocument } from '../harness/fake-iam-simulator.js'

const fake = useFakeAws(healthyAccount)
const PROVIDER = `arn:aws:iam::${FAKE.account}:oidc-provider/token.actions.githubusercontent.com`
const OTHER_ACCOUNT_ROLE = 'arn:aws:iam::444455556666:role/bedrock-invoker'

// Real AWS texts (shared/reference/iam-sts-oidc.md and the IAM denial form).
const assumeDenied = (role: string) =>
  query.error(
    'AccessDenied',
    `User: ${CALLER_ROLE_ARN} is not authorized to perform: sts:AssumeRole on resource: ${role}`,
    403
  )
const webIdentityDenied = query.error(
  'AccessDenied',
  'Not authorized to perform sts:AssumeRoleWithWebIdentity',
  403
)
const noProvider = query.error(
  'InvalidIdentityToken',
  'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com'
)
const wrongAudience = query.error('InvalidIdentityToken', 'Incorrect token audience')
const getRoleDenied = query.error(
  'AccessDenied',
  `User: ${CALLER_ROLE_ARN} is not authorized to perform: iam:GetRole on resource: role bedrock-invoker because no identity-based policy allows the iam:GetRole action`,
  403
)

const ASSUMED = {
  keyId: 'ASIATRUSTE2EASSUMED1',
  secret: 'tRuStE2eSeCrEt/AssumedRoleKey+0123456789abcd',
  token: 'IQoJb3JpZ2luX2VjTrustE2EAssumedSessionToken0123456789abcdefghij=='
}

/** GetRole of the role asked for (IAM answers for that role, never another), with this trust. */
function roleWithTrust(trust: unknown) {
  return (req: FakeRequest) => {
    const name = req.params.RoleName ?? 'bedrock-invoker'
    const arn =
      name === 'bedrock-invoker' ? TARGET_ROLE_ARN : `arn:aws:iam::${FAKE.account}:role/${name}`
    return query.ok(
      'iam',
      'GetRole',
      `<Role><Path>/</Path><RoleName>${name}</RoleName><RoleId>AROAFAKEROLEID</RoleId><Arn>${arn}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${encodeURIComponent(JSON.stringify(trust))}</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration></Role>`
    )
  }
}

const trusts = (principal: string) => ({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Deployers', Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }
  ]
})

const ASSUME_POLICY: PolicyDocument = {
  Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: TARGET_ROLE_ARN }]
}

function callerPolicies(withAssume: boolean) {
  return simulatePrincipalPolicy({
    identity: { seed: SEED_POLICY, ...(withAssume ? { assume: ASSUME_POLICY } : {}) }
  })
}

function trustFindings(run: ActionRun, checkId: string) {
  return run.report?.findings.filter((f) => f.checkId === checkId) ?? []
}

function assumeRun(role = TARGET_ROLE_ARN) {
  return runAction({
    endpoints: fake.env,
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    inputs: { 'assume-role-arn': role }
  })
}

describe('role trust through the bundled action', () => {
  it('passes for an assumable role and never shows the credentials AssumeRole returned', async () => {
    fake.handle({
      'sts:AssumeRole': query.ok(
        'sts',
        'AssumeRole',
        `<Credentials><AccessKeyId>${ASSUMED.keyId}</AccessKeyId><SecretAccessKey>${ASSUMED.secret}</SecretAccessKey><SessionToken>${ASSUMED.token}</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKEROLEID:bedrock-preflight</AssumedRoleId><Arn>arn:aws:sts::${FAKE.account}:assumed-role/bedrock-invoker/bedrock-preflight</Arn></AssumedRoleUser>`
      )
    })
    const run = await assumeRun()
    const [f] = trustFindings(run, 'role-trust')
    expect(f?.status).toBe('pass')
    expect(f?.subject).toBe(TARGET_ROLE_ARN)
    const call = fake.requests.find((r) => r.operation === 'AssumeRole')
    expect(call?.params).toMatchObject({
      RoleArn: TARGET_ROLE_ARN,
      RoleSessionName: 'bedrock-preflight',
      DurationSeconds: '900'
    })
    expect(run.masked).toEqual(expect.arrayContaining([ASSUMED.secret, ASSUMED.token]))
    expect(leakedSecrets(run, [ASSUMED.keyId, ASSUMED.secret, ASSUMED.token])).toEqual([])
    expect(run.blocked).toEqual([])
  })

  describe('session tags, as configure-aws-credentials sends them on a chained AssumeRole', () => {
    // STS refuses a tagged AssumeRole when the trust policy lacks sts:TagSession; AWS's text as
    // users of configure-aws-credentials report it (__tests__/fixtures/reference-errors.ts).
    const refusesTags = (req: FakeRequest) =>
      req.params['Tags.member.1.Key']
        ? query.error(
            'AccessDenied',
            `User: ${CALLER_ROLE_ARN} is not authorized to perform: sts:TagSession on resource: ${TARGET_ROLE_ARN}`,
            403
          )
        : query.ok(
            'sts',
            'AssumeRole',
            `<Credentials><AccessKeyId>${ASSUMED.keyId}</AccessKeyId><SecretAccessKey>${ASSUMED.secret}</SecretAccessKey><SessionToken>${ASSUMED.token}</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROAFAKEROLEID:bedrock-preflight</AssumedRoleId><Arn>arn:aws:sts::${FAKE.account}:assumed-role/bedrock-invoker/bedrock-preflight</Arn></AssumedRoleUser>`
          )

    const taggedRun = (setting?: string) =>
      runAction({
        endpoints: fake.env,
        env: {
          ...OIDC_SESSION_ENV,
          AWS_REGION: 'us-east-1',
          GITHUB_REPOSITORY: 'acme/insightworker',
          GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567'
        },
        inputs: {
          'assume-role-arn': TARGET_ROLE_ARN,
          ...(setting ? { 'role-session-tags': setting } : {})
        }
      })

    it('warns by default when the role admits the caller but not its session tags', async () => {
      fake.handle({ 'sts:AssumeRole': refusesTags })
      const run = await taggedRun()
      const [f] = trustFindings(run, 'role-trust')
      expect(f?.status).toBe('warn')
      expect(f?.catalogId).toBe('tag-session-denied')
      expect(run.outputs.result).toBe('warn')
      expect(run.exitCode).toBe(0)
      const calls = fake.requests.filter((r) => r.operation === 'AssumeRole')
      expect(
        calls.map((c) => [c.params['Tags.member.1.Key'], c.params['Tags.member.2.Value']])
      ).toEqual([
        ['GitHub', 'acme/insightworker'],
        [undefined, undefined]
      ])
      expect(run.summary).toContain('sts:TagSession')
      expect(run.annotations.find((a) => a.title?.includes('role-trust'))?.level).toBe('warning')
      expect(leakedSecrets(run, [ASSUMED.keyId, ASSUMED.secret, ASSUMED.token])).toEqual([])
    })

    it('fails the job with role-session-tags: true', async () => {
      fake.handle({ 'sts:AssumeRole': refusesTags })
      const run = await taggedRun('true')
      expect(trustFindings(run, 'role-trust')[0]?.status).toBe('fail')
      expect(run.outputs.result).toBe('fail')
      expect(run.exitCode).not.toBe(0)
    })

    it('sends no tags with role-session-tags: false, and rejects any other value by name', async () => {
      fake.handle({ 'sts:AssumeRole': refusesTags })
      const run = await taggedRun('false')
      expect(trustFindings(run, 'role-trust')[0]?.status).toBe('pass')
      const bad = await taggedRun('sometimes')
      expect(bad.outputs.result).toBe('fail')
      expect(bad.stdout).toContain(
        'Input role-session-tags: role-session-tags must be one of auto, true, false'
      )
    })
  })

  it('names the trust policy as the refusing side when it does not admit the caller', async () => {
    fake.handle({
      'sts:AssumeRole': assumeDenied(TARGET_ROLE_ARN),
      'iam:GetRole': roleWithTrust(trusts(`arn:aws:iam::${FAKE.account}:role/someone-else`)),
      'iam:SimulatePrincipalPolicy': callerPolicies(true)
    })
    const run = await assumeRun()
    const [f] = trustFindings(run, 'role-trust')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('assume-role-denied')
    expect(f?.title).toContain("the role's trust policy refuses the caller")
    expect(f?.observed?.join('\n')).toContain(`trust policy: does not admit ${JOB_ROLE_ARN}`)
    expect(f?.observed?.join('\n')).toContain('→ allowed')
    expect(f?.fix).toContain('**Trust side:**')
    const trust = f?.details?.find((d) => d.title.startsWith('Trust statement'))
    expect(trust?.body).toContain('```json')
    expect(trust?.body).toContain(`"AWS": "${JOB_ROLE_ARN}"`)
    expect(run.summary).toContain('Trust statement admitting')
    // IAM was asked about the session's role, not the session.
    const sim = fake.requests.find(
      (r) =>
        r.operation === 'SimulatePrincipalPolicy' &&
        r.params['ActionNames.member.1'] === 'sts:AssumeRole'
    )
    expect(sim?.params.PolicySourceArn).toBe(JOB_ROLE_ARN)
    expect(sim?.params['ResourceArns.member.1']).toBe(TARGET_ROLE_ARN)
    expect(leakedSecrets(run)).toEqual([])
  })

  it("names the caller's policies as the refusing side when they lack sts:AssumeRole", async () => {
    fake.handle({
      'sts:AssumeRole': assumeDenied(TARGET_ROLE_ARN),
      'iam:GetRole': roleWithTrust(trusts(`arn:aws:iam::${FAKE.account}:root`)),
      'iam:SimulatePrincipalPolicy': callerPolicies(false)
    })
    const run = await assumeRun()
    const [f] = trustFindings(run, 'role-trust')
    expect(f?.status).toBe('fail')
    expect(f?.title).toContain("the caller's policies do not allow sts:AssumeRole")
    expect(f?.observed?.join('\n')).toContain('trust policy: admits')
    expect(f?.fix).toContain('**Caller side:**')
    expect(f?.fix).not.toContain('**Trust side:**')
    const identity = f?.details?.find((d) => d.title.startsWith('Identity statement'))
    expect(identity?.body).toContain(`"Resource": "${TARGET_ROLE_ARN}"`)
    expect(identity?.body).toContain('"Action": "sts:AssumeRole"')
  })

  it('names both sides when neither allows it', async () => {
    fake.handle({
      'sts:AssumeRole': assumeDenied(TARGET_ROLE_ARN),
      'iam:GetRole': roleWithTrust(trusts(`arn:aws:iam::${FAKE.account}:role/someone-else`)),
      'iam:SimulatePrincipalPolicy': callerPolicies(false)
    })
    const run = await assumeRun()
    const [f] = trustFindings(run, 'role-trust')
    expect(f?.title).toContain("both the trust policy and the caller's policies refuse")
    expect(f?.fix).toContain('**Trust side:**')
    expect(f?.fix).toContain('**Caller side:**')
    expect(f?.details?.map((d) => d.title.split(' ')[0])).toEqual(['Trust', 'Identity'])
  })

  it('reports the trust side unverified, naming iam:GetRole, when the role cannot be read', async () => {
    fake.handle({
      'sts:AssumeRole': assumeDenied(TARGET_ROLE_ARN),
      'iam:GetRole': getRoleDenied,
      'iam:SimulatePrincipalPolicy': callerPolicies(true)
    })
    const run = await assumeRun()
    const findings = trustFindings(run, 'role-trust')
    expect(findings[0]?.status).toBe('fail')
    expect(findings[0]?.title).toContain('could not be fully verified')
    const unverified = findings.find((f) => f.status === 'unverified')
    expect(unverified?.catalogId).toBe('preflight-read-denied')
    expect(unverified?.fix).toContain('iam:GetRole')
    expect(unverified?.title).toContain('could not be read')
  })

  it('says both sides are needed for a cross-account role', async () => {
    fake.handle({
      'sts:AssumeRole': assumeDenied(OTHER_ACCOUNT_ROLE),
      'iam:SimulatePrincipalPolicy': callerPolicies(false)
    })
    const run = await assumeRun(OTHER_ACCOUNT_ROLE)
    const findings = trustFindings(run, 'role-trust')
    expect(findings[0]?.observed?.join('\n')).toContain('cross-account')
    expect(findings[0]?.cause).toContain('cross-account')
    expect(findings[0]?.details?.map((d) => d.title.split(' ')[0]).sort()).toEqual([
      'Identity',
      'Trust'
    ])
    expect(findings.find((f) => f.status === 'unverified')?.title).toContain('another account')
    // The other account's role is never read; only the caller's own, for its stored ARN.
    expect(
      fake.requests.filter((r) => r.operation === 'GetRole').map((r) => r.params.RoleName)
    ).toEqual(['github-actions-bedrock'])
  })
})

/** A JWT-shaped token (never valid anywhere) with the claims a GitHub job would present. */
function githubToken(claims: Record<string, string>, tag: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({
    iss: 'https://token.actions.githubusercontent.com',
    aud: 'sts.amazonaws.com',
    repository: 'octo-org/app',
    repository_owner: 'octo-org',
    ...claims
  })}.${Buffer.from(`FakeSignature${tag}TrustE2E`).toString('base64url')}`
}

const PR_TOKEN = githubToken(
  {
    sub: 'repo:octo-org/app:pull_request',
    ref: 'refs/pull/7/merge',
    event_name: 'pull_request',
    job_workflow_ref: 'octo-org/app/.github/workflows/ci.yml@refs/pull/7/merge'
  },
  'PR'
)
const MAIN_TOKEN = githubToken(
  {
    sub: 'repo:octo-org/app:environment:production',
    ref: 'refs/heads/main',
    environment: 'production',
    event_name: 'push'
  },
  'MAIN'
)

interface TokenServer {
  env: Record<string, string>
  audiences: string[]
  close(): Promise<void>
}

let tokenServer: TokenServer
let currentToken = MAIN_TOKEN

async function startTokenServer(): Promise<TokenServer> {
  const audiences: string[] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    audiences.push(url.searchParams.get('audience') ?? '')
    if (req.headers.authorization !== `Bearer ${ISSUED.requestToken}`) {
      res.writeHead(401).end('{"message":"bad request token"}')
      return
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ value: currentToken }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?x=1`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: ISSUED.requestToken
    },
    audiences,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

beforeAll(async () => {
  tokenServer = await startTokenServer()
})
afterAll(async () => tokenServer.close())
beforeEach(() => {
  tokenServer.audiences.splice(0)
  currentToken = MAIN_TOKEN
})

const NO_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined
}

function oidcRun(env: Record<string, string | undefined> = {}, withToken = true) {
  return runAction({
    endpoints: fake.env,
    env: { AWS_REGION: 'us-east-1', ...(withToken ? tokenServer.env : {}), ...env },
    inputs: { 'oidc-role-arn': JOB_ROLE_ARN }
  })
}

const MAIN_ONLY_TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'GitHubMain',
      Effect: 'Allow',
      Principal: { Federated: PROVIDER },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:ref:refs/heads/main'
        }
      }
    }
  ]
}

const secretsOf = (token: string) => [
  token,
  ISSUED.requestToken,
  ISSUED.webIdentityKeyId,
  ISSUED.webIdentitySecret,
  ISSUED.webIdentityToken
]

describe('GitHub OIDC trust through the bundled action', () => {
  it('exchanges the token with no AWS credentials at all, unsigned, and shows the claims', async () => {
    const run = await oidcRun(NO_CREDENTIALS)
    const [f] = trustFindings(run, 'oidc-trust')
    expect(f?.status).toBe('pass')
    expect(f?.observed).toEqual(
      expect.arrayContaining([
        'sub: repo:octo-org/app:environment:production',
        'aud: sts.amazonaws.com',
        'environment: production',
        'event_name: push'
      ])
    )
    const call = fake.requests.find((r) => r.operation === 'AssumeRoleWithWebIdentity')
    expect(call?.signed).toBe(false)
    expect(call?.params).toMatchObject({
      RoleArn: JOB_ROLE_ARN,
      RoleSessionName: 'bedrock-preflight',
      DurationSeconds: '900',
      WebIdentityToken: MAIN_TOKEN
    })
    expect(tokenServer.audiences).toEqual(['sts.amazonaws.com'])
    expect(run.masked).toContain(MAIN_TOKEN)
    expect(run.masked).toEqual(
      expect.arrayContaining([ISSUED.webIdentitySecret, ISSUED.webIdentityToken])
    )
    expect(leakedSecrets(run, secretsOf(MAIN_TOKEN))).toEqual([])
    expect(run.blocked).toEqual([])
  })

  it('explains a missing OIDC provider', async () => {
    fake.handle({ 'sts:AssumeRoleWithWebIdentity': noProvider })
    const run = await oidcRun(NO_CREDENTIALS)
    const [f] = trustFindings(run, 'oidc-trust')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('oidc-provider-missing')
    expect(f?.fix).toContain('aws iam create-open-id-connect-provider')
    expect(leakedSecrets(run, secretsOf(MAIN_TOKEN))).toEqual([])
  })

  it('shows the sub a pull_request run presents and the corrected StringLike value', async () => {
    currentToken = PR_TOKEN
    fake.handle({ 'sts:AssumeRoleWithWebIdentity': webIdentityDenied })
    const run = await oidcRun(NO_CREDENTIALS)
    const [f] = trustFindings(run, 'oidc-trust')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('web-identity-denied')
    expect(f?.observed).toContain('sub: repo:octo-org/app:pull_request')
    expect(f?.observed?.join('\n')).toContain('no AWS credentials')
    expect(f?.fix).toContain('`repo:octo-org/app:pull_request`')
    expect(f?.fix).toContain(
      '"StringLike": { "token.actions.githubusercontent.com:sub": "repo:octo-org/app:*" }'
    )
    const statement = f?.details?.find((d) => d.title === 'Suggested trust statement')
    expect(statement?.body).toContain(`"Federated": "${PROVIDER}"`)
    expect(statement?.body).toContain(
      '"token.actions.githubusercontent.com:sub": "repo:octo-org/app:*"'
    )
    expect(leakedSecrets(run, secretsOf(PR_TOKEN))).toEqual([])
  })

  it('names the failing trust condition when the role is readable', async () => {
    fake.handle({
      'sts:AssumeRoleWithWebIdentity': webIdentityDenied,
      'iam:GetRole': roleWithTrust(MAIN_ONLY_TRUST)
    })
    const run = await oidcRun(OIDC_SESSION_ENV)
    const [f] = trustFindings(run, 'oidc-trust')
    expect(f?.observed?.join('\n')).toContain(
      'trust policy statement "GitHubMain" (#1): StringEquals token.actions.githubusercontent.com:sub expects "repo:octo-org/app:ref:refs/heads/main", the token presents "repo:octo-org/app:environment:production" → does not match'
    )
    expect(leakedSecrets(run, secretsOf(MAIN_TOKEN))).toEqual([])
  })

  it('explains a wrong audience', async () => {
    fake.handle({ 'sts:AssumeRoleWithWebIdentity': wrongAudience })
    const run = await oidcRun(NO_CREDENTIALS)
    const [f] = trustFindings(run, 'oidc-trust')
    expect(f?.catalogId).toBe('oidc-audience')
    expect(f?.observed).toContain('aud: sts.amazonaws.com')
  })

  it('explains a job without the id-token: write permission', async () => {
    const run = await oidcRun(NO_CREDENTIALS, false)
    const [f] = trustFindings(run, 'oidc-trust')
    expect(f?.status).toBe('fail')
    expect(f?.catalogId).toBe('oidc-token-unavailable')
    expect(f?.fix).toContain('id-token: write')
    expect(fake.requests.some((r) => r.operation === 'AssumeRoleWithWebIdentity')).toBe(false)
  })
})
