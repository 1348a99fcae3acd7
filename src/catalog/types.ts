import type { Surface } from '../config.js'

/** What a fix may name to be exact: the profile to log in with, the caller ARN to trust, … */
export interface FixContext {
  surface: Surface
  profile?: string
  region?: string
  callerArn?: string
  roleArn?: string
  modelId?: string
  /** How the credentials were obtained: `sso`, `env-static`, `web-identity`, … */
  credentialSource?: string
}

/** How an error of this kind ends the check that saw it. */
export type CatalogVerdict = 'fail' | 'unverified' | 'warn'

/**
 * One AWS (or SDK, or tool) error as users meet it: what `explain` matches, and what a check
 * reporting that error says about it.
 */
export interface CatalogEntry {
  readonly id: string
  /** Short name for tables: "Expired security token". */
  readonly title: string
  /** Error codes that identify it on their own (used only when `patterns` is absent). */
  readonly codes?: readonly string[]
  /** Message patterns, tried against `code: message` after normalisation; any one matching is enough. */
  readonly patterns?: readonly RegExp[]
  /** The heading of the InsightWorker troubleshooting page this entry answers. */
  readonly seed?: string
  readonly cause: string
  /** Markdown; exact commands and values where the context gives them. */
  readonly fix: (ctx: FixContext) => string
  readonly doc: string
  /** `unverified`: the error means the preflight could not find out, not that the job is broken. */
  readonly verdict: CatalogVerdict
}
