import { agentSwitches } from '../../src/agent/switches.js'
import type { AgentSetting } from '../../src/agent/types.js'

const lookup =
  (vars: Record<string, string>) =>
  (key: string): AgentSetting | undefined =>
    vars[key] === undefined ? undefined : { value: vars[key], source: key }

describe("Claude Code's switches that change whether its calls work", () => {
  it('accepts the service tiers Bedrock accepts and refuses any other value', () => {
    for (const tier of ['priority', 'default', 'flex', 'reserved']) {
      expect(
        agentSwitches(lookup({ ANTHROPIC_BEDROCK_SERVICE_TIER: tier })).serviceTier?.accepted
      ).toBe(true)
    }
    expect(
      agentSwitches(lookup({ ANTHROPIC_BEDROCK_SERVICE_TIER: 'Premium' })).serviceTier
    ).toMatchObject({ value: 'Premium', accepted: false })
    expect(
      agentSwitches(lookup({ ANTHROPIC_BEDROCK_SERVICE_TIER: ' ' })).serviceTier
    ).toBeUndefined()
  })

  it('reads DISABLE_PROMPT_CACHING as Claude Code does: 1, true, yes, on', () => {
    expect(agentSwitches(lookup({ DISABLE_PROMPT_CACHING: 'TRUE' })).promptCachingOff).toBeDefined()
    expect(agentSwitches(lookup({ DISABLE_PROMPT_CACHING: '0' })).promptCachingOff).toBeUndefined()
  })

  it('leaves authentication to a gateway only when the base URL is not an AWS host; keeps the host only', () => {
    const gateway = agentSwitches(
      lookup({
        CLAUDE_CODE_SKIP_BEDROCK_AUTH: '1',
        ANTHROPIC_BEDROCK_BASE_URL: 'https://user:secret@gw.corp.example:8443/bedrock'
      })
    ).gatewayAuth
    expect(gateway?.gateway).toEqual({
      host: 'gw.corp.example:8443',
      source: 'ANTHROPIC_BEDROCK_BASE_URL'
    })
    expect(JSON.stringify(gateway)).not.toContain('secret')
    expect(
      agentSwitches(
        lookup({
          CLAUDE_CODE_SKIP_BEDROCK_AUTH: '1',
          ANTHROPIC_BEDROCK_BASE_URL: 'https://bedrock-runtime.us-east-1.amazonaws.com'
        })
      ).gatewayAuth
    ).toBeUndefined()
    expect(
      agentSwitches(lookup({ ANTHROPIC_BEDROCK_BASE_URL: 'https://gw.corp.example' })).gatewayAuth
    ).toBeUndefined()
  })

  it('says CLAUDE_CODE_SKIP_BEDROCK_AUTH sends unsigned calls to AWS when no gateway is named', () => {
    expect(
      agentSwitches(lookup({ CLAUDE_CODE_SKIP_BEDROCK_AUTH: 'true' })).skipWithoutGateway
    ).toEqual({ skip: { value: 'true', source: 'CLAUDE_CODE_SKIP_BEDROCK_AUTH' } })
    expect(
      agentSwitches(
        lookup({
          CLAUDE_CODE_SKIP_BEDROCK_AUTH: '1',
          ANTHROPIC_BEDROCK_BASE_URL: 'https://bedrock-runtime.us-east-1.amazonaws.com'
        })
      ).skipWithoutGateway?.aws
    ).toEqual({
      host: 'bedrock-runtime.us-east-1.amazonaws.com',
      source: 'ANTHROPIC_BEDROCK_BASE_URL'
    })
    // A gateway signs them; a switch that is off signs as usual.
    const quiet: Record<string, string>[] = [
      { CLAUDE_CODE_SKIP_BEDROCK_AUTH: '1', ANTHROPIC_BEDROCK_BASE_URL: 'https://gw.corp.example' },
      { CLAUDE_CODE_SKIP_BEDROCK_AUTH: '0' }
    ]
    for (const vars of quiet) expect(agentSwitches(lookup(vars)).skipWithoutGateway).toBeUndefined()
  })
})
