import { runPreflight } from '../../src/engine/run-preflight.js'
import { REGISTRY } from '../../src/checks/registry.js'

const agentSettingsCheck = REGISTRY['agent-settings']
import { silentLogger, type AgentRead, type PreflightConfig } from '../../src/config.js'

function config(agent: AgentRead | undefined): PreflightConfig {
  return {
    regions: [{ value: 'us-east-1', source: 'AWS_REGION' }],
    models: [
      {
        value: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
        source: 'ANTHROPIC_SMALL_FAST_MODEL in .claude/settings.json:3',
        tier: 'small/fast',
        region: { value: 'eu-west-1', source: 'ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION' }
      }
    ],
    assumeRoleArns: [],
    invokeProbe: false,
    failOn: 'error',
    timeoutSeconds: 5,
    env: {},
    ...(agent ? { agent } : {}),
    surface: 'cli',
    log: silentLogger
  }
}

describe('agent-settings check', () => {
  it('is not listed when no settings file or agent step was read', async () => {
    const report = await runPreflight(config(undefined), { checks: [agentSettingsCheck] })
    expect(report.findings).toEqual([])
  })

  it('passes with each tier, its region and where it was set; names what it does not check', async () => {
    const report = await runPreflight(
      config({
        layers: [
          {
            file: '.claude/settings.json',
            keys: ['ANTHROPIC_SMALL_FAST_MODEL', 'MAX_THINKING_TOKENS']
          }
        ],
        notes: []
      }),
      { checks: [agentSettingsCheck] }
    )
    expect(report.findings).toHaveLength(1)
    expect(report.findings[0]).toMatchObject({
      status: 'pass',
      title: ".claude/settings.json: the agent's models and region read from it"
    })
    expect(report.findings[0]?.observed).toEqual([
      '.claude/settings.json: ANTHROPIC_SMALL_FAST_MODEL, MAX_THINKING_TOKENS',
      'set but not checked by this version: MAX_THINKING_TOKENS',
      'small/fast model: us.anthropic.claude-haiku-4-5-20251001-v1:0 in eu-west-1 (ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION) from ANTHROPIC_SMALL_FAST_MODEL in .claude/settings.json:3'
    ])
  })

  it('fails an unreadable file at its place, and never passes beside it', async () => {
    const report = await runPreflight(
      config({
        layers: [],
        notes: [
          {
            kind: 'invalid',
            file: '.claude/settings.json',
            problem: 'not valid JSON (Unexpected token } in JSON at position 9)',
            location: { file: '.claude/settings.json' }
          }
        ]
      }),
      { checks: [agentSettingsCheck] }
    )
    expect(report.findings.map((f) => [f.messageId, f.status])).toEqual([['invalid', 'fail']])
    expect(report.findings[0]?.location).toEqual({ file: '.claude/settings.json' })
  })
})
