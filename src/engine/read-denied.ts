import type { ObservedError } from './types.js'

/**
 * Codes that mean "the caller may not read this", whatever the message says: AWS's, and
 * bedrock-mantle's (`access_denied` on its OpenAI-shaped routes, Anthropic's `permission_error`).
 */
const DENIED =
  /^(AccessDenied(Exception)?|NotAuthorized|UnauthorizedOperation|AuthorizationError|access_denied|permission_error|permission_denied_error)$/

export function isReadDenied(error: Pick<ObservedError, 'code'>): boolean {
  return DENIED.test(error.code)
}

/**
 * What a denied read says, whichever check made it: "could not verify" (never pass, never fail),
 * naming the exact permission that would let it verify.
 */
export const READ_DENIED = {
  catalogId: 'preflight-read-denied',
  cause: (permission: string) =>
    `The identity running the preflight may not call \`${permission}\`, so this could not be verified (it is not known to be broken).`,
  fix: (permission: string) =>
    `Allow \`${permission}\` for the identity that runs the preflight (read-only; see docs/model-checks.md for the whole read-only policy), or accept this part as unverified.`
} as const

/** AWS's "not now" (kept in step with src/aws/errors.ts `isThrottle`). */
const THROTTLED =
  /^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded|rate_limit_error)$/

/**
 * A throttled read of the preflight's own (not the invoke probe's model call): it says nothing
 * about the model's quota, only that the account's API rate for that read was spent, by this run
 * (a big matrix) or by whatever else shares the account. The run paced and resent it until
 * `timeout-seconds`.
 */
export function isReadThrottled(error: Pick<ObservedError, 'code' | 'operation'>): boolean {
  return (
    THROTTLED.test(error.code) &&
    !error.operation?.startsWith('bedrock-runtime:') &&
    error.operation !== 'bedrock-mantle:CreateInference'
  )
}

export const READ_THROTTLED = {
  cause: (operation: string) =>
    `AWS throttled the preflight's own read \`${operation}\` until timeout-seconds ran out (it was paced and resent), so this could not be verified. That is the account's API rate for this read, spent by this run or by others in the account; it says nothing about the model's quota.`,
  fix: () =>
    'Check a smaller matrix (fewer regions or models per job), or raise `timeout-seconds` so the paced reads can finish.'
} as const
