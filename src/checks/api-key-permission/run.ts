import { bearerConditionKey } from '../../data/api-keys.js'
import type { EvaluationResult } from '@aws-sdk/client-iam'
import type { CheckRun } from '../shared/check.js'
import { shownKeyId } from '../../parse/bedrock-api-key.js'
import { apiKeyOnly } from '../shared/api-key-only.js'
import { listServiceSpecificCredentials, simulatePrincipalPolicy } from '../shared/iam-reads.js'
import { withRolePath } from '../shared/role-arn.js'
import { usesMantle, usesRuntime } from '../../parse/endpoint.js'
import { GRANT, type meta } from './meta.js'

/** The service name of a Bedrock long-term key, as IAM lists service-specific credentials. */
const BEDROCK_SERVICE = 'bedrock.amazonaws.com'

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const identity = ctx.facts('identity')
  const key = ctx.facts('api-key')
  if (!identity || !key) return
  if (apiKeyOnly(identity)) {
    ctx.report('needsCredentials', {})
    return
  }
  const partition = identity.partition
  let principal: string
  let fromSession = false
  if (key.kind === 'long-term') {
    const user = key.userName ?? ''
    if (key.account !== identity.accountId) {
      const data = { user, account: key.account ?? '?', callerAccount: identity.accountId }
      ctx.report('otherAccount', data)
      return
    }
    const listed = await listServiceSpecificCredentials(ctx, partition, user, BEDROCK_SERVICE)
    if (!listed.ok) {
      ctx.report(
        'notSimulated',
        { principal: user },
        { error: listed.error, permission: 'iam:ListServiceSpecificCredentials' }
      )
      return
    }
    const credentials = listed.value.ServiceSpecificCredentials ?? []
    const observed = credentials.map(
      (c) =>
        `${c.ServiceSpecificCredentialId}: ${c.Status}${c.ExpirationDate ? `, expires ${c.ExpirationDate.toISOString()}` : ''}`
    )
    const active = credentials.filter((c) => c.Status === 'Active')
    if (credentials.length === 0) {
      ctx.report(
        'noKeyOfUser',
        { user },
        { observed: [`iam:ListServiceSpecificCredentials for ${user}: none`] }
      )
      return
    }
    if (active.length === 0) {
      const id = credentials[0]?.ServiceSpecificCredentialId ?? '<id>'
      ctx.report('keyInactive', { user, id }, { observed })
      return
    }
    const live = active.filter((c) => !c.ExpirationDate || c.ExpirationDate.getTime() > Date.now())
    if (live.length === 0) {
      const date = active[0]?.ExpirationDate?.toISOString().slice(0, 10) ?? '?'
      ctx.report('keyExpired', { user, date }, { observed })
      return
    }
    principal = `arn:${partition}:iam::${key.account}:user/${user}`
  } else {
    // A short-term key acts as whoever signed it: simulate that only when it is this job's key.
    const credentials = await ctx.aws.credentials()
    const mine = credentials.ok ? credentials.value.accessKeyId : undefined
    if (!key.accessKeyId || key.accessKeyId !== mine) {
      ctx.report('otherSigner', { signer: shownKeyId(key.accessKeyId ?? '') })
      return
    }
    fromSession = identity.kind === 'assumed-role'
    principal = (fromSession ? identity.roleArn : identity.arn) ?? identity.arn
  }

  // The bearer-token action of each endpoint the agent calls (AmazonBedrockMantleInferenceAccess
  // grants bedrock-mantle:CallWithBearerToken beside the runtime's bedrock:CallWithBearerToken).
  const endpoint = ctx.config.endpoint?.value
  const actions = [
    ...(usesRuntime(endpoint) ? ['bedrock:CallWithBearerToken'] : []),
    ...(usesMantle(endpoint) ? ['bedrock-mantle:CallWithBearerToken'] : [])
  ]
  const tokenType = key.kind === 'long-term' ? 'LONG_TERM' : 'SHORT_TERM'
  const simulated = await withRolePath(ctx, partition, principal, fromSession, (source) =>
    simulatePrincipalPolicy(ctx, partition, {
      PolicySourceArn: source,
      ActionNames: actions,
      // Each action's own condition key: bedrock-mantle's is `bedrock-mantle:BearerTokenType`.
      ContextEntries: actions.map((a) => ({
        ContextKeyName: bearerConditionKey(a),
        ContextKeyType: 'string',
        ContextKeyValues: [tokenType]
      }))
    })
  )
  principal = simulated.principal
  if (!simulated.result.ok) {
    ctx.report(
      'notSimulated',
      { principal },
      { error: simulated.result.error, permission: 'iam:SimulatePrincipalPolicy' }
    )
    return
  }
  const results = simulated.result.value.EvaluationResults ?? []
  const resultOf = (action: string): EvaluationResult | undefined =>
    results.find((x) => x.EvalActionName?.toLowerCase() === action.toLowerCase()) ??
    (actions.length === 1 ? results[0] : undefined)
  const observed = [
    `simulated principal: ${principal}${simulated.note ? ` (${simulated.note})` : ''}`,
    ...actions.map(
      (a) =>
        `${a} with ${bearerConditionKey(a)}=${tokenType} → ${resultOf(a)?.EvalDecision ?? 'no answer'}`
    )
  ]
  // The first action not allowed decides the finding; all allowed, the key may be used.
  const refused = actions.find((a) => resultOf(a)?.EvalDecision !== 'allowed')
  if (refused === undefined) {
    ctx.report('allowed', { principal, action: actions.join(' and ') }, { observed })
    return
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
    ctx.report(
      'scpDenies',
      {
        principal,
        action,
        conditionKey: bearerConditionKey(action)
      },
      { observed }
    )
  } else if (r?.EvalDecision === 'explicitDeny') {
    const statements = (r.MatchedStatements ?? []).map((s) => s.SourcePolicyId ?? '?')
    ctx.report(
      'explicitDeny',
      { principal, action, statements: statements.join(', ') || "the caller's policies" },
      { observed }
    )
  } else if (missing.length > 0) {
    ctx.report('dependsOnContext', { principal, action, keys: missing.join(', ') }, { observed })
  } else {
    ctx.report(
      'notAllowed',
      { principal, action, grant: GRANT(`\`${principal}\``, action) },
      { observed }
    )
  }
}
