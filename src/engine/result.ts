import type { CheckStatus, Finding, RunResult } from './types.js'
import type { Task } from './scheduler.js'

export function countStatuses(findings: Finding[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = {
    pass: 0,
    warn: 0,
    fail: 0,
    unverified: 0,
    skipped: 0
  }
  for (const f of findings) counts[f.status] += 1
  return counts
}

/**
 * The run's verdict. `fail` when anything failed, or when a gate check (identity) could not be
 * verified, since then nothing after it was; `warn` when anything warns or could not be verified;
 * `pass` only when everything that ran passed. An unverified check is never a pass.
 */
export function runResult(tasks: Task[]): RunResult {
  const findings = tasks.flatMap((t) => t.findings ?? [])
  if (findings.some((f) => f.status === 'fail')) return 'fail'
  if (tasks.some((t) => t.check.gate && t.status !== 'pass' && t.status !== 'warn')) return 'fail'
  if (findings.some((f) => f.status === 'warn' || f.status === 'unverified')) return 'warn'
  return 'pass'
}
