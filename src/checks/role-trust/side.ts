import type { CheckContext } from '../../engine/check.js'
import type { FindingDetail } from '../../engine/types.js'
import type { TrustCaller } from '../../policy/trust-policy.js'
import type { IdentityFacts } from '../identity/facts.js'
import { jsonBlock } from '../shared/assume-role.js'
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

export function callerOf(identity: IdentityFacts): TrustCaller {
  return {
    arn: identity.arn,
    accountId: identity.accountId,
    ...(identity.roleArn ? { roleArn: identity.roleArn } : {})
  }
}

/** The identity policy that lets a caller take `actions` on one role, as a JSON block. */
export function identityPolicyBlock(actions: string | string[], roleArn: string): string {
  return jsonBlock({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: actions, Resource: roleArn }]
  })
}
