import { parseCliArgs, UsageError } from '../../src/cli/args.js'

function usage(argv: string[]): string {
  try {
    parseCliArgs(argv)
  } catch (err) {
    if (err instanceof UsageError) return err.message
    throw err
  }
  throw new Error('expected a usage error')
}

describe('the command line', () => {
  it('with no arguments runs the checks with the defaults', () => {
    expect(parseCliArgs([])).toEqual({
      command: 'run',
      invokeProbe: false,
      json: false,
      debug: false
    })
  })

  it('takes every flag the action has as an input', () => {
    expect(
      parseCliArgs([
        '--region=eu-west-1',
        '--model',
        'eu.anthropic.claude-sonnet-4-5-20250929-v1:0',
        '--assume-role-arn',
        'arn:aws:iam::111122223333:role/bedrock-invoker',
        '--role-session-tags',
        'TRUE',
        '--env-file',
        'my.env',
        '--invoke-probe',
        '--fail-on',
        'warning',
        '--timeout',
        '45',
        '--profile',
        'dev-sso',
        '--json',
        '--debug'
      ])
    ).toEqual({
      command: 'run',
      regions: 'eu-west-1',
      models: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0',
      assumeRoleArns: 'arn:aws:iam::111122223333:role/bedrock-invoker',
      roleSessionTags: 'true',
      envFilePath: 'my.env',
      invokeProbe: true,
      failOn: 'warning',
      timeoutSeconds: '45',
      profile: 'dev-sso',
      json: true,
      debug: true
    })
  })

  it('repeated and comma-separated lists are the same list', () => {
    const a = parseCliArgs(['--region', 'us-east-1', '--region', 'us-west-2'])
    const b = parseCliArgs(['--region', 'us-east-1,us-west-2'])
    expect(a).toEqual(b)
    expect(a.command === 'run' && a.regions).toBe('us-east-1,us-west-2')
  })

  it('help and version win over everything else', () => {
    expect(parseCliArgs(['--region', 'x', '--help'])).toEqual({ command: 'help' })
    expect(parseCliArgs(['-h'])).toEqual({ command: 'help' })
    expect(parseCliArgs(['--version'])).toEqual({ command: 'version' })
    expect(parseCliArgs(['-v'])).toEqual({ command: 'version' })
  })

  it('explain takes the rest of the line as the error text, or none for stdin', () => {
    expect(parseCliArgs(['explain', 'ExpiredToken:', 'The security token'])).toEqual({
      command: 'explain',
      text: 'ExpiredToken: The security token',
      debug: false
    })
    expect(parseCliArgs(['explain'])).toEqual({ command: 'explain', debug: false })
  })

  it.each([
    [['--regoin', 'us-east-1'], 'unknown option --regoin'],
    [['-x'], 'unknown option -x'],
    [['--region'], '--region needs a value'],
    [['--region', ','], '--region needs a value'],
    [['--profile', ' '], '--profile needs a value'],
    [['--json=true'], '--json does not take a value'],
    [['--fail-on', 'always'], '--fail-on must be one of error, warning, never, got "always"'],
    [
      ['--timeout', '0'],
      '--timeout must be a whole number of seconds from 1 to 600, written in digits, got "0"'
    ],
    [
      ['--timeout', '10m'],
      '--timeout must be a whole number of seconds from 1 to 600, written in digits, got "10m"'
    ],
    [
      ['--role-session-tags', 'yes'],
      '--role-session-tags must be one of auto, true, false, got "yes"'
    ],
    [
      ['doctor'],
      'unknown command "doctor" (commands: explain, facts, merge, fleet; options start with --)'
    ],
    [['run', 'now'], 'unexpected argument "now"']
  ])('%j is a usage error: %s', (argv, message) => {
    expect(usage(argv)).toBe(message)
  })
})
