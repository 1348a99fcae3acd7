import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSsoToken, ssoTokenFile } from '../../src/aws/sso-token.js'

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex')
const NOW = new Date('2026-11-25T12:00:00Z')

let home: string
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bp-sso-'))
  mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true })
})
afterEach(() => rmSync(home, { recursive: true, force: true }))

function cache(id: string, token: Record<string, unknown> | string): void {
  writeFileSync(
    join(home, '.aws', 'sso', 'cache', `${sha1(id)}.json`),
    typeof token === 'string' ? token : JSON.stringify(token)
  )
}

describe('the SSO token cache, read as the SDK reads it', () => {
  it('names the file by the sha1 of the sso_session name, or of the start URL for legacy profiles', () => {
    expect(ssoTokenFile(home, { ssoSession: 'corp', ssoStartUrl: 'https://x' })).toBe(
      join(home, '.aws', 'sso', 'cache', `${sha1('corp')}.json`)
    )
    expect(ssoTokenFile(home, { ssoStartUrl: 'https://x.awsapps.com/start' })).toBe(
      join(home, '.aws', 'sso', 'cache', `${sha1('https://x.awsapps.com/start')}.json`)
    )
    expect(ssoTokenFile(home, {})).toBeUndefined()
  })

  it('no file: never logged in on this machine', async () => {
    expect((await readSsoToken(home, { ssoSession: 'corp' }, NOW))?.state).toBe('missing')
  })

  it('a token past expiresAt with no way to refresh it is expired', async () => {
    cache('corp', { accessToken: 'a', expiresAt: '2026-11-25T11:00:00Z' })
    const state = await readSsoToken(home, { ssoSession: 'corp' }, NOW)
    expect(state).toMatchObject({ state: 'expired' })
    expect(state && 'expiresAt' in state && state.expiresAt.toISOString()).toBe(
      '2026-11-25T11:00:00.000Z'
    )
  })

  it('an expired sso-session token with a live client registration is left to the SDK to refresh', async () => {
    const token = {
      accessToken: 'a',
      expiresAt: '2026-11-25T11:00:00Z',
      refreshToken: 'r',
      clientId: 'c',
      clientSecret: 's',
      registrationExpiresAt: '2027-01-01T00:00:00Z'
    }
    cache('corp', token)
    expect((await readSsoToken(home, { ssoSession: 'corp' }, NOW))?.state).toBe('refreshable')
    cache('corp', { ...token, registrationExpiresAt: '2026-11-01T00:00:00Z' })
    expect((await readSsoToken(home, { ssoSession: 'corp' }, NOW))?.state).toBe('expired')
    // Legacy profiles are never refreshed by the SDK.
    cache('https://legacy', token)
    expect((await readSsoToken(home, { ssoStartUrl: 'https://legacy' }, NOW))?.state).toBe(
      'expired'
    )
  })

  it('a token that has not expired is valid; a broken file is unreadable', async () => {
    cache('corp', { accessToken: 'a', expiresAt: '2026-11-25T20:00:00Z' })
    expect((await readSsoToken(home, { ssoSession: 'corp' }, NOW))?.state).toBe('valid')
    cache('corp', '{not json')
    expect((await readSsoToken(home, { ssoSession: 'corp' }, NOW))?.state).toBe('unreadable')
  })
})
