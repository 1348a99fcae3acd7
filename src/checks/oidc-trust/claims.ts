import type { ContextValue } from '../../policy/conditions.js'
import { suggestedTrustStatement } from '../../policy/trust-policy.js'

/** The audience aws-actions/configure-aws-credentials requests, and the IAM provider's default client ID. */
export const OIDC_AUDIENCE = 'sts.amazonaws.com'
const GITHUB_ISSUER = 'token.actions.githubusercontent.com'

/** Claims trust policies test, in the order the summary shows them. */
export const SHOWN_CLAIMS = [
  'sub',
  'aud',
  'repository',
  'repository_owner',
  'ref',
  'environment',
  'job_workflow_ref',
  'event_name'
] as const

export type Claims = Record<string, unknown>

/** Decodes a JWT's payload (never verifying it: STS does). Undefined when it is not a JWT. */
export function decodeJwtPayload(token: string): Claims | undefined {
  const parts = token.split('.')
  if (parts.length !== 3 || !parts[1]) return undefined
  try {
    const json = Buffer.from(parts[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString(
      'utf8'
    )
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Claims)
      : undefined
  } catch {
    return undefined
  }
}

export function claimText(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ')
  return undefined
}

export function claimLines(claims: Claims): string[] {
  return SHOWN_CLAIMS.map((k) => `${k}: ${claimText(claims[k]) ?? '(absent)'}`)
}

/** The issuer's host, which is also the prefix of its condition keys and the provider's name. */
export function issuerHost(claims: Claims): string {
  const iss = typeof claims.iss === 'string' ? claims.iss : `https://${GITHUB_ISSUER}`
  return iss.replace(/^https:\/\//, '').replace(/\/$/, '')
}

/** The `StringLike` sub value that admits every run of the token's repository. */
export function correctedSub(claims: Claims): string | undefined {
  return typeof claims.repository === 'string' ? `repo:${claims.repository}:*` : undefined
}

/** The trust statement that admits every run of the token's repository through its provider. */
export function suggestedStatement(roleAccount: string, claims: Claims): Record<string, unknown> {
  const host = issuerHost(claims)
  return suggestedTrustStatement(
    { Federated: `arn:aws:iam::${roleAccount}:oidc-provider/${host}` },
    'sts:AssumeRoleWithWebIdentity',
    {
      StringEquals: { [`${host}:aud`]: OIDC_AUDIENCE },
      StringLike: { [`${host}:sub`]: correctedSub(claims) ?? 'repo:OWNER/REPO:*' }
    }
  )
}

/** What the trust policy's conditions see: the token's claims under the issuer's key prefix. */
export function webIdentityContext(claims: Claims): Record<string, ContextValue> {
  const host = issuerHost(claims).toLowerCase()
  const values: Record<string, ContextValue> = {}
  for (const k of SHOWN_CLAIMS) values[`${host}:${k}`] = null
  for (const [k, v] of Object.entries(claims)) {
    if (typeof v === 'string') values[`${host}:${k.toLowerCase()}`] = [v]
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
      values[`${host}:${k.toLowerCase()}`] = v as string[]
  }
  values['aws:principaltype'] = ['WebIdentityUser']
  return values
}
