import { checkDocUrl } from '../../src/render/check-page.js'
import { markdownToText, renderTerminal, useColor } from '../../src/render/terminal.js'
import type { Finding, Report } from '../../src/engine/types.js'
import { markdownOf, type FixPart } from '../../src/policy/fix-parts.js'
import { countStatuses } from '../../src/engine/result.js'

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/

function report(findings: Finding[], result: Report['result']): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'bedrock-preflight', version: '1.0.0' },
    startedAt: '2026-11-25T12:00:00.000Z',
    durationMs: 1234,
    result,
    regions: ['us-east-1'],
    models: ['us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    identity: {
      accountId: '111122223333',
      arn: 'arn:aws:sts::111122223333:assumed-role/dev/alice'
    },
    counts: countStatuses(findings),
    findings
  }
}

const PASS: Finding = { checkId: 'identity', status: 'pass', title: 'Caller is alice' }
const SHADOW: Finding = {
  checkId: 'credentials',
  status: 'warn',
  title: 'A static AWS_ACCESS_KEY_ID is set together with profile "dev"',
  observed: ['AWS_ACCESS_KEY_ID is set at .env:2'],
  cause: 'Both `AWS_ACCESS_KEY_ID` and `AWS_PROFILE` are set.',
  fix: 'Comment the static key out:\n\n```sh\n# AWS_ACCESS_KEY_ID=AKIA...\nAWS_PROFILE=my-sso-profile\n```',
  docUrl: 'https://docs.aws.amazon.com/sdkref/latest/guide/creds-config-files.html',
  location: { file: '.env', line: 2 }
}

