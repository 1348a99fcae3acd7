import { minimalInvokePolicy } from '../../policy/bedrock-invoke-policy.js'
import { listDetail } from '../../policy/fix-parts.js'
import { shownKeyId } from '../../parse/bedrock-api-key.js'
import type { IdentityFacts } from '../identity/facts.js'
import type { ResolveFacts } from '../model-resolve/facts.js'
import type { Verdict } from '../shared/verdict.js'
import {
  arnsOf,
  decide,
  grantsOf,
  missingContextOf,
  principalOf,
  regionsOf,
  type Denials,
  type Evaluated
} from './decide.js'
import type { meta } from './meta.js'
import {
  actionsOf,
  allowRegion,
  CAVEAT,
  contextMeaning,
  line,
  matchedStatements,
  plural,
  regionName,
  subjectOf,
  unknownPart
} from './wording.js'

// invoke-permission's decision table: from what was read (the caller, the API key, IAM's
// simulation), which states to report and with what data. Pure: the AWS reads are in run.ts, the
// sentences of each state in meta.ts, the phrases and Observed lines they take in wording.ts.

type InvokeVerdict = Verdict<typeof meta.messages>

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

/** What every verdict of one simulation shares: who, what was simulated, how to say it. */
interface Seen {
  sim: Simulation
  /** The principal's last name (`gha-deploy`), as titles name it. */
  name: string
  /** Observed lines for some evaluations, after the principal and the count of denials. */
  observed: (list: readonly Evaluated[], ...more: string[]) => string[]
  fixContext: { modelId: string }
  /** The denied action(s) and ARNs of some evaluations, as titles name them. */
  what: (list: readonly Evaluated[]) => { actions: string; subject: string }
}

function seenOf(sim: Simulation, evaluated: readonly Evaluated[], denied: number): Seen {
  const principal = sim.principal
  const head = [
    `simulated principal: ${principal}${sim.fromSession ? ` (role of the session ${sim.identity.arn})` : ''}${sim.asKeyUser ? ' (the IAM user of the long-term Bedrock API key the agent calls with)' : sim.withKey ? ' (it signed the Bedrock API key the agent calls with)' : ''}`,
    ...sim.notes
  ]
  const summary = `${denied} of the ${evaluated.length} ${evaluated.length === 1 ? 'action the agent needs is' : 'actions the agent needs are'} denied, ${evaluated.length - denied} allowed`
  return {
    sim,
    name: principal.slice(principal.lastIndexOf('/') + 1),
    observed: (list, ...more) =>
      denied
        ? [...head, summary, ...list.map(line), ...more]
        : [...head, ...list.map(line), ...more],
    fixContext: { modelId: sim.facts.baseModelId },
    what: (list) => ({ actions: actionsOf(list), subject: subjectOf(list, sim.resources) })
  }
}

/** The minimal identity-policy statements that grant these evaluations. */
const policyFor = (s: Seen, list: readonly Evaluated[]) =>
  minimalInvokePolicy({
    ...(s.sim.facts.profileArn ? { profileArn: s.sim.facts.profileArn } : {}),
    missing: grantsOf(list)
  })

/** Nothing denied: a pass, or, on ARNs predicted from the bundled table, what that covers. */
function allowedVerdict(s: Seen, evaluated: readonly Evaluated[]): InvokeVerdict {
  const { facts, resources } = s.sim
  const observed = s.observed(evaluated, CAVEAT)
  if (!facts.predicted) {
    return {
      id: 'allowed',
      data: { name: s.name, count: resources, arns: plural(resources, 'ARN') },
      extra: { observed }
    }
  }
  const data = {
    name: s.name,
    count: resources,
    profile: facts.profileId ?? facts.invokeId,
    region: facts.region
  }
  return facts.predicted.complete
    ? { id: 'allowedPredicted', data, extra: { observed } }
    : { id: 'allowedOnPredicted', data: { ...data, why: unknownPart(facts) }, extra: { observed } }
}

type Group = Exclude<keyof Denials, 'denied'>

/**
 * Each group of denials (decide.ts), in the order a reader fixes them, and the state it is. An
 * SCP first (no identity policy overrides it), then the boundary, an explicit Deny, conditions
 * the simulation could not supply, decisions this version cannot read, and grants no policy gives.
 */
const BY_GROUP: readonly [Group, (s: Seen, list: readonly Evaluated[]) => InvokeVerdict][] = [
  [
    'byScp',
    (s, list) => {
      const regions = regionsOf(list)
      return {
        id: 'scpDenies',
        data: {
          actions: actionsOf(list),
          regions: regions.map(regionName).join(', '),
          allowRegions: regions.map(allowRegion).join(', '),
          profile: s.sim.facts.profileId ?? s.sim.facts.invokeId
        },
        extra: { observed: s.observed(list), fixContext: s.fixContext }
      }
    }
  ],
  [
    'byBoundary',
    (s, list) => ({
      id: 'boundaryDenies',
      data: {
        name: s.name,
        ...s.what(list),
        principal: s.sim.principal,
        policy: policyFor(s, list)
      },
      extra: { observed: s.observed(list), fixContext: s.fixContext }
    })
  ],
  [
    'explicit',
    (s, list) => ({
      id: 'explicitDeny',
      data: { name: s.name, ...s.what(list) },
      extra: {
        observed: s.observed(list, ...list.flatMap(matchedStatements)),
        fixContext: s.fixContext
      }
    })
  ],
  [
    'conditional',
    (s, list) => {
      const keys = missingContextOf(list)
      return {
        id: 'dependsOnContext',
        data: {
          name: s.name,
          ...s.what(list),
          keys: keys.map((k) => `\`${k}\``).join(', '),
          meaning: contextMeaning(keys)
        },
        extra: {
          observed: s.observed(
            list,
            `context keys the policies test but the simulation could not supply: ${keys.join(', ')}`
          ),
          details: [
            listDetail(
              'ARNs that depend on it',
              arnsOf(list).map((a) => `\`${a}\``)
            )
          ],
          fixContext: s.fixContext
        }
      }
    }
  ],
  [
    'unknown',
    (s, list) => ({
      id: 'unknownDecision',
      data: {
        name: s.name,
        subject: subjectOf(list, s.sim.resources),
        decisions: [...new Set(list.map((e) => e.decision))].join(', ')
      },
      extra: { observed: s.observed(list), fixContext: s.fixContext }
    })
  ],
  [
    'missing',
    (s, list) => ({
      // The policy is printed once, in the fix; the ARNs it grants are listed beside it.
      id: s.sim.facts.profileArn ? 'notGrantedViaProfile' : 'notGranted',
      data: {
        name: s.name,
        ...s.what(list),
        principal: s.sim.principal,
        policy: policyFor(s, list)
      },
      extra: {
        observed: s.observed(list),
        details: [
          listDetail(
            'Denied ARNs',
            arnsOf(list).map((a) => `\`${a}\``)
          )
        ],
        fixContext: s.fixContext
      }
    })
  ]
]

/** The states IAM's answer means, in the order a reader fixes them. */
export function verdictsOf(sim: Simulation, evaluated: readonly Evaluated[]): InvokeVerdict[] {
  const denials = decide(evaluated)
  const seen = seenOf(sim, evaluated, denials.denied.length)
  if (denials.denied.length === 0) return [allowedVerdict(seen, evaluated)]
  return BY_GROUP.filter(([group]) => denials[group].length > 0).map(([group, verdict]) =>
    verdict(seen, denials[group])
  )
}
