import { AssumeRoleWithWebIdentityCommand, STSServiceException } from '@aws-sdk/client-sts'
import { GetRoleCommand } from '@aws-sdk/client-iam'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { correctedSub, decodeJwtPayload } from '../../src/checks/oidc-trust/claims.js'
import type { Report } from '../../src/engine/types.js'
import type { PreflightConfig } from '../../src/config.js'
import { sts, iam, resetMocks, config, findingsOf, ACCOUNT } from './model-unit.js'
import { REGISTRY } from '../../src/checks/registry.js'

const oidcTrust = REGISTRY['oidc-trust']

const ROLE = `arn:aws:iam::${ACCOUNT}:role/gha-bedrock`
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`

function jwt(claims: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
  return `${b64({ alg: 'RS256' })}.${b64(claims)}.c2lnbmF0dXJlVW5pdE9pZGM`
}

const CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:octo-org/app:environment:prod',
  aud: 'sts.amazonaws.com',
  repository: 'octo-org/app',
  repository_owner: 'octo-org',
  ref: 'refs/heads/main',
  environment: 'prod',
  event_name: 'push'
}
const TOKEN = jwt(CLAIMS)

function denied(message: string) {
  return new STSServiceException({
    name: 'AccessDenied',
    $fault: 'client',
    message,
    $metadata: { httpStatusCode: 403 }
  })
}

async function run(overrides: Partial<PreflightConfig>, masked: string[] = []): Promise<Report> {
  return runPreflight(
    config(['eu-west-1'], [], {
      oidcRoleArn: ROLE,
      log: { debug: () => undefined, mask: (s) => masked.push(s) },
      ...overrides
    }),
    { checks: [oidcTrust] }
  )
}

beforeEach(() => resetMocks())

describe('oidc-trust', () => {
  it('exchanges the token for audience sts.amazonaws.com, masks it and the credentials, and shows the claims', async () => {
    const audiences: string[] = []
    sts.on(AssumeRoleWithWebIdentityCommand).resolves({
      Credentials: {
        AccessKeyId: 'ASIAUNITWEBIDENT0001',
        SecretAccessKey: 'unit/web/secret',
        SessionToken: 'unit-web-token',
        Expiration: new Date()
      }
    })
    const masked: string[] = []
    const report = await run({ getIdToken: async (aud) => (audiences.push(aud), TOKEN) }, masked)
    const [f] = findingsOf(report, 'oidc-trust')
    expect(f).toMatchObject({
      status: 'pass',
      messageId: 'assumed',
      title: `This job's GitHub OIDC token can assume ${ROLE}`
    })
    expect(audiences).toEqual(['sts.amazonaws.com'])
    expect(masked).toEqual(expect.arrayContaining([TOKEN, 'unit/web/secret', 'unit-web-token']))
    expect(f?.observed).toEqual(
      expect.arrayContaining([
        'sub: repo:octo-org/app:environment:prod',
        'job_workflow_ref: (absent)'
      ])
    )
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)[0]?.args[0].input).toEqual({
      RoleArn: ROLE,
      RoleSessionName: 'bedrock-preflight',
      WebIdentityToken: TOKEN,
      DurationSeconds: 900
    })
    expect(JSON.stringify(report)).not.toContain(TOKEN)
  })

  it('maps a job without id-token: write to oidc-token-unavailable', async () => {
    const [f] = findingsOf(
      await run({
        getIdToken: async () => {
          throw new Error('Error message: Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable')
        }
      }),
      'oidc-trust'
    )
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'tokenRefused',
      catalogId: 'oidc-token-unavailable',
      title: 'No GitHub OIDC token: no oidc token for this job'
    })
    expect(f?.observed).toContain('audience requested: sts.amazonaws.com')
    expect(sts.calls()).toHaveLength(0)
  })

  it('maps a failed token request, whose message spans lines, to oidc-token-request-failed', async () => {
    const [f] = findingsOf(
      await run({
        getIdToken: async () => {
          throw new Error(
            'Error message: Failed to get ID Token. \n \n        Error Code : 500\n \n        Error Message: Internal Server Error'
          )
        }
      }),
      'oidc-trust'
    )
    expect(f).toMatchObject({ status: 'unverified', catalogId: 'oidc-token-request-failed' })
    expect(f?.observed?.[0]).toContain('Error Code : 500')
  })

  it('reports a token that is not a JWT without showing it', async () => {
    const [f] = findingsOf(
      await run({ getIdToken: async () => 'not-a-jwt-SECRETISH' }),
      'oidc-trust'
    )
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'unreadableToken',
      catalogId: 'oidc-invalid-token'
    })
    expect(JSON.stringify(f)).not.toContain('SECRETISH')
    expect(sts.calls()).toHaveLength(0)
  })

  it('is skipped outside GitHub Actions, where no token can be had', async () => {
    const [f] = findingsOf(await run({ surface: 'cli' }), 'oidc-trust')
    expect(f).toMatchObject({ status: 'skipped', messageId: 'outsideActions' })
  })

  it('names the failing condition and a StringEquals used with a wildcard when the role is readable', async () => {
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .rejects(denied('Not authorized to perform sts:AssumeRoleWithWebIdentity'))
    iam.on(GetRoleCommand).resolves({
      Role: {
        Path: '/',
        RoleName: 'gha-bedrock',
        RoleId: 'AROAX',
        Arn: ROLE,
        CreateDate: new Date(0),
        AssumeRolePolicyDocument: encodeURIComponent(
          JSON.stringify({
            Statement: {
              Effect: 'Allow',
              Principal: { Federated: PROVIDER },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: {
                  'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                  'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:*'
                }
              }
            }
          })
        )
      }
    })
    const [f] = findingsOf(await run({ getIdToken: async () => TOKEN }), 'oidc-trust')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'conditionsRefuse',
      catalogId: 'web-identity-denied',
      title: `This job's GitHub OIDC token cannot assume ${ROLE}: oidc token does not satisfy the role trust policy`
    })
    const text = f?.observed?.join('\n') ?? ''
    expect(text).toContain(
      'StringEquals token.actions.githubusercontent.com:sub expects "repo:octo-org/app:*"'
    )
    expect(text).toContain('(StringEquals does not expand wildcards: use StringLike)')
    expect(f?.fix).toContain('"repo:octo-org/app:*"')
    expect(f?.fix).toContain('`sub` = `repo:octo-org/app:environment:prod`')
    expect(f?.details?.[0]?.body).toContain(`"Federated": "${PROVIDER}"`)
  })

  it('says when the readable trust policy admits the token, so the refusal comes from elsewhere', async () => {
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .rejects(denied('Not authorized to perform sts:AssumeRoleWithWebIdentity'))
    iam.on(GetRoleCommand).resolves({
      Role: {
        Path: '/',
        RoleName: 'gha-bedrock',
        RoleId: 'AROAX',
        Arn: ROLE,
        CreateDate: new Date(0),
        AssumeRolePolicyDocument: encodeURIComponent(
          JSON.stringify({
            Statement: [
              {
                Sid: 'Repo',
                Effect: 'Allow',
                Principal: { Federated: PROVIDER },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: {
                  StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:*' }
                }
              }
            ]
          })
        )
      }
    })
    const [f] = findingsOf(await run({ getIdToken: async () => TOKEN }), 'oidc-trust')
    expect(f?.observed?.join('\n')).toContain('statement "Repo" (#1) admits this token')
  })
})

