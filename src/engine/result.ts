import type { CheckStatus, Finding, Report, RunResult } from './types.js'
import type { FailOn } from '../config.js'
import { passed, type Task } from './scheduler.js'

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
 * verified and so let nothing after it run; `warn` when anything warns or could not be verified
 * (a gate that could not verify but still let its dependents run, as identity does with only a
 * Bedrock API key, included); `pass` only when everything that ran passed. An unverified check
 * is never a pass.
 */
export function runResult(tasks: Task[]): RunResult {
  const findings = tasks.flatMap((t) => t.findings ?? [])
  if (findings.some((f) => f.status === 'fail')) return 'fail'
  // A gate skipped by choice (its findings all `skipped`: the agent's gateway signs its calls, so
  // this job's missing credentials are nobody's failure) stops what follows without failing. A
  // gate skipped because another finding failed or could not verify is not by choice: it still
  // fails the run, or a job whose credentials could not be verified would go on to the agent.
  const rootOf = (f: Finding): Finding | undefined =>
    f.explainedBy
      ? findings.find(
          (g) => g.checkId === f.explainedBy!.checkId && g.subject === f.explainedBy!.subject
        )
      : f
  const skippedByChoice = (t: Task) =>
    (t.findings ?? []).length > 0 &&
    (t.findings ?? []).every((f) => f.status === 'skipped' && rootOf(f)?.status === 'skipped')
  if (tasks.some((t) => t.meta.gate && !passed(t) && !skippedByChoice(t))) return 'fail'
  if (findings.some((f) => f.status === 'warn' || f.status === 'unverified')) return 'warn'
  return 'pass'
}

/** Whether the run counts as failed under `fail-on` (the action's step, the CLI's exit code 1). */
export function shouldFail(report: Pick<Report, 'result'>, failOn: FailOn): boolean {
  if (failOn === 'never') return false
  if (failOn === 'warning') return report.result !== 'pass'
  return report.result === 'fail'
}
