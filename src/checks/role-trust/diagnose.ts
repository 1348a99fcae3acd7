import type { MessageHoles } from '../../engine/check.js'
import type { FindingDetail, ObservedError } from '../../engine/types.js'
import { identityPolicyRequired, suggestedTrustStatement } from '../../policy/trust-policy.js'
import type { IdentityFacts } from '../identity/facts.js'
import { detailOf } from '../../policy/fix-parts.js'
import type { RoleArn } from '../../parse/arn.js'
import { readCaller } from './caller-side.js'
import { decide, type DiagnosisMessage } from './decide.js'
import type { meta } from './meta.js'
import {
  identityPolicy,
  stateOf,
  storedPrincipalArn,
  type RoleTrustContext,
  type Side
} from './side.js'
import { readTrust } from './trust-side.js'

/**
 * Every placeholder of every diagnosis message: the message is chosen at run time, and
 * `MessageHoles` of a union of messages does not distribute over it.
 */
type DiagnosisData = {
  readonly [H in DiagnosisMessage as MessageHoles<(typeof meta.messages)[H]>]: string
}

/**
 * AssumeRole answered AccessDenied: reads both sides at once, lets decide.ts say which refuses,
 * and reports the diagnosis, then a finding for each side that could not be read.
 * `later` are observed lines for the end of the diagnosis (the tag refusal, when tags were tried).
 */
export async function diagnose(
  ctx: RoleTrustContext,
  role: RoleArn & { arn: string },
  identity: IdentityFacts,
  error: ObservedError,
  later: string[]
): Promise<void> {
  const crossAccount = role.account !== identity.accountId
  const stored = storedPrincipalArn(ctx, identity)
  const [trustRead, caller, storedWho] = await Promise.all([
    readTrust(ctx, role, identity, stored),
    readCaller(ctx, role.arn, identity),
    stored
  ])
  if (trustRead.missing) {
    const missing = trustRead.missing
    ctx.report(
      'roleMissing',
      { role: role.arn, name: role.name, account: role.account },
      { error, observed: [`iam:GetRole → ${missing.code}: ${missing.message}`, ...later] }
    )
    return
  }
  const trust = trustRead.side
  const identityPolicyNeeded =
    crossAccount ||
    !trustRead.evaluation ||
    identityPolicyRequired(trustRead.evaluation, !crossAccount)
  const decision = decide({
    trust: stateOf(trust),
    caller: stateOf(caller),
    crossAccount,
    identityPolicyNeeded
  })
  const who = storedWho
  const observed = [
    `caller: ${identity.arn}${who !== identity.arn ? ` (role ${who})` : ''}`,
    crossAccount
      ? `cross-account: caller account ${identity.accountId}, role account ${role.account}; both the trust policy and the caller's identity policy must allow it`
      : `same account ${role.account}`,
    ...trust.lines,
    ...caller.lines,
    ...(decision.callerDenialMoot
      ? [
          '(the trust policy admits the caller by its own ARN or by `*`, so within one account the identity policy is not needed)'
        ]
      : []),
    ...later
  ]
  const changeOf = (side: Side, from: boolean) => (from && side.change ? [side.change] : [])
  const changes = [
    ...changeOf(trust, decision.changesFrom.trust),
    ...changeOf(caller, decision.changesFrom.caller)
  ]
  const data: DiagnosisData = {
    role: role.arn,
    who,
    trustChange: trust.change ?? '',
    callerChange: caller.change ?? '',
    changes: changes.join('\n\n')
  }
  ctx.report(decision.message, data, {
    error,
    observed,
    details: details(role, identity, storedWho, trust, caller, decision.detailsFrom)
  })
  trust.reportUnread?.()
  caller.reportUnread?.()
}

/** The suggested statements: of the refusing sides, and across accounts always both. */
function details(
  role: RoleArn & { arn: string },
  identity: IdentityFacts,
  who: string,
  trust: Side,
  caller: Side,
  from: { trust: boolean; caller: boolean }
): FindingDetail[] {
  const details: FindingDetail[] = [
    ...(from.trust && trust.detail ? [trust.detail] : []),
    ...(from.caller && caller.detail ? [caller.detail] : [])
  ]
  if (role.account === identity.accountId) return details
  if (!details.some((d) => d.title.startsWith('Trust statement'))) {
    details.push(
      detailOf(`Trust statement admitting ${who}`, [
        { text: `The trust policy of \`${role.arn}\` (account ${role.account}) must include:\n\n` },
        { trust: suggestedTrustStatement({ AWS: who }, 'sts:AssumeRole') }
      ])
    )
  }
  if (!details.some((d) => d.title.startsWith('Identity statement'))) {
    details.push(
      detailOf(`Identity statement for ${who}`, [
        {
          text: `An identity policy of \`${who}\` (account ${identity.accountId}) must include:\n\n`
        },
        { policy: identityPolicy('sts:AssumeRole', role.arn) }
      ])
    )
  }
  return details
}
