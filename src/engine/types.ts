/**
 * The vocabulary shared by the engine, the checks and the renderers.
 * Data flows one way: config → checks (through src/aws) → findings → renderers.
 */
import type { ObservedError } from '../types/observed-error.js'

export type { ObservedError }

/** How one check ended. `unverified` is never a pass: something could not be read. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unverified' | 'skipped'

/** The verdict of a whole run, as the `result` output reports it. */
export type RunResult = 'pass' | 'warn' | 'fail'

/** A collapsible block in the summary: a policy JSON, a command, a long explanation. */
export interface FindingDetail {
  title: string
  /** Markdown; a policy is given as a fenced ```json block. */
  body: string
}

/** A position in a user's file, for annotations that point at a line (`.env` findings). */
export interface SourceLocation {
  file: string
  line?: number
}

export interface Finding {
  /** The check that produced it, e.g. `identity`, `model-resolve`. */
  checkId: string
  /** What the check was about when it runs per subject: `us-east-1 · us.anthropic.claude-…` or a role ARN. */
  subject?: string
  /** The check's state this finding reports (`meta.messages` of the check): stable, for tooling. */
  messageId?: string
  status: CheckStatus
  /** One line: what a person reads first. */
  title: string
  /** What was seen: ARNs, regions, codes. Never a secret. */
  observed?: string[]
  error?: ObservedError
  /** The catalog entry that explains `error`, when one matched. */
  catalogId?: string
  cause?: string
  /** Markdown, with commands and policy JSON where useful. */
  fix?: string
  docUrl?: string
  details?: FindingDetail[]
  location?: SourceLocation
}

/** Facts a check hands to the checks that depend on it (caller ARN, destination regions, …). */
export type Facts = Record<string, unknown>

export interface CheckOutcome {
  findings: Finding[]
  facts?: Facts
}

export interface ReportIdentity {
  accountId?: string
  arn?: string
  userId?: string
}

export interface Report {
  /** Version of the JSON report schema (schema/report.schema.json). */
  schemaVersion: 1
  tool: { name: 'bedrock-preflight'; version: string }
  startedAt: string
  durationMs: number
  result: RunResult
  regions: string[]
  models: string[]
  identity?: ReportIdentity
  counts: Record<CheckStatus, number>
  findings: Finding[]
}
