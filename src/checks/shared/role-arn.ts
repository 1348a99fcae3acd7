import type { AwsResult } from '../../aws/access.js'
import type { ReadContext } from '../../engine/check.js'
import { getRole } from './iam-reads.js'

/** What a role-ARN input must look like, for the finding that says it does not. */
export const ROLE_ARN_SHAPE =
  'A role ARN looks like `arn:aws:iam::123456789012:role/NAME` (a path may come before NAME).'

/**
 * Runs an IAM call on a role principal, recovering the role's path when the first try did not
 * know it. A session ARN (`assumed-role/NAME/SESSION`) drops the path of its role, so the ARN
 * derived from it (`role/NAME`) is unknown to IAM (NoSuchEntity) for every role under a path:
 * all IAM Identity Center roles live under `/aws-reserved/sso.amazonaws.com/…`. GetRole by name
 * gives the ARN as IAM stores it; the call is then made once more with that.
 */
export async function withRolePath<T>(
  ctx: ReadContext,
  partition: string,
  principal: string,
  fromSession: boolean,
  call: (principal: string) => Promise<AwsResult<T>>
): Promise<{ result: AwsResult<T>; principal: string; note?: string }> {
  const result = await call(principal)
  if (result.ok || !fromSession || !/^NoSuchEntity/.test(result.error.code)) {
    return { result, principal }
  }
  const role = await getRole(ctx, partition, principal.slice(principal.lastIndexOf('/') + 1))
  const stored = role.ok ? role.value.Role?.Arn : undefined
  if (!stored || stored === principal) return { result, principal }
  return {
    result: await call(stored),
    principal: stored,
    note: `the session ARN drops the role path; GetRole gave ${stored}`
  }
}
