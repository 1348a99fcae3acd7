import { VERSION } from '../version.js'
import { mergeCauses } from './causes.js'
import { changesSince } from './changes.js'
import type { LoadedReport } from './load.js'
import { rowsOf, targetOf } from './rows.js'
import type { MergedReport, TargetRow } from './types.js'

export interface MergeOptions {
  previous?: MergedReport
  now: number
  eolDays: number
  /** The common directory of the inputs, stripped from the place of a report with no identity. */
  base: string
  /** The targets the plan ran (`--expect`): one without a report is missing, as a row would be. */
  expect?: readonly string[]
}

/**
 * Many reports → one merged report. A row seen twice (a re-run's artifact beside the first)
 * keeps its latest report.
 */
export function mergeReports(loaded: readonly LoadedReport[], options: MergeOptions): MergedReport {
  const withRows = loaded.map((l) => ({ loaded: l, rows: rowsOf(l, targetOf(l, options.base)) }))
  const byKey = new Map<string, TargetRow>()
  for (const { rows } of withRows) {
    for (const row of rows) {
      const seen = byKey.get(row.key)
      if (!seen || seen.reportedAt < row.reportedAt) byKey.set(row.key, row)
    }
  }
  const rows = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key))
  const changes = changesSince(rows, options.previous, options.now, options.eolDays)
  const reported = new Set(rows.map((r) => r.target.id))
  const silent = (options.expect ?? []).filter(
    (id) => !reported.has(id) && !changes.missing.some((k) => k.split(' · ')[0] === id)
  )
  changes.missing.push(...silent)
  const failed =
    rows.some((r) => r.status === 'fail' || r.result === 'fail') || changes.missing.length > 0
  const warned = rows.some((r) => r.status !== 'pass') || changes.lifecycle.length > 0
  return {
    schemaVersion: 1,
    kind: 'bedrock-preflight-merged',
    tool: { name: 'bedrock-preflight', version: VERSION },
    mergedAt: new Date(options.now).toISOString(),
    result: failed ? 'fail' : warned ? 'warn' : 'pass',
    reports: loaded.length,
    rows,
    causes: mergeCauses(withRows),
    changes
  }
}
