import { runPreflight } from '../../src/engine/run-preflight.js'
import { silentLogger, type PreflightConfig } from '../../src/config.js'
import { parseDotenv } from '../../src/parse/dotenv.js'
import { REGISTRY } from '../../src/checks/registry.js'

const envFileCheck = REGISTRY['env-file']

function config(text: string | undefined): PreflightConfig {
  return {
    regions: [{ value: 'us-east-1', source: 'AWS_REGION' }],
    models: [],
    assumeRoleArns: [],
    invokeProbe: false,
    failOn: 'error',
    timeoutSeconds: 5,
    env: {},
    ...(text === undefined
      ? {}
      : { envFile: { path: '/home/me/.env', displayPath: '.env', ...parseDotenv(text) } }),
    surface: 'cli',
    log: silentLogger
  }
}

describe('env-file check', () => {
  it('is not listed when no env file is used', async () => {
    const report = await runPreflight(config(undefined), { checks: [envFileCheck] })
    expect(report.findings).toEqual([])
  })

  it('passes and lists the keys it read (never the values)', async () => {
    const report = await runPreflight(
      config('AWS_REGION=us-east-1\nAWS_SECRET_ACCESS_KEY=s3cr3tValue123'),
      {
        checks: [envFileCheck]
      }
    )
    expect(report.findings).toHaveLength(1)
    expect(report.findings[0]?.status).toBe('pass')
    expect(report.findings[0]?.observed).toEqual(['keys: AWS_REGION, AWS_SECRET_ACCESS_KEY'])
    expect(JSON.stringify(report)).not.toContain('s3cr3tValue123')
  })

  it('warns once per unreadable line, at file:line, without repeating the line', async () => {
    const report = await runPreflight(
      config(
        'AWS_REGION=us-east-1\nnoequalszzHiddenOne\nAWS_SECRET_ACCESS_KEY="unclosedzzHiddenTwo'
      ),
      { checks: [envFileCheck] }
    )
    expect(report.result).toBe('warn')
    expect(report.findings.map((f) => [f.status, f.location, f.messageId])).toEqual([
      ['warn', { file: '.env', line: 2 }, 'lineUnreadable'],
      ['warn', { file: '.env', line: 3 }, 'lineUnreadable']
    ])
    expect(report.findings[0]?.title).toBe('.env:2 is ignored: not of the form KEY=value (no "=")')
    expect(JSON.stringify(report)).not.toContain('zzHidden')
  })
})
