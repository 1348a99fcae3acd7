import { dirname } from 'node:path'
import { worstStatus } from '../engine/scheduler.js'
import type { CheckStatus, Finding, Report } from '../engine/types.js'
import type { LoadedReport } from './load.js'
import type { TargetInfo, TargetRow } from './types.js'

/** The worse of two statuses, as the engine ranks them. */
export function worse(a: CheckStatus, b: CheckStatus): CheckStatus {
  return worstStatus([a, b])
}

/** `arn:aws:sts::1:assumed-role/Name/session` → `Name`; a user's or role's ARN → its resource. */
function principalOf(arn: string | undefined): string | undefined {
  if (!arn) return undefined
  const resource = arn.split(':').slice(5).join(':')
  const assumed = /^assumed-role\/([^/]+)\//.exec(resource)
  return assumed?.[1] ?? (resource || undefined)
}

/** Who the report speaks for: the fleet's target file, else the caller STS named. */
export function targetOf(loaded: LoadedReport, base: string): TargetInfo {
  if (loaded.target) return loaded.target
  const { identity } = loaded.report
  const role = principalOf(identity?.arn)
  if (identity?.accountId && role) {
    return { id: `${identity.accountId}/${role}`, accountId: identity.accountId, role }
  }
  // No identity (credentials failed): the report's place, stable when artifacts keep their names.
  const where = dirname(loaded.file).startsWith(base)
    ? dirname(loaded.file).slice(base.length)
    : dirname(loaded.file)
  return { id: `unidentified:${where.replace(/^[\\/]+/, '') || loaded.file}` }
}

/** Whether a finding is about this row: run-wide, or about its region, its model or both. */
function concerns(f: Finding, report: Report, region: string, model: string): boolean {
  // The subject as data; a report from a version before `scope` has only its label to go by.
  const parts = f.scope
    ? [f.scope.region, f.scope.model].filter((p): p is string => p !== undefined)
    : (f.subject?.split(' · ') ?? [])
  return parts.every((part) => {
    if (report.regions.includes(part)) return part === region
    if (report.models.includes(part)) return part === model
    return true
  })
}

export function rowKey(target: string, region: string, model: string): string {
  return `${target} · ${region} · ${model}`
}

/** One row per region × model of the report, with its status and observations. */
export function rowsOf(loaded: LoadedReport, target: TargetInfo): TargetRow[] {
  const { report } = loaded
  const regions = report.regions.length > 0 ? report.regions : ['(no region)']
  const models = report.models.length > 0 ? report.models : ['(default model)']
  return regions.flatMap((region) =>
    models.map((model) => {
      const status = report.findings
        .filter((f) => concerns(f, report, region, model))
        .reduce<CheckStatus>((s, f) => worse(s, f.status), 'pass')
      const seen = report.observations?.find((o) => o.region === region && o.model === model)
      return {
        key: rowKey(target.id, region, model),
        target,
        region,
        model,
        status,
        result: report.result,
        reportedAt: report.startedAt,
        ...(seen?.destinations ? { destinations: seen.destinations } : {}),
        ...(seen?.lifecycle ? { lifecycle: seen.lifecycle } : {}),
        ...(seen?.quotas ? { quotas: seen.quotas } : {})
      }
    })
  )
}

/** `finding` belongs to which rows of the report (keys). */
export function rowsConcerned(f: Finding, report: Report, rows: readonly TargetRow[]): TargetRow[] {
  return rows.filter((r) => concerns(f, report, r.region, r.model))
}
