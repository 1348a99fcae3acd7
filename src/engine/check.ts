import type { PreflightConfig, Logger } from '../config.js'
import type { AwsAccess, OnDemandSdk } from '../aws/access.js'
import type { CheckOutcome, Facts } from './types.js'

/**
 * What a check runs for. A run-scoped check runs once; the others once per region, model,
 * region × model or role, so one summary section can speak of `eu-west-1 · us.anthropic…`.
 */
export type CheckScope = 'run' | 'region' | 'model' | 'region-model' | 'role' | 'oidc'

export interface Subject {
  /** Undefined for the one region subject of a run with no region configured. */
  region?: string
  model?: string
  role?: string
}

export interface CheckContext {
  config: PreflightConfig
  subject: Subject
  aws: AwsAccess
  /** Aborted when the run's time-out is reached. */
  signal: AbortSignal
  /** Facts published by a finished, passing dependency for this subject (or a run-scoped one). */
  facts<T extends Facts = Facts>(checkId: string): T | undefined
  /**
   * Waits for a dependency (one this check starts alongside, see `speculative`) and returns its
   * facts, or undefined when it did not pass. Lets a check start its independent calls at once.
   */
  waitFor<T extends Facts = Facts>(checkId: string): Promise<T | undefined>
  log: Logger
}

export interface CheckDefinition {
  /** Stable id: file name, finding `checkId`, summary row. */
  id: string
  /** How the summary names it: "Caller identity". */
  title: string
  scope: CheckScope
  /** Checks that must end in `pass` or `warn` first; otherwise this one is `skipped` with the reason. */
  dependsOn: string[]
  /**
   * Dependencies (ids from `dependsOn`) this check does not wait for: it starts alongside them, so
   * independent AWS calls share one round trip, and its result is thrown away (→ `skipped`) when
   * one of them does not pass. Use `ctx.waitFor` for their facts.
   */
  speculative?: readonly string[]
  /**
   * SDK modules this check's calls need besides STS. The engine starts loading them the moment the
   * first request is on the wire, so they are ready by the time the check asks for them.
   */
  sdks?: readonly OnDemandSdk[]
  /** When this check cannot verify, nothing after it can: the run fails rather than warns. */
  gate?: boolean
  /** False when the configuration does not ask for this check (then it is not listed at all). */
  applies?(config: PreflightConfig): boolean
  run(ctx: CheckContext): Promise<CheckOutcome>
}
