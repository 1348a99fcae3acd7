import type { CheckContext } from '../shared/check.js'
import type { FindingDetail } from '../../engine/types.js'
import type { TrustCaller } from '../../policy/trust-policy.js'
import type { IdentityFacts } from '../identity/facts.js'
import type { IamPolicy } from '../../policy/document.js'
import { getRole } from '../shared/iam-reads.js'
import type { SideState } from './decide.js'
import type { meta } from './meta.js'

export type RoleTrustContext = CheckContext<typeof meta.messages>

/** What one side (trust policy or caller's identity policy) says about the AssumeRole, and how. */
export interface Side extends Omit<SideState, 'proposesChange'> {
  /** Observed lines. */
  lines: string[]
  /** What to change, in words (Markdown): always given for a side that denies. */
  change?: string
  detail?: FindingDetail
  /** Reports the side's own `unverified` finding, when a read was denied or impossible. */
  reportUnread?: () => void
}

/** A side as decide.ts sees it. */
export function stateOf(side: Side): SideState {
  return {
    state: side.state,
    ...(side.explicit !== undefined ? { explicit: side.explicit } : {}),
    proposesChange: side.change !== undefined
  }
}

/** The principal a trust policy should name and IAM can simulate: the role of a session. */
export function principalArn(identity: IdentityFacts): string {
  return identity.kind === 'assumed-role' && identity.roleArn ? identity.roleArn : identity.arn
}

/**
 * The caller's principal as IAM stores it, for the statements the tool suggests: a session ARN
 * drops its role's path (every IAM Identity Center role is under
 * `/aws-reserved/sso.amazonaws.com/…`), and a trust policy naming `role/NAME` without it is
 * rejected by IAM. iam:GetRole by name gives the stored ARN; when it is refused or names another
 * role, the ARN derived from the session stays (its path unknown).
 */
export async function storedPrincipalArn(
  ctx: RoleTrustContext,
  identity: IdentityFacts
): Promise<string> {
  const derived = principalArn(identity)
  if (identity.kind !== 'assumed-role' || !identity.roleArn) return derived
  const name = derived.slice(derived.lastIndexOf('/') + 1)
  const got = await ctx.aws.shared(`GetRole/${identity.partition}/${name}`, () =>
    getRole(ctx, identity.partition, name)
  )
  // An answer without a body (no Role) is possible from any SDK mock or proxy: read it guarded.
  const role = got.ok
    ? (got.value as { Role?: { Arn?: string; RoleName?: string } } | undefined)?.Role
    : undefined
  const stored = role?.Arn
  return stored &&
    role?.RoleName === name &&
    stored.endsWith(`/${name}`) &&
    stored.includes(`::${identity.accountId}:role/`)
    ? stored
    : derived
}

export function callerOf(identity: IdentityFacts): TrustCaller {
  return {
    arn: identity.arn,
    accountId: identity.accountId,
    ...(identity.roleArn ? { roleArn: identity.roleArn } : {})
  }
}

/** The identity policy that lets a caller take `actions` on one role. */
export function identityPolicy(actions: string | string[], roleArn: string): IamPolicy {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: roleArn }]
  }
}