describe('oidc-trust: inputs, empty tokens and other refusals', () => {
  it('rejects an input that is not a role ARN without asking for a token', async () => {
    let asked = false
    const [f] = findingsOf(
      await run({
        oidcRoleArn: 'arn:aws:iam::123:role/x',
        getIdToken: async () => ((asked = true), TOKEN)
      }),
      'oidc-trust'
    )
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'notRoleArn',
      title: 'oidc-role-arn "arn:aws:iam::123:role/x" is not an IAM role ARN'
    })
    expect(asked).toBe(false)
  })

  it('reports an empty token as no token for this job', async () => {
    const [f] = findingsOf(await run({ getIdToken: async () => '' }), 'oidc-trust')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'emptyToken',
      catalogId: 'oidc-token-unavailable',
      title: 'GitHub returned an empty OIDC token'
    })
  })

  it('gives the trust statement to add once the provider exists, without reading the role', async () => {
    sts.on(AssumeRoleWithWebIdentityCommand).rejects(
      new STSServiceException({
        name: 'InvalidIdentityToken',
        $fault: 'client',
        message:
          'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
        $metadata: { httpStatusCode: 400 }
      })
    )
    const [f] = findingsOf(await run({ getIdToken: async () => TOKEN }), 'oidc-trust')
    expect(f).toMatchObject({
      status: 'fail',
      messageId: 'refused',
      catalogId: 'oidc-provider-missing',
      title: `This job's GitHub OIDC token cannot assume ${ROLE}: no github oidc provider in the account`
    })
    expect(f?.fix).toContain('aws iam create-open-id-connect-provider')
    expect(f?.details?.[0]?.body).toContain('Once the provider accepts the token')
    expect(iam.calls()).toHaveLength(0)
  })

  it('says the trust policy was not read when the step has no AWS credentials', async () => {
    for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'])
      delete process.env[key]
    sts
      .on(AssumeRoleWithWebIdentityCommand)
      .rejects(denied('Not authorized to perform sts:AssumeRoleWithWebIdentity'))
    const [f] = findingsOf(
      await run({ getIdToken: async () => TOKEN, env: { AWS_EC2_METADATA_DISABLED: 'true' } }),
      'oidc-trust'
    )
    expect(f?.messageId).toBe('conditionsRefuse')
    expect(f?.observed?.join('\n')).toContain(
      'trust policy: not read (this step has no AWS credentials'
    )
    expect(iam.calls()).toHaveLength(0)
  })
})

describe('JWT claims', () => {
  it.each([
    ['two parts', 'a.b'],
    ['a payload that is not JSON', 'a.bm90LWpzb24.c'],
    ['a JSON array payload', `a.${Buffer.from('[1]').toString('base64url')}.c`]
  ])('treats %s as unreadable', (_name, token) => {
    expect(decodeJwtPayload(token)).toBeUndefined()
  })

  it('reads base64url payloads with - and _', () => {
    expect(decodeJwtPayload(jwt({ sub: 'repo:o/r:ref:refs/heads/a?b>c~' }))?.sub).toBe(
      'repo:o/r:ref:refs/heads/a?b>c~'
    )
  })

  it('suggests repo:OWNER/REPO:* from the repository claim', () => {
    expect(correctedSub(CLAIMS)).toBe('repo:octo-org/app:*')
  })
})
