import type { Finding, Report } from '../../src/engine/types.js'
import { countStatuses } from '../../src/engine/result.js'

/** A report as the engine writes one, around these findings (for renderer tests). */
export function reportOf(
  findings: Finding[],
  result: Report['result'],
  extra: Partial<Report> = {}
): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'bedrock-preflight', version: '1.0.0' },
    startedAt: '2026-11-25T12:00:00.000Z',
    durationMs: 1234,
    result,
    regions: ['us-east-1'],
    models: ['us.anthropic.claude-sonnet-4-5-20250929-v1:0'],
    counts: countStatuses(findings),
    findings,
    ...extra
  }
}

/** A finding of a region × model pair, its subject as label and as data (as the scheduler stamps it). */
export function atPair(
  region: string,
  model: string,
  checkId: string,
  status: Finding['status'],
  title = checkId
): Finding {
  return { checkId, status, title, subject: `${region} · ${model}`, scope: { region, model } }
}

/** A finding of one region. */
export function atRegion(
  region: string,
  checkId: string,
  status: Finding['status'],
  title = checkId
): Finding {
  return { checkId, status, title, subject: region, scope: { region } }
}
