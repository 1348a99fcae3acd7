import type { CheckStatus, ReportObservation, RunResult } from '../engine/types.js'

/** Who a report speaks for: from its `target.json` (the fleet workflow writes one) or its identity. */
export interface TargetInfo {
  /** The fleet file's target id, else `<account>/<role>` from the report's identity. */
  id: string
  accountId?: string
  /** The role's name (or ARN when the fleet file gave one). */
  role?: string
  labels?: Record<string, string>
}

/** One region × model of one target, as the org summary's table lists it. */
export interface TargetRow {
  /** `<target id> · <region> · <model>`: stable across runs, what changes are keyed by. */
  key: string
  target: TargetInfo
  region: string
  model: string
  /** The worst status of the findings about this row (run-wide findings included). */
  status: CheckStatus
  /** The verdict of the report the row comes from. */
  result: RunResult
  reportedAt: string
  destinations?: string[]
  lifecycle?: ReportObservation['lifecycle']
  quotas?: ReportObservation['quotas']
}

/** One cause found in many targets: one fix, the targets listed. */
export interface MergedCause {
  checkId: string
  messageId?: string
  catalogId?: string
  status: CheckStatus
  title: string
  cause?: string
  fix?: string
  /** Keys of the rows it was found in. */
  rows: string[]
  /** Target ids, each once. */
  targets: string[]
}

export interface LifecycleChange {
  key: string
  model: string
  before?: ReportObservation['lifecycle']
  after: NonNullable<ReportObservation['lifecycle']>
  /** Days to end of life when it is within the warning window. */
  daysToEndOfLife?: number
}

export interface QuotaChange {
  key: string
  code: string
  name: string
  before: number
  after: number
}

export interface DestinationChange {
  key: string
  before: string[]
  after: string[]
}

export interface Changes {
  /** Whether a previous merged report was given (without one, only end-of-life warnings apply). */
  compared: boolean
  newlyFailing: string[]
  fixed: string[]
  /** Rows of the previous run with no report this time. */
  missing: string[]
  /** Rows with no counterpart in the previous run. */
  added: string[]
  lifecycle: LifecycleChange[]
  quotasLowered: QuotaChange[]
  destinations: DestinationChange[]
}

/** The merged report (schema/merged-report.schema.json). */
export interface MergedReport {
  schemaVersion: 1
  kind: 'bedrock-preflight-merged'
  tool: { name: 'bedrock-preflight'; version: string }
  mergedAt: string
  /** fail: a row failed or a row of the previous run did not report. */
  result: RunResult
  reports: number
  rows: TargetRow[]
  causes: MergedCause[]
  changes: Changes
}
