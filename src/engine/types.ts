/**
 * The vocabulary shared by the engine, the checks and the renderers.
 * Data flows one way: config → checks (through src/aws) → findings → renderers.
 */
import type { FixPart } from '../policy/fix-parts.js'

export type { FixPart } from '../policy/fix-parts.js'

import type { CatalogId } from '../catalog/types.js'
import type { ObservedError } from '../types/observed-error.js'

export type { ObservedError }

/** How one check ended. `unverified` is never a pass: something could not be read. */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unverified' | 'skipped'

/** How bad a status is, least first: the run's worst status and the summary's order of causes. */
export const SEVERITY: Readonly<Record<CheckStatus, number>> = {
  pass: 0,
  skipped: 1,
  warn: 2,
  unverified: 3,
  fail: 4
}

/** The verdict of a whole run, as the `result` output reports it. */
export type RunResult = 'pass' | 'warn' | 'fail'

/** A collapsible block in the summary: a policy JSON, a command, a long explanation. */
export interface FindingDetail {
  title: string
  /** Markdown: `markdownOf(parts)` when the detail has parts (a policy as a fenced JSON block). */
  body: string
  /** The body as data, when it holds a policy or a trust statement (src/policy/fix-parts.ts). */
  parts?: FixPart[]
  /** The body as data when it is a list: one Markdown line per item, each shown as `- item`. */
  items?: string[]
}

export type { SourceLocation } from '../types/source-location.js'
import type { SourceLocation } from '../types/source-location.js'

/** Where a finding applies: the region, model and role of the check's subject, as data. */
export interface FindingScope {
  region?: string
  model?: string
  role?: string
}

export interface Finding {
  /** The check that produced it, e.g. `identity`, `model-resolve`. */
  checkId: string
  /** What the check was about when it runs per subject: `us-east-1 · us.anthropic.claude-…` or a role ARN. */
  subject?: string
  /**
   * The same subject as data, for renderers that lay findings out by region, model or role (the
   * matrix grid): never parsed back out of `subject`.
   */
  scope?: FindingScope
  /**
   * For a finding skipped because another finding's cause explains it (a malformed API key
   * explains every Bedrock call made with it): that finding, so renderers list it under its cause.
   */
  explainedBy?: { checkId: string; subject?: string }
  /** The check's state this finding reports (`meta.messages` of the check): stable, for tooling. */
  messageId?: string
  status: CheckStatus
  /** One line: what a person reads first. */
  title: string
  /** What was seen: ARNs, regions, codes. Never a secret. */
  observed?: string[]
  error?: ObservedError
  /** The catalog entry that explains `error`, when one matched. */
  catalogId?: CatalogId
  cause?: string
  /** Markdown, with commands and policy JSON where useful: `markdownOf(fixParts)` when those are given. */
  fix?: string
  /**
   * The fix as data when it holds a policy: its prose and its policies in order. The summary
   * merges the policies of many findings from these, never from the Markdown.
   */
  fixParts?: FixPart[]
  /** The read-only permission a denied read of the preflight's lacked (catalogId `preflight-read-denied`). */
  permission?: string
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

/**
 * What the run read about one region × model, as data: for tools that compare runs
 * (`bedrock-preflight merge` reports lifecycle moves, lowered quotas and changed destinations).
 * Present only where the check that reads it got an answer.
 */
export interface ReportObservation {
  region: string
  model: string
  /** Destination regions of the route (`unspecified`: the global hop). */
  destinations?: string[]
  /** GetFoundationModel's lifecycle; dates are YYYY-MM-DD. */
  lifecycle?: {
    status: string
    legacySince?: string
    publicExtendedAccessFrom?: string
    endOfLife?: string
  }
  /** The applied Service Quotas values read for the model's path (and the account-wide one). */
  quotas?: { code: string; name: string; value: number; defaultValue?: number }[]
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
  observations?: ReportObservation[]
}
