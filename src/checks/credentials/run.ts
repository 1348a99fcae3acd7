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
  // The user's region, so a fix that prints one keeps it (the check runs once, not per region).
  const region = ctx.config.regions[0]?.value
  const fixContext = {
    credentialSource: source.kind,
    ...(profile ? { profile } : {}),
    ...(region ? { region } : {})
  }
  const facts = { source: source.kind }
  // The profile the agent's own settings name (not the shell's): say where, in every finding.
  const named = ctx.config.profileSource
    ? [`profile "${ctx.config.profile}" from ${ctx.config.profileSource}`]
    : []
  // Problems found so far: when credentials then resolve, each gets the resolution's lines too.
  const raised = setupProblems(source, ctx.config, envFileLocation(ctx.config, 'AWS_ACCESS_KEY_ID'))
  const flush = (more: string[] = []) =>
    reportAll(
      ctx,
      raised.map((v): Verdict<typeof meta.messages> => {
        const observed = [...(v.extra?.observed ?? [])]
        for (const line of [...named, ...more]) if (!observed.includes(line)) observed.push(line)
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
      [expectedSource(source), ...tried],
      ctx.config.bedrockApiKey,
      source.label
    )
    // A profile that is not defined is why nothing resolved: one cause, one finding, whose
    // Observed lines say what the SDK then answered.
    const cause = apiKeyOnly ? undefined : raised.find((v) => v.id === 'profileMissing')
    if (!cause) raised.push(verdict)
    flush(cause ? [`credentials → ${resolved.error.code}: ${resolved.error.message}`] : [])
    return apiKeyOnly ? { source: 'api-key-only' } : facts
  }

  const observed = [`source: ${source.label}`, ...named, ...tried]
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

/**
 * What the SDK would have used, said truthfully when nothing answered: instance metadata is only
 * the last place the default chain tries (AWS SDK for JavaScript v3, `fromNodeProviderChain`), not
 * evidence that this machine is EC2.
 */
function expectedSource(source: { kind: string; label: string }): string {
  const none =
    'credential source: none found (no keys in the environment, no profile, no web identity token, no container credentials'
  if (source.kind === 'instance')
    return `${none}; EC2 instance metadata, the last place the SDK tries, gave none: this machine is not EC2, or has no instance role)`
  if (source.kind === 'none') return `${none}; instance metadata is turned off)`
  return `expected source: ${source.label}`
}
