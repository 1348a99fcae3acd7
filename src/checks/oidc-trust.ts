import { maskReturnedCredentials } from '../aws/partition.js'
import {
  AssumeRoleWithWebIdentityCommand,
  type AssumeRoleWithWebIdentityCommandOutput
} from '@aws-sdk/client-sts'
import { getRole } from './iam-reads.js'
import type { CheckContext, CheckDefinition } from '../engine/check.js'
import type { Finding, FindingDetail, ObservedError } from '../engine/types.js'
import { findingFromEntry, findingFromError, matchError } from '../catalog/match.js'
import type { ContextValue } from '../policy/conditions.js'
import {
  evaluateTrustPolicy,
  statementLabel,
  suggestedTrustStatement,
  type TrustEvaluation
} from '../policy/trust-policy.js'
import { parseRegion } from '../parse/region.js'
import { jsonBlock, parseRoleArn, SESSION_NAME, SESSION_SECONDS } from './role-trust.js'
import { isReadDenied } from './read-denied.js'
import { fixContext } from './fix-context.js'

const CHECK = 'oidc-trust'
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

function claimText(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ')
  return undefined
}

export function claimLines(claims: Claims): string[] {
  return SHOWN_CLAIMS.map((k) => `${k}: ${claimText(claims[k]) ?? '(absent)'}`)
}

