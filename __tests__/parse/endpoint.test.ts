import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SettingsError, buildConfig, type RawSettings } from '../../src/settings.js'
import { silentLogger } from '../../src/config.js'
import { endpointOfUrl } from '../../src/parse/endpoint.js'

const endpoint = (raw: Partial<RawSettings>) =>
  buildConfig({ surface: 'github-actions', processEnv: {}, log: silentLogger, ...raw }).config
    .endpoint

describe('endpoint setting', () => {
  it('is absent (runtime) when neither the input nor a base URL says it', () => {
    expect(endpoint({})).toBeUndefined()
    expect(
      endpoint({
        processEnv: { ANTHROPIC_BEDROCK_BASE_URL: 'https://llm-gateway.example.com/bedrock' }
      })
    ).toBeUndefined()
  })

  it('takes the input, whatever the base URL says', () => {
    expect(
      endpoint({
        endpoint: ' Both ',
        processEnv: {
          ANTHROPIC_BEDROCK_BASE_URL: 'https://bedrock-mantle.us-east-1.api.aws/anthropic'
        }
      })
    ).toEqual({ value: 'both', source: 'input endpoint' })
    expect(endpoint({ surface: 'cli', endpoint: 'mantle' })).toEqual({
      value: 'mantle',
      source: '--endpoint'
    })
  })

  it('refuses a value it does not know, naming the input', () => {
    expect(() => endpoint({ endpoint: 'anthropic' })).toThrow(SettingsError)
    expect(() => endpoint({ endpoint: 'anthropic' })).toThrow(
      'endpoint must be one of runtime, mantle, both, got "anthropic"'
    )
  })

  it('infers mantle from ANTHROPIC_BEDROCK_BASE_URL in the env file, with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-endpoint-'))
    try {
      const file = join(dir, '.env')
      writeFileSync(
        file,
        'AWS_REGION=us-east-1\nANTHROPIC_BEDROCK_BASE_URL=https://bedrock-mantle.us-east-1.api.aws/anthropic\n'
      )
      expect(endpoint({ envFilePath: file, workspace: dir })).toEqual({
        value: 'mantle',
        source: '.env line 2'
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reads the host, not the path: the runtime serves /anthropic too', () => {
    expect(endpointOfUrl('https://bedrock-mantle.eu-west-1.api.aws/anthropic')).toBe('mantle')
    expect(endpointOfUrl('https://bedrock-mantle.eu-west-1.api.aws/v1')).toBe('mantle')
    expect(endpointOfUrl('https://bedrock-runtime.us-east-1.amazonaws.com/anthropic')).toBe(
      'runtime'
    )
    expect(endpointOfUrl('https://proxy.example.com/anthropic')).toBeUndefined()
    expect(endpointOfUrl('not a url')).toBeUndefined()
    expect(
      endpoint({
        processEnv: { ANTHROPIC_BASE_URL: 'https://bedrock-mantle.us-west-2.api.aws/anthropic' }
      })
    ).toEqual({ value: 'mantle', source: 'ANTHROPIC_BASE_URL' })
  })
})
