import type { CredentialSourceReport } from '../../aws/credential-source.js'
import type { SsoTokenState } from '../../aws/sso-token.js'
import { renewSoonStep } from '../../commands/credential-refresh.js'
import { commandInline, commandText, inlineCode } from '../../commands/shell.js'
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
    out.push(profileMissing(source, source.missingProfile, config))
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

/**
 * A profile that neither file defines: where it was named, in the words of the face, and a fix that
 * works here: the profiles the files do define to choose from, or how to create it when there is
 * none (`aws configure sso` / `aws configure` write ~/.aws/config; AWS CLI UG cli-configure-files,
 * read 2026-12-08).
 */
function profileMissing(
  source: CredentialSourceReport,
  profile: string,
  config: Pick<PreflightConfig, 'surface' | 'profile' | 'profileSource'>
): CredentialsVerdict {
  const flag = config.profile === profile && !config.profileSource
  // Every name here is read from the user's files or environment: each is one shell word and one
  // code span, whatever it holds (a space, `;`, a backtick), so the fix works when pasted.
  const namedText = commandText(
    flag ? { argv: ['--profile', profile] } : { env: [['AWS_PROFILE', profile]] }
  )
  const named = inlineCode(namedText)
  const { names, filesFound } = source.definedProfiles ?? { names: [], filesFound: [] }
  const files = `${source.configFile} and ${source.credentialsFile}`
  const listed = names.map(inlineCode).join(', ')
  const define = filesFound.length === 1 ? 'defines' : 'define'
  const where =
    filesFound.length === 0
      ? `neither ${source.configFile} nor ${source.credentialsFile} exists on this machine`
      : `${filesFound.join(' and ')} ${define} ${names.length > 0 ? listed : 'no profile'}`
  const first = names[0]
  const unset = flag ? `dropping \`--profile\`` : '`unset AWS_PROFILE`'
  const orDefault = names.includes('default') ? `; ${unset} uses \`default\`` : ''
  const choose =
    first !== undefined
      ? `Use one of the profiles defined here: ${listed} (${commandInline({ argv: ['--profile', first] })} or ${commandInline({ env: [['AWS_PROFILE', first]], export: true })}${orDefault}), or create ${inlineCode(profile)}:`
      : `Create the profile (this writes ${source.configFile}):`
  const orDefined =
    first !== undefined ? `, or set it to a profile this runner defines (${listed})` : ''
  const create = {
    commands: [
      {
        note: 'IAM Identity Center (SSO)',
        argv: ['aws', 'configure', 'sso', '--profile', profile]
      },
      { note: 'or an access key pair', argv: ['aws', 'configure', '--profile', profile] }
    ]
  }
  return {
    id: 'profileMissing',
    data: { profile, named, where, choose, orDefined, create },
    extra: {
      observed: [
        `${namedText} names the profile`,
        ...(filesFound.length === 0
          ? [`${files}: not found`]
          : [
              `profiles defined: ${names.length > 0 ? names.join(', ') : 'none'} (in ${filesFound.join(', ')})`
            ])
      ]
    }
  }
}
