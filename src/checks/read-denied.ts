import type { Finding, ObservedError } from '../engine/types.js'
import type { FixContext } from '../catalog/types.js'
import { entryById, findingFromError } from '../catalog/match.js'

/** Codes that mean "the caller may not read this", whatever the message says. */
const DENIED = /^(AccessDenied(Exception)?|NotAuthorized|UnauthorizedOperation|AuthorizationError)$/

export function isReadDenied(error: ObservedError): boolean {
  return DENIED.test(error.code)
}

/**
 * A finding for a read the preflight needed and did not get. A denial means "could not verify"
 * (never pass, never fail) and names the exact permission that would let it verify; other errors
 * go through the catalog (a time-out is unverified there too).
 */
export function findingFromRead(
  checkId: string,
  error: ObservedError,
  permission: string,
  fix: FixContext,
  base: Partial<Finding> & { title: string }
): Finding {
  if (isReadDenied(error)) {
    const entry = entryById('preflight-read-denied')
    return {
      ...findingFromError(checkId, error, fix, base),
      status: 'unverified',
      catalogId: entry.id,
      cause: `The identity running the preflight may not call \`${permission}\`, so this could not be verified (it is not known to be broken).`,
      fix: `Allow \`${permission}\` for the identity that runs the preflight (read-only; see docs/model-checks.md for the whole read-only policy), or accept this part as unverified.`,
      docUrl: entry.doc
    }
  }
  return findingFromError(checkId, error, fix, base)
}
