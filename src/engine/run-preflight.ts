import type { PreflightConfig } from '../config.js'
import { AwsAccess } from '../aws/access.js'
import type { CheckEntry } from './check.js'
import { CHECKS } from '../checks/registry.js'
import { planTasks, runTasks, type Task } from './scheduler.js'
import { countStatuses, runResult } from './result.js'
import type { Report, ReportIdentity } from './types.js'
import { VERSION } from '../version.js'
import { chooseDefaultModel, defaultModelRegion } from '../aws/default-model.js'
import { getFoundationModel, listSystemProfiles } from '../checks/shared/bedrock-reads.js'
import { usesRuntime } from '../parse/endpoint.js'
import { observationsOf } from './observations.js'

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
  given: PreflightConfig,
  options: RunOptions = {}
): Promise<Report> {
  // With no model named, the one chosen before planning (withDefaultModel) joins the configuration.
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
  const entries = options.checks ?? CHECKS
  // The runtime's newest Sonnet; with `endpoint: mantle`, mantle-model picks from mantle's own list.
  if (
    usesRuntime(config.endpoint?.value) &&
    entries.some((e) => e.meta.scope === 'model' || e.meta.scope === 'region-model')
  ) {
    if (!controller.signal.aborted) config = await withDefaultModel(config, aws, controller.signal)
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
  const identityTask = tasks.find((t) => t.meta.id === 'identity' && t.facts)
  const identity: ReportIdentity | undefined = identityTask?.facts
    ? {
        accountId: identityTask.facts.accountId as string,
        arn: identityTask.facts.arn as string,
        userId: identityTask.facts.userId as string
      }
    : undefined
  const observations = observationsOf(tasks)
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
    findings,
    ...(observations.length > 0 ? { observations } : {})
  }
}

/**
 * The configuration with a model to check: as given when it names one; otherwise with the newest
 * Claude Sonnet the first valid region can call (one ListInferenceProfiles before the first check,
 * shared with model-resolve's own read of it). Chosen before planning, because the engine plans
 * every task up front. AwsAccess loads the Bedrock SDK for it at once: planLoads has not run yet.
 */
async function withDefaultModel(
  config: PreflightConfig,
  aws: AwsAccess,
  signal: AbortSignal
): Promise<PreflightConfig> {
  if (config.models.length > 0) return config
  const region = defaultModelRegion(config)
  const reads = (r: string) => ({ config, subject: { region: r }, aws, signal, log: config.log })
  const model = await chooseDefaultModel(
    region,
    (r) => listSystemProfiles(reads(r), r),
    async (r, modelId) => {
      const got = await getFoundationModel(reads(r), r, modelId)
      return got.ok ? got.value.modelLifecycle?.status : undefined
    }
  )
  config.log.debug(`model: ${model.value} (${model.source})`)
  return { ...config, models: [model], modelChosen: true }
}
