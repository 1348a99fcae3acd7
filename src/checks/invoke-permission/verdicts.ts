import { minimalInvokePolicy } from '../../policy/bedrock-invoke-policy.js'
import { detailOf, listDetail } from '../../policy/fix-parts.js'
import { shownKeyId } from '../../parse/bedrock-api-key.js'
import type { IdentityFacts } from '../identity/facts.js'
import type { ResolveFacts } from '../model-resolve/facts.js'
import type { Verdict } from '../shared/verdict.js'
import {
  arnsOf,
  decide,
  deniedByBoundary,
  deniedByScp,
  grantsOf,
  missingContextOf,
  principalOf,
  regionsOf,
  resourceOf,
  type Evaluated
} from './decide.js'
import type { meta } from './meta.js'
import type { SimulatedResource } from './resources.js'

// invoke-permission's decision table: from what was read (the caller, the API key, IAM's
// simulation), which states to report and with what data. Pure: the AWS reads are in run.ts, the
// wording of each state in meta.ts; here only the observed lines and the data the wording fills.

type InvokeVerdict = Verdict<typeof meta.messages>

const CAVEAT =
  'IAM simulation covers identity policies, SCPs and permissions boundaries; it cannot see session policies, the Marketplace subscription, the Anthropic form or quotas (model-access and invoke-probe look at those).'

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

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`)

/** Where the simulated ARNs came from when GetInferenceProfile was denied. */
export function predictedNote(facts: ResolveFacts): string {
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

/** What `api-key` tells about the key (never the key itself). */
export interface KeyFacts extends Record<string, unknown> {
  kind: 'short-term' | 'long-term'
  accessKeyId?: string
  account?: string
  userName?: string
}

/** Who the simulation asks about: the job's caller, or the IAM user of its long-term API key. */
export type Simulated = { arn: string; asKeyUser: boolean } | { verdict: InvokeVerdict }

/**
 * With a Bedrock API key the agent calls Bedrock as the key's principal, not as the job's
 * credentials: a long-term key as its IAM user, a short-term one as whoever signed it
 * (`signerKeyId`, the access key of this job's credentials, when they could be read).
 */
export function whoToSimulate(
  identity: IdentityFacts,
  partition: string,
  key: KeyFacts | undefined,
  signerKeyId: string | undefined
): Simulated {
  const asKeyUser =
    key?.kind === 'long-term' && key.account === identity.accountId && key.userName
      ? `arn:${partition}:iam::${key.account}:user/${key.userName}`
      : undefined
  const signedByOther =
    key?.kind === 'short-term' && (!signerKeyId || signerKeyId !== key.accessKeyId)
  if ((key?.kind === 'long-term' && !asKeyUser) || signedByOther) {
    const why =
      key?.kind === 'long-term'
        ? `its IAM user ${key.userName} is in account ${key.account}, not the job's ${identity.accountId}`
        : `it was signed by ${shownKeyId(key?.accessKeyId ?? '')}, not by this job's credentials`
    return { verdict: { id: 'keyPrincipalUnknown', data: { why } } }
  }
  if (asKeyUser) return { arn: asKeyUser, asKeyUser: true }
  const caller = principalOf(identity)
  if (caller.simulable) return { arn: caller.arn, asKeyUser: false }
  const observed = [`caller: ${identity.arn}`]
  return {
    verdict:
      caller.reason === 'root'
        ? { id: 'rootCaller', data: {}, extra: { observed } }
        : { id: 'callerNotSimulable', data: { caller: identity.arn }, extra: { observed } }
  }
}

/** What the simulation was about, for its verdicts. */
export interface Simulation {
  identity: IdentityFacts
  facts: ResolveFacts
  /** The principal IAM was asked about (the role of a session, with its path). */
  principal: string
  fromSession: boolean
  asKeyUser: boolean
  /** The agent calls with an API key (a short-term one signed by this job). */
  withKey: boolean
  /** How many ARNs were simulated. */
  resources: number
  /** Notes on how the principal and the ARNs were found. */
  notes: string[]
}

