import type { AwsResult } from '../../aws/access.js'
import type { ReadContext } from '../../engine/check.js'
import type { CheckRun } from '../shared/check.js'
import {
  INVOKE_ACTIONS,
  minimalInvokePolicy,
  policyJson
} from '../../policy/bedrock-invoke-policy.js'
import type { ResolveFacts } from '../model-resolve/facts.js'
import { simulatePrincipalPolicy } from '../shared/iam-reads.js'
import { withRolePath } from '../shared/role-arn.js'
import {
  arnsOf,
  decide,
  deniedByBoundary,
  evaluationsOf,
  deniedByScp,
  grantsOf,
  missingContextOf,
  principalOf,
  regionsOf,
  resourceOf,
  type Evaluated
} from './decide.js'
import type { meta } from './meta.js'
import { contextEntries, resourcesToSimulate, type SimulatedResource } from './resources.js'
import { apiKeyOnly } from '../shared/api-key-only.js'
import { shownKeyId } from '../../parse/bedrock-api-key.js'

const CAVEAT =
  'IAM simulation covers identity policies, SCPs and permissions boundaries; it cannot see session policies, the Marketplace subscription, the Anthropic form or quotas (model-access and invoke-probe look at those).'

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

// ── Observed lines: what IAM said, one line per action and ARN ──

function hop(r: SimulatedResource): string {
  return r.requestedRegion === 'unspecified'
    ? 'global hop, aws:RequestedRegion=unspecified'
    : `aws:RequestedRegion=${r.requestedRegion}`
}

function line(e: Evaluated): string {
  const attribution = [
    deniedByScp(e) ? 'denied by an SCP' : '',
    deniedByBoundary(e) ? 'not allowed by the permissions boundary' : '',
    e.missingContext.length ? `context keys not supplied: ${e.missingContext.join(', ')}` : ''
  ].filter(Boolean)
  return `${e.action} on ${resourceOf(e)} → ${e.decision}${attribution.length ? ` (${attribution.join(', ')})` : ''} [${hop(e.resource)}]`
}

const matchedStatements = (e: Evaluated): string[] =>
  e.matched.map(
    (s) => `matched statement: ${s.SourcePolicyId ?? '?'} (${s.SourcePolicyType ?? 'policy'})`
  )

/** How an SCP fix names a region it must allow (the global hop is a condition value, not a region). */
const allowRegion = (r: string): string =>
  r === 'unspecified' ? '`"aws:RequestedRegion": "unspecified"` (the global hop)' : `\`${r}\``

