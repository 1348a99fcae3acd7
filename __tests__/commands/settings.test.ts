/** One place words how a fix sets a region, model or profile: the face run, and where it was set. */
import { setTo, setVariableTo } from '../../src/commands/settings.js'

describe('how a fix names a setting', () => {
  it('names the flag the user typed in the CLI', () => {
    expect(setTo('region', 'eu-west-1', { surface: 'cli', source: '--region' })).toBe(
      '`--region eu-west-1`'
    )
    expect(setTo('model', 'global.x', { surface: 'cli', source: '--model' })).toBe(
      '`--model global.x`'
    )
    expect(setTo('region', 'eu-west-1', { surface: 'cli' })).toBe('`--region eu-west-1`')
  })

  it("names the action's input in the step's with:", () => {
    expect(
      setTo('region', 'eu-west-1', { surface: 'github-actions', source: 'input aws-region' })
    ).toBe("`aws-region: eu-west-1` (in the step's `with:`)")
    expect(
      setTo('model', 'global.x', { surface: 'github-actions', source: 'input model-id' })
    ).toBe("`model-id: global.x` (in the step's `with:`)")
  })

  it('names the variable where the environment set it', () => {
    expect(setTo('region', 'eu-west-1', { surface: 'cli', source: 'AWS_REGION' })).toBe(
      '`export AWS_REGION=eu-west-1`'
    )
    expect(setTo('region', 'eu-west-1', { surface: 'github-actions', source: 'AWS_REGION' })).toBe(
      "`AWS_REGION: eu-west-1` (in the job's `env:`)"
    )
  })

  it("names the agent's own variable and file where its settings set it", () => {
    expect(
      setTo('model', 'global.x', {
        surface: 'cli',
        source: '~/.insightworker/.env line 2',
        variable: 'BEDROCK_MODEL'
      })
    ).toBe("`BEDROCK_MODEL=global.x` in the agent's .env (~/.insightworker/.env)")
    expect(
      setTo('model', 'global.x', {
        surface: 'github-actions',
        source: 'ANTHROPIC_MODEL in .claude/settings.json',
        variable: 'ANTHROPIC_MODEL',
        style: 'json',
        where: '.claude/settings.json'
      })
    ).toBe('`"ANTHROPIC_MODEL": "global.x"` in .claude/settings.json')
  })

  it('quotes a hostile value as data', () => {
    expect(setTo('profile', "a'b c", { surface: 'cli', source: 'AWS_PROFILE' })).toBe(
      "`export AWS_PROFILE='a'\\''b c'`"
    )
    expect(setTo('model', 'x`y', { surface: 'cli', source: '--model' })).toBe("``--model 'x`y'``")
  })
})

describe('how a fix sets a variable no flag or input stands for (ANTHROPIC_BETAS)', () => {
  it('writes it as the place it was set reads it: shell, job env, JSON, YAML, .env', () => {
    const cli = { surface: 'cli' as const, source: 'ANTHROPIC_BETAS' }
    expect(setVariableTo('ANTHROPIC_BETAS', 'a,b', cli)).toBe('`export ANTHROPIC_BETAS=a,b`')
    expect(setVariableTo('ANTHROPIC_BETAS', 'a;b c', cli)).toBe("`export ANTHROPIC_BETAS='a;b c'`")
    expect(setVariableTo('ANTHROPIC_BETAS', 'a,b', { ...cli, surface: 'github-actions' })).toBe(
      "`ANTHROPIC_BETAS: 'a,b'` (in the job's `env:`)"
    )
    expect(
      setVariableTo('ANTHROPIC_BETAS', 'a', {
        ...cli,
        style: 'json',
        where: '.claude/settings.json:3'
      })
    ).toBe('`"ANTHROPIC_BETAS": "a"` in .claude/settings.json:3')
    expect(
      setVariableTo('ANTHROPIC_BETAS', 'a: b', {
        ...cli,
        style: 'yaml',
        where: 'claude_env of step claude'
      })
    ).toBe("`ANTHROPIC_BETAS: 'a: b'` in claude_env of step claude")
    expect(
      setVariableTo('ANTHROPIC_BETAS', 'a b', { ...cli, source: '~/.insightworker/.env line 4' })
    ).toBe("`ANTHROPIC_BETAS='a b'` in the agent's .env (~/.insightworker/.env)")
  })
})