describe('the terminal report', () => {
  it('opens with the verdict, then a table of every check', () => {
    const text = renderTerminal(report([PASS], 'pass'), { color: false })
    const lines = text.split('\n')
    expect(lines[0]).toBe('✔ This machine can call Claude on Amazon Bedrock: all 1 checks passed')
    expect(lines[1]).toContain('caller arn:aws:sts::111122223333:assumed-role/dev/alice')
    expect(lines[1]).toContain('1.2 s')
    expect(text).toMatch(/Check\s+Status\s+What was found/)
    expect(text).toMatch(/identity\s+✔ pass\s+Caller is alice/)
    expect(text).not.toContain('Causes and fixes')
  })

  it('gives every finding that did not pass its observed facts, cause, fix and doc, without markdown fences', () => {
    const text = renderTerminal(report([PASS, SHADOW], 'warn'), { color: false })
    expect(text).toMatch(/credentials\s+! warning\s+A static AWS_ACCESS_KEY_ID .* \(\.env:2\)/)
    expect(text).toContain('Causes and fixes')
    expect(text).toContain('    At: .env:2')
    expect(text).toContain('      AWS_ACCESS_KEY_ID is set at .env:2')
    expect(text).toContain('    Cause: Both `AWS_ACCESS_KEY_ID` and `AWS_PROFILE` are set.')
    expect(text).toContain('          # AWS_ACCESS_KEY_ID=AKIA...')
    expect(text).toContain(
      '    Docs: https://docs.aws.amazon.com/sdkref/latest/guide/creds-config-files.html'
    )
    expect(text).toContain(`    About this check: ${checkDocUrl('credentials')}`)
    expect(text).not.toContain('```')
    expect(text).not.toMatch(/[ \t]+\n/)
  })

  it('is plain text without colour, and coloured with it', () => {
    expect(renderTerminal(report([SHADOW], 'warn'), { color: false })).not.toMatch(ANSI)
    expect(renderTerminal(report([SHADOW], 'warn'), { color: true })).toMatch(ANSI)
  })

  it('wraps long findings at word boundaries to the terminal width, under their column', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    const long: Finding = { checkId: 'model-resolve', status: 'fail', title: words }
    const text = renderTerminal(report([long], 'fail'), { color: false, width: 80 })
    const lines = text.split('\n')
    expect(lines.every((l) => [...l].length <= 80)).toBe(true)
    const first = lines.findIndex((l) => l.includes('model-resolve') && l.includes('fail'))
    const column = lines[first]!.indexOf('word0')
    expect(lines[first + 1]!.slice(0, column).trim()).toBe('')
    // Every word whole, in order, nothing cut.
    expect(text.replace(/\s+/g, ' ')).toContain(words)
    expect(text).not.toContain('…')
  })

  it('does not wrap when there is no terminal width (a pipe)', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    const text = renderTerminal(
      report([{ checkId: 'model-resolve', status: 'fail', title: words }], 'fail'),
      { color: false }
    )
    expect(text.split('\n').some((l) => l.includes(words))).toBe(true)
  })

  it('keeps a long ARN whole on its own line rather than splitting it', () => {
    const arn = `arn:aws:bedrock:us-east-1:111122223333:inference-profile/${'x'.repeat(70)}`
    const f: Finding = { checkId: 'invoke-permission', status: 'fail', title: `Denied on ${arn}` }
    const text = renderTerminal(report([f], 'fail'), { color: false, width: 80 })
    expect(text.split('\n').some((l) => l.trim() === arn)).toBe(true)
  })

  it('names subjects as group headers, not in each row, and folds a subject where all passed', () => {
    const pair = 'us-east-1 · us.anthropic.claude-sonnet-4-5-20250929-v1:0'
    const other = 'us-west-2 · us.anthropic.claude-sonnet-4-5-20250929-v1:0'
    const text = renderTerminal(
      report(
        [
          PASS,
          { checkId: 'model-resolve', status: 'pass', title: 'routes', subject: pair },
          {
            checkId: 'invoke-permission',
            status: 'fail',
            title: 'No policy allows it',
            subject: pair
          },
          { checkId: 'model-resolve', status: 'pass', title: 'routes', subject: other }
        ],
        'fail'
      ),
      { color: false, width: 80 }
    )
    const lines = text.split('\n')
    expect(lines).toContain(pair)
    expect(text).toMatch(/invoke-permission\s+✖ fail\s+No policy allows it/)
    expect(text).toMatch(/1 more\s+✔ pass\s+model-resolve/)
    expect(text.replace(/\n\s+/g, ' ')).toContain(`✔ Every check passed for ${other}`)
    expect(lines.filter((l) => l.includes(pair))).toHaveLength(2) // the header and the cause
  })

  it('gives one cause once for every subject it covers', () => {
    // A finding carries its policy as data (fixParts); `fix` is their Markdown.
    const findings: Finding[] = ['us-east-1', 'us-west-2'].map((r) => {
      const fixParts: FixPart[] = [
        { text: 'Add this:\n\n' },
        {
          policy: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'bedrock:InvokeModel', Resource: [`arn:${r}`] }]
          }
        }
      ]
      return {
        checkId: 'invoke-permission',
        messageId: 'notGranted',
        status: 'fail',
        subject: `${r} · m`,
        title: 'No policy allows it',
        fix: markdownOf(fixParts),
        fixParts
      }
    })
    const text = renderTerminal(report(findings, 'fail'), { color: false, width: 80 })
    expect(text.match(/invoke-permission \(2 region × model pairs\)/g)).toHaveLength(1)
    expect(text).toContain('For: us-east-1, us-west-2 × m')
    expect(text).toContain('"arn:us-east-1",')
    expect(text).toContain('"arn:us-west-2"')
  })
})

describe('colour', () => {
  it('only on a terminal, never with NO_COLOR, and FORCE_COLOR for pipes', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true)
    expect(useColor({ isTTY: false }, {})).toBe(false)
    expect(useColor({}, {})).toBe(false)
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false)
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true)
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true)
    expect(useColor({ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(false)
    expect(useColor({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(true)
  })
})

describe('markdown as terminal text', () => {
  it('indents fenced code, flattens tables, drops bold and link syntax', () => {
    expect(
      markdownToText(
        [
          'Run **this**:',
          '```sh',
          'aws sso login --profile dev',
          '```',
          '| You are on | Use |',
          '|---|---|',
          '| Laptop | SSO |',
          'See [the guide](https://example.com).'
        ].join('\n')
      )
    ).toEqual([
      'Run this:',
      '    aws sso login --profile dev',
      '  You are on: Use',
      '  Laptop: SSO',
      'See the guide (https://example.com).'
    ])
  })
})
