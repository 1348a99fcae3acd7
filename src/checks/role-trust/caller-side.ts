import type { IdentityFacts } from '../identity/facts.js'
import { simulatePrincipalPolicy } from '../shared/iam-reads.js'
import { withRolePath } from '../shared/role-arn.js'
import { detailOf } from '../../policy/fix-parts.js'
import { identityPolicy, principalArn, type RoleTrustContext, type Side } from './side.js'

/**
 * The caller side: whether the caller's own policies allow `sts:AssumeRole` on the role, asked of
 * IAM with iam:SimulatePrincipalPolicy (SCPs and permissions boundaries included). A session is
 * simulated as its role, whose path the session ARN drops (withRolePath recovers it).
 */
export async function readCaller(
  ctx: RoleTrustContext,
  roleArn: string,
  identity: IdentityFacts
): Promise<Side> {
  if (identity.kind !== 'assumed-role' && identity.kind !== 'user' && identity.kind !== 'role') {
    return {
      state: 'unverified',
      lines: [
        `caller policies: not simulated (IAM simulates users and roles; the caller is ${identity.arn})`
      ]
    }
  }
  const { result, principal: source } = await withRolePath(
    ctx,
    identity.partition,
    principalArn(identity),
    identity.kind === 'assumed-role',
    (principal) =>
      simulatePrincipalPolicy(ctx, identity.partition, {
        PolicySourceArn: principal,
        ActionNames: ['sts:AssumeRole'],
        ResourceArns: [roleArn]
      })
  )
  if (!result.ok) {
    const error = result.error
    return {
      state: 'unverified',
      lines: ['caller policies: not simulated (iam:SimulatePrincipalPolicy failed)'],
      reportUnread: () =>
        ctx.report(
          'callerUnsimulated',
          { principal: source },
          {
            error,
            permission: 'iam:SimulatePrincipalPolicy',
            observed: [`simulated principal: ${source}`]
          }
        )
    }
  }
  const r = (result.value.EvaluationResults ?? [])[0]
  // With ResourceArns given, the role's own decision, matched statements and missing context keys
  // are in ResourceSpecificResults (the top-level EvalResourceName is the ARN template); the SCP
  // detail exists only at the top level.
  const own = r?.ResourceSpecificResults?.find((x) => x.EvalResourceName === roleArn)
  const decision = own?.EvalResourceDecision ?? r?.EvalDecision ?? 'implicitDeny'
  const scp = r?.OrganizationsDecisionDetail?.AllowedByOrganizations === false
  const boundary =
    (own?.PermissionsBoundaryDecisionDetail ?? r?.PermissionsBoundaryDecisionDetail)
      ?.AllowedByPermissionsBoundary === false
  const missing = own ? (own.MissingContextValues ?? []) : (r?.MissingContextValues ?? [])
  const line = `caller policies: sts:AssumeRole on ${roleArn} → ${decision}${scp ? ' (denied by an SCP)' : ''}${boundary ? ' (not allowed by the permissions boundary)' : ''}${missing.length ? ` (context keys not supplied: ${missing.join(', ')})` : ''} [simulated ${source}]`
  if (decision === 'allowed') return { state: 'allows', lines: [line] }
  // Denied only for want of context keys the real call may carry: not known to refuse.
  if (decision === 'implicitDeny' && !scp && !boundary && missing.length) {
    return { state: 'unverified', lines: [line] }
  }
  const matched = (own?.MatchedStatements ?? r?.MatchedStatements ?? []).map(
    (m) => m.SourcePolicyId ?? '?'
  )
  return {
    state: 'denies',
    explicit: decision === 'explicitDeny' || scp,
    lines: [line, ...matched.map((m) => `matched: ${m}`)],
    change: scp
      ? `A service control policy denies \`sts:AssumeRole\` for \`${source}\`; ask the organization's administrators (no identity policy can override it).`
      : decision === 'explicitDeny'
        ? `Remove or narrow the explicit Deny${matched.length ? ` in ${matched.join(', ')}` : ''} on \`sts:AssumeRole\` for \`${source}\`.`
        : `No policy of \`${source}\` allows \`sts:AssumeRole\` on \`${roleArn}\`${boundary ? ' within its permissions boundary' : ''}; add the statement below to it${boundary ? ' and to its boundary' : ''}.`,
    detail: detailOf(`Identity statement for ${source}`, [
      { text: `Add to an identity policy of \`${source}\`:\n\n` },
      { policy: identityPolicy('sts:AssumeRole', roleArn) }
    ])
  }
}
