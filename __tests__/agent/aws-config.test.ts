import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readProfileRegion, regionInConfig, AWS_CONFIG_BYTES } from '../../src/agent/aws-config.js'

const CONFIG = [
  '[default]',
  'region = us-east-1',
  '',
  '# the team profile',
  '[profile dev]',
  'sso_session = corp',
  's3 =',
  '  max_concurrent_requests = 10',
  'region = eu-west-1',
  '[sso-session corp]',
  'sso_region = us-east-1'
].join('\n')

function home(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bp-awscfg-'))
  if (config !== undefined) {
    mkdirSync(join(dir, '.aws'))
    writeFileSync(join(dir, '.aws', 'config'), config)
  }
  return dir
}

describe("the active profile's region, as the AWS SDKs read ~/.aws/config", () => {
  it('reads [default] without AWS_PROFILE and [profile dev] with it, each with its line', () => {
    expect(regionInConfig(CONFIG, 'default').region).toEqual({
      value: 'us-east-1',
      line: 2,
      section: 'default'
    })
    expect(regionInConfig(CONFIG, 'dev').region).toEqual({
      value: 'eu-west-1',
      line: 9,
      section: 'profile dev'
    })
    expect(regionInConfig(CONFIG, 'corp').region).toBeUndefined()
  })

  it('names the source as file:line and the variable that chose the profile', () => {
    const dir = home(CONFIG)
    const read = readProfileRegion({
      env: { HOME: dir },
      profile: { value: 'dev', source: 'AWS_PROFILE' }
    })
    expect(read.region).toEqual({
      value: 'eu-west-1',
      source: 'region of [profile dev] in ~/.aws/config:9 (AWS_PROFILE)',
      location: { file: '~/.aws/config', line: 9 }
    })
  })

  it('reads the file AWS_CONFIG_FILE names instead of ~/.aws/config', () => {
    const dir = home(CONFIG)
    const other = join(dir, 'other-config')
    writeFileSync(other, '[default]\nregion = ap-northeast-1\n')
    const read = readProfileRegion({ env: { HOME: dir, AWS_CONFIG_FILE: other } })
    expect(read.region?.value).toBe('ap-northeast-1')
    expect(read.region?.source).toBe('region of [default] in ~/other-config:2')
  })

  it('says nothing when there is no file or the profile sets no region', () => {
    expect(readProfileRegion({ env: { HOME: home() } })).toEqual({})
    expect(readProfileRegion({ env: { HOME: home('[default]\noutput = json\n') } })).toEqual({})
  })

  it('names the file and line of a line it cannot parse, and takes no region from the file', () => {
    const dir = home('[default]\nregion = us-east-1\n[profile dev\nregion = eu-west-1\n')
    const read = readProfileRegion({ env: { HOME: dir } })
    expect(read.region).toBeUndefined()
    expect(read.note).toEqual({
      kind: 'aws-config-invalid',
      file: '~/.aws/config',
      line: 3,
      problem: 'a section header without its closing `]`',
      location: { file: '~/.aws/config', line: 3 }
    })
    expect(regionInConfig('region = us-east-1\n', 'default').bad).toEqual({
      line: 1,
      problem: 'a `key = value` line before any `[section]` header'
    })
    expect(regionInConfig('[default]\nregion us-east-1\n', 'default').bad?.line).toBe(2)
  })

  it('says a named profile written as [dev] is not read as one', () => {
    const read = readProfileRegion({
      env: { HOME: home('[dev]\nregion = eu-west-1\n') },
      profile: { value: 'dev', source: 'AWS_PROFILE' }
    })
    expect(read.region).toBeUndefined()
    expect(read.note).toMatchObject({ kind: 'aws-config-invalid', line: 1 })
  })

  it('does not read a file larger than its bound', () => {
    const read = readProfileRegion({
      env: { HOME: home(`[default]\n${'# x\n'.repeat(AWS_CONFIG_BYTES / 4 + 1)}`) }
    })
    expect(read.note).toMatchObject({ kind: 'aws-config-invalid' })
    expect(read.region).toBeUndefined()
  })
})
