import type { CredentialSourceReport } from '../../aws/credential-source.js'
import type { SsoTokenState } from '../../aws/sso-token.js'
import { renewSoonStep } from '../../commands/credential-refresh.js'
import { configureCredentialsStep } from '../../catalog/snippets.js'
import type { PreflightConfig } from '../../config.js'
import { humanDuration } from '../../engine/duration.js'
import type { ObservedError, SourceLocation } from '../../engine/types.js'
import type { Verdict } from '../shared/verdict.js'
import type { meta } from './meta.js'

// The credentials check's decision table: from the source found on disk and in the environment,
// the SSO token cache and the resolution, which states to report with what data. Pure: the reads
// are in run.ts, the wording of each state in meta.ts.

type CredentialsVerdict = Verdict<typeof meta.messages>

/** Minutes left under which a session may die before the job that follows it finishes. */
const SHORT_SESSION_MINUTES = 10

/** How credentials are set up, as far as that is wrong before resolving them. */
export function setupProblems(
  source: CredentialSourceReport,
  config: Pick<PreflightConfig, 'surface' | 'profile' | 'env' | 'regions'>,
  keyLine: SourceLocation | undefined
): CredentialsVerdict[] {
  const out: CredentialsVerdict[] = []
  const at = keyLine ? { location: keyLine } : {}
  if (source.secretMissing) {
    out.push({
      id: 'secretMissing',
      data: {},
      extra: {
        observed: [
          `AWS_ACCESS_KEY_ID is set${keyLine ? ` (${keyLine.file}:${keyLine.line})` : ''}; AWS_SECRET_ACCESS_KEY is not`
        ],
        ...at
      }
    })
  }
  if (source.staticKeyWithProfile) {
    const named = config.profile ?? config.env.AWS_PROFILE ?? ''
    out.push({
      id: 'staticKeyShadowsProfile',
      data: { profile: named },
      extra: {
        observed: [
          `AWS_ACCESS_KEY_ID is set${keyLine ? ` at ${keyLine.file}:${keyLine.line}` : ' in the environment'}`,
          `AWS_PROFILE=${named}`
        ],
        ...at
      }
    })
  }
  if (source.missingProfile) {
    out.push({
      id: 'profileMissing',
      data: { profile: source.missingProfile, configFile: source.configFile ?? '~/.aws/config' },
      extra: { observed: [`looked in ${source.configFile} and ${source.credentialsFile}`] }
    })
  }
  if (config.surface === 'github-actions' && source.accessKeyType === 'long-term') {
    out.push({
      id: 'longTermKeyInCi',
      data: { configureStep: configureCredentialsStep(config.regions[0]?.value) },
      extra: {
        observed: ['AWS_ACCESS_KEY_ID starts with AKIA (an IAM user key that never expires)']
      }
    })
  }
  return out
}

/**
 * An SSO profile with no token, or an expired one the SDK cannot renew, fails before any
 * network call: the token cache says so, and the fix differs ("log in" vs "log in again").
 */
export function ssoVerdict(
  source: CredentialSourceReport,
  token: SsoTokenState | undefined,
  now: number
): CredentialsVerdict | undefined {
  const profile = source.profile
  if (!profile || !token) return undefined
  const sessionLabel = profile.ssoSession
    ? `sso-session "${profile.ssoSession}"`
    : `start URL ${profile.ssoStartUrl}`
  if (token.state === 'missing') {
    return {
      id: 'ssoNotLoggedIn',
      data: {
        profile: profile.name,
        // The profile's name is the user's, so it is one quoted word of the command.
        login: { commands: [{ argv: ['aws', 'sso', 'login', '--profile', profile.name] }] }
      },
      extra: { observed: [`source: ${source.label}`, `${sessionLabel}: no token in ${token.file}`] }
    }
  }
  if (token.state === 'expired') {
    const ago = humanDuration(now - token.expiresAt.getTime())
    return {
      id: 'ssoSessionExpired',
      data: { expiredAt: token.expiresAt.toISOString(), profile: profile.name },
      extra: {
        observed: [
          `source: ${source.label}`,
          `${sessionLabel}: token in ${token.file} expired ${ago} ago`
        ]
      }
    }
  }
  return undefined
}

/** Why credentials did not resolve; `apiKeyOnly` when a Bedrock API key alone is the setup. */
export function unresolvedVerdict(
  error: ObservedError,
  observed: string[],
  bedrockApiKey: PreflightConfig['bedrockApiKey'],
  sourceLabel: string
): { verdict: CredentialsVerdict; apiKeyOnly: boolean } {
  const none = error.code === 'CredentialsProviderError' && /any providers/i.test(error.message)
  if (none && bedrockApiKey) {
    // A key alone is a working setup for Bedrock (what the console and Claude Code document).
    return {
      apiKeyOnly: true,
      verdict: {
        id: 'apiKeyOnly',
        data: { source: bedrockApiKey.source },
        extra: {
          observed: [
            ...observed,
            'without IAM credentials, the checks that need them (identity, IAM simulation, trust, quotas) cannot verify; the api-key row says what the key is'
          ]
        }
      }
    }
  }
  return {
    apiKeyOnly: false,
    verdict: none
      ? { id: 'noCredentials', data: {}, extra: { error, observed } }
      : { id: 'notLoaded', data: { source: sourceLabel }, extra: { error, observed } }
  }
}

/**
 * What the resolved credentials' expiry says: the line to observe, and an expired session (the
 * run stops: `final`) or one too short for the job.
 */
export function expiryVerdict(
  expiration: Date,
  now: number,
  observed: readonly string[],
  source: CredentialSourceReport['kind'],
  profile: string | undefined
): { line: string; verdict?: CredentialsVerdict; final?: boolean } {
  const left = expiration.getTime() - now
  const minutes = Math.round(left / 60000)
  const line = `expires ${expiration.toISOString()} (${left < 0 ? `${humanDuration(left)} ago` : `in ${humanDuration(left)}`})`
  const seen = [...observed, line]
  if (minutes < 0) {
    return {
      line,
      final: true,
      verdict: { id: 'expired', data: { ago: humanDuration(left) }, extra: { observed: seen } }
    }
  }
  if (minutes < SHORT_SESSION_MINUTES) {
    return {
      line,
      verdict: {
        id: 'expiringSoon',
        data: { minutes, renew: renewSoonStep(source, profile) },
        extra: { observed: seen }
      }
    }
  }
  return { line }
}
