import type { ObservedError, FindingDetail } from '../../engine/types.js'
import {
  assumeRoleContext,
  evaluateTrustPolicy,
  statementLabel,
  suggestedTrustStatement,
  type TrustEvaluation
} from '../../policy/trust-policy.js'
import type { IdentityFacts } from '../identity/facts.js'
import { detailOf } from '../../policy/fix-parts.js'
import { getRole } from '../shared/iam-reads.js'
import type { RoleArn } from '../../parse/arn.js'
import { callerOf, principalArn, type RoleTrustContext, type Side } from './side.js'

/** The trust side: the role's trust policy, read with iam:GetRole and evaluated for the caller. */
export type TrustRead =
  /** IAM has no such role (STS answers AccessDenied for it all the same). */
  { missing: ObservedError } | { missing?: undefined; side: Side; evaluation?: TrustEvaluation }

export async function readTrust(
  ctx: RoleTrustContext,
  role: RoleArn & { arn: string },
  identity: IdentityFacts,
  /** The caller's principal as IAM stores it (path included), for the suggested statement. */
  who: Promise<string>
): Promise<TrustRead> {
  if (role.account !== identity.accountId) {
    return {
      side: {
        state: 'unverified',
        lines: [
          `trust policy: not read (the role is in account ${role.account}; iam:GetRole reads only the caller's account ${identity.accountId})`
        ],
        reportUnread: () =>
          ctx.report(
            'trustInOtherAccount',
            { role: role.arn, account: role.account, who: principalArn(identity) },
            { observed: [`caller account ${identity.accountId}, role account ${role.account}`] }
          )
      }
    }
  }
  const got = await getRole(ctx, role.partition, role.name)
  if (!got.ok) {
    if (/^NoSuchEntity/.test(got.error.code)) return { missing: got.error }
    const error = got.error
    return {
      side: {
        state: 'unverified',
        lines: ['trust policy: not read (iam:GetRole failed)'],
        reportUnread: () =>
          ctx.report('trustUnread', { role: role.arn }, { error, permission: 'iam:GetRole' })
      }
    }
  }
  const document = got.value.Role?.AssumeRolePolicyDocument ?? ''
  const evaluation = evaluateTrustPolicy(document, {
    action: 'sts:AssumeRole',
    caller: callerOf(identity),
    context: assumeRoleContext(callerOf(identity), identity.kind)
  })
  return { side: trustSide(evaluation, role.arn, identity, await who), evaluation }
}

function trustSide(
  evaluation: TrustEvaluation,
  roleArn: string,
  identity: IdentityFacts,
  stored: string
): Side {
  const who = principalArn(identity)
  const statement = suggestedTrustStatement({ AWS: stored }, 'sts:AssumeRole')
  const suggestion: FindingDetail = detailOf(`Trust statement admitting ${stored}`, [
    { text: `Add to the trust policy of \`${roleArn}\` (IAM → Roles → Trust relationships):\n\n` },
    { trust: statement }
  ])
  switch (evaluation.decision) {
    case 'allowed': {
      const by = evaluation.allowedBy
      const how =
        by?.principalMatch === 'caller'
          ? 'names the caller'
          : by?.principalMatch === 'account'
            ? "names the caller's account"
            : 'admits any principal'
      return {
        state: 'allows',
        lines: [`trust policy: admits ${who}${by ? ` (${statementLabel(by)}, ${how})` : ''}`]
      }
    }
    case 'explicit-deny':
      return {
        state: 'denies',
        lines: [
          `trust policy: explicitly denies ${who}`,
          ...evaluation.deniedBy.map((s) => `denied by ${statementLabel(s)}`)
        ],
        change: `Remove or narrow ${evaluation.deniedBy.map(statementLabel).join(', ')} of the trust policy of \`${roleArn}\`: an explicit Deny wins over every Allow.`,
        detail: detailOf('Deny statement(s) in the trust policy', [
          { trust: evaluation.deniedBy.map((s) => s.statement) }
        ])
      }
    case 'implicit-deny': {
      const miss = evaluation.nearMisses[0]
      return {
        state: 'denies',
        lines: [
          `trust policy: does not admit ${who}`,
          ...evaluation.nearMisses.flatMap((s) => s.notes.map((n) => `${statementLabel(s)}: ${n}`))
        ],
        change: miss
          ? `Change ${statementLabel(miss)} of the trust policy of \`${roleArn}\`: its conditions do not hold for this caller (${miss.notes.join('; ')}).`
          : `No statement of the trust policy of \`${roleArn}\` names \`${who}\`, its account or \`*\` for \`sts:AssumeRole\`; add one.`,
        detail: suggestion
      }
    }
    case 'unknown':
      return {
        state: 'unverified',
        lines: [
          'trust policy: could not be decided from here',
          ...evaluation.problems.map((p) => `- ${p}`)
        ],
        change: `The trust policy of \`${roleArn}\` depends on what the preflight cannot know (${evaluation.problems.join('; ')}).`,
        detail: suggestion
      }
    case 'malformed':
      return {
        state: 'unverified',
        lines: [`trust policy: unreadable (${evaluation.problems.join('; ')})`],
        change: `The trust policy of \`${roleArn}\` could not be evaluated: ${evaluation.problems.join('; ')}.`,
        detail: suggestion
      }
  }
}
