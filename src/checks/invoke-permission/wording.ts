import { INVOKE_ACTIONS } from '../../policy/bedrock-invoke-policy.js'
import type { ResolveFacts } from '../model-resolve/facts.js'
import { deniedByBoundary, deniedByScp, resourceOf, type Evaluated } from './decide.js'
import type { SimulatedResource } from './resources.js'

// The words invoke-permission's verdicts fill in: Observed lines (what IAM said, one per action
// and ARN) and the phrases its messages' placeholders take (which action, on what). The states
// and their sentences are in meta.ts; which state applies is in verdicts.ts.

export const CAVEAT =
  'IAM simulation covers identity policies, SCPs and permissions boundaries; it cannot see session policies, the Marketplace subscription, the Anthropic form or quotas (model-access and invoke-probe look at those).'

function hop(r: SimulatedResource): string {
  return r.requestedRegion === 'unspecified'
    ? 'global hop, aws:RequestedRegion=unspecified'
    : `aws:RequestedRegion=${r.requestedRegion}`
}

/** One Observed line: the action, the ARN, IAM's decision and what denied it. */
export function line(e: Evaluated): string {
  const attribution = [
    deniedByScp(e) ? 'denied by an SCP' : '',
    deniedByBoundary(e) ? 'not allowed by the permissions boundary' : '',
    e.missingContext.length ? `context keys not supplied: ${e.missingContext.join(', ')}` : ''
  ].filter(Boolean)
  return `${e.action} on ${resourceOf(e)} → ${e.decision}${attribution.length ? ` (${attribution.join(', ')})` : ''} [${hop(e.resource)}]`
}

export const matchedStatements = (e: Evaluated): string[] =>
  e.matched.map(
    (s) => `matched statement: ${s.SourcePolicyId ?? '?'} (${s.SourcePolicyType ?? 'policy'})`
  )

/** How an SCP fix names a region it must allow (the global hop is a condition value, not a region). */
export const allowRegion = (r: string): string =>
  r === 'unspecified' ? '`"aws:RequestedRegion": "unspecified"` (the global hop)' : `\`${r}\``

/** A region as a title names it. */
export const regionName = (r: string): string => (r === 'unspecified' ? 'the global hop' : r)

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

export function contextMeaning(keys: readonly string[]): string {
  const meanings = [
    ...new Set(keys.flatMap((k) => CONTEXT_MEANING.filter(([re]) => re.test(k)).map(([, m]) => m)))
  ]
  return meanings.length
    ? `Usually this means ${meanings.join('; ')}.`
    : 'Whether the real call carries these keys depends on where and how the job runs.'
}

export const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`)

/**
 * The denied actions, as a title names them: `bedrock:InvokeModel`, or both as
 * `bedrock:InvokeModel and InvokeModelWithResponseStream`.
 */
export function actionsOf(list: readonly Evaluated[]): string {
  const order = INVOKE_ACTIONS as readonly string[]
  const rank = (a: string) => (order.includes(a) ? order.indexOf(a) : order.length)
  const [first, ...rest] = [...new Set(list.map((e) => e.action))].sort((a, b) => rank(a) - rank(b))
  return [first, ...rest.map((a) => a.replace(/^bedrock:/, ''))].join(' and ')
}

/** Regions a title lists before it counts the rest, so it stays one line. */
const REGIONS_SHOWN = 3

function listed(regions: readonly string[]): string {
  const shown = regions.slice(0, REGIONS_SHOWN).join(', ')
  return regions.length > REGIONS_SHOWN ? `${shown} +${regions.length - REGIONS_SHOWN} more` : shown
}

/** What one simulated ARN is, in a few words: the profile, or the model in its region. */
function kindOf(r: SimulatedResource): 'profile' | 'application' | 'provisioned' | 'model' {
  if (r.resource.includes(':application-inference-profile/')) return 'application'
  if (r.resource.includes(':inference-profile/')) return 'profile'
  if (r.resource.includes(':provisioned-model/')) return 'provisioned'
  return 'model'
}

const KIND_WORDS = {
  profile: 'the inference profile',
  application: 'the application inference profile',
  provisioned: 'the provisioned throughput'
} as const

/**
 * The denied ARNs, as a title names them, bounded to one line: `the model in us-east-2`; with
 * several, `2 of 4 ARNs: the inference profile; the model in us-east-2, us-west-2`.
 */
export function subjectOf(list: readonly Evaluated[], total: number): string {
  const resources = [...new Map(list.map((e) => [e.resource.resource, e.resource])).values()]
  const parts: string[] = []
  // A profile or throughput is in the subject's own region: its name is the section's heading.
  for (const kind of ['profile', 'application', 'provisioned'] as const) {
    if (resources.some((r) => kindOf(r) === kind)) parts.push(KIND_WORDS[kind])
  }
  const models = resources.filter((r) => kindOf(r) === 'model')
  const regions = [...new Set(models.map((r) => r.requestedRegion))]
  const inRegions = regions.filter((r) => r !== 'unspecified')
  if (inRegions.length) parts.push(`the model in ${listed(inRegions)}`)
  if (regions.includes('unspecified')) parts.push('the region-less global model')
  const what = parts.join('; ')
  return resources.length === 1 ? what : `${resources.length} of ${total} ARNs: ${what}`
}

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
export function unknownPart(facts: ResolveFacts): string {
  return facts.profileKind === 'global'
    ? `a global. profile's destination list changes as AWS adds commercial regions; the profile in ${facts.region}, the model there and the region-less global model were simulated.`
    : `the bundled table does not list the destinations of ${facts.profileId} from ${facts.region}; only the profile and the model in ${facts.region} were simulated.`
}
