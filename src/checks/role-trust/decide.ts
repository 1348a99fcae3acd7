import type { meta } from './meta.js'

/**
 * Which side refuses a refused `sts:AssumeRole`, as a pure table: from what the trust side (the
 * role's trust policy) and the caller side (the caller's identity policies, simulated) say, to the
 * verdict and the message that words it. No AWS call and no wording here.
 */

/** What one side says about the AssumeRole. */
export interface SideState {
  state: 'allows' | 'denies' | 'unverified'
  /** An explicit Deny (or an SCP): it blocks even where the other side alone would suffice. */
  explicit?: boolean
  /** Whether the side has a change to propose (a refusing side always has one). */
  proposesChange: boolean
}

export interface DecideInput {
  trust: SideState
  caller: SideState
  /** The role's account differs from the caller's. */
  crossAccount: boolean
  /**
   * Whether the caller's identity policy must allow it too: always across accounts, and within one
   * account unless the trust policy admits the caller itself or `*` (not only its account).
   */
  identityPolicyNeeded: boolean
}

export type Verdict =
  | 'both-refuse'
  | 'trust-refuses'
  /** The caller side refuses with an explicit Deny or an SCP. */
  | 'caller-denies'
  /** The caller side refuses: no identity policy allows it, and the trust policy delegates. */
  | 'caller-not-allowed'
  /** Neither side is known to refuse, one could not be decided; there is a change to propose. */
  | 'unverified'
  /** Likewise, with nothing to propose but reading both sides. */
  | 'unverified-unread'
  | 'both-allow'

type MessageId = keyof typeof meta.messages

export interface Decision {
  verdict: Verdict
  message: DiagnosisMessage
  trustRefuses: boolean
  callerRefuses: boolean
  /** The caller side denies, but within one account the trust policy naming the caller suffices. */
  callerDenialMoot: boolean
  /** The changes the fix lists: the refusing sides', or any side's when neither refuses. */
  changesFrom: { trust: boolean; caller: boolean }
  /** The suggested statements the details show (cross-account adds both, in diagnose.ts). */
  detailsFrom: { trust: boolean; caller: boolean }
}

/** The message of each verdict: [within one account, across accounts]. */
export const VERDICT_MESSAGES = {
  'both-refuse': ['bothRefuse', 'crossAccountBothRefuse'],
  'trust-refuses': ['trustRefuses', 'crossAccountTrustRefuses'],
  'caller-denies': ['callerDenies', 'crossAccountCallerRefuses'],
  'caller-not-allowed': ['callerNotAllowed', 'crossAccountCallerRefuses'],
  unverified: ['unverified', 'crossAccountUnverified'],
  'unverified-unread': ['unverifiedUnread', 'crossAccountUnverifiedUnread'],
  'both-allow': ['bothAllow', 'crossAccountBothAllow']
} as const satisfies Record<Verdict, readonly [MessageId, MessageId]>

export type DiagnosisMessage = (typeof VERDICT_MESSAGES)[Verdict][number]

export function decide({
  trust,
  caller,
  crossAccount,
  identityPolicyNeeded
}: DecideInput): Decision {
  const trustRefuses = trust.state === 'denies'
  // Within one account a trust policy naming the caller suffices; only an explicit Deny blocks.
  const callerRefuses =
    caller.state === 'denies' && (identityPolicyNeeded || caller.explicit === true)
  const neither = !trustRefuses && !callerRefuses
  const verdict: Verdict =
    trustRefuses && callerRefuses
      ? 'both-refuse'
      : trustRefuses
        ? 'trust-refuses'
        : callerRefuses
          ? caller.explicit
            ? 'caller-denies'
            : 'caller-not-allowed'
          : trust.state === 'unverified' || caller.state === 'unverified'
            ? trust.proposesChange || caller.proposesChange
              ? 'unverified'
              : 'unverified-unread'
            : 'both-allow'
  return {
    verdict,
    message: VERDICT_MESSAGES[verdict][crossAccount ? 1 : 0],
    trustRefuses,
    callerRefuses,
    callerDenialMoot: !identityPolicyNeeded && caller.state === 'denies' && !callerRefuses,
    changesFrom: neither
      ? { trust: trust.proposesChange, caller: caller.proposesChange }
      : { trust: trustRefuses, caller: callerRefuses },
    detailsFrom: {
      trust: trustRefuses || neither,
      caller: callerRefuses || (neither && crossAccount)
    }
  }
}