/** The states IAM's answer means, in the order a reader fixes them. */
export function verdictsOf(sim: Simulation, evaluated: readonly Evaluated[]): InvokeVerdict[] {
  const { facts, principal } = sim
  const fixContext = { modelId: facts.baseModelId }
  const name = principal.slice(principal.lastIndexOf('/') + 1)
  const head = [
    `simulated principal: ${principal}${sim.fromSession ? ` (role of the session ${sim.identity.arn})` : ''}${sim.asKeyUser ? ' (the IAM user of the long-term Bedrock API key the agent calls with)' : sim.withKey ? ' (it signed the Bedrock API key the agent calls with)' : ''}`,
    ...sim.notes
  ]
  const { denied, byScp, byBoundary, explicit, conditional, missing, unknown } = decide(evaluated)
  if (denied.length === 0 && facts.predicted) {
    const data = {
      name,
      count: sim.resources,
      profile: facts.profileId ?? facts.invokeId,
      region: facts.region
    }
    const observed = [...head, ...evaluated.map(line), CAVEAT]
    return [
      facts.predicted.complete
        ? { id: 'allowedPredicted', data, extra: { observed } }
        : {
            id: 'allowedOnPredicted',
            data: { ...data, why: unknownPart(facts) },
            extra: { observed }
          }
    ]
  }
  if (denied.length === 0) {
    return [
      {
        id: 'allowed',
        data: { name, count: sim.resources, arns: plural(sim.resources, 'ARN') },
        extra: { observed: [...head, ...evaluated.map(line), CAVEAT] }
      }
    ]
  }

  const summary = `${denied.length} of the ${evaluated.length} ${evaluated.length === 1 ? 'action the agent needs is' : 'actions the agent needs are'} denied, ${evaluated.length - denied.length} allowed`
  const observedFor = (list: Evaluated[], ...more: string[]) => [
    ...head,
    summary,
    ...list.map(line),
    ...more
  ]
  const policyFor = (list: Evaluated[]) =>
    minimalInvokePolicy({
      ...(facts.profileArn ? { profileArn: facts.profileArn } : {}),
      missing: grantsOf(list)
    })
  const out: InvokeVerdict[] = []
  if (byScp.length) {
    const regions = regionsOf(byScp)
    out.push({
      id: 'scpDenies',
      data: {
        regions: regions.join(', '),
        allowRegions: regions.map(allowRegion).join(', '),
        profile: facts.profileId ?? facts.invokeId
      },
      extra: { observed: observedFor(byScp), fixContext }
    })
  }
  if (byBoundary.length) {
    const policy = policyFor(byBoundary)
    const count = arnsOf(byBoundary).length
    out.push({
      id: 'boundaryDenies',
      data: { name, count, arns: plural(count, 'ARN'), principal, policy },
      extra: {
        observed: observedFor(byBoundary),
        details: [detailOf('Minimal statements for the boundary', [{ policy }])],
        fixContext
      }
    })
  }
  if (explicit.length) {
    out.push({
      id: 'explicitDeny',
      data: { name, arns: arnsOf(explicit).join(', ') },
      extra: { observed: observedFor(explicit, ...explicit.flatMap(matchedStatements)), fixContext }
    })
  }
  if (conditional.length) {
    const keys = missingContextOf(conditional)
    const arns = arnsOf(conditional)
    out.push({
      id: 'dependsOnContext',
      data: {
        name,
        keys: keys.map((k) => `\`${k}\``).join(', '),
        count: arns.length,
        arns: plural(arns.length, 'ARN'),
        meaning: contextMeaning(keys)
      },
      extra: {
        observed: observedFor(
          conditional,
          `context keys the policies test but the simulation could not supply: ${keys.join(', ')}`
        ),
        details: [
          listDetail(
            'ARNs that depend on it',
            arns.map((a) => `\`${a}\``)
          )
        ],
        fixContext
      }
    })
  }
  if (unknown.length) {
    const decisions = [...new Set(unknown.map((e) => e.decision))]
    out.push({
      id: 'unknownDecision',
      data: { name, decisions: decisions.join(', '), count: arnsOf(unknown).length },
      extra: { observed: observedFor(unknown), fixContext }
    })
  }
  if (missing.length) {
    const policy = policyFor(missing)
    const arns = arnsOf(missing)
    out.push({
      id: facts.profileArn ? 'notGrantedViaProfile' : 'notGranted',
      data: { name, count: arns.length, principal, policy },
      extra: {
        observed: observedFor(missing),
        details: [
          listDetail(
            'Denied ARNs',
            arns.map((a) => `\`${a}\``)
          ),
          detailOf('Minimal policy JSON', [{ policy }])
        ],
        fixContext
      }
    })
  }
  return out
}
