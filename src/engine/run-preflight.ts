import type { PreflightConfig } from '../config.js'
import { AwsAccess } from '../aws/access.js'
import type { CheckEntry } from './check.js'
import { CHECKS } from '../checks/registry.js'
import { planTasks, runTasks, type Task } from './scheduler.js'
import { countStatuses, runResult } from './result.js'
import type { Report, ReportIdentity } from './types.js'
import { VERSION } from '../version.js'

export interface RunOptions {
  /** The checks to run (registry entries, in summary order); by default every check. */
  checks?: readonly CheckEntry[]
  /**
   * Called once, when the SDKs the run needs have loaded and the requests waiting for them are
   * out: a face loads what it needs only after the run (renderers, @actions/core) while AWS
   * answers, not before the first request.
   */
  whileWaiting?: () => void
}

/** Attempts per AWS call: one retry absorbs a dropped connection without hiding the first error. */
const MAX_ATTEMPTS = 2

/** One HTTP attempt may use a third of the run's time, at least 1 s and at most 10 s. */
export function requestTimeoutMs(timeoutSeconds: number): number {
  return Math.min(10_000, Math.max(1_000, Math.floor((timeoutSeconds * 1000) / 3)))
}

/**
 * The engine: plans the checks for the configuration, runs them within `timeoutSeconds`, and
 * returns the report. It never throws for anything AWS or the input does; faces render the report.
 */
export async function runPreflight(
  config: PreflightConfig,
  options: RunOptions = {}
): Promise<Report> {
  const startedAt = new Date()
  const aws = new AwsAccess({
    log: config.log,
    ...(config.profile ? { profile: config.profile } : {}),
    requestTimeoutMs: requestTimeoutMs(config.timeoutSeconds),
    maxAttempts: MAX_ATTEMPTS
  })
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), config.timeoutSeconds * 1000)
  const tasks: Task[] = planTasks(options.checks ?? CHECKS, config)
  try {
    await runTasks(tasks, config, aws, controller.signal, options.whileWaiting)
  } finally {
    clearTimeout(timer)
    controller.abort() // cancels whatever is still in flight after the deadline
    aws.destroy()
  }
  const findings = tasks.flatMap((t) => t.findings ?? [])
  const identityTask = tasks.find((t) => t.meta.id === 'identity' && t.facts)
  const identity: ReportIdentity | undefined = identityTask?.facts
    ? {
        accountId: identityTask.facts.accountId as string,
        arn: identityTask.facts.arn as string,
        userId: identityTask.facts.userId as string
      }
    : undefined
  return {
    schemaVersion: 1,
    tool: { name: 'bedrock-preflight', version: VERSION },
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    result: runResult(tasks),
    regions: config.regions.map((r) => r.value),
    models: config.models.map((m) => m.value),
    ...(identity ? { identity } : {}),
    counts: countStatuses(findings),
    findings
  }
}
