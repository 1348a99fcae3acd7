import type { FixContext } from '../catalog/types.js'
import { POLICY_STATEMENTS, type StatementId } from '../policy/preflight-policy.js'
import { describeCaller, parseArn } from '../parse/arn.js'
import type { IamPolicy } from '../policy/document.js'
import type { ObservedError } from './types.js'
import { INCOMPLETE_ANSWER, MALFORMED_RESPONSE } from '../aws/complete.js'

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
 * The statement of the preflight's policy that grants these actions (the denied read and the
 * check's other reads under the same statement, so the next run is not stopped at the next read), on the
 * statement's resources with the placeholders this run can fill (the caller's account, the job
 * role or user, the role to assume); a resource it cannot fill is left out, and with none left
 * there is no policy to print (every printed ARN must be real).
 */
export function readGrantPolicy(
  actions: readonly string[],
  statement: StatementId,
  fix: FixContext
): IamPolicy | undefined {
  const caller = fix.callerArn ? describeCaller(fix.callerArn) : undefined
  // The job's own principal as IAM stores it. A user's or a role's ARN carries its path; a
  // session ARN drops its role's path (every IAM Identity Center role lives under
  // /aws-reserved/sso.amazonaws.com/), so the role is named at the root and under any path.
  const callerResource = fix.callerArn ? parseArn(fix.callerArn)?.resource : undefined
  const selves: string[] =
    caller?.kind === 'user' && callerResource?.startsWith('user/')
      ? [callerResource]
      : caller?.kind === 'role' && callerResource?.startsWith('role/')
        ? [callerResource]
        : caller?.kind === 'assumed-role' && caller.roleName
          ? [`role/${caller.roleName}`, `role/*/${caller.roleName}`]
          : []
  const fill = (template: string): string[] => {
    if (template === '*') return [template]
    // The role to assume or the OIDC role is named by its own ARN: its account and its path
    // (`role/ci/bedrock-runner`), which a template rebuilt from its name would lose.
    if (/role\/<(ASSUME|OIDC)_ROLE_NAME>$/.test(template)) {
      const role = fix.roleArn ? parseArn(fix.roleArn) : undefined
      return role?.service === 'iam' && role.resource.startsWith('role/')
        ? [fix.roleArn!.trim()]
        : []
    }
    if (!caller?.account) return []
    const out = template
      .replace('arn:aws:', `arn:${caller.partition || 'aws'}:`)
      .replace('<ACCOUNT_ID>', caller.account)
    const filled = out.includes('role/<JOB_ROLE_NAME>')
      ? selves.map((self) => out.replace('role/<JOB_ROLE_NAME>', self))
      : [out]
    return filled.filter((r) => !/[<>]/.test(r))
  }
  const resources = [...new Set(POLICY_STATEMENTS[statement].resources.flatMap(fill))]
  if (resources.length === 0) return undefined
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: statement,
        Effect: 'Allow',
        Action: actions.length === 1 ? (actions[0] as string) : [...actions].sort(),
        Resource: resources.length === 1 ? (resources[0] as string) : resources
      }
    ]
  }
}

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

/**
 * What the AWS layer ends a call with when what came back is not AWS's whole answer: a body that
 * is not the protocol's (`MalformedResponse`), or one without what AWS always sends, or a redirect
 * (`IncompleteAnswer`, src/aws/complete.ts). No evidence either way, whatever the check reporting
 * it would say of a real refusal: could not verify, never pass, never fail.
 */
export function isNoAnswer(error: Pick<ObservedError, 'code'>): boolean {
  return error.code === INCOMPLETE_ANSWER || error.code === MALFORMED_RESPONSE
}

export const READ_THROTTLED = {
  cause: (operation: string) =>
    `AWS throttled the preflight's own read \`${operation}\` until timeout-seconds ran out (it was paced and resent), so this could not be verified. That is the account's API rate for this read, spent by this run or by others in the account; it says nothing about the model's quota.`,
  fix: () =>
    'Check a smaller matrix (fewer regions or models per job), or raise `timeout-seconds` so the paced reads can finish.'
} as const
