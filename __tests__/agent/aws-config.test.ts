import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { loadSharedConfigFiles } from '@smithy/core/config'
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

  it('names the line the SDK skips, and still takes the region the SDK reads', () => {
    // parseIni skips `[profile dev` (no `]`, no `=`), so line 4 stays in [default].
    const dir = home('[default]\nregion = us-east-1\n[profile dev\nregion = eu-west-1\n')
    const read = readProfileRegion({ env: { HOME: dir } })
    expect(read.region?.value).toBe('eu-west-1')
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

  it('reads `region = us-east-1 # prod` as us-east-1, as the SDK strips a comment after whitespace', () => {
    expect(regionInConfig('[default]\nregion = us-east-1 # prod\n', 'default').region?.value).toBe(
      'us-east-1'
    )
    expect(regionInConfig('[default]\nregion = us-east-1\t; prod\n', 'default').region?.value).toBe(
      'us-east-1'
    )
    // No whitespace before `#`: the SDK keeps it in the value, and so do we.
    expect(regionInConfig('[default]\nregion = us-east-1#prod\n', 'default').region?.value).toBe(
      'us-east-1#prod'
    )
  })

  it("keeps the active profile's region when a line under another profile is bad, naming that line", () => {
    const dir = home('[profile other]\nthis is not ini\n[profile dev]\nregion = eu-west-1\n')
    const read = readProfileRegion({
      env: { HOME: dir },
      profile: { value: 'dev', source: 'AWS_PROFILE' }
    })
    expect(read.region?.value).toBe('eu-west-1')
    expect(read.note).toMatchObject({ kind: 'aws-config-invalid', line: 2 })
  })

  it('reads an indented `region =` line, but not one inside a sub-section', () => {
    expect(regionInConfig('[default]\n  region = us-west-2\n', 'default').region).toEqual({
      value: 'us-west-2',
      line: 2,
      section: 'default'
    })
    expect(
      regionInConfig('[default]\ns3 =\n  region = us-west-2\n', 'default').region
    ).toBeUndefined()
  })

  it('reads [profile default] over [default], and not `[profile  dev]` (two spaces), as the SDK does', () => {
    const text = '[default]\nregion = us-east-1\n[profile default]\nregion = eu-west-1\n'
    expect(regionInConfig(text, 'default').region?.value).toBe('eu-west-1')
    const spaced = regionInConfig('[profile  dev]\nregion = eu-west-1\n', 'dev')
    expect(spaced.region).toBeUndefined()
    expect(spaced.bad?.line).toBe(1)
  })

  it('reads the same region as the AWS SDK for JavaScript for any config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-awscfg-sdk-'))
    const file = join(dir, 'config')
    const piece = fc.constantFrom(
      '[default]',
      '[profile dev]',
      '[profile  dev]',
      '[ profile dev ]',
      '[profile default]',
      '[dev]',
      '[sso-session corp]',
      '[foo bar]',
      '[profile dev',
      'region = us-east-1',
      'region = eu-west-1 # prod',
      'region = ap-south-1;x',
      'region=us-west-2 ;x',
      '  region = ca-central-1',
      'Region = sa-east-1',
      's3 =',
      '  max_concurrent_requests = 10',
      'output = json',
      'this is not ini',
      '# comment',
      '; comment',
      '= value',
      ''
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 12 }),
        fc.constantFrom('default', 'dev'),
        async (lines, profile) => {
          const text = lines.join('\n')
          writeFileSync(file, text)
          const sdk = await loadSharedConfigFiles({
            configFilepath: file,
            filepath: join(dir, 'none'),
            ignoreCache: true
          })
          const theirs = sdk.configFile[profile]?.region
          expect(regionInConfig(text, profile).region?.value).toBe(theirs)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('does not read a file larger than its bound', () => {
    const read = readProfileRegion({
      env: { HOME: home(`[default]\n${'# x\n'.repeat(AWS_CONFIG_BYTES / 4 + 1)}`) }
    })
    expect(read.note).toMatchObject({ kind: 'aws-config-invalid' })
    expect(read.region).toBeUndefined()
  })
})
