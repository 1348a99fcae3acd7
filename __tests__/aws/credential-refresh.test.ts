import {
  refreshCommand,
  refreshSteps,
  renewSoonStep
} from '../../src/commands/credential-refresh.js'
import { entryById } from '../../src/catalog/match.js'

describe('the fix for expired credentials, per source', () => {
  const expiredFix = (credentialSource: string | undefined, profile?: string) =>
    entryById('expired-token').fix({
      surface: 'cli',
      ...(credentialSource ? { credentialSource } : {}),
      ...(profile ? { profile } : {})
    })

  it.each([
    ['profile-sso', 'aws sso login --profile dev'],
    ['profile-login', 'aws login --profile dev'],
    ['profile-process', 'aws configure get credential_process --profile dev'],
    ['profile-assume-role', 'aws configure get source_profile --profile dev']
  ])('names the command of a %s profile', (source, command) => {
    expect(expiredFix(source, 'dev')).toContain(command)
    expect(refreshSteps(source, 'dev')).toContain(command)
  })

  it('never says aws sso login to a console-login or credential_process profile', () => {
    for (const source of ['profile-login', 'profile-process']) {
      expect(expiredFix(source, 'dev')).not.toContain('aws sso login')
    }
  })

  it('says to replace temporary keys in the environment, which never refresh', () => {
    const fix = expiredFix('env-temporary')
    expect(fix).toContain('AWS_SESSION_TOKEN')
    expect(fix).toContain('Replace all three')
  })

  it('points a machine role at the clock, and an unknown source at every option', () => {
    expect(refreshSteps('instance', undefined)).toContain('clock')
    const unknown = refreshSteps(undefined, undefined)
    expect(unknown).toContain('aws sso login --profile <your-profile>')
    expect(unknown).toContain('aws login --profile <your-profile>')
    expect(unknown).toContain('credential_process')
  })

  it('keeps the CI fix in a job: configure-aws-credentials, not a login', () => {
    const ci = entryById('expired-token').fix({ surface: 'github-actions' })
    expect(ci).toContain('configure-aws-credentials')
    expect(ci).not.toContain('aws login')
  })

  it('gives a one-line command only where one command renews the source', () => {
    expect(refreshCommand('profile-sso', 'a')).toBe('aws sso login --profile a')
    expect(refreshCommand('profile-login', 'a')).toBe('aws login --profile a')
    expect(refreshCommand('profile-process', 'a')).toBeUndefined()
    expect(renewSoonStep('profile-login', 'a')).toBe('Refresh now: `aws login --profile a`.')
    expect(renewSoonStep('container', undefined)).toContain('renew themselves')
  })
})
