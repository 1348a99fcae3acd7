import { parseDotenv } from '../../src/parse/dotenv.js'
import { parseIni } from '../../src/parse/ini.js'

describe('InsightWorker .env files', () => {
  it('reads plain, exported, quoted and commented lines with their line numbers', () => {
    const { entries, problems } = parseDotenv(
      [
        '# InsightWorker',
        'AWS_REGION=us-east-1',
        'export AWS_PROFILE="my-sso"',
        "BEDROCK_MODEL='us.anthropic.x' # default",
        'AWS_LOG_LEVEL=DEBUG # noisy',
        ''
      ].join('\n')
    )
    expect(problems).toEqual([])
    expect(entries).toEqual([
      { key: 'AWS_REGION', value: 'us-east-1', line: 2 },
      { key: 'AWS_PROFILE', value: 'my-sso', line: 3 },
      { key: 'BEDROCK_MODEL', value: 'us.anthropic.x', line: 4 },
      { key: 'AWS_LOG_LEVEL', value: 'DEBUG', line: 5 }
    ])
  })

  it('names each malformed line without repeating its value', () => {
    const { entries, problems } = parseDotenv(
      ['AWS_REGION us-east-1', '1BAD=x', 'AWS_SECRET_ACCESS_KEY="s3cr3t', 'OK=1'].join('\n')
    )
    expect(entries).toEqual([{ key: 'OK', value: '1', line: 4 }])
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3])
    expect(problems[0]?.message).toContain('no "="')
    expect(problems[2]?.message).toContain('never closed')
    expect(JSON.stringify(problems)).not.toContain('s3cr3t')
  })

  it('lets the last assignment win, as a shell does', () => {
    expect(parseDotenv('A=1\nA=2').entries).toEqual([{ key: 'A', value: '2', line: 2 }])
  })
})

describe('AWS shared config files', () => {
  it('reads profiles and sso-session sections, skipping comments and nested blocks', () => {
    const ini = parseIni(
      '[default]\nregion = us-east-1\n# c\n[profile dev]\nsso_session = corp\ns3 =\n  max_concurrent_requests = 10\n[sso-session corp]\nsso_region = eu-west-1\n'
    )
    expect(ini.get('default')).toEqual({ region: 'us-east-1' })
    expect(ini.get('profile dev')).toEqual({ sso_session: 'corp', s3: '' })
    expect(ini.get('sso-session corp')).toEqual({ sso_region: 'eu-west-1' })
  })
})
