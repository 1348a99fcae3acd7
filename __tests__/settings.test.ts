import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildConfig, type RawSettings } from '../src/settings.js'
import { silentLogger } from '../src/config.js'

const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
const OPUS_47 = 'global.anthropic.claude-opus-4-7'
const HAIKU_45 = 'us.anthropic.claude-haiku-4-5-20251001-v1:0'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bp-settings-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function models(raw: Partial<RawSettings>) {
  return buildConfig({
    surface: 'github-actions',
    processEnv: {},
    log: silentLogger,
    ...raw
  }).config.models.map(({ value, source }) => ({ value, source }))
}

describe('the models a job checks', () => {
  it('names no model when nothing names one (the engine then chooses)', () => {
    expect(models({})).toEqual([])
  })

  it('checks every Claude Code model variable that is set, each labelled with its name', () => {
    expect(
      models({
        processEnv: {
          BEDROCK_MODEL: SONNET_45,
          ANTHROPIC_MODEL: 'us.anthropic.claude-sonnet-4-6',
          ANTHROPIC_DEFAULT_OPUS_MODEL: OPUS_47,
          ANTHROPIC_DEFAULT_SONNET_MODEL: 'us.anthropic.claude-sonnet-4-6',
          ANTHROPIC_DEFAULT_HAIKU_MODEL: HAIKU_45,
          ANTHROPIC_SMALL_FAST_MODEL: HAIKU_45
        }
      })
    ).toEqual([
      { value: SONNET_45, source: 'BEDROCK_MODEL' },
      { value: 'us.anthropic.claude-sonnet-4-6', source: 'ANTHROPIC_MODEL' },
      { value: OPUS_47, source: 'ANTHROPIC_DEFAULT_OPUS_MODEL' },
      { value: HAIKU_45, source: 'ANTHROPIC_DEFAULT_HAIKU_MODEL' }
    ])
  })

  it('adds the Claude Code variables to the model-id input, which replaces only BEDROCK_MODEL', () => {
    expect(
      models({
        models: `${SONNET_45}\n${OPUS_47}`,
        processEnv: { BEDROCK_MODEL: 'eu.anthropic.claude-sonnet-4-6', ANTHROPIC_MODEL: OPUS_47 }
      })
    ).toEqual([
      { value: SONNET_45, source: 'input model-id' },
      { value: OPUS_47, source: 'input model-id' }
    ])
    expect(
      models({ surface: 'cli', models: SONNET_45, processEnv: { ANTHROPIC_MODEL: OPUS_47 } })
    ).toEqual([
      { value: SONNET_45, source: '--model' },
      { value: OPUS_47, source: 'ANTHROPIC_MODEL' }
    ])
  })

  it("leaves out Claude Code's aliases and drops its [1m] context suffix", () => {
    expect(
      models({
        processEnv: {
          ANTHROPIC_MODEL: 'opusplan',
          ANTHROPIC_DEFAULT_OPUS_MODEL: 'Opus',
          ANTHROPIC_DEFAULT_SONNET_MODEL: 'global.anthropic.claude-sonnet-4-6[1m]',
          ANTHROPIC_SMALL_FAST_MODEL: 'haiku'
        }
      })
    ).toEqual([
      { value: 'global.anthropic.claude-sonnet-4-6', source: 'ANTHROPIC_DEFAULT_SONNET_MODEL' }
    ])
  })

  it('labels a model from the env file with its line; the environment wins over the file', () => {
    const path = join(dir, '.env')
    writeFileSync(
      path,
      [
        'AWS_REGION=us-east-1',
        `ANTHROPIC_MODEL=${OPUS_47}`,
        `ANTHROPIC_SMALL_FAST_MODEL=${HAIKU_45}`
      ].join('\n')
    )
    expect(
      models({
        envFilePath: path,
        workspace: dir,
        processEnv: { ANTHROPIC_SMALL_FAST_MODEL: 'us.anthropic.claude-haiku-4-5-20251001-v1:0' }
      })
    ).toEqual([
      { value: OPUS_47, source: '.env line 2' },
      { value: HAIKU_45, source: 'ANTHROPIC_SMALL_FAST_MODEL' }
    ])
  })
})

describe('which endpoint the agent calls, from its own settings', () => {
  const endpoint = (processEnv: Record<string, string>, raw: Partial<RawSettings> = {}) =>
    buildConfig({ surface: 'github-actions', processEnv, log: silentLogger, ...raw }).config
      .endpoint
  const RUNTIME_URL = 'https://bedrock-runtime.us-east-1.amazonaws.com'
  const MANTLE_URL = 'https://bedrock-mantle.us-east-1.api.aws/anthropic'

  it("Claude Code's flags decide first: mantle, or both with CLAUDE_CODE_USE_BEDROCK", () => {
    expect(endpoint({ CLAUDE_CODE_USE_MANTLE: '1' })?.value).toBe('mantle')
    expect(
      endpoint({
        CLAUDE_CODE_USE_MANTLE: '1',
        CLAUDE_CODE_USE_BEDROCK: '1',
        ANTHROPIC_BEDROCK_BASE_URL: RUNTIME_URL
      })
    ).toEqual({ value: 'both', source: 'CLAUDE_CODE_USE_MANTLE and CLAUDE_CODE_USE_BEDROCK' })
  })

  it('a switched-off flag (0, false) wins over a leftover mantle URL', () => {
    for (const off of ['0', 'false', 'FALSE', 'no'])
      expect(
        endpoint({ CLAUDE_CODE_USE_MANTLE: off, ANTHROPIC_BEDROCK_MANTLE_BASE_URL: MANTLE_URL })
      ).toBeUndefined()
    expect(
      endpoint({ CLAUDE_CODE_USE_MANTLE: 'false', ANTHROPIC_BASE_URL: MANTLE_URL })
    ).toBeUndefined()
  })

  it('else the base URL by its host, else the mantle URL override; the input wins over all', () => {
    expect(endpoint({ ANTHROPIC_BASE_URL: MANTLE_URL })?.value).toBe('mantle')
    expect(endpoint({ ANTHROPIC_BEDROCK_BASE_URL: RUNTIME_URL })?.value).toBe('runtime')
    expect(endpoint({ ANTHROPIC_BEDROCK_MANTLE_BASE_URL: 'https://gw.example/anthropic' })).toEqual(
      { value: 'mantle', source: 'ANTHROPIC_BEDROCK_MANTLE_BASE_URL' }
    )
    expect(endpoint({ CLAUDE_CODE_USE_MANTLE: '1' }, { endpoint: 'runtime' })?.value).toBe(
      'runtime'
    )
  })
})

describe("the beta flags the agent sends (ANTHROPIC_BETAS, Claude Code's)", () => {
  const betas = (agent?: string) =>
    buildConfig({
      surface: 'cli',
      processEnv: { ANTHROPIC_BETAS: 'interleaved-thinking-2025-05-14' },
      log: silentLogger,
      ...(agent ? { agent } : {})
    }).config.anthropicBetas?.value
  it('reads them for Claude Code only: an app on an Anthropic SDK never sends them', () => {
    expect(betas()).toEqual(['interleaved-thinking-2025-05-14'])
    expect(betas('anthropic-sdk-typescript')).toBeUndefined()
    expect(betas('anthropic-sdk-python')).toBeUndefined()
  })
})
