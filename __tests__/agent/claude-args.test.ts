import { claudeFlags, shellWords } from '../../src/agent/claude-args.js'

describe("claude-code-action's claude_args, as Claude Code's command line", () => {
  it('splits words the way a shell does, quotes kept together', () => {
    expect(
      shellWords(`--model "us.anthropic.claude-sonnet-4-6" --append-system-prompt 'be brief'`)
    ).toEqual(['--model', 'us.anthropic.claude-sonnet-4-6', '--append-system-prompt', 'be brief'])
  })

  it('reads --model, --fallback-model and --settings, in both spellings, the last winning', () => {
    expect(
      claudeFlags(
        '--max-turns 5 --model=eu.anthropic.claude-sonnet-4-6\n--fallback-model eu.anthropic.claude-haiku-4-5-20251001-v1:0 --settings \'{"env":{"AWS_REGION":"eu-west-1"}}\' --model eu.anthropic.claude-opus-4-7'
      )
    ).toEqual({
      model: 'eu.anthropic.claude-opus-4-7',
      fallbackModel: 'eu.anthropic.claude-haiku-4-5-20251001-v1:0',
      settings: '{"env":{"AWS_REGION":"eu-west-1"}}'
    })
  })

  it('reads nothing from a flag with no value', () => {
    expect(claudeFlags('--model')).toEqual({})
  })
})
