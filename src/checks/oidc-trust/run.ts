import {
  AssumeRoleWithWebIdentityCommand,
  type AssumeRoleWithWebIdentityCommandOutput
} from '@aws-sdk/client-sts'
import { maskReturnedCredentials } from '../../aws/partition.js'
import type { CheckContext, CheckRun } from '../shared/check.js'
import type { FindingDetail, ObservedError } from '../../engine/types.js'
import { parseRegion } from '../../parse/region.js'
import { detailOf } from '../../policy/fix-parts.js'
import { SESSION_NAME, SESSION_SECONDS } from '../shared/assume-role.js'
import { parseRoleArn } from '../../parse/arn.js'
import {
  claimLines,
  claimText,
  correctedSub,
  decodeJwtPayload,
  issuerHost,
  OIDC_AUDIENCE,
  suggestedStatement
} from './claims.js'
import type { meta } from './meta.js'
import { trustPolicyLines } from './trust-view.js'

type OidcContext = CheckContext<typeof meta.messages>

function firstValidRegion(ctx: OidcContext): string {
  const valid = ctx.config.regions.map((r) => parseRegion(r.value)).find((r) => r.ok)
  return valid?.ok ? valid.region : 'us-east-1'
}

/** The token request failed: the catalog says why (no `id-token: write`, GitHub's endpoint, …). */
async function reportTokenFailure(ctx: OidcContext, err: unknown): Promise<void> {
  const text = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim()
  const error: ObservedError = {
    code: 'IdTokenError',
    message: text || 'getIDToken failed',
    operation: 'github:getIDToken'
  }
  const observed = [`audience requested: ${OIDC_AUDIENCE}`]
  const entry = await ctx.explain(error)
  if (entry) ctx.report('tokenRefused', { reason: entry.title.toLowerCase() }, { error, observed })
  else ctx.report('tokenFailed', {}, { error, observed })
}

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const roleArn = ctx.subject.role ?? ''
  const role = parseRoleArn(roleArn)
  if (!role) {
    ctx.report('notRoleArn', { arn: roleArn })
    return
  }
  if (!ctx.config.getIdToken) {
    ctx.report('outsideActions')
    return
  }
  let token: string
  try {
    token = await ctx.config.getIdToken(OIDC_AUDIENCE)
  } catch (err) {
    await reportTokenFailure(ctx, err)
    return
  }
  if (!token) {
    ctx.report('emptyToken')
    return
  }
  ctx.log.mask(token)
  const claims = decodeJwtPayload(token)
  if (!claims) {
    ctx.report(
      'unreadableToken',
      {},
      {
        observed: [
          `token shape: ${token.split('.').length} dot-separated part(s); expected header.payload.signature with a base64url JSON payload (the token itself is never shown)`
        ]
      }
    )
    return
  }
  const observed = claimLines(claims)
  const assumed = await ctx.aws.send<AssumeRoleWithWebIdentityCommandOutput>(
    ctx.aws.sts(firstValidRegion(ctx)),
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: roleArn,
      RoleSessionName: SESSION_NAME,
      WebIdentityToken: token,
      DurationSeconds: SESSION_SECONDS
    }),
    ctx.signal
  )
  if (assumed.ok) {
    maskReturnedCredentials(ctx.log, assumed.value.Credentials)
    ctx.report(
      'assumed',
      { role: roleArn },
      {
        observed: [
          ...observed,
          `sts:AssumeRoleWithWebIdentity succeeded as ${assumed.value.AssumedRoleUser?.Arn ?? roleArn}; the credentials were discarded`
        ]
      }
    )
    return
  }
  const error = assumed.error
  const entry = await ctx.explain(error)
  const statement = (intro: string): FindingDetail[] => [
    detailOf('Suggested trust statement', [
      { text: `${intro}\n\n` },
      { trust: suggestedStatement(role.account, claims) }
    ])
  ]
  if (entry?.id === 'web-identity-denied') {
    const lines = await trustPolicyLines(ctx, role, claims)
    const sub = claimText(claims.sub) ?? '(absent)'
    const corrected = correctedSub(claims)
    const extra = {
      error,
      observed: [...observed, ...lines],
      details: statement(
        `A statement for the trust policy of \`${roleArn}\` that admits this repository:`
      )
    }
    const data = { role: roleArn, sub, host: issuerHost(claims) }
    if (corrected) ctx.report('conditionsRefuse', { ...data, corrected }, extra)
    else ctx.report('conditionsRefuseNoRepository', data, extra)
    return
  }
  if (!entry) {
    ctx.report('refusedUnexplained', { role: roleArn }, { error, observed })
    return
  }
  const providerSide = entry.id === 'oidc-provider-missing' || entry.id === 'oidc-audience'
  ctx.report(
    'refused',
    { role: roleArn, reason: entry.title.toLowerCase() },
    {
      error,
      observed,
      ...(providerSide
        ? {
            details: statement(
              `Once the provider accepts the token, the trust policy of \`${roleArn}\` needs a statement like:`
            )
          }
        : {})
    }
  )
}
