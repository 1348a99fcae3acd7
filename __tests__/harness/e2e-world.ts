/**
 * The end-to-end scenarios the hardening suites share (secrets, least privilege, faults): each is a
 * complete job — credentials, inputs, files — against a fake AWS that answers like a healthy
 * account unless the scenario says otherwise. Add a scenario here when a check gains a new path
 * (a role to assume, an OIDC role, …) and every hardening suite covers it.
 */
import { serviceQuotasHandlers } from './fake-service-quotas.js'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { query, type Handlers } from './fake-aws.js'
import { FAKE } from './run-action.js'
import { callerIdentity, OIDC_SESSION_ENV, STATIC_KEY_ENV, STS_ERRORS } from './scenarios.js'
import { bedrockHandlers, SEED_POLICY, SONNET_45 } from './fake-bedrock.js'
import { simulatePrincipalPolicy } from './fake-iam-simulator.js'
import { mantleHandlers } from './fake-mantle.js'

/** Secrets that only appear in answers of the fake (assumed roles) and the OIDC token endpoint. */
export const ISSUED = {
  assumedKeyId: 'ASIAASSUMEDFAKE7QXYZ',
  assumedSecret: 'aSsUmEdSeCrEt/bedrockPreflight+9876543210zyxwvU',
  assumedToken: 'IQoJb3JpZ2luX2VjEAssumedRoleTokenBedrockPreflight9876543210ZYXWVUTSRQ==',
  webIdentityKeyId: 'ASIAWEBIDENTFAKE7QXY',
  webIdentitySecret: 'wEbIdEnTiTySeCrEt/bedrockPreflight+1357924680abc',
  webIdentityToken: 'IQoJb3JpZ2luX2VjEWebIdentityTokenBedrockPreflight1357924680abcdefgh==',
  /** A JWT-shaped GitHub OIDC token (header.payload.signature); never valid anywhere. */
  oidcToken:
    'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJyZXBvOm9yZy9yZXBvOnJlZjpyZWZzL2hlYWRzL21haW4iLCJhdWQiOiJzdHMuYW1hem9uYXdzLmNvbSIsImlzcyI6Imh0dHBzOi8vdG9rZW4uYWN0aW9ucy5naXRodWJ1c2VyY29udGVudC5jb20ifQ.RmFrZVNpZ25hdHVyZUJlZHJvY2tQcmVmbGlnaHQ',
  /** The runtime token the runner gives actions to fetch OIDC tokens. */
  requestToken: 'ghs_FakeActionsIdTokenRequestTokenPreflight01'
} as const

export const JOB_ROLE_ARN = `arn:aws:iam::${FAKE.account}:role/github-actions-bedrock`
export const TARGET_ROLE_ARN = `arn:aws:iam::${FAKE.account}:role/bedrock-invoker`

const expiry = () => new Date(Date.now() + 3600_000).toISOString()

function issuedCredentials(keyId: string, secret: string, token: string): string {
  return `<Credentials><AccessKeyId>${keyId}</AccessKeyId><SecretAccessKey>${secret}</SecretAccessKey><SessionToken>${token}</SessionToken><Expiration>${expiry()}</Expiration></Credentials>`
}

/** A trust policy that lets the job's role assume the target, and GitHub's OIDC provider in. */
const TRUST_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { AWS: JOB_ROLE_ARN }, Action: 'sts:AssumeRole' },
    {
      Effect: 'Allow',
      Principal: {
        Federated: `arn:aws:iam::${FAKE.account}:oidc-provider/token.actions.githubusercontent.com`
      },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
        StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/repo:*' }
      }
    }
  ]
}

/** Every answer a healthy account gives the preflight. */
export function healthyAccount(): Handlers {
  return {
    'sts:GetCallerIdentity': callerIdentity(),
    ...bedrockHandlers(),
    ...serviceQuotasHandlers(),
    ...mantleHandlers(),
    'iam:SimulatePrincipalPolicy': simulatePrincipalPolicy({ identity: { seed: SEED_POLICY } }),
    'iam:GetRole': (req) =>
      query.ok(
        'iam',
        'GetRole',
        `<Role><Path>/</Path><RoleName>${req.params.RoleName ?? 'role'}</RoleName><RoleId>AROAFAKEROLEID</RoleId><Arn>arn:aws:iam::${FAKE.account}:role/${req.params.RoleName ?? 'role'}</Arn><CreateDate>2025-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${encodeURIComponent(JSON.stringify(TRUST_POLICY))}</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration></Role>`
      ),
    'sts:AssumeRole': (req) =>
      query.ok(
        'sts',
        'AssumeRole',
        `${issuedCredentials(ISSUED.assumedKeyId, ISSUED.assumedSecret, ISSUED.assumedToken)}<AssumedRoleUser><AssumedRoleId>AROAFAKEROLEID:${req.params.RoleSessionName ?? 's'}</AssumedRoleId><Arn>arn:aws:sts::${FAKE.account}:assumed-role/bedrock-invoker/${req.params.RoleSessionName ?? 's'}</Arn></AssumedRoleUser>`
      ),
    'sts:AssumeRoleWithWebIdentity': (req) =>
      query.ok(
        'sts',
        'AssumeRoleWithWebIdentity',
        `${issuedCredentials(ISSUED.webIdentityKeyId, ISSUED.webIdentitySecret, ISSUED.webIdentityToken)}<SubjectFromWebIdentityToken>repo:org/repo:ref:refs/heads/main</SubjectFromWebIdentityToken><AssumedRoleUser><AssumedRoleId>AROAFAKEROLEID:${req.params.RoleSessionName ?? 's'}</AssumedRoleId><Arn>arn:aws:sts::${FAKE.account}:assumed-role/github-actions-bedrock/${req.params.RoleSessionName ?? 's'}</Arn></AssumedRoleUser><Provider>arn:aws:iam::${FAKE.account}:oidc-provider/token.actions.githubusercontent.com</Provider><Audience>sts.amazonaws.com</Audience>`
      )
  }
}

