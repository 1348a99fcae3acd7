import { homedir } from 'node:os'
import type { CheckRun } from '../shared/check.js'
import { detectCredentialSource } from '../../aws/credential-source.js'
import { readSsoToken } from '../../aws/sso-token.js'
import { envFileLocation } from '../shared/env-location.js'
import { reportAll, type Verdict } from '../shared/verdict.js'
import type { meta } from './meta.js'
import { expiryVerdict, setupProblems, ssoVerdict, unresolvedVerdict } from './verdicts.js'

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const { env } = ctx.config
  const source = await detectCredentialSource(env, ctx.config.profile)
  const profile = ctx.config.profile ?? env.AWS_PROFILE ?? source.profile?.name
  const fixContext = { credentialSource: source.kind, ...(profile ? { profile } : {}) }
  const facts = { source: source.kind }
  // Problems found so far: when credentials then resolve, each gets the resolution's lines too.
  const raised = setupProblems(source, ctx.config, envFileLocation(ctx.config, 'AWS_ACCESS_KEY_ID'))
  const flush = (more: string[] = []) =>
    reportAll(
      ctx,
      raised.map((v): Verdict<typeof meta.messages> => {
        const observed = [...(v.extra?.observed ?? [])]
        for (const line of more) if (!observed.includes(line)) observed.push(line)
        return { ...v, extra: { fixContext, ...v.extra, observed } }
      })
    )

  if (source.kind === 'profile-sso' && source.profile) {
    const home = env.HOME ?? env.USERPROFILE ?? homedir()
    const token = await readSsoToken(home, source.profile)
    ctx.log.debug(
      `sso: token cache ${token?.file ?? '(no sso_session or sso_start_url)'}: ${token?.state ?? 'not applicable'}`
    )
    const sso = ssoVerdict(source, token, Date.now())
    if (sso) {
      raised.push(sso)
      flush()
      return facts
    }
  }

  // Resolve for real, through the same provider every client uses (resolved once).
  const resolved = await ctx.aws.credentials()
  const tried =
    ctx.aws.providerTrail.length > 0
      ? [`providers tried, in order: ${ctx.aws.providerTrail.join(' → ')}`]
      : []
  const gateway = ctx.config.agent?.switches?.gatewayAuth
  if (!resolved.ok && gateway && !ctx.config.bedrockApiKey) {
    ctx.report(
      'gatewayOnly',
      { host: gateway.gateway.host, skip: gateway.skip.source },
      { observed: [`expected source: ${source.label}`, ...tried] }
    )
    return facts
  }
  if (!resolved.ok) {
    const { verdict, apiKeyOnly } = unresolvedVerdict(
      resolved.error,
      [`expected source: ${source.label}`, ...tried],
      ctx.config.bedrockApiKey,
      source.label
    )
    raised.push(verdict)
    flush()
    return apiKeyOnly ? { source: 'api-key-only' } : facts
  }

  const observed = [`source: ${source.label}`, ...tried]
  const expiration = resolved.value.expiration
  if (expiration) {
    const expiry = expiryVerdict(expiration, Date.now(), observed, source.kind, profile)
    observed.push(expiry.line)
    if (expiry.verdict) raised.push(expiry.verdict)
    if (expiry.final) {
      flush()
      return facts
    }
  }
  if (raised.length === 0) ctx.report('resolved', { source: source.label }, { observed })
  flush(observed)
  return { ...facts, expiration: expiration?.toISOString() }
}