/** What the usual condition keys of an invoke policy mean for the real call. */
const CONTEXT_MEANING: [RegExp, string][] = [
  [
    /^aws:sourcevpce?$|^aws:sourcevpc$/i,
    'the call must come through a VPC endpoint (a self-hosted runner in that VPC)'
  ],
  [/^aws:principaltag\//i, 'the role must carry that principal tag'],
  [/^aws:requesttag\/|^aws:tagkeys$/i, 'the request must carry those tags'],
  [/^aws:multifactorauth/i, 'the session must be signed in with MFA'],
  [/^aws:sourceip$/i, 'the call must come from the allowed IP ranges'],
  [/^aws:calledvia|^aws:viaawsservice$/i, 'the call must be made through another AWS service']
]

function contextMeaning(keys: readonly string[]): string {
  const meanings = [
    ...new Set(keys.flatMap((k) => CONTEXT_MEANING.filter(([re]) => re.test(k)).map(([, m]) => m)))
  ]
  return meanings.length
    ? `Usually this means ${meanings.join('; ')}.`
    : 'Whether the real call carries these keys depends on where and how the job runs.'
}

const fenced = (json: string): string => `\`\`\`json\n${json}\n\`\`\``
const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`)

/** Where the simulated ARNs came from when GetInferenceProfile was denied. */
function predictedNote(facts: ResolveFacts): string {
  const regions = facts.destinations.filter((d) => d !== 'unspecified').join(', ')
  return `ARNs predicted from the bundled profile table, not read from AWS (${facts.predicted?.permission ?? 'bedrock:GetInferenceProfile'} was denied): ${
    facts.predicted?.complete
      ? `the destinations AWS documents for ${facts.profileId} from ${facts.region}: ${regions}`
      : unknownPart(facts)
  }`
}

/** What a prediction that is not complete leaves out. */
function unknownPart(facts: ResolveFacts): string {
  return facts.profileKind === 'global'
    ? `a global. profile's destination list changes as AWS adds commercial regions; the profile in ${facts.region}, the model there and the region-less global model were simulated.`
    : `the bundled table does not list the destinations of ${facts.profileId} from ${facts.region}; only the profile and the model in ${facts.region} were simulated.`
}

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const identity = ctx.facts('identity')
  const facts = ctx.facts('model-resolve')
  // Both passed, or the engine would have skipped this check; a passing one publishes its facts.
  if (!identity || !facts) return
  const fixContext = { modelId: facts.baseModelId }
  if (apiKeyOnly(identity)) {
    ctx.report('needsCredentials', {})
    return
  }

  // With a Bedrock API key the agent calls Bedrock as the key's principal, not as the job's
  // credentials: a long-term key as its IAM user, a short-term one as whoever signed it.
  const key = await ctx.waitFor('api-key')
  const credentials = key?.kind === 'short-term' ? await ctx.aws.credentials() : undefined
  const asKeyUser =
    key?.kind === 'long-term' && key.account === identity.accountId && key.userName
      ? `arn:${facts.partition}:iam::${key.account}:user/${key.userName}`
      : undefined
  const signedByOther =
    key?.kind === 'short-term' &&
    (!credentials?.ok || credentials.value.accessKeyId !== key.accessKeyId)
  if ((key?.kind === 'long-term' && !asKeyUser) || signedByOther) {
    ctx.report('keyPrincipalUnknown', {
      why:
        key?.kind === 'long-term'
          ? `its IAM user ${key.userName} is in account ${key.account}, not the job's ${identity.accountId}`
          : `it was signed by ${shownKeyId(key?.accessKeyId ?? '')}, not by this job's credentials`
    })
    return
  }

  const caller = asKeyUser ? { simulable: true as const, arn: asKeyUser } : principalOf(identity)
  if (!caller.simulable) {
    const observed = [`caller: ${identity.arn}`]
    if (caller.reason === 'root') ctx.report('rootCaller', {}, { observed })
    else ctx.report('callerNotSimulable', { caller: identity.arn }, { observed })
    return
  }

  const resources = resourcesToSimulate(facts)
  const fromSession = !asKeyUser && identity.kind === 'assumed-role'
  // A role with a path loses it in the session ARN; IAM then does not know `role/NAME`.
  const { result, principal, note } = await withRolePath(
    ctx,
    facts.partition,
    caller.arn,
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
        fixContext,
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

  const evaluated = result.value
  const name = principal.slice(principal.lastIndexOf('/') + 1)
  const head = [
    `simulated principal: ${principal}${fromSession ? ` (role of the session ${identity.arn})` : ''}${asKeyUser ? ' (the IAM user of the long-term Bedrock API key the agent calls with)' : key ? ' (it signed the Bedrock API key the agent calls with)' : ''}`,
    ...notes
  ]
  const { denied, byScp, byBoundary, explicit, conditional, missing, unknown } = decide(evaluated)
  if (denied.length === 0 && facts.predicted) {
    const data = {
      name,
      count: resources.length,
      profile: facts.profileId ?? facts.invokeId,
      region: facts.region
    }
    const observed = [...head, ...evaluated.map(line), CAVEAT]
    if (facts.predicted.complete) ctx.report('allowedPredicted', data, { observed })
    else ctx.report('allowedOnPredicted', { ...data, why: unknownPart(facts) }, { observed })
    return
  }
  if (denied.length === 0) {
    ctx.report(
      'allowed',
      { name, count: resources.length, arns: plural(resources.length, 'ARN') },
      { observed: [...head, ...evaluated.map(line), CAVEAT] }
    )
    return
  }

  const summary = `${denied.length} of ${evaluated.length} checks denied, ${evaluated.length - denied.length} allowed`
  const observedFor = (list: Evaluated[], ...more: string[]) => [
    ...head,
    summary,
    ...list.map(line),
    ...more
  ]
  const policyFor = (list: Evaluated[]) =>
    policyJson(
      minimalInvokePolicy({
        ...(facts.profileArn ? { profileArn: facts.profileArn } : {}),
        missing: grantsOf(list)
      })
    )

  if (byScp.length) {
    const regions = regionsOf(byScp)
    ctx.report(
      'scpDenies',
      {
        regions: regions.join(', '),
        allowRegions: regions.map(allowRegion).join(', '),
        profile: facts.profileId ?? facts.invokeId
      },
      { observed: observedFor(byScp), fixContext }
    )
  }
  if (byBoundary.length) {
    const policy = policyFor(byBoundary)
    const count = arnsOf(byBoundary).length
    ctx.report(
      'boundaryDenies',
      { name, count, arns: plural(count, 'ARN'), principal, policy },
      {
        observed: observedFor(byBoundary),
        details: [{ title: 'Minimal statements for the boundary', body: fenced(policy) }],
        fixContext
      }
    )
  }
  if (explicit.length) {
    ctx.report(
      'explicitDeny',
      { name, arns: arnsOf(explicit).join(', ') },
      { observed: observedFor(explicit, ...explicit.flatMap(matchedStatements)), fixContext }
    )
  }
  if (conditional.length) {
    const keys = missingContextOf(conditional)
    const arns = arnsOf(conditional)
    ctx.report(
      'dependsOnContext',
      {
        name,
        keys: keys.map((k) => `\`${k}\``).join(', '),
        count: arns.length,
        arns: plural(arns.length, 'ARN'),
        meaning: contextMeaning(keys)
      },
      {
        observed: observedFor(
          conditional,
          `context keys the policies test but the simulation could not supply: ${keys.join(', ')}`
        ),
        details: [
          { title: 'ARNs that depend on it', body: arns.map((a) => `- \`${a}\``).join('\n') }
        ],
        fixContext
      }
    )
  }
  if (unknown.length) {
    const decisions = [...new Set(unknown.map((e) => e.decision))]
    ctx.report(
      'unknownDecision',
      { name, decisions: decisions.join(', '), count: arnsOf(unknown).length },
      { observed: observedFor(unknown), fixContext }
    )
  }
  if (missing.length) {
    const policy = policyFor(missing)
    const arns = arnsOf(missing)
    const data = { name, count: arns.length, principal, policy }
    const extra = {
      observed: observedFor(missing),
      details: [
        { title: 'Denied ARNs', body: arns.map((a) => `- \`${a}\``).join('\n') },
        { title: 'Minimal policy JSON', body: fenced(policy) }
      ],
      fixContext
    }
    if (facts.profileArn) ctx.report('notGrantedViaProfile', data, extra)
    else ctx.report('notGranted', data, extra)
  }
}
