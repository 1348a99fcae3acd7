import type { EvaluationResult, Statement } from '@aws-sdk/client-iam'
import type { MissingGrant } from '../../policy/bedrock-invoke-policy.js'
import type { IdentityFacts } from '../identity/facts.js'
import type { SimulatedResource } from './resources.js'

// The decisions of invoke-permission, as data: which principal IAM can simulate, and how the
// evaluated results group into what denies them. No wording here (meta.ts), no AWS calls (run.ts).

/**
 * One action on one resource, as SimulatePrincipalPolicy evaluated it. With `ResourceArns` given,
 * IAM names the resource type's ARN template at the top level of a result and gives each ARN's
 * decision, matched statements and missing context keys in `ResourceSpecificResults`; SCP
 * attribution exists only at the top level (the model has no per-resource SCP detail).
 */
export interface Evaluated {
  resource: SimulatedResource
  action: string
  /** `allowed`, `explicitDeny` or `implicitDeny` (PolicyEvaluationDecisionType). */
  decision: string
  allowedByOrganizations?: boolean
  allowedByBoundary?: boolean
  matched: Statement[]
  /** Context keys the caller's policies test that the simulation did not supply. */
  missingContext: string[]
}

/**
 * The evaluations of one top-level result: one per resource-specific result, each matched to
 * the resource asked for; without them (a `*` simulation, or an older answer), the top level
 * itself, for the resource it names, else for every resource it may stand for.
 */
export function evaluationsOf(
  result: EvaluationResult,
  asked: readonly SimulatedResource[]
): Evaluated[] {
  const byArn = new Map(asked.map((r) => [r.resource, r]))
  const base = {
    action: result.EvalActionName ?? '',
    ...(result.OrganizationsDecisionDetail?.AllowedByOrganizations !== undefined
      ? { allowedByOrganizations: result.OrganizationsDecisionDetail.AllowedByOrganizations }
      : {})
  }
  const boundaryOf = (allowed: boolean | undefined) =>
    allowed !== undefined ? { allowedByBoundary: allowed } : {}
  const specific = result.ResourceSpecificResults ?? []
  if (specific.length) {
    return specific.flatMap((s) => {
      const resource = byArn.get(s.EvalResourceName ?? '')
      if (!resource) return []
      return [
        {
          ...base,
          resource,
          decision: s.EvalResourceDecision ?? 'implicitDeny',
          ...boundaryOf(
            s.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary ??
              result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary
          ),
          matched: s.MatchedStatements ?? [],
          missingContext: s.MissingContextValues ?? []
        }
      ]
    })
  }
  const named = byArn.get(result.EvalResourceName ?? '')
  return (named ? [named] : asked).map((resource) => ({
    ...base,
    resource,
    decision: result.EvalDecision ?? 'implicitDeny',
    ...boundaryOf(result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary),
    matched: result.MatchedStatements ?? [],
    missingContext: result.MissingContextValues ?? []
  }))
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

export const deniedByScp = (e: Evaluated): boolean => e.allowedByOrganizations === false

export const deniedByBoundary = (e: Evaluated): boolean => e.allowedByBoundary === false

/**
 * What denies the evaluations that did not end `allowed`, each in one group only, the one a fix
 * must address first: an SCP (no identity policy can override it), else the permissions
 * boundary, else an explicit Deny in the caller's policies, else a policy that depends on context
 * keys the simulation could not supply (`conditional`: it may well allow the real call, so it is
 * never told to add statements), else no policy grants it.
 */
export interface Denials {
  denied: Evaluated[]
  byScp: Evaluated[]
  byBoundary: Evaluated[]
  explicit: Evaluated[]
  conditional: Evaluated[]
  missing: Evaluated[]
  /** A decision the IAM model did not define when this version was built: neither grant nor deny. */
  unknown: Evaluated[]
}

const KNOWN_DECISIONS: readonly string[] = ['allowed', 'explicitDeny', 'implicitDeny']

export function decide(evaluated: readonly Evaluated[]): Denials {
  const denied = evaluated.filter((e) => e.decision !== 'allowed')
  const byScp = denied.filter((e) => deniedByScp(e))
  const byBoundary = denied.filter((e) => !byScp.includes(e) && deniedByBoundary(e))
  const unknown = denied.filter((e) => !KNOWN_DECISIONS.includes(e.decision))
  const rest = denied.filter(
    (e) => !byScp.includes(e) && !byBoundary.includes(e) && !unknown.includes(e)
  )
  const implicit = rest.filter((e) => e.decision !== 'explicitDeny')
  return {
    denied,
    byScp,
    byBoundary,
    explicit: rest.filter((e) => e.decision === 'explicitDeny'),
    conditional: implicit.filter((e) => e.missingContext.length > 0),
    missing: implicit.filter((e) => e.missingContext.length === 0),
    unknown
  }
}

/** The ARN IAM evaluated, as it was asked (the top-level name is a template, not this ARN). */
export const resourceOf = (e: Evaluated): string => e.resource.resource

/** The distinct ARNs of some evaluations, in order. */
export const arnsOf = (list: readonly Evaluated[]): string[] => [...new Set(list.map(resourceOf))]

/** The grants a policy must add for these evaluations (bedrock-invoke-policy builds it). */
export const grantsOf = (list: readonly Evaluated[]): MissingGrant[] =>
  list.map((e) => ({ action: e.action, resource: resourceOf(e) }))

/** The distinct `aws:RequestedRegion` values of some evaluations (`unspecified`: the global hop). */
export const regionsOf = (list: readonly Evaluated[]): string[] => [
  ...new Set(list.map((e) => e.resource.requestedRegion))
]

/** The context keys the caller's policies test but the simulation did not supply. */
export const missingContextOf = (list: readonly Evaluated[]): string[] => [
  ...new Set(list.flatMap((e) => e.missingContext))
]
