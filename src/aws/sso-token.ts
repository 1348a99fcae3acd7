import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProfileInfo } from './credential-source.js'

/** What the SSO token cache says about a profile's session, read without any network call. */
export type SsoTokenState =
  | { state: 'missing'; file: string }
  | { state: 'unreadable'; file: string }
  | { state: 'expired'; file: string; expiresAt: Date }
  /** Expired, but the SDK will try to renew it with the cached refresh token. */
  | { state: 'refreshable'; file: string; expiresAt: Date }
  | { state: 'valid'; file: string; expiresAt: Date }

/**
 * The cache file the SDK reads: `~/.aws/sso/cache/<sha1 hex of the id>.json`, where the id is the
 * `sso_session` name, or the start URL for a legacy profile (`getSSOTokenFilepath` in
 * @smithy/core/config, used by @aws-sdk/token-providers and @aws-sdk/credential-provider-sso).
 */
export function ssoTokenFile(
  home: string,
  profile: Pick<ProfileInfo, 'ssoSession' | 'ssoStartUrl'>
): string | undefined {
  const id = profile.ssoSession ?? profile.ssoStartUrl
  if (!id) return undefined
  return join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update(id).digest('hex')}.json`)
}

/**
 * Reads the token's `expiresAt`. Only an `sso_session` profile is ever refreshed by the SDK
 * (token-providers' fromSso, with clientId, clientSecret and refreshToken while the client
 * registration lasts); a legacy profile's token is used as is until it expires.
 */
export async function readSsoToken(
  home: string,
  profile: Pick<ProfileInfo, 'ssoSession' | 'ssoStartUrl'>,
  now: Date = new Date()
): Promise<SsoTokenState | undefined> {
  const file = ssoTokenFile(home, profile)
  if (!file) return undefined
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT'
      ? { state: 'missing', file }
      : { state: 'unreadable', file }
  }
  let token: Record<string, unknown>
  try {
    token = JSON.parse(text) as Record<string, unknown>
  } catch {
    return { state: 'unreadable', file }
  }
  const expiresAt = new Date(String(token.expiresAt ?? ''))
  if (typeof token.accessToken !== 'string' || Number.isNaN(expiresAt.getTime())) {
    return { state: 'unreadable', file }
  }
  if (expiresAt.getTime() > now.getTime()) return { state: 'valid', file, expiresAt }
  const registrationEnd = new Date(String(token.registrationExpiresAt ?? ''))
  const canRefresh =
    !!profile.ssoSession &&
    typeof token.refreshToken === 'string' &&
    typeof token.clientId === 'string' &&
    typeof token.clientSecret === 'string' &&
    (Number.isNaN(registrationEnd.getTime()) || registrationEnd.getTime() > now.getTime())
  return { state: canRefresh ? 'refreshable' : 'expired', file, expiresAt }
}
