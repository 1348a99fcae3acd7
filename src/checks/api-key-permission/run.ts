import { bearerConditionKey } from '../../data/api-keys.js'
import type { CheckRun } from '../shared/check.js'
import { shownKeyId } from '../../parse/bedrock-api-key.js'
import { apiKeyOnly } from '../shared/api-key-only.js'
import { listServiceSpecificCredentials, simulatePrincipalPolicy } from '../shared/iam-reads.js'
import { withRolePath } from '../shared/role-arn.js'
import { usesMantle, usesRuntime } from '../../parse/endpoint.js'
import type { meta } from './meta.js'
import { reportAll } from '../shared/verdict.js'
import { keyStateVerdict, simulationVerdict } from './verdicts.js'

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
    const state = keyStateVerdict(user, listed.value.ServiceSpecificCredentials ?? [], Date.now())
    if (state) return reportAll(ctx, [state])
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
  reportAll(ctx, [
    simulationVerdict(
      principal,
      simulated.note,
      actions,
      tokenType,
      simulated.result.value.EvaluationResults ?? []
    )
  ])
}
