import type { PreflightConfig } from '../config.js'
import { AwsAccess } from '../aws/access.js'
import type { CheckEntry } from './check.js'
import { planTasks, runTasks, type Task } from './scheduler.js'
import { countStatuses, runResult } from './result.js'
import type { Report, ReportIdentity } from './types.js'
import { VERSION } from '../version.js'
import { observationsOf } from './observations.js'

export interface RunOptions {
  /**
   * The checks to run (registry entries, in summary order): the faces pass the registry
   * (src/checks/registry.ts), tests a part of it. The engine imports no check.
   */
  checks: readonly CheckEntry[]
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
export async function runPreflight(given: PreflightConfig, options: RunOptions): Promise<Report> {
  // Pre-plan steps (CheckEntry.prepare) may complete the configuration: model-id's default model.
  let config = given
  const startedAt = new Date()
  // The time limit counts from when the inputs began to be read: synchronous work (reading the
  // env file, planning) spends it too, and cannot be interrupted by a timer while it runs.
  const deadlineMs = (config.startedAtMs ?? startedAt.getTime()) + config.timeoutSeconds * 1000
  const aws = new AwsAccess({
    log: config.log,
    ...(config.profile ? { profile: config.profile } : {}),
    requestTimeoutMs: requestTimeoutMs(config.timeoutSeconds),
    maxAttempts: MAX_ATTEMPTS,
    deadlineMs,
    ...(config.bedrockApiKey ? { bedrockApiKey: config.bedrockApiKey.value } : {}),
    env: config.env
  })
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), Math.max(0, deadlineMs - Date.now()))
  // Between synchronous phases: past the deadline, every task ends "could not verify".
  const checkDeadline = () => {
    if (Date.now() >= deadlineMs) controller.abort()
  }
  checkDeadline()
  const entries = options.checks
  for (const entry of entries) {
    if (entry.prepare && !controller.signal.aborted) {
      config = await entry.prepare(config, { aws, signal: controller.signal })
    }
  }
  const tasks: Task[] = planTasks(entries, config)
  checkDeadline()
  try {
    await runTasks(tasks, config, aws, controller.signal, options.whileWaiting)
  } finally {
    clearTimeout(timer)
    controller.abort() // cancels whatever is still in flight after the deadline
    aws.destroy()
  }
  const findings = tasks.flatMap((t) => t.findings ?? [])
  // The identity the report shows is the one a check shares from its facts (identity's caller).
  const identity: ReportIdentity | undefined = tasks
    .map((t) => (t.facts ? t.meta.share?.(t.facts).identity : undefined))
    .find((shared) => shared !== undefined)
  const observations = observationsOf(tasks)
  return {
    schemaVersion: 1,
    tool: { name: 'bedrock-preflight', version: VERSION },
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    result: runResult(tasks),
    regions: config.regions.map((r) => r.value),
    models: [...new Set(config.models.map((m) => m.value))],
    ...(identity ? { identity } : {}),
    counts: countStatuses(findings),
    findings,
    ...(observations.length > 0 ? { observations } : {})
  }
}
