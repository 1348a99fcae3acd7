import { homedir } from 'node:os'
import type { ReportExtra } from '../../engine/check.js'
import type { CheckRun } from '../shared/check.js'
import { detectCredentialSource } from '../../aws/credential-source.js'
import { readSsoToken } from '../../aws/sso-token.js'
import { renewSoonStep } from '../../commands/credential-refresh.js'
import { envFileLocation } from '../shared/env-location.js'
import { humanDuration } from '../../engine/duration.js'
import type { meta } from './meta.js'

/** Minutes left under which a session may die before the job that follows it finishes. */
const SHORT_SESSION_MINUTES = 10

type Id = keyof typeof meta.messages

export const run: CheckRun<typeof meta.messages> = async (ctx) => {
  const { env } = ctx.config
  const source = await detectCredentialSource(env, ctx.config.profile)
  const profile = ctx.config.profile ?? env.AWS_PROFILE ?? source.profile?.name
  const fixContext = { credentialSource: source.kind, ...(profile ? { profile } : {}) }
  const facts = { source: source.kind }
  // Problems found so far: when credentials then resolve, each gets the resolution's lines too.
  const raised: { id: Id; data: Record<string, string | number>; extra: ReportExtra }[] = []
  const raise = (id: Id, data: Record<string, string | number>, extra: ReportExtra = {}) =>
    raised.push({ id, data, extra: { fixContext, ...extra } })
  const flush = (more: string[] = []) => {
    for (const r of raised) {
      const observed = [...(r.extra.observed ?? [])]
      for (const line of more) if (!observed.includes(line)) observed.push(line)
      // The ids and data were checked where they were raised.
      ;(ctx.report as (id: string, d: object, e: ReportExtra) => void)(r.id, r.data, {
        ...r.extra,
        observed
      })
    }
  }

  const keyLine = envFileLocation(ctx.config, 'AWS_ACCESS_KEY_ID')
  if (source.secretMissing) {
    raise(
      'secretMissing',
      {},
      {
        observed: [
          `AWS_ACCESS_KEY_ID is set${keyLine ? ` (${keyLine.file}:${keyLine.line})` : ''}; AWS_SECRET_ACCESS_KEY is not`
        ],
        ...(keyLine ? { location: keyLine } : {})
      }
    )
  }
  if (source.staticKeyWithProfile) {
    const named = ctx.config.profile ?? env.AWS_PROFILE ?? ''
    raise(
      'staticKeyShadowsProfile',
      { profile: named },
      {
        observed: [
          `AWS_ACCESS_KEY_ID is set${keyLine ? ` at ${keyLine.file}:${keyLine.line}` : ' in the environment'}`,
          `AWS_PROFILE=${named}`
        ],
        ...(keyLine ? { location: keyLine } : {})
      }
    )
  }
  if (source.missingProfile) {
    raise(
      'profileMissing',
      { profile: source.missingProfile, configFile: source.configFile ?? '~/.aws/config' },
      { observed: [`looked in ${source.configFile} and ${source.credentialsFile}`] }
    )
  }
  if (ctx.config.surface === 'github-actions' && source.accessKeyType === 'long-term') {
    raise(
      'longTermKeyInCi',
      {},
      { observed: ['AWS_ACCESS_KEY_ID starts with AKIA (an IAM user key that never expires)'] }
    )
  }

  // An SSO profile with no token, or an expired one the SDK cannot renew, fails before any
  // network call: the token cache says so, and the fix differs ("log in" vs "log in again").
  if (source.kind === 'profile-sso' && source.profile) {
    const home = env.HOME ?? env.USERPROFILE ?? homedir()
    const token = await readSsoToken(home, source.profile)
    ctx.log.debug(
      `sso: token cache ${token?.file ?? '(no sso_session or sso_start_url)'}: ${token?.state ?? 'not applicable'}`
    )
    const name = source.profile.name
    const sessionLabel = source.profile.ssoSession
      ? `sso-session "${source.profile.ssoSession}"`
      : `start URL ${source.profile.ssoStartUrl}`
    if (token?.state === 'missing') {
      raise(
        'ssoNotLoggedIn',
        { profile: name },
        { observed: [`source: ${source.label}`, `${sessionLabel}: no token in ${token.file}`] }
      )
      flush()
      return facts
    }
    if (token?.state === 'expired') {
      const ago = humanDuration(Date.now() - token.expiresAt.getTime())
      raise(
        'ssoSessionExpired',
        { expiredAt: token.expiresAt.toISOString(), profile: name },
        {
          observed: [
            `source: ${source.label}`,
            `${sessionLabel}: token in ${token.file} expired ${ago} ago`
          ]
        }
      )
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
  if (!resolved.ok) {
    const error = resolved.error
    const observed = [`expected source: ${source.label}`, ...tried]
    const none = error.code === 'CredentialsProviderError' && /any providers/i.test(error.message)
    if (none && ctx.config.bedrockApiKey) {
      // A key alone is a working setup for Bedrock (what the console and Claude Code document).
      raise(
        'apiKeyOnly',
        { source: ctx.config.bedrockApiKey.source },
        {
          observed: [
            ...observed,
            'without IAM credentials, the checks that need them (identity, IAM simulation, trust, quotas) cannot verify; the api-key row says what the key is'
          ]
        }
      )
      flush()
      return { source: 'api-key-only' }
    }
    if (none) {
      raise('noCredentials', {}, { error, observed })
    } else {
      raise('notLoaded', { source: source.label }, { error, observed })
    }
    flush()
    return facts
  }

  const observed = [`source: ${source.label}`, ...tried]
  const expiration = resolved.value.expiration
  if (expiration) {
    const left = expiration.getTime() - Date.now()
    const minutes = Math.round(left / 60000)
    observed.push(
      `expires ${expiration.toISOString()} (${left < 0 ? `${humanDuration(left)} ago` : `in ${humanDuration(left)}`})`
    )
    if (minutes < 0) {
      raise('expired', { ago: humanDuration(left) }, { observed: [...observed] })
      flush()
      return facts
    }
    if (minutes < SHORT_SESSION_MINUTES) {
      raise(
        'expiringSoon',
        { minutes, renew: renewSoonStep(source.kind, profile) },
        { observed: [...observed] }
      )
    }
  }
  if (raised.length === 0) ctx.report('resolved', { source: source.label }, { observed })
  flush(observed)
  return { ...facts, expiration: expiration?.toISOString() }
}
