/** Reusable fake-AWS answers built from real AWS texts (shared/reference). */
import { getToken } from '@aws/bedrock-token-generator'
import { query, type FakeReply } from './fake-aws.js'
import { FAKE } from './run-action.js'

export const CALLER_ROLE_ARN = `arn:aws:sts::${FAKE.account}:assumed-role/github-actions-bedrock/GitHubActions`

export function callerIdentity(arn = CALLER_ROLE_ARN, account: string = FAKE.account): FakeReply {
  return query.ok(
    'sts',
    'GetCallerIdentity',
    `<Arn>${arn}</Arn><UserId>AROAFAKEUSERID:GitHubActions</UserId><Account>${account}</Account>`
  )
}

/** Temporary credentials as configure-aws-credentials exports them after OIDC. */
export const OIDC_SESSION_ENV = {
  AWS_ACCESS_KEY_ID: FAKE.temporaryKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE.secretAccessKey,
  AWS_SESSION_TOKEN: FAKE.sessionToken
}

/**
 * A short-term Bedrock API key made by AWS's own generator from the job's session, as a workflow
 * step would after configure-aws-credentials (and export as AWS_BEARER_TOKEN_BEDROCK).
 */
export function jobSessionKey(region = 'us-east-1'): Promise<string> {
  return getToken({
    credentials: {
      accessKeyId: OIDC_SESSION_ENV.AWS_ACCESS_KEY_ID,
      secretAccessKey: OIDC_SESSION_ENV.AWS_SECRET_ACCESS_KEY,
      sessionToken: OIDC_SESSION_ENV.AWS_SESSION_TOKEN
    },
    region
  })
}

/** A long-term IAM user key pair. */
export const STATIC_KEY_ENV = {
  AWS_ACCESS_KEY_ID: FAKE.accessKeyId,
  AWS_SECRET_ACCESS_KEY: FAKE.secretAccessKey
}

export const STS_ERRORS = {
  expired: query.error('ExpiredToken', 'The security token included in the request is expired'),
  invalidKey: query.error(
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
    403
  ),
  badSignature: query.error(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    403
  )
}
