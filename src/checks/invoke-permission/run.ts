import type { AwsResult } from '../../aws/access.js'
import type { ReadContext } from '../../engine/check.js'
import type { CheckRun } from '../shared/check.js'
import { INVOKE_ACTIONS } from '../../policy/bedrock-invoke-policy.js'
import { simulatePrincipalPolicy } from '../shared/iam-reads.js'
import { withRolePath } from '../shared/role-arn.js'
import { evaluationsOf, type Evaluated } from './decide.js'
import type { meta } from './meta.js'
import { contextEntries, resourcesToSimulate, type SimulatedResource } from './resources.js'
import { apiKeyOnly } from '../shared/api-key-only.js'
import { reportAll } from '../shared/verdict.js'
import { verdictsOf, whoToSimulate } from './verdicts.js'
import { predictedNote } from './wording.js'

/**
 * Both invoke actions on each resource, with its context keys; all of them, or the first error.
 * Resources whose context is the same (the profile ARN and the source region's model) share one
 * SimulatePrincipalPolicy: IAM evaluates each listed resource separately and gives its decision in
 * ResourceSpecificResults (the top-level EvalResourceName is the resource type's ARN template). Identical simulations of different checks (one model named two ways, a
 * matrix) are sent once (AwsAccess.shared): IAM throttles every caller of the account together.
 */
async function simulate(
  ctx: ReadContext,
  partition: string,
  principal: string,
  resources: readonly SimulatedResource[]
): Promise<AwsResult<Evaluated[]>> {
  const groups = new Map<string, SimulatedResource[]>()
  for (const resource of resources) {
    const key = JSON.stringify(contextEntries(resource))
    groups.set(key, [...(groups.get(key) ?? []), resource])
  }
  const all = await Promise.all(
    [...groups.entries()].map(async ([context, group]) => {
      const arns = group.map((r) => r.resource)
      const r = await ctx.aws.shared(
        `SimulatePrincipalPolicy/${principal}/${arns.join(',')}/${context}`,
        () =>
          simulatePrincipalPolicy(ctx, partition, {
            PolicySourceArn: principal,
            ActionNames: [...INVOKE_ACTIONS],
            ResourceArns: arns,
            ContextEntries: contextEntries(group[0]!)
          })
      )
      if (!r.ok) return r
      return {
        ok: true as const,
        value: (r.value.EvaluationResults ?? []).flatMap((result) => evaluationsOf(result, group))
      }
    })
  )
  const failed = all.find((r) => !r.ok)
  if (failed && !failed.ok) return failed
  return { ok: true as const, value: all.flatMap((r) => (r.ok ? r.value : [])) }
}

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const identity = ctx.facts('identity')
  const facts = ctx.facts('model-resolve')
  // Both passed, or the engine would have skipped this check; a passing one publishes its facts.
  if (!identity || !facts) return
  if (apiKeyOnly(identity)) {
    ctx.report('needsCredentials', {})
    return
  }
  const key = await ctx.waitFor('api-key')
  const credentials = key?.kind === 'short-term' ? await ctx.aws.credentials() : undefined
  const who = whoToSimulate(
    identity,
    facts.partition,
    key,
    credentials?.ok ? credentials.value.accessKeyId : undefined
  )
  if ('verdict' in who) return reportAll(ctx, [who.verdict])

  const resources = resourcesToSimulate(facts)
  const fromSession = !who.asKeyUser && identity.kind === 'assumed-role'
  // A role with a path loses it in the session ARN; IAM then does not know `role/NAME`.
  const { result, principal, note } = await withRolePath(
    ctx,
    facts.partition,
    who.arn,
    fromSession,
    (p) => simulate(ctx, facts.partition, p, resources)
  )
  const notes = note ? [note] : []
  if (facts.predicted) notes.push(predictedNote(facts))
  if (!result.ok) {
    ctx.report(
      'notSimulated',
      { principal },
      {
        error: result.error,
        permission: 'iam:SimulatePrincipalPolicy',
        fixContext: { modelId: facts.baseModelId },
        observed: [
          fromSession
            ? `simulated principal: ${principal} (from the session ${identity.arn}; a role with a path needs iam:GetRole to find its real ARN)`
            : `simulated principal: ${principal}`,
          ...notes
        ]
      }
    )
    return
  }
  const simulation = {
    identity,
    facts,
    principal,
    fromSession,
    asKeyUser: who.asKeyUser,
    withKey: key !== undefined,
    resources: resources.length,
    notes
  }
  reportAll(ctx, verdictsOf(simulation, result.value))
}
