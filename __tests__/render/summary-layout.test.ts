import type { Finding, Report } from '../../src/engine/types.js'
import { atPair, atRegion, reportOf } from '../harness/report.js'
import { renderSummary } from '../../src/render/summary.js'
import { annotationsFor } from '../../src/render/annotations.js'

const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'

const report = (findings: Finding[], result: Report['result']): Report =>
  reportOf(findings, result, { regions: ['us-east-1', 'us-west-2'] })

const at = (region: string, checkId: string, status: Finding['status'], title = checkId) =>
  atPair(region, MODEL, checkId, status, title)

const KEY_MALFORMED: Finding = {
  ...atRegion('us-east-1', 'api-key', 'fail', 'AWS_BEARER_TOKEN_BEDROCK is not a Bedrock API key'),
  fix: 'Set it to the key the Bedrock console shows.'
}

describe('the job summary of a matrix', () => {
  it('lists the checks a cause kept from running under that cause, never as causes or failures of their own', () => {
    const explainedBy = { checkId: 'api-key', subject: 'us-east-1' }
    const summary = renderSummary(
      report(
        [
          KEY_MALFORMED,
          { ...at('us-east-1', 'model-resolve', 'skipped', 'skipped'), explainedBy },
          { ...at('us-east-1', 'quota', 'skipped', 'skipped'), explainedBy },
          at('us-west-2', 'model-resolve', 'pass'),
          at('us-west-2', 'quota', 'pass')
        ],
        'fail'
      )
    )
    expect(summary).toContain(
      'This job cannot call Claude on Amazon Bedrock yet: 1 cause across 1 of 2 region × model pairs'
    )
    expect(summary.match(/^#### /gm)).toHaveLength(1)
    expect(summary).toContain(
      `Also skipped because of this: \`model-resolve\` (us-east-1 · ${MODEL}); \`quota\` (us-east-1 · ${MODEL}).`
    )
    expect(summary).not.toContain('Not checked')
    expect(summary).toContain('| `us-east-1` | ❌ 1 |')
    expect(summary).toContain('| `us-west-2` | ✅ |')
    expect(summary).toContain(`✅ Every check passed for us-west-2 · ${MODEL}.`)
    expect(annotationsFor(report([KEY_MALFORMED], 'fail'))).toHaveLength(1)
  })

  it('never calls a pair with a skipped check passed, and says what was not checked', () => {
    const summary = renderSummary(
      report(
        [
          at('us-east-1', 'model-resolve', 'pass'),
          at('us-east-1', 'quota', 'skipped', 'Quota: not read'),
          at('us-west-2', 'model-resolve', 'pass'),
          at('us-west-2', 'quota', 'pass')
        ],
        'pass'
      )
    )
    expect(summary).toContain('| `us-east-1` | ⏭️ |')
    expect(summary).toContain(`✅ Every check passed for us-west-2 · ${MODEL}.`)
    expect(summary).not.toContain(`Every check passed for us-east-1`)
    expect(summary).toContain(`- ⏭️ \`quota\` (us-east-1 · ${MODEL}): Quota: not read`)
  })

  it('keeps long text whole: no table cell cut with an ellipsis', () => {
    const long = `Cross-Region quotas: ${'5,760,000,000 tokens per day, '.repeat(12)}end`
    const summary = renderSummary(
      report([at('us-east-1', 'quota', 'warn', long), at('us-west-2', 'quota', 'pass')], 'warn')
    )
    expect(summary.replace(/\s+/g, ' ')).toContain(long)
    expect(summary).not.toContain('…')
  })

  it('keeps a grid whole when a model ID holds a pipe: every row has as many cells as the header', () => {
    const hostile = 'us.anthropic.claude|sonnet'
    const summary = renderSummary(
      reportOf(
        [
          atPair('us-east-1', MODEL, 'model-resolve', 'pass', 'model-resolve'),
          atPair('us-east-1', hostile, 'model-id', 'fail', 'Model identifier is not usable')
        ],
        'fail',
        { regions: ['us-east-1'], models: [MODEL, hostile] }
      )
    )
    const rows = summary.split('\n').filter((l) => l.startsWith('| '))
    const cells = (line: string) => line.split(/(?<!\\)\|/).length
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const row of rows) expect(cells(row)).toBe(cells(rows[0]!))
  })
})