export interface E2EScenario {
  name: string
  /** Answers that differ from a healthy account. */
  handlers?: Handlers
  env: Record<string, string | undefined>
  inputs?: Record<string, string>
  files?: Record<string, string>
  /** Secrets the scenario hands the run (beyond FAKE's), which must never appear in its output. */
  secrets?: string[]
  /** Secrets the run reads and uses, so it must register them with ::add-mask::. */
  mustMask: string[]
  /** Needs the OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL). */
  oidc?: boolean
}

const ENV_SECRETS = [FAKE.temporaryKeyId, FAKE.secretAccessKey, FAKE.sessionToken]

export const SCENARIOS: E2EScenario[] = [
  {
    name: 'OIDC session credentials, healthy account',
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    mustMask: ENV_SECRETS
  },
  {
    name: 'invoke probe on, with runner debug logging',
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1', RUNNER_DEBUG: '1' },
    inputs: { 'invoke-probe': 'true', 'model-id': `us.${SONNET_45}` },
    mustMask: ENV_SECRETS
  },
  {
    name: 'long-term key in CI, EU profile',
    env: { ...STATIC_KEY_ENV },
    inputs: { 'aws-region': 'eu-west-1', 'model-id': `eu.${SONNET_45}` },
    mustMask: [FAKE.accessKeyId, FAKE.secretAccessKey]
  },
  {
    name: 'credentials and settings from an InsightWorker .env file',
    env: {},
    inputs: { 'env-file': '.env' },
    files: {
      '.env': [
        `AWS_ACCESS_KEY_ID=${FAKE.temporaryKeyId}`,
        `export AWS_SECRET_ACCESS_KEY="${FAKE.secretAccessKey}"`,
        `AWS_SESSION_TOKEN='${FAKE.sessionToken}'`,
        'AWS_REGION=us-east-1',
        `BEDROCK_MODEL=us.${SONNET_45}`
      ].join('\n')
    },
    mustMask: ENV_SECRETS
  },
  {
    name: 'a malformed .env file whose broken lines hold secrets',
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    inputs: { 'env-file': '.env' },
    files: {
      '.env': [
        `AWS_SECRET_ACCESS_KEY="${'sEcReTiNbRoKeNlInE/0123456789abcdefABCDEF'}`,
        `1AWS_SESSION_TOKEN=${'TokenOnABadKeyLine0123456789abcdefABCDEFGH'}`,
        `ANTHROPIC_API_KEY='sk-ant-FakeKeyAfterQuote0123' trailing`
      ].join('\n')
    },
    secrets: [
      'sEcReTiNbRoKeNlInE/0123456789abcdefABCDEF',
      'TokenOnABadKeyLine0123456789abcdefABCDEFGH',
      'sk-ant-FakeKeyAfterQuote0123'
    ],
    mustMask: ENV_SECRETS
  },
  {
    name: 'expired session token',
    handlers: { 'sts:GetCallerIdentity': STS_ERRORS.expired },
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    mustMask: ENV_SECRETS
  },
  {
    name: 'a role to assume (its credentials come back from AssumeRole)',
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    inputs: { 'assume-role-arn': TARGET_ROLE_ARN },
    secrets: [ISSUED.assumedKeyId, ISSUED.assumedSecret, ISSUED.assumedToken],
    mustMask: ENV_SECRETS
  },
  {
    name: 'an OIDC role (the GitHub token goes to AssumeRoleWithWebIdentity)',
    env: { ...OIDC_SESSION_ENV, AWS_REGION: 'us-east-1' },
    inputs: { 'oidc-role-arn': JOB_ROLE_ARN },
    secrets: [
      ISSUED.oidcToken,
      ISSUED.requestToken,
      ISSUED.webIdentityKeyId,
      ISSUED.webIdentitySecret,
      ISSUED.webIdentityToken
    ],
    mustMask: ENV_SECRETS,
    oidc: true
  }
]

/**
 * The runner's OIDC token endpoint (what `core.getIDToken` calls): answers every audience with
 * ISSUED.oidcToken when the request carries ISSUED.requestToken.
 */
export async function startTokenEndpoint(): Promise<{
  env: Record<string, string>
  close(): Promise<void>
}> {
  const server: Server = createServer((req, res) => {
    if (req.headers.authorization !== `Bearer ${ISSUED.requestToken}`) {
      res.writeHead(401).end('{"message":"bad request token"}')
      return
    }
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ value: ISSUED.oidcToken }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: ISSUED.requestToken
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/** The OIDC token endpoint for one test file: started before its tests, closed after them. */
export function useTokenEndpoint(): { env: () => Record<string, string> } {
  let token: Awaited<ReturnType<typeof startTokenEndpoint>> | undefined
  beforeAll(async () => {
    token = await startTokenEndpoint()
  })
  afterAll(async () => token?.close())
  return { env: () => token!.env }
}
