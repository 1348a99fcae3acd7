import type { EvaluationResult } from '@aws-sdk/client-iam'
import type { CheckRun } from '../shared/check.js'
import type { IdentityFacts } from '../identity/facts.js'
import { apiKeyOnly } from '../shared/api-key-only.js'
import { simulatePrincipalPolicy } from '../shared/iam-reads.js'
import { withRolePath } from '../shared/role-arn.js'
import {
  grant,
  MANTLE_ACTIONS,
  MANTLE_INFERENCE,
  projectArn,
  DEFAULT_PROJECT
} from '../shared/mantle-project.js'
import type { meta } from './meta.js'

/** The IAM principal to simulate: a user as itself, a role session as its role. */
function simulable(identity: IdentityFacts): string | undefined {
  if (identity.kind === 'user') return identity.arn
  if (identity.kind === 'assumed-role' || identity.kind === 'role') return identity.roleArn
  return undefined
}

const missingKeys = (r: EvaluationResult): string[] => [
  ...(r.MissingContextValues ?? []),
  ...(r.ResourceSpecificResults ?? []).flatMap((x) => x.MissingContextValues ?? [])
]

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const identity = ctx.facts('identity')
  const region = ctx.subject.region
  const endpoint = ctx.config.endpoint
  if (!identity || !region || !endpoint) return
  if (apiKeyOnly(identity)) {
    ctx.report('needsCredentials', {})
    return
  }
  const caller = simulable(identity)
  if (!caller) {
    ctx.report(
      'callerNotSimulable',
      { caller: identity.arn },
      { observed: [`caller: ${identity.arn}`] }
    )
    return
  }
  const projectId = ctx.config.mantleProject?.value ?? DEFAULT_PROJECT
  const project = projectArn(identity.partition, region, identity.accountId, projectId)
  const fromSession = identity.kind === 'assumed-role'
  const simulated = await withRolePath(ctx, identity.partition, caller, fromSession, (source) =>
    simulatePrincipalPolicy(ctx, identity.partition, {
      PolicySourceArn: source,
      ActionNames: [...MANTLE_ACTIONS],
      ResourceArns: [project]
    })
  )
  const principal = simulated.principal
  const name = principal.slice(principal.lastIndexOf('/') + 1)
  if (!simulated.result.ok) {
    ctx.report(
      'notSimulated',
      { name },
      { error: simulated.result.error, permission: 'iam:SimulatePrincipalPolicy' }
    )
    return
  }
  const results = simulated.result.value.EvaluationResults ?? []
  const decisionOf = (action: string): EvaluationResult | undefined =>
    results.find((r) => r.EvalActionName?.toLowerCase() === action.toLowerCase())
  const observed = [
    `endpoint: ${endpoint.value} (from ${endpoint.source})`,
    `project: ${project} (${ctx.config.mantleProject ? `from ${ctx.config.mantleProject.source}` : 'the default project: the agent names none'})`,
    `simulated principal: ${principal}${fromSession ? ` (role of the session ${identity.arn})` : ''}${simulated.note ? `; ${simulated.note}` : ''}`,
    ...MANTLE_ACTIONS.map((a) => `${a} → ${decisionOf(a)?.EvalDecision ?? 'no answer'}`)
  ]
  const denied = MANTLE_ACTIONS.filter((a) => decisionOf(a)?.EvalDecision !== 'allowed')
  const where = { name, project, endpoint: endpoint.value, source: endpoint.source }
  if (denied.length === 0) {
    ctx.report('allowed', { ...where, actions: MANTLE_ACTIONS.join(', ') }, { observed })
    return
  }
  const missing = denied.join(', ')
  const evaluated = denied.map((a) => decisionOf(a)).filter((r): r is EvaluationResult => !!r)
  const byScp = evaluated.some(
    (r) => r.OrganizationsDecisionDetail?.AllowedByOrganizations === false
  )
  const byBoundary = evaluated.some(
    (r) => r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false
  )
  const explicit = evaluated.filter((r) => r.EvalDecision === 'explicitDeny')
  const keys = [...new Set(evaluated.flatMap(missingKeys))]
  if (byScp) {
    ctx.report('scpDenies', { name, project, missing }, { observed })
  } else if (byBoundary) {
    ctx.report('boundaryDenies', { name, project, missing }, { observed })
  } else if (explicit.length > 0) {
    const statements = [
      ...new Set(
        explicit.flatMap((r) => (r.MatchedStatements ?? []).map((s) => s.SourcePolicyId ?? '?'))
      )
    ]
    ctx.report(
      'explicitDeny',
      { name, project, missing, statements: statements.join(', ') || "the caller's policies" },
      { observed }
    )
  } else if (keys.length > 0) {
    ctx.report('dependsOnContext', { name, missing, keys: keys.join(', ') }, { observed })
  } else if (denied.includes(MANTLE_INFERENCE)) {
    ctx.report(
      'inferenceDenied',
      { ...where, missing, principal, grant: grant(identity.partition, denied) },
      { observed }
    )
  } else {
    ctx.report(
      'readsDenied',
      { ...where, missing, principal, grant: grant(identity.partition, denied) },
      { observed }
    )
  }
}
