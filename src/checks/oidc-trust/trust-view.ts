import type { ReadContext } from '../../engine/check.js'
import { isReadDenied } from '../../engine/read-denied.js'
import { evaluateTrustPolicy, statementLabel } from '../../policy/trust-policy.js'
import { getRole } from '../shared/iam-reads.js'
import type { RoleArn } from '../../parse/arn.js'
import { claimText, issuerHost, webIdentityContext, type Claims } from './claims.js'

/**
 * Observed lines on the role's trust policy, read when this step has credentials that may: never
 * required (the exchange itself needs none). Names each condition the token does not meet.
 */
export async function trustPolicyLines(
  ctx: ReadContext,
  role: RoleArn,
  claims: Claims
): Promise<string[]> {
  const creds = await ctx.aws.credentials()
  if (!creds.ok) {
    return [
      'trust policy: not read (this step has no AWS credentials; iam:GetRole needs some) — the conditions shown by the fix are what the token presents'
    ]
  }
  const got = await getRole(ctx, role.partition, role.name)
  if (!got.ok) {
    const why = isReadDenied(got.error)
      ? 'the credentials of this step may not call iam:GetRole'
      : /^NoSuchEntity/.test(got.error.code)
        ? `the credentials of this step are not in account ${role.account}`
        : `${got.error.code}: ${got.error.message}`
    return [`trust policy: unverified, not read (${why})`]
  }
  const host = issuerHost(claims)
  const provider = `arn:${role.partition}:iam::${role.account}:oidc-provider/${host}`
  const evaluation = evaluateTrustPolicy(got.value.Role?.AssumeRolePolicyDocument ?? '', {
    action: 'sts:AssumeRoleWithWebIdentity',
    caller: {
      arn: `${host}:${claimText(claims.sub) ?? ''}`,
      accountId: role.account,
      federated: provider
    },
    context: { values: webIdentityContext(claims), otherKeys: 'unknown' }
  })
  switch (evaluation.decision) {
    case 'malformed':
      return [`trust policy: unreadable (${evaluation.problems.join('; ')})`]
    case 'explicit-deny':
      return [
        `trust policy: explicitly denies this token (${evaluation.deniedBy.map(statementLabel).join(', ')})`
      ]
    case 'allowed':
      return [
        `trust policy: ${evaluation.allowedBy ? statementLabel(evaluation.allowedBy) : 'a statement'} admits this token as far as the preflight can tell; the refusal comes from elsewhere (an organization's RCP, or a condition on a claim AWS does not pass through)`
      ]
  }
  if (evaluation.nearMisses.length === 0) {
    return evaluation.decision === 'unknown'
      ? [`trust policy: could not be decided here (${evaluation.problems.join('; ')})`]
      : [
          `trust policy: no statement allows sts:AssumeRoleWithWebIdentity for the provider ${provider}`
        ]
  }
  return evaluation.nearMisses.flatMap((s) =>
    s.conditions
      .filter((c) => c.result !== 'yes')
      .map((c) => {
        const wildcardWithEquals =
          /^StringEquals/i.test(c.operator) && c.expected.some((e) => /[*?]/.test(e))
        const presented = Array.isArray(c.actual)
          ? c.actual.map((a) => `"${a}"`).join(', ')
          : c.actual === null
            ? 'nothing'
            : 'an unknowable value'
        return `trust policy ${statementLabel(s)}: ${c.operator} ${c.key} expects ${c.expected.map((e) => `"${e}"`).join(' or ')}, the token presents ${presented}${c.result === 'unknown' ? ' (cannot be decided here)' : ' → does not match'}${wildcardWithEquals ? ' (StringEquals does not expand wildcards: use StringLike)' : ''}`
      })
  )
}
