import type { EvaluationResult, ServiceSpecificCredentialMetadata } from '@aws-sdk/client-iam'
import { bearerConditionKey } from '../../data/api-keys.js'
import type { Verdict } from '../shared/verdict.js'
import { GRANT, type meta } from './meta.js'

// api-key-permission's decision table: from IAM's list of the user's Bedrock keys and the
// simulation of the bearer-token actions, which state to report with what data. Pure: the reads
// are in run.ts, the wording of each state in meta.ts.

type ApiKeyVerdict = Verdict<typeof meta.messages>

/** A long-term key's user with no key, or none active and unexpired; undefined when one is usable. */
export function keyStateVerdict(
  user: string,
  credentials: readonly ServiceSpecificCredentialMetadata[],
  now: number
): ApiKeyVerdict | undefined {
  const observed = credentials.map(
    (c) =>
      `${c.ServiceSpecificCredentialId}: ${c.Status}${c.ExpirationDate ? `, expires ${c.ExpirationDate.toISOString()}` : ''}`
  )
  const active = credentials.filter((c) => c.Status === 'Active')
  if (credentials.length === 0) {
    return {
      id: 'noKeyOfUser',
      data: { user },
      extra: { observed: [`iam:ListServiceSpecificCredentials for ${user}: none`] }
    }
  }
  if (active.length === 0) {
    const id = credentials[0]?.ServiceSpecificCredentialId ?? '<id>'
    return { id: 'keyInactive', data: { user, id }, extra: { observed } }
  }
  const live = active.filter((c) => !c.ExpirationDate || c.ExpirationDate.getTime() > now)
  if (live.length === 0) {
    const date = active[0]?.ExpirationDate?.toISOString().slice(0, 10) ?? '?'
    return { id: 'keyExpired', data: { user, date }, extra: { observed } }
  }
  return undefined
}

/** What IAM's simulation of the bearer-token actions means: the first action not allowed decides. */
export function simulationVerdict(
  principal: string,
  note: string | undefined,
  actions: readonly string[],
  tokenType: string,
  results: readonly EvaluationResult[]
): ApiKeyVerdict {
  const resultOf = (action: string): EvaluationResult | undefined =>
    results.find((x) => x.EvalActionName?.toLowerCase() === action.toLowerCase()) ??
    (actions.length === 1 ? results[0] : undefined)
  const observed = [
    `simulated principal: ${principal}${note ? ` (${note})` : ''}`,
    ...actions.map(
      (a) =>
        `${a} with ${bearerConditionKey(a)}=${tokenType} → ${resultOf(a)?.EvalDecision ?? 'no answer'}`
    )
  ]
  // The first action not allowed decides the finding; all allowed, the key may be used.
  const refused = actions.find((a) => resultOf(a)?.EvalDecision !== 'allowed')
  if (refused === undefined) {
    return {
      id: 'allowed',
      data: { principal, action: actions.join(' and ') },
      extra: { observed }
    }
  }
  const action = refused
  const r = resultOf(refused)
  const missing = [
    ...new Set([
      ...(r?.MissingContextValues ?? []),
      ...(r?.ResourceSpecificResults ?? []).flatMap((x) => x.MissingContextValues ?? [])
    ])
  ]
  if (r?.OrganizationsDecisionDetail?.AllowedByOrganizations === false) {
    return {
      id: 'scpDenies',
      data: { principal, action, conditionKey: bearerConditionKey(action) },
      extra: { observed }
    }
  }
  if (r?.EvalDecision === 'explicitDeny') {
    const statements = (r.MatchedStatements ?? []).map((s) => s.SourcePolicyId ?? '?')
    return {
      id: 'explicitDeny',
      data: { principal, action, statements: statements.join(', ') || "the caller's policies" },
      extra: { observed }
    }
  }
  if (missing.length > 0) {
    return {
      id: 'dependsOnContext',
      data: { principal, action, keys: missing.join(', ') },
      extra: { observed }
    }
  }
  return {
    id: 'notAllowed',
    data: { principal, action, grant: GRANT(action) },
    extra: { observed }
  }
}
