import type { EvaluationResult } from '@aws-sdk/client-iam'
import type { MissingGrant } from '../../policy/bedrock-invoke-policy.js'
import type { IdentityFacts } from '../identity/facts.js'
import type { SimulatedResource } from './resources.js'

// The decisions of invoke-permission, as data: which principal IAM can simulate, and how the
// evaluated results group into what denies them. No wording here (meta.ts), no AWS calls (run.ts).

/** One action on one resource, as SimulatePrincipalPolicy evaluated it. */
export interface Evaluated {
  resource: SimulatedResource
  result: EvaluationResult
}

/** The principal IAM can simulate for this caller: a session maps to its role. */
export type Principal =
  | { simulable: true; arn: string }
  /** `root`: allowed everything its SCPs allow; `unsupported`: neither a user nor a role. */
  | { simulable: false; reason: 'root' | 'unsupported' }

export function principalOf(identity: IdentityFacts): Principal {
  switch (identity.kind) {
    case 'user':
      return { simulable: true, arn: identity.arn }
    case 'assumed-role':
    case 'role':
      return identity.roleArn
        ? { simulable: true, arn: identity.roleArn }
        : { simulable: false, reason: 'unsupported' }
    case 'root':
      return { simulable: false, reason: 'root' }
    default:
      return { simulable: false, reason: 'unsupported' }
  }
}

export const deniedByScp = (r: EvaluationResult): boolean =>
  r.OrganizationsDecisionDetail?.AllowedByOrganizations === false

export const deniedByBoundary = (r: EvaluationResult): boolean =>
  r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false

/**
 * What denies the evaluations that did not end `allowed`, each in one group only, the one a fix
 * must address first: an SCP (no identity policy can override it), else the permissions
 * boundary, else an explicit Deny in the caller's policies, else no policy grants it.
 */
export interface Denials {
  denied: Evaluated[]
  byScp: Evaluated[]
  byBoundary: Evaluated[]
  explicit: Evaluated[]
  missing: Evaluated[]
}

export function decide(evaluated: readonly Evaluated[]): Denials {
  const denied = evaluated.filter((e) => e.result.EvalDecision !== 'allowed')
  const byScp = denied.filter((e) => deniedByScp(e.result))
  const byBoundary = denied.filter((e) => !byScp.includes(e) && deniedByBoundary(e.result))
  const rest = denied.filter((e) => !byScp.includes(e) && !byBoundary.includes(e))
  return {
    denied,
    byScp,
    byBoundary,
    explicit: rest.filter((e) => e.result.EvalDecision === 'explicitDeny'),
    missing: rest.filter((e) => e.result.EvalDecision !== 'explicitDeny')
  }
}

/** The ARN IAM evaluated (as it names it, else as it was asked). */
export const resourceOf = (e: Evaluated): string => e.result.EvalResourceName ?? e.resource.resource

/** The distinct ARNs of some evaluations, in order. */
export const arnsOf = (list: readonly Evaluated[]): string[] => [...new Set(list.map(resourceOf))]

/** The grants a policy must add for these evaluations (bedrock-invoke-policy builds it). */
export const grantsOf = (list: readonly Evaluated[]): MissingGrant[] =>
  list.map((e) => ({ action: e.result.EvalActionName ?? '', resource: resourceOf(e) }))

/** The distinct `aws:RequestedRegion` values of some evaluations (`unspecified`: the global hop). */
export const regionsOf = (list: readonly Evaluated[]): string[] => [
  ...new Set(list.map((e) => e.resource.requestedRegion))
]

/** The context keys the caller's policies test but the simulation did not supply. */
export const missingContextOf = (list: readonly Evaluated[]): string[] => [
  ...new Set(list.flatMap((e) => e.result.MissingContextValues ?? []))
]
