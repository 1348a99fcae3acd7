import { runPreflight } from '../../src/engine/run-preflight.js'
import { silentLogger, type PreflightConfig } from '../../src/config.js'
import { parseDotenv } from '../../src/parse/dotenv.js'
import { REGISTRY } from '../../src/checks/registry.js'

const region = REGISTRY['region']

function config(
  regions: { value: string; source: string }[],
  overrides: Partial<PreflightConfig> = {}
): PreflightConfig {
  return {
    regions,
    models: [],
    assumeRoleArns: [],
    invokeProbe: false,
    failOn: 'error',
    timeoutSeconds: 5,
    env: {},
    surface: 'github-actions',
    log: silentLogger,
    ...overrides
  }
}

const check = (cfg: PreflightConfig) => runPreflight(cfg, { checks: [region] })

describe('region check', () => {
  it('passes for a known region and says where it came from', async () => {
    const report = await check(config([{ value: 'eu-west-1', source: 'input aws-region' }]))
    expect(report.findings).toEqual([
      expect.objectContaining({
        checkId: 'region',
        subject: 'eu-west-1',
        messageId: 'configured',
        status: 'pass',
        title: 'Region eu-west-1',
        observed: ['from input aws-region']
      })
    ])
  })

  it('fails with no region, with the workflow fix in Actions and the .env line on a laptop', async () => {
    const ci = (await check(config([]))).findings[0]
    expect(ci).toMatchObject({ status: 'fail', messageId: 'missing', catalogId: 'region-missing' })
    expect(ci?.fix).toContain('aws-region: us-east-1')
    const laptop = (await check(config([], { surface: 'cli' }))).findings[0]
    expect(laptop?.fix).toContain('AWS_REGION=us-east-1')
    expect(laptop?.observed?.[0]).toContain('--region, AWS_REGION and AWS_DEFAULT_REGION')
  })

  it('points at the env file when the region belongs there', async () => {
    const envFile = { path: '/home/me/.env', displayPath: '.env', ...parseDotenv('A=1\n') }
    const f = (await check(config([], { surface: 'cli', envFile }))).findings[0]
    expect(f?.location).toEqual({ file: '.env' })
  })

  it('suggests the corrected code for a misspelt region, at its .env line', async () => {
    const envFile = {
      path: '/home/me/.env',
      displayPath: '.env',
      ...parseDotenv('AWS_PROFILE=dev\nAWS_REGION=us_east_1\n')
    }
    const f = (await check(config([{ value: 'us_east_1', source: '.env line 2' }], { envFile })))
      .findings[0]
    expect(f).toMatchObject({ status: 'fail', messageId: 'misspelt', catalogId: 'region-invalid' })
    expect(f?.fix).toContain('`us-east-1`')
    expect(f?.location).toEqual({ file: '.env', line: 2 })
  })

  it('fails a value that is no region at all, without echoing more than 60 characters', async () => {
    const long = `not a region ${'x'.repeat(100)}`
    const f = (await check(config([{ value: long, source: 'AWS_REGION' }]))).findings[0]
    expect(f).toMatchObject({ status: 'fail', catalogId: 'region-invalid' })
    expect(f?.observed?.[0]?.length).toBeLessThan(80)
  })

  it('warns for a region of the right shape that this version does not know', async () => {
    const f = (await check(config([{ value: 'xx-north-9', source: 'AWS_REGION' }]))).findings[0]
    expect(f).toMatchObject({ status: 'warn', messageId: 'unknown' })
    expect(f?.fix).toContain('ignore this warning')
  })

  it('checks each region of a list on its own', async () => {
    const report = await check(
      config([
        { value: 'us-east-1', source: 'input aws-region' },
        { value: 'eu-central-1', source: 'input aws-region' }
      ])
    )
    expect(report.findings.map((f) => [f.subject, f.status])).toEqual([
      ['us-east-1', 'pass'],
      ['eu-central-1', 'pass']
    ])
  })
})