/** The issuer's host, which is also the prefix of its condition keys and the provider's name. */
function issuerHost(claims: Claims): string {
  const iss = typeof claims.iss === 'string' ? claims.iss : `https://${GITHUB_ISSUER}`
  return iss.replace(/^https:\/\//, '').replace(/\/$/, '')
}

/** The `StringLike` sub value that admits every run of the token's repository. */
export function correctedSub(claims: Claims): string | undefined {
  return typeof claims.repository === 'string' ? `repo:${claims.repository}:*` : undefined
}

function suggestedStatement(roleAccount: string, claims: Claims): Record<string, unknown> {
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
function webIdentityContext(claims: Claims): Record<string, ContextValue> {
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

function firstValidRegion(ctx: CheckContext): string {
  const valid = ctx.config.regions.map((r) => parseRegion(r.value)).find((r) => r.ok)
  return valid?.ok ? valid.region : 'us-east-1'
}

/** Reads the role's trust policy when this step has credentials that may; never required. */
async function trustPolicyView(
  ctx: CheckContext,
  role: { partition: string; account: string; name: string },
  roleArn: string,
  claims: Claims
): Promise<{ lines: string[]; evaluation?: TrustEvaluation }> {
  const creds = await ctx.aws.credentials()
  if (!creds.ok) {
    return {
      lines: [
        'trust policy: not read (this step has no AWS credentials; iam:GetRole needs some) — the conditions shown by the fix are what the token presents'
      ]
    }
  }
  const got = await getRole(ctx, role.partition, role.name)
  if (!got.ok) {
    const why = isReadDenied(got.error)
      ? 'the credentials of this step may not call iam:GetRole'
      : /^NoSuchEntity/.test(got.error.code)
        ? `the credentials of this step are not in account ${role.account}`
        : `${got.error.code}: ${got.error.message}`
    return { lines: [`trust policy: unverified, not read (${why})`] }
  }
  const host = issuerHost(claims)
  const evaluation = evaluateTrustPolicy(got.value.Role?.AssumeRolePolicyDocument ?? '', {
    action: 'sts:AssumeRoleWithWebIdentity',
    caller: {
      arn: `${host}:${claimText(claims.sub) ?? ''}`,
      accountId: role.account,
      federated: `arn:${role.partition}:iam::${role.account}:oidc-provider/${host}`
    },
    context: { values: webIdentityContext(claims), otherKeys: 'unknown' }
  })
  const lines: string[] = []
  if (evaluation.decision === 'malformed') {
    lines.push(`trust policy: unreadable (${evaluation.problems.join('; ')})`)
  } else if (evaluation.decision === 'explicit-deny') {
    lines.push(
      `trust policy: explicitly denies this token (${evaluation.deniedBy.map(statementLabel).join(', ')})`
    )
  } else if (evaluation.decision === 'allowed') {
    lines.push(
      `trust policy: ${evaluation.allowedBy ? statementLabel(evaluation.allowedBy) : 'a statement'} admits this token as far as the preflight can tell; the refusal comes from elsewhere (an organization's RCP, or a condition on a claim AWS does not pass through)`
    )
  } else if (evaluation.nearMisses.length === 0 && evaluation.decision === 'unknown') {
    lines.push(`trust policy: could not be decided here (${evaluation.problems.join('; ')})`)
  } else if (evaluation.nearMisses.length === 0) {
    lines.push(
      `trust policy: no statement allows sts:AssumeRoleWithWebIdentity for the provider arn:${role.partition}:iam::${role.account}:oidc-provider/${host}`
    )
  } else {
    for (const s of evaluation.nearMisses) {
      for (const c of s.conditions.filter((c) => c.result !== 'yes')) {
        const wildcardWithEquals =
          /^StringEquals/i.test(c.operator) && c.expected.some((e) => /[*?]/.test(e))
        lines.push(
          `trust policy ${statementLabel(s)}: ${c.operator} ${c.key} expects ${c.expected.map((e) => `"${e}"`).join(' or ')}, the token presents ${Array.isArray(c.actual) ? c.actual.map((a) => `"${a}"`).join(', ') : c.actual === null ? 'nothing' : 'an unknowable value'}${c.result === 'unknown' ? ' (cannot be decided here)' : ' → does not match'}${wildcardWithEquals ? ' (StringEquals does not expand wildcards: use StringLike)' : ''}`
        )
      }
    }
  }
  return { lines, evaluation }
}

async function tokenFailure(ctx: CheckContext, err: unknown): Promise<Finding> {
  const text = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim()
  const error: ObservedError = {
    code: 'IdTokenError',
    message: text || 'getIDToken failed',
    operation: 'github:getIDToken'
  }
  const entry = matchError(error)
  return findingFromError(CHECK, error, fixContext(ctx), {
    title: entry
      ? `No GitHub OIDC token: ${entry.title.toLowerCase()}`
      : 'No GitHub OIDC token could be obtained',
    observed: [`audience requested: ${OIDC_AUDIENCE}`]
  })
}

/**
 * Exchanges this job's GitHub OIDC token for `oidc-role-arn` with AssumeRoleWithWebIdentity,
 * an unsigned call: it works with no AWS credentials at all, e.g. in an `if: failure()` step
 * after configure-aws-credentials failed.
 */
export const oidcTrustCheck: CheckDefinition = {
  id: CHECK,
  title: 'OIDC trust',
  scope: 'oidc',
  sdks: ['iam'],
  dependsOn: [],
  async run(ctx) {
    const roleArn = ctx.subject.role ?? ''
    const role = parseRoleArn(roleArn)
    const fix = fixContext(ctx, { roleArn })
    if (!role) {
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'fail',
            title: `oidc-role-arn "${roleArn}" is not an IAM role ARN`,
            cause:
              'A role ARN looks like `arn:aws:iam::123456789012:role/NAME` (a path may come before NAME).',
            fix: 'Correct the `oidc-role-arn` input.'
          }
        ]
      }
    }
    if (!ctx.config.getIdToken) {
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'skipped',
            title: 'OIDC trust: checked only inside GitHub Actions (a GitHub OIDC token is needed)',
            cause:
              'Only a GitHub Actions job with `permissions: id-token: write` can obtain the token this check exchanges.'
          }
        ]
      }
    }
    let token: string
    try {
      token = await ctx.config.getIdToken(OIDC_AUDIENCE)
    } catch (err) {
      return { findings: [await tokenFailure(ctx, err)] }
    }
    if (!token) {
      return {
        findings: [
          findingFromEntry(CHECK, 'oidc-token-unavailable', fix, {
            title: 'GitHub returned an empty OIDC token'
          })
        ]
      }
    }
    ctx.log.mask(token)
    const claims = decodeJwtPayload(token)
    if (!claims) {
      return {
        findings: [
          findingFromEntry(CHECK, 'oidc-invalid-token', fix, {
            title: 'The OIDC token GitHub returned is not a readable JWT',
            observed: [
              `token shape: ${token.split('.').length} dot-separated part(s); expected header.payload.signature with a base64url JSON payload (the token itself is never shown)`
            ]
          })
        ]
      }
    }
    const observed = claimLines(claims)
    const assumed = await ctx.aws.send<AssumeRoleWithWebIdentityCommandOutput>(
      ctx.aws.sts(firstValidRegion(ctx)),
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: roleArn,
        RoleSessionName: SESSION_NAME,
        WebIdentityToken: token,
        DurationSeconds: SESSION_SECONDS
      }),
      ctx.signal
    )
    if (assumed.ok) {
      maskReturnedCredentials(ctx.log, assumed.value.Credentials)
      return {
        findings: [
          {
            checkId: CHECK,
            status: 'pass',
            title: `This job's GitHub OIDC token can assume ${roleArn}`,
            observed: [
              ...observed,
              `sts:AssumeRoleWithWebIdentity succeeded as ${assumed.value.AssumedRoleUser?.Arn ?? roleArn}; the credentials were discarded`
            ]
          }
        ]
      }
    }
    const entry = matchError(assumed.error)
    const details: FindingDetail[] = []
    let fixText: string | undefined
    let extraLines: string[] = []
    if (entry?.id === 'web-identity-denied') {
      const view = await trustPolicyView(ctx, role, roleArn, claims)
      extraLines = view.lines
      const sub = claimText(claims.sub) ?? '(absent)'
      const corrected = correctedSub(claims)
      const host = issuerHost(claims)
      fixText = [
        `The job presents \`sub\` = \`${sub}\`. Make the trust policy of \`${roleArn}\` accept it${corrected ? `, for every run of the repository with \`"StringLike": { "${host}:sub": "${corrected}" }\`` : ''}, or only this exact context with \`"StringEquals": { "${host}:sub": "${sub}" }\`.`,
        'A job with `environment:` presents `…:environment:NAME`, a pull request `…:pull_request`, a branch `…:ref:refs/heads/BRANCH`. Use `StringLike` (not `StringEquals`) for values with `*`.'
      ].join('\n\n')
      details.push({
        title: 'Suggested trust statement',
        body: `A statement for the trust policy of \`${roleArn}\` that admits this repository:\n\n${jsonBlock(suggestedStatement(role.account, claims))}`
      })
    } else if (entry?.id === 'oidc-provider-missing' || entry?.id === 'oidc-audience') {
      details.push({
        title: 'Suggested trust statement',
        body: `Once the provider accepts the token, the trust policy of \`${roleArn}\` needs a statement like:\n\n${jsonBlock(suggestedStatement(role.account, claims))}`
      })
    }
    return {
      findings: [
        findingFromError(CHECK, assumed.error, fix, {
          title: `This job's GitHub OIDC token cannot assume ${roleArn}${entry ? `: ${entry.title.toLowerCase()}` : ''}`,
          observed: [...observed, ...extraLines],
          ...(fixText ? { fix: fixText } : {}),
          ...(details.length ? { details } : {})
        })
      ]
    }
  }
}
