/**
 * The independent oracle: @cloud-copilot/iam-simulate (AGPL-3.0-or-later, a dev-only dependency:
 * never imported by src/, never bundled into dist/; see CONTRIBUTING.md). It runs offline: its
 * IAM data ships inside the package. It evaluates a role's trust policy as AWS's resource policy
 * for `sts:AssumeRole` on the role, with or without an identity policy that allows the call.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate'
import type { RequestContext } from '../../src/policy/conditions.js'

export type OracleAnswer = 'Allowed' | 'ImplicitlyDenied' | 'ExplicitlyDenied' | 'error'

export interface OracleRequest {
  /** The caller as the request principal: a user ARN or an assumed-role session ARN. */
  principal: string
  roleArn: string
  roleAccount: string
  action: string
  /** Fully known context: every key present or absent (no `unknown`). */
  context: RequestContext
  /** Whether the caller's identity policy allows the action on the role. */
  identityAllows: boolean
}

/** Context keys as iam-simulate takes them: single values as strings, multivalued as arrays. */
function contextVariables(
  context: RequestContext,
  multivalued: (key: string) => boolean
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(context.values)) {
    if (!Array.isArray(value) || value.length === 0) continue
    out[key] = multivalued(key) ? value : (value[0] as string)
  }
  return out
}

export async function oracle(
  policy: unknown,
  request: OracleRequest,
  multivalued: (key: string) => boolean
): Promise<OracleAnswer> {
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.roleArn, accountId: request.roleAccount },
        contextVariables: contextVariables(request.context, multivalued)
      },
      identityPolicies: request.identityAllows
        ? [
            {
              name: 'caller',
              policy: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: request.action, Resource: '*' }]
              }
            }
          ]
        : [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: policy
    },
    {}
  )
  if (result.resultType !== 'single') return 'error'
  return result.overallResult as OracleAnswer
}
