import type { ObservedError } from './types.js'

/** Codes that mean "the caller may not read this", whatever the message says. */
const DENIED = /^(AccessDenied(Exception)?|NotAuthorized|UnauthorizedOperation|AuthorizationError)$/

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
