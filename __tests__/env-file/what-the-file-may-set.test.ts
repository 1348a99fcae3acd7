import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prepareRun } from '../../src/settings.js'
import { silentLogger } from '../../src/config.js'
import { runPreflight } from '../../src/engine/run-preflight.js'
import { REGISTRY } from '../../src/checks/registry.js'

const envFileCheck = REGISTRY['env-file']

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-envkeys-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function prepare(text: string, processEnv: Record<string, string> = {}) {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.env`)
  writeFileSync(path, text)
  const applied: Record<string, string | undefined> = {}
  const config = prepareRun(
    { surface: 'cli', envFilePath: path, processEnv, log: silentLogger },
    applied
  )
  return { config, applied }
}

describe('what an env file may set', () => {
  it('applies the agent settings and the AWS variables that pick credentials and region', () => {
    const { config, applied } = prepare(
      'AWS_REGION=eu-west-1\nAWS_PROFILE=dev\nBEDROCK_MODEL=us.anthropic.claude-x\nCLAUDE_CODE_USE_MANTLE=1\n'
    )
    expect(applied).toEqual({
      AWS_REGION: 'eu-west-1',
      AWS_PROFILE: 'dev',
      BEDROCK_MODEL: 'us.anthropic.claude-x',
      CLAUDE_CODE_USE_MANTLE: '1'
    })
    expect(config.envFile?.ignored).toEqual([])
  })

  it('applies none of the keys that pick a file, an endpoint or a credentials URL, and says which', () => {
    const { config, applied } = prepare(
      [
        'AWS_CONFIG_FILE=./evil',
        'AWS_SHARED_CREDENTIALS_FILE=./evil',
        'AWS_ENDPOINT_URL_BEDROCK_RUNTIME=http://10.0.0.1',
        'AWS_CONTAINER_CREDENTIALS_FULL_URI=http://10.0.0.1/creds',
        'AWS_WEB_IDENTITY_TOKEN_FILE=/tmp/t',
        'HTTPS_PROXY=http://10.0.0.1:3128',
        'LOG_LEVEL=debug'
      ].join('\n')
    )
    expect(applied).toEqual({})
    expect(config.env.AWS_CONFIG_FILE).toBeUndefined()
    expect(config.envFile?.ignored?.map((i) => [i.key, i.line])).toEqual([
      ['AWS_CONFIG_FILE', 1],
      ['AWS_SHARED_CREDENTIALS_FILE', 2],
      ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME', 3],
      ['AWS_CONTAINER_CREDENTIALS_FULL_URI', 4],
      ['AWS_WEB_IDENTITY_TOKEN_FILE', 5],
      ['HTTPS_PROXY', 6]
    ])
    expect(config.envFile?.unread).toEqual(['LOG_LEVEL'])
  })

  it('leaves the environment in charge: a config file set there is used', () => {
    const { config } = prepare('AWS_CONFIG_FILE=./evil\n', {
      AWS_CONFIG_FILE: '/home/me/.aws/config'
    })
    expect(config.env.AWS_CONFIG_FILE).toBe('/home/me/.aws/config')
  })

  it('reads a base URL on another host only to tell the endpoint; requests keep to AWS', () => {
    const { config, applied } = prepare(
      'ANTHROPIC_BEDROCK_MANTLE_BASE_URL=https://gateway.example.com/anthropic\n'
    )
    expect(config.endpoint).toEqual({ value: 'mantle', source: expect.stringContaining('line 1') })
    expect(config.env.ANTHROPIC_BEDROCK_MANTLE_BASE_URL).toBeUndefined()
    expect(applied).toEqual({})
    expect(config.envFile?.ignored?.map((i) => i.key)).toEqual([
      'ANTHROPIC_BEDROCK_MANTLE_BASE_URL'
    ])
  })

  it("applies a base URL on AWS's own host", () => {
    const url = 'https://bedrock-mantle.us-east-1.api.aws/anthropic'
    const { config, applied } = prepare(`ANTHROPIC_BASE_URL=${url}\n`)
    expect(applied).toEqual({ ANTHROPIC_BASE_URL: url })
    expect(config.envFile?.ignored).toEqual([])
  })

  it('warns at each ignored key and line, never with its value', async () => {
    const { config } = prepare('AWS_REGION=us-east-1\nAWS_ENDPOINT_URL=http://zzSecretHost:1\n')
    const report = await runPreflight(config, { checks: [envFileCheck] })
    expect(report.findings.map((f) => [f.status, f.messageId, f.location])).toEqual([
      ['warn', 'keyIgnored', { file: config.envFile!.displayPath, line: 2 }]
    ])
    expect(report.findings[0]?.title).toContain('AWS_ENDPOINT_URL is not used')
    expect(JSON.stringify(report)).not.toContain('zzSecretHost')
  })

  it('lists 20 unreadable lines one by one and counts the rest', async () => {
    const { config } = prepare('bad\n'.repeat(30))
    const report = await runPreflight(config, { checks: [envFileCheck] })
    expect(report.findings.filter((f) => f.messageId === 'lineUnreadable')).toHaveLength(20)
    expect(report.findings.find((f) => f.messageId === 'moreLinesUnreadable')?.title).toContain(
      '10 more lines are ignored'
    )
  })
})

describe('the time limit', () => {
  it('counts from reading the inputs: past it, every check ends could-not-verify without a request', async () => {
    const { config } = prepare('AWS_REGION=us-east-1\n')
    const late = { ...config, timeoutSeconds: 1, startedAtMs: Date.now() - 2_000 }
    const report = await runPreflight(late, { checks: [envFileCheck] })
    expect(report.findings.map((f) => f.status)).toEqual(['unverified'])
    expect(report.findings[0]?.title).toContain(
      'could not verify, was not reached within timeout-seconds (1 s)'
    )
  })
})
