/**
 * What the org summary says in the cases the end-to-end tests do not reach: a model near its end
 * of life with nothing to compare with, a re-run beside the first run, a report with no identity,
 * and a run failed by a gate with no failing row.
 */
import { mergeReports } from '../../src/merge/merge.js'
import { outline } from '../../src/merge/outline.js'
import type { LoadedReport } from '../../src/merge/load.js'
import type { Report } from '../../src/engine/types.js'

const NOW = Date.UTC(2026, 11, 7)
const MODEL = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0'

function report(over: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'bedrock-preflight', version: '1.0.0' },
    startedAt: '2026-12-07T03:00:00.000Z',
    durationMs: 500,
    result: 'pass',
    regions: ['us-east-1'],
    models: [MODEL],
    identity: {
      accountId: '111122223333',
      arn: 'arn:aws:sts::111122223333:assumed-role/ci/GitHubActions'
    },
    counts: { pass: 1, warn: 0, fail: 0, unverified: 0, skipped: 0 },
    findings: [{ checkId: 'identity', status: 'pass', title: 'ok' }],
    ...over
  }
}

const merge = (loaded: LoadedReport[]) =>
  mergeReports(loaded, { now: NOW, eolDays: 30, base: '/r' })

describe('the merged report', () => {
  it('names a model whose end of life is within the window, even with no previous run', () => {
    const merged = merge([
      {
        file: '/r/a/report.json',
        report: report({
          observations: [
            {
              region: 'us-east-1',
              model: MODEL,
              lifecycle: { status: 'LEGACY', endOfLife: '2026-12-20' }
            }
          ]
        })
      }
    ])
    expect(merged.changes.compared).toBe(false)
    expect(merged.changes.lifecycle).toEqual([
      expect.objectContaining({ model: MODEL, daysToEndOfLife: 13 })
    ])
    expect(merged.result).toBe('warn')
  })

  it('keeps the latest report of a target that ran twice (a re-run beside the first run)', () => {
    const failed = report({
      startedAt: '2026-12-07T03:00:00.000Z',
      result: 'fail',
      findings: [
        { checkId: 'quota', subject: `us-east-1 · ${MODEL}`, status: 'fail', title: 'zero' }
      ]
    })
    const rerun = report({ startedAt: '2026-12-07T04:00:00.000Z' })
    const merged = merge([
      { file: '/r/a/report.json', report: rerun },
      { file: '/r/b/report.json', report: failed }
    ])
    expect(merged.rows).toHaveLength(1)
    expect(merged.rows[0]).toMatchObject({
      key: `111122223333/ci · us-east-1 · ${MODEL}`,
      status: 'pass'
    })
  })

  it('names a report with no identity after its place, so the next run can compare it', () => {
    const { identity: _none, ...anonymous } = report()
    const merged = merge([{ file: '/r/preflight-x/report.json', report: anonymous as Report }])
    expect(merged.rows[0]?.target.id).toBe('unidentified:preflight-x')
  })

  it('says a target failed on a gate when no row of it failed', () => {
    const merged = merge([
      {
        file: '/r/a/report.json',
        report: report({
          result: 'fail',
          findings: [
            { checkId: 'identity', status: 'unverified', title: 'GetCallerIdentity timed out' }
          ]
        })
      }
    ])
    expect(merged.result).toBe('fail')
    expect(outline(merged).headline).toBe('1 target failed on a check that could not be verified')
  })

  it('applies a finding about one region to that region’s rows only', () => {
    const merged = merge([
      {
        file: '/r/a/report.json',
        report: report({
          regions: ['us-east-1', 'eu-west-1'],
          result: 'fail',
          findings: [{ checkId: 'region', subject: 'eu-west-1', status: 'fail', title: 'no' }]
        })
      }
    ])
    expect(merged.rows.map((r) => [r.region, r.status])).toEqual([
      ['eu-west-1', 'fail'],
      ['us-east-1', 'pass']
    ])
    expect(merged.causes[0]).toMatchObject({ checkId: 'region', targets: ['111122223333/ci'] })
  })
})
