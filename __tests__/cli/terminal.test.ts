import { checkDocUrl } from '../../src/render/check-page.js'
import { markdownToText, renderTerminal, useColor } from '../../src/render/terminal.js'
import type { Finding, Report } from '../../src/engine/types.js'
import { markdownOf, type FixPart } from '../../src/policy/fix-parts.js'
import { atPair, atRegion, reportOf } from '../harness/report.js'

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/

const report = (findings: Finding[], result: Report['result']): Report =>
  reportOf(findings, result, {
    identity: { accountId: '111122223333', arn: 'arn:aws:sts::111122223333:assumed-role/dev/alice' }
  })

const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'
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
    expect(lines[0]).toBe('✔ This machine can call Claude on Amazon Bedrock: all 1 check passed')
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

  it('names the one subject as a header over its checks, what passed folded into one row, and never calls it passed when a check failed', () => {
    const pair = `us-east-1 · ${MODEL}`
    const text = renderTerminal(
      report(
        [
          PASS,
          atRegion('us-east-1', 'region', 'pass', 'Region'),
          atPair('us-east-1', MODEL, 'model-resolve', 'pass', 'routes'),
          atPair('us-east-1', MODEL, 'invoke-permission', 'fail', 'No policy allows it')
        ],
        'fail'
      ),
      { color: false, width: 80 }
    )
    const lines = text.split('\n')
    expect(lines).toContain(pair)
    expect(text).toMatch(/invoke-permission\s+✖ fail\s+No policy allows it/)
    expect(text).toMatch(/2 more\s+✔ pass\s+region, model-resolve/)
    expect(text).not.toContain('Every check passed')
  })

  it('shows several region × model pairs as one grid, failing cells naming their cause, passed pairs on one line', () => {
    const pair = (
      region: string,
      model: string,
      status: Finding['status'],
      checkId = 'invoke-permission'
    ): Finding =>
      atPair(region, model, checkId, status, status === 'pass' ? 'ok' : 'No policy allows it')
    const text = renderTerminal(
      report(
        [
          PASS,
          pair('us-east-1', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'fail'),
          pair('us-east-1', 'us.anthropic.claude-haiku-4-5-20251001-v1:0', 'pass'),
          pair('us-west-2', 'us.anthropic.claude-sonnet-4-5-20250929-v1:0', 'pass'),
          pair('us-west-2', 'us.anthropic.claude-haiku-4-5-20251001-v1:0', 'pass'),
          // Skipped is never passed.
          pair('us-west-2', 'us.anthropic.claude-haiku-4-5-20251001-v1:0', 'skipped', 'quota')
        ],
        'fail'
      ),
      { color: false, width: 80 }
    )
    const lines = text.split('\n')
    // Every line fits, but one that is a single word (a URL) no wrapping can shorten.
    expect(lines.filter((l) => [...l].length > 80 && /\S\s+\S/.test(l.trim()))).toEqual([])
    expect(text).toMatch(/Region\s+us\.sonnet-4-5\s+us\.haiku-4-5/)
    expect(text).toMatch(/us-east-1\s+✖ 1\s+✔/)
    expect(text).toMatch(/us-west-2\s+✔\s+-/)
    expect(text).toMatch(/us\.sonnet-4-5 += us\.anthropic\.claude-sonnet-4-5-20250929-v1:0/)
    const passed = text.replace(/\n\s+/g, ' ')
    expect(passed).toContain(
      '✔ Every check passed for us-east-1 · us.anthropic.claude-haiku-4-5-20251001-v1:0, us-west-2 · us.anthropic.claude-sonnet-4-5-20250929-v1:0'
    )
    expect(passed).not.toContain('us-west-2 · us.anthropic.claude-haiku-4-5-20251001-v1:0,')
    expect(passed).toContain(
      '✖ 1. invoke-permission (us-east-1 · us.anthropic.claude-sonnet-4-5-20250929-v1:0)'
    )
  })

  it('lists a check skipped because of a cause under that cause, not as a cause of its own', () => {
    const key = { checkId: 'api-key', subject: 'us-east-1' }
    const text = renderTerminal(
      report(
        [
          PASS,
          atRegion('us-east-1', 'api-key', 'fail', 'The Bedrock API key is malformed'),
          { ...atPair('us-east-1', 'm', 'model-resolve', 'skipped', 'skipped'), explainedBy: key },
          { ...atPair('us-east-1', 'm', 'quota', 'skipped', 'skipped'), explainedBy: key }
        ],
        'fail'
      ),
      { color: false }
    )
    expect(text).toContain('✖ 1. api-key (us-east-1): The Bedrock API key is malformed')
    expect(text).toContain(
      '    Also skipped because of this: model-resolve (us-east-1 · m); quota (us-east-1 · m)'
    )
    expect(text).not.toMatch(/model-resolve\s+- skipped/)
    expect(text).not.toContain('Causes and fixes\n\n✖ 2.')
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
        scope: { region: r, model: 'm' },
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
